//! Python values to core's types: numbers (ints, `Decimal`s, decimal
//! strings, floats by the float rule of `floats.rs`), whole numbers, limits,
//! tie rules and weights. Weights are read under the GIL into plain Rust
//! values in one pass (no exception per element, no text per float) and
//! turned into decimals without it.

use crate::error::{err, invalid, option_err};
use crate::floats::{float_decimal, float_whole, Scaled};
use andel_core::{Decimal, Error, Limit, Method, Options, PartyRef, TieRule};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyIterator, PyList, PySet,
    PyString, PyTuple,
};
use std::borrow::Cow;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether floats are refused (`andel.set_strict(True)`); by default a
/// finite float is read as the decimal its shortest repr shows.
pub(crate) static STRICT_FLOATS: AtomicBool = AtomicBool::new(false);

pub(crate) fn strict() -> bool {
    STRICT_FLOATS.load(Ordering::Relaxed)
}

fn from_numpy(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type()
        .module()
        .is_ok_and(|m| m.to_string().starts_with("numpy"))
}

/// Whether `obj` is a float: Python's, or a NumPy floating scalar.
fn is_float(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<PyFloat>()
        || from_numpy(obj)
            && obj
                .get_type()
                .name()
                .is_ok_and(|n| n.to_string().starts_with("float"))
}

/// A NumPy bool scalar (`np.True_`), which is not a Python bool.
fn is_numpy_bool(obj: &Bound<'_, PyAny>) -> bool {
    from_numpy(obj)
        && obj
            .get_type()
            .name()
            .is_ok_and(|n| n.to_string().starts_with("bool"))
}

/// An integer-like object that is not a bool: int, NumPy integers.
fn is_integer(obj: &Bound<'_, PyAny>) -> bool {
    !obj.is_instance_of::<PyBool>()
        && (obj.is_instance_of::<PyInt>()
            || from_numpy(obj)
                && obj.hasattr("__index__").unwrap_or(false)
                && !is_float(obj)
                && is_scalar(obj))
}

/// Not an array of several values (a NumPy scalar or 0-d array has `ndim`
/// 0; an array row inside a 2-d array is no number).
fn is_scalar(obj: &Bound<'_, PyAny>) -> bool {
    obj.getattr("ndim")
        .and_then(|n| n.extract::<usize>())
        .map_or(true, |n| n == 0)
}

/// The digits of a `decimal.Decimal` (or a subclass) as `[-]digitsE<exp>`
/// from `decimal.Decimal.as_tuple` (NaN and infinity as their words, which
/// core refuses); `None` for anything else.
fn decimal_digits(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let py = obj.py();
    let class = py.import("decimal")?.getattr("Decimal")?;
    if !obj.is_instance(&class)? {
        return Ok(None);
    }
    let t = class.getattr("as_tuple")?.call1((obj,))?;
    let sign: u8 = t.getattr("sign")?.extract()?;
    let exponent = t.getattr("exponent")?;
    let sign = if sign == 1 { "-" } else { "" };
    if exponent.is_instance_of::<PyString>() {
        // 'n', 'N' (NaN) or 'F' (infinity).
        let word = if exponent.extract::<String>()? == "F" {
            "Infinity"
        } else {
            "NaN"
        };
        return Ok(Some(format!("{sign}{word}")));
    }
    let exponent: i64 = exponent.extract()?;
    let mut digits = String::new();
    for d in t.getattr("digits")?.try_iter()? {
        let d: u8 = d?.extract()?;
        digits.push(char::from(b'0' + d % 10));
    }
    if digits.is_empty() {
        digits.push('0');
    }
    // Plain digits with a point where that is short (as str() shows most
    // decimals), else digits and an exponent: core reads both exactly.
    let n = digits.len() as i64;
    Ok(Some(if (0..=40).contains(&exponent) {
        format!("{sign}{digits}{}", "0".repeat(exponent as usize))
    } else if (-80..0).contains(&exponent) {
        let point = n + exponent;
        if point > 0 {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        }
    } else {
        format!("{sign}{digits}E{exponent}")
    }))
}

/// An exact decimal from an int, a `decimal.Decimal`, a decimal string or a
/// finite float (read as the decimal its shortest repr shows; refused after
/// `andel.set_strict(True)`). NaN and infinity are refused.
pub(crate) fn decimal(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    decimal_at(obj, &|| field.to_string())
}

