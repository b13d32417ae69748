"""Pin the zh-Hant conversion of the report: OpenCC s2tw plus the editors' corrections.

The expected forms below come from reading each phrase in the report,
not from the converter's output.
"""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from build_tools.editions import hant
from build_tools.editions.hant import DEFAULT_CONFIG, Converter, load_corrections
from build_tools.seeds.errors import SeedError

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "seeds" / "wuhai-2023.txt"
TABLE = ROOT / "seeds" / "zh-hant-corrections.yml"

# zh-Hans phrase in the report -> its zh-Hant form, checked at every occurrence.
IN_CONTEXT = {
    # required pins
    "干部": "幹部",
    "实干": "實幹",
    "于变局中": "於變局中",
    "贷款余额": "貸款餘額",
    "装备制造": "裝備製造",
    "里程碑": "里程碑",
    "发展": "發展",
    "面积": "面積",
    # the corrections in seeds/zh-hant-corrections.yml
    "民生发展": "民生發展",
    "积蓄发展": "積蓄發展",
    "一干到底": "一幹到底",
    "疏干水": "疏乾水",
    "也要干": "也要幹",
    "制氢": "製氫",
    "编制": "編製",
    "新征程": "新征程",
    "岩画": "岩畫",
    "分凌": "分凌",
    "点赞": "點讚",
    "“几”字弯": "“几”字彎",
    "并轨": "併軌",
    "发布": "發布",
    "分布式": "分布式",
    "布局实施": "布局實施",
    # 干
    "苦干": "苦幹",
    "敢干": "敢幹",
    "拼命干": "拼命幹",
    "正确干": "正確幹",
    "干事创业": "幹事創業",
    # 发
    "挥发性": "揮發性",
    "研发": "研發",
    "发力": "發力",
    # 制
    "乌海制造": "烏海製造",
    "制备": "製備",
    "制定": "制定",
    "控制": "控制",
    "机制": "機制",
    "制度": "制度",
    "链长制": "鏈長制",
    # 系
    "五个关系": "五個關係",
    "体系": "體系",
    "系统": "系統",
    "一系列": "一系列",
    # 复
    "开复工": "開復工",
    "生态修复": "生態修復",
    "重复信访": "重複信訪",
    "反复": "反覆",
    "复杂": "複雜",
    "恢复": "恢復",
    "康复": "康復",
    # 余, 于
    "1万余亩": "1萬餘畝",
    "150余场": "150餘場",
    "有利于": "有利於",
    "不低于": "不低於",
    "于一体": "於一體",
    # 台, 准, 向
    "出台": "出臺",
    "平台": "平臺",
    "标准": "標準",
    "精准": "精準",
    "把准": "把準",
    "准备": "準備",
    "心生向往": "心生嚮往",
    "走向世界": "走向世界",
    # 周, 并, 托
    "周末": "週末",
    "生命周期": "生命週期",
    "周边": "周邊",
    "周围": "周圍",
    "并网": "併網",
    "多措并举": "多措並舉",
    "并请": "並請",
    "依托": "依託",
    "托育": "托育",
    # 游, 里, 钟
    "上下游": "上下游",
    "龙游湾": "龍游灣",
    "旅游": "旅遊",
    "游乐": "遊樂",
    "公里": "公里",
    "百里": "百里",
    "一刻钟": "一刻鐘",
    # 采, 汇, 占, 斗, 冲, 后, 历, 划, 范, 获, 团
    "采取": "採取",
    "探转采": "探轉採",
    "汇聚": "匯聚",
    "占比": "佔比",
    "奋斗": "奮鬥",
    "斗争": "鬥爭",
    "向前冲": "向前衝",
    "落后": "落後",
    "先立后破": "先立後破",
    "历史": "歷史",
    "历年": "歷年",
    "规划": "規劃",
    "计划": "計劃",
    "示范": "示範",
    "防范": "防範",
    "获批": "獲批",
    "团结": "團結",
    # 面, 表, 才, 克, 尽, 致, 松, 卷, 症, 板, 云, 坛, 咸, 淀, 巨, 炼, 扎, 蒙
    "全面": "全面",
    "地表水": "地表水",
    "代表": "代表",
    "人才": "人才",
    "知忧才能": "知憂才能",
    "攻坚克难": "攻堅克難",
    "应保尽保": "應保盡保",
    "致富": "致富",
    "马拉松": "馬拉松",
    "答卷": "答卷",
    "癌症": "癌症",
    "补短板": "補短板",
    "登云": "登雲",
    "论坛": "論壇",
    "微咸水": "微鹹水",
    "沉淀资金": "沉澱資金",
    "艰巨": "艱鉅",
    "锤炼": "錘鍊",
    "扎实": "紮實",
    "内蒙古": "內蒙古",
    "僵尸企业": "殭屍企業",
}

