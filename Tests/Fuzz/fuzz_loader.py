#!/usr/bin/env python3
"""Mutation fuzzer for the scenario loader and the --set parser, driving the release binary.

Every case must satisfy the oracle of common.py (exit 0 with finite JSON, or exit 2 with one
line), within a time bound. Seeds: Tests/Fuzz/corpus/*.yaml. Every finding is kept under
Tests/Fuzz/crashers/ (the input and a .why file); kept crashers are replayed first on every run
as regression cases and must pass.

    python3 Tests/Fuzz/fuzz_loader.py --seconds 60 --seed 1
"""
import argparse
import concurrent.futures
import hashlib
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

TOKENS = ["[", "]", "{", "}", ":", ": ", "- ", "? ", ",", "#", "&a ", "*a", "!!str ", "!!float ", "|", ">", "'", '"', "\\",
          "\t", "\n", "\r\n", "  ", "~", "null", "---\n", "...\n", "%YAML 1.2\n", "<<: *a\n", "\x00", "\x1b]0;x\x07", "\u2028",
          "é", "💥", "\r", "\u0085", "\u2029", " x 'y", "x:'y", "x,'y", ' "q', " # c\r", "kind: orbital\n", "kind: terrestrial\n", "orbit:\n", "uncertainty:\n", "published:\n"]
NUMBERS = ["0", "-0", "1e-308", "5e-324", "1e308", "1e999", "-1e999", "nan", ".nan", ".inf", "-.inf", "inf", "0x1p3", "0x10",
           "1_000", "9223372036854775807", "-9223372036854775808", "1e-7", "0.0000001", "-1", "2", "1.5", "18", "24", "360",
           "+5", "1e3", "0o17", "0b101", "١٢٣", "1,5", "¼"]
# Valid fragments spliced into files: known keys with values near and beyond their ranges.
KEYS = []


def mutate(text, rng, seeds):
    data = text
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(11)
        pos = rng.randint(0, len(data)) if data else 0
        if op == 0 and data:                                      # delete a span
            end = min(len(data), pos + rng.randint(1, 20))
            data = data[:pos] + data[end:]
        elif op == 1:                                             # insert a YAML token
            data = data[:pos] + rng.choice(TOKENS) + data[pos:]
        elif op == 2:                                             # replace a number
            digits = [i for i, c in enumerate(data) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                j = i
                while j < len(data) and (data[j].isdigit() or data[j] in ".e-+_"):
                    j += 1
                data = data[:i] + rng.choice(NUMBERS) + data[j:]
        elif op == 3:                                             # duplicate a line (duplicate keys)
            lines = data.split("\n")
            k = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[k])
            data = "\n".join(lines)
        elif op == 4:                                             # splice another seed's lines
            other = rng.choice(seeds).split("\n")
            a = rng.randrange(len(other))
            data = data[:pos] + "\n".join(other[a:a + rng.randint(1, 5)]) + "\n" + data[pos:]
        elif op == 5:                                             # deep nesting
            depth = rng.choice([10, 63, 64, 65, 100, 1000, 5000])
            kind = rng.randrange(3)
            nest = ("[" * depth + "]" * depth) if kind == 0 else ("{a: " * depth + "1" + "}" * depth) if kind == 1 else \
                "\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, min(depth, 400)))
            data = data[:pos] + nest + data[pos:]
        elif op == 6:                                             # a known key with an extreme value
            if KEYS:
                key = rng.choice(KEYS)
                data += f"\n{key}: {rng.choice(NUMBERS)}\n"
        elif op == 7:                                             # long value
            data = data[:pos] + "x" * rng.choice([100, 5000, 200_000]) + data[pos:]
        elif op == 8 and data:                                    # flip a byte
            i = rng.randrange(len(data))
            data = data[:i] + chr(rng.randrange(1, 0x80)) + data[i + 1:]
        elif op == 9:                                             # indentation change
            lines = data.split("\n")
            k = rng.randrange(len(lines))
            lines[k] = " " * rng.randint(0, 8) + lines[k].lstrip() if rng.random() < 0.5 else lines[k].lstrip()
            data = "\n".join(lines)
        else:                                                     # aliases (billion-laughs style)
            data += "\nx: &a [1, 2]\ny: &b [*a, *a, *a, *a]\nz: [*b, *b, *b, *b]\n"
    return data


