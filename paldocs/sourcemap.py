"""Where composed Markdown came from: the source map that gives every IR node its :class:`Origin`.

Contract:
- While a part is composed (:func:`recording`), every data value that compose inserts is wrapped in invisible
  markers carrying an index into a table of origins (the value's field path and, when the loader's positions
  are known, its ``file:line:column``), and every run of text a template writes starts with a marker naming
  the template and its line (:class:`OriginExtension`). Values are recognised by identity: :func:`index_fields`
  maps every string object of the validated model to its field path, so a value that a filter changed
  (``| upper``) has no data origin and counts as the template's text.
- A statute citation (:class:`~paldocs.document.Citation`, built by compose) is wrapped in citation markers;
  :func:`strip` records where it stands (``SourceMap.citations``) and the parser makes its printed text a
  Citation node.
- :func:`strip` removes every marker from the rendered text and returns the clean Markdown (the only text that
  is ever parsed, printed or dumped) with a :class:`SourceMap`: data spans and template points as offsets into
  that clean text. :meth:`SourceMap.origin_at` answers "who wrote the character at this offset": the innermost
  data value that contains it, otherwise the template text that precedes it on its line.
- Markers are Unicode noncharacters U+FDD0–U+FDEF ("permanently reserved for internal use"); data may not
  contain them (:mod:`paldocs.model.untrusted` refuses them), and outside :func:`recording` none is emitted,
  so no marker can reach any output. Markdown escaping (:func:`paldocs.compose.escape_markdown`) never sees
  a marker at the start of a value: values are escaped first, then wrapped.
- Limits, by design: equal values that are one object (a YAML alias) point at the first field that holds it;
  text a template captures while recording (a ``{% set %}`` block, a macro's ``caller()``) carries its
  markers — escaping removes them, but comparing such text with a literal would see them (paldocs's own
  templates capture nothing).
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from pydantic import BaseModel

from paldocs.document import Citation, Origin
from paldocs.errors import Location

__all__ = ["DataFile", "MARKERS", "Origin", "OriginExtension", "Recorder", "SourceMap", "cite", "index_fields",
           "recording", "strip", "strip_markers", "template_point", "wrap"]

FieldPath = tuple[str | int, ...]
Locate = Callable[[FieldPath], Location]

_OPEN, _CLOSE, _POINT, _CITE, _CITE_CLOSE = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3", "\ufdd4"
_DIGIT0 = 0xFDE0  # sixteen digits U+FDE0–U+FDEF: an index in base 16
MARKERS = re.compile("[\ufdd0-\ufdef]")
_TOKEN = re.compile("\ufdd0([\ufde0-\ufdef]+)|\ufdd1|\ufdd2([\ufde0-\ufdef]+)|\ufdd3([\ufde0-\ufdef]+)|\ufdd4")
_LINES = re.compile(r"[^\n]*\n|[^\n]+")  # Jinja counts lines by "\n" only
MARK_FUNCTION = "_paldocs_origin"  # the global a template line calls (inserted by OriginExtension)


def _digits(index: int) -> str:
    out = ""
    while True:
        out = chr(_DIGIT0 + index % 16) + out
        index //= 16
        if not index:
            return out


def _number(digits: str) -> int:
    value = 0
    for ch in digits:
        value = value * 16 + ord(ch) - _DIGIT0
    return value


@dataclass(frozen=True, slots=True)
class DataFile:
    """Where a model's values were read: ``locate`` (a loader's ``Source.locate``) gives a field path its
    ``file:line:column``; without it an origin names ``file`` and the field path only."""

    file: str | None = None
    locate: Locate | None = None

    def origin(self, path: FieldPath) -> Origin:
        if self.locate is not None:
            where = self.locate(path)
            return Origin(where.file, where.line, where.column, path)
        return Origin(self.file, path=path)


Fields = dict[int, tuple[FieldPath, DataFile]]


def index_fields(model: BaseModel, source: DataFile | None = None) -> Fields:
    """Every string object of a validated model (by ``id``) → its field path, named as in the YAML (aliases),
    and the file it was read from.

    One-character strings are skipped: Python shares them, so their identity says nothing about a field."""
    found: Fields = {}
    source = source or DataFile()

    def visit(value: Any, path: FieldPath) -> None:
        if isinstance(value, str):
            if len(value) > 1:  # a string read from a mapping's field names it (ProvisionText: ("text",))
                found.setdefault(id(value), ((*path, *getattr(value, "data_path", ())), source))
        elif isinstance(value, BaseModel):
            for name, info in type(value).model_fields.items():
                visit(getattr(value, name), (*path, info.alias or name))
        elif isinstance(value, (list, tuple)):
            for position, item in enumerate(value):
                visit(item, (*path, position))
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, (*path, str(key)))

    visit(model, ())
    return found


@dataclass(slots=True)
class Recorder:
    """The table of origins of one composed part, filled while its templates render."""

    fields: Fields
    origins: list[Origin] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    _by_key: dict[object, int] = field(default_factory=dict)

    def _index(self, key: object, make: Callable[[], Origin]) -> int:
        index = self._by_key.get(key)
        if index is None:
            index = self._by_key[key] = len(self.origins)
            self.origins.append(make())
        return index

    def wrap(self, value: object, text: str) -> str:
        """``text`` (the value as inserted) inside data markers when ``value`` is a field of the model."""
        found = self.fields.get(id(value))
        if found is None:
            return text
        path, source = found
        index = self._index((id(source), path), lambda: source.origin(path))
        return f"{_OPEN}{_digits(index)}{text}{_CLOSE}"

    def cite(self, citation: Citation, text: str) -> str:
        """``text`` (a citation as inserted) inside citation markers: the parser makes it a Citation node."""
        self.citations.append(citation)
        return f"{_CITE}{_digits(len(self.citations) - 1)}{text}{_CITE_CLOSE}"

    def point(self, template: str, line: int) -> str:
        index = self._index((template, line), lambda: Origin(template=template, template_line=line))
        return f"{_POINT}{_digits(index)}"


_current: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar("paldocs_origin_recorder", default=None)


@contextlib.contextmanager
def recording(recorder: Recorder) -> Iterator[Recorder]:
    """Emit markers into what renders inside the block (and only there)."""
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


def wrap(value: object, text: str) -> str:
    """:meth:`Recorder.wrap` of the recording in force; ``text`` unchanged when nothing records."""
    recorder = _current.get()
    return text if recorder is None else recorder.wrap(value, text)


def cite(citation: Citation, text: str) -> str:
    """:meth:`Recorder.cite` of the recording in force; ``text`` unchanged when nothing records."""
    recorder = _current.get()
    return text if recorder is None else recorder.cite(citation, text)


def template_point(template: str, line: int) -> str:
    """The marker a template line emits (an empty string when nothing records)."""
    recorder = _current.get()
    return "" if recorder is None else recorder.point(template, line)


class OriginExtension(Extension):
    """Puts ``{{ _paldocs_origin(name, line) }}`` before every run of a template's own text, so that text can
    be traced to its template and line. Runs after the lexer (trim_blocks and lstrip_blocks are applied)."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        template = stream.filename or stream.name or "<szablon>"
        for token in stream:
            if token.type != "data" or not token.value:
                yield token
                continue
            line = token.lineno
            for piece in _LINES.findall(token.value):
                if piece.strip():
                    yield from _call(template, line)
                yield Token(line, "data", piece)
                line += 1


