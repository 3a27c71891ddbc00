"""The obwieszczenie of a consolidated text: a data file that ``paldocs build`` prints as the council's notice
"w sprawie ogłoszenia jednolitego tekstu uchwały", with the consolidated text as its annex.

Contract of :func:`notice_data` (a dict ready for YAML, validated as a :class:`~paldocs.model.resolution.DataFile`):

- kind ``tekst-jednolity`` (templates/obwieszczenie.md.j2): title block OBWIESZCZENIE / RADY … / z dnia … /
  "w sprawie ogłoszenia jednolitego tekstu uchwały w sprawie …" (ZTP § 102 ust. 1–2: each element on its own
  line, kind and organ in capitals); its legal basis is art. 16 ust. 3 of the act on publishing normative acts
  (the organ that issued an act other than a statute announces its consolidated text) cited from the acts
  catalog on the notice's date; without a date the notice is a draft;
- the body (``resolution.provisions``, printed without "§"): "ogłasza się w załączniku do niniejszego
  obwieszczenia jednolity tekst uchwały Nr … z dnia … r. w sprawie … (journal), z uwzględnieniem zmian
  wprowadzonych:" and one point per amending resolution in order of adoption (with its journal when known);
  then what the consolidated text does not include: each amending resolution's own paragrafy after § 1, quoted —
  the shape of the Marshal of the Sejm's notices (docs/amendments.md names them; no council notice was read, so
  the wording is marked unverified there and by ``paldocs consolidate``);
- the annex (``annexes[0]``): the consolidated resolution — its title block, legal basis, paragrafy with their
  kept numbers ("§ 4a.", "3) (uchylony)") and its program with the chapter numbers as printed; a footnote to
  its title lists where the amendments were published ("Zmiany wymienionej uchwały zostały ogłoszone w …").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from paldocs.amendments.consolidate import AppliedAmendment, ConsolidatedText, printed_number
from paldocs.amendments.markdown_units import marker
from paldocs.amendments.tree import TreeNode, marked_unit, act_tree, is_sub_unit
from paldocs.compose import escape_markdown
from paldocs.model.program import Program, Section
from paldocs.polish.dates import format_date

__all__ = ["NOTICE_KIND", "consolidated_markdown", "notice_data", "UNVERIFIED_NOTE"]

NOTICE_KIND = "tekst-jednolity"
UNVERIFIED_NOTE = ("brzmienie obwieszczenia wzorowane na obwieszczeniach Marszałka Sejmu i na § 100a–§ 102 ZTP — "
                   "nie porównano go z obwieszczeniem rady gminy; biuro prawne powinno je sprawdzić")


def notice_data(text: ConsolidatedText, *, date: dt.date | None = None, municipality: Any = None,
                signatory: dict[str, Any] | None = None) -> dict[str, Any]:
    """The notice's data (see the module contract); ``municipality``: what to write for it (a profile path kept
    from the base file), default the base's profile in full; ``signatory``: who signs the notice (the chair of
    the council now — default the profile's)."""
    base = text.base
    council = base.municipality.council.genitive
    act = _act_name(base, council)
    points = [f"   {index}) {_amending_name(item)}{';' if index < len(text.applied) else '.'}"
              for index, item in enumerate(text.applied, start=1)]
    first = (f"ogłasza się w załączniku do niniejszego obwieszczenia jednolity tekst {act}"
             f"{_journal_of_base(text)}, z uwzględnieniem zmian wprowadzonych:\n" + "\n".join(points))
    left_out = [item for item in text.applied if item.left_out]
    provisions = [first]
    if left_out:
        lines = ["Podany w załączniku do niniejszego obwieszczenia tekst jednolity uchwały nie obejmuje:"]
        for index, item in enumerate(left_out, start=1):
            numbers = " i ".join(quote.split(".", 1)[0] for quote in item.left_out)
            verb = "który stanowi" if len(item.left_out) == 1 else "które stanowią"
            # a quoted paragraf opening a line is text, not a new paragraf of the notice: "\§"
            quoted = "\n      ".join([item.left_out[0], *(f"\\{line}" for line in item.left_out[1:])])
            end = ";" if index < len(left_out) else "."
            lines.append(f"   {index}) \\{numbers} uchwały Nr {item.number} {item.council} z dnia {format_date(item.date)}"
                         f" {_case(item.subject, 'gen')}, {verb}:\n      „{quoted}”{end}")
        provisions.append("\n".join(lines))
    resolution: dict[str, Any] = {
        "kind": NOTICE_KIND,
        "subject": f"w sprawie ogłoszenia jednolitego tekstu uchwały {base.resolution.subject or _subject_of(base)}",
        "provisions": provisions,
    }
    if date is not None:
        resolution["date"] = date.isoformat()
    else:
        resolution["status"] = "projekt"
    if signatory is not None:
        resolution["signatory"] = signatory
    number = printed_number(base)
    annex = {"title": f"UCHWAŁA NR {number}", "content": consolidated_markdown(text)}
    if municipality is None:
        municipality = base.municipality.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return {"municipality": municipality, "resolution": resolution, "annexes": [annex]}


