//! The key documents under `examples/`, checked against numbers computed
//! outside this code (exact fractions in a short Python script, largest
//! remainder by hand), and one error case per kind of input.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use andel_core::document::{compute, compute_json, parse, DocumentResult};
use andel_core::present::{document_view, Language};
use andel_core::tabular::{CsvNote, LeftOut, NumberStyle, ReadNote};
use andel_core::{Decimal, Error};
use std::collections::BTreeMap;
use std::str::FromStr;

fn example(name: &str) -> String {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(name: &str) -> DocumentResult {
    compute_json(&example(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn amounts(a: &andel_core::Allocation) -> BTreeMap<String, Decimal> {
    a.parties.iter().map(|p| (p.id.clone(), p.amount)).collect()
}

fn expect(pairs: &[(&str, &str)]) -> BTreeMap<String, Decimal> {
    pairs
        .iter()
        .map(|(id, v)| (id.to_string(), Decimal::from_str(v).unwrap()))
        .collect()
}

fn units(a: &andel_core::Allocation) -> BTreeMap<String, u64> {
    a.parties.iter().map(|p| (p.id.clone(), p.units)).collect()
}

fn expect_units(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(id, v)| (id.to_string(), *v)).collect()
}

#[test]
fn case_2_8_low_and_high_by_population_without_laeso_and_morso() {
    let r = run("2.8-self-harm-offer.json");
    let mut low = expect(&[
        ("787", "323222.51"),
        ("810", "271501.20"),
        ("813", "441660.16"),
        ("820", "272491.37"),
        ("840", "229884.12"),
        ("846", "312518.18"),
        ("849", "286451.25"),
        ("851", "1658397.22"),
        ("860", "478873.99"),
    ]);
    low.insert("773".into(), Decimal::ZERO);
    low.insert("825".into(), Decimal::ZERO);
    assert_eq!(amounts(&r.scenarios[0].allocation), low);
    let mut high = expect(&[
        ("787", "422646.50"),
        ("810", "355015.61"),
        ("813", "577515.86"),
        ("820", "356310.36"),
        ("840", "300597.01"),
        ("846", "408649.51"),
        ("849", "374564.32"),
        ("851", "2168524.08"),
        ("860", "626176.75"),
    ]);
    high.insert("773".into(), Decimal::ZERO);
    high.insert("825".into(), Decimal::ZERO);
    assert_eq!(amounts(&r.scenarios[1].allocation), high);
    // Years: 50/30/20 % of the low total, each split exactly.
    let years = r.scenarios[0].years.as_ref().unwrap();
    assert_eq!(
        years.years.amounts(),
        ["2137500", "1282500", "855000"].map(|x| Decimal::from_str(x).unwrap())
    );
    assert_eq!(
        years.per_year[0].get("851").unwrap().amount,
        Decimal::from_str("829198.61").unwrap()
    );
    assert_eq!(
        years.per_year[1].get("787").unwrap().amount,
        Decimal::from_str("96966.75").unwrap()
    );
    assert_eq!(
        years.per_year[2].get("860").unwrap().amount,
        Decimal::from_str("95774.80").unwrap()
    );
    for y in &years.per_year {
        assert_eq!(y.amounts().iter().sum::<Decimal>(), y.total);
    }
    // Compared with 2025 population: every row's change is other - base.
    let c = r.scenarios[0].comparison.as_ref().unwrap();
    assert!(c
        .rows
        .iter()
        .all(|row| row.change == row.amount_other - row.amount_base));
    assert_eq!(
        c.other.amounts().iter().sum::<Decimal>(),
        Decimal::from(4_275_000)
    );
}

#[test]
fn case_2_8_as_a_cost_split_from_the_municipalities_part() {
    // The minutes give the municipalities' part (75 %): 4,275 and 5,59 mio.
    // kr. The region's 25 % is that × 25/75, to the øre: 4.275.000 / 3 =
    // 1.425.000,00 exactly; 5.590.000 / 3 = 1.863.333,333… → 1.863.333,33
    // (half away from zero), so the whole is 7.453.333,33. Splitting that
    // whole 75/25 again: 745.333.333 øre × 0,75 = 558.999.999,75 and
    // × 0,25 = 186.333.333,25; largest remainder gives the øre to the
    // municipalities: 5.590.000,00 and 1.863.333,33, as given.
    let r = run("2.8-cost-split.json");
    let low = &r.scenarios[0];
    assert_eq!(
        low.allocation.amounts(),
        [Decimal::from(4_275_000), Decimal::from(1_425_000)]
    );
    assert_eq!(low.allocation.total, Decimal::from(5_700_000));
    let high = &r.scenarios[1];
    assert_eq!(
        high.allocation.amounts(),
        [
            Decimal::from(5_590_000),
            Decimal::from_str("1863333.33").unwrap()
        ]
    );
    assert_eq!(
        high.allocation.total,
        Decimal::from_str("7453333.33").unwrap()
    );
    // The municipalities' part is split as in 2.8-self-harm-offer.
    let offer = run("2.8-self-harm-offer.json");
    for (s, o) in r.scenarios.iter().zip(&offer.scenarios) {
        let municipal = s.parts.as_ref().unwrap().details[0].as_ref().unwrap();
        assert_eq!(municipal.amounts(), o.allocation.amounts());
    }
    let municipal = low.parts.as_ref().unwrap().details[0].as_ref().unwrap();
    assert_eq!(
        municipal.get("851").unwrap().amount,
        Decimal::from_str("1658397.22").unwrap()
    );
}

#[test]
fn case_2_12_region_first_in_places_then_the_rest() {
    // The region's 7,2 % of 620 is 44,64 places; the municipalities' 92,8 %
    // is 575,36. Largest remainder: 44 + 575 = 619, the last place to the
    // larger remainder (0,64): 45 to the region (45/620 = 7,26 %), 575 to
    // the municipalities. Then 575 by population 1 January 2022 (591.740):
    // Aalborg 575 × 221.082 / 591.740 = 214,83, Thisted 41,87, Læsø 1,72,
    // … (floors 570, the five places to the largest remainders Thisted
    // 0,87, Aalborg 0,83, Rebild 0,78, Læsø 0,72 and Morsø 0,50).
    let r = run("2.12-paid-internships-region-first.json");
    let s = &r.scenarios[0];
    assert_eq!(
        units(&s.allocation),
        expect_units(&[("region", 45), ("kommunerne", 575)])
    );
    let nested = s.nested.as_ref().unwrap();
    let members = nested.per_group[1].members.as_ref().unwrap();
    assert_eq!(
        members.units(),
        [20, 42, 35, 57, 35, 2, 30, 40, 37, 215, 62]
    );
    assert_eq!(members.units().iter().sum::<u64>(), 575);
}

#[test]
fn case_2_12_region_fixed_at_7_2_percent() {
    let r = run("2.12-paid-internships.json");
    let s = &r.scenarios[0];
    assert_eq!(
        units(&s.allocation),
        expect_units(&[
            ("773", 20),
            ("787", 42),
            ("810", 35),
            ("813", 57),
            ("820", 35),
            ("825", 2),
            ("840", 30),
            ("846", 40),
            ("849", 37),
            ("851", 215),
            ("860", 62),
            ("region", 45),
        ])
    );
    // The region's quota is exactly 620 × 0.072 = 44.64.
    assert_eq!(
        s.allocation.get("region").unwrap().quota.to_decimal(2),
        Decimal::from_str("44.64").unwrap()
    );
    let without = &s.comparison.as_ref().unwrap().other;
    assert_eq!(
        units(without),
        expect_units(&[
            ("773", 20),
            ("787", 42),
            ("810", 35),
            ("813", 57),
            ("820", 35),
            ("825", 0),
            ("840", 30),
            ("846", 41),
            ("849", 37),
            ("851", 216),
            ("860", 62),
            ("region", 45),
        ])
    );
}

#[test]
fn case_2_9_two_levels_each_adding_up() {
    for (name, total, kkr, nj) in [
        (
            "2.9-sosu-assistant.json",
            6000,
            [1886, 892, 1270, 1342, 610],
            [21, 44, 37, 61, 37, 2, 32, 43, 39, 228, 66],
        ),
        (
            "2.9-sosu-helper.json",
            3000,
            [914, 458, 657, 666, 305],
            [10, 22, 19, 30, 19, 1, 16, 21, 20, 114, 33],
        ),
    ] {
        let r = run(name);
        let s = &r.scenarios[0];
        assert_eq!(s.allocation.units(), kkr, "{name}");
        assert_eq!(kkr.iter().sum::<u64>(), total);
        let nested = s.nested.as_ref().unwrap();
        let north = nested
            .per_group
            .iter()
            .find(|g| g.id == "Nordjylland")
            .unwrap();
        assert_eq!(north.units, kkr[4]);
        assert_eq!(north.members.as_ref().unwrap().units(), nj, "{name}");
    }
}

#[test]
fn case_2_9_by_kkr_and_programme_both_ways() {
    // Rows: 9.000 places by the 50/50 blend (Hamilton), quotas computed with
    // exact fractions outside this code: 2.794,72 / 1.351,43 / 1.931,20 /
    // 2.007,08 / 915,56 -> 2.795, 1.351, 1.931, 2.007, 916. Cells: an
    // independent alternating-scaling (Sainte-Laguë) run in Python over the
    // 2018 places per KKR and programme, no tie.
    let r = run("2.9-sosu-kkr-programme.json");
    let t = r.scenarios[0].table.as_ref().unwrap();
    let got: Vec<(&str, u64, Vec<u64>)> = t
        .rows
        .iter()
        .map(|row| (row.id.as_str(), row.total, row.cells.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Hovedstaden", 2795, vec![1902, 893]),
            ("Sjælland", 1351, vec![885, 466]),
            ("Syddanmark", 1931, vec![1258, 673]),
            ("Midtjylland", 2007, vec![1344, 663]),
            ("Nordjylland", 916, vec![611, 305]),
        ]
    );
    assert!(t.ties.is_empty());
    // A table needs places, and the columns must add up to the total.
    let bad = example("2.9-sosu-kkr-programme.json").replace("\"total\": 3000", "\"total\": 2999");
    let e = compute_json(&bad).unwrap_err();
    assert_eq!(e.field(), Some("table.columns"));
}

#[test]
fn case_2_9_two_readings_and_2_10_in_places() {
    let nordjylland = |name: &str, group: &str| -> u64 {
        let r = run(name);
        let n = r.scenarios[0].nested.as_ref().unwrap();
        let g = n.per_group.iter().find(|g| g.id == group).unwrap();
        g.members
            .as_ref()
            .unwrap()
            .get("Nordjylland")
            .map_or(g.units, |p| p.units)
    };
    // Reading A: every place to the municipalities: Nordjylland's blended
    // share 10,1750 % of 6.000 is 610,50, rounded down (the smallest of the
    // five remainders) to 610. Reading B: the regions first keep their
    // share of KL's published 2018 totals, 1.363 of 4.811: 6.000 × 1.363 /
    // 4.811 = 1.699,85 → 1.700, so 4.300 are shared by the KKR key and
    // Nordjylland's 10,1750 % gives 437,53 → 438 (floors 4.298; the two
    // places to Midtjylland 0,65 and Nordjylland 0,53).
    let a = nordjylland("2.9-sosu-assistant.json", "Nordjylland");
    let b = nordjylland("2.9-sosu-assistant-regions-keep-share.json", "kommunerne");
    let helper = nordjylland("2.9-sosu-helper.json", "Nordjylland");
    assert_eq!((a, b, helper), (610, 438, 305));
    let r = run("2.9-sosu-assistant-regions-keep-share.json");
    assert_eq!(
        units(&r.scenarios[0].allocation),
        expect_units(&[("regionerne", 1700), ("kommunerne", 4300)])
    );
    // 2.10: the 26 % concern the assistant programme, so they apply to the
    // assistant minimum alone. A: 610 × 0,26 = 158,6 missing, 451,4
    // reached → 451 + 159; B: 438 × 0,26 = 113,88, 324,12 → 324 + 114.
    let s = run("2.10-nordjylland-below-minimum.json");
    assert_eq!(s.scenarios[0].total, Decimal::from(a));
    assert_eq!(s.scenarios[1].total, Decimal::from(b));
    assert_eq!(
        units(&s.scenarios[0].allocation),
        expect_units(&[("naaet", 451), ("mangler", 159)])
    );
    assert_eq!(
        units(&s.scenarios[1].allocation),
        expect_units(&[("naaet", 324), ("mangler", 114)])
    );
    // The municipality tables take exactly these numbers, and each
    // programme's split is the one the KKR-level documents make.
    for (name, assistant) in [
        ("2.9-sosu-nordjylland.json", a),
        ("2.9-sosu-nordjylland-regions-keep-share.json", b),
    ] {
        let r = run(name);
        let n = r.scenarios[0].nested.as_ref().unwrap();
        assert_eq!(
            units(&r.scenarios[0].allocation),
            expect_units(&[("assistent", assistant), ("hjaelper", helper)]),
            "{name}"
        );
        let helpers = n.per_group[1].members.as_ref().unwrap().units();
        assert_eq!(helpers, [10, 22, 19, 30, 19, 1, 16, 21, 20, 114, 33]);
    }
    // Reading B down to the municipalities: 438 by population 1 January
    // 2022 (591.740): Aalborg 163,64, Hjørring 47,25, Frederikshavn 43,58,
    // Thisted 31,89, Mariagerfjord 30,84, Jammerbugt 28,27, Vesthimmerland
    // 26,89, Brønderslev 26,79, Rebild 22,68, Morsø 14,85, Læsø 1,31:
    // floors 431, the seven places to the remainders 0,894 (Thisted), 0,888
    // (Vesthimmerland), 0,85 (Morsø), 0,84 (Mariagerfjord), 0,79
    // (Brønderslev), 0,68 (Rebild), 0,64 (Aalborg).
    let r = run("2.9-sosu-nordjylland-regions-keep-share.json");
    let n = r.scenarios[0].nested.as_ref().unwrap();
    assert_eq!(
        n.per_group[0].members.as_ref().unwrap().units(),
        [15, 32, 27, 43, 27, 1, 23, 31, 28, 164, 47]
    );
}

#[test]
fn case_2_4_whole_kroner() {
    let r = run("2.4-dk2020.json");
    assert_eq!(
        r.scenarios[0].allocation.amounts(),
        [6749, 14491, 12172, 19800, 12216, 595, 10306, 14011, 12842, 74349, 21469]
            .map(Decimal::from)
    );
}

#[test]
fn results_round_trip_through_json() {
    for name in [
        "2.8-self-harm-offer.json",
        "2.8-cost-split.json",
        "2.12-paid-internships.json",
        "2.9-sosu-assistant.json",
        "2.4-dk2020.json",
    ] {
        let doc = parse(&example(name)).unwrap();
        // document → JSON → document
        let again = parse(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert_eq!(doc, again, "{name}");
        // result → JSON → result
        let result = compute(&doc).unwrap();
        let json = serde_json::to_string(&result).unwrap();
        let back: DocumentResult =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(result, back, "{name}");
    }
}

fn error_of(json: &str) -> Error {
    compute_json(json).unwrap_err()
}

#[test]
fn a_total_that_is_no_whole_number_of_units_names_the_total_written() {
    // F14: the field is the one the user wrote (`scenarios[0].total`), not
    // the split's own name for it (`amount`), whatever the document's shape.
    let key = r#""key": {"population": {"region": "Nordjylland", "year": 2022}}"#;
    let parts = r#""parts": [{"id": "k", "share": "0.75", "key": {"population": {"region": "Nordjylland", "year": 2022}}}, {"id": "r", "share": "0.25"}]"#;
    let years =
        r#", "years": [{"year": 2023, "fraction": "0.5"}, {"year": 2024, "fraction": "0.5"}]"#;
    for (shape, rounding, total, extra) in [
        (key, "", "100.005", ""),                             // øre: 10000.5 øre
        (key, r#", "rounding": {"unit": 1000}"#, "1500", ""), // 1.5 thousands
        (key, "", "100.005", years),                          // spread over years
        (key, "", "100000000000000000000000", ""),            // 10^25 øre: too many
        (parts, "", "100.005", ""),                           // a cost split
    ] {
        let doc = format!(
            r#"{{"version": 1, {shape}{rounding}{extra}, "scenarios": [{{"name": "x", "total": {total}}}]}}"#
        );
        let e = error_of(&doc);
        assert_eq!(e.field(), Some("scenarios[0].total"), "{doc}: {e}");
    }
    let e = error_of(&format!(
        r#"{{"version": 1, {key}, "scenarios": [{{"name": "a", "total": "1"}}, {{"name": "b", "total": 100.005}}]}}"#
    ));
    assert_eq!(
        (e.code(), e.field()),
        ("not_multiple_of_unit", Some("scenarios[1].total"))
    );
}

#[test]
fn every_kind_of_bad_input_is_a_typed_error_with_its_field() {
    let base = |key: &str, extra: &str| {
        format!(
            r#"{{"version": 1, "key": {key}, "scenarios": [{{"name": "x", "total": "100"}}]{extra}}}"#
        )
    };
    // Unknown field, with its path.
    let e = error_of(&base(
        r#"{"population": {"region": "Nordjylland", "year": 2022, "colour": 1}}"#,
        "",
    ));
    assert_eq!(e.code(), "document");
    assert_eq!(e.field(), Some("key.population.colour"));
    assert!(e.to_string().contains("unknown field"), "{e}");
    // Unknown municipality, with suggestions.
    let e = error_of(&base(
        r#"{"population": {"region": "Nordjylland", "year": 2022}, "exclude": ["Aalborgg"]}"#,
        "",
    ));
    assert_eq!(e.code(), "unknown_municipality");
    assert_eq!(e.field(), Some("key.exclude[0]"));
    assert!(e.to_string().contains("Aalborg (851)"), "{e}");
    // A municipality that is not in the key is an unknown party of the key.
    let e = error_of(&base(
        r#"{"population": {"region": "Nordjylland", "year": 2022}, "exclude": ["Odense"]}"#,
        "",
    ));
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_party", Some("key.exclude[0]"))
    );
    // It says where the municipality is: Odense (461) is in Syddanmark
    // (core/data's CSV), not among Nordjylland's eleven.
    assert_eq!(
        e.to_string(),
        "key.exclude[0]: \"Odense\" is a municipality in Region Syddanmark, not among the parties"
    );
    assert_eq!(
        e.message(Language::Da),
        "key.exclude[0]: «Odense» er en kommune i Region Syddanmark, ikke en af parterne"
    );
    let e = error_of(&base(
        r#"{"population": {"year": 2022, "municipalities": ["Narnia"]}}"#,
        "",
    ));
    assert_eq!(e.code(), "unknown_municipality");
    assert_eq!(e.field(), Some("key.population.municipalities[0]"));
    // A year we do not have names the years we have.
    let e = error_of(&base(
        r#"{"population": {"region": "Nordjylland", "year": 2019}}"#,
        "",
    ));
    assert_eq!(e.code(), "unknown_year");
    assert!(e.to_string().contains("2025"), "{e}");
    // Shares over 100 %.
    let e = error_of(&base(
        r#"{"population": {"region": "Nordjylland", "year": 2022}, "fixed": [{"id": "r", "share": "0.7"}, {"id": "s", "share": "0.4"}]}"#,
        "",
    ));
    assert_eq!(e.code(), "invalid_share");
    assert_eq!(e.field(), Some("key.fixed"));
    let e = error_of(&base(
        r#"{"population": {"region": "Nordjylland", "year": 2022}, "fixed": [{"id": "r", "share": "1.2"}]}"#,
        "",
    ));
    assert_eq!(e.field(), Some("key.fixed[0].share"));
    // A bad CSV line names line and column.
    let e = error_of(&base(r#"{"csv": {"text": "navn;vægt\nA;1\nB;x\n"}}"#, ""));
    assert_eq!(e, Error::Csv {
        line: 3,
        column: Some("vægt".into()),
        message: "\"x\" is not a valid number here: only digits, one decimal separator and thousands separators".into(),
        problem: Some(Box::new(andel_core::CsvProblem::InvalidNumber {
            text: "x".into(),
            reason: "only digits, one decimal separator and thousands separators".into(),
        })),
    });
    // Not a number at all (NaN is not a decimal).
    let e = error_of(&base(r#"{"weights": [{"id": "A", "weight": "NaN"}]}"#, ""));
    assert_eq!(e.field(), Some("key.weights[0].weight"));
    // Negative weights, duplicate ids.
    let e = error_of(&base(
        r#"{"weights": [{"id": "A", "weight": "-1"}, {"id": "B", "weight": "1"}]}"#,
        "",
    ));
    assert_eq!(
        (e.code(), e.field()),
        ("negative_weight", Some("key.weights[0].weight"))
    );
    let e = error_of(&base(
        r#"{"weights": [{"id": "A", "weight": "1"}, {"id": "A", "weight": "1"}]}"#,
        "",
    ));
    assert_eq!(
        (e.code(), e.field()),
        ("duplicate_party", Some("key.weights[1].id"))
    );
    // Blend weights that do not add up.
    let e = error_of(&base(
        r#"{"blend": [{"weight": "0.5", "key": {"regions": {"year": 2022}}}]}"#,
        "",
    ));
    assert_eq!(e.code(), "invalid_share");
    // Places must be whole; a wrong version; no scenario.
    let e = error_of(&base(
        r#"{"regions": {"year": 2022}}"#,
        r#", "rounding": {"places": {}}, "scenarios2": 1"#,
    ));
    assert!(e.to_string().contains("scenarios2"), "{e}");
    let e = error_of(
        r#"{"version": 2, "key": {"regions": {"year": 2022}}, "scenarios": [{"name": "x", "total": 1}]}"#,
    );
    assert_eq!(e.field(), Some("version"));
    let e = error_of(
        r#"{"version": 1, "key": {"regions": {"year": 2022}}, "rounding": {"places": {}}, "scenarios": [{"name": "x", "total": "1.5"}]}"#,
    );
    assert_eq!(e.code(), "document");
    // An unknown method names the methods there are.
    let e = error_of(
        r#"{"version": 1, "key": {"regions": {"year": 2022}}, "rounding": {"places": {"method": "borda"}}, "scenarios": [{"name": "x", "total": 9}]}"#,
    );
    assert_eq!(e.field(), Some("rounding.places.method"));
}

#[test]
fn attainment_of_dimensioned_places() {
    // 100 places by 3:1 → 75 and 25; actual 60 and 25 → -15 (-20 %) and 0 (0 %).
    let r = compute_json(
        r#"{"version": 1, "key": {"weights": [{"id": "N", "weight": 3}, {"id": "S", "weight": 1}]},
            "rounding": {"places": {}}, "scenarios": [{"name": "x", "total": 100}],
            "actual": {"N": 60, "S": 25}}"#,
    )
    .unwrap();
    let rows = r.scenarios[0].attainment.as_ref().unwrap();
    assert_eq!(rows[0].difference, Decimal::from(-15));
    assert_eq!(rows[0].percent, Some(Decimal::from(-20)));
    assert_eq!(rows[1].percent, Some(Decimal::ZERO));
    let e = error_of(
        r#"{"version": 1, "key": {"weights": [{"id": "N", "weight": 3}]}, "scenarios": [{"name": "x", "total": 1}], "actual": {"Q": 1}}"#,
    );
    assert_eq!((e.code(), e.field()), ("unknown_party", Some("actual.Q")));
}

#[test]
fn a_cost_split_given_by_the_municipalities_part() {
    // The minutes give the municipalities' 75 %: 4.275.000 and 5.590.000 kr.
    // The region's 25 % is a third of that: 1.425.000,00 and 1.863.333,33
    // (5.590.000 / 3 = 1.863.333,333…, to the øre).
    let doc = |total: &str| {
        format!(
            r#"{{"version": 1, "parts": [
              {{"id": "kommunerne", "share": "0.75", "key": {{"population": {{"region": "Nordjylland", "year": 2022}}, "exclude": ["Læsø", "Morsø"]}}}},
              {{"id": "region", "share": "0.25"}}],
              "scenarios": [{{"name": "x", "total": "{total}", "part": "kommunerne"}}]}}"#
        )
    };
    for (total, region, whole) in [
        ("4275000.00", "1425000.00", "5700000.00"),
        ("5590000.00", "1863333.33", "7453333.33"),
    ] {
        let r = compute_json(&doc(total)).unwrap();
        let parts = r.scenarios[0].parts.as_ref().unwrap();
        assert_eq!(parts.parts.amounts()[0].to_string(), total);
        assert_eq!(parts.parts.amounts()[1].to_string(), region);
        assert_eq!(parts.parts.total.to_string(), whole);
    }
    // Aalborg's share of the municipalities' 4.275.000 is the figure of the report.
    let r = compute_json(&doc("4275000.00")).unwrap();
    let towns = r.scenarios[0].parts.as_ref().unwrap().details[0]
        .as_ref()
        .unwrap();
    assert_eq!(towns.get("851").unwrap().amount.to_string(), "1658397.22");
    // `part` must name a part, and only with parts.
    let e = error_of(&doc("1").replace(r#""part": "kommunerne""#, r#""part": "staten""#));
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_party", Some("scenarios[0].part"))
    );
    let e = error_of(
        r#"{"version": 1, "key": {"weights": [{"id": "N", "weight": 3}]}, "scenarios": [{"name": "x", "total": 1, "part": "N"}]}"#,
    );
    assert_eq!(e.field(), Some("scenarios[0].part"));
}

#[test]
fn a_nest_rounds_its_members_by_the_documents_method() {
    // Group A gets 8 of 16 places; its members 100000:80000:30000:20000 by
    // D'Hondt are 4, 3, 1, 0 (by Hamilton they would be 3, 3, 1, 1).
    let doc = |rounding: &str, extra: &str| {
        format!(
            r#"{{"version": 1, "nest": {{
              "groups": {{"weights": [{{"id": "A", "weight": 1}}, {{"id": "B", "weight": 1}}]}},
              "members": {{"A": {{"weights": [{{"id": "x", "weight": 100000}}, {{"id": "y", "weight": 80000}},
                {{"id": "z", "weight": 30000}}, {{"id": "w", "weight": 20000}}]}}}}{extra}}},
              "rounding": {rounding}, "scenarios": [{{"name": "s", "total": 16}}]}}"#
        )
    };
    let members = |json: &str| {
        let r = compute_json(json).unwrap();
        let n = r.scenarios[0].nested.clone().unwrap();
        n.per_group[0].members.clone().unwrap().units()
    };
    assert_eq!(
        members(&doc(r#"{"places": {"method": "dhondt"}}"#, "")),
        vec![4, 3, 1, 0]
    );
    assert_eq!(
        members(&doc(r#"{"places": {"method": "hamilton"}}"#, "")),
        vec![3, 3, 1, 1]
    );
    // member_places, when given, rules within the groups.
    assert_eq!(
        members(&doc(
            r#"{"places": {"method": "hamilton"}}"#,
            r#", "member_places": {"method": "dhondt"}"#
        )),
        vec![4, 3, 1, 0]
    );
    // Options a nest cannot use are refused, not ignored.
    let e = error_of(&doc(r#"{"unit": "1"}"#, ""));
    assert_eq!(e.field(), Some("rounding.unit"));
    let e = error_of(&doc(r#"{"ties": "error"}"#, ""));
    assert_eq!(e.field(), Some("rounding.ties"));
    let e = error_of(&doc(
        r#"{"places": {"method": "dhondt"}}"#,
        r#", "rounding": "flat", "member_places": {"method": "hamilton"}"#,
    ));
    assert_eq!(e.field(), Some("nest.member_places"));
}

#[test]
fn nest_member_options_must_name_members() {
    let doc = common::nest_document;
    assert!(compute_json(&doc(r#"{"minimum": {"825": 5}}"#)).is_ok());
    let e = error_of(&doc(r#"{"minimum": {"8250": 5}}"#));
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_party", Some("nest.member_places.minimum.8250"))
    );
    // Members are named by core's one rule: among municipalities a name
    // that is none is a misspelt municipality, with the closest names.
    let e = error_of(&doc(r#"{"ties": {"priority": ["851", "Narnia"]}}"#));
    assert_eq!(
        (e.code(), e.field()),
        (
            "unknown_municipality",
            Some("nest.member_places.ties.priority[1]")
        )
    );
    assert!(compute_json(&doc(r#"{"ties": {"priority": ["Aalborg", "Læsø"]}}"#)).is_ok());
    let e = error_of(&doc(r#"{"ties": {"priority": [0]}}"#));
    assert_eq!(e.field(), Some("nest.member_places.ties.priority[0]"));
}

#[test]
fn one_group_named_twice_in_a_nests_members_is_refused() {
    // "Nordjylland" and "KKR Nordjylland" are one group: two keys for it
    // would otherwise leave one silently unused.
    let doc = r#"{"version": 1, "nest": {
          "groups": {"regions": {"year": 2022}},
          "members": {"Nordjylland": {"population": {"region": "Nordjylland", "year": 2022}},
                      "KKR Nordjylland": {"population": {"region": "Nordjylland", "year": 2021}}}},
          "rounding": {"places": {}}, "scenarios": [{"name": "s", "total": 9000}]}"#;
    let e = error_of(doc);
    assert_eq!(
        (e.code(), e.field()),
        ("duplicate_party", Some("nest.members.Nordjylland"))
    );
}

#[test]
fn the_year_profile_adds_up_by_party_and_by_year() {
    // 2.8: each municipality's three years add up to its own total (the
    // figure of the report, e.g. Thisted 323.222,51), and each year to
    // 50/30/20 % of the total (2.137.500, 1.282.500, 855.000 for the low one).
    let doc = std::fs::read_to_string(format!(
        "{}/../examples/2.8-self-harm-offer.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let r = compute_json(&doc).unwrap();
    for (s, years) in r.scenarios.iter().zip([
        ["2137500.00", "1282500.00", "855000.00"],
        ["2795000.00", "1677000.00", "1118000.00"],
    ]) {
        let y = s.years.as_ref().unwrap();
        for (a, expected) in y.per_year.iter().zip(years) {
            assert_eq!(a.amounts().iter().sum::<Decimal>().to_string(), expected);
        }
        for p in &s.allocation.parties {
            let by_year: Decimal = y
                .per_year
                .iter()
                .map(|a| a.get(&p.id).unwrap().amount)
                .sum();
            assert_eq!(by_year, p.amount, "{} in {}", p.id, s.name);
        }
    }
    let thisted: Vec<String> = r.scenarios[0]
        .years
        .as_ref()
        .unwrap()
        .per_year
        .iter()
        .map(|a| a.get("787").unwrap().amount.to_string())
        .collect();
    // Thisted's exact years are 323.222,504531… × 0,5 / 0,3 / 0,2: 161.611,2522…,
    // 96.966,7513…, 64.644,5009…; rounded down they make 323.222,50, one øre
    // short of its total, so exactly one of its years is rounded up.
    assert_eq!(
        thisted
            .iter()
            .map(|x| x.parse::<Decimal>().unwrap())
            .sum::<Decimal>()
            .to_string(),
        "323222.51"
    );
}

#[test]
fn status_figures_of_the_minutes() {
    // Figures from the minutes (items 2.9 and 2.13), worked out by hand:
    // 5.753 of 6.000 is -4,12 % (95,88 %), 3.496 of 3.000 +16,53 % (116,53 %);
    // Jan-Aug 2022 against 2021: 3.813 vs 4.095 -6,89 %, 2.714 vs 2.499 +8,60 %;
    // 1.345 of 2.000 is -32,75 % (67,25 %).
    let rows = |name: &str, scenario: usize| {
        let doc =
            std::fs::read_to_string(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        let r = compute_json(&doc).unwrap();
        r.scenarios[scenario]
            .attainment
            .clone()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a.difference.to_string(),
                    a.percent.map(|p| p.to_string()).unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        rows("2.9-status-2021.json", 0),
        [s("-247", "-4.12"), s("496", "16.53")]
    );
    assert_eq!(
        rows("2.9-status-jan-aug-2022.json", 0),
        [s("-282", "-6.89"), s("215", "8.60")]
    );
    // 2.13: 1.345 matches in 1 September 2020 - 1 August 2022 against the
    // whole three-year target of 2.000: -655, -655/2.000 = -32,75 % (so
    // 67,25 % reached, the minutes' "67 pct."); against two of three
    // years, 2/3 × 2.000 = 1.333⅓, in whole matches 1.333: +12, 12/1.333 =
    // 0,900… % → 0,90 % (exactly 11⅔ and 0,875 %, as the assumption says).
    assert_eq!(rows("2.13-vaekst-via-viden.json", 0), [s("-655", "-32.75")]);
    assert_eq!(rows("2.13-vaekst-via-viden.json", 1), [s("12", "0.90")]);
    let r = run("2.13-vaekst-via-viden.json");
    assert_eq!(r.scenarios[1].total, Decimal::from(2000 * 2 / 3));
    assert!(r
        .assumptions
        .iter()
        .any(|a| a.contains("11⅔") && a.contains("0,875 %")));
    assert!(r
        .note
        .as_deref()
        .unwrap()
        .contains("1. september 2020 til den 1. august 2022"));
}

#[test]
fn values_a_service_shares_between_threads_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<andel_core::document::Document>();
    send_sync::<andel_core::document::DocumentResult>();
    send_sync::<andel_core::Key>();
    send_sync::<andel_core::Allocation>();
    send_sync::<andel_core::Error>();
}

/// Rebild in case 2.8 (high, 5.590.000,00) is in five allocations: the
/// scenario's, three years' (50/30/20 %) and the comparison's; each
/// sentence says which, and the years' amounts add up to the whole's.
#[test]
fn an_explanation_names_the_allocation_it_is_about() {
    let r = run("2.8-self-harm-offer.json");
    let high = r.scenarios.iter().find(|s| s.name == "høj").unwrap();
    let why = andel_core::present::explain_in_scenario(
        high,
        "Rebild",
        "party",
        andel_core::present::Language::En,
        andel_core::tabular::NumberStyle::Plain,
    )
    .unwrap();
    let leads: Vec<&str> = why
        .iter()
        .map(|l| &l[..l.find("Rebild").unwrap()])
        .collect();
    assert_eq!(
        leads,
        [
            "",
            "year 1: ",
            "year 2: ",
            "year 3: ",
            "compare (befolkning 1. januar 2025 (BY2)): "
        ]
    );
    // 5.590.000,00 × 30.646/569.903 = 300.597,0138… → 300.597,01.
    assert!(
        why[0].contains("rounded down to DKK 300597.01,"),
        "{}",
        why[0]
    );
    let amount = |l: &str| {
        let at = l.find(" to DKK ").unwrap() + " to DKK ".len();
        let digits: String = l[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        Decimal::from_str(digits.trim_end_matches('.')).unwrap()
    };
    let years: Decimal = why[1..4].iter().map(|l| amount(l)).sum();
    assert_eq!(years, Decimal::from_str("300597.01").unwrap());
    assert!(why[1].contains("years are rounded together"), "{}", why[1]);
    // In Danish, the same leads in Danish.
    let danish = high.explain("Rebild", "party").unwrap();
    assert!(
        danish[1].starts_with("år 1: Rebild: 30.646 af 569.903"),
        "{}",
        danish[1]
    );
    assert!(
        danish[4].starts_with("sammenligning (befolkning 1. januar 2025 (BY2)): "),
        "{}",
        danish[4]
    );
    // The CSV labels the same allocations in the same order.
    let csv = r.to_csv(andel_core::tabular::Dialect::Plain);
    let parts: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("høj,") && l.contains(",840,"))
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(parts, ["", "1", "2", "3", "compare"]);
}

/// Actual figures are given for every party that takes part: one left out
/// is an error naming it, never a silent 0 (-100 %); an excluded party may
/// be left out.
#[test]
fn actual_figures_leave_no_party_out() {
    let doc = |actual: &str| {
        format!(
            r#"{{"version": 1, "key": {{"weights": [{{"id": "A", "weight": 1}}, {{"id": "B", "weight": 2}}, {{"id": "C", "weight": 1}}], "exclude": ["C"]}},
               "rounding": {{"places": {{}}}}, "scenarios": [{{"name": "s", "total": 3}}], "actual": {actual}}}"#
        )
    };
    let e = compute_json(&doc(r#"{"A": 1}"#)).unwrap_err();
    assert_eq!((e.code(), e.field()), ("document", Some("actual.B")), "{e}");
    assert!(e.to_string().contains("0 where it had none"), "{e}");
    let r = compute_json(&doc(r#"{"A": 1, "B": 0}"#)).unwrap();
    let rows = r.scenarios[0].attainment.as_ref().unwrap();
    // A: dimensioned 1, had 1; B: dimensioned 2, had 0 (-100 %); C excluded, nothing.
    let diff: Vec<(String, String)> = rows
        .iter()
        .map(|x| (x.id.clone(), x.difference.to_string()))
        .collect();
    assert_eq!(
        diff,
        [
            ("A".into(), "0".into()),
            ("B".into(), "-2".into()),
            ("C".into(), "0".into())
        ]
    );
}

/// What reading CSV weights left out (a Statbank export's national and
/// regional totals) is shown after the document's assumptions, with the
/// key it was read for; a file without totals adds nothing.
#[test]
fn rows_a_csv_left_out_are_shown_with_the_assumptions() {
    let statbank = "OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nRegion Nordjylland;2022K1;591740\nLæsø;2022K1;1769\n";
    let doc = serde_json::json!({
        "version": 1,
        "assumptions": ["Befolkning 2022."],
        "key": {"csv": {"text": statbank}},
        "compare": {"key": {"csv": {"text": "kommune;vægt\nAalborg;1\nLæsø;1\n"}}},
        "scenarios": [{"name": "s", "total": "100"}]
    });
    let r = compute_json(&doc.to_string()).unwrap();
    // The document's assumptions as given; the rows left out as data, in
    // the file's order, at the field that read them.
    assert_eq!(r.assumptions, ["Befolkning 2022."]);
    let left_out = |line: u64, text: &str, why: LeftOut| ReadNote {
        at: "key.csv".into(),
        note: CsvNote::LeftOut {
            line,
            text: text.into(),
            why,
        },
    };
    assert_eq!(
        r.read_notes,
        [
            left_out(2, "Hele landet;2022K1;5873420", LeftOut::NationalTotal),
            left_out(
                4,
                "Region Nordjylland;2022K1;591740",
                LeftOut::RegionalTotal
            ),
        ]
    );
    // A view says them after the assumptions, in its language.
    let assumptions = |language| document_view(&r, language, NumberStyle::Danish).assumptions;
    assert_eq!(
        assumptions(Language::Da),
        [
            "Befolkning 2022.",
            "CSV-vægtene: udeladt linje 2 «Hele landet;2022K1;5873420» (landstallet), linje 4 «Region Nordjylland;2022K1;591740» (en regions samlede tal)."
        ]
    );
    assert_eq!(
        assumptions(Language::En),
        [
            "Befolkning 2022.",
            "The CSV weights: left out line 2 \"Hele landet;2022K1;5873420\" (the national total), line 4 \"Region Nordjylland;2022K1;591740\" (a regional total)."
        ]
    );
    // The JSON keeps stable machine names.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["read_notes"][0],
        serde_json::json!({"at": "key.csv", "note": {"kind": "left_out", "line": 2,
            "text": "Hele landet;2022K1;5873420", "why": "national_total"}})
    );
    // 100 × 221082/222851 = 99.2062 → 99.21; Læsø 0.79.
    assert_eq!(
        amounts(&r.scenarios[0].allocation),
        expect(&[("851", "99.21"), ("825", "0.79")])
    );
}

/// Every year of population a document of the minutes uses, wherever in the
/// document (a key, a blend, a nest's members, a comparison), is named in
/// its own words as "1. januar YEAR", and the 2025 figures with their table.
#[test]
fn every_example_names_the_year_of_the_population_it_uses() {
    fn years(v: &serde_json::Value, out: &mut Vec<i64>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if k == "population" || k == "regions" {
                        if let Some(y) = x.get("year").and_then(serde_json::Value::as_i64) {
                            out.push(y);
                        }
                    }
                    years(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| years(x, out)),
            _ => {}
        }
    }
    let folder = format!("{}/../examples", env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut used = Vec::new();
        years(&doc, &mut used);
        let text = format!(
            "{} {} {}",
            doc["note"].as_str().unwrap_or(""),
            doc["assumptions"],
            doc["compare"]["label"].as_str().unwrap_or("")
        );
        for y in used {
            assert!(
                text.contains(&format!("1. januar {y}")),
                "{}: population of {y} not named",
                path.display()
            );
            if y == 2025 {
                assert!(
                    text.contains("BY2"),
                    "{}: 2025 without its table",
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
}

#[test]
fn status_tables_add_up_and_say_what_each_column_holds() {
    // 2021: minimum 6.000 + 3.000 = 9.000 (our reading) against 5.753 +
    // 3.496 = 9.249 students: +249, 249/9.000 = 2,766… % → 2,77 %.
    let r = run("2.9-status-2021.json");
    let t = r.scenarios[0].attainment_total.as_ref().unwrap();
    assert_eq!(
        (t.dimensioned, t.actual, t.difference, t.percent),
        (
            Decimal::from(9000),
            Decimal::from(9249),
            Decimal::from(249),
            Some(Decimal::from_str("2.77").unwrap())
        )
    );
    assert_eq!(r.actual_label.as_deref(), Some("elever 2021"));
    // January-August: 2021 is 3.813 + 282 = 4.095 and 2.714 - 215 = 2.499,
    // 6.594 in all; 2022 is 3.813 + 2.714 = 6.527: -67, -67/6.594 =
    // -1,016… % → -1,02 %.
    let r = run("2.9-status-jan-aug-2022.json");
    let t = r.scenarios[0].attainment_total.as_ref().unwrap();
    assert_eq!(
        (t.dimensioned, t.actual, t.difference, t.percent),
        (
            Decimal::from(6594),
            Decimal::from(6527),
            Decimal::from(-67),
            Some(Decimal::from_str("-1.02").unwrap())
        )
    );
    assert_eq!(r.scenarios[0].name, "januar-august 2021");
    assert_eq!(r.actual_label.as_deref(), Some("januar-august 2022"));
    // A label without the figures it names is refused.
    let bad = example("2.4-dk2020.json").replacen(
        "\"version\": 1,",
        "\"version\": 1, \"actual_label\": \"x\",",
        1,
    );
    assert_eq!(error_of(&bad).field(), Some("actual_label"));
}

#[test]
fn case_2_9_municipalities_by_programme_add_up_both_ways() {
    // Reading A: Aalborg 228 assistant (610 × 37,3613 % = 227,90 → 228)
    // and 114 helper (305 × 37,3613 % = 113,95 → 114): 342; Læsø 2 + 1 = 3
    // (1,82 → 2 and 0,91 → 1); the columns 610 and 305, 915 in all.
    let r = run("2.9-sosu-nordjylland.json");
    let t = r.scenarios[0].nested.as_ref().unwrap().by_member().unwrap();
    let row = |id: &str| t.rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        (row("851").cells.clone(), row("851").total),
        (vec![228, 114], 342)
    );
    assert_eq!(
        (row("825").cells.clone(), row("825").total),
        (vec![2, 1], 3)
    );
    assert_eq!(t.rows.iter().map(|r| r.total).sum::<u64>(), 915);
    assert_eq!(
        t.groups.iter().map(|g| g.units).collect::<Vec<_>>(),
        [610, 305]
    );
    for (j, g) in t.groups.iter().enumerate() {
        assert_eq!(t.rows.iter().map(|r| r.cells[j]).sum::<u64>(), g.units);
    }
    // Reading B: Aalborg 164 + 114 = 278, 438 + 305 = 743 in all.
    let r = run("2.9-sosu-nordjylland-regions-keep-share.json");
    let t = r.scenarios[0].nested.as_ref().unwrap().by_member().unwrap();
    assert_eq!(t.rows.iter().find(|r| r.id == "851").unwrap().total, 278);
    assert_eq!(t.total, 743);
    // The KKR-level nestings have different members per group: no table.
    let r = run("2.9-sosu-assistant.json");
    assert!(r.scenarios[0]
        .nested
        .as_ref()
        .unwrap()
        .by_member()
        .is_none());
}

#[test]
fn the_meeting_summary_per_municipality() {
    use andel_core::summary::{summary, SummaryTotal, SummaryUnit};
    let folder = format!("{}/../examples", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let results: Vec<DocumentResult> = names.iter().map(|n| run(n)).collect();
    let m = summary(&results).unwrap();
    let heads: Vec<&str> = m.columns.iter().map(|c| c.head.as_str()).collect();
    // Kroner first (2.4, then 2.8's two scenarios), then places; the
    // documents come in file-name order here.
    assert_eq!(
        &heads[..3],
        ["2.4 DK2020", "2.8 selvskade lav", "2.8 selvskade høj"]
    );
    assert!(m.columns[3..]
        .iter()
        .all(|c| matches!(c.unit, SummaryUnit::Places { .. })));
    assert_eq!(m.totals, [SummaryTotal::Lowest, SummaryTotal::Highest]);
    // Aalborg pays 74.349 (2.4, whole kroner) + 1.658.397,22 (2.8 low) =
    // 1.732.746,22, or with 2.8 high (2.168.524,08) 2.242.873,08; Læsø and
    // Morsø take no part in 2.8 and pay only 2.4 (595 and 6.749).
    let row = |id: &str| m.rows.iter().find(|r| r.id == id).unwrap();
    let d = |s: &str| Decimal::from_str(s).unwrap();
    assert_eq!(row("851").kroner, [d("1732746.22"), d("2242873.08")]);
    assert_eq!(row("825").kroner, [d("595"), d("595")]);
    assert_eq!(row("773").kroner, [d("6749"), d("6749")]);
    // In all: 199.000 + 4.275.000 and 199.000 + 5.590.000.
    assert_eq!(m.kroner, [d("4474000"), d("5789000")]);
    // Places, never added: Aalborg's 2.12 places are 215 (of 575 for the
    // municipalities; the region's 45 is not a municipality's), its 2.9
    // assistant places 228 in reading A and 164 in reading B.
    let col = |head: &str| heads.iter().position(|h| *h == head).unwrap();
    let cell = |id: &str, head: &str| row(id).cells[col(head)];
    assert_eq!(cell("851", "2.12 pædagogpraktik"), Some(Decimal::from(215)));
    assert_eq!(
        m.columns[col("2.12 pædagogpraktik")].total,
        Decimal::from(575)
    );
    assert_eq!(
        cell("851", "2.9 A Social- og sundhedsassistent"),
        Some(Decimal::from(228))
    );
    assert_eq!(
        cell("851", "2.9 B Social- og sundhedsassistent"),
        Some(Decimal::from(164))
    );
    assert_eq!(m.rows.len(), 11);
    // A document that counts must round what it says: places or kroner.
    let bad = example("2.4-dk2020.json").replace(
        "\"case\": \"2.4 DK2020\"",
        "\"case\": \"2.4 DK2020\", \"places\": \"x\"",
    );
    assert_eq!(error_of(&bad).field(), Some("summary.places"));
    // And it must have municipalities.
    let none = compute_json(
        r#"{"version": 1, "summary": {"case": "x"}, "key": {"weights": [{"id": "a", "weight": 1}]},
            "scenarios": [{"name": "x", "total": "1.00"}]}"#,
    )
    .unwrap();
    assert_eq!(
        summary(&[none]).unwrap_err().field(),
        Some("results[0].summary")
    );
}

#[test]
fn a_nests_priority_orders_name_parties_by_the_one_rule() {
    // Two groups of weight 1 share 3 places: 1,5 each, one place in a tie
    // that the lot ["Syd", "Nord"] (shown names) gives to S: S 2, N 1.
    // N's one place between 851 and 860 (0,5 each) is a tie too, and the
    // members' lot names Hjørring by its municipality name (860 has no shown
    // name): 860 gets it. S's 2 places go 1 and 1, no tie.
    let doc = |groups_ties: &str, member_ties: &str| {
        format!(
            r#"{{"version": 1, "nest": {{
              "groups": {{"weights": [{{"id": "N", "name": "Nord", "weight": 1}},
                                     {{"id": "S", "name": "Syd", "weight": 1}}]}},
              "members": {{"N": {{"weights": [{{"id": "851", "weight": 1}}, {{"id": "860", "weight": 1}}]}},
                          "S": {{"weights": [{{"id": "a", "name": "Alfa", "weight": 1}},
                                            {{"id": "b", "name": "Beta", "weight": 1}}]}}}},
              "member_places": {{"method": "hamilton", "ties": {{"priority": {member_ties}}}}}}},
              "rounding": {{"places": {{"method": "hamilton", "ties": {{"priority": {groups_ties}}}}}}},
              "scenarios": [{{"name": "s", "total": 3}}]}}"#
        )
    };
    let r = compute_json(&doc(
        r#"["Syd", "Nord"]"#,
        r#"["Hjørring", "Beta", "851", "Alfa"]"#,
    ))
    .unwrap();
    let json = serde_json::to_value(&r).unwrap();
    let nested = &json["scenarios"][0]["nested"];
    let units = |group: usize| -> Vec<(String, u64)> {
        nested["per_group"][group]["members"]["parties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap().to_string(),
                    p["units"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let groups: Vec<(String, u64)> = nested["per_group"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap().to_string(),
                g["units"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(groups, vec![("N".to_string(), 1), ("S".to_string(), 2)]);
    assert_eq!(
        units(0),
        vec![("851".to_string(), 0), ("860".to_string(), 1)]
    );
    assert_eq!(units(1), vec![("a".to_string(), 1), ("b".to_string(), 1)]);
    // The other way round by ids: N wins the groups' tie (N 2, 851 and 860
    // one each), S's one place is a tie of a and b that the lot gives to b.
    let r = compute_json(&doc(r#"["N", "S"]"#, r#"["851", "860", "b", "a"]"#)).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    let nested = &json["scenarios"][0]["nested"]["per_group"];
    assert_eq!(
        (&nested[0]["units"], &nested[1]["units"]),
        (&2.into(), &1.into())
    );
    assert_eq!(nested[1]["members"]["parties"][1]["units"], 1);
    // A name nobody has is an error at its place in the order.
    let e = error_of(&doc(r#"["Vest", "Nord"]"#, r#"["851"]"#));
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_party", Some("rounding.places.ties.priority[0]"))
    );
    // Among members that are municipalities, an unknown name is taken for
    // a misspelt municipality (the rule's error, with the closest names).
    let e = error_of(&doc(r#"["N"]"#, r#"["851", "Gamma"]"#));
    assert_eq!(
        (e.code(), e.field()),
        (
            "unknown_municipality",
            Some("nest.member_places.ties.priority[1]")
        )
    );
}
