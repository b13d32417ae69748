"""`make search-bench`: search alone, per edition.

The share of sampled phrases whose first result holds them, and the bytes opening search fetches.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.annotate.load import load_report
from tools.browsing import PHONE, QUERY, open_search, print_sizes, transfer_sizes
from tools.devserver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    serve,
)

SAMPLE_SEED = 2023


SAMPLE_SIZE = 50


HAN = re.compile(r"[\u4e00-\u9fff]+")


def sample_phrases(text: str, seed: int = SAMPLE_SEED, size: int = SAMPLE_SIZE) -> dict[str, list[str]]:
    """Phrases a reader might remember, drawn from the displayed text by a fixed seed.

    "words": jieba's words and two-word phrases of 2-6 Han characters that occur
    1-3 times in the text; "substrings": spans of 4-8 characters of one line of
    the text, punctuation and digits included (each must be found exactly).
    """
    import random

    from build_tools.editions.search_support import tokenizer_with

    with tokenizer_with({}) as tokenizer:
        words = [w for w in tokenizer.lcut(text) if w.strip()]
    candidates = set()
    for i, w in enumerate(words):
        for phrase in (w, w + words[i + 1] if i + 1 < len(words) else ""):
            if 2 <= len(phrase) <= 6 and HAN.fullmatch(phrase) and 1 <= text.count(phrase) <= 3:
                candidates.add(phrase)
    rng = random.Random(seed)
    picked = rng.sample(sorted(candidates), min(size, len(candidates)))
    lines = [line for line in text.splitlines() if len(line) >= 8]
    spans = []
    for _ in range(size):
        line = rng.choice(lines)
        n = rng.randint(4, 8)
        start = rng.randrange(len(line) - n + 1)
        spans.append(line[start : start + n])
    return {"words": picked, "substrings": spans}


def first_results(page, query: str) -> tuple[str | None, str | None]:
    """Type `query` into the open search dialog: the href of the first result link, and of the first
    link to a place in a page (#id); None when there is none."""
    box = page.locator("input.md-search__input")
    answered = "() => /\\d|没有|沒有/.test(document.querySelector('.md-search-result__meta').textContent)"
    box.fill("")
    box.press("End")
    page.wait_for_function(f"() => !({answered})()", polling=20)
    box.fill(query)
    box.press("End")
    page.wait_for_function(answered, polling=20)
    return page.evaluate("""() => {
      const first = document.querySelector('.md-search-result__list a');
      const deep = document.querySelector('.md-search-result__list a[href*="#"]');
      return [first && first.href, deep && deep.href];
    }""")


# The text a link leads to: the block with that id (a heading: up to the next heading of its level
# or above), or the whole article when the link has no #anchor.
TARGET_TEXT = """id => {
  const article = document.querySelector('article');
  if (!id) return article.innerText;
  const el = document.getElementById(id);
  if (!el) return '';
  if (!/^H[1-6]$/.test(el.tagName)) return el.innerText;
  const level = +el.tagName[1];
  let text = el.innerText, n = el;
  const next = node => node.nextElementSibling || (node.parentElement !== article && node.parentElement
      ? next(node.parentElement) : null);
  while ((n = next(n))) {
    const h = n.matches('h1,h2,h3,h4,h5,h6') ? n : n.querySelector('h1,h2,h3,h4,h5,h6');
    if (h && +h.tagName[1] <= level) break;
    text += n.innerText;
  }
  return text;
}"""


def holds(viewer, href: str | None, phrase: str, cache: dict) -> bool:
    """Whether the place `href` leads to (its block, or its page without #anchor) says `phrase`."""
    from urllib.parse import urlsplit

    if not href:
        return False
    url = urlsplit(href)
    key = (url.path, url.fragment)
    if key not in cache:
        if urlsplit(viewer.url).path != url.path:
            viewer.goto(f"{url.scheme}://{url.netloc}{url.path}")
        cache[key] = viewer.evaluate(TARGET_TEXT, url.fragment)
    return phrase in cache[key]


def search_edition(browser, base_url: str, edition: str, queries: list[tuple[str, str]]):
    """Run (query typed, phrase of the text) pairs in one edition: how many first results, and how
    many first links to a place in a page, hold the phrase; and the queries whose first result does not."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page, viewer = context.new_page(), context.new_page()
    page.goto(base_url + edition, wait_until="networkidle")
    page.keyboard.press("/")
    first_hits, deep_hits, misses = 0, 0, []
    cache: dict = {}
    for typed, phrase in queries:
        first, deep = first_results(page, typed)
        first_hits += holds(viewer, first, phrase, cache)
        deep_hits += holds(viewer, deep, phrase, cache)
        if not holds(viewer, first, phrase, cache):
            misses.append(f"{typed} -> {first and first[len(base_url) :]}")
    context.close()
    return first_hits, deep_hits, misses


def search_bench(site: Path, seeds) -> None:
    """Print, per edition, the share of sampled phrases whose first search result holds them
    (typed in the edition's script and in the other one), and the bytes opening search fetches."""
    from playwright.sync_api import sync_playwright

    from build_tools.editions.transform import converter
    from build_tools.model import displayed_text
    from build_tools.parse.punct import to_display

    text = to_display(displayed_text(load_report(seeds)))
    samples = sample_phrases(text)
    hant = converter(seeds, "s2tw")
    server, base_url = serve(site)
    print(
        f"  search, first result holds the phrase (seed {SAMPLE_SEED}; "
        f"{', '.join(f'{len(v)} {k}' for k, v in samples.items())}):"
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for edition, own, other in (("", lambda s: s, hant), ("zh-Hant/", hant, lambda s: s)):
                name = edition.rstrip("/") or "zh-Hans"
                for kind, phrases in samples.items():
                    for script, conv in (("own script", own), ("other script", other)):
                        queries = [(conv(q), own(q)) for q in phrases]
                        if script == "other script" and all(a == b for a, b in queries):
                            continue
                        hits, deep, misses = search_edition(browser, base_url, edition, queries)
                        n = len(queries)
                        print(
                            f"    {name:8} {kind:10} typed in {script:12}: first result {hits:3}/{n}"
                            f" ({100 * hits / n:.0f}%), first link into a page {deep:3}/{n} ({100 * deep / n:.0f}%)"
                        )
                        for miss in misses[:5]:
                            print(f"        miss: {miss}")
                context = browser.new_context(**PHONE)
                page = context.new_page()
                page.goto(base_url + edition, wait_until="networkidle")
                sizes = transfer_sizes(context, lambda page=page: open_search(page))
                context.close()
                print(f"    {name:8} opening search and typing {QUERY} fetches {sum(sizes.values()) / 1000:.1f} KB:")
                print_sizes(sizes, base_url)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
