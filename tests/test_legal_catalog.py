"""The acts catalog: flags exactly as docs/domain.md § 3 records them, sources a user can follow (the row's ISAP
id), computed identifiers, user catalogs merged and validated with file:line and field path."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TESTS

from paldocs.errors import DataError, LegalBasisError
from paldocs.legal import load_catalog

ACTS = TESTS / "data" / "acts"
# The statuses, sources and dates of the shipped rows (and the docs/domain.md § 3 tables rendered from them)
# are tested with the data itself in tests/test_legal_catalog_data.py.


def test_required_acts_titles_and_computed_eli() -> None:
    catalog = load_catalog()
    assert dt.date.fromisoformat(catalog.version) == catalog.version_date
    expected = {
        "samorzad-gminny": ("ustawa z dnia 8 marca 1990 r. o samorządzie gminnym", "DU/1990/95"),
        "pomoc-spoleczna": ("ustawa z dnia 12 marca 2004 r. o pomocy społecznej", "DU/2004/593"),
        "pozytek-publiczny": ("ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie",
                              "DU/2003/873"),
        "wspieranie-rodziny": ("ustawa z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej",
                               "DU/2011/887"),
        "finanse-publiczne": ("ustawa z dnia 27 sierpnia 2009 r. o finansach publicznych", "DU/2009/1240"),
        "ogloszanie-aktow": (("ustawa z dnia 20 lipca 2000 r. o ogłaszaniu aktów normatywnych i niektórych innych aktów "
                             "prawnych"), "DU/2000/718"),
    }
    for key, (title, eli) in expected.items():
        act = catalog.act(key)
        assert (act.title, act.eli) == (title, eli)
        assert act.title_genitive == "ustawy" + title.removeprefix("ustawa")
        assert [row.order for row in act.texts] == sorted(row.order for row in act.texts)


def test_user_catalog_merges_and_wins() -> None:
    package = load_catalog()
    merged = load_catalog([ACTS / "legal-office.yaml"])
    usg = merged.act("samorzad-gminny")
    assert usg.short == "USG" and usg.title == package.act("samorzad-gminny").title  # given fields replace, others stay
    rows = {row.positions[0]: row for row in usg.consolidated}
    assert len(usg.consolidated) == len(package.act("samorzad-gminny").consolidated)  # merged by address, not added
    assert (rows[609].announced, rows[609].verified, rows[609].source) == (dt.date(2024, 5, 28), True,
                                                                           "biuro prawne (test)")
    package_rows = {row.positions[0]: row for row in package.act("samorzad-gminny").consolidated}
    assert rows[1465] == package_rows[1465] and not package_rows[609].verified  # rows the user does not give stay
    shipped = [row.positions for row in package.act("pomoc-spoleczna").amendments]
    assert [row.positions for row in merged.act("pomoc-spoleczna").amendments] == [*shipped, [1774]]  # a new row added
    assert merged.version == "2027-01-15" and package.version == load_catalog().version != merged.version
    assert merged.files == ("paldocs/legal/acts.yaml", str(ACTS / "legal-office.yaml"))
    assert load_catalog().act("samorzad-gminny").short == "u.s.g."  # the cached package catalog is untouched


def test_later_user_files_win_and_new_keys_are_added() -> None:
    merged = load_catalog([ACTS / "legal-office.yaml", ACTS / "amendments.yaml"])
    assert "ustawa-przykladowa" in merged.acts
    assert merged.act("samorzad-gminny").short == "USG"  # amendments.yaml does not touch it
    # 2002 Nr 23, poz. 220 and Nr 62, poz. 558 are merged with the shipped rows; 1572, 1907 and 2025/3 are added
    assert len(merged.act("samorzad-gminny").amendments) == len(load_catalog().act("samorzad-gminny").amendments) + 3
    assert merged.version == "2027-01-15"  # amendments.yaml sets no version


def test_user_files_are_read_again_when_they_change(tmp_path: Path) -> None:
    path = tmp_path / "akty.yaml"
    path.write_text("acts:\n  samorzad-gminny: {short: A}\n", encoding="utf-8")
    assert load_catalog([path]).act("samorzad-gminny").short == "A"
    path.write_text("acts:\n  samorzad-gminny: {short: B}\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))  # even with the same modification time
    assert load_catalog([path]).act("samorzad-gminny").short == "B"


def test_unknown_key_is_a_legal_basis_error() -> None:
    with pytest.raises(LegalBasisError, match="nieznana ustawa „usg”"):
        load_catalog().act("usg")


@dataclass(frozen=True)
class Bad:
    id: str
    text: str
    fragment: str
    line: int | None
    path: str | None
    hint: str | None = None


ROW = "{year: 2024, positions: [1572], source: biuro, verified: true}"
NEW_ACT = ("  nowa:\n    title: ustawa z dnia 1 lutego 2020 r. o czymś\n    title_genitive: ustawy z dnia 1 lutego 2020 r. o "
           "czymś\n    short: u.c.\n    date: 2020-02-01\n")
BAD = [
    Bad("unknown field in an act", "acts:\n  samorzad-gminny:\n    titel: x\n", "nieznane pole „titel”", 3,
        "acts.samorzad-gminny.titel", "czy chodziło o „title”?"),
    Bad("missing verified", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2024, positions: [1572], source: b}\n",
        "brak wymaganego pola „verified”", 4, "acts.samorzad-gminny.amendments[0].verified"),
    Bad("Nr after 2011", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2024, issue: 5, positions: [1], "
        "source: b, verified: false}\n", "od 2012 r. Dziennik Ustaw nie ma numerów", 4, "acts.samorzad-gminny.amendments[0]"),
    Bad("no Nr before 2012", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2002, positions: [220], "
        "source: b, verified: false}\n", "przed 2012 r. adres ma numer Dziennika Ustaw", 4,
        "acts.samorzad-gminny.amendments[0]"),
    Bad("announced in another year", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2024, positions: [1], "
        "announced: 2025-01-02, source: b, verified: false}\n", "nie należy do rocznika 2024", 4,
        "acts.samorzad-gminny.amendments[0]"),
    Bad("year not a number", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: dwa tysiące, positions: [1], "
        "source: b, verified: false}\n", "oczekiwano: liczba całkowita", 4, "acts.samorzad-gminny.amendments[0].year"),
    Bad("position zero", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2024, positions: [0], "
        "source: b, verified: false}\n", "musi wynosić co najmniej 1", 4, "acts.samorzad-gminny.amendments[0].positions[0]"),
    Bad("no positions", "acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2024, positions: [], "
        "source: b, verified: false}\n", "lista nie może być pusta", 4, "acts.samorzad-gminny.amendments[0].positions"),
    Bad("duplicate row", f"acts:\n  samorzad-gminny:\n    amendments:\n      - {ROW}\n      - {ROW}\n",
        "ten sam adres występuje dwa razy", 2, "acts.samorzad-gminny"),
    Bad("new act without a title", "acts:\n  nowa:\n    short: u.n.\n    date: 2020-02-01\n", "brak wymaganego pola „title”",
        2, "acts.nowa.title"),
    Bad("title without the act's date", "acts:\n" + NEW_ACT.replace("1 lutego 2020 r. o czymś\n    title_genitive",
                                                                      "2 lutego 2020 r. o czymś\n    title_genitive"),
        "„title” nie zawiera daty ustawy „z dnia 1 lutego 2020 r.”", 2, "acts.nowa"),
    Bad("address before the act", "acts:\n" + NEW_ACT + f"    original: {ROW.replace('2024', '2019')}\n",
        "jest wcześniejszy niż ustawa", 2, "acts.nowa"),
    Bad("patch changes the date only", "acts:\n  samorzad-gminny:\n    date: 1990-03-09\n",
        "nie zawiera daty ustawy", 2, "acts.samorzad-gminny"),
    Bad("bad key", "acts:\n  Nowa Ustawa: {}\n", "nieprawidłowy klucz ustawy „Nowa Ustawa”", 2, "acts.Nowa Ustawa"),
    Bad("unknown top-level field", "akty: {}\n", "nieznane pole „akty”", 1, "akty"),
    Bad("version not a date", "version: wczoraj\nacts: {}\n", "oczekiwano: data w postaci RRRR-MM-DD", 1, "version"),
    Bad("not a mapping", "- a\n", "katalog aktów musi być mapą pól", 1, None),
    Bad("an act is not a mapping", "acts:\n  samorzad-gminny: tak\n", "oczekiwano: mapa pól", 2, "acts.samorzad-gminny"),
    Bad("YAML syntax", "acts:\n  samorzad-gminny: {short: \"u\n", "niedomknięty cudzysłów", 2, None),
    Bad("tab indentation", "acts:\n\tsamorzad-gminny: {}\n", "znak tabulacji", 2, None),
]


@pytest.mark.parametrize("case", BAD, ids=[case.id for case in BAD])
def test_bad_user_catalog_is_reported_with_its_place(tmp_path: Path, case: Bad) -> None:
    path = tmp_path / "akty.yaml"
    path.write_text(case.text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    error = caught.value
    assert case.fragment in error.message
    assert error.location.file == str(path)
    assert error.location.line == case.line
    assert error.location.path == case.path
    if case.hint:
        assert error.hint and case.hint in error.hint


def test_missing_user_catalog(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="nie ma takiego pliku"):
        load_catalog([tmp_path / "brak.yaml"])
