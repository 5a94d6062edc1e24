"""Values of the shipped demo that must not go live: example addresses and sample texts.

A town starting from this repository replaces them (``ratsarchiv init`` does); until it
has, ``check`` warns, so ``check --strict`` in CI keeps the archive from being published
with another town's, or nobody's, contact address and legal texts.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAMPLE_MARKER = "**Beispieldaten:**"
"""How the demo's legal texts say that they are samples (first line of each)."""

_EXAMPLE_DOMAIN = re.compile(r"(?:^|\.)example(?:\.(?:com|org|net))?$|^example\.(?:com|org|net)$")


def is_example_address(address: str) -> bool:
    """A web or e-mail address on a domain reserved for examples (RFC 2606): ``*.example``,
    ``example.com`` and the like."""
    if "@" in address and "://" not in address:
        host = address.rsplit("@", 1)[1]
    else:
        host = urlsplit(address).hostname or ""
    return bool(_EXAMPLE_DOMAIN.search(host.strip().rstrip(".").lower()))


def sample_text_line(markdown: str) -> int | None:
    """The 1-based line that marks a text as a sample, if any."""
    for number, line in enumerate(markdown.splitlines(), start=1):
        if SAMPLE_MARKER in line:
            return number
    return None
