//! Distribution keys: a share for every party, the shares adding up to one.
//!
//! A [`Key`] keeps exact decimal weights; a party's share is its weight over
//! the total. Keys are built from weights, with exclusions, fixed shares and
//! blends, all exact: when a product needs more digits than a decimal holds,
//! that is an error, never a silent rounding. One rule a file, each citing the
//! case of the minutes (KKR Nordjylland, 18 November 2022) it serves:
//!
//! - `exclude`: parties that do not take part (2.8: Læsø and Morsø);
//! - `fixed`: a fixed share, the rest by weight (2.12: the region's 7,2 %);
//! - `blend`: a weighted sum of keys (2.9: KL's key, history and demography);
//! - `cost_split`: fixed parts first (2.8: municipalities 75 %, region 25 %);
//! - `nest`: two levels, groups then members (2.9: KKR, then municipalities);
//! - `allocation`: the result of splitting or apportioning by a key.

mod allocation;
mod blend;
mod cost_split;
mod exclude;
mod fixed;
mod nest;
mod parties;
mod roster;

pub(crate) use allocation::quota_amount;
pub use allocation::{Allocation, BoundaryReport, PartyAllocation, SeatRef, TieReport};
pub use cost_split::{cost_split, cost_split_from_part, CostPart, CostSplitResult};
pub use fixed::FixedShare;
pub use nest::{
    GroupAllocation, MemberTable, MemberTableGroup, MemberTableRow, Nest, NestRounding,
    NestedAllocation,
};
pub use parties::Parties;

use crate::apportion::{apportion_named, Options};
use crate::error::{Error, Result};
use crate::money::SplitOptions;
use crate::util::exact::exact_add;
use crate::util::sorted_map::Positions;
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
    /// The parties, compact (`roster.rs`), shared with the allocations
    /// made by the key (issue 25: not copied per allocation).
    parties: std::sync::Arc<roster::Roster>,
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

/// An age range, in whole years, both ends included; an open end has no
/// bound (`{"from": 65}` is 65 and over).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    /// The youngest age counted (0 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<u32>,
    /// The oldest age counted (no bound when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u32>,
}

/// What a key's weights count, for people to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WeightKind {
    /// Inhabitants on 1 January of `year` (Statistics Denmark, FOLK1A, or
    /// a population file read), of `ages` when not every age.
    Population {
        /// The year whose 1 January the figures are of.
        year: i32,
        /// The ages counted, when a population file counted only some.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ages: Option<Ages>,
    },
}

impl TryFrom<Vec<KeyParty>> for Key {
    type Error = Error;
    fn try_from(parties: Vec<KeyParty>) -> Result<Key> {
        Key::new(parties)
    }
}

impl From<Key> for Vec<KeyParty> {
    fn from(k: Key) -> Vec<KeyParty> {
        match std::sync::Arc::try_unwrap(k.parties) {
            Ok(roster) => roster.into_rows(),
            Err(shared) => shared.rows().to_vec(),
        }
    }
}

/// The checks every list of parties passes, a key's and an allocation's
/// alike: party `i`'s id is a valid id, not the first repeated one
/// (`repeat`, from `first_repeat`), and its weight is not negative.
pub(crate) fn check_party(
    i: usize,
    id: &str,
    weight: Decimal,
    repeat: Option<usize>,
) -> Result<()> {
    crate::error::check_id(id, &|| format!("parties[{i}].id"))?;
    if repeat == Some(i) {
        return Err(Error::DuplicateParty {
            field: format!("parties[{i}].id"),
            id: id.to_string(),
        });
    }
    if weight < Decimal::ZERO {
        return Err(Error::NegativeWeight {
            field: format!("parties[{i}].weight"),
            value: weight,
        });
    }
    Ok(())
}

impl Key {
    /// A key from parties; checks ids are unique, weights not negative and
    /// not all zero.
    pub fn new(parties: Vec<KeyParty>) -> Result<Key> {
        let mut b = KeyBuilder::with_capacity(parties.len());
        for p in parties {
            b.roster.push(&p.id, p.name.as_deref(), p.weight, p.basis);
        }
        b.build()
    }

    /// A key of the parties kept compact (`roster.rs`): the checks of
    /// [`Key::new`].
    fn checked(mut roster: roster::Roster) -> Result<Key> {
        roster.shrink();
        if roster.len() == 0 {
            return Err(Error::NoParties {
                field: "parties".into(),
            });
        }
        let repeat = roster.first_repeat();
        let mut total = Decimal::ZERO;
        for (i, (id, &w)) in roster.ids().zip(roster.weights()).enumerate() {
            check_party(i, id, w, repeat)?;
            total = exact_add(total, w, "parties")?;
        }
        if total.is_zero() {
            return Err(Error::ZeroTotalWeight {
                field: "parties".into(),
            });
        }
        Ok(Key {
            parties: std::sync::Arc::new(roster),
            total,
            kind: None,
        })
    }

