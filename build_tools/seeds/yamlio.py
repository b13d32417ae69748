"""Read editor-owned YAML with the line of every value, never writing it back.

The one loader of every seed file. Mappings, lists and strings come back
as ``LineDict``, ``LineList`` and ``LineStr``: plain ``dict``/``list``/``str``
that also remember their line (and, for containers, the line of each key
or item), so a validator can point an editor at the exact place. A key
given twice in one mapping is an error at the second one, and a syntax
error names the line of the fault, not the block it sits in.

Each seed file's shape is checked by :mod:`build_tools.seeds.shapes` (``load_seed``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from build_tools.seeds.errors import SeedError
from build_tools.seeds.memo import small

# Kept for callers that skip a line key; mappings no longer carry one (their line is an attribute).
LINE = "__line__"


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
        # A scalar's text as it is (what SafeConstructor returns for one), without its two calls per string.
        value = LineStr(node.value if isinstance(node, yaml.ScalarNode) else super().construct_yaml_str(node))
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
    return _display_path(str(path), os.getcwd())


@small  # resolved once per file: resolving asks the file system about every part of both paths
def _display_path(path: str, cwd: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(Path(path))


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
