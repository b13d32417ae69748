"""The editors' glossary: validate it, find every occurrence, explain it on the page.

Python-Markdown's ``abbr`` matches on word boundaries, and there is none
between two Chinese characters (认真落实河长制、林长制), so matching is
ours: longest surface form first, left to right, on the report's text
only (never on ids, URLs or markup, which are added afterwards).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.model import Annotations, Report, Tip, report_text
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import shared
from build_tools.seeds.shapes import load_checked, load_seed
from build_tools.seeds.yamlio import display_path, line_of

ID_LIKE = re.compile(r"^[a-z]+[0-9]*(-[0-9a-z]+)*$")
QUOTED = re.compile(r"“([^“”]+)”")
# Claims a definition may only make with a source: a number (a year, a date, a count) or a document's title.
CLAIM = re.compile(r"[0-9]+(?:\.[0-9]+)?|《[^《》]+》")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULLWIDTH_DIGIT = re.compile("[０-９]")


@dataclass
class Entry:
    term: str
    en: str
    category: str
    definition: str
    basis: str
    aliases: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    # Other English renderings a translation may use for the term (checked in seeds/en.po).
    en_variants: list[str] = field(default_factory=list)
    line: int | None = None

    @property
    def id(self) -> str:
        """A stable ASCII anchor: from the term itself, so reordering the file breaks no link."""
        return term_id(self.term)

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.aliases]


@functools.cache  # asked for at every match of every edition
def term_id(term: str) -> str:
    """The anchor of a term: "g-" and the first 8 hex digits of the SHA-1 of its UTF-8 bytes."""
    return "g-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:8]


def load_glossary(path: Path | str, report: Report | None = None) -> list[Entry]:
    """Read seeds/glossary.yml: its schema, then what only the report can tell; all problems together."""
    shown = display_path(path)
    data, found = load_checked(path, "glossary", "the glossary: a YAML list of entries (see seeds/README.md)")
    if not data:
        # The glossary page is a public URL: an emptied file would make it disappear.
        raise SeedError(
            shown,
            line_of(data),
            "the glossary is empty; it must list at least one entry "
            "(the page /glossary/ is public; restore the file from git if it was emptied by mistake)",
        )
    errors = [e for _, e in found]
    if isinstance(data, list):
        broken = {path[0] for path, _ in found if path}
        entries = [_entry(item) for k, item in enumerate(data) if k not in broken]
        # A broken entry's term still exists for see_also: one mistake, one error.
        named = {
            item["term"]
            for k, item in enumerate(data)
            if k in broken and isinstance(item, dict) and isinstance(item.get("term"), str)
        }
        errors += _cross_checks(entries, shown, report, named)
    raise_all(errors)
    return entries


def _entry(item: dict) -> Entry:
    """One entry of a schema-valid glossary; values keep their YAML line."""
    fields: dict[str, Any] = {k: (v if isinstance(v, str) else list(v or [])) for k, v in item.items()}
    return Entry(**fields, line=line_of(item))


def _cross_checks(
    entries: list[Entry], shown: str, report: Report | None, named: Set[str] = frozenset()
) -> list[SeedError]:
    """Duplicates, dangling see_also, terms absent from the report, basis ids that do not exist."""
    errors: list[SeedError] = []
    seen: dict[str, int | None] = {}
    for e in entries:
        for form in e.forms:
            if form in seen:
                errors.append(
                    SeedError(
                        shown,
                        line_of(form, e.line),
                        f"'{form}' is already an entry or alias at line {seen[form]}; keep one",
                    )
                )
            else:
                seen[form] = line_of(form, e.line)
    terms = {e.term for e in entries} | named
    for e in entries:
        for other in e.see_also:
            if other not in terms:
                errors.append(
                    SeedError(shown, line_of(other, e.line), f"see_also '{other}' is not a term of the glossary")
                )
    if report is None:
        return errors
    present = _occurring({f for e in entries for f in e.forms}, report_text(report))
    ids = report_ids(report)
    for e in entries:
        for form in e.forms:
            if form not in present:
                errors.append(
                    SeedError(
                        shown,
                        line_of(form, e.line),
                        f"'{form}' never occurs in the report; check the spelling against the text or remove it",
                    )
                )
        if ID_LIKE.match(e.basis) and e.basis not in ids:
            errors.append(
                SeedError(
                    shown,
                    line_of(e.basis, e.line),
                    f"basis '{e.basis}' is not a paragraph id of the report (ids look like p1-3-1; see README)",
                )
            )
    contexts = basis_contexts(report)
    for e in entries:
        unsourced = unsourced_claims(e, contexts)
        if unsourced:
            errors.append(
                SeedError(
                    shown,
                    line_of(e.definition, e.line),
                    f"the definition states {'、'.join(unsourced)}, which paragraph {e.basis} does not: "
                    "write in 'basis' the document it comes from (e.g. 国务院《…》（2022年）), or leave it out",
                )
            )
    return errors


def claims(text: str) -> set[str]:
    """What a text asserts that needs a source: numbers (years, dates, counts) and document titles."""
    # Translating looks up every character of a text that is not all ASCII: only where there is a digit to change.
    return set(CLAIM.findall(text.translate(FULLWIDTH_DIGITS) if FULLWIDTH_DIGIT.search(text) else text))


def basis_contexts(report: Report) -> dict[str, set[str]]:
    """For each paragraph or block id, the claims its own text and the headings above it state."""
    contexts: dict[str, set[str]] = {}
    for part, section, para, block in report.blocks():
        if para.id not in contexts:  # each block of a paragraph has the paragraph's context
            headings = (part.heading if part else "") + (section.heading if section else "")
            contexts[para.id] = claims(headings + para.text)
        contexts[block.id] = contexts[para.id]
    return contexts


def unsourced_claims(entry: Entry, contexts: dict[str, set[str]]) -> list[str]:
    """The claims of a definition whose basis is a paragraph that does not state them.

    A basis naming a document is the definition's source; a paragraph id is a
    source only for what that paragraph (or its part's and section's headings) says.
    """
    if not ID_LIKE.match(entry.basis) or entry.basis not in contexts:
        return []
    return sorted(claims(entry.definition) - contexts[entry.basis])


# Past this length a definition is no longer the "one to three sentences" the guide asks for.
DEFINITION_MAX = 300


@shared
def glossary_warnings(entries: list[Entry], report: Report, shown: str) -> list[SeedError]:
    """What does not stop the build but an editor should fix: entries never marked, definitions too long."""
    return unmarked(entries, report, shown) + definition_warnings(entries, shown)


def unmarked(entries: list[Entry], report: Report, shown: str) -> list[SeedError]:
    """Entries that occur in the report but are never marked: always inside (or overlapped by) another term."""
    _, marked_in = annotate(report, entries)  # the pages' own marks (one always inside a longer term has none)
    marked = {key for key, blocks in marked_in.items() if blocks}
    text = report_text(report)
    forms = {f for e in entries for f in e.forms}
    warnings = []
    for e in entries:
        if e.id in marked or not any(f in text for f in e.forms):
            continue
        longer = sorted({f for f in forms for g in e.forms if g in f and f not in e.forms and f in text})
        where = (
            f"occurs only inside the longer term {'、'.join(longer)}"
            if longer
            else "is always overlapped by another term"
        )
        warnings.append(
            SeedError(
                shown,
                e.line,
                f"'{e.term}' {where}, so it is never marked in the text; explain it in that entry, or remove it",
            )
        )
    return warnings


def definition_warnings(entries: list[Entry], shown: str) -> list[SeedError]:
    """Definitions too long for a tooltip on a phone (the tooltip is cut; the glossary page shows all)."""
    return [
        SeedError(
            shown,
            line_of(e.definition, e.line),
            f"the definition of '{e.term}' has {len(e.definition)} characters; the guide asks for one to three "
            f"sentences (at most {DEFINITION_MAX} characters), and tooltips show only the beginning",
        )
        for e in entries
        if len(e.definition) > DEFINITION_MAX
    ]


def check_quotes(
    report: Report, entries: list[Entry], not_terms: dict[str, int | None], glossary: str, not_terms_path: str | None
) -> list[SeedError]:
    """Every quoted phrase of the report is a term or a not-a-term, never both; not-terms are quoted phrases.

    The rule comes with the not-a-term list: without one configured, nothing says a phrase was looked at.
    """
    errors: list[SeedError] = []
    if not_terms_path is None:
        return errors
    lines = {b.id: p.line for _, _, p, b in report.blocks()}
    for phrase, blocks in candidates(report, entries, set(not_terms)):
        errors.append(
            SeedError(
                report.source or "report",
                lines.get(blocks[0]),
                f"the quoted phrase “{phrase}” is neither in {glossary} "
                f"nor in {not_terms_path or 'the not-a-term list'}; "
                "add it to one of them (see seeds/README.md)",
            )
        )
    forms = {f: line_of(f, e.line) for e in entries for f in e.forms}
    quoted = {q for _, _, _, b in report.blocks() for t in (b.heading, b.body) for q in QUOTED.findall(t)}
    for phrase, line in not_terms.items():
        if phrase in forms:
            errors.append(
                SeedError(
                    not_terms_path,
                    line,
                    f"'{phrase}' is also in {glossary} (line {forms[phrase]}); keep it in one of the two",
                )
            )
        elif phrase not in quoted:
            errors.append(
                SeedError(
                    not_terms_path,
                    line,
                    f"'{phrase}' is not a quoted phrase of the report; "
                    "remove it, or copy the words inside the quotes exactly",
                )
            )
    return errors


def _occurring(forms: set[str], text: str) -> set[str]:
    """The forms that occur in text.

    One substring search per form: 0.7 ms for this glossary in the report, 9 ms for
    2,000 terms in ten times its text (make bench), where every substring of each
    form's length, gathered in a set, took 34 and 23 ms.
    """
    return {form for form in forms if form in text}


def report_ids(report: Report) -> set[str]:
    ids = {p.id for _, _, p in report.paragraphs()}
    ids |= {b.id for _, _, _, b in report.blocks()}
    return ids


def load_not_terms(path: Path | str | None) -> set[str]:
    """seeds/not-terms.yml: quoted phrases that are not terms (brands, event names, emphasis)."""
    return set(not_term_lines(path))


def not_term_lines(path: Path | str | None) -> dict[str, int | None]:
    """The not-a-term phrases with their lines; a phrase listed twice is an error at the second."""
    if path is None:
        return {}
    shown = display_path(path)
    data = load_seed(path, "not-terms", "a YAML list of '- phrase: …' entries", optional=True) or []
    phrases: dict[str, int | None] = {}
    errors = []
    for item in data:
        phrase = item["phrase"].strip()
        if phrase in phrases:
            errors.append(
                SeedError(
                    shown, line_of(item["phrase"]), f"'{phrase}' is already listed at line {phrases[phrase]}; keep one"
                )
            )
        phrases.setdefault(phrase, line_of(item["phrase"]))
    raise_all(errors)
    return phrases


# -- matching ----------------------------------------------------------------


def find_spans(text: str, forms: dict[str, Entry], matcher: Matcher | None = None) -> list[tuple[int, int, str]]:
    """Occurrences of any form in text: leftmost first, then longest, never overlapping."""
    pattern = (matcher or form_matcher(forms)).pattern
    return [(m.start(), m.end(), forms[m.group()].id) for m in pattern.finditer(text)]


@dataclass(frozen=True)
class Matcher:
    """The glossary's forms as one pattern, built once for many texts (see :func:`form_matcher`)."""

    pattern: re.Pattern[str]


