//! Whole-unit apportionment: largest remainder and the divisor methods, with
//! minimums, maximums and explicit tie rules, in exact integer arithmetic.
//! The rules serve the minutes' whole-number cases: case 2.9 (at least
//! 9.000 SOSU places shared between the five KKR, then each KKR's places
//! between its municipalities) and case 2.12 (internship places by a key
//! with a fixed 7,2 %).
//!
//! Every method runs in O(n log n) in the number of parties whatever the
//! number of units: a continuous solution (the divisor estimate) fixes all
//! parties held at a minimum or maximum and puts every other party within one
//! unit of its final count; a heap then moves the few units left over.
//!
//! One idea a file: `options` (what to do), `result` (what came out,
//! explained when asked), `problem` (weights at one scale, quotas), `bounds`
//! (limits and the continuous solution), `hamilton` (largest remainder, one
//! selection), `ties` (the tie rule, for every method), `explain` (a party's
//! reasons), `divisor` (the sequences d(k), exact counts and comparisons),
//! `aim` (a divisor method's first estimate), `seats` (its seats and the
//! correction), `boundary` (its last seat, next seat and tie), `fast`
//! (D'Hondt and Sainte-Laguë from one counting pass at two scales).

mod aim;
mod boundary;
mod bounds;
mod divisor;
mod explain;
#[cfg(not(target_arch = "wasm32"))]
mod fast;
mod hamilton;
mod options;
mod problem;
mod result;
mod seats;
mod ties;

pub(crate) use divisor::Divisor;
pub use options::{Limit, Method, Options, PartyRef, TieRule};
pub use result::{Apportionment, Boundary, PartyUnits, Rounding, Tie};
pub use ties::DecidedBy;

use crate::error::{Error, Result};
use crate::exact::{narrow_weights, scale_weights};
use crate::sort;
use crate::sorted_map::{first_repeat, Positions};
use bounds::check_limits;
use problem::{Context, Problem, Solution};
use result::{Scaled, Why};
use rust_decimal::Decimal;

/// Apportions `total` whole units between parties in proportion to `weights`.
///
/// # Example
/// ```
/// use andel_core::{apportion, Method, Options};
/// use rust_decimal::Decimal;
/// let w: Vec<Decimal> = [5, 3, 2].map(Decimal::from).to_vec();
/// // Quotas 3.5, 2.1, 1.4: Hamilton rounds the largest remainder (0.5) up.
/// assert_eq!(apportion(&w, 7, &Options::default())?.units(), vec![4, 2, 1]);
/// // D'Hondt: priorities 5, 3, 2.5, 2, 1.67, 1.5, 1.25 …
/// let dhondt = Options { method: Method::Dhondt, ..Options::default() };
/// assert_eq!(apportion(&w, 7, &dhondt)?.units(), vec![4, 2, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn apportion(weights: &[Decimal], total: u64, options: &Options) -> Result<Apportionment> {
    apportion_named(weights, None, total, options)
}

/// [`apportion`] for parties with ids: limits and priority orders may name
/// parties by id, and errors name them.
pub fn apportion_named(
    weights: &[Decimal],
    ids: Option<&[String]>,
    total: u64,
    options: &Options,
) -> Result<Apportionment> {
    if weights.is_empty() {
        return Err(Error::NoParties {
            field: "weights".into(),
        });
    }
    if let Some(ids) = ids {
        if ids.len() != weights.len() {
            return Err(Error::LengthMismatch {
                field: "ids".into(),
                expected: weights.len(),
                found: ids.len(),
            });
        }
        for (i, id) in ids.iter().enumerate() {
            crate::error::check_id(id, &|| format!("ids[{i}]"))?;
        }
        // An id names one party: limits, priorities and errors by id
        // would otherwise be ambiguous.
        if let Some(i) = first_repeat(ids.len(), |i| ids[i].as_str()) {
            return Err(Error::DuplicateParty {
                field: format!("ids[{i}]"),
                id: ids[i].clone(),
            });
        }
    }
    // Weights at one scale as 64-bit integers where they fit (populations,
    // money, percentages), else as 128-bit ones: the engine reads either.
    let (w, weight_total, solution) = match narrow_weights(weights) {
        Some((w, weight_total)) => {
            let solution = solve(&w, weight_total, ids, total, options, |p, d| match d {
                None => p.hamilton(true),
                Some(d) => p.divisor_method(d),
            })?;
            (Scaled::Narrow(w), weight_total, solution)
        }
        None => {
            let scaled = scale_weights(weights, "weights")?;
            let solution = solve(
                &scaled.w,
                scaled.total,
                ids,
                total,
                options,
                |p, d| match d {
                    None => p.hamilton(true),
                    Some(d) => p.divisor_method(d),
                },
            )?;
            (Scaled::Wide(scaled.w), scaled.total, solution)
        }
    };
    let Solution {
        units,
        ties,
        boundary,
        scale,
        divisor,
        lo,
        hi,
    } = solution;
    let mut tied: Vec<usize> = ties
        .iter()
        .flat_map(|t| t.parties.iter().copied())
        .collect();
    sort::sort_unstable(&mut tied);
    tied.dedup();
    let limited = lo.iter().any(|&x| x > 0) || hi.iter().any(|&x| x != u64::MAX);
    Ok(Apportionment {
        method: options.method,
        first_divisor: match options.method {
            Method::ModifiedSainteLague => {
                Some(options.first_divisor.unwrap_or(Decimal::new(14, 1)))
            }
            _ => None,
        },
        total,
        ties,
        boundary,
        quota_denominator: scale.b,
        options: options.clone(),
        units,
        why: Why {
            w,
            weight_total,
            lo,
            hi,
            limited,
            scale,
            divisor,
            tied,
            ranks: std::sync::OnceLock::new(),
        },
    })
}

