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

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Largest remainder: every party the whole part of its quota (or its
    /// limit), then the units left over to the largest remainders among the
    /// parties rounded, equal remainders at the boundary decided by the tie
    /// rule. The units left over are found by selection, not sorting: O(n),
    /// 16 bytes a party beside the weights; from `fast::BAND_FROM` parties
    /// only the keys of a band of remainders about the last unit are kept
    /// and selected from (`fast/band.rs`): 8 bytes a party and a few
    /// percent. The remainder ranks are worked out only when asked for
    /// ([`super::Apportionment::party`]).
    ///
    /// Each party rounded is one 64-bit key: its remainder (larger first),
    /// then its index. Where the two do not fit 64 bits together (10^7
    /// parties of populations), the key holds the remainder's leading bits
    /// only; the selection is then exact for every party but those whose
    /// leading bits equal the last unit's, and those few are ordered by
    /// their exact remainders afterwards. One selection, no cliff in size.
    ///
    /// With `report` false (the units-only entry) and the tie rule `order`
    /// a tie is not looked for: the selection already serves equal
    /// remainders in input order, which is what the rule decides.
    pub(super) fn hamilton(&self, report: bool) -> Result<Solution> {
        #[cfg(not(target_arch = "wasm32"))]
        let band_from = super::fast::BAND_FROM;
        #[cfg(target_arch = "wasm32")]
        let band_from = usize::MAX;
        self.hamilton_with(report, band_from)
    }

    /// [`Self::hamilton`] with the band aimed from `band_from` parties (the
    /// tests take it from any number, to compare it with the plain path).
    pub(super) fn hamilton_with(&self, report: bool, band_from: usize) -> Result<Solution> {
        let s = self.scale_for(self.total)?;
        let n = self.ctx.n;
        let max_rem = s.b.saturating_sub(1);
        let index_bits = u64::BITS - (n as u64).saturating_sub(1).leading_zeros();
        let rem_bits = u128::BITS - max_rem.leading_zeros();
        // Remainder bits dropped so that the rest fits beside the index.
        let shift = (index_bits + rem_bits).saturating_sub(64);
        let look = report || *self.ties != TieRule::Order;
        let mut units = Vec::with_capacity(n);
        let mut keys: Vec<u64> = Vec::new();
        // From many parties the band's one pass (`fast/band.rs`); the plain
        // path when it does not apply or missed.
        #[cfg(not(target_arch = "wasm32"))]
        let banded =
            self.floors_in_band(s, &mut units, &mut keys, (shift, index_bits), band_from)?;
        #[cfg(target_arch = "wasm32")]
        let banded = {
            let _ = band_from;
            None
        };
        let left = match banded {
            Some(left) => left,
            None => {
                units.clear();
                keys.clear();
                keys.reserve(n);
                self.floors(s, &mut units, &mut keys, shift, index_bits)?
            }
        };
        let tie = self.give(s, &mut keys, left, look, shift > 0, index_bits, &mut units)?;
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
    /// fractional quota and no limit), its remainder. `fast` is
    /// [`Floors::new`]'s, made once for every party.
    #[inline(always)]
    pub(super) fn floor(&self, s: Scale, fast: &Floors, i: usize) -> Result<(u64, Option<u128>)> {
        if fast.limited {
            match self.clamp(s, i) {
                Some(Rounding::Minimum) => return Ok((self.lo(i), None)),
                Some(_) => return Ok((self.hi(i), None)),
                None => {}
            }
        }
        // The common case in one 64-bit multiplication and a division by
        // reciprocal: units and weight below 2^64, their product too.
        if let (Some((a, by)), Ok(w)) = (fast.by, u64::try_from(self.weight(i))) {
            if let Ok(q) = u64::try_from(u128::from(a) * u128::from(w)) {
                let (whole, r) = by.div_rem(q);
                return Ok((whole, (r > 0).then_some(u128::from(r))));
            }
        }
        let q = self.quota(s, i)?;
        Ok((q.whole, (!q.is_whole()).then_some(q.remainder)))
    }

    /// Every party its units before the leftover into `units`, and a key
    /// into `keys` for each party rounded: its remainder's distance below
    /// the largest (without its `shift` lowest bits) above its index. The
    /// units left over.
    fn floors(
        &self,
        s: Scale,
        units: &mut Vec<u64>,
        keys: &mut Vec<u64>,
        shift: u32,
        index_bits: u32,
    ) -> Result<usize> {
        let fast = Floors::new(self, s);
        let max_rem = s.b.saturating_sub(1);
        let mut given: u128 = 0;
        for i in 0..self.ctx.n {
            // The common case in 64-bit arithmetic throughout (every
            // remainder is below b < 2^64 there).
            if let (false, Some((a, by)), Ok(w)) =
                (fast.limited, fast.by, u64::try_from(self.weight(i)))
            {
                if let Ok(q) = u64::try_from(u128::from(a) * u128::from(w)) {
                    let (whole, r) = by.div_rem(q);
                    if r > 0 {
                        let below = (by.divisor() - 1 - r) >> shift;
                        keys.push(below << index_bits | i as u64);
                    }
                    given += u128::from(whole);
                    units.push(whole);
                    continue;
                }
            }
            let (u, r) = self.floor(s, &fast, i)?;
            if let Some(r) = r {
                keys.push((((max_rem - r) >> shift) as u64) << index_bits | i as u64);
            }
            given += u128::from(u);
            units.push(u);
        }
        let left = usize::try_from(u128::from(self.total).saturating_sub(given))
            .map_err(|_| self.overflow())?;
        if left > keys.len() {
            return Err(Error::internal(
                "total",
                "more units left than parties to round",
            ));
        }
        Ok(left)
    }

    /// The one Hamilton selection: the `left` first `keys` (ascending is
    /// first served) get a unit each, found by selection in O(n). Keys of
    /// the last unit's level (equal remainders, or equal leading bits when
    /// `truncated`) that straddle it are settled exactly: by their exact
    /// remainders, and a tie among equal ones by the tie rule.
    #[allow(clippy::too_many_arguments)]
    fn give(
        &self,
        s: Scale,
        keys: &mut [u64],
        left: usize,
        look: bool,
        truncated: bool,
        index_bits: u32,
        units: &mut [u64],
    ) -> Result<Option<Tie>> {
        if left == 0 {
            return Ok(None);
        }
        let mask = (1u64 << index_bits) - 1;
        let last = sort::select_nth_u64(keys, left - 1) >> index_bits;
        let (top, rest) = keys.split_at(left);
        // Nobody behind the last unit at its level: the keys decide alone.
        if !(look || truncated) || !rest.iter().any(|&k| k >> index_bits == last) {
            for &k in top {
                units[(k & mask) as usize] += 1;
            }
            return Ok(None);
        }
        let mut group: Vec<usize> = Vec::new();
        let mut needed = left;
        for &k in top {
            if k >> index_bits == last {
                group.push((k & mask) as usize);
            } else {
                units[(k & mask) as usize] += 1;
                needed -= 1;
            }
        }
        group.extend(
            rest.iter()
                .filter(|&&k| k >> index_bits == last)
                .map(|&k| (k & mask) as usize),
        );
        sort::sort_unstable(&mut group);
        if truncated {
            // The level holds different remainders: the larger ones first.
            self.settle_level(s, group, needed, look, units)
        } else {
            // Equal remainders across the boundary: the tie rule, not the
            // input order, decides within the group.
            self.settle(group, needed, units).map(Some)
        }
    }

    /// `needed` units among `group` (sorted parties whose keys' leading
    /// bits are equal): by exact remainder, larger first; equal remainders
    /// across the last of them are a tie for the tie rule when `look`, else
    /// go in input order.
    fn settle_level(
        &self,
        s: Scale,
        group: Vec<usize>,
        needed: usize,
        look: bool,
        units: &mut [u64],
    ) -> Result<Option<Tie>> {
        let fast = Floors::new(self, s);
        let mut exact: Vec<(u128, usize)> = Vec::with_capacity(group.len());
        for i in group {
            exact.push((self.floor(s, &fast, i)?.1.unwrap_or(0), i));
        }
        // Larger remainder first, then input order.
        sort::sort_unstable_by(&mut exact, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let boundary = exact[needed - 1].0;
        let mut tied = Vec::new();
        let mut won = needed;
        for &(r, i) in &exact {
            if r > boundary {
                units[i] += 1;
                won -= 1;
            } else if r == boundary {
                tied.push(i);
            }
        }
        if !look || tied.len() == won {
            for &i in tied.iter().take(won) {
                units[i] += 1;
            }
            return Ok(None);
        }
        self.settle(tied, won, units).map(Some)
    }
}

/// What every party's floor at one scale shares, worked out once: whether
/// limits hold anyone, and the scale's numerator with its denominator
/// ready for division by reciprocal, where both fit 64 bits.
pub(super) struct Floors {
    pub(super) limited: bool,
    pub(super) by: Option<(u64, Divide64)>,
}

impl Floors {
    pub(super) fn new<W: Copy + Into<u128>>(p: &Problem<'_, W>, s: Scale) -> Floors {
        let by = match (u64::try_from(s.a), u64::try_from(s.b)) {
            (Ok(a), Ok(b)) => Divide64::new(b).map(|by| (a, by)),
            _ => None,
        };
        Floors {
            limited: p.limited(),
            by,
        }
    }
}
