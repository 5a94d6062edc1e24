"""Outputs an earlier build made from the same inputs, handed on without being made again.

A reuse output that stands in many files (an OParl meeting with its agenda items, a list
page) is made by a group: the build keeps, under the digest of the group's inputs, the
digests of the files it gave (``publish.record_cache``), and the build folder keeps each
file under the digest of its bytes (``publish.output_cache``). With the same inputs, the
group's files are ``KeptFile``s: a path and a digest, linked from the build folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.archive.model import Resolution
from generator.rendering.generated import GeneratedFile


def content_digest(content: bytes) -> str:
    """The name a file's bytes are kept under (``publish.output_cache``)."""
    return hashlib.sha256(content).hexdigest()


def inputs_digest(inputs: object) -> str:
    """One digest for inputs made of strings, numbers, ``None`` and tuples of them: their
    ``repr`` is the same in every build (a pickle may differ where two equal strings are
    one object in one build and two in the next)."""
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class KeptFile:
    """A bulk output whose bytes an earlier build wrote: known only by their digest."""

    path: str
    digest: str
    load: Callable[[], bytes]
    """The bytes: read from the build folder, or made anew where it lost them."""
    bulk: bool = True


OutputFile = GeneratedFile | KeptFile


class KeptGroups(Protocol):
    """What the build passes to reuse groups of files (``publish.record_cache``)."""

    def identity(self, resolution: Resolution) -> str | None: ...

    def files(
        self,
        kind: str,
        name: str,
        inputs: str | None,
        make: Callable[[], Sequence[GeneratedFile]],
    ) -> Sequence[OutputFile]: ...


def made(files: Iterable[OutputFile]) -> list[GeneratedFile]:
    """``files`` of a build that keeps nothing: every one was made."""
    return [made_file(file) for file in files]


def made_file(file: OutputFile) -> GeneratedFile:
    assert isinstance(file, GeneratedFile), file.path
    return file
