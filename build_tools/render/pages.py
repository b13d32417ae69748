"""Write the report's Markdown pages from the annotated model (zh-Hans).

Text is typeset (:mod:`.punct`) and escaped here, and glossary marks are
wrapped; headings are Markdown (so MkDocs lists them in the table of
contents and gives them permalinks), paragraphs are raw HTML ``<p>`` with
their public id and a permalink of their own.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from build_tools.model import Annotations, Block, Paragraph, Report
from build_tools.parse.punct import to_display
from build_tools.render import labels, urls

# Python-Markdown's backslash escapes (plus '|' for tables): escaping them keeps text literal.
MD_SPECIAL = set("\\`*_{}[]()>#+-.!|")


@dataclass
class Page:
    src: str
    title: str
    markdown: str


def escape_text(text: str, markdown: bool) -> str:
    """Escape text for raw HTML, and for Markdown inline syntax when it lands in a heading."""
    out = html.escape(text, quote=False)
    if markdown:
        out = "".join("\\" + c if c in MD_SPECIAL else c for c in out)
    return out


def inline(text: str, spans, src: str, markdown: bool = False, typeset: bool = True) -> str:
    """Typeset one text (Chinese punctuation; not a translation's) and wrap its glossary marks as links."""
    shown = to_display(text) if typeset else text
    out, pos = [], 0
    for start, end, key in sorted(spans or ()):
        if start < pos:
            continue
        out.append(escape_text(shown[pos:start], markdown))
        href = urls.relative(src, urls.GLOSSARY, key)
        out.append(
            f'<a class="term" href="{href}" data-term="{key}" aria-describedby="tip-{key}">'
            f"{escape_text(shown[start:end], False)}</a>"
        )
        pos = end
    out.append(escape_text(shown[pos:], markdown))
    return "".join(out)


class Writer:
    """Renders the pages of one report with one set of annotations."""

    def __init__(self, report: Report, notes: Annotations | None = None):
        self.report = report
        self.notes = notes or Annotations()

    def pages(self, home_extra: str = "") -> list[Page]:
        """Every generated report page, in reading order."""
        r = self.report
        out = [Page(urls.HOME, labels.HOME, self.home(home_extra))]
        for n, part in enumerate(r.parts, 1):
            out.append(Page(urls.part_src(n), part.heading, self.part(n)))
            for m, section in enumerate(part.sections, 1):
                out.append(Page(urls.section_src(n, m), section.heading, self.section(n, m)))
            if part.after:
                out.append(Page(urls.part_after_src(n), after_title(part), self.part_after(n)))
        if r.closing:
            out.append(Page(urls.CLOSING, labels.CLOSING, self.closing()))
        for page in out:
            page.title = to_display(page.title)
        return out

    # -- pages -----------------------------------------------------------

    def home(self, extra: str) -> str:
        r, src = self.report, urls.HOME
        # A text without a title line gets the edition's own word, not an empty heading.
        title = r.title or labels.HOME
        lines = [front_matter("title", title), f"# {escape_text(to_display(title), True)} {{ #title }}", ""]
        if r.subtitle:
            lines += [f'<p id="subtitle" class="subtitle">{inline(r.subtitle, (), src)}</p>', ""]
        if r.meta:
            items = "".join(_meta_item(k, v, src) for k, v in r.meta)
            lines += [f'<dl id="meta" class="meta">{items}</dl>', ""]
        if r.speaker:
            lines += [f'<p id="speaker" class="speaker">{inline(r.speaker, (), src)}</p>', ""]
        if r.salutation:
            lines += [f'<p id="salutation" class="salutation">{inline(r.salutation, (), src)}</p>', ""]
        lines += self.paragraphs(r.opening, src)
        lines += [extra, ""] if extra else []
        lines += [f"## {labels.CONTENTS} {{ #contents }}", "", self.contents(src), ""]
        return self.finish(lines, src)

    def part(self, n: int) -> str:
        """The part's heading and the paragraphs before its subsections; then links to what follows."""
        part, src = self.report.parts[n - 1], urls.part_src(n)
        lines = self.page_head("part", part.id, part.heading, part.heading, src)
        if part.after:
            lines += [forward_script(urls.ids_of(part.after), urls.relative(src, urls.part_after_src(n))), ""]
        lines += self.paragraphs(part.before, src)
        if part.sections:
            lines += ['<nav class="part-contents" markdown>', "", *self.section_links(n, src, ""), "", "</nav>", ""]
        return self.finish(lines, src)

    def page_head(self, kind: str, uid: str, title: str, heading: str, src: str) -> list[str]:
        """A report page's front matter (its title) and its heading, with the unit's id."""
        return [front_matter(kind, title), f"# {escape_text(to_display(heading), True)} {{ #{uid} }}", ""]

    def part_after(self, n: int) -> str:
        """The part's own paragraphs after its subsections: read after the last one, as in the report."""
        part, src = self.report.parts[n - 1], urls.part_after_src(n)
        lines = [
            front_matter("part-after", after_title(part)),
            f"# {_md(after_title(part))} {{ #{part.id}-after }}",
            "",
        ]
        lines += self.paragraphs(part.after, src)
        return self.finish(lines, src)

    def section(self, n: int, m: int) -> str:
        section, src = self.report.parts[n - 1].sections[m - 1], urls.section_src(n, m)
        lines = self.page_head("section", section.id, section.heading, section.heading + section.title_end, src)
        lines += self.paragraphs(section.paragraphs, src)
        return self.finish(lines, src)

    def closing(self) -> str:
        lines = [front_matter("closing", labels.CLOSING), f"# {labels.CLOSING} {{ #closing }}", ""]
        lines += self.paragraphs(self.report.closing, urls.CLOSING)
        return self.finish(lines, urls.CLOSING)

    def contents(self, src: str) -> str:
        """The report's own hierarchy as a nested list of links."""
        items = []
        for n, part in enumerate(self.report.parts, 1):
            title = escape_text(self.plain(part.id, part.heading), True)
            items.append(f"- [{title}]({urls.source_link(src, urls.part_src(n))})")
            items += self.section_links(n, src, "    ")
        if self.report.closing:
            items.append(f"- [{escape_text(self.word('CLOSING'), True)}]({urls.source_link(src, urls.CLOSING)})")
        return "\n".join(items)

    def section_links(self, n: int, src: str, indent: str) -> list[str]:
        """Markdown list items linking the subsections of part n (and the page of its closing paragraphs)."""
        part = self.report.parts[n - 1]
        links = [(self.plain(s.id, s.heading), urls.section_src(n, m)) for m, s in enumerate(part.sections, 1)]
        if part.after:
            links.append((self.after_title(part), urls.part_after_src(n)))
        return [f"{indent}- [{escape_text(title, True)}]({urls.source_link(src, to)})" for title, to in links]

    # -- words: a translated edition's writer says them otherwise ---------

    def plain(self, uid: str, zh: str) -> str:
        """A unit's text as shown (typeset), for titles and links."""
        return to_display(zh)

    def after_title(self, part) -> str:
        """The title of a part's page of closing paragraphs, as shown."""
        return to_display(after_title(part))

    def word(self, name: str) -> str:
        """One of the edition's own words (render/labels.py) by its name."""
        return getattr(labels, name)

    # -- blocks ----------------------------------------------------------

    def paragraphs(self, paragraphs: list[Paragraph], src: str) -> list[str]:
        lines: list[str] = []
        for para in paragraphs:
            for block in para.blocks:
                lines += self.block(block, src, para.salutation if block is para.blocks[0] else "")
        return lines

    def block(self, block: Block, src: str, salutation: str) -> list[str]:
        body = inline(block.body, self.notes.marks.get(f"{block.id}/body"), src)
        if salutation:
            cut = len(escape_text(to_display(salutation), False))
            body = f'<span class="salutation">{body[:cut]}</span>{body[cut:]}'
        link = f'<a class="headerlink" href="#{block.id}" title="{labels.PERMALINK}">¶</a>'
        para = f'<p id="{block.id}">{body}{link}</p>'
        if not block.heading:
            return [para, ""]
        heading = inline(block.heading, self.notes.marks.get(f"{block.id}/heading"), src, markdown=True)
        return [
            '<div class="topic" markdown>',
            "",
            f"## {heading} {{ #{block.heading_id} }}",
            "",
            para,
            "",
            "</div>",
            "",
        ]

    def finish(self, lines: list[str], src: str) -> str:
        """Close a page: append the tooltip texts of the terms it marks."""
        text = "\n".join(lines)
        used = sorted(set(re.findall(r'data-term="([^"]+)"', text)) & set(self.notes.tips))
        if used:
            tips = "".join(self.tip(key, src) for key in used)
            text += f'\n<div class="term-tips" hidden data-search-exclude>{tips}</div>\n'
        return text

    def tip(self, key: str, src: str) -> str:
        t = self.notes.tips[key]
        href = urls.relative(src, urls.GLOSSARY, t.anchor)
        # Plain text only, never HTML; typeset like the report.
        e = lambda s: html.escape(to_display(s), quote=True)  # noqa: E731
        return (
            f'<div class="term-tip" role="tooltip" id="tip-{key}"><strong>{e(t.term)}</strong>'
            f' <span class="term-en" lang="en">{e(t.en)}</span><span class="term-def">{e(t.definition)}</span>'
            f'<a href="{href}">{labels.TERM_MORE}</a></div>'
        )


def after_title(part) -> str:
    """The title of a part's closing paragraphs: the part's own heading with a neutral 'continued'."""
    return part.heading + labels.CONTINUED


def forward_script(ids: list[str], href: str) -> str:
    """A script that sends a link to one of these ids (on this page before they moved) to their page.

    Links shared before a part's closing paragraphs had a page of their own keep working.
    """
    listed = json.dumps(ids, separators=(",", ":"))
    return (
        f'<script class="moved-ids" data-to="{href}">(function(){{var ids={listed};'
        "function go(){var id=decodeURIComponent(location.hash.slice(1));"
        f'if(ids.indexOf(id)>=0)location.replace("{href}"+location.hash)}}'
        'go();addEventListener("hashchange",go)})()</script>'
    )


def _md(text: str) -> str:
    """Source text typeset and escaped for a Markdown heading or link."""
    return escape_text(to_display(text), True)


def _meta_item(label: str, value: str, src: str) -> str:
    # An empty value (作者:) stays visible as a label with a dash drawn by CSS.
    empty = "" if value else ' class="empty"'
    # Each label stays with its value when the line wraps (HTML allows a div around a dt/dd pair).
    return f"<div><dt>{inline(label + ':', (), src)}</dt><dd{empty}>{inline(value, (), src)}</dd></div>"


def front_matter(kind: str, title: str, extra: str = "") -> str:
    """Front matter: the page title, which kind of page this is (for templates and tests), and extra YAML."""
    title = to_display(title).replace('"', '\\"')
    return f'---\ntitle: "{title}"\nreport_page: {kind}\n{extra}---\n'
