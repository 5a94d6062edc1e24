"""Make Pagefind's bundle byte-identical between builds of the same site.

Pagefind 1.5 keeps filter values in a Rust ``HashMap`` whose iteration order is seeded
randomly per process (not by thread scheduling: ``RAYON_NUM_THREADS=1`` changes nothing).
So each run writes the values of every filter file (``filter/<lang>_<hash>.pf_filter``)
and the filter list in the metadata file (``pagefind.<lang>_<hash>.pf_meta``) in another
order; the files are named by a hash of their content, so their names change too, and so
does the metadata file's name recorded in ``pagefind-entry.json``. Everything else
(index chunks, fragments, WASM, scripts) is already stable; Pagefind's maintainer
confirms this (Pagefind issue #638).

The fix sorts those lists, names each rewritten file after a hash of its new content, and
updates the two places that refer to the names: the metadata file lists filter files by
name, and ``pagefind-entry.json`` names the metadata file. Pagefind's script only looks
files up by these names and never checks a name against the content, so renaming with
every reference updated is safe. It is all or nothing: a bundle whose layout we do not
recognise exactly (every file must decode and re-encode to the very same bytes) is left
as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"

Cbor: TypeAlias = int | str | bytes | list["Cbor"]


class UnknownFormat(Exception):
    """The bundle is not laid out as this module expects; leave it alone."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BundleChanges:
    """What to do to the bundle folder: files to write (new names) and files to remove."""

    write: tuple[tuple[Path, bytes], ...]
    remove: tuple[Path, ...]


# --- The subset of CBOR (RFC 8949) Pagefind writes: unsigned ints, strings, arrays --------


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


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise UnknownFormat("Zahl zu groß")


def _encode(value: Cbor) -> bytes:
    if isinstance(value, bool):
        raise UnknownFormat("Wahrheitswert")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


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
    raw = SIGNATURE + _encode(value)
    return gzip.compress(raw, compresslevel=9, mtime=0), hashlib.sha256(raw).hexdigest()


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
        filters = _array(meta[3])
        renamed: list[Cbor] = []
        for item in filters:
            pair = _array(item)
            if len(pair) != 2:
                raise UnknownFormat("Filtereintrag")
            name, old_hash = _text(pair[0]), _text(pair[1])
            filter_path = bundle / "filter" / f"{old_hash}.pf_filter"
            content = _read(filter_path)
            if len(content) != 2 or _text(content[0]) != name:
                raise UnknownFormat(f"{filter_path.name}: unerwarteter Aufbau")
            values = sorted(_array(content[1]), key=_pair_key)
            packed, digest = _pack([name, values])
            new_hash = f"{language}_{digest[:7]}"
            renamed.append([name, new_hash])
            remove.append(filter_path)
            write.append((bundle / "filter" / f"{new_hash}.pf_filter", packed))
        meta[3] = sorted(renamed, key=_pair_key)
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
