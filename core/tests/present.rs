//! The presentation layer: typed CSV problems said in both languages, and
//! Danish output free of the English catalogue's words.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::present::Language;
use andel_core::tabular::{read_weights, CsvColumns};
use andel_core::{CsvProblem, Decimal, Error};

fn problem(text: &str, columns: &CsvColumns) -> (u64, CsvProblem, Error) {
    let e = read_weights(text, columns).unwrap_err();
    match &e {
        Error::Csv {
            line,
            problem: Some(p),
            ..
        } => (*line, (**p).clone(), e.clone()),
        other => panic!("not a typed CSV problem: {other:?}"),
    }
}

/// The CSV problems the web form once read out of English messages with
/// regular expressions are kinds with their details as fields, and each has
/// a Danish message from the catalogue.
#[test]
fn csv_problems_are_typed_and_said_in_danish() {
    let none = CsvColumns::default();
    let cases: Vec<(&str, CsvColumns, u64, CsvProblem, &str)> = vec![
        (
            // 1.250 is 1,25 with a decimal point, 1250 with a decimal comma.
            "name,weight\nA,1.250\nB,2\n",
            none.clone(),
            2,
            CsvProblem::AmbiguousDecimal {
                text: "1.250".into(),
            },
            "«1.250» kan læses både med decimalkomma og med decimalpunktum",
        ),
        (
            // 0.072 reads only with a point, 1,5 only with a comma.
            "navn;vægt\nA;0.072\nB;1,5\n",
            none.clone(),
            3,
            CsvProblem::MixedDecimals {
                comma: "1,5".into(),
                comma_line: 3,
                point: "0.072".into(),
                point_line: 2,
            },
            "kolonnen blander decimalkomma («1,5», linje 3) og decimalpunktum («0.072», linje 2)",
        ),
        (
            "navn;vægt\nA;1.5\n",
            CsvColumns {
                decimal: Some(",".into()),
                ..CsvColumns::default()
            },
            2,
            CsvProblem::NotANumberWithMark {
                text: "1.5".into(),
                mark: ',',
            },
            "«1.5» er ikke et tal med decimaltegnet «,»",
        ),
        (
            "navn,vægt\nA,1,2\n",
            none.clone(),
            2,
            CsvProblem::RowWidth {
                found: 3,
                expected: 2,
                header: true,
            },
            "rækken har 3 felter, men overskriften har 2",
        ),
        (
            "navn,vægt\n\"A,1\n",
            none.clone(),
            2,
            CsvProblem::OpenQuote,
            "et anførselstegn åbnes her, men lukkes aldrig",
        ),
        (
            "navn,vægt\nA,-1\n",
            none.clone(),
            2,
            CsvProblem::NegativeWeight {
                value: Decimal::from(-1),
            },
            "vægten -1 er negativ",
        ),
        (
            "navn,vægt\nA,1\nA,2\n",
            none.clone(),
            3,
            CsvProblem::RepeatedParty { id: "A".into() },
            "«A» står der mere end én gang",
        ),
        (
            "navn,vægt\n",
            none.clone(),
            1,
            CsvProblem::NoParties,
            "der er ingen at fordele mellem",
        ),
    ];
    for (text, columns, line, expected, danish) in cases {
        let (at, got, e) = problem(text, &columns);
        assert_eq!((at, &got), (line, &expected), "{text:?}");
        let da = e.message(Language::Da);
        assert!(da.starts_with(&format!("CSV linje {line}")), "{da}");
        assert!(da.contains(danish), "{da}");
        // English is the error's own message, the same words as before.
        assert_eq!(e.message(Language::En), e.to_string());
        assert_eq!(got.message(Language::En), got.to_string());
        // The problem crosses to Python and JS as fields.
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "csv");
        assert!(json["problem"]["kind"].is_string(), "{json}");
        let back: Error = serde_json::from_value(json).unwrap();
        assert_eq!(back, e);
    }
}

/// Every error kind has a Danish message without the English one's words.
#[test]
fn every_error_has_a_danish_message() {
    let errors = [
        Error::NegativeWeight {
            field: "weights[1]".into(),
            value: Decimal::new(-15, 1),
        },
        Error::NotMultipleOfUnit {
            field: "amount".into(),
            amount: Decimal::new(100005, 3),
            unit: Decimal::new(1, 2),
        },
        Error::UnknownMunicipality {
            field: "exclude[0]".into(),
            query: "Fredriksberg".into(),
            suggestions: vec!["Frederiksberg (147)".into()],
        },
    ];
    let expected = [
        "weights[1]: vægten -1,5 er negativ; vægte skal være nul eller mere",
        "amount: beløbet 100,005 går ikke op i enheden 0,01",
        "exclude[0]: ukendt kommune «Fredriksberg»; mente du Frederiksberg (147)?",
    ];
    for (e, da) in errors.iter().zip(expected) {
        assert_eq!(e.message(Language::Da), da);
    }
}

