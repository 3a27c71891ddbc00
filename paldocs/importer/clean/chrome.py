"""Page chrome around the document: the website's text before the act starts and after it ends.

Contract: :func:`drop_chrome` finds where the document starts — a resolution header ("UCHWAŁA NR …", "Uchwała nr
…", "UCHWAŁA"), a draft mark ("Projekt", "DRUK NR …"), an annex header ("Załącznik …"), a report's or
programme's title ("SPRAWOZDANIE …", "PROGRAM …"), a justification's own header, a mayor's order — and drops every
line before it as "tekst strony BIP przed dokumentem". On a docplayer/doczz page everything up to the
"Transkrypt" line (9lib: "Pełen tekst") is the website's (its title line repeats the document's title; doczz
repeats it once more under "Transkrypt"); a docplayer page that holds only its title and "Podobne dokumenty" holds
no document at all. A header line that says more than the number ("Uchwała nr 228/2005 Rady Gminy Rypin w sprawie
…", the page's title, or a teaser of the title block cut short) is chrome when the same number's header follows
it before the act's §§ begin. Without a recognisable start only the known chrome lines at the top are dropped.
After the last signature / justification the first BIP footer line that opens a paragraph ("Metryczka", "Liczba
odwiedzin: 123", "Udostępnił: …", an attachment's link "… (408kB) pdf", docplayer's "Podobne dokumenty") and
everything after it is dropped as "tekst strony BIP po dokumencie"; infor.pl's "Tekst pierwotny" inside the act
as "tekst strony BIP w dokumencie". Each dropped line is logged with its line number and text.
"""

from __future__ import annotations

import re

from paldocs.importer.clean.patterns import (AFTER, BEFORE, ENACTING, INSIDE, JUSTIFICATION, LEGAL_BASIS,
                                             PARAGRAPH_SIGN, RESOLUTION, SIGNATURE, document_start, loose_header,
                                             plain)
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

_TRANSCRIPT = re.compile(r"^(?:Transkrypt|Pełen\s+tekst|Full\s+text)$", re.IGNORECASE)  # docplayer/doczz; 9lib
_PAGE_PREFIX = re.compile(r"^\d{1,3}\s+(?=\S)")
_FOOTER = re.compile(
    r"^(?:(?:metryczka|metryka\s+strony|rejestr\s+zmian|historia\s+zmian|drukuj|wersja\s+do\s+druku|powrót|"
    r"do\s+góry|podobne\s+dokumenty|pliki\s+do\s+pobrania|załączniki(?:\s+do\s+pobrania)?)\s*:?\s*$|"
    r"(?:liczba\s+(?:odwiedzin|wyświetleń)|licznik\s+odwiedzin|przeglądów|udostępni(?:ł|ający)|"
    r"wytworzy(?:ł|ł\(a\))|opublikował|wprowadził|zatwierdził|data\s+(?:publikacji|wytworzenia|udostępnienia|"
    r"wprowadzenia|modyfikacji)|osoba\s+(?:odpowiedzialna|wprowadzająca|udostępniająca)|"
    r"ostatnia\s+(?:modyfikacja|zmiana)|liczba\s+odsłon)\s*:|"
    r".*\(\d+(?:[.,]\d+)?\s*[kKM]B\)\s*(?:pdf|docx?|odt|rtf|zip)?$)", re.IGNORECASE)  # an attachment's link
_ALWAYS_FOOTER = re.compile(r"^podobne\s+dokumenty\s*$", re.IGNORECASE)
_CHROME = re.compile(
    r"^(?:przejście\s+do\s+sekcji\b.*|przejdź\s+do\s+\w+.*|baner|menu:?|strona\s+główna|drukuj|wersja\s+do\s+druku|"
    r"wielkość:\s*px|rozpocząć\s+pokaz\s+od\s+strony:?|download\s+\".*\"|save\s+this\s+pdf\s+as:?|"
    r"word\s+png\s+txt\s+jpg|transkrypt|komentarze|•\s*nie\s+znaleziono\s+wyników|n/a|protected|"
    r"academic\s+year:.*|share\s+\".*\"|copied!|pełen\s+tekst|\(\d+\)|\d{1,3}|metryka\s+strony|metryczka|"
    r"kategorie|.*\s[»>]\s.*|NULL\s+string\(0\).*|\d+\s+download\s+\(\d+\)|jesteś\s+tutaj:.*|"
    r"(?:kontrast|rozmiar\s+czcionki|odstępy|reset|lektor):)$",
    re.IGNORECASE)
_INSIDE = re.compile(r"^Tekst\s+pierwotny$")  # infor.pl's label between the title and the legal basis


