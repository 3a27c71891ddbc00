"""Property-based tests (hypothesis) of the pipeline: generated data → YAML → loader → DOCX, PDF, HTML and text.

The strategies generate *valid* data files as plain dicts — a municipality (gmina wiejska, miejska or
miejsko-wiejska; organ forms given in full, or left out for paldocs to derive for real place names), a
resolution (kind pal / gpwr / program-wspolpracy / program / generic, a number whose year is the date's year or
a draft without number or date, legal basis from the acts catalog, provisions, signatory, justification) and a
program annex (1–4 sections with roles and levels, 1–5 items nested up to 3 levels, optional table of
contents) — and write them with ``yaml.safe_dump`` so that the real loader (``paldocs.api.to_document``) reads
them, as users run it. Texts are Polish words with diacritics, digits and punctuation, never empty after
stripping and free of control characters.

Properties:

1. ``test_valid_data_builds_and_every_text_appears`` — a generated-valid file builds to DOCX, HTML and text
   without raising anything: not even a :class:`~paldocs.errors.PaldocsError` (for valid data that is a finding —
   the strategy generated something invalid or paldocs has a bug), let alone another exception. And nothing is
   lost: every item text, section heading, section content and closing, provision, justification, the program
   title, the subject, the TOC titles and the signatory's name appear in the DOCX (python-docx, tables
   included), the HTML (lxml) and the text output.
2. ``test_pdf_keeps_every_text`` — the same for the PDF (pypdf). PDF text extraction guesses spaces from glyph
   positions (justified lines, NBSPs), so the PDF is compared with all whitespace removed; the footer (an annex
   page's number, recognised by its position in the bottom margin) is left out first.
3. ``test_plain_fields_are_printed_literally`` — plain-text fields (section headings, program title and its
   genitive, subject, TOC titles, signatory name) holding Markdown syntax (``*``, ``_``, ``#``, ``[``, ``]``,
   ``|``, backticks, backslashes, line-start markers "- ", "1. ", "a) ", "§ ", "::: "), HTML (``<b>``),
   entities (``&amp;``) and Jinja2 delimiters (``{{ 7*7 }}``, ``{% … %}``) print exactly as written in DOCX,
   text, HTML and PDF: data is never Markdown there and never a template.
4. ``test_broken_data_fails_only_with_paldocs_errors`` — a valid file with one mutation (a key dropped, a value
   replaced by one of another type or any text, an unknown key added) either builds (text and HTML) or raises
   a PaldocsError, never another exception (the CLI would print "błąd wewnętrzny" and exit 1).
5. ``test_large_documents`` (nightly only) — properties 1–2 on larger documents: up to 10 sections of up to 8
   items nested 3 levels, texts of up to 40 tokens, all four formats.

Comparison rule (item texts are Markdown, so the generated ones contain no Markdown syntax — otherwise ``*x*``
would rightly print as emphasis without its asterisks): both the expected text and the output are compared
after collapsing every run of whitespace — including the NO-BREAK SPACE that Polish typography puts after
one-letter words, "§", "art." … (paldocs.polish.typography) — to one space, and after mapping the Polish quotes
„ ” that typography makes of straight double quotes back to ``"``. Typography changes nothing else. Tabs are
kept: a DOCX has them only between a list label and its text, so a tab inside an expected text shows that a
plain field was parsed as a list item ("zza) …").

Example counts (hypothesis settings profiles registered here): "ci" — the default, 500 examples, derandomized
so that every CI run checks the same inputs; "nightly" — 5000 examples, random, selected with
``PALDOCS_HYPOTHESIS_PROFILE=nightly``. Properties 1 and 4 run the profile's count; the two that render a PDF
(2 and 3, about 0.1 s more per example) run ``PDF_SHARE`` of it (ci: 150, nightly: 1500), so that the module
stays within about 150 s on a 2-core machine in CI. The large-document test runs only with
``PALDOCS_NIGHTLY=1`` (marker ``nightly``), with a tenth of the profile's count. A failure prints the
falsifying data file as YAML (the file a user would write) and a ``@reproduce_failure`` blob.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pypdf
import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from paldocs.api import render, to_document
from paldocs.document import Document
from paldocs.errors import PaldocsError
from paldocs.polish.numerals import to_roman

pytestmark = pytest.mark.slow  # hundreds of generated documents per property (pytest -m 'not slow' skips them)

# --- settings profiles ------------------------------------------------------------------------------------------

_COMMON: dict[str, Any] = {
    "deadline": None,  # a PDF takes 0.1–0.5 s and the first one loads fonts: timing is not the property
    "print_blob": True,  # a failure prints @reproduce_failure(...) to replay it exactly
    # Generating nested documents is slow for hypothesis' taste and the big ones are what we want.
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
# ci: the same 500 inputs on every run and machine — no example database, whose saved failures would be
# replayed first on one machine and not on another.
settings.register_profile("ci", max_examples=500, derandomize=True, database=None, **_COMMON)
# nightly: new random inputs each night; the default database (.hypothesis/, which ignores itself in git)
# replays the last failures first.
settings.register_profile("nightly", max_examples=5000, **_COMMON)
# Applied per test (not with settings.load_profile) so that this module changes no global hypothesis state.
PROFILE = settings.get_profile(os.environ.get("PALDOCS_HYPOTHESIS_PROFILE", "ci"))


PDF_SHARE = 0.3  # ci: 150 examples with a PDF each, nightly 1500


def scaled(fraction: float) -> settings:
    """The profile with a fraction of its examples: for the tests that render a PDF (about 0.1 s each), so that
    the whole module stays within its time budget in CI (see the module docstring)."""
    return settings(PROFILE, max_examples=max(1, int(PROFILE.max_examples * fraction)))


# --- text strategies --------------------------------------------------------------------------------------------

LOWER = "aąbcćdeęfghijklłmnńoóprsśtuwyzźż"
# Real words, with every Polish diacritic and the one-letter words and abbreviations after which typography
# inserts a NO-BREAK SPACE (so the comparison's whitespace rule is exercised).
VOCABULARY = (
    "gmina", "mieszkańców", "aktywizacja", "społeczności", "lokalnej", "świetlica", "żłobek", "źródło",
    "łączność", "ćwiczenia", "ośrodek", "pomocy", "rodziny", "współpraca", "dzieci", "młodzieży", "seniorów",
    "wsparcie", "zajęcia", "integracji", "będą", "należy", "się", "ze", "na", "dla", "oraz", "jeżeli", "późno",
    "w", "z", "i", "o", "a", "u", "W", "Z", "I", "O", "A", "U",
)
# Tokens that typography joins with a NO-BREAK SPACE, or that hold digits and signs.
NUMBERISH = ("art. 18", "ust. 2", "pkt 15", "lit. a", "poz. 594", "Nr 12", "Dz. U.", "§ 2", "2024 r.", "15 zł",
             "1 234,56 zł", "50 %", "29 kwietnia", "1 maja", "30.12.2008", "2014–2020", "12,5", "3/4")
PUNCTUATION = ("", "", "", "", ",", ".", ";", ":", "!", "?", "…", "...")

letter_word: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(VOCABULARY), st.text(alphabet=LOWER + LOWER.upper(), min_size=1, max_size=12))
other_token: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(NUMBERISH),
    st.integers(0, 10**7).map(str),
    letter_word.map(lambda word: f"({word})"),
    letter_word.map(lambda word: f"„{word}”"),
    letter_word.map(lambda word: f'"{word}"'),  # typography turns these into „ ”
    letter_word.map(lambda word: f"{word}'"),
    st.sampled_from(("–", "—", "/", "+", "=", "°", "€", "@", "§")),
)


@st.composite
def markdown_text(draw: st.DrawFn, max_tokens: int = 12, newlines: bool = True) -> str:
    """A Markdown text with no Markdown syntax in it, so that it must print word for word.

    It starts with a capitalised letters-only word (never "1." or "a)" or "-", which would open a list) and a
    line break is followed only by such a word for the same reason. ``*_[]<>#|~&\\`` and backticks never occur;
    "!" only ends a sentence.
    """
    first = draw(st.text(alphabet=LOWER, min_size=1, max_size=12) | st.sampled_from(VOCABULARY))
    text = first[:1].upper() + first[1:] + draw(st.sampled_from(PUNCTUATION))
    for _ in range(draw(st.integers(0, max_tokens - 1))):
        if draw(st.booleans()):
            token = draw(letter_word)
            separator = draw(st.sampled_from((" ",) * 8 + (" – ", "-") + (("\n",) if newlines else ())))
        else:
            token, separator = draw(other_token), draw(st.sampled_from((" ", " ", " ", " – ")))
        text += separator + token + draw(st.sampled_from(PUNCTUATION))
    return text


# Markdown, HTML, entities and Jinja2 syntax that a plain-text field must print as written.
SPECIAL = (
    "*", "**", "_", "__", "#", "##", "[", "]", "[link](http://bip.gov.pl)", "<https://x.pl>", "![", "![]",
    "{{ 7*7 }}", "{{", "}}", "{% if true %}tak{% endif %}", "{%", "%}", "{#", "#}", "<b>", "</b>", "<br>",
    "<script>alert(1)</script>", "&", "&amp;", "&#42;", "&nbsp;", "\\", "\\*", "\\\\", "|", "~", "~~x~~", "`",
    "``kod``", "!", "*kursywa*", "**pogrubienie**", "_podkreślenie_", "$", "^", "=", "+", ">", "<", "'", '"',
    "a|b", ":::", "---", "***", "===",
)
# Line starts that are Markdown block syntax (lists, headings, quotes, fences, legal units, tables).
PREFIXES = ("", "", "", "- ", "+ ", "* ", "1. ", "12) ", "a) ", "zza) ", "§ ", "§ 2. ", "::: ", "> ", "# ",
            "– ", "| a | b |", "---", "```", "~~~", "    ", "1) ", "z) ")


@st.composite
def special_plain_text(draw: st.DrawFn, max_tokens: int = 8) -> str:
    """A plain-text field full of Markdown/HTML/Jinja2 syntax; non-empty after stripping, no control characters."""
    tokens = draw(st.lists(st.one_of(st.sampled_from(SPECIAL), letter_word, other_token), min_size=1,
                           max_size=max_tokens))
    text = draw(st.sampled_from(PREFIXES)) + " ".join(tokens)
    if not text.strip():
        text += "x"
    return text


def polish_plain_text(max_tokens: int = 8) -> st.SearchStrategy[str]:
    """An ordinary plain-text field (title, heading): words, digits, punctuation."""
    return markdown_text(max_tokens=max_tokens, newlines=False)


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


place_name: st.SearchStrategy[str] = st.text(alphabet=LOWER, min_size=3, max_size=12).map(capitalised)

# --- data strategies --------------------------------------------------------------------------------------------

# Real municipalities whose organ forms paldocs derives (morfeusz2); "forms" are what it derives (given in the
# "given" variant, left out in the "derived" one). Gminy miejskie need the population (art. 26 u.s.g.).
KNOWN_MUNICIPALITIES: tuple[dict[str, Any], ...] = (
    {"name": "Ostróda", "kind": "gmina wiejska", "population": None,
     "council": ("Rada Gminy Ostróda", "Rady Gminy Ostróda", "Rady Gminy"),
     "executive": ("Wójt Gminy Ostróda", "Wójtowi Gminy Ostróda")},
    {"name": "Iława", "kind": "gmina wiejska", "population": None,
     "council": ("Rada Gminy Iława", "Rady Gminy Iława", "Rady Gminy"),
     "executive": ("Wójt Gminy Iława", "Wójtowi Gminy Iława")},
    {"name": "Morąg", "kind": "gmina miejsko-wiejska", "population": None,
     "council": ("Rada Miejska w Morągu", "Rady Miejskiej w Morągu", "Rady Miejskiej"),
     "executive": ("Burmistrz Morąga", "Burmistrzowi Morąga")},
    {"name": "Olsztynek", "kind": "gmina miejsko-wiejska", "population": None,
     "council": ("Rada Miejska w Olsztynku", "Rady Miejskiej w Olsztynku", "Rady Miejskiej"),
     "executive": ("Burmistrz Olsztynka", "Burmistrzowi Olsztynka")},
    {"name": "Kętrzyn", "kind": "gmina miejska", "population": 27000,
     "council": ("Rada Miejska w Kętrzynie", "Rady Miejskiej w Kętrzynie", "Rady Miejskiej"),
     "executive": ("Burmistrz Miasta Kętrzyna", "Burmistrzowi Miasta Kętrzyna")},
    {"name": "Człuchów", "kind": "gmina miejska", "population": 13000,
     "council": ("Rada Miejska w Człuchowie", "Rady Miejskiej w Człuchowie", "Rady Miejskiej"),
     "executive": ("Burmistrz Miasta Człuchowa", "Burmistrzowi Miasta Człuchowa")},
    {"name": "Rybnik", "kind": "gmina miejska", "population": 130000,
     "council": ("Rada Miasta Rybnika", "Rady Miasta Rybnika", "Rady Miasta"),
     "executive": ("Prezydent Miasta Rybnika", "Prezydentowi Miasta Rybnika")},
)
EXECUTIVES: dict[str, tuple[tuple[str, str], ...]] = {  # (nominative, dative) heads by kind
    "gmina wiejska": (("Wójt Gminy", "Wójtowi Gminy"),),
    "gmina miejska": (("Burmistrz Miasta", "Burmistrzowi Miasta"), ("Prezydent Miasta", "Prezydentowi Miasta")),
    "gmina miejsko-wiejska": (("Burmistrz Miasta i Gminy", "Burmistrzowi Miasta i Gminy"),),
}
VOIVODESHIPS = ("dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie",
                "mazowieckie", "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie",
                "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie")
# Acts of the packaged catalog with a provision each; every act has a text announced before 2012 (an earlier
# adoption date would rightly be refused for the younger acts: no text of them was announced yet).
LEGAL_BASIS = (
    ("samorzad-gminny", "art. 18 ust. 2 pkt 15"), ("samorzad-gminny", "art. 40 ust. 1"),
    ("pomoc-spoleczna", "art. 110 ust. 10"), ("pomoc-spoleczna", "art. 17 ust. 1 pkt 1"),
    ("wspieranie-rodziny", "art. 176 pkt 1"), ("pozytek-publiczny", "art. 5a ust. 1"),
    ("finanse-publiczne", "art. 216 ust. 2 pkt 1"), ("ogloszanie-aktow", "art. 4 ust. 1"),
)
FIRST_DATE, LAST_DATE = dt.date(2012, 1, 1), dt.date(2035, 12, 31)
ROLES = ("introduction", "diagnosis", "goals", "main-goal", "specific-goals", "directions", "recipients",
         "methods", "schedule", "resources", "results", "financing", "implementer", "partners", "monitoring",
         "other")
ITEM_STYLES = ("decimal-dot", "decimal-paren", "alpha-paren", "dash", "bullet")


@st.composite
def municipality(draw: st.DrawFn, plain: st.SearchStrategy[str], names: st.SearchStrategy[str]) -> dict[str, Any]:
    """A profile: a real place (forms given or derived) or a synthetic one named from ``names``, every form given."""
    if draw(st.booleans()):
        known = draw(st.sampled_from(KNOWN_MUNICIPALITIES))
        profile: dict[str, Any] = {"name": known["name"], "kind": known["kind"], "seat": known["name"]}
        if known["population"] is not None:
            profile["population"] = known["population"]
        if draw(st.booleans()):  # given: the profile's forms win; else paldocs derives them (docs/domain.md § 4)
            profile["council"] = dict(zip(("nominative", "genitive", "type_genitive"), known["council"]))
            profile["executive"] = dict(zip(("nominative", "dative"), known["executive"]))
    else:
        name = draw(names)
        kind = draw(st.sampled_from(("gmina wiejska", "gmina miejska", "gmina miejsko-wiejska")))
        council = {"gmina wiejska": ("Rada Gminy", "Rady Gminy"), "gmina miejska": ("Rada Miasta", "Rady Miasta"),
                   "gmina miejsko-wiejska": ("Rada Miejska", "Rady Miejskiej")}[kind]
        # The executive organ matches the kind (art. 26 u.s.g.): wójt of a gmina wiejska, burmistrz or
        # prezydent of a town.
        head = draw(st.sampled_from(EXECUTIVES[kind]))
        profile = {"name": name, "kind": kind, "seat": name,
                   "council": {"nominative": f"{council[0]} {name}", "genitive": f"{council[1]} {name}",
                               "type_genitive": council[1]},
                   "executive": {"nominative": f"{head[0]} {name}", "dative": f"{head[1]} {name}"}}
    if draw(st.booleans()):
        profile["voivodeship"] = draw(st.sampled_from(VOIVODESHIPS))
    profile["numbering"] = {"order": draw(st.sampled_from(("session/number/year", "number/session/year",
                                                          "number/year"))),
                            "year_digits": draw(st.sampled_from((2, 4)))}
    profile["layout"] = {"paragraph_layout": draw(st.sampled_from(("inline", "heading"))),
                         "enacting_formula": draw(st.sampled_from(("impersonal", "council"))),
                         "annex_header_uppercase": draw(st.booleans()),
                         "annex_signature": draw(st.booleans())}
    profile["citation_style"] = draw(st.sampled_from(("ztp", "tj-ze-zm", "z-pozn-zm")))
    if draw(st.booleans()):
        profile["signatory"] = draw(signatory(plain))
    return profile


@st.composite
def signatory(draw: st.DrawFn, plain: st.SearchStrategy[str]) -> dict[str, Any]:
    """The chair or a deputy (signing "z up." or not), with or without the published copy's mark."""
    name = draw(st.one_of(st.tuples(place_name, place_name).map(" ".join), plain))
    return {"name": name, "function": draw(st.sampled_from(("przewodniczący", "wiceprzewodniczący"))),
            "gender": draw(st.sampled_from(("m", "k"))), "on_behalf_of_chair": draw(st.booleans()),
            "published_mark": draw(st.sampled_from(("", "(-)", "/-/")))}