/// The words of a text: runs of letters, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every word of the English catalogue that is not also Danish: those must
/// never appear in Danish output. Slots (`{total}`) are no words; a few
/// short words are Danish too ("for", "over", "by" is a town, "to" is two).
fn english_only() -> std::collections::BTreeSet<String> {
    use andel_core::present::{Language, ALL_MESSAGES, ALL_READ_MESSAGES};
    let strip = |t: &str| {
        let mut out = String::new();
        let mut in_slot = false;
        for c in t.chars() {
            match c {
                '{' => in_slot = true,
                '}' => in_slot = false,
                c if !in_slot => out.push(c),
                _ => {}
            }
        }
        out
    };
    let texts = |language: Language| -> Vec<&'static str> {
        ALL_MESSAGES
            .iter()
            .map(|&m| language.text(m))
            .chain(ALL_READ_MESSAGES.iter().map(|&m| language.read_text(m)))
            .collect()
    };
    let danish: std::collections::BTreeSet<String> = texts(Language::Da)
        .into_iter()
        .flat_map(|t| words(&strip(t)))
        .collect();
    let shared = [
        "for",
        "over",
        "under",
        "by",
        "to",
        "at",
        "i",
        "a",
        "s",
        "nordjylland",
        "kkr",
        "november",
    ];
    texts(Language::En)
        .into_iter()
        .flat_map(|t| words(&strip(t)))
        .filter(|w| !danish.contains(w) && !shared.contains(&w.as_str()))
        .collect()
}

/// The examples of the minutes, computed.
fn examples() -> Vec<(String, andel_core::document::DocumentResult)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let r = andel_core::document::compute_with(
                &andel_core::document::parse(&text).unwrap(),
                &andel_core::document::FileAccess::Under(dir.clone()),
            )
            .unwrap();
            out.push((path.display().to_string(), r));
        }
    }
    assert!(out.len() >= 10, "{}", out.len());
    out
}

/// The texts a document brings itself, longest first: its title, note and
/// assumptions, scenario names, parties' names and ids, table columns and
/// comparison labels.
fn own_texts(r: &andel_core::document::DocumentResult) -> Vec<String> {
    let mut own: Vec<String> = r
        .title
        .iter()
        .chain(&r.note)
        .chain(&r.assumptions)
        .cloned()
        .collect();
    for s in &r.scenarios {
        own.push(s.name.clone());
        for (_, a) in s.allocations() {
            for p in &a.parties {
                own.push(p.id.clone());
                own.extend(p.name.clone());
            }
        }
        if let Some(t) = &s.table {
            for c in &t.columns {
                own.push(c.id.clone());
                own.extend(c.name.clone());
            }
        }
        if let Some(c) = &s.comparison {
            own.extend(c.label.clone());
        }
    }
    own.sort_by_key(|t| std::cmp::Reverse(t.len()));
    own
}

/// Danish output holds no word of the English catalogue: the report's text
/// of every example, every table's heads and cells, and every party's
/// explanation in every allocation (the view's and the scenario's).
#[test]
fn danish_output_has_no_english_catalogue_word() {
    use andel_core::present::{document_view, explain_in_scenario, Language, Msg};
    use andel_core::tabular::NumberStyle;
    let english = english_only();
    // The catalogue words people would notice are all in the list.
    for w in [
        "assumptions",
        "scenario",
        "between",
        "within",
        "places",
        "rounding",
        "excluded",
        "total",
        "exact",
        "weight",
        "share",
        "compared",
        "dimensioned",
        "actual",
        "method",
        "largest",
        "remainder",
        "because",
        "rounded",
        "tied",
        "year",
        "split",
        "down",
        "up",
    ] {
        assert!(english.contains(w), "{w}");
    }
    let check = |what: &str, own: &[String], text: &str| {
        // The document's own texts (title, note, assumptions, names) stay
        // as written: what is left is andel's frame.
        let mut frame = text.to_string();
        for t in own {
            frame = frame.replace(t.as_str(), " ");
        }
        for w in words(&frame) {
            assert!(
                !english.contains(&w),
                "{what}: English word {w:?} in {frame:?}"
            );
        }
    };
    check("report title", &[], Language::Da.text(Msg::ReportTitle));
    let mut sentences = 0;
    for style in [NumberStyle::Danish, NumberStyle::Plain] {
        for (name, r) in examples() {
            let own = own_texts(&r);
            let view = document_view(&r, Language::Da, style);
            check(&name, &own, &view.text());
            for s in &view.scenarios {
                for section in &s.sections {
                    for row in &section.table.rows {
                        if let Some(e) = &row.explanation {
                            check(&name, &own, e);
                            sentences += 1;
                        }
                    }
                }
            }
            for s in &r.scenarios {
                for (_, a) in s.allocations() {
                    for p in &a.parties {
                        for line in
                            explain_in_scenario(s, &p.id, "party", Language::Da, style).unwrap()
                        {
                            check(&name, &own, &line);
                        }
                    }
                }
            }
        }
    }
    assert!(sentences > 200, "{sentences}");
}

