//! A cost split in fixed parts, each part split further by its own key.
//! The minutes' case 2.8: the municipalities pay 75 % of the costs, Region
//! Nordjylland 25 %; the minutes state the municipalities' part (4,275 to
//! 5,59 million kr.), so [`cost_split_from_part`] starts from it.

use super::allocation::Allocation;
use super::fixed::FixedShare;
use super::{Basis, Key, KeyParty};
use crate::error::{Error, Result};
use crate::money::SplitOptions;
use crate::util::exact::exact_add;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
                reason: crate::error::Problem::PartShareRange.into(),
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
            reason: crate::error::Problem::PartsNotOne.into(),
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
    let rest = crate::util::exact::rest_of_whole(amount, given.share, options.unit, "total")?;
    let whole = amount
        .checked_add(rest)
        .ok_or_else(|| Error::overflow("total", "the whole is too large"))?;
    let r = cost_split(whole, parts, options)?;
    let got = r.parts.parties.get(part).map(|p| p.amount);
    if got != Some(amount) {
        return Err(Error::Infeasible {
            field: "part".into(),
            reason: crate::error::Problem::PartNotGivenBack {
                amount,
                id: given.id.clone(),
                whole,
                got: got.unwrap_or_default(),
            }
            .into(),
        });
    }
    Ok(r)
}
