"""First names by gender, for the signature check (PD059): a woman's name or a man's, or nothing when unsure.

Contract: :func:`first_name_gender` answers from the lists below and the ending -a, without loading a dictionary
(`paldocs check` starts without morfeusz2); the tests compare the lists with the SGJP dictionary (morfeusz2).
"""

from __future__ import annotations

from typing import Literal

Gender = Literal["k", "m"]

# A Polish woman's name ends in -a; the exceptions are the men's names in -a below. A man is recognised only by a name of the list (a name without -a may be
# a woman's: Beatrycze, Miriam, Noemi, Ingrid), and names used for both, or foreign ones SGJP lacks, are never judged.
_MEN = frozenset("""
Adam Adrian Albert Aleksander Alfred Alojzy Ambroży Andrzej Antoni Arkadiusz Artur Bartłomiej Bartosz Bazyli Benedykt
Bernard Błażej Bogdan Bogumił Bogusław Bohdan Bolesław Bonifacy Borys Bożydar Bronisław Celestyn Cezary Cyprian
Czesław Damian Daniel Dariusz Dawid Dionizy Dobromir Dobrosław Dominik Edmund Edward Emil Ernest Eryk Erwin Eugeniusz
Euzebiusz Fabian Feliks Filip Florian Franciszek Fryderyk Gabriel Gerard Gniewomir Gracjan Grzegorz Gustaw Henryk
Herbert Hieronim Hilary Hipolit Hubert Ignacy Igor Innocenty Ireneusz Iwo Izydor Jacek Jacenty Jakub Jan Janusz
Jarosław Jędrzej Jerzy Joachim Jonasz Józef Julian Juliusz Kacper Kamil Karol Kazimierz Konrad Konstanty Kornel
Krystian Krzysztof Ksawery Lech Leon Leonard Leopold Lesław Leszek Longin Lubomir Lucjan Ludomir Ludwik Łukasz Maciej
Maksymilian Marceli Marcel Marcin Marcjan Marek Marian Mariusz Mateusz Michał Mieczysław Mikołaj Miłosz Mirosław
Mścisław Nikodem Norbert Oktawian Olaf Olgierd Oliwer Oskar Patrycjusz Patryk Paweł Piotr Przemysław Radomir Radosław
Rafał Rajmund Remigiusz Robert Roman Romuald Rufin Ryszard Sebastian Seweryn Sławomir Stanisław Stefan Sylwester
Sylwiusz Szczepan Szymon Tadeusz Teodor Tobiasz Tomasz Tymoteusz Tytus Urban Wacław Waldemar Walenty Walerian
Wawrzyniec Wiesław Wiktor Wincenty Wit Witold Władysław Włodzimierz Wojciech Zbigniew Zbysław Zdzisław Zenobiusz
Zenon Ziemowit Zygmunt
""".split())
MEN_IN_A = frozenset("Barnaba Bonawentura Ilja Jarema Kosma Kuba Misza Zawisza".split())
# Used for women and men in Poland, or foreign forms SGJP does not list: not judged.
BOTH_GENDERS = frozenset("Andrea Jona Kostia Luca Nicola Nikita Sasza".split())


def first_name_gender(name: str) -> Gender | None:
    """"k" or "m" for a first name whose gender is certain (see the lists above); None: not judged."""
    normal = name[:1].upper() + name[1:].lower()
    if normal in BOTH_GENDERS:
        return None
    if normal in _MEN or normal in MEN_IN_A:
        return "m"
    return "k" if normal.endswith("a") and normal[:-1].isalpha() else None


def men_names() -> frozenset[str]:
    """Every man's name the rule recognises (the tests compare it with the dictionary)."""
    return _MEN | MEN_IN_A
