//! The view: what people see of a result, as plain data (headings, named
//! columns, rows of formatted cells, totals, notes and explanations) in one
//! language and one number style, and its two renderings: text for a
//! terminal and the Danish Excel CSV (the same table, as on the screen).

use super::explain::{amount_phrase, sentence};
use super::{list, method_name, rule_name, Language, Msg};
use crate::document::{DocumentResult, ScenarioResult};
use crate::format::{checked_sum, plain, render_table, NumberStyle};
use crate::key::{quota_amount, Allocation, Basis};
use crate::tabular::{CsvWriter, Dialect};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A document's result as people see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// The language of every word in it.
    pub language: Language,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The document's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// "Forudsætninger:", the heading of the assumptions.
    pub assumptions_heading: String,
    /// The assumptions, then what reading CSV weights left out.
    pub assumptions: Vec<String>,
    /// Per scenario.
    pub scenarios: Vec<ScenarioView>,
}

/// One scenario: its heading and every table of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioView {
    /// The scenario's name.
    pub name: String,
    /// `Scenarie »lav«`.
    pub heading: String,
    /// Its tables in the order people read them: the main split (between
    /// groups or parts), every group's or part's own split, the years, the
    /// table, the comparison, the attainment.
    pub sections: Vec<Section>,
}

/// One table with what stands above and below it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What it is ("Mellem delene:"); none for a scenario's only table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// An allocation's total, unit and method
    /// ("4.275.000,00 kr. fordelt i øre efter største brøk (Hamilton)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The table.
    pub table: Table,
    /// Lines below it: the ties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A table: columns, rows and a total row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// One row per party.
    pub rows: Vec<Row>,
    /// The total row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Row>,
}

/// A column: a stable key for programs, a head for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// A stable name: `id`, `name`, `weight`, `key_weight`, `share`,
    /// `quota`, `amount`, `rounding`, `this_key`, `other_key`, `change`,
    /// `dimensioned`, `actual`, `difference`, `percent`, `total`, or a
    /// year's or column's id.
    pub key: String,
    /// The head in the view's language ("kr., i øre").
    pub head: String,
    /// Numbers, aligned right.
    pub numeric: bool,
}

/// A row: the party's id, one cell per column, and why it got what it got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The party's id (empty for a total row).
    pub id: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// The party's explanation, a sentence in the view's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// A cell: its text as shown, and for a number its exact plain value
/// (`1658397.22`), which a spreadsheet or a program reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// As shown.
    pub text: String,
    /// A number's plain value, at the places shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
        }
    }

    fn number(style: NumberStyle, d: Decimal, places: u32) -> Cell {
        Cell {
            text: style.format(d, places),
            value: Some(plain(d, places)),
        }
    }

    /// A number that may not exist (a sum beyond a decimal): "—".
    fn checked(style: NumberStyle, d: Option<Decimal>, places: u32) -> Cell {
        match d {
            Some(d) => Cell::number(style, d, places),
            None => Cell::text("—"),
        }
    }

    fn empty() -> Cell {
        Cell::text("")
    }
}

fn column(key: &str, head: impl Into<String>, numeric: bool) -> Column {
    Column {
        key: key.to_string(),
        head: head.into(),
        numeric,
    }
}

/// The places a number shows: its own, without trailing zeros.
fn own(d: Decimal) -> u32 {
    d.normalize().scale()
}

/// What the weights were before fixed shares scaled them: with fixed shares
/// F in all, every other party's key weight is (1 − F) · its weight, so its
/// weight is the key weight / (1 − F) (exact: the product was exact); `None`
/// for the fixed parties, and for every party when there are no fixed
/// shares or the division does not come out.
pub(crate) fn input_weights(a: &Allocation) -> Option<Vec<Option<Decimal>>> {
    let fixed = checked_sum(a.parties.iter().filter_map(|p| match p.basis {
        Basis::Fixed { share } => Some(share),
        _ => None,
    }));
    if !a
        .parties
        .iter()
        .any(|p| matches!(p.basis, Basis::Fixed { .. }))
    {
        return None;
    }
    let rest = Decimal::ONE.checked_sub(fixed?)?;
    if rest <= Decimal::ZERO {
        return None;
    }
    Some(
        a.parties
            .iter()
            .map(|p| match p.basis {
                Basis::Fixed { .. } => None,
                _ => p.weight.checked_div(rest).map(|w| w.normalize()),
            })
            .collect(),
    )
}

