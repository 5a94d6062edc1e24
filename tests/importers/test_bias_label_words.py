""" "Befangen: …" lines whose words are not names: nobody, a negation, a reason."""

from __future__ import annotations

import pytest

from generator.importers.bias_exclusion import extract_bias_label


@pytest.mark.parametrize(
    ("text", "rest", "names"),
    [
        ("Ja: 10, Befangen: keiner der Anwesenden", "Ja: 10", ()),
        ("Ja: 10, Befangen: niemand", "Ja: 10", ()),
        # the opposite of excluded: the words stay, nobody is listed
        ("Ja: 10, nicht befangen: Herr Lind", "Ja: 10, nicht befangen: Herr Lind", ()),
        # the reason is no part of the name; the words stay as written
        (
            "Ja: 10, Befangen: Herr Lind wegen Grundstück",
            "Ja: 10, Befangen: Herr Lind wegen Grundstück",
            ("Herr Lind",),
        ),
        ("Ja: 10, Befangen: Herr Lind, Frau Roth", "Ja: 10", ("Herr Lind", "Frau Roth")),
    ],
)
def test_bias_label_lists_only_members_excluded(
    text: str, rest: str, names: tuple[str, ...]
) -> None:
    assert extract_bias_label(text)[:2] == (rest, names)
