// Errors in Danish, at the field they are about: the core's typed errors
// (code, field, details, and its own Danish message) mapped to the form's
// fields, with the form's words where the form knows more (which field,
// what to type).
import { $ } from "./render.js";
import { num, shift } from "./state.js";

export const q = (text) => `»${text}«`;

export function danishMessage(e, s, fromForm) {
  const d = e.details || {};
  const f = String(e.field || "");
  switch (e.code) {
    case "invalid_number": return `${q(d.value ?? "")} er ikke et tal, vi kan læse`;
    case "negative_weight": return "En vægt må ikke være negativ";
    case "zero_total_weight": return "Mindst én kommune skal være med og have en vægt over 0";
    case "no_parties": return "Der er ingen at fordele mellem";
    case "not_multiple_of_unit": return `Beløbet går ikke op i enheden ${num(d.unit)} kr.`;
    case "invalid_share":
      if (/(^|\.)parts/.test(f) && fromForm) {
        // The core's sum of the two shares (a fraction: 0.95 is 95 %).
        const total = /^-?\d+(\.\d+)?$/.test(String(d.value ?? "")) ? num(shift(String(d.value), 2)) : "";
        return total ? `Kommunerne ${s.costSplit.municipal.trim()} % + regionen ${s.costSplit.region.trim()} % = ${total} %, ikke 100 %` :
          "Kommunernes og regionens andel skal tilsammen give 100 %";
      }
      return "Andelene skal ligge mellem 0 og 100 %, og faste andele må højst give 100 % tilsammen";
    case "infeasible": return "Mindst/højst pr. kommune kan ikke overholdes med det antal pladser";
    case "tie": return `Står lige (lige store brøkdele) mellem ${(d.parties || []).join(", ")}`;
    case "overflow": return "Tallet er for stort til at regne præcist med";
    case "duplicate_party": return `${q(d.id)} står der mere end én gang`;
    case "unknown_municipality": return `Ukendt kommune ${q(d.query)}` +
      (d.suggestions?.length ? ` – mente du ${d.suggestions.join(", ")}?` : "");
    case "unknown_party": return `Ukendt part ${q(d.id)}`;
    case "unknown_year": return `Ingen indbyggertal for ${d.year}`;
    case "csv":
      // The core says it in Danish; where the decimal mark is unclear, the form has a list for it.
      return (e.messages?.da || `CSV linje ${d.line}: kan ikke læses`) +
        (/decimal/.test(d.problem?.kind || "") ? ". Vælg decimaltegnet ovenfor." : "");
    case "document":
      if (/^scenarios\[\d+\]\.name$/.test(f)) return "To scenarier har samme navn; giv hvert sit navn";
      // The only document error at a scenario's total (never read out of the core's English text):
      // places that are no whole number.
      if (/^scenarios\[\d+\]\.total$/.test(f)) return "Antallet af pladser skal være et helt tal (0 eller flere), fx 620";
      return e.messages?.da || "Beregningen kan ikke læses";
    // The core's own Danish message where it has one (branch present), else a plain one.
    default: return e.messages?.da || "Beregningen kan ikke laves med de tal";
  }
}

/** The form fields a core error is about (the first is marked, the message goes there). */
export function targetsOf(e, s, fromForm) {
  const f = String(e.field || "");
  let m;
  if (!fromForm) return [];
  if (e.code === "csv" || f.includes("csv")) return ["csv"];
  if (e.code === "invalid_share" && /(^|\.)parts/.test(f)) return ["municipal-share", "region-share"];
  if ((m = f.match(/^scenarios\[(\d+)\]\.name$/))) return [`scenario-name-${m[1]}`];
  if ((m = f.match(/fixed\[(\d+)\]/))) return [`fixed-share-${m[1]}`];
  if ((m = f.match(/^scenarios\[(\d+)\]/))) return [`scenario-total-${m[1]}`];
  if (f.startsWith("rounding.places.minimum") || f.startsWith("minimum")) return ["minimum"];
  if (f.startsWith("rounding.places.maximum") || f.startsWith("maximum")) return ["maximum"];
  if (e.code === "infeasible") return [s.minimum ? "minimum" : "maximum"];
  if (f === "parts" || (f.startsWith("parts[") && !f.includes(".key"))) return ["municipal-share", "region-share"];
  if (e.code === "not_multiple_of_unit") return ["scenario-total-0"];
  return [];
}

const ERROR_SLOTS = { "csv": "csv-error", "population-file": "population-file-error", "ages-from": "population-file-error", "ages-to": "population-file-error", "minimum": "minimum-error", "maximum": "maximum-error",
  "municipal-share": "cost-split-error", "region-share": "cost-split-error" };

export function clearErrors() {
  document.querySelectorAll("[aria-invalid=true]").forEach((el) => el.removeAttribute("aria-invalid"));
  document.querySelectorAll(".error").forEach((el) => (el.textContent = ""));
}

export function showError(targets, message) {
  const [target] = targets;
  const slotId = target && (ERROR_SLOTS[target] || `${target}-error`);
  const slot = slotId && $(slotId);
  for (const t of targets) $(t)?.setAttribute("aria-invalid", "true");
  (slot || $("general-error")).textContent = message;
}
