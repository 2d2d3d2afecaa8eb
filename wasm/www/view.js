// The result on the page, from the result JSON that the core's `compute`
// returns: every table of every scenario (the parts, the municipalities
// under a group, the years, a table by column, the comparison, dimensioned
// against actual), the chart and "Hvorfor?". All rendering is here, so the
// page can switch to the core's own view when it has one.
//
// Nothing from data becomes HTML: every element is made with h(), every
// text is a text node, and h() refuses attributes that could run or load
// anything (event handlers, style, href, src).
import * as andel from "./pkg/andel_wasm.js";

const UNSAFE_ATTRIBUTE = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink:href$)/i;

/** An element: h("td", { class: "num" }, "1.234", child, [more]). Strings become text. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (UNSAFE_ATTRIBUTE.test(key)) throw new Error(`h(): attribute ${key} is not allowed`);
    if (key === "class") el.className = value;
    else if (key === "data") Object.assign(el.dataset, value);
    else if (key === "text") el.textContent = value;
    else if (key === "value" || key === "checked" || key === "hidden" || key === "disabled" || key === "selected") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Replaces an element's children (text or elements, never HTML). */
export const fill = (el, ...children) => el.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));

// ---- Numbers: the core formats them ---------------------------------------

/** Digits after the decimal point of a decimal string. */
export const scaleOf = (d) => { const s = String(d); const i = s.indexOf("."); return i < 0 ? 0 : s.length - i - 1; };
/** A decimal string the Danish way, with as many decimals as it has (as the command line shows it). */
export const num = (d, places = scaleOf(d)) => andel.formatNumber(String(d), places);

/** Moves the decimal point of an exact decimal string by `places` (negative: left). */
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

/** The exact sum of decimal strings (for showing a denominator; the core did the sums that count). */
export function sum(decimals) {
  const scale = Math.max(0, ...decimals.map(scaleOf));
  let total = 0n;
  for (const d of decimals) total += BigInt(shift(String(d), scale).split(".")[0]);
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, "0");
  const out = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, "") : digits;
  return (neg && out !== "0" ? "-" : "") + out;
}

export const percent = (share, places = 4) => num(shift(String(share), 2), places);
const nameOf = (p) => p.name || p.id;
const isPlaces = (doc) => !!(doc.rounding && doc.rounding.places);

// ---- Tables ---------------------------------------------------------------

const th = (text, props = {}) => h("th", { scope: "col", ...props }, text);
const numCell = (text, cls = "") => h("td", { class: `num ${cls}`.trim() }, text);

/** A table with a caption, a head row, body rows and an optional foot row. */
function table(caption, head, rows, foot, props = {}, captionClass = "sr-only") {
  return h("div", { class: "table-wrap" },
    h("table", { class: "result", ...props },
      h("caption", { class: captionClass }, caption), // a heading above says it on screen
      h("thead", {}, h("tr", {}, head)),
      h("tbody", {}, rows),
      foot ? h("tfoot", {}, foot) : null));
}

/** One allocation as a table: name, weight, share, amount. */
function allocationTable(caption, alloc, ctx, captionClass) {
  const rows = alloc.parties.map((p) => {
    const excluded = p.basis.kind === "excluded";
    return h("tr", { class: excluded ? "excluded" : null },
      h("th", { scope: "row" }, nameOf(p)),
      numCell(p.basis.kind === "fixed" ? "" : num(excluded && p.basis.weight ? p.basis.weight : p.weight), "col-weight"),
      numCell(excluded ? "ikke med" : percent(p.share), "col-share"),
      numCell(num(p.amount)));
  });
  const foot = h("tr", {}, h("th", { scope: "row" }, "I alt"),
    numCell(alloc.parties.some((p) => p.basis.kind === "fixed") ? "" : num(sum(alloc.parties.filter((p) => p.basis.kind !== "excluded").map((p) => p.weight))), "col-weight"),
    numCell("100,0000", "col-share"), numCell(num(alloc.total)));
  return table(caption, [th("Part"), th("Vægt", { class: "col-weight" }), th("Andel (%)", { class: "col-share" }), th(ctx.places ? "Pladser" : "Beløb (kr.)")], rows, foot, {}, captionClass);
}

