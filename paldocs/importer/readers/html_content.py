"""Where the document is on a saved web page (a BIP page): the main content element and the page's chrome.

Contract: :func:`find_content` returns the element of an lxml HTML tree that holds the published document;
:func:`is_chrome` says whether an element inside it is still page furniture (a menu, breadcrumbs, the page's
"Metryka", print and share links, a form). Both only look; nothing is removed here.

The content element: among ``<main>``, ``<article>`` and elements whose id or class names content ("content",
"tresc", "article", "artykul", "dokument", "main" — and nothing that names a menu or a footer), the ones whose text
holds a document's header ("Uchwała Nr", "Załącznik", "Sprawozdanie", "Program", "Zarządzenie", "Uzasadnienie",
"Obwieszczenie"); when no such element names itself, any container (div, section, td, …) with such a header; when
no header is found anywhere, the named elements, and last the ``<body>``. Of the chosen kind, the innermost element
still holding at least 60 % of the words of the largest one wins (words shown to a reader, the menus and forms
inside an element not counted): a page's ``<main>`` often wraps the breadcrumbs and the page's metadata around
``<div id="tresc">``, and the document is most of the words.
"""

from __future__ import annotations

import re

from lxml import html

CONTENT_HINT = re.compile(r"content|tre[sś][cć]|article|artyku[lł]|dokument|document|main", re.IGNORECASE)
CHROME_HINT = re.compile(
    r"menu|nav|breadcrumb|okruch|okruszk|[sś]cie[zż]k|footer|stopka|header|nag[lł][oó]wek|sidebar|metryk|rejestr"
    r"|histori|drukuj|print|share|udost|social|cookie|baner|banner|search|szukaj|wyszukiw|skip|widget|login"
    r"|logowan|toolbar|pagination|stronicow|licznik|counter", re.IGNORECASE)
TITLE_HINT = re.compile(r"header|nag[lł][oó]wek", re.IGNORECASE)  # an article's header holds the act's title
DOCUMENT_HEADER = re.compile(
    r"\b(?:uchwał[aęy]\s+nr|uchwała|załącznik|sprawozdanie|program|zarządzenie|uzasadnienie|obwieszczenie)\b",
    re.IGNORECASE)
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
                            "iframe", "object", "embed", "canvas", "audio", "video", "map"})  # no text a reader sees
CHROME_TAGS = frozenset({"nav", "form", "button", "select", "menu", "aside"})
_CONTAINERS = frozenset({"div", "section", "td", "article", "main", "body", "center", "table", "blockquote"})
_SHARE = 0.6  # the innermost candidate with this share of the largest one's words is the content


def _hints(element: html.HtmlElement) -> str:
    return f"{element.get('id', '')} {element.get('class', '')}"


def has_document_header(element: html.HtmlElement) -> bool:
    return bool(DOCUMENT_HEADER.search(" ".join(element.itertext())))


def _measure(body: html.HtmlElement) -> tuple[dict[html.HtmlElement, int], dict[html.HtmlElement, bool]]:
    """Each element's count of shown words and whether they hold a document header, page furniture inside it
    (menus, forms, the page's metadata), scripts and hidden elements left out: one pass, children first."""
    words: dict[html.HtmlElement, int] = {}
    header: dict[html.HtmlElement, bool] = {}
    for element in reversed(list(body.iter())):
        if not isinstance(element.tag, str):
            continue
        if element.tag in INVISIBLE_TAGS or is_hidden(element):
            words[element], header[element] = 0, False
            continue
        own = " ".join([element.text or "", *(child.tail or "" for child in element)])
        shown = [child for child in element if isinstance(child.tag, str) and not is_chrome(child)]
        words[element] = len(own.split()) + sum(words.get(child, 0) for child in shown)
        header[element] = bool(DOCUMENT_HEADER.search(own)) or any(header.get(child, False) for child in shown)
    return words, header


def _names_content(element: html.HtmlElement) -> bool:
    if element.tag in ("main", "article"):
        return True
    hints = _hints(element)
    return bool(CONTENT_HINT.search(hints)) and not CHROME_HINT.search(hints)


def find_content(body: html.HtmlElement) -> html.HtmlElement:
    """The element holding the document (see the module contract)."""
    words, header = _measure(body)
    elements = [element for element in body.iter() if isinstance(element.tag, str)]
    named = [element for element in elements if _names_content(element) and words[element]]
    for pool in ([element for element in named if header[element]],
                 [element for element in elements if element.tag in _CONTAINERS and header[element]],
                 named):
        if pool:
            return _innermost(pool, words)
    return body


def _innermost(pool: list[html.HtmlElement], sizes: dict[html.HtmlElement, int]) -> html.HtmlElement:
    largest = max(pool, key=lambda element: sizes[element])
    enough = [element for element in pool if sizes[element] >= _SHARE * sizes[largest]
              and (element is largest or _inside(element, largest))]
    return min(enough, key=lambda element: sizes[element])


def _inside(element: html.HtmlElement, ancestor: html.HtmlElement) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def is_chrome(element: html.HtmlElement) -> bool:
    """Page furniture inside the content: navigation, forms, the page's metadata, print/share links."""
    if element.tag in CHROME_TAGS or element.tag == "footer":
        return True
    hints = _hints(element)
    if not CHROME_HINT.search(hints):
        return False
    return not (TITLE_HINT.search(hints) and has_document_header(element))


def is_hidden(element: html.HtmlElement) -> bool:
    """Not shown by a browser: ``hidden``, ``aria-hidden``, ``display: none`` (screen-reader skip links stay)."""
    style = element.get("style", "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style
