//! The private native module `andel._andel`. Each function converts its
//! arguments (`convert.rs`, NumPy buffers in `array.rs`), calls andel-core
//! once without the GIL and converts back; all logic lives in core. Errors
//! cross as one `CoreError(code, message, field, json)` (`error.rs`) that the
//! Python facade turns into the right `andel.AndelError` subclass by code.
//! Explained allocations stay core's (`Explained`) until their JSON is asked
//! for; documents' results cross as JSON text (exact decimals as strings).

/// mimalloc keeps freed buffers for the next call and thread (DESIGN.md, "Python:
/// numbers across the boundary").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod array;
mod convert;
mod error;
mod floats;
mod inputs;
mod present;
mod tree;

use crate::array::Weights;
use crate::convert::{decimal, numbers, options, ordered_items, ties, whole, Numbers};
use crate::error::{err, json_err, option_err, rename, CoreError};
use andel_core::document::{compute_json_with, FileAccess};
use andel_core::reference::{resolve_key_ties, resolve_ties, Parties};
use andel_core::{
    apportion_named, apportion_units, data, split_named, Decimal, Error, Key, KeyBuilder, Options,
    SplitOptions, TieRule,
};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::borrow::Cow;

/// Refuse floats (`true`) or read them as the decimal their repr shows.
#[pyfunction]
fn set_strict(strict: bool) {
    convert::STRICT_FLOATS.store(strict, std::sync::atomic::Ordering::Relaxed);
}

/// Weights read under the GIL as the engine will take them, with the
/// parties named in `exclude` at zero: a list of whole numbers (ints,
/// integral floats) needs no decimals and no explanation.
fn list_weights<'a>(
    w: &'a Numbers,
    ids: Option<&[String]>,
    exclude: Option<&[String]>,
) -> Result<Weights<'a>, Error> {
    let exclude = exclude.filter(|e| !e.is_empty());
    if ids.is_none() && exclude.is_none() {
        if let Some(whole) = w.wholes() {
            return Ok(Weights::Whole(whole));
        }
        // Floats with decimals: whole numbers at one scale in one pass.
        if let Some(whole) = w.scaled() {
            return Ok(Weights::Whole(Cow::Owned(whole)));
        }
    }
    let mut w = w.decimals()?;
    if let Some(names) = exclude {
        andel_core::reference::zero_excluded(&mut w, ids, names, "exclude")?;
    }
    if ids.is_none() {
        if let Some(whole) = floats::scaled_wholes(&w) {
            return Ok(Weights::Whole(Cow::Owned(whole)));
        }
    }
    Ok(Weights::Decimal(w))
}

/// A priority order's parties named by text resolved by core's one reading
/// of a party reference (`andel_core::reference`); positions stay positions.
fn resolved(rule: TieRule, ids: Option<&[String]>, n: usize) -> Result<TieRule, Error> {
    resolve_ties(rule, &Parties::with_ids(ids, n))
}

/// Whole units per party by the engine that fits the weights.
fn units_of(
    w: &Weights<'_>,
    ids: Option<&[String]>,
    seats: u64,
    o: &Options,
) -> Result<Vec<u64>, Error> {
    match w {
        Weights::Whole(whole) => apportion_units(whole, seats, o),
        Weights::Narrow(small) => andel_core::apportion_units_u32(small, seats, o),
        Weights::Decimal(w) => apportion_named(w, ids, seats, o).map(|a| a.into_units()),
    }
}

/// Whole units of `unit` per party for money split by the weights.
fn split_units_of(
    amount: Decimal,
    w: &Weights<'_>,
    ids: Option<&[String]>,
    o: &SplitOptions,
) -> Result<Vec<u64>, Error> {
    match w {
        Weights::Whole(whole) => andel_core::money::split_units(amount, whole, o),
        Weights::Narrow(small) => andel_core::money::split_units_u32(amount, small, o),
        Weights::Decimal(w) => split_named(amount, w, ids, o).map(|s| s.apportionment.into_units()),
    }
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
    let w = numbers(weights, "weights")?;
    let seats = whole(seats, "seats")?;
    let mut o = options(method, minimum, maximum, first_divisor, ties)?;
    // Every core call runs without the GIL: other Python threads go on.
    py.detach(|| {
        o.ties = resolved(o.ties.clone(), ids.as_deref(), w.count())?;
        let w = list_weights(&w, ids.as_deref(), exclude.as_deref())?;
        units_of(&w, ids.as_deref(), seats, &o)
    })
    .map_err(|e| err(e.renamed("total", "seats")))
}

