"""Input limits: how large and how deep data may be before paldocs refuses it with a clear error.

Contract: :class:`Limits` holds every limit (defaults in :data:`DEFAULT_LIMITS`, documented in README
"Bezpieczeństwo / Security"). The loader reads the limits in force with :func:`current_limits`; a caller
changes them for a block of work with ``with applied_limits(limits): …`` (a context variable, so threads and
asyncio tasks each keep their own). :func:`parse_limit_settings` turns ``name=value`` texts (the CLI's
``--limit``) into a :class:`Limits`, with Polish errors for unknown names and bad values.

Why these limits: paldocs is called by municipal web tools with data from forms. Without limits a 10 MB
field, an alias bomb or 10,000 sections make a build run for minutes and take gigabytes; with them every such
input is refused in well under a second, and everything below the limits builds in time and memory linear in
its size (tests/test_limits.py). The defaults leave room for programs 100 times the Kętrzyn example.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from paldocs.errors import DataError


@dataclass(frozen=True, slots=True)
class Limits:
    """Every limit on input data; each is a positive integer."""

    max_file_bytes: int = 16 * 1024 * 1024
    """Size of one input file (data file, profile, acts catalog, report)."""
    max_text_chars: int = 200_000
    """Characters in one text value (about 60 printed pages)."""
    max_list_items: int = 5_000
    """Entries in one list (sections, items, indicators …)."""
    max_depth: int = 40
    """Nesting depth of the YAML structure (a program's items nested 10 deep use about 25 levels)."""
    max_yaml_nodes: int = 500_000
    """Values in one file, counting each use of a YAML alias again (stops "billion laughs" bombs)."""
    max_markdown_nesting: int = 10
    """Nesting of lists inside one Markdown text (legal units go five deep: § > ust. > pkt > lit. > tiret)."""


DEFAULT_LIMITS = Limits()

DESCRIPTIONS: dict[str, str] = {
    "max_file_bytes": "rozmiar jednego pliku wejściowego w bajtach",
    "max_text_chars": "liczba znaków jednego tekstu",
    "max_list_items": "liczba pozycji jednej listy (rozdziałów, punktów, wskaźników)",
    "max_depth": "głębokość zagnieżdżenia danych YAML",
    "max_yaml_nodes": "liczba wartości w pliku (z rozwinięciem aliasów YAML)",
    "max_markdown_nesting": "głębokość zagnieżdżenia list w jednym tekście Markdown",
}

_current: ContextVar[Limits] = ContextVar("paldocs_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The limits in force for this thread / task."""
    return _current.get()


@contextlib.contextmanager
def applied_limits(limits: Limits | None) -> Iterator[Limits]:
    """Put ``limits`` in force for the ``with`` block (None: keep the current ones)."""
    if limits is None:
        yield current_limits()
        return
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)


def parse_limit_settings(settings: Iterable[str], base: Limits = DEFAULT_LIMITS) -> Limits:
    """``["max_text_chars=500000", "max-depth=60"]`` → Limits (dashes and underscores both accepted)."""
    changes: dict[str, int] = {}
    names = [field.name for field in dataclasses.fields(Limits)]
    for setting in settings:
        name, separator, value = setting.partition("=")
        name = name.strip().replace("-", "_")
        if not separator or name not in names:
            raise DataError(f"nieznany limit „{setting}”; dostępne: "
                            + ", ".join(f"{known} ({DESCRIPTIONS[known]})" for known in names),
                            hint="zapis: --limit nazwa=liczba, np. --limit max_text_chars=500000")
        try:
            number = int(value.strip().replace("_", ""))
        except ValueError:
            number = 0
        if number < 1:
            raise DataError(f"limit {name} musi być dodatnią liczbą całkowitą, a jest „{value.strip()}”")
        changes[name] = number
    return dataclasses.replace(base, **changes)


def exceeded(name: str, limits: Limits, value: int | None = None) -> str:
    """The Polish sentence for a limit that the input exceeds, naming the setting that raises it."""
    found = f" (jest {_number(value)})" if value is not None else ""
    return (f"przekroczony limit — {DESCRIPTIONS[name]}: najwyżej {_number(getattr(limits, name))}{found}; "
            f"limit można zmienić opcją --limit {name}=…")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")  # Polish digit grouping: a (non-breaking) space