/// And the other way: English output holds none of the Danish catalogue's
/// frame (the documents' own texts aside, which stay as written).
#[test]
fn english_tables_and_explanations_have_no_danish_catalogue_word() {
    use andel_core::present::{document_view, Language};
    use andel_core::tabular::NumberStyle;
    for (name, r) in examples() {
        let view = document_view(&r, Language::En, NumberStyle::Danish);
        assert_eq!(view.assumptions_heading, "Assumptions:");
        for s in &view.scenarios {
            assert!(s.heading.starts_with("Scenario \""), "{name}");
            for section in &s.sections {
                let heads: Vec<&str> = section
                    .table
                    .columns
                    .iter()
                    .map(|c| c.head.as_str())
                    .collect();
                for danish in [
                    "navn",
                    "vægt",
                    "andel",
                    "pladser",
                    "afrunding",
                    "i alt",
                    "kr.",
                ] {
                    assert!(
                        !heads.iter().any(|h| h.contains(danish)),
                        "{name}: {heads:?}"
                    );
                }
                for row in &section.table.rows {
                    if let Some(e) = &row.explanation {
                        for danish in [" af ", " giver ", "rundet", "fordi", "største", "deltager"]
                        {
                            assert!(!e.contains(danish), "{name}: {e}");
                        }
                    }
                }
            }
        }
    }
}

