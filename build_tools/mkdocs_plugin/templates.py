"""The theme's compiled templates, kept for every edition built in this process.

Each edition is a MkDocs build of its own, and each build makes a new Jinja
environment that would compile Material's templates again (a quarter of a
second). Jinja's own bytecode cache, kept in memory, lets the next build load
them compiled; a template whose source changed (under `mkdocs serve`) has
another checksum and is compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, TemplateNotFound, meta
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by Jinja's key (template name and file), for the life of the process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()


def share_compiled_templates(env):
    """Give a build's Jinja environment the process's compiled templates."""
    env.bytecode_cache = TEMPLATES
    return env


def compile_theme(theme) -> dict[str, bytes]:
    """The theme's page templates and every one they name, compiled (Jinja's bytecode, by its key).

    From the page template (main.html) and the theme's own (404.html, sitemap.xml), each
    template's includes, imports and extends are followed as Jinja's ``meta`` finds them;
    a name computed while rendering (a language's partial) is compiled when rendered.
    """
    env = theme.get_env()
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
