//! An allocation keeps its parties compact (the key's parties shared, the
//! apportionment's units and reasons) and makes each row when asked (issue
//! 25, memory). These tests hold it to the rows as they were made before:
//! every row built whole from the key and the engine's explained result, as
//! `Allocation::new` did, compared field by field, in JSON, in explanations
//! (ties included), and after a change through `DerefMut`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::present::{explain, Language};
use andel_core::tabular::NumberStyle;
use andel_core::{
    apportion, split, Allocation, Decimal, Key, Method, Options, PartyAllocation, Quota,
    SplitOptions, TieRule,
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
