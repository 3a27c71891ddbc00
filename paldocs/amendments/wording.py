"""The change list of an amending resolution in the words of Dział II ZTP: § 1 and the title.

Contract: :func:`amendment_markdown` writes § 1 of an amending resolution (the provisions-entry form: without
"§") from an :class:`~paldocs.model.amendment.Amendment`; :func:`amendment_title` writes its title. Both are
pure. The forms, and where each was read, are in docs/amendments.md, "Wording (ZTP)":

- several changes: „W uchwale Nr … Rady … z dnia … r. w sprawie … (Dz. Urz. Woj. … poz. …) wprowadza się
  następujące zmiany:” then one numbered point per change, each ending with „;” and the last with „.”
  (§ 85 ust. 2 ZTP);
- one change: one sentence, „W uchwale … uchyla się § 5.”, „W uchwale … po § 4 dodaje się § 4a w brzmieniu: …”
  (§ 85 ust. 3), „W uchwale … § 2 otrzymuje brzmienie: …”, „W uchwale … w § 2 ust. 1 otrzymuje brzmienie: …”
  (§ 85 ust. 4);
- the enclosing units in the locative, each with its own „w” (:func:`paldocs.amendments.address.locative`);
- a new wording is quoted: „ before the unit's label, ” after its last character, then the point's „;” or
  „.” (the amendment of ZTP itself, Dz. U. z 2026 r. poz. 100, § 1 pkt 1–2). Each line of the wording prints
  on its own line (hard breaks) with its list markers escaped, so that the quoted units stay text of the
  amending point and never become units of the amending resolution;
- the whole annex: „załącznik do uchwały otrzymuje brzmienie określone w załączniku do niniejszej uchwały”.

A program item quoted under a chapter prints with the label "3." (the programs' default item style); a table
row of a chapter prints its cells separated by " | ".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from paldocs import vocabulary
from paldocs.amendments.address import UnitAddress, UnitKind, after_phrase, locative, step_citation
from paldocs.legal.journal import join_list
from paldocs.model.base import MarkdownText
from paldocs.polish.dates import format_date

if TYPE_CHECKING:
    from paldocs.model.amendment import AmendedResolution, Amendment, Change, PriorAmendment

# Share of an annex's units above which a precise change list gives way to a new wording of the whole annex.
# paldocs's own default, not a rule of ZTP (§ 84 ZTP speaks of changes that would be "liczne" without a number);
# the data override it with ``annex_form``.
WHOLE_ANNEX_SHARE = 0.5

# Plain text (numbers, titles, quoted words) inside the Markdown we write: escaped so it prints as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")
# Markers a line of a quoted wording may start with: they must stay text, not open a unit or a list.
_LINE_MARKER = re.compile(r"^(\d+[a-z]*|z{0,8}[a-z]{1,2})([.)])(\s|$)")
_TABLE_DELIMITER = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_HEADING = re.compile(r"^#{1,6}\s+")
_JOURNAL_ADDRESS = re.compile(r"^(?P<journal>.+?)\s+z\s+(?P<year>\d{4})\s*r\.\s*poz\.\s*(?P<positions>[\d ,i]+)$")


def escape_plain(text: str) -> str:
    """Plain text as Markdown that prints it literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def amendment_title(amendment: Amendment, council_genitive: str) -> str:
    """The amending resolution's title (plain text): „zmieniająca uchwałę w sprawie …” (as the title of an amending
    act: „zmieniające rozporządzenie w sprawie …”, Dz. U. z 2026 r. poz. 100; Uchwała Nr XXIV/125/13 Rady Gminy
    Wizna) or, with ``title_form: zmiany``, „w sprawie zmiany uchwały Nr … Rady … z dnia … w sprawie …” (practice:
    Uchwała Nr VII/80/03 Rady Miejskiej w Choroszczy, Uchwała Nr XXVII/250/09 Rady Miejskiej w Michałowie;
    docs/amendments.md)."""
    amended = amendment.resolution
    if amendment.title_form == "zmiany":
        return (f"w sprawie zmiany uchwały Nr {amended.number} {amended.council or council_genitive} z dnia "
                f"{format_date(amended.date)} {amended.subject}")
    return f"zmieniająca uchwałę {amended.subject}"


