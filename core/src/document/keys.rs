//! Building a document's keys from their specifications: the embedded
//! population (Nordjylland's eleven municipalities, Læsø and Morsø taken
//! out in the minutes' case), the regions, the SOSU places, inline or CSV
//! weights, blends; then exclusions and fixed shares.

use super::{FileAccess, KeySpec, NestSpec, PopulationSpec, RoundingSpec};
use crate::apportion::Options;
use crate::csv::ReadNote;
use crate::data::{self, municipality, Region};
use crate::error::{Error, Problem, Result};
use crate::key::{Key, KeyBuilder, Nest, NestRounding};
use crate::reference::{Parties, Reference};
use crate::sorted_map::{first_repeat, SortedMap};
#[cfg(feature = "csv_keys")]
use crate::tabular::read_weights;
use crate::{FieldPath, PartyRef, TieRule};
use rust_decimal::Decimal;

pub(super) fn build_nest(
    spec: &NestSpec,
    rounding: &RoundingSpec,
    files: &FileAccess,
    notes: &mut Vec<ReadNote>,
) -> Result<(Nest, Options)> {
    let members_at = FieldPath::root().key("nest").key("members");
    let groups = build_key_noting(
        &spec.groups,
        &FieldPath::root().key("nest").key("groups"),
        files,
        notes,
    )?;
    let mut members = Vec::with_capacity(spec.members.len());
    let group_positions = groups.positions(spec.members.len());
    for (g, k) in &spec.members {
        // Members may be named by region ("Nordjylland") as the group is.
        let id = group_positions
            .get(g)
            .map(|_| g.clone())
            .or_else(|| {
                g.parse::<Region>()
                    .ok()
                    .map(|r| r.name().to_string())
                    .filter(|n| group_positions.get(n).is_some())
            })
            .ok_or_else(|| Error::UnknownParty {
                field: members_at.key(g).into(),
                id: g.clone(),
            })?;
        let key = build_key_noting(k, &members_at.key(g), files, notes)?;
        members.push((id, key, g));
    }
    // Two names for one group ("Nordjylland", "KKR Nordjylland").
    if let Some(i) = first_repeat(members.len(), |i| &members[i].0) {
        let (id, _, g) = &members[i];
        return Err(Error::DuplicateParty {
            field: members_at.key(g).into(),
            id: id.clone(),
        });
    }
    let members: SortedMap<String, Key> =
        members.into_iter().map(|(id, key, _)| (id, key)).collect();
    // A nest apportions whole places at both levels: every rounding option
    // takes effect there, or is refused.
    if rounding.unit.is_some() || rounding.ties.is_some() {
        return Err(Error::Document {
            field: if rounding.unit.is_some() {
                "rounding.unit"
            } else {
                "rounding.ties"
            }
            .into(),
            message: Problem::NestRoundsPlaces.into(),
        });
    }
    let member_options = match (spec.rounding, &spec.member_places, &rounding.places) {
        (NestRounding::Flat, Some(_), Some(_)) => {
            return Err(Error::Document {
                field: "nest.member_places".into(),
                message: Problem::FlatOptionsOnce.into(),
            })
        }
        (_, Some(m), _) => m.clone(),
        // Within groups as between them, unless member_places says otherwise.
        (_, None, Some(p)) => p.clone(),
        (_, None, None) => Options::default(),
    };
    let at = if spec.member_places.is_some() {
        "nest.member_places"
    } else {
        "rounding.places"
    };
    let member_options = members_named(member_options, &members, at)?;
    Ok((Nest { groups, members }, member_options))
}

/// The members' priority order with each member named by core's one rule
/// (`reference`: an id, a shown name, a municipality's code or name) among
/// all the groups' members, as their ids (each group keeps its own, in
/// order); errors at `{at}.ties.priority[i]`.
fn members_named(
    mut options: Options,
    members: &SortedMap<String, Key>,
    at: &str,
) -> Result<Options> {
    let TieRule::Priority(order) = &mut options.ties else {
        return Ok(options);
    };
    // A member in several groups (2.9: the same municipalities for each
    // programme) is one party here.
    let mut seen = std::collections::BTreeSet::new();
    let (ids, names): (Vec<String>, Vec<Option<String>>) = members
        .values()
        .flat_map(|k| k.parties().iter())
        .filter(|p| seen.insert(p.id.as_str()))
        .map(|p| (p.id.clone(), p.name.clone()))
        .unzip();
    let parties = Parties::new(&ids, &names);
    for (i, r) in order.iter_mut().enumerate() {
        if let PartyRef::Id(text) = r {
            let field = format!("{at}.ties.priority[{i}]");
            let found = parties.resolve(&Reference::Text(text.clone()), &field)?;
            *text = ids[found].clone();
        }
    }
    Ok(options)
}

/// Builds a key from its specification; `at` is the field path for errors,
/// `files` what `csv.path` may read.
pub fn build_key(spec: &KeySpec, at: &str, files: &FileAccess) -> Result<Key> {
    build_key_noting(spec, &FieldPath::from(at), files, &mut Vec::new())
}

