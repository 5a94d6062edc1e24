// Search page: runs Pagefind in the browser and keeps query, filters and sort in the URL.
// The index comes in shards of whole years (generator/search_shards.py): the primary
// bundle at pagefind/ and the others, named in data-indexes, merged with mergeIndex.
// The filter choices and their counts are in the page, so no filter file loads at start.
// An external file (no inline script) so the site works under a strict CSP; all text is
// inserted with textContent.
//
// A query is read as people type it (ratsarchiv-query.js): its words become units, each
// with alternatives (synonyms from synonyms.yml, the compound written together or apart),
// a reference number in any form becomes the archive's own; every alternative is one
// Pagefind search, and a page ranks by how many units it covers, then by score, with an
// exact reference match first. A word no page contains is replaced by the nearest word of
// the archive's vocabulary (suche/wortschatz.txt, loaded once and only then). Excerpts are
// the matching sentence of the page's visible text; hidden search aids are metadata and
// never part of it.
(() => {
  "use strict";

  const root = document.getElementById("ra-search");
  if (!root) return;

  // data-base is the site root relative to this page, so any hosting subpath works.
  const siteRoot = new URL(root.dataset.base || "./", document.baseURI);
  const indexes = (root.dataset.indexes || "").split(/\s+/).filter(Boolean);
  const PAGE_SIZE = 20;
  const SORTS = { neu: { date: "desc" }, alt: { date: "asc" } };

  const form = root.querySelector("form");
  const input = form.elements.namedItem("q");
  const sortSelect = form.elements.namedItem("sort");
  const filterSelects = Array.from(form.querySelectorAll("select[data-filter]"));
  const status = root.querySelector(".ra-search__status");
  const resultsBox = root.querySelector(".ra-search__results");
  const more = root.querySelector(".ra-search__more");
  const moreButton = more.querySelector("button");
  const reset = root.querySelector(".ra-search__reset");
  const note = root.querySelector(".ra-search__note");
  const Q = window.RatsarchivQuery;
  const hints = {
    synonyms: JSON.parse(root.dataset.synonyms || "[]"),
    referenceDigits: root.dataset.referenceDigits === "" ? null : Number(root.dataset.referenceDigits),
    synonymShards: (root.dataset.synonymShards || "").split(/\s+/).filter(Boolean),
  };
  const synonymFolder = new URL(root.dataset.synonymFolder || "synonyme/", location.href);
  const synonymShards = new Map();

  // A file of the synonym map, loaded once (only those a query's words need).
  function loadSynonyms(name) {
    if (!synonymShards.has(name)) {
      synonymShards.set(
        name,
        fetch(new URL(`${name}.json`, synonymFolder))
          .then((response) => (response.ok ? response.json() : {}))
          .catch(() => ({})),
      );
    }
    return synonymShards.get(name);
  }
  const vocabularyUrl = new URL(root.dataset.vocabulary || "wortschatz.txt", location.href);
  let vocabulary = null;

  let pagefind = null;
  let current = [];
  let currentTerms = [];
  let currentTyped = [];
  let currentVia = new Map();
  let shown = 0;
  let generation = 0;
  let typingTimer = 0;

  root.querySelector(".ra-search__nojs").hidden = true;

  function text(tag, className, content) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (content !== undefined) element.textContent = content;
    return element;
  }

  function lower(value) {
    return value.toLocaleLowerCase("de-DE");
  }

  function quoted(query) {
    return `„${query}“`;
  }

  function hits(count) {
    return count === 1 ? "1 Treffer" : `${count.toLocaleString("de-DE")} Treffer`;
  }

  function readState() {
    const state = { q: input.value.trim(), sort: sortSelect.value, filters: {} };
    for (const select of filterSelects) {
      if (select.value) state.filters[select.name] = select.value;
    }
    return state;
  }

  function writeUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const select of filterSelects) {
      if (state.filters[select.name]) params.set(select.name, state.filters[select.name]);
    }
    if (state.sort) params.set("sort", state.sort);
    const query = params.toString();
    const url = location.pathname + (query ? `?${query}` : "") + location.hash;
    history.replaceState(null, "", url);
  }

  function ensureOption(select, value) {
    if (!value) return;
    if (!Array.from(select.options).some((option) => option.value === value)) {
      select.append(new Option(value, value));
    }
    select.value = value;
  }

  // Query, filters and sort are restored at once (the choices are in the page); the
  // reader may type while the index loads, so nothing is overwritten later.
  const initial = new URLSearchParams(location.search);
  input.value = initial.get("q") || "";
  const initialSort = initial.get("sort") || "";
  sortSelect.value = Object.prototype.hasOwnProperty.call(SORTS, initialSort) ? initialSort : "";
  for (const select of filterSelects) ensureOption(select, initial.get(select.name) || "");
  const yearSelect = filterSelects.find((select) => select.dataset.filter === "Jahr");

  function excerpt(pieces) {
    const paragraph = text("p", "ra-hit__excerpt");
    for (const [piece, marked] of pieces) {
      paragraph.append(marked ? text("mark", "", piece) : document.createTextNode(piece));
    }
    return paragraph;
  }

  function renderHit(data) {
    const meta = data.meta || {};
    const item = text("li", "ra-hit");
    if (meta.date_iso) item.dataset.date = meta.date_iso;
    const heading = text("h2", "ra-hit__title");
    const link = text("a", "", meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    item.append(heading);

    const details = text("p", "ra-hit__meta");
    const parts = [];
    if (meta.committee) parts.push(text("span", "ra-hit__committee", meta.committee));
    if (meta.date) {
      const time = text("time", "ra-hit__date", meta.date);
      if (meta.date_iso) time.dateTime = meta.date_iso;
      parts.push(time);
    }
    if (meta.reference) parts.push(text("span", "ra-hit__reference", `Drucksache ${meta.reference}`));
    parts.forEach((part, index) => {
      if (index) details.append(document.createTextNode(" · "));
      details.append(part);
    });
    if (meta.result) {
      const key = (meta.result_key || "").replace(/[^a-z_]/g, "");
      details.append(document.createTextNode(" "));
      details.append(text("span", `ra-badge ra-badge--${key}`, meta.result));
    }
    item.append(details);
    const through = Q.viaNote(data, currentVia.get(data.id));
    if (through) item.append(text("p", "ra-hit__via", through));
    const found = Q.bestExcerpt(data, currentTerms, currentTyped);
    if (found && found.file) {
      item.append(text("p", "ra-hit__file", `Treffer in der Anlage „${found.file}“`));
    }
    if (found) item.append(excerpt(found.pieces));
    return item;
  }

  async function showMore(moveFocus) {
    const token = generation;
    const batch = current.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(
      batch.map(async (result) => ({ ...(await result.data()), id: result.id })),
    );
    if (token !== generation) return;
    let list = resultsBox.querySelector("ol");
    if (!list) {
      list = text("ol", "ra-search__list");
      resultsBox.append(list);
    }
    const items = data.map(renderHit);
    list.append(...items);
    shown += batch.length;
    const rest = current.length - shown;
    more.hidden = rest <= 0;
    moveButtonLabel(rest);
    if (moveFocus && items.length) items[0].querySelector("a").focus();
  }

  function moveButtonLabel(rest) {
    moreButton.textContent = `Weitere Treffer anzeigen (noch ${rest.toLocaleString("de-DE")})`;
  }

  function clearResults() {
    current = [];
    shown = 0;
    resultsBox.replaceChildren();
    more.hidden = true;
  }

  const NOT_VOCABULARY = { not: { Wortschatz: "ja" } };
  const FEW_HITS = 5;
  const MIN_HYPHEN_PART = 2;

  // Each shard holds a record of the whole archive's words (so that Pagefind never falls
  // back to loose prefix matches in a shard that lacks a word); it is never a hit.
  async function pagefindSearch(query, chosen, options) {
    const search = await pagefind.search(query, { filters: { ...chosen, ...NOT_VOCABULARY }, ...options });
    return search ? search.results : null;
  }

  let stemmed = null;

  async function vocabularyStems() {
    if (!stemmed) stemmed = loadVocabulary().then((words) => new Set(words.map(Q.stem)));
    return stemmed;
  }

  async function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(vocabularyUrl)
        .then((response) => (response.ok ? response.text() : ""))
        .then((body) => body.split("\n").filter(Boolean))
        .catch(() => []);
    }
    return vocabulary;
  }

  // Pagefind merges the shards' results by score, and in a sorted search the score is the
  // rank within one shard. Shards hold whole years, so a filter-only search per year comes
  // from one shard in date order: that order sorts the hits, year by year.
  async function dateOrder(chosen, sort) {
    let years = chosen.Jahr ? [chosen.Jahr] : Array.from(yearSelect.options, (o) => o.value);
    years = years.filter(Boolean);
    if (sort === "alt") years.reverse();
    const ordered = [];
    for (const year of years) {
      const results = await pagefindSearch(null, { ...chosen, Jahr: year }, { sort: SORTS[sort] });
      if (!results) return null;
      ordered.push(...results);
    }
    return ordered;
  }

  // The compounds a typed compound's parts' entries make, where it has an entry of its own
  // (`Q.expansions`): only those the archive has (`stems`, of the vocabulary), as a
  // compound no page has finds only Pagefind's loose matches.
  async function partCompounds(word, stems) {
    const parts = (await Q.expansions(word, hints, loadSynonyms, true)).parts.get(lower(word)) || [];
    return parts.filter((part) => stems.has(Q.stem(part)));
  }

  async function find(query, chosen, sort) {
    if (!query) {
      const results = SORTS[sort] ? await dateOrder(chosen, sort) : await pagefindSearch(null, chosen, {});
      return { results, via: new Map(), notes: [], terms: [], typed: [] };
    }
    const plan = Q.plan(query, hints);
    const run = (text) => pagefindSearch(text, chosen, {});
    await Q.joinPhrases(plan, hints, loadSynonyms);
    // A word the archive has nowhere, as the synonym map says: only its archive words are
    // searched (so neither the index for the word as typed nor the vocabulary loads).
    await Promise.all(
      plan.units.map(async (unit) => {
        if (!unit.expandable) return;
        const targets = await Q.absentEntries(unit.text, hints, loadSynonyms);
        if (!targets || !targets.length) return;
        const known = new Set(unit.alternatives.map(lower));
        const added = targets.filter((target) => !known.has(lower(target)));
        unit.alternatives = [...unit.alternatives, ...added];
        unit.weaker = [...(unit.weaker || []), ...added.map(lower)];
        unit.synonyms = true;
        unit.loose = true;
        unit.absent = true;
      }),
    );
    let ranked = await Q.rank(plan, run);
    if (!ranked) return null;
    const corrections = [];
    let widened = false;
    // A word with few hits may be the part of compounds no page has on its own ("Wache" in
    // "Rettungswache"): the vocabulary names them. A word whose hits do not contain it was
    // not found at all (Pagefind then offers loose matches): search the nearest word of the
    // vocabulary instead. The vocabulary loads only here, once.
    for (const unit of plan.units) {
      if ((!unit.expandable && !unit.hyphenated) || unit.absent) continue;
      const own = ranked.byUnit.get(unit) || [];
      const seen = await Promise.all(own.slice(0, 3).map((result) => result.data()));
      const typed = unit.alternatives.filter((alternative) => !(unit.weaker || []).includes(lower(alternative)));
      // A hyphenated word is found where a hit has all of its parts ("CO2-Bilanz", not
      // any "Bilanz").
      const parts = unit.hyphenated ? unit.text.split("-").filter((part) => part.length >= MIN_HYPHEN_PART) : [];
      const found = unit.hyphenated
        ? seen.some((data) => parts.every((part) => Q.contains(data, [part])))
        : seen.some((data) => Q.contains(data, typed));
      if (found && own.length >= FEW_HITS) continue;
      // Few or no hits: the thesaurus (suche/synonyme/, only the files this word needs).
      // A part's synonyms ("Kindergarten|plätze") stand in for a word only where the
      // archive lacks it altogether.
      const expansions = await Q.expansions(unit.text, hints, loadSynonyms);
      const split = expansions.split.has(lower(unit.text));
      const entries = expansions.get(lower(unit.text)) || [];
      const widen = (extra) => {
        if (!extra.length) return;
        const known = new Set(unit.alternatives.map(lower));
        const added = extra.filter((alternative) => !known.has(lower(alternative)));
        unit.alternatives = [...unit.alternatives, ...added];
        unit.weaker = [...(unit.weaker || []), ...added.map(lower)];
        unit.synonyms = true;
        widened = true;
      };
      // A word of the synonym map: the map names the compounds that contain it, so the
      // vocabulary need not load for them.
      const stored = split ? null : await Q.storedCompounds(unit.alternatives[0], hints, loadSynonyms);
      if (stored && (stored.length || found)) {
        unit.alternatives = [...unit.alternatives, ...stored];
        widen(entries);
        widened = true;
        continue;
      }
      if (!unit.correctable && !unit.hyphenated) {
        widen(entries);
        // A short word or an abbreviation no page has ("VHS"): its explanation's words.
        if (!found && !(unit.weaker || []).length) widen((await Q.explanations(unit.text, hints, loadSynonyms)) || []);
        if (!found && (unit.weaker || []).length) unit.loose = true;
        continue;
      }
      const words = await loadVocabulary();
      const stems = await vocabularyStems();
      // Its own entry's words, then the compounds its parts' entries make ("Infoabende":
      // "informationsabende"), where it has both.
      let more = [...entries, ...(await partCompounds(unit.text, stems))];
      if (split) {
        const kept = expansions.kept && expansions.kept.get(lower(unit.text));
        const known = (text) => text.split(" ").every((word) => stems.has(Q.stem(word)));
        // A kept part the archive lacks ("Weihnachts|…") may still make an archive word
        // with the replaced part ("weihnachtsbeleuchtung"); on its own it finds nothing.
        more =
          kept && !stems.has(Q.stem(kept))
            ? more.filter((text) => !text.includes(" ") && lower(text).includes(kept) && known(text))
            : more.filter((alternative) => known(alternative));
      }
      const compounds = Q.containing(unit.alternatives[0], words);
      // A word found with few hits gets its synonyms, and a compound its parts' ("Haupt-
      // schul|schließung": "Auflösung"), ranked below the hits of the word as typed.
      if (compounds.length) {
        unit.alternatives = [...unit.alternatives, ...compounds];
        widen(more);
        widened = true;
        continue;
      }
      if (found) {
        widen(more);
        continue;
      }
      // A word no page has: compounds of the archive with the same head ("Straßen|fest":
      // "Stadtfest") are searched as well, below the word's own hits.
      const heads = Q.sameHead(unit.text, words, (key) => stems.has(key));
      // Not in the archive, but its synonyms are: their hits, not Pagefind's loose ones,
      // and no correction to a look-alike ("Nahverkehr" is not a slip for "Radverkehr").
      if (!split) widen(more);
      if ((unit.weaker || []).length && !split) {
        unit.loose = true;
        widened = true;
        continue;
      }
      // A hyphenated word no page has: its parts' synonyms stand in for it.
      if (unit.hyphenated) {
        if (more.length) {
          widen(more);
          unit.loose = true;
        }
        continue;
      }
      // A compound of two words the archive has, written together where no page does:
      // pages with both words stand in for the word as typed (not a synonym), whose own
      // hits are Pagefind's loose matches.
      const apart = Q.apart(unit.text, (key) => stems.has(key));
      if (apart) {
        unit.alternatives = [apart, ...unit.alternatives.slice(1)];
        if (split) widen(more);
        widen(heads);
        widened = true;
        continue;
      }
      // A look-alike of the archive one letter off is a slip ("Spielpaltz"); one two letters
      // off is likelier another word ("Gaspreise" is not "Baupreise") where the synonyms of
      // a part or the compounds with the same head say what the word is about.
      const nearest = Q.nearest(unit.alternatives[0], words);
      // Not a slip: the words its explanation names ("Trauerhalle": "Friedhof") as well,
      // first, where the archive has them: a definition says what the word is, a compound
      // of the same head only that it is a thing of that kind ("Turnhalle").
      const explained = nearest && Q.slip(unit.text, nearest) ? null : await Q.explanations(unit.text, hints, loadSynonyms);
      if ((!nearest || !Q.slip(unit.text, nearest)) && (more.length || heads.length)) {
        widen(more);
        widen(explained || []);
        widen(heads);
        unit.loose = true;
        continue;
      }
      if (explained && explained.length && !nearest) {
        widen(explained);
        unit.loose = true;
        continue;
      }
      // Nothing stands in for a word no page has: its loose matches must not count as
      // covering it ("islamische Bestattung": the pages with "Bestattung" first).
      if (!nearest) {
        if (!found && plan.units.length > 1) {
          unit.loose = true;
          widened = true;
        }
        continue;
      }
      corrections.push([unit.text, nearest]);
      unit.alternatives = Q.alternativesFor(nearest, hints);
      unit.weaker = unit.alternatives.slice(1).map(lower);
    }
    if (corrections.length || widened) ranked = await Q.rank(plan, run);
    if (!ranked) return null;
    let results = await Q.referenceFirst(ranked.results, plan.reference);
    if (SORTS[sort]) {
      const order = await dateOrder(chosen, sort);
      if (!order) return null;
      const wanted = new Set(results.map((result) => result.id));
      results = order.filter((result) => wanted.has(result.id));
    }
    return {
      results,
      via: ranked.via,
      notes: Q.notes(plan, corrections),
      terms: Q.terms(plan),
      typed: Q.terms(plan, true),
    };
  }

  async function runSearch() {
    const state = readState();
    writeUrl(state);
    reset.hidden = Object.keys(state.filters).length === 0 && !state.sort;
    const token = ++generation;
    if (!pagefind) return;
    const filters = {};
    for (const select of filterSelects) {
      if (state.filters[select.name]) filters[select.dataset.filter] = state.filters[select.name];
    }
    if (!state.q && Object.keys(filters).length === 0) {
      clearResults();
      status.textContent = "";
      note.hidden = true;
      return;
    }
    const found = await find(state.q || null, filters, state.sort);
    if (token !== generation || !found || !found.results) return;
    currentTerms = found.terms;
    currentTyped = found.typed;
    currentVia = found.via;
    clearResults();
    current = found.results;
    note.textContent = found.notes.join(" ");
    note.hidden = found.notes.length === 0;
    const about = state.q ? ` für ${quoted(state.q)}` : "";
    if (current.length === 0) {
      status.textContent = `Keine Treffer${about}. Versuchen Sie ein anderes Wort oder entfernen Sie Filter.`;
      return;
    }
    status.textContent = `${hits(current.length)}${about}`;
    await showMore(false);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    runSearch();
  });
  input.addEventListener("input", () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(runSearch, 300);
  });
  for (const select of [...filterSelects, sortSelect]) {
    select.addEventListener("change", runSearch);
  }
  reset.querySelector("button").addEventListener("click", () => {
    for (const select of filterSelects) select.value = "";
    sortSelect.value = "";
    input.focus();
    runSearch();
  });
  moreButton.addEventListener("click", () => showMore(true));

  async function start() {
    try {
      const loaded = await import(new URL("pagefind/pagefind.js", siteRoot).href);
      // Pagefind's result URLs are root-relative; under a subpath they need the prefix.
      await loaded.options({ baseUrl: siteRoot.pathname });
      for (const path of indexes) {
        await loaded.mergeIndex(new URL(path, siteRoot).href, { baseUrl: siteRoot.pathname });
      }
      // Only now: a query submitted while the shards merge would see some of them only
      // (and announce too few hits); it waits and runs below with the merged index.
      pagefind = loaded;
    } catch (error) {
      pagefind = null;
      status.textContent = "Die Suche konnte nicht geladen werden. Bitte laden Sie die Seite neu.";
      console.warn("Ratsarchiv-Suche:", error);
      return;
    }
    root.classList.add("ra-search--ready");
    await runSearch();
  }

  start();
})();
