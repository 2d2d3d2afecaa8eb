//! The view: what people see of a result, as plain data (headings, named
//! columns, rows of formatted cells, totals, notes and explanations) in one
//! language and one number style, and its two renderings: text for a
//! terminal and the Danish Excel CSV (the same table, as on the screen).

use super::scenario::scenario_view;
use super::{Language, Msg};
use crate::csv::{CsvWriter, Dialect};
use crate::document::DocumentResult;
use crate::number::format::{plain, render_table, NumberStyle};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A document's result as people see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// The language of every word in it.
    pub language: Language,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The document's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// "Forudsætninger:", the heading of the assumptions.
    pub assumptions_heading: String,
    /// The assumptions, then what reading the document's files told the
    /// reader (rows left out, an encoding), in the view's language.
    pub assumptions: Vec<String>,
    /// Per scenario.
    pub scenarios: Vec<ScenarioView>,
}

/// One scenario: its heading and every table of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioView {
    /// The scenario's name.
    pub name: String,
    /// `Scenarie »lav«`.
    pub heading: String,
    /// Its tables in the order people read them: the main split (between
    /// groups or parts), every group's or part's own split, the years, the
    /// table, the comparison, the attainment.
    pub sections: Vec<Section>,
}

/// One table with what stands above and below it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What it is ("Mellem delene:"); none for a scenario's only table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// An allocation's total, unit and method
    /// ("4.275.000,00 kr. fordelt i øre efter største brøk (Hamilton)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The table.
    pub table: Table,
    /// Lines below it: the ties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A table: columns, rows and a total row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// One row per party.
    pub rows: Vec<Row>,
    /// The total row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Row>,
}

/// A column: a stable key for programs, a head for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// A stable name: `id`, `name`, `weight`, `key_weight`, `share`,
    /// `quota`, `amount`, `rounding`, `this_key`, `other_key`, `change`,
    /// `dimensioned`, `actual`, `difference`, `percent`, `total`, or a
    /// year's or column's id.
    pub key: String,
    /// The head in the view's language ("kr., i øre").
    pub head: String,
    /// Numbers, aligned right.
    pub numeric: bool,
}

/// A row: the party's id, one cell per column, and why it got what it got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The party's id (empty for a total row).
    pub id: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// The party's explanation, a sentence in the view's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// A cell: its text as shown, and for a number its exact plain value
/// (`1658397.22`), which a spreadsheet or a program reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// As shown.
    pub text: String,
    /// A number's plain value, at the places shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Cell {
    pub(super) fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
        }
    }

    pub(super) fn number(style: NumberStyle, d: Decimal, places: u32) -> Cell {
        Cell {
            text: style.format(d, places),
            value: Some(plain(d, places)),
        }
    }

    /// A number that may not exist (a sum beyond a decimal): "—".
    pub(super) fn checked(style: NumberStyle, d: Option<Decimal>, places: u32) -> Cell {
        match d {
            Some(d) => Cell::number(style, d, places),
            None => Cell::text("—"),
        }
    }

    pub(super) fn empty() -> Cell {
        Cell::text("")
    }
}

/// A document's result as people see it, in `language` with numbers in
/// `style`.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{document_view, Language};
/// use andel_core::tabular::NumberStyle;
/// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
///   "assumptions": ["Et eksempel."], "scenarios": [{"name": "lav", "total": "0.03"}]}"#)?;
/// let v = document_view(&r, Language::Da, NumberStyle::Danish);
/// assert_eq!(v.scenarios[0].heading, "Scenarie »lav«");
/// let text = v.text();
/// assert!(text.contains("Forudsætninger:\n- Et eksempel.\n"), "{text}");
/// assert!(text.contains("0,03 kr. fordelt i øre"), "{text}");
/// let en = document_view(&r, Language::En, NumberStyle::Plain).text();
/// assert!(en.contains("Assumptions:") && en.contains("DKK 0.03 split to the øre"), "{en}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn document_view(r: &DocumentResult, language: Language, style: NumberStyle) -> View {
    View {
        language,
        title: r.title.clone(),
        note: r.note.clone(),
        assumptions_heading: language.text(Msg::Assumptions).to_string(),
        assumptions: r
            .assumptions
            .iter()
            .cloned()
            .chain(super::document_notes(r, language))
            .collect(),
        scenarios: r
            .scenarios
            .iter()
            .map(|s| scenario_view(s, r.actual_label.as_deref(), language, style))
            .collect(),
    }
}

impl Section {
    /// The section as text: heading, summary, the table, the notes.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.heading {
            out += h;
            out.push('\n');
        }
        if let Some(s) = &self.summary {
            out += s;
            out.push('\n');
        }
        let head: Vec<&str> = self.table.columns.iter().map(|c| c.head.as_str()).collect();
        let right: Vec<bool> = self.table.columns.iter().map(|c| c.numeric).collect();
        let rows: Vec<Vec<String>> = self
            .table
            .rows
            .iter()
            .chain(&self.table.total)
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect();
        out += &render_table(&head, &rows, &right);
        for n in &self.notes {
            out += n;
            out.push('\n');
        }
        out
    }

    /// The rows as CSV lines (heads, rows, total, notes), numbers as plain
    /// values with `dialect`'s decimal mark.
    pub(super) fn csv(&self, w: &mut CsvWriter) {
        let head = self.table.columns.iter().map(|c| w.text(&c.head)).collect();
        w.row(head);
        for r in self.table.rows.iter().chain(&self.table.total) {
            let cells = r
                .cells
                .iter()
                .map(|c| match &c.value {
                    Some(v) => w.plain_number(v),
                    None => w.text(&c.text),
                })
                .collect();
            w.row(cells);
        }
        for n in &self.notes {
            let cell = w.text(n);
            w.row(vec![cell]);
        }
    }
}

