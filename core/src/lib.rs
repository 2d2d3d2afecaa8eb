//! # andel-core
//!
//! Exact distribution keys ("fordelingsnøgler") for Danish municipalities:
//! money split to the øre, whole places apportioned by a named method, keys
//! with exclusions, fixed shares, cost splits, blends and nesting, and a
//! result that explains every rounding step.
//!
//! Money is [`rust_decimal::Decimal`]; every comparison that decides an
//! allocation is exact integer arithmetic. Nothing here panics on input:
//! every problem is an [`Error`] with a stable code and the field it is about.
//!
//! ```
//! use andel_core::{split, SplitOptions};
//! use rust_decimal::Decimal;
//! let weights = [Decimal::from(1), Decimal::from(1), Decimal::from(1)];
//! let s = split(Decimal::from(100), &weights, &SplitOptions::default())?;
//! assert_eq!(s.parts.iter().sum::<Decimal>(), Decimal::from(100));
//! assert_eq!(s.parts[0].to_string(), "33.34"); // the leftover øre goes first in order, as a reported tie
//! assert_eq!(s.apportionment.ties.len(), 1);
//! # Ok::<(), andel_core::Error>(())
//! ```

pub mod analysis;
pub mod apportion;
pub mod biproportional;
pub mod csv;
pub mod data;
pub mod document;
pub mod error;
#[cfg(feature = "excel")]
pub mod excel;
mod field;
pub mod key;
pub mod money;
pub mod number;
pub mod present;
pub mod reference;
pub mod summary;
pub mod table;
mod util;

// The paths modules had before they moved into folders, kept so that every
// caller (and the files other engineers are splitting) still compiles.
pub use csv as tabular;
pub use csv::{encoding, files, statbank};
pub use number::format;
pub(crate) use util::exact;
pub(crate) use util::sort;
pub use util::sorted_map;

pub use apportion::{
    apportion, apportion_named, apportion_units, apportion_units_u32, Apportionment, Boundary,
    Limit, Method, Options, PartyRef, PartyUnits, Rounding, Tie, TieRule, MAX_DIVISOR_UNITS,
};
pub use biproportional::{biproportional, Biproportional, BiproportionalOptions, TableTie};
pub use error::{CsvProblem, Error, Result};
pub use field::FieldPath;
pub use key::{
    cost_split, cost_split_from_part, Allocation, Basis, BoundaryReport, CostPart, CostSplitResult,
    FixedShare, GroupAllocation, Key, KeyBuilder, KeyParty, MemberTable, MemberTableGroup,
    MemberTableRow, Nest, NestRounding, NestedAllocation, PartyAllocation, SeatRef, TieReport,
    WeightKind,
};
pub use money::{split, split_named, Split, SplitOptions};
pub use rust_decimal::Decimal;
pub use util::exact::Quota;
pub use util::sorted_map::SortedMap;

/// This release of andel (the workspace version: the command line's
/// `--version`, Python's `andel.__version__` and JS `version()` say the same).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