/// [`build_key`], adding to `notes` what reading a file told its reader (a
/// Statbank export's national and regional totals left out, an encoding):
/// the result carries them as data, a view says them after the assumptions.
pub(super) fn build_key_noting(
    spec: &KeySpec,
    at: &FieldPath,
    files: &FileAccess,
    notes: &mut Vec<ReadNote>,
) -> Result<Key> {
    let sources = [
        spec.population.is_some(),
        spec.regions.is_some(),
        spec.sosu_2018.is_some(),
        spec.weights.is_some(),
        spec.csv.is_some(),
        spec.blend.is_some(),
    ];
    if sources.iter().filter(|x| **x).count() != 1 {
        return Err(Error::Document {
            field: at.into(),
            message: Problem::ExactlyOne {
                fields: [
                    "population",
                    "regions",
                    "sosu_2018",
                    "weights",
                    "csv",
                    "blend",
                ]
                .map(String::from)
                .to_vec(),
            }
            .into(),
        });
    }
    let mut key = if let Some(p) = &spec.population {
        population_key(p, at, files, notes)?
    } else if let Some(y) = &spec.regions {
        data::region_population_key(y.year).map_err(|e| e.under(at.key("regions").as_str()))?
    } else if let Some(s) = &spec.sosu_2018 {
        let names: Vec<&str> = s.programmes.iter().map(String::as_str).collect();
        data::sosu_2018_key(&names).map_err(|e| e.under(at.key("sosu_2018").as_str()))?
    } else if let Some(w) = &spec.weights {
        // Copied into the key's compact form, no KeyParty a party (issue 25).
        let mut parties = KeyBuilder::with_capacity(w.len());
        for p in w {
            parties.push(&p.id, p.name.as_deref(), p.weight);
        }
        parties
            .build()
            .map_err(|e| rename_parties(e, &at.key("weights")))?
    } else if let Some(c) = &spec.csv {
        csv_key(c, at, files, notes)?
    } else if let Some(parts) = &spec.blend {
        let keys = parts
            .iter()
            .enumerate()
            .map(|(i, b)| {
                build_key_noting(&b.key, &at.key("blend").index(i).key("key"), files, notes)
            })
            .collect::<Result<Vec<_>>>()?;
        let pairs: Vec<(Decimal, &Key)> = parts.iter().map(|b| b.weight).zip(keys.iter()).collect();
        Key::blend(&pairs).map_err(|e| rename_blend(e, at))?
    } else {
        return Err(Error::internal(at.as_str(), "a key without a source"));
    };
    if !spec.exclude.is_empty() {
        key = data::exclude_named(&key, &spec.exclude, at.key("exclude").as_str())?;
    }
    if !spec.fixed.is_empty() {
        key = key
            .with_fixed(&spec.fixed)
            .map_err(|e| e.under(at.as_str()))?;
    }
    Ok(key)
}

/// The key of `csv` weights (inline text, or a file where files are read),
/// with what reading them told the reader added to `notes`.
#[cfg(feature = "csv_keys")]
fn csv_key(
    c: &super::CsvSpec,
    at: &FieldPath,
    files: &FileAccess,
    notes: &mut Vec<ReadNote>,
) -> Result<Key> {
    let read = match (&c.text, &c.path) {
        (Some(t), None) => read_weights(t, &c.columns),
        (None, Some(p)) => {
            let field = String::from(at.key("csv").key("path"));
            // Without files (the browser) there is nothing to read.
            #[cfg(not(feature = "fs"))]
            return Err(crate::files::no_files(&field, p, files));
            #[cfg(feature = "fs")]
            {
                let bytes = crate::files::read(p, files, &field, crate::files::MAX_FILE_BYTES)?;
                // An .xlsx (a zip file; CSV text never starts so): its
                // first sheet by the same rules, with the feature `excel`.
                if bytes.starts_with(b"PK\x03\x04") {
                    #[cfg(feature = "excel")]
                    {
                        crate::csv::xlsx::read_weights_xlsx(&bytes, None, &c.columns)
                    }
                    #[cfg(not(feature = "excel"))]
                    return Err(Error::Io {
                        field,
                        message: format!(
                            "{} is an Excel workbook, which this build does not read \
                             (it lacks the feature `excel`, which the command line and \
                             Python have); save the sheet as CSV",
                            crate::error::quoted(p)
                        )
                        .into(),
                    });
                } else {
                    crate::tabular::read_weights_bytes(&bytes, &c.columns)
                }
            }
        }
        _ => {
            return Err(Error::Document {
                field: at.key("csv").into(),
                message: Problem::ExactlyOne {
                    fields: vec!["text".into(), "path".into()],
                }
                .into(),
            })
        }
    };
    let read = read.map_err(|e| e.under(at.key("csv").key("columns").as_str()))?;
    let csv_at = String::from(at.key("csv"));
    notes.extend(read.read_notes().into_iter().map(|note| ReadNote {
        at: csv_at.clone(),
        note,
    }));
    Ok(read.key)
}

