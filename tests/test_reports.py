"""Monitoring reports end to end: the three Kętrzyn examples build in every format; tables are real tables,
charts are vector in the PDF and pictures with alt text in the DOCX; the text is pinned by golden files."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner
from conftest import REPO
from docx.oxml.ns import qn

from paldocs.api import build
from paldocs.cli import main

EXAMPLES = ["sprawozdanie-2015", "sprawozdanie-2016", "sprawozdanie-2014-2016"]
FOLDER = REPO / "resolutions" / "ketrzyn-2014-pal"


@pytest.fixture(scope="module")
def built(example_outputs: dict[str, dict[str, Path]]) -> dict[str, dict[str, Path]]:
    """Each report built once to every format (conftest's session-wide builds of the examples)."""
    return {name: example_outputs[name] for name in EXAMPLES}


@pytest.mark.parametrize("name", EXAMPLES)
def test_report_text_golden(built: dict[str, dict[str, Path]], name: str, golden) -> None:  # type: ignore[no-untyped-def]
    golden(f"{name}.txt", built[name]["txt"].read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_report_reads_like_a_municipal_report(built: dict[str, dict[str, Path]], name: str) -> None:
    text = built[name]["txt"].read_text(encoding="utf-8").replace("\u00a0", " ")
    period = "za lata 2014–2016" if name.endswith("2014-2016") else f"za {name[-4:]} rok"
    assert text.startswith(f"SPRAWOZDANIE\nz realizacji „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – "
                           f"2020”\n{period}\nprzyjętego uchwałą Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia "
                           "29 kwietnia 2014 r.")
    assert "Dane przykładowe" in text  # the examples say they are illustrative
    for heading in ("1. Podsumowanie", "2. Realizacja wskaźników", "3. Zrealizowane działania", "4. Uczestnicy",
                    "5. Finansowanie"):
        assert f"\n{heading}\n" in text


@pytest.mark.parametrize("name", EXAMPLES)
def test_docx_has_real_tables_with_repeated_headers_and_charts_with_alt_text(
        built: dict[str, dict[str, Path]], name: str) -> None:
    document = docx.Document(io.BytesIO(built[name]["docx"].read_bytes()))
    assert len(document.tables) >= 6
    for table in document.tables:
        first_row = table.rows[0]._tr
        assert first_row.trPr is not None and first_row.trPr.find(qn("w:tblHeader")) is not None
    assert document.tables[0].cell(0, 1).text == "Wskaźnik"
    pictures = document.inline_shapes
    assert len(pictures) == (3 if name.endswith("2014-2016") else 2)
    for picture in pictures:
        description = picture._inline.docPr.get("descr")
        assert description and description.startswith("Wykres")


@pytest.mark.parametrize("name", EXAMPLES)
def test_pdf_charts_are_vector_graphics_and_text_is_extractable(built: dict[str, dict[str, Path]], name: str) -> None:
    reader = pypdf.PdfReader(built[name]["pdf"])
    images = [obj for page in reader.pages
              for obj in (page.get("/Resources", {}).get("/XObject") or {}).values()
              if obj.get_object().get("/Subtype") == "/Image"]
    assert images == []  # the charts are drawn as paths and text, not pasted as pictures
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Wykres 1. Realizacja wskaźników" in text
    assert "Wskaźniki realizacji programu" in text


@pytest.mark.slow
def test_build_twice_gives_the_same_bytes(built: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    again = build(FOLDER / "sprawozdanie-2016.yaml", ("docx", "pdf", "html", "txt"), tmp_path)
    for path in again.outputs:
        assert path.read_bytes() == built["sprawozdanie-2016"][path.suffix[1:]].read_bytes(), path.name


def test_cli_builds_a_report_like_any_other_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(FOLDER / "sprawozdanie-2015.yaml"), "-f", "txt", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sprawozdanie-2015.txt").exists()
    assert "przykładowe" in result.stderr


def test_report_with_an_unknown_program_id_is_bad_input(tmp_path: Path) -> None:
    text = (FOLDER / "sprawozdanie-2015.yaml").read_text(encoding="utf-8").replace("kierunek-8", "kierunek-99", 1)
    (tmp_path / "zle.yaml").write_text(text.replace("../ketrzyn-2014-pal.yaml",
                                                    str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml")), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "zle.yaml"), "-f", "txt", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "kierunek-99" in result.stderr and "Traceback" not in result.output


def test_check_accepts_a_report_file() -> None:
    result = CliRunner().invoke(main, ["check", str(FOLDER / "sprawozdanie-2014-2016.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stdout == "bez uwag\n"
