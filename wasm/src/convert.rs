//! Conversions between JavaScript values and andel-core's types, and core
//! errors as thrown JS `Error`s. Nothing here decides anything: numbers are
//! read by core's rules (`andel_core::number`), results are core's JSON.

// The readers of arrays, limits and ties serve the functions of `more.rs`:
// unused in the first-load module.
#![cfg_attr(not(feature = "more"), allow(dead_code))]

use crate::error::{option_error, threw, throw};
use andel_core::document::{from_tree, parse, Document, Json};
use andel_core::error::quoted;
use andel_core::number::{self, decimal_from_number_text, decimal_from_text};
use andel_core::SortedMap;
use andel_core::{Decimal, Error, Limit, PartyRef, TieRule};
use js_sys::{Array, Reflect, JSON};
use std::fmt::Write as _;
use wasm_bindgen::{JsCast, JsValue};

pub(crate) type JsResult<T> = Result<T, JsValue>;

/// Documents nested deeper than this are refused (a stack is finite).
const MAX_DEPTH: usize = 64;
/// Whole numbers above 2^53 are not all JS numbers: refused, so every result
/// comes back exactly.
const MAX_WHOLE: u64 = 1 << 53;

/// JS drops arguments beyond those a function takes without a word; each
/// function takes the rest (`...extra`) and refuses any that is given: an
/// argument either counts or is an error, also after an `undefined` one.
/// `takes` is how many it takes.
pub(crate) fn no_extra(extra: &Array, takes: usize) -> JsResult<()> {
    // `extra` is the rest parameter: a fresh array of the arguments.
    for i in 0..extra.length() {
        if !extra.get(i).is_undefined() {
            return Err(option_error(
                &format!("arguments[{}]", takes + i as usize),
                format!("the function takes {takes} argument(s); more were given"),
            ));
        }
    }
    Ok(())
}

fn shown(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        return quoted(&s);
    }
    if v.as_f64().is_some() {
        let n: &js_sys::Number = v.unchecked_ref();
        return n
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
    }
    v.js_typeof().as_string().unwrap_or_default()
}

pub(crate) fn is_absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// Core's value as plain JS objects (decimals stay strings).
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> JsResult<JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        throw(Error::Document {
            field: String::new(),
            message: e.to_string().into(),
        })
    })?;
    JSON::parse(&text)
}

fn bigint_text(v: &JsValue) -> JsResult<String> {
    let b: &js_sys::BigInt = v.unchecked_ref();
    Ok(String::from(b.to_string(10)?))
}

/// A decimal from a JS number (the digits its shortest form shows, as
/// `String(x)` prints it), a decimal string or a BigInt.
pub(crate) fn decimal(v: &JsValue, field: &str) -> JsResult<Decimal> {
    decimal_at(v, &|| field.to_string())
}

/// [`decimal`], with the field's name made only when there is an error (a
/// weight in a long array is read without a label of its own).
fn decimal_at(v: &JsValue, field: &dyn Fn() -> String) -> JsResult<Decimal> {
    let at = |e: Error| throw(e.with_field(field()));
    if let Some(x) = v.as_f64() {
        return number(x).map_err(at);
    }
    if let Some(s) = v.as_string() {
        return decimal_from_text(&s, "").map_err(at);
    }
    if v.is_bigint() {
        return decimal_from_text(&bigint_text(v)?, "").map_err(at);
    }
    Err(throw(Error::InvalidNumber {
        field: field(),
        value: shown(v),
        reason: "expected a number or a decimal string such as \"0.072\"".into(),
    }))
}

/// The largest whole number up to which every whole number is a JS number.
const SAFE: f64 = 9_007_199_254_740_992.0;

/// A JS number as the decimal its shortest form shows (`String(x)`): a
/// whole number within 2^53 is that number, read without text; any other
/// is printed by JS and read by core (NaN and infinity are refused there).
fn number(x: f64) -> Result<Decimal, Error> {
    if x == x.trunc() && x.abs() <= SAFE {
        // Exact: a whole f64 within 2^53 is an i64 with the same value.
        return Ok(Decimal::from(x as i64));
    }
    let n = js_sys::Number::from(x);
    let shown = String::from(n.to_string_with_radix(10).unwrap_or_default());
    decimal_from_number_text(&shown, "")
}

