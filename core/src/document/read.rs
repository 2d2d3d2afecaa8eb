//! The strict reader's conversions from the JSON tree to the document's
//! types: every field known, given once, read exactly (DESIGN.md, "Reading
//! input").

use super::json::{Fields, FromJson, Json};
use super::*;
use serde::Deserialize;

impl<'de> Deserialize<'de> for Document {
    /// Through the same strict reader as [`parse`] (serde's own data model
    /// would round numbers and forget repeated keys).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        parse(&value.to_string()).map_err(serde::de::Error::custom)
    }
}

impl FromJson for Document {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let d = Document {
            schema: f.opt("$schema")?,
            version: f.req::<super::json::Version>("version")?.0,
            title: f.opt("title")?,
            note: f.opt("note")?,
            assumptions: f.opt("assumptions")?.unwrap_or_default(),
            key: f.opt("key")?,
            nest: f.opt("nest")?,
            parts: f.opt("parts")?,
            scenarios: f.req("scenarios")?,
            rounding: f.opt("rounding")?.unwrap_or_default(),
            years: f.opt("years")?,
            compare: f.opt("compare")?,
            table: f.opt("table")?,
            actual: f.opt("actual")?,
            actual_label: f.opt("actual_label")?,
            summary: f.opt("summary")?,
        };
        f.finish(&[
            "$schema",
            "version",
            "title",
            "note",
            "assumptions",
            "key",
            "nest",
            "parts",
            "scenarios",
            "rounding",
            "years",
            "compare",
            "table",
            "actual",
            "actual_label",
            "summary",
        ])?;
        Ok(d)
    }
}

impl FromJson for Scenario {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let s = Scenario {
            name: f.req("name")?,
            total: f.req("total")?,
            part: f.opt("part")?,
        };
        f.finish(&["name", "total", "part"])?;
        Ok(s)
    }
}

impl FromJson for RoundingSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let r = RoundingSpec {
            unit: f.opt("unit")?,
            places: f.opt("places")?,
            ties: f.opt("ties")?,
        };
        f.finish(&["unit", "places", "ties"])?;
        Ok(r)
    }
}

impl FromJson for KeySpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let k = KeySpec {
            population: f.opt("population")?,
            regions: f.opt("regions")?,
            sosu_2018: f.opt("sosu_2018")?,
            weights: f.opt("weights")?,
            csv: f.opt("csv")?,
            blend: f.opt("blend")?,
            exclude: f.opt("exclude")?.unwrap_or_default(),
            fixed: f.opt("fixed")?.unwrap_or_default(),
        };
        f.finish(&[
            "population",
            "regions",
            "sosu_2018",
            "weights",
            "csv",
            "blend",
            "exclude",
            "fixed",
        ])?;
        Ok(k)
    }
}

impl FromJson for WeightSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let w = WeightSpec {
            id: f.req("id")?,
            name: f.opt("name")?,
            weight: f.req("weight")?,
        };
        f.finish(&["id", "name", "weight"])?;
        Ok(w)
    }
}

impl FromJson for PopulationSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let p = PopulationSpec {
            region: f.opt("region")?,
            year: f.req("year")?,
            municipalities: f.opt("municipalities")?,
            file: f.opt("file")?,
            ages: f.opt("ages")?,
        };
        f.finish(&["region", "year", "municipalities", "file", "ages"])?;
        Ok(p)
    }
}

impl FromJson for crate::statbank::Ages {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let a = crate::statbank::Ages {
            from: f.opt("from")?,
            to: f.opt("to")?,
        };
        f.finish(&["from", "to"])?;
        Ok(a)
    }
}

impl FromJson for crate::summary::SummarySpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let s = crate::summary::SummarySpec {
            case: f.req("case")?,
            places: f.opt("places")?,
        };
        f.finish(&["case", "places"])?;
        Ok(s)
    }
}

impl FromJson for YearSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let y = YearSpec {
            year: f.req("year")?,
        };
        f.finish(&["year"])?;
        Ok(y)
    }
}

impl FromJson for ProgrammesSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let p = ProgrammesSpec {
            programmes: f.req("programmes")?,
        };
        f.finish(&["programmes"])?;
        Ok(p)
    }
}

impl FromJson for CsvSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let c = CsvSpec {
            text: f.opt("text")?,
            path: f.opt("path")?,
            columns: f.opt("columns")?.unwrap_or_default(),
        };
        f.finish(&["text", "path", "columns"])?;
        Ok(c)
    }
}

impl FromJson for BlendSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let b = BlendSpec {
            weight: f.req("weight")?,
            key: f.req("key")?,
        };
        f.finish(&["weight", "key"])?;
        Ok(b)
    }
}

impl FromJson for NestSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let n = NestSpec {
            groups: f.req("groups")?,
            members: f.req("members")?,
            rounding: f.opt("rounding")?.unwrap_or_default(),
            member_places: f.opt("member_places")?,
        };
        f.finish(&["groups", "members", "rounding", "member_places"])?;
        Ok(n)
    }
}

impl FromJson for PartSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let p = PartSpec {
            id: f.req("id")?,
            name: f.opt("name")?,
            share: f.req("share")?,
            key: f.opt("key")?,
        };
        f.finish(&["id", "name", "share", "key"])?;
        Ok(p)
    }
}

impl FromJson for TableSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let t = TableSpec {
            columns: f.req("columns")?,
            method: f.opt("method")?,
        };
        f.finish(&["columns", "method"])?;
        Ok(t)
    }
}

impl FromJson for TableColumnSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let c = TableColumnSpec {
            id: f.req("id")?,
            name: f.opt("name")?,
            total: f.req("total")?,
            key: f.req("key")?,
        };
        f.finish(&["id", "name", "total", "key"])?;
        Ok(c)
    }
}

impl FromJson for CompareSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let c = CompareSpec {
            label: f.opt("label")?,
            key: f.req("key")?,
        };
        f.finish(&["label", "key"])?;
        Ok(c)
    }
}
