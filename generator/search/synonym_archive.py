"""The archive's words as the synonym map reads them (``search.synonym_map``): how many
records use each, its forms by stem, the compounds that begin or end with a word, and what
a part of the map read of them (for the synonym cache of the next build)."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from generator.search.compounds import STOPWORDS, CompoundSplitter
from generator.search.hints import WordUses, lower_case_share, words_of
from generator.search.word_forms import MIN_WORD, forms, stem

MOST_TARGETS = 4
"""Archive words per key, the most widely used first: a reader wants a few good hits."""
MOST_UNSPLIT = 2
"""Compounds per target that only contain it (``Archive.unsplit_compounds``)."""
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
LINKS = ("s", "es", "n", "en", "er", "e")
VERB_PREFIXES = ("ent", "ver", "zer", "emp", "miss")
"""Inseparable prefixes that make a new word of a noun's verb: "Ent|scheidung", "Ver|bindung"."""

NOUN = "n"
COMMON = "c"
FORM = "f"
MATCHING = "m"
STARTING = "b"
ENDING = "e"
USES = "u"
LISTED = "l"
"""What a part of the map reads (``Archive.read``), each fact a letter and a word or key:
whether the word is a noun, too common, a stem of the archive; the archive word a key
matches; the usable words beginning or ending with a key; a word's uses; the curated
targets of a key (``from_lists``)."""


class Archive:
    """The archive's words: how many records use each, and its forms by stem."""

    def __init__(self, counted: WordUses, records: int) -> None:
        self.reads: set[str] | None = None
        """While a part of the map is made (``synonym_map.Part``): what it reads of the archive, as
        facts (``read``), so that a later build knows whether an edit changed them."""
        self.within: set[str] | None = None
        """… and the words whose parts it looked up in the splitter (``SynonymState.within``)."""
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
        self.usable = frozenset(usable)
        self._by_start = sorted(usable)
        self._by_end = sorted(w[::-1] for w in usable)

    def read(self, fact: str) -> None:
        if self.reads is not None:
            self.reads.add(fact)

    def record(self) -> None:
        """From now on, note what is read, for ``recorded``."""
        self.reads, self.within = set(), set()

    def recorded(self) -> tuple[set[str], set[str]]:
        """What was read since ``record`` (``reads``, ``within``); stops noting it."""
        assert self.reads is not None and self.within is not None
        found = self.reads, self.within
        self.reads = self.within = None
        return found

    def noun(self, word: str) -> bool:
        """Whether the archive writes ``word`` as a noun: capitalised in most of the
        records that use it (a verb or adjective is written in lower case)."""
        self.read(NOUN + word)
        return lower_case_share(self.counted, word) < NOUN_SHARE

    def common(self, word: str) -> bool:
        self.read(COMMON + word)
        return word in self.too_common

    def has_form(self, key: str) -> bool:
        """Whether some archive word has the stem ``key``."""
        self.read(FORM + key)
        return key in self.form

    def _usable(self, form: str) -> bool:
        return form not in PROCEDURE and form not in STOPWORDS and not self.common(form)

    def find(self, word: str) -> str | None:
        for key in forms(word):
            self.read(MATCHING + key)
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
        # A compound it begins must go on with a word after it ("Abfall|entsorgung"), not
        # with the rest of another word of the same stem ("Ausbild|ungsoffensive" is no
        # compound of "Ausbilder").
        self.read(STARTING + key)
        self.read(ENDING + key[::-1])
        self.read(ENDING + term.lower()[::-1])
        found = [w for w in starting(self._by_start, key) if self._goes_on(w, term.lower(), key)]
        ending = [w[::-1] for w in starting(self._by_end, key[::-1])]
        ending += [w[::-1] for w in starting(self._by_end, term.lower()[::-1])]
        found += [w for w in ending if self._ends_with_word(w, key)]
        compounds = {w for w in found if len(w) >= len(key) + MIN_WORD}
        for word in compounds:
            self.read(USES + word)
        return tuple(sorted(compounds, key=lambda w: (-self.uses[w], w))[:MOST_TARGETS])

    def _ends_with_word(self, compound: str, key: str) -> bool:
        """Whether a word ending in ``key`` is a compound with that word as its head, not a
        word made with a prefix ("Ent|scheidung" is no kind of "Scheidung",
        "Dringlichkeitsent|scheidung" neither), unless the rest is a word ("Prozent|satz")."""
        rest = compound[: compound.rfind(key)] if key in compound else compound
        if not rest.endswith(VERB_PREFIXES):
            return True
        self._split_within(rest)  # read for the synonym cache, as in ``_goes_on``
        return rest in self.splitter or any(
            rest.endswith(link) and rest[: -len(link)] in self.splitter for link in LINKS
        )

    def _goes_on(self, compound: str, word: str, key: str) -> bool:
        if compound.startswith(word):
            return True
        if compound.startswith(key):
            rest = compound[len(key) :]
            self._split_within(rest)
            for link in ("", *LINKS):
                after = rest[len(link) :]
                if rest.startswith(link) and len(after) >= MIN_WORD and after in self.splitter:
                    return True
                if rest.startswith(link) and self.splitter.parts(after):
                    return True
        return False

    def unsplit_compounds(self, target: str) -> tuple[str, ...]:
        """The archive's compounds with the word ``target`` as their head that the splitter
        cannot split ("Außen|gastronomie": "außen" is no word of the archive), the most
        widely used first: their pages have no keyword "gastronomie", so a search for the
        target alone never reaches them."""
        if " " in target or len(target) < 2 * MIN_WORD - 1:
            return ()
        found = [
            word[::-1]
            for word in starting(self._by_end, target[::-1])
            if len(word) >= len(target) + MIN_WORD
        ]
        unsplit = [word for word in found if not self.splitter.parts(word)]
        return tuple(sorted(unsplit, key=lambda w: (-self.uses[w], w))[:MOST_UNSPLIT])

    def uses_of(self, target: str) -> int:
        return min(self.uses[word] for word in target.split())

    def _split_within(self, word: str) -> None:
        """The splitter is about to look up parts of ``word`` (substrings, some with an
        "e" added: ``CompoundSplitter.lexicon``)."""
        if self.within is not None:
            self.within.add(word)

    def halves(self, word: str) -> tuple[str, str, str] | None:
        """(modifier, linking element, head) of an archive compound, the longest head."""
        self._split_within(word)
        for position in range(MIN_WORD, len(word) - MIN_WORD + 1):
            head = word[position:]
            if head not in self.splitter:
                continue
            modifier = word[:position]
            if modifier in self.splitter and modifier not in PROCEDURE:
                return modifier, "", head
            for link in LINKS:
                bare = modifier[: -len(link)] if modifier.endswith(link) else ""
                if len(bare) >= MIN_WORD and bare in self.splitter:
                    return bare, link, head
        return None


def starting(ordered: list[str], prefix: str) -> list[str]:
    at = bisect.bisect_left(ordered, prefix)
    found: list[str] = []
    while at < len(ordered) and ordered[at].startswith(prefix) and len(found) < 50:
        found.append(ordered[at])
        at += 1
    return found
