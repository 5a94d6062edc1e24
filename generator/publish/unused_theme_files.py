"""An MkDocs hook: the theme's files that no page of the archive loads stay out of the site.

Material ships its lunr search (the search worker and a stemmer for each of 30 languages)
and source maps of its scripts and styles: 2.3 MiB in every site, whatever its size. The
archive searches with Pagefind (``plugins: []`` in ``mkdocs.yml``, so Material never starts
the worker), and a source map is read only by a developer's browser tools, which then report
it missing. Everything else of the theme is copied as before.
"""

from __future__ import annotations

from fnmatch import fnmatch

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

UNUSED = ("assets/javascripts/lunr/*", "assets/javascripts/workers/*", "assets/*.map")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        if not file.src_uri.startswith("assets/") or file.abs_src_path is None:
            continue
        from_theme = not file.abs_src_path.startswith(config.docs_dir)
        if from_theme and any(fnmatch(file.src_uri, pattern) for pattern in UNUSED):
            files.remove(file)
    return files
