"""``paldocs acts list | show | cite`` through click's CliRunner: output, notes on stderr, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TESTS

from paldocs.cli import main
from paldocs.legal import load_catalog

ACTS = TESTS / "data" / "acts"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["acts", *args])
    return result.exit_code, result.stdout, result.stderr


def test_list_names_every_act_with_its_newest_text_and_counts() -> None:
    code, out, err = run("list")
    assert code == 0, err
    catalog = load_catalog()
    assert out.startswith(f"katalog aktów z dnia {catalog.version} (paldocs/legal/acts.yaml)\n"
                          f"katalog aktów z dnia {catalog.version} jest aktualny najdalej do ")
    usg = catalog.act("samorzad-gminny")
    rows = [*usg.texts, *usg.amendments]
    counts = [sum(row.row_status == status for row in rows) for status in ("zweryfikowany", "z praktyki", "niezweryfikowany")]
    assert "samorzad-gminny  u.s.g.  ustawa z dnia 8 marca 1990 r. o samorządzie gminnym\n" \
           "  najnowszy tekst: Dz. U. z 2025 r. poz. 1153, data ogłoszenia nieznana [niezweryfikowany]\n" \
           f"  wiersze zweryfikowane: {counts[0]}, z praktyki: {counts[1]}, niezweryfikowane: {counts[2]}; " \
           f"zmian w katalogu: {len(usg.amendments)}\n" in out
    for key in ("pomoc-spoleczna", "pozytek-publiczny", "wspieranie-rodziny", "finanse-publiczne", "ogloszanie-aktow"):
        assert f"\n{key}  " in out


def test_show_lists_rows_with_source_flag_eli_and_isap() -> None:
    code, out, _ = run("show", "samorzad-gminny")
    assert code == 0
    assert "ELI: DU/1990/95" in out
    row = next(row for row in load_catalog().act("samorzad-gminny").consolidated if row.positions == [1465])
    assert ("  Dz. U. z 2024 r. poz. 1465, ogłoszony 3 października 2024 r. [zweryfikowany]\n"
            f"    źródło: {row.source}\n"
            "    ISAP: https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20240001465\n") in out
    assert "ISAP: https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19900160095" in out
    assert "zmiany:\n  Dz. U. z 2002 r. Nr 23, poz. 220, ogłoszony najpóźniej 8 grudnia 2005 r. (wtedy już cytowany) [z praktyki]" in out
    assert "zmiany sprawdzone do: nie (lista może być niepełna)" in out


def test_show_with_a_user_catalog() -> None:
    code, out, _ = run("show", "ustawa-przykladowa", "--acts", str(ACTS / "amendments.yaml"))
    assert code == 0
    assert "zmiany:\n  Dz. U. z 2020 r. poz. 200, ogłoszony 1 lutego 2020 r. [zweryfikowany]" in out
    assert "zmiany sprawdzone do: 31 grudnia 2025 r." in out


def test_cite_prints_the_citation_and_notes_on_stderr() -> None:
    code, out, err = run("cite", "samorzad-gminny", "--on", "2024-06-01", "--provision", "art. 18 ust. 2 pkt 15")
    assert code == 0
    assert out == ("art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
                   "(Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688)\n")
    assert err.splitlines()[0] == ("uwaga: katalog zna tekst Dz. U. z 2024 r. poz. 609 bez daty ogłoszenia; jeśli "
                                   "ogłoszono go najpóźniej 1 czerwca 2024 r., należy cytować ten tekst")
    assert all(line.startswith("uwaga: ") for line in err.splitlines())


@pytest.mark.parametrize("args, expected", [
    (["--on", "2024-10-20", "--acts", str(ACTS / "amendments.yaml")],
     "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2024 r. poz. 1465 i 1572)"),
    (["--on", "2014-04-29", "--style", "tj-ze-zm"],
     "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (t.j. Dz. U. z 2013 r. poz. 594 ze zm.)"),
    (["--on", "29.04.2014", "--style", "z-pozn-zm"],
     "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2013 r. poz. 594 z późn. zm.)"),
    # a typed address is printed exactly as typed (it was rewritten into the ZTP form before)
    (["--on", "2014-04-29", "--address", "t.j. Dz.U. z 2013r. poz.594 ze zm."],
     "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (t.j. Dz.U. z 2013r. poz.594 ze zm.)"),
    ([], "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2025 r. poz. 1153)"),
])
def test_cite_options(args: list[str], expected: str) -> None:
    code, out, err = run("cite", "samorzad-gminny", *args)
    assert code == 0, err
    assert out == expected + "\n"


def test_cite_without_a_date_is_a_draft() -> None:
    _, _, err = run("cite", "samorzad-gminny")
    assert "uwaga: uchwała nie ma jeszcze daty podjęcia" in err


@pytest.mark.parametrize("args, message", [
    (["cite", "samorzad-gminy", "--on", "2024-01-01"], "błąd: nieznana ustawa „samorzad-gminy”\n  Czy chodziło o"),
    (["show", "usg"], "błąd: nieznana ustawa „usg”"),
    (["cite", "samorzad-gminny", "--on", "1990-01-01"], "błąd: katalog nie zna żadnego tekstu"),
    (["cite", "samorzad-gminny", "--provision", "pkt 15"], "błąd: nie rozpoznano przepisu „pkt 15”"),
    (["cite", "samorzad-gminny", "--address", "Dziennik"], "błąd: nie rozpoznano adresu publikacji „Dziennik”"),
    (["list", "--acts", "brak.yaml"], "błąd: brak.yaml: nie ma takiego pliku"),
    (["cite", "samorzad-gminny", "--on", "31.02.2024"], "luty 2024 r. ma 29 dni"),
    (["cite", "samorzad-gminny", "--style", "apa"], "Invalid value for '--style'"),
])
def test_errors_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_a_bad_user_catalog_is_located(tmp_path: Path) -> None:
    path = tmp_path / "akty.yaml"
    path.write_text("acts:\n  samorzad-gminny:\n    amendments:\n      - {year: 2024, positions: [1572]}\n",
                    encoding="utf-8")
    code, _, err = run("list", "--acts", str(path))
    assert code == 2
    assert err.startswith(f"błąd: {path}:4:9 acts.samorzad-gminny.amendments[0].source: brak wymaganego pola „source”")