/** Parties × columns with each row's and column's total (years, a table by column). */
function gridTable(caption, columns, rows, totals, all) {
  return table(caption, [th("Part"), ...columns.map((c) => th(c)), th("I alt")],
    rows.map((r) => h("tr", {}, h("th", { scope: "row" }, r.name), r.cells.map((c) => numCell(num(c))), numCell(num(r.total)))),
    h("tr", {}, h("th", { scope: "row" }, "I alt"), totals.map((t) => numCell(num(t))), numCell(num(all))), {}, "");
}

/** The rows of the main table: one per party, each with its allocation per scenario. */
export function tableModel(result) {
  const primary = (sc) => (sc.parts ? sc.parts.details.find((d) => d) || sc.allocation : sc.allocation);
  const allocations = result.scenarios.map(primary);
  const ids = (a) => a.parties.map((p) => p.id).join("\u0000");
  const sameParties = allocations.every((a) => ids(a) === ids(allocations[0]));
  const first = result.scenarios[0];
  const extra = first.parts ? first.parts.parts.parties.filter((p, i) => !first.parts.details[i]) : [];
  const rows = allocations[0].parties.map((p, i) => ({ party: p, per: allocations.map((a) => a.parties[i]) }));
  const extraRows = extra.map((p) => ({
    party: p,
    per: result.scenarios.map((sc) => sc.parts.parts.parties.find((q) => q.id === p.id)),
    fixedPart: true,
  }));
  const totals = result.scenarios.map((sc) => (sc.parts ? sc.parts.parts.total : sc.allocation.total));
  return { rows, extraRows, allocations, totals, sameParties };
}

/**
 * The whole result into `body`. ctx: {
 *   weightHead: ["Indbyggertal", "1. jan. 2022"] or ["Vægt"],
 *   weightOf(party) -> text shown in the weight column (a population, a weight, or ""),
 *   partyHead: "Kommune" or "Part",
 *   assumptions: [text],
 * }
 */
export function renderResult(body, doc, result, ctx) {
  const places = isPlaces(doc);
  const c = { ...ctx, places };
  const model = tableModel(result);
  const out = [];
  if (model.sameParties) {
    out.push(mainTable(doc, result, model, c));
  } else {
    result.scenarios.forEach((sc) => out.push(allocationTable(`${sc.name}`, sc.allocation, c, "")));
  }
  const box = h("div", { id: "explanation", class: "explanation", hidden: true, tabindex: "-1", "aria-live": "polite" });
  out.push(box);
  c.explanationBox = box;
  out.push(...details(result, c));
  const keyPart = model.extraRows.length && result.scenarios[0].parts.parts.parties.find((p, i) => result.scenarios[0].parts.details[i]);
  out.push(h("h3", {}, keyPart ? `Andele af ${nameOf(keyPart).toLowerCase()}s del` : "Andele"), chart(model.rows));
  out.push(h("h3", {}, "Forudsætninger"), h("ul", { id: "assumptions" }, (ctx.assumptions || []).map((a) => h("li", {}, a))));
  fill(body, out);
  // "Hvorfor?" buttons (wired here: the rows are this module's).
  body.querySelectorAll("button.hvorfor").forEach((b) => b.addEventListener("click", () => {
    body.querySelectorAll("button.hvorfor[aria-expanded=true]").forEach((o) => o.setAttribute("aria-expanded", "false"));
    b.setAttribute("aria-expanded", "true");
    const all = [...model.rows, ...model.extraRows];
    explain(box, all[Number(b.dataset.row)], result, c, b);
  }));
}

