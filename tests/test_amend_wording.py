"""The change list of an amending resolution in ZTP words (paldocs.amendments.wording) and the kind „zmiana”.

Each case names the paragraph of Dział II ZTP it follows, as read in the 2016 text (Dz. U. z 2016 r. poz. 283,
arslege.pl) and in the amendment of ZTP itself (Dz. U. z 2026 r. poz. 100, prawo.pl); docs/amendments.md,
"Wording (ZTP)", says which paragraphs were read where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS

from paldocs.amendments.wording import (amendment_markdown, amendment_title, annex_form_for, journal_formula,
                                   quoted_wording)
from paldocs.amendments.address import parse_address
from paldocs.api import render, to_document
from paldocs.document import Unit, walk
from paldocs.errors import PaldocsError
from paldocs.model.amendment import AmendedResolution, Amendment

COUNCIL = "Rady Gminy Ostróda"
AMENDED = {"number": "XII/85/2024", "date": "2024-11-20", "subject": "w sprawie zasad udzielania dotacji"}
NAME = "W uchwale Nr XII/85/2024 Rady Gminy Ostróda z dnia 20 listopada 2024 r. w sprawie zasad udzielania dotacji"
BODY = TESTS / "data" / "body" / "gmina-x.yaml"


def amendment(*changes: dict[str, Any], **fields: Any) -> Amendment:
    return Amendment.model_validate({"resolution": {**AMENDED, **fields.pop("amended", {})},
                                     "changes": list(changes), **fields})


# One change: one sentence (§ 85 ust. 3 — repeal, insert; § 85 ust. 4 — a new wording of a unit or of a unit
# inside another: „W ustawie … w art. … … otrzymuje brzmienie: …”).
ONE_SENTENCE = [
    pytest.param({"op": "repeal", "unit": "§ 5"}, f"{NAME} uchyla się § 5.", id="§ 85 ust. 3: uchyla się"),
    pytest.param({"op": "repeal", "unit": "§ 2 ust. 3"}, f"{NAME} w § 2 uchyla się ust. 3.",
                 id="§ 85 ust. 3: uchyla się w paragrafie"),
    pytest.param({"op": "insert", "unit": "§ 4a", "after": "§ 4", "text": "Dotacje rozlicza się do 31 stycznia."},
                 f"{NAME} po § 4 dodaje się § 4a w brzmieniu:\\\n„§ 4a. Dotacje rozlicza się do 31 stycznia.”.",
                 id="§ 85 ust. 3: po … dodaje się … w brzmieniu"),
    pytest.param({"op": "insert", "unit": "§ 2 ust. 2 pkt 2a", "after": "§ 2 ust. 2 pkt 2", "text": "koszty "
                  "promocji;"}, f"{NAME} w § 2 w ust. 2 po pkt 2 dodaje się pkt 2a w brzmieniu:\\\n„2a) koszty "
                  "promocji;”.", id="§ 85 ust. 3: dodaje się punkt z literą"),
    pytest.param({"op": "wording", "unit": "§ 3", "text": "Zwykły paragraf."},
                 f"{NAME} § 3 otrzymuje brzmienie:\\\n„§ 3. Zwykły paragraf.”.", id="§ 85 ust. 4: otrzymuje brzmienie"),
    pytest.param({"op": "wording", "unit": "§ 3 ust. 1 pkt 2", "text": "koszty rzeczowe;"},
                 f"{NAME} w § 3 w ust. 1 pkt 2 otrzymuje brzmienie:\\\n„2) koszty rzeczowe;”.",
                 id="§ 85 ust. 4: w … otrzymuje brzmienie"),
    pytest.param({"op": "words", "unit": "§ 2 ust. 1", "old_words": "do 31 marca", "new_words": "do 30 kwietnia"},
                 f"{NAME} w § 2 w ust. 1 wyrazy „do 31 marca” zastępuje się wyrazami „do 30 kwietnia”.",
                 id="zmiana wyrazów"),
    pytest.param({"op": "annex", "unit": "załącznik"},
                 "Załącznik do uchwały Nr XII/85/2024 Rady Gminy Ostróda z dnia 20 listopada 2024 r. w sprawie zasad "
                 "udzielania dotacji otrzymuje brzmienie określone w załączniku do niniejszej uchwały.",
                 id="nowe brzmienie załącznika"),
]


@pytest.mark.parametrize(("change", "expected"), ONE_SENTENCE)
def test_one_change_is_one_sentence(change: dict[str, Any], expected: str) -> None:
    assert amendment_markdown(amendment(change), COUNCIL) == expected


def test_several_changes_are_numbered_points() -> None:
    """§ 85 ust. 2: „W ustawie … wprowadza się następujące zmiany:”; points end with „;”, the last with „.”;
    a quoted wording closes with ” before the point's sign (Dz. U. z 2026 r. poz. 100, § 1 pkt 1: „…wykonawcze.”;")."""
    text = amendment_markdown(amendment(
        {"op": "wording", "unit": "§ 2", "text": "1. Ustala się zasady.\n2. Dotacja obejmuje:\n   1) koszty;\n"
                                                  "   2) usługi."},
        {"op": "insert", "unit": "§ 4a", "after": "§ 4", "text": "Dodany paragraf."},
        {"op": "repeal", "unit": "§ 5"},
        {"op": "words", "unit": "§ 6", "old_words": "Wójtowi", "new_words": "Wójtowi Gminy"}), COUNCIL)
    assert text == (f"{NAME} wprowadza się następujące zmiany:\n"
                    "1) \\§ 2 otrzymuje brzmienie:\\\n"
                    "   „§ 2. 1. Ustala się zasady.\\\n"
                    "   2\\. Dotacja obejmuje:\\\n"
                    "   1\\) koszty;\\\n"
                    "   2\\) usługi.”;\n"
                    "2) po § 4 dodaje się § 4a w brzmieniu:\\\n"
                    "   „§ 4a. Dodany paragraf.”;\n"
                    "3) uchyla się § 5;\n"
                    "4) w § 6 wyraz „Wójtowi” zastępuje się wyrazami „Wójtowi Gminy”.")


