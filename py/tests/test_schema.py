"""The key document's JSON Schema (schema/andel.schema.json, generated from
the Rust types by `andel schema`) accepts every example document and refuses
what the reader refuses."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schema" / "andel.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_is_valid(validator, path):
    validator.validate(json.loads(path.read_text(encoding="utf-8")))


def test_the_schema_refuses_what_the_reader_refuses(validator):
    doc = json.loads((ROOT / "examples" / "2.4-dk2020.json").read_text(encoding="utf-8"))
    doc["colour"] = "red"
    assert not validator.is_valid(doc)
    doc = json.loads((ROOT / "examples" / "2.4-dk2020.json").read_text(encoding="utf-8"))
    doc["rounding"] = {"unit": "one"}
    assert not validator.is_valid(doc)
    doc["rounding"] = {"places": {"method": "borda"}}
    assert not validator.is_valid(doc)
