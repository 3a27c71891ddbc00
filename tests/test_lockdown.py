"""Locked-down rendering (no network, no files beyond the package): what a data file or a user template folder can make paldocs do.

Proven here, each by a test that fails if the guarantee goes away:

1. **WeasyPrint fetches only paldocs's own assets.** Every real PDF build (a resolution with its annex, a
   report with charts) hands WeasyPrint an :class:`~paldocs.writers.pdf.AssetFetcher` and a non-file base
   URL, and every URL it is asked for is a packaged ``paldocs-asset:`` file or one of the generated chart
   images; ``file:``, network schemes, foreign ``data:`` URIs, paths escaping the asset folder and
   ``..``/symlink tricks are refused; a full build to every format opens no socket and no URL; a user
   template folder cannot bring its own CSS, and what its templates print as HTML/CSS stays text.
2. **User templates run sandboxed.** A user folder's template overriding a built-in one that reaches for
   Python internals, imports modules or includes files outside the template folders stops the build with
   a :class:`~paldocs.errors.TemplateError` — exit code 2, a Polish message, no traceback, no file written.
3. **Data is never compiled as a template.** Jinja2 syntax in every kind of text field (plain and Markdown,
   resolution and report) prints as written in the txt, DOCX, HTML and PDF outputs, and the build returns.
4. **Markdown raw HTML is off.** HTML, ``javascript:`` links and comments in Markdown fields produce no
   element, no event-handler attribute and no ``javascript:`` URL in the HTML (nor a hyperlink in the
   DOCX); the text prints literally.

Already covered elsewhere and not repeated: the fetcher's basic refusals (``file:``, ``http(s)``, ``ftp``,
``data:text/html``, ``paldocs-asset:../x`` …) and WeasyPrint stopping at the first refusal
(tests/test_pdf_writer.py, "the locked-down fetcher"); the HTML writer's own escaping of IR text and the
self-contained page (tests/test_html_writer.py); no request from the built HTML (tests/test_accessibility.py);
a title with ``{{ 7*7 }}`` in the txt (tests/test_compose.py).

"""

from __future__ import annotations

import base64
import contextlib
import copy
import http.client
import importlib.resources
import io
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import lxml.html
import pytest
import weasyprint
import weasyprint.urls
import yaml
from click.testing import CliRunner, Result
from conftest import REPO, TESTS
from docx_dump import docx_text_dump

import paldocs
from paldocs import document as ir
from paldocs.api import render, to_document
from paldocs.cli import main
from paldocs.errors import PaldocsError, RenderError, TemplateError
from paldocs.writers import pdf as pdf_writer
from paldocs.writers.html import load_print_css
from paldocs.writers.pdf import (
    ASSET_SCHEME,
    BASE_URL,
    MAX_DATA_IMAGE,
    AssetFetcher,
    AssetRefused,
    to_pdf,
)

OSTRODA = TESTS / "data" / "ostroda-2024-pal.yaml"
REPORT = REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml"
PROGRAM_OF_REPORT = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
PASSWD_LINE = "root:x:0:"  # the first line of /etc/passwd: its presence anywhere means the file leaked

needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")


# --- helpers ----------------------------------------------------------------------------------------------

def _normalize(text: str) -> str:
    """Text as a reader sees it: Polish typography's quotes and no-break spaces undone, lines and runs of
    white space joined (a PDF or DOCX wraps a long field anywhere), soft hyphens dropped."""
    for quote in "„”“":
        text = text.replace(quote, '"')
    text = text.replace("\u00ad", "").replace("\\n", " ")  # docx_dump writes a w:br as a literal "\n"
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _html_body_text(data: bytes) -> str:
    root = lxml.html.document_fromstring(data.decode("utf-8"))
    return root.body.text_content()