def resolution_number(session: int, number: int, year: int, order: str, digits: int) -> str:
    """The number as a clerk types it, in the profile's order (the year with the profile's digits)."""
    year_text = str(year)[-2:] if digits == 2 else str(year)
    if order == "number/year":
        return f"{number}/{year_text}"
    if order == "number/session/year":
        return f"{number}/{to_roman(session)}/{year_text}"
    return f"{to_roman(session)}/{number}/{year_text}"


@st.composite
def items(draw: st.DrawFn, prefix: str, depth: int, max_items: int, markdown: st.SearchStrategy[str],
          max_depth: int) -> list[dict[str, Any]]:
    """A list of items, nested up to ``max_depth`` levels; ids derive from the position, so they are unique."""
    result: list[dict[str, Any]] = []
    for index in range(1, draw(st.integers(1, max_items)) + 1):
        ident = f"{prefix}-{index}"
        item: dict[str, Any] = {"text": draw(markdown)}
        if draw(st.booleans()):
            item["id"] = ident
        if depth < max_depth and draw(st.integers(0, 3)) == 0:  # a quarter of the items have sub-items
            item["items"] = draw(items(ident, depth + 1, max(1, max_items - 2), markdown, max_depth))
            if draw(st.booleans()):
                item["items_style"] = draw(st.sampled_from(ITEM_STYLES))
        result.append(item)
    return result


