//! A divisor method's seats without handing them out one at a time: the
//! counts at an estimated divisor, then the few units left moved on a
//! bounded heap in priority order (DESIGN.md, "Whole units: the algorithm").

use super::aim::SAMPLE_FROM;
use super::boundary::Seated;
use super::divisor::Divisor;
use super::options::TieRule;
use super::problem::{Context, Problem};
use crate::error::{Error, Result};
use crate::exact::U256;
use crate::sort::{self, sift_down};
use std::cmp::Ordering;

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// A divisor method's seats (ties decided by the rule), without the
    /// explanation: what [`super::apportion_units`] needs. With `report` false
    /// (units only), no limits and the tie rule `order`, the boundary seats
    /// are not looked for: the correction already takes equal priorities in
    /// input order (giving to the earlier party, taking from the later),
    /// which is what the rule decides, and nobody asks for the report.
    ///
    /// The steps: a first guess of every party's seats (the heaviest
    /// parties' house, the largest weights, the minimums, or exact counts
    /// at an aimed divisor), the correction that moves the units still
    /// off, then the boundary and a tie there.
    pub(super) fn divisor_seats(&self, d: &Divisor, report: bool) -> Result<Seated> {
        self.divisor_seats_with(d, report, true)
    }

    /// [`Problem::divisor_seats`], with `fast` false the general path
    /// alone (the fast path's tests compare the two).
    pub(super) fn divisor_seats_with(
        &self,
        d: &Divisor,
        report: bool,
        fast: bool,
    ) -> Result<Seated> {
        // D'Hondt and (modified) Sainte-Laguë without limits: one counting
        // pass and a selection (`fast/`), in any house; not in the browser build, whose
        // download it would grow (the general path gives the same seats).
        #[cfg(not(target_arch = "wasm32"))]
        if fast {
            if let Some(k) = self.fast_seats(d) {
                if !report && *self.ties == TieRule::Order {
                    return Ok(Seated::units_only(k));
                }
                return self.boundary_and_ties(d, k);
            }
        }
        let positive = self.w.iter().filter(|&&w| w.into() > 0).count() as u64;
        let limited = self.limited();
        let zero_first = matches!(d, Divisor::Adams | Divisor::Dean | Divisor::HuntingtonHill);
        if !limited
            && !zero_first
            && self.total > 0
            && 2 * u128::from(self.total) <= u128::from(positive)
        {
            return self.among_heaviest(d, report, fast);
        }
        let (sum_lo, sum_hi) = if limited {
            (
                (0..self.ctx.n).map(|i| u128::from(self.lo(i))).sum(),
                (0..self.ctx.n).map(|i| u128::from(self.hi(i))).sum(),
            )
        } else {
            (0, u128::from(positive) * u128::from(u64::MAX))
        };
        let cap = |t: u128| -> u64 { t.clamp(sum_lo, sum_hi.min(u128::from(u64::MAX))) as u64 };
        let rest = u128::from(self.total) - sum_lo;
        // The seats before the correction and their sum.
        let (mut k, given) = if rest <= u128::from(positive) && zero_first && !limited {
            self.to_the_heaviest()
        } else if rest <= u128::from(positive) && zero_first {
            // A small house (no more units than parties) with a zero first
            // divisor: the minimums, then the correction below places the
            // rest, at most one per party: O(n + m log m) without any
            // estimate (the first seats' infinite priorities are ordered by
            // weight, the limit of w/ε; see `Divisor::cmp`). Other methods
            // take the estimate below in every house: it leaves only a few
            // units for the correction however few seats there are.
            ((0..self.ctx.n).map(|i| self.lo(i)).collect(), sum_lo)
        } else {
            let target = self.first_target(d, positive, &cap);
            self.counted(d, target, &cap)?
        };
        if given != u128::from(self.total) {
            self.correct(d, &mut k, given)?;
        }
        if !report && !limited && *self.ties == TieRule::Order {
            return Ok(Seated::units_only(k));
        }
        self.boundary_and_ties(d, k)
    }

    /// No limits, at most half as many units as parties, first divisor
    /// above zero: whoever holds a seat holds its first one, and a first
    /// seat's priority w/d(0) grows with the weight, so the holders are
    /// among the `total` heaviest parties (earlier first on equal weights,
    /// as input order gives equal priorities). The house among them alone,
    /// in input order, is the house: O(n) for the selection, the rest over
    /// `total`. The boundary and a tie there are then found over all parties.
    fn among_heaviest(&self, d: &Divisor, report: bool, fast: bool) -> Result<Seated> {
        let n = self.ctx.n;
        let mut heaviest = Vec::with_capacity(self.total as usize);
        self.for_heaviest(self.total as usize, |i| heaviest.push(i));
        sort::sort_unstable(&mut heaviest);
        let w: Vec<W> = heaviest.iter().map(|&i| self.w[i]).collect();
        let among = Problem {
            w: &w,
            weight_total: w.iter().map(|&x| x.into()).sum(),
            total: self.total,
            lo: &[],
            hi: &[],
            ctx: Context {
                ids: None,
                n: w.len(),
            },
            ties: self.ties,
        };
        let mut k = vec![0; n];
        let among_k = Problem {
            ties: &TieRule::Order,
            ..among
        }
        .divisor_seats_with(d, false, fast)?
        .k;
        for (&i, &ki) in heaviest.iter().zip(&among_k) {
            k[i] = ki;
        }
        // Equal priorities went in input order; a tie at the boundary
        // (over all parties, not only the heaviest) goes to the tie rule.
        if !report && *self.ties == TieRule::Order {
            return Ok(Seated::units_only(k));
        }
        self.boundary_and_ties(d, k)
    }

    /// A zero first divisor and no limits, no more units than parties: the
    /// first seats' infinite priorities are ordered by weight (then input
    /// order), and every positive weight's first seat comes before any
    /// second one, so the seats go to the `total` largest weights: one
    /// selection, O(n). Ties at the edge are found by the boundary pass, as
    /// after any correction. The seat holders first, the result after: the
    /// selection's keys are freed before the result is allocated.
    fn to_the_heaviest(&self) -> (Vec<u64>, u128) {
        let mut holders = Vec::with_capacity(self.total as usize);
        self.for_heaviest(self.total as usize, |i| holders.push(i));
        let mut k = vec![0; self.ctx.n];
        for &i in &holders {
            k[i] = 1;
        }
        (k, holders.len() as u128)
    }

    /// Every party's exact count at the divisor aimed for `target` units,
    /// and their sum: re-aimed (a secant step) while the sum is far off.
    fn counted(
        &self,
        d: &Divisor,
        target: u64,
        cap: &dyn Fn(u128) -> u64,
    ) -> Result<(Vec<u64>, u128)> {
        let n = self.ctx.n;
        let limited = self.limited();
        // Exact counts at the divisor λ = 1/μ: every seat with priority ≥ λ.
        // Being exactly a threshold set is what makes the correction below
        // exact; no party can need more than all units, so counts are capped.
        let counts = |target: u64| -> Result<(Vec<u64>, u128)> {
            let s = self.scale_for(target)?;
            let by = Divisor::small_divisor(s.b);
            let mut k: Vec<u64> = Vec::with_capacity(n);
            let mut sum: u128 = 0;
            for i in 0..n {
                let est = if self.weight(i) == 0 {
                    0
                } else {
                    d.count_by(U256::mul(s.a, self.weight(i)), s.b, by, self.total)
                        .ok_or_else(|| self.overflow())?
                };
                let ki = if limited {
                    est.min(self.total).clamp(self.lo(i), self.hi(i))
                } else {
                    est.min(self.total)
                };
                sum += u128::from(ki);
                k.push(ki);
            }
            Ok((k, sum))
        };
        // A method's rounding bias can leave many units to move; aim again
        // (a secant step on the target, a few O(n) passes at most) until
        // the correction is small. With many parties and no limits the
        // aim is first refined on a sample of 2^14 of them spread over
        // the input (their counts scaled to the whole by weight), so
        // that one full pass is usually enough.
        let target = if !limited && n >= SAMPLE_FROM {
            self.aim_on_sample(d, target, cap)?
        } else {
            target
        };
        let (mut k, mut sum) = counts(target)?;
        let mut aim = u128::from(target);
        // Up to n/128 moves cost the correction less than another pass.
        let small = 64 + (n as u128) / 128;
        for _ in 0..4 {
            let off = sum.abs_diff(u128::from(self.total));
            if off <= small {
                break;
            }
            aim = if sum > u128::from(self.total) {
                aim.saturating_sub(off)
            } else {
                aim + off
            };
            let (k2, sum2) = counts(cap(aim))?;
            if sum2.abs_diff(u128::from(self.total)) >= off {
                break;
            }
            (k, sum) = (k2, sum2);
        }
        Ok((k, sum))
    }

    /// The correction: moves the units still off (`given` against the
    /// total) one at a time in priority order, on a bounded heap of the
    /// only parties that can take part: O(n + m log m) for m moves.
    pub(super) fn correct(&self, d: &Divisor, k: &mut [u64], given: u128) -> Result<()> {
        let n = self.ctx.n;
        let limited = self.limited();
        let total = u128::from(self.total);
        let w = |i: usize| self.weight(i);
        {
            let giving = given < total;
            let moves = usize::try_from(if giving { total - given } else { given - total })
                .map_err(|_| self.overflow())?;
            let eligible = |i: usize| {
                w(i) > 0
                    && if !limited {
                        giving || k[i] > 0
                    } else if giving {
                        k[i] < self.hi(i)
                    } else {
                        k[i] > self.lo(i)
                    }
            };
            // `order(a, b)` is Less when a's seat moves before b's. Giving: the
            // strongest next seat wᵢ/d(kᵢ); taking: the weakest last seat
            // wᵢ/d(kᵢ-1). Equal priorities in input order (ties are decided
            // by the tie rule afterwards). Candidates carry their weight and
            // seats, so the heap below never reaches back into the arrays.
            let order = |a: &Candidate, b: &Candidate| -> Ordering {
                if giving {
                    d.cmp(b.w, b.k, a.w, a.k).then(a.i.cmp(&b.i))
                } else {
                    d.cmp(a.w, a.k - 1, b.w, b.k - 1).then(b.i.cmp(&a.i))
                }
            };
            let candidate = |i: usize| Candidate {
                w: w(i),
                k: k[i],
                i,
            };
            // Only the `moves` first candidates can be involved: any other is
            // behind that many seats that stay available. One pass keeps them
            // in a heap whose root is the one that would move last.
            let mut cand: Vec<Candidate> = Vec::with_capacity(moves.min(n));
            for i in (0..n).filter(|&i| eligible(i)) {
                if cand.len() < moves {
                    cand.push(candidate(i));
                    sift_up(&mut cand, |a, b| order(a, b) == Ordering::Greater);
                } else if cand
                    .first()
                    .is_some_and(|root| order(&candidate(i), root) == Ordering::Less)
                {
                    cand[0] = candidate(i);
                    sift_down(&mut cand, 0, &mut |a, b| order(a, b) == Ordering::Greater);
                }
            }
            // Now a heap whose root moves first.
            let first = |a: &Candidate, b: &Candidate| order(a, b) == Ordering::Less;
            for pos in (0..cand.len() / 2).rev() {
                sift_down(&mut cand, pos, &mut |a, b| first(a, b));
            }
            for _ in 0..moves {
                let Some(top) = cand.first_mut() else {
                    return Err(Error::Infeasible {
                        field: if giving { "maximum" } else { "minimum" }.into(),
                        reason: "the limits leave no way to place every unit".into(),
                    });
                };
                let still = if giving {
                    top.k += 1;
                    top.k < self.hi(top.i)
                } else {
                    top.k -= 1;
                    top.k > self.lo(top.i)
                };
                if !still {
                    k[top.i] = top.k;
                    let last = cand.len() - 1;
                    cand.swap(0, last);
                    cand.pop();
                }
                sift_down(&mut cand, 0, &mut |a, b| first(a, b));
            }
            for c in &cand {
                k[c.i] = c.k;
            }
        }
        Ok(())
    }
}

/// Restores the heap order after a push to the end of the heap.
pub(super) fn sift_up<T>(v: &mut [T], first: impl Fn(&T, &T) -> bool) {
    let mut pos = v.len().saturating_sub(1);
    while pos > 0 {
        let parent = (pos - 1) / 2;
        if !first(&v[pos], &v[parent]) {
            return;
        }
        v.swap(pos, parent);
        pos = parent;
    }
}

/// A party in the correction: its weight, its seats so far, its index.
#[derive(Clone, Copy)]
pub(super) struct Candidate {
    pub(super) w: u128,
    pub(super) k: u64,
    pub(super) i: usize,
}
