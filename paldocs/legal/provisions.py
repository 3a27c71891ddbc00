"""Provisions ("art. 18 ust. 2 pkt 15 lit. a"): parse what people type, write the ZTP form, say what was fixed.

Contract (pure functions, no I/O):

- :class:`Provision` is the address of an editorial unit (§ 54–57 ZTP, docs/domain.md § 2): article or paragraph,
  then ustęp, punkt, litera, tiret — each optional after the first. An article may have paragraphs instead of
  ustępy, as codes do ("art. 61 § 1"). :meth:`Provision.format` writes the cited form: "art. 18 ust. 2 pkt 15
  lit. a tiret pierwsze", "§ 5 ust. 1" — "pkt" and "tiret" without a dot, every other abbreviation with one.
- One legal-basis entry may cite several units, as resolutions do: further numbers of the last unit ("art. 5a
  ust. 1 i 4", "ust. 1, 2 i 4" → ``more``) and further provisions of the same act ("art. 18 ust. 2 pkt 15 i
  art. 40 ust. 1", "art. 7 ust. 1 pkt 6 i ust. 2" → ``also``; a provision that starts below the article takes
  the higher units of the one before it). The connectors (", ", " i ", " oraz ") are printed as written.
- :func:`parse_provision` returns the provision and the :class:`Deviation` list: every normalisation it had
  to apply ("pkt." → "pkt", "ust.10" → "ust. 10", "art 18", "Art. 18", "par. 5" → "§ 5", double spaces, NBSP,
  "lit. a)"). Drafting checks report these; citations simply use the normalised form.
- Malformed input ("art. ust. 2", "pkt 15", "art. 18 lit.", units out of order, empty) is a
  :class:`~paldocs.errors.LegalBasisError` "nie rozpoznano przepisu „…”: <what is wrong>" with examples.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

from paldocs import vocabulary
from paldocs.errors import LegalBasisError, Location

EXAMPLES = "Przykłady: „art. 18 ust. 2 pkt 15”, „art. 110 ust. 10”, „§ 5 ust. 1 lit. a”, „art. 5a ust. 1”."
# Cited units in rank order (§ 54–57 ZTP: article, its paragraph in codes, ustęp, punkt, litera, tiret), keyed by
# the abbreviation as typed without its dot ("par" also for "§"); each shown in its cited form ("pkt", "lit.").
_SHOWN = {info.typed: info.citation for info in vocabulary.cited_units()}
_RANK = {typed: rank for rank, typed in enumerate(_SHOWN)}
_DOTLESS = frozenset(typed for typed, shown in _SHOWN.items() if shown == typed)  # "pkt", "tiret": no dot
# Tirets up to the tenth are written and read as words ("tiret drugie"), further ones by number.
TIRET_ORDINALS = vocabulary.load_vocabulary().ordinals[:10]


class Deviation(enum.StrEnum):
    """A normalisation applied while reading a provision (the value is the Polish explanation)."""

    PKT_DOT = "kropka po „pkt” lub „tiret” — te skróty pisze się bez kropki („pkt 15”)"
    MISSING_DOT = "brak kropki po skrócie „art.”, „ust.” lub „lit.”"
    MISSING_SPACE = "brak spacji między oznaczeniem a numerem („ust.10” → „ust. 10”, „§5” → „§ 5”)"
    EXTRA_SPACE = "zbędne lub podwójne spacje"
    NBSP = "twarde spacje (NBSP) — typografia dokumentu dodaje je sama"
    CAPITAL = "wielka litera w przepisie („Art. 18” → „art. 18”)"
    PAR_ALIAS = "„par.” zamiast znaku „§”"
    LETTER_PAREN = "nawias po literze („lit. a)” → „lit. a”)"


@dataclass(frozen=True, slots=True)
class Provision:
    """The address of a unit; ``art`` or ``par`` is required; ``tiret`` counts from 1."""

    art: str | None = None
    par: str | None = None
    ust: str | None = None
    pkt: str | None = None
    lit: str | None = None
    tiret: int | None = None
    # Further numbers of the deepest unit, each with the connector written before it: "ust. 1 i 4" → ((" i ", "4"),).
    more: tuple[tuple[str, str], ...] = ()
    # Further provisions cited with this one, each with its connector: "… i art. 40 ust. 1".
    also: tuple[tuple[str, Provision], ...] = ()
    # The first unit this provision prints when it continues another ("i ust. 2": "ust"); None = all of them.
    head: str | None = None

    def __post_init__(self) -> None:
        if self.art is None and self.par is None:
            raise ValueError("a provision starts with an article or a paragraph")

    def format(self) -> str:
        """"art. 18 ust. 2 pkt 15 lit. a" (docs/domain.md § 2: "pkt 1" — no dot after pkt), "art. 5a ust. 1 i 4"."""
        return self._own() + "".join(connector + provision.format() for connector, provision in self.also)

    def _own(self) -> str:
        numbered = list(_units(self).items())
        if self.head is not None:
            numbered = [(key, value) for key, value in numbered if _RANK[key] >= _RANK[self.head]]
        parts = [f"{_SHOWN[key]} {_shown_value(key, value)}" for key, value in numbered]
        deepest = numbered[-1][0]
        return " ".join(parts) + "".join(connector + _shown_value(deepest, value) for connector, value in self.more)

    @property
    def units(self) -> tuple[Provision, ...]:
        """This provision and every one cited with it (``also``), each alone and written in full."""
        first = Provision(self.art, self.par, self.ust, self.pkt, self.lit, self.tiret, self.more)
        return (first, *(unit for _, provision in self.also for unit in provision.units))

    def __str__(self) -> str:
        return self.format()


_TYPED = "|".join(_SHOWN)  # art|par|ust|pkt|lit|tiret
_LABEL = re.compile(rf"(?P<label>§|(?:{_TYPED})(?![^\W\d_]))(?P<dot>\.?)(?P<gap> ?)", re.IGNORECASE)
# "18", "5a", "15ab", "4¹" (an article inserted with a superscript number, art. 4¹ u.w.t.) — but in "18ust. 2" the
# letters are the next label, typed without a space
_NUMBER = re.compile(rf"\d+[⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:(?!(?:{_TYPED})(?![^\W\d_]))[a-z]{{1,3}}(?![^\W_]))?", re.IGNORECASE)
_LETTER = re.compile(r"(?P<letter>[a-z]{1,2})(?P<paren>\))?(?![^\W_])", re.IGNORECASE)  # a … z, za, zb …
_ORDINAL = re.compile("|".join(TIRET_ORDINALS) + r"|\d+", re.IGNORECASE)

_MISSING = {info.typed: info.missing for info in vocabulary.cited_units()}  # "numeru ustępu"


class _Malformed(ValueError):
    """Why a provision cannot be read (the second half of the LegalBasisError message)."""


def parse_provision(text: str, location: Location | None = None) -> tuple[Provision, list[Deviation]]:
    """Read "art. 18 ust. 2 pkt. 15" → (Provision(art="18", ust="2", pkt="15"), [Deviation.PKT_DOT])."""
    try:
        return _parse(text)
    except _Malformed as error:
        raise LegalBasisError(f"nie rozpoznano przepisu „{text}”: {error}", location, EXAMPLES) from None


def format_provision(text: str, location: Location | None = None) -> str:
    """The normalised form: "art. 18 ust.2 pkt. 15" → "art. 18 ust. 2 pkt 15"."""
    return parse_provision(text, location)[0].format()


def _shown_value(key: str, value: str | int) -> str:
    if key == "tiret":
        number = int(value)
        return TIRET_ORDINALS[number - 1] if number <= len(TIRET_ORDINALS) else str(number)
    return str(value)


# Between numbers of one unit ("ust. 1, 2 i 4") and between provisions ("… i art. 40 ust. 1").
_CONNECTOR = re.compile(r" ?, ?| (?:i|oraz) ", re.IGNORECASE)


def _parse(text: str) -> tuple[Provision, list[Deviation]]:
    deviations: list[Deviation] = []

    def note(deviation: Deviation) -> None:
        if deviation not in deviations:
            deviations.append(deviation)

    if "\u00a0" in text:
        note(Deviation.NBSP)
    spaced = text.replace("\u00a0", " ").replace("\t", " ")
    cleaned = " ".join(spaced.split())
    if not cleaned:
        raise _Malformed("przepis jest pusty")
    if cleaned != spaced:
        note(Deviation.EXTRA_SPACE)
    parsed: list[tuple[str, Provision]] = []
    position, connector = 0, ""
    while True:
        provision, position = _parse_one(cleaned, position, parsed[-1][1] if parsed else None, note)
        parsed.append((connector, provision))
        if position >= len(cleaned):
            break
        joined = _CONNECTOR.match(cleaned, position)
        if joined is None or not _LABEL.match(cleaned, joined.end()):
            raise _Malformed(f"niezrozumiały fragment „{cleaned[position:].strip()}”")
        connector, position = _connector(joined.group()), joined.end()
    first = parsed[0][1]
    return Provision(first.art, first.par, first.ust, first.pkt, first.lit, first.tiret, first.more,
                     tuple(parsed[1:])), deviations


def _connector(written: str) -> str:
    """", " or " i " / " oraz " as printed (the word as written, lowercase; spaces normalised)."""
    word = written.strip(" ,").lower()
    return f" {word} " if word else ", "


def _parse_one(cleaned: str, position: int, before: Provision | None,
               note: Callable[[Deviation], None]) -> tuple[Provision, int]:
    """One provision from ``position``: its units, the further numbers of its last unit, where it ends (at the
    connector to the next provision or the end). A provision after ``before`` may start below the article and
    takes ``before``'s higher units ("art. 7 ust. 1 pkt 6 i ust. 2")."""
    units: dict[str, str | int] = {}
    more: list[tuple[str, str]] = []
    previous, head = None, None
    while position < len(cleaned):
        match = _LABEL.match(cleaned, position)
        if not match:
            if not units:
                raise _Malformed("przepis zaczyna się od „art.” albo „§”")
            raise _Malformed(f"niezrozumiały fragment „{cleaned[position:]}”")
        label = match["label"].lower()
        kind = "par" if label == "§" else label
        _note_label(match, label, kind, note)
        if previous is None and kind not in ("art", "par"):
            if before is None:
                raise _Malformed(f"brak artykułu lub paragrafu — „{_SHOWN[kind]}” nie mówi, którego artykułu dotyczy")
            head = kind
            units = {key: value for key, value in _units(before).items() if _RANK[key] < _RANK[kind]}
        if previous is not None and more:
            raise _Malformed(f"„{_SHOWN[kind]}” po wyliczeniu numerów „{_SHOWN[previous]}” — wyliczenie zamyka przepis")
        if previous is not None and _RANK[kind] <= _RANK[previous]:
            if kind == previous or kind in units:
                raise _Malformed(f"„{_SHOWN[kind]}” występuje dwa razy — każdy przepis cytuj osobno")
            raise _Malformed(f"„{_SHOWN[kind]}” po „{_SHOWN[previous]}” — kolejność to: art., §, ust., pkt, lit., tiret")
        units[kind], position = _value(kind, cleaned, match.end(), note)
        previous = kind
        while (joined := _CONNECTOR.match(cleaned, position)) and not _LABEL.match(cleaned, joined.end()):
            value, position = _value(kind, cleaned, joined.end(), note)  # "ust. 1 i 4": one more number
            more.append((_connector(joined.group()), str(value)))
        if position < len(cleaned):
            if _next_provision(cleaned, position):
                break
            if cleaned[position] == " ":
                position += 1
            else:
                note(Deviation.MISSING_SPACE)  # "art. 18ust. 2"
    if not units:
        raise _Malformed("przepis jest pusty")
    return Provision(art=_text(units.get("art")), par=_text(units.get("par")), ust=_text(units.get("ust")),
                     pkt=_text(units.get("pkt")), lit=_text(units.get("lit")),
                     tiret=int(units["tiret"]) if "tiret" in units else None, more=tuple(more), head=head), position


