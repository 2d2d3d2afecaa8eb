//! Largest remainder (Hamilton): every party the whole part of its quota,
//! then the units left over to the largest remainders, by one selection
//! shared by the explained and the units-only paths. The default method:
//! the places of case 2.12 and the KKR's places of case 2.9.

use super::options::TieRule;
use super::problem::{Problem, Scale, Solution};
use super::result::Rounding;
use crate::error::{Error, Result};
use crate::exact::{Divide64, Quota};
use crate::sort;

/// Hamilton without limits over whole weights: floors, then the units left
/// over to the largest remainders, equal remainders in input order. When a
/// remainder and an index fit one 64-bit key, those keys are selected
/// directly ([`hamilton_packed`]); otherwise the remainder that the last of
/// the units goes to is found by selection (64-bit values whatever the
/// number of parties) and one more pass gives a unit to every party above it
/// and to the first ones at it. Both O(n), 16 bytes a party. `None` when the
/// weight total passes 2^64: the caller takes the general path.
pub(super) fn hamilton_units(
    w: &[u64],
    weight_total: u128,
    total: u64,
    ties: &TieRule,
) -> Result<Option<Vec<u64>>> {
    let Ok(wt) = u64::try_from(weight_total) else {
        return Ok(None);
    };
    let t = u128::from(total);
    let index_bits = u64::BITS - (w.len() as u64).leading_zeros();
    let rem_bits = u64::BITS - (wt - 1).leading_zeros();
    if index_bits + rem_bits <= 64 {
        return hamilton_packed(w, wt, total, ties, index_bits).map(Some);
    }
    let by_total = Divide64::new(wt);
    let remainder = |x: u64| -> (u64, u64) {
        let q = t * u128::from(x);
        match (u64::try_from(q), by_total) {
            (Ok(q), Some(by)) => by.div_rem(q),
            // q / wt ≤ total and q % wt < wt: both fit.
            _ => ((q / weight_total) as u64, (q % weight_total) as u64),
        }
    };
    let mut units = Vec::with_capacity(w.len());
    // The positive remainders, for the selection (recomputed below rather
    // than kept per party: a division is cheaper than 8 more bytes a party).
    let mut positive: Vec<u64> = Vec::with_capacity(w.len());
    let mut given: u128 = 0;
    for &x in w {
        let (f, r) = remainder(x);
        given += u128::from(f);
        units.push(f);
        if r > 0 {
            positive.push(r);
        }
    }
    let left = usize::try_from(t - given).unwrap_or(usize::MAX);
    if left == 0 {
        return Ok(Some(units));
    }
    if left > positive.len() {
        return Err(Error::Infeasible {
            field: "total".into(),
            reason: "internal: more units left than parties to round".into(),
        });
    }
    // The left-th largest remainder, selected in ascending order.
    let at_rank = positive.len() - left;
    let threshold = *sort::select_nth_unstable(&mut positive, at_rank);
    let above = positive.iter().filter(|&&r| r > threshold).count();
    let at = positive.iter().filter(|&&r| r == threshold).count();
    drop(positive);
    // Units for the parties at the threshold remainder, in input order.
    let mut at_threshold = left - above;
    if at > at_threshold && *ties == TieRule::Error {
        let group: Vec<String> = (0..w.len())
            .filter(|&i| remainder(w[i]).1 == threshold)
            .map(|i| format!("#{i}"))
            .collect();
        return Err(Error::Tie {
            parties: group,
            units: at_threshold as u64,
            reason: "the tie rule is 'error'".into(),
        });
    }
    for (u, &x) in units.iter_mut().zip(w) {
        let r = remainder(x).1;
        if r > threshold {
            *u += 1;
        } else if r == threshold && at_threshold > 0 {
            *u += 1;
            at_threshold -= 1;
        }
    }
    Ok(Some(units))
}

