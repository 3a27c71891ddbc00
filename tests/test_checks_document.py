"""Rules over the document model (PD020–PD028): hand-built IR tables, data variants through the whole pipeline
(generic kind with provisions, APM, other gminy, user templates) and the seeds, where the generated resolution
must be clean.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from check_harness import DELETE, TODAY, run_rule, run_rule_on, write_variant
from conftest import REPO, TESTS

from paldocs.checks import RULES, CheckContext, Report, check_file
from paldocs.checks.units import (
    citation_from_address,
    iter_nodes,
    resolution_part,
    tiret_ordinal,
    unit_citation,
    unit_tree,
)
from paldocs.compose import make_environment
from paldocs.document import Block, Div, Document, LineBreak, Meta, Paragraph, Part, Text, Unit
from paldocs.kinds import load_kinds
from paldocs.legal import load_catalog
from paldocs.model.load import load_source

NB = "\u00a0"
DOCUMENT_RULES = [f"PD0{n}" for n in range(20, 29)]
EXECUTOR = "Wykonanie uchwały powierza się Wójtowi Gminy Ostróda."
IN_FORCE = "Uchwała wchodzi w życie z dniem podjęcia."
APM_FORMULA = ("Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa "
               "Warmińsko-Mazurskiego.")
BASIS = ("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
         "(Dz. U. z 2024 r. poz. 1465)")
HEADER = ("Załącznik do Uchwały Nr XII/85/2024", "Rady Gminy Ostróda", f"z dnia 20{NB}listopada 2024{NB}r.")
APM: dict[str, Any] = {"resolution": {"act_of_local_law": True},
                       "municipality": {"voivodeship": "warmińsko-mazurskie"}}


# --- hand-built IR ------------------------------------------------------------------------------------------------


def para(text: str) -> Paragraph:
    return Paragraph([Text(text)])


def unit(kind: str, num: str, *children: str | Block) -> Unit:
    return Unit(kind, [para(c) if isinstance(c, str) else c for c in children], num=num)  # type: ignore[arg-type]


def par(num: str, *children: str | Block) -> Unit:
    return unit("paragraf", num, *children)


def formula(text: str) -> Div:
    return Div("enacting-formula", [para(text)])


def header(*lines: str) -> Div:
    inlines: list[Any] = []
    for line in lines:
        inlines += [LineBreak(), Text(line)] if inlines else [Text(line)]
    return Div("annex-header", [Paragraph(inlines)])


def resolution(*units: Block, basis: str = f"{BASIS} uchwala się, co następuje:", closing: bool = True,
               annexes: tuple[tuple[Block, ...], ...] = ((header(*HEADER),),)) -> Document:
    """A resolution like Ostróda's: legal basis, ``units`` (by default § 1 adopting the annex), closing provisions."""
    units = units or (par("1", "Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały."),)
    blocks: list[Block] = [Div("legal-basis", [para(basis)]), *units]
    if closing:
        n = sum(isinstance(u, Unit) and u.kind == "paragraf" for u in units)
        blocks += [par(str(n + 1), EXECUTOR), par(str(n + 2), IN_FORCE)]
    meta = Meta(title="Uchwała", number="XII/85/2024", date=dt.date(2024, 11, 20))
    return Document(meta, [Part("resolution", blocks), *(Part("annex", list(annex)) for annex in annexes)])


def context_for(document: Document | None, path: Path = TESTS / "data" / "ostroda-2024-pal.yaml") -> CheckContext:
    source = load_source(path)
    kind = load_kinds(make_environment())[source.data.resolution.kind]
    return CheckContext(source, TODAY, load_catalog([]), kind, document=document)


BASE_CONTEXT = context_for(None)


def reports(rule_id: str, document: Document, context: CheckContext = BASE_CONTEXT) -> list[Report]:
    return list(RULES[rule_id].check(dataclasses.replace(context, document=document)))


ENUMERATION = par("1", "Program obejmuje:",
                  unit("punkt", "1", "cele;"),
                  unit("punkt", "2", "działania, w tym:", unit("litera", "a", "szkolenia,"),
                       unit("litera", "b", "spotkania:", unit("tiret", "", "otwarte,"),
                            unit("tiret", "", "zamknięte;"))),
                  unit("punkt", "3", "budżet."),
                  "– w zakresie programu.")

