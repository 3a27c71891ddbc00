"""The public pipeline, top to bottom: load → compose → parse → number → write.

Contract:
- Every function here builds with a :class:`~paldocs.context.BuildContext` (``context=``): the template
  environment, the kinds registry, the acts catalogs, the limits and the inputs reader, loaded once and
  shared by every document built with it. Without one, a context is made from ``templates``, ``acts`` and
  ``limits``; giving both is an error.
- :func:`to_document` turns a data file (path or validated model) into the IR, with the notes the user must
  read (e.g. citations the catalog cannot confirm, text that prints literally). The file is read and parsed
  exactly once (:meth:`BuildContext.open`); data are bounded by :mod:`paldocs.limits`; a resolution whose
  number contradicts its date is refused (:func:`refuse_contradictions`). :func:`compose_document` is the
  same for an opened context; :func:`parse_composition` is the parse stage alone.
- :func:`render` turns an IR document into the bytes of one format: the formats are :data:`WRITERS`
  (format → "module:function", imported on first use, so that a DOCX build never loads WeasyPrint);
  :data:`FORMATS` and :func:`check_formats` derive from it. A PDF goes through :func:`render_pdf`: laid out
  by several processes (:mod:`paldocs.writers.pdf_parallel`) when ``pdf_workers`` asks for it or the
  automatic choice (:mod:`paldocs.pdf_workers`) makes it, serially otherwise and always with embedded files.
- :func:`build` does both for one file and writes ``<out>/<stem>.<ext>`` for every format all or nothing
  (:func:`write_all_atomically`: temporary files in the same folder, then renames): a failure leaves no
  partial file and the previous outputs intact; an output that would overwrite an input file is refused
  before anything is written. Many files and in-memory data: :mod:`paldocs.batch`.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paldocs.compose import Composition, compose
from paldocs.context import BuildContext
from paldocs.document import Document, Figure, Part, walk
from paldocs.errors import DataError, Location, PaldocsError, RenderError, TemplateError, describe_os_error
from paldocs.limits import Limits
from paldocs.markup import to_blocks
from paldocs.model.load import Source
from paldocs.model.resolution import DataFile, as_draft, number_year_conflict
from paldocs.model.untrusted import inspect_values
from paldocs.numbering import number_part


@dataclass(frozen=True)
class OutputFormat:
    """One output format: its writer as "module:function" (imported on first use) and the keyword options it
    takes of those :func:`render` knows (``variant``, ``attachments``); a writer returning text is UTF-8."""

    writer: str
    options: tuple[str, ...] = ()

    def load(self) -> Callable[..., bytes | str]:
        module, _, name = self.writer.partition(":")
        function: Callable[..., bytes | str] = getattr(importlib.import_module(module), name)
        return function


WRITERS: dict[str, OutputFormat] = {
    "docx": OutputFormat("paldocs.writers.docx:to_docx"),
    "pdf": OutputFormat("paldocs.writers.pdf:to_pdf", ("variant", "attachments")),
    "html": OutputFormat("paldocs.writers.html:to_html"),
    "txt": OutputFormat("paldocs.writers.text:to_text"),
}
FORMATS: tuple[str, ...] = tuple(WRITERS)
PART_LABELS = {"resolution": "Uchwała", "annex": "Załącznik", "justification": "Uzasadnienie",
               "report": "Sprawozdanie"}


@dataclass(slots=True)
class BuildResult:
    source: Path
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def make_context(context: BuildContext | None, *, templates: Path | Mapping[str, str] | None = None,
                 acts: Sequence[Path] = (), limits: Limits | None = None) -> BuildContext:
    """``context``, or a new one from ``templates``, ``acts`` and ``limits`` (not both: which would win?)."""
    if context is None:
        return BuildContext(templates=templates, acts=tuple(acts), limits=limits)
    if templates is not None or acts or limits is not None:
        raise TypeError("give either context= or templates=/acts=/limits= (they are the context's)")
    return context


def load(path: str | Path, *, limits: Limits | None = None, templates: Path | None = None,
         context: BuildContext | None = None) -> DataFile:
    """Read and validate one data file (its kind against the context's kinds registry)."""
    return make_context(context, templates=templates, limits=limits).open(path).load_source().data


def to_document(data: DataFile | str | Path, *, templates: Path | None = None, source: str | None = None,
                acts: Sequence[Path] = (), limits: Limits | None = None, charts: bool = True,
                context: BuildContext | None = None, draft: bool = False) -> tuple[Document, list[str]]:
    """Data → IR document (composed, parsed, numbered) and the notes for the user.

    ``draft=True`` prints a resolution as a draft for a council session whatever its ``status`` says
    ("Projekt", blanks for number and date, no signature — ``paldocs build --draft``).

    ``limits`` (default: those in force, :mod:`paldocs.limits`) bound the size and depth of the input;
    ``charts=False`` leaves a report's figures undrawn (for checks: matplotlib is not loaded)."""
    context = make_context(context, templates=templates, acts=acts, limits=limits)
    if isinstance(data, DataFile):
        document, notes, _ = compose_document(context, data, source=source, charts=charts, draft=draft)
    else:
        document, notes, _ = compose_document(context.open(data), source=source, charts=charts, draft=draft)
    return document, notes


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the IR is built.

    Loading, composing and parsing allocate many objects that live until the document is written and make
    no reference cycles; the collector's full passes over them grow with the input (a third of load + parse
    at 100× the Kętrzyn example, benchmarks/). Restored afterwards — and left alone if the caller had
    already paused it — so a host application's setting is never changed for good."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compose_document(context: BuildContext, data: DataFile | None = None, *, source: str | None = None,
                     charts: bool = True, draft: bool = False) -> tuple[Document, list[str], list[Path]]:
    """Compose, parse and number the context's opened data file (or the model ``data`` built in code); the
    third value lists every input file read (never to be overwritten). ``draft``: print a resolution as a
    draft (:func:`paldocs.model.resolution.as_draft`; a report has no drafts and ignores it)."""
    with collector_paused(), context.applied():
        return _compose_document_now(context, data, source=source, charts=charts, draft=draft)


