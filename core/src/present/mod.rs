//! The presentation layer: every word and sentence andel shows to people,
//! in Danish and English, from one catalogue.
//!
//! It sits above the documents and below the bindings (DESIGN.md,
//! "Layers"): from any result (a document's result with its scenarios,
//! parts, nests, years, comparisons and attainment; a plain split or
//! apportionment) it builds one [`View`]: the title, note and assumptions,
//! and for every part a table with named columns, rows, a total and every
//! party's explanation. The command line prints a view, the Danish Excel CSV
//! writes it, Python and JS hand it on as plain data; no front end writes a
//! sentence or a column head of its own.
//!
//! The words live in [`da`] and [`en`], one file a language, keyed by
//! [`Msg`], a typed message id: a match over every id in each file, so a
//! message missing in one language does not compile. Sentences carry named
//! slots (`{total}`) filled by [`fill`]; numbers are written by
//! [`crate::number::format`] (Danish `1.658.397,22` or plain `1658397.22`, with
//! either language).
//!
//! # Example
//! ```
//! use andel_core::present::{Language, Msg};
//! assert_eq!(Language::Da.text(Msg::Assumptions), "Forudsætninger:");
//! assert_eq!(Language::En.text(Msg::Assumptions), "Assumptions:");
//! assert_eq!("en".parse::<Language>()?, Language::En);
//! # Ok::<(), andel_core::Error>(())
//! ```

mod allocation;
pub mod da;
mod da_options;
pub mod en;
mod errors;
mod explain;
mod meeting;
mod notes;
mod scenario;
mod view;

pub use allocation::allocation_view;
pub use errors::{CliMsg, ALL_CLI_MESSAGES};
pub use explain::{explain, explain_in_scenario, label_prefix};
pub use meeting::{meeting_view, summary_total_head, MeetingView};
pub use notes::{document_notes, left_out, read_note, read_notes, said};
pub use view::{document_view, result_csv, Cell, Column, Row, ScenarioView, Section, Table, View};

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The language of the words people read: Danish (the default) or English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Danish.
    #[default]
    Da,
    /// English.
    En,
}

impl Language {
    /// Both languages.
    pub const ALL: [Language; 2] = [Language::Da, Language::En];

    /// The catalogue's text for `msg` in this language.
    pub fn text(self, msg: Msg) -> &'static str {
        match self {
            Language::Da => da::text(msg),
            Language::En => en::text(msg),
        }
    }

    /// `msg` with its slots filled: `("total", "620")` fills `{total}`.
    pub fn say(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.text(msg), args)
    }

    /// The catalogue's text for a message on reading files.
    pub fn read_text(self, msg: ReadMsg) -> &'static str {
        match self {
            Language::Da => da::read_text(msg),
            Language::En => en::read_text(msg),
        }
    }

    /// A message on reading files with its slots filled.
    pub fn say_read(self, msg: ReadMsg, args: &[(&str, &str)]) -> String {
        fill(self.read_text(msg), args)
    }

    /// "2." in Danish, "2nd" in English.
    pub fn ordinal(self, n: u64) -> String {
        match self {
            Language::Da => da::ordinal(n),
            Language::En => en::ordinal(n),
        }
    }

    /// Its code: `"da"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }
}

impl FromStr for Language {
    type Err = Error;
    /// `"da"` or `"en"`.
    fn from_str(s: &str) -> Result<Language> {
        match s {
            "da" => Ok(Language::Da),
            "en" => Ok(Language::En),
            _ => Err(Error::InvalidOption {
                field: "language".into(),
                message: crate::error::Problem::UnknownVariant {
                    value: s.into(),
                    expected: vec!["da".into(), "en".into()],
                }
                .into(),
            }),
        }
    }
}

