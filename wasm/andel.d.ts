/** A decimal number written as a string ("1658397.22"): exact, never a float. */
export type DecimalString = string;
/** A number given by the caller: a JS number is read as the decimal its shortest form shows (0.072 is 0.072). */
export type NumberInput = number | DecimalString;

/** Weights: an array of numbers or decimal strings, or a typed array (Float64Array,
 * Int32Array, …, BigInt64Array) read without a JS value per element (10^7 and more). */
export type WeightsInput =
  | NumberInput[]
  | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array
  | Int8Array | Uint8Array | Uint8ClampedArray | BigInt64Array | BigUint64Array;

export type Method =
  | "hamilton" | "largest_remainder" | "hare"
  | "dhondt" | "jefferson"
  | "sainte_lague" | "webster"
  | "modified_sainte_lague" | "huntington_hill" | "adams" | "dean";

/**
 * "order" (earlier wins, the default), "error", or a priority order of parties
 * (earlier wins), read by core's one rule: a number is a position; text is an
 * id, else a municipality's code or name; where the parties have no ids, text
 * is a position in digits ("0", "1", …).
 */
export type Ties = "order" | "error" | Array<string | number>;
/** One limit for all, one per party in input order, or by id. */
export type Limit = number | number[] | Record<string, number>;

export interface ApportionOptions {
  minimum?: Limit;
  maximum?: Limit;
  /** Modified Sainte-Laguë only (1.4 by default). */
  firstDivisor?: NumberInput;
  ties?: Ties;
  /** Ids of the parties, for limits and priority orders by id. */
  ids?: string[];
}

export interface SplitOptions {
  /** The rounding unit, "0.01" (øre) by default; "1", "1000". */
  unit?: NumberInput;
  ties?: Ties;
  ids?: string[];
}

/** Thrown by every function: a real Error with core's stable code and the field path.
 * An argument beyond those a function takes is refused too (code "invalid_option",
 * field "arguments[n]"), never dropped as JS would, also after an undefined one. Options
 * and documents are plain objects: a Map or a class's instance is refused. */
export interface AndelError extends Error {
  name: "AndelError";
  /** "negative_weight", "invalid_number", "unknown_municipality", "tie", "document", … */
  code: string;
  /** The field path ("weights[3]", "key.fixed[0].share"), or null. */
  field: string | null;
  /** The error's data: suggestions for an unknown municipality, the tied parties, …;
   * a CSV error's `problem` says which problem with its fields. */
  details: { code: string; problem?: CsvProblem; [key: string]: unknown } | null;
  /** The message in Danish and English, from core's catalogue (`en` is `message`). */
  messages: { da: string; en: string };
}

/** What is wrong in a CSV file (`details.problem` of a "csv" error). */
export type CsvProblem =
  | { kind: "ambiguous_decimal"; text: string }
  | { kind: "mixed_decimals"; comma: string; comma_line: number; point: string; point_line: number }
  | { kind: "not_a_number_with_mark"; text: string; mark: string }
  | { kind: "not_a_number"; text: string }
  | { kind: "invalid_number"; text: string; reason: string }
  | { kind: "no_column"; what: string; name: string; header: string[] }
  | { kind: "negative_weight"; value: DecimalString }
  | { kind: "repeated_party"; id: string }
  | { kind: "row_width"; found: number; expected: number; header: boolean }
  | { kind: "open_quote" }
  | { kind: "text_after_quote"; found: string }
  | { kind: "empty" }
  | { kind: "empty_id" }
  | { kind: "no_parties" }
  | { kind: "zero_total" }
  | { kind: "too_large"; mib: number };

export type RegionName = "Hovedstaden" | "Sjælland" | "Syddanmark" | "Midtjylland" | "Nordjylland";

export interface MunicipalityRow {
  code: string;
  name: string;
  region: RegionName;
  population: number;
}

