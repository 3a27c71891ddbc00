"""The cleaners on real published texts: page chrome around the document, e-document marks, Dziennik Urzędowy
mastheads and page numbers — what is dropped (with which reason) and what comes out. Sources: the README of
tests/data/import_clean and the addresses in the comments."""

from __future__ import annotations

from pathlib import Path

from paldocs.importer.clean import AFTER, BEFORE, EDOC, INSIDE, JOURNAL, PAGE, RUNNING_HEAD, clean_lines
from paldocs.importer.lines import SourceLine, lines_from_text
from paldocs.importer.log import ImportLog

DATA = Path(__file__).parent / "data" / "import_clean"


def clean(text: str, *, markdown: bool = False) -> tuple[list[str], ImportLog]:
    log = ImportLog("test")
    return [line.text for line in clean_lines(lines_from_text(text), log, markdown=markdown)], log


def clean_file(name: str) -> tuple[list[str], ImportLog]:
    return clean((DATA / name).read_text(encoding="utf-8"))


def dropped(log: ImportLog, why: str) -> list[str]:
    return [entry.text for entry in sorted(log.of_kind("dropped"), key=lambda e: e.line) if entry.what == why]


def recognised(log: ImportLog) -> list[str]:
    return [entry.what for entry in log.of_kind("recognised")]


# --- page chrome ----------------------------------------------------------------------------------------------


def test_docplayer_page_before_the_transcript_is_chrome() -> None:
    lines, log = clean_file("piatnica-docplayer.txt")
    title = "UCHWAŁA NR 124/XXII/2016 RADY GMINY PIĄTNICA. z dnia 30 listopada 2016 r."
    assert dropped(log, BEFORE) == [title, "Wielkość: px", "Rozpocząć pokaz od strony:", f'Download "{title}"',
                                    "Transkrypt"]
    assert lines[0] == "UCHWAŁA NR 124/XXII/2016"  # the page number "1 " before it is gone
    assert dropped(log, PAGE) == ["1", "2"]


def test_docplayer_annex_alone_starts_at_its_header() -> None:
    lines, log = clean_file("orneta-docplayer.txt")
    assert dropped(log, BEFORE)[0] == "GMINNY PROGRAM PROFILAKTYKI I ROZWIĄZYWANIA PROBLEMÓW ALKOHOLOWYCH NA ROK 2015"
    assert lines[:3] == ["Załącznik Nr 1 do Uchwały Nr III/8/14", "Rady Miejskiej w Ornecie", "z dnia 23 grudnia 2014 r."]
    assert "WPROWADZENIE Gminny Program Profilaktyki" in " ".join(lines)


def test_doczz_title_repeated_under_the_transcript() -> None:
    lines, log = clean_file("tarnow-doczz.txt")
    assert dropped(log, BEFORE) == ["Uchwała Nr XXXIII/320/2006 Rady Gminy", "Transkrypt",
                                    "Uchwała Nr XXXIII/320/2006 Rady Gminy"]
    assert lines[:4] == ["Uchwała Nr XXXIII/320/2006", "Rady Gminy Tarnów", "z dnia 26 stycznia 2006 r.",
                         "w sprawie uchwalenia Regulaminu utrzymania porządku i czystości na terenie Gminy Tarnów"]


def test_a_page_of_a_title_and_similar_documents_holds_no_document() -> None:
    # https://docplayer.pl/amp/128722167-… : the stored page has the title and "Podobne dokumenty" only
    lines, log = clean_file("lyse-docplayer.txt")
    assert not any(lines)
    before = dropped(log, BEFORE)
    assert before[:2] == ["Uchwała Nr XXVII/164/2009 Rady Gminy Łyse z dnia 8 grudnia 2009 r.", "Podobne dokumenty"]
    assert "UCHWAŁA NR.. RADY GMINY KOBYLANKA z dnia r." in before


def test_bip_teaser_attachment_link_and_footer() -> None:
    lines, log = clean_file("kozlowo-bip.txt")
    before, after = dropped(log, BEFORE), dropped(log, AFTER)
    assert before[0] == 'NULL string(0) ""'
    assert before[1].startswith("Uchwała nr XC/629/2024 Rady Gminy w Kozłowie z dnia 24 stycznia 2024 w sprawie")
    assert lines[:3] == ["Uchwała nr XC/629/2024", "Rady Gminy w Kozłowie", "z dnia 24 stycznia 2024"]
    assert after[0] == "Uchwała Nr XC/629/2023 (408kB) pdf"
    assert after[-1] == "Liczba odsłon: 250" and "metryczka" in after
    assert not any("Liczba odsłon" in line for line in lines)


def test_9lib_page_chrome_and_page_marks() -> None:
    lines, log = clean_file("szczecinek-9lib.txt")
    assert dropped(log, BEFORE)[-2:] == ["Pełen tekst", "(1)"]
    assert "Academic year: 2022" in dropped(log, BEFORE)
    assert dropped(log, PAGE) == ["(2)"]
    assert lines[0] == "Załącznik do uchwały Nr / /2019"
    # "… takie jak:" / blank line / "naruszanie zasad …": one sentence broken by the page, kept in one block
    end = next(i for i, line in enumerate(lines) if line.endswith("takie jak:"))
    assert lines[end + 1].startswith("naruszanie zasad bezpieczeństwa publicznego")


