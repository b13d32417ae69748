"""Find the quantities a government work report states, and its headline indicators.

The rules describe the genre, not one report: a figure is an Arabic number
followed by a unit from ``UNITS`` (optionally with 万/亿 magnitude, a range
``50—100`` or a qualifier such as 近/左右/以上). Anything without a unit is
not a quantity, which is what rules out years (2022年), hotlines (12345),
plan names ("1+N", 3+1), road and pollutant codes (S217, G1816, PM10, 5G),
ranks (第7名) and chemical names (1,4-丁二醇).

``kind`` follows the part a figure sits in, recognised by its title
(``PART_ROLES``): figures in the review are results, figures in the
targets part are targets, and in the tasks part a figure is a target when
its clause carries a commitment or action verb (``TARGET_MARKERS``:
力争、确保、计划、新建…); everything else (opening, closing, descriptive
figures) is "other".

Labels come from the clause: the words before the number (minus lead-ins
like 预计 and verbs like 增长/达到), or, for counts written before their noun
(186个重点项目), the noun after the unit. One number stated for several
indicators (办复率、满意率均100%) gives one figure per indicator. Editors fix
the rare bad label, miss or false positive in ``seeds/metrics.yml`` (see
``load_overrides``).

What the report says about a figure is kept as data, each in its own field:
``estimate`` (the marker, e.g. 预计, that governs it up to the sentence's
end), ``status`` (its status verbs: 开工 is not 完成), ``base_year``
(比2020年) and ``year`` (a 力争2025年 goal is a 2025 target), besides
``qualifier`` (左右/以上…). Headline rows pair a result with a target of the
plan year only, and say when the two sides do not count the same thing
(``measures_alike``).

The package's modules, one job each, in the order data flows: ``words`` (the
genre's tables), ``figures`` (the plain data), ``label``, ``clauses``,
``overrides`` (reading seeds/metrics.yml), ``corrections`` (applying it),
``extract``, ``headline``, ``validate``.
"""

from .extract import extract, extract_listed, places_of
from .figures import Figure, Indicator, Overrides, Place
from .headline import headline, measures_alike, role_years, stage
from .label import _clean
from .overrides import load_overrides
from .validate import check, to_json, unmatched
from .words import BEFORE, ESTIMATE, GENRE_INDICATORS, STATUS

__all__ = [
    "BEFORE",
    "ESTIMATE",
    "GENRE_INDICATORS",
    "STATUS",
    "Figure",
    "Indicator",
    "Overrides",
    "Place",
    "_clean",
    "check",
    "extract",
    "extract_listed",
    "headline",
    "load_overrides",
    "measures_alike",
    "places_of",
    "role_years",
    "stage",
    "to_json",
    "unmatched",
]
