//! Reading key documents: a small, strict JSON reader and the conversions
//! from its tree to andel's input types.
//!
//! Strict where a general JSON library is lenient, because a document is a
//! decision others rely on:
//! - numbers keep their digits: `0.50000000000000000000000000001` is an
//!   error (more digits than a decimal holds), never rounded to 0.5;
//! - a key twice in one object is an error naming it, never last-one-wins;
//! - a field a type does not know is an error naming its path;
//! - nesting deeper than [`MAX_DEPTH`] is an error, not a stack overflow.
//!
//! Every error is an [`Error`] whose field is the path of the offending
//! value (`key.fixed[0].share`); syntax errors also say line and column.
//! (A reader of its own, rather than serde's derive, also keeps the browser
//! module small.)

use crate::analysis::YearShare;
use crate::apportion::{Limit, Method, Options, PartyRef, TieRule};
use crate::error::{quoted, Error, Result};
use crate::key::{FixedShare, NestRounding};
use crate::number::{decimal_from_number_text, decimal_from_text};
use crate::sorted_map::{first_repeat, SortedMap};
use crate::tabular::CsvColumns;
use rust_decimal::Decimal;

/// The deepest nesting a document may have.
pub const MAX_DEPTH: usize = 64;

/// A JSON value as the strict reader holds it: numbers keep their text,
/// objects their order (and any key given twice, for the reader to refuse).
/// A binding that has a document as its language's objects builds this
/// tree and hands it to [`from_tree`](super::from_tree): one reader, and no
/// JSON text written on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as its text (`"0.072"`, `"1e3"`), read exactly.
    Number(String),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Json>),
    /// An object's entries in order.
    Object(Vec<(String, Json)>),
    /// A list of objects read from text, each kept as its text (checked
    /// already) and made a tree only when converted, one at a time: a
    /// document's 10^6 parties are never a tree of 10^6 objects (issue 25,
    /// the command line's memory). Only the reader makes it; it converts
    /// as the [`Json::Array`] of its items would.
    #[doc(hidden)]
    Items(Items),
}

/// The items of a [`Json::Items`]: spans of the document's text.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub struct Items {
    text: std::sync::Arc<String>,
    spans: Vec<(u32, u32)>,
}

impl Items {
    /// Item `i` as a tree (`path` its place, for an error).
    #[cfg(not(target_arch = "wasm32"))]
    fn item(&self, i: usize, path: &str) -> Result<Json> {
        let (start, end) = self.spans[i];
        let text = self.text.get(start as usize..end as usize).unwrap_or("");
        let mut p = Parser {
            text,
            b: text.as_bytes(),
            i: 0,
            shared: None,
        };
        p.value(path, 0)
    }
}

impl Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
            Json::Items(_) => "a list",
        }
    }
}

pub(super) fn document_error(field: &str, message: impl Into<String>) -> Error {
    Error::Document {
        field: field.to_string(),
        message: message.into(),
    }
}

/// `path.key`, or `key` at the top.
pub(crate) fn join(path: &str, key: &str) -> String {
    crate::FieldPath::from(path).key(key).into()
}

/// `path[i]`.
pub(super) fn index(path: &str, i: usize) -> String {
    crate::FieldPath::from(path).index(i).into()
}

// ---- The parser ---------------------------------------------------------

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    /// The text shared, when lists of objects are kept as [`Items`].
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    shared: Option<&'a std::sync::Arc<String>>,
}

/// Parses JSON text strictly (see the module documentation).
pub(crate) fn parse(text: &str) -> Result<Json> {
    parse_in(text, None)
}

/// As [`parse`], lists of objects in `shared` (the same text) kept as
/// [`Items`].
fn parse_in(text: &str, shared: Option<&std::sync::Arc<String>>) -> Result<Json> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        shared,
    };
    p.ws();
    let v = p.value("", 0)?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.error("", "unexpected text after the document"));
    }
    Ok(v)
}

