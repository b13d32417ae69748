"""make bench's share of the generator's time spent in libraries (tools/libtime.py): what it counts, and that
it leaves the libraries as they were. (A time is measured there, never asserted here.)"""

from __future__ import annotations

from collections import defaultdict

import opencc
import polib
import pytest
import yaml

from tools.libtime import library_times, timing

PO = 'msgctxt "a"\nmsgid "甲"\nmsgstr "A"\n'


def _entry_points():
    import jieba

    return [jieba.Tokenizer.lcut, opencc.OpenCC.convert, yaml.load, polib.pofile]


def test_each_library_call_is_counted_under_its_name():
    spent: defaultdict[str, float] = defaultdict(float)
    with timing(spent):
        yaml.load("a: 1", Loader=yaml.SafeLoader)
        polib.pofile(PO)
        assert opencc.OpenCC("s2tw").convert("发展") == "發展"
    assert set(spent) == {"PyYAML", "polib", "OpenCC"}


def test_the_libraries_are_restored_even_after_a_failure():
    before = _entry_points()
    with pytest.raises(RuntimeError), timing(defaultdict(float)):
        assert _entry_points() != before
        raise RuntimeError
    assert _entry_points() == before


def test_library_times_names_every_library_per_run():
    calls = []
    times = library_times(lambda: calls.append(yaml.load("a: 1", Loader=yaml.SafeLoader)), runs=3)
    assert len(calls) == 3 and set(times) == {"jieba's cut", "OpenCC", "PyYAML", "polib"}
    assert times["polib"] == times["OpenCC"] == 0
