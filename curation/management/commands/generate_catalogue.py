import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalogue.synthetic import FilmGenerator
from core.signals import announce_bulk_write
from curation.synthetic import ListGenerator


class Command(BaseCommand):
    help = (
        "Add a synthetic catalogue for benchmarks and scale tests: films with credits, characters, trivia, "
        "quotes, scenes, awards, connections, tags and studios, people, curated lists and theme intros, all "
        "published. The same --seed on the same catalogue gives the same content. Existing rows are kept; "
        "taken slugs are stepped around."
    )

    def add_arguments(self, parser):
        parser.add_argument("--films", type=int, default=1000, help="How many films (default 1000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed, the same catalogue.")
        parser.add_argument(
            "--lists", type=int, help="How many curated lists (default: one per 100 films, at least 1)."
        )

    def handle(self, *args, films, seed, lists, verbosity, **options):
        if films < 1:
            raise CommandError("--films must be at least 1.")
        started = time.perf_counter()
        rng = random.Random(seed)
        with transaction.atomic():
            generator = FilmGenerator(rng, films)
            made = generator.generate()
            curation = ListGenerator(rng, made, generator.trivia)
            curated_lists = curation.generate(lists if lists is not None else max(1, films // 100))
            themes = curation.add_theme_intros()
            written = {model: [row.pk for row in rows] for model, rows in {**generator.rows, **curation.rows}.items()}
            announce_bulk_write("generate_catalogue", written)
        if verbosity:
            rows = sum(len(pks) for pks in written.values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {films} films, {len(curated_lists)} lists and {len(themes)} theme intros "
                    f"({rows} rows) in {time.perf_counter() - started:.1f} s."
                )
            )
