"""Shared helpers of the fuzzing and file-safety harnesses (issue 15).

The oracle every case must satisfy: the process exits 0 (success: any JSON it prints parses and
holds only finite numbers) or 2 (failure: exactly one line on stderr, starting "orbital: error: ",
with no NaN/inf in it), within a time bound. Anything else — a signal, another status, a
timeout, a multi-line error — is a finding.
"""
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FUZZ = os.path.join(ROOT, "Tests", "Fuzz")
BINARY = os.environ.get("ORBITAL", os.path.join(ROOT, ".build", "release", "orbital"))
NON_FINITE = re.compile(r"(?<![A-Za-z_])(-?inf|NaN|nan|Infinity)(?![A-Za-z_])")


def run(args, timeout=20, stdin=None, cwd=None):
    """Runs the binary; returns (status, stdout, stderr, timed_out). status < 0 is a signal."""
    try:
        p = subprocess.run([BINARY] + args, capture_output=True, timeout=timeout, cwd=cwd or ROOT,
                           stdin=subprocess.DEVNULL if stdin is None else stdin)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), False
    except subprocess.TimeoutExpired as e:
        return None, (e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace"), True


def finite_json(text):
    """True when text is JSON (or JSON lines) whose numbers are all finite."""
    def check(value):
        if isinstance(value, float):
            return math.isfinite(value)
        if isinstance(value, dict):
            return all(check(v) for v in value.values())
        if isinstance(value, list):
            return all(check(v) for v in value)
        return True
    try:
        return check(json.loads(text, parse_constant=lambda c: float("nan")))
    except ValueError:
        try:
            return all(check(json.loads(line, parse_constant=lambda c: float("nan"))) for line in text.splitlines() if line.strip())
        except ValueError:
            return False


def verdict(status, out, err, timed_out, json_out=False):
    """None when the run satisfies the oracle, else a short reason."""
    if timed_out:
        return "timeout"
    if status is None or status < 0:
        return f"signal {-status if status is not None else '?'}"
    if status == 0:
        if json_out and out.strip() and not finite_json(out):
            return "non-finite or malformed JSON on success"
        return None
    if status == 2:
        lines = err.rstrip("\n").split("\n")
        if len(lines) != 1 or not lines[0].startswith("orbital: error: "):
            return f"error not one line ({len(lines)} lines)"
        # A value the user typed is quoted back ('inf'); the tool's own numbers must be finite.
        unquoted = re.sub(r"'[^']*'", "''", lines[0])
        if NON_FINITE.search(unquoted.split(": ", 2)[-1]):
            return "error shows a non-finite number"
        return None
    return f"exit status {status}"


def explain():
    """Every parameter as explain --format json reports it."""
    status, out, err, _ = run(["explain", "--format", "json"])
    assert status == 0, err
    document = json.loads(out)
    # JSON may come in a versioned envelope ({"tool", "version", …, "result": …}).
    return document["result"] if isinstance(document, dict) and "result" in document else document


NUMBER = r"(-?[0-9.]+(?:e[-+]?[0-9]+)?)"
BOUNDS = re.compile(r"^(?:whole number in )?([\(\[])" + NUMBER + ", " + NUMBER + r"([\)\]])")


def parse_bounds(accepted):
    """(lo, hi, lo_open, hi_open, integer) of an accepted-range text, or None for a choice."""
    m = BOUNDS.match(accepted)
    if not m:
        return None
    return float(m.group(2)), float(m.group(3)), m.group(1) == "(", m.group(4) == ")", accepted.startswith("whole")


def log(*args):
    print(*args, file=sys.stderr, flush=True)
