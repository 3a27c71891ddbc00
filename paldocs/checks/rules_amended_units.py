"""Rules over an amending resolution against the act it amends (PD085–PD089): the units exist, numbers never move,
replaced words are there, the title and subject agree with the amended act's data.

Contract: the amended act is read from its data file in the amending file's folder — any ``*.yaml`` there whose
resolution has the number and date ``resolution.amends`` names (the way paldocs keeps the two versions side by
side, docs/amendments.md "Consolidated text"). Without such a file only PD086's own-number check runs and PD089
says once that the units were not checked. A resolution that amends nothing yields nothing. The changes are
applied in their order (:func:`paldocs.amendments.apply.apply_change`), so a later change sees an earlier one's unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from paldocs.checks.engine import CheckContext, Report, rule
from paldocs.errors import PaldocsError
from paldocs.model.amendment import Amendment
from paldocs.model.resolution import DataFile, ResolutionNumber
from paldocs.unit_numbers import plain_position, split_number

# The last check run's amended act: four rules ask for it, the folder is read once per run.
_LAST: list[tuple[CheckContext, DataFile | None]] = []


def _amendment(context: CheckContext) -> Amendment | None:
    return getattr(context.data.resolution, "amends", None)


def amended_act(context: CheckContext) -> DataFile | None:
    """The amended resolution's data from the amending file's folder (None when there is none)."""
    amendment = _amendment(context)
    if amendment is None or not context.source.file:
        return None
    if _LAST and _LAST[0][0] is context:
        return _LAST[0][1]
    folder = Path(context.source.file).resolve().parent
    found = _find(folder, Path(context.source.file).resolve(), amendment)
    _LAST[:] = [(context, found)]
    return found


def _find(folder: Path, itself: Path, amendment: Amendment) -> DataFile | None:
    """The file ``amends.resolution.data`` names, else a file of the folder with the amended number and date —
    preferring one the changes apply to: the version after the amendment (kept beside it) has the same number."""
    from paldocs.api import load, make_context

    wanted = amendment.resolution
    try:
        number = ResolutionNumber.model_validate(wanted.number)
    except ValueError:
        return None
    context = make_context(None)
    paths = [folder / wanted.data] if wanted.data else sorted(folder.glob("*.yaml"))
    matches: list[DataFile] = []
    for path in paths:
        if path.resolve() == itself or not path.is_file() \
                or str(number.number) not in path.read_text(encoding="utf-8", errors="replace"):
            continue
        try:
            data = load(path, context=context)
        except PaldocsError:
            continue
        found = data.resolution.number
        if found is not None and (found.session, found.number, found.year) == (number.session, number.number,
                                                                                number.year) \
                and data.resolution.date == wanted.date:
            matches.append(data)
    return next((data for data in matches if _applies(data, amendment)), matches[0] if matches else None)


def _applies(data: DataFile, amendment: Amendment) -> bool:
    from paldocs.amendments.apply import apply_amendment

    try:
        apply_amendment(data, amendment)
    except (PaldocsError, ValueError):  # refused: not this version (PD085 reports why on the chosen one)
        return False
    return True


def _change_path(index: int) -> tuple[str | int, ...]:
    return ("resolution", "amends", "changes", index, "unit")


@rule("PD085", "error", "zmieniana jednostka istnieje w uchwale zmienianej")
def amended_units_exist(context: CheckContext) -> Iterator[Report]:
    """Każda zmiana wskazuje jednostkę, która jest w uchwale zmienianej (nowe brzmienie, uchylenie, zmiana wyrazów),
    a dodawana jednostka — jednostkę nadrzędną i tę, po której stoi (§ 88–§ 90 ZTP: zmiana dotyczy jednostki
    aktu zmienianego). Zmiany stosuje się po kolei do danych uchwały zmienianej z tego samego folderu; jednostka
    wpisana ręcznie z błędem („§ 7” w uchwale o pięciu paragrafach) jest tu błędem. docs/amendments.md,
    „Consolidated text”."""
    amendment, act = _amendment(context), amended_act(context)
    if amendment is None or act is None:
        return
    from paldocs.amendments.apply import ChangeRefused, apply_change  # only an amending resolution needs it

    data = act
    for index, change in enumerate(amendment.changes):
        if change.op == "words":
            continue  # PD087 says what is wrong with the words; the unit itself is checked there too
        try:
            data = apply_change(data, change, new_annex=context.data.program)
        except (ChangeRefused, ValueError) as error:
            yield Report(f"zmiana {index + 1}: w uchwale Nr {amendment.resolution.number} {error}", _change_path(index))
        except PaldocsError as error:
            yield Report(f"zmiana {index + 1}: {error.message}", _change_path(index))


@rule("PD086", "error", "dodana jednostka nie przenumerowuje innych")
def added_units_keep_numbers(context: CheckContext) -> Iterator[Report]:
    """Jednostka dodana między istniejące bierze numer poprzedniej z kolejną literą („po § 4 dodaje się § 4a”,
    „pkt 2a”), a numery istniejących się nie zmieniają — zwykły numer tylko na końcu jednostki nadrzędnej
    (praktyka aktów zmieniających, np. „po art. 8c dodaje się art. 8ca”, Dz. U. z 2017 r. poz. 976; § 86 ZTP —
    docs/amendments.md, „Numbers that never move”). Bez danych uchwały zmienianej sprawdza się tylko, czy numer
    następuje po jednostce „after”."""
    from paldocs.amendments.tree import act_tree, find

    amendment = _amendment(context)
    if amendment is None:
        return
    act = amended_act(context)
    tree = act_tree(act) if act is not None else None
    for index, change in enumerate(amendment.changes):
        if change.op != "insert" or change.address.last()[0] == "tiret":
            continue
        kind, num = change.address.last()
        counter = _counter(kind, num)
        parts = split_number(num, counter)  # type: ignore[arg-type]
        after = change.after_address
        after_parts = split_number(after.last()[1], counter) if after is not None else None  # type: ignore[arg-type]
        if parts is None:
            continue
        plain, suffix = parts
        if suffix:
            if after_parts is not None and after_parts[0] != plain:
                yield Report(f"zmiana {index + 1}: {change.address} stoi po {after} — jednostka dodana po niej bierze "
                             f"jej numer z literą (np. „{after.last()[1]}a”)", _change_path(index))  # type: ignore[union-attr]
            continue
        position = plain_position(plain, counter)  # type: ignore[arg-type]
        previous = plain_position(after_parts[0], counter) if after_parts is not None else 0  # type: ignore[arg-type]
        if after_parts is not None and (after_parts[1] or position != previous + 1):
            yield Report(f"zmiana {index + 1}: po {after} nie następuje „{num}” — dodana jednostka bierze numer "
                         f"poprzedniej z literą („{after.last()[1]}a”)", _change_path(index),  # type: ignore[union-attr]
                         fix=f"{after.last()[1]}a")  # type: ignore[union-attr]
            continue
        if tree is None:
            continue
        parent_address = change.address.parent()
        parent = find(tree, parent_address) if parent_address is not None else tree
        if parent is None:
            continue  # PD085 reports the missing parent
        siblings = [child for child in parent.children if child.kind == kind]
        if siblings and (after is None or (siblings[-1].kind, siblings[-1].num) != after.last()):
            example = f"{after.last()[1]}a" if after is not None else "—"
            yield Report(f"zmiana {index + 1}: {change.address} stoi między istniejącymi jednostkami z numerem bez "
                         f"litery — numery dalszych jednostek by się przesunęły; dodana jednostka bierze numer "
                         f"poprzedniej z literą („{example}”)", _change_path(index))


def _counter(kind: str, num: str) -> str:
    if kind == "litera":
        return "letter"
    return "roman" if re.fullmatch(r"[IVXLCDM]+[a-z]*", num) else "decimal"


@rule("PD087", "error", "zastępowane wyrazy są w jednostce")
def replaced_words_exist(context: CheckContext) -> Iterator[Report]:
    """Wyrazy zastępowane albo skreślane („wyrazy „…” zastępuje się wyrazami „…””, § 91 ZTP) występują
    w jednostce, którą zmiana wskazuje; występują kilka razy — ostrzeżenie: zmiana obejmie każde wystąpienie,
    a czytelnik nie wie, które miano na myśli (reguła redakcyjna paldocs: zmiana wyrazów ma być jednoznaczna).
    docs/amendments.md, „Consolidated text”."""
    from paldocs.amendments.tree import act_tree, find, wording

    amendment, act = _amendment(context), amended_act(context)
    if amendment is None or act is None:
        return
    tree = act_tree(act)
    for index, change in enumerate(amendment.changes):
        if change.op != "words":
            continue
        node = find(tree, change.address)
        where = ("resolution", "amends", "changes", index, "old_words")
        if node is None:
            yield Report(f"zmiana {index + 1}: w uchwale Nr {amendment.resolution.number} nie ma {change.address}",
                         _change_path(index))
            continue
        count = wording(node).count(str(change.old_words))
        if count == 0:
            yield Report(f"zmiana {index + 1}: w {change.address} nie ma wyrazów „{change.old_words}”", where)
        elif count > 1:
            yield Report(f"zmiana {index + 1}: wyrazy „{change.old_words}” występują w {change.address} {count} razy — "
                         "zmiana obejmie każde wystąpienie; wskaż jednostkę niższego stopnia albo dłuższy fragment",
                         where, severity="warning")


@rule("PD088", "warning", "zmieniana uchwała nazwana jak w jej danych")
def amended_title_agrees(context: CheckContext) -> Iterator[Report]:
    """Tytuł „w sprawie …” zmienianej uchwały (resolution.amends.resolution.subject) jest taki, jak w jej danych —
    uchwałę zmienianą przytacza się jej tytułem (§ 85 ust. 2 ZTP: „W uchwale Nr … z dnia … w sprawie …
    wprowadza się następujące zmiany”). docs/amendments.md, „Consolidated text”."""
    amendment, act = _amendment(context), amended_act(context)
    if amendment is None or act is None:
        return
    from paldocs.amendments.consolidate import act_subject

    expected = act.resolution.subject or act_subject(act)
    if " ".join(expected.split()) != " ".join(amendment.resolution.subject.split()):
        yield Report(f"uchwała zmieniana ma tytuł „{expected}”, a zmiana podaje „{amendment.resolution.subject}”",
                     ("resolution", "amends", "resolution", "subject"), fix=expected)


@rule("PD089", "info", "dane uchwały zmienianej nie znalezione")
def amended_act_not_found(context: CheckContext) -> Iterator[Report]:
    """Jednostek zmienianych (PD085–PD088) nie sprawdzono: w folderze pliku nie ma danych uchwały o numerze i dacie
    z resolution.amends. Zapisz dane uchwały zmienianej obok (np. z paldocs import), aby paldocs check sprawdził,
    czy zmieniane jednostki istnieją. docs/amendments.md, „Consolidated text”."""
    amendment = _amendment(context)
    if amendment is None or amended_act(context) is not None:
        return
    yield Report(f"nie znaleziono w folderze pliku danych uchwały Nr {amendment.resolution.number} z dnia "
                 f"{amendment.resolution.date:%d.%m.%Y} r. — nie sprawdzono, czy zmieniane jednostki istnieją",
                 ("resolution", "amends", "resolution"))
