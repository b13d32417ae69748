"""The theme's compiled templates, kept for every edition built in this process.

Each edition is a MkDocs build of its own, and each build makes a new Jinja
environment that would compile Material's templates again (a quarter of a
second). Jinja's own bytecode cache, kept in memory, lets the next build load
them compiled; a template whose source changed (under `mkdocs serve`) has
another checksum and is compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
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
