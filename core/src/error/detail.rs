//! What an error's message, reason or detail says, as data: each kind with
//! its fields, said in English by its `Display` (the error's own text) and
//! in Danish by the catalogue (`present/da.rs`), so a Danish message is
//! Danish all through. Field names and values quoted from the input are the
//! document's own identifiers and stay as written.

use super::quoted;
use serde::{Deserialize, Serialize};

/// The deepest nesting a document may have.
pub const MAX_DEPTH: usize = 64;

/// What a document that needs places in a table (a `table`, or a year
/// profile rounding places both ways) gets from a build without the
/// `tables` feature (the web form's first-load module, which leaves them out
/// for its download budget): an `invalid_option` error saying this
/// ([`LeftOut::Tables`]), which the binding turns into "load the whole module".
pub const TABLES_LEFT_OUT: &str =
    "places in a table are not in this build (the web form's first-load module): use the whole module";

/// What a document with `csv` weights gets from a build without the
/// `csv_keys` feature (the web form's first-load module; the form reads
/// pasted and uploaded CSV with the whole module anyway): an
/// `invalid_option` error saying this ([`LeftOut::Csv`]), "load the whole module".
pub const CSV_LEFT_OUT: &str =
    "weights from CSV are not in this build (the web form's first-load module): use the whole module";

/// What a document with a population file's `text` gets from a build
/// without the Statbank reader (neither `fs` nor `csv_keys`: the web form's
/// first-load module): an `invalid_option` error saying this
/// ([`LeftOut::PopulationText`]), "load the whole module".
pub const POPULATION_LEFT_OUT: &str =
    "a population file's text is not read in this build (the web form's first-load module): use the whole module";

/// The detail of an error ([`super::Error::Document`]'s and
/// [`super::Error::InvalidOption`]'s `message`, [`super::Error::Infeasible`]'s
/// `reason`, …): a typed [`Problem`], or English text where a kind is not
/// typed yet (a Danish message shows that text in brackets). Crosses to
/// Python and JS as the text or as the problem's fields with its `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[serde(untagged)]
pub enum Detail {
    /// English text only.
    Text(String),
    /// A typed problem (boxed: an error stays small).
    Kind(Box<Problem>),
}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Detail::Text(t) => f.write_str(t),
            Detail::Kind(p) => p.fmt(f),
        }
    }
}

/// In the browser build a detail not typed yet crosses as its text and a
/// typed one as `null`: serde's writer (and the English) of every kind
/// would cost the web form's first-load module several kilobytes, and JS
/// has the error's message in its languages (`messages`) from core anyway.
#[cfg(target_arch = "wasm32")]
impl Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Detail::Text(t) => s.serialize_str(t),
            Detail::Kind(_) => s.serialize_none(),
        }
    }
}

impl From<String> for Detail {
    fn from(t: String) -> Detail {
        Detail::Text(t)
    }
}

impl From<&str> for Detail {
    fn from(t: &str) -> Detail {
        Detail::Text(t.to_string())
    }
}

impl From<Problem> for Detail {
    fn from(p: Problem) -> Detail {
        Detail::Kind(Box::new(p))
    }
}

impl Detail {
    /// The typed problem, when it is one.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Detail::Kind(p) => Some(p.as_ref()),
            Detail::Text(_) => None,
        }
    }
}

/// What a JSON value is (what a field wanted, what it got).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A number, the document's version: `1`.
    Version,
    /// Text.
    String,
    /// A list.
    List,
    /// An object.
    Object,
}

impl std::fmt::Display for JsonKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "true or false",
            JsonKind::Number => "a number",
            JsonKind::Version => "a number (1)",
            JsonKind::String => "a string",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        })
    }
}

