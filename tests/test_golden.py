"""Golden tests per stage, in pymdown-extensions' way: many small cases, one folder per stage.

Each case of ``tests/golden/<stage>/`` is an input file ``NAME.txt`` beside its expected output
``NAME.expected.<ext>``; a difference fails with a unified diff, and ``pytest --update-golden``
rewrites the expected files (then read every one: an expected file states what is right, it is
not whatever the code printed). Each stage's output is written in a form a reviewer can read:

- parse: the report as parsed (``model.Report`` as JSON, before ids and run-in headings);
- runin: every display block after structure and run-in headings, ``id [heading] body``;
- glossary: the glossary marks in text; the case's first line lists the terms (``term=alias``);
- metrics: every figure extracted, one tab-separated row each;
- pages: every Markdown page the generator writes (zh-Hans), in reading order;
- punct: each line of text typeset for display.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from build_tools.annotate.glossary import Entry, find_spans
from build_tools.annotate.metrics import extract
from build_tools.annotate.structure import annotate_structure
from build_tools.parse.punct import to_display
from build_tools.parse.report import parse_file
from build_tools.render.pages import Writer

GOLDEN = Path(__file__).parent / "golden"


def parse(source: Path) -> str:
    report = dataclasses.asdict(parse_file(source))
    report.pop("source")  # the input itself, beside the case
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def runin(source: Path) -> str:
    report = annotate_structure(parse_file(source))
    lines = []
    for *_, b in report.blocks():
        lines.append(f"{b.id} [{b.heading_id}: {b.heading}] {b.body}" if b.heading else f"{b.id} {b.body}")
    return "\n".join(lines) + "\n"


def glossary(source: Path) -> str:
    first, *text = source.read_text(encoding="utf-8").splitlines()
    forms = {}
    for spec in first.split():
        term, *aliases = spec.split("=")
        entry = Entry(term, "", "", "", "", aliases)
        forms.update(dict.fromkeys(entry.forms, entry))
    terms = {e.id: e.term for e in forms.values()}
    out = []
    for line in text:
        marked, end = [], 0
        for start, stop, key in find_spans(line, forms):
            marked += [line[end:start], f"[{line[start:stop]}→{terms[key]}]"]
            end = stop
        out.append("".join(marked) + line[end:])
    return "\n".join(out) + "\n"


def metrics(source: Path) -> str:
    report = annotate_structure(parse_file(source))
    columns = ("id", "label", "value", "value_max", "unit", "qualifier", "kind", "year", "base_year")
    rows = ["\t".join((*columns, "estimate", "status", "source"))]
    for f in extract(report):
        values = [getattr(f, c) for c in columns] + [f.estimate, f.status, f.source]
        rows.append("\t".join("" if v is None else f"{v:g}" if isinstance(v, float) else str(v) for v in values))
    return "\n".join(rows) + "\n"


def pages(source: Path) -> str:
    report = annotate_structure(parse_file(source))
    return "".join(f"<!-- page: {p.src} | {p.title} -->\n{p.markdown}\n" for p in Writer(report).pages())


def punct(source: Path) -> str:
    return "".join(to_display(line) + "\n" for line in source.read_text(encoding="utf-8").splitlines())


STAGES = {"parse": (parse, "json"), "runin": (runin, "txt"), "glossary": (glossary, "txt")}
STAGES |= {"metrics": (metrics, "tsv"), "pages": (pages, "md"), "punct": (punct, "txt")}
CASES = [(stage, p) for stage in STAGES for p in sorted((GOLDEN / stage).glob("*.txt")) if ".expected." not in p.name]


@pytest.mark.parametrize("stage, source", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_stage(stage, source, golden):
    run, ext = STAGES[stage]
    golden(f"{stage}/{source.stem}.expected.{ext}", run(source))


def test_every_stage_has_cases():
    """A stage whose folder lost its cases would pass silently."""
    for stage in STAGES:
        assert len([s for s, _ in CASES if s == stage]) >= 3, stage
