"""Pinyin with tone marks for glossary terms: pypinyin's reading, corrected by the editors' overrides.

pypinyin reads a polyphonic character from its phrase dictionary, and is
sometimes wrong for the report's vocabulary (疏干水 is shū gān shuǐ, 蒙 in 科技兴蒙
stands for Inner Mongolia, měng). Editors list such words in seeds/pinyin.yml;
an override applies wherever its word occurs in a term, longest word first.
An override that agrees with pypinyin is kept: it pins the reading if a later
pypinyin version changes its dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.shapes import load_seed
from build_tools.seeds.yamlio import display_path, line_of

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Chinese punctuation inside a term, as pinyin text writes it.
PUNCTUATION = {"、": ",", "，": ",", "·": "·", "＋": "+"}


@dataclass
class Override:
    """An editor's reading of a word: one syllable per character."""

    word: str
    syllables: list[str]
    line: int | None = None


def load_overrides(path: Path | str | None, terms: list[str] | None = None) -> list[Override]:
    """seeds/pinyin.yml, checked: one syllable per character, each word once, each word in some term."""
    if path is None:
        return []
    shown = display_path(path)
    data = load_seed(path, "pinyin", "a YAML list of '- word: 河长' entries with their pinyin", optional=True) or []
    found: list[Override] = []
    errors: list[SeedError] = []
    seen: dict[str, int | None] = {}
    for item in data:
        word, syllables, line = item["word"].strip(), item["pinyin"].split(), line_of(item)
        if len(syllables) != len(word):
            errors.append(
                SeedError(
                    shown,
                    line_of(item["pinyin"], line),
                    f"'{word}' has {len(word)} characters but the pinyin has {len(syllables)} syllables;"
                    " write one syllable per character",
                )
            )
        elif word in seen:
            errors.append(SeedError(shown, line, f"'{word}' is already listed at line {seen[word]}; keep one"))
        elif terms is not None and not any(word in t for t in terms):
            errors.append(
                SeedError(shown, line, f"'{word}' occurs in no glossary term; check the characters or remove it")
            )
        else:
            seen[word] = line
            found.append(Override(word, syllables, line))
    raise_all(errors)
    return found


def reading(term: str, overrides: Sequence[Override] = ()) -> str:
    """The term in pinyin with tone marks, one syllable per character, separated by spaces.

    Letters, digits and signs (GDP, 1+N, 12345) are kept as written.
    """
    ordered = sorted(overrides, key=lambda o: len(o.word), reverse=True)
    tokens: list[str] = []
    plain = ""
    i = 0
    while i < len(term):
        match = next((o for o in ordered if term.startswith(o.word, i)), None)
        if match is None:
            plain += term[i]
            i += 1
            continue
        tokens += _library(plain)
        plain = ""
        tokens += match.syllables
        i += len(match.word)
    tokens += _library(plain)
    return _join(tokens)


# pypinyin's syllables by text, as read in this process or learned from another (see learn_later).
_KNOWN: dict[str, list[str]] = {}
# Where readings being read elsewhere will come from, taken the first time one is needed (see learn_later).
_PENDING: list[Callable[[], dict[str, list[str]]]] = []


def _library(text: str) -> list[str]:
    """pypinyin's syllables for Chinese characters; other runs (GDP, +, 、) as single tokens."""
    if not text:
        return []
    while text not in _KNOWN and _PENDING:
        _KNOWN.update(_PENDING.pop(0)())
    if text not in _KNOWN:
        # Imported here: its phrase dictionary takes 0.17 s to load, and only the English glossary page reads it.
        from pypinyin import Style, lazy_pinyin

        _KNOWN[text] = lazy_pinyin(
            text, style=Style.TONE, errors=lambda chunk: "".join(PUNCTUATION.get(c, c) for c in chunk)
        )
    return list(_KNOWN[text])


def learned() -> dict[str, list[str]]:
    """What pypinyin read in this process, for :func:`learn` in another."""
    return dict(_KNOWN)


def learn_later(source: Callable[[], dict[str, list[str]]]) -> None:
    """Take pypinyin's readings from a process that loaded its dictionaries (the same pypinyin, forked):
    ``source()`` gives them, waiting for them if need be. It is called the first time a reading is
    needed, so that what needs none is done meanwhile."""
    _PENDING.append(source)


def _join(tokens: list[str]) -> str:
    """Syllables with spaces; a comma sticks to the syllable before it."""
    out = ""
    for token in tokens:
        if token.startswith(","):
            out += token
        else:
            out += (" " if out else "") + token
    return out


def unchanged(overrides: Sequence[Override]) -> list[Override]:
    """The overrides pypinyin already agrees with (kept on purpose, to pin the reading)."""
    return [o for o in overrides if _library(o.word) == o.syllables]
