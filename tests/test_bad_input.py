"""Bad seeds stop the build with one readable line, a non-zero exit, and no site written."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, build_site


@pytest.fixture
def project(tmp_path):
    """A copy of the project's inputs that a test may break."""
    for name in ("mkdocs.yml", "mkdocs.zh-Hant.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("docs", "overrides", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
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
    assert "seeds/wuhai-2023.txt: file not found; expected the text of a government work report" in failed_build(project)


def test_empty_report(project):
    (project / "seeds" / "wuhai-2023.txt").write_text("", encoding="utf-8")
    assert "seeds/wuhai-2023.txt: the file is empty" in failed_build(project)


def test_report_without_parts(project):
    (project / "seeds" / "wuhai-2023.txt").write_text("政府工作报告\n各位代表:\n今天的报告没有任何部分。\n", encoding="utf-8")
    assert "seeds/wuhai-2023.txt: no recognisable parts; expected part headings" in failed_build(project)


def test_glossary_error_reaches_the_build_with_its_line(project):
    path = project / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  en: ", "  english: ", 1), encoding="utf-8")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("- term:"))
    message = failed_build(project)
    assert f"seeds/glossary.yml:{line}: unknown field 'english'" in message


def test_yaml_syntax_error_in_overrides(project):
    (project / "seeds" / "overrides.yml").write_text("runin_headings:\n  add: [unclosed\n", encoding="utf-8")
    assert "seeds/overrides.yml:2: YAML syntax error" in failed_build(project)
