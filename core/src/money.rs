//! Exact money splits: an amount split by weights into a rounding unit, the
//! parts adding up to the amount exactly.

use crate::apportion::{apportion_named, Apportionment, Options, TieRule};
use crate::error::{Error, Result};
use crate::util::exact::{exact_mul, pow10};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How to split money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SplitOptions {
    /// The rounding unit: 0.01 (øre) by default; 1 for whole kroner, 1000 for
    /// thousands.
    pub unit: Decimal,
    /// The tie rule for leftover units; `order` by default.
    pub ties: TieRule,
}

impl Default for SplitOptions {
    fn default() -> Self {
        SplitOptions {
            unit: Decimal::new(1, 2),
            ties: TieRule::Order,
        }
    }
}

/// The result of [`split`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Split {
    /// The amount split.
    pub amount: Decimal,
    /// The rounding unit.
    pub unit: Decimal,
    /// The parts, in input order; they add up to `amount` exactly.
    pub parts: Vec<Decimal>,
    /// How the units were apportioned (largest remainder), with reasons.
    pub apportionment: Apportionment,
}

/// Splits `amount` by `weights` into multiples of `options.unit`, by largest
/// remainder. A negative amount (a surplus returned) splits symmetrically.
///
/// # Example
/// ```
/// use andel_core::{split, SplitOptions};
/// use rust_decimal::Decimal;
/// let w = [50, 27, 23].map(Decimal::from);
/// let s = split(Decimal::new(10, 2), &w, &SplitOptions::default())?;
/// let parts: Vec<String> = s.parts.iter().map(|d| d.to_string()).collect();
/// assert_eq!(parts, ["0.05", "0.03", "0.02"]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn split(amount: Decimal, weights: &[Decimal], options: &SplitOptions) -> Result<Split> {
    split_named(amount, weights, None, options)
}

/// [`split`] for parties with ids (for tie priorities and error messages).
pub fn split_named(
    amount: Decimal,
    weights: &[Decimal],
    ids: Option<&[String]>,
    options: &SplitOptions,
) -> Result<Split> {
    let unit = options.unit;
    let units = units_in(amount, unit)?;
    let apportionment = apportion_named(weights, ids, units, &hamilton(options))?;
    let parts = parts_from_units(amount, unit, apportionment.units())?;
    Ok(Split {
        amount,
        unit,
        parts,
        apportionment,
    })
}

/// How many whole `unit`s make up |amount|, exactly.
/// Money split by whole-number weights (populations) as whole units of
/// `options.unit` per party, without the explanation: the entry for large
/// inputs. Party i's part is `units[i] × unit`, negative when `amount` is (a
/// surplus returned splits as the mirror of a cost); the units are exactly
/// those [`split`] gives.
///
/// # Example
/// ```
/// use andel_core::{money::split_units, Decimal, SplitOptions};
/// let u = split_units(Decimal::new(10, 2), &[50, 27, 23], &SplitOptions::default())?;
/// assert_eq!(u, vec![5, 3, 2]); // 0.05, 0.03, 0.02
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn split_units(amount: Decimal, weights: &[u64], options: &SplitOptions) -> Result<Vec<u64>> {
    let units = units_in(amount, options.unit)?;
    crate::apportion::apportion_units(weights, units, &hamilton(options))
}

/// [`split_units`] for weights below 2^32: the same units from half the
/// memory for the weights.
pub fn split_units_u32(
    amount: Decimal,
    weights: &[u32],
    options: &SplitOptions,
) -> Result<Vec<u64>> {
    let units = units_in(amount, options.unit)?;
    crate::apportion::apportion_units_u32(weights, units, &hamilton(options))
}

/// A split's apportionment options: Hamilton with the split's tie rule.
fn hamilton(options: &SplitOptions) -> Options {
    Options {
        ties: options.ties.clone(),
        ..Options::default()
    }
}

/// The parts of a split from its whole units: `units[i] × unit`, with the
/// amount's sign, on the unit's own scale (0.05, not 0.0500).
pub fn parts_from_units(amount: Decimal, unit: Decimal, units: &[u64]) -> Result<Vec<Decimal>> {
    let signed_unit = if amount.is_sign_negative() {
        -unit
    } else {
        unit
    };
    // units × unit: one integer product on the unit's own scale.
    let (mantissa, scale) = (signed_unit.mantissa(), signed_unit.scale());
    units
        .iter()
        .map(|&u| {
            i128::from(u)
                .checked_mul(mantissa)
                .and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
                .map_or_else(|| exact_mul(Decimal::from(u), signed_unit, "amount"), Ok)
        })
        .collect()
}

/// [`parts_from_units`] as text, the same characters each part's
/// `to_string()` gives ("1658397.22", "-0.05", "0.00"), written straight
/// from the integer product without a `Decimal` for each part: what a large
/// output as text costs.
///
/// # Example
/// ```
/// use andel_core::{money::part_texts, Decimal};
/// let texts = part_texts(Decimal::new(-10, 2), Decimal::new(1, 2), &[5, 3, 2, 0])?;
/// assert_eq!(texts, ["-0.05", "-0.03", "-0.02", "0.00"]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn part_texts(amount: Decimal, unit: Decimal, units: &[u64]) -> Result<Vec<String>> {
    let mut out = Vec::with_capacity(units.len());
    each_part_text(amount, unit, units, |t| out.push(t.to_string()))?;
    Ok(out)
}

