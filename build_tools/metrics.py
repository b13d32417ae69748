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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .errors import SeedError, raise_all
from .model import Report
from .yamlio import display_path, line_of, load_seed

# ---------------------------------------------------------------- genre tables
# Base units, longest first so 个百分点 wins over 个 and 平方公里 over 公里.
UNITS = sorted("""% ％ 个百分点 千瓦时 千瓦 平方公里 平方米 公里 千米 米 蒸吨 吨 元 度 亩 公顷
人次 人 户 家 座 套 条 个 项 辆 场 所 件 名 天 倍 处 架 台 张 间 栋""".split(), key=len, reverse=True)
MAGNITUDES = "万亿千百"
BEFORE = ["不低于", "不少于", "不超过", "超过", "达到", "突破", "近", "超", "逾", "约", "达"]
AFTER = ["及以上", "及以下", "左右", "以上", "以内", "以下", "多"]
# Words that turn a number into a change rather than a level; kept in the label.
CHANGE = ["增长", "下降", "提高", "降低", "减少", "压减", "涨幅", "增速", "增幅"]
# Words that mark a figure as an estimate; each governs every figure after it up to the sentence's end
# (预计地区生产总值增长4%左右;规模以上工业增加值增长5%左右;… are all estimates). 以上/左右 stay qualifiers.
ESTIMATE = ["预计", "预估", "估计", "初步统计", "初步核算"]
ESTIMATE_END = "。!！?？"
# The report's status verbs: what happened to what a figure counts (开工 is not 完成), or the commitment a
# plan makes (力争, 确保). Kept as data, in the report's order; 开复工 wins over 开工/复工 (longest first).
STATUS = ["完成", "开复工", "开工", "复工", "竣工", "投用", "投产", "建成", "新建", "新改建", "改建", "推进", "实施",
          "启动", "化解", "淘汰", "关停", "并网", "通车", "打通", "实现", "达到", "力争", "确保", "争取", "计划"]
# A verb followed by one of these is a noun (化解率, 建成区, 完成额), not a status.
STATUS_NOUN = "率区额量值"
# Commitments govern the whole clause after them; they say how firm a plan is, not what stage it measures.
COMMITMENT = ["力争", "确保", "争取", "计划"]
# 办复率、满意率均100%: one number stated for every member of the subject (均 = both/all).
BOTH = ["均", "都"]
# Nouns that end a ratio; two written back to back (解决率满意率达到90%) are two indicators with one number.
STACKED = "率"
LEAD_HORIZON = ["力争", "计划", "预计", "争取", "确保"]
# A base year: 比2020年下降12% is measured against 2020, whichever year the figure belongs to.
BASE_RE = re.compile(r"(?:比|较|与|同|相比|对比)(\d{4})年")
# A clause that is only a horizon (到2025年,…) dates the figures in the rest of its sentence.
HORIZON_RE = re.compile(rf"(?:{'|'.join(LEAD_HORIZON)})?(?:到|至)(\d{{4}})年(?:底|末|前)?")
# Lead-ins and linking verbs stripped from a label (estimate markers are kept as data, see ESTIMATE).
LEAD = [*ESTIMATE, "其中", "全年", "累计", "今年", "当年", "力争", "确保", "计划", "努力", "争取", "共", "实现", "以"]
TAIL = ["同比", "分别", "控制在", "保持在", "扩大至", "增加到", "提高到", "降至", "达到", "实现", "突破",
        "超过", "必须", "为", "达", "至", "在", "了", "均"]
# Years inside a label (到2030年, 比2020年) say when, not what.
LABEL_YEAR = r"(?:到|至|在|比|较)?\d{4}年(?:底|前)?"
# A subject taken from an earlier clause ends where its predicate starts.
SUBJECT_STOP = ["创", "位居", "居", "实现", "保持", "取得", "达到", "完成", "获", "列入"]
# The noun after a count ends where its predicate starts.
NOUN_STOP = ["全部", "完成", "实现", "入驻", "入围", "加快", "建成", "开工", "投用", "投产", "并网", "上市",
             "建设", "有序", "稳步", "顺利", "成功", "为", "获", "交出", "走向", "整合", "提质"]
COUNT_UNITS = set("个户家座套条项辆场所件名处架台张间栋") | {"人", "人次"}
PART_ROLES = [("回顾", "result"), ("目标", "target"), ("任务", "tasks"), ("安排", "tasks"), ("部署", "tasks")]
TARGET_MARKERS = ["力争", "确保", "目标", "计划", "新建", "新增", "新改建", "建成", "完成", "实施", "推进", "推动",
                  "开工", "开复工", "达到", "保持", "引进", "淘汰", "关停", "改造", "更新", "打通", "盘活", "推广", "降至",
                  "下降", "投入", "建设", "创建", "争取", "实现", "控制在", "增长", "抓好", "加快", "开展", "启动",
                  "打造", "必须", "力促"]
