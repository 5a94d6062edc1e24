"""Ratsarchiv: a static, searchable archive of council resolutions."""
