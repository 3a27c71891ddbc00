"""Whether a part opens with a title page of its own (a report's): the page that carries no page number.

Contract: :func:`opens_with_title_page` is True for a part with page numbers whose first block is the
"report-title" block and whose first page break comes before any block other than centred title-page lines
(place and month, the notice on illustrative data). Writers then leave that page unnumbered and count the pages
from the first content page (PDF: the report's named pages; DOCX: a different first-page footer, counting
from 0). A report built without a title page keeps its page 1 on its first page.
"""

from __future__ import annotations

from paldocs import document as ir

_TITLE_PAGE_ROLES = ("report-title", "center")


def opens_with_title_page(part: ir.Part) -> bool:
    if not part.page_numbers or not part.blocks:
        return False
    first = part.blocks[0]
    if not isinstance(first, ir.Div) or first.role != "report-title":
        return False
    for block in part.blocks[1:]:
        if isinstance(block, ir.PageBreak):
            return True
        if not (isinstance(block, ir.Div) and block.role in _TITLE_PAGE_ROLES):
            return False
    return False


__all__ = ["opens_with_title_page"]
