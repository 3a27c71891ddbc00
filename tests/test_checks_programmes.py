"""Programme rules PD062–PD065 and the PD007/PD009 extensions (paldocs/checks/rules_programmes.py, rules_data.py).

The kinds these rules read (period, deadline, implementer, required contents) come from a templates folder written
here (``--templates``: its kinds.yaml merges over the packaged one), so the rules are tested whatever the shipped
kinds.yaml says. The drafts use the wording of real resolutions, each named where it is used:

- Uchwała Nr 124/XXII/2016 Rady Gminy Piątnica z dnia 30 listopada 2016 r. w sprawie przyjęcia Programu
  współpracy Gminy Piątnica z organizacjami pozarządowymi … na rok 2017 ("… stanowiący załącznik nr 1 do
  uchwały"; https://docplayer.pl/129551596-Uchwala-nr-124-xxii-2016-rady-gminy-piatnica-z-dnia-30-listopada-2016-r.html);
- rozstrzygnięcie nadzorcze Wojewody Lubelskiego z dnia 4 grudnia 2014 r. (Dz. Urz. Woj. Lubelskiego z 2014 r.
  poz. 4411): nieważność programu współpracy Gminy Skierbieszów na rok 2015 bez elementów art. 5a ust. 4
  (http://docplayer.pl/16507467-Lublin-dnia-15-grudnia-2014-r-poz-4411.html);
- Uchwała Nr VI/39/2015 Rady Gminy Kłaj z dnia 27 marca 2015 r. (program opieki nad zwierzętami bezdomnymi … w
  2015 roku; art. 11a ust. 1 ustawy o ochronie zwierząt: "corocznie do dnia 31 marca";
  https://docplayer.pl/11858912-Uchwala-nr-vi-39-2015-rady-gminy-klaj.html);
- Program Wspierania Rodziny Gminy Miejskiej Hajnówka na lata 2016-2018 (projekt, zarządzenie nr 124/2015
  Burmistrza Miasta Hajnówka z dnia 14 grudnia 2015 r.; https://docplayer.pl/11168562-projekt-program-wspierania-
  rodziny-gminy-miejskiej-hajnowka-na-lata-2016-2018.html);
- Uchwała Rady Gminy Osielsko w sprawie przyjęcia Gminnego Programu Wspierania Rodziny w Gminie Osielsko na lata
  2022-2024, uzasadnienie: art. 176 pkt 1 nakłada "obowiązek opracowania i realizacji 3-letnich gminnych programów
  wspierania rodziny" (https://bip.osielsko.pl/contentsversions/18438/18055/preview);
- Uchwała Nr VII/…/19 Rady Miasta Kościerzyna z dnia 27 lutego 2019 r. (projekt): the chair Helena
  Kaszubowska-Nitz (https://docplayer.pl/130583911-uchwala-nr-vii-19-rady-miasta-koscierzyna-z-dnia-27-lutego-2019-r.html);
- "rodzinie, której dochód nie przekracza 150% kryterium dochodowego rodziny" (Gmina Kije, program "Posiłek w
  szkole i w domu": https://kije.pl/dla-mieszkanca/pomoc-spoleczna/finansowanie-posilkow-dla-dzieci-i-doroslych/).

A defect the real text does not have (a later date, a longer period, a wrong participle) is made by changing one
field of the real draft; the comment at the case says which.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from check_harness import BASE, DELETE, merged
from click.testing import CliRunner
from conftest import REPO

from paldocs.checks import RULES, Finding, check_file
from paldocs.checks.docs import rule_description
from paldocs.checks.rules_data import required_list_origin
from paldocs.checks.rules_programmes import (COOPERATION_CONTENTS, odd_percentages,
                                             report_indicator_problems)
from paldocs.cli import main
from paldocs.report.load import load_report

TODAY = dt.date(2026, 11, 25)
MY_RULES = ("PD007", "PD009", "PD062", "PD063", "PD064", "PD065")

# The kinds under test. Sources name the statute as the rule reads it; "program-najwyzej" is a test-only kind
# (no real programme) for the "at-most" period rule.
KINDS = {
    "program-wspolpracy": {
        "name": "program współpracy z organizacjami pozarządowymi", "description": "Roczny program współpracy.",
        "template": "kind-adopt-program.md.j2",
        "subject": "w sprawie przyjęcia „{{ program.title_genitive or program.title }}”",
        "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                        {"act": "pozytek-publiczny", "provision": "art. 5a ust. 1"}],
        "requires": ["program"], "act_of_local_law": False, "verified": True,
        "sources": "art. 5a ust. 1 i 4 ustawy o działalności pożytku publicznego i o wolontariacie",
        "required_roles": [["main-goal", "goals"], ["specific-goals", "goals"], "principles", "scope", "forms",
                           "priorities", "period", "implementation", "financing", "evaluation", "consultation",
                           "committees"],
        "period": {"years": 1, "rule": "exact", "source": "art. 5a ust. 1 u.d.p.p.w. (roczny program współpracy)"},
        "deadline": {"month": 11, "day": 30, "year": "before-period",
                     "source": "art. 5a ust. 1 u.d.p.p.w. (do dnia 30 listopada roku poprzedzającego okres "
                               "obowiązywania programu)"},
        "implementer": {"wiejska": "{organ_wykonawczy}", "miejska": "{organ_wykonawczy}"},
    },
    "gpwr": {
        "name": "gminny program wspierania rodziny", "description": "Gminny program wspierania rodziny.",
        "template": "kind-adopt-program.md.j2",
        "subject": "w sprawie przyjęcia „{{ program.title_genitive or program.title }}”",
        "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                        {"act": "wspieranie-rodziny", "provision": "art. 176 pkt 1"}],
        "legal_basis_join": "w związku z", "requires": ["program"], "act_of_local_law": False, "verified": False,
        "sources": "praktyka gmin: przyjmowany jak PAL",
        "period": {"years": 3, "rule": "exact", "source": "art. 176 pkt 1 ustawy o wspieraniu rodziny i systemie "
                                                           "pieczy zastępczej"},
        "implementer": {"wiejska": "Gminny Ośrodek Pomocy Społecznej {siedziba}",
                        "miejska": "Miejski Ośrodek Pomocy Społecznej {siedziba}"},
    },
    "opieka-nad-zwierzetami": {
        "name": "program opieki nad zwierzętami bezdomnymi", "description": "Program opieki nad zwierzętami.",
        "template": "kind-adopt-program.md.j2",
        "subject": "w sprawie przyjęcia „{{ program.title_genitive or program.title }}”",
        "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"}],
        "requires": ["program"], "act_of_local_law": True, "verified": True,
        "sources": "art. 11a ust. 1 ustawy o ochronie zwierząt",
        "period": {"years": 1, "rule": "exact", "source": "art. 11a ust. 1 ustawy o ochronie zwierząt (corocznie)"},
        "deadline": {"month": 3, "day": 31, "year": "period-start",
                     "source": "art. 11a ust. 1 ustawy o ochronie zwierząt (corocznie do dnia 31 marca)"},
    },
    "program-najwyzej": {
        "name": "program testowy", "description": "Tylko do testów reguły „at-most”.",
        "template": "kind-adopt-program.md.j2",
        "subject": "w sprawie przyjęcia „{{ program.title_genitive or program.title }}”",
        "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"}],
        "requires": ["program"], "act_of_local_law": False, "verified": True, "sources": "test",
        "period": {"years": 5, "rule": "at-most", "source": "test: najwyżej 5 lat"},
    },
}

# The chapters of a programme of cooperation, one per element of art. 5a ust. 4, with the Piątnica programme's
# headings; their one-line contents are short paraphrases of such programmes (the amount is a placeholder).
COOPERATION_SECTIONS = [
    {"heading": "Cel główny i cele szczegółowe programu", "role": "goals",
     "content": "Celem głównym programu jest budowanie partnerstwa między administracją samorządową a organizacjami "
                "pozarządowymi."},
    {"heading": "Zasady współpracy", "role": "principles",
     "content": "Współpraca odbywa się na zasadach pomocniczości, suwerenności stron, partnerstwa, efektywności, "
                "uczciwej konkurencji i jawności."},
    {"heading": "Zakres przedmiotowy", "role": "scope",
     "content": "Przedmiotem współpracy jest realizacja zadań publicznych, o których mowa w art. 4 ust. 1 ustawy."},
    {"heading": "Formy współpracy", "role": "forms",
     "content": "Zlecanie realizacji zadań publicznych oraz wzajemne informowanie się o planowanych kierunkach "
                "działalności."},
    {"heading": "Priorytetowe zadania publiczne", "role": "priorities",
     "content": "Wspieranie i upowszechnianie kultury fizycznej."},
    {"heading": "Okres realizacji programu", "role": "period",
     "content": "Program realizowany będzie od 1 stycznia do 31 grudnia 2017 r."},
    {"heading": "Sposób realizacji programu", "role": "implementation",
     "content": "Program realizuje Wójt Gminy Piątnica."},
    {"heading": "Wysokość środków planowanych na realizację programu", "role": "financing",
     "content": "Na realizację programu planuje się kwotę 50 000 zł."},
    {"heading": "Sposób oceny realizacji programu", "role": "evaluation",
     "content": "Wójt przedstawia Radzie Gminy sprawozdanie z realizacji programu."},
    {"heading": "Informacja o sposobie tworzenia programu oraz o przebiegu konsultacji", "role": "consultation",
     "content": "Projekt programu został poddany konsultacjom z organizacjami pozarządowymi."},
    {"heading": "Tryb powoływania i zasady działania komisji konkursowych", "role": "committees",
     "content": "Komisję konkursową powołuje Wójt w drodze zarządzenia."},
]
PIATNICA_TITLE = ("Program współpracy Gminy Piątnica z organizacjami pozarządowymi oraz innymi podmiotami "
                  "prowadzącymi działalność pożytku publicznego na rok 2017")
# Piątnica: number, date, title, council and chair as in the resolution; the implementer field is the clerk's.
PIATNICA: dict[str, Any] = {
    "municipality": {
        "name": "Piątnica", "kind": "gmina wiejska", "seat": "Piątnica", "voivodeship": "podlaskie",
        "council": {"nominative": "Rada Gminy Piątnica", "genitive": "Rady Gminy Piątnica",
                    "type_genitive": "Rady Gminy"},
        "executive": {"nominative": "Wójt Gminy Piątnica", "dative": "Wójtowi Gminy Piątnica"},
        "signatory": {"name": "Krzysztof Weber"},
    },
    "resolution": {"kind": "program-wspolpracy", "number": "124/XXII/2016", "date": dt.date(2016, 11, 30)},
    "program": {"title": PIATNICA_TITLE, "title_genitive": "Programu" + PIATNICA_TITLE[len("Program"):],
                "period": {"from": 2017, "to": 2017}, "implementer": "Wójt Gminy Piątnica",
                "sections": COOPERATION_SECTIONS},
}
# Kłaj 2015, programme of care for homeless animals, adopted 27 March 2015 (by the 31 March deadline): number,
# date, title, chair and the first sentence as in the resolution.
KLAJ: dict[str, Any] = {
    "municipality": {
        "name": "Kłaj", "kind": "gmina wiejska", "seat": "Kłaj", "voivodeship": "małopolskie",
        "council": {"nominative": "Rada Gminy Kłaj", "genitive": "Rady Gminy Kłaj", "type_genitive": "Rady Gminy"},
        "executive": {"nominative": "Wójt Gminy Kłaj", "dative": "Wójtowi Gminy Kłaj"},
        "signatory": {"name": "Sylwester Skoczek"},
    },
    "resolution": {"kind": "opieka-nad-zwierzetami", "number": "VI/39/2015", "date": dt.date(2015, 3, 27)},
    "program": {"title": "Program opieki nad zwierzętami bezdomnymi oraz zapobiegania bezdomności zwierząt na "
                         "terenie Gminy Kłaj w 2015 roku",
                "period": {"from": 2015, "to": 2015},
                "sections": [{"heading": "Postanowienia ogólne",
                              "content": "Program ma zastosowanie do wszystkich zwierząt domowych, w szczególności "
                                         "psów i kotów, w tym kotów wolno żyjących oraz zwierząt gospodarskich."}]},
}
# Hajnówka: Program Wspierania Rodziny Gminy Miejskiej Hajnówka na lata 2016-2018 (a gmina miejska): the title,
# period and first sentence as in the draft programme; the resolution's number, date and signatory are
# placeholders (the source is the mayor's draft, not the council's resolution).
HAJNOWKA: dict[str, Any] = {
    "municipality": {
        "name": "Hajnówka", "kind": "gmina miejska", "seat": "Hajnówka", "voivodeship": "podlaskie",
        "council": {"nominative": "Rada Miasta Hajnówka", "genitive": "Rady Miasta Hajnówka",
                    "type_genitive": "Rady Miasta"},
        "executive": {"nominative": "Burmistrz Miasta Hajnówka", "dative": "Burmistrzowi Miasta Hajnówka"},
        "signatory": {"name": "Jan Kowalski"},
    },
    "resolution": {"kind": "gpwr", "number": "XII/85/2016", "date": dt.date(2016, 1, 28)},
    "program": {"title": "Program Wspierania Rodziny Gminy Miejskiej Hajnówka na lata 2016-2018",
                "period": {"from": 2016, "to": 2018},
                "implementer": "Miejski Ośrodek Pomocy Społecznej w Hajnówce",
                "sections": [{"heading": "Wprowadzenie", "role": "introduction",
                              "content": "Rodzina jest podstawową komórką społeczną i naturalnym środowiskiem "
                                         "dziecka."}]},
}


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    (folder / "kinds.yaml").write_text(yaml.safe_dump(KINDS, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def findings_of(tmp_path: Path, templates: Path | None, base: dict[str, Any], changes: dict[str, Any],
                rule_ids: tuple[str, ...]) -> list[Finding]:
    path = tmp_path / "dane.yaml"
    data = merged(copy.deepcopy(base), changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [finding for finding in check_file(path, today=TODAY, templates=templates) if finding.rule in rule_ids]


def only(tmp_path: Path, templates: Path | None, base: dict[str, Any], changes: dict[str, Any],
         rule_id: str) -> list[Finding]:
    return findings_of(tmp_path, templates, base, changes, (rule_id,))


def without_roles(*roles: str) -> list[dict[str, Any]]:
    return [section for section in COOPERATION_SECTIONS if section["role"] not in roles]


# --- clean drafts ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("base", [PIATNICA, KLAJ, HAJNOWKA], ids=["piatnica-wspolpraca", "klaj-zwierzeta",
                                                                 "hajnowka-gpwr"])
def test_clean_real_drafts_have_no_error_or_warning_from_these_rules(tmp_path: Path, templates: Path,
                                                                      base: dict[str, Any]) -> None:
    findings = findings_of(tmp_path, templates, base, {}, MY_RULES)
    assert [(f.rule, f.message) for f in findings if f.severity != "info"] == []


def test_clean_cooperation_programme_shows_no_error_at_all(tmp_path: Path, templates: Path) -> None:
    findings = findings_of(tmp_path, templates, PIATNICA, {}, tuple(RULES))
    assert [(f.rule, f.message) for f in findings if f.severity == "error"] == []


# --- PD007: the contents of a programme of cooperation (art. 5a ust. 4) ------------------------------------------

def test_pd007_every_statutory_element_present(tmp_path: Path, templates: Path) -> None:
    assert only(tmp_path, templates, PIATNICA, {}, "PD007") == []


def test_pd007_missing_committees_is_an_error_naming_the_point(tmp_path: Path, templates: Path) -> None:
    # Skierbieszów 2015 was annulled for a programme without the elements of art. 5a ust. 4 (Dz. Urz. Woj.
    # Lubelskiego z 2014 r. poz. 4411): here the Piątnica programme loses its chapter on competition committees.
    findings = only(tmp_path, templates, PIATNICA, {"program": {"sections": without_roles("committees")}}, "PD007")
    assert [(f.severity, f.location.path) for f in findings] == [("error", "program.sections")]
    assert "tryb powoływania i zasady działania komisji konkursowych" in findings[0].message
    assert "art. 5a ust. 4 pkt 11" in findings[0].message
    assert "Dz. Urz. Woj. Lubelskiego z 2014 r. poz. 4411" in findings[0].message


def test_pd007_each_missing_element_is_its_own_error(tmp_path: Path, templates: Path) -> None:
    sections = without_roles("goals", "evaluation", "consultation") + [
        {"heading": "Cel główny", "role": "main-goal", "content": "Budowanie partnerstwa."}]
    findings = only(tmp_path, templates, PIATNICA, {"program": {"sections": sections}}, "PD007")
    points = sorted(f.message.split("art. 5a ust. 4 ")[1].split(" ")[0:2][1] for f in findings)
    assert points == ["1", "10", "9"]
    assert all(f.severity == "error" for f in findings)
    assert any("cele szczegółowe programu" in f.message for f in findings)


def test_pd007_recognises_a_cooperation_programme_by_its_legal_basis(tmp_path: Path, templates: Path) -> None:
    # Żywiec cites "art. 5a ust. 1 i ust. 4" (Uchwała Nr LXVI/478/2014 Rady Miejskiej w Żywcu z dnia 30 października
    # 2014 r.); adopted under the general kind "program" the statute still applies.
    changes = {"resolution": {"kind": "program", "legal_basis": [
        {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
        {"act": "pozytek-publiczny", "provision": "art. 5a ust. 1 i ust. 4"}]},
        "program": {"sections": without_roles("scope", "priorities")}}
    findings = only(tmp_path, templates, PIATNICA, changes, "PD007")
    assert sorted(f.message.split(" (rola")[0] for f in findings) == [
        "brak rozdziału: priorytetowe zadania publiczne", "brak rozdziału: zakres przedmiotowy"]


def test_pd007_statutory_table_has_eleven_points() -> None:
    assert sorted({content.point for content in COOPERATION_CONTENTS}, key=lambda p: int(p[4:])) == [
        f"pkt {number}" for number in range(1, 12)]


def test_pd007_practice_list_is_one_warning_per_document(tmp_path: Path) -> None:
    # tests/data/ostroda-2024-pal.yaml has goals only: the five other typical PAL chapters are one finding.
    findings = only(tmp_path, None, BASE, {}, "PD007")
    assert len(findings) == 1 and findings[0].severity == "warning"
    message = findings[0].message
    assert message.startswith("brak rozdziałów o: ")
    for topic in ("kierunkach działań", "adresatach", "rezultatach", "finansowaniu", "monitoringu"):
        assert topic in message
    assert "niezweryfikowana" in message


@pytest.mark.parametrize(("kind", "expected"), [
    (SimpleNamespace(verified=False, sources="praktyka", contents_source="art. 11a ust. 2 i 5 ustawy o ochronie "
                     "zwierząt"), "treść programu wylicza przepis: art. 11a ust. 2 i 5 ustawy o ochronie zwierząt"),
    (SimpleNamespace(verified=True, sources="art. 1 ustawy"), "lista rodzaju uchwały pochodzi z: art. 1 ustawy"),
    (SimpleNamespace(verified=False, sources="praktyka"), "pochodzi z praktyki i nie jest potwierdzona przepisem"),
], ids=["contents-source", "verified", "practice"])
def test_pd007_says_where_the_list_comes_from(kind: SimpleNamespace, expected: str) -> None:
    assert expected in required_list_origin(kind)


# --- PD009: one note per kind source --------------------------------------------------------------------------

def test_pd009_one_note_per_document_for_an_unverified_kind(tmp_path: Path, templates: Path) -> None:
    # the Hajnówka programme given five years: PD063 cites its one provision, the kind's sources stay in PD009
    changes = {"program": {"title": "Program Wspierania Rodziny Gminy Miejskiej Hajnówka na lata 2016-2020",
                           "period": {"from": 2016, "to": 2020}}}
    findings = findings_of(tmp_path, templates, HAJNOWKA, changes, MY_RULES)
    notes = [f for f in findings if f.rule == "PD009"]
    assert len(notes) == 1 and notes[0].severity == "info"
    assert "praktyka gmin: przyjmowany jak PAL" in notes[0].message
    assert [f.rule for f in findings if f.rule != "PD009"] == ["PD063"]
    assert "praktyka gmin" not in next(f for f in findings if f.rule == "PD063").message


def test_pd009_silent_for_a_kind_read_in_the_statute(tmp_path: Path, templates: Path) -> None:
    assert only(tmp_path, templates, PIATNICA, {}, "PD009") == []


# --- PD062: adoption deadline ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("base", "changes", "expected"), [
    # Piątnica adopted on the last day, 30 November 2016: in time.
    (PIATNICA, {}, None),
    # the same programme adopted on 5 December 2016 (the date changed): late.
    (PIATNICA, {"resolution": {"date": dt.date(2016, 12, 5)}}, "do 30 listopada roku poprzedzającego okres "
                                                                 "programu, tj. do 30 listopada 2016 r."),
    # a programme for 2018 adopted in November 2016: the deadline is 30 November 2017, long after.
    (PIATNICA, {"program": {"period": {"from": 2018, "to": 2018}}}, None),
    # Kłaj adopted on 27 March 2015 a programme for 2015: in time.
    (KLAJ, {}, None),
    # the same programme adopted on 15 April 2015 (the date changed): late.
    (KLAJ, {"resolution": {"date": dt.date(2015, 4, 15)}}, "do 31 marca pierwszego roku programu, tj. do 31 marca "
                                                           "2015 r."),
    # a multi-year programme of cooperation (art. 5a ust. 2) is not held to the annual deadline.
    (PIATNICA, {"resolution": {"date": dt.date(2016, 12, 5), "legal_basis": [
        {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
        {"act": "pozytek-publiczny", "provision": "art. 5a ust. 2"}]}}, None),
    # no date yet (a draft): nothing to judge.
    (PIATNICA, {"resolution": {"date": DELETE, "number": DELETE}}, None),
], ids=["piatnica-last-day", "piatnica-december", "piatnica-year-ahead", "klaj-march", "klaj-april",
        "multi-year", "no-date"])
def test_pd062_adoption_deadline(tmp_path: Path, templates: Path, base: dict[str, Any], changes: dict[str, Any],
                                 expected: str | None) -> None:
    findings = only(tmp_path, templates, base, changes, "PD062")
    if expected is None:
        assert findings == []
        return
    assert [(f.severity, f.location.path) for f in findings] == [("warning", "resolution.date")]
    assert expected in findings[0].message, findings[0].message
    assert "źródło: art." in findings[0].message


# --- PD063: programme period --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("base", "changes", "expected", "fix"), [
    (HAJNOWKA, {}, None, None),  # 2016-2018: three years, as art. 176 pkt 1 says
    # the Hajnówka programme stretched to 2016–2020 (title and period changed): five years for a three-year programme
    (HAJNOWKA, {"program": {"title": "Program Wspierania Rodziny Gminy Miejskiej Hajnówka na lata 2016-2020",
                            "period": {"from": 2016, "to": 2020}}},
     "okres programu 2016–2020 to 5 lat, a program rodzaju „gpwr” (gminny program wspierania rodziny) obejmuje "
     "dokładnie 3 lata (źródło: art. 176 pkt 1", "2018"),
    (PIATNICA, {}, None, None),
    # Piątnica's annual programme given two years: the multi-year programme is a different act (art. 5a ust. 2)
    (PIATNICA, {"program": {"title": PIATNICA_TITLE.replace("na rok 2017", "na lata 2017-2018"),
                            "title_genitive": DELETE, "period": {"from": 2017, "to": 2018}}},
     "art. 5a ust. 2", "2017"),
    (PIATNICA, {"resolution": {"legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"},
                                               {"act": "pozytek-publiczny", "provision": "art. 5a ust. 2"}]},
                "program": {"title": PIATNICA_TITLE.replace("na rok 2017", "na lata 2017-2019"),
                            "title_genitive": DELETE, "period": {"from": 2017, "to": 2019}}}, None, None),
    (PIATNICA, {"resolution": {"kind": "program-najwyzej"},
                "program": {"title": "Program testowy", "title_genitive": DELETE, "period": {"from": 2017, "to": 2020}}},
     None, None),
    (PIATNICA, {"resolution": {"kind": "program-najwyzej"},
                "program": {"title": "Program testowy", "title_genitive": DELETE, "period": {"from": 2017, "to": 2022}}},
     "to 6 lat, a program rodzaju „program-najwyzej” (program testowy) obejmuje najwyżej 5 lat", "2021"),
], ids=["hajnowka-3", "hajnowka-5", "piatnica-1", "piatnica-2", "multi-year", "at-most-ok", "at-most-over"])
def test_pd063_programme_period(tmp_path: Path, templates: Path, base: dict[str, Any], changes: dict[str, Any],
                                expected: str | None, fix: str | None) -> None:
    findings = only(tmp_path, templates, base, changes, "PD063")
    if expected is None:
        assert findings == []
        return
    assert [(f.severity, f.location.path, f.fix) for f in findings] == [("warning", "program.period.to", fix)]
    assert expected in findings[0].message, findings[0].message


# --- PD064: indicators in per cent ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Wskaźnik: odsetek rodzin objętych wsparciem asystenta rodziny – 120%.", [("120%", Decimal(120))]),
    ("Odsetek dzieci powracających do rodzin biologicznych: 100%.", []),
    ("Wartość docelowa wskaźnika: 35,5 %.", []),
    ("Wskaźnik zmiany liczby rodzin w kryzysie: -15%.", [("-15%", Decimal(-15))]),
    ("Wskaźnik: 120% (przekroczenie wartości docelowej z uwagi na nabór dodatkowy).", []),
    ("Wskaźnik: wzrost liczby uczestników zajęć o 150%.", []),
    # Gmina Kije, "Posiłek w szkole i w domu": a share of the income criterion, not an indicator
    ("Pomoc przyznawana jest rodzinie, której dochód nie przekracza 150% kryterium dochodowego rodziny.", []),
    ("Udział organizacji w konsultacjach: 140%; liczba konkursów: 3.", [("140%", Decimal(140))]),
    ("W latach 2010-20% mieszkańców", []),  # a year range, no indicator word, nothing to read
], ids=["above-100", "exactly-100", "decimal", "negative", "commented", "growth", "income-criterion", "share",
        "range"])
def test_odd_percentages(text: str, expected: list[tuple[str, Decimal]]) -> None:
    assert list(odd_percentages(text)) == expected


def test_pd064_in_a_programme_section(tmp_path: Path, templates: Path) -> None:
    sections = [*HAJNOWKA["program"]["sections"], {
        "heading": "Rezultaty", "role": "results",
        "items": [{"id": "rez-1", "text": "Odsetek rodzin, w których poprawiła się sytuacja: 130%."},
                  {"id": "rez-2", "text": "Liczba rodzin objętych wsparciem asystenta: 12."}]}]
    findings = only(tmp_path, templates, HAJNOWKA, {"program": {"sections": sections}}, "PD064")
    assert [(f.severity, f.location.path) for f in findings] == [("warning", "program.sections[1].items[0].text")]
    assert "„130%” (ponad 100%) bez wyjaśnienia" in findings[0].message


def test_pd064_clean_programme_text(tmp_path: Path, templates: Path) -> None:
    assert only(tmp_path, templates, HAJNOWKA, {}, "PD064") == []


REPORT = REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2014-2016.yaml"


def test_report_indicators_of_the_example_report_are_sane() -> None:
    # "Odsetek uczestników Klubu Integracji Społecznej, którzy podjęli zatrudnienie" (unit "%"): 17.2, 21.6, 18.8
    assert report_indicator_problems(load_report(REPORT).report) == []


def test_report_indicator_above_100_without_comment() -> None:
    source = load_report(REPORT)
    index, indicator = next((i, ind) for i, ind in enumerate(source.report.indicators) if ind.unit == "%")
    changed = indicator.model_copy(update={"actual": indicator.actual | {2016: Decimal("118.8")}})
    commented = changed.model_copy(update={"comment": "Zatrudnienie podjęli też uczestnicy z poprzednich lat."})
    indicators = list(source.report.indicators)
    indicators[index] = changed
    problems = report_indicator_problems(source.report.model_copy(update={"indicators": indicators}))
    assert [path for path, _ in problems] == [("indicators", index, "actual", 2016)]
    assert "118.8% — ponad 100% bez wyjaśnienia" in problems[0][1]
    assert source.locate(problems[0][0]).line is not None  # the report file's line, for a finding
    indicators[index] = commented
    assert report_indicator_problems(source.report.model_copy(update={"indicators": indicators})) == []


# --- PD065: gender agreement ---------------------------------------------------------------------------------------

STRATEGY = {"title": "Strategia Rozwiązywania Problemów Społecznych Gminy Ostróda na lata 2021–2030",
            "title_genitive": "Strategii Rozwiązywania Problemów Społecznych Gminy Ostróda na lata 2021–2030",
            "period": {"from": 2021, "to": 2030}}
ADOPT_STRATEGY = ("Przyjmuje się Strategię Rozwiązywania Problemów Społecznych Gminy Ostróda na lata 2021–2030, "
                  "{} załącznik do niniejszej uchwały.")
PIATNICA_ADOPTION = f"Przyjmuje się {PIATNICA_TITLE}, {{}} załącznik nr 1 do uchwały."


@pytest.mark.parametrize(("base", "changes", "path", "fragment", "fix"), [
    (BASE, {"program": STRATEGY, "resolution": {"adoption": ADOPT_STRATEGY.format("stanowiącą")}}, None, None, None),
    (BASE, {"program": STRATEGY, "resolution": {"adoption": ADOPT_STRATEGY.format("stanowiący")}},
     "resolution.adoption", "„stanowiący załącznik” nie zgadza się z rodzajem tytułu programu",
     ADOPT_STRATEGY.format("stanowiącą")),
    # Piątnica's own words: "… na rok 2017, stanowiący załącznik nr 1 do uchwały."
    (PIATNICA, {"resolution": {"adoption": PIATNICA_ADOPTION.format("stanowiący")}}, None, None, None),
    (PIATNICA, {"resolution": {"adoption": PIATNICA_ADOPTION.format("stanowiącą")}}, "resolution.adoption",
     "nie zgadza się z rodzajem tytułu programu „Program współpracy Gminy Piątnica", PIATNICA_ADOPTION.format("stanowiący")),
    # another annex named in a provision agrees with its own noun, not the programme's
    (BASE, {"program": STRATEGY, "resolution": {
        "adoption": ADOPT_STRATEGY.format("stanowiącą"),
        "provisions": ["Harmonogram wdrażania, stanowiący załącznik nr 2 do uchwały, aktualizuje się corocznie."]}},
     None, None, None),
    # Kościerzyna: the chair is a woman (Helena Kaszubowska-Nitz); a deputy's "z up." typed into the name
    (BASE, {"resolution": {"signatories": [
        {"name": "Helena Kaszubowska-Nitz", "gender": "k"},
        {"name": "z up. Przewodniczącego Rady Jan Nowak", "function": "wiceprzewodniczący"}]}},
     "resolution.signatories[1].name", "„z up. Przewodniczącego” — przewodniczący rady jest w danych kobietą",
     "z up. Przewodniczącej Rady Jan Nowak"),
    (BASE, {"resolution": {"signatories": [
        {"name": "Helena Kaszubowska-Nitz", "gender": "k"},
        {"name": "z up. Przewodniczącej Rady Jan Nowak", "function": "wiceprzewodniczący"}]}}, None, None, None),
    (BASE, {"resolution": {"justification": "Uchwałę podpisuje z up. Przewodniczącego Rady wiceprzewodniczący.",
                           "signatory": {"name": "Jan Nowak", "function": "wiceprzewodniczący",
                                         "on_behalf_of_chair": True, "chair_gender": "k"}}},
     "resolution.justification", "kobietą", "Uchwałę podpisuje z up. Przewodniczącej Rady wiceprzewodniczący."),
    # the implementer: a gmina wiejska has a gminny ośrodek
    (BASE, {"program": {"implementer": "Gminny Ośrodek Pomocy Społecznej w Ostródzie"}}, None, None, None),
    (BASE, {"program": {"implementer": "Miejski Ośrodek Pomocy Społecznej w Ostródzie"}}, "program.implementer",
     "nie pasuje do gminy: w gminie wiejskiej", "Gminny Ośrodek Pomocy Społecznej w Ostródzie"),
    (HAJNOWKA, {}, None, None, None),  # Hajnówka, a gmina miejska: Miejski Ośrodek Pomocy Społecznej w Hajnówce
    # a programme of cooperation is carried out by the executive (the kind's implementer), not a welfare centre
    (PIATNICA, {"program": {"implementer": "Gminny Ośrodek Pomocy Społecznej w Piątnicy"}}, "program.implementer",
     "według rodzaju uchwały „Wójt Gminy Piątnica”, nie ośrodek pomocy społecznej", None),
], ids=["strategy-ok", "strategy-masculine", "piatnica-ok", "piatnica-feminine", "other-annex", "z-up-woman",
        "z-up-woman-ok", "z-up-justification", "gops-wiejska", "mops-wiejska", "mops-miejska", "ops-cooperation"])
def test_pd065_gender_agreement(tmp_path: Path, templates: Path, base: dict[str, Any], changes: dict[str, Any],
                                path: str | None, fragment: str | None, fix: str | None) -> None:
    findings = only(tmp_path, templates, base, changes, "PD065")
    if path is None:
        assert findings == [], [f.message for f in findings]
        return
    assert [(f.severity, f.location.path, f.fix) for f in findings] == [("warning", path, fix)]
    assert fragment is not None and fragment in findings[0].message, findings[0].message


# --- the rule table ------------------------------------------------------------------------------------------------

RULE_TABLE = {
    "PD062": ("warning", "termin podjęcia programu"),
    "PD063": ("warning", "okres programu zgodny z rodzajem"),
    "PD064": ("warning", "wskaźnik w procentach w granicach 0–100"),
    "PD065": ("warning", "zgodność rodzaju gramatycznego"),
}


def test_rule_table() -> None:
    assert {rule_id: (RULES[rule_id].severity, RULES[rule_id].title) for rule_id in RULE_TABLE} == RULE_TABLE


@pytest.mark.parametrize("rule_id", [*RULE_TABLE, "PD007", "PD009"])
def test_rule_names_its_source(rule_id: str) -> None:
    assert "Źródło: " in rule_description(rule_id)


# --- through the command line --------------------------------------------------------------------------------------

def test_cli_check_with_the_kinds_of_a_templates_folder(tmp_path: Path, templates: Path) -> None:
    # the Piątnica programme adopted on 5 December 2016 and without committees: one warning, one error, exit code 1
    data = merged(copy.deepcopy(PIATNICA), {"resolution": {"date": dt.date(2016, 12, 5)},
                                            "program": {"sections": without_roles("committees")}})
    path = tmp_path / "piatnica.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-25", "--templates", str(templates),
                                       "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["findings"]
    mine = [(f["rule"], f["severity"], f["path"]) for f in findings if f["rule"] in ("PD007", "PD062")]
    assert sorted(mine) == [("PD007", "error", "program.sections"), ("PD062", "warning", "resolution.date")]


def test_paldocs_check_reports_a_report_indicator_above_100_at_its_line(tmp_path: Path) -> None:
    shutil.copytree(REPO / "resolutions", tmp_path / "resolutions")  # the report names its program by a relative path
    report = tmp_path / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2014-2016.yaml"
    text = report.read_text(encoding="utf-8")
    assert "actual: {2014: 17.2, 2015: 21.6, 2016: 18.8}" in text
    report.write_text(text.replace("actual: {2014: 17.2, 2015: 21.6, 2016: 18.8}",
                                   "actual: {2014: 17.2, 2015: 21.6, 2016: 118.8}"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(report), "--format", "json"])
    assert result.exit_code == 0, result.output  # a warning does not change the exit code
    pd064 = [finding for finding in json.loads(result.stdout)["findings"] if finding["rule"] == "PD064"]
    assert len(pd064) == 1 and pd064[0]["severity"] == "warning"
    assert pd064[0]["path"] == "indicators[4].actual[2016]"
    assert pd064[0]["line"] is not None and "118.8% — ponad 100%" in pd064[0]["message"]
