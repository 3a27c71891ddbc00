"""The paldocs Markdown dialect → IR: :func:`to_blocks` (parser), with its rules, lists, inlines and tables.

Modules: :mod:`~paldocs.markup.parser` (token stream → blocks), :mod:`~paldocs.markup.rules` (fenced divs,
legal units), :mod:`~paldocs.markup.lists` (``a)`` and en-dash lists), :mod:`~paldocs.markup.inline`
(inlines with Polish typography), :mod:`~paldocs.markup.tables` (GFM pipe tables).
"""

from paldocs.markup.parser import to_blocks

__all__ = ["to_blocks"]
