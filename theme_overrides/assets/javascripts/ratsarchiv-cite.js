// The citation under a resolution: "abgerufen am" is the reader's own day, which a static
// page cannot know, and a button copies the whole citation. Without the Clipboard API the
// text stays there to select. An external file for a strict CSP (no inline script).
(() => {
  "use strict";

  const pad = (number) => String(number).padStart(2, "0");

  function today() {
    const now = new Date();
    return `${pad(now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear()}`;
  }

  function setUp(section) {
    const cite = section.querySelector("cite");
    if (!cite) return;
    for (const day of section.querySelectorAll("[data-ra-today]")) day.textContent = today();
    if (!navigator.clipboard) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ra-copy";
    button.textContent = "Zitat kopieren";
    const status = document.createElement("span");
    status.className = "ra-copy__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(cite.textContent.replace(/\s+/g, " ").trim());
        status.textContent = "Zitat in die Zwischenablage kopiert.";
      } catch {
        status.textContent = "Kopieren nicht möglich: bitte den Text markieren und kopieren.";
      }
    });
    const actions = document.createElement("p");
    actions.className = "ra-copy__actions";
    actions.append(button, " ", status);
    section.append(actions);
  }

  document.querySelectorAll(".ra-citation").forEach(setUp);
})();