@pytest.mark.parametrize(("old", "new", "phrase"), [
    ("do 31 marca", "do 30 kwietnia", "wyrazy „do 31 marca” zastępuje się wyrazami „do 30 kwietnia”"),
    ("marca", "kwietnia", "wyraz „marca” zastępuje się wyrazem „kwietnia”"),
    ("samotnie", "", "skreśla się wyraz „samotnie”"),  # Senat, druk nr 902 Z (2005), poprawka 1
    ("w tym także", "", "skreśla się wyrazy „w tym także”"),
    ("*ważne*", "[pilne]", "wyraz „\\*ważne\\*” zastępuje się wyrazem „\\[pilne\\]”"),  # plain text stays text
])
def test_words_are_replaced_or_struck_out(old: str, new: str, phrase: str) -> None:
    text = amendment_markdown(amendment({"op": "words", "unit": "§ 2", "old_words": old, "new_words": new}), COUNCIL)
    assert text == f"{NAME} w § 2 {phrase}."


@pytest.mark.parametrize(("address", "text", "expected"), [
    ("§ 2", "Tekst.", "„§ 2. Tekst.”;"),
    ("§ 2 ust. 3", "Tekst.", "„3. Tekst.”;"),
    ("§ 2 pkt 3", "tekst;", "„3) tekst;”;"),
    ("§ 2 pkt 3 lit. ba", "tekst,", "„ba) tekst,”;"),  # a letter added after „b)”
    ("§ 2 pkt 3 lit. a tiret drugie", "tekst,", "„– tekst,”;"),
    ("załącznik rozdział II pkt 3", "Punkt programu.", "„3. Punkt programu.”;"),
    ("załącznik rozdział II", "## Cele\n\nTreść.", "„Rozdział II. Cele\\\nTreść.”;"),
    ("załącznik rozdział 4 wiersz 5", "| 5 | Szkolenia | 2 000 zł |", "„5 \\| Szkolenia \\| 2 000 zł”;"),
    ("§ 2", "Wstęp:\n- pierwsze\n* drugie\n§ 3 nie\n*ważne* zdanie", "„§ 2. Wstęp:\\\n\\- pierwsze\\\n\\* drugie"
                                                                   "\\\n\\§ 3 nie\\\n*ważne* zdanie”;"),
])
def test_quoted_wording_keeps_its_markers_as_text(address: str, text: str, expected: str) -> None:
    assert quoted_wording(parse_address(address), text, ";") == expected


