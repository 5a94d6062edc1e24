"""Write a fictional archive of N resolutions in the content format, for benchmarks.

    python benchmarks/synthesize.py --count 10000 --seed 1 /tmp/archiv

The output is a complete ``content/`` folder (archive.yml, committees.yml, legal pages,
resolutions/<committee>/<year>/...) that passes ``ratsarchiv check --strict``. The same
seed always gives byte-identical files, so benchmark runs are comparable.

Shape: 15 committees, 20 years (2005–2024), meetings of 5–20 agenda items, 300–600 words
of resolution text and discussion per resolution, about 40 topics, unanimous and split
votes with per-faction breakdowns, relations to earlier resolutions, Drucksachen numbers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import vocabulary as v
from generator.archive.slugs import slugify

FIRST_YEAR = 2005
YEARS = 20
MIN_WORDS, MAX_WORDS = 300, 600
MIN_ITEMS, MAX_ITEMS = 5, 20
RESULTS = (
    "adopted",
    "adopted_with_changes",
    "rejected",
    "noted",
    "deferred",
    "referred",
    "withdrawn",
)
RESULT_WEIGHTS = (60, 12, 8, 8, 5, 4, 3)
DOCUMENTS_URL = "https://www.musterstadt.example/drucksachen/"
RELATIONS = ("see_also", "amends", "implements", "supersedes")
RELATION_WEIGHTS = (6, 3, 1, 1)

_ARTICLES = {
    "nom": {"m": "der", "f": "die", "n": "das", "p": "die"},
    "acc": {"m": "den", "f": "die", "n": "das", "p": "die"},
    "dat": {"m": "dem", "f": "der", "n": "dem", "p": "den"},
    "gen": {"m": "des", "f": "der", "n": "des", "p": "der"},
}


def _declined(noun: str, gender: str, case: str) -> str:
    """``("Bebauungsplan", "m", "gen")`` → ``"des Bebauungsplans"``."""
    form = noun
    if case == "gen" and gender in "mn":
        form += "es" if noun[-1] in "szß" else "s"
    elif case == "dat" and gender == "p" and not noun.endswith("n"):
        form += "n"
    return f"{_ARTICLES[case][gender]} {form}"


def _genitive_name(name: str) -> str:
    if name.startswith("Bezirksvertretung"):
        return f"der {name}"
    if name.startswith("Rat "):
        return "des Rates"
    if name.startswith("Ausschuss "):
        return "des Ausschusses " + name.removeprefix("Ausschuss ")
    return f"des {name}es"


def _nominative_name(name: str) -> str:
    return f"Die {name}" if name.startswith("Bezirksvertretung") else f"Der {name}"


def _dative_name(name: str) -> str:
    return f"der {name}" if name.startswith("Bezirksvertretung") else f"dem {name}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Committee:
    id: str
    name: str
    short_name: str
    kind: str
    prefix: str
    weight: int


COMMITTEES = tuple(
    Committee(id=c[0], name=c[1], short_name=c[2], kind=c[3], prefix=c[4], weight=c[5])
    for c in v.COMMITTEES
)
TOPIC_NAMES = tuple(name for name, _ in v.TOPICS)
DISTRICT_COUNCILS = tuple(c for c in COMMITTEES if c.kind == "district_council")


@dataclass(slots=True)
class Written:
    """What later resolutions may refer to."""

    id: str
    date: datetime.date
    reference: str
    kind: str


@dataclass(slots=True)
class State:
    rng: random.Random
    sequence: dict[tuple[str, int], int] = field(default_factory=dict)
    references: dict[int, int] = field(default_factory=dict)
    by_topic: dict[str, list[Written]] = field(default_factory=dict)
    pending_urgency: list[Written] = field(default_factory=list)


class _Slots(dict[str, str]):
    """Fills a sentence pattern's slots on demand, so unused slots cost nothing."""

    def __init__(self, rng: random.Random, context: dict[str, str]) -> None:
        super().__init__(context)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        rng = self.rng
        value: str
        if key[:2] == "G_":
            if rng.random() < 0.5:
                noun, gender = rng.choice(v.GENERIC_NOUNS)
            else:
                tail, gender = rng.choice(v.COMPOUND_TAILS)
                noun = rng.choice(v.COMPOUND_HEADS) + tail
            value = _declined(noun, gender, key[2:])
        elif key in ("district", "district2"):
            value = rng.choice(v.DISTRICTS)
        elif key == "street":
            value = (
                rng.choice(v.STREETS)
                if rng.random() < 0.3
                else rng.choice(v.STREET_ROOTS) + rng.choice(v.STREET_SUFFIXES)
            )
        elif key == "dept":
            value = rng.choice(v.DEPARTMENTS)
        elif key == "amount":
            value = f"{rng.randrange(4, 4000) * 1250:,}".replace(",", ".")
        elif key == "percent":
            value = str(rng.randrange(10, 90, 5))
        elif key in ("count", "count2", "weeks"):
            value = str(rng.randrange(2, 9))
        elif key == "month":
            value = rng.choice(v.MONTHS)
        elif key == "name":
            value = rng.choice(v.SURNAMES)
        elif key == "faction":
            value = rng.choice(v.FACTIONS)
        elif key == "title_person":
            value = rng.choice(("Rh.", "Rf.", "Rm."))
        elif key == "officer":
            value = f"{rng.choice(('Frau', 'Herr'))} {rng.choice(v.SURNAMES)}"
        elif key == "adj":
            value = rng.choice(v.ADJECTIVES)
        elif key == "bv":
            value = rng.choice(DISTRICT_COUNCILS).name.removeprefix("Bezirksvertretung ")
        else:
            raise KeyError(key)
        return value


