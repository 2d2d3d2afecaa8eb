//! The Danish catalogue's sentences for the problems of a document's
//! options and analyses, of files and of the command line's options (each
//! in the builds that can meet it; the web form's first-load module
//! carries only the document's). Split from `da.rs` by concern.

use super::da::{idents, n, q};

/// [`super::da`]'s `problem` of a document's options and analyses, of files and of the
/// command line's options (each in the builds that can meet it).
pub(super) fn options_and_files(p: &crate::error::Problem) -> String {
    use crate::error::Problem as P;
    match p {
        P::MissingActual { ids } => format!(
            "intet faktisk tal for {}; giv hver parts, 0 hvor den intet havde",
            idents(ids, "og")
        ),
        P::YearFractionRange => "et års brøkdel ligger mellem 0 og 1".into(),
        P::YearsNotOne => "årenes brøkdele skal give præcis 1 tilsammen".into(),
        P::YearsWithLimits => {
            "en årsprofil kan ikke have mindste eller højeste antal pladser".into()
        }
        P::FirstDivisorMethod { method } => format!(
            "«first_divisor» gælder kun «modified_sainte_lague», ikke {}",
            q(method)
        ),
        P::FirstDivisorRange { value } => format!(
            "den første divisor {} skal være over 0 og under 3 (den anden divisor)",
            n(*value)
        ),
        P::FirstDivisorPlaces { value } => {
            format!("den første divisor {} har mere end 9 decimaler", n(*value))
        }
        P::PartNotGivenBack {
            amount,
            id,
            whole,
            got,
        } => format!(
            "{} for {} giver et hele på {}, hvis fordeling giver den {}; giv hele beløbet i stedet",
            n(*amount),
            q(id),
            n(*whole),
            n(*got)
        ),
        P::MemberLimits => {
            "inden for grupperne: giv én grænse for alle eller grænser pr. medlems id".into()
        }
        P::MembersById => "inden for grupperne: nævn medlemmerne ved id".into(),
        other => built(other),
    }
}

/// The problems only some builds meet: tables (not the web form's
/// first-load module), CSV, Excel and the command line's options.
fn built(p: &crate::error::Problem) -> String {
    // The first-load module names none of these kinds.
    #[allow(unused_imports)]
    use crate::error::Problem as P;
    match p {
        #[cfg(feature = "tables")]
        P::TableMethod { method } => format!(
            "en biproportional fordeling kræver en divisormetode, hvis første divisor er over nul: «dhondt», «sainte_lague» eller «modified_sainte_lague», ikke {}",
            q(method)
        ),
        #[cfg(feature = "tables")]
        P::TablePriority => {
            "en prioriteret rækkefølge gælder ikke en tabel; brug «order» eller «error»".into()
        }
        #[cfg(feature = "tables")]
        P::TotalsDiffer { rows, columns } => format!(
            "rækkernes summer giver {rows} og kolonnernes {columns}; de skal være lige store"
        ),
        #[cfg(feature = "tables")]
        P::RowWithoutCell { row, units } => format!(
            "række {row} skal have {units} enhed(er), men har ingen celle med vægt i en kolonne, der får nogen"
        ),
        #[cfg(feature = "tables")]
        P::ColumnWithoutCell { column, units } => format!(
            "kolonne {column} skal have {units} enhed(er), men har ingen celle med vægt i en række, der får nogen"
        ),
        #[cfg(feature = "tables")]
        P::NoWholeTable => "ingen tabel af hele enheder opfylder alle række- og kolonnesummer, når cellerne med vægten nul holdes på nul".into(),
        #[cfg(feature = "tables")]
        P::NoRounding { why } => format!(
            "ingen afrunding af cellerne opfylder alle række- og kolonnesummer: {}",
            table_miss(*why)
        ),
        #[cfg(feature = "tables")]
        P::TableNeedsPlaces => {
            "en tabel virker med en nøgle og hele pladser («rounding.places»)".into()
        }
        #[cfg(feature = "tables")]
        P::ColumnTotals { places } => {
            format!("kolonnernes summer skal give scenariets {places} pladser")
        }
        #[cfg(any(feature = "csv_keys", feature = "fs"))]
        P::ColumnWithoutHeader { name } => format!(
            "kolonnen {} er nævnt, men filen har ingen overskrift",
            q(name)
        ),
        #[cfg(feature = "excel")]
        P::ExcelTooLarge { mib } => format!("Excel-filen er over {mib} MiB; del den op"),
        #[cfg(feature = "excel")]
        P::ExcelUnreadable { .. } => {
            "Excel-filen kan ikke læses; gem den som en .xlsx-projektmappe".into()
        }
        #[cfg(feature = "excel")]
        P::ExcelNoSheets => "Excel-filen har ingen ark".into(),
        #[cfg(feature = "excel")]
        P::NoSheetNamed { name, sheets } => format!(
            "intet ark hedder {}; arkene er {}",
            q(name),
            idents(sheets, "og")
        ),
        #[cfg(feature = "excel")]
        P::ExcelNotWritten { .. } => "Excel-filen kan ikke skrives".into(),
        other => command_line(other),
    }
}

