//! Property tests. The divisor methods are checked against a naive
//! seat-by-seat reference written here from the textbook definition.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::{
    apportion, split, FixedShare, Key, Limit, Method, Options, PartyRef, Rounding, SplitOptions,
    TieRule,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;

fn dec(ws: &[u32]) -> Vec<Decimal> {
    ws.iter().map(|&w| Decimal::from(w)).collect()
}

fn opts(method: Method) -> Options {
    Options {
        method,
        ..Options::default()
    }
}

/// d(k) as a fraction (num, den) for the textbook divisor sequences; `None`
/// for Huntington-Hill, compared through squares.
fn divisor(m: Method, k: u128) -> Option<(u128, u128)> {
    Some(match m {
        Method::Dhondt => (k + 1, 1),
        Method::SainteLague => (2 * k + 1, 2),
        Method::ModifiedSainteLague => {
            if k == 0 {
                (7, 10)
            } else {
                (2 * k + 1, 2)
            }
        }
        Method::Adams => (k, 1),
        Method::Dean => (2 * k * (k + 1), 2 * k + 1),
        _ => return None,
    })
}

/// Compares w1/d(k1) with w2/d(k2) exactly. Two zero divisors (a first
/// seat under Adams, Dean, Huntington-Hill) are compared as the limit of
/// w/ε: by weight.
fn cmp_priority(m: Method, w1: u128, k1: u128, w2: u128, k2: u128) -> Ordering {
    let zero_first = matches!(m, Method::Adams | Method::Dean | Method::HuntingtonHill);
    if zero_first && k1 == 0 && k2 == 0 {
        return w1.cmp(&w2);
    }
    match divisor(m, k1).zip(divisor(m, k2)) {
        Some(((n1, d1), (n2, d2))) => (w1 * d1 * n2).cmp(&(w2 * d2 * n1)),
        None => (w1 * w1 * k2 * (k2 + 1)).cmp(&(w2 * w2 * k1 * (k1 + 1))),
    }
}

/// Seat by seat: every seat to the highest priority, earlier party on ties.
fn naive_divisor(m: Method, w: &[u32], n: u64, lo: &[u64], hi: &[u64]) -> Vec<u64> {
    let mut k: Vec<u64> = lo.to_vec();
    let mut given: u64 = k.iter().sum();
    while given < n {
        let mut best: Option<usize> = None;
        for i in 0..w.len() {
            if w[i] == 0 || k[i] >= hi[i] {
                continue;
            }
            let better = best.is_none_or(|b| {
                cmp_priority(m, w[i].into(), k[i].into(), w[b].into(), k[b].into())
                    == Ordering::Greater
            });
            if better {
                best = Some(i);
            }
        }
        k[best.expect("feasible")] += 1;
        given += 1;
    }
    k
}

/// Hamilton from the definition, with exact fractions in u128.
fn naive_hamilton(w: &[u32], n: u64) -> Vec<u64> {
    let t: u128 = w.iter().map(|&x| u128::from(x)).sum();
    let mut units: Vec<u64> = w
        .iter()
        .map(|&x| (u128::from(n) * u128::from(x) / t) as u64)
        .collect();
    let rem: Vec<u128> = w
        .iter()
        .map(|&x| u128::from(n) * u128::from(x) % t)
        .collect();
    let mut order: Vec<usize> = (0..w.len()).collect();
    order.sort_by(|&a, &b| rem[b].cmp(&rem[a]).then(a.cmp(&b)));
    let left = n - units.iter().sum::<u64>();
    for &i in order.iter().take(left as usize) {
        units[i] += 1;
    }
    units
}

/// The boundary by the definition: the weakest seat given, the strongest
/// not given, the first party of equals.
fn boundary_is_the_definition(
    m: Method,
    w: &[u32],
    units: &[u64],
    r: &andel_core::Apportionment,
) -> Result<(), TestCaseError> {
    let (mut last, mut next): (Option<usize>, Option<usize>) = (None, None);
    let wt = |i: usize| u128::from(w[i]);
    for i in (0..w.len()).filter(|&i| w[i] > 0) {
        let k = u128::from(units[i]);
        if k > 0
            && last.is_none_or(|l| {
                cmp_priority(m, wt(i), k - 1, wt(l), u128::from(units[l]) - 1) == Ordering::Less
            })
        {
            last = Some(i);
        }
        if next.is_none_or(|x| {
            cmp_priority(m, wt(i), k, wt(x), u128::from(units[x])) == Ordering::Greater
        }) {
            next = Some(i);
        }
    }
    let b = r.boundary.clone().unwrap();
    prop_assert_eq!(b.last.is_some(), last.is_some(), "{}", m);
    prop_assert_eq!(b.next, next.map(|i| (i, units[i] + 1)), "{} {:?}", m, units);
    if let (Some((i, s)), Some(l)) = (b.last, last) {
        // Without a tie the weakest seat is one party's; with one, any of
        // the tied equals.
        prop_assert_eq!(s, units[i].max(1));
        prop_assert_eq!(
            cmp_priority(m, wt(i), u128::from(s) - 1, wt(l), u128::from(units[l]) - 1),
            Ordering::Equal
        );
    }
    Ok(())
}

