"""Citations by date with what the catalog proves: ``seen_on``, the position order of a journal year, titles by
date, the catalog's currency (``Catalog.current_to``) and typed addresses that leave out known amendments.

Every catalog here is a small test catalog built in the test (fictional acts and rows — DANE TESTOWE, not legal
facts), never the shipped ``acts.yaml``, whose rows another part of the project keeps changing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
import yaml
from check_harness import run_rule
from conftest import TESTS

from paldocs.api import to_document
from paldocs.legal import Catalog, cite
from paldocs.legal.catalog import Act
from paldocs.legal.citation import CURRENCY_NOTE, Announced, announced_by, currency_note, row_announced
from paldocs.writers.text import to_text

D = dt.date.fromisoformat
UNDATED_NEWER = "bez daty ogłoszenia"


def act(**fields: Any) -> dict[str, Any]:
    """A fictional act dated 2010-01-10 with the given rows."""
    return {"title": "ustawa z dnia 10 stycznia 2010 r. o próbie", "title_genitive": "ustawy z dnia 10 stycznia 2010 r. "
            "o próbie", "short": "u.o.p.", "date": "2010-01-10", **fields}


def row(year: int, position: int, **fields: Any) -> dict[str, Any]:
    issue = {"issue": 1} if year < 2012 else {}
    return {"year": year, **issue, "positions": [position], "source": "dane testowe", "verified": False, **fields}


def catalog(acts: dict[str, dict[str, Any]], version: str = "2026-01-01") -> Catalog:
    """A catalog of exactly these acts (no package rows: nothing else proves any day)."""
    return Catalog(version, MappingProxyType({key: Act.model_validate(raw) for key, raw in acts.items()}), ("test",))


# Act "proba": texts 2010/5 (original, announced), 2019/300 (announced) and 2024/600 (undated); the other act
# "inna" holds the rows of 2024 that prove days: 2024/500 announced 10 April, 2024/700 announced 1 May.
ORDER = catalog({
    "proba": act(original=row(2010, 5, announced="2010-02-01", verified=True, status="zweryfikowany"),
                 consolidated=[row(2019, 300, announced="2019-03-01", verified=True, status="zweryfikowany"),
                               row(2024, 600)]),
    "inna": act(title="ustawa z dnia 10 stycznia 2010 r. o innej próbie",
                title_genitive="ustawy z dnia 10 stycznia 2010 r. o innej próbie",
                original=row(2010, 9, announced="2010-02-05"),
                consolidated=[row(2024, 500, announced="2024-04-10"), row(2024, 700, announced="2024-05-01")]),
})


@pytest.mark.parametrize(("on", "expected", "unsure"), [
    ("2010-01-31", None, None),  # before the original was announced: no text at all (error below)
    ("2010-02-01", "Dz. U. Nr 1, poz. 5", False),
    ("2019-02-28", "Dz. U. Nr 1, poz. 5", False),
    ("2019-03-01", "Dz. U. z 2019 r. poz. 300", False),
    ("2023-12-31", "Dz. U. z 2019 r. poz. 300", False),
    # 2024/600 has no date; 2024/500 (a lower position) was announced on 10 April, after 5 April: so was 600
    ("2024-04-05", "Dz. U. z 2019 r. poz. 300", False),
    # on 20 April nothing proves either way: the older text is cited and a note names the undated one
    ("2024-04-20", "Dz. U. z 2019 r. poz. 300", True),
    # 2024/700 (a higher position) was announced on 1 May: 600 was announced by then — the undated newer text wins
    # (before this inference it lost to the older text all year)
    ("2024-05-01", "Dz. U. z 2024 r. poz. 600", False),
    ("2024-12-31", "Dz. U. z 2024 r. poz. 600", False),
    ("2025-01-01", "Dz. U. z 2024 r. poz. 600", False),
])
def test_the_newest_text_on_each_date_wins(on: str, expected: str | None, unsure: bool | None) -> None:
    if expected is None:
        with pytest.raises(Exception, match="katalog nie zna żadnego tekstu"):
            cite("proba", None, D(on), catalog=ORDER)
        return
    citation = cite("proba", None, D(on), catalog=ORDER, currency=False)
    assert citation.address_text == expected
    assert any(UNDATED_NEWER in note for note in citation.notes) is unsure


def test_without_the_other_act_an_undated_text_of_the_year_stays_unknown() -> None:
    alone = catalog({"proba": dict(ORDER.acts["proba"].model_dump(mode="json"))})
    citation = cite("proba", None, D("2024-12-31"), catalog=alone, currency=False)
    assert citation.address_text == "Dz. U. z 2019 r. poz. 300"  # the older text, as before this evidence existed
    assert any("katalog zna tekst Dz. U. z 2024 r. poz. 600 bez daty ogłoszenia" in note for note in citation.notes)


@pytest.mark.parametrize(("on", "state"), [
    ("2024-03-09", Announced.UNKNOWN),  # the day before the document that cited it: the catalog cannot tell
    ("2024-03-10", Announced.YES),  # the document of 10 March 2024 cited it: announced by then
    ("2025-01-01", Announced.YES),
    ("2023-12-31", Announced.NO),  # a 2024 position is not announced in 2023
])
def test_seen_on_counts_as_announced_by_that_day(on: str, state: Announced) -> None:
    seen = catalog({"proba": act(original=row(2010, 5, announced="2010-02-01"),
                                 consolidated=[row(2024, 40, seen_on="2024-03-10", status="z praktyki")])})
    text = seen.acts["proba"].consolidated[0]
    assert row_announced(text, D(on), seen.acts["proba"], seen) is state


def test_the_same_position_seen_in_another_act_proves_it() -> None:
    """An amending act announced once amends two statutes: seen in a document for one, it was announced for both."""
    shared = catalog({
        "proba": act(original=row(2010, 5, announced="2010-02-01"), amendments=[row(2024, 77)]),
        "inna": act(title="ustawa z dnia 10 stycznia 2010 r. o innej próbie",
                    title_genitive="ustawy z dnia 10 stycznia 2010 r. o innej próbie",
                    original=row(2010, 9, announced="2010-02-05"),
                    amendments=[row(2024, 77, seen_on="2024-04-02", status="z praktyki")]),
    })
    citation = cite("proba", None, D("2024-04-02"), catalog=shared, currency=False)
    assert citation.address_text.endswith("z 2024 r. poz. 77")
    assert not any("bez daty ogłoszenia" in note for note in citation.notes)
    assert cite("proba", None, D("2024-04-01"), catalog=shared, currency=False).address_text == "Dz. U. Nr 1, poz. 5"


@pytest.mark.parametrize(("announced", "positions", "on", "state"), [
    (None, (600,), "2024-05-02", Announced.YES),
    (None, (450,), "2024-04-10", Announced.YES),  # 500 ≥ 450 announced 10 April
    (None, (450,), "2024-04-09", Announced.UNKNOWN),  # nothing above is announced by then, nothing below after
    (None, (800,), "2024-05-15", Announced.UNKNOWN),  # nothing above 800 proves it; nothing below is after
    (None, (800,), "2024-04-30", Announced.NO),  # 700 < 800 announced 1 May, after 30 April
    (None, (600,), "2023-06-01", Announced.NO),  # a later year
    (D("2024-07-01"), (600,), "2024-06-30", Announced.NO),  # its own date wins over any inference
])
def test_announced_by_infers_from_the_position_order(announced: dt.date | None, positions: tuple[int, ...], on: str,
                                                      state: Announced) -> None:
    assert announced_by(2024, announced, D(on), ORDER.acts["proba"], positions=positions,
                        evidence=ORDER.evidence) is state


# --- titles by date -------------------------------------------------------------------------------------------

RENAMED = catalog({"przemoc": {
    "title": "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej",
    "title_genitive": "ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej",
    "short": "u.p.p.d.", "date": "2005-07-29",
    "original": row(2005, 1493, announced="2005-09-20"),
    "former_titles": [{"until": "2023-06-21", "title": "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w "
                       "rodzinie", "title_genitive": "ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w "
                       "rodzinie", "source": "dane testowe"}]}})


@pytest.mark.parametrize(("on", "genitive"), [
    ("2023-06-21", "ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w rodzinie"),
    ("2023-06-22", "ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej"),
    (None, "ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej"),
])
def test_a_citation_names_the_act_by_its_title_on_the_day(on: str | None, genitive: str) -> None:
    citation = cite("przemoc", "art. 6 ust. 2", D(on) if on else None, catalog=RENAMED, currency=False)
    assert citation.format().startswith(f"art. 6 ust. 2 {genitive} (")
    assert citation.title_genitive == genitive


# --- currency ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("rows", "checked", "expected"), [
    ([], None, None),
    ([row(2024, 10)], None, None),  # unverified and undated: proves nothing
    ([row(2024, 10, announced="2024-02-01")], None, None),  # dated but unverified (status niezweryfikowany)
    ([row(2024, 10, announced="2024-02-01", verified=True)], None, "2024-02-01"),
    ([row(2024, 10, seen_on="2024-05-05", status="z praktyki")], None, "2024-05-05"),
    ([row(2024, 10, announced="2024-02-01", verified=True), row(2025, 3, seen_on="2025-03-03", status="z praktyki")],
     None, "2025-03-03"),
    ([row(2024, 10, announced="2024-02-01", verified=True)], "2024-12-31", "2024-12-31"),  # amendments checked
])
def test_current_to_is_the_newest_day_the_catalog_proves(rows: list[dict[str, Any]], checked: str | None,
                                                         expected: str | None) -> None:
    fields: dict[str, Any] = {"original": row(2010, 5), "amendments": rows}
    if checked:
        fields["amendments_checked"] = checked
    built = catalog({"proba": act(**fields)}, version="2026-11-25")
    assert built.current_to == (D(expected) if expected else None)
    assert ("nie wiadomo, do kiedy jest aktualny" in built.currency_text()) is (expected is None)


def test_currency_note_only_after_the_proven_day() -> None:
    built = catalog({"proba": act(original=row(2010, 5, announced="2010-02-01", verified=True))})
    assert currency_note(built, D("2010-02-01")) is None
    assert currency_note(built, None) is None  # a draft has its own note
    note = currency_note(built, D("2010-02-02"))
    assert note is not None and note.startswith(CURRENCY_NOTE)
    assert "1 lutego 2010 r." in note and "2 lutego 2010 r." in note
    assert CURRENCY_NOTE in " ".join(cite("proba", None, D("2010-03-01"), catalog=built).notes)
    assert not any(CURRENCY_NOTE in note for note in cite("proba", None, D("2010-03-01"), catalog=built,
                                                          currency=False).notes)


# --- a build: one currency note per document; PD013 and PD014 on a user catalog -------------------------------------

USER_CATALOG = """\
# DANE TESTOWE (fikcyjna ustawa), nie fakty prawne.
acts:
  ustawa-testowa:
    title: ustawa z dnia 10 stycznia 2010 r. o próbie
    title_genitive: ustawy z dnia 10 stycznia 2010 r. o próbie
    short: u.o.p.
    date: 2010-01-10
    original: {year: 2010, issue: 1, positions: [5], announced: 2010-02-01, source: dane testowe, verified: true}
    consolidated:
      - {year: 2019, positions: [300], announced: 2019-03-01, source: dane testowe, verified: true}
    amendments:
      - {year: 2019, positions: [400], announced: 2019-04-01, source: dane testowe, verified: true}
      - {year: 2019, positions: [500], announced: 2019-05-01, source: dane testowe, verified: true}
