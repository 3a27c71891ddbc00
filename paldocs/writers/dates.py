"""The one fixed date every writer stamps into its output (never the clock: same input, same bytes).

Contract: :func:`document_datetime` is midnight (UTC) of the document's own date (the day of adoption, or a
report's month); for a document without a date (a draft) it is ``SOURCE_DATE_EPOCH`` (the reproducible-builds
convention, to the second); without that, None — the DOCX writer then uses :data:`FALLBACK_DATE`, because a
package needs some date, while HTML and PDF carry none. A malformed ``SOURCE_DATE_EPOCH`` is a
:class:`~paldocs.errors.RenderError` in every writer alike.

Why the document's date wins over SOURCE_DATE_EPOCH: it is part of the input (the archived, signed file
must say the day it was adopted whatever machine built it); the epoch only stands in for a missing one.
"""

from __future__ import annotations

import datetime as dt
import os

from paldocs import document as ir
from paldocs.errors import RenderError

FALLBACK_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_LATEST = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc).timestamp()


def document_datetime(meta: ir.Meta) -> dt.datetime | None:
    """The document's date at midnight UTC; else SOURCE_DATE_EPOCH; else None."""
    if meta.date is not None:
        return dt.datetime(meta.date.year, meta.date.month, meta.date.day, tzinfo=dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()) or int(epoch) > _LATEST:
        raise RenderError(f"zmienna środowiska SOURCE_DATE_EPOCH ({epoch!r}) nie jest liczbą sekund od "
                          "1 stycznia 1970 r. (np. 1700000000)")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)


def w3c_datetime(meta: ir.Meta) -> str | None:
    """:func:`document_datetime` as a W3C date (the document's day) or date-time (from the epoch), or None."""
    if meta.date is not None:
        return meta.date.isoformat()
    stamp = document_datetime(meta)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else None
