"""The site's editions in MkDocs: each entry of the report plugin's `editions` built in a loop, and linked.

An edition is data (an entry of mkdocs.yml); nothing here names one. The default
edition's build builds every other entry, merges each one's sitemap into the root
sitemap, and every page links its twins in all editions (language selector, hreflang).
The other entries are built alongside the default one, each in a process forked once
every edition's pages are computed, which waits for the default build to empty the site
folder before it writes there (under `mkdocs serve`, only those being viewed, forked once
the folder is emptied; where there is no fork, one by one after it).
"""

from __future__ import annotations

import gzip
import logging
import multiprocessing
import os
import posixpath
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_tools.editions.edition import EditionEntry, handwritten
from build_tools.mkdocs_plugin.config import EditionConfig, ReportConfig, load_site_config

log = logging.getLogger("mkdocs.plugins.report")


def entry_of(edition: EditionConfig) -> EditionEntry:
    """An edition's entry as plain data, for the stages below MkDocs."""
    return EditionEntry(
        lang=edition.lang,
        name=edition.name,
        path=edition.path,
        config=edition.config,
        conversion=edition.conversion,
        translation=edition.translation or "",
        labels=edition.labels or "",
        glossary_translation=edition.glossary_translation or "",
        metrics_translation=edition.metrics_translation or "",
    )


def resolved(entry: EditionEntry, root: Path) -> EditionEntry:
    """An entry with its translation and labels files as paths below the config's folder."""
    names = ("translation", "labels", "glossary_translation", "metrics_translation")
    files = {k: str(root / getattr(entry, k)) for k in names if getattr(entry, k)}
    return replace(entry, **files)


def entries(options: ReportConfig) -> list[EditionEntry]:
    """Every edition of the site, in the order of mkdocs.yml."""
    return [entry_of(e) for e in options.editions]


def own(options: ReportConfig) -> EditionEntry:
    """The edition this build makes (the report plugin's `edition` option names its lang)."""
    return next(e for e in entries(options) if e.lang == options.edition)


def selector(options: ReportConfig) -> list[dict]:
    """The language selector's entries: every edition's root, relative to this edition's root."""
    up = "../" * own(options).path.count("/")
    return [{"name": e.name, "link": (up + e.path) or "./", "lang": e.lang} for e in entries(options)]


def twin_hrefs(options: ReportConfig, url: str) -> dict[str, str]:
    """The same page in every other edition, relative to this page, by lang."""
    up = "../" * (url.count("/") + own(options).path.count("/"))
    return {e.lang: up + e.path + url for e in entries(options) if e.lang != options.edition}


def hreflang(options: ReportConfig, site_url: str | None, url: str) -> list[dict]:
    """Absolute URLs of this page in every edition (none without a site_url)."""
    root = (site_url or "").removesuffix(own(options).path)
    return [{"lang": e.lang, "href": root + e.path + url} for e in entries(options)] if root else []


def edition_config(root: Path, config: MkDocsConfig, entry: EditionEntry) -> MkDocsConfig:
    """The MkDocs configuration of another edition: its own config file, else mkdocs.yml with its lang."""
    site_url = config.site_url + entry.path if config.site_url else None
    common = {"site_dir": posixpath.join(config.site_dir, entry.path), "site_url": site_url, "strict": config.strict}
    if entry.config:
        return load_site_config(root / entry.config, **common)
    raw = config.user_configs[0]
    plugins = raw.get("plugins") or {}
    if not isinstance(plugins, dict) or "report" not in plugins:
        raise PluginError(
            f"report: edition '{entry.lang}' names no 'config' file; write mkdocs.yml's 'plugins' as a "
            "mapping (search: …, report: …) so that it can be built from mkdocs.yml, or give it a config"
        )
    report = {**plugins["report"], "edition": entry.lang}
    theme = {**raw["theme"], "language": entry.lang} if isinstance(raw.get("theme"), dict) else raw.get("theme")
    return load_site_config(config.config_file_path, theme=theme, plugins={**plugins, "report": report}, **common)


def build_others(
    root: Path, config: MkDocsConfig, options: ReportConfig, skip: Callable[[str], bool], done: Callable[[str], None]
) -> None:
    """Build every other edition into its folder of the site, then list its pages in the root sitemap."""
    from mkdocs.commands.build import build

    for entry in entries(options):
        if entry.path and not skip(entry.path):
            log.info("Building the %s edition", entry.lang)
            build(edition_config(root, config, entry))
            done(entry.path)
            merge_sitemap(Path(config.site_dir), entry.path)


def can_build_alongside() -> bool:
    """Whether the other editions can be built in processes of their own, forked from this one.

    A forked process starts with what this one has loaded and computed (jieba's
    dictionary, the parsed report, the glossary), so only each edition's own work
    is done twice over; without fork (Windows), the editions are built one by one.
    """
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass
class Alongside:
    """Another edition's build in its own process, and the end of the pipe its outcome comes through."""

    entry: EditionEntry
    process: BaseProcess
    said: Connection


