"""The English words of the edition's own pages (glossary, metrics), as plain data loaded from seeds/*.po.

A text is found by its context (``msgctxt``) and its Chinese (``msgid``): when the
Chinese changes, the old English is no longer found, so a stale translation can
never be shown. Chinese that remains in English text (a document's title given in
parentheses) is marked ``lang="zh-Hans"`` by :func:`mark_chinese`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from build_tools.seeds.errors import SeedError

HAN = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A run of Chinese, with the digits and signs inside it (乌海市2023年…公报 is one title, not three).
CHINESE = re.compile(rf"[{HAN}](?:[{HAN}0-9.,%+\-—·“”‘’]*[{HAN}])?")


@dataclass
class Msg:
    """One text a page needs: its context, its Chinese, and a note for translators."""

    context: str
    zh: str
    note: str = ""


@dataclass
class Texts:
    """English by (context, Chinese); ``path`` is the PO file named in errors."""

    path: str
    english: dict[tuple[str, str], str] = field(default_factory=dict)

    def has(self, context: str, zh: str) -> bool:
        return bool(self.english.get((context, zh), "").strip())

    def get(self, context: str, zh: str) -> str:
        """The English of a text; a missing one is an error naming the file and what to add."""
        if not self.has(context, zh):
            raise SeedError(self.path, None, missing(context, zh))
        return self.english[(context, zh)]


def missing(context: str, zh: str) -> str:
    return f'no English for msgctxt "{context}" msgid "{zh}"; add it (see seeds/README.md, 英文版术语表与数据页)'


def mark_chinese(text: str) -> str:
    """Escape English text for HTML, marking each run of Chinese in it as zh-Hans."""
    out, last = [], 0
    for m in CHINESE.finditer(text):
        out += [escape(text[last : m.start()], False), f'<span lang="zh-Hans">{escape(m.group(0), False)}</span>']
        last = m.end()
    return "".join(out) + escape(text[last:], False)
