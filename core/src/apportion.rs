//! Whole-unit apportionment: largest remainder and the divisor methods, with
//! minimums, maximums and explicit tie rules, in exact integer arithmetic.
//!
//! Every method runs in O(n log n) in the number of parties whatever the
//! number of units: a continuous solution (the divisor estimate) fixes all
//! parties held at a minimum or maximum and puts every other party within one
//! unit of its final count; a heap then moves the few units left over.

use crate::error::{quoted, Error, Result};
use crate::exact::{cmp_products, narrow_weights, scale_weights, Divide64, Quota, U256};
use crate::sort::{self, sift_down};
use crate::sorted_map::{first_repeat, Positions, SortedMap};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// An apportionment method.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Largest remainder with the Hare quota (Hamilton). The default.
    #[default]
    #[serde(alias = "largest_remainder", alias = "hare")]
    Hamilton,
    /// D'Hondt (Jefferson): divisors 1, 2, 3, … Favours large parties.
    #[serde(alias = "jefferson", alias = "d_hondt")]
    Dhondt,
    /// Sainte-Laguë (Webster): divisors 1, 3, 5, …
    #[serde(alias = "webster")]
    SainteLague,
    /// Modified Sainte-Laguë: divisors f, 3, 5, 7, … with first divisor f
    /// (1.4 unless `first_divisor` says otherwise; must be between 0 and 3).
    ModifiedSainteLague,
    /// Huntington-Hill: divisors √(k(k+1)); every party with weight gets a unit
    /// before any gets a second.
    HuntingtonHill,
    /// Adams: divisors 0, 1, 2, … Favours small parties.
    Adams,
    /// Dean: divisors 2k(k+1)/(2k+1), the harmonic mean of k and k+1.
    Dean,
}

impl Method {
    /// Every method, in the order of the documentation.
    pub const ALL: [Method; 7] = [
        Method::Hamilton,
        Method::Dhondt,
        Method::SainteLague,
        Method::ModifiedSainteLague,
        Method::HuntingtonHill,
        Method::Adams,
        Method::Dean,
    ];

    /// The method's canonical name (`"hamilton"`, `"dhondt"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Method::Hamilton => "hamilton",
            Method::Dhondt => "dhondt",
            Method::SainteLague => "sainte_lague",
            Method::ModifiedSainteLague => "modified_sainte_lague",
            Method::HuntingtonHill => "huntington_hill",
            Method::Adams => "adams",
            Method::Dean => "dean",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = Error;
    /// Parses a method name or alias.
    ///
    /// # Example
    /// ```
    /// use andel_core::Method;
    /// assert_eq!("webster".parse::<Method>()?, Method::SainteLague);
    /// assert_eq!("largest_remainder".parse::<Method>()?, Method::Hamilton);
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Method> {
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' ', '\''], "_");
        Ok(match norm.as_str() {
            "hamilton" | "largest_remainder" | "hare" => Method::Hamilton,
            "dhondt" | "d_hondt" | "jefferson" => Method::Dhondt,
            "sainte_lague" | "saintelague" | "webster" => Method::SainteLague,
            "modified_sainte_lague" => Method::ModifiedSainteLague,
            "huntington_hill" | "huntingtonhill" => Method::HuntingtonHill,
            "adams" => Method::Adams,
            "dean" => Method::Dean,
            _ => {
                return Err(Error::InvalidOption {
                    field: "method".into(),
                    message: format!(
                        "unknown method {}; use one of hamilton, dhondt, sainte_lague, \
                         modified_sainte_lague, huntington_hill, adams, dean \
                         (aliases: largest_remainder, jefferson, webster)",
                        quoted(s)
                    ),
                })
            }
        })
    }
}

/// A party named in an option: by its position in the input, or by its id.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PartyRef {
    /// Zero-based position in the input.
    Index(usize),
    /// The party's id (only where parties have ids, as in keys).
    Id(String),
}

/// A minimum or maximum number of units.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Limit {
    /// The same limit for every party.
    All(u64),
    /// One limit per party, in input order.
    Each(Vec<u64>),
    /// Limits for the parties named, by id; others are unlimited.
    ById(SortedMap<String, u64>),
}

/// What to do when parties stand exactly equal for the last unit(s).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieRule {
    /// The party earlier in the input wins (the default). Every tie is reported.
    #[default]
    Order,
    /// Fail with [`Error::Tie`].
    Error,
    /// The given order wins (a lot drawn by people): earlier in the list wins.
    /// Every tied party must be in the list.
    Priority(Vec<PartyRef>),
}

/// How to apportion: method, limits and tie rule.
///
/// # Example
/// ```
/// use andel_core::{apportion, Limit, Method, Options};
/// use rust_decimal::Decimal;
/// let options = Options { method: Method::Dhondt, minimum: Some(Limit::All(1)), ..Options::default() };
/// let r = apportion(&[Decimal::from(1000), Decimal::from(10)], 5, &options)?;
/// assert_eq!(r.units(), vec![4, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// The method; Hamilton unless given.
    pub method: Method,
    /// The fewest units each party gets.
    pub minimum: Option<Limit>,
    /// The most units each party gets.
    pub maximum: Option<Limit>,
    /// Modified Sainte-Laguë only: the first divisor (1.4 by default).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::optional_decimal_schema")
    )]
    pub first_divisor: Option<Decimal>,
    /// The tie rule; `order` by default.
    pub ties: TieRule,
}

impl Options {
    /// How many parties the options name by id or place (limits by id, a
    /// priority order): the lookups they need.
    pub(crate) fn parties_named(&self) -> usize {
        let by_id = |limit: &Option<Limit>| match limit {
            Some(Limit::ById(m)) => m.len(),
            _ => 0,
        };
        let priority = match &self.ties {
            TieRule::Priority(order) => order.len(),
            _ => 0,
        };
        by_id(&self.minimum) + by_id(&self.maximum) + priority
    }
}

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
    pub decided_by: String,
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

/// The result of [`apportion`]: units per party in input order, with reasons.
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
    units: Vec<u64>,
    why: Why,
}

/// What an [`Apportionment`] explains its parties from.
#[derive(Clone, Debug)]
struct Why {
    /// The weights as whole numbers at one scale.
    w: Scaled,
    weight_total: u128,
    /// Minimums and maximums per party (empty without them).
    lo: Vec<u64>,
    hi: Vec<u64>,
    /// Quotas are `scale.a × weight / scale.b`.
    scale: Scale,
    /// Whether any minimum or maximum holds.
    limited: bool,
    /// Divisor methods: the sequence and the last seat given on priority.
    divisor: Option<(Divisor, Option<Slot>)>,
    /// The parties of every tie, sorted.
    tied: Vec<usize>,
    /// Hamilton: every party's remainder rank (0: none), worked out once,
    /// the first time one is asked for (it needs a sort of the remainders).
    ranks: std::sync::OnceLock<Vec<u32>>,
}

/// Weights at one scale: 64-bit where every one fits, else 128-bit.
#[derive(Clone, Debug)]
enum Scaled {
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

    /// True when there are no parties (never, for a result of [`apportion`]).
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
struct ApportionmentJson<'a> {
    method: Method,
    first_divisor: Option<Decimal>,
    total: u64,
    parties: Vec<PartyUnits>,
    ties: &'a [Tie],
    boundary: &'a Option<Boundary>,
    #[serde(with = "crate::exact::u128_text")]
    quota_denominator: u128,
    options: &'a Options,
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

/// Apportions `total` whole units between parties in proportion to `weights`.
///
/// # Example
/// ```
/// use andel_core::{apportion, Method, Options};
/// use rust_decimal::Decimal;
/// let w: Vec<Decimal> = [5, 3, 2].map(Decimal::from).to_vec();
/// // Quotas 3.5, 2.1, 1.4: Hamilton rounds the largest remainder (0.5) up.
/// assert_eq!(apportion(&w, 7, &Options::default())?.units(), vec![4, 2, 1]);
/// // D'Hondt: priorities 5, 3, 2.5, 2, 1.67, 1.5, 1.25 …
/// let dhondt = Options { method: Method::Dhondt, ..Options::default() };
/// assert_eq!(apportion(&w, 7, &dhondt)?.units(), vec![4, 2, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn apportion(weights: &[Decimal], total: u64, options: &Options) -> Result<Apportionment> {
    apportion_named(weights, None, total, options)
}

/// [`apportion`] for parties with ids: limits and priority orders may name
/// parties by id, and errors name them.
pub fn apportion_named(
    weights: &[Decimal],
    ids: Option<&[String]>,
    total: u64,
    options: &Options,
) -> Result<Apportionment> {
    if weights.is_empty() {
        return Err(Error::NoParties {
            field: "weights".into(),
        });
    }
    if let Some(ids) = ids {
        if ids.len() != weights.len() {
            return Err(Error::LengthMismatch {
                field: "ids".into(),
                expected: weights.len(),
                found: ids.len(),
            });
        }
        for (i, id) in ids.iter().enumerate() {
            crate::error::check_id(id, &|| format!("ids[{i}]"))?;
        }
        // An id names one party: limits, priorities and errors by id
        // would otherwise be ambiguous.
        if let Some(i) = first_repeat(ids.len(), |i| ids[i].as_str()) {
            return Err(Error::DuplicateParty {
                field: format!("ids[{i}]"),
                id: ids[i].clone(),
            });
        }
    }
    // Weights at one scale as 64-bit integers where they fit (populations,
    // money, percentages), else as 128-bit ones: the engine reads either.
    let (w, weight_total, solution) = match narrow_weights(weights) {
        Some((w, weight_total)) => {
            let solution = solve(&w, weight_total, ids, total, options, |p, d| match d {
                None => p.hamilton(),
                Some(d) => p.divisor_method(d),
            })?;
            (Scaled::Narrow(w), weight_total, solution)
        }
        None => {
            let scaled = scale_weights(weights, "weights")?;
            let solution = solve(
                &scaled.w,
                scaled.total,
                ids,
                total,
                options,
                |p, d| match d {
                    None => p.hamilton(),
                    Some(d) => p.divisor_method(d),
                },
            )?;
            (Scaled::Wide(scaled.w), scaled.total, solution)
        }
    };
    let Solution {
        units,
        ties,
        boundary,
        scale,
        divisor,
        lo,
        hi,
    } = solution;
    let mut tied: Vec<usize> = ties
        .iter()
        .flat_map(|t| t.parties.iter().copied())
        .collect();
    sort::sort_unstable(&mut tied);
    tied.dedup();
    let limited = lo.iter().any(|&x| x > 0) || hi.iter().any(|&x| x != u64::MAX);
    Ok(Apportionment {
        method: options.method,
        first_divisor: match options.method {
            Method::ModifiedSainteLague => {
                Some(options.first_divisor.unwrap_or(Decimal::new(14, 1)))
            }
            _ => None,
        },
        total,
        ties,
        boundary,
        quota_denominator: scale.b,
        options: options.clone(),
        units,
        why: Why {
            w,
            weight_total,
            lo,
            hi,
            limited,
            scale,
            divisor,
            tied,
            ranks: std::sync::OnceLock::new(),
        },
    })
}

