"""Compose: model → Markdown with legal units, one text per part. The only place Jinja2 runs.

Contract:
- :func:`compose` takes a validated :class:`~paldocs.model.resolution.DataFile` and returns a
  :class:`Composition`: document facts (:class:`~paldocs.document.Meta`), the Markdown of each part
  (resolution, annex, justification) and notes for the user (e.g. citations the catalog cannot confirm).
- Templates come from a user folder first (if given), then from the package's ``paldocs_templates``.
  The environment is sandboxed, undefined variables are errors, and **data is never compiled as a
  template**: values are only inserted. Every inserted plain string is escaped for Markdown, so a clerk's
  "*" or "1." stays text; only :class:`~paldocs.model.base.MarkdownText` fields (program content) and
  :class:`Md` fragments built here pass through as Markdown.
- Provenance: each part is rendered while :mod:`paldocs.sourcemap` records where its text comes from (every
  inserted data value with its field path — and ``file:line:column`` when ``locate`` is given — and every
  run of template text with its template and line); :class:`ComposedPart` holds the clean Markdown and its
  :class:`~paldocs.sourcemap.SourceMap`, from which the parser gives every IR node its origin.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from paldocs.annexes import adoption_context, compose_annexes
from paldocs.document import Citation as DocumentCitation
from paldocs.document import Meta
from paldocs.errors import Location, PaldocsError, TemplateError
from paldocs.legal import Catalog, load_catalog
from paldocs.legal.clauses import clause_text
from paldocs.usercache import template_cache
from paldocs.model.base import MarkdownText
from paldocs.model.program import Item, Program, Section
from paldocs.model.resolution import DataFile, LegalBasisEntry
from paldocs.polish import JINJA_FILTERS
from paldocs.closing import resolve_closing
from paldocs.compose_numbers import heading_number, list_markers, paragraf_sign
from paldocs.legal_basis import citation_node, document_notes, footnotes_block, located_notes, separators
from paldocs.kinds import Kind, check_requirements, find_kind, is_act_of_local_law, load_kinds
from paldocs.polish.dates import MONTHS_GENITIVE, format_date
from paldocs.polish.organs import chair_title
from paldocs.polish.regions import official_journal
from paldocs.sourcemap import DataFile as DataSource
from paldocs.sourcemap import (MARK_FUNCTION, OriginExtension, cite, Recorder, SourceMap, index_fields, recording, strip,
                               strip_markers, template_point, wrap)
from paldocs.style.resolve import style_for
from paldocs.style.table import HouseStyle

DRAFT_BLANK = "…………"  # what a draft prints where the number or date will go (docs/domain.md § 5)
# A resolution with status "projekt": "UCHWAŁA NR …/…/…" and "z dnia …", as councils print their drafts.
DRAFT_SLOT = "…"
DRAFT_DATE = "…"


class Md(str):
    """A Markdown fragment produced by paldocs itself (trusted, not escaped again)."""

    __slots__ = ()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")
# "1." "1)" and every letter marker the list parser knows (markup_lists._ALPHA: a) … z), za) … zzzzzzzzz)).
_LINE_START_MARKER = re.compile(r"^(\s*)(\d+|z{0,8}[a-z])([.)])(\s)")


def escape_markdown(text: str) -> str:
    """Make plain text safe to insert into Markdown: it prints as written, never as markup."""
    text = strip_markers(text)  # text a template captured ({% set %}) may hold origin markers: escape the words
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))
    text = _LINE_START_MARKER.sub(r"\1\2\\\3\4", text)
    if text.startswith(("-", "+", ":", "§", "–", "{")):  # list, div, legal unit, tiret, kept number at a start
        text = "\\" + text
    return text


class CitedText(str):
    """A statute citation as compose inserts it: prints as its text; ``citation`` is the IR node the parser
    makes of it (:class:`~paldocs.document.Citation`)."""

    citation: DocumentCitation

    def __new__(cls, citation: DocumentCitation) -> CitedText:
        value = super().__new__(cls, citation.text)
        value.citation = citation
        return value


def _finalize(value: Any) -> Any:
    if isinstance(value, CitedText):
        return Md(cite(value.citation, escape_markdown(str(value))))
    if isinstance(value, Md):
        return value
    if isinstance(value, MarkdownText):
        return wrap(value, value)
    if isinstance(value, str):
        return wrap(value, escape_markdown(value))  # escaped first: a marker never hides a line-start marker
    return value


@dataclass(frozen=True, slots=True)
class ComposedPart:
    kind: str  # "resolution" | "annex" | "justification"
    markdown: str
    page_numbers: bool = False
    heading_numbering: str | None = None
    origins: SourceMap | None = None  # where each piece of ``markdown`` came from (None: not recorded)
    label: str = ""  # the part's name when it is not its kind's ("Załącznik nr 2")


@dataclass(slots=True)
class Composition:
    meta: Meta
    parts: list[ComposedPart]
    notes: list[str] = field(default_factory=list)
    catalog_files: list[str] = field(default_factory=list)  # user acts catalogs read (inputs, never outputs)
    assets: dict[str, Any] = field(default_factory=dict)  # drawings (charts, annex pictures) by Figure asset id
    annex_files: list[str] = field(default_factory=list)  # annexes' picture files read (inputs, never outputs)
    house_style: HouseStyle | None = None  # the resolved physical look (paldocs.style); None = packaged

    def dump(self) -> str:
        """All parts' Markdown in one text (for golden files and debugging)."""
        return "".join(f"<!-- part: {p.kind} -->\n{p.markdown.rstrip()}\n\n" for p in self.parts)


