"""A translated edition's own words: its UI labels file, a gettext PO file like the translation.

One entry per label of :mod:`build_tools.render.labels`: ``msgctxt`` = the label's name
(``HOME``), ``msgid`` = its zh-Hans text (首页), ``msgstr`` = the edition's. Kept apart from
the report's translation so that the report's units and their checks (figures, qualifiers,
terms) stay the report's alone, and translators edit both files in the same tools.
"""

from __future__ import annotations

from pathlib import Path

import polib

from build_tools.editions.translation import CHINESE, METADATA, read_po
from build_tools.render import labels
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.yamlio import display_path

HEADER = "UI labels of a translated edition: msgctxt = the label's name, msgid = its zh-Hans text."


def labels_template() -> polib.POFile:
    """The POT of the UI labels: one untranslated entry per label."""
    pot = polib.POFile(wrapwidth=0)
    pot.header = HEADER
    pot.metadata = dict(METADATA)
    for key, zh in labels.table().items():
        pot.append(polib.POEntry(msgctxt=key, msgid=zh, msgstr=""))
    return pot


def load_labels(path: Path | str, strict: bool = False, report: list[str] | None = None) -> dict[str, str]:
    """The edition's label of every name, checked; raise every problem at once, each with its line.

    Missing, fuzzy (the zh-Hans label changed) and untranslated labels are errors in strict
    mode; otherwise such a label keeps its zh-Hans text and ``report`` receives the problem.
    """
    shown = display_path(path)
    source = labels.table()
    out = dict(source)
    errors, notes = [], []
    seen: set[str] = set()
    for entry in (e for e in read_po(path) if not e.obsolete):
        key, where = entry.msgctxt or "", entry.linenum
        if key not in source:
            notes.append(SeedError(shown, where, f"{key or '(no msgctxt)'}: no such label; remove the entry"))
        elif key in seen:
            errors.append(SeedError(shown, where, f"{key}: a second entry for this label; keep one"))
        elif entry.msgid != source[key] or "fuzzy" in entry.flags:
            notes.append(SeedError(shown, where, f"{key}: the label is now {source[key]!r}; revise the translation"))
        elif not entry.msgstr.strip():
            notes.append(SeedError(shown, where, f"{key}: not translated"))
        elif stray := CHINESE.findall(entry.msgstr):
            errors.append(SeedError(shown, where, f"{key}: Chinese {''.join(stray)!r} in the translation"))
        else:
            out[key] = entry.msgstr
        seen.add(key)
    missing = [SeedError(shown, None, f"{key}: no entry; add one") for key in source if key not in seen]
    raise_all(errors + (notes + missing if strict else []))
    if report is not None:
        report += [str(e) for e in notes + missing]
    return out
