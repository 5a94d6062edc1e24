"""Read YAML as editors write it, keeping where every value stood.

PyYAML's ``safe_load`` loses line numbers, silently keeps the last of two equal keys and
turns ``no`` into ``False``. We compose the node tree (with the C parser when present)
and build plain Python values ourselves, so that every later problem can name the line,
duplicate keys are reported, non-standard tags (``!!python/object``) are refused, and the
original spelling of every scalar is kept for messages such as "``no`` was read as false".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.archive.problems import Problem, error
from generator.reading.yaml_messages import (
    GENERAL,
    TAB,
    UNCLOSED_QUOTE,
    describe_character,
    german_problem,
)

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

KeyPath = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
MAX_YAML_CHARACTERS = 200_000
"""Front matter and settings stay far below this; it bounds the parser's work per file."""
_TRUE = {"true", "yes", "on", "y"}
_DATE = re.compile(r"^\d{4}-\d\d?-\d\d?$")


@dataclass(slots=True)
class YamlDocument:
    """Plain values plus, for every key path, where its value starts and how it was spelled."""

    value: object
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each value; for a mapping entry, of its key."""
    spelling: dict[KeyPath, str] = field(default_factory=dict)
    """The source text of each plain (unquoted) scalar, e.g. ``no`` for a value read as False."""


def format_key_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def parse_yaml(
    text: str, source: Path, *, first_line: int = 1
) -> tuple[YamlDocument, list[Problem]]:
    """Parse one YAML document; ``first_line`` is the file line where ``text`` starts."""
    if len(text) > MAX_YAML_CHARACTERS:
        return YamlDocument(None), [
            error(
                source,
                first_line,
                0,
                None,
                f"die YAML-Daten sind {len(text) // 1000} kB lang; erlaubt sind höchstens "
                f"{MAX_YAML_CHARACTERS // 1000} kB",
            )
        ]
    reference = _first_anchor_or_alias(text)
    if reference is not None:
        line, column, message = reference
        return YamlDocument(None), [error(source, line + first_line, column + 1, None, message)]
    builder = _Builder(source, first_line - 1)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + first_line, mark.column + 1) if mark else (first_line, 0)
        character, before = _character_at(text, mark) if mark else ("", "")
        reason = german_problem(exc.problem, exc.context, character, before)
        unclosed = _unclosed_quote(text, mark.line if mark else 0)
        if unclosed is not None and reason != TAB:
            # The parser notices a missing closing quote only lines later, where the
            # text no longer fits: the place to fix is where the quote opens.
            line, column = unclosed[0] + first_line, unclosed[1] + 1
            reason = UNCLOSED_QUOTE
        return YamlDocument(None), [
            error(source, line, column, None, f"YAML-Syntaxfehler: {reason}")
        ]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + first_line
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = chr(exc.character) if isinstance(exc.character, int) else ""
        return YamlDocument(None), [
            error(
                source,
                line,
                column,
                None,
                f"das Zeichen {describe_character(character)} ist in YAML nicht erlaubt; "
                "löschen Sie es",
            )
        ]
    except yaml.YAMLError:
        return YamlDocument(None), [error(source, first_line, 0, None, f"YAML-Fehler: {GENERAL}")]
    if node is None:
        return YamlDocument(None), []
    value = builder.build(node, ())
    return YamlDocument(value, builder.marks, builder.spelling), builder.problems


def _first_anchor_or_alias(text: str) -> tuple[int, int, str] | None:
    """(line, column, message), 0-based, of the first anchor or alias in ``text``.

    The composer shares an aliased node instead of copying it, but building plain values
    copies it at every use: ten levels of nine aliases ("billion laughs") would be 9¹⁰
    values. Editors never need them, so they are refused before anything is built.
    """
    if "&" not in text and "*" not in text:
        return None  # most files: no scan needed
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                mark = token.start_mark
                sign, what = (
                    ("&", "Anker") if isinstance(token, yaml.AnchorToken) else ("*", "Verweise")
                )
                return (
                    mark.line,
                    mark.column,
                    f"YAML-{what} ('{sign}{token.value}') sind nicht erlaubt; "
                    "schreiben Sie den Wert an jeder Stelle aus",
                )
    except yaml.YAMLError:
        return None  # the syntax error is reported by composing
    return None


_OPENING_QUOTE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s#'\"-][^#]*?:[ ]+)?([\"'])")


def _unclosed_quote(text: str, last_line: int) -> tuple[int, int] | None:
    """(line, column), 0-based, of the first quoted value up to ``last_line`` that does
    not close on its own line."""
    for number, line in enumerate(text.split("\n")[: last_line + 1]):
        match = _OPENING_QUOTE.match(line)
        if match is None:
            continue
        quote, rest = match.group(1), line[match.end() :]
        closed = (
            re.search(r'(?<!\\)(?:\\\\)*"', rest) if quote == '"' else "'" in rest.replace("''", "")
        )
        if not closed:
            return number, match.start(1)
    return None


def _character_at(text: str, mark: yaml.Mark) -> tuple[str, str]:
    """The character at ``mark`` and the text of its line before it."""
    lines = text.split("\n")
    if mark.line >= len(lines):
        return "", ""
    line = lines[mark.line]
    return (line[mark.column] if mark.column < len(line) else "\n"), line[: mark.column]


class _Builder:
    def __init__(self, source: Path, line_offset: int) -> None:
        self.source = source
        self.line_offset = line_offset
        self.marks: dict[KeyPath, tuple[int, int]] = {}
        self.spelling: dict[KeyPath, str] = {}
        self.problems: list[Problem] = []

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def _refuse(self, node: yaml.Node, path: KeyPath, message: str) -> None:
        line, column = self._where(node)
        field_name = format_key_path(path) or None
        self.problems.append(error(self.source, line, column, field_name, message))

    def build(self, node: yaml.Node, path: KeyPath) -> object:
        self.marks.setdefault(path, self._where(node))
        if node.tag not in _STANDARD_TAGS:
            self._refuse(
                node,
                path,
                f"der YAML-Tag '{node.tag}' ist nicht erlaubt; schreiben Sie den Wert ohne Tag",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._refuse(key_node, path, "YAML-Verweise (<<) sind nicht erlaubt")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._refuse(key_node, path, "ein Feldname muss ein einfacher Text sein")
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                first_line = self.marks[child][0]
                self._refuse(
                    key_node,
                    child,
                    f"das Feld steht doppelt (zuerst in Zeile {first_line}); "
                    "löschen Sie eine der beiden Zeilen",
                )
                continue
            self.marks[child] = self._where(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> object:
        raw = str(node.value)
        if node.style not in (None, ""):  # quoted or block scalar: always text
            return raw
        self.spelling[path] = raw
        tag = node.tag
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return raw.lower() in _TRUE
        if tag == "tag:yaml.org,2002:int":
            try:
                return int(raw.replace("_", ""), 0)
            except ValueError:
                return raw
        if tag == "tag:yaml.org,2002:float":
            try:
                return float(raw.replace("_", ""))
            except ValueError:
                return raw
        if tag == "tag:yaml.org,2002:timestamp":
            if _DATE.match(raw):
                try:
                    year, month, day = (int(part) for part in raw.split("-"))
                    return datetime.date(year, month, day)
                except ValueError:
                    return raw  # e.g. 2020-13-01: the validator says what it expected
            return raw
        return raw