/// The rounding unit of money in words: "i øre", "i hele kroner", …
pub(crate) fn unit_phrase(a: &Allocation, language: Language, style: NumberStyle) -> String {
    let unit = a.unit.normalize();
    if unit == Decimal::new(1, 2) {
        language.text(Msg::UnitOre).to_string()
    } else if unit == Decimal::ONE {
        language.text(Msg::UnitKrone).to_string()
    } else if unit == Decimal::from(1000) {
        language.text(Msg::UnitThousand).to_string()
    } else {
        language.say(Msg::UnitOther, &[("unit", &style.format(unit, own(unit)))])
    }
}

/// The label people know a party by: its name, else its id.
fn label_of(a: &Allocation, id: &str) -> String {
    a.get(id)
        .map(|p| p.name.clone().unwrap_or_else(|| p.id.clone()))
        .unwrap_or_else(|| id.to_string())
}

/// An allocation as a section: its summary, the table with a row per party
/// (each with its explanation) and the total, and its ties.
///
/// # Example
/// ```
/// use andel_core::present::{allocation_view, Language};
/// use andel_core::tabular::NumberStyle;
/// use andel_core::{Decimal, Key, SplitOptions};
/// let key = Key::from_weights([("A", 50), ("B", 27), ("C", 23)].map(|(i, w)| (i, Decimal::from(w))))?;
/// let a = key.split(Decimal::new(10, 2), &SplitOptions::default())?;
/// let v = allocation_view(&a, Language::Da, NumberStyle::Danish);
/// assert_eq!(v.summary.as_deref(), Some("0,10 kr. fordelt i øre efter største brøk (Hamilton)"));
/// let heads: Vec<&str> = v.table.columns.iter().map(|c| c.head.as_str()).collect();
/// assert_eq!(heads, ["id", "navn", "vægt", "andel %", "eksakt, kr.", "kr., i øre", "afrunding"]);
/// assert_eq!(v.table.rows[1].cells[5].text, "0,03");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn allocation_view(a: &Allocation, language: Language, style: NumberStyle) -> Section {
    let say = |m: Msg| language.text(m).to_string();
    let places = own(a.unit);
    let negative = a.total < Decimal::ZERO;
    let composed = a
        .parties
        .iter()
        .any(|p| matches!(p.basis, Basis::Blend | Basis::Nested { .. }));
    let inputs = if composed { None } else { input_weights(a) };
    let mut columns = vec![
        column("id", say(Msg::ColId), false),
        column("name", say(Msg::ColName), false),
    ];
    if !composed {
        // What the weights count: inhabitants in a year, when known.
        let head = match a.weights {
            Some(crate::key::WeightKind::Population { year }) => {
                language.say(Msg::ColPopulation, &[("year", &year.to_string())])
            }
            _ => say(Msg::ColWeight),
        };
        columns.push(column("weight", head, true));
    }
    if composed || inputs.is_some() {
        columns.push(column("key_weight", say(Msg::ColKeyWeight), true));
    }
    columns.push(column("share", say(Msg::ColShare), true));
    if a.money {
        columns.push(column("quota", say(Msg::ColQuotaMoney), true));
        let unit = unit_phrase(a, language, style);
        columns.push(column(
            "amount",
            language.say(Msg::ColAmount, &[("unit", &unit)]),
            true,
        ));
    } else {
        columns.push(column("quota", say(Msg::ColQuotaPlaces), true));
        columns.push(column("amount", say(Msg::ColPlaces), true));
    }
    columns.push(column("rounding", say(Msg::ColRounding), false));
    let rows: Vec<Row> = a
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut cells = vec![
                Cell::text(p.id.clone()),
                Cell::text(p.name.clone().unwrap_or_default()),
            ];
            if !composed {
                cells.push(match (&p.basis, &inputs) {
                    // Shown for reference, in brackets: it counts for nothing.
                    (Basis::Excluded { weight: Some(w) }, _) => Cell {
                        text: format!("({})", style.format(*w, own(*w))),
                        value: Some(plain(*w, own(*w))),
                    },
                    (Basis::Fixed { .. }, _) => Cell::text(say(Msg::FixedShare)),
                    (_, Some(input)) => match input.get(i).copied().flatten() {
                        Some(w) => Cell::number(style, w, own(w)),
                        None => Cell::text("—"),
                    },
                    _ => Cell::number(style, p.weight, own(p.weight)),
                });
            }
            if composed || inputs.is_some() {
                cells.push(Cell::number(style, p.weight, own(p.weight)));
            }
            cells.push(Cell::checked(
                style,
                p.share.checked_mul(Decimal::ONE_HUNDRED),
                4,
            ));
            cells.push(Cell::number(
                style,
                quota_amount(&p.quota, a.unit, negative, places + 4),
                places + 4,
            ));
            cells.push(Cell::number(style, p.amount, places));
            cells.push(Cell::text(rounding_word(a, i, language)));
            Row {
                id: p.id.clone(),
                cells,
                explanation: Some(sentence(a, i, language, style)),
            }
        })
        .collect();
    // An allocation read back from JSON may hold anything: sums are checked.
    let sum = checked_sum(a.parties.iter().map(|p| p.amount));
    let shares = checked_sum(a.parties.iter().map(|p| p.share))
        .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED));
    let weights = checked_sum(a.parties.iter().map(|p| p.weight));
    let mut total = vec![Cell::text(say(Msg::Total)), Cell::empty()];
    if !composed {
        let shown = match &inputs {
            Some(input) => checked_sum(input.iter().flatten().copied()),
            None => checked_sum(
                a.parties
                    .iter()
                    .filter(|p| !matches!(p.basis, Basis::Fixed { .. }))
                    .map(|p| p.weight),
            ),
        };
        let all_fixed = a
            .parties
            .iter()
            .all(|p| matches!(p.basis, Basis::Fixed { .. }));
        if all_fixed {
            // Fixed shares only (a cost split's parts): no weights to add up.
            total.push(Cell::empty());
        } else {
            // Every digit of the sum: 1,5 + 2 is 3,5, not 4.
            total.push(Cell::checked(style, shown, shown.map_or(0, own)));
        }
    }
    if composed || inputs.is_some() {
        total.push(Cell::checked(style, weights, weights.map_or(0, own)));
    }
    total.push(Cell::checked(style, shares, 4));
    total.push(Cell::empty());
    total.push(Cell::checked(style, sum, places));
    total.push(Cell::empty());
    let summary = if a.money {
        language.say(
            Msg::SummaryMoney,
            &[
                ("total", &style.format(a.total, places)),
                ("unit", &unit_phrase(a, language, style)),
                ("method", method_name(language, a.method)),
            ],
        )
    } else {
        language.say(
            Msg::SummaryPlaces,
            &[
                ("total", &style.format(a.total, places)),
                ("method", method_name(language, a.method)),
            ],
        )
    };
    let notes = a
        .ties
        .iter()
        .map(|t| {
            let names = |ids: &[String]| -> String {
                list(
                    language,
                    &ids.iter().map(|id| label_of(a, id)).collect::<Vec<_>>(),
                )
            };
            language.say(
                Msg::TieLine,
                &[
                    ("units", &tie_units(a, t.units, language, style)),
                    ("parties", &names(&t.parties)),
                    ("winners", &names(&t.winners)),
                    ("rule", &rule_name(language, t.decided_by.name())),
                ],
            )
        })
        .collect();
    Section {
        heading: None,
        summary: Some(summary),
        table: Table {
            columns,
            rows,
            total: Some(Row {
                id: String::new(),
                cells: total,
                explanation: None,
            }),
        },
        notes,
    }
}