def drop_chrome(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    texts = [plain(line.text, markdown) for line in lines]
    first = next((i + 1 for i, text in enumerate(texts[:200]) if _TRANSCRIPT.match(text)), 0)
    start = len(texts) if _only_title_and_similar(texts, first) else _start(texts, first)
    if start is None:
        start = first
        while start < len(texts) and (not texts[start] or _CHROME.match(texts[start])):
            start += 1
    start = _keep_unrepeated_text(texts, first, start)
    for line in lines[:start]:
        if line.text:
            log.dropped(line.line, BEFORE, line.text)
    end = _footer(texts, start)
    for line in lines[end:]:
        if line.text:
            log.dropped(line.line, AFTER, line.text)
    out = []
    for line, text in zip(lines[start:end], texts[start:end]):
        if _INSIDE.match(text):
            log.dropped(line.line, INSIDE, line.text)
        else:
            out.append(line)
    return out


# A line of this many words before the start is a document's text, not a menu item or a page title, unless the
# document repeats it (a teaser); below this, BIP menus and titles are short.
_LONG_LINE_WORDS = 15


def _keep_unrepeated_text(texts: list[str], first: int, start: int) -> int:
    """Move the start back to a long line after the transcript mark whose words the document does not repeat.

    A transcript line that holds the act itself run together ("1 RADA MIEJSKA … UChWAŁA NR 575/VI/44/2014 …",
    an OCR-ed scan whose header the start patterns miss) must never be dropped as the website's text: dropping
    words is safe only when they are chrome or said again below."""
    later = set(" ".join(texts[start:]).casefold().split())
    for i in range(first, start):
        words = texts[i].casefold().split()
        if len(words) >= _LONG_LINE_WORDS and not _CHROME.match(texts[i]):
            repeated = sum(word in later for word in words) / len(words)
            if repeated < 0.9:
                return i
    return start


def _only_title_and_similar(texts: list[str], first: int) -> bool:
    """A docplayer page stored without its transcript: the page's title, then "Podobne dokumenty" and the
    titles of other documents — nothing of the document itself."""
    opening = [text for text in texts if text][:2]
    return first == 0 and len(opening) == 2 and bool(_ALWAYS_FOOTER.match(opening[1]))


def _body(text: str) -> bool:
    """The text of the act proper has begun: the legal basis, the enacting formula or a §."""
    return bool(LEGAL_BASIS.match(text) or ENACTING.search(text) or PARAGRAPH_SIGN.match(text)
                or re.search(r"\bNa\s+podstawie\b", text))


def _start(texts: list[str], first: int) -> int | None:
    candidates = [i for i in range(first, len(texts)) if document_start(_PAGE_PREFIX.sub("", texts[i]))]
    page_title = {" ".join(text.split()) for text in texts[:first] if text}
    for i in candidates:
        text = _PAGE_PREFIX.sub("", texts[i])
        if " ".join(texts[i].split()) in page_title and i != candidates[-1]:
            continue  # doczz repeats the page's title under "Transkrypt"
        following = next((k for k in range(i + 1, len(texts)) if texts[k]), None)
        if following in candidates and _same_header(text, _PAGE_PREFIX.sub("", texts[following])):
            continue  # the page's title, then the document's first line saying the same
        number = loose_header(text)
        if number and RESOLUTION.match(text) and _repeated(texts, candidates, i, number):
            continue
        return i
    return None


def _same_header(first: str, second: str) -> bool:
    """"Uchwała Nr XXX/219/2013" and "UCHWAŁA Nr XXX /219/2013": one header written twice (spaces, case aside)."""
    if first == second:
        return True
    one, two = RESOLUTION.match(first), RESOLUTION.match(second)
    if not (one and two and one["number"] and two["number"]):
        return False
    return _NUMBER_PART.sub("", one["number"]).rstrip(".") == _NUMBER_PART.sub("", two["number"]).rstrip(".")


_NUMBER_PART = re.compile(r"\s+")


def _repeated(texts: list[str], candidates: list[int], i: int, number: str) -> bool:
    """The header of the same number follows before the act's paragrafy begin (so line ``i`` is a page title,
    or a teaser: the title block and the legal basis on one line, cut short, then the act itself)."""
    if re.search(r"(?:^|[.:]\s)§\s*1\b", texts[i]):
        return False  # a whole act on one line
    for j in candidates:
        if j <= i:
            continue
        if any(PARAGRAPH_SIGN.match(text) for text in texts[i + 1:j]):
            return False
        later = _PAGE_PREFIX.sub("", texts[j])
        match = RESOLUTION.match(later)
        if match and match["number"] and match["number"].split()[0].rstrip(".,") == number:
            return True
    return False


def _footer(texts: list[str], start: int) -> int:
    last_end = max((i for i in range(start, len(texts))
                    if SIGNATURE.match(texts[i]) or JUSTIFICATION.match(texts[i])), default=start)
    for i in range(start + 1, len(texts)):
        if _ALWAYS_FOOTER.match(texts[i]):
            return i
        if i <= last_end or not _FOOTER.match(texts[i]):
            continue
        opens = i == last_end + 1 or not texts[i - 1]
        following = next((text for text in texts[i + 1:] if text), "")
        if opens or _FOOTER.match(following):
            return i
    return len(texts)
