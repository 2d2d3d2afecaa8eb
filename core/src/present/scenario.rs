//! The sections of one scenario of a document: the allocation (between groups
//! or parts and within each), and the tables a document asks for: over years,
//! by party and column, compared with another key, dimensioned against actual.

use super::allocation::{allocation_view, column, Labels};
use super::explain::amount_phrase;
use super::view::{Cell, Column, Row, ScenarioView, Section, Table};
use super::{method_name, Language, Msg};
use crate::document::ScenarioResult;
use crate::number::format::NumberStyle;
use rust_decimal::Decimal;

/// A table of parties (rows) × columns with every row's and column's total.
fn grid(
    language: Language,
    columns: Vec<Column>,
    rows: Vec<(String, String, Vec<Decimal>, Decimal)>,
    totals: &[Decimal],
    all: Decimal,
    style: NumberStyle,
) -> Table {
    let show = |d: Decimal| Cell::number(style, d, d.scale());
    let mut head = vec![
        column("id", language.text(Msg::ColId), false),
        column("name", language.text(Msg::ColName), false),
    ];
    head.extend(columns);
    head.push(column("total", language.text(Msg::Total), true));
    let body = rows
        .into_iter()
        .map(|(id, name, cells, total)| {
            let mut r = vec![Cell::text(id.clone()), Cell::text(name)];
            r.extend(cells.into_iter().map(show));
            r.push(show(total));
            Row {
                id,
                cells: r,
                explanation: None,
            }
        })
        .collect();
    let mut last = vec![Cell::text(language.text(Msg::Total)), Cell::empty()];
    last.extend(totals.iter().map(|&c| show(c)));
    last.push(show(all));
    Table {
        columns: head,
        rows: body,
        total: Some(Row {
            id: String::new(),
            cells: last,
            explanation: None,
        }),
    }
}

/// [`grid`] of whole units (places): rows of (id, name, cells, total), the
/// columns' totals and the whole.
fn whole_grid<'a>(
    language: Language,
    columns: Vec<Column>,
    rows: impl Iterator<Item = (&'a String, Option<&'a str>, &'a [u64], u64)>,
    totals: &[u64],
    all: u64,
    style: NumberStyle,
) -> Table {
    let rows = rows
        .map(|(id, name, cells, total)| {
            (
                id.clone(),
                name.unwrap_or_default().to_string(),
                cells.iter().map(|&x| Decimal::from(x)).collect(),
                Decimal::from(total),
            )
        })
        .collect();
    let totals: Vec<Decimal> = totals.iter().map(|&x| Decimal::from(x)).collect();
    grid(language, columns, rows, &totals, Decimal::from(all), style)
}

fn with_heading(mut s: Section, heading: String) -> Section {
    s.heading = Some(heading);
    s
}

/// The sections of one scenario: how it was split, then each table its
/// document asks for (years, a table, a comparison, attainment).
pub(super) fn scenario_view(
    s: &ScenarioResult,
    actual_label: Option<&str>,
    language: Language,
    style: NumberStyle,
) -> ScenarioView {
    let mut sections = split_sections(s, language, style);
    sections.extend(years_sections(s, language, style));
    sections.extend(table_sections(s, language, style));
    sections.extend(comparison_sections(s, language, style));
    sections.extend(attainment_sections(s, actual_label, language, style));
    ScenarioView {
        name: s.name.clone(),
        heading: language.say(Msg::Scenario, &[("name", &s.name)]),
        sections,
    }
}

