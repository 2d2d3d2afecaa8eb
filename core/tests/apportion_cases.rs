//! Hand-computed cases for every method. Each expected value is worked out in
//! the comment beside it, not by the code under test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::{
    apportion, apportion_named, data, split, Key, Limit, Method, Options, PartyRef, Rounding,
    SplitOptions, TieRule,
};
use rust_decimal::Decimal;

fn d(xs: &[i64]) -> Vec<Decimal> {
    xs.iter().map(|&x| Decimal::from(x)).collect()
}

fn with(method: Method) -> Options {
    Options {
        method,
        ..Options::default()
    }
}

#[test]
fn hamilton_rounds_the_largest_remainder_up() {
    // Quotas 3.5, 2.1, 1.4; floors 6; one left: remainder 0.5 wins.
    let r = apportion(&d(&[5, 3, 2]), 7, &Options::default()).unwrap();
    assert_eq!(r.units(), vec![4, 2, 1]);
    assert_eq!(r.parties()[0].rounding, Rounding::Up);
    assert_eq!(r.parties()[0].remainder_rank, Some(1));
    assert_eq!(r.parties()[2].remainder_rank, Some(2));
    assert_eq!(r.parties()[1].remainder_rank, Some(3));
    assert_eq!(r.quota(1).unwrap().to_string(), "2 1/10");
}

#[test]
fn alabama_paradox_is_a_property_of_hamilton() {
    // 6:6:2 with 10 seats: quotas 4 2/7, 4 2/7, 1 3/7 → C's 3/7 wins: 4, 4, 2.
    // With 11 seats: quotas 4 5/7, 4 5/7, 1 4/7 → A and B win: 5, 5, 1.
    // C loses a seat when the house grows: the Alabama paradox.
    let w = d(&[6, 6, 2]);
    assert_eq!(
        apportion(&w, 10, &Options::default()).unwrap().units(),
        vec![4, 4, 2]
    );
    assert_eq!(
        apportion(&w, 11, &Options::default()).unwrap().units(),
        vec![5, 5, 1]
    );
    // A divisor method cannot do this.
    let dh = with(Method::SainteLague);
    let a = apportion(&w, 10, &dh).unwrap().into_units();
    let b = apportion(&w, 11, &dh).unwrap().into_units();
    assert!(a.iter().zip(&b).all(|(x, y)| y >= x));
}

#[test]
fn dhondt_and_sainte_lague_textbook_example() {
    // Votes 100k, 80k, 30k, 20k, 8 seats.
    // D'Hondt quotients: 100, 80, 50, 40, 33.3, 30, 26.7, 25 (k) → 4, 3, 1, 0.
    let w = d(&[100_000, 80_000, 30_000, 20_000]);
    let r = apportion(&w, 8, &with(Method::Dhondt)).unwrap();
    assert_eq!(r.units(), vec![4, 3, 1, 0]);
    assert!(r.ties.is_empty());
    // Sainte-Laguë (1, 3, 5, …): 100, 80, 33.3, 30, 26.7, 20, 20, 16 → 3, 3, 1, 1.
    assert_eq!(
        apportion(&w, 8, &with(Method::SainteLague))
            .unwrap()
            .units(),
        vec![3, 3, 1, 1]
    );
    // The aliases name the same methods.
    assert_eq!("jefferson".parse::<Method>().unwrap(), Method::Dhondt);
}

