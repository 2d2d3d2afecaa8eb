//! The common divisor methods' fast path: D'Hondt, Sainte-Laguë and
//! modified Sainte-Laguë without limits, weights below 2^64 (populations,
//! counts, amounts at one scale). One pass counts every party's seats at two
//! divisors at once, each count one 64 × 64-bit multiplication and a shift,
//! and the few seats between the two are selected by exact priority: the
//! same seats as the general path (DESIGN.md, "Whole units: the algorithm").
//!
//! Why it is exact: at a scale μ (the divisor 1/μ) a party's count is the
//! number of its seats with priority w/d(k) ≥ 1/μ. Any μ will do, so it is
//! taken as a/2^s with a 53-bit `a`, which makes the count
//! ⌊(w·a + h)/2^s⌋ (h = 0 for D'Hondt, 2^(s-1) for the halves of
//! Sainte-Laguë): no division. With μ1 < μ2 counting S1 ≤ N ≤ S2 seats, the
//! N seats given are the S1 seats at μ1 (every one of higher priority than
//! any other) and the N − S1 best of the seats between (priority, then the
//! earlier party, as the tie rule `order` and the general path's correction
//! take equal priorities). Floating point only aims μ1 and μ2 (on a sample
//! of the parties): only speed depends on it, never the seats; a bracket that
//! misses N is aimed again from the exact counts, and after a few misses the
//! general path decides.

mod band;

pub(super) use band::BAND_FROM;

use super::divisor::Divisor;
use super::problem::Problem;
use crate::exact::U256;
use crate::sort;
use std::cmp::Ordering;

/// How a method counts at a scale (the three sequences the fast path takes).
#[derive(Clone, Copy)]
enum Count {
    /// d(k) = k + 1: ⌊q⌋
    Floor,
    /// d(k) = k + ½: ⌊q + ½⌋
    Half,
    /// d(0) = f/2, then k + ½: ⌊q + ½⌋ from two seats up, [q ≥ f/2] below
    /// (`first` and `scale` as in [`Divisor::Modified`]).
    Modified { first: u128, scale: u128 },
}

/// A scale μ = a / 2^s (μ = 0 is a = 0) with what counting at it takes:
/// the half to add and, for modified Sainte-Laguë, the least w·a that
/// gives a first seat.
#[derive(Clone, Copy)]
struct Fixed {
    a: u64,
    s: u32,
    half: u128,
    first_at: u128,
}

impl Fixed {
    /// μ as a/2^s with a 64-bit `a` (the float's significand in its top
    /// bits, so exactly the float); a μ below 2^-64 (s beyond 127) as 0,
    /// a lower scale, as good as any (only the aim moves); `None` for a μ
    /// of 2^63 or more (s would be below 1) or not a number.
    fn new(mu: f64, count: Count) -> Option<Fixed> {
        let bits = mu.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let s = 52 + 11 + 1023 - exp;
        let (a, s) = if mu <= 0.0 || s > 127 {
            (0, 65)
        } else if exp == 0x7ff || s < 1 {
            return None; // infinite, NaN, or too large
        } else {
            (((bits & ((1 << 52) - 1)) | (1 << 52)) << 11, s as u32)
        };
        let half = match count {
            Count::Floor => 0,
            Count::Half | Count::Modified { .. } => 1u128 << (s - 1),
        };
        let first_at = match count {
            // w·a/2^s ≥ first/(2·scale) ⇔ w·a ≥ ⌈first·2^s/(2·scale)⌉, which
            // is at least 1 and below 1.5·2^s ≤ 1.5·2^127 (0 < first/scale < 3).
            Count::Modified { first, scale } => {
                let (q, r) = U256::mul(first, 1u128 << s).div_rem(2 * scale)?;
                q.to_u128()?.checked_add(u128::from(r > 0))?
            }
            _ => 0,
        };
        Some(Fixed {
            a,
            s,
            half,
            first_at,
        })
    }

