"""Turning the bytes of a text file (.txt, .md, and the raw bytes of an HTML page) into text, or refusing them.

Contract: :func:`check_size` refuses a file over its format's size limit from the file system's size alone,
before anything is read. :func:`refuse_binary` raises when the bytes are not text at all (NUL bytes, the
signature of a PDF, image or ZIP archive, or mostly control characters). :func:`decode_text` decodes: a BOM
(UTF-8, UTF-16) decides; else UTF-8; else the bytes are tried as Windows-1250 and ISO-8859-2 — the two
encodings Polish pages were saved in before UTF-8 — and the one that gives Polish letters (ąćęłńóśźż) and no
control characters wins; the choice is logged as recognised ("kodowanie Windows-1250"). Bytes that are none
of these raise :class:`paldocs.errors.DataError`. Every error message is Polish and names the problem.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from paldocs.errors import DataError, Location
from paldocs.importer.log import ImportLog

MB = 1024 * 1024
# A text source over 20 MB is not one municipal act: the longest real ones (a land-use study, a Dziennik
# Urzędowy volume saved as text) are a few MB, 20 MB of text is about three million words, and the importer
# holds several copies of the lines in memory while it reads them. Refusing at once from the file's size
# keeps a mistaken 50 MB log file or database dump from hanging the command.
TEXT_LIMIT = 20 * MB
# PDF and DOCX files also carry pictures (signatures, scanned stamps, maps): their own limit is larger; the
# text they yield is held to TEXT_LIMIT after extraction.
PACKAGE_LIMIT = 100 * MB

POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Non-ASCII characters normal in Polish official texts besides the letters: quotes, dashes, §, degree, NBSP.
_USUAL_NON_ASCII = frozenset("„”“‘’‚«»–—…§°±×·•€\u00a0²³¹µ½¼¾©®™")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # \t \n \v \f \r are text (Word writes \v for a break)
# C0 controls only: C1 controls (U+0080–U+009F) in UTF-8 text are mojibake of ISO-8859-2 ("Ĺ\x82" for "ł"),
# repaired later, not a sign of a binary file.
_C0_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_SIGNATURES = (  # file signatures ("magic numbers") of what is most often renamed or mistaken for text
    (b"%PDF-", "dokument PDF", "nadaj plikowi rozszerzenie .pdf"),
    (b"PK\x03\x04", "archiwum ZIP (np. dokument Word .docx)", "jeśli to dokument Word, nadaj mu rozszerzenie .docx"),
    (b"\x89PNG", "obraz PNG", "najpierw rozpoznaj tekst obrazu programem OCR"),
    (b"\xff\xd8\xff", "obraz JPEG", "najpierw rozpoznaj tekst obrazu programem OCR"),
    (b"GIF8", "obraz GIF", "najpierw rozpoznaj tekst obrazu programem OCR"),
    (b"II*\x00", "obraz TIFF", "najpierw rozpoznaj tekst obrazu programem OCR"),
    (b"MM\x00*", "obraz TIFF", "najpierw rozpoznaj tekst obrazu programem OCR"),
    (b"\xd0\xcf\x11\xe0", "dokument starego formatu Word (.doc)", "zapisz go w programie Word jako .docx"),
    (b"{\\rtf", "dokument RTF", "zapisz go w edytorze jako .docx"),
)


def check_size(path: Path, limit: int) -> None:
    """Refuse a file over ``limit`` bytes before reading it (see TEXT_LIMIT for why)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DataError(f"nie można odczytać pliku: {error.strerror or error}", Location(str(path))) from error
    if size > limit:
        raise DataError(f"plik jest za duży do importu ({size / MB:.0f} MB, najwięcej {limit // MB} MB) — "
                        "importuj plik z jednym dokumentem (uchwałą, załącznikiem, sprawozdaniem)",
                        Location(str(path)))


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(f"nie można odczytać pliku: {error.strerror or error}", Location(str(path))) from error


def refuse_binary(raw: bytes, path: Path) -> None:
    """Raise when ``raw`` is a known binary format or holds NUL bytes (text files never do)."""
    for signature, kind, hint in _SIGNATURES:
        if raw.startswith(signature):
            raise DataError(f"plik nie jest tekstem, tylko wygląda na {kind} — {hint}", Location(str(path)))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM: text, NULs belong to it
        return
    if b"\x00" in raw[: 64 * 1024]:
        raise DataError("plik nie jest tekstem (zawiera bajty zerowe — to plik binarny, np. obraz lub archiwum)",
                        Location(str(path)))


def refuse_control_characters(text: str, path: Path) -> None:
    """Raise when more than 1 % of the characters are control characters: bytes of a binary file, not text."""
    sample = text[: 256 * 1024]
    controls = len(_C0_CONTROL.findall(sample))
    if sample and controls > max(2, len(sample) // 100):
        raise DataError(f"plik nie jest tekstem (zawiera {controls} znaków sterujących — to plik binarny)",
                        Location(str(path)))


def decode_text(raw: bytes, path: Path, log: ImportLog) -> str:
    """The text of ``raw`` (see the module contract); the encoding chosen for non-UTF-8 bytes is logged."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as error:
                raise DataError(f"plik ma znacznik kodowania {codec.upper().removesuffix('-SIG')}, ale jego "
                                f"bajty nie są w tym kodowaniu (bajt {error.start + 1})",
                                Location(str(path))) from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    legacy = legacy_polish_encoding(raw)
    if legacy is None:
        raise DataError(f"nie rozpoznano kodowania znaków pliku: to nie jest UTF-8 (błędny bajt {first_bad + 1}) "
                        "ani polski tekst w Windows-1250 czy ISO-8859-2 — zapisz plik w UTF-8",
                        Location(str(path)))
    codec, name = legacy
    log.recognised(1, f"kodowanie {name} (plik nie jest w UTF-8)")
    return raw.decode(codec)


_LEGACY = (("cp1250", "Windows-1250"), ("iso-8859-2", "ISO-8859-2"))


def legacy_polish_encoding(raw: bytes) -> tuple[str, str] | None:
    """(codec, display name) of the legacy encoding in which ``raw`` reads as Polish text, or None.

    Windows-1250 and ISO-8859-2 share most Polish letters but differ on ą, ś, ź (and capitals): in the wrong one
    those bytes become "±¶Ľ" or C1 control characters. The candidate with no control characters and the most
    Polish letters wins (Windows-1250 on a tie: the encoding Windows Notepad saved); a candidate whose non-ASCII
    characters are mostly neither Polish letters nor usual punctuation is not Polish text at all.
    """
    best: tuple[int, str, str] | None = None
    for codec, name in _LEGACY:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):
            continue
        non_ascii = [char for char in text if ord(char) > 127]
        polish = sum(char in POLISH_LETTERS for char in non_ascii)
        usual = sum(char in _USUAL_NON_ASCII for char in non_ascii)
        if polish == 0 or polish + usual < 0.9 * len(non_ascii):
            continue
        if best is None or polish > best[0]:
            best = (polish, codec, name)
    return (best[1], best[2]) if best else None


def is_printable_text(text: str) -> bool:
    """True when ``text`` has visible characters (not only spaces, NBSP, zero-width or control characters)."""
    return any(not char.isspace() and unicodedata.category(char)[0] not in "CZ" for char in text)
