"""Checks of amending resolutions (PD080–PD084, paldocs.checks.rules_amendments): each case names its source —
§ 84 and § 85 ZTP (2016 text, arslege.pl), the amendment of ZTP itself (Dz. U. z 2026 r. poz. 100) for the
quoted wording, and the titles of published amending resolutions (docs/amendments.md, "Checks")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS

from paldocs.checks import Finding, check_file

BODY = TESTS / "data" / "body" / "gmina-x.yaml"
TODAY = dt.date(2026, 11, 25)
AMENDED = {"number": "XII/85/2024", "date": "2024-11-20", "subject": "w sprawie zasad udzielania dotacji"}
CHANGES = [{"op": "wording", "unit": "§ 1 ust. 1", "text": "Ustala się zasady udzielania dotacji celowych."},
           {"op": "repeal", "unit": "§ 2"}]
HAND_TYPED = ("W uchwale Nr XII/85/2024 Rady Gminy Ostróda z dnia 20 listopada 2024 r. w sprawie zasad udzielania "
              "dotacji wprowadza się następujące zmiany:\n{points}")


def findings(tmp_path: Path, rule: str, amends: dict[str, Any] | None = None, **resolution: Any) -> list[Finding]:
    data = yaml.safe_load(BODY.read_text(encoding="utf-8"))
    data["municipality"]["voivodeship"] = "warmińsko-mazurskie"
    data["resolution"] = {"kind": "zmiana", "number": "XV/101/2025", "date": "2025-03-26",
                          "legal_basis": data["resolution"]["legal_basis"], "signatory": {"name": "Anna Nowak", "gender": "k"},
                          **({"amends": amends} if amends is not None else {}), **resolution}
    if data["resolution"]["kind"] == "zmiana" and amends is None:
        data["resolution"]["amends"] = {"resolution": AMENDED, "changes": CHANGES}
    path = tmp_path / "zmiana.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [finding for finding in check_file(path, today=TODAY) if finding.rule == rule]


@pytest.mark.parametrize("rule", ["PD080", "PD081", "PD082", "PD083", "PD084"])
def test_a_generated_amending_resolution_is_clean(tmp_path: Path, rule: str) -> None:
    assert findings(tmp_path, rule) == []


def test_a_resolution_that_amends_nothing_is_not_judged(tmp_path: Path) -> None:
    for rule in ("PD080", "PD081", "PD082", "PD083", "PD084"):
        assert findings(tmp_path, rule, kind="generic", subject="w sprawie zasad udzielania dotacji",
                        provisions=["Zwykły paragraf."]) == []


# PD080 — the title names the amended resolution: „zmieniająca uchwałę w sprawie …” (Uchwała Nr XXIV/125/13 Rady
# Gminy Wizna) or „w sprawie zmiany uchwały Nr … z dnia … w sprawie …” (Uchwała Nr VII/80/03 Rady Miejskiej w Choroszczy).
@pytest.mark.parametrize(("subject", "reported"), [
    ("w sprawie zmiany zasad", True),
    ("w sprawie zmiany uchwały Nr XII/85/2024 Rady Gminy Ostróda", False),
    ("zmieniająca uchwałę w sprawie zasad udzielania dotacji", False),
])
def test_pd080_title_names_the_amended_resolution(tmp_path: Path, subject: str, reported: bool) -> None:
    found = findings(tmp_path, "PD080", subject=subject)
    assert bool(found) is reported
    if reported:
        assert found[0].severity == "error" and found[0].location.path == "resolution.subject"
        assert found[0].fix == "zmieniająca uchwałę w sprawie zasad udzielania dotacji"


def test_pd080_a_change_list_on_another_kind_does_not_print(tmp_path: Path) -> None:
    found = findings(tmp_path, "PD080", {"resolution": AMENDED, "changes": CHANGES}, kind="generic",
                     subject="zmieniająca uchwałę w sprawie zasad udzielania dotacji", provisions=["Paragraf."])
    assert [finding.fix for finding in found] == ["zmiana"]


# PD081 — the new wording in „…” (Dz. U. z 2026 r. poz. 100, § 1 pkt 1: „dodaje się pkt 7 w brzmieniu: „7) … .”;”).
@pytest.mark.parametrize(("point", "message"), [
    ("1) § 3 otrzymuje brzmienie: § 3. Nowy tekst.;\n2) uchyla się § 5.", "nie zaczyna się cudzysłowem"),
    ("1) po § 3 dodaje się § 3a w brzmieniu: „§ 3a. Nowy tekst.;\n2) uchyla się § 5.", "nie kończy się"),
])
def test_pd081_new_wording_is_quoted(tmp_path: Path, point: str, message: str) -> None:
    text = HAND_TYPED.format(points=point.replace("§ 3 otrzymuje", "\\§ 3 otrzymuje"))
    found = findings(tmp_path, "PD081", kind="generic", subject="zmieniająca uchwałę w sprawie zasad udzielania "
                     "dotacji", provisions=[text])
    assert len(found) == 1 and message in found[0].message
    assert found[0].unit == "§ 1 pkt 1" and found[0].location.path == "resolution.provisions[0]"


@pytest.mark.parametrize("quoted", ["„§ 3. Nowy tekst.”", '"§ 3. Nowy tekst."'])  # typography prints „…”
def test_pd081_a_quoted_wording_typed_by_hand_passes(tmp_path: Path, quoted: str) -> None:
    text = HAND_TYPED.format(points=f"1) \\§ 3 otrzymuje brzmienie: {quoted};\n2) uchyla się § 5.")
    assert findings(tmp_path, "PD081", kind="generic", subject="zmieniająca uchwałę w sprawie zasad udzielania "
                    "dotacji", provisions=[text]) == []


# PD082 — one change per point (§ 85 ust. 2 ZTP: changes are listed as points).
def test_pd082_two_changes_in_one_point(tmp_path: Path) -> None:
    text = HAND_TYPED.format(points="1) w § 2 uchyla się ust. 3 i dodaje się ust. 4 w brzmieniu: „4. Tekst „i” "
                                    "dodaje się.”;\n2) uchyla się § 5.")
    found = findings(tmp_path, "PD082", kind="generic", subject="zmieniająca uchwałę w sprawie zasad udzielania "
                     "dotacji", provisions=[text])
    assert len(found) == 1 and found[0].severity == "warning" and found[0].unit == "§ 1 pkt 1"
    assert "2 zmiany" in found[0].message  # the words inside „…” are the new wording, not operations


# PD083 — an amended act of local law: the amending resolution is published the same way.
def test_pd083_amended_act_published_in_the_journal(tmp_path: Path) -> None:
    amends = {"resolution": {**AMENDED, "journal": "Dz. Urz. Woj. Warm.-Maz. z 2024 r. poz. 5000"},
              "changes": CHANGES}
    found = findings(tmp_path, "PD083", amends)
    assert len(found) == 1 and found[0].location.path == "resolution.act_of_local_law" and found[0].fix == "true"
    assert findings(tmp_path, "PD083", amends, act_of_local_law=True) == []


def test_pd083_local_law_names_where_the_amended_act_was_published(tmp_path: Path) -> None:
    found = findings(tmp_path, "PD083", act_of_local_law=True)
    assert len(found) == 1 and "journal" in found[0].message


# PD084 — § 84 ZTP: numerous changes or an act amended many times → a new act (paldocs's thresholds).
def test_pd084_numerous_changes(tmp_path: Path) -> None:
    many = [{"op": "repeal", "unit": f"§ {number}"} for number in range(1, 12)]
    found = findings(tmp_path, "PD084", {"resolution": AMENDED, "changes": many})
    assert len(found) == 1 and found[0].severity == "info" and "11 punktów" in found[0].message
    assert findings(tmp_path, "PD084", {"resolution": AMENDED, "changes": many[:10]}) == []


def test_pd084_an_act_amended_many_times(tmp_path: Path) -> None:
    prior = [{"number": f"X/{n}/2025", "date": "2025-01-0" + str(n)} for n in range(1, 4)]
    found = findings(tmp_path, "PD084", {"resolution": {**AMENDED, "amended_by": prior}, "changes": CHANGES})
    assert len(found) == 1 and "3 razy" in found[0].message


def test_pd004_accepts_the_amending_title(tmp_path: Path) -> None:
    """„zmieniająca uchwałę w sprawie …” is the title of an amending resolution (docs/amendments.md, "Titles")."""
    assert findings(tmp_path, "PD004") == []
    assert findings(tmp_path, "PD004", subject="zmieniająca uchwałę w sprawie zasad udzielania dotacji") == []
    found = findings(tmp_path, "PD004", kind="generic", subject="zmieniająca uchwałę w sprawie zasad",
                     provisions=["Paragraf."])
    assert len(found) == 1  # without amends the title is an ordinary one
