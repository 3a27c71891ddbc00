"""Rules over the clerk's own text (PD040–PD049): a table of texts with the exact messages and fixes, locations
through the whole pipeline, and the findings on the seeds, written out by hand.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from check_harness import TODAY, run_rule
from conftest import REPO

from paldocs.checks import RULES, CheckContext, Report, check_file

NB = "\u00a0"
TEXT_RULES = [f"PD0{n}" for n in range(40, 50)]
PATH = ("program", "sections", 0, "content")


def reports(rule_id: str, text: str) -> list[Report]:
    context = cast(CheckContext, SimpleNamespace(iter_free_texts=lambda: iter([(PATH, text)])))
    return list(RULES[rule_id].check(context))


# (rule, text, [(message, fix)]) — the whole message; an empty list: the text is right.
CASES: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("PD040", "przyjęto „Program” i „Plan”.", []),
    ("PD040", 'przyjęto "Program" dla miasta',
     [("cudzysłów prosty w „przyjęto \"Program\"” — w tekście polskim cytat ujmuje się w „…”", "przyjęto „Program”")]),
    ("PD040", 'napis "Program',
     [("niesparowany cudzysłów prosty w „napis \"Program” — cytat ujmuje się w „…”", None)]),
    ("PD040", "na „Koncepcję usług oraz „Program Rozwoju” przyjęte",
     [("cudzysłów otwarty przed słowami „Koncepcję usług oraz „Program…” nie jest zamknięty (brak ”) — sprawdź, "
       "gdzie kończy się cytat", None)]),
    ("PD040", "tekst” dalej",
     [("cudzysłów zamykający ” bez otwierającego „ w „tekst”” — sprawdź, gdzie zaczyna się cytat", None)]),
    ("PD040", "na „Program“ gminy",
     [("cudzysłów zamykający “ w „Program“” — polski cudzysłów zamyka się znakiem ”", "Program”")]),
    ("PD041", f"z dnia 29 kwietnia 2014 r., z dnia 8{NB}marca 1990{NB}r. i w 2014 roku; 25.03.2014 r.", []),
    ("PD041", "z dnia 29 kwietnia 2014, a",
     [("po roku w dacie „29 kwietnia 2014” brakuje „r.” — datę pisze się „29 kwietnia 2014 r.”",
       "29 kwietnia 2014 r.")]),
    ("PD041", "uchwałą z dnia 25.03.2014.",
     [("po roku w dacie „25.03.2014” brakuje „r.” — datę pisze się „29 kwietnia 2014 r.”", "25.03.2014 r.")]),
    ("PD041", "z dnia 29 kwietnia 2014 r dalej",
     [("po roku w dacie „29 kwietnia 2014 r” brakuje kropki po „r” — datę pisze się „29 kwietnia 2014 r.”",
       "29 kwietnia 2014 r.")]),
    ("PD041", "z dnia 25.03.2014r. i Dz. U. z 2013r",
     [("„2014r.” — skrót „r.” oddziela się od roku spacją: „2014 r.”", "2014 r."),
      ("„2013r” — skrót „r.” oddziela się od roku spacją: „2013 r.”", "2013 r.")]),
    ("PD042", "z dnia 25 marca 2014 r. w latach 2014 – 2020 (wersja 1.2.3)", []),
    ("PD042", "Uchwałą z dnia 30.12.2008r. oraz 1.02.2010 r.",
     [("data „30.12.2008r.” zapisana cyframi — w uchwale datę pisze się słownie: „30 grudnia 2008 r.”",
       "30 grudnia 2008 r."),
      ("data „1.02.2010 r.” zapisana cyframi — w uchwale datę pisze się słownie: „1 lutego 2010 r.”",
       "1 lutego 2010 r.")]),
    ("PD042", "dnia 31.02.2014 r.", []),  # no such day: nothing to suggest
    ("PD043", f"(Dz. U. z 2024 r. poz. 1465; Dz.{NB}U. z 2023 r.; Dz. Urz. Woj. z 2010 r.)", []),
    ("PD043", "(Dz.U. z 2013 r. poz. 594, Dz.U z 2014 r.)",
     [("„Dz.U.” — skrót Dziennika Ustaw pisze się „Dz. U.” (ze spacją i kropkami)", "Dz. U."),
      ("„Dz.U” — skrót Dziennika Ustaw pisze się „Dz. U.” (ze spacją i kropkami)", "Dz. U.")]),
    ("PD044", "w ramach i w tym, to to samo, lata 2014 2014", []),
    ("PD044", "prowadzone w w ramach, i I tak, do\ndo",
     [("słowo „w” powtórzone: „prowadzone w w”", "prowadzone w"), ("słowo „i” powtórzone: „ramach, i I”", "ramach, i"),
      ("słowo „do” powtórzone: „tak, do do”", "tak, do")]),
    ("PD045", "Cele... i itd. oraz m.in. działania.\n::: center\nTekst\n:::", []),
    ("PD045", "Traci moc uchwała Nr ......... z dnia .......... r.", []),  # a draft's dotted blanks
    ("PD045", "na rzecz społeczności lokalnej..",
     [("powtórzony znak „..” w „społeczności lokalnej..” — stawia się jeden znak (wielokropek to trzy kropki)",
       "społeczności lokalnej.")]),
    ("PD045", "cele,, zadania;; tak:: i ....",
     [("powtórzony znak „,,” w „cele,,” — stawia się jeden znak (wielokropek to trzy kropki)", "cele,"),
      ("powtórzony znak „;;” w „cele,, zadania;;” — stawia się jeden znak (wielokropek to trzy kropki)",
       "cele,, zadania;"),
      ("powtórzony znak „::” w „zadania;; tak::” — stawia się jeden znak (wielokropek to trzy kropki)",
       "zadania;; tak:"),
      ("powtórzony znak „....” w „i ....” — stawia się jeden znak (wielokropek to trzy kropki)", "i ...")]),
    ("PD046", "na „Program”, tak: i tak; (nawias) – i w sprawie ...", []),
    ("PD046", f"na „ Program” i „Plan{NB}” oraz cele , zadania .",
     [("„na „ Program” — zbędna spacja po cudzysłowie otwierającym „", "na „Program"),
      (f"„Plan{NB}”” — zbędna spacja przed cudzysłowem zamykającym ”", "Plan”"),
      ("„cele ,” — zbędna spacja przed znakiem interpunkcyjnym", "cele,"),
      ("„zadania .” — zbędna spacja przed znakiem interpunkcyjnym", "zadania.")]),
    ("PD047", f"art. 18 ust. 2 pkt 15, § 5 ust.{NB}1 lit. a i w pkt. Art. 7 stanowi", []),
    ("PD047", "Art.18 stanowi",
     [("„Art.18” — po „Art.” stawia się spację („art. 18”, „ust. 2”, „§ 5”)", "Art. 18")]),
    ("PD047", "w pkt. 3, art.18 ust.10, §5 lit.a oraz z Art. 5",
     [("„w pkt.” — po skrócie „pkt” nie stawia się kropki („pkt 15”)", "w pkt"),
      ("„art.18” — po „art.” stawia się spację („art. 18”, „ust. 2”, „§ 5”)", "art. 18"),
      ("„ust.10” — po „ust.” stawia się spację („art. 18”, „ust. 2”, „§ 5”)", "ust. 10"),
      ("„§5” — po „§” stawia się spację („art. 18”, „ust. 2”, „§ 5”)", "§ 5"),
      ("„lit.a” — po „lit.” stawia się spację („art. 18”, „ust. 2”, „§ 5”)", "lit. a"),
      ("„z Art.” — w środku zdania skrót pisze się małą literą („art. 5”)", "z art.")]),
    ("PD048", "art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym; art. 5 rozporządzenia z dnia "
              "1.02.2010 r. o x; Uchwała Nr XLI/219/08 z dnia 30 grudnia 2008 r. o czymś", []),
    ("PD048", f"art. 18 ust. 2 pkt 15 z dnia 8{NB}marca 1990 r. o samorządzie gminnym",
     [(f"„15 z dnia 8{NB}marca 1990 r.” — przed „z dnia” brakuje nazwy aktu: „… ustawy z dnia … o …”",
       f"15 ustawy z dnia 8{NB}marca 1990 r.")]),
    ("PD049", "na lata 2014–2020, 11-400 Kętrzyn, 2014-03-25, lata 2013-2009", []),
    ("PD049", "na lata 2009-2013, 2-3 razy",
     [("zakres „2009-2013” zapisany dywizem — zakres lat i liczb pisze się półpauzą („2014–2020”); to zwyczaj "
       "typograficzny, nie przepis (docs/domain.md § 7)", "2009–2013"),
      ("zakres „2-3” zapisany dywizem — zakres lat i liczb pisze się półpauzą („2014–2020”); to zwyczaj typograficzny, "
       "nie przepis (docs/domain.md § 7)", "2–3")]),
]


@pytest.mark.parametrize(("rule_id", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_on_text(rule_id: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = reports(rule_id, text)
    assert [(r.message, r.fix) for r in found] == expected
    assert all(r.where == PATH and r.unit is None for r in found)


def test_every_text_rule_is_registered_with_a_polish_title() -> None:
    assert [RULES[rule_id].severity for rule_id in TEXT_RULES] == [
        "warning", "warning", "info", "warning", "warning", "warning", "warning", "warning", "warning", "info"]
    assert RULES["PD040"].title == "cudzysłowy „…”"
    assert all(RULES[rule_id].check.__doc__ for rule_id in TEXT_RULES)


@pytest.mark.parametrize("rule_id", TEXT_RULES)
@pytest.mark.parametrize("text", ["", " ", "\n\n", "„", "”", '"', "..", "§", "art.", "1-", "z dnia", "\u00a0„\u00a0”",
                                  "::::", "99.99.9999", "0.0.0000r."])
def test_odd_text_never_raises(rule_id: str, text: str) -> None:
    reports(rule_id, text)


def test_location_of_a_text_finding(tmp_path: Path) -> None:
    changes: dict[str, Any] = {"program": {"sections": [{"heading": "Cele", "role": "goals", "items": [
        {"id": "cel-1", "text": "Aktywizacja mieszkańców."}, {"id": "cel-2", "text": "Integracja w w gminie."}]}]}}
    [finding] = run_rule(tmp_path, "PD044", changes)
    assert (finding.location.path, finding.fix, finding.unit) == ("program.sections[0].items[1].text", "Integracja w",
                                                                  None)
    assert finding.location.line is not None and finding.location.file == str(tmp_path / "dane.yaml")


def text_findings(seed: str) -> list[tuple[str, str | None, str | None]]:
    findings = check_file(REPO / "resolutions" / seed, today=TODAY)
    return [(f.rule, f.location.path, f.fix) for f in findings if f.rule in TEXT_RULES]


def test_findings_on_ketrzyn() -> None:
    """The original's typos: „..” twice, the unclosed „Koncepcję …, two numeric dates with a glued „r.”."""
    intro = "program.sections[0].content"
    assert sorted(text_findings("ketrzyn-2014-pal.yaml")) == sorted([
        ("PD040", intro, None),
        ("PD041", intro, "2014 r."),
        ("PD041", intro, "2008 r."),
        ("PD042", intro, "25 marca 2014 r."),
        ("PD042", intro, "30 grudnia 2008 r."),
        ("PD045", "program.sections[3].items[1].text", "społeczności lokalnej."),
        ("PD045", "program.sections[4].items[1].text", "i integracyjnym."),
    ])


