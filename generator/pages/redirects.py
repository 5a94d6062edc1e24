"""Pages at former ids that send readers (and search engines) on to the current address."""

from __future__ import annotations

from generator.archive import urls
from generator.pages.common import e
from generator.pages.context import PageContext
from generator.rendering.generated import GeneratedFile


def redirect_pages(context: PageContext) -> list[GeneratedFile]:
    """Plain HTML files, not Markdown: MkDocs copies them unchanged, without theme chrome.

    A meta refresh and a visible link, no script: works with JavaScript off.
    """
    files = []
    for former, current in context.catalog.redirects.items():
        here = urls.resolution(former)
        target = urls.relative(here, urls.resolution(current))
        canonical = context.absolute(urls.resolution(current))
        title = context.catalog.by_id[current].title
        html = (
            '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f"<title>Weiterleitung: {e(title)}</title>\n"
            f'<meta http-equiv="refresh" content="0; url={e(target)}">\n'
            f'<link rel="canonical" href="{e(canonical)}">\n'
            '<meta name="robots" content="noindex">\n</head>\n<body>\n'
            f'<p>Dieser Beschluss hat eine neue Adresse: <a href="{e(target)}">{e(title)}</a></p>\n'
            "</body>\n</html>\n"
        )
        files.append(GeneratedFile.text(f"{here}index.html", html))
    return files
