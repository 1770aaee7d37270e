"""The shape of the house (docs/architecture.md, "Layers"): small modules (the apps',
bench/'s, the scripts' and the tests'), apps that depend one way, and no import cycle.

These tests read the source with `ast`; they import nothing of the project. Each failure
names the module and the import to change.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500

# The apps, lowest first: an app may import the apps before it, never one after it.
# practices and events are peers: neither imports the other.
APP_LEVEL = {
    "community": 0,
    "rooms": 1,
    "programmes": 1,
    "practices": 2,
    "events": 2,
    "stories": 3,
    "diagnostic": 3,
    "intervisions": 3,
    "search": 4,
    "website": 5,
}

# The project's tools beside the apps: outside their layering, only their size is checked.
TOOLS = ["bench"]

# Inside an app, three tiers. The core (models, services, forms, listings, the pages'
# route mixins…) never imports a template tag or an entry point; template tags never
# import an entry point. Entry points are what Django or Channels call from outside.
ENTRY_POINTS = {
    "views",
    "urls",
    "consumers",
    "routing",
    "feeds",
    "admin",
    "apps",
    "wagtail_hooks",
    "signals",
    "asgi",
    "wsgi",
    "launcher",
    "management",
    "demo",
    "settings",
}
TEMPLATE_TAGS = {"templatetags"}

# Where a function may import: when Django has loaded every app (AppConfig.ready), and in a
# Wagtail page's entry points (its context, and every method of its route mixins, the
# `community.pages.RoutablePage` subclasses), which call the services and listings that
# themselves read the page models.
ENTRY_METHODS = {"ready", "get_context", "serve"}
ROUTE_DECORATORS = {"path", "re_path", "route"}
ROUTE_MIXIN_BASES = {"RoutablePage", "RoutablePageMixin"}


def tier(module: str) -> int:
    parts = set(module.split(".")[1:])
    if parts & ENTRY_POINTS:
        return 2
    if parts & TEMPLATE_TAGS:
        return 1
    return 0


@dataclass
class Module:
    name: str
    path: Path
    lines: int
    at_import: set[str] = field(default_factory=set)
    # (imported module, enclosing function, is that function an entry point)
    deferred: list[tuple[str, str, bool]] = field(default_factory=list)


def _project_modules(folders=APP_LEVEL) -> dict[str, Path]:
    modules = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            modules[dotted.removesuffix(".__init__")] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_entry_method(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    if function.name in ENTRY_METHODS:
        return True
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name in ROUTE_DECORATORS:
            return True
    return False


class _Imports(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, known: set[str]):
        self.package = module if is_package else module.rpartition(".")[0]
        self.known = known
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.in_route_mixin = 0
        self.at_import: set[str] = set()
        self.deferred: list[tuple[str, str, bool]] = []

    def _project_module(self, dotted: str) -> str | None:
        while dotted and dotted not in self.known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    def _targets(self, node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                parts = self.package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names = [f"{base}.{alias.name}" for alias in node.names]
        return [found for name in names if (found := self._project_module(name))]

    def _record(self, node: ast.Import | ast.ImportFrom) -> None:
        for target in self._targets(node):
            if not self.functions:
                self.at_import.add(target)
            else:
                inner = self.functions[-1]
                outer = self.functions[0]
                entry = (
                    bool(self.in_route_mixin) or _is_entry_method(inner) or _is_entry_method(outer)
                )
                self.deferred.append((target, inner.name, entry))

    visit_Import = _record
    visit_ImportFrom = _record

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node):  # for the type checker only: nothing runs
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
        mixin = bool(bases & ROUTE_MIXIN_BASES)
        self.in_route_mixin += mixin
        self.generic_visit(node)
        self.in_route_mixin -= mixin

    def _function(self, node):
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function


def _read() -> dict[str, Module]:
    paths = _project_modules()
    known = set(paths)
    modules = {}
    for name, path in paths.items():
        source = path.read_text()
        visitor = _Imports(name, path.name == "__init__.py", known)
        visitor.visit(ast.parse(source))
        imports = {t for t in visitor.at_import if t != name and not name.startswith(f"{t}.")}
        deferred = [d for d in visitor.deferred if d[0] != name]
        modules[name] = Module(name, path, len(source.splitlines()), imports, deferred)
    return modules


MODULES = _read()
TOOL_LINES = {
    name: len(path.read_text().splitlines()) for name, path in _project_modules(TOOLS).items()
}
# The site's own scripts (the room client's ES modules, the classic scripts beside them).
SCRIPT_LINES = {
    str(path.relative_to(ROOT)): len(path.read_text().splitlines())
    for path in sorted((ROOT / "static" / "js").rglob("*.js"))
}
# The tests are the project's code too: its Python modules and the scripts' unit tests.
TEST_LINES = {
    str(path.relative_to(ROOT)): len(path.read_text().splitlines())
    for pattern in ("*.py", "*.mjs")
    for path in sorted((ROOT / "tests").rglob(pattern))
}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_reader_sees_the_project():
    """The checks below read every app: a sanity check on what they read."""
    assert {"community.models", "rooms.services.posting", "practices.routes"} <= set(MODULES)
    assert "community.models" in MODULES["community.access"].at_import
    assert "migrations" not in " ".join(MODULES)


def test_no_module_over_500_lines():
    """The apps' modules, the tools' (bench/), the site's scripts (static/js/) and the tests
    (tests/): this rule alone reads the tools, the scripts and the tests, which stand
    outside the apps' layering (the tests below)."""
    assert "bench.generator" in TOOL_LINES
    assert "static/js/rooms/session.js" in SCRIPT_LINES
    assert {"tests/test_architecture.py", "tests/js/session.test.mjs"} <= set(TEST_LINES)
    lines = {m.name: m.lines for m in MODULES.values()} | TOOL_LINES | SCRIPT_LINES | TEST_LINES
    long = {name: count for name, count in lines.items() if count > MAX_LINES}
    assert long == {}


