//! Distribution keys: a share for every party, the shares adding up to one.
//!
//! A [`Key`] keeps exact decimal weights; a party's share is its weight over
//! the total. Keys are built from weights, with exclusions, fixed shares and
//! blends, all exact: when a product needs more digits than a decimal holds,
//! that is an error, never a silent rounding.

use crate::apportion::{
    apportion_named, Apportionment, Limit, Method, Options, PartyRef, Rounding, TieRule,
};
use crate::error::{Error, Result};
use crate::exact::{exact_add, exact_mul, Quota};
use crate::money::{split_named, SplitOptions};
use crate::sorted_map::{first_repeat, Positions, SortedMap};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where a party's weight in a key comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    /// Its own weight (population, places, …).
    Weight,
    /// Excluded: weight zero, so it pays and gets nothing and dilutes no one.
    Excluded {
        /// The weight it had before it was excluded (its real population,
        /// say), shown for reference; it counts for nothing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weight: Option<Decimal>,
    },
    /// A fixed share of the whole; the others share the rest by weight.
    Fixed { share: Decimal },
    /// A blend of other keys.
    Blend,
    /// Composed through a nesting of keys (flat rounding).
    Nested { group: String },
}

/// One party of a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyParty {
    /// A stable id (a municipality code such as "851", or "region").
    pub id: String,
    /// A name for people ("Aalborg").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The weight; the share is weight / total weight.
    pub weight: Decimal,
    /// Where the weight comes from.
    #[serde(default = "weight_basis")]
    pub basis: Basis,
}

fn weight_basis() -> Basis {
    Basis::Weight
}

impl KeyParty {
    /// A party with a plain weight.
    pub fn new(id: impl Into<String>, name: Option<String>, weight: Decimal) -> KeyParty {
        KeyParty {
            id: id.into(),
            name,
            weight,
            basis: Basis::Weight,
        }
    }

    /// The name, or the id when there is none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// A fixed share for one party, the others sharing the rest by weight.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedShare {
    /// The party: one of the key's, or a new one (such as the region).
    pub id: String,
    /// A name, for a new party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The share, between 0 and 1 (0.072 for 7.2 %).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::decimal_schema")
    )]
    pub share: Decimal,
}

/// A distribution key.
///
/// # Example
/// ```
/// use andel_core::{Decimal, FixedShare, Key};
/// // Case 2.12: the region keeps a fixed 7.2 %, the rest follows population.
/// let key = Key::from_weights([("A", 300), ("B", 100)].map(|(id, w)| (id, Decimal::from(w))))?
///     .with_fixed(&[FixedShare { id: "region".into(), name: None, share: Decimal::new(72, 3) }])?;
/// assert_eq!(key.share(2), Decimal::new(72, 3));
/// assert_eq!(key.share(0), Decimal::new(696, 3)); // 0.928 × 3/4
/// # Ok::<(), andel_core::Error>(())
/// ```
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "Vec<KeyParty>", into = "Vec<KeyParty>")]
pub struct Key {
    parties: Vec<KeyParty>,
    total: Decimal,
    /// What the weights count, when known (people, from the population
    /// data): tables and explanations name it. Not part of the key's
    /// identity or its JSON.
    kind: Option<WeightKind>,
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.parties == other.parties && self.total == other.total
    }
}

impl Eq for Key {}

/// What a key's weights count, for people to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WeightKind {
    /// Inhabitants on 1 January of `year` (Statistics Denmark, FOLK1A).
    Population { year: i32 },
}

impl TryFrom<Vec<KeyParty>> for Key {
    type Error = Error;
    fn try_from(parties: Vec<KeyParty>) -> Result<Key> {
        Key::new(parties)
    }
}

impl From<Key> for Vec<KeyParty> {
    fn from(k: Key) -> Vec<KeyParty> {
        k.parties
    }
}

impl Key {
    /// A key from parties; checks ids are unique, weights not negative and
    /// not all zero.
    pub fn new(parties: Vec<KeyParty>) -> Result<Key> {
        if parties.is_empty() {
            return Err(Error::NoParties {
                field: "parties".into(),
            });
        }
        let repeat = first_repeat(parties.len(), |i| parties[i].id.as_str());
        let mut total = Decimal::ZERO;
        for (i, p) in parties.iter().enumerate() {
            crate::error::check_id(&p.id, &|| format!("parties[{i}].id"))?;
            if repeat == Some(i) {
                return Err(Error::DuplicateParty {
                    field: format!("parties[{i}].id"),
                    id: p.id.clone(),
                });
            }
            if p.weight < Decimal::ZERO {
                return Err(Error::NegativeWeight {
                    field: format!("parties[{i}].weight"),
                    value: p.weight,
                });
            }
            total = exact_add(total, p.weight, "parties")?;
        }
        if total.is_zero() {
            return Err(Error::ZeroTotalWeight {
                field: "parties".into(),
            });
        }
        Ok(Key {
            parties,
            total,
            kind: None,
        })
    }

    /// What the weights count, when known ([`WeightKind`]).
    pub fn kind(&self) -> Option<WeightKind> {
        self.kind
    }

    /// The same key, its weights counting `kind`.
    pub fn with_kind(mut self, kind: Option<WeightKind>) -> Key {
        self.kind = kind;
        self
    }

