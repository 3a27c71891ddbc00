"""PDF writer: the HTML writer's page + the print CSS, laid out by WeasyPrint.

Contract:
- ``to_pdf(document, variant=None)`` returns the PDF bytes. The same IR gives byte-identical bytes: the
  creation/modification dates come from ``meta.date`` or ``SOURCE_DATE_EPOCH`` (see
  :mod:`paldocs.writers.dates`), never from the clock. Metadata: title, subject,
  author, keywords, language (``meta.language``, e.g. pl-PL).
- Nothing reaches the network or the file system: WeasyPrint gets an :class:`AssetFetcher`, which serves
  only paldocs's own packaged assets (``paldocs-asset:fonts/x.ttf`` → ``paldocs_templates/fonts/x.ttf``)
  and small inline raster images, and refuses everything else; a refused reference stops the build with
  a :class:`~paldocs.errors.RenderError` (inside inline SVG WeasyPrint treats a refusal as a missing image:
  nothing is read either way).
- The text is set in the house style's PDF font (``font.pdf`` of :mod:`paldocs.style`; Liberation Serif by
  default, found through fontconfig) and only in it: if fontconfig lacks it, or some character is not in
  it, the build fails with a RenderError instead of embedding a fallback font (a chart whose SVG keeps its
  text as text in another font is named as the cause).
- Footnotes print at the foot of the page of their first call: the HTML writer's ``notes="page"`` layout and
  the print CSS's ``float: footnote`` (CSS GCPM, which WeasyPrint implements), numbered as the IR numbers them.
- Tables and figures need nothing of their own here: the HTML writer inlines a figure's SVG, which WeasyPrint
  draws as vector paths (no image, no fetch). A figure that has only a PNG goes through the fetcher as a
  data: image, so a PNG over ``MAX_DATA_IMAGE`` is refused before layout with a RenderError naming it (an
  annex's picture, read from a file within the input limits, may be larger).
- Every PDF is tagged by default: a structure tree (StructTreeRoot: H1…, P, L/LI/LBody, Table/TR/TH/TD,
  Figure whose /Alt is its alt text), /MarkInfo /Marked true, /Lang (``meta.language``, e.g. pl-PL) and
  /ViewerPreferences /DisplayDocTitle true. Why: the documents are published in BIP, and the ustawa z dnia
  4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych
  (Dz. U. z 2019 r. poz. 848) requires what a public body publishes there to be accessible.
- ``variant`` is WeasyPrint's ``pdf_variant`` ("pdf/a-3b", "pdf/ua-1" …); None gives the tagged PDF
  without a claim of conformance to any standard (paldocs cannot validate one: no veraPDF here).
  :data:`SUPPORTED_VARIANTS` are the ones paldocs offers and tests (CLI ``--pdf-variant``); every variant is
  tagged as well. ``tagged=False`` (no variant only) gives the untagged PDF: not offered to users (not in
  the API's or CLI's options), it exists to measure what tagging costs (benchmarks/tagging.py) and to test
  that tagging changes nothing on the page.
- ``attachments`` (:class:`~paldocs.writers.pdf_archive.SourceFile` s) are embedded, with the
  ``paldocs-source.json`` manifest, as associated files with AFRelationship /Source (in the catalog's /AF
  for PDF/A-3) and fixed dates (the document's date, see above), so the bytes stay reproducible.
- Importing this module makes pydyf remember ``PDF.page_references`` until a page is added (same values; see
  :func:`_remembered_page_references`): WeasyPrint's tagging would otherwise rebuild it per structure element.
- :func:`render` is ``to_pdf`` with a hook that sees WeasyPrint's laid-out document and its PDF objects before
  they are written, and the number of the document's first part (both used by
  :mod:`paldocs.writers.pdf_parallel`, which lays a long document out in several processes).
- The WeasyPrint ``FontConfiguration`` is built once per process and the parsed print CSS once per house
  style (the document's ``house_style``: the packaged one, and the 16 most recent with overrides), then
  reused (WeasyPrint is not thread-safe; neither is this cache).
"""

from __future__ import annotations

import base64
import binascii
import functools
import importlib.resources
import io
import re
from pathlib import Path
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pydyf
import weasyprint
from weasyprint.css import ColorProfile
from weasyprint.pdf import VARIANTS
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from paldocs import document as ir
from paldocs.errors import RenderError
from paldocs.style import HouseStyle, packaged_style
from paldocs.writers.dates import FALLBACK_DATE, document_datetime
from paldocs.writers.html import load_print_css, to_html

if TYPE_CHECKING:
    from paldocs.writers.pdf_archive import SourceFile


