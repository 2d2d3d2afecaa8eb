//! Key documents: one versioned JSON document states a whole calculation;
//! [`compute`] returns a result that serialises to JSON too. This is the
//! contract the Python package, the browser and Rust services all speak.
//!
//! Unknown fields are errors, and every error names the field path
//! (`key.fixed[0].share`). The README documents every field with an example;
//! the documents under `examples/` are tested.

use crate::analysis::{attainment, compare, spread_years, AttainmentRow, ComparisonRow, YearShare};
use crate::apportion::Options;
use crate::data::{self, municipality, Region};
use crate::error::{quoted, Error, Result};
use crate::json::{Fields, FromJson, Json};
use crate::key::{
    cost_split, cost_split_from_part, Allocation, CostPart, CostSplitResult, FixedShare, Key,
    KeyParty, Nest, NestRounding, NestedAllocation,
};
use crate::money::SplitOptions;
use crate::sorted_map::{first_repeat, SortedMap};
use crate::tabular::{read_weights, CsvColumns, CsvWriter, Dialect};
use crate::TieRule;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A decimal in a document: a JSON number or a decimal string, read exactly.
#[cfg(feature = "schema")]
pub(crate) fn decimal_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "A decimal: a JSON number or a string such as \"0.072\" (read exactly; at most 28 significant digits).",
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)\\s*$"}
        ]
    })
}

#[cfg(feature = "schema")]
pub(crate) fn optional_decimal_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    decimal_schema(g)
}

#[cfg(feature = "schema")]
pub(crate) fn actual_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let one = decimal_schema(g);
    schemars::json_schema!({"type": "object", "additionalProperties": one})
}

/// The JSON Schema of the key document, generated from its types (for
/// editors, the web form and `andel schema`).
///
/// # Example
/// ```
/// let schema = andel_core::document::schema();
/// assert_eq!(schema["title"], "Document");
/// ```
#[cfg(feature = "schema")]
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default()
}

/// The document version this library reads and writes.
pub const VERSION: u32 = 1;

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
    pub summary: Option<crate::summary::SummarySpec>,
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

/// A table of whole places whose rows and columns both add up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableResult {
    /// The rounding method.
    pub method: crate::Method,
    /// The columns: id, name and total.
    pub columns: Vec<TableColumn>,
    /// The rows: the key's parties, each with its total (the key's own
    /// result) and its cells in column order.
    pub rows: Vec<TableRow>,
    /// Ties met (decided by table order, earlier cells first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<crate::TableTie>,
}

/// A column of a [`TableResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places.
    pub total: u64,
}

/// A row of a [`TableResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// The party's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its places: its result in the scenario's allocation.
    pub total: u64,
    /// Its places per column.
    pub cells: Vec<u64>,
}

/// The result of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentResult {
    /// Always 1.
    pub version: u32,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The document's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The document's assumptions, shown with every result, then what
    /// reading its CSV weights left out (`key.csv: left out line 2 "Hele
    /// landet" (the national total).`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
    /// Per scenario.
    pub scenarios: Vec<ScenarioResult>,
    /// What the actual figures are (the document's `actual_label`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_label: Option<String>,
    /// How it counts in the meeting's summary (the document's `summary`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<crate::summary::SummarySpec>,
}

/// One scenario's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioResult {
    /// The scenario's name.
    pub name: String,
    /// Its total.
    pub total: Decimal,
    /// The allocation by the key (for a nest: between the groups, per
    /// level; for parts: between the parts).
    pub allocation: Allocation,
    /// A nest: per group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested: Option<NestedAllocation>,
    /// Parts: each part split by its key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<CostSplitResult>,
    /// The total spread over years, then each year split by the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<YearsResult>,
    /// The comparison with the other key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// Dimensioned against actual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment: Option<Vec<AttainmentRow>>,
    /// The attainment's rows added up (id `total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment_total: Option<AttainmentRow>,
    /// The table of places, when the document asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableResult>,
}

/// A total spread over years: a table (party × year) whose rows add up to
/// each party's own total and whose columns add up to each year's amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearsResult {
    /// The total split between the years.
    pub years: Allocation,
    /// Each year's amount split by the key, in year order; a party's years
    /// add up to its total in the scenario's allocation (controlled
    /// rounding, see DESIGN.md): each cell is its exact value
    /// (total × share × year fraction) rounded down or up.
    pub per_year: Vec<Allocation>,
    /// Cells with equal remainders that the rounding separated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Vec<CellRef>>,
}

/// A cell of a table: a party in a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRef {
    /// The party's id.
    pub party: String,
    /// The year.
    pub year: String,
}

