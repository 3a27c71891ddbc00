"""Provisions written in the data with ustępy, punkty, litery and tirety: numbered by paldocs in both paragraph
layouts and printed the same in text, HTML, DOCX (python-docx) and PDF (pdftotext); typed numbers that paldocs
assigns are refused at the data value; typed markers out of sequence are reported by PD055."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import TESTS

from paldocs.api import render, to_document
from paldocs.checks import check_file
from paldocs.cli import main
from paldocs.document import Unit
from paldocs.errors import PaldocsError
from paldocs.markup.typed_numbers import Slip, text_before_ustepy, typed_number_slips

BODY = TESTS / "data" / "body" / "gmina-x.yaml"
NB = "\u00a0"


def variant(tmp_path: Path, name: str = "dane.yaml", *, layout: str | None = None, **resolution: Any) -> Path:
    data = yaml.safe_load(BODY.read_text(encoding="utf-8"))
    data["resolution"].update(resolution)
    if layout:
        data["municipality"]["layout"] = {"paragraph_layout": layout}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def lines_of(document: Any, fmt: str, tmp_path: Path) -> list[str]:
    """The printed lines (paragraphs) of a format, read back with a real reader, NO-BREAK SPACE as a space."""
    content = render(document, fmt)
    if fmt == "txt":
        text = as_text(content)
    elif fmt == "html":
        text = re.sub(r"<[^>]+>", "", re.sub(r"</p>|<br ?/?>", "\n", as_text(content)))
    elif fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(bytes(content))).paragraphs)
    else:
        pdf = tmp_path / "out.pdf"
        pdf.write_bytes(bytes(content))
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [" ".join(line.replace(NB, " ").replace("\t", " ").split()) for line in text.splitlines() if line.strip()]


def as_text(content: bytes | str) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def first_provision_line(path: Path) -> int:
    """The 1-based line of the first entry under ``provisions:`` in a data file (where errors must point)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index("  provisions:") + 2


