//! andel in the browser: the `andel-wasm` package (wasm-bindgen).
//!
//! Every exported function converts its arguments (`convert`), makes one
//! andel-core call and converts the result back; no rule of the domain is
//! written here. Decimals cross as strings, whole numbers as JS numbers (at
//! most 2^53), results as plain objects (the same JSON as Rust and Python),
//! and errors as thrown `Error` objects with core's `code`, the `field` path
//! and `details`. The TypeScript declarations are written out below.
//!
//! The crate builds to nothing on other targets, so `cargo test --workspace`
//! runs on the host; its tests are the node and browser suites in `wasm/test/`.
#![cfg(target_arch = "wasm32")]

// The allocator: talc instead of the default dlmalloc, about 7 KB smaller
// (3 KB gzipped) with no unsafe code on our side.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod convert;

use andel_core::document::compute as compute_document;
use andel_core::present::Language;
use andel_core::tabular::{
    self, read_weights, read_weights_bytes, CsvColumns, Dialect, NumberStyle,
};
use andel_core::{apportion_named, data, split_named, Error, Method, Options, SplitOptions};
use convert::{
    decimal, fields, ids, is_absent, limit, no_extra, text, throw, ties, to_js, whole, JsResult,
};
use js_sys::Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../andel.d.ts");

/// Whole units per party, in input order.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn apportion(
    weights: JsValue,
    seats: JsValue,
    method: JsValue,
    options: JsValue,
    extra: Array,
) -> JsResult<Array> {
    no_extra(&extra, 4)?;
    let w = convert::weights(&weights, "weights")?;
    let seats = whole(&seats, "seats")?;
    let method = match text(Some(&method), "method")? {
        Some(m) => m.parse::<Method>().map_err(throw)?,
        None => Method::Hamilton,
    };
    let o = fields(
        &options,
        "options",
        &["minimum", "maximum", "firstDivisor", "ties", "ids"],
    )?;
    let ids = ids(o.get("ids"), "options.ids")?;
    let options = Options {
        method,
        minimum: limit(o.get("minimum"), "minimum")?,
        maximum: limit(o.get("maximum"), "maximum")?,
        first_divisor: o
            .get("firstDivisor")
            .filter(|v| !is_absent(v))
            .map(|v| decimal(v, "firstDivisor"))
            .transpose()?,
        ties: ties(o.get("ties"), ids.is_some())?,
    };
    let r = apportion_named(&w, ids.as_deref(), seats, &options).map_err(|e| {
        throw(
            e.renamed("total", "seats")
                .renamed("first_divisor", "firstDivisor"),
        )
    })?;
    // Units are at most `seats`, itself at most 2^53: exact as JS numbers.
    Ok(r.units().iter().map(|&u| JsValue::from(u as f64)).collect())
}

/// Money parts per party, in input order, as decimal strings.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn split(amount: JsValue, weights: JsValue, options: JsValue, extra: Array) -> JsResult<Array> {
    no_extra(&extra, 3)?;
    let amount = decimal(&amount, "amount")?;
    let w = convert::weights(&weights, "weights")?;
    let o = fields(&options, "options", &["unit", "ties", "ids"])?;
    let ids = ids(o.get("ids"), "options.ids")?;
    let mut split_options = SplitOptions {
        ties: ties(o.get("ties"), ids.is_some())?,
        ..SplitOptions::default()
    };
    if let Some(unit) = o.get("unit").filter(|v| !is_absent(v)) {
        split_options.unit = decimal(unit, "unit")?;
    }
    let s = split_named(amount, &w, ids.as_deref(), &split_options).map_err(throw)?;
    Ok(s.parts
        .iter()
        .map(|p| JsValue::from(p.to_string()))
        .collect())
}

