"""Bad input gets a clear Polish message with file:line:column and the field path — never a traceback.

Each case edits the small valid file tests/data/ostroda-2024-pal.yaml (replace ``old`` by ``new``) or
replaces it whole, then checks the error's class, a fragment of its message (and hint), its line and its
field path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TESTS

from paldocs.api import to_document
from paldocs.errors import DataError, LegalBasisError, PaldocsError

VALID = (TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    old: str | None  # None: ``new`` is the whole file (bytes or text)
    new: str | bytes
    fragment: str
    line: int | None = None
    path: str | None = None
    error: type[PaldocsError] = DataError
    hint: str | None = None


CASES = [
    Case("unknown top-level key", "program:\n", "programm:\n", "nieznane pole „programm”", 15, "programm",
         hint="czy chodziło o „program”?"),
    Case("unknown nested key", "    - heading: Cele", "    - heding: Cele", "nieznane pole „heding”", 20,
         "program.sections[0].heding", hint="czy chodziło o „heading”?"),
    Case("duplicate key", "  date: 2024-11-20\n", "  date: 2024-11-20\n  date: 2024-11-21\n",
         "pole „date” występuje dwa razy (pierwszy raz w wierszu 11)", 12, "resolution.date"),
    Case("tab indentation", "  seat: Ostróda", "\tseat: Ostróda", "znak tabulacji — do wcięć używaj spacji", 5),
    Case("unclosed quote", "  seat: Ostróda", '  seat: "Ostróda', "niedomknięty cudzysłów", 5),
    Case("colon in plain text", "  seat: Ostróda", "  seat: Ostróda: siedziba", "dwukropek w tekście", 5),
    Case("wrong type for a year", "{from: 2025, to: 2030}", "{from: dwa tysiące, to: 2030}",
         "oczekiwano: liczba całkowita; jest: „dwa tysiące”", 18, "program.period.from"),
    Case("missing required field", "  title: Program Aktywności Lokalnej Gminy Ostróda na lata 2025–2030\n", "",
         "brak wymaganego pola „title”", 15, "program.title"),
    Case("impossible date", "2024-11-20", "2024-02-31", "nieprawidłowa wartość", None),
    Case("invalid roman session", "XII/85/2024", "IIII/85/2024", "„IIII” nie jest poprawną liczbą rzymską (poprawnie: IV)",
         10, "resolution.number.session"),
    Case("malformed resolution number", "XII/85/2024", "85-2024", "nie jest numerem uchwały w postaci sesja/numer/rok",
         10, "resolution.number"),
    Case("empty file", None, "", "plik jest pusty"),
    Case("only a comment", None, "# nic\n", "plik jest pusty"),
    Case("not UTF-8", None, "municipality: Ostróda\n".encode("iso-8859-2"), "nie jest zapisany w kodowaniu UTF-8", 1),
    Case("a list instead of a mapping", None, "- a\n- b\n", "plik danych musi być mapą pól", 1),
    Case("unknown gmina kind", "kind: gmina wiejska", "kind: gmina", "niedozwolona wartość „gmina”", 4,
         "municipality.kind"),
    Case("period ends before it starts", "{from: 2025, to: 2030}", "{from: 2025, to: 2020}",
         "okres programu kończy się (2020) przed początkiem (2025)", 18, "program.period"),
    Case("year out of range", "{from: 2025, to: 2030}", "{from: 25, to: 2030}",
         "wartość „25” poza zakresem: musi wynosić co najmniej 1990", 18, "program.period.from"),
    Case("duplicate item id", "        - {id: cel-1, text: Aktywizacja mieszkańców.}",
         "        - {id: cel-1, text: Aktywizacja mieszkańców.}\n        - {id: cel-1, text: Integracja.}",
         "identyfikator „cel-1” występuje w programie więcej niż raz", 15, "program"),
    Case("badly formed id", "{id: cel-1,", "{id: Cel 1,", "nieprawidłowy identyfikator „Cel 1”", 23,
         "program.sections[0].items[0].id"),
    Case("empty section", "    - heading: Cele\n      role: goals\n      items:\n        - {id: cel-1, text: Aktywizacja mieszkańców.}",
         "    - role: goals", "rozdział jest pusty", 20, "program.sections[0]"),
    Case("empty required text", "  seat: Ostróda", "  seat: ''", "pole nie może być puste", 5, "municipality.seat"),
    Case("null for a required text", "  seat: Ostróda", "  seat:", "oczekiwano: tekst; jest: brak wartości", 5,
         "municipality.seat"),
    Case("empty section list", "  sections:\n    - heading: Cele\n      role: goals\n      items:\n"
         "        - {id: cel-1, text: Aktywizacja mieszkańców.}", "  sections: []", "lista nie może być pusta", 19,
         "program.sections"),
    Case("merge keys refused", "  council: {", "  base: &b {a: 1}\n  <<: *b\n  council: {",
         "scalanie map („<<:”) nie jest obsługiwane", 7),
    Case("unknown act", "act: samorzad-gminny", "act: samorzad-gminy", "nieznana ustawa „samorzad-gminy”", None,
         "resolution.legal_basis[0]", LegalBasisError, hint="samorzad-gminny"),
    Case("malformed provision", "provision: art. 18 ust. 2 pkt 15", "provision: artykuł osiemnasty",
         "nie rozpoznano przepisu „artykuł osiemnasty”", None, "resolution.legal_basis[0]", LegalBasisError),
    Case("malformed journal address", "Dz. U. z 2024 r. poz. 1283", "Dziennik 2024",
         "nie rozpoznano adresu publikacji „Dziennik 2024”", None, "resolution.legal_basis[1]", LegalBasisError),
    # A date before the act itself: no text can have been announced (a date after 1990 cites the original text).
    Case("no text of the act announced by the date", "  date: 2024-11-20", "  date: 1990-01-15",
         "katalog nie zna żadnego tekstu ustawy z dnia 8 marca 1990 r. o samorządzie gminnym ogłoszonego najpóźniej "
         "15 stycznia 1990 r.", None, "resolution.legal_basis[0]", LegalBasisError,
         hint="podaj adres publikacji w polu „address”"),
]


def write_case(tmp_path: Path, case: Case) -> Path:
    path = tmp_path / "dane.yaml"
    if case.old is None:
        content = case.new
    else:
        assert case.old in VALID, f"case {case.id}: {case.old!r} not in the valid file"
        content = VALID.replace(case.old, case.new, 1)  # type: ignore[arg-type]
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_the_valid_file_is_valid() -> None:
    document, notes = to_document(TESTS / "data" / "ostroda-2024-pal.yaml")
    assert document.meta.number == "XII/85/2024"
    assert notes  # the citation notes: what the catalog cannot confirm


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_reported_with_its_place(tmp_path: Path, case: Case) -> None:
    path = write_case(tmp_path, case)
    with pytest.raises(PaldocsError) as caught:
        to_document(path)
    error = caught.value
    assert isinstance(error, case.error)
    assert case.fragment in error.message
    assert error.location.file == str(path)
    if case.line is not None:
        assert error.location.line == case.line
    if case.path is not None:
        assert error.location.path == case.path
    if case.hint is not None:
        assert error.hint is not None and case.hint in error.hint
    assert str(path) in str(error)


def test_missing_profile_file_names_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "dane.yaml"
    path.write_text("municipality: profile/brak.yaml\n", encoding="utf-8")
    with pytest.raises(DataError, match="nie ma takiego pliku") as caught:
        to_document(path)
    assert caught.value.location.file == str(tmp_path / "profile" / "brak.yaml")


def test_error_in_a_shared_profile_points_into_the_profile(tmp_path: Path) -> None:
    profile = "\n".join(line.removeprefix("  ") for line in VALID.split("resolution:")[0].splitlines()[2:])
    (tmp_path / "profil.yaml").write_text(profile.replace("seat:", "siedziba:"), encoding="utf-8")
    data = tmp_path / "dane.yaml"
    data.write_text("municipality: profil.yaml\n" + "resolution:" + VALID.split("resolution:")[1], encoding="utf-8")
    with pytest.raises(DataError, match="nieznane pole „siedziba”") as caught:
        to_document(data)
    assert caught.value.location.file == str(tmp_path / "profil.yaml")
    assert caught.value.location.line == 3
    assert caught.value.location.path == "municipality.siedziba"
