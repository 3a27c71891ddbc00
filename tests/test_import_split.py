"""Where the documents of an import file start (paldocs.importer.split) — on excerpts of real published acts."""

from __future__ import annotations

from pathlib import Path

import pytest

from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock, read_text_blocks
from paldocs.importer.split import Segment, annex_header, same_number, split_documents
from test_import_annex import SZCZECINEK  # 9lib.org/document/y961pgol-…: a draft's annex (Szczecinek, 2019)

DATA = Path(__file__).parent / "data" / "import_documents"


def _split(text: str) -> tuple[list[Segment], ImportLog]:
    log = ImportLog("x")
    return split_documents(read_text_blocks(text, markdown=False), log), log


def _first(blocks: list[SourceBlock]) -> str:
    return blocks[0].lines[0]


def _words(blocks: list[SourceBlock]) -> list[str]:
    return [word for block in blocks for line in block.lines for word in line.split()]


def _all_words(segments: list[Segment]) -> list[str]:
    out: list[str] = []
    for segment in segments:
        out += _words(segment.blocks)
        for annex in segment.annexes:
            out += _words(annex.blocks)
        if segment.justification:
            out += _words(segment.justification.blocks)
    return out


def test_resolution_with_annex_split_over_three_lines() -> None:
    # infor.pl, Uchwała nr 107/XX/12 Rady Gminy Rutki (tests/data/import_documents/README.md)
    text = (DATA / "rutki-2012-regulamin.txt").read_text(encoding="utf-8")
    segments, log = _split(text)
    assert [s.kind for s in segments] == ["resolution"]
    resolution = segments[0]
    assert resolution.number == "107/XX/12"
    assert _first(resolution.blocks) == "Uchwała nr 107/XX/12 Rady Gminy Rutki"
    # "§ 3. Traci moc uchwała Nr 136/XXXII/06 Rady Gminy Rutki z dnia …" is not a header
    assert any("Traci moc uchwała Nr 136/XXXII/06" in block.text for block in resolution.blocks)
    assert len(resolution.annexes) == 1
    annex = resolution.annexes[0]
    assert annex.blocks[0].lines == ("Załącznik Nr 1 do Uchwały Nr 107/XX/12", "Rady Gminy Rutki",
                                     "z dnia 31 grudnia 2012 r.")
    assert _words(resolution.blocks) + _words(annex.blocks) == text.split()
    assert any("dokument 1: uchwała Nr 107/XX/12" in e.what for e in log.of_kind("recognised"))


def test_header_lines_inside_one_block() -> None:
    # bip.ug.augustow.wrotapodlasia.pl: a BIP page whose lines have no blank lines between them
    text = (DATA / "augustow-2020-regulamin.txt").read_text(encoding="utf-8")
    segments, _ = _split(text)
    assert [s.kind for s in segments] == ["resolution"]
    assert segments[0].number == "XIX/180/2020"
    (annex,) = segments[0].annexes
    assert annex.blocks[0].lines[:3] == ("Załącznik do uchwały Nr XIX/180/2020",
                                         "Rady Gminy Augustów z dnia 17 grudnia 2020 r.",
                                         "REGULAMIN UTRZYMANIA CZYSTOŚCI I PORZĄDKU")
    assert segments[0].blocks[-1].lines[-1] == "Ewa Frąckiewicz"
    assert _all_words(segments) == text.split()


