"""Split German compounds into their parts, using the archive's own vocabulary as lexicon.

Pagefind stems German words but does not split compounds, so "Satzung" would not find
"Haushaltssatzung". The search markup adds a compound's parts as hidden keywords.

A word is split where both halves are words that occur in the archive (after removing a
linking element such as the "s" in "Haushalts|satzung"). The lexicon comes from the
archive itself, so the splitter needs no external data, knows the council's own
vocabulary ("Kita", "Bebauungsplan") and never invents a part that no page contains.
Preferred over the PyPI charsplit packages: ``compound-split`` is unmaintained since 2020,
GPL-3.0, imports ~50 MB of Python dictionaries and always proposes a split, even for
"Beratung"; ``charsplit-fst`` needs Python >= 3.12.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MIN_PART = 3
"""Shortest part: "Rat" in "Stadtrat" and "Ratsbeschluss" must count."""

_WORD = re.compile(r"[^\W\d_]+")

# Function words and verb prefixes that are also words: "ein|stimmig", "vor|lage",
# "unter|haltung" must not be split at them.
_STOPWORD_TEXT = """
    aber alle allem allen aller alles als also am an auch auf aus bei beim bis bzw da
    damit dann das dass dem den denn der des dessen die dies diese diesem diesen dieser
    dieses doch dort durch ein eine einem einen einer eines er es etc für gegen hat
    haben hier ihr ihre im in ins ist jede jedem jeden jeder jedes kein keine man mit
    nach neben nicht noch nur ob oder ohne seit sich sie sind so sowie über um und uns
    unter usw vom von vor war wenn werden wie wir wird wurde wurden zu zum zur zwischen
    ab ander andere anders hin her wieder wider mehr sehr
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Linking elements (Fugenelemente) in the order they are tried: "Haushalt-s-", "Bund-es-",
# "Straße-n-", "Kind-er-"; "+e" restores a dropped "e" ("Schul|weg" from "Schule").
_LINKING_SUFFIXES = ("", "s", "es", "n", "en", "er", "e")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def distinct_words(texts: Iterable[str]) -> set[str]:
    """The distinct words of ``texts``, as ``words`` finds them.

    Splitting at whitespace first and running the pattern only over the distinct tokens
    gives the same set about three times faster: a text repeats its tokens many times.
    """
    tokens: set[str] = set()
    for text in texts:
        tokens.update(text.split())
    found: set[str] = set()
    for token in tokens:
        found.update(_WORD.findall(token))
    return found


class CompoundSplitter:
    """Splits words into parts known to a lexicon; build it once per archive."""

    __slots__ = ("_lexicon", "_split")

    def __init__(self, vocabulary: Iterable[str]) -> None:
        # Deduplicate before lowering and filtering: an archive repeats its words millions
        # of times but has only tens of thousands of distinct ones.
        distinct = {raw.lower() for raw in set(vocabulary)}
        self._lexicon = frozenset(
            word for word in distinct if len(word) >= MIN_PART and word not in STOPWORDS
        )
        # lower(), not casefold(): casefold turns "ß" into "ss", which no page contains.
        self._split = lru_cache(maxsize=65_536)(self._split_uncached)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> CompoundSplitter:
        return cls(distinct_words(texts))

    @property
    def lexicon(self) -> frozenset[str]:
        """The known words. ``parts(word)`` looks up only substrings of the word, some with
        an "e" added: a word none of whose substrings (nor they + "e") changed membership
        splits alike with another lexicon (what the incremental build relies on)."""
        return self._lexicon

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._lexicon

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of a compound (lower case, modifiers first), or () if it is none.

        Sub-compounds are split too: "Bebauungsplanverfahren" gives "bebauung", "plan",
        "verfahren" (and "planverfahren" when the archive uses that word). A known word can
        still split wrongly when both halves are words of the archive ("Haus|halt" if
        "halt" occurs): the price of needing no external dictionary.
        """
        return self._split(word.lower()) or ()

    def _known_stem(self, modifier: str) -> str | None:
        for suffix in _LINKING_SUFFIXES:
            if suffix == "e":
                candidate = modifier + "e"
            elif suffix:
                if not modifier.endswith(suffix):
                    continue
                candidate = modifier[: -len(suffix)]
            else:
                candidate = modifier
            if len(candidate) >= MIN_PART and candidate in self._lexicon:
                return candidate
        return None

    def _split_uncached(self, word: str) -> tuple[str, ...] | None:
        # The head is the last part of a German compound; prefer the longest known head,
        # which keeps "Haushalt" whole instead of splitting it into "Haus|halt".
        for position in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[position:]
            if head not in self._lexicon:
                continue
            modifier = word[:position]
            stem = self._known_stem(modifier)
            if stem is not None:
                modifier_parts: tuple[str, ...] = (stem,)
            else:
                # An unknown modifier may itself be a compound: "Bauleit|planung".
                inner = self._split(modifier)
                if inner is None:
                    continue
                modifier_parts = inner
            head_parts = self._split(head) or ()
            return _unique((*modifier_parts, head, *head_parts))
        return None


def _unique(parts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(parts))
