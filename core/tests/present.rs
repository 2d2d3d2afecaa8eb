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
            "navn,vægt\nA,1.250\nB,2\n",
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