FORMATS = ["txt", "html", "docx", pytest.param("pdf", marks=pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)"))]

# What each layout prints from the first data paragraf (§ 1 here: the generic kind has no § of its own).
EXPECTED = {
    "inline": ["§ 1. 1. Ustala się zasady udzielania dotacji.", "2. Dotacja obejmuje:", "1) koszty osobowe;",
               "2) koszty rzeczowe, w tym:", "a) materiały,", "b) usługi:", "– transportowe,", "– pocztowe.",
               "§ 2. Zwykły paragraf bez ustępów."],
    "heading": ["§ 1", "1. Ustala się zasady udzielania dotacji.", "2. Dotacja obejmuje:", "1) koszty osobowe;",
                "2) koszty rzeczowe, w tym:", "a) materiały,", "b) usługi:", "– transportowe,", "– pocztowe.",
                "§ 2", "Zwykły paragraf bez ustępów."],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", ["inline", "heading"])
def test_units_print_in_every_format_and_layout(tmp_path: Path, layout: str, fmt: str) -> None:
    document, _ = to_document(variant(tmp_path, layout=layout))
    lines = lines_of(document, fmt, tmp_path)
    expected = EXPECTED[layout]
    if fmt == "pdf":  # pdftotext splits a hanging label from its text and drops a centred line's NO-BREAK SPACE
        assert "".join(expected).replace(" ", "") in "".join(lines).replace(" ", "")
        return
    start = lines.index(expected[0])
    assert lines[start:start + len(expected)] == expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_the_first_ustep_is_run_in_with_the_paragraf_in_pdf(tmp_path: Path) -> None:
    document, _ = to_document(variant(tmp_path))
    pdf = tmp_path / "uchwala.pdf"
    pdf.write_bytes(bytes(render(document, "pdf")))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout.replace(NB, " ")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "§ 1. 1. Ustala się zasady udzielania dotacji." in lines
    assert lines[lines.index("§ 1. 1. Ustala się zasady udzielania dotacji.") + 1] == "2. Dotacja obejmuje:"


def test_the_first_ustep_is_run_in_with_the_paragraf_in_docx(tmp_path: Path) -> None:
    """"§ 1. 1." is one Word paragraph in the ustęp style, not a § line followed by an ustęp line."""
    document, _ = to_document(variant(tmp_path))
    paragraphs = docx.Document(io.BytesIO(bytes(render(document, "docx")))).paragraphs
    first = next(p for p in paragraphs if p.text.startswith("§"))
    assert (first.style.name, first.text.replace(NB, " ")) == ("Ustęp", "§ 1. 1. Ustala się zasady udzielania dotacji.")
    styles = [p.style.name for p in paragraphs[paragraphs.index(first):paragraphs.index(first) + 8]]
    assert styles == ["Ustęp", "Ustęp", "Punkt", "Punkt", "Litera", "Litera", "Tiret", "Tiret"]


def test_units_are_numbered_with_addresses_and_come_from_the_data(tmp_path: Path) -> None:
    document, _ = to_document(variant(tmp_path))
    paragraf = next(block for block in document.parts[0].blocks if isinstance(block, Unit))
    ustep_2 = paragraf.children[1]
    assert isinstance(ustep_2, Unit) and (ustep_2.kind, ustep_2.address) == ("ustep", "par_1__ust_2")
    litera_b = ustep_2.children[2].children[2]  # ustęp 2: its text, punkt 1, punkt 2; punkt 2: text, a), b)
    assert (litera_b.kind, litera_b.address) == ("litera", "par_1__ust_2__pkt_2__lit_b")  # type: ignore[union-attr]
    # the paragraf's origin is its data value (file line and field path), not the template's lone "§"
    assert paragraf.origin is not None and paragraf.origin.path == ("resolution", "provisions", 0)
    assert paragraf.origin.line == first_provision_line(tmp_path / "dane.yaml")


@pytest.mark.parametrize("provision, message", [
    ("§ 3. Tekst.", "Numery paragrafów nadaje paldocs — usuń „3.” po znaku §"),
    ("§ Tekst.", "znak § drukuje paldocs — usuń „§” z początku paragrafu"),
    ("§", "znak § drukuje paldocs"),
    ("Tekst:\n1) pierwszy,\n   1. zły ustęp.", "Ustęp (1.) nie może występować w punkcie"),
    ("1. Ustęp:\n1) punkt bez wcięcia.", "Paragraf nie może zawierać jednocześnie ustępów (1.) i punktów (1))"),
])
def test_wrong_units_are_errors_at_the_data_value(tmp_path: Path, provision: str, message: str) -> None:
    path = variant(tmp_path, provisions=[provision])
    error_line = first_provision_line(path)
    with pytest.raises(PaldocsError) as caught:
        to_document(path)
    assert message in caught.value.message
    location = caught.value.location
    assert location is not None
    assert (location.file, location.line, location.path) == (str(path), error_line, "resolution.provisions[0]")


def test_a_typed_paragraf_number_exits_2_from_the_cli_and_writes_nothing(tmp_path: Path) -> None:
    path = variant(tmp_path, provisions=["§ 2. Tekst."])
    result = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{path}:{first_provision_line(path)}:5 resolution.provisions[0]: Numery paragrafów nadaje paldocs" \
        in result.stderr
    assert not (tmp_path / "out" / "dane.txt").exists()


@pytest.mark.parametrize("text, slips", [
    ("1. A.\n2. B.", []),
    ("Wstęp:\n1) a;\n1) b;\n1) c.", []),  # Markdown's "number them for me"
    ("Wstęp:\na) x,\na) y.", []),
    ("1. A.\n3. B.", [Slip(2, "ustep", "3.", "2.", "1.")]),
    ("1. A.\n2. B.\n2. C.", [Slip(3, "ustep", "2.", "3.", "2.")]),
    ("1. A:\n   1) x;\n   3) y:\n      a) q,\n      c) r.\n2. B.",
     [Slip(3, "punkt", "3)", "2)", "1)"), Slip(5, "litera", "c)", "b)", "a)")]),
    ("Wstęp:\n2) a;\n3) b.", [Slip(2, "punkt", "2)", "1)", None)]),  # swallowed into the text
    ("Wstęp:\n\n3. ustęp.", [Slip(3, "ustep", "3.", "1.", None)]),
    ("Ma 2 lata i\n1.5 mln zł.", []),  # not a marker
    ("Wstęp:\n– a,\n– b.", []),  # tirets have no numbers
])
def test_typed_number_slips(text: str, slips: list[Slip]) -> None:
    assert typed_number_slips(text) == slips


def test_pd055_reports_a_missing_ustep_at_the_provision(tmp_path: Path) -> None:
    path = variant(tmp_path, provisions=["Zwykły.", "1. Pierwszy.\n3. Trzeci."])
    findings = [f for f in check_file(path, today=dt.date(2025, 1, 1)) if f.rule == "PD055"]
    assert [(f.severity, f.location.path, f.fix) for f in findings] == [("error", "resolution.provisions[1]", "2.")]
    assert "2. wiersz paragrafu: po „1.” następuje „3.”" in findings[0].message
    # the build prints paldocs's own numbers: the slip is what the check is for
    document, _ = to_document(path)
    assert "§ 2. 1. Pierwszy.\n2. Trzeci." in as_text(render(document, "txt")).replace(NB, " ")


@pytest.mark.parametrize("text, line", [
    ("Wstęp:\n\n1. a.\n2. b.", 3),
    ("Wstęp:\n1. a.", 2),
    ("1. a.\n2. b.", None),
    ("Wstęp:\n1) a;\n2) b.", None),  # punkty after an introduction: an enumeration, as it should be
    ("1. A:\n   1) x;\n   2) y.", None),
])
def test_text_before_ustepy(text: str, line: int | None) -> None:
    assert text_before_ustepy(text) == line


def test_pd056_warns_of_text_before_the_first_ustep(tmp_path: Path) -> None:
    path = variant(tmp_path, provisions=["Wstęp:\n\n1. Pierwszy.\n2. Drugi."])
    findings = [f for f in check_file(path, today=dt.date(2025, 1, 1)) if f.rule == "PD056"]
    assert [(f.severity, f.location.path) for f in findings] == [("warning", "resolution.provisions[0]")]
    assert findings[0].message.startswith("3. wiersz paragrafu: ustęp „1.” następuje po tekście paragrafu")
    assert not [f for f in check_file(BODY, today=dt.date(2025, 1, 1)) if f.rule in ("PD055", "PD056")]


def test_body_golden(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    document, _ = to_document(BODY)
    golden("body-gmina-x.txt", as_text(render(document, "txt")))
