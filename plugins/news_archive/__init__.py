"""news-archive: turn raw news text dumps into a static, searchable Pelican archive.

Importing this package imports nothing from Pelican; only :func:`register` does,
so the pure stages (parse, events, search) can be used and tested on their own.
"""

__version__ = "0.1.0"


def register():
    """Pelican's plugin entry point."""
    from news_archive.pelican.plugin import register as connect

    connect()