#[test]
fn modified_sainte_lague_first_divisor_matters() {
    // 30:10, 2 seats. Sainte-Laguë: A 30, 10; B 10 → an exact tie at 10 for the
    // second seat; earlier in the input wins → 2, 0 and the tie is reported.
    let w = d(&[30, 10]);
    let r = apportion(&w, 2, &with(Method::SainteLague)).unwrap();
    assert_eq!(r.units(), vec![2, 0]);
    assert_eq!(r.ties.len(), 1);
    assert_eq!(r.ties[0].parties, vec![0, 1]);
    assert_eq!(r.ties[0].winners, vec![0]);
    // Modified (1.4, 3, 5): A 21.4, 10; B 7.1 → 2, 0 with no tie.
    let r = apportion(&w, 2, &with(Method::ModifiedSainteLague)).unwrap();
    assert_eq!(r.units(), vec![2, 0]);
    assert!(r.ties.is_empty());
    assert_eq!(r.first_divisor, Some(Decimal::new(14, 1)));
    // First divisor 0.5: B's first quotient 20 beats A's second 10 → 1, 1.
    let o = Options {
        first_divisor: Some(Decimal::new(5, 1)),
        ..with(Method::ModifiedSainteLague)
    };
    assert_eq!(apportion(&w, 2, &o).unwrap().units(), vec![1, 1]);
    // A first divisor of 3 or more is not a modified Sainte-Laguë.
    let o = Options {
        first_divisor: Some(Decimal::from(3)),
        ..with(Method::ModifiedSainteLague)
    };
    assert_eq!(apportion(&w, 2, &o).unwrap_err().code(), "invalid_option");
    let o = Options {
        first_divisor: Some(Decimal::from(1)),
        ..with(Method::Dhondt)
    };
    assert_eq!(apportion(&w, 2, &o).unwrap_err().code(), "invalid_option");
}

#[test]
fn huntington_hill_adams_and_dean_small_cases() {
    // Zero first divisor: every party with weight gets one unit first.
    let w = d(&[10, 1]);
    for m in [Method::HuntingtonHill, Method::Adams, Method::Dean] {
        assert_eq!(
            apportion(&w, 2, &with(m)).unwrap().units(),
            vec![1, 1],
            "{m}"
        );
    }
    // HH third seat: A 10/√2 ≈ 7.07 vs B 1/√2 → 2, 1.
    assert_eq!(
        apportion(&w, 3, &with(Method::HuntingtonHill))
            .unwrap()
            .units(),
        vec![2, 1]
    );
    // Dean 5:1, divisors 0, 4/3, 12/5: A ∞, 3.75, 2.08; B ∞, 0.75 → 3 seats 2,1; 4 seats 3,1.
    let w = d(&[5, 1]);
    assert_eq!(
        apportion(&w, 3, &with(Method::Dean)).unwrap().units(),
        vec![2, 1]
    );
    assert_eq!(
        apportion(&w, 4, &with(Method::Dean)).unwrap().units(),
        vec![3, 1]
    );
    // HH with squares: 49:50:1 seats 4. Priorities A 49/√2=34.6, B 50/√2=35.4 → after
    // 1,1,1: B; then A 34.6 vs B 50/√6=20.4 → A: 2, 2, 0? No: C got one first. Three
    // first seats, then B (35.4) → 1, 2, 1.
    assert_eq!(
        apportion(&d(&[49, 50, 1]), 4, &with(Method::HuntingtonHill))
            .unwrap()
            .units(),
        vec![1, 2, 1]
    );
    // Fewer seats than parties: every first seat has an infinite priority,
    // ordered as the limit of w/ε orders them, by weight (the textbook
    // definition); only equal weights tie.
    for m in [Method::Adams, Method::Dean, Method::HuntingtonHill] {
        let w = d(&[10, 9, 8, 8, 11, 12]);
        let r = apportion(&w, 3, &with(m)).unwrap();
        assert_eq!(r.units(), vec![1, 0, 0, 0, 1, 1], "{m}");
        assert!(r.ties.is_empty(), "{m}");
        let r = apportion(&w, 4, &with(m)).unwrap();
        assert_eq!(r.units(), vec![1, 1, 0, 0, 1, 1], "{m}");
        // 5 seats: the two 8s stand equal for the last one: a reported tie,
        // decided by input order.
        let r = apportion(&w, 5, &with(m)).unwrap();
        assert_eq!(r.units(), vec![1, 1, 1, 0, 1, 1], "{m}");
        assert_eq!(r.ties[0].parties, vec![2, 3], "{m}");
        assert_eq!(r.ties[0].winners, vec![2], "{m}");
    }
    let r = apportion(&d(&[3, 2, 1]), 2, &with(Method::Adams)).unwrap();
    assert_eq!(r.units(), vec![1, 1, 0]);
    assert!(r.ties.is_empty());
}

