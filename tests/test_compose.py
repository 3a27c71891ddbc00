"""Compose: what the templates make of the data — drafts, signatures, provisions, justification, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import TESTS

from paldocs.api import render, to_document
from paldocs.compose import escape_markdown
from paldocs.markup import to_blocks
from paldocs.writers.text import to_text

VALID = yaml.safe_load((TESTS / "data" / "ostroda-2024-pal.yaml").read_text(encoding="utf-8"))
NB = "\u00a0"


def build_text(tmp_path: Path, **changes: dict) -> str:
    data = {key: dict(value) if isinstance(value, dict) else value for key, value in VALID.items()}
    for key, value in changes.items():
        data[key] = {**data[key], **value}
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    document, _ = to_document(path)
    return to_text(document).replace(NB, " ")


def test_ztp_defaults_inline_paragraphs_and_impersonal_formula(tmp_path: Path) -> None:
    text = build_text(tmp_path)
    assert "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2024 r. " \
           "poz. 1465) oraz art. 110 ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej (Dz. U. z 2024 r. " \
           "poz. 1283) uchwala się, co następuje:" in text
    assert "§ 1. Przyjmuje się „Program Aktywności Lokalnej Gminy Ostróda na lata 2025–2030”, stanowiący załącznik" in text
    assert "§ 2. Wykonanie uchwały powierza się Wójtowi Gminy Ostróda." in text
    assert "§ 3. Uchwała wchodzi w życie z dniem podjęcia." in text
    assert "Przewodniczący Rady Gminy Ostróda\nJan Kowalski" in text


def test_default_legal_basis_is_cited_by_the_resolution_date(tmp_path: Path) -> None:
    text = build_text(tmp_path, resolution={"date": "2014-04-29", "number": "XII/85/2014", "legal_basis": [
        {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt. 15"}]})
    assert ("art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
            "(Dz. U. z 2013 r. poz. 594 z późn. zm.)") in text  # the form before 1 March 2016


def test_draft_prints_dotted_blanks(tmp_path: Path) -> None:
    data = dict(VALID)
    data["resolution"] = {key: value for key, value in VALID["resolution"].items() if key not in ("number", "date")}
    data["resolution"]["legal_basis"] = [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15",
                                          "address": "Dz. U. z 2024 r. poz. 1465"}]
    path = tmp_path / "projekt.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    document, _ = to_document(path)
    text = to_text(document).replace(NB, " ")
    assert text.startswith("UCHWAŁA NR …………\nRADY GMINY OSTRÓDA\nz dnia ………… r.\n")
    assert "Załącznik do Uchwały Nr …………\nRady Gminy Ostróda\nz dnia ………… r." in text
    assert document.meta.number is None and document.meta.date is None


def test_deputy_chair_signs_on_behalf_and_feminine_forms(tmp_path: Path) -> None:
    deputy = build_text(tmp_path, resolution={"signatory": {"name": "Anna Nowak", "function": "wiceprzewodniczący",
                                                            "gender": "k", "on_behalf_of_chair": True}})
    assert "z up. Przewodniczącego Rady Gminy\nWiceprzewodnicząca Rady Gminy Ostróda\nAnna Nowak" in deputy
    chair = build_text(tmp_path, resolution={"signatory": {"name": "Anna Nowak", "gender": "k",
                                                           "published_mark": "(-)"}})
    assert "Przewodnicząca Rady Gminy Ostróda\n(-) Anna Nowak" in chair


def test_extra_provisions_come_before_the_closing_provisions(tmp_path: Path) -> None:
    text = build_text(tmp_path, resolution={"provisions": [
        "Program obejmuje:\n\n1) diagnozę;\n2) działania.", "Traci moc uchwała Nr V/20/2019."]})
    assert "§ 2. Program obejmuje:\n  1) diagnozę;\n  2) działania.\n\n§ 3. Traci moc uchwała Nr V/20/2019." in text
    assert "§ 4. Wykonanie uchwały powierza się Wójtowi Gminy Ostróda.\n\n§ 5. Uchwała wchodzi w życie" in text


def test_justification_follows_as_its_own_part(tmp_path: Path) -> None:
    text = build_text(tmp_path, resolution={"justification": "Program *odpowiada* na potrzeby mieszkańców."})
    assert text.rstrip().endswith("UZASADNIENIE\n\nProgram odpowiada na potrzeby mieszkańców.")


def test_data_is_never_run_as_a_template_or_read_as_markup(tmp_path: Path) -> None:
    text = build_text(tmp_path, program={"title": "Program {{ 7*7 }} *gwiazdka* [link](http://x) <b>",
                                         "title_genitive": "Programu {% raw %}1. # _x_"})
    assert "w sprawie przyjęcia „Programu {% raw %}1. # _x_”" in text
    assert "Przyjmuje się „Program {{ 7*7 }} *gwiazdka* [link](http://x) <b>”" in text


@pytest.mark.parametrize("plain", [
    "1. nie lista", "a) nie litera", "- nie tiret", "+ plus", "# nie nagłówek", "**nie pogrubienie**",
    "<script>alert(1)</script>", "![x](file:///etc/passwd)", "`kod`", "a & b &amp; c", "tekst \\ z ukośnikiem",
    "::: title", "| tabela |", "§ 5. nie paragraf", "– nie tiret",
])
def test_escape_markdown_prints_plain_text_as_written(plain: str) -> None:
    blocks = to_blocks(escape_markdown(plain))
    assert len(blocks) == 1
    assert blocks[0].children[0].text.replace(NB, " ") == plain  # type: ignore[union-attr]


def test_every_format_renders_the_annex_only_document() -> None:
    document, _ = to_document(Path(__file__).parents[1] / "resolutions" / "inowroclaw-2009-pal.yaml")
    assert [part.kind for part in document.parts] == ["annex"]
    for fmt in ("docx", "html", "txt"):
        assert render(document, fmt)
