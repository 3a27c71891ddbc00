"""Agreement with the adopted document's noun: "Przyjmuje się Strategię …, stanowiącą załącznik …".

Contract of :func:`adopted_forms` (pure; the dictionary is loaded only when needed):

- The head noun of a title is its first noun in the nominative, reached from the start through adjectives
  only ("Program …", "Gminna Strategia …", "Zasady …"); adjectives before it agree with it ("Gminna"). A
  document is a thing: inanimate readings win over personal and animate ones. Its grammatical gender and
  number choose the participle in the accusative (the adopted document is the object of "przyjmuje się"):
  masculine inanimate singular
  "stanowiący", feminine singular "stanowiącą", neuter singular and non-personal plural "stanowiące" (personal
  masculine: "stanowiącego" / "stanowiących").
- The title in the accusative: the head noun and the adjectives around it inflected (before it, and
  lowercase adjectives right after it: "Politykę senioralną"), everything else (genitive complements,
  "na lata …") as written; capitals kept word by word. For masculine
  inanimate, neuter and non-personal plural nouns the accusative is the nominative.
- Gender, number and forms come from morfeusz2 (SGJP). The most frequent head nouns of adopted documents are in
  :data:`COMMON_HEAD_NOUNS` (their SGJP values; tests/test_annexes.py compares every row with morfeusz2), so
  that a title starting with one of them never loads the dictionary (``paldocs check`` stays fast).
- When the dictionary gives the head noun readings that need different participles, :class:`~paldocs.errors.
  DataError` names the data field to fill (``title_gender`` of the field given) — the data always win. A title
  in which it finds no noun at all (an acronym, a word it lacks) keeps the masculine "stanowiący" and the
  title as written, and a word it cannot put in the accusative unambiguously keeps the title in the
  nominative; both come with a ``note`` naming the field to fill (``title_gender``, ``title_accusative``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from paldocs.errors import DataError, Location
from paldocs.polish.inflection import ARCHAIC_STYLES, split_tag

__all__ = ["AdoptedForms", "COMMON_HEAD_NOUNS", "GENDER_CLASSES", "adopted_forms", "participle"]

DataGender = Literal["m", "ż", "n", "mnoga"]

# The data's gender words → SGJP (number, gender) classes.
GENDER_CLASSES: dict[str, tuple[str, str]] = {"m": ("sg", "m3"), "ż": ("sg", "f"), "n": ("sg", "n"), "mnoga": ("pl", "f")}

# nominative (lowercase) → (number, gender, accusative) in SGJP; checked against morfeusz2 by the tests.
COMMON_HEAD_NOUNS: dict[str, tuple[str, str, str]] = {
    "program": ("sg", "m3", "program"),
    "plan": ("sg", "m3", "plan"),
    "regulamin": ("sg", "m3", "regulamin"),
    "statut": ("sg", "m3", "statut"),
    "harmonogram": ("sg", "m3", "harmonogram"),
    "wykaz": ("sg", "m3", "wykaz"),
    "strategia": ("sg", "f", "strategię"),
    "koncepcja": ("sg", "f", "koncepcję"),
    "polityka": ("sg", "f", "politykę"),
    "studium": ("sg", "n", "studium"),
    "zasady": ("pl", "f", "zasady"),
}

_PROPER = frozenset({"imię", "nazwisko", "nazwa_geograficzna", "człon_nazwy_geograficznej", "nazwa_organizacji",
                     "nazwa_instytucji", "nazwa_firmy"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class AdoptedForms:
    accusative: str  # the title in the accusative
    participle: str  # "stanowiący" | "stanowiącą" | "stanowiące" | "stanowiącego" | "stanowiących"
    note: str = ""  # what was assumed when the dictionary knows no noun of the title (printed as "uwaga")


def participle(number: str, gender: str) -> str:
    """"stanowiący" in the accusative agreeing with a noun of SGJP ``number`` and ``gender``."""
    if number == "pl":
        return "stanowiących" if gender == "m1" else "stanowiące"
    return {"m1": "stanowiącego", "m2": "stanowiący", "m3": "stanowiący", "f": "stanowiącą"}.get(gender, "stanowiące")


def adopted_forms(title: str, *, field: str, gender: DataGender | None = None, accusative: str | None = None,
                  where: Location | None = None) -> AdoptedForms:
    """The accusative of ``title`` and the agreeing participle; ``gender``/``accusative``: the data's overrides.
    ``field`` is the data path of the title's owner (e.g. ``"program"``), for the messages."""
    if gender is not None and accusative is not None:
        return AdoptedForms(accusative, participle(*GENDER_CLASSES[gender]))
    words = list(_WORD.finditer(title))
    for index, match in enumerate(words):
        known = COMMON_HEAD_NOUNS.get(match[0].lower())
        if known is None:
            if match[0][:1].isupper():
                continue  # "Gminny Program", "Miejska Strategia": a capitalised word before the noun
            break
        number, noun_gender, noun_accusative = known
        number, noun_gender = GENDER_CLASSES[gender] if gender else (number, noun_gender)
        following = words[index + 1][0] if index + 1 < len(words) else ""
        # An adjective after the noun ("Polityka senioralna") inflects too: the dictionary decides then.
        plain_after = not following[:1].islower() or _nominative_is_accusative(number, noun_gender)
        if accusative is None and plain_after and (index == 0 or _nominative_is_accusative(number, noun_gender)):
            accusative = title[:match.start()] + _match_case(match[0], noun_accusative) + title[match.end():]
        if accusative is not None:
            return AdoptedForms(accusative, participle(number, noun_gender))
        break
    return _from_dictionary(title, words, field=field, gender=gender, accusative=accusative, where=where)


