//! The main job: the cases of the KKR Nordjylland minutes of 18 November 2022,
//! computed on the embedded population data from the key documents under
//! `examples/`.
//!
//! `cargo run -q -p andel-report` prints the report with Danish numbers;
//! `-- --plain` prints plain numbers (1658397.22).

use andel_core::document::{compute_json, DocumentResult};
use andel_core::tabular::{render_table, NumberStyle};
use andel_core::{Allocation, Decimal, Result};
use std::process::ExitCode;

/// The key documents of the report, in the order of the report.
pub const DOCUMENTS: [(&str, &str); 6] = [
    (
        "2.8-self-harm-offer.json",
        include_str!("../../2.8-self-harm-offer.json"),
    ),
    (
        "2.8-cost-split.json",
        include_str!("../../2.8-cost-split.json"),
    ),
    (
        "2.12-paid-internships.json",
        include_str!("../../2.12-paid-internships.json"),
    ),
    (
        "2.9-sosu-assistant.json",
        include_str!("../../2.9-sosu-assistant.json"),
    ),
    (
        "2.9-sosu-helper.json",
        include_str!("../../2.9-sosu-helper.json"),
    ),
    ("2.4-dk2020.json", include_str!("../../2.4-dk2020.json")),
];

fn main() -> ExitCode {
    let style = if std::env::args().any(|a| a == "--plain") {
        NumberStyle::Plain
    } else {
        NumberStyle::Danish
    };
    match report(style) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn doc(name: &str) -> Result<DocumentResult> {
    let text = DOCUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("");
    compute_json(text).map_err(|e| e.under(name))
}

struct Out {
    text: String,
    style: NumberStyle,
}

impl Out {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }
    fn heading(&mut self, s: &str) {
        self.line("");
        self.line(s);
        self.line(&"=".repeat(s.chars().count()));
    }
    fn kr(&self, d: Decimal) -> String {
        self.style.format(d, 2)
    }
    fn n(&self, d: Decimal) -> String {
        self.style.format(d, 0)
    }
    fn pct(&self, d: Decimal) -> String {
        self.style.format(d * Decimal::from(100), 4)
    }
    fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>, right: &[bool]) {
        self.text.push_str(&render_table(head, &rows, right));
    }
}

fn name(a: &Allocation, i: usize) -> String {
    let p = &a.parties[i];
    p.name.clone().unwrap_or_else(|| p.id.clone())
}

/// The whole report as text.
pub fn report(style: NumberStyle) -> Result<String> {
    let mut o = Out {
        text: String::new(),
        style,
    };
    o.line("andel: the cases of the KKR Nordjylland meeting of 18 November 2022");
    o.line("Population: Statistics Denmark, FOLK1A, 1 January 2022 (embedded; see core/data/README.md).");
    o.line("Every column adds up exactly to its total; leftover øre and places go by largest remainder.");
    case_2_8(&mut o)?;
    case_2_12(&mut o)?;
    case_2_9(&mut o)?;
    case_2_4(&mut o)?;
    Ok(o.text)
}

