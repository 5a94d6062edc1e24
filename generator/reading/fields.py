"""Typed reading of YAML values, turning every mismatch into a problem an editor can act on.

A ``FieldReader`` wraps one parsed document. Each ``read_*`` method returns the value in
the expected type, or None after recording a problem that names the line, the field and
what was expected. It never raises on bad input.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import re
from collections.abc import Collection, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from generator.archive import labels
from generator.archive.problems import Problem, error, note, warning
from generator.reading.yaml_source import KeyPath, YamlDocument, format_key_path

E = TypeVar("E", bound=StrEnum)

IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INVISIBLE_CHARACTERS = {
    "\u202a": "Einbettung links-nach-rechts",
    "\u202b": "Einbettung rechts-nach-links",
    "\u202c": "Ende einer Einbettung",
    "\u202d": "Erzwingung links-nach-rechts",
    "\u202e": "Schreibrichtungs-Umkehrung",
    "\u2066": "Isolierung links-nach-rechts",
    "\u2067": "Isolierung rechts-nach-links",
    "\u2068": "Isolierung nach erstem Zeichen",
    "\u2069": "Ende einer Isolierung",
    "\u200e": "Markierung links-nach-rechts",
    "\u200f": "Markierung rechts-nach-links",
    "\u061c": "arabische Schreibrichtungsmarke",
    "\u200b": "Leerzeichen ohne Breite",
    "\u200c": "Bindungsverhinderer ohne Breite",
    "\u200d": "Verbinder ohne Breite",
    "\u2060": "Wortverbinder ohne Breite",
    "\ufeff": "Byte-Reihenfolge-Marke ohne Breite",
}
"""Characters that change how the text around them is shown, or do not show at all: in a
title an override can make "2021" read "1202", and two names that look equal differ."""
_INVISIBLE = re.compile("[" + "".join(INVISIBLE_CHARACTERS) + "]")
EARLIEST_DATE = datetime.date(1800, 1, 1)
YEARS_AHEAD = 5
"""A date more than this many years ahead is a typo (9999, 2202), not a plan."""
_MISREAD_AS = {
    bool: "einen Wahrheitswert (ja/nein)",
    int: "eine Zahl",
    float: "eine Zahl",
    datetime.date: "ein Datum",
}


def latest_date() -> datetime.date:
    """The last plausible date: the end of the year ``YEARS_AHEAD`` years from now."""
    return datetime.date(datetime.date.today().year + YEARS_AHEAD, 12, 31)


def describe(value: object) -> str:
    if value is None:
        return "nichts (leer)"
    if isinstance(value, dict):
        return "eine Zuordnung (Feld: Wert)"
    if isinstance(value, list):
        return "eine Liste"
    return f"'{value}'"


class FieldReader:
    def __init__(self, document: YamlDocument, path: Path, *, imported: bool = False) -> None:
        self.document = document
        self.path = path
        self.imported = imported
        """Whether the file came from an importer: its gaps are then facts of the source."""
        self.problems: list[Problem] = []

    # -- locating -----------------------------------------------------------------------

    def position(self, key_path: KeyPath) -> tuple[int, int]:
        marks = self.document.marks
        while key_path not in marks and key_path:
            key_path = key_path[:-1]
        return marks.get(key_path, (1, 0))

    def fail(self, key_path: KeyPath, message: str) -> None:
        line, column = self.position(key_path)
        self.problems.append(
            error(self.path, line, column, format_key_path(key_path) or None, message)
        )

    def warn(self, key_path: KeyPath, message: str) -> None:
        line, column = self.position(key_path)
        self.problems.append(
            warning(self.path, line, column, format_key_path(key_path) or None, message)
        )

    def gap(self, key_path: KeyPath, message: str) -> None:
        """Something the record does not say. In an imported file that is how the source
        is (a note, which never fails a run); in a hand-written one an editor can fix it."""
        if not self.imported:
            self.warn(key_path, message)
            return
        line, column = self.position(key_path)
        self.problems.append(
            note(self.path, line, column, format_key_path(key_path) or None, message)
        )

    def _got(self, key_path: KeyPath, value: object) -> str:
        """Describe a wrongly typed value; explain YAML's implicit conversions."""
        spelled = self.document.spelling.get(key_path)
        misread = _MISREAD_AS.get(type(value))
        if spelled is not None and misread is not None:
            return (
                f"'{spelled}', was YAML als {misread} liest; "
                f'setzen Sie Text in Anführungszeichen: "{spelled}"'
            )
        return describe(value)

    # -- structure ----------------------------------------------------------------------

    def mapping(
        self,
        key_path: KeyPath,
        value: object,
        *,
        known: Collection[str],
        required: Iterable[str] = (),
        what: str = "Zuordnung",
    ) -> dict[str, object] | None:
        """Check a mapping: unknown keys are errors (with a suggestion), required keys present."""
        if not isinstance(value, dict):
            self.fail(key_path, f"erwartet eine {what} mit Feldern, gefunden {describe(value)}")
            return None
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f"; meinten Sie '{close[0]}'?" if close else ""
                allowed = ", ".join(sorted(known))
                self.fail((*key_path, key), f"unbekanntes Feld{hint} (erlaubt: {allowed})")
        for key in required:
            if value.get(key) is None:
                if key in value:
                    self.fail((*key_path, key), "das Feld ist leer; es muss ausgefüllt sein")
                else:
                    self.fail(key_path, f"Pflichtfeld '{key}' fehlt")
        return value

    def list_of(self, key_path: KeyPath, value: object) -> list[object]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(
                key_path, f"erwartet eine Liste (Zeilen mit '- '), gefunden {describe(value)}"
            )
            return []
        return value

    # -- scalars ------------------------------------------------------------------------

    def text(self, key_path: KeyPath, value: object, *, multiline: bool = False) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(key_path, f"erwartet einen Text, gefunden {self._got(key_path, value)}")
            return None
        stripped = value.strip()
        if not stripped:
            self.fail(key_path, "der Text ist leer")
            return None
        if not multiline and "\n" in stripped:
            self.fail(key_path, "erwartet einen Text in einer Zeile")
            return None
        invisible = _INVISIBLE.search(stripped)
        if not multiline and invisible is not None:
            character = invisible.group(0)
            self.fail(
                key_path,
                f"der Text enthält das unsichtbare Steuerzeichen U+{ord(character):04X} "
                f"({INVISIBLE_CHARACTERS[character]}) an Stelle {invisible.start() + 1}; "
                "löschen Sie es (im Editor mit den Pfeiltasten zu finden)",
            )
            return None
        return stripped

    def identifier(self, key_path: KeyPath, value: object) -> str | None:
        text = self.text(key_path, value)
        if text is None:
            return None
        if not IDENTIFIER.match(text):
            self.fail(
                key_path,
                "erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen "
                f"wie 'ha-2020-017', gefunden '{text}'",
            )
            return None
        return text

    def date(self, key_path: KeyPath, value: object) -> datetime.date | None:
        if value is None:
            return None
        date: datetime.date | None = None
        if isinstance(value, datetime.date):
            date = value
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):
                date = datetime.date.fromisoformat(value.strip())
        if date is None:
            self.fail(key_path, f"erwartet ein Datum wie 2020-04-17, gefunden {describe(value)}")
            return None
        latest = latest_date()
        if not EARLIEST_DATE <= date <= latest:
            self.fail(
                key_path,
                f"das Datum {date.isoformat()} ist nicht plausibel; erwartet ein Datum "
                f"zwischen {EARLIEST_DATE.isoformat()} und {latest.isoformat()}, "
                "prüfen Sie die Jahreszahl",
            )
            return None
        return date

    def integer(self, key_path: KeyPath, value: object, *, minimum: int = 0) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key_path, f"erwartet eine ganze Zahl, gefunden {describe(value)}")
            return None
        if value < minimum:
            self.fail(key_path, f"erwartet eine Zahl ab {minimum}, gefunden {value}")
            return None
        return value

    def boolean(self, key_path: KeyPath, value: object) -> bool | None:
        if value is None:
            return None
        if not isinstance(value, bool):
            self.fail(key_path, f"erwartet true oder false, gefunden {describe(value)}")
            return None
        spelled = self.document.spelling.get(key_path, "")
        if spelled.lower() not in ("true", "false"):
            self.fail(
                key_path,
                f"erwartet true oder false, gefunden '{spelled}'; "
                "schreiben Sie true oder false, damit keine Verwechslung möglich ist",
            )
            return None
        return value

    def choice(self, key_path: KeyPath, value: object, enum: type[E]) -> E | None:
        text = self.text(key_path, value)
        if text is None:
            return None
        try:
            return enum(text)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            close = difflib.get_close_matches(text, [m.value for m in enum], n=1, cutoff=0.6)
            hint = f"; meinten Sie '{close[0]}'?" if close else ""
            german = _german_match(text, enum)
            if german is not None:
                # The file keeps one spelling (the OParl-style English value), so the
                # German word is not taken as is; it names the value the editor meant.
                hint = f"; meinten Sie '{german.value}' (= {labels.german_label(german)})?"
            self.fail(key_path, f"unbekannter Wert '{text}'{hint} (erlaubt: {allowed})")
            return None

    def text_list(self, key_path: KeyPath, value: object) -> tuple[str, ...]:
        items = []
        for index, item in enumerate(self.list_of(key_path, value)):
            text = self.text((*key_path, index), item)
            if text is not None:
                items.append(text)
        return tuple(items)


def _german_match(text: str, enum: type[E]) -> E | None:
    """The value a German word (or a near misspelling of one) stands for."""
    words = labels.german_words(enum)
    word = text.casefold()
    if word not in words:
        close = difflib.get_close_matches(word, list(words), n=1, cutoff=0.8)
        if not close:
            return None
        word = close[0]
    member = words[word]
    assert isinstance(member, enum)
    return member
