"""The baseline `make bench` compares the whole build with: the stock theme building the bare report text.

What it is, exactly: the report's own text, split into the pages the edition has
(home with the opening address, one page per part, subsection, part's closing
paragraphs, closing address), each a plain Markdown heading followed by the
paragraphs as the report gives them (no ids, no run-in headings, no glossary
marks, no glossary, metrics or about pages, no custom CSS/JS, no overrides), in
zh-Hans at the root and converted with OpenCC's s2tw under zh-Hant/, built by one
`mkdocs build --strict` with stock MkDocs + Material and Material's search plugin
set for Chinese (`lang: zh`, which segments with jieba, as any Chinese Material
site's search does). Writing the tree is not timed; only the build is.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import yaml

from build_tools.annotate.load import load_report
from build_tools.model import Paragraph, Report
from build_tools.render import labels, urls
from build_tools.seeds.paths import Seeds

HANT = "zh-Hant/"


def bare_pages(report: Report) -> dict[str, str]:
    """The report's text as plain Markdown, by page source (the edition's own page paths)."""
    home = [f"# {report.title}", report.subtitle, *(f"{k}：{v}" for k, v in report.meta), report.speaker]
    pages = {urls.HOME: _page(home + [report.salutation], report.opening)}
    for part in report.parts:
        pages[urls.part_src(part.number)] = _page([f"# {part.heading}"], part.before)
        for section in part.sections:
            pages[urls.section_src(part.number, section.number)] = _page([f"# {section.heading}"], section.paragraphs)
        if part.after:
            pages[urls.part_after_src(part.number)] = _page([f"# {part.heading}（续）"], part.after)
    pages[urls.CLOSING] = _page([f"# {labels.CLOSING}"], report.closing)
    return pages


def _page(head: list[str], paragraphs: list[Paragraph]) -> str:
    lines = [line for line in head if line] + [p.text for p in paragraphs]
    return "\n\n".join(lines) + "\n"


def write_stock_project(seeds: Seeds, out: Path) -> Path:
    """The stock project (mkdocs.yml and docs/, both scripts) in ``out``; returns its mkdocs.yml."""
    pages = bare_pages(load_report(seeds))
    cc = opencc.OpenCC("s2tw")
    docs = out / "docs"
    for src, text in pages.items():
        for prefix, content in (("", text), (HANT, cc.convert(text))):
            path = docs / prefix / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    config = {
        "site_name": pages[urls.HOME].splitlines()[0].lstrip("# "),
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"search": {"lang": "zh"}}],
    }
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
