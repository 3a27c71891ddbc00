"""The import readers on real texts: encodings, mojibake, PDF text layers with running headers, saved BIP pages.

Every text here is a verbatim excerpt of a published resolution (source address beside it); the PDFs are
made from such excerpts with WeasyPrint, running headers and page numbers set in CSS page margins the way
Dziennik Urzędowy prints and Word footers put them.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pypdf
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog
from paldocs.importer.readers import read_input
from paldocs.importer.readers.mojibake import REPAIRED, repair_mojibake

DATA = Path(__file__).parent / "data" / "import_readers"

# https://www.infor.pl/akt-prawny/U77.2013.050.0001486,uchwala-nr-107xx12-rady-gminy-rutki-w-sprawie-regulaminu-utrzymania-czystosci-i-porzadku-na-terenie-gminy-rutki.html
RUTKI = [
    "Uchwała nr 107/XX/12 Rady Gminy Rutki",
    "z dnia 31 grudnia 2012r.",
    "w sprawie regulaminu utrzymania czystości i porządku na terenie Gminy Rutki",
    "§ 1. Przyjmuje się regulamin utrzymania czystości i porządku na terenie Gminy Rutki zgodnie z załącznikiem do "
    "uchwały.",
    "§ 2. Wykonanie uchwały powierza się Wójtowi Gminy.",
    "§ 3. Traci moc uchwała Nr 136/XXXII/06 Rady Gminy Rutki z dnia 28 sierpnia 2006 r. w sprawie regulaminu "
    "utrzymania czystości i porządku na terenie Gminy Rutki (Dz.Urz. Województwa Podlaskiego Nr 237, poz. 2316)",
    "§ 4. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa "
    "Podlaskiego.",
    "Przewodniczący Rady",
    "Janusz Staniszewski",
]
# http://docplayer.pl/122628058-Uchwala-nr-x-87-11-rady-gminy-szydlowo-z-dnia-9-listopada-2011-r.html
SZYDLOWO = ("Uchwala się Program Współpracy Gminy Szydłowo z organizacjami pozarządowymi oraz podmiotami wymienionymi "
            "w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie na 2012 rok, zgodnie z art. 5a "
            "ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie, który "
            "nakłada na organ stanowiący jst obowiązek uchwalenia w/w dokumentu.")
# https://docplayer.pl/amp/39260225-Uchwala-nr-lxvi-478-2014-rady-miejskiej-w-zywcu-z-dnia-30-pazdziernika-2014-r.html
ZYWIEC = ("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (t. j. Dz. U. z 2013 r. "
          "poz. 594 z późn. zm.) oraz art. 5a ust. 1 i ust. 4 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku "
          "publicznego i o wolontariacie (t. j. Dz. U. z 2014 r. poz. 1118) Rada Miejska w Żywcu uchwala co następuje:")
# http://bip2-wijewo.065.pl/dokument/3753
WIJEWO = ["Wykonanie uchwały powierza się Wójtowi Gminy Wijewo.", "Uchwała wchodzi w życie z dniem podjęcia.",
          "Przewodniczący", "Rady Gminy Wijewo", "Stanisław Kasperski"]
REAL_SENTENCES = [*RUTKI, SZYDLOWO, ZYWIEC, *WIJEWO,
                  # http://doczz.pl/doc/3302606/roczny-program-wsp%C3%B3%C5%82pracy-gminy-i-miasta-czerwionka
                  "Celem głównym Rocznego Programu Współpracy, zwanego dalej „programem” jest kształtowanie",
                  "ZAŁĄCZNIK DO UCHWAŁY XII/168/15 RADY MIEJSKIEJ W CZERWIONCE-LESZCZYNACH",
                  # https://docplayer.pl/129551596-Uchwala-nr-124-xxii-2016-rady-gminy-piatnica-z-dnia-30-listopada-2016-r.html
                  "Przewodniczący Rady Krzysztof Weber Id: AD6ED1A E72-93BC-ACA0EB319AF6. Podpisany Strona 1"]


def read(path: Path) -> tuple[list[SourceLine], ImportLog, str, bool]:
    log = ImportLog(path.name)
    result = read_input(path, log)
    return result.lines, log, result.format, result.markdown


def texts(lines: list[SourceLine]) -> list[str]:
    return [line.text for line in lines if line.text]


def paragraphs(lines: list[SourceLine]) -> list[str]:
    """The lines joined between blank lines (a PDF's lines are wrapped where the page was)."""
    joined = " ".join(line.text or "¶" for line in lines).split("¶")
    return [" ".join(part.split()) for part in joined if part.strip()]


# --- text files: encodings ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("codec", "name"), [("cp1250", "Windows-1250"), ("iso-8859-2", "ISO-8859-2")])
def test_legacy_polish_encoding_is_recognised(tmp_path: Path, codec: str, name: str) -> None:
    path = tmp_path / "rutki.txt"
    path.write_bytes("\r\n".join(RUTKI).encode(codec))  # ą, ś, ź differ between the two encodings
    lines, log, fmt, markdown = read(path)
    assert texts(lines) == RUTKI and (fmt, markdown) == ("text", False)
    assert [entry.what for entry in log.of_kind("recognised")] == [f"kodowanie {name} (plik nie jest w UTF-8)"]


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_bom_decides_the_encoding(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wijewo.md"
    path.write_bytes("\n".join(WIJEWO).encode(codec))
    lines, log, fmt, markdown = read(path)
    assert texts(lines) == WIJEWO and (fmt, markdown) == ("markdown", True) and not log.entries


def test_utf8_text_with_control_characters_of_a_copy(tmp_path: Path) -> None:
    """Word's line break (\\v), pdftotext's page break (\\f) and DOS's end-of-file mark are not words."""
    path = tmp_path / "kopia.txt"
    path.write_text(f"{WIJEWO[2]}\v{WIJEWO[3]}\f{WIJEWO[4]}\x1a", encoding="utf-8")
    assert texts(read(path)[0]) == WIJEWO[2:]


# --- mojibake -----------------------------------------------------------------------------------------------------

def test_real_mojibake_of_a_saved_page() -> None:
    # https://palowice.net/artykuly/68,statut-soectwa-palowice.html shows, as stored: "nawigacja: Palowice » Statut
    # soÅ‚ectwa" and "Åšroda, 2026.01.28" (UTF-8 read as Windows-1252 and saved again)
    assert repair_mojibake("nawigacja: Palowice » Statut soÅ‚ectwa") == "nawigacja: Palowice » Statut sołectwa"
    assert repair_mojibake("Åšroda, 2026.01.28 :: Tomasza, Karola -") == "Środa, 2026.01.28 :: Tomasza, Karola -"


@pytest.mark.parametrize("codec", ["sloppy-windows-1250", "iso-8859-2", "sloppy-windows-1252"])
@pytest.mark.parametrize("sentence", REAL_SENTENCES)
def test_mojibake_of_every_central_european_form_is_repaired(codec: str, sentence: str) -> None:
    import ftfy.bad_codecs  # noqa: F401 — registers the "sloppy" codecs a browser uses for undefined bytes

    damaged = sentence.encode("utf-8").decode(codec)
    assert repair_mojibake(damaged) == sentence


@pytest.mark.parametrize(("damaged", "word"), [("Ä…", "ą"), ("Ĺ‚", "ł"), ("Ăł", "ó"), ("Ä™", "ę"), ("Ĺ›", "ś"),
                                              ("Ĺş", "ź"), ("ĹĽ", "ż"), ("Ĺź", "ż"), ("Ĺ„", "ń"), ("Ä‡", "ć"), ("Å‚", "ł"),
                                              ("Ä…", "ą"), ("Ã³", "ó")])
def test_short_signature_lines_are_repaired(damaged: str, word: str) -> None:
    """ftfy leaves a two-word line alone; the pair fallback repairs it ("WĂłjt Gminy" under a signature)."""
    assert repair_mojibake(f"W{damaged}jt Gminy") == f"W{word}jt Gminy"


@pytest.mark.parametrize("codec", ["sloppy-windows-1250", "iso-8859-2"])
def test_each_repaired_line_is_logged(tmp_path: Path, codec: str) -> None:
    """ISO-8859-2 mojibake holds C1 control characters ("Ĺ\\x82" for "ł"): repaired, not taken for binary."""
    import ftfy.bad_codecs  # noqa: F401

    path = tmp_path / "zepsuty.txt"
    lines = [WIJEWO[0].encode().decode(codec), WIJEWO[1], WIJEWO[2].encode().decode(codec)]
    path.write_text("\n".join(lines), encoding="utf-8")
    read_lines, log, _, _ = read(path)
    assert texts(read_lines) == WIJEWO[:3]
    assert [(entry.line, entry.what, entry.text, entry.after) for entry in log.of_kind("changed")] == [
        (1, REPAIRED, lines[0], WIJEWO[0]), (3, REPAIRED, lines[2], WIJEWO[2])]


WORDS = sorted({word for sentence in REAL_SENTENCES for word in sentence.split()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_correct_polish_text_is_never_repaired(words: list[str]) -> None:
    sentence = " ".join(words)
    assert repair_mojibake(sentence) == sentence


@pytest.mark.parametrize("sentence", [*REAL_SENTENCES, "Ångström", "Ä", "Ćma Ńa ŁÓDŹ"])
def test_real_sentences_are_returned_unchanged(sentence: str) -> None:
    assert repair_mojibake(sentence) is sentence


# --- PDF ------------------------------------------------------------------------------------------------------------

PAGE_CSS = """@page {{ size: A6; margin: 1.8cm 1.2cm;
  @top-center {{ content: "{header}"; font-size: 5pt }}
  @bottom-center {{ content: "Strona " counter(page) " z " counter(pages); font-size: 8pt }} }}
body {{ font: 11pt/1.3 'DejaVu Serif'; }} p {{ margin: 0 0 0.8em; break-inside: avoid }}"""


def make_pdf(paragraphs: list[str], header: str) -> bytes:
    import weasyprint

    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    style = PAGE_CSS.format(header=header)
    return weasyprint.HTML(string=f"<html><head><meta charset='utf-8'><style>{style}</style></head>"
                                  f"<body>{body}</body></html>").write_pdf()


@pytest.fixture(scope="module")
def rutki_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The header as Dziennik Urzędowy prints it: the page's number between dashes and the act's position
    path = tmp_path_factory.mktemp("pdf") / "rutki.pdf"
    path.write_bytes(make_pdf([*RUTKI, ZYWIEC, SZYDLOWO],
                              'Dziennik Urzędowy Województwa Podlaskiego – " counter(page) " – Poz. 1486'))
    return path


def test_pdf_running_headers_and_page_numbers_are_dropped_and_logged(rutki_pdf: Path) -> None:
    lines, log, fmt, markdown = read(rutki_pdf)
    assert (fmt, markdown) == ("pdf", False)
    pages = max(line.page or 0 for line in lines)
    assert pages >= 3
    dropped = [(entry.what, entry.text) for entry in log.of_kind("dropped")]
    assert dropped.count(("numer strony", f"Strona 1 z {pages}")) == 1
    assert [text for what, text in dropped if what == "nagłówek/stopka strony PDF"] == [
        f"Dziennik Urzędowy Województwa Podlaskiego – {page} – Poz. 1486" for page in range(1, pages + 1)]
    assert len(dropped) == 2 * pages
    body = " ".join(texts(lines))
    assert "Poz. 1486" not in body and "Strona" not in body


def test_pdf_body_is_kept_in_order_with_paragraph_breaks(rutki_pdf: Path) -> None:
    lines, _, _, _ = read(rutki_pdf)
    # WeasyPrint may wrap after a slash ("136/XXXII/" + "06"): the lines are joined here with a space
    assert [text.replace("/ ", "/") for text in paragraphs(lines)] == [*RUTKI, ZYWIEC, SZYDLOWO]
    numbers = [line.line for line in lines]
    assert numbers == sorted(set(numbers))  # numbered through the document
    assert [line.page for line in lines if line.text][0] == 1 and lines[-1].page and lines[-1].page >= 3


def test_pdf_owner_password_only_is_read(rutki_pdf: Path, tmp_path: Path) -> None:
    """A PDF protected only against editing (an owner password, no user password) opens without one."""
    writer = pypdf.PdfWriter(clone_from=rutki_pdf)
    writer.encrypt(user_password="", owner_password="urzad", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "chroniony.pdf"
    path.write_bytes(buffer.getvalue())
    assert texts(read(path)[0]) == texts(read(rutki_pdf)[0])


def test_pdf_acts_starting_several_pages_are_not_headers(tmp_path: Path) -> None:
    """Two acts of one session on two pages begin alike ("Uchwała nr 107/XX/12", "… 108/XX/12"): both kept."""
    import weasyprint

    first, second = RUTKI[0], RUTKI[0].replace("107", "108")
    html = (f"<style>@page {{ size: A5 }} body {{ font: 12pt 'DejaVu Serif' }}</style><p>{first}</p><p>{RUTKI[4]}</p>"
            f"<p style='break-before: page'>{second}</p><p>{RUTKI[6]}</p>")
    path = tmp_path / "dwie.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    lines, log, _, _ = read(path)
    assert paragraphs(lines) == [first, RUTKI[4], second, RUTKI[6]]
    assert not log.of_kind("dropped")


def test_pdf_lone_page_number_of_a_single_page(tmp_path: Path) -> None:
    import weasyprint

    html = ("<style>@page { size: A5; @bottom-right { content: counter(page) } } body { font: 12pt 'DejaVu Serif' }"
            f"</style>{''.join(f'<p>{text}</p>' for text in WIJEWO)}")
    path = tmp_path / "jedna.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    lines, log, _, _ = read(path)
    assert " ".join(texts(lines)) == " ".join(WIJEWO)
    assert [(entry.what, entry.text) for entry in log.of_kind("dropped")] == [("numer strony", "1")]


@pytest.mark.parametrize(("last", "first", "runs_on"), [
    ("Rady Gminy Rutki z dnia 28 sierpnia 2006 r. w sprawie", "regulaminu utrzymania czystości", True),
    ("§ 2. Wykonanie uchwały powierza się Wójtowi Gminy.", "§ 3. Traci moc uchwała", False),
    ("Rada Gminy Wijewo uchwala, co następuje :", "§ 1.", False),
    ("wyraża zgodę na zawarcie porozumienia pomiędzy Gmina Wijewo", "Rady Gminy Wijewo", False)])
def test_pdf_page_break_inside_a_sentence(last: str, first: str, runs_on: bool) -> None:
    """No blank line at a page break inside a sentence (closing punctuation missing, a small letter next)."""
    from paldocs.importer.readers.pdf import _runs_on

    assert _runs_on(last, first) is runs_on


# --- HTML (a saved BIP page) -----------------------------------------------------------------------------------------

WIJEWO_PAGE = [
    "UCHWAŁA Nr XVI/ 118 /2012", "Rady Gminy Wijewo", "z dnia 15 lutego 2012 r.", "",
    "w sprawie zawarcia porozumienia pomiędzy Gminą Wijewo a Powiatem Leszczyńskim o współdziałaniu w zakresie "
    "prowadzenia świetlic socjoterapeutycznych.", "",
    "Na podstawie art. 10 ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2001 r. Nr 142, poz. "
    "1591 ze zmianami) w zw. Z art. 5 ust. 2 ustawy z dnia 5 czerwca 1998 r. o samorządzie powiatowym (Dz. U. z 2001 r. "
    "Nr 142, poz. 1592 ze zmianami Rada Gminy Wijewo uchwala, co następuje :", "",
    "§ 1.", "", "Rada Gminy Wijewo wyraża zgodę na zawarcie porozumienia pomiędzy Gmina Wijewo",
    "a Powiatem Leszczyńskim o współpracy w zakresie prowadzenia świetlic socjoterapeutycznych zlokalizowanych na "
    "terenie gminy w 2012 r.", "", "§ 2.", "", "Wykonanie uchwały powierza się Wójtowi Gminy Wijewo.", "", "§ 3.", "",
    "Uchwała wchodzi w życie z dniem podjęcia.", "", "Przewodniczący", "Rady Gminy Wijewo", "Stanisław Kasperski"]
WIJEWO_CHROME = [
    "Przejdź do treści", "Biuletyn Informacji Publicznej Gminy Wijewo", "Strona główna", "Uchwały Rady Gminy",
    "Zarządzenia Wójta", "Jesteś tutaj: Strona główna » Uchwały Rady Gminy » 2012",
    "Drukuj treść tego artykułu Pobierz artykuł w formie pliku PDF", "Metryka strony", "Wytworzył: Rada Gminy Wijewo",
    "Udostępnił: Jan Kowalski", "Data udostępnienia: 2012-02-20 10:15", "Liczba odwiedzin: 1234 © Urząd Gminy Wijewo"]


def test_bip_page_keeps_only_the_resolution() -> None:
    lines, log, fmt, markdown = read(DATA / "bip_wijewo.html")
    assert (fmt, markdown) == ("html", False)
    assert [line.text for line in lines] == WIJEWO_PAGE
    assert [(entry.what, entry.text) for entry in log.entries] == [
        ("nawigacja strony BIP (HTML)", text) for text in WIJEWO_CHROME]
    numbers = [line.line for line in lines] + [entry.line for entry in log.entries]
    assert sorted(numbers) == sorted(set(numbers))


@pytest.mark.parametrize(("charset", "codec", "name"), [("windows-1250", "cp1250", "Windows-1250"),
                                                         ("iso-8859-2", "iso-8859-2", "ISO-8859-2")])
def test_bip_page_in_a_legacy_encoding(tmp_path: Path, charset: str, codec: str, name: str) -> None:
    page = (DATA / "bip_wijewo.html").read_text(encoding="utf-8").replace('charset="utf-8"', f'charset="{charset}"')
    page = page.replace("<meta charset=\"utf-8\">", f"<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                                    f"charset={charset}\">")
    path = tmp_path / "strona.htm"
    path.write_bytes(page.encode(codec, errors="xmlcharrefreplace"))
    lines, log, fmt, _ = read(path)
    assert [line.text for line in lines] == WIJEWO_PAGE and fmt == "html"
    assert log.of_kind("recognised")[0].what == f"kodowanie {name} (zadeklarowane w stronie)"


def test_bip_page_declared_iso_but_saved_in_windows_1250(tmp_path: Path) -> None:
    """A page that declares ISO-8859-2 but holds Windows-1250 bytes ("ś" is 0x9C there): read as Windows-1250."""
    page = (DATA / "bip_wijewo.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="iso-8859-2"')
    path = tmp_path / "strona.html"
    path.write_bytes(page.encode("cp1250", errors="xmlcharrefreplace"))
    lines, log, _, _ = read(path)
    assert [line.text for line in lines] == WIJEWO_PAGE
    assert log.of_kind("recognised")[0].what == "kodowanie Windows-1250 (plik nie jest w UTF-8)"


def test_bip_lists_tables_entities(tmp_path: Path) -> None:
    # The annex's words from https://sztutowo.bipgmina.pl/prawo_miejscowe/wiadomosc/29179/uchwala_nr_xxxi23005_rady_gminy_sztutowo__z_dnia_30grudnia_2005r
    page = """<html><head><meta charset="utf-8"></head><body><table><tr><td class="menu">Prawo miejscowe</td>
    <td class="content"><h1>Uchwała Nr XXXI/230/05</h1><p>Rada Gminy uchwala, co następuje:</p>
    <ol start="2"><li>wpływy z&nbsp;opłat 236.700,-</li><li>Dochody z majątku gminy 1.754.332,-</li></ol>
    <ol type="a"><li>skarbowej 13.500,-</li><li>targowej 8.000,-</li></ol>
    <ul><li>z tego :</li><li>a/ od nieruchomości 1.701.800,-</li></ul>
    <table><tr><th>Dział</th><th>Kwota</th></tr><tr><td>podatek rolny</td><td>297.595,-</td></tr>
    <tr><td>leśny &amp; inne</td><td>20.822,-</td></tr></table></td></tr></table></body></html>"""
    path = tmp_path / "sztutowo.html"
    path.write_text(page, encoding="utf-8")
    lines, log, _, _ = read(path)
    assert texts(lines) == [
        "Uchwała Nr XXXI/230/05", "Rada Gminy uchwala, co następuje:", "2. wpływy z opłat 236.700,-",
        "3. Dochody z majątku gminy 1.754.332,-", "a. skarbowej 13.500,-", "b. targowej 8.000,-", "– z tego :",
        "– a/ od nieruchomości 1.701.800,-", "| Dział | Kwota |", "| --- | --- |", "| podatek rolny | 297.595,- |",
        "| leśny & inne | 20.822,- |"]
    assert [entry.text for entry in log.of_kind("dropped")] == ["Prawo miejscowe"]


def test_bip_page_without_named_content_uses_the_document_block(tmp_path: Path) -> None:
    """No main/article/content class: the container holding the resolution's header is the content."""
    page = ("<html><body><div><a href='/'>Strona główna</a> | <a href='/bip'>BIP</a></div>"
            f"<div><p>{RUTKI[0]}</p><p>{RUTKI[1]}</p><p>{RUTKI[4]}</p></div><div>Licznik odwiedzin: 77</div>"
            "</body></html>")
    path = tmp_path / "stara.htm"
    path.write_text(page, encoding="utf-8")
    lines, log, _, _ = read(path)
    assert texts(lines) == [RUTKI[0], RUTKI[1], RUTKI[4]]
    assert [entry.text for entry in log.of_kind("dropped")] == ["Strona główna | BIP", "Licznik odwiedzin: 77"]


# --- dispatch --------------------------------------------------------------------------------------------------------

def test_formats_by_suffix(tmp_path: Path, rutki_pdf: Path) -> None:
    import docx

    document = docx.Document()
    for text in WIJEWO:
        document.add_paragraph(text)
    document.save(str(tmp_path / "w.docx"))
    (tmp_path / "w.markdown").write_text("\n".join(WIJEWO), encoding="utf-8")
    (tmp_path / "w.TXT").write_text("\n".join(WIJEWO), encoding="utf-8")
    found = {name: read(tmp_path / name)[2:] for name in ("w.docx", "w.markdown", "w.TXT")}
    assert found == {"w.docx": ("docx", True), "w.markdown": ("markdown", True), "w.TXT": ("text", False)}
    assert texts(read(tmp_path / "w.docx")[0]) == WIJEWO
    assert read(rutki_pdf)[2] == "pdf"


def test_html_numbers_do_not_depend_on_markup_lines(tmp_path: Path) -> None:
    """A minified page (all on one line) still gives one SourceLine per block, numbered in order."""
    page = re.sub(r">\s+<", "><", (DATA / "bip_wijewo.html").read_text(encoding="utf-8"))
    path = tmp_path / "jednowierszowa.html"
    path.write_text(page, encoding="utf-8")
    assert [line.text for line in read(path)[0]] == WIJEWO_PAGE


def test_bip_list_items_with_paragraphs_and_preformatted_text(tmp_path: Path) -> None:
    # Words of http://bip2-wijewo.065.pl/dokument/3753 as an editor's list of paragraphs, and of
    # https://sztutowo.bipgmina.pl/prawo_miejscowe/wiadomosc/29179/uchwala_nr_xxxi23005_rady_gminy_sztutowo__z_dnia_30grudnia_2005r
    # shown as preformatted text
    page = ("<html><body><article><h2>Uchwała Nr XXXI/230/05</h2><ol><li><p>Wykonanie uchwały powierza się Wójtowi "
            "Gminy Wijewo.</p></li><li><p>Uchwała wchodzi w życie</p><p>z dniem podjęcia.</p></li></ol>"
            "<pre>a/ skarbowej 13.500,-\nb/ targowej     8.000,-</pre></article></body></html>")
    path = tmp_path / "lista.html"
    path.write_text(page, encoding="utf-8")
    assert texts(read(path)[0]) == [
        "Uchwała Nr XXXI/230/05", "1. Wykonanie uchwały powierza się Wójtowi Gminy Wijewo.",
        "2. Uchwała wchodzi w życie", "z dniem podjęcia.", "a/ skarbowej 13.500,-", "b/ targowej 8.000,-"]


def test_bip_chrome_between_paragraphs_still_separates_them(tmp_path: Path) -> None:
    """A share/print bar inside the content is dropped; the paragraphs around it stay two paragraphs."""
    page = (f"<html><body><div id='tresc'><p>{RUTKI[0]}</p><div class='drukuj'>Drukuj</div>"
            f"<p>{RUTKI[4]}</p><ul><li></li><li>{RUTKI[7]}</li></ul></div></body></html>")
    path = tmp_path / "pasek.html"
    path.write_text(page, encoding="utf-8")
    lines, log, _, _ = read(path)
    assert [line.text for line in lines] == [RUTKI[0], "", RUTKI[4], "", f"– {RUTKI[7]}"]
    assert [entry.text for entry in log.of_kind("dropped")] == ["Drukuj"]


def test_pdf_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    import weasyprint

    html = ("<style>@page { size: A4; @bottom-center { content: counter(page) } } body { font: 11pt 'DejaVu Serif' }"
            "div { columns: 2; column-gap: 2cm } p { margin: 0 0 1em }</style>"
            f"<h1 style='text-align: center'>{RUTKI[0]}</h1><div>{''.join(f'<p>{text}</p>' for text in RUTKI[3:7])}"
            f"<p>{ZYWIEC}</p><p>{SZYDLOWO}</p></div>")
    path = tmp_path / "dwie-kolumny.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    lines, log, _, _ = read(path)
    assert [text.replace("/ ", "/") for text in paragraphs(lines)] == [RUTKI[0], *RUTKI[3:7], ZYWIEC, SZYDLOWO]
    assert [(entry.what, entry.text) for entry in log.of_kind("dropped")] == [("numer strony", "1")]


def test_pdf_annex_header_repeated_as_word_header_stays_once(tmp_path: Path) -> None:
    """An annex whose heading is its running header ("Załącznik do Uchwały Nr X/87/11 …" on every page, as a Word
    header): the first page keeps it as the document's heading, the repetitions are dropped."""
    # The heading of the annex at http://docplayer.pl/122628058-Uchwala-nr-x-87-11-rady-gminy-szydlowo-z-dnia-9-listopada-2011-r.html
    heading = "Załącznik do Uchwały Nr X/87/11 Rady Gminy Szydłowo z dnia 9 listopada 2011 r."
    path = tmp_path / "zalacznik.pdf"
    path.write_bytes(make_pdf([SZYDLOWO, ZYWIEC, *RUTKI[3:7], SZYDLOWO], heading))
    lines, log, _, _ = read(path)
    assert texts(lines)[0] == heading
    dropped = [(entry.what, entry.text) for entry in log.of_kind("dropped")]
    pages = max(line.page or 0 for line in lines)
    assert pages >= 3 and dropped.count(("nagłówek/stopka strony PDF", heading)) == pages - 1


def test_pdf_scanned_page_among_text_pages_is_logged(tmp_path: Path, rutki_pdf: Path) -> None:
    """A scanned page (a picture, no text) between text pages is named in the log; a blank page is skipped."""
    from PIL import Image

    scan = io.BytesIO()
    Image.new("L", (300, 400), 200).save(scan, format="PDF", resolution=72)
    writer = pypdf.PdfWriter(clone_from=rutki_pdf)
    writer.insert_page(pypdf.PdfReader(scan).pages[0], index=1)
    writer.insert_blank_page(index=2)
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "ze-skanem.pdf"
    path.write_bytes(out.getvalue())
    lines, log, _, _ = read(path)
    assert texts(lines) == texts(read(rutki_pdf)[0])
    scans = [entry.what for entry in log.of_kind("dropped") if "skan" in entry.what]
    assert scans == ["strona 2 bez warstwy tekstowej (skan) — jej treści nie zaimportowano; rozpoznaj ją programem OCR"]


def test_bip_wrapper_with_a_large_menu_still_finds_the_resolution(tmp_path: Path) -> None:
    """A "content" wrapper holding a long menu, a breadcrumb line and the resolution's <div id="tresc">: the menu's
    words do not count, so the inner <div> holds most of the wrapper's words and is the document; a script quoting
    "Uchwała" is no header."""
    menu = "".join(f"<li><a href='/{n}'>Rejestr zmian {n} Ogłoszenia Przetargi Zamówienia publiczne</a></li>"
                   for n in range(60))
    page = (f"<html><body><div class='content'><ul class='menu'>{menu}</ul>"
            "<script>document.title = 'Uchwała Nr 1';</script><div>Jesteś tutaj: Uchwały</div>"
            f"<div id='tresc'><p>{RUTKI[0]}</p><p>{RUTKI[1]}</p><p>{RUTKI[4]}</p></div></div></body></html>")
    path = tmp_path / "menu.html"
    path.write_text(page, encoding="utf-8")
    lines, log, _, _ = read(path)
    assert texts(lines) == [RUTKI[0], RUTKI[1], RUTKI[4]]
    dropped = [entry.text for entry in log.of_kind("dropped")]
    assert len(dropped) == 61 and dropped[-1] == "Jesteś tutaj: Uchwały"


# --- the import corpus's files made from real texts --------------------------------------------------------------

CORPUS = Path(__file__).parent / "data" / "import_corpus"
MADE = sorted(path for path in CORPUS.glob("b-*") if path.suffix in (".pdf", ".html", ".docx")
              or path.suffix == ".txt" and ("mojibake" in path.name or "windows-1250" in path.name))


def _words(text: str) -> Counter[str]:
    """Word characters only, case-folded: a layout's wrap after "art." or Markdown's "**" do not count."""
    return Counter(re.findall(r"\w+", text.casefold()))


@pytest.mark.parametrize("path", MADE, ids=[path.name for path in MADE])
def test_corpus_files_made_from_real_texts_lose_no_word(path: Path) -> None:
    """Every word of the real text a file was made from is read — into the lines, or into a dropped log entry
    (page chrome, running headers) — and an encoding's damage is repaired line for line."""
    source = yaml.safe_load(path.with_name(path.stem + ".source.yaml").read_text(encoding="utf-8"))
    reference = (CORPUS / source["reference"]).read_text(encoding="utf-8")
    lines, log, _, _ = read(path)
    read_words = _words(" ".join(line.text for line in lines)) + _words(" ".join(log.dropped_words()))
    assert not _words(reference) - read_words
    if path.suffix == ".txt":  # mojibake or a legacy encoding: exactly the reference's lines
        assert [line.text for line in lines] == [" ".join(line.split()) for line in reference.split("\n")]


@pytest.mark.parametrize(("damaged", "repaired"), [
    # docplayer.pl/1336673 (Tomaszów Lubelski, 2010) and the Wilczyce annex transcript: "ż" extracted as "ŝ"
    ("Od wielu lat obserwujemy wzrost spoŝycia napojów alkoholowych", "Od wielu lat obserwujemy wzrost spożycia "
     "napojów alkoholowych"),
    ("Przemoc w rodzinie ma swój szczególny wymiar, poniewaŝ to rodzina", "Przemoc w rodzinie ma swój szczególny "
     "wymiar, ponieważ to rodzina"),
    ("ŜYWIEC", "ŻYWIEC"),
])
def test_pdf_z_with_dot_above_extracted_as_s_circumflex_is_repaired(damaged: str, repaired: str) -> None:
    from paldocs.importer.readers.mojibake import REPAIRED_Z_DOT, repair_lines

    log = ImportLog("x.txt")
    assert [line.text for line in repair_lines([SourceLine(damaged, 3)], log)] == [repaired]
    assert [(entry.line, entry.what, entry.text, entry.after) for entry in log.of_kind("changed")] == [
        (3, REPAIRED_Z_DOT, damaged, repaired)]
