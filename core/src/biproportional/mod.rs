//! Biproportional apportionment (the "doppelter Pukelsheim"): whole units in
//! a table whose row totals and column totals are both fixed. In the
//! minutes: case 2.9's places by KKR and programme (assistant, helper) when
//! both the KKR totals and the programme totals are fixed.
//!
//! Files: `mod` (options, result, the entry and its checks, the start),
//! `table` (the search over the table's graph and its ties), `ratio` (exact
//! costs in arbitrary-precision integers).
//!
//! Each cell gets weight × row multiplier × column multiplier, rounded by a
//! divisor method (D'Hondt rounds down, Sainte-Laguë to the nearest), with
//! the multipliers chosen so that every row and every column meets its total.
//! Such an apportionment is the optimum of a separable convex problem on the
//! table's bipartite graph (Gaffke and Pukelsheim 2008): giving a cell its
//! k-th unit costs ln(d(k-1) / weight). andel finds it exactly:
//!
//! 1. every row is apportioned by the divisor method over its cells, with
//!    each column's weights first scaled by a short decimal close to
//!    column total / column weight (any positive numbers would do: the start
//!    is then already optimal for the column sums it happens to have);
//! 2. a unit at a time is moved from a column above its total to one below it
//!    along the cheapest chain of cells (take a unit from one cell, give one
//!    to another in the same row, …), found by Bellman-Ford. Costs are sums of
//!    logarithms, so they are compared as products of exact fractions in
//!    arbitrary-precision integers: no floating point decides anything;
//! 3. ties: when another rounding is exactly as justified (a cycle of cells
//!    whose quotients sit exactly on a rounding boundary), the rule
//!    `order` gives the contested units to the cells earlier in the table,
//!    row by row and then column by column, and reports every tie;
//!    `error` refuses.
//!
//! Without row totals, the rows' totals are first apportioned over the whole
//! by the same method from the rows' summed weights (the upper
//! apportionment), and that 1-D result is returned with the table.
//!
//! Work grows with the table: each moved unit costs one shortest-path search
//! over the cells. Tables of parties × districts or regions × programmes
//! (tens to a few thousand cells) take milliseconds.

mod ratio;
mod table;

use crate::apportion::{apportion, Apportionment, DecidedBy, Divisor, Method, Options, TieRule};
use crate::error::{Error, Result};
use crate::exact::{exact_add, exact_mul, scale_weights, ScaledWeights};
use ratio::Ratio;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use table::Table;

/// How to apportion a table: the divisor method and the tie rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BiproportionalOptions {
    /// `dhondt`, `sainte_lague` (the default, as in Zurich and Zug) or
    /// `modified_sainte_lague`; the others have no first divisor above zero
    /// and are refused.
    pub method: Method,
    /// Modified Sainte-Laguë only: the first divisor (1.4 unless given).
    pub first_divisor: Option<Decimal>,
    /// `order` (the default) or `error`; a priority list is refused.
    pub ties: TieRule,
}

impl Default for BiproportionalOptions {
    fn default() -> Self {
        BiproportionalOptions {
            method: Method::SainteLague,
            first_divisor: None,
            ties: TieRule::Order,
        }
    }
}

/// Cells that another, equally justified rounding would change: the cells in
/// `winners` hold the contested units, the others could take them instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableTie {
    /// Every tied cell as (row, column), in table order.
    pub cells: Vec<(usize, usize)>,
    /// The tied cells that got a contested unit.
    pub winners: Vec<(usize, usize)>,
    /// The rule that decided (`order`).
    pub decided_by: DecidedBy,
}

/// The result of [`biproportional`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Biproportional {
    /// Whole units, row by row.
    pub cells: Vec<Vec<u64>>,
    /// Every row's total (given, or apportioned when not given).
    pub row_totals: Vec<u64>,
    /// Every column's total, as given.
    pub column_totals: Vec<u64>,
    /// The divisor method.
    pub method: Method,
    /// The first divisor, for modified Sainte-Laguë.
    pub first_divisor: Option<Decimal>,
    /// The upper apportionment of the rows' totals, when they were not given.
    pub rows: Option<Apportionment>,
    /// Ties met in the table, decided by the tie rule.
    pub ties: Vec<TableTie>,
}

