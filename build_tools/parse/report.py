"""Parse the text of a government work report into a :class:`Report`.

The genre, not one file: a title line, optional metadata and speaker
lines, a salutation, an opening address, parts numbered 一、二、…,
subsections numbered (一)(二)… whose headings stand on their own line,
open a paragraph as its first sentence, or are glued to the end of the
previous paragraph, and a closing address. Blank lines and indentation
are optional.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.model import Paragraph, Part, Report, Section
from build_tools.parse.numerals import NUMERAL_CHARS, numeral_value
from build_tools.seeds.errors import SeedError
from build_tools.seeds.yamlio import display_path, read_text

N = f"[{NUMERAL_CHARS}]+"
SENTENCE_END = "。!！?？"
# Headings are short and carry no sentence punctuation inside them.
HEADING_MAX = 40
PART_RE = re.compile(rf"^({N})、(.{{1,{HEADING_MAX}}})$")
SECTION_LINE_RE = re.compile(rf"^[(（]({N})[)）](.{{1,{HEADING_MAX}}})$")
SECTION_RUNIN_RE = re.compile(rf"^[(（]({N})[)）]([^。]{{1,{HEADING_MAX}}})(。)(.+)$")
SECTION_GLUED_RE = re.compile(rf"^(.*[{SENTENCE_END}”])\s+[(（]({N})[)）]([^。]{{1,{HEADING_MAX}}})$")
SALUTATION_RE = re.compile(r"^((?:各位代表|各位委员|同志们)[^。,，]{0,12}?[:：!！])")
META_SEGMENT_RE = re.compile(r"^([\u4e00-\u9fff]{2,6})\s*[:：]\s*(.*)$")
META_LABELS = {"发布时间", "来源", "作者", "日期", "时间", "编辑", "责任编辑", "发布日期", "字号"}
SPEAKER_RE = re.compile(r"^\S*(?:长|主席|主任|书记|代表)\s+\S.{0,10}$")


def parse_file(path: Path | str) -> Report:
    """Parse a report file; every failure is a one-line :class:`SeedError`."""
    shown = display_path(path)
    text = read_text(path, "the text of a government work report (UTF-8)")
    report = parse_text(text, shown)
    report.source = shown
    return report


def parse_text(text: str, name: str = "<report>") -> Report:
    """Parse report text; ``name`` is used in error messages."""
    lines = [(no, line.strip()) for no, line in enumerate(text.splitlines(), 1)]
    lines = [(no, line) for no, line in lines if line]
    if not lines:
        raise SeedError(name, None, "the file is empty; expected the text of a government work report")
    first_part = next((i for i, (_, line) in enumerate(lines) if _is_part_heading(line)), None)
    if first_part is None:
        raise SeedError(
            name,
            None,
            "no recognisable parts; expected part headings such as '一、2022年工作回顾' on lines of their own",
        )
    report = _front_matter(lines[:first_part], name)
    report.parts = _parts(lines[first_part:], name)
    check_numbering(report.parts, name)
    report.closing = _closing(report.parts[-1])
    return report


def _is_part_heading(line: str) -> bool:
    return bool(PART_RE.match(line)) and line[-1] not in SENTENCE_END + ",，;；"


def _is_meta(line: str) -> bool:
    segments = re.split(r"\s*[\u2003\u3000]+\s*|\s{2,}", line)
    matches = [META_SEGMENT_RE.match(s) for s in segments]
    if not all(matches):
        return False
    first = matches[0]
    return len(segments) > 1 or (first is not None and first.group(1) in META_LABELS)


def _meta(line: str) -> list[tuple[str, str]]:
    segments = re.split(r"\s*[\u2003\u3000]+\s*|\s{2,}", line)
    # Called for meta lines only (_is_meta): every segment matches.
    return [(m.group(1), m.group(2)) for s in segments if (m := META_SEGMENT_RE.match(s))]


def _front_matter(lines, name) -> Report:
    """Title, subtitle, metadata, speaker, salutation and the opening address (each may be missing)."""
    if not lines:
        return Report(title="")
    (_, title_line), rest = lines[0], list(lines[1:])
    title, _, subtitle = title_line.partition(" ")
    report = Report(title=title.strip(), subtitle=subtitle.strip())
    if not report.subtitle and rest and re.match(r"^[—-]+|.*会议上$", rest[0][1]):
        report.subtitle = rest.pop(0)[1]
    for no, line in rest:
        if not report.opening and _is_meta(line):
            report.meta += _meta(line)
        elif not report.opening and not report.salutation and SPEAKER_RE.match(line):
            report.speaker = line
        elif (
            not report.opening
            and not report.salutation
            and (salutation := SALUTATION_RE.match(line))
            and salutation.end() == len(line)
        ):
            report.salutation = line
        else:
            report.opening.append(_paragraph(no, line))
    return report


def _paragraph(no: int, text: str) -> Paragraph:
    match = SALUTATION_RE.match(text)
    salutation = match.group(1) if match and match.end() < len(text) else ""
    return Paragraph(id="", text=text, line=no, salutation=salutation)


def _parts(lines, name) -> list[Part]:
    parts: list[Part] = []
    for no, line in lines:
        heading = PART_RE.match(line) if _is_part_heading(line) else None
        if heading:
            numeral, title = heading.groups()
            parts.append(Part(number=numeral_value(numeral), numeral=numeral, title=title, line=no))
        else:
            _add_line(parts[-1], no, line)
    return parts


def _add_line(part: Part, no: int, line: str) -> None:
    """Place one line of a part: a subsection heading, a paragraph, or both."""
    own = SECTION_LINE_RE.match(line)
    if own and line[-1] not in SENTENCE_END + ",，;；":
        numeral, title = own.groups()
        part.sections.append(Section(numeral_value(numeral), numeral, title, style="line", line=no))
        return
    runin = SECTION_RUNIN_RE.match(line)
    if runin:
        numeral, title, end, rest = runin.groups()
        section = Section(numeral_value(numeral), numeral, title, title_end=end, style="runin", line=no)
        section.paragraphs.append(_paragraph(no, rest))
        part.sections.append(section)
        return
    glued = SECTION_GLUED_RE.match(line)
    if glued and _expected_next(part, glued.group(2)):
        text, numeral, title = glued.groups()
        _add_paragraph(part, _paragraph(no, text))
        part.sections.append(Section(numeral_value(numeral), numeral, title.strip(), style="glued", line=no))
        return
    _add_paragraph(part, _paragraph(no, line))


def check_numbering(parts: list[Part], name: str) -> None:
    """Parts run 一、二、三、… and each part's subsections (一)(二)(三)…, without a gap or a repeat.

    Ids are positional: past a missing heading every id would point at another
    paragraph, and every glossary basis after it would be wrong. So the report's
    own structure is checked first, and its first break is the one error shown.
    """
    for n, part in enumerate(parts, 1):
        if part.number != n:
            raise SeedError(
                name,
                part.line,
                _numbering_error(f"part {part.label}", n, part.number, parts[n - 2].label if n > 1 else ""),
            )
        for m, section in enumerate(part.sections, 1):
            if section.number != m:
                before = part.sections[m - 2].label if m > 1 else part.label
                raise SeedError(
                    name,
                    section.line,
                    _numbering_error(f"subsection {section.label} of part {part.label}", m, section.number, before),
                )


def _numbering_error(what: str, expected: int, found: int, before: str) -> str:
    """What is wrong with a heading's number, and what to do about it."""
    after = f" after {before}" if before else " first"
    if found < expected:
        return (
            f"{what} comes{after}; numbering must continue in order (expected number {expected}); "
            "check for a repeated or misnumbered heading"
        )
    return (
        f"{what} comes{after}, but number {expected} is missing; "
        "restore the missing heading on a line of its own, or correct the numbering"
    )


def _expected_next(part: Part, numeral: str) -> bool:
    """A glued heading is believed only when it continues the numbering."""
    last = part.sections[-1].number if part.sections else 0
    return numeral_value(numeral) == last + 1


def _add_paragraph(part: Part, para: Paragraph) -> None:
    # A run-in subsection is its one paragraph: what follows belongs to the part.
    if not part.sections:
        part.before.append(para)
    elif part.sections[-1].style == "runin":
        part.after.append(para)
    else:
        part.sections[-1].paragraphs.append(para)


def _closing(last: Part) -> list[Paragraph]:
    """The closing address: from the last paragraph of the last part that opens with a salutation.

    It may run on over several paragraphs; the first paragraph of a subsection never is one.
    """
    # A part without subsections holds its paragraphs in `before`: its closing address is there.
    holder = last.after if last.after else last.sections[-1].paragraphs if last.sections else last.before
    starts = [k for k, p in enumerate(holder) if k and p.salutation]
    if not starts:
        return []
    closing = holder[starts[-1] :]
    del holder[starts[-1] :]
    return closing
