"""Read editor-owned YAML with the line of every value, never writing it back.

The one loader of every seed file. Mappings, lists and strings come back
as ``LineDict``, ``LineList`` and ``LineStr``: plain ``dict``/``list``/``str``
that also remember their line (and, for containers, the line of each key
or item), so a validator can point an editor at the exact place. A key
given twice in one mapping is an error at the second one, and a syntax
error names the line of the fault, not the block it sits in.

Each seed file's shape is stated once, as a JSON Schema in
``build_tools/seeds/schemas/`` (:func:`load_seed`); the hand-written checks of the
loaders only say what a schema cannot (a phrase must occur in the report).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import cache
from pathlib import Path

import yaml

from build_tools.seeds.errors import SeedError
from build_tools.seeds.memo import forgotten_on_clear

# Kept for callers that skip a line key; mappings no longer carry one (their line is an attribute).
LINE = "__line__"
SCHEMAS = Path(__file__).resolve().parent / "schemas"


class LineStr(str):
    """A string from YAML that remembers its line."""

    line: int | None = None


class LineDict(dict):
    """A mapping from YAML: ``line`` where it starts, ``lines[key]`` where each key is."""

    line: int | None = None
    lines: dict  # set by the loader


class LineList(list):
    """A list from YAML: ``line`` where it starts, ``lines[i]`` where each item is."""

    line: int | None = None
    lines: list  # set by the loader


# libyaml's parser when present: the same safe loading, several times faster.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(node) -> int:
    """The 1-based line a YAML node starts on."""
    return node.start_mark.line + 1


class _LineLoader(_Base):  # type: ignore[valid-type,misc]  # the C loader when PyYAML has it
    def construct_yaml_str(self, node):
        value = LineStr(super().construct_yaml_str(node))
        value.line = _line(node)
        return value

    def construct_line_map(self, node):
        """A mapping as a LineDict; a key given twice is refused."""
        data = LineDict()
        data.line = _line(node)
        yield data
        self._refuse_duplicates(node)
        data.update(self.construct_mapping(node))
        data.lines = {self.construct_object(k): _line(k) for k, _ in node.value}

    def construct_line_seq(self, node):
        """A sequence as a LineList."""
        data = LineList()
        data.line = _line(node)
        yield data
        data.extend(self.construct_sequence(node))
        data.lines = [_line(item) for item in node.value]

    def _refuse_duplicates(self, node) -> None:
        """A key given twice would silently drop its first value: stop at the second."""
        seen: dict = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # '<<' merges another mapping; the constructor flattens it
            key = self.construct_object(key_node)
            try:
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"'{key}' is listed twice (first at line {seen[key]}); keep one",
                        key_node.start_mark,
                    )
                seen[key] = _line(key_node)
            except TypeError:
                continue  # an unhashable key is refused by the constructor itself


_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)
# A date stays the text the editor wrote (date: 2024-04-19): seed files hold no time values, and JSON has none.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_str)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_line_seq)


def display_path(path: Path | str) -> str:
    """The path as editors see it: relative to the working directory when possible."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path | str, what: str) -> str:
    """Read a UTF-8 seed file (a byte-order mark is dropped), or raise a SeedError that says what was expected."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise SeedError(shown, None, f"file not found; expected {what} here")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(shown, None, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    # Windows editors save UTF-8 with a BOM; it is no character of the text.
    return text.removeprefix("\ufeff")


# What a YAML problem means for an editor, by the words PyYAML/libyaml use for it.
_HINTS = [
    ("tab", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "a value containing ': ' must be quoted, or the line is indented wrongly"),
    ("expected <block end>", "this line is indented differently from the entries around it"),
    ("did not find expected key", "this line is indented differently from the entries around it"),
    ("did not find expected '-' indicator", "this line is indented differently from the entries around it"),
    ("could not find expected ':'", "a field needs ': ' after its name, or a quote is not closed"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("while parsing a flow", "a bracket [ ] or brace { } is not closed"),
    ("listed twice", ""),
    ("constructor for the tag", "a value starting with '!' must be put in quotes"),
]


def _hint(problem: str, context: str) -> str:
    """What to do about a YAML problem, by the words the parser used."""
    words = f"{problem} {context}"
    return next((h for k, h in _HINTS if k in words), "check indentation and quotes")


def _fault(exc: yaml.MarkedYAMLError):
    """Where the editor's mistake is: the problem mark, except for a bracket or quote left open.

    The context mark only says where the enclosing block began (line 17 for a
    mis-indented entry at line 603); but an unclosed ``[`` or quote is found
    only at the end of the file, and a key without its ':' on the next line:
    the place to fix is where they began.
    """
    context = exc.context or ""
    if exc.context_mark and any(w in context for w in ("flow", "quoted scalar", "simple key")):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^:#'"]+:\s+)?(['"])(.*)$""")


def _open_quote(text: str, before: int) -> int | None:
    """The first line before ``before`` whose quoted value does not close on it (seed values are one line)."""
    for number, line in enumerate(text.splitlines()[: max(before - 1, 0)], 1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        rest = rest.replace("''", "") if quote == "'" else rest.replace("\\\\", "").replace('\\"', "")
        if quote not in rest:
            return number
    return None


def load_yaml(path: Path | str, what: str, optional: bool = False):
    """Parse a YAML seed file into Line* values (see the module docstring).

    An optional file that is missing reads as ``None``.
    """
    path = Path(path)
    if optional and not path.exists():
        return None
    return parse_yaml(read_text(path, what), path)


def parse_yaml(text: str, path: Path | str):
    """Parse the YAML text of the seed file at ``path`` (named in errors)."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = _fault(exc)
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        hint = _hint(exc.problem or "", exc.context or "")
        faulty = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
        if re.match(r"^\s*(?:-\s+)?[A-Za-z_]+\s*：", faulty):
            hint = "after a field name write an English colon and a space (': '), not '：'"
        elif faulty.lstrip(" ").startswith("\u3000"):
            hint = "indent with ordinary spaces, not the full-width space '　'"
        opened = _open_quote(text, line or 0)
        if opened:
            # A quote left open swallows the lines after it; the parser stops far below.
            line, hint = opened, "a quote opened on this line is not closed on it"
        kind = "" if "listed twice" in problem else "YAML syntax error: "
        raise SeedError(display_path(path), line, f"{kind}{problem}" + (f"; {hint}" if hint else "")) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise SeedError(
            display_path(path),
            line,
            f"a control character (#x{exc.character:04x}) YAML does not allow; "
            "delete it (it is often invisible: retype the line)",
        ) from None
    except yaml.YAMLError as exc:
        raise SeedError(display_path(path), None, "YAML error: " + " ".join(str(exc).split())) from None


def line_of(item, default: int | None = None) -> int | None:
    """The line a YAML value started on, when the loader recorded one."""
    if isinstance(item, dict) and LINE in item:
        return item[LINE]
    return getattr(item, "line", None) or default


def line_at(data, path) -> int | None:
    """The line of the value at a path of keys and indexes (a jsonschema error path), as deep as known."""
    line, node = line_of(data), data
    for key in path:
        lines = getattr(node, "lines", None)
        if isinstance(node, dict) and key in node:
            line = (lines or {}).get(key, line)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            line = lines[key] if lines and key < len(lines) else line
        else:
            break
        node = node[key]
    return line


# ---------------------------------------------------------------- JSON Schema
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
    from build_tools.seeds.errors import raise_all

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
