"""Where the editor-owned inputs are: the seed paths the report plugin's options name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Seeds:
    """Where the editor-owned inputs are."""

    report: Path
    overrides: Path | None
    glossary: Path | None = None
    not_terms: Path | None = None
    metrics: Path | None = None
    corrections: Path | None = None
    search_words: Path | None = None
    outcomes: Path | None = None
    translation: Path | None = None
    qualifiers: Path | None = None
    # The translated edition's UI labels (a PO file).
    labels: Path | None = None
    # Readings of polyphonic characters in glossary terms, for the pinyin on a translated glossary page.
    pinyin: Path | None = None


SEED_OPTIONS = (
    "report",
    "overrides",
    "glossary",
    "not_terms",
    "metrics",
    "corrections",
    "search_words",
    "outcomes",
    "translation",
    "qualifiers",
    "labels",
    "pinyin",
)


def seeds_from_options(root: Path, options) -> Seeds:
    """The seed paths named by the report plugin's options, relative to the config's folder.

    The plugin and the command line both read them here, so they always read the same files.
    """
    paths: dict[str, Any] = {key: root / options[key] if options.get(key) else None for key in SEED_OPTIONS}
    return Seeds(**paths)