/// Rounds the party × year table both ways: each cell the exact
/// `quota(party) × fraction(year)` rounded down or up so that every party's
/// years add up to its total (`whole`) and every year to its amount
/// (`years`). Rewrites the per-year allocations' units, amounts, quotas and
/// roundings; returns the ties.
fn round_both_ways(
    whole: &Allocation,
    years: &Allocation,
    shares: &[YearShare],
    per_year: &mut [Allocation],
) -> Result<Vec<Vec<CellRef>>> {
    use crate::exact::U256;
    let overflow = || Error::overflow("years", "the year table is too large to round exactly");
    // Fractions as integers over one power of ten.
    let scale = shares
        .iter()
        .map(|y| y.fraction.normalize().scale())
        .max()
        .unwrap_or(0);
    let ten = crate::exact::pow10(scale).ok_or_else(overflow)?;
    let fraction: Vec<u128> = shares
        .iter()
        .map(|y| {
            let f = y.fraction.normalize();
            let m = u128::try_from(f.mantissa()).map_err(|_| overflow())?;
            crate::exact::pow10(scale - f.scale())
                .and_then(|p| m.checked_mul(p))
                .ok_or_else(overflow)
        })
        .collect::<Result<_>>()?;
    let quotas: Vec<crate::exact::Quota> = whole.parties.iter().map(|p| p.quota).collect();
    let cells = crate::table::outer_cells(&quotas, &fraction, ten)?;
    let (whole_units, remainders, denominator) = (cells.whole, cells.remainder, cells.denominator);
    let rows: Vec<u64> = whole.parties.iter().map(|p| p.units).collect();
    let columns: Vec<u64> = years.parties.iter().map(|y| y.units).collect();
    let t =
        crate::table::controlled_round(&whole_units, &remainders, denominator, &rows, &columns)?;
    for (j, a) in per_year.iter_mut().enumerate() {
        let unit = if a.total.is_sign_negative() {
            -a.unit
        } else {
            a.unit
        };
        for (i, p) in a.parties.iter_mut().enumerate() {
            let units = t.cells[i][j];
            p.units = units;
            // Bounded: a cell is at most its row's units, whose amount fits.
            p.amount = crate::exact::exact_mul(Decimal::from(units), unit, "years")?;
            p.quota = crate::exact::Quota::new(
                U256::mul(denominator, u128::from(whole_units[i][j]))
                    .checked_add(U256::from_u128(remainders[i][j]))
                    .ok_or_else(overflow)?,
                denominator,
            )
            .ok_or_else(overflow)?;
            p.rounding = if t.up[i][j] {
                crate::apportion::Rounding::Up
            } else if remainders[i][j] == 0 {
                crate::apportion::Rounding::Exact
            } else {
                crate::apportion::Rounding::Down
            };
            p.remainder_rank = None;
            p.tie = None;
        }
        a.ties.clear();
        a.boundary = None;
    }
    Ok(t.ties
        .iter()
        .map(|g| {
            g.iter()
                .map(|&(i, j)| CellRef {
                    party: whole
                        .parties
                        .get(i)
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                    year: years
                        .parties
                        .get(j)
                        .map(|y| y.id.clone())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .collect())
}

/// A comparison with another key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// What the other key is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The other key's allocation.
    pub other: Allocation,
    /// Per party, side by side.
    pub rows: Vec<ComparisonRow>,
}

/// Which allocation of a scenario's result one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocationLabel<'a> {
    /// The scenario's own allocation (between a nesting's groups, or a cost
    /// split's parts, where there are any).
    Main,
    /// A nesting's group (its id): the split between its members.
    Group(&'a str),
    /// A cost split's part (its id): the split of that part by its key.
    Part(&'a str),
    /// A year of a year profile (its id): that year's amounts.
    Year(&'a str),
    /// The other key of a comparison, with its label.
    Compare(Option<&'a str>),
}

impl ScenarioResult {
    /// Every allocation of the scenario, labelled, in the order of the CSV:
    /// the main one, then a nesting's groups' members or a cost split's
    /// parts, the years, the comparison's other key.
    pub fn allocations(&self) -> Vec<(AllocationLabel<'_>, &Allocation)> {
        let mut all = vec![(AllocationLabel::Main, &self.allocation)];
        if let Some(n) = &self.nested {
            all.extend(n.per_group.iter().filter_map(|g| {
                g.members
                    .as_ref()
                    .map(|m| (AllocationLabel::Group(g.id.as_str()), m))
            }));
        }
        if let Some(p) = &self.parts {
            all.extend(
                p.parts
                    .parties
                    .iter()
                    .zip(&p.details)
                    .filter_map(|(part, d)| {
                        Some((AllocationLabel::Part(part.id.as_str()), d.as_ref()?))
                    }),
            );
        }
        if let Some(y) = &self.years {
            all.extend(
                y.years
                    .parties
                    .iter()
                    .zip(&y.per_year)
                    .map(|(year, a)| (AllocationLabel::Year(year.id.as_str()), a)),
            );
        }
        if let Some(c) = &self.comparison {
            all.push((AllocationLabel::Compare(c.label.as_deref()), &c.other));
        }
        all
    }
}

impl DocumentResult {
    /// Checks a result read back from JSON someone kept (and may have
    /// changed): the version this library writes, and every allocation of
    /// every scenario as [`Allocation::check`] checks one; errors name the
    /// scenario (`scenarios[0].parties[2].amount`).
    pub fn check(&self) -> Result<()> {
        if self.version != VERSION {
            return Err(Error::Document {
                field: "version".into(),
                message: format!("version {} is not {VERSION}", self.version),
            });
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            for (_, a) in s.allocations() {
                a.check().map_err(|e| e.under(&format!("scenarios[{i}]")))?;
            }
        }
        Ok(())
    }

    /// Every allocation of the result as one CSV, long format: a `scenario`
    /// and a `part` column lead each row (`part` is empty for the key's own
    /// allocation; else `groups`/a group id for a nest, `parts`/a part id for
    /// a cost split, a year for a year profile, `compare` for the other key).
    ///
    /// # Example
    /// ```
    /// use andel_core::document::compute_json;
    /// use andel_core::tabular::Dialect;
    /// let r = compute_json(r#"{"version": 1, "key": {"weights": [{"id": "A", "weight": 2}, {"id": "B", "weight": 1}]},
    ///   "scenarios": [{"name": "low", "total": "0.03"}]}"#)?;
    /// let csv = r.to_csv(Dialect::Plain);
    /// assert!(csv.starts_with("scenario,part,id,name,weight,share"));
    /// assert!(csv.contains("\nlow,,A,,2,0.6666666667,0.0200000000,0.02,2,exact,,0\n"));
    /// # Ok::<(), andel_core::Error>(())
    /// ```
    pub fn to_csv(&self, dialect: Dialect) -> String {
        let mut out = CsvWriter::new(dialect, &["scenario", "part"]);
        for s in &self.scenarios {
            let main = match (&s.nested, &s.parts) {
                (Some(_), _) => "groups",
                (None, Some(_)) => "parts",
                (None, None) => "",
            };
            for (label, a) in s.allocations() {
                let part = match label {
                    AllocationLabel::Main => main,
                    AllocationLabel::Group(id)
                    | AllocationLabel::Part(id)
                    | AllocationLabel::Year(id) => id,
                    AllocationLabel::Compare(_) => "compare",
                };
                out.allocation(&[&s.name, part], a);
            }
        }
        out.finish()
    }
}

/// Reads a document from JSON, naming the field path of any error. The
/// reading is strict (see DESIGN.md, "Reading input"): unknown fields, a field given
/// twice and numbers with more digits than a decimal holds are errors.
///
/// # Example
/// ```
/// use andel_core::document::parse;
/// let err = parse(r#"{"version": 1, "scenarios": [], "key": {"fixed": [{"id": "r", "share": "x"}]}}"#).unwrap_err();
/// assert_eq!(err.field(), Some("key.fixed[0].share"));
/// let err = parse(r#"{"version": 1, "scenarios": [], "colour": "red"}"#).unwrap_err();
/// assert_eq!(err.field(), Some("colour"));
/// let err = parse(r#"{"version": 1, "scenarios": [], "version": 1}"#).unwrap_err();
/// assert!(err.to_string().contains("twice"));
/// ```
pub fn parse(json: &str) -> Result<Document> {
    // A byte-order mark (Notepad and Excel write one) is no part of the JSON.
    crate::json::read(json.strip_prefix('\u{feff}').unwrap_or(json))
}

impl<'de> Deserialize<'de> for Document {
    /// Through the same strict reader as [`parse`] (serde's own data model
    /// would round numbers and forget repeated keys).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        parse(&value.to_string()).map_err(serde::de::Error::custom)
    }
}

impl FromJson for Document {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let d = Document {
            schema: f.opt("$schema")?,
            version: f.req::<crate::json::Version>("version")?.0,
            title: f.opt("title")?,
            note: f.opt("note")?,
            assumptions: f.opt("assumptions")?.unwrap_or_default(),
            key: f.opt("key")?,
            nest: f.opt("nest")?,
            parts: f.opt("parts")?,
            scenarios: f.req("scenarios")?,
            rounding: f.opt("rounding")?.unwrap_or_default(),
            years: f.opt("years")?,
            compare: f.opt("compare")?,
            table: f.opt("table")?,
            actual: f.opt("actual")?,
            actual_label: f.opt("actual_label")?,
            summary: f.opt("summary")?,
        };
        f.finish(&[
            "$schema",
            "version",
            "title",
            "note",
            "assumptions",
            "key",
            "nest",
            "parts",
            "scenarios",
            "rounding",
            "years",
            "compare",
            "table",
            "actual",
            "actual_label",
            "summary",
        ])?;
        Ok(d)
    }
}

impl FromJson for Scenario {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let s = Scenario {
            name: f.req("name")?,
            total: f.req("total")?,
            part: f.opt("part")?,
        };
        f.finish(&["name", "total", "part"])?;
        Ok(s)
    }
}

impl FromJson for RoundingSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let r = RoundingSpec {
            unit: f.opt("unit")?,
            places: f.opt("places")?,
            ties: f.opt("ties")?,
        };
        f.finish(&["unit", "places", "ties"])?;
        Ok(r)
    }
}

impl FromJson for KeySpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let k = KeySpec {
            population: f.opt("population")?,
            regions: f.opt("regions")?,
            sosu_2018: f.opt("sosu_2018")?,
            weights: f.opt("weights")?,
            csv: f.opt("csv")?,
            blend: f.opt("blend")?,
            exclude: f.opt("exclude")?.unwrap_or_default(),
            fixed: f.opt("fixed")?.unwrap_or_default(),
        };
        f.finish(&[
            "population",
            "regions",
            "sosu_2018",
            "weights",
            "csv",
            "blend",
            "exclude",
            "fixed",
        ])?;
        Ok(k)
    }
}

