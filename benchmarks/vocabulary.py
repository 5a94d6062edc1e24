"""Words and sentence patterns for the synthetic archive of the fictional Stadt Musterstadt.

The vocabulary is large on purpose: a search index built from a few repeated sentences is
far smaller and faster than one built from real minutes, so the benchmark would flatter
Pagefind. Nouns carry their grammatical gender so the generated German reads correctly.
"""

from __future__ import annotations

COMMITTEES: tuple[tuple[str, str, str, str, str, int], ...] = (
    # id, name, short name, kind, id prefix, weight
    ("rat", "Rat der Stadt Musterstadt", "Rat", "council", "rat", 10),
    ("hauptausschuss", "Hauptausschuss", "Hauptausschuss", "committee", "ha", 7),
    ("finanzausschuss", "Finanzausschuss", "Finanzausschuss", "committee", "fa", 7),
    (
        "ausschuss-fuer-stadtentwicklung-und-planung",
        "Ausschuss für Stadtentwicklung und Planung",
        "Planungsausschuss",
        "committee",
        "sp",
        8,
    ),
    (
        "ausschuss-fuer-umwelt-und-klimaschutz",
        "Ausschuss für Umwelt und Klimaschutz",
        "Umweltausschuss",
        "committee",
        "uk",
        6,
    ),
    ("schulausschuss", "Schulausschuss", "Schulausschuss", "committee", "sch", 6),
    (
        "ausschuss-fuer-soziales-und-gesundheit",
        "Ausschuss für Soziales, Gesundheit und Senioren",
        "Sozialausschuss",
        "committee",
        "soz",
        6,
    ),
    ("jugendhilfeausschuss", "Jugendhilfeausschuss", "Jugendhilfeausschuss", "committee", "jh", 5),
    (
        "ausschuss-fuer-kultur-und-sport",
        "Ausschuss für Kultur, Sport und Freizeit",
        "Kulturausschuss",
        "committee",
        "ks",
        5,
    ),
    (
        "ausschuss-fuer-mobilitaet-und-verkehr",
        "Ausschuss für Mobilität und Verkehr",
        "Mobilitätsausschuss",
        "committee",
        "mv",
        6,
    ),
    ("bezirksvertretung-nord", "Bezirksvertretung Nord", "BV Nord", "district_council", "bvn", 5),
    ("bezirksvertretung-sued", "Bezirksvertretung Süd", "BV Süd", "district_council", "bvs", 5),
    ("bezirksvertretung-ost", "Bezirksvertretung Ost", "BV Ost", "district_council", "bvo", 5),
    ("bezirksvertretung-west", "Bezirksvertretung West", "BV West", "district_council", "bvw", 5),
    (
        "bezirksvertretung-mitte",
        "Bezirksvertretung Mitte",
        "BV Mitte",
        "district_council",
        "bvm",
        5,
    ),
)

# Factions and seats: the council, a committee, a district council.
FACTIONS = ("CDU", "SPD", "BÜNDNIS 90/DIE GRÜNEN", "FDP", "DIE LINKE", "BÜRGERLISTE", "AfD")
SEATS = {
    "council": (15, 12, 12, 4, 3, 2, 2),
    "committee": (5, 4, 4, 1, 1, 1, 1),
    "district_council": (5, 4, 3, 1, 1, 1, 0),
}

DISTRICTS = (
    "Nordheim", "Lindenhof", "Am Bach", "Südfeld", "Osterwald", "Westend", "Altstadt",
    "Mühlenkamp", "Bergkirchen", "Heidesiedlung", "Brückenviertel", "Sonnenhang",
    "Kirchdorf", "Hafenviertel", "Eichenau", "Auenfeld",
)  # fmt: skip

STREETS = (
    "Lindenstraße", "Nordring", "Bahnhofstraße", "Schillerstraße", "Goethestraße",
    "Kirchplatz", "Mühlenweg", "Hauptstraße", "Marktstraße", "Am Stadtpark",
    "Hochstraße", "Schulstraße", "Gartenweg", "Am Kanal", "Eichendorffweg", "Wallring",
    "Friedhofstraße", "Industriestraße", "Rosenstraße", "Brunnenplatz", "Ulmenallee",
    "Kastanienweg", "Zechenstraße", "Am Sportplatz", "Heideweg", "Ringstraße",
)  # fmt: skip

