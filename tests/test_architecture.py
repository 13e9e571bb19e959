"""The layering of ARCHITECTURE.md, enforced over the import graph, and what the everyday commands
import (the hot path's import list, not its time: speed is measured in bench/)."""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXTRACTED, REPO

SRC = REPO / "src" / "plantrack"

# Bottom to top, as drawn in ARCHITECTURE.md. A module may import its own package and the layers
# below its own, never one above. (A package missing here counts as an application layer just
# below `cli`: it may import everything under it, and only `cli` may import it.)
LAYERS: list[set[str]] = [
    {"plantrack", "lang", "errors", "kinds", "plain"},
    {"models", "records", "periods", "dates", "config", "messages", "fsguard", "textsafe"},
    {"fastplans", "fastconfig"},
    {"display", "workspace", "sources", "planfile"},
    {"extract"},
    {"tracking"},
    {"report"},
    {"demo"},
    {"cli"},
    {"__main__"},
]
APP_LEVEL = len(LAYERS) - 2.5


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "plantrack"


def _level(package: str) -> float:
    return next((i for i, layer in enumerate(LAYERS) if package in layer), APP_LEVEL)


def _is_module(name: str) -> bool:
    return (SRC / f"{name}.py").is_file() or (SRC / name).is_dir()


@functools.cache
def _trees() -> tuple[tuple[Path, ast.Module], ...]:
    """Every source file of the package with its syntax tree, parsed once for the tests here."""
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SRC.rglob("*.py")))


def _imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every plantrack import, also inside functions."""
    found = []
    for path, tree in _trees():
        module = "plantrack." + ".".join(path.relative_to(SRC).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "plantrack":
                names = [node.module]
                if node.module == "plantrack":  # from plantrack import demo (a module) or __version__
                    names = [f"plantrack.{a.name}" if _is_module(a.name) else "plantrack" for a in node.names]
                found.extend((module, n, node.lineno) for n in names)
            elif isinstance(node, ast.Import):
                found.extend(
                    (module, a.name, node.lineno) for a in node.names if a.name.startswith("plantrack")
                )
    return found


def test_imports_follow_the_layers() -> None:
    wrong = []
    for module, imported, line in _imports():
        here, there = _package(module), _package(imported)
        if here != there and _level(there) >= _level(here):
            wrong.append(f"{module}:{line} imports {imported} ({there} is not below {here})")
    assert not wrong, "\n".join(wrong)


def test_the_layers_are_those_of_architecture_md() -> None:
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for layer in LAYERS:
        for package in layer - {"plantrack", "__main__"}:
            assert f"`{package}" in text, f"{package} is not in ARCHITECTURE.md"


def test_library_never_touches_the_terminal() -> None:
    """Only cli/ prints or knows typer and rich."""
    for path, tree in _trees():
        if "cli" in path.relative_to(SRC).parts or path.name == "__main__.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    assert name.split(".")[0] not in ("typer", "rich", "click"), f"{path}:{node.lineno}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                raise AssertionError(f"{path}:{node.lineno} prints")


HEAVY = ["jieba", "opencc", "lxml", "pdfminer", "docx", "ruamel", "jinja2", "rich", "charset_normalizer"]

PROBE = """
import runpy, sys, json
sys.argv = ["plantrack", *json.loads(sys.argv[1])]
try:
    runpy.run_module("plantrack", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

# Everything of plantrack that `plantrack --help` imports: the help must not load the library.
HELP_MODULES = [
    "plantrack", "plantrack.cli", "plantrack.cli.app", "plantrack.cli.complete",
    "plantrack.cli.context", "plantrack.cli.everyday", "plantrack.cli.extract_cmd", "plantrack.cli.help", "plantrack.cli.init_cmd", "plantrack.cli.office_cmd",
    "plantrack.cli.options", "plantrack.cli.params", "plantrack.cli.report_cmd", "plantrack.cli.terminal", "plantrack.cli.text", "plantrack.cli.track_cmd",
    "plantrack.errors", "plantrack.plain",
]  # fmt: skip


def _modules(args: list[str], cwd: Path) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    return json.loads(proc.stderr.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from plantrack.workspace import init_workspace

    root = init_workspace(tmp_path_factory.mktemp("hot") / "ws").root
    shutil.copy(EXTRACTED / "jian-2017.yaml", root / "data" / "extracted" / "jian-2017.yaml")
    return root


# A help page the console script has shown once comes from the user's cache (cli/entry.py): no typer.
CACHED_HELP_MODULES = ["plantrack", "plantrack.cli", "plantrack.cli.entry", "plantrack.cli.terminal"]


@pytest.mark.parametrize(
    "args",
    [["--help"], pytest.param(["status", "--help"], marks=pytest.mark.slow)],
    ids=["help", "status-help"],
)
def test_help_imports_only_the_command_line(ws: Path, tmp_path: Path, args: list[str]) -> None:
    env = {"PLANTRACK_CACHE_DIR": str(tmp_path / "cache")}
    first, page = _run(args, ws, env)
    assert [m for m in first if m.split(".")[0] == "plantrack"] == sorted(
        [*HELP_MODULES, "plantrack.cli.entry"]
    )
    assert not [m for m in first if m.split(".")[0] in HEAVY]
    again, cached = _run(args, ws, env)
    assert [m for m in again if m.split(".")[0] == "plantrack"] == CACHED_HELP_MODULES
    assert not [m for m in again if m.split(".")[0] in ("typer", "click", "pydantic")]
    assert cached == page and "用法：plantrack" in page and "Usage:" not in page


def test_a_changed_command_line_is_a_new_help_page(ws: Path, tmp_path: Path) -> None:
    from plantrack.cli import entry

    cache = tmp_path / "cache"
    env = {"PLANTRACK_CACHE_DIR": str(cache)}
    _run(["--help"], ws, env)
    (only,) = cache.glob("help-*.json")
    only.write_text('{"--help": "stale"}', encoding="utf-8")
    assert _run(["--help"], ws, env)[1] == "stale"  # the cache is what it says: data, shown as it is
    only.write_text("[not json", encoding="utf-8")
    assert "用法：plantrack" in _run(["--help"], ws, env)[1]  # unreadable: typer writes the page again
    assert entry.CACHE_FORMAT >= 1


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[list[str], str]:
    import os

    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, **env},
    )  # fmt: skip
    return json.loads(proc.stderr.strip().splitlines()[-1]), proc.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "2017-09-30"],
        pytest.param(["status", "--agency", "人社局", "--as-of", "2017-09-30"], marks=pytest.mark.slow),
        pytest.param(["show", "jian", "1.1", "--as-of", "2017-09-30"], marks=pytest.mark.slow),
        pytest.param(
            ["record", "jian", "1.2", "--agency", "人社局", "--date", "2017-09-30", "--percent", "50"],
            marks=pytest.mark.slow,
        ),
    ],
    ids=["status", "status-agency", "show", "record"],
)
def test_everyday_commands_import_no_heavy_module(ws: Path, args: list[str]) -> None:
    _modules(args, ws)  # the first run reads the YAML and fills the cache
    modules = _modules(args, ws)
    heavy = [m for m in modules if m.split(".")[0] in [*HEAVY, "pydantic", "typer", "click", "yaml"]]
    assert not heavy, f"plantrack {' '.join(args)} imports {sorted({m.split('.')[0] for m in heavy})}"
    extra = sorted(m for m in modules if m.split(".")[0] == "plantrack" and m not in TRACK_MODULES)
    assert not extra, (
        f"plantrack {' '.join(args)} now imports {extra}: keep it off the hot path or add it here"
    )