function mainTable(doc, result, model, c) {
  const unitWord = c.places ? "pladser" : "kr.";
  const many = result.scenarios.length > 1;
  const amountHeads = result.scenarios.map((sc) => th(many ? [sc.name, h("span", { class: "hint" }, ` ${unitWord}`)] : unitWord === "kr." ? "Beløb (kr.)" : "Pladser", { class: "amount" }));
  const head = [th(c.partyHead || "Part"), th(c.weightHead.length > 1 ? [c.weightHead[0], h("br"), h("span", { class: "hint" }, c.weightHead[1])] : c.weightHead[0], { class: "col-weight" }),
    th("Andel (%)", { class: "col-share" }), ...amountHeads, th(h("span", { class: "sr-only" }, "Forklaring"), { class: "why" })];
  const all = [...model.rows, ...model.extraRows];
  const rows = all.map((row, i) => {
    const p = row.party;
    const excluded = p.basis.kind === "excluded";
    const shareText = excluded ? "ikke med" : row.fixedPart ? `${percent(p.share, 2)} af det hele` : p.basis.kind === "fixed" ? `${percent(p.share)} (fast)` : percent(p.share);
    return h("tr", { class: excluded ? "excluded" : null },
      h("th", { scope: "row" }, nameOf(p)),
      numCell(row.fixedPart || p.basis.kind === "fixed" ? "" : c.weightOf(p), "col-weight"),
      numCell(shareText, "col-share"),
      row.per.map((q) => numCell(num(q.amount))),
      h("td", { class: "why" }, h("button", { type: "button", class: "hvorfor", data: { row: String(i) }, "aria-expanded": "false", "aria-label": `Hvorfor? ${nameOf(p)}` },
        h("span", { class: "why-long" }, "Hvorfor?"), h("span", { class: "why-short" }, "?"))));
  });
  const foot = [];
  if (model.extraRows.length) {
    // The key's own part (the municipalities' amount in a cost split) after its rows, then the other parts.
    const part = result.scenarios[0].parts.parts.parties.find((p, i) => result.scenarios[0].parts.details[i]);
    rows.splice(model.rows.length, 0, h("tr", { class: "subtotal" }, h("th", { scope: "row" }, `I alt ${part ? nameOf(part).toLowerCase() : ""}`.trim()), numCell("", "col-weight"),
      numCell("100,0000", "col-share"), model.allocations.map((a) => numCell(num(a.total))), h("td", { class: "why" })));
  }
  foot.push(h("tr", {}, h("th", { scope: "row" }, "I alt"), numCell("", "col-weight"),
    numCell(model.extraRows.length ? "" : "100,0000", "col-share"), model.totals.map((t) => numCell(num(t))), h("td", { class: "why" })));
  return table(result.title || "Fordeling", head, rows, foot, { id: "result-table" }); // the case is named above the result
}

