from django.core.management.base import BaseCommand

from diagnostic.loading import load_questionnaire


class Command(BaseCommand):
    help = "Load the diagnostic's first questionnaire (diagnostic/questionnaire.yaml), once."

    def handle(self, *args, **options):
        questionnaire = load_questionnaire()
        if questionnaire is None:
            self.stdout.write("A questionnaire exists already: nothing loaded.")
        else:
            count = questionnaire.questions.count()
            self.stdout.write(f"Loaded {questionnaire} with {count} questions.")