/// Whole units from a NumPy array of int64, uint64 or float64 (`kind`
/// "i8", "u8", "f8"; see `array.rs`), read in place, as a NumPy uint64
/// array owning the engine's result (no copy; the facade views it as int64
/// when the seats fit): no Python object per party.
#[pyfunction]
#[pyo3(signature = (data, kind, seats, method, minimum=None, maximum=None, first_divisor=None, ties=None))]
#[allow(clippy::too_many_arguments)]
fn apportion_array<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    kind: &str,
    seats: &Bound<'py, PyAny>,
    method: &str,
    minimum: Option<&Bound<'py, PyAny>>,
    maximum: Option<&Bound<'py, PyAny>>,
    first_divisor: Option<&Bound<'py, PyAny>>,
    ties: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyArray1<u64>>> {
    let array = array::array(data, kind)?;
    let items = array.items()?;
    // The weights' errors come first, as on the general path.
    let seats = whole(seats, "seats");
    let o = options(method, minimum, maximum, first_divisor, ties);
    let units = py.detach(|| -> PyResult<Vec<u64>> {
        let w = items.weights().map_err(err)?;
        let (seats, o) = (seats?, o?);
        units_of(&w, None, seats, &o).map_err(|e| err(e.renamed("total", "seats")))
    })?;
    Ok(PyArray1::from_vec(py, units))
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
    let w = numbers(weights, "weights")?;
    let mut o = SplitOptions {
        unit: decimal(unit, "unit")?,
        ties: self::ties(ties)?,
    };
    let counts = py
        .detach(|| {
            o.ties = resolved(o.ties.clone(), ids.as_deref(), w.count())?;
            let w = list_weights(&w, ids.as_deref(), exclude.as_deref())?;
            split_units_of(amount, &w, ids.as_deref(), &o)
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

/// Money split by a NumPy array (as for `apportion_array`). `output`:
/// "decimal" gives the parts as a list of decimal strings (the facade makes
/// `Decimal`s of them); "str" the same text as one buffer of fixed-width
/// UTF-32 (little-endian) with its width, for a NumPy `<U` array; "units"
/// whole units of `unit` with the amount's sign, as a NumPy int64 array.
#[pyfunction]
#[pyo3(signature = (data, kind, amount, unit, output, ties=None))]
#[allow(clippy::too_many_arguments)]
fn split_array<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    kind: &str,
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
    let array = array::array(data, kind)?;
    let items = array.items()?;
    let amount = decimal(amount, "amount");
    let o = decimal(unit, "unit").and_then(|unit| {
        Ok(SplitOptions {
            unit,
            ties: self::ties(ties)?,
        })
    });
    let (amount, o, units) = py.detach(|| -> PyResult<_> {
        let w = items.weights().map_err(err)?;
        let (amount, o) = (amount?, o?);
        let units = split_units_of(amount, &w, None, &o).map_err(err)?;
        Ok((amount, o, units))
    })?;
    if output != "units" {
        let texts = py
            .detach(|| andel_core::money::part_texts(amount, o.unit, &units))
            .map_err(err)?;
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
    // In place: the engine's vector becomes the int64 array's.
    let signed = py
        .detach(|| andel_core::money::signed_units_i64(amount, units))
        .map_err(err)?;
    Ok(PyArray1::from_vec(py, signed).into_any())
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
    // Read under the GIL; made decimals (floats by the float rule) without it.
    let rows = numbers(row_weights, "row_weights")?;
    let columns = numbers(column_weights, "column_weights")?;
    let o = SplitOptions {
        unit: decimal(unit, "unit")?,
        ties: self::ties(ties)?,
    };
    let t = py
        .detach(|| {
            let (rows, columns) = (rows.decimals()?, columns.decimals()?);
            andel_core::table::split_table(amount, &rows, &columns, &o)
        })
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
        .map(|(i, row)| numbers(&row?, &format!("weights[{i}]")))
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
        method: convert::method(method)?,
        first_divisor: convert::first_divisor(first_divisor)?,
        ties: self::ties(ties)?,
    };
    let t = py
        .detach(|| {
            let rows = rows
                .iter()
                .map(Numbers::decimals)
                .collect::<Result<Vec<_>, _>>()?;
            andel_core::biproportional(&rows, &columns, row_totals.as_deref(), &o)
        })
        .map_err(err)?;
    let ties = t.ties.into_iter().map(|x| (x.cells, x.winners)).collect();
    Ok((t.cells, t.row_totals, ties))
}

/// The ids of an explained allocation as read under the GIL: end to end in
/// one text, not a `String` a party (issue 25: about 32 bytes a party at
/// 10^6 parties, while the key is made from them).
struct Ids {
    text: String,
    ends: Vec<usize>,
}

impl Ids {
    fn read(obj: &Bound<'_, PyAny>) -> PyResult<Ids> {
        let mut ids = Ids {
            text: String::new(),
            ends: Vec::with_capacity(obj.len().unwrap_or(0)),
        };
        for x in ordered_items(obj, "ids", "a list of text")? {
            ids.text.push_str(&x?.extract::<String>()?);
            ids.ends.push(ids.text.len());
        }
        Ok(ids)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(a, &b)| self.text.get(a..b).unwrap_or_default())
    }
}

/// A key of the weights (read under the GIL), made without it.
fn key(
    w: Numbers,
    ids: Ids,
    names: Option<Vec<Option<String>>>,
    exclude: Option<Vec<String>>,
) -> Result<Key, Error> {
    let decimals = w.decimals()?;
    // Each copy goes as soon as the key has what it holds (issue 25: 10^6
    // parties): the numbers read, and no list of absent names.
    drop(w);
    if names.as_ref().is_some_and(|n| n.len() != ids.len()) || decimals.len() != ids.len() {
        return Err(Error::LengthMismatch {
            field: "ids".into(),
            expected: decimals.len(),
            found: ids.len(),
        });
    }
    // Kept compact as they are read (no KeyParty a party), each id and
    // name gone once copied.
    let mut names = names.map(Vec::into_iter);
    let mut parties = KeyBuilder::with_capacity(ids.len());
    for (id, w) in ids.iter().zip(decimals) {
        let name = names.as_mut().and_then(Iterator::next).flatten();
        parties.push(id, name.as_deref(), w);
    }
    drop(ids);
    let key = parties.build().map_err(rename)?;
    match exclude.filter(|e| !e.is_empty()) {
        Some(names) => data::exclude_named(&key, &names, "exclude"),
        None => Ok(key),
    }
}

/// An explained allocation kept as core made it: its JSON (and the facade's
/// records from it) are made only when asked for, so a million parties do
/// not cross as text and dicts they may never need (issue 25).
#[pyclass(frozen, module = "andel._andel")]
struct Explained(andel_core::Allocation);

#[pymethods]
impl Explained {
    /// The allocation as JSON (exact decimals as strings).
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| serde_json::to_string(&self.0).map_err(json_err))
    }

    fn __len__(&self) -> usize {
        self.0.parties.len()
    }
}

