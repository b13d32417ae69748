"""The preview (`mkdocs serve`): a broken seed file shown in the browser, editions rebuilt when viewed.

State is module-wide, in the `mkdocs serve` process: every edition's plugin is another instance, and the
editions built in processes of their own send back what is kept here (:func:`built_alongside`).
"""

from __future__ import annotations

import html
import logging
import sys
import time
from urllib.parse import urlsplit

from build_tools.editions.edition import Edition
from build_tools.render import urls
from build_tools.render.pages import Page
from build_tools.seeds.errors import SeedError

log = logging.getLogger("mkdocs.plugins.report")

# Set by the plugin's on_startup under `mkdocs serve`.
SERVING = [False]
# The pages of each edition's last good build, so that the preview keeps every URL while a seed is broken.
GOOD_PAGES: dict[str, list[tuple[str, str]]] = {}

ERROR_TITLE = "种子文件有错误"
ERROR_ID = "seed-error"  # the anchor of the error page's heading: how a reader (or the bench) tells it apart


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
            rel = path[len(server.mount_path) :]
            _viewing[0] = next((p for p in paths if rel.startswith(p)), "")
            if _viewing[0] in _stale:
                _rebuild_now(server)
        return serve(environ, start_response)

    server._serve_request = serve_request


# How often the preview looks for a saved file (MkDocs polls every 0.5 s: half a second of every preview).
POLL_INTERVAL = 0.1


def watch_promptly(server, interval: float = POLL_INTERVAL) -> None:
    """Poll the watched files every ``interval`` seconds instead of MkDocs' 0.5 s.

    MkDocs' watcher is a watchdog PollingObserver (robust on every filesystem) created
    with its interval; a new one is made and every path watched so far is watched
    again on it. Uses mkdocs 1.6's LiveReloadServer internals (observer, _watch_refs,
    _watched_paths); tests/test_serve.py pins the version.
    """
    from watchdog.observers.polling import PollingObserver

    counts = dict(server._watched_paths)
    server.observer = PollingObserver(timeout=interval)
    server._watch_refs.clear()
    server._watched_paths.clear()
    for path, count in counts.items():
        server.watch(path)
        server._watched_paths[path] = count


def _rebuild_now(server) -> None:
    """Start a rebuild and wait until it has begun, so the request is then answered by the new build."""
    epoch = server._wanted_epoch
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
    deadline = time.monotonic() + 5
    while server._wanted_epoch == epoch and time.monotonic() < deadline:
        time.sleep(0.02)


def skip_unviewed(path: str) -> bool:
    """Under serve, after the first build, an edition nobody is viewing waits until it is asked for.

    Saves its whole build on every save of a seed file (the preview is then twice as fast).
    """
    if not SERVING[0] or _viewing[0] == path or path not in _built:
        _built.add(path)
        return False
    _stale.add(path)
    log.info("The %s edition will be rebuilt when a page of it is viewed", path.rstrip("/"))
    return True


def built(path: str) -> None:
    """An edition has just been built: it is up to date."""
    _stale.discard(path)


def built_alongside(entry, pages: list[tuple[str, str]] | None) -> None:
    """An edition built in a process of its own: up to date, and its last good pages kept here."""
    built(entry.path)
    if pages is not None:
        GOOD_PAGES[entry.lang] = pages


def error_edition(exc: SeedError, pages: list[tuple[str, str]] | None) -> Edition:
    """The preview of a broken build: every page says which file and line to fix, until it is fixed.

    Printed to the terminal too, outside MkDocs' logger: under ``strict`` a logged
    error would abort the build, and the preview would hang instead of explaining.
    """
    sys.stderr.write(f"ERROR   -  {exc}\n(the preview shows this error until the file is fixed and saved)\n")
    problems = html.escape(str(exc))
    markdown = "\n".join(
        [
            f"---\ntitle: {ERROR_TITLE}\nsearch:\n  exclude: true\n---",
            f"# {ERROR_TITLE}，网站未更新 {{ #{ERROR_ID} }}",
            "",
            "请打开下面指出的文件，改正所指的行，然后保存。保存后本页会自动刷新；改好之前，每一页都显示这条提示。",
            "",
            f'<pre class="seed-errors">{problems}</pre>',
            "",
            "每行的格式是“文件:行号: 说明”。各文件的写法见 seeds/README.md。",
            "",
        ]
    )
    return Edition(
        pages=[Page(src, title, markdown) for src, title in pages or [(urls.HOME, ERROR_TITLE)]],
        convert=lambda text: text,
    )
