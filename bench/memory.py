"""Peak memory of large inputs, measured (a benchmark, not a test; not part of
scripts/test.sh). Each case runs in a fresh process and reports its peak
resident set (ru_maxrss) beside the target of issue 25:

- the command line computing a key document of N parties: peak under 5x the
  document's size;
- Python's explained allocation (`allocate`) of N parties: under 300 MB at
  10^6 parties.

    cargo build --release -p andel-cli
    .venv/bin/python bench/memory.py [--parties 100000 1000000] [--case cli|python|time] [--equal]

The `time` case (not in `all`) is the CPU time (user + system) of the
command line's outputs for people (`--format table`, the Danish Excel CSV,
plain CSV, `--explain`) and of Python's `Allocation.table()` and
`explain()`: O(n log n) in the parties is the standard. Measured 2026-12-06
(this machine, shared; the output byte for byte the same), before -> after
the facts every party's sentence shares (the ranked remainders' count, the
weights' total, the ties' labels by id) were worked out once per allocation
instead of once per party (core/src/present/explain.rs `Facts`):

- 10^4 parties: table 0.69 -> 0.17 s, Danish Excel CSV 0.59 -> 0.06 s,
  plain CSV 0.03 s, --explain 0.02 s (both unchanged);
- 10^5 parties: table 118.96 -> 1.30 s, Danish Excel CSV 104.48 -> 0.70 s,
  plain CSV 0.35 s, --explain 0.24 s (both unchanged);
- 10^6 parties (after only): table 13.0 s (peak 1.97 GB: the view holds
  every row's explanation), Danish Excel CSV 10.4 s, plain CSV 5.2 s,
  --explain 3.6 s;
- Python (after only; the 10^5 table took the same per-party path as the
  command line's): 10^5 parties `table()` 1.31 s, `explain()` of one party
  0.50 s; 10^4 parties 0.16 s and 0.05 s.

A tie of k parties named the k - 1 others (and every winner) in each of
their explanations (O(k^2) text), and the table and CSV make those
explanations though they do not show them: 10^4 parties of equal weight,
`--format table`, 20.9 s and 1.8 GB. Since a tie's sentences name at most 5
of the others and of the winners and count the rest ("og 9.994 andre",
core/src/present/allocation.rs `few_names`), measured 2026-12-06 with
`--equal` (every weight 1, 100,5 øre a party: one tie of all n parties for
n/2 øre), before -> after:

- 10^4 parties: table 41.63 -> 0.13 s CPU (peak 48 MB after), Danish Excel
  CSV 39.35 -> 0.10 s, plain CSV 0.04 s and --explain 0.03 s (unchanged),
  Python `table()` 33.60 -> 0.10 s;
- 10^5 parties (after only; before, about 70 GB of explanations): table
  1.62 s CPU (peak 247 MB: the view holds every row's explanation, 8.9 MB
  of text shown), Danish Excel CSV 1.00 s (212 MB), plain CSV 0.34 s,
  --explain 0.28 s, Python `table()` 1.49 s and `explain()` 0.63 s.

Measured 2026-12-06 (this machine, 10^5 parties, one case per run): the
command line 143 MB for a 5.4 MB document (26.5x); Python's `allocate` 217 MB
(about 2 GB at 10^6, as issue 25 found). Neither target is met yet: results
still cross as per-party JSON text and are built whole before being written.

The command line since its JSON is written as it is made (not held as a
61.7 MB text first) and the reader's tree keeps no spare room: 77 MB for the
same 5.4 MB document (14.2x), of which reading alone takes 62 MB (11.4x: the
document's text, the strict reader's tree of it and the document's types) --
the `cli` case prints both. heaptrack puts the heap's peak (60 MB) in
computing: the allocation's 10^5 parties (24 MB, about 240 B a party against
54 B of document), the key and the document beside it; the resident peak is
higher because the freed tree's small blocks stay with the process. Under 5x
needs a leaner result (ids shared, not copied per allocation) or a reader
without a tree.

(about 2 GB at 10^6, as issue 25 found). Python at 10^6 parties since the
explained allocation stays in core until its JSON or records are asked for:
2013 -> 636 MB (685 MB before the extension moved to mimalloc). Of that, the input dict itself is 135 MB and the facade's
views of it (keys, values, the duplicate check) 85 MB; the rest is core's
key and explained allocation (about 250 bytes a party while both live). The
300 MB target needs a more compact explained allocation in core.

Since the allocation keeps its parties compact (the key's parties shared,
not copied; the apportionment's units and reasons; each row made when asked
and the JSON written row by row: core/src/key/parties.rs), a document's
lists of objects are read item by item from the text (no tree of 10^6
objects), the document's parties go once the key has them
(`compute_owned`), the engine runs without a copy of the ids unless it looks
parties up, and the command line uses mimalloc (measured 2026-12-06, this
machine, one process per size; the output byte for byte the same):

- command line, 10^6 parties (55.9 MB): 745 -> 263-272 MB, 13.3x -> 4.7-4.9x
  (target met); reading alone 159-182 MB (2.8-3.3x); CPU time 4.3 -> 4.1 s;
- command line, 10^5 parties (5.4 MB): 79 -> 55-57 MB, 14.3x -> 10.2-10.5x (not met:
  mimalloc's own 11 MB and the pages it frees late weigh at this size; with
  glibc's allocator 35 MB, 6.5x, but 327 MB, 5.7x, at 10^6 and slower);
- Python `allocate`, 10^6 parties: 636 -> 360 MB (not met), of which the
  weights' dict and the module 139 MB, the facade's lists of keys, values and
  ids about 24 MB; core's part (the key's 10^6 parties at about 104 bytes
  each, beside them the weights as decimals and the engine's working copies)
  needs a compact key (ids in one arena, weights apart, no per-party
  `Basis`) to come under 300 MB. At 10^5 parties: 50 MB (weights 32 MB).

Before this script made its documents a party at a time, a child's peak
counted the pages it shared with this process until it ran `andel` (the
10^6 dicts): the command line looked 6.4x its size.

Both targets met since a key keeps its parties compact (core/src/key/
roster.rs: ids and names end to end in one text each, the weights as one
list, bases only when some party's is not its weight; a `KeyParty` a party
only when `Key::parties()` is called), ids are checked for repeats in a
table of 4-byte positions (8 bytes a party; the hash set of the ids took
about 36), a document's lists of objects are made at their size (a list
grown by doubling left buffers of half its size again to the allocator),
Python's ids are read end to end in one text (no `String` a party), and
the command line's mimalloc is its v2 without transparent huge pages
(DESIGN.md, "Memory of large inputs"). Measured 2026-12-06 (this machine,
shared with three other builds; medians of 3-5 runs alternating before and
after, one process a run; the output byte for byte the same), before ->
after:

- command line, 10^5 parties (5.4 MB): 57.3 -> 23.8 MB, 10.6x -> 4.4x
  (target met); the steps: the compact key 51.5 MB, with mimalloc v2
  without THP 29.2, lists made at their size 25.4, the repeat table 23.8;
- command line, 10^6 parties (55.9 MB): 263 -> 155-162 MB, 4.7x -> 2.8-2.9x;
  reading alone (the `cli` case's second figure) 19 MB at 10^5 (3.5x), 152
  MB at 10^6 (2.7x);
- Python `allocate`, 10^6 parties: 360 -> 262 MB (target met; the weights'
  dict and the module 139 MB of it); 10^5 parties 50 -> 50 MB (the weights
  33 MB);
- CPU time (`--case time`'s outputs and JSON, 10^5 parties, two rounds of
  3 and 5 runs, the machine loaded) not slower: table 1.28 / 1.57 -> 1.02 /
  1.03 s, Danish Excel CSV 0.87 / 1.00 -> 0.79 / 0.85 s, plain CSV 0.36 /
  0.49 -> 0.41 / 0.44 s, --explain 0.35 / 0.30 -> 0.30 / 0.32 s, JSON 0.43 /
  0.45 -> 0.40 / 0.42 s (the differences in plain CSV and --explain go
  both ways: noise); Python `allocate` 0.04 -> 0.03 s, `table()` 0.97 ->
  0.85 s, `explain()` 0.59 -> 0.55 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child_peak_mb(args: list[str]) -> float:
    """Runs `args` and returns its peak resident set in MB (Linux: KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far: run each
    # case in order of growing size, or one case per invocation.
    return max(after, before) / 1024


def child_peak_mb_failing(args: list[str]) -> float:
    """As child_peak_mb, for a run that is meant to end with an error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert done.returncode == 1, done.returncode
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def weight(i: int, equal: bool) -> int:
    """Party `i`'s weight: 1..9973 in turn, or 1 for every party (`--equal`)."""
    return 1 if equal else i % 9973 + 1


def total(n: int, equal: bool) -> str:
    """The total split: 1.000.000.000,00 kr., or with equal weights 100,5
    øre a party, so every party stands in one tie for n / 2 øre (n even)."""
    if not equal:
        return "1000000000.00"
    ore = n * 100 + n // 2
    return f"{ore // 100}.{ore % 100:02d}"


def write_document(n: int, scenarios: list, equal: bool = False) -> str:
    """A key document of `n` parties (as `json.dump` writes it), written a
    party at a time: this process stays small, since a child's peak counts
    the pages it shares with its parent until it runs the program (a
    parent holding 10^6 dicts made the command line look 6x its size)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write('{"version": 1, "key": {"weights": [')
        for i in range(n):
            party = {"id": f"p{i}", "name": f"Party {i}", "weight": weight(i, equal)}
            f.write((", " if i else "") + json.dumps(party))
        f.write(f']}}, "scenarios": {json.dumps(scenarios)}}}')
        return f.name


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--parties", type=int, nargs="+", default=[100_000],
                   help="sizes, smallest first (a child's peak only grows)")
    p.add_argument("--case", choices=["cli", "python", "time", "all"], default="all")
    p.add_argument("--equal", action="store_true",
                   help="time case: every weight 1, so all parties stand in one tie")
    a = p.parse_args()
    for n in sorted(a.parties):
        measure(n, a.case, a.equal)


def child_cpu_s(args: list[str]) -> float:
    """Runs `args` and returns its CPU time (user + system) in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_time(n: int, equal: bool) -> None:
    """The CPU time of the outputs for people at `n` parties: the command
    line's table, Danish Excel CSV, plain CSV and one explanation, then
    Python's table and explanation of an explained allocation."""
    path = write_document(n, [{"name": "x", "total": total(n, equal)}], equal)
    andel = os.path.join(ROOT, "target", "release", "andel")
    for what, extra in [("table", ["--format", "table"]),
                        ("Danish Excel CSV", ["--format", "csv"]),
                        ("plain CSV", ["--format", "csv", "--numbers", "plain"]),
                        ("--explain", ["--explain", f"p{n // 2}"])]:
        cpu = child_cpu_s([andel, "compute", path, *extra])
        print(f"cli compute {what}, {n} parties: {cpu:.2f} s CPU")
    os.unlink(path)
    code = ("import andel, time; from decimal import Decimal; "
            f"w = {{f'p{{i}}': {'1' if equal else 'i % 9973 + 1'} for i in range({n})}}; "
            f"a = andel.allocate(w, Decimal('{total(n, equal)}')); "
            "t = time.process_time(); a.table(); print(time.process_time() - t); "
            f"t = time.process_time(); a.explain('p{n // 2}'); print(time.process_time() - t)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    table, explain = (float(x) for x in out.stdout.split())
    print(f"python Allocation.table(), {n} parties: {table:.2f} s CPU; "
          f"explain(one party): {explain:.2f} s CPU")


def measure(n: int, case: str, equal: bool = False) -> None:
    """The rows of one size: the command line's peak and its ratio to the
    document, then Python's explained allocation (or, for `time`, the CPU
    time of the outputs for people)."""
    if case == "time":
        measure_time(n, equal)
        return
    if case in ("cli", "all"):
        path = write_document(n, [{"name": "x", "total": "1000000000.00"}])
        size_mb = os.path.getsize(path) / 2**20
        andel = os.path.join(ROOT, "target", "release", "andel")
        # Reading alone: the same document without scenarios is read whole,
        # then refused before anything is computed (run first: the peak of
        # children only grows).
        empty = write_document(n, [])
        reading = child_peak_mb_failing([andel, "compute", empty, "--format", "json"])
        os.unlink(empty)
        peak = child_peak_mb([andel, "compute", path, "--format", "json"])
        os.unlink(path)
        print(f"cli compute, {n} parties: document {size_mb:.1f} MB, peak {peak:.0f} MB "
              f"= {peak / size_mb:.1f}x (target under 5x); reading alone {reading:.0f} MB "
              f"= {reading / size_mb:.1f}x")
    if case in ("python", "all"):
        code = ("import andel, resource; from decimal import Decimal; "
                f"w = {{f'p{{i}}': i % 9973 + 1 for i in range({n})}}; "
                "a = andel.allocate(w, Decimal('1000000000.00')); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        peak = float(out.stdout.strip())
        # The weights alone (the dict the caller made, the module loaded):
        # what is not the allocation's.
        alone = code.replace("a = andel.allocate(w, Decimal('1000000000.00')); ", "")
        out = subprocess.run([sys.executable, "-c", alone], check=True, capture_output=True, text=True)
        weights = float(out.stdout.strip())
        print(f"python allocate (explained), {n} parties: peak {peak:.0f} MB "
              f"(target under 300 MB at 10^6 parties); the weights alone {weights:.0f} MB")


if __name__ == "__main__":
    main()
