"""Each seed file's shape, stated once as a JSON Schema in ``build_tools/seeds/schemas/``, and checked.

:func:`load_seed` reads a seed file (:mod:`.yamlio`, every value with its line) and
checks it against its schema; every way it breaks the schema is one error at the
line of the value at fault, in words an editor can act on (a schema's ``x-hint``
says what to do). The hand-written checks of the loaders only say what a schema
cannot (a phrase must occur in the report).
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cache
from pathlib import Path

from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import forgotten_on_clear
from build_tools.seeds.yamlio import display_path, line_at, parse_yaml, read_text

SCHEMAS = Path(__file__).resolve().parent / "schemas"


@cache
def schema(name: str) -> dict:
    """The JSON Schema of one kind of seed file (``glossary`` -> schemas/glossary.schema.json)."""
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(name: str):
    """A validator for one schema, with the "finite" number format."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    # JSON has no infinity or NaN: a number published in metrics.json must be finite.
    checker.checks("finite")(lambda v: not isinstance(v, float) or math.isfinite(v))
    cls = jsonschema.validators.validator_for(schema(name))
    return cls(_inlined(schema(name), schema(name).get("$defs", {})), format_checker=checker)


_ANNOTATIONS = {"description", "title", "$comment"}


def _inlined(node, defs: dict, expanding: tuple[str, ...] = ()):
    """The schema with each reference to one of its ``$defs`` written out where it stands.

    The same checks and the same messages (a definition brings its own x-hint), a third faster:
    jsonschema resolves a reference anew for every value it checks (the glossary: 14 -> 9 ms).
    A reference beside keywords other than annotations, or within its own definition, is kept.
    """
    if isinstance(node, list):
        return [_inlined(item, defs, expanding) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    name = ref.removeprefix("#/$defs/")
    if ref.startswith("#/$defs/") and name in defs and name not in expanding and set(node) - {"$ref"} <= _ANNOTATIONS:
        written_out = {key: value for key, value in node.items() if key != "$ref"} | defs[name]
        return _inlined(written_out, defs, (*expanding, name))
    return {key: _inlined(value, defs, expanding) for key, value in node.items()}


def schema_errors(data, name: str, shown: str) -> list[tuple[list, SeedError]]:
    """Every way ``data`` breaks the schema ``name``: errors at the line of the value at fault, each with its path."""
    found: dict[tuple, tuple[list, SeedError]] = {}
    for error in sorted(_validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(error.absolute_path)
        line, message = _explain(error, data, path)
        # One message per line and text (anyOf branches can repeat themselves).
        found.setdefault((line, message), (path, SeedError(shown, line, message)))
    return list(found.values())


_TYPE_WORDS = {
    "string": "text",
    "number": "a number such as 12 or 3.5",
    "integer": "a whole number such as 2023",
    "array": "a list",
    "object": "a mapping of fields (name: value)",
    "null": "empty",
    "boolean": "true or false",
}


def _describe(value) -> str:
    """A value as an error message names it."""
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return f"'{value}'"


def _explain(error, data, path: list) -> tuple[int | None, str]:
    """A line and a plain message for one jsonschema error; a schema's ``x-hint`` tells what to do."""
    field = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
    name = f"'{field}'" if field else "this entry" if path else "the file"
    if path and isinstance(path[-1], int):
        name = f"each entry of '{field}'" if field else "each entry"
    line = line_at(data, path)
    kind, value = error.validator, error.validator_value
    # A schema's hint says how to write a value; a missing or unknown field needs none.
    hint = error.schema.get("x-hint", "") if kind not in ("required", "additionalProperties") else ""
    if kind == "type":
        wanted = " or ".join(
            _TYPE_WORDS.get(t, t) for t in ([value] if isinstance(value, str) else value) if t != "null"
        )
        message = (
            f"{name} must be {wanted}, not {_describe(error.instance)}"
            if path
            else f"expected {wanted} in this file, found {_describe(error.instance)}"
        )
        if value == "string" and isinstance(error.instance, (int, float)) and not isinstance(error.instance, bool):
            # YAML read digits as a number: quoting is the whole fix.
            hint = f"put it in quotes: {field + ': ' if path and isinstance(path[-1], str) else ''}'{error.instance}'"
    elif kind == "required":
        missing = [k for k in value if k not in error.instance]
        message = "missing field " + ", ".join(f"'{k}'" for k in missing)
    elif kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted((k for k in error.instance if k not in allowed), key=str)
        line = getattr(error.instance, "lines", {}).get(extra[0], line) if extra else line
        message = f"unknown field '{extra[0] if extra else '?'}'" + (
            f"; allowed: {', '.join(allowed)}" if allowed else ""
        )
    elif kind == "enum":
        message = f"{name} is {_describe(error.instance)}; it must be one of: {'、'.join(map(str, value))}"
    elif kind == "minLength" or (kind == "pattern" and isinstance(error.instance, str) and not error.instance.strip()):
        message = f"{name} is empty"
    elif kind == "not":
        message = f"{name} contains markup or code"
    elif kind == "pattern" and isinstance(error.instance, str) and "\n" in error.instance.strip():
        message = f"{name} runs over several lines"
    elif kind == "pattern":
        message = f"{name} is {_describe(error.instance)}, which is not of the expected form"
    elif kind == "minItems":
        message = f"{name} must list at least {value} item{'s' if value != 1 else ''}"
    elif kind == "uniqueItems":
        message = f"{name} lists the same item twice"
    elif kind == "format" and value == "finite":
        message = f"{name} must be a finite number, not {error.instance}"
    else:
        message = f"{name}: {error.message}"
    return line, message + (f"; {hint}" if hint else "")


def load_seed(path: Path | str, name: str, what: str, optional: bool = False):
    """Load a seed file and check it against its schema; every problem is raised at once with its line."""
    data, found = load_checked(path, name, what, optional)
    raise_all([e for _, e in found])
    return data


# The schema errors of the last version of each file (by its text's hash): both editions of a
# build read the same files, and validating is the slow part of loading them.
_checked: dict[tuple[str, str], tuple[str, list]] = forgotten_on_clear({})


def load_checked(path: Path | str, name: str, what: str, optional: bool = False):
    """A seed file's data (None when empty or missing) and its schema errors with their paths."""
    path = Path(path)
    if optional and not path.exists():
        return None, []
    text, shown = read_text(path, what), display_path(path)
    data = parse_yaml(text, path)
    if data is None:
        return None, []
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if _checked.get((name, shown), ("",))[0] != digest:
        _checked[(name, shown)] = (digest, schema_errors(data, name, shown))
    return data, _checked[(name, shown)][1]
