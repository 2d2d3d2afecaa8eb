/** A decimal number written as a string ("1658397.22"): exact, never a float. */
export type DecimalString = string;
/** A number given by the caller: a JS number is read as the decimal its shortest form shows (0.072 is 0.072). */
export type NumberInput = number | DecimalString;

export type Method =
  | "hamilton" | "largest_remainder" | "hare"
  | "dhondt" | "jefferson"
  | "sainte_lague" | "webster"
  | "modified_sainte_lague" | "huntington_hill" | "adams" | "dean";

/** "order" (earlier wins, the default), "error", or a priority order of indexes or ids. */
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
 * field "arguments[n]"), never dropped as JS would. */
export interface AndelError extends Error {
  name: "AndelError";
  /** "negative_weight", "invalid_number", "unknown_municipality", "tie", "document", … */
  code: string;
  /** The field path ("weights[3]", "key.fixed[0].share"), or null. */
  field: string | null;
  /** The error's data: suggestions for an unknown municipality, the tied parties, … */
  details: { code: string; [key: string]: unknown } | null;
}

export type RegionName = "Hovedstaden" | "Sjælland" | "Syddanmark" | "Midtjylland" | "Nordjylland";

export interface MunicipalityRow {
  code: string;
  name: string;
  region: RegionName;
  population: number;
}

// ---- The key document (see the README, "The key document") ----

export type LimitSpec = number | number[] | Record<string, number>;
export type TieRule = "order" | "error" | { priority: Array<string | number> };

export interface PlacesOptions {
  method?: Method;
  minimum?: LimitSpec | null;
  maximum?: LimitSpec | null;
  first_divisor?: NumberInput | null;
  ties?: TieRule;
}

export interface KeySpec {
  population?: { region?: string; year: number; municipalities?: string[] };
  regions?: { year: number };
  sosu_2018?: { programmes: string[] };
  weights?: Array<{ id: string; name?: string; weight: NumberInput }>;
  csv?: { text?: string; path?: string; columns?: CsvColumns };
  blend?: Array<{ weight: NumberInput; key: KeySpec }>;
  exclude?: string[];
  fixed?: Array<{ id: string; name?: string; share: NumberInput }>;
}

export interface KeyDocument {
  version: 1;
  title?: string;
  note?: string;
  /** What the document assumes; every output shows them. */
  assumptions?: string[];
  key?: KeySpec;
  nest?: {
    groups: KeySpec;
    members: Record<string, KeySpec>;
    rounding?: "per_level" | "flat";
    member_places?: PlacesOptions;
  };
  parts?: Array<{ id: string; name?: string; share: NumberInput; key?: KeySpec }>;
  scenarios: Array<{ name: string; total: NumberInput; part?: string }>;
  rounding?: { unit?: NumberInput; places?: PlacesOptions; ties?: TieRule };
  years?: Array<{ year: number; fraction: NumberInput }>;
  compare?: { label?: string; key: KeySpec };
  actual?: Record<string, NumberInput>;
}

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
}

export interface DocumentResult {
  version: 1;
  title?: string;
  note?: string;
  assumptions?: string[];
  scenarios: ScenarioResult[];
}

export interface CsvColumns {
  id?: string;
  name?: string;
  weight?: string;
  /** Whether the first row is a header (found when not given). */
  header?: boolean;
  /** The decimal separator of the weights, "," or "." (found from all cells when not given). */
  decimal?: "," | ".";
}

export interface CsvWeights {
  key: Array<{ id: string; name?: string; weight: DecimalString; basis: Basis }>;
  separator: string;
  /** The decimal separator the weights were read with. */
  decimal: string;
  /** Rows left out on purpose: [line, text, why]. */
  skipped: Array<[number, string, string]>;
}

/** Whole units per party, in input order. */
export function apportion(weights: NumberInput[], seats: number, method?: Method | null, options?: ApportionOptions | null): number[];
/** Money parts per party, in input order, as decimal strings adding up to `amount` exactly. */
export function split(amount: NumberInput, weights: NumberInput[], options?: SplitOptions | null): DecimalString[];
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
export function readCsv(text: string, columns?: CsvColumns | null): CsvWeights;
/** A key document computed, every allocation of the result as one CSV (columns scenario, part, id, name, …): "danish_excel" (default: semicolons, decimal comma, BOM) or "plain". */
export function computeCsv(document: KeyDocument | string, dialect?: "danish_excel" | "plain" | null): string;
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
