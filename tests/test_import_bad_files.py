"""Files ``paldocs import`` cannot read: one clear Polish ``błąd:`` line naming the problem, exit code 2, no
traceback, no output file. Each bad file is made here, the way such files reach a clerk: an empty or blank
copy, a picture or an archive renamed .txt, a 50 MB text, bytes in no Polish encoding, a password-protected
PDF, a scanned PDF without a text layer, a damaged PDF or DOCX, an unsupported format.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from PIL import Image

from paldocs.cli import main

SENTENCE = "Wykonanie uchwały powierza się Wójtowi Gminy Wijewo.\n"  # http://bip2-wijewo.065.pl/dokument/3753


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("uchwala.txt", SENTENCE)
    return buffer.getvalue()


def _broken_docx() -> bytes:
    """A DOCX whose document.xml was cut short (an interrupted download)."""
    import docx

    document = docx.Document()
    document.add_paragraph(SENTENCE)
    whole = io.BytesIO()
    document.save(whole)
    broken = io.BytesIO()
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    return broken.getvalue()


def _text_pdf() -> bytes:
    import weasyprint

    return weasyprint.HTML(string=f"<p>{SENTENCE}</p>").write_pdf()


def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_text_pdf()))
    writer.encrypt("tajne-haslo", algorithm="RC4-128")  # RC4 needs no cryptography package
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """A page that is only a picture of text, as a scanner saves it (Pillow writes the image as a PDF page)."""
    buffer = io.BytesIO()
    Image.new("L", (600, 800), 255).save(buffer, format="PDF", resolution=72)
    return buffer.getvalue()


def _blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _big_text(path: Path) -> None:
    with path.open("wb") as out:  # 50 MB of a real sentence
        line = SENTENCE.encode()
        out.write(line * (50 * 1024 * 1024 // len(line) + 1))


def _cyrillic_cp1251() -> bytes:
    # KOI8/Windows-1251 bytes are neither UTF-8 nor Polish text in Windows-1250 or ISO-8859-2
    return ("Решение городского совета о бюджете. " * 20).encode("cp1251")


BAD: list[tuple[str, str, Callable[[Path], None], str]] = [  # (id, file name, how to make it, the message's words)
    ("empty", "pusta.txt", lambda p: p.write_bytes(b""), "plik jest pusty"),
    ("whitespace only", "spacje.txt", lambda p: p.write_text(" \n\t\n\u00a0 \r\n", encoding="utf-8"), "plik jest pusty"),
    ("empty markdown", "pusta.md", lambda p: p.write_text("\n\n", encoding="utf-8"), "plik jest pusty"),
    ("png renamed txt", "skan.txt", lambda p: p.write_bytes(_png()), "obraz PNG"),
    ("zip renamed txt", "archiwum.txt", lambda p: p.write_bytes(_zip()), "archiwum ZIP"),
    ("pdf renamed txt", "uchwala.txt", lambda p: p.write_bytes(_text_pdf()), "rozszerzenie .pdf"),
    ("nul bytes", "dziwny.txt", lambda p: p.write_bytes(SENTENCE.encode() + b"\x00\x01\x02" * 50), "bajty zerowe"),
    ("control characters", "sterujace.md",
     lambda p: p.write_bytes(bytes(range(1, 9)) * 40 + SENTENCE.encode()), "znaków sterujących"),
    ("50 MB text", "ogromny.txt", _big_text, "za duży"),
    ("not a polish encoding", "cyrylica.txt", lambda p: p.write_bytes(_cyrillic_cp1251()),
     "nie rozpoznano kodowania znaków"),
    ("encrypted pdf", "haslo.pdf", lambda p: p.write_bytes(_encrypted_pdf()),
     "plik PDF jest zaszyfrowany — zdejmij hasło i spróbuj ponownie"),
    ("image-only pdf", "skan.pdf", lambda p: p.write_bytes(_scanned_pdf()),
     "PDF nie ma warstwy tekstowej (skan) — najpierw rozpoznaj tekst programem OCR, np. ocrmypdf"),
    ("corrupt pdf", "zepsuty.pdf", lambda p: p.write_bytes(_text_pdf()[:300]), "plik PDF jest uszkodzony"),
    ("blank pdf", "pusty.pdf", lambda p: p.write_bytes(_blank_pdf()), "plik jest pusty"),
    ("not a pdf", "udawany.pdf", lambda p: p.write_text(SENTENCE, encoding="utf-8"), "plik PDF jest uszkodzony"),
    ("corrupt docx", "zepsuty.docx", lambda p: p.write_bytes(_zip()[:40]), "DOCX"),
    ("docx with broken xml", "zepsuty-xml.docx", lambda p: p.write_bytes(_broken_docx()), "DOCX"),
    ("doc renamed docx", "stary.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100), "(.doc)"),
    ("html saved as pdf", "pobrany.pdf", lambda p: p.write_text(f"<!DOCTYPE html><html><body>{SENTENCE}</body></html>",
                                                               encoding="utf-8"), "to strona HTML"),
    ("empty html", "pusta.html", lambda p: p.write_text("<html><body><script>x=1</script></body></html>",
                                                         encoding="utf-8"), "plik jest pusty"),
    ("unsupported suffix", "uchwala.odt", lambda p: p.write_text(SENTENCE, encoding="utf-8"),
     "importować można .txt, .md, .markdown, .docx, .pdf, .html, .htm"),
    ("old word", "uchwala.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100), "zapisz go w programie Word"),
    ("no suffix", "uchwala", lambda p: p.write_text(SENTENCE, encoding="utf-8"), "bez rozszerzenia"),
]


@pytest.mark.parametrize(("name", "make", "message"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_file_is_refused_with_one_clear_message(tmp_path: Path, name: str, make: Callable[[Path], None],
                                                     message: str) -> None:
    source = tmp_path / name
    make(source)
    output = tmp_path / "wynik.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(output)])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("błąd:")]
    assert len(errors) == 1, result.output
    assert message in errors[0] and name in errors[0]
    assert "Traceback" not in result.output
    assert not output.exists()


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 50 MB file is refused from its size: its bytes are never read."""
    source = tmp_path / "ogromny.txt"
    _big_text(source)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "wynik.yaml")])
    assert result.exit_code == 2 and "za duży" in result.output
