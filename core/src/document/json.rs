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

use crate::error::{Error, JsonKind, Problem, Result, Syntax};
use crate::number::{decimal_from_number_text, decimal_from_text};
use crate::sorted_map::{first_repeat, SortedMap};
use rust_decimal::Decimal;

pub use crate::error::MAX_DEPTH;

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
    fn kind(&self) -> JsonKind {
        match self {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Bool,
            Json::Number(_) => JsonKind::Number,
            Json::String(_) => JsonKind::String,
            Json::Array(_) | Json::Items(_) => JsonKind::List,
            Json::Object(_) => JsonKind::Object,
        }
    }
}

/// An [`Error::Document`] at `field` about `problem`.
pub(super) fn document_error(field: &str, problem: Problem) -> Error {
    Error::Document {
        field: field.to_string(),
        message: problem.into(),
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
        return Err(p.error("", Syntax::TextAfter));
    }
    Ok(v)
}

impl Parser<'_> {
    fn error(&self, path: &str, what: Syntax) -> Error {
        let before = self.text.get(..self.i).unwrap_or(self.text);
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        document_error(path, Problem::Syntax { what, line, column })
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
            return Err(self.error(path, Syntax::TooDeep));
        }
        match self.peek() {
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => self.string(path).map(Json::String),
            Some(b't') => self.literal(path, "true", Json::Bool(true)),
            Some(b'f') => self.literal(path, "false", Json::Bool(false)),
            Some(b'n') => self.literal(path, "null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(path),
            Some(_) => Err(self.error(path, Syntax::Value)),
            None => Err(self.error(path, Syntax::EndsBeforeValue)),
        }
    }

    fn literal(&mut self, path: &str, word: &str, v: Json) -> Result<Json> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.error(path, Syntax::Value))
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
            return Err(self.error(path, Syntax::Digits));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(self.error(path, Syntax::DigitsAfterPoint));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.error(path, Syntax::DigitsInExponent));
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
                        .ok_or_else(|| self.error(path, Syntax::UnfinishedEscape))?;
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
                                    return Err(self.error(path, Syntax::LoneSurrogate));
                                }
                                self.i += 2;
                                let lo = self.hex4(path)?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(path, Syntax::LoneSurrogate));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(c)
                                    .ok_or_else(|| self.error(path, Syntax::LoneSurrogate))?,
                            );
                        }
                        _ => return Err(self.error(path, Syntax::UnknownEscape)),
                    }
                }
                Some(_) => return Err(self.error(path, Syntax::ControlInString)),
                None => return Err(self.error(path, Syntax::EndsInString)),
            }
        }
    }

    fn hex4(&mut self, path: &str) -> Result<u32> {
        let h = self
            .text
            .get(self.i..self.i + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error(path, Syntax::HexDigits))?;
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
                _ => return Err(self.error(path, Syntax::ListSeparator)),
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
                _ => return Err(self.error(path, Syntax::ListSeparator)),
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
                return Err(self.error(path, Syntax::FieldName));
            }
            let key = self.string(path)?;
            let at = join(path, &key);
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error(&at, Syntax::Colon));
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
                _ => return Err(self.error(path, Syntax::ObjectSeparator)),
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
                Problem::DuplicateField { name: key.clone() },
            ))
        }
    }
}

// ---- From the tree to andel's types -------------------------------------

/// A type read from a document value at a path.
pub(crate) trait FromJson: Sized {
    fn from_json(v: &Json, path: &str) -> Result<Self>;
}

fn expected(v: &Json, path: &str, expected: JsonKind) -> Error {
    document_error(
        path,
        Problem::WrongType {
            expected,
            found: v.kind(),
        },
    )
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
            _ => Err(expected(v, path, JsonKind::Object)),
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
        self.opt(key)?.ok_or_else(|| {
            document_error(
                &join(self.path, key),
                Problem::MissingField { name: key.into() },
            )
        })
    }

    /// Refuses any field not taken, naming it and the fields there are.
    pub(crate) fn finish(self, known: &[&str]) -> Result<()> {
        match self.entries.iter().zip(&self.taken).find(|(_, t)| !**t) {
            None => Ok(()),
            Some(((k, _), _)) => Err(document_error(
                &join(self.path, k),
                Problem::UnknownField {
                    name: k.clone(),
                    expected: known.iter().map(|f| f.to_string()).collect(),
                },
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
            _ => Err(expected(v, path, JsonKind::String)),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(expected(v, path, JsonKind::Bool)),
        }
    }
}

impl FromJson for Decimal {
    /// A JSON number or a decimal string, read exactly.
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        match v {
            Json::Number(n) => decimal_from_number_text(n, path),
            Json::String(s) => decimal_from_text(s, path),
            _ => Err(expected(v, path, JsonKind::Number)),
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
            reason: Problem::NotWhole.into(),
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
                    reason: Problem::WholeOutOfRange {
                        min: <$t>::MIN.to_string(),
                        max: <$t>::MAX.to_string(),
                    }
                    .into(),
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
            _ => Err(expected(v, path, JsonKind::List)),
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
            _ => Err(expected(v, path, JsonKind::Object)),
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
            _ => Err(expected(v, path, JsonKind::Version)),
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
