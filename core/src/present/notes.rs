//! What reading a file told its reader ([`CsvNote`]), said in Danish or
//! English from the catalogues: the encoding, the Danish decimal comma,
//! the rows left out, what a Statbank population file gave.

use super::{da, Language, ReadMsg as R};
use crate::csv::{CsvNote, CsvWeights, DanishBy, LeftOut, ReadNote};
use crate::document::DocumentResult;
use crate::error::quoted;
use crate::number::format::{read_as, Mark};

/// A text from a file, quoted and escaped: «…» in Danish, "…" in English.
fn q(language: Language, text: &str) -> String {
    match language {
        Language::Da => da::q(text),
        Language::En => quoted(text),
    }
}

/// One left-out row: `linje 2 «Hele landet;5873420» (landstallet)`.
fn row(language: Language, line: u64, text: &str, why: LeftOut) -> String {
    let why = language.read_text(match why {
        LeftOut::NationalTotal => R::NationalTotal,
        LeftOut::RegionalTotal => R::RegionalTotal,
        LeftOut::Christianso => R::NotAMunicipality,
        LeftOut::SumOfOthers => R::SumOfOthers,
        LeftOut::Title => R::TitleLine,
        LeftOut::Footnote => R::FootnoteLine,
    });
    language.say_read(
        R::LeftOutRow,
        &[
            ("line", &line.to_string()),
            ("text", &q(language, text)),
            ("why", why),
        ],
    )
}

/// A note for people, in `language`; a row left out alone is a sentence of
/// its own ([`read_notes`] puts the rows of one file in one sentence).
///
/// # Example
/// ```
/// use andel_core::present::{read_note, Language};
/// use andel_core::tabular::{CsvNote, LeftOut};
/// let n = CsvNote::LeftOut { line: 2, text: "Hele landet;5873420".into(), why: LeftOut::NationalTotal };
/// assert_eq!(read_note(&n, Language::Da), "udeladt linje 2 «Hele landet;5873420» (landstallet)");
/// assert_eq!(read_note(&n, Language::En), "left out line 2 \"Hele landet;5873420\" (the national total)");
/// ```
pub fn read_note(note: &CsvNote, language: Language) -> String {
    match note {
        CsvNote::Encoding { encoding } => {
            language.say_read(R::ReadAsEncoding, &[("encoding", encoding.name())])
        }
        CsvNote::DanishThousands {
            line,
            text,
            because,
        } => {
            let why = language.read_text(match because {
                DanishBy::Semicolons => R::BecauseSemicolons,
                DanishBy::Tabs => R::BecauseTabs,
                DanishBy::Header => R::BecauseHeader,
            });
            // The cell as it was read: plain digits, the same in both languages.
            let reading = read_as(text, Mark::Comma)
                .ok()
                .flatten()
                .map(|d| d.to_string())
                .unwrap_or_default();
            language.say_read(
                R::DanishThousands,
                &[
                    ("line", &line.to_string()),
                    ("text", &q(language, text)),
                    ("reading", &reading),
                    ("why", why),
                ],
            )
        }
        CsvNote::LeftOut { line, text, why } => {
            language.say_read(R::LeftOut, &[("rows", &row(language, *line, text, *why))])
        }
        CsvNote::Population {
            file,
            period,
            date,
            ages,
        } => {
            let ages = ages_text(*ages, language);
            // A file given as bytes has no name to say.
            let msg = if file.is_empty() {
                R::PopulationBytes
            } else {
                R::PopulationFile
            };
            language.say_read(
                msg,
                &[
                    ("date", date),
                    ("period", period),
                    ("file", file),
                    ("ages", &ages),
                ],
            )
        }
    }
}

/// Notes for people, in `language`, in order; rows left out one after
/// another are one sentence ("udeladt linje 2 …, linje 3 …").
pub fn read_notes(notes: &[CsvNote], language: Language) -> Vec<String> {
    let mut out = Vec::new();
    let mut rows: Vec<String> = Vec::new();
    let flush = |rows: &mut Vec<String>, out: &mut Vec<String>| {
        if !rows.is_empty() {
            out.push(language.say_read(R::LeftOut, &[("rows", &rows.join(", "))]));
            rows.clear();
        }
    };
    for n in notes {
        match n {
            CsvNote::LeftOut { line, text, why } => rows.push(row(language, *line, text, *why)),
            other => {
                flush(&mut rows, &mut out);
                out.push(read_note(other, language));
            }
        }
    }
    flush(&mut rows, &mut out);
    out
}

