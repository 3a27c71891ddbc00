"""Unit tables for the resolution importer: header variants (docs/domain.md § 5), legal basis, signatures, organs,
the CLI (``paldocs import``), and the YAML it writes (validated with ``load_data_file``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from paldocs.api import to_document
from paldocs.cli import main
from paldocs.errors import DataError, PaldocsError
from paldocs.importer.api import import_document
from paldocs.importer.emit import format_yaml
from paldocs.importer.legal_basis import split_legal_basis
from paldocs.importer.resolution import (
    HEADER,
    classify_provision,
    council_from_genitive,
    executive_from_dative,
    parse_header_date,
    parse_number,
    parse_signature,
    parse_subject,
)
from paldocs.model.load import load_data_file
from paldocs.writers.text import to_text

KETRZYN = Path(__file__).resolve().parent / "data" / "seeds" / "ketrzyn-2014-LXIV-400-14.txt"


@pytest.mark.parametrize(("line", "value", "order", "digits"), [
    ("UCHWAŁA NR LXIV/400/14", {"session": "LXIV", "number": 400, "year": 2014}, "session/number/year", 2),
    ("Uchwała nr LXIV / 400 / 14", {"session": "LXIV", "number": 400, "year": 2014}, "session/number/year", 2),
    ("Uchwała Nr XXXI/424/2009", {"session": "XXXI", "number": 424, "year": 2009}, "session/number/year", 4),
    ("Uchwała Nr L/247/10", {"session": "L", "number": 247, "year": 2010}, "session/number/year", 2),
    ("Uchwała Nr 124/XXII/2016", {"session": "XXII", "number": 124, "year": 2016}, "number/session/year", 4),
    ("UCHWAŁA NR 228/2005", {"session": None, "number": 228, "year": 2005}, "number/year", 4),
    ("Uchwała Nr …/…/2025", None, None, 4),
    ("UCHWAŁA NR ........", None, None, None),
    ("Uchwała Nr ...../...../2024", None, None, 4),
])
def test_number_variants(line: str, value: dict | None, order: str | None, digits: int | None) -> None:
    match = HEADER.match(line)
    assert match
    number = parse_number(match["number"])
    assert (number.value, number.order, number.year_digits) == (value, order, digits)


@pytest.mark.parametrize("text", ["ABC/12/14", "LXIV/400/123", "IIII/1/2014"])
def test_bad_numbers_are_errors(text: str) -> None:
    with pytest.raises(PaldocsError):
        parse_number(text)


@pytest.mark.parametrize(("line", "expected"), [
    ("z dnia 29 kwietnia 2014r.", dt.date(2014, 4, 29)),
    ("z dnia 29 kwietnia 2014 r.", dt.date(2014, 4, 29)),
    ("z dnia 29 kwietnia 2014 r", dt.date(2014, 4, 29)),
    ("z dnia 29 kwietnia 2014", dt.date(2014, 4, 29)),
    ("z dnia 25.03.2014r.", dt.date(2014, 3, 25)),
    ("Z DNIA 25.03.2014 R.", dt.date(2014, 3, 25)),
    ("z dnia … 2025 r.", None),
    ("z dnia ....................", None),
])
def test_dates(line: str, expected: dt.date | None) -> None:
    assert parse_header_date(line) == expected


@pytest.mark.parametrize(("text", "subject", "notes"), [
    ("w sprawie przyjęcia „Programu”.", "w sprawie przyjęcia „Programu”", 1),
    ("w sprawie: przyjęcia „Programu”", "w sprawie przyjęcia „Programu”", 1),
    ("W sprawie przyjęcia  programu\nna lata 2014 – 2020", "w sprawie przyjęcia programu na lata 2014 – 2020", 0),
    ("w sprawie: uchylenia uchwały.", "w sprawie uchylenia uchwały", 2),
])
def test_subjects(text: str, subject: str, notes: int) -> None:
    assert parse_subject(text)[0] == subject
    assert len(parse_subject(text)[1]) == notes


KETRZYN_BASIS = ("Na podstawie art. 18 ust. 2 pkt. 15 z dnia 8 marca 1990 r. o samorządzie gminnym (tekst jednolity "
                 "Dz. U. z 2013r. poz.594 ze zm.) i art. 110 ust.10 ustawy z dnia 12 marca 2004r. o pomocy społecznej "
                 "(tekst jednolity Dz. U. z 2013r. poz.182 ze zm.)")


@pytest.mark.parametrize(("text", "entries", "join"), [
    (KETRZYN_BASIS, [("samorzad-gminny", "art. 18 ust. 2 pkt. 15", "Dz. U. z 2013r. poz.594 ze zm."),
                     ("pomoc-spoleczna", "art. 110 ust.10", "Dz. U. z 2013r. poz.182 ze zm.")], "i"),
    (("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2001 r. "
     "Nr 142, poz. 1591 z późn. zm.)"),
     [("samorzad-gminny", "art. 18 ust. 2 pkt 15", "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.")], "oraz"),
    (("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2013 r. "
     "poz. 594) oraz art. 110 ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej (Dz. U. z 2013 r. poz. 182)"),
     [("samorzad-gminny", "art. 18 ust. 2 pkt 15", "Dz. U. z 2013 r. poz. 594"),
      ("pomoc-spoleczna", "art. 110 ust. 10", "Dz. U. z 2013 r. poz. 182")], "oraz"),
    (("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym w związku z art. 5 "
     "ust. 5 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie (Dz. U. Nr 96, "
     "poz. 873)"), [("samorzad-gminny", "art. 18 ust. 2 pkt 15", None),
                   ("pozytek-publiczny", "art. 5 ust. 5", "Dz. U. Nr 96, poz. 873")], "w związku z"),
    (("art. 176 pkt 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej "
     "(t.j. Dz. U. z 2024 r. poz. 177)"), [("wspieranie-rodziny", "art. 176 pkt 1", "Dz. U. z 2024 r. poz. 177")],
     "oraz"),
    (("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz.U. z 2023 r. "
     "poz. 40), art. 216 ust. 2 pkt 1 ustawy z dnia 27 sierpnia 2009 r. o finansach publicznych"),
     [("samorzad-gminny", "art. 18 ust. 2 pkt 15", "Dz.U. z 2023 r. poz. 40"),
      ("finanse-publiczne", "art. 216 ust. 2 pkt 1", None)], "oraz"),  # only a comma: "oraz" guessed (logged)
])
def test_legal_basis(text: str, entries: list | None, join: str | None) -> None:
    if entries is None:
        with pytest.raises(DataError):
            split_legal_basis(text)
        return
    basis = split_legal_basis(text)
    assert [(e["act"], e["provision"], e.get("address")) for e in basis.entries] == entries
    assert basis.join == join


def test_unknown_act_stops_with_its_text() -> None:
    with pytest.raises(DataError, match="o zbiorowym zaopatrzeniu w wodę"):  # an act the catalog does not hold
        split_legal_basis("Na podstawie art. 19 ust. 1 ustawy z dnia 7 czerwca 2001 r. o zbiorowym zaopatrzeniu w wodę "
                          "i zbiorowym odprowadzaniu ścieków")


@pytest.mark.parametrize(("lines", "expected"), [
    (["z up. Przewodniczącego Rady", "Miejskiej", "Wiceprzewodniczący Rady", "Miejskiej w Kętrzynie", "Rafał Rypina"],
     {"name": "Rafał Rypina", "function": "wiceprzewodniczący", "gender": "m", "on_behalf_of_chair": True}),
    (["Przewodniczący Rady Miejskiej w Kętrzynie", "(-) Jan Kowalski"],
     {"name": "Jan Kowalski", "function": "przewodniczący", "gender": "m", "published_mark": "(-)"}),
    (["Przewodnicząca Rady Miejskiej w Kętrzynie", "Anna Nowak"],
     {"name": "Anna Nowak", "function": "przewodniczący", "gender": "k"}),
    (["Przewodniczący Rady Miejskiej", "w Kętrzynie", "/-/ Jan Kowalski"],
     {"name": "Jan Kowalski", "function": "przewodniczący", "gender": "m", "published_mark": "/-/"}),
    (["z up. Przewodniczącej Rady Miejskiej", "Wiceprzewodnicząca Rady Miejskiej w Kętrzynie", "Ewa Lis"],
     {"name": "Ewa Lis", "function": "wiceprzewodniczący", "gender": "k", "on_behalf_of_chair": True}),
    (["PRZEWODNICZĄCY RADY MIEJSKIEJ W KĘTRZYNIE", "Jan Kowalski"],
     {"name": "Jan Kowalski", "function": "przewodniczący", "gender": "m"}),
])
def test_signatures(lines: list[str], expected: dict) -> None:
    assert parse_signature(lines, "Rady Miejskiej w Kętrzynie")[0] == expected


@pytest.mark.parametrize(("dative", "nominative"), [
    ("Burmistrzowi Miasta Kętrzyn", "Burmistrz Miasta Kętrzyn"),
    ("Wójtowi Gminy Ostróda", "Wójt Gminy Ostróda"),
    ("Prezydentowi Miasta Rybnika", "Prezydent Miasta Rybnika"),
    ("Burmistrzowi Miasta Człuchowa", "Burmistrz Miasta Człuchowa"),
])
def test_executor_forms(dative: str, nominative: str) -> None:
    assert executive_from_dative(dative) == {"nominative": nominative, "dative": dative}
    assert classify_provision(f"Wykonanie uchwały powierza się {dative}.") == ("executor", dative)


@pytest.mark.parametrize(("genitive", "forms"), [
    ("Rady Miejskiej w Kętrzynie", ("Rada Miejska w Kętrzynie", "Rady Miejskiej")),
    ("RADY MIEJSKIEJ  INOWROCŁAWIA", ("Rada Miejska Inowrocławia", "Rady Miejskiej")),
    ("Rady Gminy Ostróda", ("Rada Gminy Ostróda", "Rady Gminy")),
    ("Rady Miasta Rybnika", ("Rada Miasta Rybnika", "Rady Miasta")),
])
def test_council_forms(genitive: str, forms: tuple[str, str]) -> None:
    council = council_from_genitive(genitive)
    assert (council["nominative"], council["type_genitive"]) == forms


def test_standard_pal_provisions() -> None:
    assert classify_provision("Przyjmuje się „ Program X na lata 2014 – 2020”, stanowiący załącznik do niniejszej "
                              "uchwały.") == ("adopt", "Program X na lata 2014 – 2020")
    assert classify_provision("Uchwała wchodzi w życie z dniem podjęcia.") == ("in-force", None)
    assert classify_provision("Traci moc uchwała Nr X/1/2010.") == ("other", None)


DRAFT = """UCHWAŁA NR …/…/2025
RADY GMINY OSTRÓDA
z dnia … 2025 r.
w sprawie: przyjęcia „Programu Aktywności Lokalnej Gminy Ostróda na lata 2025–2030”.

Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 110 ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej uchwala się, co następuje:

§ 1. Przyjmuje się „Program Aktywności Lokalnej Gminy Ostróda na lata 2025–2030”, stanowiący załącznik do niniejszej uchwały.

§ 2. Traci moc uchwała Nr X/1/2010.

§ 3. Wykonanie uchwały powierza się Wójtowi Gminy Ostróda.

§ 4. Uchwała wchodzi w życie z dniem podjęcia.

Przewodnicząca Rady Gminy Ostróda
(-) Anna Nowak

Załącznik do Uchwały Nr …/…/2025
Rady Gminy Ostróda
z dnia … 2025 r.

Program Aktywności Lokalnej Gminy Ostróda na lata 2025–2030

I. Cele programu

1) aktywizacja mieszkańców,
2) integracja.
"""


def test_draft_inline_layout_and_impersonal_formula(tmp_path: Path) -> None:
    source = tmp_path / "projekt.txt"
    source.write_text(DRAFT, encoding="utf-8")
    result = import_document(source)
    data = result.data
    assert "number" not in data["resolution"] and "date" not in data["resolution"]
    assert data["resolution"]["provisions"] == ["Traci moc uchwała Nr X/1/2010."]
    assert data["resolution"]["signatory"] == {"name": "Anna Nowak", "function": "przewodniczący", "gender": "k",
                                               "published_mark": "(-)"}
    municipality = data["municipality"]
    assert municipality["kind"] == "gmina wiejska"
    assert municipality["layout"]["enacting_formula"] == "impersonal"
    assert municipality["layout"]["paragraph_layout"] == "inline"
    assert municipality["executive"]["nominative"] == "Wójt Gminy Ostróda"
    output = tmp_path / "draft.yaml"
    format_yaml(result, output)
    loaded = load_data_file(output)
    assert loaded.resolution.kind == "pal" and loaded.program is not None


def test_cli_writes_the_draft_with_a_profile_path(tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    profile = REPO / "resolutions" / "profiles" / "ketrzyn.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(KETRZYN), "-o", str(output), "--municipality", str(profile)])
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Zaimportowano z ")
    data = yaml.safe_load(text)
    assert list(data) == ["document", "municipality", "resolution", "program"]
    assert Path(data["municipality"]).is_absolute() is False
    assert load_data_file(output).municipality.council.genitive == "Rady Miejskiej w Kętrzynie"
    again = runner.invoke(main, ["import", str(KETRZYN), "-o", str(output)])
    assert again.exit_code == 2 and "błąd:" in again.output and "--force" in again.output


def test_cli_error_exit_code(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text("\n  \n", encoding="utf-8")  # nothing to read: the only kind of input that fails
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 2 and "błąd:" in result.output


def test_cli_imports_readable_text_it_does_not_recognise(tmp_path: Path) -> None:
    """Readable text is never refused: it is kept verbatim (a provision), the council unknown is a placeholder."""
    source = tmp_path / "x.txt"
    source.write_text("§ 1. Zupełnie inny dokument\n", encoding="utf-8")
    output = tmp_path / "d.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    data = load_data_file(output)
    assert data.resolution.provisions == ["Zupełnie inny dokument"]
    assert "Zupełnie inny dokument" in to_text(to_document(output)[0])
    # without a § or a legal basis the text is a document's own (an annex alone), still kept word for word
    source.write_text("Zupełnie inny dokument\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(output), "--force"])
    assert result.exit_code == 0, result.output
    assert load_data_file(output).document == "annex"
    assert "Zupełnie inny dokument" in to_text(to_document(output)[0])