/// What the weights count (JSON, as `population()` gave it), for core's
/// tables and explanations; `None` for plain weights.
fn weight_kind(json: Option<&str>) -> PyResult<Option<andel_core::WeightKind>> {
    match json {
        Some(j) => serde_json::from_str(j).map_err(json_err),
        None => Ok(None),
    }
}

/// The explained allocation of whole units.
#[pyfunction]
#[pyo3(signature = (weights, ids, seats, method, minimum=None, maximum=None, first_divisor=None, ties=None, names=None, exclude=None, weights_kind=None))]
#[allow(clippy::too_many_arguments)]
fn apportion_explained(
    py: Python<'_>,
    weights: &Bound<'_, PyAny>,
    ids: &Bound<'_, PyAny>,
    seats: &Bound<'_, PyAny>,
    method: &str,
    minimum: Option<&Bound<'_, PyAny>>,
    maximum: Option<&Bound<'_, PyAny>>,
    first_divisor: Option<&Bound<'_, PyAny>>,
    ties: Option<&Bound<'_, PyAny>>,
    names: Option<Vec<Option<String>>>,
    exclude: Option<Vec<String>>,
    weights_kind: Option<&str>,
) -> PyResult<Explained> {
    let w = numbers(weights, "weights")?;
    let ids = Ids::read(ids)?;
    let seats = whole(seats, "total");
    let o = options(method, minimum, maximum, first_divisor, ties);
    let kind = weight_kind(weights_kind)?;
    py.detach(|| {
        let k = key(w, ids, names, exclude).map_err(err)?.with_kind(kind);
        let mut o = o?;
        o.ties = resolve_key_ties(o.ties, &k).map_err(err)?;
        k.apportion(seats?, &o).map(Explained).map_err(err)
    })
}

