"""The one document model (IR) that every writer renders.

Contract:
- A :class:`Document` is ``meta`` (facts about the act: number, date, organ, subject, title — never laid out
  by position; metadata is not content) plus an ordered list of :class:`Part` (the resolution itself, each
  annex, the justification). A part is a run of pages with its own header/footer rules.
- Blocks: :class:`Paragraph`, :class:`Heading`, :class:`ListBlock` (with :class:`ListItem`), :class:`Unit`
  (every legal editorial unit — § / ust. / pkt / lit. / tiret — as one uniform node), :class:`Div` (a
  block with a layout *role*: title block, signature, annex header …), :class:`PageBreak`, :class:`Table`
  (with :class:`TableCell`) and :class:`Figure` (a chart with its drawings and alt text).
- Inlines: :class:`Text`, :class:`Strong`, :class:`Emphasis`, :class:`LineBreak`.
- Text in the IR is final: Polish typography (non-breaking spaces, quotes) is already applied; writers only
  escape for their format and lay out by node type and role. Labels of units and list items are computed
  here (``label``) so that every writer prints the same marker.
- The IR is plain data: no I/O, no formatting libraries. ``walk`` yields every node depth-first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from paldocs.style.table import HouseStyle

from paldocs import vocabulary
from paldocs.vocabulary import UNIT_KINDS as UNIT_KINDS
from paldocs.vocabulary import ListStyle as ListStyle
from paldocs.vocabulary import UnitKind as UnitKind

# --- inlines ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a block (Markdown: two trailing spaces or a backslash)."""


Inline: TypeAlias = Text | Strong | Emphasis | LineBreak


