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
}
