"""Pelican settings for the sample archive. `make html` (or plain `pelican content`) uses these."""

AUTHOR = "news-archive"
SITENAME = "News Archive"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PATH = "content"
ARTICLE_PATHS = ["dumps"]  # raw .txt dumps, read by the news_archive plugin
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {"extra/robots.txt": {"path": "robots.txt"}}
THEME = "theme"
# Dump text is text: the theme escapes everything; Pelican's own HTML values are marked |safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_archive"]

# A news archive has no translations; slugs are made unique by the plugin instead.
ARTICLE_TRANSLATION_ID = None
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
ARTICLE_ORDER_BY = "reversed-date"

# Links are relative, so the site works under a sub-path and opened from disk.
RELATIVE_URLS = True
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index", "archives", "search", "404"]
ARCHIVES_SAVE_AS = "archives.html"
SEARCH_SAVE_AS = "search.html"

DEFAULT_PAGINATION = False
# Pages the plugin builds instead: events, timelines, sources (see NEWS_ARCHIVE below).
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""

# Feeds need absolute links: publishconf.py turns them on (site feed and one per event).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Deterministic output: no build times, caches off by default (`make bench` turns them on).
# With caching on (`make bench`), an uncompressed cache loads and saves faster than a gzipped one.
GZIP_CACHE = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# With caching on, Pelican keeps each dump's article object, not only its parse: a rebuild makes again
# only the articles of the dumps that changed (the plugin keeps that cache as a stream of articles).
CONTENT_CACHING_LAYER = "generator"

NEWS_ARCHIVE = {}