# (rule, document, [(message fragment, unit, fix)]) — an empty list: the rule is satisfied.
CASES: list[tuple[str, Document, list[tuple[str, str | None, str | None]]]] = [
    ("PD020", resolution(), []),
    ("PD020", resolution(basis=BASIS), [("brak formuły wydania przed § 1", None,
                                         "… z 2024 r. poz. 1465) uchwala się, co następuje:")]),
    ("PD020", resolution(par("1", "Tekst."), formula("Rada Gminy Ostróda uchwala, co następuje:"), basis=BASIS),
     [("brak formuły wydania przed § 1", None, None)]),
    ("PD020", resolution(formula("Rada Gminy Ostróda uchwala, co następuje:"), par("1", "A."), basis=BASIS), []),
    ("PD020", resolution(formula("Rada Gminy Ostróda postanawia, co następuje:"), par("1", "A."), basis=BASIS),
     [("ma kończyć się słowami „uchwala się, co następuje:”", None, "Rada Gminy Ostróda uchwala, co następuje:")]),
    ("PD020", resolution(basis=f"{BASIS} postanawia, co następuje:"),
     [("ma kończyć się słowami", None, "… z 2024 r. poz. 1465) uchwala się, co następuje:")]),
    ("PD021", resolution(ENUMERATION), []),
    ("PD021", resolution(par("1", "A."), par("3", "B."), closing=False),
     [("po § 1 następuje § 3 — brakuje § 2; paragrafy numeruje się kolejno", "§ 3", "§ 2")]),
    ("PD021", resolution(par("2", "A."), closing=False), [("numeracja zaczyna się od § 2 zamiast § 1", "§ 2", "§ 1")]),
    ("PD021", resolution(par("1", "A."), par("2", "B."), par("2", "C."), closing=False),
     [("§ 2 po § 2: numer powtarza się albo cofa", "§ 2", "§ 3")]),
    ("PD021", resolution(par("1", unit("ustep", "1", "A."), unit("ustep", "3", "B.")), closing=False),
     [("po § 1 ust. 1 następuje § 1 ust. 3 — brakuje § 1 ust. 2; ustępy numeruje się od 1", "§ 1 ust. 3",
       "§ 1 ust. 2")]),
    ("PD021", resolution(par("1", "A:", unit("punkt", "1", "a;"), unit("punkt", "1", "b.")), closing=False),
     [("§ 1 pkt 1 po § 1 pkt 1: numer powtarza się", "§ 1 pkt 1", "§ 1 pkt 2")]),
    ("PD021", resolution(par("1", "A:", *(unit("litera", x, "a,") for x in "abcć")), closing=False),
     [("§ 1 lit. ć: litery ć nie są używane do oznaczania liter", "§ 1 lit. ć", "§ 1 lit. d")]),
    ("PD021", resolution(par("1", "A:", *(unit("litera", x, "a,") for x in [*"abcdefghijklmnopqrstuvwxyz", "za",
                                                                             "aa"])), closing=False),
     [("§ 1 lit. aa: niepoprawne oznaczenie; litery oznacza się kolejno a), b), … z), za), zb)", "§ 1 lit. aa",
       "§ 1 lit. zb")]),
    ("PD022", resolution(ENUMERATION), []),
    ("PD022", resolution(par("1", "Program obejmuje", unit("punkt", "1", "cele."), unit("punkt", "2", "budżet;"))),
     [("wprowadzenie do wyliczenia kończy się „Program obejmuje” — przed punktami i literami stawia się dwukropek",
       "§ 1", "Program obejmuje:"),
      ("§ 1 pkt 1 kończy się „cele.”: punkty kończą się średnikiem, ostatni — kropką", "§ 1 pkt 1", "cele;"),
      ("§ 1 pkt 2 kończy się „budżet;”", "§ 1 pkt 2", "budżet.")]),
    ("PD022", resolution(par("1", unit("ustep", "1", "Obejmuje:", unit("punkt", "1", f"działania,{NB}")))),
     [("§ 1 ust. 1 pkt 1 kończy się „działania,”", "§ 1 ust. 1 pkt 1", "działania.")]),
    ("PD022", resolution(par("1", "Obejmuje:", unit("punkt", "1", "działania, w tym", unit("litera", "a", "x;")))),
     [("jednostka, po której następują litery lub tiret, kończy się dwukropkiem", "§ 1 pkt 1", "działania, w tym:")]),
    ("PD023", resolution(ENUMERATION), []),
    ("PD023", resolution(par("1", "Obejmuje:", unit("punkt", "1", "działania:", unit("litera", "a", "x;"),
                                                    unit("litera", "b", "y,")), unit("punkt", "2", "z."))),
     [("§ 1 pkt 1 lit. a kończy się „x;”: litery kończą się przecinkiem, ostatnia — średnikiem albo kropką",
       "§ 1 pkt 1 lit. a", "x,"), ("§ 1 pkt 1 lit. b kończy się „y,”", "§ 1 pkt 1 lit. b", "y;")]),
    ("PD023", resolution(par("1", "Obejmuje:", unit("punkt", "1", "działania:", unit("litera", "a", "x,"),
                                                    unit("litera", "b", "y"))), closing=False),
     [("§ 1 pkt 1 lit. b kończy się „y”", "§ 1 pkt 1 lit. b", "y.")]),
    ("PD023", resolution(par("1", unit("ustep", "1", "Obejmuje", unit("litera", "a", "x,"),
                                       unit("litera", "b", "y.")))),
     [("wprowadzenie do wyliczenia kończy się „Obejmuje”", "§ 1 ust. 1", "Obejmuje:")]),
    ("PD024", resolution(), []),
    ("PD024", resolution(par("1", "A."), par("2", IN_FORCE), closing=False),
     [("brak klauzuli wykonawczej", None, EXECUTOR)]),
    ("PD024", resolution(par("1", "A."), par("2", unit("ustep", "1", "B."), unit("ustep", "2", EXECUTOR)),
                         closing=False),
     [("klauzula wykonawcza stoi w § 2 ust. 2 — powinna być osobnym paragrafem", "§ 2 ust. 2", EXECUTOR)]),
    ("PD024", resolution(par("1", "A."), par("2", f"Wykonanie uchwały powierza się Burmistrzowi{NB}Gminy Ostróda."),
                         closing=False),
     [("powierza wykonanie „Burmistrzowi Gminy Ostróda”, a organem wykonawczym gminy jest „Wójtowi Gminy Ostróda”",
       "§ 2", EXECUTOR),
      ("„Burmistrzowi Gminy Ostróda”: w gminie wiejskiej organem wykonawczym jest wójt (art. 26 u.s.g.)", "§ 2",
       EXECUTOR)]),
    ("PD025", resolution(), []),
    ("PD025", resolution(par("1", "A."), par("2", EXECUTOR), closing=False),
     [("brak przepisu o wejściu w życie", None, IN_FORCE)]),
    ("PD025", resolution(par("1", "A."), par("2", IN_FORCE), par("3", EXECUTOR), closing=False),
     [("przepis o wejściu w życie (§ 2) nie jest ostatnim paragrafem — po nim jest § 3; przepis o wejściu w życie "
       "zamyka uchwałę", "§ 2", None)]),
    ("PD026", resolution(), []),
    ("PD026", resolution(par("1", "A."), par("2", "Uchwała wchodzi w życie z mocą od 1 stycznia 2024 r.")), []),
    ("PD026", resolution(par("1", "A."), par("2", "Uchwała wchodzi w życie w terminie 14 dni od dnia ogłoszenia."),
                         closing=False),
     [("§ 2: „Uchwała wchodzi w życie w terminie 14 dni od dnia ogłoszenia.” — „w terminie 14 dni” nie wskazuje dnia "
       "wejścia w życie", "§ 2", "Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.")]),
    ("PD027", resolution(), []),
    ("PD027", resolution(par("1", "Przyjmuje się program.")),
     [("załącznik nie jest powołany w żadnym paragrafie uchwały", None,
       "stanowiący załącznik do niniejszej uchwały")]),
    ("PD027", resolution(par("1", "Przyjmuje się programy stanowiące załączniki nr 1 i 2 do niniejszej uchwały."),
                         annexes=((header("Załącznik nr 1 do Uchwały Nr XII/85/2024", *HEADER[1:]),),
                                  (header("Załącznik nr 2 do Uchwały Nr XII/85/2024", *HEADER[1:]),))), []),
    ("PD027", resolution(par("1", "Przyjmuje się program stanowiący załącznik nr 1–3 do niniejszej uchwały."),
                         par("2", "Traci moc załącznik nr 7 do uchwały Nr I/1/2020.")),
     [("§ 1 powołuje załącznik nr 2 do niniejszej uchwały, a uchwała ma załączników: 1", "§ 1", None),
      ("§ 1 powołuje załącznik nr 3", "§ 1", None)]),
    ("PD027", resolution(par("1", "Wzór stanowi załącznik do niniejszej uchwały."), annexes=()),
     [("§ 1 powołuje załącznik do niniejszej uchwały, a uchwała nie ma załącznika", "§ 1", None)]),
    ("PD028", resolution(), []),
    ("PD028", resolution(annexes=((header(*(line.upper() for line in HEADER[:2]), HEADER[2]),),)), []),
    ("PD028", resolution(annexes=((para("Program"),),)),
     [("załącznik nie ma nagłówka wskazującego uchwałę", None,
       "Załącznik do Uchwały Nr XII/85/2024 / Rady Gminy Ostróda / z dnia 20 listopada 2024 r.")]),
    ("PD028", resolution(annexes=((header("Załącznik do Uchwały Nr XII/86/2024", "Rady Miejskiej w Ostródzie",
                                          "z dnia 21 listopada 2024 r."),),)),
     [("nie zawiera numeru uchwały „Nr XII/85/2024”, daty „z dnia 20 listopada 2024 r.”, rady w dopełniaczu "
       "„Rady Gminy Ostróda” (docs/domain.md § 6)", None, None)]),
    ("PD028", resolution(annexes=((header(*HEADER),), (header(*HEADER),))),
     [("nie zawiera numeru załącznika „Załącznik nr 1”", None,
       "Załącznik nr 1 do Uchwały Nr XII/85/2024 / Rady Gminy Ostróda / z dnia 20 listopada 2024 r."),
      ("nie zawiera numeru załącznika „Załącznik nr 2”", None, None)]),
]


