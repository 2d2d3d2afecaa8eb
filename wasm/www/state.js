// The form's state and the key document it makes: what the user chose (kept
// in the link), read into a document for the core. No page here (no DOM):
// the build runs it too, to draw the opening case before the module has
// arrived (build-site.mjs, first.js). Every number is read by the core.
import * as andel from "./pkg/andel_first.js";
import { whole, NeedsMore } from "./more.js";

export const REGIONS = ["Nordjylland", "Midtjylland", "Syddanmark", "Hovedstaden", "Sjælland"];
/** The rounding units and decimal marks the form offers (index.html's lists). */
export const UNITS = ["0.01", "1", "1000"];
export const DECIMALS = ["", ",", "."];
/** The methods for places, by the names the form shows (index.html's list). */
export const METHOD_NAMES = {
  hamilton: "største brøks metode (Hamilton)", dhondt: "d'Hondts metode", sainte_lague: "Sainte-Laguës metode",
  modified_sainte_lague: "modificeret Sainte-Laguë", huntington_hill: "Huntington-Hill", adams: "Adams' metode", dean: "Deans metode",
};
/** The case picker's entry for the meeting as a whole (every case with a summary). */
export const MEETING = "mødet";

// Case 2.8 of the KKR Nordjylland minutes (18 November 2022), low and high
// scenario: the municipalities' 4.275.000 / 5.590.000 kr. split by
// population 1 January 2022 between the nine municipalities other than
// Læsø and Morsø; the region pays 25 % of the whole.
export const DEFAULT_STATE = {
  case: "",
  what: "money",
  unit: "0.01",
  method: "hamilton",
  minimum: "",
  maximum: "",
  scenarios: [{ name: "lav", total: "4.275.000" }, { name: "høj", total: "5.590.000" }],
  region: "Nordjylland",
  year: 2022,
  source: "population",
  // The user's own Statbank file (its name: the link carries the name, never the figures) and the
  // ages counted from it.
  populationFile: "",
  ages: { from: "", to: "" },
  excluded: ["825", "773"],
  csv: "",
  decimal: "",
  fixed: [],
  costSplit: { on: true, municipal: "75", region: "25", amountIs: "kommunerne" },
};

export const isDefaultState = (s) => JSON.stringify(s) === JSON.stringify(DEFAULT_STATE);

/** The state a shared link (the part after #) holds, and whether any of it had to be left
 * out. A link carries inputs only (never results, populations or a whole document); each
 * field is taken only in the shape the form writes it (a link may be cut short or edited by
 * hand), the rest keeps its default. */
export function stateFromLink(hash, cases) {
  if (!hash) return { state: structuredClone(DEFAULT_STATE), unread: false };
  let s;
  try {
    s = JSON.parse(decodeURIComponent(hash));
  } catch {
    return { state: structuredClone(DEFAULT_STATE), unread: true };
  }
  const out = structuredClone(DEFAULT_STATE);
  if (!s || typeof s !== "object" || Array.isArray(s)) return { state: out, unread: true };
  // Links from the first version wrote "document": null; a document itself is never taken from a link.
  let unread = Object.keys(s).some((k) => !(k in DEFAULT_STATE) && !(k === "document" && s[k] === null));
  const text = (v) => typeof v === "string" && v.length <= 100000;
  const short = (v) => typeof v === "string" && v.length <= 200;
  const take = (key, ok, value = s[key]) => {
    if (!(key in s)) return;
    if (ok(s[key])) out[key] = value;
    else unread = true;
  };
  take("case", (v) => v === "" || v === MEETING || (typeof v === "string" && cases.some((c) => c.id === v)));
  take("what", (v) => ["money", "places"].includes(v));
  take("unit", (v) => UNITS.includes(v));
  take("method", (v) => v in METHOD_NAMES);
  take("region", (v) => ["", ...REGIONS].includes(v));
  // A year of the user's own population file (not embedded) only with that file's name.
  take("year", (v) => andel.years().includes(v) ||
    (Number.isInteger(v) && v >= 1900 && v <= 2200 && short(s.populationFile) && s.populationFile !== ""));
  take("populationFile", short);
  take("ages", (v) => v && short(v.from) && short(v.to), s.ages && { from: s.ages.from, to: s.ages.to });
  take("source", (v) => ["population", "csv"].includes(v));
  take("minimum", short);
  take("maximum", short);
  take("csv", text);
  take("decimal", (v) => DECIMALS.includes(v));
  const codes = new Set(andel.municipalities(null, null).map((m) => m.code));
  take("excluded", (v) => Array.isArray(v) && v.length <= 200 && v.every((c) => typeof c === "string" && codes.has(c)));
  take("scenarios", (v) => Array.isArray(v) && v.length > 0 && v.length <= 20 && v.every((x) => x && short(x.name) && short(x.total)),
    Array.isArray(s.scenarios) && s.scenarios.map((x) => ({ name: x?.name, total: x?.total })));
  take("fixed", (v) => Array.isArray(v) && v.length <= 20 && v.every((x) => x && short(x.name) && short(x.share)),
    Array.isArray(s.fixed) && s.fixed.map((x) => ({ name: x?.name, share: x?.share })));
  take("costSplit", (v) => v && typeof v.on === "boolean" && short(v.municipal) && short(v.region) &&
    ["kommunerne", "whole"].includes(v.amountIs),
    s.costSplit && { on: s.costSplit.on, municipal: s.costSplit.municipal, region: s.costSplit.region, amountIs: s.costSplit.amountIs });
  return { state: out, unread };
}

