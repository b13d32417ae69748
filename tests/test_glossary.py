"""The glossary: editors' YAML validated with file:line, every occurrence marked, text stays text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.annotate.glossary import Entry, candidates, find_spans, load_glossary, load_not_terms
from build_tools.annotate.structure import annotate_structure
from build_tools.editions.build import build_edition
from build_tools.parse.report import parse_file
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import Seeds
from conftest import REPORT, ROOT

GLOSSARY = ROOT / "seeds" / "glossary.yml"
GOOD = """\
# 注释会保留
- term: 河长制
  en: River Chief System
  category: 生态
  definition: 由各级党政负责人担任“河长”。
  basis: p3-3-1
- term: 林长制
  en: Forest Chief System
  category: 生态
  definition: 由各级党政负责人担任“林长”。
  basis: p3-3-1
  see_also: [河长制]
"""


@pytest.fixture(scope="module")
def report():
    return annotate_structure(parse_file(REPORT))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path, text, report) -> str:
    with pytest.raises(SeedError) as info:
        load_glossary(write(tmp_path, text), report)
    return str(info.value)


def test_good_file_loads(tmp_path, report):
    entries = load_glossary(write(tmp_path, GOOD), report)
    assert [e.term for e in entries] == ["河长制", "林长制"]


@pytest.mark.parametrize(
    "change, line, message",
    [
        (lambda t: t.replace("  en: River", "  en River"), 3, "YAML syntax error"),
        (
            lambda t: t.replace(
                "  category: 生态\n  definition: 由各级党政负责人担任“河长”。", "  category: 生态\n  defintion: x"
            ),
            5,
            "unknown field 'defintion'",
        ),
        (lambda t: t.replace("  en: Forest Chief System\n", ""), 7, "missing field 'en'"),
        (lambda t: t.replace("term: 林长制", "term: 河长制"), 7, "'河长制' is already an entry or alias at line 2"),
        (lambda t: t + "  aliases: [河长制]\n", 13, "'河长制' is already an entry or alias"),
        (lambda t: t.replace("term: 林长制", "term: 月亮制"), 7, "'月亮制' never occurs in the report"),
        (
            lambda t: t.replace("definition: 由各级党政负责人担任“林长”。", 'definition: ""'),
            10,
            "'definition' is empty",
        ),
        (lambda t: t.replace("see_also: [河长制]", "see_also: [海长制]"), 12, "see_also '海长制' is not a term"),
        (
            lambda t: t.replace("basis: p3-3-1\n  see", "basis: p9-9-9\n  see"),
            11,
            "basis 'p9-9-9' is not a paragraph id",
        ),
    ],
)
def test_bad_input_names_file_and_line(tmp_path, report, change, line, message):
    text = errors_of(tmp_path, change(GOOD), report)
    assert re.search(rf"glossary\.yml:{line}: .*{re.escape(message)}", text), text


def test_all_problems_reported_at_once(tmp_path, report):
    text = errors_of(
        tmp_path, GOOD.replace("term: 林长制", "term: 月亮制").replace("  en: River Chief System\n", ""), report
    )
    assert "missing field 'en'" in text and "never occurs" in text


def test_check_command_exit_status_and_message(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wuhai-2023.txt").write_bytes(REPORT.read_bytes())
    (seeds / "glossary.yml").write_text(GOOD.replace("term: 林长制", "term: 月亮制"), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\nplugins:\n  report:\n    report: seeds/wuhai-2023.txt\n    glossary: seeds/glossary.yml\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--config", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "seeds/glossary.yml:7: '月亮制' never occurs in the report; check the spelling against the text or remove it"
    )


def test_tools_never_rewrite_the_editors_file(tmp_path, report):
    path = write(tmp_path, GOOD)
    before = path.read_bytes()
    load_glossary(path, report)
    assert path.read_bytes() == before


def test_matching_between_chinese_characters_longest_first():
    forms = {f: Entry(term=f, en="", category="", definition="", basis="") for f in ("河长制", "林长制", "长制")}
    spans = find_spans("认真落实河长制、林长制", forms)
    assert [("认真落实河长制、林长制"[s:e]) for s, e, _ in spans] == ["河长制", "林长制"]


def test_matching_takes_the_leftmost_form_before_a_longer_one_it_overlaps():
    forms = {f: Entry(term=f, en="", category="", definition="", basis="") for f in ("营商", "商环境建设", "环境")}
    text = "优化营商环境建设环境"
    assert [text[s:e] for s, e, _ in find_spans(text, forms)] == ["营商", "环境", "环境"]


def test_matching_skips_to_where_a_form_may_begin():
    """Forms with characters a pattern's class treats specially, back to back, and no forms at all."""
    forms = {f: Entry(term=f, en="", category="", definition="", basis="") for f in ("^两新", "-1+N", "]方案", "两新")}
    text = "推动^两新-1+N]方案两新两"
    assert [text[s:e] for s, e, _ in find_spans(text, forms)] == ["^两新", "-1+N", "]方案", "两新"]
    assert find_spans(text, {}) == []


