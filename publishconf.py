"""Settings for publishing: `make publish`. Links stay relative, so any sub-path works."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Set SITEURL to where the archive is hosted to get absolute links in feeds.
SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