/// The engine under [`apportion_named`] and [`apportion_units`]: weights
/// already whole numbers at one scale.
fn solve<W: Copy + Into<u128>, T>(
    w: &[W],
    weight_total: u128,
    ids: Option<&[String]>,
    total: u64,
    options: &Options,
    run: impl FnOnce(&Problem<'_, W>, Option<&Divisor>) -> Result<T>,
) -> Result<T> {
    if weight_total == 0 {
        return Err(Error::ZeroTotalWeight {
            field: "weights".into(),
        });
    }
    // Limits by id and a priority order look ids up: indexed once.
    let lookups = options.parties_named();
    let positions = ids.map(|ids| Positions::new(ids.iter().map(String::as_str), lookups));
    let ctx = Context {
        ids: positions.as_ref(),
        n: w.len(),
    };
    let lo = ctx.limit(options.minimum.as_ref(), "minimum", 0)?;
    let hi = ctx.limit(options.maximum.as_ref(), "maximum", u64::MAX)?;
    // A priority order must name parties there are, each once, whether or
    // not a tie happens: a mistake in it is found when it is made.
    if let TieRule::Priority(order) = &options.ties {
        let mut seen = vec![false; ctx.n];
        for (p, r) in order.iter().enumerate() {
            let field = format!("ties.priority[{p}]");
            let i = ctx.index(r, &field)?;
            if std::mem::replace(&mut seen[i], true) {
                return Err(Error::DuplicateParty {
                    field,
                    id: ctx.name(i),
                });
            }
        }
    }
    let problem = Problem {
        w,
        weight_total,
        total,
        lo: &lo,
        hi: &hi,
        ctx,
        ties: &options.ties,
    };
    // Without limits (both empty) the minimums are 0 and some party with
    // weight is unlimited: nothing to check.
    if !(lo.is_empty() && hi.is_empty()) {
        check_limits(&problem, total)?;
    }
    let divisor = Divisor::new(options.method, options.first_divisor)?;
    if divisor.is_some() && total > MAX_DIVISOR_UNITS {
        return Err(Error::overflow(
            "total",
            format!(
                "divisor methods take at most {MAX_DIVISOR_UNITS} units; use hamilton for more"
            ),
        ));
    }
    run(&problem, divisor.as_ref())
}

/// Every minimum within its maximum, the minimums within the total and
/// the maximums reaching it.
fn check_limits<W: Copy + Into<u128>>(problem: &Problem<'_, W>, total: u64) -> Result<()> {
    let ctx = problem.ctx;
    let (mut sum_lo, mut sum_hi) = (0u128, 0u128);
    for i in 0..ctx.n {
        if problem.lo(i) > problem.hi.get(i).copied().unwrap_or(u64::MAX) {
            return Err(Error::Infeasible {
                field: format!("minimum[{i}]"),
                reason: format!(
                    "party {} has minimum {} above its maximum {}",
                    ctx.name(i),
                    problem.lo(i),
                    problem.hi(i)
                ),
            });
        }
        sum_lo += u128::from(problem.lo(i));
        sum_hi += u128::from(problem.hi(i));
    }
    if sum_lo > u128::from(total) {
        return Err(Error::Infeasible {
            field: "minimum".into(),
            reason: format!("the minimums add up to {sum_lo}, more than the {total} units"),
        });
    }
    if sum_hi < u128::from(total) {
        return Err(Error::Infeasible {
            field: "maximum".into(),
            reason: format!(
                "the maximums add up to {sum_hi}, fewer than the {total} units \
                 (a party with zero weight counts with its minimum)"
            ),
        });
    }
    Ok(())
}

/// Whole units only, from whole-number weights (populations, counts): the
/// entry for large inputs. The same units as [`apportion`] gives for the
/// same weights, options and tie rule, without the explanation (quotas,
/// remainder ranks), so without its memory: Hamilton without limits keeps
/// one 64-bit key a party beside the result and finds the units left over
/// by selection, not sorting, in O(n).
///
/// # Example
/// ```
/// use andel_core::{apportion_units, Method, Options};
/// let o = Options { method: Method::SainteLague, ..Options::default() };
/// assert_eq!(apportion_units(&[100_000, 80_000, 30_000, 20_000], 8, &o)?, vec![3, 3, 1, 1]);
/// assert_eq!(apportion_units(&[5, 3, 2], 7, &Options::default())?, vec![4, 2, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn apportion_units(weights: &[u64], total: u64, options: &Options) -> Result<Vec<u64>> {
    if weights.is_empty() {
        return Err(Error::NoParties {
            field: "weights".into(),
        });
    }
    let weight_total: u128 = weights.iter().map(|&x| u128::from(x)).sum();
    let plain = options.method == Method::Hamilton
        && options.minimum.is_none()
        && options.maximum.is_none()
        && options.first_divisor.is_none()
        && matches!(options.ties, TieRule::Order | TieRule::Error);
    if plain && weight_total > 0 {
        if let Some(units) = hamilton_units(weights, weight_total, total, &options.ties)? {
            return Ok(units);
        }
    }
    // The engine reads the u64 weights in place: no 128-bit copy.
    solve(
        weights,
        weight_total,
        None,
        total,
        options,
        |p, d| match d {
            None => Ok(p.hamilton()?.units),
            Some(d) => Ok(p.divisor_seats(d, false)?.k),
        },
    )
}

/// Hamilton without limits over whole weights: floors, then the units left
/// over to the largest remainders, equal remainders in input order. When a
/// remainder and an index fit one 64-bit key, those keys are selected
/// directly ([`hamilton_packed`]); otherwise the remainder that the last of
/// the units goes to is found by selection (64-bit values whatever the
/// number of parties) and one more pass gives a unit to every party above it
/// and to the first ones at it. Both O(n), 16 bytes a party. `None` when the
/// weight total passes 2^64: the caller takes the general path.
fn hamilton_units(
    w: &[u64],
    weight_total: u128,
    total: u64,
    ties: &TieRule,
) -> Result<Option<Vec<u64>>> {
    let Ok(wt) = u64::try_from(weight_total) else {
        return Ok(None);
    };
    let t = u128::from(total);
    let index_bits = u64::BITS - (w.len() as u64).leading_zeros();
    let rem_bits = u64::BITS - (wt - 1).leading_zeros();
    if index_bits + rem_bits <= 64 {
        return hamilton_packed(w, wt, total, ties, index_bits).map(Some);
    }
    let by_total = Divide64::new(wt);
    let remainder = |x: u64| -> (u64, u64) {
        let q = t * u128::from(x);
        match (u64::try_from(q), by_total) {
            (Ok(q), Some(by)) => by.div_rem(q),
            // q / wt ≤ total and q % wt < wt: both fit.
            _ => ((q / weight_total) as u64, (q % weight_total) as u64),
        }
    };
    let mut units = Vec::with_capacity(w.len());
    // The positive remainders, for the selection (recomputed below rather
    // than kept per party: a division is cheaper than 8 more bytes a party).
    let mut positive: Vec<u64> = Vec::with_capacity(w.len());
    let mut given: u128 = 0;
    for &x in w {
        let (f, r) = remainder(x);
        given += u128::from(f);
        units.push(f);
        if r > 0 {
            positive.push(r);
        }
    }
    let left = usize::try_from(t - given).unwrap_or(usize::MAX);
    if left == 0 {
        return Ok(Some(units));
    }
    if left > positive.len() {
        return Err(Error::internal(
            "total",
            "more units left than parties to round",
        ));
    }
    // The left-th largest remainder, selected in ascending order.
    let at_rank = positive.len() - left;
    let threshold = *sort::select_nth_unstable(&mut positive, at_rank);
    let above = positive.iter().filter(|&&r| r > threshold).count();
    let at = positive.iter().filter(|&&r| r == threshold).count();
    drop(positive);
    // Units for the parties at the threshold remainder, in input order.
    let mut at_threshold = left - above;
    if at > at_threshold && *ties == TieRule::Error {
        let group: Vec<String> = (0..w.len())
            .filter(|&i| remainder(w[i]).1 == threshold)
            .map(|i| format!("#{i}"))
            .collect();
        return Err(Error::Tie {
            parties: group,
            units: at_threshold as u64,
            reason: "the tie rule is 'error'".into(),
        });
    }
    for (u, &x) in units.iter_mut().zip(w) {
        let r = remainder(x).1;
        if r > threshold {
            *u += 1;
        } else if r == threshold && at_threshold > 0 {
            *u += 1;
            at_threshold -= 1;
        }
    }
    Ok(Some(units))
}

/// [`hamilton_units`] when a remainder and an index fit one 64-bit key
/// together (weight totals and party counts of populations do): the keys
/// (larger remainder first, then lower index) selected directly, one pass
/// fewer than the threshold path.
fn hamilton_packed(
    w: &[u64],
    wt: u64,
    total: u64,
    ties: &TieRule,
    index_bits: u32,
) -> Result<Vec<u64>> {
    let t = u128::from(total);
    let mut units = Vec::with_capacity(w.len());
    let mut keys: Vec<u64> = Vec::with_capacity(w.len());
    let mut given: u128 = 0;
    let max_rem = wt - 1;
    let by_total = Divide64::new(wt);
    for (i, &x) in w.iter().enumerate() {
        let q = t * u128::from(x);
        let (f, r) = match (u64::try_from(q), by_total) {
            (Ok(q), Some(by)) => by.div_rem(q),
            _ => ((q / u128::from(wt)) as u64, (q % u128::from(wt)) as u64),
        };
        given += u128::from(f);
        units.push(f);
        if r > 0 {
            keys.push(((max_rem - r) << index_bits) | i as u64);
        }
    }
    let left = usize::try_from(t - given).unwrap_or(usize::MAX);
    if left == 0 {
        return Ok(units);
    }
    if left > keys.len() {
        return Err(Error::internal(
            "total",
            "more units left than parties to round",
        ));
    }
    let mask = (1u64 << index_bits) - 1;
    let last = *sort::select_nth_unstable(&mut keys, left - 1);
    let rest = &keys[left..];
    let last_rank = last >> index_bits;
    if *ties == TieRule::Error && rest.iter().any(|&k| k >> index_bits == last_rank) {
        let mut group: Vec<u64> = keys
            .iter()
            .filter(|&&k| k >> index_bits == last_rank)
            .map(|&k| k & mask)
            .collect();
        sort::sort_unstable(&mut group);
        let won = keys[..left]
            .iter()
            .filter(|&&k| k >> index_bits == last_rank)
            .count();
        return Err(Error::Tie {
            parties: group.iter().map(|i| format!("#{i}")).collect(),
            units: won as u64,
            reason: "the tie rule is 'error'".into(),
        });
    }
    for &k in &keys[..left] {
        units[(k & mask) as usize] += 1;
    }
    Ok(units)
}

