"""Annexes on import (paldocs.importer.annex) and the annex printed alone (document: annex with one annex).

Real texts: tests/data/import_documents/ (sources in its README.md).
"""

from __future__ import annotations

import io
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from paldocs.api import render, to_document
from paldocs.errors import DataError
from paldocs.importer.annex import annex_alone, attach_annexes, compare_header, import_annex
from paldocs.importer.annex_text import words_of
from paldocs.importer.log import ImportLog
from paldocs.importer.program import parse_program, program_or_none
from paldocs.importer.resolution import inline_profile
from paldocs.importer.source import read_source, read_text_blocks
from paldocs.model.resolution import DataFile

DATA = Path(__file__).parent / "data" / "import_documents"
CASES = Path(__file__).parent / "import_cases"


def _blocks(name: str) -> Any:
    return read_text_blocks((DATA / name).read_text(encoding="utf-8"), markdown=False)


def _missing(original: str, built: str) -> list[str]:
    return sorted((Counter(words_of(original)) - Counter(words_of(built))).elements())


def _alone(name: str, tmp_path: Path, municipality: dict[str, Any] | None = None) -> tuple[Path, ImportLog]:
    log = ImportLog(name)
    data, found = annex_alone(_blocks(name), log)
    data = {"document": data.pop("document"), "municipality": municipality or inline_profile(found, log), **data}
    DataFile.model_validate(data)
    path = tmp_path / "zalacznik.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, log


def test_regulamin_is_kept_as_an_annex_with_every_word() -> None:
    log = ImportLog("wreczyca")
    result = import_annex(_blocks("wreczyca-2015-zalacznik.txt"), log)
    annex = result["annex"]
    assert annex["title"] == "Regulamin utrzymania czystości i porządku na terenie Gminy Wręczycva Wielka"
    assert annex["content"].startswith("# Rozdział 1. Postanowienia ogólne\n\n§ 1. Regulamin określa")
    text = (DATA / "wreczyca-2015-zalacznik.txt").read_text(encoding="utf-8")
    body = text.split("2015 r.", 1)[1]  # the header is printed again from the resolution's data
    assert _missing(body, annex["title"] + " " + annex["content"]) == []
    (header,) = log.of_kind("dropped")  # paldocs prints its own header from the resolution's data
    assert header.text == "Załącznik do Uchwały Nr IX/88/15 Rady Gminy Wręczyca Wielka z dnia 27 listopada 2015 r."


def test_statute_without_years_is_not_a_program_but_keeps_its_words() -> None:
    # palowice.net: "Statut sołectwa …" with roman chapters — looks like a program, names no years
    blocks = _blocks("palowice-statut.txt")
    assert program_or_none(blocks, ImportLog("x")) is None
    result = import_annex(blocks, ImportLog("x"))
    annex = result["annex"]
    assert annex["title"] == "Statut sołectwa Palowice w gminie i mieście Czerwionka-Leszczyny"
    text = (DATA / "palowice-statut.txt").read_text(encoding="utf-8")
    assert _missing(text, annex["title"] + " " + annex["content"]) == []


def test_program_with_years_and_sections_stays_a_program() -> None:
    log = ImportLog("roman")
    result = import_annex(read_source(CASES / "roman_crlf.txt"), log)
    assert result["program"]["period"] == {"from": 2016, "to": 2020}
    assert any("załącznik: program" in entry.what for entry in log.of_kind("recognised"))


def test_parse_program_stays_strict_and_program_or_none_is_tolerant() -> None:
    blocks = read_text_blocks("Program Aktywności Lokalnej\n\nI. Wstęp\n\nTreść.", markdown=False)
    with pytest.raises(DataError, match="okres"):
        parse_program(blocks, ImportLog("x"))
    log = ImportLog("x")
    assert program_or_none(blocks, log) is None and log.entries == []