def _subject_of(data: Any) -> str:
    from paldocs.amendments.consolidate import act_subject

    return act_subject(data)


def _act_name(base: Any, council: str) -> str:
    subject = base.resolution.subject or _subject_of(base)
    return f"uchwały Nr {printed_number(base)} {council} z dnia {format_date(base.resolution.date)} {subject}"


def _journal_of_base(text: ConsolidatedText) -> str:
    return f" ({text.base_journal})" if text.base_journal else ""


def _amending_name(item: AppliedAmendment) -> str:
    journal = f" ({item.journal})" if item.journal else ""
    return f"uchwałą Nr {item.number} {item.council} z dnia {format_date(item.date)} {_case(item.subject, 'ins')}{journal}"


def _case(subject: str, case: str) -> str:
    """An amending resolution's title after "uchwały Nr …" (genitive) or "uchwałą Nr …" (instrumental): its
    participle agrees ("zmieniającej", "zmieniającą"); a title "w sprawie …" stays as it is."""
    if subject.startswith("zmieniająca "):
        return ("zmieniającej " if case == "gen" else "zmieniającą ") + subject.removeprefix("zmieniająca ")
    return subject


# --- the consolidated text --------------------------------------------------------------------------------

def consolidated_markdown(text: ConsolidatedText) -> str:
    """The annex: the resolution as in force, as Markdown an annex's ``content`` prints (see the contract)."""
    data = text.data
    from paldocs.api import make_context, to_document
    from paldocs.document import Div, Paragraph, inline_text

    document, _ = to_document(data, context=make_context(None), charts=False)
    blocks: list[str] = []
    resolution = document.parts[0]
    for block in resolution.blocks:
        if isinstance(block, Div) and block.role in ("title", "legal-basis", "enacting-formula"):
            lines = [escape_markdown(inline_text(child.children)) for child in block.children
                     if isinstance(child, Paragraph)]
            if block.role == "title" and lines:
                lines = lines[1:]  # the annex's title is the first line ("UCHWAŁA NR …")
                if lines and text.applied:
                    lines[-1] += "[^zmiany]"
            blocks.append(f"::: {block.role}\n" + "\n\n".join(lines) + "\n:::")
    tree = act_tree(data)
    for node in tree.children:
        if node.kind == "paragraf":
            blocks.extend(_paragraf_lines(node))
    if data.program is not None:
        blocks.append(_annex_header(data))
        blocks.extend(_program_blocks(data.program, tree))
    if text.applied:
        blocks.append("[^zmiany]: " + _amendments_footnote(text.applied))
    return "\n\n".join(blocks)


