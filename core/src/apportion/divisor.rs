//! The divisor sequences d(k) of the divisor methods (D'Hondt, Sainte-Laguë,
//! modified Sainte-Laguë, Huntington-Hill, Adams, Dean) as exact integers:
//! how many seats a party counts at a divisor, and priorities w/d(k)
//! compared without division or square root.

use super::options::Method;
use crate::error::{Error, Result};
use crate::exact::{cmp_products, Divide64, U256};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A divisor sequence d(k), k = 0, 1, 2, … (the divisor for a party's
/// (k+1)-th unit), as exact integers.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Divisor {
    /// k + 1
    Dhondt,
    /// 2k + 1
    SainteLague,
    /// first (scaled), then (2k + 1) · scale
    Modified { first: u128, scale: u128 },
    /// √(k(k+1)): compared through squares
    HuntingtonHill,
    /// k
    Adams,
    /// 2k(k+1) / (2k+1)
    Dean,
}

impl Divisor {
    pub(crate) fn new(method: Method, first: Option<Decimal>) -> Result<Option<Divisor>> {
        if first.is_some() && method != Method::ModifiedSainteLague {
            return Err(Error::InvalidOption {
                field: "first_divisor".into(),
                message: crate::error::Problem::FirstDivisorMethod {
                    method: method.to_string(),
                }
                .into(),
            });
        }
        Ok(Some(match method {
            Method::Hamilton => return Ok(None),
            Method::Dhondt => Divisor::Dhondt,
            Method::SainteLague => Divisor::SainteLague,
            Method::HuntingtonHill => Divisor::HuntingtonHill,
            Method::Adams => Divisor::Adams,
            Method::Dean => Divisor::Dean,
            Method::ModifiedSainteLague => {
                let f = first.unwrap_or(Decimal::new(14, 1)).normalize();
                if f <= Decimal::ZERO || f >= Decimal::from(3) {
                    return Err(Error::InvalidOption {
                        field: "first_divisor".into(),
                        message: crate::error::Problem::FirstDivisorRange { value: f }.into(),
                    });
                }
                if f.scale() > 9 {
                    return Err(Error::InvalidOption {
                        field: "first_divisor".into(),
                        message: crate::error::Problem::FirstDivisorPlaces { value: f }.into(),
                    });
                }
                let scale = crate::exact::pow10(f.scale())
                    .ok_or_else(|| Error::overflow("first_divisor", "too many decimal places"))?;
                Divisor::Modified {
                    first: f.mantissa().unsigned_abs(),
                    scale,
                }
            }
        }))
    }

    /// How many seats k ≥ 0 have d(k) ≤ q = num/den (priority w/d(k) at
    /// least the divisor λ = w/q), exactly; `cap` or more comes back as
    /// `cap`. `None` only for a zero denominator.
    #[inline(always)]
    pub(super) fn count(self, num: U256, den: u128, cap: u64) -> Option<u64> {
        self.count_by(num, den, Self::small_divisor(den), cap)
    }

    /// `den` ready for [`Divisor::count_small`], when it is below 2^63:
    /// made once for the many counts over one denominator.
    pub(super) fn small_divisor(den: u128) -> Option<Divide64> {
        u64::try_from(den)
            .ok()
            .filter(|&d| d >> 63 == 0)
            .and_then(Divide64::new)
    }

    /// [`Divisor::count`] with `by` = [`Divisor::small_divisor`]`(den)`.
    #[inline(always)]
    pub(super) fn count_by(
        self,
        num: U256,
        den: u128,
        by: Option<Divide64>,
        cap: u64,
    ) -> Option<u64> {
        match (num.to_u128(), by) {
            (Some(n), Some(by)) if n >> 63 == 0 => Some(self.count_small(n as u64, by, cap)),
            _ => self.count_large(num, den, cap),
        }
    }

    /// [`Divisor::count`] beyond 2^63.
    #[inline(never)]
    pub(super) fn count_large(self, num: U256, den: u128, cap: u64) -> Option<u64> {
        match num.to_u128().and_then(|n| self.count_narrow(n, den, cap)) {
            Some(c) => Some(c),
            None => self.count_wide(num, den, cap),
        }
    }

