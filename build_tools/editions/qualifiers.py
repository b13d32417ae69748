"""Qualifiers the English translation must carry: found in the Chinese (seeds/qualifiers.yml: 左右, 以上, 预计 …),
their renderings found in the English, and one rendering matched to each.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.seeds.shapes import load_seed
from build_tools.seeds.yamlio import line_of

NUMERALS_AFTER = "0123456789一二三四五六七八九十两百千万亿"
NUMERALS_BEFORE = "0123456789十百千万亿"


@dataclass
class Qualifier:
    """A word that qualifies a figure, and the English words that carry it."""

    zh: str
    en: list[str]
    position: str = ""  # "", "before-number" (近500亿) or "after-number" (1万余)
    exceptions: list[str] = field(default_factory=list)  # words that contain zh without qualifying (习近平)
    line: int | None = None


def load_qualifiers(path: Path | str) -> list[Qualifier]:
    """seeds/qualifiers.yml, its shape checked by its schema: the qualifiers the translation must carry."""
    data = load_seed(
        path, "qualifiers", "a YAML list of '- zh: 左右' entries with their English renderings (en: [about])"
    )
    return [
        Qualifier(
            item["zh"].strip(),
            [v.strip() for v in item["en"]],
            item.get("position", ""),
            [v.strip() for v in item.get("except") or []],
            line_of(item),
        )
        for item in data
    ]


def zh_qualifiers(text: str, qualifiers: list[Qualifier]) -> list[Qualifier]:
    """The qualifiers occurring in a Chinese text, longest first at each place (超过 before 超)."""
    ordered = sorted(qualifiers, key=lambda q: len(q.zh), reverse=True)
    starts = _any_of("".join(sorted({q.zh[0] for q in ordered})))
    found, i = [], 0
    while (candidate := starts.search(text, i)) is not None:
        i = candidate.start()
        q = next((q for q in ordered if text.startswith(q.zh, i) and _qualifies(text, i, q)), None)
        found += [q] if q else []
        i += len(q.zh) if q else 1
    return found


@functools.lru_cache(maxsize=8)  # a qualifier table's first characters: where one may begin
def _any_of(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(characters)}]" if characters else "(?!)")


def _qualifies(text: str, i: int, q: Qualifier) -> bool:
    end = i + len(q.zh)
    if q.position == "before-number" and text[end : end + 1] not in tuple(NUMERALS_AFTER):
        return False
    if q.position == "after-number" and (i == 0 or text[i - 1] not in NUMERALS_BEFORE):
        return False
    for word in q.exceptions:
        at = word.find(q.zh)
        if at >= 0 and text.startswith(word, i - at):
            return False
    return True


def en_renderings(text: str, qualifiers: list[Qualifier]) -> list[str]:
    """The renderings occurring in an English text: whole words, longest first (no more than ≠ more than)."""
    words = sorted({w.lower() for q in qualifiers for w in q.en}, key=len, reverse=True)
    if not words:
        return []
    # Lowercased, not re.IGNORECASE: a case-blind alternation tries every word at every word start (3.5x slower).
    return _any_word(tuple(words)).findall(text.lower())


@functools.lru_cache(maxsize=8)  # one pattern per qualifier table, for every unit
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def uncarried(found: list[Qualifier], renderings: list[str]) -> list[Qualifier]:
    """Qualifiers left without a rendering of their own.

    One English word carries one qualifier (以上 and 超过 both read "more than": two are needed),
    so this is a bipartite matching, solved with augmenting paths.
    """
    owner: dict[int, int] = {}

    def assign(q: int, tried: set[int]) -> bool:
        for r, word in enumerate(renderings):
            if word in (w.lower() for w in found[q].en) and r not in tried:
                tried.add(r)
                if r not in owner or assign(owner[r], tried):
                    owner[r] = q
                    return True
        return False

    return [q for k, q in enumerate(found) if not assign(k, set())]
