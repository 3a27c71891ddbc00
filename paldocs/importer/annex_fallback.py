"""Annexes of an imported resolution while the annex importer of :mod:`paldocs.importer.annex` is absent.

Contract: :func:`annex_data` takes the blocks of one annex (from its "Załącznik …" header on) and returns
``{"program": …}`` when the annex is a program — a title with years and the sections
:func:`paldocs.importer.program.parse_program` recognises — or ``{"annex": {"title": …, "content": …}}`` (Markdown
verbatim; ``reproduced: false`` when the text holds only the title). When :mod:`paldocs.importer.annex` exists its
``import_annex`` is used instead (after the repeated signature is taken off). The annex header ("Załącznik Nr 1 do Uchwały Nr … Rady … z dnia …", on one
line or several) is read by :func:`read_annex_header`: paldocs prints its own header from the resolution's
number, council and date, so the header's words are logged as changed. A signature repeated at the end of the annex is recognised (``found`` gets
``annex_signature``). Never raises on content.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from paldocs.errors import PaldocsError
from paldocs.importer import resolution as rx
from paldocs.importer.header import NUMBER_PATTERN, DATE, tidy_case
from paldocs.importer.log import ImportLog
from paldocs.importer.signature import START
from paldocs.importer.source import SourceBlock

ANNEX_START = re.compile(r"^\s*za[łl][aą]cznik\b", re.IGNORECASE)
_ANNEX_HEAD = re.compile(rf"^za[łl][aą]cznik(?:\s+nr\.?\s*\d+)?(?:\s+do\s+(?:uchwały|uchwale)(?:\s+nr\.?)?\s*"
                         rf"(?P<number>{NUMBER_PATTERN})?)?", re.IGNORECASE)
_TAIL_HEAD = re.compile(rf"^do\s+(?:uchwały|uchwale)(?:\s+nr\.?)?\s*(?P<number>{NUMBER_PATTERN})?", re.IGNORECASE)
_YEARS = re.compile(r"((?:19|20)\d{2})\s*[–—-]\s*((?:19|20)\d{2})")
REASON = "nagłówek załącznika — paldocs drukuje własny (numer, organ i datę uchwały)"


def _tail(block: SourceBlock, start: int, first: str | None = None) -> SourceBlock:
    lines = list(block.lines[start:])
    markdown = list((block.markdown_lines or block.lines)[start:])
    if first is not None:
        lines[0] = markdown[0] = first
    return dataclasses.replace(block, lines=tuple(lines), line=block.line + start, markdown_lines=tuple(markdown))


def read_annex_header(blocks: list[SourceBlock], council: str | None, log: ImportLog,
                      info: dict[str, Any] | None = None) -> list[SourceBlock]:
    """Drop the header lines (logged); ``info`` gets number, numbering, council genitive and date when read."""
    info = info if info is not None else {}
    for b, block in enumerate(blocks):
        for k, line in enumerate(block.lines):
            rest = _header_part(line, council, block.line + k, log, info) if not info.get("done") else None
            if rest is None:
                info["done"] = True
                return [_tail(block, k), *blocks[b + 1:]] if k else blocks[b:]
            if rest:
                info["done"] = True
                return [_tail(block, k, rest), *blocks[b + 1:]]
    return []


def _is_header_line(line: str) -> bool:
    return bool(_ANNEX_HEAD.match(line) or _TAIL_HEAD.match(line) or DATE.match(line)
                or re.match(r"^rady\s", line, re.IGNORECASE))


def _header_part(line: str, council: str | None, number: int, log: ImportLog, info: dict[str, Any]) -> str | None:
    """The rest of ``line`` after its header parts ("" = all header), or None when it is no header line."""
    text, used = line.strip(), []
    head = _ANNEX_HEAD.match(text) or _TAIL_HEAD.match(text)
    if head:
        if line.isupper():
            info["uppercase"] = True
        if head["number"]:
            try:
                parsed = rx.parse_number(re.sub(r"\s*/\s*", "/", head["number"]))
                if parsed.value:
                    info.setdefault("number", parsed.value)
                if parsed.order:
                    info.setdefault("numbering", {"order": parsed.order, "year_digits": parsed.year_digits})
            except PaldocsError:
                pass
        used.append(head.group())
        text = text[head.end():].strip()
    elif not _is_header_line(text):
        return None
    council_here = re.match(r"^rady\s+.+?(?=\s+z\s+dnia\b|$)", text, re.IGNORECASE)
    if council and text.lower().startswith(council.lower()):
        used.append(text[:len(council)])
        text = text[len(council):].strip()
    elif council_here and (not head or not council):
        info.setdefault("council", tidy_case(council_here.group()))
        used.append(council_here.group())
        text = text[council_here.end():].strip()
    date = re.match(r"^z\s+dnia\s+(?:\d{1,2}\s+[^\W\d_]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|[.…_ ]+(?:\d{4})?)\s*"
                    r"(?:r\.?|roku)?", text, re.IGNORECASE)
    if re.match(r"^z\s+dnia\b", text, re.IGNORECASE) and len(text.split()) <= 6:
        date = re.match(r".*", text)  # the whole short line: a date, or a draft's blanks
    if date:
        info.setdefault("date_text", date.group())
        used.append(date.group())
        text = text[date.end():].strip()
    log.changed(number, REASON, " ".join(used), "Załącznik do Uchwały Nr … Rady … z dnia …")
    return text


def annex_data(blocks: list[SourceBlock], council: str | None, log: ImportLog, *,
               found: dict[str, Any] | None = None) -> dict[str, Any]:
    blocks = _without_signature(blocks, log, found)  # the resolution's signature repeated under its annex
    try:
        from paldocs.importer.annex import import_annex  # type: ignore[import-not-found]
    except ImportError:
        import_annex = None
    if import_annex is not None:
        return import_annex(blocks, log)  # type: ignore[no-any-return]
    body = read_annex_header(blocks, council, log)
    if not body:
        return {"annex": {"title": "Załącznik", "reproduced": False}}
    if _YEARS.search(body[0].text) and len(body) > 1:
        from paldocs.importer.program import parse_program

        trial = ImportLog(log.source)
        try:
            program = parse_program(body, trial)
        except PaldocsError:
            program = None
        if program is not None:
            log.entries.extend(trial.entries)
            return {"program": program}
    title = " ".join(body[0].text.split())
    log.recognised(body[0].line, f"załącznik „{title}” — treść zachowana dosłownie (Markdown)")
    if len(body) == 1:
        return {"annex": {"title": title, "reproduced": False}}
    content = "\n\n".join("\n".join(_escaped(line) for line in (block.markdown_lines or block.lines))
                          for block in body[1:])
    return {"annex": {"title": title, "content": content + "\n"}}


def _escaped(line: str) -> str:
    return "\\" + line if re.match(r"^(?:§|[#>+|])", line) else line


def _without_signature(blocks: list[SourceBlock], log: ImportLog, found: dict[str, Any] | None) -> list[SourceBlock]:
    for j in range(len(blocks) - 1, max(len(blocks) - 4, 0), -1):
        if START.match(blocks[j].lines[0]) and len(" ".join(b.text for b in blocks[j:]).split()) <= 16:
            log.recognised(blocks[j].line, "podpis powtórzony pod załącznikiem")
            if found is not None:
                found.setdefault("layout", {})["annex_signature"] = True
            return blocks[:j]
    return blocks
