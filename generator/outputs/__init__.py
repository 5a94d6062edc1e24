"""Outputs for reuse beside the pages: feeds, calendars, downloads, OParl, statistics, data page.

Each module is a pure function from the catalog and an ``OutputContext`` to generated
files; ``reuse_outputs`` runs them all and is what the build pipeline calls.
"""
