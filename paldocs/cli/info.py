"""``paldocs schema`` and ``paldocs kinds``: what a data file may hold, and the resolution kinds.

Contract: ``schema`` prints the JSON Schema of data files; the ``resolution.kind`` field lists the kinds of the
registry (built-in, plus the user's with ``--templates``) as its allowed values and in its description.
``schema --report`` prints the JSON Schema of a report file (``document: report``) instead.
``kinds`` prints every kind of that registry with its default legal basis and whether it is an act of local
law or practice still to be confirmed. Both read the registry from one :class:`~paldocs.context.BuildContext`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import templates_option

if TYPE_CHECKING:
    from paldocs.kinds import Kind


@click.command()
@templates_option("Własny katalog szablonów (jego rodzaje uchwał trafiają do schematu).")
@click.option("--report", "report", is_flag=True,
              help="Schemat pliku sprawozdania (document: report) zamiast pliku danych uchwały.")
@reports_errors
def schema(templates: Path | None, report: bool) -> None:
    """Wypisuje JSON Schema plików danych (do podpowiedzi i sprawdzania w edytorze).

    \b
    Przykłady:
      paldocs schema > paldocs.schema.json
      paldocs schema --report > sprawozdanie.schema.json
    """
    from paldocs.context import BuildContext
    from paldocs.model.resolution import DataFile

    if report:
        from paldocs.report.model import MonitoringReport

        report_schema = MonitoringReport.model_json_schema(by_alias=True)
        report_schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        report_schema["title"] = "paldocs — plik sprawozdania"
        click.echo(json.dumps(report_schema, ensure_ascii=False, indent=2))
        return

    document = DataFile.model_json_schema(by_alias=True)
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "paldocs — plik danych uchwały"
    kinds = BuildContext(templates=templates).kinds  # the registry, not a list frozen in the model
    field = document["$defs"]["Resolution"]["properties"]["kind"]
    field["enum"] = list(kinds)
    field["description"] = (f"{field['description']} Rodzaje: "
                             + "; ".join(f"{key} — {kind.name}" for key, kind in kinds.items()) + ".")
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


@click.command()
@templates_option()
@reports_errors
def kinds(templates: Path | None) -> None:
    """Wypisuje rodzaje uchwał (szablony podstawy prawnej)."""
    from paldocs.context import BuildContext

    for kind in BuildContext(templates=templates).kinds.values():
        basis = "; ".join(f"{entry.provision} ({entry.act})" for entry in kind.legal_basis) or "z danych"
        flags = ["akt prawa miejscowego" if kind.act_of_local_law else "nie jest APM",
                 "sprawdzony" if kind.verified else "praktyka — do potwierdzenia"]
        click.echo(f"{kind.key:20} {kind.name}\n{'':20} {kind.description}\n{'':20} podstawa: {basis}; "
                   f"{', '.join(flags)}")
        rules = _period_and_deadline(kind)
        if rules:
            click.echo(f"{'':20} {rules}")


def _period_and_deadline(kind: Kind) -> str:
    from paldocs.polish.dates import MONTHS_GENITIVE
    from paldocs.polish.words import plural_form

    """"okres: 3 lata (art. 176 pkt 1 …); termin: do 30 listopada roku poprzedzającego (art. 5a ust. 1 …)"."""
    parts = []
    if kind.period is not None:
        years = plural_form(kind.period.years, "rok", "lata", "lat")
        exact = "" if kind.period.rule == "exact" else "najwyżej "
        parts.append(f"okres: {exact}{kind.period.years} {years} ({kind.period.source})")
    if kind.deadline is not None:
        which = "roku poprzedzającego okres programu" if kind.deadline.year == "before-period" else "pierwszego roku programu"
        parts.append(f"termin podjęcia: do {kind.deadline.day} {MONTHS_GENITIVE[kind.deadline.month - 1]} {which} "
                     f"({kind.deadline.source})")
    return "; ".join(parts)