/// [`decimal`] with the field's name made only when there is an error.
fn decimal_at(obj: &Bound<'_, PyAny>, field: &dyn Fn() -> String) -> PyResult<Decimal> {
    match number(obj, field)? {
        Number::Whole(w) => Ok(Decimal::from(w)),
        Number::Float(x) => float_decimal(x, field).map_err(err),
        Number::Exact(d) => Ok(d),
    }
}

/// One number as read under the GIL: a float is kept as it is and made a
/// decimal later, without the GIL (see [`Number::decimal`]).
#[derive(Clone, Copy)]
pub(crate) enum Number {
    Whole(u64),
    Float(f64),
    Exact(Decimal),
}

impl Number {
    /// The exact decimal; for a float by the float rule, errors at `field`.
    pub(crate) fn decimal(self, field: &dyn Fn() -> String) -> Result<Decimal, Error> {
        match self {
            Number::Whole(w) => Ok(Decimal::from(w)),
            Number::Float(x) => float_decimal(x, field),
            Number::Exact(d) => Ok(d),
        }
    }

    /// The whole number, when it is one the units-only engine takes as is
    /// (an int from 0 up, an integral float below 2^53).
    fn whole(self) -> Option<u64> {
        match self {
            Number::Whole(w) => Some(w),
            Number::Float(x) => float_whole(x),
            Number::Exact(_) => None,
        }
    }
}

/// A number read without Python text where its type allows: plain ints and
/// floats (and their subclasses, by value) at once; NumPy scalars, decimals
/// and strings by the general rules.
fn number(obj: &Bound<'_, PyAny>, field: &dyn Fn() -> String) -> PyResult<Number> {
    if obj.is_exact_instance_of::<PyInt>() {
        if let Ok(w) = obj.extract::<u64>() {
            return Ok(Number::Whole(w));
        }
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Number::Exact(Decimal::from(i)));
        }
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if !strict() {
            // A subclass of float is read by its value, never by its __str__.
            let x = f.value();
            if !surely_decimal(x) {
                // NaN, infinity, or beyond a decimal's range: the error now,
                // in the items' order.
                float_decimal(x, field).map_err(err)?;
            }
            return Ok(Number::Float(x));
        }
    }
    general(obj, field)
}

/// Whether a float surely has a decimal (its at most 17 shortest digits fit
/// 28 places and 96 bits): made later, without the GIL.
fn surely_decimal(x: f64) -> bool {
    x == 0.0 || (1e-11..7e28).contains(&x.abs())
}

fn general(obj: &Bound<'_, PyAny>, field: &dyn Fn() -> String) -> PyResult<Number> {
    // Anything an i64 can be taken from (NumPy integers, `__index__`).
    if !obj.is_instance_of::<PyBool>() && !obj.is_instance_of::<PyFloat>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Number::Exact(Decimal::from(i)));
        }
    }
    let field = &field();
    let shown = || obj.repr().map(|r| r.to_string()).unwrap_or_default();
    if obj.is_instance_of::<PyBool>() || is_numpy_bool(obj) {
        return Err(invalid(field, shown(), "a bool is not a number"));
    }
    if is_float(obj) {
        if strict() {
            return Err(invalid(
                field,
                shown(),
                "floats are refused (andel.set_strict(True)); pass decimal.Decimal('0.072'), \
                 the string '0.072' or an int",
            ));
        }
        // A NumPy float other than float64 (float32, float16): the shortest
        // form of its own precision, as NumPy's str shows it.
        let text = obj.str()?.to_string();
        let text = text.strip_suffix(".0").unwrap_or(&text);
        return andel_core::number::decimal_from_number_text(text, field)
            .map(Number::Exact)
            .map_err(err);
    }
    if is_integer(obj) {
        let too_large = || err(Error::overflow(field, format!("{} is too large", shown())));
        let i = obj.extract::<i128>().map_err(|_| too_large())?;
        return Decimal::try_from_i128_with_scale(i, 0)
            .map(Number::Exact)
            .map_err(|_| too_large());
    }
    if obj.is_instance_of::<PyString>() {
        let s: String = obj.extract()?;
        return andel_core::number::decimal_from_number_text(s.trim(), field)
            .map(Number::Exact)
            .map_err(err);
    }
    // A decimal.Decimal: its own digits, read exactly by core (a Decimal
    // with more digits than ours is an error, never rounded). Read through
    // Decimal's own as_tuple, so a subclass's __str__ (a money class that
    // prints two places) or the caller's context changes nothing.
    if let Some(text) = decimal_digits(obj)? {
        return andel_core::number::decimal_from_number_text(&text, field)
            .map(Number::Exact)
            .map_err(err);
    }
    Err(invalid(
        field,
        shown(),
        "use an int, a decimal.Decimal or a decimal string (NaN and infinity are not numbers)",
    ))
}