def test_real_glossary_is_valid_and_large(report):
    entries = load_glossary(GLOSSARY, report)
    assert len(entries) > 80
    terms = {e.term for e in entries}
    for term in (
        "五个大起底",
        "两个确立",
        "放管服",
        "四水四定",
        "三多三少三慢",
        "河长制",
        "林长制",
        "中央八项规定",
        "第一议题",
        "僵尸企业",
        "蒙古马精神",
        "乌兰牧骑",
    ):
        assert term in terms or any(term in e.aliases for e in entries), term


def test_candidates_lists_nothing(report):
    entries = load_glossary(GLOSSARY, report)
    assert candidates(report, entries, load_not_terms(ROOT / "seeds" / "not-terms.yml")) == []


def test_candidates_finds_uncovered_quotes(report):
    found = dict(candidates(report, [], set()))
    assert "五个大起底" in found and "p1-3-1" in found["五个大起底"]


def test_numbered_slogan_cites_the_paragraph_that_spells_it_out(report):
    entry = next(e for e in load_glossary(GLOSSARY, report) if e.term == "五个更大")
    assert entry.basis == "p2-0-3"
    assert all(item in entry.definition for item in ("更大成效", "更大成果", "更大步伐", "更大进展", "更大作为"))


@pytest.mark.parametrize(
    "definition, basis",
    [
        ("2016年起推行的制度。", "p3-3-1"),  # a year the paragraph does not state
        ("依据《关于全面推行河长制的意见》设立。", "p3-3-1"),  # a document the paragraph does not name
        ("全市设河长３００名。", "p3-3-1-2"),  # fullwidth digits count too, and a block id is a paragraph
    ],
)
def test_claim_without_source_names_its_line(tmp_path, report, definition, basis):
    bad = GOOD.replace(
        "definition: 由各级党政负责人担任“河长”。\n  basis: p3-3-1", f"definition: {definition}\n  basis: {basis}"
    )
    text = errors_of(tmp_path, bad, report)
    assert re.search(r"glossary\.yml:5: the definition states .*which paragraph p3-3-1(-2)? does not", text), text


@pytest.mark.parametrize(
    "definition, basis",
    [
        (
            "2016年起推行的制度。",
            "中共中央办公厅、国务院办公厅《关于全面推行河长制的意见》（2016年）",
        ),  # a document is the source
        ("报告提出推进的工作。", "p3-3-1"),  # no claim: a paragraph suffices
        ("报告所说的2023年工作。", "p2-0-3"),  # the part's heading (二、2023年…) states it
    ],
)
def test_claim_with_its_source_is_accepted(tmp_path, report, definition, basis):
    good = GOOD.replace(
        "definition: 由各级党政负责人担任“河长”。\n  basis: p3-3-1", f"definition: {definition}\n  basis: {basis}"
    )
    assert [e.basis for e in load_glossary(write(tmp_path, good), report)][0] == basis