/// Every method but Hamilton.
fn divisor_methods() -> Vec<Method> {
    Method::ALL
        .into_iter()
        .filter(|m| *m != Method::Hamilton)
        .collect()
}

fn weights() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(prop_oneof![Just(0u32), 1u32..50, 1u32..100_000], 1..25)
        .prop_filter("some weight", |w| w.iter().any(|&x| x > 0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn divisor_methods_equal_the_seat_by_seat_definition(
        w in weights(),
        n in 0u64..120,
        // × 10^21: weights past 64 bits, the engine's 128-bit path.
        big in prop::sample::select(vec![1u128, 1_000_000_000_000_000_000_000]),
    ) {
        let positive = w.iter().filter(|&&x| x > 0).count() as u64;
        let unbounded = vec![u64::MAX; w.len()];
        let scaled: Vec<Decimal> = w.iter().map(|&x| Decimal::from(u128::from(x) * big)).collect();
        for m in divisor_methods() {
            let r = apportion(&scaled, n, &opts(m)).unwrap();
            let units = r.units();
            prop_assert_eq!(units.iter().sum::<u64>(), n);
            // Adams, Dean and HH give a unit to every positive party first.
            if matches!(m, Method::Adams | Method::Dean | Method::HuntingtonHill) && n >= positive {
                for (u, &x) in units.iter().zip(&w) {
                    prop_assert!(x == 0 || *u >= 1, "{}: {:?}", m, units);
                }
            }
            prop_assert_eq!(&units, &naive_divisor(m, &w, n, &vec![0; w.len()], &unbounded), "{}", m);
            boundary_is_the_definition(m, &w, units, &r)?;
        }
    }

    #[test]
    fn divisor_boundary_with_equal_weights_is_the_definition(
        w in prop::collection::vec(1u32..4, 1..30),
        n in 0u64..20,
    ) {
        for m in divisor_methods() {
            let r = apportion(&dec(&w), n, &opts(m)).unwrap();
            let units = r.units().to_vec();
            boundary_is_the_definition(m, &w, &units, &r)?;
        }
    }

    #[test]
    fn divisor_methods_with_limits_equal_the_definition(
        w in weights(), extra in 0u64..60, min in 0u64..3, cap in 1u64..30, m in prop::sample::select(divisor_methods())
    ) {
        let np = w.len() as u64;
        let lo = vec![min; w.len()];
        // Zero-weight parties never get above their minimum.
        let hi: Vec<u64> = w.iter().map(|&x| if x == 0 { min } else { cap.max(min) }).collect();
        let n = (min * np + extra).min(hi.iter().sum());
        let o = Options { minimum: Some(Limit::All(min)), maximum: Some(Limit::All(cap.max(min))), ..opts(m) };
        let r = apportion(&dec(&w), n, &o).unwrap();
        prop_assert_eq!(r.units(), naive_divisor(m, &w, n, &lo, &hi));
    }

    #[test]
    fn hamilton_is_floor_or_ceiling_and_matches_the_definition(w in weights(), n in 0u64..10_000) {
        let r = apportion(&dec(&w), n, &Options::default()).unwrap();
        let t: u128 = w.iter().map(|&x| u128::from(x)).sum();
        for (p, &x) in r.parties().iter().zip(&w) {
            let floor = (u128::from(n) * u128::from(x) / t) as u64;
            prop_assert!(p.units == floor || p.units == floor + 1);
            prop_assert_eq!(p.quota_whole, floor);
        }
        prop_assert_eq!(r.units(), naive_hamilton(&w, n));
    }

    #[test]
    fn hamilton_explanation_matches_the_definition(
        w in weights(),
        n in 0u64..200,
        // × 10^21: remainder and index no longer fit one 64-bit key.
        big in prop::sample::select(vec![1u128, 1_000_000_000_000_000_000_000]),
    ) {
        // Reasons worked out here from the definition: remainders ranked
        // largest first, equal ones in input order; a tie where equal
        // remainders straddle the last unit given.
        let w: Vec<u128> = w.iter().map(|&x| u128::from(x) * big).collect();
        let weights: Vec<Decimal> = w.iter().map(|&x| Decimal::from(x)).collect();
        let r = apportion(&weights, n, &Options::default()).unwrap();
        let t: u128 = w.iter().sum();
        let rem: Vec<u128> = w.iter().map(|&x| u128::from(n) * x % t).collect();
        let mut order: Vec<usize> = (0..w.len()).filter(|&i| rem[i] > 0).collect();
        order.sort_by(|&a, &b| rem[b].cmp(&rem[a]).then(a.cmp(&b)));
        let floors: u64 = w.iter().map(|&x| (u128::from(n) * x / t) as u64).sum();
        let left = (n - floors) as usize;
        let boundary = (left > 0 && left < order.len() && rem[order[left - 1]] == rem[order[left]])
            .then(|| rem[order[left]]);
        let parties = r.parties();
        for (i, p) in parties.iter().enumerate() {
            prop_assert_eq!(p.quota_remainder, rem[i]);
            let rank = order.iter().position(|&j| j == i).map(|k| k as u32 + 1);
            prop_assert_eq!(p.remainder_rank, rank);
            let expected = if rem[i] == 0 {
                Rounding::Exact
            } else if p.units > p.quota_whole {
                Rounding::Up
            } else {
                Rounding::Down
            };
            prop_assert_eq!(p.rounding, expected);
            prop_assert_eq!(p.tied, boundary == Some(rem[i]) && rem[i] > 0);
            prop_assert_eq!(r.party(i), Some(p.clone()));
        }
        let group: Vec<usize> = (0..w.len()).filter(|&i| boundary == Some(rem[i])).collect();
        match boundary {
            None => prop_assert!(r.ties.is_empty()),
            Some(_) => {
                prop_assert_eq!(r.ties.len(), 1);
                prop_assert_eq!(&r.ties[0].parties, &group);
                let won: Vec<usize> = order[..left].iter().copied().filter(|i| group.contains(i)).collect();
                let mut won_sorted = won.clone();
                won_sorted.sort_unstable();
                prop_assert_eq!(&r.ties[0].winners, &won_sorted);
                prop_assert_eq!(r.ties[0].units, won.len() as u64);
            }
        }
        prop_assert_eq!(r.party(w.len()), None);
    }

    #[test]
    fn hamilton_ranks_read_in_the_order_units_were_given(
        // Few distinct weights: ties at the last unit are common.
        w in prop::collection::vec(prop_oneof![Just(0u32), 1u32..4], 1..25)
            .prop_filter("some weight", |w| w.iter().any(|&x| x > 0)),
        n in 0u64..200,
        order in Just(()).prop_flat_map(|_| Just((0usize..25).collect::<Vec<_>>()).prop_shuffle()),
        by_priority in any::<bool>(),
    ) {
        // Ranks 1, 2, … by remainder, largest first; the parties rounded up
        // hold the first ranks whatever the tie rule (a priority order
        // hands a tied unit to a later party).
        let ties = if by_priority {
            TieRule::Priority(order.into_iter().filter(|&i| i < w.len()).map(PartyRef::Index).collect())
        } else {
            TieRule::Order
        };
        let r = apportion(&dec(&w), n, &Options { ties, ..Options::default() }).unwrap();
        let parties = r.parties();
        let mut ranked: Vec<(u32, usize)> = parties
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.remainder_rank.map(|k| (k, i)))
            .collect();
        ranked.sort_unstable();
        let up = |i: usize| parties[i].units > parties[i].quota_whole;
        let ups = ranked.iter().filter(|&&(_, i)| up(i)).count();
        for (j, &(k, i)) in ranked.iter().enumerate() {
            prop_assert_eq!(k as usize, j + 1);
            prop_assert_eq!(up(i), j < ups);
            if j > 0 {
                prop_assert!(parties[ranked[j - 1].1].quota_remainder >= parties[i].quota_remainder);
            }
        }
    }

    #[test]
    fn hamilton_with_limits_respects_them_and_adds_up(w in weights(), extra in 0u64..200, min in 0u64..4, cap in 4u64..40) {
        let positive = w.iter().filter(|&&x| x > 0).count() as u64;
        let zero = w.len() as u64 - positive;
        let n = (min * w.len() as u64 + extra).min(cap * positive + min * zero);
        let o = Options { minimum: Some(Limit::All(min)), maximum: Some(Limit::All(cap)), ..Options::default() };
        let r = apportion(&dec(&w), n, &o).unwrap();
        prop_assert_eq!(r.units().iter().sum::<u64>(), n);
        for (p, &x) in r.parties().iter().zip(&w) {
            prop_assert!(p.units >= min && p.units <= cap);
            if x == 0 { prop_assert_eq!(p.units, min); }
        }
    }

    #[test]
    fn divisor_methods_are_house_monotone(w in weights(), n in 0u64..100, m in prop::sample::select(divisor_methods())) {
        let a = apportion(&dec(&w), n, &opts(m)).unwrap().into_units();
        let b = apportion(&dec(&w), n + 1, &opts(m)).unwrap().into_units();
        prop_assert!(a.iter().zip(&b).all(|(x, y)| y >= x), "{:?} -> {:?}", a, b);
    }

    #[test]
    fn input_order_does_not_matter_without_ties(w in weights(), n in 0u64..300, rot in 0usize..25) {
        for m in Method::ALL {
            let a = apportion(&dec(&w), n, &opts(m)).unwrap();
            if !a.ties.is_empty() { continue; }
            let k = rot % w.len();
            let mut w2 = w.clone();
            w2.rotate_left(k);
            w2.reverse();
            let b = apportion(&dec(&w2), n, &opts(m)).unwrap();
            let mut expect = a.units().to_vec();
            expect.rotate_left(k);
            expect.reverse();
            prop_assert_eq!(b.units(), expect, "{}", m);
        }
    }

    #[test]
    fn scaling_all_weights_changes_nothing(w in weights(), n in 0u64..300, num in 1i64..1000, scale in 0u32..6) {
        let f = Decimal::new(num, scale);
        let scaled: Vec<Decimal> = dec(&w).into_iter().map(|x| x * f).collect();
        for m in Method::ALL {
            let a = apportion(&dec(&w), n, &opts(m)).unwrap();
            let b = apportion(&scaled, n, &opts(m)).unwrap();
            prop_assert_eq!(a.units(), b.units(), "{}", m);
            prop_assert_eq!(a.ties, b.ties);
        }
    }

    #[test]
    fn money_parts_add_up_and_mirror(w in weights(), cents in -10_000_000i64..10_000_000) {
        let amount = Decimal::new(cents, 2);
        let s = split(amount, &dec(&w), &SplitOptions::default()).unwrap();
        prop_assert_eq!(s.parts.iter().copied().sum::<Decimal>(), amount);
        let neg = split(-amount, &dec(&w), &SplitOptions::default()).unwrap();
        for (a, b) in s.parts.iter().zip(&neg.parts) {
            prop_assert_eq!(*a, -*b);
        }
    }

    #[test]
    fn excluded_get_zero_and_fixed_shares_land_within_one_unit(
        w in prop::collection::vec(1u32..100_000, 2..15), excl in 0usize..15, share_pm in 0i64..1000, n in 1u64..10_000
    ) {
        let key = Key::from_weights(w.iter().enumerate().map(|(i, &x)| (i.to_string(), Decimal::from(x)))).unwrap();
        let ex = (excl % (w.len() - 1)).to_string();
        let share = Decimal::new(share_pm, 3);
        let key = key.exclude(&[ex.as_str()]).unwrap()
            .with_fixed(&[FixedShare { id: "region".into(), name: None, share }]).unwrap();
        let a = key.apportion(n, &Options::default()).unwrap();
        prop_assert_eq!(a.units().iter().sum::<u64>(), n);
        prop_assert_eq!(a.get(&ex).unwrap().units, 0);
        // The region's exact quota is n × share.
        let region = a.get("region").unwrap().units;
        let exact = Decimal::from(n) * share;
        prop_assert!((Decimal::from(region) - exact).abs() < Decimal::ONE, "{} vs {}", region, exact);
        // The others share the rest exactly as if the excluded were absent.
        let shares_sum: Decimal = a.parties.iter().map(|p| p.weight).sum();
        prop_assert_eq!(shares_sum, key.total_weight());
    }
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    let max = (1i128 << 96) - 1;
    (
        prop_oneof![-max..=max, -1000i128..1000, Just(0i128)],
        0u32..=28,
    )
        .prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever the numbers, the engine answers or errs: it never panics,
    /// and an answer always adds up.
    #[test]
    fn extreme_inputs_never_panic(
        w in prop::collection::vec(any_decimal(), 0..8),
        units in prop_oneof![0u64..100, Just(u64::MAX), Just(1u64 << 31), any::<u64>()],
        m in prop::sample::select(Method::ALL.to_vec()),
        min in prop::option::of(0u64..5),
        max in prop::option::of(0u64..50),
        first in prop::option::of(any_decimal()),
        amount in any_decimal(),
        unit in any_decimal(),
    ) {
        let o = Options { method: m, minimum: min.map(Limit::All), maximum: max.map(Limit::All), first_divisor: first, ..Options::default() };
        if let Ok(r) = apportion(&w, units, &o) {
            prop_assert_eq!(r.units().iter().map(|&x| u128::from(x)).sum::<u128>(), u128::from(units));
        }
        let so = SplitOptions { unit, ..SplitOptions::default() };
        if let Ok(s) = split(amount, &w, &so) {
            prop_assert_eq!(s.parts.iter().copied().sum::<Decimal>(), amount);
        }
    }

    #[test]
    fn any_text_is_read_or_refused(text in ".{0,300}") {
        let _ = andel_core::tabular::parse_number(&text);
        let _ = andel_core::tabular::read_weights(&text, &Default::default());
        let _ = andel_core::document::compute_json(&text);
        let _ = andel_core::data::municipality(&text);
    }

    #[test]
    fn csv_like_text_is_read_or_refused(rows in prop::collection::vec((".{0,12}", "[0-9.,\\- ]{0,12}"), 0..8), sep in prop::sample::select(vec![',', ';', '\t'])) {
        let text: String = rows.iter().map(|(a, b)| format!("{a}{sep}{b}\n")).collect();
        if let Ok(r) = andel_core::tabular::read_weights(&text, &Default::default()) {
            prop_assert!(r.key.total_weight() > Decimal::ZERO);
        }
    }
}

