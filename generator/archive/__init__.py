"""The archive as data: the model, its problems, German labels, URLs and the catalog.

Takes parsed values (from ``reading``); gives typed records, the catalog with its
indexes and cross-file checks, and the facts derived from them (matters, faction votes).
"""
