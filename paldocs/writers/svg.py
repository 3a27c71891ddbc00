"""Inline SVG for the HTML (and so the PDF) writer: a chart's SVG made safe and accessible to embed as markup.

Contract — :func:`to_inline_svg` takes the SVG bytes of a :class:`~paldocs.document.Figure` (paldocs's own
matplotlib output, but treated as untrusted input) and returns one ``<svg>`` element as a string:

- Parsed without a DTD, entities, network access, comments or processing instructions; anything that is not
  well-formed SVG raises :class:`~paldocs.errors.RenderError` (in Polish, naming the figure).
- Only drawing elements survive (a whitelist: shapes, paths, text, groups, ``use``, clip paths, gradients,
  markers, patterns …); ``script``, ``foreignObject``, ``style``, ``metadata``, animation and any element
  outside the SVG namespace are removed with their content; an ``<a>`` is unwrapped (its drawing stays,
  the link goes). Event attributes (``on*``) are removed; ``href``/``xlink:href`` stay only as a fragment
  (``#id``) — or, on ``<image>``, as a ``data:image/png|jpeg`` URI; an attribute whose value refers to a
  ``url(…)`` other than ``url(#id)`` is removed. The page therefore makes no request of its own.
- No CSS is left: a ``style`` attribute becomes presentation attributes of its element (``fill="#fff"``), and
  a ``<style>`` made only of ``* { property: value }`` rules (matplotlib writes
  ``*{stroke-linejoin: round; stroke-linecap: butt}``) becomes presentation attributes of the root, which
  the drawing inherits. A ``<style>`` in inline SVG would style the whole HTML page, and WeasyPrint reads
  style attributes of inline SVG as HTML CSS (warning about every ``fill``).
- Every ``id`` gets ``id_prefix`` and every internal reference follows it, so that two charts in one page
  never share an id (matplotlib names glyphs and markers the same in every chart).
- The root gets ``width`` = ``width_cm`` and the height that keeps the aspect ratio of its ``viewBox``, plus
  ``role="img"``, ``aria-label`` and a first ``<title>`` child holding ``alt`` (browsers and screen readers
  read the label; WeasyPrint's tagged PDF takes the figure's /Alt from the ``<title>``).
- Deterministic: the same bytes and arguments give the same string.

:func:`sanitized_svg` applies the same whitelist to a user's SVG file (an annex's plan) when the data are
read, refusing files that declare XML entities, and gives the drawing's size.
"""

from __future__ import annotations

import re

from lxml import etree

from paldocs.errors import RenderError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_HREFS = (f"{{{XLINK_NS}}}href", "href")

ALLOWED_ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "switch", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "textPath", "title", "desc", "clipPath", "mask", "marker", "pattern",
    "linearGradient", "radialGradient", "stop", "image",
})
UNWRAPPED_ELEMENTS = frozenset({"a"})  # the drawing stays, the element (a link) goes
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg);base64,[A-Za-z0-9+/=\s]*\Z")
_UNSAFE_VALUE = re.compile(r"url\(\s*(?!['\"]?#)|@import|expression\s*\(|\\", re.IGNORECASE)
_URL_REF = re.compile(r"url\(\s*(['\"]?)#([^)'\"\s]+)\1\s*\)")
_UNIVERSAL_RULE = re.compile(r"\*\s*\{([^{}]*)\}")
_DECLARATION = re.compile(r"\s*([a-z-]+)\s*:\s*([^;:{}<>]+?)\s*\Z")
_LENGTH = re.compile(r"\s*([0-9.]+)\s*(px|pt|pc|mm|cm|in)?\s*\Z")
_PX_PER_UNIT = {None: 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}


def to_inline_svg(data: bytes, *, alt: str, id_prefix: str, width_cm: float, name: str = "") -> str:
    """The sanitized ``<svg>`` element of ``data`` as markup to put into an HTML page (see the module doc)."""
    root = _parse(data, name)
    _sanitize(root)
    _prefix_ids(root, id_prefix)
    _set_size(root, width_cm)
    for old in root.findall(f"{{{SVG_NS}}}title"):
        root.remove(old)
    if alt:
        title = etree.Element(f"{{{SVG_NS}}}title")
        title.text = alt
        root.insert(0, title)
        root.set("aria-label", alt)
    root.set("role", "img")
    etree.cleanup_namespaces(root)
    return etree.tostring(root, encoding="unicode")


def sanitized_svg(data: bytes, *, name: str) -> tuple[bytes, tuple[float, float]]:
    """A user's SVG file (an annex's plan) reduced to the drawing whitelist, and its size in CSS pixels.

    Stricter than charts: a file that declares entities (XXE, "billion laughs") is refused outright rather
    than parsed with the entities left unresolved; everything else follows :func:`to_inline_svg`'s rules."""
    if b"<!ENTITY" in data or b"<!entity" in data:
        raise RenderError(f"rysunek „{name}”: plik SVG deklaruje encje XML (<!ENTITY) — takiego pliku paldocs nie "
                          "czyta", hint="Zapisz rysunek ponownie jako zwykły SVG (np. „Zwykły SVG” w Inkscape).")
    root = _parse(data, name)
    _sanitize(root)
    box = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        size = (box[2], box[3])
    else:
        size = (_px(root.get("width")) or 0.0, _px(root.get("height")) or 0.0)
    if not (size[0] > 0 and size[1] > 0):
        raise RenderError(f"rysunek „{name}”: plik SVG nie podaje rozmiaru (viewBox albo width i height)")
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), size


