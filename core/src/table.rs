//! Tables whose rows and columns both add up: controlled rounding.
//!
//! Given exact cell values (as fractions of one common denominator) and a
//! whole total for every row and every column, each a rounding down or up
//! of its exact sum, every cell is rounded to the whole number just below or
//! above its exact value so that every row and every column meets its total
//! exactly. Such a rounding exists for some choice of rounded margins;
//! margins rounded independently can be out of reach in rare tables, and
//! that is an error (checked in the property tests against an exhaustive
//! search). The cells that
//! go up are chosen by largest remainder: in order of remainder, largest
//! first, a cell goes up whenever the totals can still all be met after it
//! (checked by a small flow on the table's bipartite graph). Equal remainders
//! are taken in row order, then column order, and reported as ties when the
//! rule separated them. Where no rounding can meet both (only possible when
//! the margins are not roundings of the exact sums), that is an error.

use crate::error::{Error, Result};
use crate::money::{split, SplitOptions};
use crate::util::exact::{exact_mul, scale_weights, Quota, U256};
use rust_decimal::Decimal;

/// A rounded table: whole cells, which cells went up, and ties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// Whole cells, row by row.
    pub cells: Vec<Vec<u64>>,
    /// Whether each cell was rounded up (its exact value not being whole).
    pub up: Vec<Vec<bool>>,
    /// Groups of cells (row, column) with equal remainders that the rule
    /// separated: some went up, some did not.
    pub ties: Vec<Vec<(usize, usize)>>,
}

/// Rounds `whole[i][j] + remainder[i][j] / denominator` (remainder below
/// the denominator) to whole cells meeting `rows` and `columns` exactly.
pub fn controlled_round(
    whole: &[Vec<u64>],
    remainder: &[Vec<u128>],
    denominator: u128,
    rows: &[u64],
    columns: &[u64],
) -> Result<Rounded> {
    let r = rows.len();
    let c = columns.len();
    let shape_ok = whole.len() == r
        && remainder.len() == r
        && whole.iter().all(|w| w.len() == c)
        && remainder.iter().all(|x| x.len() == c);
    if !shape_ok {
        return Err(Error::LengthMismatch {
            field: "table".into(),
            expected: r * c,
            found: whole.iter().map(Vec::len).sum(),
        });
    }
    use crate::error::{Problem, TableMiss};
    let impossible = |why: TableMiss| Error::Infeasible {
        field: "table".into(),
        reason: Problem::NoRounding { why }.into(),
    };
    // What each row and column needs beyond the cells rounded down.
    let mut need_row = vec![0u64; r];
    let mut need_col = vec![0u64; c];
    for i in 0..r {
        let floor: u64 = whole[i]
            .iter()
            .try_fold(0u64, |s, x| s.checked_add(*x))
            .ok_or_else(|| impossible(TableMiss::TooLarge))?;
        need_row[i] = rows[i]
            .checked_sub(floor)
            .ok_or_else(|| impossible(TableMiss::RowBelow { row: i }))?;
    }
    for j in 0..c {
        let floor: u64 = (0..r)
            .try_fold(0u64, |s, i| s.checked_add(whole[i][j]))
            .ok_or_else(|| impossible(TableMiss::TooLarge))?;
        need_col[j] = columns[j]
            .checked_sub(floor)
            .ok_or_else(|| impossible(TableMiss::ColumnBelow { column: j }))?;
    }
    if need_row.iter().map(|&x| u128::from(x)).sum::<u128>()
        != need_col.iter().map(|&x| u128::from(x)).sum::<u128>()
    {
        return Err(impossible(TableMiss::TotalsDiffer));
    }
    // Candidate cells (a remainder above zero), largest remainder first.
    let mut order: Vec<(usize, usize)> = (0..r)
        .flat_map(|i| (0..c).map(move |j| (i, j)))
        .filter(|&(i, j)| remainder[i][j] > 0 && remainder[i][j] < denominator)
        .collect();
    crate::util::sort::sort_unstable_by(&mut order, |&(a, b), &(x, y)| {
        remainder[x][y]
            .cmp(&remainder[a][b])
            .then((a, b).cmp(&(x, y)))
    });
    let mut open = vec![vec![false; c]; r];
    for &(i, j) in &order {
        open[i][j] = true;
    }
    if !feasible(&need_row, &need_col, &open) {
        return Err(impossible(TableMiss::NotRoundings));
    }
    let mut up = vec![vec![false; c]; r];
    for &(i, j) in &order {
        open[i][j] = false;
        if need_row[i] > 0 && need_col[j] > 0 {
            need_row[i] -= 1;
            need_col[j] -= 1;
            if feasible(&need_row, &need_col, &open) {
                up[i][j] = true;
                continue;
            }
            need_row[i] += 1;
            need_col[j] += 1;
        }
    }
    if need_row.iter().any(|&x| x > 0) || need_col.iter().any(|&x| x > 0) {
        return Err(impossible(TableMiss::MarginsUnmet));
    }
    // Ties: equal remainders that the rule separated.
    let mut ties = Vec::new();
    let mut k = 0;
    while k < order.len() {
        let (i, j) = order[k];
        let group: Vec<(usize, usize)> = order[k..]
            .iter()
            .take_while(|&&(a, b)| remainder[a][b] == remainder[i][j])
            .copied()
            .collect();
        k += group.len();
        let ups = group.iter().filter(|&&(a, b)| up[a][b]).count();
        if ups > 0 && ups < group.len() {
            ties.push(group);
        }
    }
    let cells = (0..r)
        .map(|i| (0..c).map(|j| whole[i][j] + u64::from(up[i][j])).collect())
        .collect();
    Ok(Rounded { cells, up, ties })
}

