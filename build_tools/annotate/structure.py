"""Give every part, subsection, paragraph and run-in heading its public id.

Ids are a promise to readers who shared a link: ASCII, derived from the
place in the structure (never from the text), the same in both editions.
The scheme is documented in README.md ("Links and ids"):

- ``part-N``                 part N
- ``sN-M``                   subsection M of part N
- ``pN-M-K``                 paragraph K of subsection M of part N (M = 0: the part's own paragraphs)
- ``pN-M-K-B``               display block B (B >= 2) of that paragraph, split at a run-in heading
- ``tN-M-K-B``               the run-in heading that opens block B
- ``open-K`` / ``close-K``   paragraphs of the opening and closing address
"""

from __future__ import annotations

from build_tools.annotate.runin import Overrides, split_topics
from build_tools.model import Block, Paragraph, Report


def annotate_structure(report: Report, overrides: Overrides | None = None) -> Report:
    """Assign ids and split paragraphs into display blocks, in place; returns the report."""
    _number(report.opening, "open-", overrides)
    _number(report.closing, "close-", overrides)
    for n, part in enumerate(report.parts, 1):
        part.id = f"part-{n}"
        _number(part.before + part.after, f"p{n}-0-", overrides)
        for m, section in enumerate(part.sections, 1):
            section.id = f"s{n}-{m}"
            _number(section.paragraphs, f"p{n}-{m}-", overrides)
    return report


def _number(paragraphs: list[Paragraph], prefix: str, overrides) -> None:
    for k, para in enumerate(paragraphs, 1):
        para.id = f"{prefix}{k}"
        para.blocks = _blocks(para, overrides)


def _blocks(para: Paragraph, overrides) -> list[Block]:
    """Split a paragraph at its run-in headings; a salutation stays at the head of the first block."""
    # The parser only records a salutation that has text after it, so groups is never empty here.
    groups = split_topics(para.text[len(para.salutation) :], overrides)
    if para.salutation:
        heading, body = groups[0]
        if heading:
            groups.insert(0, ("", para.salutation))
        else:
            groups[0] = ("", para.salutation + body)
    blocks = []
    for b, (heading, body) in enumerate(groups, 1):
        suffix = "" if b == 1 else f"-{b}"
        block_id = para.id + suffix
        heading_id = _heading_id(block_id) if heading else ""
        blocks.append(Block(id=block_id, body=body, heading=heading, heading_id=heading_id))
    return blocks


def _heading_id(block_id: str) -> str:
    """``pN-M-K-B`` -> ``tN-M-K-B``; blocks of the addresses get a ``-t`` suffix."""
    return "t" + block_id[1:] if block_id.startswith("p") else block_id + "-t"
