//! The Danish catalogue: every word and sentence andel shows, in Danish.
//! Slots in braces (`{total}`) are filled with figures already formatted.

use super::{Msg, ReadMsg};

/// The Danish text of `msg`.
pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::ReportTitle => "KKR Nordjyllands referat af 18. november 2022: sagerne som nøgledokumenter",
        Msg::FolderReportTitle => "Nøgledokumenterne i mappen »{folder}«",
        Msg::Assumptions => "Forudsætninger:",
        Msg::Scenario => "Scenarie »{name}«",
        Msg::BetweenGroupsPerLevel => "Mellem grupperne (afrundet trin for trin):",
        Msg::BetweenGroupsFlat => "Mellem grupperne (afrundet samlet):",
        Msg::WithinGroup => "Inden for {group} ({units}):",
        Msg::BetweenParts => "Mellem delene:",
        Msg::WithinPart => "Inden for {part}:",
        Msg::OverYears => "Fordelt på årene:",
        Msg::ByPartyAndYear => "Pr. part og år (hver parts år giver dens samlede beløb, hvert års parter årets beløb):",
        Msg::YearColumn => "år {year}",
        Msg::YearsTie => "lige store rester, afgjort i tabellens rækkefølge: {cells}",
        Msg::ByPartyAndColumn => "Pr. part og kolonne ({method}; både rækker og kolonner går op):",
        Msg::TableTie => "stod lige, afgjort i tabellens rækkefølge: {cells}",
        Msg::ComparedWith => "Sammenlignet med {label}:",
        Msg::TheOtherKey => "den anden nøgle",
        Msg::DimensionedAgainstActual => "Dimensioneret over for faktisk:",
        Msg::ColId => "id",
        Msg::ColName => "navn",
        Msg::ColWeight => "vægt",
        Msg::ColKeyWeight => "nøglens vægt",
        Msg::ColShare => "andel %",
        Msg::ColQuotaMoney => "eksakt, kr.",
        Msg::ColQuotaPlaces => "eksakt, pladser",
        Msg::ColAmount => "kr., {unit}",
        Msg::ColPlaces => "pladser",
        Msg::ColRounding => "afrunding",
        Msg::ColThisKey => "denne nøgle",
        Msg::ColOtherKey => "anden nøgle",
        Msg::ColChange => "ændring",
        Msg::ColDimensioned => "dimensioneret",
        Msg::ColActual => "faktisk",
        Msg::ColDifference => "forskel",
        Msg::ColPercent => "%",
        Msg::Total => "i alt",
        Msg::UnitOre => "i øre",
        Msg::UnitKrone => "i hele kroner",
        Msg::UnitThousand => "i hele tusinder kr.",
        Msg::UnitOther => "i enheder af {unit} kr.",
        Msg::SummaryMoney => "{total} kr. fordelt {unit} efter {method}",
        Msg::SummaryPlaces => "{total} pladser fordelt efter {method}",
        Msg::Kroner => "{amount} kr.",
        Msg::OnePlace => "1 plads",
        Msg::Places => "{count} pladser",
        Msg::People => "{count} indbyggere",
        Msg::MethodHamilton => "største brøk (Hamilton)",
        Msg::MethodDhondt => "d'Hondts metode",
        Msg::MethodSainteLague => "Sainte-Laguës metode",
        Msg::MethodModifiedSainteLague => "modificeret Sainte-Laguë",
        Msg::MethodHuntingtonHill => "Huntington-Hills metode",
        Msg::MethodAdams => "Adams' metode",
        Msg::MethodDean => "Deans metode",
        Msg::RoundedUp => "op",
        Msg::RoundedDown => "ned",
        Msg::RoundedExact => "går op",
        Msg::HeldAtMinimum => "holdt på mindst",
        Msg::HeldAtMaximum => "holdt på højst",
        Msg::Rank => "nr. {rank}",
        Msg::Excluded => "deltager ikke",
        Msg::Tied => "stod lige",
        Msg::FixedShare => "fast andel",
        Msg::TieLine => "{parties} stod lige om {units}; efter {rule} fik {winners}",
        Msg::RuleOrder => "rækkefølgen (den først nævnte først)",
        Msg::RulePriority => "den trukne rækkefølge (lodtrækning)",
        Msg::RuleError => "fejlreglen",
        Msg::ExWeight => "{name}: {weight} af {total} ({share} %)",
        Msg::ExWeightAfterFixed => "{name}: {weight} af {total} deler det, de faste andele levner, i alt {share} %",
        Msg::ColCode => "kode",
        Msg::ColRegion => "region",
        Msg::ColPopulation => "indbyggere {year}",
        Msg::ExFixed => "{name}: en fast andel på {share} %",
        Msg::ExBlend => "{name}: {share} % efter den blandede nøgle",
        Msg::ExNested => "{name}: {share} % gennem gruppen {group}",
        Msg::ExExcluded => "{name} deltager ikke: vægten {weight} tæller ikke med, så den får {amount}",
        Msg::ExGives => " af {total} giver {quota}",
        Msg::ExExact => "; det går op, så den får {amount}",
        Msg::ExUpRank => "; rundet op til {amount}, fordi resten {rest} er den {rank} største af {count}",
        Msg::ExDownRank => "; rundet ned til {amount}, fordi resten {rest} kun er den {rank} største af {count}",
        Msg::ExUp => "; rundet op til {amount}",
        Msg::ExDown => "; rundet ned til {amount}",
        Msg::ExUpMethod => "; {method} runder op til {amount}",
        Msg::ExDownMethod => "; {method} runder ned til {amount}",
        Msg::ExMinimum => "; holdt oppe på sit mindste antal, {amount}",
        Msg::ExMaximum => "; holdt nede på sit højeste antal, {amount}",
        Msg::ExTie => "; den stod lige med {others} om {units}, og efter {rule} fik {winners}",
        Msg::ExYears => " (årene afrundes sammen, så partens år giver dens samlede beløb og årets parter årets beløb)",
        Msg::LabelGroup => "gruppe {id}: ",
        Msg::LabelPart => "del {id}: ",
        Msg::LabelYear => "år {id}: ",
        Msg::LabelCompare => "sammenligning ({label}): ",
        Msg::LabelCompareBare => "sammenligning: ",
        Msg::LabelScenario => "{scenario}: ",
        Msg::ByMemberAndGroup => "Pr. medlem og gruppe (hvert medlems grupper giver dets samlede antal, hver gruppes medlemmer gruppens pladser):",
        Msg::AgainstActual => "{scenario} over for {actual}:",
        Msg::MeetingTitle => "Mødet som helhed, pr. kommune",
        Msg::MeetingNote => "Hvert dokument med et resumé tæller: hver kolonne er én sag (og læsning), ét scenarie og, for pladser, én uddannelse. Kroner lægges sammen; pladser aldrig. Kun kommuner: en regions del (2.8's 25 %, 2.12's 7,2 %) står i sin sag. »-«: ikke med i den sag.",
        Msg::MeetingKroner => "Kroner pr. sag og i alt:",
        Msg::MeetingPlaces => "Pladser pr. sag og uddannelse (lægges ikke sammen på tværs af kolonner):",
        Msg::MeetingTotalLowest => "i alt, laveste scenarier",
        Msg::MeetingTotalHighest => "i alt, højeste scenarier",
        Msg::Provenance => "andel {version}; befolkning: Danmarks Statistik, 1. januar {span} ({sources})",
        Msg::SheetTables => "Fordeling",
        Msg::SheetAssumptions => "Forudsætninger",
        Msg::Notes => "Bemærkninger:",
        Msg::And => " og ",
        Msg::Others => "{count} andre",
    }
}