#[test]
fn ties_order_error_and_priority() {
    let w = d(&[1, 1, 1]);
    let r = apportion(&w, 2, &Options::default()).unwrap();
    assert_eq!(r.units(), vec![1, 1, 0]);
    assert_eq!(r.ties[0].winners, vec![0, 1]);
    assert_eq!(r.ties[0].units, 2);
    assert!(r.parties()[2].tied);
    let o = Options {
        ties: TieRule::Error,
        ..Options::default()
    };
    let e = apportion(&w, 2, &o).unwrap_err();
    assert_eq!(e.code(), "tie");
    let o = Options {
        ties: TieRule::Priority(vec![
            PartyRef::Index(2),
            PartyRef::Index(0),
            PartyRef::Index(1),
        ]),
        ..Options::default()
    };
    assert_eq!(apportion(&w, 2, &o).unwrap().units(), vec![1, 0, 1]);
    // A lot that leaves a tied party out cannot decide.
    let o = Options {
        ties: TieRule::Priority(vec![PartyRef::Index(2)]),
        ..Options::default()
    };
    assert_eq!(apportion(&w, 2, &o).unwrap_err().code(), "tie");
    // No tie, no error, whatever the rule.
    let o = Options {
        ties: TieRule::Error,
        ..Options::default()
    };
    assert!(apportion(&d(&[5, 3, 2]), 7, &o).is_ok());
}

#[test]
fn minimum_and_maximum() {
    // 1000:10:10, 10 seats, at least 1 each: B and C are held at 1; A's quota
    // over the 8 left is exactly 8.
    let w = d(&[1000, 10, 10]);
    let o = Options {
        minimum: Some(Limit::All(1)),
        ..Options::default()
    };
    let r = apportion(&w, 10, &o).unwrap();
    assert_eq!(r.units(), vec![8, 1, 1]);
    assert_eq!(r.parties()[1].rounding, Rounding::Minimum);
    assert_eq!(r.parties()[0].rounding, Rounding::Exact);
    // At most 5: A held at 5; B and C share 5 at 2.5 each: a tie, B first.
    let o = Options {
        maximum: Some(Limit::All(5)),
        ..Options::default()
    };
    let r = apportion(&w, 10, &o).unwrap();
    assert_eq!(r.units(), vec![5, 3, 2]);
    assert_eq!(r.parties()[0].rounding, Rounding::Maximum);
    assert_eq!(r.ties.len(), 1);
    // Same limits with D'Hondt: A 5 (held), then B 10, C 10, B 5, C 5, B 3.3 → 5, 3, 2.
    let o = Options {
        maximum: Some(Limit::All(5)),
        ..with(Method::Dhondt)
    };
    let r = apportion(&w, 10, &o).unwrap();
    assert_eq!(r.units(), vec![5, 3, 2]);
    assert_eq!(r.parties()[0].rounding, Rounding::Maximum);
    // Infeasible limits say why.
    let o = Options {
        minimum: Some(Limit::All(4)),
        ..Options::default()
    };
    let e = apportion(&w, 10, &o).unwrap_err();
    assert_eq!(e.code(), "infeasible");
    assert!(e.to_string().contains("12"), "{e}");
    let o = Options {
        maximum: Some(Limit::All(3)),
        ..Options::default()
    };
    assert_eq!(apportion(&w, 10, &o).unwrap_err().code(), "infeasible");
    let o = Options {
        minimum: Some(Limit::Each(vec![1, 2])),
        ..Options::default()
    };
    assert_eq!(apportion(&w, 10, &o).unwrap_err().code(), "length_mismatch");
}