/// The engine under [`apportion_named`] and [`apportion_units`]: weights
/// already whole numbers at one scale.
fn solve<W: Copy + Into<u128>, T>(
    w: &[W],
    weight_total: u128,
    ids: Option<&[String]>,
    total: u64,
    options: &Options,
    run: impl FnOnce(&Problem<'_, W>, Option<&Divisor>) -> Result<T>,
) -> Result<T> {
    if weight_total == 0 {
        return Err(Error::ZeroTotalWeight {
            field: "weights".into(),
        });
    }
    // Limits by id and a priority order look ids up: indexed once.
    let lookups = options.parties_named();
    let positions = ids.map(|ids| Positions::new(ids.iter().map(String::as_str), lookups));
    let ctx = Context {
        ids: positions.as_ref(),
        n: w.len(),
    };
    let lo = ctx.limit(options.minimum.as_ref(), "minimum", 0)?;
    let hi = ctx.limit(options.maximum.as_ref(), "maximum", u64::MAX)?;
    // A priority order must name parties there are, each once, whether or
    // not a tie happens: a mistake in it is found when it is made.
    if let TieRule::Priority(order) = &options.ties {
        let mut seen = vec![false; ctx.n];
        for (p, r) in order.iter().enumerate() {
            let field = format!("ties.priority[{p}]");
            let i = ctx.index(r, &field)?;
            if std::mem::replace(&mut seen[i], true) {
                return Err(Error::DuplicateParty {
                    field,
                    id: ctx.name(i),
                });
            }
        }
    }
    let problem = Problem {
        w,
        weight_total,
        total,
        lo: &lo,
        hi: &hi,
        ctx,
        ties: &options.ties,
    };
    // Without limits (both empty) the minimums are 0 and some party with
    // weight is unlimited: nothing to check.
    if !(lo.is_empty() && hi.is_empty()) {
        check_limits(&problem, total)?;
    }
    let divisor = Divisor::new(options.method, options.first_divisor)?;
    if divisor.is_some() && total > MAX_DIVISOR_UNITS {
        return Err(Error::overflow(
            "total",
            format!(
                "divisor methods take at most {MAX_DIVISOR_UNITS} units; use hamilton for more"
            ),
        ));
    }
    run(&problem, divisor.as_ref())
}

/// Whole units only, from whole-number weights (populations, counts): the
/// entry for large inputs. The same units as [`apportion`] gives for the
/// same weights, options and tie rule, without the explanation (quotas,
/// remainder ranks), so without its memory: Hamilton without limits keeps
/// one 64-bit key a party beside the result (from 2^18 parties only those
/// of a band about the last unit) and finds the units left over by
/// selection, not sorting, in O(n).
///
/// # Example
/// ```
/// use andel_core::{apportion_units, Method, Options};
/// let o = Options { method: Method::SainteLague, ..Options::default() };
/// assert_eq!(apportion_units(&[100_000, 80_000, 30_000, 20_000], 8, &o)?, vec![3, 3, 1, 1]);
/// assert_eq!(apportion_units(&[5, 3, 2], 7, &Options::default())?, vec![4, 2, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn apportion_units(weights: &[u64], total: u64, options: &Options) -> Result<Vec<u64>> {
    units_only(weights, total, options)
}

/// [`apportion_units`] for weights below 2^32 (populations, counts, shares
/// at a few decimals): the same units from half the memory for the
/// weights, so that more of a large input stays in the cache.
///
/// # Example
/// ```
/// use andel_core::{apportion_units_u32, Options};
/// assert_eq!(apportion_units_u32(&[5, 3, 2], 7, &Options::default())?, vec![4, 2, 1]);
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn apportion_units_u32(weights: &[u32], total: u64, options: &Options) -> Result<Vec<u64>> {
    units_only(weights, total, options)
}

/// The units-only engine for weights of either width.
fn units_only<W: Copy + Into<u128>>(
    weights: &[W],
    total: u64,
    options: &Options,
) -> Result<Vec<u64>> {
    if weights.is_empty() {
        return Err(Error::NoParties {
            field: "weights".into(),
        });
    }
    let weight_total: u128 = weights.iter().map(|&x| x.into()).sum();
    // The engine reads the weights in place: no 128-bit copy.
    solve(
        weights,
        weight_total,
        None,
        total,
        options,
        |p, d| match d {
            None => Ok(p.hamilton(false)?.units),
            Some(d) => Ok(p.divisor_seats(d, false)?.k),
        },
    )
}

/// The most units a divisor method apportions (2^31): keeps every priority
/// comparison within 256 bits.
pub const MAX_DIVISOR_UNITS: u64 = 1 << 31;