class _PackageLoader(jinja2.BaseLoader):
    """Loads templates shipped in ``paldocs_templates`` through importlib.resources (works from a wheel)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        # Only plain names inside the package: "/etc/passwd" or "../x" would otherwise be joined into a path
        # outside it (a user template's {% include %} must never read a file of the machine).
        pieces = jinja2.loaders.split_template_path(template)  # refuses ".." (TemplateNotFound)
        if template.startswith(("/", "\\")) or any(":" in piece or "\\" in piece for piece in pieces):
            raise jinja2.TemplateNotFound(template)
        resource = importlib.resources.files("paldocs_templates").joinpath(*pieces)
        if not resource.is_file():
            raise jinja2.TemplateNotFound(template)
        return resource.read_text(encoding="utf-8"), f"paldocs_templates/{template}", lambda: True


def make_environment(user_templates: Path | Mapping[str, str] | None = None) -> SandboxedEnvironment:
    """The sandboxed Jinja environment: the user's templates (a folder, or name → text) before the packaged ones."""
    loaders: list[jinja2.BaseLoader] = []
    if isinstance(user_templates, Mapping):
        loaders.append(jinja2.DictLoader(dict(user_templates)))
    elif user_templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(_PackageLoader())
    env = SandboxedEnvironment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
                               finalize=_finalize, autoescape=False, keep_trailing_newline=True,
                               trim_blocks=True, lstrip_blocks=True, extensions=[OriginExtension],
                               bytecode_cache=template_cache())
    env.globals[MARK_FUNCTION] = lambda template, line: Md(template_point(str(template), int(line)))
    env.filters.update(JINJA_FILTERS)
    env.globals["md_list"] = markdown_list
    env.globals.update(paragraf_sign=lambda p: Md(paragraf_sign(p)), heading_number=lambda s: Md(heading_number(s)))
    env.globals["clause"] = clause_markdown
    env.globals["heading_marker"] = lambda level: Md("#" * int(level))
    env.globals["chair_title"] = chair_title
    env.filters["lines"] = markdown_lines
    env.filters["bold_lines"] = bold_lines
    env.filters["trim_list_mark"] = lambda text: str(text).strip().rstrip(",;.").strip()
    env.globals["date_range"] = format_date_range
    return env


