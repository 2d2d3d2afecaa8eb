//! The problem the engine solves: weights as whole numbers at one scale,
//! the units, the limits and the tie rule, and each party's exact quota.

use super::boundary::Slot;
use super::divisor::Divisor;
use super::options::{Limit, PartyRef, TieRule};
use super::result::{Boundary, Tie};
use crate::error::{Error, Result};
use crate::exact::{Quota, U256};
use crate::sorted_map::Positions;

#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    pub(super) ids: Option<&'a Positions<'a>>,
    pub(super) n: usize,
}

impl Context<'_> {
    pub(super) fn name(&self, i: usize) -> String {
        match self.ids.and_then(|ids| ids.id(i)) {
            Some(id) => id.to_string(),
            None => format!("#{i}"),
        }
    }

    pub(super) fn index(&self, r: &PartyRef, field: &str) -> Result<usize> {
        match r {
            PartyRef::Index(i) if *i < self.n => Ok(*i),
            PartyRef::Index(i) => Err(Error::UnknownParty {
                field: field.into(),
                id: format!("#{i}"),
            }),
            PartyRef::Id(id) => {
                self.ids
                    .and_then(|ids| ids.get(id))
                    .ok_or_else(|| Error::UnknownParty {
                        field: field.into(),
                        id: id.clone(),
                    })
            }
        }
    }

    pub(super) fn limit(
        &self,
        limit: Option<&Limit>,
        field: &str,
        default: u64,
    ) -> Result<Vec<u64>> {
        let Some(limit) = limit else {
            return Ok(Vec::new()); // no limit: see Problem::lo and Problem::hi
        };
        let mut out = vec![default; self.n];
        match Some(limit) {
            None => {}
            Some(Limit::All(x)) => out.fill(*x),
            Some(Limit::Each(v)) => {
                if v.len() != self.n {
                    return Err(Error::LengthMismatch {
                        field: field.into(),
                        expected: self.n,
                        found: v.len(),
                    });
                }
                out.copy_from_slice(v);
            }
            Some(Limit::ById(m)) => {
                for (id, x) in m {
                    let i = self.index(&PartyRef::Id(id.clone()), &format!("{field}.{id}"))?;
                    out[i] = *x;
                }
            }
        }
        Ok(out)
    }
}

pub(super) struct Problem<'a, W = u128> {
    pub(super) w: &'a [W],
    pub(super) weight_total: u128,
    pub(super) total: u64,
    pub(super) lo: &'a [u64],
    pub(super) hi: &'a [u64],
    pub(super) ctx: Context<'a>,
    pub(super) ties: &'a TieRule,
}

/// What solving fixed: the units, and what they are explained from.
pub(super) struct Solution {
    pub(super) units: Vec<u64>,
    pub(super) ties: Vec<Tie>,
    pub(super) boundary: Option<Boundary>,
    /// Quotas are `scale.a × weight / scale.b`.
    pub(super) scale: Scale,
    /// Divisor methods: the sequence and the last seat given on priority.
    pub(super) divisor: Option<(Divisor, Option<Slot>)>,
    pub(super) lo: Vec<u64>,
    pub(super) hi: Vec<u64>,
}

/// The scale μ = a / b of the continuous solution: party i's continuous
/// allocation is clamp(μ·wᵢ, loᵢ, hiᵢ).
#[derive(Clone, Copy, Debug)]
pub(super) struct Scale {
    pub(super) a: u128,
    pub(super) b: u128,
}

impl<W: Copy + Into<u128>> Problem<'_, W> {
    /// Party i's weight (the weights are u128, or u64 from `apportion_units`).
    #[inline]
    pub(super) fn weight(&self, i: usize) -> u128 {
        self.w[i].into()
    }

    /// Party i's minimum (0 when there are no minimums).
    pub(super) fn lo(&self, i: usize) -> u64 {
        self.lo.get(i).copied().unwrap_or(0)
    }

    /// Party i's maximum: unlimited when there are no maximums; a party
    /// with zero weight never gets more than its minimum.
    pub(super) fn hi(&self, i: usize) -> u64 {
        if self.weight(i) == 0 {
            self.lo(i)
        } else {
            self.hi.get(i).copied().unwrap_or(u64::MAX)
        }
    }

    pub(super) fn limited(&self) -> bool {
        self.lo.iter().any(|&x| x > 0) || self.hi.iter().any(|&x| x != u64::MAX)
    }

    pub(super) fn overflow(&self) -> Error {
        Error::overflow("total", "units × weight does not fit exact arithmetic")
    }

    /// μ·wᵢ as an exact quota: in 64- or 128-bit division where the
    /// product fits, else in 256 bits.
    #[inline]
    pub(super) fn quota(&self, s: Scale, i: usize) -> Result<Quota> {
        let w = self.weight(i);
        if let (Some(q), true) = (s.a.checked_mul(w), s.b > 0) {
            let (whole, remainder) = match (u64::try_from(q), u64::try_from(s.b)) {
                (Ok(q), Ok(b)) => (u128::from(q / b), u128::from(q % b)),
                _ => (q / s.b, q % s.b),
            };
            if let Ok(whole) = u64::try_from(whole) {
                return Ok(Quota {
                    whole,
                    remainder,
                    denominator: s.b,
                });
            }
        }
        Quota::new(U256::mul(s.a, w), s.b).ok_or_else(|| self.overflow())
    }

    /// [`Problem::quota`] of a result already solved, where every quota was
    /// computed once (Hamilton) or is bounded (divisor methods: at most
    /// 2^31 units × a 96-bit weight); the zero quota is never reached.
    pub(super) fn quota_of(&self, s: Scale, i: usize) -> Quota {
        self.quota(s, i).unwrap_or(Quota {
            whole: 0,
            remainder: 0,
            denominator: s.b,
        })
    }
}
