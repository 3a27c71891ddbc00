"""Applying a change list (Dział II ZTP) to the amended act's data: each operation, kept numbers, located errors."""

from __future__ import annotations

from typing import Any

import pytest

from amend_strategies import make_data
from paldocs.amendments.address import parse_address
from paldocs.amendments.apply import apply_amendment
from paldocs.amendments.tree import act_tree, find, wording
from paldocs.errors import DataError
from paldocs.model.amendment import Amendment

PROVISION = "1. Program realizuje Gminny Ośrodek.\n2. Zadania:\n   1) diagnoza;\n   2) wsparcie."
AMENDED = {"number": "XX/150/2021", "date": "2021-03-30", "subject": "w sprawie przyjęcia programu"}


def amended(*changes: dict[str, Any], base: Any = None) -> Any:
    amendment = Amendment.model_validate({"resolution": AMENDED, "changes": list(changes)})
    return act_tree(apply_amendment(base or make_data(provisions=[PROVISION]), amendment))


def text_of(tree: Any, address: str) -> str:
    node = find(tree, parse_address(address))
    assert node is not None, address
    return wording(node)


# § 88 ZTP ("otrzymuje brzmienie"), § 89 ("dodaje się … w brzmieniu"), § 90 ("uchyla się"), § 91 ("wyrazy … zastępuje
# się wyrazami …"): each operation on a unit of a paragraf and of the program annex.
@pytest.mark.parametrize(("change", "address", "expected"), [
    ({"op": "wording", "unit": "§ 2 ust. 2 pkt 1", "text": "diagnoza potrzeb;"}, "§ 2 ust. 2 pkt 1", "diagnoza potrzeb;"),
    ({"op": "wording", "unit": "§ 2", "text": "Program realizuje Ośrodek."}, "§ 2", "Program realizuje Ośrodek."),
    ({"op": "words", "unit": "§ 2 ust. 1", "old_words": "Gminny Ośrodek", "new_words": "Ośrodek"}, "§ 2 ust. 1",
     "Program realizuje Ośrodek."),
    ({"op": "words", "unit": "§ 2 ust. 1", "old_words": "Gminny ", "new_words": ""}, "§ 2 ust. 1",
     "Program realizuje Ośrodek."),
    ({"op": "insert", "unit": "§ 2 ust. 2 pkt 3", "after": "§ 2 ust. 2 pkt 2", "text": "ewaluacja."}, "§ 2 ust. 2 pkt 3",
     "ewaluacja."),
    ({"op": "repeal", "unit": "§ 2 ust. 2 pkt 1"}, "§ 2 ust. 2 pkt 1", "(uchylony)"),
    ({"op": "wording", "unit": "§ 1", "text": "Przyjmuje się program."}, "§ 1", "Przyjmuje się program."),
    ({"op": "wording", "unit": "załącznik rozdział II pkt 1", "text": "Nowa aktywizacja."}, "załącznik rozdział II pkt 1",
     "Nowa aktywizacja."),
    ({"op": "insert", "unit": "załącznik rozdział II pkt 1a", "after": "załącznik rozdział II pkt 1",
      "text": "Wspieranie rodzin."}, "załącznik rozdział II pkt 1a", "Wspieranie rodzin."),
    ({"op": "repeal", "unit": "załącznik rozdział II pkt 1"}, "załącznik rozdział II pkt 1", "(uchylony)"),
    ({"op": "repeal", "unit": "załącznik rozdział II pkt 2 lit. a"}, "załącznik rozdział II pkt 2 lit. a", "(uchylony)"),
    ({"op": "wording", "unit": "załącznik rozdział II pkt 2", "text": "Integracja:\na) rodzin,\nb) seniorów."},
     "załącznik rozdział II pkt 2", "Integracja:\na) rodzin,\nb) seniorów."),
    ({"op": "wording", "unit": "załącznik rozdział III tabela wiersz 2", "text": "| 2022 | 2500 zł |"},
     "załącznik rozdział III tabela wiersz 2", "| 2022 | 2500 zł |"),
    ({"op": "insert", "unit": "załącznik rozdział IIIa", "after": "załącznik rozdział III",
      "text": "## Monitoring\n\nCo roku."}, "załącznik rozdział IIIa", "## Monitoring\n\nCo roku."),
    ({"op": "repeal", "unit": "załącznik rozdział I"}, "załącznik rozdział I", "(uchylony)"),
    ({"op": "wording", "unit": "załącznik rozdział II podrozdział 1", "text": "### Zadania\n\n1. Warsztaty.\n2. Kursy."},
     "załącznik rozdział II podrozdział 1", "### Zadania\n\n1. Warsztaty.\n2. Kursy."),
])
def test_each_operation_changes_the_unit(change: dict[str, Any], address: str, expected: str) -> None:
    assert text_of(amended(change), address) == expected


