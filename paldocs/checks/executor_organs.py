"""Which organ an executor clause may name (check PD024): the gmina's executive organ in the dative, one organ, never
the head of a unit or an employee of the office.

Contract: pure functions over the organ's words (whitespace as a reader compares it, :func:`plain`): they say what is
wrong in Polish, or nothing; :func:`chosen_executor_reports` judges ``resolution.closing.executor`` and yields the
findings with their field path. The executive organ executes the council's resolutions (art. 30 ust. 1 u.s.g.).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, Report
from paldocs.checks.units import plain

# The executive organ's title in the dative, with its name in messages (art. 26 u.s.g.).
EXECUTIVE_TITLES = {"Wójtowi": "wójt", "Burmistrzowi": "burmistrz", "Prezydentowi": "prezydent miasta"}

# Heads of the gmina's organisational units and joint organs: the council entrusts its resolutions to the executive
# organ only (art. 30 ust. 1 u.s.g.); the executive then directs the units (art. 33 u.s.g.).
_UNIT_HEADS = re.compile(r"\b(?:Kierownik\w*|Dyrektor\w*|Prezes\w*|Skarbnik\w*|Sekretarz\w*|Naczelnik\w*)\b")
_TWO_ORGANS = re.compile(r"(?:\s(?:i|oraz)|,)\s+(?:\w+\s+)?"
                         r"(?:Kierownik|Dyrektor|Wójt|Burmistrz|Prezydent|Przewodnicząc)\w*",
                         re.IGNORECASE)
_NOMINATIVE_TITLES = ("Wójt ", "Burmistrz ", "Prezydent ", "Przewodniczący ", "Przewodnicząca ", "Kierownik ",
                      "Dyrektor ")


def unit_head_problem(organ: str) -> str | None:
    if _TWO_ORGANS.search(organ):
        return ("wykonanie uchwały powierza się jednemu organowi — organowi wykonawczemu gminy (art. 30 ust. 1 "
                "u.s.g.), nie kilku naraz")
    if _UNIT_HEADS.search(organ):
        return ("rada powierza wykonanie uchwały organowi wykonawczemu, nie kierownikowi jednostki ani pracownikowi "
                "urzędu (art. 30 ust. 1 u.s.g.; kierownikom jednostek polecenia wydaje wójt)")
    return None


def other_executive(organ: str, dative: str) -> bool:
    """``organ`` names an executive organ (Wójtowi, Burmistrzowi, Prezydentowi) that is not this gmina's: another
    title, or another place. A shorter form of the profile's own ("Wójtowi Gminy" for "Wójtowi Gminy Cewice", as
    Uchwała Nr X/73/03 Rady Gminy Cewice and Uchwała Nr X/48/03 Rady Gminy Poświętne print it) is this gmina's."""
    words, own = organ.split(), dative.split()
    return bool(words) and words[0] in EXECUTIVE_TITLES and words != own[:len(words)]


def chosen_executor_reports(context: CheckContext, chosen: str) -> Iterator[Report]:
    """resolution.closing.executor: a dative, one organ, not a unit's head; an executive title is this gmina's."""
    where = ("resolution", "closing", "executor")
    organ, dative = plain(chosen), plain(context.data.municipality.executive.dative)
    if organ.startswith(_NOMINATIVE_TITLES):
        yield Report(f"„{organ}”: organ w klauzuli wykonawczej pisze się w celowniku („Wykonanie uchwały powierza się "
                     f"{dative}”)", where, fix=dative)
        return
    if problem := unit_head_problem(organ):
        yield Report(f"resolution.closing.executor powierza wykonanie „{organ}” — {problem}", where, fix=dative)
        return
    if other_executive(organ, dative):
        yield Report(f"resolution.closing.executor powierza wykonanie „{organ}”, a organem wykonawczym tej gminy jest "
                     f"„{dative}” (profil gminy) — inny organ wykonawczy nie wykonuje uchwał tej rady", where,
                     fix=dative)
