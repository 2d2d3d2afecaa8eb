//! One allocation as a section: a row per party with its weight, share, quota,
//! amount and rounding, a total row, the summary line and a note per tie. Every
//! case of the minutes is shown through it (2.8 kroner, 2.12 and 2.9 places).

use super::explain::{amount_phrase, sentence_with, Facts};
use super::view::{Cell, Column, Row, Section, Table};
use super::{list, method_name, rule_name, Language, Msg};
use crate::key::{quota_amount, Allocation, Basis};
use crate::number::format::{checked_sum, plain, NumberStyle};
use crate::util::sorted_map::Positions;
use rust_decimal::Decimal;

pub(super) fn column(key: &str, head: impl Into<String>, numeric: bool) -> Column {
    Column {
        key: key.to_string(),
        head: head.into(),
        numeric,
    }
}

/// The places a number shows: its own, without trailing zeros.
pub(super) fn own(d: Decimal) -> u32 {
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

/// The labels people know an allocation's parties by (a name, else the
/// id), its ids indexed once: a lookup is O(log n), not a scan, so naming
/// every party of a tie (or every group) stays O(n log n) in all.
pub(super) struct Labels<'a> {
    a: &'a Allocation,
    positions: Positions<'a>,
}

impl<'a> Labels<'a> {
    /// For `lookups` lookups among `a`'s parties (a few are scans).
    pub(super) fn new(a: &'a Allocation, lookups: usize) -> Labels<'a> {
        Labels {
            a,
            positions: Positions::new(a.parties.iter().map(|p| p.id.as_str()), lookups),
        }
    }

    /// The label of the (first) party `id`, else `id` itself.
    pub(super) fn of(&self, id: &str) -> String {
        self.positions
            .get(id)
            .and_then(|i| self.a.parties.get(i))
            .map(|p| p.name.clone().unwrap_or_else(|| p.id.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// The place of the (first) party `id` among `a`'s parties.
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id)
    }
}

/// How many of a tie's parties (or winners) a sentence names before it
/// counts the rest: a tie of k parties gives k explanations and a note of
/// O(1) size each, not O(k) (10⁴ equal weights made 20,9 s and 1,8 GB of
/// table). Every id stays in the result's data (JSON `ties`), and every
/// tied row says so in its rounding column.
pub(crate) const TIE_NAMED: usize = 5;

/// The labels of `ids` (`count` of them) as a sentence lists them: every
/// one up to [`TIE_NAMED`] + 1 (no longer than "1 anden"), else the first
/// [`TIE_NAMED`] and how many more: "A, B, C, D, E og 9.994 andre". Takes
/// only the ids it names from `ids`.
pub(super) fn few_names<'i>(
    ids: impl Iterator<Item = &'i String>,
    count: usize,
    label: impl Fn(&str) -> String,
    language: Language,
    style: NumberStyle,
) -> String {
    let named = if count > TIE_NAMED + 1 {
        TIE_NAMED
    } else {
        count
    };
    let mut items: Vec<String> = ids.take(named).map(|id| label(id)).collect();
    let rest = count.saturating_sub(items.len());
    if rest > 0 {
        let rest = style.format(Decimal::from(rest), 0);
        items.push(language.say(Msg::Others, &[("count", &rest)]));
    }
    list(language, &items)
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
    let shape = Shape::of(a);
    // What every row's sentence shares, worked out once for all rows.
    let facts = Facts::of(a);
    Section {
        heading: None,
        summary: Some(summary_line(a, shape.places, language, style)),
        table: Table {
            columns: columns(a, &shape, language, style),
            rows: (0..a.parties.len())
                .map(|i| party_row(a, i, &shape, &facts, language, style))
                .collect(),
            total: Some(Row {
                id: String::new(),
                cells: total_cells(a, &shape, language, style),
                explanation: None,
            }),
        },
        notes: tie_notes(a, language, style),
    }
}

/// Which weight columns an allocation's table has: a blend or a nest shows
/// only the key's weights; fixed shares show the weights as given beside
/// the key's scaled ones (`inputs`); `places` are the unit's decimals.
struct Shape {
    composed: bool,
    inputs: Option<Vec<Option<Decimal>>>,
    places: u32,
}

impl Shape {
    fn of(a: &Allocation) -> Shape {
        let composed = a
            .parties
            .iter()
            .any(|p| matches!(p.basis, Basis::Blend | Basis::Nested { .. }));
        let inputs = if composed { None } else { input_weights(a) };
        Shape {
            composed,
            inputs,
            places: own(a.unit),
        }
    }
}

/// The table's columns: id, name, the weights, share, quota, amount, rounding.
fn columns(a: &Allocation, shape: &Shape, language: Language, style: NumberStyle) -> Vec<Column> {
    let say = |m: Msg| language.text(m).to_string();
    let (composed, inputs) = (shape.composed, &shape.inputs);
    let mut columns = vec![
        column("id", say(Msg::ColId), false),
        column("name", say(Msg::ColName), false),
    ];
    if !composed {
        // What the weights count: inhabitants in a year, when known.
        let head = match a.weights {
            Some(crate::key::WeightKind::Population { year, ages }) => {
                let head = language.say(Msg::ColPopulation, &[("year", &year.to_string())]);
                match ages {
                    // Of some ages only (a population file): say which.
                    Some(ages) => format!("{head}, {}", super::notes::ages_text(ages, language)),
                    None => head,
                }
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
    columns
}

/// Party `i`'s row: its weights, share, quota, amount, rounding and why.
fn party_row(
    a: &Allocation,
    i: usize,
    shape: &Shape,
    facts: &Facts<'_>,
    language: Language,
    style: NumberStyle,
) -> Row {
    let say = |m: Msg| language.text(m).to_string();
    let (composed, inputs, places) = (shape.composed, &shape.inputs, shape.places);
    let negative = a.total < Decimal::ZERO;
    let p = &a.parties[i];
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
        explanation: Some(sentence_with(facts, a, i, language, style)),
    }
}

/// The total row: every column that adds up, added.
fn total_cells(a: &Allocation, shape: &Shape, language: Language, style: NumberStyle) -> Vec<Cell> {
    let say = |m: Msg| language.text(m).to_string();
    let (composed, inputs, places) = (shape.composed, &shape.inputs, shape.places);
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
    total
}

/// The line above the table: what was split, to which unit, by which method.
fn summary_line(a: &Allocation, places: u32, language: Language, style: NumberStyle) -> String {
    if a.money {
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
    }
}

/// A note per tie: the contested units, who stood equal, who won, and how
/// (at most [`TIE_NAMED`] of each named: [`few_names`]).
fn tie_notes(a: &Allocation, language: Language, style: NumberStyle) -> Vec<String> {
    if a.ties.is_empty() {
        return Vec::new();
    }
    let named = |n: usize| n.min(TIE_NAMED + 1);
    let lookups = a
        .ties
        .iter()
        .map(|t| named(t.parties.len()) + named(t.winners.len()))
        .sum();
    let labels = Labels::new(a, lookups);
    a.ties
        .iter()
        .map(|t| {
            let names = |ids: &[String]| -> String {
                few_names(ids.iter(), ids.len(), |id| labels.of(id), language, style)
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
        .collect()
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