def _nominative_is_accusative(number: str, gender: str) -> bool:
    return (number == "sg" and gender in ("m2", "m3", "n")) or (number == "pl" and gender != "m1")


def _from_dictionary(title: str, words: list[re.Match[str]], *, field: str, gender: DataGender | None,
                     accusative: str | None, where: Location | None) -> AdoptedForms:
    from paldocs.polish.inflection import morfeusz  # looked up at call time (tests substitute the dictionary)

    def refuse(message: str, name: str) -> DataError:
        return DataError(f"{message} — podaj pole {field}.{name}", where,
                         "title_gender: m (Program), ż (Strategia), n (Studium), mnoga (Zasady); "
                         "title_accusative: tytuł w bierniku („Gminną Strategię …”).")

    try:
        dictionary = morfeusz()
    except ImportError:
        raise refuse(f"nie można ustalić rodzaju tytułu „{title}”: brak biblioteki morfeusz2",
                     "title_gender" if gender is None else "title_accusative") from None
    head: int | None = None
    classes: set[tuple[str, str]] = set()
    for index, match in enumerate(words):
        if len(match[0]) < 3:
            break  # a letter or a two-letter abbreviation ("C", "IT"): SGJP's noun readings of it say nothing
        nouns = _nominative_readings(dictionary, match[0], "subst")
        if not nouns:
            if _nominative_readings(dictionary, match[0], "adj"):
                continue  # an adjective before the noun ("Gminna Strategia", "Wieloletni program")
            break  # the title does not open with its noun ("Aktualizacja …" aside, an acronym, a number)
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if _nominative_readings(dictionary, match[0], "adj") and following and \
                _nominative_readings(dictionary, following, "subst"):
            continue  # "Miejski Program": an adjective agreeing with the noun after it
        head, classes = index, {(number, noun_gender) for _lemma, number, noun_gender in nouns}
        break
    if head is None:  # an acronym, a name in quotes, a word the dictionary lacks: the usual form, and say so
        return AdoptedForms(accusative or title, participle(*GENDER_CLASSES[gender or "m"]),
                            "" if gender else f"słownik nie zna rzeczownika, od którego zaczyna się tytuł „{title}” — "
                            f"przyjęto „stanowiący” i tytuł bez odmiany; jeśli to nie rodzaj męski, podaj pole "
                            f"{field}.title_gender (i {field}.title_accusative)")
    if gender is not None:
        classes = {GENDER_CLASSES[gender]}
    # A document is a thing: personal (m1) and animate (m2) readings give way to inanimate ones ("Kot", "Sęp").
    classes = {c for c in classes if c[1] != "m1"} or classes
    classes = {c for c in classes if c[1] != "m2"} if any(c[1] == "m3" for c in classes) else classes
    singular_first = {c for c in classes if c[0] == "sg"} or classes
    if len({participle(*c) for c in classes}) > 1 and len({participle(*c) for c in singular_first}) > 1:
        raise refuse(f"słownik podaje dla „{words[head][0]}” kilka rodzajów lub liczb "
                     f"({', '.join(sorted(f'{n}:{g}' for n, g in classes))})", "title_gender")
    number, noun_gender = sorted(singular_first if len({participle(*c) for c in classes}) > 1 else classes)[0]
    if accusative is None:
        pieces: list[str] = []
        last = 0
        end = head + 1
        while end < len(words) and words[end][0][:1].islower() and \
                _nominative_readings(dictionary, words[end][0], "adj") and \
                not _nominative_readings(dictionary, words[end][0], "subst"):
            end += 1  # adjectives after the noun agree with it too ("Polityka senioralna")
        unsure: list[str] = []
        for match in words[:end]:
            form = _accusative(dictionary, match[0], number, noun_gender, noun=match is words[head])
            if form is None:  # no agreeing form, or several: keep the word as written and say so
                unsure.append(match[0])
            pieces += [title[last:match.start()], _match_case(match[0], form or match[0])]
            last = match.end()
        if unsure:
            return AdoptedForms(title, participle(number, noun_gender),
                                f"nie można jednoznacznie odmienić w bierniku: {', '.join(unsure)} (tytuł „{title}”) — "
                                f"tytuł drukuje się w mianowniku; podaj pole {field}.title_accusative")
        accusative = "".join(pieces) + title[last:]
    return AdoptedForms(accusative, participle(number, noun_gender))