def test_header_that_disagrees_with_its_resolution_is_logged() -> None:
    from paldocs.importer.split import annex_header

    header = annex_header(["Załącznik do Uchwały Nr IX/88/15", "Rady Gminy Wręczyca Wielka",
                           "z dnia 27 listopada 2015 r."])
    log = ImportLog("x")
    compare_header(header, {"number": {"session": "IX", "number": 88, "year": 2015},
                            "date": __import__("datetime").date(2015, 11, 27)}, 1, log)
    assert log.entries == []
    compare_header(header, {"number": {"session": "IX", "number": 89, "year": 2015},
                            "date": __import__("datetime").date(2015, 11, 26)}, 1, log)
    assert [entry.what.split("„")[1].split("”")[0] for entry in log.of_kind("kept")] == ["IX/88/15",
                                                                                          "27 listopada 2015 r."]


# 9lib.org/document/y961pgol-… — the annex of a draft (Szczecinek, 2019): "na rok 2019" is one year, not a period
SZCZECINEK = """Załącznik do uchwały Nr / /2019 Rady Miasta Szczecinek z dnia … stycznia 2019 roku

Miejski Program Profilaktyki

i Rozwiązywania Problemów Alkoholowych i Przeciwdziałania Narkomanii dla Miasta

Szczecinek na rok 2019

Szczecinek, styczeń 2019

WPROWADZENIE

Używanie alkoholu i narkotyków powoduje duże szkody zdrowotne.
"""


def test_draft_annex_alone_has_blank_number_and_date() -> None:
    log = ImportLog("x")
    data, found = annex_alone(read_text_blocks(SZCZECINEK, markdown=False), log)
    assert data["resolution"] == {"kind": "generic", "requires": [], "status": "projekt"}
    assert found["council"]["genitive"] == "Rady Miasta Szczecinek"
    annex = data["annexes"][0]
    assert annex["title"].startswith("Miejski Program Profilaktyki i Rozwiązywania")
    body = SZCZECINEK.split("2019 roku", 1)[1]
    assert _missing(body, annex["title"] + " " + annex["content"]) == []


def test_annex_alone_builds_as_text_with_every_word(tmp_path: Path) -> None:
    path, _ = _alone("wreczyca-2015-zalacznik.txt", tmp_path)
    document, _ = to_document(path)
    text = render(document, "txt")
    text = (text.decode() if isinstance(text, bytes) else text).replace("\xa0", " ")
    assert text.startswith("Załącznik do Uchwały Nr IX/88/15\nRady Gminy Wręczyca Wielka\nz dnia 27 listopada 2015 r.")
    assert [part.kind for part in document.parts] == ["annex"]
    assert _missing((DATA / "wreczyca-2015-zalacznik.txt").read_text(encoding="utf-8"), text) == []


@pytest.mark.slow
def test_annex_alone_in_every_format(tmp_path: Path) -> None:
    import docx

    # the statute names no resolution: the profile and the number are given as a clerk would complete them
    path, _ = _alone("palowice-statut.txt", tmp_path, {
        "name": "Czerwionka-Leszczyny", "kind": "gmina miejsko-wiejska", "seat": "Czerwionka-Leszczyny",
        "council": {"nominative": "Rada Miejska w Czerwionce-Leszczynach",
                    "genitive": "Rady Miejskiej w Czerwionce-Leszczynach", "type_genitive": "Rady Miejskiej"},
        "executive": {"nominative": "Burmistrz Gminy i Miasta Czerwionka-Leszczyny",
                      "dative": "Burmistrzowi Gminy i Miasta Czerwionka-Leszczyny"}})
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["resolution"].update(number="XII/85/2019", date="2019-05-20", status="podjęta")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    original = (DATA / "palowice-statut.txt").read_text(encoding="utf-8")
    document, _ = to_document(path)
    texts = {}
    word = docx.Document(io.BytesIO(render(document, "docx")))  # type: ignore[arg-type]
    texts["docx"] = "\n".join(paragraph.text for paragraph in word.paragraphs)
    pdf = tmp_path / "z.pdf"
    pdf.write_bytes(render(document, "pdf"))  # type: ignore[arg-type]
    texts["pdf"] = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
    html = render(document, "html")
    texts["html"] = __import__("re").sub(r"<[^>]+>", " ", html.decode() if isinstance(html, bytes) else html)
    txt = render(document, "txt")
    texts["txt"] = txt.decode() if isinstance(txt, bytes) else txt
    for fmt, text in texts.items():
        text = __import__("html").unescape(text).replace("\xa0", " ")
        assert "Załącznik do Uchwały Nr XII/85/2019" in " ".join(text.split()), fmt
        assert "Statut sołectwa Palowice" in " ".join(text.split()), fmt
        if fmt != "pdf":  # pdftotext hyphenates nothing but may split "Czerwionka-" across lines
            assert _missing(original, text) == [], fmt


