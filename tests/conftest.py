"""Shared fixtures: the built site (both editions) and golden-file comparison."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "seeds" / "wuhai-2023.txt"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/<stage>/*.expected.* from the current output (review the diff before committing)",
    )


def build_site(site_dir: Path, config: Path | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as `make site` does, into site_dir."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1672531200")
    # Not --quiet: it silences warnings, and then --strict has nothing to count.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once per test session from the real seeds."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the session (Playwright's sync API allows one at a time)."""
    from playwright.sync_api import sync_playwright

    from tools.devserver import CHROMIUM, CHROMIUM_ARGS

    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
        "(apt-get install chromium; `make test` installs it)"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/<name>; a unified diff on failure, --update-golden to rewrite."""

    def check(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"{path.name} missing: run pytest --update-golden and review it"
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = "".join(
                difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"golden/{name}", "actual")
            )
            pytest.fail(f"output differs from golden/{name}:\n{diff}")

    return check


def drop_front_matter_corrections(project: Path) -> None:
    """Without its metadata the report no longer says 发布(时间): the correction for it would be stale, an error."""
    table = project / "seeds" / "zh-hant-corrections.yml"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    table.write_text("".join(line for line in lines if not line.startswith("发布:")), encoding="utf-8")


def merge_translation(project: Path) -> None:
    """Bring the project's seeds/en.po up to date with its report the documented way (README: po-template, then
    msgmerge): units the report no longer has become obsolete (#~), which a strict build would refuse as live."""
    pot = project / "en.pot"
    subprocess.run([sys.executable, "-m", "build_tools", "po-template", str(pot)], cwd=project, check=True)
    subprocess.run(
        ["msgmerge", "--quiet", "--update", "--backup=off", "seeds/en.po", str(pot)], cwd=project, check=True
    )
    pot.unlink()
