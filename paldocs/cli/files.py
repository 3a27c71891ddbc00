"""``paldocs new`` and ``paldocs extract``: a ready-to-fill data file, and the sources embedded in a PDF/A.

Contract: ``new KIND`` writes a commented data file for a kind of the registry (built-in or the user's with
``--templates``) — or, for ``sprawozdanie-KIND``, a report file of a report kind (templates/report-kinds.yaml) — after checking that the profile loads; an existing file is overwritten only with ``--force``.
``extract`` writes the files a PDF/A-3 built by paldocs embeds (data, profile, manifest) and refuses to replace
a different existing file without ``--force``. Both write atomically and print each written path.
"""

from __future__ import annotations

from pathlib import Path

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import EXAMPLES, templates_option


@click.command(epilog=EXAMPLES)
@click.argument("kind")
@click.option("--municipality", "-m", "profile", required=True,
              type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Plik profilu gminy (YAML).")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Plik projektu do utworzenia.")
@click.option("--force", is_flag=True, help="Nadpisz istniejący plik.")
@templates_option()
@reports_errors
def new(kind: str, profile: Path, output: Path, force: bool, templates: Path | None) -> None:
    """Tworzy projekt uchwały rodzaju KIND z komentarzami do każdego pola; „sprawozdanie-RODZAJ” (np.
    sprawozdanie-program-wspolpracy) — projekt sprawozdania danego rodzaju (docs/reports.md)."""
    import os

    from paldocs.api import write_atomically
    from paldocs.context import BuildContext
    from paldocs.draft import format_draft
    from paldocs.errors import DataError, Location
    from paldocs.model.load import parse_yaml, read_text, validate
    from paldocs.model.municipality import Municipality

    values, positions = parse_yaml(read_text(profile), str(profile))
    # a broken profile is reported now, not at build; the draft names the gmina and its implementer
    municipality = validate(Municipality, values, str(profile), positions)
    if output.exists() and not force:
        raise DataError("plik już istnieje — użyj --force, aby go nadpisać", Location(str(output)))
    relative = Path(os.path.relpath(profile.resolve(), output.resolve().parent)).as_posix()
    draft = format_draft(kind, relative, output.name, context=BuildContext(templates=templates),
                         municipality=municipality)
    write_atomically(output, draft.encode("utf-8"))
    click.echo(str(output))


@click.command()
@click.argument("pdf_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              help="Katalog, do którego trafią pliki źródłowe (domyślnie: bieżący).")
@click.option("--force", is_flag=True, help="Nadpisz istniejące pliki o innej treści.")
@reports_errors
def extract(pdf_file: Path, out_dir: Path, force: bool) -> None:
    """Odtwarza pliki źródłowe (YAML, profil gminy, manifest) osadzone w PDF/A przez paldocs."""
    from paldocs.api import write_atomically
    from paldocs.errors import DataError, Location
    from paldocs.writers.pdf_archive import extract as extract_files

    try:
        content = pdf_file.read_bytes()
    except OSError as error:
        raise DataError(f"nie można odczytać pliku ({error.strerror})", Location(str(pdf_file))) from None
    files = extract_files(content)
    targets = [(out_dir / file.name, file) for file in files]
    for target, file in targets:
        if target.exists() and not force and target.read_bytes() != file.data:
            raise DataError("plik już istnieje i ma inną treść — użyj --force albo innego katalogu (--out)",
                            Location(str(target)))
    for target, file in targets:
        write_atomically(target, file.data)
        click.echo(str(target))
