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
//! Writing: one sheet "Fordeling" with a table per allocation (id, name,
//! weight, share, amount or units), amounts and weights as numbers in
//! Danish-style formats (Excel shows `#.##0,00` in a Danish locale), a
//! total row whose `SUM` formula carries the exact total as its value; a
//! sheet "Forudsætninger" with the title, note, assumptions and notes.
//! Every text is written as text, never as a formula. The Danish words are
//! in [`WORDS`].

use crate::csv::{read_records, CsvColumns, CsvWeights, Record};
use crate::document::DocumentResult;
use crate::error::{Error, Result};
use crate::key::Allocation;
use crate::number::format::readings;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};

/// The words of the workbook, in Danish: sheet names and column heads.
pub struct Words {
    pub allocation_sheet: &'static str,
    pub assumptions_sheet: &'static str,
    pub id: &'static str,
    pub name: &'static str,
    pub weight: &'static str,
    pub share: &'static str,
    pub amount: &'static str,
    pub units: &'static str,
    pub total: &'static str,
    pub scenario: &'static str,
    pub assumptions: &'static str,
    pub notes: &'static str,
}

/// The workbook's words (Danish).
pub const WORDS: Words = Words {
    allocation_sheet: "Fordeling",
    assumptions_sheet: "Forudsætninger",
    id: "Kode",
    name: "Navn",
    weight: "Vægt",
    share: "Andel",
    amount: "Beløb",
    units: "Antal",
    total: "I alt",
    scenario: "Scenarie",
    assumptions: "Forudsætninger",
    notes: "Bemærkninger",
};

fn xlsx_error(e: impl std::fmt::Display) -> Error {
    Error::Io {
        field: String::new(),
        message: format!("the Excel file: {e}"),
    }
}

/// Weights from the bytes of an .xlsx file: `sheet` by name, or the first;
/// then the CSV rules ([`crate::csv::read_weights`]), lines being the
/// sheet's row numbers.
///
/// # Example
/// ```
/// use andel_core::excel::{read_weights_xlsx, write_allocation};
/// use andel_core::{Decimal, Key, SplitOptions};
/// // A workbook andel writes is one it reads back.
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
    use calamine::{Data, Reader, Xlsx};
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
    let mut records = Vec::new();
    let mut text_numbers = false;
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); first_col as usize];
        for cell in row {
            cells.push(match cell {
                Data::Empty => String::new(),
                Data::String(s) => {
                    text_numbers |= readings(s).is_ok();
                    s.trim().to_string()
                }
                Data::Int(i) => i.to_string(),
                // Rust shows a float as its shortest decimal (7.2, 221082).
                Data::Float(f) => format!("{f}"),
                Data::Bool(b) => b.to_string(),
                other => other.to_string(),
            });
        }
        // Trailing empty cells are no cells, as in a CSV row.
        while cells.last().is_some_and(String::is_empty) && cells.len() > 1 {
            cells.pop();
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        records.push(Record {
            line: first_row + i as u64 + 1,
            cells,
        });
    }
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

/// A cell's number: Excel stores every number as a double, so the cell
/// gets the double nearest the exact decimal (its text parsed, never
/// arithmetic on floats); the exact figures stay in the SUM rows' stored
/// values and in andel's own results.
fn number(d: Decimal) -> f64 {
    // A Decimal's text always parses as an f64; the 0.0 is never reached.
    d.to_string().parse().unwrap_or(0.0) // ok: a double is what an .xlsx cell holds
}

