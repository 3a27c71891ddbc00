"""Forms of real resolutions paldocs accepts beyond the ZTP forms: a typed journal address it cannot read, a
repealed resolution named by number and date only, a repealed resolution of the council under its former name.

The addresses are those of real resolutions (resolutions/examples/: Frombork VI/76/15, Rogowo XIII/41/2016,
Szydłowo X/87/11, Wysokie Mazowieckie 107/XII/11, Ząbkowice Śląskie XIV/56/2011); the repeal clauses those of
Bobrowniki XI/60/2004 § 2, Lubień Kujawski II/8/2006 § 3 and Frombork VI/76/15 § 3.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from test_closing import BASE, EXECUTOR, REPEALED, check, legal_basis_text, paragraphs, write

from paldocs.api import to_document
from paldocs.cli import main
from paldocs.errors import PaldocsError
from paldocs.legal.clauses import recognise_clause
from paldocs.writers.text import to_text

UNREADABLE = [
    "tj. Dz. U. 2013 r., poz. 594, zm. poz. 645 i 1318 oraz z 2014 r. poz. 379 i 1072.",
    "Dz.U. z 2016r. poz. 446 j.t.",
    "Dz. U. Nr. 142 poz. 1591 z 2001 roku z późniejszymi zmianami",
    "Dz.U. z 2001 r. Nr 142, poz. 1591, z 2002 r. Nr 23, poz. 220, Nr 162. poz. 1568, z 2004 r. Nr 102, poz. l055",
]


def unreadable_entry(address: str) -> dict[str, str]:
    return {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15", "address": address}


@pytest.mark.parametrize("address", UNREADABLE)
def test_an_unreadable_typed_address_is_printed_as_typed_with_a_located_note(tmp_path: Path, address: str) -> None:
    path = write(tmp_path, {"legal_basis": [unreadable_entry(address)]})
    assert f"o samorządzie gminnym ({address})" in legal_basis_text(path)
    document, notes = to_document(path)
    located = [note for note in notes if "nie odczytano adresu publikacji" in note]
    assert len(located) == 1
    # file:line:column and the field path of the address itself; it says nothing was compared with the catalog
    line = next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if "address:" in text and address[:12] in text)
    assert located[0].startswith(f"{path}:{line}:")
    assert " resolution.legal_basis[0].address: " in located[0]
    assert f"„{address}”" in located[0] and "nie porównano z katalogiem aktów" in located[0]
    # no other catalog note is made up for an address paldocs could not read
    assert not [note for note in notes if "legal_basis[0]" in note and note not in located]
    assert "WDU" not in to_text(document) and document is not None


def test_check_reports_an_unreadable_address_once_as_a_pd016_warning(tmp_path: Path) -> None:
    path = write(tmp_path, {"legal_basis": [unreadable_entry(UNREADABLE[2])]})
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    findings = json.loads(result.stdout)["findings"]
    about = [finding for finding in findings if "nie odczytano adresu publikacji" in finding["message"]]
    assert [(finding["rule"], finding["severity"], finding["path"]) for finding in about] == [
        ("PD016", "warning", "resolution.legal_basis[0].address")]
    assert about[0]["line"] is not None and about[0]["fix"] is None


def test_a_text_that_names_no_journal_and_position_is_still_refused(tmp_path: Path) -> None:
    """"Dziennik 2024" is not an address a legal office wrote: a located error, not a print as typed."""
    with pytest.raises(PaldocsError) as caught:
        to_document(write(tmp_path, {"legal_basis": [unreadable_entry("Dziennik 2024")]}))
    assert "nie rozpoznano adresu publikacji „Dziennik 2024”" in caught.value.message
    assert caught.value.location.path == "resolution.legal_basis[0]"


def test_a_readable_typed_address_keeps_its_checks(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, {"legal_basis": [unreadable_entry("Dz. U. z 2023 r. poz. 40 ze zm.")]}))
    assert "PD016" in output and "„ze zm.”" in output and "nie odczytano" not in output
    assert "PD013" in output and code in (0, 1)


BY_NUMBER = {"number": "I/4/02", "date": "2002-11-19"}


@pytest.mark.parametrize(("repeals", "expected"), [
    ([BY_NUMBER], "Traci moc uchwała Nr I/4/02 Rady Gminy Ostróda z dnia 19 listopada 2002 r."),
    ([{**BY_NUMBER, "council": "Rady Miasta i Gminy Ostróda"}],
     "Traci moc uchwała Nr I/4/02 Rady Miasta i Gminy Ostróda z dnia 19 listopada 2002 r."),
    ([{**REPEALED, "council": "Rady Miejskiej Gminy Ostróda"}, BY_NUMBER],
     "Traci moc: 1) uchwała Nr XI/80/2023 Rady Miejskiej Gminy Ostróda z dnia 20 marca 2023 r. w sprawie przyjęcia "
     "Programu Aktywności Lokalnej Gminy Ostróda na lata 2023–2024; 2) uchwała Nr I/4/02 Rady Gminy Ostróda z dnia "
     "19 listopada 2002 r."),  # the date's dot closes the list
])
def test_a_repealed_resolution_without_a_title_or_of_a_former_council(tmp_path: Path, repeals: list[dict[str, str]],
                                                                       expected: str) -> None:
    printed = paragraphs(write(tmp_path, {"closing": {"repeals": repeals}}))
    assert [text.split(". ", 1)[1] for text in printed[1:]] == [EXECUTOR, expected,
                                                                "Uchwała wchodzi w życie z dniem podjęcia."]


def test_the_repeal_kind_names_a_resolution_without_a_title_and_its_former_council(tmp_path: Path) -> None:
    repeal = {"kind": "repeal", "subject": "w sprawie uchylenia uchwały",
              "repeals": {**BY_NUMBER, "council": "Rady Miasta i Gminy Ostróda"}}
    assert paragraphs(write(tmp_path, repeal, drop_program=True))[0] == (
        "§ 1. Uchyla się uchwałę Nr I/4/02 Rady Miasta i Gminy Ostróda z dnia 19 listopada 2002 r.")


@pytest.mark.parametrize(("text", "variant"), [
    ("Traci moc uchwała Nr I/4/02 Rady Gminy Bobrowniki z dnia 19 listopada 2002 roku.", "one-by-number"),
    ("Traci moc uchwała Nr IV/23/02 Rady Miasta i Gminy w Lubieniu Kujawskim z dnia 21 grudnia 2002r .",
     "one-by-number"),
    ("Traci moc uchwała Nr XIV/81/96 Rady Gminy Poświętne z dnia 27 sierpnia 1996 roku w sprawie przyjęcia Statutu "
     "Gminy Poświętne.", "one"),
])
def test_a_repeal_without_a_title_is_recognised(text: str, variant: str) -> None:
    match = recognise_clause(text)
    assert match is not None and (match.kind, match.variant) == ("repeal", variant)


def test_the_printed_repeal_without_a_title_is_the_exact_wording(tmp_path: Path) -> None:
    printed = paragraphs(write(tmp_path, {"closing": {"repeals": [BY_NUMBER]}}))[2].split(". ", 1)[1]
    match = recognise_clause(printed)
    assert match is not None and match.variant == "one-by-number"


def test_the_schema_describes_the_new_repeal_fields() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert "Rady Miejskiej Gminy Frombork" in result.stdout and "rada pod dawną nazwą" in result.stdout
    assert yaml.safe_load(yaml.safe_dump(BASE)) == BASE  # the base data stay untouched by the tests above
