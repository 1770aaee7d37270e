"""Rows built once and shared by the tests of a module, as Django's `setUpTestData` does.

Building a Wagtail page tree (a home page, an index, a few published sheets) costs far more
than the request a test then makes. `built_once_per_module(build)` turns `build()` (a plain
function that writes rows and returns what the tests need) into a module-scoped fixture:

    _library = built_once_per_module(build_library)

    @pytest.fixture
    def library(_library):
        return _library.copy()

`build()` runs once, when the module's first test that needs it starts, inside a transaction
that stays open until the module's last test has run and is then rolled back: nothing is
ever committed. Every test still runs in its own savepoint inside that transaction (pytest-
django's `db`), rolled back at its end, so a test that changes or deletes the shared rows
leaves them as they were for the next one. `.copy()` hands each test a deep copy of the
Python objects too (as `setUpTestData` does), so an attribute a test sets on an instance
does not leak either.

`built_once_per_class(build)` does the same for the tests of one class, when only some
tests of a module share the rows.

`params=[...]` makes the fixture parametrized (as `pytest.fixture(params=...)`): `build`
is then called with each value, and the tests that ask for the fixture run once per value,
those of one value together on rows built once for them, rolled back before the next value
is built. For a test that must compare two sizes of the same population, say.

The rows stay until the end of the module (or class): every later test there sees them.
tests/conftest.py therefore fails a test that runs while shared rows it did not ask for are
there (put such tests in another module), and a transactional test (`transactional_db`,
`live_server`) inside the open transaction (its server could not see the rows).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from django.db import transaction

# The names of the shared fixtures whose transaction is open now, outermost first.
OPEN: list[str] = []


class Shared:
    """What `build()` returned; `.copy()` gives a test its own deep copy."""

    def __init__(self, value: Any):
        self.value = value

    def copy(self) -> Any:
        return copy.deepcopy(self.value)


def built_once_per_module(build: Callable[..., Any], params: Sequence[Any] | None = None):
    """A module-scoped fixture giving `Shared(build())`, built in a transaction rolled back
    after the module's last test (see the module's docstring)."""
    return _built_once(build, "module", params)


def built_once_per_class(build: Callable[..., Any], params: Sequence[Any] | None = None):
    """The same for the tests of one class: rolled back after the class's last test, so the
    module's other tests never see the rows."""
    return _built_once(build, "class", params)


def _built_once(build: Callable[..., Any], scope: str, params: Sequence[Any] | None):
    @pytest.fixture(scope=scope, params=params)
    def fixture(request, django_db_setup, django_db_blocker) -> Iterator[Shared]:
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            # As Django's TestCase marks its own blocks: a durable block inside (a service's
            # `atomic(durable=True)`) behaves as it does in a test.
            atomic._from_testcase = True
            atomic.__enter__()
            try:
                value = build() if params is None else build(request.param)
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        OPEN.append(request.fixturename)
        try:
            yield Shared(value)
        finally:
            OPEN.remove(request.fixturename)
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    return fixture