    /// [`Divisor::count`] in 256-bit arithmetic, for any numerator.
    pub(super) fn count_wide(self, num: U256, den: u128, cap: u64) -> Option<u64> {
        let (f, r) = num.div_rem(den)?;
        let f = match f.to_u128() {
            Some(f) if f < u128::from(cap) => f,
            _ => return Some(cap),
        };
        // q ≥ f + ½ ⇔ 2r ≥ den
        let half_up = u128::from(r >= den - r);
        let c = match self {
            Divisor::Dhondt => f,
            Divisor::SainteLague => f + half_up,
            Divisor::Modified { first, scale } => {
                // d(0) = first/2 ≤ q ⇔ first·den ≤ 2·scale·num (the 1, 3, 5 …
                // divisors halved, like the k + ½ used for the rest)
                let first_in = match num.to_u128().and_then(|n| n.checked_mul(2 * scale)) {
                    // The common case in 128 bits: a left side beyond them
                    // is above the right.
                    Some(rhs) => first.checked_mul(den).is_some_and(|lhs| lhs <= rhs),
                    None => num
                        .checked_mul_u128(2 * scale)
                        .is_none_or(|rhs| U256::mul(first, den) <= rhs),
                };
                u128::from(first_in) + (f + half_up).saturating_sub(1)
            }
            Divisor::Adams => f + 1,
            Divisor::HuntingtonHill => {
                // √(f(f+1)) ≤ q ⇔ 2f·r·den + r² ≥ f·den²
                let x = U256::mul(2 * f, r);
                let y = U256::mul(f, den);
                let seat = if x >= y {
                    true
                } else {
                    y.checked_sub(x)
                        .and_then(|z| z.checked_mul_u128(den))
                        .is_some_and(|z| U256::mul(r, r) >= z)
                };
                f + u128::from(seat)
            }
            Divisor::Dean => {
                // 2f(f+1)/(2f+1) ≤ q ⇔ 2f(f+1)·den ≤ num·(2f+1)
                let lhs = U256::mul(2 * f * (f + 1), den);
                let seat = num.checked_mul_u128(2 * f + 1).is_none_or(|rhs| lhs <= rhs);
                f + u128::from(seat)
            }
        };
        Some(u64::try_from(c).unwrap_or(cap).min(cap))
    }

    /// [`Divisor::count`] for a numerator and a denominator below 2^63
    /// (populations times units over their total): every product below is
    /// of two numbers under 2^64 and stays under 2^127, one multiplication
    /// each. `den` is positive.
    #[inline(always)]
    pub(super) fn count_small(self, num: u64, by: Divide64, cap: u64) -> u64 {
        let den = by.divisor();
        let (f, r) = by.div_rem(num);
        if f >= cap {
            return cap;
        }
        let wide = u128::from;
        // f·den ≤ num < 2^63 and f < 2^63 below.
        let c = match self {
            Divisor::Dhondt => f,
            Divisor::SainteLague => f + u64::from(r >= den - r),
            Divisor::Modified { first, scale } => {
                // first < 3·10^9 and 2·scale ≤ 2·10^9: both under 2^32.
                let first_in = first * wide(den) <= wide(num) * (2 * scale);
                u64::from(first_in) + (f + u64::from(r >= den - r)).saturating_sub(1)
            }
            Divisor::Adams => f + 1,
            Divisor::HuntingtonHill => {
                // √(f(f+1)) ≤ num/den ⇔ f·den·(f·den + den) ≤ num²
                let fd = f * den;
                f + u64::from(wide(fd) * wide(fd + den) <= wide(num) * wide(num))
            }
            Divisor::Dean => {
                // 2f(f+1)/(2f+1) ≤ num/den ⇔ f·den·(2f+2) ≤ num·(2f+1)
                let fd = f * den;
                f + u64::from(wide(fd) * wide(2 * f + 2) <= wide(num) * wide(2 * f + 1))
            }
        };
        c.min(cap)
    }