def _genders(parts: set[str]) -> list[str]:
    return sorted(parts & {"m1", "m2", "m3", "f", "n"})


def _nominative_readings(dictionary: object, word: str, pos: str) -> list[tuple[str, str, str]]:
    """(lemma, number, gender) of the nominative readings of ``word`` as ``pos`` (typed, then lowercase).

    Only what can head a document's title: a common noun (not a surname, place or firm spelled alike:
    "Sposób", "Art", "PKO"), in a declinable, current reading — archaic readings ("dzień" as feminine) and
    indeclinable acronyms of every gender ("PKB") give way to the others, and a word that has nothing else is
    no head noun at all."""
    for variant in dict.fromkeys((word, word.lower())):
        found: list[tuple[int, tuple[str, str, str]]] = []
        for _start, _stop, (_orth, lemma, tag, names, styles) in dictionary.analyse(variant):  # type: ignore[attr-defined]
            parts = split_tag(tag)
            if pos in parts[0] and len(parts) >= 4 and "nom" in parts[2]:
                if _PROPER & set(names) or (pos == "subst" and len(parts[2]) == 7):  # proper or indeclinable
                    rank = 2
                else:
                    rank = int(any(str(style).startswith(ARCHAIC_STYLES) for style in styles))
                found += [(rank, (lemma.split(":")[0], n, g)) for n in sorted(parts[1]) for g in _genders(parts[3])]
        if found:
            best = min(rank for rank, _ in found)
            return list(dict.fromkeys(reading for rank, reading in found if rank == best)) if best < 2 else []
    return []


def _accusative(dictionary: object, word: str, number: str, gender: str, *, noun: bool) -> str | None:
    """The one accusative form of ``word`` agreeing with (number, gender); None when none or several."""
    if _nominative_is_accusative(number, gender):
        return word
    pos = "subst" if noun else "adj"
    lemmas = {lemma for lemma, n, g in _nominative_readings(dictionary, word, pos)
              if n == number and (g == gender or not noun)}
    forms: set[str] = set()
    for lemma in lemmas:
        for orth, lem, tag, _names, styles in dictionary.generate(lemma):  # type: ignore[attr-defined]
            parts = split_tag(tag)
            if lem.split(":")[0] != lemma or pos not in parts[0] or len(parts) < 4:
                continue
            if "acc" in parts[2] and number in parts[1] and gender in parts[3] and \
                    (noun or "pos" in (parts[4] if len(parts) > 4 else {"pos"})) and \
                    not any(str(s).startswith(ARCHAIC_STYLES) for s in styles):
                forms.add(orth)
    return forms.pop() if len(forms) == 1 else None


def _match_case(template: str, form: str) -> str:
    if len(template) > 1 and template.isupper():
        return form.upper()
    if template[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
