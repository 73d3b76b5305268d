"""Settings for publishing: `make publish`. Links stay relative, so any sub-path works."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

# Where the archive is hosted: feeds and structured data need absolute links.
# `SITEURL=https://example.org/archive make publish`
SITEURL = os.environ.get("SITEURL", "http://127.0.0.1:8000")
RELATIVE_URLS = True  # pages still link relatively, so any sub-path works

FEED_ALL_ATOM = "feeds/all.atom.xml"  # and feeds/events/<event>.atom.xml for each event
FEED_MAX_ITEMS = 50
DELETE_OUTPUT_DIRECTORY = True
