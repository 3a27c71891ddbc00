"""DOCX writer: :func:`to_docx` renders the IR with python-docx over the reference document's named styles.

Modules: :mod:`~paldocs.writers.docx.writer` (the visitor), :mod:`~paldocs.writers.docx.styles` (style ids),
:mod:`~paldocs.writers.docx.tables` (tables and pictures), :mod:`~paldocs.writers.docx.fields` (fields,
bookmarks, reproducible packaging).
"""

from paldocs.writers.docx.writer import DocxWriter, document_datetime, to_docx

__all__ = ["DocxWriter", "document_datetime", "to_docx"]
