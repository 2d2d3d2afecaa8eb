//! The one error type of andel.
//!
//! Every variant names the offending field (a path such as `weights[3]` or
//! `key.fixed[0].share`) or party, and has a stable [`Error::code`] that the
//! Python and JavaScript bindings use to pick an exception class.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod detail;
pub use detail::{
    Detail, FileRefusal, IoKind, JsonKind, LeftOut, Problem, Syntax, TableMiss, CSV_LEFT_OUT,
    MAX_DEPTH, POPULATION_LEFT_OUT, TABLES_LEFT_OUT,
};

/// Everything that can go wrong in andel. No input, however bad, panics: it
/// ends up here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// A weight is below zero.
    #[error("{field}: weight {value} is negative; weights must be zero or more")]
    NegativeWeight { field: String, value: Decimal },
    /// Every weight is zero, so there is nothing to be proportional to.
    #[error("{field}: all weights are zero; at least one must be positive")]
    ZeroTotalWeight { field: String },
    /// There are no parties at all.
    #[error("{field}: there are no parties")]
    NoParties { field: String },
    /// Two parties share an id.
    #[error("{field}: party id {} appears more than once", quoted(id))]
    DuplicateParty { field: String, id: String },
    /// A party id that is not in the key or data.
    #[error("{field}: unknown party {}", quoted(id))]
    UnknownParty { field: String, id: String },
    /// A municipality named where the parties are asked for, that is not
    /// among them (one of another region): its code `unknown_party`, as
    /// [`Error::UnknownParty`], whose kind it is.
    #[error(
        "{field}: {} is a municipality in Region {region}, not among the parties",
        quoted(name)
    )]
    MunicipalityNotAParty {
        field: String,
        /// Its name, as Statistics Denmark spells it.
        name: String,
        /// The municipality's region (`Midtjylland`).
        region: String,
    },
    /// A share outside 0..=1, or fixed shares adding up to more than one.
    #[error("{field}: share {value} is invalid: {reason}")]
    InvalidShare {
        field: String,
        value: Decimal,
        reason: Detail,
    },
    /// Minimums and maximums that no allocation can meet.
    #[error("{field}: infeasible: {reason}")]
    Infeasible { field: String, reason: Detail },
    /// Several parties stood exactly equal for the last unit(s) and the tie
    /// rule says to fail (or the priority order did not name them all).
    #[error(
        "tie for {units} unit(s) between parties {}: {reason}",
        quoted_list(parties)
    )]
    Tie {
        parties: Vec<String>,
        units: u64,
        reason: String,
    },
    /// A number too large for exact arithmetic.
    #[error("{field}: overflow: {detail}")]
    Overflow { field: String, detail: Detail },
    /// A rounding unit that is zero or negative.
    #[error("{field}: unit {value} must be positive")]
    InvalidUnit { field: String, value: Decimal },
    /// An amount that is not a whole number of rounding units.
    #[error("{field}: amount {amount} is not a whole number of units of {unit}")]
    NotMultipleOfUnit {
        field: String,
        amount: Decimal,
        unit: Decimal,
    },
    /// An option with a value it cannot take.
    #[error("{field}: {message}")]
    InvalidOption { field: String, message: Detail },
    /// A number that is not a valid decimal (NaN, infinity, garbage text).
    #[error("{field}: {} is not a valid number here: {reason}", quoted(value))]
    InvalidNumber {
        field: String,
        value: String,
        reason: Detail,
    },
    /// Two inputs that must have the same length do not.
    #[error("{field}: expected {expected} values, found {found}")]
    LengthMismatch {
        field: String,
        expected: usize,
        found: usize,
    },
    /// A malformed CSV file. `problem` says which problem, with its
    /// details as fields, for a front end to say in its own language
    /// (`present`); `message` is the English text.
    #[error("CSV line {line}{}: {message}", column.as_ref().map(|c| format!(", column {}", short(c))).unwrap_or_default())]
    Csv {
        line: u64,
        column: Option<String>,
        message: String,
        // The web form's first-load module reads no CSV (it has no CSV
        // problem to send) and carries no writer of them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(
            all(target_arch = "wasm32", not(feature = "csv_keys")),
            serde(skip_serializing)
        )]
        problem: Option<Box<CsvProblem>>,
    },
    /// A municipality name or code we do not know.
    #[error(
        "{field}: unknown municipality {}{}",
        quoted(query),
        suggest(suggestions)
    )]
    UnknownMunicipality {
        field: String,
        query: String,
        suggestions: Vec<String>,
    },
    /// A population year we do not ship.
    #[error("{field}: no population data for {year}; years available: [{}]", available.iter().map(i32::to_string).collect::<Vec<_>>().join(", "))]
    UnknownYear {
        field: String,
        year: i32,
        available: Vec<i32>,
    },
    /// A key document that cannot be read (unknown field, wrong type, bad JSON).
    #[error("{field}: {message}")]
    Document { field: String, message: Detail },
    /// A file that cannot be read.
    #[error("{field}: {message}")]
    Io { field: String, message: Detail },
    /// A party id with a control or invisible character (a NUL, a zero
    /// width, a bidirectional control): two ids that print the same would
    /// be two parties.
    #[error("{field}: party id {} has {reason}; ids are visible text", quoted(id))]
    InvalidId {
        field: String,
        id: String,
        reason: String,
    },
    /// A broken invariant of andel itself, never the input's fault (unlike
    /// [`Error::Infeasible`], which is about the caller's limits): a bug to
    /// report, said as what the code found.
    #[error("{}internal error ({message}); please report it", if field.is_empty() { String::new() } else { format!("{field}: ") })]
    Internal { field: String, message: String },
    /// A population file without a figure for a municipality the key needs.
    #[error("{field}: the population file has no figure for {name} ({municipality})")]
    MissingMunicipality {
        field: String,
        municipality: String,
        name: String,
    },
    /// A population file without the period asked for.
    #[error("{field}: the population file has no period {}; it has [{}]", if asked.is_empty() { "chosen (give the year)".to_string() } else { format!("of {asked}") }, available.join(", "))]
    PeriodNotInFile {
        field: String,
        asked: String,
        available: Vec<String>,
    },
    /// A population file whose age groups cannot give the range asked for.
    #[error("{field}: the population file's age groups [{}] cannot give {ages} exactly", groups.join(", "))]
    AgesNotInFile {
        field: String,
        /// The range asked for, in English (`65 years and over`).
        ages: String,
        /// The range's first age (0 when absent), for other languages.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<u32>,
        /// Its last age (no bound when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<u32>,
        groups: Vec<String>,
    },
    /// Bytes that are not text in the encoding their byte order mark
    /// names (UTF-16 cut in the middle of a character, a lone surrogate);
    /// `offset` is the byte's place in the file, from 1.
    #[error("{field}{}the file is not {encoding} text at byte {offset}: {message}", if field.is_empty() { "" } else { ": " })]
    Encoding {
        field: String,
        encoding: String,
        offset: u64,
        message: String,
    },
}

