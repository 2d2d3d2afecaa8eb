//! Largest remainder (Hamilton): every party the whole part of its quota,
//! then the units left over to the largest remainders, by one selection
//! shared by the explained and the units-only paths, and a tie there
//! decided by the one tie rule (`ties`). The default method: the places of
//! case 2.12 and the KKR's places of case 2.9.

use super::options::TieRule;
use super::problem::{Problem, Scale, Solution};
use super::result::{Rounding, Tie};
use crate::error::{Error, Result};
use crate::exact::Divide64;
use crate::sort;

/// The one Hamilton selection: puts the `left` first of `keys` (ascending
/// is first served: the larger remainder, then the earlier party) in
/// front by selection, O(n), and gives the level of the last of them
/// (`level` is equal for equal remainders) and, when `look`, whether a key
/// behind them stands at that level too: a tie.
fn cut<K: Ord + Copy, L: Eq>(
    keys: &mut [K],
    left: usize,
    level: impl Fn(K) -> L,
    look: bool,
) -> (L, bool) {
    let last = level(*sort::select_nth_unstable(keys, left - 1));
    let tie = look && keys[left..].iter().any(|&k| level(k) == last);
    (last, tie)
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Largest remainder: every party the whole part of its quota (or its
    /// limit), then the units left over to the largest remainders among the
    /// parties rounded, equal remainders at the boundary decided by the tie
    /// rule. The units left over are found by selection, not sorting: O(n),
    /// 16 bytes a party beside the weights. The remainder ranks are worked
    /// out only when asked for ([`super::Apportionment::party`]).
    ///
    /// With `report` false (the units-only entry) and the tie rule `order`
    /// a tie is not looked for: the selection already serves equal
    /// remainders in input order, which is what the rule decides.
    pub(super) fn hamilton(&self, report: bool) -> Result<Solution> {
        let s = self.scale_for(self.total)?;
        let n = self.ctx.n;
        let max_rem = s.b.saturating_sub(1);
        let index_bits = u64::BITS - (n as u64).saturating_sub(1).leading_zeros();
        let rem_bits = u128::BITS - max_rem.leading_zeros();
        let look = report || *self.ties != TieRule::Order;
        let mut units = Vec::with_capacity(n);
        let tie = if index_bits + rem_bits <= 64 {
            // Remainder and index in one 64-bit key (populations, money):
            // the keys say who gets the units.
            let mask = (1u64 << index_bits) - 1;
            let mut keys: Vec<u64> = Vec::with_capacity(n);
            let left = self.floors(s, &mut units, |r, i| {
                keys.push(((max_rem - r) as u64) << index_bits | i as u64);
            })?;
            self.give_keyed(
                &mut keys,
                left,
                look,
                &mut units,
                |k| k >> index_bits,
                |k| (k & mask) as usize,
            )?
        } else if rem_bits <= 64 {
            // The remainders alone (no room for the index beside them):
            // the selection finds the last remainder served, a second pass
            // the parties. Still 16 bytes a party, no cliff.
            let mut keys: Vec<u64> = Vec::with_capacity(n);
            let left = self.floors(s, &mut units, |r, _| keys.push((max_rem - r) as u64))?;
            self.give_bare(s, keys, left, look, &mut units, |r| (max_rem - r) as u64)?
        } else {
            let mut keys: Vec<u128> = Vec::with_capacity(n);
            let left = self.floors(s, &mut units, |r, _| keys.push(max_rem - r))?;
            self.give_bare(s, keys, left, look, &mut units, |r| max_rem - r)?
        };
        Ok(Solution {
            units,
            ties: tie.into_iter().collect(),
            boundary: None,
            scale: s,
            divisor: None,
            lo: self.lo.to_vec(),
            hi: self.hi.to_vec(),
        })
    }

    /// Party i at scale s: its units before the leftover (the whole part of
    /// its quota, or the limit that holds it) and, when it is rounded (a
    /// fractional quota and no limit), its remainder.
    #[inline(always)]
    fn floor(&self, s: Scale, by: Option<Divide64>, i: usize) -> Result<(u64, Option<u128>)> {
        if self.limited() {
            match self.clamp(s, i) {
                Some(Rounding::Minimum) => return Ok((self.lo(i), None)),
                Some(_) => return Ok((self.hi(i), None)),
                None => {}
            }
        }
        // The common case in one 64-bit multiplication and division by
        // reciprocal: units and weight below 2^64, their product too.
        if let (Ok(a), Ok(w), Some(by)) = (u64::try_from(s.a), u64::try_from(self.weight(i)), by) {
            if let Ok(q) = u64::try_from(u128::from(a) * u128::from(w)) {
                let (whole, r) = by.div_rem(q);
                return Ok((whole, (r > 0).then_some(u128::from(r))));
            }
        }
        let q = self.quota(s, i)?;
        Ok((q.whole, (!q.is_whole()).then_some(q.remainder)))
    }

    /// Every party its units before the leftover into `units`, and
    /// `rounded(remainder, i)` for each party rounded; the units left over.
    fn floors(
        &self,
        s: Scale,
        units: &mut Vec<u64>,
        mut rounded: impl FnMut(u128, usize),
    ) -> Result<usize> {
        let by = u64::try_from(s.b).ok().and_then(Divide64::new);
        let mut given: u128 = 0;
        let mut count = 0usize;
        for i in 0..self.ctx.n {
            let (u, r) = self.floor(s, by, i)?;
            if let Some(r) = r {
                rounded(r, i);
                count += 1;
            }
            given += u128::from(u);
            units.push(u);
        }
        let left = usize::try_from(u128::from(self.total).saturating_sub(given))
            .map_err(|_| self.overflow())?;
        if left > count {
            return Err(Error::Infeasible {
                field: "total".into(),
                reason: "internal: more units left than parties to round".into(),
            });
        }
        Ok(left)
    }

    /// The units left over by keys that name their party (`index`): the
    /// first `left` keys get one each; a tie at the last remainder goes to
    /// the tie rule.
    fn give_keyed<K: Ord + Copy, L: Eq>(
        &self,
        keys: &mut [K],
        left: usize,
        look: bool,
        units: &mut [u64],
        level: impl Fn(K) -> L,
        index: impl Fn(K) -> usize,
    ) -> Result<Option<Tie>> {
        if left == 0 {
            return Ok(None);
        }
        let (last, tie) = cut(keys, left, &level, look);
        let top = &keys[..left];
        if !tie {
            for &k in top {
                units[index(k)] += 1;
            }
            return Ok(None);
        }
        // Equal remainders across the boundary: the tie rule, not the
        // input order, decides within the group.
        let mut group: Vec<usize> = keys
            .iter()
            .filter(|&&k| level(k) == last)
            .map(|&k| index(k))
            .collect();
        sort::sort_unstable(&mut group);
        let won = top.iter().filter(|&&k| level(k) == last).count();
        for &k in top.iter().filter(|&&k| level(k) != last) {
            units[index(k)] += 1;
        }
        self.settle(group, won, units).map(Some)
    }

    /// The units left over by bare keys (`key(remainder)`, no index): the
    /// selection finds the last key served; a second pass gives a unit to
    /// every party before it and the rest to those at it, in input order or,
    /// on a tie when `look`, by the tie rule.
    fn give_bare<K: Ord + Copy>(
        &self,
        s: Scale,
        mut keys: Vec<K>,
        left: usize,
        look: bool,
        units: &mut [u64],
        key: impl Fn(u128) -> K,
    ) -> Result<Option<Tie>> {
        if left == 0 {
            return Ok(None);
        }
        let (last, _) = cut(&mut keys, left, |k| k, false);
        let above = keys[..left].iter().filter(|&&k| k < last).count();
        drop(keys);
        let won = left - above;
        let by = u64::try_from(s.b).ok().and_then(Divide64::new);
        let mut at_last = won;
        let mut group = Vec::new();
        for (i, u) in units.iter_mut().enumerate() {
            let Some(r) = self.floor(s, by, i)?.1 else {
                continue;
            };
            let k = key(r);
            if k < last {
                *u += 1;
            } else if k == last {
                if look {
                    group.push(i);
                } else if at_last > 0 {
                    *u += 1;
                    at_last -= 1;
                }
            }
        }
        if !look {
            return Ok(None);
        }
        if group.len() == won {
            for &i in &group {
                units[i] += 1;
            }
            return Ok(None);
        }
        self.settle(group, won, units).map(Some)
    }
}
