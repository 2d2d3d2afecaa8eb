// andel's node build against npm peers, side by side in one run:
//   cd wasm && bash build.sh && (cd bench && npm ci) && node bench/speed.cjs [--big]
// Rows: time per call (median of runs after a warm-up) and andel ÷ peer
// (under 1: andel is faster). `--big` adds 10^7 parties from typed arrays
// (time and the memory it took).
"use strict";
const andel = require("../pkg/node/andel_wasm.js");
for (const k of ["log", "dir", "info", "debug", "warn"]) console[k] = () => {}; // `apportionment` logs
const say = (s) => process.stdout.write(s + "\n");
const app = require("apportionment");
const { dinero, allocate, toSnapshot } = require("dinero.js");
const { DKK } = require("dinero.js/currencies");

function time(f, minMs = 300) {
  for (let i = 0; i < 20; i++) f(); // warm-up
  const times = [];
  const end = performance.now() + minMs;
  while (times.length < 15 || performance.now() < end) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] * 1000; // µs
}
function row(what, a, p, peer) {
  say(`${what.padEnd(46)} andel ${a.toFixed(1).padStart(9)} µs  ${peer.padEnd(14)} ${p.toFixed(1).padStart(9)} µs  ${(a / p).toFixed(2)}×`);
}

// The 98 municipalities' populations (the latest year shipped).
const pop = andel.municipalities().map((m) => m.population);
say(`andel ${andel.version()}, node ${process.version}; ${pop.length} municipalities`);

// Same answers first: a bench of different results would be meaningless.
const same = (a, b) => JSON.stringify(Array.from(a)) === JSON.stringify(Array.from(b));
if (!same(andel.apportion(pop, 9000), app.hamilton(pop, 9000).apportionment)) throw new Error("hamilton differs");
row("apportion 98, 9.000 places, hamilton", time(() => andel.apportion(pop, 9000)), time(() => app.hamilton(pop, 9000)), "apportionment");
row("apportion 98, 9.000 places, hamilton, Int32Array", time(() => andel.apportion(Int32Array.from(pop), 9000)), time(() => app.hamilton(pop, 9000)), "apportionment");
row("apportion 98, 9.000 places, dhondt", time(() => andel.apportion(pop, 9000, "dhondt")), time(() => app.jefferson(pop, 9000)), "apportionment");
row("apportion 98, 9.000 places, sainte_lague", time(() => andel.apportion(pop, 9000, "sainte_lague")), time(() => app.webster(pop, 9000)), "apportionment");

// Money: 4.275.000,00 kr. by population, to the øre (dinero: øre as integers).
const parts = andel.split("4275000.00", pop);
const d = allocate(dinero({ amount: 427500000, currency: DKK }), pop).map((x) => toSnapshot(x).amount);
if (!same(parts.map((p) => Math.round(Number(p) * 100)), d)) say("note: split and dinero.js's allocate put the leftover øre differently");
row("split 4.275.000,00 kr. by 98 populations", time(() => andel.split("4275000.00", pop)), time(() => allocate(dinero({ amount: 427500000, currency: DKK }), pop)), "dinero.js");

// 10^5 parties (pseudo-random whole weights), 10^6 places.
let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) % 1000000) + 1;
const big = Array.from({ length: 100000 }, rnd);
row("apportion 10^5, 10^6 places, hamilton", time(() => andel.apportion(big, 1000000)), time(() => app.hamilton(big, 1000000)), "apportionment");
const bigF = Float64Array.from(big);
row("apportion 10^5, 10^6 places, Float64Array", time(() => andel.apportion(bigF, 1000000)), time(() => app.hamilton(big, 1000000)), "apportionment");

if (process.argv.includes("--big")) {
  for (const T of [Int32Array, Float64Array]) {
    const w = new T(10000000);
    for (let i = 0; i < w.length; i++) w[i] = rnd();
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const u = andel.apportion(w, 100000000);
    const ms = performance.now() - t;
    const rss = process.memoryUsage().rss;
    say(`apportion 10^7 from ${T.name}, 10^8 places: ${(ms / 1000).toFixed(1)} s, ${u.length} results, rss ${(before / 1e6).toFixed(0)} -> ${(rss / 1e6).toFixed(0)} MB`);
  }
}
