"""Sections other apps add to /moi/, so that community never imports them.

An app registers, in its AppConfig.ready(), a function `section(request) -> dict | None`
returning {"template": ..., plus context}; /moi/ renders each non-empty section in order.
Each section must cost a fixed number of queries.
"""

_sections = []


def register(section):
    if section not in _sections:
        _sections.append(section)
    return section


def sections_for(request):
    found = []
    for section in _sections:
        context = section(request)
        if context:
            found.append(context)
    return found
