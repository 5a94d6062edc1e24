// Search page: runs Pagefind in the browser and keeps query, filters and sort in the URL.
// An external file (no inline script) so the site works under a strict CSP; all text is
// inserted with textContent, except Pagefind's excerpt, of which only <mark> is kept.
(() => {
  "use strict";

  const root = document.getElementById("ra-search");
  if (!root) return;

  // data-base is the site root relative to this page, so any hosting subpath works.
  const siteRoot = new URL(root.dataset.base || "./", document.baseURI);
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

  let pagefind = null;
  let current = [];
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

  function fillFilters(available) {
    for (const select of filterSelects) {
      const counts = available[select.dataset.filter] || {};
      const names = Object.keys(counts);
      if (select.dataset.filter === "Jahr") {
        names.sort((a, b) => Number(b) - Number(a));
      } else {
        names.sort((a, b) => a.localeCompare(b, "de"));
      }
      for (const name of names) {
        select.append(new Option(`${name} (${counts[name]})`, name));
      }
    }
  }

  // Query and sort are restored at once, the filters once the index has named their
  // choices; the reader may type while the index loads, so nothing is overwritten later.
  const initial = new URLSearchParams(location.search);
  input.value = initial.get("q") || "";
  const initialSort = initial.get("sort") || "";
  sortSelect.value = Object.prototype.hasOwnProperty.call(SORTS, initialSort) ? initialSort : "";

  function restoreFilters() {
    for (const select of filterSelects) ensureOption(select, initial.get(select.name) || "");
  }

  function excerpt(html) {
    // Pagefind's excerpt is HTML with <mark> around hits; keep only text and <mark>.
    const template = document.createElement("template");
    template.innerHTML = html;
    const paragraph = text("p", "ra-hit__excerpt");
    for (const node of template.content.childNodes) {
      if (node.nodeName === "MARK") paragraph.append(text("mark", "", node.textContent));
      else paragraph.append(document.createTextNode(node.textContent));
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
    if (data.excerpt) item.append(excerpt(data.excerpt));
    return item;
  }

  async function showMore(moveFocus) {
    const token = generation;
    const batch = current.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
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
      return;
    }
    const options = { filters };
    if (SORTS[state.sort]) options.sort = SORTS[state.sort];
    const search = await pagefind.search(state.q || null, options);
    if (token !== generation || !search) return;
    clearResults();
    current = search.results;
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
      pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
      // Pagefind's result URLs are root-relative; under a subpath they need the prefix.
      await pagefind.options({ baseUrl: siteRoot.pathname });
      fillFilters(await pagefind.filters());
    } catch (error) {
      pagefind = null;
      status.textContent = "Die Suche konnte nicht geladen werden. Bitte laden Sie die Seite neu.";
      console.warn("Ratsarchiv-Suche:", error);
      return;
    }
    restoreFilters();
    root.classList.add("ra-search--ready");
    await runSearch();
  }

  start();
})();
