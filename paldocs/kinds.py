"""Resolution kinds (legal-basis templates): what each kind needs, cites by default and whether it is an APM.

Contract: :func:`load_kinds` reads ``kinds.yaml`` through the template loader — the packaged one, with a user's
template folder's merged over it (its entries replace built-in kinds of the same key or add kinds) — and
returns :class:`Kind` values: the registry that a data file's
``resolution.kind`` is validated against (:class:`paldocs.context.BuildContext` loads it once);
:func:`package_kind_keys` names the built-in kinds without a template environment; :func:`find_kind` gives
a kind or the located "czy chodziło o …" error; :func:`check_requirements` says, with the field path, which data
a kind cannot be built without — the kind's ``requires``, unless the data override it (``resolution.requires`` or
``resolution.requires_program``: kinds are defaults). A kind's ``closing`` gives the defaults of the closing
provisions (order, entry into force), overridden by ``resolution.closing`` (:mod:`paldocs.closing`). Kind metadata carries ``verified`` and ``sources``: a kind whose default legal
basis is practice or has no source (docs/domain.md § 8) says so to the user. What statutes set is data too
(docs/kinds.md): the programme's ``period``, the adoption ``deadline``, why the act-of-local-law choice is disputed
(``local_law_note``), the provision listing the contents (``contents_source``); :func:`implementer_for` gives the
implementer a kind names for a gmina (by its kind: a Gminny, Miejski or Miejsko-Gminny Ośrodek Pomocy Społecznej,
or the executive organ). The ``draft_*`` fields only shape ``paldocs new`` (:mod:`paldocs.draft`). A malformed
entry (unknown gmina kind or placeholder in ``implementer``, half a ``draft_title``) is a broken kinds.yaml.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import jinja2
import yaml

from paldocs.errors import DataError, Location, TemplateError
from paldocs.yamlload import load_table
from paldocs.model.messages import unknown_kind
from paldocs.model.closing import Closing
from paldocs.model.resolution import DataFile, LegalBasisEntry

if TYPE_CHECKING:
    from paldocs.model.municipality import Municipality
    from paldocs.report.adoption import AdoptionForm


@dataclass(frozen=True, slots=True)
class PeriodRule:
    """The programme period a statute sets: ``years`` long, exactly or at most (``rule``), with its source."""

    years: int
    rule: Literal["exact", "at-most"]
    source: str


@dataclass(frozen=True, slots=True)
class Deadline:
    """Adopted by ``day``.``month`` of the year ``year`` names: "before-period" — the year before the programme's
    first year (art. 5a ust. 1 u.d.p.p.w.: by 30 November of the year before); "period-start" — the programme's
    first year (art. 11a ust. 1 ustawy o ochronie zwierząt: by 31 March of that year)."""

    month: int
    day: int
    year: Literal["before-period", "period-start"]
    source: str


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
    closing: Closing | None = None  # defaults of the closing provisions; the data's resolution.closing wins
    period: PeriodRule | None = None  # the programme's length the statute sets (checks, drafts)
    deadline: Deadline | None = None  # the day by which the council adopts it (checks)
    # Why the act-of-local-law choice is disputed in practice (None: not disputed); checks and drafts say it.
    local_law_note: str | None = None
    # The default implementer a draft proposes, by the gmina's kind ("wiejska", "miejska", "miejsko-wiejska");
    # "{siedziba}" stands for the seat ("w Ostródzie"). Empty: the draft leaves the field for the clerk.
    implementer: Mapping[str, str] = field(default_factory=dict)
    # The provision that lists the programme's contents (required_roles then come from the statute, not practice).
    contents_source: str | None = None
    # Drafts only (paldocs new): the programme's length when no statute sets one (practice, sourced in ``sources``),
    # its title ("nominative"/"genitive" with "{gminy}" and "{okres}") and the items a role's section lists.
    draft_years: int | None = None
    draft_title: Mapping[str, str] = field(default_factory=dict)
    draft_items: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    draft_headings: Mapping[str, str] = field(default_factory=dict)  # a role's heading in the kind's words
    # The wordings of § 1 of a resolution adopting a report, each with its source (paldocs.report.adoption).
    adoption_forms: Mapping[str, AdoptionForm] = field(default_factory=dict)

    @property
    def has_program(self) -> bool:
        return "program" in self.requires


def load_kinds(env: jinja2.Environment) -> dict[str, Kind]:
    """The kinds registry: the packaged ``kinds.yaml`` with the user's (a ``--templates`` folder) over it — a
    user's entry replaces the built-in kind of its key, a new key adds a kind."""
    files = _kind_files(env)
    if not files:
        raise TemplateError("brak pliku rodzajów uchwał „kinds.yaml” w katalogu szablonów")
    kinds: dict[str, Kind] = {}
    for source, filename in files:
        try:
            raw: dict[str, dict[str, Any]] = load_table(source)
            kinds.update({key: _to_kind(key, value) for key, value in raw.items()})
        except (yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError) as error:
            raise TemplateError(f"plik rodzajów uchwał „kinds.yaml” jest uszkodzony ({error})",
                                Location(filename)) from None
    return kinds


