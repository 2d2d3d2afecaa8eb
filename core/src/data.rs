//! Denmark's 98 municipalities and their population on 1 January 2020-2025,
//! embedded at build time from `core/data/` (Statistics Denmark; see
//! `core/data/README.md` for the table each year comes from). Nothing is
//! fetched at run time.

use crate::error::{quoted, Error, Result};
use crate::key::{Key, KeyParty};
use crate::util::sorted_map::{Positions, SortedMap};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

const SOSU_2018_CSV: &str = include_str!("../data/sosu_training_places_2018_by_kkr.csv");
/// The programmes of that file (a test checks them against it).
const SOSU_2018_PROGRAMMES: [&str; 3] = [
    "social- og sundhedshjælper",
    "social- og sundhedsassistent",
    "pædagogisk assistent",
];

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
            .map(|r| format!(" (did you mean {}?)", r.name()))
            .unwrap_or_default();
        Err(Error::InvalidOption {
            field: "region".into(),
            message: format!(
                "unknown region {}{closest}; the regions are Hovedstaden, Sjælland, \
                 Syddanmark, Midtjylland, Nordjylland",
                quoted(s)
            ),
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
        ),
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

/// Lower case for the letters Danish names and headers use (ASCII and
/// Latin-1: Æ Ø Å Ä Ö É …); other characters are kept as they are. (The
/// full Unicode tables of `str::to_lowercase` would triple what the browser
/// downloads for no name we meet.)
pub(crate) fn lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A spelling-forgiving form of a name: lower case, æ/ø/å and ae/oe/aa
/// folded together, no spaces, dashes or "Kommune".
pub(crate) fn skeleton(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    for c in lower(s.trim()).chars() {
        match c {
            'æ' | 'ä' => t.push_str("ae"),
            'ø' | 'ö' => t.push('o'),
            'å' => t.push_str("aa"),
            'é' => t.push('e'),
            // Spaces, dashes and punctuation go; letters and digits of any
            // script stay. (By ranges: `char::is_alphanumeric` would bring
            // Unicode tables into the browser module for no name we meet.)
            c if c.is_ascii_alphanumeric() => t.push(c),
            c if c.is_ascii() || c.is_whitespace() => {}
            '\u{a1}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2010}'..='\u{206f}' => {}
            c => t.push(c),
        }
    }
    let t = t.replace("aa", "a").replace("oe", "o").replace("ae", "a");
    let t = t.strip_suffix("kommune").unwrap_or(&t).to_string();
    t
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // The distance is at least the difference in length; far apart (a
    // megabyte of text against a name) that is answer enough, in bounded time.
    let a_len = a.chars().count();
    if a_len.abs_diff(b.len()) > 64 {
        return a_len.abs_diff(b.len());
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Finds a municipality by code ("851", "0851") or by name, forgiving of how
/// people type it: "Århus"/"Aarhus", "Høje Tåstrup"/"Høje-Taastrup",
/// "Vesthimmerland"/"Vesthimmerlands", "Laeso"/"Læsø".
///
/// # Example
/// ```
/// use andel_core::data::municipality;
/// assert_eq!(municipality("Høje Tåstrup")?.code, "169");
/// assert_eq!(municipality("vesthimmerland")?.name, "Vesthimmerlands");
/// assert_eq!(municipality("851")?.name, "Aalborg");
/// let err = municipality("Aalborgg").unwrap_err();
/// assert!(err.to_string().contains("Aalborg"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn municipality(query: &str) -> Result<&'static Municipality> {
    let all = municipalities()?;
    if let Some(m) = municipality_exact(query) {
        return Ok(m);
    }
    let k = skeleton(query.trim());
    // No name is near text far longer than any name: no suggestions, and no
    // edit distance over a megabyte of it (bounded time).
    let comparable = k.chars().count() <= 64;
    let mut near: Vec<(usize, &Municipality)> = all
        .iter()
        .filter(|_| comparable)
        .map(|m| (levenshtein(&skeleton(&m.name), &k), m))
        .collect();
    crate::util::sort::sort_unstable_by(&mut near, |(d, m), (e, n)| {
        d.cmp(e).then_with(|| m.code.cmp(&n.code))
    });
    Err(Error::UnknownMunicipality {
        field: "municipality".into(),
        query: query.to_string(),
        suggestions: near
            .iter()
            .take(3)
            .map(|(_, m)| format!("{} ({})", m.name, m.code))
            .collect(),
    })
}

/// "Vesthimmerland" for "Vesthimmerlands", "Nordfyn" for "Nordfyns".
fn stem(s: &str) -> &str {
    s.strip_suffix('s').unwrap_or(s)
}

/// Whether `id` is exactly a municipality's code ("851"; not a name, not
/// "0851"): how the meeting's summary tells municipalities from other
/// parties (a region, a group).
pub fn is_municipality_code(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && municipality_exact(id).is_some_and(|m| m.code == id)
}

/// [`municipality`] without suggestions: `None` for a query that is not
/// wholly one municipality's code or name (forgiving of spelling as
/// [`municipality`] is). One bisection, for reading large files.
pub fn municipality_exact(query: &str) -> Option<&'static Municipality> {
    static INDEX: OnceLock<SortedMap<String, usize>> = OnceLock::new();
    let all = municipalities().ok()?;
    let index = INDEX.get_or_init(|| {
        // "#code", the name's skeleton, and "~stem" for a stem only one
        // municipality has.
        let mut entries = Vec::with_capacity(3 * all.len());
        let mut stems: Vec<(String, usize)> = Vec::with_capacity(all.len());
        for (i, m) in all.iter().enumerate() {
            entries.push((format!("#{}", m.code), i));
            let k = skeleton(&m.name);
            stems.push((format!("~{}", stem(&k)), i));
            entries.push((k, i));
        }
        crate::util::sort::sort_unstable(&mut stems);
        for (j, (s, i)) in stems.iter().enumerate() {
            let shared = |n: Option<&(String, usize)>| n.is_some_and(|(t, _)| t == s);
            if !shared(j.checked_sub(1).and_then(|p| stems.get(p))) && !shared(stems.get(j + 1)) {
                entries.push((s.clone(), *i));
            }
        }
        entries.into_iter().collect()
    });
    let q = query.trim();
    let hit = if !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit()) {
        index.get(&format!("#{}", q.trim_start_matches('0')))
    } else {
        let k = skeleton(q);
        index
            .get(&k)
            .or_else(|| index.get(&format!("~{}", stem(&k))))
    };
    hit.and_then(|&i| all.get(i))
}

