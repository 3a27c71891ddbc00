"""Finding native libraries in the ``paldocs`` command's process with one ``ldconfig -p`` instead of dozens of
programs.

Contract: :func:`use_one_library_listing` (called by :func:`paldocs.cli.exit.prepare_process`, the command's
own process only; never by a library import) arranges that, when WeasyPrint is first imported (a command that
never writes a PDF pays nothing, not even the import of :mod:`ctypes`), :func:`ctypes.util.find_library` on
Linux is replaced with a version that reads the dynamic linker's cache listing (``/sbin/ldconfig -p``) once per
process, on first use, and answers every later name from it by the standard library's own rule
(``lib<name>.<…>`` for this machine's ABI).
Where the standard library would go on to run ``gcc`` and ``ld`` for a name the cache does not know, this
answers "not found" at once. Without a listing (no ``ldconfig``, another libc) and outside Linux, nothing is
replaced.

Why: WeasyPrint loads each of its seven native libraries (GObject, Pango, HarfBuzz, fontconfig…) by trying a
list of names, Windows and macOS spellings first; each miss costs ``ldconfig -p``, ``gcc`` and ``ld`` runs —
about 50 processes and a quarter of a second of CPU per cold PDF build on a machine with a compiler, measured
by benchmarks/startup.py (the CPU of child processes included). The name that succeeds is the same either way:
the library's own file name (``libpango-1.0.so.0``) is in each list and the dynamic loader finds it itself
(``LD_LIBRARY_PATH``, the cache, the system folders), and a name the cache knows resolves to the same file.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable

# ctypes.util's mapping of machine → the ABI tag ldconfig prints (CPython 3.11, _findSoname_ldconfig).
_ABI_TAGS = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
             "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}
LDCONFIG = "/sbin/ldconfig"


@functools.cache
def _listing() -> bytes | None:
    """The dynamic linker cache as ``ldconfig -p`` prints it (None when it cannot be read)."""
    import subprocess

    try:
        result = subprocess.run([LDCONFIG, "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 and result.stdout else None


def _abi_tag() -> str:
    import struct

    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    return _ABI_TAGS.get(machine, "libc6")


def listed_library(name: str, listing: bytes) -> str | None:
    """The file name ``ldconfig -p`` gives for library ``name`` (as ctypes.util matches it), or None."""
    pattern = os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), _abi_tag()))
    match = re.search(pattern, listing)
    return os.fsdecode(match.group(1)) if match else None


def _one_listing_finder(standard: Callable[[str], str | None]) -> Callable[[str], str | None]:
    def find_library(name: str) -> str | None:
        listing = _listing()
        if listing is None:  # no cache to read: the standard library's full search
            return standard(name)
        return listed_library(name, listing)

    find_library.standard = standard  # type: ignore[attr-defined]
    return find_library


def replace_find_library() -> None:
    """Make :func:`ctypes.util.find_library` answer from one ``ldconfig -p`` listing (see above); idempotent."""
    import ctypes.util

    if not hasattr(ctypes.util.find_library, "standard"):
        ctypes.util.find_library = _one_listing_finder(ctypes.util.find_library)


class _BeforeWeasyPrint:
    """A meta-path hook that finds nothing: on the first ``import weasyprint`` it replaces find_library and
    leaves (the import itself goes on through the usual finders)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "weasyprint":
            if self in sys.meta_path:
                sys.meta_path.remove(self)
            replace_find_library()
        return None


def use_one_library_listing() -> None:
    """On Linux with ``ldconfig``: answer find_library from one listing once WeasyPrint is imported."""
    if not sys.platform.startswith("linux") or not os.path.exists(LDCONFIG):
        return
    if "weasyprint" in sys.modules:
        replace_find_library()
    elif not any(isinstance(finder, _BeforeWeasyPrint) for finder in sys.meta_path):
        sys.meta_path.insert(0, _BeforeWeasyPrint())