/// The problems of the command line's options and files (only a build
/// that reads files has the command line).
fn command_line(p: &crate::error::Problem) -> String {
    // The web form's modules name none of these kinds.
    #[allow(unused_imports)]
    use crate::error::Problem as P;
    match p {
        #[cfg(feature = "fs")]
        P::CannotWrite { path, io, .. } => format!(
            "{}: kan ikke skrives: {}",
            q(path),
            match io {
                crate::error::IoKind::NotFound => "mappen findes ikke",
                crate::error::IoKind::PermissionDenied => "der er ikke adgang",
                crate::error::IoKind::Other => "systemet kan ikke skrive den",
            }
        ),
        #[cfg(feature = "fs")]
        P::NoDocuments { folder } => {
            format!("{}: ingen nøgledokumenter (*.json)", q(folder))
        }
        #[cfg(feature = "fs")]
        P::AgesForm { given } => format!(
            "{}: skriv 65- (65 år og derover), 0-17 eller 80",
            q(given)
        ),
        #[cfg(feature = "fs")]
        P::XlsxNeedsOutput => {
            "«--format xlsx» skriver en projektmappe: giv «--output FIL»".into()
        }
        #[cfg(feature = "fs")]
        P::NumbersInXlsx => "«--numbers» gælder tabel- og CSV-udskrift; xlsx skriver tal som tal".into(),
        #[cfg(feature = "fs")]
        P::NumbersInJson => {
            "«--numbers» gælder tabel- og CSV-udskrift; json skriver eksakte tal uden formatering".into()
        }
        #[cfg(feature = "fs")]
        P::LanguageInMachineOutput => "«--language» gælder tabeller og CSV til dansk Excel; json og CSV uden formatering beholder faste maskinnavne".into(),
        #[cfg(feature = "fs")]
        P::NoScenarioNamed { name, names } => format!(
            "intet scenarie hedder {}; scenarierne er {}",
            q(name),
            idents(names, "og")
        ),
        #[cfg(feature = "fs")]
        P::ExplainPrintsSentences => {
            "«--explain» skriver sætninger; «--format» og «--output» kan ikke bruges med det".into()
        }
        #[cfg(feature = "fs")]
        P::XlsxForResults => {
            "xlsx er til resultater (split, apportion, compute); brug csv her".into()
        }
        #[cfg(feature = "fs")]
        P::NoWeights => "giv «--weights FIL», eller «--region» og/eller «--year» for de indlejrede indbyggertal («--population FIL» for dine egne)".into(),
        #[cfg(feature = "fs")]
        P::CsvOptionWithoutFile { option } => format!(
            "{} gælder en CSV-fil («--weights»); de indlejrede indbyggertal har ingen",
            q(&format!("--{option}"))
        ),
        #[cfg(feature = "fs")]
        P::EmbeddedOrWeights { option } => format!(
            "{} vælger de indlejrede indbyggertal; giv det eller «--weights», ikke begge",
            q(&format!("--{option}"))
        ),
        #[cfg(feature = "fs")]
        P::SheetNotXlsx { path } => format!(
            "«--sheet» gælder en .xlsx-fil; {} er ikke en",
            q(path)
        ),
        // The other kinds are said by `problem`.
        _ => "værdien kan ikke bruges her".into(),
    }
}

/// Why no rounding of a table's cells meets its totals, in Danish.
#[cfg(feature = "tables")]
fn table_miss(why: crate::error::TableMiss) -> String {
    use crate::error::TableMiss as T;
    match why {
        T::TooLarge => "tallene er for store".into(),
        T::RowBelow { row } => format!("række {row} er under sine celler rundet ned"),
        T::ColumnBelow { column } => format!("kolonne {column} er under sine celler rundet ned"),
        T::TotalsDiffer => "rækkernes og kolonnernes summer giver forskellige tal".into(),
        T::NotRoundings => "summerne er ikke afrundinger af de eksakte summer".into(),
        T::MarginsUnmet => "summerne kunne ikke opfyldes".into(),
    }
}
