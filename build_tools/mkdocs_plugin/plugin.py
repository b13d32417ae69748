"""The ``report`` MkDocs plugin: generated pages, the nav, the search data, and the twin edition.

Every stage of real work lives in :mod:`build_tools`; this module only
hands MkDocs what :func:`build_tools.editions.build.build_edition` returns, hands
the rendered pages to :mod:`build_tools.search`, and turns a
:class:`~build_tools.errors.SeedError` into a ``PluginError`` (one readable
line, no traceback).
"""

from __future__ import annotations

import gzip
import html
import json
import logging
import os
import posixpath
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from build_tools.render import labels
from build_tools.render import urls
from build_tools.editions.edition import Edition
from build_tools.editions.build import build_edition
from build_tools.seeds.paths import seeds_from_options
from build_tools.seeds.errors import SeedError, annotations
from build_tools.render.pages import Page
from build_tools.editions.search import GLOSSARY, OTHER, REPORT, SearchData
from build_tools.mkdocs_plugin.config import ReportConfig

log = logging.getLogger("mkdocs.plugins.report")

# The edition's search (docs/assets/search-worker.js), plugged into Material as its
# search worker; it reads the displayed blocks (BLOCKS) and falls back to Material's
# own worker on Material's index (LUNR_INDEX). Material itself fetches INDEX at page
# load: only the index's config stays there (for Material's highlighting of ?h= terms).
SEARCH_WORKER = "assets/search-worker.js"
BLOCKS = "search/blocks.json"
INDEX = "search/search_index.json"
LUNR_INDEX = "search/lunr_index.json"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


