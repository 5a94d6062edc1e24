"""The YAML parser's English problems → German messages that say what to do.

Editors see these messages in their editor and in CI; "did not find expected key" tells
them nothing. Each of PyYAML's and libyaml's common problems gets a German sentence with
a hint; anything unforeseen gets a general German message, so that no parser English ever
reaches an editor.
"""

from __future__ import annotations

import unicodedata

TAB = "Tabulator statt Leerzeichen; rücken Sie nur mit Leerzeichen ein"
QUOTE_HINT = 'setzen Sie den ganzen Wert in Anführungszeichen ("…")'
UNCLOSED_QUOTE = (
    "die Anführungszeichen werden in dieser Zeile nicht geschlossen; setzen Sie am Ende "
    "des Wertes das passende Anführungszeichen"
)
GENERAL = (
    "hier ist das YAML nicht lesbar; prüfen Sie Einrückung, Doppelpunkte nach den "
    "Feldnamen und Anführungszeichen"
)

_BY_PROBLEM: tuple[tuple[str, str], ...] = (
    (
        "could not find expected ':'",
        "hier fehlt ein Doppelpunkt nach dem Feldnamen (Feldname: Wert)",
    ),
    (
        "mapping values are not allowed",
        "ein Doppelpunkt mit folgendem Leerzeichen ist hier nicht möglich; enthält der "
        f"Wert einen Doppelpunkt, {QUOTE_HINT}; sonst prüfen Sie die Einrückung",
    ),
    (
        "block sequence entries are not allowed",
        "ein Listeneintrag ('- ') ist hier nicht möglich; rücken Sie die Liste unter "
        "ihrem Feldnamen ein",
    ),
    (
        "did not find expected '-' indicator",
        "in der Liste fehlt ein '- ' oder die Einrückung passt nicht; jeder Eintrag "
        "beginnt gleich weit eingerückt mit '- '",
    ),
    (
        "did not find expected key",
        "die Einrückung passt nicht zu den Zeilen davor; rücken Sie Felder derselben "
        f"Ebene gleich weit ein, und enthält ein Wert einen Doppelpunkt, {QUOTE_HINT}",
    ),
    (
        "expected <block end>",
        "die Einrückung passt nicht zu den Zeilen davor; rücken Sie Felder derselben "
        f"Ebene gleich weit ein, und enthält ein Wert einen Doppelpunkt, {QUOTE_HINT}",
    ),
    (
        "did not find expected node content",
        f"hier fehlt ein Wert; beginnt der Wert mit einem Sonderzeichen, {QUOTE_HINT}",
    ),
    (
        "expected the node content",
        f"hier fehlt ein Wert; beginnt der Wert mit einem Sonderzeichen, {QUOTE_HINT}",
    ),
    (
        "did not find expected comment or line break",
        f"nach dem Wert folgt noch etwas in derselben Zeile; {QUOTE_HINT}",
    ),
    (
        "expected a comment or a line break",
        f"nach dem Wert folgt noch etwas in derselben Zeile; {QUOTE_HINT}",
    ),
    (
        "',' or ']'",
        "in der Liste in eckigen Klammern fehlt ein Komma oder die schließende Klammer ']'",
    ),
    (
        "',' or '}'",
        "in der Zuordnung in geschweiften Klammern fehlt ein Komma oder die schließende "
        "Klammer '}'",
    ),
    (
        "escape",
        "unbekannte Zeichenfolge mit '\\' in doppelten Anführungszeichen; schreiben Sie "
        "'\\\\' für einen Backslash oder nehmen Sie einfache Anführungszeichen",
    ),
    (
        "hexdecimal number",
        "unbekannte Zeichenfolge mit '\\' in doppelten Anführungszeichen; schreiben Sie "
        "'\\\\' für einen Backslash oder nehmen Sie einfache Anführungszeichen",
    ),
    (
        "alias",
        "YAML-Verweise ('*…') sind nicht erlaubt; schreiben Sie den Wert aus",
    ),
    (
        "anchor",
        "YAML-Anker ('&…') sind nicht erlaubt; schreiben Sie den Wert aus",
    ),
    (
        "alphabetic or numeric character",
        f"ein Wert darf nicht mit '&', '*' oder '!' beginnen; {QUOTE_HINT}",
    ),
    ("tag", f"ein Wert darf nicht mit '!' beginnen (YAML-Tag); {QUOTE_HINT}"),
    ("URI", f"ein Wert darf nicht mit '!' beginnen (YAML-Tag); {QUOTE_HINT}"),
    ("directive", f"eine Zeile darf nicht mit '%' beginnen; {QUOTE_HINT}"),
    (
        "indentation indicator",
        "nach '|' oder '>' darf nur eine Ziffer von 1 bis 9 folgen; der Text beginnt "
        "in der nächsten Zeile, eingerückt",
    ),
    (
        "a single document",
        "die Datei enthält mehr als ein YAML-Dokument; löschen Sie die Zeile mit '---' "
        "oder '...' zwischen den Feldern",
    ),
    (
        "document",
        "hier beginnt etwas Neues, wo die Kopfdaten weitergehen müssten; prüfen Sie die "
        "Einrückung und ob eine Zeile mit '---', '...' oder einer Klammer beginnt",
    ),
)


