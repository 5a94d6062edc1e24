"""An incremental build (the build folder of earlier builds kept) gives the same bytes as a
clean build of the same content: for random sequences of the edits editors make, and for
the search index, whose shards are reused only where their input is unchanged."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildFailed, BuildOptions, build
from generator.publish import build_state
from tests.conftest import DEMO_CONTENT, REPOSITORY

Edit = Callable[[Path, int], None]


def _resolution_files(content: Path) -> list[Path]:
    return sorted((content / "resolutions").rglob("*.md"))


def _pick(content: Path, number: int) -> Path:
    files = _resolution_files(content)
    return files[number % len(files)]


def _unreferenced(content: Path, number: int) -> Path:
    """A resolution no other file names (deleting it leaves no dangling reference)."""
    files = _resolution_files(content)
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    ids = {path: re.search(r"^id: (\S+)$", text, re.M) for path, text in texts.items()}
    free = [
        path
        for path, found in ids.items()
        if found is not None
        and not any(found[1] in text for other, text in texts.items() if other != path)
    ]
    return free[number % len(free)]


def _replace_line(path: Path, key: str, change: Callable[[str], str]) -> None:
    """Change the first ``key: value`` line of a file, keeping everything else."""
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"^(\s*{key}: )(.+)$", text, re.M)
    assert found is not None, (path, key)
    value = change(found[2])
    path.write_text(text[: found.start(2)] + value + text[found.end(2) :], encoding="utf-8")


def _appended(value: str, extra: str) -> str:
    """A YAML scalar with words added, quoted or not."""
    value = value.strip()
    if value[:1] in "\"'" and value[-1:] == value[:1]:
        return f"{value[:-1]} {extra}{value[-1]}"
    return f"{value} {extra}"


def edit_title(content: Path, number: int) -> None:
    _replace_line(_pick(content, number), "title", lambda title: _appended(title, "(berichtigt)"))


def edit_text(content: Path, number: int) -> None:
    """A word the archive never used: the search lexicon and vocabulary change too."""
    path = _pick(content, number)
    text = path.read_text(encoding="utf-8")
    head, separator, body = text.partition("\n---\n")
    word = f"Quartiersgaragenkonzept{number}"
    path.write_text(f"{head}{separator}Ergänzt um das {word}.\n\n{body}", encoding="utf-8")


SYNONYM_TARGET = "Die Lichtsignalanlage am Markt wird erneuert."
"""A sentence with a word no demo resolution has, which the synonym map leads to
("Ampel" → "Lichtsignalanlage"): its only occurrence enters or leaves the archive."""


def add_synonym_target(content: Path, number: int) -> None:
    path = _pick(content, number)
    text = path.read_text(encoding="utf-8")
    head, separator, body = text.partition("\n---\n")
    path.write_text(f"{head}{separator}{SYNONYM_TARGET}\n\n{body}", encoding="utf-8")


def remove_synonym_target(content: Path, number: int) -> None:
    """The sentence of ``add_synonym_target`` out of one resolution that has it (else a
    word out of the picked one's text: a count goes down)."""
    having = [
        path
        for path in _resolution_files(content)
        if SYNONYM_TARGET in path.read_text(encoding="utf-8")
    ]
    path = having[number % len(having)] if having else _pick(content, number)
    text = path.read_text(encoding="utf-8")
    if having:
        path.write_text(text.replace(f"{SYNONYM_TARGET}\n\n", "", 1), encoding="utf-8")
        return
    head, separator, body = text.partition("\n---\n")
    path.write_text(f"{head}{separator}{body.replace(' die ', ' ', 1)}", encoding="utf-8")


def add_resolution(content: Path, number: int) -> None:
    source = _pick(content, number)
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^id: (\S+)$", rf"id: \g<1>-n{number}", text, count=1, flags=re.M)
    text = re.sub(r'^  number: "[^"]*"$', f'  number: "9{number}"', text, count=1, flags=re.M)
    text = re.sub(r"^reference: .*\n", "", text, count=1, flags=re.M)
    text = re.sub(r"^former_ids:.*\n(?:  - .*\n)*", "", text, count=1, flags=re.M)
    # A copy relates to nothing: a second ratification of the same urgent decision (or a
    # second amendment of one resolution) is an error a clerk would not write.
    text = re.sub(r"^relations:\n(?:  .*\n)*", "", text, count=1, flags=re.M)
    text = re.sub(r"^kind: ratification$", "kind: ordinary", text, count=1, flags=re.M)
    target = source.with_name(f"nachtrag-{number}-{source.name}")
    target.write_text(text, encoding="utf-8")
    _replace_line(target, "title", lambda title: _appended(title, f"(Nachtrag {number})"))


def rename_resolution(content: Path, number: int) -> None:
    path = _pick(content, number)
    path.rename(path.with_name(f"umbenannt-{path.name}"))


def delete_resolution(content: Path, number: int) -> None:
    _unreferenced(content, number).unlink()


def join_paper(content: Path, number: int) -> None:
    """A resolution moves to the paper of another: both papers (and, for the one it left
    alone, its absence) change, with the consultations' roles."""
    files = _resolution_files(content)
    other = files[(number + 1) % len(files)].read_text(encoding="utf-8")
    found = re.search(r"^reference: (.+)$", other, re.M)
    assert found is not None
    _replace_line(_pick(content, number), "reference", lambda _: found[1])


def _meeting_files(content: Path) -> list[Path]:
    return sorted((content / "meetings").rglob("*.yml"))


def edit_meeting(content: Path, number: int) -> None:
    """A meeting file's place: its OParl meeting and location, not its resolutions."""
    files = _meeting_files(content)
    _replace_line(files[number % len(files)], "place", lambda place: _appended(place, "Saal 2"))


def change_committee(content: Path, number: int) -> None:
    _replace_line(
        content / "committees.yml", "short_name", lambda name: _appended(name, str(number))
    )


def rename_committee(content: Path, number: int) -> None:
    """The full name: what the download records and the feeds' entries show of it."""
    _replace_line(content / "committees.yml", "name", lambda name: _appended(name, str(number)))


def change_faction_vote(content: Path, number: int) -> None:
    """One vote of a faction for becomes none (the vote's total with it): the faction's
    pages and the shares of agreement change, though no title or list entry does."""
    texts = {path: path.read_text(encoding="utf-8") for path in _resolution_files(content)}
    voted = [  # not beside a roll call, which would have to name who changed
        path
        for path, text in texts.items()
        if re.search(r"^      for: [2-9]", text, re.M) and "roll_call:" not in text
    ]
    path = voted[number % len(voted)]
    text = texts[path]
    faction = re.search(r"^      for: ([2-9]\d*)$", text, re.M)
    assert faction is not None, path
    text = f"{text[: faction.start(1)]}{int(faction[1]) - 1}{text[faction.end(1) :]}"
    total = re.search(r"^  for: (\d+)$", text, re.M)
    if total is not None:
        text = f"{text[: total.start(1)]}{int(total[1]) - 1}{text[total.end(1) :]}"
    path.write_text(text, encoding="utf-8")


def turn_faction_vote(content: Path, number: int) -> None:
    """The smallest faction that voted only for votes against instead (the totals with
    it): its position changes, and with it the shares of agreement of every faction that
    took part in that vote."""
    texts = {path: path.read_text(encoding="utf-8") for path in _resolution_files(content)}
    voted = [
        path
        for path, text in texts.items()
        if re.search(r"^      for: \d+\n(?!      )", text, re.M) and "roll_call:" not in text
    ]
    path = voted[number % len(voted)]
    text = texts[path]
    found = re.finditer(r"^      for: (\d+)\n(?!      )", text, re.M)
    faction = min(found, key=lambda match: int(match[1]))
    count = int(faction[1])
    text = f"{text[: faction.start()]}      against: {count}\n{text[faction.end() :]}"
    for key, change in (("for", -count), ("against", count)):
        total = re.search(rf"^  {key}: (\d+)$", text, re.M)
        if total is not None:
            text = f"{text[: total.start(1)]}{int(total[1]) + change}{text[total.end(1) :]}"
    path.write_text(text, encoding="utf-8")


def change_registry(content: Path, number: int) -> None:
    _replace_line(content / "factions.yml", "name", lambda name: _appended(name, str(number)))


def change_archive(content: Path, number: int) -> None:
    _replace_line(
        content / "archive.yml", "municipality", lambda name: _appended(name, str(number))
    )


EDITS: tuple[Edit, ...] = (
    edit_title,
    edit_text,
    add_resolution,
    rename_resolution,
    delete_resolution,
    join_paper,
    edit_meeting,
    change_faction_vote,
    turn_faction_vote,
    change_committee,
    rename_committee,
    change_registry,
    change_archive,
    add_synonym_target,
    remove_synonym_target,
)


def _options(base: Path, content: Path, name: str, *, search: bool) -> BuildOptions:
    return BuildOptions(
        content_root=content,
        base_config=REPOSITORY / "mkdocs.yml",
        build_dir=base / f"{name}.build",
        site_dir=base / f"{name}.site",
        search=search,
        search_shard_pages=20,
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def assert_same_site(incremental: Path, clean: Path) -> None:
    mine, theirs = _tree(incremental), _tree(clean)
    assert sorted(mine) == sorted(theirs)
    differing = [path for path in mine if mine[path] != theirs[path]]
    assert differing == []


def _clean_build(base: Path, content: Path, *, search: bool) -> BuildOptions:
    options = _options(base, content, "clean", search=search)
    shutil.rmtree(options.build_dir, ignore_errors=True)
    shutil.rmtree(options.site_dir, ignore_errors=True)
    build(options)
    return options


def _manifest(options: BuildOptions) -> dict[str, object]:
    data = json.loads((options.build_dir / build_state.MANIFEST).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(autouse=True)
def _fixed_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    # Outside git the Stand is the newest file's date: fixed, so a build around midnight
    # compares the same dates.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760000000")


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(min_value=0, max_value=200)),
        min_size=1,
        max_size=3,
    )
)
def test_incremental_build_equals_clean_build_after_random_edits(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[Edit, int]]
) -> None:
    base = tmp_path_factory.mktemp("inkrementell")
    content = base / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(base, content, "kept", search=False)
    build(kept)
    for edit, number in edits:
        edit(content, number)
        build(kept)
    assert_same_site(kept.site_dir, _clean_build(base, content, search=False).site_dir)
    pages = _manifest(kept)["resolution_pages"]
    assert isinstance(pages, dict)
    assert pages["reused"] + pages["rendered"] == len(_resolution_files(content))
    kept_by_inputs = _manifest(kept)["kept_by_inputs"]
    assert isinstance(kept_by_inputs, dict)
    records = kept_by_inputs["record"]
    assert records["reused"] + records["made"] == len(_resolution_files(content))
    for kind, folder in (("oparl_meeting", "meeting/*"), ("oparl_paper", "paper")):
        groups = kept_by_inputs[kind]
        assert groups["reused"] + groups["made"] == len(
            list((kept.site_dir / "oparl").glob(f"{folder}/*.json"))
        )


