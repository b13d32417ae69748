"""The English edition (/en/): a twin of every zh-Hans page with the same ids, each block its translation,
each Chinese original on the page marked lang="zh-Hans", no Chinese elsewhere, strict about its PO files."""

from __future__ import annotations

import json
import re
from html import unescape

import polib
import pytest

from conftest import ROOT, build_site
from support import langtext
from support.htmltext import source_items
from support.project import copy_project

EN = "en/"
PO = polib.pofile(str(ROOT / "seeds" / "en.po"))
UI = polib.pofile(str(ROOT / "seeds" / "en-ui.po"))
ENGLISH = {e.msgctxt: e.msgstr for e in PO}
CHINESE = {e.msgctxt: e.msgid for e in PO}
# The stand-ins the English glossary and metrics pages replace: their zh-Hans text under an English note.


def zh_pages(site):
    """Every HTML page of the zh-Hans edition (not the other editions' folders), relative to the site."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in ("zh-Hant", "en")
    )


def en_page(site, rel: str) -> str:
    return (site / EN / rel).read_text(encoding="utf-8")


def report_pages(site) -> list[str]:
    """The English report pages: those that carry a block of the report."""
    return [rel for rel in zh_pages(site) if 'class="parallel"' in en_page(site, rel)]


def test_every_zh_hans_page_has_an_english_twin_with_every_id(site):
    """Every id (the public ones of README's table, Material's own and the glossary tooltips') is on the twin."""
    pages = zh_pages(site)
    assert len(pages) > 20
    for rel in pages:
        assert (site / EN / rel).exists(), rel
        zh_ids = set(langtext.read((site / rel).read_text(encoding="utf-8")).ids)
        en_ids = set(langtext.read(en_page(site, rel)).ids)
        assert zh_ids <= en_ids, (rel, sorted(zh_ids - en_ids)[:5])


def test_the_english_pages_say_they_are_english(site):
    for rel in zh_pages(site):
        assert '<html lang="en"' in en_page(site, rel), rel


def _shown(text: str) -> str:
    return " ".join(text.replace("¶", "").split())


def test_every_unit_shows_its_translation_and_every_translation_is_shown(site):
    shown: dict[str, str] = {}
    for rel in report_pages(site):
        shown.update((i, _shown(t)) for i, t in source_items(en_page(site, rel)) if i in ENGLISH)
    home = en_page(site, "index.html")
    meta = re.search(r'<dl id="meta".*?</dl>', home, re.S).group(0)
    items = re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", meta)
    shown |= {f"meta-{k}": _shown(unescape(f"{dt} {dd}")) for k, (dt, dd) in enumerate(items, 1)}
    assert set(shown) >= set(ENGLISH) - {"title"} and shown.keys() <= ENGLISH.keys()
    for uid, text in shown.items():
        assert text == _shown(ENGLISH[uid]), uid
    assert _shown(source_items(home)[0][1]) == ENGLISH["title"]


def test_every_block_carries_its_chinese_original(site):
    originals: dict[str, str] = {}
    for rel in report_pages(site):
        originals |= langtext.read(en_page(site, rel)).originals
    blocks = {i for i in ENGLISH if re.match(r"^(p\d|open-|close-|subtitle|speaker|salutation)", i)}
    assert blocks <= originals.keys(), sorted(blocks - originals.keys())[:5]
    for uid in blocks:
        assert originals[uid] == CHINESE[uid], uid


def test_every_heading_has_its_chinese_under_it(site):
    page = en_page(site, "part-3/section-1/index.html")
    zh = CHINESE["s3-1"]
    assert re.search(r'id="s3-1".*?</h1>\s*<p class="zh-heading"[^>]*lang="zh-Hans"[^>]*>' + re.escape(zh), page, re.S)
    assert re.search(
        r'id="t3-1-1-2".*?</h2>\s*<p class="zh-heading"[^>]*lang="zh-Hans"[^>]*>市场信心再提振。', page, re.S
    )


def _given_in_parentheses(text: str) -> str:
    """English text without the Chinese terms it gives on purpose, in parentheses after their rendering."""
    return re.sub(r"\((\s*[^()]*?)\)", lambda m: "" if langtext.HAN.search(m.group(1)) else m.group(0), text)


def test_no_chinese_outside_chinese_elements(site):
    """Chinese only where marked lang="zh-*" (originals, terms, the language menu's names) or given in parentheses."""
    for rel in sorted(zh_pages(site)):
        text = "".join(langtext.read(en_page(site, rel)).outside)
        left = langtext.HAN.findall(_given_in_parentheses(text))
        assert not left, (rel, left[:5])


def test_every_report_page_says_the_translation_is_unofficial_and_links_the_about_page(site):
    pages = report_pages(site)
    assert len(pages) > 20
    for rel in pages:
        note = re.search(r'<p class="translation-note".*?</p>', en_page(site, rel), re.S)
        assert note and "unofficial translation" in note.group(0), rel
        assert re.search(r'href="(\.\./)*about/"', note.group(0)), rel
        assert 'class="originals-all"' in note.group(0), rel


def test_the_about_page_is_in_english_and_says_what_the_issue_asks(site):
    about = en_page(site, "about/index.html")
    for phrase in ("unofficial", "our own translation", "the editors of this edition", "Report an error"):
        assert phrase in about, phrase
    assert not (site / EN / "about.en").exists() and not (site / "about.en").exists()
    assert "关于本版" in (site / "about/index.html").read_text(encoding="utf-8")


def test_the_report_error_link_is_in_english(site):
    page = en_page(site, "part-3/section-1/index.html")
    link = re.search(r'<p class="report-error"><a href="([^"]+)"[^>]*>([^<]+)</a>', page)
    assert link and link.group(2) == "Report an error"
    assert "title=Report+an+error%3A+" in link.group(1) and "Paragraph%3A+%0A%0A" in link.group(1)


def test_selector_hreflang_and_sitemap_cover_all_three_editions(site):
    paths = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}
    rel = "part-3/section-1/"
    for here, path in paths.items():
        page = (site / path / rel / "index.html").read_text(encoding="utf-8")
        up = "../" * (rel.count("/") + path.count("/"))
        for lang, other in paths.items():
            assert f'href="https://wuhai-report.github.io/edition/{other}{rel}" hreflang="{lang}"' in page
            if lang != here:
                assert f'<a href="{up}{other}{rel}" hreflang="{lang}"' in page, (here, lang)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in paths.values():
        assert f"<loc>https://wuhai-report.github.io/edition/{path}{rel}</loc>" in sitemap


