//! Exact integer arithmetic under the engine: decimal weights brought to one
//! scale as integers, a small 256-bit unsigned integer for products, and
//! exact fractions for quotas. No floating point anywhere.

use crate::error::{Error, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;

/// An unsigned 256-bit integer: just what exact comparisons of products need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct U256 {
    // Field order matters: the derived Ord compares `hi` first.
    hi: u128,
    lo: u128,
}

impl U256 {
    pub(crate) const fn from_u128(x: u128) -> U256 {
        U256 { hi: 0, lo: x }
    }

    /// The full product of two `u128`.
    pub(crate) const fn mul(a: u128, b: u128) -> U256 {
        if (a | b) >> 64 == 0 {
            // Both below 2^64 (populations times units): one 64 × 64 product.
            return U256 { hi: 0, lo: a * b };
        }
        let (a1, a0) = (a >> 64, a & 0xFFFF_FFFF_FFFF_FFFF);
        let (b1, b0) = (b >> 64, b & 0xFFFF_FFFF_FFFF_FFFF);
        let p00 = a0 * b0;
        let p01 = a0 * b1;
        let p10 = a1 * b0;
        let p11 = a1 * b1;
        let mid = (p00 >> 64) + (p01 & 0xFFFF_FFFF_FFFF_FFFF) + (p10 & 0xFFFF_FFFF_FFFF_FFFF);
        let lo = (p00 & 0xFFFF_FFFF_FFFF_FFFF) | (mid << 64);
        let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
        U256 { hi, lo }
    }

    pub(crate) fn checked_mul_u128(self, b: u128) -> Option<U256> {
        let low = U256::mul(self.lo, b);
        if self.hi == 0 {
            return Some(low);
        }
        let high = self.hi.checked_mul(b)?;
        Some(U256 {
            hi: low.hi.checked_add(high)?,
            lo: low.lo,
        })
    }

    pub(crate) fn checked_add(self, o: U256) -> Option<U256> {
        let (lo, carry) = self.lo.overflowing_add(o.lo);
        let hi = self.hi.checked_add(o.hi)?.checked_add(u128::from(carry))?;
        Some(U256 { hi, lo })
    }

    pub(crate) fn checked_sub(self, o: U256) -> Option<U256> {
        let (lo, borrow) = self.lo.overflowing_sub(o.lo);
        let hi = self.hi.checked_sub(o.hi)?.checked_sub(u128::from(borrow))?;
        Some(U256 { hi, lo })
    }

    pub(crate) fn to_u128(self) -> Option<u128> {
        (self.hi == 0).then_some(self.lo)
    }

    /// Quotient and remainder of a division by a non-zero `u128`.
    /// Returns `None` for a zero divisor.
    pub(crate) fn div_rem(self, d: u128) -> Option<(U256, u128)> {
        if d == 0 {
            return None;
        }
        if self.hi == 0 {
            if let (Ok(x), Ok(y)) = (u64::try_from(self.lo), u64::try_from(d)) {
                // The common case (populations): a 64-bit division is far cheaper.
                let q = x / y;
                return Some((U256::from_u128(u128::from(q)), u128::from(x - q * y)));
            }
            let q = self.lo / d;
            return Some((U256::from_u128(q), self.lo - q * d));
        }
        // Schoolbook binary long division; only reached for products above 2^128.
        let q_hi = self.hi / d;
        let mut r = self.hi % d;
        let mut q_lo: u128 = 0;
        for i in (0..128).rev() {
            let carry = r >> 127;
            r = (r << 1) | ((self.lo >> i) & 1);
            if carry == 1 || r >= d {
                r = r.wrapping_sub(d);
                q_lo |= 1 << i;
            }
        }
        Some((U256 { hi: q_hi, lo: q_lo }, r))
    }
}

