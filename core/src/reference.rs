//! Naming a party: the one reading of a party reference that every front
//! end uses (a lot's or a priority's party, an excluded party, the party an
//! explanation is asked for). Before this, the browser read a digit string
//! as a position, Python as an id and the command line also as a name.
//!
//! The rule (DESIGN.md, "Naming a party"; the shared cases in
//! `tests/cases.json` and `tests/bad_inputs.json` pin it for Rust, Python
//! and node):
//! - a number is a zero-based position;
//! - text, where the parties have ids, is in this order: a party's id; a
//!   party's shown name (one party only: two with that name are an error,
//!   never a guess); a municipality's code or name, forgiving of spelling
//!   ([`crate::data::find_party`], whose error lists the closest names).
//!   Digits in text are then never a position ("851" is Aalborg's code, not
//!   the 852nd party);
//! - text, where the parties have no ids, is a position written in digits
//!   ("0", "1", …: the only names such parties have); anything else is an
//!   unknown party.
//!
//! Case 2.4 of the minutes (excluding Læsø and Morsø by name from a key
//! whose ids are codes) is the rule's first user.

use crate::util::sorted_map::Positions;
use crate::{data, Decimal, Error, Key, PartyRef, Result, TieRule};

/// A party as someone named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference {
    /// Text: an id, a shown name, or a municipality's code or name.
    Text(String),
    /// A zero-based position, given as a number.
    Position(usize),
}

/// The parties references are resolved among: ids and, where known, the
/// names shown for them; or, for parties without ids, only their number.
/// Ids are looked up as [`data::find_party`] looks them up (by bisection,
/// no hash table: the browser module carries no hashing code, DESIGN.md
/// "Sorting in the browser"); a shown name, asked for only when the text is
/// no id, by one pass over the names.
pub struct Parties<'a> {
    ids: Option<&'a [String]>,
    n: usize,
    by_id: Positions<'a>,
    names: &'a [Option<String>],
}

impl<'a> Parties<'a> {
    /// `n` parties without ids: named by position only.
    pub fn unnamed(n: usize) -> Self {
        Parties {
            ids: None,
            n,
            by_id: Positions::new([], 0),
            names: &[],
        }
    }

    /// The parties with `ids` (and no shown names), or `n` parties without.
    pub fn with_ids(ids: Option<&'a [String]>, n: usize) -> Self {
        match ids {
            Some(ids) => Parties::new(ids, &[]),
            None => Parties::unnamed(n),
        }
    }

    /// The parties with `ids` and the shown `names` (as many as ids, or
    /// none).
    pub fn new(ids: &'a [String], names: &'a [Option<String>]) -> Self {
        Parties {
            ids: Some(ids),
            n: ids.len(),
            // Sorted once: a priority order may name every party.
            by_id: Positions::new(ids.iter().map(String::as_str), usize::MAX),
            names,
        }
    }

    /// The position of the party `reference` names; an error names `field`.
    pub fn resolve(&self, reference: &Reference, field: &str) -> Result<usize> {
        let text = match reference {
            Reference::Position(i) if *i < self.n => return Ok(*i),
            Reference::Position(i) => {
                return Err(Error::UnknownParty {
                    field: field.into(),
                    id: format!("#{i}"),
                })
            }
            Reference::Text(t) => t,
        };
        let Some(ids) = self.ids else {
            // No ids: a position in digits, written as the number shows it.
            return text
                .parse::<usize>()
                .ok()
                .filter(|&i| i < self.n && i.to_string() == *text)
                .ok_or_else(|| Error::UnknownParty {
                    field: field.into(),
                    id: text.clone(),
                });
        };
        if let Some(i) = self.by_id.get(text) {
            return Ok(i);
        }
        let named: Vec<usize> = (0..self.names.len())
            .filter(|&i| self.names[i].as_deref() == Some(text.as_str()))
            .collect();
        match named[..] {
            [i] => return Ok(i),
            [_, _, ..] => {
                let ids: Vec<&str> = named.iter().map(|&i| ids[i].as_str()).collect();
                return Err(Error::InvalidOption {
                    field: field.into(),
                    message: crate::error::Problem::NameOfSeveral {
                        name: text.clone(),
                        ids: ids.iter().map(|i| i.to_string()).collect(),
                    }
                    .into(),
                });
            }
            _ => {}
        }
        data::find_party(ids, text, field)
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

/// A priority order (a lot drawn by people) with every party named by text
/// resolved to its position by [`Parties::resolve`] (errors at `ties[i]`);
/// positions given as numbers stay for the engine to check (errors at
/// `ties.priority[i]`). Other rules come back as they are.
pub fn resolve_ties(rule: TieRule, parties: &Parties<'_>) -> Result<TieRule> {
    let TieRule::Priority(order) = rule else {
        return Ok(rule);
    };
    order
        .into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            PartyRef::Id(text) => parties
                .resolve(&Reference::Text(text), &format!("ties[{i}]"))
                .map(PartyRef::Index),
            index @ PartyRef::Index(_) => Ok(index),
        })
        .collect::<Result<Vec<_>>>()
        .map(TieRule::Priority)
}

