"""The network of the benchmark's data (bench/data.py): organisations, people and their
memberships, federations' affiliations. Steps of `bench.generator.Generator`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import accumulate

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from community.models import Affiliation, Membership, Organisation, User, fold

from . import vocabulary as words
from .bulk import BATCH, Slugs, dates_as_given, m2m_rows, slug_of

PASSWORD = "relais-banc-2026"  # every person's


class Network:
    """Mixed into the `Generator`, whose `rng`, `scale`, `now`, `ago`, `between` and the
    skeleton's `regions`, `sectors` and `themes` these steps use. They leave for the next
    ones `orgs`, `federations`, `org_sectors` (org pk → sector pks), `users`, `user_pks`,
    `members` and `admins` (org pk → active member, admin user pks) and `affiliated`
    (federation pk → member organisation pks)."""

    def _org_name(self, kind: str) -> str:
        choice = self.rng.choice
        if kind == Organisation.Kind.FEDERATION:
            parts = [words.FEDERATION_PREFIXES, words.FEDERATION_SCOPES, words.FEDERATION_AREAS]
        elif kind == Organisation.Kind.SUPPORT:
            parts = [words.SUPPORT_PREFIXES, words.ORG_ACTIVITIES, words.LANDSCAPES]
        else:
            parts = [words.ORG_PREFIXES, words.ORG_ACTIVITIES, words.LANDSCAPES]
        return " ".join(choice(part) for part in parts)

    def organisations(self):
        rng, scale = self.rng, self.scale
        supports = max(1, scale.organisations // 20)
        region_slugs = list(words.REGION_WEIGHTS)
        region_weights = list(words.REGION_WEIGHTS.values())
        names: set[str] = set()
        slugs = Slugs(reserved={"creer"}, length=150)
        size_values = [value for value, _label in Organisation.Size.choices]
        legal_forms = [value for value, _label in Organisation.LegalForm.choices]
        organisations = []
        for n in range(scale.organisations):
            if n < scale.federations:
                kind = Organisation.Kind.FEDERATION
            elif n < scale.federations + supports:
                kind = Organisation.Kind.SUPPORT
            else:
                kind = Organisation.Kind.EES
            name = self._org_name(kind)
            while name in names:
                name = self._org_name(kind)
            names.add(name)
            region = rng.choices(region_slugs, region_weights)[0]
            city = rng.choice(words.TOWNS[region])
            slug = slugs(name, "organisation")
            description = " ".join(
                sentence.format(name=name, city=city)
                for sentence in rng.sample(words.ORG_DESCRIPTIONS, rng.randint(2, 3))
            )
            created = self.ago(rng.uniform(400, 5 * 365))
            organisations.append(
                Organisation(
                    name=name,
                    slug=slug,
                    kind=kind,
                    legal_form=(
                        Organisation.LegalForm.ASSOCIATION
                        if kind == Organisation.Kind.FEDERATION
                        else rng.choices(legal_forms, [50, 25, 10, 5, 3, 7])[0]
                    ),
                    region=self.regions[region],
                    city=city,
                    staff_size=rng.choices(size_values, [15, 45, 25, 12, 3])[0],
                    volunteers=rng.choice([None, 0, 3, 8, 15, 40, 120]),
                    website=f"https://{slug}.example",
                    description=description,
                    contact_email=f"contact@{slug}.example",
                    contact_phone=f"+32 {rng.randint(10, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                    created_at=created,
                    updated_at=self.between(created, self.now),
                    # As Organisation.save computes it.
                    search_text=fold(" ".join([name, city, description])),
                )
            )
        with dates_as_given(Organisation):
            self.orgs = Organisation.objects.bulk_create(organisations, batch_size=BATCH)
        self.federations = [o for o in self.orgs if o.kind == Organisation.Kind.FEDERATION]
        self.org_sectors = {
            org.pk: [s.pk for s in rng.sample(self.sectors, rng.randint(1, 3))] for org in self.orgs
        }
        m2m_rows(
            Organisation,
            "sectors",
            [(org, sector) for org, sectors in self.org_sectors.items() for sector in sectors],
        )

    def people(self):
        """People, each in one organisation (the first one of each is its admin), some in
        a second one, a few with a request waiting; verified addresses, interests."""
        rng, scale = self.rng, self.scale
        orgs = self.orgs
        # Organisation sizes are skewed: a few large ones, many small ones.
        weights = [
            rng.paretovariate(1.3) * (3 if o.kind == Organisation.Kind.FEDERATION else 1)
            for o in orgs
        ]
        cumulative = list(accumulate(weights))
        if scale.people < len(orgs):
            raise ValueError("every organisation needs a person (its first admin)")
        primary = list(range(len(orgs)))
        primary += rng.choices(range(len(orgs)), cum_weights=cumulative, k=scale.people - len(orgs))
        password = make_password(PASSWORD)
        emails: set[str] = set()
        users = []
        for n, index in enumerate(primary):
            org = orgs[index]
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            local = f"{slug_of(first, 40)}.{slug_of(last, 40)}".replace("-", "")
            email, k = f"{local}@{org.slug}.example", 2
            while email in emails:
                email, k = f"{local}{k}@{org.slug}.example", k + 1
            emails.add(email)
            region = next(slug for slug, r in self.regions.items() if r.pk == org.region_id)
            language = rng.choices(["fr", "nl", "en"], [90, 5, 5])[0]
            users.append(
                User(
                    email=email,
                    password=password,
                    first_name=first,
                    last_name=last,
                    display_name=f"{first} {last}",
                    bio=rng.choice(words.BIOS) if rng.random() < 0.3 else "",
                    preferred_language=language,
                    time_zone=words.TIME_ZONES.get(region, words.DEFAULT_TIME_ZONE),
                    is_active=True,
                    date_joined=self.between(org.created_at, self.ago(n % 30)),
                )
            )
        self.users = User.objects.bulk_create(users, batch_size=BATCH)
        self.user_pks = [user.pk for user in self.users]
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in self.users],
            batch_size=BATCH,
        )
        m2m_rows(
            User,
            "interests",
            [
                (user.pk, theme.pk)
                for user in self.users
                if rng.random() < 0.5
                for theme in rng.sample(self.themes, rng.randint(1, 3))
            ],
        )

        # Memberships: (user index, org index, role, status).
        self.members = defaultdict(list)  # org pk → active member user pks
        self.admins = defaultdict(list)  # org pk → admin user pks
        memberships = []
        taken = set()

        def join(user, org, role, status, message=""):
            taken.add((user.pk, org.pk))
            created = self.between(max(user.date_joined, org.created_at), self.now)
            first_admin = self.admins[org.pk][0] if self.admins[org.pk] else None
            active = status == Membership.Status.ACTIVE
            memberships.append(
                Membership(
                    user=user,
                    organisation=org,
                    role=role,
                    status=status,
                    message=message,
                    created_at=created,
                    decided_at=self.between(created, created + dt.timedelta(days=3))
                    if active
                    else None,
                    decided_by_id=first_admin if active and first_admin != user.pk else None,
                )
            )
            if active:
                self.members[org.pk].append(user.pk)
                if role == Membership.Role.ADMIN:
                    self.admins[org.pk].append(user.pk)

        for user, index in zip(self.users, primary, strict=True):
            org = orgs[index]
            admin = not self.admins[org.pk] or rng.random() < 0.08
            role = Membership.Role.ADMIN if admin else Membership.Role.MEMBER
            join(user, org, role, Membership.Status.ACTIVE)
        for user in self.users:
            draw = rng.random()
            if draw < 0.12:
                org = orgs[rng.choices(range(len(orgs)), cum_weights=cumulative)[0]]
                status = Membership.Status.ACTIVE if draw < 0.10 else Membership.Status.PENDING
                if (user.pk, org.pk) not in taken:
                    message = (
                        ""
                        if status == Membership.Status.ACTIVE
                        else "J'aimerais rejoindre l'équipe."
                    )
                    join(user, org, Membership.Role.MEMBER, status, message)
        with dates_as_given(Membership):
            Membership.objects.bulk_create(memberships, batch_size=BATCH)

    def affiliations(self):
        rng = self.rng
        rows = []
        for org in self.orgs:
            if org.kind == Organisation.Kind.FEDERATION or not self.federations:
                continue
            draw = rng.random()
            count = 2 if draw < 0.15 else 1 if draw < 0.80 else 0
            for federation in rng.sample(self.federations, min(count, len(self.federations))):
                active = rng.random() < 0.93
                created = self.between(max(org.created_at, federation.created_at), self.now)
                rows.append(
                    Affiliation(
                        organisation=org,
                        federation=federation,
                        status=Affiliation.Status.ACTIVE if active else Affiliation.Status.PENDING,
                        requested_by_id=self.admins[org.pk][0],
                        created_at=created,
                        decided_at=self.between(created, created + dt.timedelta(days=5))
                        if active
                        else None,
                    )
                )
        with dates_as_given(Affiliation):
            self.affiliation_list = Affiliation.objects.bulk_create(rows, batch_size=BATCH)
        self.affiliated = defaultdict(list)  # federation pk → member organisation pks
        for row in self.affiliation_list:
            if row.status == Affiliation.Status.ACTIVE:
                self.affiliated[row.federation_id].append(row.organisation_id)
