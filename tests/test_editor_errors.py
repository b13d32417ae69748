"""Errors where editors look: the command line (and its CI annotations), any report text, a BOM."""

from __future__ import annotations

import json

import pytest

from build_tools import cli
from build_tools.parse.report import parse_file, parse_text
from build_tools.seeds.errors import SeedError, annotation
from conftest import REPORT, ROOT, drop_front_matter_corrections
from support.project import copy_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the project's inputs, as the working directory."""
    copy_project(ROOT, tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def without_front_matter(text: str) -> str:
    """The report from its first part heading on: no title, metadata, speaker or opening."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[next(k for k, line in enumerate(lines) if line.strip().startswith("一、")) :])


def test_report_without_title_lines_parses():
    report = parse_text(without_front_matter(REPORT.read_text(encoding="utf-8")))
    assert report.title == "" and report.speaker == "" and report.meta == [] and report.opening == []
    assert [p.numeral for p in report.parts] == ["一", "二", "三"]


@pytest.mark.parametrize(
    "text",
    [
        "一、回顾\n内容。\n",
        "标题\n一、回顾\n内容。\n",
        "发布时间: 2023-01-01\n一、回顾\n内容。\n",
        "市长 某某\n一、回顾\n内容。\n",
        "各位代表:\n一、回顾\n内容。\n",
    ],
)
def test_any_front_matter_parses(text):
    assert parse_text(text).parts[0].title == "回顾"


@pytest.mark.parametrize("command", ["check", "outline"])
def test_commands_survive_a_report_without_title(project, capsys, command):
    path = project / "seeds" / "wuhai-2023.txt"
    path.write_text(without_front_matter(path.read_text(encoding="utf-8")), encoding="utf-8")
    drop_front_matter_corrections(project)
    argv = [command] + (["seeds/wuhai-2023.txt"] if command == "outline" else [])
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    if command == "outline":
        assert json.loads(out)["title"] == ""


def test_bom_is_not_part_of_the_title(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.read_bytes())
    assert parse_file(path).title == parse_file(REPORT).title
    assert not parse_file(path).title.startswith("\ufeff")


def test_numbering_gap_is_one_error_naming_the_report(project, capsys):
    path = project / "seeds" / "wuhai-2023.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  二、2023年经济社会发展的目标要求\n", ""), encoding="utf-8")
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err.splitlines()
    rows = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, row in enumerate(rows, 1) if "三、今年政府工作" in row)
    assert len(err) == 1 and err[0].startswith(f"seeds/wuhai-2023.txt:{line}: part 三、")


def break_glossary(project) -> int:
    """Misspell a field of the third entry; the line it is on."""
    path = project / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  definition: 即“半拉子”", "  defnition: 即“半拉子”", 1), encoding="utf-8")
    return next(k for k, line_ in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "defnition" in line_)


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_ci_gets_workflow_annotations(project, capsys, monkeypatch, variable):
    line = break_glossary(project)
    monkeypatch.setenv(variable, "true")
    assert cli.main(["check"]) == 1
    out, err = capsys.readouterr()
    assert f"seeds/glossary.yml:{line}: unknown field 'defnition'" in err
    assert f"::error file=seeds/glossary.yml,line={line}::unknown field 'defnition'" in out


def test_no_annotations_outside_ci(project, capsys):
    break_glossary(project)
    assert cli.main(["check"]) == 1
    assert "::error" not in capsys.readouterr().out


def test_annotation_escapes_what_github_would_misread():
    error = SeedError("seeds/a,b.yml", 3, "50% of it\nand more")
    assert annotation(error) == "::error file=seeds/a%2Cb.yml,line=3::50%25 of it%0Aand more"


def test_long_definition_warns_in_check(project, capsys, monkeypatch):
    path = project / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  definition: 即“半拉子”", "  definition: " + "很长。" * 200 + "即“半拉子”", 1), encoding="utf-8"
    )
    monkeypatch.setenv("CI", "true")
    assert cli.main(["check"]) == 0
    out, err = capsys.readouterr()
    assert "warning: seeds/glossary.yml:" in err and "::warning file=seeds/glossary.yml," in out


def test_a_changed_definition_makes_its_english_stale_in_check(project, capsys, monkeypatch):
    """make check names the English glossary entry to revise; --strict (as the build) refuses it."""
    path = project / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  definition: 即“半拉子”", "  definition: 也即“半拉子”", 1), encoding="utf-8")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    stale = [line for line in out.splitlines() if line.startswith("seeds/en-glossary.po:110: ")]
    assert len(stale) == 1 and "g-6f051cfc:definition" in stale[0], out
    assert "seeds/en-glossary.po: 255 texts translated, 0 untranslated, 1 fuzzy" in out
    assert cli.main(["check", "--strict"]) == 1
