//! Ties: parties standing exactly equal for the last unit(s) are decided by
//! the tie rule (input order, an error, or a priority order drawn by lot), in
//! one place for every method; DESIGN.md "Ties".

use super::options::TieRule;
use super::problem::Problem;
use super::result::Tie;
use crate::error::{Error, Result};
use crate::sort;
use crate::sorted_map::SortedMap;

impl<W: Copy + Into<u128>> Problem<'_, W> {
    pub(super) fn rule_name(&self) -> String {
        match self.ties {
            TieRule::Order => "order".into(),
            TieRule::Error => "error".into(),
            TieRule::Priority(_) => "priority".into(),
        }
    }

    /// A tie settled: `won` contested units to members of `group` (sorted,
    /// holding none of them yet in `units`), chosen by the tie rule, and
    /// the tie as reported.
    pub(super) fn settle(&self, group: Vec<usize>, won: usize, units: &mut [u64]) -> Result<Tie> {
        let chosen = self.decide(&group, won)?;
        for &i in &chosen {
            units[i] += 1;
        }
        Ok(Tie {
            parties: group,
            winners: sorted(chosen),
            units: won as u64,
            decided_by: self.rule_name(),
        })
    }

    /// Picks `k` winners from a tied group by the tie rule.
    pub(super) fn decide(&self, group: &[usize], k: usize) -> Result<Vec<usize>> {
        let tie_error = |reason: String| Error::Tie {
            parties: sorted(group.to_vec())
                .into_iter()
                .map(|i| self.ctx.name(i))
                .collect(),
            units: k as u64,
            reason,
        };
        let mut ranked: Vec<(usize, usize)> = match self.ties {
            TieRule::Order => group.iter().map(|&i| (i, i)).collect(),
            TieRule::Error => return Err(tie_error("the tie rule is 'error'".into())),
            TieRule::Priority(order) => {
                // Party -> its first place in the order (the map keeps the
                // last of a repeated key, so the places go in backwards).
                let mut places = Vec::with_capacity(order.len());
                for (p, r) in order.iter().enumerate() {
                    places.push((self.ctx.index(r, &format!("ties.priority[{p}]"))?, p));
                }
                let pos: SortedMap<usize, usize> = places.into_iter().rev().collect();
                let missing: Vec<String> = group
                    .iter()
                    .filter(|i| !pos.contains_key(i))
                    .map(|&i| self.ctx.name(i))
                    .collect();
                if !missing.is_empty() {
                    return Err(tie_error(format!(
                        "the priority order does not name {}",
                        missing.join(", ")
                    )));
                }
                group
                    .iter()
                    .filter_map(|&i| pos.get(&i).map(|&p| (p, i)))
                    .collect()
            }
        };
        sort::sort_unstable(&mut ranked);
        Ok(ranked.into_iter().take(k).map(|(_, i)| i).collect())
    }
}

pub(super) fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    sort::sort_unstable(&mut v);
    v
}
