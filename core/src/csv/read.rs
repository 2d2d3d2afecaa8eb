//! A key's weights from CSV records: the columns found from the header (or
//! named), totals and text rows left out, the decimal separator decided once
//! per column, and municipalities matched by code or name.

use super::notes::{excerpt, CsvNote, DanishBy, LeftOut};
use super::records::{drop_text_lines, records, sniff_separator, Record};
use super::MAX_INPUT_BYTES;
use crate::csv::encoding::{decode, Encoding};
use crate::data::{lower, municipality_exact};
use crate::error::{CsvProblem, Error, Result};
use crate::key::{Key, KeyParty};
use crate::number::format::{checked_sum, read_as, readings, Mark};
use crate::util::sorted_map::first_repeat;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    /// Rows left out: (line, the row's start, why), such as "Hele landet";
    /// in JSON `[2, "Hele landet;5873420", "national_total"]`.
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

impl CsvWeights {
    /// Everything a reader should know about how the file was read, as
    /// data: the notes, then the rows left out (`present::read_notes`
    /// says them in Danish or English).
    pub fn read_notes(&self) -> Vec<CsvNote> {
        let mut out = self.notes.clone();
        out.extend(
            self.skipped
                .iter()
                .map(|(line, text, why)| CsvNote::LeftOut {
                    line: *line,
                    text: text.clone(),
                    why: *why,
                }),
        );
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
                    reason: reason.to_string(),
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
/// assert_eq!(r.notes[0], andel_core::tabular::CsvNote::Encoding { encoding: Encoding::Windows1252 });
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

pub(super) fn too_big() -> Error {
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
    let given_mark = given_mark(columns)?;
    let mut skipped = drop_text_lines(&mut all);
    let Some(first) = all.first() else {
        return Err(Error::csv(1, None, CsvProblem::Empty));
    };
    let layout = Layout::find(first, columns)?;
    let danish = if let Some(by) = by_separator {
        by
    } else if layout.has_header
        && layout
            .lowered
            .iter()
            .any(|h| DANISH_HEADS.contains(&h.as_str()))
    {
        Some(DanishBy::Header)
    } else {
        None
    };
    let rows = if layout.has_header {
        &all[1..]
    } else {
        &all[..]
    };
    // Pass 1: shape, labels, totals left out, the weight cells.
    let kept = kept_rows(rows, &layout, keep_totals, sep, &mut skipped)?;
    let weight_cells: Vec<(u64, &str)> = kept
        .iter()
        .map(|(r, _)| (r.line, r.cells[layout.weight_col].as_str()))
        .collect();
    let (mark, mark_note) = decide_mark(
        &weight_cells,
        danish,
        &layout.col_name(layout.weight_col),
        given_mark,
    )?;
    // Pass 2: parties.
    let (mut parties, kept_rows) = parties_of(kept, &layout, mark)?;
    if !keep_totals {
        drop_sum_of_others(&mut parties, &kept_rows, sep, &mut skipped);
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

/// The decimal separator the caller gave, if any ("," or ".").
fn given_mark(columns: &CsvColumns) -> Result<Option<Mark>> {
    match columns.decimal.as_deref() {
        None => Ok(None),
        Some(",") => Ok(Some(Mark::Comma)),
        Some(".") => Ok(Some(Mark::Point)),
        Some(other) => Err(Error::InvalidOption {
            field: "decimal".into(),
            message: crate::error::Problem::DecimalMark {
                given: other.into(),
            }
            .into(),
        }),
    }
}

/// Where a table's parts are: its header (if it has one), the id, name and
/// weight columns, and whether it is a Statbank export.
struct Layout {
    head: Vec<String>,
    lowered: Vec<String>,
    has_header: bool,
    id_col: Option<usize>,
    name_col: Option<usize>,
    weight_col: usize,
    statbank: bool,
}

impl Layout {
    /// The layout from the first record and the columns the caller named
    /// (a column named in a file without a header is refused, not ignored).
    fn find(first: &Record, columns: &CsvColumns) -> Result<Layout> {
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
                    message: crate::error::Problem::ColumnWithoutHeader { name: g.clone() }.into(),
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
        Ok(Layout {
            head,
            lowered,
            has_header,
            id_col,
            name_col,
            weight_col,
            statbank,
        })
    }

    /// A column's name for an error: its head, or its number without a header.
    fn col_name(&self, c: usize) -> String {
        if self.has_header {
            self.head
                .get(c)
                .cloned()
                .unwrap_or_else(|| format!("{}", c + 1))
        } else {
            format!("{}", c + 1)
        }
    }
}

/// Pass 1: the rows that are parties, each with its label; totals and text
/// rows go to `skipped` (regional totals only beside other rows: a file of
/// regions only has them as its parties). A row of the wrong width is an error.
fn kept_rows<'a>(
    rows: &'a [Record],
    layout: &Layout,
    keep_totals: bool,
    sep: char,
    skipped: &mut Vec<(u64, String, LeftOut)>,
) -> Result<Vec<(&'a Record, String)>> {
    let width = layout.head.len();
    let mut kept: Vec<(&Record, String)> = Vec::with_capacity(rows.len());
    let mut regions: Vec<(&Record, String)> = Vec::new();
    for r in rows {
        if r.cells.len() != width {
            return Err(Error::csv(
                r.line,
                Some(layout.col_name(r.cells.len().min(width))),
                CsvProblem::RowWidth {
                    found: r.cells.len(),
                    expected: width,
                    header: layout.has_header,
                },
            ));
        }
        let label = match (layout.id_col, layout.name_col) {
            (Some(i), _) => r.cells[i].clone(),
            (None, Some(n)) => r.cells[n].clone(),
            (None, None) => String::new(),
        };
        // A row without an id is a total by its name ("I alt" under a
        // column of codes).
        let shown = match (layout.id_col, layout.name_col) {
            (Some(_), Some(n)) if label.is_empty() => r.cells[n].as_str(),
            _ => label.as_str(),
        };
        match is_aggregate(shown, layout.statbank) {
            Some(LeftOut::RegionalTotal) if !keep_totals => regions.push((r, label)),
            Some(LeftOut::RegionalTotal) | None => kept.push((r, label)),
            Some(why) => skipped.push((r.line, excerpt(&r.cells, sep), why)),
        }
    }
    // Regions are totals beside other rows; a file of regions only (a key
    // between the regions) has them as its parties.
    if kept.is_empty() {
        kept = regions;
    } else {
        for (r, _) in regions {
            skipped.push((r.line, excerpt(&r.cells, sep), LeftOut::RegionalTotal));
        }
        crate::util::sort::sort_unstable_by(skipped, |a, b| a.0.cmp(&b.0));
    }
    Ok(kept)
}

/// Pass 2: the kept rows as parties, their weights read with `mark`; a
/// repeated id is reported before any error in a later row.
fn parties_of<'a>(
    kept: Vec<(&'a Record, String)>,
    layout: &Layout,
    mark: Mark,
) -> Result<(Vec<KeyParty>, Vec<&'a Record>)> {
    let weight_column = Some(layout.col_name(layout.weight_col));
    let id_column = Some(layout.col_name(layout.id_col.or(layout.name_col).unwrap_or(0)));
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
            (layout.weight_col, &weight_column),
            mark,
            (layout.id_col, layout.name_col),
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
    Ok((parties, kept_rows))
}

/// A total by its weight: the first or last row, not a municipality, whose
/// weight is the sum of all the others (at least two), moved to `skipped`.
fn drop_sum_of_others(
    parties: &mut Vec<KeyParty>,
    kept_rows: &[&Record],
    sep: char,
    skipped: &mut Vec<(u64, String, LeftOut)>,
) {
    if parties.len() < 3 {
        return;
    }
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
        skipped.push((r.line, excerpt(&r.cells, sep), LeftOut::SumOfOthers));
        crate::util::sort::sort_unstable_by(skipped, |a, b| a.0.cmp(&b.0));
        parties.remove(i);
    }
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
    if crate::error::hidden_in_id(&id).is_some() {
        return Err(Error::csv(
            r.line,
            id_column.clone(),
            CsvProblem::InvalidId { id },
        ));
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
