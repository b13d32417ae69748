"""Editions are data: an entry of the report plugin's `editions` list is a whole edition, built in a loop.

A third edition is added to a copy of mkdocs.yml and nothing else: it is built, listed in the root
sitemap, and every page of every edition links its twins in all of them (selector and hreflang).
"""

from __future__ import annotations

import filecmp
import os

import pytest

from build_tools.mkdocs_plugin.config import load_site_config, report_options
from conftest import ROOT, build_site
from support.project import copy_project

PAGE = "part-1/section-1/"
# A third entry: only these lines in mkdocs.yml, no config file of its own (OpenCC's s2twp).
THIRD = """      - lang: zh-TW
        name: 正體中文（臺灣用語）
        path: zh-TW/
        conversion: s2twp
"""


def add_entry(project, text: str) -> None:
    """Append an entry to the `editions` list of the project's mkdocs.yml (its last key, before markdown_extensions)."""
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    assert "\nmarkdown_extensions:" in source
    config.write_text(
        source.replace("\nmarkdown_extensions:", "\n" + text + "\nmarkdown_extensions:", 1), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    project = copy_project(ROOT, tmp_path_factory.mktemp("three"))
    add_entry(project, THIRD)
    assert [e.lang for e in report_options(load_site_config(project / "mkdocs.yml")).editions][-1] == "zh-TW"
    result = build_site(project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_new_entry_is_built_in_its_folder(three):
    page = (three / "zh-TW" / PAGE / "index.html").read_text(encoding="utf-8")
    assert 'lang="zh-TW"' in page or "zh-TW" in page
    assert page != (three / "zh-Hant" / PAGE / "index.html").read_text(encoding="utf-8")


def test_every_page_links_its_twins_in_every_edition(three):
    paths = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "zh-TW": "zh-TW/"}
    for here, path in paths.items():
        page = (three / path / PAGE / "index.html").read_text(encoding="utf-8")
        up = "../" * (PAGE.count("/") + path.count("/"))
        for lang, other in paths.items():
            alternate = (
                f'<link rel="alternate" href="https://wuhai-report.github.io/edition/{other}{PAGE}" hreflang="{lang}">'
            )
            assert alternate in page, (here, lang)
            if lang != here:
                assert f'<a href="{up}{other}{PAGE}" hreflang="{lang}"' in page, (here, lang)


def test_the_root_sitemap_lists_every_edition(three):
    sitemap = (three / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("", "zh-Hant/", "zh-TW/"):
        assert f"<loc>https://wuhai-report.github.io/edition/{path}{PAGE}</loc>" in sitemap


def test_an_entry_without_a_config_file_builds_as_one_with_it(site, tmp_path):
    """mkdocs.zh-Hant.yml only names the lang again: without it, the zh-Hant edition comes out byte for byte."""
    project = copy_project(ROOT, tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("        config: mkdocs.zh-Hant.yml\n", ""), encoding="utf-8"
    )
    (project / "mkdocs.zh-Hant.yml").unlink()
    result = build_site(project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    compared = filecmp.dircmp(site / "zh-Hant", project / "site" / "zh-Hant")
    assert_same(compared)


def assert_same(compared: filecmp.dircmp) -> None:
    assert not (compared.left_only or compared.right_only or compared.diff_files), compared.report()
    _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
    assert not mismatch and not errors, mismatch
    for sub in compared.subdirs.values():
        assert_same(sub)


def test_a_translation_entry_without_its_labels_file_is_refused_in_one_line(tmp_path):
    """A translated edition's own words come from its labels file: without one, nothing is written."""
    project = copy_project(ROOT, tmp_path)
    add_entry(
        project, "      - lang: fr\n        name: Français\n        path: fr/\n        translation: seeds/en.po\n"
    )
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0
    assert "edition 'fr': a 'translation' edition needs 'labels'" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_an_edition_failing_alone_fails_the_build_with_its_own_words(tmp_path):
    """The other editions are built in processes of their own: a warning only one of them meets
    (a broken link in the English about page, under --strict) still stops the whole build, as MkDocs says it."""
    project = copy_project(ROOT, tmp_path)
    about = project / "docs" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[broken](nowhere.md)\n", encoding="utf-8")
    result = build_site(project / "site", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode != 0, said
    assert "contains a link 'nowhere.md', but the target is not found" in said
    assert "Aborted with 1 warnings in strict mode!" in said


def test_an_edition_process_that_dies_without_a_word_fails_the_build(tmp_path):
    """A process that ends without sending its outcome (killed, or a crash before it could) is a failed edition."""
    import multiprocessing

    from mkdocs.exceptions import Abort

    from build_tools.editions.edition import EditionEntry
    from build_tools.mkdocs_plugin.editions import Alongside, finish_others

    fork = multiprocessing.get_context("fork")
    said, say = fork.Pipe(duplex=False)
    process = fork.Process(target=lambda: None)
    process.start()
    say.close()
    entry = EditionEntry(lang="zh-TW", name="正體", path="zh-TW/")
    with pytest.raises(Abort, match="the zh-TW edition failed"):
        finish_others([Alongside(entry, process, said)], tmp_path, lambda *_: None)


def test_an_edition_started_early_writes_only_once_the_site_folder_is_emptied(tmp_path, monkeypatch):
    """The other editions' builds start while the default build has yet to empty the site folder."""
    import multiprocessing

    from build_tools.mkdocs_plugin import editions

    fork = multiprocessing.get_context("fork")
    emptied = fork.Event()
    written = tmp_path / "zh-Hant" / "index.html"

    def edition_build():
        editions.SITE_EMPTIED[:] = [(emptied, os.getppid())]
        editions.wait_until_emptied()
        written.parent.mkdir()
        written.write_text("built", encoding="utf-8")

    process = fork.Process(target=edition_build)
    process.start()
    process.join(0.5)
    assert process.is_alive() and not written.exists()
    emptied.set()
    process.join()
    assert process.exitcode == 0 and written.exists()


def test_an_edition_started_early_stops_if_the_default_build_ended_first(monkeypatch):
    """That build failed before it emptied the site folder (its process is gone): nothing is written."""
    import multiprocessing

    from mkdocs.exceptions import Abort

    from build_tools.mkdocs_plugin import editions

    never = multiprocessing.get_context("fork").Event()
    monkeypatch.setattr(editions, "SITE_EMPTIED", [(never, os.getppid() + 1)])  # not this process's parent
    with pytest.raises(Abort, match="the default edition's build ended"):
        editions.wait_until_emptied()
