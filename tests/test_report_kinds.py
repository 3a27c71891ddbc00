"""Report kinds: the registry (templates/report-kinds.yaml), the report's ``kind`` field, the checks of a kind's
deadline, year and contents (PD070–PD074), the report drafts of ``paldocs new sprawozdanie-KIND`` and the
resolution kind that adopts a report (``przyjecie-sprawozdania``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from paldocs.checks import RULES, check_file
from paldocs.cli import main
from paldocs.errors import DataError
from paldocs.report.kinds import kind_of, report_kind_keys, report_kinds
from paldocs.report.load import load_report

PROGRAM = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
PROFILE = REPO / "resolutions" / "profiles" / "ketrzyn.yaml"
TODAY = dt.date(2026, 12, 7)


def write_report(tmp_path: Path, body: str, name: str = "sprawozdanie.yaml") -> Path:
    path = tmp_path / name
    path.write_text("document: report\n" + body, encoding="utf-8")
    return path


def findings(path: Path) -> list[tuple[str, str, str]]:
    return [(finding.rule, finding.severity, finding.message) for finding in check_file(path, today=TODAY)]


NARRATIVE = """\
title: Sprawozdanie z realizacji programu współpracy za 2016 rok
years: 2016
chapters:
  - heading: Wstęp
    content: Program realizowano w 2016 roku.
