"""The legal basis with commas, several provisions of one act, long address lists and "t.j." / "ze zm." variants."""

from __future__ import annotations

import pytest

from paldocs.importer.legal_basis import split_legal_basis

SG = "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"
PS = "ustawy z dnia 12 marca 2004 r. o pomocy społecznej"
WR = "ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej"


def _rows(text: str) -> list[tuple[str, str, str | None]]:
    return [(e["act"], e["provision"], e.get("address")) for e in split_legal_basis(text).entries]


def test_commas_between_entries_and_the_join_word_before_the_last() -> None:
    basis = split_legal_basis(f"Na podstawie art. 7 ust. 1 pkt 6, art. 18 ust. 2 pkt 15 {SG} (Dz. U. z 2024 r. "
                              f"poz. 1465), art. 176 pkt 1 {WR} (Dz. U. z 2025 r. poz. 49) oraz art. 110 ust. 10 "
                              f"{PS} (Dz. U. z 2024 r. poz. 1283)")
    assert [(e["act"], e["provision"]) for e in basis.entries] == [
        ("samorzad-gminny", "art. 7 ust. 1 pkt 6"), ("samorzad-gminny", "art. 18 ust. 2 pkt 15"),
        ("wspieranie-rodziny", "art. 176 pkt 1"), ("pomoc-spoleczna", "art. 110 ust. 10")]
    assert basis.join == "oraz"
    assert basis.entries[0]["address"] == basis.entries[1]["address"] == "Dz. U. z 2024 r. poz. 1465"


def test_three_entries_without_provisions_of_one_act() -> None:
    basis = split_legal_basis(f"art. 18 ust. 2 pkt 15 {SG}, art. 176 pkt 1 {WR} i art. 110 ust. 10 {PS}.")
    assert [e["act"] for e in basis.entries] == ["samorzad-gminny", "wspieranie-rodziny", "pomoc-spoleczna"]
    assert basis.join == "i"


@pytest.mark.parametrize("join", ["i", "oraz"])
def test_several_provisions_of_the_same_act(join: str) -> None:
    assert _rows(f"Na podstawie art. 7 ust. 1 pkt 6 {join} art. 18 ust. 2 pkt 15 {SG} (Dz. U. z 2023 r. poz. 40)") \
        == [("samorzad-gminny", "art. 7 ust. 1 pkt 6", "Dz. U. z 2023 r. poz. 40"),
            ("samorzad-gminny", "art. 18 ust. 2 pkt 15", "Dz. U. z 2023 r. poz. 40")]


@pytest.mark.parametrize("address", [
    "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688",
    "Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3",
    "Dz.U. z 2013r. poz.594 ze zm.",
    "Dz. U. z 2013 r. poz. 594 z późn. zm.",
])
def test_long_addresses_are_kept_as_written(address: str) -> None:
    assert _rows(f"art. 18 ust. 2 pkt 15 {SG} ({address}) i art. 110 ust. 10 {PS} ({address})") == [
        ("samorzad-gminny", "art. 18 ust. 2 pkt 15", address), ("pomoc-spoleczna", "art. 110 ust. 10", address)]


@pytest.mark.parametrize(("written", "dropped"), [
    ("tekst jednolity Dz. U. z 2013 r. poz. 594", "tekst jednolity"),
    ("tekst jednolity: Dz. U. z 2013 r. poz. 594", "tekst jednolity:"),
    ("t.j. Dz. U. z 2013 r. poz. 594", "t.j."),
    ("t. j. Dz. U. z 2013 r. poz. 594", "t. j."),
    ("t.j.: Dz. U. z 2013 r. poz. 594", "t.j.:"),
])
def test_consolidated_text_marks_are_dropped(written: str, dropped: str) -> None:
    basis = split_legal_basis(f"art. 18 ust. 2 pkt 15 {SG} ({written})")
    assert basis.entries[0]["address"] == "Dz. U. z 2013 r. poz. 594"
    assert basis.dropped == [dropped]


@pytest.mark.parametrize("suffix", ["ze zm.", "z późn. zm.", "ze zmianami"])
def test_amendment_marks_stay_in_the_address(suffix: str) -> None:
    basis = split_legal_basis(f"art. 18 ust. 2 pkt 15 {SG} (t.j. Dz. U. z 2013 r. poz. 594 {suffix})")
    assert basis.entries[0]["address"] == f"Dz. U. z 2013 r. poz. 594 {suffix}"
    assert basis.amended == [suffix]
