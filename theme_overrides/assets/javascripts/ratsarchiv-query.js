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
    const found = [];
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
        searches.push([alternative, [index], false, weight]);
      }
      const next = plan.units[index + 1];
      if (next && !unit.reference && !next.reference && !unit.text.includes(" ") && !next.text.includes(" ")) {
        searches.push([unit.text + lower(next.text), [index, index + 1], false, 1]);
      }
    });
    // The words as typed, in one search: Pagefind's own ranking of pages with all of them.
    const plain = plan.units.filter((unit) => !unit.reference);
    if (plain.length > 1) {
      const covered = plain.map((unit) => plan.units.indexOf(unit));
      searches.push([plain.map((unit) => unit.text).join(" "), covered, true]);
    }
    const answers = await Promise.all(searches.map(([text]) => run(text)));
    for (let at = 0; at < searches.length; at += 1) {
      const results = answers[at];
      if (!results) return null;
      const [, covered, whole, weight = 1] = searches[at];
      if (covered.length === 1) {
        const unit = plan.units[covered[0]];
        byUnit.set(unit, [...(byUnit.get(unit) || []), ...results]);
      }
      for (const result of results) {
        let page = pages.get(result.id);
        if (!page) {
          page = { result, best: new Map(), whole: 0 };
          pages.set(result.id, page);
        }
        if (whole) page.whole = Math.max(page.whole, result.score);
        for (const index of covered) {
          page.best.set(index, Math.max(page.best.get(index) || 0, result.score * weight));
        }
      }
    }
    const total = (page) =>
      Array.from(page.best.values()).reduce((sum, score) => sum + score, page.whole);
    const ordered = Array.from(pages.values()).sort(
      (a, b) => b.best.size - a.best.size || total(b) - total(a),
    );
    for (const [unit, results] of byUnit) byUnit.set(unit, results.sort((a, b) => b.score - a.score));
    return { results: ordered.map((page) => page.result), byUnit };
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
  function stem(word) {
    const low = lower(word);
    for (const ending of ["ern", "en", "er", "es", "e", "n", "s"]) {
      if (low.endsWith(ending) && low.length - ending.length >= 4) return low.slice(0, -ending.length);
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

  function notes(plan, corrections) {
    const said = [];
    for (const [typed, instead] of corrections) {
      said.push(`Keine Treffer für „${typed}“; gesucht wurde stattdessen „${instead}“.`);
    }
    const also = plan.units.filter((unit) => unit.synonyms).flatMap((unit) => unit.alternatives.slice(1));
    if (also.length) said.push(`auch gesucht: ${also.join(", ")}`);
    return said;
  }

  window.RatsarchivQuery = {
    alternativesFor: (word, hints) => alternativesFor(word, hints),
    bestExcerpt,
    containing,
    contains,
    distance,
    nearest,
    notes,
    plan,
    rank,
    reference,
    referenceFirst,
    terms,
  };
})();
