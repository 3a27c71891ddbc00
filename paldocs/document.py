"""The one document model (IR) that every writer renders.

Contract:
- A :class:`Document` is ``meta`` (facts about the act: number, date, organ, subject, title — never laid out
  by position; metadata is not content) plus an ordered list of :class:`Part` (the resolution itself, each
  annex, the justification). A part is a run of pages with its own header/footer rules.
- Blocks: :class:`Paragraph`, :class:`Heading`, :class:`ListBlock` (with :class:`ListItem`), :class:`Unit`
  (every legal editorial unit — § / ust. / pkt / lit. / tiret — as one uniform node), :class:`Div` (a
  block with a layout *role*: title block, signature, annex header …), :class:`PageBreak`, :class:`Table`
  (with :class:`TableCell`), :class:`Figure` (a chart with its drawings and alt text) and :class:`Footnote`
  (a note of the clerk's Markdown ``[^1]: …``: the parser puts a part's notes, in the order of their first
  reference, after the part's other blocks; DOCX and PDF print them at the foot of the page, HTML and text as
  numbered notes at the end of the part).
- Inlines: :class:`Text`, :class:`Strong`, :class:`Emphasis`, :class:`LineBreak`, :class:`FootnoteRef` (the
  call of a :class:`Footnote` of the same part, by its number), :class:`Inserted` / :class:`Deleted` (words a new
  wording adds / drops, marked in a comparison table) and :class:`Citation` — a reference to a statute with its structure (catalog key, title and date of the act, the provision as
  :class:`~paldocs.legal.provisions.Provision`, the journal address and its amendments as
  :class:`~paldocs.legal.journal.JournalRef`, style, verified flag, notes) and its printed ``text``, computed
  once by the parser (typography applied) and printed by every writer as it stands.
- Text in the IR is final: Polish typography (non-breaking spaces, quotes) is already applied; writers only
  escape for their format and lay out by node type and role. Labels of units and list items are computed
  here (``label``) so that every writer prints the same marker.
- Every block, list item and table cell carries ``origin`` (:class:`Origin`, like markdown-it's ``token.map``):
  the data value that printed it (file, line, column, field path) or, for text a template wrote, the template
  and its line; None for hand-built IR. Origins never take part in equality and are never printed.
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
from paldocs.legal.journal import JournalRef
from paldocs.legal.provisions import Provision
from paldocs.origin import Origin as Origin
from paldocs.vocabulary import UNIT_KINDS as UNIT_KINDS
from paldocs.vocabulary import ListStyle as ListStyle
from paldocs.vocabulary import UnitKind as UnitKind

# --- provenance (Origin lives in paldocs.origin) -------------------------------------------------


def _origin() -> Origin | None:
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


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
class Inserted:
    children: tuple[Inline, ...]  # words a new wording adds: bold (DOCX), <ins> (HTML, PDF), "[+…+]" (text)


@dataclass(frozen=True, slots=True)
class Deleted:
    children: tuple[Inline, ...]  # words a new wording drops: struck through, <del>, "[-…-]"


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a block (Markdown: two trailing spaces or a backslash)."""


@dataclass(frozen=True, slots=True)
class Cited:
    """What a citation cites, as structure: the act (catalog key), the provision, and the journal address —
    the text cited first, then its amendments in announcement order, one position each. The importer reads a
    printed legal basis back into the same values, so ``import(build(x))`` compares structures."""

    act: str
    provision: Provision | None
    journal: tuple[JournalRef, ...] = ()


def journal_positions(text: JournalRef, amendments: tuple[JournalRef, ...] | list[JournalRef]) -> tuple[JournalRef, ...]:
    """The text cited, then every amendment position in announcement order (the normal form of :class:`Cited`)."""
    singles = sorted({single for ref in amendments for single in ref.single()} - set(text.single()),
                     key=lambda ref: (ref.year, ref.positions[0]))
    return (*text.single()[:1], *singles)


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to a statute ("art. 18 ust. 2 pkt 15 ustawy z dnia … (Dz. U. z 2024 r. poz. 1465)").

    ``text`` is what every writer prints (typography applied, computed once when the document is parsed);
    the other fields say what it cites: ``act`` (the catalog key), ``title`` and ``date`` of the act,
    ``provision``, ``journal`` (the text cited, then its amendments), ``isap_id`` of the text cited (e.g.
    ``WDU20130000594``), ``style`` (the citation style of the profile), ``verified`` (the catalog confirms
    everything: no note) and ``notes`` (what the catalog cannot confirm, in Polish)."""

    text: str
    act: str
    title: str
    date: dt.date | None
    provision: Provision | None
    journal: tuple[JournalRef, ...]
    style: str = "ztp"
    isap_id: str = ""
    verified: bool = False
    notes: tuple[str, ...] = ()
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def cited(self) -> Cited:
        return Cited(self.act, self.provision, self.journal)


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """The call of a footnote ("[^1]" in Markdown): ``num`` is the printed number of a :class:`Footnote` of the
    same part. ``first`` marks the first call, where the note is anchored (DOCX, PDF: the note stands at the foot
    of that page); a later call of the same note repeats its number."""

    num: str
    first: bool = True


Inline: TypeAlias = Text | Strong | Emphasis | Inserted | Deleted | LineBreak | FootnoteRef | Citation


def inline_text(inlines: tuple[Inline, ...] | list[Inline]) -> str:
    """Plain text of inlines; a line break becomes "\\n"."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, (Text, Citation)):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        elif isinstance(node, FootnoteRef):
            continue  # a call prints only its number, which is not part of the sentence's words
        else:
            parts.append(inline_text(node.children))
    return "".join(parts)


