//! The meeting as a whole: per municipality, what it pays and which places
//! it gets across the cases of one meeting (the KKR Nordjylland minutes of
//! 18 November 2022: 2.4 and 2.8 in kroner, 2.9 and 2.12 in places).
//!
//! A document takes part when it says how (its `summary`: the case, and for
//! places what they are places of). Every scenario of every such document
//! is a column; so is every group of a nesting and every part of a cost
//! split that has municipalities. Units are never added across kinds:
//! kroner are added into a total per municipality, places never (two
//! readings of one case, or places of two programmes, are not one number).
//! Where a case has several scenarios (2.8's low and high estimate), the
//! total is given twice: with each case's lowest scenario and with each
//! case's highest.

use crate::document::DocumentResult;
use crate::error::{Error, Result};
use crate::key::Allocation;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

// `SummarySpec` (how a document counts here) is one of the document's own
// types (core/src/document/spec.rs); it is named here too.
pub use crate::document::SummarySpec;

/// What a column counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SummaryUnit {
    /// Money, in kroner.
    Kroner,
    /// Places of one kind.
    Places {
        /// What they are places of.
        of: String,
    },
}

/// A column of the summary: one scenario of one document (and one group
/// or part of it, where the municipalities are split in several).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryColumn {
    /// The case, from the document's `summary`.
    pub case: String,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The scenario's name.
    pub scenario: String,
    /// The group or part (its name) the municipalities are in, when the
    /// document has several levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Kroner or places.
    pub unit: SummaryUnit,
    /// The column's sum over the municipalities (a cost split's region,
    /// or 2.12's fixed 7,2 %, is not a municipality and not in it).
    pub total: Decimal,
    /// A head for people: the case, the group or part, and the scenario
    /// when the document has more than one.
    pub head: String,
}

/// Which total a kroner total is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryTotal {
    /// Every case has one scenario: the one total.
    All,
    /// Each case's scenario with the lowest total.
    Lowest,
    /// Each case's scenario with the highest total.
    Highest,
}

/// A municipality's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryRow {
    /// The municipality's code.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Per column: its amount or places (`None`: not in that case's key).
    pub cells: Vec<Option<Decimal>>,
    /// Per kroner total (in the order of [`MeetingSummary::totals`]): what
    /// it pays in all.
    pub kroner: Vec<Decimal>,
}

/// Per municipality, kroner by case and in total, places by kind; see the
/// module's documentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSummary {
    /// The columns: kroner first, then places, each in document order.
    pub columns: Vec<SummaryColumn>,
    /// The kroner totals given (`all`, or `lowest` and `highest`); none
    /// without kroner columns.
    pub totals: Vec<SummaryTotal>,
    /// Per kroner total, the sum over the municipalities.
    pub kroner: Vec<Decimal>,
    /// Per kroner total, the columns it adds (indexes into `columns`).
    pub adds: Vec<Vec<usize>>,
    /// One row per municipality, by code.
    pub rows: Vec<SummaryRow>,
}

/// The allocations of a scenario that hold municipalities, each with the
/// name of the group or part it is (none for the key's own allocation).
fn municipal_allocations(
    s: &crate::document::ScenarioResult,
) -> Vec<(Option<String>, &Allocation)> {
    let is_municipal = |a: &Allocation| {
        a.parties
            .iter()
            .any(|p| crate::data::is_municipality_code(&p.id))
    };
    let mut out = Vec::new();
    if let Some(n) = &s.nested {
        for g in &n.per_group {
            if let Some(m) = g.members.as_ref().filter(|m| is_municipal(m)) {
                let name = s
                    .allocation
                    .get(&g.id)
                    .and_then(|p| p.name.clone())
                    .unwrap_or_else(|| g.id.clone());
                out.push((Some(name), m));
            }
        }
        if let Some(f) = n.flat.as_ref().filter(|f| is_municipal(f)) {
            out.push((None, f));
        }
    } else if let Some(p) = &s.parts {
        for (part, d) in p.parts.parties.iter().zip(&p.details) {
            if let Some(d) = d.as_ref().filter(|d| is_municipal(d)) {
                out.push((
                    Some(part.name.clone().unwrap_or_else(|| part.id.clone())),
                    d,
                ));
            }
        }
    } else if is_municipal(&s.allocation) {
        out.push((None, &s.allocation));
    }
    out
}

