"""``paldocs check`` and ``paldocs rules``: the drafting checks (PD0xx) of data files, and their list.

Contract: ``check`` takes files, folders and glob patterns as ``build`` does and checks each with one build
context (templates, kinds, catalogs loaded once; each data file parsed once): exit code 0 without errors
(warnings allowed), 1 when a check found an error, 2 for bad input. ``rules`` prints every rule (id, severity,
title, description) or the Markdown table of docs/rules.md.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import EXAMPLES, limit_option, templates_option


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"„{value}” nie jest datą RRRR-MM-DD") from None


@click.command(epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, metavar="PLIKI…")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Postać wyniku: tekst dla człowieka albo JSON (schemat: docs/rules.md).")
@click.option("--today", callback=_parse_today, default=None, metavar="RRRR-MM-DD",
              help="Dzisiejsza data dla reguł zależnych od daty (domyślnie: dziś).")
@click.option("--ignore", "ignored", multiple=True, metavar="ID", help="Pomiń regułę (można powtarzać), np. PD012.")
@click.option("--acts", "acts", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Własny katalog aktów (YAML).")
@templates_option()
@limit_option
@reports_errors
def check(inputs: tuple[str, ...], output_format: str, today: dt.date, ignored: tuple[str, ...],
          acts: tuple[Path, ...], templates: Path | None, limits: Any) -> None:
    """Sprawdza projekty uchwał jak radca prawny: struktura, podstawa prawna, klauzule, typografia.

    PLIKI: pliki danych, katalogi (każdy plik dokumentu w nich) albo wzorce typu 'uchwaly/*.yaml'.
    Kod wyjścia: 0 — bez błędów (mogą być ostrzeżenia), 1 — znaleziono błędy, 2 — złe dane wejściowe.
    """
    from paldocs.inputs import expand_inputs
    from paldocs.checks import RULES, check_file, format_json, format_text
    from paldocs.context import BuildContext

    files = expand_inputs(inputs)  # files, folders and glob patterns, as for build

    unknown = [rule_id for rule_id in ignored if rule_id not in RULES]
    if unknown:
        raise click.BadParameter(f"nieznana reguła {', '.join(unknown)} (lista: docs/rules.md)", param_hint="--ignore")
    context = BuildContext(templates=templates, acts=acts, limits=limits)
    findings = [finding for file in files for finding in check_file(file, today=today, ignore=ignored, context=context)]
    click.echo(format_json(findings) if output_format == "json" else format_text(findings), nl=False)
    if any(finding.severity == "error" for finding in findings):
        sys.exit(1)


@click.command()
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
