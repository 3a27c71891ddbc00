"""The cleaners' repairs on real published texts: one-line text split at its structure, lost § signs restored,
paragraph breaks, hard-wrapped lines, letter-spaced and run-together words, flattened superscripts and the typos
of "z późn. zm.". Sources: tests/data/examples/README.md, tests/data/import_clean/README.md and the addresses in
the comments."""

from __future__ import annotations

from pathlib import Path

from paldocs.importer.clean import clean_lines
from paldocs.importer.clean.layout import HYPHEN, RESTORED
from paldocs.importer.clean.repairs import GLUED, SPACED, SUPERSCRIPT, TYPO
from paldocs.importer.clean.split import SPLIT
from paldocs.importer.lines import lines_from_text
from paldocs.importer.log import ImportLog
from paldocs.importer.source import blocks_from_lines

EXAMPLES = Path(__file__).parent / "data" / "examples"
DATA = Path(__file__).parent / "data" / "import_clean"


def clean(text: str, *, markdown: bool = False) -> tuple[list[str], ImportLog]:
    log = ImportLog("test")
    return [line.text for line in clean_lines(lines_from_text(text), log, markdown=markdown)], log


def changes(log: ImportLog, why: str) -> list[tuple[str, str]]:
    return [(entry.text, entry.after) for entry in log.of_kind("changed") if entry.what.startswith(why)]


# --- one-line text ----------------------------------------------------------------------------------------------


def test_a_whole_resolution_on_one_line_is_split_at_its_structure() -> None:
    # http://docplayer.pl/122628058-… (Szydłowo): the transcript lost the line breaks and the § signs
    lines, log = clean((EXAMPLES / "szydlowo-2011-X-87-11.txt").read_text(encoding="utf-8"))
    assert lines[:4] == ["UCHWAŁA NR X/87/11", "RADY GMINY SZYDŁOWO", "z dnia 9 listopada 2011 r.",
                         "w sprawie przyjęcia Programu Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz "
                         "podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o "
                         "wolontariacie na 2012 rok."]
    assert lines[5].startswith("Na podstawie art. 7 ust. 1 pkt. 19") and lines[5].endswith("uchwala, co następuje:")
    assert [line for line in lines if line.startswith("§")] == [
        "§ 1. Uchwala się Program Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz podmiotami "
        "wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na 2012 rok, który "
        "stanowi załącznik do niniejszej uchwały.",
        "§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Szydłowo.",
        "§ 3. Uchwała wchodzi w życie z dniem podjęcia."]
    assert "Przewodniczący Rady Gminy Mirosław Pierko" in lines
    annex = lines.index("Załącznik do Uchwały Nr X/87/11")
    assert lines[annex + 1:annex + 3] == ["Rady Gminy Szydłowo", "z dnia 9 listopada 2011 r."]
    assert lines[annex + 3].startswith("Program Współpracy Gminy Szydłowo")
    assert [entry.what for entry in log.of_kind("recognised")].count(SPLIT) == 3
    assert changes(log, RESTORED) == [("1.", "§ 1."), ("2.", "§ 2."), ("3.", "§ 3.")]


def test_each_unit_opens_a_block() -> None:
    log = ImportLog("test")
    text = (EXAMPLES / "szydlowo-2011-X-87-11.txt").read_text(encoding="utf-8")
    blocks = blocks_from_lines(clean_lines(lines_from_text(text), log, markdown=False), markdown=False)
    firsts = [block.lines[0] for block in blocks]
    assert firsts[:7] == ["UCHWAŁA NR X/87/11", firsts[1], "§ 1. Uchwala się Program Współpracy Gminy Szydłowo z "
                          "organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności "
                          "pożytku publicznego i o wolontariacie na 2012 rok, który stanowi załącznik do niniejszej "
                          "uchwały.", "§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Szydłowo.",
                          "§ 3. Uchwała wchodzi w życie z dniem podjęcia.", "Przewodniczący Rady Gminy Mirosław Pierko",
                          "Uzasadnienie"]
    assert firsts[1].startswith("Na podstawie")
    assert firsts[-1] == "Załącznik do Uchwały Nr X/87/11"


