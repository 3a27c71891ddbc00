"""Annexes' pictures and plans: files next to the data file only, SVG sanitised, printed in every format.

Real readers check the outputs: python-docx (the pictures in the DOCX, a section per annex restarting its
page numbers), pdftotext (the page number printed on each annex's first page), the HTML, the text version;
LibreOffice opens a DOCX with three annexes including a picture (marker ``soffice``).
"""

from __future__ import annotations

import copy
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from conftest import TESTS
from docx.oxml.ns import qn
from PIL import Image

from paldocs.api import build, render, to_document
from paldocs.batch import BuildRequest, build_bytes
from paldocs.document import Figure, walk
from paldocs.errors import DataError

SAMPLE = TESTS / "data" / "annexes" / "uchwala-z-zalacznikami.yaml"
BASE = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
SVG = (SAMPLE.parent / "mapa.svg").read_bytes()
NBSP = "\u00a0"


def picture(kind: str, size: tuple[int, int] = (120, 80)) -> bytes:
    image = Image.new("RGB", size, (40, 120, 200))
    out = io.BytesIO()
    image.save(out, format=kind)
    return out.getvalue()


def pdf_page() -> bytes:
    from weasyprint import HTML

    return HTML(string="<style>@page { size: A5 }</style><p>Plan sytuacyjny</p>").write_pdf()  # type: ignore[no-any-return]


def write(folder: Path, annexes: list[dict[str, Any]], files: dict[str, bytes] | None = None) -> Path:
    data = copy.deepcopy(BASE)
    data["annexes"] = annexes
    data["resolution"]["provisions"] = []
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    path = folder / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def figures(path: Path) -> list[Figure]:
    return [node for node in walk(to_document(path)[0]) if isinstance(node, Figure)]


@pytest.mark.parametrize(("name", "content"), [("plan.png", lambda: picture("PNG")),
                                                ("plan.jpg", lambda: picture("JPEG")),
                                                ("plan.pdf", pdf_page), ("plan.svg", lambda: SVG)])
def test_each_file_type_becomes_a_picture(tmp_path: Path, name: str, content: Any) -> None:
    [figure] = figures(write(tmp_path, [{"title": "Plan", "file": name}], {name: content()}))
    assert figure.png is not None and figure.png.startswith(b"\x89PNG") and figure.alt == "Plan"
    assert figure.file_name == name and 0 < figure.width_cm <= 16
    with Image.open(io.BytesIO(figure.png)) as image:
        assert image.width > 50


def test_a_tall_plan_fits_the_page(tmp_path: Path) -> None:
    [figure] = figures(write(tmp_path, [{"title": "Plan", "file": "p.png"}], {"p.png": picture("PNG", (100, 400))}))
    assert figure.width_cm == 5.5  # 22 cm high at most


def test_the_pictures_print_in_all_four_formats(tmp_path: Path) -> None:
    path = write(tmp_path, [{"title": "Mapa", "file": "mapa.png", "alt": "Mapa gminy"},
                            {"title": "Plan", "file": "plan.svg"}],
                 {"mapa.png": picture("PNG"), "plan.svg": SVG.replace(b"<text", b"<desc").replace(b"</text>", b"</desc>")})
    out = tmp_path / "out"
    build(path, ["docx", "pdf", "html", "txt"], out)
    text = (out / "dane.txt").read_text(encoding="utf-8")
    assert "[Rysunek] Mapa gminy (plik: mapa.png)" in text and "[Rysunek] Plan (plik: plan.svg)" in text
    page = (out / "dane.html").read_text(encoding="utf-8")
    assert page.count('<img src="data:image/png;base64,') == 1 and page.count("<svg") == 1  # the SVG stays vector
    word = docx.Document(str(out / "dane.docx"))
    assert len(word.inline_shapes) == 2
    assert [s._inline.docPr.get("descr") for s in word.inline_shapes] == ["Mapa gminy", "Plan"]
    # one section per part; every annex restarts its page numbers at 1 and prints them in its footer
    sections = word.sections
    assert len(sections) == 4
    for section in sections[1:]:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert "PAGE" in section.footer._element.xml
    if shutil.which("pdftotext"):
        pages = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(out / "dane.pdf"), "-"],
                                check=True, capture_output=True, text=True).stdout.replace(NBSP, " ").split()
                 for n in (2, 3, 4)]
        assert [" ".join(p[:4]) for p in pages] == [f"Załącznik Nr {n} do" for n in (1, 2, 3)]
        assert [p[-1] for p in pages] == ["1", "1", "1"]  # each annex's first page is its page 1


