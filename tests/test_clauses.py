"""Standard clauses (paldocs/legal/clauses.yaml): the wording paldocs prints, the one recogniser, and its users —
the closing-provisions template, PD024–PD026 and the importer."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from paldocs.compose import clause_markdown
from paldocs.errors import PaldocsError
from paldocs.importer.resolution import classify_provision
from paldocs.legal import clauses
from paldocs.legal.clauses import ClauseMatch, clause_kinds, clause_text, recognise_clause
from paldocs.polish.regions import official_journal

WM = official_journal("warmińsko-mazurskie")


def test_the_wording_paldocs_prints() -> None:
    assert clause_text("executor", "standard", organ="Wójtowi Gminy Ostróda") == (
        "Wykonanie uchwały powierza się Wójtowi Gminy Ostróda.")
    assert clause_text("entry-into-force", "upon-adoption") == "Uchwała wchodzi w życie z dniem podjęcia."
    assert clause_text("entry-into-force", "after-publication", journal=WM) == (
        "Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa "
        "Warmińsko-Mazurskiego.")
    with pytest.raises(ValueError):
        clause_text("entry-into-force", "within-14-days")  # recognised only: paldocs never prints it


@pytest.mark.parametrize(("variant", "values"), [
    (("executor", "standard"), {"organ": "Burmistrzowi Miasta Kętrzyn"}),
    (("entry-into-force", "upon-adoption"), {}),
    (("entry-into-force", "after-publication"), {"journal": WM}),
])
def test_what_paldocs_prints_is_recognised_exactly(variant: tuple[str, str], values: dict[str, str]) -> None:
    kind, variant_id = variant
    found = recognise_clause(clause_text(kind, variant_id, **values))
    assert found is not None
    assert (found.kind, found.variant, found.exact) == (kind, variant_id, True)
    assert (found.organ, found.journal) == (values.get("organ"), values.get("journal"))


@pytest.mark.parametrize(("text", "expected"), [
    # Real wordings of tests/import_cases/resolutions (Rypin 228/2005, Kętrzyn 124/XXII/2016, Inowrocław, wrapped):
    ("Wykonanie uchwały powierza się Wójtowi Gminy Rypin.",
     ClauseMatch("executor", "standard", "Wykonanie uchwały powierza się Wójtowi Gminy Rypin.",
                 organ="Wójtowi Gminy Rypin", exact=True)),
    ("Wykonanie  uchwały  powierza  się  Prezydentowi  Miasta\nInowrocławia.",
     ClauseMatch("executor", "standard", "Wykonanie uchwały powierza się Prezydentowi Miasta Inowrocławia.",
                 organ="Prezydentowi Miasta Inowrocławia", exact=True)),
    ("Wykonanie\u00a0uchwały powierza się Burmistrzowi Miasta Kętrzyn\r\n",
     ClauseMatch("executor", "standard", "Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn",
                 organ="Burmistrzowi Miasta Kętrzyn", exact=True)),
    ("Wykonanie niniejszej uchwały powierza się Burmistrzowi Miasta.",
     ClauseMatch("executor", "this-resolution", "Wykonanie niniejszej uchwały powierza się Burmistrzowi Miasta.",
                 organ="Burmistrzowi Miasta")),
    ("Uchwała  wchodzi  w  życie  z  dniem  podjęcia.",
     ClauseMatch("entry-into-force", "upon-adoption", "Uchwała wchodzi w życie z dniem podjęcia.", exact=True)),
    ("Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu na tablicy ogłoszeń.",
     ClauseMatch("entry-into-force", "upon-adoption",
                 "Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu na tablicy ogłoszeń.")),
    # Variants PD026 judges:
    ("Uchwała wchodzi w życie w terminie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa "
     "Warmińsko-Mazurskiego.",
     ClauseMatch("entry-into-force", "within-14-days", "Uchwała wchodzi w życie w terminie 14 dni od dnia "
                 "ogłoszenia w Dzienniku Urzędowym Województwa Warmińsko-Mazurskiego.")),
    ("Uchwała wchodzi w życie z mocą od dnia 1 stycznia 2025 r.",
     ClauseMatch("entry-into-force", "retroactive", "Uchwała wchodzi w życie z mocą od dnia 1 stycznia 2025 r.",
                 date="1 stycznia 2025 r.")),
    ("Uchwała wchodzi w życie z dniem 1.11.2024 r.",
     ClauseMatch("entry-into-force", "on-date", "Uchwała wchodzi w życie z dniem 1.11.2024 r.",
                 date="1.11.2024 r.")),
    ("Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa "
     "Mazowieckiego.",
     ClauseMatch("entry-into-force", "after-publication", "Uchwała wchodzi w życie po upływie 14 dni od dnia "
                 "ogłoszenia w Dzienniku Urzędowym Województwa Mazowieckiego.",
                 journal="Dzienniku Urzędowym Województwa Mazowieckiego", exact=True)),
    ("Uchwała wchodzi w życie z dniem ogłoszenia.",
     ClauseMatch("entry-into-force", None, "Uchwała wchodzi w życie z dniem ogłoszenia.")),
    # Publication clauses (recognised, never printed):
    ("Uchwała podlega ogłoszeniu w Dzienniku Urzędowym Województwa Pomorskiego.",
     ClauseMatch("publication", "official-journal", "Uchwała podlega ogłoszeniu w Dzienniku Urzędowym Województwa "
                 "Pomorskiego.", journal="Dzienniku Urzędowym Województwa Pomorskiego")),
    ("Uchwała podlega podaniu do publicznej wiadomości w sposób zwyczajowo przyjęty.",
     ClauseMatch("publication", "customary",
                 "Uchwała podlega podaniu do publicznej wiadomości w sposób zwyczajowo przyjęty.")),
    # Not a standard clause:
    ("Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.", None),
    # A repeal clause is a standard closing provision now (kind "repeal", clauses.yaml); this one lacks the council,
    # date and title, so it is recognised but not exactly the printed wording.
    ("Traci moc uchwała Nr X/1/2010.", ClauseMatch("repeal", "one", "Traci moc uchwała Nr X/1/2010.")),
    ("Kto inny traci moc.", None),
    ("", None),
])
def test_recognise_clause(text: str, expected: ClauseMatch | None) -> None:
    assert recognise_clause(text) == expected


def import_case_paragraphs() -> list[str]:
    """Every paragraf's text in the resolutions the importer tests read (joined across hard wraps)."""
    texts: list[str] = []
    for path in sorted((REPO / "tests" / "import_cases" / "resolutions").glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8").replace("\r\n", "\n")):
            if block.strip().startswith("§"):
                texts.append(re.sub(r"^\s*§\s*\d+\.?\s*", "", block.strip()))
    return texts


def test_every_closing_clause_of_the_import_cases_is_recognised() -> None:
    """Each closing paragraf of the real resolutions in tests/import_cases is recognised in a printed wording."""
    closing = [text for text in import_case_paragraphs()
               if " ".join(text.split()).startswith(("Wykonanie", "Uchwała wchodzi"))]
    assert len(closing) == 6  # Rypin, Kętrzyn (CRLF, NBSP), Inowrocław (hard-wrapped, double spaces): two each
    for text in closing:
        found = recognise_clause(text)
        assert found is not None and found.exact, text
        assert (found.kind, found.variant) in {("executor", "standard"), ("entry-into-force", "upon-adoption")}


def test_the_importer_leaves_only_printed_wordings_to_the_template() -> None:
    assert classify_provision("Wykonanie uchwały powierza się Wójtowi Gminy Rypin.") == ("executor",
                                                                                      "Wójtowi Gminy Rypin")
    assert classify_provision("Uchwała wchodzi w życie z dniem podjęcia") == ("in-force", None)
    # Anything the template would print differently stays a provision of the data file, word for word.
    for kept in ("Wykonanie niniejszej uchwały powierza się Burmistrzowi.",
                 "Uchwała wchodzi w życie z dniem podjęcia, z wyjątkiem § 2, który wchodzi w życie z dniem 1 "
                 "stycznia 2026 r.",
                 f"Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w {WM}.",
                 "Uchwała podlega ogłoszeniu w Dzienniku Urzędowym Województwa Pomorskiego."):
        assert classify_provision(kept) == ("other", None), kept


def test_the_template_global_escapes_values_as_the_template_would() -> None:
    assert clause_markdown("executor", "standard", organ="Wójtowi *Gminy*") == (
        "Wykonanie uchwały powierza się Wójtowi \\*Gminy\\*.")
    assert clause_markdown("entry-into-force", "upon-adoption") == "Uchwała wchodzi w życie z dniem podjęcia."


def test_every_variant_names_a_source_inside_the_repository() -> None:
    for kind in clause_kinds():
        for variant in kind.variants:
            assert variant.source.strip(), (kind.kind, variant.id)
            assert "../" not in variant.source and ".md" not in variant.source, (kind.kind, variant.id)
            if variant.text is not None and (kind.kind, variant.id) not in CHOSEN_BY_DATA:
                assert variant.verified, (kind.kind, variant.id)  # what paldocs prints by default rests on a checked source


# Wordings printed only when the data choose them (resolution.closing): their source may be unverified, and then
# every build that prints one says so (paldocs.closing notes; test_closing.py).
CHOSEN_BY_DATA = {("entry-into-force", "on-date"), ("publication-suffix", "official-journal"),
                  ("publication-suffix", "customary"), ("publication-suffix", "notice-board")}


@pytest.mark.parametrize(("pattern", "message"), [
    ("(?P<who>.+)", "dozwolone grupy"),
    ("([", "clauses[0]"),
    (None, "brak wyrażenia"),
])
def test_a_broken_pattern_is_refused(pattern: object, message: str) -> None:
    with pytest.raises(PaldocsError) as caught:
        clauses._compile(pattern, "clauses[0].pattern")
    assert message in str(caught.value) and "clauses.yaml" in str(caught.value.location)


def test_a_wording_with_an_unknown_field_is_refused() -> None:
    raw = {"id": "x", "text": "Wykonanie uchwały powierza się {kto}.", "pattern": "^x", "source": "s", "verified": True}
    with pytest.raises(PaldocsError, match="organ"):
        clauses._variant(raw, "clauses[0].variants[0]")
