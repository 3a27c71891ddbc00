"""Pictures and plans of annexes: a file next to the data file → the drawings every writer prints.

Contract of :func:`read_annex_picture` (the only place paldocs reads an annex's file):

- The name is a relative path inside the data file's folder: an absolute path, a URL (``https:``, ``file:``,
  ``//host``), a path leaving the folder (``../``) or a symbolic link whose target lies outside the folder is
  refused with a :class:`~paldocs.errors.DataError` located at the ``file`` field — a web tool's user must not
  make paldocs read (and print) any other file of the machine. Only PNG, JPEG, SVG and PDF files, recognised by
  their suffix *and* their content, no larger than ``max_file_bytes`` (:mod:`paldocs.limits`) and at most
  :data:`MAX_PIXELS` pixels. The file is read through :mod:`paldocs.inputs`, so in-memory builds see only the
  files they were handed.
- PNG and JPEG are decoded and written again as PNG (Pillow): metadata (EXIF, text chunks) is dropped, the
  EXIF orientation applied. SVG is parsed without DTD, network or entities — a file declaring entities
  (``<!ENTITY``: XXE, "billion laughs") is refused — and reduced to the drawing whitelist of
  :func:`paldocs.writers.svg.sanitized_svg` (no scripts, event handlers, ``foreignObject``, external
  references): HTML and PDF print the vector drawing — or, when it holds text (whose font a PDF/A could not
  embed), the PNG — and DOCX a PNG rendered from it. One page of a PDF
  (``page``, from 1) is rendered to PNG with pypdfium2.
- The result's ``width_cm`` fits the picture into a box of :data:`BOX_CM` (width, height) keeping its aspect
  ratio, so that a tall plan stays on one page; the same bytes give the same result.
"""

from __future__ import annotations

import io
import posixpath
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from paldocs import inputs
from paldocs.errors import DataError, Location, RenderError
from paldocs.limits import current_limits
from paldocs.model.annex import ANNEX_FILE_SUFFIXES, Annex, AnnexFileType

__all__ = ["AnnexPicture", "BOX_CM", "MAX_PIXELS", "annex_file_path", "read_annex_picture"]

BOX_CM = (16.0, 22.0)  # the text area of an A4 page with the annex header above the picture
MAX_PIXELS = 40_000_000  # a 40-megapixel picture is a poster; larger ones are decompression bombs
RENDER_DPI = 150  # PDF pages and SVG drawings rendered for DOCX: sharp in print, small in the file
MAX_RENDER_SIDE = 3000  # pixels of the longer side of a rendered page

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SIGNATURES: dict[AnnexFileType, tuple[bytes, ...]] = {
    "png": (b"\x89PNG\r\n\x1a\n",), "jpeg": (b"\xff\xd8\xff",), "pdf": (b"%PDF-",), "svg": (),
}
_TYPE_NAMES = {"png": "PNG", "jpeg": "JPEG", "svg": "SVG", "pdf": "PDF"}


@dataclass(frozen=True, slots=True)
class AnnexPicture:
    """The drawings of one annex's picture, as :func:`paldocs.api.attach_assets` gives them to a Figure."""

    png: bytes  # DOCX (and HTML when there is no SVG)
    svg: bytes | None  # sanitised vector drawing for HTML and PDF (SVG files only)
    alt: str
    name: str  # the file name as the data give it (the text version prints it)
    width_cm: float
    path: Path  # the input file read (never overwritten by a build)


REPORT_FILE_SUFFIXES = (".yaml", ".yml")  # an annex that is a report: its data file (paldocs.annexes)


def annex_file_path(folder: Path, name: str, where: Location, *, report: bool = False) -> Path:
    """The file ``name`` inside ``folder``, or a DataError saying why it may not be read (see the module doc);
    ``report``: a report's data file (YAML) instead of a picture."""
    if _SCHEME.match(name) or name.startswith(("//", "\\\\")):
        raise DataError(f"„{name}” to adres, nie plik — załącznik może pokazywać tylko plik z folderu pliku danych",
                        where, "Zapisz rysunek obok pliku danych i podaj jego nazwę, np. „file: mapa.png”.")
    if name.startswith(("/", "\\")) or Path(name).is_absolute():
        raise DataError(f"„{name}” to ścieżka bezwzględna — podaj plik względem folderu pliku danych", where,
                        "Np. „file: mapa.png” albo „file: plany/mapa.pdf”.")
    normal = posixpath.normpath(name.replace("\\", "/"))
    if normal == ".." or normal.startswith("../"):
        raise DataError(f"„{name}” wychodzi poza folder pliku danych — załącznik może pokazywać tylko pliki z tego "
                        "folderu (i jego podfolderów)", where)
    if report and Path(normal).suffix.lower() not in REPORT_FILE_SUFFIXES:
        raise DataError(f"„{name}” nie jest plikiem danych sprawozdania (YAML, rozszerzenie .yaml albo .yml)", where)
    if not report and Path(normal).suffix.lower() not in ANNEX_FILE_SUFFIXES:
        raise DataError(f"„{name}” nie jest rysunkiem PNG, JPEG, SVG ani plikiem PDF (rozszerzenia: "
                        f"{', '.join(sorted(ANNEX_FILE_SUFFIXES))})", where)
    path = folder / normal
    if inputs.in_memory():
        return inputs.absolute(path)
    resolved, base = path.resolve(), folder.resolve()
    if not resolved.is_relative_to(base):  # a symbolic link (of the file or a folder) pointing elsewhere
        raise DataError(f"„{name}” jest dowiązaniem do pliku spoza folderu pliku danych — załącznik może pokazywać "
                        "tylko pliki z tego folderu", where)
    return resolved


