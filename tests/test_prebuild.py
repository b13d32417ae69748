"""Every edition computed in a forked process while the default build loads jieba (mkdocs_plugin/prebuild.py).

What comes back must be what the edition's own build would have computed, a seed file's
error met there must stop the build as one line, and anything else going wrong there
must leave each build to compute its own pages.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from pathlib import Path

import pytest
from jinja2 import Environment

from build_tools.editions.build import build_edition
from build_tools.editions.hant import Converter
from build_tools.mkdocs_plugin import editions, prebuild, templates
from build_tools.mkdocs_plugin.config import load_site_config, report_options
from build_tools.seeds.errors import SeedError, SeedErrors
from conftest import ROOT, build_site
from support.project import copy_project

SAMPLE = "乌海市发展和改革委员会：着力优化营商环境，干部群众“一件事一次办”。"


def site_recipes(root: Path = ROOT) -> list[prebuild.Recipe]:
    """Every edition's recipe, as the default edition's build predicts them (its own first)."""
    config = load_site_config(root / "mkdocs.yml")
    options = report_options(config)
    own = prebuild.recipe(root, config, options)
    return [own, *(prebuild.recipe(root, config, options, e) for e in editions.entries(options) if e.path)]


@pytest.fixture(autouse=True)
def forget_prebuilt():
    yield
    prebuild.PREBUILT.clear()


def test_a_seed_error_survives_the_trip_between_processes():
    one = SeedError("seeds/glossary.yml", 12, "write a definition")
    two = SeedErrors([one, SeedError("seeds/metrics.yml", None, "the file is empty")])
    for error in (one, two):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert (back.path, back.line, back.message, str(back)) == (error.path, error.line, error.message, str(error))


def test_a_conversion_survives_the_trip_between_processes():
    convert = Converter("s2tw", {"发布": "發布"}).convert
    assert pickle.loads(pickle.dumps(convert))(SAMPLE + "发布") == convert(SAMPLE + "发布")


@pytest.mark.parametrize("index", [0, 1, 2], ids=["zh-Hans", "zh-Hant", "en"])
def test_an_edition_computed_elsewhere_is_the_edition_computed_here(index):
    """Computed without jieba's words, sent as bytes, the words added on arrival: the same edition in every field."""
    r = site_recipes()[index]
    here = build_edition(r.seeds, r.entry, r.others, r.source_url, r.strict)
    sent = pickle.loads(pickle.dumps(build_edition(r.seeds, r.entry, r.others, r.source_url, r.strict, segment=False)))
    if r.entry.conversion:
        assert sent.unsegmented and sent.jieba_words != here.jieba_words  # the one step left for later
    prebuild.add_vocabulary(sent)
    assert sent.convert(SAMPLE) == here.convert(SAMPLE)
    for name in ("pages", "files", "jieba_words", "query_map", "fold", "words", "unsegmented"):
        assert getattr(sent, name) == getattr(here, name), name
    assert [str(w) for w in sent.warnings] == [str(w) for w in here.warnings]


def test_every_edition_finds_its_prebuilt_pages():
    """Each edition's build asks with its own configuration; the default build predicted it from its own."""
    config = load_site_config(ROOT / "mkdocs.yml")
    options = report_options(config)
    predicted = site_recipes()
    prebuild.finish(prebuild.start(predicted))
    assert [r for r, _ in prebuild.PREBUILT] == predicted
    for entry in editions.entries(options):
        own_config = editions.edition_config(ROOT, config, entry) if entry.path else config
        asked = prebuild.recipe(ROOT, own_config, report_options(own_config))
        found = {r.entry.lang: e for r, e in prebuild.PREBUILT}[entry.lang]
        assert prebuild.edition(asked) is found, entry.lang
        assert not found.unsegmented  # its jieba words were added on arrival


def test_other_inputs_are_computed_here():
    first, *_ = site_recipes()
    prebuild.finish(prebuild.start([first]))
    stricter = prebuild.Recipe(first.seeds, first.entry, first.others, first.source_url, not first.strict)
    assert prebuild.edition(stricter) is not prebuild.PREBUILT[0][1]
    assert prebuild.edition(first) is prebuild.PREBUILT[0][1]


