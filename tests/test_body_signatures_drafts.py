"""Signatures (any function and gender, "z up." in the chair's gender, several signatories, the organ in full,
by type or short) and drafts for a council session (status "projekt", ``paldocs build --draft``, the library's
``draft=True``): the "Projekt" mark, blanks in the profile's numbering order, no signature — read back from
text, DOCX (python-docx), PDF (pdftotext) and through LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import TESTS
from docx.enum.text import WD_ALIGN_PARAGRAPH

from paldocs.api import build, render, to_document
from paldocs.checks import check_file
from paldocs.cli import main
from paldocs.errors import PaldocsError

BODY = TESTS / "data" / "body" / "gmina-x.yaml"
NB = "\u00a0"
TODAY = dt.date(2025, 1, 1)


def variant(tmp_path: Path, name: str = "dane.yaml", *, municipality: dict[str, Any] | None = None,
            drop: tuple[str, ...] = (), **resolution: Any) -> Path:
    data = yaml.safe_load(BODY.read_text(encoding="utf-8"))
    data["resolution"].update(resolution)
    for key in drop:
        data["resolution"].pop(key, None)
    data["municipality"].update(municipality or {})
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def text_of(path: Path, **options: Any) -> str:
    document, _ = to_document(path, **options)
    content = render(document, "txt")
    return (content.decode("utf-8") if isinstance(content, bytes) else content).replace(NB, " ")


def signature_lines(text: str) -> list[str]:
    """The lines after the last paragraf (the signature blocks), blank lines dropped."""
    tail = text.split("Uchwała wchodzi w życie z dniem podjęcia.", 1)[1]
    return [line for line in tail.splitlines() if line.strip()]


# --- signatures ------------------------------------------------------------------------------------------------

CHAIR_K = {"name": "Anna Nowak", "gender": "k"}


@pytest.mark.parametrize("signatory, organ, expected", [
    ({"name": "Jan Kowalski"}, "full", ["Przewodniczący Rady Gminy Ostróda", "Jan Kowalski"]),
    (CHAIR_K, "full", ["Przewodnicząca Rady Gminy Ostróda", "Anna Nowak"]),
    ({"name": "Jan Kowalski", "function": "wiceprzewodniczący"}, "full",
     ["Wiceprzewodniczący Rady Gminy Ostróda", "Jan Kowalski"]),
    ({"name": "Anna Nowak", "function": "wiceprzewodniczący", "gender": "k"}, "full",
     ["Wiceprzewodnicząca Rady Gminy Ostróda", "Anna Nowak"]),
    ({"name": "Jan Kowalski", "function": "wiceprzewodniczący", "on_behalf_of_chair": True}, "full",
     ["z up. Przewodniczącego Rady Gminy", "Wiceprzewodniczący Rady Gminy Ostróda", "Jan Kowalski"]),
    ({"name": "Jan Kowalski", "function": "wiceprzewodniczący", "on_behalf_of_chair": True, "chair_gender": "k"},
     "full", ["z up. Przewodniczącej Rady Gminy", "Wiceprzewodniczący Rady Gminy Ostróda", "Jan Kowalski"]),
    ({"name": "Anna Nowak", "function": "wiceprzewodniczący", "gender": "k", "on_behalf_of_chair": True,
      "chair_gender": "k", "published_mark": "/-/"}, "short",
     ["z up. Przewodniczącej Rady", "Wiceprzewodnicząca Rady", "/-/ Anna Nowak"]),
    (CHAIR_K, "short", ["Przewodnicząca Rady", "Anna Nowak"]),
    (CHAIR_K, "type", ["Przewodnicząca Rady Gminy", "Anna Nowak"]),
    ({"name": "Jan Kowalski", "function": "wiceprzewodniczący", "on_behalf_of_chair": True}, "type",
     ["z up. Przewodniczącego Rady Gminy", "Wiceprzewodniczący Rady Gminy", "Jan Kowalski"]),
])
def test_one_signatory(tmp_path: Path, signatory: dict[str, Any], organ: str, expected: list[str]) -> None:
    path = variant(tmp_path, signatory=signatory, signature_organ=organ, drop=("signatories",))
    assert signature_lines(text_of(path)) == expected


def test_the_profiles_signatory_is_the_default(tmp_path: Path) -> None:
    assert signature_lines(text_of(variant(tmp_path, drop=("signatories",)))) == [
        "Przewodniczący Rady Gminy Ostróda", "Jan Kowalski"]


def test_several_signatories_each_in_its_own_block_in_docx(tmp_path: Path) -> None:
    document, _ = to_document(BODY)
    paragraphs = docx.Document(io.BytesIO(bytes(render(document, "docx")))).paragraphs
    signature = [p.text.replace(NB, " ") for p in paragraphs if p.style.name == "Podpis"]
    assert signature == ["Przewodnicząca Rady Gminy Ostróda", "Anna Nowak",
                         "z up. Przewodniczącej Rady Gminy\nWiceprzewodniczący Rady Gminy Ostróda",
                         "Piotr Wiśniewski"]


def test_signatory_and_signatories_together_are_an_error_at_the_resolution(tmp_path: Path) -> None:
    path = variant(tmp_path, signatory={"name": "Jan Kowalski"})
    with pytest.raises(PaldocsError) as caught:
        to_document(path)
    assert "podaj albo „signatory”" in caught.value.message
    assert caught.value.location is not None and caught.value.location.path == "resolution"


@pytest.mark.parametrize("field, value, message", [
    ("signatories", [], "lista nie może być pusta"),
    ("signatories", [{"name": "Jan", "gender": "x"}], "gender"),
    ("signature_organ", "krótko", "signature_organ"),
    ("status", "przyjęta", "status"),
])
def test_bad_signature_and_status_values_name_the_field(tmp_path: Path, field: str, value: Any, message: str) -> None:
    path = variant(tmp_path, **{field: value})
    result = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "-o", str(tmp_path)])
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


# --- drafts ----------------------------------------------------------------------------------------------------


def test_status_projekt_prints_the_mark_blanks_and_no_signature(tmp_path: Path) -> None:
    text = text_of(variant(tmp_path, status="projekt"))
    assert text.startswith("Projekt\n\nUCHWAŁA NR …/…/…\nRADY GMINY OSTRÓDA\nz dnia …\nw sprawie zasad udzielania "
                           "dotacji\n")
    assert "XII/85/2024" not in text and "20 listopada 2024" not in text  # given, yet blanks are printed
    assert text.rstrip().endswith("§ 4. Uchwała wchodzi w życie z dniem podjęcia.")
    assert "Przewodnicząca" not in text and "Anna Nowak" not in text


@pytest.mark.parametrize("order, blanks", [
    ("session/number/year", "…/…/…"), ("number/session/year", "…/…/…"), ("number/year", "…/…")])
def test_draft_blanks_follow_the_profiles_numbering(tmp_path: Path, order: str, blanks: str) -> None:
    path = variant(tmp_path, status="projekt", municipality={"numbering": {"order": order}}, drop=("number",))
    assert f"UCHWAŁA NR {blanks}\n" in text_of(path)


def test_the_same_data_without_the_flag_is_the_adopted_resolution(tmp_path: Path) -> None:
    adopted = text_of(BODY)
    assert adopted.startswith("UCHWAŁA NR XII/85/2024\n") and "Projekt" not in adopted
    assert signature_lines(adopted)[-1] == "Piotr Wiśniewski"
    assert text_of(BODY, draft=True) == text_of(variant(tmp_path, status="projekt"))


def test_the_annex_header_of_a_draft_gets_blanks(tmp_path: Path) -> None:
    text = text_of(TESTS.parent / "resolutions" / "ketrzyn-2014-pal.yaml", draft=True)
    assert "Załącznik do Uchwały Nr …/…/…\nRady Miejskiej w Kętrzynie\nz dnia …\n" in text
    assert "LXIV/400/14" not in text and "Rypina" not in text
    assert text.count("Projekt") == 1  # the mark stands once, above the resolution's title


def test_a_draft_of_an_annex_alone_carries_the_mark_above_its_header() -> None:
    text = text_of(TESTS.parent / "resolutions" / "inowroclaw-2009-pal.yaml", draft=True)
    assert text.startswith("Projekt\n\nZAŁĄCZNIK DO UCHWAŁY NR …/…/…\n")
    assert text.count("Projekt") == 1
    assert not text_of(TESTS.parent / "resolutions" / "inowroclaw-2009-pal.yaml").startswith("Projekt")


def test_draft_meta_has_no_number_or_date() -> None:
    document, _ = to_document(BODY, draft=True)
    assert (document.meta.number, document.meta.date) == (None, None)
    assert document.meta.title == "Uchwała Nr …/…/… Rady Gminy Ostróda z dnia …"


def test_draft_mark_is_a_right_aligned_paragraph_before_the_title_in_docx(tmp_path: Path) -> None:
    document, _ = to_document(BODY, draft=True)
    word = docx.Document(io.BytesIO(bytes(render(document, "docx"))))
    first, second = word.paragraphs[:2]
    assert (first.text, first.style.name, second.style.name) == ("Projekt", "Znak projektu", "Tytuł uchwały")
    assert word.styles["Znak projektu"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert "Podpis" not in {p.style.name for p in word.paragraphs}


def test_draft_mark_in_html() -> None:
    document, _ = to_document(BODY, draft=True)
    html = render(document, "html")
    html = html.decode("utf-8") if isinstance(html, bytes) else html
    assert '<div class="draft-mark">' in html and html.index("draft-mark") < html.index('class="title"')
    assert ".draft-mark {" in html  # the embedded house-style sheet styles the role


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_draft_mark_top_right_in_pdf(tmp_path: Path) -> None:
    document, _ = to_document(BODY, draft=True)
    pdf = tmp_path / "projekt.pdf"
    pdf.write_bytes(bytes(render(document, "pdf")))
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    words = [(line.split(">")[1].split("<")[0], line) for line in xml.splitlines() if "<word " in line]
    assert words[0][0] == "Projekt" and words[1][0] == "UCHWAŁA"

    def attribute(line: str, name: str) -> float:
        return float(line.split(f'{name}="')[1].split('"')[0])

    page_width = float(xml.split('page width="')[1].split('"')[0])
    mark = words[0][1]
    assert attribute(mark, "xMax") > page_width * 0.75  # at the right margin
    assert attribute(mark, "yMax") < attribute(words[1][1], "yMin")  # above the title


def test_cli_draft_flag(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(BODY), "--draft", "-f", "txt,docx", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert (out / "gmina-x.txt").read_text(encoding="utf-8").startswith("Projekt\n\nUCHWAŁA NR\u00a0…/…/…")
    result = runner.invoke(main, ["build", str(BODY), "-f", "txt", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert (out / "gmina-x.txt").read_text(encoding="utf-8").startswith("UCHWAŁA NR\u00a0XII/85/2024")
    assert "--draft" in runner.invoke(main, ["build", "--help"]).output


def test_library_build_draft(tmp_path: Path) -> None:
    result = build(BODY, ["txt"], tmp_path, draft=True)
    assert result.outputs[0].read_text(encoding="utf-8").startswith("Projekt\n")


def test_checks_accept_a_draft(tmp_path: Path) -> None:
    """PD001 (blanks), PD003 (a planned session date) and PD008 (no signatory) say nothing about a draft."""
    undated = variant(tmp_path, "bez-numeru.yaml", drop=("number", "date", "signatories"),
                      municipality={"signatory": None})
    assert {f.rule for f in check_file(undated, today=TODAY)} >= {"PD001", "PD008"}
    draft = variant(tmp_path, "projekt.yaml", status="projekt", date="2025-03-30", number="XV/100/2025",
                    drop=("signatories",), municipality={"signatory": None})
    assert not {f.rule for f in check_file(draft, today=TODAY)} & {"PD001", "PD003", "PD008"}


# --- a real client: LibreOffice ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_libreoffice_opens_ustepy_two_signatures_and_a_draft_mark(tmp_path: Path) -> None:
    adopted, draft = tmp_path / "podjeta.docx", tmp_path / "projekt.docx"
    for path, is_draft in ((adopted, False), (draft, True)):
        document, _ = to_document(BODY, draft=is_draft)
        path.write_bytes(bytes(render(document, "docx")))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(adopted), str(draft)],
                   check=True, capture_output=True, timeout=240)

    def lines(pdf: Path) -> list[str]:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout.replace(NB, " ")
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    printed = lines(tmp_path / "podjeta.pdf")
    for expected in ("UCHWAŁA NR XII/85/2024", "§ 1. 1. Ustala się zasady udzielania dotacji.", "2. Dotacja obejmuje:",
                     "a) materiały,", "– pocztowe.", "§ 2. Zwykły paragraf bez ustępów.",
                     "Przewodnicząca Rady Gminy Ostróda", "z up. Przewodniczącej Rady Gminy",
                     "Wiceprzewodniczący Rady Gminy Ostróda", "Piotr Wiśniewski"):
        assert expected in printed
    projekt = lines(tmp_path / "projekt.pdf")
    assert projekt[:3] == ["Projekt", "UCHWAŁA NR …/…/…", "RADY GMINY OSTRÓDA"]
    assert "Anna Nowak" not in projekt and "§ 1. 1. Ustala się zasady udzielania dotacji." in projekt