def _remembered_page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's ``PDF.page_references``, rebuilt only when a page was added since the last call.

    Why: WeasyPrint's tagging asks for the whole tuple once per structure element (``pdf.page_references[n]``),
    and pydyf builds it anew on every call, so a tagged PDF's cost grew with elements × pages — at 319 pages
    39,600 calls, 2.3 s of a 31.5 s render. Pages are only ever appended to /Kids, so
    its length and last entry tell whether the tuple is still right; the values are pydyf's own."""
    kids = pdf.pages["Kids"]
    key = (len(kids), kids[-3] if kids else None)
    remembered = pdf.__dict__.get("_paldocs_page_references")
    if remembered is None or remembered[0] != key:
        remembered = (key, tuple(b"%d 0 R" % number for number in kids[::3]))
        pdf.__dict__["_paldocs_page_references"] = remembered
    return remembered[1]


pydyf.PDF.page_references = property(_remembered_page_references)  # type: ignore[method-assign,assignment]

BASE_URL = "paldocs:/"  # fixed, not a file: URL — relative references resolve to nothing fetchable
ASSET_SCHEME = "paldocs-asset:"
SRGB_INTENT = "paldocs-srgb"
SUPPORTED_VARIANTS: tuple[str, ...] = ("pdf/a-3b", "pdf/ua-1")  # what paldocs offers and its tests check

_ASSET_TYPES = {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff",
                ".woff2": "font/woff2", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                ".svg": "image/svg+xml"}
_DATA_IMAGE = re.compile(r"data:(image/(?:png|jpeg|gif));base64,([A-Za-z0-9+/=\s]*)\Z")
MAX_DATA_IMAGE = 256 * 1024  # bytes, decoded


def pdf_font(document: ir.Document) -> tuple[str, str]:
    """The font family the PDF must embed and the system package that provides it (house style ``font``)."""
    font = (document.house_style or packaged_style()).font
    assert font is not None and font.pdf is not None and font.package is not None
    return font.pdf, font.package


class AssetRefused(Exception):
    """A reference that the locked-down fetcher does not serve."""


class AssetFetcher(URLFetcher):
    """Serves ``paldocs-asset:`` files from the packaged templates and small data: images, nothing else.

    ``refused`` lists every URL it turned down. ``fail_on_errors`` makes WeasyPrint stop at the first
    refusal (a missing image or font in an official document is an error, not a warning).
    """

    def __init__(self, max_data_image: int = MAX_DATA_IMAGE) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=True)
        self.refused: list[str] = []
        self.max_data_image = max_data_image

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith(ASSET_SCHEME):
            name = url.removeprefix(ASSET_SCHEME).lstrip("/")
            parts = name.split("/")
            suffix = "." + name.rpartition(".")[2].lower()
            if all(p and p not in {".", ".."} and "\\" not in p for p in parts) and suffix in _ASSET_TYPES:
                resource = importlib.resources.files("paldocs_templates").joinpath(*parts)
                if resource.is_file() and _inside_package(resource):
                    return URLFetcherResponse(url, resource.read_bytes(), {"Content-Type": _ASSET_TYPES[suffix]})
        elif match := _DATA_IMAGE.match(url):
            try:
                data = base64.b64decode(match[2], validate=False)
            except (binascii.Error, ValueError):
                data = b""
            if 0 < len(data) <= self.max_data_image:
                return URLFetcherResponse(url, data, {"Content-Type": match[1]})
        self.refused.append(url)
        raise AssetRefused(url)


def _inside_package(resource: Any) -> bool:
    """A packaged asset that is really inside the package: a symlink planted in the installed package must
    not serve a file of the machine. (A resource without a file-system path, e.g. in a zip, cannot link out.)"""
    try:
        root = Path(str(importlib.resources.files("paldocs_templates"))).resolve()
        return Path(str(resource)).resolve().is_relative_to(root)
    except (OSError, ValueError):
        return False


