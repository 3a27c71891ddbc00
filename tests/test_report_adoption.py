"""The resolution that adopts a report (kind ``przyjecie-sprawozdania``): its title, § 1 and legal basis come from
the report annexed; typed fields win; what cannot be derived is a located error (exit 2, no output)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import REPO
from docx_dump import docx_text_dump

from paldocs.checks import check_file
from paldocs.cli import main
from paldocs.report.adoption import report_phrase

REPORTS = REPO / "resolutions" / "examples" / "reports"
EXAMPLE = REPORTS / "borzytuchom-2022-uchwala.yaml"
PROFILE = REPO / "resolutions" / "profiles" / "czluchow.yaml"

BORZYTUCHOM_REPORT = ("z realizacji Rocznego Programu Współpracy Gminy Borzytuchom z organizacjami pozarządowymi oraz "
                      "podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku publicznego i o "
                      "wolontariacie na rok 2022")


@pytest.mark.parametrize(("title", "phrase"), [
    ("Sprawozdanie z realizacji Programu współpracy za 2025 rok",
     "sprawozdanie z realizacji Programu współpracy za 2025 rok"),
    ("SPRAWOZDANIE z realizacji Rocznego Programu Współpracy Gminy Borzytuchom na rok 2022",
     "sprawozdanie z realizacji Rocznego Programu Współpracy Gminy Borzytuchom na rok 2022"),
    ("Sprawozdanie ze współpracy z organizacjami pozarządowymi w 2016 roku",
     "sprawozdanie ze współpracy z organizacjami pozarządowymi w 2016 roku"),
    ("Sprawozdanie  z\nrealizacji  programu.", "sprawozdanie z realizacji programu"),  # folded YAML, a full stop
    ("Sprawozdanie Z realizacji programu", "sprawozdanie z realizacji programu"),
    ("Sprawozdanie roczne z działalności Gminnego Ośrodka Pomocy Społecznej w Jerzmanowicach za rok 2014", None),
    ("SPRAWOZDANIE Z DZIAŁALNOŚCI OŚRODKA POMOCY SPOŁECZNEJ W WOLINIE ZA ROK 2016.", None),  # capitals: names lost
    ("Informacja o realizacji programu za 2025 rok", None),
    ("Sprawozdania z realizacji programu", None),
])
def test_the_report_as_paragraph_one_names_it(title: str, phrase: str | None) -> None:
    assert report_phrase(title) == phrase


def folder(tmp_path: Path, report: str = "borzytuchom-2022-program-wspolpracy.yaml", *, report_kind: str | None = None,
           resolution: str = "", annexes: str = "") -> Path:
    """A folder with one example report (its kind replaced by ``report_kind``) and a draft resolution adopting it."""
    # the example's own kind is dropped: without ``report_kind`` the report is "narracyjne"
    text = re.sub(r"(?m)^kind: .*\n", "", (REPORTS / report).read_text(encoding="utf-8"))
    if report_kind is not None:
        text = text.replace("document: report\n", f"document: report\nkind: {report_kind}\n", 1)
    (tmp_path / "sprawozdanie.yaml").write_text(text, encoding="utf-8")
    shutil.copy(PROFILE, tmp_path / "profil.yaml")
    path = tmp_path / "uchwala.yaml"
    path.write_text("document: resolution\nmunicipality: profil.yaml\nresolution:\n  kind: przyjecie-sprawozdania\n"
                    f"  status: projekt\n{resolution}annexes:\n{annexes}"
                    "  - {title: Sprawozdanie, report: sprawozdanie.yaml}\n", encoding="utf-8")
    return path


def build(path: Path, formats: str = "txt") -> tuple[int, str, str]:
    """Exit code, messages and the text output (\"\" when none was written)."""
    out = path.parent / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-f", formats, "-o", str(out)])
    text_file = out / f"{path.stem}.txt"
    text = text_file.read_text(encoding="utf-8").replace("\xa0", " ") if text_file.exists() else ""
    return result.exit_code, result.output, text


def test_title_paragraph_one_and_legal_basis_come_from_the_report(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path, report_kind="program-wspolpracy"))
    assert code == 0, output
    assert f"w sprawie przyjęcia sprawozdania {BORZYTUCHOM_REPORT}\n" in text
    assert f"§ 1. Przyjąć sprawozdanie {BORZYTUCHOM_REPORT}, stanowiące załącznik do uchwały." in text
    # the report kind's provision (report-kinds.yaml), and nothing more: no art. 18 u.s.g. (no real resolution cites it)
    assert "Na podstawie art. 5a ust. 3 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego" in text
    assert "samorządzie gminnym" not in text
    resolution, annex = text.split("Załącznik do Uchwały")
    assert resolution.count("§ 1.") == 1 and "Wykonanie uchwały powierza się" in resolution
    assert f"SPRAWOZDANIE {BORZYTUCHOM_REPORT}" in annex


