"""A table of bad or tricky seed edits, each with the file, line and words an editor must be shown.

Each case edits one file of a copy of seeds/ the way an editor might, runs the
checks `make check` runs, and expects an error naming that file and the line
of the mistake. The line is found in the edited file by the text of the
mistake itself (``at``), never copied from the program's output.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.editions.check import check_seeds
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import Seeds
from conftest import ROOT

FILES = {
    "G": "glossary.yml",
    "N": "not-terms.yml",
    "O": "overrides.yml",
    "S": "search-words.yml",
    "C": "zh-hant-corrections.yml",
    "M": "metrics.yml",
    "R": "wuhai-2023.txt",
    "U": "outcomes.yml",
    "Q": "qualifiers.yml",
}


@dataclass
class Case:
    """Edit ``file``: replace ``old`` (first occurrence; "" appends) by ``new``; expect ``words`` at ``at``'s line."""

    id: str
    file: str
    old: str
    new: str
    at: str | None
    words: str
    whole: bool = False  # replace the whole file by ``new``


C = Case
# A figure added by hand, as metrics.yml's own comments describe it.
ADD = "add:\n  - block: p1-4-1-4\n    source: 九方面合作事项\n    label: 合作事项\n    value: 9\n    unit: 方面\n"
CASES = [
    # glossary.yml: YAML syntax, each reported at the line of the mistake
    C("tab-indent", "G", "  category: 经济\n", "\tcategory: 经济\n", "\tcategory", "tab"),
    C(
        "entry-indented-one-space",
        "G",
        "- term: 四个经济",
        " - term: 四个经济",
        " - term: 四个经济",
        "indented differently",
    ),
    C("entry-indented-less", "G", '  en: The "four', ' en: The "four', ' en: The "four', "YAML syntax error"),
    C("key-without-colon", "G", "  en: Contain", "  en Contain", "  en Contain", "YAML syntax error"),
    C("fullwidth-colon", "G", "  category: 经济\n", "  category：经济\n", "category：", "not '：'"),
    C(
        "fullwidth-space-indent",
        "G",
        "  en: Contain",
        "\u3000en: Contain",
        "\u3000en: Contain",
        "not the full-width space",
    ),
    C(
        "colon-without-space",
        "G",
        "  category: 经济\n",
        "  category:经济\n",
        "category:经济",
        "needs ': ' after its name",
    ),
    C(
        "value-with-colon-space",
        "G",
        "  en: Contain the epidemic,",
        "  en: Contain: the epidemic,",
        "Contain: the",
        "must be quoted",
    ),
    C("bracket-not-closed", "G", "see_also: [首店经济]", "see_also: [首店经济", "see_also: [首店经济", "not closed"),
    C("quote-not-closed", "G", "  en: Contain", "  en: 'Contain", "'Contain", "not closed"),
    C(
        "key-twice",
        "G",
        "  basis: 2022年4月中共中央政治局会议\n",
        "  basis: 2022年4月中共中央政治局会议\n  category: 产业\n",
        "  category: 产业",
        "listed twice",
    ),
    # glossary.yml: shape (the schema)
    C(
        "term-is-a-number",
        "G",
        "- term: 四个经济",
        "- term: 2022",
        "- term: 2022",
        "'term' must be text, not the number 2022",
    ),
    C("term-empty-quotes", "G", "- term: 四个经济", "- term: ''", "- term: ''", "'term' is empty"),
    C("term-missing-value", "G", "- term: 四个经济", "- term:", "- term:\n", "'term' must be text, not empty"),
    C(
        "field-missing",
        "G",
        "  en: Contain the epidemic, stabilize the economy, keep development secure\n",
        "",
        "- term: 疫情要防住",
        "missing field 'en'",
    ),
    C("field-misspelt", "G", "  definition: 党中央", "  defintion: 党中央", "defintion", "unknown field 'defintion'"),
    C("field-in-capitals", "G", "  basis: p1-1-1", "  Basis: p1-1-1", "Basis: p1-1-1", "unknown field 'Basis'"),
    C(
        "category-unknown",
        "G",
        "  category: 经济\n",
        "  category: 金融\n",
        "category: 金融",
        "'category' is '金融'; it must be one of",
    ),
    C(
        "category-two",
        "G",
        "  category: 经济\n",
        "  category: [经济, 产业]\n",
        "category: [经济",
        "'category' must be text",
    ),
    C(
        "definition-two-lines",
        "G",
        "  definition: 党中央",
        "  definition: |\n    第一行。\n    党中央",
        "  definition: |",
        "'definition' runs over several lines",
    ),
    C(
        "definition-bold",
        "G",
        "  definition: 党中央",
        "  definition: 党中央**重要**",
        "  definition: 党中央**",
        "contains markup",
    ),
    C(
        "definition-html",
        "G",
        "  definition: 党中央",
        "  definition: <b>党中央</b>",
        "  definition: <b>",
        "contains markup",
    ),
    C(
        "aliases-not-a-list",
        "G",
        "- term: 四个经济\n",
        "- term: 四个经济\n  aliases: 四经济\n",
        "aliases: 四经济",
        "'aliases' must be a list",
    ),
    C(
        "see-also-twice",
        "G",
        "see_also: [首店经济]",
        "see_also: [首店经济, 首店经济]",
        "see_also: [首店经济,",
        "same item twice",
    ),
    C(
        "definition-is-a-list",
        "G",
        "  definition: 党中央",
        "  definition:\n    - 党中央",
        "  definition:\n",
        "'definition' must be text, not a list",
    ),
    C(
        "entry-is-text",
        "G",
        "- term: 四个经济\n",
        "- 四个经济\n- term: 四个经济\n",
        "- 四个经济\n",
        "each entry must be a mapping",
    ),
    C(
        "file-is-a-mapping",
        "G",
        "",
        "term: 四个经济\nen: x\n",
        "term: 四个经济",
        "expected a list in this file",
        whole=True,
    ),
    C("file-emptied", "G", "", "# 全部删掉了\n", None, "the glossary is empty", whole=True),
    C("file-empty-list", "G", "", "[]\n", "[]", "the glossary is empty", whole=True),
    # glossary.yml: what only the report can tell
    C(
        "term-not-in-report",
        "G",
        "- term: 四个经济",
        "- term: 四个经济学",
        "- term: 四个经济学",
        "never occurs in the report",
    ),
    C(
        "term-twice",
        "G",
        "- term: 四个经济",
        "- term: 疫情要防住、经济要稳住、发展要安全",
        "- term: 疫情要防住、经济要稳住、发展要安全\n  en: The",
        "already an entry or alias",
    ),
    C(
        "see-also-unknown",
        "G",
        "see_also: [首店经济]",
        "see_also: [首店经济呀]",
        "see_also: [首店经济呀]",
        "see_also '首店经济呀' is not a term",
    ),
    C("basis-unknown-id", "G", "  basis: p1-1-1", "  basis: p1-1-9", "basis: p1-1-9", "not a paragraph id"),
    # not-terms.yml
    C(
        "quoted-phrase-unplaced",
        "N",
        "- phrase: 乌海有礼\n  why: 城市公共品牌名，不是政策术语\n",
        "",
        ("R", "“乌海有礼”"),
        "the quoted phrase “乌海有礼” is neither in",
    ),
    C(
        "phrase-in-both-lists",
        "N",
        "- phrase: 乌海有礼\n",
        "- phrase: 四个经济\n- phrase: 乌海有礼\n",
        "- phrase: 四个经济",
        "also in",
    ),
    C(
        "phrase-not-quoted",
        "N",
        "- phrase: 乌海有礼\n",
        "- phrase: 乌海无礼\n- phrase: 乌海有礼\n",
        "- phrase: 乌海无礼",
        "not a quoted phrase of the report",
    ),
    C(
        "phrase-twice",
        "N",
        "- phrase: 乌海有礼\n",
        "- phrase: 乌海有礼\n- phrase: 乌海有礼\n",
        "- phrase: 乌海有礼\n  why",
        "already listed at line",
    ),
    C(
        "phrase-unquoted-number",
        "N",
        "- phrase: '110'",
        "- phrase: 110",
        "- phrase: 110",
        "'phrase' must be text, not the number 110",
    ),
    C(
        "phrase-field-misspelt",
        "N",
        "  why: 城市公共品牌名",
        "  reason: 城市公共品牌名",
        "reason: 城市公共",
        "unknown field 'reason'",
    ),
    C(
        "phrase-without-field",
        "N",
        "- phrase: 乌海有礼\n",
        "- 乌海有礼\n- phrase: 乌海有礼\n",
        "- 乌海有礼\n",
        "each entry must be a mapping",
    ),
    C(
        "phrase-key-twice",
        "N",
        "  why: 城市公共品牌名，不是政策术语\n",
        "  why: 城市公共品牌名，不是政策术语\n  why: 又一个\n",
        "why: 又一个",
        "listed twice",
    ),
    # overrides.yml
    C(
        "overrides-unknown-section",
        "O",
        "runin_headings:",
        "runin_heading:",
        "runin_heading:",
        "unknown field 'runin_heading'",
    ),
    C("overrides-add-not-a-list", "O", "  add: []", "  add: 市场信心再提振。", "  add: 市场", "'add' must be a list"),
    C(
        "overrides-sentence-not-in-report",
        "O",
        "  add: []",
        "  add: [火星基地再提振。]",
        "  add: [火星",
        "is not a sentence of the report",
    ),
    C("overrides-number", "O", "  add: []", "  add: [12]", "  add: [12]", "must be text"),
    C("overrides-bracket-open", "O", "  add: []", "  add: [市场信心再提振。", "  add: [市场", "not closed"),
    C(
        "overrides-list-not-mapping",
        "O",
        "",
        "runin_headings:\n  - 市场信心再提振。\n",
        "runin_headings:",
        "'runin_headings' must be a mapping",
        whole=True,
    ),
    C("overrides-misspelt-remove", "O", "  remove: []", "  remov: []", "  remov:", "unknown field 'remov'"),
    # search-words.yml
    C(
        "search-word-not-in-report",
        "S",
        "- 乌海湖\n",
        "- 乌海湖\n- 火星基地\n",
        "- 火星基地",
        "must be a word that occurs in the report",
    ),
    C(
        "search-word-mapping",
        "S",
        "- 乌海湖\n",
        "- 乌海湖\n- word: 乌海\n",
        "- word: 乌海",
        "must be text, not a mapping",
    ),
    C("search-word-number", "S", "- 乌海湖\n", "- 乌海湖\n- 2023\n", "- 2023", "must be text, not the number 2023"),
    C("search-word-empty-item", "S", "- 乌海湖\n", "- 乌海湖\n-\n", "-\n", "must be text, not empty"),
    C("search-words-mapping", "S", "", "words: [乌海湖]\n", "words:", "expected a list in this file", whole=True),
    # zh-hant-corrections.yml
    C(
        "correction-longer",
        "C",
        "一干到底: 一幹到底",
        "一干到底: 一幹到底了",
        "一干到底: 一幹到底了",
        "has 4 characters but",
    ),
    C(
        "correction-without-comment",
        "C",
        "\n民生发展: 民生發展   # s2tw 把“生发”当作“生髮”(头发)，此处是“民生／发展”",
        "\n民生发展: 民生發展",
        "民生发展: 民生發展\n",
        "add a comment",
    ),
    C(
        "correction-not-in-text",
        "C",
        "\n民生发展: 民生發展",
        "\n火星发展: 火星發展",
        "火星发展",
        "does not occur in the report",
    ),
    C(
        "correction-twice",
        "C",
        "积蓄发展: 積蓄發展",
        "民生发展: 民生發展",
        "民生发展: 民生發展   # s2tw 把“蓄发",
        "listed twice",
    ),
    C("correction-list", "C", "一干到底: 一幹到底", "一干到底: [一幹到底]", "一干到底: [", "must be text, not a list"),
    C("correction-empty", "C", "一干到底: 一幹到底", "一干到底:", "一干到底:  ", "must be text, not empty"),
    C("correction-file-list", "C", "", "- 民生发展: 民生發展  # x\n", "- 民生发展", "expected a mapping", whole=True),
    # metrics.yml
    C(
        "add-value-infinite",
        "M",
        "add: []",
        ADD.replace("value: 9", "value: .inf"),
        "value: .inf",
        "'value' must be a finite number",
    ),
    C(
        "add-value-nan",
        "M",
        "add: []",
        ADD.replace("value: 9", "value: .nan"),
        "value: .nan",
        "'value' must be a finite number",
    ),
    C("add-value-text", "M", "add: []", ADD.replace("value: 9", "value: 九"), "value: 九", "'value' must be a number"),
    C(
        "add-qualifier-list",
        "M",
        "add: []",
        ADD + "    qualifier: [左右]\n",
        "qualifier: [",
        "'qualifier' must be text",
    ),
    C("add-year-text", "M", "add: []", ADD + "    year: 明年\n", "year: 明年", "'year' must be a whole number"),
    C(
        "add-kind-unknown",
        "M",
        "add: []",
        ADD + "    kind: plan\n",
        "kind: plan",
        "'kind' is 'plan'; it must be one of",
    ),
    C(
        "add-field-missing",
        "M",
        "add: []",
        ADD.replace("    unit: 方面\n", ""),
        "  - block: p1-4-1-4",
        "missing field 'unit'",
    ),
    C(
        "add-block-form",
        "M",
        "add: []",
        ADD.replace("block: p1-4-1-4", "block: P1"),
        "block: P1",
        "not of the expected form",
    ),
    C(
        "add-block-unknown",
        "M",
        "add: []",
        ADD.replace("block: p1-4-1-4", "block: p9-9-9"),
        "  - block: p9-9-9",
        "unknown block",
    ),
    C(
        "headline-matches-nothing",
        "M",
        "  - name: 地区生产总值",
        "  - name: 火星生产总值",
        "name: 火星生产总值",
        "headline '火星生产总值' matches no figure",
    ),
    C(
        "split-matches-nothing",
        "M",
        "  - label: 城乡常住居民人均可支配收入",
        "  - label: 城乡火星收入",
        "label: 城乡火星收入",
        "split label '城乡火星收入' names no 分别 list",
    ),
    C(
        "split-into-one",
        "M",
        "    into: [城镇居民人均可支配收入, 农村居民人均可支配收入]",
        "    into: [城镇居民人均可支配收入]",
        "    into: [城镇",
        "'into' must list at least 2 items",
    ),
    C(
        "label-stale-source",
        "M",
        'source: "5户集团公司"',
        'source: "5户火星公司"',
        "5户火星公司",
        "no figure found inside",
    ),
    C("metrics-unknown-section", "M", "\nexclude:\n", "\nbogus: 1\nexclude:\n", "bogus: 1", "unknown field 'bogus'"),
    C("headline-key-twice", "M", '    unit: "%"\n', '    unit: "%"\n    unit: 个\n', "    unit: 个", "listed twice"),
    C(
        "headline-mapping",
        "M",
        "headline:\n  - name: 地区生产总值\n",
        "headline:\n  name: 地区生产总值\n  bad:\n  - name: 地区生产总值\n",
        "headline:\n  name",
        "'headline' must be a list",
    ),
    # the report: its own structure is checked first, with one error naming it
    C(
        "part-heading-deleted",
        "R",
        "  二、2023年经济社会发展的目标要求\n",
        "",
        "三、今年政府工作",
        "number 2 is missing",
    ),
    C("part-misnumbered", "R", "  三、今年政府工作", "  四、今年政府工作", "四、今年政府工作", "number 3 is missing"),
    C(
        "section-heading-deleted",
        "R",
        "  (二)聚焦动能转换,",
        "  聚焦动能转换,",
        "(三)践行生态优先",
        "number 2 is missing",
    ),
    C(
        "section-repeated",
        "R",
        "  (三)践行生态优先",
        "  (二)践行生态优先",
        "(二)践行生态优先",
        "numbering must continue in order",
    ),
    C(
        "section-gap-part-three",
        "R",
        "  (二)坚持培优增效",
        "  (四)坚持培优增效",
        "(四)坚持培优增效",
        "number 2 is missing",
    ),
]


