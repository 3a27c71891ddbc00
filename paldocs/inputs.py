"""Where paldocs reads its input files from: the disk, or files the caller handed over in memory.

Contract: the loader (and the PDF/A writer, which embeds the inputs) read input files only through
:func:`read_bytes`, :func:`exists`, :func:`size` and :func:`absolute` (:func:`in_memory` says which
source is in force). By default they use the disk. Inside
``with files_in_memory({"dane.yaml": b"…", "profiles/gmina.yaml": b"…"}):`` they see exactly those files —
names are relative POSIX paths, references between them resolve as on disk ("../program.yaml" from
"raporty/2015.yaml" is "program.yaml") — and never touch the disk: a name that is not in the mapping does
not exist. That is what makes :func:`paldocs.batch.build_bytes` a pure function of its request.

:func:`expand_inputs` turns a command line's files, folders and glob patterns into the data files to build
or check (what a folder holds is decided by :func:`is_document_file`, from the text, without parsing).
"""

from __future__ import annotations

import contextlib
import errno
import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path

_memory: ContextVar[Mapping[str, bytes] | None] = ContextVar("paldocs_files_in_memory", default=None)


@contextlib.contextmanager
def files_in_memory(files: Mapping[str, bytes]) -> Iterator[None]:
    """Serve exactly ``files`` (name → content) as the input files for the ``with`` block."""
    token = _memory.set({_key(Path(name)): content for name, content in files.items()})
    try:
        yield
    finally:
        _memory.reset(token)


def _key(path: Path) -> str:
    return posixpath.normpath(path.as_posix())


def read_bytes(path: Path) -> bytes:
    files = _memory.get()
    if files is None:
        return path.read_bytes()
    try:
        return files[_key(path)]
    except KeyError:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path)) from None


def exists(path: Path) -> bool:
    files = _memory.get()
    return path.is_file() if files is None else _key(path) in files


def size(path: Path) -> int:
    files = _memory.get()
    return path.stat().st_size if files is None else len(read_bytes(path))


def in_memory() -> bool:
    """True inside ``files_in_memory`` (names are then relative keys, never checked against the disk)."""
    return _memory.get() is not None


def absolute(path: Path) -> Path:
    """The canonical path of an input: resolved on disk; in memory, the normalised relative name."""
    return path.resolve() if _memory.get() is None else Path(_key(path))


def expand_inputs(arguments: Iterable[str]) -> list[Path]:
    """Files, folders (every data file in them, recursively) and glob patterns → data files, in order,
    each once. Files named one by one are kept as given; of what a folder or a pattern matches, YAML files
    that are not documents (municipality profiles, acts catalogs) are skipped. A pattern that matches nothing
    is kept, so that building it reports "nie ma takiego pliku"."""
    import glob

    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml")
                                and p.is_file() and is_document_file(p)))
        elif glob.has_magic(argument) and not path.exists():
            matches = [match for match in sorted(map(Path, glob.glob(argument, recursive=True)))
                       if match.is_file() and is_document_file(match)]
            found.extend(matches or [path])
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def is_document_file(path: Path) -> bool:
    """A data file of a document (``document:``, ``resolution:`` or ``program:`` at the top level), not a
    municipality profile or an acts catalog — decided from the text, without parsing."""
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return False
    return any(line.startswith(("document:", "resolution:", "program:")) for line in head.splitlines())
