"""Closing provisions, kinds as defaults and the legal basis as data: what each form prints, in every format.

Each table row is a data fragment over a small valid resolution (tests/data/ostroda-2024-pal.yaml with a
voivodeship) and the exact text paldocs prints; the wording comes from paldocs/legal/clauses.yaml (sources
there). The checks: PD026 refuses a retroactive act of local law (art. 5 ustawy o ogłaszaniu aktów
normatywnych, docs/domain.md § 1) with exit code 1 of ``paldocs check``.
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import TESTS

from paldocs.api import render, to_document
from paldocs.cli import main
from paldocs.errors import PaldocsError
from paldocs.writers.text import to_text

BASE: dict[str, Any] = yaml.safe_load((TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8"))
BASE["municipality"]["voivodeship"] = "warmińsko-mazurskie"
WM = "Dzienniku Urzędowym Województwa Warmińsko-Mazurskiego"
EXECUTOR = "Wykonanie uchwały powierza się Wójtowi Gminy Ostróda."
REPEALED = {"number": "XI/80/2023", "date": "2023-03-20",
            "subject": "w sprawie przyjęcia Programu Aktywności Lokalnej Gminy Ostróda na lata 2023–2024"}
REPEAL_ONE = ("Traci moc uchwała Nr XI/80/2023 Rady Gminy Ostróda z dnia 20 marca 2023 r. w sprawie przyjęcia "
              "Programu Aktywności Lokalnej Gminy Ostróda na lata 2023–2024.")


def write(tmp_path: Path, resolution: dict[str, Any], municipality: dict[str, Any] | None = None,
          drop_program: bool = False) -> Path:
    data = copy.deepcopy(BASE)
    data["resolution"].update(resolution)
    data["municipality"].update(municipality or {})
    if drop_program:
        del data["program"]
    path = tmp_path / "uchwala.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def paragraphs(path: Path) -> list[str]:
    """The resolution's paragrafy as printed ("§ 2. …"), before the signature."""
    text = to_text(to_document(path)[0]).replace("\u00a0", " ")
    body = text.split("UZASADNIENIE")[0]
    return [" ".join(block.split()) for block in body.split("\n\n") if block.lstrip().startswith("§")]


FORMS = [
    ("default: z dniem podjęcia", {}, [EXECUTOR, "Uchwała wchodzi w życie z dniem podjęcia."]),
    ("dated", {"entry_into_force": {"form": "z-dniem", "date": "2025-01-01"}},
     [EXECUTOR, "Uchwała wchodzi w życie z dniem 1 stycznia 2025 r."]),
    ("after publication, 30 days", {"entry_into_force": {"form": "po-uplywie", "days": 30}},
     [EXECUTOR, f"Uchwała wchodzi w życie po upływie 30 dni od dnia ogłoszenia w {WM}."]),
    ("after publication in the journal (Biała)", {"entry_into_force": {"form": "po-uplywie",
                                                                       "publication": "dziennik-urzedowy"}},
     [EXECUTOR, f"Uchwała podlega ogłoszeniu w {WM} i wchodzi w życie po upływie 14 dni od dnia jej ogłoszenia."]),
    ("upon adoption, published in the journal", {"entry_into_force": {"publication": "dziennik-urzedowy"}},
     [EXECUTOR, f"Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu w {WM}."]),
    ("upon adoption, customary", {"entry_into_force": {"publication": "zwyczajowo"}},
     [EXECUTOR, "Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu w sposób zwyczajowo przyjęty."]),
    ("dated, notice board", {"entry_into_force": {"form": "z-dniem", "date": "2025-01-01",
                                                  "publication": "tablica-ogloszen",
                                                  "notice_board": "Urzędu Gminy Ostróda"}},
     [EXECUTOR, "Uchwała wchodzi w życie z dniem 1 stycznia 2025 r. i podlega ogłoszeniu na tablicy ogłoszeń "
                "Urzędu Gminy Ostróda."]),
    ("one repeal after the executor (Poświętne)", {"repeals": [REPEALED]},
     [EXECUTOR, REPEAL_ONE, "Uchwała wchodzi w życie z dniem podjęcia."]),
    ("repeal before the executor (Gnojnik)", {"order": ["repeal", "executor", "entry-into-force"],
                                              "repeals": [REPEALED]},
     [REPEAL_ONE, EXECUTOR, "Uchwała wchodzi w życie z dniem podjęcia."]),
    ("several repeals in punkty (Perlejewo)",
     {"repeals": [REPEALED, {"number": "X/70/2022", "date": "2022-12-01", "subject": "zmieniająca uchwałę"}]},
     [EXECUTOR, "Traci moc: 1) uchwała Nr XI/80/2023 Rady Gminy Ostróda z dnia 20 marca 2023 r. w sprawie przyjęcia "
                "Programu Aktywności Lokalnej Gminy Ostróda na lata 2023–2024; 2) uchwała Nr X/70/2022 Rady Gminy "
                "Ostróda z dnia 1 grudnia 2022 r. zmieniająca uchwałę.", "Uchwała wchodzi w życie z dniem podjęcia."]),
    ("another executor, no repeal part", {"executor": "Kierownikowi Gminnego Ośrodka Pomocy Społecznej",
                                          "order": ["executor", "entry-into-force"]},
     ["Wykonanie uchwały powierza się Kierownikowi Gminnego Ośrodka Pomocy Społecznej.",
      "Uchwała wchodzi w życie z dniem podjęcia."]),
]