"""


def test_the_registry_holds_the_four_kinds_each_with_its_sources() -> None:
    assert report_kind_keys() == ("program-wspolpracy", "wspieranie-rodziny", "monitoring", "narracyjne")
    for kind in report_kinds().values():
        assert kind.sources and kind.name and kind.description
        if kind.deadline is not None:
            assert "http" in kind.deadline.source  # a deadline is never written without a text to follow
        for item in kind.expected:
            assert item.source


def test_the_programme_of_cooperation_report_is_due_by_31_may_of_the_following_year() -> None:
    kind = report_kinds()["program-wspolpracy"]
    assert (kind.act, kind.provision) == ("pozytek-publiczny", "art. 5a ust. 3")
    assert kind.deadline_for([2016]) == dt.date(2017, 5, 31)
    assert kind.yearly and kind.verified


def test_the_family_support_report_has_no_deadline_paldocs_could_not_read() -> None:
    kind = report_kinds()["wspieranie-rodziny"]
    assert (kind.act, kind.provision) == ("wspieranie-rodziny", "art. 179 ust. 1")
    assert kind.deadline is None and not kind.verified
    assert "niezweryfikowane" in kind.sources


@pytest.mark.parametrize(("body", "expected"), [
    (NARRATIVE, "narracyjne"),
    (NARRATIVE + "kind: program-wspolpracy\n", "program-wspolpracy"),
    (f"program: {PROGRAM}\nyears: 2015\n", "monitoring"),
])
def test_a_report_without_kind_is_monitoring_with_a_program_and_narrative_without(tmp_path: Path, body: str,
                                                                                  expected: str) -> None:
    assert kind_of(load_report(write_report(tmp_path, body)).report).key == expected


@pytest.mark.parametrize(("body", "message"), [
    (NARRATIVE + "kind: sprawozdanie-roczne\n", "nieznany rodzaj sprawozdania „sprawozdanie-roczne”"),
    (NARRATIVE + "kind: monitoring\n", "powstaje z pliku danych programu"),
    (f"program: {PROGRAM}\nyears: 2015\nkind: narracyjne\n", "to sam tekst, bez pliku programu"),
])
def test_a_kind_that_does_not_fit_is_a_located_polish_error(tmp_path: Path, body: str, message: str) -> None:
    path = write_report(tmp_path, body)
    with pytest.raises(DataError) as caught:
        load_report(path)
    assert message in caught.value.message
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(("month", "late"), [("2017-04", False), ("2017-05", False), ("2017-06", True),
                                             ("2018-01", True)])
def test_pd070_a_cooperation_report_prepared_after_may_is_late(tmp_path: Path, month: str, late: bool) -> None:
    path = write_report(tmp_path, NARRATIVE + f"kind: program-wspolpracy\nmonth: {month}\n")
    found = [finding for finding in findings(path) if finding[0] == "PD070"]
    assert bool(found) == late
    if late:
        assert "31 maja 2017 r." in found[0][2] and "art. 5a ust. 3" in found[0][2]


def test_pd073_without_a_month_the_deadline_is_given_but_not_judged(tmp_path: Path) -> None:
    path = write_report(tmp_path, NARRATIVE + "kind: program-wspolpracy\n")
    assert [(rule, severity) for rule, severity, _ in findings(path)] == [("PD073", "info")]
    assert "do 31 maja 2017 r." in findings(path)[0][2]


def test_pd071_a_yearly_report_covers_one_year(tmp_path: Path) -> None:
    body = NARRATIVE.replace("years: 2016", "years: {from: 2015, to: 2016}") + "kind: program-wspolpracy\n"
    rules = [rule for rule, _, _ in findings(write_report(tmp_path, body))]
    assert "PD071" in rules


def test_pd072_a_monitoring_report_without_indicators_or_activities(tmp_path: Path) -> None:
    path = write_report(tmp_path, f"program: {PROGRAM}\nyears: 2015\nchapters:\n  - {{heading: Wstęp, content: Tekst.}}\n")
    assert [rule for rule, _, _ in findings(path)] == ["PD072"]


def test_pd074_a_kind_whose_statute_was_not_read_says_so(tmp_path: Path) -> None:
    path = write_report(tmp_path, NARRATIVE + "kind: wspieranie-rodziny\n")
    found = findings(path)
    assert [(rule, severity) for rule, severity, _ in found] == [("PD074", "info")]
    assert "art. 179 ust. 1" in found[0][2]


def test_the_ketrzyn_reports_raise_no_kind_finding() -> None:
    for path in sorted((REPO / "resolutions" / "ketrzyn-2014-pal").glob("sprawozdanie-*.yaml")):
        assert not [finding for finding in findings(path) if finding[0] in {"PD070", "PD071", "PD072", "PD073",
                                                                              "PD074"}], path


def test_the_report_rules_are_in_the_rule_table_and_find_nothing_in_a_resolution() -> None:
    for rule_id in ("PD070", "PD071", "PD072", "PD073", "PD074"):
        assert RULES[rule_id].check.__doc__
    assert not [finding for finding in check_file(PROGRAM, today=TODAY) if finding.rule.startswith("PD07")]


@pytest.mark.parametrize("kind", ["program-wspolpracy", "wspieranie-rodziny", "narracyjne"])
def test_paldocs_new_writes_a_report_draft_that_builds(tmp_path: Path, kind: str) -> None:
    draft = tmp_path / "projekt.yaml"
    made = CliRunner().invoke(main, ["new", f"sprawozdanie-{kind}", "-m", str(PROFILE), "-o", str(draft)])
    assert made.exit_code == 0, made.output
    text = draft.read_text(encoding="utf-8")
    assert f"kind: {kind}" in text
    assert ("Gminy Kętrzyn" in text) == ("{gminy}" in report_kinds()[kind].draft_title)
    built = CliRunner().invoke(main, ["build", str(draft), "-f", "txt", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    printed = (tmp_path / "out" / "projekt.txt").read_text(encoding="utf-8")
    assert "0,00 zł" not in printed and "nie zrealizowano" not in printed
    checked = CliRunner().invoke(main, ["check", str(draft)])
    assert checked.exit_code == 0, checked.output


def test_the_monitoring_draft_builds_once_it_names_its_program(tmp_path: Path) -> None:
    draft = tmp_path / "projekt.yaml"
    CliRunner().invoke(main, ["new", "sprawozdanie-monitoring", "-m", str(PROFILE), "-o", str(draft)])
    text = draft.read_text(encoding="utf-8")
    assert "program: …/program.yaml" in text
    year = dt.date.today().year - 1
    draft.write_text(text.replace("…/program.yaml", str(PROGRAM)).replace(f"years: {year}", "years: 2015"),
                     encoding="utf-8")
    built = CliRunner().invoke(main, ["build", str(draft), "-f", "txt", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output


def test_paldocs_new_names_the_report_kinds_for_an_unknown_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new", "sprawozdanie-roczne", "-m", str(PROFILE), "-o",
                                       str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "sprawozdanie-program-wspolpracy" in result.output and "Traceback" not in result.output


RESOLUTION = f"""\
document: resolution
municipality: {PROFILE}
resolution:
  kind: przyjecie-sprawozdania
  status: projekt
  subject: w sprawie przyjęcia sprawozdania z realizacji Programu współpracy za 2025 rok
  legal_basis:
    - {{act: samorzad-gminny, provision: art. 18 ust. 2 pkt 15}}
  provisions:
    - Przyjmuje się sprawozdanie z realizacji Programu współpracy za 2025 rok, stanowiące załącznik do niniejszej uchwały.
