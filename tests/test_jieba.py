"""What the build does with jieba's internals, pinned to the jieba it was written for.

jieba's one tokenizer never forgets a word, so each build gets a fresh one
(mkdocs_plugin/search.py `reset_jieba`), given the dictionary loaded once per
process; that dictionary is read from jieba's own cache file whole, not piece by
piece (editions/search_support.py `_WholeFileMarshal`). Both lean on names inside
jieba: when its version changes, these tests say to look again.
"""

from __future__ import annotations

import marshal

import jieba
import pytest

from build_tools.editions import search_support
from build_tools.mkdocs_plugin import search
from build_tools.mkdocs_plugin.search import reset_jieba


def test_jieba_is_the_version_its_internals_were_read_in():
    """Look at `_WholeFileMarshal` and `reset_jieba` again when this changes (requirements.txt pins it)."""
    assert jieba.__version__ == "0.42.1"
    assert jieba.marshal is marshal  # jieba reads its cache through its module's `marshal`


@pytest.fixture
def fresh_dictionary():
    """`_jieba_dictionary` forgotten before and after, as in a new process."""
    search_support._jieba_dictionary.cache_clear()
    yield
    search_support._jieba_dictionary.cache_clear()


def test_the_cache_read_whole_is_jiebas_own_dictionary(fresh_dictionary):
    own = jieba.Tokenizer()
    own.initialize()  # writes jieba's cache file if there is none yet
    calls = []
    load = search_support._WholeFileMarshal.load

    def counted(file):
        calls.append(file.name)
        return load(file)

    search_support._WholeFileMarshal.load = staticmethod(counted)  # type: ignore[method-assign]
    try:
        freq, total = search_support._jieba_dictionary()
    finally:
        search_support._WholeFileMarshal.load = staticmethod(load)  # type: ignore[method-assign]
    assert len(calls) == 1 and calls[0].endswith("jieba.cache")  # read by the replacement, not by jieba's own
    assert total == own.total and freq == own.FREQ
    assert jieba.marshal is marshal  # put back


def test_a_fresh_tokenizer_forgets_the_words_of_the_last_build(fresh_dictionary):
    reset_jieba()
    jieba.add_word("乌海湖畔公园", 9)
    assert jieba.lcut("乌海湖畔公园") == ["乌海湖畔公园"]
    reset_jieba()
    assert jieba.lcut("乌海湖畔公园") != ["乌海湖畔公园"]
    assert "乌海湖畔公园" not in search_support._jieba_dictionary()[0]


def test_a_last_build_forgets_the_words_of_the_build_before(fresh_dictionary, monkeypatch):
    """A forked edition's build: given the dictionary itself (see reset_jieba), still without the parent's words."""
    reset_jieba()
    jieba.add_word("乌海湖畔公园", 9)
    monkeypatch.setattr(search, "LAST_BUILD", [True])
    monkeypatch.setattr(search, "_KEPT", [])
    reset_jieba()
    assert jieba.lcut("乌海湖畔公园") != ["乌海湖畔公园"]
    assert jieba.dt.FREQ is search_support._jieba_dictionary()[0]


def test_a_tokenizer_with_words_leaves_the_dictionary_as_it_was(fresh_dictionary):
    """The words are added to the dictionary loaded once per process, for one cut, then taken out again."""
    freq, total = search_support._jieba_dictionary()
    before = dict(freq)
    words = {"乌海湖畔公园": 9, "乌海": 5, "黄河": 7}  # a new word, and words already there with other weights
    with search_support.tokenizer_with(words) as tokenizer:
        assert tokenizer.lcut("乌海湖畔公园") == ["乌海湖畔公园"]
        assert freq["乌海"] == 5
    assert freq == before and search_support._jieba_dictionary()[1] == total
    with pytest.raises(RuntimeError), search_support.tokenizer_with(words):
        raise RuntimeError("a failed cut")
    assert freq == before


def test_materials_search_index_cuts_with_jiebas_cut():
    """mkdocs_plugin/search.py `cut_once` stands in for `jieba.cut` where Material's index calls it."""
    import inspect

    import material
    from material.plugins.search.plugin import SearchIndex

    assert material.__version__ == "9.8.2"
    assert "jieba.cut(value.encode(" in inspect.getsource(SearchIndex._segment_chinese)


def test_within_a_build_each_text_is_cut_once(fresh_dictionary, monkeypatch):
    reset_jieba()
    text = "乌海市加快建设黄河流域生态保护和高质量发展先行区".encode()
    calls = []
    whole = search._cut_whole

    def counted(sentence, *args, **kwargs):
        calls.append(sentence)
        return whole(sentence, *args, **kwargs)

    monkeypatch.setattr(search, "_cut_whole", counted)
    search.cut_once()
    try:
        first = "/".join(jieba.cut(text))
        assert "/".join(jieba.cut(text)) == first == "/".join(jieba.dt.cut(text)) and len(calls) == 1
    finally:
        search.cut_afresh()
    assert jieba.cut == jieba.dt.cut  # the next build's words, added to jieba, are cut with
