"""The report's pages in a translated edition, read in parallel with the Chinese.

Same pages, ids and order as :mod:`.pages`; each unit's text is its translation
(``texts``: unit id -> translated text) and each label the edition's (``words``:
label name -> text). Every block keeps its id and permalink and carries its Chinese
original in a ``<details lang="zh-Hans">`` under it (side by side on wide screens,
docs/assets/parallel.js adds one control for the whole page); every heading has
its Chinese under it. The originals are excluded from search (``data-search-exclude``):
an English query finds English text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from build_tools.model import Annotations, Block, Paragraph, Report
from build_tools.parse.punct import to_display
from build_tools.render import labels, urls
from build_tools.render.pages import Page, Writer, escape_text, front_matter, inline
from build_tools.seeds.english import mark_chinese

ZH = 'lang="zh-Hans"'


class ParallelWriter(Writer):
    """Renders the report's pages in a translation, each unit with its Chinese original."""

    def __init__(
        self, report: Report, texts: Mapping[str, str], words: Mapping[str, str], notes: Annotations | None = None
    ):
        # ``notes``: marks on the translated text by unit id (the terms' renderings) and the translated tooltips.
        super().__init__(report, notes)
        self.texts, self.words = texts, words

    def pages(self, home_extra: str = "") -> list[Page]:
        r = self.report
        out = [Page(urls.HOME, self.words["HOME"], self.home(home_extra))]
        for n, part in enumerate(r.parts, 1):
            out.append(Page(urls.part_src(n), self.plain(part.id, part.heading), self.part(n)))
            for m, section in enumerate(part.sections, 1):
                out.append(Page(urls.section_src(n, m), self.plain(section.id, section.heading), self.section(n, m)))
            if part.after:
                out.append(Page(urls.part_after_src(n), self.after_title(part), self.part_after(n)))
        if r.closing:
            out.append(Page(urls.CLOSING, self.words["CLOSING"], self.closing()))
        return out

    # -- text ------------------------------------------------------------

    def plain(self, uid: str, zh: str) -> str:
        """A unit's translation as plain text (its Chinese, typeset, while it has none)."""
        return self.texts.get(uid) or to_display(zh)

    def text(self, uid: str, zh: str, markdown: bool = False) -> str:
        """A unit's translation as HTML; an untranslated unit (only outside strict mode) shows its Chinese."""
        if self.texts.get(uid):
            return escape_text(self.texts[uid], markdown)
        return f"<span {ZH}>{escape_text(to_display(zh), markdown)}</span>"

    def marked(self, uid: str, zh: str, src: str, markdown: bool = False) -> str:
        """A unit's translation as HTML with its glossary terms' renderings marked (tooltips, glossary links)."""
        spans = self.notes.marks.get(uid)
        if spans and self.texts.get(uid):
            return inline(self.texts[uid], spans, src, markdown=markdown, typeset=False)
        return self.text(uid, zh, markdown)

    def tip(self, key: str, src: str) -> str:
        """A tooltip in the edition's language: the rendering, the Chinese term, the translated definition."""
        t = self.notes.tips[key]
        e = lambda s: html.escape(s, quote=True)  # noqa: E731 - plain text only, never HTML
        return (
            f'<div class="term-tip" role="tooltip" id="tip-{key}"><strong>{e(t.en)}</strong>'
            f' <span class="term-zh" {ZH}>{e(t.term)}</span><span class="term-def">{mark_chinese(t.definition)}</span>'
            f'<a href="{urls.relative(src, urls.GLOSSARY, t.anchor)}">{e(self.words["TERM_MORE"])}</a></div>'
        )

    def after_title(self, part) -> str:
        return self.plain(part.id, part.heading) + self.words["CONTINUED"]

    def word(self, name: str) -> str:
        return self.words[name]

    def original(self, zh: str, cls: str = "zh-heading") -> str:
        """A heading's Chinese, under it."""
        return f'<p class="{cls}" {ZH} data-search-exclude="">{escape_text(to_display(zh), False)}</p>'

    def note(self, src: str) -> str:
        """The one line saying the translation is unofficial, and the page's control for every original."""
        about = urls.relative(src, "about.md")
        w = {k: html.escape(v, quote=True) for k, v in self.words.items()}
        return (
            f'<p class="translation-note" data-search-exclude="">{w["UNOFFICIAL"]}'
            f' <a href="{about}">{w["ABOUT_LINK"]}</a>'
            f' <button type="button" class="originals-all" aria-pressed="false"'
            f' data-show="{w["SHOW_ALL"]}" data-hide="{w["HIDE_ALL"]}">{w["SHOW_ALL"]}</button></p>'
        )

    # -- pages -----------------------------------------------------------

    def home(self, extra: str) -> str:
        r, src = self.report, urls.HOME
        title = self.plain("title", r.title) if r.title else self.words["HOME"]
        lines = [front_matter("title", title), f"# {escape_text(title, True)} {{ #title }}", ""]
        lines += [self.original(r.title), "", self.note(src), ""] if r.title else [self.note(src), ""]
        if r.subtitle:
            lines += self.unit("subtitle", r.subtitle, "subtitle")
        if r.meta:
            items = "".join(self.meta_item(k, label, value) for k, (label, value) in enumerate(r.meta, 1))
            zh = "<br>".join(escape_text(to_display(f"{a}:{b}"), False) for a, b in r.meta)
            lines += [f'<div class="parallel"><dl id="meta" class="meta">{items}</dl>{self.details(zh)}</div>', ""]
        if r.speaker:
            lines += self.unit("speaker", r.speaker, "speaker")
        if r.salutation:
            lines += self.unit("salutation", r.salutation, "salutation")
        lines += self.paragraphs(r.opening, src)
        lines += [extra, ""] if extra else []
        lines += [f"## {escape_text(self.words['CONTENTS'], True)} {{ #contents }}", "", self.contents(src), ""]
        return self.finish(lines, src)

    def meta_item(self, k: int, label: str, value: str) -> str:
        """One metadata item: its translation cut at its first colon into label and value."""
        en = self.texts.get(f"meta-{k}")
        if not en:
            return f"<div {ZH}><dt>{inline(label + ':', (), '')}</dt><dd>{inline(value, (), '')}</dd></div>"
        name, _, val = en.partition(":")
        empty = "" if val.strip() else ' class="empty"'
        return f"<div><dt>{escape_text(name + ':', False)}</dt><dd{empty}>{escape_text(val.strip(), False)}</dd></div>"

    def heading(self, level: str, uid: str, zh: str, anchor: str | None = None, src: str = "") -> list[str]:
        """A heading's translation (its terms marked, given the page's ``src``) and its Chinese under it."""
        text = self.marked(uid, zh, src, markdown=True) if src else self.text(uid, zh, markdown=True)
        return [f"{level} {text} {{ #{anchor or uid} }}", "", self.original(zh), ""]

    def page_head(self, kind: str, uid: str, title: str, heading: str, src: str) -> list[str]:
        """The translated title and heading, the heading's Chinese under it, and the unofficial note."""
        return [front_matter(kind, self.plain(uid, title)), *self.heading("#", uid, heading), self.note(src), ""]

    def part_after(self, n: int) -> str:
        part, src = self.report.parts[n - 1], urls.part_after_src(n)
        title = self.after_title(part)
        lines = [front_matter("part-after", title), f"# {escape_text(title, True)} {{ #{part.id}-after }}", ""]
        lines += [self.original(part.heading + labels.CONTINUED), "", self.note(src), ""]
        lines += self.paragraphs(part.after, src)
        return self.finish(lines, src)

    def closing(self) -> str:
        title = escape_text(self.words["CLOSING"], True)
        lines = [front_matter("closing", self.words["CLOSING"]), f"# {title} {{ #closing }}", ""]
        lines += [self.note(urls.CLOSING), ""]
        lines += self.paragraphs(self.report.closing, urls.CLOSING)
        return self.finish(lines, urls.CLOSING)

    # -- blocks ----------------------------------------------------------

    def details(self, zh_html: str) -> str:
        """A block's Chinese original, shown at a tap or click (always, side by side, on wide screens)."""
        label = escape_text(self.words["ORIGINAL"], False)
        return (
            f'<details class="original" data-search-exclude=""><summary>{label}</summary>'
            f"<p {ZH}>{zh_html}</p></details>"
        )

    def unit(self, uid: str, zh: str, cls: str = "") -> list[str]:
        """A front-matter unit (subtitle, speaker, salutation) with its original."""
        attr = f' class="{cls}"' if cls else ""
        zh_html = escape_text(to_display(zh), False)
        return [f'<div class="parallel"><p id="{uid}"{attr}>{self.text(uid, zh)}</p>{self.details(zh_html)}</div>', ""]

    def paragraphs(self, paragraphs: list[Paragraph], src: str) -> list[str]:
        return [line for para in paragraphs for block in para.blocks for line in self.block(block, src, "")]

    def block(self, block: Block, src: str, salutation: str) -> list[str]:
        link = f'<a class="headerlink" href="#{block.id}" title="{html.escape(self.words["PERMALINK"])}">¶</a>'
        para = f'<p id="{block.id}">{self.marked(block.id, block.body, src)}{link}</p>'
        body = f'<div class="parallel">{para}{self.details(escape_text(to_display(block.body), False))}</div>'
        if not block.heading:
            return [body, ""]
        heading = self.heading("##", block.heading_id, block.heading, src=src)
        return ['<div class="topic" markdown>', "", *heading, body, "", "</div>", ""]
