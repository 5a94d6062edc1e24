"""The search stage: what Pagefind reads, how the index is split, Pagefind runs, query hints.

Takes the catalog and the resolution pages' search records; gives the Pagefind bundle
(shards of whole years) and the hints the search page reads.
"""
