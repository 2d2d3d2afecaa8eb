//! What an apportionment gives back: the units per party, the ties and the
//! boundary, and every party's reasons (quota, rounding step, remainder rank)
//! worked out when asked for, so that a meeting can check each place (cases
//! 2.9 and 2.12 of the minutes).

use super::boundary::Slot;
use super::divisor::Divisor;
use super::options::{Method, Options};
use super::problem::{Context, Problem, Scale};
use super::ties::DecidedBy;
use crate::exact::Quota;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What rounding did to one party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// The quota was whole: no rounding.
    Exact,
    /// Got less than its quota.
    Down,
    /// Got more than its quota.
    Up,
    /// Held up at its minimum (it would have had fewer).
    Minimum,
    /// Held down at its maximum (it would have had more).
    Maximum,
}

impl Rounding {
    /// Its name in documents and tables (`"up"`, `"minimum"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Rounding::Exact => "exact",
            Rounding::Down => "down",
            Rounding::Up => "up",
            Rounding::Minimum => "minimum",
            Rounding::Maximum => "maximum",
        }
    }
}

/// One party's result, with the reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyUnits {
    /// Units given.
    pub units: u64,
    /// The whole part of the exact quota, units × weight / total weight
    /// (for Hamilton with limits, the quota of the parties no limit holds,
    /// recomputed over the units the limits leave). See [`Apportionment::quota`].
    pub quota_whole: u64,
    /// The numerator of the quota's fractional part, over
    /// [`Apportionment::quota_denominator`].
    #[serde(with = "crate::exact::u128_text")]
    pub quota_remainder: u128,
    /// What rounding did.
    pub rounding: Rounding,
    /// Hamilton: the rank of this party's remainder among the parties
    /// rounded (1 = largest; of equal remainders, those the tie rule gave a
    /// unit first); `None` for whole quotas and limited parties.
    pub remainder_rank: Option<u32>,
    /// Whether this party was in the tie in [`Apportionment::ties`].
    pub tied: bool,
}

/// A tie: parties that stood exactly equal for `units` unit(s).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tie {
    /// The tied parties, by input index, in input order.
    pub parties: Vec<usize>,
    /// Those of them that got the contested unit(s).
    pub winners: Vec<usize>,
    /// How many units were contested.
    pub units: u64,
    /// The rule that decided: `order` or `priority`.
    pub decided_by: DecidedBy,
}

/// Divisor methods: which seat went last and which would come next; every
/// party's units are exactly its seats whose priority (weight / divisor) is
/// at least the last one's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boundary {
    /// (party index, seat number counted from 1) of the last seat given on
    /// priority, if any.
    pub last: Option<(usize, u64)>,
    /// (party index, seat number) of the seat that would be given next.
    pub next: Option<(usize, u64)>,
}

/// The result of [`super::apportion`]: units per party in input order, with reasons.
///
/// The units are kept; every party's reasons (quota, rounding step, remainder
/// rank, tie) are worked out when asked for ([`Apportionment::party`],
/// [`Apportionment::parties`], the JSON), from the weights at their common
/// scale and the few numbers the apportionment fixed (the scale of the
/// quotas, the last seat given, the ties). The result holds 24 bytes a party,
/// and an apportionment of 10^6 parties does not pay for 10^6 explanations
/// nobody reads.
#[derive(Clone, Debug)]
pub struct Apportionment {
    /// The method used.
    pub method: Method,
    /// The first divisor, for modified Sainte-Laguë.
    pub first_divisor: Option<Decimal>,
    /// Units apportioned.
    pub total: u64,
    /// Every tie met, in the order they were decided.
    pub ties: Vec<Tie>,
    /// Divisor methods: the last seat given and the next in line.
    pub boundary: Option<Boundary>,
    /// The denominator of every party's quota.
    pub quota_denominator: u128,
    /// The options used (method, limits, first divisor, tie rule).
    pub options: Options,
    pub(super) units: Vec<u64>,
    pub(super) why: Why,
}

/// What an [`Apportionment`] explains its parties from.
#[derive(Clone, Debug)]
pub(super) struct Why {
    /// The weights as whole numbers at one scale.
    pub(super) w: Scaled,
    pub(super) weight_total: u128,
    /// Minimums and maximums per party (empty without them).
    pub(super) lo: Vec<u64>,
    pub(super) hi: Vec<u64>,
    /// Quotas are `scale.a × weight / scale.b`.
    pub(super) scale: Scale,
    /// Whether any minimum or maximum holds.
    pub(super) limited: bool,
    /// Divisor methods: the sequence and the last seat given on priority.
    pub(super) divisor: Option<(Divisor, Option<Slot>)>,
    /// The parties of every tie, sorted.
    pub(super) tied: Vec<usize>,
    /// Hamilton: every party's remainder rank (0: none), worked out once,
    /// the first time one is asked for (it needs a sort of the remainders).
    pub(super) ranks: std::sync::OnceLock<Vec<u32>>,
}

