"""Voivodeships (województwa) and the name of their official journal.

Contract: :func:`official_journal` returns the name of the voivodeship's Dziennik Urzędowy in the locative
used by the entry-into-force formula of an act of local law: "Dzienniku Urzędowym Województwa
Warmińsko-Mazurskiego" (docs/domain.md § 1: "… w Dzienniku Urzędowym Województwa …"). The adjective after
"Województwa" is in the genitive and capitalised in every part, as the journals are titled.
"""

from __future__ import annotations

VOIVODESHIPS: tuple[str, ...] = (
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie",
    "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie",
    "wielkopolskie", "zachodniopomorskie",
)


def voivodeship_genitive(name: str) -> str:
    """"warmińsko-mazurskie" → "Warmińsko-Mazurskiego" (neuter adjective: -kie → -kiego)."""
    if name not in VOIVODESHIPS:
        raise ValueError(f"nieznane województwo „{name}”")
    parts = name.split("-")
    parts[-1] = parts[-1].removesuffix("e") + "ego"
    return "-".join(part[:1].upper() + part[1:] for part in parts)


def official_journal(name: str) -> str:
    """"Dzienniku Urzędowym Województwa Warmińsko-Mazurskiego" (locative, for "w … ")."""
    return f"Dzienniku Urzędowym Województwa {voivodeship_genitive(name)}"