/// What is wrong in a document's JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Syntax {
    #[error("unexpected text after the document")]
    TextAfter,
    #[error("nested deeper than {MAX_DEPTH} levels")]
    TooDeep,
    #[error("expected a value")]
    Value,
    #[error("the document ends where a value was expected")]
    EndsBeforeValue,
    #[error("expected digits")]
    Digits,
    #[error("expected digits after the decimal point")]
    DigitsAfterPoint,
    #[error("expected digits in the exponent")]
    DigitsInExponent,
    #[error("unfinished escape")]
    UnfinishedEscape,
    #[error("a lone surrogate is not a character")]
    LoneSurrogate,
    #[error("unknown escape")]
    UnknownEscape,
    #[error("a control character inside a string")]
    ControlInString,
    #[error("the document ends inside a string")]
    EndsInString,
    #[error("expected four hex digits after \\u")]
    HexDigits,
    #[error("expected , or ] in a list")]
    ListSeparator,
    #[error("expected a field name in quotes")]
    FieldName,
    #[error("expected : after the field name")]
    Colon,
    #[error("expected , or }} in an object")]
    ObjectSeparator,
}

/// What the web form's first-load module leaves to the whole module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LeftOut {
    /// Places in a table (core's `tables` feature).
    Tables,
    /// Weights from CSV (`csv_keys`).
    Csv,
    /// A population file's text (the Statbank reader).
    PopulationText,
}

/// Why no rounding of a table's cells meets its totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableMiss {
    #[error("too large")]
    TooLarge,
    #[error("row {row} is below its cells rounded down")]
    RowBelow { row: usize },
    #[error("column {column} is below its cells rounded down")]
    ColumnBelow { column: usize },
    #[error("the row totals and the column totals add up to different numbers")]
    TotalsDiffer,
    #[error("the totals are not roundings of the exact sums")]
    NotRoundings,
    #[error("the margins could not be met")]
    MarginsUnmet,
}

/// Why a file is not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileRefusal {
    /// No file access was given (a document's default).
    #[error("files are not read here; give the CSV as csv.text (or allow file access)")]
    NoAccess,
    /// The build reads no files (the browser).
    #[error("files are not available here; give the CSV text")]
    NoFiles,
    /// An absolute path or `..` where only the document's folder is read.
    #[error("only paths inside the document's folder are read (no absolute paths, no ..)")]
    OutsideFolder,
    /// A link pointing out of the document's folder.
    #[error("a link to outside the document's folder; only files inside it are read")]
    LinkOutside,
    /// A folder, pipe or device.
    #[error("not a regular file (a folder, a pipe or a device is not read)")]
    NotRegular,
    /// More bytes than read.
    #[error("over {mib} MiB; split it")]
    TooLarge { mib: usize },
    /// The system could not read it (`os` is the system's own message).
    #[error("cannot read: {os}")]
    CannotRead { kind: IoKind, os: String },
    /// The document's folder could not be read.
    #[error("the folder cannot be read: {os}")]
    FolderUnreadable { kind: IoKind, os: String },
}

/// What the system said of a file, for people (its own message is English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IoKind {
    /// No such file or folder.
    NotFound,
    /// No permission.
    PermissionDenied,
    /// Anything else.
    Other,
}

impl IoKind {
    /// The kind of a system error.
    pub fn of(e: &std::io::Error) -> IoKind {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoKind::NotFound,
            std::io::ErrorKind::PermissionDenied => IoKind::PermissionDenied,
            _ => IoKind::Other,
        }
    }
}