@pytest.mark.parametrize(("journal", "prior", "expected"), [
    (None, [], None),
    ("Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750", [], "Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750"),
    ("Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750", ["Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 2100",
                                                       "Dz. Urz. Woj. Warm.-Maz. z 2016 r. poz. 15"],
     "Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750 i 2100 oraz z 2016 r. poz. 15"),
    ("Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750", ["Dz.Urz. Woj. Opol. z 2016 r. poz. 15"],
     "Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750, Dz.Urz. Woj. Opol. z 2016 r. poz. 15"),
])
def test_journal_formula_groups_positions_by_year(journal: str | None, prior: list[str], expected: str | None) -> None:
    amended = AmendedResolution.model_validate({**AMENDED, "journal": journal, "amended_by": [
        {"number": f"X/{n}/2016", "date": "2016-01-01", "journal": address} for n, address in enumerate(prior, 1)]})
    assert journal_formula(amended) == expected


def test_the_amended_act_is_named_with_its_journal() -> None:
    """§ 85 ust. 2: the act is named by its title; an act of local law also by where it was published."""
    text = amendment_markdown(amendment({"op": "repeal", "unit": "§ 5"}, amended={
        "journal": "Dz. Urz. Woj. Warm.-Maz. z 2024 r. poz. 5000", "council": "Rady Gminy w Ostródzie"}), COUNCIL)
    assert text == ("W uchwale Nr XII/85/2024 Rady Gminy w Ostródzie z dnia 20 listopada 2024 r. w sprawie zasad "
                    "udzielania dotacji (Dz. Urz. Woj. Warm.-Maz. z 2024 r. poz. 5000) uchyla się § 5.")


@pytest.mark.parametrize(("form", "title"), [
    ("zmieniajaca", "zmieniająca uchwałę w sprawie zasad udzielania dotacji"),  # Wizna XXIV/125/13
    ("zmiany", "w sprawie zmiany uchwały Nr XII/85/2024 Rady Gminy Ostróda z dnia 20 listopada 2024 r. w sprawie "
               "zasad udzielania dotacji"),  # Choroszcz VII/80/03, Michałowo XXVII/250/09
])
def test_title_forms(form: str, title: str) -> None:
    assert amendment_title(amendment({"op": "repeal", "unit": "§ 5"}, title_form=form), COUNCIL) == title


@pytest.mark.parametrize(("changed", "total", "requested", "form"), [
    (1, 10, None, "precise"), (5, 10, None, "precise"), (6, 10, None, "whole"), (0, 0, None, "precise"),
    (9, 10, "precise", "precise"), (1, 10, "whole", "whole"),
])
def test_annex_form_rule(changed: int, total: int, requested: Any, form: str) -> None:
    assert annex_form_for(changed, total, requested) == form