impl FromJson for WeightSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let w = WeightSpec {
            id: f.req("id")?,
            name: f.opt("name")?,
            weight: f.req("weight")?,
        };
        f.finish(&["id", "name", "weight"])?;
        Ok(w)
    }
}

impl FromJson for PopulationSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let p = PopulationSpec {
            region: f.opt("region")?,
            year: f.req("year")?,
            municipalities: f.opt("municipalities")?,
            file: f.opt("file")?,
            ages: f.opt("ages")?,
        };
        f.finish(&["region", "year", "municipalities", "file", "ages"])?;
        Ok(p)
    }
}

impl FromJson for crate::statbank::Ages {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let a = crate::statbank::Ages {
            from: f.opt("from")?,
            to: f.opt("to")?,
        };
        f.finish(&["from", "to"])?;
        Ok(a)
    }
}

impl FromJson for crate::summary::SummarySpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let s = crate::summary::SummarySpec {
            case: f.req("case")?,
            places: f.opt("places")?,
        };
        f.finish(&["case", "places"])?;
        Ok(s)
    }
}

impl FromJson for YearSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let y = YearSpec {
            year: f.req("year")?,
        };
        f.finish(&["year"])?;
        Ok(y)
    }
}

impl FromJson for ProgrammesSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let p = ProgrammesSpec {
            programmes: f.req("programmes")?,
        };
        f.finish(&["programmes"])?;
        Ok(p)
    }
}

