"""Figures and headline indicators: traps of the genre, the real report, outputs and overrides."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from build_tools.annotate import metrics as M
from build_tools.annotate.structure import annotate_structure
from build_tools.parse.report import parse_file, parse_text
from build_tools.render import metrics_page as P
from build_tools.render.metrics_chart import chart_svg
from build_tools.render.metrics_text import figure_text
from build_tools.seeds.errors import SeedError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "wuhai-2023.txt"
OVERRIDES = ROOT / "seeds" / "metrics.yml"


def synthetic(
    review: str, targets: str = "主要预期目标是:地区生产总值增长5%左右。", tasks: str = "今年要努力工作。"
) -> object:
    text = f"""政府工作报告
各位代表:
现在,我代表市人民政府向大会报告工作。
一、2022年工作回顾
{review}
二、2023年经济社会发展的目标要求
{targets}
三、今年政府工作的主要任务
{tasks}
"""
    return annotate_structure(parse_text(text))


def sources(report) -> list[str]:
    return [f.source for f in M.extract(report)]


@pytest.fixture(scope="module")
def report():
    return annotate_structure(parse_file(SEED))


@pytest.fixture(scope="module")
def overrides():
    return M.load_overrides(OVERRIDES)


@pytest.fixture(scope="module")
def figures(report, overrides):
    return M.extract(report, overrides)


@pytest.fixture(scope="module")
def indicators(report, figures, overrides):
    return {i.name: i for i in M.headline(report, figures, overrides)}


# ---------------------------------------------------------------- traps
@pytest.mark.parametrize(
    "text",
    [
        "2022年是关键一年,2025年和2030年的目标已经明确。",
        "增速居各盟市第二位,信用综合指数第7名、民生发展百强第11名。",
        "开展第五次全国经济普查,举办第二届航空嘉年华,编制“十四五”和“十五五”规划。",
        "“八五”普法扎实开展,出台“1+N”政策,建立“3+1”合作机制。",
        "12345热线和110并轨,“24小时警局”全覆盖,建设5G网络,整治PM10。",
        "S217海勃湾绕城段、G1816乌海至石嘴山段、G110改造,水质保持Ⅱ类。",
        "全球最大的1,4-丁二醇一体化生产基地投产。",
        "实施“2022重点项目攻坚行动”,举办2022内蒙古民歌大会。",
    ],
)
def test_not_quantities(text):
    assert sources(synthetic(text)) == ["增长5%左右"]


def test_respectively_gives_two_figures():
    figs = [f for f in M.extract(synthetic("城乡常住居民人均可支配收入分别增长6%和7%。")) if f.kind == "result"]
    assert [(f.value, f.unit, f.label) for f in figs] == [
        (6, "%", "城镇居民人均可支配收入增长"),
        (7, "%", "农村居民人均可支配收入增长"),
    ]


def test_respectively_names_each_member():
    figs = M.extract(
        synthetic("疏干水利用率、再生水回用率分别达到75%、67%。公路、铁路密度分别为全区平均值的3.5倍、6.4倍。")
    )
    assert [f.label for f in figs if f.kind == "result"] == ["疏干水利用率", "再生水回用率", "公路密度", "铁路密度"]


def test_range_keeps_both_bounds():
    fig = M.extract(synthetic("试点打造一批年收入50—100万元的村集体经济。"))[0]
    assert (fig.value, fig.value_max, fig.unit, fig.source) == (50, 100, "万元", "50—100万元")
    assert figure_text(fig) == "50—100万元"


def test_qualifiers_units_and_labels():
    figs = M.extract(
        synthetic(
            "预计原煤产量4930万吨、发电量206亿度,贷款余额近500亿元,新增减税降费超36亿元,"
            "新增高效节水灌溉面积1万余亩,新增市场主体8897户,186个重点项目全部开复工。"
        )
    )
    got = [(f.label, f.value, f.unit, f.qualifier) for f in figs if f.kind == "result"]
    assert got == [
        ("原煤产量", 4930, "万吨", ""),
        ("发电量", 206, "亿度", ""),
        ("贷款余额", 500, "亿元", "近"),
        ("新增减税降费", 36, "亿元", "超"),
        ("新增高效节水灌溉面积", 1, "万亩", "余"),
        ("新增市场主体", 8897, "户", ""),
        ("重点项目", 186, "个", ""),
    ]


def test_kind_follows_part_and_plan_words():
    report = synthetic("新建公园24座。", tasks="力争新建公园30座。公园面积的测算以100平方米为单位。")
    kinds = {(f.value, f.kind, f.year) for f in M.extract(report)}
    assert {(24, "result", 2022), (5, "target", 2023), (30, "target", 2023), (100, "other", 2023)} <= kinds


def test_explicit_year_wins():
    report = synthetic("工作顺利。", tasks="力争到2030年建成铁路专运线18条,用水量比2020年下降12%。")
    years = {f.value: f.year for f in M.extract(report)}
    assert years[18] == 2030 and years[12] == 2023


# ---------------------------------------------------------------- the real report
def test_every_source_is_in_its_block(report, figures):
    M.check(report, figures)
    texts = {b.id: b.heading + b.body for _, _, _, b in report.blocks()}
    assert all(f.source in texts[f.block_id] for f in figures)
    assert len({f.id for f in figures}) == len(figures)
    assert len(figures) > 100


def test_real_report_traps(figures):
    values = {(f.block_id, f.value, f.unit) for f in figures}
    assert not [f for f in figures if f.unit in ("年",) or f.source.startswith(("1,4", "4-"))]
    assert not [f for f in figures if f.value in (2020, 2022, 2025, 2030, 12345, 110, 217, 1816)]
    assert ("p1-0-4", 14, "万元") in values
    assert not [f for f in figures if "国务院" in f.label]  # excluded in seeds/metrics.yml


def _fig(ind, kind):
    value = getattr(ind, kind)
    assert isinstance(value, M.Figure), (ind.name, kind, value)
    return value.value, value.unit, value.qualifier, value.block_id


# Expected values read from the report text by hand.
HEADLINE = {
    "地区生产总值": ((4, "%", "左右", "p1-0-1"), (6, "%", "以上", "p2-0-2")),
    "规模以上工业增加值": ((5, "%", "左右", "p1-0-1"), (8, "%", "左右", "p2-0-2")),
    "一般公共预算收入": ((25, "%", "左右", "p1-0-1"), (8, "%", "左右", "p2-0-2")),
    "固定资产投资": ((46, "%", "以上", "p1-0-1"), (30, "%", "以上", "p2-0-2")),
    "中心城区空气优良率": ((83.6, "%", "", "p1-3-1"), (82.8, "%", "不低于", "p3-3-1-2")),
    "引进到位资金": ((184.8, "亿元", "", "p1-1-1"), (230, "亿元", "以上", "p3-1-1-4")),
}


@pytest.mark.parametrize("name", sorted(HEADLINE))
def test_headline_pairs(indicators, name):
    result, target = HEADLINE[name]
    assert _fig(indicators[name], "result") == result
    assert _fig(indicators[name], "target") == target


def test_headline_single_sides(indicators):
    assert _fig(indicators["社会消费品零售总额"], "result") == (2, "%", "左右", "p1-0-1")
    assert indicators["社会消费品零售总额"].target is None
    assert _fig(indicators["城镇居民人均可支配收入"], "result") == (6, "%", "", "p1-0-1")
    assert _fig(indicators["农村居民人均可支配收入"], "result") == (7, "%", "", "p1-0-1")
    assert _fig(indicators["人均地区生产总值"], "result") == (14, "万元", "左右", "p1-0-4")
    assert _fig(indicators["居民消费价格"], "target") == (3, "%", "以内", "p2-0-2")
    assert indicators["居民消费价格"].result is None


def test_headline_in_words(indicators):
    jobs = indicators["城镇新增就业"]
    assert jobs.result == "城镇新增就业超额完成年度目标" and jobs.result_block == "p1-5-1-3"
    assert _fig(jobs, "target") == (4000, "人", "以上", "p2-0-2")
    assert indicators["居民收入"].target == "居民收入增长与经济增长基本同步"


def test_headline_without_overrides_uses_genre_table(report):
    names = {i.name for i in M.headline(report, M.extract(report))}
    assert {"地区生产总值", "规模以上工业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入"} <= names


def test_check_fails_on_fake_figure(report, figures):
    fake = M.Figure(
        id="m-p1-0-1-99", block_id="p1-0-1", section_id="part-1", label="虚构", value=99, unit="%", source="增长99%"
    )
    with pytest.raises(SeedError, match="增长99%"):
        M.check(report, [*figures, fake])


# ---------------------------------------------------------------- outputs
def test_csv_has_bom_and_parses(figures):
    data = P.metrics_csv(figures)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == P.CSV_COLUMNS and len(rows) == len(figures)
    assert rows[0]["source"] == "增长4%左右" and float(rows[0]["value"]) == 4


def test_json_is_valid(figures):
    data = json.loads(P.metrics_json(figures, convert=lambda s: s.replace("增长", "增長")))
    assert data[0]["source"] == "增長4%左右" and data[0]["block_id"] == "p1-0-1" and data[0]["value"] == 4
    assert json.loads(M.to_json(figures))[0]["kind"] == "result"


def test_svg_is_well_formed(indicators):
    svg = chart_svg(list(indicators.values()))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("viewBox").startswith("0 0 360")
    assert root.find(f"{ns}title") is not None and "4%" in root.find(f"{ns}desc").text
    assert 'fill="#' not in svg and "<script" not in svg and "href" not in svg


def test_page_markdown(indicators, figures):
    seen = []
    md = P.page_markdown(
        list(indicators.values()),
        figures,
        lambda b: f"../report/#{b}",
        convert=lambda s: seen.append(s) or s,
        names={"s1-1": "(一)稳住经济大盘"},
    )
    assert 'id="metrics-headline"' in md and 'class="sortable' in md and "<svg" in md
    assert "(metrics/metrics.csv)" in md and "(metrics/metrics.json)" in md and "### (一)稳住经济大盘" in md
    assert 'href="../report/#p2-0-2"' in md and not any("p2-0-2" in s for s in seen)
    assert "\n\n" not in md[md.index("<svg") : md.index("</svg>")]


def test_home_markdown(indicators):
    md = P.home_markdown(list(indicators.values()), lambda b: f"report/#{b}", metrics_href="metrics/")
    assert "(metrics/)" in md and 'href="report/#p1-0-1"' in md


# ---------------------------------------------------------------- overrides
def write(tmp_path, text: str) -> Path:
    path = tmp_path / "metrics.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_unknown_field_has_line(tmp_path):
    path = write(tmp_path, "headline:\n  - name: 地区生产总值\n    alias: [GDP]\n")
    with pytest.raises(SeedError) as err:
        M.load_overrides(path)
    # The line of the unknown key itself, not of the entry it sits in.
    assert err.value.line == 3 and "alias" in str(err.value) and f"{path.name}:3" in str(err.value)


def test_overrides_bad_value_and_section(tmp_path):
    path = write(
        tmp_path, "bogus: 1\nadd:\n  - block: p1-0-1\n    source: x\n    label: y\n    value: many\n    unit: 个\n"
    )
    with pytest.raises(SeedError) as err:
        M.load_overrides(path)
    text = str(err.value)
    assert "bogus" in text and ":6: 'value' must be a number" in text


def test_stale_override_is_reported(tmp_path, report):
    path = write(tmp_path, "exclude:\n  - source: 不存在的文字\n")
    with pytest.raises(SeedError) as err:
        M.extract(report, M.load_overrides(path))
    assert err.value.line == 2


def test_overrides_add_label_exclude(tmp_path, report):
    path = write(
        tmp_path,
        "labels:\n  - source: 原煤产量4930万吨\n    label: 原煤\n"
        "exclude:\n  - source: 发电量206亿度\n"
        "add:\n  - block: p1-4-1-4\n    source: 九方面合作事项\n    label: 合作事项\n    value: 9\n    unit: 方面\n",
    )
    figs = M.extract(report, M.load_overrides(path))
    M.check(report, figs)
    labels = {f.source: f.label for f in figs}
    assert labels["4930万吨"] == "原煤" and "206亿度" not in labels and labels["九方面合作事项"] == "合作事项"
    added = next(f for f in figs if f.label == "合作事项")
    assert added.kind == "result" and added.section_id == "s1-4"


def test_missing_override_file_is_empty(tmp_path):
    assert M.load_overrides(tmp_path / "none.yml").labels == []


# Each bad value is reported on its own line of metrics.yml, so an editor can go straight to it.
BAD_ENTRIES = [
    ("headline:\n  - name: 地区生产总值\n  - unit: '%'\n", 3, "missing field 'name'"),
    ("headline:\n  - name: 地区生产总值\n    aliases: GDP\n", 3, "'aliases' must be a list"),
    ("\nsplits:\n  - label: 城乡居民收入\n    into: [城镇居民收入]\n", 4, "'into' must list at least 2 items"),
    ("labels:\n  - 原煤产量4930万吨\n", 2, "each entry of 'labels' must be a mapping"),
    ("# 说明\nlabels:\n  - 5\n", 3, "each entry of 'labels' must be a mapping"),
    ("headline: []\n\nexclude: 发电量206亿度\n", 3, "'exclude' must be a list"),
    ("labels:\n  - source: 原煤产量4930万吨\n    label: [原煤]\n", 3, "'label' must be text"),
    (
        "# 说明\n\nadd:\n  - block: p1-0-1\n    source: x\n    label: y\n    value: 1\n    unit: 个\n    kind: plan\n",
        9,
        "'kind' is 'plan'; it must be one of: result、target、other",
    ),
]


@pytest.mark.parametrize("text,line,message", BAD_ENTRIES)
def test_bad_entry_has_its_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(SeedError) as err:
        M.load_overrides(path)
    assert f"metrics.yml:{line}: " in str(err.value) and message in str(err.value)


STALE_ENTRIES = [
    (
        "labels:\n  - source: 原煤产量4930万吨\n    label: 原煤\n  - source: 不存在的文字\n    label: 无\n",
        4,
        "no figure found inside '不存在的文字'",
    ),
    ("exclude:\n  - source: 发电量206亿度\n    block: p9-9-9\n", 2, "unknown block 'p9-9-9'"),
    (
        "\nadd:\n  - block: p9-9-9\n    source: x\n    label: y\n    value: 1\n    unit: 个\n",
        3,
        "unknown block 'p9-9-9'",
    ),
]


@pytest.mark.parametrize("text,line,message", STALE_ENTRIES)
def test_stale_entry_has_its_line(tmp_path, report, text, line, message):
    with pytest.raises(SeedError) as err:
        M.extract(report, M.load_overrides(write(tmp_path, text)))
    assert f"metrics.yml:{line}: " in str(err.value) and message in str(err.value)


def test_check_points_at_added_figure(tmp_path, report):
    path = write(
        tmp_path, "add:\n  - block: p1-0-1\n    source: 不在本段的文字\n    label: y\n    value: 1\n    unit: 个\n"
    )
    figs = M.extract(report, M.load_overrides(path))
    with pytest.raises(SeedError) as err:
        M.check(report, figs)
    assert str(err.value).startswith("seeds/metrics.yml:2: figure m-p1-0-1-x1: source '不在本段的文字'")


def test_headline_entries_keep_only_their_fields(tmp_path):
    ov = M.load_overrides(write(tmp_path, "headline:\n  - name: 地区生产总值\n    unit: '%'\n"))
    assert ov.indicators == [{"name": "地区生产总值", "aliases": [], "unit": "%"}]


@pytest.mark.parametrize(
    "text, pos, breaks, start",
    [
        ("甲，乙。丙", 4, None, 4),  # just after the break before pos
        ("甲，乙。丙", 3, None, 2),  # a break at pos itself is not before it
        ("甲，乙。丙", 4, "。", 4),
        ("甲，乙；丙", 4, "。", 0),  # no sentence break: the text's start
        ("甲，乙。丙", 1, None, 0),
        ("甲，乙。丙", 0, None, 0),
        # Before the text's start (the clause before a clause that opens the text): its start, not a break
        # counted from the end as a slice would.
        ("甲，乙。丙", -1, None, 0),
    ],
)
def test_clause_start(text, pos, breaks, start):
    from build_tools.annotate.metrics.words import _clause_start

    assert (_clause_start(text, pos) if breaks is None else _clause_start(text, pos, breaks)) == start
