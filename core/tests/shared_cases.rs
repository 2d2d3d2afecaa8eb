//! Runs the language-neutral cases in `tests/cases.json` (also run by the
//! Python and browser test suites).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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
        assert_eq!(e.code(), c["error"].as_str().unwrap(), "{name}: {e}");
        if let Some(f) = c.get("field") {
            assert_eq!(e.field(), f.as_str(), "{name}: {e}");
        }
    }
}
