//! Computing a document: its checks, its keys built, then per scenario the
//! allocation and what the document asks beside it.

use super::keys::{build_key_noting, build_nest};
use super::places::places_table;
use super::rounding::{doc_nest_rounding, Rounding};
use super::years::round_both_ways;
use super::*;
use crate::analysis::{attainment, compare, spread_years, YearShare};
use crate::apportion::Options;
use crate::csv::ReadNote;
use crate::error::{Error, Problem, Result};
use crate::key::{
    cost_split, cost_split_from_part, Allocation, CostPart, CostSplitResult, Key, Nest,
    NestRounding, NestedAllocation,
};
use crate::money::SplitOptions;
use crate::sorted_map::first_repeat;
use crate::{FieldPath, TieRule};
use rust_decimal::Decimal;

/// [`compute`] with `csv.path` reading files as `files` allows.
///
/// # Example
/// ```
/// use andel_core::document::{compute_with, parse, FileAccess};
/// let doc = parse(r#"{"version": 1, "key": {"csv": {"path": "/etc/passwd"}}, "scenarios": [{"name": "x", "total": 1}]}"#)?;
/// let e = compute_with(&doc, &FileAccess::Under(std::env::temp_dir())).unwrap_err();
/// assert_eq!(e.field(), Some("key.csv.path"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn compute_with(doc: &Document, files: &FileAccess) -> Result<DocumentResult> {
    let (rounding, keys, notes) = prepare(doc, files)?;
    finish(doc, &rounding, &keys, notes)
}

/// [`compute_with`] of a document it takes: the document's list of the
/// key's parties goes once the key is built from it, before anything is
/// computed (issue 25: the command line's memory). The same result.
///
/// # Example
/// ```
/// use andel_core::document::{compute_owned, compute_with, parse, FileAccess};
/// let doc = parse(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
///     "scenarios": [{"name": "x", "total": 3}]}"#)?;
/// let here = FileAccess::Under(std::env::temp_dir());
/// assert_eq!(compute_owned(doc.clone(), &here)?, compute_with(&doc, &here)?);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn compute_owned(mut doc: Document, files: &FileAccess) -> Result<DocumentResult> {
    let (rounding, keys, notes) = prepare(&doc, files)?;
    // Nothing reads the document's key after this: the key has its parties.
    if let Some(k) = doc.key.as_mut() {
        k.weights = None;
    }
    finish(&doc, &rounding, &keys, notes)
}

/// The document checked and its keys built; the notes of reading CSV
/// weights (what was left out, shown after the assumptions).
fn prepare(doc: &Document, files: &FileAccess) -> Result<(Rounding, Keys, Vec<ReadNote>)> {
    check_shape(doc)?;
    let rounding = Rounding::from_spec(&doc.rounding)?;
    check_labels(doc, &rounding)?;
    // What reading files told the reader (totals left out, an encoding).
    let mut notes = Vec::new();
    let keys = Keys::build(doc, files, &mut notes)?;
    Ok((rounding, keys, notes))
}

/// Every scenario computed by the keys.
fn finish(
    doc: &Document,
    rounding: &Rounding,
    keys: &Keys,
    notes: Vec<ReadNote>,
) -> Result<DocumentResult> {
    let scenarios = doc
        .scenarios
        .iter()
        .enumerate()
        .map(|(s, scenario)| compute_scenario(doc, keys, rounding, s, scenario))
        .collect::<Result<Vec<_>>>()?;
    Ok(DocumentResult {
        version: VERSION,
        title: doc.title.clone(),
        note: doc.note.clone(),
        assumptions: doc.assumptions.clone(),
        read_notes: notes,
        scenarios,
        actual_label: doc.actual_label.clone(),
        summary: doc.summary.clone(),
    })
}

/// The version, at least one scenario, each named once, and exactly one of
/// `key`, `nest` and `parts`.
fn check_shape(doc: &Document) -> Result<()> {
    if doc.version != VERSION {
        return Err(Error::Document {
            field: "version".into(),
            message: Problem::Version {
                found: doc.version,
                supported: VERSION,
            }
            .into(),
        });
    }
    if doc.scenarios.is_empty() {
        return Err(Error::Document {
            field: "scenarios".into(),
            message: Problem::NoScenario.into(),
        });
    }
    // Scenarios are told apart by name (result columns, CSV rows).
    if let Some(i) = first_repeat(doc.scenarios.len(), |i| doc.scenarios[i].name.as_str()) {
        return Err(Error::Document {
            field: scenario_at(i).key("name").into(),
            message: Problem::ScenarioTwice {
                name: doc.scenarios[i].name.clone(),
            }
            .into(),
        });
    }
    let shapes = [doc.key.is_some(), doc.nest.is_some(), doc.parts.is_some()];
    if shapes.iter().filter(|x| **x).count() != 1 {
        return Err(Error::Document {
            field: String::new(),
            message: Problem::ExactlyOne {
                fields: vec!["key".into(), "nest".into(), "parts".into()],
            }
            .into(),
        });
    }
    Ok(())
}

