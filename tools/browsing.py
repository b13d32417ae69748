"""What the measurements share in the browser: a phone's context, the bytes an action fetches, opening search."""

from __future__ import annotations

from typing import Any

PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def transfer_sizes(context, action) -> dict[str, int]:
    """Bytes on the wire per URL for what `action()` fetches in `context`: encoded body + response headers.

    Sizes come from Playwright's `request.sizes()` (responseBodySize is the
    encoded, i.e. gzipped, body; responseHeadersSize the raw headers); requests
    from the page and its workers are both counted. Chromium reports no body
    size for a worker's own script (0), so for those the response's
    Content-Length (also the encoded size) is used; their URLs end in " *".
    """
    finished = []

    def record(request):
        finished.append(request)

    context.on("requestfinished", record)
    action()
    context.remove_listener("requestfinished", record)
    sizes: dict[str, int] = {}
    for request in finished:
        s = request.sizes()
        body, url = s["responseBodySize"], request.url
        if body <= 0:
            body = int(request.response().headers.get("content-length") or 0)
            url += " *" if body else ""
        sizes[url] = sizes.get(url, 0) + body + s["responseHeadersSize"]
    return sizes


# A word of the genre (every government work report speaks of 建设), not of this report.
QUERY = "建设"


def open_search(page) -> None:
    """Open the search dialog as a reader would (the header's search button) and type a query."""
    page.click('label.md-header__button[for="__search"]')
    page.fill("input.md-search__input", QUERY)
    page.press("input.md-search__input", "End")  # Material reads the query on keyup
    page.wait_for_function("() => /\\d|没有|沒有/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)


def short(url: str, base_url: str) -> str:
    return url[len(base_url) :] if url.startswith(base_url) else url


def print_sizes(sizes: dict[str, int], base_url: str) -> None:
    for url, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"      {n / 1000:7.1f} KB  {short(url, base_url)}")
