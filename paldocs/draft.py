"""``paldocs new``: a ready-to-fill data file for one resolution kind, with comments explaining each field.

Contract: :func:`format_draft` renders ``draft.yaml.j2`` (user template folder first) for a kind of the build
context's registry (:class:`~paldocs.context.BuildContext`: built-in kinds and the user's) and a profile
path; the result is YAML that loads (its placeholders are marked "…") and, for kinds with a default legal
basis, builds at once as a draft with dotted blanks for the number and date.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from paldocs.context import BuildContext
from paldocs.errors import DataError, Location
from paldocs.kinds import Kind
from paldocs.model.messages import unknown_kind


def format_draft(kind_key: str, profile: str, output_name: str, templates: Path | None = None, *,
                 context: BuildContext | None = None) -> str:
    context = context or BuildContext(templates=templates)
    kind = context.kinds.get(kind_key)
    if kind is None:
        message, hint = unknown_kind(kind_key, context.kinds)
        raise DataError(message, Location(path="KIND"), hint)
    plain = context.environment.overlay(finalize=None)  # YAML, not Markdown: nothing to escape
    try:
        return plain.get_template("draft.yaml.j2").render(
            kind=kind, profile=profile, output_name=output_name, default_basis=_default_basis(kind))
    except jinja2.TemplateError as error:
        raise DataError(f"błąd w szablonie projektu: {error}", Location("draft.yaml.j2")) from None


def _default_basis(kind: Kind) -> str:
    return "; ".join(f"{entry.provision} ({entry.act})" for entry in kind.legal_basis) or "brak — podaj"
