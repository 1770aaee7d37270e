"""The only code that writes practice sheets, drafts and reactions."""

from community.services import ServiceError

__all__ = ["ServiceError"]
