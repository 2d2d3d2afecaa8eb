//! The English catalogue: every word and sentence andel shows, in English.
//! Slots in braces (`{total}`) are filled with figures already formatted.

use super::Msg;

/// The English text of `msg`.
pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::ReportTitle => "The KKR Nordjylland minutes of 18 November 2022: the cases as key documents",
        Msg::Assumptions => "Assumptions:",
        Msg::Scenario => "Scenario \"{name}\"",
        Msg::BetweenGroupsPerLevel => "Between the groups (rounded per level):",
        Msg::BetweenGroupsFlat => "Between the groups (rounded flat):",
        Msg::WithinGroup => "Within {group} ({units}):",
        Msg::BetweenParts => "Between the parts:",
        Msg::WithinPart => "Within {part}:",
        Msg::OverYears => "Over the years:",
        Msg::ByPartyAndYear => "By party and year (each party's years add up to its total, each year's parties to the year's amount):",
        Msg::YearColumn => "year {year}",
        Msg::YearsTie => "equal remainders, decided by table order: {cells}",
        Msg::ByPartyAndColumn => "By party and column ({method}; rows and columns both add up):",
        Msg::TableTie => "tie, decided by table order: {cells}",
        Msg::ComparedWith => "Compared with {label}:",
        Msg::TheOtherKey => "the other key",
        Msg::DimensionedAgainstActual => "Dimensioned against actual:",
        Msg::ColId => "id",
        Msg::ColName => "name",
        Msg::ColWeight => "weight",
        Msg::ColKeyWeight => "key weight",
        Msg::ColShare => "share %",
        Msg::ColQuotaMoney => "exact, DKK",
        Msg::ColQuotaPlaces => "exact, places",
        Msg::ColAmount => "DKK, {unit}",
        Msg::ColPlaces => "places",
        Msg::ColRounding => "rounding",
        Msg::ColThisKey => "this key",
        Msg::ColOtherKey => "other key",
        Msg::ColChange => "change",
        Msg::ColDimensioned => "dimensioned",
        Msg::ColActual => "actual",
        Msg::ColDifference => "difference",
        Msg::ColPercent => "%",
        Msg::Total => "total",
        Msg::UnitOre => "to the øre",
        Msg::UnitKrone => "in whole kroner",
        Msg::UnitThousand => "in whole thousands",
        Msg::UnitOther => "in units of DKK {unit}",
        Msg::SummaryMoney => "DKK {total} split {unit} by {method}",
        Msg::SummaryPlaces => "{total} places apportioned by {method}",
        Msg::Kroner => "DKK {amount}",
        Msg::OnePlace => "1 place",
        Msg::Places => "{count} places",
        Msg::People => "{count} inhabitants",
        Msg::MethodHamilton => "largest remainder (Hamilton)",
        Msg::MethodDhondt => "the D'Hondt method",
        Msg::MethodSainteLague => "the Sainte-Laguë method",
        Msg::MethodModifiedSainteLague => "modified Sainte-Laguë",
        Msg::MethodHuntingtonHill => "the Huntington-Hill method",
        Msg::MethodAdams => "the Adams method",
        Msg::MethodDean => "the Dean method",
        Msg::RoundedUp => "up",
        Msg::RoundedDown => "down",
        Msg::RoundedExact => "exact",
        Msg::HeldAtMinimum => "held at minimum",
        Msg::HeldAtMaximum => "held at maximum",
        Msg::Rank => "#{rank}",
        Msg::Excluded => "excluded",
        Msg::Tied => "tied",
        Msg::FixedShare => "fixed share",
        Msg::TieLine => "{parties} tied for {units}; by {rule} {winners} got it",
        Msg::RuleOrder => "input order (earlier first)",
        Msg::RulePriority => "the drawn order (a lot)",
        Msg::RuleError => "the error rule",
        Msg::ExWeight => "{name}: {weight} of {total} ({share} %)",
        Msg::ExWeightAfterFixed => "{name}: {weight} of {total} sharing what the fixed shares leave, {share} % in all",
        Msg::ColCode => "code",
        Msg::ColRegion => "region",
        Msg::ColPopulation => "population {year}",
        Msg::ExFixed => "{name}: a fixed share of {share} %",
        Msg::ExBlend => "{name}: {share} % by the blended key",
        Msg::ExNested => "{name}: {share} % through the group {group}",
        Msg::ExExcluded => "{name} takes no part: its weight {weight} does not count, so it gets {amount}",
        Msg::ExGives => " of {total} gives {quota}",
        Msg::ExExact => "; that is exact, so it gets {amount}",
        Msg::ExUpRank => "; rounded up to {amount}, because the remainder {rest} is the {rank} largest of {count}",
        Msg::ExDownRank => "; rounded down to {amount}, because the remainder {rest} is only the {rank} largest of {count}",
        Msg::ExUp => "; rounded up to {amount}",
        Msg::ExDown => "; rounded down to {amount}",
        Msg::ExUpMethod => "; {method} rounds it up to {amount}",
        Msg::ExDownMethod => "; {method} rounds it down to {amount}",
        Msg::ExMinimum => "; held up at its minimum, {amount}",
        Msg::ExMaximum => "; held down at its maximum, {amount}",
        Msg::ExTie => "; it tied with {others} for {units}, and by {rule} {winners} got it",
        Msg::ExYears => " (the years are rounded together, so the party's years add up to its total and the year's parties to the year's amount)",
        Msg::LabelGroup => "group {id}: ",
        Msg::LabelPart => "part {id}: ",
        Msg::LabelYear => "year {id}: ",
        Msg::LabelCompare => "compare ({label}): ",
        Msg::LabelCompareBare => "compare: ",
        Msg::LabelScenario => "{scenario}: ",
        Msg::LeftOut => "left out {rows}",
        Msg::LeftOutRow => "line {line} {text} ({why})",
        Msg::NationalTotal => "the national total",
        Msg::RegionalTotal => "a regional total of a Statistics Denmark export",
        Msg::NotAMunicipality => "Christiansø is not a municipality",
        Msg::And => " and ",
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, … `11th`, `12th`, `13th`, `21st`.
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// What went wrong in a CSV file, in English: the problem's own message.
pub fn csv_problem(p: &crate::CsvProblem) -> String {
    p.to_string()
}

/// An error's message in English: its own (`Display`), led by its field.
pub fn error(e: &crate::Error) -> String {
    e.to_string()
}
