"""The import log: what the importer recognised, kept as plain Markdown, and dropped on purpose.

Contract: importers call :meth:`ImportLog.recognised` (a structure was understood: "numer uchwały",
"podstawa prawna (2 przepisy)", "rozdział „Cele szczegółowe”"), :meth:`ImportLog.kept` (text kept as Markdown
content because its structure was not understood) and :meth:`ImportLog.dropped` (text left out on purpose, with
the reason: a page number, website boilerplate, a conversion artefact, a duplicate of a scanned signature) and
:meth:`ImportLog.changed` (text repaired: the words before and after). Every entry names the input line.
``dropped_words`` and the changed entries feed the "nothing lost" accounting: every input word is in the built
document, in a dropped entry, or in the "before" of a changed one. :meth:`summary` is the Polish text ``paldocs import`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntryKind = Literal["recognised", "kept", "dropped", "changed"]


@dataclass(frozen=True, slots=True)
class LogEntry:
    kind: EntryKind
    line: int  # 1-based line (text, Markdown) or paragraph number (DOCX) in the input
    what: str  # Polish: what was recognised / kept / dropped
    text: str = ""  # the input text concerned (for dropped and kept entries: the exact words)
    after: str = ""  # changed entries: the text that replaced ``text``


@dataclass(slots=True)
class ImportLog:
    source: str
    entries: list[LogEntry] = field(default_factory=list)

    def recognised(self, line: int, what: str, text: str = "") -> None:
        self.entries.append(LogEntry("recognised", line, what, text))

    def kept(self, line: int, what: str, text: str) -> None:
        self.entries.append(LogEntry("kept", line, what, text))

    def dropped(self, line: int, why: str, text: str) -> None:
        self.entries.append(LogEntry("dropped", line, why, text))

    def changed(self, line: int, why: str, before: str, after: str) -> None:
        """A repair of the input's text (mojibake, "późń." → "późn.", "roku" → "r."): the words before and after."""
        self.entries.append(LogEntry("changed", line, why, before, after))

    def of_kind(self, kind: EntryKind) -> list[LogEntry]:
        return [entry for entry in self.entries if entry.kind == kind]

    def dropped_words(self) -> list[str]:
        return [word for entry in self.of_kind("dropped") for word in entry.text.split()]

    def summary(self) -> str:
        lines = [f"Import z {self.source}:"]
        for kind, title in (("recognised", "rozpoznano"), ("kept", "zachowano jako tekst (Markdown)"),
                            ("dropped", "pominięto celowo"), ("changed", "poprawiono")):
            entries = self.of_kind(kind)  # type: ignore[arg-type]
            lines.append(f"  {title}: {len(entries)}")
            lines.extend(f"    wiersz {entry.line}: {entry.what}"
                         + (f" — „{_short(entry.text)}”" if entry.text and kind != "recognised" else "")
                         + (f" → „{_short(entry.after)}”" if kind == "changed" else "")
                         for entry in entries)
        return "\n".join(lines) + "\n"


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
