"""Search support of an edition: characters folded across scripts, jieba's words for converted text."""

from __future__ import annotations

import marshal
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from build_tools.model import Report, displayed_text, report_text
from build_tools.seeds.memo import shared
from build_tools.seeds.paths import Seeds

from .edition import Edition
from .transform import conversion_with, convert_all


def fold_map(seeds: Seeds, report: Report, conversions: list[str]) -> dict[str, str]:
    """The fold of :func:`_fold_map`, once for every edition (each edition's search folds alike)."""
    return _fold_map(seeds.corrections, report, tuple(conversions))


@shared
def _fold_map(corrections: Path | None, report: Report, conversions: tuple[str, ...]) -> dict[str, str]:
    """Characters a conversion of this text puts in each other's place, mapped to one of them.

    Applied to the query and to the displayed text alike, it makes 營商環境, 营商环境
    and any mix of the two the same string in either edition. It is the project's
    own conversion read both ways (着 and 著 are one class if 着力 becomes 著力), so it
    merges only characters that conversion itself confuses; each class maps to its
    member most frequent in the source.
    """
    text = displayed_text(report)
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for conversion in conversions:
        for s, t in displayed_pairs(corrections, report, conversion):
            if s != t:
                parent.setdefault(s, s)
                parent.setdefault(t, t)
                parent[root(t)] = root(s)
    counts = Counter(text)
    classes: dict[str, list[str]] = {}
    for c in sorted(parent):
        classes.setdefault(root(c), []).append(c)
    fold = {}
    for members in classes.values():
        best = max(members, key=lambda c: (counts[c], -ord(c)))
        fold.update({c: best for c in members if c != best})
    return fold


@shared  # the fold and the converted edition's query map read the same conversion (16,000 characters: 7 ms)
def displayed_pairs(corrections: Path | None, report: Report, conversion: str) -> Counter[tuple[str, str]]:
    """How often each character of the report's displayed text becomes each character in a conversion
    (with the correction table at ``corrections``), the pairs in the order they first occur.

    Both readers need only the pairs: counted in C, not at each of the text's 16,000 places in Python."""
    text = displayed_text(report)
    return Counter(zip(text, conversion_with(corrections, conversion)(text), strict=True))


def _converted_search(edition: Edition, report: Report, corrections: Path | None, conversion: str) -> None:
    """Search in a converted edition: Simplified input mapped; its words cut as in zh-Hans by :func:`add_vocabulary`.

    ``conversion`` and ``corrections`` are the edition's own, those of ``edition.convert``."""
    edition.query_map = character_map(displayed_pairs(corrections, report, conversion))
    edition.unsegmented = report_text(report)


def add_vocabulary(edition: Edition) -> None:
    """A converted edition's jieba words: the zh-Hans text's as jieba cuts them, converted, then the editors'.

    The one step of an edition that needs jieba's dictionary, so it can be taken
    where that is loaded (see :func:`build_tools.editions.build.build_edition`).
    """
    if not edition.unsegmented:
        return
    convert, own = edition.convert, edition.jieba_words
    vocabulary = segmented_vocabulary(edition.unsegmented, convert, own)
    edition.jieba_words = {**vocabulary, **dict(zip(convert_all(convert, list(own)), own.values(), strict=True))}
    edition.unsegmented = ""


def character_map(pairs: Counter[tuple[str, str]]) -> dict[str, str]:
    """For each character the conversion ever changes, its most frequent form in this edition.

    ``pairs``: the text's (source, converted) characters counted, in the order they first occur
    (:func:`displayed_pairs`). Counting unchanged places too matters: 制 stays 制 more often than
    it becomes 製. Lets a reader type Simplified into the zh-Hant search and still find the text.
    """
    changed = {s for s, t in pairs if s != t}
    counts: dict[str, Counter] = {s: Counter() for s in changed}
    for (s, t), n in pairs.items():
        if s in counts:
            counts[s][t] = n  # in the order the forms first occur, as most_common breaks ties
    best = {s: c.most_common(1)[0][0] for s, c in sorted(counts.items())}
    return {s: t for s, t in best.items() if s != t}


def segmented_vocabulary(text: str, convert, words: dict[str, int]) -> dict[str, int]:
    """The zh-Hans text's words as jieba cuts them (with the editors' words), converted, with their frequencies.

    jieba's dictionary is Simplified; given these words at the weights it gave the
    originals, it cuts the converted text where it cuts the original, so 烏海湖 and
    幹部 index like 乌海湖 and 干部. A tokenizer of its own keeps the shared one clean.
    """
    with tokenizer_with(words) as tokenizer:
        cut = sorted({w for w in tokenizer.lcut(text) if len(w) > 1 and not w.isascii()})
        frequencies = [tokenizer.FREQ.get(w) or 1 for w in cut]
    return {t: f for w, t, f in zip(cut, convert_all(convert, cut), frequencies, strict=True) if t != w}


_ABSENT = object()


@contextmanager
def tokenizer_with(words: dict[str, int]):
    """A jieba tokenizer with jieba's own dictionary and these words, which leave it again afterwards.

    Not a copy of the dictionary: copying half a million words took longer than the
    cut. The words (and the prefixes jieba adds with them) are written into the
    dictionary loaded once per process, and what they replaced is put back.
    """
    import jieba

    freq, total = _jieba_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    replaced = {word[:end]: freq.get(word[:end], _ABSENT) for word in words for end in range(1, len(word) + 1)}
    try:
        for word, frequency in words.items():
            tokenizer.add_word(word, frequency)
        yield tokenizer
    finally:
        for key, value in replaced.items():
            if value is _ABSENT:
                freq.pop(key, None)
            else:
                freq[key] = value


@lru_cache(maxsize=1)
def _jieba_dictionary():
    """jieba's own dictionary, loaded once per process (the slow part of a tokenizer)."""
    import jieba

    base = jieba.Tokenizer()
    with _cache_read_whole(jieba):
        base.initialize()
    return base.FREQ, base.total


class _WholeFileMarshal:
    """``marshal`` as jieba's cache loading sees it: the file read whole, then parsed.

    jieba (0.42.1) loads its 9 MB dictionary cache with ``marshal.load(file)``,
    which reads the file piece by piece: 0.6 s on a build machine, against 0.2 s
    for ``marshal.loads`` of the whole file. The cache file, its checks and the
    dictionary are jieba's own. Pinned to jieba's version by tests/test_jieba.py.
    """

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


@contextmanager
def _cache_read_whole(jieba_module):
    """While in it, jieba reads its dictionary cache whole (see :class:`_WholeFileMarshal`)."""
    jieba_module.marshal = _WholeFileMarshal
    try:
        yield
    finally:
        jieba_module.marshal = marshal
