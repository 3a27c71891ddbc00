"""Character damage inside a line: letter-spaced words, words run together, flattened superscripts, typos.

Contract: :func:`repair_words` (run before the structure is looked for) joins a letter-spaced word ("U C H W A Ł
A" → "UCHWAŁA"; only the words a document's structure is read from) and separates words run together only where
the boundary is certain: a known word of a title block glued to the next ("RADYGMINY", "WojewództwaWarmińsko",
"XXXVIII/454/2006Rady", "Błotaz dnia 30"), a day glued to its month ("30grudnia"). A year glued to "r."
("2014r.") stays: the checks report it (PD016) and the date reader accepts it. :func:`repair_references` (run
last) writes a superscript flattened in a provision reference back ("art. 4 1 ust. 1", "art. 4' ust." → "art. 4¹
ust.", a guess) and corrects the typos of "z późn. zm." ("późń.", "pózn.", "póżn." → "późn."). Each change is
logged as changed with the words before and after; "Dz. U" variants, "roku" and dates are left as written (the
checks and the recognisers deal with them).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from paldocs.importer.clean.patterns import GUESS, LOWER, UPPER
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

SPACED = "litery rozstrzelone połączone w wyraz"
GLUED = "rozdzielono wyrazy zlepione bez spacji"
SUPERSCRIPT = f"indeks górny spłaszczony w konwersji (art. 4¹) {GUESS}"
TYPO = "literówka w „z późn. zm.”"

# Only the words the structure is read from: a letter-spaced title inside the text ("P R O G R A M") is the
# author's typography and stays as written.
_SPACED_WORDS = ("UCHWAŁA", "ZAŁĄCZNIK", "UZASADNIENIE", "PROJEKT", "SPRAWOZDANIE", "ROZDZIAŁ")
_SPACED = re.compile("|".join(rf"(?<![^\s*]){' ?'.join(word)}(?![^\s*])" for word in _SPACED_WORDS), re.IGNORECASE)
_SPACED_HINT = re.compile(r"(?<![^\s*])\w \w \w")
_MONTHS = "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
_GLUED = [  # (where, what to put there): only boundaries a title block makes certain
    (re.compile(r"\b(RADY|RADA|UCHWAŁA)(GMINY|MIEJSKIEJ|MIASTA|POWIATU|NR)\b"), r"\1 \2"),
    (re.compile(rf"(?<=[{LOWER}])(?=(?:Rady|Gminy|Miejskiej|Województwa|Powiatu)\b)"), " "),
    (re.compile(rf"\b(Rady|Gminy|Miasta|Województwa|Powiatu)(?=[{UPPER}][{LOWER}])"), r"\1 "),
    (re.compile(r"(?<=\d)(?=(?:Rady|RADY|Rada|RADA)\b)"), " "),
    (re.compile(rf"\b([{UPPER}][{LOWER}]+)(?=z\s+dnia\s+\d)"), r"\1 "),
    (re.compile(r"(?<=\d{4})(?=w\s+sprawie\b)"), " "),
    (re.compile(rf"(?<=[{LOWER}.])(?=Na\s+podstawie\b)"), " "),
    (re.compile(rf"\b(\d{{1,2}})(?=(?:{_MONTHS})\b)"), r"\1 "),
]
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FLAT = re.compile(r"\b(?P<unit>[Aa]rt\.|§)\s?(?P<number>\d+[a-z]?)(?P<flat> (?P<a>\d)|'(?P<b>\d)?)"
                   r"(?=\s*(?:ust\.|pkt|§|,|\)))")
_LATER_WORD = re.compile(r"\b(?:późń|pózn|póżn|pozn|póżń|pózń)(?=\.?\s*zm\b)")


def _apply(lines: list[SourceLine], repair: Callable[[SourceLine], SourceLine]) -> list[SourceLine]:
    return [repair(line) if line.text else line for line in lines]


def _changed_words(before: str, after: str) -> tuple[str, str]:
    """The smallest run of whole words that differs (for the log)."""
    old, new = before.split(), after.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    return " ".join(old[start:end_old]), " ".join(new[start:end_new])


def _log_change(log: ImportLog, line: SourceLine, why: str, after: str) -> SourceLine:
    if after == line.text:
        return line
    before_words, after_words = _changed_words(line.text, after)
    log.changed(line.line, why, before_words, after_words)
    return dataclasses.replace(line, text=after)


def repair_words(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    def repair(line: SourceLine) -> SourceLine:
        if _SPACED_HINT.search(line.text):
            line = _log_change(log, line, SPACED, _SPACED.sub(lambda m: m.group().replace(" ", ""), line.text))
        text = line.text
        for pattern, replacement in _GLUED:
            text = pattern.sub(replacement, text)
        return _log_change(log, line, GLUED, re.sub(r" {2,}", " ", text))

    return _apply(lines, repair)


def repair_references(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    def superscript(match: re.Match[str]) -> str:
        digit = match["a"] or match["b"] or "1"
        return f"{match['unit']} {match['number']}{digit.translate(_SUPERSCRIPT_DIGITS)}"

    def repair(line: SourceLine) -> SourceLine:
        line = _log_change(log, line, SUPERSCRIPT, _FLAT.sub(superscript, line.text))
        return _log_change(log, line, TYPO, _LATER_WORD.sub("późn", line.text))

    return _apply(lines, repair)
