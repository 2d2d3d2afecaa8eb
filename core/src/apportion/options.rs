//! What to apportion by: the method, minimums and maximums, and the tie
//! rule, as a document or a caller names them (the places of case 2.12 and
//! the 9.000 places of case 2.9 are apportioned by these options).

use crate::error::{Error, Result};
use crate::sorted_map::SortedMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An apportionment method.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Largest remainder with the Hare quota (Hamilton). The default.
    #[default]
    #[serde(alias = "largest_remainder", alias = "hare")]
    Hamilton,
    /// D'Hondt (Jefferson): divisors 1, 2, 3, … Favours large parties.
    #[serde(alias = "jefferson", alias = "d_hondt")]
    Dhondt,
    /// Sainte-Laguë (Webster): divisors 1, 3, 5, …
    #[serde(alias = "webster")]
    SainteLague,
    /// Modified Sainte-Laguë: divisors f, 3, 5, 7, … with first divisor f
    /// (1.4 unless `first_divisor` says otherwise; must be between 0 and 3).
    ModifiedSainteLague,
    /// Huntington-Hill: divisors √(k(k+1)); every party with weight gets a unit
    /// before any gets a second.
    HuntingtonHill,
    /// Adams: divisors 0, 1, 2, … Favours small parties.
    Adams,
    /// Dean: divisors 2k(k+1)/(2k+1), the harmonic mean of k and k+1.
    Dean,
}

impl Method {
    /// Every method, in the order of the documentation.
    pub const ALL: [Method; 7] = [
        Method::Hamilton,
        Method::Dhondt,
        Method::SainteLague,
        Method::ModifiedSainteLague,
        Method::HuntingtonHill,
        Method::Adams,
        Method::Dean,
    ];

    /// The method's canonical name (`"hamilton"`, `"dhondt"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Method::Hamilton => "hamilton",
            Method::Dhondt => "dhondt",
            Method::SainteLague => "sainte_lague",
            Method::ModifiedSainteLague => "modified_sainte_lague",
            Method::HuntingtonHill => "huntington_hill",
            Method::Adams => "adams",
            Method::Dean => "dean",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = Error;
    /// Parses a method name or alias.
    ///
    /// # Example
    /// ```
    /// use andel_core::Method;
    /// assert_eq!("webster".parse::<Method>()?, Method::SainteLague);
    /// assert_eq!("largest_remainder".parse::<Method>()?, Method::Hamilton);
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Method> {
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' ', '\''], "_");
        Ok(match norm.as_str() {
            "hamilton" | "largest_remainder" | "hare" => Method::Hamilton,
            "dhondt" | "d_hondt" | "jefferson" => Method::Dhondt,
            "sainte_lague" | "saintelague" | "webster" => Method::SainteLague,
            "modified_sainte_lague" => Method::ModifiedSainteLague,
            "huntington_hill" | "huntingtonhill" => Method::HuntingtonHill,
            "adams" => Method::Adams,
            "dean" => Method::Dean,
            _ => {
                return Err(Error::InvalidOption {
                    field: "method".into(),
                    message: crate::error::Problem::UnknownMethod { name: s.into() }.into(),
                })
            }
        })
    }
}

/// A party named in an option: by its position in the input, or by its id.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PartyRef {
    /// Zero-based position in the input.
    Index(usize),
    /// The party's id (only where parties have ids, as in keys).
    Id(String),
}

/// A minimum or maximum number of units.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Limit {
    /// The same limit for every party.
    All(u64),
    /// One limit per party, in input order.
    Each(Vec<u64>),
    /// Limits for the parties named, by id; others are unlimited.
    ById(SortedMap<String, u64>),
}

/// What to do when parties stand exactly equal for the last unit(s).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieRule {
    /// The party earlier in the input wins (the default). Every tie is reported.
    #[default]
    Order,
    /// Fail with [`Error::Tie`].
    Error,
    /// The given order wins (a lot drawn by people): earlier in the list wins.
    /// Every tied party must be in the list.
    Priority(Vec<PartyRef>),
}

/// How to apportion: method, limits and tie rule.
///
/// # Example
/// ```
/// use andel_core::{apportion, Limit, Method, Options};
/// use rust_decimal::Decimal;
/// let options = Options { method: Method::Dhondt, minimum: Some(Limit::All(1)), ..Options::default() };
/// let r = apportion(&[Decimal::from(1000), Decimal::from(10)], 5, &options)?;
/// assert_eq!(r.units(), vec![4, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// The method; Hamilton unless given.
    pub method: Method,
    /// The fewest units each party gets.
    pub minimum: Option<Limit>,
    /// The most units each party gets.
    pub maximum: Option<Limit>,
    /// Modified Sainte-Laguë only: the first divisor (1.4 by default).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::number::decimal_schema")
    )]
    pub first_divisor: Option<Decimal>,
    /// The tie rule; `order` by default.
    pub ties: TieRule,
}

impl Options {
    /// How many parties the options name by id or place (limits by id, a
    /// priority order): the lookups they need.
    pub(crate) fn parties_named(&self) -> usize {
        let by_id = |limit: &Option<Limit>| match limit {
            Some(Limit::ById(m)) => m.len(),
            _ => 0,
        };
        let priority = match &self.ties {
            TieRule::Priority(order) => order.len(),
            _ => 0,
        };
        by_id(&self.minimum) + by_id(&self.maximum) + priority
    }
}