@functools.cache
def _srgb_icc() -> bytes:
    return (importlib.resources.files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()


def _srgb_profile() -> ColorProfile:
    """WeasyPrint's own sRGB output-intent profile (see :func:`to_pdf`). A fresh object per build: reading
    its name changes how littlecms serializes it, so a shared one would not give byte-identical PDFs."""
    return ColorProfile(io.BytesIO(_srgb_icc()), "sRGB2014.icc", "relative-colorimetric", (["r"], ["g"], ["b"]))


@functools.cache
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@functools.cache
def _resources() -> tuple[FontConfiguration, weasyprint.CSS]:
    """The process-wide font configuration and parsed print CSS of the packaged house style (built on first
    use)."""
    return _font_config(), _parsed_css(None)


@functools.lru_cache(maxsize=16)  # a service building for many municipalities keeps the recent ones
def _styled_resources(style: HouseStyle) -> tuple[FontConfiguration, weasyprint.CSS]:
    """The same for a house style with overrides (a profile's, a --templates folder's)."""
    return _font_config(), _parsed_css(style)


def _parsed_css(style: HouseStyle | None) -> weasyprint.CSS:
    return weasyprint.CSS(string=load_print_css(style), base_url=BASE_URL, url_fetcher=AssetFetcher(),
                          font_config=_font_config())


def _document_resources(document: ir.Document) -> tuple[FontConfiguration, weasyprint.CSS]:
    style = document.house_style
    return _resources() if style is None or style == packaged_style() else _styled_resources(style)


def load_resources(document: ir.Document | None = None) -> None:
    """Build the font configuration and parse the print CSS (of ``document``'s house style, else the packaged
    one) now: a batch worker does it before its first PDF, the parallel writer before it forks its workers."""
    _resources() if document is None else _document_resources(document)


def to_pdf(document: ir.Document, *, variant: str | None = None,
           attachments: Sequence[SourceFile] = (), tagged: bool = True) -> bytes:
    """Render ``document`` as PDF bytes (``variant``: WeasyPrint's ``pdf_variant``, e.g. "pdf/a-3b";
    ``attachments``: source files to embed, with a manifest; ``tagged``: see the module docstring)."""
    return render(document, variant=variant, attachments=attachments, tagged=tagged)


def render(document: ir.Document, *, variant: str | None = None, attachments: Sequence[SourceFile] = (),
           tagged: bool = True, observe: Callable[[weasyprint.Document, pydyf.PDF], None] | None = None,
           first_part_number: int = 1) -> bytes:
    """:func:`to_pdf`, calling ``observe`` with WeasyPrint's laid-out document and its finished PDF objects just
    before they are written (the parallel writer takes a piece's objects there); ``first_part_number`` — see
    :func:`paldocs.writers.html.to_html`."""
    if variant is not None and variant not in VARIANTS:
        raise RenderError(f"Nieznany wariant PDF „{variant}”.", hint="Dostępne: " + ", ".join(sorted(VARIANTS)))
    if variant is not None and not tagged:
        raise RenderError(f"Wariant PDF „{variant}” jest zawsze otagowany.",
                          hint="PDF bez znaczników (tagged=False) jest tylko bez wariantu.")
    _check_figures(document)
    font_config, css = _document_resources(document)
    fetcher = AssetFetcher(_data_image_limit(document))
    # Footnotes at the foot of the page: the HTML puts each note at its call, the print CSS floats it there.
    page = weasyprint.HTML(string=to_html(document, css="", notes="page", first_part_number=first_part_number),
                           base_url=BASE_URL, url_fetcher=fetcher)
    options: dict = {}
    if variant and VARIANTS[variant][1].get("output_intent") == "srgb":
        # WeasyPrint opens its own sRGB profile for these variants and never closes the file (a
        # ResourceWarning); hand it the same profile, under a name of ours, from bytes read once.
        options = {"output_intent": SRGB_INTENT, "color_profiles": {SRGB_INTENT: _srgb_profile()}}
    # Tagged by default (see the module docstring); a variant's own setting (PDF/UA, PDF/A-xa) wins in
    # WeasyPrint anyway, and the b-level PDF/A variants are tagged here too.
    options["pdf_tags"] = tagged
    if attachments:
        options["attachments"] = _attachments(document, attachments)
    try:
        return page.write_pdf(stylesheets=[css], font_config=font_config, pdf_variant=variant,
                              finisher=functools.partial(_finish, document, observe), **options)
    except FatalURLFetchingError as error:
        refused = ", ".join(fetcher.refused) or str(error)
        raise RenderError(f"Dokument odwołuje się do zasobu spoza paldocs ({refused}); nie został pobrany.",
                          hint="paldocs osadza tylko własne zasoby (paldocs-asset:) i małe obrazy data:.") from None


def _attachments(document: ir.Document, files: Sequence[SourceFile]) -> list[weasyprint.Attachment]:
    """The files plus their manifest as WeasyPrint attachments: relationship Source, the document's date."""
    from paldocs.writers.pdf_archive import MANIFEST, with_manifest

    date = (document_datetime(document.meta) or FALLBACK_DATE).replace(tzinfo=None)
    return [weasyprint.Attachment(file_obj=io.BytesIO(file.data), name=file.name, created=date, modified=date,
                                  relationship="Source",
                                  description="Opis techniczny plików źródłowych (paldocs)"
                                  if file.name == MANIFEST else "Plik źródłowy dokumentu (paldocs)")
            for file in with_manifest(files, document.meta.catalog_version)]


def _data_image_limit(document: ir.Document) -> int:
    """The fetcher's limit for data: images: MAX_DATA_IMAGE, or the largest annex picture (a scanned plan is a
    few MiB; its file was bounded by max_file_bytes and its pixels by paldocs.annex_files.MAX_PIXELS)."""
    pictures = [len(node.png) for node in ir.walk(document)
                if isinstance(node, ir.Figure) and node.file_name and node.png is not None]
    return max([MAX_DATA_IMAGE, *pictures])


def _check_figures(document: ir.Document) -> None:
    """A PNG-only chart must fit the fetcher's limit for data: images (say so before WeasyPrint refuses it)."""
    for node in ir.walk(document):
        if isinstance(node, ir.Figure) and node.svg is None and node.png is not None and not node.file_name \
                and len(node.png) > MAX_DATA_IMAGE:
            raise RenderError(f"Rysunek „{node.asset}” ma tylko wersję PNG ({len(node.png) // 1024} KiB), a PDF "
                              f"przyjmuje obrazy do {MAX_DATA_IMAGE // 1024} KiB.",
                              hint="Dołącz wersję SVG wykresu (w PDF-ie zostaje wektorowa) albo zmniejsz obraz PNG.")


def _finish(document: ir.Document, observe: Callable[[weasyprint.Document, pydyf.PDF], None] | None,
            rendered: weasyprint.Document, pdf: pydyf.PDF) -> None:
    """Check the fonts actually used, and set the full language tag (the HTML carries only "pl")."""
    family, package = pdf_font(document)
    families = {font.family for font in rendered.fonts.values()}
    if families and family not in families:
        raise RenderError(f"Nie znaleziono czcionki {family}, którą PDF musi osadzić (system podsunął "
                          f"zamiast niej: {', '.join(sorted(families))}).",
                          hint=f"Zainstaluj pakiet {package} (np. apt install {package}).")
    if others := families - {family}:
        missing = _chars_missing_from(rendered, document)
        if not missing and any(isinstance(node, ir.Figure) and node.svg for node in ir.walk(document)):
            raise RenderError(f"Rysunek SVG zawiera tekst w czcionce {', '.join(sorted(others))}, a PDF osadza "
                              f"tylko {family}.",
                              hint="Zapisz wykres z tekstem zamienionym na krzywe (matplotlib: svg.fonttype "
                                   f"= \"path\", ustawienie domyślne) albo z czcionką {family}.")
        raise RenderError(f"Tekst zawiera znaki, których nie ma w czcionce {family}: {missing or '?'} "
                          f"(zastąpiłaby je czcionka {', '.join(sorted(others))}).",
                          hint="Usuń te znaki lub zastąp je zwykłym tekstem.")
    if document.meta.language:
        pdf.catalog["Lang"] = pydyf.String(document.meta.language)
    if "AF" in pdf.catalog:  # WeasyPrint 70's PDF/A-3 step lists each embedded file twice; keep each once
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(pdf.catalog["AF"]))
    if observe is not None:
        observe(rendered, pdf)


def _chars_missing_from(rendered: weasyprint.Document, document: ir.Document) -> str:
    """The document's characters that the PDF font lacks, quoted for the error message ("" if none).

    Only the IR's own text and labels count: the text writer's decorations (table rules, "[Rysunek: …]")
    and a figure's alt text are never set in the PDF."""
    from fontTools.ttLib import (
        TTFont,  # a WeasyPrint dependency; only needed on this error path
    )

    # By now the embedded fonts are subsets: together they cover exactly the characters set in them.
    covered: set[int] = set()
    family, _ = pdf_font(document)
    for font in rendered.fonts.values():
        if font.family == family:
            covered.update(TTFont(io.BytesIO(font.file_content), fontNumber=font.index).getBestCmap())
    missing = sorted({c for text in _iter_printed_texts(document) for c in text
                      if ord(c) not in covered and not c.isspace()})
    return " ".join(f"„{c}” (U+{ord(c):04X})" for c in missing)


def _iter_printed_texts(document: ir.Document) -> Iterator[str]:
    for node in ir.walk(document):
        if isinstance(node, (ir.Text, ir.Citation)):
            yield node.text
        elif isinstance(node, (ir.ListItem, ir.Unit, ir.Heading)):
            yield node.label
