"""The English glossary page: the Chinese page's entries, ids and category anchors, in English.

Each entry shows the term in Chinese (lang="zh-Hans"), its pinyin
(lang="zh-Latn-pinyin"), the glossary's English rendering (seeds/glossary.yml
``en``, the terminology base of the translation), the English definition and
basis (seeds/en-glossary.po), the paragraphs it occurs in and its see-also links.
The English texts are found by context and Chinese (:mod:`build_tools.seeds.english`):

- ``g-xxxxxxxx:definition``: msgid = the entry's Chinese definition;
- ``g-xxxxxxxx:basis``: msgid = its basis, when the basis names a document (a paragraph id needs none);
- ``category``: msgid = a category's Chinese name;
- ``glossary-page``: msgid = a word of the page itself (labels.py), such as 依据.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from html import escape

from build_tools.annotate.glossary import ID_LIKE, Entry
from build_tools.model import Report
from build_tools.render import labels, urls
from build_tools.render.glossary_page import numbered
from build_tools.render.pages import front_matter
from build_tools.seeds.english import Msg, Texts, mark_chinese
from build_tools.seeds.errors import SeedError, raise_all

PAGE = "glossary-page"
PAGE_WORDS = [
    labels.GLOSSARY,
    labels.GLOSSARY_INTRO,
    labels.PERMALINK,
    labels.BASIS,
    labels.SEE_ALSO,
    labels.OCCURS,
    labels.EDIT_ENTRY,
    labels.OPENING,
    labels.CLOSING,
]
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def needed(entries: list[Entry]) -> list[Msg]:
    """Every text the English glossary page needs, in page order: the POT's entries."""
    msgs = [Msg(PAGE, w) for w in PAGE_WORDS]
    msgs += [Msg("category", c) for c in dict.fromkeys(e.category for e in entries)]
    for e in entries:
        msgs.append(Msg(f"{e.id}:definition", e.definition, f"{e.term}: {e.en}"))
        if not ID_LIKE.match(e.basis):
            msgs.append(Msg(f"{e.id}:basis", e.basis, e.term))
    return msgs


def check_texts(entries: list[Entry], texts: Texts, glossary: str) -> None:
    """Every entry has its English definition (and basis); all missing ones are raised at once."""
    errors = [
        SeedError(
            glossary,
            e.line,
            f"'{e.term}' has no English {what} in {texts.path}; add msgctxt \"{e.id}:{what}\" with the "
            "Chinese as msgid (see seeds/README.md, 英文版术语表与数据页)",
        )
        for e in entries
        for what, zh in (("definition", e.definition), ("basis", e.basis))
        if (what == "definition" or not ID_LIKE.match(e.basis)) and not texts.has(f"{e.id}:{what}", zh)
    ]
    errors += [
        SeedError(texts.path, None, f'no English for msgctxt "{m.context}" msgid "{m.zh}"; add it')
        for m in needed(entries)
        if m.context in (PAGE, "category") and not texts.has(m.context, m.zh)
    ]
    raise_all(errors)


def place_names_en(report: Report, texts: Texts) -> dict[str, str]:
    """An English name for the place of every block: I (3), II, Opening, Closing."""
    names = {}
    numbers = {part.id: k for k, part in enumerate(report.parts, 1)}
    for part, section, para, block in report.blocks():
        if part is None:
            name = texts.get(PAGE, labels.OPENING if para in report.opening else labels.CLOSING)
        else:
            name = roman(numbers[part.id])
            if section is not None:
                name += f" ({part.sections.index(section) + 1})"
        names[block.id] = name
    return names


