"""Golden files: report text in, the generated Markdown pages out (pymdown-extensions' way)."""

from pathlib import Path

import pytest

from build_tools.annotate.structure import annotate_structure
from build_tools.parse.report import parse_file
from build_tools.render.pages import Writer

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("source", sorted(GOLDEN.glob("*.txt")), ids=lambda p: p.stem)
def test_pages(source, golden):
    report = annotate_structure(parse_file(source))
    pages = Writer(report).pages()
    text = "".join(f"<!-- page: {p.src} | {p.title} -->\n{p.markdown}\n" for p in pages)
    golden(f"{source.stem}.expected.md", text)
