//! Denmark's 98 municipalities and their population on 1 January 2020-2025,
//! embedded at build time from `core/data/` (Statistics Denmark; see
//! `core/data/README.md` for the table each year comes from). Nothing is
//! fetched at run time.
//!
//! - this file: the regions (each one KKR), the municipalities and where the
//!   figures come from;
//! - `names`: finding a municipality or a party by code or name, forgiving of
//!   spelling (2.8's "Læsø og Morsø" as people type them);
//! - `population`: population keys (2.8 and 2.12 split by population);
//! - `sosu`: KL's 2018 SOSU training places per KKR (2.9's historical part).

mod names;
mod population;
mod sosu;

pub use names::{exclude_named, find_parties, find_party, is_municipality_code, municipality};
pub(crate) use names::{lower, municipality_exact};
pub use population::{municipality_rows, population_key, region_population_key, MunicipalityRow};
pub use sosu::sosu_2018_key;

use crate::error::{quoted, Error, Result};
use crate::util::sorted_map::SortedMap;
use names::{levenshtein, skeleton};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A Danish region; each region is one KKR (Kommunekontaktråd). Declared
/// in [`Region::ALL`] order, so `region as usize` is its place there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    Hovedstaden,
    #[serde(rename = "Sjælland", alias = "Sjaelland")]
    Sjaelland,
    Syddanmark,
    Midtjylland,
    Nordjylland,
}

impl Region {
    /// All five, in Statistics Denmark's order.
    pub const ALL: [Region; 5] = [
        Region::Hovedstaden,
        Region::Sjaelland,
        Region::Syddanmark,
        Region::Midtjylland,
        Region::Nordjylland,
    ];

    /// The Danish name ("Sjælland").
    pub fn name(self) -> &'static str {
        match self {
            Region::Hovedstaden => "Hovedstaden",
            Region::Sjaelland => "Sjælland",
            Region::Syddanmark => "Syddanmark",
            Region::Midtjylland => "Midtjylland",
            Region::Nordjylland => "Nordjylland",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Region {
    type Err = Error;
    /// Forgiving: "Region Nordjylland", "KKR Nordjylland", "nordjylland",
    /// "Sjaelland" all work.
    fn from_str(s: &str) -> Result<Region> {
        let key = skeleton(s);
        let key = key
            .strip_prefix("region")
            .or_else(|| key.strip_prefix("kkr"))
            .unwrap_or(&key);
        if let Some(region) = Region::ALL.into_iter().find(|r| skeleton(r.name()) == key) {
            return Ok(region);
        }
        // Never guessed: the closest is named for the user to choose.
        let closest = Region::ALL
            .into_iter()
            .min_by_key(|r| levenshtein(&skeleton(r.name()), key))
            .filter(|r| levenshtein(&skeleton(r.name()), key) <= 3)
            .map(|r| r.name().to_string());
        Err(Error::InvalidOption {
            field: "region".into(),
            message: crate::error::Problem::UnknownRegion {
                name: s.into(),
                closest,
            }
            .into(),
        })
    }
}

/// A municipality with its population by year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// The three-digit code, as text ("851").
    pub code: String,
    /// Statistics Denmark's spelling ("Vesthimmerlands").
    pub name: String,
    /// Its region (and so its KKR).
    pub region: Region,
    /// Population on 1 January, by year, with the source table.
    pub population: SortedMap<i32, Population>,
}

/// One population figure and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    /// Number of residents on 1 January.
    pub count: u64,
    /// The Statistics Denmark table and period ("FOLK1A 2022K1").
    pub table: String,
}

impl Municipality {
    /// The population on 1 January of `year`.
    pub fn population_in(&self, year: i32) -> Result<u64> {
        self.population
            .get(&year)
            .map(|p| p.count)
            .ok_or_else(|| Error::UnknownYear {
                field: "year".into(),
                year,
                available: years(),
            })
    }
}

// `YEARS`, `MUNICIPALITY_LINES` and `POPULATION`, made by build.rs from the population file.
include!(concat!(env!("OUT_DIR"), "/population.rs"));

