//! A weighted sum of keys. The minutes' case 2.9: KL's key for SOSU training
//! places blends the historical distribution of places with demography.

use super::{Basis, Key, KeyParty};
use crate::error::{Error, Result};
use crate::util::exact::{exact_add, exact_mul};
use crate::util::sorted_map::SortedMap;
use rust_decimal::Decimal;

impl Key {
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
                    reason: crate::error::Problem::BlendWeightNegative.into(),
                });
            }
            sum = exact_add(sum, *alpha, "blend")?;
        }
        if sum != Decimal::ONE {
            return Err(Error::InvalidShare {
                field: "blend".into(),
                value: sum,
                reason: crate::error::Problem::BlendNotOne.into(),
            });
        }
        // weightᵢ = Σₖ αₖ · wₖᵢ · Πⱼ≠ₖ Wⱼ: the shares times Πⱼ Wⱼ, exactly.
        // The parties in order of first appearance, each with the first
        // name it is given.
        let seen: Vec<&KeyParty> = parts
            .iter()
            .flat_map(|(_, key)| key.parties().iter())
            .collect();
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
            for p in key.parties().iter() {
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
}
