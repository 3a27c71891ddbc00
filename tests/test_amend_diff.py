"""The change list between two versions of a resolution (paldocs.amendments.diff, paldocs.amendments.added_numbers).

Sources (docs/amendments.md, section "paldocs amend"): Dział II ZTP, Dz. U. z 2016 r. poz. 283, read on
arslege.pl („Dział II. Zmiana (nowelizacja) ustawy”): § 82 (a change repeals, replaces or adds provisions),
§ 84 (numerous changes or changes breaking the construction of the act → a new act), § 85 ust. 2–4 (the
formulas „uchyla się”, „po … dodaje się … w brzmieniu”, „… otrzymuje brzmienie”); § 89 ust. 1–3 (added units
keep the old numbering and take letters: 23, 23a, 23b … 23z, 23za) as mrog.org summarises it; adding after the
last punkt takes the next number („dodaje się pkt 7”, Dz. U. z 2026 r. poz. 100, § 1 pkt 1, prawo.pl).

The trees here are small stand-ins with the shape of paldocs.amendments.tree.TreeNode; the wording function prints
a unit with its sub-units the way data Markdown does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from paldocs.amendments.added_numbers import added_number, next_letters, order_key
from paldocs.amendments.address import UnitAddress
from paldocs.amendments.diff import AmendmentPlan, diff_trees
from paldocs.errors import DataError
from paldocs.model.program import Program

LABELS = {"paragraf": "§ {}.", "ustep": "{}.", "punkt": "{})", "litera": "{})", "tiret": "–", "rozdzial": "## {}",
          "podrozdzial": "### {}", "wiersz": "| {} |"}


@dataclass(frozen=True)
class Node:
    address: UnitAddress
    kind: str
    num: str
    text: str
    children: tuple[Node, ...] = ()
    closing: str = ""
    repealed: bool = False
    field: str = ""


def wording(node: Node) -> str:
    lines = [node.text] if node.text else []
    for child in node.children:
        label = LABELS.get(child.kind, "{}").format(child.num)
        body = "(uchylony)" if child.repealed else wording(child).replace("\n", "\n   ")
        lines.append(f"{label} {body}")
    if node.closing:
        lines.append(node.closing)
    return "\n".join(lines)


def unit(kind: str, num: str, text: str = "", *children: object, parent: UnitAddress | None = None,
         repealed: bool = False) -> object:
    """A builder: called with the parent's address it makes the node (children built the same way)."""
    def build(parent_address: UnitAddress | None) -> Node:
        steps = (*(parent_address.steps if parent_address else ()), (kind, num))
        address = UnitAddress(steps)  # type: ignore[arg-type]
        return Node(address, kind, num, text, tuple(c(address) for c in children), repealed=repealed)  # type: ignore[operator]
    return build


def act(*units: object) -> Node:
    root_address = UnitAddress((("paragraf", "0"),))  # the root's own address is never printed
    nodes = tuple(u(None) for u in units)  # type: ignore[operator]
    return Node(root_address, "uchwala", "", "", nodes)


def paragrafy(*texts: str) -> list[object]:
    return [unit("paragraf", str(number), text) for number, text in enumerate(texts, start=1)]


BASE = ["Przyjmuje się Program Aktywności Lokalnej, stanowiący załącznik do uchwały.",
        "Program finansuje się ze środków budżetu Gminy w latach 2014–2020.",
        "Koordynatorem Programu jest Miejski Ośrodek Pomocy Społecznej w Kętrzynie.",
        "Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn.",
        "Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym."]


def plan_of(old: Node, new: Node, **options: object) -> AmendmentPlan:
    return diff_trees(old, new, wording, **options)  # type: ignore[arg-type]


def summary(plan: AmendmentPlan) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for change in plan.changes:
        if change.op == "words":
            out.append((change.op, change.unit, change.old_words or "", change.new_words or ""))
        elif change.op == "insert":
            out.append((change.op, change.unit, change.after or ""))
        else:
            out.append((change.op, change.unit))
    return out


def test_same_act_has_no_changes() -> None:
    assert plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*BASE))) == AmendmentPlan([], None, None)


def test_a_changed_year_is_a_word_change() -> None:
    new = [*BASE]
    new[1] = new[1].replace("2014–2020", "2014–2025")
    assert summary(plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))) == [("words", "§ 2", "2020", "2025")]


