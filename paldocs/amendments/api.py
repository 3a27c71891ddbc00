"""``paldocs.amend(old, new)``: the data file of the resolution that amends OLD so that it reads as NEW.

Contract: :func:`amend` returns a :class:`~paldocs.model.resolution.DataFile` of kind „zmiana” (built by
``paldocs build`` like any resolution) whose ``amends`` names OLD — its number, date and title as OLD's data
print them — and lists the changes of :func:`paldocs.amendments.diff.diff_acts`. The amending resolution takes
OLD's municipality, legal basis (as OLD prints it: its own or its kind's) and whether it is an act of local law
(its entry into force then follows OLD's kind: „po upływie 14 dni od dnia ogłoszenia …”); the executor is
OLD's. A whole new annex becomes its ``program``. :func:`amendment_plan` gives the plan with the data, for
the command line (which shows the § 84 ZTP proposal).

Refused, with one located message (:class:`~paldocs.errors.DataError`): OLD without a number or a date (an
amended resolution has been adopted); OLD and NEW of different municipalities, or both numbered and dated
differently (two different resolutions); NEW without changes; changes that § 84 ZTP says call for a new
resolution, unless ``force`` (the reason is the message).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from paldocs.amendments.diff import TITLE_CHANGES, AmendmentPlan, AnnexForm, diff_acts
from paldocs.errors import DataError, Location
from paldocs.model.amendment import AmendedResolution, Amendment
from paldocs.model.closing import Closing
from paldocs.model.resolution import DataFile, Resolution

if TYPE_CHECKING:
    from paldocs.context import BuildContext

AMENDING_KIND = "zmiana"


@dataclass(frozen=True, slots=True)
class AmendmentDraft:
    """The amending resolution's data and the plan it was made from."""

    data: DataFile
    plan: AmendmentPlan


def amend(old: DataFile | str | Path, new: DataFile | str | Path, *, number: str | None = None,
          date: dt.date | None = None, annex_form: AnnexForm | None = None, force: bool = False,
          compare_in_justification: bool = False, context: BuildContext | None = None) -> DataFile:
    """The amending resolution's data turning OLD into NEW (see the module contract)."""
    return amendment_plan(old, new, number=number, date=date, annex_form=annex_form, force=force,
                          compare_in_justification=compare_in_justification, context=context).data


def amendment_plan(old: DataFile | str | Path, new: DataFile | str | Path, *, number: str | None = None,
                   date: dt.date | None = None, annex_form: AnnexForm | None = None, force: bool = False,
                   compare_in_justification: bool = False, context: BuildContext | None = None) -> AmendmentDraft:
    """:func:`amend` with the plan (changes, new annex, § 84 proposal) kept beside the data;
    ``compare_in_justification``: the uzasadnienie holds :func:`justification_table`."""
    from paldocs.api import make_context

    context = make_context(context)
    old_file, old_data = _loaded(old, context)
    new_file, new_data = _loaded(new, context)
    _same_resolution(old_data, old_file, new_data, new_file)
    try:
        plan = diff_acts(old_data, new_data, annex_form=annex_form)
    except DataError as error:  # what the change list cannot say is located at NEW, where it was written
        if error.location.file is not None:
            raise
        raise DataError(error.message, Location(new_file), error.hint) from None
    if _printed_subject(old_data, context) != _printed_subject(new_data, context):
        # the title as printed (a kind's title names the programme): the change list has no unit for it
        if not plan.propose_new_act or TITLE_CHANGES not in plan.propose_new_act:
            joined = f"{plan.propose_new_act}; {TITLE_CHANGES}" if plan.propose_new_act else TITLE_CHANGES
            plan = AmendmentPlan(plan.changes, plan.new_annex, joined)
    if not plan.changes:
        raise DataError("nowa wersja nie różni się od zmienianej uchwały w żadnej jednostce — nie ma czego zmieniać",
                        Location(new_file), "Porównywane są paragrafy uchwały i jednostki załącznika.")
    if plan.propose_new_act and not force:
        raise DataError(f"zamiast uchwały zmieniającej należy przygotować nową uchwałę: {plan.propose_new_act}",
                        Location(new_file), "paldocs amend --force zapisze uchwałę zmieniającą mimo to.")
    data = _amending_data(old_data, plan, context, number=number, date=date, annex_form=annex_form)
    if compare_in_justification:
        resolution = data.resolution.model_copy(update={"justification": justification_table(old_data, plan)})
        data = data.model_copy(update={"resolution": resolution})
    return AmendmentDraft(data, plan)


def justification_table(old: DataFile, plan: AmendmentPlan) -> str:
    """The comparison of the changed units for the uzasadnienie, as a Markdown table with its caption:
    „Lp. | Jednostka | Dotychczasowe brzmienie | Nowe brzmienie” (the changed words of a reworded unit marked
    ``~~…~~`` / ``++…++``; a unit's lines joined in one cell; an added
    unit's old wording „—”, a repealed unit's new one „(uchylony)”)."""
    from paldocs.amendments.tree import act_tree, find, wording

    tree = act_tree(old)
    rows = ["Tabela: Zestawienie zmian", "", "| Lp. | Jednostka | Dotychczasowe brzmienie | Nowe brzmienie |",
            "|---|---|---|---|"]
    for index, change in enumerate(plan.changes, start=1):
        node = find(tree, change.address) if change.op not in ("insert", "annex") else None
        before = wording(node) if node is not None else "—"
        if change.op == "annex":
            before, after = "(dotychczasowy załącznik)", "(brzmienie określone w załączniku do niniejszej uchwały)"
        elif change.op == "repeal":
            after = "(uchylony)"
        elif change.op == "words":
            after = before.replace(str(change.old_words), str(change.new_words), 1)
        else:
            after = str(change.text)
        if change.op in ("wording", "words") and node is not None:
            before, after = _marked(before, after)
        rows.append(f"| {index} | {change.unit} | {_cell(before)} | {_cell(after)} |")
    return "\n".join(rows) + "\n"


