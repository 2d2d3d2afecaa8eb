//! `andel`: key documents and CSV weights from the shell and from services.
//!
//! Results go to stdout; errors to stderr as `error [code] field: message`
//! with exit code 1; a command line it cannot read exits with 2. Every
//! option takes effect or is refused.

use andel_core::data::{self, municipality_rows, Region};
use andel_core::document::{compute_with, parse, DocumentResult, FileAccess};
use andel_core::tabular::{read_weights, CsvColumns, Dialect, NumberStyle, MAX_INPUT_BYTES};
use andel_core::{
    Allocation, Decimal, Error, Key, Limit, Method, Options, PartyRef, SplitOptions, TieRule,
};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exact distribution keys for Danish municipalities: money to the øre and
/// whole places by a named method, parts always adding up to the whole.
#[derive(Parser)]
#[command(name = "andel", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compute a key document (a JSON file, or - for standard input).
    Compute {
        /// The document: a path, or - to read standard input.
        document: String,
        #[command(flatten)]
        output: Output,
        /// Only the scenario with this name.
        #[arg(long)]
        scenario: Option<String>,
        /// Why this party got what it got (an id, or a municipality's name or code).
        #[arg(long)]
        explain: Option<String>,
    },
    /// Split an amount of money by the weights in a CSV file.
    Split {
        /// The amount (1234.50 or 1.234,50; -100 for a refund).
        #[arg(allow_hyphen_values = true)]
        amount: String,
        #[command(flatten)]
        weights: WeightsArgs,
        /// The rounding unit: 0.01 or 0,01 (øre), 1 (kroner), 1000 or 1.000 (read as
        /// the amount is: 1.000 is a thousand).
        #[arg(long, default_value = "0.01", allow_negative_numbers = true)]
        unit: String,
        #[command(flatten)]
        output: Output,
    },
    /// Apportion whole units (places) by the weights in a CSV file.
    Apportion {
        /// The number of places.
        seats: u64,
        #[command(flatten)]
        weights: WeightsArgs,
        /// The method: hamilton, dhondt, sainte_lague, modified_sainte_lague,
        /// huntington_hill, adams, dean.
        #[arg(long, default_value = "hamilton")]
        method: String,
        /// The fewest places each party gets.
        #[arg(long)]
        minimum: Option<u64>,
        /// The most places each party gets.
        #[arg(long)]
        maximum: Option<u64>,
        /// modified_sainte_lague only: the first divisor (1.4 unless given;
        /// Sweden uses 1.2).
        #[arg(long, value_name = "DIVISOR")]
        first_divisor: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// The municipalities with their population.
    Municipalities {
        /// Only this region (Nordjylland, Midtjylland, Syddanmark, Hovedstaden, Sjælland).
        #[arg(long)]
        region: Option<String>,
        /// Population on 1 January of this year (the latest shipped by default).
        #[arg(long)]
        year: Option<i32>,
        #[command(flatten)]
        output: Output,
    },
    /// The JSON Schema of the key document (generated from the Rust types).
    Schema,
    /// The report of the KKR Nordjylland minutes: every document in a folder
    /// (examples/ by default), with its title, note and assumptions.
    Report {
        /// The folder of key documents.
        #[arg(long, default_value = "examples")]
        documents: PathBuf,
        /// Danish (1.658.397,22) or plain numbers.
        #[arg(long, value_enum, default_value_t = Numbers::Danish)]
        numbers: Numbers,
    },
}

#[derive(clap::Args)]
struct WeightsArgs {
    /// The CSV file of weights (any dialect: , ; or tab; decimal comma or point).
    #[arg(long)]
    weights: String,
    /// Parties that take no part (ids, or municipality names or codes).
    #[arg(long)]
    exclude: Vec<String>,
    /// The tie rule: order (earlier wins; the default) or error.
    #[arg(long, value_enum)]
    ties: Option<Ties>,
    /// On a tie, these parties win in this order (a lot drawn): ids, or
    /// municipality names or codes, once each; every tied party must be
    /// listed. Instead of --ties.
    #[arg(long, value_name = "PARTY")]
    priority: Vec<String>,
    /// The column of ids (codes); by default none, or a municipality's name
    /// or code in the name column.
    #[arg(long, value_name = "COLUMN")]
    id_column: Option<String>,
    /// The column of names.
    #[arg(long, value_name = "COLUMN")]
    name_column: Option<String>,
    /// The column of weights; by default one named like population, weight
    /// or value (INDHOLD), else the last column.
    #[arg(long, value_name = "COLUMN")]
    weight_column: Option<String>,
    /// Whether the first row is a header (true or false); found when not given.
    #[arg(long, value_name = "BOOL")]
    header: Option<bool>,
    /// The decimal separator of the weights, , or .; found from all of them
    /// when not given (an ambiguous column such as 1.250 asks for it).
    #[arg(long)]
    decimal: Option<String>,
}