    /// A key from `(id, weight)` pairs.
    pub fn from_weights<S: Into<String>>(
        pairs: impl IntoIterator<Item = (S, Decimal)>,
    ) -> Result<Key> {
        Key::new(
            pairs
                .into_iter()
                .map(|(id, w)| KeyParty::new(id, None, w))
                .collect(),
        )
    }

    /// The parties, in order.
    pub fn parties(&self) -> &[KeyParty] {
        &self.parties
    }

    /// The total weight.
    pub fn total_weight(&self) -> Decimal {
        self.total
    }

    /// The ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.parties.iter().map(|p| p.id.clone()).collect()
    }

    /// The weights, in order.
    pub fn weights(&self) -> Vec<Decimal> {
        self.parties.iter().map(|p| p.weight).collect()
    }

    /// The position of a party. (A scan: for many lookups, see
    /// [`Key::positions`].)
    pub fn position(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id)
    }

    /// The parties' positions, for `lookups` lookups by id.
    pub(crate) fn positions(&self, lookups: usize) -> Positions<'_> {
        Positions::new(self.parties.iter().map(|p| p.id.as_str()), lookups)
    }

    /// Party `i`'s share, as a decimal with 28 significant digits (for
    /// display; allocations use the exact weights).
    pub fn share(&self, i: usize) -> Decimal {
        self.parties
            .get(i)
            .and_then(|p| p.weight.checked_div(self.total))
            .unwrap_or(Decimal::ZERO)
    }

    /// The key with the parties named set to weight zero: they get exactly
    /// nothing and the others share as if they were not there.
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key};
    /// let key = Key::from_weights([("A", 1), ("B", 1), ("C", 2)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let without_c = key.exclude(&["C"])?;
    /// assert_eq!(without_c.share(0), Decimal::new(5, 1));
    /// assert_eq!(without_c.share(2), Decimal::ZERO);
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn exclude<S: AsRef<str>>(&self, ids: &[S]) -> Result<Key> {
        let mut parties = self.parties.clone();
        let positions = self.positions(ids.len());
        for (n, id) in ids.iter().enumerate() {
            let id = id.as_ref();
            let i = positions.get(id).ok_or_else(|| Error::UnknownParty {
                field: format!("exclude[{n}]"),
                id: id.to_string(),
            })?;
            // Excluded twice keeps the weight it had first.
            let before = match parties[i].basis {
                Basis::Excluded { weight } => weight,
                _ => Some(parties[i].weight),
            };
            parties[i].weight = Decimal::ZERO;
            parties[i].basis = Basis::Excluded { weight: before };
        }
        Key::new(parties)
            .map(|k| k.with_kind(self.kind))
            .map_err(|e| match e {
                Error::ZeroTotalWeight { .. } => Error::ZeroTotalWeight {
                    field: "exclude".into(),
                },
                e => e,
            })
    }

    /// The key with fixed shares for some parties and the rest shared by the
    /// others in proportion to their weights. Parties not in the key are added
    /// at the end. Fixed shares above 1 in total are an error.
    pub fn with_fixed(&self, fixed: &[FixedShare]) -> Result<Key> {
        let mut sum = Decimal::ZERO;
        let repeat = first_repeat(fixed.len(), |n| fixed[n].id.as_str());
        for (n, f) in fixed.iter().enumerate() {
            let field = format!("fixed[{n}].share");
            if f.share < Decimal::ZERO || f.share > Decimal::ONE {
                return Err(Error::InvalidShare {
                    field,
                    value: f.share,
                    reason: "a share must be between 0 and 1 (7.2 % is 0.072)".into(),
                });
            }
            if repeat == Some(n) {
                return Err(Error::DuplicateParty {
                    field: format!("fixed[{n}].id"),
                    id: f.id.clone(),
                });
            }
            sum = exact_add(sum, f.share, &field)?;
        }
        let fixed_at: SortedMap<&str, usize> = (fixed.iter().enumerate())
            .map(|(n, f)| (f.id.as_str(), n))
            .collect();
        if sum > Decimal::ONE {
            return Err(Error::InvalidShare {
                field: "fixed".into(),
                value: sum,
                reason: "the fixed shares add up to more than 1 (100 %)".into(),
            });
        }
        // Bounded: 0 ≤ sum ≤ 1 (checked above).
        let rest = Decimal::ONE - sum;
        let mut rest_weight = Decimal::ZERO;
        for p in &self.parties {
            if !fixed_at.contains_key(p.id.as_str()) {
                rest_weight = exact_add(rest_weight, p.weight, "fixed")?;
            }
        }
        if rest_weight.is_zero() {
            if !rest.is_zero() {
                return Err(Error::ZeroTotalWeight {
                    field: "fixed".into(),
                });
            }
            rest_weight = Decimal::ONE;
        }
        let fixed_weight = |n: usize| -> Result<KeyParty> {
            let f = &fixed[n];
            Ok(KeyParty {
                id: f.id.clone(),
                name: f.name.clone(),
                weight: exact_mul(f.share, rest_weight, &format!("fixed[{n}].share"))?,
                basis: Basis::Fixed { share: f.share },
            })
        };
        let mut parties = Vec::with_capacity(self.parties.len() + fixed.len());
        for (i, p) in self.parties.iter().enumerate() {
            match fixed_at.get(p.id.as_str()) {
                Some(&n) => {
                    let mut q = fixed_weight(n)?;
                    q.name = q.name.or_else(|| p.name.clone());
                    parties.push(q);
                }
                None => parties.push(KeyParty {
                    weight: exact_mul(rest, p.weight, &format!("parties[{i}].weight"))?,
                    ..p.clone()
                }),
            }
        }
        let positions = self.positions(fixed.len());
        for (n, f) in fixed.iter().enumerate() {
            if positions.get(&f.id).is_none() {
                parties.push(fixed_weight(n)?);
            }
        }
        // The others' weights are still what they counted (scaled).
        Key::new(parties).map(|k| k.with_kind(self.kind))
    }

    /// A weighted sum of keys: party i's share is Σ αₖ · shareₖ(i). The
    /// blend weights α must be zero or more and add up to exactly 1. Parties
    /// are taken in order of first appearance.
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key};
    /// let history = Key::from_weights([("N", 1), ("S", 3)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let people = Key::from_weights([("N", 1), ("S", 1)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let half = Decimal::new(5, 1);
    /// let key = Key::blend(&[(half, &history), (half, &people)])?;
    /// assert_eq!(key.share(0), Decimal::new(375, 3)); // (1/4 + 1/2) / 2
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn blend(parts: &[(Decimal, &Key)]) -> Result<Key> {
        if parts.is_empty() {
            return Err(Error::NoParties {
                field: "blend".into(),
            });
        }
        let mut sum = Decimal::ZERO;
        for (n, (alpha, _)) in parts.iter().enumerate() {
            if *alpha < Decimal::ZERO {
                return Err(Error::InvalidShare {
                    field: format!("blend[{n}].weight"),
                    value: *alpha,
                    reason: "a blend weight must be zero or more".into(),
                });
            }
            sum = exact_add(sum, *alpha, "blend")?;
        }
        if sum != Decimal::ONE {
            return Err(Error::InvalidShare {
                field: "blend".into(),
                value: sum,
                reason: "the blend weights must add up to exactly 1".into(),
            });
        }
        // weightᵢ = Σₖ αₖ · wₖᵢ · Πⱼ≠ₖ Wⱼ: the shares times Πⱼ Wⱼ, exactly.
        // The parties in order of first appearance, each with the first
        // name it is given.
        let seen: Vec<&KeyParty> = parts.iter().flat_map(|(_, key)| &key.parties).collect();
        let first: SortedMap<&str, usize> = (seen.iter().enumerate().rev())
            .map(|(s, p)| (p.id.as_str(), s))
            .collect();
        let mut order: Vec<KeyParty> = Vec::with_capacity(first.len());
        let mut positions: Vec<(&str, usize)> = Vec::with_capacity(first.len());
        for (s, p) in seen.iter().enumerate() {
            if first.get(p.id.as_str()) == Some(&s) {
                positions.push((p.id.as_str(), order.len()));
                order.push(KeyParty {
                    id: p.id.clone(),
                    name: None,
                    weight: Decimal::ZERO,
                    basis: Basis::Blend,
                });
            }
        }
        let index: SortedMap<&str, usize> = positions.into_iter().collect();
        for p in &seen {
            if let Some(o) = index.get(p.id.as_str()).and_then(|&i| order.get_mut(i)) {
                if o.name.is_none() {
                    o.name = p.name.clone();
                }
            }
        }
        for (k, (alpha, key)) in parts.iter().enumerate() {
            let field = format!("blend[{k}]");
            let mut factor = *alpha;
            for (j, (_, other)) in parts.iter().enumerate() {
                if j != k {
                    factor = exact_mul(factor, other.total, &field)?;
                }
            }
            for p in &key.parties {
                // Every party was indexed in the first pass.
                if let Some(o) = index.get(p.id.as_str()).and_then(|&i| order.get_mut(i)) {
                    let add = exact_mul(factor, p.weight, &field)?;
                    o.weight = exact_add(o.weight, add, &field)?;
                }
            }
        }
        for p in &mut order {
            p.weight = p.weight.normalize();
        }
        Key::new(order)
    }

    /// Apportions `total` whole units (places) by this key.
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key, Options};
    /// let key = Key::from_weights([("A", 5), ("B", 3), ("C", 2)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let a = key.apportion(7, &Options::default())?;
    /// assert_eq!(a.units(), vec![4, 2, 1]);
    /// println!("{a}"); // a readable table
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn apportion(&self, total: u64, options: &Options) -> Result<Allocation> {
        let ids = self.ids();
        let a = apportion_named(&self.weights(), Some(&ids), total, options)?;
        Ok(Allocation::new(
            self,
            a,
            Decimal::from(total),
            Decimal::ONE,
            false,
            false,
        ))
    }

    /// Splits an amount of money by this key, into multiples of the unit.
    pub fn split(&self, amount: Decimal, options: &SplitOptions) -> Result<Allocation> {
        let ids = self.ids();
        let s = split_named(amount, &self.weights(), Some(&ids), options)?;
        Ok(Allocation::new(
            self,
            s.apportionment,
            amount,
            options.unit,
            amount.is_sign_negative(),
            true,
        ))
    }
}