/// The Danish of what reading a file told its reader.
pub fn read_text(msg: ReadMsg) -> &'static str {
    match msg {
        ReadMsg::LeftOut => "udeladt {rows}",
        ReadMsg::LeftOutRow => "linje {line} {text} ({why})",
        ReadMsg::NationalTotal => "landstallet",
        ReadMsg::RegionalTotal => "en regions samlede tal",
        ReadMsg::NotAMunicipality => "Christiansø er ingen kommune",
        ReadMsg::SumOfOthers => "en sum: dens tal er summen af de andre rækker",
        ReadMsg::TitleLine => "en titel over tabellen",
        ReadMsg::FootnoteLine => "en note under tabellen",
        ReadMsg::ReadAsEncoding => "læst som {encoding} (filen er ikke UTF-8)",
        ReadMsg::DanishThousands => "vægtene er læst med decimalkomma og punktum som tusindtalsskilletegn (linje {line}: {text} er {reading}), fordi {why}; angiv decimaltegnet \".\", hvis punktummerne er decimaler",
        ReadMsg::BecauseSemicolons => "teksten er semikolonsepareret som fra dansk Excel",
        ReadMsg::BecauseTabs => "teksten er tabulatorsepareret som celler kopieret fra dansk Excel",
        ReadMsg::BecauseHeader => "overskriften er dansk",
        ReadMsg::PopulationFile => "befolkning pr. {date} ({period} i {file}), {ages}",
        ReadMsg::PopulationBytes => "befolkning pr. {date} ({period}), {ages}",
        ReadMsg::AgesRange => "{from}-{to} år",
        ReadMsg::AgesFrom => "{from} år og derover",
        ReadMsg::ReadCsv => "CSV-vægtene",
        ReadMsg::ReadCsvAt => "CSV-vægtene i {at}",
        ReadMsg::ReadPopulation => "Befolkningsfilen",
        ReadMsg::ReadPopulationAt => "Befolkningsfilen i {at}",
        ReadMsg::AgesAll => "alle aldre",
    }
}

