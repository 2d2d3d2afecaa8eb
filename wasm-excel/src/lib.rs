//! andel's Excel in the browser: the `andel-wasm-excel` module, a second
//! wasm module beside `andel-wasm`, loaded only when someone asks for a
//! workbook or uploads one (the web form's "Hent Excel" and .xlsx upload),
//! so the form's first load stays within its size budget.
//!
//! As in `andel-wasm`: every exported function converts its arguments,
//! makes one andel-core call (`andel_core::excel`) and converts the result
//! back; errors are thrown as `Error` objects with core's `code`, `field`,
//! `details` and the message in both languages (`messages.da`,
//! `messages.en`).
//!
//! The crate builds to nothing on other targets, so `cargo test --workspace`
//! runs on the host; its tests are in `wasm/test/excel.test.cjs`.
#![cfg(target_arch = "wasm32")]

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use andel_core::document::{compute, parse};
use andel_core::excel;
use andel_core::present::Language;
use andel_core::tabular::CsvColumns;
use andel_core::Error;
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type JsResult<T> = Result<T, JsValue>;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The sheet read, every sheet of the workbook, and the sheet as Danish CSV text (semicolons, decimal comma). */
export interface SheetText { sheet: string; sheets: string[]; text: string }
/** A key document computed and written as an .xlsx workbook: every table people see, in `language` ("da" by default or "en"). */
export function workbook(document: object | string, language?: "da" | "en" | null): Uint8Array;
/** Weights from an .xlsx file's bytes (the first sheet, or `sheet`), by the CSV rules: the same shape as andel-wasm's readCsv. */
export function readXlsx(bytes: Uint8Array, sheet?: string | null): unknown;
/** A sheet of an .xlsx file (the first, or `sheet`) as CSV text that readCsv reads as it reads the sheet. */
export function sheetText(bytes: Uint8Array, sheet?: string | null): SheetText;
"#;

/// A core error as a real JS `Error` with `code`, `field`, `details` and
/// `messages` (as andel-wasm throws them).
fn throw(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("AndelError");
    let details = serde_json::to_string(&e)
        .ok()
        .and_then(|t| JSON::parse(&t).ok())
        .unwrap_or(JsValue::NULL);
    let field = e.field().map_or(JsValue::NULL, JsValue::from);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = Reflect::set(&err, &"field".into(), &field);
    let _ = Reflect::set(&err, &"details".into(), &details);
    let messages = js_sys::Object::new();
    let _ = Reflect::set(&messages, &"da".into(), &e.message(Language::Da).into());
    let _ = Reflect::set(&messages, &"en".into(), &e.message(Language::En).into());
    let _ = Reflect::set(&err, &"messages".into(), &messages);
    err.into()
}

fn option_error(field: &str, message: &str) -> JsValue {
    throw(Error::InvalidOption {
        field: field.into(),
        message: message.into(),
    })
}

/// A string argument that may be left out.
fn text(v: &JsValue, field: &str) -> JsResult<Option<String>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| option_error(field, "expected a string"))
}

fn bytes(v: &JsValue) -> JsResult<Vec<u8>> {
    v.dyn_ref::<js_sys::Uint8Array>()
        .map(|b| b.to_vec())
        .ok_or_else(|| option_error("bytes", "give the file's bytes as a Uint8Array"))
}

/// Core's value as plain JS objects (decimals stay strings).
fn to_js<T: serde::Serialize>(value: &T) -> JsResult<JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        throw(Error::Document {
            field: String::new(),
            message: e.to_string().into(),
        })
    })?;
    JSON::parse(&text)
}

/// A key document (an object or JSON text) computed and written as a
/// workbook: the same workbook as the command line's `compute --format
/// xlsx`, in `language` ("da", the default, or "en").
#[wasm_bindgen(skip_typescript)]
pub fn workbook(document: JsValue, language: JsValue) -> JsResult<Vec<u8>> {
    let language = match text(&language, "language")? {
        Some(l) => l.parse::<Language>().map_err(throw)?,
        None => Language::Da,
    };
    let json = match document.as_string() {
        Some(t) => t,
        // An object as JSON text: the form's documents hold decimals as
        // strings and whole numbers, which JSON keeps exactly.
        None if document.is_object() => String::from(JSON::stringify(&document)?),
        None => {
            return Err(throw(Error::Document {
                field: "document".into(),
                message: "give the key document as a plain object or as JSON text".into(),
            }))
        }
    };
    let r = compute(&parse(&json).map_err(throw)?).map_err(throw)?;
    excel::write_result_in(&r, language).map_err(throw)
}

/// Weights from an .xlsx file's bytes: the first sheet or `sheet`, by the
/// CSV rules (headers, columns, totals left out, titles): the same shape
/// as andel-wasm's `readCsv`.
#[wasm_bindgen(skip_typescript, js_name = readXlsx)]
pub fn read_xlsx(bytes: JsValue, sheet: JsValue) -> JsResult<JsValue> {
    let sheet = text(&sheet, "sheet")?;
    let b = self::bytes(&bytes)?;
    let r =
        excel::read_weights_xlsx(&b, sheet.as_deref(), &CsvColumns::default()).map_err(throw)?;
    to_js(&r)
}

/// A sheet of an .xlsx file (the first or `sheet`) as CSV text that
/// `readCsv` reads as it reads the sheet, with the sheet's name and every
/// sheet's name.
#[wasm_bindgen(skip_typescript, js_name = sheetText)]
pub fn sheet_text(bytes: JsValue, sheet: JsValue) -> JsResult<JsValue> {
    let sheet = text(&sheet, "sheet")?;
    let b = self::bytes(&bytes)?;
    to_js(&excel::sheet_text(&b, sheet.as_deref()).map_err(throw)?)
}
