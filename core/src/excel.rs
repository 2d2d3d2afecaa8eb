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
use crate::error::{Error, Result};
use crate::format::{readings, NumberStyle};
use crate::key::Allocation;
use crate::present::{allocation_view, document_view, Language, Msg, Section, View};
use crate::tabular::{read_records, CsvColumns, CsvWeights, Record};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};
use serde::Serialize;

fn xlsx_error(e: impl std::fmt::Display) -> Error {
    Error::Io {
        field: String::new(),
        message: format!("the Excel file: {e}"),
    }
}

/// A cell of a sheet as read: text, a number (its shortest decimal, with
/// a decimal point) or nothing.
enum Cell {
    Empty,
    Text(String),
    Number(String),
}

/// A sheet's rows of cells (empty rows dropped), each with its row number.
struct Sheet {
    name: String,
    names: Vec<String>,
    rows: Vec<(u64, Vec<Cell>)>,
}

fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet> {
    use calamine::{Data, Reader, Xlsx};
    if bytes.len() > crate::files::MAX_FILE_BYTES {
        return Err(xlsx_error(format!(
            "over {} MiB; split it",
            crate::files::MAX_FILE_BYTES >> 20
        )));
    }
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(xlsx_error)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| Error::InvalidOption {
                field: "sheet".into(),
                message: format!(
                    "no sheet named {}; the sheets are {}",
                    crate::error::quoted(s),
                    crate::error::quoted_list(&names)
                ),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| xlsx_error("no sheets"))?,
    };
    let range = book.worksheet_range(&name).map_err(xlsx_error)?;
    let first_row = range.start().map(|(r, _)| u64::from(r)).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c).unwrap_or(0);
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<Cell> = (0..first_col).map(|_| Cell::Empty).collect();
        for cell in row {
            cells.push(match cell {
                Data::Empty => Cell::Empty,
                Data::String(s) => Cell::Text(s.trim().to_string()),
                Data::Int(i) => Cell::Number(i.to_string()),
                // Rust shows a float as its shortest decimal (7.2, 221082).
                Data::Float(f) => Cell::Number(format!("{f}")),
                Data::Bool(b) => Cell::Text(b.to_string()),
                other => Cell::Text(other.to_string()),
            });
        }
        // Trailing empty cells are no cells, as in a CSV row.
        while cells.len() > 1 && matches!(cells.last(), Some(Cell::Empty)) {
            cells.pop();
        }
        if cells.iter().all(|c| matches!(c, Cell::Empty)) {
            continue;
        }
        rows.push((first_row + i as u64 + 1, cells));
    }
    Ok(Sheet { name, names, rows })
}

/// Weights from the bytes of an .xlsx file: `sheet` by name, or the first;
/// then the CSV rules ([`crate::tabular::read_weights`]), lines being the
/// sheet's row numbers.
///
/// # Example
/// ```
/// use andel_core::excel::{read_weights_xlsx, write_allocation};
/// use andel_core::{Decimal, Key, SplitOptions};
/// // A workbook andel writes is one it reads back: its first sheet's
/// // title line is skipped, its heads are known, its total row left out.
/// let key = Key::from_weights([("A", Decimal::from(3)), ("B", Decimal::from(1))])?;
/// let a = key.split(Decimal::from(100), &SplitOptions::default())?;
/// let r = read_weights_xlsx(&write_allocation(&a, None)?, None, &Default::default())?;
/// assert_eq!(r.key.weights(), [Decimal::from(3), Decimal::from(1)]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn read_weights_xlsx(
    bytes: &[u8],
    sheet: Option<&str>,
    columns: &CsvColumns,
) -> Result<CsvWeights> {
    let sheet = read_sheet(bytes, sheet)?;
    let mut text_numbers = false;
    let mut records: Vec<Record> = sheet
        .rows
        .into_iter()
        .map(|(line, cells)| Record {
            line,
            cells: cells
                .into_iter()
                .map(|c| match c {
                    Cell::Empty => String::new(),
                    Cell::Text(s) => {
                        text_numbers |= readings(&s).is_ok();
                        s
                    }
                    Cell::Number(n) => n,
                })
                .collect(),
        })
        .collect();
    // Rows as wide as the widest (the CSV reader wants a rectangle).
    let width = records.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for r in &mut records {
        r.cells.resize(width, String::new());
    }
    let mut columns = columns.clone();
    if columns.decimal.is_none() && !text_numbers {
        columns.decimal = Some(".".into());
    }
    read_records(records, ';', None, &columns)
}

/// A sheet of an .xlsx file as CSV text ([`sheet_text`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SheetText {
    /// The sheet read.
    pub sheet: String,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// The sheet as Danish CSV text: semicolons, number cells with a
    /// decimal comma and no thousands separator, text cells as they are
    /// (quoted when they hold a semicolon, a quote or a line break).
    pub text: String,
}

/// A sheet of an .xlsx file (`sheet` by name, or the first) as CSV text
/// that [`crate::tabular::read_weights`] reads as it reads the sheet: for a
/// form that shows what it read and lets it be edited (the web form's
/// upload). Empty rows are left out.
///
/// # Example
/// ```
/// use andel_core::excel::{sheet_text, write_allocation};
/// use andel_core::{Decimal, Key, SplitOptions};
/// let key = Key::from_weights([("A", Decimal::new(72, 1)), ("B", Decimal::new(928, 1))])?;
/// let a = key.split(Decimal::from(100), &SplitOptions::default())?;
/// let t = sheet_text(&write_allocation(&a, None)?, None)?;
/// assert_eq!(t.sheets, ["Fordeling", "Forudsætninger"]);
/// assert!(t.text.contains("\nA;;7,2;7,2;7,2;7,2;går op\n"), "{}", t.text);
/// assert!(t.text.contains("\ni alt;;100;100;;100;\n"), "{}", t.text);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn sheet_text(bytes: &[u8], sheet: Option<&str>) -> Result<SheetText> {
    let s = read_sheet(bytes, sheet)?;
    // Rows as wide as the widest, as the sheet is read.
    let width = s.rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (_, cells) in &s.rows {
        let mut line: Vec<String> = cells
            .iter()
            .map(|c| match c {
                Cell::Empty => String::new(),
                Cell::Number(n) => n.replace('.', ","),
                Cell::Text(t) if t.contains([';', '"', '\n', '\r']) => {
                    format!("\"{}\"", t.replace('"', "\"\""))
                }
                Cell::Text(t) => t.clone(),
            })
            .collect();
        line.resize(width, String::new());
        text += &line.join(";");
        text.push('\n');
    }
    Ok(SheetText {
        sheet: s.name,
        sheets: s.names,
        text,
    })
}

/// A cell's number: Excel stores every number as a double, so the cell
/// gets the double nearest the exact decimal (its text parsed, never
/// arithmetic on floats); the exact figures stay in the SUM rows' stored
/// values and in andel's own results.
fn number(plain: &str) -> f64 {
    // A decimal's plain text always parses as an f64; 0.0 is never reached.
    plain.parse().unwrap_or(0.0) // ok: a double is what an .xlsx cell holds
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
        ws.set_column_width(c as u16, (*w).clamp(6, 40) as f64 + 2.0)?;
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
    build().map_err(xlsx_error)
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
    build().map_err(xlsx_error)
}