#[test]
fn bad_weights_are_typed_errors() {
    assert_eq!(
        apportion(&[], 3, &Options::default()).unwrap_err().code(),
        "no_parties"
    );
    assert_eq!(
        apportion(&d(&[0, 0]), 3, &Options::default())
            .unwrap_err()
            .code(),
        "zero_total_weight"
    );
    let e = apportion(&d(&[1, -2]), 3, &Options::default()).unwrap_err();
    assert_eq!(e.field(), Some("weights[1]"));
    // Weights too far apart for 96 bits at one scale.
    let tiny = Decimal::new(1, 28);
    let e = apportion(&[Decimal::MAX, tiny], 3, &Options::default()).unwrap_err();
    assert_eq!(e.code(), "overflow");
    // Zero weight is allowed and gets nothing.
    assert_eq!(
        apportion(&d(&[0, 1]), 3, &Options::default())
            .unwrap()
            .units(),
        vec![0, 3]
    );
}

#[test]
fn money_goes_by_remainder_not_by_position_or_size() {
    let s = split(
        Decimal::new(10, 2),
        &d(&[50, 27, 23]),
        &SplitOptions::default(),
    )
    .unwrap();
    assert_eq!(
        s.parts,
        vec![Decimal::new(5, 2), Decimal::new(3, 2), Decimal::new(2, 2)]
    );
    // Negative amounts mirror positive ones.
    let s = split(
        Decimal::new(-10, 2),
        &d(&[50, 27, 23]),
        &SplitOptions::default(),
    )
    .unwrap();
    assert_eq!(
        s.parts,
        vec![
            Decimal::new(-5, 2),
            Decimal::new(-3, 2),
            Decimal::new(-2, 2)
        ]
    );
    // Fewer units than parties: 0.02 by 1:1:1 → the tie goes in input order.
    let s = split(Decimal::new(2, 2), &d(&[1, 1, 1]), &SplitOptions::default()).unwrap();
    assert_eq!(
        s.parts,
        vec![Decimal::new(1, 2), Decimal::new(1, 2), Decimal::ZERO]
    );
    // Whole thousands: 4,275,000 by 2:1 → 2,850 and 1,425 thousands.
    let o = SplitOptions {
        unit: Decimal::from(1000),
        ..SplitOptions::default()
    };
    let s = split(Decimal::from(4_275_000), &d(&[2, 1]), &o).unwrap();
    assert_eq!(
        s.parts,
        vec![Decimal::from(2_850_000), Decimal::from(1_425_000)]
    );
    // 100.005 kr is not a whole number of øre; a zero unit is refused.
    let e = split(Decimal::new(100_005, 3), &d(&[1]), &SplitOptions::default()).unwrap_err();
    assert_eq!(e.code(), "not_multiple_of_unit");
    let o = SplitOptions {
        unit: Decimal::ZERO,
        ..SplitOptions::default()
    };
    assert_eq!(
        split(Decimal::ONE, &d(&[1]), &o).unwrap_err().code(),
        "invalid_unit"
    );
}

#[test]
fn options_naming_parties_that_do_not_exist_are_errors_even_without_a_tie() {
    // 5:3:2 for 10 has no tie, but the priority order names a fourth party.
    let o = Options {
        ties: TieRule::Priority(vec![PartyRef::Index(0), PartyRef::Index(3)]),
        ..Options::default()
    };
    let e = apportion(&d(&[5, 3, 2]), 10, &o).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_party", Some("ties.priority[1]"))
    );
    let o = Options {
        ties: TieRule::Priority(vec![PartyRef::Index(1), PartyRef::Index(1)]),
        ..Options::default()
    };
    let e = apportion(&d(&[5, 3, 2]), 10, &o).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("duplicate_party", Some("ties.priority[1]"))
    );
}