/// Ties, limits, divisor methods, fixed shares and blends each say what
/// they did, in words, with figures worked out by hand.
#[test]
fn explanations_say_ties_limits_methods_fixed_shares_and_blends() {
    use andel_core::present::{explain, Language};
    use andel_core::tabular::NumberStyle;
    use andel_core::{Key, Limit, Method, Options, SplitOptions};
    let da = |a: &andel_core::Allocation, id: &str| {
        explain(a, id, Language::Da, NumberStyle::Danish).unwrap()
    };
    // 2 øre by 1:1:1: each 2/3 øre (0,006667 kr.), every remainder equal; the
    // two øre go to A and B by input order, and the tie says so.
    let key = Key::from_weights(["A", "B", "C"].map(|i| (i, Decimal::ONE))).unwrap();
    let a = key
        .split(Decimal::new(2, 2), &SplitOptions::default())
        .unwrap();
    assert_eq!(
        da(&a, "C"),
        "C: 1 af 3 (33,3333 %) af 0,02 kr. giver 0,006667 kr.; rundet ned til 0,00 kr., fordi \
         resten 0,006667 kr. kun er den 3. største af 3; den stod lige med A og B om 0,02 kr., \
         og efter rækkefølgen (den først nævnte først) fik A og B."
    );
    // 10 places by 1000:10:10 with at least 1 each: the small ones are held
    // at their minimum (their quotas, 10 × 10/1020 = 0,098, would give 0).
    let key =
        Key::from_weights([("a", 1000), ("b", 10), ("c", 10)].map(|(i, w)| (i, Decimal::from(w))))
            .unwrap();
    let options = Options {
        minimum: Some(Limit::All(1)),
        ..Options::default()
    };
    let a = key.apportion(10, &options).unwrap();
    assert_eq!(a.units(), vec![8, 1, 1]);
    assert!(
        da(&a, "b").ends_with("; holdt oppe på sit mindste antal, 1 plads."),
        "{}",
        da(&a, "b")
    );
    // D'Hondt, 10 places by 221.082:63.839 (Aalborg, Hjørring): quotas
    // 7,7594 and 2,2406 (shares 77,5941 % and 22,4059 %); 221082/8 = 27635 >
    // 63839/3 = 21280, so 8 and 2.
    let key =
        Key::from_weights([("851", 221_082), ("860", 63_839)].map(|(i, w)| (i, Decimal::from(w))))
            .unwrap();
    let options = Options {
        method: Method::Dhondt,
        ..Options::default()
    };
    let a = key.apportion(10, &options).unwrap();
    assert_eq!(
        da(&a, "851"),
        "851: 221.082 af 284.921 (77,5941 %) af 10 pladser giver 7,7594 pladser; d'Hondts metode \
         runder op til 8 pladser."
    );
    assert_eq!(
        explain(&a, "860", Language::En, NumberStyle::Plain).unwrap(),
        "860: 63839 of 284921 (22.4059 %) of 10 places gives 2.2406 places; the D'Hondt method \
         rounds it down to 2 places."
    );
    // A fixed 7,2 % of 620 places is 44,64 places; the others share the rest
    // by their own weights (3:1 here): 620 × 0,928 × 3/4 = 431,52.
    let key = Key::from_weights([("A", 3), ("B", 1)].map(|(i, w)| (i, Decimal::from(w))))
        .unwrap()
        .with_fixed(&[andel_core::FixedShare {
            id: "region".into(),
            name: Some("Region Nordjylland".into()),
            share: Decimal::new(72, 3),
        }])
        .unwrap();
    let a = key.apportion(620, &Options::default()).unwrap();
    assert!(
        da(&a, "region").starts_with(
            "Region Nordjylland: en fast andel på 7,2 % af 620 pladser giver 44,6400 pladser;"
        ),
        "{}",
        da(&a, "region")
    );
    assert!(
        da(&a, "A").starts_with("A: 3 af 4 deler det, de faste andele levner, i alt 69,6000 % af 620 pladser giver 431,5200 pladser;"),
        "{}",
        da(&a, "A")
    );
    // The table shows the weights as given, the key's scaled ones apart.
    let section = andel_core::present::allocation_view(&a, Language::Da, NumberStyle::Danish);
    let heads: Vec<&str> = section
        .table
        .columns
        .iter()
        .map(|c| c.head.as_str())
        .collect();
    assert_eq!(&heads[2..4], ["vægt", "nøglens vægt"]);
    assert_eq!(section.table.rows[0].cells[2].text, "3");
    assert_eq!(section.table.rows[2].cells[2].text, "fast andel");
}

/// A blended key (case 2.9: 50 % history, 50 % population) says its share
/// by the blend, never the blend's internal weight.
#[test]
fn a_blended_key_is_explained_by_its_share() {
    use andel_core::present::{explain, Language};
    use andel_core::tabular::NumberStyle;
    let (_, r) = examples()
        .into_iter()
        .find(|(n, _)| n.ends_with("2.9-sosu-assistant.json"))
        .unwrap();
    let groups = &r.scenarios[0].allocation;
    let why = explain(groups, "Nordjylland", Language::Da, NumberStyle::Danish).unwrap();
    assert!(why.starts_with("KKR Nordjylland: 10,1750 % efter den blandede nøgle af 6.000 pladser giver 610,5001 pladser; rundet ned til 610 pladser"), "{why}");
    assert!(!why.contains("2.064.746.392"), "{why}");
}

