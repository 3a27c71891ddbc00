"""Provisions: what people type → the cited form (§ 54–57 ZTP, docs/domain.md § 2) and the list of fixes applied."""

from __future__ import annotations

import pytest

from paldocs.errors import LegalBasisError, Location
from paldocs.legal.provisions import Deviation, Provision, format_provision, parse_provision

D = Deviation

GOOD = [
    ("art. 18 ust. 2 pkt 15 lit. a", "art. 18 ust. 2 pkt 15 lit. a", []),
    ("§ 5 ust. 1", "§ 5 ust. 1", []),
    ("art. 5a ust. 1", "art. 5a ust. 1", []),
    ("art. 176 pkt 1", "art. 176 pkt 1", []),
    ("art. 4 ust. 1", "art. 4 ust. 1", []),
    ("art. 110 ust. 10", "art. 110 ust. 10", []),
    ("art. 61 § 1", "art. 61 § 1", []),
    ("art. 18 ust. 2 pkt 15a", "art. 18 ust. 2 pkt 15a", []),
    ("art. 18 ust. 2 pkt 15 lit. za", "art. 18 ust. 2 pkt 15 lit. za", []),
    ("art. 18 ust. 2 pkt 15 lit. a tiret pierwsze", "art. 18 ust. 2 pkt 15 lit. a tiret pierwsze", []),
    ("art. 18 ust. 2 pkt. 15", "art. 18 ust. 2 pkt 15", [D.PKT_DOT]),
    ("art. 110 ust.10", "art. 110 ust. 10", [D.MISSING_SPACE]),
    ("art.18", "art. 18", [D.MISSING_SPACE]),
    ("art 18", "art. 18", [D.MISSING_DOT]),
    ("Art. 18", "art. 18", [D.CAPITAL]),
    ("art.  18  ust. 2", "art. 18 ust. 2", [D.EXTRA_SPACE]),
    (" art. 18 ", "art. 18", [D.EXTRA_SPACE]),
    ("art.\u00a018 ust.\u00a02", "art. 18 ust. 2", [D.NBSP]),
    ("par. 5 ust. 1", "§ 5 ust. 1", [D.PAR_ALIAS]),
    ("§5", "§ 5", [D.MISSING_SPACE]),
    ("art. 18 ust. 2 pkt 15 lit. a)", "art. 18 ust. 2 pkt 15 lit. a", [D.LETTER_PAREN]),
    ("art. 18ust. 2", "art. 18 ust. 2", [D.MISSING_SPACE]),
    ("art. 18 tiret. drugie", "art. 18 tiret drugie", [D.PKT_DOT]),
    ("Art 18 Ust.2 Pkt.15", "art. 18 ust. 2 pkt 15", [D.CAPITAL, D.MISSING_DOT, D.MISSING_SPACE, D.PKT_DOT]),
    ("art. 5A", "art. 5a", [D.CAPITAL]),
]


@pytest.mark.parametrize("written, expected, deviations", GOOD, ids=[row[0] for row in GOOD])
def test_provisions_are_normalised_and_the_fixes_reported(written: str, expected: str,
                                                          deviations: list[Deviation]) -> None:
    provision, found = parse_provision(written)
    assert provision.format() == expected == str(provision) == format_provision(written)
    assert found == deviations


BAD = [
    ("", "przepis jest pusty"),
    ("   ", "przepis jest pusty"),
    ("art. ust. 2", "po „art.” brakuje numeru artykułu"),
    ("pkt 15", "brak artykułu lub paragrafu — „pkt” nie mówi, którego artykułu dotyczy"),
    ("lit. a", "brak artykułu lub paragrafu"),
    ("art. 18 lit.", "po „lit.” brakuje oznaczenia litery"),
    ("art. 18 lit. ą", "po „lit.” brakuje oznaczenia litery"),
    ("art. 18 tiret", "po „tiret” brakuje numeru tiret"),
    ("artykuł osiemnasty", "przepis zaczyna się od „art.” albo „§”"),
    ("art. 18 pkt 2 ust. 1", "„ust.” po „pkt” — kolejność to: art., §, ust., pkt, lit., tiret"),
    ("art. 18 ust. 2 ust. 3", "„ust.” występuje dwa razy"),
    ("art. 18 § 2 art. 5", "„art.” występuje dwa razy"),
    # "… pkt 15 i 16" is now read as two punkty (several units in one entry); a dangling connector is still wrong
    ("art. 18 ust. 2 pkt 15 i", "niezrozumiały fragment „i”"),
    ("art. 18 ust. 2 pkt 15 i x", "po „pkt” brakuje numeru punktu"),
    ("art. 5 ust. 1 i 2 pkt 3", "„pkt” po wyliczeniu numerów „ust.” — wyliczenie zamyka przepis"),
    ("ust. 1 i art. 5", "brak artykułu lub paragrafu"),
    ("art. 0", "numeracja zaczyna się od 1"),
]


