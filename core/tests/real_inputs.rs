//! Files made the way Danish desks make them (issue 28): Statbank exports in
//! Windows-1252, Excel's "Unicode text" (UTF-16), a `kommune;befolkning`
//! sheet with its totals, the web export with its title line. Each gives
//! case 2.8 of the minutes: 4.275.000 kr. among the nine municipalities of
//! Nordjylland without Læsø and Morsø by their 2022 population.
//!
//! The files in tests/inputs/ were written by Python's own codecs
//! (`"…".encode("cp1252")`, `"utf-16-le"` after a BOM), not by andel, from
//! Statistics Denmark's FOLK1A 2022K1 figures. The expected amounts were
//! worked out apart from andel with exact fractions (Python's `Fraction`):
//! the nine populations add up to 569.903; Aalborg's quota is
//! 427.500.000 øre × 221.082 / 569.903 = 165.839.722,54…, and Hamilton's
//! four leftover øre go to Hjørring, Frederikshavn, Thisted and Jammerbugt,
//! whose remainders are larger; so Aalborg gets 1.658.397,22 and Rebild
//! 229.884,12, the figures of the minutes' item 2.8.

// Test helpers may fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::encoding::Encoding;
use andel_core::present::{document_notes, left_out, said, Language};
use andel_core::tabular::{
    read_weights, read_weights_bytes, CsvColumns, CsvNote, CsvWeights, LeftOut,
};
use andel_core::{data, Decimal, SplitOptions};