/// A typed detail of an error: each kind with what a message needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    // ---- Reading a document: the kinds serde's readers have ----
    /// A field the object does not know; `expected` lists those it does.
    #[error("unknown field `{name}`, expected one of {}", expected.join(", "))]
    UnknownField { name: String, expected: Vec<String> },
    /// A field that must be there.
    #[error("missing field `{name}`")]
    MissingField { name: String },
    /// A value of the wrong kind.
    #[error("expected {expected}, got {found}")]
    WrongType { expected: JsonKind, found: JsonKind },
    /// Text that is none of the choices.
    #[error("{}: use {}", quoted(value), choices(expected))]
    UnknownVariant {
        value: String,
        expected: Vec<String>,
    },
    /// A field given twice in one object.
    #[error("the field {} is given twice; give it once", quoted(name))]
    DuplicateField { name: String },
    /// A list of the wrong length.
    #[error("expected {expected} values, found {found}")]
    WrongLength { expected: usize, found: usize },
    /// JSON text that is not JSON, where.
    #[error("{what} at line {line} column {column}")]
    Syntax {
        what: Syntax,
        line: u64,
        column: u64,
    },
    /// Data nested deeper than a document may be.
    #[error("nested deeper than {levels} levels")]
    TooDeep { levels: usize },
    /// A float that is NaN or infinite.
    #[error("{value} is not a number a document can hold")]
    NotFinite { value: String },
    /// A tie rule that is none of its shapes.
    #[error("use \"order\", \"error\" or {{\"priority\": [ids]}}")]
    TieRuleShape,
    /// A document version this library does not read.
    #[error("version {found} is not supported; this library reads version {supported}")]
    Version { found: u32, supported: u32 },

    // ---- Numbers ----
    /// A number with a fraction where a whole one is wanted.
    #[error("expected a whole number")]
    NotWhole,
    /// A whole number out of a type's range.
    #[error("expected a whole number from {min} to {max}")]
    WholeOutOfRange { min: String, max: String },

    // ---- The document's shape ----
    /// Exactly one of these fields (none or several were given).
    #[error("give exactly one of {}", and_list(fields))]
    ExactlyOne { fields: Vec<String> },
    /// Two fields that exclude each other.
    #[error("give {first} or {second}, not both")]
    NotBoth { first: String, second: String },
    /// `rounding` with both a money unit and places.
    #[error("give unit (money) or places (whole units), not both")]
    UnitOrPlaces,
    /// `rounding.ties` beside `rounding.places`.
    #[error("for places, give ties inside places")]
    TiesInsidePlaces,
    /// A total of places that is no whole number.
    #[error("{total} is not a whole, non-negative number of places")]
    NotWholePlaces { total: String },
    /// More places than the engine counts.
    #[error("too many places")]
    TooManyPlaces,
    /// A cost split rounding places.
    #[error("parts split money; give rounding.unit")]
    PartsSplitMoney,
    /// No scenario.
    #[error("give at least one scenario with a total")]
    NoScenario,
    /// Two scenarios with one name.
    #[error(
        "the scenario name {} is used twice; give each scenario its own name",
        quoted(name)
    )]
    ScenarioTwice { name: String },
    /// A field given without the one it belongs to.
    #[error("given without {needs}")]
    GivenWithout { needs: String },
    /// A summary's `places` where the document does not round places, or
    /// none where it does.
    #[error("give it exactly when the document rounds places")]
    SummaryPlaces,
    /// A scenario's `part` without a cost split.
    #[error("part names a part of a cost split: use it with parts")]
    PartWithoutParts,
    /// `years` with a nest or parts.
    #[error("years work with a key (not with nest or parts)")]
    YearsNeedKey,
    /// A nest given a money unit or money ties.
    #[error("a nest apportions whole places: give the method, limits and ties in rounding.places (between groups) and nest.member_places (within them)")]
    NestRoundsPlaces,
    /// Flat rounding given options within groups too.
    #[error("flat rounding is one apportionment over all members: give its options once, in rounding.places")]
    FlatOptionsOnce,
    /// Ages asked of the embedded population.
    #[error("the embedded population has no ages; give a Statbank file with them (file or text)")]
    EmbeddedHasNoAges,
    /// What this build leaves to the web form's whole module.
    #[error("{}", left_out(*what))]
    LeftOut { what: LeftOut },

    // ---- Numbers people and programs write ----
    /// NaN or infinity.
    #[error("NaN and infinity are not numbers; a number is digits with an optional exponent")]
    NanOrInfinity,
    /// A JSON number whose exponent no decimal reaches.
    #[error(
        "{} has an exponent beyond a decimal's range (28 places, up to 7.9·10^28)",
        quoted(number)
    )]
    ExponentBeyondRange { number: String },
    /// A JSON number with more digits than a decimal holds.
    #[error(
        "{} has more digits than a decimal holds (28 significant digits)",
        quoted(number)
    )]
    DigitsBeyondRange { number: String },
    /// Text that is no decimal as programs write it.
    #[error("write digits with an optional sign and decimal point, like 1250.50")]
    DigitsForm,
    /// Text with more digits than a decimal holds.
    #[error("more digits than a decimal holds (28 significant digits); nothing is rounded")]
    TooManyDigits,
    /// A whole number below zero.
    #[error("expected a whole number from 0 up")]
    WholeFromZero,
    /// A whole number above the largest allowed.
    #[error("{value} is more than the largest allowed, {max}")]
    MoreThanAllowed { value: String, max: u64 },

    /// An amount's share too large to work out exactly.
    #[error("{amount} as {share} of a whole is too large to work out exactly")]
    ShareTooLarge { amount: String, share: String },
    /// A share of a part outside (0, 1].
    #[error("the part's share must be above 0 and at most 1")]
    PartShareAboveZero,
    /// A weight beyond 96 bits at the weights' common scale.
    #[error("weight {weight} needs more than 96 bits at the common scale of {scale} decimal places; the weights span too many orders of magnitude for exact apportionment")]
    WeightSpan { weight: String, scale: u32 },
    /// A product with more digits than a decimal holds.
    #[error("{a} × {b} has more digits than an exact decimal can hold (28 digits)")]
    ProductTooLong { a: String, b: String },
    /// A sum too large.
    #[error("{a} + {b} is too large")]
    SumTooLarge { a: String, b: String },
    /// A sum with more digits than a decimal holds.
    #[error("{a} + {b} has more digits than an exact decimal can hold")]
    SumTooLong { a: String, b: String },
    /// An amount with more units than counted.
    #[error("{amount} in units of {unit} is too many units")]
    TooManyUnits { amount: String, unit: String },

    // ---- Shares and limits ----
    /// A fixed share outside 0..=1.
    #[error("a share must be between 0 and 1 (7.2 % is 0.072)")]
    ShareRange,
    /// Fixed shares adding up to more than one.
    #[error("the fixed shares add up to more than 1 (100 %)")]
    FixedOverOne,
    /// A cost split's part outside 0..=1.
    #[error("a part's share is from 0 to 1")]
    PartShareRange,
    /// A cost split's parts not adding up to one.
    #[error("the parts of a cost split must add up to exactly 1")]
    PartsNotOne,
    /// A blend weight below zero.
    #[error("a blend weight must be zero or more")]
    BlendWeightNegative,
    /// Blend weights not adding up to one.
    #[error("the blend weights must add up to exactly 1")]
    BlendNotOne,
    /// A party whose minimum is above its maximum.
    #[error("party {party} has minimum {minimum} above its maximum {maximum}")]
    MinimumAboveMaximum {
        party: String,
        minimum: u64,
        maximum: u64,
    },
    /// Minimums above the total.
    #[error("the minimums add up to {sum}, more than the {total} units")]
    MinimumsAboveTotal { sum: u128, total: u64 },
    /// Maximums below the total.
    #[error("the maximums add up to {sum}, fewer than the {total} units (a party with zero weight counts with its minimum)")]
    MaximumsBelowTotal { sum: u128, total: u64 },

    // ---- Files ----
    /// A file not read, and why.
    #[error("{}: {why}", quoted(path))]
    FileRefused { path: String, why: FileRefusal },
    /// Bytes that are not UTF-8.
    #[error("not UTF-8 text (byte {byte} is not); save the file as UTF-8")]
    NotUtf8 { byte: u64 },

    // ---- Options ----
    /// A method's name that is none of them.
    #[error("unknown method {}; use one of hamilton, dhondt, sainte_lague, modified_sainte_lague, huntington_hill, adams, dean (aliases: largest_remainder, jefferson, webster)", quoted(name))]
    UnknownMethod { name: String },
    /// A region's name that is none of the five.
    #[error("unknown region {}{}; the regions are Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland", quoted(name), closest.as_ref().map(|c| format!(" (did you mean {c}?)")).unwrap_or_default())]
    UnknownRegion {
        name: String,
        closest: Option<String>,
    },
    /// A decimal separator that is neither `,` nor `.`.
    #[error("{}: the decimal separator is \",\" or \".\"", quoted(given))]
    DecimalMark { given: String },
    /// A name two parties have.
    #[error("{} is the name of {} parties ({}); name one by its id", quoted(name), ids.len(), ids.join(", "))]
    NameOfSeveral { name: String, ids: Vec<String> },
    /// An unknown or repeated SOSU programme.
    #[error("unknown or repeated programme {}; the programmes are {}, each once", quoted(name), known.iter().map(|k| quoted(k)).collect::<Vec<_>>().join(", "))]
    Programme { name: String, known: Vec<String> },
    // ---- A document's analyses and options ----
    /// Parties without an actual figure (`actual`).
    #[error(
        "no actual figure for {}; give every party's, 0 where it had none",
        super::quoted_list(ids)
    )]
    MissingActual { ids: Vec<String> },
    /// A year's fraction outside 0..=1.
    #[error("a year's fraction must be between 0 and 1")]
    YearFractionRange,
    /// Years' fractions not adding up to one.
    #[error("the fractions of the years must add up to exactly 1")]
    YearsNotOne,
    /// Minimum or maximum places with a year profile.
    #[error("a year profile with minimum or maximum places is not supported")]
    YearsWithLimits,
    /// `first_divisor` with another method.
    #[error("first_divisor applies only to modified_sainte_lague, not {method}")]
    FirstDivisorMethod { method: String },
    /// A first divisor outside (0, 3).
    #[error("first divisor {value} must be above 0 and below 3 (the second divisor)")]
    FirstDivisorRange { value: rust_decimal::Decimal },
    /// A first divisor with more than 9 decimal places.
    #[error("first divisor {value} has more than 9 decimal places")]
    FirstDivisorPlaces { value: rust_decimal::Decimal },
    /// A part's amount whose whole's split does not give it back.
    #[error("{amount} for {id} makes a whole of {whole}, whose split gives it {got}; give the whole instead")]
    PartNotGivenBack {
        amount: rust_decimal::Decimal,
        id: String,
        whole: rust_decimal::Decimal,
        got: rust_decimal::Decimal,
    },
    /// Limits within groups that are neither one for all nor by member id.
    #[error("within groups, give one limit for all or limits by member id")]
    MemberLimits,
    /// Members named by index within groups.
    #[error("within groups, name members by id")]
    MembersById,
    /// A table without a key or without whole places.
    #[error("a table works with a key and whole places (rounding.places)")]
    TableNeedsPlaces,
    /// A table's column totals not adding up to the scenario's places.
    #[error("the columns' totals must add up to the scenario's {places} places")]
    ColumnTotals { places: u128 },

    // ---- Tables (biproportional apportionment, a table's cells) ----
    /// A method whose first divisor is zero for a table.
    #[error("biproportional apportionment needs a divisor method whose first divisor is above zero: dhondt, sainte_lague or modified_sainte_lague, not {method}")]
    TableMethod { method: String },
    /// A priority list for a table.
    #[error("a priority list does not apply to a table; use \"order\" or \"error\"")]
    TablePriority,
    /// Row totals and column totals adding up differently.
    #[error("the rows' totals add up to {rows} and the columns' to {columns}; they must be equal")]
    TotalsDiffer { rows: u64, columns: u64 },
    /// A row that must get units with no cell that can take them.
    #[error(
        "row {row} must get {units} unit(s) but has no cell with weight in a column that gets any"
    )]
    RowWithoutCell { row: usize, units: u64 },
    /// A column that must get units with no cell that can take them.
    #[error("column {column} must get {units} unit(s) but has no cell with weight in a row that gets any")]
    ColumnWithoutCell { column: usize, units: u64 },
    /// No whole table meets the totals with zero cells kept at zero.
    #[error("no table of whole units meets every row and column total with the cells of zero weight kept at zero")]
    NoWholeTable,
    /// No rounding of a table's cells meets its totals, and why.
    #[error("no rounding of the cells meets every row and column total: {why}")]
    NoRounding { why: TableMiss },

    /// A CSV column named by an option in a file without a header.
    #[error("the column {} is named, but the file has no header", quoted(name))]
    ColumnWithoutHeader { name: String },
    /// An .xlsx file over the size andel reads.
    #[cfg(feature = "excel")]
    #[error("the Excel file: over {mib} MiB; split it")]
    ExcelTooLarge { mib: usize },
    /// An .xlsx file that cannot be read (`reason`: the reader's English).
    #[cfg(feature = "excel")]
    #[error("the Excel file: {reason}")]
    ExcelUnreadable { reason: String },
    /// An .xlsx file without sheets.
    #[cfg(feature = "excel")]
    #[error("the Excel file: no sheets")]
    ExcelNoSheets,
    /// A sheet name that the workbook does not have.
    #[cfg(feature = "excel")]
    #[error(
        "no sheet named {}; the sheets are {}",
        quoted(name),
        super::quoted_list(sheets)
    )]
    NoSheetNamed { name: String, sheets: Vec<String> },
    /// A workbook that could not be written (`reason`: the writer's English).
    #[cfg(feature = "excel")]
    #[error("the Excel file: {reason}")]
    ExcelNotWritten { reason: String },

    // ---- The command line's options (only a build that reads files has
    // the command line; the web form's modules carry none of these) ----
    /// `--ages` that is no age span.
    #[cfg(feature = "fs")]
    #[error("{}: write 65- (65 and over), 0-17 or 80", quoted(given))]
    AgesForm { given: String },
    /// `--format xlsx` without `--output`.
    #[cfg(feature = "fs")]
    #[error("--format xlsx writes a workbook: give --output FILE")]
    XlsxNeedsOutput,
    /// `--numbers` with `--format xlsx`.
    #[cfg(feature = "fs")]
    #[error("--numbers is for table and csv output; xlsx writes numbers as numbers")]
    NumbersInXlsx,
    /// `--numbers` with `--format json`.
    #[cfg(feature = "fs")]
    #[error("--numbers is for table and csv output; json writes exact plain numbers")]
    NumbersInJson,
    /// `--language` where the output keeps machine names.
    #[cfg(feature = "fs")]
    #[error("--language is for tables and Danish Excel CSV; json and plain CSV keep stable machine names")]
    LanguageInMachineOutput,
    /// `--scenario` naming none of the document's scenarios.
    #[cfg(feature = "fs")]
    #[error("no scenario named {}; the scenarios are {}", quoted(name), names.iter().map(|n| quoted(n)).collect::<Vec<_>>().join(", "))]
    NoScenarioNamed { name: String, names: Vec<String> },
    /// `--explain` with `--format` or `--output`.
    #[cfg(feature = "fs")]
    #[error("--explain prints sentences; --format and --output do not apply")]
    ExplainPrintsSentences,
    /// `--format xlsx` for a command that writes no result.
    #[cfg(feature = "fs")]
    #[error("xlsx is for results (split, apportion, compute); use csv here")]
    XlsxForResults,
    /// Neither weights nor the embedded population chosen.
    #[cfg(feature = "fs")]
    #[error("give --weights FILE, or --region and/or --year for the embedded population (--population FILE for your own)")]
    NoWeights,
    /// A CSV option without a CSV file.
    #[cfg(feature = "fs")]
    #[error("--{option} is for a CSV file (--weights); the embedded population has none")]
    CsvOptionWithoutFile { option: String },
    /// An option of the embedded population beside `--weights`.
    #[cfg(feature = "fs")]
    #[error("--{option} chooses the embedded population; give it or --weights, not both")]
    EmbeddedOrWeights { option: String },
    /// A file or stream the command line cannot write (`os`: the system's
    /// own message).
    #[cfg(feature = "fs")]
    #[error("{}: cannot write: {os}", quoted(path))]
    CannotWrite {
        path: String,
        io: IoKind,
        os: String,
    },
    /// A folder without key documents.
    #[cfg(feature = "fs")]
    #[error("{}: no key documents (*.json)", quoted(folder))]
    NoDocuments { folder: String },
    /// `--sheet` for a file that is no workbook.
    #[cfg(feature = "fs")]
    #[error("--sheet is for an .xlsx file; {path} is not one")]
    SheetNotXlsx { path: String },
}

impl Problem {
    /// What the web form's first-load module leaves to the whole module
    /// (`needsMore`), when this is that.
    pub fn left_out(&self) -> Option<LeftOut> {
        match self {
            Problem::LeftOut { what } => Some(*what),
            _ => None,
        }
    }
}

fn left_out(what: LeftOut) -> &'static str {
    match what {
        LeftOut::Tables => TABLES_LEFT_OUT,
        LeftOut::Csv => CSV_LEFT_OUT,
        LeftOut::PopulationText => POPULATION_LEFT_OUT,
    }
}

/// `"a", "b" or "c"`.
fn choices(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|c| quoted(c)).collect();
    joined(&quoted, " or ")
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    joined(items, " and ")
}

fn joined(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., end] => format!("{}{last}{end}", rest.join(", ")),
    }
}
