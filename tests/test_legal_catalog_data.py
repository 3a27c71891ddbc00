"""The shipped acts catalog as data: every row has a status and a source a user can follow, practice rows are
dated, and the addresses real councils printed on a given day come out of the catalog for that day.

What "known by a day" means here is the documented meaning of the row fields (docs/domain.md § 3), computed
from the data alone: a row is known to have been announced by ``on`` when its ``announced`` or ``seen_on``
date is not later than ``on``, or when its journal year is earlier than ``on``'s year. The citation code
(paldocs/legal/citation.py) decides more (undated rows of ``on``'s own year, the form of the citation); these
tests only pin the data, so they hold whatever form a citation takes.

The docs/domain.md § 3 catalog tables are rendered from the catalog by :func:`render_tables`; a test keeps the
two equal (regenerate with ``python tests/test_legal_catalog_data.py > /tmp/tables.md`` and paste).
"""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest
from conftest import REPO

from paldocs.legal import cite, load_catalog
from paldocs.legal.catalog import Act, Catalog, JournalRow
from paldocs.legal.journal import JournalRef, format_journal, isap_url
from paldocs.polish.dates import format_date

DOMAIN = REPO / "docs" / "domain.md"
BEGIN = "<!-- catalog tables: generated from paldocs/legal/acts.yaml by tests/test_legal_catalog_data.py -->"
END = "<!-- end of catalog tables -->"
# A named document: what a "z praktyki" row was read in (a resolution, an order, a notice, a judgment, an act).
DOCUMENT = re.compile(r"Uchwał|uchwał|Zarządzeni|[Oo]bwieszczeni|wyrok|rozporządzeni|ustaw[ay] z dnia|[Ss]prawozdani"
                      r"|ogłoszeni|strona MOPS")
URL = re.compile(r"https?://\S+|tests/data/seeds/\S+")
NEW_ACTS = {
    "przeciwdzialanie-przemocy": "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej",
    "wychowanie-w-trzezwosci": "ustawa z dnia 26 października 1982 r. o wychowaniu w trzeźwości i przeciwdziałaniu "
                               "alkoholizmowi",
    "przeciwdzialanie-narkomanii": "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu narkomanii",
    "zdrowie-publiczne": "ustawa z dnia 11 września 2015 r. o zdrowiu publicznym",
    "ochrona-zwierzat": "ustawa z dnia 21 sierpnia 1997 r. o ochronie zwierząt",
    "ztp": "rozporządzenie Prezesa Rady Ministrów z dnia 20 czerwca 2002 r. w sprawie „Zasad techniki prawodawczej”",
}


def all_rows(catalog: Catalog) -> list[tuple[str, str, JournalRow]]:
    """(act key, kind, row) for every address row of the shipped catalog."""
    rows = []
    for key, act in catalog.acts.items():
        if act.original is not None:
            rows.append((key, "original", act.original))
        rows += [(key, "consolidated", row) for row in act.consolidated]
        rows += [(key, "amendment", row) for row in act.amendments]
    return rows


def isap_ids(row: JournalRow) -> list[str]:
    return [f"WDU{row.year}{row.issue or 0:03d}{position:04d}" for position in row.positions]


def known_by(row: JournalRow, on: dt.date) -> bool:
    """The row's address was announced by ``on``, as far as the row's own fields prove it."""
    return ((row.announced is not None and row.announced <= on) or (row.seen_on is not None and row.seen_on <= on)
            or row.year < on.year)


def address_known_by(act: Act, on: dt.date) -> str:
    """The address the catalog's data proves for ``on``: the newest text known by then, plus every amendment
    after it known by then (§ 121 ust. 3 and § 158 ZTP), in the ZTP form."""
    texts = [row for row in act.texts if known_by(row, on)]
    text = max(texts, key=lambda row: row.order)
    amendments = [row for row in act.sorted_amendments if row.order > text.order and known_by(row, on)]
    return format_journal([text.ref, *(row.ref for row in amendments)], act.date.year)


# --- every row: status, source, dates --------------------------------------------------------------------------

ROWS = all_rows(load_catalog())


@pytest.mark.parametrize(("key", "kind", "row"), ROWS, ids=[f"{key} {kind} {row.ref.format()}" for key, kind, row in ROWS])
def test_every_row_has_a_status_and_a_source_a_user_can_follow(key: str, kind: str, row: JournalRow) -> None:
    assert row.status is not None, "every shipped row states its status"
    for isap in isap_ids(row):  # the ISAP page of the address itself (docs/sources.md) …
        assert isap in row.source
    if row.status == "zweryfikowany":  # … and where it was confirmed
        assert row.verified and re.search(r"wykazie tekstów jednolitych|serwisie ELI|eli\.gov\.pl", row.source)
    elif row.status == "z praktyki":  # … or the named, dated document it was read in, with its address
        assert row.source.startswith("z praktyki: ") and DOCUMENT.search(row.source) and URL.search(row.source)
        assert row.seen_on is not None, "a practice row records the date of the document it was seen in"
    else:
        assert "niezweryfikowan" in row.source and "sprawdź w ISAP" in row.source