/// Apportions whole units to the cells of a table so that every row and every
/// column meets its total; `weights` is a list of rows.
///
/// # Example
/// The worked example of the method on Wikipedia (three parties, three
/// regions of 7, 5 and 8 seats; the parties' 5, 11 and 4 seats are
/// apportioned from their votes):
/// ```
/// use andel_core::biproportional::{biproportional, BiproportionalOptions};
/// use rust_decimal::Decimal;
/// let votes: Vec<Vec<Decimal>> = [[123, 45, 815], [912, 714, 414], [312, 255, 215]]
///     .iter()
///     .map(|row| row.iter().map(|&v| Decimal::from(v)).collect())
///     .collect();
/// let t = biproportional(&votes, &[7, 5, 8], None, &BiproportionalOptions::default())?;
/// assert_eq!(t.row_totals, vec![5, 11, 4]);
/// assert_eq!(t.cells, vec![vec![1, 0, 4], vec![4, 4, 3], vec![2, 1, 1]]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn biproportional(
    weights: &[Vec<Decimal>],
    column_totals: &[u64],
    row_totals: Option<&[u64]>,
    options: &BiproportionalOptions,
) -> Result<Biproportional> {
    let divisor = table_divisor(options)?;
    let (r, c) = table_shape(weights, column_totals)?;
    let (flat, scaled) = cell_weights(weights, c)?;
    let total = units_of(column_totals)?;
    let method_options = Options {
        method: options.method,
        first_divisor: options.first_divisor,
        ties: options.ties.clone(),
        ..Options::default()
    };
    let (row_totals, rows) = rows_of(weights, row_totals, total, &method_options)?;
    let w = reachable(scaled.w, r, c, &row_totals, column_totals)?;
    let start = start(&flat, &w, r, c, &row_totals, column_totals, &method_options)?;
    let mut table = Table {
        r,
        c,
        w,
        n: start,
        divisor,
    };
    table.balance(column_totals)?;
    let potentials = table.shortest(&(0..r + c).collect::<Vec<_>>())?.0;
    let potentials: Vec<Ratio> = potentials
        .into_iter()
        .map(|p| p.unwrap_or_else(Ratio::one))
        .collect();
    table.prefer_earlier(&potentials);
    let ties = table.ties(&potentials);
    refuse_ties(options, &ties)?;
    let cells = (0..r)
        .map(|i| table.n[i * c..(i + 1) * c].to_vec())
        .collect();
    Ok(Biproportional {
        cells,
        row_totals,
        column_totals: column_totals.to_vec(),
        method: options.method,
        first_divisor: options.first_divisor,
        rows,
        ties,
    })
}

/// The divisor of a table's method: one whose first divisor is above zero,
/// and a tie rule that applies to a table.
fn table_divisor(options: &BiproportionalOptions) -> Result<Divisor> {
    let divisor = match (
        options.method,
        Divisor::new(options.method, options.first_divisor)?,
    ) {
        (Method::Dhondt | Method::SainteLague | Method::ModifiedSainteLague, Some(d)) => d,
        (m, _) => {
            return Err(Error::InvalidOption {
                field: "method".into(),
                message: crate::error::Problem::TableMethod {
                    method: m.to_string(),
                }
                .into(),
            })
        }
    };
    if let TieRule::Priority(_) = options.ties {
        return Err(Error::InvalidOption {
            field: "ties".into(),
            message: crate::error::Problem::TablePriority.into(),
        });
    }
    Ok(divisor)
}