SURNAMES = (
    "Albers", "Terhaar", "Okafor", "Kerkhoff", "Stratmann", "Sommer", "Wolters", "Brinkmann",
    "Hüsken", "Kowalski", "Yılmaz", "Hoffmann", "Schulte", "Becker", "Nowak", "Lange",
    "Vogt", "Janßen", "Krüger", "Demir", "Weber", "Richter", "Peters", "Hermes", "Böhm",
    "Sander", "Kleine", "Wiesmann", "Fischer", "Lehmkuhl", "Arslan", "Schäfer", "Winter",
    "Bergmann", "Klein", "Tönnies", "Engels", "Rademacher", "Özdemir", "Haverkamp",
)  # fmt: skip

# Topics, each with the subject nouns that a resolution on it is about.
# Noun entries: (word, gender) with gender m/f/n/p (plural).
TOPICS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Haushalt", (("Haushaltssatzung", "f"), ("Haushaltsplan", "m"), ("Investitionsprogramm", "n"), ("Stellenplan", "m"), ("Haushaltssicherungskonzept", "n"))),  # noqa: E501
    ("Steuern und Abgaben", (("Grundsteuer", "f"), ("Gewerbesteuer", "f"), ("Hundesteuersatzung", "f"), ("Vergnügungssteuer", "f"), ("Zweitwohnungssteuer", "f"))),  # noqa: E501
    ("Gebühren", (("Gebührensatzung", "f"), ("Abwassergebühr", "f"), ("Abfallgebühr", "f"), ("Straßenreinigungsgebühr", "f"), ("Gebührenbedarfsberechnung", "f"))),  # noqa: E501
    ("Jahresabschluss", (("Jahresabschluss", "m"), ("Gesamtabschluss", "m"), ("Lagebericht", "m"), ("Prüfbericht", "m"))),  # noqa: E501
    ("Beteiligungen", (("Beteiligungsbericht", "m"), ("Wirtschaftsplan", "m"), ("Gesellschaftsvertrag", "m"), ("Stadtwerke", "p"))),  # noqa: E501
    ("Bauleitplanung", (("Bebauungsplan", "m"), ("Flächennutzungsplan", "m"), ("Veränderungssperre", "f"), ("Aufstellungsbeschluss", "m"), ("Offenlage", "f"))),  # noqa: E501
    ("Stadtentwicklung", (("Stadtentwicklungskonzept", "n"), ("Sanierungsgebiet", "n"), ("Rahmenplan", "m"), ("Städtebauförderung", "f"), ("Quartiersmanagement", "n"))),  # noqa: E501
    ("Wohnen", (("Wohnraumversorgungskonzept", "n"), ("Mietspiegel", "m"), ("Baulandmodell", "n"), ("Wohnungsbauprogramm", "n"), ("Erbbaurecht", "n"))),  # noqa: E501
    ("Verkehr", (("Verkehrsentwicklungsplan", "m"), ("Kreisverkehr", "m"), ("Ortsumgehung", "f"), ("Parkraumbewirtschaftung", "f"), ("Lärmaktionsplan", "m"))),  # noqa: E501
    ("Radverkehr", (("Radverkehrskonzept", "n"), ("Fahrradstraße", "f"), ("Radschnellweg", "m"), ("Fahrradabstellanlage", "f"), ("Radwegenetz", "n"))),  # noqa: E501
    ("ÖPNV", (("Nahverkehrsplan", "m"), ("Buslinie", "f"), ("Mobilstation", "f"), ("Haltestelle", "f"), ("Sozialticket", "n"))),  # noqa: E501
    ("Straßenbau", (("Straßenausbaubeitrag", "m"), ("Fahrbahnsanierung", "f"), ("Straßenbeleuchtung", "f"), ("Gehwegerneuerung", "f"), ("Brückensanierung", "f"))),  # noqa: E501
    ("Klimaschutz", (("Klimaschutzkonzept", "n"), ("Wärmeplanung", "f"), ("Photovoltaikanlage", "f"), ("Energiebericht", "m"), ("Klimaanpassungskonzept", "n"))),  # noqa: E501
    ("Umwelt", (("Baumschutzsatzung", "f"), ("Landschaftsplan", "m"), ("Streuobstwiese", "f"), ("Naturschutzgebiet", "n"), ("Luftreinhalteplan", "m"))),  # noqa: E501
    ("Wasser und Abwasser", (("Abwasserbeseitigungskonzept", "n"), ("Kanalsanierung", "f"), ("Regenrückhaltebecken", "n"), ("Starkregenvorsorge", "f"), ("Hochwasserschutz", "m"))),  # noqa: E501
    ("Abfallwirtschaft", (("Abfallwirtschaftskonzept", "n"), ("Wertstoffhof", "m"), ("Abfallsatzung", "f"), ("Sperrmüllabfuhr", "f"))),  # noqa: E501
    ("Grünflächen", (("Grünflächenpflege", "f"), ("Stadtpark", "m"), ("Kleingartenanlage", "f"), ("Spielplatzkonzept", "n"), ("Friedhofssatzung", "f"))),  # noqa: E501
    ("Schule", (("Schulentwicklungsplan", "m"), ("Grundschule", "f"), ("Gesamtschule", "f"), ("Schulhof", "m"), ("Schulbuskonzept", "n"))),  # noqa: E501
    ("Ganztag", (("Ganztagsschule", "f"), ("Mensa", "f"), ("Betreuungsangebot", "n"), ("Ganztagsausbau", "m"))),  # noqa: E501
    ("Digitalisierung", (("Digitalisierungsstrategie", "f"), ("Breitbandausbau", "m"), ("Medienentwicklungsplan", "m"), ("Onlinezugangsgesetz", "n"), ("Ratsinformationssystem", "n"))),  # noqa: E501
    ("Kindertagesbetreuung", (("Kindertagesstätte", "f"), ("Kita-Bedarfsplan", "m"), ("Elternbeitragssatzung", "f"), ("Tagespflege", "f"))),  # noqa: E501
    ("Jugend", (("Jugendzentrum", "n"), ("Jugendhilfeplan", "m"), ("Jugendparlament", "n"), ("Streetwork", "f"), ("Ferienprogramm", "n"))),  # noqa: E501
    ("Soziales", (("Sozialbericht", "m"), ("Obdachlosenunterkunft", "f"), ("Schuldnerberatung", "f"), ("Tafel", "f"), ("Sozialpass", "m"))),  # noqa: E501
    ("Senioren", (("Seniorenbeirat", "m"), ("Pflegeplanung", "f"), ("Seniorentreff", "m"), ("Quartierspflege", "f"))),  # noqa: E501
    ("Gesundheit", (("Gesundheitsamt", "n"), ("Hausarztversorgung", "f"), ("Impfkampagne", "f"), ("Hitzeschutzplan", "m"))),  # noqa: E501
    ("Integration", (("Integrationskonzept", "n"), ("Integrationsrat", "m"), ("Flüchtlingsunterkunft", "f"), ("Sprachförderung", "f"))),  # noqa: E501
    ("Inklusion", (("Inklusionsplan", "m"), ("Barrierefreiheit", "f"), ("Behindertenbeirat", "m"), ("Leitsystem", "n"))),  # noqa: E501
    ("Kultur", (("Kulturentwicklungsplan", "m"), ("Stadtbibliothek", "f"), ("Musikschule", "f"), ("Stadtmuseum", "n"), ("Stadthalle", "f"))),  # noqa: E501
    ("Sport", (("Sportentwicklungsplan", "m"), ("Sporthalle", "f"), ("Hallenbad", "n"), ("Kunstrasenplatz", "m"), ("Sportstättennutzung", "f"))),  # noqa: E501
    ("Weiterbildung", (("Volkshochschule", "f"), ("Bildungsbericht", "m"), ("Bildungsbüro", "n"))),  # noqa: E501
    ("Feuerwehr", (("Feuerwehrbedarfsplan", "m"), ("Feuerwache", "f"), ("Hilfeleistungslöschfahrzeug", "n"), ("Rettungsdienstbedarfsplan", "m"))),  # noqa: E501
    ("Ordnung und Sicherheit", (("Gefahrenabwehrverordnung", "f"), ("Ordnungsdienst", "m"), ("Videobeobachtung", "f"), ("Sondernutzungssatzung", "f"))),  # noqa: E501
    ("Wirtschaftsförderung", (("Gewerbegebiet", "n"), ("Einzelhandelskonzept", "n"), ("Gründerzentrum", "n"), ("Wirtschaftsförderungsgesellschaft", "f"))),  # noqa: E501
    ("Innenstadt", (("Fußgängerzone", "f"), ("Marktplatz", "m"), ("Wochenmarkt", "m"), ("Außengastronomie", "f"), ("Leerstandsmanagement", "n"))),  # noqa: E501
    ("Tourismus", (("Tourismuskonzept", "n"), ("Stadtmarketing", "n"), ("Wohnmobilstellplatz", "m"), ("Weihnachtsmarkt", "m"))),  # noqa: E501
    ("Denkmalschutz", (("Denkmalliste", "f"), ("Denkmalbereichssatzung", "f"), ("Stadtarchiv", "n"), ("Gestaltungssatzung", "f"))),  # noqa: E501
    ("Personal", (("Personalentwicklungskonzept", "n"), ("Dienstvereinbarung", "f"), ("Ausbildungsoffensive", "f"), ("Gleichstellungsplan", "m"))),  # noqa: E501
    ("Vergabe", (("Vergabeordnung", "f"), ("Rahmenvertrag", "m"), ("Leasingvertrag", "m"), ("Ausschreibung", "f"))),  # noqa: E501
    ("Liegenschaften", (("Grundstücksverkauf", "m"), ("Vorkaufsrecht", "n"), ("Erschließungsvertrag", "m"), ("Stadtumbauvertrag", "m"))),  # noqa: E501
    ("Bürgerbeteiligung", (("Bürgerhaushalt", "m"), ("Einwohnerantrag", "m"), ("Beteiligungsverfahren", "n"), ("Bürgeranregung", "f"))),  # noqa: E501
    ("Städtepartnerschaften", (("Städtepartnerschaft", "f"), ("Jugendaustausch", "m"), ("Partnerschaftskomitee", "n"))),  # noqa: E501
    ("Ehrenamt", (("Ehrenamtskarte", "f"), ("Ehrenamtspreis", "m"), ("Freiwilligenagentur", "f"))),  # noqa: E501
)

