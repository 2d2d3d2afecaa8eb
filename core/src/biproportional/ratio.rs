//! Exact positive fractions of arbitrary-precision integers: a chain's cost
//! (a product of ratios d(k)/weight) compared without floating point.

use std::cmp::Ordering;

/// A positive fraction of arbitrary-precision integers.
#[derive(Clone, Debug)]
pub(super) struct Ratio {
    pub(super) num: Nat,
    pub(super) den: Nat,
}

impl Ratio {
    pub(super) fn one() -> Ratio {
        Ratio {
            num: Nat::from_u128(1),
            den: Nat::from_u128(1),
        }
    }

    #[inline(never)]
    pub(super) fn times(&self, num: u128, den: u128) -> Ratio {
        Ratio {
            num: self.num.mul(&Nat::from_u128(num)),
            den: self.den.mul(&Nat::from_u128(den)),
        }
    }

    #[inline(never)]
    pub(super) fn cmp_to(&self, other: &Ratio) -> Ordering {
        self.num.mul(&other.den).cmp_to(&other.num.mul(&self.den))
    }
}

/// A natural number in 64-bit limbs, least significant first, no leading
/// zero limbs: just multiplication and comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Nat(pub(super) Vec<u64>);

impl Nat {
    pub(super) fn from_u128(x: u128) -> Nat {
        let mut limbs = vec![x as u64, (x >> 64) as u64];
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Nat(limbs)
    }

    #[inline(never)]
    pub(super) fn mul(&self, other: &Nat) -> Nat {
        if self.0.is_empty() || other.0.is_empty() {
            return Nat(Vec::new());
        }
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry: u128 = 0;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u128::from(out[i + j]) + u128::from(a) * u128::from(b) + carry;
                out[i + j] = t as u64;
                carry = t >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        Nat(out)
    }

    pub(super) fn cmp_to(&self, other: &Nat) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nat_multiplies_and_compares() {
        let a = Nat::from_u128(u128::MAX);
        let sq = a.mul(&a);
        // (2^128 - 1)^2 = 2^256 - 2^129 + 1
        assert_eq!(sq.0, vec![1, 0, u64::MAX - 1, u64::MAX]);
        assert_eq!(sq.cmp_to(&a), Ordering::Greater);
        assert_eq!(Nat::from_u128(0).0, Vec::<u64>::new());
        assert_eq!(
            Nat::from_u128(6).cmp_to(&Nat::from_u128(2).mul(&Nat::from_u128(3))),
            Ordering::Equal
        );
    }
}
