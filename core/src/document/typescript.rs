//! TypeScript declarations of the key document, generated from its JSON
//! Schema ([`super::schema`]), so that the browser package's `andel.d.ts`
//! is never a third hand copy of the document's shape beside the Rust types
//! and the schema. The command line's tests check that the block in
//! `wasm/andel.d.ts` is this text (`ANDEL_BLESS=1 cargo test -p andel-cli`
//! writes it).

use serde_json::Value;
use std::fmt::Write;

/// A schema's name for a type → its name in `andel.d.ts`, where the JS API
/// has a type of that name already (its `Method` takes aliases, its
/// `Limit` and `CsvColumns` are the options of other functions).
const RENAMED: &[(&str, &str)] = &[
    ("Document", "KeyDocument"),
    ("Options", "PlacesOptions"),
    ("Limit", "LimitSpec"),
    ("Method", "DocumentMethod"),
    ("CsvColumns", "CsvColumnsSpec"),
];

fn ts_name(name: &str) -> &str {
    RENAMED
        .iter()
        .find(|(from, _)| *from == name)
        .map_or(name, |(_, to)| to)
}

/// The declarations of the document's types, one per definition of the
/// schema (the document itself first), with their descriptions as comments.
///
/// # Example
/// ```
/// let ts = andel_core::document::typescript();
/// assert!(ts.contains("export interface KeyDocument {"));
/// assert!(ts.contains("  version: 1;"));
/// ```
pub fn typescript() -> String {
    let schema = super::schema();
    let mut out = String::new();
    declare("Document", &schema, &mut out);
    if let Some(defs) = schema["$defs"].as_object() {
        for (name, def) in defs {
            declare(name, def, &mut out);
        }
    }
    out
}

fn declare(name: &str, def: &Value, out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
    comment(def, "", out);
    let name = ts_name(name);
    match def.get("properties") {
        Some(_) => {
            let _ = writeln!(out, "export interface {name} {}", object(def, ""));
        }
        None => {
            let _ = writeln!(out, "export type {name} = {};", ty(def, ""));
        }
    }
}

/// A description as a doc comment: its text up to a Rust example, which
/// is no help in TypeScript.
fn comment(def: &Value, indent: &str, out: &mut String) {
    let Some(text) = def.get("description").and_then(Value::as_str) else {
        return;
    };
    let text = text.split("\n# Example").next().unwrap_or(text).trim();
    let text = text.replace("*/", "* /");
    let lines: Vec<&str> = text.lines().collect();
    if let [one] = lines.as_slice() {
        let _ = writeln!(out, "{indent}/** {one} */");
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for line in lines {
        let _ = writeln!(out, "{}", format!("{indent} * {line}").trim_end());
    }
    let _ = writeln!(out, "{indent} */");
}

/// An object's properties, one a line; those not required are optional.
fn object(def: &Value, indent: &str) -> String {
    let required: Vec<&str> = def["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    if let Some(props) = def["properties"].as_object() {
        for (name, p) in props {
            comment(p, &inner, &mut out);
            let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                name.clone()
            } else {
                format!("{name:?}")
            };
            let optional = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            let _ = writeln!(out, "{inner}{key}{optional}: {};", ty(p, &inner));
        }
    }
    out.push_str(indent);
    out.push('}');
    out
}

fn ty(def: &Value, indent: &str) -> String {
    if let Some(r) = def.get("$ref").and_then(Value::as_str) {
        return ts_name(r.rsplit('/').next().unwrap_or(r)).to_string();
    }
    if let Some(c) = def.get("const") {
        return c.to_string();
    }
    if let Some(values) = def.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(Value::to_string));
    }
    for any in ["anyOf", "oneOf"] {
        if let Some(all) = def.get(any).and_then(Value::as_array) {
            return union(all.iter().map(|d| ty(d, indent)));
        }
    }
    match &def["type"] {
        Value::String(t) => simple(t, def, indent),
        Value::Array(ts) => union(
            ts.iter()
                .filter_map(Value::as_str)
                .map(|t| simple(t, def, indent)),
        ),
        _ => "unknown".into(),
    }
}

fn simple(t: &str, def: &Value, indent: &str) -> String {
    match t {
        "string" => "string".into(),
        "number" | "integer" => "number".into(),
        "boolean" => "boolean".into(),
        "null" => "null".into(),
        "array" => format!("Array<{}>", ty(&def["items"], indent)),
        "object" if def.get("properties").is_some() => object(def, indent),
        "object" => match def.get("additionalProperties") {
            Some(Value::Bool(false)) => "Record<string, never>".into(),
            Some(v @ Value::Object(_)) => format!("Record<string, {}>", ty(v, indent)),
            _ => "Record<string, unknown>".into(),
        },
        _ => "unknown".into(),
    }
}

/// Alternatives, each once, in order.
fn union(all: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for t in all {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join(" | ")
}
