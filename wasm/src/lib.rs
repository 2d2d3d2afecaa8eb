//! andel in the browser: the `andel-wasm` package (wasm-bindgen).
//!
//! Every exported function converts its arguments (`convert`), makes one
//! andel-core call and converts the result back; no rule of the domain is
//! written here. Decimals cross as strings, whole numbers as JS numbers (at
//! most 2^53), results as plain objects (the same JSON as Rust and Python),
//! and errors as thrown `Error` objects with core's `code`, the `field` path
//! and `details`. The TypeScript declarations are written out below.
//!
//! Two modules come out of it (build.sh): with the `more` feature (the
//! default) the whole API, for the npm package and node; without it the web
//! form's first-load module, within its download budget: `present`,
//! `municipalities`, `years`, `version`, `parseNumber` and `formatNumber`.
//! The rest (`more.rs`) the form loads on request from the whole module.
//!
//! The crate builds to nothing on other targets, so `cargo test --workspace`
//! runs on the host; its tests are the node and browser suites in `wasm/test/`.
#![cfg(target_arch = "wasm32")]

// The allocator: talc instead of the default dlmalloc, about 7 KB smaller
// (3 KB gzipped) with no unsafe code on our side.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod convert;
mod error;
#[cfg(feature = "more")]
mod more;

use andel_core::document::compute as compute_document;
use andel_core::present::Language;
use andel_core::tabular::{self, NumberStyle};
use andel_core::{data, Error};
use convert::{decimal, fields, is_absent, no_extra, text, to_js, whole, JsResult};
use error::throw;
use js_sys::Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../andel.d.ts");

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
        return data::default_year().map_err(throw);
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
        None => {
            return Err(crate::error::option_error(
                "danish",
                "expected true or false",
            ))
        }
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