def _parse(data: bytes, name: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                             remove_pis=True, huge_tree=False)
    where = f"rysunek „{name}”" if name else "rysunek"
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise RenderError(f"{where}: plik SVG jest nieprawidłowy ({error})") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise RenderError(f"{where}: to nie jest rysunek SVG (element główny {root.tag!r})")
    return root


def _sanitize(root: etree._Element) -> None:
    for style in root.iter(f"{{{SVG_NS}}}style"):
        for prop, value in _universal_declarations(style.text or ""):
            if root.get(prop) is None:
                root.set(prop, value)
    _clean_attributes(root, "svg")
    _clean_children(root)


def _clean_children(element: etree._Element) -> None:
    for child in list(element):
        local = _allowed_name(child)
        if local is None:
            _remove(child)
            continue
        _clean_attributes(child, local)
        _clean_children(child)
        if local in UNWRAPPED_ELEMENTS:
            # The drawing (or text) inside a link stays, the link goes: the element becomes a plain group.
            inside_text = _allowed_name(element) in {"text", "tspan", "textPath"}
            child.tag = f"{{{SVG_NS}}}{'tspan' if inside_text else 'g'}"
            for key in ("target", "rel", "download", "type"):
                if key in child.attrib:
                    del child.attrib[key]


def _allowed_name(element: etree._Element) -> str | None:
    """The local name of an SVG element on the whitelist, else None (entities, comments, other namespaces)."""
    if not isinstance(element.tag, str):
        return None
    namespace, _, local = element.tag.rpartition("}")
    allowed = namespace[1:] == SVG_NS and local in ALLOWED_ELEMENTS | UNWRAPPED_ELEMENTS
    return local if allowed else None


def _universal_declarations(css: str) -> list[tuple[str, str]]:
    """``(property, value)`` of the ``* { … }`` rules when the stylesheet holds nothing else (else none)."""
    if _UNSAFE_VALUE.search(css) or _UNIVERSAL_RULE.sub("", css).strip():
        return []
    declarations = (_DECLARATION.match(d) for body in _UNIVERSAL_RULE.findall(css) for d in body.split(";"))
    return [(m[1], m[2]) for m in declarations if m is not None]


def _clean_attributes(element: etree._Element, local: str) -> None:
    for key, value in sorted(element.attrib.items(), key=lambda item: item[0] == "style"):  # style last: it wins
        namespace, _, name = key.rpartition("}")
        if key == "style":
            # As presentation attributes: WeasyPrint would read a style attribute of inline SVG as HTML CSS
            # (and warn about every "fill"); with no stylesheet left, the drawing looks the same.
            del element.attrib[key]
            for declaration in value.split(";"):
                if (match := _DECLARATION.match(declaration)) and not _UNSAFE_VALUE.search(match[2]):
                    element.set(match[1], match[2])
            continue
        if key in _HREFS:
            keep = value.startswith("#") or (local == "image" and bool(_DATA_IMAGE.match(value)))
        elif namespace:
            keep = key == f"{{{XML_NS}}}space"
        else:
            keep = not name.lower().startswith("on") and not _UNSAFE_VALUE.search(value)
        if not keep:
            del element.attrib[key]


def _remove(element: etree._Element) -> None:
    """Remove ``element`` with its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _prefix_ids(root: etree._Element, prefix: str) -> None:
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    if not ids:
        return

    def relink(match: re.Match[str]) -> str:
        return f"url(#{prefix}{match[2]})" if match[2] in ids else match[0]

    for element in root.iter():
        if (value := element.get("id")) is not None:
            element.set("id", prefix + value)
        for key, value in element.attrib.items():
            if key in _HREFS and value.startswith("#") and value[1:] in ids:
                element.set(key, f"#{prefix}{value[1:]}")
            elif "url(" in value:
                element.set(key, _URL_REF.sub(relink, value))


def _set_size(root: etree._Element, width_cm: float) -> None:
    """Width ``width_cm``; height from the aspect ratio (``viewBox``, else the width and height given)."""
    box = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v] or None
    if box is None or len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        width, height = _px(root.get("width")), _px(root.get("height"))
        box = [0.0, 0.0, width, height] if width and height else None
        if box is not None:
            root.set("viewBox", f"0 0 {width:g} {height:g}")
    root.set("width", f"{width_cm:g}cm")
    if box is not None:
        root.set("height", f"{width_cm * box[3] / box[2]:.3f}".rstrip("0").rstrip(".") + "cm")
    elif "height" in root.attrib:
        del root.attrib["height"]


def _px(length: str | None) -> float | None:
    match = _LENGTH.match(length or "")
    return float(match[1]) * _PX_PER_UNIT[match[2]] if match else None