/// Money split two ways at once: every row adds up to the split of `amount`
/// by `rowWeights`, every column to its split by `columnWeights`; row by
/// row, decimal strings.
#[wasm_bindgen(skip_typescript, variadic, js_name = splitTable)]
pub fn split_table(
    amount: JsValue,
    row_weights: JsValue,
    column_weights: JsValue,
    options: JsValue,
    extra: Array,
) -> JsResult<Array> {
    no_extra(&extra, 4)?;
    let amount = decimal(&amount, "amount")?;
    let rows = convert::weights(&row_weights, "rowWeights")?;
    let columns = convert::weights(&column_weights, "columnWeights")?;
    let o = fields(&options, "options", &["unit", "ties"])?;
    let mut split_options = SplitOptions {
        ties: ties(o.get("ties"), false)?,
        ..SplitOptions::default()
    };
    if let Some(unit) = o.get("unit").filter(|v| !is_absent(v)) {
        split_options.unit = decimal(unit, "unit")?;
    }
    let t =
        andel_core::table::split_table(amount, &rows, &columns, &split_options).map_err(throw)?;
    Ok(t.iter()
        .map(|r| {
            JsValue::from(
                r.iter()
                    .map(|x| JsValue::from(x.to_string()))
                    .collect::<Array>(),
            )
        })
        .collect())
}

/// Whole units in a table whose rows and columns both meet their totals
/// (biproportional apportionment): row by row, as JS numbers, with the ties
/// met (decided by table order) on the array's `ties` property.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn biproportional(
    weights: JsValue,
    column_totals: JsValue,
    options: JsValue,
    extra: Array,
) -> JsResult<Array> {
    no_extra(&extra, 3)?;
    let rows = convert::table(&weights, "weights")?;
    let columns = convert::wholes(&column_totals, "columnTotals")?;
    let o = fields(
        &options,
        "options",
        &["rowTotals", "method", "firstDivisor", "ties"],
    )?;
    let row_totals = o
        .get("rowTotals")
        .filter(|v| !is_absent(v))
        .map(|v| convert::wholes(v, "rowTotals"))
        .transpose()?;
    let mut bo = andel_core::BiproportionalOptions {
        first_divisor: o
            .get("firstDivisor")
            .filter(|v| !is_absent(v))
            .map(|v| decimal(v, "firstDivisor"))
            .transpose()?,
        ties: ties(o.get("ties"), false)?,
        ..andel_core::BiproportionalOptions::default()
    };
    if let Some(m) = text(o.get("method"), "method")? {
        bo.method = m.parse::<Method>().map_err(throw)?;
    }
    let t =
        andel_core::biproportional(&rows, &columns, row_totals.as_deref(), &bo).map_err(|e| {
            throw(
                e.renamed("column_totals", "columnTotals")
                    .renamed("row_totals", "rowTotals")
                    .renamed("first_divisor", "firstDivisor"),
            )
        })?;
    // Cells are at most a column's total, itself at most 2^53.
    let out: Array = t
        .cells
        .iter()
        .map(|r| {
            JsValue::from(
                r.iter()
                    .map(|&u| JsValue::from(u as f64))
                    .collect::<Array>(),
            )
        })
        .collect();
    js_sys::Reflect::set(&out, &JsValue::from("ties"), &to_js(&t.ties)?)?;
    Ok(out)
}

/// A key document (an object or JSON text) computed: the result as plain
/// objects, the same JSON as Rust and Python give.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn compute(document: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 1)?;
    to_js(&compute_document(&convert::document(&document)?).map_err(throw)?)
}

/// A key document computed, every allocation of the result as one CSV:
/// `danish_excel` (the default: semicolons, decimal comma, a byte order
/// mark) or `plain`.
///
/// `danish_excel` writes the tables as `present` shows them (the same heads
/// in `language`, "da" by default; amounts in kroner; title, note and
/// assumptions first as `#` lines): what the command line's
/// `compute --format csv` writes. `plain` keeps the stable machine columns
/// (`scenario,part,id,name,weight,share,quota,amount,units,rounding,
/// remainder_rank,tied`) and takes no language.
#[wasm_bindgen(skip_typescript, variadic, js_name = computeCsv)]
pub fn compute_csv(
    document: JsValue,
    dialect: JsValue,
    language: JsValue,
    extra: Array,
) -> JsResult<String> {
    no_extra(&extra, 3)?;
    let dialect = match text(Some(&dialect), "dialect")? {
        Some(d) => d.parse::<Dialect>().map_err(throw)?,
        None => Dialect::DanishExcel,
    };
    let language = text(Some(&language), "language")?
        .map(|l| l.parse::<Language>())
        .transpose()
        .map_err(throw)?;
    let r = compute_document(&convert::document(&document)?).map_err(throw)?;
    Ok(match dialect {
        Dialect::Plain if language.is_some() => {
            return Err(throw(Error::InvalidOption {
                field: "language".into(),
                message: "plain CSV keeps stable machine names; a language is for danish_excel"
                    .into(),
            }))
        }
        Dialect::Plain => r.to_csv(dialect),
        _ => andel_core::present::document_view(
            &r,
            language.unwrap_or_default(),
            NumberStyle::Danish,
        )
        .to_csv(dialect),
    })
}