/// The explained split of money.
#[pyfunction]
#[pyo3(signature = (amount, weights, ids, unit, ties=None, names=None, exclude=None, weights_kind=None))]
#[allow(clippy::too_many_arguments)]
fn split_explained(
    py: Python<'_>,
    amount: &Bound<'_, PyAny>,
    weights: &Bound<'_, PyAny>,
    ids: &Bound<'_, PyAny>,
    unit: &Bound<'_, PyAny>,
    ties: Option<&Bound<'_, PyAny>>,
    names: Option<Vec<Option<String>>>,
    exclude: Option<Vec<String>>,
    weights_kind: Option<&str>,
) -> PyResult<Explained> {
    // allocate()'s argument is `total`: errors name it so.
    let amount = decimal(amount, "total")?;
    let w = numbers(weights, "weights")?;
    let ids = Ids::read(ids)?;
    let unit = decimal(unit, "unit");
    let ties = self::ties(ties);
    let kind = weight_kind(weights_kind)?;
    py.detach(|| {
        let k = key(w, ids, names, exclude).map_err(err)?.with_kind(kind);
        let o = SplitOptions {
            unit: unit?,
            ties: resolve_key_ties(ties?, &k).map_err(err)?,
        };
        k.split(amount, &o)
            .map(Explained)
            .map_err(|e| err(e.renamed("amount", "total")))
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
                message: format!("no working folder: {e}").into(),
            })
        })?,
    };
    py.detach(|| {
        let r = compute_json_with(document, &FileAccess::Under(folder)).map_err(err)?;
        serde_json::to_string(&r).map_err(json_err)
    })
}

#[pymodule]
fn _andel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CoreError", m.py().get_type::<CoreError>())?;
    m.add("__version__", andel_core::VERSION)?;
    m.add_class::<Explained>()?;
    m.add_function(wrap_pyfunction!(apportion, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(apportion_explained, m)?)?;
    m.add_function(wrap_pyfunction!(split_explained, m)?)?;
    m.add_function(wrap_pyfunction!(compute, m)?)?;
    m.add_function(wrap_pyfunction!(tree::compute_tree, m)?)?;
    m.add_function(wrap_pyfunction!(set_strict, m)?)?;
    m.add_function(wrap_pyfunction!(split_table, m)?)?;
    m.add_function(wrap_pyfunction!(biproportional, m)?)?;
    m.add_function(wrap_pyfunction!(apportion_array, m)?)?;
    m.add_function(wrap_pyfunction!(split_array, m)?)?;
    present::register(m)?;
    inputs::register(m)?;
    Ok(())
}
