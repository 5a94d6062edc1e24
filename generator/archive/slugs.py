"""Readable German URL slugs: NFC first, then ä→ae, ö→oe, ü→ue, ß→ss, then ASCII."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def slugify(text: str, *, max_length: int = 80) -> str:
    """``"Ausschuss für Straßenbau"`` → ``"ausschuss-fuer-strassenbau"``; never empty."""
    text = unicodedata.normalize("NFC", text).translate(_GERMAN)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "ohne-titel"
