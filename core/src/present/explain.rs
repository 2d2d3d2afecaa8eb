//! Explanations a person can repeat: why a party got what it got, with the
//! figures that go into it, from the allocation's own reasons (its share,
//! exact quota, rounding, remainder rank and ties). Never an internal scale
//! or a fraction of a rounding unit: money is said in kroner, places in
//! places.

use super::allocation::{allocation_view, input_weights, tie_units};
use super::{list, method_name, rule_name, Language, Msg};
use crate::data;
use crate::document::{AllocationLabel, ScenarioResult};
use crate::error::{Error, Result};
use crate::key::{quota_amount, Allocation, Basis};
use crate::number::format::{checked_sum, NumberStyle};
use crate::Rounding;
use rust_decimal::Decimal;
use std::fmt;

/// An amount of this allocation's kind in words: "1.658.397,22 kr." or
/// "229 pladser".
pub(crate) fn amount_phrase(
    a: &Allocation,
    value: Decimal,
    language: Language,
    style: NumberStyle,
) -> String {
    let places = a.unit.normalize().scale();
    if a.money {
        language.say(Msg::Kroner, &[("amount", &style.format(value, places))])
    } else if value == Decimal::ONE {
        language.text(Msg::OnePlace).to_string()
    } else {
        language.say(
            Msg::Places,
            &[("count", &style.format(value, value.normalize().scale()))],
        )
    }
}

/// The sentence for the party at `i` of `a`.
pub(crate) fn sentence(a: &Allocation, i: usize, language: Language, style: NumberStyle) -> String {
    finish(body(a, i, language, style))
}

