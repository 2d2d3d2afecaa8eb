//! CSV in and out, and Danish number formatting.
//!
//! Reading takes what people have: UTF-8 with or without a byte order mark;
//! comma, semicolon or tab separated; decimal point or decimal comma (Excel in
//! Danish writes `;` and `1.234,5`); Statistics Denmark's Statbank exports of
//! FOLK1A, with municipality names written as `851 Aalborg` or `Aalborg`.
//! Every error names the line and the column.

use crate::data::{lower, municipality_exact};
use crate::encoding::{decode, Encoding};
use crate::error::{quoted, CsvProblem, Error, Result};
use crate::key::{Allocation, Key, KeyParty};
use crate::number::format::{checked_sum, read_as, readings, Mark};
use crate::util::sorted_map::first_repeat;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

// Number formatting and text tables live in `crate::number::format` (below the keys);
// they are re-exported here, where the CSV code that uses them has always
// offered them.
pub use crate::number::format::{
    danish, format_number, parse_danish_number, parse_number, plain, render_table, NumberStyle,
    MAX_PLACES,
};

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CsvColumns {
    /// The id column (a code); optional.
    pub id: Option<String>,
    /// The name column; optional.
    pub name: Option<String>,
    /// The weight column; by default a column named for a population or a
    /// weight (`population`, `befolkning`, `indbyggere`, `folketal`, `vægt`,
    /// `weight`, `antal`, Statbank's `INDHOLD` …), else the last column.
    pub weight: Option<String>,
    /// Whether the first row is a header. Found when not given: it is when a
    /// cell names a known column (`kommune`, `vægt`, `id` …) or its weight
    /// cell is not a number.
    pub header: Option<bool>,
    /// The decimal separator of the weights, `","` or `"."`. Found when not
    /// given, from all the column's cells at once; see [`read_weights`].
    pub decimal: Option<String>,
    /// Keep rows that would be left out as totals when they are parties
    /// (a region that takes a share, as in the minutes' 2.12): a region or
    /// landsdel by name or code, and a row whose weight is the sum of the
    /// others. The national total ("Hele landet", `000`) is always left out.
    /// Off by default.
    pub keep_totals: Option<bool>,
}

/// What a CSV file gave: the parties and the rows it left out on purpose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvWeights {
    /// The key read.
    pub key: Key,
    /// The separator found.
    pub separator: char,
    /// The decimal separator the weights were read with.
    pub decimal: char,
    /// Rows left out: (line, text, why), such as "Hele landet".
    pub skipped: Vec<(u64, String, LeftOut)>,
    /// The encoding of the bytes read ([`read_weights_bytes`]); `None` for
    /// text ([`read_weights`]).
    #[serde(default)]
    pub encoding: Option<Encoding>,
    /// What else a reader should know about how the file was read (the
    /// encoding when it was not UTF-8, a decimal separator decided by the
    /// Danish rule).
    #[serde(default)]
    pub notes: Vec<CsvNote>,
}

/// Something about how a CSV was read that its reader should know; the
/// English words are in [`CsvNote::text`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvNote {
    /// The bytes were not UTF-8 and were read in this encoding.
    Encoding { encoding: Encoding },
    /// A column that reads both ways (`221.082`) was read with a decimal
    /// comma (dots group thousands) because the text is Danish.
    DanishThousands {
        /// The first cell that reads both ways.
        line: u64,
        text: String,
        /// What says the text is Danish.
        because: DanishBy,
    },
}

/// What says a text is Danish, for the decimal separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DanishBy {
    /// Semicolon separated: Danish Excel's CSV.
    Semicolons,
    /// Tab separated: cells copied from a spreadsheet (Danish Excel).
    Tabs,
    /// A header in Danish (`kommune`, `befolkning`, `vægt` …).
    Header,
}

impl CsvNote {
    /// The note for people (the one place of these words).
    pub fn text(&self) -> String {
        match self {
            CsvNote::Encoding { encoding } => {
                format!("read as {} (the bytes are not UTF-8)", encoding.name())
            }
            CsvNote::DanishThousands {
                line,
                text,
                because,
            } => {
                let why = match because {
                    DanishBy::Semicolons => "semicolon separated, as Danish Excel writes",
                    DanishBy::Tabs => "tab separated, as cells copied from Danish Excel are",
                    DanishBy::Header => "its header is Danish",
                };
                let reading = read_as(text, Mark::Comma)
                    .ok()
                    .flatten()
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                format!(
                    "the weights were read with a decimal comma, dots grouping thousands \
                     (line {line}: {} is {reading}), because the text is {why}; \
                     give the decimal separator \".\" if the dots are decimals",
                    quoted(text)
                )
            }
        }
    }
}

impl Serialize for LeftOut {
    /// As its text, so front ends show it as it is.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

impl<'de> Deserialize<'de> for LeftOut {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let t = String::deserialize(d)?;
        LeftOut::ALL
            .into_iter()
            .find(|w| w.text() == t)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown reason {}", quoted(&t))))
    }
}

