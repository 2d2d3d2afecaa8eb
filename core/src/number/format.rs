//! Numbers and text tables for people: Danish (`1.658.397,22`) and plain
//! (`1658397.22`) formatting, reading numbers as people write them, and
//! plain-text tables. The bottom layer of the output code: nothing here
//! knows keys, data or file formats (DESIGN.md, "Layers").

use crate::error::{Error, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Which character separates decimals; the other one groups thousands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Comma,
    Point,
}

impl Mark {
    pub(crate) fn char(self) -> char {
        match self {
            Mark::Comma => ',',
            Mark::Point => '.',
        }
    }
}

fn invalid(text: &str, reason: &str) -> Error {
    Error::InvalidNumber {
        field: "number".into(),
        value: text.to_string(),
        reason: reason.to_string().into(),
    }
}

/// `text` read with `mark` as the decimal separator (the other character
/// grouping thousands, in groups of three): `None` when it is not a number
/// that way; an error when it is one with more digits than a decimal holds.
pub(crate) fn read_as(text: &str, mark: Mark) -> Result<Option<Decimal>> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (negative, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let (dec, group) = match mark {
        Mark::Comma => (',', '.'),
        Mark::Point => ('.', ','),
    };
    let (int, frac) = match body.split_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if frac.is_some_and(|f| !digits(f)) {
        return Ok(None);
    }
    let int = if int.contains(group) {
        let mut groups = int.split(group);
        let first = groups.next().unwrap_or("");
        let ok = digits(first)
            && first.len() <= 3
            && !first.starts_with('0')
            && groups.all(|g| g.len() == 3 && digits(g));
        if !ok {
            return Ok(None);
        }
        int.replace(group, "")
    } else if digits(int) || (int.is_empty() && frac.is_some()) {
        int.to_string()
    } else {
        return Ok(None);
    };
    let plain = match frac {
        Some(f) => format!("{}.{f}", if int.is_empty() { "0" } else { &int }),
        None => int,
    };
    let d = Decimal::from_str_exact(&plain).map_err(|_| {
        invalid(
            text,
            "more digits than a decimal holds (28 significant digits); nothing is rounded",
        )
    })?;
    Ok(Some(if negative { -d } else { d }))
}

/// Both readings of a number: with a decimal comma and with a decimal point.
pub(crate) fn readings(text: &str) -> Result<(Option<Decimal>, Option<Decimal>)> {
    let comma = read_as(text, Mark::Comma)?;
    let point = read_as(text, Mark::Point)?;
    if comma.is_none() && point.is_none() {
        let t = text.trim();
        let reason = if t.is_empty() {
            "empty"
        } else {
            "only digits, one decimal separator and thousands separators"
        };
        return Err(invalid(text, reason));
    }
    Ok((comma, point))
}

/// Parses a number as people write it: `1234`, `1234.5`, `1.234,5` (Danish),
/// `1,234.5`, `0,072`, with optional spaces and a leading sign. A lone
/// `1.234` is read as 1.234 here ([`parse_danish_number`] reads it as 1234).
/// NaN, infinity, anything else, and more digits than a decimal holds are
/// errors; nothing is rounded.
///
/// # Example
/// ```
/// use andel_core::tabular::parse_number;
/// assert_eq!(parse_number("1.658.397,22")?.to_string(), "1658397.22");
/// assert_eq!(parse_number("0,072")?.to_string(), "0.072");
/// assert_eq!(parse_number("591740")?.to_string(), "591740");
/// assert!(parse_number("NaN").is_err());
/// assert!(parse_number("0.50000000000000000000000000001").is_err());
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn parse_number(text: &str) -> Result<Decimal> {
    let (comma, point) = readings(text)?;
    point.or(comma).ok_or_else(|| invalid(text, "not a number"))
}

/// [`parse_number`] as a Danish reader means it: a lone `4.275` is 4275 (a
/// thousands separator), and `4.275.000,00` is 4275000.00.
///
/// # Example
/// ```
/// use andel_core::tabular::parse_danish_number;
/// assert_eq!(parse_danish_number("4.275")?.to_string(), "4275");
/// assert_eq!(parse_danish_number("4.275.000,00")?.to_string(), "4275000.00");
/// assert_eq!(parse_danish_number("7,2")?.to_string(), "7.2");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn parse_danish_number(text: &str) -> Result<Decimal> {
    let (comma, point) = readings(text)?;
    comma.or(point).ok_or_else(|| invalid(text, "not a number"))
}

/// Formats a number the Danish way: `1.658.397,22`.
///
/// # Example
/// ```
/// use andel_core::{tabular::danish, Decimal};
/// assert_eq!(danish(Decimal::new(165839722, 2), 2), "1.658.397,22");
/// assert_eq!(danish(Decimal::new(-5, 1), 2), "-0,50");
/// assert_eq!(danish(Decimal::from(9000), 0), "9.000");
/// ```
pub fn danish(d: Decimal, places: u32) -> String {
    group(d, places, '.', ',')
}

