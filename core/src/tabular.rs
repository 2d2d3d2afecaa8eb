//! CSV in and out, and Danish number formatting.
//!
//! Reading takes what people have: UTF-8 with or without a byte order mark;
//! comma, semicolon or tab separated; decimal point or decimal comma (Excel in
//! Danish writes `;` and `1.234,5`); Statistics Denmark's Statbank exports of
//! FOLK1A, with municipality names written as `851 Aalborg` or `Aalborg`.
//! Every error names the line and the column.

use crate::data::{lower, municipality};
use crate::error::{Error, Result};
use crate::key::{Allocation, Key, KeyParty};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A CSV dialect for output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    /// Comma separated, decimal point.
    #[default]
    Plain,
    /// Semicolon separated, decimal comma, with a byte order mark: what Excel
    /// in Danish opens correctly.
    DanishExcel,
}

/// Which columns to read; found from the header when not given.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CsvColumns {
    /// The id column (a code); optional.
    pub id: Option<String>,
    /// The name column; optional.
    pub name: Option<String>,
    /// The weight column; by default a column named like population, weight,
    /// value (`INDHOLD`), else the last column.
    pub weight: Option<String>,
}

/// What a CSV file gave: the parties and the rows it left out on purpose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvWeights {
    /// The key read.
    pub key: Key,
    /// The separator found.
    pub separator: char,
    /// Rows left out: (line, text, why), such as "Hele landet".
    pub skipped: Vec<(u64, String, String)>,
}

const ID_NAMES: [&str; 4] = ["id", "code", "kode", "kommunekode"];
const NAME_NAMES: [&str; 6] = [
    "name",
    "navn",
    "kommune",
    "område",
    "omrade",
    "municipality",
];
const WEIGHT_NAMES: [&str; 9] = [
    "weight",
    "vægt",
    "vaegt",
    "population",
    "befolkning",
    "folketal",
    "indhold",
    "value",
    "antal",
];

/// Parses a number as people write it: `1234`, `1234.5`, `1.234,5` (Danish),
/// `1,234.5`, `0,072`, with optional spaces and a leading sign. NaN,
/// infinity and anything else are errors.
///
/// # Example
/// ```
/// use andel_core::tabular::parse_number;
/// assert_eq!(parse_number("1.658.397,22")?.to_string(), "1658397.22");
/// assert_eq!(parse_number("0,072")?.to_string(), "0.072");
/// assert_eq!(parse_number("591740")?.to_string(), "591740");
/// assert!(parse_number("NaN").is_err());
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn parse_number(text: &str) -> Result<Decimal> {
    parse_cell(text, false)
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
    parse_cell(text, true)
}