    /// A party's seats at this scale (w below 2^64), exactly, at any scale:
    /// ⌊(w·a + half)/2^s⌋ without overflow (the part of w·a below 2^s and
    /// the half added apart).
    #[inline(always)]
    fn seats(self, w: u64, count: Count) -> u128 {
        let wa = u128::from(w) * u128::from(self.a);
        let below = wa & ((1u128 << self.s) - 1);
        let c = (wa >> self.s) + ((below + self.half) >> self.s);
        match count {
            Count::Modified { .. } if c <= 1 => u128::from(wa >= self.first_at),
            _ => c,
        }
    }

    /// The scale as a float (the aim's arithmetic).
    fn value(self) -> f64 {
        // ok: the aim's arithmetic only.
        self.a as f64 * (-f64::from(self.s)).exp2()
    }
}

/// How the counting pass counts a party's seats at one scale: uncapped,
/// saturating at 2^64 − 1.
trait Counter: Copy {
    fn seats(self, w: u64) -> u64;
}

/// Any scale, through [`Fixed::seats`].
#[derive(Clone, Copy)]
struct Wide(Fixed, Count);

impl Counter for Wide {
    #[inline(always)]
    fn seats(self, w: u64) -> u64 {
        u64::try_from(self.0.seats(w, self.1)).unwrap_or(u64::MAX)
    }
}

/// A scale below ½ (s = 64 + t, t from 1 to 63, as populations and
/// amounts give): the count from the high word of w·a alone, in 64-bit
/// shifts. That word is h = ⌊w·a/2^64⌋ ≤ w − 1 (a < 2^64): D'Hondt
/// ⌊w·a/2^s⌋ = h >> t; Sainte-Laguë ⌊(w·a + 2^(s-1))/2^s⌋ =
/// ⌊(h + 2^(t-1))/2^t⌋ (the low word cannot carry past a whole
/// 2^t) = ((h >> (t-1)) + 1) >> 1; modified Sainte-Laguë that, or below
/// two seats the first seat's test on w·a itself.
#[derive(Clone, Copy)]
struct High<const K: u8> {
    a: u64,
    t: u32,
    first_at: u128,
}

const FLOOR: u8 = 0;
const HALF: u8 = 1;
const MODIFIED: u8 = 2;

impl<const K: u8> High<K> {
    fn of(f: Fixed) -> Option<High<K>> {
        (f.s > 64).then(|| High {
            a: f.a,
            t: f.s - 64,
            first_at: f.first_at,
        })
    }
}

impl<const K: u8> Counter for High<K> {
    #[inline(always)]
    fn seats(self, w: u64) -> u64 {
        let wa = u128::from(w) * u128::from(self.a);
        let h = (wa >> 64) as u64;
        if K == FLOOR {
            h >> self.t
        } else {
            let c = ((h >> (self.t - 1)) + 1) >> 1;
            if K == MODIFIED && c <= 1 {
                u64::from(wa >= self.first_at)
            } else {
                c
            }
        }
    }
}

/// Fewer parties than this go to the general path.
const SMALL: usize = 1 << 10;

/// A seat between the two scales: party `i`'s seat number k + 1.
#[derive(Clone, Copy)]
struct Seat {
    w: u64,
    k: u64,
    i: usize,
}