/// One party's part of an allocation, with the reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyAllocation {
    /// The party's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its weight in the key.
    pub weight: Decimal,
    /// Where the weight comes from.
    pub basis: Basis,
    /// Its share of the key (28 significant digits; display).
    pub share: Decimal,
    /// The exact quota in units (øre, kroner or places): share × total units.
    pub quota: Quota,
    /// The quota as an amount, `quota` × unit with the amount's sign (what
    /// the party would get without rounding), rounded half away from zero to
    /// 10 decimals more than the unit has: for display, every decision uses
    /// `quota`.
    pub quota_amount: Decimal,
    /// Whole units given.
    pub units: u64,
    /// The amount: units × unit (negative for a negative amount).
    pub amount: Decimal,
    /// What rounding did.
    pub rounding: Rounding,
    /// Hamilton: rank of the remainder among the parties rounded (1 = largest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remainder_rank: Option<u32>,
    /// Index into `ties` of a tie this party was in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie: Option<usize>,
}

/// A tie, by party id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieReport {
    /// The tied parties.
    pub parties: Vec<String>,
    /// Those that got the contested unit(s).
    pub winners: Vec<String>,
    /// How many units were contested.
    pub units: u64,
    /// The rule that decided.
    pub decided_by: crate::apportion::DecidedBy,
}