annexes:
  - title: Sprawozdanie z realizacji Programu współpracy za 2025 rok
    content: Treść sprawozdania.
"""


def test_the_resolution_adopting_a_report_builds_with_the_report_as_its_annex(tmp_path: Path) -> None:
    path = tmp_path / "uchwala.yaml"
    path.write_text(RESOLUTION, encoding="utf-8")
    built = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    text = (tmp_path / "out" / "uchwala.txt").read_text(encoding="utf-8").replace("\xa0", " ")
    assert "w sprawie przyjęcia sprawozdania z realizacji Programu współpracy za 2025 rok" in text
    assert "Załącznik do Uchwały" in text and "Uchwała wchodzi w życie z dniem podjęcia." in text
    rules = {finding.rule: finding for finding in check_file(path, today=TODAY)}
    assert "PD009" in rules and "Nowem" in rules["PD009"].message  # practice, named: the Nowe resolution
    assert not [finding for finding in rules.values() if finding.severity == "error"]


def report_folder(tmp_path: Path) -> Path:
    """A folder with the Kętrzyn programme, its profile and its 2015 report, and a resolution adopting the report."""
    import shutil

    shutil.copy(PROGRAM, tmp_path / PROGRAM.name)
    (tmp_path / "profiles").mkdir()
    shutil.copy(PROFILE, tmp_path / "profiles" / PROFILE.name)
    report = (REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml").read_text(encoding="utf-8")
    (tmp_path / "sprawozdanie.yaml").write_text(report.replace("../ketrzyn-2014-pal.yaml", PROGRAM.name),
                                                encoding="utf-8")
    resolution = RESOLUTION.replace(str(PROFILE), "profiles/ketrzyn.yaml").replace(
        "    content: Treść sprawozdania.\n", "    report: sprawozdanie.yaml\n")
    (tmp_path / "uchwala.yaml").write_text(resolution, encoding="utf-8")
    return tmp_path / "uchwala.yaml"


@pytest.mark.slow  # a resolution with a report to every format (> 1 s)
def test_an_annex_from_a_report_file_prints_the_built_report_in_every_format(tmp_path: Path) -> None:
    path = report_folder(tmp_path)
    built = CliRunner().invoke(main, ["build", str(path), "-f", "txt,html,docx", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    text = (tmp_path / "out" / "uchwala.txt").read_text(encoding="utf-8").replace("\xa0", " ")
    annex = text[text.index("Załącznik do Uchwały"):]
    assert "z realizacji „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”" in annex
    assert "Realizacja wskaźników" in annex and "Tabela 1." in annex
    assert "Sprawozdanie z realizacji Programu współpracy" not in annex  # the report's title, not the annex title
    html = (tmp_path / "out" / "uchwala.html").read_text(encoding="utf-8")
    assert "<svg" in html or "<img" in html  # the report's charts come with it


@pytest.mark.parametrize(("name", "message"), [
    ("brak.yaml", "nie ma pliku sprawozdania „brak.yaml”"),
    ("../sprawozdanie.yaml", "wychodzi poza folder pliku danych"),
    ("sprawozdanie.pdf", "nie jest plikiem danych sprawozdania"),
])
def test_a_report_annex_file_that_cannot_be_read_is_a_located_error(tmp_path: Path, name: str, message: str) -> None:
    path = report_folder(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("report: sprawozdanie.yaml", f"report: {name}"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and message in result.output and "annexes[0].report" in result.output
    assert not (tmp_path / "out" / "uchwala.txt").exists()


def test_an_annex_has_one_body_a_report_or_a_text(tmp_path: Path) -> None:
    path = report_folder(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("report: sprawozdanie.yaml",
                                                             "report: sprawozdanie.yaml\n    content: Tekst."),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "-f", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "„report” (plik sprawozdania)" in result.output
