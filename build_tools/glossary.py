"""The editors' glossary: validate it, find every occurrence, explain it on the page.

Python-Markdown's ``abbr`` matches on word boundaries, and there is none
between two Chinese characters (认真落实河长制、林长制), so matching is
ours: longest surface form first, left to right, on the report's text
only (never on ids, URLs or markup, which are added afterwards).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SeedError, raise_all
from .model import Annotations, Report, Tip
from .yamlio import LINE, check_keys, display_path, line_of, load_yaml

REQUIRED = {"term", "en", "category", "definition", "basis"}
OPTIONAL = {"aliases", "see_also", "en_variants"}
ID_LIKE = re.compile(r"^[a-z]+[0-9]*(-[0-9a-z]+)*$")
QUOTED = re.compile(r"“([^“”]+)”")
# Claims a definition may only make with a source: a number (a year, a date, a count) or a document's title.
CLAIM = re.compile(r"[0-9]+(?:\.[0-9]+)?|《[^《》]+》")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


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
        return "g-" + hashlib.sha1(self.term.encode("utf-8")).hexdigest()[:8]

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.aliases]


def load_glossary(path: Path | str, report: Report | None = None) -> list[Entry]:
    """Read and validate seeds/glossary.yml; all problems are reported together."""
    shown = display_path(path)
    data = load_yaml(path, "the glossary: a YAML list of entries (see seeds/README.md)")
    if data is None:
        return []
    if not isinstance(data, list):
        raise SeedError(shown, None, "expected a list of entries, each starting with '- term:'")
    entries, errors = [], []
    for item in data:
        entry, problems = _entry(item, shown)
        errors += problems
        if entry:
            entries.append(entry)
    errors += _cross_checks(entries, shown, report)
    raise_all(errors)
    return entries


def _entry(item, shown: str) -> tuple[Entry | None, list[SeedError]]:
    if not isinstance(item, dict):
        return None, [SeedError(shown, line_of(item), "each entry must be a mapping with term, en, category, definition, basis")]
    line = line_of(item)
    errors = check_keys(item, shown, REQUIRED, OPTIONAL)
    for key in REQUIRED & set(item):
        if not isinstance(item[key], str) or not item[key].strip():
            errors.append(SeedError(shown, line_of(item[key], line), f"'{key}' is empty; write it as plain text"))
    for key in OPTIONAL & set(item):
        value = item[key]
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value)):
            errors.append(SeedError(shown, line, f"'{key}' must be a list of terms, e.g. {key}: [河长制]"))
    if errors:
        return None, errors
    fields = {k: v for k, v in item.items() if k != LINE}
    # Values keep their YAML line (plain scalars carry no surrounding spaces to strip).
    entry = Entry(**{k: (v if isinstance(v, str) else list(v or [])) for k, v in fields.items()}, line=line)
    return entry, []


def _cross_checks(entries: list[Entry], shown: str, report: Report | None) -> list[SeedError]:
    """Duplicates, dangling see_also, terms absent from the report, basis ids that do not exist."""
    errors, seen = [], {}
    for e in entries:
        for form in e.forms:
            if form in seen:
                errors.append(SeedError(shown, line_of(form, e.line), f"'{form}' is already an entry or alias at line {seen[form]}; keep one"))
            else:
                seen[form] = line_of(form, e.line)
    terms = {e.term for e in entries}
    for e in entries:
        for other in e.see_also:
            if other not in terms:
                errors.append(SeedError(shown, line_of(other, e.line), f"see_also '{other}' is not a term of the glossary"))
    if report is None:
        return errors
    present = _occurring({f for e in entries for f in e.forms}, report_text(report))
    ids = report_ids(report)
    for e in entries:
        for form in e.forms:
            if form not in present:
                errors.append(SeedError(shown, line_of(form, e.line), f"'{form}' never occurs in the report; check the spelling against the text or remove it"))
        if ID_LIKE.match(e.basis) and e.basis not in ids:
            errors.append(SeedError(shown, line_of(e.basis, e.line), f"basis '{e.basis}' is not a paragraph id of the report (ids look like p1-3-1; see README)"))
    contexts = basis_contexts(report)
    for e in entries:
        unsourced = unsourced_claims(e, contexts)
        if unsourced:
            errors.append(SeedError(shown, line_of(e.definition, e.line),
                                    f"the definition states {'、'.join(unsourced)}, which paragraph {e.basis} does not: "
                                    "write in 'basis' the document it comes from (e.g. 国务院《…》（2022年）), or leave it out"))
    return errors


def claims(text: str) -> set[str]:
    """What a text asserts that needs a source: numbers (years, dates, counts) and document titles."""
    return set(CLAIM.findall(text.translate(FULLWIDTH_DIGITS)))


def basis_contexts(report: Report) -> dict[str, set[str]]:
    """For each paragraph or block id, the claims its own text and the headings above it state."""
    contexts: dict[str, set[str]] = {}
    for part, section, para, block in report.blocks():
        headings = (part.heading if part else "") + (section.heading if section else "")
        contexts[block.id] = contexts[para.id] = claims(headings + para.text)
    return contexts


def unsourced_claims(entry: Entry, contexts: dict[str, set[str]]) -> list[str]:
    """The claims of a definition whose basis is a paragraph that does not state them.

    A basis naming a document is the definition's source; a paragraph id is a
    source only for what that paragraph (or its part's and section's headings) says.
    """
    if not ID_LIKE.match(entry.basis) or entry.basis not in contexts:
        return []
    return sorted(claims(entry.definition) - contexts[entry.basis])


def _occurring(forms: set[str], text: str) -> set[str]:
    """The forms that occur in text, in time linear in the text per distinct form length."""
    found = set()
    for n in {len(f) for f in forms}:
        found |= forms & {text[i:i + n] for i in range(len(text) - n + 1)}
    return found


def report_text(report: Report) -> str:
    """All the report's block texts, one per line (matching never crosses a block)."""
    return "\n".join(t for _, _, _, b in report.blocks() for t in (b.heading, b.body))


