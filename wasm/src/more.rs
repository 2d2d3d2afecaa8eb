//! What the web form loads only on request (the npm package and node have
//! it all): plain apportionment and money splits, tables, biproportional
//! apportionment, computed results as objects or CSV, and the readers of
//! CSV files. Built with the `more` feature (the default); without it the
//! crate is the form's first-load module (lib.rs, build.sh).

use crate::convert::Weights;
use crate::convert::{
    self, decimal, fields, ids, is_absent, limit, no_extra, text, ties, to_js, whole, JsResult,
};
use crate::error::throw;
use andel_core::document::compute as compute_document;
use andel_core::money::{part_texts_joined, split_units};
use andel_core::present::Language;
use andel_core::reference::{resolve_ties, Parties};
use andel_core::tabular::{read_weights, read_weights_bytes, CsvColumns, Dialect};
use andel_core::{
    apportion_named, apportion_units, split_named, Error, Method, Options, SplitOptions, TieRule,
};
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// A priority order's parties named by text resolved by core's one reading
/// of a party reference (`andel_core::reference`): ids, names, municipality
/// codes, or positions in digits where the parties have no ids.
fn resolved(rule: TieRule, ids: Option<&[String]>, n: usize) -> JsResult<TieRule> {
    resolve_ties(rule, &Parties::with_ids(ids, n)).map_err(throw)
}

/// How many weights were read.
fn count(w: &Weights) -> usize {
    match w {
        Weights::Whole(w) => w.len(),
        Weights::Exact(d) => d.len(),
    }
}

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
        ties: resolved(ties(o.get("ties"))?, ids.as_deref(), count(&w))?,
    };
    let named = |e: Error| {
        throw(
            e.renamed("total", "seats")
                .renamed("first_divisor", "firstDivisor"),
        )
    };
    // Units are at most `seats`, itself at most 2^53: exact as JS numbers.
    match w {
        // Whole weights without ids or a priority order: core's integer
        // entry, the same units without the explanation.
        Weights::Whole(w) if ids.is_none() && options.ties == TieRule::Order => {
            convert::numbers(&apportion_units(&w, seats, &options).map_err(named)?)
        }
        w => {
            let w = w.into_decimals();
            let r = apportion_named(&w, ids.as_deref(), seats, &options).map_err(named)?;
            convert::numbers(r.units())
        }
    }
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
        ties: resolved(ties(o.get("ties"))?, ids.as_deref(), count(&w))?,
        ..SplitOptions::default()
    };
    if let Some(unit) = o.get("unit").filter(|v| !is_absent(v)) {
        split_options.unit = decimal(unit, "unit")?;
    }
    match w {
        // Whole weights without ids or a priority order: core's integer
        // entry, the same parts without the explanation.
        Weights::Whole(w) if ids.is_none() && split_options.ties == TieRule::Order => {
            let units = split_units(amount, &w, &split_options).map_err(throw)?;
            // The parts' texts written from their integer products into one
            // string, split in JS: no Decimal and no string a part here.
            let text = part_texts_joined(amount, split_options.unit, &units, ',').map_err(throw)?;
            Ok(convert::split_text(text, units.len()))
        }
        w => {
            let w = w.into_decimals();
            let s = split_named(amount, &w, ids.as_deref(), &split_options).map_err(throw)?;
            Ok(convert::decimals(&s.parts))
        }
    }
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
    let rows = convert::weights(&row_weights, "rowWeights")?.into_decimals();
    let columns = convert::weights(&column_weights, "columnWeights")?.into_decimals();
    let o = fields(&options, "options", &["unit", "ties"])?;
    // One order for the rows' and the columns' split: positions up to the
    // longer of the two (the shorter one's engine refuses one past its end).
    let n = rows.len().max(columns.len());
    let mut split_options = SplitOptions {
        ties: resolved(ties(o.get("ties"))?, None, n)?,
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
        ties: ties(o.get("ties"))?,
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
        _ => andel_core::present::result_csv(&r, dialect, language.unwrap_or_default()),
    })
}

/// The text of a file's bytes (a `Uint8Array`), decoded by the core as
/// every reader of files decodes them (UTF-8 with or without BOM, UTF-16
/// with BOM, else Windows-1252). (`readCsv` of the bytes says which.)
#[wasm_bindgen(skip_typescript, variadic, js_name = textFromBytes)]
pub fn decode_text(bytes: JsValue, extra: Array) -> JsResult<String> {
    no_extra(&extra, 1)?;
    let bytes = bytes.dyn_into::<js_sys::Uint8Array>().map_err(|_| {
        crate::error::option_error("bytes", "give the file's bytes as a Uint8Array")
    })?;
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
                .ok_or_else(|| crate::error::option_error("text", "give the CSV text or bytes"))?,
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
                crate::error::option_error(&format!("columns.{name}"), "expected true or false")
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
    // Everything reading said (the encoding, the decimal mark and why, the
    // rows left out), sentence by sentence in both languages.
    let all = js_sys::Object::new();
    for (code, language) in [("da", Language::Da), ("en", Language::En)] {
        let lines: Array = andel_core::present::said(&read, language)
            .into_iter()
            .map(JsValue::from)
            .collect();
        js_sys::Reflect::set(&all, &code.into(), &lines)?;
    }
    js_sys::Reflect::set(&out, &"said".into(), &all)?;
    Ok(out)
}

