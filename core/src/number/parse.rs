//! Numbers handed to us by other languages. A finite binary float (a JS
//! number, a pandas float64 cell) is read as the decimal its shortest
//! round-trip form shows, the digits the user sees: `0.072` is 0.072, not
//! 0.07199999999999999483…. The binding prints the float (JavaScript's
//! `String(x)`, Python's `str(x)`) and core reads that text exactly; no float
//! ever enters core. NaN and infinity are refused, and a float whose shortest
//! form has more digits than a decimal holds is an error, never a rounding.

use crate::error::{Error, Problem, Result};
use rust_decimal::Decimal;

/// A number as text with an optional exponent, read exactly: a float's
/// shortest form as another language printed it (JavaScript's `String(x)`,
/// Python's `str(x)`), a JSON number, a `decimal.Decimal`'s text, or a
/// string such as `"0.072"` or `"1e3"`. `NaN`, `Infinity` and a
/// number with more digits than a decimal holds are errors.
///
/// # Example
/// ```
/// use andel_core::number::decimal_from_number_text;
/// assert_eq!(decimal_from_number_text("0.072", "x")?.to_string(), "0.072");
/// assert_eq!(decimal_from_number_text("1.5e-7", "x")?.to_string(), "0.00000015");
/// assert_eq!(decimal_from_number_text("1e+21", "x")?.to_string(), "1000000000000000000000");
/// assert_eq!(decimal_from_number_text("-0", "x")?.to_string(), "0");
/// assert_eq!(decimal_from_number_text("Infinity", "w[0]").unwrap_err().code(), "invalid_number");
/// let nan = decimal_from_number_text("nan", "w[1]").unwrap_err();
/// assert!(nan.to_string().contains("NaN and infinity are not numbers"), "{nan}");
/// assert_eq!(decimal_from_number_text("5e-324", "w[0]").unwrap_err().code(), "overflow");
/// let big = decimal_from_number_text("1e400", "w").unwrap_err().to_string();
/// assert!(big.contains("has an exponent beyond a decimal's range"), "{big}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn decimal_from_number_text(shown: &str, field: &str) -> Result<Decimal> {
    let (mantissa, exponent) = match shown.find(['e', 'E']) {
        Some(i) => (&shown[..i], &shown[i + 1..]),
        None => (shown, "0"),
    };
    let bad = || Error::InvalidNumber {
        field: field.to_string(),
        value: shown.to_string(),
        reason: Problem::NanOrInfinity.into(),
    };
    let unsigned = shown.trim_start_matches(['+', '-']);
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|word| unsigned.eq_ignore_ascii_case(word))
    {
        return Err(bad());
    }
    let exponent_text = exponent.strip_prefix('+').unwrap_or(exponent);
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    // An exponent too long for an i64 is far beyond any decimal.
    let (exponent, far): (i64, bool) = match exponent_text.parse() {
        Ok(e) => (e, false),
        Err(_) if all_digits(exponent_text.strip_prefix('-').unwrap_or(exponent_text)) => (0, true),
        Err(_) => return Err(bad()),
    };
    // What is wrong with a number a decimal cannot hold: its exponent (1e400,
    // 5e-324) or its digits; the number shown cut short (it may be long).
    let beyond = far || !(-28..=28).contains(&exponent);
    let too_long = || {
        let number = shown.to_string();
        Error::overflow(
            field,
            if beyond {
                Problem::ExponentBeyondRange { number }
            } else {
                Problem::DigitsBeyondRange { number }
            },
        )
    };
    if far {
        return Err(too_long());
    }
    let m = decimal_from_text(mantissa, field)?;
    let scale = i64::from(m.scale()) - exponent;
    let d = if scale >= 0 {
        let scale = u32::try_from(scale).map_err(|_| too_long())?;
        Decimal::try_from_i128_with_scale(m.mantissa(), scale).map_err(|_| too_long())?
    } else {
        let shift = u32::try_from(-scale).map_err(|_| too_long())?;
        let factor = 10i128.checked_pow(shift).ok_or_else(too_long)?;
        let whole = m.mantissa().checked_mul(factor).ok_or_else(too_long)?;
        Decimal::try_from_i128_with_scale(whole, 0).map_err(|_| too_long())?
    };
    Ok(if d.is_zero() { Decimal::ZERO } else { d })
}

/// A whole number of units from a decimal: no fraction, not negative, and
/// at most `max`.
///
/// # Example
/// ```
/// use andel_core::number::whole;
/// use andel_core::Decimal;
/// assert_eq!(whole(Decimal::new(6200, 1), "seats", u64::MAX)?, 620);
/// assert_eq!(whole(Decimal::new(25, 1), "seats", u64::MAX).unwrap_err().code(), "invalid_number");
/// assert_eq!(whole(Decimal::from(-1), "seats", u64::MAX).unwrap_err().code(), "invalid_number");
/// assert_eq!(whole(Decimal::from(1u64 << 60), "seats", 1 << 53).unwrap_err().code(), "overflow");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn whole(d: Decimal, field: &str, max: u64) -> Result<u64> {
    let bad = |reason: Problem| Error::InvalidNumber {
        field: field.to_string(),
        value: d.to_string(),
        reason: reason.into(),
    };
    if d.trunc() != d {
        return Err(bad(Problem::NotWhole));
    }
    if d.is_sign_negative() && !d.is_zero() {
        return Err(bad(Problem::WholeFromZero));
    }
    u64::try_from(d.trunc())
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| {
            Error::overflow(
                field,
                Problem::MoreThanAllowed {
                    value: d.to_string(),
                    max,
                },
            )
        })
}

/// A decimal from text as programs write it (`"0.072"`, `"-1250.50"`),
/// surrounding spaces allowed. More digits than a decimal holds is an error,
/// never a rounding. (People's formats such as `1.234,5` are
/// [`crate::number::format::parse_number`].)
///
/// # Example
/// ```
/// use andel_core::number::decimal_from_text;
/// assert_eq!(decimal_from_text(" 0.072 ", "share")?.to_string(), "0.072");
/// assert_eq!(decimal_from_text("0.50000000000000000000000000001", "w").unwrap_err().code(), "invalid_number");
/// assert_eq!(decimal_from_text("NaN", "weights[2]").unwrap_err().field(), Some("weights[2]"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn decimal_from_text(text: &str, field: &str) -> Result<Decimal> {
    let t = text.trim();
    let plain = t.strip_prefix(['-', '+']).unwrap_or(t);
    let mut parts = plain.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = digits(int)
        && frac.is_none_or(digits)
        && !(int.is_empty() && frac.is_none_or(str::is_empty));
    if !well_formed {
        return Err(Error::InvalidNumber {
            field: field.to_string(),
            value: text.to_string(),
            reason: Problem::DigitsForm.into(),
        });
    }
    // Well formed, so the only failure left is size.
    Decimal::from_str_exact(t).map_err(|_| Error::InvalidNumber {
        field: field.to_string(),
        value: text.to_string(),
        reason: Problem::TooManyDigits.into(),
    })
}