impl CsvWeights {
    /// The rows left out, for people: `left out line 2 "Hele landet;…"
    /// (the national total), …`; `None` when none were.
    pub fn left_out(&self) -> Option<String> {
        if self.skipped.is_empty() {
            return None;
        }
        let rows: Vec<String> = self
            .skipped
            .iter()
            .map(|(line, text, why)| format!("line {line} {} ({})", quoted(text), why.text()))
            .collect();
        Some(format!("left out {}", rows.join(", ")))
    }

    /// Everything a reader should know about how the file was read, for
    /// people: the notes, then the rows left out.
    pub fn said(&self) -> Vec<String> {
        let mut out: Vec<String> = self.notes.iter().map(CsvNote::text).collect();
        out.extend(self.left_out());
        out
    }
}

/// Header words that say a text is Danish (for the decimal separator).
const DANISH_HEADS: [&str; 14] = [
    "kode",
    "kommunekode",
    "navn",
    "kommune",
    "område",
    "vægt",
    "befolkning",
    "befolkningstal",
    "indbyggere",
    "indbyggertal",
    "folketal",
    "indhold",
    "antal",
    "andel",
];

/// A Statbank period: `2022`, `2022K1`, `2024M01`, `2022H1`.
fn is_period(h: &str) -> bool {
    let b = h.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && match &b[4..] {
            [] => true,
            [k, rest @ ..] => {
                matches!(k, b'k' | b'm' | b'h' | b'q')
                    && !rest.is_empty()
                    && rest.len() <= 2
                    && rest.iter().all(u8::is_ascii_digit)
            }
        }
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
const WEIGHT_NAMES: [&str; 13] = [
    "weight",
    "vægt",
    "vaegt",
    "population",
    "inhabitants",
    "befolkning",
    "befolkningstal",
    "indbyggere",
    "indbyggertal",
    "folketal",
    "indhold",
    "value",
    "antal",
];

/// The most text a CSV file or a key document may have (256 MiB): more is
/// refused rather than read until memory runs out.
pub const MAX_INPUT_BYTES: usize = 256 << 20;

/// One CSV record: its cells and the line it starts on.
pub(crate) struct Record {
    pub(crate) line: u64,
    pub(crate) cells: Vec<String>,
}

/// The records of CSV text in any dialect the reader takes (BOM dropped,
/// separator found), title and footnote lines dropped.
pub(crate) fn records_of(text: &str) -> Result<Vec<Record>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_big());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut all = records(text, sniff_separator(text))?;
    drop_text_lines(&mut all);
    Ok(all)
}

/// Drops the lines with text in their first cell only above the table
/// and below it (a Statbank title, footnotes), where the table has more
/// columns, and gives them (line, text, why). A line below that names a
/// municipality is a row missing its weight (an error later), not a note.
fn drop_text_lines(all: &mut Vec<Record>) -> Vec<(u64, String, LeftOut)> {
    let mut skipped = Vec::new();
    let text_only = |r: &Record| r.cells.iter().skip(1).all(|c| c.is_empty());
    if all.iter().any(|r| !text_only(r)) {
        let lead = all.iter().take_while(|r| text_only(r)).count();
        let trail = all[lead..]
            .iter()
            .rev()
            .take_while(|r| text_only(r) && municipality_exact(&r.cells[0]).is_none())
            .count();
        let end = all.len() - trail;
        for (i, r) in all.iter().enumerate() {
            if i < lead || i >= end {
                let why = if i < lead {
                    LeftOut::Title
                } else {
                    LeftOut::Footnote
                };
                skipped.push((r.line, r.cells[0].clone(), why));
            }
        }
        all.truncate(end);
        if lead > 0 {
            *all = all.split_off(lead);
        }
    }
    skipped
}

