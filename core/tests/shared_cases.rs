//! Runs the language-neutral cases in `tests/cases.json` (also run by the
//! Python and browser test suites).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use andel_core::document::compute_json;
use andel_core::reference::{resolve_ties, Parties};
use andel_core::{
    apportion_named, split, Apportionment, Decimal, Limit, Method, Options, PartyRef, SplitOptions,
    TieRule,
};
use serde_json::Value;
use std::str::FromStr;

fn root() -> String {
    format!("{}/..", env!("CARGO_MANIFEST_DIR"))
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap()).unwrap()
}

/// A case's tie rule: "error", a priority order (numbers are positions,
/// text a party reference as core's `reference` reads it), else order.
fn tie_rule(v: &Value) -> TieRule {
    match v {
        Value::String(s) if s == "error" => TieRule::Error,
        Value::Array(a) => TieRule::Priority(
            a.iter()
                .map(|x| match x {
                    Value::String(s) => PartyRef::Id(s.clone()),
                    x => PartyRef::Index(x.as_u64().unwrap() as usize),
                })
                .collect(),
        ),
        _ => TieRule::Order,
    }
}

/// Runs `call` with the case's ids (if any) and its priority order's party
/// references resolved the way every front end resolves them.
fn with_references(
    c: &Value,
    n: usize,
    mut o: Options,
    call: impl FnOnce(Option<&[String]>, Options) -> andel_core::Result<Apportionment>,
) -> andel_core::Result<Apportionment> {
    let ids: Option<Vec<String>> = c["ids"]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect());
    o.ties = resolve_ties(o.ties, &Parties::with_ids(ids.as_deref(), n))?;
    call(ids.as_deref(), o)
}

