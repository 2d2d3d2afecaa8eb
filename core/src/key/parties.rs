//! An allocation's parties, kept compact: an allocation made by a key holds
//! the key's parties (shared, not copied) and the apportionment (units and
//! what explains them, about 24 bytes a party), and makes each party's row
//! (quota, share, rounding, amount) when it is asked for. A row is the same
//! whether made now or kept: the JSON is written row by row from the compact
//! form, so a million parties are never held as a million explained rows
//! (issue 25: the command line's and Python's memory).

use super::roster::Roster;
use super::PartyAllocation;
use crate::apportion::Apportionment;
use crate::util::exact::{exact_mul, Quota};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::{Arc, OnceLock};

/// The parties of an [`Allocation`](super::Allocation), in key order.
///
/// Reads as a `Vec<PartyAllocation>` (`a.parties[0].units`,
/// `a.parties.iter()`); rows of an allocation made by a key are made on
/// first use and kept. [`Parties::len`], [`Parties::units`] and the JSON
/// need no rows.
///
/// # Example
/// ```
/// use andel_core::{Decimal, Key, Options};
/// let key = Key::from_weights([("A", 5), ("B", 3), ("C", 2)].map(|(i, w)| (i, Decimal::from(w))))?;
/// let a = key.apportion(7, &Options::default())?;
/// assert_eq!(a.parties.len(), 3);
/// assert_eq!(a.parties[0].units, 4); // quota 3.5, rounded up
/// # Ok::<(), andel_core::Error>(())
/// ```
pub struct Parties {
    /// Rows given whole (read from JSON, or changed).
    rows: Vec<PartyAllocation>,
    /// Or the compact form and its rows once made.
    made: Option<(Made, OnceLock<Vec<PartyAllocation>>)>,
}

/// What the rows of an allocation by a key are made from.
#[derive(Clone)]
pub(super) struct Made {
    /// The key's parties (shared with the key).
    pub(super) key: Arc<Roster>,
    /// The key's total weight (for shares).
    pub(super) key_total: Decimal,
    /// Units and their reasons.
    pub(super) a: Apportionment,
    /// The rounding unit.
    pub(super) unit: Decimal,
    /// A negative amount (amounts and quotas negated).
    pub(super) negative: bool,
}

impl Made {
    /// Party `i`'s row, as [`Allocation`](super::Allocation) has always
    /// shown it.
    fn row(&self, i: usize) -> Option<PartyAllocation> {
        let weight = *self.key.weights().get(i)?;
        let r = self.a.party(i)?;
        let quota = Quota {
            whole: r.quota_whole,
            remainder: r.quota_remainder,
            denominator: self.a.quota_denominator,
        };
        let sign_unit = if self.negative { -self.unit } else { self.unit };
        let quota_places = self.unit.normalize().scale() + 10;
        Some(PartyAllocation {
            id: self.key.id(i)?.to_string(),
            name: self.key.name(i).map(str::to_string),
            weight,
            basis: self.key.basis(i).clone(),
            share: weight.checked_div(self.key_total).unwrap_or(Decimal::ZERO),
            quota,
            quota_amount: super::quota_amount(&quota, self.unit, self.negative, quota_places),
            units: r.units,
            // units × unit is exact: split checked it already for money,
            // and places have unit 1.
            // Bounded: units × unit ≤ |total|, itself a decimal.
            amount: exact_mul(Decimal::from(r.units), sign_unit, "amount").unwrap_or(Decimal::ZERO),
            rounding: r.rounding,
            remainder_rank: r.remainder_rank,
            tie: r.tied.then_some(0),
        })
    }

    fn len(&self) -> usize {
        self.a.len().min(self.key.len())
    }

    fn rows(&self) -> Vec<PartyAllocation> {
        (0..self.len()).filter_map(|i| self.row(i)).collect()
    }
}

impl Parties {
    /// The compact parties of an allocation by a key.
    pub(super) fn made(made: Made) -> Parties {
        Parties {
            rows: Vec::new(),
            made: Some((made, OnceLock::new())),
        }
    }

    /// The number of parties (no rows made).
    pub fn len(&self) -> usize {
        match &self.made {
            Some((m, _)) => m.len(),
            None => self.rows.len(),
        }
    }

    /// True when there are no parties.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The units per party, in key order (no rows made).
    pub fn units(&self) -> Vec<u64> {
        match &self.made {
            Some((m, _)) => m.a.units().iter().take(m.len()).copied().collect(),
            None => self.rows.iter().map(|p| p.units).collect(),
        }
    }

    /// Party `i`'s row, made alone when the rows are not made (an
    /// explanation of one party out of a million makes one row).
    pub fn row(&self, i: usize) -> Option<std::borrow::Cow<'_, PartyAllocation>> {
        use std::borrow::Cow;
        match &self.made {
            Some((_, rows)) if rows.get().is_some() => rows.get()?.get(i).map(Cow::Borrowed),
            Some((m, _)) => m.row(i).map(Cow::Owned),
            None => self.rows.get(i).map(Cow::Borrowed),
        }
    }

    /// Every row in order, each made as it is reached when the rows are not
    /// made (for writing); `f` says whether to go on.
    fn each(&self, mut f: impl FnMut(&PartyAllocation) -> bool) {
        for i in 0..self.len() {
            match self.row(i) {
                Some(r) if !f(&r) => return,
                _ => {}
            }
        }
    }
}

impl std::ops::Deref for Parties {
    type Target = Vec<PartyAllocation>;
    fn deref(&self) -> &Vec<PartyAllocation> {
        match &self.made {
            Some((m, rows)) => rows.get_or_init(|| m.rows()),
            None => &self.rows,
        }
    }
}

impl std::ops::DerefMut for Parties {
    /// Rows to change: made (or taken, if made) and kept as given.
    fn deref_mut(&mut self) -> &mut Vec<PartyAllocation> {
        if let Some((m, rows)) = self.made.take() {
            self.rows = rows.into_inner().unwrap_or_else(|| m.rows());
        }
        &mut self.rows
    }
}

impl<'a> IntoIterator for &'a Parties {
    type Item = &'a PartyAllocation;
    type IntoIter = std::slice::Iter<'a, PartyAllocation>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl From<Vec<PartyAllocation>> for Parties {
    fn from(rows: Vec<PartyAllocation>) -> Parties {
        Parties { rows, made: None }
    }
}

impl FromIterator<PartyAllocation> for Parties {
    fn from_iter<I: IntoIterator<Item = PartyAllocation>>(iter: I) -> Parties {
        Parties::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Clone for Parties {
    fn clone(&self) -> Parties {
        Parties {
            rows: self.rows.clone(),
            made: self.made.clone(),
        }
    }
}

impl PartialEq for Parties {
    /// Row by row, however each side keeps them.
    fn eq(&self, other: &Parties) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|i| match (self.row(i), other.row(i)) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            })
    }
}

impl Eq for Parties {}

impl std::fmt::Debug for Parties {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut list = f.debug_list();
        self.each(|r| {
            list.entry(r);
            true
        });
        list.finish()
    }
}

impl Serialize for Parties {
    /// A list of rows, each made as it is written.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.len()))?;
        let mut failed = None;
        self.each(|r| match seq.serialize_element(r) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        });
        match failed {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

impl<'de> Deserialize<'de> for Parties {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Vec::<PartyAllocation>::deserialize(d).map(Parties::from)
    }
}
