"""Outcomes against targets: each qualifier's rule, and the mismatches an editor can make."""

from __future__ import annotations

import pytest

from build_tools.errors import SeedError
from build_tools.outcomes import (MET, NONE, NOT_MET, Outcome, Source, Target, Value, judge, pair,
                                  within_about)

SOURCE = [Source("乌海市《政府工作报告》(2024)", "乌海市人民政府", "2024")]


def outcome(value, unit="%", qualifier="", comparable=True, indicator="X", period=2023, values=None):
    values = values or [Value("X增长", value, unit, qualifier)]
    return Outcome(indicator, period, values, SOURCE, comparable=comparable, line=7)


@pytest.mark.parametrize("qualifier, target, value, code", [
    ("以上", 6, 0.1, NOT_MET), ("以上", 6, 6, MET), ("以上", 6, 6.2, MET), ("以上", 30, 18.3, NOT_MET),
    ("及以上", 4000, 3999, NOT_MET), ("不低于", 82.8, 82.8, MET), ("不低于", 82.8, 82.7, NOT_MET),
    ("不少于", 4000, 4100, MET),
    ("超过", 36, 36, NOT_MET), ("超过", 36, 36.5, MET), ("突破", 4000, 4001, MET),
    ("以内", 3, 0.4, MET), ("以内", 3, 3, MET), ("以内", 3, 3.1, NOT_MET), ("以下", 2, -0.5, MET),
    ("不超过", 10, 10.01, NOT_MET),
    ("左右", 8, 8.1, MET), ("左右", 8, 7.5, MET), ("左右", 8, 8.5, MET), ("左右", 8, 8.51, NOT_MET),
    ("左右", 8, 7.49, NOT_MET), ("左右", 82.8, 82.85, MET), ("左右", 82.8, 82.86, NOT_MET), ("左右", 8, 5, NOT_MET),
])
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


@pytest.mark.parametrize("target, outcome_value, expected", [(8, 8.5, True), (8, 8.5000001, False),
                                                           (0.5, 0.55, True), (100, 99.5, True)])
def test_about_means_half_a_unit_of_the_last_written_digit(target, outcome_value, expected):
    assert within_about(target, outcome_value) is expected


TARGETS = [Target("地区生产总值", 2023, "p2-0-2", 6, "%", "以上"),
           Target("居民收入", 2023, "p2-0-2", text="居民收入增长与经济增长基本同步"),
           Target("城镇新增就业", 2023, "p2-0-2", 4000, "人", "以上")]


def test_pairs_follow_the_targets_order_with_their_verdicts():
    rows = pair(TARGETS, [outcome(4100, "人", indicator="城镇新增就业"), outcome(0.1, indicator="地区生产总值")],
                "seeds/outcomes.yml")
    assert [(r.target.indicator, r.verdict.code) for r in rows] == [("地区生产总值", NOT_MET), ("城镇新增就业", MET)]


@pytest.mark.parametrize("bad, message", [
    (outcome(4.6, indicator="社会消费品零售总额"), "has no target"),
    (outcome(0.1, indicator="地区生产总值", period=2024), "is for 2023, not 2024"),
    (outcome(713.12, "亿元", indicator="地区生产总值"), "differs from the target's '%'"),
    (outcome(0, indicator="地区生产总值", values=[Value("a", 1, "%"), Value("b", 2, "%")]), "exactly one value"),
])
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
