"""Dziennik Ustaw addresses: read the forms people write, write the § 158 ZTP form, name the identifiers.

Contract (pure functions, no I/O):

- :class:`JournalRef` is one address: year, issue number ("Nr", only before 2012) and one or more positions.
  Both shapes exist: ``Dz. U. z 2001 r. Nr 142, poz. 1591`` and ``Dz. U. z 2024 r. poz. 1465`` (docs/domain.md § 3).
- :func:`format_journal` writes several addresses as one ZTP parenthesis content (§ 158 ZTP): "Dz. U." once,
  "poz." once per issue, positions joined by ", " and " i " before the last, issue groups of one year the
  same way, year groups by ", " and " oraz " before the last, and the year left out when it equals the act's
  own year: ``Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3``, ``Dz. U. Nr 64, poz. 593``.
- :func:`parse_address` reads what legal offices write — "Dz. U. z 2013 r. poz. 594", "Dz.U. z 2013r. poz.594",
  "Dz. U. Nr 64, poz. 593" (year = the act's), "t.j. Dz. U. …", "tekst jednolity: …", "… ze zm.",
  "… z późn. zm.", "poz. 1465 i 1572", several year groups, the compact "Dz.U.2013.594" /
  "Dz.U.2001.142.1591" of legal databases — into a :class:`ParsedAddress`; anything else is a
  :class:`~paldocs.errors.LegalBasisError` saying what is wrong.
- :func:`eli_id` and :func:`isap_url` give ``DU/2024/1465`` and the ISAP page of ``WDU20240001465``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from paldocs.errors import LegalBasisError, Location

# How a citation writes the journal address: the ZTP form (§ 158), "tekst jednolity … ze zm." or "z późn. zm."
# (paldocs.legal.citation); here, with the address formats, so the command line lists them without the catalog.
STYLES = ("ztp", "tj-ze-zm", "z-pozn-zm")

FIRST_YEAR_WITHOUT_ISSUES = 2012  # from 2012 Dziennik Ustaw is electronic: positions only, no "Nr"
ISAP_PAGE = "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id="
ADDRESS_HINT = "Wpisz adres w postaci „Dz. U. z 2013 r. poz. 594” albo „Dz. U. z 2001 r. Nr 142, poz. 1591”."


@dataclass(frozen=True, slots=True)
class JournalRef:
    """One Dziennik Ustaw address; ``positions`` keep the written order."""

    year: int
    issue: int | None
    positions: tuple[int, ...]

    @property
    def order(self) -> tuple[int, int]:
        """Announcement order: positions run through a year across issues, so (year, first position)."""
        return (self.year, self.positions[0])

    def single(self) -> list[JournalRef]:
        """One reference per position."""
        return [JournalRef(self.year, self.issue, (position,)) for position in self.positions]

    def format(self, act_year: int | None = None) -> str:
        return format_journal([self], act_year)


@dataclass(frozen=True, slots=True)
class ParsedAddress:
    """A written address: the first position is the text cited, every further one an amendment."""

    refs: tuple[JournalRef, ...]
    consolidated_mark: bool = False  # written with "t.j." / "tekst jednolity"
    amended_mark: bool = False  # written with "ze zm." / "z późn. zm."

    @property
    def base(self) -> JournalRef:
        first = self.refs[0]
        return JournalRef(first.year, first.issue, first.positions[:1])

    @property
    def amendments(self) -> list[JournalRef]:
        first = self.refs[0]
        rest = [JournalRef(first.year, first.issue, first.positions[1:])] if len(first.positions) > 1 else []
        return [single for ref in [*rest, *self.refs[1:]] for single in ref.single()]


def join_list(items: Sequence[str], last: str = " i ") -> str:
    """"a", "a i b", "a, b i c" — commas, then ``last`` before the last item (§ 158 ZTP)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def format_journal(refs: Iterable[JournalRef], act_year: int | None = None) -> str:
    """The ZTP parenthesis content for ``refs`` (sorted into announcement order, duplicates dropped)."""
    items = sorted({(ref.year, position, ref.issue or 0) for ref in refs for position in ref.positions})
    years: dict[int, list[tuple[int, list[int]]]] = {}
    for year, position, issue in items:
        groups = years.setdefault(year, [])
        if groups and groups[-1][0] == issue:
            groups[-1][1].append(position)
        else:
            groups.append((issue, [position]))
    year_texts = []
    for year, groups in years.items():
        text = join_list([(f"Nr {issue}, " if issue else "") + "poz. " + join_list([str(p) for p in positions])
                          for issue, positions in groups])
        # § 158 ZTP: the year is left out when it is the act's own year ("Dz. U. Nr 64, poz. 593").
        year_texts.append(text if year == act_year else f"z {year} r. {text}")
    # "oraz" before the last year group: unverified, seen but not read in ZTP itself (docs/domain.md § 3).
    return "Dz. U. " + join_list(year_texts, last=" oraz ")


