"""The theme's compiled templates, kept for every edition built in this process and the next builds.

Each edition is a MkDocs build of its own, and each build makes a new Jinja
environment that would compile Material's templates again (a quarter of a
second). Jinja's own bytecode cache, kept in memory, lets the next build load
them compiled, and Jinja's cache on disk (its FileSystemBytecodeCache, in the
temporary folder) the next ``mkdocs build``; a template whose source changed (under
`mkdocs serve`, or a new Material) has another checksum and is compiled afresh.
"""

from __future__ import annotations

import logging

from jinja2 import BytecodeCache, FileSystemBytecodeCache, FileSystemLoader, TemplateNotFound, meta
from jinja2.bccache import Bucket

log = logging.getLogger("mkdocs.plugins.report")


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by Jinja's key (template name and file), for the life of the process,
    in front of a cache on disk, if there is one."""

    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self.code: dict[str, bytes] = {}
        self.disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)  # Jinja checks the source's checksum and its own version
            if bucket.code is not None:
                self.code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            try:
                self.disk.dump_bytecode(bucket)
            except OSError as exc:  # a full or read-only disk: compiled again by the next build
                log.debug("report: templates not cached on disk: %s", exc)
                self.disk = None


def _disk_cache() -> BytecodeCache | None:
    """Jinja's cache in the temporary folder (a folder of this user's only), or none if that is unsafe."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError) as exc:
        log.debug("report: no template cache on disk: %s", exc)
        return None


TEMPLATES = MemoryBytecodeCache(_disk_cache())


def share_compiled_templates(env):
    """Give a build's Jinja environment the process's compiled templates."""
    env.bytecode_cache = TEMPLATES
    return env


# The theme's files, listed once per process (Material's are 14,500, icons included; they do not change in a build).
_LISTED: dict[tuple, list[str]] = {}


def every_env_shares(theme) -> None:
    """Every Jinja environment this theme makes, not only the one the build renders pages with, loads the
    compiled templates and lists the theme's files once per process.

    MkDocs makes one to list the theme's static files, and Material's search plugin one per label it
    translates (each compiling the language templates again); the editions' builds, forked from this
    process, find both done. Call :func:`forget_listing` where theme files may change (the preview).
    """
    make = theme.get_env

    def get_env():
        env = share_compiled_templates(make())
        loader = env.loader
        if isinstance(loader, FileSystemLoader):
            key = (tuple(loader.searchpath), loader.followlinks)
            listed = _LISTED.get(key)
            if listed is None:
                listed = _LISTED[key] = loader.list_templates()
            loader.list_templates = lambda: list(listed)  # type: ignore[method-assign]
        return env

    theme.get_env = get_env


def forget_listing() -> None:
    """List the theme's files afresh (under `mkdocs serve`, a file may have been added to overrides/)."""
    _LISTED.clear()


def compile_theme(theme) -> dict[str, bytes]:
    """The theme's page templates and every one they name, compiled (Jinja's bytecode, by its key).

    From the page template (main.html) and the theme's own (404.html, sitemap.xml), each
    template's includes, imports and extends are followed as Jinja's ``meta`` finds them;
    a name computed while rendering (a language's partial) is compiled when rendered.
    """
    env = theme.get_env()
    env.list_templates()  # listed once here, for every edition's build (see every_env_shares)
    todo, seen = ["main.html", *theme.static_templates], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except TemplateNotFound:
            continue  # named in a branch this theme does not take
        tree = env.parse(source, name, filename)
        todo += [found for found in meta.find_referenced_templates(tree) if found]
        bucket = TEMPLATES.get_bucket(env, name, filename, source)
        if bucket.code is None:
            bucket.code = env.compile(tree, name, filename)
            TEMPLATES.set_bucket(bucket)
    return dict(TEMPLATES.code)
