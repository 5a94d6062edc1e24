// Wide tables scroll sideways inside Material's wrapper (.md-typeset__scrollwrap). A reader
// without a mouse can only scroll what can take focus (WCAG 2.1.1, axe
// scrollable-region-focusable), so a wrapper that overflows becomes a named, focusable
// region; one that fits gets no extra tab stop. An external file for a strict CSP.
(() => {
  "use strict";

  function update(wrapper) {
    if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
      const caption = wrapper.querySelector("caption");
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute(
        "aria-label",
        caption ? `Tabelle: ${caption.textContent.trim()}` : "Tabelle"
      );
    } else {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  }

  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) update(entry.target);
  });
  const seen = new WeakSet();

  function watch() {
    for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap, .ra-table-wrap")) {
      if (seen.has(wrapper)) continue;
      seen.add(wrapper);
      update(wrapper);
      observer.observe(wrapper);
    }
  }

  // Material wraps tables when its document$ emits; subscribing runs after that.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(watch);
  else document.addEventListener("DOMContentLoaded", watch);
})();
