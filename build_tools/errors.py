"""The one error type that reaches editors: a file, a line and what to do."""

from __future__ import annotations


class SeedError(Exception):
    """A problem in a seed file, reported as ``path:line: message``.

    ``line`` is 1-based; ``None`` when the problem concerns the whole file.
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SeedErrors(SeedError):
    """Several seed problems found in one pass, so an editor fixes them all at once."""

    def __init__(self, errors: list[SeedError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.line, first.message)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: list[SeedError]) -> None:
    """Raise the collected errors, if any, as one exception."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise SeedErrors(errors)
