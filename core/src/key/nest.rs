//! A two-level key: whole units between groups, then between each group's
//! members. The minutes' case 2.9: SOSU training places are split between
//! the five KKR, then between the municipalities of each KKR.

use super::allocation::{Allocation, PartyAllocation};
use super::{Basis, Key, KeyParty};
use crate::apportion::{Limit, Options, PartyRef, TieRule};
use crate::error::{Error, Result};
use crate::util::exact::exact_mul;
use crate::util::sorted_map::{Positions, SortedMap};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a nested key rounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NestRounding {
    /// Each level rounds: the groups get whole units first, then each group's
    /// units are shared by its members. The default (see DESIGN.md): it is
    /// what KKR and KL do, and each group's number is final before its
    /// members are looked at.
    #[default]
    PerLevel,
    /// One apportionment over all the members, by their composed shares;
    /// group totals are the sums of their members.
    Flat,
}

/// A two-level key: a key between groups (the five KKR) and, per group, a
/// key between its members (the municipalities).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nest {
    /// The key between the groups.
    pub groups: Key,
    /// Per group id, the key between its members. A group without one keeps
    /// its units whole.
    pub members: SortedMap<String, Key>,
}

/// One group's result in a nested allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupAllocation {
    /// The group id.
    pub id: String,
    /// The group's units.
    pub units: u64,
    /// Its members' allocation, when it has members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Allocation>,
}

/// The result of [`Nest::apportion`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NestedAllocation {
    /// How it rounded.
    pub rounding: NestRounding,
    /// Per level: the apportionment between the groups (flat: `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Allocation>,
    /// Flat: the one apportionment over all members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat: Option<Allocation>,
    /// Per group, in the order of the group key.
    pub per_group: Vec<GroupAllocation>,
}

/// A nesting's members by group, when every group shares the same members
/// (the same municipalities for each programme, say): rows are the members,
/// columns the groups; a row adds up to the member's places over the
/// groups, a column to its group's places. See [`NestedAllocation::by_member`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberTable {
    /// The groups (the columns): id, name and places.
    pub groups: Vec<MemberTableGroup>,
    /// The members (the rows), in the members' key order.
    pub rows: Vec<MemberTableRow>,
    /// All places: the sum of the groups' (and of the rows').
    pub total: u64,
}

/// A column of a [`MemberTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberTableGroup {
    /// The group's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places.
    pub units: u64,
}

/// A row of a [`MemberTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberTableRow {
    /// The member's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places in each group, in column order.
    pub cells: Vec<u64>,
    /// Their sum.
    pub total: u64,
}

impl NestedAllocation {
    /// Per-level rounding where two or more groups all have the same
    /// members in the same order (2.9: the 11 municipalities for each of
    /// the two programmes): the members × groups table, its rows adding up
    /// to each member's places in all groups. `None` for any other nesting.
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key, Nest, NestRounding, Options, SortedMap};
    /// let w = |xs: &[(&str, i64)]| Key::from_weights(xs.iter().map(|&(i, w)| (i, Decimal::from(w))));
    /// let towns = w(&[("a", 2), ("b", 1)])?;
    /// let nest = Nest {
    ///     groups: w(&[("assistant", 2), ("helper", 1)])?,
    ///     members: SortedMap::from([("assistant".to_string(), towns.clone()), ("helper".to_string(), towns)]),
    /// };
    /// let o = Options::default();
    /// let t = nest.apportion(9, &o, &o, NestRounding::PerLevel)?.by_member().expect("same members"); // ok: a doc example; both groups have the same members
    /// assert_eq!(t.rows[0].cells, [4, 2]);
    /// assert_eq!(t.rows[0].total, 6);
    /// assert_eq!(t.total, 9);
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn by_member(&self) -> Option<MemberTable> {
        let groups = self.groups.as_ref()?;
        if self.per_group.len() < 2 {
            return None;
        }
        let members: Vec<&Allocation> = self
            .per_group
            .iter()
            .map(|g| g.members.as_ref())
            .collect::<Option<_>>()?;
        let first = members.first()?;
        let same = members.iter().all(|m| {
            m.parties.len() == first.parties.len()
                && m.parties
                    .iter()
                    .zip(&first.parties)
                    .all(|(p, q)| p.id == q.id)
        });
        if !same {
            return None;
        }
        let rows = first
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let cells: Vec<u64> = members
                    .iter()
                    .map(|m| m.parties.get(i).map_or(0, |x| x.units))
                    .collect();
                MemberTableRow {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    total: cells.iter().sum(),
                    cells,
                }
            })
            .collect();
        Some(MemberTable {
            groups: self
                .per_group
                .iter()
                .map(|g| MemberTableGroup {
                    id: g.id.clone(),
                    name: groups
                        .parties
                        .iter()
                        .find(|p| p.id == g.id)
                        .and_then(|p| p.name.clone()),
                    units: g.units,
                })
                .collect(),
            rows,
            total: self.per_group.iter().map(|g| g.units).sum(),
        })
    }
}