/// `template` with every `{name}` of `args` replaced by its value; a slot
/// without a value stays as written (a test holds every slot filled).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A message of the catalogue: a word, a column head or a sentence with
/// slots. Each language file answers every one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Msg {
    // The report's frame.
    /// The report's first line.
    ReportTitle,
    /// `{folder}`: the report's first line for a folder of the user's own
    /// documents that gives no title of its own.
    FolderReportTitle,
    /// Before the assumptions.
    Assumptions,
    /// `{name}`: a scenario's heading.
    Scenario,
    /// A nesting's groups, rounded per level.
    BetweenGroupsPerLevel,
    /// A nesting's groups, rounded flat.
    BetweenGroupsFlat,
    /// `{group}`, `{units}`: a group's members.
    WithinGroup,
    /// A cost split's parts.
    BetweenParts,
    /// `{part}`: a part's own split.
    WithinPart,
    /// The total split between the years.
    OverYears,
    /// The party × year table.
    ByPartyAndYear,
    /// `{year}`: a year's column head.
    YearColumn,
    /// `{cells}`: cells of the year table with equal remainders.
    YearsTie,
    /// `{method}`: the biproportional table.
    ByPartyAndColumn,
    /// `{cells}`: cells of the biproportional table that stood equal.
    TableTie,
    /// `{label}`: the comparison.
    ComparedWith,
    /// The comparison's other key when it has no label.
    TheOtherKey,
    /// The attainment table.
    DimensionedAgainstActual,

    // Column heads.
    /// The party's id.
    ColId,
    /// The party's name.
    ColName,
    /// The weight as given (population, places, …).
    ColWeight,
    /// The weight the key used (scaled for fixed shares, blended).
    ColKeyWeight,
    /// The share in per cent.
    ColShare,
    /// The exact amount before rounding, in kroner.
    ColQuotaMoney,
    /// The exact places before rounding.
    ColQuotaPlaces,
    /// `{unit}`: the amount in kroner, with the rounding unit.
    ColAmount,
    /// Whole places.
    ColPlaces,
    /// What rounding did.
    ColRounding,
    /// The comparison: this key's result.
    ColThisKey,
    /// The comparison: the other key's result.
    ColOtherKey,
    /// The comparison: the difference.
    ColChange,
    /// Attainment: what was dimensioned.
    ColDimensioned,
    /// Attainment: what was reached.
    ColActual,
    /// Attainment: the difference.
    ColDifference,
    /// Attainment: the per cent reached.
    ColPercent,
    /// The total row; a grid's total column.
    Total,
    /// A municipality's code.
    ColCode,
    /// A municipality's region.
    ColRegion,
    /// `{year}`: the population on 1 January of a year.
    ColPopulation,

    // The rounding unit of money.
    /// To the øre (0,01).
    UnitOre,
    /// Whole kroner (1).
    UnitKrone,
    /// Whole thousands (1.000).
    UnitThousand,
    /// `{unit}`: any other unit.
    UnitOther,

    // An allocation's summary line.
    /// `{total}`, `{unit}`, `{method}`: money.
    SummaryMoney,
    /// `{total}`, `{method}`: places.
    SummaryPlaces,
    /// `{amount}`: an amount of money.
    Kroner,
    /// One place.
    OnePlace,
    /// `{count}`: places.
    Places,
    /// `{count}`: inhabitants (a population key's total).
    People,

    // The methods.
    /// Largest remainder.
    MethodHamilton,
    /// D'Hondt.
    MethodDhondt,
    /// Sainte-Laguë.
    MethodSainteLague,
    /// Modified Sainte-Laguë.
    MethodModifiedSainteLague,
    /// Huntington-Hill.
    MethodHuntingtonHill,
    /// Adams.
    MethodAdams,
    /// Dean.
    MethodDean,

    // The rounding column.
    /// Rounded up.
    RoundedUp,
    /// Rounded down.
    RoundedDown,
    /// No rounding.
    RoundedExact,
    /// Held at its minimum.
    HeldAtMinimum,
    /// Held at its maximum.
    HeldAtMaximum,
    /// `{rank}`: the remainder's rank after up or down.
    Rank,
    /// Excluded: takes no part.
    Excluded,
    /// After the rounding: it was in a tie.
    Tied,
    /// A fixed share in the weight column.
    FixedShare,

    // Ties.
    /// `{units}`, `{parties}`, `{winners}`, `{rule}`: a tie under a table.
    TieLine,
    /// The rule: earlier in the input wins.
    RuleOrder,
    /// The rule: a drawn order.
    RulePriority,
    /// The rule: a tie is an error.
    RuleError,

    // Explanations.
    /// `{name}`, `{weight}`, `{total}`, `{share}`: by weight.
    ExWeight,
    /// `{name}`, `{weight}`, `{total}`, `{share}`: by weight, sharing what
    /// the fixed shares leave.
    ExWeightAfterFixed,
    /// `{name}`, `{share}`: a fixed share.
    ExFixed,
    /// `{name}`, `{share}`: a blended key.
    ExBlend,
    /// `{name}`, `{share}`, `{group}`: through a nesting (flat).
    ExNested,
    /// `{name}`, `{weight}`, `{amount}`: excluded.
    ExExcluded,
    /// `{total}`, `{quota}`: what the share of the total gives.
    ExGives,
    /// `{amount}`: no rounding needed.
    ExExact,
    /// `{amount}`, `{rest}`, `{rank}`, `{count}`: Hamilton rounded up.
    ExUpRank,
    /// `{amount}`, `{rest}`, `{rank}`, `{count}`: Hamilton rounded down.
    ExDownRank,
    /// `{amount}`: rounded up (with other cells of a table).
    ExUp,
    /// `{amount}`: rounded down (with other cells of a table).
    ExDown,
    /// `{amount}`, `{method}`: a divisor method rounded up.
    ExUpMethod,
    /// `{amount}`, `{method}`: a divisor method rounded down.
    ExDownMethod,
    /// `{amount}`: held at its minimum.
    ExMinimum,
    /// `{amount}`: held at its maximum.
    ExMaximum,
    /// `{others}`, `{units}`, `{rule}`, `{winners}`: a tie it was in.
    ExTie,
    /// The year table's rounding.
    ExYears,
    /// `{id}`: before a group's sentence.
    LabelGroup,
    /// `{id}`: before a part's sentence.
    LabelPart,
    /// `{id}`: before a year's sentence.
    LabelYear,
    /// `{label}`: before the comparison's sentence.
    LabelCompare,
    /// Before the comparison's sentence, without a label.
    LabelCompareBare,
    /// `{scenario}`: before a scenario's sentences on the command line.
    LabelScenario,
    /// Where a list ends: " og ", " and ".
    And,
    /// Above a nesting's member × group table.
    ByMemberAndGroup,
    /// `{scenario}`, `{actual}`: above an attainment table whose actual
    /// figures the document names.
    AgainstActual,
    /// The meeting summary's title.
    MeetingTitle,
    /// What the meeting summary counts.
    MeetingNote,
    /// Above the summary's kroner table.
    MeetingKroner,
    /// Above the summary's places table.
    MeetingPlaces,
    /// The total with each case's lowest scenario.
    MeetingTotalLowest,
    /// The total with each case's highest scenario.
    MeetingTotalHighest,
    /// `{version}`, `{span}`, `{sources}`: what made an output.
    Provenance,
    /// The workbook's sheet of tables (at most 31 characters).
    SheetTables,
    /// The workbook's sheet of assumptions and notes (at most 31 characters).
    SheetAssumptions,
    /// Before the notes on how the weights were read.
    Notes,
    /// `{count}`: the rest of a tie's parties a sentence does not name
    /// (more than two): "A, B, C, D, E og 9.994 andre".
    Others,
}

