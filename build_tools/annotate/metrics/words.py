"""The genre's word tables and patterns: units, qualifiers, change and status verbs, part roles."""

from __future__ import annotations

import re
from functools import cache

# Base units, longest first so 个百分点 wins over 个 and 平方公里 over 公里.
UNITS = sorted(
    """% ％ 个百分点 千瓦时 千瓦 平方公里 平方米 公里 千米 米 蒸吨 吨 元 度 亩 公顷
人次 人 户 家 座 套 条 个 项 辆 场 所 件 名 天 倍 处 架 台 张 间 栋""".split(),
    key=len,
    reverse=True,
)


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
STATUS = [
    "完成",
    "开复工",
    "开工",
    "复工",
    "竣工",
    "投用",
    "投产",
    "建成",
    "新建",
    "新改建",
    "改建",
    "推进",
    "实施",
    "启动",
    "化解",
    "淘汰",
    "关停",
    "并网",
    "通车",
    "打通",
    "实现",
    "达到",
    "力争",
    "确保",
    "争取",
    "计划",
]


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


TAIL = [
    "同比",
    "分别",
    "控制在",
    "保持在",
    "扩大至",
    "增加到",
    "提高到",
    "降至",
    "达到",
    "实现",
    "突破",
    "超过",
    "必须",
    "为",
    "达",
    "至",
    "在",
    "了",
    "均",
]


# Years inside a label (到2030年, 比2020年) say when, not what.
LABEL_YEAR = r"(?:到|至|在|比|较)?\d{4}年(?:底|前)?"


# A subject taken from an earlier clause ends where its predicate starts.
SUBJECT_STOP = ["创", "位居", "居", "实现", "保持", "取得", "达到", "完成", "获", "列入"]


# The noun after a count ends where its predicate starts.
NOUN_STOP = [
    "全部",
    "完成",
    "实现",
    "入驻",
    "入围",
    "加快",
    "建成",
    "开工",
    "投用",
    "投产",
    "并网",
    "上市",
    "建设",
    "有序",
    "稳步",
    "顺利",
    "成功",
    "为",
    "获",
    "交出",
    "走向",
    "整合",
    "提质",
]


COUNT_UNITS = set("个户家座套条项辆场所件名处架台张间栋") | {"人", "人次"}


PART_ROLES = [("回顾", "result"), ("目标", "target"), ("任务", "tasks"), ("安排", "tasks"), ("部署", "tasks")]


TARGET_MARKERS = [
    "力争",
    "确保",
    "目标",
    "计划",
    "新建",
    "新增",
    "新改建",
    "建成",
    "完成",
    "实施",
    "推进",
    "推动",
    "开工",
    "开复工",
    "达到",
    "保持",
    "引进",
    "淘汰",
    "关停",
    "改造",
    "更新",
    "打通",
    "盘活",
    "推广",
    "降至",
    "下降",
    "投入",
    "建设",
    "创建",
    "争取",
    "实现",
    "控制在",
    "增长",
    "抓好",
    "加快",
    "开展",
    "启动",
    "打造",
    "必须",
    "力促",
]


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


GENRE_SPLITS = [
    {"label": "城乡常住居民人均可支配收入", "into": ["城镇居民人均可支配收入", "农村居民人均可支配收入"]},
    {"label": "城乡居民人均可支配收入", "into": ["城镇居民人均可支配收入", "农村居民人均可支配收入"]},
]


CLAUSE_BREAK = ",，;；。!！?？:："


SENTENCE_BREAK = ";；。!！?？"


LABEL_MAX = 24


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (cached: labels call it per figure)."""
    return _alt_cached(tuple(words))


@cache
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
    r"(?![A-Za-z0-9])"
)


YEAR_RE = re.compile(r"(?<![比较与同\d])(\d{4})年")


# Patterns of the tables above that several steps use, compiled once: built per call, each cost an alternation
# string and a lookup of it in re's cache, for every clause of every figure.
CLAUSE_SPLIT_RE = re.compile(f"[{CLAUSE_BREAK}]")
LEAD_RE = re.compile(rf"^(?:{_alt(LEAD)})")
TARGET_MARKER_RE = re.compile(_alt(TARGET_MARKERS))


def _clause_start(text: str, pos: int, breaks: str = CLAUSE_BREAK) -> int:
    """Index just after the last break mark before ``pos`` (0 if there is none)."""
    # The greedy match backs off from pos to the nearest break: one scan of the clause, not of the
    # text before pos once per break mark.
    found = _up_to_last(breaks).match(text, 0, max(pos, 0))
    return found.end() if found else 0


@cache
def _up_to_last(breaks: str) -> re.Pattern[str]:
    return re.compile(f".*[{re.escape(breaks)}]", re.DOTALL)