/** Every other part of each scenario, as the command line shows it. */
function details(result, c) {
  const out = [];
  const many = result.scenarios.length > 1;
  const unitWord = c.places ? "pladser" : "kr.";
  for (const sc of result.scenarios) {
    const of = many ? ` – ${sc.name}` : "";
    const section = [];
    if (sc.parts) {
      section.push(h("h3", {}, `Mellem parterne${of}`), allocationTable(`Mellem parterne${of}`, sc.parts.parts, c));
    }
    if (sc.nested) {
      const groups = sc.nested.groups || sc.allocation;
      for (const g of sc.nested.per_group) {
        if (!g.members) continue;
        const group = groups.parties.find((p) => p.id === g.id);
        const title = `Inden for ${group ? nameOf(group) : g.id} (${num(String(g.units))} ${unitWord})${of}`;
        section.push(h("h3", {}, title), allocationTable(title, g.members, c));
      }
    }
    if (sc.years) {
      const y = sc.years;
      const yearName = (p) => `År ${p.id}`;
      section.push(h("h3", {}, `Fordelt på år${of}`),
        allocationTable(`Årene${of}`, { ...y.years, parties: y.years.parties.map((p) => ({ ...p, name: yearName(p) })) }, c),
        gridTable(`Pr. part og år${of} (hver parts år giver dens beløb, hvert års parter årets beløb)`,
          y.years.parties.map(yearName),
          sc.allocation.parties.map((p, i) => ({ name: nameOf(p), cells: y.per_year.map((a) => a.parties[i].amount), total: p.amount })),
          y.years.parties.map((p) => p.amount), sc.total ?? sc.allocation.total));
    }
    if (sc.table) {
      const t = sc.table;
      section.push(h("h3", {}, `Fordelt på ${t.columns.map(nameOf).join(" og ")}${of}`),
        gridTable(`Pr. part og kolonne${of} (rækker og kolonner summer begge)`, t.columns.map(nameOf),
          t.rows.map((r) => ({ name: nameOf(r), cells: r.cells.map(String), total: String(r.total) })),
          t.columns.map((col) => String(col.total)), sum(t.columns.map((col) => String(col.total)))));
    }
    if (sc.comparison) {
      const cmp = sc.comparison;
      const title = `Sammenlignet med ${cmp.label || "den anden nøgle"}${of}`;
      section.push(h("h3", {}, title), table(title,
        [th("Part"), th("Denne nøgle"), th("Den anden nøgle"), th("Forskel")],
        cmp.rows.map((r) => h("tr", {}, h("th", { scope: "row" }, nameOf(r)), numCell(num(r.amount_base)), numCell(num(r.amount_other)), numCell(num(r.change))))));
    }
    if (sc.attainment) {
      const title = `Dimensioneret mod faktisk${of}`;
      section.push(h("h3", {}, title), table(title,
        [th("Part"), th("Dimensioneret"), th("Faktisk"), th("Forskel"), th("Forskel (%)")],
        [...sc.attainment, ...(sc.attainment_total && sc.attainment.length > 1 ? [{ ...sc.attainment_total, total: true }] : [])]
          .map((r) => h("tr", {}, h("th", { scope: "row" }, r.total ? "I alt" : nameOf(r)), numCell(num(r.dimensioned)), numCell(num(r.actual)),
            numCell(num(r.difference)), numCell(r.percent === null || r.percent === undefined ? "" : num(r.percent, 2))))));
    }
    out.push(...section);
  }
  return out;
}

function chart(rows) {
  const shown = rows.filter((r) => r.party.basis.kind !== "excluded");
  const max = Math.max(...shown.map((r) => Number(r.party.share)), 1e-9);
  return h("div", { id: "chart", class: "chart", "aria-hidden": "true" }, shown.map((r) => {
    const fillBar = h("span", { class: "fill" });
    // A width only (set through the style object, which the policy allows): a picture, never a figure anyone reads.
    fillBar.style.width = `${(100 * Number(r.party.share) / max).toFixed(2)}%`;
    return h("div", { class: "bar" }, h("span", {}, nameOf(r.party)), h("span", {}, fillBar), h("span", { class: "v" }, `${percent(r.party.share, 2)} %`));
  }));
}

// ---- "Hvorfor?" -----------------------------------------------------------

/** A sentence's full stop, once ("kr." ends one already). */
const end = (text) => (text.endsWith(".") ? text : `${text}.`);

const LEFTOVER_WORD = { "0.01": "øre", "1": "kroner", "1000": "enheder på 1.000 kr." };
const ROUNDING_WORD = { "0.01": "øre", "1": "hele kroner" };

