"""Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit from the settings."""

from __future__ import annotations

from generator.archive import urls
from generator.pages.common import e, markdown_block, page
from generator.pages.context import PageContext
from generator.rendering.generated import GeneratedFile


def legal_pages(context: PageContext) -> list[GeneratedFile]:
    settings = context.catalog.archive.settings
    files = []
    for key, legal in (
        ("imprint", settings.imprint),
        ("privacy", settings.privacy),
        ("accessibility", settings.accessibility),
    ):
        body = f'<div class="ra-legal" markdown="1">{markdown_block(legal.markdown)}</div>'
        if not legal.markdown.lstrip().startswith("# "):
            body = f"<h1>{e(legal.title)}</h1>\n\n{body}"
        if key == "accessibility":
            body += _feedback(context)
        files.append(page(urls.LEGAL[key], legal.title, body))
    return files


def _feedback(context: PageContext) -> str:
    """The feedback contact BITV 2.0 requires, even if the editors' text forgets it."""
    contact = context.catalog.archive.settings.contact
    phone = f", Telefon {e(contact.phone)}" if contact.phone else ""
    return (
        '\n\n<section class="ra-feedback"><h2>Feedback und Kontakt</h2>'
        "<p>Sind Ihnen Barrieren aufgefallen? Schreiben Sie uns: "
        f"{e(contact.name)}, {e(contact.address)}, E-Mail "
        f'<a href="mailto:{e(contact.email)}">{e(contact.email)}</a>{phone}.</p></section>\n'
    )