def test_the_synonym_map_follows_the_only_occurrence_of_a_word(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=True)
    build(kept)
    synonyms = kept.site_dir / "suche" / "synonyme" / "am.json"
    assert "lichtsignalanlage" not in synonyms.read_text(encoding="utf-8")
    add_synonym_target(content, 5)
    build(kept)
    assert "lichtsignalanlage" in synonyms.read_text(encoding="utf-8")
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=True).site_dir)
    remove_synonym_target(content, 0)
    build(kept)
    assert "lichtsignalanlage" not in synonyms.read_text(encoding="utf-8")
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=True).site_dir)


def test_one_edit_rerenders_the_pages_that_show_it_and_reindexes_its_shard(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=True)
    build(kept)
    first = _manifest(kept)
    shards = first["search_shards"]
    assert isinstance(shards, dict) and len(shards) > 1
    assert not any(shard["reused"] for shard in shards.values())

    # A word the archive already uses: a new one would change every shard, each of which
    # knows the archive's whole vocabulary (``search.page_input.vocabulary_records``).
    _replace_line(_pick(content, 3), "title", lambda title: _appended(title, "der Verwaltung"))
    build(kept)

    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=True).site_dir)
    second = _manifest(kept)
    pages = second["resolution_pages"]
    assert isinstance(pages, dict)
    # The page itself and those that show its title: its neighbours in the committee and
    # the resolutions it relates to.
    assert 1 <= pages["rendered"] <= 5
    assert pages["reused"] + pages["rendered"] == len(_resolution_files(content))
    # Only the edited resolution's download record is encoded again (its JSON and CSV
    # row), and only the feeds that list it are made again.
    kept_by_inputs = second["kept_by_inputs"]
    assert isinstance(kept_by_inputs, dict)
    assert kept_by_inputs["record"] == {"reused": len(_resolution_files(content)) - 1, "made": 1}
    feeds = kept_by_inputs["feed"]
    assert feeds["made"] >= 1 and feeds["reused"] >= 1
    redone = [name for name, shard in second["search_shards"].items() if not shard["reused"]]
    assert 1 <= len(redone) < len(shards)
    assert all(second["search_shards"][name]["key"] != shards[name]["key"] for name in redone)


