"""paldocs — drafts Polish municipal documents from YAML data.

Council resolutions (uchwały) with their annexes (załączniki, e.g. a Program Aktywności Lokalnej) are built
from structured data and legal-basis templates into DOCX, PDF, HTML and plain text::

    import paldocs
    result = paldocs.build("resolutions/ketrzyn-2014-pal.yaml", formats=["docx", "pdf"], out_dir="build")

Pipeline (see DESIGN.md): load → compose (Jinja2 → Markdown) → parse (markdown-it-py) → number → write.
Glossary: uchwała = resolution, załącznik = annex, uzasadnienie = justification, paragraf / ustęp / punkt /
litera / tiret = legal units, podstawa prawna = legal basis, Dz. U. = the official journal, rada = council,
organ wykonawczy (wójt, burmistrz, prezydent miasta) = executive organ.
"""

from paldocs.api import BuildResult, build, load, render, to_document
from paldocs.document import Document
from paldocs.errors import PaldocsError
from paldocs.limits import Limits, applied_limits

__all__ = ["BuildResult", "Document", "Limits", "PaldocsError", "applied_limits", "build", "load", "render",
           "to_document"]
