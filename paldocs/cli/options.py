"""Options and texts shared by the ``paldocs`` commands: the examples, ``--format``, ``--limit``,
``--templates`` and ``--acts``.

Contract: each option parses and checks its value when the command line is read (a bad value is a click usage
error, exit code 2) and imports the pipeline only in its callback, so that ``paldocs --help`` stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from paldocs.errors import PaldocsError

EXAMPLES = """
Przykłady:

\b
  paldocs build resolutions/ketrzyn-2014-pal.yaml --format docx,pdf --out build/
  paldocs build resolutions/*.yaml --format txt
  paldocs check resolutions/ketrzyn-2014-pal.yaml
  paldocs schema > paldocs.schema.json
  paldocs build resolutions/ketrzyn-2014-pal.yaml --format pdf --pdf-variant pdf/a-3b --out build/
  paldocs extract build/ketrzyn-2014-pal.pdf -o zrodla/
"""


def parse_formats(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    from paldocs.api import check_formats

    try:
        return check_formats(part.strip().lower() for part in value.split(",") if part.strip())
    except PaldocsError as error:
        raise click.BadParameter(error.message) from None


def parse_limits(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    from paldocs.limits import parse_limit_settings

    try:
        return parse_limit_settings(value) if value else None
    except PaldocsError as error:
        raise click.BadParameter(error.message + (f" ({error.hint})" if error.hint else "")) from None


limit_option = click.option(
    "--limit", "limits", multiple=True, callback=parse_limits, metavar="NAZWA=LICZBA",
    help="Zmień limit danych wejściowych (można powtarzać), np. --limit max_text_chars=500000; "
         "limity i ich wartości domyślne: README, sekcja „Bezpieczeństwo”.")


def templates_option(help: str = "Własny katalog szablonów.") -> Any:
    return click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
                        help=help)
