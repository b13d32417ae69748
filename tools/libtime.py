"""How much of the generator's time is spent inside the libraries it calls, for `make bench`.

The generator's goal (100 ms for every edition) is shared with the libraries that do
the heavy lifting: jieba cuts the text for the converted edition's search words, OpenCC
converts every zh-Hant page, PyYAML and polib read the seed files. Their time is part
of the generator's, measured here by timing their entry points while it runs. (PyYAML's
time includes the seed loader's own constructors, which keep each value's line.)
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator


def _entry_points() -> dict[str, tuple[object, str]]:
    """Each library's one call the generator makes, as (owner, attribute)."""
    import jieba
    import opencc
    import polib
    import yaml

    return {
        "jieba's cut": (jieba.Tokenizer, "lcut"),
        "OpenCC": (opencc.OpenCC, "convert"),
        "PyYAML": (yaml, "load"),
        "polib": (polib, "pofile"),
    }


@contextlib.contextmanager
def timing(spent: defaultdict[str, float]) -> Iterator[None]:
    """While in it, the seconds spent in each library's entry point are added to ``spent``."""
    patched = []
    for name, (owner, attribute) in _entry_points().items():
        original = getattr(owner, attribute)
        setattr(owner, attribute, _timed(original, name, spent))
        patched.append((owner, attribute, original))
    try:
        yield
    finally:
        for owner, attribute, original in patched:
            setattr(owner, attribute, original)


def _timed(fn: Callable, name: str, spent: defaultdict[str, float]) -> Callable:
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    return timed


def library_times(run: Callable[[], None], runs: int) -> dict[str, float]:
    """Median seconds per run spent in each library (see :func:`_entry_points`) over ``runs`` runs."""
    per_run: list[defaultdict[str, float]] = []
    for _ in range(runs):
        per_run.append(defaultdict(float))
        with timing(per_run[-1]):
            run()
    return {name: statistics.median(spent[name] for spent in per_run) for name in _entry_points()}
