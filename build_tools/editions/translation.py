"""The English translation: editor-owned gettext data, checked against the Chinese.

Every block unit of the report (title, front matter, headings, run-in
headings, paragraph blocks) has its public id; a PO file holds one entry per
unit: ``msgctxt`` = the id, ``msgid`` = the Chinese as displayed, ``msgstr`` =
the English. The template comes from the model (:func:`template`); the
translators' file (seeds/en.po) is only ever read.

Each translated unit is checked: the figures of the Chinese are in the
English with the same value, every qualifier (左右, 以上, 预计 …) is carried
by one of its renderings (seeds/qualifiers.yml), every glossary term has its
glossary rendering or a declared variant, and no Chinese is left in the
English except a term given in parentheses after its rendering.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from build_tools.annotate.glossary import Entry, Matcher, find_spans, form_matcher
from build_tools.annotate.glossary_en import core, plain
from build_tools.editions.numbers import english, missing_figures, zh_figures
from build_tools.editions.qualifiers import Qualifier, en_renderings, uncarried, zh_qualifiers
from build_tools.model import Report
from build_tools.parse.punct import to_display
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import shared
from build_tools.seeds.yamlio import display_path, read_text

HEADER_COMMENT = (
    "English edition of the report: an unofficial translation, not published by the\n"
    "government that issued the report. msgctxt = the unit's public id, msgid = its\n"
    "Chinese as displayed, msgstr = the English."
)
METADATA = {
    "Project-Id-Version": "wuhai-report-edition",
    "Language": "en",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}
# Chinese characters and fullwidth punctuation; curly quotes are English punctuation too.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# A parenthesis right after a word: "Ulan Muqir (乌兰牧骑)". It is looked behind from the parenthesis: a pattern
# opening with a lookbehind is tried at every character, one opening with a literal only where that character is.
GIVEN_TERM = re.compile(r"\((?<=[\w\"”'’] \()([^()]*)\)")


@dataclass
class Unit:
    """One translatable unit: its public id, its Chinese as displayed and as in the seed."""

    id: str
    zh: str
    source: str


def units(report: Report) -> list[Unit]:
    """Every unit of the report, in reading order."""
    front = [("title", report.title), ("subtitle", report.subtitle)]
    front += [(f"meta-{k}", f"{label}:{value}") for k, (label, value) in enumerate(report.meta, 1)]
    front += [("speaker", report.speaker), ("salutation", report.salutation)]
    texts = front + _blocks(report.opening)
    for part in report.parts:
        texts += [(part.id, part.heading)] + _blocks(part.before)
        for section in part.sections:
            texts += [(section.id, section.heading + section.title_end)] + _blocks(section.paragraphs)
        texts += _blocks(part.after)
    texts += _blocks(report.closing)
    return [Unit(uid, to_display(text), text) for uid, text in texts if text]


def _blocks(paragraphs) -> list[tuple[str, str]]:
    """(id, text) of the run-in headings and bodies of paragraphs, in reading order."""
    return [
        pair
        for para in paragraphs
        for block in para.blocks
        for pair in ([(block.heading_id, block.heading)] if block.heading else []) + [(block.id, block.body)]
    ]


def template(report: Report) -> polib.POFile:
    """The POT of the report: one untranslated entry per unit."""
    pot = polib.POFile(wrapwidth=0)
    pot.header = HEADER_COMMENT
    pot.metadata = dict(METADATA)
    for unit in units(report):
        pot.append(polib.POEntry(msgctxt=unit.id, msgid=unit.zh, msgstr=""))
    return pot


# -- glossary ------------------------------------------------------------------


def has_rendering(en: str, entry: Entry) -> bool:
    """Whether the English carries the entry's rendering or one of its declared variants (a plural -s may follow)."""
    text = plain(en)
    return any(_starting_word(f).search(text) for f in (entry.en, *entry.en_variants) if core(f))


@functools.cache  # one pattern per rendering, for every unit that has the term
def _starting_word(rendering: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(core(rendering)))


# -- Chinese left in the English -------------------------------------------------


def stray_chinese(en: str, zh: str) -> list[str]:
    """Chinese in the English that is not a term of this unit given in parentheses after a word."""
    chinese = list(CHINESE.finditer(en))
    if not chinese:
        return []
    allowed = [m.span(1) for m in GIVEN_TERM.finditer(en) if m.group(1).strip() and m.group(1).strip() in zh]
    return [m.group(0) for m in chinese if not any(a <= m.start() and m.end() <= b for a, b in allowed)]


# -- the checks on one unit ------------------------------------------------------


@dataclass
class Counts:
    """What the checks looked at, for the closing report."""

    units: int = 0
    translated: int = 0
    figures: int = 0
    qualifiers: int = 0
    terms: int = 0


@dataclass
class Terms:
    """The glossary as the checks look it up: its forms, its entries by id, their matcher."""

    forms: dict[str, Entry]
    by_id: dict[str, Entry]
    matcher: Matcher

    @classmethod
    def of(cls, glossary: list[Entry]) -> Terms:
        forms = {f: e for e in glossary for f in e.forms}
        return cls(forms, {e.id: e for e in glossary}, form_matcher(forms))


