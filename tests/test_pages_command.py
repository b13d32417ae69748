"""`python -m build_tools pages OUT`: an edition's whole docs tree on disk, buildable by a stock MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from build_tools import cli
from build_tools.mkdocs_plugin.config import load_site_config, report_options
from conftest import ROOT

CONFIG = str(ROOT / "mkdocs.yml")


def run(*args: str) -> int:
    return cli.main(["pages", *args, "--config", CONFIG])


def nav_sources(nav) -> list[str]:
    """Every Markdown source a mkdocs-style nav names, in order."""
    if isinstance(nav, dict):
        return [s for v in nav.values() for s in nav_sources(v)]
    if isinstance(nav, list):
        return [s for v in nav for s in nav_sources(v)]
    return [nav]


def source_of(page: Path, site: Path) -> str:
    """The Markdown source MkDocs built a page of the site from (directory URLs)."""
    rel = page.relative_to(site).parent.as_posix()
    return "index.md" if rel == "." else f"{rel}.md"


def test_every_page_of_the_built_site_has_its_source_in_the_tree(site, tmp_path):
    out = tmp_path / "docs"
    assert run(str(out)) == 0
    others = [e.path.strip("/") for e in report_options(load_site_config(CONFIG)).editions if e.path]
    pages = [
        p
        for p in site.rglob("index.html")
        if not any(p.relative_to(site).as_posix().startswith(o + "/") for o in others)
    ]
    assert pages
    for page in pages:
        src = source_of(page, site)
        assert (out / src).is_file() or (out / src.replace(".md", "/index.md")).is_file(), src


def test_the_nav_names_every_page_once_and_only_pages_that_exist(tmp_path):
    out = tmp_path / "docs"
    assert run(str(out)) == 0
    sources = nav_sources(yaml.safe_load((out / "nav.yml").read_text(encoding="utf-8"))["nav"])
    assert len(sources) == len(set(sources))
    assert all((out / s).is_file() for s in sources)
    assert set(sources) == {p.relative_to(out).as_posix() for p in out.rglob("*.md")}


def test_all_editions_each_in_a_folder_of_its_own(tmp_path):
    out = tmp_path / "all"
    assert run(str(out), "--all") == 0
    langs = [e.lang for e in report_options(load_site_config(CONFIG)).editions]
    assert sorted(p.name for p in out.iterdir()) == sorted(langs)
    source, hant = out / langs[0], out / "zh-Hant"
    # The handwritten pages are in each edition's text, as the plugin shows them.
    assert (source / "about.md").read_text(encoding="utf-8") == (ROOT / "docs/about.md").read_text(encoding="utf-8")
    assert (hant / "about.md").read_text(encoding="utf-8") != (source / "about.md").read_text(encoding="utf-8")
    assert "關於本版" in (hant / "nav.yml").read_text(encoding="utf-8")


def test_a_stock_mkdocs_builds_the_tree(tmp_path):
    """No report plugin, no Material: the tree and its nav are enough for MkDocs itself."""
    out = tmp_path / "docs"
    assert run(str(out)) == 0
    nav = yaml.safe_load((out / "nav.yml").read_text(encoding="utf-8"))["nav"]
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "site_name": "stock",
                "docs_dir": str(out),
                "site_dir": str(tmp_path / "site"),
                "nav": nav,
                "markdown_extensions": load_site_config(CONFIG).markdown_extensions,
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "glossary" / "index.html").is_file()


def test_an_existing_folder_is_never_written_into(tmp_path, capsys):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "mine.md").write_text("an editor's file", encoding="utf-8")
    assert run(str(out)) == 1
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["mine.md"]
    assert (out / "mine.md").read_text(encoding="utf-8") == "an editor's file"


def test_an_unknown_edition_is_one_line(tmp_path, capsys):
    assert run(str(tmp_path / "docs"), "--edition", "xx") == 1
    assert "no edition 'xx'" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()
