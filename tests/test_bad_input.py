"""Bad seeds stop the build with one readable line, a non-zero exit, and no site written."""

from __future__ import annotations

import polib
import pytest

from conftest import ROOT, build_site, drop_front_matter_corrections, merge_translation
from support.project import copy_project


@pytest.fixture
def project(tmp_path):
    """A copy of the project's inputs that a test may break."""
    copy_project(ROOT, tmp_path)
    return tmp_path


def failed_build(project):
    out = project / "site"
    result = build_site(out, cwd=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not out.exists(), "a failed build must not leave a half-written site"
    errors = [line for line in result.stderr.splitlines() if "ERROR" in line or line.startswith("Error")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_missing_report(project):
    (project / "seeds" / "wuhai-2023.txt").unlink()
    assert "seeds/wuhai-2023.txt: file not found; expected the text of a government work report" in failed_build(
        project
    )


def test_empty_report(project):
    (project / "seeds" / "wuhai-2023.txt").write_text("", encoding="utf-8")
    assert "seeds/wuhai-2023.txt: the file is empty" in failed_build(project)


def test_report_without_parts(project):
    (project / "seeds" / "wuhai-2023.txt").write_text(
        "政府工作报告\n各位代表:\n今天的报告没有任何部分。\n", encoding="utf-8"
    )
    assert "seeds/wuhai-2023.txt: no recognisable parts; expected part headings" in failed_build(project)


def test_glossary_error_reaches_the_build_with_its_line(project):
    path = project / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  en: ", "  english: ", 1), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    entry = next(i for i, line_ in enumerate(lines, 1) if line_.startswith("- term:"))
    field = next(i for i, line_ in enumerate(lines, 1) if line_.startswith("  english: "))
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    # Each problem on the line to fix: the entry lacks 'en'; the unknown key is on its own line.
    assert f"seeds/glossary.yml:{entry}: missing field 'en'" in result.stderr
    assert f"seeds/glossary.yml:{field}: unknown field 'english'" in result.stderr


def test_yaml_syntax_error_in_overrides(project):
    (project / "seeds" / "overrides.yml").write_text("runin_headings:\n  add: [unclosed\n", encoding="utf-8")
    assert "seeds/overrides.yml:2: YAML syntax error" in failed_build(project)


def test_numbering_gap_names_the_report_not_the_glossary(project):
    path = project / "seeds" / "wuhai-2023.txt"
    text = path.read_text(encoding="utf-8").replace("  二、2023年经济社会发展的目标要求\n", "")
    path.write_text(text, encoding="utf-8")
    line = next(k for k, line_ in enumerate(text.splitlines(), 1) if "三、今年政府工作" in line_)
    assert f"seeds/wuhai-2023.txt:{line}: part 三、 comes after 一、, but number 2 is missing" in failed_build(project)


def test_ci_build_annotates_the_seed_file(project, monkeypatch):
    path = project / "seeds" / "metrics.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("add: []", "add: 3"), encoding="utf-8")
    line = next(k for k, line_ in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line_ == "add: 3")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0
    assert f"::error file=seeds/metrics.yml,line={line}::'add' must be a list" in result.stdout


def test_report_without_title_and_with_bom_builds(project):
    """No title, metadata or speaker, saved with a BOM: every stage still works, and the BOM is nowhere."""
    path = project / "seeds" / "wuhai-2023.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    body = "".join(lines[next(k for k, line_ in enumerate(lines) if line_.strip().startswith("一、")) :])
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    drop_front_matter_corrections(project)
    merge_translation(project)
    out = project / "site"
    result = build_site(out, cwd=project)
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="title">首页' in home and "{ #title }" not in home
    part = (out / "part-1" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="part-1">一、2022年工作回顾' in part
    for page in [out / "index.html", out / "part-1" / "index.html", out / "search" / "search_index.json"]:
        assert "\ufeff" not in page.read_text(encoding="utf-8"), page


def test_warning_is_shown_and_does_not_stop_the_build(project):
    """As `make check` says: a definition too long for a tooltip is worth fixing, not a broken site."""
    path = project / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8").replace(
        "  definition: 即“半拉子”", "  definition: " + "很长。" * 200 + "即“半拉子”", 1
    )
    path.write_text(text, encoding="utf-8")
    line, definition = next(
        (k, line_.removeprefix("  definition: "))
        for k, line_ in enumerate(text.splitlines(), 1)
        if line_.startswith("  definition: 很长。")
    )
    # The translator follows the change (a stale English definition would stop the strict build).
    po = polib.pofile(str(project / "seeds" / "en-glossary.po"))
    old = next(e for e in po if e.msgid.startswith("即“半拉子”"))
    old.msgid = definition
    po.save()
    result = build_site(project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    warning = f"warning: seeds/glossary.yml:{line}: the definition of '半拉子' has {len(definition)} characters"
    assert result.stderr.count(warning) == 1, result.stderr
