"""Publishing: the MkDocs config, stamping pages into their shells, writing files, the swap.

Takes generated files; gives the finished site folder. ``site_writer`` is the only
module that writes files.
"""