class _Sentences:
    """Sentences from a list of patterns, none repeated before all have been used once."""

    def __init__(self, rng: random.Random, patterns: tuple[str, ...], context: dict[str, str]):
        self.rng = rng
        self.patterns = patterns
        self.context = context
        self.unused: list[str] = []

    def next(self) -> str:
        if not self.unused:
            self.unused = list(self.patterns)
            self.rng.shuffle(self.unused)
        text = self.unused.pop().format_map(_Slots(self.rng, self.context))
        return text[0].upper() + text[1:]


def _meeting_sizes(rng: random.Random, count: int) -> list[int]:
    sizes: list[int] = []
    total = 0
    while total < count:
        size = min(rng.randint(MIN_ITEMS, MAX_ITEMS), count - total)
        sizes.append(size)
        total += size
    # A short last meeting spreads its items over earlier ones, so meetings keep 5–20 items.
    if len(sizes) > 1 and sizes[-1] < MIN_ITEMS:
        rest = sizes.pop()
        for index in range(len(sizes)):
            while rest and sizes[index] < MAX_ITEMS:
                sizes[index] += 1
                rest -= 1
        if rest:
            sizes.append(rest)
    return sizes


def _meetings(rng: random.Random, count: int) -> Iterator[tuple[Committee, datetime.date, int]]:
    """(committee, date, number of items) per meeting, in date order."""
    sizes = _meeting_sizes(rng, count)
    start = datetime.date(FIRST_YEAR, 1, 10)
    span = (datetime.date(FIRST_YEAR + YEARS - 1, 12, 15) - start).days
    weights = [c.weight for c in COMMITTEES]
    taken: set[tuple[str, datetime.date]] = set()
    for index, size in enumerate(sizes):
        committee = rng.choices(COMMITTEES, weights)[0]
        day = start + datetime.timedelta(days=int((index + rng.random()) * span / len(sizes)))
        while day.weekday() >= 5 or (committee.id, day) in taken:
            day += datetime.timedelta(days=1)
        taken.add((committee.id, day))
        yield committee, day, size


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _faction_votes(
    rng: random.Random, committee: Committee, *, adopted: bool
) -> tuple[dict[str, int], list[tuple[str, dict[str, int]]]] | None:
    seats = v.SEATS[committee.kind]
    for _ in range(20):
        factions: list[tuple[str, dict[str, int]]] = []
        totals = {"for": 0, "against": 0, "abstain": 0}
        for name, count in zip(v.FACTIONS, seats, strict=True):
            present = count - (1 if count > 2 and rng.random() < 0.2 else 0)
            if present == 0:
                continue
            position = rng.choices(("for", "against", "abstain"), (5, 3, 1))[0]
            counts = {position: present}
            if present > 3 and rng.random() < 0.15:  # a faction that does not vote as a bloc
                other = "abstain" if position != "abstain" else "for"
                counts = {position: present - 1, other: 1}
            for key, number in counts.items():
                totals[key] += number
            factions.append((name, counts))
        if (totals["for"] > totals["against"]) == adopted and totals["against"] > 0:
            return totals, factions
    return None


