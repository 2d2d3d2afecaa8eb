//! The private native module `andel._andel`. Each function converts its
//! arguments, calls andel-core once and converts back; all logic lives in
//! core. Errors cross as one `CoreError(code, message, field, json)` that
//! the Python facade turns into the right `andel.AndelError` subclass by
//! code. Explained results cross as JSON text (exact decimals as strings).

use andel_core::document::{compute_json_with, FileAccess};
use andel_core::present::{self, Language};
use andel_core::tabular::{read_weights, read_weights_bytes, CsvColumns, Dialect, NumberStyle};
use andel_core::{
    apportion_named, apportion_units, data, split_named, Allocation, Decimal, Error, Key, KeyParty,
    Limit, Method, Options, PartyRef, SplitOptions, TieRule,
};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyIterator, PyList, PySet,
    PyString, PyTuple,
};
use std::str::FromStr;

pyo3::create_exception!(_andel, CoreError, PyException);

/// Whether floats are refused (`andel.set_strict(True)`); by default a
/// finite float is read as the decimal its shortest repr shows.
static STRICT_FLOATS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Refuse floats (`true`) or read them as the decimal their repr shows.
#[pyfunction]
fn set_strict(strict: bool) {
    STRICT_FLOATS.store(strict, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `obj` is a float: Python's, or a NumPy floating scalar.
fn is_float(obj: &Bound<'_, PyAny>) -> bool {
    let t = obj.get_type();
    obj.is_instance_of::<PyFloat>()
        || t.module().is_ok_and(|m| m.to_string().starts_with("numpy"))
            && t.name().is_ok_and(|n| n.to_string().starts_with("float"))
}

/// A NumPy bool scalar (`np.True_`), which is not a Python bool.
fn is_numpy_bool(obj: &Bound<'_, PyAny>) -> bool {
    let t = obj.get_type();
    t.module().is_ok_and(|m| m.to_string().starts_with("numpy"))
        && t.name().is_ok_and(|n| n.to_string().starts_with("bool"))
}

/// An integer-like object that is not a bool: int, NumPy integers.
fn is_integer(obj: &Bound<'_, PyAny>) -> bool {
    !obj.is_instance_of::<PyBool>()
        && (obj.is_instance_of::<pyo3::types::PyInt>()
            || obj
                .get_type()
                .module()
                .is_ok_and(|m| m.to_string().starts_with("numpy"))
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

/// A core error as a Python exception carrying (code, message, field, json).
fn err(e: Error) -> PyErr {
    let json = serde_json::to_string(&e).unwrap_or_default();
    CoreError::new_err((e.code(), e.to_string(), e.field().map(str::to_string), json))
}

fn invalid(field: &str, value: String, reason: &str) -> PyErr {
    err(Error::InvalidNumber {
        field: field.to_string(),
        value,
        reason: reason.to_string(),
    })
}

fn option_err(field: &str, message: String) -> PyErr {
    err(Error::InvalidOption {
        field: field.to_string(),
        message,
    })
}

fn json_err(e: serde_json::Error) -> PyErr {
    err(Error::Document {
        field: String::new(),
        message: e.to_string(),
    })
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
fn decimal(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    decimal_at(obj, &|| field.to_string())
}

/// [`decimal`] with the field's name made only when there is an error.
fn decimal_at(obj: &Bound<'_, PyAny>, field: &dyn Fn() -> String) -> PyResult<Decimal> {
    if let Ok(i) = obj.extract::<i64>() {
        if !obj.is_instance_of::<PyBool>() {
            return Ok(Decimal::from(i));
        }
    }
    let field = &field();
    let shown = || obj.repr().map(|r| r.to_string()).unwrap_or_default();
    if obj.is_instance_of::<PyBool>() || is_numpy_bool(obj) {
        return Err(invalid(field, shown(), "a bool is not a number"));
    }
    if is_float(obj) {
        if STRICT_FLOATS.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(invalid(
                field,
                shown(),
                "floats are refused (andel.set_strict(True)); pass decimal.Decimal('0.072'), \
                 the string '0.072' or an int",
            ));
        }
        // The shortest round-trip form (NumPy's too): the digits the user
        // sees. 43089.0 is 43089. A subclass of float is read by its value
        // (float's own repr), never by its own __str__.
        let text = if obj.is_instance_of::<PyFloat>() {
            obj.py()
                .get_type::<PyFloat>()
                .getattr("__repr__")?
                .call1((obj,))?
                .to_string()
        } else {
            obj.str()?.to_string()
        };
        let text = text.strip_suffix(".0").unwrap_or(&text);
        return andel_core::number::decimal_from_number_text(text, field).map_err(err);
    }
    if is_integer(obj) {
        let too_large = || err(Error::overflow(field, format!("{} is too large", shown())));
        let i = obj.extract::<i128>().map_err(|_| too_large())?;
        return Decimal::try_from_i128_with_scale(i, 0).map_err(|_| too_large());
    }
    if obj.is_instance_of::<PyString>() {
        let s: String = obj.extract()?;
        return andel_core::number::decimal_from_number_text(s.trim(), field).map_err(err);
    }
    // A decimal.Decimal: its own digits, read exactly by core (a Decimal
    // with more digits than ours is an error, never rounded). Read through
    // Decimal's own as_tuple, so a subclass's __str__ (a money class that
    // prints two places) or the caller's context changes nothing.
    if let Some(text) = decimal_digits(obj)? {
        return andel_core::number::decimal_from_number_text(&text, field).map_err(err);
    }
    Err(invalid(
        field,
        shown(),
        "use an int, a decimal.Decimal or a decimal string (NaN and infinity are not numbers)",
    ))
}

/// The items of a list, tuple, generator or other ordered iterable, or an
/// error at `field`: text, bytes, a mapping and a set are not lists of
/// values (text would be read as its characters, a mapping as its keys, a set
/// in no order), and neither is a lone value.
fn ordered_items<'py>(
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

fn decimals(list: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<Decimal>> {
    ordered_items(list, field, "a list of numbers")?
        .enumerate()
        .map(|(i, x)| decimal_at(&x?, &|| format!("{field}[{i}]")))
        .collect()
}

fn whole(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u64> {
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

fn ties(obj: Option<&Bound<'_, PyAny>>) -> PyResult<TieRule> {
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

fn options(
    method: &str,
    minimum: Option<&Bound<'_, PyAny>>,
    maximum: Option<&Bound<'_, PyAny>>,
    first_divisor: Option<&Bound<'_, PyAny>>,
    tie_rule: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    Ok(Options {
        method: Method::from_str(method).map_err(err)?,
        minimum: limit(minimum, "minimum")?,
        maximum: limit(maximum, "maximum")?,
        first_divisor: first_divisor
            .filter(|o| !o.is_none())
            .map(|o| decimal(o, "first_divisor"))
            .transpose()?,
        ties: ties(tie_rule)?,
    })
}

/// Whole units per party, in input order.
#[pyfunction]
#[pyo3(signature = (weights, seats, method, minimum=None, maximum=None, first_divisor=None, ties=None, ids=None, exclude=None))]
#[allow(clippy::too_many_arguments)]
fn apportion(
    py: Python<'_>,
    weights: &Bound<'_, PyAny>,
    seats: &Bound<'_, PyAny>,
    method: &str,
    minimum: Option<&Bound<'_, PyAny>>,
    maximum: Option<&Bound<'_, PyAny>>,
    first_divisor: Option<&Bound<'_, PyAny>>,
    ties: Option<&Bound<'_, PyAny>>,
    ids: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
) -> PyResult<Vec<u64>> {
    let w = party_weights(weights, ids.as_deref(), exclude)?;
    let seats = whole(seats, "seats")?;
    let o = options(method, minimum, maximum, first_divisor, ties)?;
    // Every core call runs without the GIL: other Python threads go on.
    py.detach(|| match w {
        Weights::Whole(whole) => apportion_units(&whole, seats, &o),
        Weights::Decimal(w) => {
            apportion_named(&w, ids.as_deref(), seats, &o).map(|a| a.into_units())
        }
    })
    .map_err(|e| err(e.renamed("total", "seats")))
}

/// Weights as the engine takes them: a list of plain ints (populations)
/// needs no decimals and no explanation; anything else is read as decimals,
/// with the excluded parties at zero.
enum Weights {
    Whole(Vec<u64>),
    Decimal(Vec<Decimal>),
}

fn party_weights(
    weights: &Bound<'_, PyAny>,
    ids: Option<&[String]>,
    exclude: Option<Vec<String>>,
) -> PyResult<Weights> {
    if ids.is_none() && exclude.is_none() {
        if let Some(whole) = whole_list(weights) {
            return Ok(Weights::Whole(whole));
        }
    }
    Ok(Weights::Decimal(excluded(
        decimals(weights, "weights")?,
        ids,
        exclude,
    )?))
}

/// The weights of a list whose items are all plain ints from 0 to 2^64 - 1
/// (not bools, not NumPy scalars); `None` for anything else, which the
/// general conversion then reads or refuses.
fn whole_list(weights: &Bound<'_, PyAny>) -> Option<Vec<u64>> {
    let list = weights.cast::<PyList>().ok()?;
    let mut w = Vec::with_capacity(list.len());
    for x in list.iter() {
        if !x.is_exact_instance_of::<PyInt>() {
            return None;
        }
        w.push(x.extract::<u64>().ok()?);
    }
    Some(w)
}

/// Whole units from a NumPy buffer of integers (little-endian, 8 bytes an
/// item, signed or not), as the same kind of buffer of unsigned 64-bit
/// units: no Python object per party. The facade makes the arrays.
#[pyfunction]
#[pyo3(signature = (data, signed, seats, method, minimum=None, maximum=None, first_divisor=None, ties=None))]
#[allow(clippy::too_many_arguments)]
fn apportion_array<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyBytes>,
    signed: bool,
    seats: &Bound<'py, PyAny>,
    method: &str,
    minimum: Option<&Bound<'py, PyAny>>,
    maximum: Option<&Bound<'py, PyAny>>,
    first_divisor: Option<&Bound<'py, PyAny>>,
    ties: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyByteArray>> {
    let w = buffer_weights(data, signed)?;
    let seats = whole(seats, "seats")?;
    let o = options(method, minimum, maximum, first_divisor, ties)?;
    let units = py
        .detach(|| apportion_units(&w, seats, &o))
        .map_err(|e| err(e.renamed("total", "seats")))?;
    units_buffer(py, &units)
}

/// Weights from a buffer of little-endian 8-byte integers; a negative one
/// (when `signed`) is an error naming its index.
fn buffer_weights(data: &Bound<'_, PyBytes>, signed: bool) -> PyResult<Vec<u64>> {
    let bytes = data.as_bytes();
    if bytes.len() % 8 != 0 {
        return Err(option_err(
            "weights",
            "a buffer of 8-byte integers was expected".into(),
        ));
    }
    let mut w = Vec::with_capacity(bytes.len() / 8);
    for (i, item) in bytes.chunks_exact(8).enumerate() {
        let raw = u64::from_le_bytes(<[u8; 8]>::try_from(item).unwrap_or_default());
        if signed && raw >> 63 == 1 {
            return Err(err(Error::NegativeWeight {
                field: format!("weights[{i}]"),
                value: Decimal::from(raw as i64),
            }));
        }
        w.push(raw);
    }
    Ok(w)
}

/// Units as a buffer of little-endian unsigned 8-byte integers.
fn units_buffer<'py>(py: Python<'py>, units: &[u64]) -> PyResult<Bound<'py, PyByteArray>> {
    le_buffer(py, units.iter().copied(), |u| Ok(u.to_le_bytes()))
}

/// 8-byte integers as one buffer, each written by `le` (which may refuse
/// one): a `bytearray`, so that NumPy views it writable without a copy.
fn le_buffer<'py, T>(
    py: Python<'py>,
    items: impl ExactSizeIterator<Item = T>,
    le: impl Fn(T) -> PyResult<[u8; 8]>,
) -> PyResult<Bound<'py, PyByteArray>> {
    PyByteArray::new_with(py, items.len() * 8, |out| {
        for (slot, x) in out.chunks_exact_mut(8).zip(items) {
            slot.copy_from_slice(&le(x)?);
        }
        Ok(())
    })
}

/// Money parts per party, in input order, as decimal strings (the facade
/// makes `decimal.Decimal`s of them: faster than one call per part here),
/// or with `units` as whole units of `unit` carrying the amount's sign.
#[pyfunction]
#[pyo3(signature = (amount, weights, unit, ties=None, ids=None, exclude=None, units=false))]
#[allow(clippy::too_many_arguments)]
fn split<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    weights: &Bound<'py, PyAny>,
    unit: &Bound<'py, PyAny>,
    ties: Option<&Bound<'py, PyAny>>,
    ids: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    units: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let amount = decimal(amount, "amount")?;
    let w = party_weights(weights, ids.as_deref(), exclude)?;
    let o = SplitOptions {
        unit: decimal(unit, "unit")?,
        ties: self::ties(ties)?,
    };
    let counts = py
        .detach(|| match w {
            Weights::Whole(whole) => andel_core::money::split_units(amount, &whole, &o),
            Weights::Decimal(w) => {
                split_named(amount, &w, ids.as_deref(), &o).map(|s| s.apportionment.into_units())
            }
        })
        .map_err(err)?;
    if units {
        let signed: Vec<i128> = andel_core::money::signed_units(amount, &counts).collect();
        return Ok(signed.into_pyobject(py)?.into_any());
    }
    Ok(py
        .detach(|| andel_core::money::part_texts(amount, o.unit, &counts))
        .map_err(err)?
        .into_pyobject(py)?
        .into_any())
}

/// Money split by a NumPy buffer of integers (as for `apportion_array`).
/// `output`: "decimal" gives the parts as a list of decimal strings (the
/// facade makes `Decimal`s of them); "str" the same text as one buffer of
/// fixed-width UTF-32 (little-endian) with its width, for a NumPy `<U`
/// array; "units" whole units of `unit` with the amount's sign, as a buffer
/// of little-endian signed 8-byte integers.
#[pyfunction]
#[pyo3(signature = (data, signed, amount, unit, output, ties=None))]
fn split_array<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyBytes>,
    signed: bool,
    amount: &Bound<'py, PyAny>,
    unit: &Bound<'py, PyAny>,
    output: &str,
    ties: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    if !matches!(output, "decimal" | "str" | "units") {
        return Err(option_err(
            "output",
            format!("use one of decimal, str, units, got {output:?}"),
        ));
    }
    let w = buffer_weights(data, signed)?;
    let amount = decimal(amount, "amount")?;
    let o = SplitOptions {
        unit: decimal(unit, "unit")?,
        ties: self::ties(ties)?,
    };
    let units = py
        .detach(|| andel_core::money::split_units(amount, &w, &o))
        .map_err(err)?;
    if output != "units" {
        let texts = andel_core::money::part_texts(amount, o.unit, &units).map_err(err)?;
        if output == "decimal" {
            return Ok(texts.into_pyobject(py)?.into_any());
        }
        // Decimal text is ASCII: one UTF-32 code unit a character, padded
        // with NUL as NumPy's fixed-width strings are.
        let width = texts.iter().map(String::len).max().unwrap_or(0).max(1);
        let buffer = PyBytes::new_with(py, texts.len() * width * 4, |out| {
            for (slot, text) in out.chunks_exact_mut(width * 4).zip(&texts) {
                for (cell, b) in slot.chunks_exact_mut(4).zip(text.bytes()) {
                    cell[0] = b;
                }
            }
            Ok(())
        })?;
        return Ok((buffer, width).into_pyobject(py)?.into_any());
    }
    let signed = andel_core::money::signed_units(amount, &units);
    let buffer = le_buffer(py, signed, |u| {
        i64::try_from(u).map(i64::to_le_bytes).map_err(|_| {
            err(Error::overflow(
                "amount",
                format!("{u} units do not fit a 64-bit integer array; use output=\"str\""),
            ))
        })
    })?;
    Ok(buffer.into_any())
}

/// Money split two ways at once (rows and columns both adding up), as
/// decimal strings, row by row.
#[pyfunction]
#[pyo3(signature = (amount, row_weights, column_weights, unit, ties=None))]
fn split_table(
    py: Python<'_>,
    amount: &Bound<'_, PyAny>,
    row_weights: &Bound<'_, PyAny>,
    column_weights: &Bound<'_, PyAny>,
    unit: &Bound<'_, PyAny>,
    ties: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Vec<String>>> {
    let amount = decimal(amount, "amount")?;
    let rows = decimals(row_weights, "row_weights")?;
    let columns = decimals(column_weights, "column_weights")?;
    let o = SplitOptions {
        unit: decimal(unit, "unit")?,
        ties: self::ties(ties)?,
    };
    let t = py
        .detach(|| andel_core::table::split_table(amount, &rows, &columns, &o))
        .map_err(err)?;
    Ok(t.iter()
        .map(|r| r.iter().map(Decimal::to_string).collect())
        .collect())
}

/// Whole units in a table whose rows and columns both meet their totals
/// (biproportional apportionment), row by row, with the ties met as pairs
/// of (tied cells, cells that got the contested units).
#[pyfunction]
#[pyo3(signature = (weights, column_totals, row_totals, method, first_divisor=None, ties=None))]
#[allow(clippy::type_complexity)]
fn biproportional(
    py: Python<'_>,
    weights: &Bound<'_, PyAny>,
    column_totals: &Bound<'_, PyAny>,
    row_totals: Option<&Bound<'_, PyAny>>,
    method: &str,
    first_divisor: Option<&Bound<'_, PyAny>>,
    ties: Option<&Bound<'_, PyAny>>,
) -> PyResult<(
    Vec<Vec<u64>>,
    Vec<u64>,
    Vec<(Vec<(usize, usize)>, Vec<(usize, usize)>)>,
)> {
    let rows = ordered_items(weights, "weights", "a list of rows")?
        .enumerate()
        .map(|(i, row)| decimals(&row?, &format!("weights[{i}]")))
        .collect::<PyResult<Vec<_>>>()?;
    let wholes = |obj: &Bound<'_, PyAny>, field: &str| -> PyResult<Vec<u64>> {
        ordered_items(obj, field, "a list of whole numbers")?
            .enumerate()
            .map(|(j, x)| whole(&x?, &format!("{field}[{j}]")))
            .collect()
    };
    let columns = wholes(column_totals, "column_totals")?;
    let row_totals = row_totals
        .filter(|o| !o.is_none())
        .map(|o| wholes(o, "row_totals"))
        .transpose()?;
    let o = andel_core::BiproportionalOptions {
        method: Method::from_str(method).map_err(err)?,
        first_divisor: first_divisor
            .filter(|o| !o.is_none())
            .map(|o| decimal(o, "first_divisor"))
            .transpose()?,
        ties: self::ties(ties)?,
    };
    let t = py
        .detach(|| andel_core::biproportional(&rows, &columns, row_totals.as_deref(), &o))
        .map_err(err)?;
    let ties = t.ties.into_iter().map(|x| (x.cells, x.winners)).collect();
    Ok((t.cells, t.row_totals, ties))
}

/// The weights with the parties named in `exclude` (ids, or municipality
/// codes or names, found by core) at zero: exclusion as core defines it.
fn excluded(
    mut w: Vec<Decimal>,
    ids: Option<&[String]>,
    exclude: Option<Vec<String>>,
) -> PyResult<Vec<Decimal>> {
    let Some(names) = exclude.filter(|e| !e.is_empty()) else {
        return Ok(w);
    };
    let positions: Vec<String> = (0..w.len()).map(|i| i.to_string()).collect();
    let ids = ids.unwrap_or(&positions);
    for p in data::find_parties(ids, &names, "exclude").map_err(err)? {
        if let Some(x) = w.get_mut(p) {
            *x = Decimal::ZERO;
        }
    }
    Ok(w)
}

fn key(
    weights: &Bound<'_, PyAny>,
    ids: Vec<String>,
    names: Option<Vec<Option<String>>>,
    exclude: Option<Vec<String>>,
) -> PyResult<Key> {
    let w = decimals(weights, "weights")?;
    let names = names.unwrap_or_else(|| vec![None; ids.len()]);
    if names.len() != ids.len() || w.len() != ids.len() {
        return Err(err(Error::LengthMismatch {
            field: "ids".into(),
            expected: w.len(),
            found: ids.len(),
        }));
    }
    let parties = ids
        .into_iter()
        .zip(names)
        .zip(w)
        .map(|((id, name), w)| KeyParty::new(id, name, w))
        .collect();
    let key = Key::new(parties).map_err(|e| err(rename(e)))?;
    match exclude.filter(|e| !e.is_empty()) {
        Some(names) => data::exclude_named(&key, &names, "exclude").map_err(err),
        None => Ok(key),
    }
}

fn rename(e: Error) -> Error {
    let field = e
        .field()
        .map(|f| f.replacen("parties", "weights", 1).replace("].weight", "]"));
    match field {
        Some(f) => e.with_field(f),
        None => e,
    }
}

/// The explained allocation of whole units, as JSON.
#[pyfunction]
#[pyo3(signature = (weights, ids, seats, method, minimum=None, maximum=None, first_divisor=None, ties=None, names=None, exclude=None))]
#[allow(clippy::too_many_arguments)]
fn apportion_explained(
    py: Python<'_>,
    weights: &Bound<'_, PyAny>,
    ids: Vec<String>,
    seats: &Bound<'_, PyAny>,
    method: &str,
    minimum: Option<&Bound<'_, PyAny>>,
    maximum: Option<&Bound<'_, PyAny>>,
    first_divisor: Option<&Bound<'_, PyAny>>,
    ties: Option<&Bound<'_, PyAny>>,
    names: Option<Vec<Option<String>>>,
    exclude: Option<Vec<String>>,
) -> PyResult<String> {
    let k = key(weights, ids, names, exclude)?;
    let seats = whole(seats, "total")?;
    let o = options(method, minimum, maximum, first_divisor, ties)?;
    py.detach(|| {
        let a = k.apportion(seats, &o).map_err(err)?;
        serde_json::to_string(&a).map_err(json_err)
    })
}

/// The explained split of money, as JSON.
#[pyfunction]
#[pyo3(signature = (amount, weights, ids, unit, ties=None, names=None, exclude=None))]
#[allow(clippy::too_many_arguments)]
fn split_explained(
    py: Python<'_>,
    amount: &Bound<'_, PyAny>,
    weights: &Bound<'_, PyAny>,
    ids: Vec<String>,
    unit: &Bound<'_, PyAny>,
    ties: Option<&Bound<'_, PyAny>>,
    names: Option<Vec<Option<String>>>,
    exclude: Option<Vec<String>>,
) -> PyResult<String> {
    let amount = decimal(amount, "amount")?;
    let k = key(weights, ids, names, exclude)?;
    let o = SplitOptions {
        unit: decimal(unit, "unit")?,
        ties: self::ties(ties)?,
    };
    py.detach(|| {
        let a = k.split(amount, &o).map_err(err)?;
        serde_json::to_string(&a).map_err(json_err)
    })
}

/// Computes a key document (JSON) and returns the result (JSON). A
/// `csv.path` is read relative to `folder` (the document's own, for a
/// document read from a file; else the working folder), never outside it.
#[pyfunction]
#[pyo3(signature = (document, folder=None))]
fn compute(py: Python<'_>, document: &str, folder: Option<std::path::PathBuf>) -> PyResult<String> {
    let folder = match folder {
        Some(f) => f,
        None => std::env::current_dir().map_err(|e| {
            err(Error::Io {
                field: String::new(),
                message: format!("no working folder: {e}"),
            })
        })?,
    };
    py.detach(|| {
        let r = compute_json_with(document, &FileAccess::Under(folder)).map_err(err)?;
        serde_json::to_string(&r).map_err(json_err)
    })
}

fn allocation(json: &str) -> PyResult<Allocation> {
    serde_json::from_str(json).map_err(json_err)
}

/// Checks the JSON of a result handed to `Result(...)`: it must read as one
/// (the version a number) and every allocation in it hold together.
#[pyfunction]
fn check_result(py: Python<'_>, json: &str) -> PyResult<()> {
    py.detach(|| {
        let r: andel_core::document::DocumentResult =
            serde_json::from_str(json).map_err(json_err)?;
        r.check().map_err(err)
    })
}

/// Checks the JSON of an allocation handed to `Allocation(...)`: it must
/// read as one and hold together (core's `Allocation::check`).
#[pyfunction]
fn check_allocation(py: Python<'_>, json: &str) -> PyResult<()> {
    py.detach(|| allocation(json)?.check().map_err(err))
}

fn language(code: &str) -> PyResult<Language> {
    code.parse::<Language>().map_err(err)
}

fn style(numbers: &str) -> PyResult<NumberStyle> {
    numbers.parse::<NumberStyle>().map_err(err)
}

/// A table for people of an allocation (JSON), in a language, Danish or
/// plain numbers.
#[pyfunction]
fn allocation_table(py: Python<'_>, json: &str, numbers: &str, lang: &str) -> PyResult<String> {
    let (language, style) = (language(lang)?, style(numbers)?);
    py.detach(|| Ok(present::allocation_view(&allocation(json)?, language, style).text()))
}

/// An allocation (JSON) as CSV: `plain` (machine names) or `danish_excel`
/// (the table as on the screen, in a language).
#[pyfunction]
fn allocation_csv(py: Python<'_>, json: &str, dialect: &str, lang: &str) -> PyResult<String> {
    let (dialect, language) = (dialect.parse::<Dialect>().map_err(err)?, language(lang)?);
    py.detach(|| {
        let a = allocation(json)?;
        Ok(match dialect {
            Dialect::Plain => a.to_csv(Dialect::Plain),
            d => present::allocation_view(&a, language, NumberStyle::Danish).to_csv(d),
        })
    })
}

/// The view of an allocation (JSON): the section as JSON.
#[pyfunction]
fn allocation_view(py: Python<'_>, json: &str, numbers: &str, lang: &str) -> PyResult<String> {
    let (language, style) = (language(lang)?, style(numbers)?);
    py.detach(|| {
        let v = present::allocation_view(&allocation(json)?, language, style);
        serde_json::to_string(&v).map_err(json_err)
    })
}

/// The view of a document's result (JSON), as JSON, and its text.
#[pyfunction]
fn document_view(
    py: Python<'_>,
    json: &str,
    numbers: &str,
    lang: &str,
) -> PyResult<(String, String)> {
    let (language, style) = (language(lang)?, style(numbers)?);
    py.detach(|| {
        let r: andel_core::document::DocumentResult =
            serde_json::from_str(json).map_err(json_err)?;
        let v = present::document_view(&r, language, style);
        Ok((serde_json::to_string(&v).map_err(json_err)?, v.text()))
    })
}

/// An allocation (JSON) as an .xlsx workbook's bytes.
#[pyfunction]
fn allocation_xlsx<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyBytes>> {
    let bytes =
        py.detach(|| andel_core::excel::write_allocation(&allocation(json)?, None).map_err(err))?;
    Ok(PyBytes::new(py, &bytes))
}

/// A document's result (JSON) as an .xlsx workbook's bytes.
#[pyfunction]
fn result_xlsx<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py.detach(|| {
        let r: andel_core::document::DocumentResult =
            serde_json::from_str(json).map_err(json_err)?;
        andel_core::excel::write_result(&r).map_err(err)
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// Weights from an .xlsx workbook's bytes (a sheet by name, or the first),
/// as read_csv reads CSV.
#[pyfunction]
#[pyo3(signature = (bytes, sheet=None, id=None, name=None, weight=None, header=None, decimal=None, keep_totals=None))]
#[allow(clippy::too_many_arguments)]
fn read_xlsx(
    py: Python<'_>,
    bytes: &[u8],
    sheet: Option<&str>,
    id: Option<String>,
    name: Option<String>,
    weight: Option<String>,
    header: Option<bool>,
    decimal: Option<String>,
    keep_totals: Option<bool>,
) -> PyResult<(String, Option<String>, Vec<String>)> {
    let columns = CsvColumns {
        id,
        name,
        weight,
        header,
        decimal,
        keep_totals,
    };
    py.detach(|| {
        let r = andel_core::excel::read_weights_xlsx(bytes, sheet, &columns)
            .map_err(|e| err(e.with_field_if_empty("source")))?;
        let notes = r.notes.iter().map(|n| n.text()).collect();
        Ok((
            serde_json::to_string(&r).map_err(json_err)?,
            r.left_out(),
            notes,
        ))
    })
}

/// One sentence on why a party got what it got.
#[pyfunction]
fn allocation_explain(
    py: Python<'_>,
    json: &str,
    id: &str,
    numbers: &str,
    lang: &str,
) -> PyResult<Option<String>> {
    let (language, style) = (language(lang)?, style(numbers)?);
    py.detach(|| Ok(present::explain(&allocation(json)?, id, language, style)))
}

/// Why a party got what it got in a scenario of a result (JSON): a
/// sentence for each allocation of the scenario it is in.
#[pyfunction]
fn scenario_explain(
    py: Python<'_>,
    json: &str,
    who: &str,
    numbers: &str,
    lang: &str,
) -> PyResult<Vec<String>> {
    let (language, style) = (language(lang)?, style(numbers)?);
    py.detach(|| {
        let scenario: andel_core::document::ScenarioResult =
            serde_json::from_str(json).map_err(json_err)?;
        present::explain_in_scenario(&scenario, who, "party", language, style).map_err(err)
    })
}

/// An error (its JSON, as an exception carries it) in a language.
#[pyfunction]
fn error_message(json: &str, lang: &str) -> PyResult<String> {
    let e: Error = serde_json::from_str(json).map_err(json_err)?;
    Ok(e.message(language(lang)?))
}

/// A language code checked: "da" or "en".
#[pyfunction]
fn check_language(lang: &str) -> PyResult<String> {
    Ok(language(lang)?.code().to_string())
}

/// All municipalities with population by year, as JSON.
#[pyfunction]
fn municipalities() -> PyResult<String> {
    serde_json::to_string(data::municipalities().map_err(err)?).map_err(json_err)
}

/// One municipality by code or forgiving name, as JSON.
#[pyfunction]
fn municipality(py: Python<'_>, query: &str) -> PyResult<String> {
    py.detach(|| serde_json::to_string(data::municipality(query).map_err(err)?).map_err(json_err))
}

/// A region's name from a forgiving spelling.
#[pyfunction]
fn region(query: &str) -> PyResult<String> {
    Ok(query
        .parse::<data::Region>()
        .map_err(err)?
        .name()
        .to_string())
}

/// A population key (municipalities of a region, or all) for a year, as
/// JSON parties.
#[pyfunction]
#[pyo3(signature = (region, year))]
fn population(region: Option<&str>, year: i32) -> PyResult<String> {
    let region = region
        .map(str::parse::<data::Region>)
        .transpose()
        .map_err(err)?;
    let key = data::population_key(region, year).map_err(err)?;
    serde_json::to_string(&key).map_err(json_err)
}

/// A population key from a Statbank file's bytes (FOLK1A, FOLK1AM, BY2):
/// JSON parties and where the figures come from, for people.
#[pyfunction]
#[pyo3(signature = (bytes, name, region, year, age_from, age_to))]
fn population_file(
    bytes: &[u8],
    name: &str,
    region: Option<&str>,
    year: Option<i32>,
    age_from: Option<u32>,
    age_to: Option<u32>,
) -> PyResult<(String, String)> {
    let region = region
        .map(str::parse::<data::Region>)
        .transpose()
        .map_err(err)?;
    let ages = (age_from.is_some() || age_to.is_some()).then_some(andel_core::statbank::Ages {
        from: age_from,
        to: age_to,
    });
    let read = andel_core::statbank::read_population(bytes, year, ages)
        .map_err(|e| err(e.with_field_if_empty("file")))?;
    let key = read.key(region).map_err(|e| err(e.with_field("file")))?;
    Ok((
        serde_json::to_string(&key).map_err(json_err)?,
        read.describe(name),
    ))
}

/// The five KKR by their regions' population in a year, as JSON parties.
#[pyfunction]
fn region_population(year: i32) -> PyResult<String> {
    let key = data::region_population_key(year).map_err(err)?;
    serde_json::to_string(&key).map_err(json_err)
}

/// The population years shipped.
#[pyfunction]
fn years() -> Vec<i32> {
    data::years()
}

/// Weights from CSV text (`str`) or a file's bytes (`bytes`, decoded by
/// core): JSON of the key and what was skipped, the rows left out said for
/// people (`None` when none were), and the other notes (the encoding when
/// not UTF-8, a decimal separator decided by the Danish rule).
#[pyfunction]
#[pyo3(signature = (source, id=None, name=None, weight=None, header=None, decimal=None, keep_totals=None))]
#[allow(clippy::too_many_arguments)]
fn read_csv(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    id: Option<String>,
    name: Option<String>,
    weight: Option<String>,
    header: Option<bool>,
    decimal: Option<String>,
    keep_totals: Option<bool>,
) -> PyResult<(String, Option<String>, Vec<String>)> {
    let columns = CsvColumns {
        id,
        name,
        weight,
        header,
        decimal,
        keep_totals,
    };
    let text = match source.cast::<PyBytes>() {
        Ok(_) => None,
        Err(_) => Some(source.extract::<String>()?),
    };
    let bytes = source.cast::<PyBytes>().ok().map(|b| b.as_bytes());
    py.detach(|| {
        let r = match (&text, bytes) {
            (Some(text), _) => read_weights(text, &columns),
            (None, Some(bytes)) => read_weights_bytes(bytes, &columns),
            (None, None) => read_weights("", &columns),
        }
        .map_err(|e| err(e.with_field_if_empty("source")))?;
        let notes = r.notes.iter().map(|n| n.text()).collect();
        Ok((
            serde_json::to_string(&r).map_err(json_err)?,
            r.left_out(),
            notes,
        ))
    })
}

/// The bytes of a file, read the one way andel reads files (core's
/// `files::read`: a regular file, the size checked before reading; a FIFO or
/// a device refused at once), errors at `field`.
#[pyfunction]
fn read_file_bytes<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    field: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let shown = path.to_string_lossy().to_string();
    let bytes = py
        .detach(|| {
            andel_core::files::read(
                &shown,
                &FileAccess::Anywhere,
                field,
                andel_core::files::MAX_FILE_BYTES,
            )
        })
        .map_err(err)?;
    Ok(PyBytes::new(py, &bytes))
}

/// The text of a file, read as [`read_file_bytes`] reads it.
#[pyfunction]
fn read_file(py: Python<'_>, path: std::path::PathBuf, field: &str) -> PyResult<String> {
    let shown = path.to_string_lossy().to_string();
    py.detach(|| {
        let bytes = andel_core::files::read(
            &shown,
            &FileAccess::Anywhere,
            field,
            andel_core::files::MAX_FILE_BYTES,
        )?;
        andel_core::files::text(bytes, field)
    })
    .map_err(err)
}

/// A float in a document as the decimal text it shows (the float rule).
#[pyfunction]
fn float_text(value: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    Ok(decimal(value, field)?.to_string())
}

/// The position of a party among `ids`, by id or by a municipality's code
/// or forgiving name (core's look-up; the error lists the closest names).
#[pyfunction]
fn find_party(py: Python<'_>, ids: Vec<String>, query: &str, field: &str) -> PyResult<usize> {
    py.detach(|| data::find_party(&ids, query, field))
        .map_err(err)
}

/// Danish number format with `places` decimals (at most 28).
#[pyfunction]
fn danish(value: &Bound<'_, PyAny>, places: &Bound<'_, PyAny>) -> PyResult<String> {
    let places = u32::try_from(whole(places, "places")?).unwrap_or(u32::MAX);
    andel_core::tabular::format_number(decimal(value, "value")?, places, NumberStyle::Danish)
        .map_err(err)
}

/// The meeting's summary (JSON) over the results (each the JSON of a
/// document's result): per municipality, kroner by case and in total,
/// places by case and programme (`andel_core::summary::summary`).
#[pyfunction]
fn summary(results: Vec<String>) -> PyResult<String> {
    let results = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            serde_json::from_str::<andel_core::document::DocumentResult>(r).map_err(|e| {
                err(Error::Document {
                    field: format!("results[{i}]"),
                    message: format!("not the JSON of a result: {e}"),
                })
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    let s = andel_core::summary::summary(&results).map_err(err)?;
    serde_json::to_string(&s).map_err(json_err)
}

#[pymodule]
fn _andel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CoreError", m.py().get_type::<CoreError>())?;
    m.add("__version__", andel_core::VERSION)?;
    m.add_function(wrap_pyfunction!(apportion, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(apportion_explained, m)?)?;
    m.add_function(wrap_pyfunction!(split_explained, m)?)?;
    m.add_function(wrap_pyfunction!(compute, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_table, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_csv, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_explain, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_view, m)?)?;
    m.add_function(wrap_pyfunction!(document_view, m)?)?;
    m.add_function(wrap_pyfunction!(error_message, m)?)?;
    m.add_function(wrap_pyfunction!(check_language, m)?)?;
    m.add_function(wrap_pyfunction!(municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(municipality, m)?)?;
    m.add_function(wrap_pyfunction!(region, m)?)?;
    m.add_function(wrap_pyfunction!(years, m)?)?;
    m.add_function(wrap_pyfunction!(population, m)?)?;
    m.add_function(wrap_pyfunction!(region_population, m)?)?;
    m.add_function(wrap_pyfunction!(read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(population_file, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(result_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(read_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(danish, m)?)?;
    m.add_function(wrap_pyfunction!(set_strict, m)?)?;
    m.add_function(wrap_pyfunction!(split_table, m)?)?;
    m.add_function(wrap_pyfunction!(biproportional, m)?)?;
    m.add_function(wrap_pyfunction!(apportion_array, m)?)?;
    m.add_function(wrap_pyfunction!(split_array, m)?)?;
    m.add_function(wrap_pyfunction!(find_party, m)?)?;
    m.add_function(wrap_pyfunction!(scenario_explain, m)?)?;
    m.add_function(wrap_pyfunction!(float_text, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(read_file_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(check_allocation, m)?)?;
    m.add_function(wrap_pyfunction!(summary, m)?)?;
    m.add_function(wrap_pyfunction!(check_result, m)?)?;
    Ok(())
}
