"""Rendered pages kept in the build folder, so a build renders only the pages whose inputs
changed: the resolution pages and the list pages stamped beside them (years, months,
topics, factions, committees' years, meetings, matters).

Each page is stored under the SHA-256 of everything it is made from (``digest`` of the
resolution, its committee, its neighbours, the registry, the settings, the search lexicon
…, see ``pages.resolution``; for a list page the identities of the entries it shows and
what else it names, see ``pages.kept``), salted with the program's fingerprint
(``build_state``): a new program version, theme or config finds no page. A page whose
inputs hash the same is the same page, so the build's output is byte-identical to a clean
build's.

The file is replaced by renaming a complete new one, so a killed build leaves the old
cache (still correct for the inputs it names) or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import Counter
from pathlib import Path
from typing import BinaryIO

Rendered = tuple[str, str, str, str, tuple[tuple[int, int], ...], str, str, str]
"""What ``pages.resolution._render`` gives: url, title, content, head, spans, words, the
words it counts for the search page's vocabulary and the search data (not in the page);
a list page: the first four, the rest empty."""

RESOLUTION = "resolution"
LIST = "list"
SEARCH = "search"
"""The kinds of page the cache counts apart (``hits``, ``misses``); ``SEARCH``: the
search page with its vocabulary and synonym files (``pages.search``)."""

FORMAT = 9

_OFFSET = 8
"""The file ends with the offset of its index, in this many bytes (little-endian)."""


def digest(value: object) -> str:
    """The SHA-256 of ``value`` pickled: equal inputs give equal digests across processes
    (the inputs are tuples, strings, dates and frozen dataclasses, pickled in field order)."""
    return hashlib.sha256(pickle.dumps(value, protocol=5)).hexdigest()


class PageCache:
    """Each page is kept pickled on its own: a build unpickles only the pages it reuses and
    pickles only those it rendered (pickling ten thousand pages' text anew took longer
    than writing it).

    A rendered page is pickled straight into the next file as it comes (``put``), not
    held: holding every page's pickle beside the page itself until ``save`` cost a second
    copy of all resolution pages (about 240 MiB of the generating stage at 10,000), and
    pickling a page's texts as ``str`` attaches their UTF-8 form to them. The file
    is the key, the pages' pickles one after the other, an index of where each lies (with
    the lexicon) and that index's offset; ``save`` appends the reused pages' bytes as they
    were loaded."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.previous: dict[str, tuple[str, bytes | memoryview]] = {}
        self.current: dict[str, str] = {}
        """URL → key of every page this build took from the cache or rendered."""
        self.previous_lexicon: frozenset[str] | None = None
        self.lexicon: frozenset[str] | None = None
        """The compound splitter's lexicon the kept pages are right for (None: no search)."""
        self._taken: set[str] = set()
        """URLs of the pages this build took from the cache (``get``)."""
        self.reused: Counter[str] = Counter()
        """Kind of page (``RESOLUTION``, ``LIST``) → how many were taken from the cache."""
        self.rendered: Counter[str] = Counter()
        """Kind of page → how many were not (rendered by this build)."""
        self._next: BinaryIO | None = None
        """The next file, written beside the current one while pages are rendered."""
        self._index: dict[str, tuple[str, int, int]] = {}
        """URL → (key, start, end) of the pages already in the next file."""
        try:
            data = path.read_bytes()  # the build folder's own file
            if pickle.loads(data) != (FORMAT, salt):
                return
            at = int.from_bytes(data[-_OFFSET:], "little")
            index = pickle.loads(data[at:-_OFFSET])
            view = memoryview(data)
            pages: dict[str, tuple[str, bytes | memoryview]] = {
                url: (key, view[start:end]) for url, (key, start, end) in index["pages"].items()
            }
            lexicon = index["lexicon"]
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        self.previous = pages
        self.previous_lexicon = lexicon

    @property
    def _temporary(self) -> Path:
        return self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")

    def _stream(self) -> BinaryIO:
        if self._next is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._next = self._temporary.open("wb")
            pickle.dump((FORMAT, self.salt), self._next, protocol=5)
        return self._next

    def changed_words(self, lexicon: frozenset[str] | None) -> tuple[str, ...] | None:
        """What a kept page's words must not contain to be right with ``lexicon`` (the
        words that entered or left it, without a final "e": see ``CompoundSplitter``);
        None if no kept page can be (the search was switched on or off)."""
        self.lexicon = lexicon
        if lexicon is None or self.previous_lexicon is None:
            return () if lexicon is self.previous_lexicon else None
        return tuple(sorted({word.removesuffix("e") for word in lexicon ^ self.previous_lexicon}))

    @property
    def hits(self) -> int:
        """Resolution pages taken from the cache."""
        return self.reused[RESOLUTION]

    @property
    def misses(self) -> int:
        """Resolution pages rendered by this build."""
        return self.rendered[RESOLUTION]

    def get(
        self,
        url: str,
        key: str,
        *,
        usable: bool = True,
        kind: str = RESOLUTION,
        content: bool = True,
    ) -> Rendered | None:
        """The page kept at ``url`` for ``key``; without ``content`` its content is empty
        (``kept_content`` reads it when the page is stamped, which a page linked from the
        stamp cache never is: decoding every kept list page cost more than finding it)."""
        found = self.previous.get(url)
        if not usable or found is None or found[0] != key:
            self.rendered[kind] += 1
            return None
        try:
            stored = list(pickle.loads(found[1]))
            if not content:
                stored[2] = ""
            rendered: Rendered = tuple(  # type: ignore[assignment]
                value.decode("utf-8") if isinstance(value, bytes) else value for value in stored
            )
        except Exception:  # a damaged entry is a page to render
            self.rendered[kind] += 1
            return None
        self.reused[kind] += 1
        self.current[url] = key
        self._taken.add(url)
        return rendered

    def taken(self, url: str) -> bool:
        """Whether this build took the page at ``url`` from the cache (``get``)."""
        return url in self._taken

    def kept_content(self, url: str) -> str | None:
        """The content of a page this build took from the cache (``get``), read from the
        kept file again: the build need not hold (or pack) it until it is stamped, and
        most such pages are not stamped at all but linked (``stamp_cache``). None for a
        page rendered by this build."""
        if not self.taken(url):
            return None
        found = self.previous[url]  # kept after ``save``: the pages still point into it
        content = pickle.loads(found[1])[2]
        return content.decode("utf-8") if isinstance(content, bytes) else str(content)

    def keys(self) -> dict[str, str]:
        """URL → key of every page this build took from the cache or rendered."""
        return dict(self.current)

    def get_value(self, name: str, key: str, *, kind: str) -> object | None:
        """What ``put_value`` kept under ``name`` for ``key`` (None: nothing, or for
        another key); counted as a page of ``kind``."""
        found = self.previous.get(name)
        if found is None or found[0] != key:
            self.rendered[kind] += 1
            return None
        try:
            value: object = pickle.loads(found[1])
        except Exception:  # a damaged entry is a value to make
            self.rendered[kind] += 1
            return None
        self.reused[kind] += 1
        self.current[name] = key
        return value

    def put_value(self, name: str, key: str, value: object) -> None:
        """Keep ``value`` (pickled as it is) under ``name`` for ``key``."""
        stream = self._stream()
        start = stream.tell()
        pickle.dump(value, stream, protocol=5)
        self._index[name] = (key, start, stream.tell())
        self.current[name] = key

    def put(self, url: str, key: str, rendered: Rendered) -> None:
        stream = self._stream()
        start = stream.tell()
        # Its texts as UTF-8 bytes: pickling a str keeps its UTF-8 form attached to it for
        # as long as it lives (CPython's PyUnicode_AsUTF8AndSize), a second copy of every
        # page held until it is stamped.
        encoded = tuple(
            value.encode("utf-8") if isinstance(value, str) else value for value in rendered
        )
        pickle.dump(encoded, stream, protocol=5)
        self._index[url] = (key, start, stream.tell())
        self.current[url] = key

    def save(self) -> bool:
        """Keep the pages of this build (and only those) for the next; False if the file
        already holds exactly them."""
        if (
            sum(self.rendered.values()) == 0
            and self.current.keys() == self.previous.keys()
            and self.lexicon == self.previous_lexicon
        ):
            self.discard()
            return False
        stream = self._stream()
        try:
            for url, key in self.current.items():
                if url not in self._index:
                    start = stream.tell()
                    stream.write(self.previous[url][1])
                    self._index[url] = (key, start, stream.tell())
            at = stream.tell()
            pickle.dump({"pages": self._index, "lexicon": self.lexicon}, stream, protocol=5)
            stream.write(at.to_bytes(_OFFSET, "little"))
        finally:
            stream.close()
            self._next = None
        self._temporary.replace(self.path)
        return True

    def discard(self) -> None:
        """Drop the next file (a failed build keeps the current one)."""
        if self._next is not None:
            self._next.close()
            self._next = None
            self._temporary.unlink(missing_ok=True)