def read_annex_picture(folder: Path, annex: Annex, where: Location) -> AnnexPicture:
    """Read, check and convert the file of ``annex`` (its ``file`` field, located at ``where``)."""
    assert annex.file is not None
    path = annex_file_path(folder, annex.file, where)
    kind = ANNEX_FILE_SUFFIXES[path.suffix.lower()]
    try:
        size = inputs.size(path)
        if size > current_limits().max_file_bytes:
            raise DataError(f"plik „{annex.file}” ma {size} bajtów, więcej niż pozwala limit max_file_bytes "
                            f"({current_limits().max_file_bytes})", where)
        data = inputs.read_bytes(path)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise DataError(f"nie ma pliku „{annex.file}” w folderze pliku danych", where) from None
    except OSError as error:
        raise DataError(f"nie można odczytać pliku „{annex.file}”: {error.strerror or error}", where) from None
    if _SIGNATURES[kind] and not data.startswith(_SIGNATURES[kind]):
        raise DataError(f"plik „{annex.file}” nie jest plikiem {_TYPE_NAMES[kind]} (jego treść nie zgadza się z "
                        "rozszerzeniem)", where)
    alt = annex.alt or annex.title
    svg: bytes | None = None
    if kind == "svg":
        from paldocs.writers.svg import sanitized_svg

        try:
            drawing, (width, height) = sanitized_svg(data, name=annex.file)
        except RenderError as error:
            raise DataError(error.message, where, error.hint) from None
        png = _svg_to_png(drawing, width, height, annex.file, where)
        svg = drawing
        if b"<text" in svg or b":text" in svg:
            svg = None  # its text would need a font the PDF does not embed (PDF/A): print the rendered picture
    elif kind == "pdf":
        png, (width, height) = _pdf_page_png(data, annex.page, annex.file, where)
    else:
        png, (width, height) = _bitmap_png(data, annex.file, where)
    return AnnexPicture(png, svg, alt, annex.file, _fit_width(width, height), path)


def _fit_width(width: float, height: float) -> float:
    """The printed width (cm) that fits a ``width`` × ``height`` picture into :data:`BOX_CM`."""
    box_width, box_height = BOX_CM
    if width <= 0 or height <= 0:
        return box_width
    return round(min(box_width, box_height * width / height), 2)


def _bitmap_png(data: bytes, name: str, where: Location) -> tuple[bytes, tuple[float, float]]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise DataError(f"rysunek „{name}” ma {image.width}×{image.height} pikseli — więcej niż "
                                    f"{MAX_PIXELS // 1_000_000} mln; zmniejsz go", where)
                image.load()
                picture = ImageOps.exif_transpose(image)
                if picture.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
                    picture = picture.convert("RGB")  # CMYK and other modes PNG cannot hold
                out = io.BytesIO()
                picture.save(out, format="PNG", optimize=False)
                return out.getvalue(), (float(picture.width), float(picture.height))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as error:
        raise DataError(f"rysunek „{name}” jest uszkodzony albo nieprawidłowy ({error})", where) from None


def _pdf_page_png(data: bytes, page: int, name: str, where: Location) -> tuple[bytes, tuple[float, float]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise DataError(f"plik PDF „{name}” jest uszkodzony albo zaszyfrowany ({error})", where) from None
    try:
        if page > len(document):
            raise DataError(f"plik PDF „{name}” ma {len(document)} str., a załącznik wskazuje stronę {page}", where)
        sheet = document[page - 1]
        try:
            width, height = sheet.get_size()  # points
            scale = min(RENDER_DPI / 72, MAX_RENDER_SIDE / max(width, height, 1.0))
            bitmap = sheet.render(scale=scale, draw_annots=True)
            try:
                out = io.BytesIO()
                bitmap.to_pil().save(out, format="PNG")
            finally:
                bitmap.close()
        finally:
            sheet.close()
    finally:
        document.close()
    return out.getvalue(), (width, height)


def _svg_to_png(svg: bytes, width: float, height: float, name: str, where: Location) -> bytes:
    """The sanitised drawing rendered for DOCX: WeasyPrint lays it out inline on a page of its size (fetching
    nothing: paldocs's asset fetcher refuses every URL), pypdfium2 renders that page — both already
    dependencies, no system library beyond WeasyPrint's own."""
    from weasyprint import HTML

    from paldocs.writers.pdf import AssetFetcher
    from paldocs.writers.svg import to_inline_svg

    width_cm = _fit_width(width, height)
    height_cm = width_cm * height / width
    drawing = to_inline_svg(svg, alt="", id_prefix="annex-", width_cm=width_cm, name=name)
    page = (f"<html><head><style>@page {{ size: {width_cm:.3f}cm {height_cm:.3f}cm; margin: 0 }} "
            f"body {{ margin: 0 }} svg {{ display: block }}</style></head><body>{drawing}</body></html>")
    pdf = HTML(string=page, url_fetcher=AssetFetcher()).write_pdf()
    return _pdf_page_png(pdf, 1, name, where)[0]