/// The estimate's sample: how many parties are read for it (all of them
/// in a small input), balancing its noise (the seats between the two
/// scales to select) against its cost.
fn sample_size(n: usize) -> usize {
    // ok: a sample size, not a figure of the result.
    let m = (6.0 * n as f64).powf(2.0 / 3.0) as usize;
    let m = m.max(1 << 10);
    if 2 * m >= n {
        n
    } else {
        m
    }
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// The seats of D'Hondt, Sainte-Laguë or modified Sainte-Laguë without
    /// limits: exactly the `total` best seats by priority, equal
    /// priorities to the earlier party (what the general path gives before
    /// the tie rule). `None` where the fast path does not apply (another
    /// method, limits, a weight of 2^64 or more, a scale beyond 128-bit
    /// products) or its aim kept missing: the general path then decides.
    pub(super) fn fast_seats(&self, d: &Divisor) -> Option<Vec<u64>> {
        let count = match *d {
            Divisor::Dhondt => Count::Floor,
            Divisor::SainteLague => Count::Half,
            Divisor::Modified { first, scale } => Count::Modified { first, scale },
            _ => return None,
        };
        let n = self.ctx.n;
        if self.limited() || self.total == 0 || self.weight_total == 0 || n >> 32 != 0 {
            return None;
        }
        // A few hundred parties: the general path takes microseconds, less
        // than the aim here (the municipalities from Python: 5.5-7.5 µs
        // against 6.6-9). This module's tests run the fast path at every
        // size, against the general path and the definition.
        if n < SMALL && !cfg!(test) {
            return None;
        }
        let t = self.total;
        let cap = self.total + 1; // a count above the total is any count above it
                                  // Up to this many seats off, the general path's correction (a
                                  // bounded heap) costs less than another pass.
        let small = 64 + n as u64 / 128;
        // ok: floats only aim the scale (see the module note); the counts
        // and the selection are exact integers.
        let wt = self.weight_total as f64;
        let (mu, spread, mut slope) = self.aim(count, wt)?;
        // The two scales counted at, seats per unit of scale, and the
        // scales known to count at most (`below`) and at least (`above`)
        // the total.
        let (mut lo_mu, mut hi_mu) = (mu - spread / slope, mu + spread / slope);
        let (mut below, mut above) = (0.0f64, f64::INFINITY);
        let mut k: Vec<u64> = Vec::with_capacity(n);
        let mut between: Vec<Seat> = Vec::new();
        for _ in 0..4 {
            // ok: the scales are exact once fixed; only their choice is float.
            let lo = Fixed::new(lo_mu, count)?;
            let hi = Fixed::new(hi_mu, count)?;
            let (lo_mu_f, hi_mu_f) = (lo.value(), hi.value());
            // Room for the seats between: about twice what the two scales
            // are expected to hold, a quarter of the parties at least, never
            // more than twice the parties (then the correction takes over).
            let room = ((4.0 * (hi_mu_f - lo_mu_f) * slope) as usize + 4096)
                .max(n / 4)
                .min(2 * n + 4096);
            k.clear();
            between.clear();
            let (s1, s2, full) = self.count_both(count, lo, hi, cap, &mut k, &mut between, room)?;
            if s1 <= t && t <= s2 {
                if full {
                    // More seats between than kept: from the lower counts.
                    self.correct(d, &mut k, u128::from(s1)).ok()?;
                    return Some(k);
                }
                let r = (t - s1) as usize;
                if r > 0 && r < between.len() {
                    let order = |a: &Seat, b: &Seat| -> Ordering {
                        d.cmp(u128::from(b.w), b.k, u128::from(a.w), a.k)
                            .then(a.i.cmp(&b.i))
                    };
                    sort::select_nth_unstable_by(&mut between, r - 1, order);
                }
                for s in between.iter().take(r) {
                    k[s.i] += 1;
                }
                return Some(k);
            }
            if s1 > t && s1 - t <= small {
                self.correct(d, &mut k, u128::from(s1)).ok()?;
                return Some(k);
            }
            if t > s2 && t - s2 <= small && !full {
                for s in &between {
                    k[s.i] += 1;
                }
                self.correct(d, &mut k, u128::from(s2)).ok()?;
                return Some(k);
            }
            // Aim again from the exact counts: a secant step by their
            // slope between the two scales, kept within the scales known
            // to be below and above. Around it a margin for what a step on
            // a staircase misses; where no seat lay between the two scales
            // (a flat stretch of the staircase), the step again on the
            // other side, so that the next two scales hold the seats
            // missed.
            // ok: as above, the aim only.
            let flat = s2 == s1;
            if !flat && hi_mu_f > lo_mu_f {
                slope = (s2 - s1) as f64 / (hi_mu_f - lo_mu_f);
            }
            let (next, off) = if t < s1 {
                above = above.min(lo_mu_f);
                (lo_mu_f - (s1 - t) as f64 / slope, (s1 - t) as f64)
            } else {
                below = below.max(hi_mu_f);
                (hi_mu_f + (t - s2) as f64 / slope, (t - s2) as f64)
            };
            let margin = if flat {
                off / slope
            } else {
                (off / 4.0 + 2.0 * off.sqrt() + 16.0) / slope
            };
            (lo_mu, hi_mu) = ((next - margin).max(below), (next + margin).min(above));
            if lo_mu >= hi_mu {
                (lo_mu, hi_mu) = (
                    below,
                    if above.is_finite() {
                        above
                    } else {
                        2.0 * below
                    },
                );
            }
        }
        None
    }

    /// One pass: every party's count at `lo` into `k`, the seats between
    /// `lo` and `hi` into `between` (up to `room` of them; `true` when some
    /// did not fit), and both sums. The pass is made for the counting the
    /// two scales allow (`High` below ½, else `Wide`). `None` for a weight
    /// of 2^64 or more.
    #[allow(clippy::too_many_arguments)]
    fn count_both(
        &self,
        count: Count,
        lo: Fixed,
        hi: Fixed,
        cap: u64,
        k: &mut Vec<u64>,
        between: &mut Vec<Seat>,
        room: usize,
    ) -> Option<(u64, u64, bool)> {
        fn high<const K: u8>(lo: Fixed, hi: Fixed) -> Option<(High<K>, High<K>)> {
            Some((High::of(lo)?, High::of(hi)?))
        }
        match count {
            Count::Floor => match high::<FLOOR>(lo, hi) {
                Some((l, h)) => self.count_pass(l, h, cap, k, between, room),
                None => self.count_pass(Wide(lo, count), Wide(hi, count), cap, k, between, room),
            },
            Count::Half => match high::<HALF>(lo, hi) {
                Some((l, h)) => self.count_pass(l, h, cap, k, between, room),
                None => self.count_pass(Wide(lo, count), Wide(hi, count), cap, k, between, room),
            },
            Count::Modified { .. } => match high::<MODIFIED>(lo, hi) {
                Some((l, h)) => self.count_pass(l, h, cap, k, between, room),
                None => self.count_pass(Wide(lo, count), Wide(hi, count), cap, k, between, room),
            },
        }
    }

    /// [`Problem::count_both`]'s pass for one way of counting.
    fn count_pass<C: Counter>(
        &self,
        lo: C,
        hi: C,
        cap: u64,
        k: &mut Vec<u64>,
        between: &mut Vec<Seat>,
        room: usize,
    ) -> Option<(u64, u64, bool)> {
        // Sums below 2^64: fewer than 2^32 parties (checked by the
        // caller), each counted at most 2^31 + 1.
        let (mut s1, mut s2) = (0u64, 0u64);
        let (mut full, mut wide) = (false, false);
        k.extend(self.w.iter().enumerate().map(|(i, &w)| {
            let w: u128 = w.into();
            wide |= w >> 64 != 0;
            let w = w as u64;
            let c1 = lo.seats(w).min(cap);
            let c2 = hi.seats(w).min(cap);
            s1 += c1;
            s2 += c2;
            if c2 > c1 {
                full |= push_between(between, room, w, c1, c2, i);
            }
            c1
        }));
        (!wide).then_some((s1, s2, full))
    }

    /// The scale about `total` seats are counted at, as a sample of the
    /// parties predicts it (floats: only speed depends on it), the seats
    /// the prediction may be off by, and the seats a unit of scale adds
    /// there.
    fn aim(&self, count: Count, wt: f64) -> Option<(f64, f64, f64)> {
        let n = self.ctx.n;
        let m = sample_size(n);
        // ok: floats aim the scale only (see the module note).
        let sample: Vec<f64> = (0..m)
            .map(|j| self.weight((j as u128 * n as u128 / m as u128) as usize) as f64)
            .collect();
        let per = n as f64 / m as f64;
        let (first, round) = match count {
            Count::Floor => (1.0, 0.0),
            Count::Half => (0.5, 0.5),
            Count::Modified { first, scale } => (first as f64 / (2.0 * scale as f64), 0.5),
        };
        let modified = matches!(count, Count::Modified { .. });
        // x ≥ 0: truncation is the floor (no call to the library's floor).
        let seats = |x: f64| -> f64 {
            let c = (x + round) as u64 as f64;
            if modified && c <= 1.0 {
                f64::from(u8::from(x >= first && x > 0.0))
            } else {
                c
            }
        };
        // The whole's seats at μ: its quotas (μ·W) plus the sample's seats
        // over its quotas, scaled up by n/m; and the prediction's standard
        // error, from the spread of those excesses over the sample (scaled
        // by n/m, √m of them, less what the sample is of the whole).
        let fpc = (1.0 - m as f64 / n as f64).max(0.0).sqrt();
        let predict = |mu: f64| -> (f64, f64) {
            let (over, squares) = sample.iter().fold((0.0, 0.0), |(o, q), &w| {
                let e = seats(mu * w) - mu * w;
                (o + e, q + e * e)
            });
            let spread = (squares - over * over / m as f64).max(0.0).sqrt();
            (mu * wt + per * over, per * spread * fpc)
        };
        let target = self.total as f64;
        // A root of predict(μ) = total, kept between the scales seen to
        // predict below and above it: a secant step between the two where
        // both are known (halfway where it leaves them), else a step by
        // the average slope W, at least doubling or halving the scale.
        let mut below: Option<(f64, f64)> = None;
        let mut above: Option<(f64, f64)> = None;
        let mut best = (f64::NAN, f64::INFINITY, 0.0);
        let mut seen = |mu: f64, (p, noise): (f64, f64)| {
            if p <= target {
                below = below.filter(|b| b.0 >= mu).or(Some((mu, p)));
            } else {
                above = above.filter(|a| a.0 <= mu).or(Some((mu, p)));
            }
            if (p - target).abs() < best.1 {
                best = (mu, (p - target).abs(), noise);
            }
            (below, above, best)
        };
        let mut mu = target / wt;
        let (mut lo, mut hi, mut now) = seen(mu, predict(mu));
        // Fewer seats than parties: most parties hold none and the scale
        // is near the first seat of the total-th heaviest (as the sample
        // ranks them), d(0)/w.
        let rank = (target * m as f64 / n as f64).ceil() as usize;
        if rank >= 1 && rank <= m && self.total < n as u64 {
            let mut ranked = sample.clone();
            let w = *sort::select_nth_unstable_by(&mut ranked, rank - 1, |a, b| b.total_cmp(a));
            if w > 0.0 {
                (lo, hi, now) = seen(first / w, predict(first / w));
            }
        }
        for _ in 0..8 {
            // Within a few seats is close enough: they cost the selection
            // less than another prediction costs a small input.
            if now.1 <= now.2 / 2.0 + 4.0 {
                break;
            }
            mu = match (lo, hi) {
                (Some(b), Some(a)) => {
                    let x = b.0 + (target - b.1) * (a.0 - b.0) / (a.1 - b.1);
                    if x > b.0 && x < a.0 && x.is_finite() {
                        x
                    } else {
                        (a.0 + b.0) / 2.0
                    }
                }
                (Some(b), None) => (b.0 + (target - b.1) / wt).max(2.0 * b.0),
                (None, Some(a)) => (a.0 - (a.1 - target) / wt).min(a.0 / 2.0),
                (None, None) => return None,
            };
            (lo, hi, now) = seen(mu, predict(mu));
        }
        // Seats per unit of scale near the root, as the sample's two
        // nearest scales either side say (a small house's first seats come
        // much faster than W), else W.
        let slope = match (lo, hi) {
            (Some(b), Some(a)) if a.1 > b.1 && a.0 > b.0 => (a.1 - b.1) / (a.0 - b.0),
            _ => wt,
        };
        let (mu, off, noise) = now;
        (mu.is_finite() && slope.is_finite()).then_some((
            mu,
            3.0 * noise + off + 2.0 * off.sqrt() + 16.0,
            slope.max(wt),
        ))
    }
}

/// Party `i`'s seats c1 … c2 − 1 into `between` while there is room;
/// `true` when they did not all fit.
#[cold]
#[inline(never)]
fn push_between(between: &mut Vec<Seat>, room: usize, w: u64, c1: u64, c2: u64, i: usize) -> bool {
    for k in c1..c2 {
        if between.len() >= room {
            return true;
        }
        between.push(Seat { w, k, i });
    }
    false
}

#[cfg(test)]
mod tests;