/// The most units a divisor method apportions (2^31): keeps every priority
/// comparison within 256 bits.
pub const MAX_DIVISOR_UNITS: u64 = 1 << 31;

#[derive(Clone, Copy)]
struct Context<'a> {
    ids: Option<&'a Positions<'a>>,
    n: usize,
}

impl Context<'_> {
    fn name(&self, i: usize) -> String {
        match self.ids.and_then(|ids| ids.id(i)) {
            Some(id) => id.to_string(),
            None => format!("#{i}"),
        }
    }

    fn index(&self, r: &PartyRef, field: &str) -> Result<usize> {
        match r {
            PartyRef::Index(i) if *i < self.n => Ok(*i),
            PartyRef::Index(i) => Err(Error::UnknownParty {
                field: field.into(),
                id: format!("#{i}"),
            }),
            PartyRef::Id(id) => {
                self.ids
                    .and_then(|ids| ids.get(id))
                    .ok_or_else(|| Error::UnknownParty {
                        field: field.into(),
                        id: id.clone(),
                    })
            }
        }
    }

    fn limit(&self, limit: Option<&Limit>, field: &str, default: u64) -> Result<Vec<u64>> {
        let Some(limit) = limit else {
            return Ok(Vec::new()); // no limit: see Problem::lo and Problem::hi
        };
        let mut out = vec![default; self.n];
        match Some(limit) {
            None => {}
            Some(Limit::All(x)) => out.fill(*x),
            Some(Limit::Each(v)) => {
                if v.len() != self.n {
                    return Err(Error::LengthMismatch {
                        field: field.into(),
                        expected: self.n,
                        found: v.len(),
                    });
                }
                out.copy_from_slice(v);
            }
            Some(Limit::ById(m)) => {
                for (id, x) in m {
                    let i = self.index(&PartyRef::Id(id.clone()), &format!("{field}.{id}"))?;
                    out[i] = *x;
                }
            }
        }
        Ok(out)
    }
}

/// Parties from which a divisor method's aim is refined on a sample first.
const SAMPLE_FROM: usize = 1 << 16;
/// How many parties that sample holds,
const SAMPLE_SIZE: usize = 1 << 14;
/// in this many runs of consecutive parties.
const SAMPLE_RUNS: usize = 64;

/// A divisor sequence d(k), k = 0, 1, 2, … (the divisor for a party's
/// (k+1)-th unit), as exact integers.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Divisor {
    /// k + 1
    Dhondt,
    /// 2k + 1
    SainteLague,
    /// first (scaled), then (2k + 1) · scale
    Modified { first: u128, scale: u128 },
    /// √(k(k+1)): compared through squares
    HuntingtonHill,
    /// k
    Adams,
    /// 2k(k+1) / (2k+1)
    Dean,
}

impl Divisor {
    pub(crate) fn new(method: Method, first: Option<Decimal>) -> Result<Option<Divisor>> {
        if first.is_some() && method != Method::ModifiedSainteLague {
            return Err(Error::InvalidOption {
                field: "first_divisor".into(),
                message: format!(
                    "first_divisor applies only to modified_sainte_lague, not {method}"
                ),
            });
        }
        Ok(Some(match method {
            Method::Hamilton => return Ok(None),
            Method::Dhondt => Divisor::Dhondt,
            Method::SainteLague => Divisor::SainteLague,
            Method::HuntingtonHill => Divisor::HuntingtonHill,
            Method::Adams => Divisor::Adams,
            Method::Dean => Divisor::Dean,
            Method::ModifiedSainteLague => {
                let f = first.unwrap_or(Decimal::new(14, 1)).normalize();
                if f <= Decimal::ZERO || f >= Decimal::from(3) {
                    return Err(Error::InvalidOption {
                        field: "first_divisor".into(),
                        message: format!(
                            "first divisor {f} must be above 0 and below 3 (the second divisor)"
                        ),
                    });
                }
                if f.scale() > 9 {
                    return Err(Error::InvalidOption {
                        field: "first_divisor".into(),
                        message: format!("first divisor {f} has more than 9 decimal places"),
                    });
                }
                let scale = crate::exact::pow10(f.scale())
                    .ok_or_else(|| Error::overflow("first_divisor", "too many decimal places"))?;
                Divisor::Modified {
                    first: f.mantissa().unsigned_abs(),
                    scale,
                }
            }
        }))
    }

    /// How many seats k ≥ 0 have d(k) ≤ q = num/den (priority w/d(k) at
    /// least the divisor λ = w/q), exactly; `cap` or more comes back as
    /// `cap`. `None` only for a zero denominator.
    #[inline(always)]
    fn count(self, num: U256, den: u128, cap: u64) -> Option<u64> {
        self.count_by(num, den, Self::small_divisor(den), cap)
    }

    /// `den` ready for [`Divisor::count_small`], when it is below 2^63:
    /// made once for the many counts over one denominator.
    fn small_divisor(den: u128) -> Option<Divide64> {
        u64::try_from(den)
            .ok()
            .filter(|&d| d >> 63 == 0)
            .and_then(Divide64::new)
    }

    /// [`Divisor::count`] with `by` = [`Divisor::small_divisor`]`(den)`.
    #[inline(always)]
    fn count_by(self, num: U256, den: u128, by: Option<Divide64>, cap: u64) -> Option<u64> {
        match (num.to_u128(), by) {
            (Some(n), Some(by)) if n >> 63 == 0 => Some(self.count_small(n as u64, by, cap)),
            _ => self.count_large(num, den, cap),
        }
    }

    /// [`Divisor::count`] beyond 2^63.
    #[inline(never)]
    fn count_large(self, num: U256, den: u128, cap: u64) -> Option<u64> {
        match num.to_u128().and_then(|n| self.count_narrow(n, den, cap)) {
            Some(c) => Some(c),
            None => self.count_wide(num, den, cap),
        }
    }

    /// [`Divisor::count`] in 256-bit arithmetic, for any numerator.
    fn count_wide(self, num: U256, den: u128, cap: u64) -> Option<u64> {
        let (f, r) = num.div_rem(den)?;
        let f = match f.to_u128() {
            Some(f) if f < u128::from(cap) => f,
            _ => return Some(cap),
        };
        // q ≥ f + ½ ⇔ 2r ≥ den
        let half_up = u128::from(r >= den - r);
        let c = match self {
            Divisor::Dhondt => f,
            Divisor::SainteLague => f + half_up,
            Divisor::Modified { first, scale } => {
                // d(0) = first/2 ≤ q ⇔ first·den ≤ 2·scale·num (the 1, 3, 5 …
                // divisors halved, like the k + ½ used for the rest)
                let first_in = match num.to_u128().and_then(|n| n.checked_mul(2 * scale)) {
                    // The common case in 128 bits: a left side beyond them
                    // is above the right.
                    Some(rhs) => first.checked_mul(den).is_some_and(|lhs| lhs <= rhs),
                    None => num
                        .checked_mul_u128(2 * scale)
                        .is_none_or(|rhs| U256::mul(first, den) <= rhs),
                };
                u128::from(first_in) + (f + half_up).saturating_sub(1)
            }
            Divisor::Adams => f + 1,
            Divisor::HuntingtonHill => {
                // √(f(f+1)) ≤ q ⇔ 2f·r·den + r² ≥ f·den²
                let x = U256::mul(2 * f, r);
                let y = U256::mul(f, den);
                let seat = if x >= y {
                    true
                } else {
                    y.checked_sub(x)
                        .and_then(|z| z.checked_mul_u128(den))
                        .is_some_and(|z| U256::mul(r, r) >= z)
                };
                f + u128::from(seat)
            }
            Divisor::Dean => {
                // 2f(f+1)/(2f+1) ≤ q ⇔ 2f(f+1)·den ≤ num·(2f+1)
                let lhs = U256::mul(2 * f * (f + 1), den);
                let seat = num.checked_mul_u128(2 * f + 1).is_none_or(|rhs| lhs <= rhs);
                f + u128::from(seat)
            }
        };
        Some(u64::try_from(c).unwrap_or(cap).min(cap))
    }

    /// [`Divisor::count`] for a numerator and a denominator below 2^63
    /// (populations times units over their total): every product below is
    /// of two numbers under 2^64 and stays under 2^127, one multiplication
    /// each. `den` is positive.
    #[inline(always)]
    fn count_small(self, num: u64, by: Divide64, cap: u64) -> u64 {
        let den = by.divisor();
        let (f, r) = by.div_rem(num);
        if f >= cap {
            return cap;
        }
        let wide = u128::from;
        // f·den ≤ num < 2^63 and f < 2^63 below.
        let c = match self {
            Divisor::Dhondt => f,
            Divisor::SainteLague => f + u64::from(r >= den - r),
            Divisor::Modified { first, scale } => {
                // first < 3·10^9 and 2·scale ≤ 2·10^9: both under 2^32.
                let first_in = first * wide(den) <= wide(num) * (2 * scale);
                u64::from(first_in) + (f + u64::from(r >= den - r)).saturating_sub(1)
            }
            Divisor::Adams => f + 1,
            Divisor::HuntingtonHill => {
                // √(f(f+1)) ≤ num/den ⇔ f·den·(f·den + den) ≤ num²
                let fd = f * den;
                f + u64::from(wide(fd) * wide(fd + den) <= wide(num) * wide(num))
            }
            Divisor::Dean => {
                // 2f(f+1)/(2f+1) ≤ num/den ⇔ f·den·(2f+2) ≤ num·(2f+1)
                let fd = f * den;
                f + u64::from(wide(fd) * wide(2 * f + 2) <= wide(num) * wide(2 * f + 1))
            }
        };
        c.min(cap)
    }

    /// [`Divisor::count`] in 128-bit arithmetic, for the common case (a
    /// numerator below 2^128 and no intermediate product beyond it); `None`
    /// where something would not fit, for the general path to decide.
    #[inline]
    fn count_narrow(self, num: u128, den: u128, cap: u64) -> Option<u64> {
        if den == 0 {
            return None;
        }
        let (f, r) = match (u64::try_from(num), u64::try_from(den)) {
            (Ok(x), Ok(y)) => (u128::from(x / y), u128::from(x % y)),
            _ => (num / den, num % den),
        };
        if f >= u128::from(cap) {
            return Some(cap);
        }
        let half_up = u128::from(r >= den - r);
        let c = match self {
            Divisor::Dhondt => f,
            Divisor::SainteLague => f + half_up,
            Divisor::Modified { first, scale } => {
                let first_in = first.checked_mul(den)? <= num.checked_mul(2 * scale)?;
                u128::from(first_in) + (f + half_up).saturating_sub(1)
            }
            Divisor::Adams => f + 1,
            Divisor::HuntingtonHill => {
                // As in `count`: 2f·r·den + r² ≥ f·den²
                let x = (2 * f).checked_mul(r)?;
                let y = f.checked_mul(den)?;
                let seat = x >= y || r.checked_mul(r)? >= (y - x).checked_mul(den)?;
                f + u128::from(seat)
            }
            Divisor::Dean => {
                let lhs = (2 * f).checked_mul(f + 1)?.checked_mul(den)?;
                let seat = lhs <= num.checked_mul(2 * f + 1)?;
                f + u128::from(seat)
            }
        };
        Some(u64::try_from(c).unwrap_or(cap).min(cap))
    }