def _segment(text: str) -> Any:
    from paldocs.importer.split import Segment

    return Segment("annex", read_text_blocks(text, markdown=False))


def test_attach_annexes_keeps_the_order_paldocs_prints() -> None:
    program = "Załącznik Nr 1 do Uchwały Nr XII/85/2016\n\n" + (CASES / "roman_crlf.txt").read_text(encoding="utf-8")
    regulamin = (DATA / "wreczyca-2015-zalacznik.txt").read_text(encoding="utf-8")
    log = ImportLog("x")
    data: dict[str, Any] = {"resolution": {"number": {"session": "XII", "number": 85, "year": 2016}}}
    attach_annexes(data, [_segment(program), _segment(regulamin)], log)
    assert data["program"]["period"] == {"from": 2016, "to": 2020}
    assert [annex["title"] for annex in data["annexes"]] == [
        "Regulamin utrzymania czystości i porządku na terenie Gminy Wręczycva Wielka"]
    # the regulamin's header names another resolution (IX/88/15): logged, paldocs prints the resolution's number
    assert any("IX/88/15" in entry.what for entry in log.of_kind("kept"))
    # a program printed after another annex cannot be the program (paldocs prints the program first)
    data = {"resolution": {}}
    attach_annexes(data, [_segment(regulamin), _segment(program)], ImportLog("x"))
    assert "program" not in data and len(data["annexes"]) == 2
    assert data["annexes"][1]["title"] == "Gminny Program Aktywności Lokalnej na lata 2016-2020"


# docplayer.pl/58725321 — projekt uchwały Rady Miejskiej w Żywcu (2016): the transcript runs the annex's header,
# title and text together on one line
ZYWIEC = ("Załącznik do Uchwały Nr... Rady Miejskiej w Żywcu z dnia 11 października 2016 r. PROGRAM WSPÓŁPRACY "
          "MIASTA ŻYWCA Z ORGANIZACJAMI POZARZĄDOWYMI ORAZ PODMIOTAMI WYMIENIONYMI W ART. 3 UST. 3 USTAWY Z DNIA 24 "
          "KWIETNIA 2003 ROKU O DZIAŁALNOŚCI POŻYTKU PUBLICZNEGO I O WOLONTARIACIE NA ROK 2017 Rozdział 1. Podstawa "
          "prawna Programu 1. Podstawowym aktem prawnym określającym ramy współpracy organów administracji "
          "samorządowej z organizacjami pozarządowymi")


def test_header_title_and_text_run_together_on_one_line() -> None:
    log = ImportLog("x")
    data, found = annex_alone(read_text_blocks(ZYWIEC, markdown=False), log)
    annex = data["annexes"][0]
    assert annex["title"].startswith("PROGRAM WSPÓŁPRACY MIASTA ŻYWCA") and annex["title"].endswith("NA ROK 2017")
    assert annex["content"].startswith("Rozdział 1. Podstawa prawna Programu 1. Podstawowym aktem")
    assert data["resolution"]["date"].isoformat() == "2016-10-11" and "number" not in data["resolution"]
    assert data["resolution"]["status"] == "projekt"
    assert found["council"]["genitive"] == "Rady Miejskiej w Żywcu"
    (header,) = log.of_kind("dropped")
    assert header.text == "Załącznik do Uchwały Nr... Rady Miejskiej w Żywcu z dnia 11 października 2016 r."
    assert _missing(ZYWIEC, header.text + " " + annex["title"] + " " + annex["content"]) == []


