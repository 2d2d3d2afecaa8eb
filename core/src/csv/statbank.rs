//! Population from the user's own Statbank file: FOLK1A, FOLK1AM or BY2
//! as Statistics Denmark writes them, for any year and any age group.
//!
//! Two shapes are read:
//! - the API's CSV, long: a value column `INDHOLD` and any of `OMRÅDE`,
//!   `ALDER`, `KØN`, `TID` (a column the export left out has one value);
//! - the web's matrix export: a title line, a header whose value columns
//!   are periods (`2026K1`), label columns before them (area, and age or
//!   sex when chosen), a label left blank where it repeats the one above.
//!
//! Municipalities are matched by code or name to the embedded list
//! ("851", "Aalborg", "851 Aalborg"); the national and regional totals are
//! skipped. The period (`2026K1`, `2026M01`, `2026`) gives the date: the
//! first day of the quarter, month or year. Ages are read from Statbank's
//! labels (`65 år`, `65-69 år`, `100 år og derover`, `Alder i alt`) and
//! summed over a range; a range the file's groups cannot give exactly is
//! an error, never a guess. Sexes are the file's total, or men and women
//! added up.

use crate::csv::encoding::decode;
use crate::csv::{records_of, Record};
use crate::data::{self, lower, municipality_exact, Region};
use crate::error::{CsvProblem, Error, Result};
use crate::key::{Key, KeyParty};
use crate::number::format::{read_as, Mark};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use crate::key::Ages;

impl Ages {
    fn show(self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) => format!("{f}-{t} years"),
            (Some(f), None) => format!("{f} years and over"),
            (None, Some(t)) => format!("0-{t} years"),
            (None, None) => "all ages".into(),
        }
    }
}

/// What a population file gave for one period and age range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilePopulation {
    /// The period read (`2026K1`).
    pub period: String,
    /// The date of the period's figures (`2026-01-01`).
    pub date: String,
    /// The age range counted.
    pub ages: Ages,
    /// Each municipality found: (code, population), ordered by code.
    pub counts: Vec<(String, u64)>,
}

impl FilePopulation {
    /// The key of `region`'s municipalities (all 98 when `None`) by the
    /// file's figures; a municipality the file lacks is an error naming it.
    pub fn key(&self, region: Option<Region>) -> Result<Key> {
        let mut parties = Vec::new();
        for m in data::municipalities()? {
            if region.is_some_and(|r| r != m.region) {
                continue;
            }
            let count = self
                .counts
                .binary_search_by(|(c, _)| c.as_str().cmp(&m.code))
                .map(|i| self.counts[i].1)
                .map_err(|_| Error::MissingMunicipality {
                    field: "file".into(),
                    municipality: m.code.clone(),
                    name: m.name.clone(),
                })?;
            parties.push(KeyParty::new(
                m.code.clone(),
                Some(m.name.clone()),
                Decimal::from(count),
            ));
        }
        // The weights are inhabitants on the period's date, of its ages:
        // tables head the column so and explanations say inhabitants.
        let year = self.date.get(..4).and_then(|y| y.parse().ok());
        let ages = (self.ages != Ages::default()).then_some(self.ages);
        Key::new(parties).map(|k| {
            k.with_kind(year.map(|year| crate::key::WeightKind::Population { year, ages }))
        })
    }

    /// What the file gave, as a note (`present::read_note` says it in
    /// Danish or English): the period, its date and the ages counted.
    pub fn note(&self, file: &str) -> crate::csv::CsvNote {
        crate::csv::CsvNote::Population {
            file: file.to_string(),
            period: self.period.clone(),
            date: self.date.clone(),
            ages: self.ages,
        }
    }
}

/// One figure of the file: area label, age label, sex label, period, count.
struct Cell {
    line: u64,
    area: String,
    age: Option<String>,
    sex: Option<String>,
    period: String,
    value: String,
}

/// A Statbank age label as a range: `65 år` (65-65), `65-69 år`, `100 år
/// og derover` (100-), `Alder i alt`/`I alt`/`Total` (`None`: the total).
fn age_range(label: &str) -> Option<Option<(u32, Option<u32>)>> {
    let l = lower(label.trim());
    if l.contains("i alt") || l == "total" || l == "alder" {
        return Some(None);
    }
    let l = l.strip_suffix(" years").unwrap_or(&l);
    let (body, open) = match l.split_once(" år og derover") {
        Some((b, _)) => (b.to_string(), true),
        None => match l.split_once(" og derover") {
            Some((b, _)) => (b.to_string(), true),
            None => (l.trim_end_matches(" år").trim().to_string(), false),
        },
    };
    let num = |s: &str| s.trim().parse::<u32>().ok();
    let (from, to) = match body.split_once('-') {
        Some((a, b)) => (num(a)?, Some(num(b.trim_end_matches(" år"))?)),
        None => (num(&body)?, if open { None } else { num(&body) }),
    };
    Some(Some((from, if open { None } else { to })))
}

