"""Words of the edition's own (not of the report), in zh-Hans.

The zh-Hant edition converts them with the rest of each page.
"""

HOME = "首页"
CONTENTS = "目录"
CLOSING = "结束语"
# Appended to a part's heading for the page of its paragraphs after the subsections.
CONTINUED = "（续）"
GLOSSARY = "术语表"
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
