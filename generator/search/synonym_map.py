"""Everyday words → the archive's own words: the synonym data the search page loads.

Three sources of groups, in this order: the archive's ``synonyms.yml`` (its editors'), the
shipped lists of administrative and everyday municipal words (``synonym_sources.LISTS``) and a
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

The sources are read in ``synonym_sources``, words compared as in ``word_forms``, the
archive's words read in ``synonym_archive`` and the map written in small files by
``synonym_files``.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.archive.model import Resolution
from generator.search.hints import LOWER_CASE, WordUses, word_uses
from generator.search.synonym_archive import (
    COMMON,
    ENDING,
    FORM,
    LISTED,
    MATCHING,
    MOST_TARGETS,
    NOUN,
    PROCEDURE,
    STARTING,
    USES,
    Archive,
)
from generator.search.synonym_files import SynonymMap
from generator.search.synonym_sources import (
    explained_by,
    listed_groups,
    thesaurus_groups,
    thesaurus_senses,
)
from generator.search.word_forms import MIN_WORD, forms, linking, phrase_key, stem, variants

__all__ = ["PROCEDURE", "SynonymState", "synonym_map", "synonym_maps", "synonym_maps_kept"]

MOST_EXPLAINED = 2
"""Archive words per key from Wiktionary's explanations alone: the first they name."""
PART_SENSES = 2
"""A part of a typed compound is replaced by its thesaurus synonyms only if the word is in
at most this many thesaurus groups: "Schließung" (one) is clear, "Schule" (six: of fish,
of thought …) is not."""


Ranked = dict[str, dict[str, list[int]]]
"""key → target → [tier, support]: tier 0 from the curated lists, 1 from the thesaurus, a
compound or a word form, 2 in two steps, ``EXPLAINED`` and on from Wiktionary's
explanations (the first word named first); support: how many ways lead there."""
EXPLAINED = 3


def _add(table: Ranked, key: str, target: str, tier: int) -> None:
    entry = table[key].get(target)
    if entry is None:
        table[key][target] = [tier, 1]
    else:
        entry[0] = min(entry[0], tier)
        entry[1] += 1


def _ranked(table: Ranked, key: str, archive: Archive) -> list[str]:
    """The closest first (``Ranked``'s tier), then the best supported, then the word of the
    fewest senses (the specific one: "Bilanz" → "Treibhausgasbilanz" before "Ergebnis"),
    then the most widely used."""
    senses = thesaurus_senses()
    return sorted(
        table.get(key, {}),
        key=lambda t: (
            table[key][t][0],
            -table[key][t][1],
            max(senses[stem(word)] for word in t.split()),
            -archive.uses_of(t),
            t,
        ),
    )


PERSON_FORMS = (("enden", "er"), ("ende", "er"), ("erinnen", "er"), ("innen", ""))
"""An archive's gender-neutral and participle forms and the word readers type for them:
"Radfahrende" → "Radfahrer", "Lehrerinnen" → "Lehrer"."""
GROUP_FORMS = ("kräfte", "personal", "angehörige", "angehörigen")
"""Nouns for the people of a trade or body, which readers call "…leute" ("Einsatzkräfte",
"Feuerwehrangehörige" for "Einsatzleute", "Feuerwehrleute")."""


def _person_keys(word: str) -> list[str]:
    keys: list[str] = []
    for ending, typed in PERSON_FORMS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_WORD + 1:
            keys += variants(word[: -len(ending)] + typed)
            break
    for ending in GROUP_FORMS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_WORD:
            keys += variants(word[: -len(ending)] + "leute")
            break
    return keys


def synonym_map(
    resolutions: Sequence[Resolution],
    own_groups: Iterable[Sequence[str]] = (),
    uses: WordUses | None = None,
) -> SynonymMap:
    """stem of a word readers may type → archive words to search as well. ``uses``: the
    archive's ``WordUses`` if the build has counted them (else counted here)."""
    return synonym_maps(resolutions, own_groups, uses)[0]