fn case_2_8(o: &mut Out) -> Result<()> {
    let r = doc("2.8-self-harm-offer.json")?;
    o.heading("2.8 New offer for children and young people who self-harm (kr.)");
    o.line(
        "Municipalities 75 %, Region Nordjylland 25 %. The municipal part is split by population",
    );
    o.line("between the nine municipalities other than Læsø and Morsø (who do not take part).");
    o.line("");
    let (low, high) = (&r.scenarios[0], &r.scenarios[1]);
    let mut rows = Vec::new();
    for (i, p) in low.allocation.parties.iter().enumerate() {
        rows.push(vec![
            p.id.clone(),
            name(&low.allocation, i),
            o.n(p.weight),
            o.pct(p.share),
            o.kr(p.amount),
            o.kr(high.allocation.parties[i].amount),
        ]);
    }
    let sum = |a: &Allocation| a.parties.iter().map(|p| p.amount).sum::<Decimal>();
    let weight: Decimal = low.allocation.parties.iter().map(|p| p.weight).sum();
    rows.push(vec![
        "".into(),
        "Total".into(),
        o.n(weight),
        o.pct(Decimal::ONE),
        o.kr(sum(&low.allocation)),
        o.kr(sum(&high.allocation)),
    ]);
    o.table(
        &[
            "code",
            "municipality",
            "population 2022",
            "share %",
            "low",
            "high",
        ],
        rows,
        &[false, false, true, true, true, true],
    );
    let third = |d: Decimal| (d / Decimal::from(3)).round_dp(2);
    o.line("");
    o.line(&format!(
        "Region Nordjylland's 25 % is a third of the municipal part: {} kr. (low), {} kr. (high, rounded to øre).",
        o.kr(third(low.total)),
        o.kr(third(high.total))
    ));
    let split = doc("2.8-cost-split.json")?;
    let parts = &split.scenarios[0].allocation;
    o.line(&format!(
        "As a cost split of the low whole, {} kr.: municipalities {} kr., region {} kr.",
        o.kr(split.scenarios[0].total),
        o.kr(parts.parties[0].amount),
        o.kr(parts.parties[1].amount)
    ));

    if let Some(years) = &low.years {
        o.line("");
        o.line(
            "Illustrative three-year profile of the low scenario (50/30/20 %, largest first year):",
        );
        let mut rows = Vec::new();
        for (i, p) in low.allocation.parties.iter().enumerate() {
            if p.units == 0 {
                continue;
            }
            let mut row = vec![name(&low.allocation, i)];
            row.extend(years.per_year.iter().map(|y| o.kr(y.parties[i].amount)));
            rows.push(row);
        }
        let mut total = vec!["Total".to_string()];
        total.extend(years.years.parties.iter().map(|y| o.kr(y.amount)));
        rows.push(total);
        let head: Vec<String> = std::iter::once("municipality".to_string())
            .chain(years.years.parties.iter().map(|y| y.id.clone()))
            .collect();
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        o.table(&head, rows, &[false, true, true, true]);
    }
    if let Some(c) = &low.comparison {
        o.line("");
        o.line(&format!(
            "The low scenario by population 2022 against {}:",
            c.label.as_deref().unwrap_or("another key")
        ));
        let rows = c
            .rows
            .iter()
            .filter(|r| !r.amount_base.is_zero() || !r.amount_other.is_zero())
            .map(|r| {
                vec![
                    r.name.clone().unwrap_or_else(|| r.id.clone()),
                    o.kr(r.amount_base),
                    o.kr(r.amount_other),
                    o.kr(r.change),
                ]
            })
            .collect();
        o.table(
            &["municipality", "2022", "2025", "change"],
            rows,
            &[false, true, true, true],
        );
    }
    Ok(())
}

fn case_2_12(o: &mut Out) -> Result<()> {
    let r = doc("2.12-paid-internships.json")?;
    let s = &r.scenarios[0];
    o.heading("2.12 Paid pedagogue internships (UCN): places");
    o.line("Region Nordjylland keeps a fixed 7.2 %; the rest follows population over all 11");
    o.line("municipalities, Læsø now included. 620 places (UCN's 2022 intake) is an illustration:");
    o.line("the number of places is an input. Compared with the same key without Læsø.");
    o.line("");
    let other = s.comparison.as_ref();
    let mut rows = Vec::new();
    for (i, p) in s.allocation.parties.iter().enumerate() {
        let without = other.and_then(|c| c.other.get(&p.id));
        rows.push(vec![
            name(&s.allocation, i),
            o.pct(p.share),
            o.style.format(p.quota.to_decimal(4), 4),
            p.units.to_string(),
            without.map(|w| w.units.to_string()).unwrap_or_default(),
            without
                .map(|w| format!("{:+}", i128::from(w.units) - i128::from(p.units)))
                .unwrap_or_default(),
        ]);
    }
    rows.push(vec![
        "Total".into(),
        o.pct(Decimal::ONE),
        String::new(),
        s.allocation.units().iter().sum::<u64>().to_string(),
        other
            .map(|c| c.other.units().iter().sum::<u64>().to_string())
            .unwrap_or_default(),
        String::new(),
    ]);
    o.table(
        &[
            "party",
            "share %",
            "quota",
            "places",
            "without Læsø",
            "change",
        ],
        rows,
        &[false, true, true, true, true, true],
    );
    for t in &s.allocation.ties {
        o.line(&format!(
            "Tie for {} place(s) between {}: decided by {}.",
            t.units,
            t.parties.join(", "),
            t.decided_by
        ));
    }
    Ok(())
}

