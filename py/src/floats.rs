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
    if let Some((m, scale)) = float_parts(x) {
        if let Ok(m) = i128::try_from(m) {
            let m = if x < 0.0 { -m } else { m };
            if let Ok(d) = Decimal::try_from_i128_with_scale(m, scale) {
                return Ok(d);
            }
        }
    }
    // The error core gives for the text the float shows.
    let text = python_repr(x);
    decimal_from_number_text(text.strip_suffix(".0").unwrap_or(&text), &field())
}

/// A finite float's decimal as its magnitude's mantissa and scale
/// (|x| = m / 10^scale, the scale [`float_decimal`]'s decimal has): 0 for an
/// integral float below 2^53, else the fewest places that give it back.
/// `None` for NaN, infinity and a mantissa beyond 96 bits, a decimal's.
fn float_parts(x: f64) -> Option<(u128, u32)> {
    let a = x.abs();
    if a < EXACT_INTEGERS {
        // Integral: 43089.0 is 43089 and -0.0 is 0 (truncation without libm).
        let t = a as u64;
        if t as f64 == a {
            return Some((u128::from(t), 0));
        }
    }
    if let Some((m, k)) = short_parts(a) {
        return Some((u128::from(m), k));
    }
    if !a.is_finite() {
        return None;
    }
    let s = shortest(a);
    if s.exponent <= 0 {
        Some((u128::from(s.digits), s.exponent.unsigned_abs()))
    } else {
        // 1e16 and up: whole, its digits times a power of ten.
        10u128
            .checked_pow(s.exponent as u32)
            .and_then(|f| u128::from(s.digits).checked_mul(f))
            .map(|m| (m, 0))
    }
}

/// A positive non-integral float's shortest round-trip decimal found
/// without digits: the fewest places k for which round(a·10^k)/10^k comes
/// back as a (IEEE division is correctly rounded, and m and 10^k are
/// exact). While 10^k·ulp(a) < 1/2 at most one k-place decimal rounds to
/// a, so the first k found gives the one shortest form, the one `repr`
/// shows. `None` past that precision or 2^53 (then the digits decide).
fn short_parts(a: f64) -> Option<(u64, u32)> {
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
        let y = a * p;
        if y >= EXACT_INTEGERS {
            return None;
        }
        // round(y), half away from zero, without libm: y < 2^53 truncates
        // exactly and its fraction is exact.
        let t = y as u64;
        let m = t + u64::from(y - t as f64 >= 0.5);
        if m as f64 / p == a {
            return Some((m, k));
        }
    }
    None
}

/// The whole number an integral float below 2^53 is, if it is one and not
/// negative: such a float's decimal is that integer (see [`float_decimal`]).
pub(crate) fn float_whole(x: f64) -> Option<u64> {
    (x.fract() == 0.0 && (0.0..EXACT_INTEGERS).contains(&x)).then_some(x as u64)
}

/// Whole numbers at one common scale, gathered one at a time: each number
/// m / 10^k times 10^s, s the largest scale so far (earlier ones scaled up
/// when a larger scale comes). What [`scaled_wholes`] gives for the same
/// numbers' decimals, in one pass and without them.
pub(crate) struct Scaled {
    wholes: Vec<u64>,
    scale: u32,
    /// Whether a zero is among the numbers (its scale is 0).
    zero: bool,
    /// 10^scale as a float while it is exact and short forms are found
    /// without digits (scale up to 17), else 0.
    power: f64,
}

impl Scaled {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Scaled {
            wholes: Vec::with_capacity(n),
            scale: 0,
            zero: false,
            power: 1.0,
        }
    }

    /// Adds m / 10^k; `None` when a scaled number leaves a u64.
    fn push(&mut self, m: u64, k: u32) -> Option<()> {
        if k > self.scale {
            if self.zero {
                // A zero's factor 10^k must be a u64 too, as in
                // `scaled_wholes` (another number's overflows with it).
                10u64.checked_pow(k)?;
            }
            if !self.wholes.is_empty() {
                let f = 10u64.checked_pow(k - self.scale)?;
                for w in &mut self.wholes {
                    *w = w.checked_mul(f)?;
                }
            }
            self.scale = k;
            self.power = if k <= 17 { 10f64.powi(k as i32) } else { 0.0 };
        }
        let f = 10u64.checked_pow(self.scale - k)?;
        self.wholes.push(m.checked_mul(f)?);
        self.zero |= m == 0;
        Some(())
    }

    /// Adds a whole number.
    pub(crate) fn push_whole(&mut self, w: u64) -> Option<()> {
        self.push(w, 0)
    }

    /// x · 10^scale, when x is from 0 up and its decimal has at most
    /// `scale` places (then it is that decimal's m · 10^(scale - k)): the
    /// one s-place decimal that rounds to x while 10^s · ulp(x) < 1/2 (see
    /// [`short_parts`]), checked by one division and no branch per digit.
    #[inline(always)]
    fn at_scale(&self, x: f64) -> Option<u64> {
        if self.scale == 0 {
            // Integral below 2^53 (-0.0 is 0; NaN and negatives fail).
            let t = x as u64;
            return (t as f64 == x && x < EXACT_INTEGERS).then_some(t);
        }
        let p = self.power;
        let y = x * p;
        // Not NaN, not negative, within 2^53 once scaled, a scale up to 17.
        if !(x >= 0.0 && y < EXACT_INTEGERS && p > 0.0) {
            return None;
        }
        let ulp = f64::from_bits(x.to_bits() + 1) - x;
        if ulp * p >= 0.5 {
            return None;
        }
        let t = y as u64;
        let m = t + u64::from(y - t as f64 >= 0.5);
        (m as f64 / p == x).then_some(m)
    }

    /// Adds a float from 0 up by the float rule; `None` for a negative
    /// one, NaN, infinity, or one that does not fit (the general path then
    /// reads them all, and gives the error).
    #[inline]
    pub(crate) fn push_float(&mut self, x: f64) -> Option<()> {
        if let Some(m) = self.at_scale(x) {
            self.wholes.push(m);
            self.zero |= m == 0;
            return Some(());
        }
        self.push_float_slowly(x)
    }

    /// [`Scaled::push_float`] for a float with more places than the scale
    /// so far (or none of the fast kind): its own decimal, the scale raised.
    fn push_float_slowly(&mut self, x: f64) -> Option<()> {
        if x < 0.0 {
            return None;
        }
        let (m, k) = float_parts(x)?;
        if k > 28 {
            return None; // beyond a decimal's scale: the general path's error
        }
        self.push(u64::try_from(m).ok()?, k)
    }

    pub(crate) fn into_wholes(self) -> Vec<u64> {
        self.wholes
    }
}

