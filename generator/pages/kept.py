"""List pages taken from the build folder when what they show is unchanged.

A list page stamped beside the resolution pages (a year, a month, a topic and its years,
a faction and its years, a committee's year, a meeting, a matter) is kept in the page
cache (``publish.page_cache``) under the digest of its inputs: the identities of the
resolutions it shows (``PageContext.identity``, the digest of each one's file, never the
parsed resolution) and whatever else it names that no shown resolution's file holds (its
pager's neighbours, a meeting's title, a faction's shares of agreement). Each generator
names those inputs beside the code that reads them. What any list page may show of the
archive as a whole (settings, registry, committees, faction names, the years, what they
show of the Stand date: ``stand_phase``, the list limit) is ``shared_inputs``, part of
every key: changing it renders every list page again. The program, theme and config are
in the cache's salt.

A page taken from the cache also keeps its key (``PageCache.keys``): the stamping links
the page an earlier build stamped into the same shell (``publish.stamp_cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.archive.model import Resolution
from generator.pages.context import PageContext
from generator.publish.page_cache import LIST, digest
from generator.rendering.generated import PageFragment


def shared_inputs(context: PageContext) -> str:
    """The digest of what any list page may show besides its own entries."""
    catalog = context.catalog
    return digest(
        (
            context.site_url,
            context.list_limit,
            context.today_in_keys(),
            catalog.archive.settings,
            catalog.archive.registry,
            tuple(catalog.committees.items()),
            tuple(catalog.faction_names.items()),
            tuple(catalog.by_year),  # a year is linked only where it has a page
        )
    )


def listed(context: PageContext, resolutions: Iterable[Resolution]) -> tuple[object, ...]:
    """What stands for ``resolutions`` in a list page's inputs, in their order."""
    ident = context.identity
    return tuple(ident(resolution) for resolution in resolutions)


def kept_page(
    context: PageContext, url: str, inputs: object, make: Callable[[], PageFragment]
) -> PageFragment:
    """``make()``, or the page an earlier build made at ``url`` from the same ``inputs``
    (only in a build with a page cache and ``context.list_inputs``), then without its
    content: the build stamps it from the cache (``PageCache.kept_content``) or links it
    as stamped before."""
    cache = context.page_cache
    if cache is None or not context.list_inputs:
        return make()
    key = digest((context.list_inputs, inputs))
    found = cache.get(url, key, kind=LIST, content=False)
    if found is not None:
        # Without its content, which the stamping reads from the cache if it needs it.
        return PageFragment(url=found[0], title=found[1], content="", head=found[3])
    page = make()
    cache.put(url, key, (page.url, page.title, page.content, page.head, (), "", "", ""))
    return page