/// Everything a reader should know about how a file was read, in
/// `language`: its notes, then the rows left out in one sentence.
///
/// # Example
/// ```
/// use andel_core::present::{said, Language};
/// use andel_core::tabular::{read_weights_bytes, CsvColumns};
/// let r = read_weights_bytes(b"kommune;befolkning\nHele landet;5.873.420\nL\xe6s\xf8;1.769\nMors\xf8;20.068\n", &CsvColumns::default())?;
/// assert_eq!(said(&r, Language::Da), [
///     "læst som Windows-1252 (filen er ikke UTF-8)",
///     "vægtene er læst med decimalkomma og punktum som tusindtalsskilletegn (linje 3: «1.769» er 1769), \
///      fordi teksten er semikolonsepareret som fra dansk Excel; angiv decimaltegnet \".\", hvis punktummerne er decimaler",
///     "udeladt linje 2 «Hele landet;5.873.420» (landstallet)",
/// ]);
/// assert_eq!(said(&r, Language::En)[0], "read as Windows-1252 (the bytes are not UTF-8)");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn said(weights: &CsvWeights, language: Language) -> Vec<String> {
    read_notes(&weights.read_notes(), language)
}

/// The rows reading CSV weights left out, for people, in one sentence:
/// "udeladt linje 2 «Hele landet;5.873.420» (landstallet)"; `None` when
/// none were.
///
/// # Example
/// ```
/// use andel_core::present::{left_out, Language};
/// use andel_core::tabular::{read_weights, CsvColumns};
/// let r = read_weights("kommune;befolkning\nHele landet;5.873.420\nAalborg;221.082\n", &CsvColumns::default())?;
/// assert_eq!(left_out(&r, Language::Da).as_deref(), Some("udeladt linje 2 «Hele landet;5.873.420» (landstallet)"));
/// assert_eq!(left_out(&r, Language::En).as_deref(), Some("left out line 2 \"Hele landet;5.873.420\" (the national total)"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn left_out(weights: &CsvWeights, language: Language) -> Option<String> {
    let rows: Vec<CsvNote> = weights
        .read_notes()
        .into_iter()
        .filter(|n| matches!(n, CsvNote::LeftOut { .. }))
        .collect();
    read_notes(&rows, language).pop()
}

/// Where a document's notes were read, for people: "CSV-vægtene" for the
/// key's (`key.csv`), "CSV-vægtene i compare.key.csv" for another field's.
fn place(at: &str, language: Language) -> String {
    let (main, other) = match at.rsplit_once('.') {
        Some((_, "population")) => (R::ReadPopulation, R::ReadPopulationAt),
        _ => (R::ReadCsv, R::ReadCsvAt),
    };
    if at == "key.csv" || at == "key.population" {
        language.read_text(main).to_string()
    } else {
        language.say_read(other, &[("at", at)])
    }
}

/// What reading a document's files told its reader, in `language`, each
/// led by where (`CSV-vægtene: udeladt linje 2 «Hele landet;5873420»
/// (landstallet).`): the lines a view shows after the assumptions.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{document_notes, Language};
/// let r = compute_json(r#"{"version": 1, "key": {"csv": {"text": "område;indhold\nHele landet;5873420\nAalborg;221082\n"}},
///   "scenarios": [{"name": "s", "total": 10}]}"#)?;
/// assert_eq!(document_notes(&r, Language::Da), ["CSV-vægtene: udeladt linje 2 «Hele landet;5873420» (landstallet)."]);
/// assert_eq!(document_notes(&r, Language::En), ["The CSV weights: left out line 2 \"Hele landet;5873420\" (the national total)."]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn document_notes(r: &DocumentResult, language: Language) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.read_notes.len() {
        let at = &r.read_notes[i].at;
        let same: Vec<CsvNote> = r.read_notes[i..]
            .iter()
            .take_while(|n: &&ReadNote| n.at == *at)
            .map(|n| n.note.clone())
            .collect();
        i += same.len();
        let place = place(at, language);
        out.extend(
            read_notes(&same, language)
                .into_iter()
                .map(|s| format!("{place}: {s}.")),
        );
    }
    out
}

/// The ages counted, in `language`: `65 år og derover`, `0-17 år`, `alle aldre`.
pub(crate) fn ages_text(ages: crate::csv::statbank::Ages, language: Language) -> String {
    match (ages.from, ages.to) {
        (from, Some(to)) => language.say_read(
            R::AgesRange,
            &[
                ("from", &from.unwrap_or(0).to_string()),
                ("to", &to.to_string()),
            ],
        ),
        (Some(from), None) => language.say_read(R::AgesFrom, &[("from", &from.to_string())]),
        (None, None) => language.read_text(R::AgesAll).to_string(),
    }
}