# Nouns any resolution may mention besides its subject.
GENERIC_NOUNS: tuple[tuple[str, str], ...] = (
    ("Verwaltung", "f"), ("Kostenschätzung", "f"), ("Förderrichtlinie", "f"),
    ("Zuständigkeitsordnung", "f"), ("Bezirksregierung", "f"), ("Kommunalaufsicht", "f"),
    ("Machbarkeitsstudie", "f"), ("Bedarfsanalyse", "f"), ("Wirtschaftlichkeitsberechnung", "f"),
    ("Stellungnahme", "f"), ("Anwohnerversammlung", "f"), ("Ortsbegehung", "f"),
    ("Fachbereich", "m"), ("Zeitplan", "m"), ("Zwischenbericht", "m"), ("Kostenrahmen", "m"),
    ("Fördermittelbescheid", "m"), ("Eigenanteil", "m"), ("Prüfauftrag", "m"),
    ("Sachstandsbericht", "m"), ("Gutachten", "n"), ("Ingenieurbüro", "n"),
    ("Planungsbüro", "n"), ("Verfahren", "n"), ("Ergebnis", "n"), ("Konzept", "n"),
    ("Landesprogramm", "n"), ("Bundesprogramm", "n"), ("Haushaltsjahr", "n"),
    ("Gremium", "n"), ("Baudezernat", "n"), ("Rechnungsprüfungsamt", "n"),
)  # fmt: skip

