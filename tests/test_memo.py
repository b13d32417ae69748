"""build_tools.seeds.memo: what every edition shares is computed once, and afresh when a seed file changes."""

from __future__ import annotations

from build_tools.mkdocs_plugin.config import SourceLink
from build_tools.seeds import memo


def counted():
    """A shared function and the list of the arguments it was really called with."""
    calls = []

    @memo.shared
    def read(path, obj=None, strict=False):
        calls.append((path, obj, strict))
        return [path.read_text(encoding="utf-8"), strict]

    return read, calls


def test_the_same_file_is_read_once_and_afresh_after_a_save(tmp_path):
    read, calls = counted()
    seed = tmp_path / "glossary.yml"
    seed.write_text("a", encoding="utf-8")
    first = read(seed)
    assert read(seed) is first and len(calls) == 1
    seed.write_text("b", encoding="utf-8")
    assert read(seed)[0] == "b" and len(calls) == 2


def test_keywords_and_defaults_make_one_call(tmp_path):
    read, calls = counted()
    seed = tmp_path / "en.po"
    seed.write_text("x", encoding="utf-8")
    read(seed, None, True)
    read(seed, strict=True)
    read(seed, obj=None, strict=True)
    assert len(calls) == 1
    assert read(seed) == ["x", False] and len(calls) == 2


def test_other_objects_count_by_identity(tmp_path):
    read, calls = counted()
    seed = tmp_path / "report.txt"
    seed.write_text("x", encoding="utf-8")
    one, other = [1], [1]
    read(seed, one)
    read(seed, one)
    read(seed, other)  # equal, but another object: computed again
    assert len(calls) == 2


def test_frozen_dataclasses_count_by_equality(tmp_path):
    """Two editions' builds each make their own link to the repository: equal links share the pages."""
    read, calls = counted()
    seed = tmp_path / "report.txt"
    seed.write_text("x", encoding="utf-8")
    read(seed, SourceLink("https://github.com/o/r", "main", tmp_path))
    read(seed, SourceLink("https://github.com/o/r", "main", tmp_path))
    assert len(calls) == 1
    read(seed, SourceLink("https://github.com/o/r", "draft", tmp_path))
    assert len(calls) == 2


def test_clear_forgets(tmp_path):
    read, calls = counted()
    seed = tmp_path / "report.txt"
    seed.write_text("x", encoding="utf-8")
    read(seed)
    memo.clear()
    read(seed)
    assert len(calls) == 2


def test_a_saved_glossary_does_not_parse_the_report_again(tmp_path):
    """Each shared stage is keyed by the files it reads: under `mkdocs serve`, a glossary edit reuses the parsed
    report and its figures, and computes the glossary afresh."""
    from build_tools import cli
    from build_tools.annotate.load import load_entries, load_metrics, load_report
    from conftest import ROOT
    from support.project import copy_project

    project = copy_project(ROOT, tmp_path)
    seeds = cli.seeds_from_config(str(project / "mkdocs.yml"))
    report = load_report(seeds)
    entries, figures = load_entries(seeds, report), load_metrics(seeds, report)
    glossary = project / "seeds" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("  definition: ", "  definition: 改", 1), "utf-8")
    assert load_report(seeds) is report and load_metrics(seeds, report) is figures
    assert load_entries(seeds, report) is not entries
    seeds.report.write_text(seeds.report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_report(seeds) is not report


def test_small_results_are_kept_until_clear():
    calls = []

    @memo.small
    def shout(text):
        calls.append(text)
        return text.upper()

    assert shout("ab") == shout("ab") == "AB" and calls == ["ab"]
    memo.clear()
    shout("ab")
    assert calls == ["ab", "ab"]


def test_clear_forgets_the_schema_checks_too(tmp_path, monkeypatch):
    """A benchmark after clear() times validating the seed files again, not a lookup of its result."""
    from build_tools.seeds import shapes

    checked = []
    real = shapes.schema_errors
    monkeypatch.setattr(shapes, "schema_errors", lambda *args: checked.append(args[1]) or real(*args))
    seed = tmp_path / "search-words.yml"
    seed.write_text("- 乌海\n", encoding="utf-8")
    shapes.load_checked(seed, "search-words", "a list")
    shapes.load_checked(seed, "search-words", "a list")
    assert checked == ["search-words"]
    memo.clear()
    shapes.load_checked(seed, "search-words", "a list")
    assert checked == ["search-words", "search-words"]
