"""One shard's Pagefind run and, once it succeeded, its bundle made reproducible, in a
process of its own: ``python -m generator.search.pagefind_job BUNDLE -- COMMAND…``.

Making a bundle reproducible rewrites every index chunk in Python (about half a second
for 1,500 pages). In a thread of the build it held the build's interpreter lock while the
pages were still being generated, so it cost the build's critical path as much as doing
it inline; here it runs on the core Pagefind used. The command's output and exit code are
passed on, so ``PagefindRun`` reports a failure as before. The scripts no page loads
(``index.UNUSED_SCRIPTS``) are removed here too.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.search.index import drop_unused_scripts, make_reproducible
from generator.search.pagefind_bundle import ENTRY


def main(argv: Sequence[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("Aufruf: pagefind_job BUNDLE -- BEFEHL …", file=sys.stderr)
        return 2
    bundle, command = Path(argv[0]), list(argv[2:])
    code = subprocess.run(command, check=False).returncode  # output goes straight through
    if code == 0 and (bundle / ENTRY).is_file():
        make_reproducible(bundle)
        drop_unused_scripts(bundle)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