@st.composite
def section(draw: st.DrawFn, index: int, plain: st.SearchStrategy[str], markdown: st.SearchStrategy[str],
            max_items: int, max_depth: int, with_toc: bool) -> dict[str, Any]:
    """A section with an optional id, heading, level, role, TOC entry, content, items and closing."""
    ident = f"rozdzial-{index}"
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        data["id"] = ident
    has_heading = draw(st.integers(0, 5)) > 0
    if has_heading:
        data["heading"] = draw(plain)
    data["level"] = draw(st.sampled_from((1, 1, 2, 3)))
    if draw(st.integers(0, 4)) > 0:
        data["role"] = draw(st.sampled_from(ROLES))
    if with_toc:
        # toc: true on a section without a heading is a (documented) TemplateError, so only with a heading
        data["toc"] = draw(st.one_of(st.none(), st.just(False), plain,
                                     st.just(True) if has_heading else st.none()))
        if data["toc"] is None:
            del data["toc"]
    if draw(st.booleans()):
        data["content"] = draw(markdown)
    if not has_heading or draw(st.integers(0, 4)) > 0:  # a section must say something
        data["items"] = draw(items(f"s{index}", 1, max_items, markdown, max_depth))
        if draw(st.booleans()):
            data["items_style"] = draw(st.sampled_from(ITEM_STYLES))
    if draw(st.integers(0, 3)) == 0:
        data["closing"] = draw(markdown)
    return data


