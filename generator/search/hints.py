"""What the search page needs to know about the archive to read a query as people type it.

- the archive's words with the number of resolutions using each (``WordUses``): counted
  once per build, from the words the resolution page stage already finds in each
  resolution for its compound keywords (``archive_words``, wherever a page is rendered), and
  shared by the vocabulary below and the synonym map (``search.synonym_map``);
- the archive's vocabulary, for "did you mean" when a word has no hit: a plain text file
  the search page loads only then, once (never per keystroke, never for a query with hits);
- the reference format ("2023/0089": year first, four digits), so that "89/2023",
  "2023/89" and "Drucksache 2023/0089" are all read as that reference;
- the synonym groups of ``synonyms.yml``, handed on unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Set

from generator.archive import urls
from generator.archive.model import Resolution
from generator.rendering.generated import GeneratedFile
from generator.search.compounds import distinct_words

VOCABULARY_FILE = "wortschatz.txt"
"""Below the search page's folder: ``suche/wortschatz.txt``."""
MIN_WORD = 4
"""Shorter words are not corrected: one wrong letter in three is another word."""
MIN_COUNTED = 3
"""Shortest word counted in ``WordUses`` (the synonym map's shortest word)."""

WordUses = Counter[str]
"""Lower-case word → the number of resolutions whose title, text, discussion or topics
use it (words of ``MIN_COUNTED`` letters or more, as written); and ``LOWER_CASE`` + word →
the number of those that write it in lower case somewhere, which a German noun never is
(the synonym map takes only nouns for a noun: ``search.synonym_map``). The marked keys are
no words: ``words_of`` leaves them out."""
LOWER_CASE = "_"
"""Marks the lower-case counts in ``WordUses``: no word of the archive contains it."""

_REFERENCE = re.compile(r"(?:19|20)\d\d/(\d+)")


def archive_words(resolution: Resolution, found: Set[str] | None = None) -> set[str]:
    """The words ``WordUses`` counts of one resolution. ``found``: the distinct words
    (``distinct_words``) of its title, text and discussion, if the caller has them."""
    if found is None:
        found = distinct_words((resolution.title, resolution.text, resolution.discussion))
    counted = {word.lower() for word in found if len(word) >= MIN_COUNTED}
    counted.update(
        word.lower() for word in distinct_words(resolution.topics) if len(word) >= MIN_COUNTED
    )
    counted.update(LOWER_CASE + word for word in found if word[0].islower() and len(word) >= 3)
    return counted


def words_of(uses: WordUses) -> list[str]:
    """The words ``uses`` counts, without the marked lower-case counts."""
    return [word for word in uses if not word.startswith(LOWER_CASE)]


def lower_case_share(uses: WordUses, word: str) -> float:
    """The share of the resolutions using ``word`` that write it in lower case somewhere."""
    return uses[LOWER_CASE + word] / uses[word] if uses[word] else 0.0


def word_uses(resolutions: Iterable[Resolution]) -> WordUses:
    """``WordUses`` counted here, for a build whose page stage did not count them (the
    preview); a full build counts them while rendering the resolution pages."""
    uses: WordUses = Counter()
    for resolution in resolutions:
        uses.update(archive_words(resolution))
    return uses


def vocabulary(uses: WordUses) -> tuple[str, ...]:
    """The archive's words in lower case, the most widely used first (so that among
    equally close corrections the common word wins), then alphabetical."""
    words = [word for word in words_of(uses) if len(word) >= MIN_WORD]
    return tuple(sorted(words, key=lambda word: (-uses[word], word)))


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
