//! The document's types: what a key document may say, field by field (the
//! README's "The key document" documents each with an example; the JSON
//! Schema under `schema/` is generated from these types).

use crate::analysis::YearShare;
use crate::apportion::Options;
use crate::key::{FixedShare, NestRounding};
use crate::sorted_map::SortedMap;
use crate::tabular::CsvColumns;
use crate::TieRule;
use rust_decimal::Decimal;
use serde::Serialize;

/// A whole calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Document {
    /// The JSON Schema an editor checks the document against
    /// (`schema/andel.schema.json`); read and ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always 1.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub version: u32,
    /// A title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A note for people (the source, the illustrative values used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the document assumes where its source leaves a choice open
    /// (which year, which key, who takes part); every output shows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
    /// The key (one of `key`, `nest`, `parts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeySpec>,
    /// A two-level key (groups, then members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nest: Option<NestSpec>,
    /// A cost split: the total split in fixed parts, each part by its key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<PartSpec>>,
    /// One or more totals (low and high, say).
    pub scenarios: Vec<Scenario>,
    /// Money (a unit) or whole places (a method). Money in øre by default.
    #[serde(default)]
    pub rounding: RoundingSpec,
    /// Spread each total over years (money or places), then split each year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Vec<YearShare>>,
    /// A second key to compare with, party by party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<CompareSpec>,
    /// Whole places in a table: the key's parties × columns (programmes,
    /// say), each column with its own total and key; rows and columns both
    /// add up (biproportional apportionment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableSpec>,
    /// Actual amounts or places per party id, to compare with the result
    /// (for a nest: per group): every party that takes part, 0 where it had
    /// none (an excluded party may be left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::actual_schema")
    )]
    pub actual: Option<SortedMap<String, Decimal>>,
    /// What the `actual` figures are ("elever 2021", "januar-august
    /// 2022"): the head of their column, beside the scenario's name over
    /// the dimensioned one. Only with `actual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_label: Option<String>,
    /// How the document counts in the meeting's summary (per municipality
    /// across the cases, [`crate::summary::summary`]): its case, and for
    /// places what they are places of. Left out of it when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<SummarySpec>,
}

/// One total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Scenario {
    /// Its name ("low"), its own among the scenarios.
    pub name: String,
    /// The amount (money) or number of places.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::decimal_schema")
    )]
    pub total: Decimal,
    /// For a cost split (`parts`): the id of the part whose amount `total`
    /// is (the municipalities' 75 %); the other parts follow from their
    /// shares. The whole by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

/// How to round.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct RoundingSpec {
    /// Money: the unit (0.01 by default; 1; 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::optional_decimal_schema")
    )]
    pub unit: Option<Decimal>,
    /// Whole places: the method, limits and tie rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Options>,
    /// Money: the tie rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ties: Option<TieRule>,
}

/// Where a key's parties and weights come from, and what is done to them.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct KeySpec {
    /// Embedded population: municipalities of a region (or all), one year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<PopulationSpec>,
    /// The five KKR by their regions' population in a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<YearSpec>,
    /// KL's 2018 SOSU places per KKR, summed over the programmes named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sosu_2018: Option<ProgrammesSpec>,
    /// Weights given inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<WeightSpec>>,
    /// Weights from CSV text (or a file, where files can be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csv: Option<CsvSpec>,
    /// A blend of keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blend: Option<Vec<BlendSpec>>,
    /// Parties taken out (ids, or municipality names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Fixed shares; the others share the rest by weight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<FixedShare>,
}

/// One party's weight given inline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct WeightSpec {
    /// Its id.
    pub id: String,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The weight (zero or more).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::decimal_schema")
    )]
    pub weight: Decimal,
}

/// Embedded population.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct PopulationSpec {
    /// A region ("Nordjylland"); all of Denmark when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The year (population on 1 January).
    pub year: i32,
    /// Only these municipalities (codes or names), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipalities: Option<Vec<String>>,
    /// The user's own Statbank file (FOLK1A, FOLK1AM, BY2; the API's CSV or
    /// the web's matrix export), read as `csv.path` is, instead of the
    /// embedded figures: `year` picks its first period of that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The same Statbank file's text inline: what `file` is where files
    /// cannot be read (the web form's upload), read by the same reader with
    /// the same notes; `year`, `ages` and `region` as with `file`. Exactly
    /// one of `file` and `text`, when either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Only these ages (from the file's age groups): `{"from": 65}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ages: Option<crate::statbank::Ages>,
}

/// A year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct YearSpec {
    /// The year (population on 1 January).
    pub year: i32,
}

/// Programmes of the SOSU data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct ProgrammesSpec {
    /// "social- og sundhedshjælper", "social- og sundhedsassistent",
    /// "pædagogisk assistent".
    pub programmes: Vec<String>,
}

/// CSV weights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct CsvSpec {
    /// The CSV text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A file to read (not in the browser).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Which columns, when the header does not say.
    #[serde(default)]
    pub columns: CsvColumns,
}

/// One part of a blend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct BlendSpec {
    /// Its weight in the blend (the weights add up to 1).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::decimal_schema")
    )]
    pub weight: Decimal,
    /// The key.
    pub key: KeySpec,
}

/// A two-level key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct NestSpec {
    /// The key between groups.
    pub groups: KeySpec,
    /// Per group id, the key between its members.
    pub members: SortedMap<String, KeySpec>,
    /// `per_level` (default) or `flat`.
    #[serde(default)]
    pub rounding: NestRounding,
    /// Options within groups (default: `rounding.places`, the options
    /// between groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_places: Option<Options>,
}

/// One part of a cost split.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct PartSpec {
    /// Its id ("municipalities").
    pub id: String,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its fraction of the whole (the fractions add up to 1).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::document::decimal_schema")
    )]
    pub share: Decimal,
    /// The key that splits it further.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeySpec>,
}

/// A key to compare with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct CompareSpec {
    /// What the other key is ("without Læsø").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The other key.
    pub key: KeySpec,
}

/// Whole places in a table: every party of the document's key is a row and
/// keeps its own 1-D result as the row's total; every column has its total
/// (they add up to the scenario's total) and a key whose weights, party by
/// party, are the cells' weights. Each cell is weight × row multiplier ×
/// column multiplier rounded by the method (biproportional apportionment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TableSpec {
    /// The columns, in order.
    pub columns: Vec<TableColumnSpec>,
    /// `sainte_lague` unless given (or `dhondt`, `modified_sainte_lague`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<crate::Method>,
}

/// One column of a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TableColumnSpec {
    /// Its id.
    pub id: String,
    /// Its name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its whole places.
    pub total: u64,
    /// The cells' weights: the weight of each row's party in this key.
    pub key: KeySpec,
}

/// How a document counts in the meeting's summary (the document's
/// `summary`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct SummarySpec {
    /// The case (and reading) as the column head starts: "2.8", "2.9 A".
    pub case: String,
    /// For places: what they are places of ("SOSU-lærepladser"); the
    /// document must then round places. Absent: kroner (the document splits
    /// money).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<String>,
}
