"""The glossary page: entries grouped by category, each with where it occurs."""

from __future__ import annotations

import html
from collections.abc import Callable

from build_tools.annotate.glossary import ID_LIKE, Entry
from build_tools.model import Report
from build_tools.parse.punct import to_display
from build_tools.render import labels, urls
from build_tools.render.pages import escape_text, front_matter


def place_names(report: Report) -> dict[str, str]:
    """A short name for the place of every block: 一（三）, 二、, 开场, 结束语."""
    names = {}
    for part, section, para, block in report.blocks():
        if part is None:
            name = labels.OPENING if para in report.opening else labels.CLOSING
        elif section is None:
            name = part.label
        else:
            name = part.numeral + to_display(section.label)
        names[block.id] = name
    return names


def glossary_markdown(
    report: Report,
    entries: list[Entry],
    where: dict[str, list[str]],
    pages: dict[str, str],
    edit: Callable[[Entry], str] | None = None,
) -> str:
    """Markdown of the glossary page (zh-Hans); definitions stay plain text.

    ``edit`` gives the address where an entry's source line can be edited (none without a repository).
    """
    src, names = urls.GLOSSARY, place_names(report)
    by_term = {e.term: e for e in entries}
    # In search, an entry's heading is a title match; the report's own paragraphs should still rank first.
    lines = [
        front_matter("glossary", labels.GLOSSARY, "search:\n  boost: 0.001\n"),
        f"# {labels.GLOSSARY} {{ #glossary }}",
        "",
        labels.GLOSSARY_INTRO,
        "",
    ]
    categories = list(dict.fromkeys(e.category for e in entries))
    for c, category in enumerate(categories, 1):
        lines += [f"## {escape_text(category, True)} {{ #c{c} }}", ""]
        for e in sorted((e for e in entries if e.category == category), key=lambda e: e.term):
            lines += _entry(e, src, pages, names, where.get(e.id, []), by_term, edit)
    return "\n".join(lines)


def _entry(e: Entry, src, pages, names, blocks, by_term, edit=None) -> list[str]:
    # Editors' text is text, never HTML; typeset like the report
    # (an ASCII comma between Chinese characters is shown fullwidth).
    t = lambda s: html.escape(to_display(s), quote=True)  # noqa: E731
    # The entry's heading is raw HTML: a heading for readers and search, but kept out of the page's
    # table of contents, which lists the categories (156 entries made it long and the page slow).
    link = f'<a class="headerlink" href="#{e.id}" title="{labels.PERMALINK}">¶</a>'
    out: list[str] = []
    parts = [
        f'<h3 id="{e.id}">{t(e.term)}{link}</h3>',
        f'<p class="term-en" lang="en">{t(e.en)}</p>',
        f'<p class="term-def">{t(e.definition)}</p>',
    ]
    if e.aliases:
        parts.append(f'<p class="term-aliases">{t("、".join(e.aliases))}</p>')
    basis = (
        f'<a href="{urls.relative(src, pages[e.basis], e.basis)}">{t(names.get(e.basis, e.basis))}</a>'
        if ID_LIKE.match(e.basis) and e.basis in pages
        else t(e.basis)
    )
    parts.append(f'<p class="term-basis">{labels.BASIS}：{basis}</p>')
    if e.see_also:
        links = "、".join(f'<a href="#{by_term[s].id}">{t(s)}</a>' for s in e.see_also if s in by_term)
        parts.append(f'<p class="term-see">{labels.SEE_ALSO}：{links}</p>')
    if blocks:
        links = "、".join(f'<a href="{urls.relative(src, pages[b], b)}">{t(n)}</a>' for b, n in numbered(blocks, names))
        parts.append(f'<p class="term-where">{labels.OCCURS}：{links}</p>')
    if edit and e.line:
        # An address, not editors' text: escaped, never typeset.
        parts.append(f'<p class="term-edit"><a href="{html.escape(edit(e), quote=True)}">{labels.EDIT_ENTRY}</a></p>')
    return out + ['<div class="term-entry">' + "".join(parts) + "</div>", ""]


def numbered(blocks: list[str], names: dict[str, str]):
    """Block ids with their place names, numbered where one place holds several blocks (either edition's names)."""
    seen: dict[str, int] = {}
    for b in blocks:
        seen[names[b]] = seen.get(names[b], 0) + 1
        yield b, names[b] if seen[names[b]] == 1 else f"{names[b]}-{seen[names[b]]}"