/// [`parse_number`], where `danish` reads a lone `1.234` as 1234 (a Danish
/// thousands separator, as in semicolon-separated files) instead of 1.234.
fn parse_cell(text: &str, danish: bool) -> Result<Decimal> {
    let bad = |reason: &str| Error::InvalidNumber {
        field: "number".into(),
        value: text.to_string(),
        reason: reason.to_string(),
    };
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    if t.is_empty() {
        return Err(bad("empty"));
    }
    let body = t.strip_prefix(['-', '+']).unwrap_or(&t);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || body.is_empty()
    {
        return Err(bad(
            "only digits, one decimal separator and thousands separators",
        ));
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let grouped = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let normal = match (dots, commas) {
        (0, 0) => body.to_string(),
        (0, 1) => body.replace(',', "."),
        (1, 0) if danish && grouped(body, '.') => body.replace('.', ""),
        (1, 0) => body.to_string(),
        (_, 0) if grouped(body, '.') => body.replace('.', ""),
        (0, _) if grouped(body, ',') => body.replace(',', ""),
        _ => {
            let (last_dot, last_comma) = (body.rfind('.'), body.rfind(','));
            let (group, decimal) = if last_comma > last_dot {
                ('.', ',')
            } else {
                (',', '.')
            };
            let (int, frac) = body
                .rsplit_once(decimal)
                .ok_or_else(|| bad("unreadable separators"))?;
            if frac.contains(group) || !grouped(int, group) {
                return Err(bad("mixed or misplaced separators"));
            }
            format!("{}.{}", int.replace(group, ""), frac)
        }
    };
    let d = Decimal::from_str(&normal).map_err(|e| bad(&e.to_string()))?;
    Ok(if t.starts_with('-') { -d } else { d })
}

fn split_line(line: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    out.push(cell);
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

fn sniff_separator(line: &str) -> char {
    let count = |sep: char| split_line(line, sep).len();
    [';', '\t', ',']
        .into_iter()
        .max_by_key(|&s| (count(s), s == ';'))
        .unwrap_or(';')
}

fn is_aggregate(name: &str) -> Option<&'static str> {
    let n = lower(name.trim());
    if n == "hele landet" || n == "i alt" || n == "total" || n == "all denmark" {
        Some("the national total")
    } else if n.starts_with("region ") || n.starts_with("landsdel ") {
        Some("a regional total")
    } else if n.contains("christiansø") || n == "411" {
        Some("Christiansø is not a municipality")
    } else {
        None
    }
}

/// Reads weights from CSV text.
///
/// # Example
/// ```
/// use andel_core::tabular::{read_weights, CsvColumns};
/// // Excel in Danish, with a byte order mark, a Statbank-style name column.
/// let text = "\u{feff}Område;Befolkning\nHele landet;5.873.420\n851 Aalborg;221.082\nLæsø;1.769\n";
/// let r = read_weights(text, &CsvColumns::default())?;
/// assert_eq!(r.key.ids(), ["851", "825"]);
/// assert_eq!(r.key.parties()[0].weight.to_string(), "221082");
/// assert_eq!(r.skipped.len(), 1); // "Hele landet"
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn read_weights(text: &str, columns: &CsvColumns) -> Result<CsvWeights> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((first_no, first)) = lines.next() else {
        return Err(Error::Csv {
            line: 1,
            column: None,
            message: "the file is empty".into(),
        });
    };
    let sep = sniff_separator(first);
    let head = split_line(first, sep);
    let lowered: Vec<String> = head.iter().map(|h| lower(h)).collect();
    let find = |given: &Option<String>, names: &[&str], what: &str| -> Result<Option<usize>> {
        match given {
            Some(g) => lowered
                .iter()
                .position(|h| *h == lower(g))
                .map(Some)
                .ok_or_else(|| Error::Csv {
                    line: first_no,
                    column: Some(g.clone()),
                    message: format!("no {what} column named {g:?}; the header is {head:?}"),
                }),
            None => Ok(lowered.iter().position(|h| names.contains(&h.as_str()))),
        }
    };
    // A header has no number in its last cell.
    let has_header = head.last().is_none_or(|c| parse_number(c).is_err());
    let (id_col, name_col, weight_col) = if has_header {
        let id = find(&columns.id, &ID_NAMES, "id")?;
        let name = find(&columns.name, &NAME_NAMES, "name")?;
        let weight = find(&columns.weight, &WEIGHT_NAMES, "weight")?.unwrap_or(head.len() - 1);
        let name = name.or(if id.is_none() && weight != 0 {
            Some(0)
        } else {
            None
        });
        (id, name, weight)
    } else {
        (None, Some(0), head.len() - 1)
    };
    let col_name = |c: usize| {
        if has_header {
            head.get(c).cloned().unwrap_or_else(|| format!("{}", c + 1))
        } else {
            format!("{}", c + 1)
        }
    };
    let mut parties: Vec<KeyParty> = Vec::new();
    let mut skipped = Vec::new();
    let rows = if has_header {
        Box::new(lines) as Box<dyn Iterator<Item = (u64, &str)>>
    } else {
        Box::new(std::iter::once((first_no, first)).chain(lines))
    };
    for (line, text) in rows {
        let cells = split_line(text, sep);
        let cell = |c: usize| -> Result<&str> {
            cells.get(c).map(String::as_str).ok_or_else(|| Error::Csv {
                line,
                column: Some(col_name(c)),
                message: format!(
                    "the row has {} cells; expected at least {}",
                    cells.len(),
                    c + 1
                ),
            })
        };
        let label = match (id_col, name_col) {
            (Some(i), _) => cell(i)?.to_string(),
            (None, Some(n)) => cell(n)?.to_string(),
            (None, None) => String::new(),
        };
        if let Some(why) = is_aggregate(&label) {
            skipped.push((line, text.to_string(), why.to_string()));
            continue;
        }
        let weight = parse_cell(cell(weight_col)?, sep == ';').map_err(|e| Error::Csv {
            line,
            column: Some(col_name(weight_col)),
            message: e
                .to_string()
                .strip_prefix("number: ")
                .map(str::to_string)
                .unwrap_or_default(),
        })?;
        if weight < Decimal::ZERO {
            return Err(Error::Csv {
                line,
                column: Some(col_name(weight_col)),
                message: format!("weight {weight} is negative"),
            });
        }
        let (id, name) = match (id_col, name_col) {
            (Some(i), n) => (
                cell(i)?.to_string(),
                n.map(|n| cell(n).map(str::to_string)).transpose()?,
            ),
            (None, Some(_)) => identify(&label),
            (None, None) => (format!("{line}"), None),
        };
        if id.is_empty() {
            return Err(Error::Csv {
                line,
                column: Some(col_name(id_col.or(name_col).unwrap_or(0))),
                message: "empty party id".into(),
            });
        }
        if parties.iter().any(|p| p.id == id) {
            return Err(Error::Csv {
                line,
                column: Some(col_name(id_col.or(name_col).unwrap_or(0))),
                message: format!("party {id:?} appears twice (filter the file to one period)"),
            });
        }
        parties.push(KeyParty::new(id, name, weight));
    }
    let key = Key::new(parties).map_err(|e| Error::Csv {
        line: first_no,
        column: None,
        message: e.to_string(),
    })?;
    Ok(CsvWeights {
        key,
        separator: sep,
        skipped,
    })
}

