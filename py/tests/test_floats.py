"""The native float rule against the old route (issue 30): a float is the
decimal its shortest round-trip form shows, `Decimal(repr(x))` (an integral
one its integer), computed in Rust without Python text. Property test over
many floats: random bit patterns (subnormals, huge and tiny exponents
included), random decimals, and the edges by hand."""

from __future__ import annotations

import random
import struct
from decimal import Decimal

import pytest

import andel
from andel import _andel

EDGES = [0.0, -0.0, 0.1, 0.2, 0.3, 1.0, -1.0, 0.072, 43089.0, 1e16, 1e15, 2.0**53, 2.0**53 + 2,
         float(2**53 + 1), 2.0**60, 1e-300, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
         1e-5, 1e-4, 1.5e-7, 123456789.123, 9.999999999999999e27, 7.9e28, 8e28, 1e-28, 1e-29,
         1.2345678901234567e-11, 1.2345678901234567e-12, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e22, 1e23]


def outcome(fn, x):
    try:
        return ("ok", fn(x, "f"))
    except andel.AndelError as e:  # pragma: no cover - the facade maps CoreError
        return ("error", e.code)
    except _andel.CoreError as e:
        return ("error", e.args[0])


def floats(n: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rng.randrange(5)
        if kind == 0:  # any bit pattern: subnormals, 1e±300, NaN and infinity too
            out.append(struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0])
        elif kind == 1:  # a short decimal, as people type them
            out.append(float(f"{rng.randrange(10**rng.randrange(1, 10))}e{rng.randrange(-12, 12)}"))
        elif kind == 2:  # near the edges of a decimal's range
            out.append(rng.uniform(0.5, 9.5) * 10.0 ** rng.randrange(-32, 32))
        elif kind == 3:  # integral floats around 2^53
            out.append(float(rng.randrange(2**54)) * rng.choice((1, -1)))
        else:  # a computed float rounded to some places, as np.round makes them
            out.append(round(rng.random() * 10 ** rng.randrange(-3, 9), rng.randrange(0, 17)))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_the_native_float_rule_is_the_repr_rule(seed):
    for x in EDGES + floats(25_000, seed):
        fast, old = outcome(_andel.float_text, x), outcome(_andel._float_text_by_repr, x)
        assert fast == old, (repr(x), fast, old)
        if fast[0] == "ok":
            # And the value is Decimal(repr(x)) (or the integer), checked in Python.
            assert Decimal(fast[1]) == Decimal(repr(x)), repr(x)


def test_float_arrays_and_lists_give_the_general_paths_answer():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(11)
    # Integral floats (populations that became float64 near a NaN), short
    # decimals (shares) and ties: the same units as from Decimal(repr(x)).
    for w in (rng.integers(0, 60, 400).astype(np.float64),
              np.round(rng.random(400) * 100, 2),
              np.array([0.1, 0.2, 0.3, 0.1, 0.2, 0.3]),
              np.array([2.0**53 + 2, 1.0, 0.5]), np.array([1e-20, 3e-20, 1.5e-19])):
        exact = [Decimal(repr(float(x))) for x in w]
        for method in ("hamilton", "dhondt", "sainte_lague"):
            for seats in (0, 7, 401):
                want = andel.apportion(exact, seats, method)
                got = andel.apportion(w, seats, method)
                assert isinstance(got, np.ndarray) and got.tolist() == want, (method, seats)
                assert andel.apportion(w.tolist(), seats, method) == want
        parts = andel.split(Decimal("4275000.00"), exact)
        assert andel.split(Decimal("4275000.00"), w) == parts
        assert andel.split(Decimal("4275000.00"), w.tolist()) == parts
    # Mixed lists: ints, floats, Decimals and strings in one pass.
    assert andel.apportion([1, 2.5, Decimal("3.5"), "3"], 10) == andel.apportion(
        [Decimal(1), Decimal("2.5"), Decimal("3.5"), Decimal(3)], 10)


