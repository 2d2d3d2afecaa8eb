//! Key documents: one versioned JSON document states a whole calculation;
//! [`compute`] returns a result that serialises to JSON too. This is the
//! contract the Python package, the browser and Rust services all speak.
//!
//! Unknown fields are errors, and every error names the field path
//! (`key.fixed[0].share`). The README documents every field with an example;
//! the documents under `examples/` are tested.
//!
//! The module's parts, top-down:
//! - `spec`: the document's types (what a document may say);
//! - `json`: the strict JSON reader and its tree ([`Json`]); `read`: the
//!   conversions from the tree, each type's fields listed once. Text goes
//!   through [`parse`], a binding's objects through [`from_tree`], serde
//!   data through `Deserialize` (`serde_tree` builds the same tree): one
//!   reader, one set of checks;
//! - `compute`: the calculation in named steps ([`compute_with`]), with its
//!   pieces `keys` (Nordjylland's municipalities, Læsø and Morsø taken out
//!   in the minutes' 2.8), `rounding` (øre or whole places), `years` (a total
//!   spread over budget years, 2.8 and 2.12) and `places` (the SOSU places
//!   per KKR and programme of 2.9, biproportional);
//! - `result`: the result's types, its CSV and its check;
//! - `typescript` (feature `schema`): the browser's declarations of the
//!   document, generated from its JSON Schema.

mod compute;
pub(crate) mod json;
mod keys;
mod places;
mod read;
mod result;
mod rounding;
mod serde_tree;
mod spec;
#[cfg(feature = "schema")]
mod typescript;
mod years;

pub use compute::{compute_owned, compute_with};

/// What the first-load module leaves to the whole module, said
/// ([`crate::error::LeftOut`]).
pub use crate::error::{CSV_LEFT_OUT, POPULATION_LEFT_OUT, TABLES_LEFT_OUT};
pub use json::Json;
pub use keys::build_key;
pub use result::*;
pub use spec::*;
#[cfg(feature = "schema")]
pub use typescript::typescript;

use crate::error::Result;

// The decimal's schema has its one home in `number` (optional fields take the same).
#[cfg(feature = "schema")]
pub(crate) use crate::number::decimal_schema;
#[cfg(feature = "schema")]
pub(crate) use crate::number::decimal_schema as optional_decimal_schema;

#[cfg(feature = "schema")]
pub(crate) fn actual_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let one = decimal_schema(g);
    schemars::json_schema!({"type": "object", "additionalProperties": one})
}

/// The JSON Schema of the key document, generated from its types (for
/// editors, the web form and `andel schema`).
///
/// # Example
/// ```
/// let schema = andel_core::document::schema();
/// assert_eq!(schema["title"], "Document");
/// ```
#[cfg(feature = "schema")]
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default()
}

/// The document version this library reads and writes.
pub const VERSION: u32 = 1;

/// Reads a document from JSON, naming the field path of any error. The
/// reading is strict (see DESIGN.md, "Reading input"): unknown fields, a field given
/// twice and numbers with more digits than a decimal holds are errors.
///
/// # Example
/// ```
/// use andel_core::document::parse;
/// let err = parse(r#"{"version": 1, "scenarios": [], "key": {"fixed": [{"id": "r", "share": "x"}]}}"#).unwrap_err();
/// assert_eq!(err.field(), Some("key.fixed[0].share"));
/// let err = parse(r#"{"version": 1, "scenarios": [], "colour": "red"}"#).unwrap_err();
/// assert_eq!(err.field(), Some("colour"));
/// let err = parse(r#"{"version": 1, "scenarios": [], "version": 1}"#).unwrap_err();
/// assert!(err.to_string().contains("twice"));
/// ```
pub fn parse(json: &str) -> Result<Document> {
    // A byte-order mark (Notepad and Excel write one) is no part of the JSON.
    self::json::read(json.strip_prefix('\u{feff}').unwrap_or(json))
}

/// [`parse`] of text it takes: a long list of parties is read party by
/// party from the text, never held whole as a tree beside the document
/// (issue 25: the command line reads a document of 10^6 parties in about
/// three times its size). The same checks, errors and document.
///
/// # Example
/// ```
/// use andel_core::document::{parse, parse_owned};
/// let text = r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
///     "scenarios": [{"name": "x", "total": 3}]}"#;
/// assert_eq!(parse_owned(text.to_string())?, parse(text)?);
/// let twice = text.replace(r#""id": "B""#, r#""id": "B", "id": "C""#);
/// assert_eq!(parse_owned(twice.clone()).unwrap_err(), parse(&twice).unwrap_err());
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn parse_owned(mut json: String) -> Result<Document> {
    if json.starts_with('\u{feff}') {
        json.drain(..'\u{feff}'.len_utf8());
    }
    self::json::read_owned(json)
}

/// Reads a document given as a tree a program built (a binding's object
/// converted) with the same strict reader as [`parse`]: the same checks
/// and conversions, errors naming the field path (without a line and
/// column: there is no text). The bindings hand a document given as their
/// language's objects over this way, never as JSON text they wrote.
///
/// # Example
/// ```
/// use andel_core::document::{from_tree, Json};
/// let weight = Json::Object(vec![("id".into(), Json::String("A".into())), ("weight".into(), Json::Number("0.5".into()))]);
/// let doc = Json::Object(vec![
///     ("version".into(), Json::Number("1".into())),
///     ("key".into(), Json::Object(vec![("weights".into(), Json::Array(vec![weight]))])),
///     ("scenarios".into(), Json::Array(vec![Json::Object(vec![
///         ("name".into(), Json::String("x".into())), ("total".into(), Json::Number("1".into())),
///     ])])),
///     ("title".into(), Json::Null),
///     ("title".into(), Json::String("twice".into())),
/// ]);
/// assert_eq!(from_tree(&doc).unwrap_err().field(), Some("title"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn from_tree(tree: &Json) -> Result<Document> {
    use json::FromJson;
    serde_tree::check_tree(tree, "", 0)?;
    Document::from_json(tree, "")
}

/// Reads and computes a JSON document (no file access: see
/// [`compute_json_with`]).
pub fn compute_json(json: &str) -> Result<DocumentResult> {
    compute(&parse(json)?)
}

/// [`compute_json`] with `csv.path` reading files as `files` allows.
pub fn compute_json_with(json: &str, files: &FileAccess) -> Result<DocumentResult> {
    compute_with(&parse(json)?, files)
}

/// Computes a document.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// let r = compute_json(r#"{
///   "version": 1,
///   "key": {"population": {"region": "Nordjylland", "year": 2022}, "exclude": ["Læsø", "Morsø"]},
///   "scenarios": [{"name": "low", "total": "4275000"}]
/// }"#)?;
/// let aalborg = r.scenarios[0].allocation.get("851").map(|p| p.amount.to_string());
/// assert_eq!(aalborg.as_deref(), Some("1658397.22"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn compute(doc: &Document) -> Result<DocumentResult> {
    compute_with(doc, &FileAccess::None)
}

pub use crate::files::FileAccess;
