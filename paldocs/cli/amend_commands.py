"""Command line: ``paldocs consolidate BASE.yaml AMEND1.yaml … -o tekst-jednolity.yaml``.

Contract: applies the amending resolutions (data files of kind "zmiana", in any order: they are applied in
order of adoption) to the base resolution (:func:`paldocs.amendments.consolidate.consolidate`) and writes the data
file of the council's obwieszczenie with the consolidated text as its annex (:func:`paldocs.amendments.notice.notice_data`)
— ``paldocs build`` prints it. ``--in-force PATH`` also writes the data as in force (the resolution and its
program after the amendments: the base for the next amendment). ``--published "NUMER=ADRES"`` says where an
amending resolution was published (for the list and the footnote). An existing output is overwritten only with
``--force``; an input never. Bad input (an amending file for another act, a unit that does not exist, a file
that is not an amending resolution) is one located ``błąd: …`` line and exit 2.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import click

from paldocs.cli.errors import reports_errors
from paldocs.errors import DataError, Location

_EXAMPLES = """Przykłady:

\b
  paldocs consolidate uchwala.yaml zmiana-2025.yaml -o tekst-jednolity.yaml --date 2025-06-30
  paldocs consolidate uchwala.yaml zmiana-1.yaml zmiana-2.yaml -o tj.yaml \\
      --published "XV/101/2025=Dz. Urz. Woj. Warm.-Maz. z 2025 r. poz. 1500" --in-force obowiazujaca.yaml
  paldocs build tekst-jednolity.yaml -f pdf,docx
"""


def _published(_: click.Context, __: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        number, sign, address = value.partition("=")
        if not sign or not number.strip() or not address.strip():
            raise click.BadParameter(f"„{value}” — napisz NUMER=ADRES, np. „XV/101/2025=Dz. Urz. Woj. Warm.-Maz. "
                                     "z 2025 r. poz. 1500”")
        found[number.strip()] = address.strip()
    return found


@click.command("consolidate", epilog=_EXAMPLES)
@click.argument("base", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("amending", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Plik YAML obwieszczenia z tekstem jednolitym w załączniku (do paldocs build).")
@click.option("--date", "notice_date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Data obwieszczenia (RRRR-MM-DD); bez niej obwieszczenie jest projektem.")
@click.option("--published", multiple=True, callback=_published, metavar="NUMER=ADRES",
              help="Gdzie ogłoszono uchwałę zmieniającą (do wykazu zmian i przypisu); można powtarzać.")
@click.option("--in-force", "in_force", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Zapisz też dane uchwały w brzmieniu obowiązującym (podstawa następnej zmiany).")
@click.option("--signatory", default=None, metavar="IMIĘ NAZWISKO",
              help="Kto podpisuje obwieszczenie (przewodniczący rady); domyślnie z profilu gminy.")
@click.option("--signatory-gender", type=click.Choice(["m", "k"]), default="m", show_default=True,
              help="„Przewodniczący” (m) albo „Przewodnicząca” (k).")
@click.option("--force", is_flag=True, help="Nadpisz istniejące pliki wyjściowe.")
@reports_errors
def consolidate(base: Path, amending: tuple[Path, ...], output: Path, notice_date: dt.datetime | None,
                published: dict[str, str], in_force: Path | None, signatory: str | None, signatory_gender: str,
                force: bool) -> None:
    """Tekst jednolity uchwały po zmianach i obwieszczenie rady o jego ogłoszeniu (art. 16 ust. 3 ustawy
    o ogłaszaniu aktów normatywnych).

    BASE to dane uchwały zmienianej, AMENDING — dane uchwał zmieniających (rodzaj „zmiana”)."""
    from paldocs.amendments.consolidate import consolidate as run
    from paldocs.amendments.notice import UNVERIFIED_NOTE, notice_data
    from paldocs.importer.emit import write_all

    inputs = {path.resolve() for path in (base, *amending)}
    targets = [path for path in (output, in_force) if path is not None]
    for target in targets:
        if target.resolve() in inputs:
            raise DataError("plik wynikowy nie może być plikiem wejściowym", Location(str(target)))
        if target.exists() and not force:
            raise DataError("plik już istnieje — użyj --force, aby go nadpisać", Location(str(target)))
    text = run(base, amending, published=published)
    municipality = _profile_reference(base, output)
    signs = {"name": signatory, "gender": signatory_gender} if signatory else None
    notice = notice_data(text, date=notice_date.date() if notice_date else None, municipality=municipality,
                         signatory=signs)
    texts = {output: _yaml(notice, "# Obwieszczenie o tekście jednolitym (paldocs consolidate) — do sprawdzenia.\n")}
    if in_force is not None:
        data = _tidy(text.data.model_dump(mode="json", by_alias=True, exclude_unset=True))
        data["municipality"] = _profile_reference(base, in_force) or data["municipality"]
        texts[in_force] = _yaml(data, "# Uchwała w brzmieniu obowiązującym (paldocs consolidate).\n")
    write_all(texts)
    for target in texts:
        click.echo(str(target))
    click.echo(f"uwaga: {UNVERIFIED_NOTE}", err=True)
    missing = [item.number for item in text.applied if item.journal is None]
    if missing:
        click.echo("uwaga: nie podano, gdzie ogłoszono uchwały " + ", ".join(missing)
                   + " (--published NUMER=ADRES) — wykaz zmian ich nie wskazuje", err=True)


def _tidy(value: Any) -> Any:
    """A repealed item is written as ``{num, repealed: true}``: its "(uchylony)" is what the model prints."""
    if isinstance(value, dict):
        if value.get("repealed") is True:
            value = {key: item for key, item in value.items() if key != "text"}
        return {key: _tidy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    return value


def _profile_reference(base: Path, output: Path) -> Any:
    """The base file's profile path, relative to the output's folder (None: the profile is written in full)."""
    import yaml

    raw = yaml.safe_load(base.read_text(encoding="utf-8"))
    profile = raw.get("municipality") if isinstance(raw, dict) else None
    if not isinstance(profile, str):
        return None
    absolute = (base.parent / profile).resolve()
    return Path(os.path.relpath(absolute, output.resolve().parent)).as_posix()


def _yaml(data: dict[str, Any], header: str) -> str:
    import yaml

    from paldocs.importer.emit import ordered
    from paldocs.model.resolution import DataFile

    class Dumper(yaml.SafeDumper):
        """Markdown fields are ``str`` subclasses (MarkdownText): plain strings, multi-line ones as blocks."""

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value.strip("\n") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)

    Dumper.add_multi_representer(str, text)
    return header + yaml.dump(ordered(data, DataFile), Dumper=Dumper, allow_unicode=True, sort_keys=False,
                              width=120)