/// The old route for a float, kept as the reference the fast one is tested
/// against: Python's `float.__repr__` text, read by core.
pub(crate) fn float_by_repr(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    let text = obj
        .py()
        .get_type::<PyFloat>()
        .getattr("__repr__")?
        .call1((obj,))?
        .to_string();
    let text = text.strip_suffix(".0").unwrap_or(&text);
    andel_core::number::decimal_from_number_text(text, field).map_err(err)
}

/// The items of a list, tuple, generator or other ordered iterable, or an
/// error at `field`: text, bytes, a mapping and a set are not lists of
/// values (text would be read as its characters, a mapping as its keys, a set
/// in no order), and neither is a lone value.
pub(crate) fn ordered_items<'py>(
    obj: &Bound<'py, PyAny>,
    field: &str,
    what: &str,
) -> PyResult<Bound<'py, PyIterator>> {
    let unordered = obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PySet>()
        || obj.is_instance_of::<PyFrozenSet>();
    let items = if unordered { None } else { obj.try_iter().ok() };
    items.ok_or_else(|| {
        let kind = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        option_err(field, format!("expected {what}, got {kind}"))
    })
}

/// Numbers as read from a Python list under the GIL, to be made decimals
/// (or whole numbers) without it: the leading whole numbers (all of them,
/// for a list of ints) as they are, the rest from the first other one on.
pub(crate) struct Numbers {
    whole: Vec<u64>,
    rest: Vec<Number>,
    field: String,
}

/// Reads a list (or other ordered iterable) of numbers in one pass, the
/// first bad item an error naming it; floats are made decimals later.
pub(crate) fn numbers(list: &Bound<'_, PyAny>, field: &str) -> PyResult<Numbers> {
    let at = |i: usize| move || format!("{field}[{i}]");
    let mut n = Numbers {
        whole: Vec::new(),
        rest: Vec::new(),
        field: field.to_string(),
    };
    if let Ok(list) = list.cast::<PyList>() {
        n.whole.reserve(list.len());
        for (i, x) in list.iter().enumerate() {
            let x = number(&x, &at(i))?;
            if n.rest.is_empty() && !matches!(x, Number::Whole(_)) {
                // The rest in one allocation (a list of floats: all of it).
                n.rest.reserve(list.len() - i);
            }
            n.push(x);
        }
    } else {
        for (i, x) in ordered_items(list, field, "a list of numbers")?.enumerate() {
            n.push(number(&x?, &at(i))?);
        }
    }
    Ok(n)
}

impl Numbers {
    /// How many numbers were read.
    pub(crate) fn count(&self) -> usize {
        self.whole.len() + self.rest.len()
    }

    fn push(&mut self, n: Number) {
        match n {
            Number::Whole(w) if self.rest.is_empty() => self.whole.push(w),
            n => self.rest.push(n),
        }
    }

    /// Every number as a decimal, the first bad one an error naming it.
    pub(crate) fn decimals(&self) -> Result<Vec<Decimal>, Error> {
        let offset = self.whole.len();
        let mut out = Vec::with_capacity(offset + self.rest.len());
        out.extend(self.whole.iter().map(|&w| Decimal::from(w)));
        for (i, n) in self.rest.iter().enumerate() {
            out.push(n.decimal(&|| format!("{}[{}]", self.field, offset + i))?);
        }
        Ok(out)
    }