/// A sentence's full stop, unless it ends in one already ("… 25,00 kr.").
fn finish(mut text: String) -> String {
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// The sentence without its full stop: what the party's weight or share is,
/// what that gives exactly, how it was rounded, and any tie it stood in.
fn body(a: &Allocation, i: usize, language: Language, style: NumberStyle) -> String {
    let Some(p) = a.parties.get(i) else {
        return String::new();
    };
    let name = p.name.clone().unwrap_or_else(|| p.id.clone());
    let amount = amount_phrase(a, p.amount, language, style);
    if let Basis::Excluded { weight } = &p.basis {
        let w = weight.unwrap_or(p.weight);
        return language.say(
            Msg::ExExcluded,
            &[
                ("name", &name),
                ("weight", &style.format(w, w.normalize().scale())),
                ("amount", &amount),
            ],
        );
    }
    let places = a.unit.normalize().scale();
    let quota = quota_amount(&p.quota, a.unit, a.total < Decimal::ZERO, places + 4);
    let mut out = basis_clause(a, i, &name, language, style);
    out += &gives_clause(a, quota, places, language, style);
    out += &rounding_clause(a, i, quota, &amount, language, style);
    out += &tie_clause(a, i, language, style);
    out
}

/// What the party's share comes from: a fixed share, a blend, a group of a
/// nest, or its weight of the total (as given, before fixed shares scaled it).
fn basis_clause(
    a: &Allocation,
    i: usize,
    name: &str,
    language: Language,
    style: NumberStyle,
) -> String {
    let p = &a.parties[i];
    let name = name.to_string();
    let percent = |d: Decimal| style.checked(d.checked_mul(Decimal::ONE_HUNDRED), 4);
    match &p.basis {
        // Said whole by `body`: an excluded party gets nothing.
        Basis::Excluded { .. } => String::new(),
        Basis::Fixed { share } => {
            let shown = share
                .checked_mul(Decimal::ONE_HUNDRED)
                .map(|s| s.normalize());
            language.say(
                Msg::ExFixed,
                &[
                    ("name", &name),
                    (
                        "share",
                        &style.checked(shown, shown.map_or(0, |s| s.scale())),
                    ),
                ],
            )
        }
        Basis::Blend => language.say(
            Msg::ExBlend,
            &[("name", &name), ("share", &percent(p.share))],
        ),
        Basis::Nested { group } => language.say(
            Msg::ExNested,
            &[
                ("name", &name),
                ("share", &percent(p.share)),
                ("group", group),
            ],
        ),
        Basis::Weight => {
            // With fixed shares the others' weights were scaled: say them as given.
            let (msg, weight, total) = match input_weights(a) {
                Some(input) => (
                    Msg::ExWeightAfterFixed,
                    input.get(i).copied().flatten(),
                    checked_sum(input.iter().flatten().copied()),
                ),
                None => (
                    Msg::ExWeight,
                    Some(p.weight),
                    checked_sum(a.parties.iter().map(|q| q.weight)),
                ),
            };
            let show =
                |d: Option<Decimal>| style.checked(d, d.map_or(0, |d| d.normalize().scale()));
            let total_text = match a.weights {
                Some(crate::key::WeightKind::Population { .. }) => {
                    language.say(Msg::People, &[("count", &show(total))])
                }
                _ => show(total),
            };
            language.say(
                msg,
                &[
                    ("name", &name),
                    ("weight", &show(weight)),
                    ("total", &total_text),
                    ("share", &percent(p.share)),
                ],
            )
        }
    }
}

/// What the share gives exactly: the total and the party's exact quota.
fn gives_clause(
    a: &Allocation,
    quota: Decimal,
    places: u32,
    language: Language,
    style: NumberStyle,
) -> String {
    let quota_text = if a.money {
        language.say(Msg::Kroner, &[("amount", &style.format(quota, places + 4))])
    } else {
        language.say(Msg::Places, &[("count", &style.format(quota, places + 4))])
    };
    let total = amount_phrase(a, a.total, language, style);
    language.say(Msg::ExGives, &[("total", &total), ("quota", &quota_text)])
}

/// How the party's part was rounded and why: exact, up or down by its
/// remainder's rank, by the method, or held by a minimum or maximum.
fn rounding_clause(
    a: &Allocation,
    i: usize,
    quota: Decimal,
    amount: &str,
    language: Language,
    style: NumberStyle,
) -> String {
    let p = &a.parties[i];
    let places = a.unit.normalize().scale();
    // The remainder: the exact amount beyond the whole units below it.
    let floor = Decimal::from(p.quota.whole).checked_mul(a.unit);
    let rest = floor.and_then(|f| quota.abs().checked_sub(f));
    let rest_text = match rest {
        Some(r) if a.money => {
            language.say(Msg::Kroner, &[("amount", &style.format(r, places + 4))])
        }
        Some(r) => style.format(r, places + 4),
        None => "—".into(),
    };
    let ranked = a
        .parties
        .iter()
        .filter(|q| q.remainder_rank.is_some())
        .count();
    let rank = |r: u32| language.ordinal(u64::from(r));
    match (p.rounding, p.remainder_rank) {
        (Rounding::Exact, _) => language.say(Msg::ExExact, &[("amount", amount)]),
        (Rounding::Up, Some(r)) => language.say(
            Msg::ExUpRank,
            &[
                ("amount", amount),
                ("rest", &rest_text),
                ("rank", &rank(r)),
                ("count", &ranked.to_string()),
            ],
        ),
        (Rounding::Down, Some(r)) => language.say(
            Msg::ExDownRank,
            &[
                ("amount", amount),
                ("rest", &rest_text),
                ("rank", &rank(r)),
                ("count", &ranked.to_string()),
            ],
        ),
        // A year's cell, rounded with the others (controlled rounding).
        (Rounding::Up, None) if a.method == crate::Method::Hamilton => {
            language.say(Msg::ExUp, &[("amount", amount)])
        }
        (Rounding::Down, None) if a.method == crate::Method::Hamilton => {
            language.say(Msg::ExDown, &[("amount", amount)])
        }
        (Rounding::Up, None) => language.say(
            Msg::ExUpMethod,
            &[
                ("amount", amount),
                ("method", method_name(language, a.method)),
            ],
        ),
        (Rounding::Down, None) => language.say(
            Msg::ExDownMethod,
            &[
                ("amount", amount),
                ("method", method_name(language, a.method)),
            ],
        ),
        (Rounding::Minimum, _) => language.say(Msg::ExMinimum, &[("amount", amount)]),
        (Rounding::Maximum, _) => language.say(Msg::ExMaximum, &[("amount", amount)]),
    }
}

/// The tie the party stood in, if any: with whom, for what, and how it was settled.
fn tie_clause(a: &Allocation, i: usize, language: Language, style: NumberStyle) -> String {
    let p = &a.parties[i];
    let Some(t) = p.tie.and_then(|t| a.ties.get(t)) else {
        return String::new();
    };
    let names = |ids: &mut dyn Iterator<Item = &String>| -> String {
        let labels: Vec<String> = ids
            .map(|id| {
                a.get(id)
                    .map(|q| q.name.clone().unwrap_or_else(|| q.id.clone()))
                    .unwrap_or_else(|| id.clone())
            })
            .collect();
        list(language, &labels)
    };
    language.say(
        Msg::ExTie,
        &[
            (
                "others",
                &names(&mut t.parties.iter().filter(|x| **x != p.id)),
            ),
            ("units", &tie_units(a, t.units, language, style)),
            ("rule", &rule_name(language, t.decided_by.name())),
            ("winners", &names(&mut t.winners.iter())),
        ],
    )
}

/// Why the party `id` got what it got in `a`, one sentence: its weight and
/// share, what that gives exactly, and how it was rounded (and why), in
/// `language` with numbers in `style`. `None` when no party has that id.
///
/// # Example
/// ```
/// use andel_core::present::{explain, Language};
/// use andel_core::tabular::NumberStyle;
/// use andel_core::{Decimal, Key, SplitOptions};
/// let key = Key::from_weights([("A", 50), ("B", 27), ("C", 23)].map(|(i, w)| (i, Decimal::from(w))))?;
/// let a = key.split(Decimal::new(10, 2), &SplitOptions::default())?;
/// // 0,10 kr. is 10 øre: A 5 exactly, B 2,7 and C 2,3; the øre left goes to
/// // the larger remainder, B's.
/// assert_eq!(
///     explain(&a, "B", Language::Da, NumberStyle::Danish).as_deref(),
///     Some("B: 27 af 100 (27,0000 %) af 0,10 kr. giver 0,027000 kr.; rundet op til 0,03 kr., \
///           fordi resten 0,007000 kr. er den 1. største af 2.")
/// );
/// assert_eq!(
///     explain(&a, "C", Language::En, NumberStyle::Plain).as_deref(),
///     Some("C: 23 of 100 (23.0000 %) of DKK 0.10 gives DKK 0.023000; rounded down to DKK 0.02, \
///           because the remainder DKK 0.003000 is only the 2nd largest of 2.")
/// );
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn explain(a: &Allocation, id: &str, language: Language, style: NumberStyle) -> Option<String> {
    let i = a.parties.iter().position(|p| p.id == id)?;
    Some(sentence(a, i, language, style))
}

/// What an explanation adds before the party's sentence: which allocation
/// of the scenario it is ("del kommunerne: "); nothing for the main one.
pub fn label_prefix(label: &AllocationLabel<'_>, language: Language) -> String {
    match label {
        AllocationLabel::Main => String::new(),
        AllocationLabel::Group(g) => language.say(Msg::LabelGroup, &[("id", g)]),
        AllocationLabel::Part(p) => language.say(Msg::LabelPart, &[("id", p)]),
        AllocationLabel::Year(y) => language.say(Msg::LabelYear, &[("id", y)]),
        AllocationLabel::Compare(Some(l)) => language.say(Msg::LabelCompare, &[("label", l)]),
        AllocationLabel::Compare(None) => language.text(Msg::LabelCompareBare).to_string(),
    }
}

/// Why `who` (an id, or a municipality's code or name) got what it got in
/// the scenario `s`: one sentence for each allocation it is in (the main
/// one, a cost split's part, a group of a nesting, each year, the
/// comparison's other key), each but the main one's led by which it is
/// ("del kommunerne: ", "år 2: "). A year's sentence adds that the years
/// are rounded together. A party in none is an error at `field` that names
/// the closest municipalities where the parties are municipalities.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{explain_in_scenario, Language};
/// use andel_core::tabular::NumberStyle;
/// let r = compute_json(r#"{"version": 1, "parts": [
///     {"id": "municipalities", "share": "0.75", "key": {"weights": [{"id": "851", "weight": 3}, {"id": "860", "weight": 1}]}},
///     {"id": "region", "share": "0.25"}],
///   "scenarios": [{"name": "low", "total": "100.00"}]}"#)?;
/// let s = &r.scenarios[0];
/// let why = explain_in_scenario(s, "Aalborg", "party", Language::En, NumberStyle::Plain)?;
/// assert_eq!(why, ["part municipalities: 851: 3 of 4 (75.0000 %) of DKK 75.00 gives DKK 56.250000; that is exact, so it gets DKK 56.25."]);
/// let why = explain_in_scenario(s, "region", "party", Language::Da, NumberStyle::Danish)?;
/// assert!(why[0].ends_with("giver 25,000000 kr.; det går op, så den får 25,00 kr."), "{}", why[0]);
/// let e = explain_in_scenario(s, "Odense", "party", Language::Da, NumberStyle::Danish).unwrap_err();
/// assert_eq!((e.code(), e.field()), ("unknown_party", Some("party")));
/// let e = explain_in_scenario(s, "Aalborgg", "party", Language::Da, NumberStyle::Danish).unwrap_err();
/// assert!(e.to_string().contains("did you mean Aalborg"), "{e}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn explain_in_scenario(
    s: &ScenarioResult,
    who: &str,
    field: &str,
    language: Language,
    style: NumberStyle,
) -> Result<Vec<String>> {
    let code = data::municipality_exact(who).map(|m| m.code.as_str());
    let all = s.allocations();
    let lines: Vec<String> = all
        .iter()
        .filter_map(|(label, a)| {
            // By id, a municipality's name or code, or the name the table
            // shows ("Region Nordjylland" for the id "region").
            let by_name = || {
                let w = data::lower(who.trim());
                a.parties
                    .iter()
                    .find(|p| p.name.as_deref().is_some_and(|n| data::lower(n) == w))
                    .map(|p| p.id.as_str())
            };
            let id = if a.get(who).is_some() {
                who
            } else {
                code.filter(|c| a.get(c).is_some()).or_else(by_name)?
            };
            let i = a.parties.iter().position(|p| p.id == id)?;
            let mut text = label_prefix(label, language) + &body(a, i, language, style);
            if matches!(label, AllocationLabel::Year(_)) {
                text += language.text(Msg::ExYears);
            }
            Some(finish(text))
        })
        .collect();
    if !lines.is_empty() {
        return Ok(lines);
    }
    let ids: Vec<String> = all
        .iter()
        .flat_map(|(_, a)| a.parties.iter().map(|p| p.id.clone()))
        .collect();
    Err(data::find_party(&ids, who, field)
        .err()
        .unwrap_or_else(|| Error::UnknownParty {
            field: field.to_string(),
            id: who.to_string(),
        }))
}