def _call(template: str, line: int) -> Iterator[Token]:
    yield Token(line, "variable_begin", "{{")
    yield Token(line, "name", MARK_FUNCTION)
    yield Token(line, "lparen", "(")
    yield Token(line, "string", template)
    yield Token(line, "comma", ",")
    yield Token(line, "integer", line)
    yield Token(line, "rparen", ")")
    yield Token(line, "variable_end", "}}")


def strip_markers(text: str) -> str:
    return MARKERS.sub("", text) if MARKERS.search(text) else text


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Origins of a clean composed text: data spans and template points, as offsets into the text
    (markdown-it's ``src`` after its newline normalisation).

    ``spans`` are ``(start, end, origin, parent)`` in order of opening (so sorted by start, an enclosing span
    before the spans it holds; ``parent`` is the index of the enclosing span or -1); ``points`` are
    ``(offset, origin)`` in text order."""

    text: str
    spans: tuple[tuple[int, int, Origin, int], ...] = ()
    points: tuple[tuple[int, Origin], ...] = ()
    line_starts: tuple[int, ...] = (0,)
    span_starts: tuple[int, ...] = ()
    point_offsets: tuple[int, ...] = ()
    citations: tuple[tuple[int, int, Citation], ...] = ()  # (start, end, the citation compose inserted there)

    def citations_between(self, start: int, end: int) -> list[Citation]:
        """The citations inserted in ``[start, end)`` of the text, in order."""
        return [citation for begin, _, citation in self.citations if start <= begin < end]

    def line_range(self, first: int, stop: int) -> tuple[int, int]:
        """Offsets of 0-based lines ``[first, stop)`` (as markdown-it's ``token.map``)."""
        end = self.line_starts[stop] if stop < len(self.line_starts) else len(self.text)
        return (self.line_starts[first] if first < len(self.line_starts) else len(self.text)), end

    def line_offset(self, line: int) -> int:
        """Offset of the first non-blank character of 0-based ``line``."""
        if not 0 <= line < len(self.line_starts):
            return len(self.text)
        start = self.line_starts[line]
        while start < len(self.text) and self.text[start] in " \t":
            start += 1
        return start

    def origin_at(self, offset: int) -> Origin | None:
        """The innermost data value holding ``offset``, else the template text before it on its line (or the
        first after it on that line, or the last before it)."""
        index = bisect.bisect_right(self.span_starts, offset) - 1
        while index >= 0:  # the last span opened at or before offset, then the spans enclosing it
            start, end, origin, parent = self.spans[index]
            if offset < end:
                return origin
            index = parent
        line = self._line_of(offset)
        position = bisect.bisect_right(self.point_offsets, offset) - 1
        if position >= 0 and self._line_of(self.point_offsets[position]) == line:
            return self.points[position][1]
        following = position + 1
        if following < len(self.points) and self._line_of(self.point_offsets[following]) == line:
            return self.points[following][1]
        return self.points[position][1] if position >= 0 else None

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1


def strip(text: str, origins: list[Origin], citations: list[Citation] | None = None) -> SourceMap:
    """Remove the markers of a rendered text; the clean text and where each part of it came from."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as markdown-it normalises its source
    pieces: list[str] = []
    spans: list[list[Any]] = []  # [start, end, origin, parent]
    points: list[tuple[int, Origin]] = []
    cited: list[tuple[int, int, Citation]] = []
    citing: list[tuple[int, Citation]] = []
    stack: list[int] = []
    length, last = 0, 0
    for match in _TOKEN.finditer(text):
        piece = strip_markers(text[last:match.start()])  # a stray marker (never emitted) never survives
        pieces.append(piece)
        length += len(piece)
        last = match.end()
        if match.group(1) is not None:
            spans.append([length, -1, origins[_number(match.group(1))], stack[-1] if stack else -1])
            stack.append(len(spans) - 1)
        elif match.group(2) is not None:
            points.append((length, origins[_number(match.group(2))]))
        elif match.group(3) is not None:
            citing.append((length, (citations or [])[_number(match.group(3))]))
        elif match.group() == _CITE_CLOSE:
            if citing:
                start, citation = citing.pop()
                cited.append((start, length, citation))
        elif stack:
            spans[stack.pop()][1] = length
    pieces.append(strip_markers(text[last:]))
    clean = "".join(pieces)
    for index in stack:  # never expected: a value left open runs to the end
        spans[index][1] = len(clean)
    starts = (0, *(match.end() for match in re.finditer("\n", clean)))
    return SourceMap(clean, tuple((s, e, o, p) for s, e, o, p in spans), tuple(points), starts,
                     tuple(span[0] for span in spans), tuple(offset for offset, _ in points),
                     tuple(sorted(cited, key=lambda item: item[0])))
