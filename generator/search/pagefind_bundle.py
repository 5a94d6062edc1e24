"""Make Pagefind's bundle byte-identical between builds of the same site.

Two things in a Pagefind 1.5 bundle depend on the run rather than on the pages:

- Filter values and the metadata's filter and sort lists come out of a Rust ``HashMap``
  whose iteration order is seeded randomly per process (``RAYON_NUM_THREADS=1`` changes
  nothing; Pagefind issue #638).
- Pages are numbered in the order Pagefind walks the site folder, which is the file
  system's order (creation order on tmpfs, name hashes on ext4), so a page's number,
  and with it every index chunk and filter file that lists it, differs between builds
  and machines (seen at 2,000 resolutions: same pages, other numbers).

The fix gives every page a canonical number (its place in the date sort, whose values
are unique, see ``search.markup``; pages without one after them, by fragment hash),
rewrites the index chunks (``search.pagefind_chunks``), filter files and metadata for it,
sorts the hash-map lists, and names each rewritten file after a hash of its new content.
The names are referred to in two places, both updated: the metadata lists index chunks and
filter files, and ``pagefind-entry.json`` names the metadata file. Pagefind's script only
looks files up by these names and never checks a name against the content, so renaming
with every reference updated is safe. It is all or nothing: a bundle whose layout we do not
recognise exactly (every file must decode as expected) is left as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from generator.search.pagefind_chunks import SIGNATURE, UnknownFormat, head, renumber_chunk

__all__ = ["BundleChanges", "UnknownFormat", "canonical_changes"]

ENTRY = "pagefind-entry.json"
COMPRESSION = 6
"""gzip level of every rewritten file. The index chunks come out 0.8 % larger than
Pagefind's own; level 9 would match them but takes twice as long (measured at 1,400 pages:
0.3 of 0.55 s), and the chunks are rewritten in every build."""

Cbor: TypeAlias = int | str | bytes | list["Cbor"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BundleChanges:
    """What to do to the bundle folder: files to write (new names) and files to remove."""

    write: tuple[tuple[Path, bytes], ...]
    remove: tuple[Path, ...]


# --- The subset of CBOR (RFC 8949) Pagefind writes: integers, strings, arrays ------------


def _decode(data: bytes, at: int) -> tuple[Cbor, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise UnknownFormat(f"CBOR-Zusatzinformation {info}")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        raw = data[at : at + argument]
        if len(raw) != argument:
            raise UnknownFormat("abgeschnittene Zeichenkette")
        return (raw if major == 2 else raw.decode("utf-8")), at + argument
    if major == 4:
        items: list[Cbor] = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise UnknownFormat(f"CBOR-Typ {major}")


def _encode(value: Cbor) -> bytes:
    if isinstance(value, bool):
        raise UnknownFormat("Wahrheitswert")
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return head(3, len(raw)) + raw
    return head(4, len(value)) + b"".join(_encode(item) for item in value)


def _read(path: Path) -> list[Cbor]:
    """A Pagefind data file: gzip of the signature followed by one CBOR array."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownFormat(f"{path.name}: Kennung fehlt")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data) or not isinstance(value, list):
        raise UnknownFormat(f"{path.name}: unerwarteter Aufbau")
    if SIGNATURE + _encode(value) != data:
        raise UnknownFormat(f"{path.name}: nicht verlustfrei lesbar")
    return value


def _pack(value: list[Cbor]) -> tuple[bytes, str]:
    """Compressed file bytes (no timestamp in the gzip header) and a content hash."""
    return _compress(SIGNATURE + _encode(value))


def _compress(raw: bytes) -> tuple[bytes, str]:
    return gzip.compress(raw, compresslevel=COMPRESSION, mtime=0), hashlib.sha256(raw).hexdigest()


def _text(value: Cbor) -> str:
    if not isinstance(value, str):
        raise UnknownFormat("Zeichenkette erwartet")
    return value


def _array(value: Cbor) -> list[Cbor]:
    if not isinstance(value, list):
        raise UnknownFormat("Liste erwartet")
    return value


def _pair_key(value: Cbor) -> str:
    return _text(_array(value)[0])


# --- The bundle -------------------------------------------------------------------------


