//! Population keys: the municipalities of a region (or all Denmark), or the
//! five KKR, weighted by inhabitants on 1 January of a year. The minutes'
//! cases 2.8 and 2.12 split by population ("Der fordeles efter
//! befolkningstal"); 2.9's demographic part is between the KKR.

use super::{municipalities, Region};
use crate::error::Result;
use crate::key::{Key, KeyParty};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    Key::new(parties).map(|k| {
        k.with_kind(Some(crate::key::WeightKind::Population {
            year,
            ages: None,
        }))
    })
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
    kkr_key(&totals).map(|k| {
        k.with_kind(Some(crate::key::WeightKind::Population {
            year,
            ages: None,
        }))
    })
}

/// A key between the five KKR from a total per region, in [`Region::ALL`] order.
pub(super) fn kkr_key(totals: &[u64; 5]) -> Result<Key> {
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
