"""Chinese typesetting of ASCII punctuation, one character for one.

The source uses ASCII , ; : ( ) ! ? where Chinese typesetting uses the
fullwidth forms. Numbers keep theirs (83.8%, 2023-01-06, 1,4-丁二醇,
10:30). The mapping never changes the length of a text, so offsets found
in the source (glossary terms, figures) stay valid on the page.
"""

from __future__ import annotations

import re

from build_tools.seeds.memo import small

FULLWIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
ASCII = {v: k for k, v in FULLWIDTH.items()}
ASCII_PUNCT = re.compile("[" + re.escape("".join(FULLWIDTH)) + "]")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff“”‘’《》、。]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(CJK.match(ch))


def _between_digits(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _latin_context(text: str, i: int) -> bool:
    """Punctuation inside Latin text (``A, B``) stays ASCII."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isascii() and before.isalpha() and after.isascii() and (after.isspace() or after.isalpha())


def _paren_has_cjk(text: str, i: int) -> bool:
    """Whether the parenthesis at i encloses Chinese text (then it is typeset fullwidth)."""
    if text[i] == "(":
        close = text.find(")", i)
        inner = text[i + 1 : close if close != -1 else len(text)]
    else:
        open_ = text.rfind("(", 0, i)
        inner = text[open_ + 1 : i]
    return any(_is_cjk(c) for c in inner)


def to_display(text: str) -> str:
    """Typeset ASCII punctuation as fullwidth where it stands in Chinese text."""
    if not ASCII_PUNCT.search(text):
        return text  # most texts have none: the character loop below is the slow part
    return _typeset(str(text))


@small  # the same text comes again for every page and edition that shows it
def _typeset(text: str) -> str:
    out, done = [], 0
    for mark in ASCII_PUNCT.finditer(text):  # the punctuation only, not every character
        i, ch = mark.start(), mark.group()
        if ch in "()":
            kept = not _paren_has_cjk(text, i)
        else:
            kept = ch in ",:" and _between_digits(text, i) or _latin_context(text, i)
        if not kept:
            out += [text[done:i], FULLWIDTH[ch]]
            done = i + 1
    return "".join(out) + text[done:]


def to_source(text: str) -> str:
    """Undo :func:`to_display`: fullwidth punctuation back to ASCII."""
    return "".join(ASCII.get(ch, ch) for ch in text)