/// The first day of a Statbank period: `2026K2` → 2026-04-01, `2026M03`
/// → 2026-03-01, `2026` → 2026-01-01.
fn period_date(p: &str) -> Option<(i32, String)> {
    let year: i32 = p.get(..4)?.parse().ok()?;
    let rest = &p[4..];
    let month = match rest.as_bytes() {
        [] => 1,
        [b'K' | b'k' | b'Q' | b'q', q] if (b'1'..=b'4').contains(q) => 3 * u32::from(q - b'0') - 2,
        [b'M' | b'm', ..] => rest[1..].parse().ok().filter(|m| (1..=12).contains(m))?,
        _ => return None,
    };
    Some((year, format!("{year}-{month:02}-01")))
}

fn is_sex_total(l: &str) -> bool {
    let l = lower(l.trim());
    l.contains("i alt") || l == "total"
}

/// The figures of a Statbank file, long: from the API's CSV or the web's
/// matrix export.
fn cells(records: &[Record]) -> Result<Vec<Cell>> {
    let Some(head) = records.first() else {
        return Err(Error::csv(1, None, CsvProblem::Empty));
    };
    let lowered: Vec<String> = head.cells.iter().map(|h| lower(h)).collect();
    let col = |names: &[&str]| lowered.iter().position(|h| names.contains(&h.as_str()));
    let mut out = Vec::new();
    if let Some(value) = col(&["indhold", "value"]) {
        // The API's CSV.
        let area = col(&["område", "omrade", "area"]);
        let age = col(&["alder", "age"]);
        let sex = col(&["køn", "koen", "sex"]);
        let tid = col(&["tid", "time"]);
        for r in &records[1..] {
            let get = |c: Option<usize>| c.and_then(|c| r.cells.get(c)).cloned();
            out.push(Cell {
                line: r.line,
                area: get(area).unwrap_or_default(),
                age: get(age),
                sex: get(sex),
                period: get(tid).unwrap_or_default(),
                value: get(Some(value)).unwrap_or_default(),
            });
        }
        if area.is_none() {
            return Err(Error::csv(head.line, None, CsvProblem::NoAreaColumn));
        }
        return Ok(out);
    }
    // The matrix export: period columns, label columns before them.
    let periods: Vec<usize> = (0..head.cells.len())
        .filter(|&c| period_date(head.cells[c].trim()).is_some())
        .collect();
    let Some(&first) = periods.first() else {
        return Err(Error::csv(head.line, None, CsvProblem::NotStatbank));
    };
    // Which label column is which: ages and sexes by their labels.
    let mut kinds = vec![0u8; first]; // 0 area, 1 age, 2 sex
    for (c, kind) in kinds.iter_mut().enumerate() {
        let labels = records[1..].iter().filter_map(|r| r.cells.get(c));
        for l in labels.filter(|l| !l.is_empty()) {
            let low = lower(l);
            if matches!(low.as_str(), "mænd" | "kvinder") || low.starts_with("køn") {
                *kind = 2;
                break;
            }
            if low.contains(" år") || low.starts_with("alder") {
                *kind = 1;
                break;
            }
        }
    }
    let mut above: Vec<String> = vec![String::new(); first];
    for r in &records[1..] {
        for (c, a) in above.iter_mut().enumerate() {
            match r.cells.get(c) {
                Some(l) if !l.is_empty() => *a = l.clone(),
                _ => {}
            }
        }
        let label = |k: u8| kinds.iter().position(|&x| x == k).map(|c| above[c].clone());
        for &p in &periods {
            out.push(Cell {
                line: r.line,
                area: label(0).unwrap_or_default(),
                age: label(1),
                sex: label(2),
                period: head.cells[p].trim().to_string(),
                value: r.cells.get(p).cloned().unwrap_or_default(),
            });
        }
    }
    Ok(out)
}