/// Weights at one scale: 64-bit where every one fits, else 128-bit.
#[derive(Clone, Debug)]
pub(super) enum Scaled {
    Narrow(Vec<u64>),
    Wide(Vec<u128>),
}

impl Apportionment {
    /// The units per party, in input order.
    pub fn units(&self) -> &[u64] {
        &self.units
    }

    /// The units per party, in input order, without the explanation.
    pub fn into_units(self) -> Vec<u64> {
        self.units
    }

    /// The number of parties.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when there are no parties (never, for a result of [`super::apportion`]).
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Party i's exact quota.
    ///
    /// # Example
    /// ```
    /// use andel_core::{apportion, Options};
    /// use rust_decimal::Decimal;
    /// let r = apportion(&[Decimal::from(1), Decimal::from(2)], 1, &Options::default())?;
    /// assert_eq!(r.quota(0).map(|q| q.to_string()), Some("0 1/3".to_string()));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn quota(&self, i: usize) -> Option<Quota> {
        let s = self.why.scale;
        (i < self.units.len()).then(|| match &self.why.w {
            Scaled::Narrow(w) => self.problem(w).quota_of(s, i),
            Scaled::Wide(w) => self.problem(w).quota_of(s, i),
        })
    }

    /// Party i's result with its reasons.
    ///
    /// # Example
    /// ```
    /// use andel_core::{apportion, Options, Rounding};
    /// use rust_decimal::Decimal;
    /// let w: Vec<Decimal> = [5, 3, 2].map(Decimal::from).to_vec();
    /// // Quotas 3.5, 2.1, 1.4: the largest remainder (0.5) is rounded up.
    /// let p = apportion(&w, 7, &Options::default())?.party(0);
    /// let why = p.map(|p| (p.units, p.rounding, p.remainder_rank));
    /// assert_eq!(why, Some((4, Rounding::Up, Some(1))));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn party(&self, i: usize) -> Option<PartyUnits> {
        let units = *self.units.get(i)?;
        let rank = match self.why.divisor {
            Some(_) => None,
            None => self.ranks().get(i).and_then(|&r| (r > 0).then_some(r)),
        };
        Some(match &self.why.w {
            Scaled::Narrow(w) => self.problem(w).explain(&self.why, i, units, rank),
            Scaled::Wide(w) => self.problem(w).explain(&self.why, i, units, rank),
        })
    }

    /// Every party's result with its reasons, in input order.
    pub fn parties(&self) -> Vec<PartyUnits> {
        (0..self.units.len())
            .filter_map(|i| self.party(i))
            .collect()
    }

    /// The problem the result was solved from, to explain it with.
    fn problem<'a, W>(&'a self, w: &'a [W]) -> Problem<'a, W> {
        Problem {
            w,
            weight_total: self.why.weight_total,
            total: self.total,
            lo: &self.why.lo,
            hi: &self.why.hi,
            ctx: Context {
                ids: None,
                n: self.units.len(),
            },
            ties: &self.options.ties,
        }
    }

    /// Hamilton's remainder ranks: among the parties rounded (neither whole
    /// nor held by a limit), by remainder, largest first; of equal
    /// remainders, those the tie rule gave a unit first, then input order.
    /// Worked out once.
    fn ranks(&self) -> &[u32] {
        self.why.ranks.get_or_init(|| {
            let (s, limited) = (self.why.scale, self.why.limited);
            match &self.why.w {
                Scaled::Narrow(w) => self.problem(w).remainder_ranks(s, limited, &self.units),
                Scaled::Wide(w) => self.problem(w).remainder_ranks(s, limited, &self.units),
            }
        })
    }
}

impl PartialEq for Apportionment {
    fn eq(&self, other: &Self) -> bool {
        self.method == other.method
            && self.first_divisor == other.first_divisor
            && self.total == other.total
            && self.ties == other.ties
            && self.boundary == other.boundary
            && self.quota_denominator == other.quota_denominator
            && self.options == other.options
            && self.units == other.units
            && self.parties() == other.parties()
    }
}

impl Eq for Apportionment {}

/// The JSON of an [`Apportionment`]: its fields, every party explained.
#[derive(Serialize)]
pub(super) struct ApportionmentJson<'a> {
    pub(super) method: Method,
    pub(super) first_divisor: Option<Decimal>,
    pub(super) total: u64,
    pub(super) parties: Vec<PartyUnits>,
    pub(super) ties: &'a [Tie],
    pub(super) boundary: &'a Option<Boundary>,
    #[serde(with = "crate::exact::u128_text")]
    pub(super) quota_denominator: u128,
    pub(super) options: &'a Options,
}

impl Serialize for Apportionment {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        ApportionmentJson {
            method: self.method,
            first_divisor: self.first_divisor,
            total: self.total,
            parties: self.parties(),
            ties: &self.ties,
            boundary: &self.boundary,
            quota_denominator: self.quota_denominator,
            options: &self.options,
        }
        .serialize(s)
    }
}
