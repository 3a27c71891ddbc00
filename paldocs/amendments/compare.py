"""Comparison of two versions of an act: "dotychczasowe brzmienie | nowe brzmienie" per changed unit.

Contract:
- :func:`marked_wordings` marks the changed words (difflib over words and punctuation; a run of spaces, a
  non-breaking one too, compares as one space): the old wording with the dropped words in
  :class:`~paldocs.document.Deleted`, the new one with the added words in :class:`~paldocs.document.Inserted`;
  the whitespace around a changed run stays outside the mark, printed lines are separated by LineBreaks.
- :func:`table_of` is the table "Lp. | Jednostka | Dotychczasowe brzmienie | Nowe brzmienie" of the changed
  units (:class:`~paldocs.amendments.compare_units.ComparedUnit`): a unit the new version adds prints "—" as its
  old wording and its new wording wholly inserted; a unit it drops prints its old wording wholly deleted and
  "(uchylony)", as a repealed unit prints.
- :func:`comparison_table` (for the uzasadnienie of an amending resolution) and :func:`comparison_document`
  (the standalone document, titled "ZESTAWIENIE ZMIAN" and "w uchwale Nr … Rady … z dnia … w sprawie …") take
  two data files (or their IR documents). From data files the rows are the units of the amendment plan, named
  as the amending resolution names them (:mod:`paldocs.amendments.compare_plan`: "§ 1a", "… pkt 2a"); from IR
  documents, or when no plan can be made, the units as printed (:mod:`paldocs.amendments.compare_units`).
  :func:`compare` reads two data files and writes the comparison to the formats asked for (``paldocs
  compare``), all or nothing.
- :func:`in_justification` places such a table at the end of the justification of a built amending
  resolution (creating the justification when there is none).
- Bad inputs are :class:`~paldocs.errors.DataError` s located at the new file: two versions without a
  difference (nothing to compare), versions of different resolutions (another municipality, or both adopted
  with different numbers or dates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

from paldocs import document as ir
from paldocs.amendments.compare_plan import planned_units
from paldocs.amendments.compare_units import ComparedUnit, compared_units
from paldocs.errors import DataError, Location, PaldocsError
from paldocs.model.resolution import DataFile, ResolutionNumber
from paldocs.polish.typography import apply_typography

COLUMNS = ("Lp.", "Jednostka", "Dotychczasowe brzmienie", "Nowe brzmienie")
NO_UNIT = "—"  # the old column of a unit the new version adds
REPEALED = "(uchylony)"  # the new column of a unit the new version drops — as a repealed unit prints
TITLE = "ZESTAWIENIE ZMIAN"
CAPTION = "Zestawienie zmian"  # the table's caption in the justification
JUSTIFICATION_TITLE = "UZASADNIENIE"  # as templates/justification.md.j2 titles it
OUTPUT_SUFFIX = "-zestawienie-zmian"  # <new file's stem><suffix>.<format>


# --- word marks -----------------------------------------------------------------------------------------

# A word (with inner hyphens: "społeczno-zawodowy"), one punctuation sign, a run of spaces, or a line end: a
# sentence that gains words before its full stop marks only the words, not "wrażliwych." as a new word.
_TOKEN = re.compile(r"\n|\w+(?:-\w+)*|[^\w\s]|[^\S\n]+")


def _tokens(lines: Sequence[str]) -> list[str]:
    return _TOKEN.findall("\n".join(lines))


def _comparable(tokens: list[str]) -> list[str]:
    """Tokens as compared: any run of spaces (a non-breaking one too) is one space — typography is no change."""
    return [token if token.strip() or token == "\n" else " " for token in tokens]


def _inlines(tokens: Sequence[str], mark: Callable[[tuple[ir.Inline, ...]], ir.Inline] | None) -> list[ir.Inline]:
    """``tokens`` as inlines: line ends become LineBreaks; with ``mark``, each run of words between line ends is
    wrapped in it, the whitespace at its edges left outside (a struck-through space is noise, not a change)."""
    out: list[ir.Inline] = []
    for index, line in enumerate("".join(tokens).split("\n")):
        if index:
            out.append(ir.LineBreak())
        words = line.strip()
        if not words:
            if line:
                out.append(ir.Text(line))
            continue
        lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()):]
        body: ir.Inline = mark((ir.Text(words),)) if mark else ir.Text(words)
        out += [*([ir.Text(lead)] if lead else []), body, *([ir.Text(trail)] if trail else [])]
    return out


def _merged(inlines: list[ir.Inline]) -> list[ir.Inline]:
    """Neighbouring plain texts joined into one (the same words, fewer runs)."""
    out: list[ir.Inline] = []
    for node in inlines:
        if out and type(node) is ir.Text and type(out[-1]) is ir.Text:
            out[-1] = ir.Text(out[-1].text + node.text)  # type: ignore[union-attr]
        else:
            out.append(node)
    return out


def marked_wordings(old: Sequence[str], new: Sequence[str]) -> tuple[list[ir.Inline], list[ir.Inline]]:
    """The old and the new lines as inlines, the words dropped marked Deleted and the words added Inserted.

    Words are compared as whole words (whitespace is not a word: a changed space is no change); a replaced
    run is marked on both sides."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(lambda token: token == " ", _comparable(old_tokens), _comparable(new_tokens),
                              autojunk=False)
    old_out: list[ir.Inline] = []
    new_out: list[ir.Inline] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_out += _inlines(old_tokens[i1:i2], None)
            new_out += _inlines(new_tokens[j1:j2], None)
            continue
        old_out += _inlines(old_tokens[i1:i2], ir.Deleted)
        new_out += _inlines(new_tokens[j1:j2], ir.Inserted)
    return _merged(old_out), _merged(new_out)


