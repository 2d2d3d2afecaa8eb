//! The strict reader's tree from serde data (`Deserialize` for
//! [`Document`](super::Document)): built as the parser builds it from text,
//! then checked as the parser checks text.

use super::json::{document_error, index, join, refuse_repeats, Json, MAX_DEPTH};
use crate::error::Result;

/// Builds the tree from any serde data, as the parser builds it from text:
/// an object's entries all kept in order (a repeated key too, for
/// [`check_tree`] to refuse), numbers as their text (the workspace's
/// serde_json gives a long number as text, a map under its private token).
pub(crate) struct TreeVisitor;

struct Tree(Json);

impl<'de> serde::Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor).map(Tree)
    }
}

/// serde_json's name for a number kept as text (feature `arbitrary_precision`).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> serde::de::Visitor<'de> for TreeVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> std::result::Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, b: bool) -> std::result::Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> std::result::Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }
    fn visit_u64<E>(self, n: u64) -> std::result::Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }
    fn visit_i128<E>(self, n: i128) -> std::result::Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }
    fn visit_u128<E>(self, n: u128) -> std::result::Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }
    /// A float some other format gives: the decimal it shows; NaN and
    /// infinity are no numbers.
    // ok: serde hands other formats' floats over as f64; it becomes its shortest decimal text at once and no decision is taken on it.
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> std::result::Result<Json, E> {
        if n.is_finite() {
            Ok(Json::Number(format!("{n}")))
        } else {
            Err(E::custom(crate::error::Problem::NotFinite {
                value: format!("{n}"),
            }))
        }
    }
    fn visit_str<E>(self, s: &str) -> std::result::Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> std::result::Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(Tree(x)) = seq.next_element()? {
            items.push(x);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.is_empty() && key == NUMBER_TOKEN {
                return Ok(Json::Number(map.next_value()?));
            }
            let Tree(v) = map.next_value()?;
            entries.push((key, v));
        }
        Ok(Json::Object(entries))
    }
}

/// Checks a tree built from serde data as the parser checks text: no key
/// twice in an object, nesting no deeper than [`MAX_DEPTH`].
pub(crate) fn check_tree(v: &Json, path: &str, depth: usize) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(document_error(
            path,
            crate::error::Problem::TooDeep { levels: MAX_DEPTH },
        ));
    }
    match v {
        Json::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| check_tree(x, &index(path, i), depth + 1)),
        Json::Object(entries) => {
            refuse_repeats(entries, path)?;
            entries
                .iter()
                .try_for_each(|(k, x)| check_tree(x, &join(path, k), depth + 1))
        }
        _ => Ok(()),
    }
}