@pytest.mark.parametrize(("rule_id", "document", "expected"), CASES,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(CASES)])
def test_rule_on_hand_built_ir(rule_id: str, document: Document,
                               expected: list[tuple[str, str | None, str | None]]) -> None:
    found = reports(rule_id, document)
    assert len(found) == len(expected), [r.message for r in found]
    for report, (fragment, unit_address, fix) in zip(found, expected, strict=True):
        assert fragment in report.message
        assert report.unit == unit_address
        if fix is not None:
            assert report.fix == fix
        assert report.where in (None, ("program",))  # hand-built units come from no data; the annex from the program


# Whose annex a phrase names: this resolution's (True) or another act's (False). "do uchwały" without a number is the
# resolution's own (Uchwała Nr XIII/41/2016 Rady Gminy Rogowo, Uchwała Nr 107/XII/11 Rady Gminy Wysokie Mazowieckie).
ANNEX_PHRASES = [
    ("Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.", True),
    ("Uchwala się Statut Sołectwa Miodusy-Litwa stanowiący załącznik do uchwały.", True),
    ("Uchwala się program na lata 2016–2020, który stanowi załącznik do uchwały .", True),
    ("Przyjmuje się program, stanowiący Załącznik do Uchwały.", True),
    ("Przyjmuje się program, stanowiący załącznik do uchwały", True),
    ("Regulamin, stanowiący załącznik do uchwały, obowiązuje od dnia jej wejścia w życie.", True),
    ("Przyjmuje się program zgodnie z załącznikiem do niniejszej uchwały.", True),
    ("Przyjmuje się program, stanowiący załącznik nr 1 do uchwały.", True),
    ("Przyjmuje się program. Zmienia się załącznik do uchwały Nr X/1/2010.", False),
    ("Przyjmuje się program. Zmienia się załącznik do uchwały nr X/1/2010 Rady Gminy Ostróda.", False),
    ("Przyjmuje się program. Zmienia się załącznik do uchwały z dnia 5 marca 2010 r.", False),
    ("Przyjmuje się program. Zmienia się załącznik do uchwały Rady Gminy Ostróda Nr X/1/2010.", False),
    ("Przyjmuje się program. Zmienia się załącznik do uchwały budżetowej.", False),
    ("Przyjmuje się program. Zmienia się załącznik do uchwały w sprawie budżetu gminy na 2010 r.", False),
    ("Przyjmuje się program określony w załączniku do zarządzenia Wójta Gminy Ostróda.", False),
    ("Przyjmuje się wzór określony w załączniku nr 3 do rozporządzenia.", False),
    ("Przyjmuje się wykaz, stanowiący załącznik do ustawy.", False),
]