proptest! {
    /// A cost split given by one of two parts keeps that part's amount
    /// exactly; the other is its exact counterpart rounded to the unit.
    #[test]
    fn cost_split_from_a_part_keeps_the_part(cents in 0i64..10_000_000_000, share_permille in 1u32..1000) {
        use andel_core::{cost_split_from_part, CostPart};
        let share = Decimal::new(i64::from(share_permille), 3);
        let parts = [
            CostPart { id: "a".into(), name: None, share, key: None },
            CostPart { id: "b".into(), name: None, share: Decimal::ONE - share, key: None },
        ];
        let amount = Decimal::new(cents, 2);
        let r = cost_split_from_part(amount, 0, &parts, &SplitOptions::default()).unwrap();
        let amounts = r.parts.amounts();
        prop_assert_eq!(amounts[0], amount);
        prop_assert_eq!(amounts[0] + amounts[1], r.parts.total);
        // |b − amount·(1−s)/s| ≤ half a cent, checked in integers (thousandths of a cent).
        let exact_b_milli = i128::from(cents) * 1000 * i128::from(1000 - share_permille) / i128::from(share_permille);
        let b_milli = (amounts[1] * Decimal::from(100_000)).mantissa() / 10i128.pow((amounts[1] * Decimal::from(100_000)).scale());
        prop_assert!((b_milli - exact_b_milli).abs() <= 500 + 1, "{} vs {}", b_milli, exact_b_milli);
    }
}

