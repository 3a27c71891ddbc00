"""Data rules PD001–PD010 (paldocs/checks/rules_data.py): one table of passing and failing variants per rule.

Each case runs ``paldocs check`` on tests/data/ostroda-2024-pal.yaml with ``changes`` applied and compares the
rule's findings: field path, a message fragment and the fix (None: no fix offered).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from check_harness import DELETE, run_rule
from conftest import REPO

from paldocs.checks import RULES, check_file
from paldocs.compose import make_environment
from paldocs.kinds import load_kinds
from paldocs.model.program import SectionRole

Expected = list[tuple[str, str, str | None]]  # (field path, message fragment, fix)

SECTIONS_ALL_ROLES = [
    {"heading": "Cel główny", "role": "main-goal", "content": "Aktywizacja."},
    {"heading": "Kierunki", "role": "directions", "content": "Działania."},
    {"heading": "Adresaci", "role": "recipients", "content": "Mieszkańcy."},
    {"heading": "Rezultaty", "role": "results", "content": "Rezultaty."},
    {"heading": "Finansowanie", "role": "financing", "content": "Budżet gminy."},
    {"heading": "Monitoring", "role": "monitoring", "content": "Sprawozdanie."},
]
TITLE_ONLY = {"title_genitive": DELETE}


def executive(nominative: str, **municipality: Any) -> dict[str, Any]:
    return {"municipality": {**municipality, "executive": {"nominative": nominative}}}


CASES: list[tuple[str, str, dict[str, Any], Expected]] = [
    # PD001 — a resolution without number or date prints dotted blanks
    ("PD001", "complete", {}, []),
    ("PD001", "no-number", {"resolution": {"number": DELETE}},
     [("resolution.number", "uchwała nie ma numeru — w nagłówku zostanie wykropkowane miejsce", None)]),
    ("PD001", "no-date", {"resolution": {"date": DELETE}},
     [("resolution.date", "uchwała nie ma daty podjęcia — w nagłówku zostanie wykropkowane miejsce", None)]),
    ("PD001", "draft", {"resolution": {"number": DELETE, "date": DELETE}},
     [("resolution.number", "nie ma numeru", None), ("resolution.date", "nie ma daty podjęcia", None)]),
    ("PD001", "annex-alone", {"document": "annex", "resolution": {"number": DELETE}}, []),
    # PD002 — the year in the number is the year of adoption
    ("PD002", "same-year", {}, []),
    ("PD002", "other-year", {"resolution": {"number": "XII/85/2023"}},
     [("resolution.number", "rok w numerze uchwały (2023) różni się od roku daty podjęcia (2024)", "XII/85/2024")]),
    ("PD002", "mapping", {"resolution": {"number": {"session": "XII", "number": 85, "year": 2023}}},
     [("resolution.number.year", "(2023) różni się od roku daty podjęcia (2024)", "2024")]),
    ("PD002", "two-digits", {"municipality": {"numbering": {"year_digits": 2}}, "resolution": {"number": "XII/85/23"}},
     [("resolution.number", "(2023) różni się od roku daty podjęcia (2024)", "XII/85/24")]),
    ("PD002", "other-century", {"municipality": {"numbering": {"year_digits": 2}},
                                "resolution": {"number": "XII/85/2095", "date": dt.date(1995, 3, 1)}},
     [("resolution.number", "rok w numerze uchwały (2095, drukowany jako „95”) i rok daty podjęcia (1995) należą do "
       "różnych stuleci", "XII/85/1995")]),
    ("PD002", "draft", {"resolution": {"date": DELETE}}, []),
    # PD003 — no date after today (harness today: 2026-11-25)
    ("PD003", "past", {}, []),
    ("PD003", "today", {"resolution": {"number": "XII/85/2026", "date": dt.date(2026, 11, 25)}}, []),
    ("PD003", "future", {"resolution": {"number": "XII/85/2026", "date": dt.date(2026, 12, 1)}},
     [("resolution.date", "data podjęcia uchwały (1 grudnia 2026 r.) jest późniejsza niż dzisiejsza "
       "(25 listopada 2026 r.)", None)]),
    # PD004 — the subject starts with "w sprawie"
    ("PD004", "kind-default", {}, []),
    ("PD004", "written-ok", {"resolution": {"subject": "w sprawie przyjęcia programu"}}, []),
    ("PD004", "missing", {"resolution": {"subject": "przyjęcia programu"}},
     [("resolution.subject", "tytuł uchwały „przyjęcia programu” nie zaczyna się od „w sprawie”",
       "w sprawie przyjęcia programu")]),
    ("PD004", "capital", {"resolution": {"subject": "W sprawie przyjęcia programu"}},
     [("resolution.subject", "nie zaczyna się od „w sprawie”", "w sprawie przyjęcia programu")]),
    ("PD004", "capital-gerund", {"resolution": {"subject": "Przyjęcia programu"}},
     [("resolution.subject", "nie zaczyna się od „w sprawie”", "w sprawie przyjęcia programu")]),
    ("PD004", "annex-alone", {"document": "annex", "resolution": {"subject": "programu"}}, []),
    # PD005 — no full stop after the subject
    ("PD005", "kind-default", {}, []),
    ("PD005", "written-ok", {"resolution": {"subject": "w sprawie przyjęcia „Programu”"}}, []),
    ("PD005", "full-stop", {"resolution": {"subject": "w sprawie przyjęcia „Programu na lata 2014 – 2020”."}},
     [("resolution.subject", "tytuł uchwały kończy się kropką",
       "w sprawie przyjęcia „Programu na lata 2014 – 2020”")]),
    ("PD005", "abbreviation", {"resolution": {"subject": "w sprawie zmiany uchwały z dnia 5 maja 2014 r."}}, []),
    # PD006 — years in the program's title equal program.period
    ("PD006", "same", {}, []),
    ("PD006", "other-end", {"program": {"period": {"from": 2025, "to": 2031}}},
     [("program.title", "tytuł programu (title) podaje lata 2025–2030, a okres programu (program.period) to 2025–2031",
       "Program Aktywności Lokalnej Gminy Ostróda na lata 2025–2031"),
      ("program.title_genitive", "(title_genitive) podaje lata 2025–2030",
       "Programu Aktywności Lokalnej Gminy Ostróda na lata 2025–2031")]),
    ("PD006", "spaced-dash", {"program": {**TITLE_ONLY, "title": "Program na lata 2014 – 2020",
                                          "period": {"from": 2014, "to": 2020}}}, []),
    ("PD006", "spaced-dash-wrong", {"program": {**TITLE_ONLY, "title": "Program na lata 2014 – 2020",
                                                "period": {"from": 2013, "to": 2020}}},
     [("program.title", "podaje lata 2014–2020, a okres programu (program.period) to 2013–2020",
       "Program na lata 2013 – 2020")]),
    ("PD006", "hyphen", {"program": {**TITLE_ONLY, "title": "Miejski Program 2009-2013",
                                     "period": {"from": 2009, "to": 2014}}},
     [("program.title", "podaje lata 2009–2013", "Miejski Program 2009-2014")]),
    ("PD006", "na-rok", {"program": {**TITLE_ONLY, "title": "Program współpracy na rok 2025",
                                     "period": {"from": 2025, "to": 2025}}}, []),
    ("PD006", "na-rok-wrong", {"program": {**TITLE_ONLY, "title": "Program współpracy na rok 2025",
                                           "period": {"from": 2026, "to": 2026}}},
     [("program.title", "podaje rok 2025, a okres programu (program.period) to 2026", "Program współpracy na rok 2026")]),
    ("PD006", "na-2025-rok", {"program": {**TITLE_ONLY, "title": "Program współpracy na 2025 rok",
                                          "period": {"from": 2025, "to": 2026}}},
     [("program.title", "podaje rok 2025, a okres programu (program.period) to 2025–2026", None)]),
    ("PD006", "no-years", {"program": {**TITLE_ONLY, "title": "Program Aktywności Lokalnej",
                                       "period": {"from": 2025, "to": 2026}}}, []),
    # PD007 — sections the kind expects, by role
    ("PD007", "all-roles", {"program": {"sections": SECTIONS_ALL_ROLES}}, []),
    ("PD007", "no-monitoring", {"program": {"sections": SECTIONS_ALL_ROLES[:-1]}},
     [("program.sections", "brak rozdziału o monitoringu (rola „monitoring”) — to typowy rozdział programu rodzaju "
       "„pal”", None)]),
    ("PD007", "no-goals", {"program": {"sections": SECTIONS_ALL_ROLES[1:]}},
     [("program.sections", "brak rozdziału o celach (rola jedna z: „goals”, „main-goal” lub „specific-goals”)",
       None)]),
    ("PD007", "kind-without-roles", {"resolution": {"kind": "program"}}, []),
    # PD008 — a signatory is named
    ("PD008", "profile", {}, []),
    ("PD008", "resolution-only", {"municipality": {"signatory": DELETE},
                                  "resolution": {"signatory": {"name": "Anna Nowak", "gender": "k"}}}, []),
    ("PD008", "none", {"municipality": {"signatory": DELETE}},
     [("resolution.signatory", "uchwała nie wskazuje, kto ją podpisuje", None)]),
    ("PD008", "annex-alone", {"document": "annex", "municipality": {"signatory": DELETE}}, []),
    # PD009 — kinds based on practice say so
    ("PD009", "practice", {}, [("resolution.kind", "rodzaj uchwały „pal” (program aktywności lokalnej) opiera się na "
                                "praktyce gmin, nie na sprawdzonym przepisie: przyjęty z praktyki gmin: Uchwała Nr "
                                "LXIV/400/14", None)]),
    ("PD009", "annex-alone", {"document": "annex"}, []),
    # PD010 — the executive's title agrees with art. 26 u.s.g.
    ("PD010", "wojt-wiejska", {}, []),
    ("PD010", "burmistrz-wiejska", executive("Burmistrz Gminy Ostróda"),
     [("municipality.executive.nominative", "organ wykonawczy „Burmistrz Gminy Ostróda” nie pasuje do gminy: w gminie "
       "wiejskiej organem wykonawczym jest wójt", "Wójt Gminy Ostróda")]),
    ("PD010", "wojt-miejska", executive("Wójt Miasta Ostróda", kind="gmina miejska"),
     [("municipality.executive.nominative", "w gminie miejskiej organem wykonawczym jest burmistrz",
       "Burmistrz Miasta Ostróda")]),
    ("PD010", "burmistrz-big-city", executive("Burmistrz Miasta X", kind="gmina miejska", population=150_000),
     [("municipality.executive.nominative", "w gminie miejskiej liczącej 150 000 mieszkańców organem wykonawczym jest "
       "prezydent miasta", "Prezydent Miasta X")]),
    ("PD010", "prezydent-big-city", executive("Prezydent Miasta X", kind="gmina miejska", population=150_000), []),
    ("PD010", "prezydent-small-city", executive("Prezydent Miasta X", kind="gmina miejska", population=50_000),
     [("municipality.executive.nominative", "organem wykonawczym jest burmistrz", "Burmistrz Miasta X")]),
    ("PD010", "prezydent-before-1990", executive("Prezydent Miasta X", kind="gmina miejska", population=50_000,
                                                 president_before_1990=True), []),
    ("PD010", "burmistrz-before-1990", executive("Burmistrz Miasta X", kind="gmina miejska", population=50_000,
                                                 president_before_1990=True),
     [("municipality.executive.nominative", "w której prezydent był przed 1990 r., organem wykonawczym jest prezydent "
       "miasta", "Prezydent Miasta X")]),
    ("PD010", "prezydent-population-unknown", executive("Prezydent Miasta X", kind="gmina miejska"), []),
    ("PD010", "wojt-miejsko-wiejska", executive("Wójt Gminy X", kind="gmina miejsko-wiejska"), []),
    ("PD010", "prezydent-miejsko-wiejska", executive("Prezydent X", kind="gmina miejsko-wiejska", population=20_000),
     [("municipality.executive.nominative", "w gminie miejsko-wiejskiej liczącej 20 000 mieszkańców organem "
       "wykonawczym jest burmistrz", "Burmistrz X")]),
]


@pytest.mark.parametrize(("rule_id", "changes", "expected"), [case[0:1] + case[2:] for case in CASES],
                         ids=[f"{case[0]}-{case[1]}" for case in CASES])
def test_rule(tmp_path: Path, rule_id: str, changes: dict[str, Any], expected: Expected) -> None:
    findings = run_rule(tmp_path, rule_id, changes)
    assert len(findings) == len(expected), [finding.message for finding in findings]
    for finding, (path, fragment, fix) in zip(sorted(findings, key=lambda f: (f.location.path or "", f.message)),
                                              sorted(expected), strict=True):
        assert finding.location.path == path
        assert fragment in finding.message, finding.message
        assert finding.fix == fix
        assert finding.severity == RULES[rule_id].severity
        assert finding.location.line is not None  # file:line for the clerk


RULE_TABLE = {
    "PD001": ("warning", "blok tytułowy kompletny"),
    "PD002": ("error", "numer zgodny z datą"),
    "PD003": ("error", "data nie późniejsza niż dziś"),
    "PD004": ("error", "tytuł zaczyna się od „w sprawie”"),
    "PD005": ("warning", "tytuł bez kropki"),
    "PD006": ("warning", "okres programu zgodny z tytułem"),
    "PD007": ("warning", "rozdziały wymagane przez rodzaj uchwały"),
    "PD008": ("warning", "podpisujący wskazany"),
    "PD009": ("info", "rodzaj uchwały oparty na praktyce"),
    "PD010": ("warning", "organ wykonawczy zgodny z rodzajem gminy"),
}


def test_rule_table() -> None:
    assert {rule_id: (RULES[rule_id].severity, RULES[rule_id].title) for rule_id in RULE_TABLE} == RULE_TABLE
    for rule_id in RULE_TABLE:
        assert RULES[rule_id].check.__doc__, f"{rule_id} has no docstring for the rules table"


def test_every_data_rule_is_a_case() -> None:
    assert {case[0] for case in CASES} == set(RULE_TABLE)


def test_required_roles_in_kinds_are_section_roles() -> None:
    kinds = load_kinds(make_environment())
    roles = {role.value for role in SectionRole}
    for kind in kinds.values():
        for alternatives in kind.required_roles:
            assert alternatives and set(alternatives) <= roles, (kind.key, alternatives)
    assert ("monitoring",) in kinds["pal"].required_roles
    assert all(not kinds[key].required_roles for key in ("program", "repeal", "generic"))


def test_data_rules_run_when_the_document_does_not_build(tmp_path: Path) -> None:
    findings = run_rule(tmp_path, "PD002", {"resolution": {"number": "XII/85/2023", "legal_basis": [
        {"act": "nieznana", "provision": "art. 1"}]}})
    assert [finding.fix for finding in findings] == ["XII/85/2024"]
    assert run_rule(tmp_path, "PD000", {"resolution": {"legal_basis": [{"act": "nieznana", "provision": "art. 1"}]}})


def test_ketrzyn_data_findings() -> None:
    findings = [f for f in check_file(REPO / "resolutions" / "ketrzyn-2014-pal.yaml", today=dt.date(2026, 11, 25))
                if f.rule in RULE_TABLE]
    assert [(f.rule, f.severity, f.location.path) for f in findings] == [
        ("PD009", "info", "resolution.kind"), ("PD007", "warning", "program.sections")]
    assert findings[1].message.startswith("brak rozdziału o monitoringu (rola „monitoring”)")
    assert "niezweryfikowana" in findings[1].message


def test_inowroclaw_annex_has_no_data_findings() -> None:
    findings = check_file(REPO / "resolutions" / "inowroclaw-2009-pal.yaml", today=dt.date(2026, 11, 25))
    assert [f for f in findings if f.rule in RULE_TABLE] == []