@pytest.mark.parametrize(("closing", "expected"), [row[1:] for row in FORMS], ids=[row[0] for row in FORMS])
def test_closing_forms(tmp_path: Path, closing: dict[str, Any], expected: list[str]) -> None:
    printed = paragraphs(write(tmp_path, {"closing": closing} if closing else {}))
    assert [text.split(". ", 1)[1] for text in printed[1:]] == expected
    assert [text.split(" ", 2)[1] for text in printed] == [f"{n}." for n in range(1, len(printed) + 1)]


def test_an_act_of_local_law_defaults_to_fourteen_days_after_publication(tmp_path: Path) -> None:
    printed = paragraphs(write(tmp_path, {"act_of_local_law": True}))
    assert printed[-1] == f"§ 3. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w {WM}."


def test_an_unverified_wording_is_said_when_printed(tmp_path: Path) -> None:
    _, notes = to_document(write(tmp_path, {"closing": {"entry_into_force": {"publication": "zwyczajowo"}}}))
    said = [note for note in notes if "resolution.closing" in note]
    assert len(said) == 1 and "„i podlega ogłoszeniu w sposób zwyczajowo przyjęty”" in said[0]
    assert "niezweryfikowane" in said[0]
    _, quiet = to_document(write(tmp_path, {"closing": {"repeals": [REPEALED]}}))  # Biała/Poświętne: verified
    assert not [note for note in quiet if "resolution.closing" in note]


@pytest.mark.parametrize(("closing", "message"), [
    ({"entry_into_force": {"form": "z-dniem"}}, "forma „z-dniem” wymaga dnia"),
    ({"entry_into_force": {"date": "2025-01-01"}}, "„date” podaje się tylko z formą „z-dniem”"),
    ({"entry_into_force": {"days": 30}}, "„days” podaje się tylko z formą „po-uplywie”"),
    ({"order": ["entry-into-force", "executor"]}, "„entry-into-force” jest ostatni"),
    ({"order": ["executor", "executor"]}, "każdą część przepisów końcowych podaje się raz"),
    ({"order": ["executor", "entry-into-force"], "repeals": [REPEALED]}, "nie ma części „repeal”"),
])
def test_closing_data_that_cannot_be_printed_is_refused(tmp_path: Path, closing: dict[str, Any], message: str) -> None:
    with pytest.raises(PaldocsError) as caught:
        to_document(write(tmp_path, {"closing": closing}))
    assert message in caught.value.message and "resolution.closing" in str(caught.value.location)


