"""English and Dutch translations of the msgids added for issue 9 (forms and what members
write). Same shape and style as translations.py."""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "Date de fin": ("End date", "Einddatum"),
    "Vide : le même jour. Pour un évènement sur plusieurs jours.": (
        "Empty: the same day. For an event over several days.",
        "Leeg: dezelfde dag. Voor een evenement over meerdere dagen.",
    ),
}