/// A label as a party: "851 Aalborg", "Aalborg (851)" and "Aalborg" become
/// code 851 with Statistics Denmark's name; anything else stays as written.
fn identify(label: &str) -> (String, Option<String>) {
    let digits: String = label.chars().filter(char::is_ascii_digit).collect();
    let letters: String = label
        .chars()
        .filter(|c| !c.is_ascii_digit() && *c != '(' && *c != ')')
        .collect();
    if !digits.is_empty() {
        if let Ok(m) = municipality(&digits) {
            return (m.code.clone(), Some(m.name.clone()));
        }
    }
    match municipality(letters.trim()) {
        Ok(m) => (m.code.clone(), Some(m.name.clone())),
        Err(_) => (label.to_string(), Some(label.to_string())),
    }
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

/// Formats a number with a decimal point and no grouping: `1658397.22`.
pub fn plain(d: Decimal, places: u32) -> String {
    let r = d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format!("{r:.prec$}", prec = places as usize)
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
                message: format!("{s:?}: use \"danish\" or \"plain\""),
            }),
        }
    }
}

impl FromStr for Dialect {
    type Err = Error;
    /// `"plain"` or `"danish_excel"`.
    fn from_str(s: &str) -> Result<Dialect> {
        match s {
            "plain" => Ok(Dialect::Plain),
            "danish_excel" => Ok(Dialect::DanishExcel),
            _ => Err(Error::InvalidOption {
                field: "dialect".into(),
                message: format!("{s:?}: use \"plain\" or \"danish_excel\""),
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
            message: format!("{places} decimal places: at most {MAX_PLACES}"),
        });
    }
    Ok(style.format(d, places))
}

impl NumberStyle {
    /// Formats `d` with `places` decimals in this style.
    pub fn format(self, d: Decimal, places: u32) -> String {
        match self {
            NumberStyle::Danish => danish(d, places),
            NumberStyle::Plain => plain(d, places),
        }
    }
}

/// A plain-text table: columns padded, `right` columns right-aligned.
pub fn render_table(head: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = width.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let mut out = String::new();
    let head: Vec<String> = head.iter().map(|h| h.to_string()).collect();
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

impl Allocation {
    /// A table for people: one row per party with weight, share, exact
    /// quota, amount and what rounding did, then the total and any tie.
    pub fn table(&self, style: NumberStyle) -> String {
        let places = self.unit.normalize().scale();
        let mut rows: Vec<Vec<String>> = self
            .parties
            .iter()
            .map(|p| {
                vec![
                    p.id.clone(),
                    p.name.clone().unwrap_or_default(),
                    style.format(p.weight, p.weight.normalize().scale()),
                    style.format(p.share * Decimal::from(100), 4),
                    style.format(p.quota.to_decimal(8) * self.unit, places + 4),
                    style.format(p.amount, places),
                    format!(
                        "{}{}{}",
                        match p.basis {
                            crate::key::Basis::Excluded => "excluded".to_string(),
                            _ => p.rounding.name().to_string(),
                        },
                        p.remainder_rank
                            .map(|r| format!(" #{r}"))
                            .unwrap_or_default(),
                        if p.tie.is_some() { " tie" } else { "" }
                    ),
                ]
            })
            .collect();
        let sum: Decimal = self.parties.iter().map(|p| p.amount).sum();
        let shares: Decimal = self.parties.iter().map(|p| p.share).sum();
        rows.push(vec![
            "total".into(),
            String::new(),
            style.format(self.parties.iter().map(|p| p.weight).sum(), 0),
            style.format(shares * Decimal::from(100), 4),
            String::new(),
            style.format(sum, places),
            String::new(),
        ]);
        let what = if self.unit == Decimal::ONE {
            format!("{} units", style.format(self.total, 0))
        } else {
            format!(
                "{} in units of {}",
                style.format(self.total, places),
                style.format(self.unit, places)
            )
        };
        let mut out = format!("{what}, method {}\n", self.method);
        out += &render_table(
            &[
                "id", "name", "weight", "share %", "quota", "amount", "rounding",
            ],
            &rows,
            &[false, false, true, true, true, true, false],
        );
        for t in &self.ties {
            out += &format!(
                "tie for {} unit(s) between {}: {} won by rule {}\n",
                t.units,
                t.parties.join(", "),
                t.winners.join(", "),
                t.decided_by
            );
        }
        out
    }

    /// The allocation as CSV: one row per party, then a total row.
    ///
    /// # Example
    /// ```
    /// use andel_core::{tabular::Dialect, Decimal, Key, SplitOptions};
    /// let key = Key::from_weights([("A", 2), ("B", 1)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let a = key.split(Decimal::new(100000, 2), &SplitOptions::default())?;
    /// let csv = a.to_csv(Dialect::DanishExcel);
    /// assert!(csv.contains("A;;2;0,6666666667;666,6666666667;666,67;66667;up;1;0"));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut out = CsvWriter::new(dialect, &[]);
        out.allocation(&[], self);
        out.finish()
    }
}

/// Writes allocations as CSV rows (one per party, then a total row), each
/// row led by the given context columns (scenario, part, …).
pub(crate) struct CsvWriter {
    dialect: Dialect,
    out: String,
}

const CSV_HEAD: [&str; 10] = [
    "id",
    "name",
    "weight",
    "share",
    "quota",
    "amount",
    "units",
    "rounding",
    "remainder_rank",
    "tied",
];

impl CsvWriter {
    /// A CSV with `context` columns before the allocation's own.
    pub(crate) fn new(dialect: Dialect, context: &[&str]) -> CsvWriter {
        let mut w = CsvWriter {
            dialect,
            out: String::new(),
        };
        if dialect == Dialect::DanishExcel {
            w.out.push('\u{feff}');
        }
        let head: Vec<String> = context
            .iter()
            .chain(CSV_HEAD.iter())
            .map(|s| s.to_string())
            .collect();
        w.row(head);
        w
    }