    /// d(k) as numerator and denominator (not for Huntington-Hill).
    #[inline]
    pub(crate) fn nd(self, k: u64) -> (u128, u128) {
        let k = u128::from(k);
        match self {
            Divisor::Dhondt => (k + 1, 1),
            Divisor::SainteLague => (2 * k + 1, 1),
            Divisor::Modified { first, scale } => {
                if k == 0 {
                    (first, 1)
                } else {
                    ((2 * k + 1) * scale, 1)
                }
            }
            Divisor::Adams => (k, 1),
            Divisor::Dean => (2 * k * (k + 1), 2 * k + 1),
            Divisor::HuntingtonHill => (0, 1),
        }
    }

    /// Compares the priorities wi / d(ki) and wj / d(kj) exactly. A zero
    /// divisor gives an infinite priority (for a positive weight); two of
    /// them compare as the limit of w/ε does, by weight.
    #[inline(always)]
    fn cmp(self, wi: u128, ki: u64, wj: u128, kj: u64) -> Ordering {
        // The common cases inline, in 128 bits without overflow: units are
        // at most 2^31 (MAX_DIVISOR_UNITS; so 2k + 1 ≤ 2^32 + 1 and
        // 2k(k+1) < 2^64) and a modified first divisor's scale is at most
        // 10^9 < 2^30. With weights below 2^64: D'Hondt, Sainte-Laguë,
        // modified Sainte-Laguë and Adams (w·d < 2^64 · 2^62); below 2^32:
        // Huntington-Hill (w²·k(k+1) < 2^64 · 2^63) and Dean
        // (w·(2k+1)·2k(k+1) < 2^64 · 2^64). Two zero divisors (both first
        // seats of a zero-first method) are ordered by weight in
        // `cmp_general`.
        if let (Ok(a), Ok(b)) = (u64::try_from(wi), u64::try_from(wj)) {
            // Each product below is of two numbers under 2^64: one widening
            // multiplication.
            let m = |x: u64, y: u64| u128::from(x) * u128::from(y);
            let narrow = (a | b) >> 32 == 0;
            match self {
                Divisor::Dhondt => return m(a, kj + 1).cmp(&m(b, ki + 1)),
                Divisor::SainteLague => return m(a, 2 * kj + 1).cmp(&m(b, 2 * ki + 1)),
                Divisor::Modified { first, scale } => {
                    // first < 3·10^9 and (2k+1)·scale < 2^33 · 10^9 < 2^64
                    let d = |k: u64| {
                        if k == 0 {
                            first as u64
                        } else {
                            (2 * k + 1) * scale as u64
                        }
                    };
                    return m(a, d(kj)).cmp(&m(b, d(ki)));
                }
                Divisor::Adams if ki | kj != 0 => return m(a, kj).cmp(&m(b, ki)),
                Divisor::HuntingtonHill if narrow && ki | kj != 0 => {
                    return m(a * a, kj * (kj + 1)).cmp(&m(b * b, ki * (ki + 1)));
                }
                Divisor::Dean if narrow && ki | kj != 0 => {
                    // wi / (2ki(ki+1)/(2ki+1)) vs wj / (2kj(kj+1)/(2kj+1));
                    // a·(2k+1) ≤ (2^32 − 1)(2^32 + 1) < 2^64
                    let l = m(a * (2 * ki + 1), 2 * kj * (kj + 1));
                    let r = m(b * (2 * kj + 1), 2 * ki * (ki + 1));
                    return l.cmp(&r);
                }
                _ => {}
            }
        }
        self.cmp_general(wi, ki, wj, kj)
    }

    /// [`Divisor::cmp`] for every method and weight.
    #[inline(never)]
    fn cmp_general(self, wi: u128, ki: u64, wj: u128, kj: u64) -> Ordering {
        let zero_first = matches!(
            self,
            Divisor::Adams | Divisor::Dean | Divisor::HuntingtonHill
        );
        if zero_first && ki == 0 && kj == 0 {
            return wi.cmp(&wj);
        }
        if let Divisor::HuntingtonHill = self {
            // wi / √(ki(ki+1)) vs wj / √(kj(kj+1))  ⇔  wi² kj(kj+1) vs wj² ki(ki+1)
            let pi = u128::from(ki) * (u128::from(ki) + 1);
            let pj = u128::from(kj) * (u128::from(kj) + 1);
            if let (Some(si), Some(sj)) = (wi.checked_mul(wi), wj.checked_mul(wj)) {
                return cmp_products(si, pj, sj, pi);
            }
            // Weights stay below 2^96 and units below 2^31: both fit.
            let l = U256::mul(wi, wi).checked_mul_u128(pj);
            let r = U256::mul(wj, wj).checked_mul_u128(pi);
            return l.cmp(&r);
        }
        let (ni, di) = self.nd(ki);
        let (nj, dj) = self.nd(kj);
        // wi / (ni/di) vs wj / (nj/dj)  ⇔  wi·di·nj vs wj·dj·ni
        cmp_products(wi, di * nj, wj, dj * ni)
    }
}

struct Problem<'a, W = u128> {
    w: &'a [W],
    weight_total: u128,
    total: u64,
    lo: &'a [u64],
    hi: &'a [u64],
    ctx: Context<'a>,
    ties: &'a TieRule,
}

/// What solving fixed: the units, and what they are explained from.
struct Solution {
    units: Vec<u64>,
    ties: Vec<Tie>,
    boundary: Option<Boundary>,
    /// Quotas are `scale.a × weight / scale.b`.
    scale: Scale,
    /// Divisor methods: the sequence and the last seat given on priority.
    divisor: Option<(Divisor, Option<Slot>)>,
    lo: Vec<u64>,
    hi: Vec<u64>,
}

/// The scale μ = a / b of the continuous solution: party i's continuous
/// allocation is clamp(μ·wᵢ, loᵢ, hiᵢ).
#[derive(Clone, Copy, Debug)]
struct Scale {
    a: u128,
    b: u128,
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Party i's weight (the weights are u128, or u64 from `apportion_units`).
    #[inline]
    fn weight(&self, i: usize) -> u128 {
        self.w[i].into()
    }

    /// Party i's minimum (0 when there are no minimums).
    fn lo(&self, i: usize) -> u64 {
        self.lo.get(i).copied().unwrap_or(0)
    }

    /// Party i's maximum: unlimited when there are no maximums; a party
    /// with zero weight never gets more than its minimum.
    fn hi(&self, i: usize) -> u64 {
        if self.weight(i) == 0 {
            self.lo(i)
        } else {
            self.hi.get(i).copied().unwrap_or(u64::MAX)
        }
    }

    fn limited(&self) -> bool {
        self.lo.iter().any(|&x| x > 0) || self.hi.iter().any(|&x| x != u64::MAX)
    }

    fn overflow(&self) -> Error {
        Error::overflow("total", "units × weight does not fit exact arithmetic")
    }

    /// μ·wᵢ as an exact quota: in 64- or 128-bit division where the
    /// product fits, else in 256 bits.
    #[inline]
    fn quota(&self, s: Scale, i: usize) -> Result<Quota> {
        let w = self.weight(i);
        if let (Some(q), true) = (s.a.checked_mul(w), s.b > 0) {
            let (whole, remainder) = match (u64::try_from(q), u64::try_from(s.b)) {
                (Ok(q), Ok(b)) => (u128::from(q / b), u128::from(q % b)),
                _ => (q / s.b, q % s.b),
            };
            if let Ok(whole) = u64::try_from(whole) {
                return Ok(Quota {
                    whole,
                    remainder,
                    denominator: s.b,
                });
            }
        }
        Quota::new(U256::mul(s.a, w), s.b).ok_or_else(|| self.overflow())
    }

    /// [`Problem::quota`] of a result already solved, where every quota was
    /// computed once (Hamilton) or is bounded (divisor methods: at most
    /// 2^31 units × a 96-bit weight); the zero quota is never reached.
    fn quota_of(&self, s: Scale, i: usize) -> Quota {
        self.quota(s, i).unwrap_or(Quota {
            whole: 0,
            remainder: 0,
            denominator: s.b,
        })
    }

    /// Finds μ with Σ clamp(μ·wᵢ, loᵢ, hiᵢ) = target, by a sweep over the
    /// sorted breakpoints loᵢ/wᵢ and hiᵢ/wᵢ: O(n log n).
    fn scale_for(&self, target: u64) -> Result<Scale> {
        if !self.limited() {
            return Ok(Scale {
                a: u128::from(target),
                b: self.weight_total,
            });
        }
        // (breakpoint numerator, party, becomes free (true) or fixed at hi)
        let mut events: Vec<(u64, usize, bool)> = Vec::new();
        let mut c: u128 = 0; // units held by fixed parties
        let mut slope: u128 = 0; // weight of free parties
        for i in 0..self.ctx.n {
            if self.weight(i) == 0 {
                c += u128::from(self.lo(i));
                continue;
            }
            if self.lo(i) > 0 {
                c += u128::from(self.lo(i));
                events.push((self.lo(i), i, true));
            } else {
                slope += self.weight(i);
            }
            if self.hi(i) != u64::MAX {
                events.push((self.hi(i), i, false));
            }
        }
        let target = u128::from(target);
        if c >= target {
            return Ok(Scale { a: 0, b: 1 });
        }
        let w = |i: usize| self.weight(i);
        // x/wi vs y/wj ⇔ x·wj vs y·wi; at equal points, release before fixing.
        sort::sort_unstable_by(&mut events, |&(x, i, fi), &(y, j, fj)| {
            cmp_products(u128::from(x), w(j), u128::from(y), w(i)).then(fj.cmp(&fi))
        });
        for &(x, i, free) in &events {
            // f at μ = x/wi is c + x·slope/wi; stop once it reaches the target.
            let f_num = U256::mul(c, w(i)).checked_add(U256::mul(u128::from(x), slope));
            if slope > 0 && f_num.is_some_and(|f| f >= U256::mul(target, w(i))) {
                break;
            }
            if free {
                c -= u128::from(self.lo(i));
                slope += w(i);
            } else {
                c += u128::from(self.hi(i));
                slope -= w(i);
            }
        }
        if slope == 0 || c > target {
            return Err(Error::Infeasible {
                field: "maximum".into(),
                reason: "the limits leave no way to place every unit".into(),
            });
        }
        Ok(Scale {
            a: target - c,
            b: slope,
        })
    }

