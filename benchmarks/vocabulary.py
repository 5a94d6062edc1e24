"""Words and sentence patterns for the synthetic archive of the fictional Stadt Musterstadt.

The vocabulary is large on purpose: a search index built from a few repeated sentences is
far smaller and faster than one built from real minutes, so the benchmark would flatter
Pagefind. Nouns carry their grammatical gender so the generated German reads correctly.
"""

# ruff: noqa: E501
# fmt: off

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
)

STREETS = (
    "Lindenstraße", "Nordring", "Bahnhofstraße", "Schillerstraße", "Goethestraße",
    "Kirchplatz", "Mühlenweg", "Hauptstraße", "Marktstraße", "Am Stadtpark",
    "Hochstraße", "Schulstraße", "Gartenweg", "Am Kanal", "Eichendorffweg", "Wallring",
    "Friedhofstraße", "Industriestraße", "Rosenstraße", "Brunnenplatz", "Ulmenallee",
    "Kastanienweg", "Zechenstraße", "Am Sportplatz", "Heideweg", "Ringstraße",
)

SURNAMES = (
    "Albers", "Terhaar", "Okafor", "Kerkhoff", "Stratmann", "Sommer", "Wolters", "Brinkmann",
    "Hüsken", "Kowalski", "Yılmaz", "Hoffmann", "Schulte", "Becker", "Nowak", "Lange",
    "Vogt", "Janßen", "Krüger", "Demir", "Weber", "Richter", "Peters", "Hermes", "Böhm",
    "Sander", "Kleine", "Wiesmann", "Fischer", "Lehmkuhl", "Arslan", "Schäfer", "Winter",
    "Bergmann", "Klein", "Tönnies", "Engels", "Rademacher", "Özdemir", "Haverkamp",
)

