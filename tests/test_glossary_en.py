"""Glossary terms in English: the renderings' spans in an English block, the tooltips, the glossary page's parts."""

from __future__ import annotations

import polib
import pytest

from build_tools import cli
from build_tools.annotate.glossary import Entry, annotate, load_glossary
from build_tools.annotate.glossary_en import core, en_spans, tips_en
from build_tools.annotate.load import load_report
from build_tools.editions.translation import units
from build_tools.render.glossary_page_en import place_names_en, roman
from build_tools.seeds.english import Texts
from conftest import ROOT

HE = Entry("河长制", "River chief system", "生态", "解释", "p1", en_variants=["river chiefs"])
LIN = Entry("林长制", "Forest chief system", "生态", "解释", "p1")
FOUR = Entry("四个经济", 'The "four economies" (consumption drive)', "经济", "解释", "p1")
ECON = Entry("经济", "Economy", "经济", "解释", "p1")
STATE = Entry("国务院33条", "The State Council's 33 measures", "经济", "解释", "p1")
ENTRIES = [HE, LIN, FOUR, ECON, STATE]
BY_ID = {e.id: e for e in ENTRIES}


def spans(text: str, *entries: Entry) -> list[str]:
    return [text[a:b] for a, b, _ in en_spans(text, [(0, 1, e.id) for e in entries], BY_ID)]


@pytest.mark.parametrize(
    "text, entries, found",
    [
        ("We applied the river chief system.", [HE], ["river chief system"]),
        ("River Chief System and forest chief system", [HE, LIN], ["River Chief System", "forest chief system"]),
        ("the river  chief\nsystem", [HE], ["river  chief\nsystem"]),
        ("the river chiefs patrolled", [HE], ["river chiefs"]),
        ("the “four economies”", [FOUR], ["“four economies”"]),
        ("the State Council's 33 measures", [STATE], ["State Council's 33 measures"]),
        ("the State Council’s 33 measures", [STATE], ["State Council’s 33 measures"]),
        ("the four economies and the economy", [FOUR, ECON], ["four economies", "economy"]),
        ("a forest chief system", [HE], []),
        ("riverchief system", [HE], []),
        ("economy-wide", [ECON], ["economy"]),
        ("economic growth", [ECON], []),
    ],
)
def test_spans_of_renderings(text, entries, found):
    assert spans(text, *entries) == found


def test_the_longer_rendering_wins_where_two_overlap():
    whole = Entry("四个经济体", "four economies system", "经济", "解释", "p1")
    text = "the four economies system"
    by_id = {whole.id: whole, FOUR.id: FOUR}
    assert [text[a:b] for a, b, _ in en_spans(text, [(0, 1, whole.id), (0, 1, FOUR.id)], by_id)] == [
        "four economies system"
    ]


def test_every_occurrence_is_a_span_with_its_entry_id():
    assert en_spans("Economy, economy.", [(0, 2, ECON.id)], BY_ID) == [(0, 7, ECON.id), (9, 16, ECON.id)]


@pytest.mark.parametrize(
    "rendering, form",
    [
        ('The "four economies" (consumption drive)', "four economies"),
        ("Theory of value", "theory of value"),
        ("River  chief system", "river chief system"),
    ],
)
def test_core_form(rendering, form):
    assert core(rendering) == form


def test_tooltips_are_the_rendering_and_the_english_definition():
    texts = Texts("x.po", {(f"{HE.id}:definition", "解释"): "A system of river chiefs."})
    tip = tips_en([HE], texts)[HE.id]
    assert (tip.term, tip.en, tip.definition, tip.anchor) == (
        "河长制",
        "River chief system",
        "A system of river chiefs.",
        HE.id,
    )


def test_on_real_blocks_every_term_the_translation_carries_is_found():
    """The translation check requires each term's rendering; the spans must find each one it accepts."""
    seeds = cli.seeds_from_config(str(ROOT / "mkdocs.yml"))
    report = load_report(seeds)
    entries = load_glossary(seeds.glossary, report)
    notes, _ = annotate(report, entries)
    english = {e.msgctxt: e.msgstr for e in polib.pofile(str(ROOT / "seeds" / "en.po")) if e.msgstr}
    checked = 0
    for unit in units(report):
        marks = notes.marks.get(f"{unit.id}/body") or notes.marks.get(f"{unit.id}/heading") or []
        if unit.id not in english or not marks:
            continue
        found = {key for _, _, key in en_spans(english[unit.id], marks, {e.id: e for e in entries})}
        assert found == {key for _, _, key in marks}, unit.id
        checked += 1
    assert checked > 20


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 10, 14)] == ["I", "II", "III", "IV", "V", "IX", "X", "XIV"]


def test_place_names_in_english():
    seeds = cli.seeds_from_config(str(ROOT / "mkdocs.yml"))
    report = load_report(seeds)
    texts = Texts("x.po", {("glossary-page", "开场"): "Opening", ("glossary-page", "结束语"): "Closing"})
    names = place_names_en(report, texts)
    assert names["p1-1-1"] == "I (1)" and names["p1-0-1"] == "I"
    assert names[report.opening[0].blocks[0].id] == "Opening"
    assert names[report.closing[-1].blocks[-1].id] == "Closing"


def test_a_term_in_a_run_in_heading_is_marked_in_both_languages():
    """A glossary term in a run-in heading is marked (with its tooltip) in the Chinese and in the English."""
    from build_tools.annotate.structure import annotate_structure
    from build_tools.editions.translated import Sources, _marked
    from build_tools.parse.report import parse_file
    from build_tools.render.pages import Writer
    from build_tools.render.parallel import ParallelWriter
    from build_tools.render.urls import section_src

    report = annotate_structure(parse_file(ROOT / "tests" / "golden" / "pages" / "runin-topics.txt"))
    term = Entry("市场信心", "Market confidence", "经济", "解释", "p1")
    block = next(b for *_, b in report.blocks() if b.heading == "市场信心再提振。")
    english = {block.heading_id: "Market confidence will be boosted further.", block.id: "We will add 5,000 entities."}
    notes, _ = annotate(report, [term])
    assert f"{block.id}/heading" in notes.marks
    definitions = Texts("x.po", {(f"{term.id}:definition", "解释"): "An explanation."})
    marks = _marked(Sources(None, report, [term], notes), english, definitions)
    src = section_src(1, 1)
    words = dict.fromkeys(("HOME", "CLOSING", "CONTINUED", "UNOFFICIAL", "ABOUT_LINK", "SHOW_ALL", "HIDE_ALL"), "x")
    words.update(PERMALINK="Permanent link", CONTENTS="Contents", TERM_MORE="More", ORIGINAL="Chinese original")
    for writer in (Writer(report, notes), ParallelWriter(report, english, words, marks)):
        page = next(p.markdown for p in writer.pages() if p.src == src)
        heading = next(line for line in page.splitlines() if line.endswith(f"{{ #{block.heading_id} }}"))
        assert f'data-term="{term.id}"' in heading, heading
        assert f'id="tip-{term.id}"' in page