    /// Where party i stands against its limits at scale s.
    fn clamp(&self, s: Scale, i: usize) -> Option<Rounding> {
        let q = U256::mul(s.a, self.weight(i));
        if self.weight(i) == 0 || q < U256::mul(u128::from(self.lo(i)), s.b) {
            (self.lo(i) > 0 || self.weight(i) == 0).then_some(Rounding::Minimum)
        } else if self.hi(i) != u64::MAX && q > U256::mul(u128::from(self.hi(i)), s.b) {
            Some(Rounding::Maximum)
        } else {
            None
        }
    }

    /// Largest remainder: every party the whole part of its quota (or its
    /// limit), then the units left over to the largest remainders among the
    /// parties rounded, equal remainders at the boundary decided by the tie
    /// rule. The units left over are found by selection, not sorting: O(n).
    /// The remainder ranks are worked out only when asked for
    /// ([`Apportionment::party`]).
    fn hamilton(&self) -> Result<Solution> {
        let s = self.scale_for(self.total)?;
        let n = self.ctx.n;
        let max_rem = s.b.saturating_sub(1);
        let index_bits = u64::BITS - (n as u64).saturating_sub(1).leading_zeros();
        let rem_bits = u128::BITS - max_rem.leading_zeros();
        if index_bits + rem_bits <= 64 {
            // Remainder and index in one 64-bit key (populations, money).
            let mask = (1u64 << index_bits) - 1;
            self.hamilton_keyed(
                s,
                |r, i| ((max_rem - r) as u64) << index_bits | i as u64,
                |k| k >> index_bits,
                |k| (k & mask) as usize,
            )
        } else {
            self.hamilton_keyed(s, |r, i| (max_rem - r, i), |k| k.0, |k| k.1)
        }
    }

    /// [`Problem::hamilton`] over keys that order the parties to round,
    /// larger remainder first, then lower index: `key(remainder, index)`,
    /// with `level` equal for equal remainders and `index` the party.
    fn hamilton_keyed<K: Ord + Copy, L: Eq>(
        &self,
        s: Scale,
        key: impl Fn(u128, usize) -> K,
        level: impl Fn(K) -> L,
        index: impl Fn(K) -> usize,
    ) -> Result<Solution> {
        let limited = self.limited();
        let n = self.ctx.n;
        let mut units = Vec::with_capacity(n);
        let mut given: u128 = 0;
        let mut keys: Vec<K> = Vec::with_capacity(n);
        // a × (weight total) within 64 bits: every quota in one 64-bit
        // division (no weight exceeds the total).
        let narrow = match (u64::try_from(s.a), u64::try_from(s.b)) {
            (Ok(a), Ok(b))
                if b > 0
                    && s.a
                        .checked_mul(self.weight_total)
                        .is_some_and(|x| x <= u128::from(u64::MAX)) =>
            {
                Divide64::new(b).map(|by| (a, by))
            }
            _ => None,
        };
        for i in 0..n {
            let quota = match narrow {
                Some((a, by)) => {
                    // Fits: weight(i) ≤ weight_total and a × weight_total < 2^64.
                    let (whole, remainder) = by.div_rem(a * self.weight(i) as u64);
                    Quota {
                        whole,
                        remainder: u128::from(remainder),
                        denominator: s.b,
                    }
                }
                None => self.quota(s, i)?,
            };
            let bound = if limited { self.clamp(s, i) } else { None };
            let u = match bound {
                Some(Rounding::Minimum) => self.lo(i),
                Some(_) => self.hi(i),
                None => {
                    if !quota.is_whole() {
                        keys.push(key(quota.remainder, i));
                    }
                    quota.whole
                }
            };
            given += u128::from(u);
            units.push(u);
        }
        let left = usize::try_from(u128::from(self.total).saturating_sub(given))
            .map_err(|_| self.overflow())?;
        if left > keys.len() {
            return Err(Error::internal(
                "total",
                "more units left than parties to round",
            ));
        }
        let mut ties = Vec::new();
        if left > 0 {
            let last = level(*sort::select_nth_unstable(&mut keys, left - 1));
            let (top, rest) = keys.split_at(left);
            if rest.iter().any(|&k| level(k) == last) {
                // Equal remainders across the boundary: the tie rule, not
                // the input order, decides within the group.
                let mut group: Vec<usize> = keys
                    .iter()
                    .filter(|&&k| level(k) == last)
                    .map(|&k| index(k))
                    .collect();
                sort::sort_unstable(&mut group);
                let won = top.iter().filter(|&&k| level(k) == last).count();
                for &k in top.iter().filter(|&&k| level(k) != last) {
                    units[index(k)] += 1;
                }
                ties.push(self.settle(group, won, &mut units)?);
            } else {
                for &k in top {
                    units[index(k)] += 1;
                }
            }
        }
        Ok(Solution {
            units,
            ties,
            boundary: None,
            scale: s,
            divisor: None,
            lo: self.lo.to_vec(),
            hi: self.hi.to_vec(),
        })
    }

    /// Hamilton's remainder ranks at scale s, 0 for the parties not
    /// rounded: one sort of the remainders.
    fn remainder_ranks(&self, s: Scale, limited: bool, units: &[u64]) -> Vec<u32> {
        let n = self.ctx.n;
        let mut rem = Vec::with_capacity(n);
        let mut free: Vec<u64> = Vec::new();
        for i in 0..n {
            let q = self.quota_of(s, i);
            rem.push(q.remainder);
            if !(q.is_whole() || limited && self.clamp(s, i).is_some()) {
                free.push(i as u64);
            }
        }
        sort_by_remainder(&mut free, s.b, |i| rem[i as usize]);
        // Among equal remainders (a tie), those the tie rule gave a unit
        // rank first, so that the ranks read in the order units were given.
        let up = |i: u64| {
            units
                .get(i as usize)
                .is_some_and(|&k| k > self.quota_of(s, i as usize).whole)
        };
        let mut start = 0;
        while start < free.len() {
            let r = rem[free[start] as usize];
            let end = start
                + free[start..]
                    .iter()
                    .take_while(|&&i| rem[i as usize] == r)
                    .count();
            let run = &mut free[start..end];
            if run.len() > 1 {
                let (mut first, rest): (Vec<u64>, Vec<u64>) = run.iter().partition(|&&i| up(i));
                first.extend(rest);
                run.copy_from_slice(&first);
            }
            start = end;
        }
        drop(rem);
        let mut ranks = vec![0u32; n];
        for (rank, &i) in free.iter().enumerate() {
            ranks[i as usize] = u32::try_from(rank + 1).unwrap_or(u32::MAX);
        }
        ranks
    }

    /// Party i's reasons, from what the apportionment fixed.
    fn explain(&self, why: &Why, i: usize, units: u64, rank: Option<u32>) -> PartyUnits {
        let s = why.scale;
        let quota = self.quota_of(s, i);
        let rounding = match &why.divisor {
            None => match if why.limited { self.clamp(s, i) } else { None } {
                // A weight-0 party at minimum 0 is simply exact.
                Some(Rounding::Minimum) if self.lo(i) == 0 => Rounding::Exact,
                Some(bound) => bound,
                None if quota.is_whole() => Rounding::Exact,
                None if units > quota.whole => Rounding::Up,
                None => Rounding::Down,
            },
            Some((d, last)) => self.divisor_rounding(d, last.as_ref(), i, units),
        };
        PartyUnits {
            units,
            quota_whole: quota.whole,
            quota_remainder: quota.remainder,
            rounding,
            remainder_rank: rank,
            tied: why.tied.binary_search(&i).is_ok(),
        }
    }

    fn rule_name(&self) -> String {
        match self.ties {
            TieRule::Order => "order".into(),
            TieRule::Error => "error".into(),
            TieRule::Priority(_) => "priority".into(),
        }
    }

    /// A tie settled: `won` contested units to members of `group` (sorted,
    /// holding none of them yet in `units`), chosen by the tie rule, and
    /// the tie as reported.
    fn settle(&self, group: Vec<usize>, won: usize, units: &mut [u64]) -> Result<Tie> {
        let chosen = self.decide(&group, won)?;
        for &i in &chosen {
            units[i] += 1;
        }
        Ok(Tie {
            parties: group,
            winners: sorted(chosen),
            units: won as u64,
            decided_by: self.rule_name(),
        })
    }

    /// Picks `k` winners from a tied group by the tie rule.
    fn decide(&self, group: &[usize], k: usize) -> Result<Vec<usize>> {
        let tie_error = |reason: String| Error::Tie {
            parties: sorted(group.to_vec())
                .into_iter()
                .map(|i| self.ctx.name(i))
                .collect(),
            units: k as u64,
            reason,
        };
        let mut ranked: Vec<(usize, usize)> = match self.ties {
            TieRule::Order => group.iter().map(|&i| (i, i)).collect(),
            TieRule::Error => return Err(tie_error("the tie rule is 'error'".into())),
            TieRule::Priority(order) => {
                // Party -> its first place in the order (the map keeps the
                // last of a repeated key, so the places go in backwards).
                let mut places = Vec::with_capacity(order.len());
                for (p, r) in order.iter().enumerate() {
                    places.push((self.ctx.index(r, &format!("ties.priority[{p}]"))?, p));
                }
                let pos: SortedMap<usize, usize> = places.into_iter().rev().collect();
                let missing: Vec<String> = group
                    .iter()
                    .filter(|i| !pos.contains_key(i))
                    .map(|&i| self.ctx.name(i))
                    .collect();
                if !missing.is_empty() {
                    return Err(tie_error(format!(
                        "the priority order does not name {}",
                        missing.join(", ")
                    )));
                }
                group
                    .iter()
                    .filter_map(|&i| pos.get(&i).map(|&p| (p, i)))
                    .collect()
            }
        };
        sort::sort_unstable(&mut ranked);
        Ok(ranked.into_iter().take(k).map(|(_, i)| i).collect())
    }

