//! Explanations a person can repeat: why a party got what it got, with the
//! figures that go into it, from the allocation's own reasons (its share,
//! exact quota, rounding, remainder rank and ties). Never an internal scale
//! or a fraction of a rounding unit: money is said in kroner, places in
//! places.

use super::allocation::{allocation_view, few_names, input_weights, tie_units, Labels};
use super::{method_name, rule_name, Language, Msg};
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

/// What every party's sentence of one allocation says alike, worked out
/// once for the allocation, not once a party (a table of n parties is
/// O(n log n), not O(n²)): the weights as given before fixed shares scaled
/// them and their total, how many remainders were ranked ("af 11"), and
/// the parties' labels by id for the ties, and how often each party is in
/// its own tie's list (once, in an allocation andel made).
pub(crate) struct Facts<'a> {
    /// [`input_weights`]: the weights as given, with fixed shares.
    inputs: Option<Vec<Option<Decimal>>>,
    /// The weights' total the sentences divide by: the given weights'
    /// with fixed shares, else the key's.
    weight_total: Option<Decimal>,
    /// The parties with a remainder rank.
    ranked: usize,
    /// The labels, indexed when a tie first names its parties.
    labels: std::cell::OnceCell<Labels<'a>>,
    /// By party: how often its id is in its own tie's parties, counted
    /// when a tie first says how many others stood in it.
    in_own_tie: std::cell::OnceCell<Vec<usize>>,
    a: &'a Allocation,
}

impl<'a> Facts<'a> {
    /// `a`'s facts: O(n).
    pub(crate) fn of(a: &'a Allocation) -> Facts<'a> {
        #[cfg(test)]
        tests::FACTS_MADE.with(|c| c.set(c.get() + 1));
        let inputs = input_weights(a);
        let weight_total = match &inputs {
            Some(input) => checked_sum(input.iter().flatten().copied()),
            None => checked_sum(a.parties.iter().map(|q| q.weight)),
        };
        Facts {
            inputs,
            weight_total,
            ranked: a
                .parties
                .iter()
                .filter(|q| q.remainder_rank.is_some())
                .count(),
            labels: std::cell::OnceCell::new(),
            in_own_tie: std::cell::OnceCell::new(),
            a,
        }
    }

    /// The labels by id, indexed once.
    fn labels(&self) -> &Labels<'a> {
        self.labels
            .get_or_init(|| Labels::new(self.a, self.a.parties.len()))
    }

    /// The label of party `id` (its name, else its id).
    fn label(&self, id: &str) -> String {
        self.labels().of(id)
    }

    /// How many others stood in the tie of the party at `i`: its tie's
    /// parties but itself (O(log n) a tie's id, once for all parties; a
    /// count per party would be O(k²) for a tie of k).
    fn others_in_tie(&self, i: usize) -> usize {
        let a = self.a;
        let Some(t) = a.parties.get(i).and_then(|p| p.tie) else {
            return 0;
        };
        let in_own = self.in_own_tie.get_or_init(|| {
            let mut counts = vec![0; a.parties.len()];
            for (k, tie) in a.ties.iter().enumerate() {
                for id in &tie.parties {
                    let at = self.labels().position(id);
                    if let Some(j) = at.filter(|&j| a.parties[j].tie == Some(k)) {
                        counts[j] += 1;
                    }
                }
            }
            counts
        });
        let len = a.ties.get(t).map_or(0, |tie| tie.parties.len());
        len.saturating_sub(in_own.get(i).copied().unwrap_or(0))
    }
}

/// The sentence for the party at `i` of `a` (one party: for every party
/// of `a`, [`sentence_with`] and the facts worked out once).
pub(crate) fn sentence(a: &Allocation, i: usize, language: Language, style: NumberStyle) -> String {
    sentence_with(&Facts::of(a), a, i, language, style)
}