/// Without `csv_keys` (the web form's first-load module, for its download
/// budget) weights from CSV are left to the whole module.
#[cfg(not(feature = "csv_keys"))]
fn csv_key(
    _: &super::CsvSpec,
    at: &FieldPath,
    _: &FileAccess,
    _: &mut Vec<ReadNote>,
) -> Result<Key> {
    Err(Error::InvalidOption {
        field: at.key("csv").into(),
        message: Problem::LeftOut {
            what: crate::error::LeftOut::Csv,
        }
        .into(),
    })
}

/// The key of `population`: the embedded figures or a Statbank file, then
/// only the municipalities named, when they are.
fn population_key(
    p: &PopulationSpec,
    at: &FieldPath,
    files: &FileAccess,
    notes: &mut Vec<ReadNote>,
) -> Result<Key> {
    let region = p
        .region
        .as_ref()
        .map(|r| r.parse::<Region>())
        .transpose()
        .map_err(|e| e.under(at.key("population").as_str()))?;
    let key = match (&p.file, &p.text, p.ages) {
        (Some(_), Some(_), _) => Err(Error::Document {
            field: "text".into(),
            message: Problem::NotBoth {
                first: "file".into(),
                second: "text".into(),
            }
            .into(),
        }),
        (None, None, None) => data::population_key(region, p.year),
        (None, None, Some(_)) => Err(Error::Document {
            field: "ages".into(),
            message: Problem::EmbeddedHasNoAges.into(),
        }),
        (Some(file), None, ages) => {
            let field = String::from(at.key("population").key("file"));
            let bytes = crate::files::read(file, files, &field, crate::files::MAX_FILE_BYTES)?;
            statbank_population(&bytes, file, p.year, ages, region, at, notes)
        }
        // The file's text given inline (the browser's upload): no name to say.
        (None, Some(text), ages) => {
            statbank_population(text.as_bytes(), "", p.year, ages, region, at, notes)
        }
    }
    .map_err(|e| e.under(at.key("population").as_str()))?;
    Ok(match &p.municipalities {
        None => key,
        Some(list) => {
            let mut keep = Vec::new();
            for (i, m) in list.iter().enumerate() {
                let field = String::from(at.key("population").key("municipalities").index(i));
                let code = municipality(m)
                    .map_err(|e| e.with_field(field.clone()))?
                    .code
                    .clone();
                let i = key.position(&code).ok_or_else(|| Error::UnknownParty {
                    field: field.clone(),
                    id: m.clone(),
                })?;
                keep.push(key.parties()[i].clone());
            }
            Key::new(keep)
                .map(|k| k.with_kind(key.kind()))
                .map_err(|e| e.under(at.key("population").as_str()))?
        }
    })
}

/// A key's error about its `parties[…]` as the document's `weights[…]`
/// (an error about them all, `parties`, is about `weights`).
fn rename_parties(e: Error, weights: &FieldPath) -> Error {
    let field = FieldPath::from(e.field().unwrap_or(""));
    let renamed = if field.is_root() {
        weights.clone()
    } else {
        field.renamed("parties", weights)
    };
    e.with_field(renamed)
}

fn rename_blend(e: Error, at: &FieldPath) -> Error {
    let field = FieldPath::from(e.field().unwrap_or(""));
    e.with_field(field.under(at))
}

/// The key of a Statbank population file's bytes (`file` its name, empty
/// for text given inline). Only where files are read or CSV is: the web
/// form's first-load module leaves the reader out for its size, and such a
/// document goes to the whole module (`needsMore`), as CSV weights do.
#[cfg(any(feature = "fs", feature = "csv_keys"))]
fn statbank_population(
    bytes: &[u8],
    file: &str,
    year: i32,
    ages: Option<crate::statbank::Ages>,
    region: Option<Region>,
    at: &FieldPath,
    notes: &mut Vec<ReadNote>,
) -> Result<Key> {
    // Errors' fields are the population's (`ages`): the caller puts them
    // under the key's path.
    let read = crate::statbank::read_population(bytes, Some(year), ages)?;
    notes.push(ReadNote {
        at: at.key("population").into(),
        note: read.note(file),
    });
    read.key(region)
}

#[cfg(not(any(feature = "fs", feature = "csv_keys")))]
fn statbank_population(
    _bytes: &[u8],
    _file: &str,
    _year: i32,
    _ages: Option<crate::statbank::Ages>,
    _region: Option<Region>,
    _at: &FieldPath,
    _notes: &mut Vec<ReadNote>,
) -> Result<Key> {
    Err(Error::InvalidOption {
        field: "text".into(),
        message: Problem::LeftOut {
            what: crate::error::LeftOut::PopulationText,
        }
        .into(),
    })
}
