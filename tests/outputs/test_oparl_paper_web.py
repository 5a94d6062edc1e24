"""OParl ``Paper.web`` names a page that exists: the matter page for a paper consulted more
than once, else the resolution page (``vorlage/<ref>/`` of a single decision only redirects)."""

from __future__ import annotations

import json

from generator.archive import urls
from generator.outputs.context import OutputContext
from generator.outputs.oparl import oparl
from tests.outputs.conftest import DEMO_ARCHIVE, load


def test_paper_web_is_the_matter_page_or_the_only_resolution(context: OutputContext) -> None:
    catalog = load(DEMO_ARCHIVE)
    files = {
        context.absolute(f.path): json.loads(f.content or b"")
        for f in oparl(catalog, context, page_size=100)
    }
    checked = 0
    for reference, resolutions in catalog.by_reference.items():
        slug = catalog.reference_slugs[reference]
        paper = files[context.absolute(urls.oparl_paper(slug))]
        if len(resolutions) > 1:
            assert paper["web"] == context.absolute(urls.matter(slug))
        else:
            assert paper["web"] == context.absolute(urls.resolution(resolutions[0].id))
        checked += 1
    assert checked == len(catalog.by_reference) > 10
    single = files[context.absolute(urls.oparl_paper("2019-0871"))]
    assert "/vorlage/" not in single["web"]