#[derive(clap::Args)]
struct Output {
    /// table (the default), csv or json.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Danish (1.658.397,22, the default) or plain numbers in tables; Danish
    /// Excel or plain CSV. Not for json, which is always exact plain numbers.
    #[arg(long, value_enum)]
    numbers: Option<Numbers>,
}

impl Output {
    /// The format and number style, refusing a style JSON would ignore.
    fn resolve(&self) -> Result<(Format, Numbers), Error> {
        let format = self.format.unwrap_or(Format::Table);
        if format == Format::Json && self.numbers.is_some() {
            return Err(Error::InvalidOption {
                field: "numbers".into(),
                message: "--numbers is for table and csv output; json writes exact plain numbers"
                    .into(),
            });
        }
        Ok((format, self.numbers.unwrap_or(Numbers::Danish)))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Numbers {
    Danish,
    Plain,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Ties {
    Order,
    Error,
}

impl Numbers {
    fn style(self) -> NumberStyle {
        match self {
            Numbers::Danish => NumberStyle::Danish,
            Numbers::Plain => NumberStyle::Plain,
        }
    }
    fn dialect(self) -> Dialect {
        match self {
            Numbers::Danish => Dialect::DanishExcel,
            Numbers::Plain => Dialect::Plain,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            let field = e
                .field()
                .filter(|f| !f.is_empty())
                .map(|f| format!(" {f}:"))
                .unwrap_or_default();
            let message = e.to_string();
            let message = e
                .field()
                .and_then(|f| message.strip_prefix(&format!("{f}: ")))
                .unwrap_or(&message);
            eprintln!("error [{}]{field} {message}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn io_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Io {
        field: String::new(),
        message: format!("{what}: {e}"),
    }
}

/// A file (or standard input for `-`), at most MAX_INPUT_BYTES.
fn read_input(path: &str) -> Result<String, Error> {
    let limit = MAX_INPUT_BYTES as u64;
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().take(limit + 1).read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_string(&mut text))
    }
    .map_err(|e| io_error(path, e))?;
    if read as u64 > limit {
        return Err(io_error(path, format!("over {} MiB", limit >> 20)));
    }
    Ok(text)
}

fn run(command: Command) -> Result<String, Error> {
    match command {
        Command::Compute {
            document,
            output,
            scenario,
            explain,
        } => {
            let doc = parse(&read_input(&document)?)?;
            // csv.path is read inside the document's own folder.
            let folder = if document == "-" {
                std::env::current_dir().map_err(|e| io_error("working folder", e))?
            } else {
                Path::new(&document)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            };
            let mut result = compute_with(&doc, &FileAccess::Under(folder))?;
            if let Some(name) = &scenario {
                let names: Vec<String> = result.scenarios.iter().map(|s| s.name.clone()).collect();
                result.scenarios.retain(|s| &s.name == name);
                if result.scenarios.is_empty() {
                    return Err(Error::InvalidOption {
                        field: "scenario".into(),
                        message: format!("no scenario named {name:?}; the scenarios are {names:?}"),
                    });
                }
            }
            match explain {
                Some(_) if output.format.is_some() || output.numbers.is_some() => {
                    Err(Error::InvalidOption {
                        field: "explain".into(),
                        message: "--explain prints sentences; --format and --numbers do not apply"
                            .into(),
                    })
                }
                Some(id) => explain_party(&result, &id),
                None => render_result(&result, &output),
            }
        }
        Command::Split {
            amount,
            weights,
            unit,
            output,
        } => {
            let amount = andel_core::tabular::parse_danish_number(&amount)
                .map_err(|e| e.with_field("amount"))?;
            // Read as the amount is: 1.000 is a thousand, as a Dane writes it.
            let unit = andel_core::tabular::parse_danish_number(&unit)
                .map_err(|e| e.with_field("unit"))?;
            let key = read_key(&weights)?;
            let options = SplitOptions {
                unit,
                ties: tie_rule(&weights, &key)?,
            };
            render_allocation(&key.split(amount, &options)?, &output)
        }
        Command::Apportion {
            seats,
            weights,
            method,
            minimum,
            maximum,
            first_divisor,
            output,
        } => {
            let first_divisor = first_divisor
                .map(|d| andel_core::tabular::parse_danish_number(&d))
                .transpose()
                .map_err(|e| e.with_field("first-divisor"))?;
            let key = read_key(&weights)?;
            let options = Options {
                method: method.parse::<Method>()?,
                minimum: minimum.map(Limit::All),
                maximum: maximum.map(Limit::All),
                first_divisor,
                ties: tie_rule(&weights, &key)?,
            };
            let allocation = key.apportion(seats, &options).map_err(|e| {
                e.renamed("total", "seats")
                    .renamed("first_divisor", "first-divisor")
            })?;
            render_allocation(&allocation, &output)
        }
        Command::Municipalities {
            region,
            year,
            output,
        } => {
            let (format, numbers) = output.resolve()?;
            let region = region.map(|r| r.parse::<Region>()).transpose()?;
            let year = match year {
                Some(y) => y,
                None => data::years().last().copied().unwrap_or_default(),
            };
            let rows = municipality_rows(region, year)?;
            Ok(match format {
                Format::Json => json(&rows),
                Format::Csv => {
                    let sep = if numbers == Numbers::Danish { ';' } else { ',' };
                    let mut out = String::new();
                    if numbers == Numbers::Danish {
                        out.push('\u{feff}');
                    }
                    out += &format!("code{sep}name{sep}region{sep}population_{year}\n");
                    for m in &rows {
                        out += &format!(
                            "{}{sep}{}{sep}{}{sep}{}\n",
                            m.code, m.name, m.region, m.population
                        );
                    }
                    out
                }
                Format::Table => {
                    let style = numbers.style();
                    let body: Vec<Vec<String>> = rows
                        .iter()
                        .map(|m| {
                            vec![
                                m.code.clone(),
                                m.name.clone(),
                                m.region.to_string(),
                                style.format(Decimal::from(m.population), 0),
                            ]
                        })
                        .collect();
                    let total: u64 = rows.iter().map(|m| m.population).sum();
                    let mut body = body;
                    body.push(vec![
                        String::new(),
                        "Total".into(),
                        String::new(),
                        style.format(Decimal::from(total), 0),
                    ]);
                    let pop = format!("population {year}");
                    andel_core::tabular::render_table(
                        &["code", "name", "region", &pop],
                        &body,
                        &[false, false, false, true],
                    )
                }
            })
        }
        Command::Report { documents, numbers } => report(&documents, numbers.style()),
        Command::Schema => Ok(json(&andel_core::document::schema())),
    }
}

/// The tie rule of `--ties` or `--priority` (parties by id, or a
/// municipality's name or code), for the parties of `key`.
fn tie_rule(args: &WeightsArgs, key: &Key) -> Result<TieRule, Error> {
    match (args.ties, args.priority.is_empty()) {
        (Some(_), false) => Err(Error::InvalidOption {
            field: "priority".into(),
            message: "give --ties or --priority, not both".into(),
        }),
        (None, false) => {
            let at = andel_core::data::find_parties(&key.ids(), &args.priority, "priority")?;
            Ok(TieRule::Priority(
                at.into_iter().map(PartyRef::Index).collect(),
            ))
        }
        (Some(Ties::Error), true) => Ok(TieRule::Error),
        (Some(Ties::Order) | None, true) => Ok(TieRule::Order),
    }
}

/// The weights of a CSV file, with the parties named by `--exclude` out.
fn read_key(args: &WeightsArgs) -> Result<Key, Error> {
    let text = read_input(&args.weights)?;
    let columns = CsvColumns {
        id: args.id_column.clone(),
        name: args.name_column.clone(),
        weight: args.weight_column.clone(),
        header: args.header,
        decimal: args.decimal.clone(),
    };
    // Errors about a column option name it as the command line spells it.
    let read = read_weights(&text, &columns).map_err(|e| {
        e.renamed("id", "id-column")
            .renamed("name", "name-column")
            .renamed("weight", "weight-column")
    })?;
    // Totals left out are said, on standard error (the output stays data).
    if let Some(left_out) = read.left_out() {
        eprintln!("note: {}: {left_out}", args.weights);
    }
    let key = read.key;
    if args.exclude.is_empty() {
        return Ok(key);
    }
    andel_core::data::exclude_named(&key, &args.exclude, "exclude")
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .unwrap_or_default()
}

fn render_allocation(a: &Allocation, output: &Output) -> Result<String, Error> {
    let (format, numbers) = output.resolve()?;
    Ok(match format {
        Format::Json => json(a),
        Format::Csv => a.to_csv(numbers.dialect()),
        Format::Table => a.table(numbers.style()),
    })
}

fn render_result(r: &DocumentResult, output: &Output) -> Result<String, Error> {
    let (format, numbers) = output.resolve()?;
    Ok(match format {
        Format::Json => json(r),
        Format::Csv => {
            // The assumptions lead the file as comment lines.
            let csv = r.to_csv(numbers.dialect());
            let (bom, body) = match csv.strip_prefix('\u{feff}') {
                Some(b) => ("\u{feff}", b),
                None => ("", csv.as_str()),
            };
            // Then what made it: andel's version, the population data's source and dates.
            let notes: String = r
                .assumptions
                .iter()
                .map(|a| format!("# {a}\n"))
                .chain([format!("# {}\n", andel_core::data::provenance())])
                .collect();
            format!("{bom}{notes}{body}")
        }
        Format::Table => document_text(r, numbers.style()),
    })
}

/// A result for people: its title, note and assumptions, then every
/// allocation of every scenario.
fn document_text(r: &DocumentResult, style: NumberStyle) -> String {
    let mut out = String::new();
    if let Some(t) = &r.title {
        out += &format!("{t}\n{}\n", "=".repeat(t.chars().count()));
    }
    if let Some(n) = &r.note {
        out += &format!("{n}\n");
    }
    if !r.assumptions.is_empty() {
        out += "\nAssumptions:\n";
        for a in &r.assumptions {
            out += &format!("- {a}\n");
        }
    }
    for s in &r.scenarios {
        out += &format!("\nScenario {:?}\n", s.name);
        match (&s.nested, &s.parts) {
            (Some(n), _) => {
                out += &format!(
                    "\nBetween the groups ({}):\n",
                    if n.groups.is_some() {
                        "per level"
                    } else {
                        "flat"
                    }
                );
                out += &s.allocation.table(style);
                for g in &n.per_group {
                    if let Some(m) = &g.members {
                        out += &format!("\nWithin {} ({} units):\n", g.id, g.units);
                        out += &m.table(style);
                    }
                }
            }
            (None, Some(p)) => {
                out += "\nBetween the parts:\n";
                out += &p.parts.table(style);
                for (part, d) in p.parts.parties.iter().zip(&p.details) {
                    if let Some(d) = d {
                        out += &format!("\nWithin {}:\n", part.name.as_deref().unwrap_or(&part.id));
                        out += &d.table(style);
                    }
                }
            }
            (None, None) => {
                out += "\n";
                out += &s.allocation.table(style);
            }
        }
        if let Some(y) = &s.years {
            out += "\nOver the years:\n";
            out += &y.years.table(style);
            out += "\nBy party and year (each party's years add up to its total, each year's \
                    parties to the year's amount):\n";
            let columns: Vec<String> = y
                .years
                .parties
                .iter()
                .map(|year| format!("year {}", year.id))
                .collect();
            let rows: Vec<(String, String, Vec<Decimal>, Decimal)> = s
                .allocation
                .parties
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let cells = y.per_year.iter().map(|a| a.parties[i].amount).collect();
                    (
                        p.id.clone(),
                        p.name.clone().unwrap_or_default(),
                        cells,
                        p.amount,
                    )
                })
                .collect();
            let totals: Vec<Decimal> = y.years.parties.iter().map(|p| p.amount).collect();
            out += &grid(&columns, &rows, &totals, s.total, style);
            for tie in &y.ties {
                let cells: Vec<String> = tie
                    .iter()
                    .map(|c| format!("{} {}", c.party, c.year))
                    .collect();
                out += &format!("tie (equal remainders): {}\n", cells.join(", "));
            }
        }
        if let Some(t) = &s.table {
            out += &format!(
                "\nBy party and column (method {}; rows and columns both add up):\n",
                t.method
            );
            let columns: Vec<String> = t
                .columns
                .iter()
                .map(|c| c.name.clone().unwrap_or_else(|| c.id.clone()))
                .collect();
            let rows: Vec<(String, String, Vec<Decimal>, Decimal)> = t
                .rows
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.name.clone().unwrap_or_default(),
                        r.cells.iter().map(|&x| Decimal::from(x)).collect(),
                        Decimal::from(r.total),
                    )
                })
                .collect();
            let totals: Vec<Decimal> = t.columns.iter().map(|c| Decimal::from(c.total)).collect();
            let all: u64 = t.columns.iter().map(|c| c.total).sum();
            out += &grid(&columns, &rows, &totals, Decimal::from(all), style);
            for tie in &t.ties {
                let cells: Vec<String> = tie
                    .cells
                    .iter()
                    .map(|&(i, j)| format!("{} × {}", t.rows[i].id, t.columns[j].id))
                    .collect();
                out += &format!("tie, decided by table order: {}\n", cells.join(", "));
            }
        }
        if let Some(c) = &s.comparison {
            out += &format!(
                "\nCompared with {}:\n",
                c.label.as_deref().unwrap_or("the other key")
            );
            let rows: Vec<Vec<String>> = c
                .rows
                .iter()
                .map(|row| {
                    vec![
                        row.id.clone(),
                        row.name.clone().unwrap_or_default(),
                        style.format(row.amount_base, row.amount_base.scale()),
                        style.format(row.amount_other, row.amount_other.scale()),
                        style.format(row.change, row.change.scale()),
                    ]
                })
                .collect();
            out += &andel_core::tabular::render_table(
                &["id", "name", "this key", "other key", "change"],
                &rows,
                &[false, false, true, true, true],
            );
        }
        if let Some(a) = &s.attainment {
            out += "\nDimensioned against actual:\n";
            let rows: Vec<Vec<String>> = a
                .iter()
                .map(|row| {
                    vec![
                        row.id.clone(),
                        row.name.clone().unwrap_or_default(),
                        style.format(row.dimensioned, row.dimensioned.scale()),
                        style.format(row.actual, row.actual.scale()),
                        style.format(row.difference, row.difference.scale()),
                        row.percent.map(|p| style.format(p, 2)).unwrap_or_default(),
                    ]
                })
                .collect();
            out += &andel_core::tabular::render_table(
                &["id", "name", "dimensioned", "actual", "difference", "%"],
                &rows,
                &[false, false, true, true, true, true],
            );
        }
    }
    out
}