def test_a_seed_error_met_there_is_raised_here(tmp_path):
    project = copy_project(ROOT, tmp_path)
    glossary = project / "seeds" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("\n  definition: ", "\n\tdefinition: ", 1))
    with pytest.raises(SeedError, match=r"seeds/glossary\.yml:\d+: "):
        prebuild.finish(prebuild.start(site_recipes(project)))
    assert prebuild.PREBUILT == []


def after_the_first_edition(monkeypatch, then) -> list[prebuild.Recipe]:
    """Every recipe, whose forked process computes (and sends) the first edition, then calls ``then()``."""
    parent, real, calls = os.getpid(), prebuild.build_edition, []

    def first_then(*args, **kwargs):
        if os.getpid() != parent:
            calls.append(args)
            if len(calls) > 1:
                then()
        return real(*args, **kwargs)

    monkeypatch.setattr(prebuild, "build_edition", first_then)
    return site_recipes()


def test_a_crash_there_leaves_each_build_to_compute_its_own(monkeypatch):
    """A bug in the forked process is met again here, where its traceback shows; nothing is kept."""

    def crash():
        raise RuntimeError("a bug")

    recipes = after_the_first_edition(monkeypatch, crash)
    prebuild.finish(prebuild.start(recipes))
    assert prebuild.PREBUILT == []  # not even the edition sent before the crash
    assert prebuild.edition(recipes[0]).pages  # computed here


def test_a_seed_error_after_an_edition_was_sent_keeps_nothing(monkeypatch):
    def seed_error():
        raise SeedError("seeds/en.po", 3, "translate this")

    with pytest.raises(SeedError, match=r"seeds/en\.po:3: translate this"):
        prebuild.finish(prebuild.start(after_the_first_edition(monkeypatch, seed_error)))
    assert prebuild.PREBUILT == []


def test_a_process_that_dies_without_a_word_leaves_each_build_to_compute_its_own(monkeypatch):
    monkeypatch.setattr(prebuild, "_work", lambda recipes, say: os._exit(1))
    prebuild.finish(prebuild.start(site_recipes()[:1]))
    assert prebuild.PREBUILT == []


def test_a_process_that_dies_after_an_edition_keeps_nothing(monkeypatch):
    prebuild.finish(prebuild.start(after_the_first_edition(monkeypatch, lambda: os._exit(1))))
    assert prebuild.PREBUILT == []


def test_an_edition_is_sent_without_waiting_for_the_reader():
    """The forked process computes the next edition while the build is still loading jieba (not reading)."""
    said, say = multiprocessing.Pipe(duplex=False)
    sender = prebuild._Sender(say)
    big = "编" * 1_000_000  # far more than a pipe holds
    sent = threading.Event()

    def send() -> None:
        sender.send(("built", big))  # returns at once: the sender's thread writes it once it is read
        sent.set()

    threading.Thread(target=send, daemon=True).start()
    assert sent.wait(60), "send waited for a reader"  # a deadlock guard, not a speed limit
    assert said.recv() == ("built", big)
    sender.close()
    assert not sender.thread.is_alive()


def test_the_page_templates_are_compiled_before_any_build_renders_them(monkeypatch):
    """What compile_theme follows from main.html is what a page's rendering loads: none compiled again."""
    config = load_site_config(ROOT / "mkdocs.yml")
    compiled = templates.compile_theme(config.theme)
    assert compiled
    env = templates.share_compiled_templates(config.theme.get_env())

    def compile_again(*args, **kwargs):
        raise AssertionError(f"compiled again: {args[1:2]}")

    monkeypatch.setattr(env, "compile", compile_again)
    for name in ("main.html", "404.html", "partials/header.html", "partials/footer.html", "partials/nav.html"):
        env.get_template(name)


