"""Computing once what every edition shares: a result is kept while the seed files it was read from are unchanged.

The editions of a site are built one after another in one process, from the same
seed files: parsing, the glossary, the figures and the outcomes do not depend on
the script, only the text transform does. A function decorated with :func:`shared`
computes its result once for the same arguments, where a seed file (a ``Path``, or
every file a ``Seeds`` names) counts *as it is now* (its bytes are in the key, so a
save under `mkdocs serve` computes afresh), plain values (text, numbers, tuples of
them) by equality, and any other object by identity (a report from the cache is the
same object for every edition); a frozen dataclass (a link to the repository) counts
by equality too. Results are shared, so nothing changes them after
they are returned: stages take data in and give new data out.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

from .paths import Seeds

F = TypeVar("F", bound=Callable[..., Any])
KEEP = 2  # the latest results of each function: enough for every edition, and for a preview's edit and undo
_CACHES: list[list] = []
_SMALL: list = []  # the caches of small()
_OTHER: list[dict] = []  # caches kept elsewhere, by forgotten_on_clear()
PLAIN = (str, int, float, bool, type(None))


def _file(path: Path) -> tuple:
    try:
        return (str(path), path.read_bytes())
    except OSError:
        return (str(path), None)  # the loader itself says what is wrong, with the file's name


def _key(arg: Any) -> tuple:
    """(kind, value) of one argument: compared by content for files and plain values, else by identity."""
    if isinstance(arg, Seeds):
        return ("seeds", tuple((f.name, _file(p) if p else None) for f in fields(arg) for p in [getattr(arg, f.name)]))
    if isinstance(arg, Path):
        return ("file", _file(arg))
    if isinstance(arg, PLAIN) or (isinstance(arg, tuple) and all(isinstance(a, PLAIN) for a in arg)):
        return ("value", arg)
    if is_dataclass(arg) and not isinstance(arg, type) and arg.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return ("value", arg)
    return ("object", id(arg))


def shared(fn: F) -> F:
    """Cache ``fn(*args)`` as the module docstring says (the latest KEEP results)."""
    kept: list[tuple[tuple, tuple, Any]] = []  # (key, the arguments, result), newest last
    _CACHES.append(kept)
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*given: Any, **named: Any) -> Any:
        # Keywords and defaults filled in, so that f(x) and f(x, strict=False) are one call.
        bound = signature.bind(*given, **named)
        bound.apply_defaults()
        args = tuple(bound.arguments.values())
        key = tuple(_key(a) for a in args)
        for old, _, result in kept:
            if old == key:
                return result
        result = fn(*bound.args, **bound.kwargs)
        # The arguments are held with the key, so that no other object takes an identity it names.
        kept.append((key, args, result))
        del kept[:-KEEP]
        return result

    return wrapper  # type: ignore[return-value]


def small(fn: F) -> F:
    """Cache ``fn(text)``, a pure function of one text that the editions ask again and again, for the
    latest 4,096 texts; forgotten by :func:`clear` too."""
    cached = functools.lru_cache(maxsize=4096)(fn)
    _SMALL.append(cached)
    return cached  # type: ignore[return-value]


def forgotten_on_clear(cache: dict) -> dict:
    """A cache of another module that :func:`clear` empties too (it keeps work done from the seeds)."""
    _OTHER.append(cache)
    return cache


def clear() -> None:
    """Forget every kept result (a benchmark times the work from the start)."""
    for kept in _CACHES:
        kept.clear()
    for cached in _SMALL:
        cached.cache_clear()
    for cache in _OTHER:
        cache.clear()