/// Splits CSV text into records (RFC 4180: quoted cells may hold the
/// separator, quotes doubled, and line breaks; lines end in LF, CRLF or
/// CR). Blank lines and rows of empty cells are skipped. An unclosed quote or text after a closing
/// quote is an error with line and column.
fn records(text: &str, sep: char) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut line, mut column) = (1u64, 0usize);
    let mut start_line = 1u64;
    let mut chars = text.chars().peekable();
    let mut quoted = false; // inside quotes
    let mut was_quoted = false; // this cell was quoted (and closed)
    let mut quote_at = (0u64, 0usize);
    let end_record =
        |cells: &mut Vec<String>, cell: &mut String, out: &mut Vec<Record>, at: u64| {
            cells.push(std::mem::take(cell));
            let row = std::mem::take(cells);
            // Blank lines and rows of empty cells (Excel's `;;;`) are no rows.
            if !row.iter().all(|c| c.trim().is_empty()) {
                out.push(Record {
                    line: at,
                    cells: row,
                });
            }
        };
    while let Some(c) = chars.next() {
        column += 1;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    column += 1;
                    cell.push('"');
                }
                '"' => {
                    quoted = false;
                    was_quoted = true;
                }
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    cell.push('\n');
                    line += 1;
                    column = 0;
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_record(&mut cells, &mut cell, &mut out, start_line);
                was_quoted = false;
                line += 1;
                column = 0;
                start_line = line;
            }
            c if c == sep => {
                cells.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            '"' if !was_quoted && cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
                quote_at = (line, column);
            }
            c if was_quoted && !c.is_whitespace() => {
                return Err(Error::csv(
                    line,
                    Some(column.to_string()),
                    CsvProblem::TextAfterQuote { found: c },
                ));
            }
            c => {
                if !was_quoted {
                    cell.push(c);
                }
            }
        }
    }
    if quoted {
        return Err(Error::csv(
            quote_at.0,
            Some(quote_at.1.to_string()),
            CsvProblem::OpenQuote,
        ));
    }
    end_record(&mut cells, &mut cell, &mut out, start_line);
    for r in &mut out {
        for c in &mut r.cells {
            let t = c.trim();
            if t.len() != c.len() {
                *c = t.to_string();
            }
        }
    }
    Ok(out)
}

/// The separator: of `;`, tab and `,`, the one that splits the most of the
/// first 50 records (outside quotes) into the same number of cells, so a
/// title line above the table (with a comma in its words) does not decide;
/// `;`, then tab, on a draw (Danish Excel).
fn sniff_separator(text: &str) -> char {
    const SEPS: [char; 3] = [';', '\t', ','];
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\r' | '\n' if !quoted => {
                if counts != [0; 3] {
                    lines.push(counts);
                    if lines.len() == 50 {
                        break;
                    }
                }
                counts = [0; 3];
            }
            c if !quoted => {
                if let Some(i) = SEPS.iter().position(|&s| s == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    if counts != [0; 3] {
        lines.push(counts);
    }
    // For each separator: the most records that share one count above 0.
    let score = |i: usize| {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for l in &lines {
            if l[i] == 0 {
                continue;
            }
            match seen.iter_mut().find(|(n, _)| *n == l[i]) {
                Some((_, k)) => *k += 1,
                None => seen.push((l[i], 1)),
            }
        }
        seen.iter().map(|&(_, k)| k).max().unwrap_or(0)
    };
    let scores = [score(0), score(1), score(2)];
    let best = scores.iter().copied().max().unwrap_or(0);
    SEPS[scores.iter().position(|&c| c == best).unwrap_or(0)]
}

/// Why a row of a table of weights was left out: a total or text around
/// the table, never a party. The English words are in [`LeftOut::text`]
/// (and it crosses to JSON as them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// "Hele landet", "I alt", "Total", Statbank's code `000`.
    NationalTotal,
    /// "Region Nordjylland", "Landsdel …", Statbank's codes `081`-`085`.
    RegionalTotal,
    /// Christiansø (Statbank's `411`) is no municipality.
    Christianso,
    /// The first or last row, not a municipality, whose weight is the sum
    /// of all the others.
    SumOfOthers,
    /// A line of one cell above the table (a Statbank title).
    Title,
    /// A line of one cell below the table (a Statbank footnote).
    Footnote,
}

impl LeftOut {
    /// Every reason.
    pub const ALL: [LeftOut; 6] = [
        LeftOut::NationalTotal,
        LeftOut::RegionalTotal,
        LeftOut::Christianso,
        LeftOut::SumOfOthers,
        LeftOut::Title,
        LeftOut::Footnote,
    ];

    /// Why, for people (the one place of these words).
    pub fn text(self) -> &'static str {
        match self {
            LeftOut::NationalTotal => "the national total",
            LeftOut::RegionalTotal => "a regional total",
            LeftOut::Christianso => "Christiansø is not a municipality",
            LeftOut::SumOfOthers => "a total: its weight is the sum of the other rows",
            LeftOut::Title => "a title above the table",
            LeftOut::Footnote => "a note below the table",
        }
    }
}

/// A total, not a party, by its label: a national total by name ("Hele
/// landet", "I alt", "Total") or Statbank code (`000`, `000 Hele landet`);
/// a region or landsdel by name or code (`081`-`085`); Christiansø.
fn is_aggregate(name: &str, statbank: bool) -> Option<LeftOut> {
    let t = name.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (code, rest) = if digits == 3 && (t.len() == 3 || t[3..].starts_with(' ')) {
        (Some(&t[..3]), t[3..].trim())
    } else {
        (None, t)
    };
    match code {
        Some("000") => return Some(LeftOut::NationalTotal),
        Some("081" | "082" | "083" | "084" | "085") => return Some(LeftOut::RegionalTotal),
        Some("411") if statbank || !rest.is_empty() => return Some(LeftOut::Christianso),
        _ => {}
    }
    let n = lower(rest);
    if n == "hele landet" || n == "i alt" || n == "total" || n == "all denmark" {
        Some(LeftOut::NationalTotal)
    } else if n.starts_with("region ") || n.starts_with("landsdel ") {
        Some(LeftOut::RegionalTotal)
    } else if n.contains("christiansø") {
        Some(LeftOut::Christianso)
    } else {
        None
    }
}