/// The most characters of a caller's text an error message shows; longer
/// text is cut, with its length said.
pub const QUOTED_CHARS: usize = 80;

/// Whether `c` is a control character or one that shows nothing or moves
/// text about: no-break and other odd spaces, zero widths, soft hyphen,
/// byte-order mark, bidirectional controls.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

/// The first control or invisible character of a party id, said for
/// [`Error::InvalidId`]; `None` for an id that is all visible text (spaces
/// inside are fine).
pub fn hidden_in_id(id: &str) -> Option<&'static str> {
    id.chars()
        .any(is_hidden)
        .then_some("an invisible or control character")
}

/// An [`Error::InvalidId`] at `field` when `id` has a hidden character.
pub fn check_id(id: &str, field: &dyn Fn() -> String) -> Result<()> {
    match hidden_in_id(id) {
        None => Ok(()),
        Some(reason) => Err(Error::InvalidId {
            field: field(),
            id: id.to_string(),
            reason: reason.into(),
        }),
    }
}

/// `text` with every hidden character ([`is_hidden`]) written as an escape
/// (`\n`, `\t`, `\u{200b}`) and, with `quotes`, `"` and `\` escaped: what a
/// message, a terminal or a table shows of a caller's text.
pub fn escaped(text: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' if quotes => out.push_str("\\\""),
            '\\' if quotes => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// What is wrong in a CSV file, with the details a message needs. Its
/// `Display` is the English message of [`Error::Csv`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CsvProblem {
    /// A number the decimal comma and the decimal point read differently
    /// (`1.250`), in a file that does not say which it uses.
    #[error("{} could be read with a decimal comma or a decimal point; say which with the option decimal: \",\" or \".\"", quoted(text))]
    AmbiguousDecimal { text: String },
    /// A column with numbers only a decimal comma reads and others only a
    /// decimal point reads.
    #[error("the column mixes a decimal comma ({}, line {comma_line}) and a decimal point ({}, line {point_line}); say which with the option decimal: \",\" or \".\"", quoted(comma), quoted(point))]
    MixedDecimals {
        comma: String,
        comma_line: u64,
        point: String,
        point_line: u64,
    },
    /// A number the decimal mark asked for cannot read.
    #[error("{} is not a number with the decimal separator {}", quoted(text), quoted_char(*mark))]
    NotANumberWithMark { text: String, mark: char },
    /// A weight cell that is no number.
    #[error("{} is not a number", quoted(text))]
    NotANumber { text: String },
    /// A weight cell no decimal mark reads (`reason` says why, in English).
    #[error("{} is not a valid number here: {reason}", quoted(text))]
    InvalidNumber { text: String, reason: String },
    /// A column named by an option that the header does not have.
    #[error(
        "no {what} column named {}; the header is {}",
        quoted(name),
        quoted_list(header)
    )]
    NoColumn {
        what: String,
        name: String,
        header: Vec<String>,
    },
    /// A weight below zero.
    #[error("weight {value} is negative")]
    NegativeWeight { value: Decimal },
    /// A party given twice.
    #[error("party {} appears twice (filter the file to one period)", quoted(id))]
    RepeatedParty { id: String },
    /// A row with more or fewer cells than the header (or the first row).
    #[error("the row has {found} cells where the {} has {expected}", if *header { "header" } else { "first row" })]
    RowWidth {
        found: usize,
        expected: usize,
        header: bool,
    },
    /// A quote never closed.
    #[error("a quote opened here is never closed")]
    OpenQuote,
    /// Text after a closing quote.
    #[error("text ({}) after a closing quote; a quote inside a quoted cell is written twice (\"\")", quoted_char(*found))]
    TextAfterQuote { found: char },
    /// No text at all.
    #[error("the file is empty")]
    Empty,
    /// A row without a name or id.
    #[error("empty party id")]
    EmptyId,
    /// A party id with a control or invisible character.
    #[error(
        "party id {} has an invisible or control character; ids are visible text",
        quoted(id)
    )]
    InvalidId { id: String },
    /// No party rows.
    #[error("there are no parties")]
    NoParties,
    /// Every weight is zero.
    #[error("all weights are zero; at least one must be positive")]
    ZeroTotal,
    /// More text than andel reads.
    #[error("the text is over {mib} MiB; split it")]
    TooLarge { mib: usize },
    /// A Statbank file without its area column.
    #[error("the file has no OMRÅDE column: the municipalities cannot be found")]
    NoAreaColumn,
    /// A file that is neither of Statbank's two exports.
    #[error("neither an INDHOLD column (the API's CSV) nor periods such as 2026K1 in the header (the web's matrix export)")]
    NotStatbank,
    /// A Statbank figure that is no count of people.
    #[error("{} is not a number of people", quoted(text))]
    NotPeople { text: String },
    /// A Statbank age label that is no age group.
    #[error("{} is not an age group", quoted(text))]
    NotAgeGroup { text: String },
    /// A Statbank area that is no municipality (nor a total).
    #[error("{} is not a municipality", quoted(text))]
    NotMunicipality { text: String },
}

