"""The only code that writes the community's data or broadcasts about it."""


class ServiceError(Exception):
    """A request that cannot be carried out; the message is shown to the person as is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
