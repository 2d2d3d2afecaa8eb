//! `andel`: key documents and CSV weights from the shell and from services.
//!
//! Results go to stdout; errors to stderr as `fejl [code] field: message`
//! (Danish, the default; `error [code] …` with `--language en`)
//! with exit code 1; a command line it cannot read exits with 2. Every
//! option takes effect or is refused.

/// mimalloc: a small block costs its size (no header), and freed pages go
/// back; a document of 10^6 parties is millions of small strings (issue 25,
/// the command line's memory; bench/memory.py). Its v2 without transparent
/// huge pages (cli/Cargo.toml): DESIGN.md, "Memory of large inputs".
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use andel_core::data::{self, municipality_rows, Region};
use andel_core::document::{
    compute_owned, compute_with, parse, parse_owned, DocumentResult, FileAccess,
};
use andel_core::error::{FileRefusal, IoKind, Problem};
use andel_core::excel;
use andel_core::files;
use andel_core::present::{self, CliMsg, Language, Msg};
use andel_core::reference::{Parties, Reference};
use andel_core::statbank::{read_population, Ages};
use andel_core::tabular::{read_weights_bytes, CsvColumns, Dialect, NumberStyle, MAX_INPUT_BYTES};
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
    /// Split an amount of money by the weights in a CSV file, or by the
    /// embedded population (--region, --year).
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
    /// Apportion whole units (places) by the weights in a CSV file, or by the
    /// embedded population (--region, --year).
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
        #[arg(long, allow_negative_numbers = true)]
        minimum: Option<u64>,
        /// The most places each party gets.
        #[arg(long, allow_negative_numbers = true)]
        maximum: Option<u64>,
        /// modified_sainte_lague only: the first divisor (1.4 unless given;
        /// Sweden uses 1.2).
        #[arg(long, value_name = "DIVISOR", allow_negative_numbers = true)]
        first_divisor: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// The municipalities with their population.
    Municipalities {
        /// Only this region (Nordjylland, Midtjylland, Syddanmark, Hovedstaden, Sjælland).
        #[arg(long)]
        region: Option<String>,
        /// Population on 1 January of this year (the latest shipped by default;
        /// with --population, the file's first period of the year).
        #[arg(long)]
        year: Option<i32>,
        #[command(flatten)]
        population: PopulationArgs,
        #[command(flatten)]
        output: Output,
    },
    /// The JSON Schema of the key document (generated from the Rust types).
    Schema,
    /// The report of the KKR Nordjylland minutes: every key document (the
    /// minutes' own, built into the program, or those of a folder), with its
    /// title, note and assumptions.
    Report {
        /// A folder of key documents (*.json) instead of the minutes' own.
        /// The report's title is the first line of the folder's title.txt,
        /// or else one that names the folder.
        #[arg(long, value_name = "DIR")]
        documents: Option<PathBuf>,
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
    /// The CSV file of weights, or - for standard input (any dialect: , ; or
    /// tab; decimal comma or point; UTF-8, UTF-16 or Windows-1252), or an
    /// .xlsx workbook (--sheet).
    #[arg(long, value_name = "FILE")]
    weights: Option<String>,
    /// Instead of --weights: the embedded population of this region's
    /// municipalities (all 98 without it).
    #[arg(long)]
    region: Option<String>,
    /// Instead of --weights: the embedded population on 1 January of this
    /// year (the latest shipped without it), or the first period of this
    /// year in the --population file.
    #[arg(long)]
    year: Option<i32>,
    #[command(flatten)]
    population: PopulationArgs,
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
    /// The sheet of an .xlsx --weights file (the first by default).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// Keep regions (Region Nordjylland, 081) and a row that is the sum of
    /// the others as parties; by default they are totals, left out and said.
    #[arg(long)]
    keep_totals: bool,
}

/// Population from the user's own Statbank file.
#[derive(clap::Args)]
struct PopulationArgs {
    /// Instead of the embedded population: a Statbank file (FOLK1A,
    /// FOLK1AM or BY2; the API's CSV or the web's matrix export; any year).
    #[arg(long, value_name = "FILE")]
    population: Option<String>,
    /// Only these ages, from the file's age groups: 65- (65 and over),
    /// 0-17, 80 (one age).
    #[arg(long, value_name = "FROM-TO", requires = "population")]
    ages: Option<String>,
}

