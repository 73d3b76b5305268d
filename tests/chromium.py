"""Helpers for tests in a real browser (the serving and launching live in tools/browser.py)."""

from __future__ import annotations

from tools.browser import launch, serve_with_log as serve  # noqa: F401  (serve yields base, requested)


def watch(page) -> list[str]:
    """Collect the page's JavaScript errors and failed requests."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on(
        "requestfailed",
        lambda request: problems.append(f"request failed: {request.url} ({request.failure})")
        if "ERR_ABORTED" not in (request.failure or "")  # navigating away cancels pending loads; not a failure
        else None,
    )
    return problems
