"""Each tolerant recogniser of the resolution importer on verbatim excerpts of real published resolutions.

Sources (normative acts and official documents, excluded from copyright by art. 4 pkt 1 and 2 of the Polish
copyright act): each excerpt names its address. The import must never fail on them, the data must build, and
what paldocs prints in other words than the original must be in the log (dropped or changed).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from paldocs.api import to_document
from paldocs.importer.api import ImportResult, import_document
from paldocs.importer.emit import format_yaml
from paldocs.importer.header import read_header
from paldocs.importer.legal_basis import read_legal_basis
from paldocs.importer.log import ImportLog
from paldocs.importer.rows import Row
from paldocs.importer.wording import words
from paldocs.writers.text import to_text
from test_import_tolerant import unaccounted as lost_words  # input words neither built, dropped nor changed


def imported(text: str, tmp_path: Path) -> tuple[ImportResult, str]:
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    result = import_document(source)
    output = tmp_path / "draft.yaml"
    format_yaml(result, output)
    return result, to_text(to_document(output)[0]).replace("\u00a0", " ")  # paldocs' non-breaking spaces


def rows(*lines: str) -> list[Row]:
    return [Row(line, line, number, opens_block=True) for number, line in enumerate(lines, 1)]


# --- title block ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "number", "date", "draft"), [
    # https://bip.ugbobrowniki.pl/… Uchwała Nr XI/60/2004 Rady Gminy Bobrowniki (letter-spaced title, "06 … roku")
    (["U C H W A Ł A Nr XI/60/2004", "Rady Gminy Bobrowniki", "z dnia 06 kwietnia 2004 roku"],
     {"session": "XI", "number": 60, "year": 2004}, dt.date(2004, 4, 6), False),
    # http://archiwum.bip.leszno.pl/dokument/2211 (spaces inside the number, council and date on one line)
    (["U C H W A Ł A nr XIV/ 137 /2007", "Rady Miejskiej Leszna z dnia 04 października 2007 roku"],
     {"session": "XIV", "number": 137, "year": 2007}, dt.date(2007, 10, 4), False),
    # Uchwała nr 107/XII/11 Rady Gminy Wysokie Mazowieckie (number/session/year)
    (["Uchwała nr 107/XII/11 Rady Gminy Wysokie Mazowieckie", "z dnia 14 listopada 2011r."],
     {"session": "XII", "number": 107, "year": 2011}, dt.date(2011, 11, 14), False),
    # http://bip.msciwojow.pl/?a=9722 — Uchwała Nr I.2.2018 Rady Gminy Mściwojów (parts separated by dots)
    (["Uchwała Nr I.2.2018", "Rady Gminy Mściwojów", "z dnia 22 listopada 2018 r."],
     {"session": "I", "number": 2, "year": 2018}, dt.date(2018, 11, 22), False),
    # Projekt uchwały Rady Gminy Michałowice (2013): draft mark, placeholders for the number and the date
    (["Projekt", "Uchwała …../....... /2013", "Rady Gminy MICHAŁOWICE", "z dnia ……….."], None, None, True),
])
def test_title_block_variants(lines: list[str], number: dict | None, date: dt.date | None, draft: bool) -> None:
    log = ImportLog("x")
    header, rest = read_header(rows(*lines, "w sprawie diet dla radnych", "Na podstawie art. 25 ust. 4 …"), log)
    assert (header.number, header.date, header.draft) == (number, date, draft)
    assert header.subject == "w sprawie diet dla radnych"
    assert rest[0].text.startswith("Na podstawie")


def test_spaced_title_and_roku_date_are_logged_as_changed() -> None:
    log = ImportLog("x")
    read_header(rows("U C H W A Ł A Nr XI/60/2004", "Rady Gminy Bobrowniki", "z dnia 06 kwietnia 2004 roku",
                     "W sprawie : diet dla radnych.", "Na podstawie …"), log)
    changed = {(entry.text, entry.after) for entry in log.of_kind("changed")}
    # only the words paldocs prints otherwise are "changed"; the rest is printed as written
    assert changed == {("U C H W A Ł A", "UCHWAŁA"), ("06", "6"), ("roku", "r."), (":", ""), ("radnych.", "radnych")}


def test_unknown_header_line_is_dropped_with_its_words() -> None:
    # Uchwała nr II/8/2006 Rady Miejskiej w Lubieniu Kujawskim: "RM" printed where the council's name belongs
    log = ImportLog("x")
    header, _ = read_header(rows("Uchwała nr II/8/2006", "RM", "z dnia 29 listopada 2006",
                                 "w sprawie: wysokości diet dla Radnych", "Na podstawie …"), log)
    assert header.number == {"session": "II", "number": 8, "year": 2006} and header.council_genitive is None
    dropped = log.of_kind("dropped")
    assert [entry.text for entry in dropped] == ["RM"] and "nierozpoznany" in dropped[0].what


def test_year_with_a_lost_digit_is_completed_from_the_number() -> None:
    # Uchwała nr VI/76/15 Rady Miejskiej we Fromborku with the year's digit lost as PDF conversions lose it
    log = ImportLog("x")
    header, _ = read_header(rows("Uchwała nr VI/76/2015 Rady Miejskiej we Fromborku", "z dnia 16 lipca 215r.",
                                 "w sprawie uchwalenia statutu Sołectwa Baranówka"), log)
    assert header.date == dt.date(2015, 7, 16)
    guess = [entry for entry in log.of_kind("changed") if entry.text == "215"]
    assert guess and "zgadnięte — sprawdź" in guess[0].what


def test_one_line_title_block() -> None:
    # Uchwała Nr XXXV/225/2014 Rady Gminy Sadowne, as the BIP page prints it: the whole act on one line
    log = ImportLog("x")
    header, rest = read_header(rows(
        "UCHWAŁA NR XXXV/225/2014 RADY GMINY SADOWNE w sprawie uchwalenia regulaminów korzystania z gminnych "
        "obiektów sportowych na podstawie art. 40 ust.2 pkt 4 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"),
        log)
    assert header.council_genitive == "Rady Gminy Sadowne"
    assert header.subject == "w sprawie uchwalenia regulaminów korzystania z gminnych obiektów sportowych"
    assert rest[0].text.startswith("na podstawie art. 40")


# --- legal basis ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # Uchwała nr X/73/03 Rady Gminy Cewice: typo "postawie", address between slashes before the act's title
    "Na postawie art. 5a ust. 2 ustawy z dnia 8 marca 1990 r. /Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm./ "
    "o samorządzie gminnym",
    # Uchwała Nr X/48/03 Rady Gminy Poświętne: "roku", "pkt.", "j.t.", lost digits ("Nrl42")
    "Na podstawie art.3 ust.l, art.18 ust.2 pkt. 1, art.22 ustawy z dnia 8 marca 1990 roku o samorządzie gminnym "
    "/j.t.Dz.U.Nrl42, poz. 1591 z 2001 roku i z 2002 roku Nr 23, poz.220/",
    # Uchwała nr XLV/373/2018 Rady Miejskiej w Mroczy: an act the catalog does not hold (Kodeks wyborczy)
    "Na podstawie art. 419 § 2 i 3 ustawy z dnia 5 stycznia 2011 r. – Kodeks wyborczy (t.j. Dz. U. z 2017 r. poz. "
    "15 i 1089, z 2018 r. poz. 4, 130 i 138)",
])
def test_legal_basis_never_refused_and_typed_verbatim(text: str) -> None:
    basis = read_legal_basis(text, None, 1, ImportLog("x"))
    assert basis.entries and all("text" in entry for entry in basis.entries)
    printed = " ".join(entry["text"] for entry in basis.entries)
    assert words(printed) == words(text.split(" ", 2)[2])  # all but "Na podstawie"


def test_legal_basis_acts_split_with_their_join_word() -> None:
    # Uchwała nr XIII/41/2016 Rady Gminy Rogowo: two acts joined by "w związku z"
    text = ("Na podstawie art.18 ust.2 pkt.15 ustawy z dnia 8 marca 1990r. o samorządzie gminnym (Dz.U. z 2016r. poz. "
            "446 j.t. ) w związku z art.17 ust.2 pkt 4 i art.110 ust.10 ustawy z dnia 12 marca 2004r. o pomocy "
            "społecznej ( Dz.U. z 2016, poz. 930)")
    basis = read_legal_basis(text, None, 1, ImportLog("x"))
    assert [entry.get("join") for entry in basis.entries] == [None, "w związku z"]


def test_legal_basis_structured_only_when_printed_with_the_same_words() -> None:
    # Projekt uchwały Rady Gminy Michałowice (2013): the catalog prints this citation with the original's words
    text = ("Na podstawie art. 18 ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2013 r. "
            "pozycja 594 z późniejszymi zmianami)")
    basis = read_legal_basis(text, None, 1, ImportLog("x"))
    assert basis.entries == [{"act": "samorzad-gminny", "provision": "art. 18 ust. 1",
                              "address": "Dz. U. z 2013 r. pozycja 594 z późniejszymi zmianami"}]


# --- whole acts: amending, closing, signature, justification, footnotes ----------------------------------------

# https://oi.uwoj.wroc.pl/dzienniki/Dzienniki2004/094/1668.html — Dziennik print, no number in the title, "§ 1"
# above the text, a quoted amendment starting with "2.", signature in capitals
POLKOWICE = """UCHWAŁA RADY MIEJSKIEJ W POLKOWICACH

