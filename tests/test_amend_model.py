"""Unit addresses and the change list of an amending resolution (paldocs.amendments.address, paldocs.model.amendment).

The citation form follows the abbreviations of § 55–57 ZTP and the locative chain of an amending point („w § 1
w ust. 2 w pkt 6 kropkę zastępuje się średnikiem”, Dz. U. z 2026 r. poz. 100, § 1 pkt 1 — the amendment of
ZTP itself); docs/amendments.md names the sources."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from paldocs.amendments.address import UnitAddress, locative, parse_address
from paldocs.model.amendment import Amendment, Change
from paldocs.model.resolution import Resolution

CITATIONS = [
    ("§ 2", (("paragraf", "2"),)),
    ("§ 4a", (("paragraf", "4a"),)),
    ("§ 2 ust. 1 pkt 3", (("paragraf", "2"), ("ustep", "1"), ("punkt", "3"))),
    ("§ 2 pkt 3", (("paragraf", "2"), ("punkt", "3"))),  # § 55 ust. 3 ZTP: a paragraf may split straight into punkty
    ("§ 2 ust. 1 pkt 3 lit. a tiret drugie",
     (("paragraf", "2"), ("ustep", "1"), ("punkt", "3"), ("litera", "a"), ("tiret", "2"))),
    ("§ 3 ust. 2 pkt 1 lit. ba", (("paragraf", "3"), ("ustep", "2"), ("punkt", "1"), ("litera", "ba"))),
    ("załącznik", (("zalacznik", ""),)),
    ("załącznik rozdział II pkt 3", (("zalacznik", ""), ("rozdzial", "II"), ("punkt", "3"))),
    ("załącznik nr 2 rozdział 3", (("zalacznik", "2"), ("rozdzial", "3"))),
    ("załącznik rozdział 4 tabela wiersz 5", (("zalacznik", ""), ("rozdzial", "4"), ("wiersz", "5"))),
    ("załącznik rozdział 3 pkt 2 lit. 1",  # a programme's sub-items may be numbered "1)"
     (("zalacznik", ""), ("rozdzial", "3"), ("punkt", "2"), ("litera", "1"))),
    ("załącznik rozdział 2 podrozdział 1 pkt 2 lit. a",
     (("zalacznik", ""), ("rozdzial", "2"), ("podrozdzial", "1"), ("punkt", "2"), ("litera", "a"))),
]


@pytest.mark.parametrize(("text", "steps"), CITATIONS)
def test_citation_round_trip(text: str, steps: tuple) -> None:
    address = parse_address(text)
    assert address.steps == steps
    assert str(address) == text
    assert str(UnitAddress(steps)) == text


@pytest.mark.parametrize(("typed", "canonical"), [
    ("Załącznik Nr 2 Rozdział II", "załącznik nr 2 rozdział II"),
    ("§4a ust.2", "§ 4a ust. 2"),
    ("§ 2 ust. 1 pkt 3 lit. a tiret 2", "§ 2 ust. 1 pkt 3 lit. a tiret drugie"),
    ("§ 2 pkt 3 tiret dwudzieste pierwsze", "§ 2 pkt 3 tiret dwudzieste pierwsze"),
    ("§ 2 pkt 3 tiret 21", "§ 2 pkt 3 tiret dwudzieste pierwsze"),
    ("zalacznik rozdzial 3 wiersz 2", "załącznik rozdział 3 tabela wiersz 2"),
])
def test_typed_variants_read(typed: str, canonical: str) -> None:
    assert str(parse_address(typed)) == canonical


@pytest.mark.parametrize(("text", "expected"), [
    ("§ 2 ust. 1", "w § 2 w ust. 1"),
    ("§ 1 ust. 2 pkt 6", "w § 1 w ust. 2 w pkt 6"),  # Dz. U. z 2026 r. poz. 100, § 1 pkt 1
    ("§ 2 ust. 1 pkt 3 lit. a tiret drugie", "w § 2 w ust. 1 w pkt 3 w lit. a w tirecie drugim"),
    ("załącznik rozdział II", "w załączniku do uchwały w rozdziale II"),
    ("załącznik nr 2 rozdział 3", "w załączniku nr 2 do uchwały w rozdziale 3"),
    ("załącznik rozdział 4 wiersz 5", "w załączniku do uchwały w rozdziale 4 w tabeli w wierszu 5"),
])
def test_locative(text: str, expected: str) -> None:
    assert locative(parse_address(text)) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("", "pusty"),
    ("§ x!", "w miejscu numeru paragrafu stoi „x!”"),
    ("ust. 2", "„ust.” nie może stać na początku adresu"),
    ("§ 2 lit. a", "„lit.” nie może stać w jednostce „§”"),
    ("§ 2 art. 3", "nie rozumiem „art. 3”"),
    ("§ 2 pkt 1 lit. a tiret setne", "tiret wskazuje się liczebnikiem"),
    ("rozdział II", "„rozdział” nie może stać na początku adresu"),
])
def test_bad_addresses_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_address(text)


def test_parent_and_last() -> None:
    address = parse_address("§ 2 ust. 1 pkt 3")
    assert address.last() == ("punkt", "3")
    assert str(address.parent()) == "§ 2 ust. 1"
    assert parse_address("§ 2").parent() is None
    assert address.child("litera", "a") == parse_address("§ 2 ust. 1 pkt 3 lit. a")


AMENDED = {"number": "LXIV/400/14", "date": "2014-04-29",
           "subject": "w sprawie przyjęcia Programu Aktywności Lokalnej"}


def amendment(*changes: dict) -> Amendment:
    return Amendment.model_validate({"resolution": AMENDED, "changes": list(changes)})


def test_a_change_list_reads() -> None:
    result = amendment({"op": "wording", "unit": "§ 2", "text": "Nowe brzmienie."},
                       {"op": "insert", "unit": "§ 4a", "after": "§ 4", "text": "Dodany paragraf."},
                       {"op": "repeal", "unit": "§ 5"},
                       {"op": "words", "unit": "§ 2 ust. 1", "old_words": "do 31 marca", "new_words": "do 30 kwietnia"},
                       {"op": "annex", "unit": "załącznik"})
    assert [change.op for change in result.changes] == ["wording", "insert", "repeal", "words", "annex"]
    assert result.resolution.date == dt.date(2014, 4, 29)
    assert result.changes[1].after_address == parse_address("§ 4")
    assert result.title_form == "zmieniajaca"
    assert result.annex_form is None


@pytest.mark.parametrize(("change", "message"), [
    ({"op": "wording", "unit": "§ 2"}, "wymaga pola „text”"),
    ({"op": "insert", "unit": "§ 4a"}, "wymaga pola „text”"),
    ({"op": "repeal", "unit": "§ 5", "text": "x"}, "„text” należy tylko"),
    ({"op": "words", "unit": "§ 2", "old_words": "a"}, "wymaga pól „old_words” i „new_words”"),
    ({"op": "wording", "unit": "§ 2", "text": "x", "new_words": "b"}, "należą tylko do „words”"),
    ({"op": "repeal", "unit": "§ 5", "after": "§ 4"}, "„after” należy tylko do „insert”"),
    ({"op": "annex", "unit": "§ 2"}, "zmienia cały załącznik"),
    ({"op": "wording", "unit": "załącznik", "text": "x"}, "to zmiana „annex”"),
    ({"op": "insert", "unit": "§ 4a", "after": "§ 4 ust. 1", "text": "x"}, "tego samego rodzaju"),
    ({"op": "repeal", "unit": "§ 1-2"}, "w miejscu numeru paragrafu"),
    ({"op": "move", "unit": "§ 2"}, "op"),
])
def test_a_change_needs_the_fields_of_its_operation(change: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        amendment(change)


def test_one_unit_one_point() -> None:  # § 85 ZTP: each changed unit is one point of the list
    with pytest.raises(ValidationError, match="zmieniana dwa razy"):
        amendment({"op": "repeal", "unit": "§ 5"}, {"op": "wording", "unit": "§ 5", "text": "x"})


def test_no_changes_is_refused() -> None:
    with pytest.raises(ValidationError, match="changes"):
        Amendment.model_validate({"resolution": AMENDED, "changes": []})


def test_amended_title_is_w_sprawie() -> None:
    with pytest.raises(ValidationError, match="w sprawie"):
        Amendment.model_validate({"resolution": {**AMENDED, "subject": "Program"}, "changes": [
            {"op": "repeal", "unit": "§ 5"}]})


def test_resolution_carries_amends() -> None:
    resolution = Resolution.model_validate({"kind": "zmiana", "amends": {"resolution": AMENDED, "changes": [
        {"op": "repeal", "unit": "§ 5"}]}})
    assert resolution.amends is not None and resolution.amends.changes[0].address == parse_address("§ 5")
    assert Resolution.model_validate({"kind": "pal"}).amends is None


def test_the_amending_kind_needs_amends() -> None:
    with pytest.raises(ValidationError, match="wymaga pola „amends”"):
        Resolution.model_validate({"kind": "zmiana"})


def test_change_is_frozen() -> None:
    change = Change(op="repeal", unit="§ 5")
    with pytest.raises(ValidationError):
        change.unit = "§ 6"  # type: ignore[misc]