/// Whether some 0/1 choice of the open cells gives every row `rows[i]` and
/// every column `columns[j]` ones: a maximum flow from the rows to the
/// columns through the open cells (augmenting paths; small tables).
fn feasible(rows: &[u64], columns: &[u64], open: &[Vec<bool>]) -> bool {
    let need: u64 = rows.iter().sum();
    let c = columns.len();
    let mut left_col: Vec<u64> = columns.to_vec();
    // Which row each unit of a column is matched to: flow on (row, column).
    let mut flow = vec![vec![false; c]; rows.len()];
    let mut from_row: Vec<u64> = vec![0; rows.len()];
    let mut total = 0;
    for i in 0..rows.len() {
        while from_row[i] < rows[i] {
            let mut seen_col = vec![false; c];
            if !augment(
                i,
                open,
                &mut flow,
                &mut left_col,
                &mut seen_col,
                &mut from_row,
            ) {
                return false;
            }
            total += 1;
        }
    }
    total == need
}

/// One augmenting path from row `i`: to a column with room, or through a
/// column to the row holding it, which then tries another column.
fn augment(
    i: usize,
    open: &[Vec<bool>],
    flow: &mut [Vec<bool>],
    left_col: &mut [u64],
    seen: &mut [bool],
    from_row: &mut [u64],
) -> bool {
    for j in 0..left_col.len() {
        if !open[i][j] || flow[i][j] || seen[j] {
            continue;
        }
        seen[j] = true;
        if left_col[j] > 0 {
            left_col[j] -= 1;
            flow[i][j] = true;
            from_row[i] += 1;
            return true;
        }
        // The column is full: move one of its rows elsewhere.
        for k in 0..flow.len() {
            if k != i && flow[k][j] {
                flow[k][j] = false;
                from_row[k] -= 1;
                if augment(k, open, flow, left_col, seen, from_row) {
                    flow[i][j] = true;
                    from_row[i] += 1;
                    return true;
                }
                flow[k][j] = true;
                from_row[k] += 1;
            }
        }
    }
    false
}