def test_the_next_build_loads_the_templates_compiled_on_disk(monkeypatch, tmp_path):
    """Another process (another cache in memory) finds them in Jinja's cache on disk: none compiled again,
    but a template whose source changed."""
    from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "main.html").write_text('{% include "nav.html" %}', encoding="utf-8")
    (tmp_path / "theme" / "nav.html").write_text("<nav>{{ title }}</nav>", encoding="utf-8")

    class Theme:
        static_templates: list[str] = []

        def get_env(self):
            return Environment(loader=FileSystemLoader(str(tmp_path / "theme")))

    (tmp_path / "cache").mkdir()
    disk = FileSystemBytecodeCache(str(tmp_path / "cache"))
    monkeypatch.setattr(templates, "TEMPLATES", templates.MemoryBytecodeCache(disk))
    first = templates.compile_theme(Theme())
    assert len(first) == 2
    monkeypatch.setattr(templates, "TEMPLATES", templates.MemoryBytecodeCache(disk))  # the next process
    compiled = []
    real = Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counted)
    assert templates.compile_theme(Theme()).keys() == first.keys() and compiled == []
    (tmp_path / "theme" / "nav.html").write_text("<nav>{{ title }}!</nav>", encoding="utf-8")
    monkeypatch.setattr(templates, "TEMPLATES", templates.MemoryBytecodeCache(disk))
    templates.compile_theme(Theme())
    assert compiled == ["nav.html"]


def test_templates_that_cannot_be_cached_on_disk_are_kept_in_memory(monkeypatch):
    class FullDisk(templates.BytecodeCache):
        def load_bytecode(self, bucket):
            pass

        def dump_bytecode(self, bucket):
            raise OSError(28, "No space left on device")

    cache = templates.MemoryBytecodeCache(FullDisk())
    monkeypatch.setattr(templates, "TEMPLATES", cache)
    config = load_site_config(ROOT / "mkdocs.yml")
    assert templates.compile_theme(config.theme) and cache.disk is None


def test_every_environment_of_the_theme_loads_the_compiled_templates(monkeypatch):
    """Material's search plugin makes one per label it translates: compiled once, here, for every build."""
    config = load_site_config(ROOT / "mkdocs.yml")
    templates.every_env_shares(config.theme)
    templates.compile_theme(config.theme)
    search = config.plugins["material/search"]

    def compile_again(*args, **kwargs):
        raise AssertionError(f"compiled again: {args[1:2]}")

    monkeypatch.setattr(Environment, "compile", compile_again)
    assert search._translate(config, "search.config.pipeline")


def test_the_theme_files_are_listed_once_until_forgotten(monkeypatch):
    config = load_site_config(ROOT / "mkdocs.yml")
    templates.forget_listing()
    templates.every_env_shares(config.theme)
    first = config.theme.get_env().list_templates()
    assert len(first) > 1000  # Material's icons included

    def walk(*args, **kwargs):
        raise AssertionError("listed again")

    monkeypatch.setattr(os, "walk", walk)
    assert config.theme.get_env().list_templates() == first
    templates.forget_listing()  # the preview's next build: a file may have been added to overrides/
    with pytest.raises(AssertionError, match="listed again"):
        config.theme.get_env().list_templates()