impl FromJson for CsvSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let c = CsvSpec {
            text: f.opt("text")?,
            path: f.opt("path")?,
            columns: f.opt("columns")?.unwrap_or_default(),
        };
        f.finish(&["text", "path", "columns"])?;
        Ok(c)
    }
}

impl FromJson for BlendSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let b = BlendSpec {
            weight: f.req("weight")?,
            key: f.req("key")?,
        };
        f.finish(&["weight", "key"])?;
        Ok(b)
    }
}

impl FromJson for NestSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let n = NestSpec {
            groups: f.req("groups")?,
            members: f.req("members")?,
            rounding: f.opt("rounding")?.unwrap_or_default(),
            member_places: f.opt("member_places")?,
        };
        f.finish(&["groups", "members", "rounding", "member_places"])?;
        Ok(n)
    }
}

impl FromJson for PartSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let p = PartSpec {
            id: f.req("id")?,
            name: f.opt("name")?,
            share: f.req("share")?,
            key: f.opt("key")?,
        };
        f.finish(&["id", "name", "share", "key"])?;
        Ok(p)
    }
}

impl FromJson for TableSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let t = TableSpec {
            columns: f.req("columns")?,
            method: f.opt("method")?,
        };
        f.finish(&["columns", "method"])?;
        Ok(t)
    }
}

impl FromJson for TableColumnSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let c = TableColumnSpec {
            id: f.req("id")?,
            name: f.opt("name")?,
            total: f.req("total")?,
            key: f.req("key")?,
        };
        f.finish(&["id", "name", "total", "key"])?;
        Ok(c)
    }
}

impl FromJson for CompareSpec {
    fn from_json(v: &Json, path: &str) -> Result<Self> {
        let mut f = Fields::new(v, path)?;
        let c = CompareSpec {
            label: f.opt("label")?,
            key: f.req("key")?,
        };
        f.finish(&["label", "key"])?;
        Ok(c)
    }
}

/// Reads and computes a JSON document (no file access: see
/// [`compute_json_with`]).
pub fn compute_json(json: &str) -> Result<DocumentResult> {
    compute(&parse(json)?)
}

/// [`compute_json`] with `csv.path` reading files as `files` allows.
pub fn compute_json_with(json: &str, files: &FileAccess) -> Result<DocumentResult> {
    compute_with(&parse(json)?, files)
}

/// Computes a document.
///
/// # Example
/// ```
/// use andel_core::document::compute_json;
/// let r = compute_json(r#"{
///   "version": 1,
///   "key": {"population": {"region": "Nordjylland", "year": 2022}, "exclude": ["Læsø", "Morsø"]},
///   "scenarios": [{"name": "low", "total": "4275000"}]
/// }"#)?;
/// let aalborg = r.scenarios[0].allocation.get("851").map(|p| p.amount.to_string());
/// assert_eq!(aalborg.as_deref(), Some("1658397.22"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn compute(doc: &Document) -> Result<DocumentResult> {
    compute_with(doc, &FileAccess::None)
}

pub use crate::files::FileAccess;