def test_a_kept_shard_whose_input_was_not_written_is_indexed_again_when_it_changes(
    tmp_path: Path,
) -> None:
    """A shard whose bundle is kept gets no search input written; when a later edit
    changes it, its input is written whole and indexed, as a clean build would."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=True)
    build(kept)
    files = _resolution_files(content)
    for path in (files[0], files[-1], files[0]):  # two years far apart: two shards
        _replace_line(path, "title", lambda title: _appended(title, "der Verwaltung"))
        build(kept)
        shards = _manifest(kept)["search_shards"]
        assert isinstance(shards, dict)
        redone = [name for name, shard in shards.items() if not shard["reused"]]
        assert 1 <= len(redone) < len(shards)
        assert sorted(p.name for p in kept.search_dir.iterdir()) == sorted(redone)
        clean = _clean_build(tmp_path, content, search=True)
        assert_same_site(kept.site_dir, clean.site_dir)
        assert all(  # the same keys as a clean build's, made from other inputs
            shard["key"] == _manifest(clean)["search_shards"][name]["key"]  # type: ignore[index]
            for name, shard in shards.items()
        )


def test_a_new_program_version_starts_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    build(kept)
    assert _manifest(kept)["resolution_pages"]["rendered"] == 0  # type: ignore[index]

    fingerprint = build_state.fingerprint
    monkeypatch.setattr(
        build_state,
        "fingerprint",
        lambda config, options: fingerprint(config, options) + "-neue-version",
    )
    build(kept)

    assert _manifest(kept)["resolution_pages"]["reused"] == 0  # type: ignore[index]


def test_a_changed_theme_config_is_part_of_the_fingerprint(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    shutil.copy(REPOSITORY / "mkdocs.yml", config)
    shutil.copytree(REPOSITORY / "theme_overrides", tmp_path / "theme_overrides")
    before = build_state.fingerprint(config, ())

    with config.open("a", encoding="utf-8") as stream:
        stream.write("\n# geändert\n")
    after_config = build_state.fingerprint(config, ())
    main = tmp_path / "theme_overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    assert len({before, after_config, build_state.fingerprint(config, ())}) == 3
    assert build_state.fingerprint(config, ("https://andere.test/",)) != build_state.fingerprint(
        config, ()
    )


def test_a_damaged_page_cache_is_ignored(tmp_path: Path) -> None:
    """What a build killed mid-write could leave (it cannot: the file is renamed into
    place) or a full disk: the build renders everything and is still right."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    index = kept.build_dir / build_state.CACHE_DIR / "pages" / "index.pickle"
    index.write_bytes(index.read_bytes()[:1000])
    edit_title(content, 5)

    build(kept)

    assert _manifest(kept)["resolution_pages"]["reused"] == 0  # type: ignore[index]
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_an_edit_writes_only_the_pages_it_changed_into_the_page_cache(tmp_path: Path) -> None:
    """The page cache is a file per page: an edit adds the files of the pages it rendered
    again and drops those they replace, and leaves every other file as it was. A page
    file the build folder lost (or damaged) is a page rendered again."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    folder = kept.build_dir / build_state.CACHE_DIR / "pages"

    def files() -> dict[str, int]:
        return {path.name: path.stat().st_ino for path in folder.iterdir()}

    before = files()
    edit_title(content, 5)
    build(kept)
    after = files()
    manifest = _manifest(kept)
    rendered = sum(
        manifest[kind]["rendered"]  # type: ignore[index]
        for kind in ("resolution_pages", "list_pages", "search_page")
    )
    written = {name for name, inode in after.items() if before.get(name) != inode}
    # Besides the pages: the factions' agreement figures, one value in the same cache that a
    # changed resolution brings up to date (``pages.kept_agreement``).
    assert 0 < len(written - {"index.pickle"}) <= rendered + 1
    assert len(before.keys() - after.keys()) <= len(written)  # only replaced ones go
    kept_files = after.keys() - written
    assert len(kept_files) > 5 * rendered  # the others left as they were

    lost = sorted(kept_files)[:3]
    for name in lost[:2]:
        (folder / name).unlink()
    (folder / lost[2]).write_bytes(b"damaged")
    build(kept)
    assert set(lost) <= files().keys()  # made again, under the digest of the same bytes
    assert (folder / lost[2]).read_bytes() != b"damaged"
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_a_read_cache_of_another_program_version_is_ignored(tmp_path: Path) -> None:
    """A kept ``files.pickle`` whose objects name a module that no longer exists (a program
    update with the build folder kept, as CI caches it) is dropped, not a traceback."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    cache = kept.build_dir / build_state.CACHE_DIR / "files.pickle"
    cache.write_bytes(b"cgenerator.no_such_module\nKeptResult\n.")

    build(kept)

    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_kept_reads_follow_the_folder_the_build_runs_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File paths in messages and edit links are shown relative to the working directory:
    a build started elsewhere with the same build folder must not reuse the old paths."""
    content = tmp_path / "archiv" / "content"
    shutil.copytree(DEMO_CONTENT, content)
    monkeypatch.chdir(tmp_path)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    monkeypatch.chdir(tmp_path / "archiv")

    build(kept)

    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_a_failed_build_keeps_the_manifest_of_the_last_finished_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    manifest = (kept.build_dir / build_state.MANIFEST).read_bytes()
    _replace_line(content / "archive.yml", "site_url", lambda _: "kein url")

    with pytest.raises(BuildFailed):
        build(dataclasses.replace(kept))

    assert (kept.build_dir / build_state.MANIFEST).read_bytes() == manifest


def test_kept_pages_follow_a_changed_search_lexicon(tmp_path: Path) -> None:
    """Words entering the lexicon (a new compound part) and leaving it (a deleted
    resolution's words) change only the pages that contain them; with the search on, the
    site still equals a clean build's, keywords and shards included."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=True)
    build(kept)
    for edit, number in ((edit_text, 7), (delete_resolution, 11), (edit_title, 20)):
        edit(content, number)
        build(kept)
        pages = _manifest(kept)["resolution_pages"]
        assert isinstance(pages, dict)
        assert pages["reused"] > 0  # the lexicon changed, yet most pages were kept

    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=True).site_dir)


