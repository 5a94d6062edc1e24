"""Everyday words → the archive's own words: the synonym data the search page loads.

Three sources of groups, in this order: the archive's ``synonyms.yml`` (its editors'), the
shipped list of administrative and everyday municipal words (``data/kommunal.yml``) and a
subset of OpenThesaurus (``data/openthesaurus-kommunal.txt``, LGPL-2.1, derived by
``search.derive_thesaurus``). At build time every group is cut down to the words the
archive's records use: a reader typing any word of a group ("Ampel") is led to those
("Lichtsignalanlage"), and a group no record touches costs nothing.

- Word forms: keys and archive words are compared without their German endings (the
  same ``stem`` as the search page's script), so "Laptops" finds the group of "Laptop" and
  "Kindertageseinrichtung" the archive's "Kindertageseinrichtungen".
- Compounds: an archive compound is also reached with one of its parts replaced by a
  synonym of that part ("Müll|abfuhr" for "Abfall|entsorgung" where the thesaurus pairs
  both parts); the search page further splits a typed compound whose part is a key
  ("Kindergarten|plätze" → "Kindertageseinrichtung plätze").
- Not a target: words of council procedure that every record has ("Ausschuss" is in
  OpenThesaurus' group for "Müll") and words in more than half of all records, which find
  nothing in particular.

The map is written in small files by the key's first two letters (``suche/synonyme/``), so
a query loads the few kilobytes its words need, not the whole map.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources

import yaml

from generator.archive import urls
from generator.archive.model import Resolution
from generator.rendering.generated import GeneratedFile
from generator.search.compounds import STOPWORDS, CompoundSplitter
from generator.search.hints import (
    MIN_COUNTED,
    WordUses,
    lower_case_share,
    word_uses,
    words_of,
)

FOLDER = "synonyme/"
"""Below the search page's folder: ``suche/synonyme/ab.json``."""
MIN_WORD = MIN_COUNTED
MOST_TARGETS = 4
"""Archive words per key, the most widely used first: a reader wants a few good hits."""
MOST_COMMON_SHARE = 0.5
NOUN_SHARE = 0.5
"""A word is a noun of the archive if fewer than this share of its records write it in
lower case (a noun is capitalised; a verb only at the start of a sentence)."""
COMMON_FROM = 20
"""The share rule applies from this many resolutions on (a tiny archive proves nothing)."""
_PROCEDURE_TEXT = """
    ausschuss ausschüsse rat rates sitzung sitzungen antrag anträge vorlage vorlagen
    beschluss beschlüsse verwaltung stadt gemeinde beratung abstimmung punkt fraktion
    fraktionen bürgermeister bürgermeisterin mitglied mitglieder kenntnis drucksache"""
PROCEDURE = frozenset(_PROCEDURE_TEXT.split())
_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
_LINKS = ("s", "es", "n", "en", "er", "e")

SynonymMap = dict[str, tuple[str, ...]]
_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """As ``stem`` in ratsarchiv-query.js: lower case, one German ending off."""
    low = word.lower()
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


@lru_cache(maxsize=1 << 16)
def variants(word: str) -> tuple[str, ...]:
    """The keys a word's forms may have: ``stem`` is crude ("Sprachkurs" → "sprachkur",
    "Sprachkurse" → "sprachkurs"), so a group's word is filed under the stems of its
    usual inflected forms too, and the search page finds it from any of them."""
    low = word.lower()
    found = [stem(low), low]
    found += [stem(low + ending) for ending in ("e", "en", "n", "s", "es", "er")]
    return tuple(dict.fromkeys(key for key in found if len(key) >= MIN_WORD))


@lru_cache(maxsize=1 << 17)
def forms(word: str) -> tuple[str, ...]:
    """How a group's word and an archive word are compared: by stem, also with the last
    vowel without its umlaut, as a plural has it ("Elternbeitrag" and the archive's
    "Elternbeiträge"); not an umlaut elsewhere ("Forderung" is not "Förderung")."""
    keys = variants(word)
    return tuple(dict.fromkeys((*keys, *(_singular(key) for key in keys))))


_LAST_UMLAUT = re.compile(r"(äu|[äöü])([^aeiouäöüy]*(?:e|er|ern|en|n)?)$")


def _singular(key: str) -> str:
    """As ``singular`` in ratsarchiv-query.js: "beiträg" → "beitrag", "räum" → "raum";
    also before an ending ``stem`` leaves on a short word ("bäder" → "bader")."""
    return _LAST_UMLAUT.sub(lambda found: found[1].translate(_PLAIN) + found[2], key)


@cache
def listed_groups() -> tuple[tuple[str, ...], ...]:
    """The shipped list of administrative and everyday words (``data/kommunal.yml``)."""
    data = resources.files("generator.search") / "data"
    listed = yaml.safe_load((data / "kommunal.yml").read_text(encoding="utf-8"))["groups"]
    return tuple(tuple(str(term) for term in group) for group in listed)


