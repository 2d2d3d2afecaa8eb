//! Biproportional apportionment (the "doppelter Pukelsheim"): whole units in
//! a table whose row totals and column totals are both fixed.
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

use crate::apportion::{apportion, Apportionment, Divisor, Method, Options, TieRule};
use crate::error::{Error, Result};
use crate::exact::{exact_add, exact_mul, scale_weights};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::VecDeque;

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
    pub decided_by: String,
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
    let divisor = match (
        options.method,
        Divisor::new(options.method, options.first_divisor)?,
    ) {
        (Method::Dhondt | Method::SainteLague | Method::ModifiedSainteLague, Some(d)) => d,
        (m, _) => {
            return Err(Error::InvalidOption {
                field: "method".into(),
                message: format!(
                    "biproportional apportionment needs a divisor method whose first divisor \
                     is above zero: dhondt, sainte_lague or modified_sainte_lague, not {m}"
                ),
            })
        }
    };
    if let TieRule::Priority(_) = options.ties {
        return Err(Error::InvalidOption {
            field: "ties".into(),
            message: "a priority list does not apply to a table; use \"order\" or \"error\"".into(),
        });
    }
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
    let total = column_totals
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
        })?;
    let method_options = Options {
        method: options.method,
        first_divisor: options.first_divisor,
        ties: options.ties.clone(),
        ..Options::default()
    };
    let (row_totals, rows) = match row_totals {
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
                    reason: format!(
                        "the rows' totals add up to {sum} and the columns' to {total}; \
                         they must be equal"
                    ),
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
            let upper = apportion(&sums, total, &method_options).map_err(|e| {
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
    };
    // Rows or columns with a total of zero keep every cell at zero.
    let mut w = scaled.w;
    for k in 0..r * c {
        if row_totals[k / c] == 0 || column_totals[k % c] == 0 {
            w[k] = 0;
        }
    }
    for (i, &t) in row_totals.iter().enumerate() {
        if t > 0 && (0..c).all(|j| w[i * c + j] == 0) {
            return Err(Error::Infeasible {
                field: format!("weights[{i}]"),
                reason: format!(
                    "row {i} must get {t} unit(s) but has no cell with weight in a column \
                     that gets any"
                ),
            });
        }
    }
    for (j, &t) in column_totals.iter().enumerate() {
        if t > 0 && (0..r).all(|i| w[i * c + j] == 0) {
            return Err(Error::Infeasible {
                field: format!("column_totals[{j}]"),
                reason: format!(
                    "column {j} must get {t} unit(s) but has no cell with weight in a row \
                     that gets any"
                ),
            });
        }
    }
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

/// The table during the search: scaled weights and units, row by row.
/// Nodes 0..r are the rows, r..r+c the columns.
struct Table {
    r: usize,
    c: usize,
    w: Vec<u128>,
    n: Vec<u64>,
    divisor: Divisor,
}

/// One way to change the table by a unit: from node `from` to node `to`
/// through `cell`, at the cost ln(num / den).
#[derive(Clone, Copy)]
struct Arc {
    from: usize,
    to: usize,
    cell: usize,
    num: u128,
    den: u128,
}

impl Table {
    /// Every possible unit change: row → column gives the cell one more
    /// (cost d(n)/w), column → row takes one away (cost w/d(n-1)).
    fn arcs(&self) -> Vec<Arc> {
        let mut arcs = Vec::with_capacity(2 * self.w.len());
        for (k, (&w, &n)) in self.w.iter().zip(&self.n).enumerate() {
            if w == 0 {
                continue;
            }
            let (i, j) = (k / self.c, self.r + k % self.c);
            // Every supported divisor has denominator 1.
            let (d, _) = self.divisor.nd(n);
            arcs.push(Arc {
                from: i,
                to: j,
                cell: k,
                num: d,
                den: w,
            });
            if n > 0 {
                let (d, _) = self.divisor.nd(n - 1);
                arcs.push(Arc {
                    from: j,
                    to: i,
                    cell: k,
                    num: w,
                    den: d,
                });
            }
        }
        arcs
    }

    fn apply(&mut self, arc: &Arc) {
        if arc.from < self.r {
            self.n[arc.cell] += 1;
        } else {
            self.n[arc.cell] -= 1;
        }
    }

    /// Shortest paths (products of the arcs' fractions) from the given
    /// nodes, each starting at 1; queue-based Bellman-Ford with exact
    /// comparisons. Returns distances and the arc each node was reached by.
    #[allow(clippy::type_complexity)]
    fn shortest(&self, sources: &[usize]) -> Result<(Vec<Option<Ratio>>, Vec<Option<Arc>>)> {
        let v = self.r + self.c;
        let arcs = self.arcs();
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); v];
        for (a, arc) in arcs.iter().enumerate() {
            out[arc.from].push(a);
        }
        let mut dist: Vec<Option<Ratio>> = vec![None; v];
        let mut pred: Vec<Option<Arc>> = vec![None; v];
        let mut queued = vec![false; v];
        let mut queue = VecDeque::new();
        let mut relaxed = vec![0usize; v];
        for &s in sources {
            dist[s] = Some(Ratio::one());
            queued[s] = true;
            queue.push_back(s);
        }
        while let Some(u) = queue.pop_front() {
            queued[u] = false;
            let Some(du) = dist[u].clone() else { continue };
            for &a in &out[u] {
                let arc = arcs[a];
                let cand = du.times(arc.num, arc.den);
                let better = match &dist[arc.to] {
                    None => true,
                    Some(dv) => cand.cmp_to(dv) == Ordering::Less,
                };
                if better {
                    dist[arc.to] = Some(cand);
                    pred[arc.to] = Some(arc);
                    relaxed[arc.to] += 1;
                    if relaxed[arc.to] > v + 1 {
                        return Err(internal("a negative cycle"));
                    }
                    if !queued[arc.to] {
                        queued[arc.to] = true;
                        queue.push_back(arc.to);
                    }
                }
            }
        }
        Ok((dist, pred))
    }

    /// Moves units from columns above their totals to columns below them
    /// along cheapest paths until every column meets its total.
    fn balance(&mut self, column_totals: &[u64]) -> Result<()> {
        let (r, c) = (self.r, self.c);
        let mut excess: Vec<i128> = (0..c)
            .map(|j| {
                let sum: u128 = (0..r).map(|i| u128::from(self.n[i * c + j])).sum();
                sum as i128 - i128::from(column_totals[j])
            })
            .collect();
        // Each move is a shortest-path search; the start leaves few. A table
        // whose start cannot be brought near its column totals (weights
        // spanning more magnitudes than exact scaling allows) is refused
        // rather than searched for minutes.
        const MOST_MOVES: usize = 1_000_000;
        for moves in 0.. {
            let sources: Vec<usize> = (0..c).filter(|&j| excess[j] > 0).map(|j| r + j).collect();
            if sources.is_empty() {
                return Ok(());
            }
            if moves == MOST_MOVES {
                return Err(Error::overflow(
                    "column_totals",
                    "more than a million units would have to move between columns from the \
                     start the weights allow; scale the weights to fewer orders of magnitude",
                ));
            }
            let (dist, pred) = self.shortest(&sources)?;
            let mut target: Option<usize> = None;
            for j in (0..c).filter(|&j| excess[j] < 0) {
                let Some(d) = &dist[r + j] else { continue };
                let closer = match target.and_then(|t| dist[r + t].as_ref()) {
                    None => true,
                    Some(best) => d.cmp_to(best) == Ordering::Less,
                };
                if closer {
                    target = Some(j);
                }
            }
            let Some(t) = target else {
                return Err(Error::Infeasible {
                    field: "column_totals".into(),
                    reason: "no table of whole units meets every row and column total with \
                             the cells of zero weight kept at zero"
                        .into(),
                });
            };
            let mut path = Vec::new();
            let mut node = r + t;
            while let Some(arc) = pred[node] {
                path.push(arc);
                node = arc.from;
                if path.len() > r + c {
                    return Err(internal("a cycle in the shortest-path tree"));
                }
            }
            for arc in &path {
                self.apply(arc);
            }
            excess[node - r] -= 1;
            excess[t] += 1;
        }
        Ok(())
    }

    /// The arcs of zero reduced cost under the potentials: those on which
    /// another optimal rounding can move a unit.
    fn tight(&self, p: &[Ratio]) -> Vec<Arc> {
        self.arcs()
            .into_iter()
            .filter(|a| p[a.from].times(a.num, a.den).cmp_to(&p[a.to]) == Ordering::Equal)
            .collect()
    }

    /// A path of tight arcs from `from` to `to` that avoids the cells for
    /// which `skip` holds (breadth first, arcs in table order).
    fn tight_path(
        &self,
        p: &[Ratio],
        from: usize,
        to: usize,
        skip: impl Fn(usize) -> bool,
    ) -> Option<Vec<Arc>> {
        let v = self.r + self.c;
        let tight: Vec<Arc> = self
            .tight(p)
            .into_iter()
            .filter(|a| !skip(a.cell))
            .collect();
        let mut pred: Vec<Option<Arc>> = vec![None; v];
        let mut seen = vec![false; v];
        seen[from] = true;
        let mut queue = VecDeque::from([from]);
        while let Some(u) = queue.pop_front() {
            if u == to {
                let mut path = Vec::new();
                let mut node = to;
                while node != from {
                    let arc = pred[node]?;
                    path.push(arc);
                    node = arc.from;
                }
                return Some(path);
            }
            for a in tight.iter().filter(|a| a.from == u) {
                if !seen[a.to] {
                    seen[a.to] = true;
                    pred[a.to] = Some(*a);
                    queue.push_back(a.to);
                }
            }
        }
        None
    }

    /// The tie rule `order`: among equally justified roundings, each cell in
    /// table order takes a contested unit whenever it can without changing
    /// an earlier cell.
    fn prefer_earlier(&mut self, p: &[Ratio]) {
        for k in 0..self.n.len() {
            if self.w[k] == 0 {
                continue;
            }
            let (i, j) = (k / self.c, self.r + k % self.c);
            let (d, _) = self.divisor.nd(self.n[k]);
            if p[i].times(d, self.w[k]).cmp_to(&p[j]) != Ordering::Equal {
                continue;
            }
            if let Some(path) = self.tight_path(p, j, i, |cell| cell <= k) {
                self.n[k] += 1;
                for arc in &path {
                    self.apply(arc);
                }
            }
        }
    }

    /// Groups of cells on cycles of tight arcs: each could change by a unit
    /// in another, equally justified rounding.
    fn ties(&self, p: &[Ratio]) -> Vec<TableTie> {
        let v = self.r + self.c;
        let tight = self.tight(p);
        let mut reach = vec![vec![false; v]; v];
        for (s, row) in reach.iter_mut().enumerate() {
            row[s] = true;
            let mut stack = vec![s];
            while let Some(u) = stack.pop() {
                for a in tight.iter().filter(|a| a.from == u) {
                    if !row[a.to] {
                        row[a.to] = true;
                        stack.push(a.to);
                    }
                }
            }
        }
        // A tight arc u → v lies on a cycle when v reaches u; its group is
        // the strongly connected component (named by its smallest node).
        let mut groups: Vec<(usize, TableTie)> = Vec::new();
        for a in &tight {
            if !reach[a.to][a.from] {
                continue;
            }
            let component = (0..v)
                .find(|&x| reach[a.from][x] && reach[x][a.from])
                .unwrap_or(a.from);
            let cell = (a.cell / self.c, a.cell % self.c);
            let index = match groups.iter().position(|(g, _)| *g == component) {
                Some(x) => x,
                None => {
                    groups.push((
                        component,
                        TableTie {
                            cells: Vec::new(),
                            winners: Vec::new(),
                            decided_by: "order".into(),
                        },
                    ));
                    groups.len() - 1
                }
            };
            let tie = &mut groups[index].1;
            tie.cells.push(cell);
            if a.from >= self.r {
                // Taking a unit away is as justified as keeping it.
                tie.winners.push(cell);
            }
        }
        let mut ties: Vec<TableTie> = groups.into_iter().map(|(_, t)| t).collect();
        for t in &mut ties {
            crate::sort::sort_unstable(&mut t.cells);
            crate::sort::sort_unstable(&mut t.winners);
        }
        crate::sort::sort_unstable_by(&mut ties, |a, b| {
            a.cells
                .cmp(&b.cells)
                .then_with(|| a.winners.cmp(&b.winners))
        });
        ties
    }
}