@st.composite
def data_files(draw: st.DrawFn, plain: st.SearchStrategy[str] | None = None,
               names: st.SearchStrategy[str] = place_name, markdown: st.SearchStrategy[str] | None = None,
               max_sections: int = 4, max_items: int = 5, max_depth: int = 3) -> dict[str, Any]:
    """A complete valid data file (``document: resolution`` or ``annex``).

    ``plain``: plain-text fields (titles, headings, subject, names); ``names``: the name of a synthetic
    municipality (in its organ forms); ``markdown``: Markdown fields (item texts, content, provisions)."""
    plain = plain if plain is not None else polish_plain_text()
    markdown = markdown if markdown is not None else markdown_text()
    profile = draw(municipality(plain, names))
    kind = draw(st.sampled_from(("pal", "gpwr", "program-wspolpracy", "program", "generic")))
    # A quarter are drafts without a date (dotted blanks; the legal basis is cited from the newest text).
    date = None if draw(st.integers(0, 3)) == 0 else draw(st.dates(FIRST_DATE, LAST_DATE))
    resolution: dict[str, Any] = {"kind": kind}
    if date is not None:
        resolution["date"] = date
    if draw(st.integers(0, 4)) > 0:  # the number's year is the date's year (docs/domain.md § 5; else refused, PD002)
        year = date.year if date else draw(st.integers(FIRST_DATE.year, LAST_DATE.year))
        numbering = profile["numbering"]
        resolution["number"] = resolution_number(draw(st.integers(1, 120)), draw(st.integers(1, 2000)), year,
                                                 numbering["order"], numbering["year_digits"])
    if kind == "generic" or draw(st.integers(0, 3)) == 0:  # "generic" has no default subject
        resolution["subject"] = "w sprawie " + draw(plain) if draw(st.booleans()) else draw(plain)
    if kind in ("program", "generic") or draw(st.booleans()):
        entries = draw(st.lists(st.sampled_from(LEGAL_BASIS), min_size=1, max_size=3, unique=True))
        resolution["legal_basis"] = [{"act": act, "provision": provision} for act, provision in entries]
        if draw(st.booleans()):
            resolution["legal_basis_join"] = draw(st.sampled_from(("i", "oraz", "w związku z")))
    if kind == "generic" or draw(st.integers(0, 3)) == 0:
        resolution["provisions"] = draw(st.lists(markdown, min_size=1, max_size=3))
    if draw(st.integers(0, 3)) == 0:  # an act of local law needs the voivodeship's official journal
        resolution["act_of_local_law"] = draw(st.booleans()) if "voivodeship" in profile else False
    if draw(st.integers(0, 3)) == 0:
        resolution["signatory"] = draw(signatory(plain))
    if draw(st.integers(0, 3)) == 0:
        resolution["justification"] = draw(markdown)
    start = (date.year if date else 2025) + draw(st.integers(0, 1))
    program: dict[str, Any] = {"title": draw(plain), "period": {"from": start, "to": start + draw(st.integers(0, 8))}}
    if draw(st.booleans()):
        program["title_genitive"] = draw(plain)
    if draw(st.booleans()):
        program["implementer"] = draw(plain)
    program["section_numbering"] = draw(st.sampled_from(("none", "roman", "decimal")))
    with_toc = draw(st.integers(0, 2)) == 0
    if with_toc:
        program["toc"] = {"title": draw(plain)} if draw(st.booleans()) else {}
    count = draw(st.integers(1, max_sections))
    program["sections"] = [draw(section(index, plain, markdown, max_items, max_depth, with_toc))
                           for index in range(1, count + 1)]
    return {"document": draw(st.sampled_from(("resolution", "resolution", "resolution", "annex"))),
            "municipality": profile, "resolution": resolution, "program": program}