impl PopulationArgs {
    /// The ages of --ages: `65-`, `0-17`, `-17`, `80`.
    fn ages(&self) -> Result<Option<Ages>, Error> {
        let Some(text) = &self.ages else {
            return Ok(None);
        };
        let bad = || Error::InvalidOption {
            field: "ages".into(),
            message: Problem::AgesForm {
                given: text.clone(),
            }
            .into(),
        };
        let num = |s: &str| -> Result<Option<u32>, Error> {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse().map(Some).map_err(|_| bad())
            }
        };
        let (from, to) = match text.split_once('-') {
            Some((a, b)) => (num(a)?, num(b)?),
            None => (num(text)?, num(text)?),
        };
        if from.is_none() && to.is_none() || from.zip(to).is_some_and(|(f, t)| f > t) {
            return Err(bad());
        }
        Ok(Some(Ages { from, to }))
    }

    /// The file's population of `region` in `year`, said on standard error.
    fn read(
        &self,
        file: &str,
        region: Option<Region>,
        year: Option<i32>,
        language: Language,
    ) -> Result<Key, Error> {
        let bytes = read_bytes(file, "population")?;
        let read = read_population(&bytes, year, self.ages()?)
            .map_err(|e| e.with_field_if_empty("population"))?;
        {
            use std::io::Write;
            let note = present::read_note(&read.note(file), language);
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                stderr_word(language, false),
                andel_core::format::for_terminal(&note)
            );
        }
        read.key(region).map_err(|e| e.with_field("population"))
    }
}

#[derive(clap::Args)]
struct Output {
    /// table (the default), csv, json, or xlsx (an Excel workbook: amounts
    /// as numbers, a total row, the assumptions on their own sheet; needs
    /// --output).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Danish (1.658.397,22, the default) or plain numbers in tables; Danish
    /// Excel or plain CSV. Not for json, which is always exact plain numbers.
    #[arg(long, value_enum)]
    numbers: Option<Numbers>,
    /// The language of tables, Danish Excel CSV, workbooks and explanations: da
    /// (Danish, the default) or en. Not for json or plain CSV, whose names
    /// are stable for programs.
    #[arg(long, value_enum)]
    language: Option<Lang>,
}

impl Output {
    /// The format and number style, refusing a style JSON would ignore.
    /// `text` to --output, or returned for standard output.
    fn emit(&self, text: String) -> Result<String, Error> {
        self.emit_bytes(text.into_bytes())
    }

    /// `value` as JSON, written as it is made to --output or standard output
    /// (a big result is never held whole as text: issue 25, the command
    /// line's memory); returns no text for [`write_out`].
    fn emit_json<T: serde::Serialize>(&self, value: &T) -> Result<String, Error> {
        use std::io::Write;
        let write = |w: &mut dyn Write| -> Result<(), serde_json::Error> {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
            serde_json::to_writer_pretty(&mut w, value)?;
            w.write_all(b"\n").map_err(serde_json::Error::io)?;
            w.flush().map_err(serde_json::Error::io)
        };
        match &self.output {
            Some(path) => {
                let shown = path.display().to_string();
                let mut file = std::fs::File::create(path)
                    .map_err(|e| write_error(&shown, Some(e.kind()), e.to_string()))?;
                write(&mut file)
                    .map_err(|e| write_error(&shown, e.io_error_kind(), e.to_string()))?;
            }
            None => match write(&mut std::io::stdout().lock()) {
                // A reader that stops early ends the run quietly (write_out).
                Err(e) if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => {}
                Err(e) => {
                    return Err(write_error(
                        "standard output",
                        e.io_error_kind(),
                        e.to_string(),
                    ))
                }
                Ok(()) => {}
            },
        }
        Ok(String::new())
    }

    /// `bytes` to --output (or, text, returned for standard output).
    fn emit_bytes(&self, bytes: Vec<u8>) -> Result<String, Error> {
        match &self.output {
            Some(path) => {
                std::fs::write(path, bytes).map_err(|e| {
                    write_error(&path.display().to_string(), Some(e.kind()), e.to_string())
                })?;
                Ok(String::new())
            }
            None => Ok(String::from_utf8(bytes).unwrap_or_default()),
        }
    }

