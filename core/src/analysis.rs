//! What analysts do with allocations: compare two side by side, measure
//! attainment of dimensioned places, spread a total over years.

use crate::error::{Error, Result};
use crate::key::{Allocation, Basis, Key, KeyParty};
use crate::money::SplitOptions;
use crate::util::exact::exact_add;
use crate::util::sorted_map::SortedMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One party in a comparison of two allocations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRow {
    /// The party id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Share under the first (base) allocation; zero when absent.
    pub share_base: Decimal,
    /// Share under the second.
    pub share_other: Decimal,
    /// Amount (or units) under the first.
    pub amount_base: Decimal,
    /// Amount (or units) under the second.
    pub amount_other: Decimal,
    /// `amount_other - amount_base`.
    pub change: Decimal,
}

/// Two allocations side by side, per party: the base's parties in order,
/// then any only in the other.
///
/// # Example
/// ```
/// use andel_core::{analysis::compare, Decimal, Key, Options};
/// let w = |xs: &[(&str, i64)]| Key::from_weights(xs.iter().map(|&(i, w)| (i, Decimal::from(w))));
/// let old = w(&[("A", 1), ("B", 1)])?.apportion(10, &Options::default())?;
/// let new = w(&[("A", 3), ("B", 1), ("C", 1)])?.apportion(10, &Options::default())?;
/// let rows = compare(&old, &new)?;
/// assert_eq!(rows[0].change, Decimal::from(1)); // A: 5 → 6
/// assert_eq!(rows[2].amount_base, Decimal::ZERO); // C was not in the old key
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn compare(base: &Allocation, other: &Allocation) -> Result<Vec<ComparisonRow>> {
    let mut rows: Vec<ComparisonRow> = Vec::new();
    let index: SortedMap<&str, usize> = (base.parties.iter().enumerate())
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for p in &base.parties {
        rows.push(ComparisonRow {
            id: p.id.clone(),
            name: p.name.clone(),
            share_base: p.share,
            share_other: Decimal::ZERO,
            amount_base: p.amount,
            amount_other: Decimal::ZERO,
            change: -p.amount,
        });
    }
    for p in &other.parties {
        let i = match index.get(p.id.as_str()) {
            Some(&i) => i,
            None => {
                rows.push(ComparisonRow {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    share_base: Decimal::ZERO,
                    share_other: Decimal::ZERO,
                    amount_base: Decimal::ZERO,
                    amount_other: Decimal::ZERO,
                    change: Decimal::ZERO,
                });
                rows.len() - 1
            }
        };
        let r = &mut rows[i];
        r.share_other = p.share;
        r.amount_other = p.amount;
        // Checked: allocations read back from JSON may hold anything.
        r.change = p.amount.checked_sub(r.amount_base).ok_or_else(|| {
            Error::overflow(format!("compare.{}", p.id), "the change is too large")
        })?;
        if r.name.is_none() {
            r.name = p.name.clone();
        }
    }
    Ok(rows)
}

/// Dimensioned against actual for one party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttainmentRow {
    /// The party id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it was given (dimensioned).
    pub dimensioned: Decimal,
    /// What it actually has.
    pub actual: Decimal,
    /// `actual - dimensioned`: negative is below.
    pub difference: Decimal,
    /// The difference in percent of the dimensioned, to two decimals
    /// (half away from zero); `None` when nothing was dimensioned.
    pub percent: Option<Decimal>,
}

/// Dimensioned versus actual per party (every party of the allocation). A
/// party named in `actual` but not in the allocation is an error, and so is
/// a party that takes part but has no actual figure: nothing is taken as 0
/// unless it says 0. An excluded party may be left out (it had no part).
///
/// # Example
/// ```
/// use andel_core::{analysis::attainment, Decimal, Key, Options, SortedMap};
/// let a = Key::from_weights([("N", Decimal::from(1))])?.apportion(100, &Options::default())?;
/// let rows = attainment(&a, &SortedMap::from([("N".to_string(), Decimal::from(74))]))?;
/// assert_eq!(rows[0].percent, Some(Decimal::from(-26)));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn attainment(
    dimensioned: &Allocation,
    actual: &SortedMap<String, Decimal>,
) -> Result<Vec<AttainmentRow>> {
    for id in actual.keys() {
        if dimensioned.get(id).is_none() {
            return Err(Error::UnknownParty {
                field: format!("actual.{id}"),
                id: id.clone(),
            });
        }
    }
    let missing: Vec<String> = dimensioned
        .parties
        .iter()
        .filter(|p| !matches!(p.basis, Basis::Excluded { .. }) && actual.get(&p.id).is_none())
        .map(|p| p.id.clone())
        .collect();
    if let Some(first) = missing.first() {
        return Err(Error::Document {
            field: format!("actual.{first}"),
            message: crate::error::Problem::MissingActual { ids: missing }.into(),
        });
    }
    dimensioned
        .parties
        .iter()
        .map(|p| {
            let actual = actual.get(&p.id).copied().unwrap_or(Decimal::ZERO);
            row(
                p.id.clone(),
                p.name.clone(),
                p.amount,
                actual,
                &format!("actual.{}", p.id),
            )
        })
        .collect()
}