/// [`part_texts`] in one string, each part followed by `sep` but the last
/// (a binding splits it where its strings live: one string crosses).
///
/// # Example
/// ```
/// use andel_core::{money::part_texts_joined, Decimal};
/// let text = part_texts_joined(Decimal::new(-10, 2), Decimal::new(1, 2), &[5, 3, 2, 0], ',')?;
/// assert_eq!(text, "-0.05,-0.03,-0.02,0.00");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn part_texts_joined(
    amount: Decimal,
    unit: Decimal,
    units: &[u64],
    sep: char,
) -> Result<String> {
    let mut out = String::with_capacity(units.len() * 12);
    let mut first = true;
    each_part_text(amount, unit, units, |t| {
        if !first {
            out.push(sep);
        }
        first = false;
        out.push_str(t);
    })?;
    Ok(out)
}

/// Each part's text of [`part_texts`], given to `f` in order.
fn each_part_text(
    amount: Decimal,
    unit: Decimal,
    units: &[u64],
    mut f: impl FnMut(&str),
) -> Result<()> {
    let signed_unit = if amount.is_sign_negative() {
        -unit
    } else {
        unit
    };
    let (mantissa, scale) = (signed_unit.mantissa(), signed_unit.scale() as usize);
    // A decimal's mantissa is below 2^96; a product beyond takes the exact
    // path (and its error).
    const MAX: u128 = (1 << 96) - 1;
    // Sign, up to 39 digits and the point, written from the end.
    let mut text = [0u8; 42];
    for &u in units {
        match i128::from(u).checked_mul(mantissa) {
            Some(m) if m.unsigned_abs() <= MAX => {
                let mut wide = m.unsigned_abs();
                let mut at = text.len();
                let mut written = 0;
                while wide > u128::from(u64::MAX) {
                    if written == scale && scale > 0 {
                        at -= 1;
                        text[at] = b'.';
                    }
                    at -= 1;
                    text[at] = b'0' + (wide % 10) as u8;
                    wide /= 10;
                    written += 1;
                }
                let mut v = wide as u64; // fits: the loop above left it at most u64::MAX
                                         // At least one digit before the point: 0.05, not .05.
                while v > 0 || written <= scale {
                    if written == scale && scale > 0 {
                        at -= 1;
                        text[at] = b'.';
                    }
                    at -= 1;
                    text[at] = b'0' + (v % 10) as u8;
                    v /= 10;
                    written += 1;
                }
                if m < 0 {
                    at -= 1;
                    text[at] = b'-';
                }
                // Only ASCII digits, '.' and '-' were written.
                f(std::str::from_utf8(&text[at..]).unwrap_or_default());
            }
            _ => f(&exact_mul(Decimal::from(u), signed_unit, "amount")?.to_string()),
        }
    }
    Ok(())
}

/// The whole units of a split with the amount's sign: negative for a
/// negative amount (a surplus returned), as the parts are. An iterator, so a
/// binding writes them where they go without a copy.
///
/// # Example
/// ```
/// use andel_core::{money::signed_units, Decimal};
/// let s: Vec<i128> = signed_units(Decimal::new(-10, 2), &[5, 3, 2]).collect();
/// assert_eq!(s, vec![-5, -3, -2]);
/// ```
pub fn signed_units(amount: Decimal, units: &[u64]) -> impl ExactSizeIterator<Item = i128> + '_ {
    let negative = amount.is_sign_negative();
    units.iter().map(move |&u| {
        if negative {
            -i128::from(u)
        } else {
            i128::from(u)
        }
    })
}

/// [`signed_units`] as 64-bit integers in the same allocation (what a NumPy
/// int64 array takes, without a second buffer): an error naming `amount`
/// where a part's signed units leave 64 bits (from −2^63 to 2^63 − 1; text
/// output has no limit).
///
/// # Example
/// ```
/// use andel_core::{money::signed_units_i64, Decimal};
/// assert_eq!(signed_units_i64(Decimal::new(-10, 2), vec![5, 3, 2])?, vec![-5, -3, -2]);
/// assert!(signed_units_i64(Decimal::ONE, vec![1 << 63]).is_err());
/// assert_eq!(signed_units_i64(-Decimal::ONE, vec![1 << 63])?, vec![i64::MIN]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn signed_units_i64(amount: Decimal, units: Vec<u64>) -> Result<Vec<i64>> {
    let negative = amount.is_sign_negative();
    units
        .into_iter()
        .map(|u| {
            let signed = if negative {
                -i128::from(u)
            } else {
                i128::from(u)
            };
            i64::try_from(signed).map_err(|_| {
                Error::overflow(
                    "amount",
                    format!("{signed} units do not fit a 64-bit integer array; use output=\"str\""),
                )
            })
        })
        .collect()
}

pub(crate) fn units_in(amount: Decimal, unit: Decimal) -> Result<u64> {
    if unit <= Decimal::ZERO {
        return Err(Error::InvalidUnit {
            field: "unit".into(),
            value: unit,
        });
    }
    let (a, u) = (amount.abs().normalize(), unit.normalize());
    let scale = a.scale().max(u.scale());
    let overflow = || {
        Error::overflow(
            "amount",
            crate::error::Problem::TooManyUnits {
                amount: amount.to_string(),
                unit: unit.to_string(),
            },
        )
    };
    let to_int = |d: Decimal| {
        pow10(scale - d.scale()).and_then(|p| d.mantissa().unsigned_abs().checked_mul(p))
    };
    let (ai, ui) = (
        to_int(a).ok_or_else(overflow)?,
        to_int(u).ok_or_else(overflow)?,
    );
    if ai % ui != 0 {
        return Err(Error::NotMultipleOfUnit {
            field: "amount".into(),
            amount,
            unit,
        });
    }
    u64::try_from(ai / ui).map_err(|_| overflow())
}