def test_infor_labels_around_and_inside_the_act() -> None:
    lines, log = clean_file("wreczyca-infor.txt")
    assert dropped(log, BEFORE) == ["Kategorie", "Dzienniki Urzędowe"]
    assert dropped(log, INSIDE) == ["Tekst pierwotny"]
    assert lines[0] == "Uchwała nr IX/88/15"


def test_a_draft_mark_belongs_to_the_document() -> None:
    # https://9lib.org/document/zgw9m672-uchwa%C5%82a-nr-rady-miejskiej-w-polkowicach-z-dnia.html
    text = ("• Nie Znaleziono Wyników\n\nUCHWAŁA NR... RADY MIEJSKIEJ W POLKOWICACH. z dnia r.\n\nN/A\nN/A\nProtected\n\n"
            "Academic year: 2022\n\nCopied!\n8\n0\n0\n\nPełen tekst\n\n(1)\n\nProjekt\n\nUCHWAŁA NR ...\n\n"
            "RADY MIEJSKIEJ W POLKOWICACH z dnia ... 2021 r.\n")
    lines, log = clean(text)
    assert [line for line in lines if line][:2] == ["Projekt", "UCHWAŁA NR ..."]
    assert "Projekt" not in dropped(log, BEFORE)


def test_without_a_document_start_only_known_chrome_is_dropped() -> None:
    # https://docplayer.pl/amp/43607210-… (a page whose text is not a municipal act): nothing is guessed
    text = "Ustawa o wojewodzie i administracji rządowej w województwie\n\nWielkość: px\nTranskrypt\n\n" \
           "Terenowa administracja rządowa. Wojewoda, rządowa administracja zespolona i niezespolona\n"
    lines, log = clean(text)
    assert lines[-2] == "Terenowa administracja rządowa. Wojewoda, rządowa administracja zespolona i niezespolona"
    assert dropped(log, BEFORE)[-1] == "Transkrypt"


# --- e-document marks -------------------------------------------------------------------------------------------


def test_e_document_mark_glued_after_the_signature_is_cut() -> None:
    lines, log = clean_file("piatnica-docplayer.txt")
    assert "Przewodniczący Rady Krzysztof Weber" in lines
    assert dropped(log, EDOC) == ["Id: AD6ED1A E72-93BC-ACA0EB319AF6. Podpisany Strona 1"]


def test_e_document_marks_of_other_e_session_states() -> None:
    # http://docplayer.pl/6094179-… (Bartoszyce), http://docplayer.pl/67189830-… (Pruszcz Gdański),
    # http://docplayer.pl/8909613-… (Zabłudów)
    lines, log = clean("2 Załącznik do uchwały nr XXV / 183 /2013 Rady Miasta Bartoszyce z dnia 21 lutego 2013 r. "
                       "Id: 74952BC8-EC96-47D1-8FC8-F6F1D6C57C7C. Uchwalony Strona 2\n\n"
                       "Przewodniczący Rady Marek Kowalski Uchwalony Strona 1\n\n"
                       "Uchwała wchodzi w życie z dniem podjęcia. Id:. Projekt Strona 1\n")
    assert dropped(log, EDOC) == ["Id: 74952BC8-EC96-47D1-8FC8-F6F1D6C57C7C. Uchwalony Strona 2",
                                  "Uchwalony Strona 1", "Id:. Projekt Strona 1"]
    assert "Przewodniczący Rady Marek Kowalski" in lines
    assert "Uchwała wchodzi w życie z dniem podjęcia." in lines


# --- Dziennik Urzędowy ------------------------------------------------------------------------------------------


def test_dziennik_masthead_on_two_lines_with_the_e_signature_block() -> None:
    lines, log = clean_file("szemud-doczz.txt")
    assert dropped(log, JOURNAL) == ["DZIENNIK URZĘDOWY", "WOJEWÓDZTWA POMORSKIEGO", "Gdańsk, dnia 10 marca 2016 r.",
                                     "Elektronicznie podpisany przez:", "Jacek Zbigniew Karpiński", "Poz. 1008",
                                     "Data: 2016-03-10 10:18:23"]
    assert "ogłoszono: Dziennik Urzędowy Województwa Pomorskiego z 2016 r. poz. 1008" in recognised(log)
    assert dropped(log, BEFORE) == ["Uchwała Nr XVI / 182 / 2016", "Komentarze", "Transkrypt",
                                    "Uchwała Nr XVI / 182 / 2016"]
    assert lines[:3] == ["UCHWAŁA NR XVI/182/2016", "RADY GMINY SZEMUD", "z dnia 19 lutego 2016 r."]