/// [`compute`] with `csv.path` reading files as `files` allows.
///
/// # Example
/// ```
/// use andel_core::document::{compute_with, parse, FileAccess};
/// let doc = parse(r#"{"version": 1, "key": {"csv": {"path": "/etc/passwd"}}, "scenarios": [{"name": "x", "total": 1}]}"#)?;
/// let e = compute_with(&doc, &FileAccess::Under(std::env::temp_dir())).unwrap_err();
/// assert_eq!(e.field(), Some("key.csv.path"));
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn compute_with(doc: &Document, files: &FileAccess) -> Result<DocumentResult> {
    if doc.version != VERSION {
        return Err(Error::Document {
            field: "version".into(),
            message: format!(
                "version {} is not supported; this library reads version {VERSION}",
                doc.version
            ),
        });
    }
    if doc.scenarios.is_empty() {
        return Err(Error::Document {
            field: "scenarios".into(),
            message: "give at least one scenario with a total".into(),
        });
    }
    // Scenarios are told apart by name (result columns, CSV rows).
    if let Some(i) = first_repeat(doc.scenarios.len(), |i| doc.scenarios[i].name.as_str()) {
        return Err(Error::Document {
            field: format!("scenarios[{i}].name"),
            message: format!(
                "the scenario name {} is used twice; give each scenario its own name",
                quoted(&doc.scenarios[i].name)
            ),
        });
    }
    let shapes = [doc.key.is_some(), doc.nest.is_some(), doc.parts.is_some()];
    if shapes.iter().filter(|x| **x).count() != 1 {
        return Err(Error::Document {
            field: String::new(),
            message: "give exactly one of key, nest and parts".into(),
        });
    }
    let rounding = Rounding::from_spec(&doc.rounding)?;
    if doc.actual_label.is_some() && doc.actual.is_none() {
        return Err(Error::Document {
            field: "actual_label".into(),
            message: "given without actual".into(),
        });
    }
    // A summary's `places` says what places are: given exactly when the
    // document rounds places (kroner otherwise).
    if let Some(spec) = &doc.summary {
        if spec.places.is_some() != matches!(rounding, Rounding::Places(_)) {
            return Err(Error::Document {
                field: "summary.places".into(),
                message: "give it exactly when the document rounds places".into(),
            });
        }
    }
    // What reading CSV weights left out, shown after the assumptions.
    let mut notes = Vec::new();
    let key = doc
        .key
        .as_ref()
        .map(|k| build_key_noting(k, "key", files, &mut notes))
        .transpose()?;
    let nest = doc
        .nest
        .as_ref()
        .map(|n| build_nest(n, &doc.rounding, files, &mut notes))
        .transpose()?;
    let parts = doc
        .parts
        .as_ref()
        .map(|ps| {
            ps.iter()
                .enumerate()
                .map(|(i, p)| {
                    Ok(CostPart {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        share: p.share,
                        key: p
                            .key
                            .as_ref()
                            .map(|k| {
                                build_key_noting(k, &format!("parts[{i}].key"), files, &mut notes)
                            })
                            .transpose()?,
                    })
                })
                .collect::<Result<Vec<_>>>()
        })
        .transpose()?;
    let other = doc
        .compare
        .as_ref()
        .map(|c| build_key_noting(&c.key, "compare.key", files, &mut notes))
        .transpose()?;
    let table_keys = doc
        .table
        .as_ref()
        .map(|t| {
            t.columns
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    build_key_noting(
                        &c.key,
                        &format!("table.columns[{j}].key"),
                        files,
                        &mut notes,
                    )
                })
                .collect::<Result<Vec<_>>>()
        })
        .transpose()?;
    let mut scenarios = Vec::new();
    for (s, scenario) in doc.scenarios.iter().enumerate() {
        // An error about an option is about the document's rounding; any
        // other is about this scenario's total and its key.
        let at = |e: Error| {
            let option = e.field().is_some_and(|f| {
                [
                    "minimum",
                    "maximum",
                    "ties",
                    "first_divisor",
                    "method",
                    "unit",
                ]
                .iter()
                .any(|o| {
                    f == *o || f.starts_with(&format!("{o}.")) || f.starts_with(&format!("{o}["))
                })
            });
            match (&rounding, option) {
                (Rounding::Places(_), true) => e.under("rounding.places"),
                (Rounding::Money(_), true) => e.under("rounding"),
                (_, false) => e.under(&format!("scenarios[{s}]")),
            }
        };
        if scenario.part.is_some() && parts.is_none() {
            return Err(Error::Document {
                field: format!("scenarios[{s}].part"),
                message: "part names a part of a cost split: use it with parts".into(),
            });
        }
        let (allocation, nested, cost) = if let Some(key) = &key {
            (
                rounding.allocate(key, scenario.total).map_err(at)?,
                None,
                None,
            )
        } else if let Some((nest, members)) = &nest {
            let total = rounding.places_total(scenario.total).map_err(at)?;
            let n = nest
                .apportion(
                    total,
                    &rounding.places_options(),
                    members,
                    doc_nest_rounding(doc),
                )
                .map_err(|e| e.under("nest"))?;
            let top = match (&n.groups, &n.flat) {
                (Some(g), _) => g.clone(),
                (None, Some(f)) => f.clone(),
                (None, None) => {
                    return Err(Error::Document {
                        field: "nest".into(),
                        message: "internal: a nested result without levels".into(),
                    })
                }
            };
            (top, Some(n), None)
        } else if let Some(parts) = &parts {
            let options = rounding.split_options()?;
            let r = match &scenario.part {
                None => {
                    // Errors about the parts name them (`parts[1].share`).
                    cost_split(scenario.total, parts, &options).map_err(|e| {
                        if e.field().is_some_and(|f| f.starts_with("parts")) {
                            e
                        } else {
                            e.under("parts")
                        }
                    })?
                }
                Some(id) => {
                    let i = parts.iter().position(|p| &p.id == id).ok_or_else(|| {
                        Error::UnknownParty {
                            field: format!("scenarios[{s}].part"),
                            id: id.clone(),
                        }
                    })?;
                    cost_split_from_part(scenario.total, i, parts, &options)
                        .map_err(|e| e.under(&format!("scenarios[{s}]")))?
                }
            };
            (r.parts.clone(), None, Some(r))
        } else {
            return Err(Error::Document {
                field: String::new(),
                message: "give exactly one of key, nest and parts".into(),
            });
        };
        let years = match (&doc.years, &key) {
            (Some(ys), Some(key)) => {
                let spread = match &rounding {
                    Rounding::Money(o) => spread_years(scenario.total, ys, o),
                    Rounding::Places(_) => spread_years(
                        scenario.total,
                        ys,
                        &SplitOptions {
                            unit: Decimal::ONE,
                            ties: TieRule::Order,
                        },
                    ),
                }?;
                if let Rounding::Places(o) = &rounding {
                    if o.minimum.is_some() || o.maximum.is_some() {
                        return Err(Error::Document {
                            field: "years".into(),
                            message:
                                "a year profile with minimum or maximum places is not supported"
                                    .into(),
                        });
                    }
                }
                let mut per_year = spread
                    .parties
                    .iter()
                    .map(|y| rounding.allocate(key, y.amount))
                    .collect::<Result<Vec<_>>>()
                    .map_err(|e| e.under("years"))?;
                let ties = round_both_ways(&allocation, &spread, ys, &mut per_year)
                    .map_err(|e| e.under("years"))?;
                Some(YearsResult {
                    years: spread,
                    per_year,
                    ties,
                })
            }
            (Some(_), None) => {
                return Err(Error::Document {
                    field: "years".into(),
                    message: "years work with a key (not with nest or parts)".into(),
                })
            }
            (None, _) => None,
        };
        let comparison = match &other {
            Some(k) => {
                let o = rounding
                    .allocate(k, scenario.total)
                    .map_err(|e| e.under("compare"))?;
                Some(Comparison {
                    label: doc.compare.as_ref().and_then(|c| c.label.clone()),
                    rows: compare(&allocation, &o)?,
                    other: o,
                })
            }
            None => None,
        };
        let attainment = doc
            .actual
            .as_ref()
            .map(|a| attainment(&allocation, a))
            .transpose()?;
        let attainment_total = attainment
            .as_deref()
            .map(crate::analysis::attainment_total)
            .transpose()?;
        let table = match (&doc.table, &table_keys) {
            (Some(spec), Some(keys)) => Some(places_table(
                spec,
                keys,
                &allocation,
                key.is_some(),
                &rounding,
            )?),
            _ => None,
        };
        scenarios.push(ScenarioResult {
            name: scenario.name.clone(),
            total: scenario.total,
            allocation,
            nested,
            parts: cost,
            years,
            comparison,
            attainment,
            attainment_total,
            table,
        });
    }
    Ok(DocumentResult {
        version: VERSION,
        title: doc.title.clone(),
        note: doc.note.clone(),
        assumptions: doc.assumptions.iter().cloned().chain(notes).collect(),
        scenarios,
        actual_label: doc.actual_label.clone(),
        summary: doc.summary.clone(),
    })
}

