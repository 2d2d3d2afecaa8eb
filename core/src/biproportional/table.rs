//! The search of a biproportional apportionment: the table as a graph of
//! rows and columns, the cheapest chains of cells that move a unit
//! (Bellman-Ford over exact ratios), and the ties found on it.

use super::ratio::Ratio;
use super::TableTie;
use crate::apportion::{DecidedBy, Divisor};
use crate::error::{Error, Result};
use std::cmp::Ordering;
use std::collections::VecDeque;

/// The table during the search: scaled weights and units, row by row.
/// Nodes 0..r are the rows, r..r+c the columns.
pub(super) struct Table {
    pub(super) r: usize,
    pub(super) c: usize,
    pub(super) w: Vec<u128>,
    pub(super) n: Vec<u64>,
    pub(super) divisor: Divisor,
}

/// One way to change the table by a unit: from node `from` to node `to`
/// through `cell`, at the cost ln(num / den).
#[derive(Clone, Copy)]
pub(super) struct Arc {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) cell: usize,
    pub(super) num: u128,
    pub(super) den: u128,
}

impl Table {
    /// Every possible unit change: row → column gives the cell one more
    /// (cost d(n)/w), column → row takes one away (cost w/d(n-1)).
    pub(super) fn arcs(&self) -> Vec<Arc> {
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

    pub(super) fn apply(&mut self, arc: &Arc) {
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
    pub(super) fn shortest(
        &self,
        sources: &[usize],
    ) -> Result<(Vec<Option<Ratio>>, Vec<Option<Arc>>)> {
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
    pub(super) fn balance(&mut self, column_totals: &[u64]) -> Result<()> {
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
                    reason: crate::error::Problem::NoWholeTable.into(),
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
    pub(super) fn tight(&self, p: &[Ratio]) -> Vec<Arc> {
        self.arcs()
            .into_iter()
            .filter(|a| p[a.from].times(a.num, a.den).cmp_to(&p[a.to]) == Ordering::Equal)
            .collect()
    }

    /// A path of tight arcs from `from` to `to` that avoids the cells for
    /// which `skip` holds (breadth first, arcs in table order).
    pub(super) fn tight_path(
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
    pub(super) fn prefer_earlier(&mut self, p: &[Ratio]) {
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
    pub(super) fn ties(&self, p: &[Ratio]) -> Vec<TableTie> {
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
                            decided_by: DecidedBy::Order,
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

pub(super) fn internal(what: &str) -> Error {
    Error::internal("weights", format!("the biproportional search met {what}"))
}