"""
BASE = yaml.safe_load((TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8"))


def data_file(tmp_path: Path, date: str, *entries: dict[str, Any]) -> Path:
    acts = tmp_path / "akty.yaml"
    acts.write_text(USER_CATALOG, encoding="utf-8")
    data = {**BASE, "municipality": {**BASE["municipality"], "acts": str(acts)},
            "resolution": {**BASE["resolution"], "date": date, "number": f"XII/85/{date[:4]}",
                           "legal_basis": list(entries)}}
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_build_after_the_catalogs_currency_prints_one_note_per_document(tmp_path: Path) -> None:
    path = data_file(tmp_path, "2099-06-01",
                     {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                     {"act": "samorzad-gminny", "provision": "art. 40 ust. 1"},
                     {"act": "pomoc-spoleczna", "provision": "art. 110 ust. 10"})
    document, notes = to_document(path)
    currency = [note for note in notes if CURRENCY_NOTE in note]
    assert len(currency) == 1, currency
    assert "resolution.date" in currency[0]
    for node_notes in (node.notes for node in _citations(document)):
        assert not any(CURRENCY_NOTE in note for note in node_notes)
    # the second provision of the u.s.g. repeats none of the first one's notes
    second = [note for note in notes if "resolution.legal_basis[1]" in note]
    assert second == []


def test_a_typed_address_leaving_out_known_amendments_is_a_warning_with_the_full_address(tmp_path: Path) -> None:
    entry = {"act": "ustawa-testowa", "provision": "art. 1", "address": "Dz. U. z 2019 r. poz. 300 i 400"}
    findings = run_rule(tmp_path, "PD013", {"municipality": {"acts": [str(_user_catalog(tmp_path))]},
                                            "resolution": {"legal_basis": [entry], "date": dt.date(2019, 6, 1),
                                                           "number": "XII/85/2019"}})
    assert [(f.severity, f.fix) for f in findings] == [("warning", "Dz. U. z 2019 r. poz. 300, 400 i 500")]
    assert "nie wymienia zmiany Dz. U. z 2019 r. poz. 500" in findings[0].message
    assert "§ 158 ust. 1 pkt 4 ZTP" in findings[0].message


@pytest.mark.parametrize(("address", "fix"), [
    ("Dz. U. z 2019 r. poz. 300 z późn. zm.", None),  # the form of the time before 1 March 2016
    ("Dz. U. z 2019 r. poz. 300", "Dz. U. z 2019 r. poz. 300 z późn. zm."),
    ("Dz. U. z 2019 r. poz. 300 i 400", "Dz. U. z 2019 r. poz. 300, 400 i 500"),
])
def test_before_march_2016_z_pozn_zm_stands_for_the_amendments(tmp_path: Path, address: str, fix: str | None) -> None:
    """The same fictional catalog moved to 2015: a resolution of 1 June 2015 may write "z późn. zm." instead of the
    list (the practice before § 158 ust. 1 pkt 4 ZTP as amended from 1 March 2016)."""
    catalog_file = tmp_path / "akty-2015.yaml"
    catalog_file.write_text(USER_CATALOG.replace("2019", "2015"), encoding="utf-8")
    entry = {"act": "ustawa-testowa", "provision": "art. 1", "address": address.replace("2019", "2015")}
    findings = run_rule(tmp_path, "PD013", {"municipality": {"acts": [str(catalog_file)]},
                                            "resolution": {"legal_basis": [entry], "date": dt.date(2015, 6, 1),
                                                           "number": "XII/85/2015"}})
    expected = [] if fix is None else [fix.replace("2019", "2015")]
    assert [f.fix for f in findings] == expected


@pytest.mark.parametrize(("date", "address", "fix"), [
    (dt.date(2014, 4, 29), "Dz. U. z 2013 r. poz. 594 z późn. zm.", None),  # the form of the time
    (dt.date(2014, 4, 29), "Dz. U. z 2013r. poz.594 ze zm.", "Dz. U. z 2013 r. poz. 594 z późn. zm."),
    (dt.date(2016, 3, 1), "Dz. U. z 2015 r. poz. 1515 z późn. zm.", "Dz. U. z 2015 r. poz. 1515"),
])
def test_pd016_accepts_z_pozn_zm_before_march_2016(tmp_path: Path, date: dt.date, address: str,
                                                    fix: str | None) -> None:
    entry = {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15", "address": address}
    findings = run_rule(tmp_path, "PD016", {"resolution": {"legal_basis": [entry], "date": date,
                                                           "number": f"XII/85/{date.year}"}})
    assert [f.fix for f in findings] == ([] if fix is None else [fix])


def test_pd014_groups_an_acts_doubts_and_notes_currency_once(tmp_path: Path) -> None:
    findings = run_rule(tmp_path, "PD014", {"resolution": {
        "date": dt.date(2099, 6, 1), "number": "XII/85/2099",
        "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                        {"act": "samorzad-gminny", "provision": "art. 40 ust. 1"}]}})
    by_path = [f.location.path for f in findings]
    assert by_path.count("resolution.legal_basis[0]") == 1
    assert "resolution.legal_basis[1]" not in by_path
    assert by_path.count("resolution.date") == 1
    assert {f.severity for f in findings} == {"info"}
    grouped = next(f for f in findings if f.location.path == "resolution.legal_basis[0]")
    assert grouped.message.startswith("u.s.g. (art. 18 ust. 2 pkt 15, art. 40 ust. 1): ")


def _user_catalog(tmp_path: Path) -> Path:
    path = tmp_path / "akty.yaml"
    path.write_text(USER_CATALOG, encoding="utf-8")
    return path


def _citations(document: Any) -> list[Any]:
    from paldocs.document import Citation, walk
    return [node for part in document.parts for node in walk(part) if isinstance(node, Citation)]


def test_text_build_of_a_renamed_act_uses_the_former_title(tmp_path: Path) -> None:
    acts = tmp_path / "przemoc.yaml"
    acts.write_text(yaml.safe_dump({"acts": {"przemoc-test": RENAMED.acts["przemoc"].model_dump(mode="json")}},
                                   allow_unicode=True), encoding="utf-8")
    data = {**BASE, "municipality": {**BASE["municipality"], "acts": str(acts)},
            "resolution": {**BASE["resolution"], "date": "2020-03-01", "number": "XII/85/2020",
                           "legal_basis": [{"act": "przemoc-test", "provision": "art. 6 ust. 2"}]}}
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    document, _ = to_document(path)
    assert "art. 6 ust. 2 ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w rodzinie (" in \
        to_text(document).replace("\u00a0", " ")
    assert _citations(document)[0].title == "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w rodzinie"