/// A whole number from 0 to 2^53 (a JS number, digits in a string, a BigInt).
pub(crate) fn whole(v: &JsValue, field: &str) -> JsResult<u64> {
    if !(v.as_f64().is_some() || v.as_string().is_some() || v.is_bigint()) {
        return Err(throw(Error::InvalidNumber {
            field: field.to_string(),
            value: shown(v),
            reason: "expected a whole number".into(),
        }));
    }
    number::whole(decimal(v, field)?, field, MAX_WHOLE).map_err(throw)
}

// Every read of a caller's value that can run the caller's code (a getter,
// a Proxy trap, a revoked Proxy) goes through a function that catches what
// it throws: a JS exception must never unwind through wasm frames, which
// leaves the module's stack broken for every later call.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_catching(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn from_catching(v: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ArrayBuffer, js_name = isView)]
    fn is_view_catching(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = Float64Array)]
    type Float64Copy;
    #[wasm_bindgen(catch, constructor, js_class = "Float64Array")]
    fn new(v: &JsValue) -> Result<Float64Copy, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn entries_catching(v: &JsValue) -> Result<Array, JsValue>;
    // `Number.isFinite` as a function, and `every` given one: whether an
    // array holds finite numbers only, in one call (no caller's code runs:
    // neither converts a value).
    #[wasm_bindgen(thread_local_v2, js_namespace = Number, js_name = isFinite)]
    static IS_FINITE: js_sys::Function;
    type Plain;
    #[wasm_bindgen(method, js_name = every)]
    fn every_with(this: &Plain, f: &js_sys::Function) -> bool;
}

fn is_array(v: &JsValue, field: &str) -> JsResult<bool> {
    is_array_catching(v).map_err(|e| threw(field, &e))
}

/// Whether `v` is a typed array or a DataView (`ArrayBuffer.isView` reads
/// an internal slot: a Proxy is none and runs no trap).
fn is_view(v: &JsValue, field: &str) -> JsResult<bool> {
    is_view_catching(v).map_err(|e| threw(field, &e))
}

/// The items of an array, copied out by `Array.from` (in JS, where what a
/// getter or a Proxy throws is caught): a fresh array of plain values.
fn items(v: &JsValue, field: &str) -> JsResult<Array> {
    from_catching(v).map_err(|e| threw(field, &e))
}

fn array(v: &JsValue, field: &str, what: &str) -> JsResult<Array> {
    if is_array(v, field)? {
        items(v, field)
    } else {
        Err(option_error(
            field,
            format!("expected an array of {what}, got {}", shown(v)),
        ))
    }
}

/// Weights as read: all whole numbers from 0 (populations, counts), kept as
/// integers for core's integer entries (`apportion_units`, `split_units`),
/// or decimals as soon as one is not.
pub(crate) enum Weights {
    Whole(Vec<u64>),
    Exact(Vec<Decimal>),
}

impl Weights {
    fn with_capacity(n: usize) -> Self {
        Weights::Whole(Vec::with_capacity(n))
    }

    fn push_whole(&mut self, n: u64) {
        match self {
            Weights::Whole(w) => w.push(n),
            Weights::Exact(d) => d.push(Decimal::from(n)),
        }
    }

    fn push(&mut self, d: Decimal) {
        if let Weights::Whole(w) = self {
            if d.fract().is_zero() && !d.is_sign_negative() {
                if let Ok(n) = u64::try_from(d) {
                    w.push(n);
                    return;
                }
            }
            let mut exact = Vec::with_capacity(w.capacity());
            exact.extend(w.iter().map(|&n| Decimal::from(n)));
            *self = Weights::Exact(exact);
        }
        if let Weights::Exact(e) = self {
            e.push(d);
        }
    }

    /// A JS number: a whole one from 0 to 2^53 is kept without a decimal.
    fn push_number(&mut self, x: f64) -> Result<(), Error> {
        if x == x.trunc() && (0.0..=SAFE).contains(&x) {
            self.push_whole(x as u64);
            Ok(())
        } else {
            number(x).map(|d| self.push(d))
        }
    }

    /// The weights as decimals (what core's general entries take).
    pub(crate) fn into_decimals(self) -> Vec<Decimal> {
        match self {
            Weights::Whole(w) => w.into_iter().map(Decimal::from).collect(),
            Weights::Exact(d) => d,
        }
    }
}

