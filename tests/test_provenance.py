"""Provenance: every IR node knows the data value (file:line:column, field path) or the template line that printed
it (paldocs.sourcemap), checks read it, and the origin markers never reach any output."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pypdf
import pytest
from conftest import REPO, TESTS

from paldocs.api import to_document
from paldocs.checks.engine import check_file
from paldocs.compose import compose, make_environment
from paldocs.document import (Div, Figure, Heading, ListBlock, ListItem, PageBreak, Paragraph, Table, TableCell, Unit,
                              walk)
from paldocs.model.load import load_source
from paldocs.sourcemap import Recorder, index_fields, recording, strip

OSTRODA = TESTS / "data" / "ostroda-2024-pal.yaml"
EXAMPLES = sorted([*REPO.glob("resolutions/*.yaml"), *REPO.glob("resolutions/*/sprawozdanie-*.yaml"), OSTRODA])
BLOCKS = (Paragraph, Heading, ListBlock, ListItem, Unit, Div, PageBreak, Table, TableCell, Figure)
# Private use (BMP and planes 15–16) and the noncharacters paldocs marks origins with.
HIDDEN = re.compile("[\ue000-\uf8ff\ufdd0-\ufdef\U000f0000-\U0010ffff]")
PROVISIONS = '''  provisions:
    - |
      Ustala się zasady:
      1) pierwsza;
      2) druga:
         a) szczegół.
    - Drugi przepis.
'''


def with_provisions(tmp_path: Path, provisions: str = PROVISIONS) -> Path:
    path = tmp_path / "dane.yaml"
    path.write_text(OSTRODA.read_text(encoding="utf-8").replace("  legal_basis:\n", provisions + "  legal_basis:\n", 1),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_every_block_item_and_cell_of_the_examples_has_an_origin(example: Path) -> None:
    document, _ = to_document(example, charts=False)
    nodes = [node for node in walk(document) if isinstance(node, BLOCKS)]
    assert nodes and all(node.origin is not None for node in nodes)
    assert any(node.origin.from_data for node in nodes)  # type: ignore[union-attr]


def test_units_written_in_a_provision_point_at_its_line_and_field(tmp_path: Path) -> None:
    path = with_provisions(tmp_path)
    document, _ = to_document(path)
    units = [node for node in walk(document.parts[0]) if isinstance(node, Unit)]
    by_address = {unit.address: unit for unit in units}
    first = ("resolution", "provisions", 0)
    for address in ("par_2", "par_2__pkt_1", "par_2__pkt_2", "par_2__pkt_2__lit_a"):
        origin = by_address[address].origin
        assert origin is not None and origin.path == first, address
        assert (origin.file, origin.line, origin.column) == (str(path), 13, 7)
    second = by_address["par_3"].origin
    assert second is not None and second.field == "resolution.provisions[1]" and second.line == 18
    # The template wrote § 1 (adoption) and the closing provisions: template name and line, no field path.
    adoption, executor = by_address["par_1"].origin, by_address["par_4"].origin
    assert adoption is not None and not adoption.from_data
    assert adoption.template == "paldocs_templates/kind-adopt-program.md.j2" and adoption.template_line == 5
    assert executor is not None and executor.template == "paldocs_templates/closing-provisions.md.j2"
    assert executor.template_line == 5 and str(executor.location()) == "paldocs_templates/closing-provisions.md.j2:5"


def test_program_items_and_headings_point_at_their_fields() -> None:
    document, _ = to_document(OSTRODA)
    annex = document.parts[1]
    item = next(node for node in walk(annex) if isinstance(node, ListItem))
    heading = next(node for node in walk(annex) if isinstance(node, Heading) and node.level == 1
                   and node.origin is not None and node.origin.from_data)
    assert item.origin is not None and item.origin.field == "program.sections[0].items[0].text"
    assert (item.origin.line, item.origin.column) == (23, 23)
    assert heading.origin is not None and heading.origin.field == "program.sections[0].heading"


def test_report_values_point_into_the_report_and_the_program() -> None:
    from paldocs.report.compose import compose_report
    from paldocs.report.load import load_report

    report = REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml"
    document, _ = to_document(report, charts=False)
    cells = [node.origin for node in walk(document) if isinstance(node, TableCell)
             and node.origin is not None and node.origin.from_data]
    assert cells and all(origin.file == str(report) and origin.line for origin in cells)
    origins = compose_report(load_report(report), draw=False).parts[0].origins
    assert origins is not None
    assert str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml") in {origin.file for _, _, origin, _ in origins.spans}


def test_check_findings_about_units_point_at_the_provision(tmp_path: Path) -> None:
    path = with_provisions(tmp_path, "  provisions:\n    - |\n      Ustala się zasady\n      1) pierwsza;\n"
                                     "      2) druga.\n")
    findings = [f for f in check_file(path, today=dt.date(2026, 11, 25)) if f.unit and f.unit.startswith("§ 2")]
    assert findings, "the missing colon before the points is reported"
    assert all((f.location.path, f.location.line) == ("resolution.provisions[0]", 13) for f in findings)


@pytest.mark.parametrize(("old", "new", "message", "line", "path"), [
    ("  legal_basis:\n", '  provisions:\n    - "§ 5. Tekst"\n  legal_basis:\n', "usuń „5.” po znaku §", 13,
     "resolution.provisions[0]"),
    ("  legal_basis:\n", "  provisions:\n    - Wstęp.\n    - |\n      Tekst:\n      1) pierwszy,\n         1. zły.\n"
     "  legal_basis:\n", "Ustęp (1.) nie może występować w punkcie", 14, "resolution.provisions[1]"),
    ("text: Aktywizacja mieszkańców.", 'text: "::: podpis"', "Nieznany rodzaj bloku „::: podpis”", 23,
     "program.sections[0].items[0].text"),
])
def test_build_errors_in_data_are_findings_at_the_data_line(tmp_path: Path, old: str, new: str, message: str,
                                                            line: int, path: str) -> None:
    data = tmp_path / "dane.yaml"
    data.write_text(OSTRODA.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    found = [f for f in check_file(data, today=dt.date(2026, 11, 25)) if f.rule == "PD000"]
    assert len(found) == 1 and message in found[0].message
    assert (found[0].location.file, found[0].location.line, found[0].location.path) == (str(data), line, path)


# Reports with charts for several years take seconds to build and read: the fast loop reads the one-year report.
SLOW_EXAMPLES = {"sprawozdanie-2014-2016", "sprawozdanie-2015"}


@pytest.mark.parametrize("example", [pytest.param(path, marks=pytest.mark.slow) if path.stem in SLOW_EXAMPLES
                                     else path for path in EXAMPLES], ids=lambda path: path.name)
def test_no_origin_marker_reaches_any_output(example: Path, example_outputs: dict[str, dict[str, Path]]) -> None:
    # Every example's outputs as `paldocs build` writes them (conftest builds each example once per run).
    outputs = {fmt: example_outputs[example.stem][fmt].read_bytes() for fmt in ("txt", "html", "docx", "pdf")}
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as docx:
        # The text of the document, headers and footers (the style sheet's numbering uses a Symbol-font bullet).
        docx_text = "".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", docx.read(name).decode("utf-8")))
                            for name in docx.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name))
        assert len(docx_text) > 500
    pdf_text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(outputs["pdf"])).pages)
    texts = {"txt": outputs["txt"].decode("utf-8"), "html": outputs["html"].decode("utf-8"), "docx": docx_text,
             "pdf": pdf_text}
    for fmt, text in texts.items():
        assert not HIDDEN.search(text), fmt


def test_the_composed_markdown_holds_no_marker() -> None:
    source = load_source(OSTRODA)
    composition = compose(source.data, file=source.file, locate=source.locate)
    assert not HIDDEN.search(composition.dump())
    assert all(part.origins is not None and part.origins.text == part.markdown for part in composition.parts)


def test_text_a_template_captured_is_still_escaped_as_text() -> None:
    """A value captured with {% set %} holds template markers; escaping removes them first, so "§ 7." at the
    start of the value still prints literally instead of opening a paragraf."""
    source = load_source(OSTRODA)
    env = make_environment({"provisions.md.j2": "{% set captured %}§ 7. Zapis{% endset %}\n§ {{ captured }}\n\n"})
    composition = compose(source.data, env, file=source.file, locate=source.locate)
    assert "§ \\§ 7. Zapis" in composition.parts[0].markdown


def test_markers_are_emitted_only_while_recording() -> None:
    env = make_environment({"t.j2": "Tekst {{ value }}\n"})
    assert env.get_template("t.j2").render(value="x y") == "Tekst x y\n"
    source = load_source(OSTRODA)
    recorder = Recorder(index_fields(source.data))
    with recording(recorder):
        rendered = env.get_template("t.j2").render(value=source.data.municipality.seat)
    origins = strip(rendered, recorder.origins)
    assert origins.text == "Tekst Ostróda\n" and rendered != origins.text
    value = origins.origin_at(origins.text.index("Ostróda"))
    assert value is not None and value.field == "municipality.seat"
    template = origins.origin_at(0)
    assert template is not None and (template.template, template.template_line) == ("t.j2", 1)