# docplayer.pl/122628058 — Uchwała Nr X/87/11 Rady Gminy Szydłowo: resolution, uzasadnienie, annex (the
# transcript's page numbers "1", "2", "3" left out, as the cleaners drop them).
SZYDLOWO = """UCHWAŁA NR X/87/11 RADY GMINY SZYDŁOWO z dnia 9 listopada 2011 r. w sprawie przyjęcia Programu \
Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o \
działalności pożytku publicznego i o wolontariacie na 2012 rok.

Na podstawie art. 7 ust. 1 pkt. 19 i art. 18 ust. 2 pkt. 15 ustawy z dnia 8 marca 1990 roku o samorządzie \
gminnym (Dz. U. z 2001 roku Nr 142, poz.1591, ze zmianami) oraz art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. \
o działalności pożytku publicznego i o wolontariacie (tj. z 2010 r. Dz. U. Nr 234, poz.1536), Rada Gminy \
Szydłowo uchwala, co następuje:

1. Uchwala się Program Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz podmiotami wymienionymi w \
art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na 2012 rok, który stanowi załącznik \
do niniejszej uchwały.
2. Wykonanie uchwały powierza się Wójtowi Gminy Szydłowo.
3. Uchwała wchodzi w życie z dniem podjęcia.

Przewodniczący Rady Gminy Mirosław Pierko

Uzasadnienie

Uchwala się Program Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 \
ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na 2012 rok, zgodnie z art. 5a ust. 1 ustawy \
z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie, który nakłada na organ \
stanowiący jst obowiązek uchwalenia w/w dokumentu.

Załącznik do Uchwały Nr X/87/11 Rady Gminy Szydłowo z dnia 9 listopada 2011 r.

Program Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 \
ustawy o działalności pożytku publicznego i o wolontariacie na 2012 rok

1. WPROWADZENIE
"""


def test_resolution_justification_and_annex() -> None:
    segments, log = _split(SZYDLOWO)
    assert [s.kind for s in segments] == ["resolution"]
    resolution = segments[0]
    assert resolution.number == "X/87/11"
    assert resolution.justification is not None
    assert _first(resolution.justification.blocks) == "Uzasadnienie"
    (annex,) = resolution.annexes
    assert _first(annex.blocks).startswith("Załącznik do Uchwały Nr X/87/11")
    assert sorted(_all_words(segments)) == sorted(SZYDLOWO.split())
    assert any("uzasadnienie uchwały z dokumentu 1" in e.what for e in log.of_kind("recognised"))


def test_two_resolutions_on_one_page() -> None:
    # Two real acts one after the other, as a BIP list page or a Dziennik print holds them: the Rutki act
    # (infor.pl, above) and the Augustów act (bip.ug.augustow.wrotapodlasia.pl, above), each with its annex.
    rutki = (DATA / "rutki-2012-regulamin.txt").read_text(encoding="utf-8")
    augustow = (DATA / "augustow-2020-regulamin.txt").read_text(encoding="utf-8")
    segments, log = _split(rutki + "\n" + augustow)
    assert [(s.kind, s.number, len(s.annexes)) for s in segments] == [
        ("resolution", "107/XX/12", 1), ("resolution", "XIX/180/2020", 1)]
    assert _first(segments[1].blocks) == "UCHWAŁA NR XIX/180/2020"
    assert "dokument 2: uchwała Nr XIX/180/2020" in [e.what for e in log.of_kind("recognised")]
    assert sorted(_all_words(segments)) == sorted((rutki + augustow).split())


def test_repeated_title_of_the_page_is_one_act() -> None:
    # bip.ug.augustow.wrotapodlasia.pl: the page's title names the act above its text
    text = "Uchwała Nr XIX/180/2020 Rady Gminy Augustów\n\n" + \
        (DATA / "augustow-2020-regulamin.txt").read_text(encoding="utf-8")
    segments, _ = _split(text)
    assert [s.kind for s in segments] == ["resolution"]
    assert _first(segments[0].blocks) == "Uchwała Nr XIX/180/2020 Rady Gminy Augustów"


def test_annex_naming_another_resolution_stands_alone() -> None:
    rutki = (DATA / "rutki-2012-regulamin.txt").read_text(encoding="utf-8")
    # the Augustów annex (above) after the Rutki act: it names another resolution
    other = ("Załącznik do uchwały Nr XIX/180/2020\nRady Gminy Augustów z dnia 17 grudnia 2020 r.\n"
             "REGULAMIN UTRZYMANIA CZYSTOŚCI I PORZĄDKU\nNA TERENIE GMINY AUGUSTÓW\n")
    segments, _ = _split(rutki + "\n" + other)
    assert [(s.kind, s.number) for s in segments] == [("resolution", "107/XX/12"), ("annex", "XIX/180/2020")]
    assert len(segments[0].annexes) == 1


