//! NumPy arrays read where they lie: the facade hands over a one-dimensional
//! C-contiguous array of int64, uint64 or float64 in the machine's byte
//! order, and the engine reads its memory in place (rust-numpy's safe view),
//! without the GIL and without a Python object per party. The units come
//! back as a NumPy array that owns the engine's own result vector: no copy
//! either way.
//!
//! The engine reads only its own copy of the items (integers copied with
//! the sign checked, floats turned into whole numbers or decimals in one
//! pass; in 32 bits when every one fits, else read again into 64), so a
//! thread changing the array meanwhile cannot make the engine see two
//! different values for one party (it sees, for each item, the value before
//! or after the change, as NumPy's own functions do).

use crate::convert::strict;
use crate::error::option_err;
use crate::floats::{float_decimal, scaled_floats, scaled_floats_in, scaled_wholes};
use andel_core::{Decimal, Error};
use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::PyFloat;
use std::borrow::Cow;

/// An array's items, borrowed read-only from NumPy.
pub(crate) enum Array<'py> {
    Signed(PyReadonlyArray1<'py, i64>),
    Unsigned(PyReadonlyArray1<'py, u64>),
    Float(PyReadonlyArray1<'py, f64>),
}

/// The items of an array as a plain slice, to be read without the GIL.
#[derive(Clone, Copy)]
pub(crate) enum Items<'a> {
    Signed(&'a [i64]),
    Unsigned(&'a [u64]),
    Float(&'a [f64]),
}

/// Weights as the engine takes them: whole numbers (below 2^32 in half the
/// memory) or decimals.
pub(crate) enum Weights<'a> {
    Whole(Cow<'a, [u64]>),
    Narrow(Vec<u32>),
    Decimal(Vec<Decimal>),
}

/// The items in 32 bits when every one is from 0 to 2^32 − 1, read once
/// (a block at a time: its high bits checked, then its items copied).
fn narrow<T: Copy>(xs: &[T], bits: impl Fn(T) -> u64) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(xs.len());
    for block in xs.chunks(1024) {
        if block.iter().fold(0, |high, &x| high | bits(x) >> 32) != 0 {
            return None;
        }
        out.extend(block.iter().map(|&x| bits(x) as u32));
    }
    Some(out)
}

/// The array `data` of the items' kind given as NumPy's dtype code without
/// the byte order ("i8", "u8", "f8"), borrowed read-only.
pub(crate) fn array<'py>(data: &Bound<'py, PyAny>, kind: &str) -> PyResult<Array<'py>> {
    fn view<'py, T: numpy::Element>(
        data: &Bound<'py, PyAny>,
        kind: &str,
    ) -> PyResult<PyReadonlyArray1<'py, T>> {
        let a = data.cast::<PyArray1<T>>().map_err(|_| {
            option_err(
                "weights",
                format!("a one-dimensional NumPy array of {kind} was expected"),
            )
        })?;
        a.try_readonly()
            .map_err(|e| option_err("weights", e.to_string()))
    }
    let a = match kind {
        "i8" => Array::Signed(view(data, kind)?),
        "u8" => Array::Unsigned(view(data, kind)?),
        "f8" => Array::Float(view(data, kind)?),
        _ => return Err(option_err("weights", format!("no array of {kind:?}"))),
    };
    if let Ok(Items::Float(xs)) = a.items() {
        if let (Some(&first), true) = (xs.first(), strict()) {
            // The same refusal as for one float, at the first item.
            crate::convert::decimal(PyFloat::new(data.py(), first).as_any(), "weights[0]")?;
        }
    }
    Ok(a)
}

impl Array<'_> {
    /// The items as a slice (the facade makes the array contiguous).
    pub(crate) fn items(&self) -> PyResult<Items<'_>> {
        let err = |e: numpy::AsSliceError| option_err("weights", e.to_string());
        Ok(match self {
            Array::Signed(a) => Items::Signed(a.as_slice().map_err(err)?),
            Array::Unsigned(a) => Items::Unsigned(a.as_slice().map_err(err)?),
            Array::Float(a) => Items::Float(a.as_slice().map_err(err)?),
        })
    }
}

impl Items<'_> {
    /// The weights, read in one pass: integers as they are (a negative one
    /// an error naming its index), floats by the float rule (whole numbers
    /// at one scale when they fit, else decimals).
    pub(crate) fn weights(self) -> Result<Weights<'static>, Error> {
        match self {
            Items::Unsigned(xs) => Ok(match narrow(xs, |x| x) {
                Some(small) => Weights::Narrow(small),
                None => Weights::Whole(Cow::Owned(xs.to_vec())),
            }),
            Items::Signed(xs) => {
                // A negative one has its high bits set: the path below
                // names it.
                if let Some(small) = narrow(xs, |x| x as u64) {
                    return Ok(Weights::Narrow(small));
                }
                let whole: Vec<u64> = xs.iter().map(|&x| x as u64).collect();
                match whole.iter().position(|&b| b >> 63 == 1) {
                    None => Ok(Weights::Whole(Cow::Owned(whole))),
                    Some(i) => Err(Error::NegativeWeight {
                        field: format!("weights[{i}]"),
                        value: Decimal::from(whole[i] as i64),
                    }),
                }
            }
            Items::Float(xs) => {
                // One pass to whole numbers at one scale (integral floats
                // as they are), no decimal made; the general path below
                // only for what that cannot take (and for the errors).
                if let Some(small) = scaled_floats_in::<u32>(xs) {
                    return Ok(Weights::Narrow(small));
                }
                if let Some(whole) = scaled_floats(xs) {
                    return Ok(Weights::Whole(Cow::Owned(whole)));
                }
                let decimals = xs
                    .iter()
                    .enumerate()
                    .map(|(i, &x)| float_decimal(x, &|| format!("weights[{i}]")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(match scaled_wholes(&decimals) {
                    Some(whole) => Weights::Whole(Cow::Owned(whole)),
                    None => Weights::Decimal(decimals),
                })
            }
        }
    }
}