def test_a_rewritten_paragraf_gets_a_new_wording() -> None:
    new = [*BASE]
    new[2] = "Program realizują wspólnie organizacje pozarządowe działające na terenie miasta."
    plan = plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))
    assert summary(plan) == [("wording", "§ 3")]
    assert plan.changes[0].text == new[2]


def test_inserted_paragraf_is_one_addition_not_a_renumbering() -> None:
    # NEW numbers its paragrafy 1–6: the old § 3–5 are now § 4–6, yet only § 2a is added (§ 89 ZTP)
    new = [*BASE[:2], "Program jest monitorowany co roku.", *BASE[2:]]
    plan = plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))
    assert summary(plan) == [("insert", "§ 2a", "§ 2")]
    assert plan.changes[0].text == "Program jest monitorowany co roku."
    assert plan.propose_new_act is None


def test_two_added_paragrafy_follow_each_other() -> None:
    new = [*BASE[:2], "Pierwszy nowy przepis o sprawozdaniach.", "Drugi nowy przepis o ewaluacji.", *BASE[2:]]
    assert summary(plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))) == [
        ("insert", "§ 2a", "§ 2"), ("insert", "§ 2b", "§ 2a")]


def test_removed_paragraf_is_repealed_and_the_rest_keep_their_numbers() -> None:
    new = [BASE[0], BASE[1], BASE[3], BASE[4]]
    assert summary(plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))) == [("repeal", "§ 3")]


def _with_points(*points: str) -> Node:
    items = [unit("punkt", str(n), text) for n, text in enumerate(points, start=1)]
    return act(unit("paragraf", "1", BASE[0]),
               unit("paragraf", "2", "", unit("ustep", "1", "Program obejmuje:", *items),
                    unit("ustep", "2", "Program realizuje MOPS.")),
               unit("paragraf", "3", BASE[4]))


POINTS = ["szkolenia dla rodziców;", "zajęcia pozalekcyjne dla dzieci;", "wyjazdy integracyjne dla seniorów."]


def test_point_added_at_the_end_takes_the_next_number() -> None:
    # „… dodaje się pkt 7” after the last punkt (Dz. U. z 2026 r. poz. 100, § 1 pkt 1)
    new = [*POINTS[:2], "wyjazdy integracyjne dla seniorów;", "poradnictwo prawne."]
    plan = plan_of(_with_points(*POINTS), _with_points(*new))
    assert ("insert", "§ 2 ust. 1 pkt 4", "§ 2 ust. 1 pkt 3") in summary(plan)


def test_point_inserted_in_the_middle_takes_a_letter() -> None:
    new = [POINTS[0], "poradnictwo prawne dla rodzin;", *POINTS[1:]]
    assert summary(plan_of(_with_points(*POINTS), _with_points(*new))) == [
        ("insert", "§ 2 ust. 1 pkt 1a", "§ 2 ust. 1 pkt 1")]


def test_a_changed_point_is_addressed_deep() -> None:
    new = [POINTS[0], "zajęcia pozalekcyjne dla dzieci i młodzieży;", POINTS[2]]
    assert summary(plan_of(_with_points(*POINTS), _with_points(*new))) == [
        ("words", "§ 2 ust. 1 pkt 2", "dzieci", "dzieci i młodzieży")]


def _litery(*texts: str, tirets: tuple[str, ...] = ()) -> Node:
    letters = [unit("litera", "abcdefghij"[n], text, *[unit("tiret", str(k), t) for k, t in
                                                         enumerate(tirets, start=1)] if n == 0 else ())
               for n, text in enumerate(texts)]
    return act(unit("paragraf", "1", "Program obejmuje:", unit("punkt", "1", "działania:", *letters)),
               unit("paragraf", "2", BASE[4]))


def test_litera_between_b_and_c_is_ba() -> None:
    old = ["edukacyjne,", "sportowe,", "kulturalne."]
    new = ["edukacyjne,", "sportowe,", "profilaktyczne,", "kulturalne."]
    assert summary(plan_of(_litery(*old), _litery(*new))) == [("insert", "§ 1 pkt 1 lit. ba", "§ 1 pkt 1 lit. b")]


def test_an_added_tiret_rewrites_its_litera() -> None:
    # tirets are cited by position: adding one would move the others, so the litera gets a new wording
    old = _litery("edukacyjne:", "sportowe.", tirets=("w szkołach,", "w świetlicach"))
    new = _litery("edukacyjne:", "sportowe.", tirets=("w szkołach,", "w bibliotekach,", "w świetlicach"))
    assert summary(plan_of(old, new)) == [("wording", "§ 1 pkt 1 lit. a")]


