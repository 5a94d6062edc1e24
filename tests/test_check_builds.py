"""What ``check`` accepts, ``build`` builds: generated archives never end in a traceback.

``date: 9999-12-31`` passed ``check`` and broke the build. Here hypothesis writes whole
archives (dates over the plausible range, any letters in titles and names, votes, topics,
Markdown-ish bodies); whenever ``check`` accepts one, the generator must carry it to the
Markdown for MkDocs. One archive at the edges goes through the full build.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.build import prepare
from generator.cli import main
from generator.reading.fields import EARLIEST_DATE, latest_date
from generator.reading.loading import load_archive
from tests.conftest import REPOSITORY, resolution_file, write_tree
from tests.site_fixtures import site_options

COMMITTEES = {"rat": "rat", "hauptausschuss": "ha"}
text_characters = st.characters(
    categories=["L", "N", "P", "S", "Zs"], exclude_characters="\u2028\u2029"
)
one_line = st.text(text_characters, min_size=1, max_size=30)
body_text = st.text(
    st.sampled_from(list("abcäöüß XYZ 123 .,;:!?*_#-+>|`~[]()<>\n\t\"'&%/\\")), max_size=200
)


@st.composite
def resolutions(draw: st.DrawFn, number: int) -> tuple[str, str]:
    """(path inside content/, file text) of one resolution."""
    committee = draw(st.sampled_from(sorted(COMMITTEES)))
    # Mostly plausible dates; sometimes any date at all, which check must refuse.
    date = draw(st.dates(EARLIEST_DATE, latest_date()) | st.dates())
    kind = draw(st.sampled_from(["ordinary", "urgency_decision", "recommendation"]))
    fields: dict[str, object] = {
        "id": f"{COMMITTEES[committee]}-{date.year}-{number:03}",
        "title": draw(one_line),
        "committee": committee,
        "date": date,
        "agenda_item": {"number": draw(st.from_regex(r"[0-9]{1,2}(\.[0-9])?", fullmatch=True))},
        "kind": kind,
        "result": draw(
            st.sampled_from(
                ["adopted", "adopted_with_changes", "rejected", "deferred", "referred", "noted"]
            )
        ),
        "topics": draw(st.lists(one_line, max_size=3, unique=True)),
        "moved_by": draw(st.lists(one_line, max_size=2)),
    }
    if kind == "recommendation":
        fields["recommended_to"] = "rat"
    if fields["result"] == "referred" and draw(st.booleans()):
        fields["referred_to"] = draw(st.sampled_from(sorted(COMMITTEES)))
    if draw(st.booleans()):
        fields["meeting"] = {
            "name": draw(one_line),
            "number": draw(st.integers(min_value=1, max_value=999)),
        }
    if draw(st.booleans()):
        fields["vote"] = draw(
            st.one_of(
                st.just({"unanimous": True}),
                st.fixed_dictionaries(
                    {
                        "for": st.integers(0, 99),
                        "against": st.integers(0, 99),
                        "abstain": st.integers(0, 99),
                    }
                ),
            )
        )
    if draw(st.booleans()):
        fields["legal_basis"] = draw(one_line)
    body = draw(body_text).strip() or "Der Rat beschließt."
    name = f"resolutions/{committee}/{date.year}/{date.isoformat()}-b{number}.md"
    return name, resolution_file(body, **fields)


@st.composite
def archives(draw: st.DrawFn) -> dict[str, str]:
    count = draw(st.integers(min_value=1, max_value=4))
    return dict(draw(resolutions(number)) for number in range(1, count + 1))


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(archives())
@example(  # the case: check accepted it, and the calendar's end date overflowed
    {
        "resolutions/rat/9999/9999-12-31-b1.md": resolution_file(
            id="rat-9999-001", title="T", committee="rat", date="9999-12-31", agenda_item="1"
        )
    }
)
def test_every_archive_check_accepts_reaches_the_markdown_for_mkdocs(
    files: dict[str, str],
) -> None:
    with tempfile.TemporaryDirectory(prefix="ratsarchiv-property-") as folder:
        base = Path(folder)
        content = write_tree(base / "content", files)
        catalog, _ = load_archive(content)
        if catalog is None:
            return  # check refuses it: nothing to build
        prepared = prepare(site_options(base, content))
        assert len(prepared.catalog.by_id) == len(files)
        assert (base / ".build").is_dir()


def test_an_archive_at_the_edges_of_the_date_range_builds(tmp_path: Path) -> None:
    earliest, latest = EARLIEST_DATE, latest_date()
    files = {
        f"resolutions/rat/{day.year}/{day.isoformat()}-grenze.md": resolution_file(
            "Der Rat beschließt *etwas* mit `Code`, [Link](https://example.org/) & <br>.",
            id=f"rat-{day.year}-{number:03}",
            title="Ünïcødé – “Zitat” ‹Grenze› 𝔄 中文 عربي",
            committee="rat",
            date=day,
            agenda_item="1",
            topics=["Ökologie & Umwelt", "العربية"],
            vote={"for": 1, "against": 0, "abstain": 0},
        )
        for number, day in enumerate(
            (earliest, earliest + datetime.timedelta(days=59), latest), start=1
        )
    }
    write_tree(tmp_path / "content", files)
    code = main(
        [
            "build",
            "--content",
            str(tmp_path / "content"),
            "--config",
            str(REPOSITORY / "mkdocs.yml"),
            "--build-dir",
            str(tmp_path / ".build"),
            "--output",
            str(tmp_path / "site"),
        ]
    )
    assert code == 0
    assert (tmp_path / f"site/beschluss/rat-{latest.year}-003/index.html").is_file()