def test_the_journal_form_needs_a_voivodeship(tmp_path: Path) -> None:
    with pytest.raises(PaldocsError) as caught:
        to_document(write(tmp_path, {"closing": {"entry_into_force": {"publication": "dziennik-urzedowy"}}},
                          {"voivodeship": None}))
    assert caught.value.location.path == "municipality.voivodeship"


# --- kinds are defaults --------------------------------------------------------------------------------------------

ADOPTION = ("Przyjmuje się Strategię Rozwiązywania Problemów Społecznych Gminy Ostróda na lata 2021–2030, stanowiącą "
            "załącznik do niniejszej uchwały.")


def test_adoption_replaces_the_kinds_first_paragraph(tmp_path: Path) -> None:
    assert paragraphs(write(tmp_path, {"adoption": ADOPTION}))[0] == f"§ 1. {ADOPTION}"


def test_a_program_kind_without_a_program(tmp_path: Path) -> None:
    path = write(tmp_path, {"requires_program": False, "adoption": ADOPTION, "subject": "w sprawie przyjęcia Strategii"},
                 drop_program=True)
    assert paragraphs(path)[0] == f"§ 1. {ADOPTION}"
    with pytest.raises(PaldocsError) as caught:  # without § 1 of its own the kind's one would name no program
        to_document(write(tmp_path, {"requires_program": False, "subject": "w sprawie x"}, drop_program=True))
    assert caught.value.location.path == "resolution.adoption"


def test_the_kinds_requirement_is_named_with_its_override(tmp_path: Path) -> None:
    with pytest.raises(PaldocsError) as caught:
        to_document(write(tmp_path, {}, drop_program=True))
    assert caught.value.location.path == "program" and "requires_program: false" in (caught.value.hint or "")


def test_generic_and_repeal_kinds_take_an_adoption(tmp_path: Path) -> None:
    generic = {"kind": "generic", "subject": "w sprawie próbnej", "provisions": ["Drugi paragraf."],
               "adoption": "Pierwszy paragraf."}
    assert paragraphs(write(tmp_path, generic, drop_program=True))[:2] == ["§ 1. Pierwszy paragraf.",
                                                                           "§ 2. Drugi paragraf."]
    repeal = {"kind": "repeal", "repeals": REPEALED, "adoption": "Uchyla się uchwałę w całości."}
    assert paragraphs(write(tmp_path, repeal, drop_program=True))[0] == "§ 1. Uchyla się uchwałę w całości."


# --- legal basis ---------------------------------------------------------------------------------------------------

def legal_basis_text(path: Path) -> str:
    text = to_text(to_document(path)[0]).replace("\u00a0", " ")
    return " ".join(next(block for block in text.split("\n\n") if block.startswith("Na podstawie")).split())


BASIS = [
    ("several units of one article", [{"act": "pozytek-publiczny", "provision": "art. 5a ust. 1 i 4"}],
     "Na podstawie art. 5a ust. 1 i 4 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego"),
    ("two articles of one act", [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15 i art. 40 ust. 1"}],
     "Na podstawie art. 18 ust. 2 pkt 15 i art. 40 ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"),
    ("w związku z before one entry", [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                                      {"act": "samorzad-gminny", "provision": "art. 7 ust. 1 pkt 6"},
                                      {"act": "pomoc-spoleczna", "provision": "art. 110 ust. 10",
                                       "join": "w związku z"}],
     "(Dz. U. z 2024 r. poz. 1465), art. 7 ust. 1 pkt 6 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
     "(Dz. U. z 2024 r. poz. 1465) w związku z art. 110 ust. 10"),
    ("a typed address printed as typed", [{"act": "pomoc-spoleczna", "provision": "art. 110 ust. 10",
                                           "address": "Dz. U. z 2021 r. poz. 2268 z późn. zm."}],
     "o pomocy społecznej (Dz. U. z 2021 r. poz. 2268 z późn. zm.)"),
    ("an old typed address", [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15",
                               "address": "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm."}],
     "o samorządzie gminnym (Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.)"),
    ("a whole citation typed", [{"text": "art. 7 ust. 1 pkt 6 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
                                         "(Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.)"}],
     "Na podstawie art. 7 ust. 1 pkt 6 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2001 r. Nr 142, "
     "poz. 1591 z późn. zm.)"),
]


