"""The seed files' JSON Schemas as the loader checks them: references to $defs written out where they stand
(build_tools.seeds.shapes._inlined), with the same errors and hints as the schema files themselves give."""

from __future__ import annotations

import json

import jsonschema
import pytest

from build_tools.seeds import shapes
from build_tools.seeds.shapes import SCHEMAS, _inlined, schema

NAMES = sorted(p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.schema.json"))


def _refs(node, path=()):
    if isinstance(node, dict):
        if "$ref" in node:
            yield path
        for key, value in node.items():
            if key != "$defs":
                yield from _refs(value, (*path, key))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _refs(value, (*path, k))


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_of_the_shipped_schemas_is_written_out(name):
    if name in ("glossary", "metrics", "overrides"):
        assert list(_refs(schema(name)))  # these do use references
    assert list(_refs(_inlined(schema(name), schema(name).get("$defs", {})))) == []


def test_a_definition_brings_its_own_keywords():
    defs = {"text": {"type": "string", "x-hint": "plain text"}}
    node = {"$ref": "#/$defs/text", "description": "the term"}
    assert _inlined(node, defs) == {"description": "the term", "type": "string", "x-hint": "plain text"}


def test_references_it_cannot_write_out_are_kept():
    defs = {"tree": {"type": "array", "items": {"$ref": "#/$defs/tree"}}, "text": {"type": "string"}}
    assert _inlined({"$ref": "#/$defs/tree"}, defs) == {"type": "array", "items": {"$ref": "#/$defs/tree"}}
    beside = {"$ref": "#/$defs/text", "minLength": 2}  # a keyword beside it: checked apart in JSON Schema
    assert _inlined(beside, defs) == beside
    assert _inlined({"$ref": "other.json#/x"}, defs) == {"$ref": "other.json#/x"}


BAD_GLOSSARY = [
    {"term": " ", "en": 3, "category": "经济", "definition": "解释", "basis": "p1"},
    {"term": "甲", "aliases": ["", "乙"], "en": "A", "category": "经济", "definition": "<b>x</b>", "basis": "p1"},
    {"term": "丙", "en": "C", "category": "x", "definition": "解释", "basis": "p1", "see_also": [1], "more": 1},
]


def _errors(validator, document):
    return sorted(
        (list(e.absolute_path), e.validator, e.message, e.schema.get("x-hint", ""))
        for e in validator.iter_errors(document)
    )


def test_the_written_out_schema_finds_the_same_errors_with_the_same_hints():
    raw = schema("glossary")
    cls = jsonschema.validators.validator_for(raw)
    found = _errors(shapes._validator("glossary"), BAD_GLOSSARY)
    assert found == _errors(cls(raw), BAD_GLOSSARY)
    assert len(found) >= 6 and any(hint for *_, hint in found)
    # Writing the references out left the schema as read (cached, and shared) as the file has it.
    assert raw == json.loads((SCHEMAS / "glossary.schema.json").read_text(encoding="utf-8"))