def _compose_document_now(context: BuildContext, data: DataFile | None, *, source: str | None,
                          charts: bool, draft: bool) -> tuple[Document, list[str], list[Path]]:
    inputs: list[Path] = []
    data_notes: Sequence[str] = ()
    if data is not None:  # built by the caller, not read from YAML: inspect its texts all the same
        data_notes = [f"{Location(source, path=where)}: {message}" for severity, message, where
                      in _inspected(data, source) if severity == "warning"]
        composition = compose(as_draft(data) if draft else data, context.environment, file=source,
                              kinds=context.kinds, catalog=context.catalog(data.municipality.acts))
    elif context.data.is_report:
        from paldocs.report.compose import compose_report

        report = context.load_report()
        composition = compose_report(report, context.environment, draw=charts)
        source, inputs, data_notes = report.file, list(report.files), report.notes
    else:
        loaded = context.load_source()
        refuse_contradictions(loaded)
        source, inputs, data_notes = source or loaded.file, list(loaded.files), loaded.notes
        composition = compose(as_draft(loaded.data) if draft else loaded.data, context.environment, file=source,
                              kinds=context.kinds, catalog=context.catalog(loaded.data.municipality.acts),
                              locate=loaded.locate)
    inputs += [Path(file) for file in [*composition.catalog_files, *composition.annex_files]]
    return parse_composition(composition, source), [*data_notes, *composition.notes], inputs


def parse_composition(composition: Composition, source: str | None) -> Document:
    """The parse stage: each composed part's Markdown → numbered IR blocks, and the charts attached."""
    parts = [
        number_part(Part(kind=part.kind, blocks=to_blocks(part.markdown, legal=part.kind == "resolution",  # type: ignore[arg-type]
                                                           source=f"{source or '<dane>'} (część: {part.kind})",
                                                           origins=part.origins),
                         page_numbers=part.page_numbers, heading_numbering=part.heading_numbering,  # type: ignore[arg-type]
                         label=part.label or PART_LABELS[part.kind]))
        for part in composition.parts
    ]
    document = Document(meta=composition.meta, parts=parts, house_style=composition.house_style)
    attach_assets(document, composition.assets, source)
    return document