    /// [`Divisor::count`] in 128-bit arithmetic, for the common case (a
    /// numerator below 2^128 and no intermediate product beyond it); `None`
    /// where something would not fit, for the general path to decide.
    #[inline]
    pub(super) fn count_narrow(self, num: u128, den: u128, cap: u64) -> Option<u64> {
        if den == 0 {
            return None;
        }
        let (f, r) = match (u64::try_from(num), u64::try_from(den)) {
            (Ok(x), Ok(y)) => (u128::from(x / y), u128::from(x % y)),
            _ => (num / den, num % den),
        };
        if f >= u128::from(cap) {
            return Some(cap);
        }
        let half_up = u128::from(r >= den - r);
        let c = match self {
            Divisor::Dhondt => f,
            Divisor::SainteLague => f + half_up,
            Divisor::Modified { first, scale } => {
                let first_in = first.checked_mul(den)? <= num.checked_mul(2 * scale)?;
                u128::from(first_in) + (f + half_up).saturating_sub(1)
            }
            Divisor::Adams => f + 1,
            Divisor::HuntingtonHill => {
                // As in `count`: 2f·r·den + r² ≥ f·den²
                let x = (2 * f).checked_mul(r)?;
                let y = f.checked_mul(den)?;
                let seat = x >= y || r.checked_mul(r)? >= (y - x).checked_mul(den)?;
                f + u128::from(seat)
            }
            Divisor::Dean => {
                let lhs = (2 * f).checked_mul(f + 1)?.checked_mul(den)?;
                let seat = lhs <= num.checked_mul(2 * f + 1)?;
                f + u128::from(seat)
            }
        };
        Some(u64::try_from(c).unwrap_or(cap).min(cap))
    }

    /// d(k) as numerator and denominator (not for Huntington-Hill).
    #[inline]
    pub(crate) fn nd(self, k: u64) -> (u128, u128) {
        let k = u128::from(k);
        match self {
            Divisor::Dhondt => (k + 1, 1),
            Divisor::SainteLague => (2 * k + 1, 1),
            Divisor::Modified { first, scale } => {
                if k == 0 {
                    (first, 1)
                } else {
                    ((2 * k + 1) * scale, 1)
                }
            }
            Divisor::Adams => (k, 1),
            Divisor::Dean => (2 * k * (k + 1), 2 * k + 1),
            Divisor::HuntingtonHill => (0, 1),
        }
    }

    /// Compares the priorities wi / d(ki) and wj / d(kj) exactly. A zero
    /// divisor gives an infinite priority (for a positive weight); two of
    /// them compare as the limit of w/ε does, by weight.
    #[inline(always)]
    pub(super) fn cmp(self, wi: u128, ki: u64, wj: u128, kj: u64) -> Ordering {
        // The common cases inline, in 128 bits without overflow: units are
        // at most 2^31 (MAX_DIVISOR_UNITS; so 2k + 1 ≤ 2^32 + 1 and
        // 2k(k+1) < 2^64) and a modified first divisor's scale is at most
        // 10^9 < 2^30. With weights below 2^64: D'Hondt, Sainte-Laguë,
        // modified Sainte-Laguë and Adams (w·d < 2^64 · 2^62); below 2^32:
        // Huntington-Hill (w²·k(k+1) < 2^64 · 2^63) and Dean
        // (w·(2k+1)·2k(k+1) < 2^64 · 2^64). Two zero divisors (both first
        // seats of a zero-first method) are ordered by weight in
        // `cmp_general`.
        if let (Ok(a), Ok(b)) = (u64::try_from(wi), u64::try_from(wj)) {
            // Each product below is of two numbers under 2^64: one widening
            // multiplication.
            let m = |x: u64, y: u64| u128::from(x) * u128::from(y);
            let narrow = (a | b) >> 32 == 0;
            match self {
                Divisor::Dhondt => return m(a, kj + 1).cmp(&m(b, ki + 1)),
                Divisor::SainteLague => return m(a, 2 * kj + 1).cmp(&m(b, 2 * ki + 1)),
                Divisor::Modified { first, scale } => {
                    // first < 3·10^9 and (2k+1)·scale < 2^33 · 10^9 < 2^64
                    let d = |k: u64| {
                        if k == 0 {
                            first as u64
                        } else {
                            (2 * k + 1) * scale as u64
                        }
                    };
                    return m(a, d(kj)).cmp(&m(b, d(ki)));
                }
                Divisor::Adams if ki | kj != 0 => return m(a, kj).cmp(&m(b, ki)),
                Divisor::HuntingtonHill if narrow && ki | kj != 0 => {
                    return m(a * a, kj * (kj + 1)).cmp(&m(b * b, ki * (ki + 1)));
                }
                Divisor::Dean if narrow && ki | kj != 0 => {
                    // wi / (2ki(ki+1)/(2ki+1)) vs wj / (2kj(kj+1)/(2kj+1));
                    // a·(2k+1) ≤ (2^32 − 1)(2^32 + 1) < 2^64
                    let l = m(a * (2 * ki + 1), 2 * kj * (kj + 1));
                    let r = m(b * (2 * kj + 1), 2 * ki * (ki + 1));
                    return l.cmp(&r);
                }
                _ => {}
            }
        }
        self.cmp_general(wi, ki, wj, kj)
    }