def test_a_report_read_from_the_cache_builds_and_renders_nothing(ws: Path) -> None:
    """`plantrack report` over inputs that did not change reads the report kept in the workspace's
    cache (report/cache.py): neither the report builder nor its renderer nor Jinja2 nor pydantic."""
    args = ["report", "--quarter", "2017Q3", "-o", "-"]
    first = _modules(args, ws)
    assert "plantrack.report.build" in first and "jinja2" in first
    again = _modules(args, ws)
    loaded = [m for m in again if m.split(".")[0] in [*HEAVY, "pydantic"] or m in REPORT_BUILDING]
    assert not loaded, f"a cached report imports {loaded}"


REPORT_BUILDING = {"plantrack.report.build", "plantrack.report.render", "plantrack.report.context",
                   "plantrack.models", "plantrack.config"}  # fmt: skip


# Everything of plantrack that status, show and record may import: the console script's own parser
# (cli/fast.py, no typer), the tracking library under it and what that stands on (extract.numerals
# reads a task typed by its number, 五 or (五)): never extraction, sources, the report, the office
# files, the pydantic models or typer's command modules.
TRACK_MODULES = {
    "plantrack", "plantrack.cli", "plantrack.cli.cells", "plantrack.cli.context", "plantrack.cli.entry",
    "plantrack.cli.everyday", "plantrack.cli.fast", "plantrack.cli.output", "plantrack.cli.tables",
    "plantrack.cli.terminal", "plantrack.cli.text", "plantrack.dates", "plantrack.display", "plantrack.errors",
    "plantrack.extract", "plantrack.extract.numerals", "plantrack.fsguard", "plantrack.kinds", "plantrack.lang",
    "plantrack.lang.agency_abbrev", "plantrack.lang.comparators", "plantrack.lang.date_words",
    "plantrack.lang.roles", "plantrack.lang.status_words", "plantrack.lang.units", "plantrack.periods",
    "plantrack.plain", "plantrack.records", "plantrack.textsafe", "plantrack.tracking",
    "plantrack.tracking.agencies", "plantrack.tracking.journal", "plantrack.tracking.judge",
    "plantrack.tracking.kinds", "plantrack.tracking.ledger", "plantrack.tracking.plausible",
    "plantrack.tracking.quantity", "plantrack.tracking.records", "plantrack.tracking.resolve",
    "plantrack.tracking.rule", "plantrack.tracking.status", "plantrack.tracking.store", "plantrack.workspace",
}  # fmt: skip
