"""Parse: a dump's text into the dump model (``model.Dump``). Pure: no Pelican, no I/O but reading the file.

``cascade`` runs the parse; ``rules`` and ``vocab`` hold the named rules and the tables they read;
``header``, ``text``, ``dates``, ``places`` and ``anchors`` do one job each.
"""

from news_archive.parse.cascade import MAX_DUMP_BYTES, DumpError, parse_bytes, parse_file, parse_text

__all__ = ["MAX_DUMP_BYTES", "DumpError", "parse_bytes", "parse_file", "parse_text"]
