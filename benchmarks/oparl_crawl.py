"""Write a local OParl crawl of N agenda items, grown from a real crawl, for import benchmarks.

    python benchmarks/oparl_crawl.py --items 15000 --seed 1 /tmp/crawl

The real crawl (default: the Hürtgenwald crawl kept in the repository as
``tests/fixtures/real/huertgenwald.tar.xz``, unpacked into a temporary folder) is copied
again and again until it holds N agenda items: copy k gets new ids for every meeting, agenda
item, paper, consultation, file, location, organization and membership it contains (the last
number in the id plus k × 1,000,000, references rewritten alike) and every date shifted by k
× 52 weeks (same weekday, roughly the same season). The town thus grows denser rather than
older: more meetings per committee and year, as in a larger town. Everything else stays as
the town delivered it: line breaks in names, vote counts in ``result``, ``resolutionFile``
metadata, consultations embedded in papers, section headers among the agenda items, deleted
objects without ``type``, references to objects the endpoint never delivered.

The last copy is partial: a seeded random choice of meetings (the last one cut to size) and
the papers consulted there, so that N is exact and the same seed gives byte-identical
files. Lists are written in the real crawl's layout and page size (``body/1/meeting.json``,
``body/1/meeting?page=2.json``, …, 25 objects a page); system, body and person files are
copied once, unchanged.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL_CRAWL_ARCHIVE = REPO / "tests" / "fixtures" / "real" / "huertgenwald.tar.xz"
"""The real Hürtgenwald crawl, packed (see the README beside it for source and licence)."""

REPLICATED = ("organization", "meeting", "paper")
"""The lists copied once per copy of the town; all other files are copied once."""
ID_OFFSET = 1_000_000
SHIFT = datetime.timedelta(weeks=52)
DATE_KEYS = frozenset(("start", "end", "date", "created", "modified", "startDate", "endDate"))
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)")

Json = object


@dataclass(frozen=True, slots=True)
class RealCrawl:
    root: Path
    lists: dict[str, list[dict[str, Json]]]
    """``meeting``/``paper``/``organization`` → every object of that list, in order."""
    list_urls: dict[str, str]
    page_size: int
    other_files: tuple[Path, ...]
    """Files copied unchanged (system, body, persons, …), relative to ``root``."""

    @property
    def agenda_items(self) -> int:
        return sum(_agenda_count(meeting) for meeting in self.lists["meeting"])


def _page_number(path: Path) -> int:
    _, _, number = path.stem.partition("?page=")
    return int(number) if number else 1


def read_real_crawl(root: Path) -> RealCrawl:
    """The real crawl's lists, page after page, and the body's list addresses."""
    body_file = root / "body.json"
    body_page = json.loads(body_file.read_text(encoding="utf-8"))
    body = body_page["data"][0] if "data" in body_page else body_page
    body_folder = root / _url_path(str(body["id"]), root)
    lists: dict[str, list[dict[str, Json]]] = {}
    list_urls: dict[str, str] = {}
    page_size = 0
    listed: set[Path] = set()
    for name in REPLICATED:
        pages = sorted(
            [*body_folder.glob(f"{name}.json"), *body_folder.glob(f"{name}?page=*.json")],
            key=_page_number,
        )
        if not pages:
            raise FileNotFoundError(f"{body_folder}: no {name} list in the real crawl")
        objects: list[dict[str, Json]] = []
        for page in pages:
            value = json.loads(page.read_text(encoding="utf-8"))
            objects.extend(value["data"])
            page_size = max(page_size, int(value.get("pagination", {}).get("elementsPerPage", 0)))
            listed.add(page)
        lists[name] = objects
        list_urls[name] = str(body[name])
    others = tuple(sorted(p.relative_to(root) for p in root.rglob("*.json") if p not in listed))
    return RealCrawl(root, lists, list_urls, page_size or 25, others)


def _url_path(url: str, root: Path) -> Path:
    """``https://host/…/v1.0/body/1`` → ``body/1``: the crawl names files after URL paths."""
    system = json.loads((root / "system.json").read_text(encoding="utf-8"))
    base = str(system["id"]).rsplit("/", 1)[0] + "/"
    return Path(url.removeprefix(base))


