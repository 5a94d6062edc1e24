{#- A template MkDocs renders (theme.static_templates in mkdocs.yml), with the palette of
    mkdocs.yml: the form stands here once instead of in every page. -#}
/* Material for MkDocs' light/dark form (partials/palette.html) and inline palette script
   (MIT licence, (c) Martin Donath), moved into a cached file: the form is written in where
   this script stands, before Material's bundle looks for it; then the reader's choice is
   restored. A file, not inline script, for a strict Content-Security-Policy. */
{% set form %}{% include "partials/ra-palette-form.html" %}{% endset -%}
document.currentScript.insertAdjacentHTML("beforebegin", {{ form | trim | tojson }});
var palette = __md_get("__palette");
if (palette && palette.color) {
  if ("(prefers-color-scheme)" === palette.color.media) {
    var media = matchMedia("(prefers-color-scheme: light)"),
      input = document.querySelector(
        media.matches
          ? "[data-md-color-media='(prefers-color-scheme: light)']"
          : "[data-md-color-media='(prefers-color-scheme: dark)']"
      );
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  for (var [key, value] of Object.entries(palette.color))
    document.body.setAttribute("data-md-color-" + key, value);
}
