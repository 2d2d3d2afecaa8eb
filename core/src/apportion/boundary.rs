//! A divisor method's boundary (the last seat given, the next in line), the
//! tie there, and each party's rounding step against it.

use super::divisor::Divisor;
use super::problem::{Problem, Scale, Solution};
use super::result::{Boundary, Rounding, Tie};
use crate::error::Result;
use crate::exact::cmp_products;
use std::cmp::Ordering;

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// The boundary of seats `k` (the weakest seat given on priority, the
    /// strongest not given) and the tie there, if any, decided by the tie
    /// rule: the seats contested are given back and given again.
    pub(super) fn boundary_and_ties(&self, d: &Divisor, mut k: Vec<u64>) -> Result<Seated> {
        let w = |i: usize| self.weight(i);
        let mut last: Option<Slot> = None;
        let mut next: Option<Slot> = None;
        // Parties without a seat (most, in a small house) can only be next,
        // with priority w/d(0), which grows with the weight: the heaviest of
        // them (the first of equals) is the one to compare.
        let mut next_first: Option<(u128, usize)> = None;
        for (i, &ki) in k.iter().enumerate() {
            if w(i) == 0 {
                continue;
            }
            if ki == 0 {
                if self.hi(i) > 0 && next_first.is_none_or(|(x, _)| w(i) > x) {
                    next_first = Some((w(i), i));
                }
                continue;
            }
            // Compared as (weight, seats) against the best so far; a slot is
            // made only for a new best.
            let wi = w(i);
            if ki > self.lo(i)
                && last
                    .as_ref()
                    .is_none_or(|l| d.cmp(wi, ki - 1, l.w, l.k) == Ordering::Less)
            {
                last = Some(Slot {
                    d: *d,
                    w: wi,
                    k: ki - 1,
                    i,
                });
            }
            if ki < self.hi(i)
                && next
                    .as_ref()
                    .is_none_or(|x| d.cmp(wi, ki, x.w, x.k) == Ordering::Greater)
            {
                next = Some(Slot {
                    d: *d,
                    w: wi,
                    k: ki,
                    i,
                });
            }
        }
        if let Some((x, i)) = next_first {
            let s = Slot {
                d: *d,
                w: x,
                k: 0,
                i,
            };
            // Equal priorities: the earlier party, as the pass in input
            // order keeps the first.
            let first = next.as_ref().is_none_or(|n| match s.priority_cmp(n) {
                Ordering::Greater => true,
                Ordering::Equal => i < n.i,
                Ordering::Less => false,
            });
            if first {
                next = Some(s);
            }
        }
        let mut ties = Vec::new();
        if let (Some(l), Some(x)) = (&last, &next) {
            if l.priority_cmp(x) == Ordering::Equal {
                let mut group = Vec::new();
                let mut held = 0usize;
                for (i, ki) in k.iter_mut().enumerate() {
                    if w(i) == 0 {
                        continue;
                    }
                    if *ki > self.lo(i) && d.cmp(w(i), *ki - 1, l.w, l.k) == Ordering::Equal {
                        group.push(i);
                        held += 1;
                        *ki -= 1; // contested: given back, then decided
                    } else if *ki < self.hi(i) && d.cmp(w(i), *ki, l.w, l.k) == Ordering::Equal {
                        group.push(i);
                    }
                }
                ties.push(self.settle(group, held, &mut k)?);
            }
        }
        Ok(Seated {
            k,
            ties,
            last,
            next,
        })
    }

    /// A divisor method: the seats, the ties and the boundary; every
    /// party's quota and rounding step are worked out when asked for
    /// ([`Problem::divisor_rounding`]).
    pub(super) fn divisor_method(&self, d: &Divisor) -> Result<Solution> {
        let Seated {
            k,
            ties,
            last,
            next,
        } = self.divisor_seats(d, true)?;
        // After a tie, `last` and `next` still mark the contested priority.
        let boundary = Boundary {
            last: last.map(|s| (s.i, s.k + 1)),
            next: next.map(|s| (s.i, s.k + 1)),
        };
        Ok(Solution {
            units: k,
            ties,
            boundary: Some(boundary),
            scale: Scale {
                a: u128::from(self.total),
                b: self.weight_total,
            },
            divisor: Some((*d, last)),
            lo: self.lo.to_vec(),
            hi: self.hi.to_vec(),
        })
    }

    /// A divisor method's rounding step for party i with `units` seats:
    /// held at a limit (the priority of the seat it would give up or get
    /// stands on the wrong side of the last seat given), or up, down or
    /// exact against its quota.
    pub(super) fn divisor_rounding(
        &self,
        d: &Divisor,
        last: Option<&Slot>,
        i: usize,
        units: u64,
    ) -> Rounding {
        let w = |i: usize| self.weight(i);
        // Would seat kk (0-based) be given on priority?
        let below_threshold = |kk: u64| match last {
            Some(l) => d.cmp(w(i), kk, l.w, l.k) == Ordering::Less,
            None => true,
        };
        if units == self.lo(i) && units > 0 && (w(i) == 0 || below_threshold(units - 1)) {
            Rounding::Minimum
        } else if units == self.hi(i)
            && w(i) > 0
            && last.is_some_and(|l| d.cmp(w(i), units, l.w, l.k) == Ordering::Greater)
        {
            Rounding::Maximum
        } else {
            let total = u128::from(self.total);
            match cmp_products(u128::from(units), self.weight_total, total, w(i)) {
                Ordering::Equal => Rounding::Exact,
                Ordering::Less => Rounding::Down,
                Ordering::Greater => Rounding::Up,
            }
        }
    }
}

/// A divisor method's seats: units, ties, and the boundary seats.
pub(super) struct Seated {
    pub(super) k: Vec<u64>,
    pub(super) ties: Vec<Tie>,
    pub(super) last: Option<Slot>,
    pub(super) next: Option<Slot>,
}

impl Seated {
    /// Seats alone: no tie report, no boundary (the units-only entry with
    /// ties in input order needs neither).
    pub(super) fn units_only(k: Vec<u64>) -> Seated {
        Seated {
            k,
            ties: Vec::new(),
            last: None,
            next: None,
        }
    }
}

/// A party's seat number k+1, with priority w / d(k).
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    pub(super) d: Divisor,
    pub(super) w: u128,
    pub(super) k: u64,
    pub(super) i: usize,
}

impl Slot {
    #[inline]
    pub(super) fn priority_cmp(&self, o: &Slot) -> Ordering {
        self.d.cmp(self.w, self.k, o.w, o.k)
    }
}
