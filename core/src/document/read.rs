//! The strict reader's conversions from the JSON tree to the document's
//! types: every field known, given once, read exactly (DESIGN.md, "Reading
//! input"). Each type's fields are listed once, here; the list is both what
//! is read and what an unknown field's error offers.
//!
//! There is one reading path: [`parse`](super::parse) reads text, and
//! serde's `Deserialize` for [`Document`] builds the same tree from any
//! serde data (a repeated key kept, numbers as their text) and reads it
//! with the same checks, so `serde_json::from_str::<Document>` refuses what
//! `parse` refuses (the minutes' documents are decisions others rely on).

use super::json::{choice, from_json_fields, Fields, FromJson, Json};
use super::*;
use crate::analysis::YearShare;
use crate::apportion::{Limit, Method, Options, PartyRef, TieRule};
use crate::error::{Error, Problem, Result};
use crate::key::{FixedShare, NestRounding};
use crate::sorted_map::SortedMap;
use crate::tabular::CsvColumns;

from_json_fields!(Document {
    schema as "$schema": opt,
    version: version,
    title: opt,
    note: opt,
    assumptions: default,
    key: opt,
    nest: opt,
    parts: opt,
    scenarios: req,
    rounding: default,
    years: opt,
    compare: opt,
    table: opt,
    actual: opt,
    actual_label: opt,
    summary: opt,
});
from_json_fields!(Scenario {
    name: req,
    total: req,
    part: opt
});
from_json_fields!(RoundingSpec {
    unit: opt,
    places: opt,
    ties: opt
});
from_json_fields!(KeySpec {
    population: opt,
    regions: opt,
    sosu_2018: opt,
    weights: opt,
    csv: opt,
    blend: opt,
    exclude: default,
    fixed: default,
});
from_json_fields!(WeightSpec {
    id: req,
    name: opt,
    weight: req
});
from_json_fields!(PopulationSpec {
    region: opt,
    year: req,
    municipalities: opt,
    file: opt,
    text: opt,
    ages: opt,
});
from_json_fields!(crate::statbank::Ages { from: opt, to: opt });
from_json_fields!(super::SummarySpec {
    case: req,
    places: opt
});
from_json_fields!(YearSpec { year: req });
from_json_fields!(ProgrammesSpec { programmes: req });
from_json_fields!(CsvSpec {
    text: opt,
    path: opt,
    columns: default
});
from_json_fields!(BlendSpec {
    weight: req,
    key: req
});
from_json_fields!(NestSpec {
    groups: req,
    members: req,
    rounding: default,
    member_places: opt,
});
from_json_fields!(PartSpec {
    id: req,
    name: opt,
    share: req,
    key: opt
});
from_json_fields!(TableSpec {
    columns: req,
    method: opt
});
from_json_fields!(TableColumnSpec {
    id: req,
    name: opt,
    total: req,
    key: req
});
from_json_fields!(CompareSpec {
    label: opt,
    key: req
});

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
                message: Problem::UnknownVariant {
                    value: other.into(),
                    expected: vec!["per_level".into(), "flat".into()],
                }
                .into(),
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
                message: Problem::TieRuleShape.into(),
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

impl<'de> serde::Deserialize<'de> for Document {
    /// Through the strict reader: the serde data as a JSON tree (repeated
    /// keys kept, to be refused; numbers as text), then the same checks and
    /// conversions as [`parse`](super::parse). Errors are the reader's
    /// message, which names the field path (`version: the field "version"
    /// is given twice; give it once`).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let tree = d.deserialize_any(super::serde_tree::TreeVisitor)?;
        super::serde_tree::check_tree(&tree, "", 0)
            .and_then(|()| Document::from_json(&tree, ""))
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key given twice is refused through serde as through `parse`, at
    /// any depth, naming the field; serde_json's own `Value` would keep
    /// the last one.
    #[test]
    fn serde_refuses_what_parse_refuses() {
        let twice = r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 1, "weight": 2}]},
            "scenarios": [{"name": "x", "total": 1}]}"#;
        let e = parse(twice).unwrap_err();
        assert_eq!(e.field(), Some("key.weights[0].weight"));
        assert_eq!(e.code(), "document");
        let e = serde_json::from_str::<Document>(twice).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(r#"key.weights[0].weight: the field "weight" is given twice"#),
            "{e}"
        );
        // Numbers keep their digits (the workspace's serde_json keeps them as
        // text): one digit more than a decimal holds is refused, not rounded.
        let long = r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 0.50000000000000000000000000001}]},
            "scenarios": [{"name": "x", "total": 1}]}"#;
        assert_eq!(
            parse(long).unwrap_err().field(),
            Some("key.weights[0].weight")
        );
        let e = serde_json::from_str::<Document>(long).unwrap_err();
        assert!(e.to_string().starts_with("key.weights[0].weight: "), "{e}");
        // What both read, they read alike.
        let fine = r#"{"version": 1, "title": "t", "key": {"weights": [{"id": "A", "weight": "0.5"}]},
            "scenarios": [{"name": "x", "total": 1}]}"#;
        assert_eq!(
            serde_json::from_str::<Document>(fine).unwrap(),
            parse(fine).unwrap()
        );
        // Unknown fields and text versions as `parse` refuses them.
        let e =
            serde_json::from_str::<Document>(r#"{"version": "1", "scenarios": []}"#).unwrap_err();
        assert!(e.to_string().starts_with("version: "), "{e}");
    }
}
