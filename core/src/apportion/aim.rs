//! The divisor methods' first estimate: a divisor aimed so that the exact
//! counts land within a few units of the total (on a sample of the parties
//! when there are many), and the heaviest parties found by selection. Only
//! speed depends on the aim, never the seats.

use super::divisor::Divisor;
use super::problem::Problem;
use crate::error::Result;
use crate::exact::U256;
use crate::sort;

/// Parties from which a divisor method's aim is refined on a sample first.
pub(super) const SAMPLE_FROM: usize = 1 << 16;

/// How many parties that sample holds,
pub(super) const SAMPLE_SIZE: usize = 1 << 14;

/// in this many runs of consecutive parties.
pub(super) const SAMPLE_RUNS: usize = 64;

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// The target whose scale gives about `total` units by the counts of
    /// a sample of the parties spread over the input, scaled to the whole
    /// by weight: a few secant steps from `target`, each O(sample). Only
    /// the speed of [`Problem::divisor_seats`] depends on it, never the seats.
    pub(super) fn aim_on_sample(
        &self,
        d: &Divisor,
        target: u64,
        cap: &dyn Fn(u128) -> u64,
    ) -> Result<u64> {
        let n = self.ctx.n;
        // Runs of consecutive parties spread evenly over the input (read
        // in cache lines, not one party a line).
        let sample = || {
            (0..SAMPLE_RUNS).flat_map(move |b| {
                let start = b * n / SAMPLE_RUNS;
                start..start + SAMPLE_SIZE / SAMPLE_RUNS
            })
        };
        let stride = n / SAMPLE_SIZE;
        let sample_weight: u128 = sample().map(|i| self.weight(i)).sum();
        if sample_weight == 0 {
            return Ok(target);
        }
        // Units the whole would get at this target, as the sample says: the
        // target plus the sample's excess over its quotas (Σc·W − aim·Ws, in
        // units of 1/W) scaled by n/m. Counting excess rather than scaling
        // counts by weight keeps the sample's weight out of the noise.
        let sampled = SAMPLE_SIZE as u128;
        let predict = |aim: u64| -> Result<u128> {
            let mut units: u128 = 0;
            for i in sample() {
                if self.weight(i) > 0 {
                    let num = U256::mul(u128::from(aim), self.weight(i));
                    let c = d
                        .count(num, self.weight_total, self.total)
                        .ok_or_else(|| self.overflow())?;
                    units += u128::from(c);
                }
            }
            let counted = U256::mul(units, self.weight_total);
            let quotas = U256::mul(u128::from(aim), sample_weight);
            let scaled = |x: U256| {
                x.checked_mul_u128(n as u128)
                    .and_then(|x| x.div_rem(self.weight_total))
                    .and_then(|(x, _)| x.div_rem(sampled))
                    .and_then(|(x, _)| x.to_u128())
            };
            let aim = u128::from(aim);
            let predicted = if counted >= quotas {
                counted
                    .checked_sub(quotas)
                    .and_then(scaled)
                    .and_then(|x| aim.checked_add(x))
            } else {
                quotas
                    .checked_sub(counted)
                    .and_then(scaled)
                    .map(|x| aim.saturating_sub(x))
            };
            predicted.ok_or_else(|| self.overflow())
        };
        let total = u128::from(self.total);
        // What the sample cannot tell apart: each sampled party's count is off
        // its quota by less than a unit, by about 0.29 of one around its mean
        // (rounding a uniform fraction), which the scaling multiplies by the
        // stride: about 0.29·stride·√m over m sampled parties. Within twice
        // that the target is as good as the sample can tell, and is kept.
        let noise = stride as u128 * sampled.isqrt() * 2 / 3;
        let mut aim = target;
        let mut predicted = predict(aim)?;
        for _ in 0..4 {
            let off = predicted.abs_diff(total);
            if off <= noise {
                break;
            }
            let next = if predicted > total {
                cap(u128::from(aim).saturating_sub(off))
            } else {
                cap(u128::from(aim) + off)
            };
            let then = predict(next)?;
            if then.abs_diff(total) >= off {
                break;
            }
            (aim, predicted) = (next, then);
        }
        Ok(aim)
    }

    /// Calls `f` for each of the `count` heaviest parties with weight (the
    /// earlier party first among equal weights), in no particular order:
    /// one selection, O(n). Selected on packed keys (weight, then the index
    /// inverted so that the earlier party is the larger key) read in order;
    /// indexes compared through the weights only where the two do not fit
    /// 128 bits.
    pub(super) fn for_heaviest(&self, count: usize, mut f: impl FnMut(usize)) {
        let n = self.ctx.n;
        let Some(at) = count.checked_sub(1) else {
            return;
        };
        let index_bits = usize::BITS - n.leading_zeros();
        let heaviest = (0..n).map(|i| self.weight(i)).max().unwrap_or(0);
        let weight_bits = u128::BITS - heaviest.leading_zeros();
        let mask = (1u128 << index_bits) - 1;
        let pack = |i: usize| (self.weight(i) << index_bits) | (mask - i as u128);
        let positive_parties = (0..n).filter(|&i| self.weight(i) > 0);
        if weight_bits + index_bits <= 64 {
            let mut keys: Vec<u64> = positive_parties.map(|i| pack(i) as u64).collect();
            if at < keys.len() {
                sort::select_nth_unstable_by(&mut keys, at, |a, b| b.cmp(a));
            }
            for &key in keys.iter().take(count) {
                f((mask - (u128::from(key) & mask)) as usize);
            }
        } else if weight_bits + index_bits <= 128 {
            let mut keys: Vec<u128> = positive_parties.map(pack).collect();
            if at < keys.len() {
                sort::select_nth_unstable_by(&mut keys, at, |a, b| b.cmp(a));
            }
            for &key in keys.iter().take(count) {
                f((mask - (key & mask)) as usize);
            }
        } else {
            let mut order: Vec<usize> = positive_parties.collect();
            if at < order.len() {
                sort::select_nth_unstable_by(&mut order, at, |&a, &b| {
                    self.weight(b).cmp(&self.weight(a)).then(a.cmp(&b))
                });
            }
            for &i in order.iter().take(count) {
                f(i);
            }
        }
    }

    /// The target whose divisor a method's first counts are taken at.
    pub(super) fn first_target(
        &self,
        d: &Divisor,
        positive: u64,
        cap: &dyn Fn(u128) -> u64,
    ) -> u64 {
        let n = self.ctx.n;
        // Aim the estimate so that the rounding bias of the method cancels:
        // about half a unit a party when every party gets several. In a
        // house of at most a quarter as many seats as parties most get none
        // and there is no such bias to aim off: the estimate comes from the
        // seat-th largest weight instead. (Between a quarter and one seat a
        // party the proportional estimate is as close, without the
        // selection's pass; only speed depends on the choice, never seats.)
        let small_house = 4 * u128::from(self.total) <= u128::from(positive);
        match d {
            Divisor::Dhondt | Divisor::SainteLague | Divisor::Modified { .. }
                if small_house && self.total > 0 && !self.limited() =>
            {
                // Few seats: most parties get none and the divisor is near
                // the weight of the party with the last first seat (the
                // total-th largest weight), found by selection in O(n): the
                // scale that puts its first seat exactly on the threshold
                // d(0) (1 for D'Hondt, ½ for Sainte-Laguë, f/2 modified).
                let at = self.total as usize - 1;
                let last = if u64::try_from(self.weight_total).is_ok() {
                    // Every weight fits 64 bits: half the memory to select in.
                    let mut ws: Vec<u64> = (0..n)
                        .map(|i| self.weight(i))
                        .filter(|&x| x > 0)
                        .map(|x| x as u64)
                        .collect();
                    u128::from(*sort::select_nth_unstable_by(&mut ws, at, |a, b| b.cmp(a)))
                } else {
                    let mut ws: Vec<u128> = self
                        .w
                        .iter()
                        .map(|&x| x.into())
                        .filter(|&x| x > 0)
                        .collect();
                    *sort::select_nth_unstable_by(&mut ws, at, |a, b| b.cmp(a))
                };
                let (num, den) = match d {
                    Divisor::Modified { first, scale } => (*first, 2 * scale),
                    Divisor::SainteLague => (1, 2),
                    _ => (1, 1),
                };
                let by_last = self
                    .weight_total
                    .checked_mul(num)
                    .and_then(|x| x.checked_div(last.checked_mul(den)?))
                    .map_or(self.total, cap);
                // That scale gives every seat holder at least one seat, so
                // it is never too low; when most parties hold seats, and the
                // large ones several, D'Hondt's own estimate for a large house
                // (each holder losing about half a unit to the floor) is closer.
                match d {
                    Divisor::Dhondt => {
                        by_last.min(cap(u128::from(self.total) + u128::from(positive / 2)))
                    }
                    _ => by_last,
                }
            }
            Divisor::Dhondt if !small_house => {
                cap(u128::from(self.total) + u128::from(positive / 2))
            }
            Divisor::Adams => cap(u128::from(self.total.saturating_sub(positive / 2))),
            _ => self.total,
        }
    }
}
