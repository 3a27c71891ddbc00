"""Importer: an existing resolution or annex (text copied from BIP, Markdown, DOCX) → paldocs data.

Nothing is lost: every word of the input is represented in the data or listed in the import log as dropped
on purpose (page numbers, website boilerplate, conversion artefacts); unknown structure is kept as Markdown.
"""
