"""A small static server for the built site that answers like GitHub Pages.

For measurement only (`make bench`, `make lighthouse`), never for publishing:

* text types (html, css, js, json, xml, svg, csv, txt) are gzipped when the
  request's Accept-Encoding allows it, with `Vary: Accept-Encoding`;
* a directory is served by its index.html, and a directory asked for without
  its trailing slash is redirected (301) to the slashed URL;
* a missing path gets the site's 404.html with status 404;
* `Cache-Control: max-age=600`, as GitHub Pages sends;
* the site can be served under a sub-path (`prefix="/edition/"`), as a project
  site is, so that the absolute `/edition/...` links in 404.html resolve.

It also holds what the measurement tools (`bench`, `lighthouse`) share: the
one `mkdocs build` they run (`build_site`), the path prefix of the site_url
(`site_prefix`), the pages they measure by default (`sample_pages`), and the
Chromium they drive (`CHROMIUM`, `CHROMIUM_ARGS`).

It listens on 127.0.0.1 only, from a background thread:

    server, base_url = serve(Path("site"), prefix="/edition/")
    ...
    server.shutdown(); server.server_close()
"""

from __future__ import annotations

import email.utils
import gzip
import mimetypes
import os
import posixpath
import subprocess
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from build_tools.mkdocs_plugin.config import load_site_config, report_options

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"

# Debian's Chromium and the flags every measurement (and the browser tests) launch it with.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

TEXT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".csv": "text/csv",
    ".txt": "text/plain",
}
OTHER_TYPES = {
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
    ".gz": "application/gzip",
}
CACHE_CONTROL = "max-age=600"


def content_type(path: Path) -> str:
    """The Content-Type header for `path` (text types with charset=utf-8)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_TYPES:
        return TEXT_TYPES[suffix] + "; charset=utf-8"
    return OTHER_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip()
            return not q.startswith("q=") or q[2:].strip().rstrip("0").rstrip(".") not in ("", "0")
    return False


class SiteHandler(BaseHTTPRequestHandler):
    """Serves `root` (a built site) under `prefix`; set both on a subclass (see `serve`)."""

    root: Path
    prefix: str = "/"
    server_version = "devserver"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet, like the test server
        pass

    def do_GET(self):
        self.respond(with_body=True)

    def do_HEAD(self):
        self.respond(with_body=False)

    def respond(self, with_body: bool) -> None:
        """Answer one request: a file, a redirect to the slashed URL, or the 404 page."""
        url_path = unquote(urlsplit(self.path).path)
        if url_path + "/" == self.prefix:
            return self.redirect(self.prefix)
        target = self.resolve(url_path)
        if target is not None and target.is_dir():
            if not url_path.endswith("/"):
                return self.redirect(url_path + "/")
            target = target / "index.html"
        if target is None or not target.is_file():
            return self.send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, with_body)
        self.send_file(target, HTTPStatus.OK, with_body)

    def resolve(self, url_path: str) -> Path | None:
        """The file or directory under root for `url_path`, or None if outside the prefix or the root."""
        if not url_path.startswith(self.prefix):
            return None
        relative = posixpath.normpath("/" + url_path[len(self.prefix) :]).lstrip("/")
        target = (self.root / relative).resolve()
        return target if target == self.root or self.root in target.parents else None

    def redirect(self, location: str) -> None:
        """A 301 to `location`, with a tiny body."""
        body = b"Moved Permanently\n"
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_file(self, path: Path, status: HTTPStatus, with_body: bool) -> None:
        """Send `path` with `status`, gzipped when it is text and the client accepts gzip."""
        body = path.read_bytes() if path.is_file() else b"Not Found\n"
        gzipped = path.suffix.lower() in TEXT_TYPES and accepts_gzip(self.headers.get("Accept-Encoding"))
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        if path.suffix.lower() in TEXT_TYPES:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        if path.is_file():
            self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        self.end_headers()
        if with_body:
            self.wfile.write(body)


def normalise_prefix(prefix: str) -> str:
    """'/edition' or 'edition/' -> '/edition/'; '' -> '/'."""
    inner = prefix.strip("/")
    return f"/{inner}/" if inner else "/"


def serve(directory: Path | str, port: int = 0, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Start serving `directory` on 127.0.0.1:`port` (0 = any free port) from a daemon thread.

    Returns the server (call `shutdown()` and `server_close()` when done) and the
    base URL of the site, ending in `prefix` (e.g. "http://127.0.0.1:41234/edition/").
    """
    prefix = normalise_prefix(prefix)
    handler = type("BoundSiteHandler", (SiteHandler,), {"root": Path(directory).resolve(), "prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="devserver", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{prefix}"


def build_site(out: Path | str, config: Path = CONFIG) -> None:
    """`mkdocs build --strict` of both editions into `out`, as `make site` does (of ``config``'s project).

    Not --quiet (it silences the warnings --strict counts); the build's log is
    shown only when it fails.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(Path(out).resolve())],
        env=env,
        cwd=config.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise subprocess.CalledProcessError(done.returncode, done.args, done.stdout, done.stderr)


def site_prefix(config: Path | str = CONFIG) -> str:
    """The path the site is published under, from site_url ("https://x.github.io/edition/" -> "/edition/")."""
    return normalise_prefix(urlsplit(load_site_config(config).site_url or "").path)


def edition_paths(config: Path | str = CONFIG) -> list[str]:
    """The paths of the editions other than the default one (plugins.report.editions[].path, e.g. "zh-Hant/")."""
    entries = report_options(load_site_config(config)).editions
    return [e.path.strip("/") + "/" for e in entries if e.path.strip("/")]


def _page_sources(config: Path | str) -> set[str]:
    """The Markdown sources of the generated pages of the default edition."""
    from build_tools.cli import seeds_from_config
    from build_tools.editions.build import build_edition

    return {page.src for page in build_edition(seeds_from_config(str(config))).pages}


def _section_src(srcs: set[str]) -> str | None:
    """The first section of the last part (the part page if it has no sections; None without parts)."""
    from build_tools.render import urls

    parts = 0
    while urls.part_src(parts + 1) in srcs:
        parts += 1
    if not parts:
        return None
    return urls.section_src(parts, 1) if urls.section_src(parts, 1) in srcs else urls.part_src(parts)


SECTION = "first section of the last part"


def section_page(config: Path | str = CONFIG) -> str:
    """The path (under the prefix) of the first section of the report's last part; the home page without parts."""
    from build_tools.render import urls

    return urls.url_of(_section_src(_page_sources(config)) or urls.HOME)


def sample_pages(config: Path | str = CONFIG) -> list[tuple[str, str]]:
    """The pages measured by default, as (what it is, path under the prefix), derived from the report.

    The home page, the first section of the last part, the glossary and metrics
    pages when the site has them, and that section's twin in each other edition.
    """
    from build_tools.render import urls

    srcs = _page_sources(config)
    section = _section_src(srcs)
    pages = [("home", urls.url_of(urls.HOME))]
    if section:
        pages.append((SECTION, urls.url_of(section)))
    for label, src in (("glossary", urls.GLOSSARY), ("metrics", urls.METRICS)):
        if src in srcs:
            pages.append((label, urls.url_of(src)))
    if section:
        for path in edition_paths(config):
            pages.append((f"{SECTION}, {path.rstrip('/')}", path + urls.url_of(section)))
    return pages


def main(argv: list[str] | None = None) -> int:
    """`python -m build_tools.devserver [DIR] [--port N] [--prefix /edition/]`: serve until Ctrl-C."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args(argv)
    server, url = serve(args.directory, args.port, args.prefix)
    print(f"serving {args.directory} at {url} (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
