"""andel beside the tools people would otherwise use, on the same inputs in one
run, every answer checked against andel's exact result. A benchmark, not a
test (not part of scripts/test.sh):

    python -m venv .venv-bench
    .venv-bench/bin/pip install ./py -r bench/requirements.txt
    (cd bench && npm ci)        # optional: the npm peer, when node is there
    .venv-bench/bin/python bench/compare.py [--quick] [--inputs [--rounds N]] [--divisor] [--scale]

`--inputs` runs only the second table: every input kind (int64 and float64
arrays, a pandas float column, lists of ints and floats) beside the int64
array and numpy, and two threads against the same calls one after the other
(a figure only on two free cores: the load average is printed; beside them numpy's own
sort and Hamilton in two threads, what the machine allows); `--rounds N` sets the thread
rows' rounds (15).
`--divisor` runs only the divisor methods' rows (beside numpy and biprop).
`--scale` runs only 10^6 -> 10^7 parties (10x the seats) for every method and
Hamilton at 10^7 parties / 10^8 seats beside numpy.

Peers:
- numpy, float: the ten lines an analyst writes (quota = w·S/W in float64,
  floor, np.argpartition on the remainders) and a float divisor search
  (bisection on the divisor, np.floor / np.round), as the fast packages on
  PyPI do it;
- the `apportionment` package on PyPI (pure Python, exact with fractions);
- the `biprop` package on PyPI (numpy float64 divisor search; divisor
  methods only);
- the npm `apportionment` package (JavaScript numbers), through node.

Times are medians of several runs in milliseconds; "wrong" counts the parties
whose units differ from andel's (andel's answer is exact: integer arithmetic,
ties by input order). A peer is skipped ("-") where it would take minutes.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import numpy as np

import andel

HERE = Path(__file__).resolve().parent
QUICK = "--quick" in sys.argv
INPUTS_ONLY = "--inputs" in sys.argv  # only the table of input kinds and threads
# Rounds of the thread rows (`--rounds N`; 15 by default): more for a steadier median on a
# shared machine.
ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 15
DIVISOR_ONLY = "--divisor" in sys.argv  # only the divisor rows beside biprop
SCALE_ONLY = "--scale" in sys.argv  # only 10^6 -> 10^7 parties (issue 30's 12x) and Hamilton at 10^7


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    """The median of `runs` timings of one call; a call under a millisecond
    is timed in batches of about 2 ms (the same for andel and its peers), so
    that microseconds are not the clock's and the scheduler's noise."""
    t = time.perf_counter()
    fn()
    once = time.perf_counter() - t
    batch = 1 if once >= 1e-3 else max(1, min(1000, int(2e-3 / max(once, 1e-7))))
    times = []
    for _ in range(max(runs, 7) if batch > 1 else runs):
        t = time.perf_counter()
        for _ in range(batch):
            fn()
        times.append((time.perf_counter() - t) * 1e3 / batch)
    return statistics.median(times)


# --------------------------------------------------------------------------
# The numpy peers (float64), written as an analyst would.


def numpy_hamilton(w: np.ndarray, seats: int) -> np.ndarray:
    quota = w * (seats / w.sum())
    units = np.floor(quota).astype(np.int64)
    left = seats - int(units.sum())
    if left > 0:
        top = np.argpartition(-(quota - units), left - 1)[:left]
        units[top] += 1
    return units


def numpy_divisor(w: np.ndarray, seats: int, rounding: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    lo, hi = 0.0, float(w.sum()) * 2 / max(seats, 1) + 1.0
    units = rounding(w / hi)
    for _ in range(200):
        d = (lo + hi) / 2
        units = rounding(w / d)
        s = int(units.sum())
        if s == seats:
            return units.astype(np.int64)
        if s > seats:
            lo = d
        else:
            hi = d
    return units.astype(np.int64)  # no float divisor hits the total: a wrong answer


def numpy_peer(method: str) -> Callable[[np.ndarray, int], np.ndarray]:
    if method == "hamilton":
        return numpy_hamilton
    if method == "dhondt":
        return lambda w, s: numpy_divisor(w.astype(np.float64), s, np.floor)
    # Sainte-Laguë rounds halves up; np.round rounds them to even.
    return lambda w, s: numpy_divisor(w.astype(np.float64), s, lambda x: np.floor(x + 0.5))


# --------------------------------------------------------------------------
# The packages.


def pypi_peer(method: str) -> Optional[Callable[[List[int], int], List[int]]]:
    try:
        import apportionment.methods as app  # type: ignore[import-not-found]
    except ImportError:
        return None
    name = {"hamilton": "largest_remainder", "dhondt": "dhondt", "sainte_lague": "saintelague"}[method]
    return lambda w, s: list(app.compute(name, w, s, parties=[str(i) for i in range(len(w))], verbose=False))


def biprop_peer(method: str) -> Optional[Callable[[np.ndarray, int], np.ndarray]]:
    """The `biprop` package's divisor search (float64, numpy), D'Hondt with
    np.floor and Sainte-Laguë with np.round as its documentation says; the
    election is made once outside the timing, each call searches afresh.
    `None` without the package or for Hamilton (it has no such method)."""
    if method == "hamilton":
        return None
    try:
        import biprop  # type: ignore[import-not-found]
    except ImportError:
        return None
    rounding = np.floor if method == "dhondt" else np.round
    made: Dict[int, Any] = {}

    def run(w: np.ndarray, seats: int) -> np.ndarray:
        e = made.get(id(w))
        if e is None:
            e = made[id(w)] = biprop.Election(np.asarray(w).reshape(-1, 1))
        return e.upper_apportionment(total_seats=seats, rounding_method=rounding, update_seats=False)

    return run


def npm_peer(method: str, w: List[int], seats: int, runs: int) -> Optional[Dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "apportionment").is_dir():
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"method": method, "seats": seats, "weights": w, "runs": runs}, f)
    try:
        out = subprocess.run([node, str(HERE / "peer.cjs"), f.name], capture_output=True, text=True,
                             timeout=300, check=True)
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))
    except (subprocess.SubprocessError, ValueError, IndexError):
        return None
    finally:
        os.unlink(f.name)


# --------------------------------------------------------------------------


def wrong(got: Any, exact: np.ndarray) -> str:
    if got is None:
        return "no answer"
    diff = int(np.count_nonzero(np.asarray(got, dtype=np.int64) != exact))
    return "" if diff == 0 else f"{diff} wrong"


def cell(ms: Optional[float], note: str = "") -> str:
    if ms is None:
        return "-"
    text = f"{ms:.3g} ms" if ms >= 0.1 else f"{ms * 1000:.3g} µs"
    return f"{text} ({note})" if note else text


def threads_ratio(fn: Callable[[], Any], calls: int, rounds: int = 15, pool: bool = True) -> tuple:
    """Wall time of 2 x `calls` calls one after the other, and in two
    threads at once, `rounds` times alternated: the medians (serial ms,
    parallel ms), the median of the rounds' ratios with its quartiles, and
    the process's CPU time over the wall time while the two threads ran
    (near 2 when both ran at once on two free cores; near 1 or below on a
    busy machine, where the ratio says nothing).

    With `pool` the two threads are started once and run each round's calls
    when released (as a `concurrent.futures` pool keeps its threads);
    without it two new threads are started every round, and the first call
    in a new thread pays for the thread's start (on this machine 1-4 ms
    more than the others: a new thread's placement on a core, no page
    faults and no system time measured in it)."""
    import threading

    def work() -> None:
        for _ in range(calls):
            fn()

    go, done = threading.Barrier(3), threading.Barrier(3)
    stop = False

    def pooled() -> None:
        while True:
            go.wait()
            if stop:
                return
            work()
            done.wait()

    workers = [threading.Thread(target=pooled) for _ in range(2)] if pool else []
    for x in workers:
        x.start()
    fn()
    serials, pairs, ratios, busy = [], [], [], []
    for _ in range(rounds):
        t = time.perf_counter()
        work()
        work()
        serial = time.perf_counter() - t
        t, c = time.perf_counter(), time.process_time()
        if pool:
            go.wait()
            done.wait()
        else:
            pair = [threading.Thread(target=work) for _ in range(2)]
            for x in pair:
                x.start()
            for x in pair:
                x.join()
        parallel = time.perf_counter() - t
        busy.append((time.process_time() - c) / parallel)
        serials.append(serial * 1e3)
        pairs.append(parallel * 1e3)
        ratios.append(parallel / serial)
    if pool:
        stop = True
        go.wait()
        for x in workers:
            x.join()
    ratios.sort()
    quartiles = (ratios[len(ratios) // 4], ratios[(3 * len(ratios)) // 4])
    return (statistics.median(serials), statistics.median(pairs), statistics.median(ratios),
            statistics.median(busy), quartiles)


def inputs_table() -> None:
    """Every input kind at 10^6 parties (10^4 with --quick), one run."""
    load_before = os.getloadavg()[0]
    rng = np.random.default_rng(20221118)
    n = 10_000 if QUICK else 1_000_000
    runs = 7 if QUICK else 5
    seats = 10 * n
    whole = rng.integers(1_000, 1_000_000, n)
    shares = np.round(rng.random(n) * 100, 2)  # fractional floats: shares typed to 2 places
    kinds: List[tuple] = [
        ("int64 array", whole),
        ("float64 array, integral (a population column near a NaN)", whole.astype(np.float64)),
        ("float64 array, 2 decimals (shares)", shares),
        # The shares' own weights as integers (x 100): what the float pass
        # itself costs, the engine's work on the same numbers aside.
        ("int64 array, the shares x 100", np.round(shares * 100).astype(np.int64)),
        ("list of ints", whole.tolist()),
        ("list of floats, integral", whole.astype(np.float64).tolist()),
        ("list of floats, 2 decimals", shares.tolist()),
    ]
    try:
        import pandas as pd
        kinds.insert(3, ("pandas float64 column, integral", pd.Series(whole.astype(np.float64))))
    except ImportError:
        pass
    for label, w in kinds:  # each kind gives the general path's answer
        part = w.iloc[:1000] if hasattr(w, "iloc") else w[:1000]
        exact = andel.apportion([Decimal(repr(float(x))) for x in part], 10_000)
        assert list(andel.apportion(part, 10_000)) == list(exact), label
    # Interleaved rounds (one call of each kind per round), medians of wall
    # and CPU time: a shared machine's load then weighs on every kind alike.
    wall: Dict[str, List[float]] = {k: [] for k, _ in kinds}
    cpu: Dict[str, List[float]] = {k: [] for k, _ in kinds}
    for _ in range(runs + 2):
        for label, w in kinds:
            t, c = time.perf_counter(), time.process_time()
            andel.apportion(w, seats)
            wall[label].append((time.perf_counter() - t) * 1e3)
            cpu[label].append((time.process_time() - c) * 1e3)
    base_wall, base_cpu = statistics.median(wall["int64 array"]), statistics.median(cpu["int64 array"])
    rows = []
    for label, w in kinds:
        t, c = statistics.median(wall[label]), statistics.median(cpu[label])
        # numpy from the same input: a list (or a column) made an array
        # within the timing, as an analyst's code must.
        t_np = median_ms(lambda: numpy_hamilton(np.asarray(w, dtype=np.float64), seats), runs)
        rows.append([f"{n:,} parties, {seats:,} seats, hamilton, {label}", cell(t),
                     f"{t / base_wall:.2f} (CPU {c / base_cpu:.2f})", cell(t_np), f"{t_np / t:.2g}"])
        print(" | ".join(rows[-1]), file=sys.stderr)
    threaded = ("int64 array", "float64 array, integral (a population column near a NaN)",
                "float64 array, 2 decimals (shares)", "list of floats, 2 decimals")
    # What the machine's two cores allow, in the same run: numpy's own sort
    # and float Hamilton of the same array (numpy releases the GIL there;
    # no andel in them), beside andel's calls.
    floats = whole.astype(np.float64)
    timed = [(f"andel, {label}", lambda w=w: andel.apportion(w, seats))
             for label, w in kinds if label in threaded]
    timed += [("numpy's np.sort of the float64 array (no andel: the machine's ceiling)",
               lambda: np.sort(floats)),
              ("numpy's float Hamilton of the int64 array (no andel)",
               lambda: numpy_hamilton(whole, seats))]
    for label, fn in timed:
        for pool in (True, False):
            serial, parallel, ratio, cpu, (q1, q3) = threads_ratio(fn, 5, ROUNDS, pool)
            started = "started once" if pool else "started anew each round"
            rows.append([f"two threads ({started}), 5 calls each, {label} (median of {ROUNDS} rounds)",
                         f"{parallel:.4g} ms (serial {serial:.4g} ms)",
                         f"{ratio:.2f} of serial (quartiles {q1:.2f}-{q3:.2f}; CPU {cpu:.2f}× the wall time)",
                         "", ""])
            print(" | ".join(rows[-1]), file=sys.stderr)
    head = ["workload", "andel", "andel / int64 array", "numpy, float64 (Hamilton, from the same input)",
            "numpy / andel"]
    print(f"Measured {date.today()} on {platform.machine()} with {os.cpu_count()} cores "
          f"(load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end), "
          f"Python {platform.python_version()}, "
          f"numpy {np.__version__}.")
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")


def scale_table() -> None:
    """10^6 -> 10^7 parties from int64 arrays with 10x the seats (the cost of 10x the
    parties, within 12x is the aim), and Hamilton at 10^7 parties / 10^8 seats beside
    numpy's float code; two rounds, medians of 5 calls."""
    rng = np.random.default_rng(20221118)
    w6 = rng.integers(1_000, 1_000_000, 1_000_000)
    w7 = rng.integers(1_000, 1_000_000, 10_000_000)
    print(f"load average {os.getloadavg()[0]:.1f}")
    for _ in range(2):
        for method in ("hamilton", "dhondt", "sainte_lague"):
            a = median_ms(lambda: andel.apportion(w6, 10_000_000, method), 5)
            b = median_ms(lambda: andel.apportion(w7, 100_000_000, method), 5)
            print(f"{method}: 10^6 parties / 10^7 seats {a:.1f} ms, 10^7 / 10^8 {b:.1f} ms: {b / a:.1f}x")
        exact = andel.apportion(w7, 100_000_000)
        wrong = int((numpy_hamilton(w7, 100_000_000) != np.asarray(exact)).sum())
        t_np = median_ms(lambda: numpy_hamilton(w7, 100_000_000), 5)
        t_andel = median_ms(lambda: andel.apportion(w7, 100_000_000), 5)
        print(f"hamilton 10^7 / 10^8: andel {t_andel:.1f} ms, numpy {t_np:.1f} ms ({wrong} wrong): numpy/andel {t_np / t_andel:.2f}")
    print(f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    if SCALE_ONLY:
        scale_table()
        return
    if INPUTS_ONLY:
        inputs_table()
        return
    rng = np.random.default_rng(20221118)
    municipalities = np.array(list(andel.population(year=2022).values()), dtype=np.int64)
    sizes = [("98 municipalities", municipalities)]
    sizes.append(("10^4 parties", rng.integers(1_000, 1_000_000, 10_000)))
    if not QUICK:
        sizes.append(("10^6 parties", rng.integers(1_000, 1_000_000, 1_000_000)))
    rows = []
    for label, w in sizes:
        n = len(w)
        for method in ("dhondt", "sainte_lague") if DIVISOR_ONLY else ("hamilton", "dhondt", "sainte_lague"):
            for seats in (9_000, 10 * n if n > 98 else 980):
                runs = 3 if n >= 10**6 else 7
                exact = andel.apportion(w, seats, method)
                t_andel = median_ms(lambda: andel.apportion(w, seats, method), runs)
                as_list = w.tolist()
                t_list = median_ms(lambda: andel.apportion(as_list, seats, method), runs)
                peer = numpy_peer(method)
                got_np = peer(w, seats)
                t_np = median_ms(lambda: peer(w, seats), runs)
                pypi = pypi_peer(method)
                t_pypi, note_pypi = None, ""
                if pypi is not None and n * max(seats, n) <= 10**8 and not DIVISOR_ONLY:
                    t = time.perf_counter()
                    try:
                        got = pypi(as_list, seats)
                        note_pypi = wrong(got, exact)
                    except Exception as e:  # the peer's own failure is a result too
                        note_pypi = f"failed: {type(e).__name__}"
                    t_pypi = (time.perf_counter() - t) * 1e3
                bp = biprop_peer(method)
                t_bp, note_bp = None, ""
                if bp is not None:
                    try:
                        note_bp = wrong(bp(w, seats), exact)
                        t_bp = median_ms(lambda: bp(w, seats), runs)
                    except Exception as e:  # the peer's own failure is a result too
                        note_bp = f"failed: {type(e).__name__}"
                t_npm, note_npm = None, ""
                if (seats <= 10**6 or method == "hamilton") and not DIVISOR_ONLY:
                    r = npm_peer(method, as_list, seats, 3 if n >= 10**5 else 7)
                    if r is not None:
                        t_npm, note_npm = r["ms"], wrong(r["units"], exact)
                rows.append([f"{label}, {seats:,} seats, {method}", cell(t_andel), cell(t_list),
                             cell(t_np, wrong(got_np, exact)), f"{t_np / t_andel:.2g}",
                             cell(t_bp, note_bp) if t_bp else note_bp or "-", f"{t_bp / t_andel:.2g}" if t_bp else "",
                             cell(t_pypi, note_pypi), cell(t_npm, note_npm)])
                print(" | ".join(rows[-1]), file=sys.stderr)
    if DIVISOR_ONLY:
        sizes = []  # the money rows and the input kinds are not divisor rows
    # Money: 4.275.000,00 kr. by population, in øre.
    amount = Decimal("4275000.00")
    cents = 427_500_000
    for label, w in sizes[:1] + sizes[2:]:
        runs = 3 if len(w) >= 10**6 else 7
        exact = andel.split(amount, w, output="units")
        t_np = median_ms(lambda: numpy_hamilton(w, cents) / 100, runs)
        note = wrong(numpy_hamilton(w, cents), exact)
        for output in ("decimal", "str", "units"):
            t = median_ms(lambda: andel.split(amount, w, output=output), runs)
            as_list = w.tolist()
            t_list = median_ms(lambda: andel.split(amount, as_list, output=output), runs)
            rows.append([f"{label}, split 4.275.000,00 kr. (output={output})", cell(t), cell(t_list),
                         cell(t_np, note), f"{t_np / t:.2g}", "", "", "", ""])
            print(" | ".join(rows[-1]), file=sys.stderr)
    head = ["workload", "andel (NumPy int array in)", "andel (list in)", "numpy, float64", "numpy / andel",
            "biprop (PyPI)", "biprop / andel", "apportionment (PyPI)", "apportionment (npm)"]
    print(f"Measured {date.today()} on {platform.machine()} with {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, numpy {np.__version__}"
          f"{', node ' + subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip() if shutil.which('node') else ''}.")
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    if not DIVISOR_ONLY:
        print()
        inputs_table()


if __name__ == "__main__":
    main()
