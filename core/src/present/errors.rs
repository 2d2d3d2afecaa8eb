//! Every error in either language: the Danish catalogue says each kind with
//! its fields (a CSV problem by its [`crate::CsvProblem`]), so no front end
//! reads meaning out of an English message.

use super::{da, en, Language};
use crate::error::Error;
use crate::CsvProblem;

impl Error {
    /// The message in `language`, led by the field path where there is one.
    /// English is the error's own text (`to_string`); Danish comes from the
    /// catalogue.
    ///
    /// # Example
    /// ```
    /// use andel_core::present::Language;
    /// use andel_core::tabular::{read_weights, CsvColumns};
    /// let e = read_weights("navn,vægt\nA,1.250\nB,2\n", &CsvColumns::default()).unwrap_err();
    /// assert_eq!(
    ///     e.message(Language::Da),
    ///     "CSV linje 2, kolonne «vægt»: «1.250» kan læses både med decimalkomma og med \
    ///      decimalpunktum; sig hvilket (decimaltegn \",\" eller \".\")"
    /// );
    /// assert_eq!(e.message(Language::En), e.to_string());
    /// ```
    pub fn message(&self, language: Language) -> String {
        match language {
            Language::Da => da::error(self),
            Language::En => en::error(self),
        }
    }
}

impl CsvProblem {
    /// The problem in `language`, without line and column.
    pub fn message(&self, language: Language) -> String {
        match language {
            Language::Da => da::csv_problem(self),
            Language::En => en::csv_problem(self),
        }
    }
}

/// What only the command line says about itself: the word leading a line
/// on standard error and its usage errors (clap's common kinds, with clap's
/// context). A catalogue of its own (`cli_text` in each language file), so
/// the web form's module, which names none of these, carries none of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CliMsg {
    /// Leads an error line: "fejl".
    Error,
    /// Leads a note: "bemærk".
    Note,
    /// `{args}`: required arguments not given.
    MissingArguments,
    /// `{arg}`: an argument the command does not take.
    UnknownArgument,
    /// `{arg}`: the argument meant, perhaps.
    DidYouMean,
    /// `{value}`, `{arg}`: a value the argument cannot take.
    InvalidValue,
    /// `{values}`: the values it can take.
    PossibleValues,
    /// `{command}`: where to read more.
    SeeHelp,
}

/// Every [`CliMsg`], for tests that hold both languages to the same slots.
pub const ALL_CLI_MESSAGES: &[CliMsg] = &[
    CliMsg::Error,
    CliMsg::Note,
    CliMsg::MissingArguments,
    CliMsg::UnknownArgument,
    CliMsg::DidYouMean,
    CliMsg::InvalidValue,
    CliMsg::PossibleValues,
    CliMsg::SeeHelp,
];

impl Language {
    /// The command line's own words in this language.
    pub fn cli_text(self, msg: CliMsg) -> &'static str {
        match self {
            Language::Da => da::cli_text(msg),
            Language::En => en::cli_text(msg),
        }
    }

    /// [`Language::cli_text`] with its slots filled.
    pub fn say_cli(self, msg: CliMsg, args: &[(&str, &str)]) -> String {
        super::fill(self.cli_text(msg), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A broken invariant is said as andel's own fault in Danish too.
    #[test]
    fn an_internal_error_is_said_in_danish() {
        let e = crate::Error::internal("nest", "a nested result without levels");
        assert_eq!(
            e.message(Language::Da),
            "nest: en intern fejl i andel (a nested result without levels); meld den venligst"
        );
    }

    /// The command line's words have the same slots in both languages.
    #[test]
    fn the_command_lines_words_in_both_languages() {
        for &m in ALL_CLI_MESSAGES {
            let slots = |t: &'static str| -> Vec<&'static str> {
                let mut s: Vec<&str> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|x| x.split('}').next())
                    .collect();
                s.sort();
                s
            };
            let (da, en) = (Language::Da.cli_text(m), Language::En.cli_text(m));
            assert_eq!(slots(da), slots(en), "{m:?}");
            assert_ne!(da, en, "{m:?}");
        }
        assert_eq!(Language::Da.cli_text(CliMsg::Error), "fejl");
        assert_eq!(
            Language::Da.say_cli(CliMsg::UnknownArgument, &[("arg", "--vægt")]),
            "argumentet --vægt kendes ikke"
        );
    }
}