/// `n.`: Danish ordinals are the number and a full stop.
pub fn ordinal(n: u64) -> String {
    format!("{n}.")
}

/// `text` in Danish quotes, escaped as [`crate::error::quoted`] escapes it
/// (invisible characters shown).
pub(crate) fn q(text: &str) -> String {
    let quoted = crate::error::quoted(text);
    let inner = quoted
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(&quoted);
    format!("«{inner}»")
}

/// A decimal the Danish way, every digit it has.
fn n(d: rust_decimal::Decimal) -> String {
    crate::number::format::danish(d, d.scale())
}

/// What went wrong in a CSV file, in Danish.
pub fn csv_problem(p: &crate::CsvProblem) -> String {
    use crate::CsvProblem as P;
    match p {
        P::AmbiguousDecimal { text } => format!(
            "{} kan læses både med decimalkomma og med decimalpunktum; sig hvilket (decimaltegn \",\" eller \".\")",
            q(text)
        ),
        P::MixedDecimals {
            comma,
            comma_line,
            point,
            point_line,
        } => format!(
            "kolonnen blander decimalkomma ({}, linje {comma_line}) og decimalpunktum ({}, linje {point_line}); sig hvilket (decimaltegn \",\" eller \".\")",
            q(comma),
            q(point)
        ),
        P::NotANumberWithMark { text, mark } => format!(
            "{} er ikke et tal med decimaltegnet {}",
            q(text),
            q(&mark.to_string())
        ),
        P::NotANumber { text } => format!("{} er ikke et tal", q(text)),
        P::InvalidNumber { text, .. } => format!("{} er ikke et tal, der kan læses", q(text)),
        P::NoColumn { name, header, .. } => format!(
            "der er ingen kolonne {}; overskriften har {}",
            q(name),
            header.iter().map(|h| q(h)).collect::<Vec<_>>().join(", ")
        ),
        P::NegativeWeight { value } => format!("vægten {} er negativ", n(*value)),
        P::RepeatedParty { id } => format!(
            "{} står der mere end én gang (brug kun én periode)",
            q(id)
        ),
        P::RowWidth {
            found,
            expected,
            header,
        } => format!(
            "rækken har {found} felter, men {} har {expected}",
            if *header { "overskriften" } else { "første række" }
        ),
        P::OpenQuote => "et anførselstegn åbnes her, men lukkes aldrig".into(),
        P::TextAfterQuote { found } => format!(
            "tekst ({}) efter et afsluttende anførselstegn; et anførselstegn inde i et felt skrives to gange (\"\")",
            q(&found.to_string())
        ),
        P::Empty => "der er ingen tekst".into(),
        P::EmptyId => "en række har intet navn".into(),
        P::NoParties => "der er ingen at fordele mellem".into(),
        P::ZeroTotal => "alle vægte er nul; mindst én skal være positiv".into(),
        P::TooLarge { mib } => format!("teksten er over {mib} MiB; del den op"),
    }
}