/// The messages that say what reading a file told its reader: rows left
/// out and why, the encoding, the Danish decimal comma, a Statbank
/// population file's period and ages, and where they were read (a
/// catalogue of their own in each language file: `read_text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReadMsg {
    /// `{rows}`: the rows reading CSV weights left out.
    LeftOut,
    /// `{line}`, `{text}`, `{why}`: one row left out.
    LeftOutRow,
    /// Left out: the national total.
    NationalTotal,
    /// Left out: a regional total of a Statbank export.
    RegionalTotal,
    /// Left out: Christiansø.
    NotAMunicipality,
    /// Left out: a first or last row whose weight is the sum of the others.
    SumOfOthers,
    /// Left out: a line of one cell above the table (a Statbank title).
    TitleLine,
    /// Left out: a line of one cell below the table (a Statbank footnote).
    FootnoteLine,
    /// `{encoding}`: bytes read in an encoding other than UTF-8.
    ReadAsEncoding,
    /// `{line}`, `{text}`, `{reading}`, `{why}`: a column read with a
    /// decimal comma because the text is Danish.
    DanishThousands,
    /// Why Danish: semicolon separated.
    BecauseSemicolons,
    /// Why Danish: tab separated (cells copied from a spreadsheet).
    BecauseTabs,
    /// Why Danish: a Danish header.
    BecauseHeader,
    /// `{date}`, `{period}`, `{file}`, `{ages}`: what a Statbank population
    /// file gave.
    PopulationFile,
    /// `{date}`, `{period}`, `{ages}`: what a Statbank population file
    /// given as bytes, without a name, gave.
    PopulationBytes,
    /// `{from}`, `{to}`: an age range.
    AgesRange,
    /// `{from}`: an age and over.
    AgesFrom,
    /// Every age.
    AgesAll,
    /// Where notes were read: the document's key's CSV weights.
    ReadCsv,
    /// `{at}`: where notes were read: CSV weights at another field.
    ReadCsvAt,
    /// Where notes were read: the document's key's population file.
    ReadPopulation,
    /// `{at}`: where notes were read: a population file at another field.
    ReadPopulationAt,
}

