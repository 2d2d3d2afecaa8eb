//! Minimums and maximums: that they can all hold, and the continuous
//! solution that holds a party at its limit (a KKR's municipalities each
//! given at least one place, say, in case 2.9).

use super::problem::{Problem, Scale};
use super::result::Rounding;
use crate::error::{Error, Result};
use crate::exact::{cmp_products, U256};
use crate::sort;

/// Every minimum within its maximum, the minimums within the total and
/// the maximums reaching it.
pub(super) fn check_limits<W: Copy + Into<u128>>(
    problem: &Problem<'_, W>,
    total: u64,
) -> Result<()> {
    let ctx = problem.ctx;
    let (mut sum_lo, mut sum_hi) = (0u128, 0u128);
    for i in 0..ctx.n {
        if problem.lo(i) > problem.hi.get(i).copied().unwrap_or(u64::MAX) {
            return Err(Error::Infeasible {
                field: format!("minimum[{i}]"),
                reason: crate::error::Problem::MinimumAboveMaximum {
                    party: ctx.name(i).to_string(),
                    minimum: problem.lo(i),
                    maximum: problem.hi(i),
                }
                .into(),
            });
        }
        sum_lo += u128::from(problem.lo(i));
        sum_hi += u128::from(problem.hi(i));
    }
    if sum_lo > u128::from(total) {
        return Err(Error::Infeasible {
            field: "minimum".into(),
            reason: crate::error::Problem::MinimumsAboveTotal { sum: sum_lo, total }.into(),
        });
    }
    if sum_hi < u128::from(total) {
        return Err(Error::Infeasible {
            field: "maximum".into(),
            reason: crate::error::Problem::MaximumsBelowTotal { sum: sum_hi, total }.into(),
        });
    }
    Ok(())
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Finds μ with Σ clamp(μ·wᵢ, loᵢ, hiᵢ) = target, by a sweep over the
    /// sorted breakpoints loᵢ/wᵢ and hiᵢ/wᵢ: O(n log n).
    pub(super) fn scale_for(&self, target: u64) -> Result<Scale> {
        if !self.limited() {
            return Ok(Scale {
                a: u128::from(target),
                b: self.weight_total,
            });
        }
        // (breakpoint numerator, party, becomes free (true) or fixed at hi)
        let mut events: Vec<(u64, usize, bool)> = Vec::new();
        let mut c: u128 = 0; // units held by fixed parties
        let mut slope: u128 = 0; // weight of free parties
        for i in 0..self.ctx.n {
            if self.weight(i) == 0 {
                c += u128::from(self.lo(i));
                continue;
            }
            if self.lo(i) > 0 {
                c += u128::from(self.lo(i));
                events.push((self.lo(i), i, true));
            } else {
                slope += self.weight(i);
            }
            if self.hi(i) != u64::MAX {
                events.push((self.hi(i), i, false));
            }
        }
        let target = u128::from(target);
        if c >= target {
            return Ok(Scale { a: 0, b: 1 });
        }
        let w = |i: usize| self.weight(i);
        // x/wi vs y/wj ⇔ x·wj vs y·wi; at equal points, release before fixing.
        sort::sort_unstable_by(&mut events, |&(x, i, fi), &(y, j, fj)| {
            cmp_products(u128::from(x), w(j), u128::from(y), w(i)).then(fj.cmp(&fi))
        });
        for &(x, i, free) in &events {
            // f at μ = x/wi is c + x·slope/wi; stop once it reaches the target.
            let f_num = U256::mul(c, w(i)).checked_add(U256::mul(u128::from(x), slope));
            if slope > 0 && f_num.is_some_and(|f| f >= U256::mul(target, w(i))) {
                break;
            }
            if free {
                c -= u128::from(self.lo(i));
                slope += w(i);
            } else {
                c += u128::from(self.hi(i));
                slope -= w(i);
            }
        }
        if slope == 0 || c > target {
            return Err(Error::Infeasible {
                field: "maximum".into(),
                reason: "the limits leave no way to place every unit".into(),
            });
        }
        Ok(Scale {
            a: target - c,
            b: slope,
        })
    }

    /// Where party i stands against its limits at scale s.
    pub(super) fn clamp(&self, s: Scale, i: usize) -> Option<Rounding> {
        let q = U256::mul(s.a, self.weight(i));
        if self.weight(i) == 0 || q < U256::mul(u128::from(self.lo(i)), s.b) {
            (self.lo(i) > 0 || self.weight(i) == 0).then_some(Rounding::Minimum)
        } else if self.hi(i) != u64::MAX && q > U256::mul(u128::from(self.hi(i)), s.b) {
            Some(Rounding::Maximum)
        } else {
            None
        }
    }
}
