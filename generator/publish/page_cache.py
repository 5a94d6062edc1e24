"""Rendered resolution pages kept in the build folder, so a build renders only the pages
whose inputs changed.

Each page is stored under the SHA-256 of everything it is made from (``digest`` of the
resolution, its committee, its neighbours, the registry, the settings, the search lexicon
…, see ``pages.resolution``), salted with the program's fingerprint (``build_state``): a
new program version, theme or config finds no page. A page whose inputs hash the same is
the same page, so the build's output is byte-identical to a clean build's.

The file is replaced by renaming a complete new one, so a killed build leaves the old
cache (still correct for the inputs it names) or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

Rendered = tuple[str, str, str, str, tuple[tuple[int, int], ...], str, str]
"""What ``pages.resolution._render`` gives: url, title, content, head, spans, words and the
words it counts for the search page's vocabulary."""

FORMAT = 4


def digest(value: object) -> str:
    """The SHA-256 of ``value`` pickled: equal inputs give equal digests across processes
    (the inputs are tuples, strings, dates and frozen dataclasses, pickled in field order)."""
    return hashlib.sha256(pickle.dumps(value, protocol=5)).hexdigest()


class PageCache:
    """Each page is kept pickled on its own: a build unpickles only the pages it reuses and
    pickles only those it rendered, and the file is written as a mapping of ready bytes
    (pickling ten thousand pages' text anew took longer than writing it)."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.previous: dict[str, tuple[str, bytes]] = {}
        self.current: dict[str, tuple[str, bytes]] = {}
        self.previous_lexicon: frozenset[str] | None = None
        self.lexicon: frozenset[str] | None = None
        """The compound splitter's lexicon the kept pages are right for (None: no search)."""
        self.hits = 0
        self.misses = 0
        try:
            with path.open("rb") as stream:
                stored = pickle.load(stream)  # the build folder's own file
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        if isinstance(stored, dict) and stored.get("key") == (FORMAT, salt):
            self.previous = stored["pages"]
            self.previous_lexicon = stored["lexicon"]

    def changed_words(self, lexicon: frozenset[str] | None) -> tuple[str, ...] | None:
        """What a kept page's words must not contain to be right with ``lexicon`` (the
        words that entered or left it, without a final "e": see ``CompoundSplitter``);
        None if no kept page can be (the search was switched on or off)."""
        self.lexicon = lexicon
        if lexicon is None or self.previous_lexicon is None:
            return () if lexicon is self.previous_lexicon else None
        return tuple(sorted({word.removesuffix("e") for word in lexicon ^ self.previous_lexicon}))

    def get(self, url: str, key: str, *, usable: bool = True) -> Rendered | None:
        found = self.previous.get(url)
        if not usable or found is None or found[0] != key:
            self.misses += 1
            return None
        try:
            rendered: Rendered = pickle.loads(found[1])
        except Exception:  # a damaged entry is a page to render
            self.misses += 1
            return None
        self.hits += 1
        self.current[url] = found
        return rendered

    def keys(self) -> dict[str, str]:
        """URL → key of every page this build took from the cache or rendered."""
        return {url: key for url, (key, _) in self.current.items()}

    def put(self, url: str, key: str, rendered: Rendered) -> None:
        self.current[url] = (key, pickle.dumps(rendered, protocol=5))

    def save(self) -> bool:
        """Keep the pages of this build (and only those) for the next; False if the file
        already holds exactly them."""
        if (
            self.misses == 0
            and self.current.keys() == self.previous.keys()
            and self.lexicon == self.previous_lexicon
        ):
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            stored = {"key": (FORMAT, self.salt), "pages": self.current, "lexicon": self.lexicon}
            pickle.dump(stored, stream, protocol=5)
        temporary.replace(self.path)
        return True
