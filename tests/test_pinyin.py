"""Pinyin of glossary terms: pypinyin's reading, the editors' overrides, and their checks."""

from __future__ import annotations

import pytest

from build_tools.annotate.glossary import load_glossary
from build_tools.annotate.pinyin import HAN, load_overrides, reading, unchanged
from build_tools.seeds.errors import SeedError
from conftest import ROOT

PINYIN = ROOT / "seeds" / "pinyin.yml"
GLOSSARY = ROOT / "seeds" / "glossary.yml"
# Characters pypinyin often reads wrongly in political vocabulary (长 zhǎng/cháng, 行 xíng/háng, 重 zhòng/chóng …).
TRAPS = "长行重乐数调干还着和为处量藏种朝少降蒙散转尽拉"
HEADER = "# yaml-language-server: $schema=../build_tools/schemas/pinyin.schema.json\n"


@pytest.fixture(scope="module")
def terms():
    return [e.term for e in load_glossary(GLOSSARY)]


@pytest.fixture(scope="module")
def overrides(terms):
    return load_overrides(PINYIN, terms)


def write(tmp_path, body: str):
    path = tmp_path / "pinyin.yml"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "term, expected",
    [
        ("河长制", "hé zhǎng zhì"),
        ("林长制", "lín zhǎng zhì"),
        ("疏干水", "shū gān shuǐ"),
        ("半拉子", "bàn lā zi"),
        ("蒙古马精神", "měng gǔ mǎ jīng shén"),
        ("科技兴蒙", "kē jì xīng měng"),
        ("蒙速办·四办", "měng sù bàn · sì bàn"),
        ("散改集", "sǎn gǎi jí"),
        ("公转铁", "gōng zhuǎn tiě"),
        ("应保尽保", "yīng bǎo jìn bǎo"),
        (
            "着力抓好乌海及周边地区等重点区域生态环境综合治理",
            "zhuó lì zhuā hǎo wū hǎi jí zhōu biān dì qū děng zhòng diǎn qū yù shēng tài huán jìng zōng hé zhì lǐ",
        ),
        ("我为群众办实事", "wǒ wèi qún zhòng bàn shí shì"),
        ("碳达峰碳中和", "tàn dá fēng tàn zhōng hé"),
        ("新一轮国企改革三年行动", "xīn yī lún guó qǐ gǎi gé sān nián xíng dòng"),
        ("三多三少三慢", "sān duō sān shǎo sān màn"),
    ],
)
def test_reading_of_polyphonic_terms(term, expected, overrides):
    assert reading(term, overrides) == expected


@pytest.mark.parametrize(
    "term, expected",
    [
        ("单位GDP能耗", "dān wèi GDP néng hào"),
        ("1+N", "1+N"),
        ("龙头+配套", "lóng tóu + pèi tào"),
        ("巩固煤焦、提升化工", "gǒng gù méi jiāo, tí shēng huà gōng"),
        ("国务院33条", "guó wù yuàn 33 tiáo"),
    ],
)
def test_letters_digits_and_punctuation_are_kept(term, expected):
    assert reading(term) == expected


def test_an_override_wins_over_pypinyin_and_the_longest_word_first(tmp_path):
    path = write(tmp_path, "- word: 长\n  pinyin: cháng\n- word: 河长\n  pinyin: hé zhǎng\n")
    found = load_overrides(path)
    assert reading("河长制", found) == "hé zhǎng zhì"
    assert reading("长制", found) == "cháng zhì"


def test_every_term_has_one_syllable_per_character(terms, overrides):
    for term in terms:
        syllables = [s for s in reading(term, overrides).replace(",", " ").split() if s.isalpha() and s.islower()]
        assert len(syllables) == len(HAN.findall(term)), term


def test_every_trap_character_in_a_term_is_read_by_an_override(terms, overrides):
    """A new term with a polyphonic character needs an editor's reading: pypinyin's guess is not checked."""
    unread = []
    for term in terms:
        covered = set()
        for o in overrides:
            start = term.find(o.word)
            while start >= 0:
                covered |= set(range(start, start + len(o.word)))
                start = term.find(o.word, start + 1)
        unread += [f"{term}: {c}" for i, c in enumerate(term) if c in TRAPS and i not in covered]
    assert not unread, "add these words to seeds/pinyin.yml: " + "; ".join(unread)


def test_the_fixes_differ_from_pypinyin_and_the_pins_agree(overrides):
    """The file's first group corrects pypinyin; were pypinyin to agree, the comment would be wrong."""
    fixes = {"疏干", "半拉子", "蒙古", "兴蒙", "蒙速办", "散改集", "公转铁", "应保尽保"}
    pinned = {o.word for o in unchanged(overrides)}
    assert not fixes & pinned
    assert {o.word for o in overrides} - fixes == pinned


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("- word: 河长\n  pinyin: hé\n", 3, "2 characters but the pinyin has 1 syllables"),
        ("- word: 河长\n  pinyin: hé zhǎng\n- word: 河长\n  pinyin: hé zhǎng\n", 4, "already listed at line 2"),
        ("- word: 海长\n  pinyin: hǎi zhǎng\n", 2, "occurs in no glossary term"),
    ],
)
def test_override_mistakes_name_their_line(tmp_path, terms, body, line, words):
    with pytest.raises(SeedError) as caught:
        load_overrides(write(tmp_path, body), terms)
    assert f"pinyin.yml:{line}:" in str(caught.value) and words in str(caught.value)


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("- word: 河长\n  pinyin: he2 zhang3\n", 3, "tone mark"),
        ("- word: 河长\n", 2, "pinyin"),
        ("- word: 河长制x\n  pinyin: hé zhǎng zhì\n", 2, "Chinese characters only"),
        ("- word: 河长\n  pinyin: hé zhǎng\n  reading: x\n", 4, "reading"),
    ],
)
def test_schema_errors_name_their_line(tmp_path, body, line, words):
    with pytest.raises(SeedError) as caught:
        load_overrides(write(tmp_path, body))
    assert f"pinyin.yml:{line}:" in str(caught.value) and words in str(caught.value)


def test_the_seed_file_names_its_schema():
    first = PINYIN.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../build_tools/seeds/schemas/pinyin.schema.json"
    assert (ROOT / "build_tools" / "seeds" / "schemas" / "pinyin.schema.json").exists()


def test_no_file_means_no_override():
    assert load_overrides(None) == []
