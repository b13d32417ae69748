"""What GitHub Pages will serve: reproducible, no broken links, one origin."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from build_tools.mkdocs_plugin.config import load_site_config
from conftest import ROOT, build_site
from support.htmlpage import parse_page as parse

SITE_URL = load_site_config(ROOT / "mkdocs.yml").site_url
SITE_PATH = urlsplit(SITE_URL).path
LOCAL = "http://127.0.0.1/"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_is_reproducible(site, tmp_path):
    again = tmp_path / "again"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    compare = filecmp.dircmp(site, again)
    differing = _differences(compare)
    assert differing == [], f"files differ between two builds of the same commit: {differing[:10]}"


def test_twin_edition_builds_the_same_alone(site, tmp_path):
    """The zh-Hant edition built on its own indexes exactly as when built after zh-Hans."""
    alone = tmp_path / "alone"
    result = build_site(alone, config=ROOT / "mkdocs.zh-Hant.yml")
    assert result.returncode == 0, result.stderr
    for index in ("search/search_index.json", "search/lunr_index.json", "search/blocks.json"):
        assert (alone / index).read_bytes() == (site / "zh-Hant" / index).read_bytes(), index


def _differences(cmp: filecmp.dircmp, prefix: str = "") -> list[str]:
    # dircmp compares shallowly by stat; compare contents for certainty.
    out = [prefix + n for n in cmp.left_only + cmp.right_only]
    out += [prefix + n for n in cmp.common_files if Path(cmp.left, n).read_bytes() != Path(cmp.right, n).read_bytes()]
    for name, sub in cmp.subdirs.items():
        out += _differences(sub, f"{prefix}{name}/")
    return out


def _target(site: Path, page: Path, value: str) -> tuple[Path | None, str]:
    """The file and fragment an internal reference points at (None for other origins)."""
    here = LOCAL + page.relative_to(site).as_posix()
    if value.startswith(SITE_URL):
        value = LOCAL + value[len(SITE_URL) :]
    elif value.startswith(SITE_PATH):  # 404.html links from the site root, wherever it is served
        value = LOCAL + value[len(SITE_PATH) :]
    url = urlsplit(urljoin(here, value))
    if f"{url.scheme}://{url.netloc}/" != LOCAL:
        return None, ""
    path = site / unquote(url.path.lstrip("/"))
    if url.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, url.fragment


def test_no_broken_internal_links_or_anchors(site):
    ids = {p: set(parse(p).ids) for p in pages(site)}
    broken, checked = [], 0
    for page in pages(site):
        for _tag, attr, value, _ in parse(page).refs:
            if attr == "srcset" or value.startswith(("mailto:", "data:", "javascript:", "tel:")):
                continue
            target, fragment = _target(site, page, value)
            if target is None:
                continue
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {value} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in ids[target]:
                broken.append(f"{page.relative_to(site)}: {value} (no id)")
    assert checked > 2000, "the walk found too few links to be believed"
    assert broken == []


# Resources a page loads by itself (a plain <a href> a reader clicks may go anywhere).
LOADING = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "poster"),
}
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch", "preconnect", "dns-prefetch"}


def test_html_loads_nothing_from_another_origin(site):
    foreign = []
    for page in pages(site):
        for tag, attr, value, rel in parse(page).refs:
            loads = (tag, attr) in LOADING or (tag == "link" and set(rel.split()) & LOADING_RELS)
            if loads and re.match(r"^(https?:)?//", value):
                foreign.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    assert foreign == []


def test_css_loads_nothing_from_another_origin(site):
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css


def test_our_scripts_name_no_other_origin(site):
    for name in (
        "assets/edition.js",
        "zh-Hant/assets/edition.js",
        "assets/search-worker.js",
        "zh-Hant/assets/search-worker.js",
    ):
        assert not re.search(r"https?://", (site / name).read_text(encoding="utf-8")), name


def test_no_page_wakes_materials_cdn_loaders(site):
    """Material's bundle fetches mermaid from a CDN only for diagrams; the site has none."""
    for page in pages(site):
        assert 'class="mermaid"' not in page.read_text(encoding="utf-8"), page


def test_sitemap_lists_both_editions(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}part-3/section-7/</loc>" in text
    assert f"<loc>{SITE_URL}zh-Hant/part-3/section-7/</loc>" in text
