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

/// 2^52: y + 2^52 - 2^52 is y rounded to a whole number for 0 ≤ y < 2^52,
/// and the bits of y + 2^52 less those of 2^52 are that whole number.
const MAGIC: f64 = 4_503_599_627_370_496.0;

/// Veltkamp's splitter 2^27 + 1: a float's upper 26 bits and the rest.
const SPLITTER: f64 = 134_217_729.0;

/// The smallest float the test takes (2^-900): every partial product of
/// the exact product below stays a normal float.
const TINY: f64 = f64::from_bits((1023 - 900) << 52);

/// A float's two halves by Veltkamp's split (the high half's 26 bits and
/// the exact rest), for an exact product without fused multiply-add.
fn split(x: f64) -> (f64, f64) {
    let c = SPLITTER * x;
    let high = c - (c - x);
    (high, x - high)
}

/// An integral float from 0 up to 2^52 as its whole number (-0.0 is 0),
/// without a branch: the whole number and whether x is one.
#[inline(always)]
fn integral(x: f64) -> (u64, bool) {
    let big = x + MAGIC;
    let taken = (0.0..MAGIC).contains(&x) & (big - MAGIC == x);
    (big.to_bits().wrapping_sub(MAGIC.to_bits()), taken)
}

/// One scale's test of a float without a division: x is m / 10^s for the
/// one s-place decimal m / 10^s that rounds to x. With y = x · 10^s
/// rounded and m the whole number nearest y, the exact residual
/// x · 10^s - m = (y - m) + (x · 10^s - y) is found in floats: y - m is
/// exact (they are that close), and x · 10^s - y exactly by Dekker's
/// product (both factors split in halves whose products are exact). It is
/// rounded once when added up; rounding keeps order, so a rounded residual
/// below h = 10^s · spacing / 2 (a float, exact) means the exact one is
/// below it: m / 10^s is nearer x than half the spacing beneath x (the
/// smaller one at a power of two) and so rounds to x. While 10^s · spacing
/// < 1/2 at most one s-place decimal rounds to x (h < 1/8 asks that of the
/// spacing beneath, at most half the one above), so m is the one `repr`
/// shows, padded to s places: the test [`short_parts`] makes by a
/// division. An exact half (m / 10^s midway between two floats) cannot
/// meet it: that would need 2^(1-e) to divide 10^s · odd, a spacing of at
/// least 2^(1-s). Any float the test cannot take goes the digits' way.
#[derive(Clone, Copy)]
struct AtScale {
    /// 10^s (exact for s ≤ 22), its halves, and 10^s / 2.
    power: f64,
    high: f64,
    low: f64,
    half: f64,
}

impl AtScale {
    /// The test at scale `s` from 1 to 17 (x · 10^s below 2^52).
    fn new(s: u32) -> Self {
        let power = 10f64.powi(s as i32);
        let (high, low) = split(power);
        AtScale {
            power,
            high,
            low,
            half: power / 2.0,
        }
    }

    /// x · 10^s as a whole number, when x ≥ 0 has at most s places by the
    /// float rule; `None` for any other float (no answer, not a no). The
    /// tests' view of [`AtScale::whole_or_not`].
    #[cfg(test)]
    fn whole(&self, x: f64) -> Option<u64> {
        match self.whole_or_not(x) {
            (m, true) => Some(m),
            _ => (x.to_bits() == 0).then_some(0), // +0.0 is 0 at any scale
        }
    }

    /// x · 10^s as a whole number and whether the test takes x (that is,
    /// x ≥ 0 has at most s places by the float rule; never a zero), made
    /// without a branch so that a run of floats is tested in vector
    /// registers.
    #[inline(always)]
    fn whole_or_not(&self, x: f64) -> (u64, bool) {
        let y = x * self.power;
        let big = y + MAGIC;
        let m = big - MAGIC;
        let (xh, xl) = split(x);
        let error = ((xh * self.high - y) + xh * self.low + xl * self.high) + xl * self.low;
        let residual = (y - m) + error;
        let beneath = x - f64::from_bits(x.to_bits().wrapping_sub(1));
        let h = beneath * self.half;
        // NaN, negatives, zeros and subnormals fail `x >= TINY`.
        let taken = (x >= TINY) & (y < MAGIC) & (h < 0.125) & (residual.abs() < h);
        (big.to_bits().wrapping_sub(MAGIC.to_bits()), taken)
    }
}

/// Whole numbers at one common scale, gathered one at a time: each number
/// m / 10^k times 10^s, s the largest scale so far (earlier ones scaled up
/// when a larger scale comes). What [`scaled_wholes`] gives for the same
/// numbers' decimals, in one pass and without them. `T` is the width they
/// are kept in: 64 bits, or 32 where every one fits (half the memory for
/// the engine to read; a number beyond it makes the whole `None`).
pub(crate) struct Scaled<T = u64> {
    wholes: Vec<T>,
    scale: u32,
    /// Whether a zero is among the numbers (its scale is 0).
    zero: bool,
    /// The test at the scale while it is from 1 to 17 (short forms found
    /// without digits), else `None`.
    test: Option<AtScale>,
}

