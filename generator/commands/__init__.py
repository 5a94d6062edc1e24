"""One module per ``ratsarchiv`` command: each parses nothing, calls a stage and prints.

``cli.py`` builds the argument parser from ``COMMANDS`` there and dispatches. A command
module has ``register(commands)``, which adds its subcommand and sets its handler (a
function from the parsed arguments to the exit code, see ``shared``).
"""