/// The document's table: the key's parties × the columns, rows keeping the
/// allocation's places and columns their totals.
fn places_table(
    spec: &TableSpec,
    keys: &[Key],
    allocation: &Allocation,
    has_key: bool,
    rounding: &Rounding,
) -> Result<TableResult> {
    let places = match rounding {
        Rounding::Places(o) if has_key => o,
        _ => {
            return Err(Error::Document {
                field: "table".into(),
                message: "a table works with a key and whole places (rounding.places)".into(),
            })
        }
    };
    let columns: Vec<u64> = spec.columns.iter().map(|c| c.total).collect();
    let sum = columns.iter().try_fold(0u64, |s, &x| s.checked_add(x));
    let places_total: u128 = allocation.parties.iter().map(|p| u128::from(p.units)).sum();
    if sum.map(u128::from) != Some(places_total) {
        return Err(Error::Document {
            field: "table.columns".into(),
            message: format!(
                "the columns' totals must add up to the scenario's {places_total} places"
            ),
        });
    }
    let mut weights = Vec::with_capacity(allocation.parties.len());
    let positions: Vec<_> = keys
        .iter()
        .map(|k| k.positions(allocation.parties.len()))
        .collect();
    for p in &allocation.parties {
        let row = keys
            .iter()
            .zip(&positions)
            .enumerate()
            .map(|(j, (k, positions))| {
                positions
                    .get(&p.id)
                    .map(|i| k.parties()[i].weight)
                    .ok_or_else(|| Error::UnknownParty {
                        field: format!("table.columns[{j}].key"),
                        id: format!("{} (a row of the table has no weight in this key)", p.id),
                    })
            })
            .collect::<Result<Vec<Decimal>>>()?;
        weights.push(row);
    }
    let row_totals: Vec<u64> = allocation.parties.iter().map(|p| p.units).collect();
    let options = crate::BiproportionalOptions {
        method: spec.method.unwrap_or(crate::Method::SainteLague),
        first_divisor: places.first_divisor,
        ties: places.ties.clone(),
    };
    let t = crate::biproportional(&weights, &columns, Some(&row_totals), &options)
        .map_err(|e| e.under("table"))?;
    Ok(TableResult {
        method: t.method,
        columns: spec
            .columns
            .iter()
            .map(|c| TableColumn {
                id: c.id.clone(),
                name: c.name.clone(),
                total: c.total,
            })
            .collect(),
        rows: allocation
            .parties
            .iter()
            .zip(t.cells)
            .map(|(p, cells)| TableRow {
                id: p.id.clone(),
                name: p.name.clone(),
                total: p.units,
                cells,
            })
            .collect(),
        ties: t.ties,
    })
}