def clause_markdown(kind: str, variant: str, **values: Any) -> Md:
    """``{{ clause("executor", "standard", organ=…) }}``: a standard clause in the wording of
    ``paldocs/legal/clauses.yaml``, each value escaped as ``{{ value }}`` would print it."""
    return Md(clause_text(kind, variant, **{name: str(_finalize(value)) for name, value in values.items()}))


def markdown_list(items: list[Item], style: str) -> Md:
    """Items as a Markdown list; numbering assigns the printed numbers again (markers: paldocs.compose_numbers)."""
    lines: list[str] = []
    for marker, item in zip(list_markers(items, style), items, strict=True):
        indent = " " * (len(marker) + 1)
        lines.append(f"{marker} " + wrap(item.text, str(item.text).replace("\n", "\n" + indent)))
        if item.items:
            lines.append("")
            lines.extend(indent + line if line else "" for line in markdown_list(item.items, item.items_style).splitlines())
            lines.append("")
    return Md("\n".join(lines).rstrip("\n") + "\n")


def format_date_range(start: dt.date, end: dt.date) -> str:
    """"11 czerwca 2016 r.", "1 lutego – 16 grudnia 2016 r.", "1 grudnia 2015 r. – 31 stycznia 2016 r."."""
    if start == end:
        return format_date(start)
    if start.year == end.year:
        return f"{start.day} {MONTHS_GENITIVE[start.month - 1]} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def markdown_lines(value: str) -> Md:
    """Each line of the value on its own printed line (hard breaks): title blocks keep their lines."""
    text = value if isinstance(value, MarkdownText) else escape_markdown(value)
    return Md(wrap(value, "  \n".join(line.rstrip() for line in text.splitlines())))


def bold_lines(value: str) -> Md:
    """Each line on its own printed line and bold as a whole (``title_style: bold``): emphasis the line had
    already is dropped first, so that "**P R O G R A M**" and "na lata" both print bold once."""
    text = value if isinstance(value, MarkdownText) else escape_markdown(value)
    lines = (line.strip().replace("**", "") for line in text.splitlines())
    return Md(wrap(value, "  \n".join(f"**{line}**" if line else "" for line in lines)))


def format_number(data: DataFile) -> str:
    number = data.resolution.number
    if number is None:
        return DRAFT_BLANK
    year = str(number.year)[-2:] if data.municipality.numbering.year_digits == 2 else str(number.year)
    order, sign = data.municipality.numbering.order, data.municipality.numbering.separator
    if order == "number/session/year":
        return f"{number.number}{sign}{number.session}{sign}{year}"
    if order == "number/year":
        return f"{number.number}{sign}{year}"
    return f"{number.session}{sign}{number.number}{sign}{year}"


def draft_number(data: DataFile) -> str:
    """"…/…/…": one blank per element of the profile's numbering order (session/number/year, number/year)."""
    numbering = data.municipality.numbering
    return numbering.separator.join(DRAFT_SLOT for _ in numbering.order.split("/"))


