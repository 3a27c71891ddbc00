"""Every resolution kind builds for a gmina wiejska (Ostróda) and a city with a prezydent (Rybnik), with the
organ names inflected right; Kętrzyn cites by its date, and the same program dated today cites the newest texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from paldocs.api import to_document
from paldocs.cli import main
from paldocs.errors import DataError
from paldocs.writers.text import to_text

PROFILES = REPO / "resolutions" / "profiles"
NB = "\u00a0"
PROGRAM = {"title": "Program Wspierania Rodziny na lata 2025–2027",
           "title_genitive": "Programu Wspierania Rodziny na lata 2025–2027",
           "period": {"from": 2025, "to": 2027},
           "sections": [{"heading": "Cele", "role": "goals", "items": [{"id": "cel-1", "text": "Wsparcie rodzin."}]}]}
BASIS = [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"}]
KINDS: dict[str, dict[str, Any]] = {
    "pal": {"program": PROGRAM},
    "gpwr": {"program": PROGRAM},
    "program-wspolpracy": {"program": PROGRAM},
    "program": {"program": PROGRAM, "legal_basis": BASIS},
    "repeal": {"legal_basis": BASIS, "repeals": {"number": "XII/85/2019", "date": "2019-03-28",
                                                  "subject": "w sprawie przyjęcia programu"}},
    "generic": {"legal_basis": BASIS, "subject": "w sprawie nadania nazwy ulicy",
                "provisions": ["Nadaje się ulicy nazwę „Lipowa”."]},
}
# profile → (title-block organ, executor clause dative, signature, act-of-local-law journal)
ORGANS = {
    "gmina-ostroda.yaml": ("RADY GMINY OSTRÓDA", "Wójtowi Gminy Ostróda", "Przewodniczący Rady Gminy Ostróda",
                           "Dzienniku Urzędowym Województwa Warmińsko-Mazurskiego"),
    "rybnik.yaml": ("RADY MIASTA RYBNIKA", "Prezydentowi Miasta Rybnika", "Przewodniczący Rady Miasta Rybnika",
                    "Dzienniku Urzędowym Województwa Śląskiego"),
}


def build_text(tmp_path: Path, profile: str, kind: str, drop: str | None = None, **extra: Any) -> tuple[str, list[str]]:
    fields = {key: value for key, value in KINDS[kind].items() if key != drop}
    program = fields.pop("program", None)
    data: dict[str, Any] = {"municipality": str(PROFILES / profile),
                            "resolution": {"kind": kind, "number": "XX/150/2025", "date": "2025-06-26",
                                           "signatory": {"name": "Jan Kowalski"}, **fields, **extra}}
    if program:
        data["program"] = program
    path = tmp_path / f"{kind}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    document, notes = to_document(path)
    return to_text(document).replace(NB, " "), notes


@pytest.mark.parametrize("profile", sorted(ORGANS))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_builds_with_inflected_organ_names(tmp_path: Path, profile: str, kind: str) -> None:
    text, notes = build_text(tmp_path, profile, kind)
    organ, dative, signature, _ = ORGANS[profile]
    assert f"\n{organ}\n" in text
    assert f"Wykonanie uchwały powierza się {dative}." in text
    assert "Uchwała wchodzi w życie z dniem podjęcia." in text
    assert f"{signature}\nJan Kowalski" in text
    assert any("opiera się na praktyce gmin" in note for note in notes)  # no kind is verified law yet: say so


@pytest.mark.parametrize("profile", sorted(ORGANS))
def test_act_of_local_law_enters_into_force_after_publication(tmp_path: Path, profile: str) -> None:
    text, _ = build_text(tmp_path, profile, "generic", act_of_local_law=True)
    journal = ORGANS[profile][3]
    assert f"Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w {journal}." in text
    assert "z dniem podjęcia" not in text


def test_kind_specific_texts(tmp_path: Path) -> None:
    gpwr, _ = build_text(tmp_path, "rybnik.yaml", "gpwr")
    assert ("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2024 r. "
            "poz. 1465) w związku z art. 176 pkt 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie "
            "pieczy zastępczej") in gpwr
    repeal, _ = build_text(tmp_path, "gmina-ostroda.yaml", "repeal")
    assert ("w sprawie uchylenia uchwały Nr XII/85/2019 Rady Gminy Ostróda z dnia 28 marca 2019 r. w sprawie przyjęcia "
            "programu") in repeal
    assert ("§ 1. Uchyla się uchwałę Nr XII/85/2019 Rady Gminy Ostróda z dnia 28 marca 2019 r. w sprawie przyjęcia "
            "programu.") in repeal
    assert "Załącznik" not in repeal  # nothing to annex
    generic, _ = build_text(tmp_path, "rybnik.yaml", "generic")
    assert "UCHWAŁA NR 150/XX/2025\nRADY MIASTA RYBNIKA" in generic  # Rybnik numbers running number first
    assert "§ 1. Nadaje się ulicy nazwę „Lipowa”.\n\n§ 2. Wykonanie uchwały" in generic


@pytest.mark.parametrize("kind, field", [("repeal", "repeals"), ("generic", "subject"), ("program", "legal_basis")])
def test_a_kind_names_the_data_it_cannot_do_without(tmp_path: Path, kind: str, field: str) -> None:
    with pytest.raises(DataError, match=f"wymaga pola „{field}”") as caught:
        build_text(tmp_path, "rybnik.yaml", kind, drop=field)
    assert caught.value.location.path is not None and caught.value.location.path.endswith(field)


def test_act_of_local_law_needs_the_voivodeship(tmp_path: Path) -> None:
    profile = yaml.safe_load((PROFILES / "rybnik.yaml").read_text(encoding="utf-8"))
    del profile["voivodeship"]
    (tmp_path / "profil.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    data = {"municipality": "profil.yaml", "resolution": {"kind": "generic", "act_of_local_law": True,
                                                          **KINDS["generic"]}}
    (tmp_path / "d.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match="podaj województwo gminy") as caught:
        to_document(tmp_path / "d.yaml")
    assert caught.value.location.path == "municipality.voivodeship"


def ketrzyn_on(tmp_path: Path, date: str) -> tuple[str, list[str]]:
    data = yaml.safe_load((REPO / "resolutions" / "ketrzyn-2014-pal.yaml").read_text(encoding="utf-8"))
    data["municipality"] = str(PROFILES / "ketrzyn.yaml")
    data["resolution"]["date"] = date
    data["resolution"]["number"] = f"LXIV/400/{date[2:4]}"  # the number ends with the year of adoption (PD002)
    for entry in data["resolution"]["legal_basis"]:
        entry.pop("address", None)  # the catalog chooses the texts by the date
    path = tmp_path / "ketrzyn.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    document, notes = to_document(path)
    return to_text(document).replace(NB, " "), notes


def test_ketrzyn_cites_the_texts_in_force_on_its_date(tmp_path: Path) -> None:
    text, notes = ketrzyn_on(tmp_path, "2014-04-29")
    # the form of the day: before 1 March 2016 "z późn. zm." for the amendments the catalog knows were announced by
    # 29 April 2014 (docs/domain.md § 3)
    assert "o samorządzie gminnym (Dz. U. z 2013 r. poz. 594 z późn. zm.) i art. 110 ust. 10" in text
    assert "o pomocy społecznej (Dz. U. z 2013 r. poz. 182 z późn. zm.)" in text
    assert any("poz. 182" in note and "z praktyki" in note for note in notes)


def test_the_same_program_dated_today_cites_the_newest_texts_and_says_they_are_unverified(tmp_path: Path) -> None:
    text, notes = ketrzyn_on(tmp_path, "2026-11-25")
    assert "o samorządzie gminnym (Dz. U. z 2025 r. poz. 1153)" in text
    assert "o pomocy społecznej (Dz. U. z 2025 r. poz. 1214)" in text
    usg = [note for note in notes if "legal_basis[0]" in note]
    assert any("poz. 1153" in note and "niezweryfikowany" in note for note in usg)
    assert any("nie zawiera zmian" in note for note in usg)  # amendments after the text: the catalog has none


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_new_writes_a_commented_draft_that_loads(tmp_path: Path, kind: str) -> None:
    draft = tmp_path / "projekt.yaml"
    result = CliRunner().invoke(main, ["new", kind, "--municipality", str(PROFILES / "gmina-ostroda.yaml"),
                                       "-o", str(draft)])
    assert result.exit_code == 0, result.output
    text = draft.read_text(encoding="utf-8")
    assert text.startswith(f"# Projekt uchwały — rodzaj „{kind}”")
    assert yaml.safe_load(text)["resolution"]["kind"] == kind
    check = CliRunner().invoke(main, ["check", str(draft)])
    if kind in ("pal", "gpwr", "program-wspolpracy"):  # default legal basis: the draft builds at once
        assert check.exit_code == 0, check.output
    else:  # the legal office must write the legal basis: the check names the field (an error finding)
        assert check.exit_code == 1 and "resolution.legal_basis[0]" in check.stdout


def test_new_refuses_to_overwrite_and_unknown_kinds(tmp_path: Path) -> None:
    draft = tmp_path / "projekt.yaml"
    draft.write_text("x", encoding="utf-8")
    profile = str(PROFILES / "gmina-ostroda.yaml")
    result = CliRunner().invoke(main, ["new", "pal", "-m", profile, "-o", str(draft)])
    assert result.exit_code == 2 and "plik już istnieje" in result.stderr
    result = CliRunner().invoke(main, ["new", "palx", "-m", profile, "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 2 and "nieznany rodzaj uchwały „palx”" in result.stderr


def test_kinds_lists_every_kind() -> None:
    result = CliRunner().invoke(main, ["kinds"])
    assert result.exit_code == 0
    for kind in KINDS:
        assert f"\n{kind} " in "\n" + result.stdout
