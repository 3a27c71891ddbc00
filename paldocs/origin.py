"""Provenance of IR nodes: :class:`Origin` says which data value (file, line, column, field path) or which
template line printed a node — like markdown-it's ``token.map``. Re-exported by :mod:`paldocs.document`, whose
blocks, list items and table cells carry one; origins never take part in equality and are never printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from paldocs.errors import Location


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a node came from: a data value (``path`` is its field path; ``file:line:column`` when the
    loader's positions were known) or text that a template wrote (``template`` and ``template_line``)."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()
    template: str | None = None
    template_line: int | None = None

    @property
    def from_data(self) -> bool:
        return bool(self.path)

    @property
    def field(self) -> str | None:
        """The field path as printed: ``resolution.provisions[0]`` (None for a template's text)."""
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        return text or None

    def location(self) -> Location:
        if self.from_data:
            return Location(self.file, self.line, self.column, self.field)
        return Location(self.template, self.template_line)
