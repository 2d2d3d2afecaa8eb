//! An allocation keeps its parties compact (the key's parties shared, the
//! apportionment's units and reasons) and makes each row when asked (issue
//! 25, memory). These tests hold it to the rows as they were made before:
//! every row built whole from the key and the engine's explained result, as
//! `Allocation::new` did, compared field by field, in JSON, in explanations
//! (ties included), and after a change through `DerefMut`. A key keeps its
//! parties compact too (ids and names end to end, bases only when some
//! party has one): it holds exactly the list of parties it was given.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::present::{explain, Language};
use andel_core::tabular::NumberStyle;
use andel_core::{
    apportion, split, Allocation, Basis, Decimal, Key, KeyBuilder, KeyParty, Method, Options,
    PartyAllocation, Quota, SplitOptions, TieRule,
};
use proptest::prelude::*;

/// The rows as `Allocation::new` built them before the compact form: from
/// the key and the engine's explained parties, every field stored.
fn rows_as_before(
    key: &Key,
    parties: &[andel_core::PartyUnits],
    denominator: u128,
    unit: Decimal,
    negative: bool,
) -> Vec<PartyAllocation> {
    let places = unit.normalize().scale() + 10;
    key.parties()
        .iter()
        .zip(parties)
        .enumerate()
        .map(|(i, (p, r))| {
            let quota = Quota {
                whole: r.quota_whole,
                remainder: r.quota_remainder,
                denominator,
            };
            let amount = quota
                .to_decimal(20)
                .checked_mul(unit)
                .unwrap()
                .round_dp_with_strategy(
                    places,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
            let sign_unit = if negative { -unit } else { unit };
            PartyAllocation {
                id: p.id.clone(),
                name: p.name.clone(),
                weight: p.weight,
                basis: p.basis.clone(),
                share: key.share(i),
                quota,
                quota_amount: if negative { -amount } else { amount },
                units: r.units,
                // units × unit at the unit's own scale (0 øre is 0.00).
                amount: Decimal::from_i128_with_scale(
                    i128::from(r.units) * sign_unit.normalize().mantissa(),
                    sign_unit.normalize().scale(),
                ),
                rounding: r.rounding,
                remainder_rank: r.remainder_rank,
                tie: r.tied.then_some(0),
            }
        })
        .collect()
}

fn key_of(ws: &[u32]) -> Key {
    Key::from_weights(
        ws.iter()
            .enumerate()
            .map(|(i, &w)| (format!("p{i}"), Decimal::from(w))),
    )
    .unwrap()
}

/// The compact allocation `a` against the rows made the old way, and
/// against itself read back from its JSON (rows kept whole).
fn same_as_before(a: &Allocation, before: &[PartyAllocation]) {
    // Untouched, the compact form answers length and units without rows.
    assert_eq!(a.parties.len(), before.len());
    assert_eq!(
        a.units(),
        before.iter().map(|p| p.units).collect::<Vec<_>>()
    );
    for (i, b) in before.iter().enumerate() {
        assert_eq!(&*a.parties.row(i).unwrap(), b, "row {i}");
    }
    // Written row by row from the compact form: the JSON of the old rows.
    assert_eq!(
        serde_json::to_string_pretty(&a.parties).unwrap(),
        serde_json::to_string_pretty(before).unwrap()
    );
    let json = serde_json::to_string_pretty(a).unwrap();
    // Read back: rows kept whole, equal to the compact form, and every
    // explanation (ties included) the same sentence.
    let back: Allocation = serde_json::from_str(&json).unwrap();
    back.check().unwrap();
    assert_eq!(&back, a);
    assert_eq!(back.parties.as_slice(), before);
    for p in before {
        for language in [Language::Da, Language::En] {
            let one = explain(a, &p.id, language, NumberStyle::Danish);
            assert!(one.is_some());
            assert_eq!(one, explain(&back, &p.id, language, NumberStyle::Danish));
        }
    }
    // Made rows (through Deref) are the same rows.
    assert_eq!(a.parties.as_slice(), before);
}

#[test]
fn a_tie_of_three_for_two_places_reads_as_before() {
    // Weights 1, 1, 1 and 2 places: each quota 2/3 (whole 0, remainder 2 of
    // 3); the three stand equal for two places, the order rule gives them to
    // p0 and p1 (earlier first), so units 1, 1, 0.
    let key = key_of(&[1, 1, 1]);
    let o = Options::default();
    let a = key.apportion(2, &o).unwrap();
    assert_eq!(a.units(), vec![1, 1, 0]);
    assert_eq!(a.ties.len(), 1);
    assert_eq!(a.ties[0].parties, vec!["p0", "p1", "p2"]);
    assert_eq!(a.ties[0].winners, vec!["p0", "p1"]);
    let q = a.parties[2].quota;
    assert_eq!((q.whole, q.fraction()), (0, (2, 3)));
    assert_eq!(a.parties[2].tie, Some(0));
    let e = apportion(&key.weights(), 2, &o).unwrap();
    same_as_before(
        &a,
        &rows_as_before(&key, &e.parties(), e.quota_denominator, Decimal::ONE, false),
    );
}

#[test]
fn a_negative_split_reads_as_before() {
    // -1,00 kr. by 2 and 1 in øre: quotas -66 2/3 and -33 1/3 øre; the
    // larger remainder (2/3) gets the last øre: -0,67 and -0,33.
    let key = key_of(&[2, 1]);
    let o = SplitOptions {
        unit: Decimal::new(1, 2),
        ties: TieRule::Order,
    };
    let a = key.split(Decimal::new(-100, 2), &o).unwrap();
    assert_eq!(a.parties[0].amount, Decimal::new(-67, 2));
    assert_eq!(a.parties[1].amount, Decimal::new(-33, 2));
    assert_eq!(a.parties[0].quota_amount, Decimal::new(-666666666667, 12));
    let s = split(Decimal::new(-100, 2), &key.weights(), &o).unwrap();
    let e = s.apportionment;
    same_as_before(
        &a,
        &rows_as_before(&key, &e.parties(), e.quota_denominator, o.unit, true),
    );
}

#[test]
fn rows_changed_stay_changed() {
    // A change through DerefMut (as the years' table makes) is kept: the
    // rows are then held whole and written as changed.
    let key = key_of(&[5, 3, 2]);
    let mut a = key.apportion(7, &Options::default()).unwrap();
    a.parties[0].units = 9;
    assert_eq!(a.units(), vec![9, 2, 1]);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["parties"][0]["units"], 9);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Places by every method, small weights so ties come often.
    #[test]
    fn apportioned_rows_read_as_before(
        ws in prop::collection::vec(0u32..4, 1..12),
        total in 0u64..20,
        m in 0usize..4,
    ) {
        prop_assume!(ws.iter().any(|&w| w > 0));
        let method = [Method::Hamilton, Method::Dhondt, Method::SainteLague, Method::Adams][m];
        let o = Options { method, ..Options::default() };
        let key = key_of(&ws);
        let (Ok(a), Ok(e)) = (key.apportion(total, &o), apportion(&key.weights(), total, &o)) else {
            return Ok(());
        };
        same_as_before(&a, &rows_as_before(&key, &e.parties(), e.quota_denominator, Decimal::ONE, false));
    }

    /// Money in øre, positive or negative.
    #[test]
    fn split_rows_read_as_before(
        ws in prop::collection::vec(0u32..4, 1..12),
        cents in -100_000i64..100_000,
    ) {
        prop_assume!(ws.iter().any(|&w| w > 0));
        let o = SplitOptions { unit: Decimal::new(1, 2), ties: TieRule::Order };
        let amount = Decimal::new(cents, 2);
        let key = key_of(&ws);
        let a = key.split(amount, &o).unwrap();
        let e = split(amount, &key.weights(), &o).unwrap().apportionment;
        same_as_before(&a, &rows_as_before(&key, &e.parties(), e.quota_denominator, o.unit, amount < Decimal::ZERO));
    }
}