def test_in_memory_builds_read_only_the_files_they_are_given() -> None:
    data = yaml.safe_dump({**BASE, "annexes": [{"title": "Mapa", "file": "mapy/mapa.svg"}]}, allow_unicode=True)
    built = build_bytes(BuildRequest(data, "uchwaly/dane.yaml", {"mapy/mapa.svg": SVG}, formats=("txt",)))
    assert "(plik: mapy/mapa.svg)" in built.outputs["txt"].decode("utf-8")
    with pytest.raises(DataError, match="nie ma pliku „mapa.png”"):
        build_bytes(BuildRequest(data.replace("mapy/mapa.svg", "mapa.png"), "uchwaly/dane.yaml", {}, formats=("txt",)))


# --- security: which files may be read --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "message"), [
    ("https://example.org/mapa.png", "to adres, nie plik"),
    ("file:///etc/passwd", "to adres, nie plik"),
    ("//serwer/udzial/mapa.png", "to adres, nie plik"),
    ("/etc/hosts.png", "ścieżka bezwzględna"),
    ("../poza.png", "wychodzi poza folder"),
    ("mapy/../../poza.png", "wychodzi poza folder"),
    ("dane.yaml", "nie jest rysunkiem"),
    ("brak.png", "nie ma pliku"),
])
def test_refused_file_names_are_errors_at_the_field(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "poza.png").write_bytes(picture("PNG"))
    path = write(tmp_path / "dane", [{"title": "Mapa", "file": name}])
    with pytest.raises(DataError, match=message) as error:
        to_document(path)
    location = error.value.location
    assert location is not None and location.path == "annexes[0].file" and location.line is not None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_symlink_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "tajne.png").write_bytes(picture("PNG"))
    folder = tmp_path / "dane"
    path = write(folder, [{"title": "Mapa", "file": "mapa.png"}])
    (folder / "mapa.png").symlink_to(tmp_path / "tajne.png")
    with pytest.raises(DataError, match="dowiązaniem do pliku spoza folderu"):
        to_document(path)
    (folder / "mapa.png").unlink()
    (folder / "inny.png").write_bytes(picture("PNG"))
    (folder / "mapa.png").symlink_to(folder / "inny.png")  # a link inside the folder is fine
    assert len(figures(path)) == 1


@pytest.mark.parametrize(("name", "content", "message"), [
    ("mapa.png", b"GIF89a....", "nie jest plikiem PNG"),
    ("mapa.jpg", picture("PNG"), "nie jest plikiem JPEG"),
    ("mapa.pdf", b"%PDF-1.7 broken", "uszkodzony"),
    ("mapa.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "uszkodzony"),
    ("mapa.svg", b"<svg", "nieprawidłowy"),
])
def test_broken_or_disguised_files_are_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    with pytest.raises(DataError, match=message):
        to_document(write(tmp_path, [{"title": "Mapa", "file": name}], {name: content}))


def test_a_pdf_page_beyond_the_last_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="ma 1 str., a załącznik wskazuje stronę 3"):
        to_document(write(tmp_path, [{"title": "Plan", "file": "p.pdf", "page": 3}], {"p.pdf": pdf_page()}))


MALICIOUS_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50"
     onload="alert('onload')">
  <script>alert('script')</script>
  <foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
  <image xlink:href="https://example.org/tracker.png" width="10" height="10"/>
  <use href="file:///etc/passwd#x"/>
  <a xlink:href="javascript:alert('a')"><rect id="r" width="10" height="10" onclick="alert('click')"
     fill="url(https://example.org/x.svg#p)"/></a>
  <use xlink:href="#r" x="20"/>
