"""One build at a time per build folder (generator/runtime/build_lock.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.runtime.build_lock import BUILD, SERVE, BuildFolderBusy, exclusive_build_folder

HOLD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from generator.runtime.build_lock import exclusive_build_folder
    with exclusive_build_folder(Path(sys.argv[1]), sys.argv[2]):
        print("held", flush=True)
        sys.stdin.readline()
    """
)


def _holder(build_dir: Path, purpose: str) -> subprocess.Popen[str]:
    """Another process that holds the folder until its standard input gets a line."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(build_dir), purpose],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "held\n"  # waits for the condition, not for a time
    return process


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    build_dir = tmp_path / ".build"
    first = _holder(build_dir, BUILD)
    notices: list[str] = []

    def release_first(notice: str) -> None:
        notices.append(notice)
        assert first.stdin is not None
        first.stdin.write("\n")
        first.stdin.flush()

    with exclusive_build_folder(build_dir, BUILD, on_wait=release_first):
        assert (build_dir / ".lock").read_text().split() == [str(os.getpid()), BUILD]
    assert first.wait(timeout=60) == 0
    assert notices == [
        f"ein anderer Build, Prozess {first.pid} benutzt gerade den Build-Ordner "
        f"'{build_dir}'; warte, bis er fertig ist …"
    ]


def test_a_build_does_not_wait_for_the_preview(tmp_path: Path) -> None:
    build_dir = tmp_path / ".build"
    preview = _holder(build_dir, SERVE)
    try:
        with (
            pytest.raises(BuildFolderBusy) as busy,
            exclusive_build_folder(build_dir, BUILD),
        ):
            pass
        assert str(busy.value) == (
            f"die Vorschau (ratsarchiv serve), Prozess {preview.pid} benutzt den Build-Ordner "
            f"'{build_dir}'; beenden Sie sie (Strg+C) oder bauen Sie in einen anderen Ordner, "
            f"z. B. ratsarchiv build --build-dir {build_dir}-2"
        )
    finally:
        assert preview.stdin is not None
        preview.stdin.write("\n")
        preview.stdin.flush()
        preview.wait(timeout=60)


def test_a_killed_holder_leaves_the_folder_free(tmp_path: Path) -> None:
    build_dir = tmp_path / ".build"
    holder = _holder(build_dir, BUILD)
    holder.kill()
    holder.wait(timeout=60)
    waited: list[str] = []
    with exclusive_build_folder(build_dir, BUILD, on_wait=waited.append):
        pass
    assert waited == []


def test_three_builds_of_one_checkout_started_together_all_succeed(tmp_path: Path) -> None:
    """The case of the issue: two of three died with FileNotFoundError on a shard folder."""
    repository = Path(__file__).resolve().parent.parent
    command = [
        sys.executable, "-m", "generator", "build",
        "--content", str(repository / "content"),
        "--config", str(repository / "mkdocs.yml"),
        "--build-dir", str(tmp_path / ".build"),
        "--output", str(tmp_path / "site"),
    ]  # fmt: skip
    builds = [
        subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True) for _ in range(3)
    ]
    outcomes = [(build.wait(timeout=900), build.communicate()[1]) for build in builds]
    assert [code for code, _ in outcomes] == [0, 0, 0], outcomes
    assert "Traceback" not in "".join(errors for _, errors in outcomes)
    assert any("warte, bis er fertig ist" in errors for _, errors in outcomes)
    assert (tmp_path / "site" / "index.html").is_file()