/// A document read from text it takes keeps its lists of objects as text
/// and reads them item by item: the same document, and for a bad one the
/// same error (field, line and column), as the tree reader.
#[test]
fn documents_read_item_by_item_as_by_tree() {
    use andel_core::document::{parse, parse_owned};
    let good = r#"{"version": 1, "key": {"weights": [
        {"id": "A", "name": "Æble", "weight": 2}, {"id": "B", "weight": "1.5"}],
        "fixed": [{"id": "R", "share": 0.072}]},
        "scenarios": [{"name": "x", "total": 3}, {"name": "y", "total": 4}]}"#;
    assert_eq!(parse_owned(good.to_string()).unwrap(), parse(good).unwrap());
    let bom = format!("\u{feff}{good}");
    assert_eq!(parse_owned(bom.clone()).unwrap(), parse(&bom).unwrap());
    for (bad, field) in [
        // A field twice in the second party (found while reading the text).
        (
            good.replace(r#""id": "B""#, r#""id": "B", "id": "C""#),
            "key.weights[1].id",
        ),
        // A syntax error inside an item: its line and column as before.
        (
            good.replace(r#""weight": "1.5"}"#, r#""weight": "1.5",}"#),
            "key.weights[1]",
        ),
        // A field no party has, and a weight that is not a number.
        (
            good.replace(r#""name": "Æble""#, r#""colour": "red""#),
            "key.weights[0].colour",
        ),
        (
            good.replace(r#""weight": 2"#, r#""weight": [2]"#),
            "key.weights[0].weight",
        ),
        // A list of objects where a number list belongs (a limit).
        (
            good.replace(
                r#""scenarios""#,
                r#""rounding": {"places": {"minimum": [{"a": 1}]}}, "scenarios""#,
            ),
            "rounding.places.minimum[0]",
        ),
        // A list whose first item is an object and whose second is not.
        (
            good.replace(r#"{"id": "B", "weight": "1.5"}"#, "7"),
            "key.weights[1]",
        ),
    ] {
        let by_tree = parse(&bad).unwrap_err();
        assert_eq!(by_tree.field(), Some(field), "{bad}: {by_tree}");
        assert_eq!(parse_owned(bad.clone()).unwrap_err(), by_tree, "{bad}");
        assert_eq!(
            parse_owned(bad.clone()).unwrap_err().to_string(),
            by_tree.to_string()
        );
    }
}

/// A key given as a list of `KeyParty` (the general construction) changed
/// as an exclusion changed it before the compact form: weight zero, the
/// weight it had kept in its basis (the first one, if excluded before).
fn excluded_as_before(given: &[KeyParty], out: &[String]) -> Vec<KeyParty> {
    let mut parties = given.to_vec();
    for id in out {
        let p = parties.iter_mut().find(|p| p.id == *id).unwrap();
        let before = match p.basis {
            Basis::Excluded { weight } => weight,
            _ => Some(p.weight),
        };
        p.weight = Decimal::ZERO;
        p.basis = Basis::Excluded { weight: before };
    }
    parties
}

/// Every way a key is read gives back exactly `given`.
fn holds(key: &Key, given: &[KeyParty]) {
    assert_eq!(key.len(), given.len());
    for (i, p) in given.iter().enumerate() {
        assert_eq!(key.id(i), Some(p.id.as_str()), "id {i}");
        assert_eq!(key.name(i), p.name.as_deref(), "name {i}");
        assert_eq!(key.basis(i), Some(&p.basis), "basis {i}");
        assert_eq!(key.weight_list()[i], p.weight, "weight {i}");
        assert_eq!(key.position(&p.id), given.iter().position(|q| q.id == p.id));
    }
    assert_eq!((key.id(given.len()), key.basis(given.len())), (None, None));
    assert_eq!(
        key.ids(),
        given.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
    );
    assert_eq!(key.parties(), given);
    assert_eq!(Vec::<KeyParty>::from(key.clone()), given);
    assert!(format!("{key:?}").contains(&format!("{:?}", key.parties())));
    // Its JSON is the list's, and reads back as the same key.
    let json = serde_json::to_string(key).unwrap();
    assert_eq!(json, serde_json::to_string(key.parties()).unwrap());
    assert_eq!(&serde_json::from_str::<Key>(&json).unwrap(), key);
}

#[test]
fn a_key_with_names_and_bases_holds_them() {
    // Names on some parties only (an empty name is a name), two excluded
    // (Morsø twice: it keeps the weight it had first, 20.068), a fixed share.
    let given = vec![
        KeyParty::new("773", Some("Morsø".into()), Decimal::from(20_068)),
        KeyParty::new("787", None, Decimal::from(43_089)),
        KeyParty::new("825", Some(String::new()), Decimal::from(1_780)),
        KeyParty::new("851", Some("Aalborg".into()), Decimal::from(221_082)),
    ];
    let key = Key::new(given.clone()).unwrap();
    holds(&key, &given);
    let out = ["773".to_string(), "825".to_string()];
    let once = key.exclude(&out).unwrap();
    let expected = excluded_as_before(&given, &out);
    assert_eq!(
        expected[0].basis,
        Basis::Excluded {
            weight: Some(Decimal::from(20_068))
        }
    );
    holds(&once, &expected);
    let twice = once.exclude(&["773"]).unwrap();
    holds(&twice, &expected);
    // 43.089 + 221.082 = 264.171 left to share; Aalborg 221.082 of it.
    assert_eq!(twice.total_weight(), Decimal::from(264_171));
    let fixed = twice
        .with_fixed(&[andel_core::FixedShare {
            id: "region".into(),
            name: Some("Region".into()),
            share: Decimal::new(25, 2),
        }])
        .unwrap();
    // The others' weights × 0,75; the region 0,25 × 264.171 = 66.042,75.
    assert_eq!(
        fixed.basis(4),
        Some(&Basis::Fixed {
            share: Decimal::new(25, 2)
        })
    );
    assert_eq!(fixed.weight_list()[4], Decimal::new(6_604_275, 2));
    assert_eq!(fixed.weight_list()[3], Decimal::new(16_581_150, 2));
    assert_eq!(fixed.name(4), Some("Region"));
    let mut expected = excluded_as_before(&given, &out);
    expected[1].weight = Decimal::new(3_231_675, 2); // 43.089 × 0,75
    expected[3].weight = Decimal::new(16_581_150, 2); // 221.082 × 0,75
    expected.push(KeyParty {
        basis: Basis::Fixed {
            share: Decimal::new(25, 2),
        },
        ..KeyParty::new("region", Some("Region".into()), Decimal::new(6_604_275, 2))
    });
    holds(&fixed, &expected);
    // The rows of an allocation by it: id, name and basis from the
    // compact key, as the rows made the old way from its parties.
    let a = twice.apportion(10, &Options::default()).unwrap();
    let e = apportion(&twice.weights(), 10, &Options::default()).unwrap();
    same_as_before(
        &a,
        &rows_as_before(
            &twice,
            &e.parties(),
            e.quota_denominator,
            Decimal::ONE,
            false,
        ),
    );
    assert_eq!(a.parties[2].name.as_deref(), Some(""));
    assert_eq!(a.parties[1].name, None);
}

#[test]
fn a_repeated_id_among_many_is_found_where_it_repeats() {
    // p0 … p99999, then p4711 again (party 100.000) and p99999 again: the
    // first repeat is party 100.000; without it, party 100.001.
    let mut b = KeyBuilder::with_capacity(100_002);
    for i in 0..100_000 {
        b.push(&format!("p{i}"), None, Decimal::ONE);
    }
    for id in ["p4711", "p99999"] {
        b.push(id, None, Decimal::ONE);
    }
    let e = b.build().unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("duplicate_party", Some("parties[100000].id"))
    );
    let ids: Vec<String> = (0..100_000)
        .map(|i| format!("p{i}"))
        .chain(["q".into(), "p99999".into()])
        .collect();
    let e = Key::from_weights(ids.iter().map(|id| (id.as_str(), Decimal::ONE))).unwrap_err();
    assert_eq!(e.field(), Some("parties[100001].id"));
    // Without a repeat: every party, in order.
    let key =
        Key::from_weights(ids[..100_001].iter().map(|id| (id.as_str(), Decimal::ONE))).unwrap();
    assert_eq!((key.len(), key.id(100_000)), (100_001, Some("q")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Built from a list of `KeyParty` or a party at a time, a key holds
    /// exactly the parties given (or fails with the same error: a repeated
    /// id, all weights zero), and an exclusion changes them as it did.
    #[test]
    fn a_compact_key_holds_the_parties_given(
        rows in prop::collection::vec((0u8..30, prop::option::of("[a-zæø ]{0,4}"), 0u32..4), 1..16),
        out in prop::collection::vec(0usize..16, 0..4),
    ) {
        let given: Vec<KeyParty> = rows
            .iter()
            .map(|(id, name, w)| KeyParty::new(format!("p{id}"), name.clone(), Decimal::from(*w)))
            .collect();
        let mut b = KeyBuilder::with_capacity(0);
        for p in &given {
            b.push(&p.id, p.name.as_deref(), p.weight);
        }
        let (key, built) = match (Key::new(given.clone()), b.build()) {
            (Ok(k), Ok(b)) => (k, b),
            (Err(a), Err(b)) => {
                // The first party whose id an earlier one has, found here
                // by comparing every pair.
                let repeat = (0..given.len()).find(|&i| given[..i].iter().any(|p| p.id == given[i].id));
                if let Some(r) = repeat {
                    prop_assert_eq!(a.code(), "duplicate_party");
                    let field = format!("parties[{r}].id");
                    prop_assert_eq!(a.field(), Some(field.as_str()));
                }
                prop_assert_eq!(a, b);
                return Ok(());
            }
            (a, b) => panic!("{a:?} against {b:?}"),
        };
        prop_assert_eq!(&key, &built);
        holds(&key, &given);
        holds(&built, &given);
        let out: Vec<String> = out.iter().filter_map(|&o| given.get(o)).map(|p| p.id.clone()).collect();
        let expected = excluded_as_before(&given, &out);
        match (key.exclude(&out), Key::new(expected.clone())) {
            (Ok(k), Ok(_)) => {
                holds(&k, &expected);
                // Excluded again: the first weight kept.
                holds(&k.exclude(&out).unwrap(), &expected);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
            (a, b) => panic!("{a:?} against {b:?}"),
        }
    }
}