@pytest.mark.parametrize(("entries", "expected"), [row[1:] for row in BASIS], ids=[row[0] for row in BASIS])
def test_legal_basis_forms(tmp_path: Path, entries: list[dict[str, str]], expected: str) -> None:
    assert expected in legal_basis_text(write(tmp_path, {"legal_basis": entries}))


def test_an_old_address_from_the_catalog(tmp_path: Path) -> None:
    """A resolution of 2009 cites the 2001 consolidated text (ISAP WDU20011421591) in the old form, with its Nr,
    and — before 1 March 2016 — "z późn. zm." for the amendments the catalog knows from council documents."""
    path = write(tmp_path, {"number": "XII/85/2009", "date": "2009-03-25",
                            "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"}]})
    text = legal_basis_text(path)
    assert "o samorządzie gminnym (Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.)" in text


@pytest.mark.parametrize(("entry", "message"), [
    ({"act": "samorzad-gminny"}, "podaj ustawę i przepis"),
    ({"text": "art. 7 ustawy …", "act": "samorzad-gminny"}, "nie podawaj obok niego"),
])
def test_malformed_entries_are_refused(tmp_path: Path, entry: dict[str, str], message: str) -> None:
    with pytest.raises(PaldocsError) as caught:
        to_document(write(tmp_path, {"legal_basis": [entry]}))
    assert message in caught.value.message


# --- checks --------------------------------------------------------------------------------------------------------

def check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(path)])
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("provision", ["Uchwała wchodzi w życie z dniem podjęcia z mocą obowiązującą od 1 stycznia "
                                       "2024 r.", "Przepisy uchwały stosuje się od 1 stycznia 2024 r."])
def test_a_retroactive_act_of_local_law_is_an_error(tmp_path: Path, provision: str) -> None:
    code, output = check(write(tmp_path, {"act_of_local_law": True, "provisions": [provision]}))
    assert code == 1
    assert "PD026" in output and "nie może działać wstecz" in output and "art. 5 ustawy o ogłaszaniu" in output


@pytest.mark.parametrize(("apm", "date", "fragment", "code"), [
    (True, "2024-11-01", "nie może działać wstecz", 1),
    (True, "2024-11-25", "wcześniej niż 14 dni po dniu podjęcia", 1),
    (True, "2025-01-01", "co najmniej 14 dni wcześniej", 0),  # a warning: publication must come first
    (False, "2024-11-01", "przed dniem podjęcia", 0),  # not an act of local law: a warning
])
def test_a_dated_entry_into_force_is_judged(tmp_path: Path, apm: bool, date: str, fragment: str, code: int) -> None:
    path = write(tmp_path, {"act_of_local_law": apm,
                            "closing": {"entry_into_force": {"form": "z-dniem", "date": date}}})
    found, output = check(path)
    assert fragment in " ".join(output.split()) and found == code


def test_the_journal_form_of_an_act_of_local_law_passes(tmp_path: Path) -> None:
    path = write(tmp_path, {"act_of_local_law": True, "closing": {"entry_into_force": {
        "form": "po-uplywie", "publication": "dziennik-urzedowy"}}})
    assert "PD026" not in check(path)[1] and "PD025" not in check(path)[1]


# --- real readers ----------------------------------------------------------------------------------------------------

READ_BACK = {"order": ["repeal", "executor", "entry-into-force"], "repeals": [REPEALED],
             "entry_into_force": {"form": "z-dniem", "date": "2025-01-01", "publication": "dziennik-urzedowy"}}
