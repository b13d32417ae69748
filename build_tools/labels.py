"""Words of the edition's own (not of the report), in zh-Hans.

The zh-Hant edition converts them with the rest of each page.
"""

HOME = "首页"
CONTENTS = "目录"
CLOSING = "结束语"
GLOSSARY = "术语表"
METRICS = "数据"
PERMALINK = "本段链接"
TERM_MORE = "查看词条"
SPEAKER = "报告人"
AT_A_GLANCE = "主要指标"
