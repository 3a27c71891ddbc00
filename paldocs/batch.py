"""Many documents at once: a pure function from input data to output bytes, and the parallel batch build.

Contract:
- :func:`build_bytes` takes a :class:`BuildRequest` (the data file's text and every file it names, all in
  memory) and returns a :class:`BuiltDocument` (the bytes of each format and the notes). It writes nothing,
  reads no file of the machine (only paldocs's packaged templates, fonts and acts catalog) and gives the same
  bytes for the same request (its PDF is always the serial writer's, whatever the machine's cores). Request
  and result are plain picklable values, so the function runs unchanged under ``concurrent.futures``,
  multiprocessing, Dask or Celery; paldocs itself adds no scheduler. Bad input raises
  :class:`~paldocs.errors.PaldocsError`, its location naming the request's file names. A caller building
  many requests may pass one :class:`~paldocs.context.BuildContext` to load the templates, kinds and package
  catalog once.
- :func:`build_files` builds data files on disk in parallel worker processes (``paldocs build --jobs N``):
  each worker keeps one build context (:func:`context_for`: templates, kinds, acts catalogs) and its
  WeasyPrint font configuration and parsed CSS between documents; one failing file does not stop the
  others. It returns one :class:`FileOutcome` per file, in the order given, and calls ``progress`` as each
  finishes. ``BuildOptions.pdf_workers`` is the processes per PDF (:mod:`paldocs.pdf_workers`): automatic
  when the files are built one at a time, serial when several build at once (``jobs`` > 1 or an executor)
  unless the options give a number.
- ``build_files(..., executor=…)`` runs the same per-file builds on any :class:`concurrent.futures.Executor`
  the caller owns (and shuts down): a ``ProcessPoolExecutor``, or Dask's ``Client.get_executor()`` for a
  cluster (``paldocs build --scheduler``). Each worker reads the data file and writes the outputs itself, so
  the paths are sent absolute and every worker must see them (one machine, or a shared folder); the
  outcomes (source, outputs, notes, messages) name the paths as given. Outcomes and errors per file are the
  same as with local processes; a task the executor itself loses (a killed worker, a broken pool) becomes
  that file's ``internal`` outcome.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from paldocs.context import BuildContext
from paldocs.inputs import expand_inputs, is_document_file
from paldocs.errors import PaldocsError
from paldocs.limits import Limits

if TYPE_CHECKING:  # concurrent.futures pulls in threading machinery a one-file build never needs
    from concurrent.futures import Executor


@dataclass(frozen=True)
class BuildRequest:
    """Everything one document is built from.

    ``data`` is the data file's YAML; ``name`` its file name (messages point at it, and references such as
    ``municipality: profiles/gmina.yaml`` resolve against it); ``files`` the other files it names, by
    their paths relative to ``name``'s folder (profile, acts catalog, for a report the program's data file).
    """

    data: str | bytes
    name: str = "dane.yaml"
    files: Mapping[str, str | bytes] = field(default_factory=dict)
    formats: tuple[str, ...] = ("docx", "pdf")
    pdf_variant: str | None = None
    templates: Mapping[str, str] | None = None  # name → Jinja template text, searched before the packaged ones
    limits: Limits | None = None


@dataclass(frozen=True)
class BuiltDocument:
    outputs: dict[str, bytes]  # format → bytes, in the order asked
    notes: tuple[str, ...] = ()


def build_bytes(request: BuildRequest, *, context: BuildContext | None = None) -> BuiltDocument:
    """Build one document entirely in memory (see the module contract).

    ``context``: a :class:`~paldocs.context.BuildContext` whose templates, kinds and catalogs to reuse (its
    limits and inputs are replaced by the request's; its templates must be the request's ``templates``)."""
    from paldocs.api import check_formats, compose_document, render_all

    formats = check_formats(request.formats)  # before any work: a typo in a format costs nothing
    folder = Path(request.name).parent
    files = {str(folder / name): _bytes(content) for name, content in request.files.items()}
    files[request.name] = _bytes(request.data)
    if context is not None and request.templates is not None and request.templates != context.templates:
        raise TypeError("the request's templates differ from the context's: build with a context of its templates")
    base = context or (packaged_context() if request.templates is None else BuildContext(templates=request.templates))
    context = dataclasses.replace(base, files=files, limits=request.limits, parsed=None)
    document, notes, files_read = compose_document(context.open(request.name), source=request.name)
    with context.applied():  # serial PDF: the same bytes for the same request on any machine
        outputs = render_all(document, formats, pdf_variant=request.pdf_variant, files_read=files_read,
                             pdf_workers=1)
    return BuiltDocument(outputs, tuple(notes))


@functools.cache
def packaged_context() -> BuildContext:
    """This process's context for requests with the packaged templates: a worker running many requests loads
    the templates, the kinds and the package catalog once (a request's own catalogs are cached by content)."""
    return BuildContext()


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


# --- many files on disk, in parallel --------------------------------------------------------------------

Status = Literal["ok", "error", "internal"]


@dataclass(frozen=True)
class FileOutcome:
    """What became of one data file: its outputs and notes, or the error (``error``: bad input, exit code 2;
    ``internal``: a paldocs bug, exit code 1)."""

    source: Path
    status: Status
    outputs: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()
    message: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class BuildOptions:
    formats: tuple[str, ...]
    out_dir: Path | None = None
    templates: Path | None = None
    acts: tuple[Path, ...] = ()
    pdf_variant: str | None = None
    limits: Limits | None = None
    draft: bool = False  # print resolutions as drafts for a council session (paldocs build --draft)
    pdf_workers: int | None = None  # processes per PDF (None: automatic; serial when files build at once)


def build_one(source: Path, options: BuildOptions, context: BuildContext | None = None) -> FileOutcome:
    """Build one file and report the outcome instead of raising (a worker must outlive a bad file);
    ``context``: the one shared by the batch (default: this process's for ``options``)."""
    from paldocs.api import build

    started = time.perf_counter()
    try:
        result = build(source, options.formats, options.out_dir, pdf_variant=options.pdf_variant,
                       context=context or context_for(options), draft=options.draft,
                       pdf_workers=options.pdf_workers)
    except PaldocsError as error:
        return FileOutcome(source, "error", message=str(error), seconds=time.perf_counter() - started)
    except Exception as error:  # a bug in paldocs: reported for this file, the batch goes on
        if os.environ.get("PALDOCS_DEBUG"):
            raise
        return FileOutcome(source, "internal", message=f"{type(error).__name__}: {error}",
                           seconds=time.perf_counter() - started)
    return FileOutcome(source, "ok", tuple(result.outputs), tuple(result.notes),
                       seconds=time.perf_counter() - started)


@functools.cache
def context_for(options: BuildOptions) -> BuildContext:
    """The build context of a batch's options, one per process: a worker loads templates, kinds and
    catalogs once for all the files it builds."""
    return BuildContext(templates=options.templates, acts=options.acts, limits=options.limits)


def warm_worker(options: BuildOptions) -> None:
    """Load what every document needs once per worker: templates, kinds and the package catalog; WeasyPrint's
    fonts and the parsed print CSS when PDFs are wanted (cached for the worker's life in paldocs.writers.pdf)."""
    context = context_for(options)
    context.kinds  # noqa: B018 — loads the environment and the registry
    context.catalog()
    if "pdf" in options.formats:
        from paldocs.writers.pdf import load_resources

        load_resources()


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def build_files(sources: Sequence[Path], options: BuildOptions, jobs: int | None = None,
                progress: Callable[[FileOutcome], None] | None = None,
                executor: Executor | None = None) -> list[FileOutcome]:
    """Build every file (in ``jobs`` worker processes when there are several files, or on ``executor`` when
    one is given: ``jobs`` is then ignored); outcomes in input order."""
    from paldocs.pdf_workers import per_document

    if executor is not None:
        options = dataclasses.replace(options, pdf_workers=per_document(options.pdf_workers, None))
        return _build_on(executor, sources, options, progress)
    jobs = max(1, min(jobs or default_jobs(), len(sources)))
    # Several files at once already use the cores: each PDF serial unless the user asked for workers.
    options = dataclasses.replace(options, pdf_workers=per_document(options.pdf_workers, jobs))
    if jobs == 1:
        context = BuildContext(templates=options.templates, acts=options.acts, limits=options.limits)
        outcomes = []
        for source in sources:
            outcomes.append(build_one(source, options, context))
            if progress:
                progress(outcomes[-1])
        return outcomes
    results: dict[int, FileOutcome] = {}
    # imported here: the process pool pulls in multiprocessing, which a one-file build never needs
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_worker, initargs=(options,)) as pool:
        pending: dict[Future[FileOutcome], int] = {pool.submit(build_one, source, options): index
                                                   for index, source in enumerate(sources)}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                results[index] = future.result()
                if progress:
                    progress(results[index])
    return [results[index] for index in range(len(sources))]