    /// The format, number style and language, refusing a style or a
    /// language the output would ignore.
    fn resolve(&self) -> Result<(Format, Numbers, Language), Error> {
        let format = self.format.unwrap_or(Format::Table);
        if format == Format::Xlsx && self.output.is_none() {
            return Err(Error::InvalidOption {
                field: "output".into(),
                message: Problem::XlsxNeedsOutput.into(),
            });
        }
        if format == Format::Xlsx && self.numbers.is_some() {
            return Err(Error::InvalidOption {
                field: "numbers".into(),
                message: Problem::NumbersInXlsx.into(),
            });
        }
        if format == Format::Json && self.numbers.is_some() {
            return Err(Error::InvalidOption {
                field: "numbers".into(),
                message: Problem::NumbersInJson.into(),
            });
        }
        let numbers = self.numbers.unwrap_or(Numbers::Danish);
        let machine =
            format == Format::Json || (format == Format::Csv && numbers == Numbers::Plain);
        if machine && self.language.is_some() {
            return Err(Error::InvalidOption {
                field: "language".into(),
                message: Problem::LanguageInMachineOutput.into(),
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
    Xlsx,
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, language_of_args()),
    };
    let language = cli.command.language();
    match run(cli.command) {
        Ok(out) => write_out(&out),
        Err(e) => {
            let field = e
                .field()
                .filter(|f| !f.is_empty())
                .map(|f| format!(" {f}:"))
                .unwrap_or_default();
            // In the command's language (core's catalogue), the code as it is.
            let message = e.message(language);
            let message = e
                .field()
                .and_then(|f| message.strip_prefix(&format!("{f}: ")))
                .unwrap_or(&message);
            use std::io::Write;
            // Shown as text: nothing in a message runs in the terminal.
            let line = format!(
                "{} [{}]{field} {message}",
                stderr_word(language, true),
                e.code()
            );
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                andel_core::format::for_terminal(&line)
            );
            ExitCode::FAILURE
        }
    }
}

impl Command {
    /// The language of what the command says, errors and notes on standard
    /// error too: `--language`, Danish by default.
    fn language(&self) -> Language {
        match self {
            Command::Compute { output, .. }
            | Command::Split { output, .. }
            | Command::Apportion { output, .. }
            | Command::Municipalities { output, .. } => {
                output.language.unwrap_or(Lang::Da).language()
            }
            Command::Report { language, .. } => language.language(),
            _ => Language::Da,
        }
    }
}

/// The word leading a line on standard error: `fejl`/`error` or
/// `bemærk`/`note`, from core's catalogue of the command line's own words
/// (which the web form's module leaves out).
fn stderr_word(language: Language, error: bool) -> &'static str {
    language.cli_text(if error { CliMsg::Error } else { CliMsg::Note })
}

/// The language asked for on the command line, read before clap reads the
/// arguments (for clap's own errors): `--language en` (or `=en`), Danish
/// otherwise.
fn language_of_args() -> Language {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let english = args
        .windows(2)
        .any(|w| w[0] == "--language" && w[1] == "en")
        || args.iter().any(|a| a == "--language=en");
    if english {
        Language::En
    } else {
        Language::Da
    }
}

