"""Read a built page by language: text outside lang="zh-*" elements, ids, each block's Chinese original."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from build_tools.editions.search import VOID

HAN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, is code)
        self.ids: list[str] = []
        self.outside: list[str] = []  # text not in a zh-* element
        self.originals: dict[str, str] = {}  # block id -> its Chinese original
        self.block: str | None = None  # id of the block the current .parallel shows
        self.parallel_depth: int | None = None
        self.original: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
            if self.parallel_depth is not None and self.block is None:
                self.block = a["id"]
        if tag in VOID:
            return
        lang = a.get("lang") or (self.stack[-1][1] if self.stack else "")
        code = tag in ("script", "style") or bool(self.stack and self.stack[-1][2])
        if "parallel" in (a.get("class") or "").split():
            self.parallel_depth, self.block = len(self.stack), None
        if tag == "p" and a.get("lang") == "zh-Hans" and self.parallel_depth is not None:
            self.original = []
        self.stack.append((tag, lang, code))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        if self.original is not None and tag == "p":
            self.originals[self.block or ""] = "".join(self.original)
            self.original = None
        if self.parallel_depth is not None and len(self.stack) <= self.parallel_depth:
            self.parallel_depth = None

    def handle_data(self, data):
        if self.original is not None:
            self.original.append(data)
        top = self.stack[-1] if self.stack else ("", "", False)
        if not top[2] and not top[1].startswith("zh"):
            self.outside.append(data)


def read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


# The same characters as HAN, one at a time.
CHINESE = re.compile(HAN.pattern.rstrip("+"))


class LangText(HTMLParser):
    """Collects the Chinese text (and attribute values) found where the language in force is not zh-*."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", "en")]
        self.stray: list[str] = []

    def handle_starttag(self, tag, attrs):
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        for name, value in attrs:
            if value and CHINESE.search(value) and not lang.startswith("zh"):
                self.stray.append(f"{tag} {name}={value}")
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        self.stray += [f"{tag} {n}={v}" for n, v in attrs if v and CHINESE.search(v) and not lang.startswith("zh")]

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data):
        if CHINESE.search(data) and not self.stack[-1][1].startswith("zh"):
            self.stray.append(data.strip())


def chinese_outside_zh(markup: str) -> list[str]:
    """The Chinese of a page (Markdown with raw HTML) that no lang="zh-*" element contains."""
    parser = LangText()
    parser.feed(markup)
    parser.close()
    return parser.stray
