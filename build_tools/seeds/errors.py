"""The one error type that reaches editors: a file, a line and what to do."""

from __future__ import annotations

import os


class SeedError(Exception):
    """A problem in a seed file, reported as ``path:line: message``.

    ``line`` is 1-based; ``None`` when the problem concerns the whole file.
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self):
        # Sent between processes (an edition computed in another one): rebuilt from its parts, not its text.
        return (type(self), (self.path, self.line, self.message))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SeedErrors(SeedError):
    """Several seed problems found in one pass, so an editor fixes them all at once."""

    def __init__(self, errors: list[SeedError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.line, first.message)

    def __reduce__(self):
        return (type(self), (self.errors,))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: list[SeedError]) -> None:
    """Raise the collected errors, if any, as one exception."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise SeedErrors(errors)


def each(exc: SeedError) -> list[SeedError]:
    """The single problems inside an error (one, or the several of a SeedErrors)."""
    return list(exc.errors) if isinstance(exc, SeedErrors) else [exc]


def in_ci() -> bool:
    """Whether we run on a CI service (GitHub Actions sets both variables)."""
    return any(os.environ.get(v, "").lower() == "true" for v in ("CI", "GITHUB_ACTIONS"))


def annotation(error: SeedError, level: str = "error") -> str:
    """A GitHub workflow command that shows the problem on its file and line in a pull request."""
    where = f"file={_escape(error.path, True)}" + (f",line={error.line}" if error.line else "")
    return f"::{level} {where}::{_escape(error.message)}"


def _escape(text: str, prop: bool = False) -> str:
    """A value for a workflow command, escaped as GitHub reads it."""
    # GitHub's escaping of workflow command values (properties also escape ':' and ',').
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def workflow_commands(exc: SeedError, level: str = "error") -> list[str]:
    """One workflow command per problem, when running in CI; none otherwise."""
    return [annotation(e, level) for e in each(exc)] if in_ci() else []
