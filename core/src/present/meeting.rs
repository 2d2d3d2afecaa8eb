//! The meeting as a whole for people: kroner by case and places by case and
//! programme, per municipality (the minutes' cases side by side).

use super::allocation::column;
use super::view::{Cell, Row, Section, Table};
use super::{Language, Msg};
use crate::number::format::NumberStyle;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The meeting as a whole for people ([`meeting_view`]): a title, a note
/// on what counts, and two tables (kroner by case with the totals, places
/// by case and programme).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    /// The language of every word in it.
    pub language: Language,
    /// "Mødet som helhed, pr. kommune".
    pub title: String,
    /// What counts and what is never added.
    pub note: String,
    /// Kroner, then places.
    pub sections: Vec<Section>,
}

/// The head of a kroner total of the meeting's summary in `language`, as
/// the meeting's table shows it: `i alt`, or `i alt, laveste scenarier` and
/// `i alt, højeste scenarier` (`total, lowest scenarios`, …).
///
/// # Example
/// ```
/// use andel_core::present::{summary_total_head, Language};
/// use andel_core::summary::SummaryTotal;
/// assert_eq!(summary_total_head(SummaryTotal::Lowest, Language::Da), "i alt, laveste scenarier");
/// assert_eq!(summary_total_head(SummaryTotal::Highest, Language::En), "total, highest scenarios");
/// ```
pub fn summary_total_head(total: crate::summary::SummaryTotal, language: Language) -> String {
    use crate::summary::SummaryTotal;
    language
        .text(match total {
            SummaryTotal::All => Msg::Total,
            SummaryTotal::Lowest => Msg::MeetingTotalLowest,
            SummaryTotal::Highest => Msg::MeetingTotalHighest,
        })
        .to_string()
}

/// The meeting's summary ([`crate::summary::summary`]) for people; `None`
/// when no document counts in it.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// use andel_core::present::{meeting_view, Language};
/// use andel_core::summary::summary;
/// use andel_core::tabular::NumberStyle;
/// let r = compute_json(r#"{"version": 1, "summary": {"case": "9.9"},
///   "key": {"weights": [{"id": "851", "weight": 3}, {"id": "860", "weight": 1}]},
///   "scenarios": [{"name": "lav", "total": "100.00"}]}"#)?;
/// let v = meeting_view(&summary(&[r])?, Language::Da, NumberStyle::Danish).unwrap(); // ok: a doc example; one document counts
/// let text = v.text();
/// assert!(text.contains("Aalborg") && text.contains("75,00"), "{text}");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn meeting_view(
    m: &crate::summary::MeetingSummary,
    language: Language,
    style: NumberStyle,
) -> Option<MeetingView> {
    use crate::summary::{SummaryTotal, SummaryUnit};
    if m.columns.is_empty() {
        return None;
    }
    let say = |msg: Msg| language.text(msg).to_string();
    let total_name = |t: &SummaryTotal| summary_total_head(*t, language);
    let mut sections = Vec::new();
    for (places, heading) in [(false, Msg::MeetingKroner), (true, Msg::MeetingPlaces)] {
        // Kroner to the øre in every column, places whole; "-": not in
        // that case's key.
        let show = |d: Option<Decimal>| match d {
            Some(d) => Cell::number(style, d, if places { 0 } else { 2 }),
            None => Cell::text("-"),
        };
        let columns: Vec<usize> = (0..m.columns.len())
            .filter(|&j| matches!(m.columns[j].unit, SummaryUnit::Places { .. }) == places)
            .collect();
        if columns.is_empty() {
            continue;
        }
        let mut head = vec![
            column("id", say(Msg::ColId), false),
            column("name", say(Msg::ColName), false),
        ];
        head.extend(
            columns
                .iter()
                .map(|&j| column(&format!("column_{j}"), m.columns[j].head.clone(), true)),
        );
        if !places {
            head.extend(m.totals.iter().map(|t| {
                let key = match t {
                    SummaryTotal::All => "total",
                    SummaryTotal::Lowest => "total_lowest",
                    SummaryTotal::Highest => "total_highest",
                };
                column(key, total_name(t), true)
            }));
        }
        let rows = m
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![Cell::text(r.id.clone()), Cell::text(r.name.clone())];
                cells.extend(
                    columns
                        .iter()
                        .map(|&j| show(r.cells.get(j).copied().flatten())),
                );
                if !places {
                    cells.extend(r.kroner.iter().map(|&k| show(Some(k))));
                }
                Row {
                    id: r.id.clone(),
                    cells,
                    explanation: None,
                }
            })
            .collect();
        let mut last = vec![Cell::text(say(Msg::Total)), Cell::empty()];
        last.extend(columns.iter().map(|&j| show(Some(m.columns[j].total))));
        let mut notes = Vec::new();
        if !places {
            last.extend(m.kroner.iter().map(|&k| show(Some(k))));
            for (t, adds) in m.totals.iter().zip(&m.adds) {
                let parts: Vec<String> = adds
                    .iter()
                    .filter_map(|&j| m.columns.get(j).map(|c| c.head.clone()))
                    .collect();
                notes.push(format!("{} = {}", total_name(t), parts.join(" + ")));
            }
        }
        sections.push(Section {
            heading: Some(say(heading)),
            summary: None,
            table: Table {
                columns: head,
                rows,
                total: Some(Row {
                    id: String::new(),
                    cells: last,
                    explanation: None,
                }),
            },
            notes,
        });
    }
    Some(MeetingView {
        language,
        title: say(Msg::MeetingTitle),
        note: say(Msg::MeetingNote),
        sections,
    })
}

impl MeetingView {
    /// The summary as text: the title underlined, the note, the tables.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n",
            self.title,
            "=".repeat(self.title.chars().count()),
            self.note
        );
        for section in &self.sections {
            out.push('\n');
            out += &section.text();
        }
        out
    }
}
