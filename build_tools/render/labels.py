"""Words of the edition's own (not of the report), in zh-Hans.

The zh-Hant edition converts them with the rest of each page.
"""

HOME = "首页"
CONTENTS = "目录"
CLOSING = "结束语"
# Appended to a part's heading for the page of its paragraphs after the subsections.
CONTINUED = "（续）"
GLOSSARY = "术语表"
# The home page's heading of the headline figures.
GLANCE = "主要数字一览"
METRICS = "数据"
PERMALINK = "本段链接"
TERM_MORE = "查看词条"
EDIT_ENTRY = "编辑此词条"
REPORT_ERROR = "报告错误"
OPENING = "开场"
BASIS = "依据"
SEE_ALSO = "参见"
OCCURS = "出现于"
GLOSSARY_INTRO = (
    "报告中的政策术语和提法，按类别排列。每个词条给出简要解释、英文译名和它在报告中出现的段落。"
    "解释由本版编辑撰写，不是报告原文。"
)
# The issue a reader files from a page ("报告错误"): {page} is the page's address; the paragraph's id
# is added on click right after the paragraph line (its blank line follows it).
ISSUE_TITLE = "报告错误：{title}"
ISSUE_BODY = "页面：{page}\n段落：\n\n问题：\n"

# Words only a translated edition shows (its UI labels file translates every label of this module).
UNOFFICIAL = "本译文是本版编辑的非官方翻译，逐段对照原文。"
ABOUT_LINK = "关于本版与译文"
ORIGINAL = "中文原文"
SHOW_ALL = "显示全部中文原文"
HIDE_ALL = "隐藏全部中文原文"
NOT_YET_TRANSLATED = "本页尚未翻译，以下为中文原文。"


def table() -> dict[str, str]:
    """Every label of this module by its name (HOME: 首页, …): what a translated edition translates."""
    return {k: v for k, v in globals().items() if k.isupper() and isinstance(v, str)}
