//! Weights from an .xlsx sheet by the CSV rules (feature `excel`,
//! `calamine`): the first sheet or a named one becomes rows of cells and goes
//! through the CSV reader, so headers, columns, totals left out, titles and
//! the decimal rule are the same. A number cell is a number (written with a
//! decimal point); Excel stores numbers as binary fractions, so a cell is read
//! as the decimal its shortest form shows (7,2 is 7.2), the float rule of the
//! Python and JS bindings. Writing workbooks is `crate::excel`.

use super::{read_records, CsvColumns, CsvWeights, Record};
use crate::error::{Error, Problem, Result};
use crate::number::format::readings;
use serde::Serialize;

/// An Excel file that cannot be read, `problem` saying why.
fn xlsx_error(problem: Problem) -> Error {
    Error::Io {
        field: String::new(),
        message: problem.into(),
    }
}

/// An Excel file the reader cannot read (its English reason kept).
fn unreadable(e: impl std::fmt::Display) -> Error {
    xlsx_error(Problem::ExcelUnreadable {
        reason: e.to_string(),
    })
}

/// A workbook that could not be written (its English reason kept).
pub(crate) fn not_written(e: impl std::fmt::Display) -> Error {
    xlsx_error(Problem::ExcelNotWritten {
        reason: e.to_string(),
    })
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
        return Err(xlsx_error(Problem::ExcelTooLarge {
            mib: crate::files::MAX_FILE_BYTES >> 20,
        }));
    }
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| Error::InvalidOption {
                field: "sheet".into(),
                message: Problem::NoSheetNamed {
                    name: s.to_string(),
                    sheets: names.clone(),
                }
                .into(),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| xlsx_error(Problem::ExcelNoSheets))?,
    };
    let range = book.worksheet_range(&name).map_err(unreadable)?;
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
