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

    for (const select of selects) select.addEventListener("change", apply);
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
  }
})();
