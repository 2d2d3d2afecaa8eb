//! Turns the population file (`data/population_municipalities_2020_2025.csv`,
//! kept as Statistics Denmark's rows with their provenance) into a compact
//! table compiled into the library: one row per municipality with its
//! population per year, and the source table of each year once. The library
//! (and the browser module) then carries a few kilobytes instead of the text
//! file, and nothing parses it at run time.
//!
//! The file is ours and checked by tests; a malformed file stops the build
//! with a message naming the line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

fn main() {
    let path = "data/population_municipalities_2020_2025.csv";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(0, &format!("cannot read {path}: {e}")));
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, "code,name,region,date,population,table")) => {}
        _ => fail(
            1,
            "expected the header code,name,region,date,population,table",
        ),
    }
    // year -> table; code -> (name, region, year -> population)
    let mut tables: BTreeMap<i32, String> = BTreeMap::new();
    let mut rows: Vec<(String, String, String, BTreeMap<i32, u64>)> = Vec::new();
    for (i, line) in lines {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split(',').collect();
        let [code, name, region, date, population, table] = cells[..] else {
            fail(n, "expected six cells without commas inside them");
        };
        let year: i32 = date
            .get(0..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or_else(|| fail(n, "bad date"));
        if !date.ends_with("-01-01") {
            fail(n, "the population must be on 1 January");
        }
        let population: u64 = population
            .parse()
            .unwrap_or_else(|_| fail(n, "bad population"));
        match tables.get(&year) {
            Some(t) if t != table => fail(n, "one source table per year is expected"),
            _ => {
                tables.insert(year, table.to_string());
            }
        }
        match rows.iter_mut().find(|r| r.0 == code) {
            Some(r) => {
                if r.1 != name || r.2 != region {
                    fail(
                        n,
                        "a municipality's name and region must be the same every year",
                    );
                }
                if r.3.insert(year, population).is_some() {
                    fail(n, "a year given twice for one municipality");
                }
            }
            None => rows.push((
                code.to_string(),
                name.to_string(),
                region.to_string(),
                BTreeMap::from([(year, population)]),
            )),
        }
    }
    let years: Vec<i32> = tables.keys().copied().collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Each year shipped and the Statistics Denmark table it comes from."
    );
    let _ = writeln!(
        out,
        "pub(crate) static YEARS: [(i32, &str); {}] = [",
        years.len()
    );
    for (y, t) in &tables {
        let _ = writeln!(out, "    ({y}, {t:?}),");
    }
    let _ = writeln!(out, "];");
    // Text and whole numbers rather than a table of string slices: the
    // browser module then carries no pointer per cell (about 1 KB gzipped).
    let lines: Vec<String> = rows
        .iter()
        .map(|(code, name, region, _)| {
            if [code, name, region].iter().any(|c| c.contains(['|', '\n'])) {
                fail(
                    0,
                    &format!("{code} {name}: a cell holds '|' or a line break"),
                );
            }
            format!("{code}|{name}|{region}")
        })
        .collect();
    let _ = writeln!(
        out,
        "/// Code, name and region of each municipality, one line each, separated by '|'."
    );
    let _ = writeln!(
        out,
        "pub(crate) static MUNICIPALITY_LINES: &str = {:?};",
        lines.join("\n")
    );
    let _ = writeln!(
        out,
        "/// The population on 1 January of each of [`YEARS`], by municipality in the order of [`MUNICIPALITY_LINES`]."
    );
    let _ = writeln!(
        out,
        "pub(crate) static POPULATION: [[u32; {}]; {}] = [",
        years.len(),
        rows.len()
    );
    for (code, name, _, pops) in &rows {
        let per_year: Vec<String> = years
            .iter()
            .map(|y| {
                pops.get(y)
                    .filter(|&&p| u32::try_from(p).is_ok())
                    .map(u64::to_string)
                    .unwrap_or_else(|| {
                        fail(
                            0,
                            &format!("{code} {name}: no population (below 2^32) for {y}"),
                        )
                    })
            })
            .collect();
        let _ = writeln!(out, "    [{}],", per_year.join(", "));
    }
    let _ = writeln!(out, "];");
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail(0, "OUT_DIR is not set"));
    std::fs::write(format!("{dir}/population.rs"), out)
        .unwrap_or_else(|e| fail(0, &format!("cannot write: {e}")));
}

fn fail(line: usize, message: &str) -> ! {
    eprintln!("data/population_municipalities_2020_2025.csv: line {line}: {message}");
    std::process::exit(1)
}