def start_others(
    root: Path,
    config: MkDocsConfig,
    options: ReportConfig,
    skip: Callable[[str], bool],
    state: Callable[[str], object],
    emptied: Event | None = None,
) -> list[Alongside]:
    """Start building every other edition (but those ``skip(path)`` leaves for later), each in a forked process.

    ``state(lang)``, called in the edition's process once it is built, is sent back (the preview's record of it).
    Started before this build has emptied the site folder, each waits for ``emptied`` before it writes there
    (:func:`wait_until_emptied`).
    """
    sys.stdout.flush()
    sys.stderr.flush()  # what is buffered now would otherwise be written once more by every process
    fork = multiprocessing.get_context("fork")
    started = []
    for entry in entries(options):
        if entry.path and not skip(entry.path):
            log.info("Building the %s edition", entry.lang)
            said, say = fork.Pipe(duplex=False)
            # Its configuration is loaded in its own process: loading it here would change this build's plugins.
            process = fork.Process(target=_build, args=(root, config, entry, say, state, emptied), name=entry.lang)
            process.start()
            say.close()
            started.append(Alongside(entry, process, said))
    return started


def _build(
    root: Path, config: MkDocsConfig, entry: EditionEntry, say: Connection, state, emptied: Event | None
) -> None:
    """One edition's build, in its own process; its state, or a failure's last line, is sent back."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    from build_tools.mkdocs_plugin.search import LAST_BUILD

    LAST_BUILD[0] = True
    SITE_EMPTIED[:] = [(emptied, os.getppid())] if emptied else []
    try:
        build(edition_config(root, config, entry))
    except Abort as exc:  # MkDocs has logged why
        say.send(("failed", str(exc)))
        sys.exit(1)
    except MkDocsException as exc:  # its configuration: one line, as the mkdocs command says it
        log.error("%s", exc)
        say.send(("failed", "Aborted with a BuildError!"))
        sys.exit(1)
    say.send(("built", state(entry.lang)))


# In another edition's build started early: the default build's signal that the site folder is emptied, and its pid.
SITE_EMPTIED: list[tuple[Event, int]] = []


def wait_until_emptied() -> None:
    """Before this edition's build empties its folder and writes there: the default build must have emptied
    the site folder it lies in (an edition started early, see :func:`start_others`). If that build ends
    first (it failed), so does this one."""
    from mkdocs.exceptions import Abort

    for emptied, parent in SITE_EMPTIED:
        while not emptied.wait(0.1):
            if os.getppid() != parent:
                raise Abort("Aborted: the default edition's build ended")


def finish_others(started: list[Alongside], site_dir: Path, done: Callable[[EditionEntry, Any], None]) -> None:
    """Wait for the other editions; list their pages in the root sitemap, in the order of mkdocs.yml,
    and hand each one's state to ``done``.

    A failed edition has logged why; the build then stops with that edition's last line.
    """
    from mkdocs.exceptions import Abort

    outcomes = [_outcome(other) for other in started]
    for other, (what, said) in zip(started, outcomes, strict=True):
        if what == "failed" or other.process.exitcode:
            raise Abort(said or f"Aborted: the {other.entry.lang} edition failed")
    for other, (_, state) in zip(started, outcomes, strict=True):
        merge_sitemap(site_dir, other.entry.path)
        done(other.entry, state)


def _outcome(other: Alongside) -> tuple[str, Any]:
    """What an edition's process sent when it ended (read before joining it: a full pipe would block it)."""
    try:
        outcome = other.said.recv()
    except EOFError:  # it ended without a word (killed)
        outcome = ("failed", "")
    other.process.join()
    return outcome


def stop_others(started: list[Alongside]) -> None:
    """The default edition's build failed: the others stop too, writing nothing more."""
    for other in started:
        other.process.terminate()
        other.process.join()


def merge_sitemap(site_dir: Path, twin_path: str) -> None:
    """List another edition's pages in the root sitemap too (and its .gz, byte-stable)."""
    root, twin = site_dir / "sitemap.xml", site_dir / twin_path / "sitemap.xml"
    if not (root.exists() and twin.exists()):
        return
    text, extra = root.read_text(encoding="utf-8"), twin.read_text(encoding="utf-8")
    urls = extra[extra.index("<url>") : extra.rindex("</urlset>")] if "<url>" in extra else ""
    text = text.replace("</urlset>", urls + "</urlset>")
    root.write_text(text, encoding="utf-8")
    with (
        open(root.with_suffix(".xml.gz"), "wb") as f,
        gzip.GzipFile(fileobj=f, filename="sitemap.xml", mode="wb", mtime=0) as gz,
    ):
        gz.write(text.encode("utf-8"))


def own_handwritten(files, config: MkDocsConfig, options: ReportConfig):
    """The handwritten pages in the edition's language (see :func:`~build_tools.editions.edition.handwritten`)."""
    from mkdocs.structure.files import File

    chosen = handwritten([f.src_uri for f in files], options.edition, {e.lang for e in entries(options)})
    for file in list(files):
        if file.src_uri.endswith(".md") and chosen.get(file.src_uri) != file.src_uri:
            files.remove(file)
    for page, src in chosen.items():
        if page != src:
            files.append(File.generated(config, page, abs_src_path=str(Path(config.docs_dir) / src)))
    return files