def test_files_linked_from_the_docs_folder_never_change_in_a_published_site(
    tmp_path: Path,
) -> None:
    """MkDocs links the docs folder's files into the site instead of copying them: an
    edit replaces a docs file with a new one, so a site already published (here: a link a
    reader or server still holds to one of its files) keeps its bytes."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    table = kept.site_dir / "daten" / "beschluesse.csv"
    assert table.stat().st_ino == (kept.docs_dir / "daten" / "beschluesse.csv").stat().st_ino
    held = tmp_path / "gehalten.csv"
    held.hardlink_to(table)
    before = held.read_bytes()

    edit_title(content, 5)
    build(kept)

    assert held.read_bytes() == before
    assert table.read_bytes() != before
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_unchanged_nav_pages_reuse_what_mkdocs_rendered(tmp_path: Path) -> None:
    """A changed title leaves the nav pages, shells and config as they were: MkDocs' kept
    output is used; a changed ``archive.yml`` (the site's name in every page's header)
    runs MkDocs again. Either way the site is that of a clean build."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    assert _manifest(kept)["mkdocs"] == {"reused": False}

    edit_title(content, 2)  # a resolution no nav page names (no mandate, not the newest)
    build(kept)
    assert _manifest(kept)["mkdocs"] == {"reused": True}
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)

    change_archive(content, 7)
    build(kept)
    assert _manifest(kept)["mkdocs"] == {"reused": False}
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_resolution_pages_stamped_before_are_linked_from_the_build_folder(
    tmp_path: Path,
) -> None:
    """A resolution page whose key and shell are unchanged is the page an earlier build
    stamped: it is linked, not stamped again; a new shell (the site's name changed)
    stamps every page anew. The site is that of a clean build each time."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    assert _manifest(kept)["stamped_pages"] == {"reused": 0}

    edit_title(content, 2)
    build(kept)
    manifest = _manifest(kept)
    pages = manifest["resolution_pages"]
    lists = manifest["list_pages"]
    assert isinstance(pages, dict) and isinstance(lists, dict)
    assert manifest["stamped_pages"] == {"reused": pages["reused"] + lists["reused"]}
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)

    change_archive(content, 2)
    build(kept)
    assert _manifest(kept)["stamped_pages"] == {"reused": 0}
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
    kept_pages = list((kept.build_dir / build_state.CACHE_DIR / "stamped").iterdir())
    lists = _manifest(kept)["list_pages"]
    assert isinstance(lists, dict) and lists["reused"] == 0
    assert len(kept_pages) == len(_resolution_files(content)) + lists["rendered"]


def test_pages_taken_from_the_page_cache_are_stamped_from_it(tmp_path: Path) -> None:
    """A page taken from the page cache is not held until stamping but read from the cache
    again: with no stamped page kept, every such page is stamped from there, and the site
    is that of a clean build."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    edit_title(content, 3)
    shutil.rmtree(kept.build_dir / build_state.CACHE_DIR / "stamped")
    build(kept)
    manifest = _manifest(kept)
    pages = manifest["resolution_pages"]
    assert isinstance(pages, dict)
    assert pages["reused"] > 0
    assert manifest["stamped_pages"] == {"reused": 0}
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def _kept_outputs(options: BuildOptions) -> dict[str, tuple[int, bytes]]:
    """The bulk reuse outputs of the site linked with a kept one: path → inode, bytes."""
    kept = options.build_dir / build_state.CACHE_DIR / "outputs"
    inodes = {path.stat().st_ino for path in kept.iterdir()}
    return {
        path.relative_to(options.site_dir).as_posix(): (path.stat().st_ino, path.read_bytes())
        for path in sorted(options.site_dir.rglob("*"))
        if path.is_file() and path.stat().st_ino in inodes
    }


