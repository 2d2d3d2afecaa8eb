//! A mutation fuzzer on the stable toolchain (no nightly, so no cargo-fuzz):
//! it mutates a seed corpus (the documents in `examples/`, the results in
//! `tests/results/`, CSV samples) and random engine inputs, feeds them to the
//! document reader, the CSV reader, the engine and the writers, and checks
//! that nothing panics and that every result keeps its promises (parts add
//! up to the total, nothing negative from non-negative weights, limits held).
//!
//! ```sh
//! cargo run --release -p andel-core --example fuzz -- --seconds 60 [--seed 7]
//! ```
//!
//! A failure prints the input and writes it to `target/fuzz-failures/`; turn
//! it into a regression test. The test command runs it for a bounded time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::document::{compute_json, DocumentResult};
use andel_core::tabular::{read_weights, CsvColumns, Dialect, NumberStyle};
use andel_core::{
    apportion, split, Allocation, Decimal, Limit, Method, Options, Rounding, SplitOptions, TieRule,
};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

thread_local! {
    static PANIC_AT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const NUMBERS: [&str; 24] = [
    "0",
    "-1",
    "1",
    "3",
    "1000",
    "1.5",
    "0.072",
    "1e28",
    "1e-7",
    "-0",
    "2147483648",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "0.50000000000000000000000000001",
    "7922816251426433759354395033.5",
    "1e400",
    "\"NaN\"",
    "\"1,5\"",
    "null",
    "\"\"",
];

const CSV_SEEDS: [&str; 6] = [
    "kommune;vægt\nAalborg;221.082\nLæsø;1.769\n",
    "\u{feff}Område;Befolkning\nHele landet;5.873.420\n851 Aalborg;221.082\nLæsø;1.769\n",
    "id,name,weight\nA,Alpha,1.5\nB,Beta,2\n",
    "navn\tvægt\nA\t0,072\nB\t0,928\n",
    "\"a;b\";1\n\"c\"\"d\";2\n",
    "OMRÅDE;TID;INDHOLD\n\"851 Aalborg\";2022K1;221082\n\"Region Nordjylland\";2022K1;591740\n",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s: Vec<u8> = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if s.is_empty() {
            s.extend_from_slice(b"{}");
        }
        let at = rng.below(s.len());
        match rng.below(8) {
            0 => s[at] ^= 1 << rng.below(8),
            1 => {
                s.remove(at);
            }
            2 => {
                let n = rng.pick(&NUMBERS).as_bytes().to_vec();
                s.splice(at..at, n);
            }
            3 => {
                // Replace the number after a colon with an interesting one.
                if let Some(p) = s[at..].iter().position(|&b| b == b':') {
                    let start = at + p + 1;
                    let end = s[start..]
                        .iter()
                        .position(|&b| b == b',' || b == b'}' || b == b']')
                        .map_or(s.len(), |e| start + e);
                    let n = rng.pick(&NUMBERS).as_bytes().to_vec();
                    s.splice(start..end, n);
                }
            }
            4 => {
                let len = rng.below(32).min(s.len() - at);
                let chunk = s[at..at + len].to_vec();
                let to = rng.below(s.len());
                s.splice(to..to, chunk);
            }
            5 => {
                let junk = *rng.pick(&[
                    &b"\""[..],
                    b"[",
                    b"]",
                    b"{",
                    b"}",
                    b",",
                    b";",
                    b"\n",
                    b"\r",
                    b"\\",
                    b"-",
                    b"e",
                    b".",
                    b"\xc3",
                ]);
                s.splice(at..at, junk.iter().copied());
            }
            6 => {
                let len = rng.below(16).min(s.len() - at);
                s.drain(at..at + len);
            }
            _ => {
                let ids = *rng.pick(&[
                    &b"\"851\""[..],
                    b"\"region\"",
                    b"\"Aalborgg\"",
                    b"\"weights\"",
                    b"\"minimum\"",
                    b"\"part\"",
                ]);
                s.splice(at..at, ids.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&s).into_owned()
}

fn check_allocation(a: &Allocation) -> Result<(), String> {
    let sum = a
        .parties
        .iter()
        .try_fold(Decimal::ZERO, |s, p| s.checked_add(p.amount));
    if sum != Some(a.total) {
        return Err(format!(
            "parts add up to {sum:?}, not the total {}",
            a.total
        ));
    }
    if a.total >= Decimal::ZERO && a.parties.iter().any(|p| p.amount < Decimal::ZERO) {
        return Err("a negative part of a non-negative total".into());
    }
    let _ = a.table(NumberStyle::Danish);
    let _ = a.table(NumberStyle::Plain);
    let _ = a.to_csv(Dialect::DanishExcel);
    for p in &a.parties {
        let _ = a.explain(&p.id);
    }
    Ok(())
}

fn check_result(r: &DocumentResult) -> Result<(), String> {
    for s in &r.scenarios {
        if s.nested.is_none() {
            check_allocation(&s.allocation)?;
        }
        if let Some(p) = &s.parts {
            check_allocation(&p.parts)?;
            for d in p.details.iter().flatten() {
                check_allocation(d)?;
            }
        }
        if let Some(n) = &s.nested {
            for g in &n.per_group {
                if let Some(m) = &g.members {
                    check_allocation(m)?;
                    if m.units().iter().sum::<u64>() != g.units {
                        return Err(format!("group {} members do not add up", g.id));
                    }
                }
            }
        }
    }
    let _ = r.to_csv(Dialect::Plain);
    let json = serde_json::to_string(r).map_err(|e| e.to_string())?;
    let back: DocumentResult =
        serde_json::from_str(&json).map_err(|e| format!("round trip: {e}"))?;
    if &back != r {
        return Err("the result does not read back as itself".into());
    }
    Ok(())
}

fn engine_case(rng: &mut Rng) -> (String, Box<dyn FnOnce() -> Result<(), String>>) {
    let n = 1 + rng.below(12);
    let weights: Vec<Decimal> = (0..n)
        .map(|_| {
            let t = rng.pick(&[
                "0",
                "1",
                "7",
                "1000000",
                "0.5",
                "0.0000001",
                "123456789.123",
                "79228162514264337593543950335",
                "1e-20",
            ]);
            Decimal::from_str(t)
                .or_else(|_| Decimal::from_scientific(t))
                .unwrap_or(Decimal::ONE)
        })
        .collect();
    let method = *rng.pick(&Method::ALL);
    let total = *rng.pick(&[
        0u64,
        1,
        2,
        3,
        10,
        620,
        9000,
        1 << 31,
        (1 << 31) + 1,
        u64::MAX,
    ]);
    let lo = rng.below(3) as u64;
    let hi = 1 + rng.below(2000) as u64;
    let limits = rng.below(3);
    let ties = match rng.below(3) {
        0 => TieRule::Order,
        1 => TieRule::Error,
        _ => TieRule::Priority((0..n).rev().map(andel_core::PartyRef::Index).collect()),
    };
    let amount_text: &&str = rng.pick(&[
        "0.10",
        "-0.10",
        "4275000.00",
        "0",
        "79228162514264337593543950335",
        "0.001",
    ]);
    let amount = Decimal::from_str(amount_text).unwrap();
    let unit_text: &&str = rng.pick(&[
        "0.01",
        "1",
        "1000",
        "0.0000000000000000000000000001",
        "0",
        "-1",
    ]);
    let unit = Decimal::from_str(unit_text).unwrap();
    let shown = format!("weights {weights:?} total {total} {method} lo {lo} hi {hi} limits {limits} ties {ties:?} amount {amount} unit {unit}");
    let run = move || -> Result<(), String> {
        let o = Options {
            method,
            minimum: (limits & 1 == 1).then_some(Limit::All(lo)),
            maximum: (limits & 2 == 2).then_some(Limit::All(hi)),
            first_divisor: None,
            ties,
        };
        if let Ok(r) = apportion(&weights, total, &o) {
            let units = r.units();
            if units.iter().map(|&u| u128::from(u)).sum::<u128>() != u128::from(total) {
                return Err("units do not add up".into());
            }
            for (i, &u) in units.iter().enumerate() {
                if o.minimum.is_some() && u < lo
                    || o.maximum.is_some() && weights[i] > Decimal::ZERO && u > hi
                {
                    return Err(format!("party {i} outside its limits: {u}"));
                }
            }
            // The lazy explanation: every party's reasons, and the JSON.
            for (i, p) in r.parties().iter().enumerate() {
                if p.units != units[i] {
                    return Err(format!(
                        "party {i}: explained {} units, given {}",
                        p.units, units[i]
                    ));
                }
                let within = p.units == p.quota_whole || p.units == p.quota_whole + 1;
                let held = matches!(p.rounding, Rounding::Minimum | Rounding::Maximum);
                if method == Method::Hamilton && !held && !within {
                    return Err(format!(
                        "party {i}: {} units from quota {}",
                        p.units, p.quota_whole
                    ));
                }
            }
            serde_json::to_string(&r).map_err(|e| format!("json: {e}"))?;
        }
        if let Ok(s) = split(
            amount,
            &weights,
            &SplitOptions {
                unit,
                ties: TieRule::Order,
            },
        ) {
            let sum = s
                .parts
                .iter()
                .try_fold(Decimal::ZERO, |a, p| a.checked_add(*p));
            if sum != Some(amount) {
                return Err(format!("money parts add up to {sum:?}"));
            }
        }
        Ok(())
    };
    (shown, Box::new(run))
}

fn main() {
    let mut seconds = 10u64;
    let mut seed = 0x5eed_u64;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--seconds" => {
                seconds = args
                    .get(i + 1)
                    .and_then(|s| s.parse().ok())
                    .expect("--seconds N")
            }
            "--seed" => {
                seed = args
                    .get(i + 1)
                    .and_then(|s| s.parse().ok())
                    .expect("--seed N")
            }
            other => panic!("unknown argument {other}; use --seconds N and --seed N"),
        }
        i += 2;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let read_dir = |dir: &str| -> Vec<String> {
        let mut v: Vec<_> = std::fs::read_dir(root.join(dir))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v.iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    };
    let documents = read_dir("examples");
    let results = read_dir("tests/results");
    assert!(
        !documents.is_empty() && !results.is_empty(),
        "seed corpus missing"
    );

    std::panic::set_hook(Box::new(|info| {
        let trace = std::backtrace::Backtrace::force_capture().to_string();
        let ours = trace
            .lines()
            .find(|l| l.contains("andel_core::") && !l.contains("fuzz"))
            .map(str::trim);
        let at = ours
            .map(str::to_string)
            .or_else(|| info.location().map(|l| l.to_string()))
            .unwrap_or_default();
        PANIC_AT.with(|p| *p.borrow_mut() = at);
    }));
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let (mut runs, mut failures) = (0u64, 0u32);
    let out = root.join("target/fuzz-failures");
    while start.elapsed() < Duration::from_secs(seconds) {
        runs += 1;
        let (input, outcome) = match rng.below(4) {
            0 => {
                let seed_doc = rng.pick(&documents).clone();
                let doc = mutate(&mut rng, &seed_doc);
                let r = catch_unwind(AssertUnwindSafe(|| match compute_json(&doc) {
                    Ok(r) => check_result(&r),
                    Err(e) => {
                        let _ = (
                            e.code(),
                            e.field(),
                            e.to_string(),
                            serde_json::to_string(&e),
                        );
                        Ok(())
                    }
                }));
                (doc, r)
            }
            1 => {
                let seed_csv = *rng.pick(&CSV_SEEDS);
                let csv = mutate(&mut rng, seed_csv);
                let r = catch_unwind(AssertUnwindSafe(|| {
                    // As a file's bytes are read into text first.
                    let _ = andel_core::files::text(csv.as_bytes().to_vec(), "f");
                    match read_weights(&csv, &CsvColumns::default()) {
                        Ok(w) => {
                            let key = w.key;
                            if let Ok(a) =
                                key.split(Decimal::new(427_500_000, 2), &SplitOptions::default())
                            {
                                check_allocation(&a)?;
                            }
                            if let Ok(a) = key.apportion(620, &Options::default()) {
                                check_allocation(&a)?;
                            }
                            Ok(())
                        }
                        Err(e) => {
                            let _ = e.to_string();
                            Ok(())
                        }
                    }
                }));
                (csv, r)
            }
            2 => {
                // Results read back from JSON (as the bindings do), then written.
                let seed_result = rng.pick(&results).clone();
                let text = mutate(&mut rng, &seed_result);
                let r = catch_unwind(AssertUnwindSafe(|| {
                    if let Ok(r) = serde_json::from_str::<DocumentResult>(&text) {
                        for s in &r.scenarios {
                            let a = &s.allocation;
                            let _ = (a.table(NumberStyle::Danish), a.to_csv(Dialect::DanishExcel));
                            // What a changed result is checked by (Python's
                            // Allocation(...)); what a terminal is shown.
                            let _ = a.check().map_err(|e| e.to_string());
                            let shown =
                                andel_core::format::for_terminal(&a.table(NumberStyle::Plain));
                            if shown.contains('\u{1b}') || shown.contains('\r') {
                                return Err("an escape or CR reaches the terminal".into());
                            }
                            for note in &r.assumptions {
                                let line =
                                    andel_core::tabular::csv_comment(note, Dialect::DanishExcel);
                                if line.trim_end_matches('\n').contains(['\n', '\r']) {
                                    return Err("a CSV note spans lines".into());
                                }
                            }
                            for p in &a.parties {
                                let _ = a.explain(&p.id);
                            }
                        }
                        let _ = r.to_csv(Dialect::DanishExcel);
                    }
                    Ok(())
                }));
                (text, r)
            }
            _ => {
                let (shown, run) = engine_case(&mut rng);
                (shown, catch_unwind(AssertUnwindSafe(run)))
            }
        };
        let problem = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(broken)) => Some(format!("broken promise: {broken}")),
            Err(panic) => Some(format!(
                "panic at {}: {}",
                PANIC_AT.with(|p| p.borrow().clone()),
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        };
        if let Some(p) = problem {
            failures += 1;
            let _ = std::fs::create_dir_all(&out);
            let file = out.join(format!("{seed}-{runs}.txt"));
            let _ = std::fs::write(&file, &input);
            eprintln!(
                "FAIL {p}\n  input ({}): {}",
                file.display(),
                input.chars().take(400).collect::<String>()
            );
            if failures >= 10 {
                break;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: {runs} inputs in {secs:.1} s ({:.0}/s), seed {seed}, {failures} failure(s)",
        runs as f64 / secs
    );
    if failures > 0 {
        std::process::exit(1);
    }
}