impl Allocation {
    /// A table for people in Danish (the default [`Language`]): the summary
    /// line, a row per party with weight, share, exact amount, amount and
    /// what rounding did, the total and any tie. [`allocation_view`] gives
    /// it in either language, as data.
    ///
    /// # Example
    /// ```
    /// use andel_core::{tabular::NumberStyle, Decimal, Key, Options};
    /// let key = Key::from_weights([("A", 5), ("B", 3), ("C", 2)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let table = key.apportion(7, &Options::default())?.table(NumberStyle::Danish);
    /// assert!(table.starts_with("7 pladser fordelt efter største brøk (Hamilton)\n"), "{table}");
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn table(&self, style: NumberStyle) -> String {
        allocation_view(self, Language::default(), style).text()
    }

    /// One sentence in Danish, with Danish numbers, on why a party got what
    /// it got ([`explain`] in either language and style).
    pub fn explain(&self, id: &str) -> Option<String> {
        explain(self, id, Language::default(), NumberStyle::default())
    }
}

impl ScenarioResult {
    /// [`explain_in_scenario`] in Danish, with Danish numbers.
    pub fn explain(&self, who: &str, field: &str) -> Result<Vec<String>> {
        explain_in_scenario(
            self,
            who,
            field,
            Language::default(),
            NumberStyle::default(),
        )
    }
}

impl fmt::Display for Allocation {
    /// The Danish table with plain numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.table(NumberStyle::Plain))
    }
}