def _agenda_count(meeting: dict[str, Json]) -> int:
    items = meeting.get("agendaItem")
    return len(items) if isinstance(items, list) else 0


def _ids(value: Json, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        ident = value.get("id")
        if isinstance(ident, str):
            found.add(ident)
        for child in value.values():
            _ids(child, found)
    elif isinstance(value, list):
        for child in value:
            _ids(child, found)
    return found


def _new_id(ident: str, copy: int) -> str:
    """The last number in the id plus copy × ID_OFFSET: ``…/file/1-6904`` → ``…/file/1-1006904``."""
    number = _LAST_NUMBER.search(ident)
    if number is None:
        return f"{ident}-{copy}"
    if int(number.group(1)) >= ID_OFFSET:
        raise ValueError(f"{ident}: number too large for the id offset {ID_OFFSET}")
    start, end = number.span(1)
    return f"{ident[:start]}{int(number.group(1)) + copy * ID_OFFSET}{ident[end:]}"


def _shift(text: str, days: datetime.timedelta) -> str:
    match = _DATE.match(text)
    if match is None:
        return text
    try:
        day = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return text
    return (day + days).isoformat() + text[10:]


def _rewriter(ids: set[str], copy: int) -> Callable[[str], str]:
    """Ids of copied objects get new ones; so do URLs below them (an organization's
    ``…/organization/1-3/meeting`` list). Everything else, ids of objects that are not
    copied (persons, objects the endpoint never delivered) included, stays."""
    renamed: dict[str, str] = {}

    def rewrite(text: str) -> str:
        if text in renamed:
            return renamed[text]
        new = text
        if text in ids:
            new = _new_id(text, copy)
        else:
            parent, _, rest = text.rpartition("/")
            if parent in ids:
                new = f"{_new_id(parent, copy)}/{rest}"
        renamed[text] = new
        return new

    return rewrite


def _copied(value: Json, rewrite: Callable[[str], str], days: datetime.timedelta) -> Json:
    if isinstance(value, dict):
        return {
            key: _shift(child, days)
            if key in DATE_KEYS and isinstance(child, str)
            else _copied(child, rewrite, days)
            for key, child in value.items()
        }
    if isinstance(value, list):
        return [_copied(child, rewrite, days) for child in value]
    if isinstance(value, str):
        return rewrite(value)
    return value


def _partial(crawl: RealCrawl, wanted: int, rng: random.Random) -> dict[str, list[dict[str, Json]]]:
    """A random part of the town holding exactly ``wanted`` agenda items."""
    meetings = crawl.lists["meeting"]
    order = list(range(len(meetings)))
    rng.shuffle(order)
    chosen: dict[int, dict[str, Json]] = {}
    count = 0
    for index in order:
        if count >= wanted:
            break
        meeting = meetings[index]
        items = _agenda_count(meeting)
        if count + items > wanted:
            agenda = meeting["agendaItem"]
            assert isinstance(agenda, list)
            meeting = {**meeting, "agendaItem": agenda[: wanted - count]}
            items = wanted - count
        chosen[index] = meeting
        count += items
    kept_meetings = [chosen[i] for i in sorted(chosen)]
    kept_ids = _ids(kept_meetings, set())
    fraction = wanted / max(crawl.agenda_items, 1)
    papers = []
    for paper in crawl.lists["paper"]:
        consultations = paper.get("consultation")
        linked = [
            c
            for c in (consultations if isinstance(consultations, list) else [])
            if isinstance(c, dict) and (c.get("agendaItem") or c.get("meeting"))
        ]
        if linked:
            if any(c.get("agendaItem") in kept_ids or c.get("meeting") in kept_ids for c in linked):
                papers.append(paper)
        elif rng.random() < fraction:  # never consulted, or deleted: a fair share
            papers.append(paper)
    return {
        "organization": crawl.lists["organization"],
        "meeting": kept_meetings,
        "paper": papers,
    }


def _write_list(
    target: Path, url: str, objects: list[dict[str, Json]], page_size: int, root: Path
) -> None:
    """Pages as the real crawl stores them: ``NAME.json``, then ``NAME?page=N.json``."""
    relative = _url_path(url, root)
    folder = target / relative.parent
    folder.mkdir(parents=True, exist_ok=True)
    pages = max(1, -(-len(objects) // page_size))
    for number in range(1, pages + 1):
        links = {"first": f"{url}?page=1", "self": f"{url}?page={number}"}
        links["last"] = f"{url}?page={pages}"
        if number > 1:
            links["prev"] = f"{url}?page={number - 1}"
        if number < pages:
            links["next"] = f"{url}?page={number + 1}"
        page = {
            "data": objects[(number - 1) * page_size : number * page_size],
            "pagination": {
                "totalElements": len(objects),
                "elementsPerPage": page_size,
                "currentPage": number,
                "totalPages": pages,
            },
            "links": links,
        }
        name = f"{relative.name}.json" if number == 1 else f"{relative.name}?page={number}.json"
        (folder / name).write_text(json.dumps(page, separators=(",", ":")), encoding="utf-8")


def unpack_real_crawl(folder: Path) -> Path:
    """Unpack the repository's real crawl into ``folder``; returns the crawl's own folder."""
    with tarfile.open(REAL_CRAWL_ARCHIVE, "r:xz") as archive:
        archive.extractall(folder, filter="data")
    return folder / "huertgenwald"


def synthesize_crawl(
    target: Path, items: int, seed: int = 1, real: Path | None = None
) -> RealCrawl:
    """Write a crawl of exactly ``items`` agenda items into ``target``; returns the source.

    ``real``: an unpacked real crawl; without it, the repository's own is unpacked for the run.
    """
    if real is None:
        with tempfile.TemporaryDirectory(prefix="real-crawl-") as folder:
            return synthesize_crawl(target, items, seed, unpack_real_crawl(Path(folder)))
    crawl = read_real_crawl(real)
    per_copy = crawl.agenda_items
    rng = random.Random(seed)
    lists: dict[str, list[dict[str, Json]]] = {name: [] for name in REPLICATED}
    ids = _ids(crawl.lists, set())
    copy, remaining = 0, items
    while remaining > 0:
        part = crawl.lists if remaining >= per_copy else _partial(crawl, remaining, rng)
        if copy == 0:
            copied = part
        else:
            rewrite = _rewriter(ids, copy)
            copied = {
                name: [_copied(obj, rewrite, copy * SHIFT) for obj in objects]
                for name, objects in part.items()
            }
        for name in REPLICATED:
            lists[name].extend(copied[name])
        remaining -= min(remaining, per_copy)
        copy += 1
    target.mkdir(parents=True, exist_ok=True)
    for relative in crawl.other_files:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(real / relative, target / relative)
    for name in REPLICATED:
        _write_list(target, crawl.list_urls[name], lists[name], crawl.page_size, real)
    return crawl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to write the crawl into")
    parser.add_argument("--items", type=int, default=15000, help="number of agenda items")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    parser.add_argument(
        "--real-crawl",
        type=Path,
        default=None,
        help=f"an unpacked real crawl to grow from (default: {REAL_CRAWL_ARCHIVE.name} unpacked)",
    )
    args = parser.parse_args(argv)
    if args.target.exists() and any(args.target.iterdir()):
        parser.error(f"{args.target} exists and is not empty")
    started = time.perf_counter()
    synthesize_crawl(args.target, args.items, args.seed, args.real_crawl)
    elapsed = time.perf_counter() - started
    print(f"{args.items} agenda items written to {args.target} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
