"""How every ``paldocs`` command reports a failure: :func:`reports_errors`.

Contract: exit code 2 for bad input or usage (every :class:`~paldocs.errors.PaldocsError` is printed once as
``błąd: <location>: <message>``, never as a traceback); 1 for an internal failure (a short message; set
``PALDOCS_DEBUG=1`` to see the traceback); 0 when the reader of a pipe went away. The command modules import
this one; it imports none of them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from paldocs.errors import PaldocsError

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn paldocs errors into a message and exit code 2; never show a traceback to a clerk."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PaldocsError as error:
            click.echo(f"błąd: {error}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # "paldocs acts list | head": the reader left; nothing is wrong
            sys.stderr.close()
            sys.exit(0)
        except Exception as error:  # a bug in paldocs, not the user's fault
            if os.environ.get("PALDOCS_DEBUG"):
                raise
            click.echo(f"błąd wewnętrzny paldocs ({type(error).__name__}: {error}). "
                       "Uruchom ponownie z PALDOCS_DEBUG=1 i zgłoś ten błąd.", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
