"""``paldocs report-template``: an empty workbook for a report's tables.

Contract: ``paldocs report-template KIND -o szablon.xlsx [--years 2014-2016] [--force]`` writes an XLSX workbook
for every report kind. ``monitoring``: one sheet per table it takes from spreadsheets (:data:`TABLES_BY_KIND`), a
bold, frozen header row whose texts name the fields ("Wartość osiągnięta 2015 (actual.2015)"), so that the filled
workbook is read by ``tables: [{file: szablon.xlsx, sheet: Wskaźniki, into: indicators}]`` without a ``columns``
mapping (:mod:`paldocs.report.spreadsheet`). The other kinds (``program-wspolpracy``, ``narracyjne``,
``wspieranie-rodziny``): the sheet of a chapter's ``table:`` (:data:`~paldocs.report.sheet_template.SHEET_LAYOUTS`)
with its header row, and the ``table:`` to paste (printed too), which reads it back without a ``columns`` mapping.
An existing file is overwritten only with ``--force``; the file is written atomically and its path printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from paldocs.cli.errors import reports_errors

TABLES_BY_KIND: dict[str, tuple[str, ...]] = {"monitoring": ("indicators", "activities", "costs")}
"""Report kind → the tables its data may take from a spreadsheet. Indicators and activities refer to a
program's goals and directions, so only a report with the program's data file (monitoring) takes them."""

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")


@click.command("report-template")
@click.argument("kind", default="monitoring")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Plik skoroszytu do zapisania (.xlsx).")
@click.option("--years", default=None, help="Rok (2015) albo lata (2014-2016) sprawozdania: kolumny wartości "
              "docelowych i osiągniętych na każdy rok.")
@click.option("--force", is_flag=True, help="Nadpisz istniejący plik.")
@reports_errors
def report_template(kind: str, output: Path, years: str | None, force: bool) -> None:
    """Zapisuje pusty skoroszyt z arkuszami i wierszem nagłówka tabel sprawozdania rodzaju KIND."""
    import io

    from paldocs.api import write_atomically
    from paldocs.errors import DataError, Location
    from paldocs.report.sheet_template import SHEET_LAYOUTS, table_yaml, write_sheet_table_template, write_template

    if kind not in TABLES_BY_KIND and kind not in SHEET_LAYOUTS:
        raise DataError(f"rodzaj sprawozdania „{kind}” nie pobiera tabel z arkusza (pobiera: "
                        f"{', '.join([*TABLES_BY_KIND, *SHEET_LAYOUTS])})", None,
                        "rodzaje sprawozdań: paldocs new --help; tabelę z arkusza ma rozdział („table:”)")
    if output.suffix.lower() != ".xlsx":
        raise DataError("szablon zapisuje się jako skoroszyt .xlsx", Location(str(output)))
    if output.exists() and not force:
        raise DataError("plik już istnieje — użyj --force, aby go nadpisać", Location(str(output)))
    year_list: list[int] = []
    if years is not None:
        match = _YEARS.match(years)
        first, last = (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, -1)
        if not match or not 1990 <= first <= last <= 2100:
            raise DataError(f"„{years}” nie jest rokiem ani zakresem lat (np. 2015 albo 2014-2016)", None)
        year_list = list(range(first, last + 1))
    content = io.BytesIO()
    if kind in SHEET_LAYOUTS:  # a chapter's table: one sheet, read back by the printed "table:"
        write_sheet_table_template(content, SHEET_LAYOUTS[kind], output.name)
        write_atomically(output, content.getvalue())
        click.echo(str(output))
        click.echo("W pliku sprawozdania, w rozdziale (chapters), wpisz:\n"
                   + "\n".join(f"    {line}" for line in table_yaml(SHEET_LAYOUTS[kind], output.name).splitlines()),
                   err=True)
        if year_list:
            click.echo("uwaga: --years dotyczy tylko sprawozdań rodzaju monitoring (kolumny lat wskaźników)", err=True)
        return
    write_template(content, TABLES_BY_KIND[kind], year_list)
    write_atomically(output, content.getvalue())
    click.echo(str(output))
    if not year_list and "indicators" in TABLES_BY_KIND[kind]:
        click.echo("uwaga: bez --years arkusz Wskaźniki nie ma kolumn wartości docelowych i osiągniętych na lata "
                   "(dopisz je jako „targets.2015”, „actual.2015” albo utwórz szablon z --years 2015)", err=True)