def test_title_blocks_with_a_blank_or_abbreviated_date() -> None:
    # http://docplayer.pl/5521058-… (Jasło: a draft's "z dnia r."); https://bip.piekary.pl/?p=print&t=a&id=6965
    # ("Uchwala" without its ł, "z dn.")
    lines, _ = clean("1 Załącznik do Uchwały Nr VIII/51/2011 Rady Miejskiej Jasła z dnia r. MIEJSKI PROGRAM "
                     "PRZECIWDZIAŁANIA PRZEMOCY W RODZINIE I OCHRONY OFIAR PRZEMOCY W RODZINIE DLA MIASTA JASŁA NA LATA "
                     "Jasło,\n\nUchwala Nr XXII/230/08 z dn. 24.04.2008 r. w sprawie zasad i trybu przeprowadzania "
                     "konsultacji z mieszkancami Miasta Piekary Slaskie.\n")
    assert lines[:4] == ["Załącznik do Uchwały Nr VIII/51/2011", "Rady Miejskiej Jasła", "z dnia r.",
                         "MIEJSKI PROGRAM PRZECIWDZIAŁANIA PRZEMOCY W RODZINIE I OCHRONY OFIAR PRZEMOCY W RODZINIE DLA "
                         "MIASTA JASŁA NA LATA Jasło,"]
    assert lines[5:8] == ["Uchwala Nr XXII/230/08", "z dn. 24.04.2008 r.",
                          "w sprawie zasad i trybu przeprowadzania konsultacji z mieszkancami Miasta Piekary Slaskie."]


def test_lowercase_legal_basis_of_a_one_line_act() -> None:
    # https://docplayer.pl/18230713-… (Sadowne): no date line, "… sportowych na podstawie art. 40 …"
    lines, log = clean((EXAMPLES / "sadowne-2014-XXXV-225-2014.txt").read_text(encoding="utf-8"))
    assert lines[:4] == ["UCHWAŁA NR XXXV/225/2014", "RADY GMINY SADOWNE",
                         "w sprawie uchwalenia regulaminów korzystania z gminnych obiektów sportowych", ""]
    assert lines[4].startswith("na podstawie art. 40 ust.2 pkt 4 ustawy z dnia 8 marca 1990 r.")
    paragraphs = [line for line in lines if line.startswith("§")]
    assert [line[:4] for line in paragraphs] == ["§ 1.", "§ 2.", "§ 3.", "§ 4."]
    # "o których mowa w 1" (a reference that lost its §) is not a paragraf of its own
    assert paragraphs[1].startswith("§ 2. Regulaminy, o których mowa w 1 podlegają")


def test_last_paragraph_number_printed_after_its_text() -> None:
    lines, log = clean((DATA / "zywiec-docplayer.txt").read_text(encoding="utf-8"))
    assert "§ 3. Wykonanie uchwały powierza się Burmistrzowi Miasta." in lines
    assert "§ 4. Uchwała wchodzi w życie z dniem podjęcia." in lines
    assert changes(log, RESTORED)[0] == ("4.", "§ 4.")
    assert "numer stał po tekście paragrafu" in log.of_kind("changed")[0].what


def test_paragraph_signs_are_not_guessed_when_the_act_has_them() -> None:
    lines, log = clean((DATA / "tarnow-doczz.txt").read_text(encoding="utf-8"))
    assert changes(log, RESTORED) == []
    assert "ROZDZIAŁ I POSTANOWIENIA OGÓLNE" in lines
    assert lines[lines.index("ROZDZIAŁ I POSTANOWIENIA OGÓLNE") + 2].startswith("§2. Przepisy niniejszego Regulaminu")


# --- paragraph breaks and hard wraps ----------------------------------------------------------------------------


def test_paragraph_number_alone_keeps_its_text() -> None:
    # http://bip.msciwojow.pl/?a=9722: "§ 1." on its own line, a blank line, then its text
    text = ("Uchwała Nr I.2.2018\nRady Gminy Mściwojów\n\nz dnia 22 listopada 2018 r.\n\n"
            "§ 1. \n\nUstala się liczbę 2wiceprzewodniczących Rady Gminy Mściwojów.\n\n§ 2. \n\n"
            "Uchwała wchodzi w życie z dniem podjęcia.\n")
    lines, _ = clean(text)
    first = lines.index("§ 1.")
    assert lines[first + 1] == "Ustala się liczbę 2wiceprzewodniczących Rady Gminy Mściwojów."
    second = lines.index("§ 2.")
    assert lines[second + 1] == "Uchwała wchodzi w życie z dniem podjęcia."
    assert lines[second - 1] == ""


