// Weights as JS numbers and typed arrays (issues 25 and 30): read in one pass,
// the same decimals as before (a number is the decimal its shortest form
// shows), an error naming the index only when there is one. Every expected
// value is worked out by hand in its comment.
const test = require("node:test");
const assert = require("node:assert/strict");
const andel = require("../pkg/node/andel_wasm.js");

const code = (f) => {
  try {
    f();
  } catch (e) {
    return [e.code, e.field];
  }
  return null;
};

test("typed arrays of every kind give the plain array's units", () => {
  // 7 places by 5:3:2 (Hamilton): quotas 3.5, 2.1, 1.4; floors 3+2+1 = 6;
  // the one left goes to the largest remainder, 0.5: [4, 2, 1].
  const expected = [4, 2, 1];
  assert.deepEqual(andel.apportion([5, 3, 2], 7), expected);
  for (const T of [Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray]) {
    assert.deepEqual(andel.apportion(T.of(5, 3, 2), 7), expected, T.name);
  }
  assert.deepEqual(andel.apportion(BigInt64Array.of(5n, 3n, 2n), 7), expected);
  assert.deepEqual(andel.apportion(BigUint64Array.of(5n, 3n, 2n), 7), expected);
  // A BigInt beyond 2^53 is read exactly: 2^60 against 2^60 splits 1,00 kr. in halves.
  assert.deepEqual(andel.split("1", BigInt64Array.of(1n << 60n, 1n << 60n)), ["0.50", "0.50"]);
});

test("a float is the decimal its shortest form shows, in arrays and typed arrays", () => {
  // 1,00 kr. by 0.1 : 0.2 (read as 0.1 and 0.2 exactly): 0.333… and 0.666…;
  // 0.33 + 0.66 = 0.99, the last øre to the larger remainder (0.0066… > 0.0033…).
  assert.deepEqual(andel.split("1", [0.1, 0.2]), ["0.33", "0.67"]);
  assert.deepEqual(andel.split("1", Float64Array.of(0.1, 0.2)), ["0.33", "0.67"]);
  // 0.1 + 0.2 as a float is 0.30000000000000004 (its shortest form): against
  // 0.3 the first is larger by 4e-17, so a tie-free 1 place goes to it.
  assert.deepEqual(andel.apportion([0.1 + 0.2, 0.3], 1), [1, 0]);
  // The integer path's edges: 2^53 itself, 2^53 + 2 (read through its text,
  // 9007199254740994), -0 (zero), 1e21 (an integer beyond 2^53).
  assert.deepEqual(andel.split("1", [2 ** 53, 2 ** 53]), ["0.50", "0.50"]);
  assert.deepEqual(andel.split("3", Float64Array.of(2 ** 53 + 2, 2 * (2 ** 53 + 2))), ["1.00", "2.00"]);
  assert.deepEqual(andel.split("1", [-0, 1]), ["0.00", "1.00"]);
  assert.deepEqual(andel.split("1", Float64Array.of(1e21, 1e21)), ["0.50", "0.50"]);
});

test("a bad number names its index, in arrays and typed arrays", () => {
  assert.deepEqual(code(() => andel.apportion([1, 2, NaN], 3)), ["invalid_number", "weights[2]"]);
  assert.deepEqual(code(() => andel.apportion(Float64Array.of(1, 2, NaN), 3)), ["invalid_number", "weights[2]"]);
  assert.deepEqual(code(() => andel.apportion(Float64Array.of(1, Infinity), 3)), ["invalid_number", "weights[1]"]);
  assert.deepEqual(code(() => andel.apportion([1, "x"], 3)), ["invalid_number", "weights[1]"]);
  assert.deepEqual(code(() => andel.apportion([1, {}], 3)), ["invalid_number", "weights[1]"]);
  // A negative weight is core's error, the same for both.
  const plain = code(() => andel.apportion([1, -2], 3));
  assert.equal(plain[0], "negative_weight");
  assert.deepEqual(code(() => andel.apportion(Int32Array.of(1, -2), 3)), plain);
  // 5e-324 (the smallest float) has more places than a decimal holds: refused, never rounded.
  assert.deepEqual(code(() => andel.split("1", Float64Array.of(1, 5e-324))), ["overflow", "weights[1]"]);
});

test("a DataView or a detached typed array is refused, and the module goes on", () => {
  assert.deepEqual(code(() => andel.apportion(new DataView(new ArrayBuffer(8)), 3)), ["invalid_option", "weights"]);
  const buf = new ArrayBuffer(8);
  const ints = new Int32Array(buf);
  structuredClone(buf, { transfer: [buf] }); // detaches `buf`
  // Copying it out throws in JS (caught there, on the error's cause) a
  // thousand times; a detached Float64Array has length 0: no parties.
  for (let i = 0; i < 1000; i++) {
    assert.deepEqual(code(() => andel.apportion(ints, 3)), ["invalid_option", "weights"]);
  }
  const floats = new Float64Array(new ArrayBuffer(8));
  structuredClone(floats.buffer, { transfer: [floats.buffer] });
  assert.deepEqual(code(() => andel.apportion(floats, 3)), ["no_parties", "weights"]);
  assert.deepEqual(andel.apportion([5, 3, 2], 7), [4, 2, 1]);
});

