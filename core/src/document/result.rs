//! The result of a document: per scenario the key's allocation and, as the
//! document asks, a nesting's groups, a cost split's parts, the years, a
//! comparison, the attainment against actual figures and a table of places.
//! It serialises to the JSON every front end reads.

use super::VERSION;
use crate::analysis::{AttainmentRow, ComparisonRow};
use crate::error::{Error, Result};
use crate::key::{Allocation, CostSplitResult, NestedAllocation};
use crate::tabular::{CsvWriter, Dialect};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A table of whole places whose rows and columns both add up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableResult {
    /// The rounding method.
    pub method: crate::Method,
    /// The columns: id, name and total.
    pub columns: Vec<TableColumn>,
    /// The rows: the key's parties, each with its total (the key's own
    /// result) and its cells in column order.
    pub rows: Vec<TableRow>,
    /// Ties met (decided by table order, earlier cells first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<crate::TableTie>,
}

/// A column of a [`TableResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places.
    pub total: u64,
}

/// A row of a [`TableResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// The party's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places: its result in the scenario's allocation.
    pub total: u64,
    /// Its places per column.
    pub cells: Vec<u64>,
}

/// The result of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentResult {
    /// Always 1.
    pub version: u32,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The document's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The document's assumptions, as it gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
    /// What reading its files told the reader, as data: each note with the
    /// field it was read at (`{"at": "key.csv", "note": {"kind":
    /// "left_out", "line": 2, "text": "Hele landet;5873420", "why":
    /// "national_total"}}`); a view says them after the assumptions, in its
    /// language ([`crate::present::document_notes`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read_notes: Vec<crate::csv::ReadNote>,
    /// Per scenario.
    pub scenarios: Vec<ScenarioResult>,
    /// What the actual figures are (the document's `actual_label`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_label: Option<String>,
    /// How it counts in the meeting's summary (the document's `summary`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<super::SummarySpec>,
}

/// One scenario's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioResult {
    /// The scenario's name.
    pub name: String,
    /// Its total.
    pub total: Decimal,
    /// The allocation by the key (for a nest: between the groups, per
    /// level; for parts: between the parts).
    pub allocation: Allocation,
    /// A nest: per group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested: Option<NestedAllocation>,
    /// Parts: each part split by its key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<CostSplitResult>,
    /// The total spread over years, then each year split by the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<YearsResult>,
    /// The comparison with the other key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// Dimensioned against actual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment: Option<Vec<AttainmentRow>>,
    /// The attainment's rows added up (id `total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment_total: Option<AttainmentRow>,
    /// The table of places, when the document asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableResult>,
}

/// A total spread over years: a table (party × year) whose rows add up to
/// each party's own total and whose columns add up to each year's amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearsResult {
    /// The total split between the years.
    pub years: Allocation,
    /// Each year's amount split by the key, in year order; a party's years
    /// add up to its total in the scenario's allocation (controlled
    /// rounding, see DESIGN.md): each cell is its exact value
    /// (total × share × year fraction) rounded down or up.
    pub per_year: Vec<Allocation>,
    /// Cells with equal remainders that the rounding separated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Vec<CellRef>>,
}

/// A cell of a table: a party in a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRef {
    /// The party's id.
    pub party: String,
    /// The year.
    pub year: String,
}

/// A comparison with another key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// What the other key is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The other key's allocation.
    pub other: Allocation,
    /// Per party, side by side.
    pub rows: Vec<ComparisonRow>,
}

