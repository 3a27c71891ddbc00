"""PDF/A-3b with embedded sources, PDF/UA-1, tagging — structural checks with pypdf (no veraPDF here).

The default PDF (no variant) is tagged too — the documents are published in BIP, which the ustawa o
dostępności cyfrowej (Dz. U. z 2019 r. poz. 848) requires to be accessible: every example's default PDF has
the structure tree, /MarkInfo /Marked, /Lang pl-PL and DisplayDocTitle, and the same tags as the variants.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from examples import KNOWN, example_files
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from paldocs.api import build, to_document
from paldocs.cli import main
from paldocs.errors import RenderError
from paldocs.writers.pdf import to_pdf

ROOT = Path(__file__).resolve().parents[1]
RESOLUTION = ROOT / "resolutions" / "ketrzyn-2014-pal.yaml"
PROFILE = ROOT / "resolutions" / "profiles" / "ketrzyn.yaml"
REPORT = ROOT / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2016.yaml"


def _build(source: Path, variant: str, out: Path) -> bytes:
    return build(source, ["pdf"], out, pdf_variant=variant).outputs[0].read_bytes()


VARIANT_BUILDS = {"a3b": (RESOLUTION, "pdf/a-3b"), "ua1": (RESOLUTION, "pdf/ua-1"),
                  "report-a3b": (REPORT, "pdf/a-3b"), "report-ua1": (REPORT, "pdf/ua-1")}


class BuiltPdfs(dict[str, bytes]):
    """The PDFs by name, each variant built on first use (the fast loop leaves the report's variants out):
    ``a3b``, ``ua1``, ``report-a3b``, ``report-ua1``; ``default`` and ``report-default`` are the examples'
    default PDFs (conftest's shared builds)."""

    def __init__(self, out: Path, example_outputs: dict[str, dict[str, Path]]) -> None:
        super().__init__(default=example_outputs[RESOLUTION.stem]["pdf"].read_bytes(),
                         **{"report-default": example_outputs[REPORT.stem]["pdf"].read_bytes()})
        self.out = out

    def __missing__(self, name: str) -> bytes:
        source, variant = VARIANT_BUILDS[name]
        self[name] = _build(source, variant, self.out / name)
        return self[name]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, example_outputs: dict[str, dict[str, Path]]) -> BuiltPdfs:
    return BuiltPdfs(tmp_path_factory.mktemp("archive"), example_outputs)


REPORT_VARIANT = pytest.mark.slow  # the report's PDF/A-3b and PDF/UA-1: the fast loop checks the resolution's


def catalog(data: bytes) -> DictionaryObject:
    return pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]


def xmp(data: bytes) -> str:
    return catalog(data)["/Metadata"].get_object().get_data().decode("utf-8")


def struct_elements(data: bytes) -> list[DictionaryObject]:
    found: list[DictionaryObject] = []
    seen: set[int] = set()

    def walk(node: object) -> None:
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                return
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject):
            if "/S" in node and "/P" in node:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(catalog(data)["/StructTreeRoot"])
    return found


def tags(data: bytes) -> Counter:
    return Counter(str(element["/S"]) for element in struct_elements(data))


def test_pdfa_identification_and_output_intent(pdfs: dict[str, bytes]) -> None:
    metadata = xmp(pdfs["a3b"])
    assert 'pdfaid:part="3"' in metadata and 'pdfaid:conformance="B"' in metadata
    intents = catalog(pdfs["a3b"])["/OutputIntents"]
    assert len(intents) == 1 and intents[0].get_object()["/S"] == "/GTS_PDFA1"
    assert intents[0].get_object()["/DestOutputProfile"].get_object().get_data()


def test_pdfua_identification(pdfs: dict[str, bytes]) -> None:
    assert 'pdfuaid:part="1"' in xmp(pdfs["ua1"])
    assert "pdfaid" not in xmp(pdfs["ua1"])


@pytest.mark.parametrize("name", ["a3b", "ua1", pytest.param("report-a3b", marks=REPORT_VARIANT),
                                  pytest.param("report-ua1", marks=REPORT_VARIANT), "default", "report-default"])