/// The result of splitting or apportioning by a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// The total: an amount of money or a number of units.
    pub total: Decimal,
    /// The rounding unit (0.01 for øre, 1 for places).
    pub unit: Decimal,
    /// Money (a split, in kroner, whatever the unit) rather than whole
    /// places: tables and explanations say kroner or places by it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub money: bool,
    /// What the weights count, when known (inhabitants in a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<WeightKind>,
    /// The method.
    pub method: Method,
    /// Modified Sainte-Laguë: the first divisor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_divisor: Option<Decimal>,
    /// Per party, in key order.
    pub parties: Vec<PartyAllocation>,
    /// Every tie, decided by the tie rule.
    pub ties: Vec<TieReport>,
    /// Divisor methods: (party id, seat number) of the last seat given and of
    /// the next in line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundary: Option<BoundaryReport>,
    /// The options used (method, limits, first divisor, tie rule).
    pub options: Options,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A seat of a party: its id and the seat's number, counted from 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatRef {
    /// The party's id.
    pub party: String,
    /// The seat's number for that party, from 1.
    pub seat: u64,
}

/// Divisor methods: the last seat given on priority and the next in line.
/// Every party holds exactly its seats whose priority (weight / divisor) is
/// at least that of `last`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundaryReport {
    /// The weakest seat given.
    pub last: Option<SeatRef>,
    /// The strongest seat not given.
    pub next: Option<SeatRef>,
}

impl Allocation {
    fn new(
        key: &Key,
        a: Apportionment,
        total: Decimal,
        unit: Decimal,
        negative: bool,
        money: bool,
    ) -> Self {
        let id = |i: usize| key.parties[i].id.clone();
        let sign_unit = if negative { -unit } else { unit };
        let quota_places = unit.normalize().scale() + 10;
        let parties = key
            .parties
            .iter()
            .zip(a.parties())
            .enumerate()
            .map(|(i, (p, r))| {
                let quota = Quota {
                    whole: r.quota_whole,
                    remainder: r.quota_remainder,
                    denominator: a.quota_denominator,
                };
                PartyAllocation {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    weight: p.weight,
                    basis: p.basis.clone(),
                    share: key.share(i),
                    quota,
                    quota_amount: quota_amount(&quota, unit, negative, quota_places),
                    units: r.units,
                    // units × unit is exact: split checked it already for money,
                    // and places have unit 1.
                    // Bounded: units × unit ≤ |total|, itself a decimal.
                    amount: exact_mul(Decimal::from(r.units), sign_unit, "amount")
                        .unwrap_or(Decimal::ZERO),
                    rounding: r.rounding,
                    remainder_rank: r.remainder_rank,
                    tie: r.tied.then_some(0),
                }
            })
            .collect();
        let ties = a
            .ties
            .iter()
            .map(|t| TieReport {
                parties: t.parties.iter().map(|&i| id(i)).collect(),
                winners: t.winners.iter().map(|&i| id(i)).collect(),
                units: t.units,
                decided_by: t.decided_by,
            })
            .collect();
        Allocation {
            options: a.options.clone(),
            total,
            unit,
            money,
            weights: key.kind,
            method: a.method,
            first_divisor: a.first_divisor,
            parties,
            ties,
            boundary: a.boundary.map(|b| {
                let seat = |(i, seat): (usize, u64)| SeatRef { party: id(i), seat };
                BoundaryReport {
                    last: b.last.map(seat),
                    next: b.next.map(seat),
                }
            }),
        }
    }

    /// The units per party, in key order.
    pub fn units(&self) -> Vec<u64> {
        self.parties.iter().map(|p| p.units).collect()
    }

    /// The amounts per party, in key order.
    pub fn amounts(&self) -> Vec<Decimal> {
        self.parties.iter().map(|p| p.amount).collect()
    }

    /// The party with this id.
    pub fn get(&self, id: &str) -> Option<&PartyAllocation> {
        self.parties.iter().find(|p| p.id == id)
    }
}

