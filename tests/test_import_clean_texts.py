"""``clean_lines`` on whole real texts (tests/data/import_clean/README.md gives each one's address): the lines that
come out, the words dropped, and that no word is lost — every input word is in the output lines, in a dropped
entry of the log, or in the ``before`` of a changed one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from paldocs.importer.clean import BEFORE, EDOC, JOURNAL, PAGE, clean_lines
from paldocs.importer.lines import lines_from_text
from paldocs.importer.log import ImportLog

DATA = Path(__file__).parent / "data" / "import_clean"


def cleaned(name: str) -> tuple[str, list[str], ImportLog]:
    text = (DATA / name).read_text(encoding="utf-8")
    log = ImportLog(name)
    return text, [line.text for line in clean_lines(lines_from_text(text), log, markdown=False)], log


def unaccounted(text: str, lines: list[str], log: ImportLog) -> Counter[str]:
    covered = Counter(word for line in lines for word in line.split())
    covered.update(log.dropped_words())
    covered.update(word for entry in log.of_kind("changed") for word in entry.text.split())
    return Counter(text.split()) - covered


@pytest.mark.parametrize("name", sorted(path.name for path in DATA.glob("*.txt")))
def test_no_word_is_lost(name: str) -> None:
    text, lines, log = cleaned(name)
    assert unaccounted(text, lines, log) == Counter()


def test_piatnica_docplayer_transcript() -> None:
    text, lines, log = cleaned("piatnica-docplayer.txt")
    assert [line for line in lines if line][:4] == [
        "UCHWAŁA NR 124/XXII/2016", "RADY GMINY PIĄTNICA", "z dnia 30 listopada 2016 r.",
        "w sprawie przyjęcia Programu współpracy Gminy Piątnica z organizacjami pozarządowymi oraz innymi podmiotami "
        "prowadzącymi działalność pożytku publicznego na rok 2017"]
    paragraphs = [line for line in lines if line.startswith("§")]
    assert [line[:4] for line in paragraphs] == ["§ 1.", "§ 2.", "§ 3.", "§ 4.", "§ 5."]
    assert paragraphs[3].startswith("§ 4. Z dniem 31 grudnia 2016 roku traci moc uchwała Nr 58/XI/2015")
    assert paragraphs[4].endswith("w Dzienniku Urzędowym Województwa Podlaskiego.")
    assert lines[lines.index(paragraphs[4]) + 2] == "Przewodniczący Rady Krzysztof Weber"
    assert [line for line in lines if line][-4:] == [
        "Załącznik Nr 1 do Uchwały Nr 124/XXII/2016", "Rady Gminy Piątnica", "z dnia 30 listopada 2016 r.",
        "PROGRAM WSPÓŁPRACY GMINY PIĄTNICA Z ORGANIZACJAMI POZARZĄDOWYMI ORAZ"]
    dropped_words = set(log.dropped_words())
    assert {"Wielkość:", "px", "Transkrypt", "Download", "Id:", "Podpisany"} <= dropped_words
    assert not any(word in " ".join(lines) for word in ("Transkrypt", "Wielkość", "Podpisany", "Id:"))
    assert sorted(entry.what for entry in log.of_kind("dropped")) == sorted([BEFORE] * 5 + [PAGE] * 2 + [EDOC])


def test_zywiec_docplayer_transcript() -> None:
    text, lines, log = cleaned("zywiec-docplayer.txt")
    assert [line for line in lines if line][:5] == [
        "UCHWAŁA NR LXVI/478/2014", "RADY MIEJSKIEJ W ŻYWCU", "z dnia 30 października 2014 r.",
        "w sprawie przyjęcia programu współpracy Miasta Żywca z organizacjami pozarządowymi oraz podmiotami, o których "
        "mowa w art. 3 ust. 3 ustawy z dnia 24 kwietnia 2003 roku o działalności pożytku publicznego i o "
        "wolontariacie na rok 2015",
        "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (t. j. Dz. U. z 2013 r. "
        "poz. 594 z późn. zm.) oraz art. 5a ust. 1 i ust. 4 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku "
        "publicznego i o wolontariacie (t. j. Dz. U. z 2014 r. poz. 1118) Rada Miejska w Żywcu uchwala co następuje:"]
    assert "Przewodniczący Rady Miejskiej w Żywcu Krzysztof Greń" in lines
    assert log.dropped_words() == "Id: 4A207E30-AE24-45A0-93F6-151EE77E33E0. Podpisany Strona 1".split()


def test_szemud_doczz_dziennik_print() -> None:
    text, lines, log = cleaned("szemud-doczz.txt")
    assert [line for line in lines if line] == [
        "UCHWAŁA NR XVI/182/2016", "RADY GMINY SZEMUD", "z dnia 19 lutego 2016 r.",
        "w sprawie określenia szczegółowych zasad udzielania dofinansowania zadań dotyczących modernizacji",
        "źródeł ciepła na terenie Gminy Szemud w ramach konkursu pn. „Czyste powietrze Pomorza”",
        "(edycja 2016) organizowanego przez",
        "Wojewódzki Fundusz Ochrony Środowiska i Gospodarki Wodnej w Gdańsku",
        "Na podstawie art. 7 ust.1 pkt. 1, art. 18 ust. 2 pkt. 2 i pkt. 15 ustawy z dnia 8 marca 1990 roku o samorządzie"]
    assert lines[lines.index("Wojewódzki Fundusz Ochrony Środowiska i Gospodarki Wodnej w Gdańsku") + 1] == ""
    assert len([entry for entry in log.of_kind("dropped") if entry.what == JOURNAL]) == 7
    assert "Karpiński" in log.dropped_words()


def test_tarnow_doczz_transcript() -> None:
    text, lines, log = cleaned("tarnow-doczz.txt")
    assert [line for line in lines if line] == [
        "Uchwała Nr XXXIII/320/2006", "Rady Gminy Tarnów", "z dnia 26 stycznia 2006 r.",
        "w sprawie uchwalenia Regulaminu utrzymania porządku i czystości na terenie Gminy Tarnów",
        "Na podstawie art. 7 ust. 1 pkt 3, art. 40 ust. 1 i ust. 2 pkt 4, art. 41 ust. 1 ustawy z dnia 8 marca 1990 "
        "roku o samorządzie gminnym (t.j. Dz. U. z 2001 r. Nr 142 poz. 1591, z późn. zm.) oraz art. 4 ust. 1 ustawy z "
        "dnia 13 września 1996 roku o utrzymaniu porządku i czystości w gminach (Dz. U. Nr 132 poz. 622, z późn. zm.) "
        "po zasięgnięciu opinii Państwowego Powiatowego Inspektowa Sanitarnego w Tarnowie, Rada Gminy Tarnów uchwala, "
        "co następuje:",
        "§ 1. Ustala się szczegółowe zasady utrzymania czystości i porządku na terenie Gminy Tarnów w formie "
        "\"Regulaminu utrzymania czystości i porządku na terenie Gminy Tarnów \" w brzmieniu niniejszej uchwały.",
        "ROZDZIAŁ I POSTANOWIENIA OGÓLNE",
        "§2. Przepisy niniejszego Regulaminu określają szczegółowe zasady utrzymania czystości i porządku na terenie "
        "Gminy Tarnów dotyczące:"]
    assert log.dropped_words() == "Uchwała Nr XXXIII/320/2006 Rady Gminy Transkrypt Uchwała Nr XXXIII/320/2006 Rady " \
                                  "Gminy".split()