@pytest.mark.parametrize(("text", "own"), ANNEX_PHRASES)
def test_pd027_tells_this_resolutions_annex_from_another_acts(text: str, own: bool) -> None:
    """With one annex: a phrase naming this resolution's annex satisfies PD027; another act's annex does not."""
    found = reports("PD027", resolution(par("1", text)))
    assert [report.message.split(" — ")[0] for report in found] == (
        [] if own else ["załącznik nie jest powołany w żadnym paragrafie uchwały"])


@pytest.mark.parametrize(("text", "own"), ANNEX_PHRASES)
def test_pd033_judges_only_this_resolutions_annex(text: str, own: bool) -> None:
    """With two annexes, a reference without a number to this resolution's annex does not say which (PD033);
    another act's annex is not PD033's concern."""
    two = ((header("Załącznik nr 1 do Uchwały Nr XII/85/2024", *HEADER[1:]),),
           (header("Załącznik nr 2 do Uchwały Nr XII/85/2024", *HEADER[1:]),))
    found = reports("PD033", resolution(par("1", text), annexes=two))
    numbered = "nr 1" in text or "nr 3" in text
    assert len(found) == (1 if own and not numbered and " do " in text else 0), [r.message for r in found]


def test_every_document_rule_is_registered_with_a_polish_title() -> None:
    assert [RULES[rule_id].severity for rule_id in DOCUMENT_RULES] == [
        "error", "error", "warning", "warning", "error", "error", "error", "error", "error"]
    assert RULES["PD022"].title == "interpunkcja punktów"
    assert all(RULES[rule_id].title and RULES[rule_id].check.__doc__ for rule_id in ["PD000", *DOCUMENT_RULES])