/// The table's rows and columns: at least one of each, every row as long
/// as the column totals.
fn table_shape(weights: &[Vec<Decimal>], column_totals: &[u64]) -> Result<(usize, usize)> {
    let r = weights.len();
    let c = column_totals.len();
    if r == 0 {
        return Err(Error::NoParties {
            field: "weights".into(),
        });
    }
    if c == 0 {
        return Err(Error::NoParties {
            field: "column_totals".into(),
        });
    }
    for (i, row) in weights.iter().enumerate() {
        if row.len() != c {
            return Err(Error::LengthMismatch {
                field: format!("weights[{i}]"),
                expected: c,
                found: row.len(),
            });
        }
    }
    Ok((r, c))
}

/// The cells' weights row by row, and at one integer scale (errors name the
/// cell).
fn cell_weights(weights: &[Vec<Decimal>], c: usize) -> Result<(Vec<Decimal>, ScaledWeights)> {
    let flat: Vec<Decimal> = weights.iter().flatten().copied().collect();
    let cell_field = |k: usize| format!("weights[{}][{}]", k / c, k % c);
    let scaled = scale_weights(&flat, "weights").map_err(|e| {
        let k = e
            .field()
            .and_then(|f| f.strip_prefix("weights["))
            .and_then(|f| f.strip_suffix(']'))
            .and_then(|f| f.parse::<usize>().ok());
        match k {
            Some(k) => e.with_field(cell_field(k)),
            None => e,
        }
    })?;
    Ok((flat, scaled))
}

/// The units of the whole: the columns' totals, within what a divisor
/// method apportions.
fn units_of(column_totals: &[u64]) -> Result<u64> {
    column_totals
        .iter()
        .try_fold(0u64, |s, &x| s.checked_add(x))
        .filter(|&t| t <= crate::apportion::MAX_DIVISOR_UNITS)
        .ok_or_else(|| {
            Error::overflow(
                "column_totals",
                format!(
                    "the columns' totals add up to more than {}",
                    crate::apportion::MAX_DIVISOR_UNITS
                ),
            )
        })
}

/// The rows' totals: as given (adding up to the whole), or apportioned
/// from the rows' summed weights (the upper apportionment, returned too).
fn rows_of(
    weights: &[Vec<Decimal>],
    row_totals: Option<&[u64]>,
    total: u64,
    method_options: &Options,
) -> Result<(Vec<u64>, Option<Apportionment>)> {
    let r = weights.len();
    Ok(match row_totals {
        Some(given) => {
            if given.len() != r {
                return Err(Error::LengthMismatch {
                    field: "row_totals".into(),
                    expected: r,
                    found: given.len(),
                });
            }
            let sum = given
                .iter()
                .try_fold(0u64, |s, &x| s.checked_add(x))
                .ok_or_else(|| Error::overflow("row_totals", "the rows' totals are too large"))?;
            if sum != total {
                return Err(Error::Infeasible {
                    field: "row_totals".into(),
                    reason: crate::error::Problem::TotalsDiffer {
                        rows: sum,
                        columns: total,
                    }
                    .into(),
                });
            }
            (given.to_vec(), None)
        }
        None => {
            let sums = weights
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    row.iter().try_fold(Decimal::ZERO, |s, &w| {
                        exact_add(s, w, &format!("weights[{i}]"))
                    })
                })
                .collect::<Result<Vec<Decimal>>>()?;
            let upper = apportion(&sums, total, method_options).map_err(|e| {
                if let Error::ZeroTotalWeight { .. } = e {
                    Error::ZeroTotalWeight {
                        field: "weights".into(),
                    }
                } else {
                    e
                }
            })?;
            (upper.units().to_vec(), Some(upper))
        }
    })
}

