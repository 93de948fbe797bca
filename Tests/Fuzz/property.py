#!/usr/bin/env python3
"""Seeded property test over generated in-range scenarios.

Thousands of scenarios are generated from the parameter table (`orbital explain --format json`):
a random subset of keys, each at a value inside its accepted range (log-uniform over wide ranges,
with extra weight on the ends). Property: every verb either succeeds with finite numbers or fails
with one line naming a key, within a time bound.

- all scenarios: `validate` in batches (it evaluates each file, with the finiteness guard);
- a sample: `evaluate --format json` (finite JSON);
- a smaller sample: every verb — compare, breakeven, sweep, montecarlo, sensitivity, timeline,
  latency, report — each within its own time bound.

    python3 Tests/Fuzz/property.py --scenarios 2000 --seed 1
"""
import argparse
import concurrent.futures
import math
import os
import random
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

# Keys that exclude each other (Scenario.exclusive) or need another (Scenario.requires).
EXCLUSIVE = [("compute.it_power_w", "compute.accelerator_count"), ("orbit.sso_ltan_h", "orbit.inclination_deg"),
             ("orbit.beta_deg", "orbit.inclination_deg"), ("orbit.beta_deg", "orbit.sso_ltan_h")]
REQUIRES = [("orbit.raan_deg", "orbit.inclination_deg")]
VERB_SECONDS = 60


def value(rng, p):
    b = common.parse_bounds(p["accepted"])
    if b is None:
        if not p["accepted"].startswith("one of "):
            return None                      # an accepted range this generator does not read
        options = p["accepted"].replace("one of ", "").split(", ")
        return rng.choice(options)
    lo, hi, lo_open, hi_open, integer = b
    r = rng.random()
    if r < 0.1:
        x = lo
    elif r < 0.2:
        x = hi
    elif lo > 0 and hi / lo > 100:
        x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    elif lo == 0 and hi > 100 and rng.random() < 0.5:
        x = math.exp(rng.uniform(math.log(hi * 1e-9), math.log(hi)))
    else:
        x = rng.uniform(lo, hi)
    if integer:
        x = float(round(x))
        x = min(max(x, math.ceil(lo + (1 if lo_open else 0))), math.floor(hi - (1 if hi_open else 0)))
    if lo_open and x <= lo:
        x = lo + max(abs(lo) * 1e-12, 1e-12)
    if hi_open and x >= hi:
        x = hi - max(abs(hi) * 1e-12, 1e-12)
    return repr(int(x)) if integer else repr(x)


def scenario(rng, params, kind):
    mine = [p for p in params if p["kind"] == kind]
    chosen = {}
    for p in rng.sample(mine, rng.randint(1, min(12, len(mine)))):
        v = value(rng, p)
        if v is not None:
            chosen[p["key"]] = v
    for a, b in EXCLUSIVE:
        if a in chosen and b in chosen:
            del chosen[rng.choice([a, b])]
    for a, b in REQUIRES:
        if a in chosen and b not in chosen:
            del chosen[a]
    lines = [f"kind: {kind}", f"name: prop-{rng.randrange(1 << 30)}"]
    lines += [f"{k}: {v}" for k, v in sorted(chosen.items())]
    return "\n".join(lines) + "\n"


