"""Glossary terms in the English text: where a block's English carries the rendering of a term its Chinese marks.

The English report is a translation of each block; the glossary's ``en`` field
(or a declared ``en_variants`` form) is how a term is rendered. Given the
Chinese block's glossary matches (annotate()'s spans), this finds the spans of
those renderings in the English block, case-insensitively, so the page writer can
wrap them like the Chinese marks. ``core`` is the same rule the translation check
uses: the rendering without a parenthetical or a leading "The", quotes ignored.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from build_tools.annotate.glossary import Entry
from build_tools.model import Tip
from build_tools.seeds.english import Texts
from build_tools.seeds.memo import small

QUOTES = "\"'“”‘’"


def _without_quotes(text: str) -> str:
    """The text without its quotes (str.replace: see :func:`one_quote`)."""
    for quote in QUOTES:
        if quote in text:
            text = text.replace(quote, "")
    return text


def one_quote(text: str) -> str:
    """Every quote as one, keeping the text's length: a pattern then names one character, not a class of six,
    which compiles ten times faster (a pattern per rendering, a build compiles 160 of them).

    str.replace, not str.translate: translating a text that is not all ASCII looks up every character
    (five times slower over the translation)."""
    for quote in QUOTES[1:]:
        if quote in text:
            text = text.replace(quote, QUOTES[0])
    return text


def _stem(rendering: str) -> str:
    """The rendering without a parenthetical or a leading "The"."""
    text = re.sub(r"\s*\([^)]*\)", "", rendering).strip()
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


@small  # a unit's English, once for each term it marks
def plain(text: str) -> str:
    """English compared loosely: no quotes, one space, case-folded."""
    return " ".join(_without_quotes(text).split()).casefold()


@small  # asked for every rendering of every term of every unit
def core(rendering: str) -> str:
    """The part of a rendering the English must contain: no parenthetical, no leading "The", no quotes."""
    return plain(_stem(rendering))


@functools.cache  # one pattern per rendering, for every block that marks the term
def _pattern(rendering: str) -> re.Pattern[str]:
    """A rendering as a whole-word pattern: quotes optional, any spaces (and quotes) between words, a plural -s.

    It matches text whose quotes are one character (:func:`one_quote`).
    """
    quote = '"'
    parts = []
    for c in " ".join(_stem(rendering).split()):
        parts.append(f"{quote}?" if c in QUOTES else rf"{quote}?\s+{quote}?" if c == " " else re.escape(c))
    return re.compile(rf"(?<!\w){''.join(parts)}(?:e?s)?(?!\w)", re.IGNORECASE)


def en_spans(text: str, matches: list[tuple[int, int, str]], by_id: Mapping[str, Entry]) -> list[tuple[int, int, str]]:
    """Spans (start, end, entry id) of the renderings of the terms the Chinese block marks.

    ``by_id``: the glossary's entries by id. Longest form first, left to right, never
    overlapping; every occurrence is marked, as in the Chinese text. A term whose
    rendering is absent gets no span (the translation check reports it).
    """
    forms = []
    for key in dict.fromkeys(k for _, _, k in matches):
        e = by_id[key]
        forms += [(f, key) for f in dict.fromkeys([e.en, *e.en_variants]) if core(f)]
    taken: list[tuple[int, int, str]] = []
    text = one_quote(text)  # as long as the text: the spans are the text's
    for form, key in sorted(forms, key=lambda fk: len(core(fk[0])), reverse=True):
        for m in _pattern(form).finditer(text):
            if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                taken.append((m.start(), m.end(), key))
    return sorted(taken)


def tips_en(entries: list[Entry], texts: Texts) -> dict[str, Tip]:
    """The English tooltips: the rendering and the English definition, by entry id (the glossary page's anchor)."""
    return {e.id: Tip(e.term, e.en, texts.get(f"{e.id}:definition", e.definition), e.id) for e in entries}
