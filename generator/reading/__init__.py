"""Stage 1, reading: every file in ``content/`` → typed records, or problems with a location.

Takes the content folder; gives a ``Catalog`` (via ``archive``) and every problem found,
with file, line and field, in the editors' German.
"""
