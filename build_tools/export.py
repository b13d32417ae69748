"""Writing an edition's whole docs tree to disk, so that any MkDocs-compatible engine can build it.

The tree is what the report plugin hands MkDocs: the generated pages and data
files, the handwritten pages of docs_dir in the edition's text, and the nav (a
mkdocs-style ``nav:`` YAML, ``nav.yml``, beside the pages).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from build_tools.editions.build import build_edition
from build_tools.editions.edition import Edition, handwritten
from build_tools.mkdocs_plugin.config import load_site_config, report_options
from build_tools.mkdocs_plugin.editions import entries, resolved
from build_tools.render.nav import site_nav
from build_tools.seeds.errors import SeedError
from build_tools.seeds.paths import seeds_from_options

NAV_FILE = "nav.yml"


def write_pages(config: MkDocsConfig, out: Path, lang: str | None = None) -> list[Path]:
    """Write one edition's docs tree (``lang``; the configured one by default) into ``out``, a new folder.

    Written to a temporary folder first and moved into place: a failure leaves no half-written tree.
    """
    options = report_options(config)
    every = entries(options)
    lang = lang or options.edition
    entry = next((e for e in every if e.lang == lang), None)
    if entry is None:
        raise SeedError(config.config_file_path, None, f"no edition '{lang}' in the report plugin's 'editions'")
    _check_new(out)
    root = Path(config.config_file_path).resolve().parent
    if entry.config and lang != options.edition:
        # Its own config file says its site-wide words (the nav's titles of handwritten pages).
        config = load_site_config(root / entry.config)
    own = resolved(entry, root)
    edition = build_edition(seeds_from_options(root, options), own, [e for e in every if e != entry])
    pages = handwritten(_sources(Path(config.docs_dir)), lang, {e.lang for e in every})
    with tempfile.TemporaryDirectory(dir=out.parent if out.parent.exists() else None) as tmp:
        tree = Path(tmp) / "tree"
        nav = site_nav(edition.pages, config.nav or [], edition.convert)
        _write_tree(tree, Path(config.docs_dir), pages, edition, nav)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tree), str(out))
    return [out]


def write_all(config: MkDocsConfig, out: Path) -> list[Path]:
    """Every edition's docs tree, each in its own folder ``out/<lang>`` (no tree inside another)."""
    _check_new(out)
    return [write_pages(config, out / entry.lang, entry.lang)[0] for entry in entries(report_options(config))]


def _check_new(out: Path) -> None:
    """Refuse to write into a folder that holds anything: the command never overwrites files."""
    if out.exists() and any(out.iterdir()):
        raise SeedError(str(out), None, "the folder exists and is not empty; name a new folder")
    if out.exists():
        out.rmdir()


def _sources(docs_dir: Path) -> list[str]:
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())


def _write_tree(tree: Path, docs_dir: Path, pages: dict[str, str], edition: Edition, nav: list) -> None:
    """The handwritten pages (converted), the generated pages and files, and nav.yml."""
    for name, src in pages.items():
        source, target = docs_dir / src, tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            target.write_text(edition.convert(source.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
    generated = {page.src: page.markdown for page in edition.pages} | edition.files
    for name, content in generated.items():
        target = tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    text = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    (tree / NAV_FILE).write_text(text, encoding="utf-8")