/// Weights: an array of numbers or decimal strings, or a typed array
/// (`Float64Array`, `Int32Array`, …, `BigInt64Array`). Read in one pass,
/// a field's name (`weights[3]`) made only for an error.
pub(crate) fn weights(v: &JsValue, field: &str) -> JsResult<Weights> {
    if is_view(v, field)? {
        return typed_weights(v, field);
    }
    let items = array(v, field, "numbers or decimal strings")?;
    if IS_FINITE.with(|f| items.unchecked_ref::<Plain>().every_with(f)) {
        // Finite numbers only (the common case): copied out as one
        // Float64Array, not read a value at a time.
        return float_weights(&js_sys::Float64Array::new(&items), field);
    }
    let n = items.length();
    let mut out = Weights::with_capacity(n as usize);
    for i in 0..n {
        // `items` is a fresh array of plain values: reading it runs no
        // caller's code.
        let x = items.get(i);
        match x.as_f64() {
            Some(f) => out
                .push_number(f)
                .map_err(|e| throw(e.with_field(format!("{field}[{i}]"))))?,
            None => out.push(decimal_at(&x, &|| format!("{field}[{i}]"))?),
        }
    }
    Ok(out)
}

/// How many numbers a typed array's weights are copied out in at a time:
/// the copy stays small whatever the array's length.
const CHUNK: u32 = 1 << 16;

/// Weights from a typed array: copied into wasm a chunk at a time, no JS
/// value made per element. Integers (of every width, BigInt ones too) are
/// read as integers; a float as the decimal its shortest form shows.
fn typed_weights(v: &JsValue, field: &str) -> JsResult<Weights> {
    if let Some(b) = v.dyn_ref::<js_sys::BigInt64Array>() {
        let mut out = Weights::with_capacity(b.length() as usize);
        for x in b.to_vec() {
            match u64::try_from(x) {
                Ok(n) => out.push_whole(n),
                Err(_) => out.push(Decimal::from(x)),
            }
        }
        return Ok(out);
    }
    if let Some(b) = v.dyn_ref::<js_sys::BigUint64Array>() {
        return Ok(Weights::Whole(b.to_vec()));
    }
    if v.dyn_ref::<js_sys::DataView>().is_some() {
        return Err(option_error(
            field,
            "expected an array or a typed array of numbers, got a DataView",
        ));
    }
    // Every other typed array holds numbers that a Float64Array holds
    // exactly (integers of at most 32 bits, floats of at most 64).
    let f = match v.dyn_ref::<js_sys::Float64Array>() {
        Some(f) => f.clone(),
        // `new Float64Array(view)` throws for a detached buffer: caught.
        None => Float64Copy::new(v)
            .map_err(|e| threw(field, &e))?
            .unchecked_into(),
    };
    float_weights(&f, field)
}

/// Weights from a Float64Array, copied into wasm a chunk at a time.
fn float_weights(f: &js_sys::Float64Array, field: &str) -> JsResult<Weights> {
    let n = f.length();
    let mut out = Weights::with_capacity(n as usize);
    let mut buf = vec![0.0; CHUNK.min(n) as usize];
    let mut start: u32 = 0;
    while start < n {
        let end = start.saturating_add(CHUNK).min(n);
        let chunk = &mut buf[..(end - start) as usize];
        f.subarray(start, end).copy_to(chunk);
        for (k, &x) in chunk.iter().enumerate() {
            out.push_number(x)
                .map_err(|e| throw(e.with_field(format!("{field}[{}]", start as usize + k))))?;
        }
        start = end;
    }
    Ok(out)
}

/// Whole units as a JS array of numbers, made in two calls (a copy into a
/// Float64Array, then `Array.from`) rather than one per element. Units are
/// at most the seats, themselves at most 2^53: exact as JS numbers.
pub(crate) fn numbers(units: &[u64]) -> JsResult<Array> {
    let f: Vec<f64> = units.iter().map(|&u| u as f64).collect();
    items(&js_sys::Float64Array::from(&f[..]), "result")
}

/// `count` texts joined by commas as a JS array of strings, split in JS.
pub(crate) fn split_text(text: String, count: usize) -> Array {
    if count == 0 {
        return Array::new();
    }
    js_sys::JsString::from(text).split(",")
}

