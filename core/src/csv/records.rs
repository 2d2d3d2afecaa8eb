//! CSV text into records: RFC 4180 quoting, the separator sniffed, the text
//! lines above a table (a Statbank title) set aside.

use super::notes::LeftOut;
use super::read::too_big;
use super::MAX_INPUT_BYTES;
use crate::data::municipality_exact;
use crate::error::{CsvProblem, Error, Result};

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
pub(super) fn drop_text_lines(all: &mut Vec<Record>) -> Vec<(u64, String, LeftOut)> {
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
                skipped.push((r.line, super::notes::excerpt(&r.cells[..1], ';'), why));
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
pub(super) fn records(text: &str, sep: char) -> Result<Vec<Record>> {
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
pub(super) fn sniff_separator(text: &str) -> char {
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