/// [`hamilton_units`] when a remainder and an index fit one 64-bit key
/// together (weight totals and party counts of populations do): the keys
/// (larger remainder first, then lower index) selected directly, one pass
/// fewer than the threshold path.
pub(super) fn hamilton_packed(
    w: &[u64],
    wt: u64,
    total: u64,
    ties: &TieRule,
    index_bits: u32,
) -> Result<Vec<u64>> {
    let t = u128::from(total);
    let mut units = Vec::with_capacity(w.len());
    let mut keys: Vec<u64> = Vec::with_capacity(w.len());
    let mut given: u128 = 0;
    let max_rem = wt - 1;
    let by_total = Divide64::new(wt);
    for (i, &x) in w.iter().enumerate() {
        let q = t * u128::from(x);
        let (f, r) = match (u64::try_from(q), by_total) {
            (Ok(q), Some(by)) => by.div_rem(q),
            _ => ((q / u128::from(wt)) as u64, (q % u128::from(wt)) as u64),
        };
        given += u128::from(f);
        units.push(f);
        if r > 0 {
            keys.push(((max_rem - r) << index_bits) | i as u64);
        }
    }
    let left = usize::try_from(t - given).unwrap_or(usize::MAX);
    if left == 0 {
        return Ok(units);
    }
    if left > keys.len() {
        return Err(Error::Infeasible {
            field: "total".into(),
            reason: "internal: more units left than parties to round".into(),
        });
    }
    let mask = (1u64 << index_bits) - 1;
    let last = *sort::select_nth_unstable(&mut keys, left - 1);
    let rest = &keys[left..];
    let last_rank = last >> index_bits;
    if *ties == TieRule::Error && rest.iter().any(|&k| k >> index_bits == last_rank) {
        let mut group: Vec<u64> = keys
            .iter()
            .filter(|&&k| k >> index_bits == last_rank)
            .map(|&k| k & mask)
            .collect();
        sort::sort_unstable(&mut group);
        let won = keys[..left]
            .iter()
            .filter(|&&k| k >> index_bits == last_rank)
            .count();
        return Err(Error::Tie {
            parties: group.iter().map(|i| format!("#{i}")).collect(),
            units: won as u64,
            reason: "the tie rule is 'error'".into(),
        });
    }
    for &k in &keys[..left] {
        units[(k & mask) as usize] += 1;
    }
    Ok(units)
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Largest remainder: every party the whole part of its quota (or its
    /// limit), then the units left over to the largest remainders among the
    /// parties rounded, equal remainders at the boundary decided by the tie
    /// rule. The units left over are found by selection, not sorting: O(n).
    /// The remainder ranks are worked out only when asked for
    /// ([`Apportionment::party`]).
    pub(super) fn hamilton(&self) -> Result<Solution> {
        let s = self.scale_for(self.total)?;
        let n = self.ctx.n;
        let max_rem = s.b.saturating_sub(1);
        let index_bits = u64::BITS - (n as u64).saturating_sub(1).leading_zeros();
        let rem_bits = u128::BITS - max_rem.leading_zeros();
        if index_bits + rem_bits <= 64 {
            // Remainder and index in one 64-bit key (populations, money).
            let mask = (1u64 << index_bits) - 1;
            self.hamilton_keyed(
                s,
                |r, i| ((max_rem - r) as u64) << index_bits | i as u64,
                |k| k >> index_bits,
                |k| (k & mask) as usize,
            )
        } else {
            self.hamilton_keyed(s, |r, i| (max_rem - r, i), |k| k.0, |k| k.1)
        }
    }

    /// [`Problem::hamilton`] over keys that order the parties to round,
    /// larger remainder first, then lower index: `key(remainder, index)`,
    /// with `level` equal for equal remainders and `index` the party.
    pub(super) fn hamilton_keyed<K: Ord + Copy, L: Eq>(
        &self,
        s: Scale,
        key: impl Fn(u128, usize) -> K,
        level: impl Fn(K) -> L,
        index: impl Fn(K) -> usize,
    ) -> Result<Solution> {
        let limited = self.limited();
        let n = self.ctx.n;
        let mut units = Vec::with_capacity(n);
        let mut given: u128 = 0;
        let mut keys: Vec<K> = Vec::with_capacity(n);
        // a × (weight total) within 64 bits: every quota in one 64-bit
        // division (no weight exceeds the total).
        let narrow = match (u64::try_from(s.a), u64::try_from(s.b)) {
            (Ok(a), Ok(b))
                if b > 0
                    && s.a
                        .checked_mul(self.weight_total)
                        .is_some_and(|x| x <= u128::from(u64::MAX)) =>
            {
                Divide64::new(b).map(|by| (a, by))
            }
            _ => None,
        };
        for i in 0..n {
            let quota = match narrow {
                Some((a, by)) => {
                    // Fits: weight(i) ≤ weight_total and a × weight_total < 2^64.
                    let (whole, remainder) = by.div_rem(a * self.weight(i) as u64);
                    Quota {
                        whole,
                        remainder: u128::from(remainder),
                        denominator: s.b,
                    }
                }
                None => self.quota(s, i)?,
            };
            let bound = if limited { self.clamp(s, i) } else { None };
            let u = match bound {
                Some(Rounding::Minimum) => self.lo(i),
                Some(_) => self.hi(i),
                None => {
                    if !quota.is_whole() {
                        keys.push(key(quota.remainder, i));
                    }
                    quota.whole
                }
            };
            given += u128::from(u);
            units.push(u);
        }
        let left = usize::try_from(u128::from(self.total).saturating_sub(given))
            .map_err(|_| self.overflow())?;
        if left > keys.len() {
            return Err(Error::Infeasible {
                field: "total".into(),
                reason: "internal: more units left than parties to round".into(),
            });
        }
        let mut ties = Vec::new();
        if left > 0 {
            let last = level(*sort::select_nth_unstable(&mut keys, left - 1));
            let (top, rest) = keys.split_at(left);
            if rest.iter().any(|&k| level(k) == last) {
                // Equal remainders across the boundary: the tie rule, not
                // the input order, decides within the group.
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
                ties.push(self.settle(group, won, &mut units)?);
            } else {
                for &k in top {
                    units[index(k)] += 1;
                }
            }
        }
        Ok(Solution {
            units,
            ties,
            boundary: None,
            scale: s,
            divisor: None,
            lo: self.lo.to_vec(),
            hi: self.hi.to_vec(),
        })
    }
}
