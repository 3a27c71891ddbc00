"""Numbers without a session / running number first, BIP page text and page numbers (dropped line by line by the
cleaners, each line with its reason in the log), the DOCX round trip of a whole resolution and ``paldocs check``
on an imported BIP page."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from seed_words import compare, words

from paldocs.api import build, to_document
from paldocs.cli import main
from paldocs.importer.api import import_document
from paldocs.importer.clean import AFTER, BEFORE, PAGE
from paldocs.importer.emit import format_yaml
from paldocs.model.load import load_data_file
from paldocs.writers.text import to_text

CASES = Path(__file__).parent / "import_cases" / "resolutions"


def _draft(source: Path, tmp_path: Path):
    result = import_document(source)
    draft = tmp_path / "draft.yaml"
    format_yaml(result, draft)
    return draft, result


@pytest.mark.parametrize(("case", "order", "printed"), [
    ("bip_page.txt", "number/year", "UCHWAŁA NR 228/2005"),
    ("crlf_nbsp.txt", "number/session/year", "UCHWAŁA NR 124/XXII/2016"),
    ("hard_wrapped.txt", "session/number/year", "UCHWAŁA NR XXXI/424/2009"),
])
def test_number_orders_survive_import_and_build(case: str, order: str, printed: str, tmp_path: Path) -> None:
    draft, _ = _draft(CASES / case, tmp_path)
    data = load_data_file(draft)
    assert data.municipality.numbering.order == order
    text = to_text(to_document(draft)[0]).replace("\u00a0", " ")
    assert text.splitlines()[0] == printed
    assert f"Załącznik do Uchwały Nr {printed.split()[-1]}" in text


def _dropped(result, why: str) -> list[str]:
    """The dropped lines with that reason, in the order of the input."""
    entries = sorted((entry for entry in result.log.of_kind("dropped") if entry.what == why), key=lambda e: e.line)
    return [entry.text for entry in entries]


def test_bip_page_text_and_page_numbers_go_to_the_log(tmp_path: Path) -> None:
    _, result = _draft(CASES / "bip_page.txt", tmp_path)
    before, after = _dropped(result, BEFORE), _dropped(result, AFTER)
    assert before == ["Biuletyn Informacji Publicznej", "Gmina Rypin", "Strona główna", "Menu", "Uchwały Rady Gminy",
                      "Uchwała nr 228/2005 Rady Gminy Rypin w sprawie programu aktywności lokalnej", "Drukuj",
                      "Data publikacji: 12.05.2005"]
    assert after == ["Metryczka", "Wytworzył: Rada Gminy Rypin", "Udostępnił: Anna Nowak",
                     "Data publikacji: 12.05.2005 10:15", "Liczba odwiedzin: 1342"]
    assert _dropped(result, PAGE) == ["Strona 1 z 2", "- 2 -", "3"]
    # 8 + 5 + 3 lines, "t.j." of the legal basis and the annex header (paldocs prints its own from the resolution)
    assert "pominięto celowo: 18" in result.log.summary()


def test_annex_only_bip_page(tmp_path: Path) -> None:
    draft, result = _draft(CASES / "annex_only_bip.txt", tmp_path)
    assert load_data_file(draft).document == "annex"
    assert _dropped(result, BEFORE) == ["Biuletyn Informacji Publicznej Urzędu Miasta Inowrocławia", "Strona główna",
                                        "Drukuj"]
    assert _dropped(result, AFTER) == ["Metryczka", "Udostępnił: Jan Nowak", "Liczba odwiedzin: 211"]
    assert _dropped(result, PAGE) == ["Strona 1 z 2", "2"]


def test_page_text_inside_the_document_is_kept(tmp_path: Path) -> None:
    text = (CASES / "bip_page.txt").read_text(encoding="utf-8")
    text = text.replace("Program finansowany jest z budżetu gminy.",
                        "Program finansowany jest z budżetu gminy.\nData publikacji: w BIP po podjęciu.\n"
                        "Drukuj i rozpowszechniaj wśród 12\nmieszkańców.\n\nMetryczka programu zawiera 3 pozycje.")
    text = text.replace("Metryczka\nWytworzył", "\nMetryczka\nWytworzył")
    source = tmp_path / "inside.txt"
    source.write_text(text, encoding="utf-8")
    draft, result = _draft(source, tmp_path)
    built = " ".join(to_text(to_document(draft)[0]).split())
    for kept in ("Data publikacji: w BIP po podjęciu.", "Drukuj i rozpowszechniaj wśród 12 mieszkańców.",
                 "Metryczka programu zawiera 3 pozycje."):
        assert kept in built
    assert _dropped(result, AFTER)[:2] == ["Metryczka", "Wytworzył: Rada Gminy Rypin"]


def test_header_in_the_same_paragraph_as_page_text(tmp_path: Path) -> None:
    text = (CASES / "bip_page.txt").read_text(encoding="utf-8").replace("12.05.2005\n\nUCHWAŁA", "12.05.2005\nUCHWAŁA")
    source = tmp_path / "joined.txt"
    source.write_text(text, encoding="utf-8")
    _, result = _draft(source, tmp_path)
    assert _dropped(result, BEFORE)[-2:] == ["Drukuj", "Data publikacji: 12.05.2005"]
    assert result.data["resolution"]["number"] == {"session": None, "number": 228, "year": 2005}


def test_whole_resolution_docx_round_trip(tmp_path: Path) -> None:
    example = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
    docx_file = build(example, ("docx",), tmp_path).outputs[0]
    draft, _ = _draft(docx_file, tmp_path)
    original, again = words(to_text(to_document(example)[0])), words(to_text(to_document(draft)[0]))
    comparison = compare(original, again)
    print(f"\nketrzyn-2014-pal DOCX → import → txt: {comparison.matched}/{comparison.seed_count} słów, "
          f"różnice: {len(comparison.differences)}")
    assert again == original


def test_check_reports_the_defects_of_the_bip_original(tmp_path: Path) -> None:
    draft, _ = _draft(CASES / "bip_page.txt", tmp_path)
    output = CliRunner().invoke(main, ["check", str(draft)]).output
    # PD015 "pkt." / "ust.10"; PD016 "2001r." "poz.1591" "z późn. zm."; PD014 addresses the catalog does not know
    # and texts announced after the resolution's date; PD007 missing typical chapters of a "pal" programme
    for code in ("PD014", "PD015", "PD016", "PD007"):
        assert code in output, output
    assert "„art. 18 ust. 2 pkt. 15”" in output and "„art. 110 ust.10”" in output
    assert "z późn. zm." in output


def test_cli_lists_what_was_dropped(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(CASES / "bip_page.txt"), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 0, result.output
    log = result.stderr if hasattr(result, "stderr") else result.output
    for reason in (BEFORE, AFTER, PAGE, "dopisek „z późn. zm.”"):
        assert reason in log, log
    assert "dopisek „z późn. zm.”" in (tmp_path / "d.yaml").read_text(encoding="utf-8")


def test_a_resolution_number_line_inside_an_annex_only_file_is_not_a_header(tmp_path: Path) -> None:
    text = (CASES / "annex_only_bip.txt").read_text(encoding="utf-8").replace(
        "Adresatami programu są mieszkańcy Inowrocławia.",
        "Adresatami programu są mieszkańcy Inowrocławia wskazani w\nUchwała Nr XX/100/2008\nRady Miejskiej.")
    source = tmp_path / "annex.txt"
    source.write_text(text, encoding="utf-8")
    draft, result = _draft(source, tmp_path)
    assert load_data_file(draft).document == "annex"
    assert "Uchwała Nr XX/100/2008" in " ".join(to_text(to_document(draft)[0]).split())
    assert len(_dropped(result, BEFORE)) == 3
