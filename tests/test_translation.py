"""The English translation: units, the PO file, and the checks that keep it faithful."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal

import polib
import pytest

from build_tools import cli
from build_tools.annotate.glossary import Entry, load_glossary
from build_tools.annotate.load import load_report
from build_tools.annotate.structure import annotate_structure
from build_tools.editions.check import check_seeds
from build_tools.editions.numbers import en_numbers, english, missing_figures, zh_figures
from build_tools.editions.qualifiers import en_renderings, load_qualifiers, uncarried, zh_qualifiers
from build_tools.editions.translation import check_translation, template, units, write_template
from build_tools.parse.report import parse_text
from build_tools.seeds.errors import SeedError
from conftest import ROOT
from support.project import copy_project

QUALIFIERS = ROOT / "seeds" / "qualifiers.yml"
EN_PO = ROOT / "seeds" / "en.po"

# A small report with one of each kind of unit, figure, qualifier and term.
TEXT = """政府工作报告 2023年1月1日在某市人民代表大会上
各位代表:
现在,我代表市人民政府向大会报告工作。
一、2022年工作回顾
全市地区生产总值预计达到184.8亿元,增长4%左右;认真落实河长制,新增就业1万余人,贷款余额近500亿元。
二、2023年主要任务
(一)项目建设
力争完成投资50—100万元,落实“五个更大”要求。市场信心再提振。签约项目超过10个,投资3亿元以上。项目建设再攻坚。新开工项目近20个。
各位代表!让我们一起向未来!
"""

GOOD = {
    "title": "Report on the Work of the Government",
    "subtitle": "Delivered at the Municipal People's Congress on January 1, 2023",
    "salutation": "Fellow Deputies,",
    "open-1": "On behalf of the Municipal People's Government, I will now report to you on the work of the government.",
    "part-1": "I. Review of Our Work in 2022",
    "p1-0-1": "The city's GDP is expected to reach 18.48 billion yuan, growing by about 4 percent; we implemented the"
    " river chief system (河长制), created over 10,000 new jobs, and outstanding loans came to nearly"
    " 50 billion yuan.",
    "part-2": "II. Major Tasks for 2023",
    "s2-1": "(1) Project construction",
    "p2-1-1": "We will strive to complete investment of 500,000 to 1 million yuan and meet the requirements of the"
    " “five greaters.”",
    "t2-1-1-2": "Market confidence will be boosted again.",
    "p2-1-1-2": "We will sign over 10 projects, with investment of 300 million yuan or more.",
    "t2-1-1-3": "Project construction will be stepped up again.",
    "p2-1-1-3": "Construction will start on nearly 20 new projects.",
    "close-1": "Fellow Deputies, let us move together toward the future!",
}


def _entry(term, en, **more):
    return Entry(term=term, en=en, category="生态", definition="释义。", basis="p1-0-1", **more)


GLOSSARY = [
    _entry("河长制", "River chief system", en_variants=["river-chief scheme"]),
    _entry("五个更大", 'The "five greaters"'),
]


@pytest.fixture(scope="module")
def report():
    return annotate_structure(parse_text(TEXT))


@pytest.fixture(scope="module")
def qualifiers():
    return load_qualifiers(QUALIFIERS)


def write_po(path, report, en=None, msgid=None, extra=(), drop=(), flags=None):
    """A PO file for the small report: GOOD English with the given changes."""
    po = template(report)
    en = {**GOOD, **(en or {})}
    for entry in list(po):
        entry.msgstr = en.get(entry.msgctxt, "")
        entry.msgid = (msgid or {}).get(entry.msgctxt, entry.msgid)
        entry.flags = (flags or {}).get(entry.msgctxt, [])
        if entry.msgctxt in drop:
            po.remove(entry)
    for ctxt, zh, text in extra:
        po.append(polib.POEntry(msgctxt=ctxt, msgid=zh, msgstr=text))
    po.save(str(path))
    return path


def line_of(path, uid):
    """The first line of an entry: its comments and flags, else its msgctxt."""
    lines = path.read_text(encoding="utf-8").splitlines()
    k = lines.index(f'msgctxt "{uid}"')
    while k and lines[k - 1].startswith("#"):
        k -= 1
    return k + 1


def errors_of(path, report, qualifiers, strict=False) -> list[str]:
    with pytest.raises(SeedError) as info:
        check_translation(path, report, GLOSSARY, qualifiers, strict)
    return str(info.value).splitlines()


# -- units and the template ----------------------------------------------------


def test_units_in_reading_order(report):
    assert [u.id for u in units(report)] == [
        "title",
        "subtitle",
        "salutation",
        "open-1",
        "part-1",
        "p1-0-1",
        "part-2",
        "s2-1",
        "p2-1-1",
        "t2-1-1-2",
        "p2-1-1-2",
        "t2-1-1-3",
        "p2-1-1-3",
        "close-1",
    ]


def test_units_are_displayed_text(report):
    shown = {u.id: u.zh for u in units(report)}
    assert shown["salutation"] == "各位代表："
    assert shown["s2-1"] == "（一）项目建设"
    assert shown["close-1"] == "各位代表！让我们一起向未来！"


def test_every_block_and_heading_of_the_real_report_is_a_unit():
    report = load_report(cli.seeds_from_config(str(ROOT / "mkdocs.yml")))
    ids = [u.id for u in units(report)]
    assert len(ids) == len(set(ids))
    expected = {b.id for *_, b in report.blocks()} | {b.heading_id for *_, b in report.blocks() if b.heading}
    expected |= {p.id for p in report.parts} | {s.id for p in report.parts for s in p.sections}
    expected |= {"title", "subtitle", "speaker", "salutation"} | {f"meta-{k}" for k in range(1, len(report.meta) + 1)}
    assert set(ids) == expected
    assert ids.index("part-3") < ids.index("s3-1") < ids.index("t3-1-1-2") < ids.index("p3-1-1-2")
    assert {u.id: u.zh for u in units(report)}["meta-1"] == "发布时间：2023-01-06"


def test_po_template_command_writes_a_pot_and_never_a_po(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "en.pot"
    assert cli.main(["po-template", str(out)]) == 0
    pot = polib.pofile(str(out))
    report = load_report(cli.seeds_from_config())
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in pot] == [(u.id, u.zh, "") for u in units(report)]
    po = tmp_path / "en.po"
    po.write_text("editor's file", encoding="utf-8")
    with pytest.raises(SeedError, match="write the template to a .pot file"):
        write_template(report, po)
    assert po.read_text(encoding="utf-8") == "editor's file"


# -- a good file passes, and is counted --------------------------------------------


def test_good_translation_passes_with_counts(tmp_path, report, qualifiers):
    status = check_translation(write_po(tmp_path / "en.po", report), report, GLOSSARY, qualifiers, strict=True)
    c = status.counts
    # Counted by hand from TEXT: figures 3+1+4+1+2+2+1, qualifiers 4+1+2+1, terms 河长制 and 五个更大.
    assert (c.units, c.translated, c.figures, c.qualifiers, c.terms) == (14, 14, 14, 8, 2)
    assert status.untranslated == [] and status.fuzzy == [] and status.obsolete == []


def test_declared_variant_and_core_form_are_accepted(tmp_path, report, qualifiers):
    en = {
        "p1-0-1": GOOD["p1-0-1"].replace("river chief system", "River-Chief Scheme"),
        "p2-1-1": GOOD["p2-1-1"].replace("“five greaters.”", "Five Greaters"),
    }
    check_translation(write_po(tmp_path / "en.po", report, en), report, GLOSSARY, qualifiers)


# -- each check fails on its own mistake, at the entry's line ------------------------


@pytest.mark.parametrize(
    "uid, old, new, message",
    [
        (
            "p1-0-1",
            "18.48 billion",
            "1.848 billion",
            "the figure 184.8亿 of the Chinese is not in the English; write it as 18.48 billion",
        ),
        ("p1-0-1", "10,000", "1,000", "the figure 1万 of the Chinese is not in the English; write it as 10,000"),
        ("p2-1-1", "500,000 to ", "", "the figure 50 of the Chinese is not in the English; write it as 500,000"),
        ("subtitle", "January 1", "January", "the figure 1 of the Chinese is not in the English"),
        (
            "p1-0-1",
            "about 4",
            "4",
            "the qualifier 左右 is not carried; the English needs one more of: about, around, approximately",
        ),
        ("p1-0-1", "expected to reach", "to reach", "the qualifier 预计 is not carried"),
        ("p1-0-1", "nearly 50", "50", "the qualifier 近 is not carried"),
        ("p1-0-1", "over 10,000", "10,000", "the qualifier 余 is not carried"),
        ("p2-1-1", "strive to", "try to", "the qualifier 力争 is not carried"),
        # 超过 and 以上 may both read "more than", but one word carries one qualifier.
        (
            "p2-1-1-2",
            "over 10 projects, with investment of 300 million yuan or more",
            "more than 10 projects, with investment of 300 million yuan",
            "the qualifier 以上 is not carried",
        ),
        (
            "p1-0-1",
            "river chief system",
            "river management",
            'the glossary term 河长制 needs its rendering "river chief system"',
        ),
        ("p2-1-1", "“five greaters.”", "five goals.", 'the glossary term 五个更大 needs its rendering "five greaters"'),
        ("open-1", "the government.", "the government 工作.", 'Chinese "工作" in the English; translate it'),
        ("open-1", "Government,", "Government，", 'Chinese "，" in the English'),
        ("p1-0-1", "river chief system (河长制)", "river chief system (河湖长制)", 'Chinese "河湖长制" in the English'),
        ("p1-0-1", "river chief system (河长制)", "river chief system 河长制", 'Chinese "河长制" in the English'),
    ],
)
def test_each_check_fails_at_the_entry(tmp_path, report, qualifiers, uid, old, new, message):
    assert old in GOOD[uid]
    path = write_po(tmp_path / "en.po", report, {uid: GOOD[uid].replace(old, new)})
    errors = errors_of(path, report, qualifiers)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:{line_of(path, uid)}: {uid}: {message}"), errors


def test_all_problems_are_reported_at_once(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report, {"part-1": "I. Review", "p2-1-1-3": "Construction will start."})
    errors = errors_of(path, report, qualifiers)
    assert [e.split(": ")[1] for e in errors] == ["part-1", "p2-1-1-3", "p2-1-1-3"]


# -- status: stale, fuzzy, obsolete, untranslated ------------------------------------


def test_changed_chinese_makes_the_entry_stale(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report, msgid={"p2-1-1-3": "新开工项目近30个。"})
    status = check_translation(path, report, GLOSSARY, qualifiers)
    where = f"{path}:{line_of(path, 'p2-1-1-3')}: p2-1-1-3: the Chinese has changed"
    assert [str(e) for e in status.fuzzy] == [
        f"{where} since this was translated; revise the English and set msgid to the current Chinese (msgmerge does it)"
    ]
    assert "1 fuzzy" in status.summary("en.po")
    assert errors_of(path, report, qualifiers, strict=True)[0].startswith(where)


def test_fuzzy_flag_is_reported(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report, flags={"part-1": ["fuzzy"]})
    status = check_translation(path, report, GLOSSARY, qualifiers)
    assert [e.line for e in status.fuzzy] == [line_of(path, "part-1")]
    assert errors_of(path, report, qualifiers, strict=True) == [
        f"{path}:{line_of(path, 'part-1')}: part-1: marked fuzzy; review the English, then remove the flag"
    ]


def test_obsolete_entry_is_reported(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report, extra=[("p9-9-9", "旧段落。", "An old paragraph.")])
    status = check_translation(path, report, GLOSSARY, qualifiers)
    message = f"{path}:{line_of(path, 'p9-9-9')}: p9-9-9: obsolete, no unit of the report has this id; remove the entry"
    assert [str(e) for e in status.obsolete] == [message]
    assert errors_of(path, report, qualifiers, strict=True) == [message]


def test_untranslated_and_missing_are_counted_and_fail_in_strict_mode(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report, en={"part-2": ""}, drop={"close-1"})
    status = check_translation(path, report, GLOSSARY, qualifiers)
    assert status.untranslated == ["part-2", "close-1"]
    assert "12 of 14 units translated, 2 untranslated" in status.summary("en.po")
    assert errors_of(path, report, qualifiers, strict=True) == [
        f"{path}: close-1: no entry; add one (python -m build_tools po-template)",
        f"{path}:{line_of(path, 'part-2')}: part-2: not translated",
    ]


def test_duplicate_and_contextless_entries_are_errors(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report, extra=[("part-1", "一、2022年工作回顾", "I. Review of 2022")])
    text = path.read_text(encoding="utf-8") + '\nmsgid "孤立"\nmsgstr "Alone"\n'
    path.write_text(text, encoding="utf-8")
    errors = errors_of(path, report, qualifiers)
    assert "part-1: a second entry for this id (first at line" in errors[0]
    assert (
        errors[1]
        == f"{path}:{len(text.splitlines()) - 1}: entry without msgctxt; msgctxt must be the unit's id (see README)"
    )


def test_header_and_syntax_errors(tmp_path, report, qualifiers):
    path = write_po(tmp_path / "en.po", report)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Language: en\\n"\n', ""), encoding="utf-8")
    assert errors_of(path, report, qualifiers) == [f"{path}:1: the header must say Language: en"]
    path.write_text(text.replace("an unofficial translation", "a translation"), encoding="utf-8")
    assert errors_of(path, report, qualifiers) == [
        f"{path}:1: the comment at the top must say this is an unofficial translation; put it back"
    ]
    lines = text.splitlines()
    bad = lines.index('msgctxt "part-1"') + 2
    lines[bad - 1] = 'msgstr "I. Review'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SeedError, match="PO syntax error"):
        check_translation(path, report, GLOSSARY, qualifiers)


# -- qualifiers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("增长4%左右", ["左右"]),
        ("投资3亿元以上,增长6%以上", ["以上", "以上"]),
        ("签约项目超过10个", ["超过"]),  # not also 超
        ("超36亿元;超额完成;超市;超常规", ["超"]),  # only before a number
        ("超百亿级", ["超"]),
        ("近500亿元;近年来;习近平;近悦远来", ["近"]),
        ("1万余亩;150余场;贷款余额;其余", ["余", "余"]),
        ("力争完成;全力争创", ["力争"]),
        ("预计增长", ["预计"]),
        ("控制在3%以内", ["以内"]),
        ("35蒸吨及以下", ["以下"]),
        ("不低于82.8%", ["不低于"]),
    ],
)
def test_qualifiers_found_in_chinese(qualifiers, text, found):
    assert [q.zh for q in zh_qualifiers(text, qualifiers)] == found


def test_renderings_are_whole_words_longest_first(qualifiers):
    assert en_renderings("no more than 3 percent, more than 10, overall, moreover", qualifiers) == [
        "no more than",
        "more than",
    ]
    assert en_renderings("About 4 percent, STRIVING to", qualifiers) == ["about", "striving"]


def test_one_word_carries_one_qualifier(qualifiers):
    both = zh_qualifiers("超过10个,3亿元以上", qualifiers)
    assert [q.zh for q in uncarried(both, ["more than"])] in (["超过"], ["以上"])
    assert uncarried(both, ["more than", "over"]) == []
    # The matching reassigns: "over" first taken by 以上 is freed for 超过 when only "or more" fits 以上.
    assert uncarried(zh_qualifiers("3亿元以上,超过10个", qualifiers), ["over", "or more"]) == []


@pytest.mark.parametrize(
    "yaml_text, line, message",
    [
        ("- zh: 左右\n  en: []\n", 3, "'en' must list at least 1 item; write a list of English words"),
        ("- zh: 左右\n  en: about\n", 3, "'en' must be a list, not 'about'"),
        (
            "- zh: 左右\n  en: [about]\n  position: near\n",
            4,
            "'position' is 'near'; it must be one of: before-number、after-number",
        ),
        ("- zh: 左右\n  en: [about]\n  renderings: [x]\n", 4, "unknown field 'renderings'"),
        ("- en: [about]\n", 2, "missing field 'zh'"),
        ("zh: 左右\n", 2, "expected a list in this file"),
    ],
)
def test_bad_qualifier_table(tmp_path, yaml_text, line, message):
    path = tmp_path / "qualifiers.yml"
    path.write_text("# comment\n" + yaml_text, encoding="utf-8")
    with pytest.raises(SeedError, match=re.escape(message)) as info:
        load_qualifiers(path)
    assert info.value.line == line


def test_glossary_accepts_declared_english_variants(tmp_path):
    path = tmp_path / "glossary.yml"
    entry = "- term: 河长制\n  en: River chief system\n  category: 生态\n  definition: 释义。\n  basis: p1-0-1\n"
    path.write_text(entry + "  en_variants: [river-chief scheme]\n", encoding="utf-8")
    assert load_glossary(path)[0].en_variants == ["river-chief scheme"]
    path.write_text(entry + "  en_variants: river-chief scheme\n", encoding="utf-8")
    with pytest.raises(SeedError, match="'en_variants' must be a list"):
        load_glossary(path)


# -- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, values",
    [
        ("184.8亿元", ["18480000000"]),
        ("14万元", ["140000"]),
        ("3.67亿元", ["367000000"]),
        ("4930万吨", ["49300000"]),
        ("8897户", ["8897"]),
        ("8,897户", ["8897"]),
        ("83.6%", ["83.6"]),
        ("50—100万元", ["500000", "1000000"]),
        ("1万余亩", ["10000"]),
        ("10余万人", ["100000"]),
        ("2022—2025年", ["2022", "2025"]),
        ("1-11月", ["1", "11"]),
        ("2023-01-06", ["2023", "1", "6"]),
        ("1,4-丁二醇", ["1", "4"]),
        ("S217线、PM10、PM2.5", ["217", "10", "2.5"]),
        ("拨打12345热线", ["12345"]),
        ("110千伏变电站", ["110"]),  # 千 starts a unit here, it is no scale
        ("三年行动、第二位、二十大", []),  # numbers in words are not figures
    ],
)
def test_chinese_figures(text, values):
    assert [v for _, v in zh_figures(text)] == [Decimal(x) for x in values]


@pytest.mark.parametrize(
    "text, values",
    [
        ("18.48 billion yuan", ["18480000000"]),
        ("140,000 yuan", ["140000"]),
        ("49.3 million tonnes", ["49300000"]),
        ("1 million", ["1000000"]),
        ("10 thousand", ["10000"]),
        ("4 percent", ["4"]),
        ("4%", ["4"]),
        ("grew by 83.6.", ["83.6"]),
        ("1,4-butanediol", ["1", "4"]),
        ("2023-01-06", ["2023", "1", "6"]),
        ("January 1, 2023", ["1", "2023", "1"]),
        ("from January to November", ["1", "11"]),
        ("PM10 and PM2.5", ["10", "2.5"]),
        ("S217 road", ["217"]),
        ("a million", []),
    ],
)
def test_english_numbers(text, values):
    assert sorted(v for _, v in en_numbers(text)) == sorted(Decimal(x) for x in values)


def test_figures_compared_by_value_and_count():
    assert missing_figures("184.8亿元", "18.48 billion yuan") == []
    assert missing_figures("184.8亿元", "184.8 million yuan") == [("184.8亿", Decimal(18480000000))]
    assert missing_figures("增长4%,其中增长4%", "grew 4 percent") == [("4", Decimal(4))]
    assert missing_figures("8897户", "8,897 households") == []


@pytest.mark.parametrize(
    "value, text",
    [
        ("18480000000", "18.48 billion"),
        ("1000000", "1 million"),
        ("140000", "140,000"),
        ("2022", "2022"),
        ("83.6", "83.6"),
        ("367000000", "367 million"),
    ],
)
def test_english_convention(value, text):
    assert english(Decimal(value)) == text


# -- the real translation ------------------------------------------------------------------


def test_every_unit_of_the_report_has_a_current_entry():
    report = load_report(cli.seeds_from_config(str(ROOT / "mkdocs.yml")))
    po = polib.pofile(str(EN_PO))
    assert [(e.msgctxt, e.msgid) for e in po] == [(u.id, u.zh) for u in units(report)]
    assert all(e.msgstr.strip() and not e.fuzzy for e in po)
    assert po.metadata["Language"] == "en"
    assert "unofficial translation" in po.header


def test_real_translation_passes_strict_check():
    notes: list[str] = []
    check_seeds(cli.seeds_from_config(str(ROOT / "mkdocs.yml")), strict=True, notes=notes)
    assert "en.po: 149 of 149 units translated, 0 untranslated, 0 fuzzy, 0 obsolete;" in notes[-1]


def test_msgfmt_accepts_the_translation():
    """The file opens in translators' tools: GNU msgfmt's own checks pass (make test installs gettext)."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt not found: install Debian's gettext (make test does)"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(EN_PO)], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "149 translated messages."


