"""The print CSS of the HTML and PDF outputs, written from the house-style table.

Contract:
- :func:`render_css` renders the packaged template ``paldocs_templates/print.css.j2`` (never a user's: the
  stylesheet is paldocs's own, see tests/test_lockdown.py) with a resolved :class:`HouseStyle`; every
  physical value comes from the table, the template holds the selectors and what no table value controls.
- :func:`print_css` is what the writers use: for the packaged table the shipped ``templates/print.css``
  (its header names the digest of the table it was generated from — when the table has changed since, the
  CSS is rendered instead), for any other table the rendered CSS, cached per table digest.
- Values reach the CSS only through the formatting functions here, and the table model admits only
  numbers with units, hex colours and plain font names (:mod:`paldocs.style.table`).
"""

from __future__ import annotations

import functools
import importlib.resources
import re

import jinja2

from paldocs.style.resolve import digest, look_for, packaged_style, role, size_of
from paldocs.style.table import PAGE_SIZES_MM, HouseStyle, Look, split_length

TEMPLATE = "print.css.j2"
GENERATED = "print.css"
_BLANK_DECLARATION = re.compile(r"^[ \t]+\n", re.MULTILINE)  # a declaration the table switched off


def length(value: str | None) -> str:
    """A canonical table length as CSS: "0.5em", and "0" for any zero (as a stylesheet writes it)."""
    if value is None:
        return "0"
    number, _ = split_length(value)
    return "0" if number == 0 else value


def _shorthand(top: str, right: str, bottom: str, left: str) -> str:
    """The shortest CSS box shorthand for four sides ("0 0 2em", "2em 0", "2.5cm")."""
    if left == right:
        if top == bottom:
            return top if top == right else f"{top} {right}"
        return f"{top} {right} {bottom}"
    return f"{top} {right} {bottom} {left}"


class _Writer:
    """The functions the template calls, bound to one style."""

    def __init__(self, style: HouseStyle) -> None:
        self.style = style
        assert style.roles is not None
        self.css: dict[str, Look] = {name: look_for(style, name, "css") for name, _ in style.roles}

    def box(self, name: str, indented: bool = False) -> str:
        look = self.css[name]
        left = length(look.left_indent) if indented else "0"
        return _shorthand(length(look.space_before), "0", length(look.space_after), left)

    def size(self, name: str) -> str:
        return f"{size_of(self.style, self.css[name]):g}pt"

    def weight(self, name: str) -> str:
        return "bold" if self.css[name].bold else "normal"

    def font_style(self, name: str) -> str:
        return "italic" if self.css[name].italic else "normal"

    def line(self, name: str) -> str:
        spacing = self.css[name].line_spacing or self.css["body"].line_spacing or 1.0
        return f"{spacing:g}"

    def text_indent(self, name: str) -> str:
        """The first line's indent: back by the hanging indent (the label hangs in it), or a first-line one."""
        look = self.css[name]
        return f"-{length(look.hanging)}" if look.hanging else length(look.first_line)

    def first_line(self, name: str) -> str:
        indent = self.css[name].first_line
        return f"text-indent: {length(indent)};" if indent else ""

    def keep(self, name: str) -> str:
        look = self.css[name]
        rules = (["break-after: avoid;"] if look.keep_with_next else []) + (
            ["break-inside: avoid;"] if look.keep_together else [])
        return "\n  ".join(rules)

    def context(self) -> dict[str, object]:
        style = self.style
        assert style.page and style.page.margins and style.font and style.table
        margins = style.page.margins
        table = style.table
        family = [style.font.pdf, *([style.font.docx] if style.font.docx != style.font.pdf else [])]
        return {
            "digest": digest(style), "css": self.css, "box": self.box, "size": self.size, "weight": self.weight,
            "style": self.font_style, "line": self.line, "keep": self.keep, "length": length,
            "first_line": self.first_line, "text_indent": self.text_indent,
            "page_size": style.page.size if style.page.size in PAGE_SIZES_MM else "A4",
            "page_margin": _shorthand(*(length(side) for side in (margins.top, margins.right, margins.bottom,
                                                                    margins.left))),
            "family": ", ".join([*(f'"{name}"' for name in family), str(style.font.generic)]),
            "cell_padding": f"{length(table.cell_padding_vertical)} {length(table.cell_padding_horizontal)}",
            "border": f"{length(table.border)} solid #{str(table.border_color).lower()}",
            "header_fill": f"#{str(table.header_fill).lower()}",
        }


@functools.cache
def _template() -> jinja2.Template:
    text = (importlib.resources.files("paldocs_templates") / TEMPLATE).read_text(encoding="utf-8")
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
                                     lstrip_blocks=True, keep_trailing_newline=True)
    return environment.from_string(text)


def render_css(style: HouseStyle) -> str:
    """The print CSS for ``style`` (a resolved, complete house style)."""
    role(style, "body")  # a complete style: every role the template names is there
    return _BLANK_DECLARATION.sub("", _template().render(_Writer(style).context()))


@functools.lru_cache(maxsize=16)
def _css_for(key: str, style: HouseStyle) -> str:
    return render_css(style)


@functools.cache
def _shipped_css() -> str:
    return (importlib.resources.files("paldocs_templates") / GENERATED).read_text(encoding="utf-8")


def print_css(style: HouseStyle | None = None) -> str:
    """The print CSS for ``style`` (None: the packaged table): the shipped file while it matches the table."""
    style = style or packaged_style()
    key = digest(style)
    if style == packaged_style() and f"house-style {key};" in _shipped_css()[:400]:
        return _shipped_css()
    return _css_for(key, style)
