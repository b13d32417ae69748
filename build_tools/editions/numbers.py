"""Numbers written with Arabic digits, read by value in Chinese and in English text.

The translation check compares figures by value: 184.8亿 in the Chinese is
18.48 billion in the English, 14万 is 140,000, 4% is 4 percent. Years, dates
and codes (2022, 2023-01-06, S217, PM2.5, 12345, 1,4-丁二醇) are digits like any
other and must come through unchanged. Numbers written in words (三年, 二十大)
are not figures here.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

# Digits with optional thousands separators and decimals: 8897, 8,897, 83.6.
# "1,4" is two numbers: a separator is always followed by three digits.
DIGITS = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
ZH_SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# 千 and 百 are not scales here: after digits they usually start a unit (110千伏, 35千瓦).
ZH_NUMBER = re.compile(rf"({DIGITS})(余)?(万亿|万|亿)?")
# A range written once with its scale: 50—100万 is 500,000 to 1,000,000.
ZH_RANGE_SEPARATORS = "—–-~～至到"
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_NUMBER = re.compile(rf"({DIGITS})(?:[ \u00a0-]?(thousand|million|billion|trillion)\b)?", re.IGNORECASE)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
EN_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")


def _value(digits: str, scale: int = 1) -> Decimal:
    return Decimal(digits.replace(",", "")) * scale


def zh_figures(text: str) -> list[tuple[str, Decimal]]:
    """Every Arabic-numeral figure of a Chinese text, as (as written, value), in order.

    The scale 万/亿 that follows a number (also after 余: 10余万) is applied; in a range
    whose first number has no scale (50—100万), the second number's scale applies to both.
    """
    found = [
        (m.group(0), m.group(1), ZH_SCALES.get(m.group(3) or "", 1), m.start(), m.end())
        for m in ZH_NUMBER.finditer(text)
    ]
    out = []
    for k, (written, digits, scale, _start, end) in enumerate(found):
        if scale == 1 and k + 1 < len(found):
            nxt = found[k + 1]
            if nxt[2] != 1 and nxt[3] == end + 1 and text[end] in ZH_RANGE_SEPARATORS:
                scale = nxt[2]
        out.append((written, _value(digits, scale)))
    return out


def en_numbers(text: str) -> list[tuple[str, Decimal]]:
    """Every number written with digits in an English text, as (as written, value).

    A scale word applies: 18.48 billion, 49.3 million, 140 thousand. A month's name
    stands for its number, as English writes dates (1月1日 is January 1, 1-11月 January to November).
    """
    numbers = [
        (m.group(0), _value(m.group(1), EN_SCALES.get((m.group(2) or "").lower(), 1))) for m in EN_NUMBER.finditer(text)
    ]
    return numbers + [(m.group(0), Decimal(MONTHS.index(m.group(0)) + 1)) for m in EN_MONTH.finditer(text)]


def missing_figures(zh: str, en: str) -> list[tuple[str, Decimal]]:
    """Figures of the Chinese that the English lacks, counting repeats (two 4% need two 4s)."""
    have = Counter(value for _, value in en_numbers(en))
    missing = []
    for written, value in zh_figures(zh):
        if have[value] > 0:
            have[value] -= 1
        else:
            missing.append((written, value))
    return missing


def english(value: Decimal) -> str:
    """How English convention writes a value: 18.48 billion, 140,000, 83.6."""
    for word, scale in (("billion", 10**9), ("million", 10**6)):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value, grouped=True)


def _plain(value: Decimal, grouped: bool = False) -> str:
    text = format(value.normalize(), "f")
    whole, dot, frac = text.partition(".")
    if grouped and len(whole) > 4:  # four digits may be a year (2022); a larger number is grouped
        whole = f"{int(whole):,}"
    return whole + dot + frac
