//! `andel`: key documents and CSV weights from the shell and from services.
//!
//! Results go to stdout; errors to stderr as `error [code] field: message`
//! with exit code 1; a command line it cannot read exits with 2. Every
//! option takes effect or is refused.

use andel_core::data::{self, municipality_rows, Region};
use andel_core::document::{compute_with, parse, DocumentResult, FileAccess};
use andel_core::present::{self, Language, Msg};
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
        /// The language of the words: da (Danish, the default) or en.
        #[arg(long, value_enum, default_value_t = Lang::Da)]
        language: Lang,
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
    /// The language of tables, Danish Excel CSV and explanations: da
    /// (Danish, the default) or en. Not for json or plain CSV, whose names
    /// are stable for programs.
    #[arg(long, value_enum)]
    language: Option<Lang>,
}

impl Output {
    /// The format, number style and language, refusing a style or a
    /// language the output would ignore.
    fn resolve(&self) -> Result<(Format, Numbers, Language), Error> {
        let format = self.format.unwrap_or(Format::Table);
        if format == Format::Json && self.numbers.is_some() {
            return Err(Error::InvalidOption {
                field: "numbers".into(),
                message: "--numbers is for table and csv output; json writes exact plain numbers"
                    .into(),
            });
        }
        let numbers = self.numbers.unwrap_or(Numbers::Danish);
        let machine =
            format == Format::Json || (format == Format::Csv && numbers == Numbers::Plain);
        if machine && self.language.is_some() {
            return Err(Error::InvalidOption {
                field: "language".into(),
                message: "--language is for tables and Danish Excel CSV; json and plain CSV \
                          keep stable machine names"
                    .into(),
            });
        }
        Ok((
            format,
            numbers,
            self.language.unwrap_or(Lang::Da).language(),
        ))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    Da,
    En,
}

impl Lang {
    fn language(self) -> Language {
        match self {
            Lang::Da => Language::Da,
            Lang::En => Language::En,
        }
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
                Some(_) if output.format.is_some() => Err(Error::InvalidOption {
                    field: "explain".into(),
                    message: "--explain prints sentences; --format does not apply".into(),
                }),
                Some(id) => {
                    let (_, numbers, language) = output.resolve()?;
                    explain_party(&result, &id, language, numbers.style())
                }
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
            let (format, numbers, language) = output.resolve()?;
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
                    if numbers == Numbers::Danish {
                        // Danish Excel: the heads as the table shows them.
                        let pop = language.say(Msg::ColPopulation, &[("year", &year.to_string())]);
                        out += &format!(
                            "{}{sep}{}{sep}{}{sep}{pop}\n",
                            language.text(Msg::ColCode),
                            language.text(Msg::ColName),
                            language.text(Msg::ColRegion)
                        );
                    } else {
                        out += &format!("code{sep}name{sep}region{sep}population_{year}\n");
                    }
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
                        language.text(Msg::Total).into(),
                        String::new(),
                        style.format(Decimal::from(total), 0),
                    ]);
                    let pop = language.say(Msg::ColPopulation, &[("year", &year.to_string())]);
                    andel_core::tabular::render_table(
                        &[
                            language.text(Msg::ColCode),
                            language.text(Msg::ColName),
                            language.text(Msg::ColRegion),
                            &pop,
                        ],
                        &body,
                        &[false, false, false, true],
                    )
                }
            })
        }
        Command::Report {
            documents,
            numbers,
            language,
        } => report(&documents, numbers.style(), language.language()),
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
    let (format, numbers, language) = output.resolve()?;
    Ok(match (format, numbers) {
        (Format::Json, _) => json(a),
        (Format::Csv, Numbers::Plain) => a.to_csv(numbers.dialect()),
        // Danish Excel: the table as on the screen.
        (Format::Csv, Numbers::Danish) => {
            present::allocation_view(a, language, numbers.style()).to_csv(numbers.dialect())
        }
        (Format::Table, _) => present::allocation_view(a, language, numbers.style()).text(),
    })
}

fn render_result(r: &DocumentResult, output: &Output) -> Result<String, Error> {
    let (format, numbers, language) = output.resolve()?;
    Ok(match (format, numbers) {
        (Format::Json, _) => json(r),
        (Format::Csv, Numbers::Plain) => {
            // The assumptions lead the file as comment lines.
            let notes: String = r.assumptions.iter().map(|a| format!("# {a}\n")).collect();
            format!("{notes}{}", r.to_csv(numbers.dialect()))
        }
        // Danish Excel: the tables as on the screen, assumptions first.
        (Format::Csv, Numbers::Danish) => {
            present::document_view(r, language, numbers.style()).to_csv(numbers.dialect())
        }
        (Format::Table, _) => present::document_view(r, language, numbers.style()).text(),
    })
}

/// Why a party got what it got, in every allocation of the result it is in.
fn explain_party(
    r: &DocumentResult,
    who: &str,
    language: Language,
    style: NumberStyle,
) -> Result<String, Error> {
    let mut out = String::new();
    for s in &r.scenarios {
        for text in present::explain_in_scenario(s, who, "explain", language, style)? {
            out += &language.say(Msg::LabelScenario, &[("scenario", &s.name)]);
            out += &text;
            out.push('\n');
        }
    }
    Ok(out)
}

/// Every key document of a folder, in the order of the minutes' items
/// (2.4 before 2.8 before 2.12), each with its title, note and assumptions.
fn report(folder: &Path, style: NumberStyle, language: Language) -> Result<String, Error> {
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
    let mut out = format!("{}\n", language.text(Msg::ReportTitle));
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
        out += &present::document_view(&r, language, style).text();
    }
    Ok(out)
}
