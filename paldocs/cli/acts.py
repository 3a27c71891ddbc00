"""Command line: ``paldocs acts list | show KEY | cite KEY | update`` — the acts catalog, citations by date, and
a user catalog refreshed from the Sejm's ELI API.

Contract: every command takes ``--acts FILE`` (repeatable; user catalogs merged over the package catalog, later
files win). ``list`` prints one block per act (key, short name, title, newest text, verified/unverified row
counts); ``show`` every row with its source, verified flag and ISAP link, and the ELI id; ``cite`` the citation
on standard output and its notes as ``uwaga: …`` lines on standard error. ``update [FILE…] --out CATALOG``
reads the acts the data files cite (or ``--act KEY``) from the ELI API (``--api``, env ``PALDOCS_ELI_API``;
``--timeout`` seconds per request) with a progress bar on standard error, and writes or merges the user
catalog ``CATALOG`` atomically (:mod:`paldocs.legal.update`; the shipped catalog is never changed); it prints
one line per act and ``zapisano …`` on standard output, notes as ``uwaga: …`` on standard error. Errors are
``błąd: …`` with exit code 2 (:func:`paldocs.cli.errors.reports_errors`) — for ``update`` also no connection,
no answer in time, an HTTP error or a body that is not the JSON expected, and then the catalog file is left
as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import templates_option
from paldocs.errors import Location, PaldocsError, RenderError
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
  paldocs acts update resolutions/ --out biuro-prawne/akty-eli.yaml
  paldocs acts update --act samorzad-gminny --act pomoc-spoleczna --out akty-eli.yaml
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
    click.echo(catalog.currency_text())
    for key, act in catalog.acts.items():
        rows = _rows(act)
        counts = {status: sum(row.row_status == status for row in rows)
                  for status in ("zweryfikowany", "z praktyki", "niezweryfikowany")}
        newest = act.texts[-1] if act.texts else None
        click.echo(f"\n{key}  {act.short}  {act.title}")
        click.echo("  najnowszy tekst: " + (_row_text(newest) if newest else "brak w katalogu"))
        click.echo(f"  wiersze zweryfikowane: {counts['zweryfikowany']}, z praktyki: {counts['z praktyki']}, "
                   f"niezweryfikowane: {counts['niezweryfikowany']}; zmian w katalogu: {len(act.amendments)}")


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


def _check_api(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"„{value}” nie jest adresem http(s), np. https://api.sejm.gov.pl")
    return value


@acts.command("update", epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, metavar="[PLIKI…]")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Katalog użytkownika do zapisania (YAML); istniejący jest uzupełniany, nie zastępowany.")
@click.option("--act", "act_keys", multiple=True, metavar="KLUCZ",
              help="Ustawa z katalogu do odświeżenia (można powtarzać), np. samorzad-gminny.")
@click.option("--api", default="https://api.sejm.gov.pl", show_default=True, envvar="PALDOCS_ELI_API", metavar="URL",
              callback=_check_api, help="Adres API ELI (także zmienna środowiska PALDOCS_ELI_API).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True, metavar="SEKUNDY",
              help="Ile sekund czekać na każdą odpowiedź API.")
@_acts_option
@templates_option("Własny katalog szablonów (rodzaje uchwał z domyślną podstawą prawną).")
@reports_errors
def update(inputs: tuple[str, ...], out: Path, act_keys: tuple[str, ...], api: str, timeout: float,
           acts_files: tuple[Path, ...], templates: Path | None) -> None:
    """Odświeża katalog użytkownika z API ELI Sejmu: teksty jednolite, zmiany i daty ogłoszenia ustaw.

    PLIKI: pliki danych, katalogi albo wzorce — pobierane są ustawy, które cytują (podstawa prawna i domyślna
    podstawa ich rodzaju); --act dodaje ustawy wprost. Wbudowany katalog nie jest zmieniany.
    """
    from paldocs.context import BuildContext
    from paldocs.inputs import expand_inputs
    from paldocs.legal.catalog import load_catalog
    from paldocs.legal.eli import EliClient, EliError
    from paldocs.legal.update import cited_acts, fetch_entry, write_catalog

    if not inputs and not act_keys:
        raise click.UsageError("podaj pliki danych albo ustawę: --act KLUCZ (np. --act samorzad-gminny)")
    if not out.absolute().parent.is_dir():  # known before a single request, not after all of them
        raise RenderError("nie ma katalogu, w którym ma powstać plik", Location(str(out)))
    catalog = load_catalog([*acts_files, *([out] if out.exists() else [])])
    keys = list(dict.fromkeys([*cited_acts(expand_inputs(inputs), BuildContext(templates=templates)),
                               *act_keys]))
    if not keys:
        raise click.UsageError("podane pliki nie cytują żadnej ustawy z katalogu — podaj --act KLUCZ")
    acts_to_read = {key: catalog.act(key) for key in keys}  # an unknown key: the known ones, closest first
    shipped = load_catalog().acts
    today = dt.date.today()
    client = EliClient(api, timeout)
    entries: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    try:
        for key, act in acts_to_read.items():
            with contextlib.ExitStack() as stack:
                bars: list[Any] = []

                def started(original: Any, requests: int, key: str = key) -> None:
                    bars.append(stack.enter_context(click.progressbar(
                        length=requests, label=f"{key} ({original.eli})", file=sys.stderr, show_pos=True)))

                entries[key], act_notes = fetch_entry(client, key, act, today, started, lambda: bars[-1].update(1))
            notes += act_notes
    except EliError as error:
        raise EliError(f"{error.message}; plik {out} nie został zmieniony") from None
    write_catalog(out, entries, {key: act for key, act in acts_to_read.items() if key not in shipped})
    for key, entry in entries.items():
        click.echo(f"{key}: tekst pierwotny, tekstów jednolitych: {len(entry['consolidated'])}, zmian: "
                   f"{len(entry['amendments'])} (zmiany sprawdzone do {format_date(today)})")
    for note in notes:
        click.echo(f"uwaga: {note}", err=True)
    click.echo(f"zapisano {out} (odczyt API ELI {api}, {today.isoformat()})")


def _rows(act: Act) -> list[JournalRow]:
    return [*act.texts, *act.amendments]


def _row_text(row: JournalRow) -> str:
    if row.announced:
        announced = f", ogłoszony {format_date(row.announced)}"
    elif row.seen_on:
        announced = f", ogłoszony najpóźniej {format_date(row.seen_on)} (wtedy już cytowany)"
    else:
        announced = ", data ogłoszenia nieznana"
    return f"{row.ref.format()}{announced} [{row.row_status}]"


def _catalog_line(catalog: Catalog) -> str:
    return f"katalog aktów z dnia {catalog.version} ({', '.join(catalog.files)})"