/// A quota in units as an amount: quota × `unit`, negated for a negative
/// total, rounded half away from zero to `places` decimals. For display: the
/// quota is taken to 20 decimals of a unit before the multiplication.
pub(crate) fn quota_amount(quota: &Quota, unit: Decimal, negative: bool, places: u32) -> Decimal {
    // Bounded: quota × unit is at most |total|, itself a decimal.
    let amount = quota
        .to_decimal(20)
        .checked_mul(unit)
        .unwrap_or(Decimal::ZERO)
        .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if negative {
        -amount
    } else {
        amount
    }
}

impl Allocation {
    /// Checks an allocation read back from JSON someone kept (and may have
    /// changed): ids visible and once each, weights not negative, a positive
    /// unit, every amount its units × the unit (with the total's sign), tie
    /// numbers that exist, and the amounts adding up to the total. Errors
    /// name the field (`parties[2].amount`).
    pub fn check(&self) -> Result<()> {
        let changed = |field: String, message: String| Error::Document { field, message };
        if self.unit <= Decimal::ZERO {
            return Err(Error::InvalidUnit {
                field: "unit".into(),
                value: self.unit,
            });
        }
        if self.parties.is_empty() {
            return Err(Error::NoParties {
                field: "parties".into(),
            });
        }
        let repeat = first_repeat(self.parties.len(), |i| self.parties[i].id.as_str());
        let negative = self.total < Decimal::ZERO;
        let mut sum = Decimal::ZERO;
        for (i, p) in self.parties.iter().enumerate() {
            crate::error::check_id(&p.id, &|| format!("parties[{i}].id"))?;
            if repeat == Some(i) {
                return Err(Error::DuplicateParty {
                    field: format!("parties[{i}].id"),
                    id: p.id.clone(),
                });
            }
            if p.weight < Decimal::ZERO {
                return Err(Error::NegativeWeight {
                    field: format!("parties[{i}].weight"),
                    value: p.weight,
                });
            }
            let units = Decimal::from(p.units);
            let expected = exact_mul(units, self.unit, &format!("parties[{i}].units"))?;
            let expected = if negative { -expected } else { expected };
            if p.amount != expected {
                return Err(changed(
                    format!("parties[{i}].amount"),
                    format!(
                        "amount {} is not its {} unit(s) of {}: the allocation was changed",
                        p.amount, p.units, self.unit
                    ),
                ));
            }
            if p.tie.is_some_and(|t| t >= self.ties.len()) {
                return Err(changed(
                    format!("parties[{i}].tie"),
                    "names a tie that is not there".into(),
                ));
            }
            sum = exact_add(sum, p.amount, "parties")?;
        }
        if sum != self.total {
            return Err(changed(
                "total".into(),
                format!(
                    "the amounts add up to {sum}, not the total {}: the allocation was changed",
                    self.total
                ),
            ));
        }
        Ok(())
    }
}

/// A cost split in fixed parts (75 % municipalities, 25 % region), each part
/// split further by its own key if it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostPart {
    /// The part's id ("municipalities", "region").
    pub id: String,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The fraction of the whole (0.75).
    pub share: Decimal,
    /// The key that splits this part, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Key>,
}

/// The result of [`cost_split`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSplitResult {
    /// The whole split between the parts.
    pub parts: Allocation,
    /// Per part (same order), its amount split by its key.
    pub details: Vec<Option<Allocation>>,
}