fn internal(what: &str) -> Error {
    Error::internal("weights", format!("the biproportional search met {what}"))
}

/// A positive fraction of arbitrary-precision integers.
#[derive(Clone, Debug)]
struct Ratio {
    num: Nat,
    den: Nat,
}

impl Ratio {
    fn one() -> Ratio {
        Ratio {
            num: Nat::from_u128(1),
            den: Nat::from_u128(1),
        }
    }

    #[inline(never)]
    fn times(&self, num: u128, den: u128) -> Ratio {
        Ratio {
            num: self.num.mul(&Nat::from_u128(num)),
            den: self.den.mul(&Nat::from_u128(den)),
        }
    }

    #[inline(never)]
    fn cmp_to(&self, other: &Ratio) -> Ordering {
        self.num.mul(&other.den).cmp_to(&other.num.mul(&self.den))
    }
}

/// A natural number in 64-bit limbs, least significant first, no leading
/// zero limbs: just multiplication and comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Nat(Vec<u64>);

impl Nat {
    fn from_u128(x: u128) -> Nat {
        let mut limbs = vec![x as u64, (x >> 64) as u64];
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Nat(limbs)
    }

    #[inline(never)]
    fn mul(&self, other: &Nat) -> Nat {
        if self.0.is_empty() || other.0.is_empty() {
            return Nat(Vec::new());
        }
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry: u128 = 0;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u128::from(out[i + j]) + u128::from(a) * u128::from(b) + carry;
                out[i + j] = t as u64;
                carry = t >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        Nat(out)
    }

    fn cmp_to(&self, other: &Nat) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
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
    fn nat_multiplies_and_compares() {
        let a = Nat::from_u128(u128::MAX);
        let sq = a.mul(&a);
        // (2^128 - 1)^2 = 2^256 - 2^129 + 1
        assert_eq!(sq.0, vec![1, 0, u64::MAX - 1, u64::MAX]);
        assert_eq!(sq.cmp_to(&a), Ordering::Greater);
        assert_eq!(Nat::from_u128(0).0, Vec::<u64>::new());
        assert_eq!(
            Nat::from_u128(6).cmp_to(&Nat::from_u128(2).mul(&Nat::from_u128(3))),
            Ordering::Equal
        );
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
