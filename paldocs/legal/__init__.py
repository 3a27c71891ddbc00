"""Legal basis: the acts catalog (data), journal addresses, provisions and citations by date.

Modules: :mod:`~paldocs.legal.catalog` (``acts.yaml`` and user catalogs), :mod:`~paldocs.legal.journal`
(Dziennik Ustaw addresses), :mod:`~paldocs.legal.provisions` ("art. 18 ust. 2 pkt 15"),
:mod:`~paldocs.legal.citation` (:func:`cite`, § 158 and § 121 ust. 3 ZTP).
"""

from paldocs.legal.catalog import Act, Catalog, JournalRow, load_catalog
from paldocs.legal.citation import STYLES, Citation, cite
from paldocs.legal.journal import JournalRef, ParsedAddress, eli_id, format_journal, isap_url, parse_address
from paldocs.legal.provisions import Deviation, Provision, format_provision, parse_provision

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
