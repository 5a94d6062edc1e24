"""Decap CMS's ``config.yml``, derived from the content contract and the registries.

Each resolution field becomes a form field from its JSON Schema fragment (``Field.schema``),
so a field added to ``RESOLUTION_FIELDS`` appears in the form without a change here; only
the choices the schema cannot name come from the archive (committees, factions of the
current term, topics), and a few nested keys get German labels. What the form cannot
express (exactly one of ``file``/``url``, sums of the faction rows, duplicate ids) is left
to ``check``, which runs on the pull request.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from generator.archive import labels
from generator.archive.catalog import Catalog
from generator.archive.edit_links import Forge
from generator.archive.model import Choice, EditorSignIn, ResolutionKind, Result
from generator.reading.contract import RESOLUTION_FIELDS
from generator.reading.loading import RESOLUTIONS_DIR
from generator.reading.scaffold import SCHEMA_COMMENT, next_id

Widget = dict[str, Any]

SKIPPED = frozenset({"source"})
"""Written by the importers, never by hand: kept in the file, not shown in the form."""

ONE_OR_MANY = "vote"
"""One vote, or a list of votes on parts: the form always shows a list ("Abstimmungen");
a list of one vote without a part is written as the single vote (``ratsarchiv-redaktion.js``)."""

OPTIONAL_IN_FORM = {"vote": {"part"}}
"""Required by ``check`` only in some cases: ``part`` when a vote has several parts."""

NESTED_LABELS = {
    "name": "Name",
    "number": "Nummer",
    "order": "Reihenfolge",
    "unanimous": "einstimmig",
    "for": "Ja",
    "against": "Nein",
    "abstain": "Enthaltungen",
    "factions": "Abstimmung nach Fraktionen",
    "excluded_for_bias": "Wegen Befangenheit nicht beteiligt (Namen)",
    "excluded_for_bias_count": "Wegen Befangenheit nicht beteiligt (Anzahl)",
    "text": "Wortlaut",
    "roll_call": "Namentliche Abstimmung",
    "person": "Person",
    "faction": "Fraktion",
    "vote": "Stimme",
    "part": "Teil der Abstimmung",
    "title": "Titel",
    "file": "Datei",
    "url": "Adresse (https://…)",
    "type": "Art des Bezugs",
    "target": "Kennung des anderen Beschlusses",
}

_CHOICE_LABELS: dict[str, Mapping[Any, str]] = {
    "kind": labels.KIND,
    "result": labels.RESULT,
    "relations.type": labels.OUTGOING,
    "vote.roll_call.vote": {Choice.FOR: "Ja", Choice.AGAINST: "Nein", Choice.ABSTAIN: "Enthaltung"},
}

BODY_HINT = (
    "Zuerst der Beschlusstext (nummerierte Punkte mit „1.“), dann eine Zeile „## Beratung“ "
    "und die Beratung."
)
TOPIC_HINT_LIMIT = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class Choices:
    """What the archive knows that the schema cannot: the values ``check`` accepts."""

    committees: tuple[tuple[str, str], ...]
    """(id, name), in the order of ``committees.yml``."""
    factions: tuple[str, ...]
    """Names a faction row may carry in the current term; empty without ``factions.yml``."""
    topics: tuple[str, ...]
    """The most used topics, most used first."""


def archive_choices(catalog: Catalog, today: datetime.date) -> Choices:
    archive = catalog.archive
    factions: tuple[str, ...] = ()
    registry = archive.registry
    if registry is not None:
        term = registry.term_on(today) or (registry.terms[-1] if registry.terms else None)
        if term is not None:
            factions = tuple(f.short_name for f in registry.factions if term.id in f.terms)
            factions += (registry.mayor, "fraktionslos", "Sonstige")
    topics = sorted(catalog.by_topic, key=lambda topic: (-len(catalog.by_topic[topic]), topic))
    return Choices(
        committees=tuple((c.id, c.name) for c in archive.committees),
        factions=factions,
        topics=tuple(topics[:TOPIC_HINT_LIMIT]),
    )


def _options(values: Sequence[str], names: Mapping[Any, str] | None = None) -> list[Any]:
    if names is None:
        return list(values)
    return [{"label": names.get(value, value), "value": value} for value in values]


def form_field(
    name: str, schema: Mapping[str, Any], *, label: str, required: bool, path: str, choices: Choices
) -> Widget:
    """One Decap widget for a key and its JSON Schema fragment (recursively)."""
    widget: Widget = {"label": label, "name": name, "required": required}
    description = schema.get("description")
    if description and description != label and "(Kennung" not in description:
        widget["hint"] = description
    if path in ("committee", "recommended_to"):
        return {**widget, "widget": "select", "options": _committee_options(choices)}
    if path in ("vote.factions.name", "vote.roll_call.faction") and choices.factions:
        return {**widget, "widget": "select", "options": list(choices.factions)}
    if path in ("attachments.file", "resolution_file.file"):
        return {
            **widget,
            "widget": "file",
            "hint": "PDF-Datei; sie wird neben dem Beschluss abgelegt",
        }
    if path == "topics" and choices.topics:
        widget["hint"] = "Häufige Themen: " + ", ".join(choices.topics)
    if "oneOf" in schema and path == ONE_OR_MANY:
        many = next(s for s in schema["oneOf"] if s.get("type") == "array")
        return {
            **_list_of(widget, many["items"], path, choices),
            "label": "Abstimmungen",
            "label_singular": "Abstimmung",
            "hint": "Eine Abstimmung; bei getrennter Abstimmung über Teile eine je Teil, "
            "jeweils mit „Teil der Abstimmung“.",
        }
    if "enum" in schema:
        return {
            **widget,
            "widget": "select",
            "options": _options(schema["enum"], _CHOICE_LABELS.get(path)),
        }
    kind = schema.get("type")
    if kind == "boolean":
        return {**widget, "widget": "boolean", "default": False}
    if kind == "integer":
        return {**widget, "widget": "number", "value_type": "int", "min": schema.get("minimum", 0)}
    if kind == "string":
        if schema.get("format") == "date":
            return {
                **widget,
                "widget": "string",
                "pattern": [schema["pattern"], "ein Datum wie 2024-05-02 (JJJJ-MM-TT)"],
                "hint": widget.get("hint", "JJJJ-MM-TT, z. B. 2024-05-02"),
            }
        if "pattern" in schema and "minLength" not in schema and path.endswith("url"):
            return {
                **widget,
                "widget": "string",
                "pattern": [schema["pattern"], "beginnt mit https://"],
            }
        if "pattern" in schema:
            return {
                **widget,
                "widget": "string",
                "pattern": [schema["pattern"], "Kleinbuchstaben, Ziffern und Bindestriche"],
            }
        return {**widget, "widget": "string" if "minLength" in schema else "text"}
    if kind == "object" and not required:
        # An optional mapping outside a list (meeting, resolution_file): Decap would demand
        # its inner required keys even when the editor leaves the whole mapping empty.
        optional = {**schema, "required": []}
        return {
            **widget,
            "widget": "object",
            "collapsed": True,
            "fields": _fields(optional, path, choices),
        }
    if kind == "object":
        return {
            **widget,
            "widget": "object",
            "collapsed": False,
            "fields": _fields(schema, path, choices),
        }
    if kind == "array":
        return _list_of(widget, schema["items"], path, choices)
    return {**widget, "widget": "string"}


def _list_of(widget: Widget, items: Mapping[str, Any], path: str, choices: Choices) -> Widget:
    listed: Widget = {**widget, "widget": "list", "collapsed": False}
    if items.get("type") == "object":
        listed["fields"] = _fields(items, path, choices)
    else:
        listed["field"] = form_field(
            "item", items, label=widget["label"], required=True, path=path, choices=choices
        )
    return listed


def _fields(schema: Mapping[str, Any], path: str, choices: Choices) -> list[Widget]:
    required = set(schema.get("required", ())) - OPTIONAL_IN_FORM.get(path, set())
    for alternative in schema.get("oneOf", ()):
        required -= set(alternative.get("required", ()))  # one of them: check says which
    return [
        form_field(
            key,
            sub,
            label=NESTED_LABELS.get(key, key),
            required=key in required,
            path=f"{path}.{key}",
            choices=choices,
        )
        for key, sub in schema["properties"].items()
    ]


def _committee_options(choices: Choices) -> list[Any]:
    return [{"label": name, "value": ident} for ident, name in choices.committees]


def resolution_fields(choices: Choices, committee: str, default_id: str) -> list[Widget]:
    fields: list[Widget] = []
    for field in RESOLUTION_FIELDS:
        if field.name in SKIPPED:
            continue
        widget = form_field(
            field.name,
            field.schema,
            label=field.label,
            required=field.required,
            path=field.name,
            choices=choices,
        )
        if field.name == "committee":
            widget["default"] = committee
        elif field.name == "id":
            widget["default"] = default_id
            widget["hint"] = (
                "Vorschlag: die nächste freie Kennung beim letzten Build; nie wiederverwenden"
            )
        elif field.name == "kind":
            widget["default"] = ResolutionKind.ORDINARY.value
        elif field.name == "result":
            widget["default"] = Result.ADOPTED.value
        elif widget["widget"] == "boolean" and isinstance(field.missing, bool):
            widget["default"] = field.missing  # public: true unless unticked
        fields.append(widget)
    fields.append(
        {
            "label": "Beschlusstext und Beratung",
            "name": "body",
            # A plain text field: labelled for screen readers, and it keeps the Markdown as
            # typed (Decap's rich editor rewrites lists and emphasis when it saves).
            "widget": "text",
            "required": False,
            "hint": BODY_HINT,
        }
    )
    return fields


@dataclass(frozen=True, slots=True, kw_only=True)
class Backend:
    """Where the CMS commits and how editors sign in: the forge of ``repository_url`` and
    the ``editor`` section of ``archive.yml``."""

    forge: Forge | None
    repository_url: str | None
    branch: str
    sign_in: EditorSignIn | None = None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def backend_config(backend: Backend) -> Widget:
    """The forge's backend for the editorial workflow's branch + pull request; without a
    forge only the local mode works (``test-repo`` would show invented data).

    GitLab and Forgejo/Gitea sign in with PKCE in the browser (``app_id``, no secret);
    GitHub has no such flow for browsers, so its sign-in goes through the OAuth proxy the
    city hosts (``base_url`` + ``auth_endpoint``). Decap's ``gitea`` backend lacks the
    editorial workflow, so Gitea and Forgejo both get the ``forgejo`` backend, which reads
    the server from ``api_root``."""
    if backend.forge is None or backend.repository_url is None:
        return {
            "name": "proxy",
            "proxy_url": "http://localhost:8081/api/v1",
            "branch": backend.branch,
        }
    url = backend.repository_url.rstrip("/")
    host, _, repo = url.partition("://")[2].partition("/")
    base = url.removesuffix("/" + repo)
    sign_in = backend.sign_in
    if backend.forge is Forge.GITHUB:
        config: Widget = {"name": "github", "repo": repo, "branch": backend.branch}
        if host != "github.com":
            config["api_root"] = f"{base}/api/v3"
        if sign_in is not None and sign_in.base_url is not None:
            config["base_url"] = sign_in.base_url.rstrip("/")
            config["auth_endpoint"] = sign_in.auth_endpoint
        return config
    app_id = {"app_id": sign_in.app_id} if sign_in is not None and sign_in.app_id else {}
    if backend.forge is Forge.GITLAB:
        return {
            "name": "gitlab",
            "repo": repo,
            "branch": backend.branch,
            "auth_type": "pkce",
            **app_id,
            "base_url": base,
            "api_root": f"{base}/api/v4",
        }
    return {
        "name": "forgejo",
        "repo": repo,
        "branch": backend.branch,
        **app_id,
        "base_url": base,
        "api_root": f"{base}/api/v1",
    }


def api_origins(backend: Backend, local_backend_url: str | None) -> tuple[str, ...]:
    """The hosts the editors' area talks to besides its own: the forge's API and sign-in,
    and in local mode the local backend."""
    config = backend_config(backend)
    origins: list[str] = []
    if config["name"] == "github" and "api_root" not in config:
        origins.append("https://api.github.com")
    for key in ("api_root", "base_url"):
        if key in config:
            origins.append(_origin(config[key]))
    if local_backend_url:
        origins.append(_origin(local_backend_url))
    return tuple(dict.fromkeys(origins))


def editor_csp(origins: Sequence[str], *, header: bool = True) -> str:
    """The Content-Security-Policy of ``/redaktion/`` alone (the public pages keep theirs).

    Decap CMS styles its React UI with emotion, which writes ``<style>`` elements, hence
    ``style-src 'unsafe-inline'``; an uploaded file is a ``blob:`` URL, shown as an image
    and read back with ``fetch`` when the entry is saved. Decap
    checks its ``config.yml`` with ajv, which compiles each JSON Schema into a function
    (``new Function``), hence ``'unsafe-eval'`` (decaporg/decap-cms#2138, open since 2019).
    Scripts are still only files from the archive's own host, never inline code.
    ``frame-ancestors`` works only in a header:
    a ``<meta>`` element that carried it would make Chromium log an error.
    """
    connect = " ".join(("'self'", "blob:", *origins))
    directives = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        f"connect-src {connect}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def archive_backend(catalog: Catalog) -> Backend:
    settings = catalog.archive.settings
    return Backend(
        forge=settings.repository_type,
        repository_url=settings.repository_url,
        branch=settings.repository_branch,
        sign_in=settings.editor,
    )


def editor_config(
    catalog: Catalog,
    *,
    today: datetime.date,
    content_prefix: PurePosixPath,
    local_backend_url: str | None = None,
) -> Widget:
    """The whole ``config.yml``: backend, editorial workflow, one collection per committee,
    meetings, committees, factions, legal pages."""
    settings = catalog.archive.settings
    choices = archive_choices(catalog, today)
    content = content_prefix.as_posix()
    all_ids = [ident for r in catalog.archive.resolutions for ident in (r.id, *r.former_ids)]
    collections: list[Widget] = []
    for ident, name in choices.committees:
        own = [r.id for r in catalog.by_committee.get(ident, ())]
        collections.append(
            {
                "name": f"beschluesse-{ident}",
                "label": f"Beschlüsse: {name}",
                "label_singular": "Beschluss",
                "folder": f"{content}/{RESOLUTIONS_DIR}/{ident}",
                # Not {{fields.…}}: Decap turns the dots of a path template into dashes.
                "path": "{{ratsarchiv_jahr}}/{{slug}}",
                "slug": "{{fields.date}}-{{fields.ratsarchiv_stichwort}}",
                "identifier_field": "title",
                "extension": "md",
                "format": "ratsarchiv-beschluss",
                "create": True,
                "delete": False,
                "media_folder": "",
                "public_folder": "",
                "summary": "{{date}} – TOP {{agenda_item.number}} – {{title}}",
                "sortable_fields": ["date", "title"],
                "fields": resolution_fields(
                    choices, ident, next_id(ident, today.year, all_ids, own)
                ),
            }
        )
    collections += _registry_collections(content, choices)
    config: Widget = {
        "locale": "de",
        "backend": {
            **backend_config(archive_backend(catalog)),
            "commit_messages": {
                "create": "Neuer Beschluss: {{slug}} ({{author-name}})",
                "update": "Korrektur: {{slug}} ({{author-name}})",
                "delete": "Gelöscht: {{slug}} ({{author-name}})",
                "uploadMedia": "Anlage: {{path}} ({{author-name}})",
                "deleteMedia": "Anlage gelöscht: {{path}} ({{author-name}})",
            },
        },
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": local_backend_url} if local_backend_url else True,
        "media_folder": f"{content}/{RESOLUTIONS_DIR}",
        "site_url": settings.site_url,
        "logo_url": "",
        "show_preview_links": False,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if not config["logo_url"]:
        del config["logo_url"]
    return config


def _registry_collections(content: str, choices: Choices) -> list[Widget]:
    committee_kind = [
        {"label": label, "value": kind.value} for kind, label in labels.COMMITTEE_KIND.items()
    ]
    date = {"widget": "string", "pattern": [r"^\d{4}-\d{2}-\d{2}$", "JJJJ-MM-TT"]}
    committee = {"widget": "select", "options": _committee_options(choices)}
    meeting_fields: list[Widget] = [
        {"label": "Gremium", "name": "committee", **committee},
        {"label": "Sitzungsdatum", "name": "date", **date},
        {"label": "Bezeichnung", "name": "name", "widget": "string", "required": False},
        {
            "label": "Laufende Nummer",
            "name": "number",
            "widget": "number",
            "value_type": "int",
            "min": 1,
            "required": False,
        },
        {
            "label": "Beginn (HH:MM)",
            "name": "start",
            "widget": "string",
            "required": False,
            "pattern": [r"^\d{1,2}:\d{2}$", "eine Uhrzeit wie 17:00"],
        },
        {
            "label": "Ende (HH:MM)",
            "name": "end",
            "widget": "string",
            "required": False,
            "pattern": [r"^\d{1,2}:\d{2}$", "eine Uhrzeit wie 21:15"],
        },
        {"label": "Ort", "name": "place", "widget": "string", "required": False},
        {
            "label": "Niederschrift (https://…)",
            "name": "minutes_url",
            "widget": "string",
            "required": False,
        },
        {
            "label": "Sitzung im Ratsinformationssystem (https://…)",
            "name": "ris_url",
            "widget": "string",
            "required": False,
        },
        {"label": "Fällt aus", "name": "cancelled", "widget": "boolean", "required": False},
        {
            "label": "Tagesordnung",
            "name": "agenda",
            "widget": "list",
            "required": False,
            "fields": [
                {"label": "TOP-Nummer", "name": "number", "widget": "string"},
                {"label": "Betreff", "name": "title", "widget": "string"},
                {
                    "label": "Kennung des Beschlusses",
                    "name": "resolution",
                    "widget": "string",
                    "required": False,
                },
                {
                    "label": "Öffentlich",
                    "name": "public",
                    "widget": "boolean",
                    "required": False,
                    "default": True,
                },
            ],
        },
    ]
    return [
        {
            "name": "sitzungen",
            "label": "Sitzungen",
            "label_singular": "Sitzung",
            "folder": f"{content}/meetings",
            "path": "{{committee}}/{{ratsarchiv_jahr}}/{{slug}}",
            "slug": "{{fields.date}}",
            "identifier_field": "date",
            "extension": "yml",
            "format": "ratsarchiv-yaml",
            "create": True,
            "delete": False,
            "summary": "{{committee}} – {{date}}",
            "fields": meeting_fields,
        },
        {
            "name": "verzeichnisse",
            "label": "Verzeichnisse",
            "delete": False,
            "files": [
                {
                    "name": "gremien",
                    "label": "Gremien",
                    "file": f"{content}/committees.yml",
                    "format": "ratsarchiv-yaml",
                    "fields": [
                        {
                            "label": "Gremien",
                            "name": "committees",
                            "widget": "list",
                            "fields": [
                                {
                                    "label": "Kennung",
                                    "name": "id",
                                    "widget": "string",
                                    "pattern": [
                                        "^[a-z0-9]+(-[a-z0-9]+)*$",
                                        "Kleinbuchstaben, Ziffern und Bindestriche",
                                    ],
                                },
                                {"label": "Name", "name": "name", "widget": "string"},
                                {"label": "Kurzname", "name": "short_name", "widget": "string"},
                                {
                                    "label": "Art",
                                    "name": "kind",
                                    "widget": "select",
                                    "options": committee_kind,
                                },
                                {
                                    "label": "Beschreibung",
                                    "name": "description",
                                    "widget": "text",
                                    "required": False,
                                },
                                {
                                    "label": "Besteht seit",
                                    "name": "active_from",
                                    **date,
                                    "required": False,
                                },
                                {
                                    "label": "Besteht bis",
                                    "name": "active_until",
                                    **date,
                                    "required": False,
                                },
                            ],
                        },
                    ],
                },
                {
                    "name": "fraktionen",
                    "label": "Fraktionen",
                    "file": f"{content}/factions.yml",
                    "format": "ratsarchiv-yaml",
                    "fields": [
                        {
                            "label": "So heißt der Bürgermeister in Abstimmungen",
                            "name": "mayor",
                            "widget": "string",
                            "required": False,
                        },
                        {
                            "label": "Wahlperioden",
                            "name": "terms",
                            "widget": "list",
                            "fields": [
                                {"label": "Kennung", "name": "id", "widget": "string"},
                                {"label": "Name", "name": "name", "widget": "string"},
                                {"label": "Beginn", "name": "start", **date},
                                {"label": "Ende", "name": "end", **date, "required": False},
                            ],
                        },
                        {
                            "label": "Fraktionen",
                            "name": "factions",
                            "widget": "list",
                            "fields": [
                                {"label": "Kennung", "name": "id", "widget": "string"},
                                {"label": "Name", "name": "name", "widget": "string"},
                                {
                                    "label": "Kürzel in Abstimmungen",
                                    "name": "short_name",
                                    "widget": "string",
                                },
                                {
                                    "label": "Wahlperioden (Kennungen)",
                                    "name": "terms",
                                    "widget": "list",
                                    "field": {
                                        "label": "Wahlperiode",
                                        "name": "term",
                                        "widget": "string",
                                    },
                                },
                                {
                                    "label": "Schreibweisen im RIS",
                                    "name": "aliases",
                                    "widget": "list",
                                    "required": False,
                                    "field": {
                                        "label": "Schreibweise",
                                        "name": "alias",
                                        "widget": "string",
                                    },
                                },
                            ],
                        },
                    ],
                },
            ],
        },
        {
            "name": "rechtstexte",
            "label": "Rechtstexte",
            "delete": False,
            "files": [
                {
                    "name": name,
                    "label": label,
                    "file": f"{content}/legal/{name}.md",
                    "format": "ratsarchiv-text",
                    "fields": [{"label": label, "name": "body", "widget": "text"}],
                }
                for name, label in (
                    ("impressum", "Impressum"),
                    ("datenschutz", "Datenschutzerklärung"),
                    ("barrierefreiheit", "Erklärung zur Barrierefreiheit"),
                )
            ],
        },
    ]


def format_settings() -> dict[str, Any]:
    """What ``ratsarchiv-redaktion.js`` needs to write files as ``ratsarchiv new`` does."""
    return {
        "order": [field.name for field in RESOLUTION_FIELDS],
        "schemaComment": SCHEMA_COMMENT,
        "oneOrMany": [ONE_OR_MANY],
        "formFields": [f.name for f in RESOLUTION_FIELDS if f.name not in SKIPPED] + ["body"],
        "slugLength": 50,
    }
