"""Report files: the model, references into the program and located Polish errors.

Each error case edits the small valid report below (replace ``old`` by ``new``), loads it with an absolute path to
the Kętrzyn program, and checks the message fragment, the field path and the line — given as
the line of a marker text in the edited file, so that the table stays readable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REPO

from paldocs.errors import DataError
from paldocs.report.load import compress_ids, funding_source_names, load_report, measurable_ids, program_refs
from paldocs.report.model import ILLUSTRATIVE_NOTICE, MonitoringReport
from paldocs.report import ReportSource

PROGRAM = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
EXAMPLES = sorted((REPO / "resolutions" / "ketrzyn-2014-pal").glob("sprawozdanie-*.yaml"))

VALID = """\
document: report
program: PROGRAM
years: 2015
illustrative: true
place: Kętrzyn
month: 2016-03
prepared_by: {name: Anna Kowalska, function: Dyrektor MOPS}
funding_sources:
  gmina: środki własne gminy
indicators:
  - id: uczestnicy
    name: Liczba uczestników
    unit: osoby
    measures: [cel-3, kierunek-8]
    targets: {2015: 70, 2016: 80}
    actual: {2014: 58, 2015: 74}
activities:
  - name: Klub Integracji Społecznej
    direction: kierunek-8
    dates: {from: 2015-02-02, to: 2015-12-18}
    implementer: MOPS w Kętrzynie
    participants:
      total: 74
      by_sex: {kobiety: 45, mężczyźni: 29}
      by_age: {"18–29": 18, "30–49": 56}
    costs:
      - {source: gmina, category: materiały, planned: 4500, spent: 4318.75}
      - {source: zrodlo-ue, planned: 1000, spent: 900}
narrative:
  summary: W 2015 roku zrealizowano działania.