# Topics, each with the subject nouns that a resolution on it is about.
# Noun entries: (word, gender) with gender m/f/n/p (plural).
TOPICS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Haushalt", (("Haushaltssatzung", "f"), ("Haushaltsplan", "m"), ("Investitionsprogramm", "n"), ("Stellenplan", "m"), ("Haushaltssicherungskonzept", "n"))),
    ("Steuern und Abgaben", (("Grundsteuer", "f"), ("Gewerbesteuer", "f"), ("Hundesteuersatzung", "f"), ("Vergnügungssteuer", "f"), ("Zweitwohnungssteuer", "f"))),
    ("Gebühren", (("Gebührensatzung", "f"), ("Abwassergebühr", "f"), ("Abfallgebühr", "f"), ("Straßenreinigungsgebühr", "f"), ("Gebührenbedarfsberechnung", "f"))),
    ("Jahresabschluss", (("Jahresabschluss", "m"), ("Gesamtabschluss", "m"), ("Lagebericht", "m"), ("Prüfbericht", "m"))),
    ("Beteiligungen", (("Beteiligungsbericht", "m"), ("Wirtschaftsplan", "m"), ("Gesellschaftsvertrag", "m"), ("Stadtwerke", "p"))),
    ("Bauleitplanung", (("Bebauungsplan", "m"), ("Flächennutzungsplan", "m"), ("Veränderungssperre", "f"), ("Aufstellungsbeschluss", "m"), ("Offenlage", "f"))),
    ("Stadtentwicklung", (("Stadtentwicklungskonzept", "n"), ("Sanierungsgebiet", "n"), ("Rahmenplan", "m"), ("Städtebauförderung", "f"), ("Quartiersmanagement", "n"))),
    ("Wohnen", (("Wohnraumversorgungskonzept", "n"), ("Mietspiegel", "m"), ("Baulandmodell", "n"), ("Wohnungsbauprogramm", "n"), ("Erbbaurecht", "n"))),
    ("Verkehr", (("Verkehrsentwicklungsplan", "m"), ("Kreisverkehr", "m"), ("Ortsumgehung", "f"), ("Parkraumbewirtschaftung", "f"), ("Lärmaktionsplan", "m"))),
    ("Radverkehr", (("Radverkehrskonzept", "n"), ("Fahrradstraße", "f"), ("Radschnellweg", "m"), ("Fahrradabstellanlage", "f"), ("Radwegenetz", "n"))),
    ("ÖPNV", (("Nahverkehrsplan", "m"), ("Buslinie", "f"), ("Mobilstation", "f"), ("Haltestelle", "f"), ("Sozialticket", "n"))),
    ("Straßenbau", (("Straßenausbaubeitrag", "m"), ("Fahrbahnsanierung", "f"), ("Straßenbeleuchtung", "f"), ("Gehwegerneuerung", "f"), ("Brückensanierung", "f"))),
    ("Klimaschutz", (("Klimaschutzkonzept", "n"), ("Wärmeplanung", "f"), ("Photovoltaikanlage", "f"), ("Energiebericht", "m"), ("Klimaanpassungskonzept", "n"))),
    ("Umwelt", (("Baumschutzsatzung", "f"), ("Landschaftsplan", "m"), ("Streuobstwiese", "f"), ("Naturschutzgebiet", "n"), ("Luftreinhalteplan", "m"))),
    ("Wasser und Abwasser", (("Abwasserbeseitigungskonzept", "n"), ("Kanalsanierung", "f"), ("Regenrückhaltebecken", "n"), ("Starkregenvorsorge", "f"), ("Hochwasserschutz", "m"))),
    ("Abfallwirtschaft", (("Abfallwirtschaftskonzept", "n"), ("Wertstoffhof", "m"), ("Abfallsatzung", "f"), ("Sperrmüllabfuhr", "f"))),
    ("Grünflächen", (("Grünflächenpflege", "f"), ("Stadtpark", "m"), ("Kleingartenanlage", "f"), ("Spielplatzkonzept", "n"), ("Friedhofssatzung", "f"))),
    ("Schule", (("Schulentwicklungsplan", "m"), ("Grundschule", "f"), ("Gesamtschule", "f"), ("Schulhof", "m"), ("Schulbuskonzept", "n"))),
    ("Ganztag", (("Ganztagsschule", "f"), ("Mensa", "f"), ("Betreuungsangebot", "n"), ("Ganztagsausbau", "m"))),
    ("Digitalisierung", (("Digitalisierungsstrategie", "f"), ("Breitbandausbau", "m"), ("Medienentwicklungsplan", "m"), ("Onlinezugangsgesetz", "n"), ("Ratsinformationssystem", "n"))),
    ("Kindertagesbetreuung", (("Kindertagesstätte", "f"), ("Kita-Bedarfsplan", "m"), ("Elternbeitragssatzung", "f"), ("Tagespflege", "f"))),
    ("Jugend", (("Jugendzentrum", "n"), ("Jugendhilfeplan", "m"), ("Jugendparlament", "n"), ("Streetwork", "f"), ("Ferienprogramm", "n"))),
    ("Soziales", (("Sozialbericht", "m"), ("Obdachlosenunterkunft", "f"), ("Schuldnerberatung", "f"), ("Tafel", "f"), ("Sozialpass", "m"))),
    ("Senioren", (("Seniorenbeirat", "m"), ("Pflegeplanung", "f"), ("Seniorentreff", "m"), ("Quartierspflege", "f"))),
    ("Gesundheit", (("Gesundheitsamt", "n"), ("Hausarztversorgung", "f"), ("Impfkampagne", "f"), ("Hitzeschutzplan", "m"))),
    ("Integration", (("Integrationskonzept", "n"), ("Integrationsrat", "m"), ("Flüchtlingsunterkunft", "f"), ("Sprachförderung", "f"))),
    ("Inklusion", (("Inklusionsplan", "m"), ("Barrierefreiheit", "f"), ("Behindertenbeirat", "m"), ("Leitsystem", "n"))),
    ("Kultur", (("Kulturentwicklungsplan", "m"), ("Stadtbibliothek", "f"), ("Musikschule", "f"), ("Stadtmuseum", "n"), ("Stadthalle", "f"))),
    ("Sport", (("Sportentwicklungsplan", "m"), ("Sporthalle", "f"), ("Hallenbad", "n"), ("Kunstrasenplatz", "m"), ("Sportstättennutzung", "f"))),
    ("Weiterbildung", (("Volkshochschule", "f"), ("Bildungsbericht", "m"), ("Bildungsbüro", "n"))),
    ("Feuerwehr", (("Feuerwehrbedarfsplan", "m"), ("Feuerwache", "f"), ("Hilfeleistungslöschfahrzeug", "n"), ("Rettungsdienstbedarfsplan", "m"))),
    ("Ordnung und Sicherheit", (("Gefahrenabwehrverordnung", "f"), ("Ordnungsdienst", "m"), ("Videobeobachtung", "f"), ("Sondernutzungssatzung", "f"))),
    ("Wirtschaftsförderung", (("Gewerbegebiet", "n"), ("Einzelhandelskonzept", "n"), ("Gründerzentrum", "n"), ("Wirtschaftsförderungsgesellschaft", "f"))),
    ("Innenstadt", (("Fußgängerzone", "f"), ("Marktplatz", "m"), ("Wochenmarkt", "m"), ("Außengastronomie", "f"), ("Leerstandsmanagement", "n"))),
    ("Tourismus", (("Tourismuskonzept", "n"), ("Stadtmarketing", "n"), ("Wohnmobilstellplatz", "m"), ("Weihnachtsmarkt", "m"))),
    ("Denkmalschutz", (("Denkmalliste", "f"), ("Denkmalbereichssatzung", "f"), ("Stadtarchiv", "n"), ("Gestaltungssatzung", "f"))),
    ("Personal", (("Personalentwicklungskonzept", "n"), ("Dienstvereinbarung", "f"), ("Ausbildungsoffensive", "f"), ("Gleichstellungsplan", "m"))),
    ("Vergabe", (("Vergabeordnung", "f"), ("Rahmenvertrag", "m"), ("Leasingvertrag", "m"), ("Ausschreibung", "f"))),
    ("Liegenschaften", (("Grundstücksverkauf", "m"), ("Vorkaufsrecht", "n"), ("Erschließungsvertrag", "m"), ("Stadtumbauvertrag", "m"))),
    ("Bürgerbeteiligung", (("Bürgerhaushalt", "m"), ("Einwohnerantrag", "m"), ("Beteiligungsverfahren", "n"), ("Bürgeranregung", "f"))),
    ("Städtepartnerschaften", (("Städtepartnerschaft", "f"), ("Jugendaustausch", "m"), ("Partnerschaftskomitee", "n"))),
    ("Ehrenamt", (("Ehrenamtskarte", "f"), ("Ehrenamtspreis", "m"), ("Freiwilligenagentur", "f"))),
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
)

