"""The site's navigation as plain data: the report's own hierarchy, then the pages mkdocs.yml names."""

from __future__ import annotations

from collections.abc import Callable

from build_tools.render.pages import Page


def site_nav(pages: list[Page], tail: list, convert: Callable[[str], str]) -> list:
    """A MkDocs-style nav: each part with its sections, the other generated pages, then ``tail`` (titles converted)."""
    nav: list = []
    for page in pages:
        depth = page.src.count("/")
        if page.src.endswith("/index.md"):
            nav.append({page.title: [page.src]})
        elif depth:
            nav[-1][next(iter(nav[-1]))].append(page.src)
        else:
            nav.append({page.title: page.src})
    return nav + [_convert_nav(item, convert) for item in tail]


def _convert_nav(item, convert: Callable[[str], str]):
    """A nav item of mkdocs.yml with its titles in the edition's text (file names unchanged)."""
    if isinstance(item, dict):
        return {convert(k): _convert_nav(v, convert) for k, v in item.items()}
    if isinstance(item, list):
        return [_convert_nav(v, convert) for v in item]
    return item
