//! A key's parties kept compact (issue 25: 10^6 parties from Python, the
//! command line's 10^5): the ids end to end in one text, the names likewise
//! (none kept when no party has one), the weights as one list of decimals,
//! and the bases only when some party's is not its own weight. About 30
//! bytes a party with short ids, where a [`KeyParty`] each cost about 104
//! (two strings, a decimal and a basis). [`Key::parties`](super::Key::parties)
//! still hands out the parties as a slice: made on first use and kept.
//!
//! The browser build keeps the parties as a list of [`KeyParty`] (and the
//! weights beside them) behind the same methods: its keys are small, and
//! every kilobyte of code is downloaded (DESIGN.md, "Sorting in the browser").

use super::{Basis, KeyParty};
use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
/// Texts end to end: one allocation, not one a text.
#[derive(Clone, Default)]
struct Texts {
    bytes: String,
    ends: Vec<usize>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Texts {
    fn push(&mut self, s: &str) {
        self.bytes.push_str(s);
        self.ends.push(self.bytes.len());
    }

    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)?,
        };
        self.bytes.get(start..end)
    }

    fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Names, when some party has one: `given[i]` says whether party `i` has
/// one (an empty name is a name).
#[derive(Clone, Default)]
struct Names {
    texts: Texts,
    given: Vec<bool>,
}

#[cfg(not(target_arch = "wasm32"))]
/// The parties of a key, column by column.
#[derive(Default)]
pub(super) struct Roster {
    ids: Texts,
    names: Option<Names>,
    weights: Vec<Decimal>,
    /// Per party, when some party's basis is not [`Basis::Weight`].
    basis: Option<Vec<Basis>>,
    /// The parties as [`KeyParty`] values, made when asked for.
    rows: OnceLock<Vec<KeyParty>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Clone for Roster {
    /// The columns (the rows are made again when asked for).
    fn clone(&self) -> Roster {
        Roster {
            ids: self.ids.clone(),
            names: self.names.clone(),
            weights: self.weights.clone(),
            basis: self.basis.clone(),
            rows: OnceLock::new(),
        }
    }
}

/// Basis::Weight, for parties whose basis is not kept.
static WEIGHT: Basis = Basis::Weight;

#[cfg(not(target_arch = "wasm32"))]
impl Roster {
    pub(super) fn with_capacity(n: usize) -> Roster {
        Roster {
            ids: Texts {
                bytes: String::new(),
                ends: Vec::with_capacity(n),
            },
            weights: Vec::with_capacity(n),
            ..Roster::default()
        }
    }

    /// Adds a party at the end.
    pub(super) fn push(&mut self, id: &str, name: Option<&str>, weight: Decimal, basis: Basis) {
        let n = self.weights.len();
        self.ids.push(id);
        if let Some(name) = name {
            let names = self.names.get_or_insert_with(|| Names {
                texts: Texts {
                    bytes: String::new(),
                    ends: vec![0; n],
                },
                given: vec![false; n],
            });
            names.texts.push(name);
            names.given.push(true);
        } else if let Some(names) = &mut self.names {
            names.texts.push("");
            names.given.push(false);
        }
        if basis != Basis::Weight && self.basis.is_none() {
            self.basis = Some(vec![Basis::Weight; n]);
        }
        if let Some(b) = &mut self.basis {
            b.push(basis);
        }
        self.weights.push(weight);
    }

    /// Gives back the room kept for growing.
    pub(super) fn shrink(&mut self) {
        self.ids.shrink();
        if let Some(n) = &mut self.names {
            n.texts.shrink();
            n.given.shrink_to_fit();
        }
        self.weights.shrink_to_fit();
    }

    pub(super) fn len(&self) -> usize {
        self.weights.len()
    }

    pub(super) fn id(&self, i: usize) -> Option<&str> {
        self.ids.get(i)
    }

    pub(super) fn name(&self, i: usize) -> Option<&str> {
        let names = self.names.as_ref()?;
        match names.given.get(i) {
            Some(true) => names.texts.get(i),
            _ => None,
        }
    }

    pub(super) fn weights(&self) -> &[Decimal] {
        &self.weights
    }

    pub(super) fn basis(&self, i: usize) -> &Basis {
        self.basis
            .as_ref()
            .and_then(|b| b.get(i))
            .unwrap_or(&WEIGHT)
    }