z dnia 22 kwietnia 2004 r.

w sprawie zmiany uchwały w sprawie zasad i trybu przeprowadzenia
konsultacji z mieszkańcami Gminy Polkowice

Na podstawie art. 5a ust. 2 i art. 18 ust. 2 pkt 15 ustawy z dnia
8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2001 r. Nr 142,
poz. 1591; z 2002 r. Nr 23, poz. 220, Nr 62, poz. 558, Nr 113, poz. 984, Nr 153, poz. 1271 i Nr 214, poz. 1806; z 2003 r. Nr 80, poz. 717
i Nr 162,poz. 1568) Rada Miejska w Polkowicach uchwala, co następuje:

§ 1

W uchwale nr XXXII/370/02 Rady Miejskiej w Polkowicach z dnia 26 lutego 2002 r. w sprawie zasad i trybu przeprowadzenia konsultacji z mieszkańcami Gminy Polkowice wprowadza się następujące zmiany:

1) dotychczasową treść § 4 oznacza się jako ust. 1 oraz skreśla się występujące po słowach: “przeprowadzeniu konsultacji” słowo: “każdorazowo”;

2) w § 4 dodaje się ust. 2 w brzmieniu:

“2. W wypadkach, gdy kompetencja do dokonania czynności o której mowa w ust. 1 nie jest zastrzeżona na rzecz organu stanowiącego o przeprowadzeniu konsultacji decyduje Burmistrz Polkowic stosując odpowiednio przepisy niniejszej uchwały”.

