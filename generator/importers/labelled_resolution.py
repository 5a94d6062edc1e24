"""A resolution under a label that says how it was carried: "Einstimmiger Beschluss: …".

Salzgitter's ALLRIS extract writes the outcome into the label and the resolution after it
("Einstimmiger Beschluss: Die Standgebühren … bleiben für 2016 unverändert bestehen."). The
label decides, as "einstimmig beschlossen" would; the text after it must be a plain resolution
and nothing else (no other result, motion, recommendation, count or condition: the words
``wording_votes`` already keeps from reading counts under a resolution).
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.result_wording import Meaning
from generator.importers.wording_votes import NOT_A_PLAIN_RESOLUTION, VOTE_STARTS, read_votes

_LABELLED = re.compile(
    r"\s*(?P<manner>einstimmig(?:er| gefasster)|mehrheitlich(?:er| gefasster))\s+beschluss\s*:"
    r"\s*(?P<resolution>\S.*)",
    re.IGNORECASE | re.DOTALL,
)


def labelled_resolution(text: str) -> tuple[Meaning, str] | None:
    """Adopted (unanimously where the label says so), or None where the label is not there or
    the text after it is more than a plain resolution."""
    found = _LABELLED.fullmatch(text)
    if found is None:
        return None
    resolution, vote = found["resolution"], ""
    counts = VOTE_STARTS.search(resolution)
    if counts is not None:  # the counts after it are checked against the label, as anywhere
        resolution, vote = resolution[: counts.start()], resolution[counts.start() :]
    if NOT_A_PLAIN_RESOLUTION.search(resolution):
        return None
    unanimous = found["manner"].lower().startswith("einstimmig")
    if unanimous and any(v.against for v in read_votes(vote)):
        return None  # "Einstimmiger Beschluss" beside "Nein: 3": not unanimous at all
    return Meaning(result=Result.ADOPTED, unanimous=unanimous), vote.strip()