#[test]
fn units_only_entry_edges() {
    use andel_core::apportion_units;
    let o = Options::default();
    // Weights whose total passes 2^64: the general path, same answer as
    // the explained entry (by hand: quotas 3.5 and 3.5 -> 4, 3 in order).
    let big = [u64::MAX, u64::MAX];
    assert_eq!(apportion_units(&big, 7, &o).unwrap(), vec![4, 3]);
    assert_eq!(
        apportion_units(&[], 7, &o).unwrap_err().code(),
        "no_parties"
    );
    assert_eq!(
        apportion_units(&[0, 0], 7, &o).unwrap_err().code(),
        "zero_total_weight"
    );
    // Limits and priority orders take the general path too.
    let limited = Options {
        minimum: Some(andel_core::Limit::All(1)),
        ..Options::default()
    };
    assert_eq!(
        apportion_units(&[1000, 10, 10], 10, &limited).unwrap(),
        vec![8, 1, 1]
    );
    let strict = Options {
        ties: andel_core::TieRule::Error,
        ..Options::default()
    };
    assert_eq!(
        apportion_units(&[1, 1, 1], 2, &strict).unwrap_err().code(),
        "tie"
    );
}

#[test]
fn hamilton_ranks_with_wide_remainders() {
    // 20,000 parties with weights near 2^40: remainder and index no longer
    // fit one 64-bit key, so the ranks come from the 128-bit radix sort.
    // Checked against the units-only path (a different algorithm) and by
    // the ranks' own order.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let w: Vec<u64> = (0..20_000)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // A few equal weights make equal remainders (ties by index).
            if i % 1000 == 0 {
                1 << 40
            } else {
                (1 << 40) + x % (1 << 30)
            }
        })
        .collect();
    let dec: Vec<Decimal> = w.iter().map(|&v| Decimal::from(v)).collect();
    let seats = 12_345;
    let r = apportion(&dec, seats, &Options::default()).unwrap();
    assert_eq!(
        r.units(),
        andel_core::apportion_units(&w, seats, &Options::default()).unwrap()
    );
    let parties = r.parties();
    let mut ranked: Vec<(u32, usize)> = parties
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.remainder_rank.map(|k| (k, i)))
        .collect();
    ranked.sort_unstable();
    for pair in ranked.windows(2) {
        let (a, b) = (&parties[pair[0].1], &parties[pair[1].1]);
        assert!(
            a.quota_remainder > b.quota_remainder
                || a.quota_remainder == b.quota_remainder && pair[0].1 < pair[1].1
        );
    }
}