/// An error's message in Danish, led by its field path as the English one
/// is. Details that only exist in English (an operating system's message,
/// a document reader's reason) follow in brackets.
pub fn error(e: &crate::Error) -> String {
    use crate::Error as E;
    let text = match e {
        E::NegativeWeight { value, .. } => {
            format!("vægten {} er negativ; vægte skal være nul eller mere", n(*value))
        }
        E::ZeroTotalWeight { .. } => "alle vægte er nul; mindst én skal være positiv".into(),
        E::NoParties { .. } => "der er ingen at fordele mellem".into(),
        E::DuplicateParty { id, .. } => format!("{} står der mere end én gang", q(id)),
        E::UnknownParty { id, .. } => format!("ukendt part {}", q(id)),
        E::MunicipalityNotAParty { name, region, .. } => {
            format!("{} er en kommune i Region {region}, ikke en af parterne", q(name))
        }
        E::InvalidShare { value, reason, .. } => format!(
            "andelen {} kan ikke bruges: en andel ligger mellem 0 og 1, og faste andele er højst 1 tilsammen ({reason})",
            n(*value)
        ),
        E::Infeasible { reason, .. } => format!(
            "mindste og højeste antal kan ikke overholdes med det antal ({reason})"
        ),
        E::Tie { parties, units, .. } => format!(
            "{} står lige om {units} enhed(er), og reglen for lige stillinger siger fejl; giv en rækkefølge (lodtrækning) eller brug rækkefølgen",
            super::list(
                super::Language::Da,
                &parties.iter().map(|p| q(p)).collect::<Vec<_>>()
            )
        ),
        E::Overflow { detail, .. } => {
            format!("tallet er for stort til at regne præcist med ({detail})")
        }
        E::InvalidUnit { value, .. } => format!("enheden {} skal være positiv", n(*value)),
        E::NotMultipleOfUnit { amount, unit, .. } => format!(
            "beløbet {} går ikke op i enheden {}",
            n(*amount),
            n(*unit)
        ),
        E::InvalidOption { message, .. } => format!("indstillingen kan ikke bruges ({message})"),
        E::InvalidNumber { value, reason, .. } => {
            format!("{} er ikke et tal, der kan læses her ({reason})", q(value))
        }
        E::LengthMismatch {
            expected, found, ..
        } => format!("der skulle være {expected} værdier, men der er {found}"),
        E::Csv {
            line,
            column,
            message,
            problem,
        } => {
            let at = match column {
                Some(c) => format!("CSV linje {line}, kolonne {}", q(c)),
                None => format!("CSV linje {line}"),
            };
            let what = match problem {
                Some(p) => csv_problem(p),
                None => format!("kan ikke læses ({message})"),
            };
            return format!("{at}: {what}");
        }
        E::UnknownMunicipality {
            query, suggestions, ..
        } => {
            let mut t = format!("ukendt kommune {}", q(query));
            if !suggestions.is_empty() {
                t += &format!("; mente du {}?", suggestions.join(", "));
            }
            t
        }
        E::UnknownYear {
            year, available, ..
        } => format!(
            "ingen indbyggertal for {year}; der er tal for {}",
            available
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::Document { message, .. } => format!("dokumentet kan ikke læses ({message})"),
        E::Internal { message, .. } => {
            format!("en intern fejl i andel ({message}); meld den venligst")
        }
        E::Io { message, .. } => format!("kan ikke læses ({message})"),
        E::InvalidId { id, .. } => format!(
            "navnet {} har et usynligt tegn eller et kontroltegn; et navn skal være synlig tekst",
            q(&crate::error::escaped(id, false))
        ),
        E::MissingMunicipality { municipality, name, .. } => format!(
            "befolkningsfilen har intet tal for {name} ({municipality})"
        ),
        E::PeriodNotInFile { asked, available, .. } => format!(
            "befolkningsfilen har ikke perioden {}; den har {}",
            if asked.is_empty() { "(giv året)" } else { asked.as_str() },
            available.join(", ")
        ),
        E::AgesNotInFile { ages, groups, .. } => format!(
            "befolkningsfilens aldersgrupper ({}) kan ikke give {ages} præcist",
            groups.join(", ")
        ),
        E::Encoding { encoding, offset, .. } => {
            format!("filen er ikke {encoding}-tekst ved byte {offset}")
        }
    };
    match e.field().filter(|f| !f.is_empty()) {
        Some(f) => format!("{f}: {text}"),
        None => text,
    }
}