/// The decimal separator of a column of numbers, decided once from all its
/// cells (line, text): the one reading every cell is used; where both do
/// and some cell reads differently by them (`221.082`), a Danish text
/// (`danish`: semicolons, tabs or a Danish header) is read with a decimal
/// comma, and the note says so; any other is an error that asks. Cells
/// that contradict each other (`0.072` and `1,5`) are an error naming the
/// line.
fn decide_mark(
    cells: &[(u64, &str)],
    danish: Option<DanishBy>,
    column: &str,
    given: Option<Mark>,
) -> Result<(Mark, Option<CsvNote>)> {
    let err = |line: u64, problem: CsvProblem| Error::csv(line, Some(column.to_string()), problem);
    if let Some(m) = given {
        for &(line, text) in cells {
            if read_as(text, m)?.is_none() {
                return Err(err(
                    line,
                    CsvProblem::NotANumberWithMark {
                        text: text.to_string(),
                        mark: m.char(),
                    },
                ));
            }
        }
        return Ok((m, None));
    }
    let (mut comma_ok, mut point_ok) = (true, true);
    let mut first_only: [Option<(u64, &str)>; 2] = [None, None];
    let mut ambiguous: Option<(u64, &str)> = None;
    for &(line, text) in cells {
        let (c, p) = readings(text).map_err(|e| match e {
            Error::InvalidNumber { value, reason, .. } => err(
                line,
                CsvProblem::InvalidNumber {
                    text: value,
                    reason,
                },
            ),
            e => e,
        })?;
        if c.is_none() {
            comma_ok = false;
            first_only[1].get_or_insert((line, text));
        }
        if p.is_none() {
            point_ok = false;
            first_only[0].get_or_insert((line, text));
        }
        if c.is_some() && p.is_some() && c != p {
            ambiguous.get_or_insert((line, text));
        }
    }
    match (comma_ok, point_ok) {
        (true, false) => Ok((Mark::Comma, None)),
        (false, true) => Ok((Mark::Point, None)),
        (true, true) => match (ambiguous, danish) {
            (None, _) => Ok((Mark::Point, None)),
            (Some((line, text)), Some(because)) => Ok((
                Mark::Comma,
                Some(CsvNote::DanishThousands {
                    line,
                    text: text.to_string(),
                    because,
                }),
            )),
            (Some((line, text)), None) => Err(err(
                line,
                CsvProblem::AmbiguousDecimal {
                    text: text.to_string(),
                },
            )),
        },
        (false, false) => {
            let (l1, t1) = first_only[0].unwrap_or_default();
            let (l2, t2) = first_only[1].unwrap_or_default();
            Err(err(
                l1.max(l2),
                CsvProblem::MixedDecimals {
                    comma: t1.to_string(),
                    comma_line: l1,
                    point: t2.to_string(),
                    point_line: l2,
                },
            ))
        }
    }
}

/// Reads weights from the bytes of a CSV file: the encoding is found as
/// [`decode`] finds it (UTF-8 with or without a byte order mark, UTF-16
/// with one, else Windows-1252), and said in `notes` when it is not UTF-8;
/// then as [`read_weights`].
///
/// # Example
/// ```
/// use andel_core::tabular::{read_weights_bytes, CsvColumns};
/// use andel_core::encoding::Encoding;
/// // Danish Excel's "CSV (semikolonsepareret)": Windows-1252.
/// let r = read_weights_bytes(b"kommune;befolkning\nL\xe6s\xf8;1.769\nMors\xf8;20.068\n", &CsvColumns::default())?;
/// assert_eq!(r.key.ids(), ["825", "773"]);
/// assert_eq!(r.encoding, Some(Encoding::Windows1252));
/// assert!(r.said()[0].starts_with("read as Windows-1252"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn read_weights_bytes(bytes: &[u8], columns: &CsvColumns) -> Result<CsvWeights> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_big());
    }
    let d = decode(bytes)?;
    let mut r = read_weights(&d.text, columns)?;
    r.encoding = Some(d.encoding);
    if !d.encoding.is_utf8() {
        r.notes.insert(
            0,
            CsvNote::Encoding {
                encoding: d.encoding,
            },
        );
    }
    Ok(r)
}

fn too_big() -> Error {
    Error::csv(
        0,
        None,
        CsvProblem::TooLarge {
            mib: MAX_INPUT_BYTES >> 20,
        },
    )
}