def test_english_search_data_holds_the_english_and_not_the_hidden_originals(site):
    data = json.loads((site / EN / "search/blocks.json").read_text(encoding="utf-8"))
    report = {n for n, (url, _, kind) in enumerate(data["pages"]) if kind == "report"}
    texts = {b[1]: b[3] for b in data["blocks"] if b[0] in report}
    assert _shown(texts["p3-1-1-2"]) == _shown(ENGLISH["p3-1-1-2"])
    chinese = [i for i, t in texts.items() if langtext.HAN.search(_given_in_parentheses(t))]
    assert not chinese, chinese[:5]


# -- strict builds ---------------------------------------------------------------------------------------


def _line_of(path, msgctxt: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == msgctxt)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('msgid "市场信心再提振。"', 'msgid "市场信心提振。"', "t3-1-1-2: the Chinese has changed"),
        ('msgstr "We will further boost market confidence."', 'msgstr ""', "t3-1-1-2: not translated"),
        ('msgctxt "t3-1-1-2"', '#, fuzzy\nmsgctxt "t3-1-1-2"', "t3-1-1-2: marked fuzzy"),
    ],
    ids=["changed-chinese", "untranslated", "fuzzy"],
)
def test_strict_build_fails_on_a_missing_or_fuzzy_translation_with_its_line(tmp_path, old, new, message):
    project = copy_project(ROOT, tmp_path)
    po = project / "seeds" / "en.po"
    line = _line_of(po, 'msgctxt "t3-1-1-2"')
    text = po.read_text(encoding="utf-8")
    assert text.count(old) == 1
    po.write_text(text.replace(old, new), encoding="utf-8")
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0
    assert f"seeds/en.po:{line}: {message}" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_strict_build_fails_on_a_stale_ui_label_with_its_line(tmp_path):
    project = copy_project(ROOT, tmp_path)
    po = project / "seeds" / "en-ui.po"
    line = _line_of(po, 'msgctxt "CONTENTS"')
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "目录"', 'msgid "目次"'), encoding="utf-8")
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0
    assert f"seeds/en-ui.po:{line}: CONTENTS: the label is now '目录'" in result.stdout + result.stderr


def test_every_label_is_translated_and_the_labels_file_is_well_formed():
    from build_tools.editions.ui_labels import load_labels
    from build_tools.render import labels

    assert {e.msgctxt for e in UI} == set(labels.table())
    words = load_labels(ROOT / "seeds" / "en-ui.po", strict=True)
    assert not [k for k, v in words.items() if langtext.HAN.search(v)]


def test_labels_template_merges_into_the_labels_file(tmp_path, monkeypatch):
    """seeds/README's way to bring the labels file up to date: po-template --labels, then msgmerge."""
    import subprocess

    from build_tools import cli
    from build_tools.render import labels

    monkeypatch.chdir(ROOT)
    pot = tmp_path / "en-ui.pot"
    assert cli.main(["po-template", "--labels", str(pot)]) == 0
    assert [(e.msgctxt, e.msgid) for e in polib.pofile(str(pot))] == list(labels.table().items())
    merged = tmp_path / "en-ui.po"
    subprocess.run(["msgmerge", "--quiet", "-o", str(merged), str(ROOT / "seeds" / "en-ui.po"), str(pot)], check=True)
    assert {e.msgctxt: e.msgstr for e in polib.pofile(str(merged))} == {e.msgctxt: e.msgstr for e in UI}
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(ROOT / "seeds" / "en-ui.po")], check=True)