fn load() -> Result<Vec<Municipality>> {
    let broken = |line: &str| Error::Io {
        field: "population".into(),
        message: format!(
            "the embedded population table is broken at {}",
            quoted(line)
        )
        .into(),
    };
    let lines: Vec<&str> = MUNICIPALITY_LINES.split('\n').collect();
    if lines.len() != POPULATION.len() {
        return Err(broken(""));
    }
    lines
        .into_iter()
        .zip(&POPULATION)
        .map(|(line, counts)| {
            let mut cells = line.split('|');
            let (Some(code), Some(name), Some(region), None) =
                (cells.next(), cells.next(), cells.next(), cells.next())
            else {
                return Err(broken(line));
            };
            Ok(Municipality {
                code: code.to_string(),
                name: name.to_string(),
                region: region.parse()?,
                population: (YEARS.iter().zip(counts))
                    .map(|((year, table), &count)| {
                        let table = table.to_string();
                        let count = u64::from(count);
                        (*year, Population { count, table })
                    })
                    .collect(),
            })
        })
        .collect()
    // The file lists the municipalities by code (a test checks it).
}

/// All 98 municipalities, ordered by code.
pub fn municipalities() -> Result<&'static [Municipality]> {
    static DATA: OnceLock<Result<Vec<Municipality>>> = OnceLock::new();
    match DATA.get_or_init(load) {
        Ok(v) => Ok(v),
        Err(e) => Err(e.clone()),
    }
}

/// The years we have population for.
pub fn years() -> Vec<i32> {
    municipalities()
        .ok()
        .and_then(|m| m.first())
        .map(|m| m.population.keys().copied().collect())
        .unwrap_or_default()
}

/// The year a population is taken from when none is given: the newest
/// embedded one (2025), one rule for the command line, Python and JS.
pub fn default_year() -> Result<i32> {
    years().last().copied().ok_or_else(|| Error::UnknownYear {
        field: "year".into(),
        year: 0,
        available: Vec::new(),
    })
}

/// What made a result, for the line outputs state it on: this version of
/// andel and the embedded population data's source and dates, as
/// `andel 0.1.0; population: Statistics Denmark, 1 January 2020-2025 (FOLK1A
/// 2020K1-2023K1, FOLK1AM 2024M01, BY2 2025)`.
///
/// ```
/// let line = andel_core::data::provenance();
/// assert!(line.starts_with(&format!("andel {}; population: Statistics Denmark, 1 January 2020-", andel_core::VERSION)));
/// assert!(line.contains("FOLK1A 2020K1-2023K1"));
/// ```
pub fn provenance() -> String {
    let (span, sources) = population_sources();
    format!(
        "andel {}; population: Statistics Denmark, 1 January {span} ({sources})",
        crate::VERSION
    )
}

/// The embedded population's years ("2020-2025") and its Statbank tables
/// by period ("FOLK1A 2020K1-2023K1, FOLK1AM 2024M01, BY2 2025"): what
/// [`provenance`] says, in either language (`present::provenance`).
pub fn population_sources() -> (String, String) {
    let years = years();
    let tables: Vec<&str> = municipalities()
        .ok()
        .and_then(|m| m.first())
        .map(|m| m.population.values().map(|p| p.table.as_str()).collect())
        .unwrap_or_default();
    // Consecutive periods of one table as a range: "FOLK1A 2020K1-2023K1".
    let mut runs: Vec<(&str, &str, &str)> = Vec::new();
    for t in tables {
        let (name, period) = t.split_once(' ').unwrap_or((t, ""));
        match runs.last_mut() {
            Some(run) if run.0 == name => run.2 = period,
            _ => runs.push((name, period, period)),
        }
    }
    let sources: Vec<String> = runs
        .into_iter()
        .map(|(name, first, last)| match (first, last) {
            ("", _) => name.to_string(),
            (f, l) if f == l => format!("{name} {f}"),
            (f, l) => format!("{name} {f}-{l}"),
        })
        .collect();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    (span, sources.join(", "))
}

