//! Numbers as text: the Danish number format's one home.
//!
//! - [`format`](mod@format): numbers for people, Danish (`1.658.397,22`) or plain
//!   (`1658397.22`), reading numbers as people write them (a CSV cell with a
//!   decimal comma or point), and plain-text tables. Every amount the minutes
//!   show (2.8's kroner per municipality, 2.12's 7,2 %) is written here.
//! - `parse`: numbers handed over by other languages and JSON (a float's
//!   shortest text, `"0.072"`, `1e3`), read exactly.
//!
//! Nothing here knows keys, data or file formats (DESIGN.md, "Layers").

pub mod format;
mod parse;

pub use parse::{decimal_from_number_text, decimal_from_text, whole};

/// A decimal in a document as its JSON Schema states it: a JSON number or a
/// decimal string, read exactly (by [`decimal_from_number_text`] and
/// [`decimal_from_text`]). For `#[schemars(schema_with = …)]` on a decimal
/// field, or an optional one (`Option<Decimal>` takes the same schema).
#[cfg(feature = "schema")]
pub(crate) fn decimal_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "A decimal: a JSON number or a string such as \"0.072\" (read exactly; at most 28 significant digits).",
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)\\s*$"}
        ]
    })
}