def _edit(text: str, case: Case) -> str:
    if case.whole:
        return case.new
    if not case.old:
        return text + case.new
    assert case.old in text, f"{case.id}: the seed file changed; update the case"
    return text.replace(case.old, case.new, 1)


def _line(text: str, marker: str) -> int:
    """The line where ``marker`` (which may span lines) starts."""
    assert marker in text, marker
    return text[: text.index(marker)].count("\n") + 1


@pytest.fixture
def seeds_copy(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "seeds"


def seeds_in(folder: Path) -> Seeds:
    return Seeds(
        report=folder / FILES["R"],
        overrides=folder / FILES["O"],
        glossary=folder / FILES["G"],
        not_terms=folder / FILES["N"],
        metrics=folder / FILES["M"],
        corrections=folder / FILES["C"],
        search_words=folder / FILES["S"],
        outcomes=folder / FILES["U"],
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_seed_names_file_and_line(seeds_copy, case):
    path = seeds_copy / FILES[case.file]
    text = _edit(path.read_text(encoding="utf-8"), case)
    path.write_text(text, encoding="utf-8")
    where_file, marker = case.at if isinstance(case.at, tuple) else (case.file, case.at)
    shown = f"seeds/{FILES[where_file]}"
    if marker is None:
        where = f"{shown}: "
    else:
        where = f"{shown}:{_line((seeds_copy / FILES[where_file]).read_text(encoding='utf-8'), marker)}: "
    with pytest.raises(SeedError) as info:
        check_seeds(seeds_in(seeds_copy))
    lines = str(info.value).splitlines()
    assert any(line.startswith(where) and case.words in line for line in lines), "\n".join(lines)
    # Nothing an editor wrote is ever rewritten.
    assert path.read_text(encoding="utf-8") == text


def test_real_seeds_pass(seeds_copy):
    count, warnings = check_seeds(seeds_in(seeds_copy))
    assert count == 8 and warnings == []


def test_long_definition_is_a_warning(seeds_copy):
    path = seeds_copy / FILES["G"]
    text = path.read_text(encoding="utf-8")
    long = "很长的解释。" * 100
    path.write_text(
        text.replace("  definition: 党中央在2022年", f"  definition: {long}党中央在2022年", 1), encoding="utf-8"
    )
    _, warnings = check_seeds(seeds_in(seeds_copy))
    assert [w.line for w in warnings] == [_line(path.read_text(encoding="utf-8"), "  definition: 很长")]
    assert "characters" in warnings[0].message


def test_term_inside_a_longer_term_is_a_warning(seeds_copy):
    """大起底 occurs only inside 五个大起底: it could never be marked, and the build says so."""
    path = seeds_copy / FILES["G"]
    entry = "- term: 大起底\n  en: Clean-ups\n  category: 改革\n  definition: 清查。\n  basis: p1-3-1\n\n"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- term: 四个经济\n", entry + "- term: 四个经济\n", 1),
        encoding="utf-8",
    )
    _, warnings = check_seeds(seeds_in(seeds_copy))
    assert [str(w) for w in warnings] == [
        f"seeds/glossary.yml:{_line(path.read_text(encoding='utf-8'), '- term: 大起底')}: "
        "'大起底' occurs only inside the longer "
        "term 五个大起底, so it is never marked in the text; explain it in that entry, or remove it"
    ]


def test_report_structure_is_checked_before_the_glossary(seeds_copy):
    """Deleting a part heading shifts every id; one error names the report, none the glossary."""
    path = seeds_copy / FILES["R"]
    path.write_text(
        path.read_text(encoding="utf-8").replace("  二、2023年经济社会发展的目标要求\n", ""), encoding="utf-8"
    )
    with pytest.raises(SeedError) as info:
        check_seeds(seeds_in(seeds_copy))
    assert len(str(info.value).splitlines()) == 1
    assert re.match(r"seeds/wuhai-2023\.txt:\d+: part 三、", str(info.value))


SCHEMAS = {
    "G": "glossary",
    "N": "not-terms",
    "O": "overrides",
    "S": "search-words",
    "C": "zh-hant-corrections",
    "M": "metrics",
    "U": "outcomes",
    "Q": "qualifiers",
}


@pytest.mark.parametrize("key", sorted(SCHEMAS))
def test_each_seed_file_names_its_schema(key):
    """VS Code's YAML extension reads the first line: it must name the schema the checks use."""
    import jsonschema

    from build_tools.seeds.shapes import SCHEMAS as FOLDER
    from build_tools.seeds.shapes import schema
    from build_tools.seeds.yamlio import load_yaml

    path = ROOT / "seeds" / FILES[key]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    target = (path.parent / match.group(1)).resolve()
    assert target == FOLDER / f"{SCHEMAS[key]}.schema.json" and target.is_file()
    jsonschema.Draft202012Validator.check_schema(schema(SCHEMAS[key]))
    jsonschema.Draft202012Validator(schema(SCHEMAS[key])).validate(load_yaml(path, "a seed file"))


# Odd files that must end in a SeedError (or pass), never in a traceback.
ODD = [
    ("G", "- term: &a 四个经济\n  en: *a\n"),
    ("G", "- !!python/object:os.system {}\n"),
    ("G", "--- \n- term: a\n---\n- term: b\n"),
    ("G", "? [a, b]\n: c\n"),
    ("G", "- [[[[[[]]]]]]\n"),
    ("G", "\x00\x01"),
    ("G", "- term: 四个经济\n  <<: {en: x}\n"),
    ("G", "- term: true\n"),
    ("G", "- term: 2023-01-01\n"),
    ("N", "{}\n"),
    ("N", "- phrase: [a]\n"),
    ("O", "[]\n"),
    ("O", "runin_headings: 5\n"),
    ("S", "乌海湖\n"),
    ("C", "? [a]\n: b\n"),
    ("C", "民生发展: !!binary aGVsbG8=  # x\n"),
    ("C", "true: 是的  # x\n"),
    ("M", "5\n"),
    ("M", ADD.replace("value: 9", "value: true")),
    ("R", "\ufeff"),
    ("R", "一、回顾\n"),
    ("R", "\n\n\n一、\n"),
    ("R", "标题\n一、回顾\n(一)小节\n内容。\n(一)又一\n"),
    ("R", "标题\n一、回顾\n各位代表:\n"),
]


@pytest.mark.parametrize("key, text", ODD)
def test_odd_input_never_crashes(seeds_copy, key, text):
    (seeds_copy / FILES[key]).write_text(text, encoding="utf-8")
    try:
        check_seeds(seeds_in(seeds_copy))
    except SeedError as exc:
        assert all(line.startswith("seeds/") for line in str(exc).splitlines()), str(exc)