/// The width of [`Scaled`]'s whole numbers.
pub(crate) trait Slot: Copy + Default {
    /// `m` in this width, when it fits.
    fn fits(m: u64) -> Option<Self>;
    /// `m`'s bits beyond this width (0 when it fits).
    fn beyond(m: u64) -> u64;
    /// `m`'s bits within this width.
    fn cut(m: u64) -> Self;
    fn wide(self) -> u64;
}

impl Slot for u64 {
    fn fits(m: u64) -> Option<u64> {
        Some(m)
    }
    fn beyond(_: u64) -> u64 {
        0
    }
    fn cut(m: u64) -> u64 {
        m
    }
    fn wide(self) -> u64 {
        self
    }
}

impl Slot for u32 {
    fn fits(m: u64) -> Option<u32> {
        u32::try_from(m).ok()
    }
    fn beyond(m: u64) -> u64 {
        m >> 32
    }
    fn cut(m: u64) -> u32 {
        m as u32
    }
    fn wide(self) -> u64 {
        u64::from(self)
    }
}

impl<T: Slot> Scaled<T> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Scaled {
            wholes: Vec::with_capacity(n),
            scale: 0,
            zero: false,
            test: None,
        }
    }

    /// Adds m / 10^k; `None` when a scaled number leaves a u64 (or `T`).
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
                    *w = T::fits(w.wide().checked_mul(f)?)?;
                }
            }
            self.scale = k;
            self.test = (k <= 17).then(|| AtScale::new(k));
        }
        let f = 10u64.checked_pow(self.scale - k)?;
        self.wholes.push(T::fits(m.checked_mul(f)?)?);
        self.zero |= m == 0;
        Some(())
    }

    /// Adds a whole number.
    pub(crate) fn push_whole(&mut self, w: u64) -> Option<()> {
        self.push(w, 0)
    }

    /// Adds floats from 0 up by the float rule, in order: runs at one
    /// scale in a tight loop, a float of more places raising it. `None`
    /// for a negative float, NaN, infinity, or one that does not fit (the
    /// general path then reads them all, and gives the error).
    pub(crate) fn extend_floats(&mut self, xs: &[f64]) -> Option<()> {
        let mut rest = xs;
        while let Some((&first, tail)) = rest.split_first() {
            self.push_float_slowly(first)?;
            rest = tail;
            let taken = if self.scale == 0 {
                self.extend_at(rest, integral)
            } else if let Some(test) = self.test {
                self.extend_at(rest, |x| test.whole_or_not(x))
            } else {
                0
            };
            rest = &rest[taken..];
        }
        Some(())
    }

    /// Pushes the leading floats `test` takes (the whole number and whether
    /// it takes the float, made without a branch); how many. Blocks of
    /// floats are tested in vector registers, a block with one it does not
    /// take float by float.
    #[inline(always)]
    fn extend_at(&mut self, xs: &[f64], test: impl Fn(f64) -> (u64, bool)) -> usize {
        let mut taken = 0;
        // A block's numbers made in a buffer on the stack, then appended:
        // the result is written once (no zeros written first).
        let mut made = [T::default(); 256];
        for block in xs.chunks(256) {
            let (mut all, mut zero) = (true, false);
            for (out, &x) in made.iter_mut().zip(block) {
                let (m, ok) = test(x);
                all &= ok & (T::beyond(m) == 0);
                zero |= m == 0;
                *out = T::cut(m);
            }
            if all {
                self.wholes.extend_from_slice(&made[..block.len()]);
            } else {
                return taken
                    + self.extend_while(block, |x| match test(x) {
                        (m, true) => T::fits(m),
                        _ => None,
                    });
            }
            self.zero |= zero;
            taken += block.len();
        }
        taken
    }

    /// Pushes `whole(x)` for the leading floats it takes; how many.
    #[inline(always)]
    fn extend_while(&mut self, xs: &[f64], whole: impl Fn(f64) -> Option<T>) -> usize {
        let mut zero = false;
        let before = self.wholes.len();
        for &x in xs {
            match whole(x) {
                Some(m) => {
                    zero |= m.wide() == 0;
                    self.wholes.push(m);
                }
                None => break,
            }
        }
        self.zero |= zero;
        self.wholes.len() - before
    }

    /// One float with more places than the scale so far (or none of the
    /// fast kind): its own decimal, the scale raised.
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

    pub(crate) fn into_wholes(self) -> Vec<T> {
        self.wholes
    }
}

/// Floats from 0 up as whole numbers at their common scale, in one pass
/// (see [`Scaled`]); `None` where the general path must decide.
pub(crate) fn scaled_floats(floats: &[f64]) -> Option<Vec<u64>> {
    scaled_floats_in(floats)
}

/// [`scaled_floats`] in the width `T`: `None` also where one does not fit
/// it (the caller then reads them again into 64 bits).
pub(crate) fn scaled_floats_in<T: Slot>(floats: &[f64]) -> Option<Vec<T>> {
    let mut out = Scaled::<T>::with_capacity(floats.len());
    out.extend_floats(floats)?;
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
mod tests;
