"""The page shell loses its indentation and nothing a browser renders."""

from __future__ import annotations

from generator.pages.shell import compact, trim


def test_line_breaks_with_indentation_become_one_line_break() -> None:
    html = '\n<nav>\n      \n    <a href="x">\n        Start\n      </a>  <b>x</b>\n</nav>\n'
    # The break right inside <nav> is at the start and end of its lines: it goes.
    assert compact(html) == '<nav><a href="x">\nStart\n</a>  <b>x</b></nav>\n'


def test_a_break_between_blocks_goes_and_one_between_inline_elements_stays() -> None:
    html = (
        '<ul>\n  <li>\n    <a href="x">X</a>\n  </li>\n  <li>\n    <a href="y">Y</a>\n'
        '  </li>\n</ul>\n<p>\n  <label for="q">Suche</label>\n  <input id="q">\n'
        '  <a href="x">a</a>\n  <a href="y">b</a>\n</p>'
    )
    assert compact(html) == (
        '<ul><li><a href="x">X</a></li><li><a href="y">Y</a></li></ul><p>'
        '<label for="q">Suche</label>\n<input id="q">\n<a href="x">a</a>\n<a href="y">b</a></p>'
    )


def test_the_text_of_a_tab_or_a_header_title_loses_its_breaks() -> None:
    html = (
        '<a href="x" class="md-tabs__link">\n  Gremien\n</a>'
        '<span class="md-ellipsis">\n  Titel\n</span><a href="y">\n  Text\n</a>'
    )
    assert compact(html) == (
        '<a href="x" class="md-tabs__link">Gremien</a>'
        '<span class="md-ellipsis">Titel</span><a href="y">\nText\n</a>'
    )


def test_preformatted_text_and_scripts_stay_as_they_are() -> None:
    kept = (
        "<pre>a\n\n    b</pre>\n  <textarea>\n  x\n</textarea>\n"
        "  <script>\n  let a = `x\n  y`;</script>"
    )
    assert compact(kept) == kept.replace("</pre>\n  ", "</pre>\n").replace(
        "</textarea>\n  ", "</textarea>\n"
    )


def test_trim_drops_what_material_writes_for_features_the_archive_does_not_use_or_ship() -> None:
    shell = (
        '<head><meta charset="utf-8"><meta name="generator" content="mkdocs-1.6.1, '
        'mkdocs-material-9.8.2"><title>T</title></head><body><div data-md-component="skip">'
        '</div><div data-md-component="announce"></div><main>Inhalt</main>'
        '<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner '
        'md-typeset"></div></div><script id="__config" type="application/json">{"annotate": '
        'null, "base": "../..", "features": ["navigation.tabs"], "search": "w/search.js", '
        '"version": null, "translations": {}, "x": "\\u003c/script\\u003e '
        '\\u0026 \\u00fc"}</script></body>'
    )
    assert trim(shell) == (
        '<head><meta charset="utf-8"><title>T</title></head><body><main>Inhalt</main>'
        '<script id="__config" type="application/json">{"base":"../..",'
        '"features":["navigation.tabs"],"translations":{},'
        '"x":"\\u003c/script\\u003e \\u0026 ü"}</script></body>'
    )


def test_trim_keeps_containers_that_hold_something() -> None:
    shell = (
        '<div data-md-component="announce"><aside class="md-banner">Wartung</aside></div>'
        '<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner '
        'md-typeset">Kopiert</div></div>'
    )
    assert trim(shell) == shell


def test_trim_drops_the_classes_of_tabs_and_the_namespace_of_inline_svg() -> None:
    shell = (
        '<ul class="md-tabs__list"><li class="md-tabs__item"><a href="../.." '
        'class="md-tabs__link">Startseite</a></li><li class="md-tabs__item '
        'md-tabs__item--active"><a href="../../jahr/" class="md-tabs__link">Jahre</a></li></ul>'
        '<label class="md-header__button md-icon" for="__drawer"><svg '
        'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
        "</label>"
    )
    assert trim(shell) == (
        '<ul class="md-tabs__list"><li><a href="../..">Startseite</a></li>'
        '<li class="md-tabs__item--active"><a href="../../jahr/">Jahre</a></li></ul>'
        '<label class="md-header__button md-icon" for="__drawer"><svg viewBox="0 0 24 24">'
        '<path d="M3 6h18v2H3z"/></svg></label>'
    )