@pytest.fixture
def project(tmp_path):
    copy_project(ROOT, tmp_path)
    return tmp_path


def test_check_command_points_at_the_po_line(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    po = project / "seeds" / "en.po"
    text = po.read_text(encoding="utf-8")
    assert "18.48 billion yuan" in text
    po.write_text(text.replace("18.48 billion yuan", "18.4 billion yuan"), encoding="utf-8")
    assert cli.main(["check"]) == 1
    line = text[: text.index("18.48 billion yuan")].count("\n")
    entry = text.splitlines()[: line + 1]
    start = max(k for k, s in enumerate(entry) if s.startswith("msgctxt ")) + 1
    assert capsys.readouterr().err.startswith(
        f"seeds/en.po:{start}: p1-1-1: "
        "the figure 184.8亿 of the Chinese is not in the English; write it as 18.48 billion"
    )


def test_check_command_reports_stale_entries_and_strict_fails(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    po = project / "seeds" / "en.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "政府工作报告"', 'msgid "政府工作"'), encoding="utf-8")
    where = f"seeds/en.po:{line_of(po, 'title')}: title: the Chinese has changed"
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert f"{where} since this was translated" in out
    assert "1 fuzzy" in out
    assert cli.main(["check", "--strict"]) == 1
    assert capsys.readouterr().err.startswith(where)


def english_words(paths) -> set[str]:
    """Every word of the English the edition shows: the PO files' msgstr, the glossary's renderings, the pages."""
    words: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".po":
            text = " ".join(e.msgstr for e in polib.pofile(str(path)))
        words |= {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return words


# A British spelling and its American twin: organis(ation) -> organiz(ation), centre(s) -> center(s).
SPELLINGS = ((r"(\w+)is(e|ed|es|ing|ation|ations)?", "{0}iz{1}"), (r"(\w+)tre(s)?", "{0}ter{1}"))


def british_twins(words: set[str]) -> set[tuple[str, str]]:
    """Pairs of one word spelt both ways among ``words``."""
    pairs = set()
    for word in words:
        for pattern, twin in SPELLINGS:
            m = re.fullmatch(pattern, word)
            if m and (other := twin.format(m.group(1), m.group(2) or "")) in words:
                pairs.add((word, other))
    return pairs


def test_one_word_one_spelling():
    """The English edition spells a word one way (American, as the translation does): never both
    organisation and organization, centre and center, across the report, the glossary and the pages."""
    seeds = ROOT / "seeds"
    files = [*seeds.glob("en*.po"), seeds / "glossary.yml", *(ROOT / "docs").glob("*.en.md")]
    assert british_twins(english_words(files)) == set()
    assert british_twins({"organisation", "organization", "centres", "centers", "rise", "enterprise"}) == {
        ("organisation", "organization"),
        ("centres", "centers"),
    }
