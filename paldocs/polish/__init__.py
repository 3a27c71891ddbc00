"""Pure Polish language helpers: numerals, dates, amounts and typography.

Contract: every function here is pure (strings, ints, dates in; strings, ints, dates out), does no I/O and knows
nothing of the document model; invalid input raises :class:`paldocs.errors.DataError` with a Polish message.
The templates reach them through :data:`JINJA_FILTERS`.

Glossary (identifiers are English, domain values Polish):

- uchwała — resolution (of the council, rada gminy / rada miejska); projekt uchwały — draft resolution
- załącznik — annex; "Załącznik nr 1 do Uchwały Nr …"
- uzasadnienie — justification, follows the signature
- podstawa prawna — legal basis ("Na podstawie art. 18 ust. 2 pkt 15 ustawy …")
- ustawa — statute; Dz. U. (Dziennik Ustaw) — the official journal, "poz." — its item number;
  tekst jednolity — consolidated text
- ZTP (Zasady techniki prawodawczej) — the drafting rules regulation
- APM (akt prawa miejscowego) — act of local law, published in the voivodeship's Dziennik Urzędowy
- jednostki redakcyjne — legal units: paragraf ("§ 1.") → ustęp ("1.") → punkt ("1)") → litera ("a)") →
  tiret ("–"); cited as § 1, ust. 1, pkt 1, lit. a, tiret pierwsze
- rada gminy / rada miejska — council (organ stanowiący, the legislative organ)
- organ wykonawczy — executive organ: wójt, burmistrz or prezydent miasta
- przewodniczący rady — chair of the council, signs the resolution
- sesja — council session; its Roman number opens the resolution number ("LXIV/400/14")
- przepisy końcowe — closing provisions: executor clause + entry into force
- PAL — Program Aktywności Lokalnej, local activity programme; sprawozdanie — (monitoring) report
- gmina miejska / wiejska / miejsko-wiejska — urban / rural / urban-rural municipality
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paldocs.polish.dates import format_date, format_month_year, parse_date
from paldocs.polish.inflection import place_case
from paldocs.polish.numerals import (
    format_amount,
    format_decimal,
    format_integer,
    format_percent,
    from_letter,
    from_roman,
    is_roman,
    to_letter,
    to_roman,
)
from paldocs.polish.organs import (
    CouncilForms,
    ExecutiveForms,
    chair_title,
    council_forms,
    default_council_nominative,
    default_executive_nominative,
    executive_forms,
    executive_title,
)
from paldocs.polish.typography import NBSP, QUOTE_CLOSE, QUOTE_OPEN, apply_typography, normalize_spaces
from paldocs.polish.words import amount_in_words, format_count, number_in_words, plural_form

__all__ = [
    "JINJA_FILTERS",
    "format_decimal",
    "format_percent",
    "NBSP",
    "QUOTE_CLOSE",
    "QUOTE_OPEN",
    "CouncilForms",
    "ExecutiveForms",
    "amount_in_words",
    "apply_typography",
    "chair_title",
    "council_forms",
    "default_council_nominative",
    "default_executive_nominative",
    "executive_forms",
    "executive_title",
    "format_amount",
    "format_count",
    "format_date",
    "format_integer",
    "format_month_year",
    "from_letter",
    "from_roman",
    "is_roman",
    "normalize_spaces",
    "number_in_words",
    "parse_date",
    "place_case",
    "plural_form",
    "to_letter",
    "to_roman",
]

# Filter names as templates write them: {{ session | roman }}, {{ adopted_on | date }}, {{ total | amount }},
# {{ total | amount_words }}, {{ n | count("osoba") }} → "5 osób", {{ n | plural("zadanie", "zadania", "zadań") }}.
JINJA_FILTERS: dict[str, Callable[..., Any]] = {
    "roman": to_roman,
    "letter": to_letter,
    "date": format_date,
    "amount": format_amount,
    "month_year": format_month_year,
    "amount_words": amount_in_words,
    "count": format_count,
    "plural": plural_form,
    "num": format_decimal,
    "percent": format_percent,
}
