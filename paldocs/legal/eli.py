"""The Sejm's ELI API (``https://api.sejm.gov.pl/eli``): one Dziennik Ustaw act's metadata, read with urllib.

Contract:

- :class:`EliClient` (``api`` = the server, e.g. ``https://api.sejm.gov.pl``; ``timeout`` in seconds, per
  request) reads ``{api}/eli/acts/DU/{year}/{pos}`` with :meth:`EliClient.act` and returns an :class:`EliAct`.
  The standard library only (urllib): one GET per act, JSON, no retries, no cache.
- :class:`EliAct` holds what the catalog needs from the response (field names as the API writes them; see
  docs/acts-update.md): ``ELI``, ``year``, ``pos``, ``volume`` (the issue "Nr" before 2012; 0 or absent after),
  ``title``, ``type``, ``displayAddress``, ``promulgation`` (the day the act was published in the journal — the
  catalog's ``announced``) and ``announcementDate`` (despite its name, the date the act bears: "z dnia …"),
  and ``references``: category → ELI ids, e.g. "Inf. o tekście jednolitym" (an act's consolidated texts),
  "Akty zmieniające" (its amending acts), "Tekst jednolity dla aktu" (on a consolidated text: the act it
  restates). A reference entry is read in both shapes the API uses: ``{"id": "DU/2024/1572", "date": …}``
  (act details) and ``{"act": {"ELI": …}, …}`` (the ``/references`` listing); ids of other journals (MP)
  are left out.
- Every failure is an :class:`EliError` (a :class:`~paldocs.errors.PaldocsError`) with one sentence in Polish:
  no connection, no answer within the timeout, an HTTP error (404: the API does not know the act), a body that
  is not JSON, or JSON without a field the catalog needs. Nothing else escapes (no traceback for a clerk).
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from paldocs.errors import PaldocsError
from paldocs.legal.journal import FIRST_YEAR_WITHOUT_ISSUES, eli_id

DEFAULT_API = "https://api.sejm.gov.pl"
DEFAULT_TIMEOUT = 10.0
CONSOLIDATED_TEXTS = "Inf. o tekście jednolitym"  # on an act: the announcements of its consolidated texts
AMENDING_ACTS = "Akty zmieniające"  # on an act: the acts that amend it
CONSOLIDATES = "Tekst jednolity dla aktu"  # on a consolidated text: the act it restates
_DU_ELI = re.compile(r"^DU/(\d{4})/(\d+)$")
_ISSUE_IN_DISPLAY = re.compile(r"\bnr\s*(\d+)", re.IGNORECASE)  # "Dz.U. 2001 nr 142 poz. 1591"
_ISAP_ADDRESS = re.compile(r"^WDU(\d{4})(\d{3})(\d{4})$")  # WDU20011421591: year, issue, position


class EliError(PaldocsError):
    """The ELI API could not be read, or answered something the catalog cannot use."""


@dataclass(frozen=True, slots=True)
class EliAct:
    """One act as the API describes it (only what the catalog uses)."""

    eli: str
    year: int
    pos: int
    issue: int | None
    title: str
    type: str
    display_address: str
    promulgation: dt.date | None  # published in the journal on this day: the catalog's "announced"
    act_date: dt.date | None  # "announcementDate": the date the act bears
    references: Mapping[str, tuple[str, ...]]
    url: str

    def referenced(self, category: str) -> tuple[str, ...]:
        return self.references.get(category, ())


class EliClient:
    """Reads acts from one ELI API server (see the module contract)."""

    def __init__(self, api: str = DEFAULT_API, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.api = api.rstrip("/")
        self.timeout = timeout

    def act_url(self, year: int, pos: int) -> str:
        return f"{self.api}/eli/acts/{eli_id(year, pos)}"

    def act(self, year: int, pos: int) -> EliAct:
        """The metadata of Dziennik Ustaw ``year`` position ``pos``."""
        url = self.act_url(year, pos)
        return parse_act(self._get_json(url, eli_id(year, pos)), url)

    def _get_json(self, url: str, eli: str) -> dict[str, Any]:
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "paldocs"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http/https only)
                body = response.read()
        except urllib.error.HTTPError as error:
            error.close()  # the error holds the open response; the message below is all the user needs
            if error.code == 404:
                raise EliError(f"API ELI nie zna aktu {eli} (HTTP 404, {url}) — sprawdź rok i pozycję "
                               "tekstu pierwotnego w katalogu") from None
            raise EliError(f"API ELI odpowiedziało błędem HTTP {error.code} dla {url} — spróbuj później") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timeout(url) from None
            raise EliError(f"brak połączenia z API ELI ({self.api}): {_describe(error.reason)} — sprawdź "
                           "połączenie z internetem albo adres podany w --api") from None
        except TimeoutError:
            raise self._timeout(url) from None
        except (http.client.HTTPException, OSError) as error:
            raise EliError(f"połączenie z API ELI ({self.api}) zostało przerwane: {_describe(error)} — "
                           "spróbuj później") from None
        except ValueError:  # urllib: "unknown url type"
            raise EliError(f"nieprawidłowy adres API ELI „{self.api}” — podaj np. {DEFAULT_API}") from None
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise EliError(f"odpowiedź API ELI dla {url} nie jest poprawnym JSON-em — spróbuj później") from None
        if not isinstance(data, dict):
            raise EliError(f"odpowiedź API ELI dla {url} nie jest opisem aktu (oczekiwano obiektu JSON)")
        return data

    def _timeout(self, url: str) -> EliError:
        seconds = f"{self.timeout:g}".replace(".", ",")
        return EliError(f"API ELI nie odpowiedziało w ciągu {seconds} s ({url}) — spróbuj później albo zwiększ "
                        "--timeout")


def _describe(reason: object) -> str:
    """A connection failure in Polish (the system's words as a fallback)."""
    if isinstance(reason, socket.gaierror):
        return "nie znaleziono serwera (brak internetu albo zły adres)"
    if isinstance(reason, ConnectionRefusedError):
        return "połączenie odrzucone"
    if isinstance(reason, ConnectionResetError):
        return "połączenie zerwane przez serwer"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def parse_act(data: Mapping[str, Any], url: str) -> EliAct:
    """An :class:`EliAct` from one act's JSON (``url``: where it was read, for messages and sources)."""
    eli = _field(data, "ELI", str, url)
    match = _DU_ELI.match(eli)
    if not match:
        raise EliError(f"odpowiedź API ELI dla {url} opisuje akt „{eli}”, a nie pozycję Dziennika Ustaw")
    year = _field(data, "year", int, url)
    pos = _field(data, "pos", int, url)
    if (year, pos) != (int(match[1]), int(match[2])):
        raise EliError(f"odpowiedź API ELI dla {url} jest niespójna: ELI {eli}, a rok {year} i pozycja {pos}")
    display = data.get("displayAddress") if isinstance(data.get("displayAddress"), str) else ""
    return EliAct(
        eli=eli, year=year, pos=pos, issue=_issue(data, year, display, url),
        title=_field(data, "title", str, url), type=str(data.get("type") or ""), display_address=display,
        promulgation=_date(data, "promulgation", url), act_date=_date(data, "announcementDate", url),
        references=_references(data.get("references"), url), url=url)


def _field(data: Mapping[str, Any], name: str, kind: type, url: str) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise EliError(f"odpowiedź API ELI dla {url} nie ma pola „{name}” (albo ma je w innej postaci)")
    return value


def _date(data: Mapping[str, Any], name: str, url: str) -> dt.date | None:
    value = data.get(name)
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])  # a date, or a date-time whose date part is what counts
    except ValueError:
        raise EliError(f"odpowiedź API ELI dla {url} ma w polu „{name}” wartość „{value}”, która nie jest "
                       "datą") from None