@pytest.mark.parametrize(("key", "kind", "row"), [r for r in ROWS if r[2].seen_on or r[2].announced],
                         ids=[f"{key} {kind} {row.ref.format()}" for key, kind, row in ROWS if row.seen_on or row.announced])
def test_dates_are_consistent(key: str, kind: str, row: JournalRow) -> None:
    act = load_catalog().act(key)
    if row.seen_on is not None:
        assert row.seen_on.year >= row.year and row.seen_on >= act.date
        # the day of the document is written in its source (as a Polish date or as an ISO date)
        assert format_date(row.seen_on) in row.source or row.seen_on.isoformat() in row.source or (
            f"{row.seen_on.day} {format_date(row.seen_on).split(' ', 1)[1]}" in row.source), row.source
        if row.announced is not None:
            assert row.announced <= row.seen_on
    if row.announced is not None:
        assert row.announced.year == row.year


def test_status_agrees_with_the_verified_flag_and_counts_are_reported() -> None:
    counts: dict[str, int] = {}
    for _key, _kind, row in ROWS:
        counts[row.status or ""] = counts.get(row.status or "", 0) + 1
        assert (row.status == "zweryfikowany") is row.verified
    assert set(counts) <= {"zweryfikowany", "z praktyki", "niezweryfikowany"}
    assert counts["z praktyki"] > counts["niezweryfikowany"]  # most rows now rest on a named document


def test_version_is_not_older_than_the_evidence_it_holds() -> None:
    catalog = load_catalog()
    newest = max(day for _key, _kind, row in ROWS for day in (row.announced, row.seen_on) if day is not None)
    assert catalog.version_date >= newest


def test_the_new_acts_are_in_the_catalog() -> None:
    catalog = load_catalog()
    for key, title in NEW_ACTS.items():
        act = catalog.act(key)
        assert act.title == title and act.texts
    ztp = catalog.act("ztp")
    assert [row.ref.format() for row in ztp.consolidated][-1] == "Dz. U. z 2026 r. poz. 300"
    uoan = [row.ref.format() for row in catalog.act("ogloszanie-aktow").consolidated]
    for address in ("Dz. U. z 2007 r. Nr 68, poz. 449", "Dz. U. z 2011 r. Nr 197, poz. 1172", "Dz. U. z 2016 r. poz. 296",
                    "Dz. U. z 2017 r. poz. 1523"):
        assert address in uoan


@pytest.mark.parametrize(("on", "title"), [
    ("2023-06-21", "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w rodzinie"),
    ("2023-06-22", "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej"),
    ("2014-05-21", "ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy w rodzinie"),
])
def test_the_renamed_act_is_cited_by_the_title_of_the_day(on: str, title: str) -> None:
    # art. 1 pkt 1 of Dz. U. z 2023 r. poz. 535 renamed the act from 22 June 2023 (its source is in the catalog)
    act = load_catalog().act("przeciwdzialanie-przemocy")
    assert act.titles_on(dt.date.fromisoformat(on))[0] == title
    assert "poz. 535" in act.former_titles[0].source


# --- real councils' addresses, by the day ------------------------------------------------------------------------

