// Preview only (ratsarchiv serve): while a content file is invalid the preview keeps the
// last valid pages; this shows why above the page, with file, line and message, so that
// an editor does not take the old page for the result of the edit.
(() => {
  "use strict";

  const script = document.currentScript;
  const source = new URL("../../ratsarchiv-vorschau/probleme.json", script.src);

  function show(report) {
    const errors = report.problems.filter((problem) => problem.severity === "error");
    if (errors.length === 0) return;
    const box = document.createElement("section");
    box.className = "ra-preview-problems";
    box.setAttribute("role", "alert");
    const heading = document.createElement("h2");
    heading.textContent = `Vorschau nicht aktualisiert: ${errors.length} Fehler in den Inhalten`;
    const note = document.createElement("p");
    note.textContent =
      "Die Seite zeigt den letzten gültigen Stand. Nach dem Berichtigen und Speichern " +
      "aktualisiert sich die Vorschau von selbst.";
    const list = document.createElement("ul");
    for (const problem of errors) {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = problem.text;
      item.append(code);
      list.append(item);
    }
    box.append(heading, note, list);
    (document.querySelector(".md-content") || document.body).prepend(box);
  }

  fetch(source, { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : { problems: [] }))
    .then(show)
    .catch(() => {});
})();
