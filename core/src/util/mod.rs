//! Helpers under everything else, private to the crate (the public
//! [`SortedMap`](sorted_map::SortedMap) excepted): no rule of the minutes
//! lives here, only the means every rule is computed with.
//!
//! - [`exact`]: integer arithmetic with no floating point (weights brought to
//!   one scale, a 256-bit integer for products, exact quotas), so every case
//!   of the minutes adds up to the øre (DESIGN.md, "Exact, always").
//! - [`sort`]: sorting and selection in one place (small code in the browser).
//! - [`sorted_map`]: the library's one map type, and how a repeated id is found.

pub(crate) mod exact;
pub(crate) mod sort;
pub mod sorted_map;
