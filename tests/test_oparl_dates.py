"""Each OParl object is dated by its own content files: an edit on a later day re-dates
(and re-makes) only the objects that show the edited file, and the site is still a clean
build's."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.archive import urls
from generator.build import BuildOptions, build
from generator.publish.file_dates import file_dates
from generator.publish.freshness import source_date_epoch
from tests.outputs.test_oparl import LIST_KEYS, _validate
from tests.site_fixtures import small_archive
from tests.test_incremental_build import _clean_build, _manifest, _options, assert_same_site

FIRST = datetime.datetime(2024, 1, 10, 9, 0, tzinfo=datetime.UTC)
LATER = datetime.datetime(2024, 3, 5, 14, 30, tzinfo=datetime.UTC)
EDITED = "resolutions/rat/2021/2021-02-11-radweg.md"
"""rat-2021-005, in the council's meeting of 2021-02-11 beside rat-2021-004."""


GIT = (
    "git",
    "-c",
    "user.name=Ratsbüro",
    "-c",
    "user.email=rat@t.test",
    "-c",
    "commit.gpgsign=false",
)


def _stamp(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _commit(repository: Path, moment: datetime.datetime, message: str) -> None:
    when = moment.isoformat()
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for command in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(
            [*GIT, *command],
            cwd=repository,
            env=environment,
            check=True,
        )


def _object(options: BuildOptions, path: str) -> dict[str, Any]:
    value = json.loads((options.site_dir / path).read_text(encoding="utf-8"))
    assert isinstance(value, dict)
    return value


def _dates(options: BuildOptions, path: str) -> tuple[str, str]:
    value = _object(options, path)
    return value["created"], value["modified"]


def _retitle(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Radweg", "title: Neuer Radweg", 1), encoding="utf-8")


def _meetings_made(options: BuildOptions) -> dict[str, int]:
    kept_by_inputs = _manifest(options)["kept_by_inputs"]
    assert isinstance(kept_by_inputs, dict)
    counts = kept_by_inputs["oparl_meeting"]
    assert isinstance(counts, dict)
    return counts


TOUCHED = "resolutions/hauptausschuss/2020/2020-04-17-bericht.md"
TOUCHED_ITEM = urls.oparl_agenda_item("ha-2020-016")
UNCHANGED_ITEM = urls.oparl_agenda_item("rat-2020-031")
NEIGHBOUR_ITEM = urls.oparl_agenda_item("rat-2021-004")
EDITED_ITEM = urls.oparl_agenda_item("rat-2021-005")
EDITED_MEETING = urls.oparl_meeting("rat", datetime.date(2021, 2, 11))
BODY = urls.oparl_body("stadt-teststadt")


def test_in_git_each_object_carries_its_files_first_and_last_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the Stand from git, too
    repository = tmp_path / "repo"  # content/ below the repository's top, as in a city's
    content = small_archive(repository)
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    _commit(repository, FIRST, "Archiv angelegt")
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    first = (_stamp(FIRST), _stamp(FIRST))
    for path in (UNCHANGED_ITEM, NEIGHBOUR_ITEM, EDITED_ITEM, EDITED_MEETING, BODY):
        assert _dates(kept, path) == first, path
    unchanged = (kept.site_dir / UNCHANGED_ITEM).read_bytes()

    _retitle(content / EDITED)
    _commit(repository, LATER, "Titel berichtigt")
    build(kept)
    assert _dates(kept, EDITED_ITEM) == (_stamp(FIRST), _stamp(LATER))
    assert _dates(kept, EDITED_MEETING) == (_stamp(FIRST), _stamp(LATER))
    assert _object(kept, EDITED_MEETING)["agendaItem"][0]["modified"] == _stamp(FIRST)
    for path in (UNCHANGED_ITEM, NEIGHBOUR_ITEM, BODY):
        assert _dates(kept, path) == first, path
    assert (kept.site_dir / UNCHANGED_ITEM).read_bytes() == unchanged
    meetings = _meetings_made(kept)
    assert meetings["made"] == 1 and meetings["reused"] > 1
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
    for path in (kept.site_dir / "oparl").rglob("*.json"):
        value = json.loads(path.read_text(encoding="utf-8"))
        for item in value["data"] if set(value) == LIST_KEYS else [value]:
            _validate(item, item["type"].rsplit("/", 1)[1])


def test_outside_git_a_next_day_edit_redates_only_the_edited_files_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = small_archive(tmp_path)
    for path in content.rglob("*"):
        os.utime(path, (FIRST.timestamp(), FIRST.timestamp()))
    kept = _options(tmp_path, content, "kept", search=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(FIRST.timestamp())))
    build(kept)
    made = _meetings_made(kept)["made"]

    _retitle(content / EDITED)
    # A file saved again unchanged: its objects' bytes change by their dates alone.
    for path in (content / EDITED, content / TOUCHED):
        os.utime(path, (LATER.timestamp(), LATER.timestamp()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(LATER.timestamp())))  # a new Stand
    build(kept)
    assert _meetings_made(kept) == {"made": 2, "reused": made - 2}
    assert _dates(kept, EDITED_ITEM) == (_stamp(LATER), _stamp(LATER))
    assert _dates(kept, TOUCHED_ITEM) == (_stamp(LATER), _stamp(LATER))
    for path in (UNCHANGED_ITEM, NEIGHBOUR_ITEM, BODY):
        assert _dates(kept, path) == (_stamp(FIRST), _stamp(FIRST)), path
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_the_log_dates_files_below_the_content_folder_once_each(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    content = repository / "content"
    (content / "resolutions").mkdir(parents=True)
    (repository / "outside.md").write_text("nicht im Archiv\n", encoding="utf-8")
    (content / "resolutions" / "a b.md").write_text("eins\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    _commit(repository, FIRST, "angelegt")
    (content / "resolutions" / "a b.md").rename(content / "resolutions" / "ä.md")
    _commit(repository, LATER, "umbenannt")
    (content / "neu.md").write_text("noch nicht committet\n", encoding="utf-8")
    os.utime(content / "neu.md", (LATER.timestamp(), LATER.timestamp()))

    dates = file_dates(content)
    first, later = int(FIRST.timestamp()), int(LATER.timestamp())
    assert dates.committed == {
        "resolutions/a b.md": (first, later),
        "resolutions/ä.md": (later, later),
    }
    assert dates.of(content / "resolutions" / "ä.md") == (later, later)  # moved: added anew
    assert dates.of(content / "neu.md") == (later, later)  # not committed: its mtime
    assert dates.of(content / "fehlt.md") is None


def test_a_shallow_clone_dates_every_file_it_saw_unchanged_by_its_oldest_commit(
    tmp_path: Path,
) -> None:
    """CI with ``fetch-depth: 1``: the build works, every file carries the clone's commit."""
    repository = tmp_path / "repo"
    (repository / "resolutions").mkdir(parents=True)
    for name in ("a.md", "b.md"):
        (repository / "resolutions" / name).write_text(name, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    _commit(repository, FIRST, "angelegt")
    (repository / "resolutions" / "b.md").write_text("geändert", encoding="utf-8")
    _commit(repository, LATER, "geändert")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repository.as_uri(), str(clone)], check=True
    )

    later = int(LATER.timestamp())
    assert file_dates(clone).committed == {
        "resolutions/a.md": (later, later),
        "resolutions/b.md": (later, later),
    }


def test_source_date_epoch_clamps_file_times_so_a_fresh_copy_builds_the_same_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A packager sets ``SOURCE_DATE_EPOCH`` and builds from a copy whose file times are
    those of the copying: the OParl objects must not depend on them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(FIRST.timestamp())))
    sites = []
    for name, copied in (("a", LATER), ("b", LATER + datetime.timedelta(days=1))):
        content = small_archive(tmp_path / name)
        for path in content.rglob("*"):
            os.utime(path, (copied.timestamp(), copied.timestamp()))
        options = _options(tmp_path / name, content, "site", search=False)
        build(options)
        assert _dates(options, EDITED_ITEM) == (_stamp(FIRST), _stamp(FIRST))
        sites.append(options.site_dir / "oparl")
    assert_same_site(*sites)


def test_the_stand_the_build_sets_itself_clamps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside git the build sets ``SOURCE_DATE_EPOCH`` to the Stand's midnight; clamped to
    it, every file changed on that day would be re-dated when the next day's Stand comes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    content = small_archive(tmp_path)
    for path in content.rglob("*"):
        os.utime(path, (FIRST.timestamp(), FIRST.timestamp()))
    options = _options(tmp_path, content, "site", search=False)
    with source_date_epoch(content):
        build(options)
    assert _dates(options, EDITED_ITEM) == (_stamp(FIRST), _stamp(FIRST))