/// What `units` contested units are: an amount of money, or places.
pub(crate) fn tie_units(
    a: &Allocation,
    units: u64,
    language: Language,
    style: NumberStyle,
) -> String {
    let value = Decimal::from(units).checked_mul(a.unit);
    match value {
        Some(v) => amount_phrase(a, v, language, style),
        None => units.to_string(),
    }
}

/// The rounding column: "op nr. 4", "deltager ikke", "ned nr. 2, stod lige".
fn rounding_word(a: &Allocation, i: usize, language: Language) -> String {
    use crate::Rounding as R;
    let Some(p) = a.parties.get(i) else {
        return String::new();
    };
    if matches!(p.basis, Basis::Excluded { .. }) {
        return language.text(Msg::Excluded).to_string();
    }
    let mut out = language
        .text(match p.rounding {
            R::Up => Msg::RoundedUp,
            R::Down => Msg::RoundedDown,
            R::Exact => Msg::RoundedExact,
            R::Minimum => Msg::HeldAtMinimum,
            R::Maximum => Msg::HeldAtMaximum,
        })
        .to_string();
    if let Some(r) = p.remainder_rank {
        out.push(' ');
        out += &language.say(Msg::Rank, &[("rank", &r.to_string())]);
    }
    if p.tie.is_some() {
        out.push_str(", ");
        out.push_str(language.text(Msg::Tied));
    }
    out
}

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