def report_ids(report: Report) -> set[str]:
    ids = {p.id for _, _, p in report.paragraphs()}
    ids |= {b.id for _, _, _, b in report.blocks()}
    return ids


def load_not_terms(path: Path | str | None) -> set[str]:
    """seeds/not-terms.yml: quoted phrases that are not terms (brands, event names, emphasis)."""
    if path is None:
        return set()
    shown = display_path(path)
    data = load_yaml(path, "a YAML list of '- phrase: …' entries", optional=True) or []
    if not isinstance(data, list):
        raise SeedError(shown, None, "expected a list of '- phrase: …' entries")
    errors, phrases = [], set()
    for item in data:
        if not isinstance(item, dict):
            errors.append(SeedError(shown, line_of(item), "each entry must look like '- phrase: 乌海有礼'"))
            continue
        errors += check_keys(item, shown, {"phrase"}, {"why"})
        if isinstance(item.get("phrase"), str):
            phrases.add(item["phrase"].strip())
    raise_all(errors)
    return phrases


# -- matching ----------------------------------------------------------------

def find_spans(text: str, forms: dict[str, Entry], index: dict[str, list[str]] | None = None) -> list[tuple[int, int, str]]:
    """Occurrences of any form in text: leftmost first, then longest, never overlapping."""
    by_first = index if index is not None else first_char_index(forms)
    spans, i = [], 0
    while i < len(text):
        match = next((f for f in by_first.get(text[i], ()) if text.startswith(f, i)), None)
        if match:
            spans.append((i, i + len(match), forms[match].id))
            i += len(match)
        else:
            i += 1
    return spans


def first_char_index(forms) -> dict[str, list[str]]:
    """Forms by their first character, longest first: the matcher's lookup table, built once."""
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form)
    return by_first


def annotate(report: Report, entries: list[Entry]) -> tuple[Annotations, dict[str, list[str]]]:
    """Glossary marks for every block, and for each entry the block ids where it occurs."""
    forms = {form: e for e in entries for form in e.forms}
    notes = Annotations(tips={e.id: Tip(e.term, e.en, e.definition, e.id) for e in entries})
    where: dict[str, list[str]] = {e.id: [] for e in entries}
    index = first_char_index(forms)
    for _, _, _, block in report.blocks():
        for part in ("heading", "body"):
            spans = find_spans(getattr(block, part), forms, index)
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
