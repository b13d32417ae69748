"""The parser reads the genre: other years' layouts, not just this file."""

import json
import os
import subprocess
import sys

import pytest

from build_tools.annotate.structure import annotate_structure
from build_tools.parse.report import parse_file, parse_text
from build_tools.seeds.errors import SeedError
from conftest import REPORT, ROOT

# A report of the same kind laid out differently: no blank lines, no indentation,
# fullwidth punctuation, headings of all three kinds, no metadata line.
OTHER_YEAR = """政府工作报告
——2024年1月5日在某市第十届人民代表大会第三次会议上
某市人民政府市长 王 五
各位代表：
现在，我代表市人民政府向大会报告工作，请予审议。
一、2023年工作回顾
过去一年，我们做了很多工作。
（一）坚持稳中求进，经济运行持续向好。全年地区生产总值增长5%。
（二）坚持改革创新，发展动力不断增强。改革持续深化。
一年来，我们加强自身建设。
二、2024年工作安排
（一）扩大有效需求
项目建设再提速。实施重点项目100个。招商引资再加力。新签约项目50个。
持续推进营商环境建设。 （二）深化改革开放
深化国企改革。
各位代表！让我们团结奋斗。
"""


@pytest.fixture(scope="module")
def report():
    return annotate_structure(parse_file(REPORT))


def test_front_matter(report):
    assert report.title == "政府工作报告"
    assert report.subtitle == "2023年1月1日在乌海市第十届人民代表大会第二次会议上"
    assert report.meta == [("发布时间", "2023-01-06"), ("来源", "乌海日报"), ("作者", "")]
    assert report.speaker == "乌海市人民政府市长 杨 进"
    assert report.salutation == "各位代表:"
    assert [p.text[:4] for p in report.opening] == ["现在,我"]


def test_parts_and_all_fifteen_subsections(report):
    assert [(p.numeral, p.title) for p in report.parts] == [
        ("一", "2022年工作回顾"),
        ("二", "2023年经济社会发展的目标要求"),
        ("三", "今年政府工作的主要任务"),
    ]
    assert [len(p.sections) for p in report.parts] == [6, 0, 9]
    styles = [s.style for p in report.parts for s in p.sections]
    assert styles == ["runin"] * 6 + ["line"] * 6 + ["glued"] + ["line"] * 2


def test_glued_subsection_seven(report):
    seventh = report.parts[2].sections[6]
    assert (seventh.numeral, seventh.title) == ("七", "坚持以民为本,切实提高人民生活品质")
    assert seventh.paragraphs[0].text.startswith("着力在发展中保障和改善民生")
    # The paragraph it was glued to ends where the heading began.
    assert report.parts[2].sections[5].paragraphs[-1].text.endswith("带动产业高质量发展。")


def test_runin_subsection_title_and_rest(report):
    first = report.parts[0].sections[0]
    assert first.title == "坚持稳字当头,在攻坚克难中稳住经济大盘" and first.title_end == "。"
    assert first.paragraphs[0].text.startswith("牢记“国之大者”")


def test_part_paragraphs_after_runin_subsections(report):
    after = report.parts[0].after
    assert [p.text[:5] for p in after] == ["一年来,我", "一年来,我", "一年来,我", "各位代表!", "各位代表!"]
    assert after[3].salutation == "各位代表!"


def test_closing_address_after_whitespace_line(report):
    assert len(report.closing) == 1
    assert report.closing[0].text.startswith("各位代表!山高攀则至")
    assert report.parts[2].sections[8].paragraphs[-1].text.endswith("办实事上。")


def test_ids_are_structural_ascii_and_unique(report):
    ids = (
        [report.parts[0].id]
        + [b.id for *_, b in report.blocks()]
        + [b.heading_id for *_, b in report.blocks() if b.heading_id]
    )
    ids += [s.id for p in report.parts for s in p.sections]
    assert all(i.isascii() for i in ids)
    assert len(ids) == len(set(ids))
    assert report.parts[2].sections[6].id == "s3-7"
    assert report.parts[2].sections[0].paragraphs[0].blocks[1].heading_id == "t3-1-1-2"


def test_other_year_layout():
    r = annotate_structure(parse_text(OTHER_YEAR))
    assert r.subtitle.startswith("——2024年")
    assert r.speaker == "某市人民政府市长 王 五" and r.salutation == "各位代表："
    assert [p.title for p in r.parts] == ["2023年工作回顾", "2024年工作安排"]
    one, two = r.parts
    assert [s.title for s in one.sections] == ["坚持稳中求进，经济运行持续向好", "坚持改革创新，发展动力不断增强"]
    assert [p.text for p in one.after] == ["一年来，我们加强自身建设。"]
    assert [(s.numeral, s.style) for s in two.sections] == [("一", "line"), ("二", "glued")]
    headings = [b.heading for b in two.sections[0].paragraphs[0].blocks if b.heading]
    assert headings == ["项目建设再提速。", "招商引资再加力。"]
    assert [p.text for p in r.closing] == ["各位代表！让我们团结奋斗。"]


def test_closing_address_of_several_paragraphs():
    r = parse_text(OTHER_YEAR + "让我们共同谱写新篇章！\n")
    assert [p.text for p in r.closing] == ["各位代表！让我们团结奋斗。", "让我们共同谱写新篇章！"]
    assert r.parts[1].sections[-1].paragraphs[-1].text == "深化国企改革。"


def test_glued_heading_only_when_numbering_continues():
    text = "标题\n一、部分\n（一）小节\n正文说明。 （五）不是标题\n"
    r = parse_text(text)
    assert len(r.parts[0].sections) == 1
    assert r.parts[0].sections[0].paragraphs[0].text.endswith("（五）不是标题")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the file is empty"),
        ("   \n\n  \n", "the file is empty"),
        ("政府工作报告\n各位代表：\n今天天气很好。\n", "no recognisable parts"),
    ],
)
def test_bad_text(text, message):
    with pytest.raises(SeedError) as info:
        parse_text(text, "seeds/x.txt")
    assert str(info.value).startswith("seeds/x.txt: " + message)
    assert "\n" not in str(info.value)


def test_outline_command_prints_unescaped_json():
    out = subprocess.run(
        [sys.executable, "-m", "build_tools", "outline", str(REPORT)], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "乌海市人民政府市长" in out and "\\u" not in out
    data = json.loads(out)
    assert [len(p["sections"]) for p in data["parts"]] == [6, 0, 9]


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "file not found"),
        (b"", "the file is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        ("没有任何结构的文字。".encode(), "no recognisable parts"),
    ],
)
def test_outline_command_bad_input(tmp_path, content, expected):
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    # Outside CI: there the error is also a workflow command on stdout (tests/test_editor_errors.py).
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "outline", str(path)], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "report.txt" in lines[0]
    assert "Traceback" not in result.stderr
