"""The ``report`` MkDocs plugin: generated pages, the nav, the search data, and the other editions.

Every stage of real work lives in :mod:`build_tools`; this module only hands
MkDocs what :func:`build_tools.editions.build.build_edition` returns, hands the
rendered pages to the search data (:mod:`.search`), builds the other editions
(:mod:`.editions`) and turns a :class:`~build_tools.seeds.errors.SeedError`
into a ``PluginError`` (one readable line, no traceback).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from multiprocessing.synchronize import Event
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from build_tools.editions.edition import Edition
from build_tools.editions.search import GLOSSARY, OTHER, REPORT
from build_tools.editions.transform import check_buildable, load_conversions
from build_tools.editions.translated import check_translated
from build_tools.mkdocs_plugin import collector, editions, prebuild, preview, search, templates
from build_tools.mkdocs_plugin.config import ReportConfig
from build_tools.render import labels, urls
from build_tools.render.nav import site_nav
from build_tools.seeds.errors import SeedError, workflow_commands


class ReportPlugin(BasePlugin[ReportConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.edition = Edition(pages=[], convert=str)  # until on_config builds it
        self.root = Path.cwd()
        self.search_pages: dict[str, tuple[str, str, str]] = {}
        self.reading_order: list[str] = []
        self.userdict: str | None = None
        self.others: list[editions.Alongside] = []  # the other editions' builds, running alongside this one
        self.emptied: Event | None = None  # set once this build has emptied the site folder they are written in

    # Run before Material's search plugin reads its jieba options.
    @event_priority(100)
    def on_config(self, config):
        collector.pause()  # until the build ends (on_post_build, on_build_error)
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if self.config.edition not in {e.lang for e in self.config.editions}:
            raise PluginError(f"report: edition '{self.config.edition}' is not listed in 'editions'")
        self.search_pages, self.reading_order = {}, []
        # MkDocs keeps one instance of this plugin per process: an edition's build forked from the
        # default one starts with that build's state, which is not its own.
        self.others, self.emptied, self.userdict = [], None, None
        if preview.SERVING[0]:
            templates.forget_listing()
        templates.every_env_shares(config.theme)
        prebuilding = self.builds_others() and editions.can_build_alongside() and not preview.SERVING[0]
        if not prebuilding:
            search.reset_jieba()
        try:
            self.edition = self.own_edition(config, prebuilding)
        except SeedError as exc:
            for line in workflow_commands(exc):
                print(line)  # noqa: T201 - a GitHub workflow command goes to stdout
            if not preview.SERVING[0]:
                raise PluginError(str(exc)) from None
            self.edition = preview.error_edition(exc, preview.GOOD_PAGES.get(self.config.edition))
        else:
            preview.GOOD_PAGES[self.config.edition] = [(p.src, p.title) for p in self.edition.pages]
        if self.builds_others():
            warn(self.edition.warnings)  # once: the other editions read the same seed files
        convert = self.edition.convert
        config.site_name = convert(config.site_name)
        if config.site_description:
            config.site_description = convert(config.site_description)
        config.nav = site_nav(self.edition.pages, config.nav or [], convert)
        toc = config.mdx_configs.get("toc", {})
        if "permalink_title" in toc:
            toc["permalink_title"] = convert(toc["permalink_title"])
        config.extra["alternate"] = editions.selector(self.config)
        config.extra["edition"] = self.config.edition
        self.jieba(config)
        if prebuilding:
            # Every edition's pages are here: the others' builds start now (and wait to write, see on_files).
            self.emptied = multiprocessing.get_context("fork").Event()
            self.others = editions.start_others(
                self.root, config, self.config, preview.skip_unviewed, preview.GOOD_PAGES.get, self.emptied
            )
        return config

    def own_edition(self, config, prebuilding: bool) -> Edition:
        """This edition's pages; prebuilding, every edition's are computed alongside while jieba loads here."""
        everyone = editions.entries(self.config)
        for entry in everyone:
            check_buildable(entry)  # every edition, before the first one is written
        own = prebuild.recipe(self.root, config, self.config)
        if prebuilding:
            others = [prebuild.recipe(self.root, config, self.config, e) for e in everyone if e.path]
            load_conversions(everyone)  # before the fork: both processes convert text, and loading is 0.08 s
            worker = prebuild.start([own, *others])
            try:
                search.reset_jieba()  # meanwhile, and the theme's templates, compiled for every edition's build
                templates.compile_theme(config.theme)
            except BaseException:
                prebuild.stop(worker)  # nothing reads what it sends now: it would wait for ever
                raise
            prebuild.finish(worker)
        if not prebuild.PREBUILT and not own.entry.path and not preview.SERVING[0]:
            # Nothing computed ahead (no fork, or a crash there): the translations are checked here.
            # The preview checks a translation when its edition is viewed (its own build checks it).
            for entry in everyone:
                if entry.translation and entry.lang != own.entry.lang:
                    check_translated(own.seeds, editions.resolved(entry, self.root), own.strict)
        return prebuild.edition(own)

    def on_startup(self, *, command, dirty):
        """Under `mkdocs serve`, a broken seed file shows an error page instead of stopping the preview."""
        preview.SERVING[0] = command == "serve"

    def jieba(self, config) -> None:
        """Keep glossary terms one token in the search index (jieba user dictionary)."""
        words = self.edition.jieba_words
        plugin = config.plugins.get("material/search") or config.plugins.get("search")
        if not words or plugin is None:
            return
        plugin.config.jieba_dict_user = self.userdict = search.jieba_user_dictionary(words)

    def on_pre_build(self, *, config):
        editions.wait_until_emptied()  # an edition started early: this build empties its folder next
        # The search plugin has read the user dictionary in its on_config, which ran before this.
        if self.userdict:
            os.unlink(self.userdict)
            self.userdict = None
        search.cut_once()  # jieba's words are all loaded: the same text is cut alike until the build ends

    def on_env(self, env, *, config, files):
        return templates.share_compiled_templates(env)  # every edition's build loads them compiled once

    def on_files(self, files: Files, *, config) -> Files:
        # The site folder has been emptied by now: the other editions can be written alongside this one.
        if self.emptied is not None:
            self.emptied.set()
            self.emptied = None
        elif self.builds_others() and editions.can_build_alongside():
            self.others = editions.start_others(
                self.root, config, self.config, preview.skip_unviewed, preview.GOOD_PAGES.get
            )
        files = editions.own_handwritten(files, config, self.config)
        for page in self.edition.pages:
            files.append(File.generated(config, page.src, content=page.markdown))
        for name, data in self.edition.files.items():
            files.append(File.generated(config, name, content=data))
        return files

    def on_nav(self, nav, *, config, files):
        self.reading_order = [page.url for page in nav.pages]
        return nav

    def on_page_content(self, html, *, page, config, files):
        """Keep each page's displayed HTML for the search data (written in on_post_build)."""
        src = page.file.src_uri
        generated = {p.src for p in self.edition.pages} - {urls.METRICS, urls.GLOSSARY}
        kind = GLOSSARY if src == urls.GLOSSARY else REPORT if src in generated else OTHER
        self.search_pages[page.url] = (page.title or "", kind, html)
        return html

    def on_post_page(self, output, *, page, config):
        return search.use_search_worker(output)

    def on_post_template(self, output_content, *, template_name, config):
        return search.use_search_worker(output_content)

    def on_page_markdown(self, markdown, *, page, config, files):
        # Handwritten pages (about, …) are converted here; generated ones already are.
        if page.file.generated_by is None:
            return self.edition.convert(markdown)
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        context["report_error"] = self.report_error(page, config)
        context["twin_hrefs"] = editions.twin_hrefs(self.config, page.url)
        context["edition_alternates"] = editions.hreflang(self.config, config.site_url, page.url)
        return context

    def report_error(self, page, config) -> dict | None:
        """A plain link to a new GitHub issue, prefilled with this page (the paragraph is added on click)."""
        if not config.repo_url or "github.com" not in config.repo_url:
            return None
        address = page.canonical_url or page.url
        words = self.edition.words or labels.table()
        body = words["ISSUE_BODY"].replace("{page}", address)
        query = urlencode({"title": words["ISSUE_TITLE"].replace("{title}", page.title or ""), "body": body})
        return {"href": f"{config.repo_url.rstrip('/')}/issues/new?{query}", "label": words["REPORT_ERROR"]}

    def on_serve(self, server, *, config, builder):
        preview.watch_promptly(server)
        server.watch(str(self.root / "seeds"))
        preview.watch_views(server, [e.path for e in self.config.editions if e.path])
        return server

    def on_post_build(self, *, config):
        """Write the search data; the default edition's build then has (or waits for) every other edition."""
        search.cut_afresh()
        search.write_search(Path(config.site_dir), self.edition, self.search_pages, self.reading_order)
        if self.others:
            started, self.others = self.others, []
            editions.finish_others(started, Path(config.site_dir), preview.built_alongside)
        elif self.builds_others() and not editions.can_build_alongside():
            editions.build_others(self.root, config, self.config, preview.skip_unviewed, preview.built)
        collector.resume()

    def on_build_error(self, *, error):
        """This edition's build failed: the others' builds, still running, stop too."""
        search.cut_afresh()
        started, self.others, self.emptied = self.others, [], None
        editions.stop_others(started)
        collector.resume()

    def builds_others(self) -> bool:
        """The default edition's build builds the others (each of theirs builds only itself)."""
        return not editions.own(self.config).path


def warn(warnings) -> None:
    """Problems that do not stop the build, as `make check` reports them.

    Not through MkDocs' logger: ``--strict`` would turn them into errors, and
    `make check` (which passes) and `make site` would disagree.
    """
    for warning in warnings:
        for line in workflow_commands(warning, "warning"):
            print(line)  # noqa: T201 - a GitHub workflow command goes to stdout
        sys.stderr.write(f"warning: {warning}\n")