/// `options.language` ("da", the default, or "en") and `options.numbers`
/// ("danish", the default, or "plain").
fn language_and_style(options: &JsValue) -> JsResult<(Language, NumberStyle)> {
    let o = fields(options, "options", &["language", "numbers"])?;
    let language = match text(o.get("language"), "options.language")? {
        Some(l) => l
            .parse::<Language>()
            .map_err(|e| throw(e.with_field("options.language")))?,
        None => Language::Da,
    };
    let style = match text(o.get("numbers"), "options.numbers")? {
        Some(n) => n
            .parse::<NumberStyle>()
            .map_err(|e| throw(e.with_field("options.numbers")))?,
        None => NumberStyle::Danish,
    };
    Ok((language, style))
}

/// A key document computed and presented: the view people read (title,
/// note, assumptions, and per scenario every table with its heads, rows,
/// total, notes and every party's explanation) as plain objects, in
/// `options.language` with `options.numbers`. It takes the document, not a
/// result, so the module needs no reader of results (smaller download).
#[wasm_bindgen(skip_typescript, variadic)]
pub fn present(document: JsValue, options: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 2)?;
    let (language, style) = language_and_style(&options)?;
    let r = compute_document(&convert::document(&document)?).map_err(throw)?;
    to_js(&andel_core::present::document_view(&r, language, style))
}

/// The meeting as a whole: key documents (an array) computed and summed per
/// municipality over every one with a `summary`, as people read it (title,
/// note, kroner and places by case, as the command line's report ends), in
/// `options.language` with `options.numbers`; `null` when none counts.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn meeting(documents: JsValue, options: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 2)?;
    let (language, style) = language_and_style(&options)?;
    if !Array::is_array(&documents) {
        return Err(convert::option_error(
            "documents",
            "give the key documents as an array",
        ));
    }
    let documents = Array::from(&documents)
        .iter()
        .map(|d| convert::document(&d))
        .collect::<JsResult<Vec<_>>>()?;
    let m = andel_core::summary::summary_of_documents(&documents).map_err(throw)?;
    to_js(&andel_core::present::meeting_view(&m, language, style))
}

/// The municipalities of a region (all 98 without one) with their population
/// on 1 January of `year` (the latest year shipped without one).
#[wasm_bindgen(skip_typescript, variadic)]
pub fn municipalities(region: JsValue, year: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 2)?;
    let region = text(Some(&region), "region")?
        .map(|r| r.parse::<data::Region>())
        .transpose()
        .map_err(throw)?;
    let year = year_or_latest(&year)?;
    to_js(&data::municipality_rows(region, year).map_err(throw)?)
}

fn year_or_latest(year: &JsValue) -> JsResult<i32> {
    if is_absent(year) {
        return data::years().last().copied().ok_or_else(|| {
            throw(Error::UnknownYear {
                field: "year".into(),
                year: 0,
                available: vec![],
            })
        });
    }
    let y = whole(year, "year")?;
    i32::try_from(y).map_err(|_| {
        throw(Error::UnknownYear {
            field: "year".into(),
            year: i32::MAX,
            available: data::years(),
        })
    })
}

/// This release of andel: the workspace version, the same as the npm
/// package's, `andel --version` and Python's `andel.__version__`.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn version(extra: Array) -> JsResult<String> {
    no_extra(&extra, 0)?;
    Ok(andel_core::VERSION.to_string())
}

/// The population years shipped, oldest first.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn years(extra: Array) -> JsResult<Array> {
    no_extra(&extra, 0)?;
    Ok(data::years().into_iter().map(JsValue::from).collect())
}

/// A number as people write it, as a decimal string: `danish` (the default)
/// reads `4.275.000,00` and a lone `4.275` as 4275; otherwise `1.234` is
/// 1.234.
#[wasm_bindgen(skip_typescript, variadic, js_name = parseNumber)]
pub fn parse_number(text: JsValue, danish: JsValue, extra: Array) -> JsResult<String> {
    no_extra(&extra, 2)?;
    let t = convert::text(Some(&text), "text")?.unwrap_or_default();
    let danish = match danish.as_bool() {
        Some(b) => b,
        None if is_absent(&danish) => true,
        None => return Err(convert::option_error("danish", "expected true or false")),
    };
    let d = if danish {
        tabular::parse_danish_number(&t)
    } else {
        tabular::parse_number(&t)
    };
    d.map(|d| d.to_string())
        .map_err(|e| throw(e.with_field("text")))
}

