"""End to end on the two real documents: resolutions/*.yaml → every format → compared with tests/data/seeds.

Each format is read back with a real reader (python-docx, pypdf, lxml, LibreOffice for the DOCX) and compared
word for word with the seed under the rule in seed_words.py; the differences must be exactly the reviewed list
in tests/expected/<name>.differences.yaml. Goldens pin the intermediate stages (composed Markdown, IR, DOCX
dump, HTML, text) so that a change anywhere shows up as a reviewable diff.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
from conftest import REPO
from docx_dump import docx_text_dump
from ir_dump import dump_document
from seed_words import SEED_FILES, compare, extract_words, pdf_words, reviewed_differences, seed_words

from paldocs.api import build, to_document
from paldocs.compose import compose
from paldocs.model.load import load_data_file
from paldocs.writers.html import to_html

EXAMPLES = sorted(SEED_FILES)
FORMATS = ("docx", "pdf", "html", "txt")


@pytest.fixture(scope="module")
def built(example_outputs: dict[str, dict[str, Path]]) -> dict[str, dict[str, Path]]:
    """Each seed's example built once to every format (conftest's session-wide builds of the examples)."""
    return {name: example_outputs[name] for name in EXAMPLES}


def expected_differences(name: str) -> list[dict[str, str]]:
    return reviewed_differences(REPO / "tests" / "expected" / f"{name}.differences.yaml")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_output_matches_seed_word_for_word(built: dict[str, dict[str, Path]], name: str, fmt: str) -> None:
    seed = seed_words(SEED_FILES[name].read_text(encoding="utf-8"))
    result = compare(seed, extract_words(fmt, built[name][fmt]))
    assert result.differences == expected_differences(name)
    assert result.ratio >= 0.97


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", EXAMPLES)
def test_libreoffice_opens_the_docx_and_reads_the_same_words(built: dict[str, dict[str, Path]], name: str,
                                                             tmp_path: Path) -> None:
    """A real client: LibreOffice converts the DOCX to PDF; its text must match the seed the same way."""
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(built[name]["docx"])],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / f"{name}.pdf"
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    seed = seed_words(SEED_FILES[name].read_text(encoding="utf-8"))
    assert compare(seed, pdf_words(text)).differences == expected_differences(name)


@pytest.mark.parametrize("name", EXAMPLES)
def test_goldens(built: dict[str, dict[str, Path]], name: str, golden) -> None:  # type: ignore[no-untyped-def]
    path = REPO / "resolutions" / f"{name}.yaml"
    golden(f"{name}.md", compose(load_data_file(path), file=f"resolutions/{name}.yaml").dump())
    document = to_document(path, source=f"resolutions/{name}.yaml")[0]
    golden(f"{name}.ir.txt", dump_document(document))
    golden(f"{name}.docx.txt", docx_text_dump(built[name]["docx"].read_bytes()))
    golden(f"{name}.html", to_html(document, css=""))  # the stylesheet has its own tests; keep goldens on markup
    golden(f"{name}.txt", built[name]["txt"].read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLES)
def test_same_input_gives_the_same_bytes(built: dict[str, dict[str, Path]], name: str, tmp_path: Path) -> None:
    again = build(REPO / "resolutions" / f"{name}.yaml", FORMATS, tmp_path)
    for path in again.outputs:
        assert path.read_bytes() == built[name][path.suffix[1:]].read_bytes(), path.name


def test_ketrzyn_docx_layout(built: dict[str, dict[str, Path]]) -> None:
    """Municipal formatting: A4, Times New Roman 12, centred bold title, justified body, right signature."""
    document = docx.Document(io.BytesIO(built["ketrzyn-2014-pal"]["docx"].read_bytes()))
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 12)
    by_style: dict[str, list] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph)
    title = by_style["Tytuł uchwały"]
    assert [p.text for p in title][:2] == ["UCHWAŁA NR\u00a0LXIV/400/14", "RADY MIEJSKIEJ W\u00a0KĘTRZYNIE"]
    assert all(p.style.paragraph_format.alignment == 1 and p.style.font.bold for p in title)  # centred, bold
    assert [p.text for p in by_style["Paragraf nagłówek"]] == ["§\u00a01", "§\u00a02", "§\u00a03"]
    assert document.styles["Normal"].paragraph_format.alignment == 3  # justified
    assert by_style["Nagłówek załącznika"][0].style.paragraph_format.alignment == 2  # right
    assert len(document.sections) == 2  # the annex is its own section, with page numbers in its footer
    assert "PAGE" in document.sections[1].footer._element.xml
    assert document.core_properties.language == "pl-PL"
    assert document.core_properties.title == "Uchwała Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia 29 kwietnia 2014 r."