/// The population of each municipality in a Statbank file (bytes in any
/// encoding [`decode`] reads), for the period of `year` (its first period
/// in the file: `K1`, `M01`, or the year itself; when `year` is `None`, the
/// file's only period) and the ages in `ages` (all when `None`).
///
/// # Example
/// ```
/// use andel_core::statbank::{read_population, Ages};
/// let file = "OMRÅDE;ALDER;TID;INDHOLD\n\
///     Læsø;0-64 år;2026K1;1000\nLæsø;65 år og derover;2026K1;700\n\
///     Aalborg;0-64 år;2026K1;180000\nAalborg;65 år og derover;2026K1;40000\n";
/// let p = read_population(file.as_bytes(), Some(2026), Some(Ages { from: Some(65), to: None }))?;
/// assert_eq!(p.date, "2026-01-01");
/// assert_eq!(p.counts, [("825".to_string(), 700), ("851".to_string(), 40000)]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn read_population(
    bytes: &[u8],
    year: Option<i32>,
    ages: Option<Ages>,
) -> Result<FilePopulation> {
    let text = decode(bytes)?.text;
    let records = records_of(&text)?;
    let all = cells(&records)?;
    let period = the_period(&all, year)?;
    let date = period_date(&period)
        .map(|d| d.1)
        .unwrap_or_else(|| period.clone());
    let want = ages.unwrap_or_default();
    let (lo, hi) = (want.from.unwrap_or(0), want.to);
    let found = by_municipality(&all, &period)?;
    let mut counts = Vec::with_capacity(found.len());
    for (code, f) in found {
        let whole = ages.is_none() || (lo == 0 && hi.is_none());
        let count = match (whole, f.total) {
            (true, Some(t)) => t,
            _ => sum_ages(&f.groups, lo, hi).ok_or_else(|| Error::AgesNotInFile {
                field: "ages".into(),
                ages: want.show(),
                from: want.from,
                to: want.to,
                groups: show_groups(&f.groups),
            })?,
        };
        counts.push((code, count));
    }
    counts.sort();
    Ok(FilePopulation {
        period,
        date,
        ages: want,
        counts,
    })
}

/// The period to read: the earliest of `year`'s in the file, or the file's
/// only one; an error lists the periods the file has.
fn the_period(all: &[Cell], year: Option<i32>) -> Result<String> {
    let mut periods: Vec<String> = Vec::new();
    for c in all {
        if !periods.contains(&c.period) {
            periods.push(c.period.clone());
        }
    }
    let period = match year {
        Some(y) => {
            let mut of_year: Vec<&String> = periods
                .iter()
                .filter(|p| period_date(p).is_some_and(|(py, _)| py == y))
                .collect();
            of_year.sort_by_key(|p| period_date(p).map(|d| d.1));
            of_year.first().map(|p| (*p).clone())
        }
        None if periods.len() == 1 => periods.first().cloned(),
        None => None,
    };
    let Some(period) = period else {
        periods.sort_by_key(|p| period_date(p).map(|d| d.1));
        return Err(Error::PeriodNotInFile {
            field: "year".into(),
            asked: year.map(|y| y.to_string()).unwrap_or_default(),
            available: periods,
        });
    };
    Ok(period)
}

/// One municipality's figures in the period: the total-age figure and the
/// age groups.
struct Found {
    total: Option<u64>,
    groups: Vec<(u32, Option<u32>, u64, u64)>, // from, to, count, line
}

/// The period's figures per municipality code, in the file's order; sexes
/// given apart are added, the national and regional totals skipped.
fn by_municipality(all: &[Cell], period: &str) -> Result<Vec<(String, Found)>> {
    let mut found: Vec<(String, Found)> = Vec::new();
    let any_sex_total = all
        .iter()
        .any(|c| c.sex.as_deref().is_some_and(is_sex_total));
    for c in all.iter().filter(|c| c.period == period) {
        if c.sex
            .as_deref()
            .is_some_and(|s| any_sex_total != is_sex_total(s))
        {
            continue;
        }
        let Some(code) = municipality_of(c)? else {
            continue;
        };
        let count = read_as(&c.value, Mark::Comma)
            .ok()
            .flatten()
            .filter(|d| d.fract().is_zero() && *d >= Decimal::ZERO)
            .and_then(|d| u64::try_from(d).ok())
            .ok_or_else(|| {
                Error::csv(
                    c.line,
                    None,
                    CsvProblem::NotPeople {
                        text: c.value.clone(),
                    },
                )
            })?;
        let at = match found.iter().position(|(known, _)| *known == code) {
            Some(i) => i,
            None => {
                found.push((
                    code,
                    Found {
                        total: None,
                        groups: Vec::new(),
                    },
                ));
                found.len() - 1
            }
        };
        let f = &mut found[at].1;
        let range = match &c.age {
            None => None,
            Some(a) => age_range(a).ok_or_else(|| {
                Error::csv(c.line, None, CsvProblem::NotAgeGroup { text: a.clone() })
            })?,
        };
        match range {
            // Sexes given apart add up: the same age twice is added.
            None => f.total = Some(f.total.unwrap_or(0).saturating_add(count)),
            Some((from, to)) => match f.groups.iter_mut().find(|g| g.0 == from && g.1 == to) {
                Some(g) => g.2 = g.2.saturating_add(count),
                None => f.groups.push((from, to, count, c.line)),
            },
        }
    }
    Ok(found)
}

