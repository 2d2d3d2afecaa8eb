//! Hostile input, second round (issue 25): messages that help and stay
//! short, a document's byte-order mark, the version as a number.

use andel_core::document::{compute_json, parse};
use andel_core::number::{decimal_from_number_text, decimal_from_text};

#[test]
fn a_long_number_is_not_quoted_whole() {
    let long = format!("1{}", "0".repeat(100_000));
    for e in [
        decimal_from_text(&long, "w").unwrap_err(),
        decimal_from_number_text(&long, "w").unwrap_err(),
    ] {
        let shown = e.to_string();
        // 80 characters of it, and its length: "…" (100001 characters).
        assert!(shown.len() < 300, "{} bytes", shown.len());
        assert!(shown.contains("(100001 characters)"), "{shown}");
    }
}

#[test]
fn an_exponent_beyond_a_decimal_is_said_to_be_the_exponent() {
    let e = decimal_from_number_text("1e400", "w").unwrap_err();
    assert_eq!(e.code(), "overflow");
    assert!(e.to_string().contains("has an exponent beyond"), "{e}");
    let e = decimal_from_number_text("5e-324", "w").unwrap_err();
    assert!(e.to_string().contains("has an exponent beyond"), "{e}");
    let e = decimal_from_number_text("1e99999999999999999999", "w").unwrap_err();
    assert_eq!(e.code(), "overflow");
    assert!(e.to_string().contains("exponent"), "{e}");
    // Too many digits without an exponent is still about digits.
    let e = decimal_from_number_text("79228162514264337593543950336", "w").unwrap_err();
    assert!(e.to_string().contains("more digits"), "{e}");
}

#[test]
fn a_document_may_start_with_a_byte_order_mark() {
    let doc = "\u{feff}{\"version\": 1, \"key\": {\"weights\": [{\"id\": \"A\", \"weight\": 3}, {\"id\": \"B\", \"weight\": 1}]}, \"scenarios\": [{\"name\": \"x\", \"total\": \"4\"}]}";
    let r = compute_json(doc).unwrap();
    // 4 by 3:1 is 3 and 1.
    let amounts: Vec<String> = r.scenarios[0]
        .allocation
        .parties
        .iter()
        .map(|p| p.amount.to_string())
        .collect();
    assert_eq!(amounts, ["3.00", "1.00"]);
    let e = parse(r#"{"version": "1", "scenarios": []}"#).unwrap_err();
    assert_eq!((e.code(), e.field()), ("document", Some("version")));
}

#[test]
fn a_negative_part_share_names_the_part() {
    let doc = r#"{"version": 1, "parts": [
        {"id": "a", "share": "1.5", "key": {"weights": [{"id": "A", "weight": 1}]}},
        {"id": "b", "share": "-0.5", "key": {"weights": [{"id": "B", "weight": 1}]}}],
        "scenarios": [{"name": "x", "total": "10"}]}"#;
    let e = compute_json(doc).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_share", Some("parts[0].share"))
    );
    let doc = doc.replace("1.5", "0.5").replace("-0.5", "0.5");
    let doc = doc.replace(r#""id": "b""#, r#""id": "a""#);
    let e = compute_json(&doc).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("duplicate_party", Some("parts[1].id"))
    );
}

#[test]
fn every_allocation_of_the_shipped_results_passes_its_check_and_a_changed_one_fails() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/results");
    let mut n = 0;
    for entry in std::fs::read_dir(root).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let r: andel_core::document::DocumentResult = serde_json::from_str(&text).unwrap();
        for s in &r.scenarios {
            for (_, a) in s.allocations() {
                a.check().unwrap();
                n += 1;
            }
        }
    }
    assert!(n > 20, "{n}");
    let key = andel_core::Key::from_weights([("A", 3.into()), ("B", 1.into())]).unwrap();
    let a = key
        .split(
            andel_core::Decimal::new(400, 2),
            &andel_core::SplitOptions::default(),
        )
        .unwrap();
    a.check().unwrap();
    // 3.00 and 1.00; A's amount made 3.50 (its units stay 300).
    let mut changed = a.clone();
    changed.parties[0].amount = andel_core::Decimal::new(350, 2);
    let e = changed.check().unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("document", Some("parties[0].amount"))
    );
    // Units and amount changed together: the sum no longer meets the total.
    changed.parties[0].units = 350;
    let e = changed.check().unwrap_err();
    assert_eq!((e.code(), e.field()), ("document", Some("total")));
}

#[test]
fn a_result_read_back_is_checked_whole() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/results/2.8-self-harm-offer.json"
    ))
    .unwrap();
    let r: andel_core::document::DocumentResult = serde_json::from_str(&text).unwrap();
    r.check().unwrap();
    let mut changed = r.clone();
    changed.scenarios[1].allocation.parties[0].amount += andel_core::Decimal::ONE;
    let e = changed.check().unwrap_err();
    assert_eq!(e.field(), Some("scenarios[1].parties[0].amount"));
    let mut changed = r;
    changed.version = 2;
    assert_eq!(changed.check().unwrap_err().field(), Some("version"));
}