/** The link's part after #: a case by its name, or the form's inputs. */
export function linkOf(s) {
  const link = s.case ? { case: s.case } : { ...s, case: undefined };
  return encodeURIComponent(JSON.stringify(link));
}

// ---- Numbers: the core reads them ------------------------------------------

export class FieldError extends Error {
  constructor(target, message, also = []) {
    super(message);
    this.target = target;
    this.also = also;
  }
}

/** What a person typed (4.275.000,00, 4275000, 7,2 %), without its unit. */
export const bare = (text) => text.trim().replace(/\s*(kr\.?|%)$/i, "").replace(/^\u2212/, "-");

/** A decimal string the Danish way, with `places` decimals (as many as it has without): the core writes it. */
export const num = (d, places) => andel.formatNumber(String(d), places ?? (String(d).split(".")[1] || "").length);

/** A number typed by a person, as the core reads it: a decimal string. */
export function readNumber(text, target, message) {
  try {
    return andel.parseNumber(bare(text));
  } catch {
    throw new FieldError(target, message);
  }
}

/** A whole number of places (minimum, maximum). */
function readWhole(text, target, what) {
  const v = readNumber(text, target, `${what} skal være et helt antal pladser, fx 2`);
  if (!/^\d+$/.test(v)) throw new FieldError(target, `${what} skal være et helt antal pladser, fx 2 (ikke ${text.trim()})`);
  return Number(v);
}

/** A decimal string with its point moved `places` digits (negative: left): 7.2 % is 0.072.
 * Digits moved, never computed. */
export function shift(decimal, places) {
  const neg = decimal.startsWith("-");
  let [int, frac = ""] = (neg ? decimal.slice(1) : decimal).split(".");
  if (places > 0) {
    frac = frac.padEnd(places, "0");
    int += frac.slice(0, places);
    frac = frac.slice(places);
  } else if (places < 0) {
    int = int.padStart(-places + 1, "0");
    frac = int.slice(int.length + places) + frac;
    int = int.slice(0, int.length + places);
  }
  int = int.replace(/^0+(?=\d)/, "");
  return (neg ? "-" : "") + int + (frac ? "." + frac : "");
}

// ---- The key document ---------------------------------------------------------

/** The pasted CSV as the core reads it (the whole module's readCsv), or null where it cannot be read (the error shows at the field). */
export function readPastedCsv(s) {
  if (!s.csv.trim()) return null;
  try {
    return whole().readCsv(s.csv, s.decimal ? { decimal: s.decimal } : undefined);
  } catch (e) {
    if (e instanceof NeedsMore) throw e; // app.js loads the whole module and reads it again
    return null;
  }
}

/** The ages asked for from a population file ({from, to} as whole years, either left out), or
 * undefined for all ages. */
export function agesOf(s) {
  const end = (text, id, what) => {
    if (!text.trim()) return undefined;
    const v = readNumber(text, id, `${what} skal være et helt antal år, fx 65`);
    if (!/^\d+$/.test(v)) throw new FieldError(id, `${what} skal være et helt antal år, fx 65 (ikke ${text.trim()})`);
    return Number(v);
  };
  const from = end(s.ages.from, "ages-from", "Alder fra");
  const to = end(s.ages.to, "ages-to", "Alder til");
  return from === undefined && to === undefined ? undefined : { from, to };
}

/** An age range in Danish: "65 år og derover", "0-64 år", "alle aldre". */
export function agesText(ages) {
  const from = ages?.from, to = ages?.to;
  if (from == null && to == null) return "alle aldre";
  if (to == null) return `${from} år og derover`;
  return `${from ?? 0}-${to} år`;
}