impl Parser<'_> {
    fn error(&self, path: &str, what: &str) -> Error {
        let before = self.text.get(..self.i).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        document_error(path, format!("{what} at line {line} column {column}"))
    }

    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn value(&mut self, path: &str, depth: usize) -> Result<Json> {
        if depth > MAX_DEPTH {
            return Err(self.error(path, &format!("nested deeper than {MAX_DEPTH} levels")));
        }
        match self.peek() {
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => self.string(path).map(Json::String),
            Some(b't') => self.literal(path, "true", Json::Bool(true)),
            Some(b'f') => self.literal(path, "false", Json::Bool(false)),
            Some(b'n') => self.literal(path, "null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(path),
            Some(_) => Err(self.error(path, "expected a value")),
            None => Err(self.error(path, "the document ends where a value was expected")),
        }
    }

    fn literal(&mut self, path: &str, word: &str, v: Json) -> Result<Json> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.error(path, "expected a value"))
        }
    }

    fn number(&mut self, path: &str) -> Result<Json> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i > s
        };
        if !digits(self) {
            return Err(self.error(path, "expected digits"));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(self.error(path, "expected digits after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.error(path, "expected digits in the exponent"));
            }
        }
        Ok(Json::Number(self.text[start..self.i].to_string()))
    }

    fn string(&mut self, path: &str) -> Result<String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while !matches!(self.peek(), None | Some(b'"' | b'\\' | 0..=0x1f)) {
                self.i += 1;
            }
            out.push_str(&self.text[start..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self
                        .peek()
                        .ok_or_else(|| self.error(path, "unfinished escape"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4(path)?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if !self.b[self.i..].starts_with(b"\\u") {
                                    return Err(
                                        self.error(path, "a lone surrogate is not a character")
                                    );
                                }
                                self.i += 2;
                                let lo = self.hex4(path)?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(
                                        self.error(path, "a lone surrogate is not a character")
                                    );
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(c).ok_or_else(|| {
                                self.error(path, "a lone surrogate is not a character")
                            })?);
                        }
                        _ => return Err(self.error(path, "unknown escape")),
                    }
                }
                Some(_) => return Err(self.error(path, "a control character inside a string")),
                None => return Err(self.error(path, "the document ends inside a string")),
            }
        }
    }

    fn hex4(&mut self, path: &str) -> Result<u32> {
        let h = self
            .text
            .get(self.i..self.i + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error(path, "expected four hex digits after \\u"))?;
        self.i += 4;
        Ok(h)
    }

    fn array(&mut self, path: &str, depth: usize) -> Result<Json> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        // Not in the browser module: its documents are small, and every
        // byte of it is downloaded (wasm/test/size.test.cjs).
        #[cfg(not(target_arch = "wasm32"))]
        if let (Some(text), Some(b'{')) = (self.shared, self.peek()) {
            if let Ok(end) = u32::try_from(self.b.len()) {
                return self.items(path, depth, text, end);
            }
        }
        loop {
            self.ws();
            let at = index(path, items.len());
            items.push(self.value(&at, depth + 1)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    items.shrink_to_fit();
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error(path, "expected , or ] in a list")),
            }
        }
    }

    /// A list of objects (its first item an object) kept as the text of
    /// each item, every item read and checked as [`Parser::array`] reads
    /// it (the same errors, at the same place), its tree let go at once.
    /// `end`: the text's length, every offset fitting in `u32`.
    #[cfg(not(target_arch = "wasm32"))]
    fn items(
        &mut self,
        path: &str,
        depth: usize,
        text: &std::sync::Arc<String>,
        end: u32,
    ) -> Result<Json> {
        let mut spans = Vec::new();
        loop {
            self.ws();
            let at = index(path, spans.len());
            let start = self.i;
            drop(self.value(&at, depth + 1)?);
            // Offsets below `end`, itself a u32.
            let span = |i: usize| u32::try_from(i).unwrap_or(end);
            spans.push((span(start), span(self.i)));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    spans.shrink_to_fit();
                    return Ok(Json::Items(Items {
                        text: text.clone(),
                        spans,
                    }));
                }
                _ => return Err(self.error(path, "expected , or ] in a list")),
            }
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> Result<Json> {
        self.i += 1;
        let mut entries: Vec<(String, Json)> = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(path, "expected a field name in quotes"));
            }
            let key = self.string(path)?;
            let at = join(path, &key);
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error(&at, "expected : after the field name"));
            }
            self.i += 1;
            self.ws();
            let v = self.value(&at, depth + 1)?;
            entries.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    // Checked once the object is read: O(k log k) in its
                    // keys, where checking each key against those before
                    // it would be O(k²).
                    refuse_repeats(&entries, path)?;
                    // No room kept for entries that never come: a list of
                    // 10^5 small objects is most of a big document's tree.
                    entries.shrink_to_fit();
                    return Ok(Json::Object(entries));
                }
                _ => return Err(self.error(path, "expected , or } in an object")),
            }
        }
    }
}