def inline_text(inlines: tuple[Inline, ...] | list[Inline]) -> str:
    """Plain text of inlines; a line break becomes "\\n"."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        else:
            parts.append(inline_text(node.children))
    return "".join(parts)


# --- blocks -------------------------------------------------------------------------------------

# Unit kinds (UnitKind, UNIT_KINDS) and list styles (ListStyle) are the legal vocabulary's, imported above.

# Layout roles a Div may carry; writers map each to a named style (DOCX) or a class (HTML).
DivRole: TypeAlias = Literal[
    "title",  # resolution title block: centred, bold, one element per line (§ 120 ZTP)
    "annex-header",  # "Załącznik do Uchwały Nr …" three lines, top right, smaller (docs/domain.md § 6)
    "program-title",  # the annex's own title: centred, bold
    "legal-basis",  # "Na podstawie …" paragraph(s)
    "enacting-formula",  # "… uchwala, co następuje:"
    "signature",  # signature block, right
    "toc",  # table of contents of a program
    "justification-title",  # "UZASADNIENIE"
    "center",  # any other centred block
    "report-title",  # title page of a monitoring report: centred, large
]

PartKind: TypeAlias = Literal["resolution", "annex", "justification", "report"]


@dataclass(slots=True)
class Paragraph:
    children: list[Inline]


@dataclass(slots=True)
class Heading:
    level: int  # 1..6, relative to the part
    children: list[Inline]
    num: str | None = None  # machine number of a program section ("I", "2"), printed before the text
    num_style: Literal["roman-dot", "decimal-dot"] | None = None

    @property
    def label(self) -> str:
        return f"{self.num}." if self.num is not None else ""


@dataclass(slots=True)
class ListItem:
    label: str  # printed marker: "1.", "1)", "a)", "–", "•"
    children: list[Block]


@dataclass(slots=True)
class ListBlock:
    style: ListStyle
    items: list[ListItem]
    start: int = 1


@dataclass(slots=True)
class Unit:
    """A legal editorial unit (§ 54–57 ZTP). ``num`` is machine-assigned by numbering.

    ``children`` start with the unit's own text (a Paragraph, the introduction when sub-units follow),
    then sub-units, then optionally a common closing part (a Paragraph after the sub-units).
    ``address`` is a stable id like ``par_2__ust_1__pkt_3`` for cross-references and anchors.
    """

    kind: UnitKind
    children: list[Block]
    num: str = ""
    heading: list[Inline] | None = None
    address: str = ""

    @property
    def label(self) -> str:
        return format_unit_label(self.kind, self.num)


@dataclass(slots=True)
class Div:
    role: DivRole
    children: list[Block]


@dataclass(slots=True)
class PageBreak:
    pass


@dataclass(slots=True)
class TableCell:
    children: list[Inline]
    align: Literal["left", "center", "right"] | None = None  # numbers are right-aligned by the report templates


@dataclass(slots=True)
class Table:
    """A real table: header rows repeat on every page (DOCX "repeat header row", HTML ``<thead>``)."""

    header: list[list[TableCell]]
    rows: list[list[TableCell]]
    caption: list[Inline] | None = None  # "Tabela 1. Wskaźniki …" — printed above the table


@dataclass(slots=True)
class Figure:
    """A chart or picture. ``asset`` names it in the composition; the pipeline attaches the drawings before
    writing: ``svg`` (vector, for HTML and PDF) and ``png`` (for DOCX), and ``alt`` — the text alternative that
    says what the chart shows (accessibility: every figure has one)."""

    asset: str
    caption: list[Inline] | None = None
    alt: str = ""
    svg: bytes | None = None
    png: bytes | None = None
    width_cm: float = 16.0


Block: TypeAlias = Paragraph | Heading | ListBlock | Unit | Div | PageBreak | Table | Figure


def format_unit_label(kind: UnitKind, num: str) -> str:
    """The marker printed before a unit (§ 55–57 ZTP): "§ 1.", "1.", "1)", "a)", "–"."""
    return vocabulary.unit(kind).format_label(num)


# --- document -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Meta:
    """Facts about the document, laid out by writers (core properties, PDF metadata, page headers)."""

    title: str  # e.g. "Uchwała Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia 29 kwietnia 2014 r."
    subject: str = ""  # "w sprawie przyjęcia …"
    language: str = "pl-PL"
    author: str = ""  # the issuing organ, nominative
    number: str | None = None  # "LXIV/400/14"; None for a draft
    date: dt.date | None = None  # date of adoption; also the fixed "created" date for reproducible output
    keywords: tuple[str, ...] = ()
    catalog_version: str = ""  # version of the acts catalog the citations come from (archived with the document)
    # Layout choices that belong to the municipality's house style, not to a writer:
    paragraph_layout: Literal["inline", "heading"] = "inline"  # "§ 1. Tekst" or "§ 1" centred on its own line


@dataclass(slots=True)
class Part:
    kind: PartKind
    blocks: list[Block]
    page_numbers: bool = False  # page numbers in the footer (annexes and reports, the shared output rules)
    label: str = ""  # human name of the part, e.g. "Załącznik nr 1"
    # Machine numbering of the part's level-1 headings (program sections "I.", "II." or "1.", "2."); applied
    # by paldocs.numbering, never typed in a template.
    heading_numbering: Literal["roman-dot", "decimal-dot"] | None = None


@dataclass(slots=True)
class Document:
    meta: Meta
    parts: list[Part] = field(default_factory=list)
    # The physical look (fonts, sizes, spacing: paldocs.style), resolved from the packaged table, the
    # municipality profile and the --templates folder; None = the packaged table.
    house_style: HouseStyle | None = None


Node: TypeAlias = Block | Inline | Part | ListItem | TableCell


def walk(node: Document | Node) -> Iterator[Node]:
    """Yield every node below ``node`` (parts, blocks, list items, inlines) depth-first, in reading order."""
    children: list | tuple
    if isinstance(node, Document):
        children = node.parts
    elif isinstance(node, Part):
        children = node.blocks
    elif isinstance(node, ListBlock):
        children = node.items
    elif isinstance(node, Unit):
        children = [*(node.heading or []), *node.children]
    elif isinstance(node, (Paragraph, Heading, Div, ListItem, Strong, Emphasis, TableCell)):
        children = node.children
    elif isinstance(node, Table):
        children = [*(node.caption or []), *(cell for row in [*node.header, *node.rows] for cell in row)]
    elif isinstance(node, Figure):
        children = list(node.caption or [])
    else:
        children = ()
    for child in children:
        yield child
        yield from walk(child)
