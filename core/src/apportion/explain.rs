//! A party's reasons, worked out from what the apportionment fixed: its
//! rounding step and, for Hamilton, the rank of its remainder (one sort).

use super::problem::{Problem, Scale};
use super::result::{PartyUnits, Rounding, Why};
use crate::sort;

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Hamilton's remainder ranks at scale s, 0 for the parties not
    /// rounded: one sort of the remainders.
    pub(super) fn remainder_ranks(&self, s: Scale, limited: bool, units: &[u64]) -> Vec<u32> {
        let n = self.ctx.n;
        let mut rem = Vec::with_capacity(n);
        let mut free: Vec<u64> = Vec::new();
        for i in 0..n {
            let q = self.quota_of(s, i);
            rem.push(q.remainder);
            if !(q.is_whole() || limited && self.clamp(s, i).is_some()) {
                free.push(i as u64);
            }
        }
        sort_by_remainder(&mut free, s.b, |i| rem[i as usize]);
        // Among equal remainders (a tie), those the tie rule gave a unit
        // rank first, so that the ranks read in the order units were given.
        let up = |i: u64| {
            units
                .get(i as usize)
                .is_some_and(|&k| k > self.quota_of(s, i as usize).whole)
        };
        let mut start = 0;
        while start < free.len() {
            let r = rem[free[start] as usize];
            let end = start
                + free[start..]
                    .iter()
                    .take_while(|&&i| rem[i as usize] == r)
                    .count();
            let run = &mut free[start..end];
            if run.len() > 1 {
                let (mut first, rest): (Vec<u64>, Vec<u64>) = run.iter().partition(|&&i| up(i));
                first.extend(rest);
                run.copy_from_slice(&first);
            }
            start = end;
        }
        drop(rem);
        let mut ranks = vec![0u32; n];
        for (rank, &i) in free.iter().enumerate() {
            ranks[i as usize] = u32::try_from(rank + 1).unwrap_or(u32::MAX);
        }
        ranks
    }

    /// Party i's reasons, from what the apportionment fixed.
    pub(super) fn explain(&self, why: &Why, i: usize, units: u64, rank: Option<u32>) -> PartyUnits {
        let s = why.scale;
        let quota = self.quota_of(s, i);
        let rounding = match &why.divisor {
            None => match if why.limited { self.clamp(s, i) } else { None } {
                // A weight-0 party at minimum 0 is simply exact.
                Some(Rounding::Minimum) if self.lo(i) == 0 => Rounding::Exact,
                Some(bound) => bound,
                None if quota.is_whole() => Rounding::Exact,
                None if units > quota.whole => Rounding::Up,
                None => Rounding::Down,
            },
            Some((d, last)) => self.divisor_rounding(d, last.as_ref(), i, units),
        };
        PartyUnits {
            units,
            quota_whole: quota.whole,
            quota_remainder: quota.remainder,
            rounding,
            remainder_rank: rank,
            tied: why.tied.binary_search(&i).is_ok(),
        }
    }
}

/// Sorts party indices by remainder (each below `denominator`), largest
/// first, then by index. When remainder and index fit in 64 bits together
/// (populations do), a radix sort on packed keys: O(n).
pub(super) fn sort_by_remainder(free: &mut Vec<u64>, denominator: u128, rem: impl Fn(u64) -> u128) {
    let max_rem = denominator.saturating_sub(1);
    let max_index = free.iter().copied().max().unwrap_or(0);
    let index_bits = u64::BITS - max_index.leading_zeros();
    let rem_bits = u128::BITS - max_rem.leading_zeros();
    if index_bits + rem_bits > 64 || index_bits >= 64 {
        if index_bits + rem_bits > 128 {
            sort::sort_unstable_by(free, |&a, &b| rem(b).cmp(&rem(a)).then(a.cmp(&b)));
            return;
        }
        // Wider keys (more than about 3·10^6 parties with population-sized
        // weights): the same radix sort on 128-bit keys, still O(n).
        let mut keys: Vec<u128> = free
            .iter()
            .map(|&i| ((max_rem - rem(i)) << index_bits) | u128::from(i))
            .collect();
        if keys.len() > 1 << 14 {
            radix_sort(&mut keys);
        } else {
            sort::sort_unstable(&mut keys);
        }
        let mask = (1u128 << index_bits) - 1;
        for (slot, k) in free.iter_mut().zip(keys) {
            *slot = (k & mask) as u64;
        }
        return;
    }
    // Ascending keys: (max - remainder, index).
    for i in free.iter_mut() {
        *i |= ((max_rem - rem(*i)) as u64) << index_bits;
    }
    if free.len() > 1 << 14 {
        radix_sort(free);
    } else {
        // The radix sort's 2^16 counters cost more than sorting a few keys.
        sort::sort_unstable(free);
    }
    let mask = (1u64 << index_bits) - 1;
    for k in free.iter_mut() {
        *k &= mask;
    }
}

/// Least-significant-digit radix sort, 16 bits a pass.
pub(super) fn radix_sort<K: RadixKey>(v: &mut Vec<K>) {
    let max = v.iter().copied().max().unwrap_or_default();
    let passes = max.bits().div_ceil(16);
    let mut buf = vec![K::default(); v.len()];
    for p in 0..passes {
        let shift = 16 * p;
        let mut pos = vec![0usize; 1 << 16];
        for &x in v.iter() {
            pos[x.digit(shift)] += 1;
        }
        let mut sum = 0;
        for c in pos.iter_mut() {
            (*c, sum) = (sum, sum + *c);
        }
        for &x in v.iter() {
            let d = x.digit(shift);
            buf[pos[d]] = x;
            pos[d] += 1;
        }
        std::mem::swap(v, &mut buf);
    }
}

/// An unsigned key the radix sort takes 16 bits at a time.
pub(super) trait RadixKey: Copy + Default + Ord {
    /// Significant bits.
    fn bits(self) -> u32;
    /// The 16-bit digit at `shift`.
    fn digit(self, shift: u32) -> usize;
}

impl RadixKey for u64 {
    fn bits(self) -> u32 {
        u64::BITS - self.leading_zeros()
    }
    fn digit(self, shift: u32) -> usize {
        ((self >> shift) & 0xFFFF) as usize
    }
}

impl RadixKey for u128 {
    fn bits(self) -> u32 {
        u128::BITS - self.leading_zeros()
    }
    fn digit(self, shift: u32) -> usize {
        ((self >> shift) & 0xFFFF) as usize
    }
}