/// Decimals as a JS array of strings, made from one string split in JS
/// rather than one string per element (a decimal's text has no comma).
pub(crate) fn decimals(parts: &[Decimal]) -> Array {
    if parts.is_empty() {
        return Array::new();
    }
    let mut text = String::with_capacity(parts.len() * 12);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        // Writing to a String cannot fail.
        let _ = write!(text, "{p}");
    }
    js_sys::JsString::from(text).split(",")
}

/// A plain object's own keys and values, in order, as `Object.entries`
/// reads them (in JS, where what a getter or a Proxy throws is caught).
fn entries(v: &JsValue, field: &str) -> JsResult<Vec<(String, JsValue)>> {
    Ok(entries_catching(v)
        .map_err(|e| threw(field, &e))?
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        })
        .collect())
}

/// Whether `v` is a plain object (`{…}`, or `Object.create(null)`): not an
/// array, a function, a `Map` or a class's instance, whose properties JS
/// code reads otherwise (`map.get(k)`, getters on the prototype) and which
/// would look empty here.
fn is_plain_object(v: &JsValue, field: &str) -> JsResult<bool> {
    if !v.is_object() || v.is_function() || is_array(v, field)? {
        return Ok(false);
    }
    // Its prototype is Object.prototype (of any realm) or none: the one
    // prototype whose own prototype is none.
    let proto: JsValue = Reflect::get_prototype_of(v)
        .map_err(|e| threw(field, &e))?
        .into();
    Ok(proto.is_null()
        || Reflect::get_prototype_of(&proto)
            .map_err(|e| threw(field, &e))?
            .is_null())
}

/// An options object: its fields by name; a field it does not know is an
/// error (every argument counts).
pub(crate) fn fields(
    v: &JsValue,
    field: &str,
    known: &[&str],
) -> JsResult<SortedMap<String, JsValue>> {
    if is_absent(v) {
        return Ok(SortedMap::new());
    }
    if !is_plain_object(v, field)? {
        return Err(option_error(
            field,
            format!("expected a plain object ({{…}}), got {}", shown(v)),
        ));
    }
    let mut out = Vec::new();
    for (k, value) in entries(v, field)? {
        if !known.contains(&k.as_str()) {
            return Err(option_error(
                &format!("{field}.{k}"),
                format!(
                    "unknown option {}; the options are {}",
                    quoted(&k),
                    known.join(", ")
                ),
            ));
        }
        if !value.is_undefined() {
            out.push((k, value));
        }
    }
    Ok(out.into_iter().collect())
}

/// A minimum or maximum: one number for all, an array in party order, or an
/// object by id.
pub(crate) fn limit(v: Option<&JsValue>, field: &str) -> JsResult<Option<Limit>> {
    let Some(v) = v.filter(|v| !is_absent(v)) else {
        return Ok(None);
    };
    if is_array(v, field)? {
        let each = array(v, field, "whole numbers")?
            .iter()
            .enumerate()
            .map(|(i, x)| whole(&x, &format!("{field}[{i}]")))
            .collect::<JsResult<Vec<_>>>()?;
        return Ok(Some(Limit::Each(each)));
    }
    if is_plain_object(v, field)? {
        let mut by_id = Vec::new();
        for (k, x) in entries(v, field)? {
            let n = whole(&x, &format!("{field}.{k}"))?;
            by_id.push((k, n));
        }
        return Ok(Some(Limit::ById(by_id.into_iter().collect())));
    }
    Ok(Some(Limit::All(whole(v, field)?)))
}

/// `"order"`, `"error"` or a priority order of indexes (numbers) or party
/// references (strings, resolved by core's `reference::resolve_ties` once
/// the parties are known).
pub(crate) fn ties(v: Option<&JsValue>) -> JsResult<TieRule> {
    let Some(v) = v.filter(|v| !is_absent(v)) else {
        return Ok(TieRule::Order);
    };
    if let Some(s) = v.as_string() {
        return match s.as_str() {
            "order" => Ok(TieRule::Order),
            "error" => Ok(TieRule::Error),
            _ => Err(option_error(
                "ties",
                format!(
                    "{}: use \"order\", \"error\" or a priority order (an array of indexes or ids)",
                    quoted(&s)
                ),
            )),
        };
    }
    let order = array(v, "ties", "indexes or ids")?
        .iter()
        .enumerate()
        .map(|(i, x)| match x.as_string() {
            Some(text) => Ok(PartyRef::Id(text)),
            None => {
                let at = format!("ties[{i}]");
                let n = whole(&x, &at)?;
                usize::try_from(n)
                    .map(PartyRef::Index)
                    .map_err(|_| throw(Error::overflow(at, "index too large")))
            }
        })
        .collect::<JsResult<Vec<_>>>()?;
    Ok(TieRule::Priority(order))
}

