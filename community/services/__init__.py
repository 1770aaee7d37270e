"""The only code that writes the community's data or broadcasts about it."""


class ServiceError(Exception):
    """A refusal the person can fix (already a member, registrations closed, a draft with
    missing parts…). Every service of every app raises this family and no other for such
    refusals; its messages are already in the person's language (gettext), and views show
    them as they are (`community.refusals.show_refusal`).

    `messages` lists what to fix, one per line (usually one); `message` is all of them in
    one sentence, for a flash message or a WebSocket frame."""

    def __init__(self, message, *, messages=None):
        self.messages = list(messages) if messages is not None else [message]
        super().__init__(message)
        self.message = message