/// `actual_label` only with `actual`; a summary's `places` exactly when the
/// document rounds places (kroner otherwise).
fn check_labels(doc: &Document, rounding: &Rounding) -> Result<()> {
    if doc.actual_label.is_some() && doc.actual.is_none() {
        return Err(Error::Document {
            field: "actual_label".into(),
            message: Problem::GivenWithout {
                needs: "actual".into(),
            }
            .into(),
        });
    }
    if let Some(spec) = &doc.summary {
        if spec.places.is_some() != matches!(rounding, Rounding::Places(_)) {
            return Err(Error::Document {
                field: "summary.places".into(),
                message: Problem::SummaryPlaces.into(),
            });
        }
    }
    Ok(())
}

/// The document's keys, built once for all its scenarios.
struct Keys {
    key: Option<Key>,
    nest: Option<(Nest, Options)>,
    parts: Option<Vec<CostPart>>,
    other: Option<Key>,
    table: Option<Vec<Key>>,
}

impl Keys {
    fn build(doc: &Document, files: &FileAccess, notes: &mut Vec<ReadNote>) -> Result<Keys> {
        let key = doc
            .key
            .as_ref()
            .map(|k| build_key_noting(k, &FieldPath::root().key("key"), files, notes))
            .transpose()?;
        let nest = doc
            .nest
            .as_ref()
            .map(|n| build_nest(n, &doc.rounding, files, notes))
            .transpose()?;
        let parts = doc
            .parts
            .as_ref()
            .map(|ps| {
                ps.iter()
                    .enumerate()
                    .map(|(i, p)| {
                        Ok(CostPart {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            share: p.share,
                            key: p
                                .key
                                .as_ref()
                                .map(|k| {
                                    let at = FieldPath::root().key("parts").index(i).key("key");
                                    build_key_noting(k, &at, files, notes)
                                })
                                .transpose()?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?;
        let other = doc
            .compare
            .as_ref()
            .map(|c| {
                let at = FieldPath::root().key("compare").key("key");
                build_key_noting(&c.key, &at, files, notes)
            })
            .transpose()?;
        let table = doc
            .table
            .as_ref()
            .map(|t| {
                t.columns
                    .iter()
                    .enumerate()
                    .map(|(j, c)| {
                        let at = FieldPath::root().key("table").key("columns").index(j);
                        build_key_noting(&c.key, &at.key("key"), files, notes)
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?;
        Ok(Keys {
            key,
            nest,
            parts,
            other,
            table,
        })
    }
}

/// Where scenario `s` is: `scenarios[s]`.
fn scenario_at(s: usize) -> FieldPath {
    FieldPath::root().key("scenarios").index(s)
}

/// An error about an option is about the document's rounding; any other is
/// about scenario `s`'s total and its key. The split calls the total
/// `amount`; the document's field is `total` (`scenarios[0].total`).
fn under_option_or_scenario(e: Error, rounding: &Rounding, s: usize) -> Error {
    let e = e.renamed("amount", "total");
    let option = e.field().is_some_and(|f| {
        let f = FieldPath::from(f);
        [
            "minimum",
            "maximum",
            "ties",
            "first_divisor",
            "method",
            "unit",
        ]
        .iter()
        .any(|o| f.starts_with_name(o))
    });
    match (rounding, option) {
        (Rounding::Places(_), true) => e.under("rounding.places"),
        (Rounding::Money(_), true) => e.under("rounding"),
        (_, false) => e.under(scenario_at(s).as_str()),
    }
}

/// One scenario: the main allocation, then the years, the comparison, the
/// attainment and the table the document asks for.
fn compute_scenario(
    doc: &Document,
    keys: &Keys,
    rounding: &Rounding,
    s: usize,
    scenario: &Scenario,
) -> Result<ScenarioResult> {
    if scenario.part.is_some() && keys.parts.is_none() {
        return Err(Error::Document {
            field: scenario_at(s).key("part").into(),
            message: Problem::PartWithoutParts.into(),
        });
    }
    let (allocation, nested, cost) = main_allocation(doc, keys, rounding, s, scenario)?;
    let years = match (&doc.years, &keys.key) {
        (Some(ys), Some(key)) => Some(years_result(ys, key, rounding, &allocation, scenario)?),
        (Some(_), None) => {
            return Err(Error::Document {
                field: "years".into(),
                message: Problem::YearsNeedKey.into(),
            })
        }
        (None, _) => None,
    };
    let comparison = match &keys.other {
        Some(k) => {
            let o = rounding
                .allocate(k, scenario.total)
                .map_err(|e| e.under("compare"))?;
            Some(Comparison {
                label: doc.compare.as_ref().and_then(|c| c.label.clone()),
                rows: compare(&allocation, &o)?,
                other: o,
            })
        }
        None => None,
    };
    let attainment = doc
        .actual
        .as_ref()
        .map(|a| attainment(&allocation, a))
        .transpose()?;
    let attainment_total = attainment
        .as_deref()
        .map(crate::analysis::attainment_total)
        .transpose()?;
    let table = match (&doc.table, &keys.table) {
        (Some(spec), Some(table_keys)) => Some(places_table(
            spec,
            table_keys,
            &allocation,
            keys.key.is_some(),
            rounding,
        )?),
        _ => None,
    };
    Ok(ScenarioResult {
        name: scenario.name.clone(),
        total: scenario.total,
        allocation,
        nested,
        parts: cost,
        years,
        comparison,
        attainment,
        attainment_total,
        table,
    })
}

/// A scenario's own allocation: by the key, between a nest's groups (with
/// the nesting), or between a cost split's parts (with the split).
fn main_allocation(
    doc: &Document,
    keys: &Keys,
    rounding: &Rounding,
    s: usize,
    scenario: &Scenario,
) -> Result<(
    Allocation,
    Option<NestedAllocation>,
    Option<CostSplitResult>,
)> {
    let at = |e: Error| under_option_or_scenario(e, rounding, s);
    if let Some(key) = &keys.key {
        return Ok((
            rounding.allocate(key, scenario.total).map_err(at)?,
            None,
            None,
        ));
    }
    if let Some((nest, members)) = &keys.nest {
        let total = rounding.places_total(scenario.total).map_err(at)?;
        let nesting = doc_nest_rounding(doc);
        // Between the groups a priority order names groups (per level;
        // flat rounding has one order, over the members, resolved with them).
        let groups = match nesting {
            NestRounding::PerLevel => rounding
                .places_options_among(&nest.groups)
                .map_err(|e| e.under("rounding.places"))?,
            NestRounding::Flat => rounding.places_options(),
        };
        let n = nest
            .apportion(total, &groups, members, nesting)
            .map_err(|e| e.under("nest"))?;
        let top = match (&n.groups, &n.flat) {
            (Some(g), _) => g.clone(),
            (None, Some(f)) => f.clone(),
            (None, None) => return Err(Error::internal("nest", "a nested result without levels")),
        };
        return Ok((top, Some(n), None));
    }
    if let Some(parts) = &keys.parts {
        let r = cost_split_scenario(parts, rounding, s, scenario)?;
        return Ok((r.parts.clone(), None, Some(r)));
    }
    Err(Error::Document {
        field: String::new(),
        message: Problem::ExactlyOne {
            fields: vec!["key".into(), "nest".into(), "parts".into()],
        }
        .into(),
    })
}

/// A cost split of the scenario's total: the whole, or the amount of one
/// part (`scenario.part`, the municipalities' 75 %).
fn cost_split_scenario(
    parts: &[CostPart],
    rounding: &Rounding,
    s: usize,
    scenario: &Scenario,
) -> Result<CostSplitResult> {
    let options = rounding.split_options()?;
    match &scenario.part {
        None => {
            // Errors about the parts name them (`parts[1].share`); the
            // split's `amount` is the scenario's `total`.
            cost_split(scenario.total, parts, &options).map_err(|e| {
                let field = e.field().map(FieldPath::from);
                if field.as_ref().is_some_and(|f| f.starts_with_name("parts")) {
                    e
                } else if field.is_some_and(|f| f.starts_with_name("amount")) {
                    e.renamed("amount", "total").under(scenario_at(s).as_str())
                } else {
                    e.under("parts")
                }
            })
        }
        Some(id) => {
            let i = parts
                .iter()
                .position(|p| &p.id == id)
                .ok_or_else(|| Error::UnknownParty {
                    field: scenario_at(s).key("part").into(),
                    id: id.clone(),
                })?;
            cost_split_from_part(scenario.total, i, parts, &options)
                .map_err(|e| e.renamed("amount", "total").under(scenario_at(s).as_str()))
        }
    }
}

/// The total spread over the years, each year split by the key, the table
/// rounded both ways.
fn years_result(
    ys: &[YearShare],
    key: &Key,
    rounding: &Rounding,
    allocation: &Allocation,
    scenario: &Scenario,
) -> Result<YearsResult> {
    let spread = match rounding {
        Rounding::Money(o) => spread_years(scenario.total, ys, o),
        Rounding::Places(_) => spread_years(
            scenario.total,
            ys,
            &SplitOptions {
                unit: Decimal::ONE,
                ties: TieRule::Order,
            },
        ),
    }?;
    if let Rounding::Places(o) = rounding {
        if o.minimum.is_some() || o.maximum.is_some() {
            return Err(Error::Document {
                field: "years".into(),
                message: Problem::YearsWithLimits.into(),
            });
        }
    }
    let mut per_year = spread
        .parties
        .iter()
        .map(|y| rounding.allocate(key, y.amount))
        .collect::<Result<Vec<_>>>()
        .map_err(|e| e.under("years"))?;
    let ties =
        round_both_ways(allocation, &spread, ys, &mut per_year).map_err(|e| e.under("years"))?;
    Ok(YearsResult {
        years: spread,
        per_year,
        ties,
    })
}