@pytest.mark.parametrize("rule_id", DOCUMENT_RULES)
def test_no_document_no_findings(rule_id: str) -> None:
    """When the document cannot be built (PD000 reports it), or holds only an annex, the rules stay silent."""
    assert list(RULES[rule_id].check(BASE_CONTEXT)) == []
    odd = Document(Meta(""), [Part("resolution", [Div("legal-basis", []), Unit("paragraf", []), Unit("tiret", [])])])
    list(RULES[rule_id].check(dataclasses.replace(BASE_CONTEXT, document=odd)))  # never raises on odd IR


# --- citation addresses -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("address", "citation"), [
    ("par_2", "§ 2"),
    ("par_2__ust_1__pkt_3", "§ 2 ust. 1 pkt 3"),
    ("par_1__pkt_2__lit_zb", "§ 1 pkt 2 lit. zb"),
    ("par_1__pkt_2__lit_b__tir_2", "§ 1 pkt 2 lit. b tiret drugie"),
    ("pkt_4", "pkt 4"),
])
def test_citation_from_address(address: str, citation: str) -> None:
    assert citation_from_address(address) == citation


def test_unit_citation_and_tiret_ordinals() -> None:
    assert unit_citation([("paragraf", "3"), ("ustep", "2"), ("tiret", "1")]) == "§ 3 ust. 2 tiret pierwsze"
    assert [tiret_ordinal(n) for n in (1, 5, 10, 12, 20, 22, 99, 100)] == [
        "pierwsze", "piąte", "dziesiąte", "dwunaste", "dwudzieste", "dwudzieste drugie",
        "dziewięćdziesiąte dziewiąte", "100"]


