"""Text fields as sources deliver them → text the content files can hold.

Single-line fields (titles, names, numbers) arrive wrapped, with tabs, control characters
or invisible direction and zero-width characters; check refuses those in single-line
fields, so the importers fold and drop them here, in one place.
"""

from __future__ import annotations

import re

from generator.reading.fields import INVISIBLE_CHARACTERS

_MEETING_NUMBER = re.compile(r"(?:^|\()(\d+)\.\s*Sitzung")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNSEEN = re.compile("[" + "".join(INVISIBLE_CHARACTERS) + "]")


def single_line(value: object) -> str | None:
    """A single-line field: line breaks are wrapping; characters nobody sees are dropped."""
    if isinstance(value, str):
        text = " ".join(_UNSEEN.sub("", _CONTROL.sub(" ", value)).split())
        return text or None
    return None


def meeting_number(name: str | None) -> int | None:
    """The running number in a meeting's name: "16. Sitzung …", "Gemeinderat (16. Sitzung)"."""
    match = _MEETING_NUMBER.search(name or "")
    return int(match.group(1)) if match else None


def multiline(value: object) -> str | None:
    """A text of paragraphs: line breaks stay, control characters go."""
    if isinstance(value, str):
        text = _CONTROL.sub("", value).strip()
        return text or None
    return None
