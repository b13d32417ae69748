"""seeds/overrides.yml: the editor's corrections to what the parser guesses."""

from __future__ import annotations

from pathlib import Path

from build_tools.annotate.runin import Overrides, sentences
from build_tools.model import Report
from build_tools.parse.punct import to_source
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.shapes import load_seed
from build_tools.seeds.yamlio import display_path, line_of


def load_overrides(path: Path | str | None, report: Report | None = None) -> Overrides:
    """Read the run-in heading overrides; each listed sentence must occur in the report."""
    if path is None:
        return Overrides()
    data = load_seed(path, "overrides", "YAML with editor overrides (see seeds/README.md)", optional=True)
    shown = display_path(path)
    runin = (data or {}).get("runin_headings") or {}
    found = _all_sentences(report) if report else None
    result, errors = Overrides(), []
    for key in ("add", "remove"):
        for item in runin.get(key) or []:
            sentence = to_source(item.strip())
            if found is not None and sentence not in found:
                errors.append(
                    SeedError(
                        shown,
                        line_of(item, line_of(runin)),
                        f"runin_headings.{key}: '{item}' is not a sentence of the report; "
                        "copy it from the text, ending with its 。",
                    )
                )
            getattr(result, key).add(sentence)
    raise_all(errors)
    return result


def _all_sentences(report: Report) -> set[str]:
    found = set()
    for _, _, para in report.paragraphs():
        found.update(sentences(para.text))
    return found