def compose(data: DataFile, env: SandboxedEnvironment | None = None, file: str | None = None,
            acts: Sequence[Path] = (), *, kinds: Mapping[str, Kind] | None = None,
            catalog: Catalog | None = None,
            locate: Callable[[tuple[str | int, ...]], Location] | None = None) -> Composition:
    """``acts``: user catalogs given on the command line; they win over the profile's, which win over the package's.
    ``kinds`` and ``catalog``: loaded once by a :class:`paldocs.context.BuildContext` (default: load them now).
    ``locate`` (the loader's :meth:`~paldocs.model.load.Source.locate`) gives data origins their file line."""
    env = env or make_environment()
    fields = index_fields(data, DataSource(file, locate))

    def render(name: str) -> tuple[str, SourceMap]:
        return render_part(env, name, context, file, Recorder(fields))

    kind = find_kind(kinds if kinds is not None else load_kinds(env), data.resolution.kind, file)
    check_requirements(kind, data, file)
    resolution, program, municipality = data.resolution, data.program, data.municipality
    number = format_number(data)
    date_text = format_date(resolution.date) if resolution.date else f"{DRAFT_BLANK} r."
    if resolution.is_draft:  # a draft prints blanks even when the number and date are known
        number, date_text = draft_number(data), DRAFT_DATE
    signatories = list(resolution.signatories or filter(None, [resolution.signatory or municipality.signatory]))
    building_resolution = data.document == "resolution"
    apm = building_resolution and is_act_of_local_law(kind, data, file)
    context: dict[str, Any] = {
        "data": data, "resolution": resolution, "program": program, "municipality": municipality,
        "layout": municipality.layout, "signatory": signatories[0] if signatories else None,
        "signatories": signatories, "draft": resolution.is_draft,
        "number": number, "date_text": date_text, "kind": kind, "act_of_local_law": apm,
        "official_journal": official_journal(municipality.voivodeship) if apm and municipality.voivodeship else "",
        "toc_entries": _toc_entries(program) if program else [], "adoption": resolution.adoption,
    }
    notes: list[str] = []
    if building_resolution:  # closing provisions: the data over the kind's defaults (paldocs.closing)
        context["closing"] = resolve_closing(data, kind.closing, apm, clause_markdown, file)
        notes.extend(context["closing"].notes)
    # an annex alone without a program has no title to make of the kind's (it prints its own annex's title)
    subject = resolution.subject or ("" if not building_resolution and program is None
                                     else _render_plain(env, kind.subject or "", context, file))
    catalog = catalog if catalog is not None else load_catalog([*municipality.acts, *acts])
    generated: list[str] | None = [] if municipality.citation_footnotes else None  # before 1 March 2016 (ZTP)
    if building_resolution:  # an annex alone has no legal basis to print
        entries = resolution.legal_basis or list(kind.legal_basis)
        place = DataSource(file, locate)
        context["citations"] = [_cite(entry, data, index, place, notes, catalog, bool(resolution.legal_basis),
                                      generated) for index, entry in enumerate(entries)]
        notes.extend(document_notes(entries, resolution.date, catalog, Location(file, path="resolution.date")))
        context["legal_basis_join"] = resolution.legal_basis_join if resolution.legal_basis else kind.legal_basis_join
        context["legal_basis_separators"] = separators(entries, context["legal_basis_join"])
        if not kind.verified:
            notes.append(f"{Location(file, path='resolution.kind')}: rodzaj uchwały „{kind.key}” opiera się na praktyce "
                         f"gmin, nie na sprawdzonym przepisie ({kind.sources}) — biuro prawne powinno to potwierdzić")
    context["subject"] = subject
    context["footnotes"] = footnotes_block(generated or [], resolution.footnotes or [], file, notes)
    context["adopted"] = adoption_context(data, file, locate, notes) if building_resolution else None
    parts: list[ComposedPart] = []
    if building_resolution:
        markdown, origins = render(kind.template)
        parts.append(ComposedPart("resolution", markdown, origins=origins))
    assets: dict[str, Any] = {}
    annex_files: list[str] = []
    for annex in compose_annexes(data, context, render, file, locate, assets, annex_files):
        parts.append(ComposedPart("annex", annex.markdown, page_numbers=True, origins=annex.origins,
                                  heading_numbering=annex.heading_numbering, label=annex.label))
    if building_resolution and resolution.justification:
        markdown, origins = render("justification.md.j2")
        parts.append(ComposedPart("justification", markdown, origins=origins))
    council = municipality.council.genitive
    if building_resolution:
        title = f"Uchwała Nr {number} {council} z dnia {date_text}"
    else:
        # DataFile guarantees an annex alone its program or, without one, exactly one entry of annexes
        alone = program.title if program is not None else data.annexes[0].title
        title, subject = f"Załącznik do uchwały Nr {number} {council} z dnia {date_text}", alone
    meta = Meta(title=title, subject=subject, author=municipality.council.nominative,
                number=None if resolution.number is None or resolution.is_draft else number,
                date=None if resolution.is_draft else resolution.date,
                keywords=(kind.name, *([program.title] if program else [])),
                paragraph_layout=municipality.layout.paragraph_layout, catalog_version=catalog.version)
    return Composition(meta, parts, notes, catalog_files=list(catalog.files), assets=assets,
                       house_style=style_for(env, municipality.house_style), annex_files=annex_files)


