"""The round trip: the change list ``diff_acts(OLD, NEW)`` finds, applied to OLD, gives NEW — for generated programs.

"Gives NEW" means the act prints NEW's units with NEW's wording, in NEW's order. Two things differ on purpose, as
amending acts require (numbers never move, § 86 ZTP practice; docs/amendments.md): an added unit keeps the
lettered number the amendment gave it ("pkt 2a" where NEW, renumbered from scratch, says "pkt 3"), and a repealed
unit stays in its place as "(uchylony)" where NEW simply lacks it. So units are compared by kind and wording,
without their numbers, and repealed units are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from amend_strategies import make_data, program_pairs, provision_pairs
from paldocs.amendments.apply import apply_amendment
from paldocs.amendments.diff import diff_acts
from paldocs.amendments.tree import TreeNode, act_tree
from paldocs.model.amendment import Amendment

AMENDED = {"number": "XX/150/2021", "date": dt.date(2021, 3, 30), "subject": "w sprawie przyjęcia programu"}


def printed(node: TreeNode) -> tuple[Any, ...]:
    """What a reader sees of a unit apart from its number: kind, marker style, wording, sub-units in order."""
    return (node.kind, re.sub(r"[0-9a-zIVXLCDM]+", "n", node.marker), node.text, node.closing,
            tuple(printed(child) for child in node.children if not child.repealed))


def round_trip(old_program: dict[str, Any], new_program: dict[str, Any], annex_form: str | None) -> None:
    old, new = make_data(old_program), make_data(new_program)
    plan = diff_acts(old, new, annex_form=annex_form)  # type: ignore[arg-type]
    if not plan.changes:
        assert printed(act_tree(old)) == printed(act_tree(new))
        return
    amendment = Amendment.model_validate({"resolution": AMENDED, "changes": plan.changes})
    consolidated = apply_amendment(old, amendment, new_annex=plan.new_annex)
    assert printed(act_tree(consolidated)) == printed(act_tree(new)), [str(change) for change in plan.changes]


@pytest.mark.slow
@settings(max_examples=500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(program_pairs())
def test_amend_then_consolidate_gives_new(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    round_trip(*pair, annex_form="precise")


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(program_pairs())
def test_amend_then_consolidate_gives_new_quick(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    round_trip(*pair, annex_form=None)


def test_a_whole_new_annex_round_trips() -> None:
    from amend_strategies import program_dict

    new = program_dict([{"heading": "Nowy program", "content": "Całkiem inna treść."}])
    round_trip(program_dict(), new, annex_form="whole")


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(provision_pairs())
def test_amended_paragrafy_round_trip(pair: tuple[list[str], list[str]]) -> None:
    """The same round trip over the resolution's own paragrafy (§ 88–§ 91 ZTP on ustępy and punkty)."""
    old, new = make_data(provisions=pair[0]), make_data(provisions=pair[1])
    plan = diff_acts(old, new)
    amendment = Amendment.model_validate({"resolution": AMENDED, "changes": plan.changes}) if plan.changes else None
    consolidated = apply_amendment(old, amendment) if amendment else old
    assert printed(act_tree(consolidated)) == printed(act_tree(new)), [str(change) for change in plan.changes]
