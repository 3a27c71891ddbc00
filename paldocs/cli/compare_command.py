"""``paldocs compare``: the comparison table of two versions of a resolution (zestawienie zmian).

Contract: reads OLD and NEW (data files of the same resolution), writes
``<katalog>/<NEW>-zestawienie-zmian.<format>`` for every format asked for, all or nothing
(:func:`paldocs.amendments.compare.compare`), and prints each written path. Bad input — an unreadable file,
versions of different resolutions, no difference at all — is one located ``błąd:`` line and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import parse_formats

EXAMPLES = """
Przykłady:

\b
  paldocs compare uchwala.yaml uchwala-zmieniona.yaml
  paldocs compare uchwala.yaml uchwala-zmieniona.yaml --format docx,pdf,html,txt --out zestawienie/
"""


@click.command(epilog=EXAMPLES)
@click.argument("old", type=click.Path(dir_okay=False, exists=True, path_type=Path), metavar="DOTYCHCZASOWA.yaml")
@click.argument("new", type=click.Path(dir_okay=False, exists=True, path_type=Path), metavar="NOWA.yaml")
@click.option("--format", "-f", "formats", default="docx,pdf", show_default=True, callback=parse_formats,
              help="Formaty wynikowe, po przecinku: docx, pdf, html, txt.")
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Katalog wynikowy (domyślnie: katalog pliku nowej wersji).")
@reports_errors
def compare(old: Path, new: Path, formats: list[str], out_dir: Path | None) -> None:
    """Zestawienie zmian: tabela „dotychczasowe brzmienie | nowe brzmienie” dla każdej zmienionej jednostki
    uchwały i załącznika, ze skreślonymi wyrazami usuniętymi i pogrubionymi dodanymi.

    DOTYCHCZASOWA.yaml i NOWA.yaml to dwie wersje danych tej samej uchwały (docs/amendments.md).
    """
    from paldocs.amendments import compare as comparison

    for path in comparison.compare(old, new, formats, out_dir):
        click.echo(str(path))