// ---- The key document (see the README, "The key document") ----
// BEGIN generated from schema/andel.schema.json by andel_core::document::typescript;
// do not edit: `ANDEL_BLESS=1 cargo test -p andel-cli` writes it, and that test fails
// when it differs.
/** A whole calculation. */
export interface KeyDocument {
  /**
   * The JSON Schema an editor checks the document against
   * (`schema/andel.schema.json`); read and ignored.
   */
  "$schema"?: string | null;
  /**
   * Actual amounts or places per party id, to compare with the result
   * (for a nest: per group): every party that takes part, 0 where it had
   * none (an excluded party may be left out).
   */
  actual?: Record<string, number | string>;
  /**
   * What the `actual` figures are ("elever 2021", "januar-august
   * 2022"): the head of their column, beside the scenario's name over
   * the dimensioned one. Only with `actual`.
   */
  actual_label?: string | null;
  /**
   * What the document assumes where its source leaves a choice open
   * (which year, which key, who takes part); every output shows them.
   */
  assumptions?: Array<string>;
  /** A second key to compare with, party by party. */
  compare?: CompareSpec | null;
  /** The key (one of `key`, `nest`, `parts`). */
  key?: KeySpec | null;
  /** A two-level key (groups, then members). */
  nest?: NestSpec | null;
  /** A note for people (the source, the illustrative values used). */
  note?: string | null;
  /** A cost split: the total split in fixed parts, each part by its key. */
  parts?: Array<PartSpec> | null;
  /** Money (a unit) or whole places (a method). Money in øre by default. */
  rounding?: RoundingSpec;
  /** One or more totals (low and high, say). */
  scenarios: Array<Scenario>;
  /**
   * How the document counts in the meeting's summary (per municipality
   * across the cases, [`crate::summary::summary`]): its case, and for
   * places what they are places of. Left out of it when absent.
   */
  summary?: SummarySpec | null;
  /**
   * Whole places in a table: the key's parties × columns (programmes,
   * say), each column with its own total and key; rows and columns both
   * add up (biproportional apportionment).
   */
  table?: TableSpec | null;
  /** A title for people. */
  title?: string | null;
  /** Always 1. */
  version: 1;
  /** Spread each total over years (money or places), then split each year. */
  years?: Array<YearShare> | null;
}

/**
 * An age range, in whole years, both ends included; an open end has no
 * bound (`{"from": 65}` is 65 and over).
 */
export interface Ages {
  /** The youngest age counted (0 when absent). */
  from?: number | null;
  /** The oldest age counted (no bound when absent). */
  to?: number | null;
}

/** One part of a blend. */
export interface BlendSpec {
  /** The key. */
  key: KeySpec;
  /** Its weight in the blend (the weights add up to 1). */
  weight: number | string;
}

/** A key to compare with. */
export interface CompareSpec {
  /** The other key. */
  key: KeySpec;
  /** What the other key is ("without Læsø"). */
  label?: string | null;
}

/** Which columns to read; found from the header when not given. */
export interface CsvColumnsSpec {
  /**
   * The decimal separator of the weights, `","` or `"."`. Found when not
   * given, from all the column's cells at once; see [`read_weights`].
   */
  decimal?: string | null;
  /**
   * Whether the first row is a header. Found when not given: it is when a
   * cell names a known column (`kommune`, `vægt`, `id` …) or its weight
   * cell is not a number.
   */
  header?: boolean | null;
  /** The id column (a code); optional. */
  id?: string | null;
  /**
   * Keep rows that would be left out as totals when they are parties
   * (a region that takes a share, as in the minutes' 2.12): a region or
   * landsdel by name or code, and a row whose weight is the sum of the
   * others. The national total ("Hele landet", `000`) is always left out.
   * Off by default.
   */
  keep_totals?: boolean | null;
  /** The name column; optional. */
  name?: string | null;
  /**
   * The weight column; by default a column named for a population or a
   * weight (`population`, `befolkning`, `indbyggere`, `folketal`, `vægt`,
   * `weight`, `antal`, Statbank's `INDHOLD` …), else the last column.
   */
  weight?: string | null;
}