/// Splits `amount` into fixed parts (rounded to the unit, adding up exactly),
/// then each part by its key (adding up exactly to the part).
///
/// # Example
/// ```
/// use andel_core::{cost_split, CostPart, Decimal, Key, SplitOptions};
/// let towns = Key::from_weights([("A", 2), ("B", 1)].map(|(i, w)| (i, Decimal::from(w))))?;
/// let parts = [
///     CostPart { id: "municipalities".into(), name: None, share: Decimal::new(75, 2), key: Some(towns) },
///     CostPart { id: "region".into(), name: None, share: Decimal::new(25, 2), key: None },
/// ];
/// let r = cost_split(Decimal::from(5_700_000), &parts, &SplitOptions::default())?;
/// assert_eq!(r.parts.amounts(), vec![Decimal::from(4_275_000), Decimal::from(1_425_000)]);
/// let towns = r.details[0].as_ref().map(|a| a.amounts());
/// assert_eq!(towns, Some(vec![Decimal::from(2_850_000), Decimal::from(1_425_000)]));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn cost_split(
    amount: Decimal,
    parts: &[CostPart],
    options: &SplitOptions,
) -> Result<CostSplitResult> {
    let fixed: Vec<FixedShare> = parts
        .iter()
        .map(|p| FixedShare {
            id: p.id.clone(),
            name: p.name.clone(),
            share: p.share,
        })
        .collect();
    for (i, f) in fixed.iter().enumerate() {
        if f.share < Decimal::ZERO || f.share > Decimal::ONE {
            return Err(Error::InvalidShare {
                field: format!("parts[{i}].share"),
                value: f.share,
                reason: "a part's share is from 0 to 1".into(),
            });
        }
    }
    let sum = fixed
        .iter()
        .try_fold(Decimal::ZERO, |s, f| exact_add(s, f.share, "parts"))?;
    if sum != Decimal::ONE {
        return Err(Error::InvalidShare {
            field: "parts".into(),
            value: sum,
            reason: "the parts of a cost split must add up to exactly 1".into(),
        });
    }
    let key = Key::new(
        fixed
            .iter()
            .map(|f| KeyParty {
                id: f.id.clone(),
                name: f.name.clone(),
                weight: f.share,
                basis: Basis::Fixed { share: f.share },
            })
            .collect(),
    )
    // The key's parties are the parts (shares were checked above).
    .map_err(|e| e.renamed("parties", "parts"))?;
    let top = key.split(amount, options)?;
    let details = parts
        .iter()
        .zip(&top.parties)
        .enumerate()
        .map(|(n, (p, a))| {
            p.key
                .as_ref()
                .map(|k| {
                    k.split(a.amount, options)
                        .map_err(|e| e.under(&format!("parts[{n}].key")))
                })
                .transpose()
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(CostSplitResult {
        parts: top,
        details,
    })
}

/// [`cost_split`] where the amount given is one part's (the municipalities'
/// 75 %, as the minutes state it): the other parts come to
/// `amount × (1 − share) / share` rounded to the unit (half away from zero),
/// and the whole, their sum, is split as usual. The part given keeps exactly
/// its amount (always so with two parts; with more, a whole that would round
/// it differently is an error).
///
/// # Example
/// ```
/// use andel_core::{cost_split_from_part, CostPart, Decimal, SplitOptions};
/// let parts = [
///     CostPart { id: "municipalities".into(), name: None, share: Decimal::new(75, 2), key: None },
///     CostPart { id: "region".into(), name: None, share: Decimal::new(25, 2), key: None },
/// ];
/// let r = cost_split_from_part(Decimal::from(5_590_000), 0, &parts, &SplitOptions::default())?;
/// // The region pays a third of the municipalities' part, to the øre.
/// assert_eq!(r.parts.amounts(), vec![Decimal::from(5_590_000), Decimal::new(186333333, 2)]);
/// assert_eq!(r.parts.total, Decimal::new(745333333, 2));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn cost_split_from_part(
    amount: Decimal,
    part: usize,
    parts: &[CostPart],
    options: &SplitOptions,
) -> Result<CostSplitResult> {
    let given = parts.get(part).ok_or_else(|| Error::UnknownParty {
        field: "part".into(),
        id: format!("#{part}"),
    })?;
    let rest = crate::exact::rest_of_whole(amount, given.share, options.unit, "total")?;
    let whole = amount
        .checked_add(rest)
        .ok_or_else(|| Error::overflow("total", "the whole is too large"))?;
    let r = cost_split(whole, parts, options)?;
    let got = r.parts.parties.get(part).map(|p| p.amount);
    if got != Some(amount) {
        return Err(Error::Infeasible {
            field: "part".into(),
            reason: format!(
                "{amount} for {} makes a whole of {whole}, whose split gives it {}; give the whole instead",
                given.id,
                got.unwrap_or_default()
            ),
        });
    }
    Ok(r)
}

/// How a nested key rounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NestRounding {
    /// Each level rounds: the groups get whole units first, then each group's
    /// units are shared by its members. The default (see DESIGN.md): it is
    /// what KKR and KL do, and each group's number is final before its
    /// members are looked at.
    #[default]
    PerLevel,
    /// One apportionment over all the members, by their composed shares;
    /// group totals are the sums of their members.
    Flat,
}

/// A two-level key: a key between groups (the five KKR) and, per group, a
/// key between its members (the municipalities).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nest {
    /// The key between the groups.
    pub groups: Key,
    /// Per group id, the key between its members. A group without one keeps
    /// its units whole.
    pub members: SortedMap<String, Key>,
}

/// One group's result in a nested allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupAllocation {
    /// The group id.
    pub id: String,
    /// The group's units.
    pub units: u64,
    /// Its members' allocation, when it has members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Allocation>,
}

/// The result of [`Nest::apportion`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NestedAllocation {
    /// How it rounded.
    pub rounding: NestRounding,
    /// Per level: the apportionment between the groups (flat: `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Allocation>,
    /// Flat: the one apportionment over all members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat: Option<Allocation>,
    /// Per group, in the order of the group key.
    pub per_group: Vec<GroupAllocation>,
}

/// A nesting's members by group, when every group shares the same members
/// (the same municipalities for each programme, say): rows are the members,
/// columns the groups; a row adds up to the member's places over the
/// groups, a column to its group's places. See [`NestedAllocation::by_member`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberTable {
    /// The groups (the columns): id, name and places.
    pub groups: Vec<MemberTableGroup>,
    /// The members (the rows), in the members' key order.
    pub rows: Vec<MemberTableRow>,
    /// All places: the sum of the groups' (and of the rows').
    pub total: u64,
}

/// A column of a [`MemberTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberTableGroup {
    /// The group's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places.
    pub units: u64,
}

/// A row of a [`MemberTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberTableRow {
    /// The member's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places in each group, in column order.
    pub cells: Vec<u64>,
    /// Their sum.
    pub total: u64,
}

