"""``ratsarchiv serve``: MkDocs' live-reloading server around the build, and its problem overlay.

Takes the content folder; gives a preview that rebuilds on every save.
"""