DEPARTMENTS = (
    "Dezernat I", "Dezernat II", "Dezernat III", "Dezernat IV", "Dezernat V",
    "Fachbereich Finanzen", "Fachbereich Stadtplanung", "Fachbereich Tiefbau",
    "Fachbereich Schule und Bildung", "Fachbereich Jugend", "Fachbereich Soziales",
    "Fachbereich Umwelt", "Fachbereich Recht und Ordnung", "Eigenbetrieb Stadtentwässerung",
    "Amt für Gebäudewirtschaft", "Amt für Verkehrsplanung",
)

LEGAL_BASES = (
    "§ 41 Abs. 1 GO NRW", "§ 7 GO NRW", "§§ 78 bis 80 GO NRW", "§ 2 Abs. 1 BauGB",
    "§ 3 Abs. 2 BauGB", "§ 10 Abs. 1 BauGB", "§ 14 BauGB", "§ 6 KAG NRW",
    "§ 107 GO NRW", "§ 95 GO NRW", "§ 80 SGB VIII", "§ 24 GO NRW", "§ 113 GO NRW",
)

PAPER_TYPES = ("Beschlussvorlage", "Beschlussvorlage", "Beschlussvorlage", "Antrag", "Mitteilungsvorlage", "Dringlichkeitsvorlage")

ADJECTIVES = (
    "zusätzliche", "erforderliche", "vorgeschlagene", "überarbeitete", "geplante",
    "beantragte", "bisherige", "dringende", "langfristige", "gemeinsame", "städtische",
    "nachhaltige", "barrierefreie", "klimafreundliche", "wirtschaftliche", "transparente",
)