/// The first key given twice in an object, as an error naming it.
pub(super) fn refuse_repeats(entries: &[(String, Json)], path: &str) -> Result<()> {
    match first_repeat(entries.len(), |i| &entries[i].0) {
        None => Ok(()),
        Some(i) => {
            let key = &entries[i].0;
            Err(document_error(
                &join(path, key),
                format!("the field {} is given twice; give it once", quoted(key)),
            ))
        }
    }
}

// ---- From the tree to andel's types -------------------------------------

/// A type read from a document value at a path.
pub(crate) trait FromJson: Sized {
    fn from_json(v: &Json, path: &str) -> Result<Self>;
}

fn expected(v: &Json, path: &str, what: &str) -> Error {
    document_error(path, format!("expected {what}, got {}", v.kind()))
}

/// The fields of an object, taken one by one; [`Fields::finish`] refuses
/// the ones no one took.
pub(crate) struct Fields<'a> {
    path: &'a str,
    entries: &'a [(String, Json)],
    taken: Vec<bool>,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(v: &'a Json, path: &'a str) -> Result<Fields<'a>> {
        match v {
            Json::Object(entries) => Ok(Fields {
                path,
                entries,
                taken: vec![false; entries.len()],
            }),
            _ => Err(expected(v, path, "an object")),
        }
    }

    fn take(&mut self, key: &str) -> Option<&'a Json> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        self.taken[i] = true;
        let v = &self.entries[i].1;
        (*v != Json::Null).then_some(v)
    }

    /// A field that may be absent (or null).
    pub(crate) fn opt<T: FromJson>(&mut self, key: &str) -> Result<Option<T>> {
        self.take(key)
            .map(|v| T::from_json(v, &join(self.path, key)))
            .transpose()
    }

    /// A field that must be there.
    pub(crate) fn req<T: FromJson>(&mut self, key: &str) -> Result<T> {
        self.opt(key)?
            .ok_or_else(|| document_error(&join(self.path, key), format!("missing field `{key}`")))
    }

    /// Refuses any field not taken, naming it and the fields there are.
    pub(crate) fn finish(self, known: &[&str]) -> Result<()> {
        match self.entries.iter().zip(&self.taken).find(|(_, t)| !**t) {
            None => Ok(()),
            Some(((k, _), _)) => Err(document_error(
                &join(self.path, k),
                format!("unknown field `{k}`, expected one of {}", known.join(", ")),
            )),
        }
    }
}

/// `FromJson` for a struct whose fields are listed once: each field's
/// name in JSON (its Rust name, or the name after `as`) and how it is read:
/// `req` (must be there), `opt` (may be absent or null), `default` (absent
/// is the type's default), `version` (a document version, a JSON number).
/// The list is also the "expected one of" of an unknown field's error.
macro_rules! from_json_fields {
    ($ty:path { $($field:ident $(as $name:literal)? : $how:ident),* $(,)? }) => {
        impl $crate::document::json::FromJson for $ty {
            fn from_json(
                v: &$crate::document::json::Json,
                path: &str,
            ) -> $crate::error::Result<Self> {
                let mut f = $crate::document::json::Fields::new(v, path)?;
                let value = Self {
                    $($field: from_json_fields!(@$how f, from_json_fields!(@name $field $($name)?)),)*
                };
                f.finish(&[$(from_json_fields!(@name $field $($name)?)),*])?;
                Ok(value)
            }
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $name:literal) => { $name };
    (@req $f:ident, $name:expr) => { $f.req($name)? };
    (@opt $f:ident, $name:expr) => { $f.opt($name)? };
    (@default $f:ident, $name:expr) => { $f.opt($name)?.unwrap_or_default() };
    (@version $f:ident, $name:expr) => { $f.req::<$crate::document::json::Version>($name)?.0 };
}
pub(crate) use from_json_fields;

impl FromJson for String {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::String(s) => Ok(s.clone()),
            _ => Err(expected(v, path, "a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(expected(v, path, "true or false")),
        }
    }
}

impl FromJson for Decimal {
    /// A JSON number or a decimal string, read exactly.
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Number(n) => decimal_from_number_text(n, path),
            Json::String(s) => decimal_from_text(s, path),
            _ => Err(expected(v, path, "a number")),
        }
    }
}