#[test]
fn shared_cases() {
    let text = std::fs::read_to_string(format!("{}/tests/cases.json", root())).unwrap();
    let all: Value = serde_json::from_str(&text).unwrap();
    let cases = all["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let weights: Vec<Decimal> = c["weights"]
            .as_array()
            .map(|w| w.iter().map(dec).collect())
            .unwrap_or_default();
        match c["call"].as_str().unwrap() {
            "split" => {
                let o = SplitOptions {
                    unit: dec(&c["unit"]),
                    ..SplitOptions::default()
                };
                let parts = split(dec(&c["amount"]), &weights, &o).unwrap().parts;
                let expected: Vec<Decimal> =
                    c["expected"].as_array().unwrap().iter().map(dec).collect();
                assert_eq!(parts, expected, "{name}");
                // Same scale as written: 0.00, not 0.
                let shown: Vec<String> = parts.iter().map(|d| d.to_string()).collect();
                let written: Vec<&str> = c["expected"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                assert_eq!(shown, written, "{name}");
            }
            "apportion" => {
                let o = Options {
                    method: c["method"].as_str().unwrap().parse::<Method>().unwrap(),
                    minimum: c["minimum"].as_u64().map(Limit::All),
                    first_divisor: c.get("first_divisor").map(dec),
                    ties: tie_rule(&c["ties"]),
                    ..Options::default()
                };
                let r = with_references(c, weights.len(), o, |ids, o| {
                    apportion_named(&weights, ids, c["units"].as_u64().unwrap(), &o)
                });
                match c.get("error") {
                    Some(code) => {
                        let e = r.unwrap_err();
                        assert_eq!(e.code(), code.as_str().unwrap(), "{name}");
                        if let Some(f) = c.get("field") {
                            assert_eq!(e.field(), f.as_str(), "{name}");
                        }
                    }
                    None => {
                        let expected: Vec<u64> = c["expected"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|v| v.as_u64().unwrap())
                            .collect();
                        assert_eq!(r.unwrap().units(), expected, "{name}");
                    }
                }
            }
            "compute" => {
                // A document file, or (`document_text`) the document itself.
                let doc = match c["document_text"].as_str() {
                    Some(text) => text.to_string(),
                    None => std::fs::read_to_string(format!(
                        "{}/{}",
                        root(),
                        c["document"].as_str().unwrap()
                    ))
                    .unwrap(),
                };
                let r = compute_json(&doc).unwrap();
                let s = &r.scenarios[c["scenario"].as_u64().unwrap() as usize];
                for (id, v) in c["expected_amounts"].as_object().unwrap() {
                    assert_eq!(
                        s.allocation.get(id).unwrap().amount.to_string(),
                        v.as_str().unwrap(),
                        "{name}: {id}"
                    );
                }
            }
            "biproportional" => {
                let table: Vec<Vec<Decimal>> = c["table"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_array().unwrap().iter().map(dec).collect())
                    .collect();
                let wholes = |v: &Value| -> Vec<u64> {
                    v.as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_u64().unwrap())
                        .collect()
                };
                let rows = c.get("row_totals").map(wholes);
                let o = andel_core::BiproportionalOptions {
                    method: c["method"].as_str().unwrap().parse::<Method>().unwrap(),
                    ties: match c["ties"].as_str() {
                        Some("error") => TieRule::Error,
                        _ => TieRule::Order,
                    },
                    ..Default::default()
                };
                let r = andel_core::biproportional(
                    &table,
                    &wholes(&c["column_totals"]),
                    rows.as_deref(),
                    &o,
                );
                match c.get("error") {
                    Some(code) => {
                        let e = r.unwrap_err();
                        assert_eq!(e.code(), code.as_str().unwrap(), "{name}");
                        if let Some(f) = c.get("field") {
                            assert_eq!(e.field(), f.as_str(), "{name}");
                        }
                    }
                    None => {
                        let r = r.unwrap();
                        let expected: Vec<Vec<u64>> = c["expected"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(wholes)
                            .collect();
                        assert_eq!(r.cells, expected, "{name}");
                        assert_eq!(r.row_totals, wholes(&c["expected_row_totals"]), "{name}");
                    }
                }
            }
            other => panic!("unknown call {other}"),
        }
    }
}

/// The JSON result of every example document, as Rust writes it, is kept in
/// `tests/results/` so the Python and browser suites can check that they
/// give exactly the same JSON. `ANDEL_BLESS=1 cargo test` rewrites them
/// after a deliberate change (then review the diff).
#[test]
fn example_results_are_the_shared_json() {
    let dir = format!("{}/examples", root());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    for name in names {
        let doc = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let result: Value = serde_json::to_value(compute_json(&doc).unwrap()).unwrap();
        let path = format!("{}/tests/results/{name}", root());
        if std::env::var_os("ANDEL_BLESS").is_some() {
            std::fs::create_dir_all(format!("{}/tests/results", root())).unwrap();
            std::fs::write(&path, serde_json::to_string_pretty(&result).unwrap() + "\n").unwrap();
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(result, expected, "{name}: result differs from {path}");
    }
}

/// The catalogue of bad inputs in `tests/bad_inputs.json`: every language
/// refuses the same things with the same code and field.
#[test]
fn bad_input_catalogue() {
    use andel_core::number::decimal_from_text;
    use andel_core::tabular::{read_weights, CsvColumns};
    let text = std::fs::read_to_string(format!("{}/tests/bad_inputs.json", root())).unwrap();
    let all: Value = serde_json::from_str(&text).unwrap();
    let cases = all["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let text_of = |v: &Value, field: &str| decimal_from_text(v.as_str().unwrap(), field);
        let weights = || -> andel_core::Result<Vec<Decimal>> {
            c["weights"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(i, w)| text_of(w, &format!("weights[{i}]")))
                .collect()
        };
        let result: andel_core::Result<()> = match c["call"].as_str().unwrap() {
            "apportion" => weights().and_then(|w| {
                let o = Options {
                    method: c["method"].as_str().unwrap().parse::<Method>().unwrap(),
                    minimum: c["minimum"].as_u64().map(Limit::All),
                    ties: tie_rule(&c["ties"]),
                    ..Options::default()
                };
                with_references(c, w.len(), o, |ids, o| {
                    apportion_named(&w, ids, c["units"].as_u64().unwrap(), &o)
                })
                .map(|_| ())
            }),
            "split" => text_of(&c["amount"], "amount").and_then(|amount| {
                let unit = text_of(&c["unit"], "unit")?;
                let o = SplitOptions {
                    unit,
                    ..SplitOptions::default()
                };
                split(amount, &weights()?, &o).map(|_| ())
            }),
            "compute" => compute_json(c["document"].as_str().unwrap()).map(|_| ()),
            "read_csv" => {
                read_weights(c["text"].as_str().unwrap(), &CsvColumns::default()).map(|_| ())
            }
            other => panic!("unknown call {other}"),
        };
        let e = result.expect_err(name);
        danish_all_through(&e, name);
        assert_eq!(e.code(), c["error"].as_str().unwrap(), "{name}: {e}");
        if let Some(f) = c.get("field") {
            assert_eq!(e.field(), f.as_str(), "{name}: {e}");
        }
    }
}

/// The words of a text (runs of letters, lower-cased) after taking out
/// what is the input's own: the field path leading the message, text in
/// quotes («…», "…", `…`) and names (words with a capital letter).
fn frame_words(text: &str, field: Option<&str>) -> Vec<String> {
    let mut t = text.to_string();
    if let Some(f) = field.filter(|f| !f.is_empty()) {
        t = t.replacen(&format!("{f}: "), " ", 1);
    }
    for (open, close) in [('«', '»'), ('"', '"'), ('`', '`')] {
        let mut out = String::new();
        let mut inside = false;
        for c in t.chars() {
            if inside {
                if c == close {
                    inside = false;
                }
            } else if c == open {
                inside = true;
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        t = out;
    }
    // Names (Nordjylland, Aalborg) are the input's or the data's own.
    t.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_lowercase)
        .collect()
}

/// An error's Danish message says it in Danish all through: no word of its
/// English message (but for the input's own identifiers and values, and
/// the few words both languages write alike) is in it.
fn danish_all_through(e: &andel_core::Error, name: &str) {
    use andel_core::present::Language;
    // Words Danish and English messages share: JSON's literals, "i" and
    // "for" (Danish words too), "version", "region", "id", "divisor".
    let shared = [
        "true", "false", "null", "id", "ids", "version", "region", "for", "i", "u", "divisor",
    ];
    let da = e.message(Language::Da);
    let en = e.message(Language::En);
    let english: std::collections::BTreeSet<String> = frame_words(&en, e.field())
        .into_iter()
        .filter(|w| !shared.contains(&w.as_str()))
        .collect();
    let found: Vec<&String> = frame_words(&da, e.field())
        .iter()
        .filter(|w| english.contains(*w))
        .map(|w| english.get(w).unwrap())
        .collect();
    assert!(
        found.is_empty(),
        "{name}: English {found:?} in the Danish message {da:?} (English: {en:?})"
    );
}

/// Each kind of problem the document reader reports (serde's kinds: an
/// unknown field with the fields there are, a missing field, a wrong type,
/// an unknown choice, a field twice; and JSON that is no JSON, a number
/// that is not whole or out of range) is said in Danish all through, with
/// the document's own names as they are written.
#[test]
fn the_document_readers_errors_in_danish() {
    use andel_core::present::Language;
    let doc = |key: &str, rest: &str| {
        format!(
            r#"{{"version": 1, "key": {key}, "scenarios": [{{"name": "x", "total": 1}}]{rest}}}"#
        )
    };
    let w = r#"{"weights": [{"id": "A", "weight": 1}]}"#;
    let nest = common::nest_document;
    let cases = [
        (
            "unknown field",
            doc(w, r#", "rounding": {"unit": "0.01", "mode": "foo"}"#),
            "rounding.mode: feltet «mode» kendes ikke her; her kan stå «unit», «places» eller «ties»",
        ),
        (
            "missing field",
            doc(r#"{"weights": [{"id": "A"}]}"#, ""),
            "key.weights[0].weight: feltet «weight» mangler",
        ),
        (
            "wrong type",
            doc(r#"{"weights": {"id": "A"}}"#, ""),
            "key.weights: her skal stå en liste, ikke et objekt",
        ),
        (
            "unknown choice",
            doc(w, r#", "rounding": {"places": {"ties": "lots"}}"#),
            "rounding.places.ties: brug «order», «error» eller {\"priority\": [id'er]}",
        ),
        (
            "a field twice",
            doc(r#"{"weights": [{"id": "A", "id": "B", "weight": 1}]}"#, ""),
            "key.weights[0].id: feltet «id» står der to gange; giv det én gang",
        ),
        (
            "no JSON",
            r#"{"version": 1,, }"#.to_string(),
            "feltet «version»",
        ),
        (
            "not whole",
            doc(w, r#", "rounding": {"places": {"minimum": 1.5}}"#),
            "rounding.places.minimum: «1.5» er ikke et tal, der kan læses her: her skal stå et helt tal",
        ),
        (
            "version",
            r#"{"version": 2, "key": {"weights": [{"id": "A", "weight": 1}]}, "scenarios": [{"name": "x", "total": 1}]}"#
                .to_string(),
            "version: version 2 kan ikke læses; andel læser version 1",
        ),
        (
            "unknown method",
            doc(w, r#", "rounding": {"places": {"method": "foo"}}"#),
            "rounding.places.method: ukendt metode «foo»; brug «hamilton», «dhondt», «sainte_lague», \
             «modified_sainte_lague», «huntington_hill», «adams» eller «dean» (andre navne: \
             «largest_remainder», «jefferson», «webster»)",
        ),
        (
            "unknown region",
            doc(r#"{"population": {"region": "Nordjyland", "year": 2022}}"#, ""),
            "key.population.region: ukendt region «Nordjyland» (mente du Nordjylland?); regionerne \
             er Hovedstaden, Sjælland, Syddanmark, Midtjylland og Nordjylland",
        ),
        (
            "exactly one",
            doc(r#"{"weights": [{"id": "A", "weight": 1}], "regions": {"year": 2022}}"#, ""),
            "key: giv præcis én af «population», «regions», «sosu_2018», «weights», «csv» og «blend»",
        ),
        // A Statbank file's text that is neither export: no INDHOLD, no
        // period like 2026K1 in its header (line 1).
        (
            "not a Statbank file",
            doc(r#"{"population": {"year": 2026, "text": "navn,tal\nAalborg,5\n"}}"#, ""),
            "CSV linje 1: overskriften har hverken en kolonne INDHOLD \
             (API'ets CSV) eller perioder som 2026K1 (webbens matrixudtræk)",
        ),
        (
            "no area column",
            doc(r#"{"population": {"year": 2026, "text": "TID,INDHOLD\n2026K1,5\n"}}"#, ""),
            "CSV linje 1: filen har ingen kolonne OMRÅDE: kommunerne kan ikke findes",
        ),
        (
            "not people",
            doc(
                r#"{"population": {"year": 2026, "text": "OMRÅDE,TID,INDHOLD\n851 Aalborg,2026K1,mange\n"}}"#,
                "",
            ),
            "CSV linje 2: «mange» er ikke et antal personer",
        ),
        (
            "not an age group",
            doc(
                r#"{"population": {"year": 2026, "text": "OMRÅDE,ALDER,TID,INDHOLD\n851 Aalborg,gammel,2026K1,5\n"}}"#,
                "",
            ),
            "CSV linje 2: «gammel» er ikke en aldersgruppe",
        ),
        (
            "not a municipality",
            doc(
                r#"{"population": {"year": 2026, "text": "OMRÅDE,TID,INDHOLD\nAtlantis,2026K1,5\n"}}"#,
                "",
            ),
            "CSV linje 2: «Atlantis» er ikke en kommune",
        ),
        // A document's options and analyses.
        (
            "first divisor with another method",
            doc(w, r#", "rounding": {"places": {"method": "dhondt", "first_divisor": "1.4"}}"#),
            "rounding.places.first_divisor: «first_divisor» gælder kun «modified_sainte_lague», ikke «dhondt»",
        ),
        (
            "first divisor range",
            doc(w, r#", "rounding": {"places": {"method": "modified_sainte_lague", "first_divisor": "3"}}"#),
            "rounding.places.first_divisor: den første divisor 3 skal være over 0 og under 3 (den anden divisor)",
        ),
        (
            "first divisor places",
            doc(w, r#", "rounding": {"places": {"method": "modified_sainte_lague", "first_divisor": "1.0000000001"}}"#),
            "rounding.places.first_divisor: den første divisor 1,0000000001 har mere end 9 decimaler",
        ),
        (
            "a year's fraction",
            doc(w, r#", "years": [{"year": 1, "fraction": "1.5"}, {"year": 2, "fraction": "-0.5"}]"#),
            "years[0].fraction: andelen 1,5 kan ikke bruges: et års brøkdel ligger mellem 0 og 1",
        ),
        (
            "years not one",
            doc(w, r#", "years": [{"year": 1, "fraction": "0.5"}, {"year": 2, "fraction": "0.3"}]"#),
            "years: andelen 0,8 kan ikke bruges: årenes brøkdele skal give præcis 1 tilsammen",
        ),
        (
            "years with limits",
            doc(w, r#", "rounding": {"places": {"minimum": 0}}, "years": [{"year": 1, "fraction": "1"}]"#),
            "years: en årsprofil kan ikke have mindste eller højeste antal pladser",
        ),
        (
            "actual missing",
            doc(
                r#"{"weights": [{"id": "A", "weight": 1}, {"id": "B", "weight": 1}]}"#,
                r#", "rounding": {"places": {}}, "actual": {"A": 1}"#,
            ),
            "actual.B: intet faktisk tal for «B»; giv hver parts, 0 hvor den intet havde",
        ),
        // Options within a nest's groups name members by id.
        (
            "members by index",
            nest(r#"{"ties": {"priority": [0]}}"#),
            "nest.member_places.ties.priority[0]: inden for grupperne: nævn medlemmerne ved id",
        ),
        (
            "member limits by index",
            nest(r#"{"minimum": [1, 2]}"#),
            "nest.member_places.minimum: inden for grupperne: giv én grænse for alle eller \
             grænser pr. medlems id",
        ),
        // A column named in CSV text said to have no header.
        (
            "column without header",
            doc(
                r#"{"csv": {"text": "A,1\nB,2\n", "columns": {"id": "kode", "header": false}}}"#,
                "",
            ),
            "key.csv.columns.id: kolonnen «kode» er nævnt, men filen har ingen overskrift",
        ),
    ];
    // Numbers too large for exact arithmetic say so in Danish too: weights
    // whose sum has more digits than a decimal holds (the largest decimal and 0.1).
    let e = compute_json(&doc(
        r#"{"weights": [{"id": "A", "weight": "79228162514264337593543950335"}, {"id": "B", "weight": "0.1"}]}"#,
        "",
    ))
    .expect_err("weights too wide");
    assert_eq!(e.code(), "overflow");
    danish_all_through(&e, "weights too wide");
    assert!(
        e.message(Language::Da)
            .contains("har flere cifre, end et præcist decimaltal kan rumme"),
        "{}",
        e.message(Language::Da)
    );
    for (name, text, danish) in cases {
        let e = compute_json(&text).expect_err(name);
        danish_all_through(&e, name);
        let da = e.message(Language::Da);
        if name == "no JSON" {
            assert!(da.contains("(linje 1, kolonne 15)"), "{name}: {da}");
        } else {
            assert_eq!(da, danish, "{name}");
        }
        // The detail crosses to Python and JS as data and comes back whole.
        let json = serde_json::to_value(&e).unwrap();
        let back: andel_core::Error = serde_json::from_value(json).unwrap();
        assert_eq!(back, e, "{name}");
    }
}
