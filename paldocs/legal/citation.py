"""Acts catalog, journal addresses and provisions: parse, choose by date, format in the § 158 ZTP form.

Contract:
- :func:`load_catalog` reads ``acts.yaml`` shipped with the package (rows carry ``source`` and ``verified``
  exactly as DOMAIN.md marks them).
- :class:`JournalAddress` holds both shapes of a Dziennik Ustaw address — before 2012 with an issue number
  (``Dz. U. z 2001 r. Nr 142, poz. 1591``), after without (``Dz. U. z 2013 r. poz. 594``);
  :func:`parse_address` reads the common written forms, :meth:`JournalAddress.format` writes the ZTP form
  (year omitted when it equals the act's own year, "poz." once, ", " and " i " between positions).
- :func:`format_provision` normalises "art. 18 ust. 2 pkt. 15" → "art. 18 ust. 2 pkt 15".
- :func:`cite` returns the citation of an act for a resolution date with the notes that say what is not
  certain (unverified row, amendments the catalog does not list). It never invents an address.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
from dataclasses import dataclass, field

import yaml
from pydantic import BaseModel, ConfigDict, Field

from paldocs.errors import LegalBasisError, Location


class JournalAddress(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    year: int
    issue: int | None = None  # "Nr" — only before 2012
    positions: list[int] = Field(min_length=1)
    announced: dt.date | None = None
    source: str = ""
    verified: bool = False

    def format(self, act_year: int | None = None) -> str:
        """"Dz. U. z 2013 r. poz. 594" (§ 158 ZTP); the year is omitted when it is the act's own year."""
        year = "" if act_year == self.year else f" z {self.year} r."
        issue = f" Nr {self.issue}," if self.issue is not None else ""
        return f"Dz. U.{year}{issue} poz. {join_positions(self.positions)}"


def join_positions(positions: list[int]) -> str:
    """"594", "1465 i 1572", "40, 572 i 1463" — commas, then " i " before the last (§ 158 ZTP)."""
    texts = [str(p) for p in positions]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " i " + texts[-1]