@cache
def thesaurus_groups() -> tuple[tuple[str, ...], ...]:
    """The OpenThesaurus subset (``data/openthesaurus-kommunal.txt``)."""
    data = resources.files("generator.search") / "data"
    text = (data / "openthesaurus-kommunal.txt").read_text(encoding="utf-8")
    return tuple(
        tuple(line.split(";")) for line in text.splitlines() if line and not line.startswith("#")
    )


def shipped_groups() -> tuple[tuple[str, ...], ...]:
    """The shipped list first, then the thesaurus subset."""
    return (*listed_groups(), *thesaurus_groups())


class _Archive:
    """The archive's words: how many records use each, and its forms by stem."""

    def __init__(self, counted: WordUses, records: int) -> None:
        self.counted = counted
        self.uses = Counter({word: counted[word] for word in words_of(counted)})
        by_stem: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self.uses, key=lambda w: (-self.uses[w], w)):
            by_stem[stem(word)].append(word)
        matching: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self.uses, key=lambda w: (-self.uses[w], w)):
            for key in forms(word):
                matching[key].append(word)
        self._matching = {key: words[0] for key, words in matching.items()}
        limit = MOST_COMMON_SHARE * records
        self.too_common = (
            frozenset(word for word, n in self.uses.items() if n > limit)
            if records >= COMMON_FROM
            else frozenset()
        )
        self.form = {key: words[0] for key, words in by_stem.items()}
        self.splitter = CompoundSplitter(self.uses)
        usable = [w for w in self.form.values() if self._usable(w)]
        self._by_start = sorted(usable)
        self._by_end = sorted(w[::-1] for w in usable)

    def noun(self, word: str) -> bool:
        """Whether the archive writes ``word`` as a noun: capitalised in most of the
        records that use it (a verb or adjective is written in lower case)."""
        return lower_case_share(self.counted, word) < NOUN_SHARE

    def _usable(self, form: str) -> bool:
        return form not in PROCEDURE and form not in STOPWORDS and form not in self.too_common

    def find(self, word: str) -> str | None:
        for key in forms(word):
            form = self._matching.get(key)
            if form is not None:
                return form
        return None

    def targets(self, term: str) -> tuple[str, ...]:
        """The term as the archive writes it (every word of a phrase); for a single word
        the archive does not use on its own, the compounds it begins or ends ("Abfall":
        "Abfallentsorgung", "Bioabfall"), the most widely used first."""
        words = term.split()
        if len(words) > 1:
            forms = [self.find(word) for word in words]
            if all(f is not None and self._usable(f) for f in forms):
                return (" ".join(f for f in forms if f is not None),)
            return ()
        key = stem(term)
        form = self.find(term)
        if form is not None:
            return (form,) if self._usable(form) else ()
        if len(key) < 2 * MIN_WORD - 1:
            return ()
        found = _starting(self._by_start, key)
        found += [w[::-1] for w in _starting(self._by_end, key[::-1])]
        found += [w[::-1] for w in _starting(self._by_end, term.lower()[::-1])]
        compounds = {w for w in found if len(w) >= len(key) + MIN_WORD}
        return tuple(sorted(compounds, key=lambda w: (-self.uses[w], w))[:MOST_TARGETS])

    def uses_of(self, target: str) -> int:
        return min(self.uses[word] for word in target.split())

    def halves(self, word: str) -> tuple[str, str, str] | None:
        """(modifier, linking element, head) of an archive compound, the longest head."""
        for position in range(MIN_WORD, len(word) - MIN_WORD + 1):
            head = word[position:]
            if head not in self.splitter:
                continue
            modifier = word[:position]
            if modifier in self.splitter and modifier not in PROCEDURE:
                return modifier, "", head
            for link in _LINKS:
                bare = modifier[: -len(link)] if modifier.endswith(link) else ""
                if len(bare) >= MIN_WORD and bare in self.splitter:
                    return bare, link, head
        return None


