"""What a text value from the data may not contain, and what paldocs warns about.

Contract: :func:`inspect_text` looks at one text value as the user wrote it and returns the problems found:
``("error", message)`` for what can never reach a document, ``("warning", message)`` for what will be printed
literally although the user may have meant markup. The loader (:mod:`paldocs.model.load`) calls it for every
text of every data file and turns errors into a located :class:`~paldocs.errors.DataError` and warnings into
``uwaga:`` notes. Nothing here reads files or opens connections: the point is that data never makes paldocs
do so.

- Characters that XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, lone
  surrogates) cannot be stored in DOCX and break the PDF's text layer — an error, with the character's code.
- Unicode noncharacters U+FDD0–U+FDEF (paldocs's own origin markers, :mod:`paldocs.sourcemap`) — an error.
- Markdown image references (``![opis](adres)``) would make a renderer fetch a file or a URL — an error:
  paldocs draws only its own charts.
- Raw HTML (``<script>``, ``<b>``), Markdown links and autolinks are not markup in paldocs documents (raw HTML
  and links are off in the Markdown dialect); they are printed literally — a warning, so nothing is lost
  silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from paldocs.limits import Limits, current_limits, exceeded

Severity = Literal["error", "warning"]

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Unicode noncharacters U+FDD0–U+FDEF are reserved for a program's internal use: paldocs marks where composed
# text comes from with them (paldocs.sourcemap), so data may not hold them.
NONCHARACTER = re.compile("[\ufdd0-\ufdef]")
IMAGE_REFERENCE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]*)[^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
HTML_TAG = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|<!--")
LINK = re.compile(r"(?<!!)\[[^\]\n]+\]\([^)\n]*\)|<(?:https?|ftp|mailto|file):[^>\s]*>")


def inspect_text(text: str, limits: Limits | None = None) -> list[tuple[Severity, str]]:
    """The problems of one text value, errors first; an empty list when the text is fine. ``limits``:
    those in force unless given."""
    limits = limits or current_limits()
    if len(text) > limits.max_text_chars:  # nothing else is looked at in a text that will not be taken
        return [("error", exceeded("max_text_chars", limits, len(text)))]
    problems: list[tuple[Severity, str]] = []
    if (depth := list_depth(text)) > limits.max_markdown_nesting:
        problems.append(("error", exceeded("max_markdown_nesting", limits, depth)
                         + " — wyliczenie w dokumencie ma zwykle najwyżej kilka poziomów"))
    if match := XML_ILLEGAL.search(text):
        problems.append(("error", f"tekst zawiera znak sterujący U+{ord(match.group()):04X}, którego nie można "
                                  f"zapisać w dokumencie: „{_around(text, match.start())}” — usuń go (często trafia "
                                  "do danych z tekstu skopiowanego z PDF-a)"))
    if match := NONCHARACTER.search(text):
        problems.append(("error", f"tekst zawiera znak U+{ord(match.group()):04X}, który nie jest znakiem pisma (Unicode "
                                  f"rezerwuje go do wewnętrznego użytku programów): „{_around(text, match.start())}” — "
                                  "usuń go"))
    if match := IMAGE_REFERENCE.search(text):
        target = match.group(1) or match.group()
        problems.append(("error", f"odwołanie do obrazu „{target}” — paldocs nie wstawia obrazów wskazanych w "
                                  "danych (nie odczytuje plików ani adresów z danych); usuń je z tekstu"))
    if match := HTML_TAG.search(text):
        tag = "<!--" if match.group() == "<!--" else f"<{match.group(1)}>"
        problems.append(("warning", f"znacznik HTML „{tag}” zostanie wydrukowany dosłownie jako tekst (paldocs nie "
                                    "przenosi HTML do dokumentów); jeśli to pomyłka, usuń go"))
    if match := LINK.search(text):
        problems.append(("warning", f"odnośnik „{match.group()[:80]}” zostanie wydrukowany dosłownie (dokumenty "
                                    "paldocs nie zawierają odnośników); wpisz sam tekst albo adres"))
    if "[^" in text:  # a footnote call without its note, or a note nothing calls, prints as typed
        from paldocs.markup.footnotes import text_problems

        problems += [("warning", message) for message in text_problems(text)]
    return problems


_LIST_MARKER = re.compile(r"[ ]*(?:[-*+]|\d{1,9}[.)]|[a-z]\))(?:[ \t]+|$)")


def list_depth(text: str) -> int:
    """How deep Markdown lists nest in ``text`` (0: no list), from the columns of the list markers.

    A cheap upper estimate of what the parser builds (CommonMark nests a list item when its marker stands
    right of the enclosing item's marker; "- - x" nests on one line), so that a text nested deeper than
    the limit is refused here with its field path, before composing hides where it came from."""
    if "\n" not in text and not _LIST_MARKER.match(text):
        return 0
    deepest = 0
    open_columns: list[int] = []
    for line in text.expandtabs(4).splitlines():
        column, markers = 0, []
        while match := _LIST_MARKER.match(line, column):
            markers.append(column + len(match.group()) - len(match.group().lstrip(" ")))
            column = match.end()
        if not markers:
            continue
        while open_columns and open_columns[-1] >= markers[0]:
            open_columns.pop()
        open_columns.extend(markers)
        deepest = max(deepest, len(open_columns))
    return deepest


def inspect_values(value: Any, path: str = "") -> Iterator[tuple[Severity, str, str]]:
    """``(severity, message, field path)`` for every text inside plain values (a model's ``model_dump()``):
    the same inspection for data that did not come through the YAML loader (a web tool's own objects)."""
    limits = current_limits()
    if isinstance(value, dict):
        for key, item in value.items():
            yield from inspect_values(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        if len(value) > limits.max_list_items:
            yield "error", exceeded("max_list_items", limits, len(value)), path
        for index, item in enumerate(value):
            yield from inspect_values(item, f"{path}[{index}]")
    elif isinstance(value, str):
        for severity, message in inspect_text(value, limits):
            yield severity, message, path


def _around(text: str, index: int, width: int = 20) -> str:
    """The text near ``index`` with control characters shown as [U+XXXX]."""
    piece = text[max(0, index - width): index + width]
    return XML_ILLEGAL.sub(lambda found: f"[U+{ord(found.group()):04X}]", piece)