def test_a_paragraf_added_before_the_first_is_refused() -> None:
    with pytest.raises(DataError, match="przed pierwszym paragrafem"):
        plan_of(act(*paragrafy(*BASE)), act(*paragrafy("Nowy przepis na samym początku uchwały.", *BASE)))


def test_numerous_changes_propose_a_new_act() -> None:
    new = ["Całkiem inny pierwszy przepis o czymś nowym.", "Drugi przepis też jest nowy i inny niż dawniej.",
           "Trzeci przepis zastępuje dawny trzeci.", BASE[3], BASE[4]]
    plan = plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))
    assert plan.propose_new_act is not None and "§ 84 ZTP" in plan.propose_new_act
    assert "liczne" in plan.propose_new_act


def test_a_moved_paragraf_proposes_a_new_act() -> None:
    # § 3 moved behind § 4: the order of the act changes — its construction (§ 84 ZTP)
    new = [BASE[0], BASE[1], BASE[3], BASE[2], BASE[4]]
    plan = plan_of(act(*paragrafy(*BASE)), act(*paragrafy(*new)))
    assert plan.propose_new_act is not None and "zmieniają miejsce" in plan.propose_new_act


CHAPTER_II = ["Zwiększenie aktywności społecznej mieszkańców.", "Integracja osób starszych.",
              "Wsparcie rodzin w wychowywaniu dzieci."]


def _annex(points: list[str], intro: str = "Cele szczegółowe Programu") -> Node:
    items = [unit("punkt", str(n), text) for n, text in enumerate(points, start=1)]
    return act(*paragrafy(*BASE), unit("zalacznik", "", "Program Aktywności Lokalnej",
                                       unit("rozdzial", "I", "Wstęp do programu aktywności lokalnej."),
                                       unit("rozdzial", "II", intro, *items)))


PROGRAM = Program.model_validate({"title": "Program", "period": {"from": 2014, "to": 2020},
                                  "sections": [{"heading": "Wstęp"}]})


def test_a_small_annex_change_is_precise() -> None:
    new = [*CHAPTER_II[:2], "Wsparcie rodzin w wychowywaniu dzieci i młodzieży."]
    plan = plan_of(_annex(CHAPTER_II), _annex(new), new_program=PROGRAM)
    assert summary(plan) == [("words", "załącznik rozdział II pkt 3", "dzieci", "dzieci i młodzieży")]
    assert plan.new_annex is None


def test_a_large_annex_change_replaces_the_annex() -> None:
    new = ["Nowy cel pierwszy, inny niż wszystkie dawne cele.", "Nowy cel drugi o zupełnie innej treści.",
           "Nowy cel trzeci, także nowy."]
    plan = plan_of(_annex(CHAPTER_II), _annex(new, "Cele Programu na nowy okres"), new_program=PROGRAM)
    assert summary(plan) == [("annex", "załącznik")]
    assert plan.new_annex is PROGRAM


@pytest.mark.parametrize(("form", "expected"), [("whole", [("annex", "załącznik")]),
                                                ("precise", [("words", "załącznik rozdział II pkt 2",
                                                              "starszych", "starszych i niepełnosprawnych")])])
def test_annex_form_overrides_the_rule(form: str, expected: list[tuple[str, ...]]) -> None:
    new = [CHAPTER_II[0], "Integracja osób starszych i niepełnosprawnych.", CHAPTER_II[2]]
    plan = plan_of(_annex(CHAPTER_II), _annex(new), new_program=PROGRAM, annex_form=form)
    assert summary(plan) == expected


@pytest.mark.parametrize(("kind", "after", "before", "taken", "expected"), [
    ("paragraf", "4", "5", {"4", "5"}, "4a"),          # § 89 ust. 1: the number it follows and a letter
    ("paragraf", "4a", "5", {"4", "4a", "5"}, "4b"),   # alphabetical continuity
    ("paragraf", "4a", "4b", {"4a", "4b"}, "4aa"),     # between two lettered units (art. 8ca, Dz. U. 2017 poz. 976)
    ("paragraf", "4", "4a", {"4", "4a"}, None),        # nothing fits without moving „4a”
    ("punkt", "6", None, {"6"}, "7"),                  # after the last: the next number (Dz. U. 2026 poz. 100)
    ("litera", "b", "c", {"b", "c"}, "ba"),
    ("litera", "z", None, {"z"}, "za"),                # § 57 ust. 5: za after z
    ("punkt", "23z", "24", {"23z", "24"}, "23za"),     # § 89 ust. 3
    ("rozdzial", "II", "III", {"II", "III"}, "IIa"),
    ("rozdzial", "III", None, {"III"}, "IV"),
    ("tiret", "2", "3", set(), None),                  # cited by position: no number to give
])
def test_added_numbers(kind: str, after: str, before: str | None, taken: set[str], expected: str | None) -> None:
    assert added_number(kind, after, before, taken) == expected


