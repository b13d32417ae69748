"""Outcomes against targets: each qualifier's rule, and the mismatches an editor can make."""

from __future__ import annotations

import pytest

from build_tools.annotate.outcomes import MET, NONE, NOT_MET, Outcome, Source, Target, Value, judge, pair, within_about
from build_tools.seeds.errors import SeedError

SOURCE = [Source("乌海市《政府工作报告》(2024)", "乌海市人民政府", "2024")]


def outcome(value, unit="%", qualifier="", comparable=True, indicator="X", period=2023, values=None):
    values = values or [Value("X增长", value, unit, qualifier)]
    return Outcome(indicator, period, values, SOURCE, comparable=comparable, line=7)


@pytest.mark.parametrize(
    "qualifier, target, value, code",
    [
        ("以上", 6, 0.1, NOT_MET),
        ("以上", 6, 6, MET),
        ("以上", 6, 6.2, MET),
        ("以上", 30, 18.3, NOT_MET),
        ("及以上", 4000, 3999, NOT_MET),
        ("不低于", 82.8, 82.8, MET),
        ("不低于", 82.8, 82.7, NOT_MET),
        ("不少于", 4000, 4100, MET),
        ("超过", 36, 36, NOT_MET),
        ("超过", 36, 36.5, MET),
        ("突破", 4000, 4001, MET),
        ("以内", 3, 0.4, MET),
        ("以内", 3, 3, MET),
        ("以内", 3, 3.1, NOT_MET),
        ("以下", 2, -0.5, MET),
        ("不超过", 10, 10.01, NOT_MET),
        ("左右", 8, 8.1, MET),
        ("左右", 8, 7.5, MET),
        ("左右", 8, 8.5, MET),
        ("左右", 8, 8.51, NOT_MET),
        ("左右", 8, 7.49, NOT_MET),
        ("左右", 82.8, 82.85, MET),
        ("左右", 82.8, 82.86, NOT_MET),
        ("左右", 8, 5, NOT_MET),
    ],
)
def test_each_qualifier_decides_by_its_own_rule(qualifier, target, value, code):
    assert judge(target, qualifier, outcome(value)).code == code


@pytest.mark.parametrize("qualifier", ["", "近", "余", "多", "达到"])
def test_a_target_without_a_bound_gets_no_verdict(qualifier):
    verdict = judge(6, qualifier, outcome(9))
    assert verdict.code == NONE and "界限" in verdict.reason


def test_a_target_in_words_gets_no_verdict():
    assert judge(None, "", outcome(3.8)).code == NONE


def test_an_outcome_measured_differently_gets_no_verdict_even_when_it_would_pass():
    verdict = judge(82.8, "不低于", outcome(83.3, comparable=False))
    assert verdict.code == NONE and "口径" in verdict.reason


def test_an_approximate_outcome_gets_no_verdict():
    assert judge(6, "以上", outcome(7, qualifier="左右")).code == NONE


def test_every_verdict_has_words_and_a_sign_not_only_a_colour():
    for code in (MET, NOT_MET, NONE):
        verdict = judge(8, "左右", outcome({MET: 8, NOT_MET: 1}.get(code, 8), comparable=code != NONE))
        assert verdict.code == code and verdict.words and verdict.sign


@pytest.mark.parametrize(
    "target, outcome_value, expected", [(8, 8.5, True), (8, 8.5000001, False), (0.5, 0.55, True), (100, 99.5, True)]
)
def test_about_means_half_a_unit_of_the_last_written_digit(target, outcome_value, expected):
    assert within_about(target, outcome_value) is expected


TARGETS = [
    Target("地区生产总值", 2023, "p2-0-2", 6, "%", "以上"),
    Target("居民收入", 2023, "p2-0-2", text="居民收入增长与经济增长基本同步"),
    Target("城镇新增就业", 2023, "p2-0-2", 4000, "人", "以上"),
]


def test_pairs_follow_the_targets_order_with_their_verdicts():
    rows = pair(
        TARGETS,
        [outcome(4100, "人", indicator="城镇新增就业"), outcome(0.1, indicator="地区生产总值")],
        "seeds/outcomes.yml",
    )
    assert [(r.target.indicator, r.verdict.code) for r in rows] == [("地区生产总值", NOT_MET), ("城镇新增就业", MET)]