/// Floats from 0 up as whole numbers at their common scale, in one pass
/// (see [`Scaled`]); `None` where the general path must decide.
pub(crate) fn scaled_floats(floats: impl ExactSizeIterator<Item = f64>) -> Option<Vec<u64>> {
    let mut out = Scaled::with_capacity(floats.len());
    for x in floats {
        out.push_float(x)?;
    }
    Some(out.into_wholes())
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

    /// A small xorshift: the same floats on every run, no dependency.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    /// Floats of the kinds people hand us, and the edges: integral ones,
    /// short decimals (`np.round(x, k)`), any bit pattern, huge and tiny.
    fn float(state: &mut u64) -> f64 {
        let r = next(state);
        let unit = (r >> 11) as f64 / (1u64 << 53) as f64;
        match r % 8 {
            0 => (r >> 20) as f64,
            1 | 2 => {
                let k = (r >> 3) % 7;
                let p = 10f64.powi(k as i32);
                (unit * 1000.0 * p).round() / p
            }
            3 => f64::from_bits(next(state)),
            4 => unit * 10f64.powi((r >> 40) as i32 % 40 - 20),
            5 => [0.0, -0.0, 0.1, 0.2, 0.3, 2f64.powi(53), 1e16, 5e-324][(r >> 5) as usize % 8],
            6 => unit,
            _ => ((r >> 30) % 4) as f64 * 0.25,
        }
    }

    #[test]
    fn scaled_floats_are_the_scaled_decimals_of_the_general_path() {
        // The fast pass against the general one (every float's decimal by
        // the float rule, then one common scale), on arrays that raise the
        // scale midway, repeat values (ties) and hold errors.
        let mut state = 0x2545_f491_4f6c_dd1d;
        let mut fast = 0;
        for round in 0..4000 {
            let n = 1 + next(&mut state) as usize % 12;
            let mut xs: Vec<f64> = (0..n).map(|_| float(&mut state)).collect();
            if round % 3 == 0 {
                // Only short non-negative decimals: the fast pass must take them.
                for x in &mut xs {
                    *x = (x.abs() % 1e6 * 100.0).round() / 100.0;
                    if !x.is_finite() {
                        *x = 1.5;
                    }
                }
                xs.push(xs[0]); // a tie
            }
            let general: Option<Vec<u64>> = xs
                .iter()
                .map(|&x| float_decimal(x, &|| "w".into()).ok())
                .collect::<Option<Vec<_>>>()
                .and_then(|d| scaled_wholes(&d));
            let got = scaled_floats(xs.iter().copied());
            assert_eq!(got, general, "{xs:?}");
            fast += usize::from(got.is_some());
            if round % 3 == 0 {
                assert!(got.is_some(), "{xs:?}");
            }
        }
        // Both ways taken often: whole numbers, and the general path.
        assert!((1500..3900).contains(&fast), "{fast}");
    }

    #[test]
    fn a_float_s_decimal_is_the_digits_of_its_shortest_form() {
        // The float rule's fast route (no digits) against zmij's shortest
        // digits read as text by core, over many floats.
        let mut state = 88172645463325252;
        for _ in 0..200_000 {
            let x = float(&mut state);
            let text = python_repr(x);
            let by_text = decimal_from_number_text(text.strip_suffix(".0").unwrap_or(&text), "w");
            match (float_decimal(x, &|| "w".into()), by_text) {
                (Ok(a), Ok(b)) => assert!(a == b && a.scale() == b.scale(), "{x:?} {a} {b}"),
                (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "{x:?}"),
                (a, b) => panic!("{x:?}: {a:?} against {b:?}"),
            }
        }
    }
}