def test_letters_and_order() -> None:
    assert [next_letters(s) for s in ("", "a", "y", "z", "zz")] == ["a", "b", "z", "za", "zza"]
    assert sorted(["5", "4b", "4", "4aa", "4a"], key=order_key) == ["4", "4a", "4aa", "4b", "5"]


# --- on real data: the unit tree of paldocs.amendments.tree, applied back with paldocs.amendments.apply ----------------

PROVISIONS = ["Program realizuje Gminny Ośrodek Pomocy Społecznej w Ostródzie.",
              "1. Program finansuje się z budżetu Gminy.\n2. Wysokość środków określa corocznie uchwała budżetowa "
              "na lata 2021–2027."]


def _round_trip(old_provisions: list[object], new_provisions: list[object]) -> list[tuple[str, ...]]:
    import datetime as dt

    from amend_strategies import make_data

    from paldocs.amendments.apply import apply_amendment
    from paldocs.amendments.diff import diff_acts
    from paldocs.amendments.tree import act_tree
    from paldocs.amendments.tree import wording as tree_wording
    from paldocs.model.amendment import AmendedResolution, Amendment

    old, new = make_data(provisions=old_provisions), make_data(provisions=new_provisions)
    plan = diff_acts(old, new)
    amended = AmendedResolution(number="XX/150/2021", date=dt.date(2021, 3, 30), subject="w sprawie przyjęcia …")
    applied = apply_amendment(old, Amendment(resolution=amended, changes=plan.changes), new_annex=plan.new_annex)
    assert tree_wording(act_tree(applied)) == tree_wording(act_tree(new))
    return summary(plan)


def test_real_provision_added_between_two() -> None:
    # § 1 is the kind's adoption clause: the provisions are § 2 and § 3; the new one between them is § 2a
    new = [PROVISIONS[0], "Koordynatora Programu wyznacza Wójt Gminy.", PROVISIONS[1]]
    assert _round_trip(PROVISIONS, new) == [("insert", "§ 2a", "§ 2")]


def test_real_word_change_in_an_ustep() -> None:
    new = [PROVISIONS[0], PROVISIONS[1].replace("2021–2027", "2021–2030")]
    assert _round_trip(PROVISIONS, new) == [("words", "§ 3 ust. 2", "2027", "2030")]


def test_real_unit_after_an_added_one_takes_the_next_letter() -> None:
    # OLD was amended before: § 2a exists (a kept number); a unit added after it is § 2b (§ 89 ZTP)
    old = [PROVISIONS[0], {"num": "2a", "text": "Koordynatora Programu wyznacza Wójt Gminy."}, PROVISIONS[1]]
    new = [*old[:2], "Sprawozdanie z realizacji Programu składa się do 31 marca.", PROVISIONS[1]]
    assert _round_trip(old, new) == [("insert", "§ 2b", "§ 2a")]


def test_real_table_row_is_changed_once() -> None:
    # a table row is a unit of its own („w tabeli w wierszu 2”) inside its section's text: one change, not two
    import copy
    import datetime as dt

    from amend_strategies import make_data, program_dict

    from paldocs.amendments.apply import apply_amendment
    from paldocs.amendments.diff import diff_acts
    from paldocs.amendments.tree import act_tree
    from paldocs.amendments.tree import wording as tree_wording
    from paldocs.model.amendment import AmendedResolution, Amendment

    old_program = program_dict()
    new_program = copy.deepcopy(old_program)
    new_program["sections"][3]["content"] = new_program["sections"][3]["content"].replace("2000 zł", "2500 zł")
    old, new = make_data(old_program), make_data(new_program)
    plan = diff_acts(old, new)
    assert summary(plan) == [("words", "załącznik rozdział III tabela wiersz 2", "2000", "2500")]
    amended = AmendedResolution(number="XX/150/2021", date=dt.date(2021, 3, 30), subject="w sprawie przyjęcia …")
    applied = apply_amendment(old, Amendment(resolution=amended, changes=plan.changes))
    assert tree_wording(act_tree(applied)) == tree_wording(act_tree(new))
