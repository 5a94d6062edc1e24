"""The counts a deciding sentence gives ("mit 6 Stimmen dafür bei 1 Enthaltung"), as a vote
line for the vote readers, which check them against the result."""

from __future__ import annotations

import re

from generator.importers.vote_text import NUMBER_WORDS, number_value

_COUNT = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FOR_AGAINST = re.compile(
    rf"\bmit (?P<yes>{_COUNT}) gegen (?P<no>{_COUNT}) stimmen\b"
    r"|\bmit (?P<ryes>\d{1,3}) ?: ?(?P<rno>\d{1,3})(?: ?: ?(?P<rab>\d{1,3}))? stimmen\b"
)
""""mit 13 gegen 0 Stimmen": for against, as Bavarian minutes write it; and "mit 15:5
Stimmen" (before: read as 5 votes for, the 15 dropped); "mit 15:5:2 Stimmen" for, against,
abstaining (before: read as 2 votes for)."""
COUNTS_IN_SENTENCE = re.compile(
    rf"\b(?P<count>{_COUNT})[ -]*(?P<what>ja-stimmen?|stimmen dafür|stimmen? dagegen|stimmen?"
    r"|nein-stimmen?|gegenstimmen?|enthaltung(?:en)?|stimmenthaltung(?:en)?"
    r"|(?:ja|nein)-(?=,? (?:und|sowie|bei) ))(?:\b|(?<=-))(?! *:)"
    rf"|\b(?P<label>ja(?:-stimmen)?|nein(?:-stimmen)?|dafür|dagegen|enthaltung(?:en)?)\b *:? *"
    rf"(?P<after>{_COUNT})\b"
)
"""A count in a sentence: "12 Stimmen dafür", "2 Stimmen dagegen", "1 Enthaltung", and
label first, "(Ja 10, Nein 12)", "Dafür: 27, Dagegen: 0", "Ja-Stimmen: 5", and the
elliptic "mit 5 Ja- und 8 Nein-Stimmen" (before: 8 against and no count for). A label with a
colon after it is the next count's ("Stimmberechtigte: 11 Ja-Stimmen: 5 Nein-Stimmen: 5"):
the 11 entitled to vote are no votes for."""


def counts_of(text: str) -> str:
    """The counts a sentence gives ("mit 6 Stimmen dafür bei 1 Enthaltung"), as a vote line.

    "mit 13 gegen 0 Stimmen" is 13 for, 0 against; a bare "Stimmen" after "gegen N" is never
    read as for (it is the against of such a pair), and "N Stimmen dagegen" is against."""
    found: dict[str, int] = {}
    pairs = list(_FOR_AGAINST.finditer(text))
    if len(pairs) > 1:
        return ""  # two pairs: two votes; leave them to the reader of text
    if pairs:
        pair = pairs[0]
        yes, no = (pair["yes"], pair["no"]) if pair["yes"] else (pair["ryes"], pair["rno"])
        found = {"Ja": number_value(yes), "Nein": number_value(no)}
        if pair["rab"]:
            found["Enthaltungen"] = int(pair["rab"])
        text = text[: pairs[0].start()] + " " + text[pairs[0].end() :]
    for match in COUNTS_IN_SENTENCE.finditer(text):
        what = match["what"] or match["label"]
        count = number_value(match["count"] or match["after"])
        if match["what"] and re.search(r"\bgegen\s*$", text[: match.start()]):
            return ""  # "gegen 2 Stimmen" without its pair: which side, how many for?
        label = (
            "Nein"
            if what.startswith(("nein", "gegen")) or what.endswith("dagegen")
            else "Enthaltungen"
            if "enthaltung" in what
            else "Ja"
        )
        if label in found:
            return ""  # two counts of one kind: two votes; leave them to the reader of text
        found[label] = count
    return ", ".join(f"{label}: {count}" for label, count in found.items())