def test_numbers_never_move() -> None:
    # § 86 ZTP practice (docs/amendments.md): an added unit takes a letter suffix, a repealed one keeps its place
    tree = amended({"op": "insert", "unit": "załącznik rozdział II pkt 1a", "after": "załącznik rozdział II pkt 1",
                    "text": "Wspieranie rodzin."},
                   {"op": "repeal", "unit": "załącznik rozdział II pkt 1"},
                   {"op": "wording", "unit": "załącznik rozdział II pkt 2", "text": "Integracja."})
    chapter = find(tree, parse_address("załącznik rozdział II"))
    assert [node.num for node in chapter.children if node.kind == "punkt"] == ["1", "1a", "2"]
    assert text_of(tree, "załącznik rozdział II pkt 2") == "Integracja."


def test_a_reworded_chapter_keeps_ids_and_roles() -> None:
    base = make_data(provisions=[PROVISION])
    amendment = Amendment.model_validate({"resolution": AMENDED, "changes": [
        {"op": "wording", "unit": "załącznik rozdział II", "text": "## Cele programu\n\n1. Pierwszy.\n2. Drugi."}]})
    data = apply_amendment(base, amendment)
    section = data.program.sections[1]
    assert section.heading == "Cele programu"
    assert [item.id for item in section.items] == ["cel-1", "cel-2"]


def test_a_new_annex_replaces_the_program() -> None:
    base = make_data()
    new = make_data().program.model_copy(update={"title": "Nowy program"})
    amendment = Amendment.model_validate({"resolution": AMENDED, "changes": [{"op": "annex", "unit": "załącznik"}]})
    assert apply_amendment(base, amendment, new_annex=new).program.title == "Nowy program"


@pytest.mark.parametrize(("change", "message"), [
    ({"op": "repeal", "unit": "§ 7"}, "zmiana 1: w uchwale Nr XX/150/2021 nie ma § 7"),
    ({"op": "wording", "unit": "załącznik rozdział IX pkt 1", "text": "x"}, "nie ma załącznik rozdział IX pkt 1"),
    ({"op": "words", "unit": "§ 2 ust. 1", "old_words": "Starosta", "new_words": "Wójt"},
     "w § 2 ust. 1 nie ma wyrazów „Starosta”"),
    ({"op": "insert", "unit": "§ 2 ust. 2 pkt 2", "after": "§ 2 ust. 2 pkt 1", "text": "x"}, "już jest"),
    ({"op": "insert", "unit": "§ 2 ust. 2 pkt 2a", "after": "§ 2 ust. 2 pkt 9", "text": "x"}, "nie ma § 2 ust. 2 pkt 9"),
    ({"op": "wording", "unit": "§ 3", "text": "Wykonanie powierza się Radzie."}, "przepisy końcowe"),
    ({"op": "annex", "unit": "załącznik"}, "wymaga programu"),
])
def test_a_change_that_cannot_apply_is_one_located_error(change: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError) as caught:
        amended(change)
    assert message in caught.value.message
    assert caught.value.location.path == "resolution.amends.changes[0]"


@pytest.mark.parametrize(("old_words", "expected"), [
    # § 91 ZTP "skreśla się wyrazy": the words go, the sentence keeps single spaces and its punctuation
    ("Gminny", "Program realizuje Ośrodek."),
    ("Gminny Ośrodek", "Program realizuje."),
])
def test_deleted_words_leave_no_double_space(old_words: str, expected: str) -> None:
    tree = amended({"op": "words", "unit": "§ 2 ust. 1", "old_words": old_words, "new_words": ""})
    assert text_of(tree, "§ 2 ust. 1") == expected