/** CSV weights. */
export interface CsvSpec {
  /** Which columns, when the header does not say. */
  columns?: CsvColumnsSpec;
  /** A file to read (not in the browser). */
  path?: string | null;
  /** The CSV text. */
  text?: string | null;
}

/** A fixed share for one party, the others sharing the rest by weight. */
export interface FixedShare {
  /** The party: one of the key's, or a new one (such as the region). */
  id: string;
  /** A name, for a new party. */
  name?: string | null;
  /** The share, between 0 and 1 (0.072 for 7.2 %). */
  share: number | string;
}

/** Where a key's parties and weights come from, and what is done to them. */
export interface KeySpec {
  /** A blend of keys. */
  blend?: Array<BlendSpec> | null;
  /** Weights from CSV text (or a file, where files can be read). */
  csv?: CsvSpec | null;
  /** Parties taken out (ids, or municipality names). */
  exclude?: Array<string>;
  /** Fixed shares; the others share the rest by weight. */
  fixed?: Array<FixedShare>;
  /** Embedded population: municipalities of a region (or all), one year. */
  population?: PopulationSpec | null;
  /** The five KKR by their regions' population in a year. */
  regions?: YearSpec | null;
  /** KL's 2018 SOSU places per KKR, summed over the programmes named. */
  sosu_2018?: ProgrammesSpec | null;
  /** Weights given inline. */
  weights?: Array<WeightSpec> | null;
}

/** A minimum or maximum number of units. */
export type LimitSpec = number | Array<number> | Record<string, number>;

/** An apportionment method. */
export type DocumentMethod = "hamilton" | "dhondt" | "sainte_lague" | "modified_sainte_lague" | "huntington_hill" | "adams" | "dean";

/** How a nested key rounds. */
export type NestRounding = "per_level" | "flat";

/** A two-level key. */
export interface NestSpec {
  /** The key between groups. */
  groups: KeySpec;
  /**
   * Options within groups (default: `rounding.places`, the options
   * between groups).
   */
  member_places?: PlacesOptions | null;
  /** Per group id, the key between its members. */
  members: Record<string, KeySpec>;
  /** `per_level` (default) or `flat`. */
  rounding?: NestRounding;
}

/** How to apportion: method, limits and tie rule. */
export interface PlacesOptions {
  /** Modified Sainte-Laguë only: the first divisor (1.4 by default). */
  first_divisor?: number | string;
  /** The most units each party gets. */
  maximum?: LimitSpec | null;
  /** The method; Hamilton unless given. */
  method?: DocumentMethod;
  /** The fewest units each party gets. */
  minimum?: LimitSpec | null;
  /** The tie rule; `order` by default. */
  ties?: TieRule;
}

/** One part of a cost split. */
export interface PartSpec {
  /** Its id ("municipalities"). */
  id: string;
  /** The key that splits it further. */
  key?: KeySpec | null;
  /** A name. */
  name?: string | null;
  /** Its fraction of the whole (the fractions add up to 1). */
  share: number | string;
}

/** A party named in an option: by its position in the input, or by its id. */
export type PartyRef = number | string;

/** Embedded population. */
export interface PopulationSpec {
  /** Only these ages (from the file's age groups): `{"from": 65}`. */
  ages?: Ages | null;
  /**
   * The user's own Statbank file (FOLK1A, FOLK1AM, BY2; the API's CSV or
   * the web's matrix export), read as `csv.path` is, instead of the
   * embedded figures: `year` picks its first period of that year.
   */
  file?: string | null;
  /** Only these municipalities (codes or names), when given. */
  municipalities?: Array<string> | null;
  /** A region ("Nordjylland"); all of Denmark when absent. */
  region?: string | null;
  /**
   * The same Statbank file's text inline: what `file` is where files
   * cannot be read (the web form's upload), read by the same reader with
   * the same notes; `year`, `ages` and `region` as with `file`. Exactly
   * one of `file` and `text`, when either.
   */
  text?: string | null;
  /** The year (population on 1 January). */
  year: number;
}