@pytest.mark.parametrize(
    "bad, message",
    [
        (outcome(4.6, indicator="社会消费品零售总额"), "has no target"),
        (outcome(0.1, indicator="地区生产总值", period=2024), "is for 2023, not 2024"),
        (outcome(713.12, "亿元", indicator="地区生产总值"), "differs from the target's '%'"),
        (outcome(0, indicator="地区生产总值", values=[Value("a", 1, "%"), Value("b", 2, "%")]), "exactly one value"),
    ],
)
def test_an_outcome_that_cannot_answer_a_target_is_an_error_with_its_line(bad, message):
    with pytest.raises(SeedError) as caught:
        pair(TARGETS, [bad], "seeds/outcomes.yml")
    assert caught.value.line == 7 and caught.value.path == "seeds/outcomes.yml" and message in caught.value.message


def test_two_outcomes_for_one_indicator_and_period_is_an_error():
    twice = [outcome(0.1, indicator="地区生产总值"), outcome(0.2, indicator="地区生产总值")]
    with pytest.raises(SeedError, match="second outcome"):
        pair(TARGETS, twice, "seeds/outcomes.yml")


def test_a_target_in_words_answers_only_its_own_year():
    rows = pair(TARGETS, [outcome(3.8, indicator="居民收入", period=2023)], "seeds/outcomes.yml")
    assert [(r.outcome.period, r.verdict.code) for r in rows] == [(2023, NONE)]
    with pytest.raises(SeedError, match="is for 2023, not 2024"):
        pair(TARGETS, [outcome(5.0, indicator="居民收入", period=2024)], "seeds/outcomes.yml")


# ---------------------------------------------------------------- seeds/outcomes.yml through the loader
from pathlib import Path  # noqa: E402

from build_tools.annotate.outcomes import load_outcomes  # noqa: E402
from build_tools.editions.check import check_seeds  # noqa: E402
from build_tools.seeds.paths import Seeds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOOD = """- indicator: 地区生产总值
  period: 2023
  values:
    - label: 地区生产总值增长
      value: 0.1
      unit: "%"
  sources:
    - title: 乌海市《政府工作报告》(2024)
      publisher: 乌海市人民政府
      date: 2024-04-19
"""


def seeds_with(tmp_path, text: str) -> Seeds:
    path = tmp_path / "outcomes.yml"
    path.write_text(text, encoding="utf-8")
    s = ROOT / "seeds"
    return Seeds(report=s / "wuhai-2023.txt", overrides=s / "overrides.yml", metrics=s / "metrics.yml", outcomes=path)


def test_a_good_entry_loads_with_its_line_and_an_unquoted_date(tmp_path):
    [found] = load_outcomes(seeds_with(tmp_path, GOOD).outcomes)
    assert (found.indicator, found.period, found.values[0].value, found.sources[0].date, found.line) == (
        "地区生产总值",
        2023,
        0.1,
        "2024-04-19",
        1,
    )


