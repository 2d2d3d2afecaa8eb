//! Criterion benchmarks: every method at 11, 98, 10,000 and 1,000,000 parties
//! with 9,000 and 10·n units, Hamilton, D'Hondt and Sainte-Laguë at 10^7, money splits of 4,275,000.00 kr., and
//! options naming every party by id (limits, a priority order, exclusions).
//!
//! Run: `cargo bench -p andel-core --bench apportion`
//! (`-- hamilton/1000000` and the like select a subset).

use andel_core::{
    apportion, apportion_named, apportion_units, data, split, Decimal, Key, Limit, Method, Options,
    PartyRef, SortedMap, SplitOptions, TieRule,
};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;

/// Population-like weights from 1,000 to about 1,000,000, deterministic.
fn weights(n: usize) -> Vec<Decimal> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            Decimal::from(1_000 + x % 999_000)
        })
        .collect()
}

fn methods(c: &mut Criterion) {
    for n in [11usize, 98, 10_000, 1_000_000] {
        let w = weights(n);
        for method in Method::ALL {
            let mut group = c.benchmark_group(method.name());
            if n >= 10_000 {
                group
                    .sample_size(10)
                    .measurement_time(Duration::from_secs(3));
            }
            let options = Options {
                method,
                ..Options::default()
            };
            for seats in [9_000u64, 10 * n as u64] {
                group.bench_with_input(
                    BenchmarkId::new(format!("{n}"), format!("{seats}_units")),
                    &seats,
                    |b, &seats| b.iter(|| apportion(black_box(&w), seats, &options)),
                );
            }
            group.finish();
        }
    }
}

fn money(c: &mut Criterion) {
    let mut group = c.benchmark_group("split_4275000.00");
    let amount = Decimal::new(427_500_000, 2);
    for n in [11usize, 98, 1_000_000] {
        if n >= 10_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(3));
        }
        let w = weights(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &w, |b, w| {
            b.iter(|| split(amount, black_box(w), &SplitOptions::default()))
        });
    }
    group.finish();
}

/// The floor of what exact Hamilton can cost: sum, floor with u128, select
/// the largest remainders. No ties, no checks, no explanation.
fn minimal_hamilton(w: &[u64], seats: u64) -> Vec<u64> {
    let total: u128 = w.iter().map(|&x| u128::from(x)).sum();
    let mut units = Vec::with_capacity(w.len());
    let mut keys = Vec::with_capacity(w.len());
    let mut given = 0u64;
    for (i, &x) in w.iter().enumerate() {
        let q = u128::from(seats) * u128::from(x);
        let f = (q / total) as u64;
        given += f;
        units.push(f);
        keys.push((((q % total) as u64) << 24) | i as u64);
    }
    let left = (seats - given) as usize;
    if left > 0 {
        keys.select_nth_unstable_by(left - 1, |a, b| b.cmp(a));
        for &k in &keys[..left] {
            units[(k & 0xFF_FFFF) as usize] += 1;
        }
    }
    units
}

/// The same from `Decimal` weights: their mantissas (whole numbers here).
fn minimal_hamilton_decimal(w: &[Decimal], seats: u64) -> Vec<u64> {
    let ints: Vec<u64> = w
        .iter()
        .map(|d| d.mantissa().unsigned_abs() as u64)
        .collect();
    minimal_hamilton(&ints, seats)
}

/// 10^4 and 10^6 parties (bench/compare.py's sizes): the minimal loops
/// beside `apportion_units` (whole weights, units only) for every method;
/// compare with the `methods` group's explained results from `Decimal`
/// weights.
fn units(c: &mut Criterion) {
    for n in [10_000usize, 1_000_000] {
        units_of(c, n);
    }
}

fn units_of(c: &mut Criterion, n: usize) {
    let w = weights(n);
    let ints: Vec<u64> = w
        .iter()
        .map(|d| d.mantissa().unsigned_abs() as u64)
        .collect();
    let mut group = c.benchmark_group(format!("units_{n}"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    for seats in [9_000u64, 10 * n as u64] {
        group.bench_function(format!("minimal_u64_loop/{seats}"), |b| {
            b.iter(|| minimal_hamilton(black_box(&ints), seats))
        });
        group.bench_function(format!("minimal_decimal_loop/{seats}"), |b| {
            b.iter(|| minimal_hamilton_decimal(black_box(&w), seats))
        });
        for method in Method::ALL {
            let options = Options {
                method,
                ..Options::default()
            };
            group.bench_function(format!("{}/{seats}", method.name()), |b| {
                b.iter(|| apportion_units(black_box(&ints), seats, &options))
            });
        }
    }
    group.finish();
}

/// Options that name each of 100,000 parties by id: ids are looked up
/// through one index (O(n log n)), not one scan each (O(n²)).
#[allow(clippy::expect_used)] // a benchmark's own fixed input
fn ids(c: &mut Criterion) {
    let n = 100_000;
    let w = weights(n);
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let options = Options {
        minimum: Some(Limit::ById(
            ids.iter()
                .map(|id| (id.clone(), 1))
                .collect::<SortedMap<_, _>>(),
        )),
        ties: TieRule::Priority(
            ids.iter()
                .rev()
                .map(|id| PartyRef::Id(id.clone()))
                .collect(),
        ),
        ..Options::default()
    };
    let key = Key::from_weights(ids.iter().map(String::as_str).zip(w.iter().copied()))
        .expect("a key of distinct ids");
    let half: Vec<&String> = ids.iter().step_by(2).collect();
    let mut group = c.benchmark_group("ids_100000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    group.bench_function("minimum_and_priority_by_id", |b| {
        b.iter(|| apportion_named(black_box(&w), Some(&ids), 4 * n as u64, &options))
    });
    group.bench_function("exclude_half", |b| {
        b.iter(|| data::exclude_named(black_box(&key), &half, "exclude"))
    });
    group.finish();
}

/// 10^7 parties (issue 30: 10^6 → 10^7 within 12×; Hamilton at 10^8
/// units against numpy): units only and explained, for Hamilton, D'Hondt
/// and Sainte-Laguë at 10^7 and 10^8 units.
fn large(c: &mut Criterion) {
    let n = 10_000_000usize;
    let w = weights(n);
    let ints: Vec<u64> = w
        .iter()
        .map(|d| d.mantissa().unsigned_abs() as u64)
        .collect();
    let mut group = c.benchmark_group("large_10000000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for method in [Method::Hamilton, Method::Dhondt, Method::SainteLague] {
        let options = Options {
            method,
            ..Options::default()
        };
        let seats = if method == Method::Hamilton {
            100_000_000
        } else {
            10_000_000
        };
        group.bench_function(format!("units/{}/{seats}", method.name()), |b| {
            b.iter(|| apportion_units(black_box(&ints), seats, &options))
        });
        group.bench_function(format!("explained/{}/{seats}", method.name()), |b| {
            b.iter(|| apportion(black_box(&w), seats, &options).map(|a| a.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, methods, money, units, ids, large);
criterion_main!(benches);
