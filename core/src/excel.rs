//! Excel in and out (feature `excel`; the browser build leaves it out for
//! its size): weights from an .xlsx sheet by the CSV rules (`calamine`),
//! and results as a workbook for people (`rust_xlsxwriter`).
//!
//! Reading: the first sheet or a named one becomes rows of cells and goes
//! through the CSV reader, so headers, columns, totals left out, titles and
//! the decimal rule are the same. A number cell is a number (written with a
//! decimal point; when no text cell of the sheet looks like a number, the
//! decimal point is taken and no rule is needed); Excel stores numbers as
//! binary fractions, so a cell is read as the decimal its shortest form
//! shows (7,2 is 7.2), the float rule of the Python and JS bindings.
//!
//! Writing: the presentation view ([`crate::present`]) as a workbook, in
//! Danish by default or English: a sheet "Fordeling" with every table of
//! the view (the same scenario headings, section headings, summaries,
//! column heads, rows, total rows and notes as the screen and the Danish
//! CSV), numbers as numbers in Danish-style formats (Excel shows
//! `#.##0,00` in a Danish locale) at the places the view shows; in a total
//! row, a column whose total is the exact sum of its rows gets a `SUM`
//! formula carrying that total as its stored value. A sheet
//! "Forudsætninger" holds the title, note, assumptions, notes and what made
//! the file. Every word comes from the catalogue ([`crate::present::Msg`]);
//! every text is written as text, never as a formula.

use crate::document::DocumentResult;
use crate::error::Result;
use crate::key::Allocation;
use crate::number::format::NumberStyle;
use crate::present::{allocation_view, document_view, Language, Msg, Section, View};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};

// Reading a sheet is one of the CSV readers (csv/xlsx.rs, below the document
// layer, so a document's `csv.path` can name a workbook); named here too.
use crate::csv::xlsx::not_written;
pub use crate::csv::xlsx::{read_weights_xlsx, sheet_text, SheetText};

/// A cell's number: Excel stores every number as a double, so the cell
/// gets the double nearest the exact decimal (its text parsed, never
/// arithmetic on floats); the exact figures stay in the SUM rows' stored
/// values and in andel's own results.
// ok: an .xlsx cell holds a double, parsed from the decimal's text (no arithmetic).
fn number(plain: &str) -> f64 {
    // ok: a decimal's plain text always parses as an f64; 0.0 is never reached.
    plain.parse().unwrap_or(0.0)
}

/// Excel's format for a number shown with `places` decimals: `#,##0.00`
/// (a Danish Excel shows `1.658.397,22`).
fn number_format(places: usize) -> Format {
    if places == 0 {
        Format::new().set_num_format("#,##0")
    } else {
        Format::new().set_num_format(format!("#,##0.{}", "0".repeat(places)))
    }
}

fn places_of(plain: &str) -> usize {
    plain.split_once('.').map_or(0, |(_, f)| f.len())
}

/// The column of a sheet as Excel names it: 0 is A, 26 is AA.
fn column_name(mut c: u16) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Writes one section of a view from `row`: its heading and summary, the
/// table's heads, rows and total row, and its notes. Returns the next free
/// row; `widths` grows to the widest text of each column.
fn section(
    ws: &mut Worksheet,
    mut row: u32,
    s: &Section,
    widths: &mut Vec<usize>,
) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    for line in s.heading.iter().chain(&s.summary) {
        ws.write_string(row, 0, line)?;
        row += 1;
    }
    let t = &s.table;
    let mut widen = |c: usize, text: &str| {
        if widths.len() <= c {
            widths.resize(c + 1, 0);
        }
        widths[c] = widths[c].max(text.chars().count());
    };
    for (c, col) in t.columns.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, &col.head, &bold)?;
        widen(c, &col.head);
    }
    row += 1;
    let first = row;
    for r in &t.rows {
        for (c, cell) in r.cells.iter().enumerate() {
            match &cell.value {
                Some(v) => {
                    ws.write_number_with_format(
                        row,
                        c as u16,
                        number(v),
                        &number_format(places_of(v)),
                    )?;
                }
                None => {
                    ws.write_string(row, c as u16, &cell.text)?;
                }
            }
            widen(c, &cell.text);
        }
        row += 1;
    }
    if let Some(total) = &t.total {
        for (c, cell) in total.cells.iter().enumerate() {
            let col = c as u16;
            let format = number_format(cell.value.as_deref().map_or(0, places_of)).set_bold();
            widen(c, &cell.text);
            let Some(v) = &cell.value else {
                ws.write_string_with_format(row, col, &cell.text, &bold)?;
                continue;
            };
            // A SUM only where the total is the exact sum of the rows shown.
            let exact: Option<Decimal> = v.parse().ok();
            let rows: Option<Vec<Decimal>> = t
                .rows
                .iter()
                .map(|r| r.cells.get(c)?.value.as_deref()?.parse().ok())
                .collect();
            let sums = match (exact, rows) {
                (Some(e), Some(rows)) if !rows.is_empty() => {
                    crate::format::checked_sum(rows) == Some(e)
                }
                _ => false,
            };
            if sums {
                let name = column_name(col);
                let formula = Formula::new(format!("=SUM({name}{}:{name}{})", first + 1, row))
                    .set_result(v.as_str());
                ws.write_formula_with_format(row, col, formula, &format)?;
            } else {
                ws.write_number_with_format(row, col, number(v), &format)?;
            }
        }
        row += 1;
    }
    for n in &s.notes {
        ws.write_string(row, 0, n)?;
        row += 1;
    }
    Ok(row + 1)
}