def _marked(before: str, after: str) -> tuple[str, str]:
    """Both wordings with the changed words marked as in the comparison table: ``~~dropped~~``, ``++added++``
    (paldocs.markup.marks prints them struck through and bold)."""
    from paldocs import document as ir
    from paldocs.amendments.compare import marked_wordings

    def markdown(inlines: list[ir.Inline]) -> str:
        signs = {ir.Deleted: "~~", ir.Inserted: "++"}
        return "".join(f"{signs[type(node)]}{ir.inline_text(list(node.children))}{signs[type(node)]}"
                       if type(node) in signs else "\n" if isinstance(node, ir.LineBreak) else ir.inline_text([node])
                       for node in inlines)

    old, new = marked_wordings(before.splitlines(), after.splitlines())
    return markdown(old), markdown(new)


def _cell(text: str) -> str:
    """One table cell: the wording's lines joined by spaces, a pipe escaped (the dialect's ``\\|``)."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip()).replace("|", "\\|")


def _printed_subject(data: DataFile, context: BuildContext) -> str:
    from paldocs.compose import compose

    return compose(data, context.environment, kinds=context.kinds,
                   catalog=context.catalog(data.municipality.acts)).meta.subject


def _loaded(data: DataFile | str | Path, context: BuildContext) -> tuple[str | None, DataFile]:
    if isinstance(data, DataFile):
        return None, data
    return str(data), context.open(data).load_source().data


def _same_resolution(old: DataFile, old_file: str | None, new: DataFile, new_file: str | None) -> None:
    if old.resolution.number is None or old.resolution.date is None:
        missing = "numeru" if old.resolution.number is None else "daty"
        raise DataError(f"zmieniana uchwała nie ma {missing} — zmienia się uchwałę już podjętą: podaj jej numer i "
                        "datę podjęcia", Location(old_file, path="resolution.number" if missing == "numeru"
                                                  else "resolution.date"))
    if old.municipality.name != new.municipality.name or old.municipality.kind != new.municipality.kind:
        raise DataError(f"nowa wersja dotyczy innej gminy ({new.municipality.name}) niż zmieniana uchwała "
                        f"({old.municipality.name}) — porównuje się dwie wersje tej samej uchwały",
                        Location(new_file, path="municipality"))
    for field in ("number", "date"):
        theirs, ours = getattr(new.resolution, field), getattr(old.resolution, field)
        if theirs is not None and theirs != ours:
            raise DataError(f"nowa wersja ma inny {'numer' if field == 'number' else 'dzień podjęcia'} uchwały "
                            "niż zmieniana — to dwie różne uchwały; w nowej wersji zostaw numer i datę zmienianej "
                            "(albo je usuń)", Location(new_file, path=f"resolution.{field}"))


def _amending_data(old: DataFile, plan: AmendmentPlan, context: BuildContext, *, number: str | None,
                   date: dt.date | None, annex_form: AnnexForm | None) -> DataFile:
    from paldocs.compose import format_number
    from paldocs.kinds import find_kind

    kind = find_kind(context.kinds, old.resolution.kind, None)
    resolution = old.resolution
    assert resolution.date is not None  # _same_resolution refused an undated OLD
    amended = AmendedResolution(number=format_number(old), date=resolution.date,
                                subject=_printed_subject(old, context))
    local_law = resolution.act_of_local_law if resolution.act_of_local_law is not None else kind.act_of_local_law
    own_basis = resolution.legal_basis is not None
    fields = {
        "kind": AMENDING_KIND,
        "number": number,
        "date": date,
        "status": "podjęta" if number is not None and date is not None else "projekt",
        "legal_basis": list(resolution.legal_basis or kind.legal_basis),
        "legal_basis_join": resolution.legal_basis_join if own_basis else kind.legal_basis_join,
        "act_of_local_law": local_law,
        "amends": Amendment(resolution=amended, changes=plan.changes, annex_form=annex_form),
        "closing": _closing(old, kind.closing),
        "signature_organ": resolution.signature_organ,
    }
    try:
        amending = Resolution.model_validate(fields)
    except ValidationError as error:  # the number typed on the command line, the only value not from OLD
        first = error.errors()[0]
        raise DataError(str(first["msg"]).removeprefix("Value error, "), Location(path="--number")) from None
    return DataFile(municipality=old.municipality, resolution=amending, program=plan.new_annex)


def _closing(old: DataFile, kind_closing: Closing | None) -> Closing | None:
    """The executor and the entry into force of OLD (its own or its kind's); no repeals, and no fixed day of
    entry into force (a day set for OLD is not the amendment's: the amending kind's default applies)."""
    own = old.resolution.closing
    executor = own.executor if own is not None else None
    entry = (own.entry_into_force if own is not None and own.entry_into_force is not None
             else kind_closing.entry_into_force if kind_closing is not None else None)
    if entry is not None and entry.form == "z-dniem":
        entry = None
    if executor is None and entry is None:
        return None
    return Closing(order=["executor", "entry-into-force"], executor=executor, entry_into_force=entry)

