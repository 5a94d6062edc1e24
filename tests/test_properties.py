"""Property-based: whatever an editor (or a broken tool) writes, check reports, never crashes."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.archive.slugs import slugify
from generator.reading.resolution_reader import read_resolution_file
from tests.conftest import resolution_text

CONTENT_ROOT = Path("/nonexistent-content-root")
DISPLAY = Path("content/resolutions/hauptausschuss/2020/2020-04-17-x.md")

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=30),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=12), children, max_size=5),
    ),
    max_leaves=20,
)
field_names = st.sampled_from(
    [
        "id",
        "title",
        "committee",
        "date",
        "agenda_item",
        "kind",
        "result",
        "vote",
        "topics",
        "relations",
        "attachments",
        "public",
        "meeting",
        "former_ids",
        "source",
        "unknown",
    ]
)


def read(data: bytes) -> tuple[object, list[str]]:
    resolution, problems = read_resolution_file(
        DISPLAY, data, content_root=CONTENT_ROOT, display_path=DISPLAY
    )
    return resolution, [problem.format() for problem in problems]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_problems_not_tracebacks(data: bytes) -> None:
    resolution, problems = read(data)
    assert resolution is None
    assert problems
    assert all(line.startswith(str(DISPLAY)) for line in problems)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(field_names, yaml_values, max_size=10))
def test_arbitrary_front_matter_never_crashes(front_matter: dict[str, object]) -> None:
    text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\nText\n"
    resolution, problems = read(text.encode("utf-8"))
    if resolution is None:
        assert any(": error: " in line for line in problems)


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_arbitrary_text_after_valid_front_matter_never_crashes(garbage: str) -> None:
    valid = resolution_text()
    mangled = valid[: len(valid) // 2] + garbage + valid[len(valid) // 2 :]
    resolution, problems = read(mangled.encode("utf-8", "surrogatepass"))
    assert resolution is not None or any(": error: " in line for line in problems)


@given(st.text())
def test_slugs_are_url_safe_and_stable(text: str) -> None:
    slug = slugify(text)
    assert slug
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert slugify(slug) == slug


def test_german_slugs() -> None:
    assert slugify("Ausschuss für Straßenbau und Grün") == "ausschuss-fuer-strassenbau-und-gruen"
    assert slugify("Bu\u0308rgerhaushalt") == "buergerhaushalt"  # NFD input