# --- table and document ---------------------------------------------------------------------------------


def _cell(inlines: list[ir.Inline]) -> ir.TableCell:
    return ir.TableCell(inlines, "left")


def table_of(units: Sequence[ComparedUnit]) -> ir.Table:
    """The comparison table of ``units``: one row each, numbered "1.", "2." …, the changed words marked."""
    header = [[ir.TableCell([ir.Text(name)], "center") for name in COLUMNS]]
    rows: list[list[ir.TableCell]] = []
    for number, unit in enumerate(units, start=1):
        if unit.old is not None and unit.new is not None:
            old, new = marked_wordings(unit.old, unit.new)
        else:
            old = [ir.Text(NO_UNIT)] if unit.old is None else _merged(_inlines(_tokens(unit.old), ir.Deleted))
            new = [ir.Text(REPEALED)] if unit.new is None else _merged(_inlines(_tokens(unit.new), ir.Inserted))
        citation = _cell([ir.Text(apply_typography(unit.unit))])  # "§ 2 ust. 1": never "§" alone at a line end
        rows.append([ir.TableCell([ir.Text(f"{number}.")], "right"), citation, _cell(old), _cell(new)])
    return ir.Table(header, rows)


def comparison_table(old: DataFile | ir.Document, new: DataFile | ir.Document) -> ir.Table:
    """The table of every changed unit of ``new`` against ``old`` (for the uzasadnienie of the amending
    resolution); versions without a difference: DataError."""
    return table_of(_changes(old, new, _document(old), _document(new)))


def comparison_document(old: DataFile | ir.Document, new: DataFile | ir.Document) -> ir.Document:
    """The standalone comparison: title, the act it compares, the table (``paldocs compare``)."""
    old_doc, new_doc = _document(old), _document(new)
    return _document_of(old_doc, _changes(old, new, old_doc, new_doc))


def in_justification(document: ir.Document, table: ir.Table) -> ir.Document:
    """``document`` (an amending resolution, built) with ``table`` closing its justification — captioned
    "Zestawienie zmian"; a resolution without a justification gets one ("UZASADNIENIE", then the table), after
    its annexes, where the justification part stands."""
    captioned = ir.Table(table.header, table.rows, [ir.Text(CAPTION)], table.origin)
    parts = list(document.parts)
    index = next((i for i, part in enumerate(parts) if part.kind == "justification"), None)
    if index is None:
        title = ir.Div("justification-title", [ir.Paragraph([ir.Text(JUSTIFICATION_TITLE)])])
        parts.append(ir.Part("justification", [title, captioned], label="Uzasadnienie"))
    else:
        part = parts[index]
        notes = [block for block in part.blocks if isinstance(block, ir.Footnote)]  # footnotes stay last
        blocks = [block for block in part.blocks if not isinstance(block, ir.Footnote)]
        parts[index] = ir.Part(part.kind, [*blocks, captioned, *notes], part.page_numbers, part.label,
                               part.heading_numbering)
    return ir.Document(document.meta, parts, document.house_style)


def _document_of(old_doc: ir.Document, units: Sequence[ComparedUnit]) -> ir.Document:
    table = table_of(units)
    meta = old_doc.meta
    subject = f"{_in_act(meta.title)} {meta.subject}".strip()
    title = ir.Div("justification-title", [ir.Paragraph([ir.Text(TITLE)])])
    act = ir.Div("center", [ir.Paragraph([ir.Text(apply_typography(subject))])])
    part = ir.Part("justification", [title, act, table], page_numbers=True, label="Zestawienie zmian")
    # No number: the comparison is not the resolution; the date keeps the output reproducible (writers.dates).
    return ir.Document(ir.Meta(title=f"Zestawienie zmian {_in_act(meta.title)}".strip(), subject=meta.subject,
                               language=meta.language, author=meta.author, date=meta.date,
                               keywords=("zestawienie zmian", *meta.keywords),
                               paragraph_layout=meta.paragraph_layout), [part], old_doc.house_style)