def journal_formula(amended: AmendedResolution) -> str | None:
    """„Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750 oraz z 2016 r. poz. 1500”: where the amended resolution and
    its earlier amendments were published, one journal name, positions grouped by year as § 158 ZTP groups Dz. U.
    positions („oraz” before the last year: as :func:`paldocs.legal.journal.format_journal`); None when the data
    give no address. Addresses of another shape are listed as written, separated by commas."""
    addresses = [amended.journal] if amended.journal else []
    addresses += [prior.journal for prior in amended.amended_by if prior.journal]
    if not addresses:
        return None
    parsed = [_JOURNAL_ADDRESS.match(" ".join(address.split())) for address in addresses]
    journals = {match["journal"] for match in parsed if match}
    if not all(parsed) or len(journals) != 1:
        return ", ".join(addresses)
    years: dict[str, list[str]] = {}
    for match in parsed:
        assert match is not None
        positions = [p for p in re.split(r"\s*(?:,|\bi\b)\s*", match["positions"].strip()) if p]
        years.setdefault(match["year"], []).extend(p for p in positions if p not in years.get(match["year"], []))
    groups = [f"z {year} r. poz. {join_list(positions)}" for year, positions in sorted(years.items())]
    return f"{journals.pop()} {join_list(groups, last=' oraz ')}"


def amended_name(amended: AmendedResolution, council_genitive: str) -> str:
    """„uchwale Nr … Rady … z dnia … r. w sprawie … (Dz. Urz. …)” — the amended act as § 85 ust. 2 names it
    (the act's title, and where it was published)."""
    text = (f"uchwale Nr {amended.number} {amended.council or council_genitive} z dnia {format_date(amended.date)} "
            f"{amended.subject}")
    journal = journal_formula(amended)
    return f"{text} ({journal})" if journal else text


def amendment_markdown(amendment: Amendment, council_genitive: str) -> str:
    """§ 1 of the amending resolution as data Markdown (see the module docstring for the forms)."""
    name = escape_plain(amended_name(amendment.resolution, council_genitive))
    changes = amendment.changes
    if len(changes) == 1:
        change = changes[0]
        if change.op == "annex":
            return MarkdownText(f"{_annex_sentence(change, capital=True, name=name)}.")
        return MarkdownText(f"W {name} {_point(change, end='.', indent='')}")
    points = []
    for number, change in enumerate(changes, start=1):
        marker = f"{number}) "
        end = "." if number == len(changes) else ";"
        text = _annex_sentence(change) + end if change.op == "annex" else _point(change, end, " " * len(marker))
        points.append(marker + _escape_line_start(text))
    return MarkdownText(f"W {name} wprowadza się następujące zmiany:\n" + "\n".join(points))


def _annex_sentence(change: Change, *, capital: bool = False, name: str = "") -> str:
    """„załącznik do uchwały otrzymuje brzmienie określone w załączniku do niniejszej uchwały”."""
    num = change.address.last()[1]
    annex = f"{'Z' if capital else 'z'}ałącznik{f' nr {num}' if num else ''}"
    act = name.removeprefix("uchwale ") if name else ""
    return f"{annex} do uchwały{f' {act}' if act else ''} otrzymuje brzmienie określone w załączniku do niniejszej uchwały"


def _point(change: Change, end: str, indent: str) -> str:
    """One change as the words after „W uchwale …” or after a point's number."""
    address = change.address
    parent = address.parent()
    within = f"{locative(parent)} " if parent is not None else ""
    unit = step_citation(address.last())
    if change.op == "repeal":
        return f"{within}uchyla się {unit}{end}"
    if change.op == "words":
        return f"{locative(address)} {_words_phrase(change.old_words or '', change.new_words or '')}{end}"
    if change.op == "insert":
        after = change.after_address
        where = f"{after_phrase(after.last())} " if after is not None else ""
        lead = f"{within}{where}dodaje się {unit} w brzmieniu:"
    else:
        lead = f"{within}{unit} otrzymuje brzmienie:"
    return f"{lead}\\\n{indent}" + quoted_wording(address, change.text or "", end, indent)


