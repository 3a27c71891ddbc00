"""``paldocs schema`` and ``paldocs kinds``: what a data file may hold, and the resolution kinds.

Contract: ``schema`` prints the JSON Schema of data files; the ``resolution.kind`` field lists the kinds of the
registry (built-in, plus the user's with ``--templates``) as its allowed values and in its description.
``kinds`` prints every kind of that registry with its default legal basis and whether it is an act of local
law or practice still to be confirmed. Both read the registry from one :class:`~paldocs.context.BuildContext`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from paldocs.cli.errors import reports_errors
from paldocs.cli.options import templates_option


@click.command()
@templates_option("Własny katalog szablonów (jego rodzaje uchwał trafiają do schematu).")
@reports_errors
def schema(templates: Path | None) -> None:
    """Wypisuje JSON Schema plików danych (do podpowiedzi i sprawdzania w edytorze)."""
    from paldocs.context import BuildContext
    from paldocs.model.resolution import DataFile

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