def test_the_second_form_of_paragraph_one_is_chosen_and_said_unverified(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path, report_kind="program-wspolpracy",
                                      resolution="  adoption_form: przyjmuje-sie\n"))
    assert code == 0, output
    assert (f"§ 1. Przyjmuje się sprawozdanie {BORZYTUCHOM_REPORT}, stanowiące załącznik do niniejszej uchwały."
            in text)
    assert "resolution.adoption_form" in output and "Pruszcz Gdański" in output  # its source, named


def test_an_unknown_form_is_a_located_error(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path, report_kind="program-wspolpracy",
                                      resolution="  adoption_form: zatwierdzic\n"))
    assert code == 2 and text == ""
    assert "resolution.adoption_form" in output and "przyjac, przyjmuje-sie" in output
    assert "Traceback" not in output


def test_the_annex_reference_follows_the_annexes_numbers(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path, report_kind="program-wspolpracy",
                                      annexes="  - {title: Wykaz dotacji, content: Treść.}\n"))
    assert code == 0, output
    assert "stanowiące załącznik nr 2 do uchwały." in text


@pytest.mark.parametrize(("typed", "expected", "not_expected"), [
    ("  subject: w sprawie przyjęcia sprawozdania za 2022 rok\n",
     "w sprawie przyjęcia sprawozdania za 2022 rok\n", f"w sprawie przyjęcia sprawozdania {BORZYTUCHOM_REPORT}"),
    ("  adoption: Rada Gminy przyjmuje sprawozdanie, stanowiące załącznik do uchwały.\n",
     "§ 1. Rada Gminy przyjmuje sprawozdanie, stanowiące załącznik do uchwały.", "§ 1. Przyjąć"),
    ("  legal_basis:\n    - {act: samorzad-gminny, provision: art. 18 ust. 2 pkt 15}\n",
     "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym", "art. 5a ust. 3"),
])
def test_a_typed_field_wins(tmp_path: Path, typed: str, expected: str, not_expected: str) -> None:
    code, output, text = build(folder(tmp_path, report_kind="program-wspolpracy", resolution=typed))
    assert code == 0, output
    assert expected in text and not_expected not in text


@pytest.mark.parametrize(("report", "field"), [
    ("wolin-2016-ops.yaml", "subject"),  # written all in capitals
    ("jerzmanowice-2014-gops.yaml", "subject"),  # "Sprawozdanie roczne z …"
])
def test_a_title_that_cannot_be_turned_asks_for_the_field(tmp_path: Path, report: str, field: str) -> None:
    basis = "  legal_basis:\n    - {act: pomoc-spoleczna, provision: art. 110 ust. 9}\n"
    path = folder(tmp_path, report, resolution=basis)
    code, output, text = build(path)
    assert code == 2 and text == "" and "Traceback" not in output
    assert "uchwala.yaml:" in output and f"resolution.{field}" in output
    assert "Sprawozdanie z …" in output and "wpisz pole sam" in output
    assert "sprawozdanie.yaml:" in output  # the hint points at the report's title
    # with the subject typed, § 1 is asked for next — and with both the resolution builds
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  status: projekt\n", "  status: projekt\n  subject: w sprawie przyjęcia sprawozdania rocznego\n"), encoding="utf-8")
    code, output, _ = build(path)
    assert code == 2 and "resolution.adoption" in output
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  status: projekt\n", "  status: projekt\n  adoption: Przyjąć sprawozdanie, stanowiące załącznik do uchwały.\n"),
        encoding="utf-8")
    code, output, text = build(path)
    assert code == 0, output
    assert "Na podstawie art. 110 ust. 9 ustawy z dnia 12 marca 2004 r. o pomocy społecznej" in text


def test_a_report_kind_without_a_provision_asks_for_the_legal_basis(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path))  # the example report names no kind: "narracyjne"
    assert code == 2 and text == "" and "Traceback" not in output
    assert "resolution.legal_basis" in output and "„narracyjne”" in output and "podaj podstawę prawną" in output
    assert "Nowem" in output  # the hint names a real resolution's legal basis


def test_an_unverified_report_kind_gives_its_provision_with_a_warning(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path, report_kind="wspieranie-rodziny"))
    assert code == 0, output
    assert "Na podstawie art. 179 ust. 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny" in text
    assert "nie została odczytana w tekście ustawy" in output


def test_without_a_report_annex_the_typed_form_still_builds_and_a_missing_field_is_located(tmp_path: Path) -> None:
    path = tmp_path / "uchwala.yaml"
    shutil.copy(PROFILE, tmp_path / "profil.yaml")
    head = "document: resolution\nmunicipality: profil.yaml\nresolution:\n  kind: przyjecie-sprawozdania\n"
    path.write_text(head + "  status: projekt\nannexes:\n  - {title: Sprawozdanie za 2025 rok, content: Treść.}\n",
                    encoding="utf-8")
    code, output, _ = build(path)
    assert code == 2 and "resolution.subject" in output and "annexes: [{title: …, report: sprawozdanie.yaml}]" in output
    path.write_text(head + "  status: projekt\n  subject: w sprawie przyjęcia sprawozdania za 2025 rok\n"
                    "  legal_basis:\n    - {act: pozytek-publiczny, provision: art. 5a ust. 3}\n"
                    "  provisions:\n    - Przyjmuje się sprawozdanie za 2025 rok, stanowiące załącznik do uchwały.\n"
                    "annexes:\n  - {title: Sprawozdanie za 2025 rok, content: Treść.}\n", encoding="utf-8")
    code, output, text = build(path)
    assert code == 0, output
    assert "§ 1. Przyjmuje się sprawozdanie za 2025 rok" in text and "§ 2. Wykonanie" in text