def form_matcher(forms) -> Matcher:
    """The forms, longest first, as one alternation.

    At the leftmost place where any form occurs the longest wins, and the search goes on
    after it. re skips the characters no form begins with and tries, at each other place,
    only the forms that begin there: four times faster than the same loop in Python.
    """
    longest_first = sorted(filter(None, forms), key=len, reverse=True)
    return Matcher(re.compile("|".join(map(re.escape, longest_first)) if longest_first else "(?!)"))


@shared
def annotate(report: Report, entries: list[Entry]) -> tuple[Annotations, dict[str, list[str]]]:
    """Glossary marks for every block, and for each entry the block ids where it occurs."""
    forms = {form: e for e in entries for form in e.forms}
    notes = Annotations(tips={e.id: Tip(e.term, e.en, e.definition, e.id) for e in entries})
    where: dict[str, list[str]] = {e.id: [] for e in entries}
    matcher = form_matcher(forms)
    for _, _, _, block in report.blocks():
        for part in ("heading", "body"):
            spans = find_spans(getattr(block, part), forms, matcher)
            if spans:
                notes.marks[f"{block.id}/{part}"] = spans
            for _, _, key in spans:
                if block.id not in where[key]:
                    where[key].append(block.id)
    return notes, where


def candidates(report: Report, entries: list[Entry], not_terms: set[str]) -> list[tuple[str, list[str]]]:
    """Quoted phrases that are neither a term nor an alias nor on the not-a-term list, with their blocks."""
    known = {f for e in entries for f in e.forms} | not_terms
    found: dict[str, list[str]] = {}
    for _, _, _, block in report.blocks():
        for text in (block.heading, block.body):
            for phrase in QUOTED.findall(text):
                if phrase not in known and block.id not in found.setdefault(phrase, []):
                    found[phrase].append(block.id)
    return sorted(found.items(), key=lambda kv: kv[1][0])


def jieba_words(entries: list[Entry]) -> list[str]:
    """Every surface form, for jieba's user dictionary."""
    return [f for e in entries for f in e.forms]
