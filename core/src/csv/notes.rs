//! What a read tells its reader, as data: the encoding it decoded, the
//! decimal comma it chose and why, the rows it left out (totals, a
//! Statbank title or footnote) and what a Statbank population file gave.
//! The words are in the catalogues (`present::read_note` says a
//! note in Danish or English); the JSON keeps these stable machine names.

use crate::csv::encoding::Encoding;
use crate::csv::statbank::Ages;
use serde::{Deserialize, Serialize};

/// Something about how a file was read that its reader should know.
///
/// In JSON a note is an object with a `kind` (`encoding`,
/// `danish_thousands`, `left_out`, `population`) and its fields:
/// `{"kind": "left_out", "line": 2, "text": "Hele landet;5873420", "why":
/// "national_total"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvNote {
    /// The bytes were not UTF-8 and were read in this encoding.
    Encoding {
        /// The encoding read.
        encoding: Encoding,
    },
    /// A column that reads both ways (`221.082`) was read with a decimal
    /// comma (dots group thousands) because the text is Danish.
    DanishThousands {
        /// The first cell that reads both ways.
        line: u64,
        /// Its text.
        text: String,
        /// What says the text is Danish.
        because: DanishBy,
    },
    /// A row left out on purpose: a total or text around the table.
    LeftOut {
        /// Its line (a sheet's row number).
        line: u64,
        /// The start of the row, its cells joined by the separator (at most
        /// [`EXCERPT_CHARS`] characters, then `…`); shown escaped.
        text: String,
        /// Why.
        why: LeftOut,
    },
    /// A Statbank population file gave the figures of this period and ages.
    Population {
        /// The file as the document names it (empty for bytes given
        /// without a name).
        file: String,
        /// The period read (`2026K1`).
        period: String,
        /// The date of its figures (`2026-01-01`).
        date: String,
        /// The ages counted.
        ages: Ages,
    },
}

/// A note and where it was read: the document's field (`key.csv`,
/// `nest.members.Nordjylland.csv`, `key.population`) or a file's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadNote {
    /// Where: the document's field, or the file read.
    pub at: String,
    /// What.
    pub note: CsvNote,
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

/// Why a row of a table of weights was left out: a total or text around
/// the table, never a party. In JSON its snake_case name
/// (`national_total`, `regional_total`, `christianso`, `sum_of_others`,
/// `title`, `footnote`); the words are in the catalogues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
}

/// The most characters of a left-out row a note keeps.
pub const EXCERPT_CHARS: usize = 60;

/// A left-out row's cells joined by `sep`, at most [`EXCERPT_CHARS`]
/// characters (then `…`): a note names the row, it does not copy it.
pub(crate) fn excerpt(cells: &[String], sep: char) -> String {
    let all = cells.join(&sep.to_string());
    match all.char_indices().nth(EXCERPT_CHARS) {
        Some((at, _)) => format!("{}…", &all[..at]),
        None => all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_cross_to_json_by_stable_names() {
        let n = CsvNote::LeftOut {
            line: 2,
            text: "Hele landet;5873420".into(),
            why: LeftOut::NationalTotal,
        };
        let json = serde_json::to_string(&n).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"kind":"left_out","line":2,"text":"Hele landet;5873420","why":"national_total"}"#
        );
        assert_eq!(serde_json::from_str::<CsvNote>(&json).ok(), Some(n));
        let whys: Vec<String> = LeftOut::ALL
            .iter()
            .map(|w| serde_json::to_string(w).unwrap_or_default())
            .collect();
        assert_eq!(
            whys,
            [
                "\"national_total\"",
                "\"regional_total\"",
                "\"christianso\"",
                "\"sum_of_others\"",
                "\"title\"",
                "\"footnote\""
            ]
        );
    }

    #[test]
    fn an_excerpt_is_short() {
        let cells = vec!["x".repeat(100), "1".into()];
        let e = excerpt(&cells, ';');
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(
            excerpt(&["Hele landet".into(), "5".into()], ';'),
            "Hele landet;5"
        );
    }
}