def _inspected(data: DataFile, source: str | None) -> list[tuple[str, str, str]]:
    """The untrusted-text inspection of a model's values; the first error is raised with its field path."""
    findings = list(inspect_values(data.model_dump(mode="json", by_alias=True, exclude_none=True)))
    for severity, message, where in findings:
        if severity == "error":
            raise DataError(message, Location(source, path=where or None))
    return findings


def refuse_contradictions(source: Source) -> None:
    """Data that contradict themselves would print a wrong legal document: refuse to build (check PD002
    reports the same as a finding with its fix)."""
    if conflict := number_year_conflict(source.data):
        message, corrected = conflict
        raise DataError(f"{message} (PD002)", source.locate(("resolution", "number")), f"np. popraw numer na: {corrected}")


def attach_assets(document: Document, assets: dict[str, Any], source: str | None) -> None:
    """Give every Figure its drawings and alt text; a figure naming no drawing is a template error."""
    for node in walk(document):
        if isinstance(node, Figure):
            chart = assets.get(node.asset)
            if chart is None:
                raise TemplateError(f"szablon odwołuje się do wykresu „{node.asset}”, którego nie ma "
                                    f"(dostępne: {', '.join(sorted(assets)) or 'brak'})", Location(source))
            node.svg, node.png, node.alt = chart.svg, chart.png, chart.alt
            node.width_cm = getattr(chart, "width_cm", node.width_cm)  # an annex's picture fits its page
            node.file_name = getattr(chart, "name", "")


def render(document: Document, fmt: str, *, pdf_variant: str | None = None,
           attachments: Sequence[Any] = (), pdf_workers: int | None = None) -> bytes:
    """One output format of an IR document, as bytes (``pdf_variant``, ``attachments``: PDF only, see
    :func:`paldocs.writers.pdf.to_pdf`; ``pdf_workers``: see :func:`render_pdf`)."""
    output = WRITERS.get(fmt)
    if output is None:
        raise PaldocsError(f"nieznany format „{fmt}”; dostępne: {', '.join(WRITERS)}")
    if fmt == "pdf":
        return render_pdf(document, pdf_variant=pdf_variant, attachments=attachments, pdf_workers=pdf_workers)
    known: dict[str, Any] = {"variant": pdf_variant, "attachments": attachments}
    content = output.load()(document, **{name: known[name] for name in output.options})
    return content.encode("utf-8") if isinstance(content, str) else content


def render_pdf(document: Document, *, pdf_variant: str | None = None, attachments: Sequence[Any] = (),
               pdf_workers: int | None = None) -> bytes:
    """The PDF, laid out by as many processes as :func:`paldocs.pdf_workers.choose_pdf_workers` chooses for
    ``pdf_workers`` (None: automatic — serial unless the document is long and cores are free; 1: serial).
    Embedded source files (``attachments``) are not joined by the parallel writer: such a PDF is serial."""
    from paldocs.pdf_workers import choose_pdf_workers, per_document

    if attachments:
        per_document(pdf_workers, 1)  # a bad number is refused all the same
    elif (workers := choose_pdf_workers(document, pdf_workers)) > 1:
        from paldocs.writers.pdf_parallel import render_pdf_parallel

        return render_pdf_parallel(document, workers, variant=pdf_variant)  # loads fonts and CSS before forking
    content = WRITERS["pdf"].load()(document, variant=pdf_variant, attachments=attachments)
    return content.encode("utf-8") if isinstance(content, str) else content


def check_formats(formats: Iterable[str]) -> list[str]:
    """The formats asked for, each once, in order; a :class:`PaldocsError` naming unknown ones (or none)."""
    wanted = list(dict.fromkeys(formats))
    unknown = [fmt for fmt in wanted if fmt not in WRITERS]
    if unknown or not wanted:
        raise PaldocsError(f"nieznany format {', '.join(unknown) or '(pusty)'}; dostępne: {', '.join(WRITERS)}")
    return wanted