/// A decimal written for people: `1.658.397,22` (danish) or `1658397.22`.
#[wasm_bindgen(skip_typescript, variadic, js_name = formatNumber)]
pub fn format_number(
    value: JsValue,
    places: JsValue,
    style: JsValue,
    extra: Array,
) -> JsResult<String> {
    no_extra(&extra, 3)?;
    let d = decimal(&value, "value")?;
    let places = whole(&places, "places")?;
    let style = match text(Some(&style), "style")? {
        Some(s) => s.parse::<NumberStyle>().map_err(throw)?,
        None => NumberStyle::Danish,
    };
    let places = u32::try_from(places).unwrap_or(u32::MAX);
    tabular::format_number(d, places, style).map_err(throw)
}

/// The text of a file's bytes (a `Uint8Array`), decoded by the core as
/// every reader of files decodes them (UTF-8 with or without BOM, UTF-16
/// with BOM, else Windows-1252). (`readCsv` of the bytes says which.)
#[wasm_bindgen(skip_typescript, variadic, js_name = textFromBytes)]
pub fn decode_text(bytes: JsValue, extra: Array) -> JsResult<String> {
    no_extra(&extra, 1)?;
    let bytes = bytes
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| convert::option_error("bytes", "give the file's bytes as a Uint8Array"))?;
    let d = andel_core::encoding::decode(&bytes.to_vec()).map_err(|e| throw(e.under("bytes")))?;
    Ok(d.text)
}

/// Weights from CSV text, or a file's bytes as a `Uint8Array` (decoded by
/// the core), in any dialect the reader takes: the parties, the separator
/// found, the rows left out on purpose and the notes.
#[wasm_bindgen(skip_typescript, variadic, js_name = readCsv)]
pub fn read_csv(text: JsValue, columns: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 2)?;
    let bytes = text.dyn_ref::<js_sys::Uint8Array>().map(|b| b.to_vec());
    let t = match bytes {
        Some(_) => None,
        None => Some(
            convert::text(Some(&text), "text")?
                .ok_or_else(|| convert::option_error("text", "give the CSV text or bytes"))?,
        ),
    };
    let c = fields(
        &columns,
        "columns",
        &["id", "name", "weight", "header", "decimal", "keep_totals"],
    )?;
    let flag = |name: &str| -> JsResult<Option<bool>> {
        match c.get(name).filter(|v| !is_absent(v)) {
            None => Ok(None),
            Some(v) => Ok(Some(v.as_bool().ok_or_else(|| {
                convert::option_error(&format!("columns.{name}"), "expected true or false")
            })?)),
        }
    };
    let header = flag("header")?;
    let keep_totals = flag("keep_totals")?;
    let columns = CsvColumns {
        id: convert::text(c.get("id"), "columns.id")?,
        name: convert::text(c.get("name"), "columns.name")?,
        weight: convert::text(c.get("weight"), "columns.weight")?,
        header,
        decimal: convert::text(c.get("decimal"), "columns.decimal")?,
        keep_totals,
    };
    let read = match (&bytes, &t) {
        (Some(b), _) => read_weights_bytes(b, &columns),
        (None, t) => read_weights(t.as_deref().unwrap_or_default(), &columns),
    };
    // A column option's error is at `columns.<option>`, as the caller wrote it.
    let read = read.map_err(|e| throw(e.under("columns")))?;
    let out = to_js(&read)?;
    // The rows left out, said in both languages from core's catalogue.
    if let Some(da) = andel_core::present::left_out(&read, Language::Da) {
        let said = js_sys::Object::new();
        let en = andel_core::present::left_out(&read, Language::En).unwrap_or_default();
        js_sys::Reflect::set(&said, &"da".into(), &da.into())?;
        js_sys::Reflect::set(&said, &"en".into(), &en.into())?;
        js_sys::Reflect::set(&out, &"leftOut".into(), &said)?;
    }
    Ok(out)
}