    /// The ids in order.
    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.id(i).unwrap_or(""))
    }

    /// The first party whose id an earlier party has (as `first_repeat`
    /// finds it), by a table of positions at most half full: 8 bytes a
    /// party at most, where a hash set of the ids took about 36 (issue 25).
    pub(super) fn first_repeat(&self) -> Option<usize> {
        let n = self.len();
        #[cfg(not(target_arch = "wasm32"))]
        if let Ok(last) = u32::try_from(n) {
            use std::hash::BuildHasher;
            let size = n.saturating_mul(2).next_power_of_two().max(2);
            let mask = size - 1;
            // u32::MAX is a free place (no position is as high: n fits).
            let mut table = vec![u32::MAX; size];
            let state = std::collections::hash_map::RandomState::new();
            for (i, id) in (0..last).zip(self.ids()) {
                // Truncated to the table's size: only the low bits are used.
                let mut at = state.hash_one(id) as usize & mask;
                while let Some(place) = table.get_mut(at) {
                    if *place == u32::MAX {
                        *place = i;
                        break;
                    }
                    if self.id(*place as usize) == Some(id) {
                        return Some(i as usize);
                    }
                    at = (at + 1) & mask;
                }
            }
            return None;
        }
        crate::util::sorted_map::first_repeat(n, |i| self.id(i).unwrap_or(""))
    }

    /// Party `i` as a [`KeyParty`] of its own.
    pub(super) fn party(&self, i: usize) -> Option<KeyParty> {
        Some(KeyParty {
            id: self.id(i)?.to_string(),
            name: self.name(i).map(str::to_string),
            weight: *self.weights.get(i)?,
            basis: self.basis(i).clone(),
        })
    }

    /// Every party as a [`KeyParty`], made on first use and kept.
    pub(super) fn rows(&self) -> &[KeyParty] {
        self.rows
            .get_or_init(|| (0..self.len()).filter_map(|i| self.party(i)).collect())
    }

    /// Every party as a [`KeyParty`] of its own.
    pub(super) fn into_rows(mut self) -> Vec<KeyParty> {
        match self.rows.take() {
            Some(rows) => rows,
            None => (0..self.len()).filter_map(|i| self.party(i)).collect(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl PartialEq for Roster {
    /// Party by party, as lists of [`KeyParty`] compare.
    fn eq(&self, other: &Roster) -> bool {
        self.len() == other.len()
            && self.weights == other.weights
            && (0..self.len()).all(|i| {
                self.id(i) == other.id(i)
                    && self.name(i) == other.name(i)
                    && self.basis(i) == other.basis(i)
            })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Debug for Roster {
    /// As the list of [`KeyParty`] it holds.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries((0..self.len()).filter_map(|i| self.party(i)))
            .finish()
    }
}

/// The browser build's parties: a list of [`KeyParty`], the weights beside.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Roster {
    parties: Vec<KeyParty>,
    weights: Vec<Decimal>,
}

#[cfg(target_arch = "wasm32")]
impl Roster {
    pub(super) fn with_capacity(n: usize) -> Roster {
        Roster {
            parties: Vec::with_capacity(n),
            weights: Vec::with_capacity(n),
        }
    }

    pub(super) fn push(&mut self, id: &str, name: Option<&str>, weight: Decimal, basis: Basis) {
        let name = name.map(str::to_string);
        self.parties.push(KeyParty {
            id: id.to_string(),
            name,
            weight,
            basis,
        });
        self.weights.push(weight);
    }

    pub(super) fn shrink(&mut self) {}

    pub(super) fn len(&self) -> usize {
        self.parties.len()
    }

    pub(super) fn id(&self, i: usize) -> Option<&str> {
        self.parties.get(i).map(|p| p.id.as_str())
    }

    pub(super) fn name(&self, i: usize) -> Option<&str> {
        self.parties.get(i)?.name.as_deref()
    }

    pub(super) fn weights(&self) -> &[Decimal] {
        &self.weights
    }

    pub(super) fn basis(&self, i: usize) -> &Basis {
        self.parties.get(i).map_or(&WEIGHT, |p| &p.basis)
    }

    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        self.parties.iter().map(|p| p.id.as_str())
    }

    pub(super) fn first_repeat(&self) -> Option<usize> {
        crate::util::sorted_map::first_repeat(self.len(), |i| self.id(i).unwrap_or(""))
    }

    pub(super) fn rows(&self) -> &[KeyParty] {
        &self.parties
    }

    pub(super) fn into_rows(self) -> Vec<KeyParty> {
        self.parties
    }
}