/// A whole number from a JSON number (or digits in a string).
fn whole(v: &Json, path: &str) -> Result<i128> {
    let d = Decimal::from_json(v, path)?;
    if d.trunc() != d {
        return Err(Error::InvalidNumber {
            field: path.to_string(),
            value: d.to_string(),
            reason: "expected a whole number".into(),
        });
    }
    Ok(d.trunc().mantissa())
}

macro_rules! whole_from_json {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Json, path: &str) -> Result<Self> {
                let n = whole(v, path)?;
                <$t>::try_from(n).map_err(|_| Error::InvalidNumber {
                    field: path.to_string(),
                    value: n.to_string(),
                    reason: format!("expected a whole number from {} to {}", <$t>::MIN, <$t>::MAX),
                })
            }
        }
    )*};
}
whole_from_json!(i32, u32, u64, usize);

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, x)| T::from_json(x, &index(path, i)))
                .collect(),
            #[cfg(not(target_arch = "wasm32"))]
            Json::Items(items) => {
                // At its size: no buffers left behind by doubling (issue 25).
                let mut list = Vec::with_capacity(items.spans.len());
                for i in 0..items.spans.len() {
                    let at = index(path, i);
                    list.push(T::from_json(&items.item(i, &at)?, &at)?);
                }
                Ok(list)
            }
            _ => Err(expected(v, path, "a list")),
        }
    }
}

impl<T: FromJson> FromJson for SortedMap<String, T> {
    /// An object by key (each key once: the parser refuses repeats).
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Object(entries) => entries
                .iter()
                .map(|(k, x)| Ok((k.clone(), T::from_json(x, &join(path, k))?)))
                .collect(),
            _ => Err(expected(v, path, "an object")),
        }
    }
}

/// A document's `version`: a JSON number, never text (`"1"` is refused: a
/// version is not a quantity that people write, and text there means a
/// document written by hand or by a tool that got it wrong).
pub(crate) struct Version(pub(crate) u32);

impl FromJson for Version {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Number(_) => u32::from_json(v, path).map(Version),
            _ => Err(expected(v, path, "a number (1)")),
        }
    }
}

/// Reads a value of `T` from JSON text.
pub(crate) fn read<T: FromJson>(text: &str) -> Result<T> {
    T::from_json(&parse(text)?, "")
}

/// Reads a value of `T` from JSON text it takes: lists of objects are read
/// item by item from the text, never held whole as a tree (issue 25).
pub(crate) fn read_owned<T: FromJson>(text: String) -> Result<T> {
    #[cfg(target_arch = "wasm32")]
    return read(&text);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let text = std::sync::Arc::new(text);
        let tree = parse_in(&text, Some(&text))?;
        T::from_json(&tree, "")
    }
}

/// A text value that names one of a set of choices (`"per_level"`).
pub(crate) fn choice<T: std::str::FromStr<Err = Error>>(v: &Json, path: &str) -> Result<T> {
    T::from_str(&String::from_json(v, path)?).map_err(|e| e.with_field(path))
}

// ---- Input types of the engine, as documents give them --------------------

impl FromJson for Method {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        choice(v, path)
    }
}

impl FromJson for NestRounding {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match String::from_json(v, path)?.as_str() {
            "per_level" => Ok(NestRounding::PerLevel),
            "flat" => Ok(NestRounding::Flat),
            other => Err(Error::InvalidOption {
                field: path.to_string(),
                message: format!("{}: use \"per_level\" or \"flat\"", quoted(other)),
            }),
        }
    }
}

