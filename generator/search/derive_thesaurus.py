"""Derive the shipped thesaurus subset from OpenThesaurus (a maintainer's tool, not the build).

    python -m generator.search.derive_thesaurus /usr/share/openthesaurus-de/openthesaurus.txt

Source: OpenThesaurus (https://www.openthesaurus.de), text export as Debian ships it in
``openthesaurus-de-text`` 20160424-4 (``apt-get download openthesaurus-de-text``; the file
is ``/usr/share/openthesaurus-de/openthesaurus.txt``, "Automatically generated
2016-04-24"), Copyright (C) 2003-2014 Daniel Naber and the OpenThesaurus contributors,
licensed under the GNU Lesser General Public License 2.1 or later. The derived file keeps
that licence (``data/openthesaurus-kommunal.txt`` says so in its header).

What is kept, so the build needs no download and the repository no 2.3 MB file:

- nouns (a capital letter), abbreviations ("EDV", "ÖPNV") and noun phrases of up to
  ``MAX_PHRASE`` words ("Arbeitslosengeld II", "elektronische Datenverarbeitung",
  "Öffentlicher Personennahverkehr"): a council archive is searched for things ("Ampel",
  "Müll"), and an authority often writes out what readers abbreviate or name in one word
  (and the reverse); verbs and idioms ("(jemandes) Handlanger") are left out;
- without the senses OpenThesaurus marks as derogatory, vulgar, figurative, joking or
  obsolete ("Müll (derb)" for worthless stuff): those carry a word into a meaning no
  council record has; everyday ("ugs."), technical and official ("Amtsdeutsch") words stay;
- groups with at least one word of municipal records (or a part of one of their compounds):
  the demo archive, the real council records in ``tests/fixtures/`` (Hürtgenwald's OParl
  crawl, the SessionNet and result-wording fixtures), the synthetic archive's vocabulary
  and the shipped administrative/everyday lists; a group about chess or botany adds nothing
  an archive can find;
- at most ``MAX_GROUP`` words per group: the longest groups are loose associations (a group
  of 30 regional names for a pub or a fair is still one thing; one of 50 is not).

The build then keeps, per archive, only the words its own records use (``search.synonym_map``).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from generator.search.compounds import STOPWORDS, CompoundSplitter, distinct_words
from generator.search.synonym_sources import LISTS
from generator.search.word_forms import forms

REPOSITORY = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
OUTPUT = DATA / "openthesaurus-kommunal.txt"
MAX_GROUP = 36
MAX_PHRASE = 3
DROPPED_MARKERS = frozenset(
    {"derb", "vulgär", "abwertend", "fig.", "scherzhaft", "veraltet", "ironisch", "salopp"}
)
_NOUN = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*[a-zäöüß]")
_ABBREVIATION = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}")
# An attribute before the noun of a phrase: "elektronische", "Öffentlicher" (as a noun is).
_ATTRIBUTE = re.compile(r"[a-zäöü][a-zäöüß]+(?:e|en|er|es|em)")
_NUMERAL = re.compile(r"[IVX]{1,4}")
_MARKERS = re.compile(r"\s*\(([^)]*)\)")

HEADER = """\
# Derived from OpenThesaurus (https://www.openthesaurus.de), text export 2016-04-24 as
# Debian ships it (openthesaurus-de-text 20160424-4).
# Copyright (C) 2003-2014 Daniel Naber and the OpenThesaurus contributors.
# Licensed under the GNU Lesser General Public License, version 2.1 or later
# (https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html).
# Modified: nouns, abbreviations and short noun phrases of groups that touch municipal
# vocabulary only, marked senses dropped (see generator/search/derive_thesaurus.py, which
# writes this file).
# One group per line, words separated by ';'.
"""


def terms(line: str) -> list[str]:
    kept: list[str] = []
    for raw in line.split(";"):
        markers = {m.strip() for found in _MARKERS.findall(raw) for m in found.split(",")}
        if markers & DROPPED_MARKERS or raw.strip().startswith("("):
            continue
        word = " ".join(_MARKERS.sub("", raw).split())
        if _thing(word) and word not in kept:
            kept.append(word)
    return kept


def _thing(term: str) -> bool:
    """A noun, an abbreviation, or a noun phrase: attributes, then nouns, then perhaps a
    numeral ("Hartz IV")."""
    words = term.split()
    if len(words) == 1:
        return bool(_NOUN.fullmatch(term) or _ABBREVIATION.fullmatch(term))
    if len(words) > MAX_PHRASE or any(word.lower() in STOPWORDS for word in words):
        return False
    if _NUMERAL.fullmatch(words[-1]):
        words = words[:-1]
    nouns = [bool(_NOUN.fullmatch(w) or _ABBREVIATION.fullmatch(w)) for w in words]
    attributes = [bool(_ATTRIBUTE.fullmatch(w)) for w in words]
    first_noun = nouns.index(True) if True in nouns else len(words)
    return first_noun < len(words) and all(attributes[:first_noun]) and all(nouns[first_noun:])


def archive_texts() -> Iterator[str]:
    for path in sorted((REPOSITORY / "content").rglob("*.md")):
        yield path.read_text(encoding="utf-8")
    for path in sorted((REPOSITORY / "tests" / "fixtures").rglob("*")):
        if path.suffix in {".txt", ".html", ".json", ".tsv", ".yml"} and path.is_file():
            yield path.read_text(encoding="utf-8", errors="replace")
    crawl = REPOSITORY / "tests" / "fixtures" / "real" / "huertgenwald.tar.xz"
    with tarfile.open(crawl) as archive:
        for member in archive.getmembers():
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is not None:
                yield io.TextIOWrapper(handle, encoding="utf-8", errors="replace").read()
    yield (REPOSITORY / "benchmarks" / "vocabulary.py").read_text(encoding="utf-8")
    for name in LISTS:
        listed = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
        for group in listed["groups"]:
            yield " ".join(group)


def municipal_lexicon(texts: Iterable[str]) -> set[str]:
    """The municipal words and their compounds' parts, each under the keys the build
    compares by (``word_forms.forms``): the archive's "Unterrichtsräume" and "Tablets"
    keep the thesaurus groups of "Unterrichtsraum" and "Tablet"."""
    found = {word.lower() for word in distinct_words(texts) if len(word) >= 3}
    splitter = CompoundSplitter(found)
    parts = {part for word in found for part in splitter.parts(word)}
    return {key for word in found | parts for key in forms(word)}


def derive(lines: Iterable[str], lexicon: set[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        group = terms(line.strip())
        # A phrase touches the lexicon through its last word ("Datenverarbeitung").
        if 2 <= len(group) <= MAX_GROUP and any(
            not lexicon.isdisjoint(forms(word.split()[-1])) for word in group
        ):
            groups.append(group)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="openthesaurus.txt (Debian-Paket)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    lexicon = municipal_lexicon(archive_texts())
    source = args.source.read_text(encoding="utf-8").splitlines()
    groups = derive(source, lexicon)
    args.output.write_text(HEADER + "".join(";".join(g) + "\n" for g in groups), "utf-8")
    print(f"{len(groups)} Gruppen, {args.output.stat().st_size} Bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
