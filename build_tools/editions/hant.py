"""The zh-Hant edition's text: OpenCC, then the editors' correction table.

This is the one place that names the OpenCC configuration. Every
conversion keeps the text's length, so character offsets computed on
the zh-Hans source (glossary spans, metric marks) stay valid in the
zh-Hant output.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import opencc

from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import shared
from build_tools.seeds.shapes import load_checked
from build_tools.seeds.yamlio import LineDict, display_path, read_text

# Traditional characters as read in Taiwan, without s2twp's phrase table:
# that table rewrites words (运行→執行, 社区→社群, 优化→最佳化, 创建→建立,
# 项目→專案), and a reading edition must keep the report's own words.
DEFAULT_CONFIG = "s2tw"

WHAT = "the zh-Hant correction table (zh-Hans phrase: zh-Hant form  # reason)"


@cache
def _opencc(config: str) -> opencc.OpenCC:
    """The OpenCC converter for a config, built once: loading its dictionaries is the slow part."""
    return opencc.OpenCC(config)


def load_conversion(config: str) -> None:
    """Load a conversion's OpenCC dictionaries now, so that its first converter (or unpickled one) finds them."""
    _opencc(config)


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

    def __getstate__(self) -> dict:
        # OpenCC's converter is a C object: another process loads its own (an edition computed elsewhere).
        return {k: v for k, v in self.__dict__.items() if k != "_cc"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cc = _opencc(self.config)

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
    claimed: set[int] = set()
    kept = []
    for phrase, start in _occurrences(source, phrases):  # longest phrase first
        span = range(start, start + len(phrase))
        if claimed.isdisjoint(span):  # else a longer correction already decided these characters
            kept.append((start, phrase))
            claimed.update(span)
    if not kept:
        return converted
    out, done = [], 0
    for start, phrase in sorted(kept):
        out += [converted[done:start], corrections[phrase]]
        done = start + len(phrase)
    return "".join(out) + converted[done:]


def _occurrences(text: str, phrases: list[str]) -> list[tuple[str, int]]:
    """(phrase, start) of every occurrence of each phrase in ``text``, overlapping ones included, by phrase.

    One scan for the phrases' first characters, not one search of the whole text per phrase: the
    pages of an edition are 230,000 characters, and few of them start a phrase.
    """
    if not phrases:
        return []
    starting, by_first = _first_characters(tuple(phrases))
    at: dict[str, list[int]] = {phrase: [] for phrase in phrases}
    for found in starting.finditer(text):
        i = found.start()
        for phrase in by_first[text[i]]:
            if text.startswith(phrase, i):
                at[phrase].append(i)
    return [(phrase, start) for phrase in phrases for start in at[phrase]]


@cache
def _first_characters(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """A pattern of the phrases' first characters, and the phrases by first character."""
    by_first: dict[str, list[str]] = {}
    for phrase in filter(None, phrases):  # an empty phrase corrects nothing
        by_first.setdefault(phrase[0], []).append(phrase)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(by_first)) + "]"), by_first


def load_corrections(path: Path | str, text: str | None = None) -> dict[str, str]:
    """Read the editors' correction table: its schema, then each entry's length and comment.

    Raises SeedError at the entry's line for: a YAML syntax error, a file
    that is not a mapping, a duplicate phrase, a phrase or form that is not
    text, an empty form, a form of another length, an entry line without a
    ``# reason`` comment, or (given the ``text`` the table applies to) a
    phrase that does not occur in it.
    """
    return _load_corrections(Path(path), text)


@shared
def _load_corrections(path: Path, text: str | None) -> dict[str, str]:
    """load_corrections, once per content of the file and text (each edition's transform and fold read it)."""
    data, found = load_checked(path, "zh-hant-corrections", WHAT)
    shown = display_path(path)
    if data is None:
        return {}  # a table with only its header: nothing to correct yet
    lines = read_text(path, WHAT).splitlines()
    if isinstance(data, LineDict):
        for key in data:
            if not isinstance(key, str) or not key.strip():
                raise SeedError(shown, data.lines.get(key, data.line), "the part before ':' must be a zh-Hans phrase")
    raise_all([e for _, e in found])
    for hans, hant in data.items():
        _check_entry(shown, lines, data.lines[hans], hans, hant, text)
    return {str(k): str(v) for k, v in data.items()}


def _check_entry(shown: str, lines: list[str], line: int, hans: str, hant: str, text: str | None) -> None:
    """Raise the SeedError that says what is wrong with one entry of a schema-valid table, if anything."""
    if len(hant) != len(hans):
        raise SeedError(
            shown,
            line,
            f"'{hans}' has {len(hans)} characters but '{hant}' has {len(hant)}; "
            "a correction must replace character for character",
        )
    if not _has_comment(lines[line - 1]):
        raise SeedError(shown, line, f"'{hans}': add a comment after the form saying why, e.g. '# 此处是“发展”'")
    if text is not None and hans not in text:
        raise SeedError(
            shown,
            line,
            f"'{hans}' does not occur in the report or the glossary; "
            "copy the phrase from the zh-Hans text, or remove the line",
        )


def _has_comment(line: str) -> bool:
    """Whether the entry's line ends in a non-empty ``# …`` comment (a # after a space starts one in YAML)."""
    after = line.partition(":")[2]
    if after.lstrip()[:1] in ("'", '"'):
        quote = after.lstrip()[0]
        after = after.lstrip()[1:].partition(quote)[2]
    match = re.search(r"(?:^|\s)#(.*)$", after)
    return bool(match and match.group(1).strip())