§ 2

Wykonanie uchwały powierza się Burmistrzowi Polkowic.

§ 3

Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Dolnośląskiego.

PRZEWODNICZĄCY RADY

IRENEUSZ TRACZYK
"""


def test_amending_resolution_keeps_its_changes_in_one_provision(tmp_path: Path) -> None:
    result, built = imported(POLKOWICE, tmp_path)
    resolution = result.data["resolution"]
    assert resolution["kind"] == "generic" and len(resolution["provisions"]) == 1
    assert "“2. W wypadkach" in resolution["provisions"][0]
    assert resolution["closing"]["order"] == ["executor", "entry-into-force"]
    assert result.data["municipality"]["voivodeship"] == "dolnośląskie"
    assert resolution["signatory"]["name"] == "IRENEUSZ TRACZYK"
    assert any("uchwała zmieniająca" in entry.what for entry in result.log.of_kind("recognised"))
    assert [line for line in built.splitlines() if line.startswith("§")] == ["§ 1", "§ 2", "§ 3"]
    assert lost_words(result, built) == Counter()


# https://www.infor.pl/akt-prawny/U76.2011.164.0001390,… — Uchwała nr VIII/58/11 Rady Gminy Gostycyn: a punkt
# opening with "§ 16 ust. 4 otrzymuje brzmienie:", "Rada Gminy" / "uchwala" on two lines, an uzasadnienie
GOSTYCYN = """Uchwała nr VIII/58/11 Rady Gminy Gostycyn