@pytest.mark.parametrize("when", ["at import", "in a function"])
def test_apps_import_only_the_apps_below_them(when):
    upward = set()
    for module in MODULES.values():
        targets = module.at_import if when == "at import" else {d[0] for d in module.deferred}
        for target in targets:
            app, other = module.name.split(".")[0], target.split(".")[0]
            if app != other and APP_LEVEL[other] >= APP_LEVEL[app]:
                upward.add(f"{module.name} -> {target}")
    assert upward == set()


def test_the_core_imports_no_template_tag_nor_entry_point():
    upward = set()
    for module in MODULES.values():
        targets = module.at_import | {d[0] for d in module.deferred}
        upward |= {f"{module.name} -> {t}" for t in targets if tier(t) > tier(module.name)}
    assert upward == set()


def test_no_import_cycle():
    """Counting the imports functions make when they run, except AppConfig.ready's (every app
    is loaded by then) and the pages' entry points' (below)."""
    graph = {
        m.name: m.at_import | {target for target, _, entry in m.deferred if not entry}
        for m in MODULES.values()
    }
    assert _cycles(graph) == []


def test_functions_import_only_in_entry_points():
    """A function-level import hides a dependency: only a page's context and routes (which
    call the services that read the page models) and AppConfig.ready may make one."""
    hidden = {
        f"{m.name}.{function} -> {target}"
        for m in MODULES.values()
        for target, function, entry in m.deferred
        if not entry
    }
    assert hidden == set()


def test_the_pages_entry_points_reach_only_their_own_app_and_below():
    reaching = {
        f"{m.name}.{function} -> {target}"
        for m in MODULES.values()
        for target, function, entry in m.deferred
        if entry
        and not m.name.endswith(".apps")
        and APP_LEVEL[target.split(".")[0]] > APP_LEVEL[m.name.split(".")[0]]
    }
    assert reaching == set()