def _vote_yaml(rng: random.Random, committee: Committee, result: str) -> list[str]:
    if result in ("noted", "deferred", "referred", "withdrawn"):
        return []
    adopted = result != "rejected"
    roll = rng.random()
    if adopted and roll < 0.5:
        lines = ["vote:", "  unanimous: true"]
        if roll < 0.08:
            lines.append(f"  abstain: {rng.randint(1, 3)}")
        return lines
    split = _faction_votes(rng, committee, adopted=adopted)
    if split is None:
        return ["vote:", "  unanimous: true"] if adopted else []
    totals, factions = split
    indent = "  "
    lines = ["vote:"]
    if adopted and roll > 0.93:  # separate votes on parts of the resolution
        lines += ["  - part: Punkte 1 und 2", "    unanimous: true", "  - part: Übrige Punkte"]
        indent = "    "
    lines += [f"{indent}{key}: {number}" for key, number in totals.items()]
    lines.append(f"{indent}factions:")
    for name, counts in factions:
        lines.append(f"{indent}  - name: {name}")
        lines += [f"{indent}    {key}: {number}" for key, number in counts.items()]
    return lines


def _result(rng: random.Random) -> str:
    return rng.choices(RESULTS, RESULT_WEIGHTS)[0]


def _body(
    rng: random.Random,
    context: dict[str, str],
    amends: Written | None,
) -> tuple[str, str]:
    """Resolution text (numbered points) and discussion, 300–600 words together."""
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 30)
    text_lines: list[str] = []
    if rng.random() < 0.4:
        text_lines += [f"{context['committee_nom']} beschließt:", ""]
    points = rng.randint(2, 6)
    text_sentences = _Sentences(rng, v.TEXT_SENTENCES, context)
    discussion_sentences = _Sentences(rng, v.DISCUSSION_SENTENCES, context)
    for number in range(1, points + 1):
        sentences = [text_sentences.next() for _ in range(rng.randint(1, 2))]
        if number == 1 and amends is not None:
            sentences.insert(
                0,
                f"Der Beschluss vom {amends.date:%d.%m.%Y} (Drucksache {amends.reference}) "
                "wird wie folgt geändert.",
            )
        text_lines.append(f"{number}. {' '.join(sentences)}")
    text = "\n".join(text_lines)
    words = len(text.split())
    paragraphs: list[str] = []
    while words < target:
        if paragraphs and rng.random() < 0.08:
            heading = f"### {rng.choice(v.SUBHEADINGS)}"
            paragraphs.append(heading)
            words += len(heading.split())
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if words >= target:
                break
            sentence = discussion_sentences.next()
            sentences.append(sentence)
            words += len(sentence.split())
        if sentences:
            paragraphs.append(" ".join(sentences))
    return text, "\n\n".join(paragraphs)


