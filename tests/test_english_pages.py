"""The English glossary and metrics pages: their PO files, their ids, their words and their figures."""

from __future__ import annotations

import re
import subprocess

import polib
import pytest

from build_tools import cli
from build_tools.annotate.glossary import load_glossary
from build_tools.editions.build import build_edition
from build_tools.editions.english_pages import english_pages, needed_texts, write_templates
from build_tools.editions.english_po import load_texts, template
from build_tools.editions.qualifiers import load_qualifiers
from build_tools.editions.translation import has_rendering
from build_tools.seeds.english import Msg, mark_chinese
from build_tools.seeds.errors import SeedError
from conftest import ROOT
from support.langtext import chinese_outside_zh

SEEDS = ROOT / "seeds"
GLOSSARY_PO, METRICS_PO, PINYIN = SEEDS / "en-glossary.po", SEEDS / "en-metrics.po", SEEDS / "pinyin.yml"
HEADER = (
    '# an unofficial translation\nmsgid ""\nmsgstr ""\n'
    '"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)


@pytest.fixture(scope="module")
def seeds():
    return cli.seeds_from_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def pages(seeds):
    return english_pages(seeds, GLOSSARY_PO, METRICS_PO, PINYIN, strict=True)


@pytest.fixture(scope="module")
def chinese(seeds):
    edition = build_edition(seeds)
    return {p.src: p.markdown for p in edition.pages}


def po(tmp_path, body: str):
    path = tmp_path / "x.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def entry(ctx: str, zh: str, en: str, flags: str = "") -> str:
    return (f"#, {flags}\n" if flags else "") + f'msgctxt "{ctx}"\nmsgid "{zh}"\nmsgstr "{en}"\n\n'


# -- the PO files ----------------------------------------------------------------


def test_the_real_files_are_complete_and_current(pages):
    """Strict: nothing untranslated, fuzzy or obsolete in either file."""
    for status in pages.statuses:
        assert not status.untranslated and not status.fuzzy and not status.obsolete, status.summary()


@pytest.mark.parametrize("path", [GLOSSARY_PO, METRICS_PO], ids=lambda p: p.name)
def test_a_standard_tool_reads_the_files(path):
    """GNU msgfmt's own checks pass (make test installs gettext: never skipped)."""
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_changed_chinese_definition_is_fuzzy_with_its_line(tmp_path):
    path = po(tmp_path, entry("g-1:definition", "旧的解释", "Old") + entry("label", "旧名", "Old name"))
    needed = [Msg("g-1:definition", "新的解释"), Msg("label", "新名")]
    status = load_texts(path, needed)
    assert [str(e) for e in status.fuzzy] == [
        f"{path}:7: g-1:definition: the Chinese has changed since this was translated; revise the English and set"
        " msgid to the current Chinese: 新的解释"
    ]
    assert [e.line for e in status.obsolete] == [11]
    with pytest.raises(SeedError, match=r"x\.po:7: g-1:definition: the Chinese has changed"):
        load_texts(path, needed, strict=True)


def test_a_changed_text_is_never_shown(tmp_path):
    status = load_texts(po(tmp_path, entry("g-1:definition", "旧的解释", "Old")), [Msg("g-1:definition", "新的解释")])
    assert not status.texts.has("g-1:definition", "新的解释")
    with pytest.raises(SeedError, match='no English for msgctxt "g-1:definition"'):
        status.texts.get("g-1:definition", "新的解释")


@pytest.mark.parametrize(
    "body, line, words, strict",
    [
        (entry("label", "名", "Name", "fuzzy"), 7, "marked fuzzy", True),
        (entry("label", "名", ""), 7, "not translated", True),
        (
            entry("label", "名", "A") + entry("label", "名", "B"),
            11,
            "a second entry for this text (first at line 7)",
            False,
        ),
    ],
)
def test_po_problems_name_their_line(tmp_path, body, line, words, strict):
    with pytest.raises(SeedError) as caught:
        load_texts(po(tmp_path, body), [Msg("label", "名")], strict=strict)
    assert f"x.po:{line}:" in str(caught.value) and words in str(caught.value)


def test_untranslated_and_fuzzy_are_notes_unless_strict(tmp_path):
    status = load_texts(
        po(tmp_path, entry("label", "名", "", "") + entry("label", "姓", "S", "fuzzy")),
        [Msg("label", "名"), Msg("label", "姓")],
    )
    assert len(status.untranslated) == 1 and len(status.fuzzy) == 1
    assert "0 texts translated, 1 untranslated, 1 fuzzy, 0 obsolete" in status.summary()


def test_a_needed_text_without_an_entry_is_untranslated(tmp_path):
    status = load_texts(po(tmp_path, entry("label", "名", "Name")), [Msg("label", "名"), Msg("label", "姓")])
    assert [str(e).split("/x.po")[-1] for e in status.untranslated] == [
        ': no English for msgctxt "label" msgid "姓"; add it (see seeds/README.md, 英文版术语表与数据页)'
    ]
    with pytest.raises(SeedError, match='msgid "姓"'):
        load_texts(po(tmp_path, entry("label", "名", "Name")), [Msg("label", "名"), Msg("label", "姓")], strict=True)


def test_the_english_keeps_every_value_the_program_fills_in(tmp_path):
    line = "{n}项，达到{met}项"
    with pytest.raises(SeedError) as caught:
        load_texts(po(tmp_path, entry("page", line, "{n} entered, 2 met")), [Msg("page", line)])
    assert str(caught.value).endswith("/x.po:7: page: keep {met} in the English; the program fills it in")
    status = load_texts(po(tmp_path, entry("page", line, "{met} of {n} met")), [Msg("page", line)])
    assert status.texts.get("page", line) == "{met} of {n} met"


def test_the_header_must_say_unofficial(tmp_path):
    path = tmp_path / "x.po"
    path.write_text(HEADER.replace("an unofficial translation", "a translation"), encoding="utf-8")
    with pytest.raises(SeedError, match="unofficial translation"):
        load_texts(path, [])


def test_the_template_has_every_needed_text_once(seeds):
    for msgs in needed_texts(seeds):
        pot = template(msgs + msgs)
        assert {(e.msgctxt, e.msgid) for e in pot} == {(m.context, m.zh) for m in msgs}
        assert len(pot) == len({(m.context, m.zh) for m in msgs})
        assert all(not e.msgstr for e in pot)


def test_templates_are_written_as_pot_only(seeds, tmp_path):
    written = write_templates(seeds, tmp_path)
    assert sorted(p.rsplit("/", 1)[1] for p in written) == ["en-glossary.pot", "en-metrics.pot"]
    assert all(len(polib.pofile(p)) == n for p, n in written.items())
    from build_tools.editions.english_po import write_template

    with pytest.raises(SeedError, match="write the template to a .pot file"):
        write_template([Msg("label", "名")], tmp_path / "en-metrics.po")
    assert not (tmp_path / "en-metrics.po").exists()


# -- what the pages say ------------------------------------------------------------


def test_no_chinese_outside_zh_elements(pages):
    assert chinese_outside_zh(pages.glossary) == []
    assert chinese_outside_zh(pages.metrics) == []


def test_the_checker_finds_unmarked_chinese():
    assert chinese_outside_zh('<p>GDP 增长</p><p lang="zh-Hans">增长</p><a title="原文">x</a>') == [
        "GDP 增长",
        "a title=原文",
    ]


def test_mark_chinese_marks_a_title_as_one_run():
    assert mark_chinese("Communiqué (乌海市2023年统计公报) <b>") == (
        'Communiqué (<span lang="zh-Hans">乌海市2023年统计公报</span>) &lt;b&gt;'
    )


def ids(markdown: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', markdown)) | set(re.findall(r"\{\s*#([\w-]+)\s*\}", markdown))


def links(markdown: str) -> list[str]:
    return re.findall(r'href="(\.\./[^"]+)"', markdown)


def test_same_ids_and_paragraph_links_as_the_chinese_glossary(pages, chinese):
    assert ids(pages.glossary) == ids(chinese["glossary.md"])
    occurs = lambda md: sorted(re.findall(r'term-where">[^<]*(.*?)</p>', md))  # noqa: E731
    assert sorted(map(links, occurs(pages.glossary))) == sorted(map(links, occurs(chinese["glossary.md"])))


def test_same_ids_and_figure_links_as_the_chinese_metrics_page(pages, chinese):
    assert ids(pages.metrics) == ids(chinese["metrics.md"])
    assert sorted(links(pages.metrics)) == sorted(links(chinese["metrics.md"]))


def _glance(markdown: str) -> str:
    """The home page's glance in the Chinese home page's Markdown: from its heading to the next one."""
    start = markdown.index("{#metrics-glance}")
    end = markdown.find("\n## ", start)
    return markdown[start : end if end != -1 else len(markdown)]


def test_the_home_glance_is_the_chinese_one_in_english(pages, chinese):
    """Same figures linked to the same paragraphs, the same counts of outcomes, and no Chinese of its own."""
    zh = _glance(chinese["index.md"])
    home_links = lambda md: re.findall(r'href="([^"]+)"|\]\(([^)]+)\)', md)  # noqa: E731
    assert home_links(pages.glance) == home_links(zh) and len(home_links(zh)) > 6
    assert re.findall(r"\d+", pages.glance.split("outcomes-glance")[0].split("</ul>")[1]) == re.findall(
        r"\d+", zh.split("</ul>")[1].split("[")[0]
    )
    assert chinese_outside_zh(pages.glance) == []
    assert "estimated: up about 4%" in pages.glance and "2023 target" in pages.glance


def test_the_outcomes_chart_speaks_english_with_signs(pages):
    chart = re.search(r"<svg[^>]*outcomes-chart.*?</svg>", pages.metrics, re.S).group(0)
    assert ">0.1% ✗ not met</text>" in chart and ">8.1% ✓ met</text>" in chart and ">83.3% — no verdict</text>" in chart
    assert chinese_outside_zh(chart) == []


def test_every_entry_shows_its_english_definition_and_pinyin(pages):
    entries = load_glossary(SEEDS / "glossary.yml")
    for e in entries:
        block = re.search(rf'<h3 id="{e.id}">.*?</div>', pages.glossary).group(0)
        assert 'class="term-pinyin" lang="zh-Latn-pinyin">' in block and 'class="term-def">' in block
        assert f'<span lang="zh-Hans">{e.term}</span>' in block
        assert not re.search(r'class="term-def">[^<]*[\u4e00-\u9fff]', block)


def test_a_missing_definition_names_the_glossary_line(seeds, tmp_path):
    text = GLOSSARY_PO.read_text(encoding="utf-8")
    entries = load_glossary(SEEDS / "glossary.yml")
    first = entries[0]
    cut = re.sub(rf'msgctxt "{first.id}:definition"\nmsgid "[^\n]*"\nmsgstr "[^\n]*"\n', "", text)
    assert cut != text
    (tmp_path / "en-glossary.po").write_text(cut, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        english_pages(seeds, tmp_path / "en-glossary.po", METRICS_PO, PINYIN)
    assert f"seeds/glossary.yml:{first.line}: '{first.term}' has no English definition" in str(caught.value)


def test_a_missing_metric_label_fails(seeds, tmp_path):
    text = METRICS_PO.read_text(encoding="utf-8")
    cut = text.replace('msgctxt "label"\nmsgid "重点项目"\nmsgstr "Key projects"\n', "")
    assert cut != text
    (tmp_path / "en-metrics.po").write_text(cut, encoding="utf-8")
    with pytest.raises(SeedError, match='no English for msgctxt "label" msgid "重点项目"'):
        english_pages(seeds, GLOSSARY_PO, tmp_path / "en-metrics.po", PINYIN)


def test_qualifier_renderings_are_those_of_qualifiers_yml():
    """The page says what the translation says: 左右 is about, 以上 over, 预计 estimated …"""
    renderings = {q.zh: [w.lower() for w in q.en] for q in load_qualifiers(SEEDS / "qualifiers.yml")}
    for e in polib.pofile(str(METRICS_PO)):
        if e.msgctxt in ("qualifier", "estimate") and e.msgid in renderings:
            words = e.msgstr.replace("{n}", "").lower().split()
            assert any(r in " ".join(words) for r in renderings[e.msgid]), (e.msgid, e.msgstr)
    for word in ("力争",):
        status = [e for e in polib.pofile(str(METRICS_PO)) if e.msgctxt.startswith("status") and word in e.msgid]
        assert status and all("strive" in e.msgstr for e in status)


def test_every_template_has_its_number(pages):
    for e in polib.pofile(str(METRICS_PO)):
        if e.msgctxt in ("unit", "qualifier", "change"):
            assert e.msgstr.count("{n}") == 1, e
        if "{year}" in e.msgid:
            assert "{year}" in e.msgstr, e


def test_glossary_terms_in_metric_labels_keep_their_rendering():
    entries = load_glossary(SEEDS / "glossary.yml")
    forms = {f: e for e in entries for f in e.forms}
    for e in polib.pofile(str(METRICS_PO)):
        if e.msgctxt in ("label", "indicator", "outcome-label", "words"):
            for form, term in forms.items():
                if form in e.msgid and not any(
                    form in longer and longer in e.msgid for longer in forms if longer != form
                ):
                    assert has_rendering(e.msgstr, term), (e.msgid, e.msgstr, term.en)


# -- figures, qualifiers, status and years, as in the Chinese editions -------------------------------------


def row_of(markdown: str, source: str) -> str:
    """The row of the all-figures table whose Chinese wording is ``source``."""
    return re.search(rf'<tr>(?:(?!<tr>).)*?<span lang="zh-Hans">{re.escape(source)}</span>.*?</tr>', markdown).group(0)


def cells(row: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]


@pytest.mark.parametrize(
    "source, value, unit, qualifier, status",
    [
        ("184.8亿元", "18.48 billion", "yuan", "estimated", ""),
        ("近500亿元", "50 billion", "yuan", "nearly", ""),
        ("1万余亩", "10,000", "mu", "over", ""),
        ("近90万人次", "900,000", "person-times", "nearly", ""),
        ("35蒸吨及以下", "35", "steam tonnes", "or less", "phased out"),
        ("50—100万元", "500,000–1 million", "yuan", "", ""),
        ("186个", "186", "", "", "started or resumed"),
        ("16座", "16", "", "", "put into service"),
        ("24座", "24", "", "", "newly built"),
        ("83项", "83", "", "", "construction started"),
        ("下降12%", "12", "%", "against 2020", "ensure"),
    ],
)
def test_a_figure_row_keeps_value_unit_qualifier_and_status(pages, source, value, unit, qualifier, status):
    name, shown_value, shown_unit, shown_qualifier, shown_status, _kind, _zh = cells(row_of(pages.metrics, source))
    assert (shown_value, shown_unit, shown_status) == (value, unit, status)
    assert qualifier in shown_qualifier and name


def test_a_start_is_never_called_a_completion(pages):
    for source in ("186个", "83项", "3个"):
        assert "complet" not in row_of(pages.metrics, source)


def test_a_targets_status_needs_its_own_entry(seeds):
    """A status verb said of a target is asked for under status-target, of a result under status."""
    metrics = {(m.context, m.zh) for m in needed_texts(seeds)[1]}
    assert {("status-target", "完成"), ("status", "完成"), ("status-target", "力争")} <= metrics
    assert ("status", "力争") not in metrics  # 力争 is only ever said of a target


def test_a_target_is_never_said_to_be_done(pages):
    """A status verb reads as done for a result and as to be done for a target (完成: completed / complete):
    no target row of the page shows a result's rendering where the file gives the target its own."""
    entries = [e for e in polib.pofile(str(METRICS_PO)) if not e.obsolete]
    done = {e.msgid: e.msgstr for e in entries if e.msgctxt == "status"}
    to_do = {e.msgid: e.msgstr for e in entries if e.msgctxt == "status-target"}
    differ = {zh: (done[zh], to_do[zh]) for zh in done.keys() & to_do.keys() if done[zh] != to_do[zh]}
    assert "完成" in differ  # completed / complete
    rows = re.findall(r"<tr><td>.*?</tr>", pages.metrics)
    targets = [cells(r) for r in rows if cells(r)[5].endswith("target")]
    assert len(targets) > 20
    shown = {c[4] for c in targets}
    assert not {d for d, _ in differ.values()} & shown, shown
    assert {t for _, t in differ.values()} & shown


def test_every_estimate_says_estimated(pages, seeds):
    from build_tools.annotate.load import load_metrics, load_report

    figures, _ = load_metrics(seeds, load_report(seeds))
    rows = re.findall(r"<tr><td>.*?</tr>", pages.metrics)
    estimated = [r for r in rows if "estimated" in cells(r)[3]]
    assert len(estimated) == sum(1 for f in figures if f.estimate)


def test_targets_keep_their_year(pages):
    kinds = {cells(r)[5] for r in re.findall(r"<tr><td>.*?</tr>", pages.metrics)}
    assert {"2022", "2023 target", "2025 target", "2030 target"} <= kinds


def test_headline_cells_carry_estimate_status_and_label(pages):
    table = re.search(r'<table id="metrics-headline".*?</table>', pages.metrics, re.S).group(0)
    assert ">estimated: up about 4%</a>" in table
    assert ">Key projects, started or resumed: 186</a>" in table
    assert ">Investment actually received, estimated: 18.48 billion yuan</a>" in table
    assert ">Domestic investment actually received, strive for: over 23 billion yuan</a>" in table
    assert "<th>2022</th><th>2023 target</th>" in table


def test_verdicts_are_words_with_a_sign_and_the_about_rule_is_stated(pages):
    table = re.search(r'<table id="metrics-outcomes".*?</table>', pages.metrics, re.S).group(0)
    for code, sign, words in (("met", "✓", "met"), ("not_met", "✗", "not met"), ("none", "—", "no verdict")):
        assert f'outcome-{code}"><span aria-hidden="true">{sign}</span> {words}</span>' in table
    assert 'For “about” (<span lang="zh-Hans">左右</span>): the target is met when' in pages.metrics
    assert "Wuhai Municipal Bureau of Statistics, 2024-04-19" in table


def test_the_chart_speaks_english(pages):
    chart = re.search(r"<svg.*?</svg>", pages.metrics, re.S).group(0)
    assert (
        '<title id="metrics-chart-title">Growth of the headline indicators: 2022 (estimated), 2023 target</title>'
        in chart
    )
    assert ">Gross regional product</text>" in chart and ">about 4%</text>" in chart
    assert chinese_outside_zh(chart) == []


def test_the_page_says_the_data_files_are_chinese(pages):
    assert "The data files are those of the Chinese edition" in pages.metrics


def test_chinese_in_the_english_is_a_given_original_only():
    """Chinese may stand in parentheses (a document's original title) or before its English gloss, nowhere else."""
    from build_tools.seeds.english import CHINESE

    stray = []
    for path in (GLOSSARY_PO, METRICS_PO):
        for e in polib.pofile(str(path)):
            for m in CHINESE.finditer(e.msgstr):
                before = e.msgstr[: m.start()]
                inside = before.count("(") > before.count(")")
                glossed = e.msgstr[m.end() :].startswith(" (")
                if not (inside or glossed):
                    stray.append(f"{path.name}:{e.linenum}: {m.group(0)}")
    assert stray == []


def test_the_command_writes_both_page_templates_covering_every_entry(tmp_path, monkeypatch):
    """`po-template --pages DIR`: what msgmerge needs to bring seeds/en-glossary.po and en-metrics.po up to date."""
    import polib

    from build_tools import cli

    monkeypatch.chdir(ROOT)
    assert cli.main(["po-template", "--pages", str(tmp_path)]) == 0
    for name in ("en-glossary", "en-metrics"):
        pot = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / f"{name}.pot"))}
        po = {(e.msgctxt, e.msgid) for e in polib.pofile(str(ROOT / "seeds" / f"{name}.po")) if not e.obsolete}
        assert pot == po, name