# --- blocks -------------------------------------------------------------------------------------

# Unit kinds (UnitKind, UNIT_KINDS) and list styles (ListStyle) are the legal vocabulary's, imported above.

# Layout roles a Div may carry; writers map each to a named style (DOCX) or a class (HTML).
DivRole: TypeAlias = Literal[
    "draft-mark",  # "Projekt" above the title block of a draft, top right (practice: councils' drafts)
    "title",  # resolution title block: centred, bold, one element per line (§ 120 ZTP)
    "annex-header",  # "Załącznik do Uchwały Nr …" three lines, top right, smaller (docs/domain.md § 6)
    "program-title",  # the annex's own title: centred, bold
    "legal-basis",  # "Na podstawie …" paragraph(s)
    "enacting-formula",  # "… uchwala, co następuje:"
    "signature",  # signature block, right
    "footnotes",  # footnotes printed below the signature (Dziennik Urzędowy prints), smaller type
    "toc",  # table of contents of a program
    "justification-title",  # "UZASADNIENIE"
    "center",  # any other centred block
    "report-title",  # title page of a monitoring report: centred, large
]

PartKind: TypeAlias = Literal["resolution", "annex", "justification", "report"]

# How a part's level-1 headings are numbered: "I." / "1." before the title, or "Rozdział 1." / "Rozdział I."
# on a line of its own above it.
HeadingNumbering: TypeAlias = Literal["roman-dot", "decimal-dot", "chapter-decimal", "chapter-roman"]


@dataclass(slots=True)
class Paragraph:
    children: list[Inline]
    origin: Origin | None = _origin()


@dataclass(slots=True)
class Heading:
    level: int  # 1..6, relative to the part
    children: list[Inline]
    num: str | None = None  # machine number of a program section ("I", "2"), printed before the text
    num_style: HeadingNumbering | None = None
    origin: Origin | None = _origin()
    fixed_num: str | None = None  # a chapter number kept from the data ("3a"): numbering keeps it (never moves)

    @property
    def label(self) -> str:
        if self.num is None:
            return ""
        return f"Rozdział {self.num}." if self.is_chapter else f"{self.num}."

    @property
    def is_chapter(self) -> bool:
        """A chapter heading: "Rozdział 1." centred on its own line above the centred title (programmes and
        regulaminy print them so); writers break the line after the label and centre the heading."""
        return self.num_style in ("chapter-decimal", "chapter-roman")


@dataclass(slots=True)
class ListItem:
    label: str  # printed marker: "1.", "1)", "a)", "–", "•"
    children: list[Block]
    origin: Origin | None = _origin()
    fixed_num: str | None = None  # a number kept as typed ("2a" added after "2"): numbering keeps it


@dataclass(slots=True)
class ListBlock:
    style: ListStyle
    items: list[ListItem]
    start: int = 1
    origin: Origin | None = _origin()


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
    origin: Origin | None = _origin()
    fixed_num: str | None = None  # a number kept from the data ("4a", "ba"): numbering keeps it, never renumbers

    @property
    def label(self) -> str:
        return format_unit_label(self.kind, self.num)


@dataclass(slots=True)
class Div:
    role: DivRole
    children: list[Block]
    origin: Origin | None = _origin()


@dataclass(slots=True)
class PageBreak:
    origin: Origin | None = _origin()


@dataclass(slots=True)
class TableCell:
    children: list[Inline]
    align: Literal["left", "center", "right"] | None = None  # numbers are right-aligned by the report templates
    origin: Origin | None = _origin()


@dataclass(slots=True)
class Table:
    """A real table: header rows repeat on every page (DOCX "repeat header row", HTML ``<thead>``)."""

    header: list[list[TableCell]]
    rows: list[list[TableCell]]
    caption: list[Inline] | None = None  # "Tabela 1. Wskaźniki …" — printed above the table
    origin: Origin | None = _origin()


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
    file_name: str = ""  # an annex's picture: the data's file name (the text version names it)
    origin: Origin | None = _origin()


@dataclass(slots=True)
class Footnote:
    """A footnote's text (one or more paragraphs), numbered ``num`` ("1", "2" … in the order of the first
    calls in its part); ``label`` is what the clerk named it (``[^zrodlo]``)."""

    num: str
    children: list[Paragraph]
    label: str = ""
    origin: Origin | None = _origin()


Block: TypeAlias = Paragraph | Heading | ListBlock | Unit | Div | PageBreak | Table | Figure | Footnote


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
    # Machine numbering of the part's level-1 headings (program sections "I.", "II.", "1.", "2." or chapters
    # "Rozdział 1."), applied by paldocs.numbering (keeping a Heading's fixed_num), never typed in a template.
    heading_numbering: HeadingNumbering | None = None


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
    elif isinstance(node, (Paragraph, Heading, Div, ListItem, Strong, Emphasis, Inserted, Deleted, TableCell, Footnote)):
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
