"""Command line: ``paldocs import FILE -o draft.yaml [--municipality PROFILE] [--force]``.

Contract: imports a resolution (or an annex alone) from .txt/.md/.docx (:func:`paldocs.importer.api.import_document`),
writes the YAML draft (:func:`paldocs.importer.emit.format_yaml`), prints the import log summary on standard
error and the draft's path on standard output. An existing output is overwritten only with ``--force``.
Errors are ``błąd: …`` with exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from paldocs.cli.errors import reports_errors
from paldocs.errors import DataError


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Plik YAML projektu do zapisania.")
@click.option("--municipality", "profile", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Profil gminy (YAML); bez niego profil powstaje z rozpoznanego tekstu.")
@click.option("--force", is_flag=True, help="Nadpisz istniejący plik wyjściowy.")
@reports_errors
def import_command(file: Path, output: Path, profile: Path | None, force: bool) -> None:
    """Zaimportuj istniejącą uchwałę (tekst z BIP, Markdown, DOCX) jako dane paldocs."""
    from paldocs.importer.api import import_document
    from paldocs.importer.emit import format_yaml

    if output.exists() and not force:
        raise DataError(f"Plik {output} już istnieje — użyj --force, aby go nadpisać.")
    result = import_document(file, profile=profile)
    format_yaml(result, output)
    click.echo(result.log.summary(), err=True, nl=False)
    click.echo(str(output))


import_ = import_command
