"""The house style: one table (``templates/house-style.yaml``) from which paldocs generates both the Word
styles of the DOCX output and the print CSS of the HTML and PDF outputs; a municipality profile
(``house_style:``) and a user's ``--templates`` folder override any value of it.

Contract: :mod:`paldocs.style.table` is the checked model of the table, :mod:`paldocs.style.resolve` merges
the overrides and fingerprints the result, :mod:`paldocs.style.css` writes the CSS from it and
:mod:`paldocs.writers.docx.reference` the reference document. Keys and defaults: docs/house-style.md.
"""

from paldocs.style.resolve import digest, packaged_style, resolve_style
from paldocs.style.table import HouseStyle

__all__ = ["HouseStyle", "digest", "packaged_style", "resolve_style"]
