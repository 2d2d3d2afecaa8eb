//! The band against the textbook largest remainder and the plain path.

#![allow(clippy::unwrap_used)]
use super::super::super::options::TieRule;
use super::super::tests::{problem, tie_rules};
use proptest::prelude::*;

/// Largest remainder from its definition: every party ⌊w·T/W⌋, then one
/// more to the parties with the largest remainders w·T mod W, equal ones in
/// input order (the tie rule `order`).
fn textbook(w: &[u64], total: u64) -> Vec<u64> {
    let sum: u128 = w.iter().map(|&x| u128::from(x)).sum();
    let t = u128::from(total);
    let mut units: Vec<u64> = w
        .iter()
        .map(|&x| (u128::from(x) * t / sum) as u64)
        .collect();
    let mut rest: Vec<(u128, usize)> = w
        .iter()
        .enumerate()
        .map(|(i, &x)| (u128::from(x) * t % sum, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let left = total - units.iter().sum::<u64>();
    for &(_, i) in rest.iter().take(left as usize) {
        units[i] += 1;
    }
    units
}

/// Enough parties that the band has parties before and after it, and
/// from 2.049 on that the sample is a part of them; many equal remainders;
/// weights whose remainder and index do not fit one 64-bit key together
/// (truncated levels: a total below 2^64, so that the scale is 64-bit).
fn weights() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![
        prop::collection::vec(1u64..2_000_000, 800..5_000),
        prop::collection::vec(
            prop::sample::select(vec![0u64, 1, 2, 3, 6, 7, 12]),
            800..5_000
        ),
        prop::collection::vec(1u64..40, 800..5_000),
        prop::collection::vec(1u64 << 46..1 << 48, 800..5_000),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// With the band from any size, Hamilton is the plain path for every
    /// tie rule, explained or not: the same units, ties and errors; and
    /// under `order` the textbook method's units.
    #[test]
    fn band_and_plain_paths_agree(
        (w, ties) in weights().prop_flat_map(|w| { let n = w.len(); (Just(w), tie_rules(n)) }),
        total in prop_oneof![1u64..50, 1u64..5_000, 1u64..10_000_000],
        report in any::<bool>(),
    ) {
        prop_assume!(w.iter().any(|&x| x > 0));
        let p = problem(&w, total, &ties);
        let band = p.hamilton_with(report, 0);
        let plain = p.hamilton_with(report, usize::MAX);
        match (band, plain) {
            (Ok(b), Ok(g)) => {
                prop_assert_eq!(&b.units, &g.units);
                prop_assert_eq!(&b.ties, &g.ties);
                if ties == TieRule::Order {
                    prop_assert_eq!(&b.units, &textbook(&w, total));
                }
            }
            (Err(b), Err(g)) => prop_assert_eq!(b, g),
            (b, g) => prop_assert!(false, "band {:?} plain {:?}", b.map(|s| s.units), g.map(|s| s.units)),
        }
    }
}

/// Remainders the sample misreads: the sampled parties' fractions spread
/// evenly over 0,10-0,99, every other party's 0,08. The band is aimed
/// about the sample's middle (0,55) while the 0,08 of the others add a
/// third more units left than the sample sees: the last unit falls below
/// the band, which says so, and Hamilton takes the plain path with the
/// textbook's answer.
#[test]
fn a_band_that_misses_is_left_for_the_plain_path() {
    let n = 4_000usize;
    let m = super::super::sample_size(n);
    assert!(m < n / 2);
    let mut sampled = vec![false; n];
    for j in 0..m {
        sampled[j * n / m] = true;
    }
    // Weight 100·k + f at T = W / 100: the quota k + f/100.
    let mut w: Vec<u64> = (0..n)
        .map(|i| {
            let f = if sampled[i] {
                (i * 37 % 90) as u64 + 10
            } else {
                8
            };
            100 * (i as u64 % 50 + 1) + f
        })
        .collect();
    let last = n - 1;
    assert!(!sampled[last]);
    let sum: u64 = w.iter().sum();
    w[last] += (100 - sum % 100) % 100;
    let total = w.iter().sum::<u64>() / 100;
    let order = TieRule::Order;
    let p = problem(&w, total, &order);
    let s = p.scale_for(total).unwrap();
    let (mut units, mut keys) = (Vec::new(), Vec::new());
    let index_bits = u64::BITS - (n as u64 - 1).leading_zeros();
    assert_eq!(
        p.floors_in_band(s, &mut units, &mut keys, (0, index_bits), 0)
            .unwrap(),
        None
    );
    assert_eq!(
        p.hamilton_with(false, 0).unwrap().units,
        textbook(&w, total)
    );
}

/// By hand, where the sample sees a band of more than half the parties
/// (two remainders only) and leaves them to the plain path: 20.000
/// parties of weights 1, 2 and 3 by turns (6.667, 6.667 and 6.666 of
/// them: W = 39.999) and 13.333 units, so quotas of exactly one third, two
/// thirds and one. The floors give the weight-3 parties 6.666 units; the
/// 6.667 left go to the 6.667 remainders of 2/3: every party of weight 2
/// and 3 gets 1, of weight 1 nothing.
#[test]
fn by_hand_at_scale() {
    let w: Vec<u64> = (0..20_000u64).map(|i| i % 3 + 1).collect();
    assert_eq!(w.iter().sum::<u64>(), 39_999);
    let order = TieRule::Order;
    let p = problem(&w, 13_333, &order);
    let s = p.scale_for(13_333).unwrap();
    let (mut units, mut keys) = (Vec::new(), Vec::new());
    let index_bits = u64::BITS - (w.len() as u64 - 1).leading_zeros();
    let band = p.floors_in_band(s, &mut units, &mut keys, (0, index_bits), 0);
    assert_eq!(band.unwrap(), None);
    let units = p.hamilton_with(true, 0).unwrap();
    assert!(units.ties.is_empty());
    let want: Vec<u64> = w.iter().map(|&k| u64::from(k > 1)).collect();
    assert_eq!(units.units, want);
}

/// 20.000 equal weights and 10.000 units: every quota ½, one tie of all
/// 20.000 for the 10.000 units left. Under `order` the first 10.000 get
/// them and the tie is reported; under `error` it is an error.
#[test]
fn one_tie_of_every_party_at_scale() {
    let w = vec![7u64; 20_000];
    let order = TieRule::Order;
    let s = problem(&w, 10_000, &order).hamilton_with(true, 0).unwrap();
    let want: Vec<u64> = (0..20_000).map(|i| u64::from(i < 10_000)).collect();
    assert_eq!(s.units, want);
    assert_eq!(s.ties.len(), 1);
    assert_eq!(s.ties[0].parties.len(), 20_000);
    assert_eq!(s.ties[0].units, 10_000);
    let error = TieRule::Error;
    assert!(problem(&w, 10_000, &error).hamilton_with(false, 0).is_err());
}

/// By hand, with parties served before the band and a tie inside it:
/// 20.000 parties of weights 1, 2, …, 100 by turns (200 of each; W =
/// 200 · 5.050 = 1.010.000) and 10.100 units, so weight k's quota is exactly
/// k/100. The floors give the 200 parties of weight 100 one unit each; the
/// 9.900 left go to the largest remainders: weights 99 down to 51 (49 · 200
/// = 9.800), then 100 of the 200 parties of weight 50 (remainder 0,50, a
/// tie: by input order, the first 100 of them). The sample aims the band
/// about 0,50: the parties of weight 60 and more get their unit in the pass.
#[test]
fn by_hand_with_parties_before_the_band_and_a_tie_in_it() {
    let n = 20_000usize;
    let w: Vec<u64> = (0..n as u64).map(|i| i % 100 + 1).collect();
    assert_eq!(w.iter().sum::<u64>(), 1_010_000);
    let order = TieRule::Order;
    let p = problem(&w, 10_100, &order);
    let s = p.scale_for(10_100).unwrap();
    let (mut units, mut keys) = (Vec::new(), Vec::new());
    let index_bits = u64::BITS - (n as u64 - 1).leading_zeros();
    let need = p
        .floors_in_band(s, &mut units, &mut keys, (0, index_bits), 0)
        .unwrap()
        .unwrap();
    assert!(
        keys.len() < n / 4 && need < keys.len(),
        "{} keys, {need} needed",
        keys.len()
    );
    // Served in the pass: every party of weight 60 to 99 (its floor is 0).
    for (i, &k) in w.iter().enumerate() {
        if (60..100).contains(&k) {
            assert_eq!(units[i], 1, "weight {k}");
        }
    }
    let got = p.hamilton_with(true, 0).unwrap();
    let fifties: Vec<usize> = (0..n).filter(|&i| w[i] == 50).collect();
    let want: Vec<u64> = (0..n)
        .map(|i| match w[i] {
            51..=100 => 1,
            50 => u64::from(fifties.iter().position(|&j| j == i).unwrap() < 100),
            _ => 0,
        })
        .collect();
    assert_eq!(got.units, want);
    assert_eq!(got.ties.len(), 1);
    assert_eq!(
        (got.ties[0].parties.clone(), got.ties[0].units),
        (fifties.clone(), 100)
    );
    assert_eq!(got.ties[0].winners, fifties[..100].to_vec());
    assert_eq!(got.units, textbook(&w, 10_100));
}
