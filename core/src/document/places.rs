//! A document's table of whole places: the key's parties × the columns,
//! rounded so that rows and columns both add up (biproportional
//! apportionment; the SOSU places per KKR and programme of the minutes' 2.9).

// Without `tables` only the stub that refuses is built.
#![cfg_attr(not(feature = "tables"), allow(unused_imports))]

use super::rounding::Rounding;
use super::{TableColumn, TableResult, TableRow, TableSpec};
use crate::error::{Error, Result};
use crate::key::{Allocation, Key};
use rust_decimal::Decimal;

#[cfg(not(feature = "tables"))]
pub(super) fn places_table(
    _: &TableSpec,
    _: &[Key],
    _: &Allocation,
    _: bool,
    _: &Rounding,
) -> Result<TableResult> {
    Err(Error::InvalidOption {
        field: "table".into(),
        message: crate::error::Problem::LeftOut {
            what: crate::error::LeftOut::Tables,
        }
        .into(),
    })
}

/// The document's table: the key's parties × the columns, rows keeping the
/// allocation's places and columns their totals.
#[cfg(feature = "tables")]
pub(super) fn places_table(
    spec: &TableSpec,
    keys: &[Key],
    allocation: &Allocation,
    has_key: bool,
    rounding: &Rounding,
) -> Result<TableResult> {
    let places = match rounding {
        Rounding::Places(o) if has_key => o,
        _ => {
            return Err(Error::Document {
                field: "table".into(),
                message: crate::error::Problem::TableNeedsPlaces.into(),
            })
        }
    };
    let columns: Vec<u64> = spec.columns.iter().map(|c| c.total).collect();
    let sum = columns.iter().try_fold(0u64, |s, &x| s.checked_add(x));
    let places_total: u128 = allocation.parties.iter().map(|p| u128::from(p.units)).sum();
    if sum.map(u128::from) != Some(places_total) {
        return Err(Error::Document {
            field: "table.columns".into(),
            message: crate::error::Problem::ColumnTotals {
                places: places_total,
            }
            .into(),
        });
    }
    let mut weights = Vec::with_capacity(allocation.parties.len());
    let positions: Vec<_> = keys
        .iter()
        .map(|k| k.positions(allocation.parties.len()))
        .collect();
    for p in &allocation.parties {
        let row = keys
            .iter()
            .zip(&positions)
            .enumerate()
            .map(|(j, (k, positions))| {
                positions
                    .get(&p.id)
                    .map(|i| k.parties()[i].weight)
                    .ok_or_else(|| Error::UnknownParty {
                        field: crate::FieldPath::root()
                            .key("table")
                            .key("columns")
                            .index(j)
                            .key("key")
                            .into(),
                        id: format!("{} (a row of the table has no weight in this key)", p.id),
                    })
            })
            .collect::<Result<Vec<Decimal>>>()?;
        weights.push(row);
    }
    let row_totals: Vec<u64> = allocation.parties.iter().map(|p| p.units).collect();
    let options = crate::BiproportionalOptions {
        method: spec.method.unwrap_or(crate::Method::SainteLague),
        first_divisor: places.first_divisor,
        ties: places.ties.clone(),
    };
    let t = crate::biproportional(&weights, &columns, Some(&row_totals), &options)
        .map_err(|e| e.under("table"))?;
    Ok(TableResult {
        method: t.method,
        columns: spec
            .columns
            .iter()
            .map(|c| TableColumn {
                id: c.id.clone(),
                name: c.name.clone(),
                total: c.total,
            })
            .collect(),
        rows: allocation
            .parties
            .iter()
            .zip(t.cells)
            .map(|(p, cells)| TableRow {
                id: p.id.clone(),
                name: p.name.clone(),
                total: p.units,
                cells,
            })
            .collect(),
        ties: t.ties,
    })
}