impl Nest {
    /// Checks that every member key belongs to a known group.
    fn check(&self) -> Result<()> {
        let groups = self.groups.positions(self.members.len());
        for g in self.members.keys() {
            if groups.get(g).is_none() {
                return Err(Error::UnknownParty {
                    field: format!("members.{g}"),
                    id: g.clone(),
                });
            }
        }
        Ok(())
    }

    /// Apportions `total` units through the two levels: `groups` are the
    /// options between groups (per-level rounding only), `members` those
    /// within each group (and, for flat rounding, over all members).
    ///
    /// # Example
    /// ```
    /// use andel_core::{Decimal, Key, Nest, NestRounding, Options, SortedMap};
    /// let w = |xs: &[(&str, i64)]| Key::from_weights(xs.iter().map(|&(i, w)| (i, Decimal::from(w))));
    /// let nest = Nest {
    ///     groups: w(&[("north", 1), ("south", 1)])?,
    ///     members: SortedMap::from([("north".to_string(), w(&[("a", 1), ("b", 1)])?)]),
    /// };
    /// let o = Options::default();
    /// let r = nest.apportion(5, &o, &o, NestRounding::PerLevel)?;
    /// assert_eq!(r.per_group[0].units + r.per_group[1].units, 5);
    /// let north = r.per_group[0].members.as_ref().map(|m| m.units().iter().sum::<u64>());
    /// assert_eq!(north, Some(r.per_group[0].units));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn apportion(
        &self,
        total: u64,
        groups: &Options,
        members: &Options,
        rounding: NestRounding,
    ) -> Result<NestedAllocation> {
        self.check()?;
        match rounding {
            NestRounding::PerLevel => {
                self.check_member_options(members)?;
                let top = self
                    .groups
                    .apportion(total, groups)
                    .map_err(|e| e.under("groups"))?;
                let per_group = top
                    .parties
                    .iter()
                    .map(|g| {
                        let allocation = match self.members.get(&g.id) {
                            Some(k) => Some(
                                k.apportion(g.units, &members.clone().for_group(k))
                                    .map_err(|e| e.under(&format!("members.{}", g.id)))?,
                            ),
                            None => None,
                        };
                        Ok(GroupAllocation {
                            id: g.id.clone(),
                            units: g.units,
                            members: allocation,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(NestedAllocation {
                    rounding,
                    groups: Some(top),
                    flat: None,
                    per_group,
                })
            }
            NestRounding::Flat => {
                let leaves = self.flatten()?;
                let flat = leaves.apportion(total, members)?;
                let per_group = self
                    .groups
                    .parties()
                    .iter()
                    .map(|g| {
                        let units = flat
                            .parties
                            .iter()
                            .filter(|p| in_group(p, &g.id))
                            .map(|p| p.units)
                            .sum();
                        GroupAllocation {
                            id: g.id.clone(),
                            units,
                            members: None,
                        }
                    })
                    .collect();
                Ok(NestedAllocation {
                    rounding,
                    groups: None,
                    flat: Some(flat),
                    per_group,
                })
            }
        }
    }

    /// The one key over all members that flat rounding uses: member i of
    /// group g gets weight W_g/T_g · w_i, scaled to exact integers. Groups
    /// without members stand as themselves. Fails with an overflow error
    /// when the composed weights need more than 28 digits.
    pub fn flatten(&self) -> Result<Key> {
        self.check()?;
        // Each group's factor W_g / T_g in lowest terms, as integers.
        let mut factors: Vec<(u128, u128)> = Vec::new();
        for g in self.groups.parties() {
            let (num, den) = match self.members.get(&g.id) {
                Some(k) => ratio(g.weight, k.total_weight())?,
                None => (0, 1),
            };
            factors.push((num, den));
        }
        let overflow = || {
            Error::overflow(
                "members",
                "the composed member weights of this nesting need more than 28 digits; \
                 use per-level rounding",
            )
        };
        let mut lcm: u128 = 1;
        for (_, den) in &factors {
            let g = crate::util::exact::gcd(lcm, *den).max(1);
            lcm = (lcm / g).checked_mul(*den).ok_or_else(overflow)?;
        }
        let mut parties = Vec::new();
        for (g, (num, den)) in self.groups.parties().iter().zip(&factors) {
            match self.members.get(&g.id) {
                Some(k) => {
                    let f = num.checked_mul(lcm / den).ok_or_else(overflow)?;
                    let f = Decimal::try_from_i128_with_scale(
                        i128::try_from(f).map_err(|_| overflow())?,
                        0,
                    )
                    .map_err(|_| overflow())?;
                    for p in k.parties() {
                        parties.push(KeyParty {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            weight: exact_mul(f, p.weight, "members").map_err(|_| overflow())?,
                            basis: Basis::Nested {
                                group: g.id.clone(),
                            },
                        });
                    }
                }
                None => parties.push(KeyParty {
                    weight: exact_mul(g.weight, Decimal::from(lcm), "groups")
                        .map_err(|_| overflow())?,
                    basis: Basis::Nested {
                        group: g.id.clone(),
                    },
                    ..g.clone()
                }),
            }
        }
        Key::new(parties)
    }
}

fn in_group(p: &PartyAllocation, group: &str) -> bool {
    matches!(&p.basis, Basis::Nested { group: g } if g == group)
}

impl Nest {
    /// Per-level options within groups name members by id, and every id
    /// named must be a member of some group (each group then keeps its own,
    /// see [`Options::for_group`]); nothing named is dropped unseen.
    fn check_member_options(&self, members: &Options) -> Result<()> {
        let lookups = members.parties_named();
        let all = Positions::new(self.members.values().flat_map(|k| k.parties.ids()), lookups);
        let known = |id: &str| all.get(id).is_some();
        for (name, limit) in [("minimum", &members.minimum), ("maximum", &members.maximum)] {
            match limit {
                Some(Limit::ById(m)) => {
                    if let Some(id) = m.keys().find(|id| !known(id)) {
                        return Err(Error::UnknownParty {
                            field: format!("member_places.{name}.{id}"),
                            id: id.clone(),
                        });
                    }
                }
                Some(Limit::Each(_)) => {
                    return Err(Error::InvalidOption {
                        field: format!("member_places.{name}"),
                        message: crate::error::Problem::MemberLimits.into(),
                    })
                }
                _ => {}
            }
        }
        if let TieRule::Priority(order) = &members.ties {
            for (p, r) in order.iter().enumerate() {
                match r {
                    PartyRef::Id(id) if known(id) => {}
                    PartyRef::Id(id) => {
                        return Err(Error::UnknownParty {
                            field: format!("member_places.ties.priority[{p}]"),
                            id: id.clone(),
                        })
                    }
                    PartyRef::Index(_) => {
                        return Err(Error::InvalidOption {
                            field: format!("member_places.ties.priority[{p}]"),
                            message: crate::error::Problem::MembersById.into(),
                        })
                    }
                }
            }
        }
        Ok(())
    }
}

impl Options {
    /// The options restricted to one group's members: limits by id keep
    /// only the group's parties; a priority order keeps only them, in order.
    fn for_group(mut self, key: &Key) -> Options {
        let positions = key.positions(self.parties_named());
        let ours = |id: &str| positions.get(id).is_some();
        for limit in [&mut self.minimum, &mut self.maximum] {
            if let Some(Limit::ById(m)) = limit {
                m.retain(|id, _| ours(id));
            }
        }
        if let TieRule::Priority(order) = &mut self.ties {
            order.retain(|r| matches!(r, PartyRef::Id(id) if ours(id)));
        }
        self
    }
}

/// a / b for non-negative decimals, as integers in lowest terms.
fn ratio(a: Decimal, b: Decimal) -> Result<(u128, u128)> {
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    let int = |d: Decimal| {
        crate::util::exact::pow10(scale - d.scale())
            .and_then(|p| d.mantissa().unsigned_abs().checked_mul(p))
            .ok_or_else(|| Error::overflow("groups", "weight too large"))
    };
    let (x, y) = (int(a)?, int(b)?);
    let g = crate::util::exact::gcd(x, y).max(1);
    Ok((x / g, y / g))
}