/// The position of the party `query` names among `ids`: its id, or a
/// municipality's code or name (forgiving of spelling). An error names
/// `field`, and for a name that is no municipality lists the closest ones.
///
/// # Example
/// ```
/// use andel_core::data::find_party;
/// let ids = ["851".to_string(), "860".to_string(), "region".to_string()];
/// assert_eq!(find_party(&ids, "Hjørring", "exclude[0]")?, 1);
/// assert_eq!(find_party(&ids, "region", "exclude[0]")?, 2);
/// let e = find_party(&ids, "Aalborgg", "exclude[1]").unwrap_err();
/// assert_eq!((e.code(), e.field()), ("unknown_municipality", Some("exclude[1]")));
/// assert!(e.to_string().contains("Aalborg"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn find_party(ids: &[String], query: &str, field: &str) -> Result<usize> {
    find_among(
        &Positions::new(ids.iter().map(String::as_str), 1),
        ids,
        query,
        field,
    )
}

/// [`find_party`] for each of `names`, the ids indexed once (O((n + m)
/// log n) for m names among n ids); errors name `field[i]`.
pub fn find_parties<S: AsRef<str>>(ids: &[String], names: &[S], field: &str) -> Result<Vec<usize>> {
    let positions = Positions::new(ids.iter().map(String::as_str), names.len());
    names
        .iter()
        .enumerate()
        .map(|(i, n)| find_among(&positions, ids, n.as_ref(), &format!("{field}[{i}]")))
        .collect()
}

fn find_among(
    positions: &Positions<'_>,
    ids: &[String],
    query: &str,
    field: &str,
) -> Result<usize> {
    if let Some(i) = positions.get(query) {
        return Ok(i);
    }
    let unknown = || Error::UnknownParty {
        field: field.to_string(),
        id: query.to_string(),
    };
    match municipality_exact(query) {
        Some(m) => positions.get(&m.code).ok_or_else(unknown),
        // Parties that are municipalities: say which names are close.
        None if ids
            .iter()
            .any(|id| municipality_exact(id).is_some_and(|m| m.code == *id)) =>
        {
            Err(municipality(query)
                .err()
                .map_or_else(unknown, |e| e.with_field(field)))
        }
        None => Err(unknown()),
    }
}

/// `key` with the parties named in `names` (ids, municipality codes or
/// names) taken out; errors name `field[i]`.
pub fn exclude_named<S: AsRef<str>>(key: &Key, names: &[S], field: &str) -> Result<Key> {
    let ids = key.ids();
    let out: Vec<&String> = find_parties(&ids, names, field)?
        .into_iter()
        .map(|p| &ids[p])
        .collect();
    key.exclude(&out)
}