/// The sections of one scenario.
fn scenario_view(
    s: &ScenarioResult,
    actual_label: Option<&str>,
    language: Language,
    style: NumberStyle,
) -> ScenarioView {
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
                            &[
                                ("group", &label_of(&s.allocation, &g.id)),
                                ("units", &units),
                            ],
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
    if let Some(y) = &s.years {
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
        let notes = y
            .ties
            .iter()
            .map(|tie| {
                let cells: Vec<String> = tie
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}",
                            label_of(&s.allocation, &c.party),
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
    }
    if let Some(t) = &s.table {
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
    }
    if let Some(c) = &s.comparison {
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
    }
    if let Some(a) = &s.attainment {
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
    }
    ScenarioView {
        name: s.name.clone(),
        heading: language.say(Msg::Scenario, &[("name", &s.name)]),
        sections,
    }
}

/// A document's result as people see it, in `language` with numbers in
/// `style`.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{document_view, Language};
/// use andel_core::tabular::NumberStyle;
/// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
///   "assumptions": ["Et eksempel."], "scenarios": [{"name": "lav", "total": "0.03"}]}"#)?;
/// let v = document_view(&r, Language::Da, NumberStyle::Danish);
/// assert_eq!(v.scenarios[0].heading, "Scenarie »lav«");
/// let text = v.text();
/// assert!(text.contains("Forudsætninger:\n- Et eksempel.\n"), "{text}");
/// assert!(text.contains("0,03 kr. fordelt i øre"), "{text}");
/// let en = document_view(&r, Language::En, NumberStyle::Plain).text();
/// assert!(en.contains("Assumptions:") && en.contains("DKK 0.03 split to the øre"), "{en}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn document_view(r: &DocumentResult, language: Language, style: NumberStyle) -> View {
    View {
        language,
        title: r.title.clone(),
        note: r.note.clone(),
        assumptions_heading: language.text(Msg::Assumptions).to_string(),
        assumptions: r.assumptions.clone(),
        scenarios: r
            .scenarios
            .iter()
            .map(|s| scenario_view(s, r.actual_label.as_deref(), language, style))
            .collect(),
    }
}

impl Section {
    /// The section as text: heading, summary, the table, the notes.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.heading {
            out += h;
            out.push('\n');
        }
        if let Some(s) = &self.summary {
            out += s;
            out.push('\n');
        }
        let head: Vec<&str> = self.table.columns.iter().map(|c| c.head.as_str()).collect();
        let right: Vec<bool> = self.table.columns.iter().map(|c| c.numeric).collect();
        let rows: Vec<Vec<String>> = self
            .table
            .rows
            .iter()
            .chain(&self.table.total)
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect();
        out += &render_table(&head, &rows, &right);
        for n in &self.notes {
            out += n;
            out.push('\n');
        }
        out
    }

    /// The rows as CSV lines (heads, rows, total, notes), numbers as plain
    /// values with `dialect`'s decimal mark.
    fn csv(&self, w: &mut CsvWriter) {
        let head = self.table.columns.iter().map(|c| w.text(&c.head)).collect();
        w.row(head);
        for r in self.table.rows.iter().chain(&self.table.total) {
            let cells = r
                .cells
                .iter()
                .map(|c| match &c.value {
                    Some(v) => w.plain_number(v),
                    None => w.text(&c.text),
                })
                .collect();
            w.row(cells);
        }
        for n in &self.notes {
            let cell = w.text(n);
            w.row(vec![cell]);
        }
    }
}

