"""A closed session's kept items in the shape of a wizard draft's `data`
(`practices.wizard`): the sheet the group's harvest becomes."""

from __future__ import annotations

from django.utils.translation import gettext as _

from practices.models import Tool

from .models import Part, Session


def _short(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def harvest_to_data(session: Session) -> dict:
    """The kept items in the shape of a wizard draft's `data` (`practices.wizard`)."""
    kept: dict[str, list[str]] = {part: [] for part in Part.values}
    for item in session.items.filter(kept=True).order_by("pk"):
        kept[item.part].append(item.text)

    def items(part):
        # The group's words as the item's text, their start as its title: the authors
        # make both theirs in the wizard.
        return [{"title": _short(text, 80), "text": text} for text in kept[part]]

    tools = []
    for name in kept[Part.TOOLS]:
        tool = Tool.objects.filter(name__iexact=name, live=True).first()
        tools.append(
            {
                "tool": tool.pk if tool else None,
                "new_name": "" if tool else name,
                "new_website": "",
                "new_licence": "",
                "usage": "",
            }
        )
    event = session.intervision.event
    return {
        "title": _short(_("Née à l'intervision « %(event)s »") % {"event": event.title}, 255),
        "summary": "",
        "themes": list(event.themes.values_list("pk", flat=True)),
        "why": "\n\n".join(kept[Part.WHY]),
        "difficulties": items(Part.DIFFICULTIES),
        "tips": items(Part.TIPS),
        "phases": items(Part.PHASES),
        "tools": tools,
        "keywords": kept[Part.KEYWORDS],
    }
