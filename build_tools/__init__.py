"""Build tools for the reading edition of a government work report.

The pipeline runs one way: seeds/ (report text, YAML) -> parse -> annotate
(glossary, metrics) -> Markdown pages -> two editions -> MkDocs.
"""