/// The weights with every cell of a row or column that gets nothing at
/// zero; a row or column that must get units but has no cell left with
/// weight is infeasible.
fn reachable(
    mut w: Vec<u128>,
    r: usize,
    c: usize,
    row_totals: &[u64],
    column_totals: &[u64],
) -> Result<Vec<u128>> {
    // Rows or columns with a total of zero keep every cell at zero.
    for k in 0..r * c {
        if row_totals[k / c] == 0 || column_totals[k % c] == 0 {
            w[k] = 0;
        }
    }
    for (i, &t) in row_totals.iter().enumerate() {
        if t > 0 && (0..c).all(|j| w[i * c + j] == 0) {
            return Err(Error::Infeasible {
                field: format!("weights[{i}]"),
                reason: crate::error::Problem::RowWithoutCell { row: i, units: t }.into(),
            });
        }
    }
    for (j, &t) in column_totals.iter().enumerate() {
        if t > 0 && (0..r).all(|i| w[i * c + j] == 0) {
            return Err(Error::Infeasible {
                field: format!("column_totals[{j}]"),
                reason: crate::error::Problem::ColumnWithoutCell {
                    column: j,
                    units: t,
                }
                .into(),
            });
        }
    }
    Ok(w)
}

/// Under the tie rule `error`, a table with a tie is refused, naming its
/// cells.
fn refuse_ties(options: &BiproportionalOptions, ties: &[TableTie]) -> Result<()> {
    if options.ties == TieRule::Error && !ties.is_empty() {
        let cells: Vec<String> = ties
            .iter()
            .flat_map(|t| t.cells.iter())
            .map(|(i, j)| format!("({i}, {j})"))
            .collect();
        let units = ties.iter().map(|t| t.winners.len() as u64).sum();
        return Err(Error::Tie {
            parties: cells,
            units,
            reason: "cells (row, column) stand exactly on a rounding boundary and the tie \
                     rule is \"error\""
                .into(),
        });
    }
    Ok(())
}

/// Every row apportioned over its cells, the columns' weights scaled by a
/// short decimal near column total / column weight (or by 1 when that does
/// not fit exactly). Cells whose row or column gets nothing stay at zero.
fn start(
    weights: &[Decimal],
    w: &[u128],
    r: usize,
    c: usize,
    row_totals: &[u64],
    column_totals: &[u64],
    options: &Options,
) -> Result<Vec<u64>> {
    let kept = |k: usize| if w[k] == 0 { Decimal::ZERO } else { weights[k] };
    let row_options = Options {
        ties: TieRule::Order,
        ..options.clone()
    };
    // Every row apportioned with the columns' weights scaled by `m`; `None`
    // when a scaled weight does not fit exactly (then the caller stops
    // refining and keeps what it has).
    let rows = |m: &[Decimal]| -> Result<Option<Vec<u64>>> {
        let mut n = vec![0u64; r * c];
        for i in 0..r {
            if row_totals[i] == 0 {
                continue;
            }
            let Some(row) = (0..c)
                .map(|j| exact_mul(kept(i * c + j), m[j], "weights").ok())
                .collect::<Option<Vec<Decimal>>>()
            else {
                return Ok(None);
            };
            let a = match apportion(&row, row_totals[i], &row_options) {
                Ok(a) => a,
                // Scaled weights that span too many magnitudes: these
                // multipliers cannot be used (the unscaled weights can).
                Err(Error::Overflow { .. }) if m.iter().any(|x| *x != Decimal::ONE) => {
                    return Ok(None)
                }
                Err(e) => return Err(e.with_field(format!("weights[{i}]"))),
            };
            n[i * c..(i + 1) * c].copy_from_slice(a.units());
        }
        Ok(Some(n))
    };
    // Start from multipliers near column total / column weight, then a few
    // proportional corrections toward the column totals (each multiplier
    // kept to about nine digits). Any positive multipliers give a start that
    // is optimal for the column sums it has; these only make it close, so
    // that few units are left for the exact search.
    let mut m: Vec<Decimal> = (0..c)
        .map(|j| {
            let sum = (0..r).fold(Decimal::ZERO, |s, i| {
                s.checked_add(kept(i * c + j)).unwrap_or(s)
            });
            ratio_times(Decimal::ONE, column_totals[j].max(1), sum).unwrap_or(Decimal::ONE)
        })
        .collect();
    let Some(mut n) = rows(&m)? else {
        return rows(&vec![Decimal::ONE; c])?
            .ok_or_else(|| Error::overflow("weights", "the weights do not fit exact arithmetic"));
    };
    for _ in 0..12 {
        let sums: Vec<u64> = (0..c).map(|j| (0..r).map(|i| n[i * c + j]).sum()).collect();
        let off: u64 = sums
            .iter()
            .zip(column_totals)
            .map(|(&s, &t)| s.abs_diff(t))
            .sum();
        if off <= (r + c) as u64 {
            break;
        }
        let next: Option<Vec<Decimal>> = (0..c)
            .map(|j| match (sums[j], column_totals[j]) {
                (_, 0) => Some(m[j]),
                (0, _) => exact_mul(m[j], Decimal::from(2), "weights").ok(),
                (s, t) => ratio_times(m[j], t, Decimal::from(s)),
            })
            .collect();
        let Some(next) = next else { break };
        match rows(&next)? {
            Some(better) => {
                m = next;
                n = better;
            }
            None => break,
        }
    }
    Ok(n)
}