# Sentence patterns. Slots: {S_nom} {S_acc} {S_dat} {S_gen} the subject, {G_*} a generic noun,
# {district} {street} {dept} {amount} {percent} {year} {month} {name} {faction} {adj}
# {count} {weeks} {ref}.
TEXT_SENTENCES = (
    "Die Verwaltung wird beauftragt, {S_acc} für den Stadtteil {district} bis zum {month} {year} zu überarbeiten.",
    "{committee_nom} beschließt {S_acc} in der Fassung der Vorlage {ref}.",
    "Für die Umsetzung werden im Haushaltsjahr {year} Mittel in Höhe von {amount} Euro bereitgestellt.",
    "Die Deckung erfolgt aus dem Budget des Fachbereichs; {G_nom} wird entsprechend angepasst.",
    "Die Verwaltung prüft, ob für {S_acc} Fördermittel aus einem Landesprogramm beantragt werden können.",
    "Über den Stand der Umsetzung wird {committee_dat} halbjährlich berichtet.",
    "Die {adj} Maßnahme im Bereich {street} wird in das Investitionsprogramm {year} aufgenommen.",
    "Der Eigenanteil der Stadt beträgt {percent} Prozent der förderfähigen Kosten.",
    "Die Anwohnerinnen und Anwohner im Bereich {street} werden vor Baubeginn in einer Versammlung informiert.",
    "Das {dept} wird ermächtigt, die erforderlichen Aufträge im Rahmen der Vergabeordnung zu erteilen.",
    "Die Stellungnahmen aus der Beteiligung der Öffentlichkeit werden entsprechend der Anlage abgewogen.",
    "Der Bezirksvertretung {bv} wird vor jeder Einzelmaßnahme Gelegenheit zur Stellungnahme gegeben.",
    "{S_nom} tritt am Tag nach der öffentlichen Bekanntmachung in Kraft.",
    "Die Verwaltung legt bis Ende {year} eine Kostenschätzung und einen Zeitplan für {S_acc} vor.",
    "Der Beschluss vom {old_date} zu {S_dat} wird insoweit aufgehoben.",
    "Die Kosten für {G_acc} von rund {amount} Euro werden überplanmäßig bereitgestellt.",
    "Mit {S_dat} soll die Versorgung in {district} und {district2} bis {year} deutlich verbessert werden.",
    "Die Stadtwerke Musterstadt werden gebeten, sich an {S_dat} mit einem eigenen Beitrag zu beteiligen.",
    "Der Entwurf {S_gen} wird für die Dauer von {weeks} Wochen öffentlich ausgelegt.",
    "Die Verwaltung wird gebeten, die Erfahrungen anderer Kommunen mit {S_dat} auszuwerten.",
    "Die Sitzungsunterlagen werden um eine barrierefreie Fassung {S_gen} ergänzt.",
    "Es werden {count} {adj} Stellen im {dept} eingerichtet, davon {count2} befristet.",
    "Die Verwaltung wird beauftragt, gemeinsam mit dem Kreis und den Nachbarkommunen ein abgestimmtes Vorgehen zu {S_dat} zu entwickeln.",
    "Die Planungen sind so auszurichten, dass die Barrierefreiheit und die Belange des Denkmalschutzes berücksichtigt werden.",
    "Die Ausschreibung erfolgt losweise; Angebote regionaler Handwerksbetriebe sind ausdrücklich erwünscht.",
    "Die Umsetzung wird wissenschaftlich begleitet und nach {count} Jahren evaluiert.",
    "Ein Betrag von {amount} Euro wird als Verpflichtungsermächtigung zulasten des Haushaltsjahres {year} veranschlagt.",
    "Die Grundstücke in der Gemarkung {district}, Flur {count}, werden in das Verfahren einbezogen.",
    "Die Verwaltung informiert die Öffentlichkeit über die Internetseite der Stadt, die Tagespresse und Aushänge in {district}.",
    "Dem Vorschlag des Integrationsrats, Informationen auch in leichter Sprache bereitzustellen, wird gefolgt.",
    "Die Maßnahme steht unter dem Vorbehalt der Bewilligung der Zuwendung durch die Bezirksregierung.",
    "Das Ergebnis der Prüfung wird dem Rechnungsprüfungsausschuss vorgelegt.",
    "{G_nom} und {G_nom} werden bei der weiteren Planung berücksichtigt.",
    "Die Verwaltung stimmt {G_acc} mit {G_dat} ab und berichtet im {month} {year}.",
)

