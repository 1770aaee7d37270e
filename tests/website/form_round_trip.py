"""Reading an edit page as a browser does and submitting it unchanged, for the tests that
check every edit form saves back exactly what was not changed
(tests/website/test_edit_forms_round_trip_*.py, test_admin_edit_forms_round_trip.py).

`BrowserForm` reads the inputs' values, the checked boxes, the selected options, the
textareas' text with its line breaks sent as "\\r\\n"; `resubmit` posts a form unchanged;
`snapshot` gives the stored object field by field. Date and time inputs must hold ISO values
(`YYYY-MM-DD`, `HH:MM`), or a browser shows them empty.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlencode

ISO = {
    "date": r"\d{4}-\d{2}-\d{2}",
    "time": r"\d{2}:\d{2}(:\d{2})?",
    "datetime-local": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?",
}
TEXT_INPUTS = {"", "text", "hidden", "email", "url", "number", "tel", "search", "password"}


class BrowserForm(HTMLParser):
    """The forms of a page and what a browser submits for one of them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._option = None
        self._textarea = None
        self.feed(html)
        self.close()

    # --- Reading ------------------------------------------------------------------------

    def _controls(self):
        return self.forms[-1]["controls"] if self.forms else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": attrs, "controls": []})
            return
        controls = self._controls()
        if controls is None:
            return
        if tag == "input":
            controls.append(("input", attrs))
        elif tag == "button":
            controls.append(("button", attrs))
        elif tag == "select":
            self._select = {"attrs": attrs, "options": []}
            controls.append(("select", self._select))
        elif tag == "option" and self._select is not None:
            self._option = {"attrs": attrs, "text": ""}
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"attrs": attrs, "text": ""}
            controls.append(("textarea", self._textarea))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "option":
            self._option = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data
        elif self._option is not None:
            self._option["text"] += data

    # --- Submitting ---------------------------------------------------------------------

    def form_with(self, field: str, action: str = "") -> dict:
        """The form that holds a control named `field` (and posts to an address that
        contains `action`)."""
        for form in self.forms:
            if action not in (form["attrs"].get("action") or ""):
                continue
            for _kind, control in form["controls"]:
                attrs = control.get("attrs", control)
                if attrs.get("name") == field:
                    return form
        raise AssertionError(f"no form holds {field!r}")

    @staticmethod
    def submission(form: dict, button: dict | None = None) -> list[tuple[str, str]]:
        """(name, value) pairs in document order, as a browser sends them when `button`
        (or no button: Enter in a field) submits the form."""
        pairs = []
        for kind, control in form["controls"]:
            attrs = control if kind in ("input", "button") else control["attrs"]
            name = attrs.get("name")
            if not name or "disabled" in attrs:
                continue
            if kind == "input":
                kind_of = (attrs.get("type") or "").lower()
                if kind_of in ISO and attrs.get("value"):
                    assert re.fullmatch(ISO[kind_of], attrs["value"]), (name, attrs["value"])
                if kind_of in ("checkbox", "radio"):
                    if "checked" in attrs:
                        pairs.append((name, attrs.get("value", "on")))
                elif kind_of in ("submit", "image", "reset", "button", "file"):
                    if kind_of == "submit" and button is attrs:
                        pairs.append((name, attrs.get("value", "")))
                else:
                    assert kind_of in TEXT_INPUTS or kind_of in ISO, kind_of
                    pairs.append((name, attrs.get("value", "")))
            elif kind == "button":
                if button is attrs and (attrs.get("type") or "submit") == "submit":
                    pairs.append((name, attrs.get("value", "")))
            elif kind == "select":
                options = [o for o in control["options"] if "disabled" not in o["attrs"]]
                chosen = [o for o in options if "selected" in o["attrs"]]
                if not chosen and "multiple" not in attrs and options:
                    chosen = options[:1]
                for option in chosen:
                    pairs.append((name, option["attrs"].get("value", option["text"].strip())))
            elif kind == "textarea":
                # The HTML parser drops the newline right after <textarea>; browsers send
                # line breaks as CR LF.
                text = re.sub(r"^\r?\n", "", control["text"])
                pairs.append((name, re.sub(r"\r?\n", "\r\n", text)))
        return pairs

    @staticmethod
    def button(form: dict, **wanted) -> dict:
        for kind, control in form["controls"]:
            if kind in ("button", "input") and all(control.get(k) == v for k, v in wanted.items()):
                return control
        raise AssertionError(f"no button {wanted}")


def resubmit(client, url, field, *, action="", button=None, follow=False, extra=()):
    """GET `url`, then POST the form holding `field` unchanged (to its action), with the
    `extra` pairs a script would add."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = BrowserForm(response.content.decode())
    form = page.form_with(field, action)
    chosen = BrowserForm.button(form, **button) if button else None
    action = form["attrs"].get("action") or url
    return client.post(
        action,
        urlencode([*BrowserForm.submission(form, chosen), *extra]),
        content_type="application/x-www-form-urlencoded",
        follow=follow,
    )


def snapshot(obj, fields) -> dict:
    """The stored values of `fields`; relations as sorted primary keys, children as
    tuples of their own fields."""
    found = {}
    for name in fields:
        value = getattr(obj, name)
        if hasattr(value, "all"):
            rows = list(value.all())
            if rows and hasattr(rows[0], "sort_order"):
                value = [
                    tuple(
                        getattr(row, f.attname)
                        for f in row._meta.concrete_fields
                        if f.editable and f.name not in ("id", "page", "sort_order")
                    )
                    for row in rows
                ]
            else:
                value = sorted(row.pk for row in rows)
        elif hasattr(value, "pk"):
            value = value.pk
        elif hasattr(value, "name") and hasattr(value, "storage"):
            value = value.name  # an image
        found[name] = value
    return found


# The fields compared, of an event and of a sheet.


EVENT_FIELDS = [
    "title",
    "kind",
    "summary",
    "organisers",
    "start",
    "end",
    "time_zone",
    "rrule",
    "venue",
    "online_url",
    "region",
    "capacity",
    "registration_deadline",
    "audience",
    "description",
    "themes",
    "cancelled",
]


SHEET_FIELDS = [
    "title",
    "summary",
    "organisation",
    "sectors",
    "region",
    "organisation_size",
    "duration",
    "budget",
    "funding",
    "themes",
    "dim_infrastructure",
    "dim_organisation",
    "dim_processes",
    "dim_strategy",
    "why",
    "results",
    "social_impact",
    "difficulties",
    "tips",
    "phases",
    "sheet_tools",
    "keywords",
]