# (document, day, act, the address as the document printed it, in the § 158 ZTP form). Each is complete: it names
# the text and every amendment announced after it by that day, as far as the catalog (and the documents in its
# sources) know. Where a council wrote "z późn. zm.", an outdated text or left out an amendment of an earlier year
# (Rada Gminy Osie, 1 March 2023: "Dz. U. z 2022 r. poz. 572", without poz. 2375), it is not an expected value.
COUNCILS = [
    ("Koronowo XLVI/417/14", "2014-01-29", "samorzad-gminny", "Dz. U. z 2013 r. poz. 594, 645 i 1318"),
    ("Koronowo XLVI/417/14", "2014-01-29", "pomoc-spoleczna", "Dz. U. z 2013 r. poz. 182, 509 i 1650"),
    ("Włocławek XXVIII/269/14", "2014-02-18", "samorzad-gminny", "Dz. U. z 2013 r. poz. 594, 645 i 1318"),
    ("Opole VIII/118/15", "2015-03-26", "samorzad-gminny",
     "Dz. U. z 2013 r. poz. 594, 645 i 1318 oraz z 2014 r. poz. 379 i 1072"),
    ("Gryfino VIII/70/15", "2015-05-28", "samorzad-gminny",
     "Dz. U. z 2013 r. poz. 594, 645 i 1318 oraz z 2014 r. poz. 379 i 1072"),
    ("Opole XXIV/449/16", "2016-03-24", "samorzad-gminny", "Dz. U. z 2015 r. poz. 1515 i 1890"),
    ("Piątnica 124/XXII/2016", "2016-11-30", "samorzad-gminny", "Dz. U. z 2016 r. poz. 446 i 1579"),
    ("Piątnica 124/XXII/2016", "2016-11-30", "pozytek-publiczny", "Dz. U. z 2016 r. poz. 239 i 395"),
    ("Wąpielsk XLVI/251/17", "2017-11-29", "samorzad-gminny", "Dz. U. z 2017 r. poz. 1875"),
    ("Wąpielsk XLVI/251/17", "2017-11-29", "pomoc-spoleczna", "Dz. U. z 2017 r. poz. 1769 i 1985"),
    ("Osie XXVII/203/18", "2018-03-06", "samorzad-gminny", "Dz. U. z 2017 r. poz. 1875 i 2232 oraz z 2018 r. poz. 130"),
    ("Opole LXVII/1274/18", "2018-08-30", "samorzad-gminny", "Dz. U. z 2018 r. poz. 994, 1000, 1349 i 1432"),
    ("Sicienko IV/44/19", "2019-03-01", "samorzad-gminny", "Dz. U. z 2018 r. poz. 994, 1000, 1349, 1432 i 2500"),
    ("Sicienko IV/44/19", "2019-03-01", "ogloszanie-aktow", "Dz. U. z 2017 r. poz. 1523 oraz z 2018 r. poz. 2243"),
    ("Pabianice VII/63/2019", "2019-03-25", "pomoc-spoleczna",
     "Dz. U. z 2018 r. poz. 1508, 1693, 2192, 2245, 2354 i 2529 oraz z 2019 r. poz. 271"),
    ("Unisław XII/103/19", "2019-10-29", "pomoc-spoleczna", "Dz. U. z 2019 r. poz. 1507"),
    ("Lubień Kujawski XXXI/263/2021", "2021-12-20", "finanse-publiczne", "Dz. U. z 2021 r. poz. 305, 1535 i 1773"),
    ("Rypin XLV/296/23", "2023-01-31", "samorzad-gminny", "Dz. U. z 2023 r. poz. 40"),
    ("Rypin XLV/296/23", "2023-01-31", "pomoc-spoleczna",
     "Dz. U. z 2021 r. poz. 2268 i 2270 oraz z 2022 r. poz. 1, 66, 1079, 1692, 1700, 1812, 1967, 2140 i 2754"),
    ("Łubianka XLV/451/2023", "2023-03-27", "ochrona-zwierzat", "Dz. U. z 2022 r. poz. 572 i 2375"),
    ("Rogowo LIII/338/2023", "2023-05-18", "samorzad-gminny", "Dz. U. z 2023 r. poz. 40 i 572"),
    ("Rogowo LIII/338/2023", "2023-05-18", "pomoc-spoleczna", "Dz. U. z 2023 r. poz. 901"),
    ("Rada Ministrów Nr 149", "2023-08-23", "finanse-publiczne", "Dz. U. z 2023 r. poz. 1270, 1273, 1407, 1429 i 1641"),
    ("Kcynia LXVIII/504/2023", "2023-11-30", "samorzad-gminny", "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688"),
    ("obwieszczenie Marszałka Sejmu", "2009-10-02", "ogloszanie-aktow",
     "Dz. U. z 2007 r. Nr 68, poz. 449 oraz z 2009 r. Nr 31, poz. 206 i Nr 157, poz. 1241"),
    ("Głubczyce, zarządzenie Nr 1014/13", "2013-01-02", "ogloszanie-aktow",
     "Dz. U. z 2011 r. Nr 197, poz. 1172 i Nr 232, poz. 1378"),
    ("Głubczyce, zarządzenie Nr 1014/13", "2013-01-02", "ztp", "Dz. U. Nr 100, poz. 908"),
    ("Mosina VI/57/03", "2003-02-27", "wychowanie-w-trzezwosci", "Dz. U. z 2002 r. Nr 147, poz. 1231 i Nr 167, poz. 1372"),
    ("Starogard Gdański III/13/2014", "2014-12-18", "przeciwdzialanie-narkomanii", "Dz. U. z 2012 r. poz. 124"),
    ("Szemud III/23/2018", "2018-12-20", "przeciwdzialanie-przemocy", "Dz. U. z 2015 r. poz. 1390"),
]


@pytest.mark.parametrize(("document", "on", "key", "expected"), COUNCILS,
                         ids=[f"{document} {key}" for document, _on, key, _expected in COUNCILS])
