// The form's own controls, drawn from its state (state.js): the scenarios,
// the municipalities with their population, the fixed shares, what shows for
// money or places, and the lists to choose from. The words here are the
// form's labels; numbers are the core's (parseNumber, formatNumber).
import * as andel from "./pkg/andel_first.js";
import CASES from "./cases.js";
import { $, h, fill } from "./render.js";
import { REGIONS, MEETING, bare, num } from "./state.js";

export function renderScenarios(state) {
  const places = state.what === "places";
  $("total-head").textContent = places ? "Antal pladser" : "Beløb (kr.)";
  fill($("scenario-rows"), state.scenarios.map((sc, i) => h("tr", {},
    h("td", {},
      h("label", { class: "sr-only", for: `scenario-name-${i}` }, `Navn på scenarie ${i + 1}`),
      h("input", { id: `scenario-name-${i}`, data: { i: String(i), k: "name" }, value: sc.name, size: "8", "aria-describedby": `scenario-name-${i}-error` }),
      h("span", { class: "error", id: `scenario-name-${i}-error` })),
    h("td", {},
      h("label", { class: "sr-only", for: `scenario-total-${i}` }, `${places ? "Antal pladser" : "Beløb"}, scenarie ${i + 1}`),
      h("input", { id: `scenario-total-${i}`, data: { i: String(i), k: "total" }, value: sc.total, size: "14", inputmode: "decimal",
        "aria-describedby": `scenario-total-${i}-error scenario-total-${i}-understood` }),
      h("span", { class: "understood", id: `scenario-total-${i}-understood` }),
      h("span", { class: "error", id: `scenario-total-${i}-error` })),
    h("td", {}, state.scenarios.length > 1
      ? h("button", { type: "button", data: { remove: String(i) }, "aria-label": `Fjern scenarie ${i + 1}` }, "Fjern") : null))));
  updateUnderstood(state);
}

export function updateUnderstood(state) {
  state.scenarios.forEach((sc, i) => {
    const el = $(`scenario-total-${i}-understood`);
    if (!el) return;
    try {
      const v = andel.parseNumber(bare(sc.total));
      const places = state.what === "places";
      const own = (v.split(".")[1] || "").length;
      el.textContent = places && v.includes(".") ? "" :
        `forstået som ${num(v, places ? 0 : Math.max(own, state.unit === "0.01" ? 2 : 0))}${places ? " pladser" : " kr."}`;
    } catch {
      el.textContent = "";
    }
  });
}

/** The municipalities to tick, with their population: the user's own file's figures (`fromFile`,
 * readPopulation's municipalities) when given, else the embedded year's (the latest shipped for a
 * year only a file has). */
export function renderMunicipalities(state, fromFile) {
  const embedded = andel.years().includes(Number(state.year)) ? Number(state.year) : null;
  const rows = fromFile || andel.municipalities(state.region || null, embedded);
  fill($("municipality-list"), rows.map((m) => h("li", {}, h("label", {},
    h("input", { type: "checkbox", data: { code: m.code }, checked: !state.excluded.includes(m.code) }),
    ` ${m.name} `, h("span", { class: "pop" }, `(${num(String(m.population), 0)})`)))));
}

export function renderFixed(state) {
  fill($("fixed-rows"), state.fixed.map((f, i) => h("li", {},
    h("label", { for: `fixed-name-${i}` }, "Navn"),
    h("input", { id: `fixed-name-${i}`, data: { i: String(i), k: "name" }, value: f.name, size: "16" }),
    h("label", { for: `fixed-share-${i}` }, "Andel (%)"),
    h("input", { id: `fixed-share-${i}`, data: { i: String(i), k: "share" }, value: f.share, size: "5", inputmode: "decimal", "aria-describedby": `fixed-share-${i}-error` }),
    h("button", { type: "button", data: { remove: String(i) }, "aria-label": `Fjern fast andel ${i + 1}` }, "Fjern"),
    h("span", { class: "error", id: `fixed-share-${i}-error` }))));
}

export function syncVisibility(state, loaded) {
  const places = state.what === "places";
  document.querySelectorAll(".money-only").forEach((el) => (el.hidden = places));
  document.querySelectorAll(".places-only").forEach((el) => (el.hidden = !places));
  $("population-source").hidden = state.source === "csv";
  $("csv-source").hidden = state.source !== "csv";
  $("cost-split-fields").hidden = !state.costSplit.on;
  $("population-ages").hidden = !state.populationFile;
  const other = !!(state.case || loaded);
  $("form-fields").hidden = other;
  $("case-open").hidden = !other;
  $("case-open-text").textContent = loaded
    ? "Beregningen kommer fra en indlæst fil; formularen bruges ikke. En indlæst fil kommer ikke med i et link."
    : "Sagen er åbnet, som den står i referatet; formularen bruges ikke.";
  $("case").value = loaded ? "" : state.case;
}

/** The year list: the embedded years, and the years of the user's own population file. */
export function fillYears(state, fileYears) {
  const years = [...new Set([...andel.years(), ...fileYears, Number(state.year)])].sort((a, b) => a - b);
  fill($("year"), years.map((y) => h("option", { value: String(y) },
    andel.years().includes(y) ? String(y) : `${y} (din fil)`)));
  $("year").value = String(state.year);
}

export function fillControls(state, loaded) {
  fill($("region"), REGIONS.map((r) => h("option", { value: r }, r)), h("option", { value: "" }, "Hele landet"));
  fillYears(state, []);
  fill($("case"), h("option", { value: "" }, "Egen fordeling (formularen)"),
    CASES.map((c) => h("option", { value: c.id }, c.doc.title || c.id)),
    h("option", { value: MEETING }, "Mødet som helhed: alle sagerne pr. kommune"));
  $("region").value = state.region;
  $("year").value = String(state.year);
  document.querySelector(`input[name=what][value=${state.what}]`).checked = true;
  document.querySelector(`input[name=source][value=${state.source}]`).checked = true;
  document.querySelector(`input[name=amountIs][value=${state.costSplit.amountIs}]`).checked = true;
  $("unit").value = state.unit;
  $("method").value = state.method;
  $("minimum").value = state.minimum;
  $("maximum").value = state.maximum;
  $("csv").value = state.csv;
  $("ages-from").value = state.ages.from;
  $("ages-to").value = state.ages.to;
  $("csv-decimal").value = state.decimal;
  $("cost-split").checked = state.costSplit.on;
  $("municipal-share").value = state.costSplit.municipal;
  $("region-share").value = state.costSplit.region;
  renderScenarios(state);
  renderMunicipalities(state);
  renderFixed(state);
  syncVisibility(state, loaded);
}
