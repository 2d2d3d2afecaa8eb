//! NumPy arrays as whole buffers: the facade hands over the bytes of a
//! one-dimensional array of int64, uint64 or float64 (little-endian) and the
//! engine reads them where they lie, without the GIL and without a Python
//! object per party (integers are viewed in place when aligned, floats
//! become whole numbers or decimals in one pass).
//!
//! Why bytes and not the array's own memory: the workspace forbids
//! `unsafe`, and pyo3's safe buffer view needs Python 3.11's limited API
//! while the wheel supports 3.9 (abi3-py39). `ndarray.tobytes()` is one
//! memcpy (about 1 ms for 10^6 items); the bytes are immutable, so a
//! thread changing the array meanwhile changes nothing here.

use crate::convert::strict;
use crate::error::option_err;
use crate::floats::{float_decimal, scaled_floats, scaled_wholes};
use andel_core::{Decimal, Error};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat};
use std::borrow::Cow;
use zerocopy::FromBytes;

/// The kind of number an array holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Signed,
    Unsigned,
    Float,
}

/// An array's bytes and the kind of its items.
pub(crate) struct Buffer<'a> {
    bytes: &'a [u8],
    kind: Kind,
}

/// Weights as the engine takes them: whole numbers (borrowed from the
/// buffer when they are its own bits) or decimals.
pub(crate) enum Weights<'a> {
    Whole(Cow<'a, [u64]>),
    Decimal(Vec<Decimal>),
}

/// The buffer of an array's bytes, its items' kind given as NumPy's dtype
/// code without the byte order ("i8", "u8", "f8").
pub(crate) fn buffer<'a>(data: &'a Bound<'_, PyBytes>, kind: &str) -> PyResult<Buffer<'a>> {
    let bytes = data.as_bytes();
    let kind = match kind {
        "i8" => Kind::Signed,
        "u8" => Kind::Unsigned,
        "f8" => Kind::Float,
        _ => return Err(option_err("weights", format!("no array of {kind:?}"))),
    };
    if bytes.len() % 8 != 0 {
        return Err(option_err(
            "weights",
            "a buffer of 8-byte numbers was expected".into(),
        ));
    }
    if kind == Kind::Float && strict() && bytes.len() >= 8 {
        // The same refusal as for one float, at the first item.
        let first = f64::from_le_bytes(<[u8; 8]>::try_from(&bytes[..8]).unwrap_or_default());
        crate::convert::decimal(PyFloat::new(data.py(), first).as_any(), "weights[0]")?;
    }
    Ok(Buffer { bytes, kind })
}

impl Buffer<'_> {
    /// The items' bits: viewed in place on a little-endian machine when the
    /// bytes are 8-aligned (Python's bytes objects are), else copied.
    fn bits(&self) -> Cow<'_, [u64]> {
        if cfg!(target_endian = "little") {
            if let Ok(view) = <[u64]>::ref_from_bytes(self.bytes) {
                return Cow::Borrowed(view);
            }
        }
        Cow::Owned(
            self.bytes
                .chunks_exact(8)
                .map(|b| u64::from_le_bytes(<[u8; 8]>::try_from(b).unwrap_or_default()))
                .collect(),
        )
    }

    /// The weights, read in one pass: integers as they are (a negative one
    /// an error naming its index), floats by the float rule (whole numbers
    /// when all are integral below 2^53, else decimals).
    pub(crate) fn weights(&self) -> Result<Weights<'_>, Error> {
        let bits = self.bits();
        match self.kind {
            Kind::Unsigned => Ok(Weights::Whole(bits)),
            Kind::Signed => match bits.iter().position(|&b| b >> 63 == 1) {
                None => Ok(Weights::Whole(bits)),
                Some(i) => Err(Error::NegativeWeight {
                    field: format!("weights[{i}]"),
                    value: Decimal::from(bits[i] as i64),
                }),
            },
            Kind::Float => {
                let floats = bits.iter().map(|&b| f64::from_bits(b));
                // One pass to whole numbers at one scale (integral floats
                // as they are), no decimal made; the general path below
                // only for what that cannot take (and for the errors).
                if let Some(whole) = scaled_floats(floats.clone()) {
                    return Ok(Weights::Whole(Cow::Owned(whole)));
                }
                let decimals = floats
                    .enumerate()
                    .map(|(i, x)| float_decimal(x, &|| format!("weights[{i}]")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(match scaled_wholes(&decimals) {
                    Some(whole) => Weights::Whole(Cow::Owned(whole)),
                    None => Weights::Decimal(decimals),
                })
            }
        }
    }
}