/// Largest-remainder rounding of exact values `num[i] / den` adding up to a
/// whole total: the margins a table's controlled rounding must meet.
fn margins(num: &[u128], den: u128) -> Vec<u64> {
    let total: u128 = num.iter().sum::<u128>() / den;
    let mut out: Vec<u64> = num.iter().map(|n| (n / den) as u64).collect();
    let mut order: Vec<usize> = (0..num.len()).collect();
    order.sort_by(|&a, &b| (num[b] % den).cmp(&(num[a] % den)).then(a.cmp(&b)));
    let left = total as u64 - out.iter().sum::<u64>();
    for &i in order.iter().take(left as usize) {
        out[i] += 1;
    }
    out
}

proptest! {
    /// Controlled rounding: every cell is its exact value rounded down or
    /// up, and every row and every column meets its total exactly. Margins
    /// rounded independently can be out of reach; then it is an error, and
    /// an exhaustive search (the independent oracle) finds no rounding either.
    #[test]
    fn tables_add_up_both_ways(
        cells in prop::collection::vec(prop::collection::vec(0u128..5000, 1..5), 1..5),
        den in 1u128..97,
    ) {
        use andel_core::table::controlled_round;
        let c = cells[0].len();
        let mut cells: Vec<Vec<u128>> = cells.into_iter().map(|mut r| { r.resize(c, 7); r }).collect();
        // Make the grand total whole.
        let sum: u128 = cells.iter().flatten().sum();
        cells[0][0] += (den - sum % den) % den;
        let rows: Vec<u128> = cells.iter().map(|r| r.iter().sum()).collect();
        let cols: Vec<u128> = (0..c).map(|j| cells.iter().map(|r| r[j]).sum()).collect();
        let (rt, ct) = (margins(&rows, den), margins(&cols, den));
        let whole: Vec<Vec<u64>> = cells.iter().map(|r| r.iter().map(|x| (x / den) as u64).collect()).collect();
        let rem: Vec<Vec<u128>> = cells.iter().map(|r| r.iter().map(|x| x % den).collect()).collect();
        let t = match controlled_round(&whole, &rem, den, &rt, &ct) {
            Ok(t) => t,
            Err(e) => {
                prop_assert_eq!(e.code(), "infeasible");
                // Every choice of cells to round up misses some total.
                let fractional: Vec<(usize, usize)> = (0..rem.len())
                    .flat_map(|i| (0..c).map(move |j| (i, j)))
                    .filter(|&(i, j)| rem[i][j] > 0)
                    .collect();
                let reachable = (0u32..1 << fractional.len()).any(|mask| {
                    let mut t = whole.clone();
                    for (b, &(i, j)) in fractional.iter().enumerate() {
                        t[i][j] += u64::from(mask >> b & 1);
                    }
                    t.iter().enumerate().all(|(i, r)| r.iter().sum::<u64>() == rt[i])
                        && (0..c).all(|j| t.iter().map(|r| r[j]).sum::<u64>() == ct[j])
                });
                prop_assert!(!reachable, "a rounding exists, yet: {}", e);
                return Ok(());
            }
        };
        for (i, row) in t.cells.iter().enumerate() {
            prop_assert_eq!(row.iter().sum::<u64>(), rt[i]);
            for (j, &x) in row.iter().enumerate() {
                let lo = (cells[i][j] / den) as u64;
                let hi = lo + u64::from(cells[i][j] % den != 0);
                prop_assert!(x == lo || x == hi);
            }
        }
        for j in 0..c {
            prop_assert_eq!(t.cells.iter().map(|r| r[j]).sum::<u64>(), ct[j]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The units-only entry from whole weights gives exactly the units of the
    /// explained one, for every method, with ties (small weights make them
    /// common) decided or refused alike.
    #[test]
    fn units_only_entry_equals_the_explained_one(
        w in prop::collection::vec(prop_oneof![0u64..4, 0u64..2_000_000], 1..40),
        n in 0u64..200,
        method in prop::sample::select(Method::ALL.to_vec()),
        strict in any::<bool>(),
    ) {
        let o = Options {
            method,
            ties: if strict { andel_core::TieRule::Error } else { andel_core::TieRule::Order },
            ..Options::default()
        };
        let dec: Vec<Decimal> = w.iter().map(|&x| Decimal::from(x)).collect();
        let full = apportion(&dec, n, &o);
        let fast = andel_core::apportion_units(&w, n, &o);
        match (full, fast) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a.units(), b),
            (Err(a), Err(b)) => {
                prop_assert_eq!(a.code(), b.code());
                prop_assert_eq!(a.to_string(), b.to_string());
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.map(|x| x.into_units()), b),
        }
    }

    /// A house of at most half as many units as parties, where the
    /// units-only entry apportions among the heaviest parties alone: the same
    /// units as the explained entry, equal weights (and so tied first and
    /// later seats) everywhere.
    #[test]
    fn units_only_small_house_equals_the_explained_one(
        w in prop::collection::vec(prop_oneof![1u64..4, 1u64..9], 8..80),
        fraction in 1u64..=50,
        method in prop::sample::select(vec![
            Method::Dhondt, Method::SainteLague, Method::ModifiedSainteLague,
        ]),
        rule in 0usize..3,
    ) {
        let n = (w.len() as u64 * fraction / 100).max(1);
        let ties = match rule {
            0 => andel_core::TieRule::Order,
            1 => andel_core::TieRule::Error,
            // Last party first.
            _ => andel_core::TieRule::Priority(
                (0..w.len()).rev().map(andel_core::PartyRef::Index).collect(),
            ),
        };
        let o = Options { method, ties, ..Options::default() };
        let dec: Vec<Decimal> = w.iter().map(|&x| Decimal::from(x)).collect();
        // A maximum no party can reach (more than all units) takes the
        // engine's general path.
        let general = Options { maximum: Some(Limit::All(n + 1)), ..o.clone() };
        let (small, full) = (apportion(&dec, n, &o), apportion(&dec, n, &general));
        match (small, full) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.units(), b.units());
                prop_assert_eq!(&a.ties, &b.ties);
                prop_assert_eq!(&a.boundary, &b.boundary);
                if rule == 0 {
                    prop_assert_eq!(a.units(), andel_core::apportion_units(&w, n, &o).unwrap());
                }
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.map(|x| x.into_units()), b.map(|x| x.into_units())),
        }
    }

    /// Money from whole weights, units only: the same parts as `split`.
    #[test]
    fn split_units_equals_split(
        w in prop::collection::vec(prop_oneof![0u64..4, 0u64..2_000_000], 1..40),
        cents in -1_000_000i64..1_000_000,
    ) {
        let amount = Decimal::new(cents, 2);
        let dec: Vec<Decimal> = w.iter().map(|&x| Decimal::from(x)).collect();
        let o = SplitOptions::default();
        match (split(amount, &dec, &o), andel_core::money::split_units(amount, &w, &o)) {
            (Ok(a), Ok(u)) => {
                let parts = andel_core::money::parts_from_units(amount, o.unit, &u).unwrap();
                prop_assert_eq!(a.parts, parts);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.map(|x| x.parts), b),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Parts written as text straight from the integer products read exactly
    /// as the parts' own `to_string()`: signs, zeros, scales 0 to 28, and
    /// products too large for a decimal (the same error).
    #[test]
    fn part_texts_are_the_parts_to_string(
        negative in any::<bool>(),
        unit_mantissa in prop_oneof![1i64..10, 1i64..1_000_000, Just(i64::MAX)],
        scale in 0u32..29,
        units in prop::collection::vec(prop_oneof![0u64..1000, any::<u64>()], 0..20),
    ) {
        let amount = if negative { Decimal::new(-1, 0) } else { Decimal::ONE };
        let unit = Decimal::new(unit_mantissa, scale);
        let parts = andel_core::money::parts_from_units(amount, unit, &units);
        let texts = andel_core::money::part_texts(amount, unit, &units);
        // And joined in one string (what the browser build splits in JS).
        let joined = andel_core::money::part_texts_joined(amount, unit, &units, ',');
        prop_assert_eq!(joined.is_ok(), texts.is_ok());
        match (parts, texts) {
            (Ok(p), Ok(t)) => {
                let expected: Vec<String> = p.iter().map(Decimal::to_string).collect();
                prop_assert_eq!(joined.unwrap_or_default(), expected.join(","));
                prop_assert_eq!(t, expected);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
        }
    }
}

/// Divisor methods at a size where the engine first aims on a sample of the
/// parties (2^16 and more), checked by the definition rather than against
/// another implementation: the weakest seat given has a priority at least
/// that of the strongest seat not given, and where the two are equal every
/// party holding such a seat comes before every party denied one (ties go
/// in input order). Tie-rich small weights, populations and zeros; houses
/// smaller than, near and far above the number of parties.
#[test]
fn divisor_methods_at_scale_meet_their_definition() {
    let n = 70_000usize;
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let spreads: [&dyn Fn(u64) -> u32; 3] = [
        &|r| (r % 40 + 1) as u32,
        &|r| (1_000 + r % 999_000) as u32,
        &|r| if r % 5 == 0 { 0 } else { (r % 60_000) as u32 },
    ];
    for spread in spreads {
        let w: Vec<u32> = (0..n).map(|_| spread(next())).collect();
        let w64: Vec<u64> = w.iter().map(|&v| u64::from(v)).collect();
        for m in divisor_methods() {
            for seats in [700u64, 50_000, 1_000_000] {
                let k = andel_core::apportion_units(&w64, seats, &opts(m)).unwrap();
                assert_eq!(k.iter().sum::<u64>(), seats, "{m} {seats}");
                // (priority of the weakest seat given, its party) and
                // (priority of the strongest not given, its party).
                let mut weakest: Option<usize> = None;
                let mut strongest: Option<usize> = None;
                for i in (0..n).filter(|&i| w[i] > 0) {
                    let p = |j: usize, kj: u64| (u128::from(w[j]), u128::from(kj));
                    if k[i] > 0 {
                        let better = weakest.is_none_or(|b| {
                            let ((wi, ki), (wb, kb)) = (p(i, k[i] - 1), p(b, k[b] - 1));
                            cmp_priority(m, wi, ki, wb, kb) != Ordering::Greater
                        });
                        if better {
                            weakest = Some(i);
                        }
                    }
                    let better = strongest.is_none_or(|b| {
                        let ((wi, ki), (wb, kb)) = (p(i, k[i]), p(b, k[b]));
                        cmp_priority(m, wi, ki, wb, kb) == Ordering::Greater
                    });
                    if better {
                        strongest = Some(i);
                    }
                }
                let (g, s) = (weakest.unwrap(), strongest.unwrap());
                let order = cmp_priority(
                    m,
                    u128::from(w[g]),
                    u128::from(k[g] - 1),
                    u128::from(w[s]),
                    u128::from(k[s]),
                );
                assert!(
                    order == Ordering::Greater || (order == Ordering::Equal && g < s),
                    "{m} {seats}: seat given to {g} ({}, {}) but not to {s} ({}, {})",
                    w[g],
                    k[g],
                    w[s],
                    k[s]
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Hamilton's one selection keys a party by remainder and index in one
    /// 64-bit key where both fit, else by the remainder alone (64 or 128
    /// bits) with a second pass to find the parties. Weights times a
    /// constant have the same quotas, so the units, the ties, every party's
    /// reasons (but the remainder's numerator) and the refusals must not
    /// change with the key's width, under every tie rule, explained or
    /// units only. Small weights make ties common.
    #[test]
    fn hamilton_is_the_same_on_every_key_width(
        w in prop::collection::vec(prop_oneof![0u64..4, 0u64..2_000_000], 1..40),
        n in 0u64..200,
        scale in prop::sample::select(vec![1u64 << 20, 1u64 << 40, 1u64 << 56, 1u64 << 58, 1u64 << 62]),
        rule in 0usize..3,
    ) {
        let ties = match rule {
            0 => andel_core::TieRule::Order,
            1 => andel_core::TieRule::Error,
            _ => andel_core::TieRule::Priority(
                (0..w.len()).rev().map(andel_core::PartyRef::Index).collect(),
            ),
        };
        let o = Options { ties, ..Options::default() };
        let small: Vec<Decimal> = w.iter().map(|&x| Decimal::from(x)).collect();
        let big: Vec<Decimal> = w
            .iter()
            .map(|&x| Decimal::from(u128::from(x) * u128::from(scale)))
            .collect();
        let reasons = |a: &andel_core::Apportionment| -> Vec<_> {
            a.parties()
                .into_iter()
                .map(|p| (p.units, p.quota_whole, p.rounding, p.remainder_rank, p.tied))
                .collect()
        };
        let scaled_u64: Option<Vec<u64>> = w.iter().map(|&x| x.checked_mul(scale)).collect();
        match (apportion(&small, n, &o), apportion(&big, n, &o)) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.units(), b.units());
                prop_assert_eq!(&a.ties, &b.ties);
                prop_assert_eq!(reasons(&a), reasons(&b));
                prop_assert_eq!(a.units(), andel_core::apportion_units(&w, n, &o).unwrap());
                if let Some(w) = scaled_u64 {
                    prop_assert_eq!(a.units(), andel_core::apportion_units(&w, n, &o).unwrap());
                }
            }
            (Err(a), Err(b)) => {
                prop_assert_eq!(a.to_string(), b.to_string());
                let units = andel_core::apportion_units(&w, n, &o).unwrap_err();
                prop_assert_eq!(a.to_string(), units.to_string());
                if let Some(w) = scaled_u64 {
                    let units = andel_core::apportion_units(&w, n, &o).unwrap_err();
                    prop_assert_eq!(a.to_string(), units.to_string());
                }
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.map(|x| x.into_units()), b.map(|x| x.into_units())),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Weights whose total passes 2^64 less the index's bits: the key holds
    /// the remainder's leading bits only, and parties whose remainders
    /// differ in the bits dropped (weights k·2^58 + e, so remainders a few
    /// hundred apart) are ordered afterwards by their exact remainders.
    /// Held to largest remainder worked out here in 128 bits: the units,
    /// and under `error` a refusal exactly when equal remainders straddle
    /// the last unit.
    #[test]
    fn hamilton_on_wide_weights_is_largest_remainder(
        parts in prop::collection::vec((0u64..4, 0u64..4), 1..60),
        n in 0u64..200,
        strict in any::<bool>(),
    ) {
        let w: Vec<u64> = parts.iter().map(|&(k, e)| (k << 58) + e).collect();
        let t: u128 = w.iter().map(|&x| u128::from(x)).sum();
        prop_assume!(t > 0);
        let mut units: Vec<u64> = Vec::new();
        let mut order: Vec<(u128, usize)> = Vec::new();
        for (i, &x) in w.iter().enumerate() {
            let q = u128::from(n) * u128::from(x);
            units.push((q / t) as u64);
            if q % t > 0 {
                order.push((q % t, i));
            }
        }
        order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let left = (n - units.iter().sum::<u64>()) as usize;
        for &(_, i) in &order[..left] {
            units[i] += 1;
        }
        let straddle = left > 0
            && order.get(left).is_some_and(|next| next.0 == order[left - 1].0);
        let o = Options {
            ties: if strict { andel_core::TieRule::Error } else { andel_core::TieRule::Order },
            ..Options::default()
        };
        let dec: Vec<Decimal> = w.iter().map(|&x| Decimal::from(x)).collect();
        for got in [apportion(&dec, n, &o).map(|a| a.into_units()), andel_core::apportion_units(&w, n, &o)] {
            if strict && straddle {
                prop_assert_eq!(got.map_err(|e| e.code()), Err("tie"));
            } else {
                prop_assert_eq!(got.unwrap(), units.clone());
            }
        }
    }
}
