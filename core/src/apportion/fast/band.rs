//! Hamilton at scale: the units left over given in the pass that floors the
//! quotas. A sample of the parties aims a band of remainder levels that
//! holds the last unit; in the one pass over the parties every party above
//! the band gets its unit at once, the parties in the band keep their
//! 64-bit selection keys, and the rest nothing. Only the band (a few
//! percent of the parties) is selected from, so the pass writes the result
//! and little else: no key a party, no selection over every party, no
//! scattered increments afterwards (what made 10^7 parties cost more than
//! ten times 10^6 once the arrays left the cache).
//!
//! Why it is exact: a key orders the rounded parties as the one Hamilton
//! selection does (remainder level, then index). Every party below the
//! band's lowest level is before every key in the band, every party above
//! its highest after; when the units left over reach into the band and not
//! past it, the parties served are exactly those before the band and the
//! first of the band, and a level straddling the last unit lies wholly in
//! the band, so the tie rule and the truncated levels are settled as
//! before. The sample only aims the band: where it misses (the units left
//! over end outside it), the caller takes the plain path from the start.

use super::super::hamilton::Floors;
use super::super::problem::{Problem, Scale};
use super::sample_size;
use crate::error::Result;
use crate::sort;

/// From this many parties the band is aimed: below it the plain path's keys
/// stay in the cache and its one selection costs no more than the sample
/// (measured: 0,54 against 0,60 ms at 10^5 parties, 2,8 against 2,6 ms at
/// 5·10^5, 59 against 52 ms at 10^7).
pub(in crate::apportion) const BAND_FROM: usize = 1 << 18;

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Hamilton's floors with the band: every party's units before the
    /// leftover into `units`, plus its unit when its remainder level is
    /// before the band, and the keys of the parties in the band into
    /// `keys`. The units left over to give among `keys`, or `None` where
    /// the band does not apply (limits, a scale beyond 64 bits, fewer than
    /// `from` parties) or missed the last unit; `units` and `keys` are then
    /// to be made again by the plain path.
    pub(in crate::apportion) fn floors_in_band(
        &self,
        s: Scale,
        units: &mut Vec<u64>,
        keys: &mut Vec<u64>,
        (shift, index_bits): (u32, u32),
        from: usize,
    ) -> Result<Option<usize>> {
        let n = self.ctx.n;
        let fast = Floors::new(self, s);
        let (false, Some((a, by))) = (fast.limited, fast.by) else {
            return Ok(None);
        };
        if n < from.max(2) {
            return Ok(None);
        }
        let Some((low, high, size)) = self.band(s, &fast, shift)? else {
            return Ok(None);
        };
        keys.reserve(size);
        // level in low..=high exactly when level − low (wrapping) <= width.
        let width = high - low;
        let max_rem = by.divisor() - 1;
        let (mut given, mut served): (u128, usize) = (0, 0);
        for i in 0..n {
            let product = u64::try_from(self.weight(i))
                .ok()
                .and_then(|w| u64::try_from(u128::from(a) * u128::from(w)).ok());
            let (whole, r) = match product {
                Some(q) => by.div_rem(q),
                // The quota in 128 bits: its remainder is below b < 2^64.
                None => match self.floor(s, &fast, i)? {
                    (whole, Some(r)) => (whole, r as u64),
                    (whole, None) => (whole, 0),
                },
            };
            given += u128::from(whole);
            if r == 0 {
                units.push(whole);
                continue;
            }
            let level = (max_rem - r) >> shift;
            // Without a branch on `first` (true for about half the parties,
            // at random): one on the band only, true for a few percent.
            let first = level < low;
            served += usize::from(first);
            if level.wrapping_sub(low) <= width {
                keys.push(level << index_bits | i as u64);
            }
            units.push(whole + u64::from(first));
        }
        let left = u128::from(self.total).saturating_sub(given);
        match left.checked_sub(served as u128) {
            Some(need) if need <= keys.len() as u128 => Ok(Some(need as usize)),
            _ => Ok(None),
        }
    }

    /// The band of remainder levels (lowest, highest) the last unit is
    /// expected in, from an evenly spaced sample, and about how many parties
    /// it holds (room for their keys): the sample's rank of the last unit is
    /// about the sum of its fractional quotas (its share of the units left
    /// over), give or take a margin of four times the spread either way
    /// (were the sample random, the rank and the sum would each vary by at
    /// most √m / 2; an input periodic at the sample's spacing can mislead
    /// it, which costs the plain path's pass, never the answer). `None` when
    /// the band would hold more than half the parties (many equal
    /// remainders): the plain path is then as quick, in less memory.
    fn band(&self, s: Scale, fast: &Floors, shift: u32) -> Result<Option<(u64, u64, usize)>> {
        let n = self.ctx.n;
        let m = sample_size(n);
        let max_rem = s.b - 1;
        let mut levels: Vec<u64> = Vec::with_capacity(m);
        let mut fractions: u128 = 0;
        for j in 0..m {
            let i = (j as u128 * n as u128 / m as u128) as usize;
            if let (_, Some(r)) = self.floor(s, fast, i)? {
                fractions += r;
                levels.push(((max_rem - r) >> shift) as u64);
            }
        }
        let expected = usize::try_from(fractions / s.b).unwrap_or(usize::MAX);
        let margin = 4 * m.isqrt() + 16;
        let top = expected.saturating_add(margin);
        let high = if top < levels.len() {
            sort::select_nth_u64(&mut levels, top)
        } else {
            u64::MAX
        };
        // The selection above left the `top` lowest levels before it.
        let below = top.min(levels.len());
        let low = match expected.checked_sub(margin) {
            Some(k) if k < below => sort::select_nth_u64(&mut levels[..below], k),
            _ => 0,
        };
        let width = high - low;
        let inside = levels
            .iter()
            .filter(|&&l| l.wrapping_sub(low) <= width)
            .count();
        if 2 * inside > m {
            return Ok(None);
        }
        // The sample's share of the parties, a quarter more for its error.
        let size = (inside as u128 * n as u128 / m as u128) as usize;
        Ok(Some((low, high, (size + size / 4 + 1024).min(n))))
    }
}

#[cfg(test)]
mod tests;
