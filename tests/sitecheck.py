"""Reading a built site back: links, ids, resources, lists of resolutions on a page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data"}


@dataclass
class Page:
    path: Path
    links: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) of every href/src/action."""
    ids: set[str] = field(default_factory=set)
    resolutions: list[str] = field(default_factory=list)
    """The resolutions listed on the page, in document order: the ids of the title links that
    open an entry of a list (an ``li`` of ``ul.ra-list``), of the first link of a meeting's
    agenda item (``ol.ra-agenda``) and the ``data-resolution`` of a step of a matter's
    timeline."""
    styles: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_style = False
        self.in_agenda = False
        self.entry: str | None = None
        """"item" right after an ``li`` of a ``ul.ra-list`` opens, "agenda" inside an agenda
        item until its first link."""
        self.in_list = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name"):
            if name in values and (name == "id" or tag == "a"):
                self.page.ids.add(values[name])
        for name in ("href", "src", "action", "srcset", "poster", "data"):
            if name in values:
                kind = tag if name != "href" else f"{tag}[rel={values.get('rel', '')}]"
                self.page.links.append((kind, name, values[name]))
        if "data-resolution" in values:
            self.page.resolutions.append(values["data-resolution"])
        classes = values.get("class", "").split()
        if tag == "ol" and "ra-agenda" in classes:
            self.in_agenda = True
        if tag == "ul":
            self.in_list = "ra-list" in classes
        if tag == "li":
            self.entry = "item" if self.in_list else "agenda" if self.in_agenda else None
        elif tag == "a" and self.entry is not None:
            listed = LISTED.search(values.get("href", ""))
            if listed is not None:
                self.page.resolutions.append(listed[1])
            self.entry = None
        elif self.entry == "item":
            self.entry = None
        if "style" in values:
            self.page.styles.append(values["style"])
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self.in_agenda = False
        if tag == "ul":
            self.in_list = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.page.styles.append(data)


LISTED = re.compile(r"(?:^|/)beschluss/([^/?#]+)/$")
"""A link to a resolution's page; the group is its id."""


def read_page(path: Path) -> Page:
    return read_html(path.read_text(encoding="utf-8"), path)


def read_html(html: str, path: Path = Path()) -> Page:
    page = Page(path=path)
    collector = _Collector(page)
    collector.feed(html)
    return page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_at(site: Path, url: str) -> Page:
    return read_page(site / url / "index.html")


def resolve_internal(site: Path, page: Path, value: str, site_url: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for other hosts and schemes."""
    if value.startswith(site_url):
        target_path, fragment = _split(value[len(site_url) :])
        base = site
    else:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            return None
        target_path, fragment = _split(value)
        base = page.parent
        if target_path.startswith("/"):
            # Root-absolute links (Material's 404 page) must carry the site's own path.
            root = urlsplit(site_url).path
            if not target_path.startswith(root):
                return site / "<outside the site path>", fragment
            target_path = target_path[len(root) :]
            base = site
    if not target_path:
        return page, fragment
    target = (base / unquote(target_path)).resolve()
    if value.endswith("/") or target.is_dir() or (target_path.endswith("/")):
        target = target / "index.html"
    return target, fragment


def _split(value: str) -> tuple[str, str]:
    path = value.split("?", 1)[0]
    path, _, fragment = path.partition("#")
    return path, fragment


PAGEFIND_ELEMENT = re.compile(r"<[a-z]+\s[^>]*\bdata-pagefind-(?:filter|meta|sort)=[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
REFERENCE = re.compile(r"([^:\[\]]+)\[(.+)\]")


def pagefind_values(html: str, kind: str) -> list[tuple[str, str]]:
    """(key, value as written in the HTML) of every Pagefind ``filter``, ``meta`` or
    ``sort`` value, read as Pagefind reads the attribute: comma-separated ``key[attribute]``
    references to other attributes of the element, and at most one ``key:value`` at the
    end (everything after the first colon is that value)."""
    found = []
    for element in PAGEFIND_ELEMENT.finditer(html):
        attributes = dict(ATTRIBUTE.findall(element.group()))
        spec = attributes.get(f"data-pagefind-{kind}")
        if spec is None:
            continue
        references, colon, literal = spec.partition(":")
        chunks = [chunk.strip() for chunk in references.split(",")]
        for index, chunk in enumerate(chunks):
            reference = REFERENCE.fullmatch(chunk)
            if reference is not None:
                found.append((reference[1], attributes.get(reference[2], "")))
            elif colon and index == len(chunks) - 1:
                found.append((chunk, literal))
    return found
