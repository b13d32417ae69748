"""The search data MkDocs writes, set up for the edition's own search, and jieba for Material's index.

The edition's search (docs/assets/search-worker.js) is plugged into Material as
its search worker; it reads the displayed blocks (BLOCKS) and falls back to
Material's own worker on Material's index (LUNR_INDEX). Material itself fetches
INDEX at page load: only the index's config stays there (for Material's
highlighting of ?h= terms).
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from pathlib import Path

from build_tools.editions.edition import Edition
from build_tools.editions.search import SearchData

SEARCH_WORKER = "assets/search-worker.js"
BLOCKS = "search/blocks.json"
INDEX = "search/search_index.json"
LUNR_INDEX = "search/lunr_index.json"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def write_search(site_dir: Path, edition: Edition, pages: dict[str, tuple[str, str, str]], order: list[str]) -> None:
    """The exact search's blocks (reading order), and Material's index moved behind the fallback."""
    if not (site_dir / INDEX).exists():
        return
    data = SearchData(fold=edition.fold, query_map=edition.query_map or edition.fold)
    for url in order + sorted(set(pages) - set(order)):
        if url in pages:
            data.add_page(url, *pages[url])
    (site_dir / BLOCKS).write_text(data.to_json(), encoding="utf-8")
    split_search_index(site_dir / INDEX, site_dir / LUNR_INDEX)


def jieba_user_dictionary(words: dict[str, int]) -> str:
    """A temporary jieba user dictionary of the edition's words (the caller deletes it once read)."""
    handle, path = tempfile.mkstemp(prefix="jieba-user-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as f:
        f.write("".join(f"{w} {freq}\n" for w, freq in words.items()))
    return path


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


# Set in a process that makes one build and ends (another edition's, forked): see reset_jieba.
LAST_BUILD = [False]
_KEPT: list[dict] = []  # the dictionaries a last build's jieba no longer uses (see reset_jieba)


def reset_jieba() -> None:
    """Give this build a jieba without the words an earlier build loaded.

    Material's search plugin loads each edition's user dictionary into jieba's one
    shared tokenizer, which never forgets; the twin edition is built in the same
    process, so without this its index would depend on the order of the builds.
    A process's last build is given the loaded dictionary itself, and the one it
    replaces is kept: copying one or freeing one would touch every one of its half
    million words, memory a forked process shares with its parent until then (0.13 s).
    """
    import jieba

    from build_tools.editions.search_support import _jieba_dictionary

    if LAST_BUILD[0]:
        _KEPT.append(jieba.dt.FREQ)
    jieba.dt.__init__(jieba.dt.dictionary)
    # jieba's own dictionary, loaded once per process (0.2 s each time otherwise: twice per preview rebuild).
    freq, total = _jieba_dictionary()
    jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq if LAST_BUILD[0] else dict(freq), total, True


def cut_once() -> None:
    """Until :func:`cut_afresh`, jieba cuts each text once: the next time, it gives the same words again.

    Material's search index (9.x) cuts every run of Han characters of every page
    with ``jieba.cut``, and the same runs come again and again (a place name, a unit,
    the report's sentences quoted on the metrics page): 40% of what it cuts. Within
    a build jieba's words do not change (they are loaded by the plugins' on_config,
    before this), so the words are the same. Pinned to Material's and jieba's
    versions by tests/test_jieba.py.
    """
    import jieba

    jieba.cut = functools.lru_cache(maxsize=None)(_cut_whole)


def cut_afresh() -> None:
    """jieba's own ``cut`` again (words may be added before the next build's cuts)."""
    import jieba

    jieba.cut = jieba.dt.cut


def _cut_whole(sentence, *args, **kwargs) -> tuple[str, ...]:
    import jieba

    return tuple(jieba.dt.cut(sentence, *args, **kwargs))
