"""The resolution that adopts a report (kind ``przyjecie-sprawozdania``): title, § 1 and legal basis from the report.

Contract: :func:`report_adoption` gives the template context ``adopted_report`` of a resolution whose kind names
``adoption_forms`` in kinds.yaml (None for every other kind). Its values are worked out on first use only, so a
typed ``subject``, ``adoption`` or ``legal_basis`` (which always win) never loads the report:

- :attr:`ReportAdoption.subject` — "w sprawie przyjęcia sprawozdania z …": the report's printed title (the one
  its annex prints) in the genitive. Only a title opening with "Sprawozdanie z …" (any case of that first word)
  is turned; a title of another shape ("Sprawozdanie roczne z …", "Informacja o …") or written all in capitals
  (its proper names cannot be told from common words) is a located error at ``resolution.subject`` asking the
  clerk to type the subject.
- :attr:`ReportAdoption.provision` — § 1 in the chosen form (``resolution.adoption_form``; default: the kind's
  first form), each form with the real resolution it comes from in kinds.yaml; None when the resolution annexes
  no report and gives its paragraphs in ``provisions`` (the older way, still valid).
- :attr:`ReportAdoption.legal_basis` — the provision of the report's kind (templates/report-kinds.yaml
  ``legal_basis``: the duty to report, e.g. art. 5a ust. 3 u.d.p.p.w.), as the Nowe resolution cites only the
  duty (art. 110 ust. 9 u.p.s.). Nothing else is added: we found no report-adopting resolution that cites art. 18
  ust. 2 pkt 15 u.s.g. A report kind without a provision (``narracyjne``, ``monitoring``) is a located error at
  ``resolution.legal_basis``.

The report taken is the first annex with ``report:``; a resolution annexing two reports types its subject and § 1.
What the clerk should know (an unverified form or report kind, a typed paragraph repeating the derived § 1) goes
to ``notes``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paldocs.errors import DataError, Location
from paldocs.model.resolution import DataFile, LegalBasisEntry

if TYPE_CHECKING:
    from paldocs.kinds import Kind
    from paldocs.report.kinds import ReportKind
    from paldocs.report.load import ReportSource

__all__ = ["AdoptionForm", "ReportAdoption", "adoption_forms", "report_adoption", "report_phrase"]

Locate = Callable[[tuple[str | int, ...]], Location]

# The two placeholders a form may use: the report in the accusative and the reference to its annex.
_FIELDS = frozenset({"sprawozdanie", "zalacznik"})
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# "Sprawozdanie z realizacji …", "SPRAWOZDANIE z działalności …", "Sprawozdanie ze …": the noun, then "z"/"ze".
_OPENING = re.compile(r"sprawozdanie\s+(?=(?:z|ze)\s)", re.IGNORECASE)
# A paragraph the clerk typed that adopts the report again (the older way of writing § 1 in ``provisions``).
_TYPED_ADOPTION = re.compile(r"\s*(?:Przyjąć|Przyjmuje się)\s+sprawozdanie", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AdoptionForm:
    """One wording of § 1: ``text`` with ``{sprawozdanie}`` and ``{zalacznik}``; ``verified``: read in a named
    resolution that adopts a report (``source``), not only in one adopting a programme."""

    key: str
    text: str
    source: str
    verified: bool


def adoption_forms(raw: Mapping[str, Mapping[str, Any]] | None) -> dict[str, AdoptionForm]:
    """``adoption_forms`` of a kinds.yaml entry; an unknown placeholder is a broken kinds.yaml (ValueError)."""
    forms: dict[str, AdoptionForm] = {}
    for key, value in (raw or {}).items():
        text = str(value["text"])
        unknown = set(_PLACEHOLDER.findall(text)) - _FIELDS
        if unknown or "{sprawozdanie}" not in text:
            raise ValueError(f"adoption_forms.{key}: forma § 1 wymaga pola {{sprawozdanie}} i zna tylko "
                             "{sprawozdanie} i {zalacznik}")
        forms[str(key)] = AdoptionForm(str(key), text, str(value["source"]), bool(value.get("verified", False)))
    return forms


def report_phrase(title: str) -> str | None:
    """"sprawozdanie z realizacji …" — the report's title as § 1 names it (nominative = accusative of the neuter
    noun), or None when the title does not open with "Sprawozdanie z …" or is written all in capitals."""
    text = " ".join(title.split()).rstrip(".")
    opening = _OPENING.match(text)
    if opening is None:
        return None
    rest = text[opening.end():]
    letters = [char for char in rest if char.isalpha()]
    if letters and all(char.isupper() for char in letters):
        return None  # "Z REALIZACJI PROGRAMU …": which words keep their capital is not in the text
    return f"sprawozdanie {rest[:1].lower()}{rest[1:]}"


class ReportAdoption:
    """``adopted_report`` in the template context (see the module contract)."""

    def __init__(self, data: DataFile, kind: Kind, file: str | None, locate: Locate | None,
                 notes: list[str]) -> None:
        self._data, self._kind, self._file, self._locate, self._notes = data, kind, file, locate, notes
        self._index = next((index for index, annex in enumerate(data.annexes) if annex.report is not None), None)
        self._source: ReportSource | None = None
        self._title: str | None = None

    def _at(self, *path: str | int) -> Location:
        return self._locate(path) if self._locate else Location(self._file, path=_dotted(path))

    def _report(self) -> ReportSource:
        if self._source is None:
            from paldocs import inputs
            from paldocs.annex_files import annex_file_path
            from paldocs.report.compose import compose_report
            from paldocs.report.load import load_report

            assert self._index is not None
            name = self._data.annexes[self._index].report
            assert name is not None
            where = self._at("annexes", self._index, "report")
            folder = Path(self._file).parent if self._file else Path(".")
            path = annex_file_path(folder, name, where, report=True)
            if not inputs.exists(path):
                raise DataError(f"nie ma pliku sprawozdania „{name}” w folderze pliku danych", where)
            self._source = load_report(path)
            # the title its annex prints (a monitoring report's own, made of the programme's title and years)
            self._title = compose_report(self._source, draw=False).meta.title
        return self._source

    def _phrase(self, field: str) -> str:
        """The report as § 1 names it; a located error at ``resolution.<field>`` when it cannot be made."""
        if self._index is None:
            raise DataError(f"uchwała rodzaju „{self._kind.key}” bez załączonego sprawozdania wymaga pola "
                            f"„{field}”", self._at("resolution", field),
                            "Dołącz sprawozdanie jako załącznik („annexes: [{title: …, report: sprawozdanie.yaml}]”) "
                            "— paldocs utworzy z niego tytuł uchwały, § 1 i podstawę prawną; albo wpisz pole sam.")
        if sum(annex.report is not None for annex in self._data.annexes) > 1:
            raise DataError(f"uchwała przyjmuje kilka sprawozdań — wpisz „{field}” sam (paldocs tworzy go z jednego "
                            "sprawozdania)", self._at("resolution", field))
        source = self._report()
        assert self._title is not None
        phrase = report_phrase(self._title)
        if phrase is None:
            where = source.locate(("title",)) if source.report.title else Location(source.file)
            raise DataError(f"z tytułu sprawozdania „{self._title}” nie da się utworzyć pola „{field}” uchwały: "
                            "paldocs odmienia tylko tytuły zaczynające się od „Sprawozdanie z …”, zapisane "
                            "zwykłymi literami — wpisz pole sam", self._at("resolution", field),
                            f"Np. „subject: w sprawie przyjęcia sprawozdania …” i „adoption: Przyjąć sprawozdanie "
                            f"…, stanowiące załącznik do uchwały.” (tytuł sprawozdania: {where}).")
        return phrase

    @property
    def subject(self) -> str:
        """"w sprawie przyjęcia sprawozdania z …" (the genitive of the neuter noun; the rest is a prepositional
        phrase, the same in every case)."""
        return "w sprawie przyjęcia sprawozdania " + self._phrase("subject").removeprefix("sprawozdanie ")

    @property
    def provision(self) -> str | None:
        """§ 1 in the chosen form, or None when the data give their paragraphs without a report annex."""
        resolution = self._data.resolution
        if self._index is None and resolution.provisions:
            return None
        form = self._form()
        phrase = self._phrase("adoption")
        from paldocs.annexes import annex_designations, annex_reference

        designation = annex_designations(self._data)[(self._data.program is not None) + (self._index or 0)]
        if resolution.provisions and _TYPED_ADOPTION.match(resolution.provisions[0]):
            self._notes.append(f"{self._at('resolution', 'provisions', 0)}: § 1 paldocs tworzy ze sprawozdania — ten "
                               "paragraf przyjmuje sprawozdanie drugi raz; usuń go (własne brzmienie § 1 wpisz jako "
                               "„adoption”)")
        return _PLACEHOLDER.sub(lambda match: {"sprawozdanie": phrase,
                                               "zalacznik": annex_reference(designation)}[match[1]], form.text)

    def _form(self) -> AdoptionForm:
        forms: Mapping[str, AdoptionForm] = self._kind.adoption_forms
        key = self._data.resolution.adoption_form or next(iter(forms))
        form = forms.get(key)
        if form is None:
            raise DataError(f"nieznana forma § 1 „{key}” (znane: {', '.join(forms)})",
                            self._at("resolution", "adoption_form"))
        if not form.verified:
            self._notes.append(f"{self._at('resolution', 'adoption_form')}: forma § 1 „{key}” pochodzi z uchwał "
                               f"przyjmujących programy, nie sprawozdania ({form.source}) — biuro prawne powinno "
                               "ją potwierdzić")
        return form

    @property
    def legal_basis(self) -> list[LegalBasisEntry]:
        """The provision of the report's kind: the statute's duty to report (see the module contract)."""
        if self._index is None:
            raise DataError(f"uchwała rodzaju „{self._kind.key}” bez załączonego sprawozdania wymaga pola "
                            "„legal_basis”", self._at("resolution", "legal_basis"),
                            "Dołącz sprawozdanie jako załącznik (podstawa prawna z rodzaju sprawozdania) albo podaj "
                            "przepis, który nakłada obowiązek sprawozdania.")
        from paldocs.report.kinds import kind_of

        report_kind: ReportKind = kind_of(self._report().report)
        if report_kind.act is None or report_kind.provision is None:
            raise DataError(f"sprawozdanie rodzaju „{report_kind.key}” ({report_kind.name}) nie ma w paldocs "
                            "przepisu, który nakłada obowiązek sprawozdania — podaj podstawę prawną uchwały "
                            "(„legal_basis”)", self._at("resolution", "legal_basis"),
                            "Np. przepis, który każe przedłożyć sprawozdanie radzie: Uchwała Nr VI/37/11 Rady Miejskiej "
                            "w Nowem z dnia 23 lutego 2011 r. powołuje art. 110 ust. 9 ustawy o pomocy społecznej "
                            "(„- {act: pomoc-spoleczna, provision: art. 110 ust. 9}”).")
        if not report_kind.verified:
            self._notes.append(f"{self._at('resolution', 'legal_basis')}: podstawa prawna z rodzaju sprawozdania "
                               f"„{report_kind.key}” ({report_kind.provision}) nie została odczytana w tekście ustawy "
                               "— sprawdź ją z biurem prawnym")
        return [LegalBasisEntry(act=report_kind.act, provision=report_kind.provision)]


def _dotted(path: tuple[str | int, ...]) -> str:
    """("resolution", "provisions", 0) → "resolution.provisions[0]" (the form errors use for field paths)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def report_adoption(data: DataFile, kind: Kind, file: str | None, locate: Locate | None,
                    notes: list[str]) -> ReportAdoption | None:
    """``adopted_report`` for a kind with § 1 forms for a report (None for every other kind)."""
    return ReportAdoption(data, kind, file, locate, notes) if kind.adoption_forms else None