function explain(box, row, result, c, opener) {
  const p = row.party;
  const name = nameOf(p);
  const unitWord = c.places ? "pladser" : "kr.";
  const parts = [h("h3", {}, `Hvorfor? ${name}`)];
  if (p.basis.kind === "excluded") {
    parts.push(h("p", {}, `${name} er ikke med i fordelingen og får derfor 0. De øvrige deler, som om ${name} ikke var der.`));
  } else {
    row.per.forEach((q, i) => {
      const sc = result.scenarios[i];
      const alloc = row.fixedPart ? sc.parts.parts : (sc.parts ? sc.parts.details.find((d) => d) : sc.allocation);
      const included = alloc.parties.filter((x) => x.basis.kind !== "excluded" && x.basis.kind !== "fixed");
      const unitPlaces = c.places ? 0 : scaleOf(alloc.unit);
      const quota = num(q.quota_amount, c.places ? 4 : unitPlaces + 4);
      const leftover = c.places ? "pladser" : LEFTOVER_WORD[alloc.unit] || "enheder";
      let basis;
      if (p.basis.kind === "fixed") basis = `${name} har en fast andel på ${percent(p.basis.share, 2)} %.`;
      else {
        const weight = c.weightOf(p) || num(p.weight);
        const population = c.weightTotal && c.weightTotal(included);
        const total = population ? `${population} indbyggere` : `${num(sum(included.map((x) => x.weight)))} (vægtene i alt)`;
        const fixed = alloc.parties.filter((x) => x.basis.kind === "fixed").map((x) => `-${x.basis.share}`);
        const rest = fixed.length ? `, af de ${percent(sum(["1", ...fixed]), 2)} %, der ikke er faste andele,` : "";
        basis = `${weight} af ${total}${rest} giver en andel på ${percent(q.share, 6)} %.`;
      }
      let how;
      switch (q.rounding) {
        case "exact": how = "Det går op, så der skal ikke rundes af."; break;
        case "up": how = `Rundet op: en af de ${leftover}, der var tilbage, gik hertil, fordi brøkdelen var blandt de største (nr. ${q.remainder_rank}).`; break;
        case "down": how = `Rundet ned${q.remainder_rank ? `: brøkdelen var nr. ${q.remainder_rank} i størrelse, og der var ikke flere ${leftover} tilbage til den` : ""}.`; break;
        case "minimum": how = "Holdt oppe på mindstegrænsen."; break;
        case "maximum": how = "Holdt nede på højstegrænsen."; break;
        default: how = "";
      }
      if ((q.rounding === "up" || q.rounding === "down") && alloc.method === "hamilton") {
        // How many were handed out after everyone was rounded down (largest remainder).
        const ups = alloc.parties.filter((x) => x.rounding === "up").length;
        how = (ups === 1 ? `Da alle var rundet ned, var der 1 tilbage (${leftover}); den gik til den største brøkdel. `
          : `Da alle var rundet ned, var der ${ups} ${leftover} tilbage; de gik én til hver af de ${ups} største brøkdele. `) + how;
      }
      const lines = [
        h("strong", {}, result.scenarios.length > 1 ? `${sc.name}: ` : ""),
        basis, " ",
        end(`${percent(q.share, 6)} % af ${num(alloc.total)} ${unitWord} er ${quota} ${unitWord}`), " ",
        how, " Resultat: ", h("strong", {}, end(`${num(q.amount)} ${unitWord}`)),
      ];
      if (q.tie !== undefined && alloc.ties && alloc.ties[q.tie]) {
        const tie = alloc.ties[q.tie];
        const others = tie.parties.filter((x) => x !== p.id).map((id) => nameOf(alloc.parties.find((x) => x.id === id) || { id }));
        lines.push(` Står lige (lige store brøkdele) med ${others.join(", ")}; afgjort efter ${tie.decided_by === "order" ? "rækkefølgen i listen" : tie.decided_by}.`);
      }
      parts.push(h("p", {}, lines));
    });
    if (!c.places) {
      const unit = result.scenarios[0].allocation.unit;
      parts.push(h("p", { class: "hint" }, `Der rundes af til ${ROUNDING_WORD[unit] || `${num(unit)} kr.`} efter største brøks metode, så delene giver præcis det hele.`));
    }
  }
  parts.push(h("button", { type: "button", class: "close" }, "Luk forklaringen"));
  fill(box, parts);
  const close = () => {
    box.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    opener.focus();
  };
  box.querySelector("button.close").addEventListener("click", close);
  box.onkeydown = (ev) => { if (ev.key === "Escape") close(); };
  box.hidden = false;
  box.focus();
}
