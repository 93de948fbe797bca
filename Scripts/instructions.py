#!/usr/bin/env python3
"""Instructions per Monte Carlo draw and per cost-only sweep point, and where they go.

Runs `orbital bench --profile draws:N` and `--profile sweep:N` under valgrind's callgrind
(instruction counts do not depend on the machine's load, unlike timings) for N and 2N
iterations; the difference divided by N is the cost of one iteration without start-up. Each
function's own instructions are then grouped by what they do, and the groups sum to the total.

    python3 Scripts/instructions.py [--binary .build/release/orbital] [--draws 10000] [--points 40000]

Needs valgrind (`apt-get install valgrind`). callgrind cannot read the Swift debug information,
so a copy of the binary without it (`strip --strip-debug`) is profiled.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

# (group, pattern on the function name or its library), first match wins.
GROUPS = [
    ("samplers (GSL mt19937, lognormal, triangular, uniform)", r"libgsl|RandomGenerator|Sampler|PreparedDistribution"),
    ("libm (exp, log, pow, cos, …)", r"libm\.so|/math/|ieee754"),
    ("memcpy of step values", r"memmove|memcpy|memset"),
    ("reference counting", r"swift_retain|swift_release|swift_bridgeObject|swift_isUniquelyReferenced|WOh|WOc|WOy|WOe|wcp|wxx|Owcp|Owxx"),
    ("training fabric", r"FabricModel|TrainingStep|Formation|FabricLayout|PassTable"),
    ("launch, cost lines, levelized cost", r"price|Costs|Levelized|Delivery|DeploymentTiming|CostLine|CostTotals|Launch|Finance"),
    ("number text and row writing", r"writeShortest|appendRow|ByteBuffer|ByteWriter|NumberTextCache|Sweep|rowBytesBound"),
    ("reading inputs and columns, the draw loop", r"StudyEvaluator|DrawLoop|MonteCarlo|FieldSetter"),
    ("the rest of the chain (sizing, orbit, power, thermal, mass, network, memos)", r"OrbitalCompute"),
]


def profile(binary, loop, n, workdir):
    out = os.path.join(workdir, f"{loop}-{n}.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "bench", "--profile", f"{loop}:{n}"],
                   check=True, capture_output=True)
    text = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", out], check=True, capture_output=True, text=True).stdout
    total, per_fn = 0, {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*)", line)
        if not m:
            continue
        count = int(m.group(1).replace(",", ""))
        if "PROGRAM TOTALS" in m.group(2):
            total = count
        elif ":" in m.group(2):
            per_fn[m.group(2)] = per_fn.get(m.group(2), 0) + count
    return total, per_fn


def per_iteration(binary, loop, n, workdir):
    t1, f1 = profile(binary, loop, n, workdir)
    t2, f2 = profile(binary, loop, 2 * n, workdir)
    total = (t2 - t1) / n
    groups = {g: 0.0 for g, _ in GROUPS}
    groups["other"] = 0.0
    for fn in set(f1) | set(f2):
        d = (f2.get(fn, 0) - f1.get(fn, 0)) / n
        group = next((g for g, p in GROUPS if re.search(p, fn)), "other")
        groups[group] += d
    # Start-up differences between the two runs land in `other`: the groups sum to the total.
    groups["other"] += total - sum(groups.values())
    return total, groups


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build/release/orbital")
    ap.add_argument("--draws", type=int, default=10000)
    ap.add_argument("--points", type=int, default=40000)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("instructions.py needs valgrind (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as work:
        binary = os.path.join(work, "orbital")
        shutil.copy(args.binary, binary)
        subprocess.run(["strip", "--strip-debug", binary], check=True)
        rows = [("montecarlo_draw", *per_iteration(binary, "draws", args.draws, work)),
                ("csv_sweep_point", *per_iteration(binary, "sweep", args.points, work))]
    width = max(len(g) for g, _ in GROUPS) + 2
    print(f"{'instructions per iteration':<{width}}{'draw':>8}{'point':>8}")
    print(f"{'total':<{width}}{rows[0][1]:>8,.0f}{rows[1][1]:>8,.0f}")
    for g in [g for g, _ in GROUPS] + ["other"]:
        print(f"{'  ' + g:<{width}}{rows[0][2][g]:>8,.0f}{rows[1][2][g]:>8,.0f}")


if __name__ == "__main__":
    main()