# s2twp would rewrite these words (執行, 社群, 最佳化, 建立, 專案); the edition keeps them.
KEPT_WORDS = {"运行": "運行", "社区": "社區", "优化": "優化", "创建": "創建", "项目": "項目"}

# Characters that are both Simplified and Traditional, so OpenCC would still
# change them on their own; each may stay only inside these words.
SHARED_CHARS = {
    "里": ("公里", "里程碑", "百里"),  # the unit and 里程, not 裡 (inside)
    "游": ("上下游", "龙游湾"),  # the river's course and a place name, not 遊 (travel)
    "岩": ("岩画",),  # 岩 and 巖 are both standard; the edition writes 岩
    "征": ("征程",),  # a journey, not 徵 (levy, solicit)
    "几": ("“几”字",),  # the shape of the character 几 itself
}


@pytest.fixture(scope="module")
def source() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def converted(source: str) -> str:
    return Converter(corrections=load_corrections(TABLE)).convert(source)


def positions(text: str, phrase: str) -> list[int]:
    """Start offsets of every occurrence of ``phrase`` in ``text``."""
    return [m.start() for m in re.finditer(re.escape(phrase), text)]


# --- the report, in context ---------------------------------------------------


def test_default_config_is_s2tw():
    assert DEFAULT_CONFIG == "s2tw"


@pytest.mark.parametrize("hans, hant_form", sorted(IN_CONTEXT.items()))
def test_phrase_in_context(source: str, converted: str, hans: str, hant_form: str):
    found = positions(source, hans)
    assert found, f"{hans} does not occur in the report; the pin is stale"
    wrong = [(p, converted[p : p + len(hans)]) for p in found if converted[p : p + len(hans)] != hant_form]
    assert not wrong, f"{hans} should read {hant_form} everywhere; got {wrong}"


@pytest.mark.parametrize("hans, hant_form", sorted(KEPT_WORDS.items()))
def test_no_vocabulary_substitution(source: str, converted: str, hans: str, hant_form: str):
    found = positions(source, hans)
    assert found
    assert {converted[p : p + len(hans)] for p in found} == {hant_form}


def test_length_preserved(source: str, converted: str):
    assert len(converted) == len(source)
    assert [i for i, c in enumerate(source) if c == "\n"] == [i for i, c in enumerate(converted) if c == "\n"]


def test_no_simplified_character_left(source: str, converted: str):
    cc = opencc.OpenCC("s2tw")
    leftovers = []
    for i, ch in enumerate(converted):
        if cc.convert(ch) == ch:
            continue
        words = SHARED_CHARS.get(ch, ())
        if not any(source[max(0, i - k) : i - k + len(w)] == w for w in words for k in range(len(w)) if w[k] == ch):
            leftovers.append((i, ch, source[max(0, i - 4) : i + 5]))
    assert not leftovers


def test_table_loads_and_every_phrase_occurs(source: str):
    # A correction fixes the report, or the glossary's definitions and the outcomes' texts, converted with it.
    editors = "".join((TABLE.parent / name).read_text(encoding="utf-8") for name in ("glossary.yml", "outcomes.yml"))
    table = load_corrections(TABLE)
    assert table
    assert all(hans in source or hans in editors for hans in table)


# --- the converter ------------------------------------------------------------


def test_converter_without_table_is_plain_s2tw():
    text = "民生发展，社区运行"
    assert Converter().convert(text) == opencc.OpenCC("s2tw").convert(text)


def test_correction_applies_by_source_position():
    conv = Converter(corrections={"民生发展": "民生發展"})
    assert conv.convert("民生发展百强") == "民生發展百強"


def test_longer_correction_wins_on_overlap():
    conv = Converter(corrections={"发展": "髮展", "民生发展": "民生發展"})
    assert conv.convert("民生发展，发展") == "民生發展，髮展"