/// A table of parties (rows) × columns with every row's and column's total.
fn grid(
    columns: &[String],
    rows: &[(String, String, Vec<Decimal>, Decimal)],
    totals: &[Decimal],
    all: Decimal,
    style: NumberStyle,
) -> String {
    let show = |d: Decimal| style.format(d, d.scale());
    let mut head: Vec<&str> = vec!["id", "name"];
    head.extend(columns.iter().map(String::as_str));
    head.push("total");
    let mut body: Vec<Vec<String>> = rows
        .iter()
        .map(|(id, name, cells, total)| {
            let mut r = vec![id.clone(), name.clone()];
            r.extend(cells.iter().map(|&c| show(c)));
            r.push(show(*total));
            r
        })
        .collect();
    let mut last = vec!["total".to_string(), String::new()];
    last.extend(totals.iter().map(|&c| show(c)));
    last.push(show(all));
    body.push(last);
    let mut right = vec![false, false];
    right.extend(std::iter::repeat_n(true, columns.len() + 1));
    andel_core::tabular::render_table(&head, &body, &right)
}

/// Why a party got what it got, in every allocation of the result it is in.
fn explain_party(r: &DocumentResult, who: &str) -> Result<String, Error> {
    let mut out = String::new();
    for s in &r.scenarios {
        for text in s.explain(who, "explain")? {
            out += &format!("{}: {text}\n", s.name);
        }
    }
    Ok(out)
}