fn doc_nest_rounding(doc: &Document) -> NestRounding {
    doc.nest.as_ref().map(|n| n.rounding).unwrap_or_default()
}

enum Rounding {
    Money(SplitOptions),
    Places(Options),
}

impl Rounding {
    fn from_spec(spec: &RoundingSpec) -> Result<Rounding> {
        match (&spec.unit, &spec.places) {
            (Some(_), Some(_)) => Err(Error::Document {
                field: "rounding".into(),
                message: "give unit (money) or places (whole units), not both".into(),
            }),
            (_, Some(p)) => {
                if spec.ties.is_some() {
                    return Err(Error::Document {
                        field: "rounding.ties".into(),
                        message: "for places, give ties inside places".into(),
                    });
                }
                Ok(Rounding::Places(p.clone()))
            }
            (unit, None) => Ok(Rounding::Money(SplitOptions {
                unit: unit.unwrap_or(Decimal::new(1, 2)),
                ties: spec.ties.clone().unwrap_or_default(),
            })),
        }
    }

    fn places_total(&self, total: Decimal) -> Result<u64> {
        let whole = total.normalize();
        if whole.scale() != 0 || whole < Decimal::ZERO {
            return Err(Error::Document {
                field: "total".into(),
                message: format!("{total} is not a whole, non-negative number of places"),
            });
        }
        u64::try_from(whole).map_err(|_| Error::overflow("total", "too many places"))
    }

    fn places_options(&self) -> Options {
        match self {
            Rounding::Places(o) => o.clone(),
            Rounding::Money(_) => Options::default(),
        }
    }

    fn split_options(&self) -> Result<SplitOptions> {
        match self {
            Rounding::Money(o) => Ok(o.clone()),
            Rounding::Places(_) => Err(Error::Document {
                field: "rounding.places".into(),
                message: "parts split money; give rounding.unit".into(),
            }),
        }
    }

    fn allocate(&self, key: &Key, total: Decimal) -> Result<Allocation> {
        match self {
            Rounding::Money(o) => key.split(total, o),
            Rounding::Places(o) => key.apportion(self.places_total(total)?, o),
        }
    }
}

fn build_nest(
    spec: &NestSpec,
    rounding: &RoundingSpec,
    files: &FileAccess,
    notes: &mut Vec<String>,
) -> Result<(Nest, Options)> {
    let groups = build_key_noting(&spec.groups, "nest.groups", files, notes)?;
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
                field: format!("nest.members.{g}"),
                id: g.clone(),
            })?;
        let key = build_key_noting(k, &format!("nest.members.{g}"), files, notes)?;
        members.push((id, key, g));
    }
    // Two names for one group ("Nordjylland", "KKR Nordjylland").
    if let Some(i) = first_repeat(members.len(), |i| &members[i].0) {
        let (id, _, g) = &members[i];
        return Err(Error::DuplicateParty {
            field: format!("nest.members.{g}"),
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
            message: "a nest apportions whole places: give the method, limits and ties in \
                      rounding.places (between groups) and nest.member_places (within them)"
                .into(),
        });
    }
    let member_options = match (spec.rounding, &spec.member_places, &rounding.places) {
        (NestRounding::Flat, Some(_), Some(_)) => {
            return Err(Error::Document {
                field: "nest.member_places".into(),
                message: "flat rounding is one apportionment over all members: give its \
                          options once, in rounding.places"
                    .into(),
            })
        }
        (_, Some(m), _) => m.clone(),
        // Within groups as between them, unless member_places says otherwise.
        (_, None, Some(p)) => p.clone(),
        (_, None, None) => Options::default(),
    };
    Ok((Nest { groups, members }, member_options))
}

/// Builds a key from its specification; `at` is the field path for errors,
/// `files` what `csv.path` may read.
pub fn build_key(spec: &KeySpec, at: &str, files: &FileAccess) -> Result<Key> {
    build_key_noting(spec, at, files, &mut Vec::new())
}