def eli_id(year: int, position: int) -> str:
    """ELI of a Dziennik Ustaw position: ``DU/2024/1465`` (docs/domain.md § 3)."""
    return f"DU/{year}/{position}"


def isap_id(year: int, issue: int | None, position: int) -> str:
    """ISAP id: ``WDU`` + year + issue (3 digits, 000 after 2011) + position (4 digits), e.g. ``WDU20130000594``."""
    return f"WDU{year}{issue or 0:03d}{position:04d}"


def isap_url(year: int, issue: int | None, position: int) -> str:
    """ISAP page of a Dziennik Ustaw position (:func:`isap_id`)."""
    return f"{ISAP_PAGE}{isap_id(year, issue, position)}"


_PREFIX = re.compile(r"^(?:t\.?\s*j\.?|tekst\s+jednolity)\s*[:,–-]?\s*", re.IGNORECASE)
_SUFFIX = re.compile(
    r"[\s,]*(?:(?P<amended>ze\s+zm(?:\.|ianami)?|z\s+p[óo][źz]n(?:\.|iejszymi)?\s*zm(?:\.|ianami)?)"
    r"|(?P<consolidated>\(?t\.\s*j\.\)?|\(?tekst\s+jednolity\)?))\s*$",
    re.IGNORECASE,
)
_JOURNAL = re.compile(r"^Dz\.?\s*U\.?\s*(?:RP\s*)?", re.IGNORECASE)
_COMPACT = re.compile(r"^(\d{4})\s*[.,/]\s*(\d+)(?:\s*[.,/]\s*(\d+))?$")  # Dz.U.2013.594, Dz.U.2001.142.1591
_TOKEN = re.compile(
    r"\s*(?:(?P<year>(?:z\s*)?(?P<y>\d{4})\s*(?:r\.|roku(?!\w)|r(?!\w)))"
    r"|(?P<zyear>z\s*(?P<zy>\d{4})(?!\d))"
    r"|(?P<issue>nr\.?\s*(?P<n>\d+))"
    r"|(?P<poz>poz(?:\.|ycj[aei](?!\w))?)"
    r"|(?P<num>\d+)"
    r"|(?P<sep>[,;]|i(?!\w)|oraz(?!\w)))",
    re.IGNORECASE,
)


def parse_address(text: str, act_year: int | None = None, location: Location | None = None) -> ParsedAddress:
    """Read a written address; a group without a year takes ``act_year`` (ZTP leaves the act's year out)."""
    cleaned = " ".join(text.replace("\u00a0", " ").split())
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = cleaned[1:-1].strip()
    try:
        return _parse(cleaned, act_year)
    except _Unreadable as error:
        raise LegalBasisError(f"nie rozpoznano adresu publikacji „{text}”: {error}", location, ADDRESS_HINT) from None


class _Unreadable(ValueError):
    """Why an address cannot be read (becomes the second half of the LegalBasisError message)."""


