"""Find run-in topic headings: parallel short sentences inside a paragraph.

Task paragraphs are often groups, each led by a short topic sentence
(市场信心再提振。项目建设再攻坚。…). No library does this; the rule is
ours: a candidate is a sentence with no inner punctuation besides quotes,
no digits, and a modest length, followed by more text; candidates count
as headings only when at least two of them in the paragraph have about
the same length, which is what makes them parallel. Editors correct the
rare miss or false positive in seeds/overrides.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENDS = "。!！?？"
# A colon closes a lead-in (必须做到“五个更大”:一是…) as far as headings are concerned.
BREAKS = ENDS + ":："
QUOTES = "“”‘’\"'《》"
INNER_PUNCT = re.compile(r"[,，、;；:：()（）—…·]")
DIGIT = re.compile(r"[0-9０-９]")
_MARKS = re.compile(f"[“”{re.escape(BREAKS)}]")
MIN_LEN, MAX_LEN = 4, 18
# How far a heading's length may stray from its siblings' and still be parallel.
LEN_SLACK = 2


@dataclass
class Overrides:
    """Editor decisions: sentences that are, or are not, run-in headings."""

    add: set[str] = field(default_factory=set)
    remove: set[str] = field(default_factory=set)


def sentences(text: str) -> list[str]:
    """Split text after sentence-ending marks that are not inside quotes."""
    out, start, depth = [], 0, 0
    for mark in _MARKS.finditer(text):  # the quotes and marks only, not every character
        i, ch = mark.start(), mark.group()
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch in BREAKS and depth == 0:
            # Keep a closing quote that follows the mark with the sentence.
            end = i + 1
            out.append(text[start:end])
            start = end
    if start < len(text):
        out.append(text[start:])
    return out


def core_length(sentence: str) -> int:
    """Length without quotes and the final mark: what a reader perceives as the heading's size."""
    return len([c for c in sentence.rstrip(ENDS) if c not in QUOTES])


def is_candidate(sentence: str) -> bool:
    body = sentence.rstrip(ENDS)
    return (
        sentence[-1:] in ENDS
        and MIN_LEN <= core_length(sentence) <= MAX_LEN
        and not INNER_PUNCT.search(body)
        and not DIGIT.search(body)
    )


def detect(parts: list[str]) -> set[int]:
    """Indexes of the sentences that are parallel topic headings.

    The last sentence never is: a heading leads text.
    """
    candidates = [i for i, s in enumerate(parts[:-1]) if is_candidate(s)]
    if len(candidates) < 2:
        return set()
    lengths = {i: core_length(parts[i]) for i in candidates}
    best = max(sorted(set(lengths.values())), key=lambda m: sum(abs(n - m) <= LEN_SLACK for n in lengths.values()))
    chosen = {i for i, n in lengths.items() if abs(n - best) <= LEN_SLACK}
    return chosen if len(chosen) >= 2 else set()


def split_topics(text: str, overrides: Overrides | None = None) -> list[tuple[str, str]]:
    """Split a paragraph into (heading, body) groups; the lead group has no heading."""
    overrides = overrides or Overrides()
    parts = sentences(text)
    heads = detect(parts)
    heads |= {i for i, s in enumerate(parts[:-1]) if s in overrides.add}
    heads -= {i for i, s in enumerate(parts) if s in overrides.remove}
    groups: list[tuple[str, str]] = [("", "")]
    for i, sentence in enumerate(parts):
        if i in heads:
            groups.append((sentence, ""))
        else:
            heading, body = groups[-1]
            groups[-1] = (heading, body + sentence)
    return [g for g in groups if g != ("", "")]