"""

KNOWN_MEASURES = "cel-glowny, cel-1 … cel-8, kierunek-1 … kierunek-11, rezultat-1 … rezultat-7"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "raport.yaml"
    path.write_text(text.replace("PROGRAM", str(PROGRAM)), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Case:
    id: str
    old: str
    new: str
    fragment: str
    path: str
    at: str  # the expected line is the first line of the edited file containing this text
    hint: str | None = None


CASES = [
    Case("unknown goal id", "[cel-3, kierunek-8]", "[cel-3, cel-9]",
         f"program nie ma celu, kierunku działań ani rezultatu o identyfikatorze „cel-9” (znane: {KNOWN_MEASURES})",
         "indicators[0].measures[1]", "cel-9"),
    Case("measure is a recipient", "[cel-3, kierunek-8]", "[adresat-1]",
         "„adresat-1” jest w programie adresatem programu, a wskaźnik mierzy cel, kierunek działań albo rezultat",
         "indicators[0].measures[0]", "adresat-1"),
    Case("measure is a section", "[cel-3, kierunek-8]", "[kierunki]", "„kierunki” jest w programie rozdziałem",
         "indicators[0].measures[0]", "[kierunki]"),
    Case("unknown direction", "direction: kierunek-8", "direction: kierunek-12",
         "program nie ma kierunku działań o identyfikatorze „kierunek-12” (znane: kierunek-1 … kierunek-11)",
         "activities[0].direction", "kierunek-12"),
    Case("direction is a goal", "direction: kierunek-8", "direction: cel-1",
         "„cel-1” jest w programie celem, nie kierunkiem działań", "activities[0].direction", "direction"),
    Case("unknown funding source", "source: gmina", "source: pfron",
         "nieznane źródło finansowania „pfron” (znane: gmina, zrodlo-budzet, zrodlo-ue, zrodlo-dotacje, "
         "zrodlo-wlasne-podmiotow, zrodlo-sponsorzy) — dodaj je do „funding_sources” z nazwą",
         "activities[0].costs[0].source", "pfron"),
    Case("funding source named like a goal", "  gmina:", "  cel-1:",
         "„cel-1” jest w programie celem, nie źródłem finansowania", "funding_sources.cel-1", "cel-1:",
         hint="(oraz 1 inny błąd)"),
    Case("report year before the program", "years: 2015", "years: 2013",
         "sprawozdanie obejmuje rok 2013, a program jest realizowany w latach 2014–2020", "years", "years:",
         hint="(oraz 3 inne błędy)"),
    Case("report range past the program", "years: 2015", "years: {from: 2019, to: 2021}\n# ",
         "sprawozdanie obejmuje lata 2019–2021, a program jest realizowany w latach 2014–2020", "years", "years:"),
    Case("target year outside the period", "{2015: 70, 2016: 80}", "{2015: 70, 2021: 80}",
         "wartość docelowa na rok 2021 jest poza okresem programu (2014–2020)", "indicators[0].targets.2021",
         "2021: 80"),
    Case("actual year before the program", "{2014: 58, 2015: 74}", "{2013: 58, 2015: 74}",
         "wartość osiągnięta za rok 2013 jest poza okresem programu (2014–2020)", "indicators[0].actual.2013",
         "2013: 58"),
    Case("actual year after the report", "{2014: 58, 2015: 74}", "{2015: 74, 2016: 80}",
         "wartość osiągnięta za rok 2016, a sprawozdanie obejmuje rok 2015 — późniejsze lata nie mogą",
         "indicators[0].actual.2016", "actual:"),
    Case("negative amount", "spent: 4318.75", "spent: -5", "wartość nie może być ujemna (jest: -5)",
         "activities[0].costs[0].spent", "spent: -5"),
    Case("negative target", "{2015: 70, 2016: 80}", "{2015: -70}", "wartość nie może być ujemna (jest: -70)",
         "indicators[0].targets.2015", "-70"),
    Case("negative participants", "total: 74", "total: -1", "wartość nie może być ujemna (jest: -1)",
         "activities[0].participants.total", "total: -1"),
    Case("fractions of a grosz", "spent: 4318.75", "spent: 4318.755", "ma więcej niż dwa miejsca po przecinku",
         "activities[0].costs[0].spent", "4318.755"),
    Case("sex split contradicts the total", "kobiety: 45", "kobiety: 40",
         "suma podziału (69) różni się od liczby uczestników ogółem (total: 74)",
         "activities[0].participants.by_sex", "kobiety: 40"),
    Case("age split contradicts the total", '"30–49": 56', '"30–49": 50',
         "suma podziału (68) różni się od liczby uczestników ogółem (total: 74)",
         "activities[0].participants.by_age", "by_age"),
    Case("category split contradicts the total", "      by_age:", "      by_category: {bezrobotni: 70}\n      by_age:",
         "suma podziału (70) różni się od liczby uczestników ogółem (total: 74)",
         "activities[0].participants.by_category", "by_category"),
    Case("activity before the report year", "from: 2015-02-02", "from: 2014-12-01",
         "termin działania 2014-12-01 – 2015-12-18 wykracza poza okres sprawozdania (rok 2015)",
         "activities[0].dates", "dates:"),
    Case("activity year after the report", "dates: {from: 2015-02-02, to: 2015-12-18}", "year: 2016",
         "rok działania 2016 — sprawozdanie obejmuje rok 2015", "activities[0].year", "year: 2016"),
    Case("activity dates reversed", "to: 2015-12-18", "to: 2015-01-18",
         "działanie kończy się (2015-01-18) przed rozpoczęciem (2015-02-02)", "activities[0].dates", "dates:"),
    Case("activity with both dates and year", "    implementer:", "    year: 2015\n    implementer:",
         "podaj termin działania: „dates” ({from, to}) albo „year” — jedno z dwóch", "activities[0]",
         "- name: Klub"),
    Case("unknown key", "implementer:", "implementor:", "nieznane pole „implementor”", "activities[0].implementor",
         "implementor", hint="czy chodziło o „implementer”?"),
    Case("misspelt sex", "kobiety: 45", "kobity: 45", "nieznane pole „kobity”", "activities[0].participants.by_sex.kobity",
         "kobity", hint="czy chodziło o „kobiety”?"),
    Case("not a report", "document: report", "document: raport", "niedozwolona wartość „raport”", "document",
         "document"),
    Case("bad month", "month: 2016-03", "month: 2016-13", "„2016-13” nie jest miesiącem w postaci RRRR-MM",
         "month", "month"),
    Case("report prepared too early", "month: 2016-03", "month: 2015-03",
         "sprawozdanie obejmuje rok 2015, a miesiąc jego sporządzenia (2015-03) przypada przed końcem", "month",
         "month"),
    Case("reversed years", "years: 2015", "years: {from: 2016, to: 2015}",
         "zakres lat kończy się (2015) przed początkiem (2016)", "years", "years"),
    Case("duplicate indicator id", "activities:\n", "  - {id: uczestnicy, name: Drugi, unit: osoby, measures: [cel-1]}"
         "\nactivities:\n", "identyfikator wskaźnika „uczestnicy” występuje więcej niż raz", "indicators[1].id",
         "Drugi"),
    Case("less-is-better cannot sum", "    actual: {2014", "    better: less\n    period_aggregate: sum\n    actual: {2014",
         "wskaźnik „im mniej, tym lepiej” nie może sumować wartości z lat", "indicators[0]", "- id: uczestnicy"),
    Case("thresholds out of order", "narrative:", "status_thresholds: {on_track: 40, at_risk: 60}\nnarrative:",
         "progi muszą spełniać at_risk ≤ on_track ≤ 100", "status_thresholds", "status_thresholds"),
    Case("year key not a number", "{2015: 70, 2016: 80}", "{2015: 70, rok: 80}",
         "„rok” nie jest rokiem (1990–2100) — klucze to lata, np. „2015: 120”", "indicators[0].targets", "rok: 80"),
    Case("year key out of range", "{2015: 70, 2016: 80}", "{2015: 70, 1500: 80}",
         "„1500” nie jest rokiem (1990–2100)", "indicators[0].targets", "1500: 80"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_report_is_located(tmp_path: Path, case: Case) -> None:
    assert case.old in VALID, case.id
    text = VALID.replace(case.old, case.new, 1)
    with pytest.raises(DataError) as raised:
        load_report(write(tmp_path, text))
    error = raised.value
    assert case.fragment in error.message
    assert error.location.path == case.path
    assert error.location.file == str(tmp_path / "raport.yaml")
    expected_line = next(number for number, line in enumerate(text.splitlines(), 1) if case.at in line)
    assert error.location.line == expected_line
    if case.hint is not None:
        assert error.hint is not None and case.hint in error.hint


def test_activity_spanning_two_years_in_a_range(tmp_path: Path) -> None:
    text = VALID.replace("years: 2015", "years: {from: 2014, to: 2016}").replace("month: 2016-03", "month: 2017-03")
    text = text.replace("from: 2015-02-02", "from: 2014-10-01")
    with pytest.raises(DataError, match="działanie trwa od 2014 do 2015 r. — liczby uczestników i koszty są roczne"):
        load_report(write(tmp_path, text))


def test_missing_program_file_points_at_the_program_field(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_report(write(tmp_path, VALID.replace("PROGRAM", "brak.yaml")))
    assert "nie ma pliku programu „brak.yaml”" in raised.value.message
    assert (raised.value.location.path, raised.value.location.line) == ("program", 2)


def test_data_file_without_a_program(tmp_path: Path) -> None:
    resolution = tmp_path / "uchwala.yaml"
    resolution.write_text(f"municipality: {REPO / 'resolutions' / 'profiles' / 'ketrzyn.yaml'}\n"
                          "resolution: {kind: generic, subject: w sprawie czegoś}\n", encoding="utf-8")
    with pytest.raises(DataError, match="nie zawiera programu"):
        load_report(write(tmp_path, VALID.replace("PROGRAM", "uchwala.yaml")))


def test_error_in_the_program_file_names_the_report(tmp_path: Path) -> None:
    broken = tmp_path / "program.yaml"
    broken.write_text(PROGRAM.read_text(encoding="utf-8").replace("period: {from: 2014", "period: {from: 20x4"),
                      encoding="utf-8")
    (tmp_path / "profiles").symlink_to(PROGRAM.parent / "profiles")
    with pytest.raises(DataError) as raised:
        load_report(write(tmp_path, VALID.replace("PROGRAM", "program.yaml")))
    assert raised.value.location.file == str(broken)
    assert "plik programu wskazany w" in (raised.value.hint or "")


def test_valid_report_loads(tmp_path: Path) -> None:
    source = load_report(write(tmp_path, VALID))
    assert isinstance(source, ReportSource)
    report = source.report
    assert report.year_list == [2015] and not report.is_range and report.span_text == "rok 2015"
    assert report.month == dt.date(2016, 3, 1)
    assert report.activities[0].costs[0].spent == Decimal("4318.75")
    assert str(report.activities[0].costs[1].spent) == "900.00"  # money keeps two decimals
    assert report.indicators[0].aggregate == "sum" and report.status_thresholds.on_track == 80
    assert source.resolution.number is not None and str(source.resolution.number.session) == "LXIV"
    assert source.resolution.date == dt.date(2014, 4, 29)
    assert source.municipality.council.genitive == "Rady Miejskiej w Kętrzynie"
    assert source.program.period.start == 2014
    assert source.files[0] == tmp_path / "raport.yaml" and PROGRAM in source.files
    assert source.locate(("activities", 0, "costs", 1, "source")).line == 28
    assert ILLUSTRATIVE_NOTICE.startswith("Dane liczbowe")


def test_funding_source_names_prefer_the_report(tmp_path: Path) -> None:
    source = load_report(write(tmp_path, VALID.replace("  gmina:", "  zrodlo-budzet: budżet miasta\n  gmina:")))
    names = funding_source_names(source.report, source.program)
    assert list(names)[:3] == ["zrodlo-budzet", "gmina", "zrodlo-ue"]
    assert names["zrodlo-budzet"] == "budżet miasta"
    assert names["zrodlo-ue"] == "ze źródeł zewnętrznych – w tym z Unii Europejskiej"  # program text, no comma


def test_program_refs_and_measurable_ids() -> None:
    source = load_report(EXAMPLES[0])
    refs = program_refs(source.program)
    assert refs["cel-1"].role == "specific-goals" and not refs["cel-1"].is_section
    assert refs["cel-glowny"].is_section and refs["cel-glowny"].noun == "celem głównym"
    assert compress_ids(measurable_ids(refs)) == KNOWN_MEASURES


@pytest.mark.parametrize(("ids", "expected"), [
    (["cel-1", "cel-2", "cel-3"], "cel-1 … cel-3"),
    (["cel-1", "cel-2"], "cel-1, cel-2"),
    (["cel-1", "cel-3", "cel-4", "cel-5", "x"], "cel-1, cel-3 … cel-5, x"),
    (["a-1", "b-2", "b-3", "b-4", "b-6"], "a-1, b-2 … b-4, b-6"),
    ([], "brak"),
])
def test_compress_ids(ids: list[str], expected: str) -> None:
    assert compress_ids(ids) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_examples_are_illustrative_and_say_so(path: Path) -> None:
    assert "PRZYKŁADOWE" in path.read_text(encoding="utf-8").split("document:")[0]
    source = load_report(path)
    assert source.report.illustrative
    assert 4 <= len(source.report.indicators) <= 6
    assert any(indicator.better == "less" for indicator in source.report.indicators)


def test_single_year_becomes_a_range() -> None:
    data = {"document": "report", "program": "p.yaml", "years": 2016, "prepared_by": {"name": "A", "function": "B"},
            "place": "Kętrzyn", "month": dt.date(2017, 3, 15), "narrative": {"summary": "Tekst."}}
    report = MonitoringReport.model_validate(data)
    assert (report.years.start, report.years.end) == (2016, 2016) and report.month == dt.date(2017, 3, 1)
    assert 2016 in report.years and 2015 not in report.years
