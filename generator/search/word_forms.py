"""How the search compares German words: one ending off (``stem``), the keys of a word's
inflected forms (``variants``, ``forms``). The same as in the search page's
``ratsarchiv-query.js``, which stems what a reader types the same way."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.search.hints import MIN_COUNTED

MIN_WORD = MIN_COUNTED
_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


_AGENT = re.compile(r"[^äöü]*[lr]")
"""What is left of an agent noun when "-er" is cut: "lehr" (Lehrer), "spiel" (Spieler),
"radl" (Radler): without an umlaut and ending in "l" or "r". A plural in "-er" ends
otherwise ("Kind|er", "Feld|er") or has an umlaut ("Häus|er", "Denkmäl|er")."""


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """As ``stem`` in ratsarchiv-query.js: lower case, one German ending off. An agent noun
    keeps its "-er" ("Lehrer", "Lehrern" → "lehrer"), so it is not the thing it comes from
    ("Lehre" → "lehr")."""
    low = word.lower()
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            rest = low[: -len(ending)]
            if ending in ("ern", "er") and _AGENT.fullmatch(rest):
                return low[:-1] if ending == "ern" else low
            return rest
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


_S_LINKED = ("ung", "heit", "keit", "ion", "tät", "schaft", "ling", "tum")
"""Endings after which a modifier takes the linking "s" (Fugen-s): "Information|s|abend",
"Sicherheit|s|dienst", "Gemeinschaft|s|haus"."""


def linking(modifier: str) -> str:
    """As ``linking`` in ratsarchiv-query.js: the linking element a word takes as the
    modifier of a compound, where German grammar fixes it ("s" after "-ung", "-heit",
    "-keit", "-ion", "-tät", "-schaft", "-ling", "-tum"), else none: a replaced modifier
    is joined to the head with it ("Info|abende" → "Information|s|abende")."""
    return "s" if modifier.lower().endswith(_S_LINKED) else ""


def phrase_key(phrase: str) -> str:
    """As in ratsarchiv-query.js (``joinPhrases``): the stems of its words."""
    return " ".join(stem(word) for word in phrase.split())