/// Every message, for the tests that hold both catalogues complete.
pub const ALL_MESSAGES: &[Msg] = &[
    Msg::ReportTitle,
    Msg::FolderReportTitle,
    Msg::Assumptions,
    Msg::Scenario,
    Msg::BetweenGroupsPerLevel,
    Msg::BetweenGroupsFlat,
    Msg::WithinGroup,
    Msg::BetweenParts,
    Msg::WithinPart,
    Msg::OverYears,
    Msg::ByPartyAndYear,
    Msg::YearColumn,
    Msg::YearsTie,
    Msg::ByPartyAndColumn,
    Msg::TableTie,
    Msg::ComparedWith,
    Msg::TheOtherKey,
    Msg::DimensionedAgainstActual,
    Msg::ColId,
    Msg::ColName,
    Msg::ColWeight,
    Msg::ColKeyWeight,
    Msg::ColShare,
    Msg::ColQuotaMoney,
    Msg::ColQuotaPlaces,
    Msg::ColAmount,
    Msg::ColPlaces,
    Msg::ColRounding,
    Msg::ColThisKey,
    Msg::ColOtherKey,
    Msg::ColChange,
    Msg::ColDimensioned,
    Msg::ColActual,
    Msg::ColDifference,
    Msg::ColPercent,
    Msg::Total,
    Msg::ColCode,
    Msg::ColRegion,
    Msg::ColPopulation,
    Msg::UnitOre,
    Msg::UnitKrone,
    Msg::UnitThousand,
    Msg::UnitOther,
    Msg::SummaryMoney,
    Msg::SummaryPlaces,
    Msg::Kroner,
    Msg::OnePlace,
    Msg::Places,
    Msg::People,
    Msg::MethodHamilton,
    Msg::MethodDhondt,
    Msg::MethodSainteLague,
    Msg::MethodModifiedSainteLague,
    Msg::MethodHuntingtonHill,
    Msg::MethodAdams,
    Msg::MethodDean,
    Msg::RoundedUp,
    Msg::RoundedDown,
    Msg::RoundedExact,
    Msg::HeldAtMinimum,
    Msg::HeldAtMaximum,
    Msg::Rank,
    Msg::Excluded,
    Msg::Tied,
    Msg::FixedShare,
    Msg::TieLine,
    Msg::RuleOrder,
    Msg::RulePriority,
    Msg::RuleError,
    Msg::ExWeight,
    Msg::ExWeightAfterFixed,
    Msg::ExFixed,
    Msg::ExBlend,
    Msg::ExNested,
    Msg::ExExcluded,
    Msg::ExGives,
    Msg::ExExact,
    Msg::ExUpRank,
    Msg::ExDownRank,
    Msg::ExUp,
    Msg::ExDown,
    Msg::ExUpMethod,
    Msg::ExDownMethod,
    Msg::ExMinimum,
    Msg::ExMaximum,
    Msg::ExTie,
    Msg::ExYears,
    Msg::LabelGroup,
    Msg::LabelPart,
    Msg::LabelYear,
    Msg::LabelCompare,
    Msg::LabelCompareBare,
    Msg::LabelScenario,
    Msg::And,
    Msg::ByMemberAndGroup,
    Msg::AgainstActual,
    Msg::MeetingTitle,
    Msg::MeetingNote,
    Msg::MeetingKroner,
    Msg::MeetingPlaces,
    Msg::MeetingTotalLowest,
    Msg::MeetingTotalHighest,
    Msg::Provenance,
    Msg::SheetTables,
    Msg::SheetAssumptions,
    Msg::Notes,
    Msg::Others,
];

/// Every message on reading files, for the tests that hold both catalogues
/// complete.
pub const ALL_READ_MESSAGES: &[ReadMsg] = &[
    ReadMsg::LeftOut,
    ReadMsg::LeftOutRow,
    ReadMsg::NationalTotal,
    ReadMsg::RegionalTotal,
    ReadMsg::NotAMunicipality,
    ReadMsg::SumOfOthers,
    ReadMsg::TitleLine,
    ReadMsg::FootnoteLine,
    ReadMsg::ReadAsEncoding,
    ReadMsg::DanishThousands,
    ReadMsg::BecauseSemicolons,
    ReadMsg::BecauseTabs,
    ReadMsg::BecauseHeader,
    ReadMsg::PopulationFile,
    ReadMsg::PopulationBytes,
    ReadMsg::AgesRange,
    ReadMsg::AgesFrom,
    ReadMsg::AgesAll,
    ReadMsg::ReadCsv,
    ReadMsg::ReadCsvAt,
    ReadMsg::ReadPopulation,
    ReadMsg::ReadPopulationAt,
];

