//! Biproportional apportionment: published worked examples, and properties
//! against an exhaustive search written here from the definition (the
//! rounding that minimises Σ ln(d(k-1)/w) over every table meeting the
//! margins, compared as exact products).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::{apportion, biproportional, BiproportionalOptions, Method, Options, TieRule};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn table(rows: &[Vec<u32>]) -> Vec<Vec<Decimal>> {
    rows.iter()
        .map(|r| r.iter().map(|&v| Decimal::from(v)).collect())
        .collect()
}

fn options(method: Method) -> BiproportionalOptions {
    BiproportionalOptions {
        method,
        ..BiproportionalOptions::default()
    }
}

#[test]
fn wikipedia_en_worked_example() {
    // en.wikipedia.org, "Biproportional apportionment", specific example:
    // parties A, B, C (rows) in regions I, II, III (columns) of 7, 5, 8 seats.
    let votes = table(&[vec![123, 45, 815], vec![912, 714, 414], vec![312, 255, 215]]);
    let t = biproportional(&votes, &[7, 5, 8], None, &options(Method::SainteLague)).unwrap();
    assert_eq!(t.row_totals, vec![5, 11, 4]);
    assert_eq!(t.cells, vec![vec![1, 0, 4], vec![4, 4, 3], vec![2, 1, 1]]);
    // With the parties' seats given instead of apportioned: the same.
    let given = biproportional(
        &votes,
        &[7, 5, 8],
        Some(&[5, 11, 4]),
        &options(Method::SainteLague),
    )
    .unwrap();
    assert_eq!(given.cells, t.cells);
    assert!(given.rows.is_none());
}

#[test]
fn zurich_style_weights_by_district_size() {
    // de.wikipedia.org, "Doppeltproportionales Zuteilungsverfahren": the
    // upper apportionment uses voter numbers (votes / district seats), the
    // lower the votes; 4, 5, 6 seats per district and per party.
    let votes = table(&[vec![51, 98, 45], vec![60, 100, 120], vec![63, 102, 144]]);
    let t = biproportional(
        &votes,
        &[4, 5, 6],
        Some(&[4, 5, 6]),
        &options(Method::SainteLague),
    )
    .unwrap();
    assert_eq!(t.cells, vec![vec![1, 2, 1], vec![1, 2, 2], vec![2, 1, 3]]);
}

#[test]
fn bad_input_is_refused_with_the_field() {
    let w = table(&[vec![1, 2], vec![3, 4]]);
    let o = options(Method::SainteLague);
    let e = biproportional(&w, &[2, 2], Some(&[1, 2]), &o).unwrap_err();
    assert_eq!((e.code(), e.field()), ("infeasible", Some("row_totals")));
    let e = biproportional(&table(&[vec![1, 2], vec![3]]), &[2, 2], None, &o).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("length_mismatch", Some("weights[1]"))
    );
    let neg = vec![
        vec![Decimal::ONE, Decimal::ONE],
        vec![Decimal::ONE, Decimal::from(-1)],
    ];
    let e = biproportional(&neg, &[1, 1], None, &o).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("negative_weight", Some("weights[1][1]"))
    );
    let e = biproportional(&w, &[1, 1], None, &options(Method::Hamilton)).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_option", Some("method")));
    let e = biproportional(&w, &[1, 1], None, &options(Method::Adams)).unwrap_err();
    assert_eq!(e.field(), Some("method"));
    // A structural zero that makes the margins unreachable.
    let z = table(&[vec![1, 0], vec![0, 1]]);
    let e = biproportional(&z, &[2, 0], Some(&[1, 1]), &o).unwrap_err();
    assert_eq!(e.code(), "infeasible");
    // Said in Danish from the catalogue: row 1's only cell with weight is
    // in column 1, which gets 0 units, yet row 1 must get 1.
    let da = |e: &andel_core::Error| e.message(andel_core::present::Language::Da);
    assert_eq!(
        da(&e),
        "weights[1]: mindste og højeste antal kan ikke overholdes med det antal: række 1 skal have \
         1 enhed(er), men har ingen celle med vægt i en kolonne, der får nogen"
    );
    // Rows 1 + 2 = 3 units, columns 2 + 2 = 4.
    let e = biproportional(&w, &[2, 2], Some(&[1, 2]), &o).unwrap_err();
    assert_eq!(
        da(&e),
        "row_totals: mindste og højeste antal kan ikke overholdes med det antal: rækkernes summer \
         giver 3 og kolonnernes 4; de skal være lige store"
    );
    let e = biproportional(&w, &[1, 1], None, &options(Method::Hamilton)).unwrap_err();
    assert_eq!(
        da(&e),
        "method: en biproportional fordeling kræver en divisormetode, hvis første divisor er over \
         nul: «dhondt», «sainte_lague» eller «modified_sainte_lague», ikke «hamilton»"
    );
    let e = biproportional(&[], &[1], None, &o).unwrap_err();
    assert_eq!(e.field(), Some("weights"));
    let e = biproportional(&w, &[u64::MAX, 1], None, &o).unwrap_err();
    assert_eq!((e.code(), e.field()), ("overflow", Some("column_totals")));
}