@pytest.mark.parametrize("written, reason", BAD, ids=[row[0] or "(empty)" for row in BAD])
def test_malformed_provisions_say_what_is_wrong(written: str, reason: str) -> None:
    location = Location("dane.yaml", 13, 30, "resolution.legal_basis[0]")
    with pytest.raises(LegalBasisError) as caught:
        parse_provision(written, location)
    assert caught.value.message.startswith(f"nie rozpoznano przepisu „{written}”: ")
    assert reason in caught.value.message
    assert caught.value.location == location
    assert caught.value.hint and "art. 18 ust. 2 pkt 15" in caught.value.hint


def test_enough_cases() -> None:
    assert len(GOOD) + len(BAD) >= 25


def test_a_provision_needs_an_article_or_a_paragraph() -> None:
    with pytest.raises(ValueError):
        Provision(ust="2")
    assert Provision(par="5", ust="1").format() == "§ 5 ust. 1"
    assert Provision(art="7", tiret=12).format() == "art. 7 tiret 12"


# Several units in one legal-basis entry, as resolutions write them (the connector is printed as written).
SEVERAL = [
    ("art. 5a ust. 1 i 4", "art. 5a ust. 1 i 4", ["art. 5a ust. 1 i 4"]),
    ("art. 5a ust. 1, 2 i 4", "art. 5a ust. 1, 2 i 4", ["art. 5a ust. 1, 2 i 4"]),
    ("art. 18 ust. 2 pkt 15 i 16", "art. 18 ust. 2 pkt 15 i 16", ["art. 18 ust. 2 pkt 15 i 16"]),
    ("art. 18 ust. 2 pkt 15 i art. 40 ust. 1", "art. 18 ust. 2 pkt 15 i art. 40 ust. 1",
     ["art. 18 ust. 2 pkt 15", "art. 40 ust. 1"]),
    ("art. 12 pkt 11, art. 18 ust. 2 pkt 15 oraz art. 40 ust. 1", "art. 12 pkt 11, art. 18 ust. 2 pkt 15 oraz art. 40 ust. 1",
     ["art. 12 pkt 11", "art. 18 ust. 2 pkt 15", "art. 40 ust. 1"]),
    ("art. 7 ust. 1 pkt 6 i ust. 2", "art. 7 ust. 1 pkt 6 i ust. 2", ["art. 7 ust. 1 pkt 6", "art. 7 ust. 2"]),
    ("art. 40 ust. 1 i ust. 2 pkt 4", "art. 40 ust. 1 i ust. 2 pkt 4", ["art. 40 ust. 1", "art. 40 ust. 2 pkt 4"]),
    ("art. 18 ust. 2 pkt 9 lit. a i b", "art. 18 ust. 2 pkt 9 lit. a i b", ["art. 18 ust. 2 pkt 9 lit. a i b"]),
    ("art. 7 tiret pierwsze i drugie", "art. 7 tiret pierwsze i drugie", ["art. 7 tiret pierwsze i drugie"]),
    ("art. 18 ust. 2 pkt. 15 I art. 40", "art. 18 ust. 2 pkt 15 i art. 40", ["art. 18 ust. 2 pkt 15", "art. 40"]),
]


@pytest.mark.parametrize("written, expected, units", SEVERAL, ids=[row[0] for row in SEVERAL])
def test_several_units_in_one_entry(written: str, expected: str, units: list[str]) -> None:
    provision, _ = parse_provision(written)
    assert provision.format() == expected
    assert [unit.format() for unit in provision.units] == units