/// Ids of the parties, when given: an array of strings.
pub(crate) fn ids(v: Option<&JsValue>, field: &str) -> JsResult<Option<Vec<String>>> {
    let Some(v) = v.filter(|v| !is_absent(v)) else {
        return Ok(None);
    };
    array(v, field, "strings")?
        .iter()
        .enumerate()
        .map(|(i, x)| {
            x.as_string().ok_or_else(|| {
                option_error(
                    &format!("{field}[{i}]"),
                    format!("expected a string, got {}", shown(&x)),
                )
            })
        })
        .collect::<JsResult<Vec<_>>>()
        .map(Some)
}

/// A string option.
pub(crate) fn text(v: Option<&JsValue>, field: &str) -> JsResult<Option<String>> {
    match v.filter(|v| !is_absent(v)) {
        None => Ok(None),
        Some(v) => v
            .as_string()
            .map(Some)
            .ok_or_else(|| option_error(field, format!("expected a string, got {}", shown(v)))),
    }
}

/// A JS value (a document given as an object) as the tree core's reader
/// reads (`andel_core::document::from_tree`): numbers as the decimals they
/// show, NaN and infinity refused at their path. No JSON text is written.
fn json_tree(v: &JsValue, path: &str, depth: usize) -> JsResult<Json> {
    if depth > MAX_DEPTH {
        return Err(throw(Error::Document {
            field: path.to_string(),
            message: andel_core::error::Problem::TooDeep { levels: MAX_DEPTH }.into(),
        }));
    }
    if v.is_null() || v.is_undefined() {
        Ok(Json::Null)
    } else if let Some(b) = v.as_bool() {
        Ok(Json::Bool(b))
    } else if let Some(s) = v.as_string() {
        Ok(Json::String(s))
    } else if v.as_f64().is_some() || v.is_bigint() {
        Ok(Json::Number(decimal(v, path)?.to_string()))
    } else if is_array(v, path)? {
        items(v, path)?
            .iter()
            .enumerate()
            .map(|(i, x)| json_tree(&x, &format!("{path}[{i}]"), depth + 1))
            .collect::<JsResult<Vec<_>>>()
            .map(Json::Array)
    } else if is_plain_object(v, path)? {
        let at = if path.is_empty() { "document" } else { path };
        let mut fields = Vec::new();
        for (k, x) in entries(v, at)? {
            if x.is_undefined() {
                continue;
            }
            let at = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            let value = json_tree(&x, &at, depth + 1)?;
            fields.push((k, value));
        }
        Ok(Json::Object(fields))
    } else {
        Err(throw(Error::Document {
            field: path.to_string(),
            message: format!("a {} is not a JSON value", shown(v)).into(),
        }))
    }
}

/// A key document given as an object or as JSON text, read by core (field
/// paths in errors; for an object, without the line and column of JSON it
/// never saw).
pub(crate) fn document(v: &JsValue) -> JsResult<Document> {
    if let Some(text) = v.as_string() {
        return parse(&text).map_err(throw);
    }
    if !is_plain_object(v, "document")? {
        return Err(throw(Error::Document {
            field: "document".into(),
            message: format!(
                "give the key document as a plain object or as JSON text, not {}",
                shown(v)
            )
            .into(),
        }));
    }
    from_tree(&json_tree(v, "", 0)?).map_err(throw)
}

/// Whole numbers: an array of them.
pub(crate) fn wholes(v: &JsValue, field: &str) -> JsResult<Vec<u64>> {
    array(v, field, "whole numbers")?
        .iter()
        .enumerate()
        .map(|(i, x)| whole(&x, &format!("{field}[{i}]")))
        .collect()
}

/// A table of weights: an array of rows.
pub(crate) fn table(v: &JsValue, field: &str) -> JsResult<Vec<Vec<Decimal>>> {
    array(v, field, "rows (arrays of numbers or decimal strings)")?
        .iter()
        .enumerate()
        .map(|(i, row)| weights(&row, &format!("{field}[{i}]")).map(Weights::into_decimals))
        .collect()
}
