"""`make serve`: a broken seed file shows a page naming file:line, and the preview recovers when it is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT
from support.project import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own local server
        return response.read().decode("utf-8")


def wait_for(url: str, predicate, timeout: float = 120) -> str:
    """The page at url once predicate(page) holds (the server rebuilds after a change)."""
    deadline, page = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
        except OSError:
            page = ""
        if predicate(page):
            return page
        time.sleep(0.3)
    pytest.fail(f"{url} never showed what was expected; last page:\n{page[:2000]}")


@pytest.fixture
def served(tmp_path):
    copy_project(ROOT, tmp_path)
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield tmp_path, f"http://127.0.0.1:{port}/edition/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_broken_seed_shows_its_line_in_the_preview_and_recovers(served):
    project, base = served
    url = base + "part-1/"
    wait_for(url, lambda page: '<h1 id="part-1">' in page)
    path = project / "seeds" / "glossary.yml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("  category: 经济\n", "  category: 金融\n", 1), encoding="utf-8")
    rows = path.read_text(encoding="utf-8").splitlines()
    line = next(k for k, row in enumerate(rows, 1) if row == "  category: 金融")
    page = wait_for(url, lambda page: "seed-errors" in page)
    assert f"seeds/glossary.yml:{line}: &#x27;category&#x27; is &#x27;金融&#x27;" in page
    # The other edition's preview says so too.
    assert f"seeds/glossary.yml:{line}:" in wait_for(base + "zh-Hant/part-1/", lambda page: "seed-errors" in page)
    path.write_text(good, encoding="utf-8")
    page = wait_for(url, lambda page: '<h1 id="part-1">' in page)
    assert "seed-errors" not in page


def test_only_the_viewed_edition_is_rebuilt_and_the_other_catches_up(served):
    project, base = served
    hans, hant = base + "glossary/", base + "zh-Hant/glossary/"
    wait_for(hant, lambda page: "</html>" in page)
    wait_for(hans, lambda page: "</html>" in page)  # the reader now views zh-Hans
    path = project / "seeds" / "glossary.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  definition: ", "  definition: edit-0001", 1), encoding="utf-8"
    )
    # The Chinese page shows the edit (the English translation of that definition is now stale: only the
    # English edition's preview says so, when it is viewed).
    assert "seed-errors" not in wait_for(hans, lambda page: "edit-0001" in page)
    # The zh-Hant pages were left for later; asking for one brings them up to date before it is answered.
    assert "edit-0001" in fetch(hant)


def test_livereload_internals_are_those_of_the_pinned_mkdocs():
    """build_tools.mkdocs_plugin.plugin.watch_views uses them; look again when mkdocs changes."""
    import mkdocs
    from mkdocs.livereload import LiveReloadServer

    assert mkdocs.__version__ == "1.6.1"
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=".")
    try:
        assert callable(server._serve_request) and server.mount_path == "/"
        assert {"_rebuild_cond", "_want_rebuild", "_wanted_epoch", "_watched_paths", "_watch_refs"} <= set(vars(server))
        # watch_promptly: a watched path survives the new observer, which polls every POLL_INTERVAL.
        from build_tools.mkdocs_plugin.preview import POLL_INTERVAL, watch_promptly

        server.watch(str(ROOT / "seeds"))
        watch_promptly(server)
        assert list(server._watch_refs) == [str(ROOT / "seeds")]
        assert server.observer.timeout == POLL_INTERVAL and len(server.observer.emitters) == 1
    finally:
        server.server_close()
