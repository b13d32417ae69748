"""The English texts of the edition's own pages: seeds/en-glossary.po and seeds/en-metrics.po.

Same format and machinery as the report's translation (:mod:`.translation`):
read with polib, one line per problem naming the PO file's line. A page lists
the texts it needs (``needed()`` of render/glossary_page_en.py and
render/metrics_page_en.py) as (msgctxt, Chinese msgid); this module writes the
template of them (never an editor's .po) and reads the translators' files.

An entry whose context names one text (``g-1a2b3c4d:definition``) but whose
msgid is no longer that text's Chinese is fuzzy: the Chinese changed after it
was translated. In a shared context (``label``, ``status``…) such an entry is
obsolete: no text has that Chinese any more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from build_tools.seeds.english import Msg, Texts, missing
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.yamlio import display_path

from .translation import METADATA, _header_errors, read_po

# A value the program puts into a text ({periods}, {n}); the English must keep it.
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
HEADER = (
    "English words of the edition's own pages (an unofficial translation, not published by\n"
    "the government that issued the report). msgctxt = where the text is used (see\n"
    "seeds/README.md), msgid = the Chinese, msgstr = the English."
)


@dataclass
class PoStatus:
    """What one file holds: the texts, and the notes that are errors only in strict mode."""

    texts: Texts
    fuzzy: list[SeedError] = field(default_factory=list)
    obsolete: list[SeedError] = field(default_factory=list)
    untranslated: list[SeedError] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.texts.path}: {len(self.texts.english)} texts translated, {len(self.untranslated)} untranslated,"
            f" {len(self.fuzzy)} fuzzy, {len(self.obsolete)} obsolete"
        )


def template(msgs: list[Msg]) -> polib.POFile:
    """The POT of a page's texts: one untranslated entry per (context, Chinese), in page order."""
    pot = polib.POFile(wrapwidth=0)
    pot.header = HEADER
    pot.metadata = dict(METADATA)
    seen = set()
    for m in msgs:
        if (m.context, m.zh) not in seen:
            seen.add((m.context, m.zh))
            pot.append(polib.POEntry(msgctxt=m.context, msgid=m.zh, msgstr="", comment=m.note))
    return pot


def write_template(msgs: list[Msg], out: Path | str) -> int:
    """Write the POT to a new .pot file (never to an editor's .po); returns the number of entries."""
    out = Path(out)
    if out.suffix != ".pot":
        raise SeedError(
            display_path(out), None, "write the template to a .pot file; merge it into a .po file with msgmerge"
        )
    pot = template(msgs)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(str(pot) + "\n", encoding="utf-8")
    tmp.replace(out)
    return len(pot)


def load_texts(path: Path | str, msgs: list[Msg], strict: bool = False) -> PoStatus:
    """Read one PO file against the texts its page needs; raise its errors (all notes too when strict)."""
    shown = display_path(path)
    po = read_po(path)
    errors = _header_errors(po, shown)
    wanted = {(m.context, m.zh) for m in msgs}
    single: dict[str, list[str]] = {}
    for m in msgs:
        single.setdefault(m.context, []).append(m.zh)
    status = PoStatus(Texts(shown))
    seen: dict[tuple[str, str], int] = {}
    revised: set[str] = set()  # contexts whose one text has changed: their entry is fuzzy, not missing
    for entry in (e for e in po if not e.obsolete):
        key, line = (entry.msgctxt or "", entry.msgid), entry.linenum
        if key in seen:
            errors.append(SeedError(shown, line, f"{key[0]}: a second entry for this text (first at line {seen[key]})"))
            continue
        seen[key] = line
        if key not in wanted:
            fuzzy, error = _stale(shown, line, key[0], single.get(key[0], []))
            (status.fuzzy if fuzzy else status.obsolete).append(error)
            revised |= {key[0]} if fuzzy else set()
        elif "fuzzy" in entry.flags:
            status.fuzzy.append(
                SeedError(shown, line, f"{key[0]}: marked fuzzy; review the English, then remove the flag")
            )
        elif not entry.msgstr.strip():
            status.untranslated.append(SeedError(shown, line, f"{key[0]}: not translated"))
        else:
            lost = [name for name in PLACEHOLDER.findall(entry.msgid) if name not in entry.msgstr]
            if lost:
                errors.append(
                    SeedError(shown, line, f"{key[0]}: keep {', '.join(lost)} in the English; the program fills it in")
                )
            status.texts.english[key] = entry.msgstr
    # A text the page needs that has no entry at all (the template has changed since the file was merged).
    absent = sorted(k for k in wanted - set(seen) if k[0] not in revised)
    status.untranslated += [SeedError(shown, None, missing(c, zh)) for c, zh in absent]
    if strict:
        errors += status.fuzzy + status.obsolete + status.untranslated
    raise_all(errors)
    return status


def _stale(shown: str, line: int, context: str, current: list[str]) -> tuple[bool, SeedError]:
    """An entry no text needs: fuzzy when its context names one text whose Chinese changed, else obsolete."""
    if len(current) == 1 and ":" in context:
        return True, SeedError(
            shown,
            line,
            f"{context}: the Chinese has changed since this was translated; revise the English and set msgid"
            f" to the current Chinese: {current[0]}",
        )
    return False, SeedError(shown, line, f"{context}: obsolete, no text of the page has this Chinese; remove it")