def _kind_files(env: jinja2.Environment) -> list[tuple[str, str]]:
    """Every ``kinds.yaml`` the environment's loaders serve, the packaged one first, the user's last."""
    assert env.loader is not None
    loaders = env.loader.loaders if isinstance(env.loader, jinja2.ChoiceLoader) else [env.loader]
    files: list[tuple[str, str]] = []
    for loader in reversed(loaders):
        try:
            source, filename, _ = loader.get_source(env, "kinds.yaml")
        except jinja2.TemplateNotFound:
            continue
        files.append((source, filename or "kinds.yaml"))
    return files


@functools.cache
def package_kind_keys() -> frozenset[str]:
    """The keys of the packaged ``kinds.yaml`` (what a data file may name when no registry is given)."""
    text = importlib.resources.files("paldocs_templates").joinpath("kinds.yaml").read_text(encoding="utf-8")
    return frozenset(load_table(text))


def find_kind(kinds: Mapping[str, Kind], key: str, file: str | None) -> Kind:
    """The kind ``key`` of the registry, or a :class:`DataError` at ``resolution.kind`` naming the known ones."""
    kind = kinds.get(key)
    if kind is None:
        message, hint = unknown_kind(key, kinds)
        raise DataError(message, Location(file, path="resolution.kind"), hint)
    return kind


def _to_kind(key: str, value: dict[str, Any]) -> Kind:
    from paldocs.report.adoption import adoption_forms

    return Kind(key=key, name=value["name"], description=value["description"], template=value["template"],
                subject=value.get("subject"),
                legal_basis=tuple(LegalBasisEntry.model_validate(entry) for entry in value.get("legal_basis", [])),
                legal_basis_join=value.get("legal_basis_join", "oraz"), requires=tuple(value.get("requires", [])),
                act_of_local_law=bool(value.get("act_of_local_law", False)), verified=bool(value["verified"]),
                sources=value.get("sources", ""),
                required_roles=tuple((role,) if isinstance(role, str) else tuple(role)
                                     for role in value.get("required_roles", [])),
                closing=Closing.model_validate(value["closing"]) if value.get("closing") else None,
                period=PeriodRule(**value["period"]) if value.get("period") else None,
                deadline=Deadline(**value["deadline"]) if value.get("deadline") else None,
                local_law_note=value.get("local_law_note"), implementer=_implementers(value.get("implementer")),
                contents_source=value.get("contents_source"),
                draft_years=int(value["draft_years"]) if value.get("draft_years") is not None else None,
                draft_title=_draft_title(value.get("draft_title")),
                draft_items={str(role): tuple(str(item) for item in items)
                             for role, items in (value.get("draft_items") or {}).items()},
                draft_headings={str(role): str(text) for role, text in (value.get("draft_headings") or {}).items()},
                adoption_forms=adoption_forms(value.get("adoption_forms")))


GMINA_KINDS = ("wiejska", "miejska", "miejsko-wiejska")
_IMPLEMENTER_FIELDS = frozenset({"siedziba", "organ_wykonawczy"})


def _implementers(raw: Mapping[str, str] | None) -> dict[str, str]:
    """``implementer`` keyed by gmina kind; a typo in a key or a placeholder is a broken kinds.yaml (ValueError)."""
    implementers = {str(key): str(value) for key, value in (raw or {}).items()}
    for key, value in implementers.items():
        if key not in GMINA_KINDS:
            raise ValueError(f"implementer: nieznany rodzaj gminy „{key}” (dozwolone: {', '.join(GMINA_KINDS)})")
        unknown = set(_PLACEHOLDER.findall(value)) - _IMPLEMENTER_FIELDS
        if unknown:
            raise ValueError(f"implementer: nieznane pole „{{{sorted(unknown)[0]}}}” (dozwolone: {{siedziba}}, "
                             "{organ_wykonawczy})")
    return implementers


