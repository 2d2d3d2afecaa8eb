//! The Danish catalogue: every word and sentence andel shows, in Danish.
//! Slots in braces (`{total}`) are filled with figures already formatted.

use super::{Msg, ReadMsg};
use crate::error::Detail;

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
pub(super) fn n(d: rust_decimal::Decimal) -> String {
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
        P::InvalidId { id } => format!(
            "navnet {} har et usynligt tegn eller et kontroltegn; et navn skal være synlig tekst",
            q(&crate::error::escaped(id, false))
        ),
        P::NoParties => "der er ingen at fordele mellem".into(),
        P::ZeroTotal => "alle vægte er nul; mindst én skal være positiv".into(),
        P::TooLarge { mib } => format!("teksten er over {mib} MiB; del den op"),
        P::NoAreaColumn => "filen har ingen kolonne OMRÅDE: kommunerne kan ikke findes".into(),
        P::NotStatbank => "overskriften har hverken en kolonne INDHOLD (API'ets CSV) eller perioder som 2026K1 (webbens matrixudtræk)".into(),
        P::NotPeople { text } => format!("{} er ikke et antal personer", q(text)),
        P::NotAgeGroup { text } => format!("{} er ikke en aldersgruppe", q(text)),
        P::NotMunicipality { text } => format!("{} er ikke en kommune", q(text)),
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
        E::InvalidShare { value, reason, .. } => share(*value, reason),
        E::Infeasible { reason, .. } => headed(
            "mindste og højeste antal kan ikke overholdes med det antal",
            reason,
        ),
        E::Tie { parties, units, .. } => format!(
            "{} står lige om {units} enhed(er), og reglen for lige stillinger siger fejl; giv en rækkefølge (lodtrækning) eller brug rækkefølgen",
            super::list(
                super::Language::Da,
                &parties.iter().map(|p| q(p)).collect::<Vec<_>>()
            )
        ),
        E::Overflow { detail: d, .. } => {
            headed("tallet er for stort til at regne præcist med", d)
        }
        E::InvalidUnit { value, .. } => format!("enheden {} skal være positiv", n(*value)),
        E::NotMultipleOfUnit { amount, unit, .. } => format!(
            "beløbet {} går ikke op i enheden {}",
            n(*amount),
            n(*unit)
        ),
        E::InvalidOption { message, .. } => {
            detail_or(message, |t| format!("indstillingen kan ikke bruges ({t})"))
        }
        E::InvalidNumber { value, reason, .. } => headed(
            &format!("{} er ikke et tal, der kan læses her", q(value)),
            reason,
        ),
        E::LengthMismatch {
            expected, found, ..
        } => format!("der skulle være {expected} værdier, men der er {found}"),
        E::Csv {
            line,
            column,
            message,
            problem,
        } => return csv_error(*line, column.as_deref(), message, problem.as_deref()),
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
        E::Document { message, .. } => {
            detail_or(message, |t| format!("dokumentet kan ikke læses ({t})"))
        }
        E::Internal { message, .. } => {
            format!("en intern fejl i andel ({message}); meld den venligst")
        }
        E::Io { message, .. } => detail_or(message, |t| format!("kan ikke læses ({t})")),
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
        E::AgesNotInFile {
            from, to, groups, ..
        } => format!(
            "befolkningsfilens aldersgrupper ({}) kan ikke give {} præcist",
            groups.join(", "),
            super::notes::ages_text(
                crate::key::Ages {
                    from: *from,
                    to: *to
                },
                super::Language::Da
            )
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

/// A CSV error in Danish: where, and what.
fn csv_error(
    line: u64,
    column: Option<&str>,
    message: &str,
    problem: Option<&crate::CsvProblem>,
) -> String {
    let at = match column {
        Some(c) => format!("CSV linje {line}, kolonne {}", q(c)),
        None => format!("CSV linje {line}"),
    };
    // Only a build that reads CSV has CSV problems (the web form's
    // first-load module has none and carries none of their words).
    let what = match problem {
        #[cfg(any(feature = "csv_keys", feature = "fs"))]
        Some(p) => csv_problem(p),
        _ => format!("kan ikke læses ({message})"),
    };
    format!("{at}: {what}")
}

/// Identifiers as a Danish list quotes them: «a», «b» og «c» (`last`: "og"
/// or "eller").
pub(super) fn idents(items: &[String], last: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|i| q(i)).collect();
    match &quoted[..] {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// What a JSON value is, in Danish.
fn json_kind(k: crate::error::JsonKind) -> &'static str {
    use crate::error::JsonKind as K;
    match k {
        K::Null => "null",
        K::Bool => "true eller false",
        K::Number => "et tal",
        K::Version => "et tal (1)",
        K::String => "en tekst",
        K::List => "en liste",
        K::Object => "et objekt",
    }
}

/// What is wrong in JSON text, in Danish.
fn syntax(s: crate::error::Syntax) -> String {
    use crate::error::Syntax as S;
    match s {
        S::TextAfter => "der står mere tekst efter dokumentet".into(),
        S::TooDeep => format!("indlejret dybere end {} niveauer", crate::error::MAX_DEPTH),
        S::Value => "her skulle stå en værdi".into(),
        S::EndsBeforeValue => "dokumentet slutter, hvor der skulle stå en værdi".into(),
        S::Digits => "her skulle stå cifre".into(),
        S::DigitsAfterPoint => "der skulle stå cifre efter decimalpunktet".into(),
        S::DigitsInExponent => "der skulle stå cifre i eksponenten".into(),
        S::UnfinishedEscape => "en ufærdig \\-sekvens".into(),
        S::LoneSurrogate => "et enligt surrogat (\\ud800-\\udfff) er ikke et tegn".into(),
        S::UnknownEscape => "en ukendt \\-sekvens".into(),
        S::ControlInString => "et kontroltegn inde i en tekst".into(),
        S::EndsInString => "dokumentet slutter inde i en tekst".into(),
        S::HexDigits => "der skulle stå fire hexadecimale cifre efter \\u".into(),
        S::ListSeparator => "der skulle stå , eller ] i en liste".into(),
        S::FieldName => "der skulle stå et feltnavn i anførselstegn".into(),
        S::Colon => "der skulle stå : efter feltnavnet".into(),
        S::ObjectSeparator => "der skulle stå , eller } i et objekt".into(),
    }
}

/// A typed detail of an error in Danish; `None` for English text that is
/// not typed yet (the caller shows it in brackets).
pub fn detail(d: &crate::error::Detail) -> Option<String> {
    d.problem().map(problem)
}

/// A typed problem in Danish.
fn problem(p: &crate::error::Problem) -> String {
    use crate::error::{LeftOut, Problem as P};
    match p {
        P::UnknownField { name, expected } => format!(
            "feltet {} kendes ikke her; her kan stå {}",
            q(name),
            idents(expected, "eller")
        ),
        P::MissingField { name } => format!("feltet {} mangler", q(name)),
        P::WrongType { expected, found } => format!(
            "her skal stå {}, ikke {}",
            json_kind(*expected),
            json_kind(*found)
        ),
        P::UnknownVariant { value, expected } => format!(
            "{} kan ikke bruges her; brug {}",
            q(value),
            idents(expected, "eller")
        ),
        P::DuplicateField { name } => {
            format!("feltet {} står der to gange; giv det én gang", q(name))
        }
        P::WrongLength { expected, found } => {
            format!("der skulle være {expected} værdier, men der er {found}")
        }
        P::Syntax { what, line, column } => {
            format!("{} (linje {line}, kolonne {column})", syntax(*what))
        }
        P::TooDeep { levels } => format!("indlejret dybere end {levels} niveauer"),
        P::NotFinite { value } => format!("{} er ikke et tal, et dokument kan rumme", q(value)),
        P::TieRuleShape => "brug «order», «error» eller {\"priority\": [id'er]}".into(),
        P::Version { found, supported } => {
            format!("version {found} kan ikke læses; andel læser version {supported}")
        }
        P::NotWhole => "her skal stå et helt tal".into(),
        P::WholeOutOfRange { min, max } => format!("her skal stå et helt tal fra {min} til {max}"),
        P::ExactlyOne { fields } => format!("giv præcis én af {}", idents(fields, "og")),
        P::NotBoth { first, second } => {
            format!("giv {} eller {}, ikke begge", q(first), q(second))
        }
        P::UnitOrPlaces => "giv «unit» (penge) eller «places» (hele enheder), ikke begge".into(),
        P::TiesInsidePlaces => "for pladser står «ties» inde i «places»".into(),
        P::NotWholePlaces { total } => {
            format!("{} er ikke et helt antal pladser (0 eller flere)", q(total))
        }
        P::TooManyPlaces => "for mange pladser".into(),
        P::PartsSplitMoney => {
            "en udgiftsfordeling («parts») deler penge; giv «rounding.unit»".into()
        }
        P::NoScenario => "giv mindst ét scenarie med et beløb eller et antal".into(),
        P::ScenarioTwice { name } => format!(
            "scenariet {} har samme navn som et andet; giv hvert scenarie sit eget navn",
            q(name)
        ),
        P::GivenWithout { needs } => format!("står der uden {}", q(needs)),
        P::SummaryPlaces => "giv det, netop når dokumentet runder til pladser".into(),
        P::PartWithoutParts => {
            "«part» nævner en del af en udgiftsfordeling: brug det med «parts»".into()
        }
        P::YearsNeedKey => {
            "år («years») virker med en nøgle («key»), ikke med «nest» eller «parts»".into()
        }
        P::NestRoundsPlaces => "en indlejret nøgle fordeler hele pladser: giv metode, grænser og lige stillinger i «rounding.places» (mellem grupperne) og «nest.member_places» (inden for dem)"
            .into(),
        P::FlatOptionsOnce => "flad afrunding er én fordeling over alle medlemmer: giv dens indstillinger én gang, i «rounding.places»"
            .into(),
        P::EmbeddedHasNoAges => "de indlejrede indbyggertal har ingen aldre; giv en fil fra Statistikbanken med dem («file» eller «text»)"
            .into(),
        P::LeftOut { what } => format!(
            "{} er ikke med i dette modul (formularens første modul): brug hele modulet",
            match what {
                LeftOut::Tables => "pladser i en tabel",
                LeftOut::Csv => "vægte fra CSV",
                LeftOut::PopulationText => "at læse en befolkningsfil",
            }
        ),
        P::UnknownMethod { name } => format!(
            "ukendt metode {}; brug {} (andre navne: «largest_remainder», «jefferson», «webster»)",
            q(name),
            idents(
                &["hamilton", "dhondt", "sainte_lague", "modified_sainte_lague", "huntington_hill", "adams", "dean"]
                    .map(String::from),
                "eller"
            )
        ),
        P::UnknownRegion { name, closest } => format!(
            "ukendt region {}{}; regionerne er Hovedstaden, Sjælland, Syddanmark, Midtjylland og Nordjylland",
            q(name),
            closest.as_ref().map(|c| format!(" (mente du {c}?)")).unwrap_or_default()
        ),
        P::DecimalMark { given } => {
            format!("{}: decimaltegnet er «,» eller «.»", q(given))
        }
        P::NameOfSeveral { name, ids } => format!(
            "{} er navnet på {} parter ({}); nævn én ved sit id",
            q(name),
            ids.len(),
            idents(ids, "og")
        ),
        P::Programme { name, known } => format!(
            "ukendt eller gentaget uddannelse {}; uddannelserne er {}, hver én gang",
            q(name),
            idents(known, "og")
        ),
        other => numbers_and_files(other),
    }
}

/// [`problem`] of numbers, shares, limits and files.
fn numbers_and_files(p: &crate::error::Problem) -> String {
    use crate::error::Problem as P;
    match p {
        P::NanOrInfinity => {
            "NaN og uendelig er ikke tal; et tal er cifre med en eventuel eksponent".into()
        }
        P::ExponentBeyondRange { number } => format!(
            "{} har en eksponent uden for et decimaltals område (28 decimaler, op til 7,9·10^28)",
            q(number)
        ),
        P::DigitsBeyondRange { number } => format!(
            "{} har flere cifre, end et decimaltal kan rumme (28 betydende cifre)",
            q(number)
        ),
        P::DigitsForm => {
            "skriv cifre med et eventuelt fortegn og decimalpunktum, fx 1250.50".into()
        }
        P::TooManyDigits => {
            "flere cifre, end et decimaltal kan rumme (28 betydende cifre); intet rundes af".into()
        }
        P::WholeFromZero => "her skal stå et helt tal fra 0 og op".into(),
        P::MoreThanAllowed { value, max } => {
            format!("{value} er mere end det største tilladte, {max}")
        }
        P::ShareTooLarge { amount, share } => {
            format!("{amount} som andelen {share} af et hele er for stort til at regne præcist")
        }
        P::PartShareAboveZero => "en dels andel skal være over 0 og højst 1".into(),
        P::WeightSpan { weight, scale } => format!(
            "vægten {weight} kræver mere end 96 bit med vægtenes fælles {scale} decimaler; vægtene spænder over for mange størrelsesordener til præcis fordeling"
        ),
        P::ProductTooLong { a, b } => {
            format!("{a} × {b} har flere cifre, end et præcist decimaltal kan rumme (28 cifre)")
        }
        P::SumTooLarge { a, b } => format!("{a} + {b} er for stort"),
        P::SumTooLong { a, b } => {
            format!("{a} + {b} har flere cifre, end et præcist decimaltal kan rumme")
        }
        P::TooManyUnits { amount, unit } => {
            format!("{amount} i enheder af {unit} er for mange enheder")
        }
        P::ShareRange => "en andel ligger mellem 0 og 1 (7,2 % er 0,072)".into(),
        P::FixedOverOne => "de faste andele er over 1 (100 %) tilsammen".into(),
        P::PartShareRange => "en dels andel ligger mellem 0 og 1".into(),
        P::PartsNotOne => "delene af en udgiftsfordeling skal give præcis 1 tilsammen".into(),
        P::BlendWeightNegative => "en vægt i en blanding skal være nul eller mere".into(),
        P::BlendNotOne => "vægtene i en blanding skal give præcis 1 tilsammen".into(),
        P::MinimumAboveMaximum {
            party,
            minimum,
            maximum,
        } => format!(
            "{} har mindst {minimum}, mere end sit højeste antal {maximum}",
            q(party)
        ),
        P::MinimumsAboveTotal { sum, total } => {
            format!("de mindste antal giver {sum} tilsammen, mere end de {total} enheder")
        }
        P::MaximumsBelowTotal { sum, total } => format!(
            "de højeste antal giver {sum} tilsammen, færre end de {total} enheder (en part med vægten nul tæller med sit mindste antal)"
        ),
        P::FileRefused { path, why } => format!("{}: {}", q(path), file_refusal(why)),
        P::NotUtf8 { byte } => {
            format!("ikke UTF-8-tekst (byte {byte} er ikke); gem filen som UTF-8")
        }
        other => super::da_options::options_and_files(other),
    }
}

/// `head: detail` in Danish, or `head (English text)` where the detail is
/// not typed yet.
fn headed(head: &str, d: &crate::error::Detail) -> String {
    match d {
        Detail::Kind(p) => format!("{head}: {}", problem(p)),
        Detail::Text(t) => format!("{head} ({t})"),
    }
}

/// A share that cannot be used, and why.
fn share(value: rust_decimal::Decimal, reason: &crate::error::Detail) -> String {
    match reason {
        Detail::Kind(p) => format!("andelen {} kan ikke bruges: {}", n(value), problem(p)),
        Detail::Text(t) => format!(
            "andelen {} kan ikke bruges: en andel ligger mellem 0 og 1, og faste andele er højst 1 tilsammen ({t})",
            n(value)
        ),
    }
}

/// `detail` in Danish, or `bracket` with the English text in brackets
/// where the detail is not typed yet.
fn detail_or(d: &crate::error::Detail, bracket: impl Fn(&str) -> String) -> String {
    // Matched rather than written with `Display`: the web form's first-load
    // module says errors in Danish only and carries no English text of a
    // typed problem.
    match d {
        Detail::Kind(p) => problem(p),
        Detail::Text(t) => bracket(t),
    }
}

/// The command line's own words in Danish.
pub fn cli_text(msg: super::CliMsg) -> &'static str {
    use super::CliMsg as C;
    match msg {
        C::Error => "fejl",
        C::Note => "bemærk",
        C::MissingArguments => "disse argumenter mangler: {args}",
        C::UnknownArgument => "argumentet {arg} kendes ikke",
        C::DidYouMean => "; mente du {arg}?",
        C::InvalidValue => "{value} kan ikke bruges til {arg}",
        C::PossibleValues => "; mulige værdier: {values}",
        C::SeeHelp => "Se »{command} --help«.",
    }
}

/// Why a file is not read, in Danish (the system's own English message
/// left out: its kind is said).
fn file_refusal(why: &crate::error::FileRefusal) -> String {
    use crate::error::FileRefusal as F;
    #[cfg(feature = "fs")]
    let system = |kind: &crate::error::IoKind| match kind {
        crate::error::IoKind::NotFound => "findes ikke",
        crate::error::IoKind::PermissionDenied => "der er ikke adgang til den",
        crate::error::IoKind::Other => "systemet kan ikke læse den",
    };
    // Only a build that reads files refuses them for more than that (the
    // web form's first-load module carries none of those words).
    match why {
        #[cfg(not(feature = "fs"))]
        F::NoFiles => "filer kan ikke læses her; giv CSV-teksten".into(),
        #[cfg(not(feature = "fs"))]
        _ => "filen kan ikke læses her".into(),
        #[cfg(feature = "fs")]
        F::NoAccess => {
            "filer læses ikke her; giv CSV'en som «csv.text» (eller giv adgang til filer)".into()
        }
        #[cfg(feature = "fs")]
        F::NoFiles => "filer kan ikke læses her; giv CSV-teksten".into(),
        #[cfg(feature = "fs")]
        F::OutsideFolder => {
            "kun filer i dokumentets mappe læses (ingen absolutte stier, ingen ..)".into()
        }
        #[cfg(feature = "fs")]
        F::LinkOutside => "et link til uden for dokumentets mappe; kun filer i den læses".into(),
        #[cfg(feature = "fs")]
        F::NotRegular => {
            "ikke en almindelig fil (en mappe, en FIFO eller en enhed læses ikke)".into()
        }
        #[cfg(feature = "fs")]
        F::TooLarge { mib } => format!("over {mib} MiB; del den op"),
        #[cfg(feature = "fs")]
        F::CannotRead { kind, .. } => format!("kan ikke læses: {}", system(kind)),
        #[cfg(feature = "fs")]
        F::FolderUnreadable { kind, .. } => {
            format!("mappen kan ikke læses: {}", system(kind))
        }
    }
}