/// How the scenario was split: between groups and within each (a nest, 2.9),
/// between parts and within each (a cost split, 2.8), or one allocation.
fn split_sections(s: &ScenarioResult, language: Language, style: NumberStyle) -> Vec<Section> {
    let say = |m: Msg| language.text(m).to_string();
    let mut sections = Vec::new();
    match (&s.nested, &s.parts) {
        (Some(n), _) => {
            let heading = if n.groups.is_some() {
                Msg::BetweenGroupsPerLevel
            } else {
                Msg::BetweenGroupsFlat
            };
            sections.push(with_heading(
                allocation_view(&s.allocation, language, style),
                say(heading),
            ));
            // The groups' labels, indexed once for all of them.
            let labels = Labels::new(&s.allocation, n.per_group.len());
            for g in &n.per_group {
                if let Some(m) = &g.members {
                    let units = amount_phrase(
                        &s.allocation,
                        Decimal::from(g.units)
                            .checked_mul(s.allocation.unit)
                            .unwrap_or_default(),
                        language,
                        style,
                    );
                    sections.push(with_heading(
                        allocation_view(m, language, style),
                        language.say(
                            Msg::WithinGroup,
                            &[("group", &labels.of(&g.id)), ("units", &units)],
                        ),
                    ));
                }
            }
            // Each member's places in every group, rows and columns adding
            // up (2.9 down to the municipalities).
            if let Some(t) = n.by_member() {
                let columns = t
                    .groups
                    .iter()
                    .map(|g| column(&g.id, g.name.clone().unwrap_or_else(|| g.id.clone()), true))
                    .collect();
                let rows = t
                    .rows
                    .iter()
                    .map(|r| (&r.id, r.name.as_deref(), r.cells.as_slice(), r.total));
                let totals: Vec<u64> = t.groups.iter().map(|g| g.units).collect();
                sections.push(Section {
                    heading: Some(say(Msg::ByMemberAndGroup)),
                    summary: None,
                    table: whole_grid(language, columns, rows, &totals, t.total, style),
                    notes: Vec::new(),
                });
            }
        }
        (None, Some(p)) => {
            sections.push(with_heading(
                allocation_view(&p.parts, language, style),
                say(Msg::BetweenParts),
            ));
            for (part, d) in p.parts.parties.iter().zip(&p.details) {
                if let Some(d) = d {
                    let name = part.name.as_deref().unwrap_or(&part.id);
                    sections.push(with_heading(
                        allocation_view(d, language, style),
                        language.say(Msg::WithinPart, &[("part", name)]),
                    ));
                }
            }
        }
        (None, None) => sections.push(allocation_view(&s.allocation, language, style)),
    }
    sections
}

/// The split over years (amounts per party and year) when the document asks.
fn years_sections(s: &ScenarioResult, language: Language, style: NumberStyle) -> Vec<Section> {
    let say = |m: Msg| language.text(m).to_string();
    let Some(y) = &s.years else {
        return Vec::new();
    };
    let mut sections = Vec::new();
    sections.push(with_heading(
        allocation_view(&y.years, language, style),
        say(Msg::OverYears),
    ));
    let columns: Vec<Column> = y
        .years
        .parties
        .iter()
        .map(|year| {
            column(
                &year.id,
                language.say(Msg::YearColumn, &[("year", &year.id)]),
                true,
            )
        })
        .collect();
    let rows = s
        .allocation
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cells = y
                .per_year
                .iter()
                .map(|a| a.parties.get(i).map(|x| x.amount).unwrap_or_default())
                .collect();
            (
                p.id.clone(),
                p.name.clone().unwrap_or_default(),
                cells,
                p.amount,
            )
        })
        .collect();
    let totals: Vec<Decimal> = y.years.parties.iter().map(|p| p.amount).collect();
    let labels = Labels::new(&s.allocation, y.ties.iter().map(|t| t.len()).sum());
    let notes = y
        .ties
        .iter()
        .map(|tie| {
            let cells: Vec<String> = tie
                .iter()
                .map(|c| {
                    format!(
                        "{} {}",
                        labels.of(&c.party),
                        language.say(Msg::YearColumn, &[("year", &c.year)])
                    )
                })
                .collect();
            language.say(Msg::YearsTie, &[("cells", &cells.join(", "))])
        })
        .collect();
    sections.push(Section {
        heading: Some(say(Msg::ByPartyAndYear)),
        summary: None,
        table: grid(language, columns, rows, &totals, s.total, style),
        notes,
    });
    sections
}

/// The table by party and column (controlled rounding) when there is one.
fn table_sections(s: &ScenarioResult, language: Language, style: NumberStyle) -> Vec<Section> {
    let _say = |m: Msg| language.text(m).to_string();
    let Some(t) = &s.table else {
        return Vec::new();
    };
    let mut sections = Vec::new();
    let columns = t
        .columns
        .iter()
        .map(|c| column(&c.id, c.name.clone().unwrap_or_else(|| c.id.clone()), true))
        .collect();
    let rows = t
        .rows
        .iter()
        .map(|r| (&r.id, r.name.as_deref(), r.cells.as_slice(), r.total));
    let totals: Vec<u64> = t.columns.iter().map(|c| c.total).collect();
    let all: u64 = totals.iter().sum();
    let notes = t
        .ties
        .iter()
        .map(|tie| {
            let cells: Vec<String> = tie
                .cells
                .iter()
                .map(|&(i, j)| {
                    let row = t
                        .rows
                        .get(i)
                        .map(|r| r.name.clone().unwrap_or(r.id.clone()));
                    let col = t
                        .columns
                        .get(j)
                        .map(|c| c.name.clone().unwrap_or(c.id.clone()));
                    format!("{} × {}", row.unwrap_or_default(), col.unwrap_or_default())
                })
                .collect();
            language.say(Msg::TableTie, &[("cells", &cells.join(", "))])
        })
        .collect();
    sections.push(Section {
        heading: Some(language.say(
            Msg::ByPartyAndColumn,
            &[("method", method_name(language, t.method))],
        )),
        summary: None,
        table: whole_grid(language, columns, rows, &totals, all, style),
        notes,
    });
    sections
}

