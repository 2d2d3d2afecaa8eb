//! The result of splitting money or apportioning places by a key: every
//! party's part with the reasons (quota, rounding, ties), checked when read
//! back. Used by every case of the minutes.

use super::parties::{Made, Parties};
use super::{Basis, Key, WeightKind};
use crate::apportion::{Apportionment, Method, Options, Rounding};
use crate::error::{Error, Result};
use crate::util::exact::{exact_add, exact_mul, Quota};
use crate::util::sorted_map::first_repeat;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One party's part of an allocation, with the reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyAllocation {
    /// The party's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its weight in the key.
    pub weight: Decimal,
    /// Where the weight comes from.
    pub basis: Basis,
    /// Its share of the key (28 significant digits; display).
    pub share: Decimal,
    /// The exact quota in units (øre, kroner or places): share × total units.
    pub quota: Quota,
    /// The quota as an amount, `quota` × unit with the amount's sign (what
    /// the party would get without rounding), rounded half away from zero to
    /// 10 decimals more than the unit has: for display, every decision uses
    /// `quota`.
    pub quota_amount: Decimal,
    /// Whole units given.
    pub units: u64,
    /// The amount: units × unit (negative for a negative amount).
    pub amount: Decimal,
    /// What rounding did.
    pub rounding: Rounding,
    /// Hamilton: rank of the remainder among the parties rounded (1 = largest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remainder_rank: Option<u32>,
    /// Index into `ties` of a tie this party was in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie: Option<usize>,
}

/// A tie, by party id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieReport {
    /// The tied parties.
    pub parties: Vec<String>,
    /// Those that got the contested unit(s).
    pub winners: Vec<String>,
    /// How many units were contested.
    pub units: u64,
    /// The rule that decided.
    pub decided_by: crate::apportion::DecidedBy,
}

/// The result of splitting or apportioning by a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// The total: an amount of money or a number of units.
    pub total: Decimal,
    /// The rounding unit (0.01 for øre, 1 for places).
    pub unit: Decimal,
    /// Money (a split, in kroner, whatever the unit) rather than whole
    /// places: tables and explanations say kroner or places by it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub money: bool,
    /// What the weights count, when known (inhabitants in a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<WeightKind>,
    /// The method.
    pub method: Method,
    /// Modified Sainte-Laguë: the first divisor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_divisor: Option<Decimal>,
    /// Per party, in key order (made from the key and the apportionment
    /// when asked for: [`Parties`]).
    pub parties: Parties,
    /// Every tie, decided by the tie rule.
    pub ties: Vec<TieReport>,
    /// Divisor methods: (party id, seat number) of the last seat given and of
    /// the next in line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundary: Option<BoundaryReport>,
    /// The options used (method, limits, first divisor, tie rule).
    pub options: Options,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A seat of a party: its id and the seat's number, counted from 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatRef {
    /// The party's id.
    pub party: String,
    /// The seat's number for that party, from 1.
    pub seat: u64,
}

/// Divisor methods: the last seat given on priority and the next in line.
/// Every party holds exactly its seats whose priority (weight / divisor) is
/// at least that of `last`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundaryReport {
    /// The weakest seat given.
    pub last: Option<SeatRef>,
    /// The strongest seat not given.
    pub next: Option<SeatRef>,
}

impl Allocation {
    pub(super) fn new(
        key: &Key,
        a: Apportionment,
        total: Decimal,
        unit: Decimal,
        negative: bool,
        money: bool,
    ) -> Self {
        let id = |i: usize| key.id(i).unwrap_or_default().to_string();
        let ties = a
            .ties
            .iter()
            .map(|t| TieReport {
                parties: t.parties.iter().map(|&i| id(i)).collect(),
                winners: t.winners.iter().map(|&i| id(i)).collect(),
                units: t.units,
                decided_by: t.decided_by,
            })
            .collect();
        Allocation {
            options: a.options.clone(),
            total,
            unit,
            money,
            weights: key.kind,
            method: a.method,
            first_divisor: a.first_divisor,
            ties,
            boundary: a.boundary.clone().map(|b| {
                let seat = |(i, seat): (usize, u64)| SeatRef { party: id(i), seat };
                BoundaryReport {
                    last: b.last.map(seat),
                    next: b.next.map(seat),
                }
            }),
            parties: Parties::made(Made {
                key: key.parties.clone(),
                key_total: key.total,
                a,
                unit,
                negative,
            }),
        }
    }

    /// The units per party, in key order.
    pub fn units(&self) -> Vec<u64> {
        self.parties.units()
    }

    /// The amounts per party, in key order.
    pub fn amounts(&self) -> Vec<Decimal> {
        self.parties.iter().map(|p| p.amount).collect()
    }

    /// The party with this id.
    pub fn get(&self, id: &str) -> Option<&PartyAllocation> {
        self.parties.iter().find(|p| p.id == id)
    }
}

/// A quota in units as an amount: quota × `unit`, negated for a negative
/// total, rounded half away from zero to `places` decimals. For display: the
/// quota is taken to 20 decimals of a unit before the multiplication.
pub(crate) fn quota_amount(quota: &Quota, unit: Decimal, negative: bool, places: u32) -> Decimal {
    // Bounded: quota × unit is at most |total|, itself a decimal.
    let amount = quota
        .to_decimal(20)
        .checked_mul(unit)
        .unwrap_or(Decimal::ZERO)
        .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if negative {
        -amount
    } else {
        amount
    }
}

impl Allocation {
    /// Checks an allocation read back from JSON someone kept (and may have
    /// changed): ids visible and once each, weights not negative, a positive
    /// unit, every amount its units × the unit (with the total's sign), tie
    /// numbers that exist, and the amounts adding up to the total. Errors
    /// name the field (`parties[2].amount`).
    pub fn check(&self) -> Result<()> {
        let changed = |field: String, message: String| Error::Document {
            field,
            message: message.into(),
        };
        if self.unit <= Decimal::ZERO {
            return Err(Error::InvalidUnit {
                field: "unit".into(),
                value: self.unit,
            });
        }
        if self.parties.is_empty() {
            return Err(Error::NoParties {
                field: "parties".into(),
            });
        }
        let repeat = first_repeat(self.parties.len(), |i| self.parties[i].id.as_str());
        let negative = self.total < Decimal::ZERO;
        let mut sum = Decimal::ZERO;
        for (i, p) in self.parties.iter().enumerate() {
            super::check_party(i, &p.id, p.weight, repeat)?;
            let units = Decimal::from(p.units);
            let expected = exact_mul(units, self.unit, &format!("parties[{i}].units"))?;
            let expected = if negative { -expected } else { expected };
            if p.amount != expected {
                return Err(changed(
                    format!("parties[{i}].amount"),
                    format!(
                        "amount {} is not its {} unit(s) of {}: the allocation was changed",
                        p.amount, p.units, self.unit
                    ),
                ));
            }
            if p.tie.is_some_and(|t| t >= self.ties.len()) {
                return Err(changed(
                    format!("parties[{i}].tie"),
                    "names a tie that is not there".into(),
                ));
            }
            sum = exact_add(sum, p.amount, "parties")?;
        }
        if sum != self.total {
            return Err(changed(
                "total".into(),
                format!(
                    "the amounts add up to {sum}, not the total {}: the allocation was changed",
                    self.total
                ),
            ));
        }
        Ok(())
    }
}