def canonical_changes(bundle: Path) -> BundleChanges:
    """The rewrites that make ``bundle`` (a ``pagefind/`` folder) independent of the run.

    Raises UnknownFormat if the bundle does not look exactly as expected.
    """
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if not str(entry.get("version", "")).startswith("1."):
        raise UnknownFormat(f"Pagefind-Version {entry.get('version')}")
    write: list[tuple[Path, bytes]] = []
    remove: list[Path] = []
    for language, details in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{details['hash']}.pf_meta"
        meta = _read(meta_path)
        if len(meta) != 6 or not isinstance(meta[0], str):
            raise UnknownFormat(f"{meta_path.name}: unerwarteter Aufbau")
        pages = _array(meta[1])
        sorts = sorted((_array(item) for item in _array(meta[4])), key=_pair_key)
        order = _canonical_order(pages, sorts)
        new_number = [0] * len(pages)
        for new, old in enumerate(order):
            new_number[old] = new
        meta[1] = [pages[old] for old in order]
        meta[4] = [[sort[0], _renumbered(sort[1], new_number, keep_order=True)] for sort in sorts]
        meta[2] = [
            _canonical_chunk(bundle, language, _array(chunk), new_number, write, remove)
            for chunk in _array(meta[2])
        ]
        meta[3] = sorted(
            (
                _canonical_filter(bundle, language, _array(item), new_number, write, remove)
                for item in _array(meta[3])
            ),
            key=_pair_key,
        )
        packed, digest = _pack(meta)
        details["hash"] = f"{language}_{digest[:10]}"
        remove.append(meta_path)
        write.append((bundle / f"pagefind.{details['hash']}.pf_meta", packed))
    # Pagefind writes compact JSON in its own key order; keep both.
    write.append(
        (entry_path, json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode())
    )
    written = {path for path, _ in write}
    return BundleChanges(
        write=tuple(write), remove=tuple(path for path in remove if path not in written)
    )


def _canonical_order(pages: list[Cbor], sorts: list[list[Cbor]]) -> list[int]:
    """Old page numbers in their canonical order: by place in the first sort (by name),
    then by fragment hash. Sort values are unique, so the first sort alone decides for
    every page that has one; Pagefind's own order never does."""
    place: dict[int, int] = {}
    if sorts:
        for position, number in enumerate(_array(sorts[0][1])):
            if not isinstance(number, int) or not 0 <= number < len(pages):
                raise UnknownFormat("Sortierung nennt eine unbekannte Seite")
            place.setdefault(number, position)
    hashes = [_text(_array(page)[0]) for page in pages]
    return sorted(range(len(pages)), key=lambda old: (place.get(old, len(pages)), hashes[old]))


def _renumbered(numbers: Cbor, new_number: list[int], *, keep_order: bool) -> list[Cbor]:
    try:
        renamed = [new_number[_number(old)] for old in _array(numbers)]
    except IndexError:
        raise UnknownFormat("Liste nennt eine unbekannte Seite") from None
    return list(renamed if keep_order else sorted(renamed))


def _number(value: Cbor) -> int:
    if not isinstance(value, int) or value < 0:
        raise UnknownFormat("Seitennummer erwartet")
    return value


def _canonical_chunk(
    bundle: Path,
    language: str,
    chunk: list[Cbor],
    new_number: list[int],
    write: list[tuple[Path, bytes]],
    remove: list[Path],
) -> list[Cbor]:
    """The metadata's ``[from, to, hash]`` entry for the chunk rewritten with new numbers.

    Rewritten even if no number changes: only then are its bytes and name ours (zlib,
    sha256) whatever Pagefind's own compression and naming did."""
    if len(chunk) != 3:
        raise UnknownFormat("Indexeintrag")
    path = bundle / "index" / f"{_text(chunk[2])}.pf_index"
    raw = renumber_chunk(gzip.decompress(path.read_bytes()), new_number)
    packed, digest = _compress(raw)
    new_hash = f"{language}_{digest[:7]}"
    remove.append(path)
    write.append((bundle / "index" / f"{new_hash}.pf_index", packed))
    return [chunk[0], chunk[1], new_hash]


def _canonical_filter(
    bundle: Path,
    language: str,
    pair: list[Cbor],
    new_number: list[int],
    write: list[tuple[Path, bytes]],
    remove: list[Path],
) -> list[Cbor]:
    """The metadata's ``[name, hash]`` entry for the filter file, values and pages sorted."""
    if len(pair) != 2:
        raise UnknownFormat("Filtereintrag")
    name, old_hash = _text(pair[0]), _text(pair[1])
    filter_path = bundle / "filter" / f"{old_hash}.pf_filter"
    content = _read(filter_path)
    if len(content) != 2 or _text(content[0]) != name:
        raise UnknownFormat(f"{filter_path.name}: unerwarteter Aufbau")
    values: list[Cbor] = []
    for item in _array(content[1]):
        value = _array(item)
        if len(value) != 2:
            raise UnknownFormat(f"{filter_path.name}: unerwarteter Wert")
        values.append([_text(value[0]), _renumbered(value[1], new_number, keep_order=False)])
    packed, digest = _pack([name, sorted(values, key=_pair_key)])
    new_hash = f"{language}_{digest[:7]}"
    remove.append(filter_path)
    write.append((bundle / "filter" / f"{new_hash}.pf_filter", packed))
    return [name, new_hash]