fn file(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/inputs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Case 2.8's split of what was read: Aalborg's and Rebild's amounts.
fn case_2_8(read: &CsvWeights) -> (Decimal, Decimal) {
    let key = data::exclude_named(&read.key, &["Læsø", "Morsø"], "exclude").unwrap();
    assert_eq!(key.total_weight(), Decimal::from(569_903));
    let a = key
        .split(Decimal::from(4_275_000), &SplitOptions::default())
        .unwrap();
    let amount = |code: &str| {
        a.parties
            .iter()
            .find(|p| p.id == code)
            .map(|p| p.amount)
            .unwrap()
    };
    (amount("851"), amount("840"))
}

fn aalborg_rebild() -> (Decimal, Decimal) {
    (Decimal::new(165_839_722, 2), Decimal::new(22_988_412, 2))
}

fn reasons(r: &CsvWeights) -> Vec<(u64, LeftOut)> {
    r.skipped
        .iter()
        .map(|(line, _, why)| (*line, *why))
        .collect()
}

#[test]
fn a_windows_1252_statbank_export_gives_2_8() {
    let r = read_weights_bytes(
        &file("folk1a-2022-nordjylland-cp1252.csv"),
        &CsvColumns::default(),
    )
    .unwrap();
    assert_eq!(r.encoding, Some(Encoding::Windows1252));
    assert_eq!(r.key.parties().len(), 11);
    assert_eq!(r.key.parties()[5].name.as_deref(), Some("Læsø"));
    // "000 Hele landet" and "081 Region Nordjylland": left out by code.
    assert_eq!(
        reasons(&r),
        [(2, LeftOut::NationalTotal), (3, LeftOut::RegionalTotal)]
    );
    assert_eq!(
        r.notes,
        [CsvNote::Encoding {
            encoding: Encoding::Windows1252
        }]
    );
    assert_eq!(
        said(&r, Language::Da),
        [
            "læst som Windows-1252 (filen er ikke UTF-8)",
            "udeladt linje 2 «000 Hele landet;2022K1;5873420» (landstallet), \
             linje 3 «081 Region Nordjylland;2022K1;591740» (en regions samlede tal)"
        ]
    );
    assert_eq!(
        said(&r, Language::En)[0],
        "read as Windows-1252 (the bytes are not UTF-8)"
    );
    assert_eq!(case_2_8(&r), aalborg_rebild());
}

#[test]
fn excel_unicode_text_with_danish_thousands_gives_2_8() {
    let r = read_weights_bytes(
        &file("nordjylland-2022-excel-unicode.txt"),
        &CsvColumns::default(),
    )
    .unwrap();
    assert_eq!(r.encoding, Some(Encoding::Utf16le));
    assert_eq!((r.separator, r.decimal), ('\t', ','));
    // "221.082" is read the Danish way in a tab separated text, and said.
    assert!(
        said(&r, Language::En)
            .iter()
            .any(|s| s.contains("\"20.068\" is 20068") && s.contains("tab separated")),
        "{:?}",
        said(&r, Language::En)
    );
    // In Danish: Morsø's 20.068 (line 2 of the file) is twenty thousand and
    // sixty-eight, and the tabs are why.
    assert!(
        said(&r, Language::Da).iter().any(|s| s.contains(
            "(linje 2: «20.068» er 20068), fordi teksten er tabulatorsepareret \
             som celler kopieret fra dansk Excel"
        )),
        "{:?}",
        said(&r, Language::Da)
    );
    assert_eq!(reasons(&r), [(13, LeftOut::NationalTotal)]); // "I alt"
    assert_eq!(case_2_8(&r), aalborg_rebild());
}

#[test]
fn totals_are_left_out_whatever_the_header() {
    let r =
        read_weights_bytes(&file("nordjylland-2022-totals.csv"), &CsvColumns::default()).unwrap();
    assert_eq!(r.encoding, Some(Encoding::Utf8));
    assert_eq!(
        reasons(&r),
        [(2, LeftOut::NationalTotal), (3, LeftOut::RegionalTotal)]
    );
    assert_eq!(
        left_out(&r, Language::En).unwrap(),
        "left out line 2 \"Hele landet;5.873.420\" (the national total), \
         line 3 \"Region Nordjylland;591.740\" (a regional total)"
    );
    assert_eq!(
        left_out(&r, Language::Da).unwrap(),
        "udeladt linje 2 «Hele landet;5.873.420» (landstallet), \
         linje 3 «Region Nordjylland;591.740» (en regions samlede tal)"
    );
    assert_eq!(case_2_8(&r), aalborg_rebild());
}

#[test]
fn a_statbank_web_export_with_its_title_line_gives_2_8() {
    let r =
        read_weights_bytes(&file("folk1a-2022-web-export.csv"), &CsvColumns::default()).unwrap();
    assert_eq!(
        reasons(&r),
        [
            (1, LeftOut::Title),
            (3, LeftOut::NationalTotal),
            (4, LeftOut::RegionalTotal),
            (16, LeftOut::Footnote)
        ]
    );
    assert_eq!(
        r.skipped[0].1,
        "Befolkningen den 1. i kvartalet efter område, tid"
    );
    assert_eq!(case_2_8(&r), aalborg_rebild());
}

#[test]
fn a_row_that_is_the_sum_of_the_others_is_a_total() {
    let read = |t: &str| read_weights(t, &CsvColumns::default()).unwrap();
    // 6 = 1 + 2 + 3: the last row is a total, whatever its name.
    let r = read("navn,vægt\nA,1\nB,2\nC,3\nSamlet,6\n");
    assert_eq!(r.key.ids(), ["A", "B", "C"]);
    assert_eq!(reasons(&r), [(5, LeftOut::SumOfOthers)]);
    // The same as the first row.
    let r = read("navn,vægt\nSamlet,6\nA,1\nB,2\nC,3\n");
    assert_eq!(r.key.ids(), ["A", "B", "C"]);
    // A municipality is never a total by its weight (Aalborg 3 = 1 + 2),
    // and a row in the middle is not looked at.
    let r = read("navn,vægt\nAalborg,3\nB,1\nC,2\n");
    assert_eq!(r.key.ids(), ["851", "B", "C"]);
    let r = read("navn,vægt\nA,1\nB,3\nC,2\n");
    assert!(r.skipped.is_empty());
    // Two rows: one equal to the other is no total.
    let r = read("navn,vægt\nA,1\nB,1\n");
    assert_eq!(r.key.ids(), ["A", "B"]);
    // keep_totals keeps it, and keeps a region as a party (2.12's region).
    let keep = CsvColumns {
        keep_totals: Some(true),
        ..CsvColumns::default()
    };
    let r = read_weights("navn,vægt\nA,1\nB,2\nC,3\nSamlet,6\n", &keep).unwrap();
    assert_eq!(r.key.ids(), ["A", "B", "C", "Samlet"]);
    let r = read_weights(
        "part;vægt\nRegion Nordjylland;7,2\nHele landet;100\nAalborg;92,8\n",
        &keep,
    )
    .unwrap();
    assert_eq!(r.key.ids(), ["Region Nordjylland", "851"]);
    assert_eq!(reasons(&r), [(3, LeftOut::NationalTotal)]);
}

#[test]
fn codes_and_names_of_totals() {
    let read = |t: &str| read_weights(t, &CsvColumns::default()).unwrap();
    for total in ["000", "000 Hele landet", "I alt", "Total", "hele landet"] {
        let r = read(&format!("kode;antal\n{total};10\n851;7\n860;2\n"));
        assert_eq!(reasons(&r), [(2, LeftOut::NationalTotal)], "{total}");
    }
    for region in [
        "081",
        "084 Region Hovedstaden",
        "Region Syddanmark",
        "Landsdel Fyn",
    ] {
        let r = read(&format!("kode;antal\n{region};10\n851;7\n860;2\n"));
        assert_eq!(reasons(&r), [(2, LeftOut::RegionalTotal)], "{region}");
    }
    // A key between the regions has them as its parties.
    let r = read("område;antal\nRegion Hovedstaden;3\nRegion Nordjylland;1\n");
    assert_eq!(r.key.parties().len(), 2);
    // Empty Excel rows (;;) are no rows.
    let r = read("kommune;antal\nAalborg;1\n;\nLæsø;2\n");
    assert_eq!(r.key.ids(), ["851", "825"]);
}

#[test]
fn the_decimal_rule_for_danish_text() {
    let read = |t: &str| read_weights(t, &CsvColumns::default());
    // A tab separated paste of whole numbers with thousands dots (review M9).
    let r = read("Aalborg\t221.082\nHjørring\t63.839\n").unwrap();
    assert_eq!(
        r.key.weights(),
        [Decimal::from(221_082), Decimal::from(63_839)]
    );
    // A comma file is not Danish Excel (which writes ; with decimal
    // commas), whatever its header: it asks.
    let e = read("kommune,befolkning\nAalborg,\"221.082\"\nHjørring,\"63.839\"\n").unwrap_err();
    assert!(e.to_string().contains("decimal"), "{e}");
    // An English comma file that reads both ways still asks.
    let e = read("name,weight\nA,1.250\nB,2.500\n").unwrap_err();
    assert!(e.to_string().contains("decimal"), "{e}");
    // Cells that read one way only need no rule and no note.
    let r = read("Aalborg\t221082\nHjørring\t0,5\n").unwrap();
    assert!(r.notes.is_empty());
}

/// A FOLK1A-style file for 2026 (a year andel does not ship), in the API's
/// CSV (Windows-1252, men and women apart, two quarters, age groups
/// 0-64, 65-79, 80+ and "Alder i alt") and the web's matrix export of the
/// same figures. The figures are made up by a rule (tests/inputs/README.md):
/// P = BY2 2025 + 100; per sex 80+ = ⌊7 %⌋, 65-79 = ⌊19 %⌋. Aalborg: P =
/// 224.712, men 112.356 (65-79: 21.347, 80+: 7.864), women 112.356 (the
/// same): 65+ = 2 × (21.347 + 7.864) = 58.422. Læsø: P = 1.819, men 909
/// (172 + 63), women 910 (172 + 63): 470. Nordjylland's 65+ add up to
/// 154.381, so 1.000.000 kr. by 65+ gives Aalborg 100.000.000 øre × 58.422 /
/// 154.381 = 37.842.739,715… øre, rounded up (its remainder ,715 is among
/// the 8 largest of the 11) → 378.427,40; Læsø × 470 / 154.381 =
/// 304.441,608… øre, rounded down (,608 is not) → 3.044,41; worked out with
/// Python's Fraction and Hamilton's largest remainders.
#[test]
fn a_folk1a_file_of_2026_gives_a_key_by_65_and_over() {
    use andel_core::statbank::{read_population, Ages};
    let over_65 = Some(Ages {
        from: Some(65),
        to: None,
    });
    for name in ["folk1a-2026-ages.csv", "folk1a-2026-matrix.csv"] {
        let p = read_population(&file(name), Some(2026), over_65).unwrap();
        assert_eq!(
            (p.period.as_str(), p.date.as_str()),
            ("2026K1", "2026-01-01")
        );
        let key = p.key(Some(data::Region::Nordjylland)).unwrap();
        assert_eq!(key.total_weight(), Decimal::from(154_381), "{name}");
        let a = key
            .split(Decimal::from(1_000_000), &SplitOptions::default())
            .unwrap();
        let amount = |code: &str| a.parties.iter().find(|p| p.id == code).unwrap().amount;
        assert_eq!(amount("851"), Decimal::new(37_842_740, 2), "{name}");
        assert_eq!(amount("825"), Decimal::new(304_441, 2), "{name}");
        // All ages: Aalborg's 224.712, from "Alder i alt" (or the groups).
        let all = read_population(&file(name), Some(2026), None).unwrap();
        let key = all.key(Some(data::Region::Nordjylland)).unwrap();
        assert_eq!(key.parties()[9].weight, Decimal::from(224_712), "{name}");
    }
    let bytes = file("folk1a-2026-ages.csv");
    // 2025 is the file's 2025K4 (P = BY2 2025 − 50): Aalborg 224.562.
    let p = read_population(&bytes, Some(2025), None).unwrap();
    assert_eq!(p.date, "2025-10-01");
    assert!(p.counts.contains(&("851".to_string(), 224_562)));
    // Errors: a year not in the file, ages the groups cannot give, a
    // municipality the file lacks.
    let e = read_population(&bytes, Some(2027), None).unwrap_err();
    assert_eq!(e.code(), "period_not_in_file");
    assert!(e.to_string().contains("2025K4, 2026K1"), "{e}");
    let e = read_population(
        &bytes,
        Some(2026),
        Some(Ages {
            from: Some(70),
            to: None,
        }),
    )
    .unwrap_err();
    assert_eq!(e.code(), "ages_not_in_file");
    assert!(e.to_string().contains("[0-64, 65-79, 80-]"), "{e}");
    let e = p.key(Some(data::Region::Hovedstaden)).unwrap_err();
    assert_eq!(e.code(), "missing_municipality");
    assert!(e.to_string().contains("København (101)"), "{e}");
}

/// A document names its population file; the result says where the
/// figures come from.
#[test]
fn a_document_reads_its_population_file() {
    use andel_core::document::{compute_with, parse, FileAccess};
    let doc = parse(
        r#"{"version": 1,
            "key": {"population": {"region": "Nordjylland", "year": 2026,
                                   "file": "folk1a-2026-ages.csv", "ages": {"from": 65}}},
            "scenarios": [{"name": "ældre", "total": "1000000"}]}"#,
    )
    .unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/inputs");
    let r = compute_with(&doc, &FileAccess::Under(dir)).unwrap();
    let aalborg = r.scenarios[0].allocation.get("851").unwrap();
    assert_eq!(aalborg.amount, Decimal::new(37_842_740, 2));
    // The note is data; a view says it in its language.
    assert!(r.assumptions.is_empty());
    assert_eq!(
        r.read_notes,
        [andel_core::tabular::ReadNote {
            at: "key.population".into(),
            note: CsvNote::Population {
                file: "folk1a-2026-ages.csv".into(),
                period: "2026K1".into(),
                date: "2026-01-01".into(),
                ages: andel_core::statbank::Ages {
                    from: Some(65),
                    to: None
                },
            },
        }]
    );
    assert_eq!(
        document_notes(&r, Language::En),
        ["The population file: population on 2026-01-01 (2026K1 in folk1a-2026-ages.csv), 65 years and over."]
    );
    assert_eq!(
        document_notes(&r, Language::Da),
        ["Befolkningsfilen: befolkning pr. 2026-01-01 (2026K1 i folk1a-2026-ages.csv), 65 år og derover."]
    );
    // Without file access the file is refused, at its field.
    let e = compute_with(&doc, &FileAccess::None).unwrap_err();
    assert_eq!(e.field(), Some("key.population.file"));
}