def _write_resolution(
    state: State,
    root: Path,
    committee: Committee,
    date: datetime.date,
    item: int,
    items: int,
    meeting_number: int,
) -> None:
    rng = state.rng
    key = (committee.prefix, date.year)
    state.sequence[key] = state.sequence.get(key, 0) + 1
    resolution_id = f"{committee.prefix}-{date.year}-{state.sequence[key]:03d}"
    state.references[date.year] = state.references.get(date.year, 0) + 1
    reference = f"{date.year}/{state.references[date.year]:04d}"

    kind = "ordinary"
    ratifies: Written | None = None
    if committee.id == "rat" and state.pending_urgency and item <= 2:
        kind, ratifies = "ratification", state.pending_urgency.pop(0)
    elif committee.id == "hauptausschuss" and rng.random() < 0.1:
        kind = "urgency_decision"
    elif committee.kind == "committee" and committee.id != "hauptausschuss" and rng.random() < 0.15:
        kind = "recommendation"
    result = "adopted" if kind in ("ratification", "urgency_decision") else _result(rng)

    topic_index = rng.randrange(len(v.TOPICS))
    topic, subjects = v.TOPICS[topic_index]
    subject, gender = rng.choice(subjects)
    topics = [topic]
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        extra = rng.choice(TOPIC_NAMES)
        if extra not in topics:
            topics.append(extra)

    relations: list[tuple[str, Written]] = []
    if ratifies is not None:
        relations.append(("ratifies", ratifies))
    earlier = [w for w in state.by_topic.get(topic, ())[-40:] if w.date < date]
    if earlier and rng.random() < 0.35:
        for _ in range(rng.choice((1, 1, 2))):
            target = rng.choice(earlier)
            if all(target.id != other.id for _, other in relations):
                relation = rng.choices(RELATIONS, RELATION_WEIGHTS)[0]
                relations.append((relation, target))
    amends = next((w for kind_, w in relations if kind_ == "amends"), None)

    title = rng.choice(v.TITLE_PATTERNS).format(
        subject=subject,
        year=date.year,
        district=rng.choice(v.DISTRICTS),
        street=rng.choice(v.STREETS),
        faction=rng.choice(v.FACTIONS),
        ordinal=rng.randint(1, 5),
    )
    if kind == "ratification" and ratifies is not None:
        title = (
            f"Genehmigung der Dringlichkeitsentscheidung vom {ratifies.date:%d.%m.%Y}: {subject}"
        )
    context = {
        "S_nom": _declined(subject, gender, "nom"),
        "S_acc": _declined(subject, gender, "acc"),
        "S_dat": _declined(subject, gender, "dat"),
        "S_gen": _declined(subject, gender, "gen"),
        "committee_nom": _nominative_name(committee.name),
        "committee_nom_lower": _nominative_name(committee.name).lower()[:3]
        + _nominative_name(committee.name)[3:],
        "committee_dat": _dative_name(committee.name),
        "ref": reference,
        "year": str(date.year + rng.randint(0, 2)),
        "old_year": str(date.year - rng.randint(1, 8)),
        "old_date": f"{date - datetime.timedelta(days=rng.randint(60, 2000)):%d.%m.%Y}",
    }
    text, discussion = _body(rng, context, amends)

    lines = [
        "---",
        f"id: {resolution_id}",
        f"title: {_quote(title)}",
        f"committee: {committee.id}",
        f"date: {date.isoformat()}",
        "meeting:",
        f"  name: {_quote(f'{meeting_number}. Sitzung {_genitive_name(committee.name)}')}",
        f"  number: {meeting_number}",
        "agenda_item:",
        f'  number: "{item}"',
    ]
    if item == items and items > 6 and rng.random() < 0.2:
        lines.append(f"addendum_date: {date.isoformat()}")
    lines.append(f'reference: "{reference}"')
    lines.append(f"paper_type: {rng.choice(v.PAPER_TYPES)}")
    lines.append(f"kind: {kind}")
    if kind == "recommendation":
        lines.append("recommended_to: rat")
    lines.append(f"result: {result}")
    lines += _vote_yaml(rng, committee, result)
    if kind == "urgency_decision":
        lines.append("legal_basis: § 60 Abs. 1 Satz 1 GO NRW")
    elif rng.random() < 0.3:
        lines.append(f"legal_basis: {rng.choice(v.LEGAL_BASES)}")
    movers = (
        ["Verwaltung"]
        if rng.random() < 0.7
        else [f"{f}-Fraktion" for f in rng.sample(v.FACTIONS[:5], rng.randint(1, 2))]
    )
    lines.append("moved_by:")
    lines += [f"  - {_quote(mover)}" for mover in movers]
    lines.append("topics:")
    lines += [f"  - {_quote(name)}" for name in topics]
    if rng.random() < 0.25:
        lines += [
            "attachments:",
            f"  - url: {DOCUMENTS_URL}{reference.replace('/', '-')}.pdf",
            f"    title: {_quote(f'Drucksache {reference}')}",
        ]
    if relations:
        lines.append("relations:")
        for relation_type, target in relations:
            lines += [f"  - type: {relation_type}", f"    target: {target.id}"]
    if rng.random() < 0.03:
        lines.append("public: false")
    lines += ["---", "", text, "", "## Beratung", "", discussion, ""]

    written = Written(id=resolution_id, date=date, reference=reference, kind=kind)
    state.by_topic.setdefault(topic, []).append(written)
    if kind == "urgency_decision":
        state.pending_urgency.append(written)

    slug = slugify(subject, max_length=40)
    folder = root / "resolutions" / committee.id / str(date.year)
    path = folder / f"{date.isoformat()}-top-{item}-{slug}.md"
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_settings(root: Path) -> None:
    (root / "archive.yml").write_text(
        """# Synthetisches Archiv für Benchmarks (erfundene Stadt Musterstadt; Adressen auf .test,
# damit check wie bei einem echten Archiv keine Beispielwerte meldet).
municipality: Stadt Musterstadt
ags: "05999000"
site_url: https://ratsarchiv.musterstadt.test/
contact:
  name: Stadt Musterstadt, Büro des Rates
  address: "Rathausplatz 1, 99999 Musterstadt"
  email: ratsbuero@musterstadt.test
data_license:
  name: Datenlizenz Deutschland – Namensnennung – Version 2.0
  url: https://www.govdata.de/dl-de/by-2-0
legal:
  imprint: legal/impressum.md
  privacy: legal/datenschutz.md
  accessibility: legal/barrierefreiheit.md
""",
        encoding="utf-8",
    )
    lines = ["# Synthetisches Gremienverzeichnis für Benchmarks.", "committees:"]
    for committee in COMMITTEES:
        lines += [
            f"  - id: {committee.id}",
            f"    name: {_quote(committee.name)}",
            f"    short_name: {_quote(committee.short_name)}",
            f"    kind: {committee.kind}",
            "    active_from: 1975-01-01",
        ]
    (root / "committees.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    legal = root / "legal"
    legal.mkdir(parents=True, exist_ok=True)
    pages = {
        "impressum.md": "Stadt Musterstadt, Rathausplatz 1, 99999 Musterstadt. "
        "Vertreten durch die Bürgermeisterin.",
        "datenschutz.md": "Diese Website speichert keine personenbezogenen Daten und setzt "
        "keine Cookies.",
        "barrierefreiheit.md": "Die Stadt Musterstadt ist bemüht, diese Website barrierefrei "
        "zugänglich zu machen.",
    }
    for name, text in pages.items():
        (legal / name).write_text(
            f"> Erfundene Angaben für Benchmarks.\n\n{text}\n", encoding="utf-8"
        )


def synthesize(root: Path, count: int, seed: int = 1) -> None:
    """Write ``count`` resolutions and the settings they need into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    _write_settings(root)
    for committee in COMMITTEES:
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            (root / "resolutions" / committee.id / str(year)).mkdir(parents=True, exist_ok=True)
    state = State(rng=random.Random(seed))
    meeting_numbers: dict[tuple[str, int], int] = {}
    for committee, date, items in _meetings(state.rng, count):
        key = (committee.id, date.year)
        meeting_numbers[key] = meeting_numbers.get(key, 0) + 1
        for item in range(1, items + 1):
            _write_resolution(state, root, committee, date, item, items, meeting_numbers[key])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to write the content into")
    parser.add_argument("--count", type=int, default=1000, help="number of resolutions")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    args = parser.parse_args(argv)
    if args.target.exists() and any(args.target.iterdir()):
        parser.error(f"{args.target} exists and is not empty")
    started = time.perf_counter()
    synthesize(args.target, args.count, args.seed)
    elapsed = time.perf_counter() - started
    print(f"{args.count} resolutions written to {args.target} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
