"""Chinese numerals as used in report headings (一 … 九十九)."""

DIGITS = "零一二三四五六七八九"
NUMERAL_CHARS = DIGITS[1:] + "十"


def numeral_value(numeral: str) -> int:
    """The value of a heading numeral: 一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23."""
    if "十" not in numeral:
        return DIGITS.index(numeral) if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(ones) if ones else 0)
