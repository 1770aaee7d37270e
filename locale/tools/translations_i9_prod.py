"""English and Dutch translations of the msgids added for issue 9 (production hardening).
Same shape and style as translations.py (read its docstring)."""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "Cette image est trop grande : %(max)s mégapixels au plus. Réduisez ses dimensions (par exemple à 2000 × 2000 pixels), puis envoyez-la à nouveau.": (
        "This image is too large: %(max)s megapixels at most. Please reduce its dimensions (for example to 2000 × 2000 pixels), then send it again.",
        "Deze afbeelding is te groot: hoogstens %(max)s megapixels. Verklein ze (bijvoorbeeld tot 2000 × 2000 pixels) en stuur ze opnieuw.",
    ),
}