def render_all(document: Document, formats: Iterable[str], *, pdf_variant: str | None = None,
               files_read: Sequence[Path] = (), pdf_workers: int | None = None) -> dict[str, bytes]:
    """Every format asked for, rendered before anything is written (all or nothing); a PDF/A-3 embeds the
    user's input files ``files_read`` and a manifest (:mod:`paldocs.writers.pdf_archive`); ``pdf_workers``:
    see :func:`render_pdf`."""
    attachments: list[Any] = []
    if "pdf" in formats and pdf_variant and pdf_variant.startswith("pdf/a-3"):
        from paldocs.writers.pdf_archive import source_files

        attachments = source_files(files_read)
    pdf_options: dict[str, Any] = {"pdf_variant": pdf_variant, "attachments": attachments,
                                   "pdf_workers": pdf_workers}
    return {fmt: render(document, fmt, **(pdf_options if fmt == "pdf" else {})) for fmt in check_formats(formats)}


def build(path: str | Path, formats: Iterable[str] = ("docx", "pdf"), out_dir: str | Path | None = None,
          *, templates: Path | None = None, acts: Sequence[Path] = (),
          pdf_variant: str | None = None, limits: Limits | None = None,
          context: BuildContext | None = None, draft: bool = False,
          pdf_workers: int | None = None) -> BuildResult:
    """Build one data file to the given formats; outputs go to ``out_dir`` (default: next to the file).

    ``pdf_variant`` (e.g. "pdf/a-3b", "pdf/ua-1") applies to the PDF; a PDF/A-3 embeds the input data
    files (not paldocs's packaged ones) and a manifest (:mod:`paldocs.writers.pdf_archive`). All or nothing:
    every format is rendered and written to a temporary file before any output is replaced. ``draft=True``
    prints the resolution as a draft for a council session (as ``status: projekt``; ``paldocs build --draft``).
    ``pdf_workers``: processes laying out the PDF (None: automatic, 1: serial; :func:`render_pdf`)."""
    context = make_context(context, templates=templates, acts=acts, limits=limits)
    source = Path(path)
    formats = check_formats(formats)
    document, notes, files_read = compose_document(context.open(source), source=str(source), draft=draft)
    target_dir = Path(out_dir) if out_dir is not None else source.parent
    inputs = {file.resolve() for file in files_read}
    targets = {fmt: target_dir / f"{source.stem}.{fmt}" for fmt in formats}
    for target in targets.values():
        if target.resolve() in inputs:
            raise RenderError(f"plik wynikowy {target} nadpisałby plik wejściowy — wybierz inny katalog (--out)",
                              Location(str(source)))
    with context.applied():
        outputs = render_all(document, formats, pdf_variant=pdf_variant, files_read=files_read,
                             pdf_workers=pdf_workers)
    rendered = {targets[fmt]: content for fmt, content in outputs.items()}
    write_all_atomically(rendered)
    return BuildResult(source, outputs=list(rendered), notes=notes)


def write_atomically(target: Path, content: bytes) -> None:
    """Write via a temporary file in the target's folder and rename it into place."""
    write_all_atomically({target: content})


def write_all_atomically(contents: dict[Path, bytes]) -> None:
    """Write every file to a temporary file beside its target, then rename them all into place.

    A failure while writing (no space, no permission, an interrupt) removes every temporary file and leaves
    every previous output as it was; only the renames, which do not fail for want of space, come after."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in contents.items():
            staged.append((_write_temporary(target, content), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except BaseException as error:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            target = staged[-1][1] if staged else next(iter(contents))
            raise RenderError(f"nie można zapisać pliku ({describe_os_error(error)})", Location(str(target))) from None
        raise


def _write_temporary(target: Path, content: bytes) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise RenderError(f"nie można zapisać w katalogu {target.parent} ({describe_os_error(error)})",
                          Location(str(target))) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
