"""Citations by the day of adoption (§ 158 and § 121 ust. 3 ZTP): which text, which amendments, which notes.

Each case cites an act for a date (``None`` = a draft) with the package catalog or a user catalog from
tests/data/acts (test data, not legal facts), and checks the parenthesis content, fragments that must appear
in the notes, and — where it matters — that nothing else is noted (``certain``) or how many notes there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from conftest import TESTS

from paldocs.errors import LegalBasisError, Location
from paldocs.legal import Catalog, Provision, cite, load_catalog
from paldocs.legal.provisions import Deviation

ACTS = TESTS / "data" / "acts"
NO_AMENDMENTS = "katalog nie zawiera zmian"
UNVERIFIED = "jest w katalogu niezweryfikowany"
INCOMPLETE = "katalog nie potwierdza, że zna wszystkie zmiany"
# u.s.g. amendments after Dz. U. z 2001 r. Nr 142, poz. 1591 as the shipped catalog lists them from council
# documents (tests/test_legal_catalog_data.py), up to 2008 and up to 2011.
USG_2001_TO_2008 = ("Dz. U. z 2001 r. Nr 142, poz. 1591, z 2002 r. Nr 23, poz. 220, Nr 62, poz. 558, Nr 113, poz. 984, "
                    "Nr 153, poz. 1271 i Nr 214, poz. 1806, z 2003 r. Nr 80, poz. 717 i Nr 162, poz. 1568, z 2004 r. "
                    "Nr 102, poz. 1055, Nr 116, poz. 1203 i Nr 167, poz. 1759, z 2005 r. Nr 172, poz. 1441 i Nr 175, "
                    "poz. 1457, z 2006 r. Nr 17, poz. 128 i Nr 181, poz. 1337, z 2007 r. Nr 48, poz. 327, Nr 138, poz. 974 "
                    "i Nr 173, poz. 1218")
USG_2001_TO_2011 = (USG_2001_TO_2008 + ", z 2008 r. Nr 180, poz. 1111 i Nr 223, poz. 1458, z 2009 r. Nr 52, poz. 420 i "
                    "Nr 157, poz. 1241, z 2010 r. Nr 28, poz. 142 i 146, Nr 40, poz. 230 i Nr 106, poz. 675 oraz z 2011 r. "
                    "Nr 21, poz. 113, Nr 117, poz. 679, Nr 134, poz. 777 i Nr 217, poz. 1281")


@dataclass(frozen=True)
class Case:
    id: str
    act: str
    on: str | None
    expected: str  # Citation.address_text
    notes: tuple[str, ...] = ()  # each a fragment of some note
    address: str | None = None
    style: str = "ztp"
    catalog: str | None = None  # a user catalog in tests/data/acts
    note_count: int | None = None
    currency: bool = False  # the note on the catalog's currency (it moves with the shipped data; one case checks it)


def catalog_for(name: str | None) -> Catalog:
    return load_catalog([ACTS / name] if name else [])


# u.s.g. through its consolidated texts (announcement dates from docs/domain.md § 3, confirmed); the day before and the day of.
USG = [
    Case("usg 1990 same year as the original", "samorzad-gminny", "1990-05-01", "Dz. U. Nr 16, poz. 95",
         ("katalog nie zna daty ogłoszenia tekstu Dz. U. z 1990 r. Nr 16, poz. 95", NO_AMENDMENTS), note_count=2),
    Case("usg 1991 original, year omitted", "samorzad-gminny", "1991-01-02", "Dz. U. Nr 16, poz. 95",
         (NO_AMENDMENTS,), note_count=1),
    Case("usg 1996 day before", "samorzad-gminny", "1996-02-09", "Dz. U. Nr 16, poz. 95",
         (NO_AMENDMENTS,), note_count=1),
    Case("usg 1996 day of", "samorzad-gminny", "1996-02-10", "Dz. U. z 1996 r. Nr 13, poz. 74",
         (NO_AMENDMENTS,), note_count=1),
    Case("usg 2001 day before", "samorzad-gminny", "2001-12-12", "Dz. U. z 1996 r. Nr 13, poz. 74"),
    Case("usg 2001 day of", "samorzad-gminny", "2001-12-13", "Dz. U. z 2001 r. Nr 142, poz. 1591"),
    Case("usg Inowrocław 2009", "samorzad-gminny", "2009-03-25", "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.",
         ("katalog zna zmiany Dz. U. z 2009 r. Nr 52, poz. 420 i Nr 157", "katalog nie potwierdza, że zna wszystkie zmiany")),
    Case("usg 2013 day before", "samorzad-gminny", "2013-05-22", "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.",
         ("katalog nie potwierdza, że zna wszystkie zmiany ustawy z dni",)),
    Case("usg 2013 day of", "samorzad-gminny", "2013-05-23", "Dz. U. z 2013 r. poz. 594"),
    # 2014 poz. 379 and 1072: the catalog knows them only from a resolution of 2015, so not by 29 April 2014
    Case("usg Kętrzyn seed date", "samorzad-gminny", "2014-04-29", "Dz. U. z 2013 r. poz. 594 z późn. zm.",
         ("katalog zna zmiany Dz. U. z 2014 r. poz. 379 i 1072 bez daty", "ogłoszone po tekście Dz. U. z 2013 r. poz. 594", "29 kwietnia 2014 r."), note_count=3),
    Case("usg 2015 day before", "samorzad-gminny", "2015-09-30", "Dz. U. z 2013 r. poz. 594 z późn. zm."),
    Case("usg 2015 day of", "samorzad-gminny", "2015-10-01", "Dz. U. z 2015 r. poz. 1515"),
    Case("usg 2016 day before", "samorzad-gminny", "2016-04-03", "Dz. U. z 2015 r. poz. 1515 i 1890"),
    Case("usg 2016 day of", "samorzad-gminny", "2016-04-04", "Dz. U. z 2016 r. poz. 446"),
    Case("usg 2017 day before", "samorzad-gminny", "2017-10-08", "Dz. U. z 2016 r. poz. 446 i 1579"),
    Case("usg 2017 day of", "samorzad-gminny", "2017-10-09", "Dz. U. z 2017 r. poz. 1875"),
    Case("usg 2018", "samorzad-gminny", "2018-05-24", "Dz. U. z 2018 r. poz. 994"),
    Case("usg 2019 day before", "samorzad-gminny", "2019-03-14", "Dz. U. z 2018 r. poz. 994, 1000, 1349, 1432 i 2500"),
    Case("usg 2019 day of", "samorzad-gminny", "2019-03-15", "Dz. U. z 2019 r. poz. 506"),
    Case("usg 2020", "samorzad-gminny", "2020-04-21", "Dz. U. z 2020 r. poz. 713"),
    Case("usg 2021", "samorzad-gminny", "2021-07-27", "Dz. U. z 2021 r. poz. 1372"),
    Case("usg 2022 day before", "samorzad-gminny", "2022-03-08", "Dz. U. z 2021 r. poz. 1372"),
    Case("usg 2022 day of", "samorzad-gminny", "2022-03-09", "Dz. U. z 2022 r. poz. 559"),
    Case("usg 2023 day before", "samorzad-gminny", "2023-01-04", "Dz. U. z 2022 r. poz. 559"),
    Case("usg 2023 day of", "samorzad-gminny", "2023-01-05", "Dz. U. z 2023 r. poz. 40",
         ("katalog nie zawiera zmian ustawy z dnia 8 marca 1990 r. o sa", "katalog nie zawiera zmian ustawy z dnia 8 marca 1990 r. o sa"), note_count=1),
    Case("usg 2024 new year: poz. 609 undated", "samorzad-gminny", "2024-01-01", "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688",
         ("katalog zna tekst Dz. U. z 2024 r. poz. 609 bez daty ogłoszenia", "zmiany Dz. U. z 2023 r. poz. 572, 1463 i 1688 są w katalogu ", "katalog nie potwierdza, że zna wszystkie zmiany"), note_count=3),
    Case("usg 2024-06-01 poz. 609 may apply", "samorzad-gminny", "2024-06-01", "Dz. U. z 2023 r. poz. 40, 572, 1463 i 1688",
         ("katalog zna tekst Dz. U. z 2024 r. poz. 609 bez daty ogłoszenia; jeśli ogłoszono go najpóźniej 1 czerwca 2024 r., należy cytować ten tekst", "katalog nie potwierdza, że zna wszystkie zmiany"), note_count=3),
    Case("usg 2024 day before poz. 1465", "samorzad-gminny", "2024-10-02", "Dz. U. z 2024 r. poz. 609", ("poz. 609",)),
    Case("usg 2024 day of poz. 1465: poz. 609 is older", "samorzad-gminny", "2024-10-03", "Dz. U. z 2024 r. poz. 1465",
         (NO_AMENDMENTS,), note_count=1),
    Case("usg Ostróda 2024-11-20", "samorzad-gminny", "2024-11-20", "Dz. U. z 2024 r. poz. 1465", note_count=1),
    Case("usg 2025: poz. 1153 undated", "samorzad-gminny", "2025-01-01", "Dz. U. z 2024 r. poz. 1465",
         ("katalog zna tekst Dz. U. z 2025 r. poz. 1153 bez daty ogłoszenia",), note_count=2),
    Case("usg 2026 poz. 1153 unverified", "samorzad-gminny", "2026-01-01", "Dz. U. z 2025 r. poz. 1153",
         ("tekst Dz. U. z 2025 r. poz. 1153 jest w katalogu niezweryfikowany (źródło: niezweryfikowany — nie znaleziono "
          "dokumentu, który by go cytował; sprawdź w ISAP; ISAP: WDU20250001153)", NO_AMENDMENTS),
         note_count=2),
    Case("usg today", "samorzad-gminny", "2026-11-25", "Dz. U. z 2025 r. poz. 1153",
         (UNVERIFIED, NO_AMENDMENTS), note_count=2),
    Case("usg after the catalog's currency", "samorzad-gminny", "2026-11-26", "Dz. U. z 2025 r. poz. 1153",
         ("jest w katalogu niezweryfikowany", "katalog nie zawiera zmian", "katalog aktów potwierdza stan Dziennika Ustaw najdalej do", "tekst Dz. U. z 2025 r. poz. 1153 jest w katalogu niezweryfik"), note_count=3, currency=True),
    Case("usg draft", "samorzad-gminny", None, "Dz. U. z 2025 r. poz. 1153",
         ("uchwała nie ma jeszcze daty podjęcia", "w dniu podjęcia sprawdź", UNVERIFIED, "najpóźniej w dniu podjęcia")),
]

# The other statutes: pre-2012 shapes, the act's own year left out, rows without announcement dates.
OTHERS = [
    Case("ups 2004 original in its own year", "pomoc-spoleczna", "2004-06-01", "Dz. U. Nr 64, poz. 593",
         ("katalog nie zna daty ogłoszenia tekstu Dz. U. z 2004 r. Nr 64, poz. 593",)),
    Case("ups 2005 original, year omitted", "pomoc-spoleczna", "2005-01-01", "Dz. U. Nr 64, poz. 593",
         ("tekst Dz. U. z 2004 r. Nr 64, poz. 593 jest w katalogu z pra",)),
    Case("ups 2009 before the consolidated text of 21 October", "pomoc-spoleczna", "2009-06-01", "Dz. U. Nr 64, poz. 593",
         ("tekst Dz. U. z 2004 r. Nr 64, poz. 593 jest w katalogu z pra",), note_count=2),
    Case("ups 2010 verified pre-2012 text", "pomoc-spoleczna", "2010-01-01", "Dz. U. z 2009 r. Nr 175, poz. 1362",
         (NO_AMENDMENTS,), note_count=1),
    Case("ups Kętrzyn seed date", "pomoc-spoleczna", "2014-04-29", "Dz. U. z 2013 r. poz. 182 z późn. zm.",
         ("(źródło: z praktyki: Uchwała Nr 171/XXVII/2013 Rady Gminy w Staroźrebach z dnia 11 grudnia 2013 r.", "zmiany Dz. U. z 2013 r. poz. 509 i 1650 są w katalogu z prak", "katalog nie potwierdza, że zna wszystkie zmiany"), note_count=3),
    Case("ups 2023 poz. 901 announced 12 May", "pomoc-spoleczna", "2023-06-01", "Dz. U. z 2023 r. poz. 901",
         ("katalog zna zmiany Dz. U. z 2023 r. poz. 1693 i 1938 bez dat", "katalog nie potwierdza, że zna wszystkie zmiany"), note_count=2),
    Case("ups 2023 day before poz. 901", "pomoc-spoleczna", "2023-05-11", "Dz. U. z 2021 r. poz. 2268 i 2270 oraz z 2022 r. poz. 1, 66, 1079, 1692, 1700, 1812, 1967, 2140 i 2754",
         ("zmiany Dz. U. z 2021 r. poz. 2270 oraz z 2022 r. poz. 1, 66,", "katalog nie potwierdza, że zna wszystkie zmiany")),
    Case("ups 2024", "pomoc-spoleczna", "2024-01-01", "Dz. U. z 2023 r. poz. 901, 1693 i 1938",
         ("katalog nie potwierdza, że zna wszystkie zmiany",), note_count=2),
    Case("udppw 2013 pre-2012 text unverified", "pozytek-publiczny", "2013-01-01", "Dz. U. z 2010 r. Nr 234, poz. 1536",
         ("(źródło: z praktyki: Uchwała Nr X/87/11 Rady Gminy Szydłowo z dnia 9 listopada 2011 r.", "ISAP: WDU20102341536"),),
    Case("udppw 2021", "pozytek-publiczny", "2021-03-01", "Dz. U. z 2020 r. poz. 1057",
         ("Rady Powiatu Świdwińskiego z dnia 28 października 2021 r.", "ISAP: WDU20200001057")),
    Case("uwrspz 2012 original, seen in a notice of 2014", "wspieranie-rodziny", "2012-06-01", "Dz. U. Nr 149, poz. 887",
         ("(źródło: z praktyki: Obwieszczenie Marszałka Sejmu RP z dnia 14 lipca 2014 r.", "ISAP: WDU20111490887)")),
    # 2025 poz. 49 is known only from a notice of 13 March 2025: the day before, it may not be cited as certain
    Case("uwrspz 2025 before the notice citing poz. 49", "wspieranie-rodziny", "2025-03-12", "Dz. U. z 2024 r. poz. 177",
         ("katalog zna tekst Dz. U. z 2025 r. poz. 49 bez daty ogłoszenia; jeśli ogłoszono go najpóźniej 12 marca 2025 r.",)),
    Case("uwrspz 2025", "wspieranie-rodziny", "2025-06-01", "Dz. U. z 2025 r. poz. 49",
         ("(źródło: z praktyki: Obwieszczenie Ministra Rodziny, Pracy i Polityki Społecznej z dnia 13 marca 2025 r.",)),
    Case("ufp 2010 original, year omitted", "finanse-publiczne", "2010-01-01", "Dz. U. Nr 157, poz. 1240"),
    Case("ufp same year never guessed", "finanse-publiczne", "2024-12-31", "Dz. U. z 2023 r. poz. 1270, 1273, 1407, 1429 i 1641",
         
         ("Dz. U. z 2024 r. poz. 1530 bez daty ogłoszenia; jeśli ogłoszono go najpóźniej 31 grudnia 2024 r.",)),
    Case("uoan 2020", "ogloszanie-aktow", "2020-01-01", "Dz. U. z 2019 r. poz. 1461", ("ISAP: WDU20190001461",)),
]

# A user catalog with amendments (tests/data/acts/amendments.yaml): ", " / " i " / " oraz ", "Nr", year omission.
AMENDMENTS = [
    # before 1 March 2016 the § 158 ZTP form of the time: "z późn. zm." for the amendments the catalog knows
    Case("pre-2016 amendments: z późn. zm.", "samorzad-gminny", "2003-01-01", "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.",
         ("katalog nie potwierdza, że zna wszystkie zmiany",), catalog="amendments.yaml", note_count=3),
    Case("undated amendments in on's year are not guessed", "samorzad-gminny", "2002-06-01", "Dz. U. z 2001 r. Nr 142, poz. 1591",
         ("katalog zna zmiany Dz. U. z 2002 r. Nr 23, poz. 220, Nr 62, ", "katalog zna zmiany Dz. U. z 2002 r. Nr 23, poz. 220, Nr 62, "), catalog="amendments.yaml"),
    Case("poz. 1465 i 1572", "samorzad-gminny", "2024-10-20", "Dz. U. z 2024 r. poz. 1465 i 1572",
         ("katalog zna zmianę Dz. U. z 2024 r. poz. 1907 bez daty ogłoszenia",), catalog="amendments.yaml"),
    Case("amendment announced the day after", "samorzad-gminny", "2024-10-19", "Dz. U. z 2024 r. poz. 1465",
         catalog="amendments.yaml"),
    Case("two year groups with oraz", "samorzad-gminny", "2025-01-03",
         "Dz. U. z 2024 r. poz. 1465, 1572 i 1907 oraz z 2025 r. poz. 3",
         ("zmiana Dz. U. z 2024 r. poz. 1907 jest w katalogu niezweryfikowana (źródło: dane testowe)",
          "Dz. U. z 2025 r. poz. 1153 bez daty ogłoszenia"), catalog="amendments.yaml"),
    Case("three year groups, complete and verified: certain", "ustawa-przykladowa", "2025-06-01",
         "Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3", catalog="amendments.yaml", note_count=0),
    Case("the act's own year omitted with an amendment", "ustawa-przykladowa", "2020-03-01", "Dz. U. poz. 100 i 200",
         catalog="amendments.yaml", note_count=0),
    Case("after amendments_checked", "ustawa-przykladowa", "2026-01-01",
         "Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3",
         ("katalog nie potwierdza, że zna wszystkie zmiany",), catalog="amendments.yaml", note_count=1),
]

STYLES = [
    Case("tj-ze-zm consolidated with amendments", "ustawa-przykladowa", "2025-06-01", "t.j. Dz. U. z 2023 r. poz. 40 ze zm.",
         
         style="tj-ze-zm", catalog="amendments.yaml", note_count=0),
    Case("tj-ze-zm no amendments, complete", "ustawa-przykladowa", "2023-06-01", "t.j. Dz. U. z 2023 r. poz. 40",
         style="tj-ze-zm", catalog="amendments.yaml", note_count=0),
    Case("z-pozn-zm original, complete", "ustawa-przykladowa", "2020-01-25", "Dz. U. poz. 100", style="z-pozn-zm",
         catalog="amendments.yaml", note_count=0),
    Case("z-pozn-zm original with amendment", "ustawa-przykladowa", "2020-03-01", "Dz. U. poz. 100 z późn. zm.",
         style="z-pozn-zm", catalog="amendments.yaml"),
    Case("tj-ze-zm amendments known", "samorzad-gminny", "2014-04-29", "t.j. Dz. U. z 2013 r. poz. 594 ze zm.",
         (INCOMPLETE,), style="tj-ze-zm"),
    Case("tj-ze-zm original: no t.j.", "pomoc-spoleczna", "2005-01-01", "Dz. U. Nr 64, poz. 593 ze zm.",
         style="tj-ze-zm"),
    Case("z-pozn-zm pre-2012 text", "samorzad-gminny", "2009-03-25", "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.",
         style="z-pozn-zm"),
    # A typed address is printed exactly as typed: the profile's style applies to catalog addresses only
    # (README: "a typed address wins"); these three were rewritten into the style before.
    Case("tj-ze-zm keeps a user's address as typed", "samorzad-gminny", "2014-04-29", "Dz. U. z 2013 r. poz. 594",
         address="Dz. U. z 2013 r. poz. 594", style="tj-ze-zm"),
    Case("z-pozn-zm keeps a user's original address as typed", "pomoc-spoleczna", "2005-01-01", "Dz. U. Nr 64, poz. 593",
         
         address="Dz. U. Nr 64, poz. 593", style="z-pozn-zm"),
    Case("ztp keeps the practice marks of a user's address", "pomoc-spoleczna", "2014-04-29", "tekst jednolity: Dz. U. z 2013 r. poz. 182 ze zm.",
         ("adres „Dz. U. z 2013 r. poz. 182” jest w katalogu z praktyki",), address="tekst jednolity: Dz. U. z 2013 r. poz. 182 ze zm."),
]

# A legal office's own address wins; the catalog only comments.
ADDRESSES = [
    Case("Kętrzyn u.s.g. as written", "samorzad-gminny", "2014-04-29", "Dz. U. z 2013 r. poz. 594",
         ("katalog zna zmiany Dz. U. z 2013 r. poz. 645 i 1318 oraz z 2", "katalog zna zmiany Dz. U. z 2013 r. poz. 645 i 1318 oraz z 2", "katalog nie potwierdza, że zna wszystkie zmiany"), address="Dz. U. z 2013 r. poz. 594", note_count=2),
    Case("Kętrzyn u.p.s. unverified in the catalog", "pomoc-spoleczna", "2014-04-29", "Dz. U. z 2013 r. poz. 182",
         ("adres „Dz. U. z 2013 r. poz. 182” jest w katalogu z praktyki",), address="Dz. U. z 2013 r. poz. 182"),
    Case("a newer text is known", "samorzad-gminny", "2024-11-20", "t.j. Dz. U. z 2023 r. poz. 40 ze zm.",
         ("katalog zna nowszy tekst jednolity Dz. U. z 2024 r. poz. 1465 (ogłoszony 3 października 2024 r.) — sprawdź",), address="t.j. Dz. U. z 2023 r. poz. 40 ze zm.", note_count=3),
    Case("unknown amendment in the address", "samorzad-gminny", "2024-11-20", "Dz. U. z 2024 r. poz. 1465 i 1572",
         ("katalog nie zna zmian Dz. U. z 2024 r. poz. 1572 podanych w adresie",), address="Dz. U. z 2024 r. poz. 1465 i 1572"),
    Case("known amendment, another one left out", "samorzad-gminny", "2024-11-20", "Dz.U. z 2024r. poz.1465 i 1572",
         (("katalog zna zmianę Dz. U. z 2024 r. poz. 1907, ogłoszoną po tekście Dz. U. z 2024 r. poz. 1465, której adres "
          "nie wymienia"),), address="Dz.U. z 2024r. poz.1465 i 1572", catalog="amendments.yaml"),
    Case("unknown to the catalog, and from a later year", "samorzad-gminny", "2024-11-20", "Dz. U. z 2030 r. poz. 5",
         ("podano ręcznie; katalog nie zna takiego tekstu", "ogłoszono po dniu podjęcia uchwały"),
         address="Dz. U. z 2030 r. poz. 5"),
    Case("pre-2012 address without Nr", "samorzad-gminny", "2009-03-25", "Dz. U. z 2001 r. poz. 1591",
         ("brakuje numeru Dziennika Ustaw (Nr)", "katalog podaje „Dz. U. z 2001 r. Nr 142, poz. 1591”"),
         address="Dz. U. z 2001 r. poz. 1591"),
    Case("draft with the office's address", "samorzad-gminny", None, "Dz. U. z 2024 r. poz. 1465",
         ("uchwała nie ma jeszcze daty podjęcia: zacytowano adres podany ręcznie (Dz. U. z 2024 r. poz. 1465)",
          "katalog zna nowszy tekst jednolity Dz. U. z 2025 r. poz. 1153 (z 2025 r.)"), address="Dz. U. z 2024 r. poz. 1465"),
    Case("several year groups written by the office", "samorzad-gminny", "2025-06-01",
         "Dz. U. z 2024 r. poz. 1465, 1572, 1907, z 2025 r. poz. 3",
         address="Dz. U. z 2024 r. poz. 1465, 1572, 1907, z 2025 r. poz. 3", catalog="amendments.yaml"),
    Case("an old address typed with its Nr and z późn. zm.", "samorzad-gminny", "2009-03-25",
         "Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.", address="(Dz. U. z 2001 r. Nr 142, poz. 1591 z późn. zm.)"),
]

CASES = USG + OTHERS + AMENDMENTS + STYLES + ADDRESSES


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_citation(case: Case) -> None:
    on = dt.date.fromisoformat(case.on) if case.on else None
    citation = cite(case.act, "art. 1", on, address=case.address, style=case.style, catalog=catalog_for(case.catalog),
                    currency=case.currency)
    assert citation.address_text == case.expected
    for fragment in case.notes:
        assert any(fragment in note for note in citation.notes), (fragment, citation.notes)
    if case.note_count is not None:
        assert len(citation.notes) == case.note_count, citation.notes
    assert citation.certain == (not citation.notes)


def test_enough_cases() -> None:
    assert len(CASES) >= 40


def test_the_whole_citation_reads_as_in_domain() -> None:
    citation = cite("samorzad-gminny", "art. 18 ust. 2 pkt. 15", dt.date(2024, 10, 20),
                    catalog=catalog_for("amendments.yaml"))
    assert citation.format() == ("art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
                                 "(Dz. U. z 2024 r. poz. 1465 i 1572)")
    assert citation.provision == Provision(art="18", ust="2", pkt="15")
    assert citation.provision_deviations == (Deviation.PKT_DOT,)
    assert citation.catalog_version == load_catalog().version
    assert [ref.positions for ref in (citation.text, *citation.amendments)] == [(1465,), (1572,)]


def test_without_a_provision_and_with_a_provision_object() -> None:
    bare = cite("pomoc-spoleczna", None, dt.date(2024, 1, 1))
    assert bare.format() == "ustawy z dnia 12 marca 2004 r. o pomocy społecznej (Dz. U. z 2023 r. poz. 901, 1693 i 1938)"
    given = cite("pomoc-spoleczna", Provision(art="110", ust="10"), dt.date(2024, 1, 1))
    assert given.format().startswith("art. 110 ust. 10 ustawy z dnia 12 marca 2004 r.")


def test_the_legacy_positional_call_of_compose_still_works() -> None:
    location = Location("dane.yaml", path="resolution.legal_basis[1]")
    citation = cite("pomoc-spoleczna", "art. 110 ust. 10", dt.date(2024, 11, 20), "Dz. U. z 2024 r. poz. 1283", location)
    assert citation.address_text == "Dz. U. z 2024 r. poz. 1283"


@dataclass(frozen=True)
class ErrorCase:
    id: str
    act: str
    on: str | None
    fragment: str
    hint: str | None = None
    address: str | None = None
    provision: str = "art. 18"
    style: str = "ztp"


ERRORS = [
    ErrorCase("unknown act", "samorzad-gminy", "2024-01-01", "nieznana ustawa „samorzad-gminy”",
              hint="Czy chodziło o „samorzad-gminny”? Znane ustawy: samorzad-gminny, "),
    ErrorCase("before the act", "samorzad-gminny", "1990-03-07",
              "katalog nie zna żadnego tekstu ustawy z dnia 8 marca 1990 r. o samorządzie gminnym ogłoszonego najpóźniej "
              "7 marca 1990 r.", hint="ustawa nosi datę 8 marca 1990 r."),
    ErrorCase("before the act, other statute", "wspieranie-rodziny", "2010-12-31", "katalog nie zna żadnego tekstu"),
    ErrorCase("malformed address", "samorzad-gminny", "2024-01-01", "nie rozpoznano adresu publikacji „Dziennik 2024”",
              hint="Dz. U. z 2013 r. poz. 594", address="Dziennik 2024"),
    ErrorCase("malformed provision", "samorzad-gminny", "2024-01-01",
              "nie rozpoznano przepisu „art. ust. 2”: po „art.” brakuje numeru artykułu", provision="art. ust. 2"),
    ErrorCase("unknown style", "samorzad-gminny", "2024-01-01", "nieznany styl cytowania „apa”",
              hint="ztp, tj-ze-zm, z-pozn-zm", style="apa"),
]


@pytest.mark.parametrize("case", ERRORS, ids=[case.id for case in ERRORS])
def test_errors_are_located_and_explained(case: ErrorCase) -> None:
    location = Location("uchwala.yaml", 12, 5, "resolution.legal_basis[0]")
    with pytest.raises(LegalBasisError) as caught:
        cite(case.act, case.provision, dt.date.fromisoformat(case.on) if case.on else None, address=case.address,
             style=case.style, location=location)
    assert case.fragment in caught.value.message
    assert caught.value.location == location
    if case.hint:
        assert caught.value.hint and case.hint in caught.value.hint


def test_unknown_act_lists_the_closest_key_first() -> None:
    with pytest.raises(LegalBasisError) as caught:
        cite("pomoc-spoleczn", "art. 1", None)
    hint = caught.value.hint or ""
    assert hint.index("pomoc-spoleczna") < hint.index("samorzad-gminny")
    for key in load_catalog().acts:
        assert key in hint


@pytest.mark.parametrize("address", [
    "tj. z 2010 r. Dz. U. Nr 234, poz.1536",  # Szydłowo X/87/11: the mark and the year before the journal
    "Dz. U. Nr. 142 poz. 1591 z 2001 roku z późniejszymi zmianami",  # Ząbkowice Śląskie XIV/56/2011
])
def test_an_unreadable_address_is_printed_as_typed_when_a_build_asks(address: str) -> None:
    location = Location("uchwala.yaml", 12, 5, "resolution.legal_basis[0]")
    with pytest.raises(LegalBasisError):  # the default: an error (paldocs acts cite --address)
        cite("samorzad-gminny", "art. 18", dt.date(2011, 6, 10), address=address, location=location)
    citation = cite("samorzad-gminny", "art. 18", dt.date(2011, 6, 10), address=f" ({address}) ", location=location,
                    unreadable_address="note")
    assert citation.format().endswith(f"o samorządzie gminnym ({address})")
    assert citation.text is None and citation.amendments == () and not citation.certain
    assert len(citation.notes) == 1 and citation.notes[0].startswith(f"nie odczytano adresu publikacji „{address}”")
    assert "nie porównano z katalogiem aktów" in citation.notes[0]
