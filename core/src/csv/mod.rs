//! Text files in and out: CSV of weights, its encodings, the files a
//! document names, and Statistics Denmark's population exports.
//!
//! Reading takes what people have: UTF-8 with or without a byte order mark;
//! comma, semicolon or tab separated; decimal point or decimal comma (Excel in
//! Danish writes `;` and `1.234,5`); Statistics Denmark's Statbank exports of
//! FOLK1A, with municipality names written as `851 Aalborg` or `Aalborg`.
//! Every error names the line and the column. The population every case of
//! the minutes splits by (2.8, 2.12, 2.9) can come from such a file.
//!
//! - `records`: CSV text into records (RFC 4180, the separator sniffed);
//! - `read`: records into a key's weights (columns found, totals left out);
//! - `notes`: what a read tells its reader (the decimal comma, rows left out);
//! - `write`: results as CSV, plain or for Danish Excel;
//! - [`encoding`], [`files`], [`statbank`]: bytes to text, the one way files
//!   are opened, FOLK1A/FOLK1AM/BY2 population.
//!
//! Numbers are read and written by [`crate::number::format`], re-exported
//! here where the CSV code has always offered them (`tabular::danish`, …).

pub mod encoding;
pub mod files;
mod notes;
mod read;
mod records;
pub mod statbank;
mod write;
#[cfg(feature = "excel")]
pub mod xlsx;

pub use crate::number::format::{
    danish, format_number, parse_danish_number, parse_number, plain, render_table, NumberStyle,
    MAX_PLACES,
};
pub use notes::{CsvNote, DanishBy, LeftOut, ReadNote, EXCERPT_CHARS};
#[cfg(feature = "excel")]
pub(crate) use read::read_records;
pub use read::{read_weights, read_weights_bytes, CsvColumns, CsvWeights};
pub(crate) use records::{records_of, Record};
pub(crate) use write::CsvWriter;
pub use write::{csv_comment, csv_text};

use crate::error::{Error, Result};
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

/// The most text a CSV file or a key document may have (256 MiB): more is
/// refused rather than read until memory runs out.
pub const MAX_INPUT_BYTES: usize = 256 << 20;

impl FromStr for Dialect {
    type Err = Error;
    /// `"plain"` or `"danish_excel"`.
    fn from_str(s: &str) -> Result<Dialect> {
        match s {
            "plain" => Ok(Dialect::Plain),
            "danish_excel" => Ok(Dialect::DanishExcel),
            _ => Err(Error::InvalidOption {
                field: "dialect".into(),
                message: crate::error::Problem::UnknownVariant {
                    value: s.into(),
                    expected: vec!["plain".into(), "danish_excel".into()],
                }
                .into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CsvProblem;
    use rust_decimal::Decimal;

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
