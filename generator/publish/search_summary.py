"""What the search stage needs of the resolution pages taken from the page cache, without
reading them: the digest of each page's search input and the archive's vocabulary.

A shard's key (``search_cache``) is made from its pages' search inputs, and with more
than one shard from the archive's vocabulary, the sorted words of every page. Making both
from the pages read every kept page again on each build (at 10,000, a second of a
one-title edit for 9,999 unchanged pages). Here they are kept between builds:

- each page's digest under the name of its file in the page cache, which is the SHA-256
  of the page's bytes: a page kept under the same name has the same search input;
- the vocabulary as word → number of pages holding it, with the file each page had when
  it was counted: a build counts only the pages whose file changed (taking the old file's
  words away, the new one's in), so a word goes when its last page does.

Kept in one file under the program's fingerprint (the salt), replaced by renaming a
complete new one. An old file the counts need that is gone (a killed build pruned it)
makes this build count every page again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path

FORMAT = 1


def search_digest(url: str, title: str, body: str) -> str:
    """The digest of one page's search input: its address, title and indexed parts."""
    hashed = hashlib.sha256(f"{url}\0{title}\0".encode())
    hashed.update(body.encode("utf-8"))
    return hashed.hexdigest()


class SearchSummary:
    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.digests: dict[str, str] = {}
        """Name of a page's file in the page cache → digest of its search input."""
        self.pages: dict[str, str] = {}
        """URL → name of the file each page had when ``counts`` were counted."""
        self.counts: dict[str, int] = {}
        """Word → how many of ``pages`` hold it."""
        self._digests: dict[str, str] = {}
        self._changed = False
        # Whatever is wrong with it: only a cache. (The build folder's own file.)
        with contextlib.suppress(Exception), path.open("rb") as stream:
            if pickle.load(stream) == (FORMAT, salt):
                self.digests, self.pages, self.counts = pickle.load(stream)

    def digest(self, name: str, make: Callable[[], str]) -> str:
        """The digest kept for the page file ``name``, else ``make()``."""
        found = self.digests.get(name)
        if found is None:
            found = make()
            self._changed = True
        self._digests[name] = found
        return found

    def vocabulary(self, pages: Mapping[str, str], words_of: Callable[[str], str]) -> list[str]:
        """The sorted words of the pages ``pages`` (URL → name of its file), counting
        only those whose file changed since the counts were made. ``words_of(name)``:
        the space-separated words of a page file (an ``OSError`` if it is gone)."""
        counts: dict[str, int] | None = None
        if self.pages:
            with contextlib.suppress(OSError):
                counts = self._recounted(pages, words_of)
        if counts is None:
            counts = {}
            for name in pages.values():
                _add(counts, words_of(name), 1)
        if counts != self.counts or pages != self.pages:
            self._changed = True
        self.counts, self.pages = counts, dict(pages)
        return sorted(counts)

    def _recounted(
        self, pages: Mapping[str, str], words_of: Callable[[str], str]
    ) -> dict[str, int]:
        counts = dict(self.counts)
        for url, name in self.pages.items():
            if pages.get(url) != name:
                _add(counts, words_of(name), -1)
        for url, name in pages.items():
            if self.pages.get(url) != name:
                _add(counts, words_of(name), 1)
        return counts

    def save(self) -> None:
        """Keep the digests of this build's pages (and only those) and the counts."""
        if not self._changed and self._digests.keys() == self.digests.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump((FORMAT, self.salt), stream, protocol=5)
            pickle.dump((self._digests, self.pages, self.counts), stream, protocol=5)
        temporary.replace(self.path)


def _add(counts: dict[str, int], words: str, step: int) -> None:
    for word in set(words.split()):
        count = counts.get(word, 0) + step
        if count > 0:
            counts[word] = count
        else:
            counts.pop(word, None)
