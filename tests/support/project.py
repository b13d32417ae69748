"""A copy of the project's inputs (every config file, docs, overrides, seeds) that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.mkdocs_plugin.config import config_files

INPUTS = ("docs", "overrides", "seeds")


def copy_project(root: Path, dest: Path) -> Path:
    """Copy mkdocs.yml, each edition's config file and the input folders from root into dest."""
    for path in config_files(root / "mkdocs.yml"):
        shutil.copy(path, dest / path.relative_to(root))
    for name in INPUTS:
        shutil.copytree(root / name, dest / name)
    return dest