/** A date written the Danish way: 2026-01-01 is 1. januar 2026 (the core's ISO date). */
export function danishDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return iso;
  const months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
  return `${Number(m[3])}. ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** The form's inputs (not a case: app.js takes a case's document as it is) as a key document;
 * `filePopulation` is what the whole module's readPopulation read from the user's own population
 * file (state.populationFile), when one is chosen, with the file's `text` and the ages `asked`. */
export function buildDocument(s, filePopulation) {
  const places = s.what === "places";
  const fromFile = s.source !== "csv" && !!s.populationFile;
  if (fromFile && !filePopulation) {
    throw new FieldError("population-file", `Vælg befolkningsfilen ${"»" + s.populationFile + "«"} igen: et link har kun filens navn med, ikke tallene.`);
  }
  // The file itself as the key's population (its text: the form holds it, a link never does), read
  // by the core for the year, ages and region, so the key counts inhabitants of those ages.
  const key = s.source === "csv"
    ? { csv: { text: s.csv, ...(s.decimal ? { columns: { decimal: s.decimal } } : {}) } }
    : fromFile
      ? { population: { region: s.region || undefined, year: Number(s.year), text: filePopulation.text, ...(filePopulation.asked ? { ages: filePopulation.asked } : {}) } }
      : { population: { region: s.region || undefined, year: Number(s.year) } };
  if (s.source !== "csv" && s.excluded.length) key.exclude = [...s.excluded];
  if (s.fixed.length) {
    key.fixed = s.fixed.map((f, i) => ({
      id: `fast-${i + 1}`,
      name: f.name || `Fast andel ${i + 1}`,
      share: shift(readNumber(f.share, `fixed-share-${i}`, "Andelen skal være et tal i procent, fx 7,2"), -2),
    }));
  }
  const scenarios = s.scenarios.map((sc, i) => {
    const total = readNumber(sc.total, `scenario-total-${i}`,
      places ? "Antallet af pladser skal være et helt tal, fx 620" : "Beløbet skal være et tal i kroner, fx 4.275.000 eller 4.275.000,00");
    return { name: sc.name || `scenarie ${i + 1}`, total };
  });
  const doc = { version: 1, title: "", scenarios };
  if (places) {
    const opts = { method: s.method };
    if (s.minimum.trim()) opts.minimum = readWhole(s.minimum, "minimum", "Mindst pr. kommune");
    if (s.maximum.trim()) opts.maximum = readWhole(s.maximum, "maximum", "Højst pr. kommune");
    doc.rounding = { places: opts };
  } else {
    doc.rounding = { unit: s.unit };
  }
  if (!places && s.costSplit.on) {
    const share = (id, text) => shift(readNumber(text, id, "Andelen skal være et tal i procent, fx 75"), -2);
    doc.parts = [
      { id: "kommunerne", name: "Kommunerne", share: share("municipal-share", s.costSplit.municipal), key },
      { id: "region", name: s.region ? `Region ${s.region}` : "Regionerne", share: share("region-share", s.costSplit.region) },
    ];
    if (s.costSplit.amountIs === "kommunerne") scenarios.forEach((sc) => (sc.part = "kommunerne"));
  } else {
    doc.key = key;
  }
  const popText = fromFile
    ? `indbyggertal ${danishDate(filePopulation.date)} (${filePopulation.period}, ${agesText(filePopulation.ages)}) fra ${"»" + s.populationFile + "«"}`
    : `indbyggertal 1. januar ${s.year}`;
  doc.title = `Fordeling efter ${s.source === "csv" ? "egne vægte" : popText}` +
    (s.source === "csv" ? "" : ` – ${s.region ? "Region " + s.region : "hele landet"}`);
  const names = s.source === "csv" ? [] : (fromFile ? filePopulation.municipalities : andel.municipalities(s.region || null, Number(s.year)))
    .filter((m) => s.excluded.includes(m.code)).map((m) => m.name);
  doc.assumptions = assumptionsOf(s, places, names, fromFile ? filePopulation : null);
  return doc;
}

/** What the user chose, in plain Danish: the document's assumptions (the core adds what a CSV left out). */
function assumptionsOf(s, places, excludedNames, filePopulation) {
  const items = [];
  if (s.source === "csv") items.push("Vægtene er dine egne (CSV), ikke indbyggertal.");
  else if (filePopulation) {
    items.push(`Fordelt efter indbyggertal pr. ${danishDate(filePopulation.date)} (periode ${filePopulation.period}, ${agesText(filePopulation.ages)}) ` +
      `fra din egen fil ${"»" + s.populationFile + "«"} (Statistikbanken), ${s.region ? "Region " + s.region : "hele landet"}. ` +
      "Filen er ikke med i et delt link.");
  } else items.push(`Fordelt efter indbyggertal pr. 1. januar ${s.year} (Danmarks Statistik), ${s.region ? "Region " + s.region : "hele landet"}.`);
  if (excludedNames.length) items.push(`Ikke med: ${excludedNames.join(", ")}.`);
  s.fixed.forEach((f) => items.push(`${f.name || "En part"} har en fast andel på ${f.share} %; resten fordeles efter vægt.`));
  if (!places && s.costSplit.on) {
    items.push(`Udgiftsfordeling: kommunerne ${s.costSplit.municipal} %, regionen ${s.costSplit.region} %; ` +
      (s.costSplit.amountIs === "kommunerne" ? "beløbet er kommunernes del, og regionens del er regnet ud fra den (afrundet til enheden)." : "beløbet er den samlede udgift."));
  }
  if (places) {
    items.push(`Hele pladser efter ${METHOD_NAMES[s.method] || s.method}${s.minimum ? `, mindst ${s.minimum}` : ""}${s.maximum ? `, højst ${s.maximum}` : ""} pr. part.`);
  } else {
    items.push(`Afrundet til ${s.unit === "0.01" ? "øre" : s.unit === "1" ? "hele kroner" : "1.000 kr."} efter største brøks metode; delene giver præcis det hele.`);
  }
  items.push("Står to parter helt lige om den sidste enhed, afgøres det efter rækkefølgen i listen, og det står under tabellen og under »Hvorfor?«.");
  return items;
}