impl Error {
    /// A CSV error at `line` (and `column`) about `problem`.
    pub fn csv(line: u64, column: Option<String>, problem: CsvProblem) -> Error {
        Error::Csv {
            line,
            column,
            message: problem.to_string(),
            problem: Some(Box::new(problem)),
        }
    }
}

/// `text` in double quotes as `{:?}` shows ordinary text: `\` and `"`
/// escaped, tab, line breaks and NUL as `\t`, `\n`, `\r`, `\0`, and other
/// control or invisible characters (no-break and other odd spaces, zero
/// widths, a byte-order mark) as `\u{…}`, so a message shows what is really
/// in a cell. (Rust's own `{:?}` would bring Unicode tables into the web
/// build for little more.)
pub fn quoted(text: &str) -> String {
    // A caller's text may be a whole file or a 100.000-digit number: the
    // message shows its start, escaped, and says how long it is.
    if let Some((end, _)) = text.char_indices().nth(QUOTED_CHARS) {
        let count = text.chars().count();
        return format!("\"{}…\" ({count} characters)", escaped(&text[..end], true));
    }
    format!("\"{}\"", escaped(text, true))
}

/// A character in single quotes, escaped as [`quoted`] escapes text.
pub(crate) fn quoted_char(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '"' => "'\"'".into(),
        c => {
            let text = quoted(c.encode_utf8(&mut [0; 4]));
            let inner = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
            format!("'{}'", inner.unwrap_or_default())
        }
    }
}

