// Type-checked (tsc --strict, no emit) against the declarations the build
// ships: the JS API's names and shapes are real types, not `any`.
import * as andel from "../pkg/node/andel_wasm.js";
import type { AndelError, DocumentResult, KeyDocument, MunicipalityRow } from "../pkg/node/andel_wasm.js";

const seats: number[] = andel.apportion([221082, "63839"], 10, "sainte_lague", { minimum: 1, ties: "error" });
const parts: string[] = andel.split("4275000.00", [0.072, 0.928], { unit: "0.01" });
const doc: KeyDocument = {
  version: 1,
  assumptions: ["Befolkningstal pr. 1. januar 2022."],
  key: { population: { region: "Nordjylland", year: 2022 }, exclude: ["Læsø"] },
  scenarios: [{ name: "lav", total: "4275000" }],
};
const result: DocumentResult = andel.compute(doc);
const aalborg: string | undefined = result.scenarios[0].allocation.parties.find((p) => p.id === "851")?.amount;
const rows: MunicipalityRow[] = andel.municipalities("Nordjylland", 2022);
const table: string[][] = andel.splitTable("100", [1, 1, 1], [1, 1]);
const places: number[][] = andel.biproportional([[1, 2], ["3", 4]], [2, 3], { rowTotals: [2, 3], method: "dhondt", ties: "error" });
const tied: andel.TableTie[] = andel.biproportional([[1, 1], [1, 1]], [1, 1]).ties;
try {
  andel.apportion([1, NaN], 3);
} catch (e) {
  const err = e as AndelError;
  const where: string | null = err.field;
  console.log(err.code, where);
}
console.log(seats, parts, aalborg, rows.length, table.length, andel.years(), andel.computeCsv(doc, "plain").length);
