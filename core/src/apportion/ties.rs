//! Ties: parties standing exactly equal for the last unit(s) are decided by
//! the tie rule (input order, an error, or a priority order drawn by lot), in
//! one place for every method; DESIGN.md "Ties".

use super::options::TieRule;
use super::problem::Problem;
use super::result::Tie;
use crate::error::{Error, Result};
use crate::sort;
use crate::sorted_map::SortedMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The rule that decided a tie (the rule `error` decides none: it refuses).
/// Written as `"order"` or `"priority"` in JSON and tables.
///
/// # Example
/// ```
/// use andel_core::apportion::DecidedBy;
/// assert_eq!(DecidedBy::Order.name(), "order");
/// assert_eq!(serde_json::to_string(&DecidedBy::Priority)?, "\"priority\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// Input order: the earlier party (or cell) won.
    Order,
    /// The priority order given (a lot drawn by people).
    Priority,
}

impl DecidedBy {
    /// Its name in documents and tables (`"order"`, `"priority"`).
    pub fn name(self) -> &'static str {
        match self {
            DecidedBy::Order => "order",
            DecidedBy::Priority => "priority",
        }
    }
}

impl fmt::Display for DecidedBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
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
            decided_by: match self.ties {
                TieRule::Priority(_) => DecidedBy::Priority,
                // `error` refused in `decide`: never here.
                TieRule::Order | TieRule::Error => DecidedBy::Order,
            },
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
