#!/usr/bin/env python3
"""Output-file safety trials for every writer (issue 15).

- kill-and-resume: a sweep killed by SIGKILL or SIGINT at a random moment, then resumed, gives
  the uninterrupted file byte for byte (>= 10 trials of each signal);
- interrupt: SIGINT/SIGTERM during an atomic write leaves the old file (or none), no temporary,
  and exit status 130/143;
- concurrent writers: a second sweep into a file another sweep holds (waited for, not guessed by
  a sleep) fails at once (locked), and the file is one run;
- foreign file: --resume into a file orbital did not write leaves it untouched;
- symlinked temporaries: symlinks planted at every temporary name the old scheme used, and at the
  output's folder, never redirect a write; modes of replaced files are kept; a character device
  stays a device.

    python3 Tests/Fuzz/files.py --trials 10 --seed 1
"""
import argparse
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SCENARIO = os.path.join(common.ROOT, "Models", "orbital-1gw-dawn-dusk.yaml")
SWEEP = ["sweep", SCENARIO, "--vary", "launch.cost_per_kg_usd=20:2000:400:log", "--vary", "solar.cost_usd_per_w=5:80:500", "--ratio",
         "--quiet", "--jobs", "2"]


class Trials:
    def __init__(self):
        self.count = 0
        self.failures = []

    def check(self, ok, what):
        self.count += 1
        if not ok:
            self.failures.append(what)
            common.log("FAIL", what)


def writers(out):
    """Every verb that writes --output (atomically), with arguments that succeed quickly."""
    return {
        "evaluate": ["evaluate", SCENARIO, "--format", "json", "--output", out],
        "compare": ["compare", SCENARIO, "--format", "csv", "--output", out],
        "breakeven": ["breakeven", SCENARIO, "--solve", "launch.cost_per_kg_usd", "--output", out],
        "timeline": ["timeline", SCENARIO, "--format", "csv", "--output", out],
        "orbit": ["orbit", "--altitude-km", "650", "--sso-ltan-h", "18", "--output", out],
        "radiator": ["radiator", "--heat-w", "1e6", "--temperature-k", "300", "--output", out],
        "montecarlo": ["montecarlo", SCENARIO, "--draws", "2000", "--quiet", "--format", "json", "--output", out],
        "montecarlo-draws": ["montecarlo", SCENARIO, "--draws", "2000", "--quiet", "--draws-output", out],
        "sensitivity": ["sensitivity", SCENARIO, "--samples", "16", "--format", "csv", "--output", out],
        "report": ["report", SCENARIO, "--sobol-samples", "16", "--output", out],
        "published": ["published", "--output", out],
    }


def kill_and_resume(t, rng, trials, work):
    whole = os.path.join(work, "whole.csv")
    status, _, err, _ = common.run(SWEEP + ["--output", whole], timeout=600)
    t.check(status == 0, f"uninterrupted sweep: {err[:200]}")
    expected = open(whole, "rb").read()
    full_time = None
    for sig in (signal.SIGKILL, signal.SIGINT):
        for trial in range(trials):
            out = os.path.join(work, f"killed-{sig}-{trial}.csv")
            start = time.time()
            p = subprocess.Popen([common.BINARY] + SWEEP + ["--output", out], cwd=common.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if full_time is None:
                p.wait()
                full_time = time.time() - start
                os.unlink(out)
                p = subprocess.Popen([common.BINARY] + SWEEP + ["--output", out], cwd=common.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.02, max(full_time * 0.9, 0.05)))
            p.send_signal(sig)
            p.wait()
            if sig == signal.SIGINT and p.returncode not in (130, 0):
                t.check(False, f"SIGINT sweep exited {p.returncode}")
            # Resume, possibly twice (a second kill during the resume).
            if rng.random() < 0.3 and os.path.exists(out):
                q = subprocess.Popen([common.BINARY] + SWEEP + ["--output", out, "--resume"], cwd=common.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.01, 0.3))
                q.send_signal(sig)
                q.wait()
            status, _, err, _ = common.run(SWEEP + ["--output", out, "--resume"], timeout=600)
            got = open(out, "rb").read() if os.path.exists(out) else b""
            t.check(status == 0 and got == expected, f"{signal.Signals(sig).name} trial {trial}: resume status {status}, {len(got)} of {len(expected)} bytes, {err[:160]}")


