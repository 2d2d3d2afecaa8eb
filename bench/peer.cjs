// The npm `apportionment` package on one input, for bench/compare.py:
//   node bench/peer.cjs input.json  ->  {"ms": median of runs, "units": [...]}
// input.json: {"method": "hamilton" | "dhondt" | "sainte_lague", "seats": n, "weights": [...], "runs": k}
const fs = require("node:fs");
// The package logs to the console from inside its divisor search: silence it.
const write = process.stdout.write.bind(process.stdout);
for (const k of ["log", "dir", "info", "debug", "warn"]) console[k] = () => {};
const app = require("apportionment");
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const fn = { hamilton: app.hamilton, dhondt: app.jefferson, sainte_lague: app.webster }[input.method];
const times = [];
let result;
for (let i = 0; i < (input.runs || 5); i++) {
  const t = process.hrtime.bigint();
  result = fn(input.weights, input.seats);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
// Divisor methods that found no exact divisor return low/high bounds: no answer.
const units = result.apportionment || (result.exact && result.exact.apportionment) || null;
write(JSON.stringify({ ms: times[Math.floor(times.length / 2)], units }));
