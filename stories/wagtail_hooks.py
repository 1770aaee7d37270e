from wagtail.snippets.models import register_snippet

from .models import StoryAuthor

register_snippet(StoryAuthor)