/// A plain number's text (`1658397.22`) with a decimal comma and no
/// grouping (`1658397,22`): a cell Danish Excel reads as a number.
pub(crate) fn with_decimal_comma(plain: &str) -> String {
    plain.replace('.', ",")
}

/// Formats a number with a decimal point and no grouping: `1658397.22`,
/// rounded half away from zero to `places` decimals (at most
/// [`MAX_PLACES`]; a decimal has no more digits to show).
pub fn plain(d: Decimal, places: u32) -> String {
    let places = places.min(MAX_PLACES);
    let r = if places < d.scale() {
        d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    } else {
        d
    };
    // Display writes the decimal's own scale (never more digits than it
    // holds); the zeros up to `places` are added here.
    let mut s = r.to_string();
    let have = r.scale();
    if places > have {
        if have == 0 {
            s.push('.');
        }
        s.extend(std::iter::repeat_n('0', (places - have) as usize));
    }
    s
}

fn group(d: Decimal, places: u32, thousands: char, decimal: char) -> String {
    let s = plain(d.abs(), places);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    if d.is_sign_negative() && !d.is_zero() {
        out.insert(0, '-');
    }
    out
}

/// How numbers are written in tables for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// `1.658.397,22`
    #[default]
    Danish,
    /// `1658397.22`
    Plain,
}

impl FromStr for NumberStyle {
    type Err = Error;
    /// `"danish"` or `"plain"`.
    fn from_str(s: &str) -> Result<NumberStyle> {
        match s {
            "danish" => Ok(NumberStyle::Danish),
            "plain" => Ok(NumberStyle::Plain),
            _ => Err(Error::InvalidOption {
                field: "style".into(),
                message: crate::error::Problem::UnknownVariant {
                    value: s.into(),
                    expected: vec!["danish".into(), "plain".into()],
                }
                .into(),
            }),
        }
    }
}

/// The most decimal places a number is written with (a decimal holds 28).
pub const MAX_PLACES: u32 = 28;

/// Formats `d` with `places` decimals in `style`, refusing more places than a
/// decimal has.
///
/// # Example
/// ```
/// use andel_core::tabular::{format_number, NumberStyle};
/// use andel_core::Decimal;
/// assert_eq!(format_number(Decimal::new(72, 3), 4, NumberStyle::Danish)?, "0,0720");
/// assert_eq!(format_number(Decimal::ONE, 29, NumberStyle::Plain).unwrap_err().field(), Some("places"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn format_number(d: Decimal, places: u32, style: NumberStyle) -> Result<String> {
    if places > MAX_PLACES {
        return Err(Error::InvalidOption {
            field: "places".into(),
            message: format!("{places} decimal places: at most {MAX_PLACES}").into(),
        });
    }
    Ok(style.format(d, places))
}

/// The sum, or `None` beyond the range of a decimal.
pub(crate) fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |s, x| s.checked_add(x))
}

impl NumberStyle {
    /// [`NumberStyle::format`] of a value that may not exist (a sum or
    /// product beyond the range of a decimal): "—" then.
    pub(crate) fn checked(self, d: Option<Decimal>, places: u32) -> String {
        d.map_or_else(|| "—".to_string(), |d| self.format(d, places))
    }

    /// Formats `d` with `places` decimals in this style.
    pub fn format(self, d: Decimal, places: u32) -> String {
        match self {
            NumberStyle::Danish => danish(d, places),
            NumberStyle::Plain => plain(d, places),
        }
    }
}

/// Text for a terminal: every control character but the line break (an
/// escape sequence's ESC, a carriage return, a backspace) and every invisible
/// or bidirectional character written as an escape (`\u{1b}`), so that what
/// a title, a note or an id holds is shown and never run by the terminal.
pub fn for_terminal(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c != '\n' && crate::error::is_hidden(c))
    {
        return text.to_string();
    }
    text.split('\n')
        .map(|line| crate::error::escaped(line, false))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A plain-text table: columns padded, `right` columns right-aligned. A
/// cell's control and invisible characters are shown as escapes (one line a
/// row, nothing a terminal runs).
pub fn render_table(head: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| crate::error::escaped(c, false)).collect())
        .collect();
    let rows = &rows[..];
    let head: Vec<String> = head
        .iter()
        .map(|h| crate::error::escaped(h, false))
        .collect();
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = width.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let mut out = String::new();
    for r in std::iter::once(&head).chain(rows) {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            let w = width.get(i).copied().unwrap_or(0);
            let pad = " ".repeat(w.saturating_sub(c.chars().count()));
            if right.get(i).copied().unwrap_or(false) {
                line += &format!("{pad}{c}  ");
            } else {
                line += &format!("{c}{pad}  ");
            }
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}
