"""Command line: ``paldocs acts list | show KEY | cite KEY`` — the acts catalog and citations by date.

Contract: every command takes ``--acts FILE`` (repeatable; user catalogs merged over the package catalog, later
files win). ``list`` prints one block per act (key, short name, title, newest text, verified/unverified row
counts); ``show`` every row with its source, verified flag and ISAP link, and the ELI id; ``cite`` the citation
on standard output and its notes as ``uwaga: …`` lines on standard error. Errors are ``błąd: …`` with exit
code 2 (:func:`paldocs.cli.errors.reports_errors`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from paldocs.cli.errors import reports_errors
from paldocs.errors import PaldocsError
from paldocs.legal.journal import STYLES, isap_url
from paldocs.polish.dates import format_date, parse_date

if TYPE_CHECKING:  # the catalog and its models load when a command runs, not for "paldocs --help"
    from paldocs.legal.catalog import Act, Catalog, JournalRow

EXAMPLES = """
Przykłady:

\b
  paldocs acts list
  paldocs acts show samorzad-gminny
  paldocs acts cite samorzad-gminny --on 2014-04-29 --provision "art. 18 ust. 2 pkt 15"
  paldocs acts cite pomoc-spoleczna --on 2024-11-20 --style tj-ze-zm --acts biuro-prawne/akty.yaml
"""

_acts_option = click.option(
    "--acts", "acts_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
    help="Katalog aktów użytkownika (YAML, ten sam kształt co wbudowany); można podać kilka.")


def _parse_on(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except PaldocsError as error:
        raise click.BadParameter(f"{error.message} (podaj datę RRRR-MM-DD)") from None


@click.group(epilog=EXAMPLES)
def acts() -> None:
    """Katalog ustaw i cytowanie ich adresów publikacji (§ 158 i § 121 ust. 3 ZTP)."""


@acts.command("list", epilog=EXAMPLES)
@_acts_option
@reports_errors
def list_acts(acts_files: tuple[Path, ...]) -> None:
    """Wypisuje ustawy z katalogu: klucz, skrót, tytuł, najnowszy tekst, liczbę wierszy (nie)zweryfikowanych."""
    from paldocs.legal.catalog import load_catalog

    catalog = load_catalog(acts_files)
    click.echo(_catalog_line(catalog))
    for key, act in catalog.acts.items():
        rows = _rows(act)
        verified = sum(row.verified for row in rows)
        newest = act.texts[-1] if act.texts else None
        click.echo(f"\n{key}  {act.short}  {act.title}")
        click.echo("  najnowszy tekst: " + (_row_text(newest) if newest else "brak w katalogu"))
        click.echo(f"  wiersze zweryfikowane: {verified}, niezweryfikowane: {len(rows) - verified}")


@acts.command(epilog=EXAMPLES)
@click.argument("key")
@_acts_option
@reports_errors
def show(key: str, acts_files: tuple[Path, ...]) -> None:
    """Pokazuje ustawę KEY: każdy wiersz ze źródłem, flagą weryfikacji i odnośnikiem do ISAP."""
    from paldocs.legal.catalog import load_catalog

    catalog = load_catalog(acts_files)
    act = catalog.act(key)
    click.echo(f"{key} — {act.title} ({act.short})")
    click.echo(f"do cytowania: {act.title_genitive}")
    click.echo(f"ELI: {act.eli or 'nieznany (brak tekstu pierwotnego w katalogu)'}")
    sections = [("tekst pierwotny", [act.original] if act.original else []),
                ("teksty jednolite", sorted(act.consolidated, key=lambda row: row.order)),
                ("zmiany", act.sorted_amendments)]
    for title, rows in sections:
        click.echo(f"{title}:" + ("" if rows else " brak w katalogu"))
        for row in rows:
            click.echo(f"  {_row_text(row)}")
            click.echo(f"    źródło: {row.source}")
            for position in row.positions:
                click.echo(f"    ISAP: {isap_url(row.year, row.issue, position)}")
    checked = format_date(act.amendments_checked) if act.amendments_checked else "nie (lista może być niepełna)"
    click.echo(f"zmiany sprawdzone do: {checked}")
    click.echo(_catalog_line(catalog))


@acts.command("cite", epilog=EXAMPLES)
@click.argument("key")
@click.option("--on", "on", callback=_parse_on, metavar="RRRR-MM-DD",
              help="Data podjęcia uchwały (brak = projekt: najnowszy tekst z uwagą).")
@click.option("--provision", default=None, help="Przepis, np. „art. 18 ust. 2 pkt 15”.")
@click.option("--style", type=click.Choice(STYLES), default="ztp", show_default=True,
              help="Styl adresu: ztp (§ 158 ZTP), tj-ze-zm („t.j. … ze zm.”), z-pozn-zm („… z późn. zm.”).")
@click.option("--address", default=None, help="Adres podany przez biuro prawne (wygrywa z katalogiem).")
@_acts_option
@reports_errors
def cite_act(key: str, on: dt.date | None, provision: str | None, style: str, address: str | None,
             acts_files: tuple[Path, ...]) -> None:
    """Cytuje ustawę KEY według daty podjęcia; uwagi (co niepewne) idą na standardowe wyjście błędów."""
    from paldocs.legal.catalog import load_catalog
    from paldocs.legal.citation import cite

    citation = cite(key, provision, on, address, style=style, catalog=load_catalog(acts_files))
    click.echo(citation.format())
    for note in citation.notes:
        click.echo(f"uwaga: {note}", err=True)


def _rows(act: Act) -> list[JournalRow]:
    return [*act.texts, *act.amendments]


def _row_text(row: JournalRow) -> str:
    announced = f", ogłoszony {format_date(row.announced)}" if row.announced else ", data ogłoszenia nieznana"
    return f"{row.ref.format()}{announced} [{'zweryfikowany' if row.verified else 'niezweryfikowany'}]"


def _catalog_line(catalog: Catalog) -> str:
    return f"katalog aktów z dnia {catalog.version} ({', '.join(catalog.files)})"
