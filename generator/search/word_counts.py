"""The archive's words counted once per resolution and kept in the build folder: a build
after an edit counts the edited resolution's words again, not every text of the archive.

What is kept: for each resolution, the digest of what its words come from and its words
(``hints.archive_words``); and the archive's ``WordUses`` they add up to. A build
subtracts the words of each resolution that changed or went and adds those of each that
changed or came, so the sums are exactly what counting everything gives. The compound
splitter's lexicon (``markup.archive_splitter``: every word of title, text, discussion
and topics) is made from the same words.

The file is salted with the program's fingerprint and replaced by renaming a complete new
one; whatever is wrong with it is a file not kept, and every resolution is counted.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.archive.model import Resolution
from generator.search.compounds import CompoundSplitter, distinct_words
from generator.search.hints import MIN_COUNTED, WordUses, archive_words, words_of

FORMAT = 1


@dataclass(frozen=True, slots=True)
class ArchiveWords:
    uses: WordUses
    """The archive's ``WordUses``."""
    splitter: CompoundSplitter
    """The same as ``markup.archive_splitter`` of the archive."""


Counted = tuple[str, bytes, bytes]
"""A resolution's key, its ``archive_words`` and the words only the lexicon has (both
UTF-8, separated by spaces)."""


class WordCounts:
    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.counted: dict[str, Counted] = {}
        self.uses: WordUses = Counter()
        self.extra: Counter[str] = Counter()
        self.recounted = 0
        self._changed = False
        gc.disable()  # tens of thousands of objects: a collection per thousand is waste
        try:
            with path.open("rb") as stream:  # the build folder's own file
                if pickle.load(stream) != (FORMAT, salt):
                    return
                counted, uses, extra = pickle.load(stream)
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        finally:
            gc.enable()
        self.counted, self.uses, self.extra = counted, uses, extra

    def count(
        self, resolutions: Sequence[Resolution], identities: Mapping[str, str]
    ) -> ArchiveWords:
        """The archive's words, counting only the resolutions whose key changed.
        ``identities``: resolution id → digest of its file (``KeptReads.identities``);
        a resolution without one is keyed by the digest of its texts."""
        current = {resolution.id for resolution in resolutions}
        for gone in [ident for ident in self.counted if ident not in current]:
            self._take(self.counted.pop(gone))
        for resolution in resolutions:
            key = identities.get(resolution.id) or _digest(resolution)
            previous = self.counted.get(resolution.id)
            if previous is not None and previous[0] == key:
                continue
            if previous is not None:
                self._take(previous)
            found = distinct_words((resolution.title, resolution.text, resolution.discussion))
            words = archive_words(resolution, found)
            extra = _lexicon_only(found | distinct_words(resolution.topics), words)
            self.uses.update(words)
            self.extra.update(extra)
            self.counted[resolution.id] = (
                key,
                " ".join(sorted(words)).encode("utf-8"),
                " ".join(sorted(extra)).encode("utf-8"),
            )
            self.recounted += 1
        return ArchiveWords(
            uses=self.uses, splitter=CompoundSplitter([*words_of(self.uses), *self.extra])
        )

    def _take(self, counted: Counted) -> None:
        """Subtract a resolution's words (its text changed, or it is gone)."""
        self._changed = True
        for total, words in ((self.uses, counted[1]), (self.extra, counted[2])):
            for word in words.decode("utf-8").split():
                total[word] -= 1
                if total[word] <= 0:
                    del total[word]

    def save(self) -> None:
        if not self.recounted and not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump((FORMAT, self.salt), stream, protocol=5)
            pickle.dump((self.counted, self.uses, self.extra), stream, protocol=5)
        temporary.replace(self.path)


def _digest(resolution: Resolution) -> str:
    texts = (resolution.title, resolution.text, resolution.discussion, *resolution.topics)
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()


def _lexicon_only(found: set[str], counted: set[str]) -> set[str]:
    """Words of the splitter's lexicon that ``archive_words`` does not count: those
    shorter than ``MIN_COUNTED`` letters whose lower case is longer ("İz")."""
    return {
        low for word in found if len(word) < MIN_COUNTED and len(low := word.lower()) >= MIN_COUNTED
    } - counted