def test_annex_alone_beginning_with_its_header() -> None:
    segments, log = _split(SZCZECINEK)
    assert [(s.kind, s.number) for s in segments] == [("annex", None)]
    assert _first(segments[0].blocks).startswith("Załącznik do uchwały Nr / /2019")
    assert any("załącznik bez uchwały" in e.what for e in log.of_kind("recognised"))


# stary.bip.lysomice.pl/STRONA_428_WIELOLETNI_PROGRAM_W.HTM — a program published without its resolution
LYSOMICE = """Wieloletni program współpracy Gminy Łysomice z organizacjami pozarządowymi oraz podmiotami \
wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie.
WSTĘP
Silne i dynamiczne społeczeństwo obywatelskie jest istotnym czynnikiem rozwoju społeczno – gospodarczego.
"""


def test_annex_alone_beginning_with_its_program_title() -> None:
    segments, log = _split(LYSOMICE)
    assert [s.kind for s in segments] == ["annex"]
    assert any("zaczyna się tytułem" in e.what for e in log.of_kind("recognised"))
    # palowice.net: a village statute published without its resolution
    segments, _ = _split((DATA / "palowice-statut.txt").read_text(encoding="utf-8"))
    assert [s.kind for s in segments] == ["annex"]


def test_draft_marks_before_the_header_belong_to_the_act() -> None:
    # docplayer.pl/58725321 — projekt uchwały Rady Miejskiej w Żywcu (2016)
    text = ("Projekt\nUCHWAŁA NR...\nRADY MIEJSKIEJ W ŻYWCU\nz dnia 11 października 2016 r.\n"
            "w sprawie przyjęcia programu współpracy Miasta Żywca z organizacjami pozarządowymi\n")
    segments, _ = _split(text)
    assert [(s.kind, s.number) for s in segments] == [("resolution", None)]
    assert _first(segments[0].blocks) == "Projekt"


def test_reference_inside_a_sentence_is_not_a_header() -> None:
    # bip.ug.augustow.wrotapodlasia.pl, § 3 of Uchwała Nr XIX/180/2020, hard-wrapped before "uchwała"
    text = ("UCHWAŁA NR XIX/180/2020\nRADY GMINY AUGUSTÓW\n\n§3. Traci moc\nUchwała Nr XIV/107/2016 Rady Gminy "
            "Augustów z dnia 30 września 2016 r. w sprawie Regulaminu\n")
    segments, _ = _split(text)
    assert len(segments) == 1


def test_report_title_starts_a_report_but_not_inside_a_resolutions_annex() -> None:
    report = "SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY ZA 2019 ROK\n\nW 2019 roku Gmina współpracowała."
    segments, _ = _split(report)
    assert [s.kind for s in segments] == ["report"]
    annex = "Załącznik do Uchwały Nr XII/85/2020\nRady Gminy X\nz dnia 1 kwietnia 2020 r.\n\n" + report
    segments, _ = _split(annex)  # a report published as an annex, alone: a report
    assert [s.kind for s in segments] == ["report"]
    resolution = "UCHWAŁA NR XII/85/2020\nRADY GMINY X\nz dnia 1 kwietnia 2020 r.\n\n§ 1. Przyjmuje się.\n\n"
    segments, _ = _split(resolution + annex)  # the annex of its resolution stays the resolution's annex
    assert [(s.kind, len(s.annexes)) for s in segments] == [("resolution", 1)]


def test_annex_header_parts() -> None:
    header = annex_header(["Załącznik Nr 1 do Uchwały Nr 107/XX/12", "Rady Gminy Rutki",
                           "z dnia 31 grudnia 2012 r.", "REGULAMIN UTRZYMANIA CZYSTOŚCI"])
    assert header is not None
    assert (header.lines, header.ordinal, header.number, header.council, header.date_text) == (
        3, 1, "107/XX/12", "Rady Gminy Rutki", "31 grudnia 2012 r.")
    assert annex_header(["Załącznik nr 1", "do Regulaminu utrzymania czystości"]) is None
    assert annex_header(["Załącznik nr 1 – wzór wniosku"]) is None
    assert same_number("XIX / 180 / 2020", "XIX/180/20") and not same_number("XIX/180/2020", "XIV/107/2016")


