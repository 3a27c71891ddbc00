"""The ``paldocs`` command line: :data:`main` is the click group (entry point ``paldocs.cli:main``).

Contract: the subcommands are registered by name → "module:attribute" (:class:`~paldocs.cli.lazy.LazyGroup`):
``paldocs --help`` lists them all and a command's module is imported only when that command is described or
run, so that no command pays for another's imports and no command module imports another. Every command
reports errors through :func:`paldocs.cli.errors.reports_errors` (exit code 2 for bad input, 1 for a paldocs
bug) and calls the library (:mod:`paldocs.api`, :mod:`paldocs.batch`, :mod:`paldocs.checks`) for the work.
"""

from __future__ import annotations

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.lazy import LazyGroup
from paldocs.cli.options import EXAMPLES

COMMANDS = {
    "acts": "paldocs.cli.acts:acts",
    "amend": "paldocs.cli.amend_command:amend",
    "build": "paldocs.cli.build:build",
    "check": "paldocs.cli.check:check",
    "compare": "paldocs.cli.compare_command:compare",
    "consolidate": "paldocs.cli.amend_commands:consolidate",
    "extract": "paldocs.cli.files:extract",
    "import": "paldocs.cli.import_command:import_command",
    "kinds": "paldocs.cli.info:kinds",
    "new": "paldocs.cli.files:new",
    "report-template": "paldocs.cli.report_template:report_template",
    "rules": "paldocs.cli.check:rules",
    "schema": "paldocs.cli.info:schema",
}


@click.group(cls=LazyGroup, lazy_subcommands=COMMANDS, epilog=EXAMPLES,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paldocs")
def main() -> None:
    """paldocs — projekty uchwał rady gminy, załączników (programów) i sprawozdań z danych YAML.

    Dane (YAML) + szablony → DOCX, PDF, HTML i tekst zgodne z zasadami techniki prawodawczej.
    """


__all__ = ["COMMANDS", "main", "reports_errors"]