def test_dziennik_masthead_glued_to_the_act() -> None:
    # https://docplayer.pl/amp/60572986-wroclaw-dnia-4-sierpnia-2014-r-poz-wojewoda-dolnoslaski-…
    lines, log = clean("DZIENNIK URZĘDOWY WOJEWÓDZTWA DOLNOŚLĄSKIEGO Wrocław, dnia 4 sierpnia 2014 r. Poz. 3453 "
                       "WOJEWODA DOLNOŚLĄSKI Wrocław, dnia 30 lipca 2014 r. NK-N.4131.119.9.2014.RJ1\n")
    assert dropped(log, JOURNAL) == ["DZIENNIK URZĘDOWY WOJEWÓDZTWA DOLNOŚLĄSKIEGO Wrocław, dnia 4 sierpnia 2014 r. "
                                     "Poz. 3453"]
    assert lines[0] == "WOJEWODA DOLNOŚLĄSKI Wrocław, dnia 30 lipca 2014 r. NK-N.4131.119.9.2014.RJ1"
    assert "ogłoszono: Dziennik Urzędowy Województwa Dolnośląskiego z 2014 r. poz. 3453" in recognised(log)


def test_dziennik_running_head_of_a_later_page() -> None:
    # the Sadowne print (Dz. Urz. Woj. Mazowieckiego z 2014 r. poz. 6286, tests/data/examples/README.md): its later
    # pages carry the journal's running head with the page number; the text of the act goes on after it
    text = (DATA.parent / "examples" / "sadowne-2014-XXXV-225-2014.txt").read_text(encoding="utf-8")
    head = "Dziennik Urzędowy Województwa Mazowieckiego – 2 – Poz. 6286"
    lines, log = clean(text.replace("\n\nZałącznik Nr 1", f"\n\n{head}\n\nZałącznik Nr 1", 1))
    assert dropped(log, JOURNAL) == [head]
    assert head not in lines


# --- page numbers and running heads -------------------------------------------------------------------------------


def test_page_numbers_run_at_paragraph_starts() -> None:
    lines, log = clean_file("orneta-docplayer.txt")
    assert dropped(log, PAGE) == ["1", "2"]
    assert any(line.startswith("WPROWADZENIE Gminny Program") for line in lines)


def test_a_number_opening_a_sentence_is_not_a_page_number() -> None:
    # tests/data/examples/szydlowo-2011-X-87-11.txt: "… 2. Wykonanie uchwały …" inside the line, no pages
    text = (DATA.parent / "examples" / "szydlowo-2011-X-87-11.txt").read_text(encoding="utf-8")
    _, log = clean(text)
    assert dropped(log, PAGE) == []


def test_running_head_repeated_on_the_pages_of_an_annex() -> None:
    # the annex header of the Piątnica print (docplayer 129551596) standing at the top of two more pages, as a
    # PDF reader gives a running head: the first occurrence is the header, the repetitions are dropped
    head = "Załącznik Nr 1 do Uchwały Nr 124/XXII/2016 Rady Gminy Piątnica z dnia 30 listopada 2016 r."
    text = (f"{head}\n\nPROGRAM WSPÓŁPRACY GMINY PIĄTNICA Z ORGANIZACJAMI POZARZĄDOWYMI\n\n{head}\n\n"
            "Rozdział 1\n\n{head}\n\nRozdział 2\n").replace("{head}", head)
    log = ImportLog("test")
    lines = clean_lines(lines_from_text(text), log, markdown=False)
    assert dropped(log, RUNNING_HEAD) == [head, head]
    assert [line.text for line in lines if line.text.startswith("Załącznik")] == ["Załącznik Nr 1 do Uchwały Nr "
                                                                                   "124/XXII/2016"]
    assert all(isinstance(line, SourceLine) for line in lines)


def test_two_acts_headers_are_not_a_running_head() -> None:
    lines, log = clean_file("krzykosy-bip-two-acts.txt")
    assert dropped(log, RUNNING_HEAD) == []
    assert "UCHWAŁA NR XI/69/2015" in lines and "UCHWAŁA Nr XI/68/2015" in lines
    assert lines.count("RADY GMINY KRZYKOSY") == 2
    # the second act's header opens a block of its own
    second = lines.index("UCHWAŁA Nr XI/68/2015")
    assert lines[second - 1] == ""


def test_page_title_then_the_same_header_spaced_otherwise() -> None:
    # http://gminakrzykosy.pl/krzykosy/bip/prawo/uchwaly-rady/kadencja-2010-2014/xxx-sesja-28.v.2013-r.html
    lines, log = clean("WAŻNE!\n\nXXX Sesja - 28.V.2013 r.\n\nUchwała Nr XXX/219/2013\n\nUCHWAŁA Nr XXX /219/2013\n\n"
                       "Rady Gminy Krzykosy\n\nz dnia 28 maja 2013r.\n")
    assert dropped(log, BEFORE) == ["WAŻNE!", "XXX Sesja - 28.V.2013 r.", "Uchwała Nr XXX/219/2013"]
    assert lines[0] == "UCHWAŁA Nr XXX /219/2013"
