"""Command line: ``paldocs build | check | schema | extract``. Calls :mod:`paldocs.api` only.

Contract: exit code 0 on success; 2 for bad input or usage (every :class:`~paldocs.errors.PaldocsError`
is printed once as ``błąd: <location>: <message>``, never as a traceback); 1 for an internal failure
(a short message; set ``PALDOCS_DEBUG=1`` to see the traceback). Notes about uncertain data (e.g. an
unverified citation) go to standard error as ``uwaga:`` lines and do not change the exit code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from paldocs.errors import PaldocsError

F = TypeVar("F", bound=Callable[..., Any])

EXAMPLES = """
Przykłady:

\b
  paldocs build resolutions/ketrzyn-2014-pal.yaml --format docx,pdf --out build/
  paldocs build resolutions/*.yaml --format txt
  paldocs check resolutions/ketrzyn-2014-pal.yaml
  paldocs schema > paldocs.schema.json
  paldocs build resolutions/ketrzyn-2014-pal.yaml --format pdf --pdf-variant pdf/a-3b --out build/
  paldocs extract build/ketrzyn-2014-pal.pdf -o zrodla/
"""


def reports_errors(command: F) -> F:
    """Turn paldocs errors into a message and exit code 2; never show a traceback to a clerk."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PaldocsError as error:
            click.echo(f"błąd: {error}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # "paldocs acts list | head": the reader left; nothing is wrong
            sys.stderr.close()
            sys.exit(0)
        except Exception as error:  # a bug in paldocs, not the user's fault
            if os.environ.get("PALDOCS_DEBUG"):
                raise
            click.echo(f"błąd wewnętrzny paldocs ({type(error).__name__}: {error}). "
                       "Uruchom ponownie z PALDOCS_DEBUG=1 i zgłoś ten błąd.", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _parse_formats(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    from paldocs.api import check_formats

    try:
        return check_formats(part.strip().lower() for part in value.split(",") if part.strip())
    except PaldocsError as error:
        raise click.BadParameter(error.message) from None


def _parse_limits(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    from paldocs.limits import parse_limit_settings

    try:
        return parse_limit_settings(value) if value else None
    except PaldocsError as error:
        raise click.BadParameter(error.message + (f" ({error.hint})" if error.hint else "")) from None


limit_option = click.option(
    "--limit", "limits", multiple=True, callback=_parse_limits, metavar="NAZWA=LICZBA",
    help="Zmień limit danych wejściowych (można powtarzać), np. --limit max_text_chars=500000; "
         "limity i ich wartości domyślne: README, sekcja „Bezpieczeństwo”.")


@click.group(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paldocs")
def main() -> None:
    """paldocs — projekty uchwał rady gminy, załączników (programów) i sprawozdań z danych YAML.

    Dane (YAML) + szablony → DOCX, PDF, HTML i tekst zgodne z zasadami techniki prawodawczej.
    """


@main.command(epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, metavar="PLIKI…")
@click.option("--format", "-f", "formats", default="docx,pdf", show_default=True, callback=_parse_formats,
              help="Formaty wynikowe, po przecinku: docx, pdf, html, txt.")
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Katalog wynikowy (domyślnie: katalog pliku danych).")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Własny katalog szablonów (przeszukiwany przed wbudowanym).")
@click.option("--acts", "acts", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Własny katalog aktów (YAML); ma pierwszeństwo przed katalogiem z profilu i wbudowanym.")
@click.option("--pdf-variant", "pdf_variant", type=click.Choice(["pdf/a-3b", "pdf/ua-1"]), default=None,
              help="Wariant PDF: pdf/a-3b (archiwalny, z osadzonymi plikami źródłowymi, otagowany) albo "
                   "pdf/ua-1 (z deklaracją zgodności z PDF/UA-1); domyślnie PDF otagowany (dostępny: struktura, "
                   "język, tytuł), bez deklaracji zgodności ze standardem.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Liczba równoległych procesów przy wielu plikach (domyślnie: wszystkie rdzenie).")
@limit_option
@reports_errors
def build(inputs: tuple[str, ...], formats: list[str], out_dir: Path | None, templates: Path | None,
          acts: tuple[Path, ...], pdf_variant: str | None, limits: Any, jobs: int | None) -> None:
    """Buduje dokumenty z plików danych (pliki, katalogi, wzorce typu 'uchwaly/*.yaml').

    Zapis atomowy: <katalog>/<nazwa>.<format>. Wiele plików buduje się równolegle; błąd jednego pliku nie
    zatrzymuje pozostałych, a kod wyjścia mówi, że coś się nie udało (2 — złe dane, 1 — błąd paldocs).
    """
    from paldocs.batch import BuildOptions, build_files, default_jobs, expand_inputs
    from paldocs.errors import DataError, Location

    sources = expand_inputs(inputs)
    if not sources:
        raise DataError("nie znaleziono żadnych plików danych", Location(" ".join(inputs)))
    options = BuildOptions(tuple(formats), out_dir, templates, acts, pdf_variant, limits)
    workers = min(jobs or default_jobs(), len(sources))
    started = time.perf_counter()
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
        click.echo(_summary(outcomes, len(formats), workers, time.perf_counter() - started), err=True, nl=False)
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


def _summary(outcomes: list[Any], formats: int, workers: int, seconds: float) -> str:
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
                 + f"; {_seconds(seconds)}, procesów: {workers}.")
    return "\n".join(lines) + "\n"


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")  # the Polish decimal comma


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"„{value}” nie jest datą RRRR-MM-DD") from None


@main.command(epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, metavar="PLIKI…")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Postać wyniku: tekst dla człowieka albo JSON (schemat: docs/rules.md).")
@click.option("--today", callback=_parse_today, default=None, metavar="RRRR-MM-DD",
              help="Dzisiejsza data dla reguł zależnych od daty (domyślnie: dziś).")
@click.option("--ignore", "ignored", multiple=True, metavar="ID", help="Pomiń regułę (można powtarzać), np. PD012.")
@click.option("--acts", "acts", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Własny katalog aktów (YAML).")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Własny katalog szablonów.")
@limit_option
@reports_errors
def check(inputs: tuple[str, ...], output_format: str, today: dt.date, ignored: tuple[str, ...],
          acts: tuple[Path, ...], templates: Path | None, limits: Any) -> None:
    """Sprawdza projekty uchwał jak radca prawny: struktura, podstawa prawna, klauzule, typografia.

    PLIKI: pliki danych, katalogi (każdy plik dokumentu w nich) albo wzorce typu 'uchwaly/*.yaml'.
    Kod wyjścia: 0 — bez błędów (mogą być ostrzeżenia), 1 — znaleziono błędy, 2 — złe dane wejściowe.
    """
    from paldocs.batch import expand_inputs
    from paldocs.checks import RULES, check_file, format_json, format_text
    from paldocs.limits import applied_limits

    files = expand_inputs(inputs)  # files, folders and glob patterns, as for build

    unknown = [rule_id for rule_id in ignored if rule_id not in RULES]
    if unknown:
        raise click.BadParameter(f"nieznana reguła {', '.join(unknown)} (lista: docs/rules.md)", param_hint="--ignore")
    with applied_limits(limits):
        findings = [finding for file in files
                    for finding in check_file(file, today=today, ignore=ignored, acts=acts, templates=templates)]
    click.echo(format_json(findings) if output_format == "json" else format_text(findings), nl=False)
    if any(finding.severity == "error" for finding in findings):
        sys.exit(1)


@main.command()
@click.option("--markdown", is_flag=True, help="Tabela w Markdown (docs/rules.md).")
@reports_errors
def rules(markdown: bool) -> None:
    """Wypisuje reguły sprawdzania projektów (id, poziom, opis)."""
    from paldocs.checks import RULES
    from paldocs.checks.docs import format_rules_markdown, rule_description
    from paldocs.checks.output import SEVERITY_WORDS

    if markdown:
        click.echo(format_rules_markdown(), nl=False)
        return
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        click.echo(f"{rule.id}  {SEVERITY_WORDS[rule.severity]:12} {rule.title}\n       {rule_description(rule.id)}")


@main.command()
@reports_errors
def schema() -> None:
    """Wypisuje JSON Schema plików danych (do podpowiedzi i sprawdzania w edytorze)."""
    from paldocs.model.resolution import DataFile

    document = DataFile.model_json_schema(by_alias=True)
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "paldocs — plik danych uchwały"
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


@main.command()
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Własny katalog szablonów.")
@reports_errors
def kinds(templates: Path | None) -> None:
    """Wypisuje rodzaje uchwał (szablony podstawy prawnej)."""
    from paldocs.compose import make_environment
    from paldocs.kinds import load_kinds

    for kind in load_kinds(make_environment(templates)).values():
        basis = "; ".join(f"{entry.provision} ({entry.act})" for entry in kind.legal_basis) or "z danych"
        flags = ["akt prawa miejscowego" if kind.act_of_local_law else "nie jest APM",
                 "sprawdzony" if kind.verified else "praktyka — do potwierdzenia"]
        click.echo(f"{kind.key:20} {kind.name}\n{'':20} {kind.description}\n{'':20} podstawa: {basis}; "
                   f"{', '.join(flags)}")


@main.command(epilog=EXAMPLES)
@click.argument("kind")
@click.option("--municipality", "-m", "profile", required=True,
              type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Plik profilu gminy (YAML).")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Plik projektu do utworzenia.")
@click.option("--force", is_flag=True, help="Nadpisz istniejący plik.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Własny katalog szablonów.")
@reports_errors
def new(kind: str, profile: Path, output: Path, force: bool, templates: Path | None) -> None:
    """Tworzy projekt uchwały rodzaju KIND z komentarzami do każdego pola."""
    import os

    from paldocs.api import write_atomically
    from paldocs.draft import format_draft
    from paldocs.errors import DataError, Location
    from paldocs.model.load import parse_yaml, read_text, validate
    from paldocs.model.municipality import Municipality

    values, positions = parse_yaml(read_text(profile), str(profile))
    validate(Municipality, values, str(profile), positions)  # a broken profile is reported now, not at build
    if output.exists() and not force:
        raise DataError("plik już istnieje — użyj --force, aby go nadpisać", Location(str(output)))
    relative = Path(os.path.relpath(profile.resolve(), output.resolve().parent)).as_posix()
    write_atomically(output, format_draft(kind, relative, output.name, templates).encode("utf-8"))
    click.echo(str(output))


@main.command()
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


from paldocs.cli.acts import acts; main.add_command(acts)  # noqa: E402, E702 — "paldocs acts" (after reports_errors exists)
from paldocs.cli.import_command import import_command; main.add_command(import_command)  # noqa: E402, E702 — "paldocs import"
