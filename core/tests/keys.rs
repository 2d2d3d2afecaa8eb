//! Keys: nesting (per level and flat), member limits, blends and fixed
//! shares, against hand-computed values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::data::{population_key, region_population_key, Region};
use andel_core::{Decimal, FixedShare, Key, Limit, Nest, NestRounding, Options};
use std::collections::BTreeMap;

fn all_regions_nest(year: i32) -> Nest {
    let members = Region::ALL
        .iter()
        .map(|r| {
            (
                r.name().to_string(),
                population_key(Some(*r), year).unwrap(),
            )
        })
        .collect::<BTreeMap<_, _>>();
    Nest {
        groups: region_population_key(year).unwrap(),
        members,
    }
}

#[test]
fn flat_nesting_by_population_is_one_apportionment_over_the_country() {
    let nest = all_regions_nest(2022);
    let o = Options::default();
    let flat = nest.apportion(100, &o, &o, NestRounding::Flat).unwrap();
    let country = population_key(None, 2022)
        .unwrap()
        .apportion(100, &o)
        .unwrap();
    let leaves = flat.flat.as_ref().unwrap();
    let by_id = |a: &andel_core::Allocation| -> BTreeMap<String, u64> {
        a.parties.iter().map(|p| (p.id.clone(), p.units)).collect()
    };
    assert_eq!(by_id(leaves), by_id(&country));
    // Group totals are the sums of their members.
    let total: u64 = flat.per_group.iter().map(|g| g.units).sum();
    assert_eq!(total, 100);
    let north: u64 = leaves
        .parties
        .iter()
        .filter(|p| {
            population_key(Some(Region::Nordjylland), 2022)
                .unwrap()
                .position(&p.id)
                .is_some()
        })
        .map(|p| p.units)
        .sum();
    assert_eq!(flat.per_group[4].units, north);
}

#[test]
fn per_level_nesting_adds_up_at_every_level_and_limits_reach_members() {
    let nest = all_regions_nest(2022);
    let groups = Options::default();
    // Every municipality at least one place.
    let members = Options {
        minimum: Some(Limit::All(1)),
        ..Options::default()
    };
    let r = nest
        .apportion(200, &groups, &members, NestRounding::PerLevel)
        .unwrap();
    let top = r.groups.as_ref().unwrap();
    assert_eq!(top.units().iter().sum::<u64>(), 200);
    for g in &r.per_group {
        let m = g.members.as_ref().unwrap();
        assert_eq!(m.units().iter().sum::<u64>(), g.units, "{}", g.id);
        assert!(m.units().iter().all(|&u| u >= 1), "{}", g.id);
    }
    // Læsø (1,769 people) gets its one place only through the minimum.
    let north = r.per_group.iter().find(|g| g.id == "Nordjylland").unwrap();
    let laeso = north.members.as_ref().unwrap().get("825").unwrap();
    assert_eq!(
        (laeso.units, laeso.rounding),
        (1, andel_core::Rounding::Minimum)
    );
    // A limit by id only applies where the party is.
    let by_id = Options {
        minimum: Some(Limit::ById(BTreeMap::from([("825".to_string(), 2)]))),
        ..Options::default()
    };
    let r = nest
        .apportion(200, &groups, &by_id, NestRounding::PerLevel)
        .unwrap();
    let north = r.per_group.iter().find(|g| g.id == "Nordjylland").unwrap();
    assert_eq!(north.members.as_ref().unwrap().get("825").unwrap().units, 2);
}

#[test]
fn flat_nesting_of_a_blend_is_exact_or_says_it_cannot_be() {
    // Two groups with blended weights 1:2 and members 1:1 and 1:3:
    // member shares 1/6, 1/6, 1/6, 1/2 → 12 units: 2, 2, 2, 6.
    let w = |xs: &[(&str, i64)]| {
        Key::from_weights(xs.iter().map(|&(i, w)| (i, Decimal::from(w)))).unwrap()
    };
    let nest = Nest {
        groups: w(&[("g", 1), ("h", 2)]),
        members: BTreeMap::from([
            ("g".to_string(), w(&[("a", 1), ("b", 1)])),
            ("h".to_string(), w(&[("c", 1), ("d", 3)])),
        ]),
    };
    let o = Options::default();
    let flat = nest.apportion(12, &o, &o, NestRounding::Flat).unwrap();
    assert_eq!(flat.flat.as_ref().unwrap().units(), vec![2, 2, 2, 6]);
    assert_eq!(
        flat.per_group.iter().map(|g| g.units).collect::<Vec<_>>(),
        vec![4, 8]
    );
    // Unknown group names are errors.
    let bad = Nest {
        groups: w(&[("g", 1)]),
        members: BTreeMap::from([("x".to_string(), w(&[("a", 1)]))]),
    };
    assert_eq!(
        bad.apportion(1, &o, &o, NestRounding::PerLevel)
            .unwrap_err()
            .code(),
        "unknown_party"
    );
}

#[test]
fn fixed_shares_and_blends_are_exact() {
    // 7.2 % fixed; the rest 3:1 → 0.696 and 0.232 exactly.
    let key = Key::from_weights([("A", Decimal::from(3)), ("B", Decimal::from(1))])
        .unwrap()
        .with_fixed(&[FixedShare {
            id: "R".into(),
            name: None,
            share: Decimal::new(72, 3),
        }])
        .unwrap();
    assert_eq!(key.share(0), Decimal::new(696, 3));
    assert_eq!(key.share(1), Decimal::new(232, 3));
    assert_eq!(key.share(2), Decimal::new(72, 3));
    // A fixed share for a party already in the key replaces its weight.
    let key = Key::from_weights([("A", Decimal::from(3)), ("B", Decimal::from(1))])
        .unwrap()
        .with_fixed(&[FixedShare {
            id: "B".into(),
            name: None,
            share: Decimal::new(5, 1),
        }])
        .unwrap();
    assert_eq!(
        (key.share(0), key.share(1)),
        (Decimal::new(5, 1), Decimal::new(5, 1))
    );
    // Over 100 % in total, or a negative share, is refused.
    let base = Key::from_weights([("A", Decimal::ONE)]).unwrap();
    let f = |id: &str, s: i64| FixedShare {
        id: id.into(),
        name: None,
        share: Decimal::new(s, 2),
    };
    assert_eq!(
        base.with_fixed(&[f("R", 60), f("S", 50)])
            .unwrap_err()
            .code(),
        "invalid_share"
    );
    assert_eq!(
        base.with_fixed(&[f("R", -1)]).unwrap_err().field(),
        Some("fixed[0].share")
    );
    // Blend 1/4·(1:3) + 3/4·(1:1) → A = 1/16 + 3/8 = 7/16.
    let h = Key::from_weights([("A", Decimal::ONE), ("B", Decimal::from(3))]).unwrap();
    let p = Key::from_weights([("A", Decimal::ONE), ("B", Decimal::ONE)]).unwrap();
    let k = Key::blend(&[(Decimal::new(25, 2), &h), (Decimal::new(75, 2), &p)]).unwrap();
    assert_eq!(k.share(0), Decimal::new(4375, 4));
    assert_eq!(
        Key::blend(&[(Decimal::new(5, 1), &h)]).unwrap_err().code(),
        "invalid_share"
    );
}
