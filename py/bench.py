"""Per-call cost of andel.apportion and andel.split on the 98 municipalities
(population 1 January 2022). A benchmark, not a test:

    .venv/bin/python py/bench.py
"""

import timeit
from decimal import Decimal

import andel

weights = list(andel.population(year=2022).values())
shares = [round(w / sum(weights) * 100, 2) for w in weights]  # floats with 2 places
mapping = andel.population(year=2022)
amount = Decimal("4275000.00")


def per_call(stmt, number=20000):
    best = min(timeit.repeat(stmt, number=number, repeat=5))
    return best / number * 1e6


if __name__ == "__main__":
    import sys

    quick = "--quick" in sys.argv  # a smoke run for the test script
    rows = [
        ("apportion(list of 98 ints, 9000)", lambda: andel.apportion(weights, 9000)),
        ("apportion(list of 98, 9000, 'sainte_lague')", lambda: andel.apportion(weights, 9000, "sainte_lague")),
        ("apportion(dict of 98, 9000)", lambda: andel.apportion(mapping, 9000)),
        ("apportion(list of 98 floats, 2 places, 9000)", lambda: andel.apportion(shares, 9000)),
        ("split(4275000.00, list of 98)", lambda: andel.split(amount, weights)),
        ("split(4275000.00, dict of 98)", lambda: andel.split(amount, mapping)),
        ("allocate(dict of 98, 4275000.00) (explained)", lambda: andel.allocate(mapping, amount)),
    ]
    try:
        import numpy as np

        ints, floats = np.array(weights, dtype=np.int64), np.array(shares)
        rows[3:3] = [("apportion(int64 array of 98, 9000)", lambda: andel.apportion(ints, 9000)),
                     ("apportion(float64 array of 98, 2 places, 9000)", lambda: andel.apportion(floats, 9000))]
    except ImportError:  # numpy is optional
        pass
    for name, fn in rows:
        n = 20 if quick else (2000 if "allocate" in name else 20000)
        print(f"{name:50s} {per_call(fn, n):8.1f} µs")
