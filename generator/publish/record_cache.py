"""Reuse outputs kept in the build folder under their explicit inputs, so a build makes
only those whose inputs changed: each resolution's download record (its JSON and its CSV
row, ``outputs.downloads``) and its rows of the faction votes table
(``outputs.faction_csv``), each Atom feed (``outputs.feeds``) and each group of OParl
files (a meeting with its agenda items, a paper with its consultations, a list page:
``outputs.oparl``). Of a group only the digests of its files are kept: the files
themselves the build folder keeps under these digests (``output_cache``).

An output is kept under the SHA-256 of its inputs, which the module that makes it names
next to the code that reads them (``downloads.record_inputs``, ``feeds.feed_inputs``); a
resolution is named there by its identity (the digest of its file,
``KeptReads.identities``), never hashed whole. The file is salted with the program's
fingerprint (``build_state``), so a new program version finds nothing. An output that
shows a resolution without an identity is made every time and not kept.

The file is replaced by renaming a complete new one (a killed build leaves the old or the
new one), and only when something in it changed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.outputs.downloads import Encoded, encoded, record_inputs
from generator.outputs.kept import KeptFile, OutputFile, content_digest
from generator.rendering.generated import GeneratedFile

FORMAT = 4

V = TypeVar("V")


class RecordCache:
    def __init__(
        self,
        path: Path,
        salt: str,
        identities: Mapping[str, str],
        catalog: Catalog,
        context: OutputContext,
        outputs: Path | None = None,
    ) -> None:
        """``outputs``: the folder of an ``OutputCache``, where a ``KeptFile``'s bytes are
        read from (made anew where they are not)."""
        self.path = path
        self.outputs = outputs
        self.salt = salt
        self.identities = identities
        self.catalog = catalog
        self.context = context
        self.previous: dict[str, tuple[str, object]] = {}
        self.current: dict[str, tuple[str, object]] = {}
        self.reused: Counter[str] = Counter()
        """Kind of output → how many were taken from the build folder."""
        self.made: Counter[str] = Counter()
        """Kind of output → how many were made anew."""
        try:
            with path.open("rb") as stream:  # the build folder's own file
                stored = pickle.load(stream)
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        if isinstance(stored, dict) and stored.get("key") == (FORMAT, salt):
            self.previous = stored["values"]

    def identity(self, resolution: Resolution) -> str | None:
        return self.identities.get(resolution.id)

    def kept(self, kind: str, name: str, inputs: object | None, make: Callable[[], V]) -> V:
        """``make()``, or what it gave last time for the same ``inputs`` (None: unknown
        inputs, so always made and not kept)."""
        if inputs is None:
            self.made[kind] += 1
            return make()
        entry = f"{kind}:{name}"
        key = hashlib.sha256(pickle.dumps(inputs, protocol=5)).hexdigest()
        found = self.previous.get(entry)
        if found is not None and found[0] == key:
            self.reused[kind] += 1
            self.current[entry] = found
            # Stored by this kind's ``make``, so of its type.
            return found[1]  # type: ignore[return-value]
        self.made[kind] += 1
        value = make()
        self.current[entry] = (key, value)
        return value

    def files(
        self,
        kind: str,
        name: str,
        inputs: str | None,
        make: Callable[[], Sequence[GeneratedFile]],
    ) -> Sequence[OutputFile]:
        """The files ``make()`` gives, or, for the same ``inputs`` as last time, those it
        gave then as ``KeptFile``s (only where the build keeps its outputs in the
        ``OutputCache`` of ``outputs``, which has their bytes)."""
        digests: list[tuple[str, str]] = []
        made: Sequence[GeneratedFile] = ()

        def digests_of_made() -> tuple[tuple[str, str], ...]:
            nonlocal made
            made = make()
            for file in made:
                assert file.content is not None, file.path
                digests.append((file.path, content_digest(file.content)))
            return tuple(digests)

        kept = self.kept(kind, name, inputs, digests_of_made)
        if made or not kept:
            return made
        return [
            KeptFile(path=path, digest=digest, load=partial(self._load, digest, make, path))
            for path, digest in kept
        ]

    def _load(self, digest: str, make: Callable[[], Sequence[GeneratedFile]], path: str) -> bytes:
        if self.outputs is not None:
            try:
                return (self.outputs / digest).read_bytes()
            except OSError:
                pass  # not kept (any more): made below
        content = next(file.content for file in make() if file.path == path)
        assert content is not None, path
        return content

    def encode(self, resolution: Resolution) -> Encoded:
        """``downloads.encoded``, taken from the build folder where its inputs are kept."""
        identity = self.identity(resolution)
        inputs = None
        if identity is not None:
            inputs = (identity, record_inputs(resolution, self.catalog), self.context.site_url)
        return self.kept(
            "record",
            resolution.id,
            inputs,
            lambda: encoded(resolution, self.catalog, self.context),
        )

    def counts(self) -> dict[str, dict[str, int]]:
        """Kind → {"reused": …, "made": …} (for the manifest and the timings)."""
        kinds = sorted({*self.reused, *self.made})
        return {k: {"reused": self.reused[k], "made": self.made[k]} for k in kinds}

    def save(self) -> bool:
        """Keep this build's outputs (and only those); False if nothing changed."""
        if not self.made and self.current.keys() == self.previous.keys():
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump({"key": (FORMAT, self.salt), "values": self.current}, stream, protocol=5)
        temporary.replace(self.path)
        return True
