"""The house in layers: each package imports only itself and the ones below it, no module imports one that
imports it back, and the packages below the shell never load Streamlit. The test walks the real packages."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# lowest first: a package may import the ones before it, never one after it
LAYERS = ("etl", "presentation", "briefing", "shell", "app_pages")
STREAMLIT_FREE = ("etl", "presentation", "briefing")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    found = {"dashboard": ROOT / "dashboard.py"}
    for package in LAYERS:
        for path in (ROOT / package).rglob("*.py"):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _imports(path: Path, package: str = "") -> set[str]:
    """Every module `path` imports, at its top or inside a function (a lazy import is an import); a
    relative import is resolved against `package`, the dotted package the file is in."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
                module = ".".join([*base, module] if module else base)
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _ours(name: str) -> str | None:
    """The module of this project `name` is, or is in (a name imported from it)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


GRAPH = {
    module: {
        ours for name in _imports(path, _package(module, path)) if (ours := _ours(name)) and ours != module
    }
    for module, path in MODULES.items()
}


def _layer(module: str) -> int:
    top = module.split(".")[0]
    return len(LAYERS) if top == "dashboard" else LAYERS.index(top)


def test_every_package_is_walked():
    # a new package must be given its place among the layers, or this test would not see it
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "benchmarks"}
    assert packages <= set(LAYERS)
    assert "presentation.cards" in MODULES and "shell.data" in MODULES
    assert "shell.tables" in GRAPH["shell.components"]  # lazy imports inside functions are seen too


def test_no_import_runs_from_a_lower_layer_to_a_higher_one():
    upward = sorted(
        (module, imported)
        for module, imported_modules in GRAPH.items()
        for imported in imported_modules
        if _layer(imported) > _layer(module)
    )
    assert upward == []


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle a depth-first walk meets: a module imported again while it is on the walk's own path."""
    found: list[list[str]] = []
    done: set[str] = set()

    def walk(module: str, path: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in path:
                found.append(path[path.index(imported) :] + [imported])
            elif imported not in done:
                walk(imported, [*path, imported])
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            walk(module, [module])
    return found


def test_no_module_imports_one_that_imports_it_back():
    assert circles(GRAPH) == []


def test_a_circle_is_found():
    # the shape the structure review found: components and tables each importing the other
    graph = {"shell.components": {"shell.tables"}, "shell.tables": {"shell.access", "shell.components"}}
    assert circles(graph) == [["shell.components", "shell.tables", "shell.components"]]


@pytest.mark.parametrize("package", STREAMLIT_FREE)
def test_no_module_below_the_shell_names_streamlit_even_inside_a_function(package):
    named = sorted(
        module
        for module, path in MODULES.items()
        if module.split(".")[0] == package
        and any(name == "streamlit" or name.startswith("streamlit.") for name in _imports(path))
    )
    assert named == []


@pytest.mark.parametrize("package", STREAMLIT_FREE)
def test_the_packages_below_the_shell_never_load_streamlit(package):
    # not only their own import lines: importing every module must not pull Streamlit in through another
    modules = sorted(m for m in MODULES if m.split(".")[0] == package and not m.endswith("__main__"))
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += "loaded = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')]\n"
    code += "assert not loaded, loaded[:5]\n"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_a_lower_module_reaching_up_is_caught(tmp_path):
    # the walk itself can fail: an etl module importing the shell is an upward import
    path = tmp_path / "upward.py"
    path.write_text("def later():\n    from shell import data\n    import streamlit\n", encoding="utf-8")
    assert {_ours(name) for name in _imports(path)} == {"shell", "shell.data", None}
    assert "streamlit" in _imports(path)
    assert _layer("shell.data") > _layer("etl.loader")
    # a relative import is seen as the module it names
    path.write_text("from .. import cards\nfrom .base import layout\n", encoding="utf-8")
    found = {_ours(name) for name in _imports(path, "presentation.charts")}
    assert {"presentation.cards", "presentation.charts.base"} <= found
