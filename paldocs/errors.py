"""The one error root of paldocs and its families.

Contract: every error that paldocs raises on purpose is a :class:`PaldocsError`. It carries a
:class:`Location` (file, line, column, field path — any may be unknown) and a message in Polish that a
municipal clerk understands; ``str(error)`` is ``"<location>: <message>"`` and an optional ``hint`` follows on
its own line. The CLI catches the root once and exits with code 2 (errors present themselves, as click's
``ClickException`` does).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # field path, e.g. "program.sections[2].items[0]"

    def __str__(self) -> str:
        place = self.file or ""
        if self.file and self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        if self.path:
            place = f"{place} {self.path}" if place else self.path
        return place

    def with_path(self, path: str | None) -> Location:
        return Location(self.file, self.line, self.column, path)


class PaldocsError(Exception):
    """Root of every error paldocs reports to its user."""

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()
        self.hint = hint

    def __str__(self) -> str:
        place = str(self.location)
        text = f"{place}: {self.message}" if place else self.message
        if self.hint:
            text += f"\n  {self.hint}"
        return text


class DataError(PaldocsError):
    """The YAML data is unreadable or does not fit the schema."""


class LegalBasisError(PaldocsError):
    """A legal basis entry (act, provision, journal address) is wrong or unknown."""


class TemplateError(PaldocsError):
    """A template is missing or failed while composing the document."""


class MarkupError(PaldocsError):
    """Composed Markdown does not form a valid document (e.g. a point outside a paragraph)."""


class RenderError(PaldocsError):
    """A writer could not produce its output (file not writable, renderer failure)."""


_OS_ERRORS = {
    errno.ENOSPC: "brak miejsca na dysku",
    errno.EACCES: "brak uprawnień",
    errno.EPERM: "brak uprawnień",
    errno.EROFS: "system plików tylko do odczytu",
    errno.ENOENT: "nie ma takiego pliku ani katalogu",
    errno.ENOTDIR: "część ścieżki nie jest katalogiem",
    errno.EISDIR: "to jest katalog",
    errno.EDQUOT: "przekroczony przydział miejsca na dysku",
}


def describe_os_error(error: OSError) -> str:
    """An operating-system error in words a clerk understands (the system's own words as a fallback)."""
    return _OS_ERRORS.get(error.errno or 0, error.strerror or str(error))
