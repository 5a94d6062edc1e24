"""The synonym map the search page loads (``search.synonym_map``): the thesaurus groups cut
down to the archive's own words, reached from the words readers type."""

from __future__ import annotations

import json
import pickle
import subprocess
from collections import Counter
from pathlib import Path, PurePosixPath

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.context import PageContext
from generator.pages.resolution import resolution_pages_and_records
from generator.pages.search import search_pages
from generator.reading.loading import load_archive
from generator.search.derive_thesaurus import terms
from generator.search.hints import LOWER_CASE, word_uses
from generator.search.synonym_files import (
    COMPOUNDS,
    CONTAINED,
    PART,
    compounds_containing,
    contained_keys,
    shard_name,
    shard_names,
    synonym_files,
)
from generator.search.synonym_map import (
    PROCEDURE,
    synonym_map,
    synonym_maps,
    synonym_maps_kept,
)
from generator.search.synonym_sources import shipped_groups
from generator.search.word_forms import linking, phrase_key, stem
from tests.conftest import ContentTree, resolution_text


def _map(
    content_tree: ContentTree, body: str, synonyms: str | None = None
) -> dict[str, tuple[str, ...]]:
    files = {"resolutions/hauptausschuss/2020/2020-04-17-test.md": resolution_text(body=body)}
    if synonyms is not None:
        files["synonyms.yml"] = synonyms
    catalog, problems = load_archive(content_tree(files))
    assert problems == [] and catalog is not None
    return synonym_map(catalog.resolutions, catalog.archive.synonyms)