def _in_act(title: str) -> str:
    """The act in the locative: "Uchwała Nr … Rady … z dnia …" → "w uchwale Nr … Rady … z dnia …"."""
    for head, locative in (("Uchwała ", "w uchwale "), ("Załącznik do uchwały ", "w załączniku do uchwały ")):
        if title.startswith(head):
            return locative + title.removeprefix(head)
    return f"— {title}" if title else ""


def _document(data: DataFile | ir.Document) -> ir.Document:
    if isinstance(data, ir.Document):
        return data
    from paldocs.api import to_document

    return to_document(data, charts=False)[0]


def _changes(old: DataFile | ir.Document, new: DataFile | ir.Document, old_doc: ir.Document, new_doc: ir.Document,
             where: Location | None = None) -> list[ComparedUnit]:
    """The rows: from two data files the amendment plan's units (:mod:`paldocs.amendments.compare_plan`), the annex
    compared as printed when the plan gives it a new wording as a whole; from built documents only, or when the
    plan cannot be made (e.g. a version the amendment tools refuse), the units as printed
    (:func:`~paldocs.amendments.compare_units.compared_units`)."""
    units: list[ComparedUnit] | None = None
    if isinstance(old, DataFile) and isinstance(new, DataFile):
        try:
            planned = planned_units(old, new)
        except (PaldocsError, ValueError):  # an act the unit tree cannot address (e.g. a tiret right in an ustęp)
            planned = None
        if planned is not None:
            units = planned.units
            if planned.annex_replaced:
                units += [unit for unit in compared_units(old_doc, new_doc) if unit.unit.startswith("załącznik")]
    if units is None:
        units = list(compared_units(old_doc, new_doc))
    if not units:
        raise DataError("nowa wersja nie różni się od dotychczasowej w żadnej jednostce — nie ma czego zestawić",
                        where, "porównaj plik dotychczasowy z plikiem, w którym wprowadzono zmiany")
    return units


def same_act_conflict(old: DataFile, new: DataFile) -> str | None:
    """Why ``new`` cannot be a version of the act in ``old`` (None when it can): another municipality, or both
    adopted with different numbers or dates."""
    if old.municipality.name != new.municipality.name:
        return f"plik nowej wersji dotyczy gminy {new.municipality.name}, a dotychczasowej — {old.municipality.name}"
    old_res, new_res = old.resolution, new.resolution
    for name, label in (("number", "numer"), ("date", "datę")):
        before, after = getattr(old_res, name), getattr(new_res, name)
        if before is not None and after is not None and before != after:
            return (f"obie wersje mają {label} uchwały, ale różne ({_shown(before)} i {_shown(after)}) — to nie "
                    "jest ta sama uchwała")
    return None


def _shown(value: object) -> str:
    if isinstance(value, ResolutionNumber):
        return "/".join(str(part) for part in (value.session, value.number, value.year) if part is not None)
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else str(value)


def compare(old_path: str | Path, new_path: str | Path, formats: Iterable[str] = ("docx", "pdf"),
                  out_dir: str | Path | None = None) -> list[Path]:
    """Read both data files, compare them and write ``<out>/<new stem>-zestawienie-zmian.<format>`` for every
    format (default folder: the new file's); returns the files written."""
    from paldocs.api import check_formats, load, render_all, to_document, write_all_atomically

    old_path, new_path = Path(old_path), Path(new_path)
    wanted = check_formats(formats)
    old_data, new_data = load(old_path), load(new_path)
    where = Location(str(new_path))
    if conflict := same_act_conflict(old_data, new_data):
        raise DataError(conflict, where, "porównuje się dwie wersje tej samej uchwały (ten sam numer i data)")
    old_doc = to_document(old_data, source=str(old_path), charts=False)[0]
    new_doc = to_document(new_data, source=str(new_path), charts=False)[0]
    document = _document_of(old_doc, _changes(old_data, new_data, old_doc, new_doc, where))
    target_dir = Path(out_dir) if out_dir is not None else new_path.parent
    targets = {fmt: target_dir / f"{new_path.stem}{OUTPUT_SUFFIX}.{fmt}" for fmt in wanted}
    if any(target.resolve() in (old_path.resolve(), new_path.resolve()) for target in targets.values()):
        raise DataError("plik wynikowy nadpisałby plik danych — wybierz inny katalog (--out)", where)
    outputs = render_all(document, wanted)
    write_all_atomically({targets[fmt]: content for fmt, content in outputs.items()})
    return list(targets.values())
