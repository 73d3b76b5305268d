"""Page fingerprints: a page whose inputs are the same as when the last build wrote it (and whose file
is still there) is not rendered again.

``news_archive-pages.pickle`` keeps a fingerprint of every page the plugin's generator and Pelican
wrote for articles. The saved copy is withdrawn before the first page is written and saved again
after the last, so a build killed in between leaves no fingerprint of a page it may have half written.
``news_archive-timeline.pickle`` keeps each event's rows of the site timeline: made from the dumps,
not from pages, it is saved as soon as every event's rows are known.
"""

from __future__ import annotations

import hashlib
import os
import pickle

from news_archive.rebuild.store import Listing, Memo, fingerprint, site_fingerprint

NAME = "news_archive-pages.pickle"
TIMELINE = "news_archive-timeline.pickle"


class Pages:
    def __init__(self, settings: dict, output_path: str):
        self.memo = Memo(settings, NAME)
        self.output_path = output_path
        self.site = site_fingerprint(settings)  # code, theme and settings: what every page depends on
        self.old: dict[str, str] = dict(self.memo.section("outputs")) if self.memo.load else {}
        self.new: dict[str, str] = {}
        self.listing = Listing(output_path)  # see exists
        self.timeline_memo = Memo(settings, TIMELINE)
        self.old_timeline: dict = self.timeline_memo.section("timeline") if self.timeline_memo.load else {}
        self.timeline: dict = {}
        #: each event's rows (:meth:`timeline_rows`) by the digest of their pickle: what a timeline page's
        #: fingerprint takes of them (a digest is what the rows print, so equal digests are equal rows)
        self.timeline_digests: dict[str, str] = {}
        self.memo.withdraw()

    def unchanged(self, name: str, *parts, site: bool = True) -> bool:
        """Record page ``name``'s fingerprint (of ``parts``, and of the site unless ``site`` is False);
        True when the last build wrote the same page and it is still there."""
        print_ = fingerprint(self.site, *parts) if site else parts[0]
        self.new[name] = print_
        return self.old.get(name) == print_ and self.exists(name)

    def exists(self, name: str) -> bool:
        """Whether the last build's page ``name`` is still there (pages are looked up before this build
        writes them, so the :class:`~news_archive.rebuild.store.Listing` is what the last build left)."""
        return name in self.listing

    def timeline_rows(self, slug: str, print_, make):
        """An event's rows of the site timeline: the last build's while ``print_`` is the same, else ``make()``.

        Each event's rows are kept pickled on their own: a build saves the same bytes again, not every
        row of the archive (at 100,000 dumps, 120 MB of rows took 1.8 s to pickle in each rebuild, and
        the pickler's table of the objects it wrote was the last peak of a build's memory)."""
        old = self.old_timeline.get(slug)
        if print_ is not None and old is not None and old[0] == print_:
            self.timeline[slug] = old  # the same object: the memo saves only what changed
            self.timeline_digests[slug] = hashlib.sha1(old[1]).hexdigest()
            return pickle.loads(old[1])
        rows = make()
        packed = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        self.timeline[slug] = (print_, packed)
        self.timeline_digests[slug] = hashlib.sha1(packed).hexdigest()
        return rows

    def save_timeline(self) -> None:
        """Save every event's rows (once :meth:`timeline_rows` has been asked for each), and let go of
        their pickles: a full build would otherwise hold them (120 MB at 100,000 dumps) to its end."""
        self.timeline_memo.data = {"timeline": self.timeline}
        self.timeline_memo.save()
        self.timeline_memo.data, self.timeline, self.old_timeline = {}, {}, {}

    def stale(self) -> list[str]:
        """Pages the last build wrote and this one did not."""
        return sorted(set(self.old) - set(self.new))

    def save(self) -> None:
        self.memo.data = {"outputs": self.new}
        self.memo.save()