/** Programmes of the SOSU data. */
export interface ProgrammesSpec {
  /**
   * "social- og sundhedshjælper", "social- og sundhedsassistent",
   * "pædagogisk assistent".
   */
  programmes: Array<string>;
}

/** How to round. */
export interface RoundingSpec {
  /** Whole places: the method, limits and tie rule. */
  places?: PlacesOptions | null;
  /** Money: the tie rule. */
  ties?: TieRule | null;
  /** Money: the unit (0.01 by default; 1; 1000). */
  unit?: number | string;
}

/** One total. */
export interface Scenario {
  /** Its name ("low"), its own among the scenarios. */
  name: string;
  /**
   * For a cost split (`parts`): the id of the part whose amount `total`
   * is (the municipalities' 75 %); the other parts follow from their
   * shares. The whole by default.
   */
  part?: string | null;
  /** The amount (money) or number of places. */
  total: number | string;
}

/**
 * How a document counts in the meeting's summary (the document's
 * `summary`).
 */
export interface SummarySpec {
  /** The case (and reading) as the column head starts: "2.8", "2.9 A". */
  case: string;
  /**
   * For places: what they are places of ("SOSU-lærepladser"); the
   * document must then round places. Absent: kroner (the document splits
   * money).
   */
  places?: string | null;
}

/** One column of a table. */
export interface TableColumnSpec {
  /** Its id. */
  id: string;
  /** The cells' weights: the weight of each row's party in this key. */
  key: KeySpec;
  /** Its name for people. */
  name?: string | null;
  /** Its whole places. */
  total: number;
}

/**
 * Whole places in a table: every party of the document's key is a row and
 * keeps its own 1-D result as the row's total; every column has its total
 * (they add up to the scenario's total) and a key whose weights, party by
 * party, are the cells' weights. Each cell is weight × row multiplier ×
 * column multiplier rounded by the method (biproportional apportionment).
 */
export interface TableSpec {
  /** The columns, in order. */
  columns: Array<TableColumnSpec>;
  /** `sainte_lague` unless given (or `dhondt`, `modified_sainte_lague`). */
  method?: DocumentMethod | null;
}

/** What to do when parties stand exactly equal for the last unit(s). */
export type TieRule = "order" | "error" | {
  priority: Array<PartyRef>;
};

/** One party's weight given inline. */
export interface WeightSpec {
  /** Its id. */
  id: string;
  /** A name. */
  name?: string | null;
  /** The weight (zero or more). */
  weight: number | string;
}

/** One year's part of a total spread over years. */
export interface YearShare {
  /** Its fraction of the total (the fractions add up to exactly 1). */
  fraction: number | string;
  /** The year. */
  year: number;
}

/** A year. */
export interface YearSpec {
  /** The year (population on 1 January). */
  year: number;
}
// END generated

// ---- Results ----

export type Basis =
  | { kind: "weight" }
  | { kind: "excluded"; /** the weight it had before it was excluded (shown for reference) */ weight?: DecimalString }
  | { kind: "fixed"; share: DecimalString }
  | { kind: "blend" }
  | { kind: "nested"; group: string };

export interface Quota {
  whole: number;
  remainder: DecimalString;
  denominator: DecimalString;
  /** To ten places, for people. */
  decimal: DecimalString;
}

export interface PartyAllocation {
  id: string;
  name?: string;
  weight: DecimalString;
  basis: Basis;
  /** A fraction (0.387929…), not a percentage. */
  share: DecimalString;
  /** The exact quota in units (øre, kroner or places). */
  quota: Quota;
  /** The quota as an amount (quota × unit, with the amount's sign), to ten
   * places more than the unit: what the party would get without rounding. */
  quota_amount: DecimalString;
  units: number;
  amount: DecimalString;
  rounding: "exact" | "down" | "up" | "minimum" | "maximum";
  remainder_rank?: number;
  /** Index into the allocation's ties. */
  tie?: number;
}

