"""Type-checked with mypy --strict in test_typing.py: how an analyst's code
uses the package."""

from decimal import Decimal
from typing import Dict, List

import andel

places: List[int] = andel.apportion([5, 3, 2], 7)
parts = andel.split(Decimal("0.10"), [50, 27, 23], unit="0.01")
result: andel.Result = andel.compute({"version": 1, "key": {"regions": {"year": 2022}},
                                     "scenarios": [{"name": "x", "total": "100"}]})
amounts: Dict[str, Decimal] = result.allocation(0).amounts
why: str = result.explain("Nordjylland")
aalborg: andel.Municipality = andel.municipality("Aalborg")
population: Dict[str, int] = andel.population("Nordjylland", 2022)
try:
    andel.apportion([1, 1], 1, ties="error")
except andel.TieError as e:
    tied: List[str] = e.parties
meeting: andel.Summary = andel.summary([result])
heads: List[str] = meeting.columns
status = andel.compute({"version": 1, "key": {"weights": [{"id": "A", "weight": 1}]}, "actual": {"A": 2},
                        "rounding": {"places": {}}, "scenarios": [{"name": "x", "total": 1}]})
total: Dict[str, object] = status.attainment_total(0)