def _parse(cleaned: str, act_year: int | None) -> ParsedAddress:
    consolidated = amended = False
    if match := _PREFIX.match(cleaned):
        consolidated, cleaned = True, cleaned[match.end():]
    while match := _SUFFIX.search(cleaned):
        amended |= bool(match["amended"])
        consolidated |= bool(match["consolidated"])
        cleaned = cleaned[: match.start()]
    journal = _JOURNAL.match(cleaned)
    if not journal:
        raise _Unreadable("adres zaczyna się od „Dz. U.” (obsługiwany jest Dziennik Ustaw)")
    body = cleaned[journal.end():].strip()
    if compact := _COMPACT.match(body):
        year, second, third = compact.groups()
        ref = JournalRef(int(year), int(second), (int(third),)) if third else JournalRef(int(year), None, (int(second),))
        return ParsedAddress((_checked(ref),), consolidated, amended)
    refs = [_checked(ref) for ref in _read_groups(_tokens(body), act_year)]
    return ParsedAddress(tuple(refs), consolidated, amended)


def _tokens(body: str) -> list[tuple[str, int]]:
    tokens: list[tuple[str, int]] = []
    position = 0
    while position < len(body):
        match = _TOKEN.match(body, position)
        if not match or match.end() == position:
            raise _Unreadable(f"niezrozumiały fragment „{body[position:].strip()}”")
        kind = next(name for name in ("year", "zyear", "issue", "poz", "num", "sep") if match[name])
        value = match["y"] or match["zy"] or match["n"] or (match["num"] if kind == "num" else None)
        tokens.append(("year" if kind == "zyear" else kind, int(value) if value else 0))
        position = match.end()
    if not tokens:
        raise _Unreadable("brakuje roku i pozycji")
    return tokens


def _read_groups(tokens: list[tuple[str, int]], act_year: int | None) -> list[JournalRef]:
    """year? issue? "poz." number (sep number)* — repeated, groups separated by ", ", " i ", " oraz "."""
    refs: list[JournalRef] = []
    year, issue, index = act_year, None, 0
    pending = False  # a year or issue read, its "poz." not yet
    while index < len(tokens):
        kind, value = tokens[index]
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        if kind == "year" or (kind == "num" and value >= 1000 and following in ("poz", "issue")):
            year, issue, pending = value, None, True  # "z 2013 r." or the bare "2013" of "Dz.U. 2013 poz. 594"
        elif kind == "issue":
            issue, pending = value, True
        elif kind == "poz":
            positions: list[int] = []
            index += 1
            while index < len(tokens) and tokens[index][0] == "num":
                positions.append(tokens[index][1])
                if index + 2 < len(tokens) and tokens[index + 1][0] == "sep" and tokens[index + 2][0] == "num":
                    index += 2
                else:
                    index += 1
                    break
            if not positions:
                raise _Unreadable("po „poz.” brakuje numeru pozycji")
            if year is None:
                raise _Unreadable("brakuje roku („z 2013 r.”)")
            refs.append(JournalRef(year, issue, tuple(positions)))
            issue, pending = None, False
            continue
        elif kind == "num":
            raise _Unreadable(f"liczba {value} bez „poz.” przed nią")
        index += 1
    if pending or not refs:
        raise _Unreadable("brakuje „poz.” z numerem pozycji")
    return refs


def _checked(ref: JournalRef) -> JournalRef:
    if not 1918 <= ref.year <= 2100:
        raise _Unreadable(f"rok {ref.year} jest spoza zakresu Dziennika Ustaw (od 1918 r.)")
    if ref.issue is not None and ref.year >= FIRST_YEAR_WITHOUT_ISSUES:
        raise _Unreadable(f"od {FIRST_YEAR_WITHOUT_ISSUES} r. Dziennik Ustaw nie ma numerów (Nr) — "
                   f"wpisz „Dz. U. z {ref.year} r. poz. {ref.positions[0]}”")
    if any(position < 1 for position in ref.positions) or (ref.issue is not None and ref.issue < 1):
        raise _Unreadable("numery i pozycje zaczynają się od 1")
    if len(set(ref.positions)) != len(ref.positions):
        raise _Unreadable("ta sama pozycja podana dwa razy")
    return ref
