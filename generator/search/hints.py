"""What the search page needs to know about the archive to read a query as people type it.

- the archive's vocabulary, for "did you mean" when a word has no hit: a plain text file
  the search page loads only then, once (never per keystroke, never for a query with hits);
- the reference format ("2023/0089": year first, four digits), so that "89/2023",
  "2023/89" and "Drucksache 2023/0089" are all read as that reference;
- the synonym groups of ``synonyms.yml``, handed on unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.archive import urls
from generator.archive.model import Resolution
from generator.rendering.generated import GeneratedFile
from generator.search.compounds import distinct_words

VOCABULARY_FILE = "wortschatz.txt"
"""Below the search page's folder: ``suche/wortschatz.txt``."""
MIN_WORD = 4
"""Shorter words are not corrected: one wrong letter in three is another word."""

_REFERENCE = re.compile(r"(?:19|20)\d\d/(\d+)")


def vocabulary(resolutions: Iterable[Resolution]) -> tuple[str, ...]:
    """The archive's words in lower case, the most widely used first (so that among
    equally close corrections the common word wins), then alphabetical."""
    in_resolutions: Counter[str] = Counter()
    for resolution in resolutions:
        texts = (resolution.title, resolution.text, resolution.discussion, *resolution.topics)
        in_resolutions.update(
            {word.lower() for word in distinct_words(texts) if len(word) >= MIN_WORD}
        )
    return tuple(sorted(in_resolutions, key=lambda word: (-in_resolutions[word], word)))


def vocabulary_file(words: Iterable[str]) -> GeneratedFile:
    return GeneratedFile.text(f"{urls.SEARCH}{VOCABULARY_FILE}", "\n".join(words) + "\n")


def reference_digits(references: Iterable[str]) -> int | None:
    """The width of the number in "year/number" references, if the archive has one format.

    0 means year first with numbers of varying width; None means some reference does not
    look like "year/number" at all, so the search takes reference numbers only as typed.
    """
    widths: set[int] = set()
    for reference in references:
        match = _REFERENCE.fullmatch(reference)
        if match is None:
            return None
        widths.add(len(match.group(1)))
    if not widths:
        return None
    return widths.pop() if len(widths) == 1 else 0
