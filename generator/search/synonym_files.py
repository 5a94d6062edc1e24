"""The synonym map as the search page loads it: small files by a key's first two letters
(``suche/synonyme/ab.json``), so a query loads the few kilobytes its words need."""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from generator.archive import urls
from generator.rendering.generated import GeneratedFile
from generator.search.hints import WordUses, words_of
from generator.search.word_forms import MIN_WORD

FOLDER = "synonyme/"
"""Below the search page's folder: ``suche/synonyme/ab.json``."""
SynonymMap = dict[str, tuple[str, ...]]


_NOT_FILE_SAFE = re.compile(r"[^a-z0-9]")
_TRANSLITERATION = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})


def shard_name(key: str) -> str:
    """The file a key is in: its first two letters, umlauts without dots ("ü" → "u")."""
    return _NOT_FILE_SAFE.sub("_", key[:2].translate(_TRANSLITERATION))


CONTAINED = ""
"""A shard's entry for its keys that a word of the archive contains (``contained_keys``);
the search page takes the others as absent from the archive."""
PART = "-"
"""Prefix of a shard's entries from the map of parts (``synonym_maps``): "-schließung"."""
COMPOUNDS = "+"
"""Prefix of a shard's entries naming the archive's compounds that contain a key inside
them ("+müllabfuhr": "sperrmüllabfuhr"), as the search page would find them in the
vocabulary (``containing`` in ratsarchiv-query.js), which then need not load."""
EXPLAINED = "?"
"""Prefix of a shard's entries from Wiktionary's explanations (``synonym_map``): the search
page takes them for a word only where nothing else of the archive stands in for it."""
MOST_COMPOUNDS = 8
"""As ``MOST_COMPOUNDS`` in ratsarchiv-query.js."""


def contained_keys(mapping: SynonymMap, uses: WordUses) -> frozenset[str]:
    """The keys some word of the archive contains. A key no word contains ("bürgersteig"
    where no record has it, nor "Bürgersteigen" or "Hochbürgersteig") is searched on the
    search page through its archive words alone: Pagefind's index for the word as typed
    holds only loose matches, and the vocabulary no compound with it."""
    suffixes = sorted(
        {word.lower()[at:] for word in words_of(uses) for at in range(len(word) - MIN_WORD + 1)}
    )
    return frozenset(key for key in mapping if _has_prefix(suffixes, key))


def _has_prefix(ordered: list[str], prefix: str) -> bool:
    at = bisect.bisect_left(ordered, prefix)
    return at < len(ordered) and ordered[at].startswith(prefix)


def compounds_containing(
    keys: Iterable[str], vocabulary: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """For each key, the words of ``vocabulary`` (the most widely used first) that contain
    it inside them, as ``containing`` in ratsarchiv-query.js picks them: longer by more
    than two letters, not beginning with it; at most ``MOST_COMPOUNDS``."""
    rank = {word: at for at, word in enumerate(vocabulary)}
    suffixes = sorted(
        (word[at:], word) for word in vocabulary for at in range(1, len(word) - MIN_WORD + 1)
    )
    found: dict[str, tuple[str, ...]] = {}
    for key in sorted(keys):
        if len(key) < MIN_WORD + 1 or not key.isalpha():
            continue
        at = bisect.bisect_left(suffixes, (key, ""))
        words: set[str] = set()
        while at < len(suffixes) and suffixes[at][0].startswith(key):
            word = suffixes[at][1]
            if len(word) > len(key) + 2 and not word.startswith(key):
                words.add(word)
            at += 1
        found[key] = tuple(sorted(words, key=rank.__getitem__)[:MOST_COMPOUNDS])
    return found


def synonym_files(
    mapping: SynonymMap,
    contained: frozenset[str] = frozenset(),
    parts: SynonymMap | None = None,
    compounds: dict[str, tuple[str, ...]] | None = None,
    explained: SynonymMap | None = None,
) -> list[GeneratedFile]:
    """One file per shard name: its keys with their archive words, under ``CONTAINED``
    those of its keys in ``contained`` (sorted), if any, under ``PART`` + key the map of
    parts, under ``COMPOUNDS`` + key the compounds that contain a key and under
    ``EXPLAINED`` + key the archive words of an explanation."""
    shards: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for key, targets in mapping.items():
        shards[shard_name(key)][key] = targets
    for key in sorted(contained):
        if key in mapping:
            entries = shards[shard_name(key)]
            entries[CONTAINED] = (*entries.get(CONTAINED, ()), key)
    for key, targets in (parts or {}).items():
        shards[shard_name(key)][PART + key] = targets
    for key, words in (compounds or {}).items():
        shards[shard_name(key)][COMPOUNDS + key] = words
    for key, targets in (explained or {}).items():
        shards[shard_name(key)][EXPLAINED + key] = targets
    return [
        GeneratedFile.text(
            f"{urls.SEARCH}{FOLDER}{name}.json",
            json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
        )
        for name, entries in sorted(shards.items())
    ]


def shard_names(*maps: SynonymMap) -> tuple[str, ...]:
    return tuple(sorted({shard_name(key) for mapping in maps for key in mapping}))