</svg>"""


def test_a_malicious_svg_keeps_only_its_drawing(tmp_path: Path) -> None:
    [figure] = figures(write(tmp_path, [{"title": "Mapa", "file": "zla.svg"}], {"zla.svg": MALICIOUS_SVG}))
    assert figure.svg is not None
    svg = figure.svg.decode("utf-8")
    for gone in ("script", "alert", "foreignObject", "onload", "onclick", "example.org", "file:", "javascript"):
        assert gone not in svg, gone
    assert 'href="#r"' in svg and "<rect" in svg  # internal references and the drawing stay
    html = render(to_document(write(tmp_path, [{"title": "Mapa", "file": "zla.svg"}]))[0], "html")
    assert b"alert" not in html and b"example.org" not in html  # type: ignore[operator]


@pytest.mark.parametrize("doctype", [
    b'<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
])
def test_an_svg_declaring_entities_is_refused(tmp_path: Path, doctype: bytes) -> None:
    svg = b'<?xml version="1.0"?>' + doctype + b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' \
          b'<text>&xxe;&b;</text></svg>'
    with pytest.raises(DataError, match="deklaruje encje XML") as error:
        to_document(write(tmp_path, [{"title": "Mapa", "file": "x.svg"}], {"x.svg": svg}))
    assert error.value.location is not None and error.value.location.path == "annexes[0].file"


def test_an_oversized_picture_is_refused(tmp_path: Path) -> None:
    from paldocs.limits import Limits

    path = write(tmp_path, [{"title": "Mapa", "file": "m.png"}], {"m.png": picture("PNG", (400, 400))})
    with pytest.raises(DataError, match="max_file_bytes"):
        to_document(path, limits=Limits(max_file_bytes=200))


# --- LibreOffice opens a DOCX with three annexes and a picture ------------------------------------------------

@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_libreoffice_opens_three_annexes_with_a_picture(tmp_path: Path) -> None:
    path = write(tmp_path, [{"title": "Wykaz zadań", "content": "| Lp. | Zadanie |\n|---|---|\n| 1 | Remont |"},
                            {"title": "Mapa", "file": "mapa.png"}], {"mapa.png": picture("PNG", (600, 400))})
    build(path, ["docx"], tmp_path)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(tmp_path / "dane.docx")],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "lo" / "dane.pdf"
    pages = [" ".join(subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], check=True,
                                     capture_output=True, text=True).stdout.replace(NBSP, " ").split()) for n in (2, 3, 4)]
    for number, page in enumerate(pages, 1):
        assert page.startswith(f"Załącznik Nr {number} do Uchwały Nr XII/85/2024"), page
        assert page.endswith(" 1"), page  # every annex's first page is numbered 1
    assert "Remont" in pages[1]
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert [line.split()[0] for line in images.splitlines()[2:]] == ["4"]  # the picture, on the third annex's page


@pytest.mark.slow  # a large image in a PDF
def test_a_large_scanned_plan_prints_in_the_pdf(tmp_path: Path) -> None:
    """Larger than the limit for charts' PNGs (pdf.MAX_DATA_IMAGE): an annex's picture is bounded by the input
    limits instead."""
    from paldocs.writers.pdf import MAX_DATA_IMAGE

    import random

    scan = Image.frombytes("RGB", (700, 700), random.Random(14).randbytes(700 * 700 * 3))  # noise: no compression
    out = io.BytesIO()
    scan.save(out, format="PNG")
    path = write(tmp_path, [{"title": "Plan", "file": "skan.png"}], {"skan.png": out.getvalue()})
    [figure] = figures(path)
    assert figure.png is not None and len(figure.png) > MAX_DATA_IMAGE
    pdf = render(to_document(path)[0], "pdf")
    assert isinstance(pdf, bytes) and pdf.count(b"/Subtype /Image") >= 1
