"""Where an edition's text transform comes from: identity, a script conversion, or a translation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from build_tools.annotate import outcomes
from build_tools.model import Report, displayed_text
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import Seeds

from .edition import EditionEntry


def text_transform(seeds: Seeds, entry: EditionEntry, text: str | None = None) -> Callable[[str], str]:
    """An edition's text transform, as its entry names it: a translation, a script conversion, or none.

    The one place an edition's text comes from; ``text`` is the source text the
    transform applies to (the correction table's phrases must occur in it). A
    translation's report pages come from its PO file (:mod:`.translated`), not from
    a transform of the Chinese: its transform leaves the handwritten pages (written
    in its language, ``about.<lang>.md``) and the configuration as they are.
    """
    check_buildable(entry)
    if entry.translation:
        return unchanged
    return converter(seeds, entry.conversion or None, text)


def unchanged(text: str) -> str:
    """The transform of an edition that keeps the text as it is (a function, not a lambda: it is pickled)."""
    return text


def check_buildable(entry: EditionEntry) -> None:
    """Refuse an edition its entry cannot say how to build, before anything is written."""
    if entry.translation and entry.conversion:
        raise SeedError(
            "mkdocs.yml",
            None,
            f"edition '{entry.lang}': names both a 'conversion' and a 'translation'; keep one",
        )
    if entry.translation and not entry.labels:
        raise SeedError(
            "mkdocs.yml",
            None,
            f"edition '{entry.lang}': a 'translation' edition needs 'labels', the PO file of its UI labels"
            " (see seeds/README.md)",
        )


def converter(seeds: Seeds, conversion: str | None, text: str | None = None) -> Callable[[str], str]:
    """The text conversion of an edition: identity for zh-Hans, OpenCC plus corrections otherwise.

    ``text`` is what the corrections apply to; each corrected phrase must occur in it.
    """
    return conversion_with(seeds.corrections, conversion, text)


def conversion_with(corrections: Path | None, conversion: str | None, text: str | None = None):
    """:func:`converter`, given the correction table's path (None: no table)."""
    if not conversion:
        return unchanged
    from build_tools.editions.hant import Converter, load_corrections

    return Converter(conversion, load_corrections(corrections, text) if corrections else {}).convert


def load_conversions(entries: Sequence[EditionEntry]) -> None:
    """Load the conversions these editions name (OpenCC's dictionaries, the slow part), ahead of their first use."""
    from build_tools.editions.hant import load_conversion

    for entry in entries:
        if entry.conversion:
            load_conversion(entry.conversion)


def converted_text(report: Report, entries: list, found: Sequence | None = None) -> str:
    """Every zh-Hans text an edition converts that comes from the seeds: the report, the glossary, the outcomes."""
    return "\n".join(
        [displayed_text(report), *(f"{e.term}\n{e.definition}" for e in entries), *outcomes.texts(found or ())]
    )


def converted_once(convert: Callable[[str], str], texts: Iterable[str]) -> Callable[[str], str]:
    """``convert``, applied to all these texts in one call and looked up: per call, a conversion is slow
    (OpenCC's), and the same short texts come again and again (a unit, a status). Other texts are converted
    as they come."""
    if convert is unchanged:
        return convert
    lines = sorted({text for text in texts if "\n" not in text})
    table = dict(zip(lines, convert_all(convert, lines), strict=True))
    return lambda text: table[text] if text in table else convert(text)


def convert_all(convert, words: list[str]) -> list[str]:
    """Convert many words in one call (the conversion keeps lengths, so lines map back one to one)."""
    return convert("\n".join(words)).split("\n") if words else []
