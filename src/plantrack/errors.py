"""The exceptions library code raises; only the CLI turns them into a message and an exit code.

Every message is Chinese, says what is wrong and how to fix it, because it is shown to office staff.
"""

from __future__ import annotations


class PlantrackError(Exception):
    """Base class. ``exit_code`` 1 is a user error (wrong option, unknown task), 2 an unusable input."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class UsageError(PlantrackError):
    """The user asked for something that does not exist or does not fit (exit 1)."""


class WorkspaceError(PlantrackError):
    """No workspace, or a workspace that cannot be used."""


class InputError(PlantrackError):
    """An input file that cannot be used: unreadable, wrong kind, broken encoding (exit 2)."""

    exit_code = 2


class NotAPlanError(InputError):
    """The document is not a work plan (news, summary, report...)."""


class DataFileError(InputError):
    """A plan, journal or settings file that a person edited and that no longer parses or validates."""

    def __init__(self, path: str, message: str, line: int | None = None, hint: str | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}", hint)
        self.path = path
        self.line = line


class ConflictError(PlantrackError):
    """Writing would overwrite something a person made (an edited plan)."""
