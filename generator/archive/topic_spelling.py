"""Topics that look like a misspelling of another topic ("Hausahlt" beside "Haushalt").

Topics are free text, so a typo silently opens a second topic page. A topic one or two
letters away from a more frequent one is most likely that one mistyped: a warning names
the suggestion. Candidates are found through shared deletion variants (the SymSpell idea),
which stays near linear in the number of topics instead of comparing every pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations

from generator.archive.model import Resolution
from generator.archive.problems import Problem, warning

MIN_LENGTH = 5
"""Shorter topics ("Kita", "Bad") are too often one letter apart by design."""


def misspelt_topics(by_topic: Mapping[str, Sequence[Resolution]]) -> list[Problem]:
    """A warning at each use of a topic that is probably a typo of a more frequent one."""
    suggestion: dict[str, str] = {}
    for first, second in _candidate_pairs(by_topic):
        if not _close(first, second):
            continue
        rare, common = sorted((first, second), key=lambda topic: (len(by_topic[topic]), topic))
        if len(by_topic[rare]) == len(by_topic[common]):
            # Equally frequent: nothing says which is right; name the pair once.
            rare, common = max(first, second), min(first, second)
        known = suggestion.get(rare)
        if known is None or len(by_topic[common]) > len(by_topic[known]):
            suggestion[rare] = common
    problems = []
    for rare, common in sorted(suggestion.items()):
        if suggestion.get(common) == rare:
            continue
        uses = len(by_topic[common])
        for resolution in by_topic[rare]:
            index = resolution.topics.index(rare)
            field = f"topics[{index}]"
            line, column = resolution.positions.get(field, (0, 0))
            problems.append(
                warning(
                    resolution.path,
                    line,
                    column,
                    field,
                    f"das Thema '{rare}' unterscheidet sich nur in ein, zwei Buchstaben von "
                    f"'{common}' ({uses} {'Beschluss' if uses == 1 else 'Beschlüsse'}); "
                    f"meinten Sie '{common}'?",
                )
            )
    return problems


def _limit(topic: str) -> int:
    return 1 if len(topic) < 8 else 2


def _deletions(word: str, depth: int) -> set[str]:
    variants = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {v[:i] + v[i + 1 :] for v in frontier for i in range(len(v))}
        variants |= frontier
    return variants


def _candidate_pairs(topics: Mapping[str, object]) -> set[tuple[str, str]]:
    by_variant: defaultdict[str, list[str]] = defaultdict(list)
    for topic in topics:
        folded = topic.casefold()
        if len(folded) < MIN_LENGTH:
            continue
        for variant in _deletions(folded, _limit(folded)):
            by_variant[variant].append(topic)
    pairs: set[tuple[str, str]] = set()
    for sharing in by_variant.values():
        if len(sharing) > 1:
            pairs.update(combinations(sorted(set(sharing)), 2))
    return pairs


def _close(first: str, second: str) -> bool:
    a, b = first.casefold(), second.casefold()
    if a == b:
        return False  # the same slug: reported by the catalog as one topic page
    if any(ch.isdigit() for ch in a + b) and _without_digits(a) == _without_digits(b):
        return False  # "Haushalt 2020" and "Haushalt 2021" are different topics
    limit = min(_limit(a), _limit(b))
    return 0 < _edit_distance(a, b) <= limit


def _without_digits(text: str) -> str:
    return "".join(ch for ch in text if not ch.isdigit())


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance where swapping two neighbours ("ah" ↔ "ha") counts once."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]
