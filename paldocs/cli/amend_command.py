"""Command line: ``paldocs amend OLD.yaml NEW.yaml -o zmiana.yaml [--number N --date D] [--annex precise|whole]``
``[--compare-in-justification] [--force]``.

Contract: writes the data file of the amending resolution (:func:`paldocs.amendments.api.amendment_plan`) to the
``-o`` file — YAML ordered as the model, the municipality written as OLD names it (a profile path relative
to the output's folder), a header comment saying what to check — prints its path on standard output and the
list of changes on standard error. When § 84 ZTP calls for a new resolution instead, says why and exits 2;
``--force`` writes it all the same (and overwrites an existing output file, which is otherwise refused).
Bad input: one ``błąd: …`` line, exit 2.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import click

from paldocs.cli.errors import reports_errors
from paldocs.errors import DataError, Location, RenderError, describe_os_error

EXAMPLES = """
Przykłady:

\b
  paldocs amend stara.yaml nowa.yaml -o zmiana.yaml
  paldocs amend stara.yaml nowa.yaml -o zmiana.yaml --number XX/150/2016 --date 2016-03-31
  paldocs amend stara.yaml nowa.yaml -o zmiana.yaml --annex whole
  paldocs amend stara.yaml nowa.yaml -o zmiana.yaml --compare-in-justification
  paldocs build zmiana.yaml --format docx,pdf
"""

_HEADER = """\
# Uchwała zmieniająca — projekt z paldocs amend ({old} → {new}).
# Sprawdź: numer i datę uchwały, ogłoszenie zmienianej uchwały (amends.resolution.journal — Dz. Urz. Woj. …)
# i jej wcześniejsze zmiany (amends.resolution.amended_by), podpisującego (resolution.signatory, gdy nie ma go
# w profilu gminy); zmiany są w kolejności jednostek zmienianej uchwały.
"""


@click.command("amend", epilog=EXAMPLES)
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Plik YAML uchwały zmieniającej (rodzaj „zmiana”).")
@click.option("--number", help="Numer uchwały zmieniającej, np. „XX/150/2016” (brak: projekt).")
@click.option("--date", "date_", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Data podjęcia uchwały zmieniającej, RRRR-MM-DD (brak: projekt).")
@click.option("--annex", type=click.Choice(["precise", "whole"]),
              help="Zmiany w załączniku: precise — jednostka po jednostce; whole — nowe brzmienie całego "
                   "załącznika; brak = reguła z docs/amendments.md (więcej niż połowa załącznika: whole).")
@click.option("--compare-in-justification", "compare", is_flag=True,
              help="Uzasadnienie z zestawieniem zmian (Lp. | Jednostka | Dotychczasowe brzmienie | Nowe brzmienie).")
@click.option("--force", is_flag=True,
              help="Zapisz uchwałę zmieniającą także wtedy, gdy § 84 ZTP wskazuje nową uchwałę; nadpisz plik.")
@reports_errors
def amend(old: Path, new: Path, output: Path, number: str | None, date_: dt.datetime | None,
          annex: str | None, compare: bool, force: bool) -> None:
    """Uchwała zmieniająca z dwóch wersji danych uchwały.

    OLD: dane uchwały podjętej (z numerem i datą); NEW: te same dane po zmianach. Zmiany są zapisywane jak
    w Dziale II zasad techniki prawodawczej: nowe brzmienie jednostki, dodanie jednostki z literą (§ 4a),
    uchylenie, zmiana wyrazów, nowe brzmienie załącznika.
    """
    from paldocs.amendments.api import amendment_plan

    for source in (old, new):
        if output.resolve() == source.resolve():
            raise DataError(f"plik wynikowy {output} to plik wejściowy — podaj inną nazwę (-o)", Location(str(source)))
    if output.is_dir():
        raise DataError(f"{output} to katalog, nie plik — podaj nazwę pliku YAML (-o)")
    if output.exists() and not force:
        raise DataError(f"plik {output} już istnieje — użyj --force, aby go nadpisać")
    draft = amendment_plan(old, new, number=number, date=date_.date() if date_ else None,
                           annex_form=annex, force=force, compare_in_justification=compare)  # type: ignore[arg-type]
    text = _HEADER.format(old=old.name, new=new.name) + _yaml(draft.data, old, output, number)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise RenderError(f"nie można zapisać uchwały zmieniającej ({describe_os_error(error)})",
                          Location(str(output))) from None
    for index, change in enumerate(draft.data.resolution.amends.changes, start=1):  # type: ignore[union-attr]
        click.echo(f"{index}) {_described(change)}", err=True)
    if draft.plan.propose_new_act:
        click.echo(f"uwaga: zamiast uchwały zmieniającej należy przygotować nową uchwałę: "
                   f"{draft.plan.propose_new_act}", err=True)
    click.echo(str(output))


_OPS = {"wording": "otrzymuje brzmienie", "insert": "dodaje się", "repeal": "uchyla się",
        "words": "zmiana wyrazów", "annex": "nowe brzmienie załącznika"}


def _described(change: Any) -> str:
    if change.op == "insert":
        return f"{change.unit}: dodaje się (po: {change.after})"
    if change.op == "words":
        return f"{change.unit}: „{change.old_words}” → „{change.new_words}”"
    return f"{change.unit}: {_OPS[change.op]}"


def _yaml(data: Any, old: Path, output: Path, number: str | None) -> str:
    import yaml  # loaded when the command runs, not for "paldocs --help"

    from paldocs.importer.emit import ordered
    from paldocs.model.resolution import DataFile

    dumped = data.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    dumped["resolution"]["kind"] = "zmiana"  # a default elsewhere, never here: the file says what it is
    if number is not None:
        dumped["resolution"]["number"] = number  # as typed, not the parsed parts
    # the amended act's data, for paldocs check (PD085–PD088) wherever the two files stand
    dumped["resolution"]["amends"]["resolution"]["data"] = Path(
        os.path.relpath(old.resolve(), output.resolve().parent)).as_posix()
    named = _municipality_as_named(old)
    if named is not None:
        dumped["municipality"] = Path(os.path.relpath(named, output.resolve().parent)).as_posix()
    return yaml.dump(ordered(dumped, DataFile), Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=120)


def _dumper() -> type:
    """A YAML dumper writing multi-line Markdown as "|" blocks, as data files are written by hand."""
    import yaml


    class Dumper(yaml.SafeDumper):
        pass

    def block(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value.strip("\n") or value.endswith("\n") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, block)
    return Dumper



def _municipality_as_named(old: Path) -> Path | None:
    """OLD's profile path when OLD names its municipality by a file (the amendment then names the same)."""
    import yaml

    try:
        raw = yaml.safe_load(old.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    value = raw.get("municipality") if isinstance(raw, dict) else None
    return (old.resolve().parent / value).resolve() if isinstance(value, str) else None