EXPECTED_WORDS = [REPEAL_ONE, EXECUTOR, f"Uchwała wchodzi w życie z dniem 1 stycznia 2025 r. i podlega ogłoszeniu w {WM}."]


def test_new_closing_forms_read_back_from_docx(tmp_path: Path) -> None:
    document, _ = to_document(write(tmp_path, {"closing": READ_BACK}))
    text = " ".join(p.text for p in docx.Document(io.BytesIO(render(document, "docx"))).paragraphs)
    text = " ".join(text.replace("\u00a0", " ").split())
    for expected in EXPECTED_WORDS:
        assert expected in text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_new_closing_forms_read_back_from_pdf(tmp_path: Path) -> None:
    document, _ = to_document(write(tmp_path, {"closing": READ_BACK}))
    pdf = tmp_path / "uchwala.pdf"
    pdf.write_bytes(render(document, "pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.replace("\u00a0", " ").replace("-\n", "-").split())
    for expected in EXPECTED_WORDS:
        assert " ".join(expected.split()[:6]) in text and expected.split()[-1] in text


def test_a_kinds_closing_defaults_and_the_data_over_them(tmp_path: Path) -> None:
    """A kind of the user's kinds.yaml gives closing defaults; the data change one field and keep the rest."""
    folder = tmp_path / "szablony"
    folder.mkdir()
    (folder / "kinds.yaml").write_text(
        "statut:\n  name: statut\n  description: Uchwalenie statutu.\n  template: kind-generic.md.j2\n"
        "  requires: [subject, legal_basis]\n  act_of_local_law: true\n  verified: false\n"
        "  sources: „próba”\n  closing:\n    order: [repeal, executor, entry-into-force]\n"
        "    entry_into_force: {form: po-uplywie, publication: dziennik-urzedowy}\n", encoding="utf-8")
    resolution = {"kind": "statut", "subject": "w sprawie uchwalenia Statutu Gminy Ostróda",
                  "adoption": "Uchwala się Statut Gminy Ostróda.", "closing": {"repeals": [REPEALED]}}
    path = write(tmp_path, resolution, drop_program=True)
    text = to_text(to_document(path, templates=folder)[0]).replace("\u00a0", " ")
    printed = [" ".join(block.split()) for block in text.split("\n\n") if block.startswith("§")]
    assert printed[1:] == [f"§ 2. {REPEAL_ONE}", f"§ 3. {EXECUTOR}",
                           f"§ 4. Uchwała podlega ogłoszeniu w {WM} i wchodzi w życie po upływie 14 dni od dnia jej "
                           "ogłoszenia."]
    resolution["closing"] = {"entry_into_force": {"form": "z-dniem", "date": "2025-02-01"}}
    text = to_text(to_document(write(tmp_path, resolution, drop_program=True), templates=folder)[0])
    assert ("Uchwała wchodzi w życie z dniem 1 lutego 2025 r. i podlega ogłoszeniu w "
            f"{WM}.") in " ".join(text.replace("\u00a0", " ").split())


def test_closing_values_are_printed_literally(tmp_path: Path) -> None:
    """Data values in the closing provisions are plain text: Markdown characters print as written, once."""
    closing = {"executor": "Wójtowi Gminy *Gwiazdka*",
               "repeals": [{**REPEALED, "subject": "w sprawie _programu_ [1]"}],
               "entry_into_force": {"publication": "tablica-ogloszen", "notice_board": "Urzędu Gminy #1"}}
    printed = paragraphs(write(tmp_path, {"closing": closing}))
    assert printed[1] == "§ 2. Wykonanie uchwały powierza się Wójtowi Gminy *Gwiazdka*."
    assert printed[2].endswith("w sprawie _programu_ [1].")
    assert printed[3].endswith("na tablicy ogłoszeń Urzędu Gminy #1.")
