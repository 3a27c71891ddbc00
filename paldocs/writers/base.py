"""Visitor base for writers: dispatch on IR node type to ``visit_<snake_case_type>``.

Contract: a writer subclasses :class:`Visitor` and defines one ``visit_`` method per block and inline type
of :mod:`paldocs.document` (``visit_paragraph``, ``visit_heading``, ``visit_list_block``, ``visit_list_item``,
``visit_unit``, ``visit_div``, ``visit_page_break``, ``visit_text``, ``visit_strong``, ``visit_emphasis``,
``visit_line_break``). The class refuses to be created when one is missing, naming it — so a new node type
cannot be silently dropped by one format (DESIGN.md convention 1). A writer never reads YAML or runs Jinja2.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from paldocs import document as ir

NODE_TYPES: tuple[type, ...] = (
    ir.Paragraph,
    ir.Heading,
    ir.ListBlock,
    ir.ListItem,
    ir.Unit,
    ir.Div,
    ir.PageBreak,
    ir.Text,
    ir.Strong,
    ir.Emphasis,
    ir.LineBreak,
)


def visitor_name(node_type: type) -> str:
    """``ListBlock`` → ``visit_list_block``."""
    return "visit_" + re.sub(r"(?<!^)(?=[A-Z])", "_", node_type.__name__).lower()


class Visitor:
    """Dispatches ``visit(node, *args)`` to the method named after the node's type."""

    _dispatch: ClassVar[dict[type, str]] = {}

    def __init_subclass__(cls, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        missing = [visitor_name(t) for t in NODE_TYPES if not callable(getattr(cls, visitor_name(t), None))]
        if missing:
            raise TypeError(f"writer {cls.__name__} lacks {', '.join(missing)}")
        cls._dispatch = {t: visitor_name(t) for t in NODE_TYPES}

    def visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            name = self._dispatch[type(node)]
        except KeyError:
            raise TypeError(f"{type(self).__name__} cannot render {type(node).__name__}") from None
        return getattr(self, name)(node, *args, **kwargs)
