"""Figures keep their meaning: estimates, status verbs, like with like, base and target years, labels.

Each class of mistake is judged on synthetic reports of other years (the extractor is generic) and, where
the class occurs in it, on the real report's built metrics page, home glance, CSV and JSON.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest

from build_tools.annotate import metrics as M
from build_tools.annotate.structure import annotate_structure
from build_tools.parse.report import parse_file, parse_text
from build_tools.render import metrics_page as P
from build_tools.render.metrics_chart import chart_svg
from build_tools.render.metrics_text import annotated_text
from build_tools.seeds.errors import SeedError

ROOT = Path(__file__).resolve().parent.parent


def report_of(
    review: str,
    targets: str = "主要预期目标是:地区生产总值增长5%左右。",
    tasks: str = "今年要努力工作。",
    year: int = 2019,
):
    """A small report of another year: review of ``year``, targets and tasks of the year after."""
    text = f"""政府工作报告
各位代表:
现在,我代表市人民政府向大会报告工作。
一、{year}年工作回顾
{review}
二、{year + 1}年经济社会发展的目标要求
{targets}
三、{year + 1}年政府工作的主要任务
{tasks}
"""
    return annotate_structure(parse_text(text))


def figures_of(report, overrides=None) -> list[M.Figure]:
    return M.extract(report, overrides)


def by_value(figs) -> dict[float, M.Figure]:
    return {f.value: f for f in figs}


def href(block_id: str) -> str:
    return f"../report/#{block_id}"


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def cells(table_html: str) -> list[list[str]]:
    """Rows of an HTML table as lists of cell texts (th and td)."""
    return [
        [text_of(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", table_html)
    ]


@pytest.fixture(scope="module")
def real():
    report = annotate_structure(parse_file(ROOT / "seeds" / "wuhai-2023.txt"))
    overrides = M.load_overrides(ROOT / "seeds" / "metrics.yml")
    figures = M.extract(report, overrides)
    return report, figures, M.headline(report, figures, overrides)


# ---------------------------------------------------------------- 1. estimates stay estimates
def test_estimate_governs_the_enumeration_to_the_sentence_end():
    # 预计 reaches over ; and , but not over 。; a figure before it is not an estimate.
    figs = figures_of(
        report_of(
            "新签约项目90个,预计地区生产总值增长3%左右;工业增加值增长4%;城乡居民收入分别增长5%和6%。"
            "粮食产量20万吨。初步统计,全年接待游客300万人次、旅游收入12亿元。"
        )
    )
    marks = {(f.value, f.unit): f.estimate for f in figs if f.kind == "result"}
    assert marks == {
        (90, "个"): "",
        (3, "%"): "预计",
        (4, "%"): "预计",
        (5, "%"): "预计",
        (6, "%"): "预计",
        (20, "万吨"): "",
        (300, "万人次"): "初步统计",
        (12, "亿元"): "初步统计",
    }


@pytest.mark.parametrize("marker", M.ESTIMATE)
def test_every_estimate_marker_is_data_and_not_label(marker):
    fig = figures_of(report_of(f"{marker}原煤产量4930万吨。", year=2015))[0]
    assert fig.estimate == marker and marker not in fig.label and fig.label == "原煤产量"
    assert fig.as_dict()["estimate"] is True and fig.as_dict()["estimate_word"] == marker


def test_estimates_are_in_csv_and_json():
    figs = figures_of(report_of("预计地区生产总值增长3%左右。新增就业2000人。", year=2018))
    rows = list(csv.DictReader(io.StringIO(P.metrics_csv(figs).decode("utf-8-sig"))))
    assert [(r["label"], r["estimate"], r["estimate_word"], r["qualifier"]) for r in rows if r["kind"] == "result"] == [
        ("地区生产总值增长", "true", "预计", "左右"),
        ("新增就业", "false", "", ""),
    ]
    data = json.loads(P.metrics_json(figs))
    assert [(d["estimate"], d["qualifier"]) for d in data if d["kind"] == "result"] == [(True, "左右"), (False, "")]


def _headline(report, specs=None):
    figs = figures_of(report)
    ov = M.Overrides(indicators=specs) if specs is not None else None
    return figs, M.headline(report, figs, ov)


def test_headline_marks_estimates_and_titles_claim_no_more_than_cells():
    # Mixed: one estimated result, one not; another year's report.
    report = report_of(
        "预计地区生产总值增长3%左右。固定资产投资增长9%。",
        targets="主要预期目标是:地区生产总值增长5%左右,固定资产投资增长8%。",
        year=2020,
    )
    _, inds = _headline(report)
    table = cells(P.headline_table(inds, href))
    head, rows = table[0], {r[0]: r for r in table[1:]}
    assert head == ["指标", "2020年", "2021年目标"]
    assert rows["地区生产总值"][1] == "预计增长3%左右" and rows["固定资产投资"][1] == "增长9%"
    glance = text_of(P.home_markdown(inds, href))
    assert "2020年 预计增长3%左右" in glance and "2020年 增长9%" in glance


@pytest.mark.parametrize(
    "review", ["预计地区生产总值增长3%左右;固定资产投资增长9%。", "地区生产总值增长3%左右,固定资产投资完成增长9%。"]
)
def test_column_titles_never_claim_a_status(review):
    # Whatever the results are (estimates, completions), the result column says only its year.
    _, inds = _headline(report_of(review, year=2016))
    head = cells(P.headline_table(inds, href))[0]
    words = M.STATUS + M.ESTIMATE + ["实绩", "实际"]
    assert not [h for h in head[1:] if any(w in h for w in words)]


def test_chart_legend_says_estimates():
    _, inds = _headline(report_of("预计地区生产总值增长3%左右;规模以上工业增加值增长4%。", year=2017))
    svg = chart_svg(inds)
    assert ">2017年（预计）</text>" in svg and "2017年预计增长3%左右" in svg
    # When only some results are estimates the legend says so and each estimated bar carries the marker.
    _, mixed = _headline(report_of("预计地区生产总值增长3%左右。规模以上工业增加值增长4%。", year=2017))
    svg = chart_svg(mixed)
    assert ">2017年（含预计）</text>" in svg and ">预计3%左右</text>" in svg and ">4%</text>" in svg


def test_real_report_headline_results_are_marked(real):
    _, _, inds = real
    by_name = {i.name: i for i in inds}
    for name in (
        "地区生产总值",
        "规模以上工业增加值",
        "社会消费品零售总额",
        "一般公共预算收入",
        "固定资产投资",
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
        "引进到位资金",
        "人均地区生产总值",
    ):
        assert by_name[name].result.estimate == "预计", name
    rows = cells(P.headline_table(inds, href))
    assert rows[0] == ["指标", "2022年", "2023年目标"]
    for row in rows[1:]:
        ind = next(i for i in inds if i.name == row[0])
        if isinstance(ind.result, M.Figure) and ind.result.estimate:
            assert ind.result.estimate in row[1], row


# ---------------------------------------------------------------- 2. started is not finished
def test_status_verbs_are_kept():
    report = report_of(
        "186个重点项目全部开复工,3个美丽乡村示范片区开工建设,投用充(换)电站16座,"
        "59个老旧小区、2110套棚户区住房完成改造,新签约项目102个。",
        tasks="新建充(换)电站20座,计划实施重点项目296个,力争引进到位资金230亿元以上、新签约项目投资1000亿元以上,"
        "完成60个老旧小区、2482套棚户区住房改造。",
        year=2021,
    )
    status = {f.value: f.status for f in figures_of(report)}
    assert status == {
        186: "开复工",
        3: "开工",
        16: "投用",
        59: "完成",
        2110: "完成",
        102: "",
        5: "",
        20: "新建",
        296: "计划、实施",
        230: "力争",
        1000: "力争",
        60: "完成",
        2482: "完成",
    }


def test_status_ignores_nouns_and_quoted_names():
    report = report_of("实施“项目建设提质提速行动”,信访事项化解率达98%,建成区10蒸吨以下燃煤锅炉全部淘汰。", year=2012)
    status = {f.value: f.status for f in figures_of(report) if f.kind == "result"}
    assert status == {98: "", 10: "淘汰"}


def test_status_is_shown_in_tables_csv_and_json():
    figs = figures_of(report_of("3个美丽乡村示范片区开工建设。", tasks="新建充(换)电站20座。", year=2014))
    table = P.figures_tables(figs, href)
    started = next(r for r in cells(table) if r and r[0] == "美丽乡村示范片区")
    assert "开工" in started and "2014年" in started
    rows = list(csv.DictReader(io.StringIO(P.metrics_csv(figs).decode("utf-8-sig"))))
    assert {r["label"]: r["status"] for r in rows}["新建充(换)电站"] == "新建"
    assert {d["value"]: d["status"] for d in json.loads(P.metrics_json(figs))}[3] == "开工"


# ---------------------------------------------------------------- 3. like with like
CHARGERS = [
    {"name": "充(换)电站", "result": ["投用充(换)电站"], "target": ["新建充(换)电站"], "unit": "座"},
    {"name": "引进到位资金", "target": ["引进国内到位资金"], "unit": "亿元"},
    {"name": "美丽乡村示范片区", "unit": "个"},
    {"name": "规模以上工业增加值", "aliases": ["规上工业增加值"], "unit": "%"},
]


def test_rows_show_what_each_side_counts():
    report = report_of(
        "投用充(换)电站16座,3个美丽乡村示范片区开工建设,规模以上工业增加值增长5%。预计引进到位资金184.8亿元。",
        targets="规上工业增加值增长8%左右。",
        tasks="新建充(换)电站20座,力争引进国内到位资金230亿元以上,扎实推进4个美丽乡村示范片区建设。",
        year=2013,
    )
    _, inds = _headline(report, CHARGERS)
    rows = {r[0]: r[1:] for r in cells(P.headline_table(inds, href))[1:]}
    assert rows["充(换)电站"] == ["投用充(换)电站：16座", "新建充(换)电站：20座"]
    assert rows["引进到位资金"] == ["引进到位资金：预计184.8亿元", "引进国内到位资金：力争230亿元以上"]
    # Same label, different stage: the statuses tell them apart; declared aliases share the row's name.
    assert rows["美丽乡村示范片区"] == ["开工3个", "推进4个"]
    assert rows["规模以上工业增加值"] == ["增长5%", "增长8%左右"]


def _differ(ind: M.Indicator, same: list[str]) -> tuple[bool, bool]:
    """(labels differ, stages differ) between a row's two figures, judged from the editors' aliases."""
    r, t = ind.result, ind.target
    named = [M._clean(f.subject) in same for f in (r, t)]
    return not all(named) and r.label != t.label, M.stage(r) != M.stage(t)


def test_real_rows_never_pair_unlike_figures_silently(real):
    _, _, inds = real
    specs = {s["name"]: s for s in M.load_overrides(ROOT / "seeds" / "metrics.yml").indicators}
    rows = {r[0]: r[1:] for r in cells(P.headline_table(inds, href))[1:]}
    checked = 0
    for ind in inds:
        if not (isinstance(ind.result, M.Figure) and isinstance(ind.target, M.Figure)):
            continue
        labels, stages = _differ(ind, [ind.name, *specs[ind.name].get("aliases", [])])
        result_cell, target_cell = rows[ind.name]
        if labels:
            checked += 1
            assert result_cell.startswith(ind.result.label) and target_cell.startswith(ind.target.label), ind.name
        for fig, cell in ((ind.result, result_cell), (ind.target, target_cell)):
            if stages:
                assert all(v in cell for v in M.stage(fig)), (ind.name, cell)
    assert checked >= 5  # 重点项目, 引进到位资金, 新能源车, 充(换)电站, 棚户区, 问题楼盘


def test_real_unlike_rows(real):
    _, _, inds = real
    rows = {r[0]: r[1:] for r in cells(P.headline_table(inds, href))[1:]}
    assert rows["引进到位资金"] == ["引进到位资金：预计184.8亿元", "引进国内到位资金：力争230亿元以上"]
    assert rows["充(换)电站"] == ["投用充(换)电站：16座", "新建充(换)电站：20座"]
    assert rows["棚户区住房改造"] == ["棚户区住房：完成2110套", "棚户区和平房区住房改造：完成2482套"]
    assert rows["美丽乡村示范片区"] == ["开工3个", "推进4个"]
    assert rows["重点项目"] == ["重点项目：开复工186个", "实施重点项目：计划296个"]


# ---------------------------------------------------------------- 4. base and target years
def test_base_and_target_years():
    report = report_of(
        "工作顺利。",
        tasks="确保万元地区生产总值用水量比2015年下降12%,力争2025年工业生产总值突破4000亿元,"
        "力争到2030年建成铁路专运线18条,新建公园30座。到2028年,全市森林覆盖率达到20%。",
        year=2020,
    )
    figs = by_value(figures_of(report))
    assert (figs[12].base_year, figs[12].year, figs[12].kind) == (2015, 2021, "target")
    assert (figs[4000].year, figs[4000].base_year) == (2025, None)
    assert figs[18].year == 2030 and figs[30].year == 2021 and figs[20].year == 2028
    data = {d["value"]: d for d in json.loads(P.metrics_json(list(figs.values())))}
    assert (data[12]["base_year"], data[12]["year"], data[4000]["year"]) == (2015, 2021, 2025)
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(P.metrics_csv(list(figs.values())).decode("utf-8-sig")))}
    assert (rows["12"]["base_year"], rows["18"]["year"], rows["30"]["base_year"]) == ("2015", "2030", "")


def test_results_against_a_base_year():
    fig = figures_of(report_of("单位地区生产总值能耗较2015年下降16%。", year=2020))[0]
    assert (fig.base_year, fig.year, fig.label) == (2015, 2020, "单位地区生产总值能耗下降")
    assert annotated_text(fig) == "比2015年下降16%"


def test_a_goal_of_another_year_is_not_a_plan_year_target():
    report = report_of("地区生产总值增长3%。", targets="力争2025年地区生产总值增长10%。", year=2022)
    figs, inds = _headline(report)
    assert by_value(figs)[10].year == 2025
    gdp = next(i for i in inds if i.name == "地区生产总值")
    assert gdp.target is None
    table = P.figures_tables(figs, href)
    assert next(r for r in cells(table) if r and r[1] == "10")[5] == "2025年目标"
    # With a plan-year target as well, that one is listed.
    report = report_of("地区生产总值增长3%。", targets="地区生产总值增长6%,力争2025年地区生产总值增长10%。", year=2022)
    _, inds = _headline(report)
    assert next(i for i in inds if i.name == "地区生产总值").target.value == 6


def test_base_year_is_shown_in_tables():
    figs = figures_of(report_of("工作顺利。", tasks="确保用水量比2020年下降12%。", year=2022))
    row = next(r for r in cells(P.figures_tables(figs, href)) if r and r[1] == "12")
    assert row[3] == "比2020年" and row[4] == "确保" and row[5] == "2023年目标"
    inds = M.headline(
        report_of("工作顺利。", tasks="确保用水量比2020年下降12%。", year=2022),
        figs,
        M.Overrides(indicators=[{"name": "用水量", "unit": "%"}]),
    )
    assert cells(P.headline_table(inds, href))[1] == ["用水量", "—", "确保比2020年下降12%"]


# ---------------------------------------------------------------- 5. labels never merge two indicators
@pytest.mark.parametrize(
    "text,labels",
    [
        (
            "人大代表建议和政协委员提案办复率、满意率均100%。",
            ["人大代表建议和政协委员提案办复率", "人大代表建议和政协委员提案满意率"],
        ),
        (
            "万元地区生产总值用水量和万元工业增加值用水量均比2020年下降12%。",
            ["万元地区生产总值用水量下降", "万元工业增加值用水量下降"],
        ),
        ("城镇和农村居民收入均增长6%。", ["城镇居民收入增长", "农村居民收入增长"]),
        ("热线响应率达到100%、解决率满意率达到90%以上。", ["热线响应率", "热线解决率", "热线满意率"]),
        ("小学、初中入学率均达到100%。", ["小学入学率", "初中入学率"]),
    ],
)
def test_one_number_for_several_indicators_gives_one_figure_each(text, labels):
    figs = [f for f in figures_of(report_of(text, year=2011)) if f.kind == "result"]
    assert [f.label for f in figs] == labels
    assert len({f.id for f in figs}) == len(figs) and len({(f.value, f.source) for f in figs[-2:]}) == 1


def test_real_both_figures(real):
    _, figures, _ = real
    labels = {f.label for f in figures}
    assert {
        "人大代表建议和政协委员提案办复率",
        "人大代表建议和政协委员提案满意率",
        "万元地区生产总值用水量下降",
        "万元工业增加值用水量下降",
        "“12345”热线解决率",
        "“12345”热线满意率",
    } <= labels
    assert not [f.label for f in figures if re.search(r"率[、和]?\S*率$", f.label)]


def test_targets_in_words_are_shown(real):
    _, _, inds = real
    rows = {r[0]: r[1:] for r in cells(P.headline_table(inds, href))[1:]}
    assert rows["能耗强度和减排指标"] == ["—", "能耗强度和减排指标完成自治区下达目标任务"]
    assert rows["居民收入"] == ["—", "居民收入增长与经济增长基本同步"]


def test_words_under_an_estimate_are_marked():
    report = report_of("预计原煤产量增长3%,城镇新增就业超额完成年度目标。", year=2019)
    _, inds = _headline(report, [{"name": "城镇新增就业"}])
    assert cells(P.headline_table(inds, href))[1][1] == "预计：城镇新增就业超额完成年度目标"


# ---------------------------------------------------------------- 6. every shown text is converted
def test_every_text_field_of_the_data_files_is_converted(real):
    _, figures, _ = real
    machine = {"id", "section_id", "block_id", "kind"}
    sample = next(f for f in figures if f.estimate and f.qualifier)
    texts = {k for k, v in sample.as_dict().items() if isinstance(v, str)}
    assert texts - machine == set(P.TEXT_FIELDS), "a new text field must be converted (TEXT_FIELDS) or be an id"
    mark = lambda s: f"«{s}»"  # noqa: E731
    data = json.loads(P.metrics_json(figures, mark))
    assert all(d[k].startswith("«") for d in data for k in P.TEXT_FIELDS)
    rows = list(csv.DictReader(io.StringIO(P.metrics_csv(figures, mark).decode("utf-8-sig"))))
    assert all(r[k].startswith("«") for r in rows for k in P.TEXT_FIELDS if k in P.CSV_COLUMNS)


def test_every_public_field_is_a_csv_column_and_documented(real):
    from build_tools.annotate import outcomes as O
    from build_tools.render import outcomes_page as OP

    _, figures, _ = real
    target = O.Target("X", 2023, "p2-0-2", 6, "%", "以上", "增长6%以上", "m-p2-0-2-1")
    result = O.Outcome("X", 2023, [O.Value("X增长", 0.1, "%")], [O.Source("t", "p", "2024")])
    records = OP.outcome_records(O.pair([target], [result], "outcomes.yml"), str)
    fields = set().union(*(f.as_dict() for f in figures), *records) - {"value_max"}
    assert fields == set(P.CSV_COLUMNS)
    assert [name for name, _ in P.COLUMN_DOCS] == P.CSV_COLUMNS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in P.CSV_COLUMNS)


def test_page_text_is_converted(real):
    _, figures, inds = real
    seen = []
    P.page_markdown(inds, figures, href, convert=lambda s: seen.append(s) or s)
    P.home_markdown(inds, href, convert=lambda s: seen.append(s) or s)
    shown = "".join(seen)
    for word in ("预计", "开复工", "比2020年", "2030年目标", "引进国内到位资金"):
        assert word in shown, word


def test_side_names_load_from_yaml_with_their_line(tmp_path):
    path = tmp_path / "metrics.yml"
    path.write_text(
        "headline:\n  - name: 充(换)电站\n    result: [投用充(换)电站]\n    target: [新建充(换)电站]\n"
        "  - name: 重点项目\n    target: 实施重点项目\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError) as err:
        M.load_overrides(path)
    assert "metrics.yml:6: 'target' must be a list, not '实施重点项目'" in str(err.value)
    path.write_text(
        "headline:\n  - name: 充(换)电站\n    result: [投用充(换)电站]\n    target: [新建充(换)电站]\n",
        encoding="utf-8",
    )
    assert M.load_overrides(path).indicators == [
        {"name": "充(换)电站", "aliases": [], "unit": "", "result": ["投用充(换)电站"], "target": ["新建充(换)电站"]}
    ]
