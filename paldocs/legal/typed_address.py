"""An address typed by the legal office: how it is printed, and what paldocs says when it cannot read it.

Contract: :func:`as_typed` gives the address as printed (as written, without surrounding spaces and one pair of
outer parentheses — the citation adds its own); :func:`names_journal_position` says whether an address paldocs
cannot parse still names the Dziennik Ustaw and a position (then a build prints it as typed, with the note of
:func:`unreadable_note`, which starts with :data:`UNREADABLE_NOTE` so that checks can recognise it).
:data:`ISAP_CHECK` ends every note that asks the user to confirm something in ISAP.
"""

from __future__ import annotations

import re

from paldocs.errors import LegalBasisError

ISAP_CHECK = "sprawdź w ISAP (isap.sejm.gov.pl)"
# The start of the note on a typed address paldocs cannot read (checks recognise the note by it).
UNREADABLE_NOTE = "nie odczytano adresu publikacji"

# What every real address names, however it is written: the journal ("Dz. U.", "Dz.U", "Dziennik Ustaw") and a
# position ("poz."); without them the text is not an address paldocs could print for the legal office.
_JOURNAL_NAMED = re.compile(r"\bDz\.?\s*U\b|\bDziennik\w*\s+Ustaw", re.IGNORECASE)
_POSITION_NAMED = re.compile(r"\bpoz\b", re.IGNORECASE)


def names_journal_position(address: str) -> bool:
    """Whether a typed address paldocs cannot read still names the Dziennik Ustaw and a position (then it is printed
    as typed with a note rather than refused)."""
    return bool(_JOURNAL_NAMED.search(address) and _POSITION_NAMED.search(address))


def unreadable_note(address: str, error: LegalBasisError) -> str:
    """The note on a typed address paldocs cannot read: what it prints, and that nothing was checked."""
    reason = error.message.split("”: ", 1)[-1]
    return (f"{UNREADABLE_NOTE} „{as_typed(address)}” ({reason}) — wydrukowano go tak, jak go wpisano, ale nie "
            f"porównano z katalogiem aktów (tekst jednolity, zmiany, data ogłoszenia) — {ISAP_CHECK}; forma, którą "
            "paldocs odczytuje: „Dz. U. z 2013 r. poz. 594” albo „Dz. U. z 2001 r. Nr 142, poz. 1591”")


def as_typed(address: str) -> str:
    """A typed address as printed: as written, without surrounding spaces and one pair of outer parentheses."""
    text = address.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text
