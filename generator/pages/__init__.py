"""Page generators: one module per kind of page, each returning ``GeneratedFile`` objects.

Pages are Markdown files whose body is mostly HTML built here (metadata must be escaped,
and the structure is ours, not the editor's); only the editors' own Markdown (resolution
text, discussion, descriptions, legal texts) is left for MkDocs to render.
"""