def test_signature_and_annex_open_blocks() -> None:
    lines, _ = clean((DATA / "wreczyca-infor.txt").read_text(encoding="utf-8"))
    signature = lines.index("Przewodniczący Rady Gminy")
    assert lines[signature - 1] == ""
    annex = lines.index("Załącznik do Uchwały Nr IX/88/15")
    assert lines[annex - 1] == "" and lines[annex + 1] == "Rady Gminy Wręczyca Wielka"


def test_hyphenated_line_end_is_rejoined() -> None:
    # the Szemud print (tests/data/import_clean/szemud-doczz.txt) as a PDF reader gives it when the typesetter
    # hyphenated "modernizacji" at the end of the line
    text = ("w sprawie określenia szczegółowych zasad udzielania dofinansowania zadań dotyczących moder-\n"
            "nizacji źródeł ciepła na terenie Gminy Szemud w ramach konkursu pn. „Czyste powietrze Pomorza”\n")
    lines, log = clean(text)
    assert lines[0].endswith("zadań dotyczących modernizacji")
    assert lines[1].startswith("źródeł ciepła na terenie Gminy Szemud")
    assert changes(log, HYPHEN) == [("moder- nizacji", "modernizacji")]


def test_list_items_after_a_colon_stay_apart() -> None:
    # https://www.infor.pl/akt-prawny/U85.2015.204.0006457,… (Wręczyca Wielka): "§ 2. Ilekroć … jest mowa o:"
    text = ("§ 2. Ilekroć w niniejszym Regulaminie jest mowa o:\n\n1. Ustawie - rozumie się przez to ustawę z 13 "
            "września 1996 r. o utrzymaniu czystości i porządku w gminach (Dz. U. z 2013 r. poz. 1399 ze zm.);\n\n"
            "2. Właścicielu - należy przez to rozumieć także współwłaścicieli\n")
    lines, _ = clean(text)
    assert lines[1] == "" and lines[3] == ""


# --- words ------------------------------------------------------------------------------------------------------


def test_letter_spaced_header_word() -> None:
    # https://bip.ugbobrowniki.pl/… (tests/data/examples/bobrowniki-2004-XI-60-2004.txt)
    lines, log = clean((EXAMPLES / "bobrowniki-2004-XI-60-2004.txt").read_text(encoding="utf-8"))
    assert lines[0] == "UCHWAŁA Nr XI/60/2004"
    assert changes(log, SPACED) == [("U C H W A Ł A", "UCHWAŁA")]


def test_title_block_run_together() -> None:
    lines, log = clean((DATA / "bialeblota-bip.txt").read_text(encoding="utf-8"))
    assert lines[:4] == ["Uchwała nr XXXVIII/454/2006", "Rady Gminy Białe Błota", "z dnia 30 marca 2006",
                         "w sprawie przyjęcia Regulaminu utrzymania czystości i porządku na terenie gminy Białe Błota"]
    assert changes(log, GLUED) == [("XXXVIII/454/2006Rady Gminy Białe Błotaz dnia 30 marca 2006w",
                                    "XXXVIII/454/2006 Rady Gminy Białe Błota z dnia 30 marca 2006 w")]


def test_known_words_run_together_in_the_text() -> None:
    # infor.pl (Frombork, tests/data/examples): "WojewództwaWarmińsko"; bip.mrocza.pl: "okręgi wyborczeNa podstawie"
    lines, log = clean("§ 4. Uchwała wchodzi w życie po upływie 14 dni od dnia jej ogłoszenia w Dzienniku Urzędowym "
                       "WojewództwaWarmińsko - Mazurskiego.\n\nw sprawie podziału Gminy Mrocza na okręgi wyborczeNa "
                       "podstawie art. 419 § 2 i 3 ustawy z dnia 5 stycznia 2011 r. – Kodeks wyborczy\n")
    assert lines[0].endswith("w Dzienniku Urzędowym Województwa Warmińsko - Mazurskiego.")
    assert "w sprawie podziału Gminy Mrocza na okręgi wyborcze" in lines
    assert changes(log, GLUED) == [("WojewództwaWarmińsko", "Województwa Warmińsko"),
                                   ("wyborczeNa", "wyborcze Na")]