/// `amount × (1 − share) / share`, rounded to a whole number of `unit`s
/// (half away from zero), exactly: what the other parts of a cost split come
/// to when one part, with fraction `share`, is `amount`. `amount` must be a
/// whole number of units and `share` in (0, 1].
pub(crate) fn rest_of_whole(
    amount: Decimal,
    share: Decimal,
    unit: Decimal,
    field: &str,
) -> Result<Decimal> {
    let overflow = || {
        Error::overflow(
            field,
            crate::error::Problem::ShareTooLarge {
                amount: amount.to_string(),
                share: share.to_string(),
            },
        )
    };
    if unit <= Decimal::ZERO {
        return Err(Error::InvalidUnit {
            field: "unit".into(),
            value: unit,
        });
    }
    let units = amount
        .checked_div(unit)
        .filter(|u| u.trunc() == *u)
        .ok_or_else(|| Error::NotMultipleOfUnit {
            field: field.to_string(),
            amount,
            unit,
        })?;
    let a = rust_decimal::prelude::ToPrimitive::to_u128(&units.abs()).ok_or_else(overflow)?;
    let share = share.normalize();
    let n = share.mantissa().unsigned_abs();
    let d = pow10(share.scale()).ok_or_else(overflow)?;
    if share <= Decimal::ZERO || n > d {
        return Err(Error::InvalidShare {
            field: field.to_string(),
            value: share,
            reason: crate::error::Problem::PartShareAboveZero.into(),
        });
    }
    // round(a·(d − n)/n) = floor((2·a·(d − n) + n) / (2n))
    let twice = U256::mul(a, d - n)
        .checked_mul_u128(2)
        .ok_or_else(overflow)?;
    let (q, _) = twice
        .checked_add(U256::from_u128(n))
        .and_then(|x| x.div_rem(n.checked_mul(2)?))
        .ok_or_else(overflow)?;
    let q = q
        .to_u128()
        .and_then(|q| i128::try_from(q).ok())
        .ok_or_else(overflow)?;
    let rest = Decimal::try_from_i128_with_scale(q, 0).map_err(|_| overflow())?;
    let rest = rest.checked_mul(unit).ok_or_else(overflow)?;
    Ok(if amount.is_sign_negative() {
        -rest
    } else {
        rest
    })
}

/// Division of 64-bit numbers by one divisor fixed for many of them
/// (a weight total, a scale), exactly, by multiplication: a precomputed
/// reciprocal ⌊(2^64 − 1)/d⌋ gives a quotient never above the true one and
/// at most 2 below it, which the remainder then corrects. The same quotient
/// and remainder as `/` and `%`, without a hardware division each.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Divide64 {
    d: u64,
    inv: u64,
}

impl Divide64 {
    /// `None` for a zero divisor.
    pub(crate) fn new(d: u64) -> Option<Divide64> {
        (d > 0).then(|| Divide64 {
            d,
            inv: u64::MAX / d,
        })
    }

    /// The divisor.
    #[inline(always)]
    pub(crate) fn divisor(self) -> u64 {
        self.d
    }

    /// (n / d, n % d).
    #[inline(always)]
    pub(crate) fn div_rem(self, n: u64) -> (u64, u64) {
        // inv < 2^64/d, so q ≤ n/d and q·d ≤ n; inv > 2^64/d − 2, so
        // q > n/d − 2n/2^64 − … ≥ n/d − 2: at most two steps up.
        let mut q = ((u128::from(n) * u128::from(self.inv)) >> 64) as u64;
        let mut r = n - q * self.d;
        while r >= self.d {
            q += 1;
            r -= self.d;
        }
        (q, r)
    }
}

/// Compares a·b with c·d exactly: in `u128` when both products fit, else
/// in 256 bits.
#[inline]
pub(crate) fn cmp_products(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    match (a.checked_mul(b), c.checked_mul(d)) {
        (Some(l), Some(r)) => l.cmp(&r),
        _ => U256::mul(a, b).cmp(&U256::mul(c, d)),
    }
}

/// The largest integer weight the engine takes after bringing all weights to
/// one decimal scale: 2^96 - 1, the largest mantissa a `Decimal` has. Keeping
/// below it lets every priority comparison fit in 256 bits.
pub(crate) const MAX_WEIGHT: u128 = (1u128 << 96) - 1;

