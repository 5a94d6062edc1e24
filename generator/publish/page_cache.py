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

The folder holds one file per page, named by the SHA-256 of its own bytes, and an index
(URL → key and file, with the lexicon the pages are right for): a build reads only the
files of the pages it takes, writes only those it rendered, and replaces the small index
(renaming a complete new one), so an edit no longer reads and rewrites every page of the
archive (180 MB at 10,000). A killed build leaves the old index, whose files are all
still there: a file is only ever added under a new name until a finished build drops
those its index no longer names (``prune``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections import Counter
from pathlib import Path

Rendered = tuple[str, str, str, str, tuple[tuple[int, int], ...], str, str, str]
"""What ``pages.resolution._render`` gives: url, title, content, head, spans, words, the
words it counts for the search page's vocabulary and the search data (not in the page);
a list page: the first four, the rest empty."""

RESOLUTION = "resolution"
LIST = "list"
SEARCH = "search"
"""The kinds of page the cache counts apart (``hits``, ``misses``); ``SEARCH``: the
search page with its vocabulary and synonym files (``pages.search``)."""

FORMAT = 10

INDEX = "index.pickle"


def digest(value: object) -> str:
    """The SHA-256 of ``value`` pickled: equal inputs give equal digests across processes
    (the inputs are tuples, strings, dates and frozen dataclasses, pickled in field order)."""
    return hashlib.sha256(pickle.dumps(value, protocol=5)).hexdigest()


class PageCache:
    """Each page is kept pickled on its own, in a file of its own: a build unpickles only
    the pages it reuses and pickles only those it rendered (pickling ten thousand pages'
    text anew took longer than writing it). A rendered page is written as it comes
    (``put``), not held until ``save``; pickling a page's texts as ``str`` would attach
    their UTF-8 form to them, so they are kept as bytes."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self._folder = str(root)
        self.salt = salt
        self.previous: dict[str, tuple[str, str]] = {}
        """URL → (key, name of its file) of the pages the last finished build kept."""
        self.current: dict[str, tuple[str, str]] = {}
        """URL → (key, name of its file) of every page this build took or rendered."""
        self.previous_lexicon: frozenset[str] | None = None
        self.lexicon: frozenset[str] | None = None
        """The compound splitter's lexicon the kept pages are right for (None: no search)."""
        self._taken: set[str] = set()
        """URLs of the pages this build took from the cache (``get``)."""
        self._written: set[str] = set()
        """Names of the files this build wrote (``discard`` removes them again)."""
        self.reused: Counter[str] = Counter()
        """Kind of page (``RESOLUTION``, ``LIST``) → how many were taken from the cache."""
        self.rendered: Counter[str] = Counter()
        """Kind of page → how many were not (rendered by this build)."""
        try:
            with (root / INDEX).open("rb") as stream:  # the build folder's own file
                if pickle.load(stream) != (FORMAT, salt):
                    return
                index = pickle.load(stream)
            pages: dict[str, tuple[str, str]] = index["pages"]
            lexicon = index["lexicon"]
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        self.previous = pages
        self.previous_lexicon = lexicon

    def _read(self, name: str) -> bytes:
        # A str path: building a ``Path`` for each of ten thousand kept pages cost more
        # than reading them.
        with open(os.path.join(self._folder, name), "rb") as stream:  # noqa: PTH118, PTH123
            return stream.read()

    def _write(self, data: bytes) -> str:
        """Keep ``data`` under its digest; returns the name."""
        name = hashlib.sha256(data).hexdigest()
        target = self.root / name
        # Written even where the name exists: that file may be one a reader found damaged.
        if not target.exists():
            self._written.add(name)
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{name}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        temporary.replace(target)
        return name

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
            stored = list(pickle.loads(self._read(found[1])))
            if not content:
                stored[2] = ""
            rendered: Rendered = tuple(  # type: ignore[assignment]
                value.decode("utf-8") if isinstance(value, bytes) else value for value in stored
            )
        except Exception:  # a damaged or lost entry is a page to render
            self.rendered[kind] += 1
            return None
        self.reused[kind] += 1
        self.current[url] = found
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
        content = pickle.loads(self._read(self.current[url][1]))[2]
        return content.decode("utf-8") if isinstance(content, bytes) else str(content)

    def kept_rendered(self, url: str) -> Rendered:
        """All a page this build took from the cache gave when it was rendered, read from
        its file again (``get`` without ``content`` left that out)."""
        stored = pickle.loads(self._read(self.current[url][1]))
        rendered: Rendered = tuple(  # type: ignore[assignment]
            value.decode("utf-8") if isinstance(value, bytes) else value for value in stored
        )
        return rendered

    def file_name(self, url: str) -> str:
        """The name of the file that holds the page at ``url`` for this build (taken or
        rendered): the SHA-256 of its bytes."""
        return self.current[url][1]

    def words_in(self, name: str) -> str:
        """The search words of the resolution page kept in the file ``name`` (an
        ``OSError`` if that file is gone)."""
        try:
            words = pickle.loads(self._read(name))[5]
        except Exception as exc:  # damaged: as good as gone
            raise OSError(f"{name}: {exc}") from exc
        return words.decode("utf-8") if isinstance(words, bytes) else str(words)

    def keys(self) -> dict[str, str]:
        """URL → key of every page this build took from the cache or rendered."""
        return {url: key for url, (key, _) in self.current.items()}

    def get_value(self, name: str, key: str, *, kind: str) -> object | None:
        """What ``put_value`` kept under ``name`` for ``key`` (None: nothing, or for
        another key); counted as a page of ``kind``."""
        found = self.previous.get(name)
        if found is None or found[0] != key:
            self.rendered[kind] += 1
            return None
        try:
            value: object = pickle.loads(self._read(found[1]))
        except Exception:  # a damaged or lost entry is a value to make
            self.rendered[kind] += 1
            return None
        self.reused[kind] += 1
        self.current[name] = found
        return value

    def put_value(self, name: str, key: str, value: object) -> None:
        """Keep ``value`` (pickled as it is) under ``name`` for ``key``."""
        self.current[name] = (key, self._write(pickle.dumps(value, protocol=5)))

    def put(self, url: str, key: str, rendered: Rendered) -> None:
        # Its texts as UTF-8 bytes: pickling a str keeps its UTF-8 form attached to it for
        # as long as it lives (CPython's PyUnicode_AsUTF8AndSize), a second copy of every
        # page held until it is stamped.
        encoded = tuple(
            value.encode("utf-8") if isinstance(value, str) else value for value in rendered
        )
        self.current[url] = (key, self._write(pickle.dumps(encoded, protocol=5)))

    def save(self) -> bool:
        """Keep the pages of this build (and only those) for the next; False if the index
        already names exactly them."""
        self._written = set()  # kept now, whatever follows
        if self.current == self.previous and self.lexicon == self.previous_lexicon:
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{INDEX}.{os.getpid()}.tmp"
        with temporary.open("wb") as stream:
            pickle.dump((FORMAT, self.salt), stream, protocol=5)
            pickle.dump({"pages": self.current, "lexicon": self.lexicon}, stream, protocol=5)
        temporary.replace(self.root / INDEX)
        return True

    def prune(self) -> None:
        """Drop every file the index no longer names, and leftovers of a killed build (run
        after ``save``, once the kept pages are no longer read)."""
        if not self.root.is_dir():
            return
        used = {name for _, name in self.current.values()} | {INDEX}
        with os.scandir(self.root) as entries:
            for entry in entries:
                if entry.name not in used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)  # noqa: PTH108

    def discard(self) -> None:
        """Drop the files this build wrote (a failed build keeps the index it found, and
        the files it names)."""
        for name in self._written:
            with contextlib.suppress(OSError):
                (self.root / name).unlink()
        self._written = set()