    /// The target whose scale gives about `total` units by the counts of
    /// a sample of the parties spread over the input, scaled to the whole
    /// by weight: a few secant steps from `target`, each O(sample). Only
    /// the speed of [`Problem::divisor_seats`] depends on it, never the seats.
    fn aim_on_sample(&self, d: &Divisor, target: u64, cap: &dyn Fn(u128) -> u64) -> Result<u64> {
        let n = self.ctx.n;
        // Runs of consecutive parties spread evenly over the input (read
        // in cache lines, not one party a line).
        let sample = || {
            (0..SAMPLE_RUNS).flat_map(move |b| {
                let start = b * n / SAMPLE_RUNS;
                start..start + SAMPLE_SIZE / SAMPLE_RUNS
            })
        };
        let stride = n / SAMPLE_SIZE;
        let sample_weight: u128 = sample().map(|i| self.weight(i)).sum();
        if sample_weight == 0 {
            return Ok(target);
        }
        // Units the whole would get at this target, as the sample says: the
        // target plus the sample's excess over its quotas (Σc·W − aim·Ws, in
        // units of 1/W) scaled by n/m. Counting excess rather than scaling
        // counts by weight keeps the sample's weight out of the noise.
        let sampled = SAMPLE_SIZE as u128;
        let predict = |aim: u64| -> Result<u128> {
            let mut units: u128 = 0;
            for i in sample() {
                if self.weight(i) > 0 {
                    let num = U256::mul(u128::from(aim), self.weight(i));
                    let c = d
                        .count(num, self.weight_total, self.total)
                        .ok_or_else(|| self.overflow())?;
                    units += u128::from(c);
                }
            }
            let counted = U256::mul(units, self.weight_total);
            let quotas = U256::mul(u128::from(aim), sample_weight);
            let scaled = |x: U256| {
                x.checked_mul_u128(n as u128)
                    .and_then(|x| x.div_rem(self.weight_total))
                    .and_then(|(x, _)| x.div_rem(sampled))
                    .and_then(|(x, _)| x.to_u128())
            };
            let aim = u128::from(aim);
            let predicted = if counted >= quotas {
                counted
                    .checked_sub(quotas)
                    .and_then(scaled)
                    .and_then(|x| aim.checked_add(x))
            } else {
                quotas
                    .checked_sub(counted)
                    .and_then(scaled)
                    .map(|x| aim.saturating_sub(x))
            };
            predicted.ok_or_else(|| self.overflow())
        };
        let total = u128::from(self.total);
        // What the sample cannot tell apart: each sampled party's count is off
        // its quota by less than a unit, by about 0.29 of one around its mean
        // (rounding a uniform fraction), which the scaling multiplies by the
        // stride: about 0.29·stride·√m over m sampled parties. Within twice
        // that the target is as good as the sample can tell, and is kept.
        let noise = stride as u128 * sampled.isqrt() * 2 / 3;
        let mut aim = target;
        let mut predicted = predict(aim)?;
        for _ in 0..4 {
            let off = predicted.abs_diff(total);
            if off <= noise {
                break;
            }
            let next = if predicted > total {
                cap(u128::from(aim).saturating_sub(off))
            } else {
                cap(u128::from(aim) + off)
            };
            let then = predict(next)?;
            if then.abs_diff(total) >= off {
                break;
            }
            (aim, predicted) = (next, then);
        }
        Ok(aim)
    }

    /// Calls `f` for each of the `count` heaviest parties with weight (the
    /// earlier party first among equal weights), in no particular order:
    /// one selection, O(n). Selected on packed keys (weight, then the index
    /// inverted so that the earlier party is the larger key) read in order;
    /// indexes compared through the weights only where the two do not fit
    /// 128 bits.
    fn for_heaviest(&self, count: usize, mut f: impl FnMut(usize)) {
        let n = self.ctx.n;
        let Some(at) = count.checked_sub(1) else {
            return;
        };
        let index_bits = usize::BITS - n.leading_zeros();
        let heaviest = (0..n).map(|i| self.weight(i)).max().unwrap_or(0);
        let weight_bits = u128::BITS - heaviest.leading_zeros();
        let mask = (1u128 << index_bits) - 1;
        let pack = |i: usize| (self.weight(i) << index_bits) | (mask - i as u128);
        let positive_parties = (0..n).filter(|&i| self.weight(i) > 0);
        if weight_bits + index_bits <= 64 {
            let mut keys: Vec<u64> = positive_parties.map(|i| pack(i) as u64).collect();
            if at < keys.len() {
                sort::select_nth_unstable_by(&mut keys, at, |a, b| b.cmp(a));
            }
            for &key in keys.iter().take(count) {
                f((mask - (u128::from(key) & mask)) as usize);
            }
        } else if weight_bits + index_bits <= 128 {
            let mut keys: Vec<u128> = positive_parties.map(pack).collect();
            if at < keys.len() {
                sort::select_nth_unstable_by(&mut keys, at, |a, b| b.cmp(a));
            }
            for &key in keys.iter().take(count) {
                f((mask - (key & mask)) as usize);
            }
        } else {
            let mut order: Vec<usize> = positive_parties.collect();
            if at < order.len() {
                sort::select_nth_unstable_by(&mut order, at, |&a, &b| {
                    self.weight(b).cmp(&self.weight(a)).then(a.cmp(&b))
                });
            }
            for &i in order.iter().take(count) {
                f(i);
            }
        }
    }