def test_a_build_with_a_broken_seed_file_says_it_once(tmp_path):
    """The error is met in the forked process: the build still names it in one line, and writes nothing."""
    project = copy_project(ROOT, tmp_path)
    glossary = project / "seeds" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("\n  definition: ", "\n\tdefinition: ", 1))
    result = build_site(project / "site", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode != 0
    errors = [line for line in said.splitlines() if "seeds/glossary.yml:" in line and "::error" not in line]
    assert len(errors) == 1, said
    assert not (project / "site").exists()


def test_a_build_failing_while_the_editions_are_computed_ends(tmp_path):
    """A broken theme template stops the build before it reads the editions sent to it: the process computing
    them is stopped, rather than left waiting for ever to send them (and the build with it, at its exit)."""
    import subprocess
    import sys

    project = copy_project(ROOT, tmp_path)
    (project / "overrides" / "main.html").write_text("{% block content %}{{ oops( %}{% endblock %}\n")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # A deadlock guard, not a speed limit: a build that hangs fails the test here.
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "TemplateSyntaxError" in result.stderr


def test_the_terms_read_in_pinyin_elsewhere_are_those_read_here(monkeypatch):
    """The forked process reads the glossary in pinyin; the English edition then needs no pypinyin of its own."""
    from build_tools.annotate import pinyin
    from build_tools.editions.english_pages import term_readings

    seeds = site_recipes()[0].seeds
    monkeypatch.setattr(pinyin, "_KNOWN", {})
    here = term_readings(seeds, seeds.pinyin)
    monkeypatch.setattr(pinyin, "_KNOWN", {})
    monkeypatch.setattr(pinyin, "_PENDING", [])
    ahead = prebuild._Readings.start(site_recipes())
    ahead.read_later()
    assert ahead.process is not None  # not waited for until a reading is needed
    import pypinyin

    monkeypatch.setattr(pypinyin, "lazy_pinyin", lambda *a, **k: pytest.fail("read here again"))
    assert term_readings(seeds, seeds.pinyin) == here
    assert ahead.process is None and pinyin._PENDING == []  # joined, taken once


def test_terms_not_read_elsewhere_are_read_here(monkeypatch):
    from build_tools.annotate import pinyin
    from build_tools.editions import english_pages

    def broken(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pinyin, "_KNOWN", {})
    monkeypatch.setattr(pinyin, "_PENDING", [])
    monkeypatch.setattr(prebuild, "term_readings", broken)
    ahead = prebuild._Readings.start(site_recipes())
    ahead.read_later()
    seeds = site_recipes()[0].seeds
    assert english_pages.term_readings(seeds, seeds.pinyin)  # read here
    assert ahead.process is None and pinyin._PENDING == []


def test_no_translated_glossary_forks_nothing():
    assert prebuild._Readings.start(site_recipes()[:2]).process is None


def test_a_seed_error_before_the_terms_are_learned_ends_that_process_too(monkeypatch):
    """The process reading the pinyin may have more to send than a pipe holds, and nobody to read it."""
    from build_tools.annotate import pinyin

    monkeypatch.setattr(pinyin, "learned", lambda: {f"词{k}": ["cí"] * 40 for k in range(20_000)})

    def seed_error(*args, **kwargs):
        raise SeedError("seeds/glossary.yml", 3, "write a definition")

    monkeypatch.setattr(prebuild, "build_edition", seed_error)
    ended = threading.Event()
    raised = []

    def build() -> None:
        try:
            prebuild.finish(prebuild.start(site_recipes()))
        except SeedError as exc:
            raised.append(str(exc))
        ended.set()

    threading.Thread(target=build, daemon=True).start()
    assert ended.wait(60), "the forked process never ended"  # a deadlock guard, not a speed limit
    assert raised == ["seeds/glossary.yml:3: write a definition"]


@pytest.mark.parametrize("outcomes", [True, False])
def test_the_pages_in_the_reports_script_are_rendered_once_for_every_edition(monkeypatch, outcomes):
    """Each edition's build asks with its own link to the repository (equal ones): one rendering for all,
    with seeds/outcomes.yml or without it."""
    import dataclasses

    from build_tools.editions import build
    from build_tools.seeds import memo

    rendered = []
    real = build.Writer.pages

    def counted(self, *args, **kwargs):
        rendered.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(build.Writer, "pages", counted)
    memo.clear()
    recipes = site_recipes()  # each with a link of its own
    assert recipes[0].source_url is not None and recipes[0].source_url is not recipes[1].source_url
    for r in recipes if outcomes else [r for r in recipes if not r.entry.translation]:
        # Without outcomes, the correction table and the English metrics texts name theirs: the Chinese
        # editions without that table.
        seeds = r.seeds if outcomes else dataclasses.replace(r.seeds, outcomes=None, corrections=None)
        build_edition(seeds, r.entry, r.others, r.source_url, r.strict)
    assert len(rendered) == 1


def test_the_metrics_files_are_written_once_for_the_editions_that_keep_the_reports_script(monkeypatch):
    """zh-Hans and the English edition publish the same metrics.csv and metrics.json; zh-Hant converts its own."""
    from build_tools.editions import build
    from build_tools.seeds import memo

    written = []
    real = build.metrics_files

    def counted(figures, convert, *args):
        written.append(convert("发展"))
        return real(figures, convert, *args)

    monkeypatch.setattr(build, "metrics_files", counted)
    memo.clear()
    files = {}
    for r in site_recipes():
        files[r.entry.lang] = build_edition(r.seeds, r.entry, r.others, r.source_url, r.strict).files
    assert sorted(written) == ["发展", "發展"]
    assert files["en"] == files["zh-Hans"] != files["zh-Hant"]
