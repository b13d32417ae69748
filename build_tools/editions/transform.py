"""Where an edition's text transform comes from: identity, a script conversion, or (later) a translation."""

from __future__ import annotations

from collections.abc import Callable

from build_tools.annotate import outcomes
from build_tools.model import Report, displayed_text
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import Seeds

from .edition import EditionEntry


def text_transform(seeds: Seeds, entry: EditionEntry, text: str | None = None) -> Callable[[str], str]:
    """An edition's text transform, as its entry names it: a translation, a script conversion, or none.

    The one place an edition's text comes from; ``text`` is the source text the
    transform applies to (the correction table's phrases must occur in it).
    """
    check_buildable(entry)
    return converter(seeds, entry.conversion or None, text)


def check_buildable(entry: EditionEntry) -> None:
    """Refuse an edition whose transform does not exist yet, before anything is written."""
    if entry.translation:
        # The PO-based transform of a translated edition plugs in here (text_transform).
        raise SeedError(
            "mkdocs.yml",
            None,
            f"edition '{entry.lang}': a 'translation' edition ({entry.translation}) "
            "cannot be built yet (its transform is not implemented); remove the entry or its 'translation'",
        )


def converter(seeds: Seeds, conversion: str | None, text: str | None = None) -> Callable[[str], str]:
    """The text conversion of an edition: identity for zh-Hans, OpenCC plus corrections otherwise.

    ``text`` is what the corrections apply to; each corrected phrase must occur in it.
    """
    if not conversion:
        return lambda s: s
    from build_tools.editions.hant import Converter, load_corrections

    corrections = load_corrections(seeds.corrections, text) if seeds.corrections else {}
    return Converter(conversion, corrections).convert


def converted_text(report: Report, entries: list, found: list | None = None) -> str:
    """Every zh-Hans text an edition converts that comes from the seeds: the report, the glossary, the outcomes."""
    return "\n".join(
        [displayed_text(report), *(f"{e.term}\n{e.definition}" for e in entries), *outcomes.texts(found or [])]
    )


def convert_all(convert, words: list[str]) -> list[str]:
    """Convert many words in one call (the conversion keeps lengths, so lines map back one to one)."""
    return convert("\n".join(words)).split("\n") if words else []