def _issue(data: Mapping[str, Any], year: int, display: str, url: str) -> int | None:
    """The issue (Nr) of an address before 2012: ``volume``, else read from ``displayAddress`` or ``address``."""
    if year >= FIRST_YEAR_WITHOUT_ISSUES:
        return None
    volume = data.get("volume")
    if isinstance(volume, int) and not isinstance(volume, bool) and volume > 0:
        return volume
    if match := _ISSUE_IN_DISPLAY.search(display):
        return int(match[1])
    if isinstance(data.get("address"), str) and (match := _ISAP_ADDRESS.match(data["address"])) and int(match[2]):
        return int(match[2])
    raise EliError(f"odpowiedź API ELI dla {url} nie podaje numeru Dziennika Ustaw (Nr), bez którego nie da się "
                   f"zapisać adresu z {year} r.")


def _references(value: Any, url: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise EliError(f"odpowiedź API ELI dla {url} ma pole „references” w nieznanej postaci")
    result: dict[str, tuple[str, ...]] = {}
    for category, entries in value.items():
        if not isinstance(entries, list):
            raise EliError(f"odpowiedź API ELI dla {url}: powiązania „{category}” nie są listą")
        ids = []
        for entry in entries:
            ref = entry.get("id") if isinstance(entry, Mapping) else None
            if ref is None and isinstance(entry, Mapping) and isinstance(entry.get("act"), Mapping):
                ref = entry["act"].get("ELI")
            if not isinstance(ref, str):
                raise EliError(f"odpowiedź API ELI dla {url}: powiązanie w „{category}” nie ma identyfikatora aktu")
            if _DU_ELI.match(ref) and ref not in ids:
                ids.append(ref)
        result[str(category)] = tuple(ids)
    return result


def split_eli(eli: str) -> tuple[int, int]:
    """``DU/2024/1465`` → (2024, 1465)."""
    match = _DU_ELI.match(eli)
    if not match:
        raise EliError(f"„{eli}” nie jest identyfikatorem ELI pozycji Dziennika Ustaw (DU/rok/pozycja)")
    return int(match[1]), int(match[2])


__all__ = ["AMENDING_ACTS", "CONSOLIDATED_TEXTS", "CONSOLIDATES", "DEFAULT_API", "DEFAULT_TIMEOUT", "EliAct",
           "EliClient", "EliError", "parse_act", "split_eli"]