def test_on_the_day_of_a_real_document_the_catalog_gives_its_address(document: str, on: str, key: str,
                                                                     expected: str) -> None:
    assert address_known_by(load_catalog().act(key), dt.date.fromisoformat(on)) == expected


def test_ketrzyn_cites_both_statutes_with_their_amendments() -> None:
    # Uchwała Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia 29 kwietnia 2014 r. wrote "Dz. U. z 2013r. poz.594
    # ze zm." and "Dz. U. z 2013r. poz.182 ze zm."; the catalog knows which amendments those were by that day.
    on = dt.date(2014, 4, 29)
    for key, expected in (("samorzad-gminny", "Dz. U. z 2013 r. poz. 594, 645 i 1318"),
                          ("pomoc-spoleczna", "Dz. U. z 2013 r. poz. 182, 509 i 1650")):
        citation = cite(key, "art. 18 ust. 2 pkt 15" if key == "samorzad-gminny" else "art. 110 ust. 10", on)
        assert citation.text is not None
        assert format_journal([citation.text, *citation.amendments]) == expected
        assert address_known_by(load_catalog().act(key), on) == expected
    # an amendment of 2014 the catalog knows only from a document of 2015 is not claimed for 29 April 2014
    usg = load_catalog().act("samorzad-gminny")
    row = next(row for row in usg.amendments if row.ref == JournalRef(2014, None, (379,)))
    assert not known_by(row, on) and known_by(row, dt.date(2015, 3, 26))


# Every address a named document lists is in the catalog and known by that document's day (the lists are long;
# the expected address above is the complete one, these check that nothing the council named is missing).
LISTED = [
    ("Wysokie Mazowieckie 107/XII/11", "2011-11-14", "samorzad-gminny", [
        (2001, 142, 1591), (2002, 23, 220), (2002, 62, 558), (2002, 113, 984), (2002, 153, 1271), (2002, 214, 1806),
        (2003, 80, 717), (2003, 162, 1568), (2004, 102, 1055), (2004, 116, 1203), (2004, 167, 1759), (2005, 172, 1441),
        (2005, 175, 1457), (2006, 17, 128), (2006, 181, 1337), (2007, 48, 327), (2007, 138, 974), (2007, 173, 1218),
        (2008, 180, 1111), (2008, 223, 1458), (2009, 52, 420), (2009, 157, 1241), (2010, 28, 142), (2010, 28, 146),
        (2010, 106, 675), (2011, 21, 113), (2011, 117, 679), (2011, 134, 777), (2011, 217, 1281)]),
    ("Kcynia LXVIII/504/2023", "2023-11-30", "pomoc-spoleczna", [(2023, None, 901), (2023, None, 1693),
                                                                 (2023, None, 1938)]),
]


@pytest.mark.parametrize(("document", "on", "key", "addresses"), LISTED, ids=[item[0] for item in LISTED])
def test_every_address_a_document_lists_is_known_by_its_day(document: str, on: str, key: str,
                                                            addresses: list[tuple[int, int | None, int]]) -> None:
    act = load_catalog().act(key)
    rows = {(row.year, row.issue, position): row for row in [*act.texts, *act.amendments] for position in row.positions}
    day = dt.date.fromisoformat(on)
    for address in addresses:
        assert address in rows and known_by(rows[address], day), address


# --- docs/domain.md § 3 -------------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_tables(catalog: Catalog) -> str:
    """The docs/domain.md § 3 catalog tables: one per act, every row with its status and source."""
    parts = []
    for key, act in catalog.acts.items():
        parts.append(f"**{act.title}** ({act.short}, catalog key `{key}`)")
        for former in act.former_titles:
            parts.append(f"\nUntil {former.until.isoformat()}: *{former.title}* — {_cell(former.source)}")
        parts.append("\n| text | ISAP | announced | seen in a document on | status | source recorded in the catalog |")
        parts.append("|---|---|---|---|---|---|")
        rows = [("original", act.original)] if act.original else []
        rows += [("consolidated", row) for row in act.consolidated]
        rows += [("amendment", row) for row in act.sorted_amendments]
        for kind, row in rows:
            isap = ", ".join(f"[{identifier}]({isap_url(row.year, row.issue, position)})"
                             for identifier, position in zip(isap_ids(row), row.positions))
            parts.append(f"| {row.ref.format()} ({kind}) | {isap} | {row.announced or '—'} | {row.seen_on or '—'} "
                         f"| {row.row_status} | {_cell(row.source)} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def test_domain_tables_match_the_catalog() -> None:
    text = DOMAIN.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, "docs/domain.md § 3 has lost its generated catalog tables"
    written = text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"
    assert written == render_tables(load_catalog()), "regenerate the tables: python tests/test_legal_catalog_data.py"


if __name__ == "__main__":  # print the docs/domain.md § 3 tables
    sys.stdout.write(render_tables(load_catalog()))
