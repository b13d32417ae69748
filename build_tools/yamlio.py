"""Read editor-owned YAML with line numbers, never writing it back.

PyYAML's safe loader does not keep positions; this loader records the
1-based line of every mapping in a ``__line__`` key so validators can
point an editor at the exact place.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import SeedError

LINE = "__line__"


class LineStr(str):
    """A string from YAML that remembers its line."""

    line: int | None = None


# libyaml's parser when present: the same safe loading, several times faster.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):
    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping

    def construct_yaml_str(self, node):
        value = LineStr(super().construct_yaml_str(node))
        value.line = node.start_mark.line + 1
        return value


_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)


def display_path(path: Path | str) -> str:
    """The path as editors see it: relative to the working directory when possible."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path | str, what: str) -> str:
    """Read a UTF-8 seed file, or raise a SeedError that says what was expected."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise SeedError(shown, None, f"file not found; expected {what} here")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(shown, None, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return text


def load_yaml(path: Path | str, what: str, optional: bool = False):
    """Parse a YAML seed file; mappings carry their line under ``__line__``.

    An optional file that is missing reads as ``None``.
    """
    path = Path(path)
    if optional and not path.exists():
        return None
    text = read_text(path, what)
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        # The context ("while scanning a simple key") is where the editor's mistake is, when given.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise SeedError(display_path(path), line, f"YAML syntax error: {problem}; check indentation and quotes") from None
    except yaml.YAMLError as exc:
        raise SeedError(display_path(path), None, f"YAML error: {exc}") from None


def line_of(item, default: int | None = None) -> int | None:
    """The line a mapping started on, when the loader recorded one."""
    if isinstance(item, dict):
        return item.get(LINE, default)
    return getattr(item, "line", None) or default


def check_keys(item: dict, path: str, required: set[str], optional: set[str]) -> list[SeedError]:
    """Unknown and missing fields of one YAML mapping, as errors."""
    line = line_of(item)
    keys = set(item) - {LINE}
    errors = [SeedError(path, line, f"unknown field '{k}'; allowed: {', '.join(sorted(required | optional))}")
              for k in sorted(keys - required - optional, key=str)]
    errors += [SeedError(path, line, f"missing field '{k}'") for k in sorted(required - keys)]
    return errors
