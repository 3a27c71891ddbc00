"""Composing the annexes of a resolution: their numbers, their template context and their pictures.

Contract:
- :func:`annex_designations` numbers the annexes in the order the document prints them — the program first
  (when there is one), then ``annexes`` — and gives each its designation: ``None`` when there is exactly one
  annex (it is "Załącznik do Uchwały …", referred to as "załącznik"), else 1, 2, … ("Załącznik Nr 2 do
  Uchwały …", "załącznik nr 2"). Source: docs/domain.md § 6 (practice); that ZTP § 28 ust. 4 requires the
  numbering is niezweryfikowane (not verified here), so checks built on it report but never invent more.
- :func:`adoption_context` (an :class:`AdoptedTitle`, worked out when a template first reads it) is what the
  kind's § 1 needs: the program's title in the accusative, the participle
  agreeing with its head noun (:mod:`paldocs.polish.agreement`) and the reference ("załącznik" /
  "załącznik nr 1"). A title whose accusative is its nominative is passed on as the same object, so the
  printed text keeps its origin (the data field).
- :func:`compose_annexes` renders every annex part with its own context (``annex_number``, ``annex``,
  ``annex_asset``) and reads the pictures of file annexes (:mod:`paldocs.annex_files`): the pictures become
  Figure assets (by id ``zalacznik-<n>``) and their paths inputs of the build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paldocs.annex_files import AnnexPicture, read_annex_picture
from paldocs.errors import Location
from paldocs.model.annex import NOT_REPRODUCED_NOTE
from paldocs.model.resolution import DataFile
from paldocs.polish.agreement import adopted_forms
from paldocs.sourcemap import SourceMap

__all__ = ["AdoptedTitle", "ComposedAnnex", "HEADING_NUMBERING", "adoption_context", "annex_designations",
           "annex_reference", "compose_annexes"]

# section_numbering in the data → the part's heading numbering (paldocs.numbering)
HEADING_NUMBERING = {"roman": "roman-dot", "decimal": "decimal-dot", "chapter": "chapter-decimal",
                     "chapter-roman": "chapter-roman"}

Locate = Callable[[tuple[str | int, ...]], Location]


@dataclass(frozen=True, slots=True)
class ComposedAnnex:
    markdown: str
    origins: SourceMap
    label: str  # "Załącznik", "Załącznik nr 2"
    heading_numbering: str | None


def annex_designations(data: DataFile) -> list[int | None]:
    """The number of each printed annex (program first), or ``[None]`` for a single annex."""
    count = (data.program is not None) + len(data.annexes)
    return [None] if count == 1 else list(range(1, count + 1))


def annex_reference(designation: int | None) -> str:
    """How a provision refers to the annex: "załącznik" or "załącznik nr 2"."""
    return "załącznik" if designation is None else f"załącznik nr {designation}"


class AdoptedTitle:
    """What the kind's § 1 prints about the adopted program: ``accusative`` (its title in the accusative),
    ``participle`` and ``reference``. Worked out on first use only — a kind whose § 1 does not name the program
    never loads the dictionary nor fails on a title it cannot inflect; what the dictionary could not tell is
    added to ``notes``."""

    def __init__(self, data: DataFile, file: str | None, locate: Locate | None, notes: list[str]) -> None:
        self._data, self._file, self._locate, self._notes = data, file, locate, notes
        self._forms: tuple[str, str] | None = None

    def _worked_out(self) -> tuple[str, str]:
        if self._forms is None:
            program = self._data.program
            assert program is not None
            where = self._locate(("program", "title")) if self._locate else Location(self._file, path="program.title")
            forms = adopted_forms(program.title, field="program", gender=program.title_gender,
                                  accusative=program.title_accusative, where=where)
            if forms.note:
                self._notes.append(f"{where}: {forms.note}")
            # the very same string when nothing changed, so that the printed title keeps its data origin
            accusative = program.title_accusative or (program.title if forms.accusative == program.title
                                                      else forms.accusative)
            self._forms = (accusative, forms.participle)
        return self._forms

    @property
    def accusative(self) -> str:
        return self._worked_out()[0]

    @property
    def participle(self) -> str:
        return self._worked_out()[1]

    @property
    def reference(self) -> str:
        return annex_reference(annex_designations(self._data)[0])


def adoption_context(data: DataFile, file: str | None, locate: Locate | None,
                     notes: list[str]) -> AdoptedTitle | None:
    """``adopted`` in the template context: the program the resolution adopts (None without a program)."""
    return AdoptedTitle(data, file, locate, notes) if data.program is not None else None


def compose_annexes(data: DataFile, context: dict[str, Any], render: Callable[[str], tuple[str, SourceMap]],
                    file: str | None, locate: Locate | None,
                    assets: dict[str, Any], inputs_read: list[str]) -> Iterator[ComposedAnnex]:
    """Render each annex part in order (program first); pictures go to ``assets``, their files to ``inputs_read``."""
    designations = iter(annex_designations(data))
    if data.program is not None:
        number = next(designations)
        context.update(annex_number=number, annex=None, annex_asset="")
        markdown, origins = render("annex.md.j2")
        yield ComposedAnnex(markdown, origins, _label(number),
                            HEADING_NUMBERING.get(data.program.section_numbering))
    folder = Path(file).parent if file else Path(".")
    for index, annex in enumerate(data.annexes):
        number = next(designations)
        asset = f"zalacznik-{index + 1}"
        if annex.file is not None:
            where = locate(("annexes", index, "file")) if locate else Location(file, path=f"annexes[{index}].file")
            picture: AnnexPicture = read_annex_picture(folder, annex, where)
            assets[asset] = picture
            inputs_read.append(str(picture.path))
        numbering = HEADING_NUMBERING.get(annex.section_numbering)
        report_markdown = None
        if annex.report is not None:
            where = locate(("annexes", index, "report")) if locate else Location(file, path=f"annexes[{index}].report")
            report_markdown, numbering = _report_annex(folder, annex.report, where, assets, inputs_read)
        context.update(annex_number=number, annex=annex, annex_asset=asset, not_reproduced_note=NOT_REPRODUCED_NOTE,
                       annex_report=report_markdown)
        markdown, origins = render("annex-other.md.j2")
        yield ComposedAnnex(markdown, origins, _label(number), numbering)


def _report_annex(folder: Path, name: str, where: Location, assets: dict[str, Any],
                  inputs_read: list[str]) -> tuple[str, str | None]:
    """The report ``name`` (a ``document: report`` file in ``folder``) composed as an annex's body: its Markdown
    (trusted, printed as it is) and heading numbering; its charts join ``assets``, its files ``inputs_read``.
    The report's own errors keep their place in the report file; a missing file is located at ``where``."""
    from paldocs import inputs
    from paldocs.annex_files import annex_file_path
    from paldocs.compose import Md
    from paldocs.errors import DataError
    from paldocs.report.compose import compose_report
    from paldocs.report.load import load_report

    path = annex_file_path(folder, name, where, report=True)
    if not inputs.exists(path):
        raise DataError(f"nie ma pliku sprawozdania „{name}” w folderze pliku danych", where)
    source = load_report(path)
    composition = compose_report(source)
    for asset in composition.assets:
        if asset in assets:
            raise DataError("uchwała może mieć w załącznikach tylko jedno sprawozdanie z wykresami", where)
    assets.update(composition.assets)
    inputs_read.extend(str(read) for read in source.files)
    part = composition.parts[0]
    return Md(part.markdown), part.heading_numbering


def _label(number: int | None) -> str:
    return "Załącznik" if number is None else f"Załącznik nr {number}"