def synonym_map(
    resolutions: Sequence[Resolution],
    own_groups: Iterable[Sequence[str]] = (),
    uses: WordUses | None = None,
) -> SynonymMap:
    """stem of a word readers may type → archive words to search as well. ``uses``: the
    archive's ``WordUses`` if the build has counted them (else counted here)."""
    archive = _Archive(word_uses(resolutions) if uses is None else uses, len(resolutions))
    found: dict[str, dict[str, None]] = defaultdict(dict)
    # Reached in two steps (below): ranked after those of ``found``, which are closer.
    bridged: dict[str, dict[str, None]] = defaultdict(dict)
    single_synonyms: dict[str, set[str]] = defaultdict(set)
    listed = [(group, True) for group in (*own_groups, *listed_groups())]
    from_lists: dict[str, tuple[str, ...]] = {}
    listed_words = {term.lower() for group, _ in listed for term in group}
    for group, curated in (*listed, *((group, False) for group in thesaurus_groups())):
        if not curated and not from_lists:
            from_lists = {key: tuple(targets) for key, targets in found.items()} or {"": ()}
        targets = {term: archive.targets(term) for term in group}
        as_written = {term: archive.find(term) for term in group}
        words = [term for term in group if " " not in term]
        for term in words:
            single_synonyms[stem(term)].update(
                other.lower() for other in words if stem(other) != stem(term)
            )
        for term in words:
            # A word the archive uses is found as typed: a thesaurus group is one sense
            # of it among several ("Schule" of fish, "Klasse" of society), which the
            # archive's word need not have. The curated lists name their senses.
            if not curated and as_written[term] is not None:
                continue
            # A noun for a noun: the thesaurus and the list hold nouns; the archive's
            # verbs and adjectives that look alike ("Treffen": "treffen") are other words.
            # (Not for a compound found for a word the archive lacks: "Trockenheit" →
            # "trockenheitsverträgliche" keeps the noun's sense.)
            noun = term[:1].isupper()
            own = set(forms(term))
            for other, reached in targets.items():
                if own.isdisjoint(forms(other)):
                    for target in reached:
                        if noun and target == as_written[other] and not archive.noun(target):
                            continue
                        if own.isdisjoint(forms(target)):
                            for key in variants(term):
                                found[key][target] = None
            # Two steps, the second through the curated lists: "Hort" is in the
            # thesaurus' group of "Kindergarten", which the shipped list leads to
            # "Kindertageseinrichtung" (the archive's word, where it has no "Kindergarten").
            # Only through a word of the lists as written: a mere stem ("Rechnen",
            # "Rechner") would bridge two senses.
            if not curated:
                for other in words:
                    if other.lower() not in listed_words:
                        continue
                    for target in from_lists.get(stem(other), ()):
                        if own.isdisjoint(forms(target)):
                            for key in variants(term):
                                bridged[key].setdefault(target, None)
    # Compounds of the archive reached with a part replaced by one of its synonyms.
    for word in archive.uses:
        if len(word) < 2 * MIN_WORD + 1 or word in PROCEDURE or word in archive.too_common:
            continue
        if not archive.noun(word):
            continue
        split = archive.halves(word)
        if split is None:
            continue
        modifier, link, head = split
        keys = [stem(other + head) for other in single_synonyms.get(stem(modifier), ())]
        keys += [
            key
            for other in single_synonyms.get(stem(head), ())
            for key in variants(modifier + link + other)
        ]
        for key in keys:
            # A word the archive itself uses is found as typed; its synonyms come only
            # from the groups (above), not from compounds that merely look alike.
            if key not in archive.form:
                found[key].setdefault(word, None)
    mapping: SynonymMap = {}
    for key in sorted({*found, *bridged}):
        closer = found.get(key, {})
        further = [t for t in bridged.get(key, {}) if t not in closer]
        if len(key) < MIN_WORD or not (closer or further):
            continue
        ranked = sorted(closer, key=lambda t: (-archive.uses_of(t), t))
        ranked += sorted(further, key=lambda t: (-archive.uses_of(t), t))
        mapping[key] = tuple(ranked[:MOST_TARGETS])
    return mapping


def _starting(ordered: list[str], prefix: str) -> list[str]:
    at = bisect.bisect_left(ordered, prefix)
    found: list[str] = []
    while at < len(ordered) and ordered[at].startswith(prefix) and len(found) < 50:
        found.append(ordered[at])
        at += 1
    return found


_NOT_FILE_SAFE = re.compile(r"[^a-z0-9]")
_TRANSLITERATION = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})


def shard_name(key: str) -> str:
    """The file a key is in: its first two letters, umlauts without dots ("ü" → "u")."""
    return _NOT_FILE_SAFE.sub("_", key[:2].translate(_TRANSLITERATION))


CONTAINED = ""
"""A shard's entry for its keys that a word of the archive contains (``contained_keys``);
the search page takes the others as absent from the archive."""


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


def synonym_files(
    mapping: SynonymMap, contained: frozenset[str] = frozenset()
) -> list[GeneratedFile]:
    """One file per shard name: its keys with their archive words, and under
    ``CONTAINED`` those of its keys in ``contained`` (sorted), if any."""
    shards: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for key, targets in mapping.items():
        shards[shard_name(key)][key] = targets
    for key in sorted(contained):
        if key in mapping:
            entries = shards[shard_name(key)]
            entries[CONTAINED] = (*entries.get(CONTAINED, ()), key)
    return [
        GeneratedFile.text(
            f"{urls.SEARCH}{FOLDER}{name}.json",
            json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
        )
        for name, entries in sorted(shards.items())
    ]


def shard_names(mapping: SynonymMap) -> tuple[str, ...]:
    return tuple(sorted({shard_name(key) for key in mapping}))
