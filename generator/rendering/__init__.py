"""What generating stages hand to the writer, and editors' Markdown made safe HTML.

Takes Markdown and page content; gives ``GeneratedFile``/``PageFragment`` values.
"""