z dnia 29 czerwca 2011r.

zmieniająca uchwałę w sprawie przyjęcia Statutów Sołectw

Na podstawie art. 18 ust. 2 pkt 7, art. 40 ust. 2 pkt 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.)

Rada Gminy
uchwala, co następuje:

§ 1. W załączniku nr 4 Uchwały Nr V/27/03 Rady Gminy Gostycyn z dnia 1 lutego 2003 r. w sprawie przyjęcia statutów sołectw (Dz. Urz. Województwa Kujawsko-Pomorskiego Nr 32, poz. 583 z 28 kwietnia 2003 r.) zmienionej Uchwałą Nr XXVIII/157/08 Rady Gminy Gostycyn z dnia 18 grudnia 2008 r. (Dz. Urz. Województwa Kujawsko-Pomorskiego Nr 16, poz. 328 z dnia 24 lutego 2009 r.), wprowadza się następującą zmianę:

1) § 16 ust. 4 otrzymuje brzmienie:

"4. Rada sołecka składa się od 4 do 8 osób".

§ 2. Wykonanie uchwały powierza się Wójtowi Gminy.

§ 3. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Kujawsko-Pomorskiego.


Uzasadnienie

Zgodnie z załącznikiem nr 4 Uchwały Nr V/27/03 Rady Gminy Gostycyn z dnia 1 lutego 2003 r. w sprawie przyjęcia statutów sołectw, Rada Sołecka Małej Kloni składa się z 4 osób.
"""


def test_paragraph_sign_inside_a_provision_is_escaped_not_renumbered(tmp_path: Path) -> None:
    result, built = imported(GOSTYCYN, tmp_path)
    resolution = result.data["resolution"]
    assert "1) \\§ 16 ust. 4 otrzymuje brzmienie:" in resolution["provisions"][0]
    assert "§ 16 ust. 4 otrzymuje brzmienie:" in built and "§ 4." not in built
    assert resolution["justification"].startswith("Zgodnie z załącznikiem nr 4")
    assert result.data["municipality"]["council"]["nominative"] == "Rada Gminy"  # the formula as written
    assert lost_words(result, built) == Counter()


# http://gminakrzykosy.pl/krzykosy/bip/prawo/uchwaly-rady/kadencja-2014-2018/xi-sesja-29.x.2015-r.html —
# repeal and entry into force with "roku" (kept verbatim: paldocs would print "r."), signature with a colon
KRZYKOSY = """UCHWAŁA NR XI/69/2015

RADY GMINY KRZYKOSY

z dnia 29 października 2015 r.

w sprawie ustalenia wysokości ekwiwalentu pieniężnego dla członków Ochotniczych Straży Pożarnych w Gminie Krzykosy.

Na podstawie art. 18, ust. 2 pkt 15 ustawy z dnia 8 marca 1990 roku o samorządzie gminnym (tekst jednolity Dz. U. z 2015 roku, poz. 1515) i  art. 28 ust. 1 i 2 ustawy z dnia 24 sierpnia 1991 roku o ochronie przeciwpożarowej (Dz. U. z 2009 roku Nr 178, poz.1380 ze zmianami) - Rada  Gminy Krzykosy uchwala, co następuje :

§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Krzykosy.

§ 3. Traci moc uchwała Nr XXV/140/2008 Rady Gminy Krzykosy z dnia 16 grudnia 2008 roku w sprawie wysokości ekwiwalentu dla członków ochotniczej straży pożarnej Gminy Krzykosy.