export interface TieReport {
  parties: string[];
  winners: string[];
  units: number;
  decided_by: string;
}

export interface Allocation {
  total: DecimalString;
  unit: DecimalString;
  /** Money (a split, in kroner whatever the unit); absent for places. */
  money?: true;
  /** What the weights count, when known: inhabitants on 1 January of a year. */
  weights?: { kind: "population"; year: number; ages?: { from?: number; to?: number } };
  method: Method;
  first_divisor?: DecimalString;
  parties: PartyAllocation[];
  ties: TieReport[];
  boundary?: { last?: { party: string; seat: number }; next?: { party: string; seat: number } };
  options: PlacesOptions;
}

export interface ComparisonRow {
  id: string;
  name?: string;
  share_base: DecimalString;
  share_other: DecimalString;
  amount_base: DecimalString;
  amount_other: DecimalString;
  change: DecimalString;
}

export interface AttainmentRow {
  id: string;
  name?: string;
  dimensioned: DecimalString;
  actual: DecimalString;
  difference: DecimalString;
  percent: DecimalString | null;
}

export interface ScenarioResult {
  name: string;
  total: DecimalString;
  allocation: Allocation;
  nested?: {
    rounding: "per_level" | "flat";
    groups?: Allocation;
    flat?: Allocation;
    per_group: Array<{ id: string; units: number; members?: Allocation }>;
  };
  parts?: { parts: Allocation; details: Array<Allocation | null> };
  years?: { years: Allocation; per_year: Allocation[] };
  comparison?: { label?: string; other: Allocation; rows: ComparisonRow[] };
  attainment?: AttainmentRow[];
  /** The attainment's rows added up (id "total"). */
  attainment_total?: AttainmentRow;
}

export interface DocumentResult {
  version: 1;
  title?: string;
  note?: string;
  assumptions?: string[];
  /** What reading its files told the reader, as data, each at the field that read it ("key.csv"); present() says them after the assumptions in its language. */
  read_notes?: ReadNote[];
  scenarios: ScenarioResult[];
  actual_label?: string;
  summary?: SummarySpec;
}

export interface CsvColumns {
  id?: string;
  name?: string;
  weight?: string;
  /** Whether the first row is a header (found when not given). */
  header?: boolean;
  /** The decimal separator of the weights, "," or "." (found from all cells when not given). */
  decimal?: "," | ".";
  /** Keep regions (Region Nordjylland, 081) and a row that is the sum of the others as parties; by default they are totals, left out. */
  keep_totals?: boolean;
}

/** A file's encoding as the core found it. */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";
/** Why a row was left out of the weights (stable machine names; the words are core's catalogue's). */
export type LeftOutReason = "national_total" | "regional_total" | "christianso" | "sum_of_others" | "title" | "footnote";
/** How a file was read, when its reader should know (stable machine names; present() says them in Danish or English). */
export type CsvNote =
  | { kind: "encoding"; encoding: Encoding }
  | { kind: "danish_thousands"; line: number; text: string; because: "semicolons" | "tabs" | "header" }
  | { kind: "left_out"; line: number; text: string; why: LeftOutReason }
  | { kind: "population"; file: string; period: string; date: string; ages: { from?: number; to?: number } };
/** A note and the document's field that read it ("key.csv", "key.population"). */
export interface ReadNote {
  at: string;
  note: CsvNote;
}

export interface CsvWeights {
  key: Array<{ id: string; name?: string; weight: DecimalString; basis: Basis }>;
  separator: string;
  /** The decimal separator the weights were read with. */
  decimal: string;
  /** Rows left out on purpose: [line, the row's start, why]. */
  skipped: Array<[number, string, LeftOutReason]>;
  /** The encoding of the bytes read (null when text was given). */
  encoding: Encoding | null;
  /** The encoding when not UTF-8, a decimal separator decided by the Danish rule. */
  notes: CsvNote[];
  /** The rows left out, said in Danish and English (absent when none were). */
  leftOut?: { da: string; en: string };
  /** Everything reading said (the encoding, the decimal mark and why, the rows left out), one
   * sentence each, in Danish and English from core's catalogue (empty arrays when nothing). */
  said: { da: string[]; en: string[] };
}