def test_tirets_are_cited_by_position() -> None:
    document = resolution(par("1", "A:", unit("punkt", "1", "b:", unit("tiret", "", "x,"), unit("tiret", "", "y;"))),
                          closing=False)
    context = dataclasses.replace(BASE_CONTEXT, document=document)
    part = resolution_part(context)
    assert part is not None
    assert [node.citation for node in iter_nodes(unit_tree(context, part))] == [
        "§ 1", "§ 1 pkt 1", "§ 1 pkt 1 tiret pierwsze", "§ 1 pkt 1 tiret drugie"]


# --- through the whole pipeline: data variants, user templates, seeds ---------------------------------------------

GENERIC: dict[str, Any] = {"resolution": {"kind": "generic", "subject": "w sprawie zasad"}, "program": DELETE}
KIND_VARIANTS: dict[str, dict[str, Any]] = {
    "pal": {}, "gpwr": {"resolution": {"kind": "gpwr", "legal_basis": DELETE}},
    "program-wspolpracy": {"resolution": {"kind": "program-wspolpracy", "legal_basis": DELETE}},
    "program": {"resolution": {"kind": "program"}},
    "repeal": {"resolution": {"kind": "repeal", "repeals": {"number": "XII/85/2019", "date": "2019-03-01",
                                                             "subject": "w sprawie programu"}}, "program": DELETE},
    "generic": {"resolution": {"kind": "generic", "subject": "w sprawie zasad", "provisions": ["Ustala się zasady."]},
                "program": DELETE},
    "apm": APM, "draft": {"resolution": {"number": DELETE, "date": DELETE}},
}


def document_findings(path: Path, templates: Path | None = None) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.rule, f.message, f.location.path, f.unit) for f in check_file(path, today=TODAY, templates=templates)
            if f.rule in DOCUMENT_RULES]


@pytest.mark.parametrize("variant", sorted(KIND_VARIANTS))
def test_generated_resolutions_are_clean(tmp_path: Path, variant: str) -> None:
    """What paldocs composes itself satisfies every document rule, for every kind, an APM and a draft."""
    assert document_findings(write_variant(tmp_path, KIND_VARIANTS[variant])) == []


@pytest.mark.parametrize("seed", ["ketrzyn-2014-pal.yaml", "inowroclaw-2009-pal.yaml"])
def test_seeds_have_no_document_findings(seed: str) -> None:
    """Kętrzyn: the generated resolution is right; Inowrocław: an annex alone, with the uppercase header."""
    assert document_findings(REPO / "resolutions" / seed) == []


def test_provision_punctuation_points_at_the_provision(tmp_path: Path) -> None:
    changes = {**GENERIC, "resolution": {**GENERIC["resolution"],
                                         "provisions": ["Program obejmuje\n\n1) cele.\n2) budżet;", "Inne."]}}
    found = run_rule(tmp_path, "PD022", changes)
    assert [(f.unit, f.fix, f.location.path) for f in found] == [
        ("§ 1", "Program obejmuje:", "resolution.provisions[0]"),
        ("§ 1 pkt 1", "cele;", "resolution.provisions[0]"),
        ("§ 1 pkt 2", "budżet.", "resolution.provisions[0]")]
    assert all(f.location.line is not None and f.severity == "warning" for f in found)


def test_a_second_executor_clause_in_the_provisions(tmp_path: Path) -> None:
    changes = {**GENERIC, "resolution": {**GENERIC["resolution"], "provisions": [
        "Wykonanie uchwały powierza się Przewodniczącemu Rady Gminy Ostróda."]}}
    found = run_rule(tmp_path, "PD024", changes)
    assert [(f.message, f.unit, f.location.path) for f in found] == [
        ("klauzula wykonawcza powtórzona (§ 1 i § 2) — uchwała ma jedną klauzulę wykonawczą", "§ 1",
         "resolution.provisions[0]")]