/// d(k) for the (k+1)-th unit, as (num, den).
fn d(method: Method, k: u64) -> (u128, u128) {
    let k = u128::from(k);
    match method {
        Method::Dhondt => (k + 1, 1),
        Method::SainteLague => (2 * k + 1, 2),
        _ => unreachable!(),
    }
}

/// The cost of a table as an exact fraction: ∏ over cells of
/// ∏_{k < n} d(k) / w.
fn cost(method: Method, w: &[Vec<u32>], n: &[Vec<u64>]) -> (u128, u128) {
    let (mut num, mut den) = (1u128, 1u128);
    for (wr, nr) in w.iter().zip(n) {
        for (&wc, &nc) in wr.iter().zip(nr) {
            for k in 0..nc {
                let (a, b) = d(method, k);
                num *= a;
                den *= b * u128::from(wc);
            }
        }
    }
    (num, den)
}

/// Every table of whole units meeting the margins, zero where the weight is.
fn all_tables(w: &[Vec<u32>], rows: &[u64], cols: &[u64]) -> Vec<Vec<Vec<u64>>> {
    let (r, c) = (rows.len(), cols.len());
    let mut out = Vec::new();
    let mut n = vec![vec![0u64; c]; r];
    fn go(
        k: usize,
        w: &[Vec<u32>],
        rows: &[u64],
        cols: &[u64],
        n: &mut Vec<Vec<u64>>,
        out: &mut Vec<Vec<Vec<u64>>>,
    ) {
        let c = cols.len();
        if k == rows.len() * c {
            let ok = (0..c).all(|j| n.iter().map(|row| row[j]).sum::<u64>() == cols[j]);
            if ok {
                out.push(n.clone());
            }
            return;
        }
        let (i, j) = (k / c, k % c);
        let used: u64 = n[i][..j].iter().sum();
        let left = rows[i] - used;
        let options: Vec<u64> = if j == c - 1 {
            vec![left]
        } else {
            (0..=left).collect()
        };
        for x in options {
            if x > 0 && w[i][j] == 0 {
                continue;
            }
            n[i][j] = x;
            go(k + 1, w, rows, cols, n, out);
        }
        n[i][j] = 0;
    }
    go(0, w, rows, cols, &mut n, &mut out);
    out
}

