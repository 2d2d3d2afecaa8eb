//! Inputs that are not numbers: Denmark's municipalities and population,
//! Statbank files, CSV and Excel weights, files read the one way core reads
//! them, party look-ups, Danish number text and the meeting's summary.

use crate::convert::{decimal, whole};
use crate::error::{err, json_err};
use andel_core::document::FileAccess;
use andel_core::reference::{Parties, Reference};
use andel_core::tabular::{read_weights, read_weights_bytes, CsvColumns, NumberStyle};
use andel_core::{data, Error};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// All municipalities with population by year (or a region's, its name
/// read forgivingly by core), as JSON.
#[pyfunction]
#[pyo3(signature = (region=None))]
fn municipalities(region: Option<&str>) -> PyResult<String> {
    let region = region
        .map(str::parse::<data::Region>)
        .transpose()
        .map_err(err)?;
    let all = data::municipalities().map_err(err)?;
    let chosen: Vec<&data::Municipality> = all
        .iter()
        .filter(|m| region.is_none_or(|r| r == m.region))
        .collect();
    serde_json::to_string(&chosen).map_err(json_err)
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

/// A population key (municipalities of a region, or all) for a year (core's
/// default year when `None`), as JSON parties, and the year used.
#[pyfunction]
#[pyo3(signature = (region, year))]
fn population(region: Option<&str>, year: Option<i32>) -> PyResult<(String, i32)> {
    let region = region
        .map(str::parse::<data::Region>)
        .transpose()
        .map_err(err)?;
    let year = year.map_or_else(data::default_year, Ok).map_err(err)?;
    let key = data::population_key(region, year).map_err(err)?;
    Ok((parties_and_kind(&key)?, year))
}

/// A key as JSON: its `parties` and what its `weights` count (inhabitants
/// in a year, of some ages), which `allocate` hands back to core so that
/// tables and explanations say inhabitants.
fn parties_and_kind(key: &andel_core::Key) -> PyResult<String> {
    let value = serde_json::json!({"parties": key, "weights": key.kind()});
    serde_json::to_string(&value).map_err(json_err)
}

/// A population key from a Statbank file's bytes (FOLK1A, FOLK1AM, BY2):
/// JSON parties and where the figures come from, for people in `lang`.
#[pyfunction]
#[pyo3(signature = (bytes, name, region, year, age_from, age_to, lang="da"))]
#[allow(clippy::too_many_arguments)]
fn population_file(
    py: Python<'_>,
    bytes: &[u8],
    name: &str,
    region: Option<&str>,
    year: Option<i32>,
    age_from: Option<u32>,
    age_to: Option<u32>,
    lang: &str,
) -> PyResult<(String, String)> {
    let language = crate::present::language(lang)?;
    let region = region
        .map(str::parse::<data::Region>)
        .transpose()
        .map_err(err)?;
    let ages = (age_from.is_some() || age_to.is_some()).then_some(andel_core::statbank::Ages {
        from: age_from,
        to: age_to,
    });
    py.detach(|| {
        let read = andel_core::statbank::read_population(bytes, year, ages)
            .map_err(|e| err(e.with_field_if_empty("file")))?;
        let key = read.key(region).map_err(|e| err(e.with_field("file")))?;
        Ok((
            parties_and_kind(&key)?,
            andel_core::present::read_note(&read.note(name), language),
        ))
    })
}

/// The five KKR by their regions' population in a year (core's default
/// year when `None`), as JSON parties, and the year used.
#[pyfunction]
#[pyo3(signature = (year))]
fn region_population(year: Option<i32>) -> PyResult<(String, i32)> {
    let year = year.map_or_else(data::default_year, Ok).map_err(err)?;
    let key = data::region_population_key(year).map_err(err)?;
    Ok((parties_and_kind(&key)?, year))
}

/// The population years shipped.
#[pyfunction]
fn years() -> Vec<i32> {
    data::years()
}

/// Weights from CSV text (`str`) or a file's bytes (`bytes`, decoded by
/// core): JSON of the key and what was skipped, the rows left out said for
/// people in `lang` (`None` when none were), and the other notes (the
/// encoding when not UTF-8, a decimal separator decided by the Danish
/// rule), from core's catalogue.
#[pyfunction]
#[pyo3(signature = (source, id=None, name=None, weight=None, header=None, decimal=None, keep_totals=None, lang="da"))]
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
    lang: &str,
) -> PyResult<(String, Option<String>, Vec<String>)> {
    let language = crate::present::language(lang)?;
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
        let (left_out, notes) = crate::present::said(&r, language);
        Ok((
            serde_json::to_string(&r).map_err(json_err)?,
            left_out,
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

/// A float by the old route (Python's repr text read by core): the
/// reference the native float rule is tested against, not for use.
#[pyfunction]
fn _float_text_by_repr(value: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    Ok(crate::convert::float_by_repr(value, field)?.to_string())
}

/// The position of a party among `ids` (with their shown `names`), by
/// core's one reading of a party reference: an id, a shown name, or a
/// municipality's code or name (the error lists the closest names).
#[pyfunction]
#[pyo3(signature = (ids, query, field, names=None))]
fn find_party(
    py: Python<'_>,
    ids: Vec<String>,
    query: String,
    field: &str,
    names: Option<Vec<Option<String>>>,
) -> PyResult<usize> {
    py.detach(|| {
        let names = names.unwrap_or_default();
        Parties::new(&ids, &names).resolve(&Reference::Text(query), field)
    })
    .map_err(err)
}

/// Danish number format with `places` decimals (at most 28).
#[pyfunction]
fn danish(value: &Bound<'_, PyAny>, places: &Bound<'_, PyAny>) -> PyResult<String> {
    let places = u32::try_from(whole(places, "places")?).unwrap_or(u32::MAX);
    andel_core::tabular::format_number(decimal(value, "value")?, places, NumberStyle::Danish)
        .map_err(err)
}

/// The head of a kroner total of the meeting's summary (`all`, `lowest`,
/// `highest`, as the summary's JSON says it) in `lang`, as core's meeting
/// table heads it.
#[pyfunction]
fn summary_total_head(total: &str, lang: &str) -> PyResult<String> {
    let language = crate::present::language(lang)?;
    let which = serde_json::from_value::<andel_core::summary::SummaryTotal>(
        serde_json::Value::String(total.to_string()),
    )
    .map_err(|e| {
        err(Error::Document {
            field: "totals".into(),
            message: format!("not a summary's total: {e}").into(),
        })
    })?;
    Ok(andel_core::present::summary_total_head(which, language))
}

/// The meeting's summary (JSON) over the results (each the JSON of a
/// document's result): per municipality, kroner by case and in total,
/// places by case and programme (`andel_core::summary::summary`).
#[pyfunction]
fn summary(py: Python<'_>, results: Vec<String>) -> PyResult<String> {
    py.detach(|| {
        let results = results
            .iter()
            .enumerate()
            .map(|(i, r)| {
                serde_json::from_str::<andel_core::document::DocumentResult>(r).map_err(|e| {
                    err(Error::Document {
                        field: format!("results[{i}]"),
                        message: format!("not the JSON of a result: {e}").into(),
                    })
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let s = andel_core::summary::summary(&results).map_err(err)?;
        serde_json::to_string(&s).map_err(json_err)
    })
}

/// Adds this module's functions to `andel._andel`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(municipality, m)?)?;
    m.add_function(wrap_pyfunction!(region, m)?)?;
    m.add_function(wrap_pyfunction!(population, m)?)?;
    m.add_function(wrap_pyfunction!(population_file, m)?)?;
    m.add_function(wrap_pyfunction!(region_population, m)?)?;
    m.add_function(wrap_pyfunction!(years, m)?)?;
    m.add_function(wrap_pyfunction!(read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(read_file_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(float_text, m)?)?;
    m.add_function(wrap_pyfunction!(_float_text_by_repr, m)?)?;
    m.add_function(wrap_pyfunction!(find_party, m)?)?;
    m.add_function(wrap_pyfunction!(danish, m)?)?;
    m.add_function(wrap_pyfunction!(summary, m)?)?;
    m.add_function(wrap_pyfunction!(summary_total_head, m)?)?;
    Ok(())
}
