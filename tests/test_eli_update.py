"""``paldocs acts update`` against recorded ELI API responses (tests/data/eli/, see its README) served by a
localhost http.server thread: a normal update, a merge with an existing user catalog, and every way the API
can fail — offline, timeout, 404, an HTTP error, a body that is not JSON — each one message, exit code 2, no
traceback and the catalog file untouched."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import TESTS

from paldocs.cli import main
from paldocs.legal.catalog import load_catalog
from paldocs.legal.eli import EliClient, EliError, parse_act

FIXTURES = TESTS / "data" / "eli"
ROOT = TESTS.parent
KETRZYN = ROOT / "resolutions" / "ketrzyn-2014-pal.yaml"
TODAY = dt.date.today()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    mode = "fixtures"  # or "sleep", "bad-json", "error"
    release = threading.Event()
    requested: list[str]
    fixtures = FIXTURES


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        self.server.requested.append(self.path)
        if self.server.mode == "sleep":
            self.server.release.wait(10)  # longer than the client's timeout; released when the test ends
            return self._send(200, b"{}")
        if self.server.mode == "bad-json":
            return self._send(200, b'{"ELI": "DU/1990/95", "year": 1990,')
        if self.server.mode == "error":
            return self._send(503, b'{"message": "Service Unavailable"}')
        match = re.fullmatch(r"/eli/acts/DU/(\d{4})/(\d+)", self.path)
        file = self.server.fixtures / f"DU-{match[1]}-{match[2]}.json" if match else None
        if file is None or not file.exists():
            return self._send(404, b'{"message": "Not Found"}')
        return self._send(200, file.read_bytes())

    def _send(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout test)
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.requested = []
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


def url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["acts", "update", *args], env=env)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def source(eli: str, server: _Server) -> str:
    return f"API ELI Sejmu: {url(server)}/eli/acts/{eli} (odczyt {TODAY.isoformat()})"


def test_update_writes_verified_rows_with_sources_and_the_day_of_reading(api: _Server, tmp_path: Path) -> None:
    out = tmp_path / "akty-eli.yaml"
    code, stdout, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api))
    assert code == 0, stderr
    assert "samorzad-gminny: tekst pierwotny, tekstów jednolitych: 13, zmian: 3" in stdout
    assert stdout.endswith(f"zapisano {out} (odczyt API ELI {url(api)}, {TODAY.isoformat()})\n")
    assert "samorzad-gminny (DU/1990/95)" in stderr  # the progress bar's label
    # one request for the act, one per consolidated text and amending act
    assert len(api.requested) == 1 + 13 + 3 and api.requested[0] == "/eli/acts/DU/1990/95"

    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    entry = data["acts"]["samorzad-gminny"]
    assert "version" not in data  # the reading proves these acts current, not the whole catalog
    assert entry["amendments_checked"] == TODAY
    assert entry["original"] == {"year": 1990, "issue": 16, "positions": [95], "source": source("DU/1990/95", api),
                                 "verified": True, "status": "zweryfikowany"}
    assert entry["consolidated"][0] == {"year": 1996, "issue": 13, "positions": [74], "announced": dt.date(1996, 2, 10),
                                        "source": source("DU/1996/74", api), "verified": True,
                                        "status": "zweryfikowany"}
    assert entry["consolidated"][-1]["positions"] == [1465]
    assert entry["consolidated"][-1]["announced"] == dt.date(2024, 10, 3)  # "promulgation", not "announcementDate"
    assert [(row["year"], row.get("issue"), row["positions"]) for row in entry["amendments"]] == [
        (2002, 23, [220]), (2002, 62, [558]), (2013, None, [153])]
    assert "announced" not in entry["amendments"][2]  # the API gave no promulgation date: none is invented

    catalog = load_catalog([out])
    act = catalog.act("samorzad-gminny")
    assert act.amendments_checked == TODAY
    read = {(2002, 220), (2002, 558), (2013, 153)}  # the amendments the API listed (the shipped ones stay beside them)
    assert all(row.row_status == "zweryfikowany" for row in act.sorted_amendments if (row.year, row.positions[0]) in read)
    assert act.original is not None and act.original.row_status == "zweryfikowany"
    row_2024 = next(row for row in act.consolidated if row.positions == [1465])
    assert row_2024.source == source("DU/2024/1465", api) and row_2024.verified
    # the shipped catalog's rows the API does not list stay (a patch cannot remove them), with a note to check them
    assert any(row.positions == [609] for row in act.consolidated)
    assert ("uwaga: samorzad-gminny: katalog podaje jako teksty jednolite Dz. U. z 2024 r. poz. 609; Dz. U. z 2025 r. "
            "poz. 1153, a API ELI nie wymienia ich wśród tekstów jednolitych tej ustawy — sprawdź je w ISAP\n") in stderr
    assert "&" not in out.read_text(encoding="utf-8")  # no YAML anchors: a clerk reads and edits this file
    shipped = load_catalog().act("samorzad-gminny")  # the shipped catalog is never changed
    assert all(row.row_status != "zweryfikowany" or "API ELI" not in row.source for row in shipped.amendments)


def test_update_reads_the_acts_a_data_file_cites(api: _Server, tmp_path: Path) -> None:
    out = tmp_path / "akty.yaml"
    code, stdout, stderr = run(str(KETRZYN), "--out", str(out), env={"PALDOCS_ELI_API": url(api)})
    assert code == 0, stderr
    assert [line.split(":")[0] for line in stdout.splitlines()[:2]] == ["samorzad-gminny", "pomoc-spoleczna"]
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert list(data["acts"]) == ["samorzad-gminny", "pomoc-spoleczna"]
    rows = data["acts"]["pomoc-spoleczna"]["consolidated"]
    assert [(row["year"], row.get("issue"), row["positions"]) for row in rows] == [(2009, 175, [1362]), (2023, None, [901])]


def test_update_merges_into_an_existing_user_catalog(api: _Server, tmp_path: Path) -> None:
    out = tmp_path / "biuro.yaml"
    out.write_text(
        "version: 2026-01-15\n"
        "acts:\n"
        "  samorzad-gminny:\n"
        "    short: u.s.g.\n"
        "    amendments:\n"
        "      - {year: 2002, issue: 23, positions: [220], source: wpis biura prawnego, verified: false}\n"
        "      - {year: 2013, positions: [645], seen_on: 2014-04-29, status: z praktyki, verified: false,\n"
        "         source: dane testowe biura prawnego}\n"
        "  ustawa-biura:\n"
        "    title: ustawa z dnia 10 stycznia 2020 r. o przykładzie\n"
        "    title_genitive: ustawy z dnia 10 stycznia 2020 r. o przykładzie\n"
        "    short: u.o.p.\n"
        "    date: 2020-01-10\n", encoding="utf-8")
    code, _, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api))
    assert code == 0, stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["version"] == dt.date(2026, 1, 15)  # the file's own fields stay
    assert data["acts"]["ustawa-biura"]["short"] == "u.o.p."  # other acts stay
    entry = data["acts"]["samorzad-gminny"]
    assert entry["short"] == "u.s.g."
    amendments = {(row["year"], row["positions"][0]): row for row in entry["amendments"]}
    assert amendments[(2013, 645)]["status"] == "z praktyki"  # a row the API did not return stays
    assert amendments[(2002, 220)]["source"] == source("DU/2002/220", api)  # the API's row replaces the user's
    assert list(amendments) == [(2002, 220), (2002, 558), (2013, 153), (2013, 645)]  # announcement order
    assert load_catalog([out]).act("samorzad-gminny").amendments_checked == TODAY


def test_an_act_defined_only_in_another_user_catalog_is_written_whole(api: _Server, tmp_path: Path) -> None:
    """The written file stands alone: an act no shipped catalog defines gets its title and date copied."""
    other = tmp_path / "inne.yaml"
    other.write_text(
        "acts:\n"
        "  usg-kopia:\n"
        "    title: ustawa z dnia 8 marca 1990 r. o samorządzie gminnym\n"
        "    title_genitive: ustawy z dnia 8 marca 1990 r. o samorządzie gminnym\n"
        "    short: u.s.g.\n"
        "    date: 1990-03-08\n"
        "    original: {year: 1990, issue: 16, positions: [95], source: dane testowe, verified: false}\n",
        encoding="utf-8")
    out = tmp_path / "akty.yaml"
    code, _, stderr = run("--act", "usg-kopia", "--acts", str(other), "--out", str(out), "--api", url(api))
    assert code == 0, stderr
    act = load_catalog([out]).act("usg-kopia")
    assert act.title == "ustawa z dnia 8 marca 1990 r. o samorządzie gminnym" and len(act.consolidated) == 13


def test_a_consolidated_text_of_another_act_is_left_out_with_a_note(api: _Server, tmp_path: Path) -> None:
    served = tmp_path / "served"
    served.mkdir()
    for name in ("DU-2004-593.json", "DU-2009-1362.json", "DU-2023-901.json"):
        shutil.copy(FIXTURES / name, served / name)
    text = json.loads((served / "DU-2023-901.json").read_text(encoding="utf-8"))
    text["references"] = {"Tekst jednolity dla aktu": [{"id": "DU/1990/95"}]}
    (served / "DU-2023-901.json").write_text(json.dumps(text), encoding="utf-8")
    api.fixtures = served
    out = tmp_path / "akty.yaml"
    code, _, stderr = run("--act", "pomoc-spoleczna", "--out", str(out), "--api", url(api))
    assert code == 0, stderr
    assert ("uwaga: pomoc-spoleczna: API ELI wymienia Dz.U. 2023 poz. 901 wśród tekstów jednolitych DU/2004/593, ale "
            "ten tekst wskazuje jako ujednolicany akt DU/1990/95 — pominięto go; sprawdź w ISAP") in stderr
    rows = yaml.safe_load(out.read_text(encoding="utf-8"))["acts"]["pomoc-spoleczna"]["consolidated"]
    assert [row["positions"] for row in rows] == [[1362]]


def test_a_title_the_catalog_does_not_know_is_noted(api: _Server, tmp_path: Path) -> None:
    """Test data: a user catalog that gives u.s.g. a wrong title (as if its original address were wrong)."""
    wrong = tmp_path / "zly-tytul.yaml"
    wrong.write_text("acts:\n  samorzad-gminny:\n    title: ustawa z dnia 8 marca 1990 r. o czymś innym\n",
                     encoding="utf-8")
    code, _, stderr = run("--act", "samorzad-gminny", "--acts", str(wrong), "--out", str(tmp_path / "a.yaml"),
                          "--api", url(api))
    assert code == 0, stderr
    assert ("uwaga: samorzad-gminny: API ELI podaje dla DU/1990/95 tytuł „Ustawa z dnia 8 marca 1990 r. o samorządzie "
            "gminnym”, a katalog „ustawa z dnia 8 marca 1990 r. o czymś innym” — sprawdź, czy adres tekstu "
            "pierwotnego w katalogu jest właściwy") in stderr


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _assert_clean_failure(code: int, stdout: str, stderr: str, out: Path, before: str | None) -> str:
    assert code == 2
    assert "Traceback" not in stderr and "Traceback" not in stdout
    lines = [line for line in stderr.splitlines() if line.startswith("błąd: ")]
    assert len(lines) == 1, stderr
    assert lines[0].endswith(f"plik {out} nie został zmieniony")
    assert (out.read_text(encoding="utf-8") if out.exists() else None) == before
    assert [path.name for path in out.parent.iterdir() if path.name.startswith(f".{out.name}")] == []  # no temporary
    return lines[0]


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-file"])
def test_offline_is_one_message_and_no_file(tmp_path: Path, existing: bool) -> None:
    out = tmp_path / "akty.yaml"
    before = None
    if existing:
        shutil.copy(TESTS / "data" / "acts" / "amendments.yaml", out)
        before = out.read_text(encoding="utf-8")
    code, stdout, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api",
                               f"http://127.0.0.1:{_closed_port()}")
    line = _assert_clean_failure(code, stdout, stderr, out, before)
    assert "brak połączenia z API ELI (http://127.0.0.1:" in line and "połączenie odrzucone" in line


def test_timeout_is_one_message(api: _Server, tmp_path: Path) -> None:
    api.mode = "sleep"
    out = tmp_path / "akty.yaml"
    code, stdout, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api), "--timeout", "0.2")
    line = _assert_clean_failure(code, stdout, stderr, out, None)
    assert "API ELI nie odpowiedziało w ciągu 0,2 s" in line and "--timeout" in line


def test_unknown_act_is_http_404(api: _Server, tmp_path: Path) -> None:
    out = tmp_path / "akty.yaml"
    code, stdout, stderr = run("--act", "ustawa-przykladowa", "--acts", str(TESTS / "data" / "acts" / "amendments.yaml"),
                               "--out", str(out), "--api", url(api))
    line = _assert_clean_failure(code, stdout, stderr, out, None)
    assert "API ELI nie zna aktu DU/2020/100 (HTTP 404" in line


def test_a_referenced_act_missing_fails_the_whole_update(api: _Server, tmp_path: Path) -> None:
    """A 404 for one referenced text after others were read: nothing is written (no partial catalog)."""
    out = tmp_path / "akty.yaml"
    served = tmp_path / "served"
    served.mkdir()
    for name in ("DU-2004-593.json", "DU-2009-1362.json"):  # DU/2023/901 is missing
        shutil.copy(FIXTURES / name, served / name)
    api.fixtures = served
    code, stdout, stderr = run("--act", "pomoc-spoleczna", "--out", str(out), "--api", url(api))
    assert api.requested[-1] == "/eli/acts/DU/2023/901"
    _assert_clean_failure(code, stdout, stderr, out, None)


def test_http_error_is_one_message(api: _Server, tmp_path: Path) -> None:
    api.mode = "error"
    out = tmp_path / "akty.yaml"
    code, stdout, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api))
    line = _assert_clean_failure(code, stdout, stderr, out, None)
    assert "API ELI odpowiedziało błędem HTTP 503" in line


def test_malformed_json_is_one_message(api: _Server, tmp_path: Path) -> None:
    api.mode = "bad-json"
    out = tmp_path / "akty.yaml"
    code, stdout, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api))
    line = _assert_clean_failure(code, stdout, stderr, out, None)
    assert f"odpowiedź API ELI dla {url(api)}/eli/acts/DU/1990/95 nie jest poprawnym JSON-em" in line


@pytest.mark.parametrize(("args", "message"), [
    ((), "podaj pliki danych albo ustawę: --act KLUCZ"),
    (("--act", "samorzad-gminy"), "Czy chodziło o „samorzad-gminny”?"),
    (("--act", "samorzad-gminny", "--api", "api.sejm.gov.pl"), "nie jest adresem http(s)"),
    (("--act", "samorzad-gminny", "--timeout", "0"), "--timeout"),
])
def test_usage_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = tmp_path / "akty.yaml"
    code, stdout, stderr = run(*args, "--out", str(out))
    assert code == 2 and message in stderr and "Traceback" not in stderr
    assert not out.exists()


def test_a_missing_folder_is_reported_before_any_request(api: _Server, tmp_path: Path) -> None:
    out = tmp_path / "nie-ma" / "akty.yaml"
    code, _, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api))
    assert code == 2 and stderr == f"błąd: {out}: nie ma katalogu, w którym ma powstać plik\n" and api.requested == []


def test_a_broken_existing_catalog_is_reported_before_any_request(api: _Server, tmp_path: Path) -> None:
    out = tmp_path / "akty.yaml"
    out.write_text("acts:\n  samorzad-gminny:\n    amendments: [{year: 2002}]\n", encoding="utf-8")
    code, _, stderr = run("--act", "samorzad-gminny", "--out", str(out), "--api", url(api))
    assert code == 2 and f"błąd: {out}:3:" in stderr and api.requested == []


# The response reader on its own: both reference shapes, the issue before 2012, fields it needs.

def _act(**fields: object) -> dict[str, object]:
    return {**json.loads((FIXTURES / "DU-2001-1591.json").read_text(encoding="utf-8")), **fields}


@pytest.mark.parametrize(("fields", "issue"), [
    ({}, 142),
    ({"volume": 0}, 142),  # from "displayAddress": "Dz.U. 2001 nr 142 poz. 1591"
    ({"volume": None, "displayAddress": ""}, 142),  # from "address": "WDU20011421591"
])
def test_the_issue_of_an_address_before_2012(fields: dict[str, object], issue: int) -> None:
    assert parse_act(_act(**fields), "u").issue == issue


def test_references_in_both_shapes_other_journals_left_out() -> None:
    act = parse_act(_act(references={
        "Akty zmieniające": [{"id": "DU/2024/1572", "date": "2024-11-01"}, {"act": {"ELI": "DU/2025/3"}},
                             {"id": "MP/2024/10"}]}), "u")
    assert act.referenced("Akty zmieniające") == ("DU/2024/1572", "DU/2025/3")
    assert act.referenced("Inf. o tekście jednolitym") == ()


@pytest.mark.parametrize(("fields", "message"), [
    ({"ELI": None}, "nie ma pola „ELI”"),
    ({"ELI": "MP/2001/1591"}, "a nie pozycję Dziennika Ustaw"),
    ({"pos": 1592}, "jest niespójna"),
    ({"promulgation": "13 grudnia 2001"}, "nie jest datą"),
    ({"references": []}, "„references” w nieznanej postaci"),
    ({"references": {"Akty zmieniające": [{"date": "2002-01-01"}]}}, "nie ma identyfikatora aktu"),
    ({"volume": 0, "displayAddress": "", "address": ""}, "nie podaje numeru Dziennika Ustaw"),
])
def test_a_response_without_what_the_catalog_needs(fields: dict[str, object], message: str) -> None:
    with pytest.raises(EliError, match=re.escape(message)):
        parse_act(_act(**fields), "u")


def test_client_reads_one_act(api: _Server) -> None:
    act = EliClient(url(api), timeout=5).act(2024, 1465)
    assert (act.eli, act.issue, act.promulgation, act.type) == ("DU/2024/1465", None, dt.date(2024, 10, 3), "Obwieszczenie")
    assert act.referenced("Tekst jednolity dla aktu") == ("DU/1990/95",)