/// Texts as `{:?}` shows a list of them: `["A", "B"]`.
pub(crate) fn quoted_list(texts: &[String]) -> String {
    const MOST: usize = 12;
    let mut items: Vec<String> = texts.iter().take(MOST).map(|t| quoted(t)).collect();
    if texts.len() > MOST {
        items.push(format!("… ({} in all)", texts.len()));
    }
    format!("[{}]", items.join(", "))
}

/// A column's name as a message shows it: escaped, and cut when long (a
/// file that is no CSV has a whole line as its one column).
fn short(text: &str) -> String {
    let q = quoted(text);
    if q.len() == text.len() + 2 {
        text.to_string()
    } else {
        q
    }
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// Runs `$some` with the error's field bound to `$f`, or gives `$none` for
/// the kinds without one (ties and CSV errors, which name parties and lines).
macro_rules! with_field {
    ($e:expr, $f:ident => $some:expr, $none:expr) => {
        match $e {
            Error::NegativeWeight { field: $f, .. }
            | Error::ZeroTotalWeight { field: $f }
            | Error::NoParties { field: $f }
            | Error::DuplicateParty { field: $f, .. }
            | Error::UnknownParty { field: $f, .. }
            | Error::MunicipalityNotAParty { field: $f, .. }
            | Error::InvalidShare { field: $f, .. }
            | Error::Infeasible { field: $f, .. }
            | Error::Overflow { field: $f, .. }
            | Error::InvalidUnit { field: $f, .. }
            | Error::NotMultipleOfUnit { field: $f, .. }
            | Error::InvalidOption { field: $f, .. }
            | Error::InvalidNumber { field: $f, .. }
            | Error::LengthMismatch { field: $f, .. }
            | Error::UnknownMunicipality { field: $f, .. }
            | Error::UnknownYear { field: $f, .. }
            | Error::Document { field: $f, .. }
            | Error::Internal { field: $f, .. }
            | Error::Io { field: $f, .. }
            | Error::InvalidId { field: $f, .. }
            | Error::Encoding { field: $f, .. }
            | Error::MissingMunicipality { field: $f, .. }
            | Error::PeriodNotInFile { field: $f, .. }
            | Error::AgesNotInFile { field: $f, .. } => $some,
            Error::Tie { .. } | Error::Csv { .. } => $none,
        }
    };
}

impl Error {
    /// A stable, machine-readable code for this kind of error.
    ///
    /// # Example
    /// ```
    /// use andel_core::{apportion, Options};
    /// use rust_decimal::Decimal;
    /// let err = apportion(&[Decimal::from(-1)], 3, &Options::default()).unwrap_err();
    /// assert_eq!(err.code(), "negative_weight");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::NegativeWeight { .. } => "negative_weight",
            Error::ZeroTotalWeight { .. } => "zero_total_weight",
            Error::NoParties { .. } => "no_parties",
            Error::DuplicateParty { .. } => "duplicate_party",
            Error::UnknownParty { .. } | Error::MunicipalityNotAParty { .. } => "unknown_party",
            Error::InvalidShare { .. } => "invalid_share",
            Error::Infeasible { .. } => "infeasible",
            Error::Tie { .. } => "tie",
            Error::Overflow { .. } => "overflow",
            Error::InvalidUnit { .. } => "invalid_unit",
            Error::NotMultipleOfUnit { .. } => "not_multiple_of_unit",
            Error::InvalidOption { .. } => "invalid_option",
            Error::InvalidNumber { .. } => "invalid_number",
            Error::LengthMismatch { .. } => "length_mismatch",
            Error::Csv { .. } => "csv",
            Error::UnknownMunicipality { .. } => "unknown_municipality",
            Error::UnknownYear { .. } => "unknown_year",
            Error::Document { .. } => "document",
            Error::Internal { .. } => "internal",
            Error::Io { .. } => "io",
            Error::InvalidId { .. } => "invalid_id",
            Error::Encoding { .. } => "encoding",
            Error::MissingMunicipality { .. } => "missing_municipality",
            Error::PeriodNotInFile { .. } => "period_not_in_file",
            Error::AgesNotInFile { .. } => "ages_not_in_file",
        }
    }

    /// The field path or party the error is about, when it has one.
    pub fn field(&self) -> Option<&str> {
        with_field!(self, f => Some(f.as_str()), None)
    }

    /// The same error with its field path put under `prefix`
    /// (`weights[2]` becomes `key.weights[2]`).
    pub fn under(mut self, prefix: &str) -> Self {
        let prefix = crate::FieldPath::from(prefix);
        with_field!(&mut self, f => {
            *f = crate::FieldPath::from(std::mem::take(f)).under(&prefix).into();
        }, ());
        self
    }

    /// The same error with the first name of its field path read as `to`
    /// where it is `from`: a caller's own name for an argument (core's
    /// `total` is the bindings' `seats`, `total[2]` becomes `seats[2]`).
    pub fn renamed(mut self, from: &str, to: &str) -> Self {
        let to = crate::FieldPath::from(to);
        with_field!(&mut self, f => {
            *f = crate::FieldPath::from(std::mem::take(f)).renamed(from, &to).into();
        }, ());
        self
    }

    /// The same error about another field.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        with_field!(&mut self, f => *f = field.into(), ());
        self
    }

    /// The same error about `field` when it names none (an error from a
    /// file's reader, whose field is the caller's option).
    pub fn with_field_if_empty(self, field: &str) -> Self {
        match self.field() {
            Some("") => self.with_field(field),
            _ => self,
        }
    }

    /// An [`Error::Internal`] about `field`: `message` says what broke.
    pub fn internal(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Internal {
            field: field.into(),
            message: message.into(),
        }
    }

    /// An overflow error about `field`.
    pub fn overflow(field: impl Into<String>, detail: impl Into<Detail>) -> Self {
        Error::Overflow {
            field: field.into(),
            detail: detail.into(),
        }
    }
}

