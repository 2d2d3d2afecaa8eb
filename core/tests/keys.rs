//! Keys: nesting (per level and flat), member limits, blends and fixed
//! shares, against hand-computed values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::data::{population_key, region_population_key, Region};
use andel_core::{
    Decimal, FixedShare, Key, Limit, Nest, NestRounding, Options, SortedMap, SplitOptions,
};
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
        .collect::<SortedMap<_, _>>();
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
        minimum: Some(Limit::ById(SortedMap::from([("825".to_string(), 2)]))),
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
        members: SortedMap::from([
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
        members: SortedMap::from([("x".to_string(), w(&[("a", 1)]))]),
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

mod csv_reading {
    use andel_core::tabular::{read_weights, CsvColumns};
    use andel_core::Decimal;

    fn read(text: &str) -> andel_core::Result<andel_core::tabular::CsvWeights> {
        read_weights(text, &CsvColumns::default())
    }

    #[test]
    fn one_column_one_number_format() {
        // A decimal point in one cell and a decimal comma in another: an error
        // naming the line and how to say what was meant.
        let e = read("navn;vægt\nA;0.072\nB;1,5\n").unwrap_err();
        assert_eq!(e.code(), "csv");
        assert!(e.to_string().contains("decimal"), "{e}");
        // 1.5 can only be a decimal point, so 1.250 is 1.25 (not 1250).
        let r = read("name,weight\nA,1.5\nB,1.250\n").unwrap();
        assert_eq!(r.key.weights(), [Decimal::new(15, 1), Decimal::new(125, 2)]);
        assert_eq!(r.decimal, '.');
        // Danish Excel (semicolons): 221.082 groups thousands, 0,5 is a half.
        let r = read("kommune;indbyggere\nAalborg;221.082\nB;0,5\n").unwrap();
        assert_eq!(
            r.key.weights(),
            [Decimal::from(221_082), Decimal::new(5, 1)]
        );
        // In a comma file an ambiguous column must be said.
        let e = read("name,weight\nA,\"1.250\"\nB,\"2.500\"\n").unwrap_err();
        assert!(e.to_string().contains("decimal"), "{e}");
        // A tab separated text (a paste from Danish Excel) is read the Danish
        // way, and a note says so; the decimal option reads it otherwise.
        let r = read("name\tweight\nA\t1.250\nB\t2.500\n").unwrap();
        assert_eq!(r.key.weights(), [Decimal::from(1250), Decimal::from(2500)]);
        assert_eq!(r.notes.len(), 1);
        let r = read_weights(
            "name\tweight\nA\t1.250\nB\t2.500\n",
            &CsvColumns {
                decimal: Some(".".into()),
                ..CsvColumns::default()
            },
        )
        .unwrap();
        assert_eq!(r.key.weights(), [Decimal::new(125, 2), Decimal::new(25, 1)]);
        assert!(r.notes.is_empty());
        // More digits than a decimal holds: an error, never rounded.
        let e = read("name,weight\nA,0.50000000000000000000000000001\nB,0.5\n").unwrap_err();
        assert!(e.to_string().contains("digits"), "{e}");
    }

    #[test]
    fn headers_and_parties() {
        // A header whose weight column is a year is a header, not a party.
        let r = read("kommune;2022\nAalborg;221082\nHjørring;63839\n").unwrap();
        assert_eq!(r.key.ids(), ["851", "860"]);
        // Only a cell that is wholly a municipality becomes one; other text
        // is a party of its own. A region is a total, left out and said,
        // unless keep_totals says it is a party (the region of 2.12).
        let text =
            "part;andel\nRegion Nordjylland;25\nKommunerne;75\nTeam 101;1\n101;2\n851 Aalborg;3\n";
        let r = read(text).unwrap();
        assert_eq!(r.key.ids(), ["Kommunerne", "Team 101", "101", "851"]);
        assert_eq!(r.skipped.len(), 1);
        let keep = CsvColumns {
            keep_totals: Some(true),
            ..CsvColumns::default()
        };
        let r = read_weights(text, &keep).unwrap();
        assert_eq!(
            r.key.ids(),
            ["Region Nordjylland", "Kommunerne", "Team 101", "101", "851"]
        );
        assert!(r.skipped.is_empty());
        // A Statbank export leaves out its totals, and says so.
        let r = read("OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nRegion Nordjylland;2022K1;591740\nAalborg;2022K1;221082\n").unwrap();
        assert_eq!(r.key.ids(), ["851"]);
        assert_eq!(r.skipped.len(), 2);
    }

    #[test]
    fn line_endings_quotes_and_shapes() {
        let r = read("name;weight\rA;1\rB;2\r").unwrap();
        assert_eq!(r.key.ids(), ["A", "B"]);
        let r = read("name;weight\r\n\"Quote; and \"\"quote\"\"\";1\r\nB;2\r\n").unwrap();
        assert_eq!(r.key.ids(), ["Quote; and \"quote\"", "B"]);
        // A line break inside an id would print as two lines: refused, at
        // its line.
        let e = read("name;weight\r\n\"Line\nbreak\";1\r\nB;2\r\n").unwrap_err();
        assert_eq!(e, andel_core::Error::Csv {
            line: 2,
            column: Some("name".into()),
            message: "party id \"Line\\nbreak\" has an invisible or control character; ids are visible text".into(),
            // Typed, so it is said in Danish too.
            problem: Some(Box::new(andel_core::CsvProblem::InvalidId {
                id: "Line\nbreak".into()
            })),
        });
        let e = read("name;weight\nA;1\n\"B;2\n").unwrap_err();
        assert_eq!(
            (e.code(), e.to_string().contains("line 3")),
            ("csv", true),
            "{e}"
        );
        let e = read("name;weight\nA;1;7\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = read("name;weight\n\"A\"x;1\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }

    #[test]
    fn many_rows_read_in_one_pass() {
        let mut text = String::from("id;weight\n");
        for i in 0..100_000 {
            text.push_str(&format!("p{i};{}\n", i % 97 + 1));
        }
        let r = read(&text).unwrap();
        assert_eq!(r.key.parties().len(), 100_000);
        text.push_str("p5;1\n");
        let e = read(&text).unwrap_err();
        assert!(e.to_string().contains("line 100002"), "{e}");
    }
}

#[test]
fn csv_for_excel_carries_no_formulas() {
    use andel_core::tabular::Dialect;
    let key = Key::from_weights([
        ("=HYPERLINK(\"http://x\")", Decimal::ONE),
        ("+1+2", Decimal::ONE),
        ("@SUM(A1)", Decimal::ONE),
        ("-line", Decimal::ONE),
    ])
    .unwrap();
    let a = key
        .split(Decimal::new(-4, 2), &SplitOptions::default())
        .unwrap();
    let csv = a.to_csv(Dialect::DanishExcel);
    assert!(
        csv.contains("\n\"'=HYPERLINK(\"\"http://x\"\")\";"),
        "{csv}"
    );
    assert!(csv.contains("\n'+1+2;"), "{csv}");
    assert!(csv.contains("\n'@SUM(A1);"), "{csv}");
    assert!(csv.contains("\n'-line;"), "{csv}");
    // Numbers stay numbers: a negative amount is not neutralised.
    assert!(csv.contains(";-0,01;"), "{csv}");
    // Plain CSV is opened by spreadsheets too: the same care.
    let plain = a.to_csv(Dialect::Plain);
    assert!(plain.contains("\n'+1+2,"), "{plain}");
    assert!(plain.contains(",-0.01,"), "{plain}");
    // A name with a line break stays on its line, the break shown.
    let key = Key::new(vec![andel_core::KeyParty::new(
        "A",
        Some("two\r\n=lines".into()),
        Decimal::ONE,
    )])
    .unwrap();
    let csv = key
        .split(Decimal::ONE, &SplitOptions::default())
        .unwrap()
        .to_csv(Dialect::DanishExcel);
    assert!(csv.contains("\nA;two\\r\\n=lines;"), "{csv}");
}

/// Regressions from the fuzzer's first runs: formatting and tables of values
/// near the decimal's limits panicked (rust_decimal's fixed-precision Display,
/// unchecked sums and products of an allocation read back from JSON).
#[test]
fn formatting_and_tables_at_the_limits_do_not_panic() {
    use andel_core::tabular::{danish, plain, Dialect, NumberStyle};
    assert_eq!(plain(Decimal::MAX, 2), "79228162514264337593543950335.00");
    assert!(danish(Decimal::MAX, 28).starts_with("79.228.162.514"));
    assert_eq!(plain(Decimal::new(15, 1), 1000).len(), 2 + 28);
    let key = Key::from_weights([("a", Decimal::ONE), ("b", Decimal::ONE)]).unwrap();
    let a = key
        .split(Decimal::from(1000), &SplitOptions::default())
        .unwrap();
    let mut json: serde_json::Value = serde_json::to_value(&a).unwrap();
    for p in json["parties"].as_array_mut().unwrap() {
        p["weight"] = "79228162514264337593543950335".into();
        p["share"] = "79228162514264337593543950335".into();
        p["amount"] = "79228162514264337593543950335".into();
    }
    json["unit"] = "79228162514264337593543950335".into();
    let back: andel_core::Allocation = serde_json::from_value(json).unwrap();
    assert!(back.table(NumberStyle::Danish).contains('—'));
    assert!(!back.to_csv(Dialect::DanishExcel).is_empty());
    assert!(back.explain("a").is_some_and(|s| s.contains('—')));
}

/// The table's total row shows the weights' sum with every digit it has:
/// 1,5 + 2 is 3,5 (it once showed 4, rounded to whole numbers).
#[test]
fn the_table_total_weight_keeps_its_decimals() {
    use andel_core::tabular::NumberStyle;
    let key = Key::from_weights([("A", Decimal::new(15, 1)), ("B", Decimal::from(2))]).unwrap();
    let a = key
        .split(Decimal::from(100), &SplitOptions::default())
        .unwrap();
    let table = a.table(NumberStyle::Danish);
    let total = table.lines().find(|l| l.starts_with("i alt")).unwrap();
    let cells: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(cells, ["i", "alt", "3,5", "100,0000", "100,00"], "{table}");
    let table = a.table(NumberStyle::Plain);
    let total = table.lines().find(|l| l.starts_with("i alt")).unwrap();
    let cells: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(cells, ["i", "alt", "3.5", "100.0000", "100.00"], "{table}");
}

/// A refund of 100,00 by 1:2 is -33,33 and -66,67 (the magnitude split,
/// negated); what each would get unrounded is -33,333… and -66,666…, with the
/// same sign as the amount, in the result, the table and the CSV (the table
/// once showed the quota as +33,333333 beside -33,33).
#[test]
fn a_negative_amount_has_negative_quotas_as_amounts() {
    use andel_core::tabular::{Dialect, NumberStyle};
    let key = Key::from_weights([("A", Decimal::from(1)), ("B", Decimal::from(2))]).unwrap();
    let a = key
        .split(Decimal::from(-100), &SplitOptions::default())
        .unwrap();
    let amounts: Vec<String> = a.parties.iter().map(|p| p.amount.to_string()).collect();
    assert_eq!(amounts, ["-33.33", "-66.67"]);
    // 12 decimals: the unit's 2 and 10 more.
    let quotas: Vec<String> = a
        .parties
        .iter()
        .map(|p| p.quota_amount.to_string())
        .collect();
    assert_eq!(quotas, ["-33.333333333333", "-66.666666666667"]);
    let table = a.table(NumberStyle::Plain);
    let row = |id: &str| -> Vec<String> {
        let line = table.lines().find(|l| l.starts_with(id)).unwrap();
        line.split_whitespace().map(str::to_string).collect()
    };
    assert_eq!(row("A")[3..5], ["-33.333333", "-33.33"], "{table}");
    assert_eq!(row("B")[3..5], ["-66.666667", "-66.67"], "{table}");
    let csv = a.to_csv(Dialect::Plain);
    assert!(
        csv.contains("\nA,,1,0.3333333333,-33.3333333333,-33.33,3333,down,2,0\n"),
        "{csv}"
    );
    // A positive amount keeps positive quotas.
    let a = key
        .split(Decimal::from(100), &SplitOptions::default())
        .unwrap();
    assert_eq!(a.parties[0].quota_amount.to_string(), "33.333333333333");
}