Add = tuple[bool, str, str, int]
"""One ``_add``: (into the map of parts, key, target, tier)."""
Part = int | str
"""A part of the map: a group (its number in ``_groups``) or an archive word: what it
adds is made again only if something it read changed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SynonymState:
    """What ``synonym_maps`` keeps for the next build's (``kept``): the inputs it read, what
    each part added and which parts read what."""

    own_groups: tuple[tuple[str, ...], ...]
    counted: WordUses
    too_common: frozenset[str]
    usable: frozenset[str]
    from_lists: dict[str, tuple[str, ...]]
    group_adds: tuple[tuple[Add, ...], ...]
    word_adds: dict[str, tuple[Add, ...]]
    readers: dict[int, tuple[Part, ...]]
    """Fact (``Archive.read``, by ``fact_key``) → the parts that read it, in this build
    or an earlier one: one part too many is made again needlessly, never the reverse."""
    within: dict[str, tuple[Part, ...]]
    """Word → the parts that looked up its substrings in the splitter: a word entering
    or leaving the archive changes them if it is inside the word."""


def synonym_maps(
    resolutions: Sequence[Resolution],
    own_groups: Iterable[Sequence[str]] = (),
    uses: WordUses | None = None,
    kept: SynonymState | None = None,
) -> tuple[SynonymMap, SynonymMap]:
    """The synonym map and the map of parts: for a word the archive uses, its thesaurus
    synonyms in the archive, which the search page applies only to a part of a compound
    the reader typed ("Hauptschul|schließung" → "Auflösung"), never to the word alone."""
    return synonym_maps_kept(resolutions, own_groups, uses, kept)[:2]


def synonym_maps_kept(
    resolutions: Sequence[Resolution],
    own_groups: Iterable[Sequence[str]] = (),
    uses: WordUses | None = None,
    kept: SynonymState | None = None,
) -> tuple[SynonymMap, SynonymMap, SynonymMap, SynonymState]:
    """``synonym_maps``, the map of keys that only Wiktionary's explanations lead to the
    archive (which the search page takes only for a word the archive nowhere contains:
    ``pages.search``) and what the next build keeps of it. With ``kept`` (an earlier
    build's, for the same program), only the parts of the map are made again that read
    something an edit changed (``_changed``); the maps are the same as made from nothing."""
    counted = word_uses(resolutions) if uses is None else uses
    archive = Archive(counted, len(resolutions))
    own = tuple(tuple(str(term) for term in group) for group in own_groups)
    groups = _groups(own)
    if kept is not None and (kept.own_groups != own or len(kept.group_adds) != len(groups)):
        kept = None
    listed_words = {term.lower() for group, curated in groups if curated for term in group}
    stale: set[Part] = set()
    readers: dict[int, tuple[Part, ...]] = {}
    within: dict[str, tuple[Part, ...]] = {}
    if kept is not None:
        stale = _stale(kept, *_changed(kept, archive))
        readers, within = dict(kept.readers), dict(kept.within)

    def made(part: Part, adds: list[Add]) -> tuple[Add, ...]:
        reads, inside = archive.recorded()
        for fact in reads:
            _note(readers, fact_key(fact), part)
        for word in inside:
            _note(within, word, part)
        return tuple(adds)

    from_lists: dict[str, tuple[str, ...]] = {}
    group_adds: list[tuple[Add, ...]] = []
    for number, (group, curated) in enumerate(groups):
        if not curated and not from_lists:
            found, *_ = _tables(group_adds)
            from_lists = {key: tuple(_ranked(found, key, archive)) for key in found} or {"": ()}
            if kept is not None:
                stale.update(
                    part
                    for key in from_lists.keys() | kept.from_lists.keys()
                    if from_lists.get(key) != kept.from_lists.get(key)
                    for part in kept.readers.get(fact_key(LISTED + key), ())
                )
        if kept is not None and number not in stale:
            group_adds.append(kept.group_adds[number])
            continue
        archive.record()
        adds = _group_adds(archive, group, curated, from_lists, listed_words)
        group_adds.append(made(number, adds))
    synonyms: dict[str, set[str]] | None = None
    word_adds: dict[str, tuple[Add, ...]] = {}
    for word in archive.uses:
        previous = kept.word_adds.get(word) if kept is not None else None
        if previous is not None and word not in stale:
            word_adds[word] = previous
            continue
        synonyms = synonyms if synonyms is not None else _single_synonyms(groups)
        archive.record()
        word_adds[word] = made(word, _word_adds(archive, word, synonyms))
    found, part_table, explanations = _tables((*group_adds, *word_adds.values()))
    mapping: SynonymMap = {}
    for key in sorted(found):
        ranked = _ranked(found, key, archive)
        if len(key) >= MIN_WORD and ranked:
            chosen = ranked[:MOST_TARGETS]
            inside = (word for target in chosen for word in archive.unsplit_compounds(target))
            mapping[key] = tuple(dict.fromkeys((*chosen, *inside)))
    mapping = _with_heads(mapping, found)
    # An explanation's words only for a word no other source leads anywhere.
    explained: SynonymMap = {
        key: tuple(_ranked(explanations, key, archive)[:MOST_EXPLAINED])
        for key in sorted(explanations)
        if len(key) >= MIN_WORD and key not in mapping
    }
    part_map: SynonymMap = {}
    senses = thesaurus_senses()
    for key in sorted(part_table):
        ranked = [t for t in _ranked(part_table, key, archive) if t not in mapping.get(key, ())]
        if len(key) >= MIN_WORD and ranked and key in archive.form and senses[key] <= PART_SENSES:
            part_map[key] = tuple(ranked[:MOST_TARGETS])
    state = SynonymState(
        own_groups=own,
        counted=counted,
        too_common=archive.too_common,
        usable=archive.usable,
        from_lists=from_lists,
        group_adds=tuple(group_adds),
        word_adds=word_adds,
        readers=readers,
        within=within,
    )
    return mapping, part_map, explained, state


MIN_HEAD = 4
"""As ``MIN_HEAD`` in ratsarchiv-query.js: the shortest head of a typed compound."""
MOST_FROM_HEAD = 2


def _with_heads(mapping: SynonymMap, found: Ranked) -> SynonymMap:
    """A compound's entry followed by the first curated targets of its head's entry, the
    longest head that is a key ("bio|müll": "bioabfälle", then "abfall"): the search page
    splits a typed compound only where it has no entry of its own, and the own entry may
    name a compound that the pages do not use where they use the head's word ("Abfall").
    Only the lists' targets (tier 0): a thesaurus sense of a head alone ("Werk": "Betrieb")
    is often not the compound's ("Stock|werk")."""
    extended: SynonymMap = {}
    for key, targets in mapping.items():
        heads = (key[at:] for at in range(MIN_WORD, len(key) - MIN_HEAD + 1))
        head = next((head for head in heads if head in mapping), "")
        tiers = found.get(head, {})
        more = [target for target in mapping.get(head, ()) if tiers.get(target, (1,))[0] == 0]
        extended[key] = tuple(dict.fromkeys((*targets, *more[:MOST_FROM_HEAD])))
    return extended


def fact_key(fact: str) -> int:
    """A fact as a number: kept for tens of thousands of facts, numbers load several times
    faster than strings. Two facts of one number only make a part again needlessly."""
    return zlib.crc32(fact.encode("utf-8"))


def _note(index: dict[Any, tuple[Part, ...]], fact: int | str, part: Part) -> None:
    parts = index.get(fact, ())
    if part not in parts:
        index[fact] = (*parts, part)


def _stale(kept: SynonymState, changed: set[str], inside: tuple[str, ...]) -> set[Part]:
    """The parts that read a changed fact or looked up a changed word in the splitter."""
    stale = {part for fact in changed for part in kept.readers.get(fact_key(fact), ())}
    if inside:
        stale.update(
            part
            for whole, parts in kept.within.items()
            if any(word in whole for word in inside)
            for part in parts
        )
    return stale


def _groups(own: tuple[tuple[str, ...], ...]) -> list[tuple[tuple[str, ...], bool]]:
    """Every group and whether it is curated (the archive's own and the shipped list)."""
    listed = [(group, True) for group in (*own, *listed_groups())]
    return [*listed, *((group, False) for group in thesaurus_groups())]


def _changed(kept: SynonymState, archive: Archive) -> tuple[set[str], tuple[str, ...]]:
    """The facts (``Archive.read``) that differ from the ``kept`` build's, and the words
    that entered or left the archive, as the splitter looks them up (without a final "e")."""
    before, now = kept.counted, archive.counted
    differing = [word for word in before.keys() | now.keys() if before[word] != now[word]]
    changed: set[str] = set()
    inside: set[str] = set()
    for marked in differing:
        word = marked.removeprefix(LOWER_CASE)
        changed.add(NOUN + word)
        if word != marked:
            continue
        changed.update((USES + word, FORM + stem(word)))
        changed.update(MATCHING + key for key in forms(word))
        if (before[word] > 0) != (now[word] > 0):
            inside.add(word.removesuffix("e"))
    changed.update(COMMON + word for word in kept.too_common ^ archive.too_common)
    for word in kept.usable ^ archive.usable:
        changed.update(STARTING + word[:end] for end in range(len(word) + 1))
        backwards = word[::-1]
        changed.update(ENDING + backwards[:end] for end in range(len(backwards) + 1))
    return changed, tuple(sorted(inside))


def _tables(adds: Iterable[tuple[Add, ...]]) -> tuple[Ranked, Ranked, Ranked]:
    """The map's, the map of parts' and the explanations' (kept apart: they neither add
    support to another source's words nor take a place among them)."""
    found: Ranked = defaultdict(dict)
    parts: Ranked = defaultdict(dict)
    explanations: Ranked = defaultdict(dict)
    for part in adds:
        for into_parts, key, target, tier in part:
            table = parts if into_parts else explanations if tier >= EXPLAINED else found
            _add(table, key, target, tier)
    return found, parts, explanations


def _single_synonyms(groups: list[tuple[tuple[str, ...], bool]]) -> dict[str, set[str]]:
    """stem of a single word → the other single words of its groups, lower case."""
    synonyms: dict[str, set[str]] = defaultdict(set)
    for group, _ in groups:
        words = [(stem(term), term.lower()) for term in group if " " not in term]
        for key, _ in words:
            synonyms[key].update(low for other, low in words if other != key)
    return synonyms


def _group_adds(
    archive: Archive,
    group: tuple[str, ...],
    curated: bool,
    from_lists: dict[str, tuple[str, ...]],
    listed_words: set[str],
) -> list[Add]:
    adds: list[Add] = []
    senses = thesaurus_senses()
    targets = {term: archive.targets(term) for term in group}
    as_written = {term: archive.find(term) for term in group}
    words = [term for term in group if " " not in term]
    for term in words:
        # A word the archive uses is found as typed: a thesaurus group is one sense
        # of it among several ("Schule" of fish, "Klasse" of society), which the
        # archive's word need not have. The curated lists name their senses. Inside
        # a compound the reader typed, the other parts narrow the sense: ``parts``.
        into_parts = not curated and as_written[term] is not None
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
                    # A compound stands for a thesaurus word the archive lacks only if
                    # that word has one or two senses: "Markt" (seven: of goods, of
                    # shares, the fair …) in the group of "Kirchweih" must not lead to
                    # "Marktplatz" or "Wochenmarkt"; "Müll" (two) may lead to "Bioabfall"
                    # through a group with "Abfall" only where the lists name them.
                    if (
                        not curated
                        and target != as_written[other]
                        and " " not in other
                        and senses[stem(other)] > PART_SENSES
                    ):
                        continue
                    if own.isdisjoint(forms(target)):
                        for key in variants(term):
                            adds.append((into_parts, key, target, 0 if curated else 1))
        # Two steps, the second through the curated lists: "Hort" is in the
        # thesaurus' group of "Kindergarten", which the shipped list leads to
        # "Kindertageseinrichtung" (the archive's word, where it has no "Kindergarten").
        # Only through a word of the lists as written: a mere stem ("Rechnen",
        # "Rechner") would bridge two senses.
        if not curated and not into_parts:
            for other in words:
                # Not through a word of many senses: "Markt" of the fair is not the
                # list's "Markt" of the weekly market.
                if other.lower() not in listed_words or senses[stem(other)] > PART_SENSES:
                    continue
                archive.read(LISTED + stem(other))
                for target in from_lists.get(stem(other), ()):
                    if own.isdisjoint(forms(target)):
                        for key in variants(term):
                            adds.append((False, key, target, 2))
    # A phrase a reader may type ("Öffentliche Verkehrsmittel"), under the stems of its
    # two words, where the archive does not write both words.
    for term in group:
        phrase = term.split()
        if len(phrase) != 2 or (not curated and targets[term]):
            continue
        own = set(forms(phrase[-1]))
        for other, reached in targets.items():
            for target in reached if other != term else ():
                if target == as_written[other] and not archive.noun(target):
                    continue
                if own.isdisjoint(forms(target.split()[-1])):
                    adds.append((False, phrase_key(term), target, 0 if curated else 1))
    return adds


def _word_adds(archive: Archive, word: str, synonyms: dict[str, set[str]]) -> list[Add]:
    if len(word) <= MIN_WORD or word in PROCEDURE or archive.common(word):
        return []
    if not archive.noun(word):
        return []
    adds = _explained_adds(archive, word)
    if len(word) < 2 * MIN_WORD:
        return adds
    # The archive's "Radfahrende", "Lehrerinnen", "Einsatzkräfte" for the reader's
    # "Radfahrer", "Lehrer", "Einsatzleute".
    for key in _person_keys(word):
        if not archive.has_form(key):
            adds.append((False, key, word, 1))
    # Compounds of the archive reached with a part replaced by one of its synonyms.
    split = archive.halves(word) if len(word) > 2 * MIN_WORD else None
    if split is None:
        return adds
    modifier, link, head = split
    keys = [stem(other + linking(other) + head) for other in synonyms.get(stem(modifier), ())]
    keys += [
        key for other in synonyms.get(stem(head), ()) for key in variants(modifier + link + other)
    ]
    for key in keys:
        # A word the archive itself uses is found as typed; its synonyms come only
        # from the groups (above), not from compounds that merely look alike.
        if not archive.has_form(key):
            adds.append((False, key, word, 1))
    return adds


def _explained_adds(archive: Archive, word: str) -> list[Add]:
    """The headwords Wiktionary explains with the archive's ``word`` ("Trauerhalle":
    "… oft auf einem Friedhof"), where the archive lacks the headword, from its most used form."""
    if archive.find(word) != word:
        return []
    adds: list[Add] = []
    index = explained_by()
    for key in forms(word):
        for head, place in index.get(key, ()):
            if archive.find(head) is None and not _own_compound(archive, head.lower()):
                # Under its stem only, as the search page looks it up (``explanations``):
                # a word no page has is seldom typed in another form than that.
                adds.append((False, stem(head), word, EXPLAINED + place))
    return adds


def _own_compound(archive: Archive, word: str) -> bool:
    """Whether ``word`` is a compound of the archive's words ("Müll|verbrennung"): the
    search page finds it through its parts, closer than through an explanation."""
    archive._split_within(word)  # read for the synonym cache, as in ``halves``
    return bool(archive.splitter.parts(word))