# --- what must appear -------------------------------------------------------------------------------------------

def expected_texts(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(field path, text) of every generated text that the built document must print."""
    program, resolution = data["program"], data["resolution"]
    whole = data["document"] == "resolution"
    found: list[tuple[str, str]] = [("program.title", program["title"])]
    if "toc" in program:
        found.append(("program.toc.title", program["toc"].get("title", "Spis treści")))

    def walk(entries: list[dict[str, Any]], path: str) -> Iterator[tuple[str, str]]:
        for index, item in enumerate(entries):
            yield f"{path}[{index}].text", item["text"]
            yield from walk(item.get("items", []), f"{path}[{index}].items")

    for index, sect in enumerate(program["sections"]):
        path = f"program.sections[{index}]"
        for key in ("heading", "content", "closing"):
            if key in sect:
                found.append((f"{path}.{key}", sect[key]))
        if isinstance(sect.get("toc"), str) and "toc" in program:
            found.append((f"{path}.toc", sect["toc"]))
        found.extend(walk(sect.get("items", []), f"{path}.items"))
    if whole:
        if "subject" in resolution:
            found.append(("resolution.subject", resolution["subject"]))
        else:  # the kinds' default subject: „w sprawie przyjęcia „<title in the genitive>””
            found.append(("program.title_genitive", program.get("title_genitive", program["title"])))
        found.extend((f"resolution.provisions[{i}]", text) for i, text in enumerate(resolution.get("provisions", [])))
        if "justification" in resolution:
            found.append(("resolution.justification", resolution["justification"]))
        signer = resolution.get("signatory") or data["municipality"].get("signatory")
        if signer:
            found.append(("signatory.name", signer["name"]))
    found.extend(organ_names(data))
    return found


def organ_names(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The organ forms given in the profile, where the document prints them as written (not in capitals)."""
    profile, whole = data["municipality"], data["document"] == "resolution"
    if "council" not in profile:
        return []  # derived forms: tested by tests/test_polish_organs.py, not known here
    found: list[tuple[str, str]] = []
    if not profile["layout"]["annex_header_uppercase"]:  # "Załącznik do Uchwały Nr …" / "<council genitive>"
        found.append(("municipality.council.genitive", profile["council"]["genitive"]))
    if whole:  # "Wykonanie uchwały powierza się <executive dative>."
        found.append(("municipality.executive.dative", profile["executive"]["dative"]))
        if profile["layout"]["enacting_formula"] == "council":  # "<council> uchwala, co następuje:"
            found.append(("municipality.council.nominative", profile["council"]["nominative"]))
    return found


_QUOTES = str.maketrans({"„": '"', "”": '"'})
# Every whitespace character but the tab: a DOCX puts a tab only between a list label and its text, never
# inside a text, so a tab inside an expected text means it was cut into a label and an item (a plain field that
# became a list).
_SPACES = re.compile(r"[^\S\t]+")


def normalise(text: str) -> str:
    """Whitespace runs (NBSP, line and page breaks included) → one space; Polish quotes → straight ones."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip()


def without_whitespace(text: str) -> str:
    """For the PDF, whose extracted spaces are guesses from glyph positions."""
    return "".join(text.translate(_QUOTES).split())


# --- reading the outputs back -----------------------------------------------------------------------------------

def docx_text(data: bytes) -> str:
    """Every paragraph of the body, then every table cell's paragraphs (python-docx, a real reader)."""
    document = docx.Document(io.BytesIO(data))
    chunks = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                chunks.extend(paragraph.text for paragraph in cell.paragraphs)
    return "\n".join(chunks)


def html_text(data: bytes) -> str:
    tree = lxml.html.fromstring(data)
    for line_break in tree.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    return str(tree.body.text_content())


# print.css: A4 with 2.5 cm margins; an annex page's number sits in the bottom margin, below any body text.
BOTTOM_MARGIN_PT = 2.5 / 2.54 * 72


def pdf_text(data: bytes) -> str:
    """pypdf's text of every page without the footer (the page number in the bottom margin).

    The footer is recognised by its position, not by being a number: a body line may be just a number too."""
    parts: list[str] = []

    def keep_body(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # baseline in PDF user space (origin bottom left)
        if y > BOTTOM_MARGIN_PT - 12:  # the last body line's baseline is at least at the margin
            parts.append(text)

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=keep_body)
        parts.append("\n")
    return "".join(parts)


def txt_text(data: bytes) -> str:
    return data.decode("utf-8")


READERS: dict[str, Callable[[bytes], str]] = {"docx": docx_text, "html": html_text, "txt": txt_text, "pdf": pdf_text}


# --- building ---------------------------------------------------------------------------------------------------

def dump(data: dict[str, Any]) -> str:
    """The data file as a user would write it (UTF-8 text, keys in the generated order)."""
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return text


def load_generated(data: dict[str, Any], folder: Path) -> Document:
    """Write the data as a user would and load it with the real loader; a PaldocsError is a finding."""
    path = folder / "uchwala.yaml"
    path.write_text(dump(data), encoding="utf-8")
    try:
        document, _notes = to_document(path)
    except PaldocsError as error:
        pytest.fail(f"generated-valid data was refused (a finding: a strategy or a paldocs bug): {error}")
    return document


def render_checked(document: Document, fmt: str) -> bytes:
    """One format's bytes; a PaldocsError on valid data is a finding, like any other exception."""
    try:
        return render(document, fmt)
    except PaldocsError as error:
        pytest.fail(f"generated-valid data failed to render as {fmt} (a finding): {error}")


def assert_texts_appear(data: dict[str, Any], fmt: str, output: str) -> None:
    """Every expected text, normalised, is a substring of the normalised output (for PDF: without whitespace)."""
    squash = without_whitespace if fmt == "pdf" else normalise
    haystack = squash(output)
    missing = [(path, text) for path, text in expected_texts(data) if squash(text) not in haystack]
    assert not missing, f"{fmt}: texts missing from the output: {missing}\n--- output ---\n{output}"


def check_build(data: dict[str, Any], formats: tuple[str, ...]) -> None:
    """Load through the real loader, render each format, read it back and look for every expected text.
    (Each test notes the data as YAML: hypothesis prints it with the falsifying example.)"""
    with tempfile.TemporaryDirectory() as folder:  # not tmp_path: one folder per example, not per test
        document = load_generated(data, Path(folder))
    for fmt in formats:
        output = render_checked(document, fmt)
        assert_texts_appear(data, fmt, READERS[fmt](output))


# --- properties -------------------------------------------------------------------------------------------------

@PROFILE
@given(data=data_files())
def test_valid_data_builds_and_every_text_appears(data: dict[str, Any]) -> None:
    note(dump(data))  # the falsifying example as the YAML file a user would write
    check_build(data, ("docx", "html", "txt"))


@scaled(PDF_SHARE)
@given(data=data_files())
def test_pdf_keeps_every_text(data: dict[str, Any]) -> None:
    note(dump(data))  # the falsifying example as the YAML file a user would write
    check_build(data, ("pdf",))


@scaled(PDF_SHARE)
@given(data=data_files(plain=special_plain_text(), names=special_plain_text(max_tokens=3)))
def test_plain_fields_are_printed_literally(data: dict[str, Any]) -> None:
    note(dump(data))  # the falsifying example as the YAML file a user would write
    check_build(data, ("docx", "html", "txt", "pdf"))


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every key and list index of the data, depth first (the root excluded)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*path, index)
            yield from _paths(child, (*path, index))


