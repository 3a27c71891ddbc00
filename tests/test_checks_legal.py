"""Legal-basis rules PD011–PD017 (paldocs/checks/rules_legal.py): a table of variants, then the seeds.

Variants of tests/data/ostroda-2024-pal.yaml (adopted 2024-11-20; "today" 2026-11-25). Expected findings:
(field path, message fragment, fix, severity). The fixes and notes follow the shipped catalog: its u.s.g. rows
list the amendments of 2023 after Dz. U. z 2023 r. poz. 40 (poz. 572, 1463, 1688, seen in council resolutions).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from check_harness import DELETE, run_rule
from conftest import REPO, TESTS

from paldocs.checks import RULES, Finding, check_file

Expected = list[tuple[str, str, str | None, str]]

USG_2024 = {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15", "address": "Dz. U. z 2024 r. poz. 1465"}
UPS = {"act": "pomoc-spoleczna", "provision": "art. 110 ust. 10"}
TEST_ACTS = str(TESTS / "data" / "acts" / "amendments.yaml")  # test data: fictional rows, not legal facts


def basis(*entries: dict[str, Any], **resolution: Any) -> dict[str, Any]:
    return {"resolution": {"legal_basis": list(entries), **resolution}}


def usg(address: str, **resolution: Any) -> dict[str, Any]:
    return basis({**USG_2024, "address": address}, **resolution)


def ups(provision: str = "art. 110 ust. 10", address: str | None = None, **resolution: Any) -> dict[str, Any]:
    entry = {**UPS, "provision": provision} | ({"address": address} if address else {})
    return basis(entry, **resolution)


LB0 = "resolution.legal_basis[0]"
CASES: list[tuple[str, str, dict[str, Any], Expected]] = [
    # PD011 — a legal basis is given (or the kind has a default)
    ("PD011", "written", {}, []),
    ("PD011", "kind-default", {"resolution": {"legal_basis": DELETE}}, []),
    ("PD011", "none", {"resolution": {"kind": "program", "legal_basis": []}},
     [("resolution.legal_basis", "uchwała nie ma podstawy prawnej: rodzaj „program” nie ma domyślnej", None, "error")]),
    ("PD011", "annex-alone", {"document": "annex", "resolution": {"kind": "program", "legal_basis": []}}, []),
    # PD012 — the act is in the catalog
    ("PD012", "known", {}, []),
    ("PD012", "typo", basis({**UPS, "act": "pomoc-spoleczn"}),
     [(f"{LB0}.act", "ustawy „pomoc-spoleczn” nie ma w katalogu aktów — najbliższe klucze: pomoc-spoleczna",
       "pomoc-spoleczna", "error")]),
    ("PD012", "unknown", basis({**UPS, "act": "xyz"}), [(f"{LB0}.act", "nie ma w katalogu aktów", None, "error")]),
    ("PD012", "user-catalog", {"municipality": {"acts": [TEST_ACTS]}, **basis({"act": "ustawa-przykladowa",
                                                                             "provision": "art. 1"})}, []),
    # PD013 — a written address is the text for the day of adoption
    ("PD013", "current", usg("Dz. U. z 2024 r. poz. 1465"), []),
    ("PD013", "no-address", basis({"act": "samorzad-gminny", "provision": "art. 18"}), []),
    ("PD013", "outdated", usg("Dz. U. z 2023 r. poz. 40"),
     [(f"{LB0}.address", "adres publikacji „Dz. U. z 2023 r. poz. 40” nie jest aktualny na dzień 20 listopada 2024 r.: "
       "katalog zna nowszy tekst jednolity Dz. U. z 2024 r. poz. 1465 (ogłoszony 3 października 2024 r.)",
       "Dz. U. z 2024 r. poz. 1465", "warning")]),
    ("PD013", "announced-later", usg("Dz. U. z 2024 r. poz. 1465", date=dt.date(2024, 6, 1)),
     [(f"{LB0}.address", "wskazuje tekst Dz. U. z 2024 r. poz. 1465 (ogłoszony 3 października 2024 r.), czyli "
       "ogłoszony po dniu podjęcia uchwały (1 czerwca 2024 r.)", "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688", "warning")]),
    ("PD013", "draft-today", usg("Dz. U. z 2024 r. poz. 1465", date=DELETE),
     [(f"{LB0}.address", "nie jest aktualny na dzień 25 listopada 2026 r. (dziś — uchwała nie ma jeszcze daty podjęcia)",
       "Dz. U. z 2025 r. poz. 1153", "warning")]),
    ("PD013", "outdated-undated-newer", usg("Dz. U. z 2022 r. poz. 559", date=dt.date(2024, 6, 1)),
     [(f"{LB0}.address", "katalog zna nowszy tekst jednolity Dz. U. z 2023 r. poz. 40 (ogłoszony 5 stycznia 2023 r.) — "
       "cytuje się tekst ogłoszony najpóźniej w dniu podjęcia uchwały (§ 121 ust. 3 ZTP); katalog zna też tekst "
       "Dz. U. z 2024 r. poz. 609 bez daty ogłoszenia", "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688", "warning")]),
    # u.p.s. 2024 poz. 1283 has no announcement date, but u.s.g. 2024 poz. 1465 (a higher position of the same year)
    # was announced on 3 October 2024: positions are in announcement order, so 1283 was announced by 20 November
    ("PD013", "inferred-from-position-order", ups(address="Dz. U. z 2024 r. poz. 1283"), []),
    # the catalog knows u.p.s. 2024 poz. 1283 was announced on 26 August 2024 (inforlex's list of versions)
    ("PD013", "announced-before", ups(address="Dz. U. z 2024 r. poz. 1283", date=dt.date(2024, 9, 1)), []),
    ("PD013", "amendment-left-out", {"municipality": {"acts": [TEST_ACTS]}, **usg("Dz. U. z 2024 r. poz. 1465")},
     [(f"{LB0}.address", "nie wymienia zmiany Dz. U. z 2024 r. poz. 1572, ogłoszonych po tekście Dz. U. z 2024 r. "
       "poz. 1465 najpóźniej 20 listopada 2024 r.", "Dz. U. z 2024 r. poz. 1465 i 1572", "warning")]),
    ("PD013", "amendments-listed", {"municipality": {"acts": [TEST_ACTS]}, **usg("Dz. U. z 2024 r. poz. 1465 i 1572")},
     []),
    ("PD013", "unknown-to-catalog", usg("Dz. U. z 2024 r. poz. 2000"), []),
    ("PD013", "annex-alone", {"document": "annex", **usg("Dz. U. z 2023 r. poz. 40")}, []),
    # PD014 — the catalog's doubts about each citation
    # One finding per act per document, info: doubts about the catalog, not defects of the draft. The note on the
    # catalog's currency (path resolution.date) is left out of these cases (it moves with the shipped data): see
    # "beyond-catalog" and tests/test_legal_citation_dates.py.
    ("PD014", "verified-row", usg("Dz. U. z 2024 r. poz. 1465"),
     [(LB0, "katalog nie zawiera zmian ustawy z dnia 8 marca 1990 r. o samorządzie gminnym", None, "info")]),
    ("PD014", "undated-newer", ups(date=dt.date(2024, 9, 1)),
     [(LB0, "u.p.s. (art. 110 ust. 10): 1) tekst Dz. U. z 2024 r. poz. 1283 jest w katalogu niezweryfikowany", None,
       "info")]),
    ("PD014", "unverified-row", ups(number="XII/85/2025", date=dt.date(2025, 6, 1)),
     [(LB0, "1) tekst Dz. U. z 2024 r. poz. 1283 jest w katalogu niezweryfikowany", None, "info")]),
    ("PD014", "draft", usg("Dz. U. z 2025 r. poz. 1153", date=DELETE),
     [(LB0, "1) uchwała nie ma jeszcze daty podjęcia: zacytowano adres podany ręcznie", None, "info")]),
    ("PD014", "one-finding-per-act", basis(USG_2024, {"act": "samorzad-gminny", "provision": "art. 40 ust. 1"}),
     [(LB0, "u.s.g. (art. 18 ust. 2 pkt 15, art. 40 ust. 1): katalog nie zawiera zmian", None, "info")]),
    ("PD014", "kind-default", {"resolution": {"legal_basis": DELETE}},
     [("resolution.legal_basis", "domyślna podstawa prawna rodzaju „pal” (art. 18 ust. 2 pkt 15 u.s.g.): katalog nie "
       "zawiera zmian", None, "info"),
      ("resolution.legal_basis", "(art. 110 ust. 10 u.p.s.): 1) tekst Dz. U. z 2024 r. poz. 1283 jest w katalogu "
       "niezweryfikowany", None, "info")]),
    ("PD014", "beyond-catalog", usg("Dz. U. z 2024 r. poz. 1465", number="XII/85/2027", date=dt.date(2027, 1, 10)),
     [("resolution.date", "katalog aktów potwierdza stan Dziennika Ustaw najdalej do", None, "info"),
      (LB0, "katalog nie zawiera zmian", None, "info")]),
    ("PD014", "certain", {"municipality": {"acts": [TEST_ACTS]},
                          **basis({"act": "ustawa-przykladowa", "provision": "art. 1"}, number="XII/85/2025",
                                  date=dt.date(2025, 6, 1))}, []),
    ("PD014", "no-repeat-of-PD013", usg("Dz. U. z 2023 r. poz. 40"),  # "katalog zna nowszy tekst" is PD013's
     [(LB0, "katalog nie potwierdza, że zna wszystkie zmiany ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
       "ogłoszone po tekście Dz. U. z 2023 r. poz. 40", None, "info")]),
    ("PD014", "no-repeat-undated-newer", usg("Dz. U. z 2022 r. poz. 559", date=dt.date(2024, 6, 1)),
     [(LB0, "katalog nie potwierdza, że zna wszystkie zmiany", None, "info")]),
    ("PD014", "no-repeat-announced-later", usg("Dz. U. z 2024 r. poz. 1465", date=dt.date(2024, 6, 1)),
     [(LB0, "katalog nie zawiera zmian", None, "info")]),
    ("PD014", "user-catalog-amendments", {"municipality": {"acts": [TEST_ACTS]}, **usg("Dz. U. z 2024 r. poz. 1465")},
     [(LB0, "katalog nie potwierdza, że zna wszystkie zmiany", None, "info")]),  # the amendments left out: PD013
    ("PD014", "annex-alone", {"document": "annex"}, []),
    # PD015 — the provision as cited
    ("PD015", "correct", {}, []),
    ("PD015", "pkt-dot", ups("art. 110 ust. 10 pkt. 1"),
     [(f"{LB0}.provision", "przepis „art. 110 ust. 10 pkt. 1” zapisano niezgodnie z zasadami cytowania: kropka po „pkt”",
       "art. 110 ust. 10 pkt 1", "warning")]),
    ("PD015", "capital-no-space", ups("Art. 110 ust.10"),
     [(f"{LB0}.provision", "wielka litera w przepisie", "art. 110 ust. 10", "warning")]),
    ("PD015", "malformed", ups("pkt 15"),
     [(f"{LB0}.provision", "nie rozpoznano przepisu „pkt 15”", None, "error")]),
    # PD016 — the address in the § 158 ZTP form
    ("PD016", "ztp", {}, []),
    ("PD016", "parenthesised", ups(address="(Dz. U. z 2024 r. poz. 1283)"), []),
    ("PD016", "tekst-jednolity", ups(address="t.j. Dz. U. z 2024 r. poz. 1283"),
     [(f"{LB0}.address", "„t.j.” — § 158 ZTP nie oznacza tekstu jednolitego", "Dz. U. z 2024 r. poz. 1283", "warning")]),
    ("PD016", "practice-typing", ups(address="Dz.U. z 2024r. poz.1283 z późn. zm."),
     [(f"{LB0}.address", "„z późn. zm.” — § 158 ZTP wymienia zamiast tego adresy wszystkich zmian",
       "Dz. U. z 2024 r. poz. 1283", "warning")]),
    ("PD016", "act-year", ups(address="Dz. U. z 2004 r. Nr 64, poz. 593"),
     [(f"{LB0}.address", "zapis różni się od formy z § 158 ZTP — forma ZTP: „Dz. U. Nr 64, poz. 593”",
       "Dz. U. Nr 64, poz. 593", "warning")]),
    ("PD016", "practice-style", {"municipality": {"citation_style": "tj-ze-zm"},
                                 **ups(address="Dz. U. z 2024 r. poz. 1283 ze zm.")},
     [(f"{LB0}.address", "Profil gminy cytuje w stylu praktyki („tj-ze-zm”), ale standardem jest forma z § 158 ZTP",
       "Dz. U. z 2024 r. poz. 1283", "info")]),
    # PD017 — the specific statute before the u.s.g.
    ("PD017", "usg-first", {}, [(LB0, "podstawa prawna wymienia ustawę o samorządzie gminnym (art. 18 ust. 2 pkt 15 "
                                 "u.s.g.) przed ustawą szczególną (art. 110 ust. 10 u.p.s.)", None, "info")]),
    ("PD017", "specific-first", basis(UPS, USG_2024), []),
    ("PD017", "usg-only", basis(USG_2024), []),
    ("PD017", "kind-default", {"resolution": {"legal_basis": DELETE}}, []),
]


def _key(finding: Finding) -> tuple[str, str]:
    return finding.location.path or "", finding.message


@pytest.mark.parametrize(("rule_id", "changes", "expected"), [case[0:1] + case[2:] for case in CASES],
                         ids=[f"{case[0]}-{case[1]}" for case in CASES])
def test_rule(tmp_path: Path, rule_id: str, changes: dict[str, Any], expected: Expected) -> None:
    findings = run_rule(tmp_path, rule_id, changes)
    if rule_id == "PD014" and not any(path == "resolution.date" for path, *_ in expected):
        findings = [f for f in findings if f.location.path != "resolution.date"]  # the catalog's currency: see above
    assert len(findings) == len(expected), [finding.message for finding in findings]
    for (path, fragment, fix, severity) in expected:  # each expectation matches its own finding
        matching = [f for f in findings if f.location.path == path and fragment in f.message]
        assert len(matching) == 1, (fragment, [f.message for f in findings])
        assert (matching[0].fix, matching[0].severity) == (fix, severity)
        assert matching[0].location.line is not None


RULE_TABLE = {
    "PD011": ("error", "podstawa prawna podana"),
    "PD012": ("error", "ustawa znana katalogowi"),
    "PD013": ("warning", "adres publikacji aktualny na dzień podjęcia"),
    "PD014": ("info", "pewność cytowania"),
    "PD015": ("warning", "forma przepisu"),
    "PD016": ("warning", "forma adresu publikacji (§ 158 ZTP)"),
    "PD017": ("info", "kolejność podstawy prawnej"),
}


def test_rule_table() -> None:
    assert {rule_id: (RULES[rule_id].severity, RULES[rule_id].title) for rule_id in RULE_TABLE} == RULE_TABLE
    assert {case[0] for case in CASES} == set(RULE_TABLE)


ODD = [  # odd data (most of it does not build): every rule still runs, and none raises
    basis({"act": "nieznana", "provision": "pkt", "address": "Dziennik 5"}),
    basis({"act": "samorzad-gminny", "provision": "art. 18"}, date=dt.date(1989, 1, 1), number="XII/85/1990"),
    basis({**USG_2024, "address": "Dz. U. z 1989 r. poz. 1"}, date=dt.date(1989, 1, 1), number="XII/85/1990"),
    basis({**USG_2024, "address": "Dz. U. poz."}),
    {"resolution": {"kind": "generic", "subject": "x", "provisions": ["Treść."], "legal_basis": []}},
]


@pytest.mark.parametrize("changes", ODD)
def test_rules_never_raise_on_odd_data(tmp_path: Path, changes: dict[str, Any]) -> None:
    run_rule(tmp_path, "PD000", changes)  # check_file runs every rule: a rule that raised would fail here


def ketrzyn(tmp_path: Path, date: str = "2014-04-29") -> list[Finding]:
    """The Kętrzyn example with the addresses the council typed in the original ("Dz. U. z 2013r. poz.594 ze zm."),
    adopted on ``date``."""
    source = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
    text = source.read_text(encoding="utf-8")
    typed = {"art. 18 ust. 2 pkt. 15}": "art. 18 ust. 2 pkt. 15, address: Dz. U. z 2013r. poz.594 ze zm.}",
             "art. 110 ust.10}": "art. 110 ust.10, address: Dz. U. z 2013r. poz.182 ze zm.}"}
    for plain, with_address in typed.items():
        assert plain in text
        text = text.replace(plain, with_address)
    path = tmp_path / "ketrzyn.yaml"
    path.write_text(text.replace("date: 2014-04-29", f"date: {date}")
                    .replace("municipality: profiles/", f"municipality: {source.parent}/profiles/"), encoding="utf-8")
    return [f for f in check_file(path, today=dt.date(2026, 11, 25)) if f.rule in RULE_TABLE]


def test_ketrzyn_as_adopted(tmp_path: Path) -> None:
    findings = ketrzyn(tmp_path)
    rules = [f.rule for f in findings]
    # PD014: one finding per act (u.s.g., u.p.s.)
    assert {rule: rules.count(rule) for rule in set(rules)} == {"PD014": 2, "PD015": 2, "PD016": 2, "PD017": 1}
    provisions = {f.location.path: f for f in findings if f.rule == "PD015"}
    assert provisions[f"{LB0}.provision"].fix == "art. 18 ust. 2 pkt 15"
    assert "kropka po „pkt”" in provisions[f"{LB0}.provision"].message
    assert provisions["resolution.legal_basis[1].provision"].fix == "art. 110 ust. 10"
    assert "„ust.10” → „ust. 10”" in provisions["resolution.legal_basis[1].provision"].message
    # adopted in 2014: "z późn. zm." was the form of the time (before 1 March 2016), so the fix keeps it
    assert [f.fix for f in findings if f.rule == "PD016"] == ["Dz. U. z 2013 r. poz. 594 z późn. zm.",
                                                              "Dz. U. z 2013 r. poz. 182 z późn. zm."]
    assert [f.location.path for f in findings if f.rule == "PD017"] == [LB0]
    assert not [f for f in findings if f.severity == "error"]  # paldocs check keeps exit code 0 on the seed


def test_ketrzyn_dated_today_cites_the_newest_texts(tmp_path: Path) -> None:
    findings = ketrzyn(tmp_path, "2026-11-25")
    current = [(f.location.path, f.fix, f.severity) for f in findings if f.rule == "PD013"]
    assert current == [(f"{LB0}.address", "Dz. U. z 2025 r. poz. 1153", "warning"),
                       ("resolution.legal_basis[1].address", "Dz. U. z 2025 r. poz. 1214", "warning")]
    assert not [f for f in findings if f.rule == "PD014" and "nowszy tekst" in f.message]


def test_inowroclaw_annex_has_no_legal_findings() -> None:
    findings = check_file(REPO / "resolutions" / "inowroclaw-2009-pal.yaml", today=dt.date(2026, 11, 25))
    assert [f for f in findings if f.rule in RULE_TABLE] == []