# A writer slow enough to be caught writing: full evaluations over 3,000 altitudes (about 2 s on
# two cores). The price-only SWEEP finishes in a quarter of a second, sooner than a second
# process starts on a quiet machine.
SLOW_SWEEP = ["sweep", SCENARIO, "--vary", "orbit.altitude_km=500:1200:3000", "--ratio", "--quiet", "--jobs", "2"]


def holds_lock(path, process, timeout=60):
    """Waits until `process`, a sweep writing `path` afresh, holds its lock: it writes the
    fingerprint file (`path.sweep-id`) right after taking it. False if it ended first."""
    deadline = time.time() + timeout
    while time.time() < deadline and process.poll() is None:
        if os.path.exists(path + ".sweep-id"):
            return True
        time.sleep(0.002)
    return False


def concurrent_writers(t, work):
    whole_path = os.path.join(work, "slow-whole.csv")
    status, _, err, _ = common.run(SLOW_SWEEP + ["--output", whole_path], timeout=600)
    t.check(status == 0, f"slow sweep: status {status}, {err[:160]}")
    whole = open(whole_path, "rb").read()
    out = os.path.join(work, "shared.csv")
    a = subprocess.Popen([common.BINARY] + SLOW_SWEEP + ["--output", out], cwd=common.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    holding = holds_lock(out, a)
    status, _, err, _ = common.run(SLOW_SWEEP + ["--output", out], timeout=600)
    a.wait()
    t.check(holding and status == 2 and "locked" in err, f"second writer: first holding the lock {holding}, status {status}, {err[:160]}")
    status, _, err, _ = common.run(SLOW_SWEEP + ["--output", out, "--resume"], timeout=600)
    t.check(a.returncode == 0 and open(out, "rb").read() == whole, "concurrent writers: the file is not one run")
    # A resume while another sweep writes: refused too.
    b = subprocess.Popen([common.BINARY] + SLOW_SWEEP + ["--output", out + ".2"], cwd=common.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    holding = holds_lock(out + ".2", b)
    status, _, err, _ = common.run(SLOW_SWEEP + ["--output", out + ".2", "--resume"], timeout=600)
    b.wait()
    t.check(holding and status == 2 and "locked" in err, f"resume beside a writer: first holding the lock {holding}, status {status}, {err[:160]}")


def foreign_files(t, work):
    for text in [b"my notes without a final newline", b"line one\nline two", b"", b"a,b,c\n1,2,3\n"]:
        out = os.path.join(work, "notes.txt")
        with open(out, "wb") as f:
            f.write(text)
        status, _, err, _ = common.run(SWEEP + ["--output", out, "--resume"], timeout=600)
        got = open(out, "rb").read()
        if text:
            t.check(status == 2 and got == text and "fingerprint" in err, f"foreign file {text[:20]!r}: status {status}, now {got[:40]!r}")
        else:
            t.check(status == 0, f"empty file resumed as new: {status} {err[:120]}")
        for extra in (out + ".sweep-id",):
            if os.path.exists(extra):
                os.unlink(extra)
    # A sweep of other settings is refused before the file is touched.
    out = os.path.join(work, "other.csv")
    shutil.copy(os.path.join(work, "whole.csv"), out)
    shutil.copy(os.path.join(work, "whole.csv") + ".sweep-id", out + ".sweep-id")
    before = open(out, "rb").read()
    ground = os.path.join(work, "ground.yaml")
    with open(ground, "w") as f:
        f.write("kind: terrestrial\nfacility:\n  pue: 1.3\n")
    for extra in (["--set", "solar.cost_usd_per_w=30"], ["--against", ground], ["--shard", "1/2"], ["--set", "ground:facility.pue=1.3"]):
        status, _, err, _ = common.run(SWEEP + ["--output", out, "--resume"] + extra, timeout=600)
        t.check(status == 2 and open(out, "rb").read() == before, f"resume with {extra}: status {status}, {err[:160]}")


def atomic_writers(t, rng, work):
    for name, args_of in [(n, lambda o, n=n: writers(o)[n]) for n in writers("x")]:
        folder = os.path.join(work, "w-" + name)
        os.makedirs(folder)
        out = os.path.join(folder, "out.txt")
        victim = os.path.join(folder, "victim.txt")
        with open(victim, "w") as f:
            f.write("precious")
        with open(out, "w") as f:
            f.write("old")
        os.chmod(out, 0o640)
        # Symlinks at the names the old scheme would use, and at a few guesses.
        for pid in range(os.getpid(), os.getpid() + 200):
            try:
                os.symlink(victim, os.path.join(folder, f".out.txt.tmp-{pid}"))
            except FileExistsError:
                pass
        status, _, err, _ = common.run(args_of(out), timeout=300)
        t.check(status == 0, f"{name}: status {status}, {err[:160]}")
        t.check(open(victim).read() == "precious", f"{name}: a planted symlink redirected the write")
        t.check(stat.S_IMODE(os.stat(out).st_mode) == 0o640, f"{name}: mode {oct(os.stat(out).st_mode)} not kept")
        reference = open(out, "rb").read()
        t.check(reference != b"old", f"{name}: output not written")
        left = [n for n in os.listdir(folder) if ".tmp-" in n and not os.path.islink(os.path.join(folder, n))]
        t.check(left == [], f"{name}: temporaries left {left}")
        # Interrupted: old file intact, no temporary, status 130/143.
        with open(out, "w") as f:
            f.write("old")
        sig = rng.choice([signal.SIGINT, signal.SIGTERM])
        p = subprocess.Popen([common.BINARY] + args_of(out), cwd=common.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.15))
        p.send_signal(sig)
        p.wait()
        content = open(out, "rb").read()
        left = [n for n in os.listdir(folder) if ".tmp-" in n and not os.path.islink(os.path.join(folder, n))]
        # -sig: the signal came before the handler was installed (before any file was opened).
        # The old file, or the whole new one (the signal came after the rename): never a part.
        t.check(p.returncode in (0, 128 + sig, -sig) and left == [] and (content == b"old" or content == reference),
                f"{name} interrupted by {signal.Signals(sig).name}: status {p.returncode}, temporaries {left}, content {content[:20]!r}")
        # A character device is streamed to, never replaced.
        status, _, err, _ = common.run(args_of("/dev/null"), timeout=300)
        t.check(status == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode), f"{name} to /dev/null: status {status}, {err[:120]}")
        # A folder is refused with one line.
        status, _, err, _ = common.run(args_of(folder), timeout=300)
        t.check(status == 2 and len(err.strip().split("\n")) == 1, f"{name} to a folder: status {status}, {err[:120]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="orbital-files-")
    t = Trials()
    start = time.time()
    kill_and_resume(t, rng, a.trials, work)
    concurrent_writers(t, work)
    foreign_files(t, work)
    atomic_writers(t, rng, work)
    shutil.rmtree(work, ignore_errors=True)
    print(f"files: {t.count} checks ({a.trials} SIGKILL + {a.trials} SIGINT kill-and-resume trials, concurrent writers, foreign files, "
          f"{len(writers('x'))} atomic writers with planted symlinks, interrupts, devices) in {time.time() - start:.0f} s, {len(t.failures)} failures")
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main())
