//! How a document rounds: money to a unit (øre by default) or whole places
//! by a method, and the checks that every rounding option takes effect.

use super::{Document, RoundingSpec};
use crate::apportion::{Options, TieRule};
use crate::error::{Error, Problem, Result};
use crate::key::{Allocation, Key, NestRounding};
use crate::money::SplitOptions;
use crate::reference::resolve_key_ties;
use rust_decimal::Decimal;

pub(super) fn doc_nest_rounding(doc: &Document) -> NestRounding {
    doc.nest.as_ref().map(|n| n.rounding).unwrap_or_default()
}

pub(super) enum Rounding {
    Money(SplitOptions),
    Places(Options),
}

impl Rounding {
    pub(super) fn from_spec(spec: &RoundingSpec) -> Result<Rounding> {
        match (&spec.unit, &spec.places) {
            (Some(_), Some(_)) => Err(Error::Document {
                field: "rounding".into(),
                message: Problem::UnitOrPlaces.into(),
            }),
            (_, Some(p)) => {
                if spec.ties.is_some() {
                    return Err(Error::Document {
                        field: "rounding.ties".into(),
                        message: Problem::TiesInsidePlaces.into(),
                    });
                }
                Ok(Rounding::Places(p.clone()))
            }
            (unit, None) => Ok(Rounding::Money(SplitOptions {
                unit: unit.unwrap_or(Decimal::new(1, 2)),
                ties: spec.ties.clone().unwrap_or_default(),
            })),
        }
    }

    pub(super) fn places_total(&self, total: Decimal) -> Result<u64> {
        let whole = total.normalize();
        if whole.scale() != 0 || whole < Decimal::ZERO {
            return Err(Error::Document {
                field: "total".into(),
                message: Problem::NotWholePlaces {
                    total: total.to_string(),
                }
                .into(),
            });
        }
        u64::try_from(whole).map_err(|_| Error::overflow("total", Problem::TooManyPlaces))
    }

    pub(super) fn places_options(&self) -> Options {
        match self {
            Rounding::Places(o) => o.clone(),
            Rounding::Money(_) => Options::default(),
        }
    }

    /// [`Rounding::places_options`] with a priority order named by core's
    /// one rule among `key`'s parties (a nest's groups: "Nordjylland" or
    /// "KKR Nordjylland" as the key shows it).
    pub(super) fn places_options_among(&self, key: &Key) -> Result<Options> {
        let mut o = self.places_options();
        if let Some(ties) = named(&o.ties, key)? {
            o.ties = ties;
        }
        Ok(o)
    }

    pub(super) fn split_options(&self) -> Result<SplitOptions> {
        match self {
            Rounding::Money(o) => Ok(o.clone()),
            Rounding::Places(_) => Err(Error::Document {
                field: "rounding.places".into(),
                message: Problem::PartsSplitMoney.into(),
            }),
        }
    }

    pub(super) fn allocate(&self, key: &Key, total: Decimal) -> Result<Allocation> {
        match self {
            Rounding::Money(o) => match named(&o.ties, key)? {
                Some(ties) => key.split(total, &SplitOptions { ties, ..o.clone() }),
                None => key.split(total, o),
            },
            Rounding::Places(o) => {
                let total = self.places_total(total)?;
                match named(&o.ties, key)? {
                    Some(ties) => key.apportion(total, &Options { ties, ..o.clone() }),
                    None => key.apportion(total, o),
                }
            }
        }
    }
}

/// A priority order with its parties named by core's one rule
/// (`reference`: an id, a shown name, a municipality's code or name) among
/// the key's; `None` for the other tie rules. Errors at
/// `ties.priority[i]`, as the document writes it.
fn named(ties: &TieRule, key: &Key) -> Result<Option<TieRule>> {
    if !matches!(ties, TieRule::Priority(_)) {
        return Ok(None);
    }
    resolve_key_ties(ties.clone(), key)
        .map(Some)
        .map_err(|e| e.renamed("ties", "ties.priority"))
}