def _texts_of_every_format(document: ir.Document, tmp_path: Path) -> dict[str, str]:
    """The document in txt, DOCX, HTML and PDF, each read back as normalized text by a real reader."""
    texts = {
        "txt": render(document, "txt").decode("utf-8"),
        "docx": docx_text_dump(render(document, "docx")),
        "html": _html_body_text(render(document, "html")),
        "pdf": _pdf_text(render(document, "pdf"), tmp_path),
    }
    return {fmt: _normalize(text) for fmt, text in texts.items()}


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block runs longer than ``seconds`` (SIGALRM, main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"the build did not return within {seconds} s — was data evaluated as a template?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _load_yaml(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way out of the process to a socket or a URL opener raises — and is recorded, so that an attempt
    swallowed by some ``except`` (WeasyPrint catches fetch errors unless they are fatal) still fails the test."""
    attempts: list[str] = []

    def forbid(name: str) -> Callable[..., Any]:
        def forbidden(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args[1:] if args else ()}")
            raise OSError(f"lockdown test: {name} is forbidden")
        return forbidden

    monkeypatch.setattr(socket.socket, "connect", forbid("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", forbid("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", forbid("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", forbid("socket.getaddrinfo"))
    monkeypatch.setattr(http.client.HTTPConnection, "connect", forbid("HTTPConnection.connect"))
    monkeypatch.setattr(urllib.request, "urlopen", forbid("urllib.request.urlopen"))
    # WeasyPrint's default URLFetcher is an OpenerDirector: file:, http:, ftp: and data: all pass here.
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", forbid("OpenerDirector.open"))
    return attempts


@pytest.fixture
def fetch_log(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Records every URL any AssetFetcher is asked for, and the fetcher and base URL WeasyPrint is given."""
    log: dict[str, list[Any]] = {"urls": [], "fetchers": [], "base_urls": []}
    original_fetch = AssetFetcher.fetch

    def recording_fetch(self: AssetFetcher, url: str, headers: dict | None = None) -> Any:
        log["urls"].append(url)
        return original_fetch(self, url, headers)

    real_html, real_css = weasyprint.HTML, weasyprint.CSS

    def html_spy(*args: Any, **kwargs: Any) -> Any:
        log["fetchers"].append(kwargs.get("url_fetcher"))
        log["base_urls"].append(kwargs.get("base_url"))
        return real_html(*args, **kwargs)

    def css_spy(*args: Any, **kwargs: Any) -> Any:
        log["fetchers"].append(kwargs.get("url_fetcher"))
        log["base_urls"].append(kwargs.get("base_url"))
        return real_css(*args, **kwargs)

    monkeypatch.setattr(AssetFetcher, "fetch", recording_fetch)
    monkeypatch.setattr(weasyprint, "HTML", html_spy)
    monkeypatch.setattr(weasyprint, "CSS", css_spy)
    # The print CSS is parsed once per process; drop the cache so that its fetcher is observed too.
    pdf_writer._resources.cache_clear()
    return log


def _chart_pngs(document: ir.Document) -> list[bytes]:
    return [node.png for node in ir.walk(document) if isinstance(node, ir.Figure) and node.png is not None]


def _is_paldocs_asset(url: str) -> bool:
    """A ``paldocs-asset:`` URL naming a regular file inside the packaged templates, with no tricks."""
    if not url.startswith(ASSET_SCHEME):
        return False
    root = Path(str(importlib.resources.files("paldocs_templates"))).resolve()
    target = (root / url.removeprefix(ASSET_SCHEME).lstrip("/")).resolve()
    return target.is_relative_to(root) and target.is_file()


def _is_generated_chart(url: str, charts: list[bytes]) -> bool:
    match = re.fullmatch(r"data:image/png;base64,([A-Za-z0-9+/=]*)", url)
    return match is not None and base64.b64decode(match[1]) in charts


# === 1. WeasyPrint gets a fetcher that serves only paldocs's own assets ==================================

@pytest.mark.slow  # a whole build to every format (> 2 s)
@pytest.mark.usefixtures("no_network")
def test_real_builds_fetch_only_packaged_assets_and_generated_charts(fetch_log: dict[str, list[Any]]) -> None:
    """(a) A resolution with its annex and a report with charts, built to PDF: WeasyPrint only ever talks to
    an AssetFetcher, with a base URL that is not a file: URL, and asks it for nothing but paldocs's assets
    and the charts paldocs drew. The charts are inline SVG (no fetch at all), so the report is also built
    with PNG-only figures: then the fetcher is asked for exactly those images — proof that the recording
    sees real requests, not an empty list by accident."""
    resolution, _ = to_document(OSTRODA)
    report, _ = to_document(REPORT)
    charts = _chart_pngs(report)
    assert len(charts) >= 2  # the report really has charts
    png_only = copy.deepcopy(report)
    for node in ir.walk(png_only):
        if isinstance(node, ir.Figure):
            node.svg = None

    for document in (resolution, report, png_only):
        assert to_pdf(document).startswith(b"%PDF-")

    assert fetch_log["fetchers"], "WeasyPrint was never constructed — the spy is not in place"
    assert all(isinstance(fetcher, AssetFetcher) for fetcher in fetch_log["fetchers"]), fetch_log["fetchers"]
    assert set(fetch_log["base_urls"]) == {BASE_URL} and not BASE_URL.startswith("file:")
    unexpected = [url[:80] for url in fetch_log["urls"]
                  if not (_is_paldocs_asset(url) or _is_generated_chart(url, charts))]
    assert unexpected == []
    chart_urls = [url for url in fetch_log["urls"] if url.startswith("data:")]
    assert sorted(base64.b64decode(url.partition(",")[2]) for url in chart_urls) == sorted(charts)


@pytest.mark.parametrize("url", [
    # file system, spelled every way WeasyPrint or a clerk could spell it
    "file:/etc/passwd", "file://localhost/etc/passwd", "FILE:///etc/passwd", "../../etc/passwd",
    "etc/passwd", "\\\\server\\share\\x.css",
    # network
    "http://127.0.0.1/x.css", "https://example.com/font.ttf", "//example.com/x.png", "ftp://example.com/x.png",
    "gopher://example.com/", "smb://server/share/x.css", "javascript:alert(1)",
    # the fixed base URL's own scheme is not an asset scheme
    "paldocs:/print.css", "paldocs:/../../etc/passwd",
    # data: URIs that are not paldocs's own small raster images
    "data:text/css,@import url(http://example.com/x.css);", "data:text/css;base64,Ym9keXt9",
    "data:image/svg+xml;base64,PHN2Zy8+", "data:image/svg+xml,<svg><image href='file:///etc/passwd'/></svg>",
    "data:image/png;base64,", "data:image/png;base64,!!!!", "data:application/octet-stream;base64," + PNG_1PX,
    f"data:image/png;base64,{PNG_1PX}#../../etc/passwd",
    # `..` and friends, also when they would land on a real packaged asset
    "paldocs-asset:fonts/../print.css", "paldocs-asset:./print.css", "paldocs-asset:x/../../print.css",
    "paldocs-asset:%2e%2e/pyproject.toml", "paldocs-asset:..%2f..%2fetc%2fpasswd.css",
    "paldocs-asset:..\\pyproject.toml", "paldocs-asset:....//....//etc/passwd.css",
    "paldocs-asset:///etc/passwd.css", "paldocs-asset:" + "../" * 20 + "etc/passwd.css",
    "paldocs-asset:print.css/../../../etc/passwd", "paldocs-asset:print.css\x00.png",
    # packaged, but not an asset type (templates and code are not served)
    "paldocs-asset:kinds.yaml", "paldocs-asset:resolution.md.j2", "paldocs-asset:reference.docx",
])
def test_fetcher_refuses_everything_but_its_own_assets(url: str) -> None:
    """(b) Refusals not covered by tests/test_pdf_writer.py::test_fetcher_refuses_and_records."""
    fetcher = AssetFetcher()
    with pytest.raises(AssetRefused) as refused:
        fetcher.fetch(url)
    assert fetcher.refused == [url], refused.value


def test_fetcher_refuses_an_oversized_inline_image() -> None:
    """A data: PNG over the limit is refused even though it is well-formed (the limit is what makes
    ``data:`` safe to allow at all: no huge decode inside WeasyPrint)."""
    big = base64.b64decode(PNG_1PX) + b"\0" * MAX_DATA_IMAGE
    url = "data:image/png;base64," + base64.b64encode(big).decode("ascii")
    fetcher = AssetFetcher()
    with pytest.raises(AssetRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("markup, refused", [
    # relative: the fixed base URL (paldocs:/) is not hierarchical, so the path reaches the fetcher as
    # written and is refused — it never becomes a file: path next to some folder
    ('<img src="../../etc/passwd">', "(../../etc/passwd)"),
    ('<img src="../../../../../../../../etc/passwd">', "(../../../../../../../../etc/passwd)"),
    ('<link rel="stylesheet" href="paldocs-asset:fonts/../print.css">', "paldocs-asset:fonts/../print.css"),
    ('<img src="//example.com/x.png">', "//example.com/x.png"),
    ('<object data="file:///etc/passwd"></object>', "file:///etc/passwd"),
    ('<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E">', "data:image/svg+xml"),
])
def test_weasyprint_refuses_escaping_references_end_to_end(markup: str, refused: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """(b) The same refusals through WeasyPrint's own URL resolution (relative paths, protocol-relative
    URLs, SVG images), with the page swapped in as tests/test_pdf_writer.py does for its cases."""
    from ir_samples import sample_document

    page = f'<!DOCTYPE html><html lang="pl"><head><title>t</title></head><body><p>Tekst</p>{markup}</body></html>'
    monkeypatch.setattr(pdf_writer, "to_html", lambda document, **kwargs: page)
    with pytest.raises(RenderError, match="zasobu spoza paldocs") as error:
        to_pdf(sample_document())
    assert refused in str(error.value)


@pytest.mark.usefixtures("no_network")
def test_inline_svg_cannot_reach_outside_either() -> None:
    """(b) An ``<image>``/``<use>`` inside inline SVG (the way charts reach the PDF) goes through the same
    fetcher and is refused. Note: WeasyPrint's SVG code treats a failed fetch as a missing image and goes on,
    so here a refusal does not stop the build — harmless, nothing is read, and paldocs's own charts are
    sanitized before they are inlined (tests/test_html_writer.py::test_svg_is_sanitized)."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
           '<image href="file:///etc/passwd" width="5" height="5"/><use href="http://example.com/x.svg#g"/></svg>')
    fetcher = AssetFetcher()
    pdf = weasyprint.HTML(string=f"<p>Tekst</p>{svg}", base_url=BASE_URL, url_fetcher=fetcher).write_pdf()
    assert "file:///etc/passwd" in fetcher.refused
    assert set(fetcher.refused) <= {"file:///etc/passwd", "http://example.com/x.svg#g", "http://example.com/x.svg"}
    assert PASSWD_LINE.encode() not in pdf


@pytest.fixture
def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the installed ``paldocs_templates`` holding symlinks that point outside it (the real
    package folder is not touched: other tests and engineers use it)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.css").write_text("SECRET-CSS", encoding="utf-8")
    (outside / "secret.ttf").write_bytes(b"SECRET-FONT")
    package = tmp_path / "package"
    package.mkdir()
    (package / "print.css").write_bytes((importlib.resources.files("paldocs_templates") / "print.css").read_bytes())
    (package / "evil.css").symlink_to(outside / "secret.css")
    (package / "passwd.css").symlink_to("/etc/passwd")
    (package / "fonts").symlink_to(outside, target_is_directory=True)
    real_files = importlib.resources.files
    monkeypatch.setattr(importlib.resources, "files",
                        lambda anchor: package if anchor == "paldocs_templates" else real_files(anchor))
    return package


def test_fetcher_serves_a_real_file_of_the_stand_in_package(fake_package: Path) -> None:
    """Control for the symlink test below: the stand-in package is what the fetcher reads."""
    assert b"@page" in AssetFetcher().fetch("paldocs-asset:print.css").read()


@pytest.mark.parametrize("url", ["paldocs-asset:evil.css", "paldocs-asset:passwd.css", "paldocs-asset:fonts/secret.ttf"])
def test_fetcher_refuses_a_symlink_leading_out_of_the_package(url: str, fake_package: Path) -> None:
    """(b) A URL that names a packaged asset, but the file is a symlink (or sits in a symlinked folder)
    pointing outside the package: only files really inside paldocs_templates may be served."""
    fetcher = AssetFetcher()
    with pytest.raises(AssetRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


@pytest.mark.slow  # a whole build to every format (> 2 s)
def test_full_build_to_every_format_uses_no_network(no_network: list[str], tmp_path: Path) -> None:
    """(c) With every socket and URL opener raising, the CLI builds a resolution and a report with charts
    to all four formats (and a PDF/A-3b that embeds the source files) — and nothing even tried."""
    out = tmp_path / "out"
    result = _cli("build", OSTRODA, REPORT, "--format", "docx,pdf,html,txt", "--out", out)
    assert result.exit_code == 0, result.output
    archive = _cli("build", OSTRODA, "--format", "pdf", "--pdf-variant", "pdf/a-3b", "--out", tmp_path / "pdfa")
    assert archive.exit_code == 0, archive.output
    assert no_network == []
    assert sorted(path.name for path in out.iterdir()) == sorted(
        f"{stem}.{fmt}" for stem in (OSTRODA.stem, REPORT.stem) for fmt in ("docx", "pdf", "html", "txt"))
    assert (tmp_path / "pdfa" / f"{OSTRODA.stem}.pdf").read_bytes().startswith(b"%PDF-")


HOSTILE_CSS = """\
@import url(http://evil.invalid/a.css);
@import "file:///etc/passwd";
@font-face { font-family: X; src: url(http://evil.invalid/x.ttf); }
body { background: url(file:///etc/passwd); }
"""
# Printed by a user template: raw HTML and CSS that would fetch if it ever reached the page as markup.
HOSTILE_TEMPLATE_TEXT = """\
<style>@import url(http://evil.invalid/b.css); body { background: url(file:///etc/passwd) }</style>

<link rel="stylesheet" href="http://evil.invalid/c.css">

<img src="file:///etc/passwd"> <div style="background: url(http://evil.invalid/d.png)">x</div>

<!-- komentarz --> <script src="http://evil.invalid/e.js"></script>

"""


@pytest.mark.usefixtures("no_network")
def test_user_templates_cannot_bring_css_or_markup_that_fetches(tmp_path: Path,
                                                                fetch_log: dict[str, list[Any]]) -> None:
    """(d) User CSS is not supported at all: the stylesheet of the HTML and the PDF is always the packaged
    print.css (``load_print_css`` reads ``paldocs_templates`` only), so a ``print.css`` in the ``--templates``
    folder is ignored. What a user template prints goes through the Markdown dialect, which has no raw
    HTML: ``<style>``, ``<link>``, ``<img>``, ``style=`` and comments become text, never elements — so the
    PDF build asks the fetcher for nothing and the HTML page carries no foreign CSS or request."""
    templates = tmp_path / "szablony"
    templates.mkdir()
    (templates / "print.css").write_text(HOSTILE_CSS, encoding="utf-8")
    signature = (importlib.resources.files("paldocs_templates") / "signature.md.j2").read_text(encoding="utf-8")
    # after the built-in text: its leading {#- … -#} comment would eat the whitespace before it
    (templates / "signature.md.j2").write_text(signature + "\n" + HOSTILE_TEMPLATE_TEXT, encoding="utf-8")

    result = paldocs.build(OSTRODA, ["html", "pdf", "txt"], tmp_path / "out", templates=templates)
    page = (tmp_path / "out" / f"{OSTRODA.stem}.html").read_text(encoding="utf-8")
    root = lxml.html.document_fromstring(page)

    assert len(result.outputs) == 3
    assert fetch_log["urls"] == []  # nothing fetched while laying out the PDF
    styles = root.xpath("//style")
    assert len(styles) == 1 and styles[0].getparent().tag == "head"
    assert styles[0].text.strip() == load_print_css().strip()  # the packaged stylesheet, not the user's
    assert not root.xpath("//link | //script | //img | //iframe | //object | //body//style | //*[@style]")
    assert not root.xpath("//body//comment()")
    assert not [value for value in root.xpath("//@*") if "evil.invalid" in value or "file:" in value]
    text = _normalize(root.body.text_content())
    assert "<style>@import url(http://evil.invalid/b.css);" in text  # the user's text is printed, as text
    assert '<img src="file:///etc/passwd">' in text


# === 2. User templates run in Jinja2's SandboxedEnvironment ================================================

def _user_templates(tmp_path: Path, name: str, source: str) -> Path:
    folder = tmp_path / "szablony"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(source, encoding="utf-8")
    return folder


def _assert_clean_template_failure(tmp_path: Path, templates: Path) -> None:
    """CLI: exit 2, one Polish "błąd: …szablon…" message, no traceback, no leaked file content, nothing
    written; library: a TemplateError (a PaldocsError)."""
    out = tmp_path / "out"
    result = _cli("build", OSTRODA, "--format", "docx,pdf,html,txt", "--out", out, "--templates", templates)
    errors = [line for line in result.stderr.splitlines() if line.startswith("błąd")]
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert len(errors) == 1 and re.match(r"błąd: .*(błąd w szablonie|brak szablonu)", errors[0]), result.stderr
    assert "Traceback" not in result.output
    assert PASSWD_LINE not in result.output
    assert not out.exists() or not any(out.iterdir())
    with pytest.raises(PaldocsError) as error:
        paldocs.build(OSTRODA, ["txt"], out, templates=templates)
    assert isinstance(error.value, TemplateError)
    assert PASSWD_LINE not in str(error.value)


SANDBOX_ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{{ '{0.__class__.__mro__}'.format('') }}",  # str.format as a way round attribute checks
    "{{ data.__class__.__init__.__globals__ }}",  # through paldocs's own objects
    "{{ resolution.date.__class__ }}",
    "{{ md_list.__globals__ }}",
    "{{ config }}",  # Flask's habit: nothing of the kind is in the context
    "{{ request.application.__globals__ }}",
    "{% import os %}",
    "{% import 'os' as os %}{{ os.system('id') }}",
    "{% from 'subprocess' import run %}{{ run('id') }}",
]


@pytest.mark.parametrize("source", SANDBOX_ESCAPES)
def test_user_template_cannot_reach_python(source: str, tmp_path: Path) -> None:
    """A user template overriding a built-in one (``signature.md.j2``, included by every resolution: the
    user folder is searched first) stops with a TemplateError — exit 2, a Polish message."""
    _assert_clean_template_failure(tmp_path, _user_templates(tmp_path, "signature.md.j2", source + "\n"))


# At commit 83dea65 these leaked /etc/passwd into the document: compose._PackageLoader joined any template
# name onto the package folder (the user folder's FileSystemLoader refuses "..", but then the ChoiceLoader
# fell through to the package loader, which did not). They pass since _PackageLoader splits the name with
# jinja2's split_template_path and refuses absolute names.
@pytest.mark.parametrize("source", [
    "{% include '/etc/passwd' %}",
    "{% include '../../../etc/passwd' %}",
    "{% include '" + "../" * 30 + "etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% import '/etc/passwd' as passwd %}{{ passwd }}",
])
def test_user_template_cannot_include_files_outside_the_template_folders(source: str, tmp_path: Path) -> None:
    _assert_clean_template_failure(tmp_path, _user_templates(tmp_path, "signature.md.j2", source + "\n"))


def test_user_kinds_cannot_name_a_file_outside_the_template_folders_as_a_template(tmp_path: Path) -> None:
    """``kinds.yaml`` is read through the same loader (a user folder may override it); its ``template:``
    names a template, never an arbitrary file."""
    kinds = _load_yaml(Path(str(importlib.resources.files("paldocs_templates") / "kinds.yaml")))
    kinds["pal"]["template"] = "/etc/passwd"
    templates = tmp_path / "szablony"
    templates.mkdir()
    _write_yaml(templates / "kinds.yaml", kinds)
    _assert_clean_template_failure(tmp_path, templates)


@pytest.mark.parametrize("body", ["{% for x in range(10**9) %}x{% endfor %}", "{{ 1/0 }}", "{{ [].pop() }}"])
def test_user_template_run_time_faults_are_template_errors(tmp_path: Path, body: str) -> None:
    """The sandbox caps range() (so the loop cannot hang the build); that cap, a division by zero or an empty
    pop must read as the template's fault (exit 2, naming the user's template), not as a paldocs bug (exit 1)."""
    templates = _user_templates(tmp_path, "signature.md.j2", body + "\n")
    _assert_clean_template_failure(tmp_path, templates)
    result = CliRunner().invoke(main, ["build", str(OSTRODA), "-f", "txt", "-o", str(tmp_path / "o"),
                                       "--templates", str(templates)])
    assert f"{templates / 'signature.md.j2'}:1: błąd w szablonie" in result.stderr


# === 3. User data is never compiled as a template ==========================================================

TEMPLATE_PAYLOADS = [
    "{{ 7*7 }}",
    "{% for x in range(10**9) %}x{% endfor %}",  # would hang (or overflow the sandbox) if evaluated
    "{{ config }}",
    "{#",  # an unclosed comment: would swallow the rest of the template
    "{% raw %}",  # an unclosed raw block: a syntax error
]


def _resolution_with(payload: str) -> tuple[dict[str, Any], list[str]]:
    """The Ostróda data with the payload in every kind of text field; returns the data and the tagged texts
    that must each appear as written."""
    data = _load_yaml(OSTRODA)
    tagged = {tag: f"{tag} {payload}" for tag in
              ("T1", "T2", "T3", "T4", "T5", "T6", "M1", "M2", "M3", "M4", "M5", "M6", "M7")}
    # plain-text fields (escaped for Markdown by compose, inserted by the templates)
    data["program"]["title"] = tagged["T1"]  # § 1 "Przyjmuje się „…”"
    data["program"]["title_genitive"] = tagged["T2"]  # via the kind's subject template (kinds.yaml)
    data["program"]["toc"] = {"title": tagged["T3"]}
    data["municipality"]["signatory"]["name"] = tagged["T6"]
    # Markdown fields
    data["program"]["display_title"] = tagged["M5"]
    data["program"]["sections"] = [
        {"heading": tagged["T4"], "role": "goals", "content": tagged["M1"],
         "items": [{"id": "cel-1", "text": tagged["M2"], "items": [{"text": tagged["M3"]}]}],
         "closing": tagged["M4"]},
        {"heading": "Rozdział drugi", "toc": tagged["T5"], "content": "Treść."},
    ]
    data["resolution"]["provisions"] = [tagged["M6"]]
    data["resolution"]["justification"] = tagged["M7"]
    return data, list(tagged.values())


def _report_with(payload: str) -> tuple[dict[str, Any], list[str]]:
    data = _load_yaml(REPORT)
    data["program"] = str(PROGRAM_OF_REPORT)  # the copy lives elsewhere
    tagged = {tag: f"{tag} {payload}" for tag in ("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8")}
    data["prepared_by"]["name"] = tagged["R1"]  # plain
    activity = data["activities"][0]
    activity["name"] = tagged["R2"]  # plain; in a table cell and the description's bold lead
    activity["description"] = tagged["R3"]  # Markdown
    # Markdown is still Markdown: two "7*7" fields in one paragraph would pair their asterisks as emphasis
    # (the report prints description and results together), so the second one goes to another activity.
    data["activities"][1]["results"] = tagged["R4"]
    data["indicators"][3]["comment"] = tagged["R8"]
    data["narrative"]["summary"] = tagged["R5"]
    data["narrative"]["problems"] = tagged["R6"]
    data["narrative"]["conclusions"] = tagged["R7"]
    return data, list(tagged.values())


@needs_pdftotext
@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_template_syntax_in_resolution_data_prints_as_written(payload: str, tmp_path: Path) -> None:
    data, expected = _resolution_with(payload)
    path = _write_yaml(tmp_path / "dane.yaml", data)
    started = time.monotonic()
    with _deadline(120):
        document, _ = to_document(path)
        texts = _texts_of_every_format(document, tmp_path)
    assert time.monotonic() - started < 120
    for fmt, text in texts.items():
        missing = [want for want in expected if _normalize(want) not in text]
        assert missing == [], f"{fmt}: not printed as written: {missing}"


@needs_pdftotext
@pytest.mark.slow  # a report with charts to every format takes seconds per payload: the full suite runs them all
@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_template_syntax_in_report_data_prints_as_written(payload: str, tmp_path: Path) -> None:
    data, expected = _report_with(payload)
    path = _write_yaml(tmp_path / "sprawozdanie.yaml", data)
    with _deadline(180):
        document, _ = to_document(path)
        texts = _texts_of_every_format(document, tmp_path)
    for fmt, text in texts.items():
        missing = [want for want in expected if _normalize(want) not in text]
        assert missing == [], f"{fmt}: not printed as written: {missing}"


def test_template_syntax_in_data_through_the_cli(tmp_path: Path) -> None:
    """The same through ``paldocs build`` (the route a clerk uses): exit 0, and the loop that would run
    10⁹ times if compiled is in the txt as text."""
    data, expected = _resolution_with(TEMPLATE_PAYLOADS[1])
    path = _write_yaml(tmp_path / "dane.yaml", data)
    with _deadline(120):
        result = _cli("build", path, "--format", "txt", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    text = _normalize((tmp_path / "out" / "dane.txt").read_text(encoding="utf-8"))
    assert all(_normalize(want) in text for want in expected)


# === 4. Markdown raw HTML is off ===========================================================================

HTML_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="http://x">',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",  # an autolink
    "<http://example.com/x>",
    "<!-- komentarz -->",
    "<!-- komentarz\nw dwóch wierszach -->",
    "<svg onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<style>@import url(http://x);</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "[x]: javascript:alert(1)",  # a link reference definition
]


def _html_payload_data() -> dict[str, Any]:
    """Each payload alone as a paragraph (raw HTML *blocks* start a line) and inside text (inline HTML), in
    every Markdown field, plus in the plain-text fields."""
    data = _load_yaml(OSTRODA)
    blocks = "\n\n".join(HTML_PAYLOADS)
    data["program"]["sections"] = [{
        "heading": " ".join(payload.replace("\n", " ") for payload in HTML_PAYLOADS),
        "content": blocks,
        "items": [{"text": f"Punkt {payload}"} for payload in HTML_PAYLOADS],
        "closing": "Koniec: " + " i ".join(payload.replace("\n", " ") for payload in HTML_PAYLOADS),
    }]
    data["resolution"]["provisions"] = list(HTML_PAYLOADS)
    data["resolution"]["justification"] = blocks
    return data


def test_raw_html_and_script_links_in_markdown_never_become_markup(tmp_path: Path) -> None:
    """Library route (``to_document`` + ``render``). In the HTML: no active element, no ``on*`` attribute,
    no ``javascript:`` anywhere in an attribute, no link at all, no comment; in the DOCX: no hyperlink;
    in the HTML and the txt: every payload printed as written."""
    document, _ = to_document(_write_yaml(tmp_path / "dane.yaml", _html_payload_data()))
    page = render(document, "html").decode("utf-8")
    text = render(document, "txt").decode("utf-8")
    docx = render(document, "docx")
    root = lxml.html.document_fromstring(page)

    active = root.xpath("//script | //img | //iframe | //svg | //details | //a | //link | //object | //embed"
                        " | //form | //base | //body//style | //*[@style]")
    assert active == [], [lxml.html.tostring(node)[:80] for node in active]
    handlers = [(node.tag, name) for node in root.iter() if isinstance(node.tag, str)
                for name in node.attrib if name.lower().startswith("on")]
    assert handlers == []
    assert not [value for value in root.xpath("//@*") if "javascript:" in re.sub(r"\s", "", value).lower()]
    assert not root.xpath("//body//comment()")
    assert "<script" not in page.lower() and "<!--" not in page

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        relationships = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "w:hyperlink" not in body and "javascript" not in relationships.lower()

    shown = {"html": _normalize(root.body.text_content()), "txt": _normalize(text)}
    for fmt, printed in shown.items():
        missing = [payload for payload in HTML_PAYLOADS if _normalize(payload) not in printed]
        assert missing == [], f"{fmt}: not printed as written: {missing}"
    assert _normalize("Punkt <script>alert(1)</script>") in shown["txt"]
