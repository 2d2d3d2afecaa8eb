//! Results handed back in: tables, CSV, views, Excel workbooks and
//! explanations of an allocation or a document's result (JSON in, text or
//! bytes out), all made by core's presentation layer.

use crate::error::{err, json_err};
use andel_core::present::{self, Language};
use andel_core::tabular::{CsvColumns, Dialect, NumberStyle};
use andel_core::{Allocation, Error};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

pub(crate) fn allocation(json: &str) -> PyResult<Allocation> {
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

pub(crate) fn language(code: &str) -> PyResult<Language> {
    code.parse::<Language>().map_err(err)
}

/// What reading weights told the reader, in `language` from core's
/// catalogue: the rows left out in one sentence (`None` when none were),
/// and the other notes (the encoding, the Danish decimal comma).
pub(crate) fn said(
    r: &andel_core::tabular::CsvWeights,
    language: Language,
) -> (Option<String>, Vec<String>) {
    (
        present::left_out(r, language),
        r.notes
            .iter()
            .map(|n| present::read_note(n, language))
            .collect(),
    )
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

/// A document's result (JSON) as CSV, by core's one writer for every front
/// end (`present::result_csv`): `plain` (`#` lines in English, machine
/// columns, every allocation) or `danish_excel` (the tables, in a language).
#[pyfunction]
fn result_csv(py: Python<'_>, json: &str, dialect: &str, lang: &str) -> PyResult<String> {
    let (dialect, language) = (dialect.parse::<Dialect>().map_err(err)?, language(lang)?);
    py.detach(|| {
        let r: andel_core::document::DocumentResult =
            serde_json::from_str(json).map_err(json_err)?;
        Ok(present::result_csv(&r, dialect, language))
    })
}

/// Every allocation of a document's result (JSON): (scenario, part, the
/// allocation as JSON), the `part` as plain CSV names it.
#[pyfunction]
fn result_allocations(py: Python<'_>, json: &str) -> PyResult<Vec<(String, String, String)>> {
    py.detach(|| {
        let r: andel_core::document::DocumentResult =
            serde_json::from_str(json).map_err(json_err)?;
        let mut out = Vec::new();
        for s in &r.scenarios {
            for (part, a) in s.parts_named() {
                let a = serde_json::to_string(a).map_err(json_err)?;
                out.push((s.name.clone(), part.to_string(), a));
            }
        }
        Ok(out)
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
#[pyo3(signature = (bytes, sheet=None, id=None, name=None, weight=None, header=None, decimal=None, keep_totals=None, lang="da"))]
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
    lang: &str,
) -> PyResult<(String, Option<String>, Vec<String>)> {
    let columns = CsvColumns {
        id,
        name,
        weight,
        header,
        decimal,
        keep_totals,
    };
    let language = language(lang)?;
    py.detach(|| {
        let r = andel_core::excel::read_weights_xlsx(bytes, sheet, &columns)
            .map_err(|e| err(e.with_field_if_empty("source")))?;
        let (left_out, notes) = said(&r, language);
        Ok((
            serde_json::to_string(&r).map_err(json_err)?,
            left_out,
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

/// Adds this module's functions to `andel._andel`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_result, m)?)?;
    m.add_function(wrap_pyfunction!(check_allocation, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_table, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_csv, m)?)?;
    m.add_function(wrap_pyfunction!(result_csv, m)?)?;
    m.add_function(wrap_pyfunction!(result_allocations, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_view, m)?)?;
    m.add_function(wrap_pyfunction!(document_view, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(result_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(read_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(allocation_explain, m)?)?;
    m.add_function(wrap_pyfunction!(scenario_explain, m)?)?;
    m.add_function(wrap_pyfunction!(error_message, m)?)?;
    m.add_function(wrap_pyfunction!(check_language, m)?)?;
    Ok(())
}