def test_fonts_embedded_no_encryption_title_language(pdfs: dict[str, bytes], name: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdfs[name]))
    assert "/Encrypt" not in reader.trailer
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "pl-PL"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True
    assert root["/MarkInfo"]["/Marked"] == True
    assert reader.metadata.title
    if not name.endswith("default"):  # a variant also writes XMP metadata; the default has the Info title only
        assert reader.metadata.title in xmp(pdfs[name])
    descriptors = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts = [f.get_object() for f in font.get("/DescendantFonts", [font])]
            for item in fonts:
                descriptor = item["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, descriptor
                descriptors += 1
    assert descriptors


def test_resolution_structure_tags(pdfs: dict[str, bytes]) -> None:
    for name in ("a3b", "ua1", "default"):
        found = tags(pdfs[name])
        for tag in ("/Document", "/H1", "/P", "/L", "/LI", "/LBody"):
            assert found[tag], (name, tag)


@pytest.mark.parametrize("name", [pytest.param("report-a3b", marks=REPORT_VARIANT),
                                  pytest.param("report-ua1", marks=REPORT_VARIANT), "report-default"])
def test_report_tables_and_figures_with_alt(pdfs: dict[str, bytes], name: str) -> None:
    found = tags(pdfs[name])
    for tag in ("/H1", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD"):
        assert found[tag], (name, tag)
    figures = [e for e in struct_elements(pdfs[name]) if e["/S"] == "/Figure"]
    assert len(figures) == 2
    assert all(str(f.get("/Alt", "")).startswith("Wykres") for f in figures)


def test_sources_embedded_as_associated_files(pdfs: dict[str, bytes]) -> None:
    root = catalog(pdfs["a3b"])
    names = root["/Names"]["/EmbeddedFiles"].get_object()["/Names"]
    tree = {str(names[i]): names[i + 1].get_object() for i in range(0, len(names), 2)}
    assert list(tree) == ["ketrzyn-2014-pal.yaml", "paldocs-source.json", "profiles/ketrzyn.yaml"]
    af = [ref.get_object() for ref in root["/AF"]]
    assert len(af) == 3 and {str(spec["/UF"]) for spec in af} == set(tree)
    for spec in af:
        assert spec["/AFRelationship"] == "/Source"
        assert spec["/EF"]["/F"].get_object()["/Type"] == "/EmbeddedFile"
    manifest = json.loads(tree["paldocs-source.json"]["/EF"]["/F"].get_object().get_data())
    assert [f["name"] for f in manifest["files"]] == ["ketrzyn-2014-pal.yaml", "profiles/ketrzyn.yaml"]
    assert manifest["catalog_version"] and manifest["paldocs_version"]


def test_ua_has_no_attachments(pdfs: dict[str, bytes]) -> None:
    assert not pypdf.PdfReader(io.BytesIO(pdfs["ua1"])).attachments


def test_default_claims_no_standard_and_embeds_nothing(pdfs: dict[str, bytes]) -> None:
    """Tagged, but without a PDF/A or PDF/UA identification that nothing here validates."""
    reader = pypdf.PdfReader(io.BytesIO(pdfs["default"]))
    metadata = reader.trailer["/Root"].get("/Metadata")
    identification = metadata.get_object().get_data().decode("utf-8") if metadata is not None else ""
    assert "pdfaid" not in identification and "pdfuaid" not in identification
    assert not reader.attachments and "/OutputIntents" not in reader.trailer["/Root"]


def test_every_known_example_is_found() -> None:
    assert set(KNOWN) <= set(example_files())


# The fast loop checks the known examples but the longest report (a resolution, programmes, a one-year report);
# every other example in slow runs.
FAST_TAGGED = set(KNOWN) - {"sprawozdanie-2014-2016", "sprawozdanie-2015"}


@pytest.mark.parametrize("stem", [stem if stem in FAST_TAGGED else pytest.param(stem, marks=pytest.mark.slow)
                                  for stem in example_files()])
def test_default_pdf_of_every_example_is_tagged(example_outputs: dict[str, dict[str, Path]], stem: str) -> None:
    root = catalog(example_outputs[stem]["pdf"].read_bytes())
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == True
    assert root["/Lang"] == "pl-PL"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True


@pytest.mark.slow
def test_tagging_changes_nothing_on_the_page(pdfs: dict[str, bytes]) -> None:
    """Same pages, same text: the tags only describe what the untagged PDF already shows (the report: it
    has tables and figures besides headings, paragraphs and lists)."""
    tagged = pypdf.PdfReader(io.BytesIO(pdfs["report-default"]))
    untagged = pypdf.PdfReader(io.BytesIO(to_pdf(to_document(REPORT)[0], tagged=False)))
    assert "/StructTreeRoot" in tagged.trailer["/Root"] and "/StructTreeRoot" not in untagged.trailer["/Root"]
    assert "/MarkInfo" not in untagged.trailer["/Root"]
    assert len(tagged.pages) == len(untagged.pages)
    for page_tagged, page_untagged in zip(tagged.pages, untagged.pages):
        assert page_tagged.extract_text() == page_untagged.extract_text()
        assert page_tagged.mediabox == page_untagged.mediabox


def test_a_variant_is_always_tagged() -> None:
    document, _ = to_document(RESOLUTION)
    with pytest.raises(RenderError, match="zawsze otagowany"):
        to_pdf(document, variant="pdf/ua-1", tagged=False)


@pytest.mark.slow
def test_reproducible(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    assert pdfs["a3b"] == _build(RESOLUTION, "pdf/a-3b", tmp_path)


def test_cli_build_and_extract_round_trip(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(RESOLUTION), "-f", "pdf", "--pdf-variant", "pdf/a-3b",
                                  "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "ketrzyn-2014-pal.pdf"
    result = runner.invoke(main, ["extract", str(pdf), "-o", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "ketrzyn-2014-pal.yaml").read_bytes() == RESOLUTION.read_bytes()
    assert (tmp_path / "x" / "profiles" / "ketrzyn.yaml").read_bytes() == PROFILE.read_bytes()
    assert "ketrzyn-2014-pal.yaml" in result.output and "paldocs-source.json" in result.output


@REPORT_VARIANT
def test_report_sources_round_trip(tmp_path: Path, pdfs: dict[str, bytes]) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(pdfs["report-a3b"])
    result = CliRunner().invoke(main, ["extract", str(pdf), "-o", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "ketrzyn-2014-pal" / "sprawozdanie-2016.yaml").read_bytes() == REPORT.read_bytes()
    assert (tmp_path / "x" / "ketrzyn-2014-pal.yaml").read_bytes() == RESOLUTION.read_bytes()


def test_extract_refuses_pdf_without_sources(tmp_path: Path, pdfs: dict[str, bytes]) -> None:
    pdf = tmp_path / "ua.pdf"
    pdf.write_bytes(pdfs["ua1"])
    result = CliRunner().invoke(main, ["extract", str(pdf), "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "błąd:" in result.output
    assert not (tmp_path / "x").exists()


def test_extract_refuses_non_pdf(tmp_path: Path) -> None:
    bogus = tmp_path / "x.pdf"
    bogus.write_text("nie PDF")
    result = CliRunner().invoke(main, ["extract", str(bogus)])
    assert result.exit_code == 2 and "błąd:" in result.output