/// The municipality code of a cell's area ("851", "Aalborg", "851 Aalborg");
/// `None` for a total (the country, a region, a landsdel) or an empty area,
/// an error for anything else.
fn municipality_of(c: &Cell) -> Result<Option<String>> {
    let area = c.area.trim();
    let code = area
        .split_once(' ')
        .filter(|(c, _)| c.bytes().all(|b| b.is_ascii_digit()))
        .map_or(area, |(c, _)| c);
    if let Some(m) = municipality_exact(code).or_else(|| municipality_exact(area)) {
        return Ok(Some(m.code.clone()));
    }
    let l = lower(area);
    let total = l.contains("hele landet")
        || l.starts_with("region")
        || l.starts_with("landsdel")
        || l.contains("i alt")
        || l.contains("christiansø")
        || ["000", "081", "082", "083", "084", "085", "411"].contains(&code);
    if total || area.is_empty() {
        return Ok(None);
    }
    Err(Error::csv(
        c.line,
        None,
        CsvProblem::NotMunicipality {
            text: area.to_string(),
        },
    ))
}

/// The sum of the age groups that make up `lo..=hi` exactly (`hi` `None`:
/// no bound); `None` when a group straddles an end or a gap is left.
fn sum_ages(groups: &[(u32, Option<u32>, u64, u64)], lo: u32, hi: Option<u32>) -> Option<u64> {
    let mut inside: Vec<&(u32, Option<u32>, u64, u64)> = groups
        .iter()
        .filter(|g| g.0 >= lo && hi.is_none_or(|h| g.0 <= h))
        .collect();
    inside.sort_by_key(|g| g.0);
    // A group starting below `lo` but reaching into it straddles the end.
    if groups
        .iter()
        .any(|g| g.0 < lo && g.1.is_none_or(|t| t >= lo))
    {
        return None;
    }
    let mut next = lo;
    let mut sum = 0u64;
    for g in inside {
        if g.0 != next {
            return None;
        }
        match (g.1, hi) {
            (Some(t), Some(h)) if t > h => return None,
            (None, Some(_)) => return None,
            _ => {}
        }
        sum = sum.checked_add(g.2)?;
        match g.1 {
            Some(t) => next = t + 1,
            None => return (hi.is_none()).then_some(sum),
        }
    }
    match hi {
        Some(h) if next == h + 1 => Some(sum),
        _ => None,
    }
}

fn show_groups(groups: &[(u32, Option<u32>, u64, u64)]) -> Vec<String> {
    let mut g: Vec<(u32, Option<u32>)> = groups.iter().map(|g| (g.0, g.1)).collect();
    g.sort();
    g.into_iter()
        .map(|(f, t)| match t {
            Some(t) if t == f => format!("{f}"),
            Some(t) => format!("{f}-{t}"),
            None => format!("{f}-"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statbank_labels() {
        assert_eq!(age_range("65 år"), Some(Some((65, Some(65)))));
        assert_eq!(age_range("65-69 år"), Some(Some((65, Some(69)))));
        assert_eq!(age_range("100 år og derover"), Some(Some((100, None))));
        assert_eq!(age_range("Alder i alt"), Some(None));
        assert_eq!(age_range("ukendt"), None);
        assert_eq!(period_date("2026K2").unwrap().1, "2026-04-01");
        assert_eq!(period_date("2024M03").unwrap().1, "2024-03-01");
        assert_eq!(period_date("2025").unwrap().1, "2025-01-01");
        assert!(period_date("2026K5").is_none());
        let g = [(0, Some(64), 10, 0), (65, Some(79), 5, 0), (80, None, 2, 0)];
        assert_eq!(sum_ages(&g, 65, None), Some(7));
        assert_eq!(sum_ages(&g, 0, Some(79)), Some(15));
        assert_eq!(sum_ages(&g, 70, None), None); // 65-79 straddles 70
        assert_eq!(sum_ages(&g, 65, Some(70)), None);
    }
}
