//! What a read tells its reader: the decimal comma it chose and why, the
//! encoding it decoded, and the rows it left out (totals, text lines).

use crate::csv::encoding::Encoding;
use crate::error::quoted;
use crate::number::format::{read_as, Mark};
use serde::{Deserialize, Serialize};

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
