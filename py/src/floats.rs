//! A float as the decimal its shortest round-trip form shows (the digits
//! Python's `repr` shows: `0.072` is 0.072, `43089.0` is 43089), computed
//! natively: zmij's shortest digits (Schubfach), then an exact decimal. No Python text and
//! no exception per element; the text is made only for an error.

use andel_core::number::decimal_from_number_text;
use andel_core::{Decimal, Error};

/// The largest float below which every integral float is exactly an i64
/// and its shortest form has no exponent (2^53).
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// The shortest round-trip digits of a finite, non-zero float: sign, the
/// digits (no leading or trailing zeros) and the power of ten of the last
/// digit (the value is `digits × 10^exponent`).
struct Shortest {
    negative: bool,
    digits: u64,
    count: usize,
    exponent: i32,
}

fn shortest(x: f64) -> Shortest {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(x);
    let (negative, text) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text),
    };
    let (mantissa, mut exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (mut digits, mut count) = (0u64, 0usize);
    let mut seen_point = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => seen_point = true,
            b'0'..=b'9' => {
                if seen_point {
                    exponent -= 1;
                }
                if digits != 0 || b != b'0' {
                    count += 1;
                }
                digits = digits * 10 + u64::from(b - b'0');
            }
            _ => {}
        }
    }
    // zmij writes 1.0 and 100.0: the trailing zeros are no digits.
    while digits != 0 && digits % 10 == 0 {
        digits /= 10;
        count -= 1;
        exponent += 1;
    }
    Shortest {
        negative,
        digits,
        count,
        exponent,
    }
}

/// The float as Python's `repr` shows it (`1e-05`, `1.5e+16`, `0.072`,
/// `43089.0`): only made for an error's message.
pub(crate) fn python_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let s = shortest(x);
    let digits = s.digits.to_string();
    let sign = if s.negative { "-" } else { "" };
    // The power of ten of the first digit decides the notation, as in
    // Python's float_repr_style 'short'.
    let point = s.count as i32 + s.exponent; // digits before the point
    let decimal_exponent = point - 1;
    if (-4..16).contains(&decimal_exponent) {
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!(
                "{sign}{digits}{}.0",
                "0".repeat(point as usize - digits.len())
            )
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let e_sign = if decimal_exponent < 0 { '-' } else { '+' };
        format!("{sign}{first}{rest}e{e_sign}{:02}", decimal_exponent.abs())
    }
}

/// The decimal a finite float's shortest round-trip form shows; NaN,
/// infinity and a float beyond a decimal's range are the errors core gives
/// for their text, at the field `field()` makes (only then).
pub(crate) fn float_decimal(x: f64, field: &dyn Fn() -> String) -> Result<Decimal, Error> {
    if x.fract() == 0.0 && x.abs() < EXACT_INTEGERS {
        // 43089.0 is 43089 and -0.0 is 0, as their repr without ".0".
        return Ok(Decimal::from(x as i64));
    }
    if let Some(d) = short_decimal(x) {
        return Ok(d);
    }
    if x.is_finite() {
        let s = shortest(x);
        let m = i128::from(s.digits);
        let m = if s.negative { -m } else { m };
        let d = if s.exponent <= 0 {
            Decimal::try_from_i128_with_scale(m, s.exponent.unsigned_abs()).ok()
        } else {
            10i128
                .checked_pow(s.exponent as u32)
                .and_then(|f| m.checked_mul(f))
                .and_then(|w| Decimal::try_from_i128_with_scale(w, 0).ok())
        };
        if let Some(d) = d {
            return Ok(d);
        }
    }
    // The error core gives for the text the float shows.
    let text = python_repr(x);
    decimal_from_number_text(text.strip_suffix(".0").unwrap_or(&text), &field())
}

/// A non-integral float's shortest round-trip decimal found without
/// digits: the fewest places k for which round(x·10^k)/10^k comes back as
/// x (IEEE division is correctly rounded, and m and 10^k are exact). While
/// 10^k·ulp(x) < 1/2 at most one k-place decimal rounds to x, so the first k
/// found gives the one shortest form, the one `repr` shows. `None` past
/// that precision or 2^53 (then the digits decide).
fn short_decimal(x: f64) -> Option<Decimal> {
    let a = x.abs();
    if !a.is_finite() || a >= EXACT_INTEGERS {
        return None;
    }
    let ulp = f64::from_bits(a.to_bits() + 1) - a;
    let mut p = 1.0f64;
    for k in 1..=17u32 {
        p *= 10.0; // 10^k, exact up to 10^22
        if ulp * p >= 0.5 {
            return None;
        }
        let y = (a * p).round();
        if y >= EXACT_INTEGERS {
            return None;
        }
        if y / p == a {
            let m = y as i64;
            let m = if x < 0.0 { -m } else { m };
            return Decimal::try_from_i128_with_scale(i128::from(m), k).ok();
        }
    }
    None
}

/// The whole number an integral float below 2^53 is, if it is one and not
/// negative: such a float's decimal is that integer (see [`float_decimal`]).
pub(crate) fn float_whole(x: f64) -> Option<u64> {
    (x.fract() == 0.0 && (0.0..EXACT_INTEGERS).contains(&x)).then_some(x as u64)
}

/// Decimals from 0 up as whole numbers at their common scale (each times
/// 10^s, s the largest scale): proportions are unchanged by one common
/// factor, so the units-only engine gives the same answer as the decimal
/// one. `None` when one is negative or a scaled one does not fit a u64.
pub(crate) fn scaled_wholes(decimals: &[Decimal]) -> Option<Vec<u64>> {
    let scale = decimals.iter().map(Decimal::scale).max().unwrap_or(0);
    decimals
        .iter()
        .map(|d| {
            let m = u64::try_from(d.mantissa()).ok()?;
            10u64
                .checked_pow(scale - d.scale())
                .and_then(|f| m.checked_mul(f))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: f64) -> String {
        float_decimal(x, &|| "w".into()).unwrap().to_string()
    }

    #[test]
    fn shortest_forms_are_the_digits_repr_shows() {
        // Each by hand: repr(0.072) == '0.072', repr(1e16) == '1e+16', …
        assert_eq!(d(0.072), "0.072");
        assert_eq!(d(0.1), "0.1");
        assert_eq!(d(43089.0), "43089");
        assert_eq!(d(-0.0), "0");
        assert_eq!(d(1e16), "10000000000000000");
        assert_eq!(d(1.5e-7), "0.00000015");
        assert_eq!(d(2f64.powi(60)), "1152921504606847000");
        assert_eq!(python_repr(1e-5), "1e-05");
        assert_eq!(python_repr(1.5e16), "1.5e+16");
        assert_eq!(python_repr(0.0001), "0.0001");
        assert_eq!(python_repr(123.0), "123.0");
        assert_eq!(python_repr(1e15), "1000000000000000.0");
        assert_eq!(python_repr(5e-324), "5e-324");
        let e = float_decimal(1e-300, &|| "weights[3]".into()).unwrap_err();
        assert_eq!((e.code(), e.field()), ("overflow", Some("weights[3]")));
        let e = float_decimal(f64::NAN, &|| "weights[1]".into()).unwrap_err();
        assert_eq!(e.code(), "invalid_number");
    }
}
