"""``paldocs acts update``: a user catalog file refreshed from the ELI API for the acts documents cite.

Contract:

- :func:`cited_acts` lists the act keys data files cite, in order of first citation: each file's
  ``resolution.legal_basis`` entries and the default legal basis of its kind (a monitoring report: those of
  the program's data file it names). Hand-typed entries (``text``) name no act.
- :func:`fetch_entry` reads one act from the API — its original text, every consolidated text ("Inf. o
  tekście jednolitym") and every amending act ("Akty zmieniające") of Dziennik Ustaw, each by its own metadata
  — and returns the user-catalog entry for it: rows with ``status: zweryfikowany``, ``verified: true``,
  ``announced`` (the API's ``promulgation``, when it gives one) and the source
  "API ELI Sejmu: <address read> (odczyt RRRR-MM-DD)", plus ``amendments_checked`` = the day of reading.
  It also returns notes (``uwaga`` lines) where the API contradicts the catalog: the original's title is none
  of the act's titles (a wrong address?); a consolidated text names another act under "Tekst jednolity dla
  aktu" (that row is left out, not written as verified); the catalog lists consolidated texts the API does not
  (one note per act). ``started``/``progress`` are called for a progress bar.
- :func:`write_catalog` merges entries into the user catalog file ``out`` — created when missing; an existing
  file keeps its other acts, its other fields and its rows the API did not return (a row the API returned
  replaces the user's row of the same address) — and writes it atomically: the merged text is written to a
  temporary file next to ``out``, read back as a catalog (the same validation ``--acts`` gets), and only then
  moved over ``out``. A failure leaves ``out`` as it was. The shipped catalog is never written. Comments of
  an existing file are not kept (the file is rewritten from its data).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from paldocs.errors import DataError, Location, PaldocsError
from paldocs.legal.eli import AMENDING_ACTS, CONSOLIDATED_TEXTS, CONSOLIDATES, EliAct, EliClient, split_eli

if TYPE_CHECKING:
    from paldocs.context import BuildContext
    from paldocs.legal.catalog import Act

HEADER = ("# Katalog aktów użytkownika (ten sam kształt co wbudowany: paldocs/legal/catalog.py), zapisany przez\n"
          "# „paldocs acts update” z API ELI Sejmu. Użycie: paldocs build … --acts <ten plik>.\n")
Row = dict[str, Any]


def cited_acts(files: Iterable[Path], context: BuildContext) -> list[str]:
    """Act keys the data files cite (legal basis entries and their kinds' default bases), each once."""
    from paldocs.kinds import find_kind

    keys: list[str] = []
    for path in files:
        opened = context.open(path)
        if opened.data.is_report:
            program = opened.load_report().program_source
            if program is None:  # a standalone report names no resolution, so no act
                continue
            data, file = program.data, program.file
        else:
            source = opened.load_source()
            data, file = source.data, source.file
        kind = find_kind(context.kinds, data.resolution.kind, file)
        for entry in [*(data.resolution.legal_basis or []), *kind.legal_basis]:
            if entry.act is not None and entry.act not in keys:
                keys.append(entry.act)
    return keys


def reading_source(url: str, today: dt.date) -> str:
    return f"API ELI Sejmu: {url} (odczyt {today.isoformat()})"


def _row(act: EliAct, today: dt.date) -> Row:
    row: Row = {"year": act.year}
    if act.issue is not None:
        row["issue"] = act.issue
    row["positions"] = [act.pos]
    if act.promulgation is not None and act.promulgation.year == act.year:
        row["announced"] = act.promulgation
    row.update(source=reading_source(act.url, today), verified=True, status="zweryfikowany")
    return row


def fetch_entry(client: EliClient, key: str, act: Act, today: dt.date,
                started: Callable[[EliAct, int], None] = lambda act, total: None,
                progress: Callable[[], None] = lambda: None) -> tuple[Row, list[str]]:
    """The user-catalog entry of ``key`` read from the API, and notes about the catalog's rows it contradicts.

    ``started(original, requests)`` is called once the original text is read and the number of further
    requests is known; ``progress()`` after each of them."""
    if act.original is None:
        raise PaldocsError(f"ustawa „{key}” nie ma w katalogu tekstu pierwotnego — nie wiadomo, który akt pobrać "
                           "z API ELI (dopisz „original” w katalogu użytkownika)")
    original = client.act(act.original.year, act.original.positions[0])
    consolidated_ids = original.referenced(CONSOLIDATED_TEXTS)
    amendment_ids = original.referenced(AMENDING_ACTS)
    started(original, len(consolidated_ids) + len(amendment_ids))
    rows: dict[str, list[Row]] = {"consolidated": [], "amendments": []}
    notes = _title_notes(key, act, original)
    for name, ids in (("consolidated", consolidated_ids), ("amendments", amendment_ids)):
        for eli in ids:
            read = client.act(*split_eli(eli))
            restated = read.referenced(CONSOLIDATES)
            if name == "consolidated" and CONSOLIDATES in read.references and original.eli not in restated:
                # the text says it restates another act: a wrong link is not written as a verified row
                other = ", ".join(restated) or "żaden"
                notes.append(f"{key}: API ELI wymienia {read.display_address or read.eli} wśród tekstów jednolitych "
                             f"{original.eli}, ale ten tekst wskazuje jako ujednolicany akt {other} — pominięto go; "
                             "sprawdź w ISAP")
            else:
                rows[name].append(_row(read, today))
            progress()
    order = lambda row: (row["year"], row["positions"][0])  # noqa: E731 — announcement order
    entry: Row = {"original": _row(original, today),
                  "consolidated": sorted(rows["consolidated"], key=order),
                  "amendments": sorted(rows["amendments"], key=order),
                  "amendments_checked": today}
    return entry, notes + _unlisted_notes(key, act, entry["consolidated"])


def _title_notes(key: str, act: Act, original: EliAct) -> list[str]:
    """A note when the API's title of the original is none of the catalog's titles (a wrong address?)."""
    def plain(title: str) -> str:
        return " ".join(title.split()).casefold()

    titles = {plain(act.title), *(plain(former.title) for former in act.former_titles)}
    if plain(original.title) in titles:
        return []
    return [f"{key}: API ELI podaje dla {original.eli} tytuł „{original.title}”, a katalog „{act.title}” — sprawdź, "
            "czy adres tekstu pierwotnego w katalogu jest właściwy"]


def _unlisted_notes(key: str, act: Act, read: list[Row]) -> list[str]:
    """One note naming the catalog's consolidated texts the API does not list for the act."""
    listed = {(row["year"], row["positions"][0]) for row in read}
    unlisted = [row.ref.format() for row in sorted(act.consolidated, key=lambda row: row.order)
                if (row.year, row.positions[0]) not in listed]
    if not unlisted:
        return []
    many = len(unlisted) > 1
    return [f"{key}: katalog podaje jako tekst{'y' if many else ''} jednolit{'e' if many else 'y'} "
            f"{'; '.join(unlisted)}, a API ELI nie wymienia {'ich' if many else 'go'} wśród tekstów jednolitych tej "
            f"ustawy — sprawdź {'je' if many else 'go'} w ISAP"]


def write_catalog(out: Path, entries: Mapping[str, Row], complete: Mapping[str, Act]) -> None:
    """Merge ``entries`` into ``out`` and write it atomically (see the module contract). ``complete``: acts the
    file must define whole (title, date …) because no other catalog defines them."""
    from paldocs.legal.catalog import load_catalog
    from paldocs.model.load import parse_yaml, read_text

    data: dict[str, Any] = {}
    if out.exists():
        existing, _ = parse_yaml(read_text(out), str(out))
        if not isinstance(existing, dict) or not isinstance(existing.get("acts", {}), dict):
            raise DataError("katalog aktów musi być mapą pól „version” i „acts”", Location(str(out), 1, 1))
        data = dict(existing)
    acts: dict[str, Any] = dict(data.get("acts") or {})
    for key, entry in entries.items():
        merged: dict[str, Any] = dict(acts.get(key) or {})
        if key in complete and "title" not in merged:
            whole = complete[key].model_dump(include={"title", "title_genitive", "short", "date"})
            merged = {**whole, **merged}
        merged["original"] = entry["original"]
        for name in ("consolidated", "amendments"):
            kept = {_row_key(row): row for row in merged.get(name) or [] if isinstance(row, dict)}
            kept.update({_row_key(row): row for row in entry[name]})
            merged[name] = sorted(kept.values(), key=lambda row: (_int(row.get("year")), _first(row)))
        merged["amendments_checked"] = entry["amendments_checked"]
        acts[key] = merged
    data["acts"] = acts
    text = HEADER + yaml.dump(_flow_rows(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)
    _replace_atomically(out, text, lambda path: load_catalog([path]))


def _row_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    positions = row.get("positions")
    return (row.get("year"), row.get("issue"), tuple(positions) if isinstance(positions, list) else positions)


def _int(value: Any) -> int:
    return value if isinstance(value, int) else 0


def _first(row: Mapping[str, Any]) -> int:
    positions = row.get("positions")
    return _int(positions[0]) if isinstance(positions, list) and positions else 0


def _replace_atomically(out: Path, text: str, check: Callable[[Path], object]) -> None:
    """Write ``text`` next to ``out``, ``check`` it, then move it over ``out``; on any failure ``out`` stays."""
    from paldocs.errors import RenderError, describe_os_error

    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".yaml", dir=folder)
    except OSError as error:
        raise RenderError(f"nie można zapisać katalogu ({describe_os_error(error)})", Location(str(out))) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        try:
            check(temporary)
        except PaldocsError as error:
            raise PaldocsError(f"zaktualizowany katalog nie przechodzi sprawdzenia ({error.message}) — plik {out} "
                               "nie został zmieniony; popraw go ręcznie albo zapisz wynik do nowego pliku") from None
        os.replace(temporary, out)
    except OSError as error:
        raise RenderError(f"nie można zapisać katalogu ({describe_os_error(error)})", Location(str(out))) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


class _FlowRow(dict):  # type: ignore[type-arg]
    """An address row: written on one line, as in the shipped catalog."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the same date twice is written twice, never as an anchor and "*id001"


_Dumper.add_representer(_FlowRow, lambda dumper, row: dumper.represent_mapping("tag:yaml.org,2002:map", row,
                                                                               flow_style=True))


def _flow_rows(data: dict[str, Any]) -> dict[str, Any]:
    """The catalog with its address rows marked for one-line output."""
    acts = {}
    for key, act in data["acts"].items():
        if isinstance(act, dict):
            act = dict(act)
            if isinstance(act.get("original"), dict):
                act["original"] = _FlowRow(act["original"])
            for name in ("consolidated", "amendments", "former_titles"):
                if isinstance(act.get(name), list):
                    act[name] = [_FlowRow(row) if isinstance(row, dict) else row for row in act[name]]
        acts[key] = act
    return {**data, "acts": acts}


__all__ = ["cited_acts", "fetch_entry", "reading_source", "write_catalog"]
