"""The content files' dates (``publish.file_dates``): kept in the build folder under the
commit they were read at, and brought up to date from the commits since, they are those of
a full pass over the history."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from generator.publish import file_dates as module
from generator.publish.file_dates import file_dates

GIT = (
    "git",
    "-c",
    "user.name=Ratsbüro",
    "-c",
    "user.email=rat@t.test",
    "-c",
    "commit.gpgsign=false",
)


def _git(repository: Path, *arguments: str, day: int = 1) -> None:
    when = datetime.datetime(2024, 1, day, 9, tzinfo=datetime.UTC).isoformat()
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([*GIT, *arguments], cwd=repository, env=environment, check=True)


def _commit(repository: Path, files: dict[str, str], day: int) -> None:
    for name, text in files.items():
        (repository / "content" / name).write_text(text, encoding="utf-8")
    _git(repository, "add", "-A", day=day)
    _git(repository, "commit", "-q", "-m", f"Tag {day}", day=day)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    (tmp_path / "repo" / "content").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path / "repo", check=True)
    _commit(tmp_path / "repo", {"a.md": "a", "b.md": "b"}, day=1)
    return tmp_path / "repo"


def test_the_kept_dates_and_the_commits_since_give_the_full_passs_dates(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, cache = repository / "content", tmp_path / "file-dates.json"
    assert file_dates(content, cache).committed == file_dates(content).committed
    _commit(repository, {"b.md": "b2", "c.md": "c"}, day=3)
    _git(repository, "checkout", "-q", "-b", "nebenzweig", "HEAD~1")
    _commit(repository, {"a.md": "a2"}, day=2)  # older than main's newest commit
    _git(repository, "checkout", "-q", "main")
    _git(repository, "merge", "-q", "--no-edit", "nebenzweig", day=4)

    ranges: list[str] = []
    log = module._log
    monkeypatch.setattr(
        module, "_log", lambda root, commits: ranges.append(commits) or log(root, commits)
    )
    updated = file_dates(content, cache).committed
    assert len(ranges) == 1 and ".." in ranges[0], "only the commits since were read"
    assert updated == file_dates(content).committed
    day = [
        int(datetime.datetime(2024, 1, d, 9, tzinfo=datetime.UTC).timestamp()) for d in (1, 2, 3)
    ]
    assert updated == {"a.md": (day[0], day[1]), "b.md": (day[0], day[2]), "c.md": (day[2], day[2])}


def test_kept_dates_of_a_history_that_was_rewritten_are_read_again(
    repository: Path, tmp_path: Path
) -> None:
    content, cache = repository / "content", tmp_path / "file-dates.json"
    file_dates(content, cache)
    (content / "b.md").write_text("anders", encoding="utf-8")
    _git(repository, "commit", "-q", "-a", "--amend", "-m", "neu geschrieben", day=5)
    assert file_dates(content, cache).committed == file_dates(content).committed


def test_a_shallow_clone_keeps_no_dates(repository: Path, tmp_path: Path) -> None:
    _commit(repository, {"b.md": "b2"}, day=2)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repository.as_uri(), str(clone)], check=True
    )
    cache = tmp_path / "file-dates.json"
    file_dates(clone / "content", cache)
    assert not cache.exists()


def test_dates_that_cannot_be_kept_are_still_read(repository: Path, tmp_path: Path) -> None:
    unwritable = tmp_path / "file-dates.json"
    unwritable.mkdir()  # a folder where the file should go: it cannot be written
    dates = file_dates(repository / "content", unwritable)
    assert dates.committed == file_dates(repository / "content").committed
    assert set(dates.committed) == {"a.md", "b.md"}
