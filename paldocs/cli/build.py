"""``paldocs build``: data files (files, folders, glob patterns) → documents, in parallel for many files.

Contract: calls :func:`paldocs.batch.build_files` (one build context per process: templates, kinds and
catalogs loaded once; with ``--scheduler ADDRESS`` on a running Dask cluster, :mod:`paldocs.cluster`; the
processes laying out each PDF: ``--pdf-workers N`` or ``PALDOCS_PDF_WORKERS``, else the automatic choice of
:mod:`paldocs.pdf_workers`); prints each output's path on standard output, notes as ``uwaga:`` lines and
errors as ``błąd:`` lines on standard error, a progress bar on a terminal and a summary table for several
files. Exit code 0 when every file built, 2 when a file had bad data, 1 when paldocs failed
(:mod:`paldocs.cli.errors`).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import EXAMPLES, limit_option, parse_formats, templates_option


class PdfWorkers(click.IntRange):
    """A whole number ≥ 1 (click's range check), refused with a message in Polish."""

    name = "liczba procesów"

    def __init__(self) -> None:
        super().__init__(min=1)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"liczba procesów składu PDF musi być liczbą całkowitą nie mniejszą niż 1 "
                      f"(podano „{value}”); 1 — skład w jednym procesie", param, ctx)


@click.command(epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, metavar="PLIKI…")
@click.option("--format", "-f", "formats", default="docx,pdf", show_default=True, callback=parse_formats,
              help="Formaty wynikowe, po przecinku: docx, pdf, html, txt.")
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Katalog wynikowy (domyślnie: katalog pliku danych).")
@templates_option("Własny katalog szablonów (przeszukiwany przed wbudowanym; także własne rodzaje uchwał: "
                  "kinds.yaml).")