class ReportPlugin(BasePlugin[ReportConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.edition: Edition | None = None
        self.root = Path.cwd()
        self.search_pages: dict[str, tuple[str, str, str]] = {}
        self.reading_order: list[str] = []

    # Run before Material's search plugin reads its jieba options.
    @event_priority(100)
    def on_config(self, config):
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        reset_jieba()
        self.search_pages, self.reading_order = {}, []
        try:
            self.edition = build_edition(seeds_from_options(self.root, self.config), self.own().conversion or None,
                                         self.twin_conversions(), source_url(config, self.root))
        except SeedError as exc:
            for line in annotations(exc):
                print(line)  # noqa: T201 - a GitHub workflow command goes to stdout
            if not _serving:
                raise PluginError(str(exc)) from None
            self.edition = error_edition(exc, _good_pages.get(self.config.edition))
        else:
            _good_pages[self.config.edition] = [(p.src, p.title) for p in self.edition.pages]
        if not any(e.path for e in self.config.editions if e.lang == self.config.edition):
            self.warn(self.edition.warnings)  # once: the other editions read the same seed files
        convert = self.edition.convert
        config.site_name = convert(config.site_name)
        if config.site_description:
            config.site_description = convert(config.site_description)
        config.nav = self.nav(config.nav or [])
        toc = config.mdx_configs.get("toc", {})
        if "permalink_title" in toc:
            toc["permalink_title"] = convert(toc["permalink_title"])
        self.alternate(config)
        self.jieba(config)
        return config

    def twin_conversions(self) -> tuple[str, ...]:
        """The conversions of the other editions, for search folding."""
        return tuple(e.conversion for e in self.config.editions if e.lang != self.config.edition and e.conversion)

    def on_startup(self, *, command, dirty):
        """Under `mkdocs serve`, a broken seed file shows an error page instead of stopping the preview."""
        global _serving
        _serving = command == "serve"

    def warn(self, warnings) -> None:
        """Problems that do not stop the build, as `make check` reports them.

        Not through MkDocs' logger: ``--strict`` would turn them into errors, and
        `make check` (which passes) and `make site` would disagree.
        """
        for warning in warnings:
            for line in annotations(warning, "warning"):
                print(line)  # noqa: T201 - a GitHub workflow command goes to stdout
            sys.stderr.write(f"warning: {warning}\n")

    def nav(self, tail: list) -> list:
        """The report's own hierarchy, then the pages named in mkdocs.yml (about, …)."""
        pages = self.edition.pages
        nav: list = []
        for page in pages:
            depth = page.src.count("/")
            if page.src.endswith("/index.md"):
                nav.append({page.title: [page.src]})
            elif depth:
                nav[-1][next(iter(nav[-1]))].append(page.src)
            else:
                nav.append({page.title: page.src})
        return nav + [self._convert_nav(item) for item in tail]

    def _convert_nav(self, item):
        if isinstance(item, dict):
            return {self.edition.convert(k): self._convert_nav(v) for k, v in item.items()}
        if isinstance(item, list):
            return [self._convert_nav(v) for v in item]
        return item

    def own(self):
        return next(e for e in self.config.editions if e.lang == self.config.edition)

    def alternate(self, config) -> None:
        """The language selector lists every edition; links to twins are made per page."""
        if self.config.edition not in {e.lang for e in self.config.editions}:
            raise PluginError(f"report: edition '{self.config.edition}' is not listed in 'editions'")
        # Each edition's root, relative to this edition's root (used where a page has no twin link: 404).
        up = "../" * self.own().path.count("/")
        config.extra["alternate"] = [{"name": e.name, "link": (up + e.path) or "./", "lang": e.lang}
                                     for e in self.config.editions]
        config.extra["edition"] = self.config.edition

    def jieba(self, config) -> None:
        """Keep glossary terms one token in the search index (jieba user dictionary)."""
        words = self.edition.jieba_words
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if not words or search is None:
            return
        handle, path = tempfile.mkstemp(prefix="jieba-user-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write("".join(f"{w} {freq}\n" for w, freq in words.items()))
        search.config.jieba_dict_user = self.userdict = path

    def on_pre_build(self, *, config):
        # The search plugin has read the user dictionary in its on_config, which ran before this.
        if getattr(self, "userdict", None):
            os.unlink(self.userdict)
            self.userdict = None

    def on_files(self, files: Files, *, config) -> Files:
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
        return use_search_worker(output)

    def on_post_template(self, output_content, *, template_name, config):
        return use_search_worker(output_content)

    def on_page_markdown(self, markdown, *, page, config, files):
        # Handwritten pages (about, …) are converted here; generated ones already are.
        if page.file.generated_by is None:
            return self.edition.convert(markdown)
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        context["report_error"] = self.report_error(page, config)
        others = (e for e in self.config.editions if e.lang != self.config.edition)
        context["twin_href"] = next((self.twin_url(e, page.url) for e in others), "")
        root = (config.site_url or "").removesuffix(self.own().path)
        context["edition_alternates"] = [{"lang": e.lang, "href": root + e.path + page.url}
                                         for e in self.config.editions] if root else []
        return context

    def report_error(self, page, config) -> dict | None:
        """A plain link to a new GitHub issue, prefilled with this page (the paragraph is added on click)."""
        if not config.repo_url or "github.com" not in config.repo_url:
            return None
        address = page.canonical_url or page.url
        body = self.edition.convert(f"页面：{address}\n段落：\n\n问题：\n")
        query = urlencode({"title": self.edition.convert(f"{labels.REPORT_ERROR}：{page.title}"), "body": body})
        return {"href": f"{config.repo_url.rstrip('/')}/issues/new?{query}",
                "label": self.edition.convert(labels.REPORT_ERROR)}

    @staticmethod
    def skip_unviewed(path: str) -> bool:
        """Under serve, after the first build, an edition nobody is viewing waits until it is asked for.

        Saves its whole build on every save of a seed file (the preview is then twice as fast).
        """
        if not _serving or _viewing[0] == path or path not in _built:
            _built.add(path)
            return False
        _stale.add(path)
        log.info("The %s edition will be rebuilt when a page of it is viewed", path.rstrip("/"))
        return True

    def twin_url(self, edition, url: str) -> str:
        """The same page in another edition, relative to this page."""
        up = "../" * (url.count("/") + self.own().path.count("/"))
        return up + edition.path + url

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.root / "seeds"))
        watch_views(server, [e.path for e in self.config.editions if e.path])
        return server

    def on_post_build(self, *, config):
        """Write the search data; the default edition's build then builds the other editions."""
        self.write_search(Path(config.site_dir))
        if self.own().path:
            return
        from mkdocs.commands.build import build

        for edition in self.config.editions:
            if edition.path and edition.config and not self.skip_unviewed(edition.path):
                site_url = config.site_url + edition.path if config.site_url else None
                twin = load_config(str(self.root / edition.config), site_dir=posixpath.join(config.site_dir, edition.path),
                                   site_url=site_url, strict=config.strict)
                log.info("Building the %s edition", edition.lang)
                build(twin)
                _stale.discard(edition.path)
                merge_sitemap(Path(config.site_dir), edition.path)

    def write_search(self, site_dir: Path) -> None:
        """The exact search's blocks (reading order), and Material's index moved behind the fallback."""
        if not (site_dir / INDEX).exists():
            return
        data = SearchData(fold=self.edition.fold, query_map=self.edition.query_map or self.edition.fold)
        order = self.reading_order + sorted(set(self.search_pages) - set(self.reading_order))
        for url in order:
            if url in self.search_pages:
                data.add_page(url, *self.search_pages[url])
        (site_dir / BLOCKS).write_text(data.to_json(), encoding="utf-8")
        split_search_index(site_dir / INDEX, site_dir / LUNR_INDEX)


def use_search_worker(html: str) -> str:
    """Name the edition's search worker in Material's page config, in place of Material's own.

    Material documents a custom worker as its way to plug in another search; the
    worker is told where Material's own is (for the fallback), relative to itself.
    Written for mkdocs-material 9.8.2 (tests/test_search.py pins it).
    """
    def replace(m: re.Match) -> str:
        cfg = json.loads(m.group(2))
        material = cfg.get("search") or ""
        assets, sep, tail = material.rpartition("assets/")
        if not sep or not tail.startswith("javascripts/workers/"):
            return m.group(0)
        cfg["search"] = f"{assets}{SEARCH_WORKER}?fallback={tail}"
        text = json.dumps(cfg, ensure_ascii=False, separators=(",", ":"))
        return m.group(1) + text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + m.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def split_search_index(index: Path, lunr_index: Path) -> None:
    """Move Material's index to `lunr_index` (compact UTF-8), leaving only its config in `index`.

    Material fetches `index` with every page; its documents are needed only by the
    fallback search, which fetches `lunr_index` the first time a query has no exact
    match. Material escapes every Chinese character as \\uXXXX; the same data in
    UTF-8 is about half the bytes.
    """
    data = json.loads(index.read_text(encoding="utf-8"))
    lunr_index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    stub = {"config": data.get("config", {}), "docs": []}
    index.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# Set by on_startup under `mkdocs serve` (module-wide: the twin edition's plugin is another instance).
_serving = False
# The pages of each edition's last good build, so that the preview keeps every URL while a seed is broken.
_good_pages: dict[str, list[tuple[str, str]]] = {}

ERROR_TITLE = "种子文件有错误"


# Under serve: the edition path of the page last viewed ("" for the default edition), the editions
# built at least once, and those whose pages are out of date because nobody was viewing them.
_viewing = [""]
_built: set[str] = set()
_stale: set[str] = set()


def watch_views(server, paths: list[str]) -> None:
    """Note which edition the browser shows; asking for an out-of-date one rebuilds the site first.

    Uses mkdocs 1.6's LiveReloadServer internals (_serve_request, _rebuild_cond, _want_rebuild,
    _wanted_epoch); tests/test_serve.py pins the version.
    """
    serve = server._serve_request

    def serve_request(environ, start_response):
        """Note the edition of the page asked for (or polled for reloads), then serve as usual."""
        path = environ.get("PATH_INFO", "")
        if path.startswith("/livereload/"):  # the page's poll: its Referer is the page shown
            path = urlsplit(environ.get("HTTP_REFERER", "")).path
        if path.endswith(("/", ".html")) and path.startswith(server.mount_path):
            rel = path[len(server.mount_path):]
            _viewing[0] = next((p for p in paths if rel.startswith(p)), "")
            if _viewing[0] in _stale:
                _rebuild_now(server)
        return serve(environ, start_response)

    server._serve_request = serve_request


def _rebuild_now(server) -> None:
    """Start a rebuild and wait until it has begun, so the request is then answered by the new build."""
    epoch = server._wanted_epoch
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
    deadline = time.monotonic() + 5
    while server._wanted_epoch == epoch and time.monotonic() < deadline:
        time.sleep(0.02)


def source_url(config, root: Path):
    """Where a seed file's line is on GitHub (repo_url, and the branch named by edit_uri), or None."""
    repo = (config.repo_url or "").rstrip("/")
    if "github.com" not in repo:
        return None
    parts = (config.edit_uri or "edit/main/").strip("/").split("/")
    branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
    return lambda path, line: f"{repo}/blob/{branch}/{Path(path).resolve().relative_to(root).as_posix()}#L{line}"


def error_edition(exc: SeedError, pages: list[tuple[str, str]] | None) -> Edition:
    """The preview of a broken build: every page says which file and line to fix, until it is fixed.

    Printed to the terminal too, outside MkDocs' logger: under ``strict`` a logged
    error would abort the build, and the preview would hang instead of explaining.
    """
    sys.stderr.write(f"ERROR   -  {exc}\n(the preview shows this error until the file is fixed and saved)\n")
    problems = html.escape(str(exc))
    markdown = "\n".join([
        f"---\ntitle: {ERROR_TITLE}\nsearch:\n  exclude: true\n---",
        f"# {ERROR_TITLE}，网站未更新 {{ #seed-error }}", "",
        "请打开下面指出的文件，改正所指的行，然后保存。保存后本页会自动刷新；改好之前，每一页都显示这条提示。", "",
        f'<pre class="seed-errors">{problems}</pre>', "",
        "每行的格式是“文件:行号: 说明”。各文件的写法见 seeds/README.md。", ""])
    return Edition(pages=[Page(src, title, markdown) for src, title in pages or [(urls.HOME, ERROR_TITLE)]],
                   convert=lambda text: text)


def reset_jieba() -> None:
    """Give this build a jieba without the words an earlier build loaded.

    Material's search plugin loads each edition's user dictionary into jieba's one
    shared tokenizer, which never forgets; the twin edition is built in the same
    process, so without this its index would depend on the order of the builds.
    """
    import jieba

    from build_tools.editions.search_support import _jieba_dictionary

    jieba.dt.__init__(jieba.dt.dictionary)
    # jieba's own dictionary, loaded once per process (0.6 s each time otherwise: twice per preview rebuild).
    freq, total = _jieba_dictionary()
    jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = dict(freq), total, True


def merge_sitemap(site_dir: Path, twin_path: str) -> None:
    """List the twin edition's pages in the root sitemap too (and its .gz, byte-stable)."""
    root, twin = site_dir / "sitemap.xml", site_dir / twin_path / "sitemap.xml"
    if not (root.exists() and twin.exists()):
        return
    text, extra = root.read_text(encoding="utf-8"), twin.read_text(encoding="utf-8")
    urls = extra[extra.index("<url>"):extra.rindex("</urlset>")] if "<url>" in extra else ""
    text = text.replace("</urlset>", urls + "</urlset>")
    root.write_text(text, encoding="utf-8")
    with open(root.with_suffix(".xml.gz"), "wb") as f, gzip.GzipFile(fileobj=f, filename="sitemap.xml", mode="wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))