def test_unchanged_reuse_outputs_are_linked_from_the_build_folder(tmp_path: Path) -> None:
    """OParl objects and per-resolution JSON are kept under the digest of their bytes: an
    edit writes anew only the outputs whose bytes it changed, the others are linked from
    the build folder (the same file as before), a published site keeps its bytes, and the
    site is a clean build's."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    first = _manifest(kept)["reuse_outputs"]
    assert isinstance(first, dict)
    before = _kept_outputs(kept)
    assert first["reused"] == 0
    assert first["written"] >= len(before) > 100
    held = tmp_path / "gehalten"  # links a reader or server may still hold
    held.mkdir()
    for number, path in enumerate(before):
        (held / str(number)).hardlink_to(kept.site_dir / path)

    edit_title(content, 2)
    build(kept)
    after = _kept_outputs(kept)
    manifest = _manifest(kept)["reuse_outputs"]
    assert isinstance(manifest, dict)
    old_contents = {data for _, data in before.values()}
    unchanged = [path for path, (_, data) in after.items() if data in old_contents]
    new_contents = {data for _, data in after.values()} - old_contents
    assert manifest["reused"] == len(unchanged) > 0
    assert manifest["written"] >= len(new_contents) > 0
    assert manifest["written"] < manifest["reused"]
    for path, (inode, data) in before.items():
        if after.get(path, (0, b""))[1] == data:
            assert after[path][0] == inode, path  # linked, not written again
    for number, (_, data) in enumerate(before.values()):
        assert (held / str(number)).read_bytes() == data
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
    stored = kept.build_dir / build_state.CACHE_DIR / "outputs"
    assert len(list(stored.iterdir())) == len({data for _, data in after.values()})


def test_kept_records_and_feeds_follow_a_renamed_committee(tmp_path: Path) -> None:
    """The download records and feeds kept under their inputs show a committee's full
    name: renaming it makes them anew (each resolution's file is unchanged)."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    rename_committee(content, 7)
    build(kept)
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
    kept_by_inputs = _manifest(kept)["kept_by_inputs"]
    assert isinstance(kept_by_inputs, dict)
    assert kept_by_inputs["record"]["made"] >= 1
    assert kept_by_inputs["feed"]["made"] >= 1


def test_kept_faction_rows_follow_a_changed_vote_and_registry(tmp_path: Path) -> None:
    """The faction votes table keeps each resolution's rows under its file: a changed
    faction vote makes that resolution's rows anew, the others are kept, and after a
    change of the registry (which the rows do not hold) the table is a clean build's."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    table = "daten/fraktionsstimmen.csv"
    rows = _manifest(kept)["kept_by_inputs"]["faction_rows"]  # type: ignore[index]
    assert rows["made"] > 20 and rows["reused"] == 0
    change_faction_vote(content, 3)
    build(kept)
    assert _manifest(kept)["kept_by_inputs"]["faction_rows"]["made"] == 1  # type: ignore[index]
    change_registry(content, 4)
    build(kept)
    clean = _clean_build(tmp_path, content, search=False)
    assert (kept.site_dir / table).read_bytes() == (clean.site_dir / table).read_bytes()
    assert_same_site(kept.site_dir, clean.site_dir)


def _oparl_groups(options: BuildOptions) -> dict[str, dict[str, int]]:
    kept_by_inputs = _manifest(options)["kept_by_inputs"]
    assert isinstance(kept_by_inputs, dict)
    return {kind: kept_by_inputs[kind] for kind in kept_by_inputs if kind.startswith("oparl_")}


def test_one_edit_makes_again_only_the_oparl_groups_that_show_it(tmp_path: Path) -> None:
    """An edited resolution makes again its meeting (which embeds its agenda item), its
    paper (with the consultations) and the two list pages that hold them; an edited meeting
    file only that meeting and its list page. Everything else is linked unmade, and the
    site is a clean build's."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    first = _oparl_groups(kept)
    meetings = first["oparl_meeting"]["made"]
    papers = first["oparl_paper"]["made"]
    assert first["oparl_meeting"]["reused"] == first["oparl_paper"]["reused"] == 0
    assert meetings > 10 and papers > 10

    edit_title(content, 4)
    build(kept)
    assert _oparl_groups(kept) == {
        "oparl_meeting": {"made": 1, "reused": meetings - 1},
        "oparl_paper": {"made": 1, "reused": papers - 1},
        "oparl_list_page": {"made": 2, "reused": 0},  # one page of each in the demo
    }
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)

    edit_meeting(content, 1)
    build(kept)
    assert _oparl_groups(kept) == {
        "oparl_meeting": {"made": 1, "reused": meetings - 1},
        "oparl_paper": {"made": 0, "reused": papers},
        "oparl_list_page": {"made": 1, "reused": 1},
    }
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_oparl_files_the_build_folder_lost_are_made_again(tmp_path: Path) -> None:
    """The groups name their files by digest only: where the kept bytes are gone (a
    cleaned or damaged build folder), the files are made again, as a clean build does."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    for path in (kept.build_dir / build_state.CACHE_DIR / "outputs").iterdir():
        path.unlink()
    edit_title(content, 9)

    build(kept)

    assert _oparl_groups(kept)["oparl_meeting"]["reused"] > 0
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_list_pages_are_kept_unless_what_they_show_changed(tmp_path: Path) -> None:
    """List pages (years, months, topics, factions and their years, committees' years,
    meetings, matters) are taken from the build folder when their inputs are unchanged;
    one faction's changed vote, which changes no title and no list entry, renders that
    faction's pages again (their vote tables show it), and the site is a clean build's."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    first = _manifest(kept)["list_pages"]
    assert isinstance(first, dict)
    assert first["reused"] == 0 and first["rendered"] > 50

    build(kept)
    assert _manifest(kept)["list_pages"] == {"reused": first["rendered"], "rendered": 0}
    before = _tree(kept.site_dir)

    change_faction_vote(content, 0)
    build(kept)
    lists = _manifest(kept)["list_pages"]
    assert isinstance(lists, dict)
    assert 1 <= lists["rendered"] < lists["reused"]
    assert lists["rendered"] + lists["reused"] == first["rendered"]
    after = _tree(kept.site_dir)
    changed = [path for path in after if before.get(path) != after[path]]
    assert any(re.fullmatch(r"fraktion/[^/]+/\d{4}/index\.html", path) for path in changed)
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)