def _words_phrase(old: str, new: str) -> str:
    """„wyrazy „…” zastępuje się wyrazami „…””, „wyraz „…” zastępuje się wyrazem „…””, „skreśla się wyrazy „…””."""
    old_noun = "wyraz" if len(old.split()) == 1 else "wyrazy"
    if not new.strip():
        return f"skreśla się {old_noun} „{escape_plain(old)}”"
    new_noun = "wyrazem" if len(new.split()) == 1 else "wyrazami"
    return f"{old_noun} „{escape_plain(old)}” zastępuje się {new_noun} „{escape_plain(new)}”"


def unit_label(kind: UnitKind, num: str, in_annex: bool) -> str:
    """The label a unit prints with at the start of its quoted wording: „§ 4a.”, „2.”, „3)”, „a)”, „–” (the
    vocabulary's labels); a chapter „Rozdział II.”; a programme item „3.” (the programmes' default item style);
    a sub-chapter or a table row none."""
    if kind == "rozdzial":
        return f"Rozdział {num}."
    if kind == "punkt" and in_annex:
        return vocabulary.list_style("decimal-dot").label.format(n=num)
    if kind in vocabulary.UNIT_KINDS:
        return vocabulary.unit(kind).format_label(num).replace("\u00a0", " ")
    return ""


def quoted_wording(address: UnitAddress, text: str, end: str, indent: str = "") -> str:
    """The unit's new wording in quotes: „§ 2. 1. …\\ 2. ….” then ``end``; one printed line per line of text."""
    kind, num = address.last()
    lines = [line.strip() for line in text.strip().splitlines()]
    lines = [_HEADING.sub("", line) for line in lines if line and not _TABLE_DELIMITER.match(line)]
    if kind == "wiersz":
        lines = [" | ".join(cell.strip() for cell in line.strip().strip("|").split("|")) for line in lines]
    label = unit_label(kind, num, in_annex=address.steps[0][0] == "zalacznik")
    if not lines:
        lines = [""]
    # the first line follows „ (never a line start); the others start printed lines
    first = lines[0].replace("|", "\\|")
    body = [f"{label} {first}".strip() if label else first, *(_escape_text(line) for line in lines[1:])]
    return "„" + f"\\\n{indent}".join(body) + "”" + end


def _escape_text(line: str) -> str:
    """A line of Markdown kept as it is, except what would make it a unit, list, heading or table row."""
    return _escape_line_start(line.replace("|", "\\|"))


def _escape_line_start(line: str) -> str:
    if match := _LINE_MARKER.match(line):
        return f"{match[1]}\\{match[2]}{line[match.end(2):]}"
    if line.startswith(("§", "–", "#", ">", ":")) or re.match(r"[-+*](\s|$)", line):
        return "\\" + line
    return line


def annex_form_for(changed_units: int, annex_units: int,
                   requested: Literal["precise", "whole"] | None = None) -> Literal["precise", "whole"]:
    """How changes in an annex are written: ``requested`` when given; else „whole” (a new wording of the whole
    annex) when the changed units exceed :data:`WHOLE_ANNEX_SHARE` of the annex's units, „precise” otherwise."""
    if requested is not None:
        return requested
    if annex_units <= 0:
        return "precise"
    return "whole" if changed_units / annex_units > WHOLE_ANNEX_SHARE else "precise"


def prior_amendments_text(prior: list[PriorAmendment]) -> str:
    """„uchwałą Nr XX/150/2016 z dnia 31 marca 2016 r.”, joined with „i”: the earlier amendments, for notes."""
    return join_list([f"uchwałą Nr {item.number} z dnia {format_date(item.date)}" for item in prior])
