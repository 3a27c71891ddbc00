"""Tirets directly in an ustęp, as Uchwała Nr XI/60/2004 Rady Gminy Bobrowniki writes § 1 ust. 1: printed as written
in every format, reported by PD057 as a deviation from § 56 ust. 1 and 3 ZTP; every other misplaced unit stays an
error of the build (paldocs/legal/units.yaml: ``children`` are ZTP's, ``practice_children`` what practice adds)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import docx
import pytest
from test_body_provisions import FORMATS, NB, first_provision_line, lines_of, variant

from paldocs.api import render, to_document
from paldocs.checks import check_file
from paldocs.document import Document, Unit
from paldocs.errors import MarkupError, PaldocsError
from paldocs.markup import to_blocks
from paldocs.markup.practice import PracticeNesting, practice_nestings
from paldocs.vocabulary import unit

TIRETS_IN_USTEP = ("1. Ustala się dietę przysługującą radnemu za udział w posiedzeniu:\n"
                   "   - rady gminy,\n"
                   "   - komisji rady.\n"
                   "2. Dieta przysługuje za cały okres posiedzenia.")
TODAY = dt.date(2025, 1, 1)


def test_tirets_in_an_ustep_become_units_with_addresses() -> None:
    [paragraf] = to_blocks("§\n" + TIRETS_IN_USTEP, legal=True)
    assert isinstance(paragraf, Unit)
    ustep_1 = paragraf.children[0]
    assert isinstance(ustep_1, Unit) and ustep_1.kind == "ustep"
    assert [child.kind for child in ustep_1.children if isinstance(child, Unit)] == ["tiret", "tiret"]


def test_tirets_in_an_ustep_are_numbered_and_addressed(tmp_path: Path) -> None:
    document, _ = to_document(variant(tmp_path, provisions=[TIRETS_IN_USTEP]))
    paragraf = next(block for block in document.parts[0].blocks if isinstance(block, Unit))
    ustep_1 = paragraf.children[0]
    assert isinstance(ustep_1, Unit)
    tirets = [child for child in ustep_1.children if isinstance(child, Unit)]
    assert [(t.kind, t.label, t.address) for t in tirets] == [
        ("tiret", "–", "par_1__ust_1__tir_1"), ("tiret", "–", "par_1__ust_1__tir_2")]


def pdf_layout_lines(document: Document, tmp_path: Path) -> list[str]:
    """The PDF's lines as pdftotext -layout keeps them (a hanging label stays on its text's line)."""
    pdf = tmp_path / "uchwala.pdf"
    pdf.write_bytes(bytes(render(document, "pdf")))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout.replace(NB, " ")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_tirets_in_an_ustep_print_in_every_format(tmp_path: Path, fmt: str) -> None:
    document, _ = to_document(variant(tmp_path, provisions=[TIRETS_IN_USTEP]))
    lines = lines_of(document, fmt, tmp_path) if fmt != "pdf" else pdf_layout_lines(document, tmp_path)
    start = lines.index("§ 1. 1. Ustala się dietę przysługującą radnemu za udział w posiedzeniu:")
    assert lines[start + 1:start + 4] == ["– rady gminy,", "– komisji rady.",
                                          "2. Dieta przysługuje za cały okres posiedzenia."]


def test_tirets_in_an_ustep_take_the_tiret_style_in_docx(tmp_path: Path) -> None:
    document, _ = to_document(variant(tmp_path, provisions=[TIRETS_IN_USTEP]))
    paragraphs = docx.Document(io.BytesIO(bytes(render(document, "docx")))).paragraphs
    first = next(index for index, p in enumerate(paragraphs) if p.text.startswith("§"))
    assert [p.style.name for p in paragraphs[first:first + 4]] == ["Ustęp", "Tiret", "Tiret", "Ustęp"]


@pytest.mark.parametrize("provision, message", [
    ("Wstęp:\n- tiret wprost w paragrafie.", "Tiret (–) nie może występować w paragrafie — § 56 ust. 3 ZTP."),
    ("1. Ustęp:\n   a) litera wprost w ustępie.", "Litera (a)) nie może występować w ustępie — § 56 ust. 2 ZTP."),
    ("Tekst:\n1) pierwszy,\n   1. zły ustęp.", "Ustęp (1.) nie może występować w punkcie — § 55 ZTP."),
    ("Tekst:\n1) punkt:\n   - tiret:\n     a) litera w tirecie.", "Litera (a)) nie może występować w tirecie"),
    ("1. Ustęp:\n   1) punkt;\n   - tiret obok punktów.",
     "Ustęp nie może zawierać jednocześnie punktów (1)) i tiretów (–)"),
])
def test_other_misplaced_units_stay_errors(tmp_path: Path, provision: str, message: str) -> None:
    path = variant(tmp_path, provisions=[provision])
    with pytest.raises(PaldocsError) as caught:
        to_document(path)
    assert message in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == first_provision_line(path)


def test_the_markup_error_for_a_tiret_in_a_paragraf_still_names_the_rule() -> None:
    with pytest.raises(MarkupError) as caught:
        to_blocks("§ Wstęp:\n- tiret", legal=True)
    assert caught.value.message == "Tiret (–) nie może występować w paragrafie — § 56 ust. 3 ZTP."


BOBROWNIKI = unit("ustep").practice_child("tiret")


@pytest.mark.parametrize("text, found", [
    (TIRETS_IN_USTEP, [PracticeNesting(2, "ustep", (("ustep", 1),), BOBROWNIKI)]),  # type: ignore[arg-type]
    ("1. A.\n2. B:\n   – x,\n   – y.\n3. C:\n   - z.",
     [PracticeNesting(3, "ustep", (("ustep", 2),), BOBROWNIKI),  # type: ignore[arg-type]
      PracticeNesting(6, "ustep", (("ustep", 3),), BOBROWNIKI)]),  # type: ignore[arg-type]
    ("Wstęp:\n1) a:\n   – x,\n   – y.", []),  # tirets in a punkt: the ZTP hierarchy as paldocs has it
    ("1. A:\n   1) a:\n      a) b:\n         – x.", []),
    ("1. A:\n   1) a;\n   2) b.", []),
    ("Wstęp:\n- tiret w paragrafie.", []),  # an error of the build, not a practice nesting
    ("§ 3. zły", []),  # text that does not parse yields nothing
])
def test_practice_nestings(text: str, found: list[PracticeNesting]) -> None:
    assert practice_nestings(text) == found


def test_the_practice_entry_names_ztp_and_the_published_resolution() -> None:
    assert BOBROWNIKI is not None
    assert "§ 56 ust. 1 ZTP" in BOBROWNIKI.ztp and "§ 56 ust. 3 ZTP" in BOBROWNIKI.ztp
    assert "Uchwała Nr XI/60/2004 Rady Gminy Bobrowniki" in BOBROWNIKI.seen
    assert "tiret" not in unit("ustep").children  # ZTP's hierarchy itself is unchanged
    assert unit("paragraf").practice_child("tiret") is None


def test_pd057_warns_of_tirets_in_an_ustep(tmp_path: Path) -> None:
    path = variant(tmp_path, provisions=["Zwykły.", TIRETS_IN_USTEP])
    findings = check_file(path, today=TODAY)
    assert not [f for f in findings if f.severity == "error"]
    [finding] = [f for f in findings if f.rule == "PD057"]
    assert (finding.severity, finding.location.path, finding.unit) == ("warning", "resolution.provisions[1]",
                                                                       "§ 2 ust. 1")
    assert finding.message.startswith("2. wiersz paragrafu: tirety („–”) stoją bezpośrednio w ustępie, czego ZTP "
                                      "nie przewiduje — wyliczenie w ustępie tworzą punkty (§ 56 ust. 1 ZTP)")
    assert "Uchwała Nr XI/60/2004 Rady Gminy Bobrowniki" in finding.message
    assert finding.message.endswith("zapisz je jako punkty („1)”)")


def test_pd057_reports_also_when_the_document_cannot_be_built(tmp_path: Path) -> None:
    path = variant(tmp_path, provisions=[TIRETS_IN_USTEP, "Wstęp:\n- tiret w paragrafie."])
    findings = check_file(path, today=TODAY)
    assert [f.rule for f in findings if f.severity == "error"] == ["PD000"]
    [finding] = [f for f in findings if f.rule == "PD057"]
    assert finding.unit is None and finding.message.startswith("2. wiersz paragrafu (ust. 1): tirety")


def test_pd057_is_silent_for_ztp_units(tmp_path: Path) -> None:
    path = variant(tmp_path, provisions=["1. A:\n   1) x;\n   2) y:\n      a) q,\n      b) r:\n         – s,\n"
                                         "         – t."])
    assert not [f for f in check_file(path, today=TODAY) if f.rule == "PD057"]
