"""Importing monitoring reports as municipalities publish them (paldocs.importer.report): parse → validate as a
standalone MonitoringReport → build → every word of the original is in the built text.

The texts in tests/data/import_report/ are verbatim excerpts of published reports (sources in SOURCES and in the
folder's README.md): official documents, which art. 4 pkt 2 of the Polish copyright act (ustawa z dnia 4 lutego
1994 r. o prawie autorskim i prawach pokrewnych) excludes from copyright. docplayer's and 9lib's page markers
("1 ", "(2)") are left out of the files — page chrome that the cleaners drop; one test keeps them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from paldocs.api import build
from paldocs.cli import main
from paldocs.importer.log import ImportLog
from paldocs.importer.report import parse_report
from paldocs.importer.source import read_text_blocks
from paldocs.report.model import MonitoringReport

DATA = Path(__file__).parent / "data" / "import_report"
SOURCES = {
    "kluczbork-2015": "http://docplayer.pl/55800886-Sprawozdanie-z-realizacji-programu-wspolpracy-gminy-kluczbork-"
                      "z-organizacjami-pozarzadowymi-w-roku-2015.html",
    "lomza-2016": "https://docplayer.pl/105353483-Sprawozdanie-z-realizacji-rocznego-programu-wspolpracy-miasta-"
                  "lomzy-z-organizacjami-pozarzadowymi-oraz-podmiotami-o-ktorych-mowa-w-art-3-ust.html",
    "pila-2015": "https://docplayer.pl/23557626-Sprawozdanie-z-realizacji-programu-wspolpracy-miasta-pily-z-"
                 "organizacjami-pozarzadowymi-na-2015-rok.html",
    "szczecinek-2020": "https://9lib.org/document/zx53dvx4-sprawozdanie-dzia%C5%82alno%C5%9Bci-gminnego-o%C5%9Brodka-"
                       "pomocy-spo%C5%82ecznej-szczecinku-rok.html",
    "konin-2013": "https://bip.powiat.konin.pl/koninp/bip/wspolpraca-z-organizacjami-pozarzadowymi/sprawozdania-z-"
                  "realizacji-programow-wspolpracy-powiatu-koninskiego-z-organizacjami-pozarzadowymi.html?pid=12034",
    "nowy-sacz-2017": "https://docplayer.pl/115840795-Nowy-sacz-15-maja-2018-r-kan-ngo.html",
}
# What each report is recognised as: title start, years, place, month, chapter headings (None: no heading).
EXPECTED: dict[str, dict[str, Any]] = {
    "kluczbork-2015": {"title": "SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI "
                                "POZARZĄDOWYMI W ROKU 2015", "years": 2015, "place": "KLUCZBORK", "month": "2016-05",
                       "headings": ["WSTĘP"]},
    "lomza-2016": {"title": "SPRAWOZDANIE Z REALIZACJI ROCZNEGO PROGRAMU WSPÓŁPRACY MIASTA ŁOMŻY Z ORGANIZACJAMI "
                            "POZARZĄDOWYMI ORAZ PODMIOTAMI, O KTÓRYCH MOWA W ART. 3 UST. 3 USTAWY O DZIAŁALNOŚCI "
                            "POŻYTKU PUBLICZNEGO I O WOLONTARIACIE ZA 2016 ROK", "years": 2016, "place": "Łomża",
                   "month": "2017-04", "headings": ["WPROWADZENIE"]},
    "pila-2015": {"title": "Sprawozdanie z realizacji Programu współpracy Miasta Piły z organizacjami pozarządowymi "
                           "na 2015 rok", "years": 2015, "place": "Piła", "month": "2016-03",
                  "headings": [None, "SPIS TREŚCI", "1. PODSTAWOWE INFORMACJE O REALIZACJI PROGRAMU WSPÓŁPRACY W 2015 "
                                                    "ROKU"]},
    "szczecinek-2020": {"title": "SPRAWOZDANIE z działalności Gminnego Ośrodka Pomocy Społecznej w Szczecinku za rok "
                                 "2020", "years": 2020, "place": None, "month": None,
                        "headings": [None, "Spis treści", "1. Wstęp"]},
    "konin-2013": {"title": "Sprawozdanie za 2013 rok", "years": 2013, "place": None, "month": None,
                   "headings": [None, "Wprowadzenie"]},
    "nowy-sacz-2017": {"title": "Sprawozdanie z realizacji programu współpracy miasta Nowego Sącza z organizacjami "
                                "pozarządowymi oraz innymi podmiotami prowadzącymi działalność pożytku publicznego za rok",
                       "years": None, "place": None, "month": None, "headings": [None]},
}


def words(text: str) -> Counter[str]:
    """Case-folded words (letters and digits); punctuation, list markers and Markdown escapes are not words."""
    return Counter(re.findall(r"\w+", text.casefold()))


def parse(text: str) -> tuple[dict[str, Any], ImportLog]:
    log = ImportLog("sprawozdanie.txt")
    return parse_report(read_text_blocks(text, markdown=False), log), log


def built_text(data: dict[str, Any], folder: Path) -> str:
    path = folder / "sprawozdanie.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(path, ("txt",), folder / "out")
    return result.outputs[0].read_text(encoding="utf-8").replace("\u00a0", " ")  # typography: NBSP after "z", "r." …


def lost_words(original: str, built: str, log: ImportLog) -> Counter[str]:
    """Words of the original missing from the built text and not accounted for by a logged change."""
    changed = words(" ".join(entry.text for entry in log.of_kind("changed")))
    dropped = words(" ".join(entry.text for entry in log.of_kind("dropped")))
    return words(original) - words(built) - changed - dropped


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_published_report_imports_validates_builds_and_keeps_every_word(name: str, tmp_path: Path) -> None:
    original = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    data, log = parse(original)
    report = MonitoringReport.model_validate(data)
    assert report.program is None and not report.indicators and not report.activities
    assert not log.of_kind("dropped")  # a plain report has nothing to drop
    text = built_text(data, tmp_path)
    assert not lost_words(original, text, log)
    for false_statement in ("nie zrealizowano", "0,00 zł", "Sprawozdanie nie zawiera wskaźników", "Sporządził(a)"):
        assert false_statement not in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_years_place_month_and_chapters_are_recognised(name: str) -> None:
    data, log = parse((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    expected = EXPECTED[name]
    assert data["title"] == expected["title"]
    assert data.get("years") == expected["years"]
    assert (data.get("place"), data.get("month")) == (expected["place"], expected["month"])
    assert [chapter.get("heading") for chapter in data["chapters"]] == expected["headings"]
    recognised = " ".join(entry.what for entry in log.of_kind("recognised"))
    assert "tytuł sprawozdania" in recognised
    for heading in filter(None, expected["headings"]):
        assert heading in recognised


def test_headings_print_exactly_as_written_and_in_order(tmp_path: Path) -> None:
    data, _ = parse((DATA / "pila-2015.txt").read_text(encoding="utf-8"))
    lines = built_text(data, tmp_path).splitlines()
    title = lines.index(data["title"])
    toc = lines.index("SPIS TREŚCI")
    chapter = lines.index("1. PODSTAWOWE INFORMACJE O REALIZACJI PROGRAMU WSPÓŁPRACY W 2015 ROKU")
    assert title < lines.index("Piła, marzec 2016") < toc < chapter  # never renumbered ("1. 1. …")
    assert lines[title + 1:title + 3] == ["", "Piła, marzec 2016"]


def test_the_legal_basis_is_kept_as_text_of_the_first_chapter() -> None:
    data, log = parse((DATA / "pila-2015.txt").read_text(encoding="utf-8"))
    assert data["chapters"][0] == {"content": "Na podstawie art. 5a ust. 3 ustawy z dnia 24 kwietnia 2003 r. o "
                                              "działalności pożytku publicznego i o wolontariacie (Dz. U. z 2016 r., "
                                              "poz. 239 ze zm.)"}
    assert any("podstawa sporządzenia" in entry.what for entry in log.of_kind("kept"))
    # the regenerated "Piła, marzec 2016" drops the input's "r.": logged as a change, not lost
    assert [(entry.text, entry.after) for entry in log.of_kind("changed")] == [("Piła, marzec 2016 r.",
                                                                                 "Piła, marzec 2016")]


def test_a_month_before_the_end_of_the_report_year_is_kept_as_text() -> None:
    # "za rok 2020 / Szczecinek, luty 2020": the model refuses a report prepared before its year ended.
    data, log = parse((DATA / "szczecinek-2020.txt").read_text(encoding="utf-8"))
    assert "month" not in data and "place" not in data
    assert data["chapters"][0]["content"].startswith("Szczecinek, luty 2020")
    assert any("przed końcem okresu" in entry.what for entry in log.of_kind("kept"))
    MonitoringReport.model_validate(data)


def test_a_table_of_contents_keeps_its_entries_and_their_numbers(tmp_path: Path) -> None:
    # The Szczecinek contents number two entries "12." — printed as written, not renumbered.
    data, _ = parse((DATA / "szczecinek-2020.txt").read_text(encoding="utf-8"))
    text = built_text(data, tmp_path)
    for entry in ("12. Stypendia i zasiłki szkolne ...28", "12. Świadczenia wychowawcze ...29",
                  "13. Program Operacyjny Pomoc Żywnościowa 2014 - 2020 ...29", "14. Klub Senior + ...31"):
        assert f"\n{entry}\n" in text


def test_no_year_in_the_title_leaves_years_out_and_says_so(tmp_path: Path) -> None:
    # Nowy Sącz: "… za rok Program współpracy …" — the year's digits are missing from the published title.
    data, log = parse((DATA / "nowy-sacz-2017.txt").read_text(encoding="utf-8"))
    assert "years" not in data
    assert any("uzupełnij" in entry.what for entry in log.of_kind("kept"))
    assert data["chapters"][0]["content"].startswith("Nowy Sącz, 15 maja 2018 r. KAN-NGO")
    MonitoringReport.model_validate(data)


def test_a_title_year_outside_a_period_phrase_is_a_logged_guess() -> None:
    # The Szczecinek title with its period phrase cut: "2020" is still there, but only as a number.
    data, log = parse("SPRAWOZDANIE\n\nz działalności\n\nGminnego Ośrodka Pomocy Społecznej w Szczecinku 2020\n")
    assert data["years"] == 2020
    assert any("zgadnięte — sprawdź" in entry.what for entry in log.of_kind("recognised"))


def test_page_markers_of_a_transcript_are_tolerated(tmp_path: Path) -> None:
    # The Kluczbork transcript exactly as docplayer stores it, its page numbers "1 " and "2 " included.
    stored = "\n".join(f"{page} {line}" for page, line in enumerate(
        (DATA / "kluczbork-2015.txt").read_text(encoding="utf-8").splitlines(), start=1))
    data, log = parse(stored)
    assert data["title"].startswith("SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK")
    assert data["years"] == 2015 and data["month"] == "2016-05"
    MonitoringReport.model_validate(data)
    assert not lost_words(stored, built_text(data, tmp_path), log)


def test_a_table_is_kept_as_text_and_logged(tmp_path: Path) -> None:
    # Cells verbatim from a published report (https://9lib.org/document/q2n7mm0r-sprawozdanie-ko%C5%84cowe-z-
    # wykonania-zadania-publicznego.html) in the Markdown form a reader gives a table.
    text = ("SPRAWOZDANIE KOŃCOWE Z WYKONANIA ZADANIA PUBLICZNEGO\n\n"
            "| 1 | Tytuł zadania | W naszym interesie |\n| 2 | Termin realizacji zadania | Od 01-03-2019 do "
            "31-12-2019 |\n| 3 | Numer umowy | 17621/ASOS/2019 |\n")
    data, log = parse(text)
    assert any(entry.what == "tabela zachowana jako tekst" for entry in log.of_kind("kept"))
    MonitoringReport.model_validate(data)
    assert not lost_words(text, built_text(data, tmp_path), log)


def test_lists_numbered_in_order_become_lists_others_keep_their_markers(tmp_path: Path) -> None:
    # Kętrzyn-free real list: the Szczecinek bullets (•) become a Markdown list; the Konin "1)" alone stays text.
    data, _ = parse((DATA / "szczecinek-2020.txt").read_text(encoding="utf-8"))
    assert "- ustawy z dnia 12 marca 2004 r. o pomocy społecznej" in data["chapters"][2]["content"]
    konin, _ = parse((DATA / "konin-2013.txt").read_text(encoding="utf-8"))
    assert "\n\n1\\) finansowej w formie wspierania" in konin["chapters"][1]["content"]
    assert "\n1) finansowej w formie wspierania" in built_text(konin, tmp_path)


def test_never_raises_on_odd_text() -> None:
    for text in ("", "\n\n", "Sprawozdanie", "1. WSTĘP", "| a | b |", "SPRAWOZDANIE maj 2016", "• • •"):
        data, _ = parse(text)
        MonitoringReport.model_validate(data)


def test_paldocs_build_builds_an_imported_report_like_any_data_file(tmp_path: Path) -> None:
    data, _ = parse((DATA / "lomza-2016.txt").read_text(encoding="utf-8"))
    path = tmp_path / "lomza.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "-f", "txt,docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "lomza.docx").exists()
    assert (tmp_path / "lomza.txt").read_text(encoding="utf-8").replace("\u00a0", " ").startswith(data["title"])


def test_text_that_markdown_would_read_as_markup_prints_as_written(tmp_path: Path) -> None:
    # An image reference would be refused by the data inspection; an entity would print as its character.
    text = "Sprawozdanie za 2016 rok\n\nWSTĘP\n\nZałącznik ![mapa](mapa.png) i znak &amp; w tekście.\n\n# 5 punktów\n"
    data, log = parse(text)
    printed = built_text(data, tmp_path)
    assert "![mapa](mapa.png) i znak &amp; w tekście." in printed and "# 5 punktów" in printed
    assert not lost_words(text, printed, log)


def test_a_dated_line_ends_the_title_and_stays_text() -> None:
    # http://docplayer.pl/3239957-Jerzmanowice-dnia-9-marca-2015-rok.html — the first page of the transcript.
    text = ("Załącznik do Uchwały Rady Gminy Jerzmanowice-Przeginia Z dnia 30 kwietnia 2015 r. Nr VIII/50/2015 "
            "Sprawozdanie roczne z działalności Gminnego Ośrodka Pomocy Społecznej w Jerzmanowicach za rok 2014 "
            "Jerzmanowice, dnia 9 marca 2015 rok")
    data, _ = parse(text)
    assert data["title"] == ("Sprawozdanie roczne z działalności Gminnego Ośrodka Pomocy Społecznej w "
                             "Jerzmanowicach za rok 2014")
    assert data["years"] == 2014 and "month" not in data
    assert data["chapters"][0]["content"] == ("Załącznik do Uchwały Rady Gminy Jerzmanowice-Przeginia Z dnia 30 "
                                              "kwietnia 2015 r. Nr VIII/50/2015\n\nJerzmanowice, dnia 9 marca 2015 rok")
    MonitoringReport.model_validate(data)