def test_the_search_files_are_kept_while_the_words_they_are_made_of_are(tmp_path: Path) -> None:
    """The search page, the vocabulary and the synonym files come from the build folder
    while the archive's words and their counts are unchanged; a word new to the archive
    makes them anew, and the site is a clean build's."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=True)
    build(kept)
    assert _manifest(kept)["search_page"] == {"reused": 0, "rendered": 1}
    build(kept)
    assert _manifest(kept)["search_page"] == {"reused": 1, "rendered": 0}

    edit_text(content, 4)
    build(kept)
    assert _manifest(kept)["search_page"] == {"reused": 0, "rendered": 1}
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=True).site_dir)


def test_a_word_entering_the_lexicon_updates_other_pages_search_data(tmp_path: Path) -> None:
    """The word "Markt" enters the archive's compound lexicon: other resolutions' compounds
    ("Marktbeschickerinnen") split differently, so their search data changes although their
    files did not. Once failed: a kept page kept its old compound keywords."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=True)
    build(kept)
    for _ in range(2):
        add_synonym_target(content, 0)
        build(kept)
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=True).site_dir)


def test_the_shares_of_agreement_follow_a_turned_vote_and_a_deleted_resolution(
    tmp_path: Path,
) -> None:
    """The build folder keeps what each resolution adds to the shares of agreement: a
    faction's turned vote changes them, as does a resolution deleted, and the faction
    pages are a clean build's."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    kept = _options(tmp_path, content, "kept", search=False)
    build(kept)
    before = _tree(kept.site_dir)
    turn_faction_vote(content, 0)
    build(kept)
    after = _tree(kept.site_dir)
    assert after["fraktion/index.html"] != before["fraktion/index.html"]
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
    delete_resolution(content, 3)
    build(kept)
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
