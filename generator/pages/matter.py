"""Matter pages (``vorlage/<reference>/``): a paper's consultations as a timeline.

Body, date, role (Vorberatung, Empfehlung, Entscheidung), result and vote of every
resolution with the same reference, in order, with the paper type and every file.
"""

from __future__ import annotations

from functools import partial

from generator.archive import labels, urls
from generator.archive.matters import role
from generator.archive.model import Resolution
from generator.pages.common import breadcrumbs, e, fragment, link, result_badge
from generator.pages.context import PageContext
from generator.pages.kept import kept_page, listed
from generator.pages.votes import vote_summary
from generator.rendering.generated import PageFragment


def matter_pages(context: PageContext) -> list[PageFragment]:
    """Only matters consulted more than once: the page of a single consultation would
    repeat its resolution page (``redirects.matter_redirects`` keeps those URLs answering)."""
    slugs = context.catalog.reference_slugs
    return [
        kept_page(
            context,
            urls.matter(slugs[reference]),
            ("matter", reference, listed(context, resolutions)),
            partial(matter_page, context, reference, resolutions),
        )
        for reference, resolutions in context.catalog.by_reference.items()
        if has_timeline(resolutions)
    ]


def has_timeline(resolutions: tuple[Resolution, ...]) -> bool:
    return len(resolutions) > 1


def matter_title(reference: str) -> str:
    return f"Drucksache {reference}"


def matter_page(
    context: PageContext, reference: str, resolutions: tuple[Resolution, ...]
) -> PageFragment:
    catalog = context.catalog
    here = urls.matter(catalog.reference_slugs[reference])
    first = resolutions[0]
    paper_types = sorted({r.paper_type for r in resolutions if r.paper_type})
    lead = [labels.count(len(resolutions), "Beratung", "Beratungen")]
    if paper_types:
        lead.insert(0, e(", ".join(paper_types)))
    steps = "".join(_step(context, here, r, resolutions) for r in resolutions)
    parts = [
        breadcrumbs(here, ()),
        f"<h1>{e(matter_title(reference))}: {e(first.title)}</h1>",
        f'<p class="ra-lead">{" · ".join(lead)}</p>',
        '<section class="ra-matter" aria-labelledby="beratungsfolge">'
        '<h2 id="beratungsfolge">Beratungsfolge</h2>'
        f'<ol class="ra-timeline">{steps}</ol></section>',
    ]
    files = _files(here, resolutions)
    if files:
        parts.append(
            '<section class="ra-attachments" aria-labelledby="dateien">'
            f'<h2 id="dateien">Dateien</h2><ul>{files}</ul></section>'
        )
    return fragment(here, f"{matter_title(reference)}: {first.title}", "\n".join(parts))


def _step(
    context: PageContext, here: str, resolution: Resolution, matter: tuple[Resolution, ...]
) -> str:
    committee = context.catalog.committees[resolution.committee]
    date = resolution.date
    details = [
        f'<time datetime="{date.isoformat()}">{labels.date(date)}</time>',
        link(here, urls.committee(committee.id), committee.name),
        f"TOP {e(resolution.agenda_item.number)}",
    ]
    votes = "; ".join(vote_summary(vote) for vote in resolution.votes)
    vote_line = f'<p class="ra-timeline__vote">Abstimmung: {votes}</p>' if votes else ""
    title = link(here, urls.resolution(resolution.id), resolution.title)
    return (
        f'<li class="ra-timeline__step" data-resolution="{e(resolution.id)}">'
        f'<p class="ra-timeline__role"><strong>{e(role(resolution, matter).value)}</strong> '
        f"{result_badge(resolution)}</p>"
        f'<p class="ra-timeline__title">{title}</p>'
        f'<p class="ra-item__meta">{" · ".join(details)}</p>{vote_line}</li>'
    )


def _files(here: str, resolutions: tuple[Resolution, ...]) -> str:
    items = []
    for resolution in resolutions:
        if not resolution.public:
            continue
        for attachment in resolution.attachments:
            if attachment.file is not None:
                href = urls.relative(here, urls.attachment(resolution.id, attachment.file.name))
            else:
                href = attachment.url or ""
            items.append(
                f'<li><a href="{e(href)}">{e(attachment.title)}</a> '
                f'<span class="ra-attachment__details">({labels.date(resolution.date)})</span></li>'
            )
    return "".join(items)
