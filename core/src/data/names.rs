//! Finding a municipality or a party by code or name, forgiving of how
//! people type it ("Laeso" for Læsø, "Århus" for Aarhus): how the minutes'
//! exclusions (2.8: Læsø and Morsø) and every CSV of municipality names are
//! read.

use super::{municipalities, Municipality};
use crate::error::{Error, Result};
use crate::key::Key;
use crate::util::sorted_map::{Positions, SortedMap};
use std::sync::OnceLock;

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

pub(super) fn levenshtein(a: &str, b: &str) -> usize {
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
        // A municipality, but not a party (one of another region): say so.
        Some(m) => positions
            .get(&m.code)
            .ok_or_else(|| Error::MunicipalityNotAParty {
                field: field.to_string(),
                name: m.name.clone(),
                region: m.region.name().to_string(),
            }),
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