§ 4. Uchwała podlega ogłoszeniu w Dzienniku Urzędowym Województwa Wielkopolskiego i wchodzi w życie z dniem 1 stycznia 2016 roku.

Przewodniczący Rady Gminy: Wiesław Zając
"""


def test_closing_kept_verbatim_when_paldocs_would_print_other_words(tmp_path: Path) -> None:
    result, built = imported(KRZYKOSY, tmp_path)
    resolution = result.data["resolution"]
    assert resolution["closing"] == {"order": []}
    assert resolution["provisions"][-1].endswith("z dniem 1 stycznia 2016 roku.")
    assert resolution["signatory"]["name"] == "Wiesław Zając"
    assert resolution["signature_organ"] == "type"
    assert lost_words(result, built) == Counter()
    assert any(entry.text == "§ 2." and entry.after == "§ 1." for entry in result.log.of_kind("changed"))


# Uchwała nr X/73/03 Rady Gminy Cewice (tests/data/examples): executor and entry into force as paldocs prints them
def test_closing_data_when_paldocs_prints_the_same_words(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "data" / "examples" / "cewice-2003-X-73-03.txt").read_text(encoding="utf-8")
    result, built = imported(text, tmp_path)
    resolution = result.data["resolution"]
    assert resolution["closing"] == {"order": ["executor", "entry-into-force"], "executor": "Wójtowi Gminy",
                                     "entry_into_force": {"form": "z-dniem-podjecia"}}
    assert len(resolution["provisions"]) == 2
    assert lost_words(result, built) == Counter()


# Footnotes as Dziennik Ustaw prints them (https://eli.gov.pl/api/acts/DU/2009/609/text.html: the marker "1)" on
# its own line, the text below) after the signature of Uchwała nr X/73/03 Rady Gminy Cewice
def test_footnotes_after_the_signature_print_below_it(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "data" / "examples" / "cewice-2003-X-73-03.txt").read_text(encoding="utf-8")
    text += ("\n1)\nZmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. z 2007 r.\n"
             "Nr 17, poz. 95, Nr 21, poz. 125\n")
    result, built = imported(text, tmp_path)
    footnotes = result.data["resolution"]["footnotes"]
    assert len(footnotes) == 1 and footnotes[0].startswith("1\\)\nZmiany tekstu jednolitego")
    assert built.rstrip().endswith("Nr 17, poz. 95, Nr 21, poz. 125")
    assert built.index("Stanisław Pałubicki") < built.index("Zmiany tekstu jednolitego")
    assert lost_words(result, built) == Counter()


def test_justification_header_is_dropped_with_its_words(tmp_path: Path) -> None:
    # http://gminakrzykosy.pl/…/uchwala-nr-xxi/201/2020-uzasadnienie.html: the uzasadnienie's own header
    text = KRZYKOSY + ("\nUzasadnienie\nDO UCHWAŁY NR XXI/201/2020\nRADY GMINY KRZYKOSY\nZ DNIA 16 GRUDNIA 2020 R.\n\n"
                       "Zgodnie z art. 10 ustawy z dnia 29 lipca 2005 roku o przeciwdziałania narkomanii, "
                       "przeciwdziałanie narkomanii należy do zadań własnych gminy.\n")
    result, built = imported(text, tmp_path)
    assert result.data["resolution"]["justification"].startswith("Zgodnie z art. 10")
    header = [entry for entry in result.log.of_kind("dropped") if "nagłówek uzasadnienia" in entry.what]
    assert header and header[0].text.startswith("DO UCHWAŁY NR XXI/201/2020")
    assert lost_words(result, built) == Counter()


def test_draft_builds_with_blanks_and_the_mark(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "data" / "examples" / "michalowice-2013-projekt.txt").read_text(encoding="utf-8")
    result, built = imported(text, tmp_path)
    assert result.data["resolution"]["status"] == "projekt"
    assert built.startswith("Projekt") and "UCHWAŁA NR …" in built
    assert lost_words(result, built) == Counter()


def test_no_council_named_gives_a_placeholder_profile_that_builds(tmp_path: Path) -> None:
    # the body of Uchwała nr X/73/03 Rady Gminy Cewice without its title block and signature
    text = "§ 1.\n\nPrzeprowadzić konsultacje z mieszkańcami Osiedla „Na Skarpie” w Siemirowicach.\n"
    result, built = imported(text, tmp_path)
    assert result.data["municipality"]["council"]["genitive"] == "Rady Gminy …"
    assert any("zgadnięte — sprawdź" in entry.what and "profil zastępczy" in entry.what
               for entry in result.log.entries)
    assert "Przeprowadzić konsultacje" in built


def test_council_named_by_the_signature_when_the_header_does_not(tmp_path: Path) -> None:
    # Uchwała nr II/8/2006 (Lubień Kujawski) prints "RM" for the council; here signed as the Dziennik prints it
    text = (Path(__file__).parent / "data" / "examples" / "lubien-kujawski-2006-II-8-2006.txt").read_text(
        encoding="utf-8") + "\nPrzewodniczący Rady Miejskiej w Lubieniu Kujawskim\nJan Nowak\n"
    result, built = imported(text, tmp_path)
    assert result.data["municipality"]["council"]["genitive"] == "Rady Miejskiej w Lubieniu Kujawskim"
    assert lost_words(result, built) == Counter()


def test_paragraph_number_glued_to_its_first_ustep() -> None:
    # https://bip.zlotow.pl/?a=864 — Uchwała Nr XXIV/119/08 Rady Miejskiej w Złotowie: "§ 1.1." opens § 1 ust. 1
    from paldocs.importer.body import log_numbering, split_provisions

    log = ImportLog("x")
    provisions = split_provisions(rows(
        "§ 1.1. Uchwala się miejscowy plan zagospodarowania przestrzennego miasta Złotowa, terenów położonych "
        "w rejonie ul. Kujańskiej, zwany dalej planem.",
        "2. Granica opracowania - uchwalenia planu określona została na rysunku planu."), log, markdown=False)
    assert len(provisions) == 1 and provisions[0].text.startswith("1. Uchwala się miejscowy plan")
    log_numbering(provisions, False, log)
    assert [(entry.text, entry.after) for entry in log.of_kind("changed")] == [("§ 1.1.", "§ 1. 1.")]


def test_a_second_program_annex_is_kept_as_text_after_the_first(tmp_path: Path) -> None:
    """Only the first annex can be the program (printed as Załącznik Nr 1); a second annex that reads like a
    program is kept as its text, in its place, without losing a word. The resolution is the real Piątnica 2016
    text (tests/data/import_corpus/piatnica-2016-124-XXII-2016.txt, docplayer.pl/129551596); both annexes are
    the program of the import case tests/import_cases/prose_only.txt under the Piątnica annex headers."""
    from paldocs.importer.accounting import account_documents
    from paldocs.importer.api import import_documents

    tests = Path(__file__).parent
    resolution = (tests / "data" / "import_corpus" / "piatnica-2016-124-XXII-2016.txt").read_text(
        encoding="utf-8").split("\n2 Załącznik")[0]
    body = (tests / "import_cases" / "prose_only.txt").read_text(encoding="utf-8")
    header = "Załącznik Nr {n} do Uchwały Nr 124/XXII/2016\nRady Gminy Piątnica\nz dnia 30 listopada 2016 r.\n\n"
    source = tmp_path / "two-annexes.txt"
    source.write_text(f"{resolution}\n\n{header.format(n=1)}{body}\n\n{header.format(n=2)}{body}\n", encoding="utf-8")
    results = import_documents(source)
    assert len(results) == 1
    data = results[0].data
    assert data["program"]["title"].startswith("Program Aktywności Lokalnej Gminy Rypin")
    assert len(data["annexes"]) == 1 and "Gmina Rypin realizuje program od 2008 roku." in data["annexes"][0]["content"]
    account = account_documents(results[0].original, [(data, results[0].log)], base=tmp_path)
    assert account.unaccounted == ()