impl View {
    /// The view as text for a terminal: the title underlined, the note,
    /// the assumptions, then every scenario's tables.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            out += &format!("{t}\n{}\n", "=".repeat(t.chars().count()));
        }
        if let Some(n) = &self.note {
            out += &format!("{n}\n");
        }
        if !self.assumptions.is_empty() {
            out += &format!("\n{}\n", self.assumptions_heading);
            for a in &self.assumptions {
                out += &format!("- {a}\n");
            }
        }
        for s in &self.scenarios {
            out += &format!("\n{}\n", s.heading);
            for section in &s.sections {
                out.push('\n');
                out += &section.text();
            }
        }
        out
    }

    /// The view as CSV for a spreadsheet, as it is on the screen: the
    /// title, note and assumptions first as `#` lines, then every table
    /// under a line with its scenario and heading, with the same heads
    /// and numbers in kroner (plain values, the dialect's decimal mark).
    /// [`Dialect::DanishExcel`] is what Excel in Danish opens.
    ///
    /// # Example
    /// ```
    /// use andel_core::document::compute_json;
    /// use andel_core::present::{document_view, Language};
    /// use andel_core::tabular::{Dialect, NumberStyle};
    /// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
    ///   "assumptions": ["Et eksempel."], "scenarios": [{"name": "lav", "total": "1000.00"}]}"#)?;
    /// let csv = document_view(&r, Language::Da, NumberStyle::Danish).to_csv(Dialect::DanishExcel);
    /// assert!(csv.starts_with("\u{feff}# Et eksempel.\n"), "{csv}");
    /// assert!(csv.contains("id;navn;vægt;andel %;eksakt, kr.;kr., i øre;afrunding\n"), "{csv}");
    /// assert!(csv.contains("A;;2;66,6667;666,666667;666,67;op nr. 1\n"), "{csv}");
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut w = CsvWriter::bare(dialect);
        for line in self.title.iter().chain(&self.note).chain(&self.assumptions) {
            w.comment(line);
        }
        // Then what made it: andel's version, the population's source.
        w.comment(&super::provenance(self.language));
        for s in &self.scenarios {
            for section in &s.sections {
                let mut caption = s.heading.clone();
                if let Some(h) = &section.heading {
                    caption = format!("{caption}, {}", h.trim_end_matches(':'));
                }
                if let Some(summary) = &section.summary {
                    caption = format!("{caption}: {summary}");
                }
                let cell = w.text(&caption);
                w.row(vec![cell]);
                section.csv(&mut w);
            }
        }
        w.finish()
    }
}

impl Section {
    /// The section alone as CSV (a split or apportionment of the command
    /// line), as on the screen: the summary as a `#` line, then the table.
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut w = CsvWriter::bare(dialect);
        for line in self.heading.iter().chain(&self.summary) {
            w.comment(line);
        }
        self.csv(&mut w);
        w.finish()
    }
}

/// The meeting as a whole for people ([`meeting_view`]): a title, a note
/// on what counts, and two tables (kroner by case with the totals, places
/// by case and programme).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    /// The language of every word in it.
    pub language: Language,
    /// "Mødet som helhed, pr. kommune".
    pub title: String,
    /// What counts and what is never added.
    pub note: String,
    /// Kroner, then places.
    pub sections: Vec<Section>,
}

