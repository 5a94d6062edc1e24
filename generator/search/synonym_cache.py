"""The synonym map's parts kept in the build folder (``synonym_map.SynonymState``), so
that a build after an edit makes again only the parts whose reads the edit changed.

The state names its own inputs (the archive's word counts, its ``synonyms.yml`` groups),
so it is right for any later build of the same program: the file is salted with the
program's fingerprint (``publish.build_state``), which covers the shipped word lists.
It is replaced by renaming a complete new file; whatever is wrong with it is a state not
kept, and the map is made from nothing.
"""

from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path

from generator.search.synonym_map import SynonymState

FORMAT = 1


class SynonymCache:
    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.previous: SynonymState | None = None
        self.current: SynonymState | None = None
        """What this build made (``pages.search``), kept by ``save``."""
        gc.disable()  # tens of thousands of objects: a collection per thousand is waste
        try:
            with path.open("rb") as stream:  # the build folder's own file
                if pickle.load(stream) != (FORMAT, salt):
                    return
                state = pickle.load(stream)
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return
        finally:
            gc.enable()
        if isinstance(state, SynonymState):
            self.previous = state

    def save(self) -> None:
        if self.current is None or self.current is self.previous:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump((FORMAT, self.salt), stream, protocol=5)
            pickle.dump(self.current, stream, protocol=5)
        temporary.replace(self.path)