    fn sep(&self) -> char {
        match self.dialect {
            Dialect::Plain => ',',
            Dialect::DanishExcel => ';',
        }
    }

    fn num(&self, d: Decimal, places: u32) -> String {
        match self.dialect {
            Dialect::Plain => plain(d, places),
            Dialect::DanishExcel => plain(d, places).replace('.', ","),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        let sep = self.sep();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(sep);
            }
            if cell.contains(sep)
                || cell.contains('"')
                || cell.contains('\n')
                || cell.contains('\r')
            {
                self.out.push('"');
                self.out.push_str(&cell.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(cell);
            }
        }
        self.out.push('\n');
    }

    /// One allocation's rows, each led by `context`.
    pub(crate) fn allocation(&mut self, context: &[&str], a: &Allocation) {
        let places = a.unit.normalize().scale();
        let lead = || context.iter().map(|s| s.to_string());
        for p in &a.parties {
            let quota = p.quota.to_decimal(12).checked_mul(a.unit);
            let mut row: Vec<String> = lead().collect();
            row.extend([
                p.id.clone(),
                p.name.clone().unwrap_or_default(),
                self.num(p.weight, p.weight.scale()),
                self.num(p.share, 10),
                quota.map(|q| self.num(q, 10)).unwrap_or_default(),
                self.num(p.amount, places),
                p.units.to_string(),
                p.rounding.name().to_string(),
                p.remainder_rank.map(|r| r.to_string()).unwrap_or_default(),
                u8::from(p.tie.is_some()).to_string(),
            ]);
            self.row(row);
        }
        let total = a
            .parties
            .iter()
            .try_fold(Decimal::ZERO, |s, p| s.checked_add(p.amount));
        let units = a
            .parties
            .iter()
            .try_fold(0u64, |s, p| s.checked_add(p.units));
        let mut row: Vec<String> = lead().collect();
        row.extend([
            "total".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            total.map(|t| self.num(t, places)).unwrap_or_default(),
            units.map(|u| u.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        self.row(row);
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_people_write() {
        for (t, v) in [
            ("1234", "1234"),
            ("1.234", "1.234"),
            ("1.234.567", "1234567"),
            ("1.234,5", "1234.5"),
            ("1,234.5", "1234.5"),
            ("1234,5", "1234.5"),
            ("0.072", "0.072"),
            ("-12,50", "-12.50"),
            ("4 275 000", "4275000"),
        ] {
            assert_eq!(parse_number(t).unwrap().to_string(), v, "{t}");
        }
        for t in ["", "NaN", "inf", "1.2.3,4,5", "12a", "1,2.3.4"] {
            assert!(parse_number(t).is_err(), "{t}");
        }
    }

    #[test]
    fn csv_errors_name_line_and_column() {
        let e = read_weights("name,weight\nA,1\nB,x\n", &CsvColumns::default()).unwrap_err();
        assert_eq!(
            e,
            Error::Csv {
                line: 3,
                column: Some("weight".into()),
                message: "\"x\" is not a valid decimal number: only digits, one decimal separator and thousands separators".into()
            }
        );
        let e = read_weights("name;weight\nA;1\nA;2\n", &CsvColumns::default()).unwrap_err();
        assert!(matches!(e, Error::Csv { line: 3, .. }), "{e}");
        let e = read_weights("name;weight\nA;-1\n", &CsvColumns::default()).unwrap_err();
        assert!(matches!(e, Error::Csv { line: 2, .. }), "{e}");
        let e = read_weights("", &CsvColumns::default()).unwrap_err();
        assert_eq!(e.code(), "csv");
    }

    #[test]
    fn statbank_api_export_and_plain_files() {
        let text = "OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nRegion Nordjylland;2022K1;591740\nLæsø;2022K1;1769\n";
        let r = read_weights(text, &CsvColumns::default()).unwrap();
        assert_eq!(r.key.ids(), ["851", "825"]);
        assert_eq!(r.separator, ';');
        assert_eq!(r.skipped.len(), 2);
        let r = read_weights("A,1.5\nB,2.5\n", &CsvColumns::default()).unwrap();
        assert_eq!(r.key.ids(), ["A", "B"]);
        assert_eq!(r.key.total_weight(), Decimal::from(4));
        // In a semicolon file a lone 1.234 is a thousand and more.
        let r = read_weights("A;1.234\nB;0,5\n", &CsvColumns::default()).unwrap();
        assert_eq!(r.key.weights(), [Decimal::from(1234), Decimal::new(5, 1)]);
        let r = read_weights(
            "code\tname\tpop\n101\tKøbenhavn\t1\n",
            &CsvColumns {
                weight: Some("pop".into()),
                ..CsvColumns::default()
            },
        )
        .unwrap();
        assert_eq!(r.key.ids(), ["101"]);
    }
}