/// Reads weights from CSV text: UTF-8 with or without a byte order mark;
/// `,`, `;` or tab separated (found from the first lines); quoted cells
/// (with separators, quotes and line breaks inside); lines ending in LF,
/// CRLF or CR. Numbers are read by one decimal separator per column, decided
/// from all its cells ([`CsvColumns::decimal`] to say it; a column that
/// reads both ways, `221.082`, is read the Danish way when the text is
/// Danish: semicolons, tabs or a Danish header, and `notes` says so). A
/// cell that is wholly a municipality code or name (or a Statbank label
/// such as `851 Aalborg`) becomes that municipality; any other text is a
/// party of its own. Totals are never parties, whatever the header: the
/// national total ("Hele landet", "I alt", "Total", `000`), regions and
/// landsdele by name or code (`081`-`085`), and the first or last row, not
/// a municipality, whose weight is the sum of the others, are left out and
/// reported in `skipped` ([`CsvColumns::keep_totals`] keeps regions and
/// sums as parties). Lines of one cell above the table (a Statbank title)
/// or below it (footnotes) are skipped and reported too. Every error names
/// the line and column.
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
/// // A region is a total, left out, unless it is said to be a party
/// // (case 2.12, where the region takes a share).
/// let text = "part;vægt\nRegion Nordjylland;7,2\nAalborg;92,8\nHjørring;1\n";
/// assert_eq!(read_weights(text, &CsvColumns::default())?.key.ids(), ["851", "860"]);
/// let keep = CsvColumns { keep_totals: Some(true), ..CsvColumns::default() };
/// assert_eq!(read_weights(text, &keep)?.key.ids(), ["Region Nordjylland", "851", "860"]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn read_weights(text: &str, columns: &CsvColumns) -> Result<CsvWeights> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_big());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = sniff_separator(text);
    let danish = match sep {
        ';' => Some(DanishBy::Semicolons),
        '\t' => Some(DanishBy::Tabs),
        _ => None,
    };
    read_records(records(text, sep)?, sep, Some(danish), columns)
}