@pytest.mark.parametrize(("changes", "form", "message"), [
    ([{"op": "annex", "unit": "załącznik"}, {"op": "repeal", "unit": "załącznik rozdział 2"}], None, "zbędne"),
    ([{"op": "annex", "unit": "załącznik"}], "precise", "annex_form: precise"),
    ([{"op": "repeal", "unit": "załącznik rozdział 2"}], "whole", "annex_form: whole"),
    ([{"op": "annex", "unit": "załącznik nr 1"}, {"op": "annex", "unit": "załącznik nr 2"}], None, "jedno"),
])
def test_annex_changes_must_agree(changes: list[dict[str, Any]], form: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        amendment(*changes, annex_form=form)


def amending_file(tmp_path: Path, changes: list[dict[str, Any]], program: dict[str, Any] | None = None,
                  **resolution: Any) -> Path:
    data = yaml.safe_load(BODY.read_text(encoding="utf-8"))
    if program is not None:
        data["program"] = program
    data["resolution"] = {"kind": "zmiana", "number": "XV/101/2025", "date": "2025-03-26",
                          "legal_basis": data["resolution"]["legal_basis"], "signatory": {"name": "Anna Nowak", "gender": "k"},
                          "amends": {"resolution": AMENDED, "changes": changes}, **resolution}
    path = tmp_path / "zmiana.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_an_amending_resolution_builds(tmp_path: Path, golden: Any) -> None:
    """The kind „zmiana” prints the title and § 1 from ``amends``; the quoted units stay text of § 1's points."""
    path = amending_file(tmp_path, [
        {"op": "wording", "unit": "§ 1", "text": "1. Ustala się zasady.\n2. Dotacja obejmuje:\n   1) koszty;\n"
                                                  "   2) usługi:\n      a) transportowe,\n      b) pocztowe."},
        {"op": "insert", "unit": "§ 2a", "after": "§ 2", "text": "Dotacje rozlicza się do 31 stycznia."},
        {"op": "words", "unit": "§ 1 ust. 2 pkt 1", "old_words": "koszty", "new_words": "koszty osobowe"},
        {"op": "repeal", "unit": "§ 3"}])
    document, _ = to_document(path)
    paragraf = next(node for node in walk(document) if isinstance(node, Unit) and node.kind == "paragraf")
    assert [unit.label for unit in paragraf.children if isinstance(unit, Unit)] == ["1)", "2)", "3)", "4)"]
    golden("amend-zmiana-ostroda.txt", render(document, "txt").decode("utf-8"))


def test_a_new_annex_is_the_amending_resolutions_program(tmp_path: Path) -> None:
    path = amending_file(tmp_path, [{"op": "annex", "unit": "załącznik"}], program={
        "title": "Program dotacji", "period": {"from": 2025, "to": 2026}, "sections": [{"heading": "Cele", "content": "Wspieranie organizacji."}]})
    text = render(to_document(path)[0], "txt").decode("utf-8").replace("\u00a0", " ")
    assert "zmieniająca uchwałę w sprawie zasad udzielania dotacji" in text
    assert ("§ 1. Załącznik do uchwały Nr XII/85/2024 Rady Gminy Ostróda z dnia 20 listopada 2024 r. w sprawie zasad "
            "udzielania dotacji otrzymuje brzmienie określone w załączniku do niniejszej uchwały.") in text
    assert "Program dotacji" in text and "Wspieranie organizacji." in text


def test_a_new_annex_needs_the_annex(tmp_path: Path) -> None:
    with pytest.raises(PaldocsError, match="podaj ten załącznik"):
        to_document(amending_file(tmp_path, [{"op": "annex", "unit": "załącznik"}]))


# Published amending resolutions, word for word (docs/amendments.md, "What was read, and where"): the title, and
# § 1 where paldocs writes what the council wrote, except the differences named in each case.
WIZNA = {"number": "VI/41/03", "date": "2003-03-07", "council": "Rady Gminy Wizna",
         "subject": "w sprawie ustalenia liczby punktów sprzedaży napojów alkoholowych oraz zasad usytuowania miejsc "
                    "sprzedaży tych napojów na terenie gminy",
         "journal": "Dz. Urz. Woj. Podl. Nr 24, poz. 611 z późn. zm."}
CHOROSZCZ = {"number": "XXIV/157/97", "date": "1997-06-27", "council": "Rady Miejskiej w Choroszczy",
             "subject": "w sprawie działań związanych z profilaktyką i rozwiązywaniem problemów alkoholowych"}


def test_wizna_2013_title_and_one_sentence() -> None:
    """Uchwała Nr XXIV/125/13 Rady Gminy Wizna z dnia 30 stycznia 2013 r. (infor.pl, Dz. Urz. Woj. Podl.); § 85
    ust. 4 ZTP. Differences: the council quoted the new wording with straight quotes and without the label
    "§ 1.", and typed "( Dz. Urz. Woj. Podl. Nr 24,poz. 611 z późń. zm.)"."""
    new = ("Ustala się maksymalną dopuszczalną liczbę punktów sprzedaży napojów alkoholowych zawierających powyżej "
           "4,5% alkoholu ( z wyjątkiem piwa) przeznaczonych do spożycia poza miejscem sprzedaży jak i w miejscu "
           "sprzedaży w ilości 17 punktów")
    amending = Amendment.model_validate({"resolution": WIZNA, "changes": [
        {"op": "wording", "unit": "§ 1", "text": new + "."}]})
    assert amendment_title(amending, "Rady Gminy Wizna") == (
        "zmieniająca uchwałę w sprawie ustalenia liczby punktów sprzedaży napojów alkoholowych oraz zasad "
        "usytuowania miejsc sprzedaży tych napojów na terenie gminy")
    published = ("W uchwale Nr VI/41/03 Rady Gminy Wizna z dnia 7 marca 2003 r. w sprawie ustalenia liczby punktów "
                 "sprzedaży napojów alkoholowych oraz zasad usytuowania miejsc sprzedaży tych napojów na terenie gminy "
                 "(Dz. Urz. Woj. Podl. Nr 24, poz. 611 z późn. zm.) § 1 otrzymuje brzmienie: „§ 1. " + new + ".”.")
    written = amendment_markdown(amending, "Rady Gminy Wizna").replace("\\\n", " ")
    assert written == published


def test_choroszcz_2003_title_and_change_list() -> None:
    """Uchwała Nr VII/80/03 Rady Miejskiej w Choroszczy z dnia 18 września 2003 r. (bip.choroszcz.pl); § 85 ust. 2
    ZTP. Differences: the council numbered its first point "1." and the second "2)", wrote "w §3", began the second
    point with a capital ("Załącznik Nr 3") and named the earlier amendment in the sentence ("zmienionej uchwałą
    Nr XXVI/222/2001 …"); paldocs numbers both points "1)", "2)" and ends the first with ";"."""
    new = ("2. Lokalizację punktów sprzedaży napojów alkoholowych , o których mowa w ust. 1 zawiera załącznik Nr 3 "
           "do niniejszej uchwały.")
    amending = Amendment.model_validate({"resolution": CHOROSZCZ, "title_form": "zmiany", "changes": [
        {"op": "wording", "unit": "§ 3 ust. 2", "text": new.removeprefix("2. ")},
        {"op": "annex", "unit": "załącznik nr 3"}]})
    assert amendment_title(amending, "Rady Miejskiej w Choroszczy") == (
        "w sprawie zmiany uchwały Nr XXIV/157/97 Rady Miejskiej w Choroszczy z dnia 27 czerwca 1997 r. w sprawie "
        "działań związanych z profilaktyką i rozwiązywaniem problemów alkoholowych")
    published = ("W uchwale Nr XXIV/157/97 Rady Miejskiej w Choroszczy z dnia 27 czerwca 1997 r. w sprawie działań "
                 "związanych z profilaktyką i rozwiązywaniem problemów alkoholowych wprowadza się następujące zmiany:\n"
                 f"1) w § 3 ust. 2 otrzymuje brzmienie: „{new}”;\n"
                 "2) załącznik nr 3 do uchwały otrzymuje brzmienie określone w załączniku do niniejszej uchwały.")
    written = amendment_markdown(amending, "Rady Miejskiej w Choroszczy").replace("\\\n   ", " ")
    assert written == published