/// Weights as integers on one common decimal scale, and their sum.
#[derive(Debug, Clone)]
pub(crate) struct ScaledWeights {
    pub(crate) w: Vec<u128>,
    pub(crate) total: u128,
}

/// Brings decimal weights to one scale as integers, exactly.
///
/// `field` names the input in errors (`weights` gives `weights[3]`).
pub(crate) fn scale_weights(weights: &[Decimal], field: &str) -> Result<ScaledWeights> {
    let mut scale = 0;
    for (i, w) in weights.iter().enumerate() {
        if w.is_sign_negative() && !w.is_zero() {
            return Err(Error::NegativeWeight {
                field: format!("{field}[{i}]"),
                value: *w,
            });
        }
        scale = scale.max(w.scale());
    }
    match scale_at(weights, field, scale, false) {
        Ok(s) => Ok(s),
        // Trailing zeros (1.000000) can make the common scale needlessly fine.
        Err(Error::Overflow { .. }) => {
            let scale = weights.iter().map(|d| d.normalize().scale()).max();
            scale_at(weights, field, scale.unwrap_or(0), true)
        }
        Err(e) => Err(e),
    }
}

/// The weights as 64-bit integers when they all have one scale already and
/// fit (the common case: populations, amounts in øre): one pass, no
/// multiplication. `None` sends the caller to [`scale_weights`], which also
/// finds and names whatever is wrong with them.
pub(crate) fn narrow_weights(weights: &[Decimal]) -> Option<(Vec<u64>, u128)> {
    // The browser build keeps one instance of the engine, on 128-bit
    // weights: the same results, and 37 KB less to download (DESIGN.md,
    // "Sorting in the browser").
    if cfg!(target_arch = "wasm32") {
        return None;
    }
    let scale = weights.first()?.scale();
    let mut w = Vec::with_capacity(weights.len());
    let mut total: u128 = 0;
    for d in weights {
        // Positive (a negative zero goes the general way too), at the scale.
        if d.is_sign_negative() || d.scale() != scale {
            return None;
        }
        let x = u64::try_from(d.mantissa()).ok()?;
        total += u128::from(x);
        w.push(x);
    }
    Some((w, total))
}

fn scale_at(
    weights: &[Decimal],
    field: &str,
    scale: u32,
    normalize: bool,
) -> Result<ScaledWeights> {
    let mut w = Vec::with_capacity(weights.len());
    let mut total: u128 = 0;
    for (i, d) in weights.iter().enumerate() {
        let d = if normalize { d.normalize() } else { *d };
        let m = d.mantissa().unsigned_abs();
        // A mantissa is below 2^96 already: only a change of scale can
        // take it past MAX_WEIGHT.
        let v = if d.scale() == scale {
            Some(m)
        } else {
            pow10(scale - d.scale())
                .and_then(|p| m.checked_mul(p))
                .filter(|v| *v <= MAX_WEIGHT)
        };
        let v = v.ok_or_else(|| {
            Error::overflow(
                format!("{field}[{i}]"),
                crate::error::Problem::WeightSpan {
                    weight: d.to_string(),
                    scale,
                },
            )
        })?;
        total = total
            .checked_add(v)
            .ok_or_else(|| Error::overflow(field, "the sum of the weights is too large"))?;
        w.push(v);
    }
    Ok(ScaledWeights { w, total })
}

pub(crate) fn pow10(exp: u32) -> Option<u128> {
    10u128.checked_pow(exp)
}

/// An exact product of two decimals, or an error when it has more digits than
/// a `Decimal` can hold (rust_decimal would round it silently).
pub(crate) fn exact_mul(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    let err = || {
        Error::overflow(
            field,
            crate::error::Problem::ProductTooLong {
                a: a.to_string(),
                b: b.to_string(),
            },
        )
    };
    let m = a.mantissa().checked_mul(b.mantissa()).ok_or_else(err)?;
    let mut scale = a.scale() + b.scale();
    let mut m = m;
    while scale > 28 || m.unsigned_abs() > MAX_WEIGHT {
        if scale == 0 || m % 10 != 0 {
            return Err(err());
        }
        m /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| err())
}