DEPARTMENTS = (
    "Dezernat I", "Dezernat II", "Dezernat III", "Dezernat IV", "Dezernat V",
    "Fachbereich Finanzen", "Fachbereich Stadtplanung", "Fachbereich Tiefbau",
    "Fachbereich Schule und Bildung", "Fachbereich Jugend", "Fachbereich Soziales",
    "Fachbereich Umwelt", "Fachbereich Recht und Ordnung", "Eigenbetrieb Stadtentwässerung",
    "Amt für Gebäudewirtschaft", "Amt für Verkehrsplanung",
)  # fmt: skip

LEGAL_BASES = (
    "§ 41 Abs. 1 GO NRW", "§ 7 GO NRW", "§§ 78 bis 80 GO NRW", "§ 2 Abs. 1 BauGB",
    "§ 3 Abs. 2 BauGB", "§ 10 Abs. 1 BauGB", "§ 14 BauGB", "§ 6 KAG NRW",
    "§ 107 GO NRW", "§ 95 GO NRW", "§ 80 SGB VIII", "§ 24 GO NRW", "§ 113 GO NRW",
)  # fmt: skip

PAPER_TYPES = ("Beschlussvorlage", "Beschlussvorlage", "Beschlussvorlage", "Antrag", "Mitteilungsvorlage", "Dringlichkeitsvorlage")  # noqa: E501