@click.option("--acts", "acts", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Własny katalog aktów (YAML); ma pierwszeństwo przed katalogiem z profilu i wbudowanym.")
@click.option("--pdf-variant", "pdf_variant", type=click.Choice(["pdf/a-3b", "pdf/ua-1"]), default=None,
              help="Wariant PDF: pdf/a-3b (archiwalny, z osadzonymi plikami źródłowymi, otagowany) albo "
                   "pdf/ua-1 (z deklaracją zgodności z PDF/UA-1); domyślnie PDF otagowany (dostępny: struktura, "
                   "język, tytuł), bez deklaracji zgodności ze standardem.")
@click.option("--draft", is_flag=True, default=False,
              help="Projekt uchwały na sesję: znak „Projekt”, wykropkowane numer i data, bez podpisu — także gdy "
                   "dane mają status „podjęta” oraz numer i datę (te same dane bez flagi: uchwała podjęta).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Liczba równoległych procesów przy wielu plikach (domyślnie: wszystkie rdzenie).")
@click.option("--scheduler", "scheduler", default=None, metavar="ADRES",
              help="Buduje na klastrze Dask: adres działającego harmonogramu, np. tcp://serwer:8786 (wymaga "
                   "paldocs[cluster]; workery muszą widzieć pliki danych i katalog wynikowy pod tymi samymi "
                   "ścieżkami).")
@click.option("--pdf-workers", "pdf_workers", type=PdfWorkers(), default=None, metavar="N",
              envvar="PALDOCS_PDF_WORKERS",
              help="Liczba procesów składających jeden PDF (długi dokument dzielony tam, gdzie i tak zaczyna się "
                   "nowa strona); 1 — skład w jednym procesie. Domyślnie automatycznie: kilka procesów tylko dla "
                   "długiego dokumentu i wolnych rdzeni, jeden przy wielu plikach naraz (--jobs, --scheduler). "
                   "Także zmienna środowiskowa PALDOCS_PDF_WORKERS.")
@limit_option
@reports_errors
def build(inputs: tuple[str, ...], formats: list[str], out_dir: Path | None, templates: Path | None,
          acts: tuple[Path, ...], pdf_variant: str | None, draft: bool, limits: Any, jobs: int | None,
          scheduler: str | None, pdf_workers: int | None) -> None:
    """Buduje dokumenty z plików danych (pliki, katalogi, wzorce typu 'uchwaly/*.yaml').

    Zapis atomowy: <katalog>/<nazwa>.<format>. Wiele plików buduje się równolegle; błąd jednego pliku nie
    zatrzymuje pozostałych, a kod wyjścia mówi, że coś się nie udało (2 — złe dane, 1 — błąd paldocs).
    """
    from paldocs.batch import BuildOptions, build_files, default_jobs
    from paldocs.inputs import expand_inputs
    from paldocs.errors import DataError, Location

    if scheduler is not None and jobs is not None:
        raise click.UsageError("--jobs i --scheduler wykluczają się: na klastrze liczbę procesów wyznaczają jego "
                               "workery")
    sources = expand_inputs(inputs)
    if not sources:
        raise DataError("nie znaleziono żadnych plików danych", Location(" ".join(inputs)))
    options = BuildOptions(tuple(formats), out_dir, templates, acts, pdf_variant, limits, draft, pdf_workers)
    started = time.perf_counter()
    if scheduler is not None:
        from paldocs.cluster import connected

        where = f"klaster Dask {scheduler}"
        with connected(scheduler) as executor, _progress(len(sources)) as advance:
            outcomes = build_files(sources, options, progress=advance, executor=executor)
    else:
        workers = min(jobs or default_jobs(), len(sources))
        where = f"procesów: {workers}"
        with _progress(len(sources)) as advance:
            outcomes = build_files(sources, options, workers, progress=advance)
    for outcome in outcomes:
        for note in outcome.notes:
            click.echo(f"uwaga: {note}", err=True)
        for output in outcome.outputs:
            click.echo(str(output))
        if outcome.status == "error":
            click.echo(f"błąd: {outcome.message}", err=True)
        elif outcome.status == "internal":
            click.echo(f"błąd wewnętrzny paldocs przy pliku {outcome.source} ({outcome.message}). "
                       "Uruchom ponownie z PALDOCS_DEBUG=1 i zgłoś ten błąd.", err=True)
    if len(outcomes) > 1:
        click.echo(_summary(outcomes, len(formats), where, time.perf_counter() - started), err=True, nl=False)
    statuses = {outcome.status for outcome in outcomes}
    if statuses != {"ok"}:
        sys.exit(1 if "internal" in statuses else 2)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[Any], None]]:
    """A progress bar on a terminal for a batch; nothing at all otherwise (logs and pipes stay clean)."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda outcome: None
        return
    with click.progressbar(length=total, label="Budowanie", file=sys.stderr, show_pos=True,
                           item_show_func=lambda outcome: outcome.source.name if outcome else "") as bar:
        yield lambda outcome: bar.update(1, outcome)


def _summary(outcomes: list[Any], formats: int, where: str, seconds: float) -> str:
    """The table printed after a batch: one line per file, then the totals."""
    words = {"ok": "gotowe", "error": "BŁĄD", "internal": "BŁĄD PALDOCS"}
    width = max(len(str(outcome.source)) for outcome in outcomes)
    lines = [f"{'plik':{width}}  {'wynik':12}  czas"]
    lines += [f"{str(outcome.source):{width}}  {words[outcome.status]:12}  {_seconds(outcome.seconds)}"
              for outcome in outcomes]
    built = sum(outcome.status == "ok" for outcome in outcomes)
    failed = len(outcomes) - built
    lines.append(f"Zbudowano {built} z {len(outcomes)} plików ({formats} "
                 f"{'format' if formats == 1 else 'formaty' if formats < 5 else 'formatów'} każdy)"
                 + (f", {failed} z błędem" if failed else "")
                 + f"; {_seconds(seconds)}, {where}.")
    return "\n".join(lines) + "\n"


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")  # the Polish decimal comma