DISCUSSION_SENTENCES = (
    "{title_person} {name} ({faction}) begrüßt {S_acc} ausdrücklich und dankt der Verwaltung für die gründliche Vorbereitung.",
    "{title_person} {name} ({faction}) kritisiert, dass die Vorlage zu {S_dat} erst sehr spät vorgelegt worden sei.",
    "{title_person} {name} ({faction}) fragt nach den Folgekosten {S_gen} für die kommenden {count} Jahre.",
    "Die Verwaltung antwortet, dass die Folgekosten bei jährlich etwa {amount} Euro lägen.",
    "{officer} ({dept}) erläutert die Vorlage anhand einer Präsentation, die dem Protokoll beigefügt ist.",
    "{title_person} {name} ({faction}) beantragt, die Entscheidung über {S_acc} in die nächste Sitzung zu vertagen.",
    "{title_person} {name} ({faction}) erinnert an die Diskussion im Stadtteil {district} und an die Sorgen der Geschäftsleute im Bereich {street}.",
    "Auf Nachfrage erläutert die Verwaltung, dass {G_nom} mit der Bezirksregierung abgestimmt sei.",
    "{title_person} {name} ({faction}) hält {S_acc} für überdimensioniert und schlägt vor, zunächst eine {adj} Bedarfsanalyse einzuholen.",
    "Der Änderungsantrag der Fraktion {faction} wird in den Beschlusstext übernommen.",
    "Die Vorsitzende stellt fest, dass zu {S_dat} keine weiteren Wortmeldungen vorliegen.",
    "{title_person} {name} ({faction}) weist darauf hin, dass der Anteil der Fördermittel bei {percent} Prozent liege.",
    "{title_person} {name} ({faction}) möchte wissen, wie viele Haushalte in {district} von {S_dat} betroffen sind.",
    "Die Verwaltung sagt zu, die Zahlen bis zur nächsten Sitzung schriftlich nachzureichen.",
    "{title_person} {name} ({faction}) betont, dass {S_nom} ohne eine verlässliche Finanzierung nicht umsetzbar sei.",
    "Nach kurzer Aussprache lässt die Vorsitzende über die Vorlage in der geänderten Fassung abstimmen.",
    "{title_person} {name} ({faction}) verweist auf einen Beschluss aus dem Jahr {old_year}, dessen Empfehlungen bis heute nicht umgesetzt seien.",
    "Der Vertreter des Seniorenbeirats regt an, bei {S_dat} auch an Menschen mit eingeschränkter Mobilität zu denken.",
    "{title_person} {name} ({faction}) schlägt vor, die Maßnahme im Bereich {street} vorzuziehen, weil dort die Schulwege verlaufen.",
    "Die Verwaltung stellt klar, dass über {S_acc} {committee_nom_lower} abschließend entscheidet.",
    "{title_person} {name} ({faction}) kündigt an, dass die Fraktion der Vorlage trotz Bedenken zustimmen werde.",
    "Es besteht Einvernehmen, {G_acc} in der nächsten Sitzung erneut aufzurufen.",
    "{officer} berichtet, dass im Jahr {old_year} bereits {count} Anträge zu {S_dat} eingegangen seien.",
    "{title_person} {name} ({faction}) regt an, die Ergebnisse in einer Einwohnerversammlung in {district} vorzustellen.",
    "{title_person} {name} ({faction}) bemängelt, dass die Ladeinfrastruktur für Elektrofahrzeuge in {district} weiterhin unzureichend sei.",
    "Der Sachkundige Bürger {name} erkundigt sich, ob die Sanierung während der Sommerferien abgeschlossen werden könne.",
    "{officer} sichert zu, dass die Baustelleneinrichtung den Lieferverkehr der Einzelhändler nicht behindern werde.",
    "{title_person} {name} ({faction}) zeigt sich enttäuscht über die Verzögerungen und fordert einen verbindlichen Zeitplan.",
    "Die Schülervertretung hat eine Unterschriftenliste mit {count}00 Unterschriften übergeben, die der Vorsitzende verliest.",
    "{title_person} {name} ({faction}) lobt die Zusammenarbeit mit den Vereinen, Kirchengemeinden und Wohlfahrtsverbänden vor Ort.",
    "Auf Anregung des Behindertenbeirats werden taktile Leitlinien und kontrastreiche Beschilderung vorgesehen.",
    "{title_person} {name} ({faction}) bezweifelt, dass die veranschlagten {amount} Euro angesichts gestiegener Baupreise ausreichen.",
    "Die Verwaltung erläutert, dass die Baupreise seit {old_year} um rund {percent} Prozent gestiegen seien und ein Puffer eingeplant sei.",
    "{title_person} {name} ({faction}) fordert, die Bürgerinnen und Bürger früher und digital zu beteiligen, etwa über eine Onlineumfrage.",
    "Ein Anwohner erhält auf Beschluss des Gremiums Rederecht und schildert die Parksituation im Bereich {street}.",
    "{title_person} {name} ({faction}) regt an, die Stadtwerke und die Wohnungsbaugesellschaft frühzeitig einzubinden.",
    "{officer} verweist auf die Ergebnisse der Verkehrszählung, wonach täglich rund {count}.000 Fahrzeuge den Abschnitt passieren.",
    "{title_person} {name} ({faction}) erklärt für die Fraktion Zustimmung zu den Punkten 1 bis {count2}, zum letzten Punkt jedoch Ablehnung.",
    "Die Vorsitzende unterbricht die Sitzung auf Antrag der Fraktion {faction} für zehn Minuten zur Beratung.",
    "{title_person} {name} ({faction}) sieht einen engen Zusammenhang mit {G_dat} und {G_dat}.",
    "{officer} weist darauf hin, dass {G_nom} bereits im {month} {old_year} im Fachausschuss vorgestellt worden sei.",
    "Nach der Unterbrechung teilt {title_person} {name} ({faction}) mit, dass der Änderungsantrag zurückgezogen werde.",
)

