"""Leaving the process at the end of a command without the interpreter's teardown.

Contract: :func:`exit_process` ends the process with a command's exit status (``sys.exit`` semantics: None is
0, an int is itself, anything else is printed to standard error and gives 1) after running every ``atexit``
handler (temporary folders removed by ``weakref.finalize``, worker pools and threads joined, logging flushed)
and flushing standard output and error — and then skips only what comes after those: clearing every module
and collecting every object one by one. That teardown is a fixed cost of every command (a quarter of a
second of CPU after a PDF build, most of it freeing WeasyPrint's and pydantic's objects, measured by
benchmarks/startup.py) that changes nothing the user sees: the outputs are written and closed by then.
Only the command line's own entry calls it (:class:`paldocs.cli.lazy.LazyGroup` called without arguments, as
the ``paldocs`` script and ``python -m paldocs`` do); a program calling the command (click's test runner) gets
the usual ``SystemExit``.
"""

from __future__ import annotations

import atexit
import os
import sys


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