/// Every key document of a folder, in the order of the minutes' items
/// (2.4 before 2.8 before 2.12), each with its title, note and assumptions.
fn report(folder: &Path, style: NumberStyle) -> Result<String, Error> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| io_error(&folder.display().to_string(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    let item = |p: &PathBuf| -> (Vec<u64>, String) {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let number: Vec<u64> = name
            .split(['.', '-'])
            .map_while(|x| x.parse().ok())
            .collect();
        (number, name)
    };
    files.sort_by_key(item);
    if files.is_empty() {
        return Err(io_error(
            &folder.display().to_string(),
            "no key documents (*.json)",
        ));
    }
    let mut out = String::from(
        "The KKR Nordjylland minutes of 18 November 2022: the cases as key documents\n",
    );
    out += &format!("{}\n", andel_core::data::provenance());
    for f in files {
        let name = f.display().to_string();
        let doc = parse(&read_input(&name)?).map_err(|e| e.under(&name))?;
        let folder = f.parent().map(Path::to_path_buf).unwrap_or_default();
        let r = compute_with(&doc, &FileAccess::Under(folder)).map_err(|e| e.under(&name))?;
        out += &format!(
            "\n\n[{}]\n",
            f.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        );
        out += &document_text(&r, style);
    }
    Ok(out)
}
