//! KL's 2018 municipal SOSU training places per KKR, embedded from
//! `core/data/`: the historical distribution in the minutes' case 2.9
//! (KL's key blends it with demography).

use super::population::kkr_key;
use super::Region;
use crate::error::{Error, Result};
use crate::key::Key;

pub(super) const SOSU_2018_CSV: &str =
    include_str!("../../data/sosu_training_places_2018_by_kkr.csv");
/// The programmes of that file (a test checks them against it).
pub(super) const SOSU_2018_PROGRAMMES: [&str; 3] = [
    "social- og sundhedshjælper",
    "social- og sundhedsassistent",
    "pædagogisk assistent",
];

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
                message: crate::error::Problem::Programme {
                    name: p.to_string(),
                    known: SOSU_2018_PROGRAMMES.map(String::from).to_vec(),
                }
                .into(),
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