/// A population key over the municipalities of a region (or all of
/// Denmark) on 1 January of `year`: ids are codes, names Statistics
/// Denmark's.
///
/// # Example
/// ```
/// use andel_core::data::{population_key, Region};
/// let key = population_key(Some(Region::Nordjylland), 2022)?;
/// assert_eq!(key.parties().len(), 11);
/// assert_eq!(key.total_weight().to_string(), "591740");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn population_key(region: Option<Region>, year: i32) -> Result<Key> {
    let mut parties = Vec::new();
    for m in municipalities()? {
        if region.is_none_or(|r| r == m.region) {
            parties.push(KeyParty::new(
                m.code.clone(),
                Some(m.name.clone()),
                Decimal::from(m.population_in(year)?),
            ));
        }
    }
    Key::new(parties).map(|k| k.with_kind(Some(crate::key::WeightKind::Population { year })))
}

/// One municipality with its population in one year: a row of a list or a
/// form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityRow {
    /// Statistics Denmark's code ("851").
    pub code: String,
    /// The name ("Aalborg").
    pub name: String,
    /// Its region (KKR).
    pub region: Region,
    /// Population on 1 January of the year asked for.
    pub population: u64,
}

/// The municipalities of `region` (all 98 when `None`), ordered by code, with
/// their population on 1 January of `year`.
///
/// # Example
/// ```
/// use andel_core::data::{municipality_rows, Region};
/// let rows = municipality_rows(Some(Region::Nordjylland), 2022)?;
/// assert_eq!(rows.len(), 11);
/// assert_eq!((rows[0].code.as_str(), rows[0].population), ("773", 20_068));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn municipality_rows(region: Option<Region>, year: i32) -> Result<Vec<MunicipalityRow>> {
    municipalities()?
        .iter()
        .filter(|m| region.is_none_or(|r| r == m.region))
        .map(|m| {
            Ok(MunicipalityRow {
                code: m.code.clone(),
                name: m.name.clone(),
                region: m.region,
                population: m.population_in(year)?,
            })
        })
        .collect()
}

/// Total population of each region on 1 January of `year`, in
/// [`Region::ALL`] order: a key between the five KKR.
pub fn region_population_key(year: i32) -> Result<Key> {
    let mut totals = [0u64; 5];
    for m in municipalities()? {
        // Embedded data: six million people at most, far from overflow.
        totals[m.region as usize] += m.population_in(year)?;
    }
    kkr_key(&totals).map(|k| k.with_kind(Some(crate::key::WeightKind::Population { year })))
}

/// A key between the five KKR from a total per region, in [`Region::ALL`] order.
fn kkr_key(totals: &[u64; 5]) -> Result<Key> {
    Key::new(
        Region::ALL
            .iter()
            .zip(totals)
            .map(|(r, total)| {
                KeyParty::new(
                    r.name(),
                    Some(format!("KKR {}", r.name())),
                    Decimal::from(*total),
                )
            })
            .collect(),
    )
}

/// KL's 2018 municipal SOSU training places per KKR for the programmes named
/// (e.g. "social- og sundhedshjælper", "social- og sundhedsassistent"),
/// summed: the historical distribution of the SOSU example.
pub fn sosu_2018_key(programmes: &[&str]) -> Result<Key> {
    // Every name must be a programme of the file, once: a name it does not
    // know (a capital letter, a typo) would otherwise be dropped unsaid.
    for (i, p) in programmes.iter().enumerate() {
        if !SOSU_2018_PROGRAMMES.contains(p) || programmes[..i].contains(p) {
            return Err(Error::InvalidOption {
                field: format!("programmes[{i}]"),
                message: format!(
                    "unknown or repeated programme {}; the programmes are \
                     social- og sundhedshjælper, social- og sundhedsassistent, \
                     pædagogisk assistent, each once",
                    crate::error::quoted(p),
                ),
            });
        }
    }
    let mut totals = [0u64; 5];
    // Our own small file: kkr,programme,places, no quotes (a test reads it all).
    for (n, row) in SOSU_2018_CSV.lines().enumerate().skip(1) {
        let bad = |m: &str| Error::Csv {
            line: n as u64 + 1,
            column: None,
            message: format!("embedded SOSU data: {m}"),
            problem: None,
        };
        let mut cells = row.split(',');
        let (Some(kkr), Some(programme), Some(places)) = (cells.next(), cells.next(), cells.next())
        else {
            return Err(bad("missing column"));
        };
        if programmes.contains(&programme) {
            let places: u64 = places.trim().parse().map_err(|_| bad("bad count"))?;
            totals[kkr.parse::<Region>()? as usize] += places;
        }
    }
    kkr_key(&totals)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let package = include_str!("../../wasm/package.json");
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