/// `m × num / den` to about nine significant digits, in integers (no
/// decimal division); `None` when it does not fit or is not positive.
fn ratio_times(m: Decimal, num: u64, den: Decimal) -> Option<Decimal> {
    if den <= Decimal::ZERO || m <= Decimal::ZERO {
        return None;
    }
    // m = a / 10^sa, den = b / 10^sb: m·num/den = a·num·10^sb / (b·10^sa).
    let (a, sa) = (m.mantissa().unsigned_abs(), m.scale());
    let (b, sb) = (den.mantissa().unsigned_abs(), den.scale());
    let top = a.checked_mul(u128::from(num))?;
    // Find k with top·10^(sb+k) / b at about nine digits, the result then
    // carrying the scale sa + k.
    (0..=28u32).find_map(|k| {
        let q = top.checked_mul(crate::exact::pow10(sb + k)?)? / b;
        if q < 100_000_000 && k < 28 {
            return None;
        }
        let q = i128::try_from(q).ok().filter(|&q| q > 0)?;
        Decimal::try_from_i128_with_scale(q, sa + k).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[i64]]) -> Vec<Vec<Decimal>> {
        rows.iter()
            .map(|r| r.iter().map(|&v| Decimal::from(v)).collect())
            .collect()
    }

    #[test]
    fn wikipedia_de_example() {
        // de.wikipedia.org, "Doppeltproportionales Zuteilungsverfahren":
        // three parties (rows) in three districts of 4, 5 and 6 seats.
        let votes = table(&[&[51, 98, 45], &[60, 100, 120], &[63, 102, 144]]);
        let t =
            biproportional(&votes, &[4, 5, 6], None, &BiproportionalOptions::default()).unwrap();
        assert_eq!(t.row_totals, vec![4, 5, 6]);
        assert_eq!(t.cells, vec![vec![1, 2, 1], vec![1, 2, 2], vec![2, 1, 3]]);
        assert!(t.ties.is_empty());
    }

    #[test]
    fn an_exact_tie_is_reported_and_goes_to_the_earlier_cell() {
        // Two rows and two columns of one seat each over equal weights: both
        // diagonals are equally justified.
        let w = table(&[&[1, 1], &[1, 1]]);
        let t = biproportional(
            &w,
            &[1, 1],
            Some(&[1, 1]),
            &BiproportionalOptions::default(),
        )
        .unwrap();
        assert_eq!(t.cells, vec![vec![1, 0], vec![0, 1]]);
        assert_eq!(t.ties.len(), 1);
        assert_eq!(t.ties[0].cells, vec![(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert_eq!(t.ties[0].winners, vec![(0, 0), (1, 1)]);
        let refuse = BiproportionalOptions {
            ties: TieRule::Error,
            ..BiproportionalOptions::default()
        };
        let e = biproportional(&w, &[1, 1], Some(&[1, 1]), &refuse).unwrap_err();
        assert_eq!(e.code(), "tie");
    }
}