/// The report's first line: the minutes' title for their own documents
/// (`folder` `None`); for a folder of the user's own, the first line of its
/// `title` (the folder's `title.txt`) when it gives one, else a title that
/// names the folder. Hidden characters are shown as escapes, never sent to
/// a terminal.
///
/// # Example
/// ```
/// use andel_core::present::{report_title, Language};
/// assert_eq!(report_title(Some(("budget", None)), Language::Da), "Nøgledokumenterne i mappen »budget«");
/// assert_eq!(report_title(Some(("budget", Some("Budget 2027\n"))), Language::En), "Budget 2027");
/// ```
pub fn report_title(folder: Option<(&str, Option<&str>)>, language: Language) -> String {
    let Some((name, own)) = folder else {
        return language.text(Msg::ReportTitle).to_string();
    };
    let own = own
        .and_then(|t| {
            t.trim_start_matches('\u{feff}')
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
        })
        .map(|t| crate::error::escaped(t, false));
    own.unwrap_or_else(|| {
        language.say(
            Msg::FolderReportTitle,
            &[("folder", &crate::error::escaped(name, false))],
        )
    })
}

/// What made an output, in `language`: andel's version and the embedded
/// population's source and dates (every report, CSV and form states it, so
/// a result found in a folder next year says what made it).
///
/// # Example
/// ```
/// use andel_core::present::{provenance, Language};
/// assert!(provenance(Language::Da).starts_with(&format!("andel {}; befolkning: Danmarks Statistik, 1. januar 2020-", andel_core::VERSION)));
/// assert_eq!(provenance(Language::En), andel_core::data::provenance());
/// ```
pub fn provenance(language: Language) -> String {
    let (span, sources) = crate::data::population_sources();
    language.say(
        Msg::Provenance,
        &[
            ("version", crate::VERSION),
            ("span", &span),
            ("sources", &sources),
        ],
    )
}

/// A method's name for people.
pub fn method_name(language: Language, method: crate::Method) -> &'static str {
    use crate::Method as M;
    language.text(match method {
        M::Hamilton => Msg::MethodHamilton,
        M::Dhondt => Msg::MethodDhondt,
        M::SainteLague => Msg::MethodSainteLague,
        M::ModifiedSainteLague => Msg::MethodModifiedSainteLague,
        M::HuntingtonHill => Msg::MethodHuntingtonHill,
        M::Adams => Msg::MethodAdams,
        M::Dean => Msg::MethodDean,
    })
}

/// A tie rule's name for people (`order`, `priority`, `error` as
/// [`crate::TieReport::decided_by`] records it).
pub fn rule_name(language: Language, rule: &str) -> String {
    match rule {
        "order" => language.text(Msg::RuleOrder).to_string(),
        "priority" => language.text(Msg::RulePriority).to_string(),
        "error" => language.text(Msg::RuleError).to_string(),
        other => other.to_string(),
    }
}

/// Items as a sentence lists them: "A, B og C".
pub fn list(language: Language, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{}{last}", init.join(", "), language.text(Msg::And)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slots of a template: `{name}` parts.
    fn slots(t: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = t;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            out.push(after[..close].to_string());
            rest = &after[close + 1..];
        }
        out.sort();
        out
    }

    #[test]
    fn both_catalogues_have_the_same_slots_and_no_empty_text() {
        for &m in ALL_MESSAGES {
            let (da, en) = (Language::Da.text(m), Language::En.text(m));
            assert!(!da.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            assert_eq!(slots(da), slots(en), "{m:?}: {da} / {en}");
        }
        for &m in ALL_READ_MESSAGES {
            let (da, en) = (Language::Da.read_text(m), Language::En.read_text(m));
            assert!(!da.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            assert_eq!(slots(da), slots(en), "{m:?}: {da} / {en}");
        }
    }

    #[test]
    fn fill_replaces_named_slots_only() {
        assert_eq!(
            fill("{a} af {b} ({c})", &[("a", "1"), ("b", "2")]),
            "1 af 2 ({c})"
        );
        assert_eq!(fill("no slots {", &[]), "no slots {");
        assert_eq!(
            list(Language::Da, &["A".into(), "B".into(), "C".into()]),
            "A, B og C"
        );
        assert_eq!(list(Language::En, &["A".into(), "B".into()]), "A and B");
        assert_eq!(Language::En.ordinal(2), "2nd");
        assert_eq!(Language::En.ordinal(11), "11th");
        assert_eq!(Language::En.ordinal(23), "23rd");
        assert_eq!(Language::Da.ordinal(2), "2.");
        assert_eq!(
            "fr".parse::<Language>().unwrap_err().field(),
            Some("language")
        );
    }
}
