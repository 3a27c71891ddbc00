"""Composed Markdown (the paldocs dialect) → IR blocks.

Contract of :func:`to_blocks`:

- Input is CommonMark without raw HTML, indented/fenced code, block quotes, thematic breaks, setext headings,
  link reference definitions, links, images, autolinks and code spans: such syntax stays literal text, so a
  clerk's words are never dropped. Kept: ATX headings, paragraphs, lists, ``*em*``/``**strong**``, hard
  breaks, backslash escapes and entities; a soft line break becomes one space.
- Dialect additions (rules in :mod:`paldocs.markup.rules`): en-dash bullets ``–``; alpha lists ``a)``;
  fenced divs ``::: role`` (``::: page-break`` → :class:`PageBreak`); ``\\–`` / ``\\§`` for a literal
  character at the start of a line; with ``legal=True``, paragrafy opened by ``§`` whose lists become
  :class:`Unit` nodes by marker (``1.`` ustęp, ``1)`` punkt, ``a)`` litera, ``-``/``–``/``*`` tiret; a marker
  with a letter suffix, ``2a.``, ``2a)``, ``ba)``, keeps its number: ``fixed_num``; ``§{4a}`` a paragraf's), nested
  as § 54–57 ZTP allows, or as published resolutions do where units.yaml records it (``practice_children``:
  tirets directly in an ustęp, which ``paldocs check`` reports as PD057). Outside paragrafy lists stay
  :class:`ListBlock`.
- Tables (:mod:`paldocs.markup.tables`): GFM pipe tables → :class:`Table` — the first row is the header, the
  delimiter row sets each column's alignment (``:---`` left, ``---:`` right, ``:---:`` center, ``---``
  none), ``\\|`` is a pipe inside a cell, cells get the same inline conversion and typography as paragraphs.
  A row with fewer cells than the header is filled with empty cells; one with more is an error (nothing is
  silently dropped). A table ends at a blank line; a line without pipes directly after it is one more row.
  A paragraph directly before a table (a blank line between them allowed) whose text starts with exactly
  ``Tabela: `` is the table's caption, without the prefix: ``Tabela: Wskaźniki realizacji programu w 2015
  r.``; the caption text is printed as written (a template writes the number: ``Tabela: Tabela 1. …``).
- Figures: ``::: figure <asset>`` … ``:::`` → :class:`Figure` with ``asset`` = the id (``[a-z0-9][a-z0-9-]*``)
  that names the chart the pipeline attaches; its content is empty (no caption) or one paragraph, the
  caption. ``figure`` is not a :class:`DivRole`.
- Tables and figures stand at the top level or inside divs — never inside a paragraf or another legal unit,
  nor in a list item (the error names the place).
- Footnotes (:mod:`paldocs.markup.footnotes`): a call ``[^label]`` whose definition ``[^label]: …`` stands
  in the same text (data value or template) becomes :class:`FootnoteRef`; the part's notes are numbered 1, 2,
  … in the order of their first call and returned as :class:`Footnote` blocks after all other blocks. A call
  without a definition prints as typed, a definition nothing calls prints as typed in place (``paldocs
  check`` PD018 warns about both). A note holds paragraphs only and calls no other note.
- Statute citations that compose inserted (``SourceMap.citations``) become :class:`Citation` inlines whose
  ``text`` is what the block prints there (:mod:`paldocs.markup.citations`).
- Every :class:`Text` has Polish typography applied, adjacent texts merged, trailing spaces of a block removed
  (:mod:`paldocs.markup.inline`).
- Numbers, labels and addresses are left empty: :mod:`paldocs.numbering` fills them (keeping ``fixed_num``: a
  suffixed list marker, ``§{4a}``, or a level-1 heading opened by ``{3a}`` — how compose writes a number a
  unit keeps from the data).
- Provenance: given the source map of the text (``origins``, :mod:`paldocs.sourcemap`), every block, list
  item, unit and table cell gets ``origin`` — the data value holding the start of its own text (a paragraf's
  text after ``§``, an item's text after its marker), else the template line that wrote it.
- Any violation raises :class:`MarkupError` at that origin (the data file's ``line:column`` and field path, or
  the template and its line); without a source map at ``Location(file=source, line=first_line + <0-based
  line>)``.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache
from typing import cast

from markdown_it import MarkdownIt
from markdown_it.token import Token

from paldocs.document import (
    Block,
    Div,
    DivRole,
    Figure,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    ListStyle,
    Origin,
    PageBreak,
    Paragraph,
    Table,
    Unit,
    UnitKind,
)
from paldocs.errors import MarkupError, PaldocsError
from paldocs.markup import footnotes, marks
from paldocs.markup.citations import cite_inlines
from paldocs.markup.inline import to_inlines
from paldocs.markup.rules import ENV_KEY, ParseContext, paldocs_plugin
from paldocs.markup.tables import caption_tokens, table_plugin, to_table
from paldocs.markup.kept_numbers import added_number, kept_heading_number
from paldocs.sourcemap import SourceMap
from paldocs.vocabulary import list_style, unit

__all__ = ["to_blocks"]

# Deep enough for § > ust. > pkt > lit. > tiret inside a div; checked so that nothing deeper is silently cut.
MAX_NESTING = 40

_DISABLED = [
    "html_block", "code", "fence", "blockquote", "hr", "lheading", "reference",  # block
    "html_inline", "image", "link", "autolink", "backticks",  # inline
]

_LIST_CLOSE = {
    "bullet_list_open": "bullet_list_close",
    "ordered_list_open": "ordered_list_close",
    "alpha_list_open": "alpha_list_close",
}

@cache
def _parser() -> MarkdownIt:
    """The one configured parser, built on first use (rule chains are compiled once, then reused)."""
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
    md.disable(_DISABLED)
    md.use(paldocs_plugin)
    md.use(table_plugin)
    footnotes.install(md)
    marks.install(md)  # ~~skreślone~~ / ++dodane++: the words an amendment changes
    return md


def to_blocks(markdown: str, *, legal: bool = False, source: str = "<composed>", first_line: int = 1,
              origins: SourceMap | None = None) -> list[Block]:
    """Parse composed Markdown into IR blocks; ``legal`` turns on § units (the body of a resolution);
    ``origins``: the source map of ``markdown`` (its ``text`` is ``markdown``)."""
    ctx = ParseContext(source=source, first_line=first_line, legal=legal, origins=origins)
    return _Converter(tokenize(markdown, ctx), ctx).document()


def tokenize(markdown: str, ctx: ParseContext) -> list[Token]:
    """The markdown-it tokens of ``markdown`` in the paldocs dialect (for readers of typed markers)."""
    return _parser().parse(markdown, {ENV_KEY: ctx})


def provision_tokens(provision: str) -> list[Token] | None:
    """The tokens of one paragraf's text from ``resolution.provisions`` as templates/provisions.md.j2 writes it
    (a lone "§" line, so the first ustęp may open the text); None when the text does not parse (the build
    reports that error itself)."""
    try:
        return tokenize("§\n" + provision, ParseContext("<provision>", 0, legal=True))
    except PaldocsError:
        return None


def list_unit_kind(token: Token) -> UnitKind:
    """Inside a paragraf the list marker names the unit (§ 55–56 ZTP): "1." ustęp, "1)" punkt, "a)" litera."""
    return cast(UnitKind, list_style(_list_style(token)).unit)


def _list_style(token: Token) -> ListStyle:
    if token.type == "alpha_list_open":
        return "alpha-paren"
    if token.type == "ordered_list_open":
        return "decimal-dot" if token.markup == "." else "decimal-paren"
    return "dash" if token.markup in ("-", "–") else "bullet"


class _Converter:
    """Recursive descent over the flat token stream; ``pos`` always points at the next unread token."""

    def __init__(self, tokens: list[Token], ctx: ParseContext) -> None:
        self.tokens = tokens
        self.ctx = ctx
        self.pos = 0
        # Where the own text of a paragraf or list item starting on a line begins: a paragraph or heading on
        # that line starts there too, not at the "§" or list marker (the innermost item wins).
        self.content_starts = {token.map[0]: token.meta["content"] for token in tokens
                               if token.map and token.meta and "content" in token.meta}
        self.notes: list[Footnote] = []
        self.calls: dict[int, FootnoteRef | str] = {}  # id of a footnote_ref token → what it prints
        self.note_numbers: dict[int, str | None] = {}  # id of a definition's open token → its number
        self.number_footnotes()

    def scope(self, token: Token) -> Hashable:
        """Which text a token belongs to, for footnotes: the data value's field path or the template."""
        origin = self.ctx.origin(token.map[0]) if token.map else None
        if origin is None:
            return None
        return origin.path if origin.from_data else (origin.template, None)

    def call(self, token: Token) -> FootnoteRef | str:
        """What the footnote call ``token`` prints (numbered by :meth:`number_footnotes`)."""
        return self.calls[id(token)]

    def number_footnotes(self) -> None:
        """Number the defined notes by their first call (a note called in a note is refused)."""
        def refuse(token: Token, label: str) -> PaldocsError:
            return self.error(token, f"Przypis nie może zawierać odsyłacza do innego przypisu "
                                     f"(„{footnotes.literal_call(label)}”).",
                              "Wpisz treść obu przypisów osobno, każdy z odsyłaczem w tekście.")
        self.calls, self.note_numbers = footnotes.number_calls(self.tokens, self.scope, refuse)

    def document(self) -> list[Block]:
        # markdown-it drops whatever lies deeper than maxNesting; say so instead of losing the clerk's text.
        for token in self.tokens:
            if token.nesting == 1 and token.level >= MAX_NESTING - 1:
                raise self.error(token, "Zbyt głębokie zagnieżdżenie list lub bloków.",
                                 "Uprość strukturę: wyliczenie może mieć najwyżej kilka poziomów.")
        blocks = self.blocks(None, parent=None, in_list=False)
        return [*blocks, *sorted(self.notes, key=lambda note: int(note.num))]

    def error(self, token: Token, message: str, hint: str | None = None) -> MarkupError:
        return self.ctx.error(token.map[0] if token.map else 0, message, hint, self.offset(token))

    def offset(self, token: Token) -> int | None:
        """Where the token's own text starts in the parsed text (None without a source map or a line)."""
        if self.ctx.origins is None or not token.map:
            return None
        if token.meta and "content" in token.meta:
            return int(token.meta["content"])
        line = token.map[0]
        if line in self.content_starts:
            return int(self.content_starts[line])
        offset = self.ctx.origins.line_offset(line)
        if token.type == "heading_open":  # "## Tytuł": the text after the marker
            text = self.ctx.origins.text
            offset += len(token.markup)
            while offset < len(text) and text[offset] in " \t":
                offset += 1
        return offset

    def origin(self, token: Token) -> Origin | None:
        offset = self.offset(token)
        return None if offset is None or self.ctx.origins is None else self.ctx.origins.origin_at(offset)

    def blocks(self, close: str | None, *, parent: UnitKind | None, in_list: bool) -> list[Block]:
        """Read blocks up to the ``close`` token (consumed); inside a unit, check its shape on the way."""
        out: list[Block] = []
        tokens = self.tokens
        sub_kind: UnitKind | None = None  # kind of the unit's sub-units seen so far
        closing = False  # a paragraph followed the sub-units: the common closing part has begun
        while self.pos < len(tokens):
            token = tokens[self.pos]
            kind = token.type
            if kind == close:
                self.pos += 1
                return out
            if kind == footnotes.DEFINITION_OPEN:
                out.extend(self.footnote(token))
            elif kind == "paragraph_open":
                caption = self.caption(self.pos)
                if caption is not None:  # "Tabela: …" directly before a table: its caption
                    self.pos += 3
                    out.append(self.table(tokens[self.pos], parent, in_list, caption))
                    continue
                out.append(Paragraph(self.inlines(tokens[self.pos + 1]), origin=self.origin(token)))
                self.pos += 3
                closing = closing or sub_kind is not None
            elif kind == "table_open":
                out.append(self.table(token, parent, in_list, None))
            elif kind == "paldocs_figure_open":
                out.append(self.figure(token, parent, in_list))
            elif kind == "heading_open":
                if parent is not None:
                    raise self.error(token, f"Nagłówek („#”) nie może występować {unit(parent).in_form}.",
                                     "Nagłówki mogą stać tylko poza paragrafami (§).")
                heading = Heading(int(token.tag[1:]), self.inlines(tokens[self.pos + 1]), origin=self.origin(token))
                out.append(kept_heading_number(heading, tokens[self.pos + 1].content))
                self.pos += 3
            elif kind in _LIST_CLOSE and parent is not None:
                unit_kind = list_unit_kind(token)
                self.check_sub_unit(token, parent, unit_kind, sub_kind, closing)
                sub_kind = unit_kind
                out.extend(self.units(token, unit_kind))
            elif kind in _LIST_CLOSE:
                out.append(self.list_block(token))
            elif kind == "paldocs_paragraf_open":
                if parent is not None or in_list:
                    where = unit(parent).in_form if parent is not None else "w wyliczeniu (liście)"
                    raise self.error(token, f"Paragraf (§) nie może występować {where}.",
                                     "Znak § na początku wiersza otwiera nowy paragraf; odesłanie zacznij "
                                     "od słów, np. „w § 2”, albo napisz „\\§”.")
                self.pos += 1
                out.append(self.unit(token, "paragraf", "paldocs_paragraf_close"))
                out[-1].fixed_num = token.info or None  # "§{4a}": the number the paragraf keeps
            elif kind == "paldocs_div_open":
                if parent is not None:
                    where = unit(parent).in_form
                    raise self.error(token, f"Blok „{token.markup} {token.info}” nie może występować {where}.")
                self.pos += 1
                out.append(Div(cast(DivRole, token.info),
                               self.blocks("paldocs_div_close", parent=None, in_list=in_list), origin=self.origin(token)))
            elif kind == "paldocs_page_break":
                if parent is not None:
                    raise self.error(token, f"Podział strony nie może występować {unit(parent).in_form}.")
                self.pos += 1
                out.append(PageBreak(origin=self.origin(token)))
            else:  # every token type the enabled rules produce is handled above
                raise RuntimeError(f"unexpected markdown-it token {kind!r}")
        return out

    def footnote(self, token: Token) -> list[Block]:
        """A definition: kept as a numbered note of the part (nothing here), or, when nothing calls it, its
        paragraphs printed in place as typed."""
        self.pos += 1
        children = self.blocks(footnotes.DEFINITION_CLOSE, parent=None, in_list=False)
        label = token.meta["label"]
        if not all(isinstance(child, Paragraph) for child in children):
            raise self.error(token, f"Przypis „{footnotes.literal_definition(label).rstrip()}” może zawierać "
                                    "tylko akapity tekstu.",
                             "Wyliczenia, tabele i nagłówki umieść w tekście, nie w przypisie.")
        paragraphs = cast(list[Paragraph], children)
        num = self.note_numbers.get(id(token))
        if num is None:
            return list(footnotes.printed_as_typed(label, paragraphs, self.origin(token)))
        self.notes.append(Footnote(num, paragraphs, label=label, origin=self.origin(token)))
        return []

    def caption(self, pos: int) -> list[Inline] | None:
        """The caption when the paragraph opened at ``pos`` reads "Tabela: …" and a table follows it."""
        follows = pos + 3 < len(self.tokens) and self.tokens[pos + 3].type == "table_open"
        children = caption_tokens(self.tokens[pos + 1]) if follows else None
        return None if children is None else to_inlines(children, self.call)

    def check_placement(self, token: Token, what: str, parent: UnitKind | None, in_list: bool) -> None:
        """Tables and figures stand at the top level or in divs, never in a unit or a list."""
        if parent is not None or in_list:
            where = unit(parent).in_form if parent is not None else "w wyliczeniu (liście)"
            raise self.error(token, f"{what} nie może występować {where}.",
                             "Tabele i rysunki stoją poza paragrafami (§) i wyliczeniami, jako osobne bloki.")

    def table(self, token: Token, parent: UnitKind | None, in_list: bool, caption: list[Inline] | None) -> Table:
        self.check_placement(token, "Tabela", parent, in_list)
        table, self.pos = to_table(self.tokens, self.pos, caption, self.ctx.origins, self.call)
        table.origin = self.origin(token)
        return table

    def figure(self, token: Token, parent: UnitKind | None, in_list: bool) -> Figure:
        """``::: figure asset`` holding nothing or one paragraph, the caption."""
        self.check_placement(token, f"Rysunek „{token.markup} figure {token.info}”", parent, in_list)
        tokens, pos = self.tokens, self.pos + 1
        caption: list[Inline] | None = None
        if tokens[pos].type == "paragraph_open":
            caption = self.inlines(tokens[pos + 1]) or None
            pos += 3
        if tokens[pos].type != "paldocs_figure_close":
            raise self.error(tokens[pos], f"Rysunek „{token.markup} figure {token.info}” może zawierać tylko "
                                          "podpis — jeden akapit tekstu.",
                             "Tabele, listy, nagłówki i dalsze akapity umieść poza blokiem rysunku.")
        self.pos = pos + 1
        return Figure(token.info, caption, origin=self.origin(token))

    def check_sub_unit(self, token: Token, parent: UnitKind, kind: UnitKind, seen: UnitKind | None,
                       closing: bool) -> None:
        # A kind ZTP does not place here but published resolutions do (units.yaml practice_children, e.g. tirets
        # directly in an ustęp) is printed as written; paldocs check warns about it (PD057).
        if kind not in unit(parent).children and unit(parent).practice_child(kind) is None:
            hint = unit(parent).contents
            if kind != "tiret" and parent != "tiret":
                hint += " Jednostkę niższego stopnia wpisz z wcięciem pod jednostką, do której należy."
            raise self.error(token, f"{unit(kind).name} ({unit(kind).marker}) nie może występować "
                                    f"{unit(parent).in_form} — {unit(kind).ztp}.", hint)
        if seen is not None and seen != kind:
            raise self.error(token, f"{unit(parent).name} nie może zawierać jednocześnie "
                                    f"{unit(seen).plural_genitive} ({unit(seen).marker}) i "
                                    f"{unit(kind).plural_genitive} ({unit(kind).marker}) — {unit(kind).ztp}.",
                             unit(parent).contents)
        if closing:
            raise self.error(token, f"Po części wspólnej nie mogą następować dalsze {unit(kind).plural} "
                                    f"({unit(kind).marker}) — część wspólna zamyka wyliczenie (§ 56 ust. 1 ZTP).",
                             "Tekst należący do poprzedniej jednostki wpisz z wcięciem; część wspólną "
                             "przenieś na koniec wyliczenia.")

    def unit(self, token: Token, kind: UnitKind, close: str) -> Unit:
        children = self.blocks(close, parent=kind, in_list=False)
        if not children:
            raise self.error(token, f"{unit(kind).name} ({unit(kind).marker}) nie ma treści.")
        return Unit(kind, children, origin=self.origin(token))

    def units(self, list_open: Token, kind: UnitKind) -> list[Unit]:
        """A list inside a unit: one sub-unit per item."""
        close = _LIST_CLOSE[list_open.type]
        self.pos += 1
        out: list[Unit] = []
        while self.tokens[self.pos].type != close:
            item = self.tokens[self.pos]  # list_item_open
            self.pos += 1
            out.append(self.unit(item, kind, "list_item_close"))
            out[-1].fixed_num = added_number(list_open.type, item.info)
        self.pos += 1
        return out

    def list_block(self, list_open: Token) -> ListBlock:
        """A list outside any unit: a plain ListBlock (a § inside it is an error, see ``in_list``)."""
        close = _LIST_CLOSE[list_open.type]
        start = list_open.attrs.get("start", 1)
        block = ListBlock(_list_style(list_open), [], start=int(start), origin=self.origin(list_open))
        self.pos += 1
        while self.tokens[self.pos].type != close:
            item = self.tokens[self.pos]  # list_item_open
            self.pos += 1
            block.items.append(ListItem("", self.blocks("list_item_close", parent=None, in_list=True),
                                        origin=self.origin(item), fixed_num=added_number(list_open.type, item.info)))
        self.pos += 1
        return block

    def inlines(self, token: Token) -> list[Inline]:
        inlines = to_inlines(token.children or [], self.call)
        origins = self.ctx.origins
        if origins is not None and origins.citations and token.map:
            citations = origins.citations_between(*origins.line_range(*token.map))
            if citations:
                return cite_inlines(inlines, citations)
        return inlines