def test_a_year_glued_to_r_is_left_for_the_checks() -> None:
    lines, log = clean("z dnia 27 listopada 2015r.\n")  # infor.pl, Wręczyca Wielka
    assert lines[0] == "z dnia 27 listopada 2015r." and changes(log, GLUED) == []


def test_flattened_superscript_in_a_provision_reference() -> None:
    # http://gminakrzykosy.pl/…/uchwala-nr-xxi/201/2020-uzasadnienie.html
    lines, log = clean("Art. 4 1 ust. 1 i 2 ustawy z dnia 26 października 1982 r. o wychowaniu w trzeźwości i "
                       "przeciwdziałaniu alkoholizmowi\n")
    assert lines[0].startswith("Art. 4¹ ust. 1 i 2 ustawy z dnia 26 października 1982 r.")
    assert changes(log, SUPERSCRIPT) == [("4 1", "4¹")]
    assert "(zgadnięte — sprawdź)" in log.of_kind("changed")[0].what


def test_numbers_that_are_not_superscripts_stay() -> None:
    # the Piątnica resolution (docplayer 129551596): "art. 18 ust. 2 pkt 15", "art. 5a ust. 1"
    text = (DATA / "piatnica-docplayer.txt").read_text(encoding="utf-8")
    _, log = clean(text)
    assert changes(log, SUPERSCRIPT) == []


def test_later_amendments_typos() -> None:
    # docplayer 60572986 (Wrocław): "poz. 594 z późń. zm.", "poz. 483 z późń zm."; bip.baranow.pl: "z póżn. zm."
    lines, log = clean("(Dz. U. z 2013 r., poz. 594 z późń. zm.)\n(Dz. U. z 1997 r. Nr 78, poz. 483 z późń zm.)\n"
                       "(Dz. U. 2016r.  poz. 446 z póżn. zm.)\n")
    assert lines[:3] == ["(Dz. U. z 2013 r., poz. 594 z późn. zm.)", "(Dz. U. z 1997 r. Nr 78, poz. 483 z późn zm.)",
                     "(Dz. U. 2016r. poz. 446 z późn. zm.)"]
    assert changes(log, TYPO) == [("późń.", "późn."), ("późń", "późn"), ("póżn.", "późn.")]


def test_markdown_input_keeps_its_paragraph_layout() -> None:
    # a DOCX's paragraphs as Markdown (tests/data/examples/leszno-2007-XIV-137-2007.txt's header, letter-spaced)
    lines, log = clean("**U C H W A Ł A nr XIV/ 137 /2007**\n\n**§ 1**\n\nPrzyjmuje się Program.\n", markdown=True)
    assert lines[0] == "**UCHWAŁA nr XIV/ 137 /2007**"
    assert lines[1:4] == ["", "**§ 1**", ""]  # "§ 1" stays its own paragraph: the heading layout


def test_footnote_after_the_signature_is_its_own_block() -> None:
    # the signature of the Wręczyca Wielka print (infor.pl U85.2015.204.0006457) followed by a footnote in the
    # Dziennik's standard wording for a uniform text's later changes (its addresses left out here)
    text = ("§ 4. Uchwała wchodzi w życie po upływie 14 dni od dnia jej ogłoszenia w Dzienniku Urzędowym Województwa "
            "Śląskiego, z mocą obowiązującą od 1 stycznia 2016 r.\n\nPrzewodniczący Rady Gminy\nMarek Prubant\n"
            "1) Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. …\n")
    lines, _ = clean(text)
    footnote = next(i for i, line in enumerate(lines) if line.startswith("1) Zmiany tekstu jednolitego"))
    assert lines[footnote - 1] == "" and lines[footnote - 2] == "Marek Prubant"
