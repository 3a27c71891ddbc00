"""Legal basis: the acts catalog (data), journal addresses, provisions and citations by date.

Modules: :mod:`~paldocs.legal.catalog` (``acts.yaml`` and user catalogs), :mod:`~paldocs.legal.journal`
(Dziennik Ustaw addresses), :mod:`~paldocs.legal.provisions` ("art. 18 ust. 2 pkt 15"),
:mod:`~paldocs.legal.citation` (:func:`cite`, § 158 and § 121 ust. 3 ZTP).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from paldocs.lazy_package import lazy_names

if TYPE_CHECKING:
    from paldocs.legal.catalog import Act, Catalog, JournalRow, load_catalog
    from paldocs.legal.citation import Citation, cite
    from paldocs.legal.journal import (STYLES, JournalRef, ParsedAddress, eli_id, format_journal, isap_url,
                                       parse_address)
    from paldocs.legal.provisions import Deviation, Provision, format_provision, parse_provision

# Loaded on first use (PEP 562): importing paldocs.legal.journal must not load the catalog and its models.
_HOMES = {
    "Act": "catalog", "Catalog": "catalog", "JournalRow": "catalog", "load_catalog": "catalog",
    "Citation": "citation", "cite": "citation",
    "STYLES": "journal", "JournalRef": "journal", "ParsedAddress": "journal", "eli_id": "journal",
    "format_journal": "journal", "isap_url": "journal", "parse_address": "journal",
    "Deviation": "provisions", "Provision": "provisions", "format_provision": "provisions",
    "parse_provision": "provisions",
}


__getattr__ = lazy_names(__name__, _HOMES, globals())


__all__ = [
    "STYLES",
    "Act",
    "Catalog",
    "Citation",
    "Deviation",
    "JournalRef",
    "JournalRow",
    "ParsedAddress",
    "Provision",
    "cite",
    "eli_id",
    "format_journal",
    "format_provision",
    "isap_url",
    "load_catalog",
    "parse_address",
    "parse_provision",
]