/// andel's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// A broken invariant is its own kind, never a user's `infeasible`, in
    /// both languages and through serde (the bindings' `details`).
    #[test]
    fn an_internal_error_is_its_own_kind() {
        let e = Error::internal("nest", "a nested result without levels");
        assert_eq!(e.code(), "internal");
        assert_eq!(e.field(), Some("nest"));
        assert_eq!(
            e.to_string(),
            "nest: internal error (a nested result without levels); please report it"
        );
        assert_eq!(
            Error::internal("", "x").to_string(),
            "internal error (x); please report it"
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "internal");
        assert_eq!(serde_json::from_value::<Error>(json).unwrap(), e);
        assert_eq!(e.under("scenarios[0]").field(), Some("scenarios[0].nest"));
    }

    #[test]
    fn quoted_is_debug_for_ordinary_text_and_shows_invisible_characters() {
        for text in [
            "Aalborg",
            "Læsø",
            "a \"b\" c\\d",
            "tab\tline\nreturn\r",
            "",
            "'x'",
            "Ål €",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
        let list = vec!["A".to_string(), "B \"C\"".to_string()];
        assert_eq!(quoted_list(&list), format!("{list:?}"));
        for c in ['a', ',', '.', '\'', '"', '\\', '\n', 'ø'] {
            assert_eq!(quoted_char(c), format!("{c:?}"));
        }
        // No-break space, zero width space, byte-order mark: shown, not hidden.
        assert_eq!(quoted("1\u{a0}234"), "\"1\\u{a0}234\"");
        assert_eq!(quoted("\u{feff}x\u{200b}"), "\"\\u{feff}x\\u{200b}\"");
        let e = Error::UnknownYear {
            field: "year".into(),
            year: 1999,
            available: vec![2020, 2021],
        };
        assert_eq!(
            e.to_string(),
            "year: no population data for 1999; years available: [2020, 2021]"
        );
    }

    #[test]
    fn renamed_reads_the_first_name_of_a_field_path_only() {
        let e = |f: &str| Error::overflow(f, "x");
        let field = |e: Error| e.field().map(str::to_string);
        // Only a whole first name: `totals` and `a.total` are other fields.
        for (before, after) in [
            ("total", "seats"),
            ("total[2]", "seats[2]"),
            ("total.x", "seats.x"),
            ("totals", "totals"),
            ("a.total", "a.total"),
        ] {
            assert_eq!(
                field(e(before).renamed("total", "seats")),
                Some(after.into()),
                "{before}"
            );
        }
        let shown = e("total").renamed("total", "seats").to_string();
        assert!(shown.starts_with("seats: "), "{shown}");
    }
}
