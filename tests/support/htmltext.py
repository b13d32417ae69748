"""Read a built page as a reader's text: the source-bearing elements, by id, in document order.

The product's own reader of displayed text (`build_tools.editions.search.page_blocks`,
which the exact search is built from) does the reading: the tests check the same
thing through one HTML parser, not two. Here only the report's own elements are
kept (the ids of the public scheme, README "Links and ids"), each with its own text.
"""

from __future__ import annotations

import re

from build_tools.editions.search import page_blocks

SOURCE_ID = re.compile(
    r"^(title|subtitle|meta|speaker|salutation|part-\d+|s\d+-\d+|[pt]\d+-\d+-\d+(-\d+)?|(open|close)-\d+(-\d+)?)$"
)


def source_items(html: str) -> list[tuple[str, str]]:
    """(id, text) of each source element of a page: a heading's own text, a paragraph's text."""
    items, seen = [], set()
    for block in page_blocks(html, ""):
        # The first block of an id is the element's own; text shown after it (a contents list) is not source.
        if block.id in seen or not SOURCE_ID.match(block.id):
            continue
        seen.add(block.id)
        items.append((block.id, block.heading if block.is_heading else block.text))
    return items
