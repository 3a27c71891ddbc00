"""Resolution kinds (legal-basis templates): what each kind needs, cites by default and whether it is an APM.

Contract: :func:`load_kinds` reads ``kinds.yaml`` through the template loader (a user's template folder may
override it) and returns :class:`Kind` values; :func:`check_requirements` says, with the field path, which data
a kind cannot be built without. Kind metadata carries ``verified`` and ``sources``: a kind whose default legal
basis is practice or has no source (docs/domain.md § 8) says so to the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
import yaml

from paldocs.errors import DataError, Location, TemplateError
from paldocs.model.resolution import DataFile, LegalBasisEntry


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    name: str
    description: str
    template: str
    subject: str | None  # a one-line Jinja2 template; None: the data must give the subject
    legal_basis: tuple[LegalBasisEntry, ...]
    legal_basis_join: str
    requires: tuple[str, ...]
    act_of_local_law: bool
    verified: bool
    sources: str
    # Program sections the kind expects, by role (SectionRole values); each tuple lists alternatives (PD007).
    required_roles: tuple[tuple[str, ...], ...] = ()

    @property
    def has_program(self) -> bool:
        return "program" in self.requires


def load_kinds(env: jinja2.Environment) -> dict[str, Kind]:
    assert env.loader is not None
    try:
        source, filename, _ = env.loader.get_source(env, "kinds.yaml")
        raw: dict[str, dict[str, Any]] = yaml.safe_load(source)
        return {key: _to_kind(key, value) for key, value in raw.items()}
    except jinja2.TemplateNotFound:
        raise TemplateError("brak pliku rodzajów uchwał „kinds.yaml” w katalogu szablonów") from None
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise TemplateError(f"plik rodzajów uchwał „kinds.yaml” jest uszkodzony ({error})") from None


def _to_kind(key: str, value: dict[str, Any]) -> Kind:
    return Kind(key=key, name=value["name"], description=value["description"], template=value["template"],
                subject=value.get("subject"),
                legal_basis=tuple(LegalBasisEntry.model_validate(entry) for entry in value.get("legal_basis", [])),
                legal_basis_join=value.get("legal_basis_join", "oraz"), requires=tuple(value.get("requires", [])),
                act_of_local_law=bool(value.get("act_of_local_law", False)), verified=bool(value["verified"]),
                sources=value.get("sources", ""),
                required_roles=tuple((role,) if isinstance(role, str) else tuple(role)
                                     for role in value.get("required_roles", [])))


_REQUIREMENTS: dict[str, tuple[str, str]] = {
    "program": ("program", "program przyjmowany uchwałą (załącznik)"),
    "legal_basis": ("resolution.legal_basis", "podstawę prawną (act, provision) — ten rodzaj uchwały nie ma domyślnej"),
    "repeals": ("resolution.repeals", "uchylaną uchwałę (number, date, subject)"),
    "subject": ("resolution.subject", "tytuł uchwały „w sprawie …”"),
    "provisions": ("resolution.provisions", "treść paragrafów (lista, bez numerów)"),
}


def check_requirements(kind: Kind, data: DataFile, file: str | None) -> None:
    """Raise a located DataError for the first required piece of data that is missing."""
    present = {
        "program": data.program is not None,
        "legal_basis": bool(data.resolution.legal_basis),
        "repeals": data.resolution.repeals is not None,
        "subject": data.resolution.subject is not None,
        "provisions": bool(data.resolution.provisions),
    }
    if data.document == "annex":  # an annex alone needs its program only
        present = {key: True for key in present} | {"program": data.program is not None}
    for requirement in kind.requires:
        if not present[requirement]:
            path, what = _REQUIREMENTS[requirement]
            raise DataError(f"uchwała rodzaju „{kind.key}” wymaga pola „{path.rsplit('.', 1)[-1]}”: podaj {what}",
                            Location(file, path=path))


def is_act_of_local_law(kind: Kind, data: DataFile, file: str | None) -> bool:
    """APM per data or kind; an APM needs the voivodeship whose official journal publishes it."""
    apm = data.resolution.act_of_local_law if data.resolution.act_of_local_law is not None else kind.act_of_local_law
    if apm and data.municipality.voivodeship is None:
        raise DataError("akt prawa miejscowego wchodzi w życie po ogłoszeniu w dzienniku urzędowym województwa — "
                        "podaj województwo gminy", Location(file, path="municipality.voivodeship"),
                        "Np. „voivodeship: warmińsko-mazurskie”.")
    return apm
