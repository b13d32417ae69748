"""Links from the site to the repository: edit a glossary entry at its line, report an error on a page."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import material
import pytest

from conftest import ROOT
from tools import devserver

REPO = "https://github.com/wuhai-report/edition"


def seed_line(name: str, text: str) -> int:
    lines = (ROOT / "seeds" / name).read_text(encoding="utf-8").splitlines()
    return next(k for k, line in enumerate(lines, 1) if line == text)


def test_glossary_entry_links_to_its_line(site):
    line = seed_line("glossary.yml", "- term: 五个大起底")
    href = f"{REPO}/blob/main/seeds/glossary.yml#L{line}"
    for edition, label in (("", "编辑此词条"), ("zh-Hant/", "編輯此詞條")):
        page = (site / edition / "glossary" / "index.html").read_text(encoding="utf-8")
        entry = re.search(
            r'<h3 id="g-[0-9a-f]+">五个大起底.*?</div>' if not edition else r'<h3 id="g-[0-9a-f]+">五個大起底.*?</div>',
            page,
            re.S,
        )
        assert entry and f'<a href="{href}">{label}</a>' in entry.group(0)


def test_every_page_has_a_report_error_link(site):
    for path, address in (
        ("part-1/section-1/index.html", "https://wuhai-report.github.io/edition/part-1/section-1/"),
        ("zh-Hant/glossary/index.html", "https://wuhai-report.github.io/edition/zh-Hant/glossary/"),
    ):
        page = (site / path).read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]+)" target="_blank" rel="noopener" data-report-error>([^<]+)</a>', page)
        assert link, path
        url = urlsplit(html.unescape(link.group(1)))
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
        body = parse_qs(url.query)["body"][0]
        page_word = "頁面" if path.startswith("zh-Hant") else "页面"
        assert body.startswith(f"{page_word}：{address}\n段落：\n")
        assert link.group(2) == ("報告錯誤" if path.startswith("zh-Hant") else "报告错误")


def test_header_repository_link_is_material_s_own_minus_the_fetch():
    """Pinned to Material's partial: if Material changes it, this override must be looked at again."""
    stock = Path(material.__file__).parent / "templates" / "partials" / "source.html"
    ours = (ROOT / "overrides" / "partials" / "source.html").read_text(encoding="utf-8")
    strip = lambda t: re.sub(r"\{#-.*?-#\}\s*", "", t, flags=re.S)  # noqa: E731 - comments differ
    assert strip(ours) == strip(stock.read_text(encoding="utf-8")).replace(' data-md-component="source"', "")


@pytest.mark.browser
def test_report_error_link_adds_the_paragraph_on_click(site, browser):
    """No request until clicked; the click puts the paragraph id of the address into the new issue."""
    server, base = devserver.serve(site)
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(base + "part-1/section-1/#p1-1-1")
        link = page.locator("[data-report-error]")
        # Stop the navigation itself: this test must not reach GitHub.
        link.evaluate("a => a.addEventListener('click', e => e.preventDefault())")
        link.click()
        body = parse_qs(urlsplit(link.get_attribute("href")).query)["body"][0]
        assert "\n段落：p1-1-1\n" in body
        assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests), requests
    finally:
        context.close()
        server.shutdown()
        server.server_close()