    /// Every number as a whole number at one common scale (floats by the
    /// float rule, see `floats::Scaled`): what `scaled_wholes` gives for
    /// [`Numbers::decimals`], without the decimals. `None` where those
    /// must decide (a decimal, a negative number, one too large).
    pub(crate) fn scaled(&self) -> Option<Vec<u64>> {
        let mut out = Scaled::with_capacity(self.whole.len() + self.rest.len());
        for &w in &self.whole {
            out.push_whole(w)?;
        }
        // Runs of floats go in blocks, tested as an array's are.
        let mut floats: Vec<f64> = Vec::with_capacity(1024);
        for n in &self.rest {
            match *n {
                Number::Float(x) => {
                    floats.push(x);
                    if floats.len() == floats.capacity() {
                        out.extend_floats(&floats)?;
                        floats.clear();
                    }
                }
                Number::Whole(w) => {
                    out.extend_floats(&floats)?;
                    floats.clear();
                    out.push_whole(w)?;
                }
                Number::Exact(_) => return None,
            }
        }
        out.extend_floats(&floats)?;
        Some(out.into_wholes())
    }

    /// Every number as a whole number, when all are ones the units-only
    /// engine takes as they are (a list of ints: borrowed as read).
    pub(crate) fn wholes(&self) -> Option<Cow<'_, [u64]>> {
        if self.rest.is_empty() {
            return Some(Cow::Borrowed(&self.whole));
        }
        let mut all = Vec::with_capacity(self.whole.len() + self.rest.len());
        all.extend_from_slice(&self.whole);
        for n in &self.rest {
            all.push(n.whole()?);
        }
        Some(Cow::Owned(all))
    }
}

/// A whole number from 0 to 2^64 - 1 (an int or a NumPy integer).
pub(crate) fn whole(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u64> {
    if !is_integer(obj) {
        return Err(option_err(
            field,
            format!("expected a whole number, got {}", obj.repr()?),
        ));
    }
    obj.extract::<u64>().map_err(|_| {
        let shown = obj.repr().map(|r| r.to_string()).unwrap_or_default();
        let negative = obj.lt(0).unwrap_or(false);
        if negative {
            option_err(
                field,
                format!("{shown} is negative; give a whole number from 0 up"),
            )
        } else {
            err(Error::overflow(
                field,
                format!("{shown} is more than andel can count (2^64 - 1)"),
            ))
        }
    })
}

fn limit(obj: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<Limit>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut by_id = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let id = k.str()?.to_string();
            let n = whole(&v, &format!("{field}.{id}"))?;
            by_id.push((id, n));
        }
        return Ok(Some(Limit::ById(by_id.into_iter().collect())));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let v = obj
            .try_iter()?
            .enumerate()
            .map(|(i, x)| whole(&x?, &format!("{field}[{i}]")))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(Some(Limit::Each(v)));
    }
    Ok(Some(Limit::All(whole(obj, field)?)))
}

/// The tie rule: "order", "error" or a priority list of ids or positions.
pub(crate) fn ties(obj: Option<&Bound<'_, PyAny>>) -> PyResult<TieRule> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(TieRule::Order);
    };
    if obj.is_instance_of::<PyString>() {
        let s: String = obj.extract()?;
        return match s.as_str() {
            "order" => Ok(TieRule::Order),
            "error" => Ok(TieRule::Error),
            _ => Err(option_err(
                "ties",
                format!("{s:?}: use \"order\", \"error\" or a priority order (a list of ids or indexes)"),
            )),
        };
    }
    let order = ordered_items(obj, "ties", "\"order\", \"error\" or a priority list")?
        .enumerate()
        .map(|(i, x)| {
            let x = x?;
            if x.is_instance_of::<PyString>() {
                Ok(PartyRef::Id(x.extract()?))
            } else {
                Ok(PartyRef::Index(whole(&x, &format!("ties[{i}]"))? as usize))
            }
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(TieRule::Priority(order))
}

/// A method's name checked.
pub(crate) fn method(name: &str) -> PyResult<Method> {
    Method::from_str(name).map_err(err)
}

/// An optional first divisor.
pub(crate) fn first_divisor(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Decimal>> {
    obj.filter(|o| !o.is_none())
        .map(|o| decimal(o, "first_divisor"))
        .transpose()
}

pub(crate) fn options(
    method_name: &str,
    minimum: Option<&Bound<'_, PyAny>>,
    maximum: Option<&Bound<'_, PyAny>>,
    divisor: Option<&Bound<'_, PyAny>>,
    tie_rule: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    Ok(Options {
        method: method(method_name)?,
        minimum: limit(minimum, "minimum")?,
        maximum: limit(maximum, "maximum")?,
        first_divisor: first_divisor(divisor)?,
        ties: ties(tie_rule)?,
    })
}