/// [`resolve_ties`] among a key's parties: their ids and shown names (the
/// ids and names are gathered only for a priority order).
pub fn resolve_key_ties(rule: TieRule, key: &Key) -> Result<TieRule> {
    if !matches!(rule, TieRule::Priority(_)) {
        return Ok(rule);
    }
    let (ids, names): (Vec<String>, Vec<Option<String>>) = (0..key.len())
        .map(|i| {
            let id = key.id(i).unwrap_or_default().to_string();
            (id, key.name(i).map(str::to_string))
        })
        .unzip();
    resolve_ties(rule, &Parties::new(&ids, &names))
}

/// The weights with the parties named in `exclude` at zero (exclusion as
/// core defines it), named by [`Parties::resolve`]'s rule.
pub fn zero_excluded<S: AsRef<str>>(
    weights: &mut [Decimal],
    ids: Option<&[String]>,
    exclude: &[S],
    field: &str,
) -> Result<()> {
    let parties = Parties::with_ids(ids, weights.len());
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
    fn parties_without_ids_are_named_by_position_only() {
        let p = Parties::unnamed(3);
        let t = |s: &str| Reference::Text(s.into());
        assert_eq!(p.resolve(&t("2"), "f").unwrap(), 2);
        assert_eq!(p.resolve(&Reference::Position(0), "f").unwrap(), 0);
        // Past the end, not written as the number shows it, or a name:
        // unknown, naming what was written.
        for bad in ["3", "01", "+1", "", "Aalborg", "851"] {
            let e = p.resolve(&t(bad), "ties[1]").unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                ("unknown_party", Some("ties[1]")),
                "{bad}"
            );
            assert!(e.to_string().contains(bad), "{bad}: {e}");
        }
    }

    #[test]
    fn a_priority_order_is_resolved_text_by_text() {
        let ids = ids(&["851", "860"]);
        let order = TieRule::Priority(vec![PartyRef::Id("Hjørring".into()), PartyRef::Index(0)]);
        let r = resolve_ties(order, &Parties::new(&ids, &[])).unwrap();
        assert_eq!(
            r,
            TieRule::Priority(vec![PartyRef::Index(1), PartyRef::Index(0)])
        );
        // A position given as a number is the engine's to check.
        let far = TieRule::Priority(vec![PartyRef::Index(9)]);
        assert_eq!(
            resolve_ties(far.clone(), &Parties::unnamed(2)).unwrap(),
            far
        );
        assert_eq!(
            resolve_ties(TieRule::Error, &Parties::unnamed(2)).unwrap(),
            TieRule::Error
        );
        let e = resolve_ties(
            TieRule::Priority(vec![PartyRef::Index(0), PartyRef::Id("q".into())]),
            &Parties::new(&ids, &[]),
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("ties[1]"));
    }

    #[test]
    fn a_keys_priority_order_names_parties_by_their_shown_names_too() {
        let key = Key::new(vec![
            crate::KeyParty::new("p1", Some("Alfa".into()), Decimal::ONE),
            crate::KeyParty::new("p2", Some("Beta".into()), Decimal::ONE),
        ])
        .unwrap();
        let order = TieRule::Priority(vec![PartyRef::Id("Beta".into()), PartyRef::Id("p1".into())]);
        assert_eq!(
            resolve_key_ties(order, &key).unwrap(),
            TieRule::Priority(vec![PartyRef::Index(1), PartyRef::Index(0)])
        );
        assert_eq!(
            resolve_key_ties(TieRule::Order, &key).unwrap(),
            TieRule::Order
        );
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
