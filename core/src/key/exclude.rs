//! Parties that do not take part: weight zero, so they get exactly nothing
//! and the others share the whole. The minutes' case 2.8: Læsø and Morsø do
//! not take part in the new residential offer, and the municipal part is
//! split between the other nine municipalities by population.

use super::roster::Roster;
use super::{Basis, Key};
use crate::error::{Error, Result};
use rust_decimal::Decimal;

impl Key {
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
        let positions = self.positions(ids.len());
        let mut out = vec![false; self.len()];
        for (n, id) in ids.iter().enumerate() {
            let id = id.as_ref();
            let i = positions.get(id).ok_or_else(|| Error::UnknownParty {
                field: format!("exclude[{n}]"),
                id: id.to_string(),
            })?;
            if let Some(o) = out.get_mut(i) {
                *o = true;
            }
        }
        // The parties copied compact (no KeyParty a party: issue 25).
        let mut roster = Roster::with_capacity(self.len());
        for (i, (&w, &o)) in self.weight_list().iter().zip(&out).enumerate() {
            let basis = self.parties.basis(i);
            let (weight, basis) = match (o, basis) {
                // Excluded twice keeps the weight it had first.
                (true, Basis::Excluded { weight }) => {
                    (Decimal::ZERO, Basis::Excluded { weight: *weight })
                }
                (true, _) => (Decimal::ZERO, Basis::Excluded { weight: Some(w) }),
                (false, b) => (w, b.clone()),
            };
            roster.push(self.id(i).unwrap_or_default(), self.name(i), weight, basis);
        }
        Key::checked(roster)
            .map(|k| k.with_kind(self.kind))
            .map_err(|e| match e {
                Error::ZeroTotalWeight { .. } => Error::ZeroTotalWeight {
                    field: "exclude".into(),
                },
                e => e,
            })
    }
}