/// The sheet of tables: `sections` under their scenario headings.
fn tables_sheet<'a>(
    book: &mut Workbook,
    language: Language,
    title: Option<&str>,
    scenarios: impl IntoIterator<Item = (Option<&'a str>, &'a [Section])>,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(language.text(Msg::SheetTables))?;
    let bold = Format::new().set_bold();
    let mut row = 0;
    if let Some(t) = title {
        ws.write_string_with_format(row, 0, t, &bold)?;
        row += 2;
    }
    let mut widths = Vec::new();
    for (heading, sections) in scenarios {
        if let Some(h) = heading {
            ws.write_string_with_format(row, 0, h, &bold)?;
            row += 1;
        }
        for s in sections {
            row = section(ws, row, s, &mut widths)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        // Headings and summaries run over; a column is as wide as its cells.
        let width = (*w).clamp(6, 40) as f64 + 2.0; // ok: rust_xlsxwriter's width in characters, no figure
        ws.set_column_width(c as u16, width)?;
    }
    Ok(())
}

fn assumptions_sheet(
    book: &mut Workbook,
    language: Language,
    view: Option<&View>,
    notes: &[String],
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(language.text(Msg::SheetAssumptions))?;
    let bold = Format::new().set_bold();
    let mut row = 0;
    if let Some(v) = view {
        if let Some(t) = &v.title {
            ws.write_string_with_format(row, 0, t, &bold)?;
            row += 1;
        }
        if let Some(n) = &v.note {
            ws.write_string(row, 0, n)?;
            row += 1;
        }
    }
    let assumptions = view.map_or(&[][..], |v| &v.assumptions[..]);
    for (head, lines) in [(Msg::Assumptions, assumptions), (Msg::Notes, notes)] {
        if lines.is_empty() {
            continue;
        }
        row += 1;
        ws.write_string_with_format(row, 0, language.text(head), &bold)?;
        row += 1;
        for l in lines {
            ws.write_string(row, 0, l)?;
            row += 1;
        }
    }
    // What made the file: andel's version, the population's source.
    ws.write_string(row + 1, 0, crate::present::provenance(language))?;
    ws.set_column_width(0, 100)?;
    Ok(())
}

/// A view ([`document_view`]) as an .xlsx workbook (bytes).
pub fn write_view(view: &View) -> Result<Vec<u8>> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        tables_sheet(
            &mut book,
            view.language,
            view.title.as_deref(),
            view.scenarios
                .iter()
                .map(|s| (Some(s.heading.as_str()), &s.sections[..])),
        )?;
        assumptions_sheet(&mut book, view.language, Some(view), &[])?;
        book.save_to_buffer()
    };
    build().map_err(not_written)
}

/// A document's result as an .xlsx workbook (bytes), in Danish: every
/// table of its view under its scenario, and its assumptions on their own
/// sheet ([`write_result_in`] for English).
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::excel::write_result;
/// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
///   "assumptions": ["To parter."], "scenarios": [{"name": "lav", "total": "100"}]}"#)?;
/// let bytes = write_result(&r)?;
/// assert_eq!(&bytes[..2], b"PK"); // a zip file, as .xlsx files are
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn write_result(r: &DocumentResult) -> Result<Vec<u8>> {
    write_result_in(r, Language::Da)
}

/// [`write_result`] in `language`: the words are the view's
/// ([`document_view`]), numbers in Danish-style formats either way (Excel
/// shows them in its own locale).
pub fn write_result_in(r: &DocumentResult, language: Language) -> Result<Vec<u8>> {
    write_view(&document_view(r, language, NumberStyle::Danish))
}

/// One allocation as an .xlsx workbook (bytes), in Danish, with `notes`
/// (how its weights were read) on the second sheet.
pub fn write_allocation(a: &Allocation, notes: Option<&[String]>) -> Result<Vec<u8>> {
    write_allocation_in(a, notes, Language::Da)
}

/// [`write_allocation`] in `language`.
pub fn write_allocation_in(
    a: &Allocation,
    notes: Option<&[String]>,
    language: Language,
) -> Result<Vec<u8>> {
    let section = allocation_view(a, language, NumberStyle::Danish);
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        tables_sheet(
            &mut book,
            language,
            None,
            [(None, std::slice::from_ref(&section))],
        )?;
        assumptions_sheet(&mut book, language, None, notes.unwrap_or_default())?;
        book.save_to_buffer()
    };
    build().map_err(not_written)
}
