"""seeds/overrides.yml: the editor's corrections to what the parser guesses."""

from __future__ import annotations

from pathlib import Path

from .errors import SeedError, raise_all
from .model import Report
from .punct import to_source
from .runin import Overrides, sentences
from .yamlio import check_keys, display_path, line_of, load_yaml

FIELDS = {"runin_headings"}
RUNIN_FIELDS = {"add", "remove"}


def load_overrides(path: Path | str | None, report: Report | None = None) -> Overrides:
    """Read the run-in heading overrides; each listed sentence must occur in the report."""
    if path is None:
        return Overrides()
    data = load_yaml(path, "YAML with editor overrides (see seeds/README.md)", optional=True)
    shown = display_path(path)
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise SeedError(shown, None, "expected a mapping with the key 'runin_headings'")
    errors = check_keys(data, shown, set(), FIELDS)
    runin = data.get("runin_headings") or {}
    if not isinstance(runin, dict):
        errors.append(SeedError(shown, line_of(data), "'runin_headings' must be a mapping with 'add' and 'remove' lists"))
        runin = {}
    errors += check_keys(runin, shown, set(), RUNIN_FIELDS) if runin else []
    found = _all_sentences(report) if report else None
    result = Overrides()
    for key in ("add", "remove"):
        items = runin.get(key) or []
        if not isinstance(items, list):
            errors.append(SeedError(shown, line_of(runin), f"'runin_headings.{key}' must be a list of sentences"))
            continue
        for item in items:
            sentence = to_source(str(item).strip())
            if found is not None and sentence not in found:
                errors.append(SeedError(shown, line_of(item, line_of(runin)), f"runin_headings.{key}: '{item}' is not a sentence of the report; copy it from the text, ending with its 。"))
            getattr(result, key).add(sentence)
    raise_all(errors)
    return result


def _all_sentences(report: Report) -> set[str]:
    found = set()
    for _, _, para in report.paragraphs():
        found.update(sentences(para.text))
    return found