    /// A divisor method's seats (ties decided by the rule), without the
    /// explanation: what [`apportion_units`] needs. With `report` false (units
    /// only), no limits and the tie rule `order`, the boundary seats are not
    /// looked for: the correction already takes equal priorities in input
    /// order (giving to the earlier party, taking from the later), which is
    /// what the rule decides, and nobody asks for the report.
    fn divisor_seats(&self, d: &Divisor, report: bool) -> Result<Seated> {
        let n = self.ctx.n;
        let positive = self.w.iter().filter(|&&w| w.into() > 0).count() as u64;
        let limited = self.limited();
        let zero_first = matches!(d, Divisor::Adams | Divisor::Dean | Divisor::HuntingtonHill);
        if !limited
            && !zero_first
            && self.total > 0
            && 2 * u128::from(self.total) <= u128::from(positive)
        {
            // No limits, at most half as many units as parties, first
            // divisor above zero: whoever holds a seat holds its first one,
            // and a first seat's priority w/d(0) grows with the weight, so
            // the holders are among the `total` heaviest parties (earlier
            // first on equal weights, as input order gives equal
            // priorities). The house among them alone, in input order, is
            // the house: O(n) for the selection, the rest over `total`. The
            // boundary and a tie there are then found over all parties.
            let mut heaviest = Vec::with_capacity(self.total as usize);
            self.for_heaviest(self.total as usize, |i| heaviest.push(i));
            sort::sort_unstable(&mut heaviest);
            let w: Vec<W> = heaviest.iter().map(|&i| self.w[i]).collect();
            let among = Problem {
                w: &w,
                weight_total: w.iter().map(|&x| x.into()).sum(),
                total: self.total,
                lo: &[],
                hi: &[],
                ctx: Context {
                    ids: None,
                    n: w.len(),
                },
                ties: self.ties,
            };
            let mut k = vec![0; n];
            let among_k = Problem {
                ties: &TieRule::Order,
                ..among
            }
            .divisor_seats(d, false)?
            .k;
            for (&i, &ki) in heaviest.iter().zip(&among_k) {
                k[i] = ki;
            }
            // Equal priorities went in input order; a tie at the boundary
            // (over all parties, not only the heaviest) goes to the tie rule.
            if !report && *self.ties == TieRule::Order {
                return Ok(Seated::units_only(k));
            }
            return self.boundary_and_ties(d, k);
        }
        let (sum_lo, sum_hi) = if limited {
            (
                (0..n).map(|i| u128::from(self.lo(i))).sum(),
                (0..n).map(|i| u128::from(self.hi(i))).sum(),
            )
        } else {
            (0, u128::from(positive) * u128::from(u64::MAX))
        };
        let cap = |t: u128| -> u64 { t.clamp(sum_lo, sum_hi.min(u128::from(u64::MAX))) as u64 };
        // Aim the estimate so that the rounding bias of the method cancels:
        // about half a unit a party when every party gets several. In a
        // house of at most a quarter as many seats as parties most get none
        // and there is no such bias to aim off: the estimate comes from the
        // seat-th largest weight instead. (Between a quarter and one seat a
        // party the proportional estimate is as close, without the
        // selection's pass; only speed depends on the choice, never seats.)
        let small_house = 4 * u128::from(self.total) <= u128::from(positive);
        let target = match d {
            Divisor::Dhondt | Divisor::SainteLague | Divisor::Modified { .. }
                if small_house && self.total > 0 && !self.limited() =>
            {
                // Few seats: most parties get none and the divisor is near
                // the weight of the party with the last first seat (the
                // total-th largest weight), found by selection in O(n): the
                // scale that puts its first seat exactly on the threshold
                // d(0) (1 for D'Hondt, ½ for Sainte-Laguë, f/2 modified).
                let at = self.total as usize - 1;
                let last = if u64::try_from(self.weight_total).is_ok() {
                    // Every weight fits 64 bits: half the memory to select in.
                    let mut ws: Vec<u64> = (0..n)
                        .map(|i| self.weight(i))
                        .filter(|&x| x > 0)
                        .map(|x| x as u64)
                        .collect();
                    u128::from(*sort::select_nth_unstable_by(&mut ws, at, |a, b| b.cmp(a)))
                } else {
                    let mut ws: Vec<u128> = self
                        .w
                        .iter()
                        .map(|&x| x.into())
                        .filter(|&x| x > 0)
                        .collect();
                    *sort::select_nth_unstable_by(&mut ws, at, |a, b| b.cmp(a))
                };
                let (num, den) = match d {
                    Divisor::Modified { first, scale } => (*first, 2 * scale),
                    Divisor::SainteLague => (1, 2),
                    _ => (1, 1),
                };
                let by_last = self
                    .weight_total
                    .checked_mul(num)
                    .and_then(|x| x.checked_div(last.checked_mul(den)?))
                    .map_or(self.total, cap);
                // That scale gives every seat holder at least one seat, so
                // it is never too low; when most parties hold seats, and the
                // large ones several, D'Hondt's own estimate for a large house
                // (each holder losing about half a unit to the floor) is closer.
                match d {
                    Divisor::Dhondt => {
                        by_last.min(cap(u128::from(self.total) + u128::from(positive / 2)))
                    }
                    _ => by_last,
                }
            }
            Divisor::Dhondt if !small_house => {
                cap(u128::from(self.total) + u128::from(positive / 2))
            }
            Divisor::Adams => cap(u128::from(self.total.saturating_sub(positive / 2))),
            _ => self.total,
        };
        let rest = u128::from(self.total) - sum_lo;
        // The seats before the correction and their sum.
        let (mut k, given) = if rest <= u128::from(positive) && zero_first && !limited {
            // No limits: the first seats' infinite priorities are ordered by
            // weight (then input order), and every positive weight's first
            // seat comes before any second one, so the seats go to the
            // `total` largest weights: one selection, O(n). Ties at the edge
            // are found by the boundary pass below, as after any correction.
            // The seat holders first, the result after: the selection's
            // keys are freed before the result is allocated.
            let mut holders = Vec::with_capacity(self.total as usize);
            self.for_heaviest(self.total as usize, |i| holders.push(i));
            let mut k = vec![0; n];
            for &i in &holders {
                k[i] = 1;
            }
            (k, holders.len() as u128)
        } else if rest <= u128::from(positive) && zero_first {
            // A small house (no more units than parties) with a zero first
            // divisor: the minimums, then the correction below places the
            // rest, at most one per party: O(n + m log m) without any
            // estimate (the first seats' infinite priorities are ordered by
            // weight, the limit of w/ε; see `Divisor::cmp`). Other methods
            // take the estimate below in every house: it leaves only a few
            // units for the correction however few seats there are.
            ((0..n).map(|i| self.lo(i)).collect(), sum_lo)
        } else {
            // Exact counts at the divisor λ = 1/μ: every seat with priority ≥ λ.
            // Being exactly a threshold set is what makes the correction below
            // exact; no party can need more than all units, so counts are capped.
            let counts = |target: u64| -> Result<(Vec<u64>, u128)> {
                let s = self.scale_for(target)?;
                let by = Divisor::small_divisor(s.b);
                let mut k: Vec<u64> = Vec::with_capacity(n);
                let mut sum: u128 = 0;
                for i in 0..n {
                    let est = if self.weight(i) == 0 {
                        0
                    } else {
                        d.count_by(U256::mul(s.a, self.weight(i)), s.b, by, self.total)
                            .ok_or_else(|| self.overflow())?
                    };
                    let ki = if limited {
                        est.min(self.total).clamp(self.lo(i), self.hi(i))
                    } else {
                        est.min(self.total)
                    };
                    sum += u128::from(ki);
                    k.push(ki);
                }
                Ok((k, sum))
            };
            // A method's rounding bias can leave many units to move; aim again
            // (a secant step on the target, a few O(n) passes at most) until
            // the correction is small. With many parties and no limits the
            // aim is first refined on a sample of 2^14 of them spread over
            // the input (their counts scaled to the whole by weight), so
            // that one full pass is usually enough.
            let target = if !limited && n >= SAMPLE_FROM {
                self.aim_on_sample(d, target, &cap)?
            } else {
                target
            };
            let (mut k, mut sum) = counts(target)?;
            let mut aim = u128::from(target);
            // Up to n/128 moves cost the correction less than another pass.
            let small = 64 + (n as u128) / 128;
            for _ in 0..4 {
                let off = sum.abs_diff(u128::from(self.total));
                if off <= small {
                    break;
                }
                aim = if sum > u128::from(self.total) {
                    aim.saturating_sub(off)
                } else {
                    aim + off
                };
                let (k2, sum2) = counts(cap(aim))?;
                if sum2.abs_diff(u128::from(self.total)) >= off {
                    break;
                }
                (k, sum) = (k2, sum2);
            }
            (k, sum)
        };
        let total = u128::from(self.total);
        let w = |i: usize| self.weight(i);
        if given != total {
            let giving = given < total;
            let moves = usize::try_from(if giving { total - given } else { given - total })
                .map_err(|_| self.overflow())?;
            let eligible = |i: usize| {
                w(i) > 0
                    && if !limited {
                        giving || k[i] > 0
                    } else if giving {
                        k[i] < self.hi(i)
                    } else {
                        k[i] > self.lo(i)
                    }
            };
            // `order(a, b)` is Less when a's seat moves before b's. Giving: the
            // strongest next seat wᵢ/d(kᵢ); taking: the weakest last seat
            // wᵢ/d(kᵢ-1). Equal priorities in input order (ties are decided
            // by the tie rule afterwards). Candidates carry their weight and
            // seats, so the heap below never reaches back into the arrays.
            let order = |a: &Candidate, b: &Candidate| -> Ordering {
                if giving {
                    d.cmp(b.w, b.k, a.w, a.k).then(a.i.cmp(&b.i))
                } else {
                    d.cmp(a.w, a.k - 1, b.w, b.k - 1).then(b.i.cmp(&a.i))
                }
            };
            let candidate = |i: usize| Candidate {
                w: w(i),
                k: k[i],
                i,
            };
            // Only the `moves` first candidates can be involved: any other is
            // behind that many seats that stay available. One pass keeps them
            // in a heap whose root is the one that would move last.
            let mut cand: Vec<Candidate> = Vec::with_capacity(moves.min(n));
            for i in (0..n).filter(|&i| eligible(i)) {
                if cand.len() < moves {
                    cand.push(candidate(i));
                    sift_up(&mut cand, |a, b| order(a, b) == Ordering::Greater);
                } else if cand
                    .first()
                    .is_some_and(|root| order(&candidate(i), root) == Ordering::Less)
                {
                    cand[0] = candidate(i);
                    sift_down(&mut cand, 0, &mut |a, b| order(a, b) == Ordering::Greater);
                }
            }
            // Now a heap whose root moves first.
            let first = |a: &Candidate, b: &Candidate| order(a, b) == Ordering::Less;
            for pos in (0..cand.len() / 2).rev() {
                sift_down(&mut cand, pos, &mut |a, b| first(a, b));
            }
            for _ in 0..moves {
                let Some(top) = cand.first_mut() else {
                    return Err(Error::Infeasible {
                        field: if giving { "maximum" } else { "minimum" }.into(),
                        reason: "the limits leave no way to place every unit".into(),
                    });
                };
                let still = if giving {
                    top.k += 1;
                    top.k < self.hi(top.i)
                } else {
                    top.k -= 1;
                    top.k > self.lo(top.i)
                };
                if !still {
                    k[top.i] = top.k;
                    let last = cand.len() - 1;
                    cand.swap(0, last);
                    cand.pop();
                }
                sift_down(&mut cand, 0, &mut |a, b| first(a, b));
            }
            for c in &cand {
                k[c.i] = c.k;
            }
        }
        if !report && !limited && *self.ties == TieRule::Order {
            return Ok(Seated::units_only(k));
        }
        self.boundary_and_ties(d, k)
    }

    /// The boundary of seats `k` (the weakest seat given on priority, the
    /// strongest not given) and the tie there, if any, decided by the tie
    /// rule: the seats contested are given back and given again.
    fn boundary_and_ties(&self, d: &Divisor, mut k: Vec<u64>) -> Result<Seated> {
        let w = |i: usize| self.weight(i);
        let mut last: Option<Slot> = None;
        let mut next: Option<Slot> = None;
        // Parties without a seat (most, in a small house) can only be next,
        // with priority w/d(0), which grows with the weight: the heaviest of
        // them (the first of equals) is the one to compare.
        let mut next_first: Option<(u128, usize)> = None;
        for (i, &ki) in k.iter().enumerate() {
            if w(i) == 0 {
                continue;
            }
            if ki == 0 {
                if self.hi(i) > 0 && next_first.is_none_or(|(x, _)| w(i) > x) {
                    next_first = Some((w(i), i));
                }
                continue;
            }
            // Compared as (weight, seats) against the best so far; a slot is
            // made only for a new best.
            let wi = w(i);
            if ki > self.lo(i)
                && last
                    .as_ref()
                    .is_none_or(|l| d.cmp(wi, ki - 1, l.w, l.k) == Ordering::Less)
            {
                last = Some(Slot {
                    d: *d,
                    w: wi,
                    k: ki - 1,
                    i,
                });
            }
            if ki < self.hi(i)
                && next
                    .as_ref()
                    .is_none_or(|x| d.cmp(wi, ki, x.w, x.k) == Ordering::Greater)
            {
                next = Some(Slot {
                    d: *d,
                    w: wi,
                    k: ki,
                    i,
                });
            }
        }
        if let Some((x, i)) = next_first {
            let s = Slot {
                d: *d,
                w: x,
                k: 0,
                i,
            };
            // Equal priorities: the earlier party, as the pass in input
            // order keeps the first.
            let first = next.as_ref().is_none_or(|n| match s.priority_cmp(n) {
                Ordering::Greater => true,
                Ordering::Equal => i < n.i,
                Ordering::Less => false,
            });
            if first {
                next = Some(s);
            }
        }
        let mut ties = Vec::new();
        if let (Some(l), Some(x)) = (&last, &next) {
            if l.priority_cmp(x) == Ordering::Equal {
                let mut group = Vec::new();
                let mut held = 0usize;
                for (i, ki) in k.iter_mut().enumerate() {
                    if w(i) == 0 {
                        continue;
                    }
                    if *ki > self.lo(i) && d.cmp(w(i), *ki - 1, l.w, l.k) == Ordering::Equal {
                        group.push(i);
                        held += 1;
                        *ki -= 1; // contested: given back, then decided
                    } else if *ki < self.hi(i) && d.cmp(w(i), *ki, l.w, l.k) == Ordering::Equal {
                        group.push(i);
                    }
                }
                ties.push(self.settle(group, held, &mut k)?);
            }
        }
        Ok(Seated {
            k,
            ties,
            last,
            next,
        })
    }

    /// A divisor method: the seats, the ties and the boundary; every
    /// party's quota and rounding step are worked out when asked for
    /// ([`Problem::divisor_rounding`]).
    fn divisor_method(&self, d: &Divisor) -> Result<Solution> {
        let Seated {
            k,
            ties,
            last,
            next,
        } = self.divisor_seats(d, true)?;
        // After a tie, `last` and `next` still mark the contested priority.
        let boundary = Boundary {
            last: last.map(|s| (s.i, s.k + 1)),
            next: next.map(|s| (s.i, s.k + 1)),
        };
        Ok(Solution {
            units: k,
            ties,
            boundary: Some(boundary),
            scale: Scale {
                a: u128::from(self.total),
                b: self.weight_total,
            },
            divisor: Some((*d, last)),
            lo: self.lo.to_vec(),
            hi: self.hi.to_vec(),
        })
    }

    /// A divisor method's rounding step for party i with `units` seats:
    /// held at a limit (the priority of the seat it would give up or get
    /// stands on the wrong side of the last seat given), or up, down or
    /// exact against its quota.
    fn divisor_rounding(&self, d: &Divisor, last: Option<&Slot>, i: usize, units: u64) -> Rounding {
        let w = |i: usize| self.weight(i);
        // Would seat kk (0-based) be given on priority?
        let below_threshold = |kk: u64| match last {
            Some(l) => d.cmp(w(i), kk, l.w, l.k) == Ordering::Less,
            None => true,
        };
        if units == self.lo(i) && units > 0 && (w(i) == 0 || below_threshold(units - 1)) {
            Rounding::Minimum
        } else if units == self.hi(i)
            && w(i) > 0
            && last.is_some_and(|l| d.cmp(w(i), units, l.w, l.k) == Ordering::Greater)
        {
            Rounding::Maximum
        } else {
            let total = u128::from(self.total);
            match cmp_products(u128::from(units), self.weight_total, total, w(i)) {
                Ordering::Equal => Rounding::Exact,
                Ordering::Less => Rounding::Down,
                Ordering::Greater => Rounding::Up,
            }
        }
    }
}

