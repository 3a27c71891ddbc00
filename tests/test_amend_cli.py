"""``paldocs amend`` and ``paldocs.amend``: the amending resolution's data from two versions of a resolution.

The Kętrzyn programme (Uchwała Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia 29 kwietnia 2014 r.,
resolutions/ketrzyn-2014-pal.yaml) is amended in a copy: a new direction of action after pkt 9 (§ 89 ZTP: the
added punkt is „9a”, existing numbers never move), a changed source of financing (a word change, § 87 ust. 3
ZTP), and — for the § 84 ZTP case — a direction of action moved to another place. ZTP as read on arslege.pl (Dz. U. z 2016 r.
poz. 283, Dział II); docs/amendments.md, section "paldocs amend", names the sources.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

import paldocs
from paldocs.amendments.api import amendment_plan
from paldocs.amendments.apply import apply_amendment
from paldocs.amendments.tree import act_tree, wording
from paldocs.cli import main
from paldocs.errors import DataError

KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
PROFILE = (REPO / "resolutions" / "profiles" / "ketrzyn.yaml").resolve()
NEW_DIRECTION = '''        - {id: kierunek-9a, text: "Organizowanie Klubu Integracji Społecznej dla osób długotrwale bezrobotnych."}'''


def _variant(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    text = KETRZYN.read_text(encoding="utf-8").replace("municipality: profiles/ketrzyn.yaml",
                                                      f"municipality: {PROFILE}")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


DIRECTION = ("        - {id: kierunek-9, text: Ułatwianie dostępu do informacji publicznej.}\n",
             "        - {id: kierunek-9, text: Ułatwianie dostępu do informacji publicznej.}\n" + NEW_DIRECTION + "\n")
FINANCING = ('"ze środków własnych budżetu samorządu terytorialnego,"', '"ze środków własnych budżetu Gminy Miejskiej Kętrzyn,"')


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return _variant(tmp_path, "stara.yaml"), _variant(tmp_path, "nowa.yaml", DIRECTION, FINANCING)


def test_command_writes_the_amending_resolution(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    out = tmp_path / "wynik" / "zmiana.yaml"
    result = CliRunner().invoke(main, ["amend", str(old), str(new), "-o", str(out), "--number", "LXX/450/14",
                                       "--date", "2014-09-30"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (out.parent / written["municipality"]).resolve() == PROFILE  # the profile OLD names, relative to -o
    resolution = written["resolution"]
    assert (resolution["kind"], resolution["number"], resolution["date"]) == ("zmiana", "LXX/450/14", "2014-09-30")
    assert resolution["amends"]["resolution"] == {
        "number": "LXIV/400/14", "date": "2014-04-29",
        "subject": "w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”",
        "data": "../stara.yaml"}  # OLD's data relative to -o: paldocs check reads the amended units there
    assert resolution["amends"]["changes"] == [
        {"op": "insert", "unit": "załącznik rozdział 3 podrozdział 2 pkt 9a",
         "after": "załącznik rozdział 3 podrozdział 2 pkt 9",
         "text": "Organizowanie Klubu Integracji Społecznej dla osób długotrwale bezrobotnych."},
        {"op": "words", "unit": "załącznik rozdział 7 pkt 1", "old_words": "samorządu terytorialnego",
         "new_words": "Gminy Miejskiej Kętrzyn"}]
    # the legal basis of the amended resolution (as its data give it)
    assert resolution["legal_basis"][0] == {"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt. 15"}
    assert "1) załącznik rozdział 3 podrozdział 2 pkt 9a: dodaje się" in result.stderr


def test_amending_then_applying_gives_the_new_version(versions: tuple[Path, Path]) -> None:
    old, new = versions
    draft = amendment_plan(old, new)
    amendment = draft.data.resolution.amends
    assert amendment is not None and draft.data.resolution.status == "projekt"  # no number given: a draft
    applied = apply_amendment(paldocs.load(old), amendment, new_annex=draft.plan.new_annex)
    assert wording(act_tree(applied)) == wording(act_tree(paldocs.load(new)))


def test_library_function(versions: tuple[Path, Path]) -> None:
    old, new = versions
    data = paldocs.amend(old, new, number="LXX/450/14", date=dt.date(2014, 9, 30))
    assert data.resolution.kind == "zmiana" and data.resolution.number is not None
    assert data.municipality.name == paldocs.load(old).municipality.name


def test_whole_annex_on_request(versions: tuple[Path, Path]) -> None:
    old, new = versions
    draft = amendment_plan(old, new, annex_form="whole")
    assert [c.op for c in draft.plan.changes] == ["annex"]
    assert draft.data.program is not None and draft.data.program == paldocs.load(new).program


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["amend", *args])
    return result.exit_code, result.stderr


def test_unchanged_version_is_refused(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = versions
    code, err = _run(str(old), str(_variant(tmp_path, "to-samo.yaml")), "-o", str(tmp_path / "z.yaml"))
    assert code == 2 and err.count("błąd:") == 1 and "nie różni się" in err


def test_old_without_number_is_refused(tmp_path: Path, versions: tuple[Path, Path]) -> None:
    _, new = versions
    unnumbered = _variant(tmp_path, "bez-numeru.yaml", ("  number: LXIV/400/14\n", ""))
    code, err = _run(str(unnumbered), str(new), "-o", str(tmp_path / "z.yaml"))
    assert code == 2 and "nie ma numeru" in err and "resolution.number" in err


def test_another_resolution_is_refused(tmp_path: Path, versions: tuple[Path, Path]) -> None:
    old, _ = versions
    other = _variant(tmp_path, "inna.yaml", ("number: LXIV/400/14", "number: LXIV/401/14"), FINANCING)
    code, err = _run(str(old), str(other), "-o", str(tmp_path / "z.yaml"))
    assert code == 2 and "dwie różne uchwały" in err and "inna.yaml" in err


def test_existing_output_needs_force(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    out = tmp_path / "z.yaml"
    out.write_text("x", encoding="utf-8")
    code, err = _run(str(old), str(new), "-o", str(out))
    assert code == 2 and "--force" in err
    assert _run(str(old), str(new), "-o", str(old))[0] == 2  # never over an input


def test_bad_number_is_one_message(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    code, err = _run(str(old), str(new), "-o", str(tmp_path / "z.yaml"), "--number", "czterdzieści")
    assert code == 2 and "--number" in err and "nie jest numerem uchwały" in err


def test_section_84_proposes_a_new_resolution(tmp_path: Path) -> None:
    # a direction of action moved from pkt 2 to after pkt 5: a unit changes its place, the construction of the
    # act changes — § 84 ZTP: a new resolution rather than an amendment (written all the same with --force)
    old = _variant(tmp_path, "stara.yaml")
    text = old.read_text(encoding="utf-8")
    second = text[text.index("        - {id: kierunek-2,"):text.index("        - {id: kierunek-3,")]
    fifth_end = text.index("        - {id: kierunek-6,")
    moved = text[:fifth_end] + second + text[fifth_end:]
    new = tmp_path / "nowa.yaml"
    new.write_text(moved.replace(second, "", 1), encoding="utf-8")
    with pytest.raises(DataError, match="§ 84 ZTP"):
        amendment_plan(old, new)
    out = tmp_path / "z.yaml"
    code, err = _run(str(old), str(new), "-o", str(out), "--force")
    assert code == 0 and "uwaga: zamiast uchwały zmieniającej należy przygotować nową uchwałę" in err
    assert "zmieniają miejsce" in err and out.exists()


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["amend", "--help"])
    assert result.exit_code == 0 and "paldocs amend stara.yaml nowa.yaml -o zmiana.yaml" in result.output


def test_comparison_in_the_justification(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    out = tmp_path / "z.yaml"
    code, _ = _run(str(old), str(new), "-o", str(out), "--compare-in-justification")
    assert code == 0
    justification = yaml.safe_load(out.read_text(encoding="utf-8"))["resolution"]["justification"]
    assert justification.splitlines() == [
        "Tabela: Zestawienie zmian", "",
        "| Lp. | Jednostka | Dotychczasowe brzmienie | Nowe brzmienie |", "|---|---|---|---|",
        "| 1 | załącznik rozdział 3 podrozdział 2 pkt 9a | — | Organizowanie Klubu Integracji Społecznej dla "
        "osób długotrwale bezrobotnych. |",
        "| 2 | załącznik rozdział 7 pkt 1 | ze środków własnych budżetu ~~samorządu terytorialnego~~, | ze środków "
        "własnych budżetu ++Gminy Miejskiej Kętrzyn++, |"]  # the changed words marked as in paldocs compare
    document, _ = paldocs.to_document(out)  # the table parses in the uzasadnienie, the marks as Deleted/Inserted
    printed = paldocs.render(document, "txt").decode("utf-8")
    assert "Zestawienie zmian" in printed
    assert "[-samorządu terytorialnego-]" in printed and "[+Gminy Miejskiej" in printed  # cells wrap in text
    html = paldocs.render(document, "html").decode("utf-8")
    assert "<del>samorządu terytorialnego</del>," in html and "<ins>Gminy Miejskiej Kętrzyn</ins>," in html


def test_programme_period_changes_the_whole_annex_and_a_new_title_is_refused() -> None:
    import copy

    from amend_strategies import make_data, program_dict

    old_program = program_dict()
    new_program = copy.deepcopy(old_program)
    new_program["period"]["to"] = 2030  # not a unit of the annex: only its new wording as a whole carries it
    draft = amendment_plan(make_data(old_program), make_data(new_program))
    assert [c.op for c in draft.plan.changes] == ["annex"] and draft.data.program == make_data(new_program).program
    new_program["title"] = new_program["title"].replace("2027", "2030")  # the resolution's title names it
    with pytest.raises(DataError, match="zmienia się tytuł uchwały"):
        amendment_plan(make_data(old_program), make_data(new_program))


def test_invalid_new_file_is_one_located_message(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = versions
    broken = _variant(tmp_path, "zla.yaml", ("  date: 2014-04-29", "  date: 2014-13-45"))
    code, err = _run(str(old), str(broken), "-o", str(tmp_path / "z.yaml"))
    assert code == 2 and err.count("błąd:") == 1 and "zla.yaml" in err and "resolution.date" in err


def test_a_changed_markdown_annex_is_one_located_message(tmp_path: Path) -> None:
    # a further annex (Markdown content) has no units paldocs can address, and only the programme gets a new
    # wording as a whole: the change is refused, located at NEW
    import copy

    from amend_strategies import data_dict

    old_data = data_dict()
    old_data["annexes"] = [{"title": "Wykaz zadań", "content": "1. Remont świetlicy.\n2. Zakup sprzętu sportowego."}]
    new_data = copy.deepcopy(old_data)
    new_data["annexes"][0]["content"] = new_data["annexes"][0]["content"].replace("sportowego", "muzycznego")
    old, new = tmp_path / "stara.yaml", tmp_path / "nowa.yaml"
    for path, data in ((old, old_data), (new, new_data)):
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, err = _run(str(old), str(new), "-o", str(tmp_path / "z.yaml"))
    assert code == 2 and err.count("błąd:") == 1 and "nowa.yaml" in err and "załącznik nr 2" in err


def test_the_draft_of_an_amending_resolution_builds_once_its_basis_is_written(tmp_path: Path) -> None:
    """``paldocs new zmiana`` writes an ``amends`` skeleton; with the legal basis filled in it prints the change."""
    draft = tmp_path / "zmiana.yaml"
    made = CliRunner().invoke(main, ["new", "zmiana", "-m", str(REPO / "resolutions" / "profiles" / "gmina-ostroda.yaml"),
                                     "-o", str(draft)])
    assert made.exit_code == 0, made.output
    text = draft.read_text(encoding="utf-8").replace("provision: art. …", "provision: art. 18 ust. 2 pkt 15")
    text = text.replace("number: …/…/…", "number: XII/85/2024")
    draft.write_text(text, encoding="utf-8")
    built = CliRunner().invoke(main, ["build", str(draft), "-f", "txt", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    printed = (tmp_path / "out" / "zmiana.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "zmieniająca uchwałę w sprawie …" in printed
    assert "W uchwale Nr XII/85/2024 Rady Gminy Ostróda z dnia 20 listopada 2024 r. w sprawie … § 2 otrzymuje brzmienie" \
        in " ".join(printed.split())
