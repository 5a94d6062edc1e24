"""Pages that send readers (and search engines) on to the current address: at former
resolution ids, and at the matter address of a paper consulted only once."""

from __future__ import annotations

from generator.archive import urls
from generator.pages.common import e
from generator.pages.context import PageContext
from generator.pages.matter import has_timeline
from generator.rendering.attribute_quotes import unquote_attributes
from generator.rendering.generated import GeneratedFile


def redirect_pages(context: PageContext) -> list[GeneratedFile]:
    """Plain HTML files, not Markdown, without theme chrome: bulk files, written straight
    into the site, so MkDocs never collects and copies them (one per paper decided once).

    A meta refresh and a visible link, no script: works with JavaScript off.
    """
    catalog = context.catalog
    files = [
        redirect(
            context,
            urls.resolution(former),
            current,
            "Dieser Beschluss hat eine neue Adresse:",
        )
        for former, current in catalog.redirects.items()
    ]
    files += matter_redirects(context)
    return files


def matter_redirects(context: PageContext) -> list[GeneratedFile]:
    """``vorlage/<reference>/`` of a paper with a single resolution leads to that resolution:
    a timeline of one step would repeat it, but the address was published (OParl ``web``)."""
    catalog = context.catalog
    return [
        redirect(
            context,
            urls.matter(catalog.reference_slugs[reference]),
            resolutions[0].id,
            f"Zur Drucksache {reference} gibt es einen Beschluss:",
        )
        for reference, resolutions in catalog.by_reference.items()
        if not has_timeline(resolutions)
    ]


FAVICON = "assets/images/favicon.png"
"""Material's default icon, which every MkDocs page links."""


def redirect(context: PageContext, here: str, current: str, lead: str) -> GeneratedFile:
    """``here`` leads to the resolution ``current``."""
    title = context.catalog.by_id[current].title
    return redirect_to(context, here, urls.resolution(current), title, lead)


def redirect_to(
    context: PageContext, here: str, target: str, title: str, lead: str, anchor: str = ""
) -> GeneratedFile:
    """``here`` leads to the page ``target`` (at ``#anchor``), named ``title``."""
    relative = urls.relative(here, target) + (f"#{anchor}" if anchor else "")
    canonical = context.absolute(target)
    # Without the tags HTML lets a page omit (head, body, the closing ones) and the line
    # breaks: thousands of these stubs (one per paper decided once, per faction month).
    # The title names only what the page is: the target's name is in the link below, and
    # the browser replaces the stub at once (0.42 MiB of repeated titles at 10,000).
    html = (
        '<!doctype html><html lang="de"><meta charset="utf-8">'
        "<title>Weiterleitung</title>"
        f'<meta http-equiv="refresh" content="0; url={e(relative)}">'
        f'<link rel="canonical" href="{e(canonical)}">'
        # The theme's icon, as on every other page: without it the browser asks for
        # /favicon.ico, which the site does not have (a 404 in the console).
        f'<link rel="icon" href="{e(urls.relative(here, FAVICON))}">'
        '<meta name="robots" content="noindex">'
        f'<p>{e(lead)} <a href="{e(relative)}">{e(title)}</a>\n'
    )
    # Values without the quotes HTML does not need, as on stamped pages (20 bytes a stub).
    return GeneratedFile(
        path=f"{here}index.html", content=unquote_attributes(html).encode("utf-8"), bulk=True
    )
