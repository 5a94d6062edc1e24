"""One module per ``ratsarchiv`` command: parse nothing, call the stages, print.

``cli.py`` parses the arguments and dispatches here.
"""