/// Which allocation of a scenario's result one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocationLabel<'a> {
    /// The scenario's own allocation (between a nesting's groups, or a cost
    /// split's parts, where there are any).
    Main,
    /// A nesting's group (its id): the split between its members.
    Group(&'a str),
    /// A cost split's part (its id): the split of that part by its key.
    Part(&'a str),
    /// A year of a year profile (its id): that year's amounts.
    Year(&'a str),
    /// The other key of a comparison, with its label.
    Compare(Option<&'a str>),
}

impl ScenarioResult {
    /// Every allocation of the scenario, labelled, in the order of the CSV:
    /// the main one, then a nesting's groups' members or a cost split's
    /// parts, the years, the comparison's other key.
    pub fn allocations(&self) -> Vec<(AllocationLabel<'_>, &Allocation)> {
        let mut all = vec![(AllocationLabel::Main, &self.allocation)];
        if let Some(n) = &self.nested {
            all.extend(n.per_group.iter().filter_map(|g| {
                g.members
                    .as_ref()
                    .map(|m| (AllocationLabel::Group(g.id.as_str()), m))
            }));
        }
        if let Some(p) = &self.parts {
            all.extend(
                p.parts
                    .parties
                    .iter()
                    .zip(&p.details)
                    .filter_map(|(part, d)| {
                        Some((AllocationLabel::Part(part.id.as_str()), d.as_ref()?))
                    }),
            );
        }
        if let Some(y) = &self.years {
            all.extend(
                y.years
                    .parties
                    .iter()
                    .zip(&y.per_year)
                    .map(|(year, a)| (AllocationLabel::Year(year.id.as_str()), a)),
            );
        }
        if let Some(c) = &self.comparison {
            all.push((AllocationLabel::Compare(c.label.as_deref()), &c.other));
        }
        all
    }

    /// Every allocation of the scenario with its `part` as the plain CSV
    /// and Python's records name it: empty for the key's own allocation,
    /// else `groups`/a group id for a nest, `parts`/a part id for a cost
    /// split, a year for a year profile, `compare` for the other key.
    pub fn parts_named(&self) -> Vec<(&str, &Allocation)> {
        let main = match (&self.nested, &self.parts) {
            (Some(_), _) => "groups",
            (None, Some(_)) => "parts",
            (None, None) => "",
        };
        self.allocations()
            .into_iter()
            .map(|(label, a)| {
                let part = match label {
                    AllocationLabel::Main => main,
                    AllocationLabel::Group(id)
                    | AllocationLabel::Part(id)
                    | AllocationLabel::Year(id) => id,
                    AllocationLabel::Compare(_) => "compare",
                };
                (part, a)
            })
            .collect()
    }
}

impl DocumentResult {
    /// Checks a result read back from JSON someone kept (and may have
    /// changed): the version this library writes, and every allocation of
    /// every scenario as [`Allocation::check`] checks one; errors name the
    /// scenario (`scenarios[0].parties[2].amount`).
    pub fn check(&self) -> Result<()> {
        if self.version != VERSION {
            return Err(Error::Document {
                field: "version".into(),
                message: format!("version {} is not {VERSION}", self.version).into(),
            });
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            for (_, a) in s.allocations() {
                let at = crate::FieldPath::root().key("scenarios").index(i);
                a.check().map_err(|e| e.under(at.as_str()))?;
            }
        }
        Ok(())
    }

    /// Every allocation of the result as one CSV, long format: a `scenario`
    /// and a `part` column lead each row (`part` is empty for the key's own
    /// allocation; else `groups`/a group id for a nest, `parts`/a part id for
    /// a cost split, a year for a year profile, `compare` for the other key).
    ///
    /// # Example
    /// ```
    /// use andel_core::document::compute_json;
    /// use andel_core::tabular::Dialect;
    /// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
    ///   "scenarios": [{"name": "low", "total": "0.03"}]}"#)?;
    /// let csv = r.to_csv(Dialect::Plain);
    /// assert!(csv.starts_with("scenario,part,id,name,weight,share"));
    /// assert!(csv.contains("\nlow,,A,,2,0.6666666667,0.0200000000,0.02,2,exact,,0\n"));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut out = CsvWriter::new(dialect, &["scenario", "part"]);
        for s in &self.scenarios {
            for (part, a) in s.parts_named() {
                out.allocation(&[&s.name, part], a);
            }
        }
        out.finish()
    }
}