@pytest.mark.parametrize(
    "change, line, message",
    [
        (
            (
                "  sources:\n    - title: 乌海市《政府工作报告》(2024)\n"
                "      publisher: 乌海市人民政府\n      date: 2024-04-19\n",
                "",
            ),
            1,
            "missing field 'sources'",
        ),
        (("      publisher: 乌海市人民政府\n", ""), 8, "missing field 'publisher'"),
        (
            ("date: 2024-04-19", "date: 去年"),
            10,
            "'date' is '去年', which is not of the expected form; write the date as 2024-04-19",
        ),
        (("value: 0.1", "value: .inf"), 5, "'value' must be a finite number, not inf"),
        (("value: 0.1", "value: 百分之零点一"), 5, "'value' must be a number"),
        (("period: 2023", "period: 明年"), 2, "'period' must be a whole number"),
        (("  period: 2023\n", "  period: 2023\n  source: 统计局\n"), 3, "unknown field 'source'"),
        (("  period: 2023\n", "  period: 2023\n  comparable: false\n"), 1, "missing field 'note'"),
        (("indicator: 地区生产总值", "indicator: 社会消费品零售总额"), 1, "has no target in the report"),
        (("period: 2023", "period: 2024"), 1, "is for 2023, not 2024"),
        (('unit: "%"', "unit: 亿元"), 1, "differs from the target's '%'"),
    ],
)
def test_each_mistake_in_the_file_is_an_error_with_its_line(tmp_path, change, line, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(SeedError) as caught:
        check_seeds(seeds_with(tmp_path, GOOD.replace(old, new)))
    shown = str(caught.value)
    assert f"outcomes.yml:{line}: " in shown and message in shown, shown


def test_the_editors_outcomes_give_the_verdicts_the_report_supports():
    """The verdicts the issue names, from the real seeds: GDP and investment missed, revenue and CPI met."""
    from build_tools.annotate.load import load_metrics, load_report, pair_outcomes

    s = ROOT / "seeds"
    seeds = Seeds(
        report=s / "wuhai-2023.txt",
        overrides=s / "overrides.yml",
        metrics=s / "metrics.yml",
        outcomes=s / "outcomes.yml",
    )
    report = load_report(seeds)
    found = load_outcomes(seeds.outcomes)
    rows = {r.target.indicator: r for r in pair_outcomes(seeds, report, load_metrics(seeds, report)[1], found)}
    assert {name: r.verdict.code for name, r in rows.items()} == {
        "地区生产总值": NOT_MET,
        "固定资产投资": NOT_MET,
        "一般公共预算收入": MET,
        "居民消费价格": MET,
        "中心城区空气优良率": NONE,
        "居民收入": NONE,
    }
    assert (rows["地区生产总值"].target.value, rows["地区生产总值"].target.qualifier) == (6, "以上")
    assert (rows["一般公共预算收入"].target.value, rows["一般公共预算收入"].target.qualifier) == (8, "左右")
    assert (rows["居民消费价格"].target.value, rows["居民消费价格"].target.qualifier) == (3, "以内")
    assert "口径" in rows["中心城区空气优良率"].verdict.reason
    assert all(s.title and s.publisher and s.date for r in rows.values() for s in r.outcome.sources)


# ---------------------------------------------------------------- on the built site
import csv  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
from html import unescape  # noqa: E402


def outcome_rows(page: str) -> dict[str, str]:
    """Row heading -> the row's text, from the outcomes table of a built metrics page."""
    table = page[page.index('id="metrics-outcomes"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', table, re.S)
    return {unescape(name): unescape(re.sub(r"<[^>]+>", "", rest)) for name, rest in rows}


@pytest.mark.parametrize(
    "edition, met, not_met, none, gdp",
    [("", "达到", "未达到", "不作判定", "地区生产总值"), ("zh-Hant", "達到", "未達到", "不作判定", "地區生產總值")],
)
def test_metrics_page_states_each_verdict_in_words_with_its_source(site, edition, met, not_met, none, gdp):
    rows = outcome_rows((site / edition / "metrics" / "index.html").read_text(encoding="utf-8"))
    assert len(rows) == 6
    assert "✗ " + not_met in rows[gdp] and "6%以上" in rows[gdp] and "0.1%" in rows[gdp]
    assert sum(("✓ " + met) in r for r in rows.values()) == 2 and sum(("— " + none) in r for r in rows.values()) == 2
    # Each row cites a publisher and a date; each target links to a paragraph of the report.
    assert all(re.search(r"（[^（]+，2024(-\d\d-\d\d)?）", r) for r in rows.values())
    page = (site / edition / "metrics" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="metrics-outcomes"') : page.index("</table>", page.index('id="metrics-outcomes"'))]
    assert (
        len(re.findall(r'<a href="\.\./part-2/#p2-0-\d+"', table)) + len(re.findall(r'href="\.\./part-3/', table)) == 6
    )


def test_home_glance_counts_the_verdicts(site):
    home = unescape(re.sub(r"<[^>]+>", "", (site / "index.html").read_text(encoding="utf-8")))
    assert "2023年目标的实际结果：已录入6项，达到2项，未达到2项，不作判定2项。" in home


def test_outcomes_are_rows_of_the_open_data(site):
    rows = list(csv.DictReader(io.StringIO((site / "metrics" / "metrics.csv").read_text(encoding="utf-8-sig"))))
    outcomes = [r for r in rows if r["kind"] == "outcome"]
    assert {(r["indicator"], r["value"], r["verdict"]) for r in outcomes} >= {
        ("地区生产总值", "0.1", "not_met"),
        ("一般公共预算收入", "8.1", "met"),
        ("中心城区空气优良率", "83.3", "none"),
    }
    assert all(r["year"] == "2023" and "乌海市" in r["source"] for r in outcomes)
    data = json.loads((site / "zh-Hant" / "metrics" / "metrics.json").read_text(encoding="utf-8"))
    gdp = next(d for d in data if d["kind"] == "outcome" and d["value"] == 0.1)
    assert gdp["indicator"] == "地區生產總值" and gdp["target_id"] and gdp["verdict"] == "not_met"
