"""The built site (zh-Hans): pages, headings, anchors, typesetting, and nothing lost."""

import json
import re

import pytest

from build_tools.annotate.structure import annotate_structure
from build_tools.parse.punct import to_source
from build_tools.parse.report import parse_file
from conftest import REPORT
from support.htmltext import source_items

SECTIONS = {1: 6, 2: 0, 3: 9}


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


NEXT = re.compile(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"')


def nav_order(site, edition=""):
    """The pages a reader meets following "next" from the home page (MkDocs' footer follows the nav)."""
    path, seen = site / edition / "index.html", []
    while path not in seen:
        seen.append(path)
        link = NEXT.search(path.read_text(encoding="utf-8"))
        if not link:
            return seen
        path = (path.parent / link.group(1) / "index.html").resolve()
    raise AssertionError(f"the next links loop back to {path}")


def reading_order(site, edition=""):
    """Every source element of the site, page after page in nav order, each page in document order."""
    return [item for path in nav_order(site, edition) for item in source_items(path.read_text(encoding="utf-8"))]


def test_nothing_lost(site):
    # Across pages: each character of the source once, in the report's order, as "next" leads.
    text = "".join(t for _, t in reading_order(site))
    source = REPORT.read_text(encoding="utf-8")
    strip = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - layout whitespace is not content
    assert strip(to_source(text)) == strip(source)


@pytest.mark.parametrize("edition", ["", "zh-Hant"])
def test_paragraphs_follow_the_report_across_pages(site, edition):
    # Each paragraph's line in the source file is the order to keep, in both editions.
    report = annotate_structure(parse_file(REPORT))
    lines = {p.id: p.line for _, _, p in report.paragraphs()}
    shown = [i for i, _ in reading_order(site, edition) if i in lines]
    assert shown == sorted(lines, key=lines.get)


def test_every_part_and_subsection_has_a_page(site):
    for n, count in SECTIONS.items():
        assert f'id="part-{n}"' in page(site, f"part-{n}")
        for m in range(1, count + 1):
            assert f'<h1 id="s{n}-{m}">' in page(site, f"part-{n}/section-{m}")
    assert not (site / "part-3/section-10").exists()


def test_glued_subsection_title(site):
    html = page(site, "part-3/section-7")
    assert '<h1 id="s3-7">（七）坚持以民为本，切实提高人民生活品质' in html
    assert "<title>（七）坚持以民为本，切实提高人民生活品质" in html


def test_runin_headings_are_headings_with_anchors_in_the_toc(site):
    html = page(site, "part-3/section-1")
    assert re.search(r'<h2 id="t3-1-1-2">市场信心再提振。<a class="headerlink" href="#t3-1-1-2"', html)
    toc = html[html.index('data-md-component="toc"') :]
    for n in range(2, 8):
        assert f'href="#t3-1-1-{n}"' in toc


def test_every_paragraph_has_a_permalink(site):
    html = page(site, "part-1/section-2")
    for pid in re.findall(r'<p id="(p[\d-]+)"', html):
        assert f'<a class="headerlink" href="#{pid}"' in html


def test_sidebar_follows_the_report(site):
    html = page(site, "part-1/section-3")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    order = [
        nav.index(t)
        for t in (
            "首页",
            "一、2022年工作回顾",
            "（三）践行生态优先",
            "二、2023年",
            "三、今年政府工作的主要任务",
            "结束语",
        )
    ]
    assert order == sorted(order)


def test_prev_next_in_reading_order(site):
    html = page(site, "part-1/section-6")
    footer = html[html.index("md-footer__inner") :]
    assert 'href="../section-5/"' in footer and 'href="../after/"' in footer
    footer = page(site, "part-1/after")[page(site, "part-1/after").index("md-footer__inner") :]
    assert 'href="../section-6/"' in footer and 'href="../../part-2/"' in footer


def test_part_closing_paragraphs_follow_its_subsections(site):
    """A part's paragraphs after its subsections have their own page, titled from the part's heading."""
    html = page(site, "part-1/after")
    assert '<h1 id="part-1-after">一、2022年工作回顾（续）' in html
    assert [i for i, _ in source_items(html) if i.startswith("p1-")] == [f"p1-0-{k}" for k in range(2, 7)]
    assert [i for i, _ in source_items(page(site, "part-1")) if i.startswith("p1-")] == ["p1-0-1"]
    assert not (site / "part-3/after").exists()  # part 三 ends with its last subsection


MOVED = re.compile(r'<script class="moved-ids" data-to="([^"]+)">\(function\(\)\{var ids=(\[[^]]*\]);')


@pytest.mark.parametrize("edition", ["", "zh-Hant"])
def test_old_links_to_moved_paragraphs_are_forwarded(site, edition):
    # Every id on a part's after page was on the part page before: the part page forwards each one.
    afters = sorted((site / edition).glob("part-*/after/index.html"))
    assert afters
    for after in afters:
        part = after.parent.parent / "index.html"
        to, ids = MOVED.search(part.read_text(encoding="utf-8")).groups()
        assert (part.parent / to / "index.html").resolve() == after.resolve()
        on_page = re.findall(r'id="([pt]\d+-0-[\d-]+)"', after.read_text(encoding="utf-8"))
        assert sorted(json.loads(ids)) == sorted(on_page)


def test_language_and_typesetting(site):
    html = page(site, "part-1/section-1")
    assert '<html lang="zh-Hans"' in html
    assert "（一）坚持稳字当头，在攻坚克难中稳住经济大盘" in html
    text = "".join(t for _, t in source_items(html))
    assert not re.search(r"[\u4e00-\u9fff][,;:!(]|[,;:!)][\u4e00-\u9fff]", text)
    assert "83.8%" in text


def test_home_page(site):
    html = page(site, ".")
    for text in (
        "政府工作报告",
        "2023年1月1日在乌海市第十届人民代表大会第二次会议上",
        "乌海日报",
        "2023-01-06",
        "乌海市人民政府市长 杨 进",
        "各位代表：",
        'href="part-3/section-7/"',
        'href="closing/"',
    ):
        assert text in html


def test_about_page(site):
    html = page(site, "about")
    assert "非官方" in html and "标点" in html and "issue" in html


def test_no_web_fonts(site):
    html = page(site, ".")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