fn case_2_9(o: &mut Out) -> Result<()> {
    let a = doc("2.9-sosu-assistant.json")?;
    let h = doc("2.9-sosu-helper.json")?;
    let (a, h) = (&a.scenarios[0], &h.scenarios[0]);
    o.heading("2.9 SOSU training places 2023: 9,000 = 6,000 assistant + 3,000 helper");
    o.line(
        "Between the five KKR by a 50/50 blend of the historical distribution (KL's 2018 places",
    );
    o.line(
        "per KKR) and population on 1 January 2022 (standing in for the elderly-expenditure key,",
    );
    o.line("which is not public). The blend weights are illustrative inputs. Then Nordjylland's");
    o.line("places go to its 11 municipalities by population. Every level adds up exactly.");
    o.line("");
    let mut rows = Vec::new();
    for (i, p) in a.allocation.parties.iter().enumerate() {
        let hp = &h.allocation.parties[i];
        rows.push(vec![
            name(&a.allocation, i),
            o.pct(p.share),
            p.units.to_string(),
            o.pct(hp.share),
            hp.units.to_string(),
            (p.units + hp.units).to_string(),
        ]);
    }
    let (ua, uh): (u64, u64) = (
        a.allocation.units().iter().sum(),
        h.allocation.units().iter().sum(),
    );
    rows.push(vec![
        "Total".into(),
        o.pct(Decimal::ONE),
        ua.to_string(),
        o.pct(Decimal::ONE),
        uh.to_string(),
        (ua + uh).to_string(),
    ]);
    o.table(
        &[
            "KKR",
            "key % (assistant)",
            "assistant",
            "key % (helper)",
            "helper",
            "places",
        ],
        rows,
        &[false, true, true, true, true, true],
    );
    let members = |s: &andel_core::document::ScenarioResult| {
        s.nested
            .as_ref()
            .and_then(|n| n.per_group.iter().find(|g| g.id == "Nordjylland"))
            .and_then(|g| g.members.clone())
    };
    if let (Some(ma), Some(mh)) = (members(a), members(h)) {
        o.line("");
        o.line("KKR Nordjylland's places between its municipalities (population 2022):");
        let mut rows = Vec::new();
        for (i, p) in ma.parties.iter().enumerate() {
            let hp = &mh.parties[i];
            rows.push(vec![
                name(&ma, i),
                o.pct(p.share),
                p.units.to_string(),
                hp.units.to_string(),
                (p.units + hp.units).to_string(),
            ]);
        }
        let (ua, uh): (u64, u64) = (ma.units().iter().sum(), mh.units().iter().sum());
        rows.push(vec![
            "Total".into(),
            o.pct(Decimal::ONE),
            ua.to_string(),
            uh.to_string(),
            (ua + uh).to_string(),
        ]);
        o.table(
            &["municipality", "share %", "assistant", "helper", "places"],
            rows,
            &[false, true, true, true, true],
        );
    }
    Ok(())
}

fn case_2_4(o: &mut Out) -> Result<()> {
    let r = doc("2.4-dk2020.json")?;
    let s = &r.scenarios[0];
    o.heading("2.4 DK2020 climate secretariat, one more quarter (whole kr.)");
    o.line(
        "\"Just under 200,000 kr.\" in all for the municipalities; 199,000 kr. is an illustration.",
    );
    o.line("Split by population between all 11 municipalities, in whole kroner.");
    o.line("");
    let mut rows: Vec<Vec<String>> = s
        .allocation
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                name(&s.allocation, i),
                o.n(p.weight),
                o.pct(p.share),
                o.n(p.amount),
            ]
        })
        .collect();
    rows.push(vec![
        "Total".into(),
        o.n(s.allocation.parties.iter().map(|p| p.weight).sum()),
        o.pct(Decimal::ONE),
        o.n(s.allocation.amounts().iter().sum()),
    ]);
    o.table(
        &["municipality", "population 2022", "share %", "kr."],
        rows,
        &[false, true, true, true],
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_shows_the_documents_numbers() {
        let text = report(NumberStyle::Plain).expect("report");
        for (name, json) in DOCUMENTS {
            let r = compute_json(json).unwrap_or_else(|e| panic!("{name}: {e}"));
            for s in &r.scenarios {
                // Every municipality's amount or places of the main table.
                if let Some(p) = s.allocation.get("851") {
                    let shown = if s.allocation.unit == Decimal::ONE && !name.starts_with("2.4") {
                        p.units.to_string()
                    } else {
                        NumberStyle::Plain.format(p.amount, s.allocation.unit.normalize().scale())
                    };
                    assert!(
                        text.contains(&shown),
                        "{name}: Aalborg {shown} not in the report"
                    );
                }
            }
        }
        // Hand-checked anchors (exact fractions outside the code).
        for anchor in [
            "1658397.22",
            "2168524.08",
            "829198.61",
            "5700000.00",
            "74349",
            "9000",
        ] {
            assert!(text.contains(anchor), "{anchor}");
        }
        let danish = report(NumberStyle::Danish).expect("report");
        assert!(danish.contains("1.658.397,22"));
    }
}
