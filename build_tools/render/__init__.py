"""Rendering the annotated report as the zh-Hans Markdown pages and data files, with their URLs and labels."""
