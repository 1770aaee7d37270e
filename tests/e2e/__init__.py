"""Browser tests: Playwright drives the system's Chromium against Django's live server."""