def test_chapters_without_a_dot_keep_their_words_when_built(tmp_path: Path) -> None:
    # agromech.zbuczyn.pl: "Rozdział I Postanowienia ogólne", "§ 1" alone, "Rozdział II" over its title's lines
    original = (DATA / "zbuczyn-regulamin.txt").read_text(encoding="utf-8")
    annex = import_annex(read_text_blocks(original, markdown=False), ImportLog("x"))["annex"]
    assert annex["title"] == "Treść załącznika"  # the text begins with its first chapter: no title to take
    assert annex["content"].startswith("## Rozdział I Postanowienia ogólne\n\n§ 1\n")
    assert "\n## Rozdział II\n" in annex["content"]
    municipality = {"name": "Zbuczyn", "kind": "gmina wiejska", "seat": "Zbuczyn",
                    "council": {"nominative": "Rada Gminy Zbuczyn", "genitive": "Rady Gminy Zbuczyn",
                                "type_genitive": "Rady Gminy"},
                    "executive": {"nominative": "Wójt Gminy Zbuczyn", "dative": "Wójtowi Gminy Zbuczyn"}}
    data = {"document": "annex", "municipality": municipality,
            "resolution": {"kind": "generic", "requires": [], "status": "projekt"}, "annexes": [annex]}
    path = tmp_path / "z.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = render(to_document(path)[0], "txt")
    text = (text.decode() if isinstance(text, bytes) else text).replace("\xa0", " ")
    assert "Rozdział I Postanowienia ogólne\n" in text and "\nRozdział II\n" in text
    assert _missing(original, text) == []


def test_annex_of_a_title_only_is_not_reproduced() -> None:
    # an annex whose text is only its header and title (its map is a picture the text does not hold)
    result = import_annex(read_text_blocks("Załącznik nr 1\n\nMapa obszaru rewitalizacji\n", markdown=False),
                          ImportLog("x"))
    assert result == {"annex": {"title": "Mapa obszaru rewitalizacji", "reproduced": False}}


def _corpus_annexes(name: str) -> list[Any]:
    """The annexes of a corpus text (its source in the ``.source.yaml`` beside it), read as the importer does."""
    from paldocs.importer.clean import clean_lines
    from paldocs.importer.readers import read_input
    from paldocs.importer.source import blocks_from_lines
    from paldocs.importer.split import split_documents

    path = Path(__file__).parent / "data" / "import_corpus" / name
    log = ImportLog(name)
    read = read_input(path, log)
    blocks = blocks_from_lines(clean_lines(read.lines, log, markdown=read.markdown), markdown=read.markdown)
    return [annex for segment in split_documents(blocks, log)
            for annex in ([segment] if segment.kind == "annex" else segment.annexes)]


@pytest.mark.parametrize(("name", "title", "content"), [
    # a long title alone above "Rozdział 1." (Polkowice draft 2021)
    ("b-polkowice-2021-program-projekt.txt", "Program Współpracy gminy Polkowice z organizacjami pozarządowymi",
     "# Rozdział 1. Postanowienia ogólne\n\n§ 1."),
    # "Załącznik" / "do Uchwały XII/168/15" after the page's title (kept at the top of the text, unless the
    # cleaners drop it as page text)
    ("b-czerwionka-leszczyny-2015-program.txt", "ROCZNY PROGRAM WSPÓŁPRACY GMINY I MIASTA CZERWIONKA-LESZCZYNY", ""),
    # a transcript's line: the uppercase title ends before "I. WSTĘP" (Zabłudów 2014, the years lost)
    ("b-zabludow-2014-wspieranie-rodziny.txt", "GMINNY PROGRAM WSPIERANIA RODZINY W GMINIE ZABŁUDÓW NA LATA",
     "I. WSTĘP"),
])
def test_corpus_annexes_keep_title_and_every_word(name: str, title: str, content: str) -> None:
    (segment,) = _corpus_annexes(name)
    log = ImportLog(name)
    annex = import_annex(segment.blocks, log)["annex"]
    assert annex["title"].startswith(title) and annex["content"].startswith(content), annex["title"]
    header = " ".join(entry.text for entry in log.of_kind("dropped"))
    original = " ".join(block.text for block in segment.blocks)
    assert _missing(original, " ".join((annex["title"], annex["content"], header))) == []
