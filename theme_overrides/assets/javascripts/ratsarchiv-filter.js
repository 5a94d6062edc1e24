// Faction pages and the mandates page: filter a table by the values of its rows' data
// attributes (a row matches a value listed among its space-separated ones, so a mandate can
// be "open" and "overdue" at once). Without JavaScript the form stays hidden and the whole
// table shows. An external file for a strict CSP.
(() => {
  "use strict";

  for (const form of document.querySelectorAll("form[data-filter-table]")) {
    const table = document.getElementById(form.dataset.filterTable);
    if (!table) continue;
    const selects = Array.from(form.querySelectorAll("select[data-filter]"));
    const status = form.querySelector(".ra-filter__status");
    const rows = Array.from(table.tBodies[0].rows);
    const words = form.dataset.filterWords || "Abstimmungen";

    function apply() {
      let shown = 0;
      for (const row of rows) {
        const match = selects.every(
          (select) =>
            !select.value ||
            (row.dataset[select.dataset.filter] || "").split(" ").includes(select.value)
        );
        row.hidden = !match;
        if (match) shown += 1;
      }
      if (status) {
        status.textContent = `${shown} von ${rows.length} ${words} angezeigt`;
      }
    }

    // Selects with a name keep their choice in the address (?stand=overdue), so a filtered
    // view can be linked and shared; unknown values are ignored.
    const named = selects.filter((select) => select.name);
    const params = new URLSearchParams(window.location.search);
    for (const select of named) {
      const wanted = params.get(select.name);
      if (wanted && Array.from(select.options).some((option) => option.value === wanted)) {
        select.value = wanted;
      }
    }

    function remember() {
      const url = new URL(window.location.href);
      for (const select of named) {
        if (select.value) url.searchParams.set(select.name, select.value);
        else url.searchParams.delete(select.name);
      }
      window.history.replaceState(null, "", url);
    }

    for (const select of selects) {
      select.addEventListener("change", () => {
        apply();
        if (named.length) remember();
      });
    }
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
    if (named.some((select) => select.value)) apply();
  }
})();