impl NestedAllocation {
    /// Per-level rounding where two or more groups all have the same
    /// members in the same order (2.9: the 11 municipalities for each of
    /// the two programmes): the members × groups table, its rows adding up
    /// to each member's places in all groups. `None` for any other nesting.
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key, Nest, NestRounding, Options, SortedMap};
    /// let w = |xs: &[(&str, i64)]| Key::from_weights(xs.iter().map(|&(i, w)| (i, Decimal::from(w))));
    /// let towns = w(&[("a", 2), ("b", 1)])?;
    /// let nest = Nest {
    ///     groups: w(&[("assistant", 2), ("helper", 1)])?,
    ///     members: SortedMap::from([("assistant".to_string(), towns.clone()), ("helper".to_string(), towns)]),
    /// };
    /// let o = Options::default();
    /// let t = nest.apportion(9, &o, &o, NestRounding::PerLevel)?.by_member().expect("same members");
    /// assert_eq!(t.rows[0].cells, [4, 2]);
    /// assert_eq!(t.rows[0].total, 6);
    /// assert_eq!(t.total, 9);
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn by_member(&self) -> Option<MemberTable> {
        let groups = self.groups.as_ref()?;
        if self.per_group.len() < 2 {
            return None;
        }
        let members: Vec<&Allocation> = self
            .per_group
            .iter()
            .map(|g| g.members.as_ref())
            .collect::<Option<_>>()?;
        let first = members.first()?;
        let same = members.iter().all(|m| {
            m.parties.len() == first.parties.len()
                && m.parties
                    .iter()
                    .zip(&first.parties)
                    .all(|(p, q)| p.id == q.id)
        });
        if !same {
            return None;
        }
        let rows = first
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let cells: Vec<u64> = members
                    .iter()
                    .map(|m| m.parties.get(i).map_or(0, |x| x.units))
                    .collect();
                MemberTableRow {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    total: cells.iter().sum(),
                    cells,
                }
            })
            .collect();
        Some(MemberTable {
            groups: self
                .per_group
                .iter()
                .map(|g| MemberTableGroup {
                    id: g.id.clone(),
                    name: groups
                        .parties
                        .iter()
                        .find(|p| p.id == g.id)
                        .and_then(|p| p.name.clone()),
                    units: g.units,
                })
                .collect(),
            rows,
            total: self.per_group.iter().map(|g| g.units).sum(),
        })
    }
}

impl Nest {
    /// Checks that every member key belongs to a known group.
    fn check(&self) -> Result<()> {
        let groups = self.groups.positions(self.members.len());
        for g in self.members.keys() {
            if groups.get(g).is_none() {
                return Err(Error::UnknownParty {
                    field: format!("members.{g}"),
                    id: g.clone(),
                });
            }
        }
        Ok(())
    }