/** Whole units per party, in input order. */
export function apportion(weights: WeightsInput, seats: number, method?: Method | null, options?: ApportionOptions | null): number[];
/** Money parts per party, in input order, as decimal strings adding up to `amount` exactly. */
export function split(amount: NumberInput, weights: WeightsInput, options?: SplitOptions | null): DecimalString[];
/** A key document (object or JSON text) computed. */
export function compute(document: KeyDocument | string): DocumentResult;
/** The municipalities of a region (all without one), population on 1 January of `year` (latest without one). */
export function municipalities(region?: string | null, year?: number | null): MunicipalityRow[];
/** This release of andel ("0.1.0"): the npm package's version, `andel --version` and Python's `andel.__version__`. */
export function version(): string;
/** The population years shipped. */
export function years(): number[];
/** A number as people write it ("4.275.000,00"), as a decimal string; `danish` (default true) reads "4.275" as 4275. */
export function parseNumber(text: string, danish?: boolean | null): DecimalString;
/** A number for people: "1.658.397,22" (danish, the default) or "1658397.22" (plain). */
export function formatNumber(value: NumberInput, places: number, style?: "danish" | "plain" | null): string;
/** Weights from CSV text (comma, semicolon or tab; decimal comma; Statbank exports). */
export function readCsv(text: string | Uint8Array, columns?: CsvColumns | null): CsvWeights;
/** The text of a file's bytes, decoded as the core decodes files (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252). */
export function textFromBytes(bytes: Uint8Array): string;
/** What `readPopulation` read from a Statbank population file. */
export interface FilePopulation {
  /** The period read ("2026K1"). */
  period: string;
  /** The date of its figures ("2026-01-01"). */
  date: string;
  /** The ages counted (`{}`: all ages). */
  ages: { from?: number; to?: number };
  /** The encoding the bytes were in. */
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";
  /** The region's municipalities (every one the file has without a region), in code order. */
  municipalities: { code: string; name: string; population: number }[];
}
/** Population from the user's own Statbank file (FOLK1A, FOLK1AM, BY2: the API's CSV or the
 * web's matrix export) as `andel --population FILE` reads it: `year` picks that year's first
 * period (the file's only one without it), `ages` sums the age groups, `region` names the
 * municipalities wanted. Errors: `missing_municipality`, `period_not_in_file`,
 * `ages_not_in_file`, `csv` (not a population table). */
export function readPopulation(bytes: Uint8Array, options?: { year?: number | null; ages?: { from?: number | null; to?: number | null } | null; region?: string | null } | null): FilePopulation;
/** A key document computed as CSV. "danish_excel" (the default: semicolons, decimal comma,
 * BOM) writes the tables as `present` shows them, in `language` ("da" unless given), title,
 * note and assumptions first as `#` lines: what `andel compute --format csv` writes. "plain"
 * keeps stable machine columns (scenario, part, id, name, weight, share, quota, amount, units,
 * rounding, remainder_rank, tied) under `#` lines in English (assumptions, file notes, what
 * made it) and takes no language: the same bytes as the command line and Python's
 * `Result.to_csv`. Every `#` line starts with `#`, so a CSV reader's comment character skips it. */
export function computeCsv(document: KeyDocument | string, dialect?: "danish_excel" | "plain" | null, language?: Language | null): string;
/** A key document computed and presented: everything people read of the result (title, note,
 * assumptions; per scenario every table with named columns, rows, the total, ties and each
 * party's explanation) in `language` with Danish or plain numbers. A front end renders it and
 * writes no sentence or column head of its own. */
export function present(document: KeyDocument | string, options?: PresentOptions | null): View;

