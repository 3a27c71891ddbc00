"""Names of a gmina's organs in the cases documents need (docs/domain.md § 4; art. 26 and 11a u.s.g.).

Contract (pure functions; invalid or underivable input raises :class:`paldocs.errors.DataError` in Polish,
naming the profile fields to fill — the profile always wins, these functions only fill its gaps):

- :func:`executive_title` — wójt / burmistrz / prezydent miasta from the gmina's kind, population and seat.
- :func:`council_forms` — from the council's nominative, its genitive and the genitive of the organ's type:
  only the head ("Rada") and an adjective right after it ("Miejska", "Gminna") inflect; the place part stays
  exactly as written ("Rada Miejska w Kętrzynie" → "Rady Miejskiej w Kętrzynie", type "Rady Miejskiej").
- :func:`executive_forms` — the dative of the executive's name: only the title inflects
  ("Burmistrz Miasta Kętrzyn" → "Burmistrzowi Miasta Kętrzyn").
- :func:`default_council_nominative`, :func:`default_executive_nominative` — one documented default per kind
  when a profile gives no name (these inflect the place name with morfeusz2, lazily).
- :func:`chair_title` — "Przewodniczący" / "Przewodnicząca" / "Wiceprzewodniczący" / "Wiceprzewodnicząca",
  in the nominative or the genitive ("z up. Przewodniczącego …").
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from paldocs.errors import DataError
from paldocs.polish.inflection import place_case

__all__ = [
    "CouncilForms",
    "ExecutiveForms",
    "ExecutiveTitle",
    "chair_title",
    "council_forms",
    "default_council_nominative",
    "default_executive_nominative",
    "executive_forms",
    "executive_title",
]

ExecutiveTitle = Literal["wójt", "burmistrz", "prezydent miasta"]

PRESIDENT_POPULATION = 100_000  # art. 26 u.s.g.: "powyżej 100 000 mieszkańców" (docs/domain.md § 4)

_KINDS = {"miejska": "gmina miejska", "wiejska": "gmina wiejska", "miejsko-wiejska": "gmina miejsko-wiejska"}

# The council's head and the adjectives that may follow it, nominative → genitive (feminine singular).
_COUNCIL_HEAD = {"Rada": "Rady", "RADA": "RADY"}
_COUNCIL_ADJECTIVES = {"Miejska": "Miejskiej", "Gminna": "Gminnej", "MIEJSKA": "MIEJSKIEJ", "GMINNA": "GMINNEJ"}
# Genitive attributes naming the organ's type ("Rada Gminy …", "Rada Miasta …", "Rada Miasta i Gminy …").
_COUNCIL_TYPES = (("Miasta", "i", "Gminy"), ("Gminy",), ("Miasta",))

_EXECUTIVE_DATIVE = {"Wójt": "Wójtowi", "Burmistrz": "Burmistrzowi", "Prezydent": "Prezydentowi"}


class CouncilForms(NamedTuple):
    nominative: str  # "Rada Miejska w Kętrzynie"
    genitive: str  # "Rady Miejskiej w Kętrzynie"
    type_genitive: str  # "Rady Miejskiej" — for "z up. Przewodniczącego Rady Miejskiej"


class ExecutiveForms(NamedTuple):
    nominative: str  # "Burmistrz Miasta Kętrzyn"
    dative: str  # "Burmistrzowi Miasta Kętrzyn" — executor clause


def _kind(kind: str) -> str:
    """Normalise "gmina miejska" / "miejska" (or a GminaKind) to the full Polish name."""
    text = str(kind).strip().lower().removeprefix("gmina ").strip()
    if text not in _KINDS:
        raise DataError(f"Nieznany rodzaj gminy „{kind}” (dozwolone: {', '.join(_KINDS.values())})")
    return _KINDS[text]


def executive_title(kind: str, population: int | None, seat_is_town: bool,
                    president_before_1990: bool = False) -> ExecutiveTitle:
    """Return the executive organ's title (art. 26 u.s.g. as docs/domain.md § 4 records it).

    - gmina wiejska → "wójt" (its territory has no town; a seat in a neighbouring town, as Gmina Ostróda's
      in the town of Ostróda, does not change that — practice: "Wójt Gminy Ostróda");
    - gmina miejska → "prezydent miasta" with more than 100 000 inhabitants or where a prezydent was the
      executive before the statute came into force (``president_before_1990``), else "burmistrz";
    - gmina miejsko-wiejska → "burmistrz" when the seat is in a town (``seat_is_town``), else "wójt";
      a prezydent is derived for gminy miejskie only (unverified: no miejsko-wiejska gmina of that size is recorded).

    ``population`` may be None only when the answer does not depend on it.
    """
    full = _kind(kind)
    if population is not None and (isinstance(population, bool) or not isinstance(population, int)
                                   or population < 0):
        raise DataError(f"Liczba mieszkańców musi być nieujemną liczbą całkowitą, otrzymano {population!r}")
    if full == "gmina wiejska":
        return "wójt"
    if full == "gmina miejsko-wiejska":
        return "burmistrz" if seat_is_town else "wójt"
    if not seat_is_town:
        raise DataError("Sprzeczne dane: gmina miejska ma siedzibę w mieście (seat_is_town)")
    if president_before_1990:
        return "prezydent miasta"
    if population is None:
        raise DataError("Nie można ustalić organu wykonawczego gminy miejskiej bez liczby mieszkańców — "
                        "podaj pole municipality.population albo municipality.executive.nominative.")
    return "prezydent miasta" if population > PRESIDENT_POPULATION else "burmistrz"


def council_forms(nominative: str) -> CouncilForms:
    """Derive the genitive and the type's genitive from the council's nominative (docs/domain.md § 4 examples).

    "Rada Gminy Ostróda" → ("Rady Gminy Ostróda", "Rady Gminy"); "Rada Miejska Inowrocławia" →
    ("Rady Miejskiej Inowrocławia", "Rady Miejskiej"); "Rada Miasta Rybnika" → ("Rady Miasta Rybnika",
    "Rady Miasta"). A name that does not start with "Rada" + a known adjective or type word is an error that
    names the fields to fill.
    """
    words = " ".join(str(nominative).split()).split(" ")
    fields = "municipality.council.genitive i municipality.council.type_genitive"
    if words[0] not in _COUNCIL_HEAD:
        raise DataError(f"Nie można odmienić nazwy rady „{nominative}”: nie zaczyna się od „Rada” — "
                        f"podaj pola {fields}.")
    head = [_COUNCIL_HEAD[words[0]]]
    rest = words[1:]
    if rest and rest[0] in _COUNCIL_ADJECTIVES:
        head.append(_COUNCIL_ADJECTIVES[rest[0]])
        rest = rest[1:]
    else:
        kind = next((t for t in _COUNCIL_TYPES if [w.lower() for w in rest[: len(t)]] == [w.lower() for w in t]), None)
        if kind is None or len(rest) == len(kind):
            raise DataError(f"Nie można ustalić rodzaju rady w nazwie „{nominative}” (oczekiwano np. „Rada "
                            f"Gminy …”, „Rada Miasta …”, „Rada Miejska …”) — podaj pola {fields}.")
        head += rest[: len(kind)]
        rest = rest[len(kind):]
    if not rest:
        raise DataError(f"Nazwa rady „{nominative}” nie wskazuje gminy — podaj pola {fields}.")
    nominative = " ".join(words)
    return CouncilForms(nominative, " ".join(head + rest), " ".join(head))


def executive_forms(nominative: str) -> ExecutiveForms:
    """Derive the dative of the executive's name: "Wójt Gminy Ostróda" → "Wójtowi Gminy Ostróda".

    Only the title inflects; the rest ("Gminy Ostróda", "Miasta Kętrzyn", "Miasta Człuchowa") stays as
    written (practice, docs/domain.md § 4). The dative names the office, so it does not depend on the holder's
    gender (unverified: practice as seen, "Burmistrzowi" also with a woman in office).
    """
    words = " ".join(str(nominative).split()).split(" ")
    if words[0] not in _EXECUTIVE_DATIVE or len(words) < 2:
        raise DataError(f"Nie można odmienić nazwy organu wykonawczego „{nominative}” (oczekiwano „Wójt …”, "
                        "„Burmistrz …” albo „Prezydent …”) — podaj pole municipality.executive.dative.")
    return ExecutiveForms(" ".join(words), " ".join([_EXECUTIVE_DATIVE[words[0]], *words[1:]]))


def _in(locative: str) -> str:
    """The preposition "w" / "we" before a locative: "we" before w/f + consonant ("we Wrocławiu",
    "we Włocławku", "we Fromborku") — a rule of Polish grammar, else "w"."""
    first, second = locative[:1].lower(), locative[1:2].lower()
    return "we" if first in "wf" and second and second not in "aąeęioóuy" else "w"


def default_council_nominative(kind: str, name: str, *, title: ExecutiveTitle) -> str:
    """Return a council name for a profile that gives none — a default chosen among real practices.

    Councils are named inconsistently in practice (docs/domain.md § 4), so this is one documented choice,
    and a name given in the profile always wins:

    - wójt (gmina wiejska) → "Rada Gminy {name}" ("Rada Gminy Ostróda", seen);
    - prezydent miasta → "Rada Miasta {name in the genitive}" ("Rada Miasta Rybnika", seen);
    - burmistrz (gmina miejska or miejsko-wiejska) → "Rada Miejska w {name in the locative}"
      ("Rada Miejska w Kętrzynie", the Kętrzyn resolution).

    Whether u.s.g. itself prescribes "rada miejska" where the seat is in a town is not recorded
    (unverified; docs/domain.md § 4). Inflecting ``name`` may fail (e.g. "Tychy" in the genitive): the error then names
    municipality.council.nominative.
    """
    _kind(kind)
    field = "municipality.council.nominative"
    if title == "wójt":
        return f"Rada Gminy {name}"
    if title == "prezydent miasta":
        return f"Rada Miasta {place_case(name, 'gen', field=field)}"
    if title == "burmistrz":
        locative = place_case(name, "loc", field=field)
        return f"Rada Miejska {_in(locative)} {locative}"
    raise DataError(f"Nieznany organ wykonawczy „{title}” (dozwolone: wójt, burmistrz, prezydent miasta)")


def default_executive_nominative(title: ExecutiveTitle, kind: str, name: str) -> str:
    """Return the executive's name for a profile that gives none — one documented default per case:

    - wójt → "Wójt Gminy {name}" ("Wójt Gminy Ostróda", practice);
    - burmistrz of a gmina miejska → "Burmistrz Miasta {name in the genitive}" ("Burmistrzowi Miasta
      Człuchowa", practice; Kętrzyn writes the nominative, "Burmistrz Miasta Kętrzyn" — the profile wins);
    - burmistrz of a gmina miejsko-wiejska → "Burmistrz {name in the genitive}" ("Burmistrz Morąga", practice):
      the office heads the whole gmina, not only its town;
    - prezydent miasta → "Prezydent Miasta {name in the genitive}" ("Prezydent Miasta Rybnika", practice; Tychy
      write "Prezydent Miasta Tychy" — the profile wins).
    """
    full = _kind(kind)
    field = "municipality.executive.nominative"
    if title == "wójt":
        return f"Wójt Gminy {name}"
    if title == "burmistrz":
        genitive = place_case(name, "gen", field=field)
        return f"Burmistrz Miasta {genitive}" if full == "gmina miejska" else f"Burmistrz {genitive}"
    if title == "prezydent miasta":
        return f"Prezydent Miasta {place_case(name, 'gen', field=field)}"
    raise DataError(f"Nieznany organ wykonawczy „{title}” (dozwolone: wójt, burmistrz, prezydent miasta)")


_CHAIR = {
    ("m", False, "nom"): "Przewodniczący", ("k", False, "nom"): "Przewodnicząca",
    ("m", True, "nom"): "Wiceprzewodniczący", ("k", True, "nom"): "Wiceprzewodnicząca",
    ("m", False, "gen"): "Przewodniczącego", ("k", False, "gen"): "Przewodniczącej",
    ("m", True, "gen"): "Wiceprzewodniczącego", ("k", True, "gen"): "Wiceprzewodniczącej",
}  # fmt: skip


def chair_title(gender: Literal["m", "k"], deputy: bool = False, case: Literal["nom", "gen"] = "nom") -> str:
    """Return the signatory's title: ``chair_title("k")`` → "Przewodnicząca"; ``chair_title("m", case="gen")``
    → "Przewodniczącego" (for "z up. Przewodniczącego Rady Miejskiej" — the chair's gender, not the
    deputy's). The words are substantivised participles and inflect like adjectives.
    """
    key = (gender, bool(deputy), case)
    if key not in _CHAIR:
        raise DataError(f"Nieznana płeć „{gender}” lub przypadek „{case}” (dozwolone: m, k; nom, gen)")
    return _CHAIR[key]
