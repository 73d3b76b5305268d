"""Check that every internal link and anchor in a built site resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def broken_links(site: Path) -> list[str]:
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {el["id"] for el in soup.select("[id]")} | {el["name"] for el in soup.select("a[name]")}
        return ids[path]

    problems = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag):
                ref = el.get(attr)
                if not ref:
                    continue
                parts = urlsplit(ref)
                if parts.scheme or parts.netloc or ref.startswith("//"):
                    if tag != "a" or parts.scheme in ("javascript", "data"):
                        # a resource the page loads by itself: no request may leave the site
                        problems.append(f"{page.relative_to(site)}: loads from outside the site: {ref}")
                    continue  # a link a reader may follow to another site
                if ref.startswith("/"):
                    problems.append(f"{page.relative_to(site)}: absolute path breaks under a sub-path: {ref}")
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    problems.append(f"{page.relative_to(site)}: missing {ref}")
                    continue
                if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                    problems.append(f"{page.relative_to(site)}: no anchor #{parts.fragment} in {target.relative_to(site)}")
    return problems
