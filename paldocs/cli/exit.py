"""The ``paldocs`` command's own process: how it is set up before a command and left after it.

Contract: :func:`prepare_process` tunes what the command's process alone decides (never a program importing
paldocs):
- pydantic's plugin discovery is off (``PYDANTIC_DISABLE_PLUGINS=__all__``, unless the user set the variable:
  no scan of every installed distribution's metadata when the first model is built), and pydantic's plugin
  loader, whose only answer is then "no plugins", is replaced by that answer, so that ``importlib.metadata`` and
  the e-mail parser it pulls in are not imported either;
- the cyclic garbage collector runs less often (generation 0 at 10,000 new objects instead of 700; the older
  generations keep their ratios, so a long batch still collects everything). A cold build allocates a few
  hundred thousand objects it keeps (modules, classes, validators, WeasyPrint's tables); with the default
  thresholds the collector walks them again and again, twice over the whole heap — about a tenth of a PDF
  build's CPU, against a few thousand objects it frees (measured by benchmarks/startup.py);
- WeasyPrint finds its native libraries from one ``ldconfig -p`` listing (:mod:`paldocs.cli.native_libraries`).

:func:`exit_process` ends the process with a command's exit status (``sys.exit`` semantics: None is
0, an int is itself, anything else is printed to standard error and gives 1) after running every ``atexit``
handler (temporary folders removed by ``weakref.finalize``, worker pools and threads joined, logging flushed)
and flushing standard output and error — and then skips only what comes after those: clearing every module
and collecting every object one by one. That teardown is a fixed cost of every command (a quarter of a
second of CPU after a PDF build, most of it freeing WeasyPrint's and pydantic's objects, measured by
benchmarks/startup.py) that changes nothing the user sees: the outputs are written and closed by then.
Only the command line's own entry calls them (:class:`paldocs.cli.lazy.LazyGroup` called without arguments, as
the ``paldocs`` script and ``python -m paldocs`` do); a program calling the command (click's test runner) gets
the usual ``SystemExit`` and an untouched process.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import types

from paldocs.cli.native_libraries import use_one_library_listing

# Generation 0 collected after this many new container objects (CPython's default: 700); generations 1 and 2
# keep the default ratio of 10, so a full collection still follows every million net new objects.
GC_THRESHOLDS = (10_000, 10, 10)


def prepare_process() -> None:
    """Set up the command's own process (call before pydantic is imported; a library import must not)."""
    if "PYDANTIC_DISABLE_PLUGINS" not in os.environ:
        os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
        _no_plugin_loader()
    gc.set_threshold(*GC_THRESHOLDS)
    use_one_library_listing()


PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugin_loader() -> None:
    """Stand in for pydantic's plugin loader with plugins off: ``get_plugins()`` gives none, as the real loader
    does under ``PYDANTIC_DISABLE_PLUGINS=__all__`` — only without importing ``importlib.metadata`` first.
    (pydantic builds each model's validator through ``from ._loader import get_plugins``; tests/test_startup.py
    fails if a pydantic version asks that module for anything else.)"""
    if PLUGIN_LOADER in sys.modules:
        return
    loader = types.ModuleType(PLUGIN_LOADER, "pydantic's plugin loader with plugins off (the paldocs command)")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[PLUGIN_LOADER] = loader


def exit_status(code: object) -> int:
    """The process exit status ``sys.exit(code)`` would give (printing a non-integer code to stderr)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def exit_process(code: object) -> None:
    """Run the atexit handlers, flush the standard streams, and end the process with ``code`` (never returns)."""
    status = exit_status(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # the reader went away (paldocs rules | head): it did not want the rest
            pass
    os._exit(status)
