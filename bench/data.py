"""A fast, bulk generator of an invented French-speaking social-economy network, for the
performance benchmark. The code is in `bench/generator.py` (and the modules it names), the
words it draws in `bench/vocabulary.yaml`; this module is its command line.

    DJANGO_SETTINGS_MODULE=website.settings.production SECRET_KEY=x \\
    ALLOWED_HOSTS=127.0.0.1 SITE_URL=http://127.0.0.1:8100 EMAIL_URL=dummymail:// \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> REDIS_URL=redis://127.0.0.1:6379/15 \\
    .venv/bin/python -m bench.data --scale quick|full   (or tiny)

(The production settings require `EMAIL_URL`; add `SECURE_SSL_REDIRECT=0` to serve the
site afterwards over plain HTTP.) PostgreSQL only. The database must be migrated and
hold no Relais content yet. Everything is written in
one transaction, then `ANALYZE` gives the planner statistics. The run is deterministic
(`random.Random(2026)`) but for the dates, which are counted from now. The names of a
few sample objects for the benchmark (a sheet, an event, an organisation, a programme and
the region of the programme list's filter, the newest story and the theme of the stories
list's filter, the big room, a member's email and the common password) go to
`bench/.data.json`.

How it is fast: rows are written with `bulk_create` in batches, never through the
services. Pages are written without revisions as Wagtail serves a live page: the base
`wagtailcore_page` row (treebeard `path`/`depth`/`numchild` computed here, `url_path`,
`content_type`, default `locale`, `draft_title`, `live`, `first/last_published_at`), then
the specific table's row; the parent's `numchild` is updated once. Only the skeleton (home
page, standard pages, /pratiques/, /agenda/, /soutiens/, /recits/, taxonomies, default
Site, menu and footer) goes through the demo seeder's own steps
(`website.demo.seeder.Seeder`), a dozen pages. The password is hashed once; every person
has it and a verified primary address.

What the listings search is filled in as the models compute it:
- the directory (/organisations/?q=) reads `Organisation.search_text`;
- the library (/pratiques/?q=) goes through Wagtail's search index (`IndexEntry`, the
  PostgreSQL database backend): sheets, events, organisations, tools, support
  programmes and stories are indexed in bulk by `bench/indexing.py` (the backend's own
  texts and weights, one INSERT per batch), each sheet's `search_document` computed once
  from the parts held in memory; the skeleton's pages are indexed at once (immediate task backend
  for that step);
- `EventPage.search_text` is set as `EventPage.save` sets it (the calendar has no text
  search today).
tests/bench/test_data.py checks the documents and the index rows against the model's
method and the backend's `add`.

Rooms: `Scale.rooms` rooms hold the messages (theme rooms, the big one first, a handful
of sheet and event rooms, organisations' and direct rooms), with read markers; every
other sheet and event gets its empty room, as its publication opens one (otherwise the
first view of the page would create it, a write in a read benchmark).

Support programmes (/soutiens/, `bench/support.py`): `Scale.programmes` of them (300 at
full scale, 12 quick), of every kind, some for all regions and legal forms and others
restricted, a quarter open all year, most calls open (some closing within a month), some
not yet open and some closed; members who follow them; one sheet in twenty names the
funding programme that paid for it.

Editors' stories (/recits/, `bench/stories.py`): `Scale.stories` of them (500 at full
scale, 10 quick), each about an organisation (its region, one of its sectors), one to three
themes, a body of 6 to 12 blocks (headings h2-h4 in order, paragraphs, quotes, key figures,
cards of a sheet or programme), one of five editors as author and often someone of the
organisation; a third name the programmes that supported them, a few chosen related stories
and sheets.

Not written (not needed to serve the pages): revisions and log entries of the bulk
pages, Wagtail's reference index for them (the admin's "usage" counts), mentions,
reports, sanctions, notifications, sheet drafts, reminders, images and documents (no
logos, avatars or media).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import django

SAMPLES_PATH = Path(__file__).resolve().parent / ".data.json"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Fill an empty, migrated Relais database.")
    parser.add_argument("--scale", choices=["full", "quick", "tiny"], default="quick")
    parser.add_argument(
        "--no-analyze", action="store_true", help="skip ANALYZE at the end (statistics)"
    )
    args = parser.parse_args(argv)
    django.setup()
    from bench.generator import generate  # noqa: PLC0415 - models need django.setup() first

    print(f"Generating the {args.scale} network…", flush=True)
    generator, samples = generate(
        args.scale, samples_path=SAMPLES_PATH, analyze=not args.no_analyze
    )
    print(f"Done in {generator.elapsed:.1f} s.")
    for name, count in generator.counts().items():
        print(f"  {name}: {count:,}".replace(",", " "))
    print(f"Samples in {SAMPLES_PATH}:")
    print(json.dumps(samples, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
