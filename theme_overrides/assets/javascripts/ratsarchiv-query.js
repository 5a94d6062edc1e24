// How the search page reads a query as people type it: pure functions, no page access,
// used by ratsarchiv-search.js (loaded after this file) as window.RatsarchivQuery.
(() => {
  "use strict";

  const STOPWORDS = new Set(
    "der die das des dem den ein eine einer eines einem einen und oder für von vom zu zur zum im in am an auf aus bei mit nach über unter als wie".split(
      " ",
    ),
  );
  const REFERENCE_WORDS = /^(drucksache|drucksachen|drucksachennummer|drs|ds|vorlage|vorlagen|vorlagennummer|nr|nummer)\.?:?$/;
  const REFERENCE = /^(\d{1,4})\/(\d{1,4})$/;
  const YEAR = /^(19|20)\d\d$/;
  const WORD = /[\p{L}\p{N}]+(?:[/.,-][\p{L}\p{N}]+)*/gu;
  const MIN_CORRECTED = 4;
  const MIN_TERM = 3;
  const UMLAUT_BASE = { äu: "au", ä: "a", ö: "o", ü: "u" };
  // A synonym's hits rank a little below those of the word as typed.
  const SYNONYM_WEIGHT = 0.7;

  function lower(value) {
    return value.toLocaleLowerCase("de-DE");
  }

  // "2023/0089", "2023/89", "89/2023" → the archive's form "2023/0089". Year first when the
  // first part is a year, else year last when the second is; otherwise not a reference.
  function reference(token, digits) {
    if (digits === null) return null;
    const match = REFERENCE.exec(token);
    if (!match) return null;
    let [, year, number] = match;
    if (!YEAR.test(year)) {
      if (!YEAR.test(number)) return null;
      [year, number] = [number, year];
    }
    number = number.replace(/^0+(?=\d)/, "");
    if (digits > 0) {
      if (number.length > digits) return null;
      number = number.padStart(digits, "0");
    }
    return `${year}/${number}`;
  }

  function synonymsOf(term, hints) {
    const key = lower(term);
    const found = [...((hints.expansions && hints.expansions.get(key)) || [])];
    for (const group of hints.synonyms) {
      if (group.some((member) => lower(member) === key)) {
        for (const member of group) if (lower(member) !== key) found.push(member);
      }
    }
    return found;
  }

  // A hyphenated word is also searched written together and apart ("Home-Office").
  function alternativesFor(word, hints) {
    const alternatives = [word];
    if (word.includes("-") && !/\d/.test(word)) {
      alternatives.push(word.replaceAll("-", ""), word.replaceAll("-", " "));
    }
    for (const synonym of synonymsOf(word, hints)) alternatives.push(synonym);
    return unique(alternatives);
  }

  // The synonym map's file for a key: its first two letters, umlauts without dots, as
  // search/synonym_files.py names them.
  function shardName(key) {
    return key
      .slice(0, 2)
      .replace(/ä/g, "a")
      .replace(/ö/g, "o")
      .replace(/ü/g, "u")
      .replace(/ß/g, "s")
      .replace(/[^a-z0-9]/g, "_");
  }

  const MIN_PART = 3;
  // Prefixes of the synonym map's entries (search/synonym_files.py: PART, COMPOUNDS,
  // EXPLAINED).
  const PART = "-";
  const COMPOUNDS = "+";
  const EXPLAINED = "?";
  // Letters and digits joined by hyphens, as people write compounds with an abbreviation
  // or a number ("PV-Anlagen", "CO2-Bilanz", "Kita-Gebühren").
  const HYPHENATED = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;
  const MIN_HEAD = 4;
  const MOST_SPLIT = 3;
  const MIN_OWN_PART = 4;
  // The linking element a modifier takes, where German grammar fixes it, as
  // search/word_forms.py (linking): "s" after "-ung", "-heit", "-keit", "-ion", "-tät",
  // "-schaft", "-ling", "-tum" ("Information|s|abend"), else none.
  const S_LINKED = /(ung|heit|keit|ion|tät|schaft|ling|tum)$/;
  function linking(modifier) {
    return S_LINKED.test(lower(modifier)) ? "s" : "";
  }

  // Everyday words → the archive's words (suche/synonyme/*.json, built from synonyms.yml,
  // the shipped list and OpenThesaurus): for each word of the query its own entry, else,
  // for a compound, a part's entry with the rest kept ("Kindergarten|plätze" →
  // "kindertageseinrichtung plätze"), the longest known part first. `load(name)` gives a
  // file's entries; only the files the query's words need are loaded.
  // `withParts`: a compound with an entry of its own also gets `found.parts` (below).
  async function expansions(query, hints, load, withParts = false) {
    const found = new Map();
    // Words whose entries come from a part only: a typo is likelier than a synonym there.
    found.split = new Set();
    const available = new Set(hints.synonymShards || []);
    // `prefix` PART: the synonyms of a word the archive has, for a part of a compound only
    // ("Hauptschul|schließung" → "auflösung"; "Schließung" alone is found as typed).
    const entries = async (key, prefix = "") => {
      const name = shardName(key);
      if (!available.has(name)) return null;
      const shard = await load(name);
      return (shard && shard[prefix + key]) || null;
    };
    const words = query
      .split(/\s+/)
      .filter((word) => (/^\p{L}+$/u.test(word) || HYPHENATED.test(word)) && word.length >= MIN_PART);
    // A plural with an umlaut finds its singular's entry: "Schwimmbäder" → "schwimmbad",
    // "Plätze" → "platz" (the map files a word under the stems of its forms without one).
    const singular = (key) =>
      key.replace(/(äu|[äöü])([^aeiouäöüy]*(?:e|er|ern|en|n)?)$/, (_, vowel, rest) => UMLAUT_BASE[vowel] + rest);
    const entriesOf = async (word, prefix = "") =>
      (await entries(stem(word), prefix)) ||
      (await entries(lower(word), prefix)) ||
      (singular(stem(word)) !== stem(word) ? await entries(singular(stem(word)), prefix) : null);
    const partEntriesOf = async (word) => (await entriesOf(word)) || (await entriesOf(word, PART));
    // A compound: the split with the most parts the map knows, then the longest known
    // part (a short key is likelier an accident: "Containerkl|assen" against
    // "Container|klassen"), then the longest modifier; each known part is replaced by its
    // archive words, the rest kept. `shortest`: the least length of a part split off;
    // `byModifier`: only splits whose modifier has an entry (its file is the word's own, so
    // no other file loads for a split that cannot be used).
    const splitOf = async (low, shortest, byModifier) => {
      // A hyphenated word ("CO2-Bilanz", "Kita-Gebühren") is split at its hyphens only.
      const splits = [];
      if (low.includes("-")) {
        for (let at = low.lastIndexOf("-"); at > 0; at = low.lastIndexOf("-", at - 1)) {
          splits.push([low.slice(0, at).replaceAll("-", ""), low.slice(at + 1).replaceAll("-", "")]);
        }
      } else {
        for (let at = low.length - Math.max(MIN_HEAD, shortest); at >= shortest; at -= 1) splits.push([low.slice(0, at), low.slice(at)]);
      }
      const known = await Promise.all(
        splits.map(async ([modifier, head]) => {
          const first = await partEntriesOf(modifier);
          return [first, first || !byModifier ? await partEntriesOf(head) : null];
        }),
      );
      let best = -1;
      let bestCount = 0;
      let bestLength = 0;
      known.forEach(([modifier, head], at) => {
        const count = (modifier ? 1 : 0) + (head ? 1 : 0);
        const length = (modifier ? splits[at][0].length : 0) + (head ? splits[at][1].length : 0);
        if (count > bestCount || (count === bestCount && count > 0 && length > bestLength)) {
          best = at;
          bestCount = count;
          bestLength = length;
        }
      });
      if (best < 0) return null;
      const [modifier, head] = splits[best];
      const modifiers = [modifier, ...(known[best][0] || []).slice(0, MOST_SPLIT)];
      const heads = [head, ...(known[best][1] || []).slice(0, MOST_SPLIT)];
      // Written together as the archive would ("Ehrenamts|ausweis" → "ehrenamtskarte"), a
      // replaced modifier with its own linking element ("Info|abende" →
      // "informationsabende"), then as two words a page must both have.
      const together = [];
      const apart = [];
      for (const first of modifiers) {
        for (const second of heads) {
          if (first === modifier && second === head) continue;
          together.push(`${first}${first === modifier ? "" : linking(first)}${second}`);
          apart.push(`${first} ${second}`);
        }
      }
      // Then a replaced part on its own: "Kindergartenplätze" is about Kitas even where
      // no page says "Plätze".
      // The head's, where it has any: it names what the compound is ("Dienst|laptops" →
      // "notebooks", not the modifier's "Aktion" for "Dienst").
      const alone = (known[best][1] || known[best][0]).slice(0, MOST_SPLIT);
      // The part kept as typed, when only one part was replaced.
      const kept = bestCount === 1 ? (known[best][0] ? head : modifier) : null;
      return { together, apart, alone, kept };
    };
    // A typed compound with an entry of its own ("Infoabende" → "Informationsveranstaltung")
    // also gets the compounds its parts' entries make ("informationsabende"), after its own
    // targets: only where its modifier has an entry, and parts of four letters or more, as
    // a long key is seldom an accident.
    found.parts = new Map();
    await Promise.all(
      words.map(async (word) => {
        const low = lower(word);
        const own = await entriesOf(low);
        if (own) {
          found.set(low, own);
          const parts = !withParts || low.includes("-") ? null : await splitOf(low, MIN_OWN_PART, true);
          if (parts) found.parts.set(low, parts.together.slice(0, MOST_SPLIT));
          return;
        }
        const parts = await splitOf(low, MIN_PART, false);
        if (!parts) return;
        found.set(low, unique([...[...parts.together, ...parts.apart].slice(0, 4 * MOST_SPLIT), ...parts.alone]));
        found.split.add(low);
        // The part kept as typed, when only one part was replaced: it must be a word of the
        // archive, or "Quasten|flosser" would find "Quaste"s synonyms.
        found.kept = found.kept || new Map();
        if (parts.kept) found.kept.set(low, parts.kept);
      }),
    );
    return found;
  }

  // Two adjacent words the synonym map has as a phrase ("Öffentliche Verkehrsmittel",
  // "Hartz IV", under the stems of both words: search/word_forms.py, phrase_key) become
  // one unit with the phrase's archive words as its synonyms.
  async function joinPhrases(plan, hints, load) {
    const units = plan.units;
    for (let at = 0; at + 1 < units.length; at += 1) {
      const [first, second] = [units[at], units[at + 1]];
      if (first.reference || second.reference || first.synonyms || second.synonyms) continue;
      if (first.text.includes(" ") || second.text.includes(" ")) continue;
      const key = `${stem(first.text)} ${stem(second.text)}`;
      const name = shardName(key);
      if (!(hints.synonymShards || []).includes(name)) continue;
      const shard = await load(name);
      const targets = (shard && shard[key]) || null;
      if (!targets) continue;
      const text = `${first.text} ${second.text}`;
      const others = targets.filter((target) => lower(target) !== lower(text));
      units.splice(at, 2, { text, alternatives: unique([text, ...others]), weaker: others.map(lower), synonyms: true });
    }
  }

  // The archive's compounds that contain the word inside them, as `containing` finds them
  // in the vocabulary, where the synonym map names them (for its keys), else null.
  async function storedCompounds(word, hints, load) {
    const key = stem(word);
    const name = shardName(key);
    if (!(hints.synonymShards || []).includes(name)) return null;
    const shard = await load(name);
    return (shard && shard[COMPOUNDS + key]) || null;
  }

  // The archive words that Wiktionary's explanation of the word names ("Trauerhalle":
  // "Friedhof"), where the synonym map has them, else null: the last resort for a word
  // no page has, after the thesaurus, the compounds and the parts.
  async function explanations(word, hints, load) {
    const name = shardName(stem(word));
    if (!(hints.synonymShards || []).includes(name)) return null;
    const shard = await load(name);
    return (shard && (shard[EXPLAINED + stem(word)] || shard[EXPLAINED + lower(word)])) || null;
  }

  // The archive words of a word that no word of the archive contains (the synonym map's
  // files list the keys that some word contains under ""), else null: its own search
  // would find only loose matches, and no compound of the archive has it.
  async function absentEntries(word, hints, load) {
    const key = stem(word);
    const name = shardName(key);
    if (!(hints.synonymShards || []).includes(name)) return null;
    const shard = await load(name);
    if (!shard || !shard[key] || (shard[""] || []).includes(key)) return null;
    return shard[key];
  }

  function unique(values) {
    const seen = new Set();
    return values.filter((value) => {
      const key = lower(value);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  // The query → units (each a word or a synonym phrase with its alternatives), the
  // reference number if there is one, and the joined forms of adjacent words.
  function plan(query, hints) {
    const tokens = query.split(/\s+/).filter(Boolean);
    let ref = null;
    const words = [];
    for (const token of tokens) {
      const found = reference(token, hints.referenceDigits);
      if (found && !ref) ref = found;
      else if (!REFERENCE_WORDS.test(lower(token)) || tokens.length === 1) words.push(token);
    }
    const units = [];
    const phrases = hints.synonyms
      .flat()
      .filter((term) => term.includes(" "))
      .sort((a, b) => b.length - a.length);
    for (let at = 0; at < words.length; ) {
      const rest = lower(words.slice(at).join(" "));
      const phrase = phrases.find((term) => rest === lower(term) || rest.startsWith(`${lower(term)} `));
      if (phrase) {
        const length = phrase.split(" ").length;
        const text = words.slice(at, at + length).join(" ");
        const others = synonymsOf(phrase, hints);
        units.push({ text, alternatives: unique([text, ...others]), weaker: others.map(lower), synonyms: true });
        at += length;
        continue;
      }
      const word = words[at];
      at += 1;
      if (STOPWORDS.has(lower(word)) && words.length > 1) continue;
      const alternatives = alternativesFor(word, hints);
      units.push({
        text: word,
        alternatives,
        weaker: synonymsOf(word, hints).map(lower),
        synonyms: alternatives.length > 1 && synonymsOf(word, hints).length > 0,
        correctable: word.length >= MIN_CORRECTED && /^\p{L}+$/u.test(word),
        // A shorter word (an abbreviation: "PCs", "EDV") is not corrected, but its
        // synonyms are looked up.
        expandable: word.length >= MIN_PART && /^\p{L}+$/u.test(word),
        // Its parts' synonyms are looked up (no spelling correction).
        hyphenated: HYPHENATED.test(word),
      });
    }
    if (ref) units.push({ text: ref, alternatives: [ref], reference: true });
    return { units, reference: ref };
  }

  // Runs every alternative of every unit, and each pair of adjacent words joined
  // ("Home Office" → "homeoffice", which covers both); a page ranks by the units it covers,
  // then by its summed best score per unit.
  async function rank(plan, run) {
    const pages = new Map();
    const byUnit = new Map();
    const searches = [];
    plan.units.forEach((unit, index) => {
      for (const alternative of unit.alternatives) {
        const weight = (unit.weaker || []).includes(lower(alternative)) ? SYNONYM_WEIGHT : 1;
        // A word no page has, with synonyms that some have: Pagefind's loose matches for
        // the word would rank above the synonyms' real hits.
        if (unit.loose && weight === 1) continue;
        searches.push([alternative, [index], false, weight]);
      }
      const next = plan.units[index + 1];
      // Not with a word no page has (`loose`): no page has a word that contains it either,
      // and the joined word's hits would be loose matches covering both.
      const joinable = (one) => !one.reference && !one.loose && !one.text.includes(" ");
      if (next && joinable(unit) && joinable(next)) {
        searches.push([unit.text + lower(next.text), [index, index + 1], false, 1]);
      }
    });
    // The words as typed, in one search: Pagefind's own ranking of pages with all of them.
    const plain = plan.units.filter((unit) => !unit.reference);
    if (plain.length > 1 && !plain.some((unit) => unit.loose)) {
      const covered = plain.map((unit) => plan.units.indexOf(unit));
      searches.push([plain.map((unit) => unit.text).join(" "), covered, true]);
    }
    const answers = await Promise.all(searches.map(([text]) => run(text)));
    for (let at = 0; at < searches.length; at += 1) {
      const results = answers[at];
      if (!results) return null;
      const [, covered, whole, weight = 1] = searches[at];
      if (covered.length === 1 && weight === 1) {
        const unit = plan.units[covered[0]];
        byUnit.set(unit, [...(byUnit.get(unit) || []), ...results]);
      }
      for (const result of results) {
        let page = pages.get(result.id);
        if (!page) {
          page = { result, best: new Map(), whole: 0, exact: new Set(), via: new Map() };
          pages.set(result.id, page);
        }
        if (whole) page.whole = Math.max(page.whole, result.score);
        for (const index of covered) {
          page.best.set(index, Math.max(page.best.get(index) || 0, result.score * weight));
          if (weight === 1) page.exact.add(index);
          else if (!page.via.has(index)) page.via.set(index, searches[at][0]);
        }
      }
    }
    const total = (page) =>
      Array.from(page.best.values()).reduce((sum, score) => sum + score, page.whole);
    // A page with the words as typed ranks above one found only through a synonym.
    // (A synonym's score counts SYNONYM_WEIGHT: the same hit through the word as typed
    // ranks higher; among equal coverage, one with the typed word wins a tie.)
    const ordered = Array.from(pages.values()).sort(
      (a, b) => b.best.size - a.best.size || total(b) - total(a) || b.exact.size - a.exact.size,
    );
    for (const [unit, results] of byUnit) byUnit.set(unit, results.sort((a, b) => b.score - a.score));
    // What a page was found through, where none of a unit's words as typed is in it.
    const via = new Map();
    for (const page of ordered) {
      const through = Array.from(page.via).filter(([index]) => !page.exact.has(index));
      if (through.length) via.set(page.result.id, through.map(([, text]) => text));
    }
    return { results: ordered.map((page) => page.result), byUnit, via };
  }

  // An exact match of the reference number comes first (in the order found).
  async function referenceFirst(results, ref) {
    if (!ref) return results;
    const head = results.slice(0, 50);
    const data = await Promise.all(head.map((result) => result.data()));
    const exact = head.filter((_, at) => (data[at].meta || {}).reference === ref);
    const exactIds = new Set(exact.map((result) => result.id));
    return [...exact, ...results.filter((result) => !exactIds.has(result.id))];
  }

  // Word forms: German endings off, so that "Satzungen" is seen in "Haushaltssatzung".
  // What is left of an agent noun when "-er" is cut ("lehr" of Lehrer, "radl" of Radler):
  // no umlaut, ends in "l" or "r". A plural in "-er" ends otherwise or has an umlaut.
  const AGENT = /^[^äöü]*[lr]$/;

  // As stem in search/word_forms.py: one German ending off; an agent noun keeps its "-er"
  // ("Lehrer", "Lehrern" → "lehrer"), so it is not the thing it comes from ("Lehre" → "lehr").
  function stem(word) {
    const low = lower(word);
    for (const ending of ["ern", "en", "er", "es", "e", "n", "s"]) {
      if (low.endsWith(ending) && low.length - ending.length >= 4) {
        const rest = low.slice(0, -ending.length);
        if ((ending === "ern" || ending === "er") && AGENT.test(rest)) {
          return ending === "ern" ? low.slice(0, -1) : low;
        }
        return rest;
      }
    }
    return low;
  }

  function termMatches(word, terms) {
    const low = lower(word);
    return terms.some((term) => (/\d/.test(term) ? low === term : low.includes(term)));
  }

  // The words a hit's text is checked against, stemmed; `typed` only those of the words
  // as typed (or corrected), not of synonyms and compounds.
  function terms(plan, typed = false) {
    const found = new Set();
    for (const unit of plan.units) {
      for (const alternative of typed ? unit.alternatives.slice(0, 1) : unit.alternatives) {
        for (const word of alternative.split(/\s+/)) {
          if (word.length < MIN_TERM || STOPWORDS.has(lower(word))) continue;
          if (/\d/.test(word)) found.add(lower(word));
          else found.add(stem(word.replaceAll("-", "")));
          for (const part of word.split("-")) if (part.length >= MIN_CORRECTED) found.add(stem(part));
        }
      }
    }
    return Array.from(found);
  }

  function contains(data, alternatives) {
    const wanted = terms({ units: [{ alternatives }] });
    const texts = [data.content || "", (data.meta || {}).keywords || ""];
    return texts.some((text) => (text.match(WORD) || []).some((word) => termMatches(word, wanted)));
  }

  // A sentence ends before a capital letter, unless the full stop ends an abbreviation.
  const ABBREVIATION = /(?:^|\s)(?:Nr|Abs|Mio|Mrd|ggf|bzw|Dr|Hr|Fr|Rf|Rm|St|ca|vgl|gem|inkl|z\. ?B|u\. ?a|v\. ?H|[A-Za-z])\.$/;

  function sentences(text) {
    const found = [];
    for (const part of text.split(/(?<=[.!?;])\s+(?=[\p{Lu}„"(])/u)) {
      if (found.length && ABBREVIATION.test(found[found.length - 1])) found[found.length - 1] += ` ${part}`;
      else found.push(part);
    }
    return found.filter((sentence) => sentence.trim());
  }

  // The sentence with the most query words, those typed counting twice (a title sentence
  // loses a tie), as pieces [text, marked]; long sentences are cut around the first hit.
  function bestSentence(text, wanted, title, typed) {
    let best = null;
    let bestScore = 0;
    for (const sentence of sentences(text)) {
      const words = sentence.match(WORD) || [];
      const matched = new Set();
      for (const word of words) {
        for (const term of wanted) if (termMatches(word, [term])) matched.add(term);
      }
      let score = matched.size + Array.from(matched).filter((term) => typed.includes(term)).length;
      if (score && title && title.includes(sentence.replace(/[.!?;]$/, ""))) score -= 0.5;
      if (score > bestScore) {
        best = sentence;
        bestScore = score;
      }
    }
    return best ? pieces(best, wanted) : null;
  }

  const LONGEST = 40;

  function pieces(sentence, wanted) {
    const parts = [];
    let last = 0;
    let first = -1;
    let count = 0;
    for (const match of sentence.matchAll(WORD)) {
      if (match.index > last) parts.push([sentence.slice(last, match.index), false]);
      const marked = termMatches(match[0], wanted);
      if (marked && first < 0) first = count;
      parts.push([match[0], marked]);
      last = match.index + match[0].length;
      count += 1;
    }
    if (last < sentence.length) parts.push([sentence.slice(last), false]);
    if (count <= LONGEST) return parts;
    // Cut to LONGEST words, starting a few words before the first hit.
    const wordsBefore = Math.max(0, first - 8);
    let seen = -1;
    const kept = [];
    for (const part of parts) {
      const isWord = WORD.test(part[0]);
      WORD.lastIndex = 0;
      if (isWord) seen += 1;
      if (seen >= wordsBefore && seen < wordsBefore + LONGEST) kept.push(part);
    }
    if (wordsBefore > 0) kept.unshift(["… ", false]);
    if (wordsBefore + LONGEST < count) kept.push([" …", false]);
    return kept;
  }

  // The text's first words, without the title (the hit's heading) and section headings.
  const OPENING_WORDS = 30;

  function opening(content, title) {
    const words = sentences(content)
      .filter((sentence) => !/^\p{L}+\.$/u.test(sentence) && sentence.replace(/\.$/, "") !== title)
      .join(" ")
      .split(/\s+/)
      .filter(Boolean);
    if (words.length <= OPENING_WORDS) return words.join(" ");
    return `${words.slice(0, OPENING_WORDS).join(" ")} …`;
  }

  // The excerpt: from the visible text, else from an attachment's extracted text (then
  // with its title), else the page's opening words.
  function bestExcerpt(data, wanted, typed = []) {
    const meta = data.meta || {};
    const visible = wanted.length ? bestSentence(data.content || "", wanted, meta.title || "", typed) : null;
    if (visible) return { pieces: visible };
    for (let number = 1; meta[`anlage_text_${number}`] !== undefined; number += 1) {
      const inFile = wanted.length ? bestSentence(meta[`anlage_text_${number}`], wanted, "", typed) : null;
      if (inFile) return { pieces: inFile, file: meta[`anlage_${number}`] || `Anlage ${number}` };
    }
    const start = opening(data.content || "", meta.title || "");
    return start ? { pieces: [[start, false]] } : null;
  }

  // Restricted Damerau-Levenshtein distance, given up beyond `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
    for (let i = 1; i <= a.length; i += 1) {
      const row = [i];
      let smallest = i;
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        smallest = Math.min(smallest, value);
      }
      if (smallest > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  // The nearest vocabulary word (edit distance 1, or 2 for longer words); the vocabulary
  // lists the most widely used words first, so among equals the common word wins.
  function nearest(word, vocabulary) {
    const low = lower(word);
    const capital = word[0] !== low[0];
    const limit = low.length >= 8 ? 2 : 1;
    let best = null;
    let bestDistance = limit + 1;
    for (const candidate of vocabulary) {
      if (candidate === low) return null;
      const bound = Math.min(limit, bestDistance - 1);
      // Also against the word without its ending: "Spielpaltz" is near "Spielplatzes".
      const found = Math.min(distance(low, candidate, bound), distance(low, stem(candidate), bound));
      if (found < bestDistance) {
        best = candidate;
        bestDistance = found;
      }
    }
    if (!best || !capital) return best;
    return best[0].toLocaleUpperCase("de-DE") + best.slice(1);
  }

  // Words of the vocabulary that contain the word inside them: the compounds it is part of.
  const MOST_COMPOUNDS = 8;

  function containing(word, vocabulary) {
    const part = stem(word);
    if (part.length < MIN_CORRECTED || !/^\p{L}+$/u.test(part)) return [];
    const found = [];
    for (const candidate of vocabulary) {
      if (candidate.length > part.length + 2 && candidate.includes(part) && !candidate.startsWith(part)) {
        found.push(candidate);
        if (found.length === MOST_COMPOUNDS) break;
      }
    }
    return found;
  }

  // A compound no page has: the archive's compounds with the same head, the longest head
  // first and the most widely used compounds first ("Straßen|fest" → "stadtfest", "Gas|
  // preise" → "energiepreise", "Steuer|ausfälle" → "einnahmeausfälle"). The head names what
  // the compound is, so these are things of the same kind. A head is a word of the archive
  // (`known(stem)`) or long enough not to be an accident ("Sozialbauwo|hnungen" is not
  // about "Ablehnung").
  const LONG_HEAD = 6;

  function sameHead(word, vocabulary, known) {
    const low = lower(word);
    if (!/^\p{L}+$/u.test(low)) return [];
    const own = stem(low);
    for (let at = MIN_PART; at <= low.length - MIN_CORRECTED; at += 1) {
      const head = stem(low.slice(at));
      if (head.length < MIN_CORRECTED || (head.length < LONG_HEAD && !known(head))) continue;
      // Those that also begin as the word does come first: a part inserted between the
      // two ("Gewerbesteuer|satz" → "gewerbesteuerhebesatz", "Klima|schutz|…").
      const modifier = low.slice(0, Math.max(MIN_CORRECTED, at - 1));
      const found = [];
      const alike = [];
      for (const candidate of vocabulary) {
        const candidateStem = stem(candidate);
        if (candidateStem !== own && candidateStem.length >= head.length + MIN_PART && candidateStem.endsWith(head)) {
          if (candidate.startsWith(modifier) && at >= MIN_CORRECTED) alike.push(candidate);
          else if (found.length < MOST_COMPOUNDS) found.push(candidate);
          if (alike.length === MOST_COMPOUNDS) break;
        }
      }
      if (found.length || alike.length) return [...alike, ...found].slice(0, MOST_COMPOUNDS);
      // No compound with that head, but the head itself, long enough to name a thing
      // ("Sozialbau|wohnungen": "Wohnungen"; not "Straßen|fest": "fest" is also a particle).
      if (head.length >= LONG_HEAD && known(head)) return [low.slice(at)];
    }
    return [];
  }

  // Whether `nearest` is a slip of one letter for `word` (not a word of its own).
  function slip(word, nearest) {
    const low = lower(word);
    const near = lower(nearest);
    return Math.min(distance(low, near, 1), distance(low, stem(near), 1)) <= 1;
  }

  // "Treffer über „Kindertageseinrichtungen“": the synonym as the hit's text writes it.
  function viaNote(data, alternatives) {
    if (!alternatives || !alternatives.length) return null;
    const texts = [data.content || "", (data.meta || {}).title || ""];
    const shown = [];
    for (const alternative of alternatives) {
      const wanted = alternative.split(/\s+/).filter((word) => word.length >= MIN_TERM).map(stem);
      const words = texts.flatMap((text) => text.match(WORD) || []);
      const seen = wanted.map((term) => words.find((word) => lower(word).includes(term)));
      const text = seen.every(Boolean) ? seen.join(" ") : alternative;
      if (!shown.includes(text)) shown.push(text);
    }
    return `Treffer über ${shown.map((text) => `„${text}“`).join(", ")}`;
  }

  function notes(plan, corrections) {
    const said = [];
    for (const [typed, instead] of corrections) {
      said.push(`Keine Treffer für „${typed}“; gesucht wurde stattdessen „${instead}“.`);
    }
    const also = plan.units.filter((unit) => unit.synonyms).flatMap((unit) => unit.alternatives.slice(1));
    if (also.length) said.push(`auch gesucht: ${also.join(", ")}`);
    return said;
  }

  // A compound no page has, made of two words pages have ("Steuer|senkung", "Haushalts|
  // sperre"): the two words, without the linking element, for a search of pages with both.
  // `known(stem)` says whether the archive has a word of that stem. The longest head first.
  const LINKS = ["s", "es", "n", "en", "er", "e"];
  function apart(word, known) {
    const low = lower(word);
    if (!/^\p{L}+$/u.test(low)) return null;
    for (let at = MIN_CORRECTED; at <= low.length - MIN_CORRECTED; at += 1) {
      const head = low.slice(at);
      if (!known(stem(head))) continue;
      const modifier = low.slice(0, at);
      const bare = [modifier, ...LINKS.filter((link) => modifier.endsWith(link)).map((link) => modifier.slice(0, -link.length))];
      const found = bare.find((part) => part.length >= MIN_CORRECTED && known(stem(part)));
      if (found) return `${found} ${head}`;
    }
    return null;
  }

  window.RatsarchivQuery = {
    absentEntries,
    alternativesFor: (word, hints) => alternativesFor(word, hints),
    apart,
    bestExcerpt,
    containing,
    contains,
    distance,
    expansions,
    explanations,
    joinPhrases,
    linking,
    nearest,
    notes,
    plan,
    rank,
    reference,
    referenceFirst,
    sameHead,
    shardName,
    storedCompounds,
    slip,
    stem,
    terms,
    viaNote,
  };
})();
