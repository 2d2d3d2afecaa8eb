//! A total spread over years, then each year split by the key: the party ×
//! year table rounded both ways (controlled rounding, DESIGN.md), so that a
//! party's years add up to its total and a year's parties to its amount
//! (the minutes' 2.8 and 2.12, their totals spread over budget years).

// Without `tables` only the stub that refuses is built.
#![cfg_attr(not(feature = "tables"), allow(unused_imports))]

use super::CellRef;
use crate::analysis::YearShare;
use crate::error::{Error, Result};
use crate::key::Allocation;
use rust_decimal::Decimal;

#[cfg(not(feature = "tables"))]
pub(super) fn round_both_ways(
    _: &Allocation,
    _: &Allocation,
    _: &[YearShare],
    _: &mut [Allocation],
) -> Result<Vec<Vec<CellRef>>> {
    Err(Error::InvalidOption {
        field: "years".into(),
        message: crate::error::Problem::LeftOut {
            what: crate::error::LeftOut::Tables,
        }
        .into(),
    })
}

/// Rounds the party × year table both ways: each cell the exact
/// `quota(party) × fraction(year)` rounded down or up so that every party's
/// years add up to its total (`whole`) and every year to its amount
/// (`years`). Rewrites the per-year allocations' units, amounts, quotas and
/// roundings; returns the ties.
#[cfg(feature = "tables")]
pub(super) fn round_both_ways(
    whole: &Allocation,
    years: &Allocation,
    shares: &[YearShare],
    per_year: &mut [Allocation],
) -> Result<Vec<Vec<CellRef>>> {
    use crate::exact::U256;
    let overflow = || Error::overflow("years", "the year table is too large to round exactly");
    // Fractions as integers over one power of ten.
    let scale = shares
        .iter()
        .map(|y| y.fraction.normalize().scale())
        .max()
        .unwrap_or(0);
    let ten = crate::exact::pow10(scale).ok_or_else(overflow)?;
    let fraction: Vec<u128> = shares
        .iter()
        .map(|y| {
            let f = y.fraction.normalize();
            let m = u128::try_from(f.mantissa()).map_err(|_| overflow())?;
            crate::exact::pow10(scale - f.scale())
                .and_then(|p| m.checked_mul(p))
                .ok_or_else(overflow)
        })
        .collect::<Result<_>>()?;
    let quotas: Vec<crate::exact::Quota> = whole.parties.iter().map(|p| p.quota).collect();
    let cells = crate::table::outer_cells(&quotas, &fraction, ten)?;
    let (whole_units, remainders, denominator) = (cells.whole, cells.remainder, cells.denominator);
    let rows: Vec<u64> = whole.parties.iter().map(|p| p.units).collect();
    let columns: Vec<u64> = years.parties.iter().map(|y| y.units).collect();
    let t =
        crate::table::controlled_round(&whole_units, &remainders, denominator, &rows, &columns)?;
    for (j, a) in per_year.iter_mut().enumerate() {
        let unit = if a.total.is_sign_negative() {
            -a.unit
        } else {
            a.unit
        };
        for (i, p) in a.parties.iter_mut().enumerate() {
            let units = t.cells[i][j];
            p.units = units;
            // Bounded: a cell is at most its row's units, whose amount fits.
            p.amount = crate::exact::exact_mul(Decimal::from(units), unit, "years")?;
            p.quota = crate::exact::Quota::new(
                U256::mul(denominator, u128::from(whole_units[i][j]))
                    .checked_add(U256::from_u128(remainders[i][j]))
                    .ok_or_else(overflow)?,
                denominator,
            )
            .ok_or_else(overflow)?;
            p.rounding = if t.up[i][j] {
                crate::apportion::Rounding::Up
            } else if remainders[i][j] == 0 {
                crate::apportion::Rounding::Exact
            } else {
                crate::apportion::Rounding::Down
            };
            p.remainder_rank = None;
            p.tie = None;
        }
        a.ties.clear();
        a.boundary = None;
    }
    Ok(t.ties
        .iter()
        .map(|g| {
            g.iter()
                .map(|&(i, j)| CellRef {
                    party: whole
                        .parties
                        .get(i)
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                    year: years
                        .parties
                        .get(j)
                        .map(|y| y.id.clone())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .collect())
}