# Standard indicators of the genre, used when seeds/metrics.yml lists none.
GENRE_INDICATORS = [
    {"name": "地区生产总值", "aliases": ["GDP", "全市地区生产总值"], "unit": "%"},
    {"name": "规模以上工业增加值", "aliases": ["规上工业增加值"], "unit": "%"},
    {"name": "社会消费品零售总额", "aliases": [], "unit": "%"},
    {"name": "一般公共预算收入", "aliases": [], "unit": "%"},
    {"name": "固定资产投资", "aliases": [], "unit": "%"},
    {"name": "城镇居民人均可支配收入", "aliases": ["城镇常住居民人均可支配收入"], "unit": "%"},
    {"name": "农村居民人均可支配收入", "aliases": ["农村常住居民人均可支配收入"], "unit": "%"},
    {"name": "城镇新增就业", "aliases": [], "unit": ""},
    {"name": "居民消费价格", "aliases": [], "unit": "%"},
    {"name": "居民收入", "aliases": [], "unit": ""},
    {"name": "人均地区生产总值", "aliases": ["人均GDP"], "unit": ""},
]
GENRE_SPLITS = [{"label": "城乡常住居民人均可支配收入", "into": ["城镇居民人均可支配收入", "农村居民人均可支配收入"]},
                {"label": "城乡居民人均可支配收入", "into": ["城镇居民人均可支配收入", "农村居民人均可支配收入"]}]

CLAUSE_BREAK = ",，;；。!！?？:："
SENTENCE_BREAK = ";；。!！?？"
LABEL_MAX = 24


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (cached: labels call it per figure)."""
    return _alt_cached(tuple(words))


@lru_cache(maxsize=None)
def _alt_cached(words: tuple) -> str:
    """The alternation for a tuple of words (hashable, so it can be cached)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUM = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?"
# The number may not continue a code (S217, PM10, 1,4-), an ordinal (第7) or a formula (1+N).
FIGURE_RE = re.compile(
    rf"(?P<before>{_alt(BEFORE)})?"
    rf"(?<![A-Za-z0-9_.+\-—/第])(?<!\d,)(?P<num>{NUM})(?![\d.+]|,\d)"
    rf"(?:\s*[—–~～至到-]\s*(?P<num2>{NUM}))?"
    rf"(?P<mag>[{MAGNITUDES}])?(?P<yu>余)?(?P<unit>{_alt(UNITS)})(?P<after>{_alt(AFTER)})?"
    r"(?![A-Za-z0-9])")
YEAR_RE = re.compile(r"(?<![比较与同\d])(\d{4})年")


# ---------------------------------------------------------------- model
@dataclass
class Figure:
    """One stated quantity; ``source`` occurs verbatim in the block's heading + body."""

    id: str
    block_id: str
    section_id: str
    label: str
    value: float
    unit: str
    qualifier: str = ""
    kind: str = "other"
    source: str = ""
    year: int | None = None
    value_max: float | None = None
    # The estimate marker governing the figure (预计…), the report's status verbs joined by 、 (力争、完成),
    # and the year the figure is measured against (比2020年). Separate from ``qualifier`` (左右, 以上…).
    estimate: str = ""
    status: str = ""
    base_year: int | None = None
    # Internal: where the source starts in the block, the label's noun and change word, 分别 position.
    start: int = field(default=-1, repr=False)
    subject: str = field(default="", repr=False)
    change: str = field(default="", repr=False)
    group: int = field(default=-1, repr=False)
    # The members a 均 figure states one number for (办复率、满意率均100%), before it is split into them.
    members: list[str] = field(default_factory=list, repr=False)
    # seeds/metrics.yml line of the override that added the figure, so a stale one can be pointed at.
    line: int | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        """The public fields, as written to metrics.json."""
        out = {"id": self.id, "section_id": self.section_id, "block_id": self.block_id, "label": self.label,
               "value": _number(self.value), "unit": self.unit, "qualifier": self.qualifier,
               "kind": self.kind, "source": self.source, "year": self.year, "base_year": self.base_year,
               "estimate": bool(self.estimate), "estimate_word": self.estimate, "status": self.status}
        if self.value_max is not None:
            out["value_max"] = _number(self.value_max)
        return out


@dataclass
class Indicator:
    """A headline indicator: its review-year result and plan-year target (Figure, words or None)."""

    name: str
    result: Figure | str | None = None
    target: Figure | str | None = None
    result_block: str = ""
    target_block: str = ""
    # Each side's own label when the two do not measure the same thing (see ``measures_alike``), else "".
    result_label: str = ""
    target_label: str = ""
    # The estimate marker governing a side given in words (a Figure carries its own).
    result_estimate: str = ""
    target_estimate: str = ""