def test_an_everyday_word_leads_to_the_archive_word(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    mapping = _map(content_tree, "Die Lichtsignalanlage am Markt wird erneuert.\n")
    assert mapping[stem("Ampel")] == ("lichtsignalanlage",)
    # Inflected forms of the typed word find the same entry.
    assert mapping[stem("Ampeln")] == ("lichtsignalanlage",)


def test_inflected_archive_forms_and_umlauts_match_the_group(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    mapping = _map(content_tree, "Die Elternbeiträge werden ausgesetzt.\n")
    assert mapping[stem("Kitagebühr")] == ("elternbeiträge",)


def test_an_umlaut_is_dropped_only_where_a_plural_puts_it(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # OpenThesaurus groups "Schulden" with "Forderung"; the archive's "Förderung" is
    # another word (the umlaut is not in the last vowel, where a plural would put it).
    mapping = _map(content_tree, "Die Förderung der Vereine wird erhöht.\n")
    assert "förderung" not in mapping.get(stem("Schulden"), ())


def test_a_thesaurus_word_reaches_the_archive_word_through_the_shipped_list(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # "Hort" is in OpenThesaurus' group of "Kindergarten"; the shipped list leads
    # "Kindergarten" to "Kindertageseinrichtung", the word of the record.
    assert any("Hort" in group and "Kindergarten" in group for group in shipped_groups())
    mapping = _map(content_tree, "Die Kindertageseinrichtung wird erweitert.\n")
    assert "kindertageseinrichtung" in mapping[stem("Hort")]


def test_groups_no_record_touches_cost_nothing(content_tree: ContentTree, in_tmp: Path) -> None:
    mapping = _map(content_tree, "Die Lichtsignalanlage am Markt wird erneuert.\n")
    assert stem("Beerdigung") not in mapping
    assert all(len(targets) >= 1 for targets in mapping.values())
    # Every target is a word of the record (here: of its text or title "Testbeschluss").
    archive_words = {"lichtsignalanlage", "markt", "erneuert", "testbeschluss"}
    targets = {word for found in mapping.values() for target in found for word in target.split()}
    assert targets and targets <= archive_words, targets


def test_a_compound_is_reached_with_a_part_replaced(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # The shipped list pairs Müll with Abfall; the archive writes only the compound.
    mapping = _map(content_tree, "Die Abfallentsorgung wird neu ausgeschrieben.\n")
    assert "abfallentsorgung" in mapping[stem("Müllentsorgung")]
    # A word the archive uses only inside a compound leads to that compound.
    assert "abfallentsorgung" in mapping[stem("Müll")]


def test_council_procedure_words_are_never_targets(content_tree: ContentTree, in_tmp: Path) -> None:
    # OpenThesaurus groups "Ausschuss" with "Müll" (rejects): no council archive means that.
    assert any("Ausschuss" in group and "Müll" in group for group in shipped_groups())
    mapping = _map(content_tree, "Der Ausschuss berät über Abfall.\n")
    assert "ausschuss" in PROCEDURE
    assert not any("ausschuss" in targets for targets in mapping.values())


def test_the_editors_groups_count_too(content_tree: ContentTree, in_tmp: Path) -> None:
    mapping = _map(
        content_tree,
        "Der Quartiersbus fährt ab Mai.\n",
        "synonyms:\n  - [Bürgerbus, Quartiersbus]\n",
    )
    assert mapping[stem("Bürgerbus")] == ("quartiersbus",)


def test_the_map_is_written_in_files_by_first_letters(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    mapping = _map(content_tree, "Die Lichtsignalanlage und der Gehweg werden erneuert.\n")
    files = synonym_files(mapping)
    assert [f.path for f in files] == [
        f"suche/synonyme/{name}.json" for name in shard_names(mapping)
    ]
    merged: dict[str, list[str]] = {}
    for file in files:
        assert file.content is not None
        entries = json.loads(file.content.decode("utf-8"))
        assert all(shard_name(key) == file.path.rsplit("/", 1)[1][:-5] for key in entries)
        merged.update(entries)
    assert merged == {key: list(targets) for key, targets in mapping.items()}
    assert shard_name("übergang") == "ub" and shard_name("ß") == "s"


def test_the_files_name_the_keys_a_word_of_the_archive_contains(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # "Ampel" is in no word of this archive: the search page searches only
    # "lichtsignalanlage" for it. "Gehsteig" is inside "Gehsteigabsenkung" (its compound is
    # found as typed), so it is listed.
    body = "Die Lichtsignalanlage, der Gehweg und die Gehsteigabsenkung werden erneuert.\n"
    files = {"resolutions/hauptausschuss/2020/2020-04-17-test.md": resolution_text(body=body)}
    catalog, problems = load_archive(content_tree(files))
    assert problems == [] and catalog is not None
    mapping = synonym_map(catalog.resolutions)
    contained = contained_keys(mapping, word_uses(catalog.resolutions))
    assert stem("Ampel") in mapping and stem("Ampel") not in contained
    assert stem("Gehsteig") in mapping and stem("Gehsteig") in contained
    entries: dict[str, list[str]] = {}
    for file in synonym_files(mapping, contained):
        assert file.content is not None
        entries |= {
            f"{file.path}:{key}": value
            for key, value in json.loads(file.content.decode("utf-8")).items()
        }
    listed = {key for path, keys in entries.items() if path.endswith(":") for key in keys}
    assert listed == set(contained)
    assert entries[f"suche/synonyme/{shard_name('gehsteig')}.json:{CONTAINED}"] == sorted(
        key for key in contained if shard_name(key) == shard_name("gehsteig")
    )


def test_the_shipped_data_names_its_source_and_licence() -> None:
    data = Path(__file__).resolve().parent.parent / "generator" / "search" / "data"
    header = (data / "openthesaurus-kommunal.txt").read_text(encoding="utf-8").splitlines()[:8]
    assert any("OpenThesaurus" in line for line in header)
    assert any("GNU Lesser General Public License" in line for line in header)
    assert "# Sources" in (data / "kommunal.yml").read_text(encoding="utf-8")
    areas = (data / "kommunal-produktbereiche.yml").read_text(encoding="utf-8")
    assert "Kommunaler Produktrahmen" in areas and "not from the benchmark's query sets" in areas


def test_the_product_area_list_holds_nouns_the_map_can_key() -> None:
    # The map keys single words and phrases of two ("Freiwillige Feuerwehr"); a longer
    # phrase or an adjective ("barrierefrei") would be a group no reader's word reaches,
    # or one that leads the archive's adjectives to nouns.
    data = Path(__file__).resolve().parent.parent / "generator" / "search" / "data"
    text = (data / "kommunal-produktbereiche.yml").read_text(encoding="utf-8")
    groups = yaml.safe_load(text)["groups"]
    assert len(groups) > 400
    for group in groups:
        assert len(group) >= 2 and len({term.lower() for term in group}) == len(group), group
        assert all(term[:1].isupper() and len(term.split()) <= 2 for term in group), group


def test_the_product_area_list_leads_everyday_words_to_the_archive_word(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # One group each of two areas of the product plan: cemeteries (13) and care (05).
    mapping = _map(content_tree, "Das Kolumbarium wird erweitert. Der Pflegestützpunkt zieht um.\n")
    assert "kolumbarium" in mapping[stem("Urnenwand")]
    assert "pflegestützpunkt" in mapping[stem("Pflegeberatung")]
    assert shipped_groups()[0][0] == "Lichtzeichenanlage"  # kommunal.yml is read first


def test_the_page_stage_counts_the_words_the_search_page_would_count(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # The build counts the archive's words once, while rendering the resolution pages
    # (``hints.archive_words``); the synonym map and the vocabulary must come out as if
    # counted from the resolutions themselves (the preview's way), so builds stay the same.
    files = {
        "resolutions/hauptausschuss/2020/2020-04-17-a.md": resolution_text(
            title="Lichtsignalanlage am Markt",
            body="Die Lichtsignalanlage und der Gehweg werden erneuert. Ös İst.\n",
        ),
        "resolutions/hauptausschuss/2020/2020-04-18-b.md": resolution_text(
            id="ha-2020-002",
            title="Gehwege im Nordring",
            date="2020-04-18",
            body="Der Gehweg am Nordring wird breiter.\n",
        ),
    }
    catalog, problems = load_archive(content_tree(files))
    assert catalog is not None, problems
    context = PageContext(
        catalog=catalog, site_url="https://a.test/", content_prefix=PurePosixPath("content")
    )
    _, _, counted = resolution_pages_and_records(context)
    assert counted == word_uses(catalog.resolutions)
    assert counted["gehweg"] == 2 and counted["lichtsignalanlage"] == 1
    assert search_pages(context, counted) == search_pages(context)


def test_a_noun_is_never_led_to_a_verb_that_looks_like_one(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # OpenThesaurus groups "Gewinn" with "Treffer"; the archive writes "treffen" only as
    # a verb, so "Gewinn" must not lead there. The noun "Sitzungstreffen" it may.
    assert any("Gewinn" in group and "Treffer" in group for group in shipped_groups())
    mapping = _map(
        content_tree,
        "Die Fraktionen treffen sich. Wir treffen eine Entscheidung. Sie treffen ein.\n",
    )
    assert not any("treffen" in targets for targets in mapping.values()), mapping


def test_a_thesaurus_sense_is_not_forced_on_a_word_the_archive_uses(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # OpenThesaurus: "Zucht; Erziehung; Schule; Bildung; Ausbildung". The archive's
    # "Schule" is found as typed; the group must not send "Schule" (or a compound's
    # "Schul|…" part) to "Bildung", which this archive also uses.
    assert any("Schule" in group and "Bildung" in group for group in shipped_groups())
    mapping = _map(content_tree, "Die Schule wird saniert. Die Bildung ist wichtig.\n")
    assert "bildung" not in mapping.get(stem("Schule"), ())
    # A word the archive lacks still leads to the group's archive words.
    assert "bildung" in mapping[stem("Erziehung")]


def test_the_thesaurus_keeps_abbreviations_and_noun_phrases() -> None:
    # What the derivation keeps of OpenThesaurus lines: "EDV" and "elektronische
    # Datenverarbeitung" are one thing an authority and a reader name differently.
    assert terms("Informationstechnik;IT;EDV;elektronische Datenverarbeitung") == [
        "Informationstechnik",
        "IT",
        "EDV",
        "elektronische Datenverarbeitung",
    ]
    assert terms("Alg II;Arbeitslosengeld II;Hartz IV (ugs.)") == [
        "Alg II",
        "Arbeitslosengeld II",
        "Hartz IV",
    ]
    # Idioms, verbs and marked senses stay out.
    assert terms("(jemandes) Handlanger;sein Fähnlein nach dem Winde drehen;Mitläufer") == [
        "Mitläufer"
    ]
    assert terms("in die Hand nehmen;Ausschuss (derb)") == []
    assert any(
        "EDV" in group and "elektronische Datenverarbeitung" in group for group in shipped_groups()
    )


def test_an_abbreviation_leads_to_the_phrase_the_archive_writes(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    mapping = _map(content_tree, "Die elektronische Datenverarbeitung wird erneuert.\n")
    assert "elektronische datenverarbeitung" in mapping[stem("EDV")]


def test_a_part_of_a_typed_compound_is_replaced_by_the_synonyms_of_an_archive_word(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # "Schließung" is an archive word (found as typed); in "Hauptschul|schließung" the
    # search page replaces it by the thesaurus' "Auflösung", which the archive also uses.
    files = {
        "resolutions/hauptausschuss/2020/2020-04-17-test.md": resolution_text(
            body="Die Auflösung der Hauptschule. Die Schließung der Bäder. Die Schule.\n"
        )
    }
    catalog, problems = load_archive(content_tree(files))
    assert problems == [] and catalog is not None
    mapping, parts = synonym_maps(catalog.resolutions)
    assert "auflösung" not in mapping.get(stem("Schließung"), ())
    assert parts[stem("Schließung")] == ("auflösung",)
    # A word of many senses is not replaced even inside a compound.
    assert stem("Schule") not in parts
    # The search page finds the map of parts in the key's file.
    entries: dict[str, list[str]] = {}
    for file in synonym_files(mapping, frozenset(), parts):
        assert file.content is not None
        entries |= json.loads(file.content.decode("utf-8"))
    assert entries[PART + stem("Schließung")] == ["auflösung"]
    assert stem("Schließung") in {key[1:] for key in entries if key.startswith(PART)}
    assert shard_name(stem("Schließung")) in shard_names(mapping, parts)


def test_the_specific_sense_ranks_before_the_common_one(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # OpenThesaurus: "Bilanzaufstellung; Jahresabschluss; Bilanz; Erfolg; Ergebnis".
    # "Ergebnis" is in many groups (of votes, of sports …), "Jahresabschluss" in few.
    assert any("Bilanz" in group and "Ergebnis" in group for group in shipped_groups())
    mapping = _map(content_tree, "Das Ergebnis ist gut. Der Jahresabschluss wird festgestellt.\n")
    assert mapping[stem("Bilanz")][0] == "jahresabschluss", mapping[stem("Bilanz")]


def test_gender_neutral_and_participle_forms_are_found_from_the_usual_word(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    mapping = _map(
        content_tree,
        "Die Radfahrenden, die Lehrerinnen und die Einsatzkräfte werden gehört.\n",
    )
    assert "radfahrenden" in mapping[stem("Radfahrer")]
    assert "lehrerinnen" in mapping[stem("Lehrer")]
    assert "einsatzkräfte" in mapping[stem("Einsatzleute")]


def test_a_compound_is_one_that_goes_on_with_a_word(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # OpenThesaurus: "Dozent; …; Ausbilder; Lehrer". The archive has no "Ausbilder"; its
    # "Ausbildungsoffensive" begins with the stem "ausbild" but is no compound of it.
    assert any("Dozent" in group and "Ausbilder" in group for group in shipped_groups())
    mapping = _map(content_tree, "Die Ausbildungsoffensive startet. Die Offensive.\n")
    assert "ausbildungsoffensive" not in mapping.get(stem("Dozent"), ())


def test_the_files_name_the_compounds_that_contain_a_key(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # The search page would look them up in the vocabulary (34 KB at 10,000 resolutions):
    # the key's file names them, as the vocabulary lists them (the most used first).
    vocabulary = ["sperrmüllabfuhr", "müllabfuhrplan", "altmüllabfuhrtermin", "abfuhr"]
    found = compounds_containing(["müllabfuhr", "abfuhr"], vocabulary)
    assert found["müllabfuhr"] == ("sperrmüllabfuhr", "altmüllabfuhrtermin")
    assert found["abfuhr"] == ("sperrmüllabfuhr", "müllabfuhrplan", "altmüllabfuhrtermin")
    files = synonym_files({"müllabfuhr": ("abfallentsorgung",)}, frozenset(), None, found)
    entries: dict[str, list[str]] = {}
    for file in files:
        assert file.content is not None
        entries |= json.loads(file.content.decode("utf-8"))
    assert entries[COMPOUNDS + "müllabfuhr"] == ["sperrmüllabfuhr", "altmüllabfuhrtermin"]


def test_a_phrase_readers_type_is_a_key_of_its_own(content_tree: ContentTree, in_tmp: Path) -> None:
    # OpenThesaurus: "Bekanntmachung; amtliche Mitteilung; …"; the search page looks two
    # adjacent words up under the stems of both.
    assert any(
        "amtliche Mitteilung" in group and "Bekanntmachung" in group for group in shipped_groups()
    )
    mapping = _map(content_tree, "Die Bekanntmachung erfolgt im Amtsblatt.\n")
    assert mapping[phrase_key("amtliche Mitteilung")] == ("bekanntmachung",)
    assert phrase_key("amtliche Mitteilung") == "amtlich mitteilung"


_WORDS = (
    "lichtsignalanlage",
    "ampel",
    "ampelanlage",
    "kindertageseinrichtung",
    "kindergarten",
    "hort",
    "abfallentsorgung",
    "müllabfuhr",
    "sperrmüllabfuhr",
    "bioabfall",
    "abfall",
    "müll",
    "radfahrende",
    "lehrerinnen",
    "einsatzkräfte",
    "feuerwehrangehörige",
    "schule",
    "schließung",
    "hauptschulschließung",
    "auflösung",
    "bilanz",
    "treibhausgasbilanz",
    "ergebnis",
    "jahresabschluss",
    "elternbeiträge",
    "kitagebühr",
    "treffen",
    "ausschuss",
    "sitzung",
    "verwaltung",
    "haushalt",
    "haushaltssatzung",
    "satzung",
    "abfallwirtschaft",
    "abfallgebühr",
    "abfallsatzung",
    "restabfall",
    "abfallkalender",
    "abfuhr",
    "entsorgung",
    "anlage",
    "gebühr",
    "beiträge",
    "eltern",
    "feuerwehr",
    "kräfte",
    "treibhausgas",
    "wirtschaft",
    "kalender",
)


def _word_counts() -> st.SearchStrategy[dict[str, int]]:
    """Word → number of records (0: not in the archive), the lower-case counts too."""
    words = st.sampled_from([*_WORDS, *(LOWER_CASE + word for word in _WORDS)])
    return st.dictionaries(words, st.integers(min_value=0, max_value=40), max_size=12)


def _counted(counts: dict[str, int]) -> Counter[str]:
    return Counter({word: n for word, n in counts.items() if n > 0})


@settings(max_examples=5, deadline=None)
@given(
    first=_word_counts(),
    edits=st.lists(
        st.tuples(_word_counts(), st.integers(min_value=1, max_value=60)), min_size=1, max_size=3
    ),
)
def test_a_map_made_from_a_kept_state_is_the_map_made_from_nothing(
    first: dict[str, int], edits: list[tuple[dict[str, int], int]]
) -> None:
    """Edits to the archive's word counts (a word entering or leaving it, a count crossing
    the share of too common words, a word turning lower case, more or fewer records): the
    parts the kept state reuses must be those the edit left alone."""
    counted = _counted(first)
    records = 30
    *_, state = synonym_maps_kept([None] * records, (), counted)  # type: ignore[list-item]
    for changes, records in edits:
        counted = _counted({**counted, **changes})
        kept = pickle.loads(pickle.dumps(state))  # as the build folder keeps it
        *maps, state = synonym_maps_kept([None] * records, (), counted, kept)  # type: ignore[list-item]
        fresh = synonym_maps_kept([None] * records, (), counted)  # type: ignore[list-item]
        assert tuple(maps) == fresh[:3]


def test_a_kept_state_is_used_only_for_the_same_own_groups() -> None:
    counted = Counter({"quartiersbus": 3, "lichtsignalanlage": 2})
    records = [None] * 5
    *_, state = synonym_maps_kept(records, (("Bürgerbus", "Quartiersbus"),), counted)  # type: ignore[arg-type]
    mapping, *_ = synonym_maps_kept(records, (), counted, state)  # type: ignore[arg-type]
    assert stem("Bürgerbus") not in mapping
    assert mapping[stem("Ampel")] == ("lichtsignalanlage",)


def test_an_agent_noun_is_not_the_thing_it_comes_from(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    assert stem("Lehrer") == stem("Lehrern") == stem("Lehrers") == "lehrer"
    assert stem("Lehre") == "lehr" and stem("Radler") == "radler"
    # A plural in "-er" still loses it: without "l"/"r" before it, or with an umlaut.
    assert stem("Kindern") == stem("Kinder") == "kind"
    assert stem("Häuser") == "häus" and stem("öffentlicher") == "öffentlich"
    mapping = _map(
        content_tree, "Die Lehre im Handwerk wird gefördert.\n", "synonyms:\n  - [Lehre, Azubi]\n"
    )
    assert mapping[stem("Azubi")] == ("lehre",)
    assert "lehre" not in mapping.get(stem("Lehrer"), ())


def test_the_search_page_stems_as_the_map_does() -> None:
    script = Path("theme_overrides/assets/javascripts/ratsarchiv-query.js").resolve()
    words = ["Lehrer", "Lehrern", "Lehre", "Kindern", "Häuser", "Radler", "Eltern", "Ampeln"]
    source = (
        f"global.window = {{}}; require({json.dumps(str(script))});"
        f"console.log(JSON.stringify({json.dumps(words)}.map(window.RatsarchivQuery.stem)));"
    )
    found = subprocess.run(
        ["node", "-e", source], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(found) == [stem(word) for word in words]


def test_a_word_of_many_senses_does_not_carry_a_group_into_its_compounds(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # OpenThesaurus puts "Markt" (a word of seven groups) in the group of "Kirchtag" with
    # "Kirmes": the fair, not the weekly market or the market square of the archive.
    mapping = _map(
        content_tree, "Die Kirmes fällt aus; der Wochenmarkt zieht auf den Marktplatz.\n"
    )
    assert "kirmes" in mapping[stem("Kirchtag")]
    assert not {"wochenmarkt", "marktplatz"} & set(mapping[stem("Kirchtag")])


def test_a_word_made_with_a_prefix_is_no_compound_of_the_word(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    mapping = _map(
        content_tree,
        "Die Entscheidung über die Friedhofssatzung fällt im Mai.\n",
        "synonyms:\n  - [Trennung, Scheidung]\n  - [Regelwerk, Satzung]\n",
    )
    assert "entscheidung" not in mapping.get(stem("Trennung"), ())
    assert "friedhofssatzung" in mapping[stem("Regelwerk")]


def test_a_target_leads_to_the_compounds_the_index_cannot_split(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # "Außen" is no word of the archive, so "Außengastronomie" gets no keyword
    # "gastronomie": a search for the target alone would never reach its page.
    mapping = _map(
        content_tree, "Die Gastronomie leidet.\\n\\nDie Außengastronomie wird erweitert.\\n"
    )
    assert mapping[stem("Kneipe")][0] == "gastronomie"
    assert "außengastronomie" in mapping[stem("Kneipe")]
    # A compound the index splits into words of the archive is found through the target.
    mapping = _map(
        content_tree, "Die Gastronomie leidet.\\n\\nDie Stadt und die Stadtgastronomie.\\n"
    )
    assert "stadtgastronomie" not in mapping[stem("Kneipe")]


def test_a_compound_with_an_entry_also_leads_where_its_head_does(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # "Biomüll" has an entry of its own ("bioabfälle"), so the search page never splits
    # it; a page that says only "Abfall" is reached through the head "Müll".
    mapping = _map(content_tree, "Die Bioabfälle und der Abfall werden abgeholt.\n")
    assert mapping[stem("Müll")][0] == "abfall"
    assert mapping[stem("Biomüll")][:2] == ("bioabfälle", "abfall")


def test_a_replaced_modifier_takes_its_own_linking_element(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # The archive's "Anhörungs|verfahren" with its modifier replaced: "Bürgerbeteiligung"
    # takes the linking "s" ("-ung"), so the key is the compound as people write it.
    mapping = _map(
        content_tree,
        "Das Anhörungsverfahren beginnt. Die Anhörung ist offen, das Verfahren kurz.\n",
        "synonyms:\n  - [Anhörung, Bürgerbeteiligung]\n",
    )
    assert "anhörungsverfahren" in mapping[stem("Bürgerbeteiligungsverfahren")]
    assert stem("Bürgerbeteiligungverfahren") not in mapping


def test_the_linking_element_follows_the_modifiers_ending() -> None:
    assert [linking(word) for word in ("Information", "Sicherheit", "Gemeinschaft")] == ["s"] * 3
    assert [linking(word) for word in ("Info", "Abfall", "Schule", "Rat")] == [""] * 4