def roman(n: int) -> str:
    """1 -> I, 4 -> IV, 12 -> XII: the parts are numbered as in the English report's headings."""
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def glossary_markdown_en(
    report: Report,
    entries: list[Entry],
    where: dict[str, list[str]],
    pages: dict[str, str],
    texts: Texts,
    pinyin: Callable[[str], str],
    edit: Callable[[Entry], str] | None = None,
    glossary: str = "seeds/glossary.yml",
) -> str:
    """Markdown of the English glossary page (same URL, entry ids g-… and category anchors c1… as zh-Hans).

    ``where`` and ``pages`` are those of the Chinese page (annotate() and urls.page_of_ids());
    ``pinyin(term)`` gives the term's reading; ``glossary`` names the glossary file in errors.
    """
    check_texts(entries, texts, glossary)
    w = lambda zh: texts.get(PAGE, zh)  # noqa: E731
    names = place_names_en(report, texts)
    by_term = {e.term: e for e in entries}
    lines = [
        front_matter("glossary", w(labels.GLOSSARY), "search:\n  boost: 0.001\n"),
        f"# {w(labels.GLOSSARY)} {{ #glossary }}",
        "",
        w(labels.GLOSSARY_INTRO),
        "",
    ]
    categories = list(dict.fromkeys(e.category for e in entries))
    for c, category in enumerate(categories, 1):
        lines += [f"## {escape(texts.get('category', category))} {{ #c{c} }}", ""]
        # In pinyin order, as an English reader looks a Chinese word up (the Chinese page sorts by the characters).
        for e in sorted(
            (e for e in entries if e.category == category), key=lambda e: (_alphabetic(pinyin(e.term)), e.term)
        ):
            lines += [_entry(e, texts, pinyin, pages, names, where.get(e.id, []), by_term, edit), ""]
    return "\n".join(lines)


def _entry(e: Entry, texts: Texts, pinyin, pages, names, blocks, by_term, edit) -> str:
    """One entry as a raw HTML block (no blank line inside, so Markdown keeps it whole)."""
    w = lambda zh: texts.get(PAGE, zh)  # noqa: E731
    src = urls.GLOSSARY
    link = f'<a class="headerlink" href="#{e.id}" title="{escape(w(labels.PERMALINK))}">¶</a>'
    parts = [
        f'<h3 id="{e.id}"><span lang="zh-Hans">{escape(e.term)}</span>{link}</h3>',
        f'<p class="term-pinyin" lang="zh-Latn-pinyin">{escape(pinyin(e.term))}</p>',
        f'<p class="term-en">{mark_chinese(e.en)}</p>',
        f'<p class="term-def">{mark_chinese(texts.get(f"{e.id}:definition", e.definition))}</p>',
    ]
    if ID_LIKE.match(e.basis) and e.basis in pages:
        basis = f'<a href="{urls.relative(src, pages[e.basis], e.basis)}">{escape(names.get(e.basis, e.basis))}</a>'
    else:
        basis = mark_chinese(texts.get(f"{e.id}:basis", e.basis))
    parts.append(f'<p class="term-basis">{escape(w(labels.BASIS))}: {basis}</p>')
    if e.see_also:
        links = ", ".join(
            f'<a href="#{by_term[s].id}">{mark_chinese(by_term[s].en)}</a>' for s in e.see_also if s in by_term
        )
        parts.append(f'<p class="term-see">{escape(w(labels.SEE_ALSO))}: {links}</p>')
    if blocks:
        links = ", ".join(
            f'<a href="{urls.relative(src, pages[b], b)}">{escape(n)}</a>' for b, n in numbered(blocks, names)
        )
        parts.append(f'<p class="term-where">{escape(w(labels.OCCURS))}: {links}</p>')
    if edit and e.line:
        parts.append(
            f'<p class="term-edit"><a href="{escape(edit(e), quote=True)}">{escape(w(labels.EDIT_ENTRY))}</a></p>'
        )
    return '<div class="term-entry">' + "".join(parts) + "</div>"


def _alphabetic(reading: str) -> str:
    """A reading without tone marks, for sorting: shū gān shuǐ -> shu gan shui."""
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)).casefold()