def test_findings_on_inowroclaw() -> None:
    """Ranges written with a hyphen — in the title, in a quoted programme name, „2-3 razy”, „1-2 godziny”. What else
    a careful reader marks there (a „.” inside a list, „konkretną rodzina”, „wpierających”) no rule covers."""
    assert text_findings("inowroclaw-2009-pal.yaml") == [
        ("PD049", "program.title", "2009–2013"),
        ("PD049", "program.sections[5].items[1].text", "2007–2013"),
        ("PD049", "program.sections[5].items[1].items[1].text", "1–2"),
        ("PD049", "program.sections[5].items[1].items[1].text", "2–3"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("Aktywizacja mieszkańców.", []),
    ("Tekst <b>pogrubiony</b>", ["znacznik HTML „<b>” zostanie wydrukowany dosłownie"]),
    ("Zob. [stronę](https://bip.example.pl) gminy",
     ["odnośnik „[stronę](https://bip.example.pl)” zostanie wydrukowany dosłownie"]),
    ("a < b oraz 3 > 2", []),  # comparisons are not tags
])
def test_pd018_markup_printed_literally(text: str, expected: list[str]) -> None:
    found = reports("PD018", text)
    assert [report.where for report in found] == [PATH] * len(expected)
    assert all(fragment in report.message for report, fragment in zip(found, expected, strict=True))


def test_pd018_through_the_pipeline_points_at_the_field(tmp_path: Path) -> None:
    findings = run_rule(tmp_path, "PD018", {"program": {"title": "Program <i>Aktywności</i> Lokalnej"}})
    assert [(finding.severity, finding.location.path) for finding in findings] == [("warning", "program.title")]
    assert findings[0].location.line is not None
