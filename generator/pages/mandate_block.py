"""The mandates on a resolution page: one block per mandate with its state and history,
and the mandates another resolution reports on or closes ("erledigt durch …")."""

from __future__ import annotations

from html import escape as e

from generator.archive import labels, urls
from generator.archive.mandates import MANDATE_STATE_LABELS, Mandate
from generator.archive.model import Resolution
from generator.pages.common import link
from generator.pages.context import PageContext


def state_label(mandate: Mandate, context: PageContext) -> str:
    label = MANDATE_STATE_LABELS[mandate.state]
    if context.today is not None and mandate.overdue(context.today):
        return f"{label}, überfällig"
    return label


def _deadline(mandate: Mandate) -> str:
    if mandate.due is not None:
        return f"Frist: {labels.date(mandate.due)}"
    return f"Bericht: {mandate.interval}" if mandate.interval else ""


def mandates_section(
    context: PageContext, resolution: Resolution, here: str
) -> tuple[str, list[str]]:
    """(HTML, its words for the search record); empty when the resolution has no mandates."""
    if not resolution.mandates:
        return "", []
    catalog = context.catalog
    blocks = []
    words = ["Aufträge"]
    for mandate in resolution.mandates:
        facts = [f"Zuständig: {e(mandate.responsible)}", e(_deadline(mandate))]
        committee = catalog.committees.get(mandate.report_to or "")
        if committee is not None:
            facts.append(f"Bericht an: {link(here, urls.committee(committee.id), committee.name)}")
        history = []
        for entry in mandate.history:
            by = catalog.by_id.get(entry.by or "")
            # Another resolution's title: shown, but not searched as this one's words.
            via = (
                f" <span data-pagefind-ignore>– {link(here, urls.resolution(by.id), by.title)}"
                "</span>"
                if by is not None
                else ""
            )
            note = f": {e(entry.note)}" if entry.note else ""
            history.append(
                f"<li>{labels.date(entry.date)}: {e(MANDATE_STATE_LABELS[entry.status])}"
                f"{note}{via}</li>"
            )
        state = state_label(mandate, context)
        blocks.append(
            f'<div class="ra-mandate ra-mandate--{mandate.state.value}" '
            f'id="auftrag-{e(mandate.id)}">'
            f"<h3>{e(mandate.task)}</h3>"
            f'<p class="ra-mandate__state">Stand: <strong>{e(state)}</strong></p>'
            f"<p>{' · '.join(fact for fact in facts if fact)}</p>"
            f'<ol class="ra-mandate__history">{"".join(history)}</ol></div>'
        )
        words += [mandate.task, mandate.responsible, state]
    html = f'\n<section class="ra-mandates"><h2>Aufträge</h2>{"".join(blocks)}</section>\n'
    return html, words


def reports_section(context: PageContext, resolution: Resolution, here: str) -> str:
    """Mandates of other resolutions that this one reports on or closes."""
    reports = context.catalog.mandate_reports.get(resolution.id, ())
    if not reports:
        return ""
    items = "".join(
        f"<li>{e(MANDATE_STATE_LABELS[report.entry.status])} durch diesen Beschluss: "
        + link(
            here,
            f"{urls.resolution(report.resolution.id)}#auftrag-{report.mandate.id}",
            report.mandate.task,
        )
        + f" (Auftrag aus „{e(report.resolution.title)}“)</li>"
        for report in reports
    )
    return (
        '\n<section class="ra-mandate-reports">'
        f"<h2>Berichte zu Aufträgen</h2><ul>{items}</ul></section>\n"
    )