    /// [`Divisor::cmp`] for every method and weight.
    #[inline(never)]
    pub(super) fn cmp_general(self, wi: u128, ki: u64, wj: u128, kj: u64) -> Ordering {
        let zero_first = matches!(
            self,
            Divisor::Adams | Divisor::Dean | Divisor::HuntingtonHill
        );
        if zero_first && ki == 0 && kj == 0 {
            return wi.cmp(&wj);
        }
        if let Divisor::HuntingtonHill = self {
            // wi / √(ki(ki+1)) vs wj / √(kj(kj+1))  ⇔  wi² kj(kj+1) vs wj² ki(ki+1)
            let pi = u128::from(ki) * (u128::from(ki) + 1);
            let pj = u128::from(kj) * (u128::from(kj) + 1);
            if let (Some(si), Some(sj)) = (wi.checked_mul(wi), wj.checked_mul(wj)) {
                return cmp_products(si, pj, sj, pi);
            }
            // Weights stay below 2^96 and units below 2^31: both fit.
            let l = U256::mul(wi, wi).checked_mul_u128(pj);
            let r = U256::mul(wj, wj).checked_mul_u128(pi);
            return l.cmp(&r);
        }
        let (ni, di) = self.nd(ki);
        let (nj, dj) = self.nd(kj);
        // wi / (ni/di) vs wj / (nj/dj)  ⇔  wi·di·nj vs wj·dj·ni
        cmp_products(wi, di * nj, wj, dj * ni)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn divisors() -> impl Strategy<Value = Divisor> {
        prop_oneof![
            Just(Divisor::Dhondt),
            Just(Divisor::SainteLague),
            Just(Divisor::HuntingtonHill),
            Just(Divisor::Adams),
            Just(Divisor::Dean),
            (1u128..30).prop_map(|first| Divisor::Modified { first, scale: 10 }),
            (1u128..3_000_000_000).prop_map(|first| Divisor::Modified {
                first,
                scale: 1_000_000_000
            }),
        ]
    }

    /// Small, middling and extreme values, so both sides of every bound show.
    fn wide() -> impl Strategy<Value = u128> {
        prop_oneof![
            0u128..1_000,
            0u128..(1 << 40),
            0u128..(1 << 64),
            0u128..(1 << 100),
            any::<u128>(),
        ]
    }

    /// Positive weights, near the bounds of the inline comparison too.
    fn weights() -> impl Strategy<Value = u128> {
        prop_oneof![
            1u128..100,
            1u128..(1 << 32),
            (1u128 << 32) - 4..(1 << 32),
            1u128..(1 << 64),
            (1u128 << 64) - 4..(1 << 64),
            1u128..(1 << 96),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The 128-bit count is the 256-bit one wherever it answers.
        #[test]
        fn narrow_count_is_the_wide_count(
            d in divisors(),
            num in wide(),
            den in wide().prop_map(|x| x.max(1)),
            cap in prop_oneof![1u64..100, 1u64..(1 << 31), any::<u64>()],
        ) {
            if let Some(c) = d.count_narrow(num, den, cap) {
                prop_assert_eq!(Some(c), d.count_wide(U256::from_u128(num), den, cap));
            }
        }

        /// The 64-bit count is the 256-bit one (numerator and denominator
        /// below 2^63, near the bound too).
        #[test]
        fn small_count_is_the_wide_count(
            d in divisors(),
            num in prop_oneof![0u64..1_000, 0u64..(1 << 40), 0u64..(1 << 63), (1u64 << 63) - 1_000..(1 << 63)],
            den in prop_oneof![1u64..1_000, 1u64..(1 << 40), 1u64..(1 << 63), (1u64 << 63) - 1_000..(1 << 63)],
            cap in prop_oneof![1u64..100, 1u64..(1 << 31), any::<u64>()],
        ) {
            prop_assert_eq!(
                Some(d.count_small(num, Divide64::new(den).unwrap(), cap)),
                d.count_wide(U256::from_u128(u128::from(num)), u128::from(den), cap)
            );
        }

        /// The inline comparison is the general one (units up to 2^31,
        /// weights near the 2^32 and 2^64 bounds too).
        #[test]
        fn inline_priority_cmp_is_the_general_one(
            d in divisors(),
            wi in weights(),
            wj in weights(),
            ki in prop_oneof![0u64..4, 0u64..=(1 << 31), (1u64 << 31) - 4..=(1 << 31)],
            kj in prop_oneof![0u64..4, 0u64..=(1 << 31), (1u64 << 31) - 4..=(1 << 31)],
        ) {
            prop_assert_eq!(d.cmp(wi, ki, wj, kj), d.cmp_general(wi, ki, wj, kj));
            prop_assert_eq!(d.cmp(wi, ki, wi, ki), Ordering::Equal);
        }
    }

    /// On the boundary d(k) = q exactly the seat is counted, by both
    /// paths, at any scale (worked by hand: Dean d(1) = 4/3, d(2) = 12/5;
    /// Sainte-Laguë k + ½ = 5/2; modified first divisor 1.4, halved 7/10,
    /// and d(1) = 3/2; D'Hondt k + 1 = 3; Adams k = 2).
    #[test]
    fn a_divisor_equal_to_the_quotient_counts() {
        let modified = Divisor::Modified {
            first: 14,
            scale: 10,
        };
        let cases = [
            (Divisor::Dean, 4u128, 3u128, 2u64),
            (Divisor::Dean, 12, 5, 3),
            (Divisor::SainteLague, 5, 2, 3),
            (modified, 7, 10, 1),
            (modified, 3, 2, 2),
            (Divisor::Dhondt, 3, 1, 3),
            (Divisor::Adams, 2, 1, 3),
        ];
        for (d, num, den, seats) in cases {
            for factor in [1u128, 1 << 40, 1 << 80] {
                let (n, q) = (num * factor, den * factor);
                assert_eq!(
                    d.count_wide(U256::from_u128(n), q, 100),
                    Some(seats),
                    "{d:?} {n}/{q}"
                );
                assert_eq!(
                    d.count(U256::from_u128(n), q, 100),
                    Some(seats),
                    "{d:?} {n}/{q}"
                );
                if let Some(c) = d.count_narrow(n, q, 100) {
                    assert_eq!(c, seats, "{d:?} {n}/{q}");
                }
                // Just below the boundary, one seat less.
                assert_eq!(
                    d.count(U256::from_u128(n - 1), q, 100),
                    Some(seats - 1),
                    "{d:?}"
                );
            }
        }
    }

    /// The narrow count answers in the common case (populations, a few
    /// million units) rather than leaving everything to the wide path.
    #[test]
    fn narrow_count_answers_for_populations() {
        let den = 5_900_000u128 * 98;
        for d in [
            Divisor::Dhondt,
            Divisor::SainteLague,
            Divisor::HuntingtonHill,
            Divisor::Adams,
            Divisor::Dean,
            Divisor::Modified {
                first: 14,
                scale: 10,
            },
        ] {
            for w in [1u128, 1_800, 58_000, 1_400_000] {
                let num = 9_000 * w;
                assert!(d.count_narrow(num, den, 9_000).is_some(), "{d:?} {w}");
            }
        }
    }
}
