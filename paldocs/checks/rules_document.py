"""Drafting rules over the document model (what paldocs prints): structure, units, clauses, annexes.

Each rule documents the drafting rule it enforces (ZTP paragraph or DOMAIN.md section).
"""

from __future__ import annotations

from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, Report, rule


@rule("PD000", "error", "dokument da się zbudować")
def document_builds(context: CheckContext) -> Iterator[Report]:
    """Everything else assumes the document can be composed; if not, say why (and where) in one finding."""
    if context.build_error is not None:
        error = context.build_error
        where = tuple(_split_path(error.location.path)) if error.location.path else None
        yield Report(f"nie można zbudować dokumentu: {error.message}", where, fix=error.hint)


def _split_path(path: str) -> Iterator[str | int]:
    for part in path.replace("]", "").replace("[", ".").split("."):
        if part:
            yield int(part) if part.isdigit() else part