/// A usage error of clap's (exit code 2). Its common kinds (a required
/// argument missing, an unknown argument, a value an argument cannot take)
/// are said in Danish from core's catalogue with clap's context (the
/// argument's name, the value, the possible values); in English, and for
/// other kinds (help, version), clap says them itself.
fn usage_error(e: clap::Error, language: Language) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if language == Language::En {
        e.exit()
    }
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let say = |msg: CliMsg, args: &[(&str, &str)]| language.say_cli(msg, args);
    let said = match e.kind() {
        ErrorKind::MissingRequiredArgument => text(ContextKind::InvalidArg)
            .map(|args| say(CliMsg::MissingArguments, &[("args", &args)])),
        ErrorKind::UnknownArgument => text(ContextKind::InvalidArg).map(|arg| {
            let mut t = say(CliMsg::UnknownArgument, &[("arg", &arg)]);
            if let Some(s) = text(ContextKind::SuggestedArg) {
                t += &say(CliMsg::DidYouMean, &[("arg", &s)]);
            }
            t
        }),
        ErrorKind::InvalidValue => {
            match (
                text(ContextKind::InvalidArg),
                text(ContextKind::InvalidValue),
            ) {
                (Some(arg), Some(value)) => {
                    let value = format!("«{value}»");
                    let mut t = say(CliMsg::InvalidValue, &[("value", &value), ("arg", &arg)]);
                    if let Some(v) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                        t += &say(CliMsg::PossibleValues, &[("values", &v)]);
                    }
                    Some(t)
                }
                _ => None,
            }
        }
        _ => None,
    };
    let Some(said) = said else { e.exit() };
    // The command as its usage names it ("andel split"), for where to read more.
    let usage = text(ContextKind::Usage).unwrap_or_default();
    let command: Vec<&str> = usage
        .split_whitespace()
        .skip_while(|w| !w.starts_with("andel"))
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let command = if command.is_empty() {
        "andel".to_string()
    } else {
        command.join(" ")
    };
    let lines = [
        format!("{}: {said}", stderr_word(language, true)),
        say(CliMsg::SeeHelp, &[("command", &command)]),
    ];
    use std::io::Write;
    for line in lines {
        // Shown as text: nothing in an argument runs in the terminal.
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            andel_core::format::for_terminal(&line)
        );
    }
    ExitCode::from(2)
}

/// Writes the output. A reader that stops early (`andel report | head -1`)
/// closes the pipe: that ends the run quietly, as it does for other tools.
fn write_out(out: &str) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error [io] standard output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `what` (a file, a folder, standard input) cannot be read.
fn io_error(option: &str, what: &str, e: std::io::Error) -> Error {
    file_error(
        option,
        Problem::FileRefused {
            path: what.to_string(),
            why: FileRefusal::CannotRead {
                kind: IoKind::of(&e),
                os: e.to_string(),
            },
        },
    )
}

/// `what` (a file, standard output) cannot be written.
fn write_error(what: &str, kind: Option<std::io::ErrorKind>, os: String) -> Error {
    file_error(
        "output",
        Problem::CannotWrite {
            path: what.to_string(),
            io: kind.map_or(IoKind::Other, |k| IoKind::of(&k.into())),
            os,
        },
    )
}

fn file_error(option: &str, problem: Problem) -> Error {
    Error::Io {
        field: option.to_string(),
        message: problem.into(),
    }
}

/// The bytes of a file (or standard input for `-`), at most MAX_INPUT_BYTES,
/// read the one way andel reads files (regular files only, the size checked
/// first); errors name the option it came from (`option`).
fn read_bytes(path: &str, option: &str) -> Result<Vec<u8>, Error> {
    if path != "-" {
        return files::read(path, &FileAccess::Anywhere, option, MAX_INPUT_BYTES);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(option, "standard input", e))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(file_error(
            option,
            Problem::FileRefused {
                path: "standard input".into(),
                why: FileRefusal::TooLarge {
                    mib: MAX_INPUT_BYTES >> 20,
                },
            },
        ));
    }
    Ok(bytes)
}

/// A UTF-8 text file (a document), or standard input for `-`.
fn read_input(path: &str, option: &str) -> Result<String, Error> {
    files::text(read_bytes(path, option)?, option)
}