/// [`read_weights`] from records: `sep` shows a left-out row's cells;
/// `by_separator` is what the separator says (`Some(None)`: a comma, which
/// Danish Excel never writes with decimal commas, so not Danish whatever
/// the header), `None` where there is no separator (a sheet), and a
/// Danish header decides.
pub(crate) fn read_records(
    mut all: Vec<Record>,
    sep: char,
    by_separator: Option<Option<DanishBy>>,
    columns: &CsvColumns,
) -> Result<CsvWeights> {
    let keep_totals = columns.keep_totals.unwrap_or(false);
    let given_mark = match columns.decimal.as_deref() {
        None => None,
        Some(",") => Some(Mark::Comma),
        Some(".") => Some(Mark::Point),
        Some(other) => {
            return Err(Error::InvalidOption {
                field: "decimal".into(),
                message: format!("{}: the decimal separator is \",\" or \".\"", quoted(other)),
            })
        }
    };
    let mut skipped = drop_text_lines(&mut all);
    let Some(first) = all.first() else {
        return Err(Error::csv(1, None, CsvProblem::Empty));
    };
    let head = first.cells.clone();
    let lowered: Vec<String> = head.iter().map(|h| lower(h)).collect();
    let known = |h: &String| {
        let h = h.as_str();
        ID_NAMES.contains(&h) || NAME_NAMES.contains(&h) || WEIGHT_NAMES.contains(&h)
    };
    let has_header = columns.header.unwrap_or_else(|| {
        lowered.iter().any(known)
            || columns.id.is_some()
            || columns.name.is_some()
            || columns.weight.is_some()
            || head.last().is_none_or(|c| readings(c).is_err())
    });
    let find = |given: &Option<String>, names: &[&str], what: &str| -> Result<Option<usize>> {
        match given {
            Some(g) if has_header => lowered
                .iter()
                .position(|h| *h == lower(g))
                .map(Some)
                .ok_or_else(|| {
                    Error::csv(
                        first.line,
                        Some(g.clone()),
                        CsvProblem::NoColumn {
                            what: what.to_string(),
                            name: g.clone(),
                            header: head.clone(),
                        },
                    )
                }),
            Some(g) => Err(Error::InvalidOption {
                field: what.into(),
                message: format!(
                    "the column {} is named, but the file has no header",
                    quoted(g)
                ),
            }),
            None => Ok(lowered.iter().position(|h| names.contains(&h.as_str()))),
        }
    };
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
        // A column named where there is no header is refused, not ignored.
        for (given, what) in [
            (&columns.id, "id"),
            (&columns.name, "name"),
            (&columns.weight, "weight"),
        ] {
            find(given, &[], what)?;
        }
        (None, Some(0), head.len() - 1)
    };
    // Statbank's export: an OMRÅDE or TID column, or periods (2022K1) as
    // the weight column's name (the web's matrix export).
    let statbank = has_header
        && (lowered
            .iter()
            .any(|h| h == "område" || h == "omrade" || h == "tid")
            || lowered.get(weight_col).is_some_and(|h| is_period(h)));
    let danish = if let Some(by) = by_separator {
        by
    } else if has_header && lowered.iter().any(|h| DANISH_HEADS.contains(&h.as_str())) {
        Some(DanishBy::Header)
    } else {
        None
    };
    let col_name = |c: usize| {
        if has_header {
            head.get(c).cloned().unwrap_or_else(|| format!("{}", c + 1))
        } else {
            format!("{}", c + 1)
        }
    };
    let rows = if has_header { &all[1..] } else { &all[..] };
    let width = head.len();
    // Pass 1: shape, labels, totals left out, the weight cells.
    let mut kept: Vec<(&Record, String)> = Vec::with_capacity(rows.len());
    let mut regions: Vec<(&Record, String)> = Vec::new();
    for r in rows {
        if r.cells.len() != width {
            return Err(Error::csv(
                r.line,
                Some(col_name(r.cells.len().min(width))),
                CsvProblem::RowWidth {
                    found: r.cells.len(),
                    expected: width,
                    header: has_header,
                },
            ));
        }
        let label = match (id_col, name_col) {
            (Some(i), _) => r.cells[i].clone(),
            (None, Some(n)) => r.cells[n].clone(),
            (None, None) => String::new(),
        };
        // A row without an id is a total by its name ("I alt" under a
        // column of codes).
        let shown = match (id_col, name_col) {
            (Some(_), Some(n)) if label.is_empty() => r.cells[n].as_str(),
            _ => label.as_str(),
        };
        match is_aggregate(shown, statbank) {
            Some(LeftOut::RegionalTotal) if !keep_totals => regions.push((r, label)),
            Some(LeftOut::RegionalTotal) | None => kept.push((r, label)),
            Some(why) => skipped.push((r.line, r.cells.join(&sep.to_string()), why)),
        }
    }
    // Regions are totals beside other rows; a file of regions only (a key
    // between the regions) has them as its parties.
    if kept.is_empty() {
        kept = regions;
    } else {
        for (r, _) in regions {
            skipped.push((
                r.line,
                r.cells.join(&sep.to_string()),
                LeftOut::RegionalTotal,
            ));
        }
        crate::util::sort::sort_unstable_by(&mut skipped, |a, b| a.0.cmp(&b.0));
    }
    let weight_cells: Vec<(u64, &str)> = kept
        .iter()
        .map(|(r, _)| (r.line, r.cells[weight_col].as_str()))
        .collect();
    let (mark, mark_note) = decide_mark(&weight_cells, danish, &col_name(weight_col), given_mark)?;
    // Pass 2: parties.
    let weight_column = Some(col_name(weight_col));
    let id_column = Some(col_name(id_col.or(name_col).unwrap_or(0)));
    let mut parties: Vec<KeyParty> = Vec::with_capacity(kept.len());
    let mut lines: Vec<u64> = Vec::with_capacity(kept.len());
    // The first party that repeats an earlier one's id: the error for the
    // rows read so far, reported before any error in a later row.
    let repeated = |parties: &[KeyParty], lines: &[u64]| {
        first_repeat(parties.len(), |n| parties[n].id.as_str()).map(|n| {
            Error::csv(
                lines[n],
                id_column.clone(),
                CsvProblem::RepeatedParty {
                    id: parties[n].id.clone(),
                },
            )
        })
    };
    let kept_rows: Vec<&Record> = kept.iter().map(|(r, _)| *r).collect();
    for (r, label) in kept {
        let party = read_party(
            r,
            &label,
            (weight_col, &weight_column),
            mark,
            (id_col, name_col),
            &id_column,
        );
        match party {
            Ok(p) => {
                parties.push(p);
                lines.push(r.line);
            }
            Err(e) => return Err(repeated(&parties, &lines).unwrap_or(e)),
        }
    }
    if let Some(e) = repeated(&parties, &lines) {
        return Err(e);
    }
    // A total by its weight: the first or last row, not a municipality,
    // whose weight is the sum of all the others (at least two).
    if !keep_totals && parties.len() >= 3 {
        // w = (sum of all) − w, that is 2w = the sum of all.
        let all = checked_sum(parties.iter().map(|p| p.weight));
        let municipal = |p: &KeyParty| municipality_exact(&p.id).is_some_and(|m| m.code == p.id);
        let last = parties.len() - 1;
        let total = [0, last].into_iter().find(|&i| {
            let w = parties[i].weight;
            !municipal(&parties[i]) && w > Decimal::ZERO && all.is_some() && w.checked_add(w) == all
        });
        if let Some(i) = total {
            let r = kept_rows[i];
            skipped.push((r.line, r.cells.join(&sep.to_string()), LeftOut::SumOfOthers));
            crate::util::sort::sort_unstable_by(&mut skipped, |a, b| a.0.cmp(&b.0));
            parties.remove(i);
        }
    }
    let key = Key::new(parties).map_err(|e| match e {
        Error::NoParties { .. } => Error::csv(first.line, None, CsvProblem::NoParties),
        Error::ZeroTotalWeight { .. } => Error::csv(first.line, None, CsvProblem::ZeroTotal),
        e => Error::Csv {
            line: first.line,
            column: None,
            message: e.to_string(),
            problem: None,
        },
    })?;
    Ok(CsvWeights {
        key,
        separator: sep,
        decimal: mark.char(),
        skipped,
        encoding: None,
        notes: mark_note.into_iter().collect(),
    })
}

