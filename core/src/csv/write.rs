//! Results as CSV: plain (comma, decimal point) or for Danish Excel
//! (semicolon, decimal comma, a byte order mark), with text cells that a
//! spreadsheet will not run as formulas.

use super::Dialect;
use crate::key::Allocation;
use crate::number::format::{checked_sum, plain, with_decimal_comma};
use rust_decimal::Decimal;

/// A text cell for a CSV file that a spreadsheet will open (Excel and
/// LibreOffice open plain CSV too, so both dialects): control and invisible
/// characters are written as escapes (`\n`, `\u{200b}`), so a cell is one
/// line and shows what it holds; text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a line break, after
/// any spaces) gets a leading `'`, as OWASP recommends against CSV
/// injection. Numbers are written apart and stay numbers.
pub fn csv_text(s: &str) -> String {
    let shown = crate::error::escaped(s, false);
    let first = s
        .chars()
        .find(|c| !matches!(c, ' ' | '\u{a0}' | '\u{3000}'));
    let risky = matches!(
        first,
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '＝' | '＋' | '－' | '＠')
    );
    if risky {
        format!("'{shown}")
    } else {
        shown
    }
}

/// A note written above a CSV's header: a line whose first byte is `#`
/// (after the Danish Excel byte order mark), so a CSV reader's comment
/// character skips it (pandas' `comment="#"`), then the separator and the
/// text as one cell made safe as [`csv_text`] makes a cell (one line; a
/// leading `'` on text a spreadsheet would run), quoted when it holds the
/// separator or a quote. A spreadsheet shows `#` in the first column and
/// the note beside it.
///
/// # Example
/// ```
/// use andel_core::tabular::{csv_comment, Dialect};
/// assert_eq!(csv_comment("a, b", Dialect::Plain), "#,\"a, b\"\n");
/// assert_eq!(csv_comment("=1+1", Dialect::DanishExcel), "#;'=1+1\n");
/// ```
pub fn csv_comment(text: &str, dialect: Dialect) -> String {
    let cell = csv_text(text);
    let sep = match dialect {
        Dialect::Plain => ',',
        Dialect::DanishExcel => ';',
    };
    if cell.contains(sep) || cell.contains('"') {
        format!("#{sep}\"{}\"\n", cell.replace('"', "\"\""))
    } else {
        format!("#{sep}{cell}\n")
    }
}

impl Allocation {
    /// The allocation as CSV: one row per party, then a total row.
    ///
    /// # Example
    /// ```
    /// use andel_core::{tabular::Dialect, Decimal, Key, SplitOptions};
    /// let key = Key::from_weights([("A", 2), ("B", 1)].map(|(i, w)| (i, Decimal::from(w))))?;
    /// let a = key.split(Decimal::new(100000, 2), &SplitOptions::default())?;
    /// let csv = a.to_csv(Dialect::DanishExcel);
    /// assert!(csv.contains("A;;2;0,6666666667;666,6666666667;666,67;66667;up;1;0"));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut out = CsvWriter::new(dialect, &[]);
        out.allocation(&[], self);
        out.finish()
    }
}

/// Writes allocations as CSV rows (one per party, then a total row), each
/// row led by the given context columns (scenario, part, …).
pub(crate) struct CsvWriter {
    dialect: Dialect,
    out: String,
}

const CSV_HEAD: [&str; 10] = [
    "id",
    "name",
    "weight",
    "share",
    "quota",
    "amount",
    "units",
    "rounding",
    "remainder_rank",
    "tied",
];

impl CsvWriter {
    /// A CSV with `context` columns before the allocation's own.
    pub(crate) fn new(dialect: Dialect, context: &[&str]) -> CsvWriter {
        let mut w = CsvWriter {
            dialect,
            out: String::new(),
        };
        if dialect == Dialect::DanishExcel {
            w.out.push('\u{feff}');
        }
        let head: Vec<String> = context
            .iter()
            .chain(CSV_HEAD.iter())
            .map(|s| s.to_string())
            .collect();
        w.row(head);
        w
    }

    /// A CSV with no header row yet (the presentation writes its own).
    pub(crate) fn bare(dialect: Dialect) -> CsvWriter {
        let mut w = CsvWriter {
            dialect,
            out: String::new(),
        };
        if dialect == Dialect::DanishExcel {
            w.out.push('\u{feff}');
        }
        w
    }

    /// A `#` line as [`csv_comment`] writes it: `#`, then the text as one
    /// safe cell.
    pub(crate) fn comment(&mut self, text: &str) {
        self.out.push_str(&csv_comment(text, self.dialect));
    }

    /// A plain number's text (`1658397.22`) in this dialect.
    pub(crate) fn plain_number(&self, plain: &str) -> String {
        match self.dialect {
            Dialect::Plain => plain.to_string(),
            Dialect::DanishExcel => with_decimal_comma(plain),
        }
    }

    fn sep(&self) -> char {
        match self.dialect {
            Dialect::Plain => ',',
            Dialect::DanishExcel => ';',
        }
    }

    fn num(&self, d: Decimal, places: u32) -> String {
        self.plain_number(&plain(d, places))
    }

    /// A text cell: see [`csv_text`].
    pub(crate) fn text(&self, s: &str) -> String {
        csv_text(s)
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        let sep = self.sep();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(sep);
            }
            // Quoted also when it holds `#`, so a reader whose comment
            // character is `#` (pandas' `comment="#"`) keeps the cell whole.
            if cell.contains([sep, '"', '\n', '\r', '#']) {
                self.out.push('"');
                self.out.push_str(&cell.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(cell);
            }
        }
        self.out.push('\n');
    }

    /// One allocation's rows, each led by `context`.
    pub(crate) fn allocation(&mut self, context: &[&str], a: &Allocation) {
        let places = a.unit.normalize().scale();
        let lead: Vec<String> = context.iter().map(|s| self.text(s)).collect();
        for p in &a.parties {
            let mut row = lead.clone();
            row.extend([
                self.text(&p.id),
                self.text(p.name.as_deref().unwrap_or_default()),
                self.num(p.weight, p.weight.scale()),
                self.num(p.share, 10),
                self.num(
                    crate::key::quota_amount(&p.quota, a.unit, a.total < Decimal::ZERO, 10),
                    10,
                ),
                self.num(p.amount, places),
                p.units.to_string(),
                p.rounding.name().to_string(),
                p.remainder_rank.map(|r| r.to_string()).unwrap_or_default(),
                u8::from(p.tie.is_some()).to_string(),
            ]);
            self.row(row);
        }
        let total = checked_sum(a.parties.iter().map(|p| p.amount));
        let units = a
            .parties
            .iter()
            .try_fold(0u64, |s, p| s.checked_add(p.units));
        let mut row = lead;
        row.extend([
            "total".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            total.map(|t| self.num(t, places)).unwrap_or_default(),
            units.map(|u| u.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        self.row(row);
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}