/// Writes one allocation as a table from `row`: heads, parties, the total
/// row (a SUM formula whose value is the exact total). Returns the next
/// free row.
fn table(ws: &mut Worksheet, mut row: u32, a: &Allocation) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    let money = a.unit.fract() != Decimal::ZERO;
    let places = a.unit.normalize().scale();
    let amount_format = if places == 0 {
        Format::new().set_num_format("#,##0")
    } else {
        Format::new().set_num_format(format!("#,##0.{}", "0".repeat(places as usize)))
    };
    let weight_format = Format::new().set_num_format("#,##0.##########");
    let share_format = Format::new().set_num_format("0.0000%");
    let heads = [
        WORDS.id,
        WORDS.name,
        WORDS.weight,
        WORDS.share,
        if money || a.unit != Decimal::ONE {
            WORDS.amount
        } else {
            WORDS.units
        },
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &bold)?;
    }
    row += 1;
    let first = row;
    for p in &a.parties {
        ws.write_string(row, 0, &p.id)?;
        ws.write_string(row, 1, p.name.as_deref().unwrap_or_default())?;
        ws.write_number_with_format(row, 2, number(p.weight), &weight_format)?;
        ws.write_number_with_format(row, 3, number(p.share), &share_format)?;
        ws.write_number_with_format(row, 4, number(p.amount), &amount_format)?;
        row += 1;
    }
    let total =
        crate::number::format::checked_sum(a.parties.iter().map(|p| p.amount)).unwrap_or(a.total);
    ws.write_string_with_format(row, 1, WORDS.total, &bold)?;
    let formula = if a.parties.is_empty() {
        Formula::new("=0")
    } else {
        Formula::new(format!("=SUM(E{}:E{})", first + 1, row))
    };
    ws.write_formula_with_format(
        row,
        4,
        formula.set_result(total.normalize().to_string()),
        &amount_format.set_bold(),
    )?;
    Ok(row + 2)
}

fn assumptions_sheet(
    book: &mut Workbook,
    title: Option<&str>,
    note: Option<&str>,
    assumptions: &[String],
    notes: &[String],
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(WORDS.assumptions_sheet)?;
    let bold = Format::new().set_bold();
    let mut row = 0;
    if let Some(t) = title {
        ws.write_string_with_format(row, 0, t, &bold)?;
        row += 1;
    }
    if let Some(n) = note {
        ws.write_string(row, 0, n)?;
        row += 1;
    }
    for (head, lines) in [(WORDS.assumptions, assumptions), (WORDS.notes, notes)] {
        if lines.is_empty() {
            continue;
        }
        row += 1;
        ws.write_string_with_format(row, 0, head, &bold)?;
        row += 1;
        for l in lines {
            ws.write_string(row, 0, l)?;
            row += 1;
        }
    }
    ws.set_column_width(0, 100)?;
    Ok(())
}

/// A document's result as an .xlsx workbook (bytes): its allocations, each
/// under its scenario's name, and its assumptions on their own sheet.
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
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.set_name(WORDS.allocation_sheet)?;
        let bold = Format::new().set_bold();
        let mut row = 0;
        if let Some(t) = &r.title {
            ws.write_string_with_format(row, 0, t, &bold)?;
            row += 2;
        }
        for s in &r.scenarios {
            for (label, a) in s.allocations() {
                // Which allocation, as an explanation names it ("del
                // kommunerne: " becomes ", del kommunerne").
                let which = crate::present::label_prefix(&label, crate::present::Language::Da);
                let which = which
                    .strip_suffix(": ")
                    .map(|w| format!(", {w}"))
                    .unwrap_or_default();
                let head = format!("{} {}{which}", WORDS.scenario, s.name);
                ws.write_string_with_format(row, 0, &head, &bold)?;
                row = table(ws, row + 1, a)?;
            }
        }
        ws.set_column_width(0, 10)?;
        ws.set_column_width(1, 24)?;
        ws.set_column_width(2, 14)?;
        ws.set_column_width(3, 11)?;
        ws.set_column_width(4, 16)?;
        assumptions_sheet(
            &mut book,
            r.title.as_deref(),
            r.note.as_deref(),
            &r.assumptions,
            &[],
        )?;
        book.save_to_buffer()
    };
    build().map_err(xlsx_error)
}

/// One allocation as an .xlsx workbook (bytes), with `notes` (how its
/// weights were read) on the second sheet.
pub fn write_allocation(a: &Allocation, notes: Option<&[String]>) -> Result<Vec<u8>> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.set_name(WORDS.allocation_sheet)?;
        table(ws, 0, a)?;
        ws.set_column_width(1, 24)?;
        ws.set_column_width(4, 16)?;
        assumptions_sheet(&mut book, None, None, &[], notes.unwrap_or_default())?;
        book.save_to_buffer()
    };
    build().map_err(xlsx_error)
}