/// A divisor method's seats: units, ties, and the boundary seats.
struct Seated {
    k: Vec<u64>,
    ties: Vec<Tie>,
    last: Option<Slot>,
    next: Option<Slot>,
}

impl Seated {
    /// Seats alone: no tie report, no boundary (the units-only entry with
    /// ties in input order needs neither).
    fn units_only(k: Vec<u64>) -> Seated {
        Seated {
            k,
            ties: Vec::new(),
            last: None,
            next: None,
        }
    }
}

/// Sorts party indices by remainder (each below `denominator`), largest
/// first, then by index. When remainder and index fit in 64 bits together
/// (populations do), a radix sort on packed keys: O(n).
fn sort_by_remainder(free: &mut Vec<u64>, denominator: u128, rem: impl Fn(u64) -> u128) {
    let max_rem = denominator.saturating_sub(1);
    let max_index = free.iter().copied().max().unwrap_or(0);
    let index_bits = u64::BITS - max_index.leading_zeros();
    let rem_bits = u128::BITS - max_rem.leading_zeros();
    if index_bits + rem_bits > 64 || index_bits >= 64 {
        if index_bits + rem_bits > 128 {
            sort::sort_unstable_by(free, |&a, &b| rem(b).cmp(&rem(a)).then(a.cmp(&b)));
            return;
        }
        // Wider keys (more than about 3·10^6 parties with population-sized
        // weights): the same radix sort on 128-bit keys, still O(n).
        let mut keys: Vec<u128> = free
            .iter()
            .map(|&i| ((max_rem - rem(i)) << index_bits) | u128::from(i))
            .collect();
        if keys.len() > 1 << 14 {
            radix_sort(&mut keys);
        } else {
            sort::sort_unstable(&mut keys);
        }
        let mask = (1u128 << index_bits) - 1;
        for (slot, k) in free.iter_mut().zip(keys) {
            *slot = (k & mask) as u64;
        }
        return;
    }
    // Ascending keys: (max - remainder, index).
    for i in free.iter_mut() {
        *i |= ((max_rem - rem(*i)) as u64) << index_bits;
    }
    if free.len() > 1 << 14 {
        radix_sort(free);
    } else {
        // The radix sort's 2^16 counters cost more than sorting a few keys.
        sort::sort_unstable(free);
    }
    let mask = (1u64 << index_bits) - 1;
    for k in free.iter_mut() {
        *k &= mask;
    }
}

/// Least-significant-digit radix sort, 16 bits a pass.
fn radix_sort<K: RadixKey>(v: &mut Vec<K>) {
    let max = v.iter().copied().max().unwrap_or_default();
    let passes = max.bits().div_ceil(16);
    let mut buf = vec![K::default(); v.len()];
    for p in 0..passes {
        let shift = 16 * p;
        let mut pos = vec![0usize; 1 << 16];
        for &x in v.iter() {
            pos[x.digit(shift)] += 1;
        }
        let mut sum = 0;
        for c in pos.iter_mut() {
            (*c, sum) = (sum, sum + *c);
        }
        for &x in v.iter() {
            let d = x.digit(shift);
            buf[pos[d]] = x;
            pos[d] += 1;
        }
        std::mem::swap(v, &mut buf);
    }
}

/// An unsigned key the radix sort takes 16 bits at a time.
trait RadixKey: Copy + Default + Ord {
    /// Significant bits.
    fn bits(self) -> u32;
    /// The 16-bit digit at `shift`.
    fn digit(self, shift: u32) -> usize;
}

impl RadixKey for u64 {
    fn bits(self) -> u32 {
        u64::BITS - self.leading_zeros()
    }
    fn digit(self, shift: u32) -> usize {
        ((self >> shift) & 0xFFFF) as usize
    }
}

impl RadixKey for u128 {
    fn bits(self) -> u32 {
        u128::BITS - self.leading_zeros()
    }
    fn digit(self, shift: u32) -> usize {
        ((self >> shift) & 0xFFFF) as usize
    }
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    sort::sort_unstable(&mut v);
    v
}

/// Restores the heap order after a push to the end of the heap.
fn sift_up<T>(v: &mut [T], first: impl Fn(&T, &T) -> bool) {
    let mut pos = v.len().saturating_sub(1);
    while pos > 0 {
        let parent = (pos - 1) / 2;
        if !first(&v[pos], &v[parent]) {
            return;
        }
        v.swap(pos, parent);
        pos = parent;
    }
}

/// A party in the correction: its weight, its seats so far, its index.
#[derive(Clone, Copy)]
struct Candidate {
    w: u128,
    k: u64,
    i: usize,
}

/// A party's seat number k+1, with priority w / d(k).
#[derive(Clone, Copy, Debug)]
struct Slot {
    d: Divisor,
    w: u128,
    k: u64,
    i: usize,
}

impl Slot {
    #[inline]
    fn priority_cmp(&self, o: &Slot) -> Ordering {
        self.d.cmp(self.w, self.k, o.w, o.k)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn divisors() -> impl Strategy<Value = Divisor> {
        prop_oneof![
            Just(Divisor::Dhondt),
            Just(Divisor::SainteLague),
            Just(Divisor::HuntingtonHill),
            Just(Divisor::Adams),
            Just(Divisor::Dean),
            (1u128..30).prop_map(|first| Divisor::Modified { first, scale: 10 }),
            (1u128..3_000_000_000).prop_map(|first| Divisor::Modified {
                first,
                scale: 1_000_000_000
            }),
        ]
    }

    /// Small, middling and extreme values, so both sides of every bound show.
    fn wide() -> impl Strategy<Value = u128> {
        prop_oneof![
            0u128..1_000,
            0u128..(1 << 40),
            0u128..(1 << 64),
            0u128..(1 << 100),
            any::<u128>(),
        ]
    }

    /// Positive weights, near the bounds of the inline comparison too.
    fn weights() -> impl Strategy<Value = u128> {
        prop_oneof![
            1u128..100,
            1u128..(1 << 32),
            (1u128 << 32) - 4..(1 << 32),
            1u128..(1 << 64),
            (1u128 << 64) - 4..(1 << 64),
            1u128..(1 << 96),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The 128-bit count is the 256-bit one wherever it answers.
        #[test]
        fn narrow_count_is_the_wide_count(
            d in divisors(),
            num in wide(),
            den in wide().prop_map(|x| x.max(1)),
            cap in prop_oneof![1u64..100, 1u64..(1 << 31), any::<u64>()],
        ) {
            if let Some(c) = d.count_narrow(num, den, cap) {
                prop_assert_eq!(Some(c), d.count_wide(U256::from_u128(num), den, cap));
            }
        }

        /// The 64-bit count is the 256-bit one (numerator and denominator
        /// below 2^63, near the bound too).
        #[test]
        fn small_count_is_the_wide_count(
            d in divisors(),
            num in prop_oneof![0u64..1_000, 0u64..(1 << 40), 0u64..(1 << 63), (1u64 << 63) - 1_000..(1 << 63)],
            den in prop_oneof![1u64..1_000, 1u64..(1 << 40), 1u64..(1 << 63), (1u64 << 63) - 1_000..(1 << 63)],
            cap in prop_oneof![1u64..100, 1u64..(1 << 31), any::<u64>()],
        ) {
            prop_assert_eq!(
                Some(d.count_small(num, Divide64::new(den).unwrap(), cap)),
                d.count_wide(U256::from_u128(u128::from(num)), u128::from(den), cap)
            );
        }

        /// The inline comparison is the general one (units up to 2^31,
        /// weights near the 2^32 and 2^64 bounds too).
        #[test]
        fn inline_priority_cmp_is_the_general_one(
            d in divisors(),
            wi in weights(),
            wj in weights(),
            ki in prop_oneof![0u64..4, 0u64..=(1 << 31), (1u64 << 31) - 4..=(1 << 31)],
            kj in prop_oneof![0u64..4, 0u64..=(1 << 31), (1u64 << 31) - 4..=(1 << 31)],
        ) {
            prop_assert_eq!(d.cmp(wi, ki, wj, kj), d.cmp_general(wi, ki, wj, kj));
            prop_assert_eq!(d.cmp(wi, ki, wi, ki), Ordering::Equal);
        }
    }

    /// On the boundary d(k) = q exactly the seat is counted, by both
    /// paths, at any scale (worked by hand: Dean d(1) = 4/3, d(2) = 12/5;
    /// Sainte-Laguë k + ½ = 5/2; modified first divisor 1.4, halved 7/10,
    /// and d(1) = 3/2; D'Hondt k + 1 = 3; Adams k = 2).
    #[test]
    fn a_divisor_equal_to_the_quotient_counts() {
        let modified = Divisor::Modified {
            first: 14,
            scale: 10,
        };
        let cases = [
            (Divisor::Dean, 4u128, 3u128, 2u64),
            (Divisor::Dean, 12, 5, 3),
            (Divisor::SainteLague, 5, 2, 3),
            (modified, 7, 10, 1),
            (modified, 3, 2, 2),
            (Divisor::Dhondt, 3, 1, 3),
            (Divisor::Adams, 2, 1, 3),
        ];
        for (d, num, den, seats) in cases {
            for factor in [1u128, 1 << 40, 1 << 80] {
                let (n, q) = (num * factor, den * factor);
                assert_eq!(
                    d.count_wide(U256::from_u128(n), q, 100),
                    Some(seats),
                    "{d:?} {n}/{q}"
                );
                assert_eq!(
                    d.count(U256::from_u128(n), q, 100),
                    Some(seats),
                    "{d:?} {n}/{q}"
                );
                if let Some(c) = d.count_narrow(n, q, 100) {
                    assert_eq!(c, seats, "{d:?} {n}/{q}");
                }
                // Just below the boundary, one seat less.
                assert_eq!(
                    d.count(U256::from_u128(n - 1), q, 100),
                    Some(seats - 1),
                    "{d:?}"
                );
            }
        }
    }

    /// The narrow count answers in the common case (populations, a few
    /// million units) rather than leaving everything to the wide path.
    #[test]
    fn narrow_count_answers_for_populations() {
        let den = 5_900_000u128 * 98;
        for d in [
            Divisor::Dhondt,
            Divisor::SainteLague,
            Divisor::HuntingtonHill,
            Divisor::Adams,
            Divisor::Dean,
            Divisor::Modified {
                first: 14,
                scale: 10,
            },
        ] {
            for w in [1u128, 1_800, 58_000, 1_400_000] {
                let num = 9_000 * w;
                assert!(d.count_narrow(num, den, 9_000).is_some(), "{d:?} {w}");
            }
        }
    }
}