/// The meeting's summary ([`crate::summary::summary`]) for people; `None`
/// when no document counts in it.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{meeting_view, Language};
/// use andel_core::summary::summary;
/// use andel_core::tabular::NumberStyle;
/// let r = compute_json(r#"{"version": 1, "summary": {"case": "9.9"},
///   "key": {"weights": [{"id": "851", "weight": 3}, {"id": "860", "weight": 1}]},
///   "scenarios": [{"name": "lav", "total": "100.00"}]}"#)?;
/// let v = meeting_view(&summary(&[r])?, Language::Da, NumberStyle::Danish).unwrap();
/// let text = v.text();
/// assert!(text.contains("Aalborg") && text.contains("75,00"), "{text}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn meeting_view(
    m: &crate::summary::MeetingSummary,
    language: Language,
    style: NumberStyle,
) -> Option<MeetingView> {
    use crate::summary::{SummaryTotal, SummaryUnit};
    if m.columns.is_empty() {
        return None;
    }
    let say = |msg: Msg| language.text(msg).to_string();
    let total_name = |t: &SummaryTotal| match t {
        SummaryTotal::All => say(Msg::Total),
        SummaryTotal::Lowest => say(Msg::MeetingTotalLowest),
        SummaryTotal::Highest => say(Msg::MeetingTotalHighest),
    };
    let mut sections = Vec::new();
    for (places, heading) in [(false, Msg::MeetingKroner), (true, Msg::MeetingPlaces)] {
        // Kroner to the øre in every column, places whole; "-": not in
        // that case's key.
        let show = |d: Option<Decimal>| match d {
            Some(d) => Cell::number(style, d, if places { 0 } else { 2 }),
            None => Cell::text("-"),
        };
        let columns: Vec<usize> = (0..m.columns.len())
            .filter(|&j| matches!(m.columns[j].unit, SummaryUnit::Places { .. }) == places)
            .collect();
        if columns.is_empty() {
            continue;
        }
        let mut head = vec![
            column("id", say(Msg::ColId), false),
            column("name", say(Msg::ColName), false),
        ];
        head.extend(
            columns
                .iter()
                .map(|&j| column(&format!("column_{j}"), m.columns[j].head.clone(), true)),
        );
        if !places {
            head.extend(m.totals.iter().map(|t| {
                let key = match t {
                    SummaryTotal::All => "total",
                    SummaryTotal::Lowest => "total_lowest",
                    SummaryTotal::Highest => "total_highest",
                };
                column(key, total_name(t), true)
            }));
        }
        let rows = m
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![Cell::text(r.id.clone()), Cell::text(r.name.clone())];
                cells.extend(
                    columns
                        .iter()
                        .map(|&j| show(r.cells.get(j).copied().flatten())),
                );
                if !places {
                    cells.extend(r.kroner.iter().map(|&k| show(Some(k))));
                }
                Row {
                    id: r.id.clone(),
                    cells,
                    explanation: None,
                }
            })
            .collect();
        let mut last = vec![Cell::text(say(Msg::Total)), Cell::empty()];
        last.extend(columns.iter().map(|&j| show(Some(m.columns[j].total))));
        let mut notes = Vec::new();
        if !places {
            last.extend(m.kroner.iter().map(|&k| show(Some(k))));
            for (t, adds) in m.totals.iter().zip(&m.adds) {
                let parts: Vec<String> = adds
                    .iter()
                    .filter_map(|&j| m.columns.get(j).map(|c| c.head.clone()))
                    .collect();
                notes.push(format!("{} = {}", total_name(t), parts.join(" + ")));
            }
        }
        sections.push(Section {
            heading: Some(say(heading)),
            summary: None,
            table: Table {
                columns: head,
                rows,
                total: Some(Row {
                    id: String::new(),
                    cells: last,
                    explanation: None,
                }),
            },
            notes,
        });
    }
    Some(MeetingView {
        language,
        title: say(Msg::MeetingTitle),
        note: say(Msg::MeetingNote),
        sections,
    })
}

impl MeetingView {
    /// The summary as text: the title underlined, the note, the tables.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n",
            self.title,
            "=".repeat(self.title.chars().count()),
            self.note
        );
        for section in &self.sections {
            out.push('\n');
            out += &section.text();
        }
        out
    }
}
