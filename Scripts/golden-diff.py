#!/usr/bin/env python3
"""Compares two golden captures (Scripts/golden.sh) number by number: prints every file that
differs and the largest relative difference between numbers at the same place, and exits 1 if
any text differs or any number differs by more than --tolerance (relative).
    python3 Scripts/golden-diff.py Tests/CLITests/Golden/scenarios /tmp/after [--tolerance 1e-12]"""
import argparse, os, re, sys

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")

def split(text):
    return NUMBER.split(text), [float(x) for x in NUMBER.findall(text)]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("before"); p.add_argument("after")
    p.add_argument("--tolerance", type=float, default=1e-12)
    a = p.parse_args()
    worst, bad = 0.0, False
    names = sorted(set(os.listdir(a.before)) | set(os.listdir(a.after)))
    for name in names:
        try:
            x = open(os.path.join(a.before, name)).read(); y = open(os.path.join(a.after, name)).read()
        except FileNotFoundError:
            print(f"{name}: only in one capture"); bad = True; continue
        if x == y: continue
        (tx, nx), (ty, ny) = split(x), split(y)
        if tx != ty or len(nx) != len(ny):
            print(f"{name}: text differs"); bad = True; continue
        rel = max((abs(u - v) / max(abs(u), abs(v), 1e-300) for u, v in zip(nx, ny) if u != v), default=0.0)
        worst = max(worst, rel)
        print(f"{name}: numbers differ, largest relative difference {rel:.2e}")
        bad |= rel > a.tolerance
    print(f"largest relative difference {worst:.2e} (tolerance {a.tolerance:g})")
    sys.exit(1 if bad else 0)

main()