def test_a_typed_paragraph_that_adopts_the_report_again_is_a_warning(tmp_path: Path) -> None:
    code, output, text = build(folder(tmp_path, report_kind="program-wspolpracy", resolution=(
        "  provisions:\n    - Przyjmuje się sprawozdanie, stanowiące załącznik do uchwały.\n")))
    assert code == 0, output
    assert "resolution.provisions[0]" in output and "drugi raz" in output


def test_a_monitoring_report_gives_its_programme_title_and_asks_for_the_legal_basis(tmp_path: Path) -> None:
    shutil.copy(REPO / "resolutions" / "ketrzyn-2014-pal.yaml", tmp_path / "program.yaml")
    (tmp_path / "profiles").mkdir()
    shutil.copy(REPO / "resolutions" / "profiles" / "ketrzyn.yaml", tmp_path / "profiles" / "ketrzyn.yaml")
    report = (REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml").read_text(encoding="utf-8")
    (tmp_path / "sprawozdanie.yaml").write_text(report.replace("../ketrzyn-2014-pal.yaml", "program.yaml"),
                                                encoding="utf-8")
    path = tmp_path / "uchwala.yaml"
    path.write_text("document: resolution\nmunicipality: profiles/ketrzyn.yaml\nresolution:\n"
                    "  kind: przyjecie-sprawozdania\n  status: projekt\n"
                    "annexes:\n  - {title: Sprawozdanie, report: sprawozdanie.yaml}\n", encoding="utf-8")
    code, output, _ = build(path)
    assert code == 2 and "„monitoring”" in output and "resolution.legal_basis" in output
    path.write_text(path.read_text(encoding="utf-8").replace("  status: projekt\n", (
        "  status: projekt\n  legal_basis:\n    - {act: samorzad-gminny, provision: art. 18 ust. 2 pkt 15}\n")),
        encoding="utf-8")
    code, output, text = build(path)
    assert code == 0, output
    assert "w sprawie przyjęcia sprawozdania z realizacji „Programu Aktywności Lokalnej" in text


def test_the_schema_describes_the_form_field() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert "adoption_form" in result.output and "przyjmuje-sie" in result.output


def test_paldocs_new_writes_a_resolution_with_a_report_annex_that_builds(tmp_path: Path) -> None:
    runner = CliRunner()
    for kind, name in (("przyjecie-sprawozdania", "uchwala.yaml"), ("sprawozdanie-program-wspolpracy",
                                                                      "sprawozdanie.yaml")):
        result = runner.invoke(main, ["new", kind, "-m", str(PROFILE), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    draft = (tmp_path / "uchwala.yaml").read_text(encoding="utf-8")
    assert "report: sprawozdanie.yaml" in draft and "adoption_form: przyjac" in draft
    code, output, text = build(tmp_path / "uchwala.yaml")
    assert code == 0, output
    assert "w sprawie przyjęcia sprawozdania z realizacji Programu współpracy Gminy Człuchów" in text
    assert "§ 1. Przyjąć sprawozdanie z realizacji Programu współpracy Gminy Człuchów" in text
    assert "Na podstawie art. 5a ust. 3 ustawy" in text


def test_the_example_checks_without_errors() -> None:
    findings = check_file(EXAMPLE, today=dt.date(2026, 12, 7))
    assert not [finding for finding in findings if finding.severity == "error"], findings


def _normalized(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u00ad", "").split())


@pytest.mark.slow  # every format, read back by real readers (> 2 s)
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_the_example_builds_to_every_format_with_title_paragraph_one_and_annex(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-f", "txt,html,docx,pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    stem = tmp_path / EXAMPLE.stem
    texts = {
        "txt": stem.with_suffix(".txt").read_text(encoding="utf-8"),
        "html": lxml.html.document_fromstring(stem.with_suffix(".html").read_bytes()).body.text_content(),
        "docx": docx_text_dump(stem.with_suffix(".docx").read_bytes()),
        "pdf": subprocess.run(["pdftotext", str(stem.with_suffix(".pdf")), "-"], check=True, capture_output=True,
                              text=True).stdout,
    }
    for fmt, raw in texts.items():
        text = _normalized(raw)
        assert _normalized(f"w sprawie przyjęcia sprawozdania {BORZYTUCHOM_REPORT}") in text, fmt
        assert _normalized(f"Przyjąć sprawozdanie {BORZYTUCHOM_REPORT}, stanowiące załącznik do uchwały.") in text, fmt
        annex = text[text.index("Załącznik do Uchwały"):]
        assert "Program został przyjęty Uchwałą Nr XXII/248/21 Rady Gminy Borzytuchom" in annex, fmt