@pytest.mark.parametrize(("order", "expected"), [
    # the data leave the clause out on purpose (Bobrowniki XI/60/2004, Ząbkowice Śląskie XIV/56/2011): a note
    (["repeal", "entry-into-force"], [("info", "resolution.closing.order", None)]),
    (["entry-into-force"], [("info", "resolution.closing.order", None)]),
    # the data name the clause: it is printed, nothing to report
    (["executor", "entry-into-force"], []),
])
def test_executor_clause_left_out_by_the_data(tmp_path: Path, order: list[str],
                                              expected: list[tuple[str, str, str | None]]) -> None:
    closing: dict[str, Any] = {"order": order}
    if "repeal" in order:
        closing["repeals"] = [{"number": "I/4/02", "date": "2002-11-19", "subject": "w sprawie diet"}]
    found = run_rule(tmp_path, "PD024", {**GENERIC, "resolution": {**GENERIC["resolution"], "closing": closing,
                                                                   "provisions": ["Ustala się zasady."]}})
    assert [(f.severity, f.location.path, f.fix) for f in found] == expected
    if found:
        assert found[0].message.startswith("uchwała nie ma klauzuli wykonawczej, bo dane ją pomijają "
                                           "(resolution.closing.order bez „executor”)")
        assert found[0].location.line is not None


def test_executor_clause_missing_otherwise_stays_an_error(tmp_path: Path) -> None:
    """A template without the clause (the data did not choose it) still gets the error with the fix."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "closing-provisions.md.j2").write_text("§ {{ closing.entry_text }}\n", encoding="utf-8")
    path = write_variant(tmp_path, {**GENERIC, "resolution": {**GENERIC["resolution"],
                                                              "provisions": ["Ustala się zasady."]}})
    found = [f for f in check_file(path, today=TODAY, templates=templates) if f.rule == "PD024"]
    assert [(f.severity, f.fix) for f in found] == [
        ("error", "Wykonanie uchwały powierza się Wójtowi Gminy Ostróda.")]
    assert found[0].message.startswith("brak klauzuli wykonawczej")


@pytest.mark.parametrize(("municipality", "severity", "fragment", "fix"), [
    ({"kind": "gmina miejska"}, "error", "w gminie miejskiej organem wykonawczym jest burmistrz albo prezydent miasta",
     "Wykonanie uchwały powierza się Burmistrzowi Gminy Ostróda."),
    ({"kind": "gmina miejsko-wiejska"}, "warning", "wójt tylko wtedy, gdy siedziba władz gminy nie jest w mieście",
     "Wykonanie uchwały powierza się Burmistrzowi Gminy Ostróda."),
    ({"kind": "gmina miejska", "population": 150_000,
      "executive": {"nominative": "Burmistrz Miasta Ostróda", "dative": "Burmistrzowi Miasta Ostróda"}},
     "error", "w gminie miejskiej organem wykonawczym jest prezydent miasta",
     "Wykonanie uchwały powierza się Prezydentowi Miasta Ostróda."),
])
def test_executive_title_against_the_kind_of_gmina(tmp_path: Path, municipality: dict[str, Any], severity: str,
                                                   fragment: str, fix: str) -> None:
    """The clause prints the profile's dative: a title wrong for the gmina is fixed in the profile."""
    [finding] = run_rule(tmp_path, "PD024", {"municipality": municipality})
    assert (finding.severity, finding.unit, finding.fix) == (severity, "§ 2", fix)
    assert fragment in finding.message
    assert finding.location.path == "municipality.executive.dative" and finding.location.line is not None


@pytest.mark.parametrize("municipality", [{"kind": "gmina miejska", "president_before_1990": True,
                                           "executive": {"nominative": "Prezydent Miasta Ostróda",
                                                         "dative": "Prezydentowi Miasta Ostróda"}},
                                          {"kind": "gmina miejsko-wiejska",
                                           "executive": {"nominative": "Burmistrz Ostródy",
                                                         "dative": "Burmistrzowi Ostródy"}}])
def test_executive_title_right_for_the_kind(tmp_path: Path, municipality: dict[str, Any]) -> None:
    assert run_rule(tmp_path, "PD024", {"municipality": municipality}) == []


