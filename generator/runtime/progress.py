"""A progress bar on a terminal, plain lines otherwise (CI logs, pipes)."""

from __future__ import annotations

from typing import TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO, *, width: int = 30) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()

    def log(self, message: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def advance(self, label: str) -> None:
        self.done += 1
        if not self.tty:
            self.stream.write(f"[{self.done}/{self.total}] {label}\n")
            return
        filled = self.width * self.done // self.total
        bar = "█" * filled + "·" * (self.width - filled)
        self.stream.write(f"\r\x1b[K{bar} {self.done}/{self.total} {label[:40]}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()