def set_case(rng, params):
    """A --set argument: a key (sometimes misspelt or prefixed) and a hostile value."""
    p = rng.choice(params)
    key = p["key"]
    r = rng.random()
    if r < 0.1:
        key = rng.choice(["orbital:", "ground:", "both:", "x:", ""]) + key
    elif r < 0.15:
        key = key[:-1]
    bounds = common.parse_bounds(p["accepted"])
    values = list(NUMBERS) + ["", "=", "a=b", "battery", "x" * 3000, "1\n2", "\x1b[2J", " 5 "]
    if bounds:
        lo, hi = bounds[0], bounds[1]
        values += [repr(lo), repr(hi), repr(lo - 1e-9), repr(hi * 1.0000001 + 1e-9), repr(lo + 5e-324), repr((lo + hi) / 2)]
    return f"{key}={rng.choice(values)}", p["kind"]


def check_file(path, verb):
    args = {"validate": ["validate", path], "evaluate": ["evaluate", path, "--format", "json"],
            "compare": ["compare", path, "--format", "json"]}[verb]
    status, out, err, timed_out = common.run(args, timeout=20)
    return common.verdict(status, out, err, timed_out, json_out=verb != "validate"), err


def keep(kind, content, why, args):
    digest = hashlib.sha1(content.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    base = os.path.join(common.FUZZ, "crashers", f"{kind}-{digest}")
    with open(base + (".yaml" if kind == "yaml" else ".set"), "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(content)
    with open(base + ".why", "w") as f:
        f.write(f"{why}\n{' '.join(args)}\n")
    return base


def replay():
    """Kept crashers must now pass. Returns (cases, failures)."""
    folder = os.path.join(common.FUZZ, "crashers")
    cases = failures = 0
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".yaml"):
            for verb in ("validate", "evaluate"):
                cases += 1
                why, err = check_file(path, verb)
                if why:
                    failures += 1
                    common.log(f"REGRESSION {name} {verb}: {why}: {err[:200]!r}")
        elif name.endswith(".set"):
            with open(path, encoding="utf-8", errors="surrogatepass") as f:
                text = f.read()
            cases += 1
            status, out, err, t = common.run(["evaluate", os.path.join(common.ROOT, "Models", "orbital-1gw-dawn-dusk.yaml"), "--format", "json", "--set", text])
            why = common.verdict(status, out, err, t, json_out=True)
            if why:
                failures += 1
                common.log(f"REGRESSION {name}: {why}")
    return cases, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    params = common.explain()
    KEYS.extend(p["key"] for p in params)
    corpus = os.path.join(common.FUZZ, "corpus")
    seeds = [open(os.path.join(corpus, n), encoding="utf-8").read() for n in sorted(os.listdir(corpus)) if n.endswith(".yaml")]
    replayed, regressions = replay()
    work = tempfile.mkdtemp(prefix="orbital-fuzz-")
    deadline = time.time() + a.seconds
    cases = findings = 0
    kinds = {}

    def one(i, text, set_arg):
        if set_arg is not None:
            arg, kind = set_arg
            scenario = "orbital-1gw-dawn-dusk.yaml" if kind == "orbital" else "colossus-1.yaml"
            args = ["evaluate", os.path.join(common.ROOT, "Models", scenario), "--format", "json", "--set", arg]
            status, out, err, t = common.run(args, timeout=20)
            return "set", arg, common.verdict(status, out, err, t, json_out=True), args, err
        path = os.path.join(work, f"case-{i % 64}-{os.getpid()}-{i}.yaml")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(text)
        verb = "evaluate" if i % 3 else "validate"
        why, err = check_file(path, verb)
        os.unlink(path)
        return "yaml", text, why, [verb, "FILE"], err

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        i = 0
        pending = set()
        while time.time() < deadline or pending:
            while time.time() < deadline and len(pending) < a.jobs * 2:
                i += 1
                if rng.random() < 0.3:
                    pending.add(pool.submit(one, i, None, set_case(rng, params)))
                else:
                    pending.add(pool.submit(one, i, mutate(rng.choice(seeds), rng, seeds), None))
            done, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for f in done:
                kind, content, why, args, err = f.result()
                cases += 1
                kinds[kind] = kinds.get(kind, 0) + 1
                if why:
                    findings += 1
                    base = keep(kind, content, why, args)
                    common.log(f"FINDING {why}: kept as {os.path.relpath(base, common.ROOT)} ({err[:160]!r})")
    print(f"fuzz: {cases} cases ({kinds.get('yaml', 0)} scenario files, {kinds.get('set', 0)} --set), {findings} findings kept, "
          f"{replayed} kept crasher replays, {regressions} regressions")
    return 1 if findings or regressions else 0


if __name__ == "__main__":
    sys.exit(main())