ADJECTIVES = (
    "zusätzliche", "erforderliche", "vorgeschlagene", "überarbeitete", "geplante",
    "beantragte", "bisherige", "dringende", "langfristige", "gemeinsame", "städtische",
    "nachhaltige", "barrierefreie", "klimafreundliche", "wirtschaftliche", "transparente",
)  # fmt: skip

# Sentence patterns. Slots: {S_nom} {S_acc} {S_dat} {S_gen} the subject, {G_*} a generic noun,
# {district} {street} {dept} {amount} {percent} {year} {month} {name} {faction} {adj}
# {count} {weeks} {ref}.
TEXT_SENTENCES = (
    "Die Verwaltung wird beauftragt, {S_acc} für den Stadtteil {district} bis zum {month} {year} zu überarbeiten.",  # noqa: E501
    "{committee_nom} beschließt {S_acc} in der Fassung der Vorlage {ref}.",
    "Für die Umsetzung werden im Haushaltsjahr {year} Mittel in Höhe von {amount} Euro bereitgestellt.",  # noqa: E501
    "Die Deckung erfolgt aus dem Budget des Fachbereichs; {G_nom} wird entsprechend angepasst.",  # noqa: E501
    "Die Verwaltung prüft, ob für {S_acc} Fördermittel aus einem Landesprogramm beantragt werden können.",  # noqa: E501
    "Über den Stand der Umsetzung wird {committee_dat} halbjährlich berichtet.",
    "Die {adj} Maßnahme an der {street} wird in das Investitionsprogramm {year} aufgenommen.",
    "Der Eigenanteil der Stadt beträgt {percent} Prozent der förderfähigen Kosten.",
    "Die Anwohnerinnen und Anwohner im Bereich {street} werden vor Baubeginn in einer Versammlung informiert.",  # noqa: E501
    "Das {dept} wird ermächtigt, die erforderlichen Aufträge im Rahmen der Vergabeordnung zu erteilen.",  # noqa: E501
    "Die Stellungnahmen aus der Beteiligung der Öffentlichkeit werden entsprechend der Anlage abgewogen.",  # noqa: E501
    "Der Bezirksvertretung {bv} wird vor jeder Einzelmaßnahme Gelegenheit zur Stellungnahme gegeben.",  # noqa: E501
    "{S_nom} tritt am Tag nach der öffentlichen Bekanntmachung in Kraft.",
    "Die Verwaltung legt bis Ende {year} eine Kostenschätzung und einen Zeitplan für {S_acc} vor.",  # noqa: E501
    "Der Beschluss vom {old_date} zu {S_dat} wird insoweit aufgehoben.",
    "Die Kosten für {G_acc} von rund {amount} Euro werden überplanmäßig bereitgestellt.",
    "Mit {S_dat} soll die Versorgung in {district} und {district2} bis {year} deutlich verbessert werden.",  # noqa: E501
    "Die Stadtwerke Musterstadt werden gebeten, sich an {S_dat} mit einem eigenen Beitrag zu beteiligen.",  # noqa: E501
    "Der Entwurf {S_gen} wird für die Dauer von {weeks} Wochen öffentlich ausgelegt.",
    "Die Verwaltung wird gebeten, die Erfahrungen anderer Kommunen mit {S_dat} auszuwerten.",
    "Die Sitzungsunterlagen werden um eine barrierefreie Fassung {S_gen} ergänzt.",
    "Es werden {count} {adj} Stellen im {dept} eingerichtet, davon {count2} befristet.",
)