    /// Apportions `total` units through the two levels: `groups` are the
    /// options between groups (per-level rounding only), `members` those
    /// within each group (and, for flat rounding, over all members).
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key, Nest, NestRounding, Options, SortedMap};
    /// let w = |xs: &[(&str, i64)]| Key::from_weights(xs.iter().map(|&(i, w)| (i, Decimal::from(w))));
    /// let nest = Nest {
    ///     groups: w(&[("north", 1), ("south", 1)])?,
    ///     members: SortedMap::from([("north".to_string(), w(&[("a", 1), ("b", 1)])?)]),
    /// };
    /// let o = Options::default();
    /// let r = nest.apportion(5, &o, &o, NestRounding::PerLevel)?;
    /// assert_eq!(r.per_group[0].units + r.per_group[1].units, 5);
    /// let north = r.per_group[0].members.as_ref().map(|m| m.units().iter().sum::<u64>());
    /// assert_eq!(north, Some(r.per_group[0].units));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn apportion(
        &self,
        total: u64,
        groups: &Options,
        members: &Options,
        rounding: NestRounding,
    ) -> Result<NestedAllocation> {
        self.check()?;
        match rounding {
            NestRounding::PerLevel => {
                self.check_member_options(members)?;
                let top = self
                    .groups
                    .apportion(total, groups)
                    .map_err(|e| e.under("groups"))?;
                let per_group = top
                    .parties
                    .iter()
                    .map(|g| {
                        let allocation = match self.members.get(&g.id) {
                            Some(k) => Some(
                                k.apportion(g.units, &members.clone().for_group(k))
                                    .map_err(|e| e.under(&format!("members.{}", g.id)))?,
                            ),
                            None => None,
                        };
                        Ok(GroupAllocation {
                            id: g.id.clone(),
                            units: g.units,
                            members: allocation,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(NestedAllocation {
                    rounding,
                    groups: Some(top),
                    flat: None,
                    per_group,
                })
            }
            NestRounding::Flat => {
                let leaves = self.flatten()?;
                let flat = leaves.apportion(total, members)?;
                let per_group = self
                    .groups
                    .parties()
                    .iter()
                    .map(|g| {
                        let units = flat
                            .parties
                            .iter()
                            .filter(|p| in_group(p, &g.id))
                            .map(|p| p.units)
                            .sum();
                        GroupAllocation {
                            id: g.id.clone(),
                            units,
                            members: None,
                        }
                    })
                    .collect();
                Ok(NestedAllocation {
                    rounding,
                    groups: None,
                    flat: Some(flat),
                    per_group,
                })
            }
        }
    }

    /// The one key over all members that flat rounding uses: member i of
    /// group g gets weight W_g/T_g · w_i, scaled to exact integers. Groups
    /// without members stand as themselves. Fails with an overflow error
    /// when the composed weights need more than 28 digits.
    pub fn flatten(&self) -> Result<Key> {
        self.check()?;
        // Each group's factor W_g / T_g in lowest terms, as integers.
        let mut factors: Vec<(u128, u128)> = Vec::new();
        for g in self.groups.parties() {
            let (num, den) = match self.members.get(&g.id) {
                Some(k) => ratio(g.weight, k.total_weight())?,
                None => (0, 1),
            };
            factors.push((num, den));
        }
        let overflow = || {
            Error::overflow(
                "members",
                "the composed member weights of this nesting need more than 28 digits; \
                 use per-level rounding",
            )
        };
        let mut lcm: u128 = 1;
        for (_, den) in &factors {
            let g = crate::exact::gcd(lcm, *den).max(1);
            lcm = (lcm / g).checked_mul(*den).ok_or_else(overflow)?;
        }
        let mut parties = Vec::new();
        for (g, (num, den)) in self.groups.parties().iter().zip(&factors) {
            match self.members.get(&g.id) {
                Some(k) => {
                    let f = num.checked_mul(lcm / den).ok_or_else(overflow)?;
                    let f = Decimal::try_from_i128_with_scale(
                        i128::try_from(f).map_err(|_| overflow())?,
                        0,
                    )
                    .map_err(|_| overflow())?;
                    for p in k.parties() {
                        parties.push(KeyParty {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            weight: exact_mul(f, p.weight, "members").map_err(|_| overflow())?,
                            basis: Basis::Nested {
                                group: g.id.clone(),
                            },
                        });
                    }
                }
                None => parties.push(KeyParty {
                    weight: exact_mul(g.weight, Decimal::from(lcm), "groups")
                        .map_err(|_| overflow())?,
                    basis: Basis::Nested {
                        group: g.id.clone(),
                    },
                    ..g.clone()
                }),
            }
        }
        Key::new(parties)
    }
}

fn in_group(p: &PartyAllocation, group: &str) -> bool {
    matches!(&p.basis, Basis::Nested { group: g } if g == group)
}

impl Nest {
    /// Per-level options within groups name members by id, and every id
    /// named must be a member of some group (each group then keeps its own,
    /// see [`Options::for_group`]); nothing named is dropped unseen.
    fn check_member_options(&self, members: &Options) -> Result<()> {
        let lookups = members.parties_named();
        let all = Positions::new(
            self.members
                .values()
                .flat_map(|k| k.parties.iter().map(|p| p.id.as_str())),
            lookups,
        );
        let known = |id: &str| all.get(id).is_some();
        for (name, limit) in [("minimum", &members.minimum), ("maximum", &members.maximum)] {
            match limit {
                Some(Limit::ById(m)) => {
                    if let Some(id) = m.keys().find(|id| !known(id)) {
                        return Err(Error::UnknownParty {
                            field: format!("member_places.{name}.{id}"),
                            id: id.clone(),
                        });
                    }
                }
                Some(Limit::Each(_)) => {
                    return Err(Error::InvalidOption {
                        field: format!("member_places.{name}"),
                        message: "within groups, give one limit for all or limits by member id"
                            .into(),
                    })
                }
                _ => {}
            }
        }
        if let TieRule::Priority(order) = &members.ties {
            for (p, r) in order.iter().enumerate() {
                match r {
                    PartyRef::Id(id) if known(id) => {}
                    PartyRef::Id(id) => {
                        return Err(Error::UnknownParty {
                            field: format!("member_places.ties.priority[{p}]"),
                            id: id.clone(),
                        })
                    }
                    PartyRef::Index(_) => {
                        return Err(Error::InvalidOption {
                            field: format!("member_places.ties.priority[{p}]"),
                            message: "within groups, name members by id".into(),
                        })
                    }
                }
            }
        }
        Ok(())
    }
}

impl Options {
    /// The options restricted to one group's members: limits by id keep
    /// only the group's parties; a priority order keeps only them, in order.
    fn for_group(mut self, key: &Key) -> Options {
        let positions = key.positions(self.parties_named());
        let ours = |id: &str| positions.get(id).is_some();
        for limit in [&mut self.minimum, &mut self.maximum] {
            if let Some(Limit::ById(m)) = limit {
                m.retain(|id, _| ours(id));
            }
        }
        if let TieRule::Priority(order) = &mut self.ties {
            order.retain(|r| matches!(r, PartyRef::Id(id) if ours(id)));
        }
        self
    }
}

/// a / b for non-negative decimals, as integers in lowest terms.
fn ratio(a: Decimal, b: Decimal) -> Result<(u128, u128)> {
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    let int = |d: Decimal| {
        crate::exact::pow10(scale - d.scale())
            .and_then(|p| d.mantissa().unsigned_abs().checked_mul(p))
            .ok_or_else(|| Error::overflow("groups", "weight too large"))
    };
    let (x, y) = (int(a)?, int(b)?);
    let g = crate::exact::gcd(x, y).max(1);
    Ok((x / g, y / g))
}