/// One row: the difference and the percent of the dimensioned.
fn row(
    id: String,
    name: Option<String>,
    dimensioned: Decimal,
    actual: Decimal,
    field: &str,
) -> Result<AttainmentRow> {
    let too_large = || Error::overflow(field, "the difference to the dimensioned is too large");
    let difference = actual.checked_sub(dimensioned).ok_or_else(too_large)?;
    let percent = if dimensioned.is_zero() {
        None
    } else {
        // ×100 first keeps the digits; for huge differences divide first.
        let x = match difference.checked_mul(Decimal::ONE_HUNDRED) {
            Some(h) => h.checked_div(dimensioned),
            None => difference
                .checked_div(dimensioned)
                .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)),
        }
        .ok_or_else(too_large)?;
        Some(x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
    };
    Ok(AttainmentRow {
        id,
        name,
        dimensioned,
        actual,
        difference,
        percent,
    })
}

/// The rows of [`attainment`] added up (id `total`): the dimensioned and
/// the actual summed, their difference, and the difference in percent of
/// the summed dimensioned (not an average of the rows' percents).
///
/// # Example
/// ```
/// use andel_core::{analysis::{attainment, attainment_total}, Decimal, Key, Options, SortedMap};
/// let a = Key::from_weights([("A", Decimal::from(2)), ("B", Decimal::from(1))])?
///     .apportion(9000, &Options::default())?;
/// let actual = SortedMap::from([("A".to_string(), Decimal::from(5753)), ("B".to_string(), Decimal::from(3496))]);
/// let total = attainment_total(&attainment(&a, &actual)?)?;
/// assert_eq!((total.difference, total.percent), (Decimal::from(249), Some(Decimal::new(277, 2))));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn attainment_total(rows: &[AttainmentRow]) -> Result<AttainmentRow> {
    let mut dimensioned = Decimal::ZERO;
    let mut actual = Decimal::ZERO;
    for r in rows {
        dimensioned = crate::util::exact::exact_add(dimensioned, r.dimensioned, "actual")?;
        actual = crate::util::exact::exact_add(actual, r.actual, "actual")?;
    }
    row("total".into(), None, dimensioned, actual, "actual")
}

/// One year's part of a total spread over years.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearShare {
    /// The year.
    pub year: i32,
    /// Its fraction of the total (the fractions add up to exactly 1).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::number::decimal_schema")
    )]
    pub fraction: Decimal,
}

/// Spreads `total` over years by the fractions given (adding up to exactly
/// 1), rounded to the unit, the years adding up exactly to the total.
///
/// # Example
/// ```
/// use andel_core::{analysis::{spread_years, YearShare}, Decimal, SplitOptions};
/// let years = [(2023, 5), (2024, 3), (2025, 2)]
///     .map(|(year, tenths)| YearShare { year, fraction: Decimal::new(tenths, 1) });
/// let s = spread_years(Decimal::from(4_275_000), &years, &SplitOptions::default())?;
/// assert_eq!(s.amounts(), vec![Decimal::from(2_137_500), Decimal::from(1_282_500), Decimal::from(855_000)]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn spread_years(
    total: Decimal,
    years: &[YearShare],
    options: &SplitOptions,
) -> Result<Allocation> {
    let mut sum = Decimal::ZERO;
    for (i, y) in years.iter().enumerate() {
        if y.fraction < Decimal::ZERO || y.fraction > Decimal::ONE {
            return Err(Error::InvalidShare {
                field: format!("years[{i}].fraction"),
                value: y.fraction,
                reason: crate::error::Problem::YearFractionRange.into(),
            });
        }
        sum = exact_add(sum, y.fraction, "years")?;
    }
    if sum != Decimal::ONE {
        return Err(Error::InvalidShare {
            field: "years".into(),
            value: sum,
            reason: crate::error::Problem::YearsNotOne.into(),
        });
    }
    let key = Key::new(
        years
            .iter()
            .map(|y| KeyParty::new(y.year.to_string(), None, y.fraction))
            .collect(),
    )
    .map_err(|e| e.under("years"))?;
    key.split(total, options)
}
