"""The ``paldocs`` command line: :data:`main` is the click group (entry point ``paldocs.cli:main``)."""

from paldocs.cli.app import main, reports_errors

__all__ = ["main", "reports_errors"]