/// The meeting's summary over the results whose documents say how they
/// count (`summary`); the others are left out. An error when a document
/// that asks to count has no municipality in any scenario.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::summary::summary;
/// let doc = |case: &str, total: &str| format!(
///     r#"{{"version": 1, "summary": {{"case": "{case}"}}, "scenarios": [{{"name": "x", "total": "{total}"}}],
///         "key": {{"population": {{"region": "Nordjylland", "year": 2022, "municipalities": ["Læsø", "Morsø"]}}}}}}"#);
/// let a = compute_json(&doc("A", "100.00"))?;
/// let b = compute_json(&doc("B", "50.00"))?;
/// let s = summary(&[a, b])?;
/// assert_eq!(s.kroner, [andel_core::Decimal::from(150)]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn summary(results: &[DocumentResult]) -> Result<MeetingSummary> {
    let mut kroner: Vec<(usize, Vec<Valued>)> = Vec::new();
    let mut places: Vec<Valued> = Vec::new();
    for (d, r) in results.iter().enumerate() {
        let Some((unit, columns)) = document_columns(d, r)? else {
            continue;
        };
        match unit {
            SummaryUnit::Kroner => kroner.push((d, columns)),
            SummaryUnit::Places { .. } => places.extend(columns),
        }
    }
    // Per kroner document, the scenario (column group) with the lowest and
    // the highest total, by the scenarios' order of totals.
    let several = kroner
        .iter()
        .any(|(d, _)| results.get(*d).is_some_and(|r| r.scenarios.len() > 1));
    let totals = match (kroner.is_empty(), several) {
        (true, _) => vec![],
        (false, false) => vec![SummaryTotal::All],
        (false, true) => vec![SummaryTotal::Lowest, SummaryTotal::Highest],
    };
    let mut columns: Vec<Valued> = Vec::new();
    // For each total, which columns it adds (by index into `columns`).
    let mut adds: Vec<Vec<usize>> = vec![Vec::new(); totals.len()];
    for (d, cs) in kroner {
        for (t, which) in totals.iter().enumerate() {
            let chosen = match which {
                SummaryTotal::All => None,
                w => extreme_scenario(results, d, *w),
            };
            for (i, (c, _)) in cs.iter().enumerate() {
                if chosen.as_ref().is_none_or(|n| *n == c.scenario) {
                    if let Some(a) = adds.get_mut(t) {
                        a.push(columns.len() + i);
                    }
                }
            }
        }
        columns.extend(cs);
    }
    columns.extend(places);
    let rows = summary_rows(&columns, &adds)?;
    let kroner = adds
        .iter()
        .map(|cols| {
            cols.iter().try_fold(Decimal::ZERO, |t, &c| {
                let v = columns.get(c).map(|x| x.0.total).unwrap_or_default();
                crate::util::exact::exact_add(t, v, "summary")
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(MeetingSummary {
        columns: columns.into_iter().map(|(c, _)| c).collect(),
        totals,
        kroner,
        adds,
        rows,
    })
}

/// A column of the summary with its value per municipality (code, name, value).
type Valued = (SummaryColumn, Vec<(String, String, Decimal)>);

/// Document `d`'s columns in the summary, one per municipal allocation of
/// each scenario, and whether they count kroner or places; `None` when the
/// document does not count in the summary, an error when it asks to but
/// has no municipality.
fn document_columns(d: usize, r: &DocumentResult) -> Result<Option<(SummaryUnit, Vec<Valued>)>> {
    let Some(spec) = &r.summary else {
        return Ok(None);
    };
    let unit = match &spec.places {
        Some(of) => SummaryUnit::Places { of: of.clone() },
        None => SummaryUnit::Kroner,
    };
    let several = r.scenarios.len() > 1;
    let mut columns = Vec::new();
    for s in &r.scenarios {
        for (within, a) in municipal_allocations(s) {
            let values: Vec<(String, String, Decimal)> = a
                .parties
                .iter()
                .filter(|p| crate::data::is_municipality_code(&p.id))
                .map(|p| {
                    let name = crate::data::municipality_exact(&p.id)
                        .map(|m| m.name.clone())
                        .or_else(|| p.name.clone())
                        .unwrap_or_else(|| p.id.clone());
                    (p.id.clone(), name, p.amount)
                })
                .collect();
            let total = values.iter().try_fold(Decimal::ZERO, |t, (_, _, v)| {
                crate::util::exact::exact_add(t, *v, "summary")
            })?;
            let mut head = spec.case.clone();
            if let Some(w) = &within {
                head = format!("{head} {w}");
            }
            if several {
                head = format!("{head} {}", s.name);
            }
            columns.push((
                SummaryColumn {
                    case: spec.case.clone(),
                    title: r.title.clone(),
                    scenario: s.name.clone(),
                    within,
                    unit: unit.clone(),
                    total,
                    head,
                },
                values,
            ));
        }
    }
    if columns.is_empty() {
        return Err(Error::Document {
            field: format!("results[{d}].summary"),
            message: format!(
                "{} asks to count in the summary but has no municipality",
                r.title.as_deref().unwrap_or("a document")
            )
            .into(),
        });
    }
    Ok(Some((unit, columns)))
}

/// The name of document `d`'s scenario with the lowest or the highest total
/// (the first such, in the scenarios' order).
fn extreme_scenario(results: &[DocumentResult], d: usize, which: SummaryTotal) -> Option<String> {
    let r = results.get(d)?;
    let mut best: Option<&crate::document::ScenarioResult> = None;
    for s in &r.scenarios {
        best = match best {
            None => Some(s),
            Some(b) => Some(match which {
                SummaryTotal::Highest if s.total > b.total => s,
                SummaryTotal::Lowest if s.total < b.total => s,
                _ => b,
            }),
        };
    }
    best.map(|s| s.name.clone())
}

/// The rows: every municipality in any column, by code, with its cell in
/// each column and each total's sum of the columns it adds.
fn summary_rows(columns: &[Valued], adds: &[Vec<usize>]) -> Result<Vec<SummaryRow>> {
    let mut ids: Vec<(String, String)> = columns
        .iter()
        .flat_map(|(_, v)| v.iter().map(|(id, name, _)| (id.clone(), name.clone())))
        .collect();
    crate::util::sort::sort_unstable_by(&mut ids, |a, b| {
        let n = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        n(&a.0).cmp(&n(&b.0)).then_with(|| a.0.cmp(&b.0))
    });
    ids.dedup_by(|a, b| a.0 == b.0);
    ids.into_iter()
        .map(|(id, name)| {
            let cells: Vec<Option<Decimal>> = columns
                .iter()
                .map(|(_, v)| v.iter().find(|(i, _, _)| *i == id).map(|x| x.2))
                .collect();
            let kroner = adds
                .iter()
                .map(|cols| {
                    cols.iter().try_fold(Decimal::ZERO, |t, &c| {
                        let v = cells.get(c).copied().flatten().unwrap_or_default();
                        crate::util::exact::exact_add(t, v, "summary")
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(SummaryRow {
                id,
                name,
                cells,
                kroner,
            })
        })
        .collect::<Result<Vec<_>>>()
}

/// [`summary`] of documents: each computed (no file access, as
/// [`crate::document::compute`]), then summed up; an error in a document
/// names it (`documents[1].key…`). What the web form calls with the cases
/// it has open.
pub fn summary_of_documents(documents: &[crate::document::Document]) -> Result<MeetingSummary> {
    let results = documents
        .iter()
        .enumerate()
        .map(|(i, d)| crate::document::compute(d).map_err(|e| e.under(&format!("documents[{i}]"))))
        .collect::<Result<Vec<_>>>()?;
    summary(&results).map_err(|e| match e {
        Error::Document { field, message } => Error::Document {
            field: field.replacen("results[", "documents[", 1),
            message,
        },
        e => e,
    })
}