impl FromJson for PartyRef {
    /// A position (a number) or an id (a string).
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::String(s) => Ok(PartyRef::Id(s.clone())),
            _ => usize::from_json(v, path).map(PartyRef::Index),
        }
    }
}

impl FromJson for TieRule {
    /// `"order"`, `"error"` or `{"priority": [ids or positions]}`.
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::String(s) if s == "order" => Ok(TieRule::Order),
            Json::String(s) if s == "error" => Ok(TieRule::Error),
            Json::Object(_) => {
                let mut f = Fields::new(v, path)?;
                let order = f.req("priority")?;
                f.finish(&["priority"])?;
                Ok(TieRule::Priority(order))
            }
            _ => Err(Error::InvalidOption {
                field: path.to_string(),
                message: "use \"order\", \"error\" or {\"priority\": [ids]}".into(),
            }),
        }
    }
}

impl FromJson for Limit {
    /// One whole number for all, a list in party order, or an object by id.
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Array(_) | Json::Items(_) => Vec::from_json(v, path).map(Limit::Each),
            Json::Object(_) => SortedMap::from_json(v, path).map(Limit::ById),
            _ => u64::from_json(v, path).map(Limit::All),
        }
    }
}

from_json_fields!(Options {
    method: default,
    minimum: opt,
    maximum: opt,
    first_divisor: opt,
    ties: default,
});

from_json_fields!(FixedShare {
    id: req,
    name: opt,
    share: req
});

from_json_fields!(YearShare {
    year: req,
    fraction: req
});

from_json_fields!(CsvColumns {
    id: opt,
    name: opt,
    weight: opt,
    header: opt,
    decimal: opt,
    keep_totals: opt,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_reading() {
        assert_eq!(
            parse(r#"{"a": [1, "x", true, null, -0.5e3]}"#).unwrap(),
            Json::Object(vec![(
                "a".into(),
                Json::Array(vec![
                    Json::Number("1".into()),
                    Json::String("x".into()),
                    Json::Bool(true),
                    Json::Null,
                    Json::Number("-0.5e3".into()),
                ])
            )])
        );
        let e = parse(r#"{"a": {"b": 1, "b": 2}}"#).unwrap_err();
        assert_eq!(e.field(), Some("a.b"));
        // Of several repeated keys, the first repeat in the text is named.
        let e = parse(r#"{"x": 1, "y": 2, "y": 3, "x": 4}"#).unwrap_err();
        assert_eq!(e.field(), Some("y"));
        assert!(e.to_string().contains(r#""y" is given twice"#), "{e}");
        // Many keys in one object (limits by id): each read, a repeat at the
        // very end still found.
        let keys: Vec<String> = (0..100_000).map(|i| format!(r#""p{i}": {i}"#)).collect();
        let many = format!("{{{}}}", keys.join(", "));
        match parse(&many).unwrap() {
            Json::Object(entries) => assert_eq!(entries.len(), 100_000),
            other => panic!("{other:?}"),
        }
        let repeated = format!("{{{}, \"p17\": 0}}", keys.join(", "));
        assert_eq!(parse(&repeated).unwrap_err().field(), Some("p17"));
        let e = parse(r#"{"a": [1, 2,]}"#).unwrap_err();
        assert_eq!(e.field(), Some("a[2]"));
        assert!(e.to_string().contains("line 1 column 13"), "{e}");
        let e = parse(&"[".repeat(100_000)).unwrap_err();
        assert!(e.to_string().contains("nested deeper"));
        assert_eq!(
            parse(r#""\u00e6\ud83d\ude00\n""#).unwrap(),
            Json::String("æ😀\n".into())
        );
        assert!(parse(r#""\ud83d""#).is_err());
        assert!(parse("[1] x").is_err());
        assert!(parse("NaN").is_err());
        let d = Decimal::from_json(
            &Json::Number("0.50000000000000000000000000001".into()),
            "w[1]",
        )
        .unwrap_err();
        assert_eq!(d.field(), Some("w[1]"));
        assert_eq!(
            Decimal::from_json(&Json::Number("1.5e2".into()), "x").unwrap(),
            Decimal::from(150)
        );
        assert_eq!(
            u64::from_json(&Json::Number("-1".into()), "n")
                .unwrap_err()
                .field(),
            Some("n")
        );
    }
}
