"""Command line: ``paldocs import FILE -o OUT.yaml|FOLDER [--municipality PROFILE] [--force]``.

Contract: imports every act the file holds (:func:`paldocs.importer.api.import_documents`: a resolution with its
annexes and uzasadnienie, an annex alone, a report) from a ``.txt``, ``.md``, ``.markdown``, ``.docx``, ``.pdf``
(its text layer), ``.html`` or ``.htm`` file (a page saved from a BIP), and writes one YAML draft per act
(:func:`paldocs.importer.emit.yaml_text`): ``OUT.yaml`` for the first, ``OUT-2.yaml``, ``OUT-3.yaml`` … for the
next ones, or, when ``-o`` names an existing folder (or a name ending with "/"), ``<folder>/<file stem>.yaml``,
``<folder>/<file stem>-2.yaml`` …. A missing output folder is created. Nothing is half-written: every target is
checked first (an existing one is overwritten only with ``--force``; the input itself never), then all are
written at once (temporary files, then renames). For each act it prints the draft's path on standard output and
the import log summary — recognised, kept as text, dropped on purpose, changed — on standard error, then the
word account of the file (:mod:`paldocs.importer.accounting`: the file's words against all its drafts built).
Exit 0 for every readable file; a file that cannot be read (wrong format, binary, empty, encrypted or image-only
PDF) is one ``błąd: …`` line and exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from paldocs.cli.errors import reports_errors
from paldocs.errors import DataError, Location, PaldocsError, RenderError, describe_os_error

if TYPE_CHECKING:  # the importer loads when the command runs, not for "paldocs --help"
    from paldocs.importer.api import ImportResult


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(), required=True,
              help="Plik YAML projektu (kolejne akty z tego samego pliku: NAZWA-2.yaml, NAZWA-3.yaml …) "
                   "albo istniejący katalog (pliki nazwane jak plik wejściowy).")
@click.option("--municipality", "profile", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Profil gminy (YAML); bez niego profil powstaje z rozpoznanego tekstu.")
@click.option("--force", is_flag=True, help="Nadpisz istniejące pliki wyjściowe.")
@reports_errors
def import_command(file: Path, output: str, profile: Path | None, force: bool) -> None:
    """Zaimportuj uchwały, załączniki i sprawozdania jako dane paldocs.

    FILE: .txt, .md, .markdown, .docx, .pdf (warstwa tekstowa), .html, .htm (strona zapisana z BIP). Każdy akt
    z pliku staje się osobnym projektem: z -o OUT.yaml powstają OUT.yaml, OUT-2.yaml, OUT-3.yaml …
    """
    from paldocs.importer.api import import_documents
    from paldocs.importer.emit import write_all, yaml_text

    results = import_documents(file, profile=profile)  # one per act; a file without text raises DataError
    targets = output_paths(file, Path(output), len(results), folder=output.endswith(("/", os.sep)))
    _check_targets(file, targets, force)
    texts = {target: yaml_text(result, target) for target, result in zip(targets, results, strict=True)}
    try:
        write_all(texts)
    except OSError as error:
        raise RenderError(f"nie można zapisać projektu ({describe_os_error(error)})", Location(str(output))) from None
    for number, (target, result) in enumerate(zip(targets, results, strict=True), start=1):
        title = f"Dokument {number} z {len(results)} → {target}\n" if len(results) > 1 else ""
        click.echo(title + result.log.summary(), err=True, nl=False)
        click.echo(str(target))
    click.echo(_account_line(results), err=True, nl=False)


def output_paths(file: Path, output: Path, count: int, *, folder: bool = False) -> list[Path]:
    """``OUT.yaml``, ``OUT-2.yaml`` … — or ``<folder>/<stem>.yaml`` … when ``output`` is an existing folder or
    ``folder`` (the name was written with a trailing "/": a folder to create)."""
    if folder or output.is_dir():
        output = output / f"{file.stem}.yaml"
    return [output] + [output.with_name(f"{output.stem}-{n}{output.suffix}") for n in range(2, count + 1)]


def _check_targets(file: Path, targets: list[Path], force: bool) -> None:
    for target in targets:
        if target.resolve() == file.resolve():
            raise DataError(f"plik wynikowy {target} to plik wejściowy — podaj inną nazwę (-o)", Location(str(file)))
        if target.is_dir():
            raise DataError(f"{target} to katalog, nie plik — podaj inną nazwę (-o)")
    existing = [str(target) for target in targets if target.exists()]
    if existing and not force:
        which = "Plik " + existing[0] + " już istnieje" if len(existing) == 1 else \
            "Pliki " + ", ".join(existing) + " już istnieją"
        raise DataError(f"{which} — użyj --force, aby nadpisać (nic nie zapisano).")


def _account_line(results: list[ImportResult]) -> str:
    """"słowa: N, zachowane K (99,1 %), …": the file's words found in the built drafts (all of them together
    when the file held several acts — each act's text is only a part of the file's)."""
    from paldocs.importer.accounting import account, built_text
    from paldocs.importer.log import ImportLog

    original = results[0].original  # the text read (every act of the file shares it)
    logs = list({id(result.log): result.log for result in results}.values())
    merged = ImportLog(logs[0].source, [entry for log in logs for entry in log.entries])
    try:
        built = "\n".join(built_text(dict(result.data), base=Path.cwd()) for result in results)
    except PaldocsError as error:
        return f"słowa: nie policzono — projekt się nie buduje ({error})\n"
    words = account(original, built, merged)
    share = f"{words.share * 100:.1f}".replace(".", ",")
    scope = f" (cały plik, dokumentów: {len(results)})" if len(results) > 1 else ""
    return (f"słowa{scope}: {words.total}, zachowane {words.kept} ({share} %), pominięte celowo {words.dropped}, "
            f"poprawione {words.changed}, niezachowane {len(words.unaccounted)}\n")


import_ = import_command
