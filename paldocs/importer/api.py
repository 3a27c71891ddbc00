"""``import_documents``: a file of one or more acts (text, Markdown, DOCX, …) → a paldocs data dict + log per act.

Contract: :func:`import_documents` runs the import pipeline — :func:`paldocs.importer.readers.read_input` (the
only step that may raise: a file that cannot be read), :func:`paldocs.importer.clean.clean_lines` (page chrome,
page numbers, e-document lines and conversion damage, each logged), :func:`paldocs.importer.source.blocks_from_lines`,
the split into documents (``split_documents`` of :mod:`paldocs.importer.split` when present; else one
resolution segment whose annexes start at the "Załącznik …" lines after the signature, or an annex alone) —
and assembles each document: a resolution by :func:`paldocs.importer.assemble_resolution.assemble_resolution`,
an annex alone by :mod:`paldocs.importer.annex_fallback`, a report by ``parse_report`` of
:mod:`paldocs.importer.report` when present. It returns one :class:`ImportResult` per act: ``data`` validates
as :class:`paldocs.model.resolution.DataFile` (the municipality profile inline, guessed from the text, or the
path given), ``log`` lists what was recognised, kept, dropped and changed, ``original`` is the text read (the
lines joined with newlines) against which the words are accounted. Nothing below reading raises on content:
what is not recognised is kept verbatim in the best place of the model and logged.
:func:`import_document` returns the first act's result (kept for callers that import one act).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paldocs.errors import DataError
from paldocs.importer.annex_fallback import ANNEX_START, annex_data, read_annex_header
from paldocs.importer.assemble_resolution import assemble_resolution
from paldocs.importer.clean import clean_lines
from paldocs.importer.log import ImportLog
from paldocs.importer.readers import read_input
from paldocs.importer.resolution import inline_profile
from paldocs.importer.signature import START as SIGNATURE_START
from paldocs.importer.source import SourceBlock, blocks_from_lines


@dataclass
class ImportResult:
    data: dict[str, Any]  # validates as DataFile (or, for a report, MonitoringReport)
    log: ImportLog
    original: str = ""  # the lines read, joined with "\n": the words are accounted against it


@dataclass
class _Segment:
    """The shape of :class:`paldocs.importer.split.Segment`, for the fallback split."""

    kind: str
    blocks: list[SourceBlock]
    annexes: list[_Segment] = field(default_factory=list)
    justification: _Segment | None = None


def import_documents(path: Path, *, profile: Path | None = None) -> list[ImportResult]:
    return _import_all(path, profile)


def import_document(path: Path, *, profile: Path | None = None) -> ImportResult:
    return _import_all(path, profile)[0]


def _import_all(path: Path, profile: Path | None) -> list[ImportResult]:
    log = ImportLog(path.name)
    source = read_input(path, log)
    original = "\n".join(line.text for line in source.lines)
    lines = clean_lines(source.lines, log, markdown=source.markdown)
    blocks = [block for block in blocks_from_lines(lines, markdown=source.markdown) if block.lines]
    if not blocks:
        raise DataError(f"Plik {path.name} nie zawiera tekstu — nie ma czego importować.")
    segments = _with_justifications(_split(blocks, log))
    results = []
    for index, segment in enumerate(segments):
        own = log if index == 0 else ImportLog(f"{path.name} (dokument {index + 1})")
        results.append(ImportResult(_assemble(segment, own, profile, markdown=source.markdown), own, original))
    return results


def _split(blocks: list[SourceBlock], log: ImportLog) -> list[Any]:
    try:
        from paldocs.importer.split import split_documents  # type: ignore[import-not-found]
    except ImportError:
        return [_one_segment(blocks)]
    return split_documents(blocks, log) or [_one_segment(blocks)]


def _with_justifications(segments: list[Any]) -> list[Any]:
    """An uzasadnienie split off right after its resolution belongs to it (one act, one data file)."""
    joined: list[Any] = []
    for segment in segments:
        if segment.kind == "justification" and joined and joined[-1].kind == "resolution" \
                and joined[-1].justification is None:
            joined[-1].justification = segment
            continue
        joined.append(segment)
    return joined


def _one_segment(blocks: list[SourceBlock]) -> _Segment:
    """The whole file as one act: a resolution whose annexes start at "Załącznik …" blocks after its signature
    (or after its last §), or an annex alone when the file starts with "Załącznik …"."""
    if ANNEX_START.match(blocks[0].lines[0]):
        return _Segment("annex", blocks)
    signed = next((k for k, block in enumerate(blocks) if SIGNATURE_START.match(block.lines[0])
                   and len(block.text.split()) <= 24), None)
    starts = [k for k, block in enumerate(blocks) if ANNEX_START.match(block.lines[0])
              and (signed is None or k > signed) and k > 0 and not re.search(r"\bstanowi", block.text)]
    if not starts and signed is not None:  # a long text after the signature, neither justification nor notes
        after = signed + 1
        while after < len(blocks) and after <= signed + 2 and len(blocks[after].text.split()) <= 4:
            after += 1  # the name below the signature's title
        rest = blocks[after:]
        if len(rest) >= 5 and not re.match(r"^(?:uzasadnienie|\d{1,2}\)|\*)", rest[0].text, re.IGNORECASE):
            starts = [after]
    if not starts:
        return _Segment("resolution", blocks)
    bounds = [*starts, len(blocks)]
    annexes = [_Segment("annex", blocks[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return _Segment("resolution", blocks[:starts[0]], annexes)


def _assemble(segment: Any, log: ImportLog, profile: Path | None, *, markdown: bool) -> dict[str, Any]:
    if segment.kind == "report":
        try:
            from paldocs.importer.report import parse_report  # type: ignore[import-not-found]
        except ImportError:  # no report importer here: the report is kept as a resolution's verbatim text
            parse_report = None
        if parse_report is not None:
            return parse_report(segment.blocks, log)  # type: ignore[no-any-return]
    if segment.kind == "annex":
        data, found = _annex_alone(segment.blocks, log)
    elif segment.kind == "justification":  # an uzasadnienie published without its resolution
        assembled = assemble_resolution([], [], segment.blocks, log, markdown=markdown)
        data, found = assembled.data, assembled.found
    else:
        justification = segment.justification.blocks if segment.justification else None
        assembled = assemble_resolution(segment.blocks, [annex.blocks for annex in segment.annexes], justification,
                                        log, markdown=markdown)
        data, found = assembled.data, assembled.found
    municipality: Any = str(profile) if profile else inline_profile(found, log)
    return {"document": data.pop("document"), "municipality": municipality,
            **{key: value for key, value in data.items() if value is not None}}


def _annex_alone(blocks: list[SourceBlock], log: ImportLog) -> tuple[dict[str, Any], dict[str, Any]]:
    """An annex without its resolution: the header gives the resolution's number, council and date
    (``annex_alone`` of :mod:`paldocs.importer.annex` when present)."""
    try:
        from paldocs.importer.annex import annex_alone  # type: ignore[import-not-found]
    except ImportError:
        annex_alone = None
    if annex_alone is not None:
        data, found = annex_alone(blocks, log)
        if blocks[0].lines[0].isupper() and ANNEX_START.match(blocks[0].lines[0]):  # "ZAŁĄCZNIK DO UCHWAŁY …"
            found.setdefault("layout", {})["annex_header_uppercase"] = True
        return data, found
    info: dict[str, Any] = {}
    found: dict[str, Any] = {"layout": {}, "numbering": {}}
    read_annex_header(blocks, None, ImportLog(log.source), info)
    resolution: dict[str, Any] = {"kind": "pal"}
    if info.get("number"):
        resolution["number"] = info["number"]
        found["numbering"] = info.get("numbering") or {}
    if info.get("date_text"):
        from paldocs.importer.header import Header, read_date

        header = Header(number=info.get("number"))
        read_date(re.sub(r"^z\s+dnia\s+", "", info["date_text"], flags=re.IGNORECASE), blocks[0].line, header,
              ImportLog(log.source))
        if header.date:
            resolution["date"] = header.date
        else:
            resolution["status"] = "projekt"
    if info.get("council"):
        from paldocs.importer.resolution import council_from_genitive

        found["council"] = council_from_genitive(info["council"])
    if info.get("uppercase"):
        found["layout"]["annex_header_uppercase"] = True
    annex = annex_data(blocks, info.get("council"), log, found=found)
    if "program" in annex:
        return {"document": "annex", "resolution": resolution, "program": annex["program"]}, found
    resolution["kind"] = "generic"
    return {"document": "annex", "resolution": resolution, "annexes": [annex["annex"]]}, found