def test_no_header_is_one_resolution_only_with_a_paragraf_and_empty_input_never_raises() -> None:
    # without a header, a § unit or a legal basis makes the text a resolution's; anything else is a document's
    # own text (a program's stored copy that begins at "I. Wstęp"), imported as an annex alone
    assert [s.kind for s in _split("§ 1. Zwykły tekst bez nagłówka.")[0]] == ["resolution"]
    assert [s.kind for s in _split("Na podstawie art. 18 ust. 2 pkt 15 ustawy.")[0]] == ["resolution"]
    assert [s.kind for s in _split("Zwykły tekst bez nagłówka.")[0]] == ["annex"]
    assert split_documents([], ImportLog("x"))[0].blocks == []


# docplayer.pl/129551596 — Uchwała Nr 124/XXII/2016 Rady Gminy Piątnica: a PDF transcript, one line per page,
# each page's number glued before its text
PIATNICA = """1 UCHWAŁA NR 124/XXII/2016 RADY GMINY PIĄTNICA z dnia 30 listopada 2016 r. w sprawie przyjęcia Programu \
współpracy Gminy Piątnica z organizacjami pozarządowymi oraz innymi podmiotami prowadzącymi działalność pożytku \
publicznego na rok 2017 Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 roku o samorządzie gminnym \
(Dz. U. z 2016 r. poz. 446 i 1579) oraz art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku \
publicznego i o wolontariacie (Dz. U. z 2016 r. poz. 239 i 395) uchwala się, co następuje: 1. Przyjmuje się \
Program współpracy Gminy Piątnica z organizacjami pozarządowymi oraz innymi podmiotami prowadzącymi działalność \
pożytku publicznego na rok 2017, stanowiący załącznik nr 1 do uchwały. 2. Informacja o wynikach konsultacji \
projektu uchwały w sprawie przyjęcia "Programu współpracy Gminy Piątnica z organizacjami pozarządowymi oraz \
innymi podmiotami prowadzącymi działalność pożytku publicznego na rok 2017, stanowi załącznik nr 2 do uchwały. \
3. Wykonanie uchwały powierza się Wójtowi Gminy Piątnica. 4. Z dniem 31 grudnia 2016 roku traci moc uchwała Nr \
58/XI/2015 Rady Gminy Piątnica z dnia 30 listopada 2015 r. w sprawie przyjęcia "Programu współpracy Gminy \
Piątnica z organizacjami pozarządowymi oraz innymi podmiotami prowadzącymi działalność pożytku publicznego na \
2016 rok". 5. Uchwała wchodzi w życie z dniem 1 stycznia 2017 r. i podlega opublikowaniu w Dzienniku Urzędowym \
Województwa Podlaskiego. Przewodniczący Rady Krzysztof Weber Id: AD6ED1A E72-93BC-ACA0EB319AF6. Podpisany Strona 1

2 Załącznik Nr 1 do Uchwały Nr 124/XXII/2016 Rady Gminy Piątnica z dnia 30 listopada 2016 r. PROGRAM \
WSPÓŁPRACY GMINY PIĄTNICA Z ORGANIZACJAMI POZARZĄDOWYMI ORAZ
"""


def test_page_numbers_glued_before_the_headers() -> None:
    segments, _ = _split(PIATNICA)
    assert [(s.kind, s.number) for s in segments] == [("resolution", "124/XXII/2016")]
    (annex,) = segments[0].annexes
    assert annex.number == "124/XXII/2016" and _first(annex.blocks).startswith("2 Załącznik Nr 1")
    assert annex_header(annex.blocks[0].lines) is not None


