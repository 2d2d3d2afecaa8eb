"""Every example document of the minutes gives, from Python, exactly the JSON
result Rust wrote to ``tests/results/`` (the shared golden results; Rust
checks them in ``core/tests/shared_cases.rs``, the browser in the node tests).
"""

import json
from pathlib import Path

import pytest

import andel

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def test_every_example_has_a_golden_result():
    assert len(EXAMPLES) >= 12
    for doc in EXAMPLES:
        assert (ROOT / "tests" / "results" / doc.name).is_file(), doc.name


@pytest.mark.parametrize("doc", EXAMPLES, ids=[d.name for d in EXAMPLES])
def test_example_result_is_the_shared_json(doc):
    expected = json.loads((ROOT / "tests" / "results" / doc.name).read_text(encoding="utf-8"))
    got = json.loads(andel.compute(doc).to_json())
    assert got == expected
