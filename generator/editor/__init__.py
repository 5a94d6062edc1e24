"""The editors' area ``/redaktion/``: catalog + content contract → Decap CMS files; local mode.

``config`` turns ``reading.contract.RESOLUTION_FIELDS`` and the registries (committees,
factions of the current term, topics) into Decap's ``config.yml``; ``area`` lists the
files of ``/redaktion/`` (the page, the config, the CMS's JavaScript from ``editor/``'s
npm install, our own script that keeps the files' formatting); ``local_backend`` is the
proxy ``ratsarchiv serve --redaktion`` runs so the CMS writes into the working copy.
"""
