"""Options of the ``report`` plugin, typed as Material's own plugins do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig


class EditionConfig(Config):
    """One edition of the site: its language tag, its name in the selector, where it lives."""

    lang = opt.Type(str)
    name = opt.Type(str)
    # Folder of the edition below the site root ("" for the default edition).
    path = opt.Type(str, default="")
    # Config file that builds it (optional: without one, mkdocs.yml with this lang as the theme's
    # language); the default edition's build builds every other edition.
    config = opt.Optional(opt.Type(str))
    # Where its text comes from: an OpenCC conversion of the zh-Hans source, or a translation (a PO file).
    # Neither: the source text itself (zh-Hans).
    conversion = opt.Type(str, default="")
    translation = opt.Optional(opt.Type(str))
    # A translation's UI labels (a PO file, one entry per label); only with `translation`.
    labels = opt.Optional(opt.Type(str))
    # A translation's glossary and metrics pages (PO files: definitions, labels, the pages' words).
    glossary_translation = opt.Optional(opt.Type(str))
    metrics_translation = opt.Optional(opt.Type(str))


class ReportConfig(Config):
    # Seed files, relative to the directory of mkdocs.yml.
    report = opt.Type(str)
    overrides = opt.Type(str, default="seeds/overrides.yml")
    glossary = opt.Optional(opt.Type(str))
    not_terms = opt.Optional(opt.Type(str))
    metrics = opt.Optional(opt.Type(str))
    outcomes = opt.Optional(opt.Type(str))
    corrections = opt.Optional(opt.Type(str))
    search_words = opt.Optional(opt.Type(str))
    # The English translation (gettext PO) and the qualifiers it must carry.
    translation = opt.Optional(opt.Type(str))
    qualifiers = opt.Optional(opt.Type(str))
    # Its UI labels (gettext PO, one entry per label of build_tools/render/labels.py).
    labels = opt.Optional(opt.Type(str))
    # The readings of polyphonic characters in glossary terms (pinyin on a translated glossary page).
    pinyin = opt.Optional(opt.Type(str))

    # This build's edition (a lang of `editions`, where its conversion is named).
    edition = opt.Type(str, default="zh-Hans")
    editions = opt.ListOfItems(opt.SubConfig(EditionConfig), default=[])


def load_site_config(config_file: str | Path = "mkdocs.yml", **overrides) -> MkDocsConfig:
    """A MkDocs configuration as MkDocs itself reads it (INHERIT included, every option validated).

    The one way the project reads mkdocs.yml and the editions' config files.
    """
    from mkdocs.config import load_config

    return load_config(str(config_file), **overrides)


def report_options(config: MkDocsConfig) -> ReportConfig:
    """The report plugin's validated options of a loaded configuration."""
    plugin = config.plugins.get("report")
    if plugin is None:
        raise KeyError("no 'report' plugin configured; add it under 'plugins:'")
    return plugin.config


def config_files(config_file: str | Path = "mkdocs.yml") -> list[Path]:
    """The configuration files of the whole site: mkdocs.yml and the config file each edition names."""
    path = Path(config_file)
    entries = report_options(load_site_config(path)).editions
    return [path] + [path.parent / e.config for e in entries if e.config]


def source_url(config: MkDocsConfig, root: Path) -> SourceLink | None:
    """Where a seed file's line is on GitHub (repo_url, and the branch named by edit_uri), or None."""
    repo = (config.repo_url or "").rstrip("/")
    if "github.com" not in repo:
        return None
    parts = (config.edit_uri or "edit/main/").strip("/").split("/")
    branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
    return SourceLink(repo, branch, root)


@dataclass(frozen=True)
class SourceLink:
    """A seed file's line on GitHub: plain data, so that two editions' builds can tell they link alike."""

    repo: str
    branch: str
    root: Path

    def __call__(self, path: Path | str, line: int) -> str:
        return f"{self.repo}/blob/{self.branch}/{Path(path).resolve().relative_to(self.root).as_posix()}#L{line}"