# docplayer.pl/106512488 — Uchwała Nr XXV/220/2016 Rady Miejskiej Turku: the uzasadnienie names its resolution
TUREK = """1 Uchwała Nr XXV/220/2016 Rady Miejskiej Turku z dnia 17 listopada 2016 r. w sprawie uchwalenia Programu \
współpracy Gminy Miejskiej Turek z organizacjami pozarządowymi i podmiotami prowadzącymi działalność pożytku \
publicznego na rok Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. \
z 2016 r. poz. 446 ze zm.) oraz art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku \
publicznego i o wolontariacie (Dz. U. z 2016 r. poz. 239 ze zm.) Rada Miejska Turku uchwala, co następuje: 1 \
Uchwala się Program współpracy Gminy Miejskiej Turek z organizacjami pozarządowymi oraz podmiotami wymienionymi w \
art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na rok 2017, stanowiący załącznik do \
niniejszej uchwały. 2 Wykonanie uchwały powierza się Burmistrzowi Miasta Turku. 3 Uchwała wchodzi w życie z dniem \
podjęcia.

2 Uzasadnienie Uchwały Nr XXV/220/2016 Rady Miejskiej Turku z dnia 17 listopada 2016 r. w sprawie uchwalenia \
Programu współpracy Gminy Miejskiej Turek z organizacjami pozarządowymi i podmiotami prowadzącymi działalność \
pożytku publicznego na rok Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie \
(Dz. U. z 2016 r. poz. 239 ze zm.) stanowi, iż organy administracji publicznej współpracują z organizacjami w \
realizowaniu zadań publicznych.
"""


def test_uzasadnienie_naming_its_resolution() -> None:
    segments, _ = _split(TUREK)
    assert [(s.kind, s.number) for s in segments] == [("resolution", "XXV/220/2016")]
    justification = segments[0].justification
    assert justification is not None and justification.number == "XXV/220/2016"
    assert _first(justification.blocks).startswith("2 Uzasadnienie Uchwały Nr XXV/220/2016")
    # an uzasadnienie naming another act (here: a file holding only it) stands alone
    alone, _ = _split(TUREK[TUREK.index("2 Uzasadnienie"):])
    assert [(s.kind, s.number) for s in alone] == [("justification", "XXV/220/2016")]


CORPUS = Path(__file__).parent / "data" / "import_corpus"


def _corpus(name: str) -> list[Segment]:
    """A corpus text (its source in the ``.source.yaml`` beside it) read and cleaned as the importer does."""
    from paldocs.importer.clean import clean_lines
    from paldocs.importer.readers import read_input
    from paldocs.importer.source import blocks_from_lines

    log = ImportLog(name)
    read = read_input(CORPUS / name, log)
    blocks = blocks_from_lines(clean_lines(read.lines, log, markdown=read.markdown), markdown=read.markdown)
    return split_documents(blocks, log)


@pytest.mark.parametrize(("name", "expected"), [
    # gminakrzykosy.pl: a session page with two acts, each under its listing title
    ("b-krzykosy-2015-dwie-uchwaly.txt", [("resolution", "XI/69/2015"), ("resolution", "XI/68/2015")]),
    # 9lib.org: a Kraków order ("ZARZĄDZENIE Nr") and the draft resolution it sends to the council ("druk nr")
    ("b-krakow-2021-tekst-jednolity-projekt.txt", [("resolution", None), ("resolution", None)]),
    # Krzykosy 2020: the page's title "Uzasadnienie" above "Uzasadnienie / DO UCHWAŁY NR XXI/201/2020"
    ("b-krzykosy-2020-uzasadnienie.txt", [("justification", "XXI/201/2020")]),
    # docplayer: "Załącznik" / "do Uchwały XII/168/15" (no "Nr") above the program
    ("b-czerwionka-leszczyny-2015-program.txt", [("annex", "XII/168/15")]),
    # docplayer: a GOPS report published as the annex of its resolution
    ("b-jerzmanowice-przeginia-2015-sprawozdanie-gops.txt", [("report", "VIII/50/2015")]),
    # docplayer: "Nowy Sącz, 15 maja 2018 r. KAN-NGO Sprawozdanie z realizacji …" on the first line
    ("b-nowy-sacz-2018-sprawozdanie.txt", [("report", None)]),
    # 9lib.org: "SPRAWOZDANIE" / "z działalności" / "Gminnego Ośrodka Pomocy Społecznej …" on separate lines
    ("b-szczecinek-2021-sprawozdanie-gops.txt", [("report", None)]),
])
def test_corpus_texts_split_into_their_acts(name: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(s.kind, s.number) for s in _corpus(name)] == expected