/// A population file's text inline (`population.text`: the web form's
/// upload, where files cannot be read) is read as `file` is: the key counts
/// inhabitants of the file's year and ages, the note says the period.
#[test]
fn a_document_with_its_population_file_as_text() {
    use andel_core::document::{compute_json, parse};
    use andel_core::present::{document_view, explain_in_scenario};
    use andel_core::tabular::NumberStyle;
    // Nordjylland's eleven municipalities (the key needs all of the
    // region's), each with 0-64 and 65+ figures; only Aalborg and Læsø are
    // kept (`municipalities`): 40.000 and 700 aged 65 and over.
    let names = [
        ("Aalborg", 40_000),
        ("Brønderslev", 8_000),
        ("Frederikshavn", 16_000),
        ("Hjørring", 19_000),
        ("Jammerbugt", 10_000),
        ("Læsø", 700),
        ("Mariagerfjord", 11_000),
        ("Morsø", 5_500),
        ("Rebild", 6_500),
        ("Thisted", 11_500),
        ("Vesthimmerlands", 9_000),
    ];
    let mut text = String::from("OMRÅDE;ALDER;TID;INDHOLD\n");
    for (name, old) in names {
        text += &format!(
            "{name};0-64 år;2026K1;{}\n{name};65 år og derover;2026K1;{old}\n",
            3 * old
        );
    }
    let doc = |extra: &str| {
        format!(
            r#"{{"version": 1,
              "key": {{"population": {{"region": "Nordjylland", "year": 2026, "text": {},
                                      "ages": {{"from": 65}}, "municipalities": ["Aalborg", "Læsø"]{extra}}}}},
              "scenarios": [{{"name": "ældre", "total": "1000"}}]}}"#,
            serde_json::to_string(&text).unwrap()
        )
    };
    let r = compute_json(&doc("")).unwrap();
    // By hand: 1000 × 40.000/40.700 = 982,800982…, 1000 × 700/40.700 =
    // 17,199017…; down to 982,80 + 17,19 = 999,99, and the last øre goes to
    // Læsø, whose remainder (0,009017) is the larger (Aalborg's 0,000982).
    let a = &r.scenarios[0].allocation;
    assert_eq!(a.get("851").unwrap().amount, Decimal::new(98_280, 2));
    assert_eq!(a.get("825").unwrap().amount, Decimal::new(1_720, 2));
    // The key counts inhabitants of 2026 aged 65 and over, not weights.
    let view = document_view(&r, Language::Da, NumberStyle::Danish).text();
    assert!(view.contains("indbyggere 2026, 65 år og derover"), "{view}");
    assert!(!view.contains("vægt"), "{view}");
    let why = explain_in_scenario(
        &r.scenarios[0],
        "Læsø",
        "party",
        Language::Da,
        NumberStyle::Danish,
    )
    .unwrap()
    .join(" ");
    assert!(why.contains("700 af 40.700 indbyggere"), "{why}");
    assert!(!why.contains("vægt"), "{why}");
    // The note: the period, without a file name.
    assert_eq!(
        document_notes(&r, Language::Da),
        ["Befolkningsfilen: befolkning pr. 2026-01-01 (2026K1), 65 år og derover."]
    );
    // The same reader's errors, at the population's fields: ages the groups
    // cannot give; file and text together.
    let e = compute_json(&doc("").replace(r#""from": 65"#, r#""from": 70"#)).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("ages_not_in_file", Some("key.population.ages"))
    );
    // Said in Danish all through: the ages too, not the English "years".
    assert_eq!(
        e.message(Language::Da),
        "key.population.ages: befolkningsfilens aldersgrupper (0-64, 65-) kan ikke give 70 år og derover præcist"
    );
    let e = parse(&doc(r#", "file": "x.csv""#)).and_then(|d| {
        andel_core::document::compute_with(&d, &andel_core::document::FileAccess::None)
    });
    assert_eq!(e.unwrap_err().field(), Some("key.population.text"));
}