test("10^5 weights from an Int32Array: the plain array's result, every place given", () => {
  let seed = 7;
  const w = Int32Array.from({ length: 100000 }, () => (seed = (seed * 48271) % 2147483647) % 100000);
  const units = andel.apportion(w, 1000000);
  assert.equal(units.length, 100000);
  assert.equal(units.reduce((a, b) => a + b, 0), 1000000);
  assert.deepEqual(units, andel.apportion(Array.from(w), 1000000));
  // The same as exact arithmetic on the floors of the quotas: each party gets
  // floor(q) or floor(q) + 1 where q = w · 10^6 / Σw (Hamilton's bounds).
  const total = w.reduce((a, b) => a + BigInt(b), 0n);
  for (let i = 0; i < w.length; i += 997) {
    const floor = Number((BigInt(w[i]) * 1000000n) / total);
    assert.ok(units[i] === floor || units[i] === floor + 1, `party ${i}`);
  }
});

test("whole weights through core's integer entries: the general path's results, ties included", () => {
  // Ids send the same call down the general (decimal) path: the two must
  // agree on every input, many of them with equal weights (ties by order).
  let seed = 11;
  const rnd = (n) => (seed = (seed * 48271) % 2147483647) % n;
  const methods = ["hamilton", "dhondt", "sainte_lague", "modified_sainte_lague", "huntington_hill", "adams", "dean"];
  for (let k = 0; k < 300; k++) {
    const n = 1 + rnd(12);
    const w = Array.from({ length: n }, () => rnd(6)); // small weights: ties and zeros
    if (w.every((x) => x === 0)) w[0] = 1;
    const ids = w.map((_, i) => `p${i}`);
    const seats = rnd(40);
    const method = methods[k % methods.length];
    let fast, general;
    try { fast = andel.apportion(Int32Array.from(w), seats, method); } catch (e) { fast = e.code; }
    try { general = andel.apportion(w, seats, method, { ids }); } catch (e) { general = e.code; }
    assert.deepEqual(fast, general, `${method} ${seats} ${w}`);
    const amount = `${rnd(100000)}.${rnd(100)}`;
    try { fast = andel.split(amount, w); } catch (e) { fast = e.code; }
    try { general = andel.split(amount, w, { ids }); } catch (e) { general = e.code; }
    assert.deepEqual(fast, general, `split ${amount} ${w}`);
  }
  // By hand: 7 by 1:1:1 (Hamilton) is 2 each and one left, to the first by order: [3, 2, 2].
  assert.deepEqual(andel.apportion([1, 1, 1], 7), [3, 2, 2]);
  // 0,10 kr. by 1:1:1: 0,03 each and 0,01 left, to the first: 0.04, 0.03, 0.03.
  assert.deepEqual(andel.split("0.10", [1, 1, 1]), ["0.04", "0.03", "0.03"]);
  // A surplus returned is the mirror of a cost; other units keep their scale.
  const both = (amount, w, o = {}) => {
    const fast = andel.split(amount, w, o);
    assert.deepEqual(fast, andel.split(amount, w, { ...o, ids: w.map((_, i) => `p${i}`) }));
    return fast;
  };
  assert.deepEqual(both("-0.10", [1, 1, 1]), ["-0.04", "-0.03", "-0.03"]);
  assert.deepEqual(both("100", [1, 2], { unit: "1" }), ["33", "67"]); // 33,3… and 66,6…: the 1 left to 0,6…
  assert.deepEqual(both("1000", [3, 0, 5], { unit: "1000" }), ["0", "0", "1000"]); // 375 and 625: 1 unit, to 0,625
  assert.deepEqual(both("0", [1, 2]), ["0.00", "0.00"]);
});

test("arrays of numbers (copied out at once) give the per-value path's answers, ties included", () => {
  // Issue 30: an array of finite numbers is copied out as one Float64Array;
  // the same numbers as decimal strings are read one value at a time (the
  // general path). Whole and 1-3 place weights, repeated values (ties at
  // the boundary), zeros; every method, Hamilton's selection, split.
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + rnd(40);
    const w = Array.from({ length: n }, () => {
      const k = rnd(4);
      return Number((rnd(100000) / 10 ** k).toFixed(k));
    });
    if (trial % 3 === 0) w.push(w[0], w[0]); // ties
    if (trial % 5 === 0) w[0] = 0;
    if (w.every((x) => x === 0)) w.push(1);
    const texts = w.map(String);
    for (const method of ["hamilton", "dhondt", "sainte_lague", "adams"]) {
      for (const seats of [1, n, 3 * n + 1]) {
        for (const ties of ["order", "error"]) {
          const run = (x) => { try { return andel.apportion(x, seats, method, { ties }); } catch (e) { return e.code; } };
          assert.deepEqual(run(w), run(texts), `${trial} ${method} ${seats} ${ties} ${w}`);
        }
      }
    }
    assert.deepEqual(andel.split("4275000.00", w), andel.split("4275000.00", texts));
    assert.deepEqual(andel.split("-10.00", w, { unit: "0.05" }), andel.split("-10.00", texts, { unit: "0.05" }));
  }
});