SUBHEADINGS = ("Sachstand", "Finanzielle Auswirkungen", "Stellungnahme der Verwaltung", "Ergebnis der Beteiligung")

TITLE_PATTERNS = (
    "{subject} {year}",
    "{subject} – Beschluss über die Umsetzung",
    "{subject} für den Stadtteil {district}",
    "{subject}: Sachstand und weiteres Vorgehen",
    "{ordinal}. Änderung: {subject}",
    "{subject} im Bereich {street}",
    "Antrag der Fraktion {faction}: {subject}",
    "{subject} – Vergabe der Planungsleistungen",
    "{subject} – Ergebnis der Bürgerbeteiligung",
    "Fortschreibung: {subject} {year}",
)

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)

# Compound nouns are built from these parts, as German does: "Schul" + "entwicklungsplan".
# They give the search index a realistic spread of distinct words.
COMPOUND_HEADS = (
    "Schul", "Sport", "Verkehrs", "Rad", "Bau", "Kita", "Wohn", "Park", "Grün", "Wasser",
    "Energie", "Klima", "Jugend", "Senioren", "Kultur", "Feuerwehr", "Markt", "Bahnhofs",
    "Stadtteil", "Quartiers", "Friedhofs", "Spielplatz", "Sanierungs", "Förder", "Abfall",
    "Straßen", "Brücken", "Kanal", "Hochwasser", "Lärmschutz", "Bürger", "Integrations",
    "Gewerbe", "Tourismus", "Denkmal", "Bibliotheks", "Musikschul", "Museums", "Hallenbad",
    "Freibad", "Rathaus", "Verwaltungs", "Digital", "Breitband", "Beleuchtungs", "Baum",
)
COMPOUND_TAILS: tuple[tuple[str, str], ...] = (
    ("konzept", "n"), ("planung", "f"), ("satzung", "f"), ("bericht", "m"), ("programm", "n"),
    ("anlage", "f"), ("förderung", "f"), ("gebäude", "n"), ("sanierung", "f"),
    ("erweiterung", "f"), ("entwicklung", "f"), ("management", "n"), ("gutachten", "n"),
    ("beirat", "m"), ("zentrum", "n"), ("netz", "n"), ("kataster", "n"), ("verordnung", "f"),
    ("vertrag", "m"), ("richtlinie", "f"), ("maßnahme", "f"), ("projekt", "n"),
    ("wettbewerb", "m"), ("beschluss", "m"), ("strategie", "f"), ("analyse", "f"),
)
STREET_ROOTS = (
    "Eichen", "Birken", "Linden", "Ahorn", "Buchen", "Erlen", "Tannen", "Rosen", "Tulpen",
    "Nelken", "Mühlen", "Kirch", "Schul", "Markt", "Wiesen", "Feld", "Wald", "Berg", "Tal",
    "Bach", "Brunnen", "Garten", "Hof", "Schloss", "Burg", "Zechen", "Hütten", "Kreuz",
    "Post", "Bahnhof", "Friedrich", "Luisen", "Wilhelm", "Kaiser", "Goethe", "Schiller",
    "Lessing", "Beethoven", "Mozart", "Bismarck", "Hansa", "Hafen", "Sonnen", "Mond",
)
STREET_SUFFIXES = ("straße", "weg", "allee", "ring", "platz", "gasse", "pfad", "damm")
