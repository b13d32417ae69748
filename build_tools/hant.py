"""The zh-Hant edition's text: OpenCC, then the editors' correction table.

This is the one place that names the OpenCC configuration. Every
conversion keeps the text's length, so character offsets computed on
the zh-Hans source (glossary spans, metric marks) stay valid in the
zh-Hant output.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import opencc
import yaml

from .errors import SeedError
from .yamlio import LINE, display_path, load_yaml, read_text

# Traditional characters as read in Taiwan, without s2twp's phrase table:
# that table rewrites words (运行→執行, 社区→社群, 优化→最佳化, 创建→建立,
# 项目→專案), and a reading edition must keep the report's own words.
DEFAULT_CONFIG = "s2tw"

WHAT = "the zh-Hant correction table (zh-Hans phrase: zh-Hant form  # reason)"


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    """The OpenCC converter for a config, built once: loading its dictionaries is the slow part."""
    return opencc.OpenCC(config)


class Converter:
    """zh-Hans → zh-Hant that preserves length: OpenCC, then the correction table on top."""

    def __init__(self, config: str = DEFAULT_CONFIG, corrections: dict[str, str] | None = None):
        self.config = config
        self.corrections = dict(corrections or {})
        for hans, hant in self.corrections.items():
            if len(hans) != len(hant):
                raise ValueError(f"correction {hans!r} → {hant!r} changes the length; offsets would shift")
        # Longest first, so a longer phrase wins where two corrections overlap.
        self._phrases = sorted(self.corrections, key=lambda p: (-len(p), p))
        self._cc = _opencc(config)

    def convert(self, text: str) -> str:
        """The zh-Hant form of ``text``, exactly as long as ``text``."""
        return _apply_corrections(text, _convert_same_length(self._cc, text), self.corrections, self._phrases)


def _convert_same_length(cc, text: str) -> str:
    """OpenCC's conversion, falling back to smaller pieces wherever it changes the length.

    OpenCC converts phrase by phrase; if a dictionary entry ever maps to a
    phrase of another length, every later offset would point at the wrong
    character. Line by line keeps the damage local, and single characters
    (kept unchanged if even they change length) cannot shift anything.
    """
    out = cc.convert(text)
    if len(out) == len(text):
        return out
    return "".join(_convert_line(cc, line) for line in text.splitlines(keepends=True))


def _convert_line(cc, line: str) -> str:
    """One line through OpenCC, or character by character if its length changed."""
    out = cc.convert(line)
    if len(out) == len(line):
        return out
    return "".join(_convert_char(cc, ch) for ch in line)


def _convert_char(cc, ch: str) -> str:
    """One character through OpenCC; the character itself if OpenCC gives anything but one character."""
    out = cc.convert(ch)
    return out if len(out) == 1 else ch


def _apply_corrections(source: str, converted: str, corrections: dict[str, str], phrases: list[str]) -> str:
    """Overwrite, in ``converted``, the span of every occurrence of a phrase found in ``source``.

    Matching on the zh-Hans source, not on OpenCC's output, makes a
    correction independent of how OpenCC happened to segment the text.
    """
    if not phrases:
        return converted
    out = list(converted)
    claimed = [False] * len(source)
    for phrase in phrases:
        for start in _occurrences(source, phrase):
            span = range(start, start + len(phrase))
            if any(claimed[i] for i in span):
                continue  # a longer correction already decided these characters
            out[start:start + len(phrase)] = corrections[phrase]
            for i in span:
                claimed[i] = True
    return "".join(out)


def _occurrences(text: str, phrase: str):
    """Start offsets of ``phrase`` in ``text``, overlapping ones included."""
    start = text.find(phrase)
    while start != -1:
        yield start
        start = text.find(phrase, start + 1)


def load_corrections(path: Path | str) -> dict[str, str]:
    """Read the editors' correction table, checking each entry's shape.

    Raises SeedError at the entry's line for: a YAML syntax error, a file
    that is not a mapping, a duplicate phrase, a phrase or form that is not
    text, an empty form, a form of another length, or an entry line
    without a ``# reason`` comment.
    """
    data = load_yaml(path, WHAT)
    shown = display_path(path)
    if data is None:
        return {}  # a table with only its header: nothing to correct yet
    text = read_text(path, WHAT)
    if not isinstance(data, dict):
        raise SeedError(shown, _first_content_line(text), "expected a mapping of 'zh-Hans phrase: zh-Hant form  # reason' lines")
    # The line-keeping loader records where a mapping starts, not where each
    # entry is; the node tree has every key's and value's position.
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = text.splitlines()
    table: dict[str, str] = {}
    for key_node, value_node in root.value:
        hans, hant = _check_entry(shown, lines, key_node, value_node, table)
        table[hans] = hant
    return table


def _check_entry(shown: str, lines: list[str], key_node, value_node, seen: dict[str, str]) -> tuple[str, str]:
    """One entry's phrase and form, or the SeedError that says what is wrong with it."""
    line = key_node.start_mark.line + 1
    hans = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
    if not isinstance(hans, str) or not hans.strip() or key_node.tag != "tag:yaml.org,2002:str":
        raise SeedError(shown, line, "the part before ':' must be a zh-Hans phrase")
    if hans == LINE or hans in seen:
        raise SeedError(shown, line, f"'{hans}' is listed twice; keep one entry")
    if not isinstance(value_node, yaml.ScalarNode) or value_node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null"):
        raise SeedError(shown, line, f"'{hans}': the part after ':' must be the zh-Hant form, on the same line")
    hant = value_node.value
    if value_node.tag.endswith(":null") or not hant.strip():
        raise SeedError(shown, line, f"'{hans}': the zh-Hant form is empty")
    if len(hant) != len(hans):
        raise SeedError(shown, line, f"'{hans}' has {len(hans)} characters but '{hant}' has {len(hant)}; "
                                     "a correction must replace character for character")
    if not _has_comment(lines, value_node):
        raise SeedError(shown, line, f"'{hans}': add a comment after the form saying why, e.g. '# 此处是“发展”'")
    return hans, hant


def _has_comment(lines: list[str], value_node) -> bool:
    """Whether a non-empty ``# …`` comment follows the value on its own line."""
    end = value_node.end_mark
    rest = lines[end.line][end.column:] if end.line < len(lines) else ""
    rest = rest.strip()
    return rest.startswith("#") and bool(rest[1:].strip())


def _first_content_line(text: str) -> int | None:
    """The first line that is neither blank nor a comment: where a wrong-shaped file goes wrong."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            return number
    return None