    /// The number of parties.
    pub fn len(&self) -> usize {
        self.parties.len()
    }

    /// True when the key has no parties (a built key always has some).
    pub fn is_empty(&self) -> bool {
        self.parties.len() == 0
    }

    /// Party `i`'s id (no [`KeyParty`] made).
    pub fn id(&self, i: usize) -> Option<&str> {
        self.parties.id(i)
    }

    /// Party `i`'s name, when it has one (no [`KeyParty`] made).
    pub fn name(&self, i: usize) -> Option<&str> {
        self.parties.name(i)
    }

    /// Party `i`'s basis (no [`KeyParty`] made).
    pub fn basis(&self, i: usize) -> Option<&Basis> {
        (i < self.len()).then(|| self.parties.basis(i))
    }

    /// The weights, in order, as the key holds them.
    pub fn weight_list(&self) -> &[Decimal] {
        self.parties.weights()
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

    /// The parties, in order, as [`KeyParty`] values: made on the first
    /// call and kept with the key (about 100 bytes a party; the key itself
    /// keeps them compact, and [`Key::id`], [`Key::name`],
    /// [`Key::weight_list`] read them without making them).
    pub fn parties(&self) -> &[KeyParty] {
        self.parties.rows()
    }

    /// The total weight.
    pub fn total_weight(&self) -> Decimal {
        self.total
    }

    /// The ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.parties.ids().map(str::to_string).collect()
    }

    /// The weights, in order.
    pub fn weights(&self) -> Vec<Decimal> {
        self.parties.weights().to_vec()
    }

    /// The position of a party. (A scan: for many lookups, see
    /// `Key::positions`.)
    pub fn position(&self, id: &str) -> Option<usize> {
        self.parties.ids().position(|p| p == id)
    }

    /// The parties' positions, for `lookups` lookups by id.
    pub(crate) fn positions(&self, lookups: usize) -> Positions<'_> {
        Positions::new(self.parties.ids(), lookups)
    }

    /// Party `i`'s share, as a decimal with 28 significant digits (for
    /// display; allocations use the exact weights).
    pub fn share(&self, i: usize) -> Decimal {
        self.parties
            .weights()
            .get(i)
            .and_then(|w| w.checked_div(self.total))
            .unwrap_or(Decimal::ZERO)
    }

    /// Runs the engine with the key's ids where it needs them: to look
    /// parties up (`named`: limits by id, a priority order) or to name them
    /// in an error. Otherwise it runs without a copy of every id (issue 25:
    /// 10^6 ids are tens of MB), and an error is made again with the ids so
    /// it names the parties as it always has; the ids change nothing else.
    fn with_ids<T>(&self, named: bool, run: impl Fn(Option<&[String]>) -> Result<T>) -> Result<T> {
        if !named {
            if let Ok(r) = run(None) {
                return Ok(r);
            }
        }
        run(Some(&self.ids()))
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
        let weights = self.weight_list();
        let a = self.with_ids(options.parties_named() > 0, |ids| {
            apportion_named(weights, ids, total, options)
        })?;
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
        // As `split_named`, without the parts as decimals: the allocation
        // makes each party's amount from its units when asked (issue 25).
        let units = crate::money::units_in(amount, options.unit)?;
        let o = Options {
            ties: options.ties.clone(),
            ..Options::default()
        };
        let weights = self.weight_list();
        let a = self.with_ids(o.parties_named() > 0, |ids| {
            apportion_named(weights, ids, units, &o)
        })?;
        Ok(Allocation::new(
            self,
            a,
            amount,
            options.unit,
            amount.is_sign_negative(),
            true,
        ))
    }
}

/// Builds a key a party at a time, keeping the parties compact (no
/// [`KeyParty`] a party: issue 25, 10^6 parties).
///
/// # Example
/// ```
/// use andel_core::{Decimal, KeyBuilder};
/// let mut b = KeyBuilder::with_capacity(2);
/// b.push("851", Some("Aalborg"), Decimal::from(221_082));
/// b.push("860", None, Decimal::from(63_839));
/// let key = b.build()?;
/// assert_eq!((key.id(1), key.name(0), key.name(1)), (Some("860"), Some("Aalborg"), None));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub struct KeyBuilder {
    roster: roster::Roster,
}

impl KeyBuilder {
    /// A builder with room for `n` parties.
    pub fn with_capacity(n: usize) -> KeyBuilder {
        KeyBuilder {
            roster: roster::Roster::with_capacity(n),
        }
    }

    /// Adds a party with a plain weight at the end.
    pub fn push(&mut self, id: &str, name: Option<&str>, weight: Decimal) {
        self.roster.push(id, name, weight, Basis::Weight);
    }

    /// The key, with the checks of [`Key::new`].
    pub fn build(self) -> Result<Key> {
        Key::checked(self.roster)
    }
}
