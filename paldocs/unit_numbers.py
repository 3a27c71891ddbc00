"""Explicit unit numbers that never move: "§ 4a", "pkt 2a", "lit. ba", "Rozdział 3a" (pure, no I/O).

Contract: a unit number is a *plain* number (what counting gives: "4", "b", "zb", "IV") optionally followed by a
*suffix* of small Latin letters — the letters a unit added later by an amending act takes after the unit it
follows ("4a" after "4", "4b" after "4a", "ba" after "b"), so that no existing unit is renumbered. The suffix rule
is the practice of Polish amending acts ("po art. 8c dodaje się art. 8ca", Dz. U. z 2017 r. poz. 976, art. 1
pkt 3) and of the EU Joint Practical Guide (pkt C.9.3.2: "1a", "1b", "1aa" between "1a" and "1b"); docs/amendments.md
names the sources and what of § 86 ZTP could not be read.

- :func:`split_number` → ``(plain part, suffix)`` or None when ``num`` is not a number of that counter;
- :func:`plain_position` → the position the plain part stands for ("4a" → 4, "ba" → 2, "IIa" → 2);
- :func:`follows` checks the one order rule paldocs enforces on numbers given in data: a plain number continues
  the count (the previous plain number + 1), a suffixed one stands after the unit whose plain number it carries.

Letters follow § 57 ust. 5 ZTP: "a" … "z", "za" … "zz", "zza" …; so "za" is the 27th letter (plain) while "ba"
is "b" with the suffix "a".
"""

from __future__ import annotations

import re
from typing import Literal

from paldocs.polish.numerals import from_letter, from_roman, is_roman, to_letter, to_roman

__all__ = ["NumberCounter", "follows", "plain_position", "split_number"]

NumberCounter = Literal["decimal", "letter", "roman"]

_SHAPES: dict[str, re.Pattern[str]] = {
    "decimal": re.compile(r"([1-9][0-9]{0,8})([a-z]{0,4})"),
    "letter": re.compile(r"(z{0,8}[a-z])([a-z]{0,4})"),
    "roman": re.compile(r"([IVXLCDM]{1,12})([a-z]{0,4})"),
}


def split_number(num: str, counter: NumberCounter) -> tuple[str, str] | None:
    """``("4", "a")`` for "4a"; ``("b", "a")`` for "ba"; ``("za", "")`` for "za"; None for a foreign shape."""
    match = _SHAPES[counter].fullmatch(num)
    if match is None or (counter == "roman" and not is_roman(match[1])):
        return None
    return match[1], match[2]


def plain_position(plain: str, counter: NumberCounter) -> int:
    """The position a plain number stands for: "4" → 4, "b" → 2, "za" → 27, "IV" → 4."""
    if counter == "decimal":
        return int(plain)
    if counter == "letter":
        return from_letter(plain)
    return from_roman(plain)


def follows(num: str, previous_plain: int, counter: NumberCounter) -> str | None:
    """None when ``num`` may stand after the sibling whose plain position is ``previous_plain`` (0 = first);
    else why not, in Polish (for a located error)."""
    parts = split_number(num, counter)
    if parts is None:
        shape = {"decimal": "liczba, np. „4” albo „4a”", "letter": "litera, np. „b” albo „ba”",
                 "roman": "liczba rzymska, np. „IV” albo „IVa”"}[counter]
        return f"„{num}” nie jest numerem jednostki (oczekiwano: {shape})"
    plain, suffix = parts
    position = plain_position(plain, counter)
    if suffix:
        if position != previous_plain:
            return (f"jednostka „{num}” może stać tylko bezpośrednio po jednostce „{plain}” albo po innej "
                    f"jednostce dodanej po niej (z literą) — dodana jednostka bierze numer poprzedniej z kolejną "
                    f"literą, a dalsze numery się nie zmieniają")
        return None
    if position != previous_plain + 1:
        return (f"numer „{num}” nie następuje po poprzednim — numery idą kolejno; jednostka dodana później "
                f"dostaje numer poprzedniej z literą (np. „{_example(previous_plain, counter)}”)")
    return None


def _example(previous_plain: int, counter: NumberCounter) -> str:
    if previous_plain < 1:
        return {"decimal": "1a", "letter": "aa", "roman": "Ia"}[counter]
    plain = {"decimal": str, "letter": to_letter, "roman": to_roman}[counter](previous_plain)
    return f"{plain}a"
