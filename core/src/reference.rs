//! Naming a party: the one reading of a party reference that every front
//! end uses (a lot's or a priority's party, an excluded party, the party an
//! explanation is asked for). Before this, the browser read a digit string
//! as a position, Python as an id and the command line also as a name.
//!
//! A reference given as text is, in this order: a party's id; a party's
//! shown name (one party only: two with that name are an error, never a
//! guess); a municipality's code or name, forgiving of spelling
//! ([`crate::data::find_party`], whose error lists the closest names). A
//! position counts only when given as a number, never as digits in text
//! ("851" is Aalborg's code, not the 852nd party). Case 2.4 of the minutes
//! (excluding Læsø and Morsø by name from a key whose ids are codes) is the
//! rule's first user.

use crate::{data, Decimal, Error, Result};
use std::collections::HashMap;

/// A party as someone named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference {
    /// Text: an id, a shown name, or a municipality's code or name.
    Text(String),
    /// A zero-based position, given as a number.
    Position(usize),
}

/// The parties references are resolved among: ids and, where known, the
/// names shown for them.
pub struct Parties<'a> {
    ids: &'a [String],
    by_id: HashMap<&'a str, usize>,
    by_name: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Parties<'a> {
    /// The parties with `ids` and the shown `names` (as many as ids, or
    /// none).
    pub fn new(ids: &'a [String], names: &'a [Option<String>]) -> Self {
        let mut by_id = HashMap::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            by_id.entry(id.as_str()).or_insert(i);
        }
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            if let Some(name) = name {
                by_name.entry(name.as_str()).or_default().push(i);
            }
        }
        Parties {
            ids,
            by_id,
            by_name,
        }
    }

    /// The position of the party `reference` names; an error names `field`.
    pub fn resolve(&self, reference: &Reference, field: &str) -> Result<usize> {
        let text = match reference {
            Reference::Position(i) if *i < self.ids.len() => return Ok(*i),
            Reference::Position(i) => {
                return Err(Error::UnknownParty {
                    field: field.into(),
                    id: format!("#{i}"),
                })
            }
            Reference::Text(t) => t,
        };
        if let Some(&i) = self.by_id.get(text.as_str()) {
            return Ok(i);
        }
        match self.by_name.get(text.as_str()).map(Vec::as_slice) {
            Some([i]) => return Ok(*i),
            Some(several) if several.len() > 1 => {
                let ids: Vec<&str> = several.iter().map(|&i| self.ids[i].as_str()).collect();
                return Err(Error::InvalidOption {
                    field: field.into(),
                    message: format!(
                        "{text:?} is the name of {} parties ({}); name one by its id",
                        ids.len(),
                        ids.join(", ")
                    ),
                });
            }
            _ => {}
        }
        data::find_party(self.ids, text, field)
    }

    /// The positions of the parties named, errors at `field[i]`.
    pub fn resolve_all(&self, references: &[Reference], field: &str) -> Result<Vec<usize>> {
        references
            .iter()
            .enumerate()
            .map(|(i, r)| self.resolve(r, &format!("{field}[{i}]")))
            .collect()
    }
}

/// The weights with the parties named in `exclude` at zero (exclusion as
/// core defines it); parties without ids are named by position (as text
/// "0", "1", … only here, where no other id exists) or municipality.
pub fn zero_excluded<S: AsRef<str>>(
    weights: &mut [Decimal],
    ids: Option<&[String]>,
    exclude: &[S],
    field: &str,
) -> Result<()> {
    let positions: Vec<String>;
    let ids = match ids {
        Some(ids) => ids,
        None => {
            positions = (0..weights.len()).map(|i| i.to_string()).collect();
            &positions
        }
    };
    let parties = Parties::new(ids, &[]);
    for (i, name) in exclude.iter().enumerate() {
        let p = parties.resolve(
            &Reference::Text(name.as_ref().to_string()),
            &format!("{field}[{i}]"),
        )?;
        if let Some(w) = weights.get_mut(p) {
            *w = Decimal::ZERO;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_reference_is_an_id_then_a_name_then_a_municipality() {
        let ids = ids(&["851", "860", "x"]);
        let names = vec![
            Some("Aalborg".into()),
            Some("Hjørring".into()),
            Some("Aalborg".into()),
        ];
        let p = Parties::new(&ids, &names);
        let t = |s: &str| Reference::Text(s.into());
        assert_eq!(p.resolve(&t("860"), "f").unwrap(), 1);
        assert_eq!(p.resolve(&t("Hjørring"), "f").unwrap(), 1);
        assert_eq!(p.resolve(&Reference::Position(2), "f").unwrap(), 2);
        // Two parties shown as "Aalborg": refused, naming both ids.
        let e = p.resolve(&t("Aalborg"), "ties[0]").unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_option", Some("ties[0]")));
        assert!(e.to_string().contains("851, x"));
        // Digits in text are never a position: "2" is no id here.
        // (ids that are municipality codes: the error lists close names)
        let e = p.resolve(&t("2"), "f").unwrap_err();
        assert_eq!(e.code(), "unknown_municipality");
        let e = p.resolve(&Reference::Position(3), "f").unwrap_err();
        assert_eq!(e.code(), "unknown_party");
        // A municipality's name for a key whose ids are codes (case 2.4).
        let codes = crate::data::population_key(None, 2022).unwrap().ids();
        let p = Parties::new(&codes, &[]);
        let laeso = p.resolve(&t("Læsø"), "exclude[0]").unwrap();
        assert_eq!(codes[laeso], "825");
    }

    #[test]
    fn excluded_weights_are_zero() {
        let mut w = vec![Decimal::from(5), Decimal::from(3), Decimal::from(2)];
        zero_excluded(&mut w, None, &["1"], "exclude").unwrap();
        assert_eq!(w, vec![Decimal::from(5), Decimal::ZERO, Decimal::from(2)]);
        let e = zero_excluded(&mut w, None, &["q"], "exclude").unwrap_err();
        assert_eq!(e.field(), Some("exclude[0]"));
    }
}
