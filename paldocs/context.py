"""The build context: everything a document is built with, loaded once and shared.

Contract: a :class:`BuildContext` holds

- the template environment (:func:`paldocs.compose.make_environment`, the one Jinja factory): the user's
  templates (a folder, or name → text) searched before the packaged ones;
- the kinds registry loaded from it (built-in ``kinds.yaml`` plus the user's): what ``resolution.kind`` is
  validated against;
- the acts catalogs: the package's, a profile's ``municipality.acts`` and the caller's ``acts``, merged in
  that order (later wins), one merged catalog per distinct profile list (catalogs handed over in memory are
  read per request: their names say nothing of their content);
- the limits (:mod:`paldocs.limits`) and the inputs reader (:mod:`paldocs.inputs`: the disk, or ``files``
  in memory), put in force for a block by :meth:`BuildContext.applied`;
- once opened for a data file (:meth:`BuildContext.open`), that file read and parsed — exactly once.

Environment, kinds and catalogs are loaded on first use and shared by every context opened from the same
one, so a program building many documents creates one context and opens it per file. ``paldocs build``,
:func:`paldocs.batch.build_bytes`, the batch workers, ``paldocs check``, ``paldocs new`` and ``paldocs kinds``
get their templates, kinds and catalogs here and nowhere else. A context is a value the caller may keep; it
reads the user's catalogs and templates when first needed and does not notice later edits to them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from paldocs.inputs import files_in_memory
from paldocs.limits import Limits, applied_limits

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from paldocs.kinds import Kind
    from paldocs.legal.catalog import Catalog
    from paldocs.model.load import ParsedFile, Source
    from paldocs.report.load import ReportSource


@dataclass(eq=False)
class LoadedOnce:
    """What a context loads on first use; shared by the contexts opened from it (``dataclasses.replace``
    keeps the same instance)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    environment: SandboxedEnvironment | None = None
    kinds: Mapping[str, Kind] | None = None
    catalogs: dict[tuple[str, ...], Catalog] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type[LoadedOnce], tuple[()]]:
        """A context sent to another process loads afresh there (a lock and a Jinja environment do not pickle)."""
        return LoadedOnce, ()


@dataclass(frozen=True, eq=False)
class BuildContext:
    """Templates, kinds, catalogs, limits and inputs for building documents (see the module contract)."""

    templates: Path | Mapping[str, str] | None = None
    acts: tuple[Path, ...] = ()
    limits: Limits | None = None
    files: Mapping[str, bytes] | None = None  # the input files in memory (name → bytes); None: the disk
    parsed: ParsedFile | None = None  # the data file, once opened
    loaded: LoadedOnce = field(default_factory=LoadedOnce, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "acts", tuple(Path(path) for path in self.acts))

    @property
    def environment(self) -> SandboxedEnvironment:
        """The sandboxed Jinja environment (user templates first), made once."""
        if self.loaded.environment is None:
            from paldocs.compose import make_environment

            with self.loaded.lock:
                if self.loaded.environment is None:
                    self.loaded.environment = make_environment(self.templates)
        return self.loaded.environment

    @property
    def kinds(self) -> Mapping[str, Kind]:
        """The kinds registry: the packaged ``kinds.yaml`` with the user's merged over it, loaded once."""
        if self.loaded.kinds is None:
            from paldocs.kinds import load_kinds

            environment = self.environment
            with self.loaded.lock:
                if self.loaded.kinds is None:
                    self.loaded.kinds = load_kinds(environment)
        return self.loaded.kinds

    def catalog(self, profile_acts: Sequence[str | Path] = ()) -> Catalog:
        """The package catalog merged with the profile's catalogs, then the context's ``acts`` (later wins)."""
        from paldocs.legal.catalog import load_catalog

        files = tuple(str(path) for path in (*profile_acts, *self.acts))
        if self.files is not None and files:
            # In memory a name says nothing of the content (each request brings its own "akty.yaml"), and a
            # long-lived worker must not keep every request's catalog: loaded per request, not cached.
            with self.applied():
                return load_catalog(files)
        catalog = self.loaded.catalogs.get(files)
        if catalog is None:
            with self.applied():
                catalog = load_catalog(files)
            with self.loaded.lock:
                catalog = self.loaded.catalogs.setdefault(files, catalog)
        return catalog

    @contextlib.contextmanager
    def applied(self) -> Iterator[None]:
        """Put the context's limits and inputs reader in force for the ``with`` block."""
        with contextlib.ExitStack() as stack:
            stack.enter_context(applied_limits(self.limits))
            if self.files is not None:
                stack.enter_context(files_in_memory(self.files))
            yield

    def open(self, path: str | Path) -> BuildContext:
        """This context with the data file ``path`` read and parsed (once; see :attr:`data`)."""
        from paldocs.model.load import parse_file

        with self.applied():
            parsed = parse_file(path)
        return dataclasses.replace(self, parsed=parsed)

    @property
    def data(self) -> ParsedFile:
        """The opened data file (plain values and positions, not validated yet)."""
        if self.parsed is None:
            raise ValueError("this build context has no data file: use BuildContext.open(path)")
        return self.parsed

    def load_source(self) -> Source:
        """The opened data file validated, its kind against :attr:`kinds`, with the positions of its values."""
        from paldocs.model.load import load_source

        kinds = self.kinds
        with self.applied():
            return load_source(self.data.path, self.data, kinds=kinds)

    def load_report(self) -> ReportSource:
        """The opened monitoring report and the program it names, validated (the program's kind against
        :attr:`kinds`)."""
        from paldocs.report.load import load_report

        kinds = self.kinds
        with self.applied():
            return load_report(self.data.path, self.data, kinds=kinds)


__all__ = ["BuildContext", "LoadedOnce"]