/// This key against another, party by party, when asked.
fn comparison_sections(s: &ScenarioResult, language: Language, style: NumberStyle) -> Vec<Section> {
    let say = |m: Msg| language.text(m).to_string();
    let Some(c) = &s.comparison else {
        return Vec::new();
    };
    let mut sections = Vec::new();
    let label = c.label.clone().unwrap_or_else(|| say(Msg::TheOtherKey));
    let rows = c
        .rows
        .iter()
        .map(|row| Row {
            id: row.id.clone(),
            cells: vec![
                Cell::text(row.id.clone()),
                Cell::text(row.name.clone().unwrap_or_default()),
                Cell::number(style, row.amount_base, row.amount_base.scale()),
                Cell::number(style, row.amount_other, row.amount_other.scale()),
                Cell::number(style, row.change, row.change.scale()),
            ],
            explanation: None,
        })
        .collect();
    sections.push(Section {
        heading: Some(language.say(Msg::ComparedWith, &[("label", &label)])),
        summary: None,
        table: Table {
            columns: vec![
                column("id", say(Msg::ColId), false),
                column("name", say(Msg::ColName), false),
                column("this_key", say(Msg::ColThisKey), true),
                column("other_key", say(Msg::ColOtherKey), true),
                column("change", say(Msg::ColChange), true),
            ],
            rows,
            total: None,
        },
        notes: Vec::new(),
    });
    sections
}

/// Dimensioned against actual places (2.10) when the document gives them.
fn attainment_sections(
    s: &ScenarioResult,
    actual_label: Option<&str>,
    language: Language,
    style: NumberStyle,
) -> Vec<Section> {
    let say = |m: Msg| language.text(m).to_string();
    let Some(a) = &s.attainment else {
        return Vec::new();
    };
    let mut sections = Vec::new();
    let line = |row: &crate::analysis::AttainmentRow, total: bool| Row {
        id: if total { String::new() } else { row.id.clone() },
        cells: vec![
            Cell::text(if total {
                say(Msg::Total)
            } else {
                row.id.clone()
            }),
            Cell::text(row.name.clone().unwrap_or_default()),
            Cell::number(style, row.dimensioned, row.dimensioned.scale()),
            Cell::number(style, row.actual, row.actual.scale()),
            Cell::number(style, row.difference, row.difference.scale()),
            row.percent
                .map(|p| Cell::number(style, p, 2))
                .unwrap_or_else(Cell::empty),
        ],
        explanation: None,
    };
    let rows = a.iter().map(|row| line(row, false)).collect();
    // A total row where there is more than one row to add.
    let total = s
        .attainment_total
        .as_ref()
        .filter(|_| a.len() > 1)
        .map(|t| line(t, true));
    // The heads say what each column holds: the scenario's name over the
    // dimensioned figures, the document's label over the actual ones.
    let (heading, planned, actual) = match actual_label {
        Some(label) => (
            language.say(
                Msg::AgainstActual,
                &[("scenario", &s.name), ("actual", label)],
            ),
            s.name.clone(),
            label.to_string(),
        ),
        None => (
            say(Msg::DimensionedAgainstActual),
            say(Msg::ColDimensioned),
            say(Msg::ColActual),
        ),
    };
    sections.push(Section {
        heading: Some(heading),
        summary: None,
        table: Table {
            columns: vec![
                column("id", say(Msg::ColId), false),
                column("name", say(Msg::ColName), false),
                column("dimensioned", planned, true),
                column("actual", actual, true),
                column("difference", say(Msg::ColDifference), true),
                column("percent", say(Msg::ColPercent), true),
            ],
            rows,
            total,
        },
        notes: Vec::new(),
    });
    sections
}
