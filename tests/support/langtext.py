"""Find text outside the elements marked with a language: Chinese must sit in lang="zh-*" on an English page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


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