def test_corrections_that_overlap_without_nesting():
    # Same length: the first in order (发展 before 展开) decides the shared 展; 展开 elsewhere still applies.
    conv = Converter(corrections={"展开": "甲乙", "发展": "丙丁"})
    assert conv.convert("发展开，展开") == "丙丁開，甲乙"
    # Occurrences of one phrase that overlap each other: the first one wins.
    assert Converter(corrections={"哈哈": "呵呵"}).convert("哈哈哈") == "呵呵哈"


def test_correction_starting_with_a_pattern_character():
    conv = Converter(corrections={"[民]": "[人]", "-发": "-髮"})
    assert conv.convert("[民]生-发展") == "[人]生-髮展"


def test_length_changing_correction_rejected():
    with pytest.raises(ValueError):
        Converter(corrections={"发展": "發"})


def test_opencc_object_is_cached():
    assert hant._opencc("s2tw") is hant._opencc("s2tw")


def test_falls_back_when_opencc_changes_length(monkeypatch):
    class Expanding:
        """Like OpenCC, but one phrase entry maps two characters to three."""

        def convert(self, text: str) -> str:
            return text.replace("发展", "發展了").replace("发", "發").replace("区", "區")

    monkeypatch.setattr(hant, "_opencc", lambda config: Expanding())
    text = "发展\n社区\n"
    out = Converter().convert(text)
    assert len(out) == len(text)
    assert out == "發展\n社區\n"


# --- load_corrections errors ---------------------------------------------------


def write(tmp_path: Path, monkeypatch, text: str) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "corr.yml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(SeedError) as info:
        load_corrections(path)
    return str(info.value)


def test_valid_table(tmp_path, monkeypatch):
    path = write(tmp_path, monkeypatch, "# 说明\n\n民生发展: 民生發展   # 生发≠生髮\n“几”字: “几”字  # 字形\n")
    assert load_corrections(path) == {"民生发展": "民生發展", "“几”字": "“几”字"}


def test_header_only_table_is_empty(tmp_path, monkeypatch):
    path = write(tmp_path, monkeypatch, "# 只有说明\n")
    assert load_corrections(path) == {}


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("# h\n民生发展: [民生發展   # 括号未闭合\n", 2, "YAML syntax error"),
        ("# h\n- 民生发展\n- 民生發展\n", 2, "expected a mapping"),
        ("# h\n民生发展: 民生發展\n", 2, "comment"),
        ("# h\n制氢: 製氫   #   \n", 2, "comment"),
        ('# h\n制氢: "製氫 # 不是注释"\n', 2, "has 2 characters"),
        ('# h\n制氢: "製氫"\n', 2, "comment"),
        ("# h\n\n民生发展:   # 空\n", 3, "empty"),
        ("# h\n民生发展: ~   # 空\n", 2, "empty"),
        ("# h\n民生发展: 民生發展了   # 多一字\n", 2, "has 4 characters but"),
        ("# h\n制氢: 製氫  # a\n制氢: 製氫  # b\n", 3, "listed twice"),
        ("# h\n制氢:\n  製: 氫  # 嵌套\n", 2, "zh-Hant form"),
        ("# h\n123: 一二三  # 数字\n", 2, "zh-Hans phrase"),
        ("# h\n制氢: 12  # 数字\n", 2, "must be text, not the number 12; put it in quotes"),
    ],
)
def test_bad_table(tmp_path, monkeypatch, text, line, words):
    message = error_of(write(tmp_path, monkeypatch, text))
    assert message.startswith(f"corr.yml:{line}: "), message
    assert words in message


def test_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert error_of(tmp_path / "nope.yml").startswith("nope.yml")


def test_converting_many_texts_at_once_converts_each_as_alone():
    """The metrics files' fields, converted in one call and looked up (editions.transform.converted_once)."""
    from build_tools.annotate.load import load_metrics, load_report
    from build_tools.cli import seeds_from_config
    from build_tools.editions.transform import converted_once, unchanged
    from build_tools.render.metrics_page import TEXT_FIELDS

    seeds = seeds_from_config()
    figures, _ = load_metrics(seeds, load_report(seeds))
    texts = [data[key] for data in (f.as_dict() for f in figures) for key in TEXT_FIELDS]
    convert = Converter(corrections=load_corrections(seeds.corrections)).convert
    once = converted_once(convert, [*texts, "两行\n干部"])
    assert len(set(texts)) > 100
    for text in [*texts, "两行\n干部", "不在其中的干部"]:
        assert once(text) == convert(text), text
    assert converted_once(unchanged, texts) is unchanged