/// [`sentence`] with `a`'s facts worked out already.
pub(crate) fn sentence_with(
    facts: &Facts<'_>,
    a: &Allocation,
    i: usize,
    language: Language,
    style: NumberStyle,
) -> String {
    finish(body(facts, a, i, language, style))
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
fn body(
    facts: &Facts<'_>,
    a: &Allocation,
    i: usize,
    language: Language,
    style: NumberStyle,
) -> String {
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
    let mut out = basis_clause(facts, a, i, &name, language, style);
    out += &gives_clause(a, quota, places, language, style);
    out += &rounding_clause(facts, a, i, quota, &amount, language, style);
    out += &tie_clause(facts, a, i, language, style);
    out
}

/// What the party's share comes from: a fixed share, a blend, a group of a
/// nest, or its weight of the total (as given, before fixed shares scaled it).
fn basis_clause(
    facts: &Facts<'_>,
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
            let total = facts.weight_total;
            let (msg, weight) = match &facts.inputs {
                Some(input) => (Msg::ExWeightAfterFixed, input.get(i).copied().flatten()),
                None => (Msg::ExWeight, Some(p.weight)),
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
    facts: &Facts<'_>,
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
    let ranked = facts.ranked;
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
fn tie_clause(
    facts: &Facts<'_>,
    a: &Allocation,
    i: usize,
    language: Language,
    style: NumberStyle,
) -> String {
    let p = &a.parties[i];
    let Some(t) = p.tie.and_then(|t| a.ties.get(t)) else {
        return String::new();
    };
    // At most a few named, the rest counted: O(1) a party, not O(k).
    let others = few_names(
        t.parties.iter().filter(|x| **x != p.id),
        facts.others_in_tie(i),
        |id| facts.label(id),
        language,
        style,
    );
    let winners = few_names(
        t.winners.iter(),
        t.winners.len(),
        |id| facts.label(id),
        language,
        style,
    );
    language.say(
        Msg::ExTie,
        &[
            ("others", &others),
            ("units", &tie_units(a, t.units, language, style)),
            ("rule", &rule_name(language, t.decided_by.name())),
            ("winners", &winners),
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
            let facts = Facts::of(a);
            let mut text = label_prefix(label, language) + &body(&facts, a, i, language, style);
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

#[cfg(test)]
mod tests {
    //! The facts every sentence shares are worked out once per allocation
    //! (a table of n parties is O(n log n), not O(n²): issue 25's 172 s for
    //! 10⁵ parties), and sharing them changes no sentence.
    use super::*;
    use crate::{FixedShare, Key, SplitOptions};
    use proptest::prelude::*;

    thread_local! {
        /// How many times [`Facts::of`] ran on this thread.
        pub(super) static FACTS_MADE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    fn made() -> usize {
        FACTS_MADE.with(|c| c.get())
    }

    /// Parties of weight 1 each with the ids `ids`, splitting `ore` øre.
    fn equal(ids: &[String], ore: i64) -> Allocation {
        Key::from_weights(ids.iter().map(|i| (i.clone(), Decimal::ONE)))
            .and_then(|k| k.split(Decimal::new(ore, 2), &SplitOptions::default()))
            .unwrap()
    }

    /// A tie of 12 names five of the others and counts the rest, in both
    /// languages, in every explanation and in the note under the table.
    #[test]
    fn a_tie_of_twelve_names_five_and_counts_the_rest() {
        let ids: Vec<String> = "ABCDEFGHIJKL".chars().map(String::from).collect();
        // 1,03 kr. by 12 × 1: each 103/12 = 8,583333 øre (0,085833 kr.), a
        // share of 1/12 = 8,3333 %; 8 øre each is 96, so 7 øre are left and
        // all 12 remainders (0,583333 øre = 0,005833 kr.) are equal: a tie
        // of 12 for 7 øre, won by the first 7 in input order, A to G. L's
        // others are A to K (11: five named, 6 more), the winners 7 (five
        // named, 2 more).
        let a = equal(&ids, 103);
        assert_eq!(
            explain(&a, "L", Language::Da, NumberStyle::Danish).unwrap(),
            "L: 1 af 12 (8,3333 %) af 1,03 kr. giver 0,085833 kr.; rundet ned til 0,08 kr., \
             fordi resten 0,005833 kr. kun er den 12. største af 12; den stod lige med \
             A, B, C, D, E og 6 andre om 0,07 kr., og efter rækkefølgen (den først nævnte \
             først) fik A, B, C, D, E og 2 andre."
        );
        // A's others are B to L: it is not among those named.
        assert_eq!(
            explain(&a, "A", Language::En, NumberStyle::Plain).unwrap(),
            "A: 1 of 12 (8.3333 %) of DKK 1.03 gives DKK 0.085833; rounded up to DKK 0.09, \
             because the remainder DKK 0.005833 is the 1st largest of 12; it tied with \
             B, C, D, E, F and 6 others for DKK 0.07, and by input order (earlier first) \
             A, B, C, D, E and 2 others got it."
        );
        // The note under the table: 12 parties (five named, 7 more).
        let v = allocation_view(&a, Language::Da, NumberStyle::Danish);
        assert_eq!(
            v.notes,
            [
                "A, B, C, D, E og 7 andre stod lige om 0,07 kr.; efter rækkefølgen (den først \
              nævnte først) fik A, B, C, D, E og 2 andre"
            ]
        );
        let v = allocation_view(&a, Language::En, NumberStyle::Plain);
        assert_eq!(
            v.notes,
            [
                "A, B, C, D, E and 7 others tied for DKK 0.07; by input order (earlier first) \
              A, B, C, D, E and 2 others got it"
            ]
        );
        // 1,02 kr.: 6 øre left, 6 winners, one more than five: all named
        // (no shorter as "1 anden"); 12 in the tie still five and 7 more.
        let a = equal(&ids, 102);
        let v = allocation_view(&a, Language::Da, NumberStyle::Danish);
        assert_eq!(
            v.notes,
            [
                "A, B, C, D, E og 7 andre stod lige om 0,06 kr.; efter rækkefølgen (den først \
              nævnte først) fik A, B, C, D, E og F"
            ]
        );
    }

    /// A tie of 7 names all 6 others of each party (one more than five).
    #[test]
    fn six_others_are_all_named() {
        let ids: Vec<String> = "ABCDEFG".chars().map(String::from).collect();
        // 0,01 kr. by 7 × 1: each 1/7 øre, nothing whole; the øre goes to A.
        let a = equal(&ids, 1);
        let why = explain(&a, "D", Language::Da, NumberStyle::Danish).unwrap();
        assert!(
            why.ends_with(
                "; den stod lige med A, B, C, E, F og G om 0,01 kr., og efter \
                 rækkefølgen (den først nævnte først) fik A."
            ),
            "{why}"
        );
    }

    /// 10⁴ parties in one tie: every sentence is O(1), so the whole view
    /// (table text, explanations, notes) is linear in the parties, not
    /// quadratic (naming the 9.999 others made each explanation about 70 kB,
    /// 700 MB in all).
    #[test]
    fn a_tie_of_ten_thousand_gives_a_linear_view() {
        let n = 10_000;
        let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
        // 10.050,00 kr. by 10⁴ × 1: 100,5 øre each, 100 whole; 5.000 øre
        // left for 10⁴ equal remainders: p0 to p4999 win.
        let a = equal(&ids, 1_005_000);
        assert_eq!(a.ties.len(), 1);
        assert_eq!(
            (a.ties[0].parties.len(), a.ties[0].winners.len()),
            (n, 5_000)
        );
        let v = allocation_view(&a, Language::Da, NumberStyle::Danish);
        let explained: usize = v
            .table
            .rows
            .iter()
            .map(|r| r.explanation.as_ref().map_or(0, String::len))
            .sum();
        let notes: usize = v.notes.iter().map(String::len).sum();
        let bytes = v.text().len() + explained + notes;
        assert!(bytes < 500 * n, "{bytes} bytes for {n} parties");
        let why = v.table.rows[9_999].explanation.as_deref().unwrap();
        assert!(
            why.ends_with(
                "den stod lige med p0, p1, p2, p3, p4 og 9.994 andre om 50,00 kr., og \
                 efter rækkefølgen (den først nævnte først) fik p0, p1, p2, p3, p4 og 4.995 andre."
            ),
            "{why}"
        );
        assert!(
            v.notes[0].starts_with("p0, p1, p2, p3, p4 og 9.995 andre stod lige om 50,00 kr."),
            "{}",
            v.notes[0]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Weights 1..=4 (many equal, so ties) and an amount in øre: the
        /// view's sentences, made with the facts worked out once, are each
        /// party's sentence made alone; the rank count and the labels are
        /// a naive scan's.
        #[test]
        fn shared_facts_are_each_partys_own(
            weights in proptest::collection::vec(1u32..=4, 1..40),
            ore in 1i64..100_000,
            fixed in proptest::option::of(1u32..50),
        ) {
            let key = Key::from_weights(
                weights
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (format!("p{i}"), Decimal::from(*w))),
            )
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
            // A fixed share scales the others' weights: the "as given" path.
            let key = match fixed {
                Some(f) => key
                    .with_fixed(&[FixedShare { id: "fast".into(), name: None, share: Decimal::new(i64::from(f), 2) }])
                    .map_err(|e| TestCaseError::fail(e.to_string()))?,
                None => key,
            };
            let a = key
                .split(Decimal::new(ore, 2), &SplitOptions::default())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let before = made();
            let v = allocation_view(&a, Language::Da, NumberStyle::Danish);
            // Once for the whole table, not once a row.
            prop_assert_eq!(made() - before, 1);
            for (i, row) in v.table.rows.iter().enumerate() {
                let alone = explain(&a, &row.id, Language::Da, NumberStyle::Danish);
                prop_assert_eq!(row.explanation.as_deref(), alone.as_deref());
                prop_assert_eq!(row.explanation.clone(), Some(sentence(&a, i, Language::Da, NumberStyle::Danish)));
            }
            let facts = Facts::of(&a);
            let ranked = a.parties.iter().filter(|p| p.remainder_rank.is_some()).count();
            prop_assert_eq!(facts.ranked, ranked);
            for (i, p) in a.parties.iter().enumerate() {
                prop_assert_eq!(facts.label(&p.id), p.name.clone().unwrap_or_else(|| p.id.clone()));
                // The others of its tie: a scan of the tie's list.
                let others = p.tie.map_or(0, |t| a.ties[t].parties.iter().filter(|x| **x != p.id).count());
                prop_assert_eq!(facts.others_in_tie(i), others);
            }
            prop_assert_eq!(facts.label("nobody"), "nobody");
        }
    }
}
