"""The acts catalog: statutes, their original and consolidated texts and amendments, as data.

Contract:

- ``acts.yaml`` (shipped) and user catalogs share one shape::

      version: 2026-11-25          # the date the catalog was compiled; documents record it
      acts:
        samorzad-gminny:           # key: lowercase letters, digits, "-"
          title: ustawa z dnia 8 marca 1990 r. o samorządzie gminnym
          title_genitive: ustawy z dnia 8 marca 1990 r. o samorządzie gminnym
          short: u.s.g.
          date: 1990-03-08
          original: {year: 1990, issue: 16, positions: [95], source: …, verified: false}
          consolidated: [{year: 2024, positions: [1465], announced: 2024-10-03, source: …, verified: true}]
          amendments: [{year: 2024, positions: [1572], source: …, verified: true}]
          amendments_checked: 2024-12-31   # optional: the amendments list is complete up to this date
          former_titles: [{until: 2023-06-21, title: …, title_genitive: …, source: …}]   # optional

  Every address row carries ``source`` and ``verified``; ``announced`` (date of announcement) when known;
  ``seen_on`` when the row was only seen in a dated document (the text was announced by then); ``status``:
  "zweryfikowany" (read in an official list, ISAP or the ELI API — then ``verified: true``), "z praktyki" (seen
  in a named, dated document: a council's resolution, a court judgment, a wojewoda's decision, another act or
  notice that cites it) or "niezweryfikowany" (default from ``verified``).
  :meth:`Act.titles_on` gives the title in force on a day (``former_titles``: e.g. an act renamed in 2023).
  The ELI id of an act is computed from its original address (``DU/1990/95``), never stored.
- What the catalog proves about announcement days (:class:`AnnouncementEvidence`, ``Catalog.evidence``): a row
  with ``announced`` was announced on that day; a row with ``seen_on`` was announced by that day (a dated
  document cited it). Dziennik Ustaw numbers the positions of one year in announcement order, so a position is
  announced no later than any higher position of the same year, and no earlier than any lower one — whatever act
  the rows belong to. :attr:`Catalog.current_to` is the newest day the catalog's confirmed rows ("zweryfikowany")
  and dated practice rows ("z praktyki" with ``announced`` or ``seen_on``) prove, or an act's ``amendments_checked``
  (its list checked up to that day): the catalog says nothing about
  texts announced after it (:meth:`Catalog.currency_text` says so in words).
- :func:`load_catalog` returns the package catalog (validated once, cached) merged with user catalogs in the
  order given: an existing key is patched — fields given replace, address rows are merged by
  (year, issue, positions) with the user's row winning — and a new key is added whole. "Legal offices
  maintain citations themselves, and theirs wins." A user file that sets ``version`` sets the merged
  catalog's version. User files are read on every call (never cached), so edits are seen at once.
- Every problem in a catalog file is a :class:`~paldocs.errors.DataError` with file:line:column and the field
  path (``acts.samorzad-gminny.consolidated[2].year``); an unknown key asked of the catalog is a
  :class:`~paldocs.errors.LegalBasisError` listing the known keys, the closest first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import importlib.resources
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal, TypeVar

from pydantic import Field, model_validator

from paldocs.errors import DataError, LegalBasisError, Location
from paldocs.legal.journal import FIRST_YEAR_WITHOUT_ISSUES, JournalRef, eli_id
from paldocs.model.base import NonEmptyText, StrictModel
from paldocs.model.load import Positions, parse_yaml, read_text, validate
from paldocs.polish.dates import format_date

PACKAGE_FILE = "paldocs/legal/acts.yaml"
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Position = Annotated[int, Field(ge=1)]
RowStatus = Literal["zweryfikowany", "z praktyki", "niezweryfikowany"]


class JournalRow(StrictModel):
    """One catalog row: an address in Dziennik Ustaw with where it comes from and whether it was checked."""

    year: int = Field(ge=1918, le=2100, description="Rocznik Dziennika Ustaw.")
    issue: int | None = Field(None, ge=1, description="Numer (Nr) — tylko przed 2012 r.")
    positions: list[Position] = Field(min_length=1, description="Pozycje, np. [1465].")
    announced: dt.date | None = Field(None, description="Data ogłoszenia, jeśli znana (RRRR-MM-DD).")
    seen_on: dt.date | None = Field(
        None, description="Data dokumentu (uchwały, wyroku), w którym adres widziano: tekst był ogłoszony najpóźniej "
        "tego dnia (RRRR-MM-DD).")
    source: NonEmptyText = Field(description="Skąd pochodzi adres (np. „ISAP WDU20240001465, 2024-10-05”).")
    verified: bool = Field(description="true tylko wtedy, gdy adres odczytano w nazwanym źródle.")
    status: RowStatus | None = Field(
        None, description="„zweryfikowany” (odczytany w urzędowym wykazie, ISAP albo API ELI), „z praktyki” "
        "(widziany w nazwanym dokumencie: uchwale, wyroku, rozstrzygnięciu nadzorczym, innym akcie albo obwieszczeniu) "
        "albo „niezweryfikowany”; brak = z pola verified.")

    @model_validator(mode="after")
    def _consistent(self) -> JournalRow:
        if self.issue is not None and self.year >= FIRST_YEAR_WITHOUT_ISSUES:
            raise ValueError(f"od {FIRST_YEAR_WITHOUT_ISSUES} r. Dziennik Ustaw nie ma numerów — usuń „issue”")
        if self.issue is None and self.year < FIRST_YEAR_WITHOUT_ISSUES:
            raise ValueError(f"przed {FIRST_YEAR_WITHOUT_ISSUES} r. adres ma numer Dziennika Ustaw — dodaj „issue” (Nr)")
        if len(set(self.positions)) != len(self.positions):
            raise ValueError("ta sama pozycja występuje dwa razy")
        if self.announced is not None and self.announced.year != self.year:
            raise ValueError(f"data ogłoszenia {self.announced.isoformat()} nie należy do rocznika {self.year}")
        if self.seen_on is not None and self.seen_on.year < self.year:
            raise ValueError(f"adres z rocznika {self.year} nie mógł być widziany w dokumencie z {self.seen_on.isoformat()}")
        if self.status is not None and (self.status == "zweryfikowany") != self.verified:
            raise ValueError(f"status „{self.status}” nie zgadza się z verified: {str(self.verified).lower()}")
        return self

    @property
    def row_status(self) -> RowStatus:
        """The status as shown to the user: given, or ``zweryfikowany``/``niezweryfikowany`` from ``verified``."""
        if self.status is not None:
            return self.status
        return "zweryfikowany" if self.verified else "niezweryfikowany"

    @property
    def ref(self) -> JournalRef:
        return JournalRef(self.year, self.issue, tuple(self.positions))

    @property
    def key(self) -> tuple[int, int | None, tuple[int, ...]]:
        """Merge key of rows: (year, issue, positions)."""
        return (self.year, self.issue, tuple(self.positions))

    @property
    def order(self) -> tuple[int, int]:
        return self.ref.order


class FormerTitle(StrictModel):
    """A title the act bore until a day (e.g. "o przeciwdziałaniu przemocy w rodzinie" until the 2023 change):
    a resolution adopted on or before ``until`` cites the act by this title."""

    until: dt.date = Field(description="Ostatni dzień, w którym ustawa nosiła ten tytuł (RRRR-MM-DD).")
    title: NonEmptyText = Field(description="Dawny pełny tytuł.")
    title_genitive: NonEmptyText = Field(description="Dawny tytuł w dopełniaczu.")
    source: NonEmptyText = Field(description="Skąd wiadomo o zmianie tytułu (ustawa zmieniająca, jej adres).")


class _ActFields(StrictModel):
    @model_validator(mode="after")
    def _unique_rows(self) -> _ActFields:
        for name in ("consolidated", "amendments"):
            keys = [row.key for row in getattr(self, name) or ()]
            if len(set(keys)) != len(keys):
                raise ValueError(f"w „{name}” ten sam adres występuje dwa razy")
        return self


class Act(_ActFields):
    """A statute: its names, date, original text, consolidated texts and amendments."""

    title: NonEmptyText = Field(description="Pełny tytuł, np. „ustawa z dnia 8 marca 1990 r. o samorządzie gminnym”.")
    title_genitive: NonEmptyText = Field(description="Tytuł w dopełniaczu do cytowania („ustawy z dnia …”).")
    short: NonEmptyText = Field(description="Skrót, np. „u.s.g.”.")
    date: dt.date = Field(description="Data ustawy (RRRR-MM-DD).")
    original: JournalRow | None = Field(None, description="Adres tekstu pierwotnego.")
    consolidated: list[JournalRow] = Field(default_factory=list, description="Teksty jednolite.")
    amendments: list[JournalRow] = Field(default_factory=list, description="Zmiany (ustawy zmieniające).")
    amendments_checked: dt.date | None = Field(
        None, description="Data, do której lista zmian jest kompletna (sprawdzona w ISAP); brak = nie wiadomo.")
    former_titles: list[FormerTitle] = Field(
        default_factory=list, description="Dawne tytuły ustawy z ostatnim dniem obowiązywania każdego.")

    @model_validator(mode="after")
    def _dates_agree(self) -> Act:
        written = f"z dnia {format_date(self.date)}"
        named = [(name, getattr(self, name)) for name in ("title", "title_genitive")]
        named += [(f"former_titles[{index}].{name}", getattr(former, name))
                  for index, former in enumerate(self.former_titles) for name in ("title", "title_genitive")]
        for name, value in named:
            if written not in value:
                raise ValueError(f"„{name}” nie zawiera daty ustawy „{written}” (pole „date”: {self.date.isoformat()})")
        for row in [*self.texts, *self.amendments]:
            if row.year < self.date.year or (row.announced is not None and row.announced < self.date):
                raise ValueError(f"adres {row.ref.format()} jest wcześniejszy niż ustawa z {format_date(self.date)}")
        return self

    @property
    def texts(self) -> list[JournalRow]:
        """The original and every consolidated text, in announcement order."""
        return sorted([*([self.original] if self.original else []), *self.consolidated], key=lambda row: row.order)

    @property
    def sorted_amendments(self) -> list[JournalRow]:
        return sorted(self.amendments, key=lambda row: row.order)

    def titles_on(self, on: dt.date | None) -> tuple[str, str]:
        """(title, title_genitive) the act bore on ``on`` (None, a draft: today's title)."""
        if on is not None:
            for former in sorted(self.former_titles, key=lambda former: former.until):
                if on <= former.until:
                    return former.title, former.title_genitive
        return self.title, self.title_genitive

    @property
    def eli(self) -> str | None:
        """ELI id of the original text, e.g. ``DU/1990/95`` (None when the catalog lacks the original)."""
        return eli_id(self.original.year, self.original.positions[0]) if self.original else None


class ActPatch(_ActFields):
    """A user catalog's entry for a key the catalog already has: only the fields given change."""

    title: NonEmptyText | None = None
    title_genitive: NonEmptyText | None = None
    short: NonEmptyText | None = None
    date: dt.date | None = None
    original: JournalRow | None = None
    consolidated: list[JournalRow] = Field(default_factory=list)
    amendments: list[JournalRow] = Field(default_factory=list)
    amendments_checked: dt.date | None = None
    former_titles: list[FormerTitle] | None = None


M = TypeVar("M", bound=_ActFields)


class _CatalogFile(StrictModel):
    version: dt.date | None = Field(None, description="Data katalogu (RRRR-MM-DD).")
    acts: dict[str, Any] = Field(description="Ustawy według klucza, np. „samorzad-gminny”.")


def _proven_day(row: JournalRow) -> dt.date | None:
    """The latest day a row proves the state of the journal for: its announcement, or the day of the dated document
    that cited it (that document cited the law as it stood that day) — only for a confirmed row or a dated practice
    row; an unverified row proves nothing."""
    if row.row_status == "niezweryfikowany":
        return None
    days = [day for day in (row.announced, row.seen_on) if day is not None]
    return max(days) if days else None


@dataclass(frozen=True)
class AnnouncementEvidence:
    """What the rows of a whole catalog prove about announcement days, by Dziennik Ustaw year.

    ``by`` holds, per year, (position, day) pairs meaning "announced by that day" (``announced`` or ``seen_on``);
    ``exactly`` holds (position, day) pairs meaning "announced on that day" (``announced`` only). Positions of a
    year are in announcement order (the journal numbers them as it publishes), so a higher position known announced
    by a day proves every lower position announced by then, and a lower position announced after a day proves every
    higher position announced after it.
    """

    by: Mapping[int, tuple[tuple[int, dt.date], ...]]
    exactly: Mapping[int, tuple[tuple[int, dt.date], ...]]

    @classmethod
    def of(cls, acts: Mapping[str, Act]) -> AnnouncementEvidence:
        by: dict[int, list[tuple[int, dt.date]]] = {}
        exactly: dict[int, list[tuple[int, dt.date]]] = {}
        for act in acts.values():
            for row in [*act.texts, *act.amendments]:
                for position in row.positions:
                    for day in (row.announced, row.seen_on):
                        if day is not None:
                            by.setdefault(row.year, []).append((position, day))
                    if row.announced is not None:
                        exactly.setdefault(row.year, []).append((position, row.announced))
        return cls(MappingProxyType({year: tuple(pairs) for year, pairs in by.items()}),
                   MappingProxyType({year: tuple(pairs) for year, pairs in exactly.items()}))

    def announced_by(self, year: int, position: int, on: dt.date) -> bool:
        """Some row of the same year at this or a higher position was announced by ``on``."""
        return any(other >= position and day <= on for other, day in self.by.get(year, ()))

    def announced_after(self, year: int, position: int, on: dt.date) -> bool:
        """Some row of the same year at this or a lower position was announced after ``on``."""
        return any(other <= position and day > on for other, day in self.exactly.get(year, ()))


@dataclass(frozen=True)
class Catalog:
    """The merged catalog; ``files`` lists what it was built from (the package file first)."""

    version: str
    acts: Mapping[str, Act]
    files: tuple[str, ...] = ()

    @property
    def version_date(self) -> dt.date:
        return dt.date.fromisoformat(self.version)

    @functools.cached_property
    def evidence(self) -> AnnouncementEvidence:
        """Announcement days the whole catalog proves (see :class:`AnnouncementEvidence`)."""
        return AnnouncementEvidence.of(self.acts)

    @functools.cached_property
    def current_to(self) -> dt.date | None:
        """The newest day the catalog's confirmed or dated practice rows (or an act's ``amendments_checked``) prove
        (None: nothing proves any day).

        Not ``version`` (the day the file was compiled): a catalog compiled today whose newest proven text is two
        years old knows nothing of the two years between."""
        days = [day for act in self.acts.values() for row in [*act.texts, *act.amendments]
                if (day := _proven_day(row)) is not None]
        # an act whose amendments were checked (ISAP, the ELI API) up to a day proves the journal up to that day
        days += [act.amendments_checked for act in self.acts.values() if act.amendments_checked is not None]
        return max(days) if days else None

    def currency_text(self) -> str:
        """How current the catalog is, in words (``paldocs acts list``, notes)."""
        if self.current_to is None:
            return (f"katalog aktów z dnia {self.version} nie zawiera żadnego wiersza potwierdzonego ani datowanego "
                    "dokumentem — nie wiadomo, do kiedy jest aktualny")
        return (f"katalog aktów z dnia {self.version} jest aktualny najdalej do {format_date(self.current_to)} "
                "(najnowszy tekst lub zmiana potwierdzone w ISAP albo widziane w datowanym dokumencie); nowszych "
                "tekstów jednolitych i zmian może nie znać")

    def act(self, key: str, location: Location | None = None) -> Act:
        """The act under ``key``, or a LegalBasisError naming the known keys (closest first)."""
        act = self.acts.get(key)
        if act is not None:
            return act
        known = sorted(self.acts, key=lambda known: (-difflib.SequenceMatcher(None, key, known).ratio(), known))
        close = difflib.get_close_matches(key, list(self.acts), n=1, cutoff=0.6)
        hint = (f"Czy chodziło o „{close[0]}”? " if close else "") + "Znane ustawy: " + ", ".join(known) + "."
        raise LegalBasisError(f"nieznana ustawa „{key}”", location, hint)


def load_catalog(extra: Sequence[str | Path] = ()) -> Catalog:
    """The package catalog merged with the user catalogs ``extra`` (later files win)."""
    catalog = _package_catalog()
    for path in extra:
        catalog = _merge_file(catalog, Path(path))
    return catalog


@functools.cache
def _package_catalog() -> Catalog:
    """Parsed and validated once per install, later unpickled from the user cache (:mod:`paldocs.usercache`)."""
    from paldocs.usercache import derived_from_package

    version, acts, files = derived_from_package(  # the code that decides what the parsed catalog holds: in the key
        "acts-catalog", "paldocs.legal", "acts.yaml", _parse_package_catalog,
        code=("paldocs.legal.catalog", "paldocs.legal.journal", "paldocs.model.base", "paldocs.model.load",
              "paldocs.model.yaml_reader"))
    return Catalog(version, MappingProxyType(acts), files)


def _parse_package_catalog() -> tuple[str, dict[str, Act], tuple[str, ...]]:
    """``acts.yaml`` parsed and validated: version, acts, files (a plain tuple: what the cache pickles)."""
    text = importlib.resources.files("paldocs.legal").joinpath("acts.yaml").read_text(encoding="utf-8")
    data, positions = parse_yaml(text, PACKAGE_FILE)
    header = _read_header(data, PACKAGE_FILE, positions)
    if header.version is None:
        raise DataError("brak wymaganego pola „version”", Location(PACKAGE_FILE, 1, 1, "version"))
    acts = {key: _validate_act(Act, raw, key, PACKAGE_FILE, positions) for key, raw in header.acts.items()}
    return header.version.isoformat(), acts, (PACKAGE_FILE,)


def _merge_file(base: Catalog, path: Path) -> Catalog:
    file = str(path)
    data, positions = parse_yaml(read_text(path), file)
    header = _read_header(data, file, positions)
    acts = dict(base.acts)
    for key, raw in header.acts.items():
        if key in acts:
            patch = _validate_act(ActPatch, raw, key, file, positions)
            acts[key] = _validate_act(Act, _patched(acts[key], patch), key, file, positions)
        else:
            acts[key] = _validate_act(Act, raw, key, file, positions)
    version = header.version.isoformat() if header.version else base.version
    return Catalog(version, MappingProxyType(acts), (*base.files, file))


def _read_header(data: Any, file: str, positions: Positions) -> _CatalogFile:
    if not isinstance(data, Mapping):
        raise DataError("katalog aktów musi być mapą pól „version” i „acts”", Location(file, 1, 1))
    header: _CatalogFile = validate(_CatalogFile, data, file, positions)
    for key in header.acts:
        if not _KEY.match(key):
            line, column = positions.get(("acts", key), (None, None))
            raise DataError(f"nieprawidłowy klucz ustawy „{key}”: dozwolone małe litery łacińskie, cyfry i „-”",
                            Location(file, line, column, f"acts.{key}"), "Przykład: „samorzad-gminny”.")
    return header


def _validate_act(model: type[M], raw: Any, key: str, file: str, positions: Positions) -> M:
    """Validate one entry with positions relative to it, then put ``acts.<key>`` in front of the path."""
    prefix = ("acts", key)
    relative = {path[2:]: place for path, place in positions.items() if path[:2] == prefix}
    try:
        result: M = validate(model, raw, file, relative)
    except DataError as error:
        inner = error.location.path
        path = f"acts.{key}" + ("" if not inner else inner if inner.startswith("[") else f".{inner}")
        raise DataError(error.message, error.location.with_path(path), error.hint) from None
    return result


def _patched(act: Act, patch: ActPatch) -> dict[str, Any]:
    """The act's fields with the patch applied; rows merged by (year, issue, positions), the patch's winning."""
    merged = act.model_dump()
    for name in patch.model_fields_set:
        value = getattr(patch, name)
        if name in ("consolidated", "amendments"):
            rows = {row.key: row for row in getattr(act, name)}
            rows.update({row.key: row for row in value})
            merged[name] = [row.model_dump() for row in rows.values()]
        else:
            merged[name] = value.model_dump() if isinstance(value, StrictModel) else value
    return merged