@dataclass
class Passage:
    """An override's address: text inside a block (any block when ``block`` is empty)."""

    text: str
    block: str = ""
    line: int | None = None


@dataclass
class Overrides:
    """Editor decisions from seeds/metrics.yml; ``None`` lists fall back to the genre tables."""

    path: str = "seeds/metrics.yml"
    indicators: list[dict] | None = None
    splits: list[dict] | None = None
    labels: list[tuple[Passage, str]] = field(default_factory=list)
    exclude: list[Passage] = field(default_factory=list)
    add: list[tuple[Passage, dict]] = field(default_factory=list)
    # Lines of the headline names and split labels, to point at one that matches nothing.
    lines: dict[tuple[str, str], int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Place:
    """Where a block sits: the text figures are found in, its section and its part's role and year."""

    text: str
    section_id: str
    role: str
    year: int | None


def _number(value: float):
    """4.0 -> 4 so JSON shows whole numbers as integers."""
    return int(value) if float(value).is_integer() else value


def block_text(block) -> str:
    """The text a figure's source is found in: run-in heading followed by body."""
    return block.heading + block.body


# ---------------------------------------------------------------- extraction
def extract(report: Report, overrides: Overrides | None = None) -> list[Figure]:
    """Every figure of the report in reading order, with editor overrides applied."""
    ov = overrides or Overrides()
    places = places_of(report)
    figures: list[Figure] = []
    for block_id, place in places.items():
        figures += _block_figures(block_id, place)
    figures = _apply_splits(figures, ov.splits if ov.splits is not None else GENRE_SPLITS)
    return _apply_overrides(places, figures, ov)


def places_of(report: Report) -> dict[str, Place]:
    """Every block's place, in reading order; built once per call so no step re-reads the outline."""
    roles = _part_roles(report)
    places = {}
    for part, section, _para, block in report.blocks():
        role, year = roles.get(part.id, ("", None)) if part else ("", None)
        section_id = section.id if section else (part.id if part else "")
        places[block.id] = Place(block_text(block), section_id, role, year)
    return places


def _part_roles(report: Report) -> dict[str, tuple[str, int | None]]:
    """Each part's role (result/target/tasks) and year, read from its title."""
    found = {}
    for part in report.parts:
        role = next((r for word, r in PART_ROLES if word in part.title), "")
        year = YEAR_RE.search(part.title)
        found[part.id] = [role, int(year.group(1)) if year else None]
    years = {role: y for role, y in found.values() if y}
    # A part without a year in its title refers to the review year or, for plans, the year after it.
    plan_year = years.get("target") or years.get("tasks") or (years["result"] + 1 if "result" in years else None)
    for entry in found.values():
        if entry[1] is None:
            entry[1] = years.get("result") if entry[0] == "result" else plan_year if entry[0] else None
    return {pid: tuple(v) for pid, v in found.items()}


def _block_figures(block_id: str, place: Place) -> list[Figure]:
    """The figures the patterns find in one block, labelled and given a kind."""
    text = place.text
    figures = [_figure(block_id, place.section_id, n, m) for n, m in enumerate(FIGURE_RE.finditer(text), 1)]
    _label_all(text, figures)
    figures = _split_members(figures)
    previous: Figure | None = None
    for fig in figures:
        fig.kind, fig.year = _kind(text, fig, place.role, place.year)
        fig.estimate = _estimate(text, fig.start)
        fig.base_year = _base_year(text, fig)
        fig.status = _status(text, fig, figures, previous)
        previous = fig
    return figures


def _figure(block_id: str, section_id: str, n: int, m: re.Match) -> Figure:
    """The unlabelled figure for one match of ``FIGURE_RE``."""
    fig = Figure(id=f"m-{block_id}-{n}", block_id=block_id, section_id=section_id, label="",
                 value=float(m["num"].replace(",", "")), unit=(m["mag"] or "") + m["unit"],
                 qualifier=m["after"] or ("余" if m["yu"] else "") or m["before"] or "",
                 source=m.group(0), start=m.start())
    if m["num2"]:
        # A range keeps its lower bound as the value; the qualifier carries the upper one for CSV readers.
        fig.value_max = float(m["num2"].replace(",", ""))
        fig.qualifier = f"至{m['num2']}" + (m["after"] or "")
    return fig


def _clause_start(text: str, pos: int, breaks: str = CLAUSE_BREAK) -> int:
    """Index just after the last break mark before ``pos``."""
    return max(text.rfind(ch, 0, pos) for ch in breaks) + 1


def _label_all(text: str, figures: list[Figure]) -> None:
    """Give each figure a subject and change word; 分别 groups share one subject."""
    used_until = 0
    previous: Figure | None = None
    for fig in figures:
        start = max(_clause_start(text, fig.start), used_until)
        sentence = _clause_start(text, fig.start, SENTENCE_BREAK)
        prefix = text[start:fig.start]
        if previous and previous.group >= 0 and re.fullmatch(r"[、和及与]", prefix):
            fig.group, fig.change, fig.subject = previous.group + 1, previous.change, previous.subject
        else:
            _source_with_change(text, fig, prefix)
            used_until = _label_one(text, fig, prefix, previous if previous and previous.start >= sentence else None)
            if not fig.members and fig.group < 0:
                fig.members = _stacked_members(fig, previous, prefix)
        used_until = max(used_until, fig.start + len(fig.source))
        previous = fig
    _name_groups(figures)
    for fig in figures:
        fig.label = _label(fig)


def _source_with_change(text: str, fig: Figure, prefix: str) -> None:
    """Widen the source leftwards over a change word right before it (增长4%左右)."""
    m = re.search(rf"(?:同比)?({_alt(CHANGE)})(?:{_alt(TAIL)})*$", prefix)
    if m:
        fig.change = m.group(1)
        fig.start -= len(m.group(0))
        fig.source = text[fig.start:fig.start + len(m.group(0)) + len(fig.source)]


def _name_groups(figures: list[Figure]) -> None:
    """疏干水利用率、再生水回用率分别达到75%、67%: one name per member when the counts agree."""
    groups: list[list[Figure]] = []
    for fig in figures:
        if fig.group == 0:
            groups.append([fig])
        elif fig.group > 0 and groups:
            groups[-1].append(fig)
    for members in groups:
        names = [s for s in re.split(r"[、和及与]", members[0].subject) if s]
        if len(members) > 1 and len(names) == len(members):
            for fig, name in zip(members, _share_head(names)):
                fig.subject = name


def _share_head(names: list[str]) -> list[str]:
    """公路、铁路密度 -> 公路密度, 铁路密度: a head noun written once serves every member."""
    first, last = names[0], names[-1]
    if len({len(n) for n in names[:-1]}) == 1 and len(last) > len(first):
        head = last[len(first):]
        return [n + head for n in names[:-1]] + [last]
    return names


def _label_one(text: str, fig: Figure, prefix: str, previous: Figure | None) -> int:
    """Set the figure's subject; returns how far the label consumed the text."""
    grouped = "分别" in prefix
    members = _members(prefix)
    if members and not grouped:
        fig.subject, fig.members = _clean(prefix), members
        return fig.start + len(fig.source)
    if grouped:
        fig.group = 0
        subject = _clean(prefix.split("分别")[0])
    else:
        subject = _clean(re.split(r"[、]", prefix)[-1])
    end = fig.start + len(fig.source)
    noun = "" if grouped else _noun_after(text, end)
    if noun and _noun_is_head(subject, prefix, fig):
        fig.subject = _head_label(subject, noun, fig)
        return end + text[end:].find(noun) + len(noun)
    if not subject and previous:
        subject = previous.subject
    if not subject:
        subject = _earlier_subject(text, fig.start)
    fig.subject = subject.rstrip("的") or noun
    return end


def _members(prefix: str) -> list[str]:
    """The indicators a 均 figure names: 办复率、满意率均 -> [办复率, 满意率] (modifier/head written once)."""
    if not re.search(rf"(?:{_alt(BOTH)})(?:{LABEL_YEAR}|{_alt(TAIL + CHANGE + BEFORE)})*$", prefix):
        return []
    subject = _clean(prefix)
    names = [n for n in subject.split("、") if n]
    if len(names) < 2:
        names = [n for n in re.split(r"[和及与]", subject) if n]
    if len(names) < 2:
        return []
    return _share_modifier(_share_head(names))


def _stacked_members(fig: Figure, previous: Figure | None, prefix: str) -> list[str]:
    """响应率达到100%、解决率满意率达到90%: the members, borrowing the enumerated neighbour's modifier."""
    names = _stacked(fig.subject)
    if names and previous and prefix.startswith("、") and previous.subject.endswith(names[0][-1]):
        return _share_modifier([previous.subject, *names])[1:]
    return names


def _stacked(subject: str) -> list[str]:
    """解决率满意率 -> [解决率, 满意率]: ratio nouns written back to back name one figure each."""
    names = re.findall(rf".+?[{STACKED}]", subject)
    if len(names) > 1 and "".join(names) == subject and all(len(n) > 1 for n in names):
        return names
    return []


def _share_modifier(names: list[str]) -> list[str]:
    """提案办复率、满意率 -> 提案办复率, 提案满意率: a modifier written once before the first member."""
    rest = {len(n) for n in names[1:]}
    # Only bare members of the same kind (率/率) borrow it; 万元…用水量和万元…用水量 are already whole.
    bare = all(n[-1] == names[0][-1] and n[0] != names[0][0] for n in names[1:])
    if bare and len(rest) == 1 and len(names[0]) > next(iter(rest)):
        modifier = names[0][:len(names[0]) - next(iter(rest))]
        return [names[0]] + [modifier + n for n in names[1:]]
    return names


def _split_members(figures: list[Figure]) -> list[Figure]:
    """One figure per member of a 均 figure, same number and source; ids after the first get b, c…."""
    out = []
    for fig in figures:
        for k, name in enumerate(fig.members or [""]):
            member = fig if k == 0 else replace(fig, id=f"{fig.id}{chr(ord('a') + k)}")
            if name:
                member.subject = name
                member.label = _label(member)
            out.append(member)
    return out


def _noun_is_head(subject: str, prefix: str, fig: Figure) -> bool:
    """Whether the words after the unit name what is counted (186个重点项目) rather than the words before."""
    if not subject or subject.endswith(("的", "等")):
        return True
    if re.search(rf"(?:{_alt(TAIL + BEFORE + CHANGE)})$", prefix.rstrip()):
        return False  # 扩大至77个国家和地区: the subject is before the verb
    return _verbish(subject) or fig.unit in COUNT_UNITS


def _verbish(words: str) -> bool:
    """Whether the words end in an action verb (推进, 新建…), so a noun must follow."""
    return words.endswith(tuple(TARGET_MARKERS))


def _head_label(subject: str, noun: str, fig: Figure) -> str:
    """铁路专用线等12个项目 -> 铁路专用线等项目; 投入3.67亿元完善… -> 投入完善…; 186个重点项目 -> 重点项目."""
    if subject.endswith("等"):
        return re.sub(rf"^(?:{_alt(TARGET_MARKERS)})", "", subject) + noun
    if subject and _verbish(subject) and fig.unit not in COUNT_UNITS and len(subject) <= 2:
        return subject + noun
    return noun


def _clean(words: str) -> str:
    """Strip lead-ins, linking verbs and change words from a label candidate."""
    words = re.sub(LABEL_YEAR, "", words).strip(" 、,，和及与")
    changed = True
    while changed and words:
        before = words
        words = re.sub(rf"^(?:{_alt(LEAD)})", "", words)
        words = re.sub(rf"(?:{_alt(TAIL + CHANGE + BEFORE)})$", "", words)
        words = words.strip(" 、和及与")
        changed = words != before
    return words[-LABEL_MAX:]


def _noun_after(text: str, end: int) -> str:
    """The noun a count qualifies: 186个重点项目全部开复工 -> 重点项目."""
    m = re.match(rf"的?([^{CLAUSE_BREAK}、\d]*)", text[end:])
    noun = m.group(1) if m else ""
    cut = re.search(_alt(NOUN_STOP), noun[1:])
    if cut:
        noun = noun[:cut.start() + 1]
    return noun.rstrip("、和及与的等")[:LABEL_MAX]


def _earlier_subject(text: str, pos: int) -> str:
    """The subject of the clause before: 一般公共预算收入创历史新高,增长25%左右."""
    sentence = _clause_start(text, pos, SENTENCE_BREAK)
    clause_end = _clause_start(text, pos) - 1
    earlier = text[_clause_start(text, clause_end):clause_end] if clause_end > sentence else ""
    cut = re.search(_alt(SUBJECT_STOP), earlier)
    return _clean(earlier[:cut.start()] if cut else earlier)


def _label(fig: Figure) -> str:
    """Subject plus change word: 地区生产总值增长."""
    if fig.change and not fig.subject.endswith(fig.change):
        return fig.subject + fig.change
    return fig.subject


def _kind(text: str, fig: Figure, role: str, year: int | None) -> tuple[str, int | None]:
    """Result, target or other (see the module docstring), and the year it refers to."""
    clause = _clause_start(text, fig.start)
    earlier = re.split(f"[{CLAUSE_BREAK}]", text[_clause_start(text, clause - 1, SENTENCE_BREAK):clause])
    named = [m[1] for m in map(HORIZON_RE.fullmatch, (c.strip() for c in earlier)) if m]
    named += YEAR_RE.findall(text[clause:fig.start])
    if role == "result":
        return "result", year
    if role == "target" or (role == "tasks" and re.search(_alt(TARGET_MARKERS), _clause_text(text, fig))):
        return "target", int(named[-1]) if named else year
    return "other", int(named[-1]) if named else (year if role else None)


def _estimate(text: str, pos: int) -> str:
    """The estimate marker governing ``pos``: the last one before it in the same sentence (; does not end it)."""
    sentence = max(text.rfind(ch, 0, pos) for ch in ESTIMATE_END) + 1
    found = re.findall(_alt(ESTIMATE), _unquoted(text[sentence:pos]))
    return found[-1] if found else ""


def _base_year(text: str, fig: Figure) -> int | None:
    """The year the figure is measured against, named in its clause: 均比2020年下降12% -> 2020."""
    found = BASE_RE.findall(text[_clause_start(text, fig.start):fig.start + len(fig.source)])
    return int(found[-1]) if found else None


def _unquoted(text: str) -> str:
    """Text without quoted names, whose words (“项目建设提质提速行动”) are not the report's verbs."""
    return re.sub(r"“[^”]*”?|‘[^’]*’?", "", text)


def _verbs(text: str) -> list[str]:
    """The status verbs in text, in order."""
    return re.findall(rf"(?:{_alt(STATUS)})(?![{STATUS_NOUN}])", _unquoted(text))


def _status(text: str, fig: Figure, figures: list[Figure], previous: Figure | None) -> str:
    """The report's status verbs for the figure, joined by 、.

    The verbs before it in its clause (投用充(换)电站16座), else those after the clause's last figure
    (186个重点项目全部开复工; 59个老旧小区、2110套棚户区住房完成改造), else the previous figure's when an
    enumeration mark joins them (完成60个老旧小区、2482套…). A commitment earlier in the clause
    (力争引进…230亿元以上、…1000亿元以上) governs every figure after it.
    """
    clause = _clause_start(text, fig.start)
    end = fig.start + len(fig.source)
    clause_end = min([i for i in (text.find(ch, end) for ch in CLAUSE_BREAK) if i >= 0] or [len(text)])
    same = [f for f in figures if clause <= f.start < clause_end]
    before = [f for f in same if f.start + len(f.source) <= fig.start]
    start = max([clause] + [f.start + len(f.source) for f in before])
    verbs = _verbs(text[start:end])
    if not verbs:
        verbs = _verbs(text[max(f.start + len(f.source) for f in same):clause_end])
    if not verbs and previous in before and re.search(r"[、和及与]", text[start:fig.start]):
        verbs = [v for v in previous.status.split("、") if v and v not in COMMITMENT]
    commitments = [w for w in _verbs(text[clause:end]) if w in COMMITMENT and w not in verbs]
    return "、".join(dict.fromkeys(commitments + verbs))


def _clause_text(text: str, fig: Figure) -> str:
    """From the clause start to the figure, and the clause before when the figure opens a 分别 list."""
    end = fig.start + len(fig.source)
    return text[_clause_start(text, _clause_start(text, fig.start) - 1 if fig.group > 0 else fig.start):end]


def _apply_splits(figures: list[Figure], splits: list[dict]) -> list[Figure]:
    """Rename the members of a 分别 group whose shared subject names several indicators."""
    table = {s["label"]: s["into"] for s in splits}
    for fig in figures:
        into = table.get(fig.subject)
        if fig.group >= 0 and into and fig.group < len(into):
            fig.subject = into[fig.group]
            fig.label = _label(fig)
    return figures


def _apply_overrides(places: dict[str, Place], figures: list[Figure], ov: Overrides) -> list[Figure]:
    """Labels, exclusions and additions from seeds/metrics.yml; stale entries are errors."""
    errors = []
    for passage, label in ov.labels:
        hits = _matching(figures, places, passage, ov.path, errors)
        for fig in hits[:1]:
            fig.label, fig.subject, fig.change = label, label, ""
    for passage in ov.exclude:
        hits = _matching(figures, places, passage, ov.path, errors)
        figures = [f for f in figures if f not in hits]
    figures = figures + [_added(places, passage, spec, k, ov.path, errors)
                         for k, (passage, spec) in enumerate(ov.add, 1)]
    raise_all(errors)
    order = {bid: i for i, bid in enumerate(places)}
    return sorted(figures, key=lambda f: (order.get(f.block_id, len(order)), f.start))


def _unknown_block(passage: Passage, path: str) -> SeedError:
    """The error for an override naming a block the report does not have."""
    return SeedError(path, passage.line, f"unknown block '{passage.block}'; use an id such as p1-2-1")


def _matching(figures, places: dict[str, Place], passage: Passage, path: str, errors: list) -> list[Figure]:
    """Figures whose source lies inside an occurrence of the passage."""
    if passage.block and passage.block not in places:
        errors.append(_unknown_block(passage, path))
        return []
    hits = []
    for fig in figures:
        if passage.block and fig.block_id != passage.block:
            continue
        text = places[fig.block_id].text if fig.block_id in places else ""
        for m in re.finditer(re.escape(passage.text), text):
            if m.start() <= fig.start and fig.start + len(fig.source) <= m.end():
                hits.append(fig)
                break
    if not hits:
        errors.append(SeedError(path, passage.line, f"no figure found inside '{passage.text}'"
                                + (f" in {passage.block}" if passage.block else "") + "; check the text or remove the entry"))
    return hits


def _added(places: dict[str, Place], passage: Passage, spec: dict, k: int, path: str, errors: list) -> Figure:
    """A figure the patterns missed, placed where its source occurs."""
    fig = Figure(id=f"m-{passage.block}-x{k}", block_id=passage.block, section_id="", label=spec["label"],
                 value=float(spec["value"]), unit=str(spec.get("unit", "")), qualifier=str(spec.get("qualifier", "")),
                 source=passage.text, subject=spec["label"], line=passage.line)
    place = places.get(passage.block)
    if place is None:
        errors.append(_unknown_block(passage, path))
    else:
        fig.section_id = place.section_id
        fig.start = place.text.find(passage.text)
        # A source missing from its block is left for ``check`` to report, with the entry's line.
        fig.kind, fig.year = _kind(place.text, fig, place.role, place.year) if fig.start >= 0 else ("other", None)
        if fig.start >= 0:
            fig.estimate, fig.base_year = _estimate(place.text, fig.start), _base_year(place.text, fig)
            fig.status = _status(place.text, fig, [fig], None)
    fig.kind = spec.get("kind", fig.kind)
    fig.year = spec.get("year", fig.year)
    return fig


# ---------------------------------------------------------------- checks and output
def check(report: Report, figures: list[Figure], path: str = "seeds/metrics.yml") -> None:
    """Fail the build when a figure's source is not in its block's text (a stale override or a bug).

    Errors point at the override's line when an added figure is at fault.
    """
    places = places_of(report)
    errors = []
    for fig in figures:
        if fig.block_id not in places:
            errors.append(SeedError(path, fig.line, f"figure {fig.id}: unknown block '{fig.block_id}'"))
        elif not fig.source or fig.source not in places[fig.block_id].text:
            errors.append(SeedError(path, fig.line,
                                    f"figure {fig.id}: source '{fig.source}' does not occur in block {fig.block_id}"))
    seen: set[str] = set()
    for fig in figures:
        if fig.id in seen:
            errors.append(SeedError(path, fig.line, f"two figures share the id {fig.id}; "
                                                    "give added figures distinct blocks or order"))
        seen.add(fig.id)
    raise_all(errors)


def to_json(figures: list[Figure]) -> str:
    """All figures as a JSON array (UTF-8 text, Chinese kept readable)."""
    return json.dumps([f.as_dict() for f in figures], ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- headline indicators
def headline(report: Report, figures: list[Figure], overrides: Overrides | None = None) -> list[Indicator]:
    """Headline indicators (from seeds/metrics.yml, else ``GENRE_INDICATORS``) with result and target.

    A figure belongs to an indicator when its subject is the indicator's
    name or an alias (or starts with one), or one of the names the entry
    gives for that side only (``result``/``target``); the first result of
    the review year and the first target of the plan year in reading order
    win (a 2025 goal is not a 2023 target). When no figure matches, a clause
    of the review (or targets) part that opens with the name gives the words.
    """
    specs = overrides.indicators if overrides and overrides.indicators is not None else GENRE_INDICATORS
    places = places_of(report)
    years = role_years(places)
    # Every indicator scans every figure, so each subject is cleaned once here rather than per scan.
    subjects = [(f, _clean(f.subject)) for f in figures]
    out = []
    for spec in specs:
        ind = _indicator(spec, subjects, places, years)
        if ind.result is not None or ind.target is not None:
            out.append(ind)
    return out


def role_years(places: dict[str, Place]) -> dict[str, int | None]:
    """The year each part role refers to (result: the review year; target: the plan year)."""
    years = {place.role: place.year for place in places.values() if place.role}
    years.setdefault("target", years.get("tasks"))
    return years


def _indicator(spec: dict, subjects: list[tuple[Figure, str]], places: dict[str, Place], years: dict) -> Indicator:
    """One indicator's result and target: a figure, else a clause in words, else None."""
    same = [spec["name"], *spec.get("aliases", [])]
    ind = Indicator(spec["name"])
    for kind in ("result", "target"):
        names = same + spec.get(kind, [])
        fits = [(f, s) for f, s in subjects if f.year == years.get(kind)]
        fig = _first(fits, names, kind, spec.get("unit", ""))
        words = None if fig else _words(places, names, kind)
        setattr(ind, kind, fig or (words[1] if words else None))
        setattr(ind, f"{kind}_block", fig.block_id if fig else (words[0] if words else ""))
        if words:
            setattr(ind, f"{kind}_estimate", words[2])
    r, t = ind.result, ind.target
    # Same labels that differ only in status need no labels: each cell shows its status anyway.
    if isinstance(r, Figure) and isinstance(t, Figure) and r.label != t.label and not measures_alike(ind, same):
        ind.result_label, ind.target_label = r.label, t.label
    return ind


def stage(fig: Figure) -> list[str]:
    """The status verbs that say what a figure counts (开工, 投用…), without the commitments (力争…)."""
    return [v for v in fig.status.split("、") if v and v not in COMMITMENT]


def measures_alike(ind: Indicator, same: list[str]) -> bool:
    """Whether the row's result and target count the same thing and can share the row's name.

    Both subjects must be the name or an alias the editors declared the same (规上 = 规模以上), with the
    same change word, status stage (投用 vs 新建) and base year; otherwise each cell shows its own label.
    """
    r, t = ind.result, ind.target
    if not (isinstance(r, Figure) and isinstance(t, Figure)):
        return True
    def named(fig):
        return _clean(fig.subject) in same or _clean(fig.subject).startswith(tuple(same))
    return (named(r) and named(t) and r.change == t.change and stage(r) == stage(t)
            and r.base_year == t.base_year)


def _first(subjects: list[tuple[Figure, str]], names: list[str], kind: str, unit: str) -> Figure | None:
    """The first figure of that kind and unit whose cleaned subject names it; exact subjects beat prefixes."""
    fits = [(f, s) for f, s in subjects if f.kind == kind and (not unit or f.unit == unit)]
    exact = [f for f, s in fits if s in names]
    loose = [f for f, s in fits if s.startswith(tuple(names))]
    return (exact or loose or [None])[0]


def _words(places: dict[str, Place], names: list[str], kind: str) -> tuple[str, str, str] | None:
    """A clause stating the indicator in words (城镇新增就业超额完成年度目标), its block and estimate marker."""
    for block_id, place in places.items():
        if place.role != kind:
            continue
        for clause in re.split(f"[{CLAUSE_BREAK}]", place.text):
            stripped = re.sub(rf"^(?:{_alt(LEAD)})", "", clause.strip())
            if any(stripped.startswith(n) for n in names) and not FIGURE_RE.search(clause):
                at = place.text.find(clause.strip())
                return block_id, clause.strip(), _estimate(place.text, at + len(clause.strip()))
    return None


# ---------------------------------------------------------------- seeds/metrics.yml
OVERRIDE_SECTIONS = {"headline", "splits", "labels", "exclude", "add"}


def load_overrides(path: Path | str) -> Overrides:
    """Read seeds/metrics.yml, checked against its schema; every problem is a SeedError with its line.

    A missing file means no overrides (the genre tables apply).
    """
    shown = display_path(path)
    data = load_seed(path, "metrics", "metric overrides (YAML)", optional=True)
    ov = Overrides(path=shown)
    if data is None:
        return ov
    if data.get("headline") is not None:
        ov.indicators = [_read_indicator(item) for item in data["headline"]]
        ov.lines.update({("headline", item["name"]): line_of(item) for item in data["headline"]})
    if data.get("splits") is not None:
        ov.splits = [{"label": item["label"], "into": list(item["into"])} for item in data["splits"]]
        ov.lines.update({("splits", item["label"]): line_of(item) for item in data["splits"]})
    ov.labels = [(_passage(item), item["label"]) for item in data.get("labels") or []]
    ov.exclude = [_passage(item) for item in data.get("exclude") or []]
    ov.add = [(_passage(item), item) for item in data.get("add") or []]
    return ov


def _read_indicator(item: dict) -> dict:
    """A headline entry: name, aliases (the same measure), result/target (that side's own measure), unit."""
    entry = {"name": item["name"], "aliases": list(item.get("aliases") or []), "unit": item.get("unit", "")}
    return entry | {side: list(item[side]) for side in ("result", "target") if item.get(side)}


def _passage(item: dict) -> Passage:
    """Where an override applies: its source text, optional block and its line."""
    return Passage(text=item["source"], block=item.get("block", ""), line=line_of(item))


def unmatched(report: Report, ov: Overrides, indicators: list[Indicator]) -> list[SeedError]:
    """Headline names and split labels of seeds/metrics.yml that match nothing in the report."""
    shown = {i.name for i in indicators}
    errors = [SeedError(ov.path, ov.lines.get(("headline", spec["name"])), f"headline '{spec['name']}' matches no figure or clause of the report; "
                                                   "check the name and aliases against the text, or remove the entry")
              for spec in ov.indicators or [] if spec["name"] not in shown]
    if ov.splits:
        subjects = {f.subject for f in extract(report, Overrides(splits=[])) if f.group >= 0}
        errors += [SeedError(ov.path, ov.lines.get(("splits", spec["label"])), f"split label '{spec['label']}' names no 分别 list of the report; "
                                                        "copy the words before 分别 from the text, or remove the entry")
                   for spec in ov.splits if spec["label"] not in subjects]
    return errors
