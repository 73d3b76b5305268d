"""Screenshots of the sample archive for the README: `.venv/bin/python tools/screenshots.py`.

Builds the sample archive, serves it on 127.0.0.1 and photographs the article and event
pages at phone (390 px) and desktop (1280 px) widths into docs/screenshots/.
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tools.browser import launch, serve  # noqa: E402
from tests.builds import build_site  # noqa: E402

SHOTS = [
    ("article", "articles/the-latest-putin-kim-shake-hands-before-start-of-talks.html#t-1400"),
    ("event", "events/kim-putin-summit-2019-04-25.html"),
    ("search", "search.html?q=Vladivostok"),
]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def main():
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp) / "site")
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            for name, path in SHOTS:
                for label, (width, height) in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                    page.goto(f"{base}/{path}")
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(out / f"{name}-{label}.png"))
                    page.close()
            browser.close()
    print("wrote", sorted(p.name for p in out.glob("*.png")))


if __name__ == "__main__":
    main()