@pytest.mark.parametrize(
    "old, new, message, strict_only",
    [
        ('msgstr "Contents"', 'msgstr "目录 Contents"', "CONTENTS: Chinese '目录' in the translation", False),
        ('msgctxt "CONTENTS"', 'msgctxt "CONTENT"', "CONTENT: no such label; remove the entry", True),
        ('msgstr "Contents"', 'msgstr ""', "CONTENTS: not translated", True),
    ],
    ids=["chinese", "unknown", "untranslated"],
)
def test_labels_file_problems_name_their_line(tmp_path, old, new, message, strict_only):
    from build_tools.editions.ui_labels import load_labels
    from build_tools.seeds.errors import SeedError

    path = tmp_path / "en-ui.po"
    source = (ROOT / "seeds" / "en-ui.po").read_text(encoding="utf-8")
    path.write_text(source.replace(old, new), encoding="utf-8")
    line = _line_of(path, 'msgctxt "CONTENT"' if "CONTENT:" in message else 'msgctxt "CONTENTS"')
    notes: list[str] = []
    if strict_only:
        load_labels(path, strict=False, report=notes)
        assert [n for n in notes if f"en-ui.po:{line}: {message}" in n], notes
    with pytest.raises(SeedError, match=re.escape(f"en-ui.po:{line}: {message}")):
        load_labels(path, strict=True)


def test_terms_in_the_english_text_carry_english_tooltips(site):
    """Each marked rendering has its tooltip on the page: the rendering, the Chinese term, an English definition."""
    marked = 0
    for rel in report_pages(site):
        page = en_page(site, rel)
        terms = set(re.findall(r'<a class="term"[^>]*data-term="([^"]+)"', page))
        tips = dict(re.findall(r'<div class="term-tip" role="tooltip" id="tip-([^"]+)">(.*?)</div>', page, re.S))
        assert terms == set(tips), rel
        for key in terms:
            outside = re.sub(r'<span [^>]*lang="zh-Hans"[^>]*>.*?</span>', "", tips[key])
            assert not langtext.HAN.search(unescape(re.sub(r"<[^>]+>", "", outside))), (rel, key)
        marked += len(terms)
    assert marked > 100


def test_the_english_glossary_gives_every_entry_pinyin_and_an_english_definition(site):
    page = en_page(site, "glossary/index.html")
    zh = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    entries = set(re.findall(r'<h3 id="(g-[0-9a-f]+)"', zh))
    assert entries and entries == set(re.findall(r'<h3 id="(g-[0-9a-f]+)"', page))
    assert len(re.findall(r'lang="zh-Latn-pinyin"', page)) >= len(entries)
    assert "wǔ gè dà qǐ dǐ" in page and "Inner Mongolia Autonomous Region in 2022" in page


def test_the_english_metrics_page_keeps_estimates_statuses_and_verdicts(site):
    text = unescape(re.sub(r"<[^>]+>", " ", en_page(site, "metrics/index.html")))
    assert "estimated" in text.lower() and "not met" in text.lower() and "no verdict" in text.lower()
    assert not re.search(r"\bcompleted\b[^.]{0,40}\b186\b", text)


def _glance_html(page: str) -> str:
    return page[page.index('id="metrics-glance"') : page.index('id="contents"')]


def test_the_home_glance_is_in_english_with_the_chinese_links(site):
    """The English home page shows the figures at a glance in English (not the Chinese under an English
    heading), each linked to the same paragraph as in the Chinese home page."""
    en = _glance_html(en_page(site, "index.html"))
    zh = _glance_html((site / "index.html").read_text(encoding="utf-8"))
    assert 'lang="zh-Hans"' not in en and not langtext.HAN.findall(en), en[:300]
    assert re.findall(r'href="([^"]+)"', en) == re.findall(r'href="([^"]+)"', zh)
    assert "estimated: up about 4%" in en


def test_strict_build_checks_the_english_pages_texts_before_writing_anything(tmp_path):
    """A stale text of the English glossary or metrics page stops the strict build with its line, before
    any edition is written (the pages themselves are rendered later, in the English edition's build)."""
    project = copy_project(ROOT, tmp_path)
    po = project / "seeds" / "en-metrics.po"
    line = _line_of(po, 'msgid "查看全部数字与下载"') - 1  # an entry's line is its first, the msgctxt
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "查看全部数字与下载"', 'msgid "查看全部数字"'), "utf-8")
    result = build_site(project / "site", cwd=project)
    assert result.returncode != 0
    assert f"seeds/en-metrics.po:{line}: metrics-page: obsolete" in result.stdout + result.stderr
    assert not (project / "site").exists()
