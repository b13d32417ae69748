"""Typesetting: fullwidth punctuation in Chinese text, numbers keep theirs."""

import pytest

from build_tools.parse.punct import to_display, to_source
from conftest import REPORT


@pytest.mark.parametrize(
    "source, shown",
    [
        ("现在,我代表", "现在，我代表"),
        ("稳增长仍然面临较大压力;“四多四少”", "稳增长仍然面临较大压力；“四多四少”"),
        ("各位代表:", "各位代表："),
        ("各位代表!过去", "各位代表！过去"),
        ("(一)坚持", "（一）坚持"),
        ("投用充(换)电站", "投用充（换）电站"),
        ("增长83.8%;其中", "增长83.8%；其中"),
        ("同比增长4.2%,12家企业", "同比增长4.2%，12家企业"),
        ("全球最大的1,4-丁二醇", "全球最大的1,4-丁二醇"),
        ("2023-01-06", "2023-01-06"),
        ("10:30开会", "10:30开会"),
        ("Hello, world", "Hello, world"),
    ],
)
def test_to_display(source, shown):
    assert to_display(source) == shown


def test_mapping_is_one_for_one_and_reversible():
    text = REPORT.read_text(encoding="utf-8")
    shown = to_display(text)
    assert len(shown) == len(text)
    assert to_source(shown) == text
    assert not set(",;:!") & set(shown.replace("1,4-", ""))
