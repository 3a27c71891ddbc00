"""``import_documents``: a file of one or more acts (text, Markdown, DOCX, PDF, HTML) → data + log per act.

Contract: :func:`import_documents` runs the import pipeline — :func:`paldocs.importer.readers.read_input` (the
only step that may raise: a file that cannot be read), :func:`paldocs.importer.clean.clean_lines` (page chrome,
page numbers, e-document lines and conversion damage, each logged), :func:`paldocs.importer.source.blocks_from_lines`,
:func:`paldocs.importer.split.split_documents` (the documents of the file, each resolution with its annexes and
its uzasadnienie) — and assembles each document: a resolution by
:func:`paldocs.importer.assemble_resolution.assemble_resolution`, an annex alone by
:func:`paldocs.importer.annex.annex_alone`, a report by :func:`paldocs.importer.report.parse_report`, an
uzasadnienie without its resolution as a resolution holding only its justification. It returns one
:class:`ImportResult` per act: ``data`` validates as :class:`paldocs.model.resolution.DataFile` (the
municipality profile inline, guessed from the text, or the path given) or, for a report, as the report format;
``log`` lists what was recognised, kept, dropped and changed, ``original`` is the text read (the lines joined
with newlines) against which the words are accounted. Nothing below reading raises on content: what is not
recognised is kept verbatim in the best place of the model and logged.
:func:`import_document` returns the first act's result (kept for callers that import one act).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paldocs.errors import DataError
from paldocs.importer.annex import annex_alone
from paldocs.importer.assemble_resolution import assemble_resolution
from paldocs.importer.clean import clean_lines
from paldocs.importer.log import ImportLog
from paldocs.importer.readers import read_input
from paldocs.importer.report import parse_report
from paldocs.importer.resolution import inline_profile
from paldocs.importer.source import blocks_from_lines
from paldocs.importer.split import Segment, split_documents


@dataclass
class ImportResult:
    data: dict[str, Any]  # validates as DataFile (or, for a report, MonitoringReport)
    log: ImportLog
    original: str = ""  # the lines read, joined with "\n": the words are accounted against it


def import_documents(path: Path, *, profile: Path | None = None) -> list[ImportResult]:
    """One result per act, in the file's order; the first act's log also holds what reading and cleaning logged."""
    return _import_all(path, profile)


def import_document(path: Path, *, profile: Path | None = None) -> ImportResult:
    # not through import_documents: a caller may replace that one with a function that calls this one
    return _import_all(path, profile)[0]


def _import_all(path: Path, profile: Path | None) -> list[ImportResult]:
    log = ImportLog(path.name)
    source = read_input(path, log)
    original = "\n".join(line.text for line in source.lines)
    lines = clean_lines(source.lines, log, markdown=source.markdown)
    blocks = [block for block in blocks_from_lines(lines, markdown=source.markdown) if block.lines]
    if not blocks:
        raise DataError(f"Plik {path.name} nie zawiera tekstu — nie ma czego importować.")
    segments = _with_justifications(split_documents(blocks, log))
    results = []
    for index, segment in enumerate(segments):
        own = log if index == 0 else ImportLog(f"{path.name} (dokument {index + 1})")
        results.append(ImportResult(_assemble(segment, own, profile, markdown=source.markdown), own, original))
    return results


def _with_justifications(segments: list[Segment]) -> list[Segment]:
    """An uzasadnienie right after a resolution without one belongs to it (one act, one data file), even when its
    header names another number ("Uchwała Nr XX/120/2020" … "Uzasadnienie do uchwały Nr XX/121/2020 …", a typo):
    :func:`split_documents` keeps such an uzasadnienie as a document of its own."""
    joined: list[Segment] = []
    for segment in segments:
        if segment.kind == "justification" and joined and joined[-1].kind == "resolution" \
                and joined[-1].justification is None:
            joined[-1].justification = segment
            continue
        joined.append(segment)
    return joined


def _assemble(segment: Segment, log: ImportLog, profile: Path | None, *, markdown: bool) -> dict[str, Any]:
    if segment.kind == "report":  # the report format (``document: report``), standalone: no municipality profile
        return parse_report(segment.blocks, log)
    if segment.kind == "annex":
        data, found = annex_alone(segment.blocks, log)
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
