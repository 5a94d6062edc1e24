"""Reading content files: bytes → NFC text → front matter and body.

Everything compares and slugs on NFC text: macOS writes file contents and names in NFD,
and "Bürger" in NFD would otherwise not equal "Bürger" typed on Windows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.archive.problems import Problem, error

MAX_FILE_BYTES = 1_000_000
"""A resolution file larger than this is refused: real ones stay far below 100 kB."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceText:
    path: Path
    front_matter: str
    front_matter_line: int
    """File line on which the front matter's first line stands."""
    body: str
    body_line: int


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    if len(data) > MAX_FILE_BYTES:
        size_kb = len(data) // 1000
        return None, [
            error(
                path,
                0,
                0,
                None,
                f"die Datei ist {size_kb} kB groß; erlaubt sind höchstens "
                f"{MAX_FILE_BYTES // 1000} kB. Große Dokumente gehören als PDF-Anlage daneben",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            error(
                path,
                line,
                0,
                None,
                "die Datei ist nicht UTF-8-kodiert; speichern Sie sie im Editor als UTF-8",
            )
        ]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [error(path, line, 0, None, "die Datei enthält ein Nullzeichen (NUL)")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), []


def split_front_matter(path: Path, text: str) -> tuple[SourceText | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [
            error(
                path,
                1,
                1,
                None,
                "die Datei muss mit einer Zeile '---' beginnen, gefolgt von den Kopfdaten "
                "(YAML) und einer weiteren Zeile '---'",
            )
        ]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return SourceText(
                path=path,
                front_matter="\n".join(lines[1:index]) + "\n",
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            ), []
    return None, [
        error(
            path,
            1,
            1,
            None,
            "die Kopfdaten werden nicht mit einer Zeile '---' abgeschlossen",
        )
    ]
