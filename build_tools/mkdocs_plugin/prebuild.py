"""Every edition's pages computed in a forked process, while the default edition's build loads jieba.

The two slow starts of a build need nothing from each other: the pages need no
jieba (but for a converted edition's words, added where jieba is loaded, see
:func:`~build_tools.editions.search_support.add_vocabulary`), and jieba's
dictionary needs no pages. So the default edition's build forks a process that
computes every edition while it loads the dictionary (and compiles the theme's
templates) itself; the editions come back one by one, each one's words added here
while the next is computed there. The other editions' builds, forked from it
afterwards, find their pages here instead of computing them again.

An edition is kept with the inputs it was computed from (a :class:`Recipe`): a
build that asks with other inputs (its own config names other seed files, say)
computes its own. A seed file's error met there stops the build as if met here;
anything else (a bug) is left for this process to meet again, with its traceback.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

from build_tools.annotate import pinyin
from build_tools.annotate.load import load_entries, load_report
from build_tools.editions.build import build_edition
from build_tools.editions.edition import Edition, EditionEntry
from build_tools.editions.english_pages import term_readings
from build_tools.editions.search_support import add_vocabulary
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import Seeds, seeds_from_options

from . import editions
from .config import ReportConfig, source_url


@dataclass(frozen=True)
class Recipe:
    """What an edition's pages are computed from: the arguments of :func:`build_edition`."""

    seeds: Seeds
    entry: EditionEntry
    others: tuple[EditionEntry, ...]
    source_url: Any  # config.SourceLink or None: compared, so plain data
    strict: bool


def recipe(root: Path, config, options: ReportConfig, entry: EditionEntry | None = None) -> Recipe:
    """What an edition's pages are computed from, as this build's configuration says (its own edition by default).

    An edition's own build asks for its pages with its own configuration; the default
    edition's build, prebuilding them, predicts that from its own (they inherit it).
    """
    everyone = editions.entries(options)
    entry = entry or editions.own(options)
    return Recipe(
        seeds_from_options(root, options),
        editions.resolved(entry, root),
        tuple(e for e in everyone if e.lang != entry.lang),
        source_url(config, root),
        bool(config.strict),
    )


# Editions computed by the forked process, with their recipes (this build's and, once forked, the others').
PREBUILT: list[tuple[Recipe, Edition]] = []


@dataclass
class Worker:
    """The process computing the editions, and the end of the pipe they come back through."""

    process: BaseProcess
    said: Connection


def start(recipes: list[Recipe]) -> Worker:
    """Fork a process computing every recipe's edition."""
    PREBUILT.clear()
    sys.stdout.flush()
    sys.stderr.flush()  # what is buffered now would otherwise be written again by the forked process
    fork = multiprocessing.get_context("fork")
    said, say = fork.Pipe(duplex=False)
    process = fork.Process(target=_work, args=(recipes, say), name="editions")
    process.start()
    say.close()
    return Worker(process, said)


def _work(recipes: list[Recipe], say: Connection) -> None:
    """The forked process: each edition (without jieba's words) sent back as soon as it is computed."""
    out = _Sender(say)
    try:
        _Readings.start(recipes).read_later()
        for r in recipes:
            out.send(("built", (r, build_edition(r.seeds, r.entry, r.others, r.source_url, r.strict, segment=False))))
    except SeedError as exc:
        out.send(("failed", exc))
    except Exception:  # noqa: BLE001 - a bug: the build computes the edition itself and shows the traceback
        out.send(("crashed", None))
    else:
        out.send(("done", None))
    finally:
        out.close()


@dataclass
class _Readings:
    """The glossary's terms read in pinyin by a process of its own, while the Chinese editions are computed.

    pypinyin's dictionaries take 0.17 s to load, and only a translated glossary page
    reads them: forked once the glossary is loaded, that process loads them on a
    core this build leaves idle. If it fails, the translated edition reads the terms
    itself (and meets the error, if it is one).
    """

    process: BaseProcess | None = None
    said: Connection | None = None

    @classmethod
    def start(cls, recipes: list[Recipe]) -> _Readings:
        translated = [r for r in recipes if r.entry.glossary_translation]
        if not translated:
            return cls()
        seeds = translated[0].seeds
        load_entries(seeds, load_report(seeds))  # here, once, for every edition and for that process
        said, say = multiprocessing.get_context("fork").Pipe(duplex=False)
        # A daemon: if this process ends before it learns what was read (a seed error), that one is ended too,
        # instead of waiting for a reader, with more to send than a pipe holds.
        process = multiprocessing.get_context("fork").Process(
            target=_read_terms, args=(seeds, say), name="pinyin", daemon=True
        )
        process.start()
        say.close()
        return cls(process, said)

    def read_later(self) -> None:
        """The terms' readings are taken from that process when the English glossary page first needs one:
        the translation's checks and the rest of that edition are computed meanwhile."""
        if self.process is not None:
            pinyin.learn_later(self.read)

    def read(self) -> dict[str, list[str]]:
        """What that process read (nothing, if it failed: the edition reads the terms itself); once."""
        if self.process is None or self.said is None:
            return {}
        readings = {}
        with contextlib.suppress(EOFError):
            readings = self.said.recv()
        self.process.join()
        self.process = self.said = None
        return readings


def _read_terms(seeds: Seeds, say: Connection) -> None:
    try:
        term_readings(seeds, seeds.pinyin)
    except Exception:  # noqa: BLE001 - the edition meets it again, where it says what is wrong
        return
    say.send(pinyin.learned())


class _Sender:
    """Sends through a pipe without waiting for the other end to read.

    A pipe holds 64 KiB; an edition is megabytes, and the build that reads them is busy
    loading jieba until it does. A thread of its own writes them, in order, while the
    next edition is computed. (Written here: a multiprocessing Queue does the same, but
    cannot tell a reader that its writer died.)
    """

    def __init__(self, conn: Connection):
        self.conn = conn
        self.queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._write, name="send-editions")
        self.thread.start()

    def send(self, message: object) -> None:
        self.queue.put(bytes(ForkingPickler.dumps(message)))  # pickled here: a failure is this process's

    def _write(self) -> None:
        while (data := self.queue.get()) is not None:
            self.conn.send_bytes(data)

    def close(self) -> None:
        """Wait until everything sent is written."""
        self.queue.put(None)
        self.thread.join()


def finish(worker: Worker) -> None:
    """Keep the editions as they come, with their jieba words (jieba is loaded here by now), or raise
    the seed file's error an edition met; a crash there leaves every build to compute its own.

    An edition's words are added here while the next edition is computed there.
    """
    while True:
        try:
            what, data = worker.said.recv()
        except EOFError:  # it ended without a word (killed): this process computes what it needs itself
            what, data = "crashed", None
        if what == "built":
            PREBUILT.append(data)
            add_vocabulary(data[1])  # here, once, rather than in the edition's own build, forked from this one
            continue
        worker.process.join()
        if what == "failed":
            PREBUILT.clear()
            raise data
        if what == "crashed":
            PREBUILT.clear()
        return


def stop(worker: Worker) -> None:
    """End the process computing the editions (this build failed before reading them)."""
    worker.process.terminate()
    worker.process.join()


def edition(recipe: Recipe) -> Edition:
    """The edition for these inputs: prebuilt, or computed here."""
    found = next((e for r, e in PREBUILT if r == recipe), None)
    if found is None:
        r = recipe
        return build_edition(r.seeds, r.entry, r.others, r.source_url, r.strict)
    return found