fn run(command: Command) -> Result<String, Error> {
    match command {
        Command::Compute {
            document,
            output,
            scenario,
            explain,
        } => {
            // Read from the text it takes, then computed from the document
            // it takes: neither kept beside what comes next (issue 25).
            let doc = parse_owned(read_input(&document, "document")?)?;
            // csv.path is read inside the document's own folder.
            let folder = if document == "-" {
                std::env::current_dir().map_err(|e| io_error("document", "working folder", e))?
            } else {
                Path::new(&document)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            };
            let mut result = compute_owned(doc, &FileAccess::Under(folder))?;
            if let Some(name) = &scenario {
                let names: Vec<String> = result.scenarios.iter().map(|s| s.name.clone()).collect();
                result.scenarios.retain(|s| &s.name == name);
                if result.scenarios.is_empty() {
                    return Err(Error::InvalidOption {
                        field: "scenario".into(),
                        message: Problem::NoScenarioNamed {
                            name: name.clone(),
                            names,
                        }
                        .into(),
                    });
                }
            }
            match explain {
                Some(_) if output.format.is_some() || output.output.is_some() => {
                    Err(Error::InvalidOption {
                        field: "explain".into(),
                        message: Problem::ExplainPrintsSentences.into(),
                    })
                }
                Some(id) => {
                    let (_, numbers, language) = output.resolve()?;
                    explain_party(&result, &id, language, numbers.style())
                        .map(|t| andel_core::format::for_terminal(&t))
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
            // The notes on how the weights were read, in the output's language.
            let (_, _, language) = output.resolve()?;
            let (key, notes) = read_key(&weights, language)?;
            let options = SplitOptions {
                unit,
                ties: tie_rule(&weights, &key)?,
            };
            render_allocation(&key.split(amount, &options)?, &output, &notes)
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
            // The notes on how the weights were read, in the output's language.
            let (_, _, language) = output.resolve()?;
            let (key, notes) = read_key(&weights, language)?;
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
            render_allocation(&allocation, &output, &notes)
        }
        Command::Municipalities {
            region,
            year,
            population,
            output,
        } => {
            let (format, numbers, language) = output.resolve()?;
            if format == Format::Xlsx {
                return Err(Error::InvalidOption {
                    field: "format".into(),
                    message: Problem::XlsxForResults.into(),
                });
            }
            let region = region.map(|r| r.parse::<Region>()).transpose()?;
            let (rows, year) = match &population.population {
                Some(file) => {
                    let key = population.read(file, region, year, language)?;
                    let rows = key
                        .parties()
                        .iter()
                        .map(|p| {
                            let m = data::municipality(&p.id)?;
                            Ok(data::MunicipalityRow {
                                code: m.code.clone(),
                                name: m.name.clone(),
                                region: m.region,
                                population: u64::try_from(p.weight).unwrap_or_default(),
                            })
                        })
                        .collect::<Result<Vec<_>, Error>>()?;
                    (
                        rows,
                        year.map(|y| y.to_string()).unwrap_or_else(|| "file".into()),
                    )
                }
                None => {
                    let year = match year {
                        Some(y) => y,
                        None => data::default_year()?,
                    };
                    (municipality_rows(region, year)?, year.to_string())
                }
            };
            output.emit(match format {
                Format::Xlsx => String::new(),
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
        } => report(documents.as_deref(), numbers.style(), language.language())
            .map(|t| andel_core::format::for_terminal(&t)),
        Command::Schema => Ok(json(&andel_core::document::schema())),
    }
}

/// The tie rule of `--ties` or `--priority` (parties by id, or a
/// municipality's name or code), for the parties of `key`.
fn tie_rule(args: &WeightsArgs, key: &Key) -> Result<TieRule, Error> {
    match (args.ties, args.priority.is_empty()) {
        (Some(_), false) => Err(Error::InvalidOption {
            field: "priority".into(),
            message: Problem::NotBoth {
                first: "--ties".into(),
                second: "--priority".into(),
            }
            .into(),
        }),
        (None, false) => {
            // One reading of a party reference (core's `reference`): an id,
            // a shown name, or a municipality's code or name.
            let (ids, names): (Vec<String>, Vec<Option<String>>) = key
                .parties()
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .unzip();
            let named: Vec<Reference> = args
                .priority
                .iter()
                .map(|p| Reference::Text(p.clone()))
                .collect();
            let at = Parties::new(&ids, &names).resolve_all(&named, "priority")?;
            Ok(TieRule::Priority(
                at.into_iter().map(PartyRef::Index).collect(),
            ))
        }
        (Some(Ties::Error), true) => Ok(TieRule::Error),
        (Some(Ties::Order) | None, true) => Ok(TieRule::Order),
    }
}

/// The weights of a CSV file or the embedded population, with the parties
/// named by `--exclude` out.
fn read_key(args: &WeightsArgs, language: Language) -> Result<(Key, Vec<String>), Error> {
    let (key, notes) = match &args.weights {
        Some(path) => read_csv_key(path, args, language)?,
        None => (embedded_key(args, language)?, Vec::new()),
    };
    if args.exclude.is_empty() {
        return Ok((key, notes));
    }
    Ok((
        andel_core::data::exclude_named(&key, &args.exclude, "exclude")?,
        notes,
    ))
}

/// The embedded population of `--region` in `--year`; the CSV options
/// (which would do nothing here) are refused.
fn embedded_key(args: &WeightsArgs, language: Language) -> Result<Key, Error> {
    if args.region.is_none() && args.year.is_none() && args.population.population.is_none() {
        return Err(Error::InvalidOption {
            field: "weights".into(),
            message: Problem::NoWeights.into(),
        });
    }
    let csv_options = [
        ("id-column", args.id_column.is_some()),
        ("name-column", args.name_column.is_some()),
        ("weight-column", args.weight_column.is_some()),
        ("header", args.header.is_some()),
        ("decimal", args.decimal.is_some()),
        ("keep-totals", args.keep_totals),
        ("sheet", args.sheet.is_some()),
    ];
    if let Some((name, _)) = csv_options.iter().find(|(_, given)| *given) {
        return Err(Error::InvalidOption {
            field: (*name).into(),
            message: Problem::CsvOptionWithoutFile {
                option: (*name).into(),
            }
            .into(),
        });
    }
    let region = args
        .region
        .as_deref()
        .map(str::parse::<Region>)
        .transpose()?;
    if let Some(file) = &args.population.population {
        return args.population.read(file, region, args.year, language);
    }
    let year = match args.year {
        Some(y) => y,
        None => data::default_year()?,
    };
    data::population_key(region, year)
}

/// The weights of a CSV file (`-`: standard input).
fn read_csv_key(
    path: &str,
    args: &WeightsArgs,
    language: Language,
) -> Result<(Key, Vec<String>), Error> {
    if let Some(name) = [
        ("region", args.region.is_some()),
        ("year", args.year.is_some()),
        ("population", args.population.population.is_some()),
    ]
    .iter()
    .find(|(_, given)| *given)
    .map(|(n, _)| n)
    {
        return Err(Error::InvalidOption {
            field: (*name).into(),
            message: Problem::EmbeddedOrWeights {
                option: (*name).into(),
            }
            .into(),
        });
    }
    let bytes = read_bytes(path, "weights")?;
    let columns = CsvColumns {
        id: args.id_column.clone(),
        name: args.name_column.clone(),
        weight: args.weight_column.clone(),
        header: args.header,
        decimal: args.decimal.clone(),
        keep_totals: args.keep_totals.then_some(true),
    };
    // Errors about a column option name it as the command line spells it.
    // An .xlsx file is a zip file: its first bytes say so.
    let xlsx = bytes.starts_with(b"PK\x03\x04");
    if args.sheet.is_some() && !xlsx {
        return Err(Error::InvalidOption {
            field: "sheet".into(),
            message: Problem::SheetNotXlsx {
                path: path.to_string(),
            }
            .into(),
        });
    }
    let read = if xlsx {
        excel::read_weights_xlsx(&bytes, args.sheet.as_deref(), &columns)
    } else {
        read_weights_bytes(&bytes, &columns)
    }
    .map_err(|e| {
        e.renamed("id", "id-column")
            .renamed("name", "name-column")
            .renamed("weight", "weight-column")
    })?;
    // How the file was read and the totals left out are said, on standard
    // error (the output stays data).
    let said = present::said(&read, language);
    for s in &said {
        use std::io::Write;
        let note = format!("{}: {path}: {s}", stderr_word(language, false));
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            andel_core::format::for_terminal(&note)
        );
    }
    Ok((read.key, said))
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .unwrap_or_default()
}

fn render_allocation(a: &Allocation, output: &Output, notes: &[String]) -> Result<String, Error> {
    let (format, numbers, language) = output.resolve()?;
    output.emit(match (format, numbers) {
        (Format::Json, _) => return output.emit_json(a),
        (Format::Csv, Numbers::Plain) => a.to_csv(numbers.dialect()),
        // Danish Excel: the table as on the screen.
        (Format::Csv, Numbers::Danish) => {
            present::allocation_view(a, language, numbers.style()).to_csv(numbers.dialect())
        }
        (Format::Table, _) => andel_core::format::for_terminal(
            &present::allocation_view(a, language, numbers.style()).text(),
        ),
        (Format::Xlsx, _) => {
            return output.emit_bytes(excel::write_allocation_in(a, Some(notes), language)?)
        }
    })
}

fn render_result(r: &DocumentResult, output: &Output) -> Result<String, Error> {
    let (format, numbers, language) = output.resolve()?;
    output.emit(match (format, numbers) {
        (Format::Xlsx, _) => return output.emit_bytes(excel::write_result_in(r, language)?),
        (Format::Json, _) => return output.emit_json(r),
        // Core's one writer: plain (`#` lines in English, machine
        // columns) or the tables as on the screen.
        (Format::Csv, _) => present::result_csv(r, numbers.dialect(), language),
        (Format::Table, _) => andel_core::format::for_terminal(
            &present::document_view(r, language, numbers.style()).text(),
        ),
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

// The minutes' documents, embedded by build.rs.
include!(concat!(env!("OUT_DIR"), "/documents.rs"));

/// Every key document of a folder (the minutes' own, built in, without
/// one), in the order of the minutes' items (2.4 before 2.8 before 2.12),
/// each with its title, note and assumptions.
fn report(folder: Option<&Path>, style: NumberStyle, language: Language) -> Result<String, Error> {
    let (documents, title): (Vec<(String, String, FileAccess)>, _) = match folder {
        None => (
            EMBEDDED_DOCUMENTS
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string(), FileAccess::None))
                .collect(),
            present::report_title(None, language),
        ),
        Some(folder) => (
            folder_documents(folder)?,
            present::report_title(
                Some((&folder_name(folder), folder_title(folder)?.as_deref())),
                language,
            ),
        ),
    };
    // By stem: "2.12-paid-internships" before its variant
    // "2.12-paid-internships-region-first".
    let order = |name: &str| -> Vec<u64> {
        let stem = name.strip_suffix(".json").unwrap_or(name);
        stem.split(['.', '-'])
            .map_while(|x| x.parse().ok())
            .collect()
    };
    let mut documents = documents;
    let stem = |name: &str| name.strip_suffix(".json").unwrap_or(name).to_string();
    documents.sort_by_key(|d| (order(&d.0), stem(&d.0)));
    let mut out = format!("{title}\n{}\n", present::provenance(language));
    let mut results = Vec::new();
    for (name, text, files) in documents {
        let doc = parse(&text).map_err(|e| e.under(&name))?;
        let r = compute_with(&doc, &files).map_err(|e| e.under(&name))?;
        out += &format!("\n\n[{name}]\n");
        out += &present::document_view(&r, language, style).text();
        results.push(r);
    }
    // The meeting as a whole, per municipality, over every document.
    let meeting = andel_core::summary::summary(&results)?;
    if let Some(v) = present::meeting_view(&meeting, language, style) {
        out += "\n\n";
        out += &v.text();
    }
    Ok(out)
}

/// A folder's name as the user gave it (`.` and `..` by the name they stand
/// for, when it can be found).
fn folder_name(folder: &Path) -> String {
    let full = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    full.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| folder.display().to_string())
}

/// A folder's own title for its report: the text of its `title.txt`, when
/// it has one.
fn folder_title(folder: &Path) -> Result<Option<String>, Error> {
    let path = folder.join(REPORT_TITLE_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let access = FileAccess::Under(folder.to_path_buf());
    let bytes = files::read(REPORT_TITLE_FILE, &access, "documents", MAX_INPUT_BYTES)?;
    Ok(Some(files::text(bytes, &path.display().to_string())?))
}

/// The file of a documents folder that holds the report's title.
const REPORT_TITLE_FILE: &str = "title.txt";

/// The key documents (*.json) of a folder: (file name, text, what its
/// `csv.path` may read).
fn folder_documents(folder: &Path) -> Result<Vec<(String, String, FileAccess)>, Error> {
    let files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| io_error("documents", &folder.display().to_string(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    if files.is_empty() {
        return Err(file_error(
            "documents",
            Problem::NoDocuments {
                folder: folder.display().to_string(),
            },
        ));
    }
    files
        .into_iter()
        .map(|f| {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            // Read inside the folder (a link out of it, a pipe or a device
            // is refused), as its csv.path is; an error is at the option.
            let access = FileAccess::Under(folder.to_path_buf());
            let path = f.display().to_string();
            let bytes = files::read(&name, &access, "documents", MAX_INPUT_BYTES)?;
            Ok((name, files::text(bytes, &path)?, access))
        })
        .collect()
}