def _draft_title(raw: Mapping[str, str] | None) -> dict[str, str]:
    title = {str(key): str(value) for key, value in (raw or {}).items()}
    if title and set(title) != {"nominative", "genitive"}:
        raise ValueError("draft_title: podaj oba pola „nominative” i „genitive”")
    return title


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def implementer_for(kind: Kind, municipality: Municipality) -> str | None:
    """The implementer a draft names for this gmina, or None when the kind proposes none.

    ``Kind.implementer`` is keyed by the gmina's kind ("gmina wiejska" → "wiejska"): a welfare centre is named after
    the kind of gmina (Gminny / Miejski / Miejsko-Gminny Ośrodek Pomocy Społecznej, docs/kinds.md), so a gmina wiejska
    never gets a "Miejski Ośrodek"; "{siedziba}" becomes the seat in the locative with its preposition ("w Ostródzie"),
    "{organ_wykonawczy}" the executive's name ("Wójt Gminy Ostróda")."""
    template = kind.implementer.get(municipality.kind.value.removeprefix("gmina "))
    if template is None:
        return None
    fields = {"siedziba": seat_locative(municipality.seat), "organ_wykonawczy": municipality.executive.nominative}
    return _PLACEHOLDER.sub(lambda match: fields[match[1]], template)


def seat_locative(seat: str) -> str:
    """"w Ostródzie", "we Wrocławiu": the seat in the locative after its preposition (morfeusz2 dictionary)."""
    from paldocs.polish import place_case

    locative = place_case(seat, "loc", field="municipality.seat")
    # Polish grammar, as for the council's name (paldocs.polish.organs): "we" before w/f + consonant, else "w".
    first, second = locative[:1].lower(), locative[1:2].lower()
    return f"{'we' if first in 'wf' and second and second not in 'aąeęioóuy' else 'w'} {locative}"


_REQUIREMENTS: dict[str, tuple[str, str]] = {
    "program": ("program", "program przyjmowany uchwałą (załącznik)"),
    "legal_basis": ("resolution.legal_basis", "podstawę prawną (act, provision) — ten rodzaj uchwały nie ma domyślnej"),
    "repeals": ("resolution.repeals", "uchylaną uchwałę (number, date, subject)"),
    "subject": ("resolution.subject", "tytuł uchwały „w sprawie …”"),
    "provisions": ("resolution.provisions", "treść paragrafów (lista, bez numerów)"),
    "adoption": ("resolution.adoption", "brzmienie § 1 — uchwała bez programu nie może przyjąć programu"),
}
_OVERRIDE_HINT = ("Rodzaj uchwały to ustawienia domyślne: „requires_program: false” (albo pełna lista „requires”) "
                  "buduje uchwałę bez programu; wtedy podaj też „adoption” (§ 1) i „subject”.")


def requirements(kind: Kind, data: DataFile) -> tuple[str, ...]:
    """What this resolution needs: the kind's ``requires`` unless the data override it (kinds are defaults)."""
    resolution = data.resolution
    if resolution.requires is not None:
        return tuple(resolution.requires)
    required = tuple(need for need in kind.requires if need != "program")
    if resolution.requires_program if resolution.requires_program is not None else kind.has_program:
        required = ("program", *required)
    if kind.has_program and data.program is None and "program" not in required:
        # the kind's § 1 and title name the program: without one the data give both (resolution.adoption, subject)
        required = (*required, "adoption", "subject")
    return required


def check_requirements(kind: Kind, data: DataFile, file: str | None) -> None:
    """Raise a located DataError for the first required piece of data that is missing."""
    present = {
        "program": data.program is not None,
        "legal_basis": bool(data.resolution.legal_basis),
        "repeals": data.resolution.repeals is not None,
        "subject": data.resolution.subject is not None,
        "provisions": bool(data.resolution.provisions),
        "adoption": data.resolution.adoption is not None,
    }
    if data.document == "annex":  # an annex alone needs its body only: the program, or its one other annex
        present = {key: True for key in present} | {"program": data.program is not None or bool(data.annexes)}
    for requirement in requirements(kind, data):
        if not present[requirement]:
            path, what = _REQUIREMENTS[requirement]
            raise DataError(f"uchwała rodzaju „{kind.key}” wymaga pola „{path.rsplit('.', 1)[-1]}”: podaj {what}",
                            Location(file, path=path), _OVERRIDE_HINT if requirement == "program" else None)


def is_act_of_local_law(kind: Kind, data: DataFile, file: str | None) -> bool:
    """APM per data or kind; an APM needs the voivodeship whose official journal publishes it."""
    apm = data.resolution.act_of_local_law if data.resolution.act_of_local_law is not None else kind.act_of_local_law
    if apm and data.municipality.voivodeship is None:
        raise DataError("akt prawa miejscowego wchodzi w życie po ogłoszeniu w dzienniku urzędowym województwa — "
                        "podaj województwo gminy", Location(file, path="municipality.voivodeship"),
                        "Np. „voivodeship: warmińsko-mazurskie”.")
    return apm
