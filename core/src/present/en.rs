//! The English catalogue: every word and sentence andel shows, in English.
//! Slots in braces (`{total}`) are filled with figures already formatted.

use super::{Msg, ReadMsg};

/// The English text of `msg`.
pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::ReportTitle => "The KKR Nordjylland minutes of 18 November 2022: the cases as key documents",
        Msg::FolderReportTitle => "The key documents in the folder \"{folder}\"",
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
        Msg::ByMemberAndGroup => "By member and group (each member's groups add up to its total, each group's members to the group's places):",
        Msg::AgainstActual => "{scenario} against {actual}:",
        Msg::MeetingTitle => "The meeting as a whole, per municipality",
        Msg::MeetingNote => "Every document with a summary counts: each column is one case (and reading), one scenario and, for places, one programme. Kroner are added into a total; places never. Only municipalities: a region's part (2.8's 25 %, 2.12's 7,2 %) is in its case. \"-\": not in that case.",
        Msg::MeetingKroner => "Kroner by case, and in total:",
        Msg::MeetingPlaces => "Places by case and programme (not added across columns):",
        Msg::MeetingTotalLowest => "total, lowest scenarios",
        Msg::MeetingTotalHighest => "total, highest scenarios",
        Msg::Provenance => "andel {version}; population: Statistics Denmark, 1 January {span} ({sources})",
        Msg::SheetTables => "Allocation",
        Msg::SheetAssumptions => "Assumptions",
        Msg::Notes => "Notes:",
        Msg::And => " and ",
        Msg::Others => "{count} others",
    }
}

/// The English of what reading a file told its reader.
pub fn read_text(msg: ReadMsg) -> &'static str {
    match msg {
        ReadMsg::LeftOut => "left out {rows}",
        ReadMsg::LeftOutRow => "line {line} {text} ({why})",
        ReadMsg::NationalTotal => "the national total",
        ReadMsg::RegionalTotal => "a regional total",
        ReadMsg::NotAMunicipality => "Christiansø is not a municipality",
        ReadMsg::SumOfOthers => "a total: its weight is the sum of the other rows",
        ReadMsg::TitleLine => "a title above the table",
        ReadMsg::FootnoteLine => "a note below the table",
        ReadMsg::ReadAsEncoding => "read as {encoding} (the bytes are not UTF-8)",
        ReadMsg::DanishThousands => "the weights were read with a decimal comma, dots grouping thousands (line {line}: {text} is {reading}), because {why}; give the decimal separator \".\" if the dots are decimals",
        ReadMsg::BecauseSemicolons => "the text is semicolon separated as from Danish Excel",
        ReadMsg::BecauseTabs => "the text is tab separated as cells copied from Danish Excel",
        ReadMsg::BecauseHeader => "the header is Danish",
        ReadMsg::PopulationFile => "population on {date} ({period} in {file}), {ages}",
        ReadMsg::PopulationBytes => "population on {date} ({period}), {ages}",
        ReadMsg::AgesRange => "{from}-{to} years",
        ReadMsg::AgesFrom => "{from} years and over",
        ReadMsg::ReadCsv => "The CSV weights",
        ReadMsg::ReadCsvAt => "The CSV weights at {at}",
        ReadMsg::ReadPopulation => "The population file",
        ReadMsg::ReadPopulationAt => "The population file at {at}",
        ReadMsg::AgesAll => "all ages",
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

/// The command line's own words in English (clap's wording).
pub fn cli_text(msg: super::CliMsg) -> &'static str {
    use super::CliMsg as C;
    match msg {
        C::Error => "error",
        C::Note => "note",
        C::MissingArguments => "the following required arguments were not provided: {args}",
        C::UnknownArgument => "unexpected argument {arg} found",
        C::DidYouMean => "; a similar argument exists: {arg}",
        C::InvalidValue => "invalid value {value} for {arg}",
        C::PossibleValues => "; possible values: {values}",
        C::SeeHelp => "For more information, try '{command} --help'.",
    }
}
