"""Checking every seed file the way the build reads it (`make check`)."""

from __future__ import annotations

from pathlib import Path

from build_tools.annotate.load import (
    entry_warnings,
    found_outcomes,
    load_entries,
    load_metrics,
    load_report,
    load_search_words,
    pair_outcomes,
)
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import Seeds
from build_tools.seeds.yamlio import display_path

from .transform import converted_text


def check_seeds(seeds: Seeds, strict: bool = False, notes: list[str] | None = None) -> tuple[int, list[SeedError]]:
    """Validate every seed file the way the build reads it; how many were read, and the warnings.

    ``notes`` receives what is reported without failing (the translation's status);
    ``strict`` makes a missing, fuzzy or obsolete translation an error.
    """
    report = load_report(seeds)
    count = 2
    entries = load_entries(seeds, report)
    warnings = entry_warnings(seeds, report, entries)
    count += 2 if seeds.glossary else 0
    found = found_outcomes(seeds)
    if seeds.corrections:
        from build_tools.editions.hant import load_corrections

        load_corrections(seeds.corrections, converted_text(report, entries, found))
        count += 1
    if seeds.metrics:
        _figures, indicators = load_metrics(seeds, report)
        count += 1
        if found:
            pair_outcomes(seeds, report, indicators, found)
            count += 1
    if seeds.search_words:
        load_search_words(seeds.search_words, report)
        count += 1
    if seeds.translation:
        from build_tools.editions.qualifiers import load_qualifiers
        from build_tools.editions.translation import check_translation

        qualifiers = load_qualifiers(seeds.qualifiers) if seeds.qualifiers else []
        status = check_translation(seeds.translation, report, entries, qualifiers, strict)
        if notes is not None:
            notes += [str(e) for e in status.fuzzy + status.obsolete + status.missing]
            notes.append(status.summary(display_path(seeds.translation)))
        count += 2 if seeds.qualifiers else 1
    if seeds.pinyin:
        from build_tools.editions.english_pages import pinyin_overrides

        pinyin_overrides(seeds, seeds.pinyin)
        count += 1
    if seeds.labels:
        from build_tools.editions.ui_labels import load_labels

        load_labels(seeds.labels, strict, notes)
        count += 1
    return count, warnings


def check_translated_pages(seeds: Seeds, entries: list, strict: bool, notes: list[str]) -> int:
    """The glossary and metrics PO files of each translated edition (``entries``: the editions, files resolved).

    What is stale or missing goes to ``notes`` (an error in strict mode); returns how many files were read.
    """
    from build_tools.editions.english_pages import needed_texts
    from build_tools.editions.english_po import load_texts

    count = 0
    for entry in entries:
        if not (entry.glossary_translation and entry.metrics_translation):
            continue
        # The files' state only: rendering the pages needs every text, which the notes say is missing.
        files = (Path(entry.glossary_translation), Path(entry.metrics_translation))
        for path, msgs in zip(files, needed_texts(seeds), strict=True):
            status = load_texts(path, msgs, strict)
            notes += [str(e) for e in status.fuzzy + status.obsolete + status.untranslated]
            notes.append(status.summary())
            count += 1
    return count