/** The meeting as a whole: the documents computed and summed per municipality over every one
 * with a `summary` (kroner by case with totals, places by case and programme), as the command
 * line's report ends; null when no document counts. */
export function meeting(documents: (KeyDocument | string)[], options?: PresentOptions | null): MeetingView | null;

/** The meeting as a whole for people. */
export interface MeetingView {
  language: Language;
  /** "Mødet som helhed, pr. kommune" */
  title: string;
  /** What counts and what is never added. */
  note: string;
  /** Kroner, then places. */
  sections: Section[];
}

export type Language = "da" | "en";

export interface PresentOptions {
  /** "da" (the default) or "en". */
  language?: Language | null;
  /** "danish" (1.658.397,22, the default) or "plain" (1658397.22). */
  numbers?: "danish" | "plain" | null;
}

/** What people see of a result. */
export interface View {
  language: Language;
  title?: string;
  note?: string;
  /** "Forudsætninger:" / "Assumptions:" */
  assumptions_heading: string;
  assumptions: string[];
  scenarios: ScenarioView[];
}

export interface ScenarioView {
  name: string;
  /** `Scenarie »lav«` */
  heading: string;
  /** Every table, in reading order: the main split (between groups or parts), each group's
   * or part's own, the years, the table, the comparison, the attainment. */
  sections: Section[];
}

export interface Section {
  /** "Mellem delene:", "Inden for KKR Nordjylland (610 pladser):", … */
  heading?: string;
  /** "4.275.000,00 kr. fordelt i øre efter største brøk (Hamilton)" */
  summary?: string;
  table: ViewTable;
  /** Ties, as sentences. */
  notes?: string[];
}

export interface ViewTable {
  columns: ViewColumn[];
  rows: ViewRow[];
  total?: ViewRow;
}

export interface ViewColumn {
  /** A stable name: id, name, weight, key_weight, share, quota, amount, rounding, this_key,
   * other_key, change, dimensioned, actual, difference, percent, total, or a year's or
   * column's id. */
  key: string;
  /** The head in the view's language ("kr., i øre", "pladser"). */
  head: string;
  /** Numbers: align right. */
  numeric: boolean;
}

export interface ViewRow {
  /** The party's id ("" for the total row). */
  id: string;
  cells: ViewCell[];
  /** Why the party got what it got, a sentence in the view's language. */
  explanation?: string;
}

export interface ViewCell {
  /** As shown. */
  text: string;
  /** A number's exact plain value at the places shown ("1658397.22"). */
  value?: DecimalString;
}
/** A tie in a table: cells (row, column) that another, equally justified rounding would change; `winners` got the contested units (decided by table order). */
export interface TableTie { cells: [number, number][]; winners: [number, number][]; decided_by: "order"; }
/** Options of biproportional(). */
export interface BiproportionalOptions {
  /** Each row's total; without it the rows' totals are apportioned from the rows' summed weights by `method`. */
  rowTotals?: number[] | null;
  /** "sainte_lague" (default), "dhondt" or "modified_sainte_lague". */
  method?: "sainte_lague" | "dhondt" | "modified_sainte_lague" | string | null;
  /** modified_sainte_lague only (1.4 by default). */
  firstDivisor?: NumberInput | null;
  /** "order" (default: earlier cells first, reported on `ties`) or "error". */
  ties?: "order" | "error" | null;
}
/** Whole units in a table whose rows and columns both meet their totals (biproportional apportionment, the "doppelter Pukelsheim"): row by row; ties met are on the array's `ties`. */
export function biproportional(weights: NumberInput[][], columnTotals: number[], options?: BiproportionalOptions | null): number[][] & { ties: TableTie[] };
/** Money split two ways at once: rows by rowWeights, columns by columnWeights, both adding up exactly; row by row, decimal strings. */
export function splitTable(amount: NumberInput, rowWeights: NumberInput[], columnWeights: NumberInput[], options?: SplitOptions | null): DecimalString[][];