def _build_on(executor: Executor, sources: Sequence[Path], options: BuildOptions,
              progress: Callable[[FileOutcome], None] | None) -> list[FileOutcome]:
    """``build_one`` for each file on a caller's executor, paths absolute (a cluster's worker has its own
    working folder), the outcomes brought back to the paths as given."""
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    remote = _absolute_options(options)
    results: dict[int, FileOutcome] = {}
    pending: dict[Future[FileOutcome], int] = {}
    for index, source in enumerate(sources):
        try:
            pending[executor.submit(build_one, source.absolute(), remote)] = index
        except Exception as error:  # a shut-down executor, an unpicklable option: this file only
            results[index] = _lost(source, error)
            if progress:
                progress(results[index])
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            index = pending.pop(future)
            source = sources[index]
            try:
                outcome = future.result()
            except Exception as error:  # the executor lost the task: the other files go on
                results[index] = _lost(source, error)
            else:
                results[index] = _as_given(outcome, source, options)
            if progress:
                progress(results[index])
    return [results[index] for index in range(len(sources))]


def _as_given(outcome: FileOutcome, source: Path, options: BuildOptions) -> FileOutcome:
    """A worker's outcome with the paths the caller gave: the source, the outputs, and in the notes and the
    message the data file's folder (a file named relative to it, such as its profile, reads as locally)."""
    target_dir = options.out_dir if options.out_dir is not None else source.parent
    folder = str(source.absolute().parent) + os.sep
    given = "" if source.parent == Path(".") else str(source.parent) + os.sep

    def text(value: str) -> str:
        return value.replace(folder, given)

    return dataclasses.replace(outcome, source=source,
                               outputs=tuple(target_dir / output.name for output in outcome.outputs),
                               notes=tuple(map(text, outcome.notes)), message=text(outcome.message))


def _absolute_options(options: BuildOptions) -> BuildOptions:
    return dataclasses.replace(
        options, out_dir=options.out_dir.absolute() if options.out_dir is not None else None,
        templates=options.templates.absolute() if options.templates is not None else None,
        acts=tuple(path.absolute() for path in options.acts))


def _lost(source: Path, error: BaseException) -> FileOutcome:
    """A file whose task never came back from the executor: reported as a paldocs failure (exit code 1)."""
    if os.environ.get("PALDOCS_DEBUG"):
        raise error
    return FileOutcome(source, "internal", message=f"zadanie nie wróciło z wykonawcy ({type(error).__name__}: {error})")
