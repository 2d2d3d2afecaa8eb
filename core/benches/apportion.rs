//! Criterion benchmarks: every method at 11, 98, 10,000 and 1,000,000 parties
//! with 9,000 and 10·n units, and money splits of 4,275,000.00 kr.
//!
//! Run: `cargo bench -p andel-core --bench apportion`
//! (`-- hamilton/1000000` and the like select a subset).

use andel_core::{apportion, split, Decimal, Method, Options, SplitOptions};
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

criterion_group!(benches, methods, money);
criterion_main!(benches);