# Any value YAML can hold, of any type: what a clerk's typo or a wrong indentation produces.
any_value: st.SearchStrategy[Any] = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
              st.dates(), st.text(st.characters(codec="utf-8"), max_size=30),
              st.sampled_from(SPECIAL)),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6)


@st.composite
def broken_data_files(draw: st.DrawFn) -> dict[str, Any]:
    """A valid data file with one thing wrong (or, rarely, still right): dropped, replaced or unknown key."""
    data = draw(data_files(max_sections=2, max_items=3, max_depth=2))
    # Choose a field first ("program.sections[*].items[*].text"), then one occurrence of it: drawing among all
    # paths would almost always hit an item, and the municipality's and resolution's fields would go untested.
    by_field: dict[tuple[str | int, ...], list[tuple[str | int, ...]]] = {}
    for found in _paths(data):
        by_field.setdefault(tuple("*" if isinstance(step, int) else step for step in found), []).append(found)
    path = draw(st.sampled_from(by_field[draw(st.sampled_from(sorted(by_field, key=str)))]))
    parent: Any = data
    for step in path[:-1]:
        parent = parent[step]
    action = draw(st.sampled_from(("drop", "replace", "replace", "add")))
    if action == "drop":
        del parent[path[-1]]
    elif action == "replace":
        parent[path[-1]] = draw(any_value)
    elif isinstance(parent, dict):
        parent[draw(st.text(LOWER + "_", min_size=1, max_size=10))] = draw(any_value)
    else:
        parent.append(draw(any_value))
    return data


@PROFILE
@given(data=broken_data_files())
def test_broken_data_fails_only_with_paldocs_errors(data: dict[str, Any]) -> None:
    note(dump(data))  # the falsifying example as the YAML file a user would write
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "uchwala.yaml"
        path.write_text(dump(data), encoding="utf-8")
        try:
            document, _notes = to_document(path)
            for fmt in ("txt", "html"):  # the cheap writers: the DOCX and PDF writers have their own properties
                render(document, fmt)
        except PaldocsError:
            pass  # refused with a located Polish message: the CLI's exit code 2, as it should be


@pytest.mark.nightly
@pytest.mark.skipif(os.environ.get("PALDOCS_NIGHTLY") != "1", reason="nightly only (PALDOCS_NIGHTLY=1)")
@scaled(0.1)
@given(data=data_files(markdown=markdown_text(max_tokens=40), max_sections=10, max_items=8, max_depth=3))
def test_large_documents(data: dict[str, Any]) -> None:
    note(dump(data))  # the falsifying example as the YAML file a user would write
    check_build(data, ("docx", "html", "txt", "pdf"))