#[cfg(test)]
mod tests {
    use super::sosu::{SOSU_2018_CSV, SOSU_2018_PROGRAMMES};
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn the_sosu_programmes_are_those_of_the_file() {
        let mut in_file: Vec<&str> = Vec::new();
        for row in SOSU_2018_CSV.lines().skip(1) {
            let p = row.split(',').nth(1).unwrap();
            if !in_file.contains(&p) {
                in_file.push(p);
            }
        }
        assert_eq!(in_file, SOSU_2018_PROGRAMMES);
        let e = sosu_2018_key(&["social- og sundhedshjælper", "Pædagogisk assistent"]).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("invalid_option", Some("programmes[1]"))
        );
        let e = sosu_2018_key(&["pædagogisk assistent", "pædagogisk assistent"]).unwrap_err();
        assert_eq!(e.field(), Some("programmes[1]"));
    }

    #[test]
    fn provenance_names_the_version_and_each_table_of_the_population_file() {
        // The tables by year, as core/data/population_municipalities_2020_2025.csv
        // lists them (column `table`): FOLK1A 2020K1 .. 2023K1, FOLK1AM 2024M01, BY2 2025.
        assert_eq!(
            provenance(),
            format!(
                "andel {VERSION}; population: Statistics Denmark, 1 January 2020-2025 \
                 (FOLK1A 2020K1-2023K1, FOLK1AM 2024M01, BY2 2025)",
                VERSION = crate::VERSION
            )
        );
        // One version for the workspace (Cargo.toml), the wheel (pyproject.toml
        // takes it from Cargo) and the npm package (wasm/package.json).
        let package = include_str!("../../../wasm/package.json");
        assert!(
            package.contains(&format!("\"version\": \"{}\"", crate::VERSION)),
            "wasm/package.json's version is not {}",
            crate::VERSION
        );
    }

    #[test]
    fn a_misspelt_region_is_refused_with_the_closest_named() {
        assert_eq!(
            "region nordjylland".parse::<Region>().unwrap(),
            Region::Nordjylland
        );
        let message = "Nordjyland".parse::<Region>().unwrap_err().to_string();
        assert!(message.contains("did you mean Nordjylland?"), "{message}");
        let message = "Bornholm".parse::<Region>().unwrap_err().to_string();
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn ninety_eight_municipalities_six_years_distinct_skeletons() {
        let all = municipalities().unwrap();
        assert_eq!(all.len(), 98);
        assert!(
            all.windows(2).all(|w| w[0].code < w[1].code),
            "ordered by code"
        );
        assert_eq!(years(), vec![2020, 2021, 2022, 2023, 2024, 2025]);
        let mut sk: Vec<String> = all.iter().map(|m| skeleton(&m.name)).collect();
        sk.sort();
        sk.dedup();
        assert_eq!(sk.len(), 98, "two municipalities fold to one spelling");
    }

    #[test]
    fn a_skeleton_keeps_letters_and_digits_and_drops_the_rest() {
        assert_eq!(
            skeleton("Høje-Taastrup Kommune"),
            skeleton(" høje  tåstrup ")
        );
        assert_eq!(skeleton("Ærø"), "aro");
        assert_eq!(skeleton("A.B, c–d\u{a0}e «f» 1/2"), "abcdef12");
        // Letters of other scripts stay (as `char::is_alphanumeric` keeps them).
        assert_eq!(skeleton("Ωμέγα 7"), "Ωμέγα7");
    }

    #[test]
    fn sosu_2018_totals_match_kls_published_figures() {
        // data/README.md: helpers 2,231, assistants 3,455, pædagogisk assistent 810.
        let total = |p: &[&str]| sosu_2018_key(p).unwrap().total_weight();
        assert_eq!(total(&["social- og sundhedshjælper"]), Decimal::from(2231));
        assert_eq!(
            total(&["social- og sundhedsassistent"]),
            Decimal::from(3455)
        );
        assert_eq!(total(&["pædagogisk assistent"]), Decimal::from(810));
        let all = [
            "social- og sundhedshjælper",
            "social- og sundhedsassistent",
            "pædagogisk assistent",
        ];
        assert_eq!(total(&all), Decimal::from(2231 + 3455 + 810));
        assert_eq!(SOSU_2018_CSV.lines().count(), 1 + 5 * 3);
    }

    #[test]
    fn regional_totals_2022_match_statistics_denmark() {
        // Region Nordjylland on 1 January 2022: 591,740 (data/README.md).
        let k = region_population_key(2022).unwrap();
        assert_eq!(k.parties()[4].weight, Decimal::from(591_740));
    }

    #[test]
    fn spellings_people_type() {
        for (q, code) in [
            ("Århus", "751"),
            ("Aarhus", "751"),
            ("Høje Tåstrup", "169"),
            ("Høje-Taastrup", "169"),
            ("Vesthimmerland", "820"),
            ("Nordfyn", "480"),
            ("Laeso", "825"),
            ("Læsø", "825"),
            ("Bronderslev", "810"),
            ("Hjorring", "860"),
            ("Morso", "773"),
            ("Morsø Kommune", "773"),
            ("københavn", "101"),
        ] {
            assert_eq!(municipality(q).unwrap().code, code, "{q}");
        }
        let e = municipality("Narnia").unwrap_err();
        assert_eq!(e.code(), "unknown_municipality");
        assert_eq!(
            population_key(None, 2019).unwrap_err().code(),
            "unknown_year"
        );
    }
}