def test_bad_floats_in_arrays_and_lists_are_named_by_index():
    np = pytest.importorskip("numpy")
    for bad, code in ((float("nan"), "invalid_number"), (float("inf"), "invalid_number"),
                      (1e300, "overflow"), (1e-300, "overflow"), (-2.0, "negative_weight")):
        for w in (np.array([1.0, 2.0, bad]), [1.0, 2.0, bad], [1, 2, bad]):
            with pytest.raises(andel.AndelError) as e:
                andel.apportion(w, 3)
            assert (e.value.code, e.value.field) == (code, "weights[2]"), (bad, type(w))
    # The first bad item is the one named, whatever its kind.
    with pytest.raises(andel.AndelError) as e:
        andel.apportion([1.0, float("nan"), True], 3)
    assert e.value.field == "weights[1]"
    with pytest.raises(andel.AndelError) as e:
        andel.apportion([1.0, True, float("nan")], 3)
    assert e.value.field == "weights[1]" and "bool" in str(e.value)
    # Weights are checked before the seats, on every path.
    for w in (np.array([1.0, float("nan")]), [1.0, float("nan")]):
        with pytest.raises(andel.AndelError) as e:
            andel.apportion(w, -1)
        assert e.value.field == "weights[1]"


def test_other_threads_go_on_during_a_long_call():
    # The core's part runs without the GIL for every input kind: while one
    # thread apportions 10^6 fractional floats, another finishes small calls.
    np = pytest.importorskip("numpy")
    import threading

    big = np.random.default_rng(5).random(10**6) * 1000
    for weights in (big, big.tolist()):
        started, done = threading.Event(), threading.Event()

        def long_call():
            started.set()
            andel.apportion(weights, 10**7)
            done.set()

        t = threading.Thread(target=long_call)
        t.start()
        started.wait()
        small = 0
        while not done.is_set():
            assert andel.apportion([1, 2], 3) == [1, 2]
            small += 1
        t.join()
        assert small > 0


def test_a_party_is_named_by_id_shown_name_or_municipality():
    # core's one reading of a party reference (core/src/reference.rs).
    a = andel.allocate({"p1": 2, "p2": 1}, 3, seats=True, names={"p1": "Alfa", "p2": "Beta"})
    assert a["Beta"]["id"] == "p2" and a["p1"]["units"] == 2
    twins = andel.allocate({"p1": 2, "p2": 1}, 3, seats=True, names={"p1": "Alfa", "p2": "Alfa"})
    with pytest.raises(andel.InputError) as e:
        twins.explain("Alfa")
    assert e.value.code == "invalid_option" and "p1, p2" in str(e.value)
    # Excluding a municipality by name from population weights (case 2.4).
    pop = andel.population("Nordjylland", 2022)
    units = andel.apportion(pop, 100, exclude=["Læsø"])
    assert units["825"] == 0
    # A priority order names parties the same way: Hjørring is 860 here
    # (an exact tie for 1 place, given to the first named).
    assert andel.apportion({"851": 1, "860": 1}, 1, ties=["Hjørring", "851"]) == {"851": 0, "860": 1}
    with pytest.raises(andel.InputError) as e:
        andel.apportion({"a": 1, "b": 1}, 1, ties=["q", "a"])
    assert (e.value.code, e.value.field) == ("unknown_party", "ties[0]")


def test_fast_float_pass_matches_the_general_path_with_ties_and_rising_scales():
    # Issue 30: floats become whole numbers at one scale in one pass. Arrays
    # whose scale rises midway (0, 1, then 3 places), repeated values (ties
    # at the boundary), a zero, and scales past what a u64 holds (then the
    # decimals decide): the units of Decimal(repr(x)) every time.
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(30)
    for trial in range(60):
        base = rng.integers(0, 50, 12).astype(np.float64)
        w = np.concatenate([base, np.round(rng.random(6) * 10, 1), np.round(rng.random(6), 3), base[:4]])
        if trial % 5 == 0:
            w[3] = 0.0
        if trial % 7 == 0:
            w[-1] = 1e-12 if trial % 2 else 123456789.0  # scale 12, or a large whole
        rng.shuffle(w)
        exact = [Decimal(repr(float(x))) for x in w]
        for method in ("hamilton", "dhondt", "sainte_lague"):
            for seats in (5, 29, 300):
                for ties in ("order", "error"):
                    try:
                        want = ("ok", andel.apportion(exact, seats, method, ties=ties))
                    except andel.AndelError as e:
                        want = ("error", e.code)
                    for given in (w, w.tolist()):
                        try:
                            got = ("ok", list(andel.apportion(given, seats, method, ties=ties)))
                        except andel.AndelError as e:
                            got = ("error", e.code)
                        assert got == want, (trial, method, seats, ties, type(given))


