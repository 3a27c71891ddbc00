"""Place names in the grammatical cases documents need, derived with morfeusz2 (SGJP dictionary).

Contract of :func:`place_case` (pure, no I/O beyond loading the dictionary once):

- ``place_case(name, case)`` returns the one form of a place name in a case: "Kętrzyn" → "Kętrzyna" (gen),
  "Kętrzynie" (loc); "Kielce" → "Kielc", "Kielcach"; "Nowy Sącz" → "Nowego Sącza"; "Kędzierzyn-Koźle" →
  "Kędzierzyna-Koźla". The nominative is returned unchanged without consulting the dictionary.
- Multi-word names are read as nouns with agreeing adjectives ("Biała Podlaska", "Gorzów Wielkopolski");
  hyphenated parts inflect each on its own; a lowercase preposition ends the inflected part and everything
  from it on stays as written ("Nowe Miasto nad Pilicą" → "Nowego Miasta nad Pilicą").
- The name keeps its own number: a singular town stays singular, a plurale tantum (SGJP "pt": Kielce,
  Tychy, Suwałki) stays plural. Readings marked as geographic names in SGJP are preferred to common nouns,
  common nouns to personal names (surnames, first names); fewer nouns are preferred to more (an adjective
  agreeing with a noun is read as an adjective). Forms marked archaic (daw., przest.) are dropped when an
  unmarked form exists; regional variants (reg.) are kept, so "Tychy" in the genitive (Tych / Tychów) is
  ambiguous.
- Capitalisation follows the input word by word ("KĘTRZYN" → "KĘTRZYNA", "kętrzyn" → "kętrzyna").
- When the dictionary gives no form, or more than one distinct form remains, :class:`paldocs.errors.DataError`
  says so in Polish and names the profile field to fill (the ``field`` argument): the profile always wins,
  derivation only fills gaps (docs/domain.md § 4).

morfeusz2 is imported lazily, on the first call that needs it, and one instance is cached: a profile that
gives every form never loads the dictionary. A missing morfeusz2 is a :class:`DataError` naming the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any, Literal

from paldocs.errors import DataError

__all__ = ["ARCHAIC_STYLES", "CASE_NAMES", "Case", "morfeusz", "place_case", "split_tag"]

Case = Literal["nom", "gen", "dat", "acc", "inst", "loc"]

# Polish names of the cases in the locative, as a message says them: "w dopełniaczu".
CASE_NAMES: dict[str, str] = {
    "nom": "mianowniku", "gen": "dopełniaczu", "dat": "celowniku",
    "acc": "bierniku", "inst": "narzędniku", "loc": "miejscowniku",
}  # fmt: skip

_GEOGRAPHIC = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})
_PERSONAL = frozenset({"imię", "nazwisko"})
ARCHAIC_STYLES = ("daw.", "przest.", "arch.")  # SGJP style marks of forms no document should print
_SEPARATOR = re.compile(r"(\s+|-)")


@dataclass(frozen=True, slots=True)
class _Reading:
    """One nominative reading of one word: a noun with its own paradigm, or an adjective that agrees."""

    lemma: str
    pos: Literal["subst", "adj"]
    number: str  # "sg" | "pl"
    genders: frozenset[str]
    flag: str  # subst: "pt" | "col" | "ncol" | ""; adj: ""
    class_rank: int  # 0 geographic name, 1 common noun / adjective, 2 personal name
    plain_plural: bool  # a plural noun reading that is not a plurale tantum (the plural of a singular name)


@cache
def _morfeusz() -> Any:
    import morfeusz2  # lazy: loading the dictionary takes time and memory

    return morfeusz2.Morfeusz(generate=True)


def morfeusz() -> Any:
    """The Morfeusz 2 analyser and generator, loaded on first use (ImportError when morfeusz2 is missing)."""
    return _morfeusz()


def _dictionary(name: str, field: str | None) -> Any:
    try:
        return _morfeusz()
    except ImportError:
        raise DataError(f"Nie można odmienić nazwy „{name}”: brak biblioteki morfeusz2 — {_advice(field)}") from None


def _advice(field: str | None) -> str:
    return f"podaj formę w polu {field}." if field else "podaj formę wprost w profilu gminy."


def split_tag(tag: str) -> list[frozenset[str]]:
    """'subst:sg:nom.acc:m3' → [{subst}, {sg}, {nom, acc}, {m3}]: each position with its alternatives."""
    return [frozenset(part.split(".")) for part in tag.split(":")]


def _readings(word: str) -> list[_Reading]:
    """The nominative noun and adjective readings of one word (tried as typed, then Capitalised, lowercase)."""
    for variant in dict.fromkeys((word, word[:1].upper() + word[1:].lower(), word.lower())):
        found = _readings_of(variant)
        if found:
            return found
    return []


@cache
def _readings_of(word: str) -> list[_Reading]:
    analyses = _morfeusz().analyse(word)
    end = max((a[1] for a in analyses), default=0)
    found: dict[_Reading, None] = {}
    for start, stop, (_orth, lemma, tag, names, styles) in analyses:
        if (start, stop) != (0, end):  # the word split into several segments: not one name part
            continue
        parts = split_tag(tag)
        pos = next(iter(parts[0]))
        if pos == "subst" and len(parts) >= 4 and "nom" in parts[2]:
            flag = next(iter(parts[4])) if len(parts) > 4 else ""
            rank = 0 if _GEOGRAPHIC & set(names) else 2 if _PERSONAL & set(names) else 1
            rank += any(s.startswith(ARCHAIC_STYLES) for s in styles)
            for number in sorted(parts[1]):
                plain_plural = number == "pl" and flag != "pt"
                found[_Reading(lemma, "subst", number, parts[3], flag, rank, plain_plural)] = None
        elif pos == "adj" and len(parts) >= 5 and "nom" in parts[2] and "pos" in parts[4]:
            for number in sorted(parts[1]):
                found[_Reading(lemma, "adj", number, parts[3], "", 1, False)] = None
    return list(found)


@cache
def _paradigm(lemma: str) -> list[tuple[str, list[frozenset[str]], tuple[str, ...]]]:
    """All forms of exactly this lemma (morfeusz also returns homonyms sharing the base): (form, tag, styles)."""
    return [(orth, split_tag(tag), tuple(styles))
            for orth, lem, tag, _names, styles in _morfeusz().generate(lemma) if lem == lemma]


def _forms(reading: _Reading, case: str, number: str, genders: frozenset[str]) -> list[str]:
    """Distinct forms of ``reading`` in ``case``; archaic ones only if nothing else exists."""
    plain: list[str] = []
    archaic: list[str] = []
    for orth, parts, styles in _paradigm(reading.lemma):
        if next(iter(parts[0])) != reading.pos or len(parts) < 4:
            continue
        if number not in parts[1] or case not in parts[2] or not genders & parts[3]:
            continue
        if reading.pos == "subst" and (next(iter(parts[4])) if len(parts) > 4 else "") != reading.flag:
            continue
        if reading.pos == "adj" and (len(parts) < 5 or "pos" not in parts[4]):
            continue
        target = archaic if any(s.startswith(ARCHAIC_STYLES) for s in styles) else plain
        if orth not in target:
            target.append(orth)
    return plain or archaic


def _agrees(adjective: _Reading, noun: _Reading) -> bool:
    return adjective.number == noun.number and bool(adjective.genders & noun.genders)


def _word_forms(assignment: tuple[_Reading, ...], case: str) -> list[list[str]] | None:
    """Forms of every word under one reading per word, or None when an adjective has no noun to agree with."""
    nouns = [i for i, r in enumerate(assignment) if r.pos == "subst"]
    result: list[list[str]] = []
    for i, reading in enumerate(assignment):
        if reading.pos == "subst":
            result.append(_forms(reading, case, reading.number, reading.genders))
            continue
        heads = sorted((abs(i - j), j) for j in nouns if _agrees(reading, assignment[j]))
        if not heads:
            return None
        head = assignment[heads[0][1]]
        result.append(_forms(reading, case, head.number, reading.genders & head.genders))
    return result


@cache
def _candidates(name: str, case: str) -> tuple[str, ...]:
    """Every distinct form of ``name`` in ``case`` among the best readings (empty: none)."""
    tokens = _SEPARATOR.split(name)
    words = tokens[0::2]
    inflected = len(words)
    for i, word in enumerate(words[1:], start=1):  # a preposition ends the inflected part: "nad Pilicą"
        if word.islower() and any(a[2][2].startswith("prep") for a in _morfeusz().analyse(word)):
            inflected = i
            break
    options = [_readings(word) for word in words[:inflected]]
    if not all(options):
        return ()
    scored: dict[tuple[int, int, int], list[tuple[_Reading, ...]]] = {}
    for assignment in product(*options):
        nouns = sum(r.pos == "subst" for r in assignment)
        if nouns:
            score = (nouns, sum(r.class_rank for r in assignment), sum(r.plain_plural for r in assignment))
            scored.setdefault(score, []).append(assignment)
    found: dict[str, None] = {}
    for score in sorted(scored):
        for assignment in scored[score]:
            per_word = _word_forms(assignment, case)
            if per_word is None or not all(per_word):
                continue
            for choice in product(*per_word):
                forms = [_match_case(word, form) for word, form in zip(words, choice, strict=False)]
                forms += words[inflected:]
                text = "".join(f + sep for f, sep in zip(forms, [*tokens[1::2], ""], strict=True))
                found[text] = None
        if found:  # the best-scoring readings that give any form decide
            break
    return tuple(found)


def _match_case(template: str, form: str) -> str:
    if len(template) > 1 and template.isupper():
        return form.upper()
    if template[:1].isupper():
        return form[:1].upper() + form[1:]
    return form[:1].lower() + form[1:]


def place_case(name: str, case: Case, *, field: str | None = None) -> str:
    """Return the place name ``name`` (nominative) in ``case``; see the module docstring for the rules.

    ``field`` names the profile field the user should fill when the form cannot be derived, e.g.
    ``"municipality.council.genitive"``.
    """
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"Pusta nazwa miejscowości — {_advice(field)}")
    if case not in CASE_NAMES:
        raise DataError(f"Nieznany przypadek „{case}” (dozwolone: {', '.join(CASE_NAMES)})")
    name = re.sub(r"\s*-\s*", "-", " ".join(name.split()))  # "Kędzierzyn - Koźle" → "Kędzierzyn-Koźle"
    if case == "nom":
        return name
    _dictionary(name, field)
    forms = _candidates(name, case)
    if len(forms) == 1:
        return forms[0]
    where = CASE_NAMES[case]
    if not forms:
        raise DataError(f"Nie można odmienić nazwy „{name}” w {where}: słownik nie zna tej nazwy — {_advice(field)}")
    raise DataError(f"Nie można jednoznacznie odmienić nazwy „{name}” w {where} "
                    f"(możliwe: {', '.join(forms)}) — {_advice(field)}")
