"""MkDocs integration: a thin layer over :mod:`build_tools.editions`."""
