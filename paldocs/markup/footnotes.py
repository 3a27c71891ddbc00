"""Footnotes in the paldocs dialect: ``tekst[^1]`` and a definition ``[^1]: Treść przypisu.`` (pandoc syntax,
mdit-py-plugins' footnote plugin).

Contract:

- :func:`install` adds the plugin to a parser: a definition stays where it was written (a
  ``footnote_reference_open`` … ``_close`` token range holding its blocks, ``meta["label"]``); every
  ``[^label]`` in inline text is a ``footnote_ref`` token (``meta["label"]``) whether or not it is defined, so
  that the converter decides what prints. Inline notes ``^[…]`` are not part of the dialect (they print as
  typed).
- A call and its definition belong to the same text: the same data value (a program section, a report
  chapter, a provision, the justification) or, for template text, the template. :func:`number_calls`
  (through :class:`FootnoteScope`) numbers the defined notes of one part 1, 2, … in the order of their first
  call and says what each call prints; :func:`printed_as_typed` gives a definition that nothing calls back as
  its paragraphs.
- What would print literally is reported by :func:`footnote_problems` (``paldocs check`` PD018): a call
  whose label has no definition in the text (printed as typed, ``[^x]``), and a definition that nothing calls
  (printed as typed, ``[^x]: …``, so that no word of the clerk's is lost).
- A footnote holds paragraphs only (a note is a sentence or two: a source, an explanation); a reference
  inside a note is not allowed (Word and print have no notes of notes) — :class:`~paldocs.errors.MarkupError`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from paldocs.document import FootnoteRef, Origin, Paragraph, Text
from paldocs.errors import PaldocsError

__all__ = ["FootnoteScope", "footnote_problems", "install", "literal_call", "literal_definition", "text_problems"]

DEFINITION_OPEN = "footnote_reference_open"
DEFINITION_CLOSE = "footnote_reference_close"
CALL = "footnote_ref"


def install(md: MarkdownIt) -> None:
    """Footnote calls and definitions, kept in place (the converter numbers and places the notes)."""
    md.use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)


def literal_call(label: str) -> str:
    """How a call without a definition prints: as typed."""
    return f"[^{label}]"


def literal_definition(label: str) -> str:
    """How the start of a definition that nothing calls prints: as typed."""
    return f"[^{label}]: "


@dataclass(slots=True)
class FootnoteScope:
    """The numbering of one part's notes: a note is known by (scope, label), where the scope is the data value
    (its field path) or the template that wrote the text; numbers follow the first calls."""

    defined: set[tuple[Hashable, str]] = field(default_factory=set)
    numbers: dict[tuple[Hashable, str], str] = field(default_factory=dict)
    called: set[tuple[Hashable, str]] = field(default_factory=set)

    def call(self, key: tuple[Hashable, str]) -> tuple[str, bool] | None:
        """The number of the note called here and whether this is its first call; None when undefined."""
        if key not in self.defined:
            return None
        first = key not in self.numbers
        if first:
            self.numbers[key] = str(len(self.numbers) + 1)
        self.called.add(key)
        return self.numbers[key], first


def number_calls(tokens: list[Token], scope_of: Callable[[Token], Hashable],
                 refuse: Callable[[Token, str], PaldocsError]) -> tuple[dict[int, FootnoteRef | str],
                                                                        dict[int, str | None]]:
    """What each call prints (by the id of its ``footnote_ref`` token: a :class:`FootnoteRef`, or its text when
    undefined) and each definition's number (by the id of its open token; None: nothing calls it).
    ``scope_of`` names the text a token belongs to; ``refuse`` makes the error for a call inside a note."""
    scope = FootnoteScope()
    for token in tokens:
        if token.type == DEFINITION_OPEN:
            scope.defined.add((scope_of(token), token.meta["label"]))
    calls: dict[int, FootnoteRef | str] = {}
    inside = False
    for token in tokens:
        if token.type in (DEFINITION_OPEN, DEFINITION_CLOSE):
            inside = token.type == DEFINITION_OPEN
        elif token.type == "inline":
            for child in token.children or []:
                if child.type != CALL:
                    continue
                label = child.meta["label"]
                if inside:
                    raise refuse(token, label)
                called = scope.call((scope_of(token), label))
                calls[id(child)] = literal_call(label) if called is None else FootnoteRef(called[0], first=called[1])
    numbers = {id(token): scope.numbers.get((scope_of(token), token.meta["label"]))
               for token in tokens if token.type == DEFINITION_OPEN}
    return calls, numbers


def printed_as_typed(label: str, paragraphs: list[Paragraph], origin: Origin | None) -> list[Paragraph]:
    """A definition that nothing calls, as its paragraphs with "[^label]: " before the first."""
    prefix = literal_definition(label)
    if not paragraphs:
        return [Paragraph([Text(prefix.rstrip())], origin=origin)]
    first = paragraphs[0].children
    if first and isinstance(first[0], Text):
        first[0] = Text(prefix + first[0].text)
    else:
        first.insert(0, Text(prefix))
    for paragraph in paragraphs:
        paragraph.origin = paragraph.origin or origin
    return paragraphs


def footnote_problems(tokens: list[Token]) -> list[tuple[int, str]]:
    """``(line, message)`` for each call without a definition and each definition never called, in one text's
    tokens (0-based line of the parsed text)."""
    defined: dict[str, int] = {}
    calls: dict[str, int] = {}
    for token in tokens:
        if token.type == DEFINITION_OPEN:
            defined.setdefault(token.meta["label"], token.map[0] if token.map else 0)
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == CALL:
                    calls.setdefault(child.meta["label"], token.map[0] if token.map else 0)
    problems = [(line, f"odsyłacz do przypisu „{literal_call(label)}” nie ma definicji „{literal_definition(label)}"
                       f"…” w tym samym tekście — zostanie wydrukowany dosłownie")
                for label, line in calls.items() if label not in defined]
    problems += [(line, f"przypis „{literal_definition(label).rstrip()} …” nie ma odsyłacza „{literal_call(label)}” w "
                        "tekście — zostanie wydrukowany dosłownie jako akapit")
                 for label, line in defined.items() if label not in calls]
    return sorted(problems)


def text_problems(text: str) -> list[str]:
    """What of one text's footnotes would print literally (messages in Polish; [] for a text that does not
    parse: the build reports that error itself)."""
    if "[^" not in text:
        return []
    from paldocs.markup.parser import tokenize  # the parser imports this module
    from paldocs.markup.rules import ParseContext

    try:
        tokens = tokenize(text, ParseContext("<tekst>", 1, legal=False))
    except PaldocsError:
        return []
    return [message for _, message in footnote_problems(tokens)]