_BY_CONTEXT: tuple[tuple[str, str], ...] = (
    ("tag", f"ein Wert darf nicht mit '!' beginnen (YAML-Tag); {QUOTE_HINT}"),
    ("anchor", f"ein Wert darf nicht mit '&', '*' oder '!' beginnen; {QUOTE_HINT}"),
    ("alias", f"ein Wert darf nicht mit '&', '*' oder '!' beginnen; {QUOTE_HINT}"),
    ("directive", f"eine Zeile darf nicht mit '%' beginnen; {QUOTE_HINT}"),
    (
        "block scalar",
        "nach '|' oder '>' darf in der Zeile nichts mehr folgen; der Text beginnt in der "
        "nächsten Zeile, eingerückt",
    ),
)
AFTER_QUOTE = (
    "nach dem schließenden Anführungszeichen folgt noch Text; setzen Sie den ganzen Wert "
    "in Anführungszeichen oder nehmen Sie die Anführungszeichen weg"
)
SEQUENCE_HERE = (
    "ein Listeneintrag ('- ') ist hier nicht möglich; rücken Sie die Liste unter ihrem "
    "Feldnamen ein"
)


def german_problem(
    problem: str | None, context: str | None, character: str, before: str = ""
) -> str:
    """German for a parser problem; ``character`` is the one at the problem's position,
    ``before`` the text of its line before it."""
    english = problem or ""
    if character == "\t" or "tab" in english:
        return TAB
    if "expected key" in english or "<block end>" in english:
        if before.strip() and before.rstrip()[-1] in "\"'":
            return AFTER_QUOTE
        if character == "-" and not before.strip():
            return SEQUENCE_HERE
    for fragment, german in _BY_CONTEXT:
        if context and fragment in context and "end of stream" not in english:
            return german
    if "unexpected end of stream" in english or "unexpected end of the stream" in english:
        if context and "quoted scalar" in context:
            return (
                "die Anführungszeichen werden nicht geschlossen; setzen Sie am Ende des "
                "Wertes das passende Anführungszeichen"
            )
        return "die Daten enden mitten in einem Wert; prüfen Sie Anführungszeichen und Klammern"
    if "cannot start any token" in english:
        return f"ein Wert darf nicht mit {describe_character(character)} beginnen; {QUOTE_HINT}"
    for fragment, german in _BY_PROBLEM:
        if fragment in english:
            return german
    if context and "quoted scalar" in context:
        return (
            "die Anführungszeichen werden nicht geschlossen; setzen Sie am Ende des "
            "Wertes das passende Anführungszeichen"
        )
    return GENERAL


def describe_character(character: str) -> str:
    """``'@'`` for a visible character, ``U+0007`` for one that would not show."""
    if not character or character == "\n":
        return "einem Zeilenende"
    if character.isprintable() and not character.isspace():
        return f"'{character}'"
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")