def _paragraf_lines(node: TreeNode) -> list[str]:
    if node.repealed:
        return [f"\\§ {node.num}. (uchylony)"]
    head = f"\\§ {node.num}."
    lines: list[str] = []
    own = " ".join(node.text.split())
    units = [child for child in node.children if is_sub_unit(child.kind)]
    if own:
        lines.append(f"{head} {own}")
    for index, child in enumerate(units):
        for position, line in enumerate(_unit_lines(child)):
            lines.append(f"{head} {line}" if not own and index == 0 and position == 0 else line)
    if node.closing:
        lines.append(" ".join(node.closing.split()))
    return lines or [f"{head}"]


def _escaped_label(label: str) -> str:
    """"2." → "2\\.", "a)" → "a\\)", "–" → "\\–": the label prints as text, not as a list marker."""
    return "\\–" if label == "–" else label[:-1] + "\\" + label[-1]


def _unit_lines(node: TreeNode) -> list[str]:
    label = _escaped_label(marker(node.kind, node.num))
    own = "(uchylony)" if node.repealed else " ".join(node.text.split())
    lines = [f"{label} {own}".rstrip()]
    for child in node.children:
        if is_sub_unit(child.kind):
            lines.extend(_unit_lines(child))
    if node.closing:
        lines.append(" ".join(node.closing.split()))
    return lines


def _annex_header(data: Any) -> str:
    council = data.municipality.council.genitive
    return (f"::: annex-header\nZałącznik do uchwały Nr {escape_markdown(printed_number(data))}  \n{council}  \n"
            f"z dnia {format_date(data.resolution.date)}\n:::\n\n::: program-title\n**{escape_markdown(data.program.title)}**\n:::")


def _program_blocks(program: Program, tree: TreeNode) -> list[str]:
    annex = next(node for node in tree.children if node.kind == "zalacznik")
    blocks: list[str] = []
    chapters = iter(annex.children)
    current: TreeNode | None = None
    sub = 0
    for section in program.sections:
        if section.level == 1 or current is None:
            current, sub = next(chapters), 0
            blocks.append(_section_block(program, section, current, _chapter_label(program, current)))
        else:
            sub += 1
            node = next((child for child in current.children if child.kind == "podrozdzial" and child.num == str(sub)),
                        current)
            blocks.append(_section_block(program, section, node, ""))
    return blocks


def _chapter_label(program: Program, node: TreeNode) -> str:
    if program.section_numbering == "none":
        return ""
    return f"Rozdział {node.num}. " if program.section_numbering.startswith("chapter") else f"{node.num}. "


def _section_block(program: Program, section: Section, node: TreeNode, label: str) -> str:
    if node.repealed:
        return f"{'#' * section.level} {label}(uchylony)".rstrip()
    parts: list[str] = []
    if section.heading or label:
        parts.append(f"{'#' * section.level} {label}{escape_markdown(section.heading or '')}".rstrip())
    if section.content:
        parts.append(str(section.content))
    items = [child for child in node.children if child.kind == "punkt"]
    if items:
        parts.append("\n".join(marked_unit(child) for child in items))
    if section.closing:
        parts.append(str(section.closing))
    return "\n\n".join(parts)


def _amendments_footnote(applied: tuple[AppliedAmendment, ...]) -> str:
    """"Zmiany wymienionej uchwały zostały ogłoszone w …" (the Dziennik Urzędowy footnote form, e.g. Dz. U. z 2015 r.
    poz. 860 on eli.gov.pl); without every journal known, the amending resolutions are named instead."""
    published = [item.journal for item in applied if item.journal]
    if len(published) == len(applied):
        return _sentence(f"Zmiany wymienionej uchwały zostały ogłoszone w {_joined(published)}")
    named = [f"Nr {item.number} z dnia {format_date(item.date)}" + (f" ({item.journal})" if item.journal else "")
             for item in applied]
    noun = "uchwałami" if len(named) > 1 else "uchwałą"
    return _sentence(f"Zmiany wymienionej uchwały zostały wprowadzone {noun} {_joined(named)}")


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " i " + items[-1]
