"""
Synthetic curated lists and theme intros over a synthetic catalogue
(catalogue.synthetic): about one list per hundred films, each with a dozen or
so entries, a blurb each, sometimes a featured fact of the film's own trivia.
"""

import datetime
from collections import defaultdict

from taggit.models import Tag

from catalogue.synthetic import words
from catalogue.synthetic.films import BATCH_SIZE, PUBLISHED_FROM, UniqueSlugs, paragraph, pick, sentence

from .models import CuratedList, ListEntry, TaggedList, Theme


class ListGenerator:
    def __init__(self, rng, films, trivia):
        self.rng = rng
        self.films = films
        self.rows = {}  # model -> rows written
        self.trivia_of = defaultdict(list)
        for item in trivia:
            self.trivia_of[item.film_id].append(item)

    def generate(self, count):
        rng, unique = self.rng, UniqueSlugs(CuratedList)
        tags = list(Tag.objects.filter(name__in=words.TAGS))
        lists = []
        for number in range(count):
            (adjective, _), (noun, _) = pick(rng, words.ADJECTIVES), pick(rng, words.NOUNS)
            place, _ = pick(rng, words.PLACES)
            title = f"{adjective} {noun}s of {place}"
            lists.append(
                CuratedList(
                    title=title,
                    slug=unique(title),
                    intro="\n\n".join(paragraph(rng, 2) for _ in range(rng.randint(1, 3))),
                    closing_text=paragraph(rng, 1) if rng.random() < 0.3 else "",
                    published_at=PUBLISHED_FROM + datetime.timedelta(hours=number),
                )
            )
        CuratedList.objects.bulk_create(lists, batch_size=BATCH_SIZE)
        entries, taggings = [], []
        for curated_list in lists:
            films = rng.sample(self.films, min(len(self.films), rng.randint(5, 25)))
            for position, film in enumerate(films, start=1):
                facts = self.trivia_of[film.pk]
                fact = rng.choice(facts) if facts and rng.random() < 0.3 else None
                entries.append(
                    ListEntry(
                        curated_list=curated_list, film=film, blurb=sentence(rng), featured_fact=fact, position=position
                    )
                )
            taggings += [
                TaggedList(content_object=curated_list, tag=tag) for tag in rng.sample(tags, rng.randint(1, 3))
            ]
        ListEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
        TaggedList.objects.bulk_create(taggings, batch_size=BATCH_SIZE)
        self.rows.update({CuratedList: lists, ListEntry: entries, TaggedList: taggings})
        return lists

    def add_theme_intros(self):
        """An intro for each generated tag that has none, published."""
        tags = Tag.objects.filter(name__in=words.TAGS, theme__isnull=True).order_by("name")
        themes = [
            Theme(
                tag=tag,
                intro=paragraph(self.rng, 3),
                share_description=sentence(self.rng)[:200],
                published_at=PUBLISHED_FROM,
            )
            for tag in tags
        ]
        self.rows[Theme] = Theme.objects.bulk_create(themes)
        return themes
