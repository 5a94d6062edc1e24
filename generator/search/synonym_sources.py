"""The shipped synonym sources: the lists of administrative and everyday municipal words
(``data/kommunal.yml`` and, area by area of the municipal product plan,
``data/kommunal-produktbereiche.yml``), the OpenThesaurus subset
(``data/openthesaurus-kommunal.txt``, LGPL-2.1, derived by ``search.derive_thesaurus``)
and the words that explain a headword in
German Wiktionary (``data/wiktionary-erklaerungen.txt``, CC BY-SA 4.0, derived by
``search.derive_glosses``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from importlib import resources

import yaml

from generator.search.word_forms import stem

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML has it: the list is read by every build."""


LISTS = ("kommunal.yml", "kommunal-produktbereiche.yml")
"""The shipped lists of administrative and everyday words, read in this order."""


@cache
def listed_groups() -> tuple[tuple[str, ...], ...]:
    """The shipped lists of administrative and everyday words (``LISTS``)."""
    data = resources.files("generator.search") / "data"
    groups: list[tuple[str, ...]] = []
    for name in LISTS:
        text = (data / name).read_text(encoding="utf-8")
        listed = yaml.load(text, Loader=_SAFE_LOADER)["groups"]
        groups += (tuple(str(term) for term in group) for group in listed)
    return tuple(groups)


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


@cache
def thesaurus_senses() -> Counter[str]:
    """How many thesaurus groups each word (by stem) is in: a word of many groups has many
    senses ("Ergebnis", "Erfolg"), one of one group means that group's thing."""
    return Counter(stem(word) for group in thesaurus_groups() for word in group if " " not in word)


Explained = dict[str, tuple[tuple[str, int], ...]]
"""stem of an explaining word → (headword, the word's place in its explanation), for
each headword whose explanation names it."""


@cache
def explained_by() -> Explained:
    """The Wiktionary explanations, by the stem of each explaining word ("friedhof":
    ("Trauerhalle", 1)), so that the build looks up only its own words."""
    data = resources.files("generator.search") / "data"
    text = (data / "wiktionary-erklaerungen.txt").read_text(encoding="utf-8")
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            head, *words = line.split(";")
            for place, word in enumerate(words):
                found[stem(word)].append((head, place))
    return {key: tuple(heads) for key, heads in found.items()}