def check_unit(unit: Unit, en: str, terms: Terms, qualifiers: list[Qualifier], counts: Counts) -> list[str]:
    """Problems of one translated unit, each saying what to fix."""
    problems = []
    counts.figures += len(zh_figures(unit.zh))
    for written, value in missing_figures(unit.zh, en):
        problems.append(f"the figure {written} of the Chinese is not in the English; write it as {english(value)}")
    found = zh_qualifiers(unit.source, qualifiers)
    counts.qualifiers += len(found)
    for q in uncarried(found, en_renderings(en, qualifiers)):
        problems.append(f"the qualifier {q.zh} is not carried; the English needs one more of: {', '.join(q.en)}")
    marked = dict.fromkeys(key for _, _, key in find_spans(unit.source, terms.forms, terms.matcher))
    counts.terms += len(marked)
    for key in marked:
        entry = terms.by_id[key]
        if not has_rendering(en, entry):
            problems.append(
                f'the glossary term {entry.term} needs its rendering "{core(entry.en)}" in the English'
                f" (or a variant declared under en_variants in the glossary)"
            )
    for text in stray_chinese(en, unit.zh):
        problems.append(
            f'Chinese "{text}" in the English; translate it (a Chinese term may follow its English'
            f' rendering in parentheses, as in "Ulan Muqir (乌兰牧骑)")'
        )
    return problems


# -- the PO file -----------------------------------------------------------------


@dataclass
class Status:
    """The state of a translation: counts, and notes that are errors only in strict mode."""

    counts: Counts
    untranslated: list[str] = field(default_factory=list)  # unit ids
    fuzzy: list[SeedError] = field(default_factory=list)
    obsolete: list[SeedError] = field(default_factory=list)
    missing: list[SeedError] = field(default_factory=list)

    def summary(self, shown: str) -> str:
        c = self.counts
        return (
            f"{shown}: {c.translated} of {c.units} units translated, {len(self.untranslated)} untranslated,"
            f" {len(self.fuzzy)} fuzzy, {len(self.obsolete)} obsolete; checked {c.figures} figures,"
            f" {c.qualifiers} qualifiers, {c.terms} glossary terms"
        )


def read_po(path: Path | str) -> polib.POFile:
    """Parse a PO file; a syntax error is one line naming the line of the file."""
    return _read_po(Path(path))  # a Path: the shared parse is keyed by the file's bytes, not its name


@shared  # the translation is checked, then its texts read: one parse (never changed after it)
def _read_po(path: Path) -> polib.POFile:
    shown = display_path(path)
    text = read_text(path, "the English translation, a gettext PO file (see seeds/README.md)")
    try:
        return polib.pofile(text, encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as exc:
        line = re.search(r"\(line (\d+)\)", str(exc))
        raise SeedError(
            shown,
            int(line.group(1)) if line else None,
            "PO syntax error; check the quotes and the msgctxt/msgid/msgstr keywords",
        ) from None


def check_translation(
    path: Path | str, report: Report, glossary: list[Entry], qualifiers: list[Qualifier], strict: bool = False
) -> Status:
    """Read and check the translation; raise every problem at once, or return its status."""
    shown = display_path(path)
    po = read_po(path)
    errors = _header_errors(po, shown)
    todo = {u.id: u for u in units(report)}
    status = Status(Counts(units=len(todo)))
    terms = Terms.of(glossary)
    seen: dict[str, int] = {}
    for entry in (e for e in po if not e.obsolete):
        where, uid = entry.linenum, entry.msgctxt
        if not uid:
            errors.append(SeedError(shown, where, "entry without msgctxt; msgctxt must be the unit's id (see README)"))
            continue
        if uid in seen:
            errors.append(
                SeedError(shown, where, f"{uid}: a second entry for this id (first at line {seen[uid]}); keep one")
            )
            continue
        seen[uid] = where
        unit = todo.pop(uid, None)
        if unit is None:
            status.obsolete.append(
                SeedError(shown, where, f"{uid}: obsolete, no unit of the report has this id; remove the entry")
            )
        elif entry.msgid != unit.zh:
            status.fuzzy.append(
                SeedError(
                    shown,
                    where,
                    f"{uid}: the Chinese has changed since this was translated;"
                    " revise the English and set msgid to the current Chinese (msgmerge does it)",
                )
            )
        elif "fuzzy" in entry.flags:
            status.fuzzy.append(
                SeedError(shown, where, f"{uid}: marked fuzzy; review the English, then remove the flag")
            )
        elif not entry.msgstr.strip():
            status.untranslated.append(uid)
        else:
            status.counts.translated += 1
            problems = check_unit(unit, entry.msgstr, terms, qualifiers, status.counts)
            errors += [SeedError(shown, where, f"{uid}: {p}") for p in problems]
    status.untranslated += list(todo)
    status.missing = [
        SeedError(shown, None, f"{uid}: no entry; add one (python -m build_tools po-template)") for uid in todo
    ]
    if strict:
        errors += status.fuzzy + status.obsolete + status.missing
        errors += [SeedError(shown, seen[u], f"{u}: not translated") for u in status.untranslated if u in seen]
    raise_all(errors)
    return status


def _header_errors(po: polib.POFile, shown: str) -> list[SeedError]:
    meta = po.metadata
    errors = []
    if meta.get("Language") != "en":
        errors.append(SeedError(shown, 1, "the header must say Language: en"))
    if "charset=utf-8" not in meta.get("Content-Type", "").lower().replace(" ", ""):
        errors.append(SeedError(shown, 1, "the header must say Content-Type: text/plain; charset=UTF-8"))
    # Readers are told the English is not the government's own text; the file says so too.
    if "unofficial translation" not in po.header:
        errors.append(
            SeedError(shown, 1, "the comment at the top must say this is an unofficial translation; put it back")
        )
    return errors


def write_template(report: Report | polib.POFile, out: Path | str) -> int:
    """Write the POT (of a report, or a given one) to a .pot file (never to an editor's .po); the number of entries."""
    out = Path(out)
    if out.suffix != ".pot":
        raise SeedError(
            display_path(out), None, "write the template to a .pot file; merge it into a .po file with msgmerge"
        )
    pot = report if isinstance(report, polib.POFile) else template(report)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(str(pot) + "\n", encoding="utf-8")
    tmp.replace(out)
    return len(pot)