/// The meeting as a whole: key documents (an array) computed and summed per
/// municipality over every one with a `summary`, as people read it (title,
/// note, kroner and places by case, as the command line's report ends), in
/// `options.language` with `options.numbers`; `null` when none counts.
#[wasm_bindgen(skip_typescript, variadic)]
pub fn meeting(documents: JsValue, options: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 2)?;
    let (language, style) = crate::language_and_style(&options)?;
    if !Array::is_array(&documents) {
        return Err(crate::error::option_error(
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

/// One municipality of a population file, as `readPopulation` gives it.
#[derive(serde::Serialize)]
struct FileMunicipality {
    code: String,
    name: String,
    population: u64,
}

/// What `readPopulation` read: the period and its date, the ages counted,
/// the encoding the bytes were in, and the municipalities of `region`
/// (every one the file has without one) with their figures, in code order.
#[derive(serde::Serialize)]
struct ReadPopulation {
    period: String,
    date: String,
    ages: andel_core::statbank::Ages,
    encoding: andel_core::encoding::Encoding,
    municipalities: Vec<FileMunicipality>,
}

/// Population from the user's own Statbank file (FOLK1A, FOLK1AM, BY2: the
/// API's CSV with any of `OMRÅDE;ALDER;KØN;TID;INDHOLD`, or the web's
/// matrix export), its bytes as a `Uint8Array`, as the command line's
/// `--population FILE` reads it: `options.year` picks the year's first
/// period (the only one without it), `options.ages` (`{from, to}`) sums the
/// age groups, `options.region` the municipalities wanted (every one the
/// file has without one). A municipality the file lacks, a period or an age range it cannot
/// give are core's errors (`missing_municipality`, `period_not_in_file`,
/// `ages_not_in_file`).
#[wasm_bindgen(skip_typescript, variadic, js_name = readPopulation)]
pub fn read_population(bytes: JsValue, options: JsValue, extra: Array) -> JsResult<JsValue> {
    no_extra(&extra, 2)?;
    let bytes = bytes.dyn_into::<js_sys::Uint8Array>().map_err(|_| {
        crate::error::option_error("bytes", "give the file's bytes as a Uint8Array")
    })?;
    let bytes = bytes.to_vec();
    let o = fields(&options, "options", &["year", "ages", "region"])?;
    let year = o
        .get("year")
        .filter(|v| !is_absent(v))
        .map(|v| {
            let y = whole(v, "options.year")?;
            i32::try_from(y).map_err(|_| crate::error::option_error("options.year", "not a year"))
        })
        .transpose()?;
    let ages = match o.get("ages").filter(|v| !is_absent(v)) {
        None => None,
        Some(a) => {
            let a = fields(a, "options.ages", &["from", "to"])?;
            let end = |name: &str| -> JsResult<Option<u32>> {
                a.get(name)
                    .filter(|v| !is_absent(v))
                    .map(|v| {
                        let n = whole(v, &format!("options.ages.{name}"))?;
                        u32::try_from(n).map_err(|_| {
                            crate::error::option_error(
                                &format!("options.ages.{name}"),
                                "not an age in years",
                            )
                        })
                    })
                    .transpose()
            };
            Some(andel_core::statbank::Ages {
                from: end("from")?,
                to: end("to")?,
            })
        }
    };
    let region = text(o.get("region"), "options.region")?
        .map(|r| r.parse::<andel_core::data::Region>())
        .transpose()
        .map_err(|e| throw(e.with_field("options.region")))?;
    let encoding = andel_core::encoding::decode(&bytes)
        .map_err(|e| throw(e.under("bytes")))?
        .encoding;
    let read = andel_core::statbank::read_population(&bytes, year, ages).map_err(throw)?;
    // With a region: its municipalities, each one the file must have; without
    // one: every municipality the file has.
    let municipalities = match region {
        Some(r) => read
            .key(Some(r))
            .map_err(throw)?
            .parties()
            .iter()
            .map(|p| (p.id.clone(), p.name.clone().unwrap_or_default()))
            .collect::<Vec<_>>(),
        None => andel_core::data::municipalities()
            .map_err(throw)?
            .iter()
            .filter(|m| read.counts.iter().any(|(c, _)| *c == m.code))
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect(),
    };
    let municipalities = municipalities
        .into_iter()
        .map(|(code, name)| FileMunicipality {
            population: read
                .counts
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0, |(_, n)| *n),
            code,
            name,
        })
        .collect();
    to_js(&ReadPopulation {
        period: read.period,
        date: read.date,
        ages: read.ages,
        encoding,
        municipalities,
    })
}
