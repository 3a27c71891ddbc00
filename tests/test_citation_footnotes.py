"""The period-correct form of a citation: from 1 March 2016 the amendments are listed (§ 158 ust. 1 pkt 4 ZTP as
amended by Dz. U. z 2015 r. poz. 1812); before that day "z późn. zm." — and, when the municipality profile asks
(``citation_footnotes: true``), a footnote mark after it and the footnote listing the amendments under the
signature, merged with the footnotes typed in the data.

Real forms these tests reproduce (docs/domain.md § 3):
- the mark after "z późn. zm." inside the parenthesis: Uchwała Nr XIII/130/2011 Rady Miejskiej w Kruszwicy z dnia
  24 listopada 2011 r. ("(Dz. U. z 2001r. Nr 142, poz. 1591 z późn. zm.1)", BIP:
  https://www.bip.kruszwica.gmina.pl/?app=uchwaly&nid=6266&y=2011&which=Rady+Miejskiej) and Uchwała Nr XXIV/322/2012
  of the same council of 6 December 2012 (https://www.bip.kruszwica.gmina.pl/?app=uchwaly&nid=7257&y=2012&which=Rady+Miejskiej);
- the footnote's words, as the journal's own footnotes word them before 2016: "Zmiany tekstu jednolitego wymienionej
  ustawy zostały ogłoszone w …" (a consolidated text) and "Zmiany wymienionej ustawy zostały ogłoszone w …" (an
  original text) — e.g. Dz. U. z 2012 r. poz. 692 (https://prawo.pl/akty/dz-u-2012-692,17891264.html).

The catalogs are test data (tests/data/acts/citation-footnotes.yaml, marked so), not legal facts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS

from paldocs.api import to_document
from paldocs.legal import cite, load_catalog
from paldocs.legal.citation import AMENDMENT_LIST_FROM, footnote_text
from paldocs.legal.journal import JournalRef
from paldocs.legal_basis import superscript_mark
from paldocs.writers.text import to_text

ACTS = TESTS / "data" / "acts"
FOOTNOTES = ACTS / "citation-footnotes.yaml"
GOLDEN = TESTS / "golden" / "citation-footnotes.txt"
BASE = yaml.safe_load((TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8"))
USG_FOOTNOTE = "Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. z 2013 r. poz. 645 i 1318."


@pytest.mark.parametrize(("on", "address", "footnote"), [
    # before 1 March 2016: "z późn. zm." and, asked for, the footnote
    (dt.date(2014, 4, 29), "Dz. U. z 2013 r. poz. 594 z późn. zm.", USG_FOOTNOTE),
    # 2015 poz. 1890: seen in a resolution of 24 March 2016, announced (position order) before 29 February 2016
    (dt.date(2016, 2, 29), "Dz. U. z 2015 r. poz. 1515 z późn. zm.",
     "Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. z 2015 r. poz. 1890."),
    # from 1 March 2016 the list, never a footnote
    (dt.date(2016, 3, 1), "Dz. U. z 2015 r. poz. 1515 i 1890", None),
    # 2013 poz. 645 (seen 25 September 2013) is announced by then; 1318 (undated, 2013) is not known to be
    (dt.date(2013, 9, 25), "Dz. U. z 2013 r. poz. 594 z późn. zm.",
     "Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. z 2013 r. poz. 645."),
])
def test_the_form_in_force_on_the_day(on: dt.date, address: str, footnote: str | None) -> None:
    citation = cite("samorzad-gminny", "art. 18 ust. 2 pkt 15", on, catalog=load_catalog([FOOTNOTES]), footnote=True,
                    currency=False)
    assert citation.address_text == address
    assert citation.footnote == footnote


def test_after_march_2016_the_amendments_are_listed() -> None:
    citation = cite("samorzad-gminny", None, dt.date(2024, 10, 20), catalog=load_catalog([ACTS / "amendments.yaml"]),
                    footnote=True, currency=False)
    assert citation.address_text == "Dz. U. z 2024 r. poz. 1465 i 1572"
    assert citation.footnote is None
    assert AMENDMENT_LIST_FROM == dt.date(2016, 3, 1)


def test_no_footnote_unless_asked_and_only_in_the_ztp_style() -> None:
    catalog = load_catalog([FOOTNOTES])
    on = dt.date(2014, 4, 29)
    assert cite("samorzad-gminny", None, on, catalog=catalog).footnote is None
    practice = cite("samorzad-gminny", None, on, catalog=catalog, style="tj-ze-zm", footnote=True)
    assert (practice.address_text, practice.footnote) == ("t.j. Dz. U. z 2013 r. poz. 594 ze zm.", None)
    typed = cite("samorzad-gminny", None, on, address="Dz. U. z 2013 r. poz. 594", catalog=catalog, footnote=True)
    assert (typed.address_text, typed.footnote) == ("Dz. U. z 2013 r. poz. 594", None)  # a typed address stays


@pytest.mark.parametrize(("refs", "consolidated", "expected"), [
    ([JournalRef(2013, None, (645,)), JournalRef(2013, None, (1318,))], True, USG_FOOTNOTE),
    ([JournalRef(2002, 23, (220,)), JournalRef(2002, 62, (558,))], False,
     "Zmiany wymienionej ustawy zostały ogłoszone w Dz. U. z 2002 r. Nr 23, poz. 220 i Nr 62, poz. 558."),
])
def test_footnote_words(refs: list[JournalRef], consolidated: bool, expected: str) -> None:
    assert footnote_text(refs, consolidated=consolidated) == expected


@pytest.mark.parametrize(("number", "mark"), [(1, "¹)"), (2, "²)"), (10, "10)")])
def test_superscript_marks(number: int, mark: str) -> None:
    assert superscript_mark(number) == mark


def build(tmp_path: Path, footnotes: bool, typed: list[str] | None = None) -> tuple[str, list[str]]:
    municipality = {**BASE["municipality"], "acts": str(FOOTNOTES), "citation_footnotes": footnotes}
    resolution: dict[str, Any] = {**BASE["resolution"], "date": "2014-04-29", "number": "XII/85/2014",
                                  "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                                                  {"act": "pomoc-spoleczna", "provision": "art. 110 ust. 10"}]}
    if typed:
        resolution["footnotes"] = typed
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump({**BASE, "municipality": municipality, "resolution": resolution},
                                   allow_unicode=True), encoding="utf-8")
    document, notes = to_document(path)
    text = to_text(document).replace("\u00a0", " ")
    return text, notes


def test_the_profile_asks_for_footnotes_golden(tmp_path: Path) -> None:
    text, _ = build(tmp_path, True, ["3) Przypis wpisany w danych."])
    resolution = text.split("Załącznik")[0].rstrip() + "\n"
    assert resolution == GOLDEN.read_text(encoding="utf-8")


def test_without_the_profile_option_no_marks_and_no_footnotes(tmp_path: Path) -> None:
    text, _ = build(tmp_path, False)
    assert "(Dz. U. z 2013 r. poz. 594 z późn. zm.) oraz" in text
    assert "¹)" not in text and "Zmiany tekstu jednolitego" not in text


def test_a_typed_footnote_numbered_like_a_generated_one_is_noted(tmp_path: Path) -> None:
    text, notes = build(tmp_path, True, ["1) Przypis wpisany w danych."])
    assert "¹) Zmiany tekstu jednolitego" in text and "1) Przypis wpisany w danych." in text
    clash = [note for note in notes if "resolution.footnotes" in note]
    assert len(clash) == 1 and "przypisy do podstawy prawnej mają numery 1–2" in clash[0]


@pytest.mark.parametrize(("on", "printed"), [
    ("2014-04-29", "(Dz. U. z 2013 r. poz. 594 z późn. zm.)"),  # the form of the time
    ("2016-03-01", "(Dz. U. z 2015 r. poz. 1515 i 1890)"),
])
def test_paldocs_acts_cite_prints_the_form_of_the_day(on: str, printed: str) -> None:
    from click.testing import CliRunner

    from paldocs.cli import main

    result = CliRunner().invoke(main, ["acts", "cite", "samorzad-gminny", "--on", on, "--acts", str(FOOTNOTES)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith(printed)