def test_retroactive_entry_into_force_typed_as_a_provision(tmp_path: Path) -> None:
    path = write_variant(tmp_path, {**APM, "resolution": {**APM["resolution"], "provisions": [
        "Uchwała wchodzi w życie z mocą od 1 stycznia 2024 r."]}})
    [late] = run_rule_on(path, "PD025")
    assert (late.unit, late.location.path) == ("§ 2", "resolution.provisions[0]")
    assert "przepis o wejściu w życie (§ 2) nie jest ostatnim paragrafem — po nim jest § 4 (uchwała ma 2 takie " \
           "przepisy)" in late.message
    [retro] = run_rule_on(path, "PD026")
    assert (retro.unit, retro.location.path, retro.fix) == ("§ 2", "resolution.provisions[0]", APM_FORMULA)
    assert "akt prawa miejscowego nie może działać wstecz" in retro.message


def user_templates(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "szablony"
    folder.mkdir(exist_ok=True)
    text = (REPO / "templates" / name).read_text(encoding="utf-8")
    assert old in text
    (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    return folder


# The template prints the entry into force that paldocs.closing built from paldocs/legal/clauses.yaml; a user template
# replaces the whole expression.
APM_CLAUSE = "{{ closing.entry_text }}"


@pytest.mark.parametrize(("clause", "fragment"), [
    ("z dniem podjęcia.", "akt prawa miejscowego nie wchodzi w życie z dniem podjęcia, lecz po ogłoszeniu"),
    ("z dniem 1 listopada 2024 r.", "akt prawa miejscowego nie może działać wstecz"),
    ("z mocą od dnia 1 stycznia 2025 r.", "akt prawa miejscowego nie może działać wstecz"),
    ("z dniem 1 stycznia 2025 r.", "akt prawa miejscowego wchodzi w życie po upływie 14 dni od dnia ogłoszenia"),
    ("po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Mazowieckiego.",
     "akt ogłasza się w dzienniku urzędowym województwa warmińsko-mazurskie"),
])
def test_entry_into_force_of_an_act_of_local_law(tmp_path: Path, clause: str, fragment: str) -> None:
    templates = user_templates(tmp_path, "closing-provisions.md.j2", APM_CLAUSE, f"Uchwała wchodzi w życie {clause}")
    findings = [f for f in check_file(write_variant(tmp_path, APM), today=TODAY, templates=templates)
                if f.rule == "PD026"]
    assert [(f.unit, f.location.path, f.fix) for f in findings] == [("§ 3", None, APM_FORMULA)]
    assert fragment in findings[0].message


def test_template_without_enacting_formula(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, "resolution.md.j2", " uchwala się, co następuje:", "")
    assert document_findings(write_variant(tmp_path, {}), templates) == [
        ("PD020", "brak formuły wydania przed § 1 — podstawę prawną kończą słowa „uchwala się, co następuje:” "
                  "(§ 121 ZTP)", None, None)]


def test_template_with_a_wrong_annex_header(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, "annex-header.md.j2", "{% set header_organ = municipality.council.genitive %}",
                               "{% set header_organ = 'Rady Gminy' %}")
    [(rule_id, message, path, unit_address)] = document_findings(write_variant(tmp_path, {}), templates)
    assert (rule_id, path, unit_address) == ("PD028", None, None)
    assert "nie zawiera rady w dopełniaczu „Rady Gminy Ostróda”" in message


def test_annexes_in_the_data(tmp_path: Path) -> None:
    [missing] = run_rule(tmp_path, "PD027", {"resolution": {"provisions": [
        "Harmonogram stanowi załącznik nr 2 do niniejszej uchwały."]}})
    assert (missing.unit, missing.location.path) == ("§ 2", "resolution.provisions[0]")
    assert missing.message == "§ 2 powołuje załącznik nr 2 do niniejszej uchwały, a uchwała ma załączników: 1"
    generic_with_program = {"resolution": {"kind": "generic", "subject": "w sprawie zasad", "provisions": ["Ustala."]}}
    [unreferenced] = run_rule(tmp_path, "PD027", generic_with_program)
    assert (unreferenced.location.path, unreferenced.fix) == ("program", "stanowiący załącznik do niniejszej uchwały")
    assert unreferenced.location.line is not None
