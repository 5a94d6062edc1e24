"""Running the build: work on every core, memory given back, progress on a terminal, timings.

Takes nothing from the archive; every stage above uses it.
"""
