"""Consolidated text: ``paldocs consolidate`` and the library, the obwieszczenie it writes, bad inputs, and the checks
of amended units (PD085–PD089) against the amended act's data beside the amending file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from amend_strategies import PROFILE, data_dict
from paldocs.amendments.address import parse_address
from paldocs.amendments.consolidate import consolidate
from paldocs.amendments.notice import notice_data
from paldocs.amendments.tree import act_tree, find, wording
from paldocs.api import load, render, to_document
from paldocs.checks import check_file
from paldocs.cli import main
from paldocs.errors import DataError

SUBJECT = "w sprawie przyjęcia „Programu Aktywności Lokalnej Gminy Ostróda na lata 2021–2027”"
PROVISION = "1. Program realizuje Gminny Ośrodek Pomocy Społecznej.\n2. Zadania:\n   1) diagnoza;\n   2) wsparcie."


def write(path: Path, data: dict[str, Any]) -> Path:
    data = dict(data, municipality=str(PROFILE))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def base_file(folder: Path) -> Path:
    data = data_dict(provisions=[PROVISION])
    data["resolution"]["subject"] = SUBJECT
    data["resolution"]["date"] = "2021-03-30"
    return write(folder / "uchwala.yaml", data)


def amending(folder: Path, name: str, own_number: str, date: str, changes: list[dict[str, Any]],
             **amended: Any) -> Path:
    data: dict[str, Any] = {"resolution": {
        "kind": "zmiana", "number": own_number, "date": date,
        "legal_basis": [{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"}],
        "signatory": {"name": "Anna Nowak"},
        "amends": {"resolution": {"number": "XX/150/2021", "date": "2021-03-30", "subject": SUBJECT, **amended},
                   "changes": changes}}}
    return write(folder / name, data)


FIRST = [{"op": "words", "unit": "§ 2 ust. 1", "old_words": "Gminny Ośrodek", "new_words": "Ośrodek"},
         {"op": "insert", "unit": "załącznik rozdział II pkt 2a", "after": "załącznik rozdział II pkt 2",
          "text": "Wspieranie rodzin."}]
SECOND = [{"op": "repeal", "unit": "załącznik rozdział II pkt 1"},
          {"op": "wording", "unit": "załącznik rozdział III tabela wiersz 2", "text": "| 2022 | 2500 zł |"}]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    return (base_file(tmp_path),
            amending(tmp_path, "zmiana-2.yaml", "XL/300/2023", "2023-01-25", SECOND),
            amending(tmp_path, "zmiana-1.yaml", "XXX/200/2022", "2022-05-25", FIRST, journal="Dz. Urz. Woj. "
                     "Warm.-Maz. z 2021 r. poz. 1500"))


def test_amendments_apply_in_order_of_adoption(files: tuple[Path, Path, Path]) -> None:
    base, later, earlier = files
    text = consolidate(base, [later, earlier], published={"XL/300/2023": "Dz. Urz. Woj. Warm.-Maz. z 2023 r. poz. 900"})
    assert [item.number for item in text.applied] == ["XXX/200/2022", "XL/300/2023"]
    tree = act_tree(text.data)
    assert wording(find(tree, parse_address("§ 2 ust. 1"))) == "Program realizuje Ośrodek Pomocy Społecznej."
    chapter = find(tree, parse_address("załącznik rozdział II"))
    assert [(node.num, node.repealed) for node in chapter.children if node.kind == "punkt"] == [
        ("1", True), ("2", False), ("2a", False)]
    assert text.base_journal == "Dz. Urz. Woj. Warm.-Maz. z 2021 r. poz. 1500"
    assert text.applied[1].journal == "Dz. Urz. Woj. Warm.-Maz. z 2023 r. poz. 900"
    # the amending resolutions' own closing paragrafy are not part of the consolidated text: the notice quotes them
    assert text.applied[0].left_out[0].startswith("§ 2. Wykonanie uchwały powierza się")


def test_the_notice_prints_with_the_consolidated_text_as_its_annex(files: tuple[Path, Path, Path],
                                                                 golden: Any) -> None:
    base, later, earlier = files
    text = consolidate(base, [later, earlier], published={"XL/300/2023": "Dz. Urz. Woj. Warm.-Maz. z 2023 r. poz. 900"})
    from paldocs.model.resolution import DataFile

    notice = DataFile.model_validate(notice_data(text, date=dt.date(2023, 3, 1)))
    printed = render(to_document(notice)[0], "txt").decode("utf-8").replace("\u00a0", " ")
    # ZTP § 102 ust. 1–2: kind and organ in capitals, each element on its own line; art. 16 ust. 3 u.o.a.n.
    assert printed.startswith("OBWIESZCZENIE\nRADY GMINY OSTRÓDA\nz dnia 1 marca 2023 r.\nw sprawie ogłoszenia "
                              "jednolitego tekstu uchwały w sprawie przyjęcia")
    assert "Na podstawie art. 16 ust. 3 ustawy z dnia 20 lipca 2000 r. o ogłaszaniu aktów normatywnych" in printed
    assert "1) uchwałą Nr XXX/200/2022 Rady Gminy Ostróda z dnia 25 maja 2022 r. zmieniającą uchwałę" in printed
    assert "Załącznik do Obwieszczenia" in printed and "UCHWAŁA NR XX/150/2021" in printed
    assert "2a. Wspieranie rodzin." in printed and "1. (uchylony)" in printed
    assert "Zmiany wymienionej uchwały zostały ogłoszone w Dz. Urz. Woj. Warm.-Maz. z 2023 r. poz. 900" not in printed
    golden("consolidated-notice-ostroda.txt", printed)


def test_cli_writes_a_notice_that_builds(files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    base, later, earlier = files
    out = tmp_path / "tekst-jednolity.yaml"
    result = CliRunner().invoke(main, ["consolidate", str(base), str(later), str(earlier), "-o", str(out),
                                       "--date", "2023-03-01", "--in-force", str(tmp_path / "obowiazujaca.yaml"),
                                       "--published", "XXX/200/2022=Dz. Urz. Woj. Warm.-Maz. z 2022 r. poz. 2500",
                                       "--signatory", "Anna Nowak", "--signatory-gender", "k"])
    assert result.exit_code == 0, result.output
    assert "uwaga: nie podano, gdzie ogłoszono uchwały XL/300/2023" in result.output
    built = CliRunner().invoke(main, ["build", str(out), "-f", "txt", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    printed = (tmp_path / "out" / "tekst-jednolity.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "Dz. Urz. Woj. Warm.-Maz. z 2022 r. poz. 2500" in printed
    assert "Przewodnicząca Rady Gminy Ostróda\nAnna Nowak" in printed
    # the notice is not a resolution: no number, enacting formula or closing clauses are asked of it
    assert {finding.severity for finding in check_file(out, today=dt.date(2026, 12, 7))} <= {"info"}
    in_force = yaml.safe_load((tmp_path / "obowiazujaca.yaml").read_text(encoding="utf-8"))
    assert in_force["program"]["sections"][1]["items"][0] == {"id": "cel-1", "num": "1", "repealed": True}
    assert load(tmp_path / "obowiazujaca.yaml").program.sections[1].items[2].num == "2a"


@pytest.mark.parametrize(("case", "message"), [
    ("other-act", "ta uchwała zmienia uchwałę Nr XX/151/2021"),
    ("not-amending", "to nie jest uchwała zmieniająca"),
    ("missing-unit", "zmiana 1: w uchwale Nr XX/150/2021 nie ma § 9"),
    ("draft", "ta jest projektem: po podjęciu zmień „status: projekt”"),
])
def test_bad_inputs_are_one_located_message(tmp_path: Path, case: str, message: str) -> None:
    base = base_file(tmp_path)
    if case == "other-act":
        other = amending(tmp_path, "z.yaml", "XXX/200/2022", "2022-05-25", FIRST, number="XX/151/2021")
    elif case == "not-amending":
        other = base_file(tmp_path / "x") if (tmp_path / "x").mkdir() is None else base
    elif case == "missing-unit":
        other = amending(tmp_path, "z.yaml", "XXX/200/2022", "2022-05-25", [{"op": "repeal", "unit": "§ 9"}])
    else:
        other = amending(tmp_path, "z.yaml", "XXX/200/2022", "2022-05-25", FIRST)
        data = yaml.safe_load(other.read_text(encoding="utf-8"))
        data["resolution"]["status"] = "projekt"
        other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        consolidate(base, [other])
    assert message in caught.value.message
    result = CliRunner().invoke(main, ["consolidate", str(base), str(other), "-o", str(tmp_path / "tj.yaml")])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_an_existing_output_needs_force(files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    base, _, earlier = files
    out = tmp_path / "tj.yaml"
    out.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["consolidate", str(base), str(earlier), "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.output


def findings(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check_file(path, today=dt.date(2026, 12, 7)):
        found.setdefault(finding.rule, []).append(finding.message)
    return found


@pytest.mark.parametrize(("change", "rule", "message"), [
    # PD085: the unit must exist in the amended act (§ 88–§ 90 ZTP)
    ({"op": "repeal", "unit": "§ 9"}, "PD085", "nie ma § 9"),
    ({"op": "wording", "unit": "załącznik rozdział VII", "text": "## X"}, "PD085", "nie ma załącznik rozdział VII"),
    # PD086: an added unit takes the number it follows with a letter (§ 86 ZTP practice)
    ({"op": "insert", "unit": "załącznik rozdział II pkt 2", "after": "załącznik rozdział II pkt 1", "text": "X."},
     "PD086", "numery dalszych jednostek by się przesunęły"),
    ({"op": "insert", "unit": "załącznik rozdział II pkt 3a", "after": "załącznik rozdział II pkt 1", "text": "X."},
     "PD086", "bierze jej numer z literą"),
    # PD087: the replaced words are in the unit (§ 91 ZTP)
    ({"op": "words", "unit": "§ 2 ust. 1", "old_words": "Starosta", "new_words": "Wójt"}, "PD087",
     "nie ma wyrazów „Starosta”"),
])
def test_checks_of_amended_units(tmp_path: Path, change: dict[str, Any], rule: str, message: str) -> None:
    base_file(tmp_path)
    path = amending(tmp_path, "zmiana.yaml", "XXX/200/2022", "2022-05-25", [change])
    found = findings(path)
    assert any(message in text for text in found.get(rule, [])), found


def test_a_correct_amendment_passes_the_unit_checks(files: tuple[Path, Path, Path]) -> None:
    found = findings(files[2])
    assert not {"PD085", "PD086", "PD087", "PD088", "PD089"} & set(found), found


def test_amended_title_and_missing_act(tmp_path: Path) -> None:
    base_file(tmp_path)
    path = amending(tmp_path, "zmiana.yaml", "XXX/200/2022", "2022-05-25", FIRST, subject="w sprawie czegoś innego")
    assert "PD088" in findings(path)
    (tmp_path / "uchwala.yaml").unlink()
    found = findings(path)
    assert "PD089" in found and "PD085" not in found


def test_help_shows_examples_and_the_library_exports_it() -> None:
    import paldocs

    result = CliRunner().invoke(main, ["consolidate", "--help"])
    assert result.exit_code == 0 and "paldocs consolidate uchwala.yaml zmiana-2025.yaml -o" in result.output
    assert paldocs.consolidate is consolidate


def test_the_notice_without_a_date_is_a_draft(files: tuple[Path, Path, Path]) -> None:
    text = consolidate(files[0], [files[2]])
    data = notice_data(text)
    assert data["resolution"]["status"] == "projekt" and "date" not in data["resolution"]


@pytest.mark.parametrize("named", [True, False], ids=["amends-data", "same-folder"])
def test_check_finds_the_amended_act_not_its_new_version(tmp_path: Path, named: bool) -> None:
    """The version after the amendment has the amended resolution's number and date too: paldocs check reads the
    file ``amends.resolution.data`` names or, without it, the file of the folder the changes apply to."""
    example = Path(__file__).parents[1] / "resolutions" / "ketrzyn-2014-pal"
    amending = yaml.safe_load((example / "zmiana" / "zmiana.yaml").read_text(encoding="utf-8"))
    amending["municipality"] = str((example.parent / "profiles" / "ketrzyn.yaml").resolve())
    del amending["resolution"]["amends"]["resolution"]["data"]
    if named:
        amending["resolution"]["amends"]["resolution"]["data"] = "stara.yaml"
    for name, source in (("nowa.yaml", example / "zmiana" / "nowy.yaml"), ("stara.yaml", example.with_suffix(".yaml"))):
        text = re.sub(r"(?m)^municipality: .*$", f"municipality: {amending['municipality']}",
                      source.read_text(encoding="utf-8"))
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert load(tmp_path / name).resolution.number is not None  # both versions load: the choice is real
    path = tmp_path / "zmiana.yaml"
    path.write_text(yaml.safe_dump(amending, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = findings(path)
    assert "PD085" not in found and "PD086" not in found and "PD089" not in found, found