class Act(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    title_genitive: str
    short: str
    date: dt.date
    original: JournalAddress
    consolidated: list[JournalAddress] = Field(default_factory=list)


@functools.cache
def load_catalog() -> dict[str, Act]:
    text = importlib.resources.files("paldocs.legal").joinpath("acts.yaml").read_text(encoding="utf-8")
    return {key: Act.model_validate(value) for key, value in yaml.safe_load(text).items()}


_ADDRESS = re.compile(
    r"^\s*(?:\(\s*)?(?:t\.\s*j\.\s*|tekst\s+jednolity\s*:?\s*)?Dz\.\s*U\.\s*"
    r"(?:z\s*(?P<year>\d{4})\s*r\.?\s*,?\s*)?"
    r"(?:Nr\.?\s*(?P<issue>\d+)\s*,?\s*)?"
    r"poz\.?\s*(?P<positions>\d+(?:\s*(?:,|i|oraz)\s*\d+)*)"
    r"\s*(?P<tail>(?:,?\s*(?:ze\s+zm\.|z\s+późn\.\s*zm\.))?)\s*\)?\s*$",
    re.IGNORECASE,
)


def parse_address(text: str, act_year: int | None = None, location: Location | None = None) -> JournalAddress:
    """Read "Dz. U. z 2013 r. poz. 594", "Dz. U. z 2001 r. Nr 142, poz. 1591", "Dz.U.2013.594"-like forms."""
    match = _ADDRESS.match(text.replace("\u00a0", " "))
    if not match:
        raise LegalBasisError(
            f"nie rozpoznano adresu publikacji „{text}”",
            location,
            "Wpisz go w postaci „Dz. U. z 2013 r. poz. 594” albo „Dz. U. z 2001 r. Nr 142, poz. 1591”.",
        )
    year = int(match["year"]) if match["year"] else act_year
    if year is None:
        raise LegalBasisError(f"w adresie „{text}” brakuje roku", location)
    positions = [int(p) for p in re.split(r"\s*(?:,|i|oraz)\s*", match["positions"])]
    return JournalAddress(year=year, issue=int(match["issue"]) if match["issue"] else None, positions=positions)


_PROVISION = re.compile(
    r"^\s*(?:art\.?\s*(?P<art>\d+[a-z]*)|§\s*(?P<par>\d+[a-z]*))"
    r"(?:\s*ust\.?\s*(?P<ust>\d+[a-z]*))?"
    r"(?:\s*pkt\.?\s*(?P<pkt>\d+[a-z]*))?"
    r"(?:\s*lit\.?\s*(?P<lit>[a-z]{1,2}))?\s*$",
)


def format_provision(text: str, location: Location | None = None) -> str:
    """"art. 18 ust.2 pkt. 15" → "art. 18 ust. 2 pkt 15" (no dot after "pkt", DOMAIN.md § 2)."""
    match = _PROVISION.match(text.replace("\u00a0", " "))
    if not match:
        raise LegalBasisError(f"nie rozpoznano przepisu „{text}”", location,
                              "Przykłady: „art. 18 ust. 2 pkt 15”, „art. 110 ust. 10”, „§ 5 ust. 1 lit. a”.")
    parts = [f"art. {match['art']}" if match["art"] else f"§ {match['par']}"]
    for key, label in (("ust", "ust."), ("pkt", "pkt"), ("lit", "lit.")):
        if match[key]:
            parts.append(f"{label} {match[key]}")
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Citation:
    provision: str
    act: Act
    address: JournalAddress
    notes: list[str] = field(default_factory=list)  # what is not certain, in Polish, for the user

    def format(self) -> str:
        """"art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2013 r. poz. 594)"."""
        return f"{self.provision} {self.act.title_genitive} ({self.address.format(self.act.date.year)})"


def cite(act_key: str, provision: str, on: dt.date | None, address: str | None = None,
         location: Location | None = None) -> Citation:
    """The citation of ``provision`` of an act for a resolution adopted ``on`` (§ 121 ust. 3 ZTP)."""
    catalog = load_catalog()
    act = catalog.get(act_key)
    if act is None:
        raise LegalBasisError(f"nieznana ustawa „{act_key}”", location,
                              "Znane ustawy: " + ", ".join(sorted(catalog)) + ".")
    formatted_provision = format_provision(provision, location)
    notes: list[str] = []
    if address is not None:
        chosen = parse_address(address, act.date.year, location)
        known = next((row for row in [act.original, *act.consolidated] if _same_text(row, chosen)), None)
        if known is None:
            notes.append(f"adres „{chosen.format()}” podany ręcznie; katalog go nie zna — sprawdź w ISAP")
        elif not known.verified:
            notes.append(f"adres „{chosen.format()}” jest w katalogu niezweryfikowany ({known.source})")
    else:
        dated = [row for row in act.consolidated if row.announced is not None and (on is None or row.announced <= on)]
        if not dated:
            raise LegalBasisError(
                f"katalog nie zna tekstu jednolitego {act.title_genitive} z datą ogłoszenia"
                + (f" do {on.isoformat()}" if on else ""),
                location, "Podaj adres publikacji w polu „address”, np. „Dz. U. z 2013 r. poz. 182”.")
        chosen = dated[-1]
        undated_later = [row for row in act.consolidated if row.announced is None and row.year >= chosen.year]
        if undated_later:
            notes.append(f"katalog zna też teksty bez daty ogłoszenia ({', '.join(r.format() for r in undated_later)}); "
                         "sprawdź, który obowiązywał w dniu podjęcia")
    notes.append(f"katalog nie zawiera zmian {act.title_genitive} ogłoszonych po tekście jednolitym "
                 f"{chosen.format()}; jeśli były, dopisz je (§ 158 ZTP)")
    return Citation(formatted_provision, act, chosen, notes)


def _same_text(row: JournalAddress, other: JournalAddress) -> bool:
    return (row.year, row.issue, row.positions[:1]) == (other.year, other.issue, other.positions[:1])
