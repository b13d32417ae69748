"""The shape of the code: stages import only from stages before them, every module says its job, none is long.

The stages of build_tools/, in the order data flows (README, "How it is built"). A module may import
from its own stage and from earlier ones, never from a later one; the command line and the docs-tree
export sit on top and may use every stage. The product imports nothing from tools/ or tests/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "build_tools"
# Data flows down this list.
STAGES = ["model", "seeds", "parse", "annotate", "render", "editions", "mkdocs_plugin", "top"]
MAX_LINES = 400


def stage_of(module: str) -> str:
    """The stage of a dotted module name of build_tools (top: __init__, __main__, cli, export)."""
    parts = module.split(".")
    assert parts[0] == "build_tools", module
    if len(parts) == 1 or parts[1] in ("__main__", "cli", "export"):
        return "top"
    return parts[1]


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path, root: Path = ROOT) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module a file imports (at any depth, lazy imports included), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = dotted(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # `from build_tools import render` names a stage too.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names if base == "build_tools"]
    return found


def test_every_stage_is_a_package_of_build_tools():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(STAGES) - {"model", "top"}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_runs_back_up_a_stage(path):
    here = STAGES.index(stage_of(dotted(path)))
    for line, name in imports(path):
        assert not name.startswith(("tools", "tests", "support", "conftest")), f"{path.name}:{line}: {name}"
        if name.startswith("build_tools."):
            there = stage_of(name)
            assert STAGES.index(there) <= here, (
                f"{path.relative_to(ROOT)}:{line} imports {name} ({there} after {STAGES[here]})"
            )


@pytest.mark.parametrize(
    "path", modules() + sorted((ROOT / "tools").glob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_module_says_its_job_and_is_short(path):
    text = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(text)), f"{path.relative_to(ROOT)} has no module docstring"
    assert len(text.splitlines()) <= MAX_LINES, f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines"


def test_the_checker_sees_a_wrong_way_import(tmp_path):
    """The import test reads what a module imports, relative imports included."""
    late = tmp_path / "build_tools" / "parse"
    late.mkdir(parents=True)
    module = late / "x.py"
    module.write_text("from ..render import urls\nfrom build_tools.editions.build import build_edition\n")
    names = [name for _, name in imports(module, tmp_path)]
    assert "build_tools.render" in names and "build_tools.editions.build" in names
