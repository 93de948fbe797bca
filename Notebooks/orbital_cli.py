"""Helpers shared by the notebooks: run the `orbital` binary and read its JSON/CSV.

Every number a notebook shows comes from the command line tool; nothing is typed in. The binary
is `$ORBITAL` (default `.build/release/orbital` under the package root), run from the package
root so that shipped scenario names (`orbital-1gw-dawn-dusk`, `colossus-1`) resolve.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
from pathlib import Path

import sys

import matplotlib

# Headless when run as a script (figures are written to Notebooks/figures/); inside a Jupyter
# kernel (Notebooks/publish.py) the inline backend also draws them into the notebook.
if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")

try:
    HERE = Path(__file__).resolve().parent
except NameError:  # inside a Jupyter kernel started in Notebooks/
    HERE = Path.cwd()
ROOT = HERE.parent
FIGURES = HERE / "figures"
FIGURES.mkdir(exist_ok=True)


def binary() -> str:
    path = Path(os.environ.get("ORBITAL", ".build/release/orbital"))
    if not path.is_absolute():
        path = ROOT / path
    if not path.exists():
        raise SystemExit(f"orbital binary not found at {path}: build it (swift build -c release) or set $ORBITAL")
    return str(path)


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs `orbital ARGS…` from the package root and returns the completed process."""
    result = subprocess.run([binary(), *args], cwd=ROOT, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"orbital {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def run_json(*args: str):
    """`orbital ARGS… --format json`: the document's `result` (every document is an envelope
    `{tool, version, schema_version, verb, result}`; evaluate's result is always a list)."""
    document = json.loads(run(*args, "--format", "json").stdout)
    return document["result"]


def run_json_lines(*args: str) -> list:
    """A verb that streams JSON lines (one object per line)."""
    return [json.loads(line) for line in run(*args).stdout.splitlines() if line.strip()]


def run_csv(*args: str) -> list[dict]:
    """`orbital ARGS… --format csv` as a list of row dictionaries."""
    return list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))


def has_verb(verb: str) -> bool:
    """Whether this build of `orbital` has a subcommand (some land in later issues): the
    SUBCOMMANDS section of `orbital --help` lists it."""
    text = run("--help", check=False).stdout
    section = text.split("SUBCOMMANDS:", 1)[-1] if "SUBCOMMANDS:" in text else ""
    return any(line.split()[:1] == [verb] for line in section.splitlines())


def find(tree, key: str):
    """The first value of `key` anywhere in a JSON tree (depth first), as `ResultValue.find` does."""
    if isinstance(tree, dict):
        if key in tree:
            return tree[key]
        for value in tree.values():
            hit = find(value, key)
            if hit is not None:
                return hit
    elif isinstance(tree, list):
        for value in tree:
            hit = find(value, key)
            if hit is not None:
                return hit
    return None


def save(fig, name: str) -> Path:
    """Saves a figure as Notebooks/figures/NAME.png and returns the path."""
    path = FIGURES / f"{name}.png"
    fig.savefig(path, dpi=110, bbox_inches="tight")
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def human(x) -> str:
    """4 significant digits with thousands separators, like the CLI's tables."""
    if x is None:
        return "—"
    if x == 0:
        return "0"
    a = abs(x)
    if a >= 1e15 or a < 1e-4:
        return f"{x:.4g}"
    digits = max(0, 3 - math.floor(math.log10(a)))
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
