"""Dziennik Ustaw addresses: the written forms legal offices use → one structure → the § 158 ZTP form."""

from __future__ import annotations

import pytest

from paldocs.errors import LegalBasisError, Location
from paldocs.legal.journal import JournalRef, eli_id, format_journal, isap_url, parse_address

# (written, act year, ZTP form with that act year, t.j. mark, zm. mark, number of amendments)
WRITTEN = [
    ("Dz. U. z 2013 r. poz. 594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("Dz.U. z 2013r. poz.594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("Dz. U. Nr 64, poz. 593", 2004, "Dz. U. Nr 64, poz. 593", False, False, 0),
    ("Dz. U. z 2004 r. Nr 64, poz. 593", 2004, "Dz. U. Nr 64, poz. 593", False, False, 0),
    ("t.j. Dz. U. z 2013 r. poz. 594", None, "Dz. U. z 2013 r. poz. 594", True, False, 0),
    ("t. j. Dz. U. z 2013 r. poz. 594", None, "Dz. U. z 2013 r. poz. 594", True, False, 0),
    ("tj. Dz. U. z 2020 r. poz. 713 z późniejszymi zmianami", None, "Dz. U. z 2020 r. poz. 713", True, True, 0),
    ("tekst jednolity: Dz. U. z 2013 r. poz. 594", None, "Dz. U. z 2013 r. poz. 594", True, False, 0),
    ("Dz. U. z 2013 r. poz. 594 ze zm.", None, "Dz. U. z 2013 r. poz. 594", False, True, 0),
    ("Dz. U. z 2013 r. poz. 594 z późn. zm.", None, "Dz. U. z 2013 r. poz. 594", False, True, 0),
    ("Dz. U. z 2013 r., poz. 594, z późn. zm.", None, "Dz. U. z 2013 r. poz. 594", False, True, 0),
    ("(t.j. Dz. U. z 2013 r. poz. 594 ze zm.)", None, "Dz. U. z 2013 r. poz. 594", True, True, 0),
    ("Dz. U. z 2024 r. poz. 1465 i 1572", None, "Dz. U. z 2024 r. poz. 1465 i 1572", False, False, 1),
    ("Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688", None, "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688", False, False, 3),
    ("Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3", None,
     "Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3", False, False, 2),
    ("Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12, z 2025 r. poz. 3", None,
     "Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3", False, False, 2),
    ("Dz. U. z 2001 r. Nr 142, poz. 1591 oraz z 2002 r. Nr 23, poz. 220 i Nr 62, poz. 558", None,
     "Dz. U. z 2001 r. Nr 142, poz. 1591 oraz z 2002 r. Nr 23, poz. 220 i Nr 62, poz. 558", False, False, 2),
    ("Dz. U. z 2001 r. Nr 142 poz. 1591", None, "Dz. U. z 2001 r. Nr 142, poz. 1591", False, False, 0),
    ("Dz.U.2013.594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("Dz.U.2024.609 t.j.", None, "Dz. U. z 2024 r. poz. 609", True, False, 0),
    ("Dz.U.2001.142.1591", None, "Dz. U. z 2001 r. Nr 142, poz. 1591", False, False, 0),
    ("Dz. U. 2013 poz. 594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("Dz.U. 2013 r. poz. 594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("Dz.\u00a0U. z\u00a02013\u00a0r. poz.\u00a0594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("dz. u. z 2013 r. poz. 594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
    ("Dz. U. z 2013 roku pozycja 594", None, "Dz. U. z 2013 r. poz. 594", False, False, 0),
]


@pytest.mark.parametrize("written, act_year, expected, consolidated, amended, amendments", WRITTEN,
                         ids=[row[0] for row in WRITTEN])
def test_written_forms_are_read(written: str, act_year: int | None, expected: str, consolidated: bool, amended: bool,
                                amendments: int) -> None:
    parsed = parse_address(written, act_year)
    assert format_journal(parsed.refs, act_year) == expected
    assert (parsed.consolidated_mark, parsed.amended_mark) == (consolidated, amended)
    assert len(parsed.amendments) == amendments
    assert parsed.base.positions == parsed.refs[0].positions[:1]


def test_enough_written_forms() -> None:
    assert len(WRITTEN) >= 15


BAD = [
    ("Dziennik 2024", "adres zaczyna się od „Dz. U.”"),
    ("M.P. z 2013 r. poz. 594", "adres zaczyna się od „Dz. U.”"),
    ("Dz. U. z 2013 r.", "brakuje „poz.” z numerem pozycji"),
    ("Dz. U. z 2013 r. poz.", "po „poz.” brakuje numeru pozycji"),
    ("Dz. U. poz. 594", "brakuje roku"),
    ("Dz. U. z 2013 r. Nr 5, poz. 594", "od 2012 r. Dziennik Ustaw nie ma numerów (Nr)"),
    ("Dz. U. z 2013 r. poz. 594 i 594", "ta sama pozycja podana dwa razy"),
    ("Dz. U. z 1850 r. poz. 1", "spoza zakresu"),
    ("Dz. U. z 2013 r. poz. 594 art. 5", "niezrozumiały fragment „art. 5”"),
    ("Dz. U. z 2013 r. 594", "liczba 594 bez „poz.”"),
    ("", "adres zaczyna się od „Dz. U.”"),
]


@pytest.mark.parametrize("written, reason", BAD, ids=[row[0] or "(empty)" for row in BAD])
def test_malformed_addresses_say_what_is_wrong(written: str, reason: str) -> None:
    location = Location("dane.yaml", 14, 7, "resolution.legal_basis[1].address")
    with pytest.raises(LegalBasisError) as caught:
        parse_address(written, location=location)
    assert caught.value.message.startswith(f"nie rozpoznano adresu publikacji „{written}”: ")
    assert reason in caught.value.message
    assert caught.value.location == location
    assert caught.value.hint and "Dz. U. z 2013 r. poz. 594" in caught.value.hint


FORMATTED = [
    ([JournalRef(2013, None, (594,))], None, "Dz. U. z 2013 r. poz. 594"),
    ([JournalRef(2004, 64, (593,))], 2004, "Dz. U. Nr 64, poz. 593"),
    ([JournalRef(2024, None, (1572,)), JournalRef(2024, None, (1465,))], 1990, "Dz. U. z 2024 r. poz. 1465 i 1572"),
    ([JournalRef(2023, None, (40, 572, 1463))], None, "Dz. U. z 2023 r. poz. 40, 572 i 1463"),
    ([JournalRef(2023, None, (40,)), JournalRef(2024, None, (12,))], None, "Dz. U. z 2023 r. poz. 40 oraz z 2024 r. poz. 12"),
    ([JournalRef(2004, 64, (593,)), JournalRef(2005, 1, (1,))], 2004, "Dz. U. Nr 64, poz. 593 oraz z 2005 r. Nr 1, poz. 1"),
    ([JournalRef(2002, 23, (220, 221)), JournalRef(2002, 62, (558,)), JournalRef(2002, 113, (984,))], None,
     "Dz. U. z 2002 r. Nr 23, poz. 220 i 221, Nr 62, poz. 558 i Nr 113, poz. 984"),
    ([JournalRef(2024, None, (1465,)), JournalRef(2024, None, (1465,))], None, "Dz. U. z 2024 r. poz. 1465"),
]


@pytest.mark.parametrize("refs, act_year, expected", FORMATTED, ids=[row[2] for row in FORMATTED])
def test_ztp_form(refs: list[JournalRef], act_year: int | None, expected: str) -> None:
    assert format_journal(refs, act_year) == expected


def test_identifiers() -> None:
    assert eli_id(2024, 1465) == "DU/2024/1465"
    assert isap_url(2024, None, 1465) == "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20240001465"
    assert isap_url(1990, 16, 95) == "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19900160095"