/// What reading files told the reader is said in Danish in a Danish view:
/// a Windows-1252 Statbank export with its totals, the web export with its
/// title, totals and footnote, Danish thousands in a tab paste, a row that
/// is the sum of the others, Christiansø and a Statbank population file.
/// The view's text and its Danish Excel CSV hold no English catalogue word
/// (the files' own texts aside: names, file names), and say each note in
/// the words checked here by hand against the files in tests/inputs.
#[test]
fn danish_notes_on_reading_files_have_no_english_catalogue_word() {
    use andel_core::document::{compute_with, parse, FileAccess};
    use andel_core::present::{document_view, Language};
    use andel_core::tabular::{Dialect, NumberStyle};
    let english = english_only();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/inputs");
    let cases: [(&str, &[&str]); 6] = [
        (
            r#"{"csv": {"path": "folk1a-2022-nordjylland-cp1252.csv"}}"#,
            &[
                "CSV-vægtene: læst som Windows-1252 (filen er ikke UTF-8).",
                "CSV-vægtene: udeladt linje 2 «000 Hele landet;2022K1;5873420» (landstallet), \
                 linje 3 «081 Region Nordjylland;2022K1;591740» (en regions samlede tal).",
            ],
        ),
        (
            r#"{"csv": {"path": "folk1a-2022-web-export.csv"}}"#,
            &[
                "CSV-vægtene: læst som Windows-1252 (filen er ikke UTF-8).",
                // Morsø's 20.068 on line 5 is the first cell that reads both ways.
                "CSV-vægtene: vægtene er læst med decimalkomma og punktum som tusindtalsskilletegn \
                 (linje 5: «20.068» er 20068), fordi teksten er semikolonsepareret som fra dansk \
                 Excel; angiv decimaltegnet \".\", hvis punktummerne er decimaler.",
                "CSV-vægtene: udeladt linje 1 «Befolkningen den 1. i kvartalet efter område, tid» \
                 (en titel over tabellen), linje 3 «Hele landet;5.873.420» (landstallet), \
                 linje 4 «Region Nordjylland;591.740» (en regions samlede tal), \
                 linje 16 «Kilde: Danmarks Statistik, FOLK1A» (en note under tabellen).",
            ],
        ),
        (
            r#"{"csv": {"path": "nordjylland-2022-excel-unicode.txt"}}"#,
            &[
                "CSV-vægtene: læst som UTF-16 LE (filen er ikke UTF-8).",
                "CSV-vægtene: vægtene er læst med decimalkomma og punktum som tusindtalsskilletegn \
                 (linje 2: «20.068» er 20068), fordi teksten er tabulatorsepareret som celler \
                 kopieret fra dansk Excel; angiv decimaltegnet \".\", hvis punktummerne er decimaler.",
                "CSV-vægtene: udeladt linje 13 «I alt\\t591.740» (landstallet).",
            ],
        ),
        (
            // 4 + 6 = 10: the last row is the sum of the others.
            r#"{"csv": {"text": "navn;vægt\nA;4\nB;6\nSamlet;10\n"}}"#,
            &["CSV-vægtene: udeladt linje 4 «Samlet;10» (en sum: dens tal er summen af de andre rækker)."],
        ),
        (
            r#"{"csv": {"text": "kommune;befolkning\nAalborg;221082\n411 Christiansø;90\n"}}"#,
            &["CSV-vægtene: udeladt linje 3 «411 Christiansø;90» (Christiansø er ingen kommune)."],
        ),
        (
            r#"{"population": {"region": "Nordjylland", "year": 2026, "file": "folk1a-2026-ages.csv", "ages": {"from": 65}}}"#,
            &["Befolkningsfilen: befolkning pr. 2026-01-01 (2026K1 i folk1a-2026-ages.csv), 65 år og derover."],
        ),
    ];
    for (key, said) in cases {
        let doc = format!(
            r#"{{"version": 1, "key": {key}, "scenarios": [{{"name": "s", "total": "1000"}}]}}"#
        );
        let r = compute_with(&parse(&doc).unwrap(), &FileAccess::Under(dir.clone())).unwrap();
        let view = document_view(&r, Language::Da, NumberStyle::Danish);
        assert_eq!(view.assumptions, said, "{key}");
        // The files' own texts stay as written: names, ids, file names and
        // the rows quoted.
        let mut own = own_texts(&r);
        own.extend(
            [
                "folk1a-2022-nordjylland-cp1252.csv",
                "folk1a-2022-web-export.csv",
                "nordjylland-2022-excel-unicode.txt",
                "folk1a-2026-ages.csv",
            ]
            .map(String::from),
        );
        for n in &r.read_notes {
            if let andel_core::tabular::CsvNote::LeftOut { text, .. } = &n.note {
                own.push(text.clone());
            }
        }
        own.sort_by_key(|t| std::cmp::Reverse(t.len()));
        for text in [view.text(), view.to_csv(Dialect::DanishExcel)] {
            let mut frame = text.clone();
            for t in &own {
                frame = frame.replace(t.as_str(), " ");
            }
            for w in words(&frame) {
                assert!(
                    !english.contains(&w),
                    "{key}: English word {w:?} in {frame:?}"
                );
            }
        }
        // In English, the same notes in English words.
        let en = document_view(&r, Language::En, NumberStyle::Plain).assumptions;
        assert_eq!(en.len(), said.len(), "{key}");
        assert!(
            en.iter()
                .all(|a| a.starts_with("The CSV weights: ")
                    || a.starts_with("The population file: ")),
            "{en:?}"
        );
    }
}
