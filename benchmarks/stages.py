"""The paldocs pipeline split into timed stages, and the raw baselines it is compared with.

Contract:
- :func:`staged_build` runs, for one resolution data file, exactly what :func:`paldocs.api.to_document` +
  :func:`paldocs.api.render` run, one stage at a time, and returns the outputs with each stage's wall time in
  seconds (``time.perf_counter``):

  ``load``     ``parse_file`` (read and parse the YAML once; it also tells a report from a resolution) +
               ``load_source(path, parsed)`` + ``refuse_contradictions`` — everything ``compose_document``
               does before composing; ``detect`` is the ``parse_file`` part of it.
  ``compose``  ``make_environment()`` + ``compose(data, env, file=…)`` (a build makes its environment afresh).
  ``parse``    :func:`paldocs.api.parse_composition`: ``to_blocks`` + ``number_part`` for every part, the
               ``Document`` and ``attach_assets``.
  ``docx``, ``html``, ``pdf``  ``render(document, fmt)``.

  ``stages`` chooses which writers run (the fresh-process build runs docx and pdf only, as users do).
- :func:`check_same_as_api` proves the split changes nothing: the staged document renders to the same HTML as
  ``paldocs.to_document``'s (load and compose are called here one by one, so they could drift from
  ``compose_document``; the parse stage is the API's public helper itself).
- :class:`RawWeasyPrint` and :func:`raw_docx` are the baselines: WeasyPrint and python-docx with nothing of
  paldocs around them (see each for what they include). :func:`docx_content` reads the paragraphs and tables
  paldocs wrote back from its DOCX, so the raw script writes the same text.

Reports (``document: report``) are not supported: the benchmark builds resolutions with an annex.
Importing this module imports paldocs (the fresh-process build times that import separately).
"""

from __future__ import annotations

import io
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

import docx
import weasyprint
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from weasyprint.text.fonts import FontConfiguration

from paldocs.api import (
    collector_paused,
    parse_composition,
    refuse_contradictions,
    render,
    to_document,
)
from paldocs.compose import compose, make_environment
from paldocs.document import Document
from paldocs.model.load import load_source, parse_file
from paldocs.writers.html import load_print_css, to_html
from paldocs.writers.pdf import BASE_URL

STAGES: tuple[str, ...] = ("load", "compose", "parse", "docx", "html", "pdf")
FULL_BUILD: tuple[str, ...] = ("load", "compose", "parse", "docx", "pdf")  # what `paldocs build -f docx,pdf` runs
WRITERS: tuple[str, ...] = ("docx", "html", "pdf")

# One item of a DOCX body as the raw script writes it: a paragraph's text, or a table's rows of cell texts.
BodyItem: TypeAlias = str | list[list[str]]


@dataclass(slots=True)
class Built:
    """The outputs of one staged build and the seconds each stage took."""

    document: Document
    outputs: dict[str, bytes] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)


def staged_build(path: Path, stages: Sequence[str] = STAGES) -> Built:
    """Build ``path`` stage by stage (see the module docstring); ``stages`` picks the writers to run."""
    source = str(path)
    times: dict[str, float] = {}

    # As api.compose_document: load, compose and parse run with the cyclic collector paused.
    with collector_paused():
        start = time.perf_counter()
        parsed = parse_file(path)  # as api.compose_document: one parse, which also says whether it is a report
        if parsed.is_report:
            raise SystemExit(f"{path}: a monitoring report; the benchmark builds resolutions only")
        detected = time.perf_counter()
        loaded = load_source(path, parsed)
        refuse_contradictions(loaded)
        times["load"] = time.perf_counter() - start
        times["detect"] = detected - start

        start = time.perf_counter()
        env = make_environment()
        composition = compose(loaded.data, env, file=source)
        times["compose"] = time.perf_counter() - start

        start = time.perf_counter()
        # The API's own parse stage (what compose_document calls), not a copy: the benchmark times the code that
        # ships. check_same_as_api still compares the result with to_document's, so the stages as a whole (load
        # and compose are still called here one by one) cannot drift from the API unnoticed.
        document = parse_composition(composition, source)
        times["parse"] = time.perf_counter() - start

    built = Built(document, times=times)
    for fmt in WRITERS:
        if fmt in stages:
            start = time.perf_counter()
            built.outputs[fmt] = render(document, fmt)
            times[fmt] = time.perf_counter() - start
    return built


def check_same_as_api(path: Path, built: Built) -> None:
    """Fail loudly if the staged document is not the one ``paldocs.to_document`` gives (compared as HTML)."""
    document, _ = to_document(path)
    expected = render(document, "html")
    actual = built.outputs.get("html") or render(built.document, "html")
    if actual != expected:
        raise SystemExit(f"{path}: the staged pipeline no longer matches paldocs.api — update stages.py")


def pdf_input_html(document: Document) -> str:
    """The exact HTML string paldocs's PDF writer hands WeasyPrint (to_pdf: ``to_html(document, css="")``;
    the print CSS goes in as a separate, pre-parsed stylesheet)."""
    return to_html(document, css="")


class RawWeasyPrint:
    """WeasyPrint alone: ``HTML(string=…).write_pdf(stylesheets=[css], font_config=…, pdf_tags=True)``.

    Tagged, as every paldocs PDF is by default: the same output, so the ratio measures paldocs's own work
    (what tagging itself costs is measured apart, by :mod:`tagging`).

    Gets what paldocs has (fair both ways): the print CSS parsed once and one FontConfiguration reused by
    every render, like paldocs's ``_resources()`` cache, and the same base URL. It needs no URL fetcher of its
    own: print.css loads its fonts from fontconfig, not by URL, so nothing is fetched. It does *not* do what
    paldocs's PDF stage does besides WeasyPrint: build the HTML from the IR, check figures, lock the fetcher
    down, check the embedded fonts and set /Lang in the finisher.
    """

    def __init__(self) -> None:
        self.font_config = FontConfiguration()
        self.css = weasyprint.CSS(string=load_print_css(), base_url=BASE_URL, font_config=self.font_config)

    def render(self, html: str) -> bytes:
        page = weasyprint.HTML(string=html, base_url=BASE_URL)
        return page.write_pdf(stylesheets=[self.css], font_config=self.font_config, pdf_tags=True)


def docx_content(docx_bytes: bytes) -> list[BodyItem]:
    """The body of a DOCX in order: each paragraph's text, each table's rows of cell texts.

    Headers and footers (paldocs's page numbers) are left out: the raw script writes none."""
    document = docx.Document(io.BytesIO(docx_bytes))
    items: list[BodyItem] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            items.append(DocxParagraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            items.append([[cell.text for cell in row.cells] for row in DocxTable(element, document).rows])
    return items


def raw_docx(items: Sequence[BodyItem]) -> bytes:
    """python-docx alone, as a user's script would write it: the default template, ``add_paragraph(text)``
    per paragraph, ``add_table`` with each cell's text per table, saved to memory. No styles, bookmarks,
    sections, footers, core properties or reproducible re-zipping (all of which paldocs's DOCX stage does)."""
    document = docx.Document()
    for item in items:
        if isinstance(item, str):
            document.add_paragraph(item)
            continue
        columns = max((len(row) for row in item), default=0)
        table = document.add_table(rows=len(item), cols=max(columns, 1))
        for row, texts in zip(table.rows, item):
            for cell, text in zip(row.cells, texts):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