def test_not_terms_point_only_at_real_entries(report):
    """A why of not-terms.yml that sends the reader to the glossary (“X”见术语表) names an entry of it."""
    forms = {f for e in load_glossary(GLOSSARY, report) for f in e.forms}
    whys = re.findall(r"^\s+why: (.*)$", (ROOT / "seeds" / "not-terms.yml").read_text(encoding="utf-8"), re.M)
    named = [t for why in whys for t in re.findall(r"“([^”]+)”见术语表", why)]
    assert named and [t for t in named if t not in forms] == []


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_definitions_are_typeset_like_the_report(site, edition):
    """Glossary page and tooltips: no ASCII punctuation between Chinese characters (蒙古马精神 quotes 一往无前,不达)."""
    ascii_between = re.compile(r"[\u4e00-\u9fff“”][,;:!?(]|[,;:!?)][\u4e00-\u9fff“”]")
    glossary = (site / edition / "glossary/index.html").read_text(encoding="utf-8")
    texts = re.findall(r'<p class="term-def">(.*?)</p>', glossary)
    for page in (site / edition).glob("part-*/**/index.html"):
        texts += re.findall(r'<span class="term-def">(.*?)</span>', page.read_text(encoding="utf-8"))
    assert len(texts) > 300
    assert [t for t in texts if ascii_between.search(t)] == []
    assert any("一往无前，不达目的" in t or "一往無前，不達目的" in t for t in texts)


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_every_occurrence_is_marked_in_both_editions(site, edition, report):
    """Each term occurs in the text exactly as often as it is marked."""
    entries = load_glossary(GLOSSARY, report)
    forms = {f: e for e in entries for f in e.forms}
    expected = sum(len(find_spans(t, forms)) for *_, b in report.blocks() for t in (b.heading, b.body))
    marked = 0
    for page in (site / edition).glob("**/index.html"):
        rel = page.relative_to(site / edition).as_posix()
        # The default edition's folder holds the others' (zh-Hant/, en/): each is counted on its own.
        if edition == "" and rel.startswith(("zh-Hant/", "en/")) or rel.startswith(("glossary/", "metrics/", "about/")):
            continue
        marked += len(re.findall(r'<a class="term" ', page.read_text(encoding="utf-8")))
    assert expected > 150 and marked == expected


def test_terms_are_marked_in_text_not_in_attributes(site):
    html = (site / "part-3/section-3/index.html").read_text(encoding="utf-8")
    assert re.search(r'认真落实<a class="term" [^>]*>河长制</a>、<a class="term" [^>]*>林长制</a>', html)
    for tag in re.findall(r"<[^>]+>", html):
        assert "河长制" not in tag or tag.startswith("<title") or "content=" in tag, tag


def test_glossary_page_groups_and_links(site):
    html = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="c\d+">生态', html)
    entry = html[re.search(r'<h3 id="g-[0-9a-f]+">五个大起底', html).start() :]
    entry = entry[: entry.index("</div>")]
    assert "Five Major" in entry
    assert 'href="../part-1/section-3/#p1-3-1"' in entry and 'href="../part-3/section-3/#p3-3-1-4"' in entry


HOSTILE = '<script>alert(1)</script> & "><img src=x onerror=alert(2)>'


def test_markup_in_a_definition_is_refused(tmp_path, report):
    text = errors_of(tmp_path, GOOD.replace("由各级党政负责人担任“河长”。", f"'{HOSTILE}'"), report)
    assert "glossary.yml:5: 'definition' contains markup" in text


def test_definitions_stay_text(tmp_path, report, monkeypatch):
    """Defence in depth: a definition that got past the checks would still be shown as text."""
    import build_tools.annotate.load

    path = write(tmp_path, GOOD)
    entries = load_glossary(path, report)
    entries[0].definition = HOSTILE
    monkeypatch.setattr(build_tools.annotate.load, "load_glossary", lambda *args: entries)
    seeds = Seeds(report=REPORT, overrides=ROOT / "seeds/overrides.yml", glossary=path)
    edition = build_edition(seeds)
    pages = {p.src: p.markdown for p in edition.pages}
    for src in ("glossary.md", "part-3/section-3.md"):
        text = pages[src]
        assert "<script>" not in text and "<img" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in text


def test_tooltips_carry_term_english_definition_and_link(site):
    html = (site / "part-1/section-3/index.html").read_text(encoding="utf-8")
    tip = re.search(
        r'<div class="term-tip" role="tooltip" id="tip-(g-[0-9a-f]+)"><strong>五个大起底</strong>(.*?)</div>', html
    )
    assert tip and "Five Major" in tip.group(2) and f'href="../../glossary/#{tip.group(1)}"' in tip.group(2)
    assert f'aria-describedby="tip-{tip.group(1)}"' in html
