//! A fixed share for some parties, the others sharing the rest by weight.
//! The minutes' case 2.12: Region Nordjylland keeps a fixed 7,2 % of the key
//! for paid pedagogue internships, the municipalities share 92,8 % by
//! population.

use super::{Basis, Key, KeyParty};
use crate::error::{Error, Result};
use crate::util::exact::{exact_add, exact_mul};
use crate::util::sorted_map::{first_repeat, SortedMap};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
        schemars(schema_with = "crate::number::decimal_schema")
    )]
    pub share: Decimal,
}

impl Key {
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
                    reason: crate::error::Problem::ShareRange.into(),
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
                reason: crate::error::Problem::FixedOverOne.into(),
            });
        }
        // Bounded: 0 ≤ sum ≤ 1 (checked above).
        let rest = Decimal::ONE - sum;
        let mut rest_weight = Decimal::ZERO;
        for p in self.parties().iter() {
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
        let mut parties = Vec::with_capacity(self.len() + fixed.len());
        for (i, p) in self.parties().iter().enumerate() {
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
}