fn small_case() -> impl Strategy<Value = (Vec<Vec<u32>>, Vec<u64>, Vec<u64>)> {
    // Small weights (below 3) make exact ties common.
    (2usize..4, 2usize..4, prop::sample::select(vec![3u32, 40]))
        .prop_flat_map(|(r, c, most)| {
            (
                prop::collection::vec(prop::collection::vec(0u32..most, c), r),
                prop::collection::vec(0u64..4, r),
                Just(c),
            )
        })
        .prop_flat_map(|(w, rows, c)| {
            let total: u64 = rows.iter().sum();
            // Column totals: a random composition of the same total.
            (
                Just(w),
                Just(rows),
                prop::collection::vec(0u64..=total, c - 1).prop_map(move |mut cuts| {
                    cuts.push(0);
                    cuts.push(total);
                    cuts.sort_unstable();
                    cuts.windows(2).map(|p| p[1] - p[0]).collect::<Vec<u64>>()
                }),
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The result is a cheapest table meeting both margins; it is reported
    /// as a tie exactly when another table costs the same.
    #[test]
    fn equals_the_exhaustive_optimum(
        (w, rows, cols) in small_case(),
        method in prop::sample::select(vec![Method::Dhondt, Method::SainteLague]),
    ) {
        let tables = all_tables(&w, &rows, &cols);
        let got = biproportional(&table(&w), &cols, Some(&rows), &options(method));
        if tables.is_empty() {
            prop_assert!(got.is_err());
            return Ok(());
        }
        let got = got.unwrap();
        let cheaper = |a: (u128, u128), b: (u128, u128)| (a.0 * b.1).cmp(&(b.0 * a.1));
        let best = tables
            .iter()
            .map(|t| cost(method, &w, t))
            .min_by(|&a, &b| cheaper(a, b))
            .unwrap();
        let optimal: Vec<&Vec<Vec<u64>>> = tables
            .iter()
            .filter(|t| cheaper(cost(method, &w, t), best).is_eq())
            .collect();
        prop_assert!(optimal.contains(&&got.cells), "not optimal: {:?}", got.cells);
        prop_assert_eq!(optimal.len() > 1, !got.ties.is_empty());
        // The tie rule `order`: the table-order-greatest of the optima.
        let flat = |t: &Vec<Vec<u64>>| t.iter().flatten().copied().collect::<Vec<u64>>();
        let first = optimal.iter().map(|t| flat(t)).max().unwrap();
        prop_assert_eq!(flat(&got.cells), first);
    }

    /// Both margins always hold, cells of zero weight stay at zero, and
    /// without row totals the rows get the method's 1-D apportionment.
    #[test]
    fn both_margins_always_hold(
        w in prop::collection::vec(prop::collection::vec(prop_oneof![Just(0u32), 1u32..100_000], 6), 1..7),
        total in 0u64..400,
        method in prop::sample::select(vec![Method::Dhondt, Method::SainteLague, Method::ModifiedSainteLague]),
    ) {
        let c = 6;
        let col_w: Vec<Decimal> = (0..c).map(|j| Decimal::from(w.iter().map(|r| r[j]).sum::<u32>())).collect();
        let Ok(cols) = apportion(&col_w, total, &Options { method, ..Options::default() }) else {
            return Ok(());
        };
        let cols = cols.units();
        match biproportional(&table(&w), cols, None, &options(method)) {
            Ok(t) => {
                let row_w: Vec<Decimal> = w.iter().map(|r| Decimal::from(r.iter().sum::<u32>())).collect();
                let upper = apportion(&row_w, total, &Options { method, ..Options::default() }).unwrap();
                prop_assert_eq!(&t.row_totals, &upper.units());
                for (i, row) in t.cells.iter().enumerate() {
                    prop_assert_eq!(row.iter().sum::<u64>(), t.row_totals[i]);
                    for (j, &x) in row.iter().enumerate() {
                        prop_assert!(w[i][j] > 0 || x == 0);
                    }
                }
                for (j, &cj) in cols.iter().enumerate() {
                    prop_assert_eq!(t.cells.iter().map(|r| r[j]).sum::<u64>(), cj);
                }
            }
            // Only structural zeros can make the margins unreachable.
            Err(e) => prop_assert!(e.code() == "infeasible" || e.code() == "zero_total_weight", "{e}"),
        }
    }
}

#[test]
fn ties_error_refuses_and_order_reports() {
    let w = table(&[vec![1, 1], vec![1, 1]]);
    let strict = BiproportionalOptions {
        ties: TieRule::Error,
        ..BiproportionalOptions::default()
    };
    assert_eq!(
        biproportional(&w, &[1, 1], Some(&[1, 1]), &strict)
            .unwrap_err()
            .code(),
        "tie"
    );
    let priority = BiproportionalOptions {
        ties: TieRule::Priority(vec![]),
        ..BiproportionalOptions::default()
    };
    assert_eq!(
        biproportional(&w, &[1, 1], None, &priority)
            .unwrap_err()
            .field(),
        Some("ties")
    );
}

#[test]
fn a_larger_table_with_large_totals_adds_up_both_ways() {
    // 20 × 20 cells, 100.000 places a column: the refined start leaves few
    // units to move, so this takes milliseconds, not minutes.
    let w: Vec<Vec<Decimal>> = (0..20u32)
        .map(|i| {
            (0..20u32)
                .map(|j| Decimal::from((i * 7 + j * 13) % 17 + 1))
                .collect()
        })
        .collect();
    let cols = vec![100_000u64; 20];
    let t = biproportional(&w, &cols, None, &options(Method::SainteLague)).unwrap();
    for (j, &c) in cols.iter().enumerate() {
        assert_eq!(t.cells.iter().map(|r| r[j]).sum::<u64>(), c);
    }
    for (row, &total) in t.cells.iter().zip(&t.row_totals) {
        assert_eq!(row.iter().sum::<u64>(), total);
    }
}
