"""paldocs — drafts Polish municipal documents from YAML data.

Council resolutions (uchwały) with their annexes (załączniki, e.g. a Program Aktywności Lokalnej) are built
from structured data and legal-basis templates into DOCX, PDF, HTML and plain text::

    import paldocs
    result = paldocs.build("resolutions/ketrzyn-2014-pal.yaml", formats=["docx", "pdf"], out_dir="build")

Pipeline (README.md): load → compose (Jinja2 → Markdown) → parse (markdown-it-py) → number → write.
Glossary: uchwała = resolution, załącznik = annex, uzasadnienie = justification, paragraf / ustęp / punkt /
litera / tiret = legal units, podstawa prawna = legal basis, Dz. U. = the official journal, rada = council,
organ wykonawczy (wójt, burmistrz, prezydent miasta) = executive organ.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # "X as X": explicit re-exports, for type checkers (the names load lazily at run time)
    from paldocs.amendments.api import amend as amend
    from paldocs.amendments.consolidate import consolidate as consolidate
    from paldocs.amendments.compare import compare as compare
    from paldocs.api import BuildResult as BuildResult
    from paldocs.api import build as build
    from paldocs.api import load as load
    from paldocs.api import render as render
    from paldocs.api import to_document as to_document
    from paldocs.batch import BuildRequest as BuildRequest
    from paldocs.batch import BuiltDocument as BuiltDocument
    from paldocs.batch import build_bytes as build_bytes
    from paldocs.context import BuildContext as BuildContext
    from paldocs.document import Document as Document
    from paldocs.errors import PaldocsError as PaldocsError
    from paldocs.limits import Limits as Limits
    from paldocs.limits import applied_limits as applied_limits

# Attributes load their module on first use (PEP 562): "paldocs --help" and "paldocs check" must not pay for
# the pipeline, and nothing imports WeasyPrint, matplotlib or morfeusz2 until a PDF, a chart or an inflection
# is actually needed.
_EXPORTS = {
    "BuildResult": "paldocs.api", "build": "paldocs.api", "load": "paldocs.api", "render": "paldocs.api",
    "to_document": "paldocs.api", "Document": "paldocs.document", "PaldocsError": "paldocs.errors",
    "Limits": "paldocs.limits", "applied_limits": "paldocs.limits",
    "BuildRequest": "paldocs.batch", "BuiltDocument": "paldocs.batch", "build_bytes": "paldocs.batch",
    "BuildContext": "paldocs.context",
    "amend": "paldocs.amendments.api",
    "consolidate": "paldocs.amendments.consolidate",
    "compare": "paldocs.amendments.compare",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'paldocs' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