/// One CSV row as a party: its weight read with the decimal `mark`, its id
/// and name from the id and name columns (or the row's label).
fn read_party(
    r: &Record,
    label: &str,
    (weight_col, weight_column): (usize, &Option<String>),
    mark: Mark,
    (id_col, name_col): (Option<usize>, Option<usize>),
    id_column: &Option<String>,
) -> Result<KeyParty> {
    let cell = &r.cells[weight_col];
    let weight = read_as(cell, mark)?.ok_or_else(|| {
        Error::csv(
            r.line,
            weight_column.clone(),
            CsvProblem::NotANumber { text: cell.clone() },
        )
    })?;
    if weight < Decimal::ZERO {
        return Err(Error::csv(
            r.line,
            weight_column.clone(),
            CsvProblem::NegativeWeight { value: weight },
        ));
    }
    let (id, name) = match (id_col, name_col) {
        (Some(i), n) => (r.cells[i].clone(), n.map(|n| r.cells[n].clone())),
        (None, Some(_)) => identify(label),
        (None, None) => (format!("{}", r.line), None),
    };
    if id.is_empty() {
        return Err(Error::csv(r.line, id_column.clone(), CsvProblem::EmptyId));
    }
    if let Some(reason) = crate::error::hidden_in_id(&id) {
        return Err(Error::Csv {
            line: r.line,
            column: id_column.clone(),
            message: format!(
                "party id {} has {reason}; ids are visible text",
                quoted(&id)
            ),
            problem: None,
        });
    }
    Ok(KeyParty::new(id, name, weight))
}

/// A label as a party: a cell that is wholly a municipality code ("851"),
/// name ("Aalborg", forgiving of spelling) or Statbank label ("851 Aalborg",
/// "Aalborg (851)", code and name agreeing) becomes that municipality with
/// Statistics Denmark's name; anything else ("Team 101", "Region
/// Nordjylland") is a party of its own, as written.
fn identify(label: &str) -> (String, Option<String>) {
    let t = label.trim();
    let found = if t.bytes().all(|b| b.is_ascii_digit()) {
        municipality_exact(t)
    } else if let Some((code, name)) = t
        .split_once(' ')
        .filter(|(c, _)| c.bytes().all(|b| b.is_ascii_digit()))
    {
        municipality_exact(code)
            .filter(|m| municipality_exact(name.trim()).is_some_and(|n| n.code == m.code))
    } else if let Some((name, code)) = t.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
        municipality_exact(code.trim())
            .filter(|m| municipality_exact(name.trim()).is_some_and(|n| n.code == m.code))
    } else {
        municipality_exact(t)
    };
    match found {
        Some(m) => (m.code.clone(), Some(m.name.clone())),
        None => (t.to_string(), Some(t.to_string())),
    }
}

/// A text cell for a CSV file that a spreadsheet will open (Excel and
/// LibreOffice open plain CSV too, so both dialects): control and invisible
/// characters are written as escapes (`\n`, `\u{200b}`), so a cell is one
/// line and shows what it holds; text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a line break, after
/// any spaces) gets a leading `'`, as OWASP recommends against CSV
/// injection. Numbers are written apart and stay numbers.
pub fn csv_text(s: &str) -> String {
    let shown = crate::error::escaped(s, false);
    let first = s
        .chars()
        .find(|c| !matches!(c, ' ' | '\u{a0}' | '\u{3000}'));
    let risky = matches!(
        first,
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '＝' | '＋' | '－' | '＠')
    );
    if risky {
        format!("'{shown}")
    } else {
        shown
    }
}

/// A note written above a CSV's header as one comment cell, `# text`: made
/// safe as [`csv_text`] makes a cell (one line; no formula, whatever the
/// text holds), and quoted when it holds the separator or a quote, so that a
/// spreadsheet reads the whole note as one cell.
pub fn csv_comment(text: &str, dialect: Dialect) -> String {
    let cell = format!("# {}", crate::error::escaped(text, false));
    let sep = match dialect {
        Dialect::Plain => ',',
        Dialect::DanishExcel => ';',
    };
    if cell.contains(sep) || cell.contains('"') {
        format!("\"{}\"\n", cell.replace('"', "\"\""))
    } else {
        format!("{cell}\n")
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
                message: format!("{}: use \"plain\" or \"danish_excel\"", quoted(s)),
            }),
        }
    }
}

impl Allocation {
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

    /// A CSV with no header row yet (the presentation writes its own).
    pub(crate) fn bare(dialect: Dialect) -> CsvWriter {
        let mut w = CsvWriter {
            dialect,
            out: String::new(),
        };
        if dialect == Dialect::DanishExcel {
            w.out.push('\u{feff}');
        }
        w
    }