def _adversarial() -> list[float]:
    """Floats at the fast pass's edges (issue 30): sums that are not what
    they look like, exact halves of the float spacing near short decimals,
    powers of two (the spacing beneath is half) and their neighbours, the
    largest exact integers, subnormals and zeros."""
    import math

    out = [0.1 + 0.2, 1e15 + 0.3, 0.3, -0.0, 0.0, 2.0**53 - 1, 2.0**53, float(2**53 + 1), 2.0**53 + 2,
           5e-324, 2.2250738585072014e-308, 1e-7, 2.0**-22, 4.35, 0.015, 1.005, 2.675, 1 / 3]
    for k in range(-30, 60):
        x = 2.0**k
        out += [x, math.nextafter(x, 0), math.nextafter(x, math.inf)]
    for s in range(1, 5):
        for m in (5, 25, 125, 1125, 78125, 999999995):
            d = m / 10**s
            out += [d, math.nextafter(d, 0), math.nextafter(d, math.inf)]
    for e in range(45, 54):
        x = 2.0**e + 1
        out += [x, x + 0.5, x + 0.25, x + 0.125, x - 0.375]
    return out


def test_adversarial_floats_in_arrays_lists_and_columns_are_their_reprs():
    # Each float beside short decimals (the fast pass at scale 2 meets it),
    # in a float64 array, a list and a pandas column: the units of
    # Decimal(repr(x)) for every one, or the same error.
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(2026)
    for x in _adversarial():
        w = np.concatenate([np.round(rng.random(5) * 100, 2), [x], np.round(rng.random(3) * 100, 2)])
        exact = [Decimal(repr(float(v))) for v in w]
        for seats in (7, 1000):
            try:
                want = ("ok", andel.apportion(exact, seats))
            except andel.AndelError as e:
                want = ("error", e.code)
            for given in (w, w.tolist(), pd.Series(w)):
                try:
                    got = ("ok", [int(u) for u in andel.apportion(given, seats)])
                except andel.AndelError as e:
                    got = ("error", e.code)
                assert got == want, (repr(x), seats, type(given))


def test_float_arrays_are_read_in_place_and_units_come_back_as_arrays():
    # No copy on the way in for a contiguous float64 array (a strided view
    # or a big-endian array is made contiguous first) and the units come
    # back as a writable int64 array; the input is left as it was.
    np = pytest.importorskip("numpy")
    base = np.array([0.5, 9.0, 1.25, 7.5, 3.0, 0.75])
    want = andel.apportion([Decimal(repr(float(v))) for v in base[::2]], 10)
    for w in (base[::2], base[::2].copy(), base[::2].astype(">f8")):
        units = andel.apportion(w, 10)
        assert units.dtype == np.int64 and units.flags.writeable and units.tolist() == want
    # By hand: 0.5, 1.25, 3.0 of 10 seats: quotas 1.053, 2.632, 6.316 (sum
    # 4.75): floors 1, 2, 6 and the last seat to 2.632's remainder .632.
    assert want == [1, 3, 6]
    assert base.tolist() == [0.5, 9.0, 1.25, 7.5, 3.0, 0.75]
    cents = andel.split(Decimal("1.00"), np.array([1.0, 2.0, 1.0]), output="units")
    assert cents.dtype == np.int64 and cents.tolist() == [25, 50, 25]


def test_weights_either_side_of_32_bits_give_the_same_units():
    # Arrays whose numbers all fit 32 bits go to the engine in 32 bits,
    # others in 64: the same units as the list path either way. By hand:
    # 2^32 - 1 and 1 of 4 seats: quotas 3.9999999991 and 0.0000000009,
    # floors 3 and 0, the last seat to the larger remainder (the first);
    # with 2^32 the same. Money with a negative amount comes back negative.
    np = pytest.importorskip("numpy")
    for big in (2**32 - 1, 2**32, 2**40 + 3):
        for w in (np.array([big, 1], dtype=np.int64), np.array([big, 1], dtype=np.uint64),
                  np.array([float(big), 1.0])):
            assert andel.apportion(w, 4).tolist() == [4, 0] == andel.apportion([big, 1], 4)
    shares = np.array([4294967.29, 0.01, 0.5])  # x 100: 429496729, 1, 50 (32 bits)
    wide = np.array([42949672.96, 0.01, 0.5])   # x 100: 4294967296 (beyond 32 bits)
    for w in (shares, wide):
        listed = [Decimal(repr(float(v))) for v in w]
        assert andel.apportion(w, 1000).tolist() == andel.apportion(listed, 1000)
        parts = andel.split(Decimal("-10.00"), w, output="units")
        assert parts.dtype == np.int64 and parts.tolist() == [-1000, 0, 0]
        assert parts.tolist() == [int(p * 100) for p in andel.split(Decimal("-10.00"), listed)]