/// An exact sum of decimals, or an overflow error.
pub(crate) fn exact_add(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    let s = a.checked_add(b).ok_or_else(|| {
        Error::overflow(
            field,
            crate::error::Problem::SumTooLarge {
                a: a.to_string(),
                b: b.to_string(),
            },
        )
    })?;
    // checked_add rounds when the scales cannot be aligned in 96 bits: verify.
    if s.checked_sub(a) == Some(b) {
        Ok(s)
    } else {
        Err(Error::overflow(
            field,
            crate::error::Problem::SumTooLong {
                a: a.to_string(),
                b: b.to_string(),
            },
        ))
    }
}

/// A non-negative exact fraction `whole + remainder / denominator` with
/// `remainder < denominator`: how quotas are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quota {
    /// The whole part (the quota rounded down).
    pub whole: u64,
    /// The numerator of the fractional part.
    pub remainder: u128,
    /// The denominator of the fractional part (never zero).
    pub denominator: u128,
}

impl Quota {
    /// `numerator / denominator` as a quota, or `None` when the whole part
    /// exceeds `u64` or the denominator is zero.
    pub(crate) fn new(numerator: U256, denominator: u128) -> Option<Quota> {
        let (q, r) = numerator.div_rem(denominator)?;
        let whole = u64::try_from(q.to_u128()?).ok()?;
        Some(Quota {
            whole,
            remainder: r,
            denominator,
        })
    }

    /// True when the quota is a whole number.
    pub fn is_whole(&self) -> bool {
        self.remainder == 0
    }

    /// The fractional part reduced to lowest terms, as `(numerator, denominator)`.
    pub fn fraction(&self) -> (u128, u128) {
        let g = gcd(self.remainder, self.denominator).max(1);
        (self.remainder / g, self.denominator / g)
    }

    /// The quota as a decimal rounded half away from zero to `places` decimal
    /// places (at most 20): for display; every decision uses the exact value.
    ///
    /// # Example
    /// ```
    /// use andel_core::{apportion, Options};
    /// use rust_decimal::Decimal;
    /// let r = apportion(&[Decimal::from(1), Decimal::from(2)], 1, &Options::default())?;
    /// assert_eq!(r.quota(0).map(|q| q.to_decimal(4).to_string()), Some("0.3333".into()));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_decimal(&self, places: u32) -> Decimal {
        let places = places.min(20);
        let mut digits: u128 = 0;
        let mut r = U256::from_u128(self.remainder);
        for _ in 0..places {
            let Some((q, rem)) = r
                .checked_mul_u128(10)
                .and_then(|x| x.div_rem(self.denominator))
            else {
                break;
            };
            digits = digits * 10 + q.to_u128().unwrap_or(0);
            r = U256::from_u128(rem);
        }
        // Half away from zero on the next digit.
        let next_up = r
            .checked_mul_u128(2)
            .is_some_and(|twice| twice >= U256::from_u128(self.denominator));
        let frac = Decimal::from_i128_with_scale(
            i128::try_from(digits + u128::from(next_up)).unwrap_or(0),
            places,
        );
        // Bounded: whole < 2^64 and 0 ≤ frac ≤ 1, far inside a decimal.
        Decimal::from(self.whole) + frac
    }
}

impl std::fmt::Display for Quota {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (n, d) = self.fraction();
        if n == 0 {
            write!(f, "{}", self.whole)
        } else {
            write!(f, "{} {}/{}", self.whole, n, d)
        }
    }
}

pub(crate) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotaRepr {
    whole: u64,
    remainder: String,
    denominator: String,
    /// For people reading the JSON; ignored when reading it back.
    #[serde(default)]
    decimal: Option<Decimal>,
}