DISCUSSION_SENTENCES = (
    "{title_person} {name} ({faction}) begrüßt {S_acc} ausdrücklich und dankt der Verwaltung für die gründliche Vorbereitung.",  # noqa: E501
    "{title_person} {name} ({faction}) kritisiert, dass {G_nom} erst sehr spät vorgelegt worden sei.",  # noqa: E501
    "{title_person} {name} ({faction}) fragt nach den Folgekosten {S_gen} für die kommenden {count} Jahre.",  # noqa: E501
    "Die Verwaltung antwortet, dass die Folgekosten bei jährlich etwa {amount} Euro lägen.",
    "{officer} ({dept}) erläutert die Vorlage anhand einer Präsentation, die dem Protokoll beigefügt ist.",  # noqa: E501
    "{title_person} {name} ({faction}) beantragt, die Entscheidung über {S_acc} in die nächste Sitzung zu vertagen.",  # noqa: E501
    "{title_person} {name} ({faction}) erinnert an die Diskussion im Stadtteil {district} und an die Sorgen der Geschäftsleute an der {street}.",  # noqa: E501
    "Auf Nachfrage erläutert die Verwaltung, dass {G_nom} mit der Bezirksregierung abgestimmt sei.",  # noqa: E501
    "{title_person} {name} ({faction}) hält {S_acc} für überdimensioniert und schlägt vor, zunächst eine {adj} Bedarfsanalyse einzuholen.",  # noqa: E501
    "Der Änderungsantrag der Fraktion {faction} wird in den Beschlusstext übernommen.",
    "Die Vorsitzende stellt fest, dass zu {S_dat} keine weiteren Wortmeldungen vorliegen.",
    "{title_person} {name} ({faction}) weist darauf hin, dass der Anteil der Fördermittel bei {percent} Prozent liege.",  # noqa: E501
    "{title_person} {name} ({faction}) möchte wissen, wie viele Haushalte in {district} von {S_dat} betroffen sind.",  # noqa: E501
    "Die Verwaltung sagt zu, die Zahlen bis zur nächsten Sitzung schriftlich nachzureichen.",
    "{title_person} {name} ({faction}) betont, dass {S_nom} ohne eine verlässliche Finanzierung nicht umsetzbar sei.",  # noqa: E501
    "Nach kurzer Aussprache lässt die Vorsitzende über die Vorlage in der geänderten Fassung abstimmen.",  # noqa: E501
    "{title_person} {name} ({faction}) verweist auf einen Beschluss aus dem Jahr {old_year}, dessen Empfehlungen bis heute nicht umgesetzt seien.",  # noqa: E501
    "Der Vertreter des Seniorenbeirats regt an, bei {S_dat} auch an Menschen mit eingeschränkter Mobilität zu denken.",  # noqa: E501
    "{title_person} {name} ({faction}) schlägt vor, die Maßnahme an der {street} vorzuziehen, weil dort die Schulwege verlaufen.",  # noqa: E501
    "Die Verwaltung stellt klar, dass über {S_acc} {committee_nom_lower} abschließend entscheidet.",  # noqa: E501
    "{title_person} {name} ({faction}) kündigt an, dass die Fraktion der Vorlage trotz Bedenken zustimmen werde.",  # noqa: E501
    "Es besteht Einvernehmen, {G_acc} in der nächsten Sitzung erneut aufzurufen.",
    "{officer} berichtet, dass im Jahr {old_year} bereits {count} Anträge zu {S_dat} eingegangen seien.",  # noqa: E501
    "{title_person} {name} ({faction}) regt an, die Ergebnisse in einer Einwohnerversammlung in {district} vorzustellen.",  # noqa: E501
)

SUBHEADINGS = ("Sachstand", "Finanzielle Auswirkungen", "Stellungnahme der Verwaltung", "Ergebnis der Beteiligung")  # noqa: E501

TITLE_PATTERNS = (
    "{subject} {year}",
    "{subject} – Beschluss über die Umsetzung",
    "{subject} für den Stadtteil {district}",
    "{subject}: Sachstand und weiteres Vorgehen",
    "{ordinal}. Änderung: {subject}",
    "{subject} an der {street}",
    "Antrag der Fraktion {faction}: {subject}",
    "{subject} – Vergabe der Planungsleistungen",
    "{subject} – Ergebnis der Bürgerbeteiligung",
    "Fortschreibung: {subject} {year}",
)

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
