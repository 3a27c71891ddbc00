"""Source files inside a PDF/A-3: the data files a document was built from, embedded as associated files.

Contract:
- :func:`source_files` turns the input files of a build into :class:`SourceFile` s named relative to their
  common folder (``ketrzyn-2014-pal.yaml``, ``profiles/ketrzyn.yaml``), so that the extracted files keep
  their relative references; paldocs's own packaged files (the built-in acts catalog) are left out — the
  manifest names their version instead.
- :func:`with_manifest` adds ``paldocs-source.json``: every file's name, size and sha256, the paldocs
  version and the acts catalog version (``meta.catalog_version``). Sorted keys, sorted files: the same
  inputs give the same bytes.
- :func:`extract` reads them back from PDF bytes, checking every file against the manifest; a PDF without a
  paldocs manifest, with a file that does not match it, or with an unsafe name is a
  :class:`~paldocs.errors.DataError`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from paldocs import inputs
from paldocs.errors import DataError

MANIFEST = "paldocs-source.json"
MANIFEST_FORMAT = 1


@dataclass(frozen=True, slots=True)
class SourceFile:
    name: str  # relative POSIX path, no "..", not absolute
    data: bytes


def _paldocs_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("paldocs")
    except PackageNotFoundError:  # pragma: no cover — running from a bare checkout
        return "0+unknown"


def source_files(paths: Iterable[Path]) -> list[SourceFile]:
    """The user's input files (not paldocs's packaged ones), named relative to their common folder."""
    package = Path(__file__).resolve().parents[1]
    resolved = list(dict.fromkeys(inputs.absolute(Path(p)) for p in paths if not _packaged(Path(p), package)))
    if not resolved:
        return []
    root = Path(os.path.commonpath([p.parent for p in resolved]))
    return sorted((SourceFile(p.relative_to(root).as_posix(), inputs.read_bytes(p)) for p in resolved),
                  key=lambda f: f.name)


def _packaged(path: Path, package: Path) -> bool:
    """A file of paldocs itself (the catalog reports its packaged files relative to the package's folder)."""
    if path.resolve().is_relative_to(package):
        return True
    inside = (package.parent / path).resolve()
    return not path.is_absolute() and inside.is_relative_to(package) and inside.is_file()


def manifest(files: Sequence[SourceFile], catalog_version: str = "") -> bytes:
    content = {
        "format": MANIFEST_FORMAT,
        "generator": "paldocs",
        "paldocs_version": _paldocs_version(),
        "catalog_version": catalog_version,
        "files": [{"name": f.name, "size": len(f.data), "sha256": hashlib.sha256(f.data).hexdigest()}
                  for f in sorted(files, key=lambda f: f.name)],
    }
    return (json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def with_manifest(files: Sequence[SourceFile], catalog_version: str = "") -> list[SourceFile]:
    """``files`` plus the manifest, sorted by name (the order of the PDF's EmbeddedFiles name tree)."""
    if any(f.name == MANIFEST for f in files):
        raise DataError(f"plik źródłowy nie może nazywać się {MANIFEST}")
    for f in files:
        _check_name(f.name)
    return sorted([*files, SourceFile(MANIFEST, manifest(files, catalog_version))], key=lambda f: f.name)


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or "\\" in name or any(p in ("", ".", "..") for p in name.split("/")):
        raise DataError(f"niebezpieczna nazwa osadzonego pliku „{name}”")


def extract(pdf: bytes) -> list[SourceFile]:
    """The paldocs source files embedded in ``pdf`` (the manifest included), checked against the manifest."""
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        attachments = pypdf.PdfReader(io.BytesIO(pdf)).attachments
        embedded = {name: contents[0] for name, contents in attachments.items() if contents}
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataError(f"to nie jest czytelny plik PDF ({error})") from None
    if MANIFEST not in embedded:
        raise DataError("PDF nie zawiera plików źródłowych paldocs (brak osadzonego " + MANIFEST + ")")
    try:
        listed = json.loads(embedded[MANIFEST].decode("utf-8"))["files"]
        entries = [(str(e["name"]), str(e["sha256"])) for e in listed]
    except (ValueError, KeyError, TypeError) as error:
        raise DataError(f"uszkodzony {MANIFEST} w PDF-ie ({error})") from None
    files = [SourceFile(MANIFEST, embedded[MANIFEST])]
    for name, digest in entries:
        _check_name(name)
        data = embedded.get(name)
        if data is None:
            raise DataError(f"w PDF-ie brakuje pliku źródłowego „{name}” wymienionego w {MANIFEST}")
        if hashlib.sha256(data).hexdigest() != digest:
            raise DataError(f"plik źródłowy „{name}” w PDF-ie nie zgadza się z sumą sha256 z {MANIFEST}")
        files.append(SourceFile(name, data))
    return sorted(files, key=lambda f: f.name)