/// The cells of an outer-product table: row `i`'s exact quota times column
/// `j`'s weight over the columns' total, as whole parts and remainders over
/// one denominator.
pub(crate) struct Cells {
    pub(crate) whole: Vec<Vec<u64>>,
    pub(crate) remainder: Vec<Vec<u128>>,
    pub(crate) denominator: u128,
}

pub(crate) fn outer_cells(rows: &[Quota], column: &[u128], column_total: u128) -> Result<Cells> {
    let overflow = || Error::overflow("table", "the table is too large to round exactly");
    let mut denominator = 1u128;
    let (mut whole, mut remainder) = (Vec::new(), Vec::new());
    for q in rows {
        denominator = q
            .denominator
            .checked_mul(column_total)
            .ok_or_else(overflow)?;
        let numerator = U256::mul(q.denominator, u128::from(q.whole))
            .checked_add(U256::from_u128(q.remainder))
            .ok_or_else(overflow)?;
        let (mut w, mut r) = (Vec::new(), Vec::new());
        for c in column {
            let (quot, rem) = numerator
                .checked_mul_u128(*c)
                .and_then(|x| x.div_rem(denominator))
                .ok_or_else(overflow)?;
            w.push(
                quot.to_u128()
                    .and_then(|x| u64::try_from(x).ok())
                    .ok_or_else(overflow)?,
            );
            r.push(rem);
        }
        whole.push(w);
        remainder.push(r);
    }
    Ok(Cells {
        whole,
        remainder,
        denominator,
    })
}

/// Money split two ways at once: `amount` by `row_weights` (the rows' totals,
/// as [`split`] gives them) and by `column_weights` (the columns' totals),
/// each cell `amount × rowᵢ/Σrow × columnⱼ/Σcolumn` rounded to the unit down
/// or up so that every row and every column adds up exactly (see
/// [`controlled_round`]).
///
/// # Example
/// ```
/// use andel_core::{table::split_table, Decimal, SplitOptions};
/// let d = |x: i64| Decimal::from(x);
/// // 100.00 by 1:1:1 (33.34, 33.33, 33.33) and by 1:1 (50.00, 50.00).
/// let t = split_table(d(100), &[d(1), d(1), d(1)], &[d(1), d(1)], &SplitOptions::default())?;
/// let rows: Vec<Decimal> = t.iter().map(|r| r.iter().sum()).collect();
/// assert_eq!(rows, [Decimal::new(3334, 2), Decimal::new(3333, 2), Decimal::new(3333, 2)]);
/// assert_eq!(t.iter().map(|r| r[0]).sum::<Decimal>(), d(50));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn split_table(
    amount: Decimal,
    row_weights: &[Decimal],
    column_weights: &[Decimal],
    options: &SplitOptions,
) -> Result<Vec<Vec<Decimal>>> {
    let rows = split(amount, row_weights, options).map_err(|e| rename(e, "row_weights"))?;
    let columns =
        split(amount, column_weights, options).map_err(|e| rename(e, "column_weights"))?;
    let quotas: Vec<Quota> = (0..row_weights.len())
        .map(|i| rows.apportionment.quota(i))
        .collect::<Option<_>>()
        .ok_or_else(|| Error::overflow("row_weights", "a quota does not fit"))?;
    let scaled = scale_weights(column_weights, "column_weights")?;
    let cells = outer_cells(&quotas, &scaled.w, scaled.total)?;
    let row_units = rows.apportionment.units();
    let column_units = columns.apportionment.units();
    let t = controlled_round(
        &cells.whole,
        &cells.remainder,
        cells.denominator,
        row_units,
        column_units,
    )?;
    let unit = if amount.is_sign_negative() {
        -options.unit
    } else {
        options.unit
    };
    t.cells
        .iter()
        .map(|r| {
            r.iter()
                .map(|&u| exact_mul(Decimal::from(u), unit, "amount"))
                .collect()
        })
        .collect()
}

fn rename(e: Error, to: &str) -> Error {
    match e.field().map(|f| f.replacen("weights", to, 1)) {
        Some(f) => e.with_field(f),
        None => e,
    }
}