impl Serialize for Quota {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        QuotaRepr {
            whole: self.whole,
            remainder: self.remainder.to_string(),
            denominator: self.denominator.to_string(),
            decimal: Some(self.to_decimal(10)),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Quota {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let r = QuotaRepr::deserialize(d)?;
        let remainder: u128 = r.remainder.parse().map_err(D::Error::custom)?;
        let denominator: u128 = r.denominator.parse().map_err(D::Error::custom)?;
        if denominator == 0 || remainder >= denominator {
            return Err(D::Error::custom("quota: need remainder < denominator"));
        }
        Ok(Quota {
            whole: r.whole,
            remainder,
            denominator,
        })
    }
}

/// Serde for `u128` as decimal text: JSON numbers above 2^53 lose digits in
/// JavaScript.
pub(crate) mod u128_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divide64_at_the_edges_is_division() {
        let edges = [
            0,
            1,
            2,
            3,
            7,
            10,
            1 << 32,
            (1 << 63) - 1,
            1 << 63,
            u64::MAX - 1,
            u64::MAX,
        ];
        for &d in &edges[1..] {
            let by = Divide64::new(d).unwrap();
            for &n in &edges {
                assert_eq!(by.div_rem(n), (n / d, n % d), "{n} / {d}");
            }
        }
        assert!(Divide64::new(0).is_none());
    }

    proptest::proptest! {
        #[test]
        fn divide64_is_division(
            n in proptest::prelude::any::<u64>(),
            d in proptest::prop_oneof![1u64..1000, 1u64..=u64::MAX, proptest::prelude::Just(u64::MAX)],
            shift in 0u32..64,
        ) {
            // Small and large quotients alike: n scaled down by `shift`.
            let n = n >> shift;
            proptest::prop_assert_eq!(Divide64::new(d).unwrap().div_rem(n), (n / d, n % d));
        }
    }

    #[test]
    fn u256_mul_and_div_match_u128_where_they_fit() {
        let a = 0xFFFF_FFFF_FFFF_FFFFu128;
        let p = U256::mul(a, a);
        assert_eq!(p.to_u128(), Some(a * a));
        let (q, r) = p.div_rem(12345).expect("nonzero");
        assert_eq!(q.to_u128(), Some((a * a) / 12345));
        assert_eq!(r, (a * a) % 12345);
    }

    #[test]
    fn u256_wide_division_is_exact() {
        // (2^100 + 7) * (2^90 + 3) + 5, divided by (2^90 + 3).
        let x = (1u128 << 100) + 7;
        let d = (1u128 << 90) + 3;
        let n = U256::mul(x, d)
            .checked_add(U256::from_u128(5))
            .expect("fits");
        assert!(n.to_u128().is_none());
        let (q, r) = n.div_rem(d).expect("nonzero");
        assert_eq!(q.to_u128(), Some(x));
        assert_eq!(r, 5);
        // Divisor above 2^127 exercises the carry branch.
        let big = u128::MAX - 10;
        let n = U256::mul(big, 3)
            .checked_add(U256::from_u128(9))
            .expect("fits");
        let (q, r) = n.div_rem(big).expect("nonzero");
        assert_eq!((q.to_u128(), r), (Some(3), 9));
    }

    #[test]
    fn exact_mul_refuses_to_round() {
        let third = Decimal::from_i128_with_scale(3333333333333333333333333333, 28);
        assert!(exact_mul(third, third, "x").is_err());
        assert_eq!(
            exact_mul(Decimal::new(928, 3), Decimal::from(591_740), "x").expect("exact"),
            Decimal::new(549_134_720, 3)
        );
    }

    #[test]
    fn quota_decimal_rounds_half_away_and_reduces() {
        let q = Quota {
            whole: 2,
            remainder: 4,
            denominator: 8,
        };
        assert_eq!(q.to_decimal(0), Decimal::from(3));
        assert_eq!(q.fraction(), (1, 2));
        assert_eq!(q.to_string(), "2 1/2");
    }
}
