"""Python's cycle collector paused while a build runs, and resumed when it ends.

A build allocates millions of objects (pages, Markdown trees, search entries,
pypinyin's dictionaries) and keeps most of them to the end; the collector looks
at the newest again every 700 new objects, and at all of them now and then: 0.4 s
of CPU over one build's processes, for little garbage (without it, each process
peaks at the same memory). The processes forked during a build (the editions, the
pinyin readings, the other editions' builds) start paused too, and end with the
build, without it. Under `mkdocs serve` it runs again between builds. mypy runs its own
collector less often, for the same reason.
"""

from __future__ import annotations

import gc
import os

# Whether the collector was running when pause() stopped it (None: not paused by this module).
_WAS_ENABLED: list[bool | None] = [None]


def pause() -> None:
    """Stop the collector until :func:`resume` (a second pause changes nothing)."""
    if _WAS_ENABLED[0] is None:
        _WAS_ENABLED[0] = gc.isenabled()
        gc.disable()


def resume() -> None:
    """Run the collector again if :func:`pause` stopped it (again, changes nothing)."""
    if _WAS_ENABLED[0]:
        gc.enable()
    _WAS_ENABLED[0] = None


def _forked() -> None:
    """In a process forked while paused: it ends with the build, and a collector run again at its end
    would look at every object it made, for nothing (16 ms in an edition's build)."""
    if _WAS_ENABLED[0] is not None:
        _WAS_ENABLED[0] = False


os.register_at_fork(after_in_child=_forked)
