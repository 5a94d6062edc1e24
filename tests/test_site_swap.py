"""The swap of the finished site into place: what it leaves beside the site, and the size
the build reports."""

from __future__ import annotations

from pathlib import Path

from generator.build import build
from generator.publish import site_writer
from tests.site_fixtures import site_options, small_archive


def test_the_replaced_site_waits_beside_the_new_one_until_the_next_build(tmp_path: Path) -> None:
    options = site_options(tmp_path, small_archive(tmp_path))
    build(options)
    assert site_writer.old_sites(options.site_dir) == ()
    build(options)
    (replaced,) = site_writer.old_sites(options.site_dir)
    assert (replaced / "index.html").is_file()
    other_site = tmp_path / ".site-old-andere-website-x1"  # another site's, same folder
    other_site.mkdir()

    prepared = build(options)

    assert not replaced.exists()
    (newly_replaced,) = site_writer.old_sites(options.site_dir)
    assert newly_replaced != replaced
    assert other_site.is_dir()
    assert (options.site_dir / "pagefind" / "pagefind-entry.json").is_file()
    assert prepared.site_bytes == site_writer.folder_bytes(options.site_dir)
    assert site_writer.folder_bytes(options.site_dir, skip="pagefind") < prepared.site_bytes
