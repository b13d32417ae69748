"""The parsed report: plain dataclasses, no behaviour beyond small helpers.

Text fields hold the source characters exactly as in the seed file (ASCII
punctuation included); typesetting happens when pages are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One displayed paragraph: an optional run-in topic heading and its text."""

    id: str
    body: str
    heading: str = ""
    heading_id: str = ""


@dataclass
class Paragraph:
    """One paragraph of the source (one line of the file).

    ``salutation`` is a leading address such as ``各位代表!``; ``blocks``
    split the rest at run-in topic headings (one block when there are none).
    """

    id: str
    text: str
    line: int
    salutation: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Section:
    """A numbered subsection such as (一); ``style`` records how the source set its heading."""

    number: int
    numeral: str
    title: str
    id: str = ""
    title_end: str = ""
    style: str = "line"  # line | runin | glued
    paragraphs: list[Paragraph] = field(default_factory=list)
    line: int = 0  # of the heading in the source file

    @property
    def label(self) -> str:
        return f"({self.numeral})"

    @property
    def heading(self) -> str:
        """Number and title as the source writes them: (一)坚持…"""
        return self.label + self.title


@dataclass
class Part:
    """A numbered part such as 一、; paragraphs outside any subsection sit before or after them."""

    number: int
    numeral: str
    title: str
    id: str = ""
    before: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    after: list[Paragraph] = field(default_factory=list)
    line: int = 0  # of the heading in the source file

    @property
    def label(self) -> str:
        return f"{self.numeral}、"

    @property
    def heading(self) -> str:
        """Number and title as the source writes them: 一、2022年工作回顾"""
        return self.label + self.title


@dataclass
class Report:
    title: str
    subtitle: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)
    speaker: str = ""
    salutation: str = ""
    opening: list[Paragraph] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    source: str = ""

    def paragraphs(self):
        """Every paragraph in reading order, with the part and section it belongs to."""
        for p in self.opening:
            yield None, None, p
        for part in self.parts:
            for p in part.before:
                yield part, None, p
            for section in part.sections:
                for p in section.paragraphs:
                    yield part, section, p
            for p in part.after:
                yield part, None, p
        for p in self.closing:
            yield None, None, p

    def blocks(self):
        """Every displayed block in reading order, with its part, section and paragraph."""
        for part, section, para in self.paragraphs():
            for block in para.blocks:
                yield part, section, para, block


@dataclass
class Tip:
    """What a tooltip says about one glossary term."""

    term: str
    en: str
    definition: str
    anchor: str


@dataclass
class Annotations:
    """Glossary marks per text: key ``"<block id>/heading"`` or ``"<block id>/body"``."""

    marks: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    tips: dict[str, Tip] = field(default_factory=dict)


# The report queries that several stages share.
def report_text(report: Report) -> str:
    """All the report's block texts, one per line (matching never crosses a block)."""
    return "\n".join(t for _, _, _, b in report.blocks() for t in (b.heading, b.body))


def displayed_text(report: Report) -> str:
    """Every text of the report that its pages display: front matter and blocks."""
    front = [report.title, report.subtitle, report.speaker, *(v for kv in report.meta for v in kv)]
    return "\n".join(front + [report_text(report)])
