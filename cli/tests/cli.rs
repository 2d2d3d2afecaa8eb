//! The `andel` binary run as a user runs it: every command, bad input (exit
//! codes, stderr), standard input, every example document, and the report
//! against its golden output (`ANDEL_BLESS=1 cargo test -p andel-cli`
//! rewrites it after a deliberate change; review the diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn andel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// A CSV file holding `text` in this test run's folder; its path. Each test
/// gives its files their own names.
fn csv_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("andel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The units of an allocation printed as JSON, party by party.
fn units_of(json: &str) -> Vec<u64> {
    let a: serde_json::Value = serde_json::from_str(json).unwrap();
    a["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["units"].as_u64().unwrap())
        .collect()
}

/// `args` run with plain CSV output (`--format csv --numbers plain`).
fn plain_csv(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "csv", "--numbers", "plain"]);
    ok(&all)
}

fn ok(args: &[&str]) -> String {
    let o = andel(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn fails(args: &[&str], code: i32) -> String {
    let o = andel(args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(o.stdout.is_empty(), "{args:?} wrote to stdout");
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn help_version_and_unknown_options() {
    assert!(ok(&["--help"]).contains("compute"));
    for c in ["compute", "split", "apportion", "municipalities", "report"] {
        assert!(ok(&[c, "--help"]).contains("Usage"), "{c}");
    }
    // The workspace's one version (Cargo.toml), as Python and JS give it.
    assert_eq!(
        ok(&["--version"]),
        format!("andel {}\n", andel_core::VERSION)
    );
    assert!(fails(&["--bogus"], 2).contains("--bogus"));
    assert!(fails(
        &["compute", "examples/2.4-dk2020.json", "--format", "xml"],
        2
    )
    .contains("xml"));
    assert!(fails(&["report", "--plain"], 2).contains("--plain"));
    // Every option takes effect or is refused.
    let doc = "examples/2.4-dk2020.json";
    assert!(fails(
        &["compute", doc, "--format", "json", "--numbers", "plain"],
        1
    )
    .contains("numbers"));
    assert!(fails(
        &["compute", doc, "--explain", "Aalborg", "--format", "csv"],
        1
    )
    .contains("explain"));
    assert!(fails(
        &["municipalities", "--format", "json", "--numbers", "danish"],
        1
    )
    .contains("numbers"));
    fails(&[], 2);
}

#[test]
fn compute_every_example_in_every_format() {
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let p = path.to_str().unwrap();
        let table = ok(&["compute", p]);
        assert!(table.contains("Assumptions:"), "{p}");
        let json: serde_json::Value =
            serde_json::from_str(&ok(&["compute", p, "--format", "json"])).unwrap();
        assert!(
            json["assumptions"]
                .as_array()
                .is_some_and(|a| !a.is_empty()),
            "{p}"
        );
        let csv = ok(&["compute", p, "--format", "csv"]);
        assert!(csv.starts_with("\u{feff}# "), "{p}");
        // What made it, after the assumptions: version, population source and dates.
        let made_by = format!("\n# andel {}; population: Statistics Denmark, 1 January 2020-2025 (FOLK1A 2020K1-2023K1, FOLK1AM 2024M01, BY2 2025)\n", andel_core::VERSION);
        assert!(csv.contains(&made_by), "{p}");
        assert!(plain_csv(&["compute", p]).contains("scenario,part,id"));
        n += 1;
    }
    assert!(n >= 6);
}

#[test]
fn compute_case_2_8_from_a_file_and_from_standard_input() {
    let doc = "examples/2.8-self-harm-offer.json";
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["compute", doc, "--format", "json"])).unwrap();
    let aalborg = json["scenarios"][0]["allocation"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "851")
        .unwrap()["amount"]
        .clone();
    assert_eq!(aalborg, "1658397.22");
    let mut child = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(["compute", "-", "--scenario", "høj", "--numbers", "plain"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(root().join(doc)).unwrap())
        .unwrap();
    let out = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(out.contains("2168524.08"), "{out}"); // Aalborg, high
    assert!(!out.contains("1658397.22"), "only the scenario asked for");
    let why = ok(&["compute", doc, "--explain", "Rebild"]);
    assert!(
        why.contains("229884.12") && why.contains("rounded down"),
        "{why}"
    );
    assert!(fails(&["compute", doc, "--scenario", "middel"], 1).contains("lav"));
    assert!(fails(&["compute", doc, "--explain", "Narnia"], 1).contains("Narnia"));
}

#[test]
fn bad_documents_name_the_field() {
    let dir = std::env::temp_dir().join(format!("andel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version": 1, "key": {"fixed": [{"id": "r", "share": "x"}]}, "scenarios": []}"#,
    )
    .unwrap();
    let e = fails(&["compute", bad.to_str().unwrap()], 1);
    assert!(
        e.starts_with("error [invalid_number] key.fixed[0].share:"),
        "{e}"
    );
    std::fs::write(&bad, r#"{"version": 1, "key": {"csv": {"path": "../secret.csv"}}, "scenarios": [{"name": "x", "total": 1}]}"#).unwrap();
    assert!(fails(&["compute", bad.to_str().unwrap()], 1).contains("key.csv.path"));
    // csv.path inside the document's folder is read.
    std::fs::write(dir.join("w.csv"), "navn;vægt\nA;3\nB;1\n").unwrap();
    std::fs::write(&bad, r#"{"version": 1, "key": {"csv": {"path": "w.csv"}}, "rounding": {"places": {}}, "scenarios": [{"name": "x", "total": 8}]}"#).unwrap();
    assert!(ok(&["compute", bad.to_str().unwrap(), "--numbers", "plain"]).contains("\nA "));
    assert!(fails(&["compute", "no-such-file.json"], 1).starts_with("error [io]"));
}

#[test]
fn split_and_apportion_a_csv() {
    let w = &csv_file(
        "w.csv",
        "kommune;indbyggere\nAalborg;221.082\nHjørring;63.839\nLæsø;1.769\n",
    );
    // 0.10 by 50:27:23 style: 1.000,00 by 221082:63839:1769, Læsø out.
    let out = plain_csv(&["split", "1000", "--weights", w, "--exclude", "Læsø"]);
    // 1000 × 221082/284921 = 775.94…, × 63839/284921 = 224.05… → 775.94 and 224.06 (largest remainder).
    assert!(
        out.contains("851,Aalborg,221082,") && out.contains(",775.94,"),
        "{out}"
    );
    assert!(out.contains(",224.06,"), "{out}");
    assert!(out.contains("\n825,Læsø,0,"), "{out}");
    let seats = ok(&[
        "apportion",
        "10",
        "--weights",
        w,
        "--method",
        "dhondt",
        "--format",
        "json",
    ]);
    assert_eq!(units_of(&seats), vec![8, 2, 0]); // D'Hondt: 221082/8 = 27635 > 63839/3 = 21280
    assert!(fails(&["apportion", "10", "--weights", w, "--method", "borda"], 1).contains("method"));
    assert!(
        fails(&["split", "1000", "--weights", w, "--exclude", "Narnia"], 1).contains("exclude[0]")
    );
    assert!(fails(&["split", "ti", "--weights", w], 1).contains("amount"));
    assert!(fails(&["apportion", "-3", "--weights", w], 2).contains("-3"));
    // The divisor methods' limit is about the SEATS argument, and says so.
    let big = fails(
        &[
            "apportion",
            "1000000000000",
            "--weights",
            w,
            "--method",
            "dhondt",
        ],
        1,
    );
    assert!(big.starts_with("error [overflow] seats:"), "{big}");
    // The unit is read as the amount is: 1.000 is a thousand kroner, 0,01 an øre.
    let thousands = plain_csv(&["split", "4.275.000", "--weights", w, "--unit", "1.000"]);
    // 4275 thousands by 221082:63839:1769: quotas 3296.68…, 951.94…, 26.37…; the two
    // left over go to the largest remainders (.94, .68): 3297, 952, 26 thousand.
    assert!(thousands.contains(",3297000,3297,up,"), "{thousands}");
    assert!(thousands.contains(",952000,952,up,"), "{thousands}");
    assert!(thousands.contains(",26000,26,down,"), "{thousands}");
    assert!(
        thousands.contains("\ntotal,,,,,4275000,4275,"),
        "{thousands}"
    );
    let ore = plain_csv(&["split", "1000", "--weights", w, "--unit", "0,01"]);
    assert!(ore.contains("\ntotal,,,,,1000.00,100000,"), "{ore}");
    // A refund is a negative amount, written as people write it.
    let refund = plain_csv(&["split", "-1.000,00", "--weights", w]);
    // -1000 × 221082/286690 = -771.1535…: the magnitude split (771.15, 222.68, 6.17), negated.
    assert!(
        refund.contains("851,Aalborg,221082,") && refund.contains(",-771.15,"),
        "{refund}"
    );
    assert!(refund.contains("\ntotal,,,,,-1000.00,100000,"), "{refund}");
    assert!(fails(&["split", "-x", "--weights", w], 1).contains("amount"));
}

/// Modified Sainte-Laguë's first divisor is an option of apportion, as in
/// Python and JS (1.4 by default; Sweden's 1.2).
#[test]
fn the_first_divisor_is_an_option() {
    let w = &csv_file(
        "votes.csv",
        "parti;stemmer\nA;100000\nB;80000\nC;30000\nD;20000\n",
    );
    let run = |extra: &[&str]| {
        let mut args = vec![
            "apportion",
            "8",
            "--weights",
            w,
            "--method",
            "modified_sainte_lague",
        ];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--format", "json"]);
        units_of(&ok(&args))
    };
    // 1.4: A 71429, B 57143, A 33333, B 26667, C 21429, A 20000, B 16000, then
    // A 100000/7 and D 20000/1.4 tie exactly at 14285.71…: A, earlier, wins.
    assert_eq!(run(&[]), vec![4, 3, 1, 0]);
    // 1.2: A 83333, B 66667, A 33333, B 26667, C 25000, A 20000, D 16667, B 16000.
    assert_eq!(run(&["--first-divisor", "1,2"]), vec![3, 3, 1, 1]);
    assert_eq!(run(&["--first-divisor", "1.2"]), vec![3, 3, 1, 1]);
    let other = fails(
        &["apportion", "8", "--weights", w, "--first-divisor", "1.2"],
        1,
    );
    assert!(
        other.starts_with("error [invalid_option] first-divisor:"),
        "{other}"
    );
    let big = fails(
        &[
            "apportion",
            "8",
            "--weights",
            w,
            "--method",
            "modified_sainte_lague",
            "--first-divisor",
            "5",
        ],
        1,
    );
    assert!(
        big.starts_with("error [invalid_option] first-divisor:"),
        "{big}"
    );
}

/// The CSV reading options of Python's read_csv and the document's `csv`
/// are options of split and apportion too: which columns, a header or not,
/// which decimal mark (the error about an ambiguous column asks for it).
#[test]
fn csv_columns_header_and_decimal_mark_are_options() {
    // Two weight columns: population by default, area when asked.
    let two = csv_file(
        "two.csv",
        "kommune;indbyggere;areal\nAalborg;221.082;1.137,5\nHjørring;63.839;926,5\n",
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["split", "100", "--weights", two.as_str()];
        args.extend_from_slice(extra);
        plain_csv(&args)
    };
    // 100 × 221082/284921 = 77.594…
    assert!(run(&[]).contains("851,Aalborg,221082,0.7759414013,77.5941401301,77.59,"));
    // 100 × 1137.5/2064 = 55.111…, 100 × 926.5/2064 = 44.888…
    let area = run(&["--weight-column", "areal"]);
    assert!(
        area.contains("851,Aalborg,1137.5,") && area.contains(",55.11,"),
        "{area}"
    );
    assert!(area.contains(",44.89,"), "{area}");
    let unknown = fails(
        &["split", "100", "--weights", &two, "--weight-column", "km2"],
        1,
    );
    assert!(
        unknown.contains("no weight column named \"km2\""),
        "{unknown}"
    );
    // An ambiguous column in a comma file: 1.234 is 1234 or 1.234, as the user says.
    let ambiguous = csv_file("amb.csv", "kommune,vægt\nA,1.234\nB,2\n");
    let asks = fails(&["split", "100", "--weights", &ambiguous], 1);
    assert!(asks.contains("decimal"), "{asks}");
    let point = plain_csv(&["split", "100", "--weights", &ambiguous, "--decimal", "."]);
    // 1.234 : 2 → 38.157…, 61.842…
    assert!(
        point.contains("A,A,1.234,") && point.contains(",38.16,"),
        "{point}"
    );
    let comma = plain_csv(&["split", "100", "--weights", &ambiguous, "--decimal", ","]);
    // 1234 : 2 → 99.838…, 0.161…
    assert!(
        comma.contains("A,A,1234,") && comma.contains(",99.84,"),
        "{comma}"
    );
    let bad = fails(
        &["split", "100", "--weights", &ambiguous, "--decimal", "x"],
        1,
    );
    assert!(bad.starts_with("error [invalid_option] decimal:"), "{bad}");
    // No header: the first row is a party; with a header it is not.
    let bare = csv_file("bare.csv", "A;3\nB;1\n");
    let places = ok(&[
        "apportion",
        "4",
        "--weights",
        &bare,
        "--header",
        "false",
        "--format",
        "json",
    ]);
    assert_eq!(units_of(&places), vec![3, 1]);
    let headed = ok(&[
        "apportion",
        "4",
        "--weights",
        &bare,
        "--header",
        "true",
        "--format",
        "json",
    ]);
    assert_eq!(units_of(&headed), vec![4], "{headed}");
    // A column named in a file without a header is refused, not ignored.
    let refused = fails(
        &[
            "split",
            "100",
            "--weights",
            &bare,
            "--header",
            "false",
            "--weight-column",
            "vægt",
        ],
        1,
    );
    assert!(
        refused.starts_with("error [invalid_option] weight-column:"),
        "{refused}"
    );
}

#[test]
fn municipalities_with_population() {
    let csv = plain_csv(&[
        "municipalities",
        "--region",
        "Nordjylland",
        "--year",
        "2022",
    ]);
    assert_eq!(csv.lines().count(), 12);
    assert!(csv.contains("851,Aalborg,Nordjylland,221082"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["municipalities", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 98);
    assert!(ok(&[
        "municipalities",
        "--region",
        "nordjylland",
        "--year",
        "2022"
    ])
    .contains("591.740"));
    assert!(fails(&["municipalities", "--year", "1999"], 1).contains("unknown_year"));
    assert!(fails(&["municipalities", "--region", "Atlantis"], 1).contains("Atlantis"));
}

#[test]
fn the_report_is_its_golden_output() {
    let report = ok(&["report"]);
    let golden = root().join("cli/tests/golden/report.txt");
    if std::env::var_os("ANDEL_BLESS").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &report).unwrap();
    }
    assert_eq!(report, std::fs::read_to_string(&golden).unwrap());
    // Figures from the minutes' cases, worked out outside the code.
    for figure in ["1.658.397,22", "323.222,51", "2.168.524,08", "74.349"] {
        assert!(report.contains(figure), "{figure}");
    }
    // Every document's title and assumptions are in it.
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert!(report.contains(doc["title"].as_str().unwrap()));
            for a in doc["assumptions"].as_array().unwrap() {
                assert!(report.contains(a.as_str().unwrap()));
            }
        }
    }
}

#[test]
fn the_shipped_schema_is_the_generated_one() {
    let schema = ok(&["schema"]);
    let shipped = root().join("schema/andel.schema.json");
    if std::env::var_os("ANDEL_BLESS").is_some() {
        std::fs::write(&shipped, &schema).unwrap();
    }
    assert_eq!(
        schema,
        std::fs::read_to_string(&shipped).unwrap(),
        "run ANDEL_BLESS=1 cargo test -p andel-cli"
    );
    let v: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(v["title"], "Document");
    assert_eq!(v["additionalProperties"], false);
}

/// A Statbank export's totals are left out of the weights, and the command
/// says so on standard error (standard output stays the table or data).
#[test]
fn totals_left_out_of_a_csv_are_said() {
    let w = &csv_file(
        "folk1a.csv",
        "OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nLæsø;2022K1;1769\n",
    );
    let o = andel(&[
        "split",
        "100",
        "--weights",
        w,
        "--format",
        "csv",
        "--numbers",
        "plain",
    ]);
    assert!(o.status.success());
    let stdout = String::from_utf8(o.stdout).unwrap();
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("note: {w}: left out line 2 \"Hele landet;2022K1;5873420\" (the national total)\n")
    );
    // 100 × 221082/222851 = 99.206… and 0.793…: the national total is no party.
    assert!(
        stdout.contains(",99.21,") && stdout.contains(",0.79,"),
        "{stdout}"
    );
    assert!(!stdout.contains("Hele landet"), "{stdout}");
}

/// A lot drawn decides a tie on the command line too: --priority names the
/// parties (ids, or municipality names or codes) in the order they win.
#[test]
fn a_priority_order_decides_a_tie() {
    let three = &csv_file("three.csv", "part;vægt\nA;1\nB;1\nC;1\n");
    let run = |args: &[&str]| {
        let mut all = vec!["apportion", "2", "--weights", three.as_str()];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        units_of(&ok(&all))
    };
    // 2 places over three equal weights: by input order A and B, by the lot C and B.
    assert_eq!(run(&[]), vec![1, 1, 0]);
    assert_eq!(
        run(&["--priority", "C", "--priority", "B", "--priority", "A"]),
        vec![0, 1, 1]
    );
    // Every tied party must be listed; a name must be a party.
    let short = fails(
        &[
            "apportion",
            "2",
            "--weights",
            three,
            "--priority",
            "C",
            "--priority",
            "B",
        ],
        1,
    );
    assert!(
        short.starts_with("error [tie]") && short.contains("does not name A"),
        "{short}"
    );
    let both = fails(
        &[
            "apportion",
            "2",
            "--weights",
            three,
            "--priority",
            "C",
            "--ties",
            "order",
        ],
        1,
    );
    assert!(
        both.starts_with("error [invalid_option] priority:"),
        "{both}"
    );
    // Municipalities by name: 0,01 kr. between Aalborg and Hjørring goes to Hjørring.
    let two = &csv_file(
        "two-municipalities.csv",
        "kommune;vægt\nAalborg;1\nHjørring;1\n",
    );
    let out = plain_csv(&[
        "split",
        "0.01",
        "--weights",
        two,
        "--priority",
        "Hjørring",
        "--priority",
        "Aalborg",
    ]);
    assert!(
        out.contains("\n860,Hjørring,1,0.5000000000,0.0050000000,0.01,1,up,"),
        "{out}"
    );
    let typo = fails(
        &["split", "0.01", "--weights", two, "--priority", "Hjøring"],
        1,
    );
    assert!(
        typo.contains("priority[0]") && typo.contains("Hjørring (860)"),
        "{typo}"
    );
}
