"""Each resolution's download record (its JSON and its CSV row, ``outputs.downloads``)
kept in the build folder, so a build encodes only the records whose inputs changed.

A record is kept under the SHA-256 of its inputs, made explicit: the resolution's
identity (the digest of its file, ``KeptReads.identities``), what the record takes from
the catalog (``downloads.record_inputs``) and the site's address; the file is salted with
the program's fingerprint (``build_state``), so a new program version finds nothing.
Resolutions without an identity are encoded every time and not kept.

The file is replaced by renaming a complete new one (a killed build leaves the old or the
new one), and only when a record changed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Mapping
from pathlib import Path

from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.outputs.downloads import Encoded, encoded, record_inputs

FORMAT = 1


class RecordCache:
    def __init__(
        self,
        path: Path,
        salt: str,
        identities: Mapping[str, str],
        catalog: Catalog,
        context: OutputContext,
    ) -> None:
        self.path = path
        self.salt = salt
        self.identities = identities
        self.catalog = catalog
        self.context = context
        self.previous: dict[str, tuple[str, Encoded]] = {}
        self.current: dict[str, tuple[str, Encoded]] = {}
        self.reused = 0
        self.encoded = 0
        try:
            with path.open("rb") as stream:  # the build folder's own file
                stored = pickle.load(stream)
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        if isinstance(stored, dict) and stored.get("key") == (FORMAT, salt):
            self.previous = stored["records"]

    def encode(self, resolution: Resolution) -> Encoded:
        """``downloads.encoded``, taken from the build folder where its inputs are kept."""
        identity = self.identities.get(resolution.id)
        if identity is None:
            self.encoded += 1
            return encoded(resolution, self.catalog, self.context)
        inputs = (identity, record_inputs(resolution, self.catalog), self.context.site_url)
        key = hashlib.sha256(pickle.dumps(inputs, protocol=5)).hexdigest()
        kept = self.previous.get(resolution.id)
        if kept is not None and kept[0] == key:
            self.reused += 1
            self.current[resolution.id] = kept
            return kept[1]
        self.encoded += 1
        value = encoded(resolution, self.catalog, self.context)
        self.current[resolution.id] = (key, value)
        return value

    def save(self) -> bool:
        """Keep this build's records (and only those); False if nothing changed."""
        if self.encoded == 0 and self.current.keys() == self.previous.keys():
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump({"key": (FORMAT, self.salt), "records": self.current}, stream, protocol=5)
        temporary.replace(self.path)
        return True