def names_a_key(err, keys):
    return any(k in err for k in keys) or re.search(r"--[a-z-]+", err) is not None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenarios", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--evaluate-sample", type=int, default=200)
    ap.add_argument("--verb-sample", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    params = common.explain()
    keys = {p["key"] for p in params} | {"kind", "uncertainty"}
    work = tempfile.mkdtemp(prefix="orbital-property-")
    files = []
    for i in range(a.scenarios):
        kind = "orbital" if rng.random() < 0.8 else "terrestrial"
        path = os.path.join(work, f"s{i:05d}-{kind}.yaml")
        with open(path, "w") as f:
            f.write(scenario(rng, params, kind))
        files.append(path)
    failures = []
    counts = {"ok": 0, "refused": 0}
    start = time.time()

    # 1. Every scenario through validate, in batches (one line per file; status 2 if any failed).
    def batch(paths):
        status, out, err, t = common.run(["validate"] + paths, timeout=120)
        problems = []
        if t or status not in (0, 2):
            problems.append(f"validate batch: status {status}, timeout {t}")
        oks = out.count("\nok  ") + (1 if out.startswith("ok  ") else 0)
        errors = [l for l in err.split("\n") if l]
        if oks + len(errors) != len(paths):
            problems.append(f"validate batch: {oks} ok + {len(errors)} errors for {len(paths)} files")
        for l in errors:
            if not l.startswith("orbital: error: ") or not names_a_key(l, keys):
                problems.append(f"error does not name a key: {l[:200]}")
            if common.NON_FINITE.search(re.sub(r"'[^']*'", "", l)):
                problems.append(f"error shows a non-finite number: {l[:200]}")
        return oks, len(errors), problems

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for oks, errs, problems in pool.map(batch, [files[i:i + 100] for i in range(0, len(files), 100)]):
            counts["ok"] += oks
            counts["refused"] += errs
            failures += problems
    validated = time.time() - start

    # 2. A sample through evaluate --format json.
    def evaluate(path):
        status, out, err, t = common.run(["evaluate", path, "--format", "json"], timeout=30)
        why = common.verdict(status, out, err, t, json_out=True)
        return [f"evaluate {os.path.basename(path)}: {why}: {err[:160]}"] if why else []
    sample = rng.sample(files, min(a.evaluate_sample, len(files)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for problems in pool.map(evaluate, sample):
            failures += problems

    # 3. Every verb on a smaller sample of orbital scenarios, each within a time bound.
    orbital = [f for f in files if f.endswith("-orbital.yaml")]
    verb_runs = 0
    slowest = (0.0, "")

    def verbs(path):
        out_dir = tempfile.mkdtemp(prefix="orbital-verbs-")
        runs = [
            ["compare", path, "--format", "json"],
            ["breakeven", path, "--solve", "launch.cost_per_kg_usd", "--format", "json"],
            ["sweep", path, "--vary", "launch.cost_per_kg_usd=50:2000:5:log", "--ratio", "--format", "json", "--quiet"],
            ["montecarlo", path, "--draws", "300", "--vary", "solar.cost_usd_per_w=uniform(5, 40)", "--no-declared", "--format", "json", "--quiet"],
            ["sensitivity", path, "--samples", "16", "--format", "json"],
            ["timeline", path, "--format", "json", "--points", "50"],
            ["latency", path, "--duration-h", "2", "--step-s", "60", "--format", "json"],
            ["report", path, "--sobol-samples", "16", "--output", os.path.join(out_dir, "r.html")],
        ]
        problems, timings = [], []
        for args in runs:
            t0 = time.time()
            status, out, err, t = common.run(args, timeout=VERB_SECONDS)
            timings.append((time.time() - t0, args[0] + " " + os.path.basename(path)))
            why = common.verdict(status, out, err, t, json_out="--format" in args and "json" in args)
            if why:
                problems.append(f"{args[0]} {os.path.basename(path)}: {why}: {err[:160]}")
            elif status == 2 and not names_a_key(err, keys):
                problems.append(f"{args[0]} {os.path.basename(path)}: error names no key: {err[:160]}")
        return problems, timings

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for problems, timings in pool.map(verbs, rng.sample(orbital, min(a.verb_sample, len(orbital)))):
            failures += problems
            verb_runs += len(timings)
            slowest = max([slowest] + timings)
    for f in failures:
        common.log("PROPERTY", f)
    print(f"property: {len(files)} generated scenarios ({counts['ok']} evaluated, {counts['refused']} refused with one line) "
          f"in {validated:.0f} s, {len(sample)} evaluate --format json, {verb_runs} verb runs (slowest {slowest[0]:.1f} s: {slowest[1]}), "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