impl View {
    /// The view as text for a terminal: the title underlined, the note,
    /// the assumptions, then every scenario's tables.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            out += &format!("{t}\n{}\n", "=".repeat(t.chars().count()));
        }
        if let Some(n) = &self.note {
            out += &format!("{n}\n");
        }
        if !self.assumptions.is_empty() {
            out += &format!("\n{}\n", self.assumptions_heading);
            for a in &self.assumptions {
                out += &format!("- {a}\n");
            }
        }
        for s in &self.scenarios {
            out += &format!("\n{}\n", s.heading);
            for section in &s.sections {
                out.push('\n');
                out += &section.text();
            }
        }
        out
    }

    /// The view as CSV for a spreadsheet, as it is on the screen: the
    /// title, note and assumptions first as `#` lines, then every table
    /// under a line with its scenario and heading, with the same heads
    /// and numbers in kroner (plain values, the dialect's decimal mark).
    /// [`Dialect::DanishExcel`] is what Excel in Danish opens.
    ///
    /// # Example
    /// ```
    /// use andel_core::document::compute_json;
    /// use andel_core::present::{document_view, Language};
    /// use andel_core::tabular::{Dialect, NumberStyle};
    /// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
    ///   "assumptions": ["Et eksempel."], "scenarios": [{"name": "lav", "total": "1000.00"}]}"#)?;
    /// let csv = document_view(&r, Language::Da, NumberStyle::Danish).to_csv(Dialect::DanishExcel);
    /// assert!(csv.starts_with("\u{feff}#;Et eksempel.\n"), "{csv}");
    /// assert!(csv.contains("id;navn;vægt;andel %;eksakt, kr.;kr., i øre;afrunding\n"), "{csv}");
    /// assert!(csv.contains("A;;2;66,6667;666,666667;666,67;op nr. 1\n"), "{csv}");
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut w = CsvWriter::bare(dialect);
        for line in self.title.iter().chain(&self.note).chain(&self.assumptions) {
            w.comment(line);
        }
        // Then what made it: andel's version, the population's source.
        w.comment(&super::provenance(self.language));
        for s in &self.scenarios {
            for section in &s.sections {
                let mut caption = s.heading.clone();
                if let Some(h) = &section.heading {
                    caption = format!("{caption}, {}", h.trim_end_matches(':'));
                }
                if let Some(summary) = &section.summary {
                    caption = format!("{caption}: {summary}");
                }
                let cell = w.text(&caption);
                w.row(vec![cell]);
                section.csv(&mut w);
            }
        }
        w.finish()
    }
}

/// A document's result as CSV, what every front end writes (the command
/// line's `compute --format csv`, JS `computeCsv`, Python `Result.to_csv`):
///
/// - [`Dialect::Plain`]: the assumptions, what reading the document's files
///   told the reader and what made it (andel's version, the population's
///   source) as `#` lines, in English whatever `language` is (plain CSV is
///   for programs), then [`DocumentResult::to_csv`]: every allocation of
///   every scenario with its `scenario` and `part`, stable machine columns.
/// - [`Dialect::DanishExcel`]: the tables as on the screen in `language`
///   ([`View::to_csv`]).
///
/// Every `#` line starts with `#` (after the byte order mark), so a reader's
/// comment character skips it (see [`crate::tabular::csv_comment`]).
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{result_csv, Language};
/// use andel_core::tabular::Dialect;
/// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
///   "assumptions": ["A, then B."], "scenarios": [{"name": "low", "total": "0.03"}]}"#)?;
/// let csv = result_csv(&r, Dialect::Plain, Language::Da);
/// assert!(csv.starts_with("#,\"A, then B.\"\n#,\"andel "), "{csv}");
/// assert!(csv.contains("\nscenario,part,id,name,weight,share"), "{csv}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn result_csv(r: &DocumentResult, dialect: Dialect, language: Language) -> String {
    match dialect {
        Dialect::Plain => {
            let mut w = CsvWriter::bare(dialect);
            let notes = super::document_notes(r, Language::En);
            for line in r.assumptions.iter().chain(&notes) {
                w.comment(line);
            }
            w.comment(&super::provenance(Language::En));
            w.finish() + &r.to_csv(dialect)
        }
        Dialect::DanishExcel => document_view(r, language, NumberStyle::Danish).to_csv(dialect),
    }
}

impl Section {
    /// The section alone as CSV (a split or apportionment of the command
    /// line), as on the screen: the summary as a `#` line, then the table.
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut w = CsvWriter::bare(dialect);
        for line in self.heading.iter().chain(&self.summary) {
            w.comment(line);
        }
        self.csv(&mut w);
        w.finish()
    }
}
