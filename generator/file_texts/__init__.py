"""The text of the files beside a resolution (PDF "Beschlussausfertigung"), cached.

Takes the catalog; gives each resolution's file text, or a problem where a file cannot be read.
"""