#[test]
fn zero_first_methods_with_fewer_seats_than_parties_and_28_digit_weights() {
    // Weights at 28 decimal places (about 2^93 as integers, so the selection
    // packs weight and index in 128 bits): the two 0.9 take their first
    // seats, then 0.5…1 at #0 and #2 tie for the third (infinite first
    // priorities compare by weight): input order gives it to #0.
    let w: Vec<Decimal> = [
        "0.5000000000000000000000000001",
        "0.9",
        "0.5000000000000000000000000001",
        "0.9",
        "0.1",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    for m in [Method::Adams, Method::Dean, Method::HuntingtonHill] {
        let r = apportion(&w, 3, &with(m)).unwrap();
        assert_eq!(r.units(), vec![1, 1, 0, 1, 0], "{m}");
        assert_eq!(r.ties.len(), 1, "{m}");
        assert_eq!(r.ties[0].parties, vec![0, 2], "{m}");
        assert_eq!(r.ties[0].winners, vec![0], "{m}");
        let strict = Options {
            ties: TieRule::Error,
            ..with(m)
        };
        assert_eq!(apportion(&w, 3, &strict).unwrap_err().code(), "tie", "{m}");
    }
}

#[test]
fn zero_first_units_only_ties_go_in_input_order() {
    // The units-only entry skips the tie report, so the selection itself
    // must put the earlier of equal weights first: 9 and 9 take seats, then
    // #0 before #2 (both 5). Small weights pack in 64 bits, weights near
    // 2^64 in 128.
    use andel_core::apportion_units;
    let big = u64::MAX - 10;
    for w in [[5, 9, 5, 9, 1], [big - 4, big, big - 4, big, 1]] {
        for m in [Method::Adams, Method::Dean, Method::HuntingtonHill] {
            assert_eq!(
                apportion_units(&w, 3, &with(m)).unwrap(),
                vec![1, 1, 0, 1, 0],
                "{m}"
            );
        }
    }
}

/// Options naming every one of many parties by id: each id is found (and
/// quickly: an index, not one scan per id; see the `ids_100000` benchmark).
#[test]
fn limits_priority_and_exclusions_by_id_for_many_parties() {
    let n = 60_000;
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let w = vec![Decimal::ONE; n];
    // Equal weights, 90,000 units: everyone's minimum of 1 and then 30,000
    // units tied between all; the priority order, last party first, gives
    // them to the last 30,000.
    let o = Options {
        minimum: Some(Limit::ById(ids.iter().map(|id| (id.clone(), 1)).collect())),
        ties: TieRule::Priority(
            ids.iter()
                .rev()
                .map(|id| PartyRef::Id(id.clone()))
                .collect(),
        ),
        ..Options::default()
    };
    let r = apportion_named(&w, Some(&ids), 90_000, &o).unwrap();
    let units = r.units();
    assert!(units[..30_000].iter().all(|&k| k == 1));
    assert!(units[30_000..].iter().all(|&k| k == 2));
    // An unknown id among many is named.
    let mut o = o;
    o.ties = TieRule::Priority(
        ids.iter()
            .map(|id| PartyRef::Id(id.clone()))
            .chain([PartyRef::Id("nobody".into())])
            .collect(),
    );
    let e = apportion_named(&w, Some(&ids), 90_000, &o).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_party", Some("ties.priority[60000]"))
    );
    // Excluding every other party leaves the odd ones, each 1/30,000.
    let key = Key::from_weights(ids.iter().map(String::as_str).zip(w.iter().copied())).unwrap();
    let even: Vec<&String> = ids.iter().step_by(2).collect();
    let rest = data::exclude_named(&key, &even, "exclude").unwrap();
    assert_eq!(rest.parties()[2].weight, Decimal::ZERO);
    assert_eq!(rest.parties()[3].weight, Decimal::ONE);
    assert_eq!(rest.share(3), Decimal::ONE / Decimal::from(30_000));
    let mut wrong = even.clone();
    wrong[20_000] = &ids[0]; // named twice: still fine, excluded once
    assert!(data::exclude_named(&key, &wrong, "exclude").is_ok());
    let unknown = ["p1".to_string(), "p99999999".to_string()];
    let e = data::exclude_named(&key, &unknown, "exclude").unwrap_err();
    assert_eq!(e.field(), Some("exclude[1]"));
}

/// Ids name one party each: a repeated id is refused where it repeats.
#[test]
fn repeated_ids_are_refused() {
    let ids: Vec<String> = ["a", "b", "a"].map(String::from).to_vec();
    let e = apportion_named(&d(&[1, 2, 3]), Some(&ids), 6, &Options::default()).unwrap_err();
    assert_eq!((e.code(), e.field()), ("duplicate_party", Some("ids[2]")));
    let e = andel_core::split_named(
        Decimal::from(6),
        &d(&[1, 2, 3]),
        Some(&ids),
        &SplitOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "duplicate_party");
    let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let r = apportion_named(&d(&[1, 2, 3]), Some(&ids), 6, &Options::default()).unwrap();
    assert_eq!(r.units(), vec![1, 2, 3]);
}
