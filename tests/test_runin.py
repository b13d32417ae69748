"""Run-in topic headings: parallel short sentences, not every short sentence."""

import pytest

from build_tools.annotate.overrides import load_overrides
from build_tools.annotate.runin import Overrides, sentences, split_topics
from build_tools.annotate.structure import annotate_structure
from build_tools.parse.report import parse_file
from build_tools.seeds.errors import SeedError
from conftest import REPORT


@pytest.fixture(scope="module")
def headings():
    report = annotate_structure(parse_file(REPORT))
    return [b.heading for *_, b in report.blocks() if b.heading]


@pytest.mark.parametrize(
    "heading",
    [
        "市场信心再提振。",
        "项目建设再攻坚。",
        "消费供给再优化。",
        "传统产业存量焕新。",
        "文旅产业“留”量增多。",
        "淬炼绝对忠诚的硬脊梁。",
        "打好深化改革“攻坚战”。",
        "提升营商环境“软实力”。",
        "加强和改进民族工作。",
        "一是在推动现代化建设上取得更大成效。",
        "五是在补齐短板弱项上展现更大作为。",
    ],
)
def test_report_headings_found(headings, heading):
    assert heading in headings


@pytest.mark.parametrize(
    "sentence",
    [
        "推进新能源调峰电厂建设前期工作。",
        "财政预算管理改革成效明显。",
        "积极创建自治区食品安全示范区。",
        "推进学前教育、特殊教育发展。",
        "成之惟艰、实属不易。",
    ],
)
def test_ordinary_short_sentences_are_not_headings(headings, sentence):
    assert sentence not in headings


def test_heading_count(headings):
    # 5 + 3 + 3 in part one, 5 in part two (一是…五是), 32 in part three's nine subsections.
    assert len(headings) == 48


def test_sentences_keep_quotes_whole():
    assert sentences("打好“攻坚战。”吧。再来。") == ["打好“攻坚战。”吧。", "再来。"]


def test_single_short_sentence_is_not_a_group():
    assert split_topics("前言很长很长,有逗号。孤零零的短句。后面的正文,有逗号。") == [
        ("", "前言很长很长,有逗号。孤零零的短句。后面的正文,有逗号。")
    ]


def test_overrides_add_and_remove():
    text = "导语,有逗号。甲乙丙丁戊。正文,有逗号。己庚辛壬癸。正文二,有逗号。"
    assert [h for h, _ in split_topics(text) if h] == ["甲乙丙丁戊。", "己庚辛壬癸。"]
    removed = split_topics(text, Overrides(remove={"己庚辛壬癸。"}))
    assert [h for h, _ in removed if h] == ["甲乙丙丁戊。"]
    added = split_topics(
        "导语,有逗号。这是一个很长很长的句子。正文,有逗号。", Overrides(add={"这是一个很长很长的句子。"})
    )
    assert [h for h, _ in added if h] == ["这是一个很长很长的句子。"]


def test_override_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "overrides.yml"
    path.write_text(
        "runin_headings:\n  add:\n    - 推进新能源调峰电厂建设前期工作。\n    - 报告里没有这句话。\n", encoding="utf-8"
    )
    with pytest.raises(SeedError) as info:
        load_overrides(path, parse_file(REPORT))
    assert ":4: runin_headings.add: '报告里没有这句话。' is not a sentence of the report" in str(info.value)


def test_override_accepts_fullwidth_punctuation(tmp_path):
    path = tmp_path / "overrides.yml"
    path.write_text("runin_headings:\n  remove: [成之惟艰、实属不易。]\n  add: []\n", encoding="utf-8")
    assert load_overrides(path, parse_file(REPORT)).remove == {"成之惟艰、实属不易。"}


def test_override_unknown_field(tmp_path):
    path = tmp_path / "overrides.yml"
    path.write_text("runin_headings:\n  adds: []\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"overrides.yml:2: unknown field 'adds'"):
        load_overrides(path, parse_file(REPORT))