def _next_provision(cleaned: str, position: int) -> bool:
    """A connector followed by a unit label: the next provision starts ("… i art. 40", "…, ust. 2")."""
    joined = _CONNECTOR.match(cleaned, position)
    return joined is not None and _LABEL.match(cleaned, joined.end()) is not None


def _units(provision: Provision) -> dict[str, str | int]:
    """The units given, in rank order (the field names are the typed labels of the vocabulary)."""
    values = {key: getattr(provision, key) for key in _SHOWN}
    return {key: value for key, value in values.items() if value is not None}


def _note_label(match: re.Match[str], label: str, kind: str, note: Callable[[Deviation], None]) -> None:
    if match["label"] != label:
        note(Deviation.CAPITAL)
    if label == "par":
        note(Deviation.PAR_ALIAS)
    if kind in _DOTLESS and match["dot"]:
        note(Deviation.PKT_DOT)  # docs/domain.md § 2: "pkt 1" — no dot after pkt
    elif label != "§" and kind not in _DOTLESS and not match["dot"]:
        note(Deviation.MISSING_DOT)
    if not match["gap"]:
        note(Deviation.MISSING_SPACE)


def _value(kind: str, text: str, position: int, note: Callable[[Deviation], None]) -> tuple[str | int, int]:
    """The number, letter or ordinal after a label, and where it ends."""
    if kind == "lit":
        letter = _LETTER.match(text, position)
        if not letter:
            raise _Malformed(f"po „lit.” brakuje {_MISSING[kind]}")
        if letter["paren"]:
            note(Deviation.LETTER_PAREN)
        if letter["letter"] != letter["letter"].lower():
            note(Deviation.CAPITAL)
        return letter["letter"].lower(), letter.end()
    if kind == "tiret":
        ordinal = _ORDINAL.match(text, position)
        if not ordinal:
            raise _Malformed(f"po „tiret” brakuje {_MISSING[kind]}")
        word = ordinal.group().lower()
        return (TIRET_ORDINALS.index(word) + 1 if word in TIRET_ORDINALS else int(word)), ordinal.end()
    number = _NUMBER.match(text, position)
    if not number:
        raise _Malformed(f"po „{_SHOWN[kind]}” brakuje {_MISSING[kind]}")
    if number.group().startswith("0"):
        raise _Malformed(f"numer „{number.group()}” po „{_SHOWN[kind]}” — numeracja zaczyna się od 1")
    if number.group() != number.group().lower():
        note(Deviation.CAPITAL)
    return number.group().lower(), number.end()


def _text(value: str | int | None) -> str | None:
    return None if value is None else str(value)