    /// A comment line: `# ` and the text on one line.
    /// A `#` line: one cell, escaped and quoted as [`csv_comment`] writes
    /// it, so no part of it reads as a formula.
    pub(crate) fn comment(&mut self, text: &str) {
        self.out.push_str(&csv_comment(text, self.dialect));
    }

    /// A plain number's text (`1658397.22`) in this dialect.
    pub(crate) fn plain_number(&self, plain: &str) -> String {
        match self.dialect {
            Dialect::Plain => plain.to_string(),
            Dialect::DanishExcel => plain.replace('.', ","),
        }
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

    /// A text cell: see [`csv_text`].
    pub(crate) fn text(&self, s: &str) -> String {
        csv_text(s)
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
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
        let lead: Vec<String> = context.iter().map(|s| self.text(s)).collect();
        for p in &a.parties {
            let mut row = lead.clone();
            row.extend([
                self.text(&p.id),
                self.text(p.name.as_deref().unwrap_or_default()),
                self.num(p.weight, p.weight.scale()),
                self.num(p.share, 10),
                self.num(
                    crate::key::quota_amount(&p.quota, a.unit, a.total < Decimal::ZERO, 10),
                    10,
                ),
                self.num(p.amount, places),
                p.units.to_string(),
                p.rounding.name().to_string(),
                p.remainder_rank.map(|r| r.to_string()).unwrap_or_default(),
                u8::from(p.tie.is_some()).to_string(),
            ]);
            self.row(row);
        }
        let total = checked_sum(a.parties.iter().map(|p| p.amount));
        let units = a
            .parties
            .iter()
            .try_fold(0u64, |s, p| s.checked_add(p.units));
        let mut row = lead;
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
                message: "\"x\" is not a valid number here: only digits, one decimal separator and thousands separators".into(),
                problem: Some(Box::new(CsvProblem::InvalidNumber {
                    text: "x".into(),
                    reason: "only digits, one decimal separator and thousands separators".into(),
                })),
            }
        );
        let e = read_weights("name;weight\nA;1\nA;2\n", &CsvColumns::default()).unwrap_err();
        assert!(matches!(e, Error::Csv { line: 3, .. }), "{e}");
        let e = read_weights("name;weight\nA;-1\n", &CsvColumns::default()).unwrap_err();
        assert!(matches!(e, Error::Csv { line: 2, .. }), "{e}");
        // The first error in the file's order: a repeated id before a bad
        // weight, a bad weight before a repeated id.
        let text = "name;weight\nA;1\nB;2\nA;3\nC;-1\nB;4\n";
        let e = read_weights(text, &CsvColumns::default()).unwrap_err();
        assert!(
            matches!(&e, Error::Csv { line: 4, message, .. } if message.contains("\"A\" appears twice")),
            "{e}"
        );
        let text = "name;weight\nA;1\nB;-2\nA;3\n";
        let e = read_weights(text, &CsvColumns::default()).unwrap_err();
        assert!(
            matches!(&e, Error::Csv { line: 3, message, .. } if message.contains("negative")),
            "{e}"
        );
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

    /// A column named in a file said to have no header cannot be found:
    /// an error at the option, never the first and last columns instead.
    #[test]
    fn a_named_column_without_a_header_is_an_error() {
        for (columns, field) in [
            (
                CsvColumns {
                    weight: Some("vægt".into()),
                    ..CsvColumns::default()
                },
                "weight",
            ),
            (
                CsvColumns {
                    id: Some("kode".into()),
                    ..CsvColumns::default()
                },
                "id",
            ),
            (
                CsvColumns {
                    name: Some("navn".into()),
                    ..CsvColumns::default()
                },
                "name",
            ),
        ] {
            let columns = CsvColumns {
                header: Some(false),
                ..columns
            };
            let e = read_weights("A;1\nB;2\n", &columns).unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                ("invalid_option", Some(field)),
                "{e}"
            );
            assert!(e.to_string().contains("no header"), "{e}");
        }
        // Without names the file reads, name first and weight last.
        let columns = CsvColumns {
            header: Some(false),
            ..CsvColumns::default()
        };
        let r = read_weights("A;1\nB;2\n", &columns).unwrap();
        assert_eq!(r.key.weights(), [Decimal::from(1), Decimal::from(2)]);
    }

    /// Danish headers for the population are the weight column, not the
    /// last column beside them (an area here).
    #[test]
    fn danish_population_headers_are_the_weight_column() {
        for header in ["Indbyggere", "indbyggertal", "Befolkningstal", "folketal"] {
            let text =
                format!("kommune;{header};areal\nAalborg;221.082;1.137,5\nLæsø;1.769;114,3\n");
            let r = read_weights(&text, &CsvColumns::default()).unwrap();
            assert_eq!(
                r.key.weights(),
                [Decimal::from(221_082), Decimal::from(1769)],
                "{header}"
            );
        }
    }
}