/// [`build_key`], adding to `notes` what reading a CSV left out (a
/// Statbank export's national and regional totals): the result shows it
/// with the document's assumptions.
fn build_key_noting(
    spec: &KeySpec,
    at: &str,
    files: &FileAccess,
    notes: &mut Vec<String>,
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
            message: "give exactly one of population, regions, sosu_2018, weights, csv and blend"
                .into(),
        });
    }
    let mut key = if let Some(p) = &spec.population {
        let region = p
            .region
            .as_ref()
            .map(|r| r.parse::<Region>())
            .transpose()
            .map_err(|e| e.under(&format!("{at}.population")))?;
        let key = match (&p.file, p.ages) {
            (None, None) => data::population_key(region, p.year),
            (None, Some(_)) => Err(Error::Document {
                field: "ages".into(),
                message: "the embedded population has no ages; give a Statbank file with them \
                          (file)"
                    .into(),
            }),
            (Some(file), ages) => {
                let field = format!("{at}.population.file");
                let bytes = crate::files::read(file, files, &field, crate::files::MAX_FILE_BYTES)?;
                file_population(&bytes, file, p.year, ages, region, at, notes)
            }
        }
        .map_err(|e| e.under(&format!("{at}.population")))?;
        match &p.municipalities {
            None => key,
            Some(list) => {
                let mut keep = Vec::new();
                for (i, m) in list.iter().enumerate() {
                    let field = format!("{at}.population.municipalities[{i}]");
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
                    .map_err(|e| e.under(&format!("{at}.population")))?
            }
        }
    } else if let Some(y) = &spec.regions {
        data::region_population_key(y.year).map_err(|e| e.under(&format!("{at}.regions")))?
    } else if let Some(s) = &spec.sosu_2018 {
        let names: Vec<&str> = s.programmes.iter().map(String::as_str).collect();
        data::sosu_2018_key(&names).map_err(|e| e.under(&format!("{at}.sosu_2018")))?
    } else if let Some(w) = &spec.weights {
        let parties = w
            .iter()
            .map(|p| KeyParty::new(p.id.clone(), p.name.clone(), p.weight))
            .collect();
        Key::new(parties).map_err(|e| rename_parties(e, &format!("{at}.weights")))?
    } else if let Some(c) = &spec.csv {
        let read = match (&c.text, &c.path) {
            (Some(t), None) => read_weights(t, &c.columns),
            (None, Some(p)) => {
                let field = format!("{at}.csv.path");
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
                            crate::excel::read_weights_xlsx(&bytes, None, &c.columns)
                        }
                        #[cfg(not(feature = "excel"))]
                        return Err(Error::Io {
                            field,
                            message: format!(
                                "{} is an Excel workbook, which this build does not read \
                                 (it lacks the feature `excel`, which the command line and \
                                 Python have); save the sheet as CSV",
                                crate::error::quoted(p)
                            ),
                        });
                    } else {
                        crate::tabular::read_weights_bytes(&bytes, &c.columns)
                    }
                }
            }
            _ => {
                return Err(Error::Document {
                    field: format!("{at}.csv"),
                    message: "give text or path".into(),
                })
            }
        };
        let read = read.map_err(|e| e.under(&format!("{at}.csv.columns")))?;
        for said in read.said() {
            notes.push(format!("{at}.csv: {said}."));
        }
        read.key
    } else if let Some(parts) = &spec.blend {
        let keys = parts
            .iter()
            .enumerate()
            .map(|(i, b)| build_key_noting(&b.key, &format!("{at}.blend[{i}].key"), files, notes))
            .collect::<Result<Vec<_>>>()?;
        let pairs: Vec<(Decimal, &Key)> = parts.iter().map(|b| b.weight).zip(keys.iter()).collect();
        Key::blend(&pairs).map_err(|e| rename_blend(e, at))?
    } else {
        return Err(Error::Document {
            field: at.into(),
            message: "no source".into(),
        });
    };
    if !spec.exclude.is_empty() {
        key = data::exclude_named(&key, &spec.exclude, &format!("{at}.exclude"))?;
    }
    if !spec.fixed.is_empty() {
        key = key.with_fixed(&spec.fixed).map_err(|e| e.under(at))?;
    }
    Ok(key)
}

fn rename_parties(e: Error, at: &str) -> Error {
    let field = e.field().unwrap_or("").replacen("parties", "", 1);
    e.with_field(format!("{at}{field}"))
}

fn rename_blend(e: Error, at: &str) -> Error {
    let field = e.field().unwrap_or("").to_string();
    e.with_field(format!("{at}.{field}"))
}

/// The key of a Statbank population file's bytes (only where files are
/// read: the browser build, without `fs`, never reaches the reader and
/// leaves it out for its size).
#[cfg(feature = "fs")]
fn file_population(
    bytes: &[u8],
    file: &str,
    year: i32,
    ages: Option<crate::statbank::Ages>,
    region: Option<Region>,
    at: &str,
    notes: &mut Vec<String>,
) -> Result<Key> {
    let read = crate::statbank::read_population(bytes, Some(year), ages)
        .map_err(|e| e.under(&format!("{at}.population")))?;
    notes.push(format!("{at}.population: {}.", read.describe(file)));
    read.key(region)
}

#[cfg(not(feature = "fs"))]
fn file_population(
    _bytes: &[u8],
    file: &str,
    _year: i32,
    _ages: Option<crate::statbank::Ages>,
    _region: Option<Region>,
    _at: &str,
    _notes: &mut Vec<String>,
) -> Result<Key> {
    Err(Error::Io {
        field: String::new(),
        message: format!("cannot read {file}: files are not available here"),
    })
}