def _cite(entry: LegalBasisEntry, data: DataFile, index: int, place: DataSource, notes: list[str],
          catalog: Catalog, written: bool, footnotes: list[str] | None = None) -> CitedText:
    """One legal-basis entry as an IR node (:mod:`paldocs.legal_basis`), from the data or (not ``written``) the kind."""
    location = Location(place.file, path=f"resolution.legal_basis[{index}]")
    node = citation_node(entry, data.resolution.date, data.municipality.citation_style, catalog, location,
                         place.origin(("resolution", "legal_basis", index) if written else ("resolution", "kind")),
                         footnotes)
    address_at = place.locate(("resolution", "legal_basis", index, "address")) if written and place.locate else None
    notes.extend(located_notes(node, location, address_at, told=notes))
    return CitedText(node)


def _toc_entries(program: Program) -> list[str]:
    entries: list[str] = []
    for section in program.sections:
        if isinstance(section.toc, str):
            entries.append(section.toc)
        elif section.toc is True or (section.toc is None and section.level == 1 and section.heading):
            entries.append(_require_heading(section))
    return entries


def _require_heading(section: Section) -> str:
    if section.heading is None:
        raise TemplateError(f"rozdział „{section.id}” ma być w spisie treści, ale nie ma tytułu (heading)")
    return section.heading


# What a (user's) template can do wrong at run time besides Jinja's own errors: 1/0, [].pop(), a range over
# the sandbox's cap (OverflowError), a wrong type in a filter. All are the template's fault, not paldocs's.
_TEMPLATE_FAULTS = (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError)


def render_template(env: SandboxedEnvironment, name: str, context: dict[str, Any], file: str | None) -> str:
    try:
        return env.get_template(name).render(context)
    except PaldocsError:
        raise  # a filter's own located error (e.g. a bad date in the data)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"brak szablonu „{error.name}”", Location(file)) from None
    except _TEMPLATE_FAULTS as error:
        raise TemplateError(f"błąd w szablonie: {_fault(error)}", _template_place(error, name)) from None


def render_part(env: SandboxedEnvironment, name: str, context: dict[str, Any], file: str | None,
                recorder: Recorder) -> tuple[str, SourceMap]:
    """Render a part's template while ``recorder`` notes where its text comes from; the clean Markdown and
    its source map (:mod:`paldocs.sourcemap`)."""
    with recording(recorder):
        rendered = render_template(env, name, context, file)
    origins = strip(rendered, recorder.origins, recorder.citations)
    return origins.text, origins


def _render_plain(env: SandboxedEnvironment, source: str, context: dict[str, Any], file: str | None) -> str:
    """Render a one-line template from kinds.yaml to plain text (no Markdown escaping)."""
    plain = env.overlay(finalize=None)
    try:
        return plain.from_string(source).render(context)
    except PaldocsError:
        raise
    except _TEMPLATE_FAULTS as error:
        raise TemplateError(f"błąd w szablonie tytułu: {_fault(error)}", Location(file)) from None


def _fault(error: BaseException) -> str:
    if isinstance(error, jinja2.exceptions.SecurityError):
        return f"szablon sięga po coś, czego piaskownica nie pozwala użyć ({error})"
    if isinstance(error, jinja2.TemplateError):
        return str(error.message)
    return f"{type(error).__name__}: {error}"


def _template_place(error: BaseException, name: str) -> Location:
    """The template (and line) where the error happened: Jinja puts template frames in the traceback, so an
    error in an included user template names that template, not the one that included it."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Location(error.filename or error.name or name, error.lineno)
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return Location(frame.filename, frame.lineno)
    return Location(name, getattr(error, "lineno", None))


__all__ = ["compose", "Composition", "ComposedPart", "Md", "escape_markdown", "make_environment", "render_part"]
