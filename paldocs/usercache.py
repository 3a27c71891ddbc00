"""The user cache: what paldocs derives from its shipped files, kept between runs so a cold command does not
derive it again — compiled templates and parsed data files (the acts catalog).

Contract:
- :func:`template_cache` gives a Jinja bytecode cache in ``$PALDOCS_CACHE_DIR`` (else
  ``$XDG_CACHE_HOME/paldocs``, else ``~/.cache/paldocs``), in a folder named by a key of everything that
  decides what compiled code looks like: the Jinja and Python versions and the size and modification time
  of the modules that define the environment and its extension (a new install or an edited checkout never
  reuses code compiled by an older paldocs). Jinja itself checks each entry against the checksum of the template's
  source, so an edited template (the user's or ours) is compiled again.
- ``PALDOCS_CACHE_DIR=off`` (or a folder that cannot be created or written) means no cache: nothing fails,
  the templates are compiled in memory as before. Entries are written whole (Jinja writes a temporary file
  and renames it), so parallel builds never read half an entry.
- :func:`derived` gives a value computed from shipped files (e.g. ``acts.yaml`` parsed and validated),
  pickled in ``<cache>/derived/<name>-<key>.pickle`` (:func:`derived_from_package` for a file shipped in a
  package). The key covers the Python and pydantic versions, the
  size and modification time of each input file and of each module whose code shapes the value (a new
  install or an edited file is a new key; the newest :data:`KEPT_ENTRIES` entries of a value are kept, so
  installs sharing the cache do not evict each other). A missing, damaged or unreadable entry is
  computed again; a failed write is ignored. Only paldocs's own shipped files go here, never a user's data:
  a user file may change between two runs within the same mtime granularity, a shipped one does not.
  Pickles are read from the user's own cache folder only (the same trust as Jinja's bytecode cache there).
- Nothing here is a result of a build: deleting the folder is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import jinja2

T = TypeVar("T")
KEPT_ENTRIES = 8  # per derived value: entries of other installs or versions kept beside this one

# Modules whose code decides what a compiled template does (the origin-marking extension, the environment's
# options): a change to them must not reuse code compiled before it.
_COMPILER_MODULES = ("paldocs.sourcemap", "paldocs.compose")


def cache_root() -> Path | None:
    """The cache folder, or None when the user turned caching off."""
    chosen = os.environ.get("PALDOCS_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "paldocs"


def _compiler_key() -> str:
    parts = [jinja2.__version__, sys.version]
    for name in _COMPILER_MODULES:
        module = sys.modules.get(name)
        path = getattr(module, "__file__", None)
        if path:
            stat = os.stat(path)
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@functools.cache
def template_cache() -> jinja2.BytecodeCache | None:
    """The bytecode cache for this process's Jinja environments (None: compile in memory)."""
    root = cache_root()
    if root is None:
        return None
    folder = root / "templates" / _compiler_key()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return _QuietCache(str(folder))


def _module_stat(name: str) -> str:
    """``name:size:mtime`` of a loaded module's file (a module not loaded or without a file: its name only)."""
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    if not path:
        return name
    stat = os.stat(path)
    return f"{name}:{stat.st_size}:{stat.st_mtime_ns}"


def _derived_key(name: str, inputs: Sequence[str | os.PathLike[str]], code: Sequence[str]) -> str:
    import pydantic  # pickled models depend on pydantic's internals: a new pydantic is a new key

    parts = [name, sys.version, pydantic.VERSION]
    for file in inputs:
        stat = os.stat(file)
        parts.append(f"{os.fspath(file)}:{stat.st_size}:{stat.st_mtime_ns}")
    parts += [_module_stat(module) for module in code]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def derived(name: str, inputs: Sequence[str | os.PathLike[str]], compute: Callable[[], T], *,
            code: Sequence[str] = ()) -> T:
    """``compute()``, or the value an earlier process computed from the same ``inputs`` with the same ``code``
    (module names), unpickled from the user cache (see the module contract)."""
    root = cache_root()
    if root is None:
        return compute()
    try:
        key = _derived_key(name, inputs, code)
    except OSError:  # an input that is not a plain file (a zipped install): nothing to key on
        return compute()
    folder = root / "derived"
    entry = folder / f"{name}-{key}.pickle"
    try:
        with entry.open("rb") as stream:
            value: T = pickle.load(stream)
        return value
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 — a cut or foreign file (any unpickling error): compute again
        pass
    value = compute()
    _store(folder, name, entry, value)
    return value


def derived_from_package(name: str, package: str, resource: str, compute: Callable[[], T], *,
                         code: Sequence[str] = ()) -> T:
    """:func:`derived` from the file ``resource`` shipped in ``package``; in a zipped install (no plain file to
    key on) ``compute()`` every time."""
    file = importlib.resources.files(package).joinpath(resource)
    return derived(name, [file], compute, code=code) if isinstance(file, Path) else compute()


def _store(folder: Path, name: str, entry: Path, value: object) -> None:
    """Write ``entry`` whole (a temporary file renamed over it) and remove the oldest entries of ``name``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        # Several installs may share one cache (virtual environments, checkouts): each keeps its own entry, and
        # only the oldest beyond KEPT_ENTRIES are removed — removing every other key would make two installs
        # used in turn derive the value again on every run.
        others = sorted((path for path in folder.glob(f"{name}-*.pickle") if path != entry),
                        key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for older in others[KEPT_ENTRIES - 1:]:
            older.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 — a full disk, a value that does not pickle: the value is still returned
        pass


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """A cache that never makes a build fail: an unreadable or unwritable entry is compiled in memory."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 — any damage (a cut file, a foreign pickle) means: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


__all__ = ["cache_root", "derived", "derived_from_package", "template_cache"]
