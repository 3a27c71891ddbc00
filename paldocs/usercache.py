"""The user cache: compiled templates kept between runs, so a cold command does not compile Jinja again.

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
- Nothing here is a result of a build: deleting the folder is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

import jinja2

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


__all__ = ["cache_root", "template_cache"]
