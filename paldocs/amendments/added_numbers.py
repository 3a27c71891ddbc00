"""Numbers of units added by an amendment: the number of the unit they follow with a letter.

Contract: :func:`added_number` gives the number of a unit of ``kind`` added after the unit numbered
``after`` and before the unit numbered ``before`` (None: it is the last of its kind), not among ``taken``,
or None when no such number exists without moving others (a unit before "4a" right after "4").

§ 89 ZTP (Dz. U. z 2016 r. poz. 283; as mrog.org, „Nie ma tego zua, co by na dobre ustawie wyszło?”,
summarises ust. 1–3): existing numbers are kept and an added unit takes the number of the unit it follows with
the next small Latin letter (not the Polish-only ą, ć, ę, ł, ń, ó, ś, ź, ż), in alphabetical continuity (23,
23a, 23b …); when letters run out, two and more letters (23z, 23za … 23zz, 23zza). Between "4a" and "4b" a
letter is added to "4a" ("4aa"), as amending acts do („po art. 8c dodaje się art. 8ca”, Dz. U. z 2017 r.
poz. 976, art. 1 pkt 3). After the last unit of its kind an added unit takes the next number („w § 1 w ust. 2
w pkt 6 kropkę zastępuje się średnikiem i dodaje się pkt 7”, Dz. U. z 2026 r. poz. 100, § 1 pkt 1); litery
continue the alphabet the same way (after "z": "za", § 57 ust. 5 ZTP). Units numbered by
their position only (tirets, table rows, subchapters) have no number to give (:data:`POSITIONAL_KINDS`).
"""

from __future__ import annotations

import re

from paldocs.polish.numerals import from_roman, to_roman

POSITIONAL_KINDS = frozenset({"tiret", "wiersz", "podrozdzial"})

_ARABIC = re.compile(r"^(\d+)([a-z]*)$")
_ROMAN = re.compile(r"^([IVXLCDM]+)([a-z]*)$")
_LETTERS = re.compile(r"^[a-z]+$")
# § 89 ZTP: the Latin alphabet without the letters only Polish has (those are not in a–z anyway)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def order_key(num: str) -> tuple[int, str]:
    """The legal order of numbers of one kind: 4 < 4a < 4aa < 4b < 5; a < b < ba < c; II < IIa < III."""
    if match := _ARABIC.match(num):
        return int(match.group(1)), match.group(2)
    if match := _ROMAN.match(num):
        return from_roman(match.group(1)), match.group(2)
    if _LETTERS.match(num):
        return 0, num
    return 0, num


def next_letters(letters: str) -> str:
    """The next suffix in alphabetical continuity: a → b, z → za, zz → zza (§ 89 ust. 3 ZTP)."""
    if not letters:
        return "a"
    last = letters[-1]
    if last == "z":
        return letters + "a"
    return letters[:-1] + _ALPHABET[_ALPHABET.index(last) + 1]


def _split(num: str) -> tuple[str, str]:
    """("4", "a") for "4a", ("II", "") for "II", ("", "ba") for a litera "ba"."""
    for pattern in (_ARABIC, _ROMAN):
        if match := pattern.match(num):
            return match.group(1), match.group(2)
    return "", num


def _next_base(base: str) -> str:
    if base.isdigit():
        return str(int(base) + 1)
    return to_roman(from_roman(base) + 1)


def added_number(kind: str, after: str, before: str | None, taken: set[str]) -> str | None:
    """The number of a unit added after ``after`` (and before ``before``); None when there is none."""
    if kind in POSITIONAL_KINDS:
        return None
    base, letters = _split(after)
    candidates: list[str] = []
    if before is None:  # the last of its kind: the next number, or the next letter for litery
        candidates.append(next_letters(letters) if kind == "litera" else _next_base(base))
    if letters and (kind != "litera" or before is not None):
        candidates.append(base + next_letters(letters))  # 4a → 4b
    if kind == "litera":
        candidates.append(letters + "a")  # b → ba
    else:
        candidates.append(base + letters + "a")  # 4 → 4a, 4a → 4aa
    low = order_key(after)
    for candidate in candidates:
        key = order_key(candidate)
        if candidate in taken or key <= low:
            continue
        if before is not None and key >= order_key(before):
            continue
        if any(low < order_key(other) < key for other in taken):
            continue  # never jump over an existing unit
        return candidate
    return None
